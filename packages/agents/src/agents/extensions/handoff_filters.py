"""Ready-made handoff input filters (from ``agents_core.handoff_filters``)."""

from agents_core.handoff_filters import *  # noqa: F403
from agents_core.handoff_filters import __all__ as __all__
