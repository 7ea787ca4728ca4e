"""Agent graphs: DOT text rendered by Graphviz to SVG and parsed, and the Mermaid form."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from agents_core import Agent, UserError, function_tool, handoff
from agents_core.mcp import MCPServerStdio
from agents_extensions.visualization import (
    draw_graph,
    get_all_edges,
    get_all_nodes,
    get_main_graph,
    get_mermaid_graph,
)

SVG = "{http://www.w3.org/2000/svg}"


@function_tool
def weather(city: str) -> str:
    """The weather."""
    return "sunny"


@function_tool
def refund(order: str) -> str:
    """Refund an order."""
    return "done"


def team() -> Agent[Any]:
    billing = Agent(name="Billing", tools=[refund])
    support = Agent(name='Support "tier 2"')
    files = MCPServerStdio(name="files", params={"command": "true"})
    triage = Agent(
        name="Triage",
        tools=[weather],
        mcp_servers=[files],
        handoffs=[billing, handoff(support)],
    )
    billing.handoffs.append(triage)  # a cycle: drawn once
    return triage


def svg_graph(agent: Agent[Any]) -> tuple[set[str], set[tuple[str, str]]]:
    """The node titles and edges (from, to) of the graph rendered to SVG by Graphviz's dot."""
    root = ET.fromstring(draw_graph(agent).pipe(format="svg"))
    nodes, edges = set(), set()
    for group in root.iter(f"{SVG}g"):
        title = group.find(f"{SVG}title")
        if title is None or title.text is None:
            continue
        if group.get("class") == "node":
            nodes.add(title.text)
        elif group.get("class") == "edge":
            source, target = title.text.split("->")
            edges.add((source, target))
    return nodes, edges


def test_the_rendered_graph_holds_agents_tools_servers_and_handoffs() -> None:
    nodes, edges = svg_graph(team())
    assert nodes == {
        "__start__",
        "__end__",
        "Triage",
        "Billing",
        'Support "tier 2"',
        "weather",
        "refund",
        "files",
    }
    assert {
        ("__start__", "Triage"),
        ("Triage", "weather"),
        ("weather", "Triage"),
        ("Triage", "files"),
        ("files", "Triage"),
        ("Triage", "Billing"),
        ("Billing", "Triage"),
        ("Billing", "refund"),
        ("refund", "Billing"),
        ("Triage", 'Support "tier 2"'),
        ('Support "tier 2"', "__end__"),
    } == edges


def test_agents_that_share_a_name_stay_separate_nodes() -> None:
    first, second = Agent(name="Twin"), Agent(name="Twin")
    nodes, edges = svg_graph(Agent(name="Root", handoffs=[first, second]))
    twins = {n for n in nodes if n.startswith("Twin")}
    assert len(twins) == 2
    assert {("Root", twin) for twin in twins} <= edges


def test_draw_graph_renders_a_png_file(tmp_path: Path) -> None:
    draw_graph(team(), filename=str(tmp_path / "team"))
    assert (tmp_path / "team.png").read_bytes().startswith(b"\x89PNG")


def test_dot_text_and_its_parts() -> None:
    dot = get_main_graph(team())
    assert dot.startswith("digraph G {") and dot.rstrip().endswith("}")
    assert '"Triage" -> "weather" [style=dotted' in dot
    assert '"Triage" -> "files" [style=dashed' in dot
    assert '"Support \\"tier 2\\""' in dot
    visited: set[str] = set()
    nodes = get_all_nodes(team(), visited=visited)
    assert '"__start__"' in nodes and '"refund"' in nodes
    assert visited == {"Triage", "Billing", 'Support "tier 2"'}
    edges = get_all_edges(team(), parent=Agent(name="x"))
    assert "__start__" not in edges and '"Billing" -> "refund"' in edges


def test_mermaid_text() -> None:
    text = get_mermaid_graph(team())
    lines = text.splitlines()
    assert lines[0] == "flowchart LR"
    assert '    n0["Triage"]' in lines and '    n1(["weather"])' in lines
    assert '    n2[("files")]' in lines
    assert '    n5["Support #quot;tier 2#quot;"]' in lines
    assert "    start --> n0" in lines and "    n0 <-.-> n1" in lines
    assert any(line.endswith("--> finish") for line in lines)
    with pytest.raises(UserError, match="direction"):
        get_mermaid_graph(team(), direction="sideways")
    assert get_mermaid_graph(team(), direction="TB").startswith("flowchart TB")


def test_only_agents_are_drawn() -> None:
    with pytest.raises(UserError, match="needs an Agent"):
        get_main_graph("not an agent")  # type: ignore[arg-type]
