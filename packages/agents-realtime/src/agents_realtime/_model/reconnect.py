"""When and how often a realtime model reconnects after losing its connection."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from agents_core.exceptions import UserError

from ..exceptions import RealtimeAuthenticationError, RealtimeConnectionError

__all__ = ("RealtimeReconnectPolicy",)


@dataclass(frozen=True)
class RealtimeReconnectPolicy:
    """Reconnect with exponential backoff when the connection drops.

    After a drop the model waits ``initial_delay`` seconds, then ``multiplier`` times longer
    before each further attempt (at most ``max_delay``, each varied by up to ``jitter`` of
    itself), and gives up after ``max_attempts``. A new connection gets the session's current
    configuration (instructions, tools, audio, turn detection) again; the server-side
    conversation starts empty, while the session's own history is kept. Refused credentials are
    never retried.
    """

    max_attempts: int = 5
    initial_delay: float = 0.5
    max_delay: float = 8.0
    multiplier: float = 2.0
    jitter: float = 0.1

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise UserError("RealtimeReconnectPolicy.max_attempts must be at least 1.")
        if self.initial_delay < 0 or self.max_delay < 0 or self.multiplier < 1:
            raise UserError("RealtimeReconnectPolicy: delays must be >= 0 and the multiplier >= 1.")
        if not 0 <= self.jitter <= 1:
            raise UserError("RealtimeReconnectPolicy.jitter must be between 0 and 1.")

    def should_reconnect(self, error: RealtimeConnectionError) -> bool:
        """Whether to try again after ``error`` (not when the credentials were refused)."""
        return not isinstance(error, RealtimeAuthenticationError)

    def delays(self) -> Iterator[float]:
        """The wait before each attempt, in seconds."""
        delay = self.initial_delay
        for _ in range(self.max_attempts):
            spread = delay * self.jitter
            yield max(0.0, delay + random.uniform(-spread, spread))
            delay = min(delay * self.multiplier, self.max_delay)
