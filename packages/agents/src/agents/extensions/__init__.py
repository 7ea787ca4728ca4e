"""``agents.extensions``: the ``agents_extensions`` API (``pip install 'agents[extensions]'``).

``agents.extensions.handoff_filters`` is part of the core and is always available.
"""

from typing import Any

try:
    from agents_extensions import *  # noqa: F403
    from agents_extensions import __all__ as __all__
except ModuleNotFoundError as exc:  # pragma: no cover - depends on what is installed
    if exc.name != "agents_extensions":
        raise
    __all__ = ()

    def __getattr__(name: str) -> Any:
        raise AttributeError(
            f"agents.extensions.{name} needs the 'agents-extensions' distribution: "
            "pip install 'agents[extensions]'"
        )
