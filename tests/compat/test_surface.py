"""Our facade against the pinned official SDK: every difference is fixed or in the allowlist."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.compat import allowlist
from tests.compat.compare import Coverage, compare, coverage
from tests.compat.extract_surface import Surface
from tests.compat.surface import EXCLUDED

# The first run builds the official SDK's environment and describes it (minutes, not seconds).
pytestmark = pytest.mark.timeout(900)

_SHOWN = 40


def test_the_official_surface_is_described(official: Surface) -> None:
    modules = official["modules"]
    top = modules["agents"]
    assert top["all"] is not None and {"Agent", "Runner", "function_tool"} <= set(top["all"])
    run = top["names"]["Runner"]["members"]["run"]
    assert run["binding"] == "class"
    assert [p["name"] for p in run["signature"] or []][:2] == ["starting_agent", "input"]
    assert not [m for m in modules if any(m == t or m.startswith(t + ".") for t in EXCLUDED)]
    # Modules behind the extras we install are imported; litellm's are read from source.
    assert modules["agents.extensions.memory.redis_session"]["status"] == "import"
    litellm = modules["agents.extensions.models.litellm_model"]
    assert litellm["status"] == "source"
    assert litellm["names"]["LitellmModel"]["kind"] == "class"


def test_every_difference_is_in_the_allowlist(
    official: Surface, ours: Surface, record_coverage: Callable[[Coverage], None]
) -> None:
    record_coverage(coverage(official, ours))
    differences = compare(official, ours)
    unlisted, stale = allowlist.split(differences, allowlist.load())
    lines = [f'  [{d.module}] "{d.key}": {d.detail}' for d in unlisted[:_SHOWN]]
    lines += [f'  stale: [{e.module}] "{e.key}" (the difference is gone)' for e in stale[:_SHOWN]]
    assert not unlisted and not stale, (
        f"{len(unlisted)} differences from the official SDK are not in "
        f"tests/compat/allowlist.toml and {len(stale)} of its entries are stale:\n"
        + "\n".join(lines)
        + "\nFix them, or list them with a reason: "
        "`uv run python tests/compat/report.py --write-skeleton` rewrites the file."
    )


def test_allowlist_reasons_are_valid() -> None:
    entries = allowlist.load()
    doc = allowlist.DIFFERENCES_DOC.read_text(encoding="utf-8")
    assert allowlist.problems(entries.values(), doc) == []
