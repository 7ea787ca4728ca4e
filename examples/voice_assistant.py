"""Voice assistant: answer a spoken question with a spoken answer.

    uv run python examples/voice_assistant.py question.wav answer.wav

The question is any audio file (WAV, FLAC, OGG, MP3...). It is transcribed, an agent with a
weather tool answers it, and each sentence of the answer is spoken as soon as it is written;
the audio is written to the output file (WAV, FLAC or OGG, by its extension).

- With ``OPENAI_API_KEY`` set, everything goes to OpenAI (``gpt-transcribe``, ``gpt-4.1``,
  ``gpt-4o-mini-tts``).
- Without a key it runs offline against the fake OpenAI server of ``agents_openai.testing`` on
  127.0.0.1, over real HTTP and through the same code. The fake cannot listen: it hears
  ``--heard`` (by default a question about the weather). It speaks with espeak-ng when that is
  installed, so the answer is real speech, and otherwise with the fake's tone voice.

Make a question with espeak-ng: ``espeak-ng -w question.wav "What is the weather in Oslo?"``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from agents import Agent, function_tool
from agents.testing import function_call
from agents.voice import (
    AudioInput,
    OpenAIVoiceModelProvider,
    SingleAgentVoiceWorkflow,
    SingleAgentWorkflowCallbacks,
    VoicePipeline,
    VoicePipelineConfig,
    VoiceStreamEventAudio,
    VoiceStreamEventError,
    write_audio,
)
from agents_openai.testing import FakeOpenAIServer, ModelReply, RecordedRequest, fake_speech

DEFAULT_QUESTION = "What is the weather like in Oslo today?"


@function_tool
def get_weather(city: str) -> str:
    """Look up the current weather.

    Args:
        city: The city to look up.
    """
    return f"{city}: sunny, 18 degrees, light wind from the west"


agent = Agent(
    name="Voice assistant",
    instructions="You answer out loud: two or three short sentences, no lists.",
    model="gpt-4.1",
    tools=[get_weather],
)


class ShowTranscript(SingleAgentWorkflowCallbacks):
    def on_run(self, workflow: Any, transcription: str) -> None:
        print(f"Heard: {transcription}")


def offline_model(request: RecordedRequest) -> ModelReply:
    """The fake model: look the weather up, then answer with what the tool said."""
    outputs = [item for item in request.json["input"] if item.get("type") == "function_call_output"]
    if not outputs:
        return ModelReply([function_call("get_weather", {"city": "Oslo"}, call_id="call_1")])
    weather = str(outputs[0]["output"])
    return ModelReply(
        [
            f"Right now in Oslo it is {weather.split(': ')[1].split(',')[0]} and eighteen "
            "degrees. There is a light wind from the west. A light jacket will do."
        ]
    )


def espeak_voice(text: str) -> bytes:
    """Speech from espeak-ng, as the fake server's PCM (24 kHz, 16-bit, mono)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "speech.wav"
        subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(path), text], check=True)
        return AudioInput.from_file(path).buffer.astype("<i2").tobytes()


async def answer(question: Path, output: Path, provider: OpenAIVoiceModelProvider) -> None:
    recording = AudioInput.from_file(question)
    print(f"Question: {question} ({recording.duration:.1f} s)")
    pipeline = VoicePipeline(
        workflow=SingleAgentVoiceWorkflow(agent, callbacks=ShowTranscript()),
        config=VoicePipelineConfig(model_provider=provider),
    )
    started = time.perf_counter()
    first_audio: float | None = None
    audio: list[np.ndarray[Any, Any]] = []
    result = await pipeline.run(recording)
    async for event in result.stream():
        if isinstance(event, VoiceStreamEventAudio) and event.data is not None:
            first_audio = first_audio or time.perf_counter() - started
            audio.append(event.data)
        elif isinstance(event, VoiceStreamEventError):
            raise SystemExit(f"The pipeline failed: {event.error}")
    write_audio(output, audio)
    seconds = sum(part.shape[0] for part in audio) / 24_000
    print(f"Answer: {result.total_output_text}")
    print(f"First audio after {1000 * (first_audio or 0):.0f} ms; {seconds:.1f} s of speech.")
    print(f"Wrote {output}")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("question", type=Path, help="the spoken question (an audio file)")
    parser.add_argument("answer", type=Path, help="where to write the spoken answer")
    parser.add_argument("--heard", default=DEFAULT_QUESTION, help="what the offline fake hears")
    options = parser.parse_args()

    if os.environ.get("OPENAI_API_KEY"):
        provider = OpenAIVoiceModelProvider()
        await answer(options.question, options.answer, provider)
        await provider.aclose()
        return
    async with FakeOpenAIServer(responder=offline_model) as fake:
        espeak = shutil.which("espeak-ng") is not None
        print(
            f"No OPENAI_API_KEY set: running offline against a fake OpenAI server at "
            f"{fake.base_url}, which hears {json.dumps(options.heard)} and speaks with "
            f"{'espeak-ng' if espeak else 'its tone voice'}."
        )
        fake.audio.transcription_responder = lambda request: options.heard
        fake.audio.speech_voice = espeak_voice if espeak else fake_speech
        # The agent's model and the speech models talk to the fake server.
        agent.model = fake.provider().get_model("gpt-4.1")
        provider = OpenAIVoiceModelProvider(api_key=fake.api_key, base_url=fake.base_url)
        await answer(options.question, options.answer, provider)
        await provider.aclose()


if __name__ == "__main__":
    asyncio.run(main())
