"""The session's history: every item of the conversation, with the transcripts of both sides."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._data.items import (
    AssistantAudio,
    AssistantMessageItem,
    InputAudio,
    RealtimeToolCallItem,
    UserMessageItem,
)

if TYPE_CHECKING:
    from .._data.items import RealtimeItem

__all__ = ("History",)


def _transcripts(item: Any) -> dict[int, str]:
    found: dict[int, str] = {}
    if getattr(item, "type", None) != "message":
        return found
    for index, part in enumerate(item.content):
        transcript = getattr(part, "transcript", None)
        if isinstance(part, InputAudio | AssistantAudio) and transcript:
            found[index] = transcript
    return found


def _with_transcripts(item: Any, known: dict[int, str]) -> Any:
    """``item`` with the transcripts it lacks filled in from ``known`` (by content index)."""
    if not known or getattr(item, "type", None) != "message":
        return item
    content = list(item.content)
    changed = False
    for index, transcript in known.items():
        if index < len(content):
            part = content[index]
            if isinstance(part, InputAudio | AssistantAudio) and not part.transcript:
                content[index] = part.model_copy(update={"transcript": transcript})
                changed = True
    return item.model_copy(update={"content": content}) if changed else item


class History:
    """Items in conversation order, updated in place as the server reports them.

    Transcripts are never lost: an update without one keeps the transcript already known, or
    the one gathered from the stream of transcript deltas.
    """

    def __init__(self) -> None:
        self.items: list[RealtimeItem] = []
        self._index: dict[str, int] = {}
        self._streamed: dict[str, str] = {}
        """Assistant transcripts gathered from deltas, by item id."""

    def _insert(self, item: RealtimeItem) -> None:
        previous = item.previous_item_id
        position = self._index.get(previous) if previous else None
        if position is None or position == len(self.items) - 1:
            self.items.append(item)
        else:
            self.items.insert(position + 1, item)
        self._index = {known.item_id: index for index, known in enumerate(self.items)}

    def upsert(self, item: RealtimeItem) -> bool:
        """Add or replace ``item``; True if it is new."""
        position = self._index.get(item.item_id)
        if position is None:
            streamed = self._streamed.get(item.item_id)
            if streamed and isinstance(item, AssistantMessageItem):
                item = _with_transcripts(item, {0: streamed})
            self._insert(item)
            return True
        existing = self.items[position]
        known = _transcripts(existing)
        streamed = self._streamed.get(item.item_id)
        if streamed and isinstance(item, AssistantMessageItem):
            known.setdefault(0, streamed)
        if isinstance(item, RealtimeToolCallItem) and isinstance(existing, RealtimeToolCallItem):
            if item.output is None and existing.output is not None:
                item = item.model_copy(update={"output": existing.output, "status": "completed"})
            if item.previous_item_id is None:
                item = item.model_copy(update={"previous_item_id": existing.previous_item_id})
        elif item.previous_item_id is None and existing.previous_item_id is not None:
            item = item.model_copy(update={"previous_item_id": existing.previous_item_id})
        self.items[position] = _with_transcripts(item, known)
        return False

    def add_transcript_delta(self, item_id: str, delta: str) -> str:
        """Gather an assistant transcript; returns it so far."""
        text = self._streamed.get(item_id, "") + delta
        self._streamed[item_id] = text
        position = self._index.get(item_id)
        if position is not None:
            existing = self.items[position]
            if isinstance(existing, AssistantMessageItem):
                content = list(existing.content)
                audio_index = next(
                    (i for i, part in enumerate(content) if isinstance(part, AssistantAudio)), None
                )
                if audio_index is None:
                    content.append(AssistantAudio(transcript=text))
                else:
                    content[audio_index] = content[audio_index].model_copy(
                        update={"transcript": text}
                    )
                self.items[position] = existing.model_copy(update={"content": content})
        return text

    def set_user_transcript(self, item_id: str, transcript: str) -> bool:
        """Record the transcript of a user's audio; True if the item was new to the history."""
        position = self._index.get(item_id)
        if position is None:
            self._insert(
                UserMessageItem(
                    item_id=item_id,
                    content=[InputAudio(transcript=transcript)],
                    status="completed",
                )
            )
            return True
        existing = self.items[position]
        if not isinstance(existing, UserMessageItem):
            return False
        content = list(existing.content)
        audio_index = next(
            (i for i, part in enumerate(content) if isinstance(part, InputAudio)), None
        )
        if audio_index is None:
            content.append(InputAudio(transcript=transcript))
        else:
            content[audio_index] = content[audio_index].model_copy(
                update={"transcript": transcript}
            )
        self.items[position] = existing.model_copy(update={"content": content})
        return False

    def delete(self, item_id: str) -> bool:
        """Remove an item; True if it was there."""
        if item_id not in self._index:
            return False
        self.items = [item for item in self.items if item.item_id != item_id]
        self._index = {known.item_id: index for index, known in enumerate(self.items)}
        self._streamed.pop(item_id, None)
        return True

    def get(self, item_id: str) -> RealtimeItem | None:
        """The item with this id, if the history has it."""
        position = self._index.get(item_id)
        return None if position is None else self.items[position]
