"""The realtime model interface: connect, listen, send, close; and the playback tracker."""

from __future__ import annotations

import abc
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, NotRequired

from typing_extensions import TypedDict

from .._base._audio import audio_duration_ms

if TYPE_CHECKING:
    from .._data.config import RealtimeAudioFormat, RealtimeSessionModelSettings
    from .._data.model_events import RealtimeModelEvent
    from .._data.model_inputs import RealtimeModelSendEvent

__all__ = (
    "RealtimeModel",
    "RealtimeModelConfig",
    "RealtimeModelListener",
    "RealtimePlaybackState",
    "RealtimePlaybackTracker",
)


class RealtimePlaybackState(TypedDict):
    """What the application has played: the item, its content index, and how many ms of it."""

    current_item_id: str | None
    current_item_content_index: int | None
    elapsed_ms: float | None


class RealtimePlaybackTracker:
    """Tells the session how much of the model's audio the user has actually heard.

    The model sends audio much faster than it plays. When the application plays it later or at
    another pace (a phone line, a jitter buffer), feed a tracker with what was played
    (``on_play_bytes`` or ``on_play_ms``) and pass it as ``playback_tracker`` in the model
    config: an interruption then truncates the answer at what the user heard. Without a tracker
    the session assumes audio plays as it arrives, in real time.
    """

    def __init__(self) -> None:
        self._format: RealtimeAudioFormat | None = None
        self._item: tuple[str, int] | None = None
        self._elapsed_ms = 0.0

    def on_play_bytes(self, item_id: str, item_content_index: int, bytes: bytes) -> None:
        """Record that these bytes of an item's audio have been played."""
        self.on_play_ms(item_id, item_content_index, audio_duration_ms(self._format, len(bytes)))

    def on_play_ms(self, item_id: str, item_content_index: int, ms: float) -> None:
        """Record that ``ms`` more milliseconds of an item's audio have been played."""
        key = (item_id, item_content_index)
        if self._item != key:
            self._item = key
            self._elapsed_ms = 0.0
        self._elapsed_ms += ms

    def on_interrupted(self) -> None:
        """Called by the model when playback was interrupted: nothing is playing any more."""
        self._item = None
        self._elapsed_ms = 0.0

    def set_audio_format(self, format: RealtimeAudioFormat) -> None:
        """Called by the model with the output audio format (to turn bytes into time)."""
        self._format = format

    def get_state(self) -> RealtimePlaybackState:
        """Called by the model: what has been played of which item."""
        if self._item is None:
            return {"current_item_id": None, "current_item_content_index": None, "elapsed_ms": None}
        return {
            "current_item_id": self._item[0],
            "current_item_content_index": self._item[1],
            "elapsed_ms": self._elapsed_ms,
        }


class RealtimeModelListener(abc.ABC):
    """Receives a realtime model's events (a ``RealtimeSession`` is one)."""

    @abc.abstractmethod
    async def on_event(self, event: RealtimeModelEvent) -> None:
        """Handle one event; called in the order the model produced them."""


class RealtimeModelConfig(TypedDict):
    """How a session's model connects.

    ``api_key`` is a key or a function returning one (default: ``OPENAI_API_KEY``); ``url`` the
    websocket URL (default: OpenAI's, or ``OPENAI_BASE_URL`` turned into ``ws(s)://``);
    ``headers`` replace the authorization header (Azure's ``api-key``, for one);
    ``initial_model_settings`` are layered over the run's settings; ``playback_tracker`` says
    what the user has heard; ``call_id`` attaches to an existing call (SIP) instead of starting
    a session.
    """

    api_key: NotRequired[str | Callable[[], str | Awaitable[str]]]
    url: NotRequired[str]
    headers: NotRequired[dict[str, str]]
    initial_model_settings: NotRequired[RealtimeSessionModelSettings]
    playback_tracker: NotRequired[RealtimePlaybackTracker]
    call_id: NotRequired[str]


class RealtimeModel(abc.ABC):
    """A realtime model: a connection that streams events to listeners and takes events to send.

    ``OpenAIRealtimeWebSocketModel`` speaks OpenAI's Realtime API; ``ScriptedRealtimeModel``
    (``agents_realtime.testing``) answers from a script in tests.
    """

    @abc.abstractmethod
    async def connect(self, options: RealtimeModelConfig) -> None:
        """Open the connection and apply ``options["initial_model_settings"]``."""

    @abc.abstractmethod
    def add_listener(self, listener: RealtimeModelListener) -> None:
        """Receive this model's events."""

    @abc.abstractmethod
    def remove_listener(self, listener: RealtimeModelListener) -> None:
        """Stop receiving this model's events."""

    @abc.abstractmethod
    async def send_event(self, event: RealtimeModelSendEvent) -> None:
        """Send one event to the model."""

    async def send_event_if(
        self, event: RealtimeModelSendEvent, send_if: Callable[[], bool]
    ) -> bool:
        """Send ``event`` only if ``send_if()`` still holds when it is sent; True if it was.

        The default sends nothing and returns False: a model that supports conditional sends
        overrides it.
        """
        return False

    @abc.abstractmethod
    async def close(self) -> None:
        """Close the connection; no events follow."""
