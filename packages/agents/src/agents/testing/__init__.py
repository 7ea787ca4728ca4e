"""Test doubles for agents: ``ScriptedModel`` and the output-item builders (from agents-core)."""

from agents_core.testing import *  # noqa: F403
from agents_core.testing import __all__ as __all__
