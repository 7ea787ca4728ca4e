"""An agent's graph: its tools, MCP servers and handoffs, and theirs, as Graphviz or Mermaid.

``draw_graph(agent)`` builds the Graphviz graph (and renders it to ``filename``.png when given);
``get_main_graph`` gives its DOT text; ``get_mermaid_graph`` the same graph as Mermaid text, for
Markdown documents and terminals where Graphviz is not installed. Agents are boxes, tools green
ellipses (dotted edges both ways: the agent calls, the tool answers), MCP servers grey boxes
(dashed edges), handoffs plain arrows; agents that hand off to nobody lead to ``__end__``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from agents_core import Agent, Handoff, UserError

from ._optional import require

__all__ = ("draw_graph", "get_all_edges", "get_all_nodes", "get_main_graph", "get_mermaid_graph")

_START, _END = "__start__", "__end__"
_AGENT_STYLE = "shape=box, style=filled, fillcolor=lightyellow, width=1.5, height=0.8"
_HANDOFF_STYLE = 'shape=box, style="filled,rounded", fillcolor=lightyellow, width=1.5, height=0.8'
_TOOL_STYLE = "shape=ellipse, style=filled, fillcolor=lightgreen, width=0.5, height=0.3"
_MCP_STYLE = "shape=box, style=filled, fillcolor=lightgrey, width=1, height=0.5"
_END_STYLE = "shape=ellipse, style=filled, fillcolor=lightblue, width=0.5, height=0.3"


@dataclass
class _Node:
    key: int
    kind: str  # "agent", "handoff" (a target known only by name), "tool", "mcp"
    label: str
    id: str = ""


@dataclass
class _Graph:
    """Every node reachable from the root agent, each once, with a unique DOT id."""

    root: Any
    nodes: dict[int, _Node] = field(default_factory=dict)
    edges: list[tuple[int, int, str]] = field(default_factory=list)  # (from, to, kind)
    enders: list[int] = field(default_factory=list)  # agents that hand off to nobody

    def add(self, thing: Any, kind: str, label: str) -> int:
        key = id(thing)
        if key not in self.nodes:
            self.nodes[key] = _Node(key, kind, label)
        return key


def _handoff_target(handoff: Any) -> Any:
    if isinstance(handoff, Agent):
        return handoff
    if isinstance(handoff, Handoff):
        return handoff.agent
    return None


def _walk(graph: _Graph, agent: Any, skip: frozenset[str]) -> None:
    """Add ``agent`` and everything it reaches (each agent once, even in cycles)."""
    key = graph.add(agent, "agent", agent.name)
    for tool in agent.tools:
        tool_key = graph.add(tool, "tool", tool.name)
        graph.edges.append((key, tool_key, "tool"))
    for server in agent.mcp_servers:
        server_key = graph.add(server, "mcp", server.name)
        graph.edges.append((key, server_key, "mcp"))
    for handoff in agent.handoffs:
        target = _handoff_target(handoff)
        if target is None:
            graph.edges.append((key, graph.add(handoff, "handoff", handoff.agent_name), "handoff"))
            continue
        known = id(target) in graph.nodes
        graph.edges.append((key, graph.add(target, "agent", target.name), "handoff"))
        if not known and target.name not in skip:
            _walk(graph, target, skip)
    if not agent.handoffs:
        graph.enders.append(key)


def _build(agent: Any, skip: frozenset[str] = frozenset()) -> _Graph:
    if not isinstance(agent, Agent):
        raise UserError(f"draw_graph needs an Agent, got {type(agent).__name__}.")
    graph = _Graph(agent)
    _walk(graph, agent, skip)
    used = {_START, _END}
    counts: dict[str, int] = {}
    for node in graph.nodes.values():
        counts[node.label] = counts.get(node.label, 0) + 1
    for node in graph.nodes.values():
        # Names are ids where they are unique; nodes that share a name are numbered.
        candidate, number = node.label, 0
        while (counts[node.label] > 1 and number == 0) or candidate in used:
            number += 1
            candidate = f"{node.label} ({node.kind} {number})"
        node.id = candidate
        used.add(candidate)
    return graph


# --------------------------------------------------------------------------------------------
# Graphviz


def _quote(text: str) -> str:
    """A DOT double-quoted string."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n") + '"'


def _dot_nodes(graph: _Graph, *, with_ends: bool) -> Iterator[str]:
    if with_ends:
        for end in (_START, _END):
            yield f"{_quote(end)} [label={_quote(end)}, {_END_STYLE}];"
    for node in graph.nodes.values():
        style = {
            "agent": _AGENT_STYLE if node.key == id(graph.root) else _HANDOFF_STYLE,
            "handoff": _HANDOFF_STYLE,
            "tool": _TOOL_STYLE,
            "mcp": _MCP_STYLE,
        }[node.kind]
        yield f"{_quote(node.id)} [label={_quote(node.label)}, {style}];"


def _dot_edges(graph: _Graph, *, with_ends: bool) -> Iterator[str]:
    ids = {key: node.id for key, node in graph.nodes.items()}
    if with_ends:
        yield f"{_quote(_START)} -> {_quote(ids[id(graph.root)])};"
    for source, target, kind in graph.edges:
        a, b = _quote(ids[source]), _quote(ids[target])
        if kind == "handoff":
            yield f"{a} -> {b};"
        else:
            style = "dotted" if kind == "tool" else "dashed"
            yield f"{a} -> {b} [style={style}, penwidth=1.5];"
            yield f"{b} -> {a} [style={style}, penwidth=1.5];"
    for key in graph.enders:
        yield f"{_quote(ids[key])} -> {_quote(_END)};"


def get_main_graph(agent: Agent[Any]) -> str:
    """The agent's whole graph as DOT text."""
    graph = _build(agent)
    lines = [
        "digraph G {",
        "    graph [splines=true];",
        '    node [fontname="Arial"];',
        "    edge [penwidth=1.5];",
        *(f"    {line}" for line in _dot_nodes(graph, with_ends=True)),
        *(f"    {line}" for line in _dot_edges(graph, with_ends=True)),
        "}",
    ]
    return "\n".join(lines) + "\n"


def get_all_nodes(
    agent: Agent[Any], parent: Agent[Any] | None = None, visited: set[str] | None = None
) -> str:
    """The DOT node statements of the agent's graph (agents named in ``visited`` are not
    entered; the names of the agents entered are added to it)."""
    graph = _build(agent, frozenset(visited or ()))
    if visited is not None:
        visited.update(n.label for n in graph.nodes.values() if n.kind == "agent")
    return "\n".join(_dot_nodes(graph, with_ends=parent is None))


def get_all_edges(
    agent: Agent[Any], parent: Agent[Any] | None = None, visited: set[str] | None = None
) -> str:
    """The DOT edge statements of the agent's graph (``visited`` as for ``get_all_nodes``)."""
    graph = _build(agent, frozenset(visited or ()))
    if visited is not None:
        visited.update(n.label for n in graph.nodes.values() if n.kind == "agent")
    return "\n".join(_dot_edges(graph, with_ends=parent is None))


def draw_graph(agent: Agent[Any], filename: str | None = None) -> Any:
    """The agent's graph as a ``graphviz.Source``; with ``filename``, also rendered to
    ``filename.png`` (needs Graphviz's ``dot`` program)."""
    graphviz = require("graphviz", feature="draw_graph", extra="viz")
    source = graphviz.Source(get_main_graph(agent))
    if filename:
        try:
            source.render(filename, format="png", cleanup=True)
        except graphviz.ExecutableNotFound as exc:
            raise UserError(
                "draw_graph(filename=...) renders with Graphviz's `dot` program, which is not "
                "installed (Debian: apt-get install graphviz; macOS: brew install graphviz). "
                "get_mermaid_graph(agent) needs no program."
            ) from exc
    return source


# --------------------------------------------------------------------------------------------
# Mermaid


def _mermaid_label(text: str) -> str:
    return '"' + text.replace('"', "#quot;").replace("\n", " ") + '"'


def get_mermaid_graph(agent: Agent[Any], *, direction: str = "LR") -> str:
    """The agent's graph as a Mermaid flowchart (paste it into Markdown as a mermaid block)."""
    if direction not in ("LR", "RL", "TB", "TD", "BT"):
        raise UserError(f"Mermaid direction must be LR, RL, TB, TD or BT, got {direction!r}.")
    graph = _build(agent)
    names = {key: f"n{index}" for index, key in enumerate(graph.nodes)}
    lines = [f"flowchart {direction}", f"    start(({_mermaid_label(_START)}))"]
    shapes = {"agent": ("[", "]"), "handoff": ("(", ")"), "tool": ("([", "])"), "mcp": ("[(", ")]")}
    for key, node in graph.nodes.items():
        left, right = shapes[node.kind]
        lines.append(f"    {names[key]}{left}{_mermaid_label(node.label)}{right}")
    if graph.enders:
        lines.append(f"    finish(({_mermaid_label(_END)}))")
    lines.append(f"    start --> {names[id(graph.root)]}")
    arrows = {"handoff": "-->", "tool": "<-.->", "mcp": "<-- MCP -->"}
    for source, target, kind in graph.edges:
        lines.append(f"    {names[source]} {arrows[kind]} {names[target]}")
    for key in graph.enders:
        lines.append(f"    {names[key]} --> finish")
    return "\n".join(lines) + "\n"
