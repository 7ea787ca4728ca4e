"""What a model call may record, from the run's tracing settings."""

from ._run.run_tracing import get_model_tracing_impl as get_model_tracing_impl

__all__ = ("get_model_tracing_impl",)
