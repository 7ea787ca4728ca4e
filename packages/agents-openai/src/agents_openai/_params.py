"""Parameter values as the JSON the API takes, whatever they were written as.

Settings and tool options can be this library's own objects, plain dictionaries, or the
``openai`` package's parameter types: its ``TypedDict`` params are dictionaries already, its
pydantic models (``openai.types.shared.Reasoning``, ``web_search_tool.Filters``...) and
dataclasses are dumped without their unset fields, and its ``omit`` / ``NOT_GIVEN`` markers leave
the key out, as ``openai``'s own client does. ``openai`` is never imported here.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from typing import Any, TypeAlias

import pydantic
import pydantic_core

from agents_core.exceptions import UserError

__all__ = (
    "ParamObject",
    "encode_body",
    "json_default",
    "omitted",
    "param_json",
    "param_mapping",
    "reasoning_json",
)

ParamObject: TypeAlias = Mapping[str, Any] | pydantic.BaseModel
"""A parameter object: a dict (``openai``'s ``TypedDict`` params among them) or a pydantic
model (``openai``'s models among them)."""

_SCALARS = (str, int, float, bool)
_MARKERS = frozenset({"Omit", "NotGiven"})


def omitted(value: Any) -> bool:
    """Whether ``value`` is ``openai``'s ``omit`` or ``NOT_GIVEN`` marker (leave the key out)."""
    kind = type(value)
    return kind.__name__ in _MARKERS and kind.__module__.startswith("openai")


def param_json(value: Any) -> Any:
    """``value`` as plain JSON: models and dataclasses as their fields that are set (``None``
    left out), mappings and sequences converted throughout, markers dropped."""
    if value is None or isinstance(value, _SCALARS):
        return value
    if isinstance(value, Mapping):
        return {str(key): param_json(item) for key, item in value.items() if not omitted(item)}
    if isinstance(value, list | tuple):
        return [param_json(item) for item in value if not omitted(item)]
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_none=True)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: param_json(getattr(value, field.name))
            for field in dataclasses.fields(value)
            if getattr(value, field.name) is not None and not omitted(getattr(value, field.name))
        }
    return value


def param_mapping(value: Any, what: str) -> dict[str, Any] | None:
    """``value`` (a mapping, model or dataclass) as a JSON object, or ``None`` for ``None``.

    ``what`` names the parameter in the ``UserError`` raised for anything else.
    """
    if value is None or omitted(value):
        return None
    converted = param_json(value)
    if not isinstance(converted, dict):
        raise UserError(
            f"{what} must be a dict, an openai parameter object or a dataclass, "
            f"not {type(value).__name__}."
        )
    return converted


def json_default(value: Any) -> Any:
    """``json.dumps``'s fallback for request bodies: objects that are not JSON already."""
    converted = param_json(value)
    if converted is value:
        raise UserError(f"A {type(value).__name__} cannot be sent to the API as JSON.")
    return converted


def reasoning_json(reasoning: Any) -> dict[str, Any] | None:
    """``ModelSettings.reasoning`` (this library's ``Reasoning``, ``openai``'s, or a dict) as
    JSON without unset options; ``None`` when nothing is set."""
    fields = param_mapping(reasoning, "ModelSettings.reasoning") or {}
    return {key: value for key, value in fields.items() if value is not None} or None


def encode_body(body: Any) -> bytes:
    """A request body as JSON bytes (UTF-8, compact). The builders make bodies of plain JSON;
    a pydantic model inside one is written as ``param_json`` writes it (aliases, no ``None``
    fields), anything else goes through ``json_default``."""
    try:
        return pydantic_core.to_json(body, fallback=json_default, exclude_none=True)
    except pydantic_core.PydanticSerializationError:
        # Again with the standard library, for json_default's own error (pydantic's wraps it).
        return json.dumps(body, default=json_default).encode()
