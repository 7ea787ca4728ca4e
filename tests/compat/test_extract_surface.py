"""The surface extractor, run as the compatibility test runs it, over a small package of our own."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.compat.extract_surface import Surface

EXTRACTOR = Path(__file__).with_name("extract_surface.py")

SAMPLE = {
    "__init__.py": """
        from .widgets import Widget, make

        __all__ = ("Widget", "make")
    """,
    "widgets.py": """
        from __future__ import annotations

        import dataclasses
        import enum
        from typing import TYPE_CHECKING, Any

        from samplepkg.helpers import helper
        from ._private import hidden_helper

        if TYPE_CHECKING:
            from .helpers import OnlyForTypes

        LIMIT = 10


        class Colour(enum.Enum):
            RED = "red"


        @dataclasses.dataclass
        class Widget:
            name: str
            size: int = 3

            def resize(self, size: int, /, *, colour: Colour = Colour.RED) -> None:
                self.resized = True

            @classmethod
            def build(cls, name: str) -> Widget:
                return cls(name)

            @property
            def area(self) -> int:
                return self.size * self.size


        def make(name: str, *parts: Any, flag: object = None, **options: Any) -> Widget:
            return Widget(name)


        async def make_later(name: str, factory: object = object()) -> None:
            return None
    """,
    "helpers.py": """
        def helper() -> None:
            return None


        class OnlyForTypes:
            pass
    """,
    "_private.py": """
        def hidden_helper() -> None:
            return None
    """,
    "sub/__init__.py": """
        from .impl import Thing
    """,
    "sub/impl.py": """
        class Thing:
            def __init__(self, x: int = 1) -> None:
                self.x = x
    """,
    "broken.py": """
        import a_dependency_that_is_not_installed

        from .widgets import Widget

        TIMEOUT = 5.0


        class Client:
            def __init__(self, key: str, *, retries: int = 2) -> None:
                self.key = key

            def send(self, body: dict[str, object]) -> None:
                return None

            @staticmethod
            def version() -> str:
                return "1"
    """,
    "excluded/__init__.py": """
        class Nope:
            pass
    """,
    "_internal/stuff.py": """
        SECRET = 1
    """,
}


def _run(root: Path, *arguments: str) -> Surface:
    output = root / "surface.json"
    done = subprocess.run(
        [
            sys.executable,
            str(EXTRACTOR),
            "--root",
            "samplepkg",
            *arguments,
            "--output",
            str(output),
        ],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": ""},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    surface: Surface = json.loads(output.read_text(encoding="utf-8"))
    return surface


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sample")
    for name, source in SAMPLE.items():
        path = root / "samplepkg" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source).lstrip(), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def surface(sample: Path) -> Surface:
    return _run(sample, "--exclude", "samplepkg.excluded")


def test_public_modules_skip_private_and_excluded_trees(surface: Surface) -> None:
    assert sorted(surface["modules"]) == [
        "samplepkg",
        "samplepkg.broken",
        "samplepkg.helpers",
        "samplepkg.sub",
        "samplepkg.sub.impl",
        "samplepkg.widgets",
    ]


def test_all_lists_a_modules_names(surface: Surface) -> None:
    top = surface["modules"]["samplepkg"]
    assert top["all"] == ["Widget", "make"]
    assert list(top["names"]) == ["Widget", "make"]
    assert top["names"]["Widget"]["origin"] == "samplepkg.widgets:Widget"


def test_without_all_a_module_exports_what_it_defines(surface: Surface) -> None:
    widgets = surface["modules"]["samplepkg.widgets"]
    assert widgets["all"] is None
    # Not helper, hidden_helper, OnlyForTypes, Any, enum, dataclasses: imports are incidental.
    assert sorted(widgets["names"]) == ["Colour", "LIMIT", "Widget", "make", "make_later"]
    assert widgets["names"]["LIMIT"] == {"kind": "constant", "value": "10"}
    # A package exports what it imports from its own submodules.
    assert list(surface["modules"]["samplepkg.sub"]["names"]) == ["Thing"]


def test_signatures_keep_names_kinds_and_literal_defaults(surface: Surface) -> None:
    names = surface["modules"]["samplepkg.widgets"]["names"]
    assert names["make"]["signature"] == [
        {"name": "name", "kind": "positional_or_keyword"},
        {"name": "parts", "kind": "var_positional"},
        {"name": "flag", "kind": "keyword_only", "default": "None"},
        {"name": "options", "kind": "var_keyword"},
    ]
    # A default that is not a simple literal is recorded as present, without a value.
    assert names["make_later"]["signature"] == [
        {"name": "name", "kind": "positional_or_keyword"},
        {"name": "factory", "kind": "positional_or_keyword", "default": None},
    ]


def test_classes_have_constructor_and_members(surface: Surface) -> None:
    widget = surface["modules"]["samplepkg.widgets"]["names"]["Widget"]
    assert widget["kind"] == "class"
    assert widget["signature"] == [
        {"name": "name", "kind": "positional_or_keyword"},
        {"name": "size", "kind": "positional_or_keyword", "default": "3"},
    ]
    members = widget["members"]
    assert members["resize"] == {
        "kind": "method",
        "binding": "instance",
        "signature": [
            {"name": "size", "kind": "positional_only"},
            {"name": "colour", "kind": "keyword_only", "default": "Colour.RED"},
        ],
    }
    assert members["build"]["binding"] == "class"
    assert members["build"]["signature"] == [{"name": "name", "kind": "positional_or_keyword"}]
    # Fields, properties and attributes assigned on self are all attributes.
    for attribute in ("name", "size", "area", "resized"):
        assert members[attribute] == {"kind": "attribute"}
    assert surface["modules"]["samplepkg.sub.impl"]["names"]["Thing"]["members"] == {
        "x": {"kind": "attribute"}
    }


def test_a_module_that_cannot_be_imported_is_read_from_source(surface: Surface) -> None:
    broken = surface["modules"]["samplepkg.broken"]
    assert broken["status"] == "source"
    assert broken["error"] is not None and "a_dependency_that_is_not_installed" in broken["error"]
    assert sorted(broken["names"]) == ["Client", "TIMEOUT"]
    assert broken["names"]["TIMEOUT"] == {"kind": "constant", "value": "5.0"}
    client = broken["names"]["Client"]
    assert client["signature"] == [
        {"name": "key", "kind": "positional_or_keyword"},
        {"name": "retries", "kind": "keyword_only", "default": "2"},
    ]
    assert client["members"]["send"]["binding"] == "instance"
    assert client["members"]["send"]["signature"] == [
        {"name": "body", "kind": "positional_or_keyword"}
    ]
    assert client["members"]["version"] == {"kind": "method", "binding": "static", "signature": []}
    assert client["members"]["key"] == {"kind": "attribute"}


def test_request_mode_looks_up_the_requested_modules_and_names(
    sample: Path, surface: Surface
) -> None:
    request: Surface = {
        **surface,
        "modules": {
            "samplepkg": {
                "status": "import",
                "error": None,
                "all": None,
                "names": {"Widget": {"kind": "class"}, "absent": {"kind": "function"}},
            },
            "samplepkg.helpers": {
                "status": "import",
                "error": None,
                "all": None,
                "names": {"OnlyForTypes": {"kind": "class"}},
            },
            "samplepkg.gone": {"status": "import", "error": None, "all": None, "names": {}},
        },
    }
    (sample / "request.json").write_text(json.dumps(request), encoding="utf-8")
    found = _run(sample, "--request", "request.json")["modules"]
    assert sorted(found) == ["samplepkg", "samplepkg.gone", "samplepkg.helpers"]
    assert list(found["samplepkg"]["names"]) == ["Widget", "make"]  # its own, plus requested
    assert list(found["samplepkg.helpers"]["names"]) == ["helper", "OnlyForTypes"]
    gone = found["samplepkg.gone"]
    assert gone["status"] == "missing"
    assert gone["error"] is not None and gone["error"].startswith("ModuleNotFoundError")


def test_what_an_excluded_tree_defines_is_left_out_everywhere(sample: Path) -> None:
    (sample / "samplepkg" / "reexport.py").write_text(
        "from .excluded import Nope\n\n__all__ = ('Nope', 'kept')\n\nkept = 1\n", encoding="utf-8"
    )
    try:
        found = _run(sample, "--exclude", "samplepkg.excluded")["modules"]["samplepkg.reexport"]
    finally:
        (sample / "samplepkg" / "reexport.py").unlink()
    assert list(found["names"]) == ["kept"]
