"""Usage: per-request entries, adding up, and both JSON layouts."""

from __future__ import annotations

import json

from agents_core import Agent, Runner, Usage, function_tool
from agents_core.testing import ModelStep, ScriptedModel, assistant_message, function_call
from agents_core.usage import (
    InputTokensDetails,
    OutputTokensDetails,
    RequestUsage,
    deserialize_usage,
    serialize_usage,
)

# What openai-agents 0.24's serialize_usage writes for the usage built in _usage() (its
# "cache_write_tokens_details": null left out: this library does not count cache writes).
OFFICIAL_JSON = """{"requests": 2, "input_tokens": 10, "input_tokens_details": [
{"cache_write_tokens": 0, "cached_tokens": 3}], "output_tokens": 5,
"output_tokens_details": [{"reasoning_tokens": 2}],
"total_tokens": 15, "request_usage_entries": [{"input_tokens": 10, "output_tokens": 5,
"total_tokens": 15, "input_tokens_details": {"cache_write_tokens": 0, "cached_tokens": 3},
"output_tokens_details": {"reasoning_tokens": 2}}]}"""


def _usage() -> Usage:
    usage = Usage(
        requests=2,
        input_tokens=10,
        output_tokens=5,
        total_tokens=15,
        input_tokens_details=InputTokensDetails(cached_tokens=3),
        output_tokens_details=OutputTokensDetails(reasoning_tokens=2),
    )
    usage.request_usage_entries.append(
        RequestUsage(
            input_tokens=10,
            output_tokens=5,
            total_tokens=15,
            input_tokens_details=InputTokensDetails(cached_tokens=3),
            output_tokens_details=OutputTokensDetails(reasoning_tokens=2),
        )
    )
    return usage


def test_serialize_usage_writes_the_official_layout() -> None:
    assert serialize_usage(_usage()) == json.loads(OFFICIAL_JSON)


def test_deserialize_usage_reads_both_layouts() -> None:
    assert deserialize_usage(json.loads(OFFICIAL_JSON)) == _usage()
    assert deserialize_usage(_usage().to_json_dict()) == _usage()
    assert deserialize_usage({}) == Usage()


def test_adding_keeps_one_entry_per_request() -> None:
    total = Usage()
    total.add(Usage(requests=1, input_tokens=4, output_tokens=1, total_tokens=5))
    total.add(_usage())
    assert total.requests == 3
    assert [entry.total_tokens for entry in total.request_usage_entries] == [5, 15]
    total.request_usage_entries[1].input_tokens_details.cached_tokens = 99
    assert _usage().request_usage_entries[0].input_tokens_details.cached_tokens == 3


async def test_a_run_sums_its_model_calls() -> None:
    @function_tool
    def ping() -> str:
        return "pong"

    first = Usage(requests=1, input_tokens=7, output_tokens=2, total_tokens=9)
    second = Usage(requests=1, input_tokens=12, output_tokens=3, total_tokens=15)
    model = ScriptedModel(
        [
            ModelStep(output=[function_call("ping", {}, call_id="c")], usage=first),
            ModelStep(output=[assistant_message("done")], usage=second),
        ]
    )
    result = await Runner.run(Agent(name="a", model=model, tools=[ping]), "go")
    usage = result.context_wrapper.usage
    assert (usage.requests, usage.input_tokens, usage.total_tokens) == (2, 19, 24)
    assert [entry.input_tokens for entry in usage.request_usage_entries] == [7, 12]
