"""When to retry a request, and how long to wait first."""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ("RETRYABLE_STATUS_CODES", "RetryPolicy", "retry_after_seconds")

RETRYABLE_STATUS_CODES = frozenset({408, 409, 429})
"""Statuses worth another try, besides every 5xx."""


def retry_after_seconds(headers: Mapping[str, str]) -> float | None:
    """The delay the server asked for: ``retry-after-ms``, else ``Retry-After`` (seconds or an
    HTTP date); ``None`` when it asked for none or the header cannot be read."""
    millis = headers.get("retry-after-ms")
    if millis is not None:
        try:
            return max(float(millis) / 1000.0, 0.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(when.timestamp() - time.time(), 0.0)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How failed requests are retried: how often, and with what backoff.

    Connection errors, timeouts and the statuses 408, 409, 429 and 5xx are retried up to
    ``max_retries`` times. The wait doubles from ``initial_delay`` up to ``max_delay``, less a
    random part of up to ``jitter`` of it, unless the server asked for a delay (``Retry-After``
    or ``retry-after-ms``) of at most ``max_retry_after`` seconds, which is then used as is.
    A stream is never retried once it has delivered output.
    """

    max_retries: int = 2
    initial_delay: float = 0.5
    max_delay: float = 8.0
    jitter: float = 0.25
    max_retry_after: float = 60.0

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError(f"max_retries must be >= 0, got {self.max_retries}")
        if self.initial_delay < 0 or self.max_delay < 0:
            raise ValueError("retry delays must be >= 0")
        if not 0 <= self.jitter <= 1:
            raise ValueError(f"jitter must be between 0 and 1, got {self.jitter}")

    def should_retry_status(self, status_code: int) -> bool:
        """Whether a response with this status is worth another try."""
        return status_code in RETRYABLE_STATUS_CODES or status_code >= 500

    def delay(self, retry_number: int, server_delay: float | None = None) -> float:
        """Seconds to wait before retry number ``retry_number`` (1 for the first retry)."""
        if server_delay is not None and server_delay <= self.max_retry_after:
            return server_delay
        backoff = min(self.initial_delay * 2.0 ** (retry_number - 1), self.max_delay)
        return backoff * (1 - self.jitter * random.random())
