"""Describe a library's public surface as JSON: modules, public names, signatures and members.

Both OpenAI's SDK and this project import as ``agents``, so they never share an interpreter: this
script runs as a child process under each library's own interpreter and uses only the standard
library. It walks the modules of ``--root``, skipping private parts and ``--exclude`` trees, and
writes one JSON document (the ``Surface`` type below) to ``--output``::

    python extract_surface.py --root agents --library agents --exclude agents.realtime \\
        --output official.json
    python extract_surface.py --root agents --library agents --library agents_core \\
        --request official.json --output ours.json

What an excluded tree defines is left out wherever it is re-exported (``agents.sandbox`` in
``agents.__all__``, say). With ``--request`` the script describes the modules and names of an
earlier surface instead of walking (what the official SDK offers, looked up in ours), plus each
module's own public names.

The public names of a module are its ``__all__`` when it has one. Otherwise they come from the
module's source (``ast``): what it defines at module level (functions, classes, assignments),
plus, in a package, what it imports from its own submodules. Any other import is incidental
(helpers shared between modules, names whose home is another module); third-party and
standard-library imports never count, nor do submodules or imports under ``if TYPE_CHECKING:``.
A module that cannot be imported (an optional dependency is missing) is described from its source.
"""

from __future__ import annotations

import argparse
import ast
import enum
import importlib
import importlib.util
import inspect
import json
import pkgutil
import sys
import types
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Literal, TypedDict

__all__ = (
    "ClassMember",
    "ModuleSurface",
    "NameSurface",
    "Parameter",
    "ParameterKind",
    "Surface",
    "main",
)

SURFACE_FORMAT = 1

ParameterKind = Literal[
    "positional_only", "positional_or_keyword", "var_positional", "keyword_only", "var_keyword"
]
NameKind = Literal[
    "module", "class", "function", "callable", "type_alias", "typevar", "constant", "unavailable"
]


class Parameter(TypedDict, total=False):
    """One parameter of a signature; ``default`` is absent without one, ``None`` if not literal."""

    name: str
    kind: ParameterKind
    default: str | None


class ClassMember(TypedDict, total=False):
    """A public member of a class: a method (with its binding and signature) or an attribute."""

    kind: Literal["method", "attribute"]
    binding: Literal["instance", "class", "static"]
    signature: list[Parameter] | None


class NameSurface(TypedDict, total=False):
    """What one public name of a module is."""

    kind: NameKind
    origin: str | None
    signature: list[Parameter] | None
    members: dict[str, ClassMember]
    bases: list[str] | None
    value: str
    error: str


class ModuleSurface(TypedDict):
    """A module: how it was read (``import``, ``source`` or ``missing``), ``__all__``, names."""

    status: Literal["import", "source", "missing"]
    error: str | None
    all: list[str] | None
    names: dict[str, NameSurface]


class Surface(TypedDict):
    """The whole surface of a library, keyed by dotted module path."""

    format: int
    root: str
    python: str
    modules: dict[str, ModuleSurface]


# ---------------------------------------------------------------------------------------------
# Small helpers


def _is_public(dotted: str) -> bool:
    return not any(part.startswith("_") for part in dotted.split("."))


def _within(name: str, prefixes: Sequence[str]) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)


def _error_text(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"[:300]


def _literal(value: object) -> str | None:
    """The repr of a simple literal (what a reader can compare across libraries), else None."""
    if value is None or type(value) in (bool, int, float, str, bytes):
        return repr(value)
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    return None


# ---------------------------------------------------------------------------------------------
# Finding modules


def _module_files(root: str) -> dict[str, Path]:
    """Every module under ``root`` by dotted name, with its source file (no import needed)."""
    spec = importlib.util.find_spec(root)
    if spec is None or spec.submodule_search_locations is None:
        raise SystemExit(f"{root!r} is not an importable package")
    found: dict[str, Path] = {}
    for location in spec.submodule_search_locations:
        found.setdefault(root, Path(location) / "__init__.py")
        _walk(Path(location), root, found)
    return found


def _walk(directory: Path, prefix: str, found: dict[str, Path]) -> None:
    for info in pkgutil.iter_modules([str(directory)]):
        dotted = f"{prefix}.{info.name}"
        if info.ispkg:
            found[dotted] = directory / info.name / "__init__.py"
            _walk(directory / info.name, dotted, found)
        else:
            found[dotted] = directory / f"{info.name}.py"


def public_modules(root: str, excluded: Sequence[str]) -> dict[str, Path]:
    """The public modules under ``root`` minus the ``excluded`` trees."""
    return {
        name: path
        for name, path in sorted(_module_files(root).items())
        if _is_public(name) and not _within(name, excluded)
    }


# ---------------------------------------------------------------------------------------------
# Public names from source


def _module_body(tree: ast.Module) -> Iterator[ast.stmt]:
    """Module-level statements, looking into if/try blocks but not ``if TYPE_CHECKING:``."""
    pending: list[ast.stmt] = list(tree.body)
    while pending:
        node = pending.pop(0)
        if isinstance(node, ast.If):
            test = ast.unparse(node.test)
            if test not in ("TYPE_CHECKING", "typing.TYPE_CHECKING"):
                pending[:0] = node.body
            pending[:0] = node.orelse
        elif isinstance(node, ast.Try):
            pending[:0] = [
                *node.body,
                *(stmt for handler in node.handlers for stmt in handler.body),
                *node.orelse,
                *node.finalbody,
            ]
        else:
            yield node


def _absolute(module: str, is_package: bool, level: int, target: str | None) -> str:
    if level == 0:
        return target or ""
    parts = module.split(".")
    base = parts if is_package else parts[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, target] if target else base)


class _SourceName(TypedDict, total=False):
    node: ast.stmt
    source: str
    original: str


def _source_names(module: str, path: Path, library: Sequence[str]) -> dict[str, _SourceName]:
    """The public names a module's source gives it, by the rule in this script's docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    names: dict[str, _SourceName] = {}
    for node in _module_body(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names[node.name] = {"node": node}
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    names[target.id] = {"node": node}
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            if isinstance(node.target, ast.Name):
                names[node.target.id] = {"node": node}
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(module, is_package, node.level, node.module)
            if not _within(source, library) or not _owns_import(module, is_package, source):
                continue
            for alias in node.names:
                if alias.name != "*" and not _is_submodule(path, node, alias.name):
                    names[alias.asname or alias.name] = {"source": source, "original": alias.name}
    return {name: found for name, found in names.items() if not name.startswith("_")}


def _owns_import(module: str, is_package: bool, source: str) -> bool:
    """Whether ``module`` is the public home of what it imports from ``source``: a package is
    for its own submodules; any other import is incidental (the name belongs elsewhere)."""
    return is_package and source.startswith(module + ".")


def _is_submodule(path: Path, node: ast.ImportFrom, name: str) -> bool:
    if node.level == 0:
        return False
    directory = path.parent
    for _ in range(node.level - 1):
        directory = directory.parent
    for part in (node.module or "").split("."):
        if part:
            directory = directory / part
    return (directory / f"{name}.py").exists() or (directory / name / "__init__.py").exists()


def _source_all(path: Path) -> list[str] | None:
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        value: ast.expr | None = None
        if isinstance(node, ast.Assign):
            value = node.value if ast.unparse(node.targets[0]) == "__all__" else None
        elif isinstance(node, ast.AnnAssign):
            value = node.value if ast.unparse(node.target) == "__all__" else None
        if value is not None:
            return [str(name) for name in ast.literal_eval(value)]
    return None


# ---------------------------------------------------------------------------------------------
# Signatures

_PARAMETER_KINDS: dict[Any, ParameterKind] = {
    inspect.Parameter.POSITIONAL_ONLY: "positional_only",
    inspect.Parameter.POSITIONAL_OR_KEYWORD: "positional_or_keyword",
    inspect.Parameter.VAR_POSITIONAL: "var_positional",
    inspect.Parameter.KEYWORD_ONLY: "keyword_only",
    inspect.Parameter.VAR_KEYWORD: "var_keyword",
}


def _signature(obj: Any, *, drop_first: bool = False) -> list[Parameter] | None:
    """The parameters of a callable; ``drop_first`` removes ``self`` or ``cls``."""
    try:
        parameters = list(inspect.signature(obj).parameters.values())
    except (TypeError, ValueError):  # builtins and some C types have no signature
        return None
    if drop_first and parameters and parameters[0].kind in _POSITIONAL:
        parameters = parameters[1:]
    described: list[Parameter] = []
    for parameter in parameters:
        entry: Parameter = {"name": parameter.name, "kind": _PARAMETER_KINDS[parameter.kind]}
        if parameter.default is not inspect.Parameter.empty:
            entry["default"] = _literal(parameter.default)
        described.append(entry)
    return described


_POSITIONAL = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)


def _source_signature(arguments: ast.arguments, *, drop_first: bool) -> list[Parameter]:
    """The parameters of a ``def`` read from source."""
    positional = [*arguments.posonlyargs, *arguments.args]
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(arguments.defaults))
    defaults += arguments.defaults
    rows: list[tuple[ast.arg, ParameterKind, ast.expr | None]] = [
        (
            arg,
            "positional_only" if index < len(arguments.posonlyargs) else "positional_or_keyword",
            default,
        )
        for index, (arg, default) in enumerate(zip(positional, defaults, strict=True))
    ]
    if drop_first:
        rows = rows[1:]
    if arguments.vararg is not None:
        rows.append((arguments.vararg, "var_positional", None))
    rows += [
        (arg, "keyword_only", default)
        for arg, default in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True)
    ]
    if arguments.kwarg is not None:
        rows.append((arguments.kwarg, "var_keyword", None))
    described: list[Parameter] = []
    for arg, kind, default in rows:
        entry: Parameter = {"name": arg.arg, "kind": kind}
        if default is not None:
            try:
                entry["default"] = _literal(ast.literal_eval(default))
            except ValueError:
                entry["default"] = None
        described.append(entry)
    return described


# ---------------------------------------------------------------------------------------------
# Describing live objects


def _origin(obj: Any) -> str | None:
    module, qualname = getattr(obj, "__module__", None), getattr(obj, "__qualname__", None)
    if isinstance(module, str) and isinstance(qualname, str):
        return f"{module}:{qualname}"
    return None


def _is_typing_construct(obj: object) -> bool:
    if isinstance(obj, types.GenericAlias | types.UnionType):
        return True
    return type(obj).__module__ in ("typing", "typing_extensions")


def describe_object(obj: Any, library: Sequence[str]) -> NameSurface:
    """What a live object is: its kind, and for callables and classes their signatures."""
    if inspect.ismodule(obj):
        return {"kind": "module", "origin": obj.__name__}
    if isinstance(obj, type):
        return _describe_class(obj, library)
    if type(obj).__name__ in ("TypeVar", "ParamSpec", "TypeVarTuple"):
        return {"kind": "typevar"}
    if inspect.isroutine(obj):
        return {"kind": "function", "origin": _origin(obj), "signature": _signature(obj)}
    if _is_typing_construct(obj):
        return {"kind": "type_alias"}
    if callable(obj):
        return {"kind": "callable", "origin": None, "signature": _signature(obj)}
    described: NameSurface = {"kind": "constant"}
    value = _literal(obj)
    if value is not None:
        described["value"] = value
    return described


def _is_typeddict(cls: type) -> bool:
    return issubclass(cls, dict) and hasattr(cls, "__required_keys__")


def _describe_class(cls: type, library: Sequence[str]) -> NameSurface:
    no_constructor = (
        getattr(cls, "_is_protocol", False) or _is_typeddict(cls) or issubclass(cls, enum.Enum)
    )
    return {
        "kind": "class",
        "origin": _origin(cls),
        "signature": None if no_constructor else _signature(cls),
        "bases": [_origin(base) or repr(base) for base in cls.__mro__[1:] if base is not object],
        "members": _members(cls, library),
    }


def _members(cls: type, library: Sequence[str]) -> dict[str, ClassMember]:
    """Public members that the library's own classes in the MRO define or assign."""
    members: dict[str, ClassMember] = {}
    if _is_typeddict(cls):
        return {key: {"kind": "attribute"} for key in sorted(cls.__annotations__)}
    for klass in reversed(cls.__mro__):
        if klass is object or not _within(klass.__module__, library):
            continue
        attributes = set(_instance_attributes(klass)) | set(vars(klass).get("__annotations__", {}))
        for name in sorted(attributes):
            if not name.startswith("_"):
                members[name] = {"kind": "attribute"}
        for name, raw in vars(klass).items():
            if not name.startswith("_"):
                members[name] = _member(raw)
    return dict(sorted(members.items()))


def _member(raw: object) -> ClassMember:
    if isinstance(raw, staticmethod):
        return {"kind": "method", "binding": "static", "signature": _signature(raw.__func__)}
    if isinstance(raw, classmethod):
        function = raw.__func__
        return {
            "kind": "method",
            "binding": "class",
            "signature": _signature(function, drop_first=True),
        }
    if inspect.isfunction(raw):
        return {
            "kind": "method",
            "binding": "instance",
            "signature": _signature(raw, drop_first=True),
        }
    if isinstance(raw, property | type) or not callable(raw):
        return {"kind": "attribute"}
    # Another callable in a class body (a decorated method, functools.partialmethod, ...).
    return {"kind": "method", "binding": "instance", "signature": _signature(raw, drop_first=True)}


_SOURCE_TREES: dict[str, dict[str, ast.ClassDef]] = {}


def _class_nodes(path: str) -> dict[str, ast.ClassDef]:
    """The classes of a source file by qualified name, parsed once per file."""
    if path not in _SOURCE_TREES:
        found: dict[str, ast.ClassDef] = {}
        try:
            tree = ast.parse(Path(path).read_text(encoding="utf-8"))
        except (OSError, SyntaxError, UnicodeDecodeError):
            tree = ast.Module(body=[], type_ignores=[])

        def visit(body: list[ast.stmt], prefix: str) -> None:
            for node in body:
                if isinstance(node, ast.ClassDef):
                    found[prefix + node.name] = node
                    visit(node.body, f"{prefix}{node.name}.")

        visit(tree.body, "")
        _SOURCE_TREES[path] = found
    return _SOURCE_TREES[path]


def _instance_attributes(klass: type) -> list[str]:
    """Names a class's methods assign on ``self`` (attributes set in ``__init__`` and later)."""
    try:
        path = inspect.getsourcefile(klass)
    except TypeError:
        return []
    node = _class_nodes(path).get(klass.__qualname__) if path else None
    return _self_assignments(node) if node is not None else []


def _self_assignments(node: ast.ClassDef) -> list[str]:
    return sorted(
        {
            target.attr
            for target in ast.walk(node)
            if isinstance(target, ast.Attribute)
            and isinstance(target.ctx, ast.Store)
            and isinstance(target.value, ast.Name)
            and target.value.id == "self"
        }
    )


# ---------------------------------------------------------------------------------------------
# Describing modules


class _Walker:
    """Describes modules of one library, by import where it works and from source otherwise."""

    def __init__(self, files: dict[str, Path], library: Sequence[str]) -> None:
        self.files = files
        self.library = library

    def by_import(self, module_name: str, requested: Sequence[str]) -> ModuleSurface:
        module = importlib.import_module(module_name)
        exported = getattr(module, "__all__", None)
        if exported is not None:
            names = [str(name) for name in exported]
        else:
            path = getattr(module, "__file__", None)
            found = _source_names(module_name, Path(path), self.library) if path else {}
            names = [name for name, entry in found.items() if hasattr(module, name)]
        described: dict[str, NameSurface] = {}
        for name in [*names, *(name for name in requested if name not in names)]:
            try:
                value = getattr(module, name)
            except AttributeError:
                if name in names:
                    described[name] = {"kind": "unavailable", "error": "not an attribute"}
                continue
            except Exception as error:  # a lazy export whose optional dependency is missing
                described[name] = {"kind": "unavailable", "error": _error_text(error)}
                continue
            if inspect.ismodule(value) and exported is None:
                continue
            described[name] = describe_object(value, self.library)
        return {
            "status": "import",
            "error": None,
            "all": None if exported is None else [str(name) for name in exported],
            "names": described,
        }

    def by_source(self, module_name: str, error: str, depth: int = 0) -> ModuleSurface:
        path = self.files[module_name]
        found = _source_names(module_name, path, self.library)
        exported = _source_all(path)
        names = exported if exported is not None else list(found)
        described = {
            name: self._source_name(module_name, name, found.get(name), depth) for name in names
        }
        return {"status": "source", "error": error, "all": exported, "names": described}

    def _source_name(
        self, module_name: str, name: str, found: _SourceName | None, depth: int
    ) -> NameSurface:
        if found is None:
            return {"kind": "unavailable", "error": "not found in the module's source"}
        if "source" in found:
            return self._imported_name(found["source"], found["original"], depth)
        node = found["node"]
        origin = f"{module_name}:{name}"
        if isinstance(node, ast.ClassDef):
            return {
                "kind": "class",
                "origin": origin,
                "signature": _source_constructor(node),
                "bases": None,
                "members": _source_members(node),
            }
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            return {
                "kind": "function",
                "origin": origin,
                "signature": _source_signature(node.args, drop_first=False),
            }
        return _source_assignment(node)

    def _imported_name(self, source: str, original: str, depth: int) -> NameSurface:
        try:
            return describe_object(getattr(importlib.import_module(source), original), self.library)
        except Exception as error:
            if source not in self.files or depth > 5:
                return {"kind": "unavailable", "error": _error_text(error)}
            module = self.by_source(source, _error_text(error), depth + 1)
            return module["names"].get(original, {"kind": "unavailable", "error": "not found"})


def _source_assignment(node: ast.stmt) -> NameSurface:
    value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
    if isinstance(node, ast.AnnAssign) and ast.unparse(node.annotation).endswith("TypeAlias"):
        return {"kind": "type_alias"}
    described: NameSurface = {"kind": "constant"}
    if value is not None:
        try:
            literal = _literal(ast.literal_eval(value))
        except ValueError:
            literal = None
        if literal is not None:
            described["value"] = literal
    return described


def _decorator_names(node: ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) -> list[str]:
    return [ast.unparse(decorator).split("(")[0] for decorator in node.decorator_list]


def _source_constructor(node: ast.ClassDef) -> list[Parameter] | None:
    """A class's constructor from source: only a hand-written ``__init__`` tells it."""
    for statement in node.body:
        if isinstance(statement, ast.FunctionDef) and statement.name == "__init__":
            return _source_signature(statement.args, drop_first=True)
    return None


def _source_members(node: ast.ClassDef) -> dict[str, ClassMember]:
    members: dict[str, ClassMember] = {
        name: {"kind": "attribute"} for name in _self_assignments(node)
    }
    for statement in node.body:
        if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            members[statement.target.id] = {"kind": "attribute"}
        elif isinstance(statement, ast.Assign):
            for target in statement.targets:
                if isinstance(target, ast.Name):
                    members[target.id] = {"kind": "attribute"}
        elif isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
            members[statement.name] = _source_method(statement)
    return {name: member for name, member in sorted(members.items()) if not name.startswith("_")}


def _source_method(node: ast.FunctionDef | ast.AsyncFunctionDef) -> ClassMember:
    decorators = _decorator_names(node)
    if any(name.endswith(("property", ".setter", ".getter")) for name in decorators):
        return {"kind": "attribute"}
    if "staticmethod" in decorators:
        return {
            "kind": "method",
            "binding": "static",
            "signature": _source_signature(node.args, drop_first=False),
        }
    binding: Literal["instance", "class"] = "class" if "classmethod" in decorators else "instance"
    return {
        "kind": "method",
        "binding": binding,
        "signature": _source_signature(node.args, drop_first=True),
    }


def _missing_module(module_name: str, error: BaseException) -> bool:
    """Whether an import failed because the module itself (or a parent) does not exist."""
    missing = getattr(error, "name", None)
    return (
        isinstance(error, ModuleNotFoundError)
        and isinstance(missing, str)
        and (module_name == missing or module_name.startswith(missing + "."))
    )


def _without_excluded(module: ModuleSurface, excluded: Sequence[str]) -> ModuleSurface:
    """A module minus what an excluded tree defines: it is out of scope wherever it appears."""
    names = {
        name: described
        for name, described in module["names"].items()
        if not _within((described.get("origin") or "").split(":")[0], excluded)
    }
    return {**module, "names": names}


def extract(
    root: str,
    library: Sequence[str],
    excluded: Sequence[str],
    requested: dict[str, list[str]] | None,
) -> Surface:
    """Describe the public modules of ``root``, or the ``requested`` modules and names."""
    files = public_modules(root, excluded)
    walker = _Walker(files, library)
    modules: dict[str, ModuleSurface] = {}
    wanted = requested if requested is not None else {name: [] for name in files}
    for module_name, names in sorted(wanted.items()):
        try:
            modules[module_name] = walker.by_import(module_name, names)
        except Exception as error:
            if requested is not None or module_name not in files:
                modules[module_name] = {
                    "status": "missing",
                    "error": _error_text(error),
                    "all": None,
                    "names": {},
                }
            else:
                modules[module_name] = walker.by_source(module_name, _error_text(error))
        if requested is None:
            modules[module_name] = _without_excluded(modules[module_name], excluded)
    return {"format": SURFACE_FORMAT, "root": root, "python": sys.version, "modules": modules}


def main(argv: Sequence[str] | None = None) -> None:
    """Command line: see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--root", default="agents")
    parser.add_argument("--library", action="append", default=[])
    parser.add_argument("--exclude", action="append", default=[])
    parser.add_argument("--request", type=Path)
    parser.add_argument("--output", type=Path, required=True)
    options = parser.parse_args(argv)
    requested: dict[str, list[str]] | None = None
    if options.request is not None:
        earlier: Surface = json.loads(options.request.read_text(encoding="utf-8"))
        requested = {name: list(module["names"]) for name, module in earlier["modules"].items()}
    library = options.library or [options.root]
    surface = extract(options.root, library, options.exclude, requested)
    options.output.write_text(json.dumps(surface, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
