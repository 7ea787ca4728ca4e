"""The layers of ``agents_core``, enforced: a module imports (at run time) only from its own
layer or the layers below it, module-level imports form no cycle, and public modules only
re-export.

Upward references are allowed under ``TYPE_CHECKING`` only, with one documented exception:
``Agent.as_tool`` builds a tool that runs a nested runner (``_agents.agent_tool`` -> ``_run``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "packages" / "agents-core" / "src" / "agents_core"

# Bottom to top. A module's layer is that of its top-level package (or module) in agents_core.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"exceptions"}),
    frozenset({"_base"}),
    frozenset({"_items", "tracing"}),
    frozenset({"_memory"}),
    frozenset({"_tools"}),
    frozenset({"_models", "mcp"}),
    frozenset({"_agents"}),
    frozenset({"_run"}),
    frozenset({"testing"}),
)
ALLOWED_UPWARD = {("_agents.agent_tool", "_run.runner")}

# Public modules on top of the layers: they re-export and hold no logic of their own. The
# package __init__ files with lazy export tables and the MCP extra check are listed apart.
LAZY_OR_GUARDED = {"__init__", "mcp", "tracing", "testing"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1] or ["__init__"]
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _layer(module: str) -> int | None:
    top = module.split(".")[0]
    for index, members in enumerate(LAYERS):
        if top in members:
            return index
    return None  # a public module on top


def _is_type_checking(node: ast.If) -> bool:
    return "TYPE_CHECKING" in ast.unparse(node.test)


def _imports(module: str, path: Path) -> list[tuple[str, bool]]:
    """Every agents_core module that ``module`` imports at run time, and whether at module
    level (as opposed to inside a function)."""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    if module == "__init__":
        package = []
    found: list[tuple[str, bool]] = []

    def visit(node: ast.AST, top_level: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for other in child.orelse:
                    visit(other, top_level)
                continue
            if isinstance(child, ast.ImportFrom) and child.level > 0:
                base = package[: len(package) - (child.level - 1)] if child.level > 1 else package
                target = ".".join([*base, *([child.module] if child.module else [])])
                if child.module is None:
                    found.extend(
                        (f"{target}.{alias.name}".strip("."), top_level) for alias in child.names
                    )
                else:
                    found.append((target, top_level))
            elif isinstance(child, ast.ImportFrom) and (child.module or "").startswith(
                "agents_core"
            ):
                found.append((child.module.removeprefix("agents_core").strip("."), top_level))  # type: ignore[union-attr]
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                visit(child, False)
            else:
                visit(child, top_level)

    visit(ast.parse(path.read_text()), True)
    return found


def _resolve(target: str, modules: dict[str, Path]) -> str:
    """``target`` as a module (an import of a name from a package resolves to the package)."""
    while target and target not in modules:
        target = target.rpartition(".")[0]
    return target or "__init__"


def test_every_private_layer_is_known() -> None:
    tops = {name.split(".")[0] for name in _modules()}
    private = {top for top in tops if top.startswith("_") and top != "__init__"}
    layered = set().union(*LAYERS)
    assert private <= layered, f"private packages without a layer: {private - layered}"


def test_run_time_imports_never_climb_a_layer() -> None:
    modules = _modules()
    climbing = []
    for module, path in modules.items():
        own = _layer(module)
        if own is None:
            continue
        for target, _ in _imports(module, path):
            target = _resolve(target, modules)
            layer = _layer(target)
            upward = layer is None or layer > own
            if upward and (module, target) not in ALLOWED_UPWARD:
                climbing.append(f"{module} -> {target}")
    assert climbing == []


def test_module_level_imports_form_no_cycle() -> None:
    modules = _modules()
    graph = {
        module: {_resolve(t, modules) for t, top in _imports(module, path) if top} - {module}
        for module, path in modules.items()
    }
    # A package's __init__ importing its own submodules is not a cycle through them.
    for module in graph:
        graph[module] = {t for t in graph[module] if not t.startswith(module + ".")}
    visiting: list[str] = []
    done: set[str] = set()
    cycles: list[str] = []

    def walk(module: str) -> None:
        if module in done:
            return
        if module in visiting:
            cycles.append(" -> ".join([*visiting[visiting.index(module) :], module]))
            return
        visiting.append(module)
        for target in sorted(graph.get(module, ())):
            walk(target)
        visiting.pop()
        done.add(module)

    for module in sorted(graph):
        walk(module)
    assert cycles == []


@pytest.mark.parametrize(
    "module",
    sorted(
        name
        for name in _modules()
        if _layer(name) is None and name.split(".")[0] not in LAZY_OR_GUARDED
    ),
)
def test_public_modules_only_re_export(module: str) -> None:
    tree = ast.parse(_modules()[module].read_text())
    for node in tree.body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            continue
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # the docstring
        if isinstance(node, ast.Assign) and [ast.unparse(t) for t in node.targets] == ["__all__"]:
            assert isinstance(node.value, ast.Tuple), f"{module}: __all__ must be a tuple"
            continue
        raise AssertionError(f"{module} holds more than re-exports: {ast.unparse(node)[:80]}")
