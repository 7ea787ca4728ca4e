"""The model an agent uses when it names none, and the settings each model starts with.

GPT-5 models take a reasoning effort and a verbosity; an agent that sets no ``model_settings``
starts with the ones its model family is known to accept (an effort of ``"none"`` where the model
supports it, ``"low"`` or ``"medium"`` where it does not, no effort where it is unknown) and a low
verbosity. Other models start with empty settings. ``OPENAI_DEFAULT_MODEL`` chooses the default
model; it is read at each call, so tests and programs can change it while running.
"""

from __future__ import annotations

import os
import re
from typing import Literal, TypeAlias

from .._base.model_settings import ModelSettings, Reasoning

__all__ = (
    "DEFAULT_MODEL_NAME",
    "OPENAI_DEFAULT_MODEL_ENV_VARIABLE_NAME",
    "GPT5DefaultReasoningEffort",
    "get_default_model",
    "get_default_model_settings",
    "gpt_5_reasoning_settings_required",
    "initial_model_settings",
    "is_gpt_5_default",
)

OPENAI_DEFAULT_MODEL_ENV_VARIABLE_NAME = "OPENAI_DEFAULT_MODEL"
"""The environment variable naming the default model."""

DEFAULT_MODEL_NAME = "gpt-5.6-luna"
"""The default model when ``OPENAI_DEFAULT_MODEL`` is not set."""

GPT5DefaultReasoningEffort: TypeAlias = Literal["none", "low", "medium"]
"""The reasoning efforts GPT-5 models start with."""

# Model name (without its "-YYYY-MM-DD" snapshot suffix, where snapshots exist) -> the effort it
# starts with. "gpt-5" itself and the first codex model do not take "none".
_DATED_FAMILIES: dict[str, GPT5DefaultReasoningEffort] = {
    "gpt-5": "low",
    "gpt-5.1": "none",
    "gpt-5.2": "none",
    "gpt-5.2-pro": "medium",
    "gpt-5.4": "none",
    "gpt-5.4-pro": "medium",
    "gpt-5.4-mini": "none",
    "gpt-5.4-nano": "none",
    "gpt-5.5": "none",
    "gpt-5.6": "none",
    "gpt-5.6-sol": "none",
    "gpt-5.6-terra": "none",
    "gpt-5.6-luna": "none",
}
_UNDATED_MODELS: dict[str, GPT5DefaultReasoningEffort] = {
    "gpt-5.2-codex": "low",
    "gpt-5.3-codex": "none",
}
_SNAPSHOT_SUFFIX = re.compile(r"-\d{4}-\d{2}-\d{2}$")
# Chat aliases of GPT-5 models refuse a reasoning effort.
_CHAT_ALIASES = frozenset(
    {"gpt-5-chat-latest", "gpt-5.1-chat-latest", "gpt-5.2-chat-latest", "gpt-5.3-chat-latest"}
)


def get_default_model() -> str:
    """The model an agent uses when neither it nor the run names one (lower-cased)."""
    return os.environ.get(OPENAI_DEFAULT_MODEL_ENV_VARIABLE_NAME, DEFAULT_MODEL_NAME).lower()


def gpt_5_reasoning_settings_required(model_name: str) -> bool:
    """Whether ``model_name`` is a GPT-5 model that takes reasoning settings."""
    return model_name.startswith("gpt-5") and model_name not in _CHAT_ALIASES


def is_gpt_5_default() -> bool:
    """Whether the default model is a GPT-5 model that takes reasoning settings."""
    return gpt_5_reasoning_settings_required(get_default_model())


def _default_effort(model_name: str) -> GPT5DefaultReasoningEffort | None:
    effort = _UNDATED_MODELS.get(model_name)
    if effort is None:
        effort = _DATED_FAMILIES.get(_SNAPSHOT_SUFFIX.sub("", model_name))
    return effort


def get_default_model_settings(model: str | None = None) -> ModelSettings:
    """The settings a model starts with (``None``: the default model's); a new object each call."""
    name = get_default_model() if model is None else model
    if not gpt_5_reasoning_settings_required(name):
        return ModelSettings()
    effort = _default_effort(name)
    if effort is None:
        return ModelSettings(verbosity="low")
    return ModelSettings(reasoning=Reasoning(effort=effort), verbosity="low")


def initial_model_settings(model: object) -> ModelSettings:
    """The settings an agent with ``model`` (a name, a ``Model`` or None) starts with."""
    if model is None:
        return get_default_model_settings()
    if isinstance(model, str):
        return get_default_model_settings(model)
    return ModelSettings()
