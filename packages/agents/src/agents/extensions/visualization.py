"""``agents.extensions.visualization``: an agent's graph (``draw_graph`` needs extra ``viz``)."""

from ._optional import missing_distribution

try:
    from agents_extensions.visualization import draw_graph as draw_graph
    from agents_extensions.visualization import get_all_edges as get_all_edges
    from agents_extensions.visualization import get_all_nodes as get_all_nodes
    from agents_extensions.visualization import get_main_graph as get_main_graph
    from agents_extensions.visualization import get_mermaid_graph as get_mermaid_graph
except ModuleNotFoundError as exc:
    missing_distribution(exc, __name__, "viz")

__all__ = ("draw_graph", "get_all_edges", "get_all_nodes", "get_main_graph", "get_mermaid_graph")
