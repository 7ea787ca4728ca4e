"""What a connection keeps track of: the live response, and the audio sent to the application."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, Literal

from .._base._audio import audio_duration_ms

if TYPE_CHECKING:
    from .._model.interface import RealtimePlaybackTracker

__all__ = ("AudioTracker", "ResponseState")


class ResponseState:
    """Keeps responses from overlapping: a ``response.create`` goes out only when none is live.

    ``requested`` means a create was sent and the server has not confirmed it yet; ``active``
    means the server is generating ``response_id``. A create asked for meanwhile waits
    (``pending``) until ``response.done``, and several such requests make one response.
    """

    __slots__ = (
        "cancel_when_created",
        "interrupted",
        "pending",
        "response_id",
        "sees_everything",
        "status",
    )

    def __init__(self) -> None:
        self.status: Literal["idle", "requested", "active"] = "idle"
        self.response_id: str | None = None
        self.pending: dict[str, Any] | None = None
        """The body of the response.create that waits, if one does."""
        self.interrupted: set[str] = set()
        """Responses whose remaining audio is dropped (interrupted or cancelled)."""
        self.cancel_when_created = False
        self.sees_everything = False
        """Whether the requested response will see every item sent so far."""

    @property
    def live(self) -> bool:
        """Whether a response is requested or being generated."""
        return self.status != "idle"

    def request(self, body: dict[str, Any]) -> bool:
        """Ask for a response: True if ``body`` may go out now, else it waits for the live one."""
        if self.status == "idle":
            self.status = "requested"
            self.sees_everything = True
            return True
        if self.status == "requested" and self.sees_everything:
            return False  # the response on its way covers this request too
        self.pending = body
        return False

    def note_input(self) -> None:
        """An item went out: a response requested before it may not see it."""
        self.sees_everything = False

    def created(self, response_id: str) -> bool:
        """The server started ``response_id``; True if it must be cancelled at once."""
        self.status = "active"
        self.response_id = response_id
        if self.cancel_when_created:
            self.cancel_when_created = False
            self.interrupted.add(response_id)
            return True
        return False

    def done(self, response_id: str | None) -> dict[str, Any] | None:
        """The response ended; the waiting response.create to send now, if any."""
        if response_id is not None and self.response_id not in (None, response_id):
            return None  # the end of an older response; the live one goes on
        self.status = "idle"
        self.response_id = None
        body, self.pending = self.pending, None
        if body is not None:
            self.status = "requested"
            self.sees_everything = True
        return body

    def refused(self) -> None:
        """The server refused our response.create (one was already active)."""
        if self.status == "requested":
            self.status = "idle"

    def reset(self) -> None:
        """A new connection: nothing is live."""
        self.status = "idle"
        self.response_id = None
        self.pending = None
        self.cancel_when_created = False


class _AudioItem:
    __slots__ = ("content_index", "done", "item_id", "ms", "response_id", "started")

    def __init__(self, item_id: str, content_index: int, response_id: str) -> None:
        self.item_id = item_id
        self.content_index = content_index
        self.response_id = response_id
        self.started = time.monotonic()
        self.ms = 0.0
        self.done = False


class AudioTracker:
    """The model's audio as the application received it: which item, how long, since when."""

    __slots__ = ("_last", "_ms_per_byte")

    def __init__(self) -> None:
        self._last: _AudioItem | None = None
        self._ms_per_byte = audio_duration_ms("pcm16", 1)

    def set_format(self, audio_format: Any) -> None:
        """The output audio format (to turn bytes into time)."""
        self._ms_per_byte = audio_duration_ms(audio_format, 1)

    def on_delta(self, item_id: str, content_index: int, response_id: str, size: int) -> None:
        """Count ``size`` more bytes of an item's audio."""
        last = self._last
        if last is None or last.item_id != item_id or last.content_index != content_index:
            last = self._last = _AudioItem(item_id, content_index, response_id)
        last.ms += size * self._ms_per_byte

    def on_response_done(self, response_id: str | None) -> None:
        """The response that sent the latest audio has ended: no more of it will come."""
        last = self._last
        if last is not None and (response_id is None or last.response_id == response_id):
            last.done = True

    @property
    def current(self) -> tuple[str, int, str] | None:
        """The latest audio item: its id, content index and response id."""
        last = self._last
        return None if last is None else (last.item_id, last.content_index, last.response_id)

    def interruption_point(
        self, tracker: RealtimePlaybackTracker | None
    ) -> tuple[str, int, int] | None:
        """Where to cut the latest audio: item id, content index and the ms heard.

        None when nothing needs cutting: no audio, or all of it played and no more is coming.
        With a playback tracker, what it reports; without one, the time since the audio began
        (audio is assumed to play as it arrives).
        """
        last = self._last
        if last is None:
            return None
        if tracker is not None:
            state = tracker.get_state()
            same = (state["current_item_id"], state["current_item_content_index"]) == (
                last.item_id,
                last.content_index,
            )
            played = (state["elapsed_ms"] or 0.0) if same else 0.0
        else:
            played = (time.monotonic() - last.started) * 1000
        if played >= last.ms and last.done:
            return None
        return last.item_id, last.content_index, int(min(max(played, 0.0), last.ms))

    def clear(self) -> None:
        """Forget the latest audio (it was interrupted)."""
        self._last = None
