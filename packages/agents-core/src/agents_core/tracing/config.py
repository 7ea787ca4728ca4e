"""Per-run tracing settings."""

from ._config import TracingConfig as TracingConfig
from ._config import include_task_and_turn_spans as include_task_and_turn_spans

__all__ = (
    "TracingConfig",
    "include_task_and_turn_spans",
)
