"""Running agents: ``Runner`` and the run's settings."""

from ._base.run_context import RunContextWrapper as RunContextWrapper
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
from ._run.run_state import RunState as RunState
from ._run.runner import DEFAULT_MAX_TURNS as DEFAULT_MAX_TURNS
from ._run.runner import AgentRunner as AgentRunner
from ._run.runner import Runner as Runner
from ._run.runner import get_default_agent_runner as get_default_agent_runner
from ._run.runner import set_default_agent_runner as set_default_agent_runner

__all__ = (
    "DEFAULT_MAX_TURNS",
    "AgentRunner",
    "CallModelData",
    "CallModelInputFilter",
    "ModelInputData",
    "OutputGuardrailBlockedMessageArgs",
    "OutputGuardrailBlockedMessageFormatter",
    "ReasoningItemIdPolicy",
    "RunConfig",
    "RunContextWrapper",
    "RunOptions",
    "RunState",
    "Runner",
    "ToolErrorFormatter",
    "ToolErrorFormatterArgs",
    "ToolExecutionConfig",
    "ToolNameCollisionPolicy",
    "ToolNotFoundBehavior",
    "get_default_agent_runner",
    "set_default_agent_runner",
)
