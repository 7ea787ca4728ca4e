"""``OpenAIConversationsSession``: conversation memory kept by OpenAI's Conversations API."""

from __future__ import annotations

import asyncio
from typing import Any

import pydantic_core

from agents_core import SessionSettings, TResponseInputItem
from agents_core.memory import SessionABC

from ._config import get_default_openai_client
from ._http import OpenAIClient, invalid_body_error

__all__ = ("OpenAIConversationsSession", "start_openai_conversations_session")

_ITEMS_PER_REQUEST = 20
_PAGE_SIZE = 100


async def _json(client: OpenAIClient, method: str, path: str, **options: Any) -> Any:
    content, request_id = await client.request_json(method, path, **options)
    try:
        return pydantic_core.from_json(content)
    except ValueError as exc:
        raise invalid_body_error(
            f"The answer to {method} {path}", content, exc, request_id
        ) from exc


async def start_openai_conversations_session(openai_client: OpenAIClient | None = None) -> str:
    """Create an empty conversation and return its id."""
    client = openai_client or get_default_openai_client() or OpenAIClient()
    created = await _json(client, "POST", "/conversations", body={"items": []})
    conversation_id: str = created["id"]
    return conversation_id


class OpenAIConversationsSession(SessionABC):
    """A ``Session`` whose items live in an OpenAI conversation (``/conversations``).

    Give a ``conversation_id`` to continue one; otherwise one is created on first use. Reads
    and writes through one session object are serialized. ``clear_session`` deletes the
    conversation; the next use starts a new one.
    """

    session_settings: SessionSettings

    def __init__(
        self,
        *,
        conversation_id: str | None = None,
        openai_client: OpenAIClient | None = None,
        session_settings: SessionSettings | None = None,
    ) -> None:
        self._conversation_id = conversation_id
        self._client = openai_client
        self.session_settings = session_settings or SessionSettings()
        self._lock = asyncio.Lock()

    def __repr__(self) -> str:
        return f"OpenAIConversationsSession(conversation_id={self._conversation_id!r})"

    @property
    def session_id(self) -> str:
        """The conversation's id; it exists once the session has been used."""
        if self._conversation_id is None:
            raise ValueError(
                "The conversation is created on first use: call get_items() or add_items() first."
            )
        return self._conversation_id

    @session_id.setter
    def session_id(self, value: str) -> None:
        self._conversation_id = value

    @property
    def client(self) -> OpenAIClient:
        """The client requests go through (the default client, or a new one, unless given)."""
        if self._client is None:
            self._client = get_default_openai_client() or OpenAIClient()
        return self._client

    async def _conversation(self) -> str:
        if self._conversation_id is None:
            self._conversation_id = await start_openai_conversations_session(self.client)
        return self._conversation_id

    async def _list(self, limit: int | None) -> list[TResponseInputItem]:
        """Items oldest first; with ``limit``, only the latest ``limit`` of them."""
        conversation = await self._conversation()
        order = "asc" if limit is None else "desc"
        items: list[TResponseInputItem] = []
        query: dict[str, Any] = {"order": order, "limit": _PAGE_SIZE}
        while True:
            page = await _json(
                self.client, "GET", f"/conversations/{conversation}/items", query=query
            )
            items.extend(page.get("data") or [])
            if limit is not None and len(items) >= limit:
                del items[limit:]
                break
            if not page.get("has_more") or not page.get("last_id"):
                break
            query = {**query, "after": page["last_id"]}
        if limit is not None:
            items.reverse()
        return items

    async def get_items(self, limit: int | None = None) -> list[TResponseInputItem]:
        """The conversation's items, oldest first (the latest ``limit`` of them, if given)."""
        limit = limit if limit is not None else self.session_settings.limit
        if limit is not None and limit <= 0:
            return []
        async with self._lock:
            return await self._list(limit)

    async def add_items(self, items: list[TResponseInputItem]) -> None:
        """Append items in order, 20 per request (the API's limit).

        A write that needs several requests is not atomic: if one fails, the batches before it
        stay stored.
        """
        if not items:
            return
        async with self._lock:
            conversation = await self._conversation()
            for start in range(0, len(items), _ITEMS_PER_REQUEST):
                batch = items[start : start + _ITEMS_PER_REQUEST]
                await _json(
                    self.client,
                    "POST",
                    f"/conversations/{conversation}/items",
                    body={"items": batch},
                )

    async def pop_item(self) -> TResponseInputItem | None:
        """Delete and return the latest item (``None`` if there is none)."""
        async with self._lock:
            latest = await self._list(1)
            if not latest:
                return None
            item = latest[0]
            conversation = await self._conversation()
            await _json(self.client, "DELETE", f"/conversations/{conversation}/items/{item['id']}")
            return item

    async def clear_session(self) -> None:
        """Delete the conversation; the next use of the session starts a new one."""
        async with self._lock:
            if self._conversation_id is None:
                return
            await _json(self.client, "DELETE", f"/conversations/{self._conversation_id}")
            self._conversation_id = None
