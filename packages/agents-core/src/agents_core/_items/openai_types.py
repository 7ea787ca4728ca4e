"""Wire objects that are also instances of the ``openai`` package's classes, when it is in use.

Code written for OpenAI's Agents SDK checks raw stream events and raw items against the classes
of ``openai.types.responses`` (``isinstance(event.data, ResponseTextDeltaEvent)``). This library
does not depend on ``openai``; instead, whenever it builds a wire object (a stream event, a
response, an output item) it asks ``wire_class`` which class to build:

- ``openai`` is not in use: this library's own class, at the cost of one dictionary lookup;
- ``openai`` is in use: a class made on first use that subclasses both this library's class and
  the ``openai`` class of the same wire ``type``. Its instances pass ``isinstance`` checks against
  either, the runtime reads them as before, and the fields keep this library's types (a field
  only ``openai`` models is kept as the JSON it arrived as, ``None`` when absent).

"In use" is decided when each object is built: by default, whether the program has imported
``openai`` (``sys.modules.get("openai")``; this library never imports it by itself).
``set_openai_types(True)`` asks for ``openai``'s classes always (importing the package),
``set_openai_types(False)`` never, ``set_openai_types(None)`` goes back to the default.
"""

from __future__ import annotations

import importlib
import sys
import threading
import types
import typing
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, TypeVar, Union, cast

import pydantic
from pydantic import BaseModel, ConfigDict, Discriminator, Tag

from .._base.logging import log
from ..exceptions import UserError
from .items import (
    ReasoningSummary,
    ResponseFunctionToolCall,
    ResponseOtherItem,
    ResponseOutputMessage,
    ResponseOutputRefusal,
    ResponseOutputText,
    ResponseReasoningItem,
    TResponseOutputItem,
    _WireModel,
)
from .stream_types import Response, ResponseStreamEvent, ResponseUsage

if TYPE_CHECKING:
    from pydantic import TypeAdapter

__all__ = (
    "as_wire_object",
    "openai_types_active",
    "set_openai_types",
    "wire_class",
    "wire_output_item_adapter",
    "wire_output_items_adapter",
)

ModelT = TypeVar("ModelT", bound=BaseModel)
ObjectT = TypeVar("ObjectT")


class _State:
    __slots__ = ("broken", "mode")

    def __init__(self) -> None:
        # None: follow sys.modules; True / False: the user's explicit choice.
        self.mode: bool | None = None
        # Set when the module named "openai" turned out not to be the openai package.
        self.broken = False


_state = _State()
_lock = threading.RLock()
_hybrids: dict[type[Any], type[Any]] = {}
_HYBRID_MARK = "__agents_openai_counterpart__"
_PLAIN_CLASS = "__agents_plain_class__"


def set_openai_types(enabled: bool | None) -> None:
    """Choose whether wire objects are also instances of the ``openai`` package's classes.

    ``None`` (the default): whenever the program has imported ``openai``. ``True``: always
    (imports ``openai``; a ``UserError`` if it is not installed). ``False``: never. Objects
    built before a change keep their classes.
    """
    if enabled:
        try:
            importlib.import_module("openai")
            importlib.import_module("openai.types.responses")
        except ImportError as exc:
            raise UserError(
                "set_openai_types(True) needs the openai package (pip install openai)."
            ) from exc
    _state.mode = enabled
    _state.broken = False


def openai_types_active() -> bool:
    """Whether wire objects built now are also instances of ``openai``'s classes."""
    mode = _state.mode
    if mode is None:
        return sys.modules.get("openai") is not None and not _state.broken
    return mode and not _state.broken


def wire_class(cls: type[ModelT]) -> type[ModelT]:
    """The class to build an object of wire type ``cls`` with: ``cls`` itself, or, while
    ``openai`` is in use, its subclass that is also ``openai``'s class for the same object."""
    mode = _state.mode
    if mode is None:
        if sys.modules.get("openai") is None:
            return cls
    elif not mode:
        return cls
    hybrid = _hybrids.get(cls)
    if hybrid is None:
        hybrid = _hybrid_or_plain(cls)
    return cast(type[ModelT], hybrid)


def as_wire_object(value: ObjectT) -> ObjectT:
    """``value`` (an output item, event or response of this library) rebuilt as an instance of
    its ``wire_class``, for objects made before ``openai`` came into use or by hand; anything
    else, or an object already of the right class, is returned as it is."""
    if not isinstance(value, _WireModel) or not openai_types_active():
        return value
    kind = type(value)
    if _HYBRID_MARK in kind.__dict__:
        return value
    data = value.model_dump(by_alias=True, round_trip=True)
    if isinstance(value, _OUTPUT_ITEM_CLASSES):
        return cast(ObjectT, wire_output_item_adapter().validate_python(data))
    target = wire_class(kind)
    if target is kind:
        return value
    return cast(ObjectT, target.model_validate(data))


def wire_output_item_adapter() -> TypeAdapter[TResponseOutputItem]:
    """The validator of one output item into its wire class (see ``wire_class``)."""
    from .items import _plain_output_item_adapter

    if not openai_types_active() or _output_union() is None:
        return _plain_output_item_adapter()
    return cast("TypeAdapter[TResponseOutputItem]", _openai_adapters()[0])


def wire_output_items_adapter() -> TypeAdapter[list[TResponseOutputItem]]:
    """The validator of a list of output items into their wire classes."""
    from .items import _plain_output_items_adapter

    if not openai_types_active() or _output_union() is None:
        return _plain_output_items_adapter()
    return cast("TypeAdapter[list[TResponseOutputItem]]", _openai_adapters()[1])


# ------------------------------------------------------------------------- openai's classes


_OUTPUT_ITEM_CLASSES = (
    ResponseOutputMessage,
    ResponseFunctionToolCall,
    ResponseReasoningItem,
    ResponseOtherItem,
)


class _OpenAITypes:
    """The classes of ``openai.types.responses`` that ours correspond to."""

    def __init__(self) -> None:
        responses = importlib.import_module("openai.types.responses")
        reasoning = importlib.import_module("openai.types.responses.response_reasoning_item")
        self.events = _members_by_type(responses.ResponseStreamEvent)
        self.items = _members_by_type(responses.ResponseOutputItem)
        self.by_class: dict[type[Any], type[Any]] = {
            Response: responses.Response,
            ResponseUsage: responses.ResponseUsage,
            ResponseOutputText: responses.ResponseOutputText,
            ResponseOutputRefusal: responses.ResponseOutputRefusal,
            ReasoningSummary: reasoning.Summary,
        }

    def counterpart(self, cls: type[Any]) -> type[Any] | None:
        if cls in self.by_class:
            return self.by_class[cls]
        field = cls.model_fields.get("type")
        kind = field.default if field is not None else None
        if not isinstance(kind, str):
            return None
        if issubclass(cls, ResponseStreamEvent):
            return self.events.get(kind)
        if cls in _OUTPUT_ITEM_CLASSES:
            return self.items.get(kind)
        return None


def _members_by_type(union: Any) -> dict[str, type[Any]]:
    """The classes of a discriminated union of ``openai``, by their ``type`` literal."""
    while typing.get_origin(union) is Annotated:
        union = typing.get_args(union)[0]
    found: dict[str, type[Any]] = {}
    for member in typing.get_args(union):
        field = getattr(member, "model_fields", {}).get("type")
        literal = typing.get_args(field.annotation) if field is not None else ()
        if len(literal) == 1 and isinstance(literal[0], str):
            found[literal[0]] = member
    return found


_openai: list[_OpenAITypes] = []


def _openai_types() -> _OpenAITypes | None:
    if _state.broken:
        return None
    if not _openai:
        try:
            _openai.append(_OpenAITypes())
        except (ImportError, AttributeError, TypeError) as exc:
            # A module called "openai" that is not the package (or a version too unlike it).
            _state.broken = True
            log().warning("openai classes unavailable; using this library's own", error=str(exc))
            return None
    return _openai[0]


# -------------------------------------------------------------------------- class building


def _hybrid_or_plain(cls: type[Any]) -> type[Any]:
    if _state.broken:
        return cls
    with _lock:
        if cls in _hybrids:
            return _hybrids[cls]
        openai = _openai_types()
        if openai is None or not issubclass(cls, _WireModel):
            return cls
        hybrid = _safe_hybrid(cls, openai.counterpart(cls))
        _hybrids[cls] = hybrid
        _hybrids[hybrid] = hybrid
        return hybrid


def _safe_hybrid(cls: type[Any], counterpart: type[Any] | None) -> type[Any]:
    try:
        return _make_hybrid(cls, counterpart)
    except (TypeError, ValueError, pydantic.PydanticUserError) as exc:
        # An openai version whose class cannot be combined with ours: keep ours for this one.
        log().warning("openai class not combined", cls=cls.__name__, error=str(exc))
        return cls


def _make_hybrid(cls: type[Any], counterpart: type[Any] | None) -> type[Any]:
    """A subclass of ``cls`` and ``counterpart`` with ``cls``'s fields (nested wire classes
    swapped for theirs); ``counterpart``'s other fields are optional and untyped."""
    hints = typing.get_type_hints(cls, include_extras=True)
    annotations: dict[str, Any] = {}
    namespace: dict[str, Any] = {
        "__module__": __name__,
        "__qualname__": cls.__qualname__,
        "__doc__": cls.__doc__,
        "model_config": ConfigDict(extra="allow", populate_by_name=True, defer_build=True),
        "__reduce__": _reduce,
        _HYBRID_MARK: counterpart,
        _PLAIN_CLASS: cls,
    }
    for name, field in cls.model_fields.items():
        swapped = _swap(hints[name])
        if swapped is not hints[name]:
            annotations[name] = swapped
            namespace[name] = _same_default(field)
    if counterpart is not None:
        for name, field in counterpart.model_fields.items():
            if name not in cls.model_fields:
                annotations[name] = Any
                namespace[name] = pydantic.Field(default=None, alias=field.alias)
    if counterpart is None and not annotations:
        return cls
    namespace["__annotations__"] = annotations
    bases = (cls, counterpart) if counterpart is not None else (cls,)
    metaclass: Any = type(cls)  # pydantic's, shared by both bases
    return cast(type[Any], metaclass(cls.__name__, bases, namespace))


def _reduce(self: Any) -> tuple[Any, ...]:
    # Made at run time, these classes cannot be found by name: pickles hold the class of this
    # library they stand for, and unpickling builds its wire class again.
    data = self.model_dump(by_alias=True, round_trip=True, exclude_unset=True)
    return (_restore, (getattr(type(self), _PLAIN_CLASS), data))


def _restore(plain: type[Any], data: Any) -> Any:
    """Rebuild a pickled wire object (with ``openai``'s classes if they are in use now)."""
    if plain in _OUTPUT_ITEM_CLASSES:
        return wire_output_item_adapter().validate_python(data)
    return wire_class(plain).model_validate(data)


def _same_default(field: Any) -> Any:
    if field.default_factory is not None:
        return pydantic.Field(default_factory=field.default_factory, alias=field.alias)
    if field.is_required():
        return pydantic.Field(alias=field.alias)
    return pydantic.Field(default=field.default, alias=field.alias)


def _swap(hint: Any) -> Any:
    """``hint`` with every wire class of this library replaced by its ``wire_class``."""
    if hint is TResponseOutputItem or hint == TResponseOutputItem:
        union = _output_union()
        return hint if union is None else union
    if isinstance(hint, type):
        if issubclass(hint, _WireModel) and hint is not ResponseStreamEvent:
            return _hybrid_or_plain(hint)
        return hint
    origin = typing.get_origin(hint)
    arguments = typing.get_args(hint)
    if origin is Annotated:
        inner = _swap(arguments[0])
        if inner is arguments[0]:
            return hint
        return Annotated[(inner, *hint.__metadata__)]
    if origin in (Union, types.UnionType, list, dict):
        swapped = tuple(_swap(argument) for argument in arguments)
        if all(new is old for new, old in zip(swapped, arguments, strict=True)):
            return hint
        generic: Any = Union if origin is types.UnionType else origin
        return generic[swapped if len(swapped) > 1 else swapped[0]]
    return hint


_union: list[Any] = []


def _output_union() -> Any:
    """The output item union over hybrid classes: one per item type ``openai`` knows (hosted
    tool calls included), this library's ``ResponseOtherItem`` for the rest."""
    if _union:
        return _union[0]
    with _lock:
        if _union:
            return _union[0]
        openai = _openai_types()
        if openai is None:
            return None
        ours = {"message": ResponseOutputMessage, "function_call": ResponseFunctionToolCall}
        ours["reasoning"] = ResponseReasoningItem
        members: list[Any] = []
        known: set[str] = set()
        for kind, theirs in openai.items.items():
            if kind in ours:
                cls = _hybrid_or_plain(ours[kind])
            else:
                cls = _safe_hybrid(ResponseOtherItem, theirs)
                if cls is ResponseOtherItem:
                    continue  # not combined: such items stay ResponseOtherItem
                cls.__name__ = cls.__qualname__ = theirs.__name__
            members.append(Annotated[cls, Tag(kind)])
            known.add(kind)
        members.append(Annotated[ResponseOtherItem, Tag("other")])
        tag = Discriminator(_item_tag(frozenset(known)))
        union: Any = Annotated[Union[tuple(members)], tag]  # noqa: UP007
        _union.append(union)
        return union


def _item_tag(known: frozenset[str]) -> Callable[[Any], str]:
    def tag(value: Any) -> str:
        kind = value.get("type") if isinstance(value, dict) else getattr(value, "type", None)
        return kind if kind in known else "other"

    return tag


_adapters: list[tuple[Any, Any]] = []


def _openai_adapters() -> tuple[Any, Any]:
    if not _adapters:
        with _lock:
            if not _adapters:
                union = _output_union()
                items: Any = list[union]  # type: ignore[valid-type]  # a union built at run time
                _adapters.append((pydantic.TypeAdapter(union), pydantic.TypeAdapter(items)))
    return _adapters[0]
