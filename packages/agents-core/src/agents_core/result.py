"""The results of runs, finished or streamed."""

from ._run.results import AgentToolInvocation as AgentToolInvocation
from ._run.results import RunResult as RunResult
from ._run.results import RunResultBase as RunResultBase
from ._run.results import RunResultStreaming as RunResultStreaming
from ._run.results import ToInputListMode as ToInputListMode

__all__ = (
    "AgentToolInvocation",
    "RunResult",
    "RunResultBase",
    "RunResultStreaming",
    "ToInputListMode",
)
