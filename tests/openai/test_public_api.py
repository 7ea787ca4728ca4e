"""The public surface of agents-openai: ``__all__`` tuples, docstrings, lazy imports, the facade."""

from __future__ import annotations

import importlib
import inspect
import subprocess
import sys

import pytest

import agents
import agents_openai
import agents_openai.exceptions
from agents_core.exceptions import AgentsException

PUBLIC_MODULES = [
    "agents_openai",
    "agents_openai.exceptions",
    "agents_openai.stream_events",
    "agents_openai.testing",
]


@pytest.mark.parametrize("module_name", PUBLIC_MODULES)
def test_all_is_a_tuple_of_documented_resolvable_names(module_name: str) -> None:
    module = importlib.import_module(module_name)
    exported = module.__all__
    assert isinstance(exported, tuple)
    assert len(set(exported)) == len(exported)
    for name in exported:
        value = getattr(module, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            assert inspect.getdoc(value), f"{module_name}.{name} has no docstring"


def test_lazy_map_and_all_agree() -> None:
    assert set(agents_openai._EXPORTS) == set(agents_openai.__all__)
    assert list(agents_openai.__all__) == sorted(agents_openai.__all__)


def test_every_exception_is_public_and_in_the_tree() -> None:
    module = agents_openai.exceptions
    defined = {
        name
        for name, value in vars(module).items()
        if inspect.isclass(value)
        and issubclass(value, BaseException)
        and value.__module__ == module.__name__
    }
    assert defined == set(module.__all__)
    for name in defined:
        error = getattr(module, name)
        assert issubclass(error, AgentsException)
        assert name in (module.__doc__ or ""), f"{name} is missing from the drawn tree"
        assert getattr(agents, name) is error  # re-exported by the facade
        assert getattr(agents_openai, name) is error


def test_the_facade_re_exports_the_openai_names() -> None:
    assert agents_openai.__all__ == agents._OPENAI_NAMES
    for name in agents_openai.__all__:
        assert getattr(agents, name) is getattr(agents_openai, name)


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys; print('\\n'.join(sys.modules))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return set(out.split())


def test_importing_the_package_does_not_load_httpx2() -> None:
    loaded = _modules_after("import agents_openai; agents_openai.__all__")
    assert "httpx2" not in loaded and "pydantic" not in loaded


def test_import_agents_loads_neither_agents_openai_nor_httpx2() -> None:
    loaded = _modules_after("import agents")
    assert not {name for name in loaded if name.startswith(("agents_openai", "httpx"))}


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        agents_openai.Nope  # noqa: B018


def test_stream_events_module_types_all_58_events() -> None:
    from agents_openai import stream_events

    assert len(stream_events.EVENT_TYPES) == 58
    for event_class in stream_events.EVENT_TYPES.values():
        assert event_class.__name__ in stream_events.__all__
