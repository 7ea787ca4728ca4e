"""Read a function's description and per-parameter descriptions from its docstring.

Tools are described to the model from their docstrings, so this understands the three styles
people actually write (Google, NumPy and Sphinx/reST) without pulling in a parser dependency.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

__all__ = (
    "DocstringStyle",
    "FuncDocumentation",
    "detect_docstring_style",
    "generate_func_documentation",
)


class _LazyPattern:
    """A regular expression compiled on first use (tools are parsed rarely; imports always)."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def _pattern(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    def match(self, text: str) -> re.Match[str] | None:
        return self._pattern().match(text)

    def findall(self, text: str) -> list[Any]:
        return self._pattern().findall(text)


DocstringStyle = Literal["google", "numpy", "sphinx"]
"""The docstring conventions the parser understands."""


@dataclass(frozen=True, slots=True)
class FuncDocumentation:
    """What a function's docstring says about it: a summary and a description per parameter."""

    name: str
    description: str | None
    param_descriptions: dict[str, str] | None


_GOOGLE_PARAM_SECTIONS = frozenset(
    {
        "args",
        "arguments",
        "parameters",
        "params",
        "keyword args",
        "keyword arguments",
        "kwargs",
        "other parameters",
    }
)
_GOOGLE_OTHER_SECTIONS = frozenset(
    {
        "returns",
        "return",
        "yields",
        "yield",
        "raises",
        "raise",
        "except",
        "exceptions",
        "examples",
        "example",
        "note",
        "notes",
        "warning",
        "warnings",
        "warns",
        "see also",
        "todo",
        "references",
        "attributes",
        "methods",
    }
)
_GOOGLE_SECTIONS = _GOOGLE_PARAM_SECTIONS | _GOOGLE_OTHER_SECTIONS
_GOOGLE_HEADER = _LazyPattern(r"^([A-Za-z][A-Za-z ]*?)\s*:\s*$")
# `name (type): description` or `name: description`; the type may itself contain parentheses.
_GOOGLE_ENTRY = _LazyPattern(r"^(\*{0,2}\w+)\s*(?:\(.*?\))?\s*:(.*)$")

_NUMPY_PARAM_SECTIONS = frozenset(
    {"parameters", "other parameters", "keyword arguments", "keyword args"}
)
_NUMPY_UNDERLINE = _LazyPattern(r"^\s*-{3,}\s*$")

_SPHINX_FIELD = _LazyPattern(r"^:[A-Za-z]")
# `:param name: description` or `:param type name: description`.
_SPHINX_PARAM = _LazyPattern(r"^:(?:param|parameter|arg|argument|key|keyword)\s+([^:]+?)\s*:(.*)$")

# Markers allow leading indentation so raw, uncleaned ``__doc__`` strings are recognised too.
_SPHINX_MARKER = _LazyPattern(
    r"^[ \t]*:(?:param|parameter|arg|argument|key|keyword|type|returns?|rtype|raises?)\b",
    re.MULTILINE,
)
_GOOGLE_MARKER = _LazyPattern(
    r"^[ \t]*(?:Args|Arguments|Parameters|Params|Keyword Args|Keyword Arguments"
    r"|Returns|Yields|Raises)[ \t]*:[ \t]*$",
    re.MULTILINE,
)
_NUMPY_MARKER = _LazyPattern(r"^[ \t]*[A-Za-z][A-Za-z ]*\n[ \t]*-{3,}[ \t]*$", re.MULTILINE)


def detect_docstring_style(doc: str) -> DocstringStyle:
    """Guess which convention a docstring follows; Google when nothing gives it away."""
    scores: dict[DocstringStyle, int] = {
        "google": len(_GOOGLE_MARKER.findall(doc)),
        "numpy": len(_NUMPY_MARKER.findall(doc)),
        "sphinx": len(_SPHINX_MARKER.findall(doc)),
    }
    # max() keeps the first of equal scores, so ties fall back to Google.
    best = max(scores, key=lambda style: scores[style])
    return best if scores[best] > 0 else "google"


def generate_func_documentation(
    func: Callable[..., Any], style: DocstringStyle | None = None
) -> FuncDocumentation:
    """Extract ``func``'s name, description and parameter descriptions from its docstring."""
    name = getattr(func, "__name__", type(func).__name__)
    doc = inspect.getdoc(func)
    if not doc:
        return FuncDocumentation(name=name, description=None, param_descriptions=None)
    lines = doc.splitlines()
    match style or detect_docstring_style(doc):
        case "numpy":
            description, params = _parse_numpy(lines)
        case "sphinx":
            description, params = _parse_sphinx(lines)
        case _:
            description, params = _parse_google(lines)
    return FuncDocumentation(name=name, description=description or None, param_descriptions=params)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _join(parts: list[str]) -> str:
    return " ".join(part for part in parts if part)


def _prose(lines: list[str]) -> str:
    return "\n".join(lines).strip()


def _parse_google(lines: list[str]) -> tuple[str, dict[str, str]]:
    headers = [
        (index, header.group(1).lower())
        for index, line in enumerate(lines)
        if (header := _GOOGLE_HEADER.match(line)) and header.group(1).lower() in _GOOGLE_SECTIONS
    ]
    description_end = headers[0][0] if headers else len(lines)
    params: dict[str, str] = {}
    for index, section in headers:
        if section in _GOOGLE_PARAM_SECTIONS:
            params.update(_google_entries(_section_body(lines, index + 1)))
    return _prose(lines[:description_end]), params


def _section_body(lines: list[str], start: int) -> Iterator[str]:
    """The lines of a Google section: everything up to the next unindented line."""
    for line in lines[start:]:
        if line.strip() and _indent(line) == 0:
            return
        yield line


def _google_entries(body: Iterator[str]) -> dict[str, str]:
    params: dict[str, list[str]] = {}
    entry_indent: int | None = None
    current: list[str] | None = None
    for line in body:
        if not line.strip():
            continue
        indent = _indent(line)
        if entry_indent is None:
            entry_indent = indent
        entry = _GOOGLE_ENTRY.match(line.strip()) if indent <= entry_indent else None
        if entry:
            current = params.setdefault(entry.group(1).lstrip("*"), [])
            current.append(entry.group(2).strip())
        elif current is not None:
            current.append(line.strip())
    return {name: _join(parts) for name, parts in params.items()}


def _parse_numpy(lines: list[str]) -> tuple[str, dict[str, str]]:
    headers = [
        index
        for index in range(len(lines) - 1)
        if lines[index].strip()
        and _indent(lines[index]) == 0
        and _NUMPY_UNDERLINE.match(lines[index + 1])
    ]
    description_end = headers[0] if headers else len(lines)
    params: dict[str, str] = {}
    for position, index in enumerate(headers):
        if lines[index].strip().lower() not in _NUMPY_PARAM_SECTIONS:
            continue
        end = headers[position + 1] if position + 1 < len(headers) else len(lines)
        params.update(_numpy_entries(lines[index + 2 : end]))
    return _prose(lines[:description_end]), params


def _numpy_entries(body: list[str]) -> dict[str, str]:
    params: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in body:
        if not line.strip():
            continue
        if _indent(line) == 0:
            # `x, y : int` documents several parameters with one description.
            names = line.split(":", 1)[0]
            current = []
            for name in names.split(","):
                if cleaned := name.strip().lstrip("*"):
                    params[cleaned] = current
        elif current is not None:
            current.append(line.strip())
    return {name: _join(parts) for name, parts in params.items()}


def _parse_sphinx(lines: list[str]) -> tuple[str, dict[str, str]]:
    first_field = next(
        (index for index, line in enumerate(lines) if _SPHINX_FIELD.match(line)), len(lines)
    )
    params: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines[first_field:]:
        if not line.strip():
            continue
        if field := _SPHINX_PARAM.match(line):
            # The name is the last word; anything before it is an inline type.
            current = params.setdefault(field.group(1).split()[-1].lstrip("*"), [])
            current.append(field.group(2).strip())
        elif _SPHINX_FIELD.match(line):
            # `:type x:`, `:returns:`, `:raises E:` and the like say nothing we pass on.
            current = None
        elif _indent(line) > 0 and current is not None:
            current.append(line.strip())
        else:
            # Unindented prose after the field list is not part of any parameter.
            current = None
    return _prose(lines[:first_field]), {name: _join(parts) for name, parts in params.items()}
