"""Child of ``voice_bench.py``: the fake OpenAI server every client is measured against.

``agents_openai.testing.FakeOpenAIServer`` with its audio endpoints, answering every turn the
same way after fixed delays (the server's own latency): the transcript of the question, a
three-sentence answer from the model (streamed), and speech for each sentence (paced like a
voice, or all at once). It listens on 127.0.0.1, prints ``PORT <n>`` when ready, and serves
until stdin closes.

    python _voice_server_child.py '{"stt_delay": 0.03, "model_delay": 0.03, "tts_delay": 0.03,
                                    "pace": 4.0}'
"""

from __future__ import annotations

import asyncio
import json
import sys
from typing import Any

from agents_openai.testing import (
    FakeOpenAIServer,
    ModelReply,
    RecordedRequest,
    SpeechReply,
    TranscriptionReply,
    TranscriptionRequest,
)

API_KEY = "sk-bench-not-a-real-key"
QUESTION = "What is the weather like in Oslo today?"
ANSWER = (
    "It is sunny in Oslo today. The temperature is eighteen degrees. "
    "Bring a light jacket for the evening."
)


async def main(latency: dict[str, Any]) -> None:
    def transcribe(request: TranscriptionRequest) -> TranscriptionReply:
        return TranscriptionReply(QUESTION, delay=latency["stt_delay"])

    def answer(request: RecordedRequest) -> ModelReply:
        return ModelReply([ANSWER], delay=latency["model_delay"])

    def speak(body: dict[str, Any]) -> SpeechReply:
        return SpeechReply(delay=latency["tts_delay"], pace=latency["pace"], chunk_bytes=4800)

    server = FakeOpenAIServer(api_key=API_KEY, responder=answer, record_requests=False)
    server.audio.transcription_responder = transcribe
    server.audio.speech_responder = speak
    async with server:
        print(f"PORT {server.port}", flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)


if __name__ == "__main__":
    asyncio.run(main(json.loads(sys.argv[1])))
