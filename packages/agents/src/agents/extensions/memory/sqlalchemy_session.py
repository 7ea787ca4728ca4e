"""``SQLAlchemySession``, at its official path (extra ``sqlalchemy``)."""

from .._optional import missing_distribution

try:
    from agents_extensions.memory.sqlalchemy_session import SQLAlchemySession as SQLAlchemySession
except ModuleNotFoundError as exc:
    missing_distribution(exc, __name__, "sqlalchemy")

__all__ = ("SQLAlchemySession",)
