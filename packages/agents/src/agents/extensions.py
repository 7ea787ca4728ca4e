"""``agents.extensions``: the ``agents_extensions`` API (``pip install 'agents[extensions]'``)."""

try:
    from agents_extensions import *  # noqa: F403
    from agents_extensions import __all__ as __all__
except ModuleNotFoundError as exc:  # pragma: no cover - depends on what is installed
    if exc.name != "agents_extensions":
        raise
    raise ModuleNotFoundError(
        "agents.extensions needs the 'agents-extensions' distribution: "
        "pip install 'agents[extensions]'",
        name=exc.name,
    ) from exc
