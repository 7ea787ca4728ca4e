"""The comparison, the allowlist and the report, on small hand-made surfaces."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.compat import allowlist
from tests.compat.compare import Coverage, Difference, compare, compare_parameters, coverage
from tests.compat.extract_surface import (
    ModuleSurface,
    NameSurface,
    Parameter,
    ParameterKind,
    Surface,
)
from tests.compat.report import module_order, render_report


def _surface(**modules: ModuleSurface) -> Surface:
    return {
        "format": 1,
        "root": "agents",
        "python": "3.11",
        "modules": {name.replace("__", "."): module for name, module in modules.items()},
    }


def _module(names: dict[str, NameSurface], exported: list[str] | None = None) -> ModuleSurface:
    return {"status": "import", "error": None, "all": exported, "names": names}


def _missing() -> ModuleSurface:
    return {"status": "missing", "error": "ModuleNotFoundError: gone", "all": None, "names": {}}


def _p(
    name: str, kind: ParameterKind = "positional_or_keyword", default: str | None = ""
) -> Parameter:
    """A parameter; ``default`` "" means none, None one that is not a literal."""
    parameter: Parameter = {"name": name, "kind": kind}
    if default != "":
        parameter["default"] = default
    return parameter


def _function(*parameters: Parameter, origin: str = "agents.x:f") -> NameSurface:
    return {"kind": "function", "origin": origin, "signature": list(parameters)}


def _keys(differences: list[Difference]) -> list[tuple[str, str]]:
    return [(difference.module, difference.key) for difference in differences]


@pytest.mark.parametrize(
    ("official", "ours", "expected"),
    [
        pytest.param([_p("a")], [_p("a")], [], id="same"),
        pytest.param([_p("a")], [_p("b")], ["a", "b"], id="renamed: one missing, one extra"),
        pytest.param(
            [_p("a")], [_p("a"), _p("extra", "keyword_only", "None")], [], id="optional keyword"
        ),
        pytest.param([_p("a")], [_p("a"), _p("extra", "keyword_only")], ["extra"], id="required"),
        pytest.param([_p("a")], [_p("a"), _p("extra", default="1")], ["extra"], id="positional"),
        pytest.param([_p("a")], [_p("a", "keyword_only")], ["a"], id="kind"),
        pytest.param([_p("a", default="1")], [_p("a")], ["a"], id="default missing"),
        pytest.param([_p("a")], [_p("a", default="1")], ["a"], id="default added"),
        pytest.param([_p("a", default="1")], [_p("a", default="2")], ["a"], id="default value"),
        pytest.param([_p("a", default="1")], [_p("a", default=None)], [], id="non-literal"),
        pytest.param(
            [_p("args", "var_positional"), _p("kwargs", "var_keyword")],
            [_p("items", "var_positional"), _p("options", "var_keyword")],
            [],
            id="variadics by kind",
        ),
        pytest.param([_p("kwargs", "var_keyword")], [], ["**kwargs"], id="variadic missing"),
        pytest.param([_p("a"), _p("b")], [_p("b"), _p("a")], ["a", "b"], id="order"),
        pytest.param([_p("a"), _p("b"), _p("c")], [_p("a"), _p("c")], ["b"], id="no cascade"),
        pytest.param([_p("a"), _p("_private")], [_p("a"), _p("_mine")], [], id="private"),
    ],
)
def test_parameters(official: list[Parameter], ours: list[Parameter], expected: list[str]) -> None:
    assert [label for label, _ in compare_parameters(official, ours)] == expected


def test_parameter_details_say_what_differs() -> None:
    assert compare_parameters([_p("a", "keyword_only", "10")], []) == [
        ("a", "missing (keyword-only, default 10 officially)")
    ]
    assert compare_parameters([_p("a", default="1")], [_p("a", default="2")]) == [
        ("a", "default 2 here, 1 officially")
    ]
    assert compare_parameters(None, [_p("a")]) == []  # no signature to compare


def test_identical_surfaces_have_no_differences() -> None:
    official = _surface(agents=_module({"f": _function(_p("a"))}, ["f"]))
    assert compare(official, official) == []
    assert coverage(official, official) == Coverage(1, 1, 1, 1)


def test_a_missing_module_is_one_difference() -> None:
    official = _surface(
        agents=_module({"f": _function()}),
        agents__run=_module({"g": _function(), "h": _function()}),
    )
    ours = _surface(agents=_module({"f": _function()}), agents__run=_missing())
    differences = compare(official, ours)
    assert _keys(differences) == [("agents.run", "*")]
    assert "gone" in differences[0].detail
    assert coverage(official, ours) == Coverage(1, 2, 1, 3)


def test_names_missing_unexported_of_another_kind_or_value() -> None:
    official = _surface(
        agents=_module(
            {
                "f": _function(),
                "g": _function(),
                "Thing": {"kind": "class", "origin": "agents:Thing"},
                "LIMIT": {"kind": "constant", "value": "10"},
                "__version__": {"kind": "constant", "value": "'0.24.0'"},
            },
            ["f", "g", "Thing", "LIMIT", "__version__"],
        )
    )
    ours = _surface(
        agents=_module(
            {
                "f": _function(),
                "Thing": _function(),
                "LIMIT": {"kind": "constant", "value": "5"},
                "__version__": {"kind": "constant", "value": "'0.1.0'"},
            },
            ["Thing", "LIMIT", "__version__"],
        )
    )
    assert _keys(compare(official, ours)) == [
        ("agents", "LIMIT [value]"),
        ("agents", "Thing [kind]"),
        ("agents", "f [__all__]"),
        ("agents", "g"),
    ]


def test_classes_compare_constructor_bases_and_members() -> None:
    official_class: NameSurface = {
        "kind": "class",
        "origin": "agents.things:Thing",
        "signature": [_p("name")],
        "bases": [
            "agents.things:ThingBase",
            "agents._hidden:Mixin",
            "builtins:Exception",
            "abc:ABC",
        ],
        "members": {
            "run": {"kind": "method", "binding": "class", "signature": [_p("x")]},
            "size": {"kind": "attribute"},
            "close": {"kind": "method", "binding": "instance", "signature": []},
            "label": {"kind": "attribute"},
        },
    }
    our_class: NameSurface = {
        "kind": "class",
        "origin": "agents_core._things:Thing",
        "signature": [_p("title")],
        "bases": ["agents_core._things:ThingBase"],
        "members": {
            "run": {"kind": "method", "binding": "instance", "signature": [_p("y")]},
            "size": {"kind": "attribute"},
            "label": {"kind": "method", "binding": "instance", "signature": []},
        },
    }
    official = _surface(agents=_module({"Thing": official_class}))
    ours = _surface(agents=_module({"Thing": our_class}))
    assert [key for _, key in _keys(compare(official, ours))] == [
        "Thing [base builtins.Exception]",  # library bases match by name; abc's are not compared
        "Thing(name)",
        "Thing(title)",
        "Thing.close",
        "Thing.label [kind]",
        "Thing.run [binding]",
        "Thing.run(x)",
        "Thing.run(y)",
    ]


def test_a_name_exported_twice_is_compared_once_and_must_be_one_object() -> None:
    official_f = _function(_p("a"), origin="agents.tools:f")
    official = _surface(agents=_module({"f": official_f}), agents__tools=_module({"f": official_f}))
    ours = _surface(
        agents=_module({"f": _function(origin="agents_core:f")}),
        agents__tools=_module({"f": _function(origin="agents_core:other_f")}),
    )
    assert _keys(compare(official, ours)) == [
        ("agents", "f(a)"),  # in depth at the top level only
        ("agents.tools", "f [identity]"),
    ]


def _entries(text: str, tmp_path: Path) -> dict[tuple[str, str], allowlist.Entry]:
    path = tmp_path / "allowlist.toml"
    path.write_text(text, encoding="utf-8")
    return allowlist.load(path)


def test_allowlist_entries_and_reasons(tmp_path: Path) -> None:
    entries = _entries(
        '["agents"]\n'
        '"f" = "not-built: tool search"\n'
        '"g" = "deliberate: #where-we-differ"\n'
        '"h" = "deliberate: **Lazy imports.**"\n'
        '"i" = "deliberate: #nowhere"\n'
        '"j" = "maybe: later"\n'
        '"k" = "not-built: not built yet: agents"\n',
        tmp_path,
    )
    assert entries["agents", "f"] == allowlist.Entry("agents", "f", "not-built", "tool search")
    doc = "# Where we differ\n\n- **Lazy imports.** Names load on first use.\n"
    assert allowlist.problems(entries.values(), doc) == [
        "[agents] \"i\": '#nowhere' is not an anchor in docs/differences.md",
        '[agents] "j": the reason must be one of deliberate, not-built',
        "[agents] \"k\": say which feature is missing (not 'not built yet: agents'), or list "
        "the difference in docs/differences.md as deliberate",
    ]


@pytest.mark.parametrize(
    "text", ['["agents"]\n"f" = "not built"\n', '["agents"]\n"f" = 3\n', '"f" = "x: y"\n', "[a"]
)
def test_a_malformed_allowlist_is_refused(text: str, tmp_path: Path) -> None:
    with pytest.raises(allowlist.AllowlistError):
        _entries(text, tmp_path)


def test_unlisted_and_stale_entries_and_a_regenerated_file(tmp_path: Path) -> None:
    differences = [Difference("agents", "f", "missing"), Difference("agents.run", "*", "gone")]
    entries = _entries('["agents"]\n"f" = "not-built: tools"\n"old" = "not-built: x"\n', tmp_path)
    unlisted, stale = allowlist.split(differences, entries)
    assert unlisted == [differences[1]]
    assert [entry.key for entry in stale] == ["old"]
    regenerated = _entries(allowlist.render(differences, entries, "sdk 1.0"), tmp_path)
    assert sorted(entry.value for entry in regenerated.values()) == [
        "not-built: not built yet: agents.run",
        "not-built: tools",  # kept
    ]


def test_the_report_puts_the_top_level_first_and_marks_new_differences() -> None:
    thing: NameSurface = {"kind": "class", "origin": "agents.things:Thing"}
    official = _surface(
        agents=_module({"Thing": thing, "f": _function()}, ["Thing", "f"]),
        agents__aaa=_module({"g": _function(origin="agents.aaa:g")}),
        agents__things=_module({"Thing": thing}),
    )
    ours = _surface(agents=_module({"Thing": thing}, ["Thing"]), agents__aaa=_missing())
    ours["modules"]["agents.things"] = _missing()
    differences = compare(official, ours)
    assert module_order(official, differences) == ["agents", "agents.things", "agents.aaa"]
    entries = {("agents", "f"): allowlist.Entry("agents", "f", "not-built", "f")}
    report = render_report(official, ours, differences, entries)
    assert "- Official names present: 1/4" in report
    assert "## `agents`: 1/2 names, 1 differences" in report
    assert "Missing names (1): `f` (function)" in report
    assert "`f` (function) NEW" not in report  # the allowlist has it
    assert "## `agents.things`: module missing NEW" in report
