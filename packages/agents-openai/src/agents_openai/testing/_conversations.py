"""The fake server's Conversations API: conversations and their items, kept in memory."""

from __future__ import annotations

import itertools
import time
from typing import Any

__all__ = ("ConversationStore",)

_PAGE_LIMIT_MAX = 100
_ITEMS_PER_REQUEST_MAX = 20
_ID_PREFIXES = {
    "message": "msg",
    "function_call": "fc",
    "function_call_output": "fco",
    "reasoning": "rs",
}


def _error(status: int, message: str) -> tuple[int, dict[str, Any]]:
    kind = "invalid_request_error"
    return status, {"error": {"message": message, "type": kind, "param": None, "code": None}}


class ConversationStore:
    """Conversations by id, each an ordered list of items (as the API stores them)."""

    def __init__(self) -> None:
        self._conversations: dict[str, dict[str, Any]] = {}
        self._items: dict[str, list[dict[str, Any]]] = {}
        self._ids = itertools.count(1)

    def __contains__(self, conversation_id: object) -> bool:
        return conversation_id in self._conversations

    def items(self, conversation_id: str) -> list[dict[str, Any]]:
        """The stored items of a conversation, oldest first."""
        return list(self._items[conversation_id])

    def _stored(self, item: dict[str, Any]) -> dict[str, Any]:
        """An input item as the API stores it: typed, with an id and a status."""
        stored = dict(item)
        if "type" not in stored and "role" in stored:
            stored["type"] = "message"
        if stored.get("type") == "message" and isinstance(stored.get("content"), str):
            kind = "output_text" if stored.get("role") == "assistant" else "input_text"
            part: dict[str, Any] = {"type": kind, "text": stored["content"]}
            if kind == "output_text":
                part.update(annotations=[], logprobs=[])
            stored["content"] = [part]
        prefix = _ID_PREFIXES.get(stored.get("type", ""), "item")
        stored.setdefault("id", f"{prefix}_fake{next(self._ids)}")
        if stored.get("type") in ("message", "function_call", "function_call_output"):
            stored.setdefault("status", "completed")
        return stored

    def create(self, items: list[dict[str, Any]], metadata: Any) -> dict[str, Any]:
        """A new conversation holding ``items``."""
        conversation_id = f"conv_fake{next(self._ids)}"
        resource = {
            "id": conversation_id,
            "object": "conversation",
            "created_at": int(time.time()),
            "metadata": metadata or {},
        }
        self._conversations[conversation_id] = resource
        self._items[conversation_id] = [self._stored(item) for item in items]
        return resource

    def record_turn(self, conversation_id: str, input: Any, output: list[dict[str, Any]]) -> None:
        """Append a response's input and output, as the API does for ``conversation=...``."""
        given = [{"role": "user", "content": input}] if isinstance(input, str) else input or []
        self._items[conversation_id].extend(self._stored(item) for item in given + output)

    def schema_for(self, method: str, path: str, status: int) -> str | None:
        """The spec schema of the body answering ``method path`` with ``status``."""
        if status >= 400:
            return "ErrorResponse"
        parts = path.strip("/").split("/")
        if len(parts) == 2 and method == "DELETE":
            return "DeletedConversationResource"
        if len(parts) <= 2 or (len(parts) == 4 and method == "DELETE"):
            return "ConversationResource"
        return "ConversationItemList" if len(parts) == 3 else "ConversationItem"

    def handle(
        self, method: str, path: str, query: dict[str, str], body: Any
    ) -> tuple[int, dict[str, Any]]:
        """Answer one Conversations API request: ``(status, JSON body)``."""
        parts = path.strip("/").split("/")  # ["conversations", id?, "items"?, item_id?]
        if len(parts) == 1 and method == "POST":
            body = body or {}
            return 200, self.create(list(body.get("items") or []), body.get("metadata"))
        conversation_id = parts[1] if len(parts) > 1 else ""
        if conversation_id not in self._conversations:
            return _error(404, f"Conversation with id '{conversation_id}' not found.")
        if len(parts) == 2:
            if method == "DELETE":
                del self._conversations[conversation_id], self._items[conversation_id]
                return 200, {
                    "id": conversation_id,
                    "object": "conversation.deleted",
                    "deleted": True,
                }
            return 200, self._conversations[conversation_id]
        if len(parts) == 3 and method == "GET":
            return 200, self._list(conversation_id, query)
        if len(parts) == 3 and method == "POST":
            return self._add(conversation_id, (body or {}).get("items"))
        if len(parts) == 4:
            return self._one_item(method, conversation_id, parts[3])
        return _error(404, f"Unknown endpoint {method} {path}.")

    def _list(self, conversation_id: str, query: dict[str, str]) -> dict[str, Any]:
        items = list(self._items[conversation_id])
        if query.get("order", "desc") == "desc":
            items.reverse()
        after = query.get("after")
        if after is not None:
            ids = [item["id"] for item in items]
            items = items[ids.index(after) + 1 :] if after in ids else []
        limit = min(int(query.get("limit", "20")), _PAGE_LIMIT_MAX)
        page = items[:limit]
        return {
            "object": "list",
            "data": page,
            "first_id": page[0]["id"] if page else "",
            "last_id": page[-1]["id"] if page else "",
            "has_more": len(items) > limit,
        }

    def _add(self, conversation_id: str, items: Any) -> tuple[int, dict[str, Any]]:
        if not isinstance(items, list) or not 0 < len(items) <= _ITEMS_PER_REQUEST_MAX:
            return _error(400, f"'items' must hold 1 to {_ITEMS_PER_REQUEST_MAX} items.")
        added = [self._stored(item) for item in items]
        self._items[conversation_id].extend(added)
        return 200, {
            "object": "list",
            "data": added,
            "first_id": added[0]["id"],
            "last_id": added[-1]["id"],
            "has_more": False,
        }

    def _one_item(
        self, method: str, conversation_id: str, item_id: str
    ) -> tuple[int, dict[str, Any]]:
        items = self._items[conversation_id]
        found = next((item for item in items if item.get("id") == item_id), None)
        if found is None:
            return _error(404, f"Item with id '{item_id}' not found.")
        if method == "DELETE":
            items.remove(found)
            return 200, self._conversations[conversation_id]
        return 200, found
