"""``agents.realtime.testing``: the scripted realtime model and the fake Realtime server."""

from ._require import missing_realtime

try:
    from agents_realtime.testing import *  # noqa: F403
    from agents_realtime.testing import __all__ as __all__
except ModuleNotFoundError as exc:  # pragma: no cover - depends on what is installed
    raise missing_realtime(exc) from exc
