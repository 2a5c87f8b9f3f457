"""Charts of a corpus as matplotlib figures, returned (never shown), for notebooks and scripts.

Needs the ``plot`` extra (``pip install 'dnnd[plot]'``); matplotlib is
imported only when a function here is called. Every function returns a
``matplotlib.figure.Figure``: in Jupyter it shows where it is the cell's
value; in a script, ``fig.savefig("timeline.png")``. No backend is chosen
here and no global figure is left open (in a Jupyter kernel, IPython is
told to show a figure that is a cell's value as a PNG picture).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .corpus import Corpus
    from .timeline import Timeline

__all__ = ["network", "timeline"]

_HINT = "dnnd.plot needs matplotlib: install it with  pip install 'dnnd[plot]'"

#: one colour per kind of event, as in the HTML report
COLOURS = {
    "conference": "#1f77b4", "seminar": "#2ca02c", "ceremony": "#d62728", "congress": "#9467bd",
    "visit": "#ff7f0e", "exchange": "#17becf", "programme": "#8c564b", "signing": "#e377c2", "other": "#7f7f7f",
}  # fmt: skip


def _figure(width: float, height: float) -> Any:
    try:
        from matplotlib.figure import Figure
    except ImportError as err:  # pragma: no cover - exercised without the extra
        raise ImportError(_HINT) from err
    _jupyter_shows(Figure)
    return Figure(figsize=(width, height), layout="constrained")


def _jupyter_shows(figure_type: type) -> None:
    """In a Jupyter kernel, let a figure that is a cell's value show as a picture (no pyplot, no backend chosen).

    IPython shows a figure by itself only once pyplot has been imported;
    a figure made without pyplot is otherwise printed as its ``repr``.
    """
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None or not hasattr(shell, "display_formatter"):
        return
    png = shell.display_formatter.formatters.get("image/png")
    if png is None:
        return
    try:
        png.lookup_by_type(figure_type)
    except KeyError:
        from IPython.core.pylabtools import select_figure_formats

        select_figure_formats(shell, {"png"})  # type: ignore[no-untyped-call,unused-ignore]


def timeline(source: Corpus | Timeline, *, title: str | None = None) -> Any:
    """A timeline of the reported events: one row per kind, one mark per event (a bar for a span of days).

    *source* is a corpus or its :meth:`~dnnd.Corpus.timeline`. Rows are
    labelled, marks are not (so labels never overlap); the x axis is dated.
    """
    from .timeline import Timeline
    from .timeline import timeline as corpus_timeline

    tl = source if isinstance(source, Timeline) else corpus_timeline(source)
    kinds = sorted({e.kind.value for e in tl})
    fig = _figure(10, 1.2 + 0.45 * max(1, len(kinds)))
    ax = fig.add_subplot()
    for row, kind in enumerate(kinds):
        starts, widths = [], []
        for e in tl:
            if e.kind.value != kind:
                continue
            first, last = tl.days(e)
            starts.append(first)
            widths.append(last)
        colour = COLOURS.get(kind, "#7f7f7f")
        ax.scatter(starts, [row] * len(starts), color=colour, s=36, zorder=3, label=kind)
        for a, b in zip(starts, widths, strict=True):
            if b > a:
                ax.hlines(row, a, b, color=colour, linewidth=5, alpha=0.45, zorder=2)
    ax.set_yticks(range(len(kinds)), kinds)
    ax.set_ylim(-0.7, len(kinds) - 0.3)
    ax.grid(axis="x", linestyle=":", alpha=0.6)
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    locator = AutoDateLocator()  # type: ignore[no-untyped-call,unused-ignore]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call,unused-ignore]
    ax.set_title(title or f"{len(tl)} reported events")
    return fig


def network(corpus: Corpus, *, max_nodes: int = 60, title: str | None = None) -> Any:
    """The most connected organisations and people and their ties, laid out as in the HTML report."""
    from .report._data import _network

    nodes, edges, total = _network(corpus, max_nodes)
    fig = _figure(10, 7)
    ax = fig.add_subplot()
    where = {n.id: (n.x, -n.y) for n in nodes}
    for e in edges:
        (x1, y1), (x2, y2) = where[e.source], where[e.target]
        ax.plot([x1, x2], [y1, y2], color="#e0a040" if e.kind == "co-organised" else "#99a3b3", linewidth=1, zorder=1)
    for kind, colour in (("organisation", "#173a5e"), ("person", "#d9822b")):
        pts = [n for n in nodes if n.kind == kind]
        ax.scatter(
            [where[n.id][0] for n in pts], [where[n.id][1] for n in pts], s=40, color=colour, label=kind, zorder=2
        )
        for n in pts:
            ax.annotate(n.label[:28], where[n.id], xytext=(4, 2), textcoords="offset points", fontsize=7)
    ax.set_axis_off()
    ax.legend(loc="lower right", fontsize=8)
    ax.set_title(title or f"{len(nodes)} of {total} entities")
    return fig
