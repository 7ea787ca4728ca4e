"""``RedisSession``, at its official path (extra ``redis``)."""

from .._optional import missing_distribution

try:
    from agents_extensions.memory.redis_session import RedisSession as RedisSession
except ModuleNotFoundError as exc:
    missing_distribution(exc, __name__, "redis")

__all__ = ("RedisSession",)
