"""Per-run tracing settings (``RunConfig(tracing=...)``)."""

from __future__ import annotations

from typing_extensions import TypedDict

__all__ = ("TracingConfig",)


class TracingConfig(TypedDict, total=False):
    """Tracing settings for one run: ``api_key`` for the OpenAI trace exporter."""

    api_key: str
