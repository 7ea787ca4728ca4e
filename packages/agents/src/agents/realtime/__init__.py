"""``agents.realtime``: realtime agents over websockets (``agents_realtime``).

Needs ``pip install 'agents[realtime]'``. Names load on first use; the submodules
(``agents.realtime.agent``, ``.config``, ``.events``, ...) are the official module paths.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._require import missing_realtime

try:
    import agents_realtime as _realtime
except ModuleNotFoundError as exc:  # pragma: no cover - depends on what is installed
    raise missing_realtime(exc) from exc

__all__: tuple[str, ...] = _realtime.__all__


def __getattr__(name: str) -> Any:
    if name not in _realtime.__all__:
        raise AttributeError(f"module 'agents.realtime' has no attribute {name!r}")
    value = getattr(_realtime, name)
    globals()[name] = value  # later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:
    from agents_realtime import *  # noqa: F403
