"""A realtime voice agent on the command line: a tool, a handoff, text or audio in and out.

    uv run python examples/realtime_cli.py                              # a scripted conversation
    uv run python examples/realtime_cli.py "Weather in Bergen?" "Book a table for two"
    uv run python examples/realtime_cli.py --wav question.wav --out answer.wav

- With ``OPENAI_API_KEY`` set (and, for another server, ``OPENAI_BASE_URL``), the session talks
  to OpenAI's Realtime API.
- Without a key it runs offline: it starts the fake Realtime server from
  ``agents_realtime.testing`` on 127.0.0.1, which answers from a small script over a real
  websocket, through exactly the same code path. It cannot understand speech: an audio
  question is heard (by voice activity detection) and taken to be about the weather.

Text messages get text answers. A WAV file (any rate, mono or stereo, 16-bit) is sent as the
user's speech; the spoken answer is written to ``--out`` (24 kHz, 16-bit mono).
"""

from __future__ import annotations

import argparse
import array
import asyncio
import os
import re
import sys
import wave
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

from agents import function_tool
from agents.realtime import (
    RealtimeAgent,
    RealtimeModelConfig,
    RealtimeRunConfig,
    RealtimeRunner,
    RealtimeSession,
    RealtimeToolCallItem,
)
from agents.realtime.testing import (
    ConversationState,
    FakeRealtimeServer,
    FunctionCallReply,
    MessageReply,
)

RATE = 24_000


@function_tool
def get_weather(city: str) -> str:
    """Today's weather in a city.

    Args:
        city: The city.
    """
    return f"sunny and 18 °C in {city}"


@function_tool
def book_table(people: int, time: str) -> str:
    """Book a table at the restaurant.

    Args:
        people: How many people.
        time: When, such as 19:00.
    """
    return f"table for {people} at {time}, booking B-{100 + people}"


booking_agent = RealtimeAgent(
    name="Booking agent",
    handoff_description="Books tables at the restaurant.",
    instructions="You book tables. Confirm the booking number.",
    tools=[book_table],
)
assistant = RealtimeAgent(
    name="Assistant",
    instructions="Be brief. Use get_weather for the weather; hand bookings to the Booking agent.",
    tools=[get_weather],
    handoffs=[booking_agent],
)


# ------------------------------------------------------------------------------ offline script


def scripted_answer(state: ConversationState) -> Any:
    """What the fake model says next, decided from the conversation (a stand-in for a model)."""
    outputs = state.pending_outputs()
    if outputs:
        result = next(iter(outputs.values()))
        if "booking" in result:
            return MessageReply(f"Done: {result}.")
        if result.startswith("{"):  # the handoff's output: the booking agent takes over
            return FunctionCallReply("book_table", {"people": 2, "time": "19:00"})
        return MessageReply(f"It is {result}.")
    question = (state.last_user_text() or "").lower()
    if "book" in question or "table" in question:
        return FunctionCallReply("transfer_to_booking_agent")
    city = re.search(r"in ([A-Z][a-z]+)", state.last_user_text() or "")
    return FunctionCallReply("get_weather", {"city": city.group(1) if city else "Oslo"})


# ------------------------------------------------------------------------------ audio files


def read_wav(path: Path) -> bytes:
    """A WAV file as PCM16 mono at 24 kHz (the Realtime API's format)."""
    with wave.open(str(path), "rb") as source:
        if source.getsampwidth() != 2:
            raise SystemExit(f"{path}: expected 16-bit samples")
        channels, rate = source.getnchannels(), source.getframerate()
        samples = array.array("h", source.readframes(source.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    if channels > 1:
        samples = array.array(
            "h",
            (sum(samples[i : i + channels]) // channels for i in range(0, len(samples), channels)),
        )
    count = int(len(samples) * RATE / rate)
    resampled = array.array(
        "h", (samples[min(int(i * rate / RATE), len(samples) - 1)] for i in range(count))
    )
    if sys.byteorder == "big":
        resampled.byteswap()
    return resampled.tobytes()


def write_wav(path: Path, pcm16: bytes) -> None:
    with wave.open(str(path), "wb") as target:
        target.setnchannels(1)
        target.setsampwidth(2)
        target.setframerate(RATE)
        target.writeframes(pcm16)


# ------------------------------------------------------------------------------ the conversation


async def one_turn(session: RealtimeSession, events: Any, answer: bytearray) -> None:
    """Print what happens until the model has answered (tool calls and handoffs included)."""
    made_a_call = False
    async for event in events:
        if event.type == "audio":
            answer.extend(event.audio.data)
        elif event.type == "tool_start":
            print(f"  [tool] {event.tool.name}({event.arguments})")
        elif event.type == "tool_end":
            print(f"  [tool] {event.tool.name} -> {event.output}")
        elif event.type == "handoff":
            print(f"  [handoff] {event.from_agent.name} -> {event.to_agent.name}")
        elif event.type == "error":
            print(f"  [error] {event.error}")
        elif event.type == "history_added" and isinstance(event.item, RealtimeToolCallItem):
            made_a_call = True
        elif event.type == "agent_start":
            made_a_call = False
        elif event.type == "agent_end" and not made_a_call:
            break
    for item in reversed(session.history):
        if item.type == "message" and item.role == "assistant":
            parts = [
                getattr(p, "text", None) or getattr(p, "transcript", None) for p in item.content
            ]
            print(f"{session.current_agent.name}: {' '.join(p for p in parts if p)}")
            break


async def converse(args: argparse.Namespace, model_config: RealtimeModelConfig) -> None:
    spoken = args.wav is not None
    config: RealtimeRunConfig = {
        "model_settings": {
            "output_modalities": ["audio"] if spoken else ["text"],
            "turn_detection": {"type": "server_vad", "silence_duration_ms": 600}
            if spoken
            else None,
        }
    }
    runner = RealtimeRunner(assistant, config=config)
    answer = bytearray()
    async with await runner.run(model_config=model_config) as session:
        events = session.__aiter__()
        if spoken:
            speech = read_wav(args.wav) + bytes(2 * RATE)  # and a second of silence after it
            print(f"You: ({len(speech) / 2 / RATE:.1f} s of audio from {args.wav})")
            for start in range(0, len(speech), 1920):  # 40 ms chunks, as a microphone sends them
                await session.send_audio(speech[start : start + 1920])
            await one_turn(session, events, answer)
            user = next(item for item in session.history if item.type == "message")
            transcript = getattr(user.content[0], "transcript", None)
            print(f"  (the server heard: {transcript!r})")
            write_wav(args.out, bytes(answer))
            print(f"Answer audio: {len(answer) / 2 / RATE:.1f} s written to {args.out}")
            return
        for message in args.messages or ["What is the weather in Bergen?", "Book a table for two"]:
            print(f"You: {message}")
            await session.send_message(message)
            await one_turn(session, events, answer)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("messages", nargs="*", help="what to say (text)")
    parser.add_argument("--wav", type=Path, help="say this WAV file instead")
    parser.add_argument(
        "--out", type=Path, default=Path("answer.wav"), help="where the spoken answer goes"
    )
    args = parser.parse_args()
    async with AsyncExitStack() as stack:
        if os.environ.get("OPENAI_API_KEY"):
            print("Talking to OpenAI's Realtime API.")
            model_config: RealtimeModelConfig = {}
        else:
            server = await stack.enter_async_context(
                FakeRealtimeServer(
                    responder=scripted_answer,
                    transcriber=lambda audio, rate: "What is the weather in Oslo?",
                )
            )
            print(f"No OPENAI_API_KEY: running offline against the fake server at {server.url}.")
            model_config = server.model_config()
        await converse(args, model_config)


if __name__ == "__main__":
    asyncio.run(main())
