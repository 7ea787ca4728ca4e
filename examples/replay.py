"""Record a run, then replay it offline: the same items and final output, no model needed.

Run with ``uv run python examples/replay.py``. The first run records every model call and tool
call to ``weather.recording.jsonl`` (here the "live" model is the scripted test model; with a
real provider it would be the real one). The replay then runs the same agent against
``ReplayModel``, which answers from the recording and fails with a diff if the agent asks for
anything different: this is how regression tests for agents are written.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from agents import Agent, ReplayModel, RunConfig, Runner, RunRecorder, function_tool
from agents.testing import ScriptedModel, function_call


@function_tool
def get_forecast(city: str) -> str:
    """Look up tomorrow's forecast.

    Args:
        city: The city.
    """
    return f"{city}: 14 °C and showers"


def weather_agent(model: ScriptedModel | ReplayModel) -> Agent[None]:
    return Agent(
        name="Weather",
        instructions="Answer with tomorrow's forecast.",
        model=model,
        tools=[get_forecast],
    )


async def main(recording_path: Path) -> None:
    live = ScriptedModel(
        [function_call("get_forecast", {"city": "Bergen"}, call_id="c1"), "Showers, 14 °C."]
    )
    recorder = RunRecorder(recording_path)
    first = await Runner.run(
        weather_agent(live), "Weather in Bergen?", run_config=RunConfig(recorder=recorder)
    )
    print(f"Recorded {recorder.model_calls} model calls to {recording_path.name}")

    replay_model = ReplayModel.from_file(recording_path)
    again = await Runner.run(weather_agent(replay_model), "Weather in Bergen?")
    replay_model.assert_complete()
    same = again.to_input_list() == first.to_input_list()
    print(f"Replayed offline: {again.final_output!r}; identical items: {same}")

    try:
        await Runner.run(weather_agent(ReplayModel.from_file(recording_path)), "Weather in Oslo?")
    except Exception as exc:  # ReplayDivergenceError, showing what changed
        print(f"A changed input is caught: {type(exc).__name__}")
        print(
            "\n".join(line for line in str(exc).splitlines() if line.startswith(("-", "+")))[:400]
        )


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(main(Path(folder) / "weather.recording.jsonl"))
