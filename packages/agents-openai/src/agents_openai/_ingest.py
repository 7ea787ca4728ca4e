"""POSTs to one URL for the trace exporter, from its background thread.

A direct connection uses the standard library's ``http.client`` over one kept-alive socket (TLS
with httpx2's default context: the system's trust store, ``SSL_CERT_FILE`` honoured): a batch
costs a sixth of the interpreter time an httpx2 request takes, time the exporter's thread would
otherwise take from the traced program. When the environment names a proxy for the URL
(``HTTPS_PROXY``, ``HTTP_PROXY``, ``ALL_PROXY``, minus ``NO_PROXY``), requests go through an
``httpx2.Client`` instead, which handles every kind of proxy.
"""

from __future__ import annotations

import http.client
import ssl
import threading
import urllib.parse
import urllib.request
from collections.abc import Mapping
from typing import Any

import httpx2

__all__ = ("IngestClient", "IngestError")


class IngestError(Exception):
    """The request could not be made or got no answer (connection, TLS, timeout)."""


# Errors of a kept-alive connection the server closed while it was idle: the request never
# reached it, so it is sent again at once on a new connection.
_STALE_CONNECTION = (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError)


def _uses_proxy(url: urllib.parse.SplitResult) -> bool:
    proxies = urllib.request.getproxies()
    if not (proxies.get(url.scheme) or proxies.get("all")):
        return False
    return not urllib.request.proxy_bypass(url.hostname or "")


class IngestClient:
    """Sends POST requests to ``url`` and returns each answer's status and headers.

    Requests from several threads take turns on the one connection. ``timeout`` bounds each
    read; connecting is bounded by ``connect_timeout``.
    """

    def __init__(self, url: str, timeout: float, connect_timeout: float = 5.0) -> None:
        self.url = url
        self._timeout = timeout
        self._connect_timeout = connect_timeout
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"trace ingest URL must be http(s)://host/...: {url!r}")
        self._parts = parts
        self._target = parts.path or "/"
        if parts.query:
            self._target += "?" + parts.query
        self._connection: http.client.HTTPConnection | None = None
        self._ssl: ssl.SSLContext | None = None
        self._fallback: httpx2.Client | None = None
        self._direct: bool | None = None  # decided on the first request
        self._lock = threading.Lock()

    def post(self, body: bytes, headers: Mapping[str, str]) -> tuple[int, Mapping[str, str]]:
        """Send one request; the answer's status and (case-insensitive) headers."""
        with self._lock:
            return self._post(body, headers)

    def _post(self, body: bytes, headers: Mapping[str, str]) -> tuple[int, Mapping[str, str]]:
        if self._direct is None:
            self._direct = not _uses_proxy(self._parts)
        if not self._direct:
            return self._post_through_httpx2(body, headers)
        try:
            return self._post_direct(body, headers)
        except (OSError, http.client.HTTPException) as exc:
            raise IngestError(type(exc).__name__) from exc

    def _post_direct(self, body: bytes, headers: Mapping[str, str]) -> tuple[int, Any]:
        reused = self._connection is not None
        connection = self._connection or self._connect()
        try:
            connection.request("POST", self._target, body=body, headers=dict(headers))
            response = connection.getresponse()
            response.read()
        except _STALE_CONNECTION:
            self._close_connection()
            if reused:
                return self._post_direct(body, headers)  # once more, on a new connection
            raise
        except BaseException:
            self._close_connection()
            raise
        if response.will_close:
            self._close_connection()
        return response.status, response.headers

    def _connect(self) -> http.client.HTTPConnection:
        parts = self._parts
        connection: http.client.HTTPConnection
        if parts.scheme == "https":
            if self._ssl is None:
                self._ssl = httpx2.create_ssl_context()
            connection = http.client.HTTPSConnection(
                parts.hostname or "", parts.port, timeout=self._connect_timeout, context=self._ssl
            )
        else:
            connection = http.client.HTTPConnection(
                parts.hostname or "", parts.port, timeout=self._connect_timeout
            )
        try:
            connection.connect()
        except BaseException:
            connection.close()
            raise
        if connection.sock is not None:
            connection.sock.settimeout(self._timeout)
        self._connection = connection
        return connection

    def _post_through_httpx2(self, body: bytes, headers: Mapping[str, str]) -> tuple[int, Any]:
        if self._fallback is None:
            self._fallback = httpx2.Client(
                timeout=httpx2.Timeout(self._timeout, connect=self._connect_timeout)
            )
        try:
            response = self._fallback.post(self.url, content=body, headers=dict(headers))
        except httpx2.HTTPError as exc:
            raise IngestError(type(exc).__name__) from exc
        return response.status_code, response.headers

    def _close_connection(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            connection.close()

    def close(self) -> None:
        """Close the connection (a later request opens a new one)."""
        with self._lock:
            self._close_connection()
        fallback, self._fallback = self._fallback, None
        if fallback is not None:
            fallback.close()
