"""Every exception the runtime raises (the tree is drawn in ``agents_core.exceptions``)."""

from agents_core.exceptions import *  # noqa: F403
from agents_core.exceptions import __all__ as __all__
