"""What our facade lacks next to the official SDK, by module, most important first.

    uv run python tests/compat/report.py                    # the report, on stdout
    uv run python tests/compat/report.py --output FILE.md   # the report, into a file
    uv run python tests/compat/report.py --write-skeleton   # rewrite tests/compat/allowlist.toml

``--write-skeleton`` lists every current difference in the allowlist, keeping the reason of each
entry that still applies; new differences get "not-built: not built yet: <module>".

Modules come in order of importance: the top-level ``agents`` first, then those with the most
names the top-level package also exports (what users import most), then by number of
differences. In a module, missing names come first (top-level ones, then classes and functions),
then the other differences.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``tests.compat`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.compat import allowlist
from tests.compat.compare import Difference, compare, coverage
from tests.compat.extract_surface import Surface
from tests.compat.surface import OFFICIAL_LABEL, official_surface, our_surface

__all__ = ("main", "module_order", "render_report")

_KIND_ORDER = {"class": 0, "function": 1, "callable": 1}


def _top_level(official: Surface) -> tuple[set[str], set[str]]:
    """Names and origins the official top-level ``agents`` exports."""
    module = official["modules"].get("agents")
    top = module["names"] if module is not None else {}
    origins = {described.get("origin") or "" for described in top.values()}
    return set(top), origins - {""}


def module_order(official: Surface, differences: Sequence[Difference]) -> list[str]:
    """The official modules, most important first."""
    names, origins = _top_level(official)
    counts: dict[str, int] = {}
    for difference in differences:
        counts[difference.module] = counts.get(difference.module, 0) + 1

    def weight(module: str) -> tuple[bool, int, int, str]:
        exported = sum(
            name in names or (described.get("origin") or "") in origins
            for name, described in official["modules"][module]["names"].items()
        )
        return (module != "agents", -exported, -counts.get(module, 0), module)

    return sorted(official["modules"], key=weight)


def _name_order(official: Surface, module: str) -> dict[str, tuple[bool, int, str]]:
    names, _ = _top_level(official)
    described = official["modules"][module]["names"]
    return {
        name: (name not in names, _KIND_ORDER.get(entry["kind"], 2), name)
        for name, entry in described.items()
    }


def render_report(
    official: Surface,
    ours: Surface,
    differences: Sequence[Difference],
    entries: dict[tuple[str, str], allowlist.Entry],
) -> str:
    """The report as markdown."""
    cover = coverage(official, ours)
    unlisted, stale = allowlist.split(differences, entries)
    new = {(d.module, d.key) for d in unlisted}
    lines = [
        f"# Drop-in compatibility: our `agents` against {OFFICIAL_LABEL}",
        "",
        f"- Official modules importable from ours: {cover.modules_present}/{cover.modules_total}",
        f"- Official names present: {cover.names_present}/{cover.names_total}",
        f"- Differences: {len(differences)} ({len(differences) - len(unlisted)} in the "
        f"allowlist, {len(unlisted)} not, marked NEW); stale allowlist entries: {len(stale)}",
        "",
        "Modules in order of importance (the top-level package, then by how many names the",
        "top-level package also exports). Keys as in tests/compat/compare.py.",
    ]
    by_module: dict[str, list[Difference]] = {}
    for difference in differences:
        by_module.setdefault(difference.module, []).append(difference)
    for module in module_order(official, differences):
        found = by_module.get(module, [])
        if found:
            lines += ["", *_render_module(official, ours, module, found, new)]
    if stale:
        lines += ["", "## Stale allowlist entries (the difference is gone: delete them)", ""]
        lines += [f'- [{entry.module}] "{entry.key}" = "{entry.value}"' for entry in stale]
    return "\n".join(lines) + "\n"


def _render_module(
    official: Surface,
    ours: Surface,
    module: str,
    found: list[Difference],
    new: set[tuple[str, str]],
) -> list[str]:
    described = official["modules"][module]["names"]
    order = _name_order(official, module)

    def mark(difference: Difference) -> str:
        return " NEW" if (difference.module, difference.key) in new else ""

    if found[0].key == "*":
        listed = ", ".join(f"`{name}`" for name in sorted(described, key=order.__getitem__))
        return [
            f"## `{module}`: module missing{mark(found[0])}",
            "",
            f"{found[0].detail}. Official names ({len(described)}): {listed or 'none'}",
        ]
    our_names = ours["modules"][module]["names"]
    present = sum(name in our_names for name in described)
    missing = sorted((d for d in found if d.key in described), key=lambda d: order[d.key])
    others = [d for d in found if d.key not in described]
    lines = [f"## `{module}`: {present}/{len(described)} names, {len(found)} differences"]
    if missing:
        listed = ", ".join(f"`{d.key}` ({described[d.key]['kind']}){mark(d)}" for d in missing)
        lines += ["", f"Missing names ({len(missing)}): {listed}"]
    if others:
        lines += ["", f"Other differences ({len(others)}):", ""]
        lines += [f"- `{d.key}`: {d.detail}{mark(d)}" for d in others]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--output", type=Path, help="write the report to this file")
    parser.add_argument(
        "--write-skeleton", action="store_true", help=f"rewrite {allowlist.ALLOWLIST.name}"
    )
    options = parser.parse_args(argv)
    official = official_surface(log=True)
    ours = our_surface(official)
    differences = compare(official, ours)
    entries = allowlist.load() if allowlist.ALLOWLIST.exists() else {}
    if options.write_skeleton:
        text = allowlist.render(differences, entries, OFFICIAL_LABEL)
        allowlist.ALLOWLIST.write_text(text, encoding="utf-8")
        print(f"{allowlist.ALLOWLIST}: {len(differences)} entries", file=sys.stderr)
        return 0
    report = render_report(official, ours, differences, entries)
    if options.output is not None:
        options.output.write_text(report, encoding="utf-8")
    else:
        sys.stdout.write(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
