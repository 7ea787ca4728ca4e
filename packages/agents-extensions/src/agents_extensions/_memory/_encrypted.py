"""``EncryptedSession``: any session, with every item encrypted and authenticated before storage.

Each item is stored as an envelope ``{"__enc__": 1, "v": 1, "kid": "hkdf-v1", "payload": TOKEN}``
whose token is a Fernet token (AES-128-CBC with an HMAC-SHA256 tag and a timestamp) of the
item's JSON. The Fernet key is derived per session with HKDF-SHA256 (the session id as salt),
so one master key serves every session and a token cannot be moved to another session. This is
the envelope and derivation of OpenAI's Agents SDK: either library reads what the other wrote.

Reading drops, with a warning, every stored entry that is not a valid envelope for this session:
one older than ``ttl`` seconds, one whose token was tampered with or truncated, one written with
another key, and plaintext. Nothing unauthenticated is ever returned.
"""

from __future__ import annotations

import base64
import binascii
import time
from collections.abc import Callable
from typing import Any, Literal, TypeGuard

import pydantic_core
from typing_extensions import TypedDict

from agents_core import Session, SessionSettings, TResponseInputItem, UserError
from agents_core.memory import SessionABC

from .._logging import logger
from .._optional import require
from ._common import check_items, check_session_id, encode_items, resolve_limit

_fernet = require("cryptography.fernet", feature="EncryptedSession", extra="encrypt")
_hashes = require(
    "cryptography.hazmat.primitives.hashes", feature="EncryptedSession", extra="encrypt"
)
_hkdf = require(
    "cryptography.hazmat.primitives.kdf.hkdf", feature="EncryptedSession", extra="encrypt"
)

__all__ = ("EncryptedEnvelope", "EncryptedSession")

_KEY_ID = "hkdf-v1"
_VERSION = 1
_HKDF_INFO = b"agents.session-store.hkdf.v1"


class EncryptedEnvelope(TypedDict):
    """How an encrypted item is stored in the underlying session."""

    __enc__: Literal[1]
    v: int
    kid: str
    payload: str


def _master_key_bytes(encryption_key: str) -> bytes:
    """A Fernet-style key (URL-safe base64 of 32 bytes) as its bytes; any other string as UTF-8."""
    if not isinstance(encryption_key, str) or not encryption_key:
        raise UserError("EncryptedSession needs a non-empty encryption_key string.")
    try:
        decoded = base64.urlsafe_b64decode(encryption_key)
    except (binascii.Error, ValueError):
        decoded = b""
    return decoded if len(decoded) == 32 else encryption_key.encode()


def _session_cipher(encryption_key: str, session_id: str) -> Any:
    derived = _hkdf.HKDF(
        algorithm=_hashes.SHA256(), length=32, salt=session_id.encode(), info=_HKDF_INFO
    ).derive(_master_key_bytes(encryption_key))
    return _fernet.Fernet(base64.urlsafe_b64encode(derived))


def _is_envelope(item: object) -> TypeGuard[EncryptedEnvelope]:
    return (
        isinstance(item, dict)
        and item.get("__enc__") == 1
        and isinstance(item.get("payload"), str)
        and "kid" in item
        and "v" in item
    )


class EncryptedSession(SessionABC):
    """Wraps a session so that it stores only encrypted, authenticated, expiring items.

    ``underlying_session`` is any session (SQLite, Redis, SQLAlchemy, ...). ``encryption_key`` is
    a high-entropy secret, such as ``Fernet.generate_key().decode()``, kept in your secret store:
    the same key and session id read the items back after a restart. Items older than ``ttl``
    seconds are no longer returned. ``max_scan_items`` caps how many stored entries one read may
    examine while skipping unreadable ones (None: no cap). ``clock`` (seconds since the epoch)
    decides expiry; it is there for tests.
    """

    def __init__(
        self,
        session_id: str,
        underlying_session: Session,
        encryption_key: str,
        ttl: int = 600,
        max_scan_items: int | None = None,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if max_scan_items is not None and max_scan_items <= 0:
            raise UserError("EncryptedSession max_scan_items must be positive, or None.")
        if ttl <= 0:
            raise UserError(f"EncryptedSession ttl must be a positive number of seconds: {ttl}.")
        self.session_id = check_session_id(session_id, "EncryptedSession")
        self.underlying_session = underlying_session
        self.ttl = ttl
        self.max_scan_items = max_scan_items
        self._cipher = _session_cipher(encryption_key, session_id)
        self._clock = clock

    @property
    def cipher(self) -> Any:
        """The session's ``cryptography.fernet.Fernet`` (its key derived from the master key and
        the session id)."""
        return self._cipher

    def __repr__(self) -> str:
        return f"EncryptedSession(session_id={self.session_id!r}, ttl={self.ttl})"

    def __getattr__(self, name: str) -> Any:
        # Everything else (close(), engine, ...) is the underlying session's.
        if name.startswith("__") or name == "underlying_session":
            raise AttributeError(name)
        return getattr(self.underlying_session, name)

    @property
    def session_settings(self) -> SessionSettings | None:
        """The underlying session's settings (``limit``)."""
        settings: SessionSettings | None = getattr(
            self.underlying_session, "session_settings", None
        )
        return settings

    @session_settings.setter
    def session_settings(self, value: SessionSettings | None) -> None:
        # Sessions expose their settings read-only in the protocol; most keep a plain attribute.
        setattr(self.underlying_session, "session_settings", value)  # noqa: B010

    # --------------------------------------------------------------------------- envelopes

    def _wrap(self, plaintext: str, now: int) -> EncryptedEnvelope:
        token = self._cipher.encrypt_at_time(plaintext.encode(), now).decode()
        return {"__enc__": 1, "v": _VERSION, "kid": _KEY_ID, "payload": token}

    def _unwrap(self, entry: object) -> TResponseInputItem | None:
        """The item inside an envelope, or None (with a warning) when it may not be read."""
        if not _is_envelope(entry):
            logger().warning("encrypted session entry skipped: not an encrypted envelope")
            return None
        token = entry["payload"].encode()
        now = int(self._clock())
        try:
            plaintext = self._cipher.decrypt_at_time(token, self.ttl, now)
        except _fernet.InvalidToken:
            logger().warning("encrypted session entry skipped", reason=self._why_invalid(token))
            return None
        item = pydantic_core.from_json(plaintext)
        if not isinstance(item, dict):
            logger().warning("encrypted session entry skipped: not a JSON object")
            return None
        return item

    def _why_invalid(self, token: bytes) -> str:
        try:
            written = self._cipher.extract_timestamp(token)  # checks the tag, not the age
        except _fernet.InvalidToken:
            return "tampered, truncated or written with another key"
        if written > self._clock() + 60:
            return "written in the future (clock skew)"
        return "expired"

    def _unwrap_all(self, entries: list[Any]) -> list[TResponseInputItem]:
        items = []
        for entry in entries:
            item = self._unwrap(entry)
            if item is not None:
                items.append(item)
        return items

    # ----------------------------------------------------------------------------- the API

    async def get_items(self, limit: int | None = None) -> list[TResponseInputItem]:
        """The readable items, oldest first; with ``limit``, the latest ``limit`` readable ones.

        Unreadable entries (expired, tampered, another key) are skipped with a warning.
        """
        limit = resolve_limit(limit, self.session_settings)
        if limit is not None and limit <= 0:
            return []
        budget = self.max_scan_items
        if limit is None and budget is None:
            return self._unwrap_all(await self.underlying_session.get_items())
        window = limit if limit is not None else budget
        assert window is not None
        if budget is not None:
            window = min(window, budget)
        while True:
            entries = await self.underlying_session.get_items(window)
            items = self._unwrap_all(entries)
            if (limit is not None and len(items) >= limit) or len(entries) < window:
                return items if limit is None else items[-limit:]
            if budget is not None and window >= budget:
                raise UserError(
                    f"EncryptedSession read {window} stored entries (max_scan_items) without "
                    "finding enough readable items; raise max_scan_items or clear old entries."
                )
            window = window * 2 if budget is None else min(window * 2, budget)

    async def add_items(self, items: list[TResponseInputItem]) -> None:
        """Encrypt the items and store them with one write of the underlying session."""
        if not items:
            return
        check_items(items)
        now = int(self._clock())
        envelopes: list[Any] = [self._wrap(text, now) for text in encode_items(items)]
        await self.underlying_session.add_items(envelopes)

    async def pop_item(self) -> TResponseInputItem | None:
        """Remove and return the latest readable item; unreadable entries above it are removed
        too (with a warning), since they can never be read."""
        while True:
            entry = await self.underlying_session.pop_item()
            if entry is None:
                return None
            item = self._unwrap(entry)
            if item is not None:
                return item

    async def clear_session(self) -> None:
        """Remove every entry of the underlying session."""
        await self.underlying_session.clear_session()
