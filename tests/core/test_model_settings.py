"""ModelSettings layering."""

from __future__ import annotations

from agents_core import ModelSettings, Reasoning


def test_resolve_overlays_non_none_fields() -> None:
    base = ModelSettings(temperature=0.1, top_p=0.9, max_tokens=100, extra_args={"a": 1, "b": 1})
    merged = base.resolve(ModelSettings(temperature=0.7, extra_args={"b": 2}))
    assert (merged.temperature, merged.top_p, merged.max_tokens) == (0.7, 0.9, 100)
    assert merged.extra_args == {"a": 1, "b": 2}
    assert base.temperature == 0.1  # unchanged
    assert base.resolve(None) is base


def test_resolve_accepts_a_dict() -> None:
    merged = ModelSettings(top_p=0.5).resolve({"reasoning": Reasoning(effort="low")})
    assert merged.reasoning == Reasoning(effort="low") and merged.top_p == 0.5


def test_to_json_dict_leaves_out_unset_fields() -> None:
    settings = ModelSettings(temperature=0.2, reasoning=Reasoning(effort="high"))
    assert settings.to_json_dict() == {
        "temperature": 0.2,
        "reasoning": {"effort": "high", "summary": None},
    }


def test_traceable_settings_name_every_field_but_provider_extras() -> None:
    from agents_core.model_settings import Reasoning

    settings = ModelSettings(
        temperature=0.2, reasoning=Reasoning(effort="low"), extra_body={"secret": 1}
    )
    traced = settings.to_traceable_dict()
    assert traced["temperature"] == 0.2 and traced["top_p"] is None
    assert traced["reasoning"] == {"effort": "low", "summary": None}
    assert not any(name.startswith("extra_") for name in traced)
    assert "timeout" in traced and "preserve_raw_usage" not in traced
