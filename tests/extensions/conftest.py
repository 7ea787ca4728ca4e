"""Real servers for the extensions' tests: one Redis and one PostgreSQL per test session.

Both are started here on 127.0.0.1, from Debian's packages (``.ci/run`` installs them), in
temporary directories, and stopped by PID when the session ends. A missing server program fails
the tests that need it with a message saying what to install; nothing is skipped.
"""

from __future__ import annotations

import asyncio
import contextlib
import glob
import importlib.util
import os
import shutil
import signal
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


@pytest.fixture
def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens (connections to it are refused)."""
    return free_port()


# --------------------------------------------------------------------------------------------
# Several processes writing one session, and a connection cut half-way through a turn

WRITER_SCRIPT = Path(__file__).resolve().parent / "session_writer.py"


class Writer:
    """A ``session_writer.py`` child process, driven line by line."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process

    async def read_line(self) -> str:
        assert self.process.stdout is not None
        line = await asyncio.wait_for(self.process.stdout.readline(), 60)
        if not line:
            assert self.process.stderr is not None
            error = await self.process.stderr.read()
            raise AssertionError(f"the writer ended: {error.decode()[-3000:]}")
        return line.decode().strip()

    async def send(self, command: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(f"{command}\n".encode())
        await self.process.stdin.drain()

    async def finish(self) -> None:
        await self.send("quit")
        _, stderr = await asyncio.wait_for(self.process.communicate(), 60)
        assert self.process.returncode == 0, stderr.decode()[-3000:]

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)


class Writers:
    """Starts writer processes (each connected and ready when returned) and reaps them."""

    def __init__(self) -> None:
        self.started: list[Writer] = []

    async def start(
        self, backend: str, url: str, session_id: str, namespace: str, writer: int, size: int = 100
    ) -> Writer:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            str(WRITER_SCRIPT),
            backend,
            url,
            session_id,
            namespace,
            str(writer),
            str(size),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        child = Writer(process)
        self.started.append(child)
        assert await child.read_line() == "ready"
        return child


@pytest.fixture
async def writers() -> AsyncIterator[Writers]:
    """Writer processes for the multi-process tests, killed if a test leaves one running."""
    pool = Writers()
    yield pool
    for child in pool.started:
        if child.process.returncode is None:
            child.kill()
            await child.process.wait()


def whole_turns(items: list[dict[str, Any]]) -> set[tuple[int, int]]:
    """Check that the items are whole four-item turns, none twice; return (writer, turn) seen."""
    assert len(items) % 4 == 0, len(items)
    seen: set[tuple[int, int]] = set()
    for start in range(0, len(items), 4):
        chunk = items[start : start + 4]
        keys = {(item["writer"], item["turn"]) for item in chunk}
        assert len(keys) == 1, f"a turn is mixed with another: {keys}"
        assert [item["part"] for item in chunk] == [0, 1, 2, 3]
        key = keys.pop()
        assert key not in seen, f"turn {key} stored twice"
        seen.add(key)
    return seen


@pytest.fixture
def check_whole_turns() -> Any:
    """``whole_turns(items)``: asserts whole, unique turns and returns their (writer, turn)."""
    return whole_turns


class WireCutter:
    """A TCP proxy on 127.0.0.1 in front of a server, which can cut a client off mid-request.

    It forwards both ways until ``cut_after(budget)``; from then on it passes only ``budget``
    more bytes from clients to the server and drops the rest (``cut`` is set when it first
    drops something). ``sever()`` then closes every connection, as a killed client's would be.
    """

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.port = 0
        self.cut = asyncio.Event()
        self._budget: int | None = None
        self._server: asyncio.Server | None = None
        self._writers: list[asyncio.StreamWriter] = []
        self._tasks: set[asyncio.Task[None]] = set()

    async def start(self) -> WireCutter:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    def cut_after(self, budget: int) -> None:
        self._budget = budget

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        upstream_reader, upstream_writer = await asyncio.open_connection(
            "127.0.0.1", self.target_port
        )
        self._writers += [writer, upstream_writer]
        for task in (
            asyncio.create_task(self._pump(reader, upstream_writer, limited=True)),
            asyncio.create_task(self._pump(upstream_reader, writer, limited=False)),
        ):
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _pump(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, *, limited: bool
    ) -> None:
        with contextlib.suppress(ConnectionError, OSError):
            while data := await reader.read(65536):
                if limited and self._budget is not None:
                    passed, self._budget = data[: self._budget], max(0, self._budget - len(data))
                    if len(passed) < len(data):
                        self.cut.set()
                    data = passed
                if data:
                    writer.write(data)
                    await writer.drain()

    async def sever(self) -> None:
        for writer in self._writers:
            writer.transport.abort()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    async def close(self) -> None:
        await self.sever()
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()


@pytest.fixture
async def wire_cutter() -> AsyncIterator[Any]:
    """``await wire_cutter(port)``: a started ``WireCutter`` in front of 127.0.0.1:port."""
    made: list[WireCutter] = []

    async def make(port: int) -> WireCutter:
        cutter = await WireCutter(port).start()
        made.append(cutter)
        return cutter

    yield make
    for cutter in made:
        await cutter.close()


# --------------------------------------------------------------------------------------------
# The fake OpenAI server, checked against OpenAI's spec (as in tests/openai)

SPEC_ENV = "AGENTS_OPENAI_SPEC"


@pytest.fixture(scope="session")
def spec_validator() -> Any:
    """``(schema, body) -> errors`` from OpenAI's OpenAPI spec; None when it is not configured."""

    spec_path = os.environ.get(SPEC_ENV)
    if not spec_path:
        return None
    script = Path(spec_path).with_name("validate_openai.py")
    if not script.is_file():
        pytest.fail(f"{SPEC_ENV}={spec_path!r}: validate_openai.py is not beside it")
    spec = importlib.util.spec_from_file_location("validate_openai_extensions", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.load_spec("default")

    def validate(schema: str, body: Any) -> list[str]:
        errors: list[str] = module.errors_for(body, schema)
        return errors

    return validate


@pytest.fixture
async def openai_server(spec_validator: Any) -> AsyncIterator[Any]:
    """A fake OpenAI server on 127.0.0.1 whose traffic must conform to OpenAI's spec."""
    from agents_openai.testing import FakeOpenAIServer

    async with FakeOpenAIServer(validator=spec_validator) as server:
        yield server
    assert server.conformance_errors == []


# --------------------------------------------------------------------------------------------
# OpenAI's Agents SDK, for the interoperability and signature tests

OFFICIAL_ENV = ROOT / "benchmarks" / ".envs" / "official-extensions"


@pytest.fixture(scope="session")
def official_python() -> Path:
    """The official SDK's interpreter, in a venv of its own (created on first use)."""
    spec = importlib.util.spec_from_file_location(
        "official_env", ROOT / "benchmarks" / "_official_env.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    try:
        python: Path = module.ensure_official_env(
            OFFICIAL_ENV,
            log=False,
            extras=("redis", "sqlalchemy", "encrypt", "viz"),
            packages=("aiosqlite",),
        )
    except Exception as exc:  # pragma: no cover - only without uv or PyPI
        pytest.fail(f"could not create the official SDK's venv at {OFFICIAL_ENV}: {exc}")
    return python
