"""The canonical item shapes (OpenAI Responses items) and the run items built from them.

Raw model output items are pydantic models, validated once where they enter (a provider's
response, a recording, a session row) and trusted inside the runtime. Input items are plain JSON
dictionaries in the Responses input format, so ``RunResult.to_input_list()`` can be sent straight
back as the next input. Unknown item types (hosted tools, newer API additions) are kept whole as
``ResponseOtherItem`` rather than rejected or lost.
"""

from __future__ import annotations

import abc
import functools
import json
import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, Generic, Literal, TypeAlias, TypeVar

import pydantic
from pydantic import BaseModel, ConfigDict, Discriminator, Tag

from .._base.usage import Usage

if TYPE_CHECKING:
    from pydantic import TypeAdapter

    from .._agents.agent import Agent

__all__ = (
    "HandoffCallItem",
    "HandoffOutputItem",
    "ItemHelpers",
    "MCPApprovalRequestItem",
    "MCPApprovalResponseItem",
    "MCPListToolsItem",
    "MessageOutputItem",
    "ModelResponse",
    "ReasoningItem",
    "ReasoningSummary",
    "ResponseFunctionToolCall",
    "ResponseOtherItem",
    "ResponseOutputMessage",
    "ResponseOutputRefusal",
    "ResponseOutputText",
    "ResponseReasoningItem",
    "RunItem",
    "RunItemBase",
    "T",
    "TResponseInputItem",
    "TResponseOutputItem",
    "ToolApprovalItem",
    "ToolCallItem",
    "ToolCallOutputItem",
    "local_call_output_item",
    "output_item_adapter",
    "output_items_adapter",
)

TResponseInputItem: TypeAlias = dict[str, Any]
"""One item of model input, in the Responses API input format (a plain JSON object)."""


class _WireModel(BaseModel):
    # Fields the API adds later must survive a round trip, so extras are kept, not dropped.
    # Validators are built on first use rather than at import, which keeps imports cheap.
    model_config = ConfigDict(extra="allow", populate_by_name=True, defer_build=True)

    def to_input_item(self) -> TResponseInputItem:
        """This item as a Responses input item (plain JSON), ready to send back to a model."""
        # Defaults (the "type" tag above all) must be sent; absent optional fields must not.
        return self.model_dump(mode="json", exclude_none=True, by_alias=True)


class ResponseOutputText(_WireModel):
    """A text part of an assistant message."""

    type: Literal["output_text"] = "output_text"
    text: str
    annotations: list[dict[str, Any]] = pydantic.Field(default_factory=list)
    logprobs: list[dict[str, Any]] = pydantic.Field(default_factory=list)


class ResponseOutputRefusal(_WireModel):
    """A refusal part of an assistant message."""

    type: Literal["refusal"] = "refusal"
    refusal: str


_MessageContent = Annotated[
    ResponseOutputText | ResponseOutputRefusal, pydantic.Field(discriminator="type")
]


class ResponseOutputMessage(_WireModel):
    """An assistant message produced by the model."""

    type: Literal["message"] = "message"
    id: str
    role: Literal["assistant"] = "assistant"
    status: Literal["in_progress", "completed", "incomplete"] = "completed"
    content: list[_MessageContent]


class ResponseFunctionToolCall(_WireModel):
    """The model asking for a function tool to be called."""

    type: Literal["function_call"] = "function_call"
    id: str | None = None
    call_id: str
    name: str
    arguments: str
    status: Literal["in_progress", "completed", "incomplete"] | None = None


class ReasoningSummary(_WireModel):
    """One summary part of a reasoning item."""

    type: Literal["summary_text"] = "summary_text"
    text: str


class ResponseReasoningItem(_WireModel):
    """The model's reasoning (summaries, and encrypted content when requested)."""

    type: Literal["reasoning"] = "reasoning"
    id: str
    summary: list[ReasoningSummary] = pydantic.Field(default_factory=list)
    content: list[dict[str, Any]] | None = None
    encrypted_content: str | None = None
    status: Literal["in_progress", "completed", "incomplete"] | None = None


class ResponseOtherItem(_WireModel):
    """An output item of a type this package has no model for; every field is kept as given."""

    type: str

    def to_input_item(self) -> TResponseInputItem:
        """The item exactly as it arrived, nulls included."""
        return self.model_dump(mode="json", by_alias=True, exclude_unset=True)


_KNOWN_OUTPUT_TYPES = frozenset({"message", "function_call", "reasoning"})


def _output_item_tag(value: Any) -> str:
    kind = value.get("type") if isinstance(value, dict) else getattr(value, "type", None)
    return kind if kind in _KNOWN_OUTPUT_TYPES else "other"


TResponseOutputItem: TypeAlias = Annotated[
    Annotated[ResponseOutputMessage, Tag("message")]
    | Annotated[ResponseFunctionToolCall, Tag("function_call")]
    | Annotated[ResponseReasoningItem, Tag("reasoning")]
    | Annotated[ResponseOtherItem, Tag("other")],
    Discriminator(_output_item_tag),
]
"""One item of model output, in the Responses API output format."""


def output_item_adapter() -> TypeAdapter[TResponseOutputItem]:
    """The validator of one output item from JSON data (built on first use).

    While the ``openai`` package is in use, items are also instances of its classes (see
    ``agents_core.openai_types``).
    """
    from .openai_types import wire_output_item_adapter

    return wire_output_item_adapter()


def output_items_adapter() -> TypeAdapter[list[TResponseOutputItem]]:
    """The validator of a list of output items from JSON data (built on first use)."""
    from .openai_types import wire_output_items_adapter

    return wire_output_items_adapter()


@functools.cache
def _plain_output_item_adapter() -> TypeAdapter[TResponseOutputItem]:
    from pydantic import TypeAdapter

    return TypeAdapter(TResponseOutputItem)


@functools.cache
def _plain_output_items_adapter() -> TypeAdapter[list[TResponseOutputItem]]:
    from pydantic import TypeAdapter

    return TypeAdapter(list[TResponseOutputItem])


# --------------------------------------------------------------------------------------------
# Run items: what a run produced, each tied to the agent that produced it.

T = TypeVar("T")


@dataclass(eq=False)
class RunItemBase(Generic[T], abc.ABC):
    """What every run item has: the agent that produced it and the raw item.

    ``release_agent()`` drops the item's strong reference to the agent (``agent`` then reads it
    through a weak reference, None once the agent is gone), so long-lived results do not keep
    agent graphs alive.
    """

    agent: Agent[Any]
    raw_item: T

    def release_agent(self) -> None:
        """Keep only a weak reference to ``agent``."""
        agent = self.__dict__.pop("agent", None)
        if agent is not None:
            self.__dict__["_agent_ref"] = weakref.ref(agent)

    if not TYPE_CHECKING:  # (type checkers keep seeing the declared attributes only)

        def __getattr__(self, name: str) -> Any:
            # Reached only for attributes not set: ``agent`` after release_agent().
            if name == "agent":
                ref = self.__dict__.get("_agent_ref")
                return ref() if ref is not None else None
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def to_input_item(self) -> TResponseInputItem:
        """The item as a Responses input item."""
        raw: Any = self.raw_item
        return raw.to_input_item() if isinstance(raw, _WireModel) else dict(raw)


@dataclass(eq=False)
class MessageOutputItem(RunItemBase[ResponseOutputMessage]):
    """An assistant message the model produced."""

    raw_item: ResponseOutputMessage
    type: Literal["message_output_item"] = "message_output_item"


def _call_id(raw: Any) -> str | None:
    value = raw.get("call_id") if isinstance(raw, dict) else getattr(raw, "call_id", None)
    return value if isinstance(value, str) else None


@dataclass(eq=False)
class ToolCallItem(RunItemBase[Any]):
    """A tool call the model asked for."""

    raw_item: ResponseFunctionToolCall | ResponseOtherItem
    type: Literal["tool_call_item"] = "tool_call_item"
    description: str | None = None
    title: str | None = None
    """A short label for the call, if one is known."""
    tool_origin: Any = None
    """Where the tool came from, if known (reserved; not recorded by this library yet)."""

    @property
    def call_id(self) -> str | None:
        """The call's id (None for provider-run calls that have none)."""
        return _call_id(self.raw_item)

    @property
    def tool_name(self) -> str | None:
        """The name of the tool called, when the call carries one."""
        name = getattr(self.raw_item, "name", None)
        return name if isinstance(name, str) else None


@dataclass(eq=False)
class ToolCallOutputItem(RunItemBase[Any]):
    """A tool call's output: ``output`` is what the tool returned, ``raw_item`` its wire form."""

    raw_item: TResponseInputItem
    output: Any
    type: Literal["tool_call_output_item"] = "tool_call_output_item"
    custom_data: Any = None
    """Data of your own about the output (reserved; not set by this library yet)."""
    tool_origin: Any = None
    """Where the tool came from, if known (reserved; not recorded by this library yet)."""

    @property
    def call_id(self) -> str | None:
        """The id of the call this answers."""
        return _call_id(self.raw_item)


@dataclass(eq=False)
class ReasoningItem(RunItemBase[ResponseReasoningItem]):
    """A reasoning item the model produced."""

    raw_item: ResponseReasoningItem
    type: Literal["reasoning_item"] = "reasoning_item"


@dataclass(eq=False)
class HandoffCallItem(RunItemBase[ResponseFunctionToolCall]):
    """The model asking to hand the conversation to another agent (a ``transfer_to_...`` call)."""

    raw_item: ResponseFunctionToolCall
    type: Literal["handoff_call_item"] = "handoff_call_item"


@dataclass(eq=False)
class HandoffOutputItem(RunItemBase[TResponseInputItem]):
    """A completed handoff: ``source_agent`` handed the conversation to ``target_agent``."""

    raw_item: TResponseInputItem
    source_agent: Agent[Any]
    target_agent: Agent[Any]
    type: Literal["handoff_output_item"] = "handoff_output_item"


@dataclass(eq=False)
class MCPListToolsItem(RunItemBase[ResponseOtherItem]):
    """A remote MCP server's list of tools, as the provider reported it (hosted MCP)."""

    raw_item: ResponseOtherItem
    type: Literal["mcp_list_tools_item"] = "mcp_list_tools_item"


@dataclass(eq=False)
class MCPApprovalRequestItem(RunItemBase[ResponseOtherItem]):
    """A remote MCP server asking to run a tool (hosted MCP with ``require_approval``)."""

    raw_item: ResponseOtherItem
    type: Literal["mcp_approval_request_item"] = "mcp_approval_request_item"


@dataclass(eq=False)
class MCPApprovalResponseItem(RunItemBase[TResponseInputItem]):
    """The answer to a remote MCP server's approval request (``mcp_approval_response``)."""

    raw_item: TResponseInputItem
    type: Literal["mcp_approval_response_item"] = "mcp_approval_response_item"


@dataclass(eq=False)
class ToolApprovalItem(RunItemBase[Any]):
    """A tool call waiting for a person to approve or reject it (``RunResult.interruptions``)."""

    raw_item: ResponseFunctionToolCall | ResponseOtherItem
    tool_name: str | None = None
    type: Literal["tool_approval_item"] = "tool_approval_item"

    @property
    def call_id(self) -> str:
        """The id of the call awaiting a decision."""
        return str(getattr(self.raw_item, "call_id", None) or getattr(self.raw_item, "id", ""))

    @property
    def name(self) -> str | None:
        """The name of the tool the call is for."""
        if self.tool_name:
            return self.tool_name
        name = getattr(self.raw_item, "name", None) or getattr(self.raw_item, "tool_name", None)
        return str(name) if name is not None else None

    @property
    def qualified_name(self) -> str | None:
        """The tool's name for display (tools here have no namespaces: the same as ``name``)."""
        return self.name

    @property
    def arguments(self) -> str | None:
        """The call's arguments, as the JSON text the model sent (None when it has none)."""
        raw = self.raw_item
        value = getattr(raw, "arguments", None)
        if value is None:
            value = getattr(raw, "params", None) or getattr(raw, "input", None)
        if value is None or isinstance(value, str):
            return value
        try:
            return json.dumps(value)
        except (TypeError, ValueError):
            return str(value)

    def to_input_item(self) -> TResponseInputItem:
        """Never model input: an approval request is decided, not sent (raises ``UserError``)."""
        from ..exceptions import UserError

        raise UserError(
            "A ToolApprovalItem is not model input: decide it with RunState.approve / reject "
            "and resume the run."
        )


def local_call_output_item(agent: Agent[Any], raw_item: TResponseInputItem, output: Any) -> RunItem:
    """The run item for a local tool's answer: an ``MCPApprovalResponseItem`` for an answer to
    a hosted MCP approval request, else a ``ToolCallOutputItem``."""
    if raw_item.get("type") == "mcp_approval_response":
        return MCPApprovalResponseItem(agent=agent, raw_item=raw_item)
    return ToolCallOutputItem(agent=agent, raw_item=raw_item, output=output)


RunItem: TypeAlias = (
    MessageOutputItem
    | ToolCallItem
    | ToolCallOutputItem
    | ReasoningItem
    | HandoffCallItem
    | HandoffOutputItem
    | MCPListToolsItem
    | MCPApprovalRequestItem
    | MCPApprovalResponseItem
)
"""Any item a run produces."""


@dataclass(eq=False)
class ModelResponse:
    """What one model call returned: its output items, usage and response id."""

    output: list[TResponseOutputItem]
    usage: Usage
    response_id: str | None
    request_id: str | None = None
    raw_usage: dict[str, Any] | None = field(default=None, repr=False)

    def to_input_items(self) -> list[TResponseInputItem]:
        """The output items as input items, for the next model call."""
        return [item.to_input_item() for item in self.output]

    def to_json_dict(self) -> dict[str, Any]:
        """A plain-JSON form of this response (read back by ``from_json_dict``)."""
        return {
            "output": [item.to_input_item() for item in self.output],
            "usage": self.usage.to_json_dict(),
            "response_id": self.response_id,
            "request_id": self.request_id,
        }

    @classmethod
    def from_json_dict(cls, data: dict[str, Any]) -> ModelResponse:
        """Build a response from its plain-JSON form, validating every output item."""
        return cls(
            output=output_items_adapter().validate_python(data.get("output", [])),
            usage=Usage.from_json_dict(data.get("usage") or {}),
            response_id=data.get("response_id"),
            request_id=data.get("request_id"),
        )


class ItemHelpers:
    """Helpers for reading text out of items and building input lists."""

    @classmethod
    def extract_last_content(cls, message: TResponseOutputItem) -> str:
        """The last content part of an assistant message: its text, or its refusal text."""
        if not isinstance(message, ResponseOutputMessage) or not message.content:
            return ""
        last = message.content[-1]
        if isinstance(last, ResponseOutputText):
            return last.text
        return last.refusal

    @classmethod
    def extract_last_text(cls, message: TResponseOutputItem) -> str | None:
        """The text of the last content part of an assistant message, if it is text."""
        if not isinstance(message, ResponseOutputMessage) or not message.content:
            return None
        last = message.content[-1]
        return last.text if isinstance(last, ResponseOutputText) else None

    @classmethod
    def extract_text(cls, message: TResponseOutputItem) -> str | None:
        """All text parts of an assistant message joined together, or None if it has none."""
        if not isinstance(message, ResponseOutputMessage):
            return None
        texts = [part.text for part in message.content if isinstance(part, ResponseOutputText)]
        return "".join(texts) if texts else None

    @classmethod
    def extract_refusal(cls, message: TResponseOutputItem) -> str | None:
        """The refusal text of an assistant message, if it refused."""
        if not isinstance(message, ResponseOutputMessage):
            return None
        refusals = [p.refusal for p in message.content if isinstance(p, ResponseOutputRefusal)]
        return "".join(refusals) if refusals else None

    @classmethod
    def input_to_new_input_list(
        cls, input: str | list[TResponseInputItem]
    ) -> list[TResponseInputItem]:
        """Turn run input into a fresh list of input items (a string becomes one user message)."""
        if isinstance(input, str):
            return [{"role": "user", "content": input}]
        return [dict(item) for item in input]

    @classmethod
    def text_message_output(cls, message: MessageOutputItem) -> str:
        """All the text of a message output item."""
        return cls.extract_text(message.raw_item) or ""

    @classmethod
    def text_message_outputs(cls, items: list[RunItem]) -> str:
        """The text of every message output item in ``items``, concatenated."""
        return "".join(
            cls.text_message_output(item) for item in items if isinstance(item, MessageOutputItem)
        )

    @classmethod
    def tool_call_output_item(
        cls, tool_call: ResponseFunctionToolCall, output: Any
    ) -> TResponseInputItem:
        """The ``function_call_output`` input item answering ``tool_call`` with ``output``."""
        if not isinstance(output, str) and not is_content_parts(output):
            from .tool_outputs import structured_tool_output

            output = structured_tool_output(output) or stringify_tool_output(output)
        return {"type": "function_call_output", "call_id": tool_call.call_id, "output": output}


_CONTENT_PART_TYPES = frozenset({"input_text", "input_image", "input_file"})


def is_content_parts(output: Any) -> bool:
    """Whether a tool's output is a list of Responses content parts (text, images, files).

    Such output is sent to the model as it is, so it can see images a tool returns.
    """
    return (
        isinstance(output, list)
        and bool(output)
        and all(
            isinstance(part, dict) and part.get("type") in _CONTENT_PART_TYPES for part in output
        )
    )


def stringify_tool_output(output: Any) -> str:
    """The text form of a tool's return value, as the model will read it."""
    if isinstance(output, str):
        return output
    if isinstance(output, BaseModel):
        return output.model_dump_json()
    if isinstance(output, dict | list | tuple):
        # Containers go to the model as JSON, which it reads far more reliably than a Python repr.
        try:
            return json.dumps(output, ensure_ascii=False, default=str)
        except (TypeError, ValueError):
            return str(output)
    return str(output)


def completed_model_response(response: Any) -> ModelResponse:
    """The ``ModelResponse`` of a streamed reply, from its ``response.completed`` event's
    response (its output, usage and id)."""
    usage = response.usage.to_usage() if response.usage is not None else None
    return ModelResponse(
        output=list(response.output),
        usage=usage if usage is not None else Usage(requests=1),
        response_id=response.id,
    )
