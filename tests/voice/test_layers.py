"""The layers of ``agents_voice`` stay in order: ``_base`` (no network, no siblings but core),
``_openai`` on it, ``_pipeline`` on both, ``testing`` on top; public modules only re-export."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "packages" / "agents-voice" / "src" / "agents_voice"

ALLOWED: dict[str, tuple[str, ...]] = {
    "_base": ("agents_voice._base", "agents_core", "numpy", "soundfile", "structlog"),
    "_openai": (
        "agents_voice._base",
        "agents_voice._openai",
        "agents_core",
        "agents_openai",
        "websockets",
        "typing",
    ),
    "_pipeline": (
        "agents_voice._base",
        "agents_voice._openai",
        "agents_voice._pipeline",
        "agents_core",
        "numpy",
        "typing",
    ),
    "testing": (
        "agents_voice",
        "agents_core",
        "agents_openai.testing",
        "numpy",
        "websockets",
        "typing",
    ),
}
THIRD_PARTY = ("agents_", "numpy", "soundfile", "structlog", "websockets", "httpx")


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _dotted(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[str]:
    """Every module the file imports, resolved to absolute names."""
    package = _dotted(path) if path.name == "__init__.py" else _dotted(path).rpartition(".")[0]
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                names.append(".".join([*base, node.module] if node.module else base))
            else:
                names.append(node.module or "")
    return names


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_stay_in_their_layer(path: Path) -> None:
    layer = path.relative_to(PACKAGE).parts[0]
    if layer not in ALLOWED:
        return
    for name in _imports(path):
        if name.startswith(THIRD_PARTY):
            assert name.startswith(ALLOWED[layer]), f"{_dotted(path)} imports {name}"


@pytest.mark.parametrize(
    "path",
    [p for p in _modules() if not p.relative_to(PACKAGE).parts[0].startswith("_")],
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_public_modules_only_re_export(path: Path) -> None:
    if path.name == "__init__.py" and path.parent == PACKAGE:
        return  # the lazy export table
    if path.parent.name == "testing" and path.name != "__init__.py":
        return  # testing is a package of its own, with private modules
    tree = ast.parse(path.read_text())
    for node in tree.body:
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # the docstring
        if isinstance(node, ast.ImportFrom):
            assert all(alias.asname == alias.name for alias in node.names), ast.dump(node)
            continue
        assert isinstance(node, ast.Assign | ast.AnnAssign), f"{path.name}: {ast.dump(node)}"
        target = node.targets[0] if isinstance(node, ast.Assign) else node.target
        assert isinstance(target, ast.Name) and target.id == "__all__"
