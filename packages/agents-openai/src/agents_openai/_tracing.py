"""Export traces to OpenAI's traces dashboard (``POST /v1/traces/ingest``).

Nothing is exported by default (tracing records nothing until a processor is added):
``enable_openai_tracing()`` adds a ``BatchTraceProcessor`` around this exporter.
"""

from __future__ import annotations

import os
import random
import threading
from collections.abc import Mapping
from typing import Any

from pydantic_core import to_json

from agents_core.logger import log
from agents_core.tracing import (
    BatchTraceProcessor,
    Span,
    Trace,
    TracingExporter,
    add_trace_processor,
)

from ._ingest import IngestClient, IngestError

__all__ = (
    "BackendSpanExporter",
    "OpenAITracingExporter",
    "default_exporter",
    "default_processor",
    "enable_openai_tracing",
    "set_tracing_export_api_key",
)

_INGEST_ENDPOINT = "https://api.openai.com/v1/traces/ingest"
# 4xx answers worth another try (as the OpenAI client retries them): timeout, conflict, rate limit.
_RETRYABLE_CLIENT_STATUSES = frozenset({408, 409, 429})


def _retry_after(headers: Mapping[str, str]) -> float | None:
    """The server's requested wait, from ``retry-after-ms`` or ``retry-after`` (seconds)."""
    for header, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        value = headers.get(header)
        if value is None:
            continue
        try:
            seconds = float(value) * scale
        except ValueError:
            continue
        if seconds >= 0:
            return seconds
    return None


class OpenAITracingExporter(TracingExporter):
    """Sends batches of traces and spans to OpenAI, from ``BatchTraceProcessor``'s thread.

    Items are grouped by their trace's API key (``TracingConfig(api_key=...)``, e.g. from
    ``RunConfig(tracing=...)``); the others use this exporter's key: ``api_key``, then
    ``set_tracing_export_api_key``, then ``OPENAI_API_KEY``. Without a key nothing is sent.
    Each batch is tried up to ``max_retries`` times: connection errors, 408, 409, 429 and 5xx
    answers are retried with exponential backoff from ``base_delay`` up to ``max_delay``
    seconds (a ``Retry-After`` is honoured within that bound); other failures are logged and the
    batch dropped. It never raises into the traced program. ``BackendSpanExporter`` is the
    official name of this class.
    """

    def __init__(
        self,
        api_key: str | None = None,
        organization: str | None = None,
        project: str | None = None,
        endpoint: str = _INGEST_ENDPOINT,
        max_retries: int = 3,
        base_delay: float = 1.0,
        max_delay: float = 30.0,
        *,
        timeout: float = 60.0,
    ) -> None:
        self._api_key = api_key
        self._organization = organization
        self._project = project
        self._client: IngestClient | None = None
        self.endpoint = endpoint
        self.max_retries = max_retries
        self.base_delay = base_delay
        self.max_delay = max_delay
        self._timeout = timeout
        self._shutdown = threading.Event()
        self._warned_no_key = False

    @property
    def endpoint(self) -> str:
        """The URL batches are POSTed to."""
        return self._endpoint

    @endpoint.setter
    def endpoint(self, endpoint: str) -> None:
        self._endpoint = endpoint
        self.close()  # the next batch connects to the new endpoint

    def set_api_key(self, api_key: str) -> None:
        """Use this key from now on (for items without a key of their own)."""
        self._api_key = api_key

    @property
    def api_key(self) -> str | None:
        """The key used for items without one of their own (never shown in a repr or log)."""
        return self._api_key or _default_key.value or os.environ.get("OPENAI_API_KEY")

    @api_key.setter
    def api_key(self, api_key: str | None) -> None:
        self._api_key = api_key

    @property
    def organization(self) -> str | None:
        """The ``OpenAI-Organization`` header (argument, else ``OPENAI_ORG_ID``)."""
        return self._organization or os.environ.get("OPENAI_ORG_ID")

    @property
    def project(self) -> str | None:
        """The ``OpenAI-Project`` header (argument, else ``OPENAI_PROJECT_ID``)."""
        return self._project or os.environ.get("OPENAI_PROJECT_ID")

    def _headers(self, key: str) -> dict[str, str]:
        headers = {
            "Authorization": f"Bearer {key}",
            "Content-Type": "application/json",
            "OpenAI-Beta": "traces=v1",
        }
        if organization := self.organization:
            headers["OpenAI-Organization"] = organization
        if project := self.project:
            headers["OpenAI-Project"] = project
        return headers

    def export(self, items: list[Trace | Span[Any]]) -> None:
        """Send the items, one request per API key (dropping a batch, with a log line, if that
        keeps failing)."""
        groups: dict[str | None, list[dict[str, Any]]] = {}
        for item in items:
            exported = item.export()
            if exported:
                groups.setdefault(item.tracing_api_key, []).append(exported)
        for item_key, data in groups.items():
            key = item_key or self.api_key
            if not key:
                if not self._warned_no_key:
                    log().warning("no OpenAI API key for trace export: traces are not sent")
                    self._warned_no_key = True
                continue
            self._send_with_retries(to_json({"data": data}, fallback=str), key, len(data))

    def _send_with_retries(self, body: bytes, key: str, count: int) -> None:
        delay = self.base_delay
        for attempt in range(1, max(1, self.max_retries) + 1):
            wait: float | None = None
            try:
                if self._client is None:
                    self._client = IngestClient(self._endpoint, self._timeout)
                status, headers = self._client.post(body, self._headers(key))
            except (IngestError, ValueError) as exc:
                log().warning("trace export request failed", error=str(exc))
            else:
                if status < 300:
                    return
                should_retry = (headers.get("x-should-retry") or "").strip().lower()
                retryable = status >= 500 or status in _RETRYABLE_CLIENT_STATUSES
                if not retryable or should_retry == "false":
                    log().error("trace export failed", status=status, items=count)
                    return
                wait = _retry_after(headers)
            if attempt >= self.max_retries:
                log().error("trace export failed: retries exhausted", items=count)
                return
            sleep = delay + random.uniform(0, 0.1 * delay)
            if wait is not None:
                sleep = min(max(sleep, wait), self.max_delay)
            if self._shutdown.wait(sleep):
                log().warning("trace export given up: shutting down", items=count)
                return
            delay = min(delay * 2, self.max_delay)

    def close(self) -> None:
        """Close the HTTP connection (a later batch opens a new one)."""
        client, self._client = self._client, None
        if client is not None:
            client.close()

    def _request_shutdown(self) -> None:
        """Stop waiting between retries (the process is exiting)."""
        self._shutdown.set()

    def __repr__(self) -> str:
        return f"OpenAITracingExporter(endpoint={self.endpoint!r})"


BackendSpanExporter = OpenAITracingExporter


class _DefaultKey:
    """The key set with ``set_tracing_export_api_key`` (shared by every exporter)."""

    value: str | None = None


_default_key = _DefaultKey()
_defaults_lock = threading.Lock()
_default_exporter: OpenAITracingExporter | None = None
_default_processor: BatchTraceProcessor | None = None


def default_exporter() -> OpenAITracingExporter:
    """The process's shared OpenAI exporter (made on first use; not installed by itself)."""
    global _default_exporter
    with _defaults_lock:
        if _default_exporter is None:
            _default_exporter = OpenAITracingExporter()
        return _default_exporter


def default_processor() -> BatchTraceProcessor:
    """The process's shared batch processor around ``default_exporter()`` (made on first use;
    add it with ``add_trace_processor`` to export, or call ``enable_openai_tracing()``)."""
    global _default_processor
    exporter = default_exporter()
    with _defaults_lock:
        if _default_processor is None:
            _default_processor = BatchTraceProcessor(exporter)
        return _default_processor


def set_tracing_export_api_key(api_key: str) -> None:
    """The API key trace exports use when neither the exporter nor the trace has one."""
    _default_key.value = api_key
    default_exporter().set_api_key(api_key)


def enable_openai_tracing(
    api_key: str | None = None, **exporter_options: Any
) -> BatchTraceProcessor:
    """Send every run's traces to OpenAI from now on; returns the processor that does it.

    Tracing records nothing until a processor is added; this adds one that exports in batches
    from a background thread, so runs never wait for the network. Without arguments it adds
    ``default_processor()``.
    """
    if api_key is None and not exporter_options:
        processor = default_processor()
    else:
        processor = BatchTraceProcessor(OpenAITracingExporter(api_key, **exporter_options))
    add_trace_processor(processor)
    return processor
