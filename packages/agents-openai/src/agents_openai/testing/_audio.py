"""The fake server's audio endpoints: ``POST /audio/transcriptions`` and ``POST /audio/speech``.

Transcriptions take OpenAI's multipart upload, check that the file is audio in a format the API
accepts (a WAV is decoded, so tests can compare what arrived with what was recorded) and answer
with a scripted text. Speech answers with raw PCM (24 kHz, 16-bit, mono) or a WAV: a scripted
sound, or by default a deterministic tone sequence made from the text (``fake_speech``), sent in
chunks that can be paced like a real voice, held at a gate, cut off or replaced by an error.
"""

from __future__ import annotations

import asyncio
import functools
import io
import json
import math
import sys
import wave
import zlib
from array import array
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ._replies import ErrorReply, Gate, RawReply
from ._transport import HTTPConnection, RecordedRequest

if TYPE_CHECKING:
    from ._server import FakeOpenAIServer

__all__ = (
    "FakeAudio",
    "SpeechReply",
    "TranscriptionReply",
    "TranscriptionRequest",
    "UploadedFile",
    "fake_speech",
)

SPEECH_SAMPLE_RATE = 24_000
"""The rate of the speech the fake sends (OpenAI's PCM: 24 kHz, 16-bit, mono)."""

# Audio formats the transcription endpoint accepts, by the bytes their files start with.
_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"RIFF", 0, "wav"),
    (b"fLaC", 0, "flac"),
    (b"OggS", 0, "ogg"),
    (b"ID3", 0, "mp3"),
    (b"\xff\xfb", 0, "mp3"),
    (b"\xff\xf3", 0, "mp3"),
    (b"\x1a\x45\xdf\xa3", 0, "webm"),
    (b"ftyp", 4, "mp4"),
)
_EXTENSIONS = ("flac", "mp3", "mp4", "mpeg", "mpga", "m4a", "ogg", "oga", "wav", "webm")
_NUMBER_FIELDS = ("temperature",)


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a multipart upload."""

    filename: str
    content_type: str
    content: bytes = field(repr=False)


@dataclass(frozen=True)
class TranscriptionRequest:
    """One ``POST /audio/transcriptions`` the fake server accepted.

    ``fields`` holds the form fields as sent (arrays as lists, under their name without
    ``[]``); for a WAV upload, ``frame_rate``, ``channels``, ``sample_width`` and ``frames`` (the
    raw PCM) describe the audio that arrived.
    """

    fields: dict[str, str | list[str]]
    file: UploadedFile
    frame_rate: int | None = None
    channels: int | None = None
    sample_width: int | None = None
    frames: bytes | None = field(default=None, repr=False)

    @property
    def model(self) -> str:
        """The ``model`` field."""
        return str(self.fields.get("model", ""))

    @property
    def duration(self) -> float | None:
        """Seconds of audio in a WAV upload (``None`` for other formats)."""
        if self.frames is None or not self.frame_rate or not self.channels or not self.sample_width:
            return None
        return len(self.frames) / (self.frame_rate * self.channels * self.sample_width)


@dataclass
class TranscriptionReply:
    """The text a transcription request is answered with, after ``delay`` seconds."""

    text: str
    delay: float = 0.0


@dataclass
class SpeechReply:
    """How a speech request is answered.

    ``audio`` is 24 kHz 16-bit mono PCM (``None``: ``fake_speech`` of the request's input). It is
    sent in chunks of ``chunk_bytes`` after ``delay`` seconds; ``pace`` sends it that many times
    faster than real time (``None``: all at once). Faults: ``pause_after_bytes`` holds the body
    there until ``gate`` opens; ``cut_after_bytes`` drops the connection after that many bytes.
    """

    audio: bytes | None = None
    delay: float = 0.0
    chunk_bytes: int = 4800
    pace: float | None = None
    pause_after_bytes: int | None = None
    gate: Gate | None = None
    cut_after_bytes: int | None = None


@functools.lru_cache(maxsize=256)
def fake_speech(text: str) -> bytes:
    """A deterministic stand-in for a voice saying ``text``: for each word, a tone whose pitch
    depends on the word, 40 ms per character, with 20 ms of silence after it (24 kHz, 16-bit
    little-endian mono PCM)."""
    samples = array("h")
    for word in text.split():
        frequency = 180 + zlib.crc32(word.encode()) % 420
        count = SPEECH_SAMPLE_RATE * 40 * len(word) // 1000
        step = 2 * math.pi * frequency / SPEECH_SAMPLE_RATE
        samples.extend(int(9000 * math.sin(step * index)) for index in range(count))
        samples.extend([0] * (SPEECH_SAMPLE_RATE * 20 // 1000))
    if sys.byteorder == "big":  # pragma: no cover - PCM on the wire is little-endian
        samples.byteswap()
    return samples.tobytes()


def _wav(pcm: bytes) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(SPEECH_SAMPLE_RATE)
        writer.writeframes(pcm)
    return out.getvalue()


def parse_form(
    content_type: str, body: bytes
) -> tuple[dict[str, list[str]], dict[str, UploadedFile]]:
    """The text fields and files of a ``multipart/form-data`` body (``ValueError`` if it is not
    one)."""
    kind, _, parameters = content_type.partition(";")
    if kind.strip().lower() != "multipart/form-data":
        raise ValueError(f"expected multipart/form-data, got {kind.strip() or 'no content type'!r}")
    boundary = ""
    for parameter in parameters.split(";"):
        name, _, value = parameter.strip().partition("=")
        if name.lower() == "boundary":
            boundary = value.strip('"')
    if not boundary:
        raise ValueError("the multipart content type names no boundary")
    delimiter = b"--" + boundary.encode("latin-1")
    fields: dict[str, list[str]] = {}
    files: dict[str, UploadedFile] = {}
    parts = body.split(delimiter)
    if len(parts) < 3 or not parts[-1].startswith(b"--"):
        raise ValueError("the multipart body is not terminated")
    for part in parts[1:-1]:
        head, separator, content = part.removeprefix(b"\r\n").partition(b"\r\n\r\n")
        if not separator or not content.endswith(b"\r\n"):
            raise ValueError("a multipart part is malformed")
        headers = _part_headers(head.decode("latin-1"))
        disposition = _disposition(headers.get("content-disposition", ""))
        part_name = disposition.get("name")
        if part_name is None:
            raise ValueError("a multipart part has no name")
        if "filename" in disposition:
            files[part_name] = UploadedFile(
                disposition["filename"],
                headers.get("content-type", "application/octet-stream"),
                content[:-2],
            )
        else:
            fields.setdefault(part_name, []).append(content[:-2].decode("utf-8"))
    return fields, files


def _part_headers(head: str) -> dict[str, str]:
    headers = {}
    for line in head.split("\r\n"):
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return headers


def _disposition(value: str) -> dict[str, str]:
    result = {}
    for piece in value.split(";")[1:]:
        name, _, raw = piece.strip().partition("=")
        result[name.strip().lower()] = raw.strip().strip('"')
    return result


def _audio_format(file: UploadedFile) -> str | None:
    for magic, offset, kind in _MAGIC:
        if file.content[offset : offset + len(magic)] == magic:
            return kind
    return None


TranscriptionResponder = Callable[
    [TranscriptionRequest], "str | TranscriptionReply | ErrorReply | RawReply | None"
]
SpeechResponder = Callable[[dict[str, Any]], "SpeechReply | ErrorReply | None"]


class FakeAudio:
    """The audio endpoints of a ``FakeOpenAIServer`` (``server.audio``), scripted per test.

    Transcriptions are answered from ``add_transcription(...)`` replies in order (or a
    ``transcription_responder``); a request with nothing scripted is refused. Speech is answered
    from ``add_speech(...)`` replies in order (or a ``speech_responder``), and otherwise with
    ``speech_voice(input)`` (``fake_speech`` unless replaced). Every request is recorded and,
    with a validator, checked against ``CreateTranscriptionRequest`` / ``CreateSpeechRequest``.
    """

    def __init__(self, server: FakeOpenAIServer) -> None:
        self._server = server
        self._transcriptions: deque[TranscriptionReply | ErrorReply | RawReply] = deque()
        self._speech: deque[SpeechReply | ErrorReply] = deque()
        self.transcription_requests: list[TranscriptionRequest] = []
        self.speech_requests: list[dict[str, Any]] = []
        self.transcription_responder: TranscriptionResponder | None = None
        self.speech_responder: SpeechResponder | None = None
        self.speech_voice: Callable[[str], bytes] = fake_speech
        server.route("POST", "/audio/transcriptions", self._transcribe)
        server.route("POST", "/audio/speech", self._speak)

    # --------------------------------------------------------------------------- scripting

    def add_transcription(self, *replies: str | TranscriptionReply | ErrorReply | RawReply) -> None:
        """Queue answers for the next transcription requests (a string is the text)."""
        self._transcriptions.extend(
            TranscriptionReply(reply) if isinstance(reply, str) else reply for reply in replies
        )

    def add_speech(self, *replies: SpeechReply | ErrorReply | bytes) -> None:
        """Queue answers for the next speech requests (bytes are the PCM to send)."""
        self._speech.extend(
            SpeechReply(audio=reply) if isinstance(reply, bytes) else reply for reply in replies
        )

    def assert_complete(self) -> None:
        """Raise ``AssertionError`` if scripted audio replies were left unused."""
        left = len(self._transcriptions) + len(self._speech)
        if left:
            raise AssertionError(f"{left} scripted audio replies were never requested.")

    # ----------------------------------------------------------------------- transcriptions

    async def _transcribe(self, request: RecordedRequest, http: HTTPConnection) -> None:
        try:
            fields, files = parse_form(request.headers.get("content-type", ""), request.body)
        except ValueError as exc:
            await self._refuse(http, f"The body is not a valid multipart form: {exc}.")
            return
        problem = self._check_transcription(fields, files)
        if problem is not None:
            await self._refuse(http, problem)
            return
        recorded = _recorded_transcription(fields, files["file"])
        if isinstance(recorded, str):
            await self._refuse(http, recorded)
            return
        if self._server.record_requests:
            self.transcription_requests.append(recorded)
        reply = self._next_transcription(recorded)
        if reply is None:
            message = "The fake OpenAI server has no scripted transcription left."
            await self._refuse(http, message, code="fake_server_script")
            return
        if reply.delay:
            await asyncio.sleep(reply.delay)
        if isinstance(reply, ErrorReply):
            await self._server._send_error(http, reply)
        elif isinstance(reply, RawReply):
            raw = reply.body.encode() if isinstance(reply.body, str) else reply.body
            await http.send_body(reply.status, raw, content_type=reply.content_type, cut=reply.cut)
        else:
            await self._send_transcription(http, recorded, reply)

    def _check_transcription(
        self, fields: dict[str, list[str]], files: dict[str, UploadedFile]
    ) -> str | None:
        body: dict[str, Any] = {}
        for name, values in fields.items():
            if name.endswith("[]"):
                body[name[:-2]] = values
            elif name in _NUMBER_FIELDS:
                try:
                    body[name] = float(values[-1])
                except ValueError:
                    return f"'{name}' must be a number, got {values[-1]!r}."
            else:
                body[name] = values[-1]
        for name in files:
            body[name] = "<file>"
        errors = self._validate("CreateTranscriptionRequest", body, "POST /audio/transcriptions")
        if errors:
            return "; ".join(errors)[:2000]
        if "file" not in files or "model" not in fields:
            return "A transcription needs a 'file' and a 'model'."
        file = files["file"]
        extension = file.filename.rpartition(".")[2].lower()
        if extension not in _EXTENSIONS or _audio_format(file) is None:
            return (
                f"Invalid file format. Supported formats: {list(_EXTENSIONS)} "
                f"(got {file.filename!r})."
            )
        response_format = body.get("response_format", "json")
        if response_format not in ("json", "text"):
            return f"The fake server answers response_format json or text, not {response_format!r}."
        return None

    def _next_transcription(
        self, request: TranscriptionRequest
    ) -> TranscriptionReply | ErrorReply | RawReply | None:
        if self.transcription_responder is not None:
            reply = self.transcription_responder(request)
            if reply is not None:
                return TranscriptionReply(reply) if isinstance(reply, str) else reply
        return self._transcriptions.popleft() if self._transcriptions else None

    async def _send_transcription(
        self, http: HTTPConnection, request: TranscriptionRequest, reply: TranscriptionReply
    ) -> None:
        if request.fields.get("response_format") == "text":
            await http.send_body(200, reply.text.encode(), content_type="text/plain")
            return
        usage = {"type": "duration", "seconds": round(request.duration or 0.0, 3)}
        body = {"text": reply.text, "usage": usage}
        self._validate("CreateTranscriptionResponseJson", body, "transcription response")
        await http.send_body(200, json.dumps(body).encode())

    # -------------------------------------------------------------------------------- speech

    async def _speak(self, request: RecordedRequest, http: HTTPConnection) -> None:
        try:
            body = request.json
        except ValueError:
            await self._refuse(http, "The body is not valid JSON.")
            return
        errors = self._validate("CreateSpeechRequest", body, "POST /audio/speech")
        if errors:
            await self._refuse(http, "; ".join(errors)[:2000])
            return
        if not isinstance(body, dict) or not all(k in body for k in ("model", "input", "voice")):
            await self._refuse(http, "A speech request needs 'model', 'input' and 'voice'.")
            return
        response_format = body.get("response_format", "mp3")
        if response_format not in ("pcm", "wav") or body.get("stream_format", "audio") != "audio":
            message = (
                "The fake server speaks response_format 'pcm' or 'wav' as a plain audio stream."
            )
            await self._refuse(http, message)
            return
        if self._server.record_requests:
            self.speech_requests.append(body)
        reply = self.speech_responder(body) if self.speech_responder is not None else None
        if reply is None:
            reply = self._speech.popleft() if self._speech else SpeechReply()
        if reply.delay:
            await asyncio.sleep(reply.delay)
        if isinstance(reply, ErrorReply):
            await self._server._send_error(http, reply)
            return
        pcm = reply.audio if reply.audio is not None else self.speech_voice(str(body["input"]))
        audio = _wav(pcm) if response_format == "wav" else pcm
        await _send_audio(
            http, audio, reply, "audio/wav" if response_format == "wav" else "audio/pcm"
        )

    # ------------------------------------------------------------------------------ helpers

    def _validate(self, schema: str, body: Any, where: str) -> list[str]:
        validator = self._server.validator
        if validator is None:
            return []
        errors = validator(schema, body)
        self._server.conformance_errors.extend(f"{where}: {error}" for error in errors)
        return errors

    async def _refuse(self, http: HTTPConnection, message: str, code: str | None = None) -> None:
        await self._server._send_error(http, ErrorReply(400, message, code=code))


def _recorded_transcription(
    fields: dict[str, list[str]], file: UploadedFile
) -> TranscriptionRequest | str:
    plain: dict[str, str | list[str]] = {
        name.removesuffix("[]"): values if name.endswith("[]") else values[-1]
        for name, values in fields.items()
    }
    if _audio_format(file) != "wav":
        return TranscriptionRequest(plain, file)
    try:
        with wave.open(io.BytesIO(file.content), "rb") as reader:
            return TranscriptionRequest(
                plain,
                file,
                frame_rate=reader.getframerate(),
                channels=reader.getnchannels(),
                sample_width=reader.getsampwidth(),
                frames=reader.readframes(reader.getnframes()),
            )
    except (wave.Error, EOFError) as exc:
        return f"Audio file might be corrupted or unsupported: {exc}."


async def _send_audio(
    http: HTTPConnection, audio: bytes, reply: SpeechReply, content_type: str
) -> None:
    await http.start_chunked(200, {"content-type": content_type})
    pause, cut = reply.pause_after_bytes, reply.cut_after_bytes
    sent = 0
    while sent < len(audio):
        if cut is not None and sent >= cut:
            http.abort()
            return
        if pause is not None and sent >= pause and reply.gate is not None:
            await reply.gate.wait()
        end = min(sent + max(reply.chunk_bytes, 2), len(audio))
        for limit in (pause, cut):
            if limit is not None and sent < limit < end:
                end = limit  # stop exactly there
        chunk = audio[sent:end]
        await http.send_chunk(chunk)
        sent = end
        if reply.pace:
            await asyncio.sleep(len(chunk) / (2 * SPEECH_SAMPLE_RATE) / reply.pace)
    if cut is not None and sent >= cut:
        http.abort()
        return
    await http.end_chunked()
