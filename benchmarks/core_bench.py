"""Side-by-side figures for our core runtime and the official SDK (``openai-agents``), in one run.

    uv run python benchmarks/core_bench.py [--quick] [--json PATH] [--only SECTION ...]

Our side runs in the workspace's interpreter (the one running this script); the official SDK runs
in a throw-away venv at ``benchmarks/.envs/official``, created on first use. Every measurement
happens in a fresh child process, so neither library sees the other's imports or caches. Sections:

- ``import``: cold import time, timed inside a fresh interpreter with ``perf_counter``.
- ``turns``: per-run and per-turn cost of ``Runner.run`` with each library's ``ScriptedModel``.
- ``memory``: peak memory of concurrent two-turn runs on one event loop.
- ``footprint``: distributions and bytes that an install brings in.

See ``benchmarks/README.md`` for what each figure means and the latest results.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

# Run as a script, this file's folder is on sys.path but the workspace root is not; mypy names the
# helper ``benchmarks._official_env`` (the root is its package base), so import it under that name.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._official_env import (
    OFFICIAL_DISTRIBUTION,
    OFFICIAL_VERSION,
    PYTHON_VERSION,
    child_environment,
    ensure_official_env,
)

BENCHMARKS = Path(__file__).resolve().parent
WORKSPACE = BENCHMARKS.parent
CHILD = BENCHMARKS / "_runtime_child.py"
SECTIONS = ("import", "turns", "memory", "footprint")
CHILD_TIMEOUT_SECONDS = 600
MIB = 1024 * 1024

OURS = "ours"
OFFICIAL = "official"


@dataclass(frozen=True)
class Sizes:
    """How much work each section does; ``--quick`` shrinks everything."""

    import_repetitions: int
    runs_per_batch: int
    batches: int
    warmup_runs: int
    concurrent_runs: int

    @classmethod
    def choose(cls, *, quick: bool) -> Sizes:
        """The full sizes, or the quick ones (a smoke run; the figures are noisier)."""
        if quick:
            return cls(
                import_repetitions=3,
                runs_per_batch=60,
                batches=5,
                warmup_runs=20,
                concurrent_runs=250,
            )
        return cls(
            import_repetitions=9,
            runs_per_batch=300,
            batches=9,
            warmup_runs=100,
            concurrent_runs=1000,
        )


@dataclass
class Row:
    """One figure for both libraries, with its target.

    ``target_kind`` is ``"ratio"`` (ours / official must be at most ``target``), ``"ours"`` (our
    figure must be at most ``target``, in the row's unit) or ``None`` (shown for information).
    """

    section: str
    figure: str
    unit: str
    ours: float | None
    official: float | None
    target_kind: Literal["ratio", "ours"] | None = None
    target: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        """Ours divided by official, when both exist."""
        if self.ours is None or self.official is None or self.official == 0:
            return None
        return self.ours / self.official

    @property
    def passed(self) -> bool | None:
        """Whether the target is met; ``None`` when the row has no target."""
        if self.target is None:
            return None
        value = self.ratio if self.target_kind == "ratio" else self.ours
        return value is not None and value <= self.target

    def target_text(self) -> str:
        """The target as shown in the table."""
        if self.target is None:
            return ""
        if self.target_kind == "ratio":
            return f"ratio <= {self.target:.2f}"
        unit = "" if self.unit == "count" else f" {self.unit}"
        return f"ours <= {_format(self.target, self.unit)}{unit}"

    def as_json(self) -> dict[str, Any]:
        """The row with its derived ratio and verdict."""
        return {**asdict(self), "ratio": self.ratio, "passed": self.passed}


@dataclass
class Report:
    """Everything one run measured."""

    rows: list[Row] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def _format(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "count":
        return f"{value:.0f}"
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _run(command: Sequence[str], *, cwd: Path | None = None) -> str:
    """Run a child to completion and return its stdout; its stderr is shown if it fails."""
    completed = subprocess.run(
        list(command),
        capture_output=True,
        text=True,
        cwd=cwd,
        env=child_environment(),
        timeout=CHILD_TIMEOUT_SECONDS,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} exited with {completed.returncode}:\n{completed.stderr}"
        )
    return completed.stdout


def _run_json(command: Sequence[str], *, cwd: Path | None = None) -> dict[str, Any]:
    output = _run(command, cwd=cwd).strip().splitlines()
    result: dict[str, Any] = json.loads(output[-1])
    return result


# --- import -------------------------------------------------------------------------------------

_IMPORT_PROBE = """\
import time
_start = time.perf_counter()
{statement}
print(time.perf_counter() - _start)
"""

_NAMES = "Agent, Runner, function_tool"
_IMPORTS = {
    OURS: (
        "import agents",
        f"from agents import {_NAMES}",
        "import agents_core",
        f"from agents_core import {_NAMES}",
    ),
    OFFICIAL: ("import agents", f"from agents import {_NAMES}"),
}
# What any runtime built on pydantic and asyncio pays before its own code runs: both modules, and
# the first model class (which loads pydantic's plugin machinery). Timed with our interpreter.
_FLOOR = """\
import asyncio
from pydantic import BaseModel
class _Floor(BaseModel):
    x: int"""


def _import_seconds(python: str, statement: str, workdir: Path) -> float:
    return float(_run([python, "-c", _IMPORT_PROBE.format(statement=statement)], cwd=workdir))


def measure_imports(pythons: dict[str, str], sizes: Sizes, report: Report) -> None:
    """Median cold import time of each statement, each repetition in a fresh interpreter."""
    cases = [(library, statement) for library, group in _IMPORTS.items() for statement in group]
    cases.append((OURS, _FLOOR))
    samples: dict[tuple[str, str], list[float]] = {case: [] for case in cases}
    with tempfile.TemporaryDirectory(prefix="agents-bench-import-") as directory:
        workdir = Path(directory)  # an empty folder, so the current directory shadows nothing
        for library, statement in cases:
            _import_seconds(pythons[library], statement, workdir)  # writes the .pyc files
        for repetition in range(sizes.import_repetitions):
            _log(f"  import: repetition {repetition + 1}/{sizes.import_repetitions}")
            for library, statement in cases:  # interleaved, so drift hits both libraries alike
                seconds = _import_seconds(pythons[library], statement, workdir)
                samples[(library, statement)].append(seconds * 1000)
    report.raw["import_ms"] = {
        f"{library}: {code}": values for (library, code), values in samples.items()
    }
    median = {case: statistics.median(values) for case, values in samples.items()}
    for statement in _IMPORTS[OURS]:
        ours = median[(OURS, statement)]
        if statement in _IMPORTS[OFFICIAL]:
            row = Row(
                "import",
                f"`{statement}`",
                "ms",
                ours,
                median[(OFFICIAL, statement)],
                "ratio",
                1 / 3,
            )
        else:
            row = Row(
                "import",
                f"`{statement}`",
                "ms",
                ours,
                None,
                "ours",
                100.0,
                note="ours only: the official SDK has no separate core package",
            )
        report.rows.append(row)
    report.rows.append(
        Row(
            "import",
            "floor: `import asyncio` + first pydantic model",
            "ms",
            median[(OURS, _FLOOR)],
            None,
            note="reference, not a target: the least a pydantic + asyncio runtime can import in",
        )
    )


# --- turns --------------------------------------------------------------------------------------


def _turn_figures(python: str, scenario: str, sizes: Sizes) -> dict[str, Any]:
    return _run_json(
        [
            python,
            str(CHILD),
            "turns",
            scenario,
            str(sizes.runs_per_batch),
            str(sizes.batches),
            str(sizes.warmup_runs),
        ]
    )


def measure_turns(pythons: dict[str, str], sizes: Sizes, report: Report) -> None:
    """Microseconds per ``Runner.run`` with a scripted model: median over batches of runs."""
    per_run: dict[tuple[str, str], float] = {}
    for scenario in ("one_turn", "two_turn"):
        for library in (OURS, OFFICIAL):
            _log(f"  turns: {scenario}, {library}")
            figures = _turn_figures(pythons[library], scenario, sizes)
            report.raw.setdefault("turns", {})[f"{library}: {scenario}"] = figures
            per_run[(library, scenario)] = statistics.median(figures["us_per_run_batches"])
            if library == OFFICIAL:
                report.raw["official_tracing"] = figures["tracing"]
    runs = sizes.runs_per_batch * sizes.batches
    report.rows.append(
        Row(
            "turns",
            "one-turn run (no tools)",
            "µs/run",
            per_run[(OURS, "one_turn")],
            per_run[(OFFICIAL, "one_turn")],
            "ratio",
            1 / 5,
            note=f"median of {sizes.batches} batches of {sizes.runs_per_batch} runs ({runs} runs)",
        )
    )
    report.rows.append(
        Row(
            "turns",
            "two-turn run (one tool call)",
            "µs/run",
            per_run[(OURS, "two_turn")],
            per_run[(OFFICIAL, "two_turn")],
            note=f"median of {sizes.batches} batches of {sizes.runs_per_batch} runs ({runs} runs)",
        )
    )
    report.rows.append(
        Row(
            "turns",
            "two-turn run, per turn",
            "µs/turn",
            per_run[(OURS, "two_turn")] / 2,
            per_run[(OFFICIAL, "two_turn")] / 2,
            "ratio",
            1 / 5,
        )
    )


# --- memory -------------------------------------------------------------------------------------


def measure_memory(pythons: dict[str, str], sizes: Sizes, report: Report) -> None:
    """Peak RSS growth and tracemalloc peak of concurrent two-turn runs, each in a fresh child."""
    figures: dict[tuple[str, str], dict[str, Any]] = {}
    for mode in ("rss", "tracemalloc"):
        for library in (OURS, OFFICIAL):
            _log(f"  memory: {mode}, {library}")
            figures[(library, mode)] = _run_json(
                [pythons[library], str(CHILD), "memory", mode, str(sizes.concurrent_runs)]
            )
    report.raw["official_tracing"] = figures[(OFFICIAL, "rss")]["tracing"]
    report.raw["memory"] = {f"{library}: {mode}": data for (library, mode), data in figures.items()}
    label = f"{sizes.concurrent_runs:,} concurrent two-turn runs"
    report.rows.append(
        Row(
            "memory",
            f"{label}: peak RSS growth",
            "MiB",
            figures[(OURS, "rss")]["rss_growth_bytes"] / MIB,
            figures[(OFFICIAL, "rss")]["rss_growth_bytes"] / MIB,
            "ratio",
            1 / 2,
            note="ru_maxrss after the gather minus ru_maxrss after imports, warm-up and fixtures",
        )
    )
    report.rows.append(
        Row(
            "memory",
            f"{label}: tracemalloc peak",
            "MiB",
            figures[(OURS, "tracemalloc")]["traced_peak_bytes"] / MIB,
            figures[(OFFICIAL, "tracemalloc")]["traced_peak_bytes"] / MIB,
            "ratio",
            1 / 2,
            note="peak of traced memory during the gather (separate child run)",
        )
    )
    report.rows.append(
        Row(
            "memory",
            f"{label}: wall time",
            "ms",
            figures[(OURS, "rss")]["seconds"] * 1000,
            figures[(OFFICIAL, "rss")]["seconds"] * 1000,
            note="the gather in the RSS run (no tracemalloc)",
        )
    )
    report.rows.append(
        Row(
            "memory",
            "RSS before the gather (imports, warm-up, fixtures)",
            "MiB",
            figures[(OURS, "rss")]["rss_baseline_bytes"] / MIB,
            figures[(OFFICIAL, "rss")]["rss_baseline_bytes"] / MIB,
            note=f"the baseline above; fixtures are {sizes.concurrent_runs:,} agents + models",
        )
    )


# --- footprint ----------------------------------------------------------------------------------

_FOOTPRINT_PROBE = """\
import importlib.metadata, json, os, sysconfig
root = sysconfig.get_paths()["purelib"]
names = sorted({
    d.metadata["Name"].lower().replace("_", "-")
    for d in importlib.metadata.distributions(path=[root])
})
total = 0
for folder, subfolders, files in os.walk(root):
    subfolders[:] = [name for name in subfolders if name != "__pycache__"]
    total += sum(os.path.getsize(os.path.join(folder, name)) for name in files)
print(json.dumps({"distributions": names, "bytes": total}))
"""

# What each install needs from the workspace: installed by path, so a same-named project on PyPI
# can never stand in for ours.
_WORKSPACE_WHEELS = {
    "agents-core": ("agents_core",),
    "agents": ("agents", "agents_core", "agents_openai"),
}


def _uv() -> str:
    uv = shutil.which("uv")
    if uv is None:
        raise RuntimeError("The footprint section needs `uv` on PATH.")
    return uv


def _footprint(python: Path | str) -> dict[str, Any]:
    return _run_json([str(python), "-c", _FOOTPRINT_PROBE])


def _wheel(wheels: Path, project: str) -> Path:
    matches = sorted(wheels.glob(f"{project}-*.whl"))
    if len(matches) != 1:
        raise RuntimeError(f"Expected one {project} wheel in {wheels}, found {matches}.")
    return matches[0]


def _install_ours(uv: str, wheels: Path, distribution: str, scratch: Path) -> dict[str, Any]:
    venv = scratch / f"venv-{distribution}"
    _run([uv, "venv", "--quiet", "-p", PYTHON_VERSION, str(venv)])
    python = venv / "bin" / "python"
    paths = [str(_wheel(wheels, project)) for project in _WORKSPACE_WHEELS[distribution]]
    _run(
        [
            uv,
            "pip",
            "install",
            "--quiet",
            "--python",
            str(python),
            "--find-links",
            str(wheels),
            *paths,
        ]
    )
    figures = _footprint(python)
    if distribution not in figures["distributions"]:
        raise RuntimeError(f"{distribution} is missing from its own venv: {figures}")
    return figures


def measure_footprint(pythons: dict[str, str], report: Report) -> None:
    """Distributions and bytes installed: our wheels in fresh venvs, and the official venv."""
    uv = _uv()
    ours: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="agents-bench-footprint-") as directory:
        scratch = Path(directory)
        wheels = scratch / "wheels"
        _log("  footprint: building our wheels")
        _run(
            [uv, "build", "--all-packages", "--wheel", "--quiet", "--out-dir", str(wheels)],
            cwd=WORKSPACE,
        )
        for distribution in _WORKSPACE_WHEELS:
            _log(f"  footprint: installing {distribution} into a fresh venv")
            ours[distribution] = _install_ours(uv, wheels, distribution, scratch)
    official = _footprint(pythons[OFFICIAL])
    report.raw["footprint"] = {
        **{f"ours: {name}": value for name, value in ours.items()},
        f"official: {OFFICIAL_DISTRIBUTION}": official,
    }
    official_count = len(official["distributions"])
    for distribution, target in (("agents-core", 8.0), ("agents", None)):
        count = len(ours[distribution]["distributions"])
        report.rows.append(
            Row(
                "footprint",
                f"install `{distribution}`: distributions",
                "count",
                count,
                official_count,
                "ours" if target is not None else None,
                target,
                note="every distribution in site-packages, the library itself included",
            )
        )
        report.rows.append(
            Row(
                "footprint",
                f"install `{distribution}`: site-packages size",
                "MiB",
                ours[distribution]["bytes"] / MIB,
                official["bytes"] / MIB,
                note="apparent size of site-packages, __pycache__ excluded",
            )
        )


# --- report -------------------------------------------------------------------------------------


def render_table(rows: Sequence[Row]) -> str:
    """The rows as a Markdown table: figure, ours, official, ratio, target, result."""
    header = ("Figure", "Unit", "Ours", "Official", "Ratio", "Target", "Result")
    lines = [header]
    for row in rows:
        ratio = "-" if row.ratio is None else f"{row.ratio:.3f}"
        verdict = {True: "pass", False: "MISS", None: ""}[row.passed]
        lines.append(
            (
                row.figure,
                row.unit,
                _format(row.ours, row.unit),
                _format(row.official, row.unit),
                ratio,
                row.target_text(),
                verdict,
            )
        )
    widths = [max(len(line[column]) for line in lines) for column in range(len(header))]

    def render(cells: Sequence[str]) -> str:
        padded = (
            cell.rjust(width) if 1 < column < 5 else cell.ljust(width)
            for column, (cell, width) in enumerate(zip(cells, widths, strict=True))
        )
        return "| " + " | ".join(padded) + " |"

    rule = "|" + "|".join("-" * (width + 2) for width in widths) + "|"
    return "\n".join([render(lines[0]), rule, *(render(line) for line in lines[1:])])


def _describe_machine() -> dict[str, Any]:
    return {
        "date": datetime.date.today().isoformat(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cores": os.cpu_count(),
        "official": f"{OFFICIAL_DISTRIBUTION}=={OFFICIAL_VERSION}",
        "load_average_at_start": os.getloadavg(),
    }


def _parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="smaller sizes: a smoke run")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the results here")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=SECTIONS,
        default=list(SECTIONS),
        metavar="SECTION",
        help=f"run only these sections ({', '.join(SECTIONS)})",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Measure both libraries, print the table, and optionally write JSON."""
    arguments = _parse_arguments(argv)
    sizes = Sizes.choose(quick=arguments.quick)
    pythons = {OURS: sys.executable, OFFICIAL: str(ensure_official_env())}
    report = Report()
    machine = _describe_machine()
    _log(
        f"ours: {pythons[OURS]}\nofficial: {pythons[OFFICIAL]} "
        f"({OFFICIAL_DISTRIBUTION} {OFFICIAL_VERSION})"
    )
    if "import" in arguments.only:
        _log("import times ...")
        measure_imports(pythons, sizes, report)
    if "turns" in arguments.only:
        _log("per-turn cost ...")
        measure_turns(pythons, sizes, report)
    if "memory" in arguments.only:
        _log("memory of concurrent runs ...")
        measure_memory(pythons, sizes, report)
    if "footprint" in arguments.only:
        _log("install footprint ...")
        measure_footprint(pythons, report)
    official_tracing = report.raw.get("official_tracing")
    if official_tracing is not None:
        report.notes.append(
            f"Official SDK tracing: {official_tracing} (set_tracing_disabled(True) in every "
            "child that runs agents), so no run tries to export spans. Ours records no traces "
            "unless a processor is added (the default)."
        )
    if arguments.quick:
        report.notes.append("--quick: smaller sizes; figures are noisier than a full run.")
    print()
    print(
        f"{machine['date']}  Python {machine['python']}  {machine['cores']} cores  "
        f"vs {machine['official']}"
    )
    print(render_table(report.rows))
    for note in report.notes:
        print(f"- {note}")
    misses = [row.figure for row in report.rows if row.passed is False]
    print(f"\n{len(misses)} target(s) missed" + (f": {'; '.join(misses)}" if misses else "."))
    machine["load_average_at_end"] = os.getloadavg()
    if arguments.json is not None:
        document = {
            "machine": machine,
            "quick": arguments.quick,
            "sizes": asdict(sizes),
            "rows": [row.as_json() for row in report.rows],
            "notes": report.notes,
            "raw": report.raw,
        }
        arguments.json.write_text(json.dumps(document, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
