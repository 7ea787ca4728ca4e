"""JSON schemas made strict, as structured outputs and strict tools need."""

from ._base.strict_schema import ensure_strict_json_schema as ensure_strict_json_schema
from ._base.strict_schema import has_more_than_n_keys as has_more_than_n_keys
from ._base.strict_schema import is_dict as is_dict
from ._base.strict_schema import is_list as is_list
from ._base.strict_schema import resolve_ref as resolve_ref

__all__ = ("ensure_strict_json_schema", "has_more_than_n_keys", "is_dict", "is_list", "resolve_ref")
