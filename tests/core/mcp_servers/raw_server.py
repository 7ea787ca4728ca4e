"""A hand-written stdio MCP server that misbehaves on purpose, for fault tests.

Usage: python raw_server.py MODE, where MODE is ``garbage`` (prints lines that are not JSON-RPC
before each answer, then answers properly), ``malformed`` (answers tools/call with a result
that breaks the protocol's schema), ``paged`` (lists its tools one per page, three pages) or
``loop`` (lists tools in pages whose cursor never ends).
"""

from __future__ import annotations

import json
import sys

MODE = sys.argv[1]
TOOL = {
    "name": "lookup",
    "description": "Look something up.",
    "inputSchema": {"type": "object", "properties": {"q": {"type": "string"}}, "required": ["q"]},
}


def send(message: dict[str, object]) -> None:
    if MODE == "garbage":
        sys.stdout.write("this is not json\n")
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def answer(request: dict[str, object]) -> dict[str, object] | None:
    method = request.get("method")
    if method == "initialize":
        params = request.get("params") or {}
        return {
            "protocolVersion": params.get("protocolVersion") if isinstance(params, dict) else None,
            "capabilities": {"tools": {}},
            "serverInfo": {"name": "raw", "version": "1"},
        }
    if method == "tools/list":
        if MODE in ("paged", "loop"):
            params = request.get("params") or {}
            cursor = params.get("cursor") if isinstance(params, dict) else None
            page = int(cursor or 0)
            tool = {**TOOL, "name": f"lookup_{page}"}
            if MODE == "loop":
                return {"tools": [tool], "nextCursor": "0"}
            return {"tools": [tool], **({"nextCursor": str(page + 1)} if page < 2 else {})}
        return {"tools": [TOOL]}
    if method == "tools/call":
        if MODE == "malformed":
            return {"content": "this should have been a list", "isError": "sometimes"}
        return {"content": [{"type": "text", "text": "found it"}]}
    return {} if "id" in request else None


for line in sys.stdin:
    request = json.loads(line)
    result = answer(request)
    if "id" in request and result is not None:
        send({"jsonrpc": "2.0", "id": request["id"], "result": result})
