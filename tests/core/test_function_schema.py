# Postponed annotations on purpose: tools written this way must still have their types resolved.
from __future__ import annotations

import dataclasses
import enum
import functools
import inspect
from typing import TYPE_CHECKING, Annotated, Any, Literal

import pydantic
import pytest
from typing_extensions import TypedDict

from agents_core._base.run_context import RunContextWrapper, ToolContext
from agents_core._tools.function_schema import FuncSchema, function_schema
from agents_core.exceptions import UserError

if TYPE_CHECKING:
    from decimal import Decimal


class Unit(enum.Enum):
    CELSIUS = "celsius"
    FAHRENHEIT = "fahrenheit"


class Location(pydantic.BaseModel):
    city: str
    country: str | None = None


@dataclasses.dataclass
class Window:
    start: int
    end: int


class Filters(TypedDict):
    tag: str
    limit: int


@dataclasses.dataclass
class MyContext:
    user: str


class MyToolContext(ToolContext[MyContext]):
    pass


def _call(schema: FuncSchema, func: Any, arguments: dict[str, Any]) -> Any:
    """Validate ``arguments`` the way a tool call does and invoke ``func`` with the result."""
    data = schema.params_pydantic_model.model_validate(arguments)
    args, kwargs = schema.to_call_args(data)
    return func(*args, **kwargs)


def test_plain_function_schema_and_call() -> None:
    def add(a: int, b: int = 2) -> int:
        """Add two numbers.

        Args:
            a: The first number.
            b: The second number.
        """
        return a + b

    schema = function_schema(add)

    assert schema.name == "add"
    assert schema.description == "Add two numbers."
    assert schema.takes_context is False
    assert schema.strict_json_schema is True
    assert schema.signature == inspect.signature(add)
    assert schema.params_json_schema == {
        "type": "object",
        "title": "add_args",
        "properties": {
            "a": {"type": "integer", "title": "A", "description": "The first number."},
            "b": {"type": "integer", "title": "B", "description": "The second number."},
        },
        "required": ["a", "b"],
        "additionalProperties": False,
    }
    assert _call(schema, add, {"a": 1}) == 3
    assert _call(schema, add, {"a": 1, "b": 5}) == 6


def test_non_strict_schema_keeps_defaults_and_optional_params() -> None:
    def greet(name: str, punctuation: str = "!") -> str:
        return f"hi {name}{punctuation}"

    schema = function_schema(greet, strict_json_schema=False)

    assert schema.strict_json_schema is False
    assert schema.params_json_schema["required"] == ["name"]
    assert schema.params_json_schema["properties"]["punctuation"]["default"] == "!"
    assert "additionalProperties" not in schema.params_json_schema


@pytest.mark.parametrize(
    "annotation",
    [RunContextWrapper, RunContextWrapper[MyContext], ToolContext, ToolContext[Any], MyToolContext],
)
def test_context_first_param_is_hidden(annotation: Any) -> None:
    def tool(ctx: Any, query: str) -> str:
        return f"{ctx.context.user}:{query}"

    tool.__annotations__["ctx"] = annotation
    schema = function_schema(tool)

    assert schema.takes_context is True
    assert list(schema.params_json_schema["properties"]) == ["query"]
    data = schema.params_pydantic_model.model_validate({"query": "q"})
    args, kwargs = schema.to_call_args(data)
    assert args == ["q"]
    assert tool(RunContextWrapper(MyContext(user="ann")), *args, **kwargs) == "ann:q"


def test_context_annotation_written_as_a_string() -> None:
    # Under postponed annotations this is the string "ToolContext[MyContext]".
    def tool(ctx: ToolContext[MyContext], n: int) -> int:
        return n

    assert tool.__annotations__["ctx"] == "ToolContext[MyContext]"
    schema = function_schema(tool)

    assert schema.takes_context is True
    assert schema.params_json_schema["required"] == ["n"]


def test_context_in_a_later_position_is_a_user_error() -> None:
    def tool(query: str, ctx: RunContextWrapper[Any]) -> str:
        return query

    with pytest.raises(UserError, match=r"'ctx'.*must be the first parameter"):
        function_schema(tool)


def test_self_is_not_treated_specially() -> None:
    def tool(self: int, value: int) -> int:
        return self + value

    schema = function_schema(tool)

    assert schema.takes_context is False
    assert list(schema.params_json_schema["properties"]) == ["self", "value"]
    assert _call(schema, tool, {"self": 1, "value": 2}) == 3


def test_annotated_description_wins_over_docstring() -> None:
    def tool(
        a: Annotated[int, pydantic.Field(description="From Field.")],
        b: Annotated[str, "From a plain string."],
        c: Annotated[int, pydantic.Field(ge=0)] = 1,
    ) -> None:
        """Tool.

        Args:
            a: From the docstring.
            b: Also from the docstring.
            c: C from the docstring.
        """

    properties = function_schema(tool).params_json_schema["properties"]

    assert properties["a"]["description"] == "From Field."
    assert properties["b"]["description"] == "From a plain string."
    assert properties["c"]["description"] == "C from the docstring."
    assert properties["c"]["minimum"] == 0


def test_annotated_constraints_are_validated() -> None:
    def tool(count: Annotated[int, pydantic.Field(ge=1)]) -> int:
        return count

    schema = function_schema(tool)

    with pytest.raises(pydantic.ValidationError):
        schema.params_pydantic_model.model_validate({"count": 0})


def test_docstring_styles_feed_descriptions() -> None:
    def tool(city: str) -> None:
        """Look up a city.

        Parameters
        ----------
        city : str
            The city name.
        """

    schema = function_schema(tool, docstring_style="numpy")

    assert schema.params_json_schema["properties"]["city"]["description"] == "The city name."


def test_overrides_and_ignoring_the_docstring() -> None:
    def tool(city: str) -> None:
        """Look up a city.

        Args:
            city: The city name.
        """

    schema = function_schema(
        tool, name_override="lookup", description_override="Custom description."
    )
    assert schema.name == "lookup"
    assert schema.description == "Custom description."
    assert schema.params_json_schema["title"] == "lookup_args"

    bare = function_schema(tool, use_docstring_info=False)
    assert bare.description is None
    assert "description" not in bare.params_json_schema["properties"]["city"]


def test_keyword_only_positional_only_and_var_args_round_trip() -> None:
    def tool(a: int, /, b: str, *rest: float, flag: bool = False, **extra: int) -> Any:
        return (a, b, rest, flag, extra)

    schema = function_schema(tool, strict_json_schema=False)
    assert schema.params_json_schema["properties"]["rest"]["items"] == {"type": "number"}

    data = schema.params_pydantic_model.model_validate(
        {"a": 1, "b": "x", "rest": [1.5, 2], "flag": True, "extra": {"k": 3}}
    )
    args, kwargs = schema.to_call_args(data)

    assert args == [1, "x", 1.5, 2.0]
    assert kwargs == {"flag": True, "k": 3}
    assert tool(*args, **kwargs) == (1, "x", (1.5, 2.0), True, {"k": 3})
    assert _call(schema, tool, {"a": 7, "b": "y"}) == (7, "y", (), False, {})


def test_var_keyword_fails_strict_mode_clearly() -> None:
    def tool(**options: int) -> None:
        pass

    with pytest.raises(UserError, match=r"'#/properties/options'.*strict_mode=False"):
        function_schema(tool)


def test_var_positional_works_in_strict_mode() -> None:
    def total(*values: int) -> int:
        return sum(values)

    schema = function_schema(total)

    assert schema.params_json_schema["required"] == ["values"]
    assert _call(schema, total, {"values": [1, 2, 3]}) == 6


def test_unannotated_params_are_any() -> None:
    def tool(value, other=None):  # type: ignore[no-untyped-def]
        return (value, other)

    schema = function_schema(tool, strict_json_schema=False)

    assert schema.params_json_schema["properties"]["value"] == {"title": "Value"}
    assert _call(schema, tool, {"value": {"nested": [1]}}) == ({"nested": [1]}, None)


def test_rich_parameter_types_round_trip() -> None:
    def tool(
        location: Location,
        window: Window,
        filters: Filters,
        unit: Unit,
        mode: Literal["fast", "slow"] = "fast",
    ) -> Any:
        return (location, window, filters, unit, mode)

    schema = function_schema(tool)
    json_schema = schema.params_json_schema

    assert json_schema["required"] == ["location", "window", "filters", "unit", "mode"]
    assert json_schema["properties"]["mode"] == {
        "enum": ["fast", "slow"],
        "title": "Mode",
        "type": "string",
    }
    assert json_schema["$defs"]["Unit"]["enum"] == ["celsius", "fahrenheit"]
    for name in ("Location", "Window", "Filters"):
        assert json_schema["$defs"][name]["additionalProperties"] is False
    assert json_schema["$defs"]["Location"]["required"] == ["city", "country"]

    location, window, filters, unit, mode = _call(
        schema,
        tool,
        {
            "location": {"city": "Oslo", "country": None},
            "window": {"start": 1, "end": 2},
            "filters": {"tag": "t", "limit": 5},
            "unit": "celsius",
            "mode": "slow",
        },
    )
    assert location == Location(city="Oslo")
    assert window == Window(start=1, end=2)
    assert filters == {"tag": "t", "limit": 5}
    assert unit is Unit.CELSIUS
    assert mode == "slow"


def test_parameter_names_pydantic_reserves_keep_their_json_names() -> None:
    def tool(json: str, schema: int = 0, *, _private: bool = False, model_name: str = "m") -> Any:
        return (json, schema, _private, model_name)

    func_schema = function_schema(tool)

    assert list(func_schema.params_json_schema["properties"]) == [
        "json",
        "schema",
        "_private",
        "model_name",
    ]
    result = _call(
        func_schema, tool, {"json": "j", "schema": 2, "_private": True, "model_name": "x"}
    )
    assert result == ("j", 2, True, "x")


def test_unresolvable_annotation_is_a_user_error() -> None:
    def tool(amount: Decimal) -> None:
        pass

    with pytest.raises(UserError, match="Decimal"):
        function_schema(tool)


def test_unsupported_parameter_type_is_a_user_error() -> None:
    class Opaque:
        pass

    def tool(thing: Any) -> None:
        pass

    tool.__annotations__["thing"] = Opaque
    with pytest.raises(UserError, match="'tool'"):
        function_schema(tool)


def test_func_schema_built_by_hand_can_still_make_call_args() -> None:
    def tool(a: int, *, b: int) -> int:
        return a - b

    model = pydantic.create_model("tool_args", a=(int, ...), b=(int, ...))
    schema = FuncSchema(
        name="tool",
        description=None,
        params_pydantic_model=model,
        params_json_schema=model.model_json_schema(),
        signature=inspect.signature(tool),
    )

    assert _call(schema, tool, {"a": 5, "b": 2}) == 3


def test_decorated_function_uses_the_wrapped_signature_and_docstring() -> None:
    def logged(func: Any) -> Any:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            return func(*args, **kwargs)

        return wrapper

    @logged
    def scale(value: float, factor: float = 2.0) -> float:
        """Scale a value.

        Args:
            value: What to scale.
        """
        return value * factor

    schema = function_schema(scale)

    assert schema.name == "scale"
    assert schema.description == "Scale a value."
    assert schema.params_json_schema["properties"]["value"]["description"] == "What to scale."
    assert _call(schema, scale, {"value": 1.5, "factor": 3}) == 4.5


def test_the_return_annotation_is_kept_and_options_may_be_positional() -> None:
    import inspect as _inspect

    from agents_core.function_schema import function_schema

    def area(width: float, height: float) -> float:
        """Area of a rectangle."""
        return width * height

    def nothing(x: int):  # type: ignore[no-untyped-def]
        return x

    schema = function_schema(area, None, "rect_area", "Computes an area.")
    assert (schema.name, schema.description) == ("rect_area", "Computes an area.")
    assert schema.return_annotation is float
    assert function_schema(nothing).return_annotation is _inspect.Signature.empty
