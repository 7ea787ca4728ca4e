"""Shared fixtures: real MCP servers (Python ones of our own, and the npm reference ones), and
this library's own wire classes in every test."""

from __future__ import annotations

import asyncio
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SERVERS = ROOT / "tests" / "core" / "mcp_servers"
NPM_CACHE = ROOT / ".cache" / "mcp-npm"
NPM_PACKAGES = (
    "@modelcontextprotocol/server-everything@2026.8.31",
    "@modelcontextprotocol/server-filesystem@2026.8.31",
)


Eventually = Callable[[Callable[[], bool]], Awaitable[None]]


@pytest.fixture(autouse=True)
def own_wire_classes() -> Iterator[None]:
    """Stream events and items are this library's own classes in every test, whatever the
    session has imported (litellm imports openai); the tests of openai's classes ask for them."""
    from agents_core.openai_types import set_openai_types

    set_openai_types(False)
    yield
    set_openai_types(False)


@pytest.fixture
def eventually() -> Eventually:
    """Wait (at most 10 s) until a condition on outside state holds, such as a process ending."""

    async def wait(condition: Callable[[], bool]) -> None:
        async def poll() -> None:
            for _ in range(100_000):
                if condition():
                    return
                await asyncio.sleep(0.02)

        await asyncio.wait_for(poll(), 10)
        assert condition()

    return wait


@pytest.fixture(scope="session")
def demo_server_script() -> Path:
    """The path of the Python demo MCP server."""
    return SERVERS / "demo_server.py"


@pytest.fixture(scope="session")
def raw_server_script() -> Path:
    """The path of the misbehaving hand-written MCP server."""
    return SERVERS / "raw_server.py"


@pytest.fixture(scope="session")
def npm_servers() -> Path:
    """``node_modules/.bin`` holding the npm reference MCP servers, installed on first use."""
    bin_dir = NPM_CACHE / "node_modules" / ".bin"
    if (
        not (bin_dir / "mcp-server-everything").exists()
        or not (bin_dir / "mcp-server-filesystem").exists()
    ):
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("These tests need Node.js and npm to install the MCP reference servers.")
        NPM_CACHE.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            [npm, "install", "--prefix", str(NPM_CACHE), "--no-audit", "--no-fund", *NPM_PACKAGES],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if done.returncode != 0:
            pytest.fail(f"npm could not install the MCP reference servers:\n{done.stderr}")
    return bin_dir


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _serve(script: Path, transport: str) -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, str(script), transport, str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"the {transport} MCP test server did not start")
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture(scope="module")
def sse_server(demo_server_script: Path) -> Iterator[str]:
    """The demo server over SSE on 127.0.0.1; yields its base URL."""
    yield from _serve(demo_server_script, "sse")


@pytest.fixture(scope="module")
def streamable_http_server(demo_server_script: Path) -> Iterator[str]:
    """The demo server over streamable HTTP on 127.0.0.1; yields its base URL."""
    yield from _serve(demo_server_script, "streamable-http")


@pytest.fixture(scope="session")
def npm_servers_installed(npm_servers: Path) -> Path:
    """The npm MCP reference servers (an alias used by the example tests)."""
    return npm_servers
