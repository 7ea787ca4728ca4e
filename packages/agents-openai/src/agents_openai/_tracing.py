"""Export traces to OpenAI's traces dashboard (``POST /v1/traces/ingest``)."""

from __future__ import annotations

import os
import random
import time
from typing import Any

import httpx2
from pydantic_core import to_json

from agents_core.logger import log
from agents_core.tracing import (
    BatchTraceProcessor,
    Span,
    Trace,
    TracingExporter,
    add_trace_processor,
)

__all__ = ("OpenAITracingExporter", "enable_openai_tracing", "set_tracing_export_api_key")

_DEFAULT_BASE_URL = "https://api.openai.com/v1"


class OpenAITracingExporter(TracingExporter):
    """Sends batches of traces and spans to OpenAI, from ``BatchTraceProcessor``'s thread.

    Without an API key (argument, :func:`set_tracing_export_api_key`, or ``OPENAI_API_KEY``)
    nothing is sent. Connection errors, 429 and 5xx answers are retried with backoff; other
    failures are logged and the batch dropped. It never raises into the traced program.
    """

    def __init__(
        self,
        api_key: str | None = None,
        organization: str | None = None,
        project: str | None = None,
        endpoint: str | None = None,
        *,
        max_retries: int = 3,
        base_delay: float = 0.5,
        max_delay: float = 10.0,
        timeout: float = 10.0,
    ) -> None:
        self._api_key = api_key
        self.organization = organization or os.environ.get("OPENAI_ORG_ID")
        self.project = project or os.environ.get("OPENAI_PROJECT_ID")
        base_url = os.environ.get("OPENAI_BASE_URL") or _DEFAULT_BASE_URL
        self.endpoint = endpoint or f"{base_url.rstrip('/')}/traces/ingest"
        self.max_retries = max_retries
        self.base_delay = base_delay
        self.max_delay = max_delay
        self._client = httpx2.Client(timeout=timeout)
        self._warned_no_key = False

    def set_api_key(self, api_key: str) -> None:
        """Use this key from now on."""
        self._api_key = api_key

    def _key(self) -> str | None:
        return self._api_key or _default_key or os.environ.get("OPENAI_API_KEY")

    def _headers(self, key: str) -> dict[str, str]:
        headers = {
            "Authorization": f"Bearer {key}",
            "Content-Type": "application/json",
            "OpenAI-Beta": "traces=v1",
        }
        if self.organization:
            headers["OpenAI-Organization"] = self.organization
        if self.project:
            headers["OpenAI-Project"] = self.project
        return headers

    def export(self, items: list[Trace | Span[Any]]) -> None:
        """Send the items (dropping them, with a log line, if that keeps failing)."""
        key = self._key()
        if not key:
            if not self._warned_no_key:
                log().warning("no OpenAI API key for trace export: traces are not sent")
                self._warned_no_key = True
            return
        data = [exported for item in items if (exported := item.export()) is not None]
        if not data:
            return
        body = to_json({"data": data}, fallback=str)
        for attempt in range(self.max_retries + 1):
            status = self._send(body, key)
            if status is not None and status < 300:
                return
            retryable = status is None or status == 429 or status >= 500
            if not retryable or attempt == self.max_retries:
                log().error("trace export failed", status=status, items=len(data))
                return
            delay = min(self.max_delay, self.base_delay * 2**attempt)
            time.sleep(delay * (0.5 + random.random() / 2))

    def _send(self, body: bytes, key: str) -> int | None:
        try:
            response = self._client.post(self.endpoint, content=body, headers=self._headers(key))
        except httpx2.HTTPError as exc:
            log().warning("trace export request failed", error=type(exc).__name__)
            return None
        return response.status_code

    def close(self) -> None:
        """Close the HTTP connection pool."""
        self._client.close()

    def __repr__(self) -> str:
        return f"OpenAITracingExporter(endpoint={self.endpoint!r})"


_default_key: str | None = None


def set_tracing_export_api_key(api_key: str) -> None:
    """The API key trace exports use when an exporter was not given one."""
    global _default_key
    _default_key = api_key


def enable_openai_tracing(
    api_key: str | None = None, **exporter_options: Any
) -> BatchTraceProcessor:
    """Send every run's traces to OpenAI from now on; returns the processor that does it.

    Tracing records nothing until a processor is added; this adds one that exports in batches
    from a background thread, so runs never wait for the network.
    """
    processor = BatchTraceProcessor(OpenAITracingExporter(api_key, **exporter_options))
    add_trace_processor(processor)
    return processor
