"""The default model, the settings each model starts with, and how agents pick them up."""

from __future__ import annotations

import pytest

from agents_core import Agent, ModelSettings
from agents_core.model_settings import Reasoning
from agents_core.models import (
    get_default_model,
    get_default_model_settings,
    gpt_5_reasoning_settings_required,
    is_gpt_5_default,
)
from agents_core.testing import ScriptedModel


@pytest.fixture(autouse=True)
def _no_default_model_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_DEFAULT_MODEL", raising=False)


def _effort(settings: ModelSettings) -> str | None:
    return settings.reasoning.effort if settings.reasoning is not None else None


@pytest.mark.parametrize(
    ("model", "effort"),
    [
        ("gpt-5", "low"),
        ("gpt-5-2025-08-07", "low"),
        ("gpt-5.1", "none"),
        ("gpt-5.2-2025-12-11", "none"),
        ("gpt-5.2-pro", "medium"),
        ("gpt-5.2-codex", "low"),
        ("gpt-5.3-codex", "none"),
        ("gpt-5.4-pro-2026-03-05", "medium"),
        ("gpt-5.4-mini", "none"),
        ("gpt-5.6-luna", "none"),
    ],
)
def test_gpt_5_models_start_with_their_familys_effort(model: str, effort: str) -> None:
    settings = get_default_model_settings(model)
    assert _effort(settings) == effort
    assert settings.verbosity == "low"


def test_unknown_gpt_5_variants_get_low_verbosity_only() -> None:
    assert get_default_model_settings("gpt-5.2-codex-2026-01-01") == ModelSettings(verbosity="low")
    assert get_default_model_settings("gpt-5.9-experimental") == ModelSettings(verbosity="low")


def test_chat_aliases_and_other_models_start_empty() -> None:
    for model in ("gpt-5-chat-latest", "gpt-5.3-chat-latest", "gpt-4.1", "o3", "claude"):
        assert get_default_model_settings(model) == ModelSettings()
    assert not gpt_5_reasoning_settings_required("gpt-5.1-chat-latest")
    assert gpt_5_reasoning_settings_required("gpt-5-nano")


def test_the_default_model_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert get_default_model() == "gpt-5.6-luna"
    assert is_gpt_5_default()
    monkeypatch.setenv("OPENAI_DEFAULT_MODEL", "GPT-4.1")
    assert get_default_model() == "gpt-4.1"
    assert not is_gpt_5_default()
    assert get_default_model_settings() == ModelSettings()


def test_each_call_returns_a_new_settings_object() -> None:
    first = get_default_model_settings()
    first.temperature = 0.5
    assert get_default_model_settings().temperature is None


def test_an_agent_starts_with_its_models_settings() -> None:
    assert Agent(name="a").model_settings == get_default_model_settings()
    assert Agent(name="a", model="gpt-4.1").model_settings == ModelSettings()
    assert _effort(Agent(name="a", model="gpt-5").model_settings) == "low"
    assert Agent(name="a", model=ScriptedModel([])).model_settings == ModelSettings()


def test_settings_an_agent_is_given_are_kept() -> None:
    chosen = ModelSettings(reasoning=Reasoning(effort="high"))
    assert Agent(name="a", model="gpt-5", model_settings=chosen).model_settings == chosen
    from_dict = Agent(name="a", model_settings={"temperature": 0.2})  # type: ignore[arg-type]
    assert from_dict.model_settings == ModelSettings(temperature=0.2)


def test_clone_with_a_new_model_brings_its_settings_unless_chosen() -> None:
    agent = Agent(name="a")
    assert agent.clone(model="gpt-4.1").model_settings == ModelSettings()
    assert _effort(agent.clone(model="gpt-5").model_settings) == "low"
    tuned = Agent(name="a", model_settings=ModelSettings(temperature=0.1))
    assert tuned.clone(model="gpt-5").model_settings == ModelSettings(temperature=0.1)
    explicit = agent.clone(model="gpt-5", model_settings=ModelSettings())
    assert explicit.model_settings == ModelSettings()
