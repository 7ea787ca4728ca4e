"""Token and request accounting for a run."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = (
    "InputTokensDetails",
    "OutputTokensDetails",
    "RequestUsage",
    "Usage",
    "deserialize_usage",
    "serialize_usage",
)


@dataclass(slots=True)
class InputTokensDetails:
    """Breakdown of input tokens: how many were served from the prompt cache."""

    cached_tokens: int = 0


@dataclass(slots=True)
class OutputTokensDetails:
    """Breakdown of output tokens: how many were spent on reasoning."""

    reasoning_tokens: int = 0


@dataclass(slots=True)
class RequestUsage:
    """The tokens of one model request (``Usage.request_usage_entries``)."""

    input_tokens: int
    output_tokens: int
    total_tokens: int
    input_tokens_details: InputTokensDetails = field(default_factory=InputTokensDetails)
    output_tokens_details: OutputTokensDetails = field(default_factory=OutputTokensDetails)

    def to_json_dict(self) -> dict[str, Any]:
        """Plain JSON (the shape ``Usage.from_json_dict`` reads back)."""
        return {
            "input_tokens": self.input_tokens,
            "input_tokens_details": {"cached_tokens": self.input_tokens_details.cached_tokens},
            "output_tokens": self.output_tokens,
            "output_tokens_details": {
                "reasoning_tokens": self.output_tokens_details.reasoning_tokens
            },
            "total_tokens": self.total_tokens,
        }


@dataclass(slots=True)
class Usage:
    """Requests and tokens used, summed over every model call of a run (and nested runs)."""

    requests: int = 0
    input_tokens: int = 0
    input_tokens_details: InputTokensDetails = field(default_factory=InputTokensDetails)
    output_tokens: int = 0
    output_tokens_details: OutputTokensDetails = field(default_factory=OutputTokensDetails)
    total_tokens: int = 0
    request_usage_entries: list[RequestUsage] = field(default_factory=list)
    """One entry per model request added in (what each call cost, for per-call accounting)."""

    def add(self, other: Usage) -> None:
        """Add another usage figure into this one, in place (its requests' entries too)."""
        self.requests += other.requests
        self.input_tokens += other.input_tokens
        self.output_tokens += other.output_tokens
        self.total_tokens += other.total_tokens
        self.input_tokens_details.cached_tokens += other.input_tokens_details.cached_tokens
        self.output_tokens_details.reasoning_tokens += other.output_tokens_details.reasoning_tokens
        if other.request_usage_entries:
            self.request_usage_entries.extend(
                dataclasses.replace(
                    entry,
                    input_tokens_details=InputTokensDetails(
                        entry.input_tokens_details.cached_tokens
                    ),
                    output_tokens_details=OutputTokensDetails(
                        entry.output_tokens_details.reasoning_tokens
                    ),
                )
                for entry in other.request_usage_entries
            )
        elif other.requests == 1 and (
            other.input_tokens or other.output_tokens or other.total_tokens
        ):
            self.request_usage_entries.append(
                RequestUsage(
                    input_tokens=other.input_tokens,
                    output_tokens=other.output_tokens,
                    total_tokens=other.total_tokens,
                    input_tokens_details=InputTokensDetails(
                        other.input_tokens_details.cached_tokens
                    ),
                    output_tokens_details=OutputTokensDetails(
                        other.output_tokens_details.reasoning_tokens
                    ),
                )
            )

    def to_json_dict(self) -> dict[str, Any]:
        """Return a plain-JSON form of this usage (the shape ``from_json_dict`` reads)."""
        data = {
            "requests": self.requests,
            "input_tokens": self.input_tokens,
            "input_tokens_details": {"cached_tokens": self.input_tokens_details.cached_tokens},
            "output_tokens": self.output_tokens,
            "output_tokens_details": {
                "reasoning_tokens": self.output_tokens_details.reasoning_tokens
            },
            "total_tokens": self.total_tokens,
        }
        if self.request_usage_entries:
            data["request_usage_entries"] = [e.to_json_dict() for e in self.request_usage_entries]
        return data

    @classmethod
    def from_json_dict(cls, data: dict[str, Any]) -> Usage:
        """Build a usage from its plain-JSON form (missing figures count as zero)."""
        return cls(
            requests=int(data.get("requests", 0)),
            input_tokens=int(data.get("input_tokens", 0)),
            input_tokens_details=InputTokensDetails(
                _detail(data.get("input_tokens_details"), "cached_tokens")
            ),
            output_tokens=int(data.get("output_tokens", 0)),
            output_tokens_details=OutputTokensDetails(
                _detail(data.get("output_tokens_details"), "reasoning_tokens")
            ),
            total_tokens=int(data.get("total_tokens", 0)),
            request_usage_entries=[
                _request_usage(entry) for entry in data.get("request_usage_entries") or ()
            ],
        )


def _request_usage(data: dict[str, Any]) -> RequestUsage:
    return RequestUsage(
        input_tokens=int(data.get("input_tokens", 0)),
        output_tokens=int(data.get("output_tokens", 0)),
        total_tokens=int(data.get("total_tokens", 0)),
        input_tokens_details=InputTokensDetails(
            _detail(data.get("input_tokens_details"), "cached_tokens")
        ),
        output_tokens_details=OutputTokensDetails(
            _detail(data.get("output_tokens_details"), "reasoning_tokens")
        ),
    )


def _detail(details: Any, name: str) -> int:
    """One count of a details object: a mapping, or a list holding one (the layout the official
    SDK writes), or missing (zero)."""
    if isinstance(details, list):
        details = details[0] if details else None
    if not isinstance(details, dict):
        return 0
    return int(details.get(name) or 0)


def _details_json(usage: Usage | RequestUsage) -> tuple[dict[str, int], dict[str, int]]:
    return (
        {"cache_write_tokens": 0, "cached_tokens": usage.input_tokens_details.cached_tokens},
        {"reasoning_tokens": usage.output_tokens_details.reasoning_tokens},
    )


def serialize_usage(usage: Usage) -> dict[str, Any]:
    """``usage`` as JSON in the layout OpenAI's Agents SDK writes in its run states (the run's
    token details as one-element lists); ``deserialize_usage`` reads it back."""
    input_details, output_details = _details_json(usage)
    entries = []
    for entry in usage.request_usage_entries:
        entry_input, entry_output = _details_json(entry)
        entries.append(
            {
                "input_tokens": entry.input_tokens,
                "output_tokens": entry.output_tokens,
                "total_tokens": entry.total_tokens,
                "input_tokens_details": entry_input,
                "output_tokens_details": entry_output,
            }
        )
    return {
        "requests": usage.requests,
        "input_tokens": usage.input_tokens,
        "input_tokens_details": [input_details],
        "output_tokens": usage.output_tokens,
        "output_tokens_details": [output_details],
        "total_tokens": usage.total_tokens,
        "request_usage_entries": entries,
    }


def deserialize_usage(usage_data: Mapping[str, Any]) -> Usage:
    """A ``Usage`` from ``serialize_usage``'s JSON or ``Usage.to_json_dict``'s."""
    return Usage.from_json_dict(dict(usage_data))
