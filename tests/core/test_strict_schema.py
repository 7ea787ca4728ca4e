import copy
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import BaseModel, Field

from agents_core._base.strict_schema import ensure_strict_json_schema
from agents_core.exceptions import UserError


class Address(BaseModel):
    street: str
    city: str = "Paris"


class Person(BaseModel):
    name: str
    nickname: str | None = None
    address: Address
    previous: list[Address] = []


class TreeNode(BaseModel):
    value: int
    children: list["TreeNode"] = []
    parent: "TreeNode | None" = None
    best_child: "TreeNode" = Field(description="The favourite child.")


class Scores(BaseModel):
    scores: dict[str, int]


def _subschemas(node: Any) -> Iterator[dict[str, Any]]:
    """Every dict in the schema that sits where a schema belongs."""
    if isinstance(node, dict):
        yield node
        for key, value in node.items():
            if key in ("properties", "$defs", "definitions"):
                for sub in value.values():
                    yield from _subschemas(sub)
            elif key in ("anyOf", "oneOf", "allOf", "prefixItems") or key == "items":
                yield from _subschemas(value)
    elif isinstance(node, list):
        for item in node:
            yield from _subschemas(item)


def _assert_strict(schema: dict[str, Any]) -> None:
    for node in _subschemas(schema):
        assert "default" not in node
        if "$ref" in node:
            assert list(node) == ["$ref"], node
        if node.get("type") == "object":
            assert node["additionalProperties"] is False
            assert node["required"] == list(node["properties"])


def test_nested_models_lists_and_optionals() -> None:
    schema = ensure_strict_json_schema(Person.model_json_schema())

    _assert_strict(schema)
    assert schema["required"] == ["name", "nickname", "address", "previous"]
    assert schema["properties"]["nickname"] == {
        "anyOf": [{"type": "string"}, {"type": "null"}],
        "title": "Nickname",
    }
    assert schema["properties"]["previous"]["items"] == {"$ref": "#/$defs/Address"}
    assert schema["$defs"]["Address"]["required"] == ["street", "city"]
    assert schema["$defs"]["Address"]["additionalProperties"] is False


def test_recursive_model_terminates_and_expands_described_self_reference() -> None:
    schema = ensure_strict_json_schema(TreeNode.model_json_schema())

    _assert_strict(schema)
    # The root was `{"$ref": ..., "$defs": ...}`, so it is inlined into an object.
    assert schema["type"] == "object"
    assert schema["properties"]["children"]["items"] == {"$ref": "#/$defs/TreeNode"}
    best = schema["properties"]["best_child"]
    assert best["description"] == "The favourite child."
    assert best["type"] == "object"
    # Inlined once; the next level down stays a reference instead of looping forever.
    assert best["properties"]["best_child"] == {"$ref": "#/$defs/TreeNode"}


def test_dict_with_value_schema_is_rejected_with_its_path() -> None:
    with pytest.raises(UserError) as caught:
        ensure_strict_json_schema(Scores.model_json_schema())

    message = str(caught.value)
    assert "'#/properties/scores'" in message
    assert "strict_mode=False" in message


def test_additional_properties_true_is_rejected() -> None:
    schema = {
        "type": "object",
        "properties": {"a": {"type": "object", "additionalProperties": True}},
    }

    with pytest.raises(UserError, match="#/properties/a"):
        ensure_strict_json_schema(schema)


def test_ref_with_siblings_is_inlined() -> None:
    schema = {
        "type": "object",
        "properties": {
            "home": {"$ref": "#/$defs/Address", "description": "Where they live."},
            "work": {"$ref": "#/definitions/Address"},
        },
        "$defs": {"Address": {"type": "object", "properties": {"street": {"type": "string"}}}},
        "definitions": {"Address": {"type": "object", "properties": {"zip": {"type": "string"}}}},
    }

    result = ensure_strict_json_schema(schema)

    assert result["properties"]["home"] == {
        "type": "object",
        "properties": {"street": {"type": "string"}},
        "description": "Where they live.",
        "additionalProperties": False,
        "required": ["street"],
    }
    assert result["properties"]["work"] == {"$ref": "#/definitions/Address"}
    assert result["definitions"]["Address"]["required"] == ["zip"]


def test_unresolvable_ref_is_a_user_error() -> None:
    schema = {"type": "object", "properties": {"a": {"$ref": "#/$defs/Missing", "title": "A"}}}

    with pytest.raises(UserError, match="Missing"):
        ensure_strict_json_schema(schema)


def test_input_is_not_mutated() -> None:
    original = Person.model_json_schema()
    snapshot = copy.deepcopy(original)

    result = ensure_strict_json_schema(original)
    result["$defs"]["Address"]["properties"]["street"]["title"] = "changed"

    assert original == snapshot


def test_empty_root_becomes_an_empty_object() -> None:
    assert ensure_strict_json_schema({}) == {
        "type": "object",
        "properties": {},
        "required": [],
        "additionalProperties": False,
    }


def test_defaults_are_removed_but_a_property_named_default_is_kept() -> None:
    schema = {
        "type": "object",
        "properties": {
            "default": {"type": "string", "default": "x"},
            "count": {"type": "integer", "default": None},
        },
    }

    result = ensure_strict_json_schema(schema)

    assert result["properties"] == {"default": {"type": "string"}, "count": {"type": "integer"}}
    assert result["required"] == ["default", "count"]


def test_single_all_of_is_merged_with_the_outer_keys_winning() -> None:
    schema = {
        "type": "object",
        "properties": {
            "home": {"allOf": [{"$ref": "#/$defs/A"}], "description": "outer"},
        },
        "$defs": {"A": {"type": "object", "description": "inner", "properties": {}}},
    }

    home = ensure_strict_json_schema(schema)["properties"]["home"]

    assert "allOf" not in home
    assert home["description"] == "outer"
    assert home["additionalProperties"] is False


def test_one_of_prefix_items_and_multi_all_of_are_recursed() -> None:
    obj = {"type": "object", "properties": {"x": {"type": "integer"}}}
    schema = {
        "type": "object",
        "properties": {
            "choice": {"oneOf": [obj, {"type": "string"}]},
            "pair": {"type": "array", "prefixItems": [obj, obj]},
            "both": {"allOf": [obj, obj]},
        },
    }

    result = ensure_strict_json_schema(schema)

    _assert_strict(result)
    assert "oneOf" in result["properties"]["choice"]
    assert result["properties"]["choice"]["oneOf"][0]["required"] == ["x"]
    assert result["properties"]["pair"]["prefixItems"][1]["additionalProperties"] is False
    assert len(result["properties"]["both"]["allOf"]) == 2


def test_bare_object_is_closed_with_no_properties() -> None:
    result = ensure_strict_json_schema({"type": "object", "properties": {"a": {"type": "object"}}})

    assert result["properties"]["a"] == {
        "type": "object",
        "properties": {},
        "additionalProperties": False,
        "required": [],
    }


def test_self_referencing_definitions_terminate() -> None:
    described_loop = {
        "$ref": "#/$defs/B",
        "$defs": {
            "B": {
                "type": "object",
                "properties": {"again": {"$ref": "#/$defs/B", "description": "d"}},
            },
        },
        "title": "root",
    }
    # A definition that is nothing but a reference to itself is meaningless, but must not hang.
    alias_loop = {"$ref": "#/$defs/A", "$defs": {"A": {"$ref": "#/$defs/A", "title": "t"}}}

    result = ensure_strict_json_schema(described_loop)
    ensure_strict_json_schema(alias_loop)

    assert result["title"] == "root"
    again = result["properties"]["again"]
    assert again["description"] == "d"
    assert again["properties"]["again"] == {"$ref": "#/$defs/B"}
    assert result["$defs"]["B"]["properties"]["again"]["properties"]["again"] == {
        "$ref": "#/$defs/B"
    }


def test_resolve_ref_follows_escaped_pointers() -> None:
    from agents_core.strict_schema import has_more_than_n_keys, is_dict, is_list, resolve_ref

    root: dict[str, Any] = {"$defs": {"a/b": {"type": "string"}, "c d": {"type": "integer"}}}
    assert resolve_ref(root=root, ref="#/$defs/a~1b") == {"type": "string"}
    assert resolve_ref(root=root, ref="#/$defs/c%20d") == {"type": "integer"}
    with pytest.raises(ValueError, match="same schema"):
        resolve_ref(root=root, ref="other.json#/x")
    with pytest.raises(KeyError):
        resolve_ref(root=root, ref="#/$defs/missing")
    assert is_dict({}) and not is_dict([]) and is_list([]) and not is_list({})
    assert has_more_than_n_keys({"a": 1, "b": 2}, 1) and not has_more_than_n_keys({"a": 1}, 1)
