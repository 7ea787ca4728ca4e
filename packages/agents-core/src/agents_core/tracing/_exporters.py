"""Exporters that need nothing but the standard library: the console and a JSON Lines file."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import Any, TextIO

from pydantic_core import to_json

from ._processor import TracingExporter
from ._spans import Span
from ._traces import Trace

__all__ = ("ConsoleSpanExporter", "JSONLinesSpanExporter")


def _line(item: Trace | Span[Any]) -> bytes | None:
    exported = item.export()
    if exported is None:
        return None
    # pydantic-core's serialiser is several times faster than json.dumps on span data; the
    # fallback keeps values of the user's own types from failing the batch.
    return to_json(exported, fallback=str)


class ConsoleSpanExporter(TracingExporter):
    """Prints each trace (its id and name) and span (its ``export()``), one line each.

    Writes to ``file`` (standard output by default). Meant for debugging.
    """

    def __init__(self, *, file: TextIO | None = None) -> None:
        self._file = file

    def export(self, items: list[Trace | Span[Any]]) -> None:
        """Print the items."""
        out = self._file if self._file is not None else sys.stdout
        for item in items:
            if isinstance(item, Trace):
                print(f"[Exporter] Export trace_id={item.trace_id}, name={item.name}", file=out)
            else:
                print(f"[Exporter] Export span: {item.export()}", file=out)
        out.flush()


class JSONLinesSpanExporter(TracingExporter):
    """Appends each trace and span to a file as one JSON object per line (``export()`` form).

    The file is opened for each batch and written with one call, so other programs can read or
    rotate it between batches.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()

    def export(self, items: list[Trace | Span[Any]]) -> None:
        """Append the items."""
        lines = [line for item in items if (line := _line(item)) is not None]
        if not lines:
            return
        lines.append(b"")
        with self._lock, self.path.open("ab") as file:
            file.write(b"\n".join(lines))
