"""``RedisSession``: conversation memory in Redis, with the key layout of OpenAI's Agents SDK.

For a session ``S`` under the prefix ``P`` (``agents:session`` by default):

- ``P:S`` is a hash with ``session_id``, ``created_at`` and ``updated_at`` (Unix seconds);
- ``P:S:messages`` is a list of items, oldest first, each compact JSON text;
- ``P:S:counter`` is a legacy counter key, only ever deleted or expired here.

A turn is stored by one Lua script, which Redis runs atomically: other clients see all of its
items or none, a client killed half-way through sending it stores nothing, and several processes
can append to one session at once without interleaving their turns. The script is sent once and
then called by its digest, so a write is one round trip. With ``ttl``, every write sets the keys
to expire ``ttl`` seconds after it (Redis's own clock).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from agents_core import SessionSettings, TResponseInputItem, UserError
from agents_core.exceptions import SessionError
from agents_core.memory import SessionABC

from .._optional import require
from ._common import (
    check_items,
    check_session_id,
    coerce_settings,
    decode_item,
    decode_items,
    encode_items,
    resolve_limit,
)

if TYPE_CHECKING:
    from redis.asyncio import Redis

_redis_asyncio = require("redis.asyncio", feature="RedisSession", extra="redis")
_redis_exceptions = require("redis.exceptions", feature="RedisSession", extra="redis")

__all__ = ("RedisSession",)

# The start of each script writing a session's keys (the session hash, the messages list, the
# legacy counter): their types are checked before any write, so a script either fails untouched
# or runs to the end.
_CHECK_KINDS = """
local kinds = {'hash', 'list', 'string'}
for index = 1, 3 do
    local kind = redis.call('TYPE', KEYS[index])['ok']
    if kind ~= 'none' and kind ~= kinds[index] then
        return redis.error_reply('WRONGTYPE session key ' .. KEYS[index] .. ' holds a ' .. kind)
    end
end
"""

# KEYS: as above. ARGV: the session id, the TTL in milliseconds ("" for none), then the items.
_APPEND = (
    _CHECK_KINDS
    + """
local now = redis.call('TIME')[1]
redis.call('HSET', KEYS[1], 'session_id', ARGV[1])
redis.call('HSETNX', KEYS[1], 'created_at', now)
for first = 3, #ARGV, 1000 do
    redis.call('RPUSH', KEYS[2], unpack(ARGV, first, math.min(first + 999, #ARGV)))
end
redis.call('HSET', KEYS[1], 'updated_at', now)
if ARGV[2] ~= '' then
    for index = 1, 3 do
        redis.call('PEXPIRE', KEYS[index], ARGV[2])
    end
end
return #ARGV - 2
"""
)

# KEYS as above. Deletes the session's keys, unless one of them holds another kind of value
# (a key name shared with something that is not this session).
_CLEAR = (
    _CHECK_KINDS
    + """
return redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
"""
)

# The largest TTL Redis accepts in milliseconds, less a margin for the current time.
_MAX_TTL_SECONDS = (2**63 - 1) // 1000 - 2**42


@contextlib.contextmanager
def _translated(action: str, session_id: str) -> Iterator[None]:
    """Redis errors become ``SessionError`` here, once, with the driver's error as the cause."""
    try:
        yield
    except _redis_exceptions.RedisError as exc:
        raise SessionError(
            f"Redis could not {action} session {session_id!r}: {type(exc).__name__}: {exc}"
        ) from exc


class RedisSession(SessionABC):
    """A session stored in Redis (redis-py's asyncio client), shareable by many processes.

    Pass a client your application manages (``redis_client=``; closing it stays your job), or
    use ``RedisSession.from_url(...)``, whose client the session owns and closes in ``close()``.
    ``key_prefix`` namespaces the keys; ``ttl`` (seconds) makes a session expire that long after
    its last write. Needs a standalone Redis (the keys of one session are written together).
    """

    def __init__(
        self,
        session_id: str,
        *,
        redis_client: Redis,
        key_prefix: str = "agents:session",
        ttl: int | None = None,
        session_settings: SessionSettings | dict[str, Any] | None = None,
    ) -> None:
        self.session_id = check_session_id(session_id, "RedisSession")
        if ttl is not None and (not isinstance(ttl, int) or not 0 < ttl <= _MAX_TTL_SECONDS):
            raise UserError(f"RedisSession ttl must be a positive number of seconds, got {ttl!r}.")
        self.session_settings = coerce_settings(session_settings)
        self._redis = redis_client
        self._key_prefix = key_prefix
        self._ttl = ttl
        self._owns_client = False
        self._closed = False
        self._session_key = f"{key_prefix}:{session_id}"
        self._messages_key = f"{self._session_key}:messages"
        self._counter_key = f"{self._session_key}:counter"
        self._keys = (self._session_key, self._messages_key, self._counter_key)
        self._ttl_argument = "" if ttl is None else str(ttl * 1000)
        self._append = redis_client.register_script(_APPEND)
        self._clear = redis_client.register_script(_CLEAR)

    @classmethod
    def from_url(
        cls,
        session_id: str,
        *,
        url: str,
        redis_kwargs: dict[str, Any] | None = None,
        session_settings: SessionSettings | dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> RedisSession:
        """A session with its own client for ``url`` (``redis://host:6379/0``, ``rediss://``...).

        ``redis_kwargs`` go to ``redis.asyncio.from_url``; other keyword arguments (``key_prefix``,
        ``ttl``) to the constructor. ``close()`` closes the client.
        """
        client = _redis_asyncio.from_url(url, **(redis_kwargs or {}))
        session = cls(session_id, redis_client=client, session_settings=session_settings, **kwargs)
        session._owns_client = True
        return session

    def __repr__(self) -> str:
        return f"RedisSession(session_id={self.session_id!r}, key_prefix={self._key_prefix!r})"

    @property
    def redis_client(self) -> Redis:
        """The client the session uses."""
        return self._redis

    def _check_open(self) -> None:
        if self._closed:
            raise UserError(f"{self!r} is closed.")

    async def get_items(self, limit: int | None = None) -> list[TResponseInputItem]:
        """The stored items, oldest first; with ``limit``, only the latest ``limit`` items.

        Without ``limit``, ``session_settings.limit`` applies.
        """
        self._check_open()
        limit = resolve_limit(limit, self.session_settings)
        if limit is not None and limit <= 0:
            return []
        with _translated("read", self.session_id):
            if limit is None:
                return decode_items(await self._redis.lrange(self._messages_key, 0, -1))
            window = limit
            while True:  # widen the window while corrupted entries hide valid ones
                raw = await self._redis.lrange(self._messages_key, -window, -1)
                items = decode_items(raw)
                if len(items) >= limit or len(raw) < window:
                    return items[-limit:]
                window *= 2

    async def add_items(self, items: list[TResponseInputItem]) -> None:
        """Append items as one turn: one atomic script, so all of them are stored or none."""
        self._check_open()
        if not items:
            return
        check_items(items)
        encoded = encode_items(items)
        with _translated("write", self.session_id):
            await self._append(
                keys=self._keys, args=[self.session_id, self._ttl_argument, *encoded]
            )

    async def pop_item(self) -> TResponseInputItem | None:
        """Remove and return the latest item, or None when the session is empty."""
        self._check_open()
        while True:
            with _translated("pop from", self.session_id):
                raw: bytes | str | None = await self._redis.rpop(self._messages_key)  # type: ignore[assignment]  # one item when no count is given
            if raw is None:
                return None
            item = decode_item(raw)
            if item is not None:
                return item

    async def clear_session(self) -> None:
        """Delete the session's keys (refused if one of them holds another kind of value)."""
        self._check_open()
        with _translated("clear", self.session_id):
            await self._clear(keys=self._keys)

    async def ping(self) -> bool:
        """Whether Redis answers."""
        self._check_open()
        try:
            return bool(await self._redis.ping())
        except _redis_exceptions.RedisError:
            return False

    async def close(self) -> None:
        """Close the client if the session created it (``from_url``); otherwise do nothing.

        A session that owned its client refuses further use.
        """
        if not self._owns_client or self._closed:
            return
        self._closed = True
        await self._redis.aclose()
