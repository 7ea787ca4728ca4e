"""Ids for what the client creates (events, items), unique within a process."""

from __future__ import annotations

import itertools
import os

__all__ = ("new_id",)

_counter = itertools.count(1)
_PREFIX = os.urandom(4).hex()


def new_id(prefix: str) -> str:
    """A short id such as ``evt_1a2b3c4d_17`` (a random process part and a counter)."""
    return f"{prefix}_{_PREFIX}{next(_counter)}"
