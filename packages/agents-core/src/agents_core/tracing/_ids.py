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
os.register_at_fork(after_in_child=lambda: _ids.seed(os.urandom(32)))


def new_trace_id() -> str:
    """``trace_`` and 32 hex digits."""
    return f"trace_{_ids.getrandbits(128):032x}"


def new_span_id() -> str:
    """``span_`` and 24 hex digits."""
    return f"span_{_ids.getrandbits(96):024x}"


def new_group_id() -> str:
    """``group_`` and 24 hex digits."""
    return f"group_{_ids.getrandbits(96):024x}"


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
