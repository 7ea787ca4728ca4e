"""``agents.voice``: the API of ``agents_voice``; needs ``pip install 'agents[voice]'``."""

try:
    from agents_voice import *  # noqa: F403
    from agents_voice import __all__ as __all__
except ModuleNotFoundError as exc:  # pragma: no cover - depends on what is installed
    if exc.name != "agents_voice":
        raise
    raise ModuleNotFoundError(
        "agents.voice needs the 'agents-voice' distribution: pip install 'agents[voice]'",
        name=exc.name,
    ) from exc
