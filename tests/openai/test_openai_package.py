"""Code written for OpenAI's Agents SDK, beside the ``openai`` package, runs on our wheels.

Our wheels (the ``agents`` facade and those of ours it depends on, built without workspace
sources) and ``openai`` are installed into a throwaway venv, where ``openai_package_app.py``
runs each check against a fake OpenAI server (its traffic validated against OpenAI's spec when
``AGENTS_OPENAI_SPEC`` is set): the official docs' streaming example with ``openai``'s
``ResponseTextDeltaEvent``, raw events and items against ``openai``'s classes on both APIs,
``Reasoning`` and other parameter objects on the wire, an ``AsyncOpenAI``'s settings, the
clients that are refused, and that ``openai`` is never imported unless asked for.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP = Path(__file__).with_name("openai_package_app.py")
OPENAI_VERSION = "3.57.0"  # the openai release the official SDK 0.24.0 reference installs
SPEC_TOOLS = ("pyyaml", "jsonschema", "openapi-schema-validator")

pytestmark = pytest.mark.timeout(600)


def _uv() -> str:
    uv = shutil.which("uv")
    if uv is None:
        pytest.fail("uv is needed to build our wheels (the README's setup installs it)")
    return uv


def _run(*args: str | Path, cwd: Path | None = None) -> str:
    env = {
        k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "UV_PROJECT_ENVIRONMENT")
    }
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        pytest.fail(f"{' '.join(map(str, args))} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


@pytest.fixture(scope="module")
def python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv with the facade (and the wheels of ours it needs) and openai (and the spec
    validator's libraries)."""
    wheels = tmp_path_factory.mktemp("wheels")
    _run(
        _uv(),
        "build",
        "--all-packages",
        "--no-sources",
        "--wheel",
        "-q",
        "--out-dir",
        wheels,
        cwd=ROOT,
    )
    # "agents" is another project's name on PyPI: every one of ours is pinned to its wheel.
    overrides = wheels / "overrides.txt"
    overrides.write_text(
        "".join(
            f"{wheel.name.split('-')[0].replace('_', '-')} @ {wheel.as_uri()}\n"
            for wheel in sorted(wheels.glob("*.whl"))
        )
    )
    venv = tmp_path_factory.mktemp("venv") / "env"
    _run(_uv(), "venv", "-q", "--python", sys.executable, venv)
    interpreter = venv / "bin" / "python"
    requirements = ["agents", f"openai=={OPENAI_VERSION}"]
    if os.environ.get("AGENTS_OPENAI_SPEC"):
        requirements += [f"{name}=={importlib.metadata.version(name)}" for name in SPEC_TOOLS]
    _run(
        _uv(),
        "pip",
        "install",
        "-q",
        "--python",
        interpreter,
        "--override",
        overrides,
        *requirements,
    )
    return interpreter


def _check(python: Path, name: str, tmp_path: Path) -> tuple[str, dict[str, Any]]:
    """Run one check of the app in the venv: what it printed before its result, and the result."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "VIRTUAL_ENV"))}
    done = subprocess.run(
        [str(python), str(APP), name],
        cwd=tmp_path,  # not the workspace: only the installed wheels can be imported
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, f"{name} failed:\n{done.stdout}\n{done.stderr}"
    printed, _, result = done.stdout.rpartition("RESULT ")
    found: dict[str, Any] = json.loads(result)
    assert found.pop("conformance_errors") == []
    return printed, found


def test_our_packages_do_not_depend_on_openai(python: Path) -> None:
    listing = _run(
        python,
        "-c",
        "import importlib.metadata as m, json\n"
        "names = ('agents', 'agents-core', 'agents-openai', 'agents-extensions')\n"
        "print(json.dumps({name: m.requires(name) or [] for name in names}))",
    )
    for distribution, requirements in json.loads(listing).items():
        required = {
            re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].lower()
            for requirement in requirements
            if "extra ==" not in requirement  # what an extra adds is the user's choice
        }
        assert "openai" not in required, (distribution, required)


def test_the_official_streaming_example_prints_its_deltas(python: Path, tmp_path: Path) -> None:
    printed, found = _check(python, "streaming_example", tmp_path)
    joke = "Why did the chicken join a band? It had the drumsticks."
    assert printed.strip() == joke
    assert "".join(found["deltas"]) == joke and len(found["deltas"]) > 1
    assert found["final_output"] == joke


def test_raw_events_and_items_are_openai_instances_on_both_apis(
    python: Path, tmp_path: Path
) -> None:
    _, found = _check(python, "raw_items", tmp_path)
    responses, chat = found["responses"], found["chat"]
    for api in (responses, chat):
        assert api["final_output"] == api["output_text"] == "It is 3."
        assert all(api["events"].values()), api["events"]
        assert all(api["items"].values()) and all(api["raw_responses"]), api
        for name in ("ResponseTextDeltaEvent", "ResponseCompletedEvent", "completed.response"):
            assert name in api["events"]
    assert set(responses["items"]) == {
        "reasoning_item:ResponseReasoningItem",
        "tool_call_item:ResponseFunctionWebSearch",  # a hosted tool's item, typed by openai
        "tool_call_item:ResponseFunctionToolCall",
        "message_output_item:ResponseOutputMessage",
    }
    assert "ResponseWebSearchCallSearchingEvent" in responses["events"]
    assert "ResponseReasoningSummaryTextDeltaEvent" in responses["events"]


def test_a_scripted_models_events_and_items_are_openai_instances(
    python: Path, tmp_path: Path
) -> None:
    _, found = _check(python, "scripted", tmp_path)
    assert found["final_output"] == "Found it."
    assert found["items"] == [True, True, True]  # reasoning, call, message
    assert all(found["events"].values()) and "ResponseTextDeltaEvent" in found["events"]


def test_openai_reasoning_reaches_both_apis(python: Path, tmp_path: Path) -> None:
    _, found = _check(python, "reasoning", tmp_path)
    assert found == {"responses": {"effort": "low"}, "chat": "low"}


def test_an_async_openai_clients_settings_are_used(python: Path, tmp_path: Path) -> None:
    _, found = _check(python, "client_settings", tmp_path)
    assert found["outputs"] == ["via default", "via responses model", "via chat model"]
    expected_headers = {
        "authorization": "Bearer sk-fake-openai-key",
        "openai-organization": "org_1",
        "openai-project": "proj_1",
        "x-team": "search",
    }
    assert found["headers"] == [expected_headers] * found["requests"]
    assert found["queries"] == [{"api-version": "7"}] * found["requests"]
    # A retry after the 500 (max_retries=1), then one request per model; the provider's two
    # requests both fail and the error is raised.
    assert found["paths"] == [
        "/v1/responses",
        "/v1/responses",
        "/v1/responses",
        "/v1/chat/completions",
        "/v1/responses",
        "/v1/responses",
    ]
    assert found["retries_exhausted"] is True
    assert found["hooked"] == found["requests"]  # through the client's own httpx2.AsyncClient
    assert found["timeout"] == 42.0


def test_clients_that_cannot_be_honoured_are_refused(python: Path, tmp_path: Path) -> None:
    _, found = _check(python, "refusals", tmp_path)
    assert "needs an asynchronous client, got openai.OpenAI" in found["sync"]
    assert "AsyncAzureOpenAI" in found["azure"] and "api-key" in found["azure"]
    assert "API key function" in found["key_function"]
    assert "got object" in found["not_a_client"]


def test_openai_parameter_objects_reach_the_wire(python: Path, tmp_path: Path) -> None:
    _, found = _check(python, "tool_params", tmp_path)
    assert found["tools"] == [
        {
            "type": "web_search",
            "user_location": {"type": "approximate", "city": "Oslo"},
            "filters": {"allowed_domains": ["example.com"]},
            "search_context_size": "medium",
        },
        {
            "type": "file_search",
            "vector_store_ids": ["vs_1"],
            "ranking_options": {"ranker": "auto"},
            "filters": {"key": "lang", "type": "eq", "value": "no"},
        },
        {
            "type": "mcp",
            "server_label": "docs",
            "server_url": "https://example.com/mcp",
            "require_approval": "never",
        },
    ]
    assert found["text"] == {"verbosity": "low"}
    assert found["headers"] == {"x-team": None}  # openai.omit in extra_headers


def test_openai_is_not_imported_unless_the_program_does(python: Path, tmp_path: Path) -> None:
    _, found = _check(python, "no_import", tmp_path)
    assert found == {
        "openai_imported": False,
        "event_modules": ["agents_core._items.stream_types", "agents_openai._events"],
    }


def test_set_openai_types_chooses_explicitly(python: Path, tmp_path: Path) -> None:
    _, found = _check(python, "opt_in", tmp_path)
    assert found["before"] is False
    assert found["True"]["openai_imported"] and found["True"]["item_is_openai"]
    assert found["False"] == {
        "openai_imported": True,
        "item_is_openai": False,
        "event_modules": ["agents_core._items.stream_types", "agents_openai._events"],
    }
