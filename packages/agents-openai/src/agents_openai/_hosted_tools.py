"""Tools OpenAI runs on its side: web search, file search, code interpreter, image generation,
and remote MCP servers (whose approval requests are answered here)."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Literal, NotRequired, Required, TypeAlias, TypedDict

from agents_core import HostedTool, LocalCallTool, RunContextWrapper, ToolContext
from agents_core.exceptions import UserError

from ._params import ParamObject, param_mapping

__all__ = (
    "CodeInterpreterTool",
    "FileSearchTool",
    "HostedMCPTool",
    "ImageGenerationTool",
    "ImageGenerationToolConfig",
    "MCPToolApprovalFunction",
    "MCPToolApprovalFunctionResult",
    "MCPToolApprovalRequest",
    "WebSearchTool",
    "WebSearchToolImageSettings",
)


class WebSearchToolImageSettings(TypedDict, total=False):
    """How image results of ``WebSearchTool`` come back (with ``"image"`` among
    ``search_content_types``)."""

    max_results: int
    """How many image results to return."""
    caption: bool
    """Whether each image comes with a short caption when one is available."""


class ImageGenerationToolConfig(TypedDict, total=False):
    """The Responses API's ``image_generation`` tool settings (``ImageGenerationTool``)."""

    type: Required[Literal["image_generation"]]
    action: Literal["generate", "edit", "auto"]
    background: Literal["transparent", "opaque", "auto"]
    input_fidelity: Literal["high", "low"] | None
    input_image_mask: dict[str, str]
    """An image to edit within: ``{"image_url": ...}`` or ``{"file_id": ...}``."""
    model: str
    moderation: Literal["auto", "low"]
    output_compression: int
    output_format: Literal["png", "webp", "jpeg"]
    partial_images: int
    quality: Literal["low", "medium", "high", "xhigh", "max", "auto"]
    size: str


def _without_none(fields: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if value is not None}


@dataclass
class WebSearchTool(HostedTool):
    """Lets the model search the web (Responses API only).

    ``user_location`` (``{"type": "approximate", "country": "NO", "city": "Oslo", ...}``) biases
    results; ``filters`` (``{"allowed_domains": [...]}``) restricts them. Both take dicts or
    the ``openai`` package's objects. ``external_web_access=False`` asks for cached results only;
    ``search_content_types`` (``["text", "image"]``) and ``image_settings`` (``{"max_results":
    ..., "caption": ...}``) choose what comes back.
    """

    user_location: ParamObject | None = None
    filters: ParamObject | None = None
    search_context_size: Literal["low", "medium", "high"] = "medium"
    external_web_access: bool | None = None
    search_content_types: list[Literal["text", "image"]] | None = None
    image_settings: WebSearchToolImageSettings | ParamObject | None = None

    @property
    def name(self) -> str:
        return "web_search"

    def to_json_dict(self) -> dict[str, Any]:
        return _without_none(
            {
                "type": "web_search",
                "user_location": param_mapping(self.user_location, "user_location"),
                "filters": param_mapping(self.filters, "filters"),
                "search_context_size": self.search_context_size,
                "external_web_access": self.external_web_access,
                "search_content_types": self.search_content_types,
                "image_settings": param_mapping(self.image_settings, "image_settings"),
            }
        )


@dataclass
class FileSearchTool(HostedTool):
    """Lets the model search your vector stores (Responses API only).

    With ``include_search_results=True`` the matched chunks come back in the
    ``file_search_call`` items (``include=["file_search_call.results"]``). ``ranking_options``
    and ``filters`` take dicts or the ``openai`` package's objects.
    """

    vector_store_ids: list[str]
    max_num_results: int | None = None
    include_search_results: bool = False
    ranking_options: ParamObject | None = None
    filters: ParamObject | None = None

    @property
    def name(self) -> str:
        return "file_search"

    @property
    def includes(self) -> tuple[str, ...]:
        """What the request must ``include`` for this tool's settings."""
        return ("file_search_call.results",) if self.include_search_results else ()

    def to_json_dict(self) -> dict[str, Any]:
        return _without_none(
            {
                "type": "file_search",
                "vector_store_ids": list(self.vector_store_ids),
                "max_num_results": self.max_num_results,
                "ranking_options": param_mapping(self.ranking_options, "ranking_options"),
                "filters": param_mapping(self.filters, "filters"),
            }
        )


def _tool_config(value: Any, tool: str) -> dict[str, Any]:
    config = param_mapping(value, f"{tool}(tool_config=...)")
    if config is None:
        raise UserError(f"{tool} needs a tool_config.")
    return config


@dataclass
class CodeInterpreterTool(HostedTool):
    """Lets the model run Python in a sandbox on OpenAI's side.

    ``tool_config`` is the tool as the API takes it, for example
    ``{"type": "code_interpreter", "container": {"type": "auto"}}`` (or ``openai``'s
    ``CodeInterpreter`` param); it is kept as a dict.
    """

    tool_config: dict[str, Any]

    def __post_init__(self) -> None:
        self.tool_config = _tool_config(self.tool_config, "CodeInterpreterTool")

    @property
    def name(self) -> str:
        return "code_interpreter"

    def to_json_dict(self) -> dict[str, Any]:
        return {**self.tool_config, "type": "code_interpreter"}


@dataclass
class ImageGenerationTool(HostedTool):
    """Lets the model generate images; ``tool_config`` is the API's ``image_generation`` tool
    (``{"type": "image_generation", "quality": "low", ...}``, or ``openai``'s
    ``ImageGeneration`` param), kept as a dict."""

    tool_config: ImageGenerationToolConfig | dict[str, Any]

    def __post_init__(self) -> None:
        self.tool_config = _tool_config(self.tool_config, "ImageGenerationTool")

    @property
    def name(self) -> str:
        return "image_generation"

    def to_json_dict(self) -> dict[str, Any]:
        return {**self.tool_config, "type": "image_generation"}


@dataclass
class MCPToolApprovalRequest:
    """A remote MCP server's request to run a tool: ``data`` is the ``mcp_approval_request``
    item (``data.server_label``, ``data.name``, ``data.arguments``)."""

    ctx_wrapper: RunContextWrapper[Any]
    data: Any


class MCPToolApprovalFunctionResult(TypedDict):
    """The answer to an approval request: ``approve``, and optionally the ``reason`` for a no."""

    approve: bool
    reason: NotRequired[str]


MCPToolApprovalFunction: TypeAlias = Callable[
    [MCPToolApprovalRequest],
    "MCPToolApprovalFunctionResult | Awaitable[MCPToolApprovalFunctionResult]",
]
"""Decides an approval request, sync or async."""


def _approval_response(call: Any, approved: bool, reason: str | None) -> dict[str, Any]:
    answer: dict[str, Any] = {
        "type": "mcp_approval_response",
        "approval_request_id": call.id,
        "approve": approved,
    }
    if not approved and reason:
        answer["reason"] = reason
    return answer


@dataclass
class HostedMCPTool(LocalCallTool):
    """Lets the model use the tools of a remote MCP server, called by OpenAI on your behalf.

    ``tool_config`` is the API's ``mcp`` tool (``{"type": "mcp", "server_label": ...,
    "server_url": ..., "require_approval": ...}``). When the server asks for approval before a
    call, ``on_approval_request`` answers it and the run goes on. Without it, the run stops
    with a ``UserError`` naming the request (pausing a run for a human's decision is not
    available yet); the request is in the error's ``run_data.new_items``.
    """

    tool_config: dict[str, Any]
    on_approval_request: MCPToolApprovalFunction | None = None

    def __post_init__(self) -> None:
        self.tool_config = _tool_config(self.tool_config, "HostedMCPTool")

    @property
    def name(self) -> str:
        return "hosted_mcp"

    @property
    def call_item_type(self) -> str:
        return "mcp_approval_request"

    def to_json_dict(self) -> dict[str, Any]:
        return {**self.tool_config, "type": "mcp"}

    def handles(self, call: Any) -> bool:
        """Whether the approval request comes from this tool's server (by its label)."""
        label = self.tool_config.get("server_label")
        return label is None or getattr(call, "server_label", None) == label

    def approval_required(self, call: Any) -> bool:
        """Without ``on_approval_request``, a person decides: the run pauses (``interruptions``)."""
        return self.on_approval_request is None

    async def answer_approval(
        self, context: ToolContext[Any], call: Any, approved: bool, message: str | None
    ) -> dict[str, Any]:
        """The ``mcp_approval_response`` for a person's decision (``RunState.approve`` / reject)."""
        return _approval_response(call, approved, message)

    async def run_call(self, context: ToolContext[Any], call: Any) -> dict[str, Any]:
        """Answer one ``mcp_approval_request`` with ``on_approval_request``'s decision."""
        if self.on_approval_request is None:  # pragma: no cover - such calls pause the run instead
            raise UserError("This MCP approval request needs a person's decision.")
        decision = self.on_approval_request(MCPToolApprovalRequest(context, call))
        if inspect.isawaitable(decision):
            decision = await decision
        return _approval_response(call, bool(decision["approve"]), decision.get("reason"))
