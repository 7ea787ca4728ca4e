"""Run results as plain JSON and back: items, responses, usage, guardrail verdicts, agent names."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pydantic

from .._base.run_context import RunContextWrapper
from .._base.usage import Usage
from .._items.items import ModelResponse, ToolApprovalItem
from ..exceptions import UserError
from .run_state_json import agents_by_name, item_from_json, item_to_json, output_json

if TYPE_CHECKING:
    from .._agents.agent import Agent
    from .results import RunResult, RunResultBase

__all__ = ("result_from_json", "result_to_json")

SCHEMA_VERSION = 1
_KIND = "agents.run_result"


def _verdict(output: Any) -> dict[str, Any]:
    return {
        "output_info": output_json(output.output_info),
        "tripwire_triggered": output.tripwire_triggered,
    }


def result_to_json(result: RunResultBase) -> dict[str, Any]:
    """The result as plain JSON (read back with ``RunResult.from_json``)."""
    agents = {item.agent.name for item in result.new_items} | {result.last_agent.name}
    return {
        "kind": _KIND,
        "schema_version": SCHEMA_VERSION,
        "input": result.input,
        "new_items": [item_to_json(item) for item in result.new_items],
        "raw_responses": [response.to_json_dict() for response in result.raw_responses],
        "final_output": output_json(result.final_output),
        "usage": result.context_wrapper.usage.to_json_dict(),
        "last_agent": result.last_agent.name,
        "agents": sorted(agents),
        "input_guardrail_results": [
            {"name": r.guardrail.get_name(), **_verdict(r.output)}
            for r in result.input_guardrail_results
        ],
        "output_guardrail_results": [
            {"name": r.guardrail.get_name(), "agent": r.agent.name, **_verdict(r.output)}
            for r in result.output_guardrail_results
        ],
        "tool_input_guardrail_results": [
            {
                "name": r.guardrail.get_name(),
                "output_info": output_json(r.output.output_info),
                "behavior": dict(r.output.behavior),
            }
            for r in result.tool_input_guardrail_results
        ],
        "tool_output_guardrail_results": [
            {
                "name": r.guardrail.get_name(),
                "output_info": output_json(r.output.output_info),
                "behavior": dict(r.output.behavior),
            }
            for r in result.tool_output_guardrail_results
        ],
        "interruptions": [item_to_json(item) for item in result.interruptions],
    }


def _saved_guardrail(*args: Any) -> Any:
    raise UserError("This guardrail was loaded from a saved result and cannot run.")


class _SavedResult(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", defer_build=True)

    kind: str
    schema_version: int
    input: str | list[dict[str, Any]]
    new_items: list[dict[str, Any]]
    raw_responses: list[dict[str, Any]]
    final_output: Any
    usage: dict[str, Any]
    last_agent: str
    agents: list[str]
    input_guardrail_results: list[dict[str, Any]]
    output_guardrail_results: list[dict[str, Any]]
    tool_input_guardrail_results: list[dict[str, Any]]
    tool_output_guardrail_results: list[dict[str, Any]]
    interruptions: list[dict[str, Any]]


def _agents(saved: _SavedResult, agent: Agent[Any] | None) -> dict[str, Agent[Any]]:
    from .._agents.agent import Agent

    known = agents_by_name(agent) if agent is not None else {}
    return {name: known.get(name) or Agent(name=name) for name in {*saved.agents, saved.last_agent}}


def _final_output(value: Any, agent: Agent[Any]) -> Any:
    from .._base.output_schema import AgentOutputSchemaBase

    output_type = agent.output_type
    if output_type is None or output_type is str or isinstance(output_type, AgentOutputSchemaBase):
        return value
    try:
        return pydantic.TypeAdapter(output_type).validate_python(value)
    except (pydantic.ValidationError, pydantic.PydanticSchemaGenerationError, TypeError):
        return value


def result_from_json(data: dict[str, Any], agent: Agent[Any] | None = None) -> RunResult:
    """Rebuild a result; agents are found by name from ``agent`` (placeholders otherwise)."""
    from .._agents.guardrails import (
        GuardrailFunctionOutput,
        InputGuardrail,
        InputGuardrailResult,
        OutputGuardrail,
        OutputGuardrailResult,
    )
    from .._tools.tool_guardrails import (
        ToolGuardrailFunctionOutput,
        ToolInputGuardrail,
        ToolInputGuardrailResult,
        ToolOutputGuardrail,
        ToolOutputGuardrailResult,
    )
    from .results import RunResult

    if not isinstance(data, dict) or data.get("kind") != _KIND:
        raise UserError("This JSON is not a saved run result (its 'kind' is missing or wrong).")
    if data.get("schema_version") != SCHEMA_VERSION:
        raise UserError(
            f"Run result schema version {data.get('schema_version')!r} is not supported "
            f"(this library reads version {SCHEMA_VERSION})."
        )
    try:
        saved = _SavedResult.model_validate(data)
        agents = _agents(saved, agent)
        items = [item_from_json(item, agents) for item in saved.new_items]
        interruptions = [item_from_json(item, agents) for item in saved.interruptions]
        responses = [ModelResponse.from_json_dict(r) for r in saved.raw_responses]
    except (pydantic.ValidationError, KeyError, TypeError, ValueError) as exc:
        raise UserError(f"The saved run result is malformed: {exc}") from exc
    if not all(isinstance(item, ToolApprovalItem) for item in interruptions):
        raise UserError("The saved run result lists something other than tool approvals.")
    last_agent = agents[saved.last_agent]

    def verdict(entry: dict[str, Any]) -> GuardrailFunctionOutput:
        return GuardrailFunctionOutput(entry["output_info"], bool(entry["tripwire_triggered"]))

    def tool_verdict(entry: dict[str, Any]) -> ToolGuardrailFunctionOutput:
        return ToolGuardrailFunctionOutput(entry["output_info"], entry["behavior"])

    return RunResult(
        input=saved.input,
        new_items=items,
        raw_responses=responses,
        final_output=_final_output(saved.final_output, last_agent),
        context_wrapper=RunContextWrapper(None, usage=Usage.from_json_dict(saved.usage)),
        _last_agent=last_agent,
        input_guardrail_results=[
            InputGuardrailResult(InputGuardrail(_saved_guardrail, name=e["name"]), verdict(e))
            for e in saved.input_guardrail_results
        ],
        output_guardrail_results=[
            OutputGuardrailResult(
                OutputGuardrail(_saved_guardrail, name=e["name"]),
                saved.final_output,
                agents.get(e["agent"], last_agent),
                verdict(e),
            )
            for e in saved.output_guardrail_results
        ],
        tool_input_guardrail_results=[
            ToolInputGuardrailResult(
                ToolInputGuardrail(_saved_guardrail, name=e["name"]), tool_verdict(e)
            )
            for e in saved.tool_input_guardrail_results
        ],
        tool_output_guardrail_results=[
            ToolOutputGuardrailResult(
                ToolOutputGuardrail(_saved_guardrail, name=e["name"]), tool_verdict(e)
            )
            for e in saved.tool_output_guardrail_results
        ],
        interruptions=interruptions,
    )
