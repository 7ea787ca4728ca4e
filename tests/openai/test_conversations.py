"""``OpenAIConversationsSession``: conversation memory kept by the Conversations API."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from agents_core import Agent, Runner, Session, SessionSettings
from agents_openai import (
    NotFoundError,
    OpenAIClient,
    OpenAIConversationsSession,
    OpenAIProvider,
    start_openai_conversations_session,
)
from agents_openai.testing import FakeOpenAIServer


@pytest.fixture
async def client(server: FakeOpenAIServer) -> AsyncIterator[OpenAIClient]:
    openai = server.client()
    yield openai
    await openai.aclose()


def _user(text: str) -> dict[str, str]:
    return {"role": "user", "content": text}


async def test_items_are_added_listed_popped_and_cleared(
    server: FakeOpenAIServer, client: OpenAIClient
) -> None:
    session = OpenAIConversationsSession(openai_client=client)
    assert isinstance(OpenAIConversationsSession(conversation_id="conv_x"), Session)
    with pytest.raises(ValueError, match="first use"):
        _ = session.session_id

    await session.add_items([_user("one"), _user("two"), _user("three")])

    conversation = session.session_id
    assert conversation in server.conversations
    items = await session.get_items()
    assert [item["content"][0]["text"] for item in items] == ["one", "two", "three"]
    assert all(item["id"] and item["type"] == "message" for item in items)
    latest = await session.get_items(limit=2)
    assert [item["content"][0]["text"] for item in latest] == ["two", "three"]

    popped = await session.pop_item()
    assert popped is not None and popped["content"][0]["text"] == "three"
    assert len(server.conversations.items(conversation)) == 2
    delete = next(r for r in server.requests if r.method == "DELETE")
    assert delete.path == f"/v1/conversations/{conversation}/items/{popped['id']}"

    await session.clear_session()
    assert conversation not in server.conversations
    assert await session.get_items() == []  # a new, empty conversation
    assert session.session_id != conversation


async def test_large_writes_are_batched_and_reads_paginated(
    server: FakeOpenAIServer, client: OpenAIClient
) -> None:
    session = OpenAIConversationsSession(openai_client=client)
    await session.add_items([_user(f"m{i}") for i in range(205)])

    writes = [r for r in server.requests if r.method == "POST" and r.path.endswith("/items")]
    assert [len(r.json["items"]) for r in writes] == [20] * 10 + [5]
    items = await session.get_items()
    assert [item["content"][0]["text"] for item in items] == [f"m{i}" for i in range(205)]
    reads = [r for r in server.requests if r.method == "GET"]
    assert [r.query.get("after") is not None for r in reads] == [False, True, True]
    assert reads[0].query["order"] == "asc"


async def test_session_settings_limit_reads(server: FakeOpenAIServer, client: OpenAIClient) -> None:
    conversation = await start_openai_conversations_session(client)
    session = OpenAIConversationsSession(
        conversation_id=conversation,
        openai_client=client,
        session_settings=SessionSettings(limit=1),
    )
    await session.add_items([_user("a"), _user("b")])
    assert [item["content"][0]["text"] for item in await session.get_items()] == ["b"]
    assert await session.get_items(limit=0) == []
    assert await session.pop_item() is not None
    assert await session.pop_item() is not None
    assert await session.pop_item() is None


async def test_a_run_remembers_through_the_session(
    server: FakeOpenAIServer, provider: OpenAIProvider
) -> None:
    session = OpenAIConversationsSession(openai_client=provider.client)
    agent = Agent(name="memory", model=provider.get_model("gpt-4.1"))
    server.add("Hello Ada.", "You are Ada.")

    await Runner.run(agent, "I am Ada.", session=session)
    result = await Runner.run(agent, "Who am I?", session=session)

    assert result.final_output == "You are Ada."
    second_input = server.model_requests()[1].json["input"]
    texts = [
        item["content"] if isinstance(item["content"], str) else item["content"][0]["text"]
        for item in second_input
    ]
    assert texts == ["I am Ada.", "Hello Ada.", "Who am I?"]
    stored = server.conversations.items(session.session_id)
    assert [item["role"] for item in stored] == ["user", "assistant", "user", "assistant"]


async def test_an_unknown_conversation_is_not_found(client: OpenAIClient) -> None:
    session = OpenAIConversationsSession(conversation_id="conv_missing", openai_client=client)
    with pytest.raises(NotFoundError, match="conv_missing") as caught:
        await session.get_items()
    assert caught.value.status_code == 404
