"""The corpus as a networkx graph: organisations, people (and events), tied by what the articles say.

Needs the ``graph`` extra (``pip install 'dnnd[graph]'``); networkx is
imported only when :func:`graph` is called::

    import networkx as nx
    g = corpus.graph()                       # or dnnd.graph.graph(corpus, events=True)
    nx.write_graphml(g, "dnnd.graphml")      # for Gephi, Cytoscape, yEd ...
    nx.write_gexf(g, "dnnd.gexf")

Nodes are keyed by corpus id (``"org:..."``, ``"person:..."``,
``"event:..."``) with the attributes ``kind`` (organisation, person,
event), ``label``, ``name`` and what else is known (``type``,
``locality``, ``date``, ``articles``). Edges are keyed by their ``kind``:
``position`` (person to organisation, with ``title`` and ``former``),
``co-organised`` (two organisations that organised events together, with
``events``), ``member-of`` and ``branch-of`` (when the corpus knows them)
and, with ``events=True``, ``organised-by`` (event to organisation).
Every attribute is a string, an integer or a boolean, so both file formats
write the graph as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._network import network

if TYPE_CHECKING:
    from .corpus import Corpus

__all__ = ["graph"]

_HINT = "dnnd.graph needs networkx: install it with  pip install 'dnnd[graph]'"


def graph(corpus: Corpus, *, events: bool = False) -> Any:
    """Return a ``networkx.MultiDiGraph`` of *corpus* (with its reported events as nodes when *events*).

    >>> import dnnd
    >>> g = graph(dnnd.Corpus(dnnd.seeds()))  # doctest: +SKIP
    >>> g.nodes["person:phan-anh-son"]["kind"]  # doctest: +SKIP
    'person'
    """
    try:
        import networkx as nx  # type: ignore[import-untyped,unused-ignore]
    except ImportError as err:  # pragma: no cover - exercised without the extra
        raise ImportError(_HINT) from err
    net = network(corpus, events=events)
    g = nx.MultiDiGraph(name="dnnd corpus")
    for key, attributes in net.nodes.items():
        g.add_node(key, **attributes)
    for t in net.ties:
        g.add_edge(t.source, t.target, key=t.kind if t.kind != "position" else f"position:{t.label}",
                   kind=t.kind, label=t.label, **t.attributes)  # fmt: skip
    return g
