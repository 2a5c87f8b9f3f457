"""The Markdown report: the same sections as the HTML page, as tables and lists."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ._data import ReportData, Sentence

__all__ = ["render_md"]


_SPACE = re.compile(r"\s+")


class _Markdown(str):
    """Text already written as Markdown (not escaped again)."""


def _cell(value: object) -> str:
    if isinstance(value, _Markdown):
        return str(value)
    text = "" if value is None else _SPACE.sub(" ", str(value))
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("`", "\\`")


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(_cell(v).strip() for v in row) + " |" for row in rows]
    return out


def _quote(s: Sentence | None) -> _Markdown:
    if s is None:
        return _Markdown("")
    return _Markdown(f"{_cell(s.before)}**{_cell(s.marked)}**{_cell(s.after)}")


def render_md(data: ReportData) -> str:
    """Return the Markdown report of *data*."""
    out = [f"# {_cell(data.title)}", ""]
    out += _table(("", "count"), data.counts)

    out += ["", "## Timeline of reported events", ""]
    if data.marks:
        out += _table(
            ("date", "kind", "place", "province", "organisers", "title", "sources"),
            (
                (m.date, m.kind, m.location, m.province, "; ".join(m.organisers), m.title, ", ".join(m.sources))
                for m in data.marks
            ),
        )
    else:
        out.append("(no dated reported events)")
    if data.undated:
        out += ["", f"Without a usable date: {len(data.undated)} event(s)."]

    out += ["", "## Network: who holds which post, who works with whom", ""]
    names = {n.id: n.detail for n in data.nodes}
    if data.edges:
        out += _table(("from", "tie", "to"), ((names[e.source], e.label, names[e.target]) for e in data.edges))
        if data.network_total > len(data.nodes):
            out += ["", f"The {len(data.nodes)} most connected of {data.network_total} entities."]
    else:
        out.append("(no ties found)")

    out += ["", "## Documents and where they are cited", ""]
    for d in data.documents:
        head = f"### {_cell(d.name)} ({d.kind})"
        facts = ", ".join(x for x in (d.date, d.issuer) if x)
        out += [head, ""] + ([_cell(facts), ""] if facts else []) + ([_cell(d.title), ""] if d.title else [])
        out += _table(("cited by", "as", "sentence"), ((c.source, c.detail, _quote(c.sentence)) for c in d.cited))
        out.append("")
    if not data.documents:
        out += ["(no documents cited)", ""]

    out += ["## Party congresses and where they are invoked", ""]
    for c in data.congresses:
        out += [f"### {_cell(c.name)}" + (f", nhiệm kỳ {c.term}" if c.term else ""), ""]
        out += _table(("invoked by", "sentence"), ((x.source, _quote(x.sentence)) for x in c.cited))
        out.append("")
    if not data.congresses:
        out += ["(no congresses invoked)", ""]

    out += ["## Conflicts: where the sources disagree", ""]
    for cf in data.conflicts:
        out += [f"### {_cell(cf.title)}", ""]
        rows = []
        for value, claims in cf.sides:
            for cl in claims:
                quote = _Markdown(" / ".join(_quote(s) for s in cl.sentences))
                rows.append((value, "registry" if cl.from_registry else cl.source, quote))
        out += _table(("value", "source", "sentence"), rows)
        out.append("")
    if not data.conflicts:
        out += ["(none found)", ""]

    out += ["## Articles", ""]
    out += _table(
        ("#", "source", "date", "title", *(k for k, _ in data.pages[0].counts)) if data.pages else ("#", "source"),
        ((p.number, p.source, p.published, p.title, *(n for _, n in p.counts)) for p in data.pages),
    )
    if data.errors:
        out += ["", "## Unreadable inputs", ""] + [f"- {_cell(e)}" for e in data.errors]
    return "\n".join(out) + "\n"
