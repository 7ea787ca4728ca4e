"""Configuration of realtime sessions, as typed dictionaries (the official SDK's shapes)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, NotRequired, TypeAlias

from typing_extensions import TypedDict

if TYPE_CHECKING:
    from agents_core import (
        Handoff,
        InputGuardrail,
        OutputGuardrail,
        Prompt,
        RunContextWrapper,
        RunHooks,
        Tool,
    )

__all__ = (
    "RealtimeAudioConfig",
    "RealtimeAudioFormat",
    "RealtimeAudioInputConfig",
    "RealtimeAudioOutputConfig",
    "RealtimeClientMessage",
    "RealtimeCustomVoice",
    "RealtimeGuardrailsSettings",
    "RealtimeInputAudioNoiseReductionConfig",
    "RealtimeInputAudioTranscriptionConfig",
    "RealtimeModelName",
    "RealtimeModelTracingConfig",
    "RealtimeReasoningConfig",
    "RealtimeReasoningEffort",
    "RealtimeRunConfig",
    "RealtimeSessionModelSettings",
    "RealtimeToolChoice",
    "RealtimeToolExecutionConfig",
    "RealtimeTurnDetectionConfig",
    "RealtimeUserInput",
    "RealtimeUserInputImage",
    "RealtimeUserInputMessage",
    "RealtimeUserInputText",
    "RealtimeVoice",
    "ToolErrorFormatter",
    "ToolErrorFormatterArgs",
)

RealtimeModelName: TypeAlias = (
    Literal[
        "gpt-realtime",
        "gpt-realtime-1.5",
        "gpt-realtime-2",
        "gpt-realtime-2.1",
        "gpt-realtime-2.1-mini",
        "gpt-realtime-2025-08-28",
        "gpt-4o-realtime-preview",
        "gpt-4o-realtime-preview-2024-10-01",
        "gpt-4o-realtime-preview-2024-12-17",
        "gpt-4o-realtime-preview-2025-06-03",
        "gpt-4o-mini-realtime-preview",
        "gpt-4o-mini-realtime-preview-2024-12-17",
        "gpt-realtime-mini",
        "gpt-realtime-mini-2025-10-06",
        "gpt-realtime-mini-2025-12-15",
    ]
    | str
)
"""A realtime model's name."""

RealtimeAudioFormat: TypeAlias = (
    Literal["pcm16", "g711_ulaw", "g711_alaw"] | str | Mapping[str, Any]
)
"""An audio format: ``"pcm16"`` (24 kHz), ``"g711_ulaw"``, ``"g711_alaw"``, or the GA object
(``{"type": "audio/pcm", "rate": 24000}``, ``{"type": "audio/pcmu"}`` or
``{"type": "audio/pcma"}``)."""


class RealtimeCustomVoice(TypedDict):
    """A custom voice, by id."""

    id: str


RealtimeVoice: TypeAlias = str | RealtimeCustomVoice | Mapping[str, Any]
"""The voice of the audio output: a voice name (``"marin"``, ``"ash"``...) or a custom voice."""

RealtimeReasoningEffort: TypeAlias = Literal["minimal", "low", "medium", "high", "xhigh"] | str
"""How much the model reasons before answering."""

RealtimeToolChoice: TypeAlias = Literal["auto", "required", "none"] | str | Mapping[str, Any]
"""``"auto"``, ``"required"``, ``"none"``, or a tool object such as
``{"type": "function", "name": "get_weather"}``."""


class RealtimeClientMessage(TypedDict):
    """A raw client event: its ``type``, and ``other_data`` merged into the event body."""

    type: str
    other_data: NotRequired[dict[str, Any]]


class RealtimeInputAudioTranscriptionConfig(TypedDict):
    """Transcription of the user's audio (the transcript reaches the session history)."""

    language: NotRequired[str]
    model: NotRequired[str]
    prompt: NotRequired[str]
    keywords: NotRequired[list[str]]
    languages: NotRequired[list[str]]
    delay: NotRequired[Literal["minimal", "low", "medium", "high", "xhigh"]]


class RealtimeInputAudioNoiseReductionConfig(TypedDict):
    """Noise reduction of the user's audio: ``near_field`` (headset) or ``far_field``."""

    type: NotRequired[Literal["near_field", "far_field"]]


class RealtimeTurnDetectionConfig(TypedDict):
    """Voice activity detection: ``server_vad`` (silence based) or ``semantic_vad``.

    ``threshold``, ``prefix_padding_ms``, ``silence_duration_ms`` and ``idle_timeout_ms`` tune
    server VAD; ``eagerness`` tunes semantic VAD. ``create_response`` starts an answer when the
    user stops; ``interrupt_response`` stops the answer when the user starts speaking.
    """

    type: NotRequired[Literal["semantic_vad", "server_vad"]]
    create_response: NotRequired[bool]
    eagerness: NotRequired[Literal["auto", "low", "medium", "high"]]
    interrupt_response: NotRequired[bool]
    prefix_padding_ms: NotRequired[int]
    silence_duration_ms: NotRequired[int]
    threshold: NotRequired[float]
    idle_timeout_ms: NotRequired[int]
    model_version: NotRequired[str]


class RealtimeAudioInputConfig(TypedDict, total=False):
    """The user's audio: format, noise reduction, transcription and turn detection."""

    format: RealtimeAudioFormat
    noise_reduction: RealtimeInputAudioNoiseReductionConfig | None
    transcription: RealtimeInputAudioTranscriptionConfig
    turn_detection: RealtimeTurnDetectionConfig | None


class RealtimeAudioOutputConfig(TypedDict, total=False):
    """The model's audio: format, voice and speed."""

    format: RealtimeAudioFormat
    voice: RealtimeVoice
    speed: float


class RealtimeAudioConfig(TypedDict, total=False):
    """Audio settings in the GA layout (``input`` and ``output``)."""

    input: RealtimeAudioInputConfig
    output: RealtimeAudioOutputConfig


class RealtimeReasoningConfig(TypedDict, total=False):
    """Reasoning settings of the model."""

    effort: RealtimeReasoningEffort


class RealtimeModelTracingConfig(TypedDict):
    """Tracing of the session: the workflow name, group id and metadata of its trace."""

    workflow_name: NotRequired[str]
    group_id: NotRequired[str]
    metadata: NotRequired[dict[str, Any]]


class RealtimeSessionModelSettings(TypedDict):
    """Settings of the realtime model session (sent to the server with ``session.update``).

    Audio settings can be given flat (``input_audio_format``, ``voice``, ``turn_detection``...)
    or in the GA layout under ``audio``; ``audio`` wins where both are given.
    """

    model_name: NotRequired[RealtimeModelName]
    instructions: NotRequired[str]
    prompt: NotRequired[Prompt]
    modalities: NotRequired[list[Literal["text", "audio"]]]
    output_modalities: NotRequired[list[Literal["text", "audio"]]]
    audio: NotRequired[RealtimeAudioConfig]
    voice: NotRequired[RealtimeVoice]
    speed: NotRequired[float]
    max_output_tokens: NotRequired[int | Literal["inf"]]
    input_audio_format: NotRequired[RealtimeAudioFormat]
    output_audio_format: NotRequired[RealtimeAudioFormat]
    input_audio_transcription: NotRequired[RealtimeInputAudioTranscriptionConfig | None]
    input_audio_noise_reduction: NotRequired[RealtimeInputAudioNoiseReductionConfig | None]
    turn_detection: NotRequired[RealtimeTurnDetectionConfig | None]
    tool_choice: NotRequired[RealtimeToolChoice]
    parallel_tool_calls: NotRequired[bool]
    reasoning: NotRequired[RealtimeReasoningConfig]
    tools: NotRequired[list[Tool]]
    handoffs: NotRequired[list[Handoff[Any]]]
    tracing: NotRequired[RealtimeModelTracingConfig | None]


class RealtimeGuardrailsSettings(TypedDict):
    """When output guardrails run: every ``debounce_text_length`` characters of transcript
    (default 100), and once more on the complete text."""

    debounce_text_length: NotRequired[int]


class RealtimeToolExecutionConfig(TypedDict):
    """How local tool calls run: ``pre_approval_tool_input_guardrails`` checks a call's input
    before asking a person to approve it (and again before it runs)."""

    pre_approval_tool_input_guardrails: NotRequired[bool]


@dataclass
class ToolErrorFormatterArgs:
    """What a ``tool_error_formatter`` receives: the kind of failure and the call it concerns."""

    kind: Literal["approval_rejected", "tool_not_found", "tool_exception"]
    tool_type: Literal["function", "computer", "shell", "apply_patch", "custom"]
    tool_name: str
    call_id: str
    default_message: str
    run_context: RunContextWrapper[Any]
    error: Exception | None = None


ToolErrorFormatter: TypeAlias = Callable[
    [ToolErrorFormatterArgs], "str | Awaitable[str | None] | None"
]
"""Writes the message the model reads when a tool call fails or is rejected (None: the
default message)."""


class RealtimeRunConfig(TypedDict):
    """Settings of a whole realtime session (``RealtimeRunner(config=...)``).

    ``async_tool_calls`` (default True) runs tool calls beside the conversation, several at a
    time. ``input_guardrails`` check what the user said (text, or the transcript of their audio);
    ``hooks`` receive the session's lifecycle callbacks; ``trace_include_sensitive_data``
    (default True) keeps tool arguments and outputs in traces.
    """

    model_settings: NotRequired[RealtimeSessionModelSettings]
    output_guardrails: NotRequired[list[OutputGuardrail[Any]]]
    input_guardrails: NotRequired[list[InputGuardrail[Any]]]
    guardrails_settings: NotRequired[RealtimeGuardrailsSettings]
    tracing_disabled: NotRequired[bool]
    trace_include_sensitive_data: NotRequired[bool]
    async_tool_calls: NotRequired[bool]
    tool_execution: NotRequired[RealtimeToolExecutionConfig]
    tool_error_formatter: NotRequired[ToolErrorFormatter]
    hooks: NotRequired[RunHooks[Any]]


class RealtimeUserInputText(TypedDict):
    """A text part of a user message."""

    type: Literal["input_text"]
    text: str


class RealtimeUserInputImage(TypedDict, total=False):
    """An image part of a user message: a ``data:`` or ``https:`` URL."""

    type: Literal["input_image"]
    image_url: str
    detail: NotRequired[Literal["auto", "low", "high"] | str]


class RealtimeUserInputMessage(TypedDict):
    """A structured user message with text and image parts."""

    type: Literal["message"]
    role: Literal["user"]
    content: list[RealtimeUserInputText | RealtimeUserInputImage]


RealtimeUserInput: TypeAlias = str | RealtimeUserInputMessage
"""What ``send_message`` takes: a string, or a structured user message."""
