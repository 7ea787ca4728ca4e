"""Compare two surfaces (the official SDK's and ours) into a list of differences.

A difference is keyed by its module and a short key that reads like the code it is about:

``*``                     the module cannot be imported (its names are not listed one by one)
``Name``                  the module has no such name
``Name [__all__]``        the name exists but the module's ``__all__`` does not list it
``Name [kind]``           a class where the official SDK has something else, or the reverse
``Name [identity]``       not the same object as at the name's main location (see below)
``Name [value]``          a constant with another literal value
``Name [base Base]``      a class that does not derive from ``Base`` as the official one does
``Name(param)``           a parameter of a function or constructor differs
``Name.member``           a class lacks a public method or attribute
``Name.member [kind]``    a method where the official SDK has an attribute, or the reverse
``Name.member [binding]`` an instance method where the official SDK lets you call it on the class
``Name.member(param)``    a parameter of a method differs

A class or function the official SDK exports from several modules is compared in depth once, at
its main location: the shortest module path that exports it (the top-level ``agents``, else a
package such as ``agents.mcp`` before its ``agents.mcp.server``: where users import it from),
the defining module breaking ties. Elsewhere only its presence, kind and identity are checked.

Parameters are compared by name and kind (positional-only, positional-or-keyword, ``*args``,
keyword-only, ``**kwargs``), position, whether they have a default, and the default itself when
both are simple literals. Private parameters (``_name``) are ignored. On our side an extra
keyword-only parameter with a default is allowed; anything else extra is a difference.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tests.compat.extract_surface import (
    ClassMember,
    ModuleSurface,
    NameSurface,
    Parameter,
    Surface,
)

__all__ = ("Coverage", "Difference", "compare", "compare_parameters", "coverage", "main_locations")

_VARIADIC = ("var_positional", "var_keyword")
_POSITIONAL = ("positional_only", "positional_or_keyword")
_CALLABLE_KINDS = ("function", "callable", "class")
# Bases that say how a class is built rather than what it is, or abstract bases that recognise
# any class with the right methods (contextlib's, collections.abc's); they are not compared.
_IGNORED_BASE_MODULES = (
    "typing",
    "typing_extensions",
    "abc",
    "collections.abc",
    "_collections_abc",
    "contextlib",
)


@dataclass(frozen=True, order=True)
class Difference:
    """One way our surface differs from the official one."""

    module: str
    key: str
    detail: str


@dataclass(frozen=True)
class Coverage:
    """How much of the official surface ours has."""

    modules_present: int
    modules_total: int
    names_present: int
    names_total: int


Location = tuple[str, str]


def main_locations(official: Surface) -> dict[Location, Location]:
    """For every exported class or function, the location where it is compared in depth."""
    places: dict[str, list[Location]] = {}
    for module_name, module in official["modules"].items():
        for name, described in module["names"].items():
            origin = described.get("origin")
            if origin and described["kind"] in _CALLABLE_KINDS:
                places.setdefault(origin, []).append((module_name, name))
    main: dict[Location, Location] = {}
    for origin, locations in places.items():
        home = origin.split(":")[0]
        chosen = min(
            locations,
            key=lambda place: (place[0].count("."), place[0] != home, place),
        )
        for place in locations:
            main[place] = chosen
    return main


def coverage(official: Surface, ours: Surface) -> Coverage:
    """Official modules importable from ours, and official names present there."""
    modules_present = names_present = names_total = 0
    for module_name, module in official["modules"].items():
        our_module = ours["modules"].get(module_name)
        present = our_module is not None and our_module["status"] != "missing"
        modules_present += present
        names_total += len(module["names"])
        if our_module is not None and present:
            names_present += sum(name in our_module["names"] for name in module["names"])
    return Coverage(modules_present, len(official["modules"]), names_present, names_total)


def compare(official: Surface, ours: Surface) -> list[Difference]:
    """Every difference between the official surface and ours, sorted."""
    main = main_locations(official)
    found: list[Difference] = []
    for module_name, module in official["modules"].items():
        our_module = ours["modules"].get(module_name)
        if our_module is None or our_module["status"] == "missing":
            reason = our_module["error"] if our_module is not None else None
            found.append(Difference(module_name, "*", f"module missing ({reason or 'not found'})"))
            continue
        for name, described in module["names"].items():
            found += _compare_name(ours, module_name, module, our_module, name, described, main)
    return sorted(found)


def _compare_name(
    ours: Surface,
    module_name: str,
    module: ModuleSurface,
    our_module: ModuleSurface,
    name: str,
    official: NameSurface,
    main: dict[Location, Location],
) -> list[Difference]:
    mine = our_module["names"].get(name)
    if mine is None:
        return [Difference(module_name, name, f"missing {official['kind']}")]
    found: list[Difference] = []

    def add(key: str, detail: str) -> None:
        found.append(Difference(module_name, key, detail))

    exported = module["all"]
    if exported is not None and name in exported and name not in (our_module["all"] or ()):
        add(f"{name} [__all__]", "present but not listed in the module's __all__")
    kind_problem = _kind_problem(official["kind"], mine["kind"])
    if kind_problem:
        add(f"{name} [kind]", kind_problem)
        return found
    place = main.get((module_name, name))
    if place is not None and place != (module_name, name):
        elsewhere = _lookup(ours, *place)
        if elsewhere is not None and elsewhere.get("origin") != mine.get("origin"):
            add(f"{name} [identity]", f"not the same object as {place[0]}.{place[1]}")
        return found
    # A literal constant keeps its value; a version number (__version__) is not API.
    if "value" in official and official["value"] != mine.get("value") and name != "__version__":
        add(
            f"{name} [value]", f"{mine.get('value', 'not a literal')}, official {official['value']}"
        )
    for parameter, detail in compare_parameters(official.get("signature"), mine.get("signature")):
        add(f"{name}({parameter})", detail)
    if official["kind"] == "class":
        for base in _missing_bases(official.get("bases"), mine.get("bases")):
            add(f"{name} [base {base}]", f"does not derive from {base}")
        for key, detail in _compare_members(official.get("members", {}), mine.get("members", {})):
            add(f"{name}.{key}", detail)
    return found


def _lookup(surface: Surface, module_name: str, name: str) -> NameSurface | None:
    module = surface["modules"].get(module_name)
    return None if module is None else module["names"].get(name)


def _kind_problem(official: str, mine: str) -> str | None:
    if official == "class" and mine != "class":
        return f"a {mine} here, a class in the official SDK"
    if official in ("function", "callable") and mine not in _CALLABLE_KINDS:
        return f"a {mine} here, callable in the official SDK"
    if official == "module" and mine != "module":
        return f"a {mine} here, a module in the official SDK"
    return None


def _missing_bases(official: list[str] | None, mine: list[str] | None) -> list[str]:
    """Public bases of the official class (library ones by name) that ours lacks."""
    if official is None or mine is None:
        return []
    ours_by_name = {base.split(":")[-1].split(".")[-1] for base in mine}
    missing: list[str] = []
    for base in official:
        module, _, qualname = base.partition(":")
        if module in _IGNORED_BASE_MODULES or any(
            part.startswith("_") for part in qualname.split(".")
        ):
            continue
        library = module == "agents" or module.startswith("agents.")
        if library and module.split(".")[-1].startswith("_"):
            continue  # an internal base class: not something users name
        wanted = qualname.split(".")[-1] if library else base
        have = ours_by_name if library else set(mine)
        if wanted not in have:
            missing.append(qualname.split(".")[-1] if library else base.replace(":", "."))
    return missing


def _compare_members(
    official: dict[str, ClassMember], mine: dict[str, ClassMember]
) -> Iterable[tuple[str, str]]:
    for name, member in official.items():
        our_member = mine.get(name)
        if our_member is None:
            yield name, f"missing {member['kind']}"
            continue
        if member["kind"] != our_member["kind"]:
            yield f"{name} [kind]", f"{our_member['kind']} here, {member['kind']} officially"
            continue
        if member.get("binding") in ("class", "static") and our_member.get("binding") == "instance":
            yield (
                f"{name} [binding]",
                f"an instance method here, a {member.get('binding')}method officially",
            )
        for parameter, detail in compare_parameters(
            member.get("signature"), our_member.get("signature")
        ):
            yield f"{name}({parameter})", detail


def _label(parameter: Parameter) -> str:
    prefix = {"var_positional": "*", "var_keyword": "**"}.get(parameter["kind"], "")
    return prefix + parameter["name"]


def _default(parameter: Parameter) -> str:
    default = parameter.get("default")
    return f"default {default}" if default is not None else "a default that is not a literal"


def compare_parameters(
    official: list[Parameter] | None, mine: list[Parameter] | None
) -> list[tuple[str, str]]:
    """Differences between two parameter lists, as (parameter label, what differs)."""
    if official is None or mine is None:
        return []
    wanted = [parameter for parameter in official if not parameter["name"].startswith("_")]
    have = [parameter for parameter in mine if not parameter["name"].startswith("_")]
    by_name = {p["name"]: p for p in have if p["kind"] not in _VARIADIC}
    by_kind = {p["kind"]: p for p in have if p["kind"] in _VARIADIC}
    # Positions are compared among the positional parameters both sides have (a missing or an
    # extra one is reported once, not again for every parameter after it).
    have_names = {p["name"] for p in have if p["kind"] in _POSITIONAL}
    wanted_positions = [p["name"] for p in wanted if p["kind"] in _POSITIONAL]
    wanted_positions = [name for name in wanted_positions if name in have_names]
    have_positions = [p["name"] for p in have if p["kind"] in _POSITIONAL]
    have_positions = [name for name in have_positions if name in wanted_positions]
    problems: list[tuple[str, str]] = []
    matched: set[int] = set()
    for parameter in wanted:
        variadic = parameter["kind"] in _VARIADIC
        match = by_kind.get(parameter["kind"]) if variadic else by_name.get(parameter["name"])
        if match is None:
            problems.append((_label(parameter), f"missing ({_describe(parameter)} officially)"))
            continue
        matched.add(id(match))
        problem = _parameter_problem(parameter, match, wanted_positions, have_positions)
        if problem:
            problems.append((_label(parameter), problem))
    for parameter in have:
        optional_keyword = parameter["kind"] == "keyword_only" and "default" in parameter
        if id(parameter) not in matched and not optional_keyword:
            problems.append(
                (_label(parameter), f"extra ({_describe(parameter)}), not in the official SDK")
            )
    return problems


def _parameter_problem(
    official: Parameter, mine: Parameter, wanted_positions: list[str], have_positions: list[str]
) -> str | None:
    if official["kind"] != mine["kind"]:
        return f"{_kind_name(mine)} here, {_kind_name(official)} officially"
    if official["kind"] in _POSITIONAL:
        position, ours = (
            wanted_positions.index(official["name"]),
            have_positions.index(mine["name"]),
        )
        if position != ours:
            return f"at position {ours} here, {position} officially"
    if "default" in official and "default" not in mine:
        return f"required here, optional officially ({_default(official)})"
    if "default" in mine and "default" not in official:
        return f"optional here ({_default(mine)}), required officially"
    before, after = official.get("default"), mine.get("default")
    if before is not None and after is not None and before != after:
        return f"default {after} here, {before} officially"
    return None


def _kind_name(parameter: Parameter) -> str:
    return parameter["kind"].replace("_", "-")


def _describe(parameter: Parameter) -> str:
    default = f", {_default(parameter)}" if "default" in parameter else ""
    return _kind_name(parameter) + default
