"""Child of ``openai_types_bench.py``: times streamed runs as user code reads them.

The same file runs under four setups. ``ours``: our runtime with no ``openai`` imported, the
loop checks ``agents_core.stream_types.ResponseTextDeltaEvent``. ``ours_openai``: our runtime in a
venv that also has the ``openai`` package, imported first, the loop checks
``openai.types.responses.ResponseTextDeltaEvent`` (so our events are built as ``openai``'s
classes). ``ours_openai_off``: the same venv and import, with ``set_openai_types(False)`` and our
class checked (what having ``openai`` loaded costs by itself). ``official``: the official SDK,
checking ``openai``'s class. Each counts the
deltas that pass the check, so a setup whose events fail it fails the run. It prints one JSON
object: the median microseconds per run for each reply length.

    python _openai_types_client_child.py '{"client": "ours", "api": "responses", "port": 8000,
                                           "lengths": [10, 1000], ...}'
"""

from __future__ import annotations

import asyncio
import gc
import importlib
import json
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any

API_KEY = "sk-bench-not-a-real-key"
MODEL = "gpt-4.1"

RunOnce = Callable[[], Awaitable[None]]


def _delta_class(client: str) -> type[Any]:
    if client == "ours_openai_off":
        importlib.import_module("openai")
        importlib.import_module("agents_core.openai_types").set_openai_types(False)
    if client in ("ours", "ours_openai_off"):
        module = importlib.import_module("agents_core.stream_types")
    else:
        module = importlib.import_module("openai.types.responses")
    delta: type[Any] = module.ResponseTextDeltaEvent
    return delta


def _runner(options: dict[str, Any], words: int) -> RunOnce:
    delta_class = _delta_class(options["client"])  # imports openai first where it is used
    agents = importlib.import_module("agents")
    disable = getattr(agents, "set_tracing_disabled", None)
    if disable is not None:
        disable(True)  # the official SDK would otherwise try to export traces
    provider = agents.OpenAIProvider(
        api_key=API_KEY,
        base_url=f"http://127.0.0.1:{options['port']}/v1",
        use_responses=options["api"] == "responses",
    )
    config = agents.RunConfig(model_provider=provider)
    agent = agents.Agent(name="bench", instructions="Be brief.", model=MODEL)
    prompt = f"deltas={words}"

    async def run() -> None:
        result = agents.Runner.run_streamed(agent, prompt, run_config=config)
        deltas = 0
        async for event in result.stream_events():
            if event.type == "raw_response_event" and isinstance(event.data, delta_class):
                deltas += len(event.data.delta) > 0
        if deltas != words:
            raise RuntimeError(f"{options['client']}: {deltas} of {words} deltas passed the check")

    return run


async def _median_us(run: RunOnce, options: dict[str, Any], runs: int) -> dict[str, Any]:
    for _ in range(options["warmup"]):
        await run()
    samples = []
    for _ in range(options["batches"]):
        gc.collect()
        started = time.perf_counter()
        for _ in range(runs):
            await run()
        samples.append((time.perf_counter() - started) / runs * 1e6)
    return {"us_per_run": statistics.median(samples), "samples_us": samples}


# One text delta as the Responses API streams it.
_DELTA = (
    b'{"type":"response.output_text.delta","sequence_number":7,"item_id":"msg_1",'
    b'"output_index":0,"content_index":0,"delta":"Hello ","logprobs":[]}'
)


def _parse_us(options: dict[str, Any]) -> dict[str, Any]:
    """Our parser's cost for one text delta event (ours and ours_openai only)."""
    delta_class = _delta_class(options["client"])
    parse = importlib.import_module("agents_openai._events").stream_event_parser()
    if not isinstance(parse(_DELTA), delta_class):
        raise RuntimeError("the parsed delta is not of the class user code checks")
    count = options["parse_count"]
    samples = []
    for _ in range(options["batches"]):
        started = time.perf_counter()
        for _ in range(count):
            parse(_DELTA)
        samples.append((time.perf_counter() - started) / count * 1e6)
    return {"us_per_event": statistics.median(samples), "samples_us": samples}


async def main(options: dict[str, Any]) -> dict[str, Any]:
    if options.get("mode") == "parse":
        return _parse_us(options)
    result: dict[str, Any] = {"openai_imported": False}
    for words, runs in zip(options["lengths"], options["runs"], strict=True):
        result[str(words)] = await _median_us(_runner(options, words), options, runs)
    result["openai_imported"] = "openai" in sys.modules
    return result


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(json.loads(sys.argv[1])))))
