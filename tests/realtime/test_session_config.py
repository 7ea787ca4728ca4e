"""What reaches the server in ``session.update``: settings, audio, turn detection, tools."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from agents_core import FunctionTool, HostedTool, function_tool
from agents_core.exceptions import UserError
from agents_realtime import (
    DEFAULT_MODEL_SETTINGS,
    OpenAIRealtimeWebSocketModel,
    RealtimeAgent,
    RealtimeRunner,
    realtime_handoff,
)
from agents_realtime.testing import FakeRealtimeServer

if TYPE_CHECKING:
    from agents_realtime import RealtimeRunConfig, RealtimeSessionModelSettings

pytestmark = pytest.mark.timeout(30)


@function_tool
def get_weather(city: str) -> str:
    """Look up the weather.

    Args:
        city: The city.
    """
    return f"Sunny in {city}"


async def _first_update(
    server: FakeRealtimeServer,
    agent: RealtimeAgent[Any] | None = None,
    config: RealtimeRunConfig | None = None,
    initial: RealtimeSessionModelSettings | None = None,
) -> dict[str, Any]:
    agent = agent or RealtimeAgent(name="Assistant", instructions="Be brief.")
    model_config = server.model_config()
    if initial is not None:
        model_config["initial_model_settings"] = initial
    index = len(server.connections)
    async with await RealtimeRunner(agent, config=config).run(model_config=model_config):
        connection = await server.connection(index)
        update = await connection.wait_for_frame("session.update")
        await connection.wait_for(
            lambda: [e for e in connection.sent if e["type"] == "session.updated"]
        )
    session: dict[str, Any] = update["session"]
    return session


async def test_defaults_speak_pcm16_with_transcription_and_semantic_vad(
    server: FakeRealtimeServer,
) -> None:
    session = await _first_update(server)
    assert session["type"] == "realtime"
    assert session["model"] == "gpt-realtime-2.1"
    assert session["output_modalities"] == ["audio"]
    assert session["audio"]["input"] == {
        "format": {"type": "audio/pcm", "rate": 24000},
        "transcription": {"model": "gpt-4o-mini-transcribe"},
        "turn_detection": {"type": "semantic_vad", "interrupt_response": True},
    }
    assert session["audio"]["output"] == {
        "format": {"type": "audio/pcm", "rate": 24000},
        "voice": "ash",
    }
    assert session["tools"] == []
    assert session["tracing"] == "auto"
    assert DEFAULT_MODEL_SETTINGS["voice"] == "ash"


async def test_server_vad_options_voice_speed_and_formats(server: FakeRealtimeServer) -> None:
    settings: RealtimeSessionModelSettings = {
        "model_name": "gpt-realtime-mini",
        "voice": "marin",
        "speed": 1.2,
        "input_audio_format": "g711_ulaw",
        "output_audio_format": "g711_ulaw",
        "turn_detection": {
            "type": "server_vad",
            "threshold": 0.6,
            "prefix_padding_ms": 200,
            "silence_duration_ms": 700,
            "idle_timeout_ms": 6000,
            "create_response": True,
            "interrupt_response": False,
        },
        "input_audio_transcription": {"model": "gpt-4o-transcribe", "language": "en"},
        "input_audio_noise_reduction": {"type": "far_field"},
        "max_output_tokens": 512,
        "tool_choice": "required",
    }
    session = await _first_update(server, config={"model_settings": settings})
    assert session["model"] == "gpt-realtime-mini"
    assert session["audio"]["input"] == {
        "format": {"type": "audio/pcmu"},
        "noise_reduction": {"type": "far_field"},
        "transcription": {"model": "gpt-4o-transcribe", "language": "en"},
        "turn_detection": settings["turn_detection"],
    }
    assert session["audio"]["output"] == {
        "format": {"type": "audio/pcmu"},
        "voice": "marin",
        "speed": 1.2,
    }
    assert session["max_output_tokens"] == 512
    assert session["tool_choice"] == "required"


async def test_ga_audio_layout_wins_over_flat_settings(server: FakeRealtimeServer) -> None:
    settings: RealtimeSessionModelSettings = {
        "voice": "ash",
        "input_audio_format": "pcm16",
        "audio": {
            "input": {
                "format": {"type": "audio/pcma"},
                "turn_detection": {"type": "semantic_vad", "eagerness": "high"},
                "transcription": {"model": "whisper-1"},
            },
            "output": {"format": {"type": "audio/pcmu"}, "voice": "cedar"},
        },
    }
    session = await _first_update(server, config={"model_settings": settings})
    assert session["audio"]["input"]["format"] == {"type": "audio/pcma"}
    assert session["audio"]["input"]["turn_detection"] == {
        "type": "semantic_vad",
        "eagerness": "high",
    }
    assert session["audio"]["input"]["transcription"] == {"model": "whisper-1"}
    assert session["audio"]["output"] == {"format": {"type": "audio/pcmu"}, "voice": "cedar"}


async def test_turn_detection_off_and_camel_case_keys(server: FakeRealtimeServer) -> None:
    off = await _first_update(server, config={"model_settings": {"turn_detection": None}})
    assert off["audio"]["input"]["turn_detection"] is None
    camel: Any = {"type": "server_vad", "silenceDurationMs": 300, "createResponse": False}
    session = await _first_update(server, config={"model_settings": {"turn_detection": camel}})
    assert session["audio"]["input"]["turn_detection"] == {
        "type": "server_vad",
        "silence_duration_ms": 300,
        "create_response": False,
    }


async def test_transcription_can_be_switched_off(server: FakeRealtimeServer) -> None:
    session = await _first_update(
        server, config={"model_settings": {"input_audio_transcription": None}}
    )
    assert "transcription" not in session["audio"]["input"]


async def test_initial_model_settings_layer_over_the_run_settings(
    server: FakeRealtimeServer,
) -> None:
    session = await _first_update(
        server,
        config={"model_settings": {"voice": "ash", "speed": 0.9}},
        initial={"voice": "verse", "instructions": "Explicit instructions win."},
    )
    assert session["audio"]["output"]["voice"] == "verse"
    assert session["audio"]["output"]["speed"] == 0.9
    assert session["instructions"] == "Explicit instructions win."


async def test_tracing_prompt_and_reasoning(server: FakeRealtimeServer) -> None:
    agent = RealtimeAgent(
        name="Assistant", prompt={"id": "pmpt_123", "version": "2", "variables": {"city": "Oslo"}}
    )
    settings: RealtimeSessionModelSettings = {
        "tracing": {"workflow_name": "support", "group_id": "g1", "metadata": {"k": "v"}},
        "reasoning": {"effort": "low"},
    }
    session = await _first_update(server, agent=agent, config={"model_settings": settings})
    assert session["tracing"] == {
        "workflow_name": "support",
        "group_id": "g1",
        "metadata": {"k": "v"},
    }
    assert session["prompt"] == {"id": "pmpt_123", "version": "2", "variables": {"city": "Oslo"}}
    assert session["reasoning"] == {"effort": "low"}
    off = await _first_update(server, config={"tracing_disabled": True})
    assert "tracing" not in off


async def test_tools_and_handoffs_are_offered_as_functions(server: FakeRealtimeServer) -> None:
    billing = RealtimeAgent(name="Billing agent", handoff_description="Questions about bills.")
    hidden = RealtimeAgent(name="Hidden")
    agent = RealtimeAgent(
        name="Assistant",
        tools=[get_weather],
        handoffs=[billing, realtime_handoff(hidden, is_enabled=False)],
    )
    session = await _first_update(server, agent=agent)
    assert session["tools"] == [
        {
            "type": "function",
            "name": "get_weather",
            "description": "Look up the weather.",
            "parameters": get_weather.params_json_schema,
        },
        {
            "type": "function",
            "name": "transfer_to_billing_agent",
            "description": "Handoff to the Billing agent agent to handle the request. "
            "Questions about bills.",
            "parameters": {
                "type": "object",
                "properties": {},
                "required": [],
                "additionalProperties": False,
            },
        },
    ]


async def test_disabled_tools_are_not_offered(server: FakeRealtimeServer) -> None:
    async def off(context: Any, agent: Any) -> bool:
        return False

    tool = function_tool(lambda: "x", name_override="secret", is_enabled=off)
    session = await _first_update(server, agent=RealtimeAgent(name="a", tools=[get_weather, tool]))
    assert [t["name"] for t in session["tools"]] == ["get_weather"]


class _HostedMCP(HostedTool):
    @property
    def name(self) -> str:
        return "hosted_mcp"

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "type": "mcp",
            "server_label": "deepwiki",
            "server_url": "https://mcp.deepwiki.com/mcp",
            "require_approval": "never",
        }


async def test_hosted_mcp_tools_are_offered_as_mcp_tools(server: FakeRealtimeServer) -> None:
    session = await _first_update(server, agent=RealtimeAgent(name="a", tools=[_HostedMCP()]))
    assert session["tools"] == [_HostedMCP().to_json_dict()]


class _WebSearch(HostedTool):
    @property
    def name(self) -> str:
        return "web_search"

    def to_json_dict(self) -> dict[str, Any]:
        return {"type": "web_search"}


async def test_tools_the_realtime_api_cannot_run_are_refused_before_connecting(
    server: FakeRealtimeServer,
) -> None:
    runner = RealtimeRunner(RealtimeAgent(name="a", tools=[_WebSearch()]))
    with pytest.raises(UserError, match="web_search"):
        async with await runner.run(model_config=server.model_config()):
            pass
    assert server.connections == []


async def test_two_functions_with_one_name_are_refused(server: FakeRealtimeServer) -> None:
    twin = FunctionTool(
        name="transfer_to_other",
        description="",
        params_json_schema={"type": "object", "properties": {}},
        on_invoke_tool=lambda ctx, args: None,  # type: ignore[arg-type,return-value]
    )
    agent = RealtimeAgent(name="a", tools=[twin], handoffs=[RealtimeAgent(name="Other")])
    with pytest.raises(UserError, match="transfer_to_other"):
        async with await RealtimeRunner(agent).run(model_config=server.model_config()):
            pass
    assert server.connections == []


async def test_call_id_and_model_name_together_are_refused(server: FakeRealtimeServer) -> None:
    model = OpenAIRealtimeWebSocketModel()
    with pytest.raises(UserError, match="call_id"):
        await model.connect(
            {"call_id": "rtc_1", "api_key": "k", "initial_model_settings": {"model_name": "x"}}
        )


async def test_a_sip_call_is_attached_by_its_call_id(server: FakeRealtimeServer) -> None:
    from agents_realtime import OpenAIRealtimeSIPModel

    with pytest.raises(UserError, match="call_id"):
        await OpenAIRealtimeSIPModel().connect({"api_key": "k"})

    agent = RealtimeAgent(name="Phone", instructions="Answer the phone.", tools=[get_weather])
    payload = await OpenAIRealtimeSIPModel.build_initial_session_payload(
        agent, overrides={"voice": "marin"}
    )
    assert payload["instructions"] == "Answer the phone."
    assert [tool["name"] for tool in payload["tools"]] == ["get_weather"]
    assert payload["audio"]["output"]["voice"] == "marin"

    runner = RealtimeRunner(agent, model=OpenAIRealtimeSIPModel())
    config = server.model_config(call_id="rtc_call_1")
    config["url"] = f"{server.url}?call_id=rtc_call_1"
    async with await runner.run(model_config=config):
        connection = await server.connection()
        update = (await connection.wait_for_frame("session.update"))["session"]
    assert connection.query == {"call_id": "rtc_call_1"}
    assert "format" not in update["audio"]["input"]  # the call keeps its own audio format
    assert update["instructions"] == "Answer the phone."
