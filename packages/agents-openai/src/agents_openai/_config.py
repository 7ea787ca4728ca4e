"""Process-wide defaults: the API key, base URL, client and API that providers fall back on.

Explicit arguments win over these, and these win over the environment (``OPENAI_API_KEY``,
``OPENAI_BASE_URL``, ``OPENAI_ORG_ID``, ``OPENAI_PROJECT_ID``, ``OPENAI_DEFAULT_MODEL``).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Literal

from agents_core.exceptions import UserError
from agents_core.models import get_default_model

if TYPE_CHECKING:
    from ._http import OpenAIClient

__all__ = (
    "DEFAULT_BASE_URL",
    "default_model_name",
    "get_default_openai_api",
    "get_default_openai_base_url",
    "get_default_openai_client",
    "get_default_openai_key",
    "set_default_openai_api",
    "set_default_openai_base_url",
    "set_default_openai_client",
    "set_default_openai_key",
)

DEFAULT_BASE_URL = "https://api.openai.com/v1"
"""OpenAI's API; any OpenAI-compatible server can stand in through ``base_url``."""


class _Defaults:
    __slots__ = ("api", "base_url", "client", "key")

    def __init__(self) -> None:
        self.key: str | None = None
        self.base_url: str | None = None
        self.client: OpenAIClient | None = None
        self.api: Literal["responses", "chat_completions"] = "responses"


_defaults = _Defaults()


def set_default_openai_key(key: str, use_for_tracing: bool = True) -> None:
    """Set the API key used by providers and clients that are not given one.

    It takes precedence over ``OPENAI_API_KEY``. ``use_for_tracing`` is accepted for
    compatibility; this release has no trace exporter yet.
    """
    if not isinstance(key, str) or not key:
        raise UserError("set_default_openai_key() needs a non-empty string.")
    _defaults.key = key


def get_default_openai_key() -> str | None:
    """The key set with ``set_default_openai_key``, else ``OPENAI_API_KEY``, else ``None``."""
    return _defaults.key or os.environ.get("OPENAI_API_KEY") or None


def set_default_openai_base_url(base_url: str | None) -> None:
    """Point providers that are not given a ``base_url`` at another (OpenAI-compatible) server.

    ``None`` goes back to ``OPENAI_BASE_URL``, or OpenAI's own API.
    """
    _defaults.base_url = base_url


def get_default_openai_base_url() -> str:
    """The base URL set with ``set_default_openai_base_url``, else ``OPENAI_BASE_URL``, else
    OpenAI's API."""
    return _defaults.base_url or os.environ.get("OPENAI_BASE_URL") or DEFAULT_BASE_URL


def set_default_openai_client(client: OpenAIClient | Any, use_for_tracing: bool = True) -> None:
    """Use ``client`` for every provider that is not given a key, base URL or client of its own.

    ``client`` is an ``OpenAIClient`` or an ``openai.AsyncOpenAI`` (whose settings are read
    once, now). With ``use_for_tracing``, its API key is also the one traces are exported with.
    """
    from ._openai_client import as_openai_client, openai_client_key

    _defaults.client = as_openai_client(client, "set_default_openai_client()")
    key = openai_client_key(client)
    if use_for_tracing and key:
        from ._tracing import set_tracing_export_api_key

        set_tracing_export_api_key(key)


def get_default_openai_client() -> OpenAIClient | None:
    """The client set with ``set_default_openai_client``, if any."""
    return _defaults.client


def set_default_openai_api(api: Literal["chat_completions", "responses"]) -> None:
    """Choose the API that providers use when not told: ``"responses"`` (the default) or
    ``"chat_completions"`` (for servers that only speak Chat Completions)."""
    if api not in ("responses", "chat_completions"):
        raise UserError(f"The API must be 'responses' or 'chat_completions', got {api!r}.")
    _defaults.api = api


def get_default_openai_api() -> Literal["responses", "chat_completions"]:
    """The API chosen with ``set_default_openai_api`` (``"responses"`` unless changed)."""
    return _defaults.api


def default_model_name() -> str:
    """The model used when an agent names none (``agents.models.get_default_model``)."""
    return get_default_model()
