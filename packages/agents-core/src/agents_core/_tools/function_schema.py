"""Describe a Python function's parameters to a model, and turn the model's arguments into a call.

``function_schema`` runs once when a tool is defined: it reads the signature, type hints and
docstring, and builds a pydantic model of the parameters plus the JSON schema sent to the model.
``FuncSchema.to_call_args`` runs on every tool call, so everything it needs is worked out up front.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from types import GenericAlias
from typing import Annotated, Any, get_args, get_origin, get_type_hints

import pydantic
from pydantic.fields import FieldInfo

from .._base.docstrings import DocstringStyle, generate_func_documentation
from .._base.run_context import RunContextWrapper
from .._base.strict_schema import ensure_strict_json_schema
from ..exceptions import UserError

__all__ = ("FuncSchema", "function_schema")

_Kind = inspect.Parameter
_MODEL_CONFIG = pydantic.ConfigDict(protected_namespaces=())
"""Parameter names like ``model_name`` are ordinary for tools, so pydantic must not warn on them."""


@dataclass(frozen=True, slots=True)
class _CallPlan:
    """Which model attribute feeds which part of the call, in signature order."""

    positional: tuple[str, ...]
    var_positional: str | None
    keyword: tuple[tuple[str, str], ...]
    """(parameter name, model attribute) pairs for keyword-only parameters."""
    var_keyword: str | None

    @classmethod
    def build(
        cls,
        signature: inspect.Signature,
        takes_context: bool,
        model: type[pydantic.BaseModel],
    ) -> _CallPlan:
        # Parameters whose names pydantic cannot use as attributes were given an alias.
        attribute_for = {info.alias or name: name for name, info in model.model_fields.items()}
        params = list(signature.parameters.values())[1 if takes_context else 0 :]
        positional: list[str] = []
        keyword: list[tuple[str, str]] = []
        var_positional = var_keyword = None
        for param in params:
            attribute = attribute_for.get(param.name, param.name)
            if param.kind in (_Kind.POSITIONAL_ONLY, _Kind.POSITIONAL_OR_KEYWORD):
                positional.append(attribute)
            elif param.kind is _Kind.VAR_POSITIONAL:
                var_positional = attribute
            elif param.kind is _Kind.KEYWORD_ONLY:
                keyword.append((param.name, attribute))
            else:
                var_keyword = attribute
        return cls(tuple(positional), var_positional, tuple(keyword), var_keyword)


@dataclass(frozen=True, slots=True)
class FuncSchema:
    """A function's parameters as seen by the model, and how to call the function with them."""

    name: str
    description: str | None
    params_pydantic_model: type[pydantic.BaseModel]
    params_json_schema: dict[str, Any]
    signature: inspect.Signature
    takes_context: bool = False
    """Whether the first parameter is the run context, which the caller injects."""
    strict_json_schema: bool = True
    return_annotation: Any = inspect.Signature.empty
    """The function's return annotation (``inspect.Signature.empty`` when it has none)."""
    _call_plan: _CallPlan = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        plan = _CallPlan.build(self.signature, self.takes_context, self.params_pydantic_model)
        # The instance is frozen; this is its one-time initialisation.
        object.__setattr__(self, "_call_plan", plan)

    def to_call_args(self, data: pydantic.BaseModel) -> tuple[list[Any], dict[str, Any]]:
        """Positional and keyword arguments for calling the function with validated ``data``.

        The run context is not included; when ``takes_context`` is true the caller prepends it.
        """
        plan = self._call_plan
        args = [getattr(data, attribute) for attribute in plan.positional]
        if plan.var_positional is not None:
            args.extend(getattr(data, plan.var_positional))
        kwargs = {name: getattr(data, attribute) for name, attribute in plan.keyword}
        if plan.var_keyword is not None:
            kwargs.update(getattr(data, plan.var_keyword))
        return args, kwargs


def function_schema(
    func: Callable[..., Any],
    docstring_style: DocstringStyle | None = None,
    name_override: str | None = None,
    description_override: str | None = None,
    use_docstring_info: bool = True,
    strict_json_schema: bool = True,
) -> FuncSchema:
    """Build the ``FuncSchema`` for ``func``: its name, description and parameter schema.

    A first parameter annotated as ``RunContextWrapper`` or ``ToolContext`` is the run context:
    it is left out of the schema and supplied by the caller.
    """
    name = name_override or _callable_name(func)
    doc = generate_func_documentation(func, docstring_style) if use_docstring_info else None
    param_docs = (doc.param_descriptions if doc else None) or {}
    try:
        signature = inspect.signature(func)
    except (TypeError, ValueError) as exc:
        raise UserError(f"Cannot read the signature of {name!r}: {exc}") from exc
    hints = _type_hints(func, name)

    params = list(signature.parameters.values())
    takes_context = bool(params) and _is_context_type(hints.get(params[0].name, Any))
    taken = {param.name for param in params}
    fields: dict[str, Any] = {}
    for param in params[1 if takes_context else 0 :]:
        annotation = hints.get(param.name, Any)
        if _is_context_type(annotation):
            raise UserError(
                f"The run context parameter {param.name!r} of {name!r} must be the first "
                "parameter; it is injected by the runtime and never sent by the model."
            )
        attribute = _attribute_name(param.name, taken)
        taken.add(attribute)
        fields[attribute] = _field_definition(
            param, attribute, annotation, param_docs.get(param.name)
        )

    try:
        model = pydantic.create_model(f"{name}_args", __config__=_MODEL_CONFIG, **fields)
        json_schema = model.model_json_schema()
    except pydantic.PydanticUserError as exc:
        raise UserError(f"Cannot build a schema for the parameters of {name!r}: {exc}") from exc
    if strict_json_schema:
        json_schema = ensure_strict_json_schema(json_schema)

    description: str | None
    if description_override is not None:
        description = description_override
    else:
        description = doc.description if doc else None
    return FuncSchema(
        name=name,
        description=description,
        params_pydantic_model=model,
        params_json_schema=json_schema,
        signature=signature,
        takes_context=takes_context,
        strict_json_schema=strict_json_schema,
        return_annotation=hints.get("return", signature.return_annotation),
    )


def _callable_name(func: Callable[..., Any]) -> str:
    name = getattr(func, "__name__", None)
    return name if isinstance(name, str) else type(func).__name__


def _type_hints(func: Callable[..., Any], name: str) -> dict[str, Any]:
    """Resolved annotations, so modules using ``from __future__ import annotations`` work."""
    source: Any = func
    while isinstance(source, functools.partial):
        source = source.func
    if not (inspect.isfunction(source) or inspect.ismethod(source)):
        # A callable object: its parameters are those of its `__call__`.
        source = type(source).__call__
    try:
        return get_type_hints(source, include_extras=True)
    except Exception as exc:
        raise UserError(
            f"Cannot resolve the type annotations of {name!r}: {exc}. Every annotation must be "
            "importable when the tool is defined, not only under TYPE_CHECKING."
        ) from exc


def _is_context_type(annotation: Any) -> bool:
    if get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    origin = get_origin(annotation) or annotation
    return isinstance(origin, type) and issubclass(origin, RunContextWrapper)


def _attribute_name(param_name: str, taken: set[str]) -> str:
    """A model attribute name for the parameter; the JSON key stays the parameter's own name.

    Pydantic ignores names with a leading underscore and warns on names that shadow
    ``BaseModel`` attributes (``json``, ``schema``, ``copy``), all fine as parameter names.
    """
    if not param_name.startswith("_") and not hasattr(pydantic.BaseModel, param_name):
        return param_name
    stem = f"{param_name.lstrip('_')}_param" if param_name.strip("_") else "param"
    candidate, suffix = stem, 1
    while candidate in taken or hasattr(pydantic.BaseModel, candidate):
        suffix += 1
        candidate = f"{stem}{suffix}"
    return candidate


def _field_definition(
    param: inspect.Parameter, attribute: str, annotation: Any, docstring_description: str | None
) -> tuple[Any, FieldInfo]:
    """The ``(type, Field(...))`` pair that ``pydantic.create_model`` takes for one parameter."""
    options: dict[str, Any] = {}
    description = _description_for(annotation, docstring_description)
    if description is not None:
        options["description"] = description
    if attribute != param.name:
        options["alias"] = param.name
    if param.kind is _Kind.VAR_POSITIONAL:
        return GenericAlias(list, (annotation,)), pydantic.Field(default_factory=list, **options)
    if param.kind is _Kind.VAR_KEYWORD:
        items = GenericAlias(dict, (str, annotation))
        return items, pydantic.Field(default_factory=dict, **options)
    if param.default is not inspect.Parameter.empty:
        options["default"] = param.default
    return annotation, pydantic.Field(**options)


def _description_for(annotation: Any, docstring_description: str | None) -> str | None:
    """The description to put on a field, or None when the annotation already carries one.

    A description written into the signature (``Annotated[int, Field(description=...)]`` or
    ``Annotated[int, "..."]``) sits next to the type, so it wins over the docstring's.
    """
    if get_origin(annotation) is Annotated:
        for metadata in reversed(get_args(annotation)[1:]):
            if isinstance(metadata, FieldInfo) and metadata.description is not None:
                return None
            if isinstance(metadata, str):
                return metadata
    return docstring_description
