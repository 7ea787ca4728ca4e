"""The results of runs, finished or streamed."""

from ._run.results import RunResult as RunResult
from ._run.results import RunResultBase as RunResultBase
from ._run.results import RunResultStreaming as RunResultStreaming

__all__ = (
    "RunResult",
    "RunResultBase",
    "RunResultStreaming",
)
