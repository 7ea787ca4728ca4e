"""Rewrite a JSON schema into the subset OpenAI's strict structured-output mode accepts.

Strict mode wants every object closed (``additionalProperties: false``) with every property
listed in ``required``, no ``default`` keywords, and no ``$ref`` carrying sibling keywords.
Optional values stay expressible as a union with ``null``, which pydantic already emits.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any, TypeGuard
from urllib.parse import unquote

from ..exceptions import UserError

__all__ = ("ensure_strict_json_schema", "has_more_than_n_keys", "is_dict", "is_list", "resolve_ref")

_SCHEMA_MAPS = ("properties", "$defs", "definitions")
"""Keys whose value maps names to subschemas."""

_SCHEMA_LISTS = ("anyOf", "oneOf", "allOf", "prefixItems")
"""Keys whose value is a list of subschemas."""

_ROOT_INLINED = "#"
"""Marks, among the ``$ref``s being expanded, that the root's own ``$ref`` was inlined."""


def ensure_strict_json_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """Return a copy of ``schema`` that strict mode accepts; ``schema`` itself is left unchanged.

    Raises ``UserError`` when the schema describes an object with open-ended keys (such as
    ``dict[str, int]``), which strict mode cannot represent.
    """
    if not schema:
        return {"type": "object", "properties": {}, "required": [], "additionalProperties": False}
    return _Strictifier(schema).visit_schema(schema, "#", frozenset())


class _Strictifier:
    """Walks one schema, building the strict copy; holds the root so ``$ref``s can be resolved."""

    def __init__(self, root: Mapping[str, Any]) -> None:
        self._root = root

    def visit(self, node: Any, path: str, expanding: frozenset[str]) -> Any:
        """Strict copy of whatever sits where a subschema belongs."""
        if isinstance(node, Mapping):
            return self.visit_schema(node, path, expanding)
        # Boolean schemas and anything malformed pass through unchanged.
        return copy.deepcopy(node)

    def visit_schema(
        self, node: Mapping[str, Any], path: str, expanding: frozenset[str]
    ) -> dict[str, Any]:
        """Strict copy of the subschema ``node`` found at JSON pointer ``path``.

        ``expanding`` holds the ``$ref``s being inlined on the way here, so a recursive model
        whose self-reference carries a description cannot send this into an endless loop.
        """
        # Strict mode rejects `default`; the model has to send every value anyway.
        node = {key: value for key, value in node.items() if key != "default"}

        all_of = node.get("allOf")
        if isinstance(all_of, list) and len(all_of) == 1 and isinstance(all_of[0], Mapping):
            # A lone `allOf` entry is just a wrapper. The outer keys (usually a field's
            # description) are the more specific ones, so they win over the entry's.
            rest = {key: value for key, value in node.items() if key != "allOf"}
            return self.visit_schema({**all_of[0], **rest}, path, expanding)

        ref = node.get("$ref")
        if isinstance(ref, str) and len(node) > 1:
            return self._inline_ref(node, ref, path, expanding)

        result = {key: self._visit_key(key, value, path, expanding) for key, value in node.items()}
        if _is_object(result):
            _close_object(result)
        return result

    def _visit_key(self, key: str, value: Any, path: str, expanding: frozenset[str]) -> Any:
        child_path = f"{path}/{_escape(key)}"
        if key in _SCHEMA_MAPS and isinstance(value, Mapping):
            return {
                name: self.visit(sub, f"{child_path}/{_escape(name)}", expanding)
                for name, sub in value.items()
            }
        if key in _SCHEMA_LISTS and isinstance(value, list):
            return [self.visit(sub, f"{child_path}/{i}", expanding) for i, sub in enumerate(value)]
        if key == "items":
            if isinstance(value, list):
                # Draft-04 style tuple validation.
                return [
                    self.visit(sub, f"{child_path}/{i}", expanding) for i, sub in enumerate(value)
                ]
            return self.visit(value, child_path, expanding)
        if (key == "additionalProperties" and value is not False) or key == "patternProperties":
            raise _open_object_error(path, key, value)
        # Everything else (enum values, const, examples, descriptions) is data, not a schema.
        return copy.deepcopy(value)

    def _inline_ref(
        self, node: dict[str, Any], ref: str, path: str, expanding: frozenset[str]
    ) -> dict[str, Any]:
        siblings = {key: value for key, value in node.items() if key != "$ref"}
        if ref in expanding:
            # Inlining again would never end. Keeping the bare `$ref` loses only the sibling
            # annotations (a description or title), never any structure.
            return {"$ref": ref}
        # The referring node's own keys are more specific than the definition's, so they win.
        merged = {**self._resolve(ref, path), **siblings}
        if path == "#" and _ROOT_INLINED not in expanding:
            # A root `$ref` (pydantic's shape for a recursive model) only names the root's type,
            # so the first one does not count: a described self-reference one level down still
            # gets inlined. The marker makes sure this happens once, keeping the walk finite.
            return self.visit_schema(merged, path, expanding | {_ROOT_INLINED})
        return self.visit_schema(merged, path, expanding | {ref})

    def _resolve(self, ref: str, path: str) -> Mapping[str, Any]:
        if not ref.startswith("#/"):
            raise UserError(
                f"Cannot resolve the $ref {ref!r} at {path!r}: only references into the same "
                "schema (starting with '#/') are supported."
            )
        try:
            target = resolve_ref(root=self._root, ref=ref)
        except (KeyError, TypeError, UnicodeDecodeError):
            raise UserError(
                f"Cannot resolve the $ref {ref!r} at {path!r}: it points nowhere."
            ) from None
        if not isinstance(target, Mapping):
            raise UserError(f"The $ref {ref!r} at {path!r} does not point to a schema object.")
        return target


def resolve_ref(*, root: Mapping[str, Any], ref: str) -> object:
    """What the JSON pointer ``ref`` (``"#/$defs/Name"``) points to inside ``root``.

    Raises ``ValueError`` for a reference outside the document, ``KeyError`` when a step of the
    path is missing and ``TypeError`` when a step is not an object.
    """
    if not ref.startswith("#/"):
        raise ValueError(f"Only references into the same schema are supported, got {ref!r}.")
    target: object = root
    for raw in unquote(ref[2:], errors="strict").split("/"):
        part = raw.replace("~1", "/").replace("~0", "~")
        if not isinstance(target, Mapping):
            raise TypeError(f"The $ref {ref!r} passes through a non-object before {part!r}.")
        target = target[part]
    return target


def is_dict(obj: object) -> TypeGuard[dict[str, object]]:
    """Whether ``obj`` is a dict (its keys are taken to be strings, as in JSON)."""
    return isinstance(obj, dict)


def is_list(obj: object) -> TypeGuard[list[object]]:
    """Whether ``obj`` is a list."""
    return isinstance(obj, list)


def has_more_than_n_keys(obj: Mapping[str, object], n: int) -> bool:
    """Whether ``obj`` has more than ``n`` keys."""
    return len(obj) > n


def _is_object(node: Mapping[str, Any]) -> bool:
    kind = node.get("type")
    return kind == "object" or (isinstance(kind, list) and "object" in kind) or "properties" in node


def _close_object(node: dict[str, Any]) -> None:
    """Forbid extra keys and require every property, which is what strict mode demands."""
    properties = node.setdefault("properties", {})
    node["additionalProperties"] = False
    node["required"] = list(properties)


def _open_object_error(path: str, keyword: str, value: Any) -> UserError:
    return UserError(
        f"Strict JSON schema mode cannot describe the object at {path!r}: it allows arbitrary "
        f"keys ({keyword} is {value!r}), but strict mode needs every property named in advance. "
        "Use a pydantic model, dataclass or TypedDict with fixed fields instead of a dict, or "
        "turn strict mode off (strict_mode=False on the tool or output type)."
    )


def _escape(key: str) -> str:
    """Escape a key for use in a JSON pointer (RFC 6901)."""
    return key.replace("~", "~0").replace("/", "~1")
