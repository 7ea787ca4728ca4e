"""The errors ``agents-extensions`` raises, beside the core tree of ``agents_core.exceptions``.

::

    AgentsException (agents_core.exceptions)
    ├── UserError
    │   ├── MissingExtraError       an optional dependency is not installed (also an ImportError)
    │   └── SessionValueError       a session method got a value it cannot use (also a ValueError)
    └── SessionError                a session back end failed (Redis, SQL), or refused the data

Back-end failures of the sessions (a Redis or database error) are raised as
``agents_core.exceptions.SessionError``, with the driver's exception as ``__cause__``.
"""

from __future__ import annotations

from agents_core.exceptions import SessionError, UserError

__all__ = ("MissingExtraError", "SessionError", "SessionValueError")


class MissingExtraError(UserError, ImportError):
    """A feature needs an optional dependency that is not installed; the message names the extra.

    It is an ``ImportError`` too, so code that guards optional imports keeps working.
    """

    def __init__(self, feature: str, extra: str, missing: str | None) -> None:
        message = (
            f"{feature} needs the '{extra}' extra"
            + (f" (module '{missing}' is not installed)" if missing else "")
            + f": pip install 'agents-extensions[{extra}]' (or 'agents[{extra}]')."
        )
        UserError.__init__(self, message)
        self.feature = feature
        self.extra = extra
        self.missing = missing
        self.name = missing


class SessionValueError(UserError, ValueError):
    """A session method got a value it cannot use: an unknown branch, a branch name already
    used, a turn that holds no user message. It is a ``ValueError`` too."""
