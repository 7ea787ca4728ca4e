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
from agents_core.stream_types import Response

from ._events import stream_event_parser
from ._http import OpenAIClient, invalid_body_error
from ._openai_client import as_openai_client
from ._responses_request import build_responses_body
from .exceptions import APIError, ResponseFailedError

__all__ = ("OpenAIResponsesModel", "response_failure")

_FAILURE_EVENTS = frozenset({"response.failed", "response.incomplete", "error"})


class OpenAIResponsesModel(Model):
    """A model called through OpenAI's Responses API (``POST /responses``).

    Supports function and hosted tools, structured output (``text.format`` with a strict JSON
    schema), reasoning settings and items, ``previous_response_id``, ``conversation``, ``store``,
    ``include``, prompt references and ``metadata``. Streamed calls yield every event of the
    stream, typed, as soon as it is parsed.
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

    async def stream_response(
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
    ) -> AsyncIterator[TResponseStreamEvent]:
        """Call ``POST /responses`` with ``stream: true`` and yield each event as it arrives.

        The last event is ``response.completed``. A stream that ends without it raises
        ``StreamInterruptedError``; ``response.failed``, ``response.incomplete`` and ``error``
        events are yielded and then raised as ``ResponseFailedError``.
        """
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
            stream=True,
        )
        completed = False
        parse_stream_event = stream_event_parser()
        async with self._client.stream(
            "/responses",
            body=body,
            query=model_settings.extra_query,
            headers=model_settings.extra_headers,
        ) as stream:
            async for batch in stream.batches():
                if completed:
                    continue  # read to the end, so the connection can be reused
                for data in batch:
                    try:
                        event = parse_stream_event(data)
                    except APIError as error:
                        raise stream.invalid(error) from error.__cause__
                    yield event
                    kind = event.type
                    if kind == "response.completed":
                        completed = True
                        break
                    if kind in _FAILURE_EVENTS:
                        raise stream.invalid(_event_failure(event))
            if not completed:
                raise stream.interrupted("no 'response.completed' event arrived")


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
