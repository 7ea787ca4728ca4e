"""The trace exporter's connection: kept alive between batches, reopened when the server closed
it, through the environment's proxy when one is set, and failures retried then dropped with a
log line. Real sockets on loopback: a small HTTP/1.1 server that records each request with the
client port it came from."""

from __future__ import annotations

import datetime
import ipaddress
import json
import socket
import socketserver
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from agents_core.tracing.traces import TraceImpl
from agents_openai import OpenAITracingExporter

KEY = "sk-ingest-test"


@dataclass
class _Seen:
    request_line: str
    port: int
    headers: dict[str, str]
    body: bytes


@dataclass
class _Behaviour:
    status: int = 200
    extra_headers: dict[str, str] = field(default_factory=dict)
    close_after_each: bool = False  # answer, then close (as a server whose idle timeout hit)
    hang_up: bool = False  # read the request, then close without answering
    seen: list[_Seen] = field(default_factory=list)


class _Handler(socketserver.StreamRequestHandler):
    server: _Server

    def handle(self) -> None:
        behaviour = self.server.behaviour
        while True:
            line = self.rfile.readline()
            if not line:
                return
            headers: dict[str, str] = {}
            while (header := self.rfile.readline()) not in (b"\r\n", b"\n", b""):
                name, _, value = header.decode("latin-1").partition(":")
                headers[name.strip().lower()] = value.strip()
            body = self.rfile.read(int(headers.get("content-length", "0")))
            port = self.client_address[1]
            behaviour.seen.append(_Seen(line.decode("latin-1").strip(), port, headers, body))
            if behaviour.hang_up:
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            extra = "".join(f"{k}: {v}\r\n" for k, v in behaviour.extra_headers.items())
            reply = b"{}"
            self.wfile.write(
                f"HTTP/1.1 {behaviour.status} X\r\nContent-Type: application/json\r\n{extra}"
                f"Content-Length: {len(reply)}\r\n\r\n".encode()
                + reply
            )
            self.wfile.flush()
            if behaviour.close_after_each:
                # Close without "Connection: close": the client learns it on its next request.
                self.connection.shutdown(socket.SHUT_RDWR)
                return


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, behaviour: _Behaviour, tls: ssl.SSLContext | None = None) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.behaviour = behaviour
        self.tls = tls

    def get_request(self) -> tuple[Any, Any]:
        connection, address = super().get_request()
        if self.tls is not None:
            connection = self.tls.wrap_socket(connection, server_side=True)
        return connection, address


def _self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 signed by its own key (the test's certificate authority)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@contextmanager
def _serving(tls: tuple[Path, Path] | None = None) -> Iterator[tuple[str, _Behaviour]]:
    """A server on loopback (over TLS with ``tls``'s certificate and key): its base URL and
    what it does and saw."""
    context = None
    if tls is not None:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(*tls)
    behaviour = _Behaviour()
    srv = _Server(behaviour, tls=context)
    threading.Thread(target=srv.serve_forever, args=(0.05,), daemon=True).start()
    scheme = "http" if tls is None else "https"
    try:
        yield f"{scheme}://127.0.0.1:{srv.server_address[1]}", behaviour
    finally:
        srv.shutdown()
        srv.server_close()


@pytest.fixture
def server() -> Iterator[tuple[str, _Behaviour]]:
    with _serving() as served:
        yield served


def _names(seen: list[_Seen]) -> list[str]:
    """The workflow name of the first item of each request body."""
    return [json.loads(s.body)["data"][0]["workflow_name"] for s in seen]


def _items(name: str) -> list[Any]:
    class _Nobody:
        def on_trace_start(self, trace: Any) -> None: ...

        def on_trace_end(self, trace: Any) -> None: ...

    return [TraceImpl(name, None, None, None, _Nobody())]  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


def test_batches_share_one_kept_alive_connection(server: tuple[str, _Behaviour]) -> None:
    url, behaviour = server
    exporter = OpenAITracingExporter(api_key=KEY, endpoint=f"{url}/v1/traces/ingest")
    for name in ("one", "two", "three"):
        exporter.export(_items(name))
    exporter.close()
    assert [s.request_line for s in behaviour.seen] == ["POST /v1/traces/ingest HTTP/1.1"] * 3
    assert len({s.port for s in behaviour.seen}) == 1
    first = behaviour.seen[0]
    assert first.headers["authorization"] == f"Bearer {KEY}"
    assert first.headers["openai-beta"] == "traces=v1"
    assert first.headers["content-type"] == "application/json"
    assert _names(behaviour.seen) == ["one", "two", "three"]


def test_a_connection_the_server_closed_is_reopened_without_losing_the_batch(
    server: tuple[str, _Behaviour],
) -> None:
    url, behaviour = server
    behaviour.close_after_each = True
    # One attempt per batch: a batch lost to the stale connection would not be sent again.
    exporter = OpenAITracingExporter(api_key=KEY, endpoint=f"{url}/v1/traces/ingest", max_retries=1)
    for name in ("one", "two", "three"):
        exporter.export(_items(name))
    exporter.close()
    assert _names(behaviour.seen) == ["one", "two", "three"]
    assert len({s.port for s in behaviour.seen}) == 3


def test_a_server_hanging_up_after_a_reused_connection_fails_only_the_batch(
    server: tuple[str, _Behaviour], caplog: pytest.LogCaptureFixture
) -> None:
    url, behaviour = server
    exporter = OpenAITracingExporter(
        api_key=KEY, endpoint=f"{url}/v1/traces/ingest", max_retries=2, base_delay=0.0
    )
    exporter.export(_items("answered"))  # leaves a kept-alive connection
    behaviour.hang_up = True
    exporter.export(_items("hung up on"))  # must not raise: logged, retried, dropped
    behaviour.hang_up = False
    exporter.export(_items("answered again"))
    exporter.close()
    names = _names(behaviour.seen)
    # The reused connection, a new one at once, then the second attempt's new connection.
    assert names == ["answered", "hung up on", "hung up on", "hung up on", "answered again"]
    assert "RemoteDisconnected" in caplog.text
    assert "retries exhausted" in caplog.text


def test_retry_after_is_read_from_the_answer(
    server: tuple[str, _Behaviour], caplog: pytest.LogCaptureFixture
) -> None:
    url, behaviour = server
    behaviour.status = 429
    behaviour.extra_headers = {"Retry-After-Ms": "1"}
    exporter = OpenAITracingExporter(
        api_key=KEY, endpoint=f"{url}/v1/traces/ingest", max_retries=3, base_delay=0.0
    )
    exporter.export(_items("limited"))
    exporter.close()
    assert len(behaviour.seen) == 3
    behaviour.seen.clear()
    behaviour.extra_headers = {"x-should-retry": "false"}
    behaviour.status = 503
    exporter.export(_items("told not to"))
    exporter.close()
    assert len(behaviour.seen) == 1
    assert "trace export failed" in caplog.text


def test_an_unreachable_endpoint_is_retried_then_dropped(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    exporter = OpenAITracingExporter(
        api_key=KEY,
        endpoint=f"http://127.0.0.1:{port}/v1/traces/ingest",
        max_retries=2,
        base_delay=0.0,
    )
    exporter.export(_items("lost"))
    exporter.close()
    assert "trace export request failed" in caplog.text
    assert "ConnectionRefusedError" in caplog.text
    assert "retries exhausted" in caplog.text


def test_a_proxy_from_the_environment_carries_the_batches(
    server: tuple[str, _Behaviour], monkeypatch: pytest.MonkeyPatch
) -> None:
    proxy_url, proxy = server  # answers like the ingest endpoint, and records what it got
    monkeypatch.setenv("HTTP_PROXY", proxy_url)
    target = "http://ingest.example.invalid/v1/traces/ingest"
    exporter = OpenAITracingExporter(api_key=KEY, endpoint=target)
    exporter.export(_items("proxied"))
    exporter.close()
    assert [s.request_line for s in proxy.seen] == [f"POST {target} HTTP/1.1"]
    assert json.loads(proxy.seen[0].body)["data"][0]["workflow_name"] == "proxied"


def test_no_proxy_keeps_the_connection_direct(
    server: tuple[str, _Behaviour], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, behaviour = server
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # would refuse every request
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    exporter = OpenAITracingExporter(api_key=KEY, endpoint=f"{url}/v1/traces/ingest")
    exporter.export(_items("direct"))
    exporter.close()
    assert [s.request_line for s in behaviour.seen] == ["POST /v1/traces/ingest HTTP/1.1"]


def test_changing_the_endpoint_moves_the_next_batch(
    server: tuple[str, _Behaviour],
) -> None:
    url, behaviour = server
    with _serving() as (other_url, second):
        exporter = OpenAITracingExporter(api_key=KEY, endpoint=f"{url}/v1/traces/ingest")
        exporter.export(_items("first"))
        exporter.endpoint = f"{other_url}/v1/traces/ingest"
        exporter.export(_items("second"))
        exporter.close()
    assert _names(behaviour.seen) == ["first"]
    assert _names(second.seen) == ["second"]


def test_batches_go_over_tls_trusting_ssl_cert_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cert, key = _self_signed(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # as httpx2 does, the trusted authorities
    with _serving(tls=(cert, key)) as (url, behaviour):
        exporter = OpenAITracingExporter(api_key=KEY, endpoint=f"{url}/v1/traces/ingest")
        exporter.export(_items("secure one"))
        exporter.export(_items("secure two"))
        exporter.close()
    assert _names(behaviour.seen) == ["secure one", "secure two"]
    assert len({s.port for s in behaviour.seen}) == 1  # one TLS connection, kept alive


def test_an_untrusted_certificate_loses_only_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    cert, key = _self_signed(tmp_path)
    (tmp_path / "other").mkdir()
    other, _ = _self_signed(tmp_path / "other")
    monkeypatch.setenv("SSL_CERT_FILE", str(other))  # trusts some other authority only
    with _serving(tls=(cert, key)) as (url, behaviour):
        exporter = OpenAITracingExporter(
            api_key=KEY, endpoint=f"{url}/v1/traces/ingest", max_retries=2, base_delay=0.0
        )
        exporter.export(_items("refused"))
        exporter.close()
    assert behaviour.seen == []
    assert "SSLCertVerificationError" in caplog.text
    assert "retries exhausted" in caplog.text
