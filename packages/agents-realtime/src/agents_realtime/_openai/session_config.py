"""From ``RealtimeSessionModelSettings`` to the ``session`` object of a GA ``session.update``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from agents_core import FunctionTool, Handoff, HostedTool, LocalCallTool
from agents_core.exceptions import UserError

from .._base._audio import to_realtime_audio_format

if TYPE_CHECKING:
    from agents_core import Tool

    from .._data.config import RealtimeModelTracingConfig, RealtimeSessionModelSettings

__all__ = (
    "DEFAULT_MODEL_SETTINGS",
    "DEFAULT_REALTIME_MODEL",
    "session_config",
    "tool_definitions",
    "turn_detection_of",
)

DEFAULT_REALTIME_MODEL = "gpt-realtime-2.1"
"""The model a session uses when its settings name none."""

DEFAULT_MODEL_SETTINGS: RealtimeSessionModelSettings = {
    "voice": "ash",
    "modalities": ["audio"],
    "input_audio_format": "pcm16",
    "output_audio_format": "pcm16",
    "input_audio_transcription": {"model": "gpt-4o-mini-transcribe"},
    "turn_detection": {"type": "semantic_vad", "interrupt_response": True},
}
"""What a session uses where its settings say nothing: audio out in the ``ash`` voice, PCM16
both ways, the user's audio transcribed, and semantic turn detection."""

_CAMEL_KEYS = {
    "createResponse": "create_response",
    "interruptResponse": "interrupt_response",
    "prefixPaddingMs": "prefix_padding_ms",
    "silenceDurationMs": "silence_duration_ms",
    "idleTimeoutMs": "idle_timeout_ms",
    "modelVersion": "model_version",
}


def _snake_case_keys(config: Any) -> Any:
    if not isinstance(config, Mapping):
        return config
    result = {}
    for key, value in config.items():
        result[_CAMEL_KEYS.get(key, key)] = value
    return result


def _pick(section: Mapping[str, Any], key: str, settings: Mapping[str, Any], flat: str) -> Any:
    """``section[key]`` if given, else ``settings[flat]``, else the default; a missing marker."""
    if key in section:
        return section[key]
    if flat in settings:
        return settings[flat]
    defaults: Mapping[str, Any] = DEFAULT_MODEL_SETTINGS
    return defaults.get(flat, _MISSING)


_MISSING: Any = object()


def turn_detection_of(settings: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The turn detection the settings ask for (None when it is switched off)."""
    audio = settings.get("audio") or {}
    section = audio.get("input") or {}
    value = _pick(section, "turn_detection", settings, "turn_detection")
    return None if value is None or value is _MISSING else _snake_case_keys(value)


def _audio_input(settings: Mapping[str, Any], attach: bool) -> dict[str, Any]:
    audio = settings.get("audio") or {}
    section = audio.get("input") or {}
    result: dict[str, Any] = {}
    fmt = section.get("format", settings.get("input_audio_format"))
    if fmt is None and not attach:
        fmt = DEFAULT_MODEL_SETTINGS["input_audio_format"]
    wire_format = to_realtime_audio_format(fmt)
    if fmt is not None and wire_format is None:
        raise UserError(f"Unknown input audio format: {fmt!r}.")
    if wire_format is not None:
        result["format"] = wire_format
    noise = _pick(section, "noise_reduction", settings, "input_audio_noise_reduction")
    if noise is not _MISSING and noise is not None:
        result["noise_reduction"] = dict(noise)
    transcription = _pick(section, "transcription", settings, "input_audio_transcription")
    if transcription is not _MISSING and transcription is not None:
        result["transcription"] = dict(transcription)
    turn_detection = _pick(section, "turn_detection", settings, "turn_detection")
    if turn_detection is not _MISSING:
        result["turn_detection"] = _snake_case_keys(turn_detection)
    return result


def _audio_output(settings: Mapping[str, Any], attach: bool) -> dict[str, Any]:
    audio = settings.get("audio") or {}
    section = audio.get("output") or {}
    result: dict[str, Any] = {}
    fmt = section.get("format", settings.get("output_audio_format"))
    if fmt is None and not attach:
        fmt = DEFAULT_MODEL_SETTINGS["output_audio_format"]
    wire_format = to_realtime_audio_format(fmt)
    if fmt is not None and wire_format is None:
        raise UserError(f"Unknown output audio format: {fmt!r}.")
    if wire_format is not None:
        result["format"] = wire_format
    voice = section.get("voice") or settings.get("voice") or DEFAULT_MODEL_SETTINGS["voice"]
    result["voice"] = dict(voice) if isinstance(voice, Mapping) else voice
    speed = section.get("speed", settings.get("speed"))
    if speed is not None:
        result["speed"] = speed
    return result


def tool_definitions(tools: list[Tool], handoffs: list[Handoff[Any]]) -> list[dict[str, Any]]:
    """The session's ``tools``: function tools, handoffs as functions, and hosted MCP servers.

    Raises ``UserError`` for a tool kind the Realtime API cannot run, and for two functions
    with one name.
    """
    definitions: list[dict[str, Any]] = []
    names: dict[str, str] = {}

    def add_function(name: str, description: str, parameters: dict[str, Any], kind: str) -> None:
        if name in names:
            raise UserError(
                f"Two realtime functions are named '{name}' (a {names[name]} and a {kind}): "
                "rename one."
            )
        names[name] = kind
        definitions.append(
            {"type": "function", "name": name, "description": description, "parameters": parameters}
        )

    for tool in tools:
        if isinstance(tool, FunctionTool):
            add_function(tool.name, tool.description, tool.params_json_schema, "tool")
            continue
        if isinstance(tool, HostedTool | LocalCallTool):
            definition = tool.to_json_dict()
            if definition.get("type") == "mcp":
                definitions.append(definition)
                continue
        raise UserError(
            f"Tool '{tool.name}' ({type(tool).__name__}) cannot run in a realtime session: "
            "use function tools, handoffs or hosted MCP tools."
        )
    for handoff in handoffs:
        add_function(
            handoff.tool_name, handoff.tool_description, handoff.input_json_schema, "handoff"
        )
    return definitions


def _tracing(value: RealtimeModelTracingConfig | None) -> Any:
    if value is None:
        return None
    return {key: value[key] for key in ("workflow_name", "group_id", "metadata") if key in value}


def session_config(
    settings: RealtimeSessionModelSettings,
    *,
    model: str,
    attach: bool = False,
    include_tracing: bool = False,
) -> dict[str, Any]:
    """The ``session`` of a ``session.update`` for ``settings``.

    ``attach`` (joining an existing call) leaves out the audio formats the settings do not
    name, so the call keeps its own; ``include_tracing`` sends the tracing configuration (the
    API accepts it once per connection).
    """
    values: Mapping[str, Any] = settings
    session: dict[str, Any] = {
        "type": "realtime",
        "model": values.get("model_name") or model,
        "output_modalities": list(
            values.get("output_modalities")
            or values.get("modalities")
            or DEFAULT_MODEL_SETTINGS["modalities"]
        ),
        "audio": {"input": _audio_input(values, attach), "output": _audio_output(values, attach)},
        "tools": tool_definitions(
            list(values.get("tools") or ()), list(values.get("handoffs") or ())
        ),
    }
    if "instructions" in values:
        session["instructions"] = values["instructions"]
    if values.get("prompt"):
        prompt = dict(values["prompt"])
        session["prompt"] = {
            key: prompt[key] for key in ("id", "version", "variables") if key in prompt
        }
    for key in ("tool_choice", "max_output_tokens", "parallel_tool_calls", "reasoning"):
        if values.get(key) is not None:
            value = values[key]
            session[key] = dict(value) if isinstance(value, Mapping) else value
    if include_tracing:
        tracing = values.get("tracing", "auto")
        if tracing is not None:
            session["tracing"] = tracing if tracing == "auto" else _tracing(tracing)
    return session
