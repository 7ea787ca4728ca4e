"""JSON schemas made strict, as structured outputs and strict tools need."""

from ._base.strict_schema import ensure_strict_json_schema as ensure_strict_json_schema

__all__ = ("ensure_strict_json_schema",)
