"""A stand-in for OpenAI's trace ingest endpoint, in its own process (as the real one is):
accepts ``POST /v1/traces/ingest`` on 127.0.0.1, counts the items, answers 200.

    python _ingest_server.py      # prints the port, then serves until stdin closes
"""

from __future__ import annotations

import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _Ingest(BaseHTTPRequestHandler):
    received = 0

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("content-length", "0")))
        if self.path != "/v1/traces/ingest" or not self.headers.get("authorization"):
            self.send_response(404 if self.path != "/v1/traces/ingest" else 401)
            self.end_headers()
            return
        _Ingest.received += len(json.loads(body)["data"])
        reply = b"{}"
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, format: str, *args: object) -> None:
        pass


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Ingest)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(server.server_address[1], flush=True)
    sys.stdin.read()  # until the parent closes our stdin
    server.shutdown()
    print(_Ingest.received, flush=True)
