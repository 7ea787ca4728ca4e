"""``ScriptedRealtimeModel``: a realtime model that answers each send from a script, in memory."""

from __future__ import annotations

import copy
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Required, TypeAlias, cast

from typing_extensions import TypedDict

from agents_core.exceptions import UserError

from .._data.model_inputs import RealtimeModelSendSessionUpdate
from .._model.interface import RealtimeModel
from .._model.transport import safe_url
from ..exceptions import RealtimeScriptError, UnconsumedRealtimeSteps, UnexpectedRealtimeSend

if TYPE_CHECKING:
    from .._data.config import RealtimeSessionModelSettings
    from .._data.model_events import RealtimeModelEvent
    from .._data.model_inputs import RealtimeModelSendEvent
    from .._model.interface import (
        RealtimeModelConfig,
        RealtimeModelListener,
        RealtimePlaybackTracker,
    )

__all__ = ("RealtimeConnectCall", "RealtimeSendMatcher", "RealtimeStep", "ScriptedRealtimeModel")

RealtimeSendMatcher: TypeAlias = "RealtimeModelSendEvent | type[Any] | Callable[[Any], bool]"
"""What a step expects: an event equal to it, an event of that class, or one the function
accepts."""


@dataclass(frozen=True)
class RealtimeStep:
    """One expected send, and what the model reports when it comes (``emit``, or ``error``)."""

    expect: Any
    emit: Sequence[RealtimeModelEvent] = field(default_factory=tuple)
    error: Exception | None = None

    def __post_init__(self) -> None:
        if self.emit and self.error is not None:
            raise UserError("A RealtimeStep emits events or raises an error, not both.")
        object.__setattr__(self, "emit", tuple(self.emit))


class RealtimeConnectCall(TypedDict, total=False):
    """A record of one ``connect``, without credentials."""

    api_key_provided: Required[bool]
    headers_provided: Required[bool]
    url: str
    initial_model_settings: RealtimeSessionModelSettings
    playback_tracker: RealtimePlaybackTracker
    call_id: str


def _snapshot_settings(settings: RealtimeSessionModelSettings) -> RealtimeSessionModelSettings:
    values = cast(dict[str, Any], settings)
    snapshot = copy.deepcopy({k: v for k, v in values.items() if k not in ("tools", "handoffs")})
    for key in ("tools", "handoffs"):
        if key in values:
            snapshot[key] = list(values[key])
    return cast("RealtimeSessionModelSettings", snapshot)


def _snapshot(event: Any) -> Any:
    if isinstance(event, RealtimeModelSendSessionUpdate):
        return RealtimeModelSendSessionUpdate(_snapshot_settings(event.session_settings))
    return copy.deepcopy(event)


def _matches(expect: Any, event: Any) -> bool:
    if isinstance(expect, type):
        return isinstance(event, expect)
    if callable(expect):
        return bool(expect(_snapshot(event)))
    return bool(expect == event)


class ScriptedRealtimeModel(RealtimeModel):
    """A realtime model for tests: each send must match the next step, which says what follows.

    ``connect_events`` are reported on connect; ``emit(...)`` reports events at any time (as
    if the server sent them). Everything sent is kept in ``sent_events`` and every connection
    in ``connect_calls``. With ``strict=False`` a send that matches no step is only recorded.
    """

    def __init__(
        self,
        steps: Iterable[RealtimeStep] = (),
        *,
        connect_events: Iterable[RealtimeModelEvent] = (),
        connect_error: Exception | None = None,
        close_error: Exception | None = None,
        strict: bool = True,
    ) -> None:
        self._steps = deque(steps)
        self._connect_events = tuple(connect_events)
        if self._connect_events and connect_error is not None:
            raise UserError(
                "A ScriptedRealtimeModel has connect events or a connect error, not both."
            )
        self._connect_error = connect_error
        self._close_error = close_error
        self._strict = strict
        self._listeners: list[RealtimeModelListener] = []
        self._connect_calls: list[RealtimeConnectCall] = []
        self._sent: list[RealtimeModelSendEvent] = []
        self._queue: deque[RealtimeModelEvent] = deque()
        self._delivering = False
        self.connected = False
        self.closed = False
        self.close_calls = 0

    @property
    def listeners(self) -> tuple[RealtimeModelListener, ...]:
        """The listeners now registered."""
        return tuple(self._listeners)

    @property
    def connect_calls(self) -> tuple[RealtimeConnectCall, ...]:
        """Every ``connect`` so far (credentials left out)."""
        return tuple(copy.copy(call) for call in self._connect_calls)

    @property
    def sent_events(self) -> tuple[RealtimeModelSendEvent, ...]:
        """Every event sent so far (copies, as they were when sent)."""
        return tuple(self._sent)

    @property
    def remaining_steps(self) -> int:
        """How many scripted steps have not been consumed."""
        return len(self._steps)

    async def connect(self, options: RealtimeModelConfig) -> None:
        """Record the connection and report the connect events."""
        if self.connected:
            raise RealtimeScriptError("The scripted realtime model is already connected.")
        call: RealtimeConnectCall = {
            "api_key_provided": "api_key" in options,
            "headers_provided": "headers" in options,
        }
        if "url" in options:
            call["url"] = safe_url(options["url"])
        if "initial_model_settings" in options:
            call["initial_model_settings"] = _snapshot_settings(options["initial_model_settings"])
        if "playback_tracker" in options:
            call["playback_tracker"] = options["playback_tracker"]
        if "call_id" in options:
            call["call_id"] = options["call_id"]
        self._connect_calls.append(call)
        if self._connect_error is not None:
            self.closed = True
            raise self._connect_error
        self.connected = True
        self.closed = False
        await self._deliver(self._connect_events)

    def add_listener(self, listener: RealtimeModelListener) -> None:
        """Receive this model's events."""
        if listener not in self._listeners:
            self._listeners.append(listener)

    def remove_listener(self, listener: RealtimeModelListener) -> None:
        """Stop receiving this model's events."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    async def send_event(self, event: RealtimeModelSendEvent) -> None:
        """Match ``event`` against the next step; report its events or raise its error."""
        if not self.connected or self.closed:
            raise RealtimeScriptError("Cannot send: the scripted realtime model is not connected.")
        snapshot = _snapshot(event)
        step = self._next_step(event, snapshot)
        self._sent.append(snapshot)
        if step is None:
            return
        if step.error is not None:
            raise step.error
        await self._deliver(step.emit)

    async def send_event_if(
        self, event: RealtimeModelSendEvent, send_if: Callable[[], bool]
    ) -> bool:
        """Send ``event`` if ``send_if()`` holds; True if it was sent."""
        if not send_if():
            return False
        await self.send_event(event)
        return True

    async def emit(self, *events: RealtimeModelEvent) -> None:
        """Report events to the listeners, as if the server had sent them."""
        if not self.connected or self.closed:
            raise RealtimeScriptError("Cannot emit: the scripted realtime model is not connected.")
        await self._deliver(events)

    async def close(self) -> None:
        """Disconnect (raises ``close_error`` if one was given)."""
        self.close_calls += 1
        if self.closed:
            return
        self.connected = False
        self.closed = True
        self._queue.clear()
        if self._close_error is not None:
            raise self._close_error

    def assert_complete(self) -> None:
        """Raise ``UnconsumedRealtimeSteps`` if scripted steps were never reached."""
        if self._steps:
            raise UnconsumedRealtimeSteps(
                f"{len(self._steps)} scripted realtime step(s) were not consumed.",
                remaining_steps=len(self._steps),
            )

    def _next_step(self, event: Any, snapshot: Any) -> RealtimeStep | None:
        if not self._steps:
            if self._strict:
                raise UnexpectedRealtimeSend(
                    f"Unexpected realtime send {type(event).__name__}: no scripted steps remain.",
                    actual=snapshot,
                    expected=None,
                )
            return None
        step = self._steps[0]
        if not _matches(step.expect, event):
            if self._strict:
                raise UnexpectedRealtimeSend(
                    f"Unexpected realtime send {type(event).__name__}: it does not match the next "
                    "scripted step.",
                    actual=snapshot,
                    expected=step.expect,
                )
            return None
        return self._steps.popleft()

    async def _deliver(self, events: Iterable[RealtimeModelEvent]) -> None:
        # Events a listener causes while it handles one are delivered after it, in order.
        self._queue.extend(copy.copy(event) for event in events)
        if self._delivering:
            return
        self._delivering = True
        try:
            while self._queue and not self.closed:
                event = self._queue.popleft()
                for listener in tuple(self._listeners):
                    await listener.on_event(event)
        finally:
            self._delivering = False
