"""An MCP server for the tests, built with the official SDK's server library.

Usage: python demo_server.py [stdio | sse PORT | streamable-http PORT]. With DEMO_SERVER_PID_FILE
set, it writes its process id there first (to check that nothing outlives a run).
"""

from __future__ import annotations

import asyncio
import base64
import os
import sys
import time
from typing import Any

from mcp.server.mcpserver import Image, MCPServer
from mcp.types import ToolAnnotations

# A 1x1 transparent PNG.
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)

server = MCPServer("demo")


@server.tool(annotations=ToolAnnotations(read_only_hint=True, idempotent_hint=True))
def add(a: int, b: int) -> int:
    """Add two integers."""
    return a + b


@server.tool()
def greet(name: str, punctuation: str = "!") -> str:
    """Greet someone."""
    return f"Hello, {name}{punctuation}"


@server.tool()
def crash() -> str:
    """Kill the server process in the middle of the call."""
    os._exit(3)


@server.tool()
def hang() -> str:
    """Never answer in time (and say, through a marker file, that the call arrived)."""
    marker = os.environ.get("DEMO_SERVER_PID_FILE")
    if marker:
        with open(marker + ".hang", "w") as handle:
            handle.write("called")
    time.sleep(60)
    return "late"


@server.tool()
def failing() -> str:
    """Report an error."""
    raise ValueError("the tool broke")


@server.tool()
def picture() -> Image:
    """Return a tiny image."""
    return Image(data=PIXEL, format="png")


@server.tool(structured_output=True)
def weather(city: str) -> dict[str, Any]:
    """Structured weather."""
    return {"city": city, "temperature_c": 21}


@server.resource("notes://today", mime_type="text/plain")
def today() -> str:
    """Today's notes."""
    return "buy milk"


@server.resource("notes://day/{day}")
def notes_for(day: str) -> str:
    """Notes for a given day."""
    return f"notes for {day}"


@server.prompt()
def reviewer(language: str) -> str:
    """Instructions for a code reviewer."""
    return f"You review {language} code and answer in one sentence."


def main() -> None:
    pid_file = os.environ.get("DEMO_SERVER_PID_FILE")
    if pid_file:
        with open(pid_file, "a") as handle:
            handle.write(f"{os.getpid()}\n")
    transport = sys.argv[1] if len(sys.argv) > 1 else "stdio"
    if transport == "stdio":
        server.run("stdio")
    elif transport == "sse":
        asyncio.run(server.run_sse_async(host="127.0.0.1", port=int(sys.argv[2])))
    else:
        asyncio.run(server.run_streamable_http_async(host="127.0.0.1", port=int(sys.argv[2])))


if __name__ == "__main__":
    main()
