"""Small HTML tables for Jupyter's ``_repr_html_`` (every text escaped)."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Article

#: rows shown before "… and N more"
MAX_ROWS = 20


def _cell(value: object) -> str:
    return html.escape("" if value is None else str(value))


def table(header: Sequence[str], rows: Iterable[Sequence[object]], *, caption: str | None = None) -> str:
    """Return an HTML table of *rows* under *header*, at most :data:`MAX_ROWS` rows.

    >>> table(("a",), [("<b>",)])
    '<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>&lt;b&gt;</td></tr></tbody></table>'
    """
    out = ["<table>"]
    if caption:
        out.append(f"<caption>{_cell(caption)}</caption>")
    out.append("<thead><tr>" + "".join(f"<th>{_cell(h)}</th>" for h in header) + "</tr></thead><tbody>")
    extra = 0
    for i, row in enumerate(rows):
        if i >= MAX_ROWS:
            extra += 1
            continue
        out.append("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>")
    if extra:
        out.append(f'<tr><td colspan="{len(header)}">… and {extra} more</td></tr>')
    out.append("</tbody></table>")
    return "".join(out)


def article_html(article: Article) -> str:
    """Return the HTML summary of one article: its header and one row per record."""
    rows: list[tuple[object, ...]] = []
    for d in article.documents:
        rows.append(("document", d.number or d.title, d.kind.value, d.date.iso if d.date else None))
    for c in article.congress_resolutions:
        rows.append(("congress", f"Đại hội {c.ordinal}", c.scope, c.term))
    for o in article.organisations:
        rows.append(("organisation", o.name, o.kind.value, o.abbreviation))
    for p in article.people:
        rows.append(
            ("person", p.name, "; ".join(f"{x.title} {x.organisation or ''}".strip() for x in p.positions), None)
        )
    for e in article.events:
        rows.append(("event", e.title, e.kind.value, e.date.iso if e.date else None))
    caption = f"{article.source or 'article'} [{article.published.iso if article.published else 'undated'}] {article.title or ''}"
    return table(("record", "name", "kind / detail", "date"), rows, caption=caption.strip())
