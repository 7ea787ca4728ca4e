"""The committed allowlist of known differences (``allowlist.toml``): reading, checking, writing.

The file has one TOML table per module and one line per difference::

    ["agents.run"]
    "Runner.run(session)" = "not-built: sessions"
    "RunConfig.model_provider" = "deliberate: #no-openai-package"

Keys are the keys of ``compare.Difference``. A value is ``"<reason>: <text>"`` where the reason is
``deliberate`` (the text is an anchor in ``docs/differences.md``: a heading's ``#slug``, or words
found there) or ``not-built`` (the text names what is missing).
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tests.compat.compare import Difference

__all__ = (
    "ALLOWLIST",
    "DIFFERENCES_DOC",
    "REASONS",
    "AllowlistError",
    "Entry",
    "heading_anchors",
    "load",
    "problems",
    "render",
    "split",
)

ALLOWLIST = Path(__file__).with_name("allowlist.toml")
DIFFERENCES_DOC = Path(__file__).resolve().parents[2] / "docs" / "differences.md"
REASONS = ("deliberate", "not-built")
PLACEHOLDER = "not built yet"
"""What ``--write-skeleton`` writes for a new difference; the test refuses it until replaced."""
_VALUE = re.compile(r"(?P<reason>[a-z-]+): (?P<text>\S.*)", re.DOTALL)

_HEADER = """\
# Known differences between our `agents` facade and the official SDK ({version}),
# checked by tests/compat/test_surface.py. One table per module, one line per difference:
#
#     "<key>" = "<reason>: <text>"
#
# The keys are explained in tests/compat/compare.py ("*" is a missing module, "Name" a missing
# name, "Name.member" a missing member, "Name(param)" or "Name.member(param)" a parameter that
# differs, "Name [aspect]" another difference). The reason is one of:
#   deliberate  the text is an anchor in docs/differences.md: "#heading-slug" or words found there
#   not-built   the text names what is missing ("tool search", "multi-provider", ...)
# An entry whose difference is gone fails the test too: delete it. To regenerate this file (it
# keeps the reasons of entries that still apply and lists new differences as not built):
#     uv run python tests/compat/report.py --write-skeleton
"""


class AllowlistError(ValueError):
    """The allowlist file is not in the expected shape."""


@dataclass(frozen=True, order=True)
class Entry:
    """One allowed difference and why it is allowed."""

    module: str
    key: str
    reason: str
    text: str

    @property
    def value(self) -> str:
        """The entry's value as written in the file."""
        return f"{self.reason}: {self.text}"


def load(path: Path = ALLOWLIST) -> dict[tuple[str, str], Entry]:
    """The entries of an allowlist file, by (module, key)."""
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise AllowlistError(f"{path}: {error}") from error
    entries: dict[tuple[str, str], Entry] = {}
    for module, table in document.items():
        if not isinstance(table, dict):
            raise AllowlistError(f"{path}: {module!r} must be a table of differences")
        for key, value in table.items():
            match = _VALUE.fullmatch(value) if isinstance(value, str) else None
            if match is None:
                raise AllowlistError(
                    f'{path}: [{module}] "{key}" must be "<reason>: <text>", not {value!r}'
                )
            entries[module, key] = Entry(module, key, match["reason"], match["text"].strip())
    return entries


def heading_anchors(document: str) -> set[str]:
    """The ``#slug`` of every markdown heading, as GitHub writes them."""
    anchors: set[str] = set()
    for line in document.splitlines():
        if line.startswith("#"):
            title = line.lstrip("#").strip().lower()
            slug = re.sub(r"[^\w\- ]", "", title).replace(" ", "-")
            anchors.add(f"#{slug}")
    return anchors


def problems(entries: Iterable[Entry], differences_doc: str) -> list[str]:
    """What is wrong with the entries' reasons (an unknown reason, an anchor that is not there)."""
    anchors = heading_anchors(differences_doc)
    found: list[str] = []
    for entry in entries:
        where = f'[{entry.module}] "{entry.key}"'
        if entry.reason not in REASONS:
            found.append(f"{where}: the reason must be one of {', '.join(REASONS)}")
        elif entry.reason == "deliberate":
            anchored = entry.text in anchors if entry.text.startswith("#") else None
            if not (anchored or (anchored is None and entry.text in differences_doc)):
                found.append(f"{where}: {entry.text!r} is not an anchor in docs/differences.md")
        elif entry.text.startswith(PLACEHOLDER):
            found.append(
                f"{where}: say which feature is missing (not {entry.text!r}), or list the "
                "difference in docs/differences.md as deliberate"
            )
    return found


def split(
    differences: Iterable[Difference], entries: dict[tuple[str, str], Entry]
) -> tuple[list[Difference], list[Entry]]:
    """Differences the allowlist does not list, and entries that match no difference (stale)."""
    differences = list(differences)
    keys = {(difference.module, difference.key) for difference in differences}
    unlisted = [d for d in differences if (d.module, d.key) not in entries]
    stale = sorted(entry for place, entry in entries.items() if place not in keys)
    return unlisted, stale


def render(
    differences: Iterable[Difference], previous: dict[tuple[str, str], Entry], version: str
) -> str:
    """An allowlist listing exactly ``differences``, keeping the reasons ``previous`` gives."""
    by_module: dict[str, dict[str, str]] = {}
    for difference in sorted(differences):
        entry = previous.get((difference.module, difference.key))
        value = entry.value if entry else f"not-built: {PLACEHOLDER}: {difference.module}"
        by_module.setdefault(difference.module, {})[difference.key] = value
    lines = [_HEADER.format(version=version)]
    for module in sorted(by_module):
        lines.append(f"\n[{json.dumps(module)}]\n")
        lines += [
            f"{json.dumps(key)} = {json.dumps(value)}\n" for key, value in by_module[module].items()
        ]
    return "".join(lines)
