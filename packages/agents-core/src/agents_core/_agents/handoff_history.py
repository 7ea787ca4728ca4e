"""Nested handoff history: the conversation so far folded into one message for the next agent.

``nest_handoff_history`` replaces what the next agent would be sent with a single assistant
message holding a numbered transcript between ``<CONVERSATION HISTORY>`` markers, as OpenAI's
Agents SDK writes it, so a model prompted for one library reads the other's the same way. Tool
calls and their outputs are summarised rather than sent; messages of the handing-off turn that
have a role are kept as they are, after the summary. A summary from an earlier handoff is
unfolded back into its items before the new one is written, so summaries never nest.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    from .._items.items import RunItem, TResponseInputItem
    from .handoffs import HandoffInputData

__all__ = (
    "HandoffHistoryMapper",
    "default_handoff_history_mapper",
    "get_conversation_history_wrappers",
    "nest_handoff_history",
    "reset_conversation_history_wrappers",
    "set_conversation_history_wrappers",
)

HandoffHistoryMapper: TypeAlias = Callable[[list["TResponseInputItem"]], list["TResponseInputItem"]]
"""Builds the next agent's history from the transcript so far (``nest_handoff_history``)."""

_DEFAULT_START = "<CONVERSATION HISTORY>"
_DEFAULT_END = "</CONVERSATION HISTORY>"
_PREAMBLE = "For context, here is the conversation so far between the user and the previous agent:"
_PREAMBLES = {_PREAMBLE, "For context, here is the conversation so far:"}
_ROLES = frozenset({"user", "assistant", "system", "developer"})
_SUMMARISED_TYPES = frozenset({"function_call", "function_call_output", "reasoning"})
_wrappers = [_DEFAULT_START, _DEFAULT_END]


def set_conversation_history_wrappers(*, start: str | None = None, end: str | None = None) -> None:
    """Change the markers around the summary (None leaves that side as it is)."""
    if start is not None:
        _wrappers[0] = start
    if end is not None:
        _wrappers[1] = end


def reset_conversation_history_wrappers() -> None:
    """Back to the ``<CONVERSATION HISTORY>`` markers."""
    _wrappers[:] = [_DEFAULT_START, _DEFAULT_END]


def get_conversation_history_wrappers() -> tuple[str, str]:
    """The start and end markers around the summary."""
    return _wrappers[0], _wrappers[1]


def _format(item: TResponseInputItem) -> str:
    role, content = item.get("role"), item.get("content")
    if isinstance(role, str) and (content is None or isinstance(content, str)):
        text = content or ""
        if "\n" not in text and "\r" not in text:
            name = item.get("name")
            prefix = f"{role} ({name})" if isinstance(name, str) and name else role
            return f"{prefix}: {text}"
    return json.dumps(item, ensure_ascii=False, default=str)


def default_handoff_history_mapper(
    transcript: list[TResponseInputItem],
) -> list[TResponseInputItem]:
    """One assistant message with the numbered transcript between the markers."""
    lines = [f"{number}. {_format(item)}" for number, item in enumerate(transcript, start=1)]
    start, end = get_conversation_history_wrappers()
    body = [_PREAMBLE, start, *(lines or ["(no previous turns recorded)"]), end]
    return [{"role": "assistant", "content": "\n".join(body)}]


def _parse_record(record: str) -> TResponseInputItem | None:
    text = record.strip()
    number, dot, rest = text.partition(".")
    if dot and number.isdigit():
        text = rest.lstrip()
    try:
        parsed = json.loads(text)
    except ValueError:
        parsed = None
    if isinstance(parsed, dict):
        return parsed
    role_text, colon, content = text.partition(":")
    role, name = role_text.strip(), None
    if role.endswith(")") and "(" in role:
        role, name = role[: role.rfind("(")].strip(), role[role.rfind("(") + 1 : -1].strip()
    if role not in _ROLES or (not colon and text.strip() != role_text.strip()):
        return None
    item: dict[str, Any] = {"role": role, "content": content.strip()}
    if name:
        item["name"] = name
    return item


def _unfold(item: TResponseInputItem) -> list[TResponseInputItem] | None:
    """The transcript inside an earlier summary message, or None if ``item`` is not one."""
    content = item.get("content")
    if item.get("role") != "assistant" or not isinstance(content, str):
        return None
    preamble, _, wrapped = content.partition("\n")
    start, end = get_conversation_history_wrappers()
    if preamble not in _PREAMBLES or not wrapped.startswith(start + "\n"):
        return None
    if not wrapped.endswith("\n" + end):
        return None
    body = wrapped[len(start) + 1 : -(len(end) + 1)]
    records: list[str] = []
    for line in body.splitlines():
        if not line.strip():
            continue
        head = line.lstrip().partition(".")[0]
        if not records or head.isdigit():
            records.append(line.strip())
        else:
            records[-1] += "\n" + line.rstrip()
    parsed = [_parse_record(record) for record in records if "(no previous turns" not in record]
    return [entry for entry in parsed if entry is not None]


def _plain(item: RunItem) -> TResponseInputItem:
    return copy.deepcopy(item.to_input_item())


def _forward(item: TResponseInputItem, *, handing_off_turn: bool) -> bool:
    """Whether an item is sent as it is (after the summary) rather than summarised."""
    role = item.get("role")
    if isinstance(role, str) and role:
        return handing_off_turn or role != "assistant"
    return item.get("type") not in _SUMMARISED_TYPES


def nest_handoff_history(
    handoff_input_data: HandoffInputData,
    *,
    history_mapper: HandoffHistoryMapper | None = None,
) -> HandoffInputData:
    """``handoff_input_data`` with the conversation so far folded into a summary message.

    The transcript is the input history, the earlier items and the handing-off turn's items.
    ``history_mapper(transcript)`` builds the next agent's history when given; by default the
    summary replaces tool calls, their outputs and earlier assistant messages, and other items
    follow it in order. Tool arguments and outputs appear in the summary's text: sanitise them
    first if they are sensitive. ``new_items`` is kept as it is (for the run's record).
    """
    from .._items.items import ItemHelpers

    given = handoff_input_data.input_history
    history = (
        ItemHelpers.input_to_new_input_list(given)
        if isinstance(given, str)
        else [copy.deepcopy(item) for item in given]
    )
    transcript: list[TResponseInputItem] = []
    for item in history:
        unfolded = _unfold(item)
        transcript.extend(unfolded if unfolded is not None else [item])
    items = [
        (_plain(item), new)
        for new, group in (
            (False, handoff_input_data.pre_handoff_items),
            (True, handoff_input_data.new_items),
        )
        for item in group
    ]
    if history_mapper is not None:
        nested = history_mapper(transcript + [plain for plain, _ in items])
    else:
        nested, pending = [], list(transcript)
        for plain, new in items:
            if not _forward(plain, handing_off_turn=new):
                pending.append(plain)
                continue
            if pending or not nested:
                nested.extend(default_handoff_history_mapper(pending))
                pending = []
            nested.append(plain)
        if pending or not nested:
            nested.extend(default_handoff_history_mapper(pending))
    return handoff_input_data.clone(
        input_history=tuple(copy.deepcopy(nested)), pre_handoff_items=(), input_items=()
    )
