"""What a model call may record, from the run's tracing settings (from
``agents_core.model_tracing``)."""

from agents_core.model_tracing import *  # noqa: F403
from agents_core.model_tracing import __all__ as __all__
