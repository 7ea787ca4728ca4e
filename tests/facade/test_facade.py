"""The ``agents`` facade re-exports the stable API and nothing else, lazily."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys

import pytest

import agents
import agents_core
import agents_core.exceptions
import agents_core.tracing
import agents_openai


def test_facade_all_is_the_stable_api() -> None:
    assert set(agents_core.__all__) | set(agents_openai.__all__) <= set(agents.__all__)
    assert isinstance(agents.__all__, tuple) and len(set(agents.__all__)) == len(agents.__all__)
    for name in agents.__all__:
        assert getattr(agents, name) is not None, name
    assert agents.trace is agents_core.tracing.trace
    for name in agents_core.__all__:
        assert getattr(agents, name) is getattr(agents_core, name)
    for name in agents_openai.__all__:
        assert getattr(agents, name) is getattr(agents_openai, name)


def test_a_multi_provider_is_the_default_loaded_on_first_use() -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, agents\n"
            "provider = agents.get_default_model_provider()\n"
            "print(type(provider).__name__, 'agents_openai' in sys.modules)",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert out == ["_DefaultMultiProvider", "False"]


def test_familiar_imports_work() -> None:
    from agents import Agent, OpenAIProvider, Runner, WebSearchTool, function_tool

    assert Agent is agents_core.Agent and Runner is agents_core.Runner
    assert function_tool is agents_core.function_tool
    assert OpenAIProvider is agents_openai.OpenAIProvider
    assert WebSearchTool is agents_openai.WebSearchTool


def test_every_exception_is_reachable_from_the_facade() -> None:
    for name in agents_core.exceptions.__all__:
        if name in (
            "InvalidModelStep",
            "ModelScriptError",
            "ModelStepReason",
            "UnexpectedModelCall",
            "UnofferedToolCall",
            "UnconsumedModelSteps",
        ):
            assert getattr(importlib.import_module("agents.testing"), name) is getattr(
                agents_core.exceptions, name
            )
        else:
            assert getattr(agents, name) is getattr(agents_core.exceptions, name)
        assert getattr(importlib.import_module("agents.exceptions"), name) is getattr(
            agents_core.exceptions, name
        )


def test_testing_module_is_the_core_one() -> None:
    import agents.testing
    import agents_core.testing

    assert agents.testing.__all__ == agents_core.testing.__all__
    assert agents.testing.ScriptedModel is agents_core.testing.ScriptedModel


@pytest.mark.parametrize("part", ["realtime", "voice", "extensions"])
def test_optional_parts_are_importable_when_installed(part: str) -> None:
    module = importlib.import_module(f"agents.{part}")
    assert module.__all__ == importlib.import_module(f"agents_{part}").__all__


def test_import_agents_is_lazy() -> None:
    out = subprocess.run(
        [sys.executable, "-c", "import agents, sys; print('\\n'.join(sys.modules))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert "agents_core._run.runner" not in out and "pydantic" not in out
    assert "agents_openai" not in out and "httpx2" not in out


FACADE_MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(agents.__path__, "agents.")
    if not info.name.startswith(("agents.realtime", "agents.voice", "agents.extensions"))
)


@pytest.mark.parametrize("module_name", FACADE_MODULES)
def test_every_facade_module_re_exports_resolvable_names(module_name: str) -> None:
    module = importlib.import_module(module_name)
    assert isinstance(module.__all__, tuple) and len(set(module.__all__)) == len(module.__all__)
    for name in module.__all__:
        assert hasattr(module, name), name  # None is a value (setup.GLOBAL_TRACE_PROVIDER)


def test_a_facade_module_loads_only_what_it_re_exports() -> None:
    out = subprocess.run(
        [sys.executable, "-c", "import agents.items, sys; print('\\n'.join(sys.modules))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert "agents_core._items.items" in out
    assert "agents_core._run.runner" not in out and "agents_openai" not in out


def test_text_and_realtime_agents_share_their_base() -> None:
    from agents import Agent, AgentBase
    from agents.realtime import RealtimeAgent

    for agent in (Agent(name="a"), RealtimeAgent(name="r")):
        assert isinstance(agent, AgentBase)
        assert (agent.tools, agent.mcp_servers, agent.handoff_description) == ([], [], None)
