"""The public surface: each ``__all__`` is exactly what its module exports; imports are lazy."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import subprocess
import sys

import pytest

import agents_core
import agents_core.exceptions
import agents_core.mcp
import agents_core.stream_types
import agents_core.testing
import agents_core.tracing

PUBLIC_MODULES = [
    "agents_core",
    *sorted(
        info.name
        for info in pkgutil.walk_packages(agents_core.__path__, "agents_core.")
        if not any(part.startswith("_") for part in info.name.split("."))
    ),
]


@pytest.mark.parametrize("module_name", PUBLIC_MODULES)
def test_all_is_a_sorted_tuple_of_resolvable_names(module_name: str) -> None:
    module = importlib.import_module(module_name)
    exported = module.__all__
    assert isinstance(exported, tuple)
    assert len(set(exported)) == len(exported)
    for name in exported:
        assert hasattr(module, name), name  # None is a value (setup.GLOBAL_TRACE_PROVIDER)
    # Nothing public that __all__ leaves out (imported modules and typing helpers aside).
    public = {
        name
        for name, value in vars(module).items()
        if not name.startswith("_")
        and not inspect.ismodule(value)
        and getattr(value, "__module__", "").startswith("agents_core")
        and name != "annotations"
    }
    assert public <= set(exported), public - set(exported)


def test_lazy_map_and_all_agree() -> None:
    assert set(agents_core._EXPORTS) == set(agents_core.__all__)


def test_public_names_are_documented() -> None:
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            value = getattr(module, name)
            if inspect.isclass(value) or inspect.isfunction(value):
                assert inspect.getdoc(value), f"{module_name}.{name} has no docstring"


def test_every_exception_is_public() -> None:
    exceptions = agents_core.exceptions
    defined = {
        name
        for name, value in vars(exceptions).items()
        if inspect.isclass(value)
        and issubclass(value, BaseException)
        and value.__module__ == exceptions.__name__
    }
    # RunErrorDetails is the data errors carry; ModelStepReason the values of a field.
    assert defined == set(exceptions.__all__) - {"RunErrorDetails", "ModelStepReason"}
    for name in defined:
        assert issubclass(getattr(exceptions, name), exceptions.AgentsException)


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        agents_core.Nope  # noqa: B018


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys; print('\\n'.join(sys.modules))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return set(out.split())


def test_importing_the_package_loads_no_heavy_dependency() -> None:
    loaded = _modules_after("import agents_core")
    assert not {"pydantic", "structlog", "asyncio"} & loaded


def test_building_an_agent_does_not_load_structlog_or_network_stacks() -> None:
    loaded = _modules_after(
        "from agents_core import Agent, Runner, function_tool\n"
        "@function_tool\n"
        "def f(x: int) -> int:\n"
        "    return x\n"
        "Agent(name='a', tools=[f])"
    )
    assert "pydantic" in loaded
    assert not {"structlog", "httpx", "httpx2", "websockets", "soundfile", "mcp"} & loaded
