"""Agents as tools on the wire: the nested request, usage roll-up, streaming, nested approvals."""

from __future__ import annotations

from typing import Any

from agents_core import (
    Agent,
    AgentToolStreamEvent,
    Model,
    RawResponsesStreamEvent,
    Runner,
    RunState,
    function_tool,
)
from agents_core.stream_types import ResponseTextDeltaEvent
from agents_core.testing import function_call
from agents_openai.testing import FakeOpenAIServer, ModelReply

USAGE = {"input_tokens": 10, "output_tokens": 5}


async def test_the_nested_agent_gets_its_own_request_and_usage_rolls_up(
    server: FakeOpenAIServer, model: Model
) -> None:
    translator = Agent(name="Translator", instructions="Translate to French.", model=model)
    main = Agent(
        name="Main",
        instructions="Use your tools.",
        model=model,
        tools=[translator.as_tool("translate", "Translate a text to French.")],
    )
    server.add(
        ModelReply([function_call("translate", {"input": "Hello"}, call_id="t")], usage=USAGE),
        ModelReply(["Bonjour"], usage=USAGE),
        ModelReply(["In French: Bonjour."], usage=USAGE),
    )

    result = await Runner.run(main, "Say hello in French")

    outer, nested, last = (r.view for r in server.model_requests())
    offered = outer.function("translate")
    assert offered.description == "Translate a text to French."
    assert offered.parameters["required"] == ["input"] and offered.strict is True
    assert nested.instructions == "Translate to French."
    assert nested.user_messages == ["Hello"] and nested.tool_names == []
    assert last.instructions == "Use your tools."
    assert last.function_outputs == {"t": "Bonjour"}
    assert result.final_output == "In French: Bonjour."
    assert result.usage.requests == 3
    assert (result.usage.input_tokens, result.usage.output_tokens) == (30, 15)


async def test_a_streaming_agent_tool_streams_to_on_stream(
    server: FakeOpenAIServer, model: Model
) -> None:
    events: list[AgentToolStreamEvent] = []
    writer = Agent(name="Writer", instructions="Write.", model=model)
    main = Agent(
        name="Main",
        model=model,
        tools=[writer.as_tool("write", "Write a line.", on_stream=events.append)],
    )
    server.add(
        ModelReply([function_call("write", {"input": "a haiku"}, call_id="w")]),
        "Snow on the pine tree",
        "Here it is.",
    )

    result = await Runner.run(main, "a haiku please")

    outer, nested, _ = server.model_requests()
    assert "stream" not in outer.json and nested.json["stream"] is True
    deltas = [
        e["event"].data.delta
        for e in events
        if isinstance(e["event"], RawResponsesStreamEvent)
        and isinstance(e["event"].data, ResponseTextDeltaEvent)
    ]
    assert "".join(deltas) == "Snow on the pine tree"
    assert {e["agent"].name for e in events} == {"Writer"}
    assert all(e["tool_call"] is not None and e["tool_call"].call_id == "w" for e in events)
    assert result.final_output == "Here it is."


async def test_a_nested_approval_pauses_the_parent_and_resumes_over_the_wire(
    server: FakeOpenAIServer, model: Model
) -> None:
    sent: list[str] = []

    @function_tool(needs_approval=True)
    def send_email(to: str) -> str:
        """Send an email."""
        sent.append(to)
        return f"sent to {to}"

    mailer = Agent(name="Mailer", instructions="You send mail.", model=model, tools=[send_email])
    main = Agent(name="Main", model=model, tools=[mailer.as_tool("mail", "Send mail.")])
    server.add(
        ModelReply([function_call("mail", {"input": "mail ann and bob"}, call_id="m")]),
        ModelReply(
            [
                function_call("send_email", {"to": "ann"}, call_id="e1"),
                function_call("send_email", {"to": "bob"}, call_id="e2"),
            ]
        ),
    )

    paused = await Runner.run(main, "send the mails")

    assert [(i.agent.name, i.name, i.call_id) for i in paused.interruptions] == [
        ("Mailer", "send_email", "e1"),
        ("Mailer", "send_email", "e2"),
    ]
    assert len(server.model_requests()) == 2 and sent == []
    state: RunState[Any] = await RunState.from_string(main, paused.to_state().to_string())
    ann, bob = state.get_interruptions()
    state.approve(ann)
    state.reject(bob)
    server.add("Mailed ann; bob was refused.", "Done: ann got her mail.")

    result = await Runner.run(main, state)

    requests = [r.view for r in server.model_requests()]
    assert len(requests) == 4
    nested_resumed, parent_resumed = requests[2], requests[3]
    assert nested_resumed.instructions == "You send mail."
    assert nested_resumed.function_outputs == {
        "e1": "sent to ann",
        "e2": "Tool execution was not approved.",
    }
    assert parent_resumed.function_outputs == {"m": "Mailed ann; bob was refused."}
    assert sent == ["ann"]
    assert result.final_output == "Done: ann got her mail."
