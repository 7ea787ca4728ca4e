"""``OpenAIResponsesModel``: a model served by ``POST /responses``, in one reply or streamed."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pydantic

from agents_core import (
    AgentOutputSchemaBase,
    Model,
    ModelResponse,
    ModelSettings,
    ModelTracing,
    Tool,
    TResponseInputItem,
    TResponseStreamEvent,
    Usage,
)
from agents_core.openai_types import wire_class
from agents_core.stream_types import Response, ResponseEventStream

from ._events import EVENT_TYPES, stream_event_parser
from ._http import EventStream, OpenAIClient, invalid_body_error
from ._openai_client import as_openai_client
from ._responses_request import build_responses_body
from .exceptions import APIError, ResponseFailedError

__all__ = ("OpenAIResponsesModel", "ResponsesEventStream", "response_failure")

_FAILURE_EVENTS = frozenset({"response.failed", "response.incomplete", "error"})
# Parsed as they arrive, because the stream acts on them; other events are parsed by the reader.
_ACTED_ON = frozenset(
    name.encode() for name in ("response.completed", "response.failed", "response.incomplete")
) | {b"error"}
_KNOWN_TYPES = frozenset(name.encode() for name in EVENT_TYPES)


class OpenAIResponsesModel(Model):
    """A model called through OpenAI's Responses API (``POST /responses``).

    Supports function and hosted tools, structured output (``text.format`` with a strict JSON
    schema), reasoning settings and items, ``previous_response_id``, ``conversation``, ``store``,
    ``include``, prompt references and ``metadata``. Streamed calls yield every event of the
    stream, typed, as soon as it arrives; a streamed run parses each in the task that reads it.
    """

    def __init__(
        self, model: str, openai_client: OpenAIClient | Any, *, model_is_explicit: bool = True
    ) -> None:
        self.model = model
        self._client = as_openai_client(openai_client, "OpenAIResponsesModel")
        self._model_is_explicit = model_is_explicit
        """False for the default model: a request with a stored prompt then names no model, so
        the prompt's model answers."""

    def _request_model(self, prompt: Any) -> str | None:
        return None if prompt is not None and not self._model_is_explicit else self.model

    def __repr__(self) -> str:
        return f"OpenAIResponsesModel(model={self.model!r}, base_url={self._client.base_url!r})"

    async def get_response(
        self,
        system_instructions: str | None,
        input: str | list[TResponseInputItem],
        model_settings: ModelSettings,
        tools: list[Tool],
        output_schema: AgentOutputSchemaBase | None,
        handoffs: list[Any],
        tracing: ModelTracing,
        previous_response_id: str | None = None,
        conversation_id: str | None = None,
        prompt: Any | None = None,
    ) -> ModelResponse:
        """Call ``POST /responses`` and return the complete response."""
        body = build_responses_body(
            model=self._request_model(prompt),
            system_instructions=system_instructions,
            input=input,
            model_settings=model_settings,
            tools=tools,
            handoffs=handoffs,
            output_schema=output_schema,
            previous_response_id=previous_response_id,
            conversation_id=conversation_id,
            prompt=prompt,
            stream=False,
        )
        content, request_id = await self._client.request_json(
            "POST",
            "/responses",
            body=body,
            query=model_settings.extra_query,
            headers=model_settings.extra_headers,
        )
        try:
            response = wire_class(Response).model_validate_json(content)
        except pydantic.ValidationError as exc:
            raise invalid_body_error("The response body", content, exc, request_id) from exc
        if response.status in ("failed", "incomplete", "cancelled"):
            failure = response_failure(response.status, response)
            failure.request_id = request_id
            raise failure
        return ModelResponse(
            output=list(response.output),
            usage=response.usage.to_usage() if response.usage is not None else Usage(requests=1),
            response_id=response.id,
            request_id=request_id,
            raw_usage=response.usage.model_dump()
            if response.usage is not None and model_settings.preserve_raw_usage
            else None,
        )

    def stream_response(
        self,
        system_instructions: str | None,
        input: str | list[TResponseInputItem],
        model_settings: ModelSettings,
        tools: list[Tool],
        output_schema: AgentOutputSchemaBase | None,
        handoffs: list[Any],
        tracing: ModelTracing,
        previous_response_id: str | None = None,
        conversation_id: str | None = None,
        prompt: Any | None = None,
    ) -> ResponsesEventStream:
        """Call ``POST /responses`` with ``stream: true``; iterate the result for each event
        as it arrives (the request is sent when iteration starts).

        The last event is ``response.completed``. A stream that ends without it raises
        ``StreamInterruptedError``; ``response.failed``, ``response.incomplete`` and ``error``
        events are yielded and then raised as ``ResponseFailedError``.
        """
        arguments = {
            "model": self._request_model(prompt),
            "system_instructions": system_instructions,
            "input": input,
            "model_settings": model_settings,
            "tools": tools,
            "handoffs": handoffs,
            "output_schema": output_schema,
            "previous_response_id": previous_response_id,
            "conversation_id": conversation_id,
            "prompt": prompt,
        }
        return ResponsesEventStream(self._client, arguments)


class ResponsesEventStream(ResponseEventStream):
    """The events of one streamed ``POST /responses``.

    In ``batches()`` an event is its raw JSON (``bytes``), parsed by ``decode`` where it is
    read, except the events the stream acts on, which it parses itself: ``response.completed``
    and those that end it with an error.
    """

    def __init__(self, client: OpenAIClient, arguments: dict[str, Any]) -> None:
        self._client = client
        self._arguments = arguments
        self._parse = stream_event_parser()
        self._http: EventStream | None = None

    async def batches(self) -> AsyncIterator[list[Any]]:
        """The stream's items: event payloads, and the events it acts on, typed."""
        settings: ModelSettings = self._arguments["model_settings"]
        body = build_responses_body(**self._arguments, stream=True)
        async with self._client.stream(
            "/responses",
            body=body,
            query=settings.extra_query,
            headers=settings.extra_headers,
        ) as stream:
            self._http = stream
            async for items in stream.batches():
                if self.completed is not None:
                    continue  # read to the end, so the connection can be reused
                failure = self._type_what_matters(items)
                yield items
                if failure is not None:
                    raise stream.invalid(failure)
            if self.completed is None:
                raise stream.interrupted("no 'response.completed' event arrived")

    def _type_what_matters(self, items: list[Any]) -> ResponseFailedError | None:
        """Parse, in place, the events the stream acts on (cutting the batch after the last
        one); the failure one reports, if any."""
        for index, data in enumerate(items):
            if data.startswith(b'{"type":"'):
                name = data[9 : data.find(b'"', 9)]
                if name not in _ACTED_ON and name in _KNOWN_TYPES:
                    continue  # the common case: left for the reader to parse
            event = items[index] = self.decode(data)
            kind = event.type
            if kind == "response.completed":
                self.completed = event  # type: ignore[assignment]  # typed by its "type" tag
                del items[index + 1 :]
                return None
            if kind in _FAILURE_EVENTS:
                del items[index + 1 :]
                return _event_failure(event)
        return None

    def decode(self, item: Any) -> TResponseStreamEvent:
        """The typed event for an item of ``batches()`` (raw JSON is parsed and validated)."""
        if type(item) is not bytes:
            event: TResponseStreamEvent = item
            return event
        try:
            return self._parse(item)
        except APIError as error:
            if self._http is None:
                raise
            raise self._http.invalid(error) from error.__cause__


def response_failure(status: str | None, response: Any) -> ResponseFailedError:
    """The error for a response the server ended as failed, incomplete or cancelled."""
    error = getattr(response, "error", None)
    details = getattr(response, "incomplete_details", None)
    code = message = None
    if isinstance(error, dict):
        code, message = error.get("code"), error.get("message")
    reason = details.get("reason") if isinstance(details, dict) else None
    text = f"The response {getattr(response, 'id', '')} ended with status {status!r}"
    if message:
        text += f": {message}"
    elif reason:
        text += f" ({reason})"
    return ResponseFailedError(
        text + ".",
        code=code or reason,
        server_message=message,
        response=response,
    )


def _event_failure(event: Any) -> ResponseFailedError:
    if event.type == "error":
        return ResponseFailedError(
            f"The stream reported an error: {event.message}"
            + (f" (code {event.code})" if event.code else ""),
            code=event.code,
            server_message=event.message,
        )
    status = "failed" if event.type == "response.failed" else "incomplete"
    return response_failure(status, event.response)
