"""EncryptedSession: the stored envelope, keys per session, and entries that must never be read:
tampered, truncated, written with another key, expired, plaintext."""

from __future__ import annotations

import base64
import json
import logging
from typing import Any

import pytest
from cryptography.fernet import Fernet

from agents_core import MemorySession, SessionSettings, UserError
from agents_extensions.memory import EncryptedSession
from agents_extensions.memory.encrypt_session import EncryptedEnvelope

KEY = Fernet.generate_key().decode()


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def message(text: str) -> dict[str, Any]:
    return {"role": "user", "content": text}


def encrypted(
    inner: MemorySession, *, key: str = KEY, ttl: int = 600, clock: Clock | None = None, **kw: Any
) -> EncryptedSession:
    return EncryptedSession(inner.session_id, inner, key, ttl=ttl, clock=clock or Clock(), **kw)


@pytest.fixture
def warnings_log(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.WARNING, logger="agents.extensions")
    return caplog


async def test_items_are_stored_as_authenticated_envelopes() -> None:
    inner = MemorySession("s")
    session = encrypted(inner)
    await session.add_items([message("secret plan")])
    (stored,) = await inner.get_items()
    assert set(stored) == {"__enc__", "v", "kid", "payload"}
    assert (stored["__enc__"], stored["v"], stored["kid"]) == (1, 1, "hkdf-v1")
    assert "secret" not in json.dumps(stored)
    envelope: EncryptedEnvelope = stored  # type: ignore[assignment]
    token = base64.urlsafe_b64decode(envelope["payload"])
    assert token[0] == 0x80  # a Fernet token
    assert await session.get_items() == [message("secret plan")]
    # The session's cipher opens what it stored (the payload is the Fernet token).
    assert json.loads(session.cipher.decrypt(envelope["payload"].encode())) == message(
        "secret plan"
    )


async def test_the_key_is_derived_per_session() -> None:
    first, second = MemorySession("alice"), MemorySession("bob")
    await encrypted(first).add_items([message("for alice")])
    await second.add_items(await first.get_items())  # alice's envelope copied into bob's store
    assert await encrypted(second).get_items() == []


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda p: p[:-8], id="truncated"),
        pytest.param(lambda p: p[:40] + ("A" if p[40] != "A" else "B") + p[41:], id="tampered"),
        pytest.param(lambda p: "not base64 at all!", id="garbage"),
    ],
)
async def test_damaged_entries_are_dropped_with_a_warning(
    damage: Any, warnings_log: pytest.LogCaptureFixture
) -> None:
    inner = MemorySession("s")
    session = encrypted(inner)
    await session.add_items([message("kept"), message("damaged")])
    stored = await inner.get_items()
    stored[1]["payload"] = damage(stored[1]["payload"])
    await inner.clear_session()
    await inner.add_items(stored)
    assert await session.get_items() == [message("kept")]
    assert "tampered, truncated or written with another key" in warnings_log.text
    assert "damaged" not in warnings_log.text


async def test_another_key_reads_nothing(warnings_log: pytest.LogCaptureFixture) -> None:
    inner = MemorySession("s")
    await encrypted(inner).add_items([message("a"), message("b")])
    other = encrypted(inner, key=Fernet.generate_key().decode())
    assert await other.get_items() == []
    assert await other.pop_item() is None  # unreadable entries are dropped, never returned
    assert warnings_log.text.count("another key") == 4


async def test_expired_items_are_dropped_and_fresh_ones_kept(
    warnings_log: pytest.LogCaptureFixture,
) -> None:
    inner, clock = MemorySession("s"), Clock()
    session = encrypted(inner, ttl=60, clock=clock)
    await session.add_items([message("old")])
    clock.now += 45
    await session.add_items([message("new")])
    assert await session.get_items() == [message("old"), message("new")]
    clock.now += 30  # 'old' is 75 s old, 'new' 30 s
    assert await session.get_items() == [message("new")]
    assert "reason='expired'" in warnings_log.text


async def test_plaintext_and_foreign_entries_are_not_returned(
    warnings_log: pytest.LogCaptureFixture,
) -> None:
    inner = MemorySession("s")
    session = encrypted(inner)
    await inner.add_items([message("plaintext"), {"__enc__": 1, "payload": "x"}])
    await session.add_items([message("sealed")])
    assert await session.get_items() == [message("sealed")]
    assert "not an encrypted envelope" in warnings_log.text


async def test_limits_count_readable_items() -> None:
    inner = MemorySession("s")
    session = encrypted(inner)
    await session.add_items([message(str(n)) for n in range(3)])
    await inner.add_items([message("plain")] * 5)  # unreadable entries on top
    assert await session.get_items(limit=2) == [message("1"), message("2")]
    bounded = encrypted(inner, max_scan_items=4)
    with pytest.raises(UserError, match="max_scan_items"):
        await bounded.get_items(limit=2)
    with pytest.raises(UserError, match="max_scan_items"):
        encrypted(inner, max_scan_items=0)


async def test_settings_belong_to_the_underlying_session() -> None:
    inner = MemorySession("s", settings=SessionSettings(limit=1))
    session = encrypted(inner)
    await session.add_items([message("a"), message("b")])
    assert session.session_settings == SessionSettings(limit=1)
    assert await session.get_items() == [message("b")]
    session.session_settings = SessionSettings(limit=None)
    assert inner.session_settings == SessionSettings(limit=None)


async def test_a_raw_string_key_works_and_an_empty_one_is_refused() -> None:
    inner = MemorySession("s")
    session = EncryptedSession("s", inner, "a passphrase from the environment")
    await session.add_items([message("x")])
    assert await session.get_items() == [message("x")]
    with pytest.raises(UserError, match="encryption_key"):
        EncryptedSession("s", inner, "")
