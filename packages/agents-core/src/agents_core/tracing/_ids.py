"""Ids and timestamps, made cheaply: ids from a seeded generator, times as integers formatted
only when read (usually by an exporter, off the traced code's path)."""

from __future__ import annotations

import os
import random
import time

__all__ = ("iso_from_ns", "new_group_id", "new_span_id", "new_trace_id", "now_iso")

# Ids must be unique, not secret: a generator seeded from the OS once is far cheaper per span
# than reading the OS's random source each time. It is reseeded in a forked child, so parent and
# child never repeat each other's ids.
_ids = random.Random(os.urandom(32))
# Ids are made 64 at a time from one draw of random bits (a list pop is atomic, so threads may
# share the lists; two threads refilling at once only make more ids).
_BATCH = 64
_trace_ids: list[str] = []
_span_ids: list[str] = []
_group_ids: list[str] = []


def _reseed_in_child() -> None:
    _ids.seed(os.urandom(32))
    _trace_ids.clear()
    _span_ids.clear()
    _group_ids.clear()


os.register_at_fork(after_in_child=_reseed_in_child)


def _refill(ids: list[str], prefix: str, digits: int) -> str:
    size = digits // 2
    text = _ids.getrandbits(8 * size * _BATCH).to_bytes(size * _BATCH, "big").hex()
    ids.extend([prefix + text[i : i + digits] for i in range(digits, digits * _BATCH, digits)])
    return prefix + text[:digits]


def new_trace_id() -> str:
    """``trace_`` and 32 hex digits."""
    try:
        return _trace_ids.pop()
    except IndexError:
        return _refill(_trace_ids, "trace_", 32)


def new_span_id() -> str:
    """``span_`` and 24 hex digits."""
    try:
        return _span_ids.pop()
    except IndexError:
        return _refill(_span_ids, "span_", 24)


def new_group_id() -> str:
    """``group_`` and 24 hex digits."""
    try:
        return _group_ids.pop()
    except IndexError:
        return _refill(_group_ids, "group_", 24)


# (second, "YYYY-MM-DDTHH:MM:SS") of the last second formatted, swapped whole (thread-safe).
_last_second: tuple[int, str] = (-1, "")


def iso_from_ns(nanoseconds: int) -> str:
    """A ``time.time_ns()`` value in UTC, in ISO 8601 as ``datetime.isoformat`` writes it.

    The date and time of day are formatted once per second; within a second only the
    microseconds change.
    """
    global _last_second
    seconds, rest = divmod(nanoseconds, 1_000_000_000)
    cached_second, prefix = _last_second
    if seconds != cached_second:
        prefix = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds))
        _last_second = (seconds, prefix)
    micro = rest // 1000
    return f"{prefix}.{micro:06d}+00:00" if micro else f"{prefix}+00:00"


def now_iso() -> str:
    """The current time in UTC, in ISO 8601."""
    return iso_from_ns(time.time_ns())
