"""History the API accepts: every tool output after its call, every call answered.

A session read with a ``limit``, a ``session_input_callback``, a handoff input filter or a
``call_model_input_filter`` can cut a conversation between a tool call and its output. The API
refuses such input (an output whose call it never saw, a call with no output), so the runner
drops the unpaired half before the history is sent.
"""

from __future__ import annotations

import copy
import inspect
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..exceptions import UserError
from .session import SessionSettings

if TYPE_CHECKING:
    from .._items.items import TResponseInputItem
    from .session import Session

__all__ = ("SessionInputCallback", "load_session_history", "paired_history")

SessionInputCallback = Callable[[list["TResponseInputItem"], list["TResponseInputItem"]], Any]
"""Combines a session's stored history with a run's new input items (sync or async) and returns
the list the run starts from: ``RunConfig(session_input_callback=...)``."""


def _call_id(item: Any, suffix: str) -> str | None:
    kind = item.get("type")
    if isinstance(kind, str) and kind.endswith(suffix):
        call_id = item.get("call_id")
        return call_id if isinstance(call_id, str) else None
    return None


def paired_history(items: Sequence[TResponseInputItem]) -> list[TResponseInputItem]:
    """``items`` without tool outputs whose call is missing before them and without calls that
    no later output answers (``function_call``, ``computer_call``, ``local_shell_call`` and the
    other call items that carry a ``call_id``); everything else is kept as it is, in order."""
    calls: set[str] = set()
    answered: set[str] = set()
    orphans = False
    for item in items:
        call_id = _call_id(item, "_call")
        if call_id is not None:
            calls.add(call_id)
            continue
        call_id = _call_id(item, "_call_output")
        if call_id is not None:
            if call_id in calls:
                answered.add(call_id)
            else:
                orphans = True
    if not orphans and answered == calls:
        return list(items)  # the usual case: nothing to drop
    kept: list[TResponseInputItem] = []
    for item in items:
        call_id = _call_id(item, "_call")
        if call_id is None:
            call_id = _call_id(item, "_call_output")
        if call_id is None or call_id in answered:
            kept.append(item)
    return kept


def _new_items_in(
    combined: list[TResponseInputItem], history: list[TResponseInputItem]
) -> list[TResponseInputItem]:
    """The items of ``combined`` that do not come from ``history`` (by identity, then by value)."""
    history_ids = {id(item) for item in history}
    unmatched = list(history)
    new: list[TResponseInputItem] = []
    for item in combined:
        if id(item) in history_ids:
            continue
        if item in unmatched:
            unmatched.remove(item)
            continue
        new.append(item)
    return new


async def load_session_history(
    session: Session,
    new_input: list[TResponseInputItem],
    *,
    settings: SessionSettings | Mapping[str, Any] | None,
    callback: SessionInputCallback | None,
) -> tuple[list[TResponseInputItem], list[TResponseInputItem]]:
    """What a run on ``session`` starts from, and which of it the session must store.

    The history is read with the session's settings overlaid by ``settings`` (``limit``), joined
    with ``new_input`` (appended, or combined by ``callback``), and cut to pairs that the API
    accepts. The second list holds the new items to store: all of ``new_input`` without a
    callback, else those items of the callback's result that are not stored history.
    """
    resolved = getattr(session, "session_settings", None)
    if settings is not None:
        if resolved is None:
            resolved = SessionSettings()
        resolved = resolved.resolve(settings)
    limit = resolved.limit if resolved is not None else None
    stored = await session.get_items(limit) if limit is not None else await session.get_items()
    if callback is None:
        return paired_history(stored + new_input), new_input
    if not callable(callback):
        raise UserError(
            f"session_input_callback must be a function of (history, new_input), got {callback!r}."
        )
    history = copy.deepcopy(stored)
    combined = callback(history, copy.deepcopy(new_input))
    if inspect.isawaitable(combined):
        combined = await combined
    if not isinstance(combined, list) or not all(isinstance(i, dict) for i in combined):
        raise UserError(
            "session_input_callback must return a list of input item dictionaries, got "
            f"{type(combined).__name__}."
        )
    return paired_history(combined), _new_items_in(combined, history)
