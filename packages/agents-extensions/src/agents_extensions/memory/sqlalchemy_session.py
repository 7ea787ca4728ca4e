"""``SQLAlchemySession``: conversation memory in a SQL database (extra ``sqlalchemy``)."""

from .._memory._sqlalchemy import SQLAlchemySession as SQLAlchemySession

__all__ = ("SQLAlchemySession",)
