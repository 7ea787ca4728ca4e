"""``RedisSession``: conversation memory in Redis (extra ``redis``)."""

from .._memory._redis import RedisSession as RedisSession

__all__ = ("RedisSession",)
