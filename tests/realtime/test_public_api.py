"""The public surface of agents-realtime: its modules, its layers, and the official SDK's API.

The official SDK (``openai-agents`` 0.24.0, in ``benchmarks/.envs/official``) is asked for the
public names, signatures and fields of every ``agents.realtime`` module; ours must offer the
same names at the same module paths, with the same parameters (extra ones keyword-only with
defaults) and the same fields (extra ones after them). Differences are listed below, with why.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import importlib.util
import inspect
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import agents_realtime
from agents_core.exceptions import AgentsException

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "packages" / "agents-realtime" / "src" / "agents_realtime"
PUBLIC_MODULES = [
    "agent",
    "audio_formats",
    "config",
    "events",
    "exceptions",
    "handoffs",
    "items",
    "model",
    "model_events",
    "model_inputs",
    "openai_realtime",
    "runner",
    "session",
    "testing",
    "transport",
    "twilio",
]
OFFICIAL_MODULES = [
    "agent",
    "audio_formats",
    "config",
    "events",
    "handoffs",
    "items",
    "model",
    "model_events",
    "model_inputs",
    "openai_realtime",
    "runner",
    "session",
    "testing",
]
LAYERS = ["_base", "_data", "_agents", "_model", "_openai", "_session", "_telephony"]

# Official names we do not offer, and why.
NOT_OFFERED = {
    # A pydantic adapter over the ``openai`` package's event models; we do not depend on it.
    "openai_realtime.get_server_event_type_adapter",
}


def test_every_public_module_exports_what_it_lists() -> None:
    for name in ["", *PUBLIC_MODULES]:
        module = importlib.import_module("agents_realtime" + (f".{name}" if name else ""))
        exported = module.__all__
        assert isinstance(exported, tuple), name
        assert len(set(exported)) == len(exported), name
        for public in exported:
            value = getattr(module, public)
            if inspect.isclass(value) or inspect.isfunction(value):
                assert inspect.getdoc(value), f"{name}.{public} has no docstring"
    assert set(agents_realtime._EXPORTS) == set(agents_realtime.__all__)


def test_the_facade_mirrors_every_public_module() -> None:
    for name in PUBLIC_MODULES:
        ours = importlib.import_module(f"agents_realtime.{name}")
        facade = importlib.import_module(f"agents.realtime.{name}")
        assert tuple(facade.__all__) == tuple(ours.__all__), name
        for public in ours.__all__:
            assert getattr(facade, public) is getattr(ours, public), f"{name}.{public}"
    import agents.realtime

    assert agents.realtime.__all__ == agents_realtime.__all__
    assert agents.realtime.RealtimeAgent is agents_realtime.RealtimeAgent


def test_every_exception_is_an_agents_exception_and_public() -> None:
    from agents_realtime import exceptions

    defined = {
        name
        for name, value in vars(exceptions).items()
        if inspect.isclass(value)
        and issubclass(value, BaseException)
        and value.__module__ == exceptions.__name__
    }
    assert defined == set(exceptions.__all__)
    for name in defined:
        assert issubclass(getattr(exceptions, name), AgentsException)


def test_importing_the_package_is_cheap() -> None:
    out = subprocess.run(
        [sys.executable, "-c", "import agents_realtime, sys; print('\\n'.join(sys.modules))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert "websockets" not in out and "pydantic" not in out
    assert not [m for m in out if m.startswith("agents_realtime._")]


def _runtime_imports(path: Path) -> list[str]:
    """The modules ``path`` imports when it runs (not under ``if TYPE_CHECKING:``)."""
    tree = ast.parse(path.read_text())
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(child) for child in ast.walk(node))
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    found = []
    for node in ast.walk(tree):
        if id(node) in skipped or not isinstance(node, ast.ImportFrom):
            continue
        if node.level:
            base = package.split(".")
            base = base[: len(base) - node.level + 1]
            found.append(".".join([*base, *(node.module.split(".") if node.module else [])]))
        elif node.module:
            found.append(node.module)
    return found


def test_layers_only_import_the_layers_below_them() -> None:
    for layer_index, layer in enumerate(LAYERS):
        for path in (PACKAGE / layer).rglob("*.py"):
            for module in _runtime_imports(path):
                parts = module.split(".")
                if parts[0] != "agents_realtime" or len(parts) < 2:
                    continue
                target = parts[1]
                assert target in LAYERS or target == "exceptions", f"{path.name} imports {module}"
                if target in LAYERS:
                    assert LAYERS.index(target) <= layer_index, (
                        f"{layer}/{path.name} imports {module}"
                    )


# ------------------------------------------------------------------------------ official API

SURVEY = r"""
import dataclasses, importlib, inspect, json, sys, typing
result = {}
def params(function):
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        return None
    return [[p.name, p.kind.name, None if p.default is p.empty else repr(p.default)]
            for p in signature.parameters.values()]
for name in sys.argv[1:]:
    module = importlib.import_module("agents.realtime." + name)
    for public, value in vars(module).items():
        if public.startswith("_") or inspect.ismodule(value):
            continue
        origin = getattr(value, "__module__", None)
        if isinstance(value, typing.TypeVar) or origin not in (None, module.__name__):
            continue  # type variables are typing details; other names belong elsewhere
        entry = {"kind": "other"}
        if inspect.isclass(value):
            entry = {"kind": "class", "methods": {}}
            if dataclasses.is_dataclass(value):
                entry["fields"] = [f.name for f in dataclasses.fields(value)]
            elif hasattr(value, "model_fields"):
                entry["pydantic"] = list(value.model_fields)
            elif hasattr(value, "__required_keys__"):
                entry["keys"] = sorted(value.__annotations__)
            for attribute, member in vars(value).items():
                dunder = attribute in ("__init__", "__aenter__", "__aiter__")
                if (attribute.startswith("_") and not dunder) or not callable(member):
                    continue
                if isinstance(member, (staticmethod, classmethod)):
                    member = member.__func__
                entry["methods"][attribute] = params(member)
        elif inspect.isfunction(value):
            entry = {"kind": "function", "params": params(value)}
        elif origin is None and not isinstance(value, (dict, str)):
            continue
        result[f"{name}.{public}"] = entry
print(json.dumps(result))
"""


@pytest.fixture(scope="module")
def official() -> dict[str, Any]:
    path = ROOT / "benchmarks" / "_official_env.py"
    spec = importlib.util.spec_from_file_location("official_env_for_api", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    try:
        python = module.ensure_official_env(log=False)
    except Exception as exc:
        pytest.fail(f"The official SDK's venv could not be made: {exc}")
    done = subprocess.run(
        [str(python), "-c", SURVEY, *OFFICIAL_MODULES],
        capture_output=True,
        text=True,
        env=module.child_environment(),
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    survey: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return survey


def _params(function: Any) -> list[list[Any]] | None:
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        return None
    return [
        [p.name, p.kind.name, None if p.default is p.empty else repr(p.default)]
        for p in signature.parameters.values()
    ]


def _compatible(theirs: list[list[Any]], ours: list[list[Any]]) -> str | None:
    """Why a call that works on the official signature fails on ours (None: it cannot)."""
    mine = {p[0]: p for p in ours}
    for name, kind, default in theirs:
        if kind in ("VAR_POSITIONAL", "VAR_KEYWORD"):
            continue
        if name not in mine:
            return f"missing parameter {name}"
        if mine[name][1] != kind:
            return f"{name} is {mine[name][1]}, official {kind}"
        if (default is None) != (mine[name][2] is None):
            return f"{name}: default {mine[name][2]}, official {default}"
    official = {p[0] for p in theirs}
    for name, kind, default in ours:
        extra = name not in official and kind not in ("VAR_POSITIONAL", "VAR_KEYWORD")
        if extra and (kind != "KEYWORD_ONLY" or default is None):
            return f"extra parameter {name} must be keyword-only with a default"
    return None


def test_every_official_name_is_offered_at_its_module_path(official: dict[str, Any]) -> None:
    missing = []
    for qualified in official:
        module_name, name = qualified.split(".", 1)
        module = importlib.import_module(f"agents.realtime.{module_name}")
        if not hasattr(module, name) and qualified not in NOT_OFFERED:
            missing.append(qualified)
    assert missing == []


def test_official_signatures_and_fields_are_kept(official: dict[str, Any]) -> None:
    problems = []
    for qualified, entry in official.items():
        if qualified in NOT_OFFERED:
            continue
        module_name, name = qualified.split(".", 1)
        ours = getattr(importlib.import_module(f"agents.realtime.{module_name}"), name)
        if entry["kind"] == "function":
            why = _compatible(entry["params"], _params(ours) or [])
            if why:
                problems.append(f"{qualified}: {why}")
        if entry["kind"] != "class":
            continue
        if "fields" in entry:
            mine = [f.name for f in dataclasses.fields(ours)]
            if mine[: len(entry["fields"])] != entry["fields"]:
                problems.append(f"{qualified}: fields {mine}, official {entry['fields']}")
        if "pydantic" in entry and not set(entry["pydantic"]) <= set(ours.model_fields):
            problems.append(f"{qualified}: fields {list(ours.model_fields)}")
        if "keys" in entry and not set(entry["keys"]) <= set(ours.__annotations__):
            problems.append(
                f"{qualified}: keys {sorted(set(entry['keys']) - set(ours.__annotations__))}"
            )
        for method, theirs in entry["methods"].items():
            if theirs is None:
                continue
            mine_method = getattr(ours, method, None)
            if mine_method is None:
                problems.append(f"{qualified}.{method}: missing")
                continue
            why = _compatible(theirs, _params(mine_method) or [])
            if why:
                problems.append(f"{qualified}.{method}: {why}")
    assert problems == []
