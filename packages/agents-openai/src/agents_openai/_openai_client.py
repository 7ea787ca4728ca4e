"""Clients of the ``openai`` package given where an ``OpenAIClient`` is expected.

``set_default_openai_client``, ``OpenAIProvider(openai_client=...)`` and the models take an
``openai.AsyncOpenAI`` as well: its settings (base URL, API key, organization, project, default
headers and query, timeout, retries) are read from its public attributes once, when it is given,
into an ``OpenAIClient`` that sends through the client's own ``httpx2.AsyncClient`` (the one it
was given as ``http_client``, or made), so closing the ``AsyncOpenAI`` closes the connections.
What this library's HTTP client cannot do is refused with a ``UserError`` naming it, rather than
failing on the first request. ``openai`` is never imported here: a program that has such a
client has imported it already.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Any

import httpx2

from agents_core.exceptions import UserError

from ._http import OpenAIClient
from ._params import omitted

__all__ = ("as_openai_client", "openai_client_key")

# Headers openai's client adds to identify itself, or that OpenAIClient sets from its settings.
_OWN_HEADERS = frozenset(
    {"accept", "content-type", "user-agent", "openai-organization", "openai-project"}
)


def as_openai_client(client: Any, where: str) -> OpenAIClient:
    """``client`` as an ``OpenAIClient``: itself, or one with an ``AsyncOpenAI``'s settings."""
    if isinstance(client, OpenAIClient):
        return client
    openai = sys.modules.get("openai")
    if openai is not None:
        azure = getattr(openai, "AsyncAzureOpenAI", None)
        if azure is not None and isinstance(client, azure):
            raise UserError(
                f"{where} cannot use an AsyncAzureOpenAI client: its deployment URLs and Azure "
                "credentials are handled inside the openai package. Use Azure's v1 API with this "
                "library's settings instead: OpenAIProvider(base_url='https://RESOURCE.openai."
                "azure.com/openai/v1', default_headers={'api-key': KEY}), or an OpenAIClient "
                "with them."
            )
        if isinstance(client, openai.AsyncOpenAI):
            return _from_async_openai(client, where)
        if isinstance(client, openai.OpenAI):
            raise UserError(
                f"{where} needs an asynchronous client, got openai.OpenAI: pass "
                "openai.AsyncOpenAI(...) with the same settings, or an agents_openai.OpenAIClient."
            )
    raise UserError(
        f"{where} takes an agents_openai.OpenAIClient or an openai.AsyncOpenAI client, "
        f"got {type(client).__name__}."
    )


def openai_client_key(client: Any) -> str | None:
    """The API key of an ``OpenAIClient`` or ``AsyncOpenAI`` (for trace export), if it has one."""
    if isinstance(client, OpenAIClient):
        authorization = client._secret.value.get("Authorization", "")
        return authorization.removeprefix("Bearer ") or None
    key = getattr(client, "api_key", None)
    return key if isinstance(key, str) and key else None


def _from_async_openai(client: Any, where: str) -> OpenAIClient:
    problems = _unsupported(client)
    http_client = _http_client(client, problems)
    if problems:
        raise UserError(
            f"{where} cannot use this AsyncOpenAI client: it relies on {'; '.join(problems)}, "
            "which this library's HTTP client does not do. Pass an AsyncOpenAI with an API key "
            "string (and an httpx2.AsyncClient, if any), or an agents_openai.OpenAIClient."
        )
    key = getattr(client, "api_key", None)
    return OpenAIClient(
        api_key=key if isinstance(key, str) else "",
        base_url=str(client.base_url).rstrip("/"),
        organization=getattr(client, "organization", None),
        project=getattr(client, "project", None),
        default_headers=_custom_headers(client),
        default_query={str(k): v for k, v in dict(client.default_query or {}).items()},
        timeout=_timeout(client.timeout),
        max_retries=int(client.max_retries),
        http_client=http_client,
    )


def _unsupported(client: Any) -> list[str]:
    problems: list[str] = []
    if getattr(client, "workload_identity", None) is not None:
        problems.append("workload identity credentials (workload_identity=...)")
    if getattr(client, "_provider", None) is not None:
        problems.append("a cloud provider's authentication and routing (provider=...)")
    if getattr(client, "_api_key_provider", None) is not None:
        problems.append("an API key function, called for every request (api_key=callable)")
    return problems


def _http_client(client: Any, problems: list[str]) -> httpx2.AsyncClient | None:
    # The client's own connection pool (the one it was given, or the one openai made): closing
    # the AsyncOpenAI closes it, as with the official SDK.
    inner = getattr(client, "_client", None)
    if inner is None:
        return None
    if isinstance(inner, httpx2.AsyncClient):
        return inner
    problems.append(
        f"an http_client of type {type(inner).__module__}.{type(inner).__name__} (this library "
        "sends requests through an httpx2.AsyncClient)"
    )
    return None


def _custom_headers(client: Any) -> dict[str, str]:
    """The headers the user gave the client (``default_headers=``, ``OPENAI_CUSTOM_HEADERS``),
    without those openai's client adds to describe itself."""
    headers: Mapping[str, Any] = client.default_headers
    user_agent = getattr(client, "user_agent", None)
    custom: dict[str, str] = {}
    for name, value in headers.items():
        lowered = name.lower()
        if omitted(value) or lowered.startswith("x-stainless"):
            continue
        if lowered in _OWN_HEADERS and not (lowered == "user-agent" and value != user_agent):
            continue
        custom[name] = str(value)
    return custom


def _timeout(value: Any) -> float | httpx2.Timeout | None:
    if value is None or isinstance(value, int | float | httpx2.Timeout):
        return value
    # Another HTTP library's Timeout (httpx's): the same four limits.
    return httpx2.Timeout(
        connect=getattr(value, "connect", None),
        read=getattr(value, "read", None),
        write=getattr(value, "write", None),
        pool=getattr(value, "pool", None),
    )
