"""An agent reads files through the Model Context Protocol reference filesystem server.

Run with ``uv run python examples/mcp_filesystem.py [FOLDER]``. It starts
``@modelcontextprotocol/server-filesystem`` (from the test setup's cache in ``.cache/mcp-npm``
when present, otherwise through ``npx``, which needs Node.js), gives the agent its tools, and
asks about the files in FOLDER (a sample folder by default). The model is the scripted test
model, so the run is offline; the file contents come from the real server.
"""

from __future__ import annotations

import asyncio
import shutil
import sys
import tempfile
from pathlib import Path

from agents import Agent, Runner
from agents.mcp import MCPServerStdio, MCPServerStdioParams
from agents.testing import ScriptedModel, function_call

CACHED = Path(__file__).resolve().parents[1] / ".cache" / "mcp-npm" / "node_modules" / ".bin"


def filesystem_server(folder: Path) -> MCPServerStdio:
    cached = CACHED / "mcp-server-filesystem"
    if cached.exists():
        params = MCPServerStdioParams(command=str(cached), args=[str(folder)])
    elif shutil.which("npx"):
        package = "@modelcontextprotocol/server-filesystem@2026.8.31"
        params = MCPServerStdioParams(command="npx", args=["-y", package, str(folder)])
    else:
        raise SystemExit("This example needs Node.js (npx) for the MCP filesystem server.")
    return MCPServerStdio(params=params, name="files", client_session_timeout_seconds=60)


async def main(folder: Path, notes: list[Path]) -> None:
    model = ScriptedModel(
        [
            function_call("list_directory", {"path": str(folder)}, call_id="c1"),
            function_call("read_text_file", {"path": str(notes[0])}, call_id="c2"),
            f"{notes[0].name} is summarised above.",
        ]
    )
    print("Running offline against a scripted model; the files come from the real MCP server.")
    async with filesystem_server(folder) as server:
        agent = Agent(
            name="Librarian",
            instructions="Answer questions using the files you can read.",
            model=model,
            mcp_servers=[server],
        )
        result = await Runner.run(agent, f"What is in {folder}?")
    print(f"The agent had {len(model.calls[0].tools)} filesystem tools.")
    for item in result.new_items:
        if item.type == "tool_call_output_item":
            print(f"--- tool output ---\n{item.output}")
    print(f"Answer: {result.final_output}")


def run(folder: Path) -> None:
    notes = sorted(path for path in folder.iterdir() if path.is_file())
    if not notes:
        raise SystemExit(f"{folder} has no files to read.")
    asyncio.run(main(folder, notes))


if __name__ == "__main__":
    if len(sys.argv) > 1:
        run(Path(sys.argv[1]).resolve())
    else:
        with tempfile.TemporaryDirectory() as sample:
            (Path(sample) / "groceries.txt").write_text("milk\neggs\nbread\n")
            run(Path(sample))
