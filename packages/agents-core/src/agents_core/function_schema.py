"""JSON schemas of Python functions, from their signatures and docstrings."""

from ._base.docstrings import DocstringStyle as DocstringStyle
from ._base.docstrings import FuncDocumentation as FuncDocumentation
from ._base.docstrings import generate_func_documentation as generate_func_documentation
from ._tools.function_schema import FuncSchema as FuncSchema
from ._tools.function_schema import function_schema as function_schema

__all__ = (
    "DocstringStyle",
    "FuncDocumentation",
    "FuncSchema",
    "function_schema",
    "generate_func_documentation",
)
