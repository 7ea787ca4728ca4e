"""Structured output: the JSON schema the model is asked to follow, and validation of its reply."""

from __future__ import annotations

import abc
import dataclasses
import functools
import json
from typing import TYPE_CHECKING, Any, get_origin

import pydantic
from pydantic import BaseModel
from typing_extensions import is_typeddict

if TYPE_CHECKING:
    from pydantic import TypeAdapter

from ..exceptions import ModelBehaviorError, UserError
from .strict_schema import ensure_strict_json_schema

__all__ = ("AgentOutputSchema", "AgentOutputSchemaBase", "output_schema_for")

_WRAPPER_KEY = "response"


class AgentOutputSchemaBase(abc.ABC):
    """What a model provider needs to request, and the runner to validate, structured output."""

    @abc.abstractmethod
    def is_plain_text(self) -> bool:
        """Whether the output is plain text (no schema is sent)."""

    @abc.abstractmethod
    def name(self) -> str:
        """A name for the output type, sent to the model with the schema."""

    @abc.abstractmethod
    def json_schema(self) -> dict[str, Any]:
        """The JSON schema the model's reply must follow."""

    @abc.abstractmethod
    def is_strict_json_schema(self) -> bool:
        """Whether the schema is in strict form (the model is held to it exactly)."""

    @abc.abstractmethod
    def validate_json(self, json_str: str) -> Any:
        """Parse and validate the model's reply; raise ``ModelBehaviorError`` if it does not fit."""


def _is_object_type(output_type: Any) -> bool:
    if not isinstance(output_type, type) or get_origin(output_type) is not None:
        return False
    return (
        issubclass(output_type, BaseModel)
        or dataclasses.is_dataclass(output_type)
        or is_typeddict(output_type)
    )


class AgentOutputSchema(AgentOutputSchemaBase):
    """The output schema of an agent's ``output_type``.

    Pydantic models, dataclasses and TypedDicts become the schema's top-level object; any other
    type (``int``, ``list[str]``, a ``Literal``, a union) is wrapped in an object with a single
    ``response`` field, since structured output must be a JSON object.
    """

    def __init__(self, output_type: type[Any], strict_json_schema: bool = True) -> None:
        self.output_type = output_type
        self._strict = strict_json_schema
        self._plain_text = output_type is None or output_type is str
        self._wrapped = not self._plain_text and not _is_object_type(output_type)
        from pydantic import TypeAdapter  # deferred: importing it costs milliseconds

        self._adapter: TypeAdapter[Any] = TypeAdapter(output_type)
        if self._plain_text:
            self._schema: dict[str, Any] = {}
            return
        try:
            inner = self._adapter.json_schema()
        except pydantic.PydanticUserError as exc:  # pragma: no cover - pydantic's own message
            raise UserError(
                f"Cannot build a JSON schema for output type {output_type!r}: {exc}"
            ) from exc
        if self._wrapped:
            defs = inner.pop("$defs", None)
            schema: dict[str, Any] = {
                "type": "object",
                "properties": {_WRAPPER_KEY: inner},
                "required": [_WRAPPER_KEY],
                "additionalProperties": False,
            }
            if defs:
                schema["$defs"] = defs
        else:
            schema = inner
        if strict_json_schema:
            try:
                schema = ensure_strict_json_schema(schema)
            except UserError as exc:
                raise UserError(
                    f"Output type {self.name()} cannot be used with a strict JSON schema: {exc} "
                    "Use AgentOutputSchema(output_type, strict_json_schema=False) to relax it."
                ) from exc
        self._schema = schema

    def is_plain_text(self) -> bool:
        return self._plain_text

    def is_strict_json_schema(self) -> bool:
        return self._strict

    def json_schema(self) -> dict[str, Any]:
        if self._plain_text:
            raise UserError("Plain text output has no JSON schema.")
        return self._schema

    def name(self) -> str:
        output_type = self.output_type
        if isinstance(output_type, type) and get_origin(output_type) is None:
            return output_type.__name__
        return repr(output_type).replace("typing.", "")

    def validate_json(self, json_str: str) -> Any:
        if self._plain_text:
            return json_str
        try:
            if not self._wrapped:
                return self._adapter.validate_json(json_str)
            data = json.loads(json_str)
            if not isinstance(data, dict) or _WRAPPER_KEY not in data:
                raise ModelBehaviorError(
                    f"Structured output for {self.name()} must be a JSON object with a "
                    f"'{_WRAPPER_KEY}' field; got: {_clip(json_str)}"
                )
            return self._adapter.validate_python(data[_WRAPPER_KEY])
        except json.JSONDecodeError as exc:
            raise ModelBehaviorError(
                f"The model's output is not valid JSON for {self.name()} ({exc.msg} at "
                f"position {exc.pos}): {_clip(json_str)}"
            ) from exc
        except pydantic.ValidationError as exc:
            if any(error["type"] == "json_invalid" for error in exc.errors(include_url=False)):
                raise ModelBehaviorError(
                    f"The model's output is not valid JSON for {self.name()} "
                    f"({exc.errors(include_url=False)[0]['msg']}): {_clip(json_str)}"
                ) from exc
            raise ModelBehaviorError(
                f"The model's output does not match {self.name()}: "
                f"{_describe_validation_error(exc)}; output: {_clip(json_str)}"
            ) from exc


def _clip(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[:limit] + "..."


def _describe_validation_error(exc: pydantic.ValidationError) -> str:
    parts = []
    for error in exc.errors(include_url=False)[:5]:
        where = ".".join(str(p) for p in error["loc"]) or "(root)"
        parts.append(f"{where}: {error['msg']}")
    return "; ".join(parts)


@functools.lru_cache(maxsize=256)
def _cached_schema(output_type: Any) -> AgentOutputSchemaBase | None:
    schema = AgentOutputSchema(output_type)
    return None if schema.is_plain_text() else schema


def output_schema_for(output_type: Any) -> AgentOutputSchemaBase | None:
    """The output schema for ``output_type`` (None for plain text), built once per type."""
    if output_type is None or output_type is str:
        return None
    if isinstance(output_type, AgentOutputSchemaBase):
        return None if output_type.is_plain_text() else output_type
    try:
        return _cached_schema(output_type)
    except TypeError:  # an unhashable type annotation: build it without the cache
        schema = AgentOutputSchema(output_type)
        return None if schema.is_plain_text() else schema
