"""``agents.extensions.memory.sqlalchemy_session``: ``SQLAlchemySession`` (``pip install 'agents[sqlalchemy]'``)."""

from .._optional import missing_distribution

try:
    from agents_extensions.memory.sqlalchemy_session import SQLAlchemySession as SQLAlchemySession
except ModuleNotFoundError as exc:
    missing_distribution(exc, __name__, "sqlalchemy")

__all__ = ("SQLAlchemySession",)
