"""Settings that apply to a whole run."""

from ._run.config import CallModelData as CallModelData
from ._run.config import CallModelInputFilter as CallModelInputFilter
from ._run.config import ModelInputData as ModelInputData
from ._run.config import OutputGuardrailBlockedMessageArgs as OutputGuardrailBlockedMessageArgs
from ._run.config import (
    OutputGuardrailBlockedMessageFormatter as OutputGuardrailBlockedMessageFormatter,
)
from ._run.config import ReasoningItemIdPolicy as ReasoningItemIdPolicy
from ._run.config import RunConfig as RunConfig
from ._run.config import RunOptions as RunOptions
from ._run.config import ToolErrorFormatter as ToolErrorFormatter
from ._run.config import ToolErrorFormatterArgs as ToolErrorFormatterArgs
from ._run.config import ToolExecutionConfig as ToolExecutionConfig
from ._run.config import ToolNameCollisionPolicy as ToolNameCollisionPolicy
from ._run.config import ToolNotFoundBehavior as ToolNotFoundBehavior
from ._run.runner import DEFAULT_MAX_TURNS as DEFAULT_MAX_TURNS

__all__ = (
    "DEFAULT_MAX_TURNS",
    "CallModelData",
    "CallModelInputFilter",
    "ModelInputData",
    "OutputGuardrailBlockedMessageArgs",
    "OutputGuardrailBlockedMessageFormatter",
    "ReasoningItemIdPolicy",
    "RunConfig",
    "RunOptions",
    "ToolErrorFormatter",
    "ToolErrorFormatterArgs",
    "ToolExecutionConfig",
    "ToolNameCollisionPolicy",
    "ToolNotFoundBehavior",
)
