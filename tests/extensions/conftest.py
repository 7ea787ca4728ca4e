"""Real servers for the extensions' tests: one Redis and one PostgreSQL per test session.

Both are started here on 127.0.0.1, from Debian's packages (``.ci/run`` installs them), in
temporary directories, and stopped by PID when the session ends. A missing server program fails
the tests that need it with a message saying what to install; nothing is skipped.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
APT_HINT = (
    "apt-get install -y --no-install-recommends redis-server postgresql graphviz "
    "(.ci/run does this)"
)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_for_port(port: int, process: subprocess.Popen[bytes] | None, what: str) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if process is not None and process.poll() is not None:
                pytest.fail(f"{what} exited with status {process.returncode} while starting")
            if time.monotonic() > deadline:
                pytest.fail(f"{what} did not listen on 127.0.0.1:{port} within 30 s")
            time.sleep(0.02)


# --------------------------------------------------------------------------------------------
# Redis


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """``redis://127.0.0.1:PORT/0`` of a Redis server started for this test session."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail(f"redis-server is not installed: {APT_HINT}")
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="agents-test-redis-") as folder:
        process = subprocess.Popen(
            [
                binary,
                "--bind",
                "127.0.0.1",
                "--port",
                str(port),
                "--dir",
                folder,
                "--save",
                "",
                "--appendonly",
                "no",
                "--logfile",
                str(Path(folder) / "redis.log"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wait_for_port(port, process, "redis-server")
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            process.terminate()
            process.wait(30)


@pytest.fixture
async def redis_client(redis_url: str) -> AsyncIterator[Any]:
    """A redis-py asyncio client of the test server, closed after the test."""
    import redis.asyncio

    client = redis.asyncio.from_url(redis_url)
    yield client
    await client.aclose()


# --------------------------------------------------------------------------------------------
# PostgreSQL


def _postgres_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb is None:
        pytest.fail(f"PostgreSQL (initdb, pg_ctl) is not installed: {APT_HINT}")
    return Path(initdb).parent


def _as_postgres_user(command: list[str]) -> list[str]:
    # initdb refuses to run as root: run the server as the 'postgres' user there.
    if os.geteuid() != 0:
        return command
    runuser = shutil.which("runuser")
    if runuser is None:
        pytest.fail("running as root, PostgreSQL needs `runuser` to start as 'postgres'")
    return [runuser, "-u", "postgres", "--", *command]


def _run_checked(command: list[str], what: str) -> None:
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0:
        pytest.fail(f"{what} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """``postgresql+asyncpg://postgres@127.0.0.1:PORT/postgres`` of a server for this session."""
    bin_dir = _postgres_bin()
    port = free_port()
    folder = Path(tempfile.mkdtemp(prefix="agents-test-postgres-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    data = folder / "data"
    try:
        _run_checked(
            _as_postgres_user(
                [
                    str(bin_dir / "initdb"),
                    "-D",
                    str(data),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--no-sync",
                ]
            ),
            "initdb",
        )
        options = (
            f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off "
            "-c max_connections=200"
        )
        _run_checked(
            _as_postgres_user(
                [
                    str(bin_dir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-l",
                    str(folder / "server.log"),
                    "-o",
                    options,
                    "-w",
                    "start",
                ]
            ),
            "pg_ctl start",
        )
        _wait_for_port(port, None, "PostgreSQL")
        yield f"postgresql+asyncpg://postgres@127.0.0.1:{port}/postgres"
    finally:
        pid_file = data / "postmaster.pid"
        if pid_file.exists():
            pid = int(pid_file.read_text().split()[0])
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, 2)  # SIGINT: PostgreSQL's fast shutdown
            deadline = time.monotonic() + 30
            while pid_file.exists() and time.monotonic() < deadline:
                time.sleep(0.02)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
async def postgres_engine(postgres_url: str) -> AsyncIterator[Any]:
    """A SQLAlchemy async engine on the test PostgreSQL, disposed after the test."""
    from sqlalchemy.ext.asyncio import create_async_engine

    engine = create_async_engine(postgres_url)
    yield engine
    await engine.dispose()


# --------------------------------------------------------------------------------------------
# Helpers


@pytest.fixture
def unique() -> str:
    """A name no other test uses (for session ids, key prefixes and table names)."""
    return f"t{uuid.uuid4().hex[:12]}"


@pytest.fixture(scope="session")
def python() -> str:
    """The interpreter running the tests (for child processes that use our packages)."""
    return sys.executable
