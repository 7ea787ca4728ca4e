"""Output schemas for every kind of ``output_type``."""

from __future__ import annotations

import dataclasses
from typing import Literal

import pytest
from pydantic import BaseModel
from typing_extensions import TypedDict

from agents_core import AgentOutputSchema, ModelBehaviorError, UserError
from agents_core._base.output_schema import output_schema_for


class Person(BaseModel):
    name: str
    age: int


@dataclasses.dataclass
class Pet:
    name: str


class Movie(TypedDict):
    title: str
    year: int


@pytest.mark.parametrize(
    ("output_type", "json_text", "expected"),
    [
        (Person, '{"name": "Ann", "age": 3}', Person(name="Ann", age=3)),
        (Pet, '{"name": "Rex"}', Pet(name="Rex")),
        (Movie, '{"title": "Up", "year": 2009}', {"title": "Up", "year": 2009}),
        (int, '{"response": 7}', 7),
        (Literal["yes", "no"], '{"response": "no"}', "no"),
        (list[Person], '{"response": [{"name": "A", "age": 1}]}', [Person(name="A", age=1)]),
    ],
)
def test_schemas_are_strict_objects_and_validate(
    output_type: object, json_text: str, expected: object
) -> None:
    schema = AgentOutputSchema(output_type)  # type: ignore[arg-type]
    body = schema.json_schema()
    assert body["type"] == "object" and body["additionalProperties"] is False
    assert set(body["required"]) == set(body["properties"])
    assert schema.is_strict_json_schema()
    assert schema.validate_json(json_text) == expected


def test_plain_text() -> None:
    assert AgentOutputSchema(str).is_plain_text()
    assert output_schema_for(str) is None and output_schema_for(None) is None
    with pytest.raises(UserError):
        AgentOutputSchema(str).json_schema()


def test_schema_is_built_once_per_type() -> None:
    assert output_schema_for(Person) is output_schema_for(Person)


def test_open_dicts_cannot_be_strict_but_can_be_relaxed() -> None:
    with pytest.raises(UserError, match="strict_json_schema=False"):
        AgentOutputSchema(dict[str, int])
    relaxed = AgentOutputSchema(dict[str, int], strict_json_schema=False)
    assert relaxed.validate_json('{"response": {"a": 1}}') == {"a": 1}


def test_wrapped_output_must_have_the_response_key() -> None:
    with pytest.raises(ModelBehaviorError, match="'response' field"):
        AgentOutputSchema(int).validate_json('{"value": 1}')
    with pytest.raises(ModelBehaviorError, match="not valid JSON"):
        AgentOutputSchema(int).validate_json("{")
