"""Child of ``core_bench.py``: times runs, or measures memory, of whichever ``agents`` it finds.

The same file runs under both interpreters: the workspace's (our runtime) and the official SDK's
venv. It only uses the API the two share (``Agent``, ``Runner``, ``function_tool`` and
``agents.testing``), so mypy checks it against ours. It prints one JSON object on stdout.

    python _runtime_child.py turns one_turn|two_turn RUNS_PER_BATCH BATCHES WARMUP_RUNS
    python _runtime_child.py memory rss|tracemalloc CONCURRENT_RUNS
"""

from __future__ import annotations

import asyncio
import gc
import importlib
import json
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

from agents import Agent, Runner, function_tool
from agents.testing import ScriptedModel, assistant_message, function_call

FINAL_TEXT = "done"


def _disable_tracing() -> str:
    """Turn the official SDK's tracing off, so a run never tries to export spans.

    Our runtime has no tracing yet, so the function is looked up rather than imported: this file
    type-checks against ours and still runs under the official SDK.
    """
    setter: Callable[[bool], None] | None = getattr(
        importlib.import_module("agents"), "set_tracing_disabled", None
    )
    if setter is None:
        return "absent"
    setter(True)
    return "disabled"


@function_tool
def double(x: int) -> str:
    """Double a number."""
    return str(x * 2)


@function_tool
async def double_later(x: int) -> str:
    """Double a number after yielding to the event loop, so concurrent runs interleave."""
    await asyncio.sleep(0)
    return str(x * 2)


def _steps(scenario: str, tool_name: str) -> list[list[Any]]:
    """The model replies for one run: each step is a list of output items."""
    final = [assistant_message(FINAL_TEXT)]
    if scenario == "one_turn":
        return [final]
    return [[function_call(tool_name, {"x": 1}, call_id="c1")], final]


def _agent(scenario: str, runs: int, tool: Any) -> tuple[Agent[Any], ScriptedModel]:
    """One agent whose scripted model holds the replies for ``runs`` runs of ``scenario``."""
    model = ScriptedModel([step for _ in range(runs) for step in _steps(scenario, tool.name)])
    tools = [] if scenario == "one_turn" else [tool]
    return Agent(name="bench", instructions="Be brief.", model=model, tools=tools), model


async def _timed_batch(scenario: str, runs: int) -> float:
    """Seconds for ``runs`` sequential runs; the model and agent are built before the clock."""
    agent, model = _agent(scenario, runs, double)
    result = None
    start = time.perf_counter()
    for _ in range(runs):
        result = await Runner.run(agent, "hi")
    elapsed = time.perf_counter() - start
    if result is None or result.final_output != FINAL_TEXT or model.remaining_steps != 0:
        raise SystemExit(f"{scenario}: the runs did not end as scripted")
    return elapsed


async def _turns(
    scenario: str, runs_per_batch: int, batches: int, warmup_runs: int
) -> dict[str, Any]:
    tracing = _disable_tracing()
    await _timed_batch(scenario, warmup_runs)
    batch_us = []
    for _ in range(batches):
        batch_us.append(await _timed_batch(scenario, runs_per_batch) / runs_per_batch * 1e6)
    return {"tracing": tracing, "us_per_run_batches": batch_us, "runs": runs_per_batch * batches}


def _max_rss_bytes() -> int:
    # Linux reports ru_maxrss in KiB.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


async def _memory(mode: str, concurrent_runs: int) -> dict[str, Any]:
    tracing = _disable_tracing()
    # Warm-up: load every lazily imported module and fill the caches a real server would have.
    for _ in range(5):
        agent, _model = _agent("two_turn", 1, double_later)
        await Runner.run(agent, "hi")
    warm = [_agent("two_turn", 1, double_later)[0] for _ in range(10)]
    await asyncio.gather(*(Runner.run(agent, "hi") for agent in warm))
    # Fixtures are built before the baseline: the figure is what the runs themselves hold.
    agents = [_agent("two_turn", 1, double_later) for _ in range(concurrent_runs)]
    del warm
    gc.collect()
    rss_before = _max_rss_bytes()
    traced_before = 0
    if mode == "tracemalloc":
        tracemalloc.start()
        traced_before = tracemalloc.get_traced_memory()[0]
    start = time.perf_counter()
    results = await asyncio.gather(*(Runner.run(agent, "hi") for agent, _model in agents))
    elapsed = time.perf_counter() - start
    figures: dict[str, Any] = {"tracing": tracing, "seconds": elapsed, "runs": concurrent_runs}
    if mode == "tracemalloc":
        figures["traced_peak_bytes"] = tracemalloc.get_traced_memory()[1] - traced_before
        tracemalloc.stop()
    else:
        figures["rss_baseline_bytes"] = rss_before
        figures["rss_growth_bytes"] = _max_rss_bytes() - rss_before
    if any(result.final_output != FINAL_TEXT for result in results):
        raise SystemExit("memory: the runs did not end as scripted")
    if any(model.remaining_steps for _agent, model in agents):
        raise SystemExit("memory: some scripted steps were not used")
    return figures


def main(argv: list[str]) -> None:
    """Run the requested measurement and print its figures as JSON."""
    match argv:
        case ["turns", scenario, runs, batches, warmup] if scenario in ("one_turn", "two_turn"):
            figures = asyncio.run(_turns(scenario, int(runs), int(batches), int(warmup)))
        case ["memory", mode, runs] if mode in ("rss", "tracemalloc"):
            figures = asyncio.run(_memory(mode, int(runs)))
        case _:
            raise SystemExit(__doc__)
    figures["agents_file"] = importlib.import_module("agents").__file__
    print(json.dumps(figures))


if __name__ == "__main__":
    main(sys.argv[1:])
