"""The default model and the settings each model starts with."""

from .._models.defaults import (
    OPENAI_DEFAULT_MODEL_ENV_VARIABLE_NAME as OPENAI_DEFAULT_MODEL_ENV_VARIABLE_NAME,
)
from .._models.defaults import GPT5DefaultReasoningEffort as GPT5DefaultReasoningEffort
from .._models.defaults import get_default_model as get_default_model
from .._models.defaults import get_default_model_settings as get_default_model_settings
from .._models.defaults import (
    gpt_5_reasoning_settings_required as gpt_5_reasoning_settings_required,
)
from .._models.defaults import is_gpt_5_default as is_gpt_5_default

__all__ = (
    "OPENAI_DEFAULT_MODEL_ENV_VARIABLE_NAME",
    "GPT5DefaultReasoningEffort",
    "get_default_model",
    "get_default_model_settings",
    "gpt_5_reasoning_settings_required",
    "is_gpt_5_default",
)
