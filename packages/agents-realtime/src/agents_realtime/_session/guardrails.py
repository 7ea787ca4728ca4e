"""Guardrails in a realtime session: on the model's transcript as it grows, and on the user.

Output guardrails run every ``debounce_text_length`` characters of an answer and once more on
the complete text, so a short answer is checked too. Input guardrails run on each thing the
user says: a typed message, or the transcript of their audio. Checks run beside the
conversation; a tripwire calls back into the session, which stops the answer.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any, Protocol, cast

from agents_core.tracing import guardrail_span

from .._base._log import logger

if TYPE_CHECKING:
    from agents_core import (
        Agent,
        InputGuardrail,
        InputGuardrailResult,
        OutputGuardrail,
        OutputGuardrailResult,
        RunContextWrapper,
    )
    from agents_core.tracing import Span

    from .._agents.agent import RealtimeAgent
    from .._data.config import RealtimeRunConfig

__all__ = ("GuardrailHost", "InputGuardrails", "OutputGuardrails")

_DEFAULT_DEBOUNCE = 100


class GuardrailHost(Protocol):
    """What the guardrail runners need from their session."""

    context: RunContextWrapper[Any]
    run_config: RealtimeRunConfig

    def agent_span(self) -> Span[Any] | None:
        """The span of the active agent, parent of guardrail spans."""
        ...

    async def output_tripped(
        self, results: list[OutputGuardrailResult], text: str, response_id: str, item_id: str
    ) -> None:
        """Stop an answer an output guardrail rejected."""
        ...

    async def input_tripped(self, results: list[InputGuardrailResult], text: str) -> None:
        """Stop the answer to what an input guardrail rejected."""
        ...


def _unique(guardrails: list[Any]) -> list[Any]:
    seen: set[int] = set()
    result = []
    for guardrail in guardrails:
        if id(guardrail) not in seen:
            seen.add(id(guardrail))
            result.append(guardrail)
    return result


class _Tasks:
    def __init__(self) -> None:
        self.tasks: set[asyncio.Task[None]] = set()

    def spawn(self, work: Any) -> None:
        task = asyncio.ensure_future(work)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def cancel(self) -> None:
        tasks = [task for task in self.tasks if task is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)


class OutputGuardrails(_Tasks):
    """Checks answers as their text streams in."""

    def __init__(self, host: GuardrailHost) -> None:
        super().__init__()
        self._host = host
        settings = host.run_config.get("guardrails_settings") or {}
        self._debounce = max(1, int(settings.get("debounce_text_length", _DEFAULT_DEBOUNCE)))
        self._texts: dict[str, str] = {}
        self._checked: dict[str, int] = {}
        self._items_of: dict[str, list[str]] = {}
        self._tripped: set[str] = set()

    def _guardrails(self, agent: RealtimeAgent[Any]) -> list[OutputGuardrail[Any]]:
        return _unique(
            [*agent.output_guardrails, *(self._host.run_config.get("output_guardrails") or ())]
        )

    def on_delta(
        self, item_id: str, response_id: str, delta: str, agent: RealtimeAgent[Any]
    ) -> None:
        """More text of an answer: check it if it crossed the next multiple of the debounce."""
        if response_id in self._tripped or not self._guardrails(agent):
            return
        text = self._texts.get(item_id)
        if text is None:
            text = ""
            self._items_of.setdefault(response_id, []).append(item_id)
        text += delta
        self._texts[item_id] = text
        checked = self._checked.get(item_id, 0)
        if len(text) // self._debounce > checked // self._debounce:
            self._checked[item_id] = len(text)
            self.spawn(self._check(item_id, response_id, text, agent))

    def on_response_end(self, response_id: str, agent: RealtimeAgent[Any]) -> None:
        """The answer is complete: check whatever text was not checked in full yet."""
        for item_id in self._items_of.pop(response_id, ()):
            text = self._texts.pop(item_id, "")
            checked = self._checked.pop(item_id, 0)
            if text and checked < len(text) and response_id not in self._tripped:
                self.spawn(self._check(item_id, response_id, text, agent))

    async def _check(
        self, item_id: str, response_id: str, text: str, agent: RealtimeAgent[Any]
    ) -> None:
        host = self._host
        guardrails = self._guardrails(agent)
        results = await asyncio.gather(
            *(self._run(guardrail, agent, text) for guardrail in guardrails)
        )
        tripped = [
            result for result in results if result is not None and result.output.tripwire_triggered
        ]
        if not tripped or response_id in self._tripped:
            return
        self._tripped.add(response_id)
        await host.output_tripped(tripped, text, response_id, item_id)

    async def _run(
        self, guardrail: OutputGuardrail[Any], agent: RealtimeAgent[Any], text: str
    ) -> OutputGuardrailResult | None:
        span = guardrail_span(guardrail.get_name(), parent=self._host.agent_span())
        span.start()
        try:
            result = await guardrail.run(self._host.context, cast("Agent[Any]", agent), text)
        except Exception as exc:
            logger().warning(
                "output guardrail failed", guardrail=guardrail.get_name(), error=type(exc).__name__
            )
            span.set_error({"message": type(exc).__name__, "data": None})
            return None
        finally:
            span.finish()
        span.span_data.triggered = result.output.tripwire_triggered
        return result


class InputGuardrails(_Tasks):
    """Checks what the user said."""

    def __init__(self, host: GuardrailHost) -> None:
        super().__init__()
        self._host = host
        self._checked: set[str] = set()

    def skip(self, item_id: str) -> None:
        """Never check this item (the session wrote it, not the user)."""
        self._checked.add(item_id)

    def on_user_text(self, item_id: str, text: str, agent: RealtimeAgent[Any]) -> None:
        """Something the user said (once per item): check it beside the conversation."""
        guardrails: list[InputGuardrail[Any]] = _unique(
            [*agent.input_guardrails, *(self._host.run_config.get("input_guardrails") or ())]
        )
        if not guardrails or not text or item_id in self._checked:
            return
        self._checked.add(item_id)
        self.spawn(self._check(guardrails, text, agent))

    async def _check(
        self, guardrails: list[InputGuardrail[Any]], text: str, agent: RealtimeAgent[Any]
    ) -> None:
        results = await asyncio.gather(
            *(self._run(guardrail, agent, text) for guardrail in guardrails)
        )
        tripped = [
            result for result in results if result is not None and result.output.tripwire_triggered
        ]
        if tripped:
            await self._host.input_tripped(tripped, text)

    async def _run(
        self, guardrail: InputGuardrail[Any], agent: RealtimeAgent[Any], text: str
    ) -> InputGuardrailResult | None:
        span = guardrail_span(guardrail.get_name(), parent=self._host.agent_span())
        span.start()
        try:
            result = await guardrail.run(cast("Agent[Any]", agent), text, self._host.context)
        except Exception as exc:
            logger().warning(
                "input guardrail failed", guardrail=guardrail.get_name(), error=type(exc).__name__
            )
            span.set_error({"message": type(exc).__name__, "data": None})
            return None
        finally:
            span.finish()
        span.span_data.triggered = result.output.tripwire_triggered
        return result
