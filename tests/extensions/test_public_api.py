"""The public surface of agents-extensions and of ``agents.extensions``: every ``__all__``, lazy
imports, the issue's import statements, and signatures that match OpenAI's Agents SDK."""

from __future__ import annotations

import importlib
import inspect
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

PUBLIC_MODULES = [
    "agents_extensions",
    "agents_extensions.exceptions",
    "agents_extensions.handoff_prompt",
    "agents_extensions.memory",
    "agents_extensions.memory.advanced_sqlite_session",
    "agents_extensions.memory.async_sqlite_session",
    "agents_extensions.memory.encrypt_session",
    "agents_extensions.memory.redis_session",
    "agents_extensions.memory.sqlalchemy_session",
    "agents_extensions.models",
    "agents_extensions.models.litellm_model",
    "agents_extensions.models.litellm_provider",
    "agents_extensions.models.openai_compatible",
    "agents_extensions.opentelemetry",
    "agents_extensions.tool_output_trimmer",
    "agents_extensions.visualization",
]
FACADE = [name.replace("agents_extensions", "agents.extensions") for name in PUBLIC_MODULES]
FACADE.remove("agents.extensions.exceptions")


@pytest.mark.parametrize("module_name", PUBLIC_MODULES + FACADE)
def test_all_is_a_sorted_tuple_of_documented_names(module_name: str) -> None:
    module = importlib.import_module(module_name)
    exported = module.__all__
    assert isinstance(exported, tuple) and list(exported) == sorted(exported)
    for name in exported:
        value = getattr(module, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            assert inspect.getdoc(value), f"{module_name}.{name} has no docstring"
    if module_name.startswith("agents."):
        ours = importlib.import_module(
            module_name.replace("agents.extensions", "agents_extensions")
        )
        assert exported == ours.__all__
        for name in exported:
            assert getattr(module, name) is getattr(ours, name)


def test_the_issue_imports_work() -> None:
    from agents.extensions import ToolOutputTrimmer
    from agents.extensions.memory import (
        AdvancedSQLiteSession,
        EncryptedSession,
        RedisSession,
        SQLAlchemySession,
    )
    from agents.extensions.models.litellm_model import LitellmModel
    from agents.extensions.visualization import draw_graph

    assert all(
        callable(x)
        for x in (
            ToolOutputTrimmer,
            AdvancedSQLiteSession,
            EncryptedSession,
            RedisSession,
            SQLAlchemySession,
            LitellmModel,
            draw_graph,
        )
    )


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys; print('\\n'.join(sys.modules))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return set(out.split())


def test_imports_are_lazy() -> None:
    heavy = {"redis", "sqlalchemy", "cryptography", "opentelemetry", "graphviz", "litellm"}
    loaded = _modules_after("import agents_extensions, agents_extensions.memory, agents.extensions")
    assert not heavy & loaded
    assert "agents_openai" not in loaded
    loaded = _modules_after("from agents.extensions.memory import RedisSession")
    assert "redis" in loaded and not {"sqlalchemy", "litellm", "graphviz"} & loaded
    assert "agents_extensions._memory._encrypted" not in loaded


_SIGNATURES = """
import inspect, json, sys
import agents.extensions as ext
from agents.extensions.memory import (
    AdvancedSQLiteSession, AsyncSQLiteSession, EncryptedSession, RedisSession, SQLAlchemySession,
)
from agents.extensions.handoff_prompt import prompt_with_handoff_instructions
from agents.extensions.visualization import draw_graph, get_all_edges, get_all_nodes, get_main_graph
targets = {
    "RedisSession": RedisSession, "RedisSession.from_url": RedisSession.from_url,
    "SQLAlchemySession": SQLAlchemySession,
    "SQLAlchemySession.from_url": SQLAlchemySession.from_url,
    "EncryptedSession": EncryptedSession, "AsyncSQLiteSession": AsyncSQLiteSession,
    "AdvancedSQLiteSession": AdvancedSQLiteSession,
    "AdvancedSQLiteSession.create_branch_from_turn": AdvancedSQLiteSession.create_branch_from_turn,
    "AdvancedSQLiteSession.get_turn_usage": AdvancedSQLiteSession.get_turn_usage,
    "AdvancedSQLiteSession.get_items": AdvancedSQLiteSession.get_items,
    "AdvancedSQLiteSession.delete_branch": AdvancedSQLiteSession.delete_branch,
    "ToolOutputTrimmer": ext.ToolOutputTrimmer,
    "prompt_with_handoff_instructions": prompt_with_handoff_instructions,
    "draw_graph": draw_graph, "get_main_graph": get_main_graph,
    "get_all_nodes": get_all_nodes, "get_all_edges": get_all_edges,
}
out = {}
for name, target in targets.items():
    out[name] = [
        [p.name, p.kind.name, None if p.default is p.empty else repr(p.default)]
        for p in inspect.signature(target).parameters.values()
        if p.name != "self"
    ]
print(json.dumps(out))
"""


def _signatures(python: str | Path) -> dict[str, list[list[Any]]]:
    done = subprocess.run(
        [str(python), "-c", _SIGNATURES], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, list[list[Any]]] = json.loads(done.stdout)
    return result


def test_signatures_match_the_official_sdk(official_python: Path) -> None:
    official, ours = _signatures(official_python), _signatures(sys.executable)
    for name, parameters in official.items():
        # Ours may add keyword-only options after the official parameters, never change them.
        assert ours[name][: len(parameters)] == parameters, name
        assert all(kind == "KEYWORD_ONLY" for _, kind, _ in ours[name][len(parameters) :]), name
