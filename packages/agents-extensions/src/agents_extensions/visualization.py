"""``agents_extensions.visualization``: an agent's graph as Graphviz (extra ``viz``) or Mermaid."""

from ._visualization import draw_graph as draw_graph
from ._visualization import get_all_edges as get_all_edges
from ._visualization import get_all_nodes as get_all_nodes
from ._visualization import get_main_graph as get_main_graph
from ._visualization import get_mermaid_graph as get_mermaid_graph

__all__ = ("draw_graph", "get_all_edges", "get_all_nodes", "get_main_graph", "get_mermaid_graph")
