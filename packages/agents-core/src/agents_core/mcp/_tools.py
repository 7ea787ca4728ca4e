"""MCP tools as function tools: filtering, strict schemas, approval, and results the model reads."""

from __future__ import annotations

import copy
import inspect
import json
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, NotRequired, TypeAlias, cast

import mcp.types as mcp_types
from typing_extensions import TypedDict

from .._base.run_context import RunContextWrapper, ToolContext
from .._base.strict_schema import ensure_strict_json_schema
from .._tools.mcp_config import MCPConfig
from .._tools.tools import FunctionTool, ToolErrorFunction, default_tool_error_function
from ..exceptions import ModelBehaviorError, UserError

if TYPE_CHECKING:
    from .._agents.agent import Agent, AgentBase
    from ._server import MCPServer

__all__ = (
    "LocalMCPApprovalCallable",
    "RequireApprovalMapping",
    "RequireApprovalObject",
    "RequireApprovalPolicy",
    "RequireApprovalSetting",
    "RequireApprovalToolList",
    "ToolFilter",
    "ToolFilterCallable",
    "ToolFilterContext",
    "ToolFilterStatic",
    "create_static_tool_filter",
    "filter_tools",
    "mcp_tools_for_agent",
    "prompt_instructions",
    "tool_output_from_result",
)


class ToolFilterStatic(TypedDict):
    """Allow only some tools, or block some, by name."""

    allowed_tool_names: NotRequired[list[str]]
    blocked_tool_names: NotRequired[list[str]]


@dataclass
class ToolFilterContext:
    """What a dynamic tool filter sees: the run context, the agent and the server's name."""

    run_context: RunContextWrapper[Any]
    agent: Agent[Any]
    server_name: str


ToolFilterCallable: TypeAlias = Callable[
    [ToolFilterContext, mcp_types.Tool], "bool | Awaitable[bool]"
]
"""Decides, per run, whether the agent may use a tool."""

ToolFilter: TypeAlias = "ToolFilterCallable | ToolFilterStatic | None"

RequireApprovalPolicy: TypeAlias = Literal["always", "never"]
"""Whether a tool's calls wait for a person's approval."""

RequireApprovalMapping: TypeAlias = dict[str, RequireApprovalPolicy]
"""A policy per tool name."""


class RequireApprovalToolList(TypedDict, total=False):
    """The tools a policy of ``RequireApprovalObject`` applies to."""

    tool_names: list[str]


class RequireApprovalObject(TypedDict, total=False):
    """Which tools always need approval and which never do."""

    always: RequireApprovalToolList
    never: RequireApprovalToolList


LocalMCPApprovalCallable: TypeAlias = Callable[
    [RunContextWrapper[Any], Any, mcp_types.Tool], "bool | Awaitable[bool]"
]
"""Decides per call, from the run context, the agent and the MCP tool, whether a person must
approve (sync or async)."""

RequireApprovalSetting: TypeAlias = (
    "RequireApprovalPolicy | RequireApprovalObject | RequireApprovalMapping "
    "| LocalMCPApprovalCallable | bool | None"
)
"""``"always"``, ``"never"``, a mapping of tool names to ``"always"``/``"never"`` (or
``{"always": {"tool_names": [...]}, "never": {...}}``), or a function
``(run_context, agent, tool) -> bool`` (sync or async)."""


def create_static_tool_filter(
    allowed_tool_names: list[str] | None = None, blocked_tool_names: list[str] | None = None
) -> ToolFilterStatic | None:
    """A filter from allow and block lists (None when both are empty)."""
    if not allowed_tool_names and not blocked_tool_names:
        return None
    result = ToolFilterStatic()
    if allowed_tool_names:
        result["allowed_tool_names"] = list(allowed_tool_names)
    if blocked_tool_names:
        result["blocked_tool_names"] = list(blocked_tool_names)
    return result


async def filter_tools(
    server: MCPServer,
    tools: list[mcp_types.Tool],
    run_context: RunContextWrapper[Any] | None,
    agent: Agent[Any] | None,
) -> list[mcp_types.Tool]:
    """Apply the server's ``tool_filter``; a dynamic one needs a run context and an agent."""
    tool_filter = server.tool_filter
    if tool_filter is None:
        return list(tools)
    if isinstance(tool_filter, dict):
        allowed = tool_filter.get("allowed_tool_names")
        blocked = set(tool_filter.get("blocked_tool_names") or ())
        return [
            t for t in tools if (allowed is None or t.name in allowed) and t.name not in blocked
        ]
    if run_context is None or agent is None:
        raise UserError(
            f"MCP server '{server.name}' has a dynamic tool_filter, which needs the run context "
            "and agent: call list_tools(run_context, agent)."
        )
    context = ToolFilterContext(run_context=run_context, agent=agent, server_name=server.name)
    kept = []
    for tool in tools:
        verdict = tool_filter(context, tool)
        if inspect.isawaitable(verdict):
            verdict = await verdict
        if verdict:
            kept.append(tool)
    return kept


def _needs_approval(server: MCPServer, tool: mcp_types.Tool, agent: Agent[Any]) -> Any:
    setting: Any = server.require_approval
    if setting is None or setting is False or setting == "never":
        return False
    if setting is True or setting == "always":
        return True
    if isinstance(setting, dict):
        if set(setting) <= {"always", "never"} and all(
            isinstance(v, dict) for v in setting.values()
        ):
            return tool.name in setting.get("always", {}).get("tool_names", [])
        return setting.get(tool.name) in ("always", True)
    if callable(setting):
        policy = setting

        async def decide(
            ctx: RunContextWrapper[Any], arguments: dict[str, Any], call_id: str
        ) -> bool:
            verdict = policy(ctx, agent, tool)
            if inspect.isawaitable(verdict):
                verdict = await verdict
            return bool(verdict)

        return decide
    raise UserError(f"MCP server '{server.name}': require_approval {setting!r} is not understood.")


def _strict_schema(schema: dict[str, Any]) -> tuple[dict[str, Any], set[str]] | None:
    """The strict form of an MCP input schema, and the optional argument names; None if not
    possible."""
    draft = copy.deepcopy(schema)
    properties = draft.get("properties") or {}
    required = set(draft.get("required") or ())
    optional = {name for name in properties if name not in required}
    for name in optional:
        # Strict mode lists every property as required; optional ones may be null instead.
        properties[name] = {"anyOf": [properties[name], {"type": "null"}]}
    try:
        return ensure_strict_json_schema(draft), optional
    except UserError:
        return None


def _error_function(server: MCPServer, config: MCPConfig) -> ToolErrorFunction | None:
    from ._server import _Unset

    if not isinstance(server.failure_error_function, _Unset):
        return server.failure_error_function
    if "failure_error_function" in config:
        return config["failure_error_function"]
    return default_tool_error_function


def _function_style(name: str) -> str:
    return re.sub(r"[^a-zA-Z0-9_-]", "_", name)


def to_function_tool(
    tool: mcp_types.Tool,
    server: MCPServer,
    agent: Agent[Any],
    *,
    name: str,
    config: MCPConfig,
) -> FunctionTool:
    """One MCP tool as a ``FunctionTool`` the runner calls like any other."""
    schema: dict[str, Any] = dict(tool.input_schema or {})
    schema.setdefault("type", "object")
    schema.setdefault("properties", {})
    optional: set[str] = set()
    strict = False
    if config.get("convert_schemas_to_strict", True):
        converted = _strict_schema(schema)
        if converted is not None:
            schema, optional = converted
            strict = True
    failure_error_function = _error_function(server, config)

    async def call(ctx: ToolContext[Any], raw_arguments: str) -> Any:
        try:
            arguments = json.loads(raw_arguments) if raw_arguments else {}
        except json.JSONDecodeError as exc:
            raise ModelBehaviorError(
                f"Invalid arguments for MCP tool '{name}': not valid JSON ({exc.msg})"
            ) from exc
        if not isinstance(arguments, dict):
            raise ModelBehaviorError(f"Arguments for MCP tool '{name}' must be a JSON object.")
        for key in optional:
            if arguments.get(key, 0) is None:
                del arguments[key]
        result = await server.call_tool(tool.name, arguments)
        return tool_output_from_result(result, server.use_structured_content)

    async def invoke(ctx: ToolContext[Any], raw_arguments: str) -> Any:
        if failure_error_function is None:
            return await call(ctx, raw_arguments)
        try:
            return await call(ctx, raw_arguments)
        except Exception as exc:
            message = failure_error_function(ctx, exc)
            return await message if inspect.isawaitable(message) else message

    return FunctionTool(
        name=name,
        description=tool.description or tool.title or "",
        params_json_schema=schema,
        on_invoke_tool=invoke,
        strict_json_schema=strict,
        needs_approval=_needs_approval(server, tool, agent),
        tool_input_guardrails=getattr(server, "tool_input_guardrails", None),
        tool_output_guardrails=getattr(server, "tool_output_guardrails", None),
        _mcp_annotations=tool.annotations,
    )


async def mcp_tools_for_agent(
    agent: AgentBase[Any], run_context: RunContextWrapper[Any]
) -> list[FunctionTool]:
    """The tools of every MCP server of ``agent``, as function tools, names checked."""
    config: MCPConfig = getattr(agent, "mcp_config", None) or MCPConfig()
    prefix = config.get("include_server_in_tool_names", False)
    owners: dict[str, str] = {}
    tools: list[FunctionTool] = []
    # Tool filters and approval policies receive the agent, whatever its kind (an ``Agent`` or a
    # ``RealtimeAgent``); they read its name and fields.
    owner = cast("Agent[Any]", agent)
    for server in agent.mcp_servers:
        for tool in await server.list_tools(run_context, owner):
            name = _function_style(f"{server.name}_{tool.name}") if prefix else tool.name
            if name in owners:
                raise UserError(
                    f"Agent '{agent.name}': MCP servers '{owners[name]}' and '{server.name}' both "
                    f"offer a tool named '{name}'. Set mcp_config="
                    "{'include_server_in_tool_names': True} to prefix tools with their server's "
                    "name, or filter one out."
                )
            owners[name] = server.name
            tools.append(to_function_tool(tool, server, owner, name=name, config=config))
    return tools


def _content_part(content: Any) -> dict[str, Any]:
    if isinstance(content, mcp_types.TextContent):
        return {"type": "input_text", "text": content.text}
    if isinstance(content, mcp_types.ImageContent):
        url = f"data:{content.mime_type};base64,{content.data}"
        return {"type": "input_image", "image_url": url, "detail": "auto"}
    if isinstance(content, mcp_types.EmbeddedResource):
        resource = content.resource
        if isinstance(resource, mcp_types.TextResourceContents):
            return {"type": "input_text", "text": resource.text}
        filename = str(resource.uri).rsplit("/", 1)[-1] or "resource"
        mime = resource.mime_type or "application/octet-stream"
        data = f"data:{mime};base64,{resource.blob}"
        return {"type": "input_file", "file_data": data, "filename": filename}
    if isinstance(content, mcp_types.ResourceLink):
        described = f" ({content.description})" if content.description else ""
        return {"type": "input_text", "text": f"Resource {content.name}: {content.uri}{described}"}
    if isinstance(content, mcp_types.AudioContent):
        return {"type": "input_text", "text": f"[audio content ({content.mime_type}) not shown]"}
    return {"type": "input_text", "text": json.dumps(getattr(content, "model_dump", dict)())}


def tool_output_from_result(result: mcp_types.CallToolResult, use_structured: bool) -> Any:
    """What the model reads of an MCP tool result: text, or content parts when there are images
    or files; an error result is reported as such."""
    if use_structured and result.structured_content is not None:
        return json.dumps(result.structured_content, ensure_ascii=False)
    parts = [_content_part(content) for content in result.content]
    if not parts and result.structured_content is not None:
        return json.dumps(result.structured_content, ensure_ascii=False)
    if all(part["type"] == "input_text" for part in parts):
        text = "\n".join(part["text"] for part in parts)
        return f"The tool reported an error: {text}" if result.is_error else text
    if result.is_error:
        parts.insert(0, {"type": "input_text", "text": "The tool reported an error:"})
    return parts


def prompt_instructions(
    server: MCPServer, prompt_name: str, arguments: dict[str, Any] | None = None
) -> Callable[[RunContextWrapper[Any], Agent[Any]], Awaitable[str]]:
    """Instructions built from an MCP prompt: ``Agent(instructions=prompt_instructions(...))``.

    The prompt is fetched (with ``arguments``) each time the agent needs its instructions, and
    its text messages are joined.
    """

    async def instructions(ctx: RunContextWrapper[Any], agent: Agent[Any]) -> str:
        prompt = await server.get_prompt(prompt_name, arguments)
        texts = []
        for message in prompt.messages:
            content = message.content
            if isinstance(content, mcp_types.TextContent):
                texts.append(content.text)
        return "\n\n".join(texts)

    return instructions
