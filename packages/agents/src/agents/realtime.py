"""``agents.realtime``: the API of ``agents_realtime``; needs ``pip install 'agents[realtime]'``."""

try:
    from agents_realtime import *  # noqa: F403
    from agents_realtime import __all__ as __all__
except ModuleNotFoundError as exc:  # pragma: no cover - depends on what is installed
    if exc.name != "agents_realtime":
        raise
    raise ModuleNotFoundError(
        "agents.realtime needs the 'agents-realtime' distribution: pip install 'agents[realtime]'",
        name=exc.name,
    ) from exc
