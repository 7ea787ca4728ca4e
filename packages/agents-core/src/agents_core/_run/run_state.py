"""``RunState``: a run paused for approval (or finished), as a value to decide on, save and resume.

The JSON form is plain data with a schema version: every item, model response, usage figure,
the context, the approvals so far and the pending calls. Loading checks all of it before
building anything, so a state is loaded whole or not at all.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Generic

import pydantic

from .._base.run_context import RunContextWrapper, TContext
from .._base.usage import Usage
from .._items.items import ModelResponse, ToolApprovalItem
from .._tools.approvals import Approvals
from ..exceptions import UserError
from .progress import RunInProgress
from .run_state_json import agents_by_name, item_from_json, item_to_json, jsonable
from .run_tracing import RunTracing

if TYPE_CHECKING:
    from .._agents.agent import Agent
    from .._agents.error_handlers import RunErrorHandlers
    from .._agents.hooks import RunHooks
    from .config import RunConfig
    from .results import RunResultStreaming

__all__ = ("RunState",)

SCHEMA_VERSION = 1
_KIND = "agents.run_state"


class _StateDocument(pydantic.BaseModel):
    """The shape of a saved state; anything else is rejected before a state is built."""

    model_config = pydantic.ConfigDict(extra="forbid", strict=True, defer_build=True)

    kind: str
    schema_version: int
    starting_agent: str
    current_agent: str
    original_input: str | list[dict[str, Any]]
    history: list[dict[str, Any]]
    new_items: list[dict[str, Any]]
    model_responses: list[dict[str, Any]]
    model_item_offset: int = pydantic.Field(ge=0)
    turn_start: int = pydantic.Field(ge=0)
    current_turn: int = pydantic.Field(ge=0)
    max_turns: int | None = pydantic.Field(ge=1)
    usage: dict[str, Any]
    context: Any
    approvals: dict[str, Any]
    interruptions: list[dict[str, Any]]
    agents_that_used_tools: list[str]
    sent_item_count: int = pydantic.Field(ge=0)
    session_saved_items: int = pydantic.Field(ge=-1)
    previous_response_id: str | None
    conversation_id: str | None
    nested_runs: dict[str, dict[str, Any]] = {}
    """Agent tools' nested runs paused for approval, by the parent's call id (written only when
    there are some, so other states read in versions without them)."""


class RunState(Generic[TContext]):
    """A run that can be inspected, approved, saved and resumed with ``Runner.run(agent, state)``.

    Get one from ``result.to_state()``; decide on ``get_interruptions()`` with :meth:`approve`
    and :meth:`reject`; save it with :meth:`to_string` and load it (in another process, days
    later) with ``await RunState.from_string(agent, text)``. Resuming does not call the model
    again for the turn that asked: approved calls run, rejected ones tell the model why.
    """

    def __init__(self, progress: RunInProgress) -> None:
        self._progress = progress

    @classmethod
    def _from_progress(cls, run: RunInProgress) -> RunState[Any]:
        snapshot = copy.copy(run)
        snapshot.new_items = list(run.new_items)
        snapshot.model_responses = list(run.model_responses)
        snapshot.history = list(run.history)
        snapshot.interruptions = list(run.interruptions)
        snapshot.approvals = run.approvals.copy()
        snapshot.agents_that_used_tools = set(run.agents_that_used_tools)
        snapshot.nested_runs = dict(run.nested_runs)
        snapshot.streamed = None
        snapshot.tracing = RunTracing()
        return cls(snapshot)

    # -- reading ---------------------------------------------------------------------------

    @property
    def current_agent(self) -> Agent[Any]:
        """The agent that was active when the run stopped."""
        return self._progress.agent

    @property
    def current_turn(self) -> int:
        """How many model turns the run has taken."""
        return self._progress.current_turn

    @property
    def max_turns(self) -> int | None:
        """The run's turn limit."""
        return self._progress.max_turns

    @property
    def context(self) -> RunContextWrapper[TContext]:
        """The run context (the user's context object and the usage so far)."""
        return self._progress.context_wrapper

    @property
    def usage(self) -> Usage:
        """Requests and tokens used so far."""
        return self._progress.context_wrapper.usage

    def get_interruptions(self) -> list[ToolApprovalItem]:
        """The tool calls waiting for a decision."""
        return list(self._progress.interruptions)

    # -- deciding --------------------------------------------------------------------------

    def _find(self, item: ToolApprovalItem) -> ToolApprovalItem:
        for pending in self._progress.interruptions:
            if pending.call_id == item.call_id:
                return pending
        raise UserError(
            f"The call {item.call_id!r} to '{item.tool_name}' is not waiting for approval in "
            "this run state."
        )

    def approve(self, approval_item: ToolApprovalItem, always_approve: bool = False) -> None:
        """Let the call run (and, with ``always_approve``, every later call of that tool)."""
        item = self._find(approval_item)
        self._progress.approvals.approve(item.tool_name or "", item.call_id, always=always_approve)

    def reject(
        self,
        approval_item: ToolApprovalItem,
        always_reject: bool = False,
        *,
        rejection_message: str | None = None,
    ) -> None:
        """Refuse the call; the model is told so (``rejection_message``, or a default)."""
        item = self._find(approval_item)
        self._progress.approvals.reject(
            item.tool_name or "", item.call_id, always=always_reject, message=rejection_message
        )

    # -- saving ----------------------------------------------------------------------------

    def to_json(
        self,
        *,
        context_serializer: Callable[[Any], Any] | None = None,
        strict_context: bool = False,
        include_tracing_api_key: bool = False,
    ) -> dict[str, Any]:
        """The state as plain JSON data (see ``from_json``).

        The context is saved as JSON (dicts and lists as they are, pydantic models and
        dataclasses dumped) or through ``context_serializer``; one that cannot be is a
        ``UserError``, never dropped. ``strict_context`` accepts only a mapping without a
        serializer. ``include_tracing_api_key`` has nothing to add: runs here carry no tracing
        key of their own.
        """
        run = self._progress
        context = run.context_wrapper.context
        if strict_context and context_serializer is None and not isinstance(context, Mapping):
            raise UserError(
                "RunState.to_json(strict_context=True) needs the context to be a mapping, or a "
                f"context_serializer; got {type(context).__name__}."
            )
        document = {
            "kind": _KIND,
            "schema_version": SCHEMA_VERSION,
            "starting_agent": run.starting_agent.name,
            "current_agent": run.agent.name,
            "original_input": copy.deepcopy(run.original_input),
            "history": copy.deepcopy(run.history),
            "new_items": [item_to_json(item) for item in run.new_items],
            "model_responses": [response.to_json_dict() for response in run.model_responses],
            "model_item_offset": run.model_item_offset,
            "turn_start": run.turn_start,
            "current_turn": run.current_turn,
            "max_turns": run.max_turns,
            "usage": run.context_wrapper.usage.to_json_dict(),
            "context": context_serializer(context) if context_serializer else jsonable(context),
            "approvals": run.approvals.to_json_dict(),
            "interruptions": [item_to_json(item) for item in run.interruptions],
            "agents_that_used_tools": sorted(run.agents_that_used_tools),
            "sent_item_count": run.sent_item_count,
            "session_saved_items": run.session_saved_items,
            "previous_response_id": run.previous_response_id,
            "conversation_id": run.conversation_id,
        }
        if run.nested_runs:
            document["nested_runs"] = {
                call_id: {
                    "agent": nested._progress.starting_agent.name,
                    "state": nested.to_json(context_serializer=context_serializer),
                }
                for call_id, nested in run.nested_runs.items()
            }
        return document

    def to_string(
        self,
        *,
        context_serializer: Callable[[Any], Any] | None = None,
        strict_context: bool = False,
        include_tracing_api_key: bool = False,
    ) -> str:
        """The state as JSON text, with a checksum so that a damaged copy is refused on load."""
        document = self.to_json(
            context_serializer=context_serializer,
            strict_context=strict_context,
            include_tracing_api_key=include_tracing_api_key,
        )
        body = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        digest = hashlib.sha256(body.encode()).hexdigest()
        return json.dumps({"sha256": digest, "state": document}, ensure_ascii=False)

    # -- loading ---------------------------------------------------------------------------

    @classmethod
    async def from_string(
        cls,
        initial_agent: Agent[Any],
        state_string: str,
        *,
        context_override: Any = None,
        context_deserializer: Callable[[Any], Any] | None = None,
        strict_context: bool = False,
    ) -> RunState[Any]:
        """Load a state saved with :meth:`to_string` for the agent graph of ``initial_agent``."""
        try:
            envelope = json.loads(state_string)
        except (json.JSONDecodeError, TypeError) as exc:
            raise UserError(f"The saved run state is not valid JSON (truncated?): {exc}") from exc
        if not isinstance(envelope, dict) or set(envelope) != {"sha256", "state"}:
            raise UserError("The saved run state is not in the form RunState.to_string() writes.")
        document = envelope["state"]
        body = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        if hashlib.sha256(body.encode()).hexdigest() != envelope["sha256"]:
            raise UserError("The saved run state does not match its checksum: it was altered.")
        return await cls.from_json(
            initial_agent,
            document,
            context_override=context_override,
            context_deserializer=context_deserializer,
            strict_context=strict_context,
        )

    @classmethod
    async def from_json(
        cls,
        initial_agent: Agent[Any],
        state_json: dict[str, Any],
        *,
        context_override: Any = None,
        context_deserializer: Callable[[Any], Any] | None = None,
        strict_context: bool = False,
    ) -> RunState[Any]:
        """Load a state from :meth:`to_json` data for the agent graph of ``initial_agent``.

        The agents named in the state must be reachable from ``initial_agent`` through
        handoffs. The context is ``context_override`` if given, else
        ``context_deserializer(saved)``, else the saved JSON value itself (which
        ``strict_context`` accepts only when it is a mapping).
        """
        if not isinstance(state_json, dict):
            raise UserError(f"A run state must be a JSON object, got {type(state_json).__name__}.")
        version = state_json.get("schema_version")
        if state_json.get("kind") != _KIND:
            raise UserError("This JSON is not a saved run state (its 'kind' is missing or wrong).")
        if version != SCHEMA_VERSION:
            raise UserError(
                f"Run state schema version {version!r} is not supported (this library reads "
                f"version {SCHEMA_VERSION}); load it with the version that saved it."
            )
        try:
            document = _StateDocument.model_validate(state_json)
        except pydantic.ValidationError as exc:
            raise UserError(f"The saved run state is malformed: {_first_errors(exc)}") from exc
        plain = context_override is None and context_deserializer is None
        if strict_context and plain and not isinstance(document.context, Mapping):
            raise UserError(
                "RunState.from_json(strict_context=True) needs a saved mapping context, a "
                "context_deserializer or a context_override."
            )
        run = _progress_from(document, initial_agent, context_override, context_deserializer)
        agents = agents_by_name(initial_agent) if document.nested_runs else {}
        for call_id, entry in document.nested_runs.items():
            name = entry.get("agent")
            agent = agents.get(name) if isinstance(name, str) else None
            if agent is None or not isinstance(entry.get("state"), dict):
                raise UserError(
                    f"The saved run state's nested run for call {call_id!r} names an agent tool "
                    f"agent {entry.get('agent')!r} that the agent graph does not have."
                )
            run.nested_runs[call_id] = await cls.from_json(
                agent, entry["state"], context_override=run.context_wrapper.context
            )
        return cls(run)

    # -- resuming --------------------------------------------------------------------------

    def _resume(
        self,
        *,
        hooks: RunHooks[Any] | None,
        run_config: RunConfig,
        error_handlers: RunErrorHandlers[Any] | None,
        context: Any,
        streamed: RunResultStreaming | None,
    ) -> RunInProgress:
        run = RunState._from_progress(self._progress)._progress
        run.hooks = hooks
        run.run_config = run_config
        run.error_handlers = error_handlers
        run.streamed = streamed
        run.resuming = run.current_turn > 0
        if context is not None:
            run.context_wrapper = RunContextWrapper(context, usage=run.context_wrapper.usage)
        return run


def _first_errors(exc: pydantic.ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or '(root)'}: {e['msg']}"
        for e in exc.errors(include_url=False)[:3]
    )


def _progress_from(
    document: _StateDocument,
    initial_agent: Agent[Any],
    context_override: Any,
    context_deserializer: Callable[[Any], Any] | None,
) -> RunInProgress:
    from .config import RunConfig

    agents = agents_by_name(initial_agent)
    try:
        new_items = [item_from_json(data, agents) for data in document.new_items]
        interruptions = [item_from_json(data, agents) for data in document.interruptions]
        responses = [ModelResponse.from_json_dict(r) for r in document.model_responses]
        usage = Usage.from_json_dict(document.usage)
        approvals = Approvals.from_json_dict(document.approvals)
        starting, current = agents[document.starting_agent], agents[document.current_agent]
    except KeyError as exc:
        raise UserError(
            f"The saved run refers to agent {exc.args[0]!r}, which is not reachable from agent "
            f"'{initial_agent.name}' through handoffs: load it with the agent graph it was "
            "saved from."
        ) from None
    except (pydantic.ValidationError, TypeError, ValueError) as exc:
        raise UserError(f"The saved run state has a malformed item: {exc}") from exc
    if not all(isinstance(item, ToolApprovalItem) for item in interruptions):
        raise UserError("The saved run state lists something other than tool approvals.")
    if max(document.model_item_offset, document.turn_start) > len(new_items):
        raise UserError("The saved run state's item positions point past its items.")
    if context_override is not None:
        context = context_override
    elif context_deserializer is not None:
        context = context_deserializer(document.context)
    else:
        context = document.context
    return RunInProgress(
        starting_agent=starting,
        agent=current,
        original_input=document.original_input,
        history=document.history,
        context_wrapper=RunContextWrapper(context, usage=usage),
        run_config=RunConfig(),
        hooks=None,
        max_turns=document.max_turns,
        previous_response_id=document.previous_response_id,
        conversation_id=document.conversation_id,
        current_turn=document.current_turn,
        new_items=new_items,
        model_responses=responses,
        model_item_offset=document.model_item_offset,
        turn_start=document.turn_start,
        agents_that_used_tools=set(document.agents_that_used_tools),
        sent_item_count=document.sent_item_count,
        approvals=approvals,
        interruptions=interruptions,
        session_saved_items=document.session_saved_items,
    )
