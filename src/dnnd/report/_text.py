"""The plain-text report: every article with its records, then the conflicts."""

from __future__ import annotations

import os
from collections.abc import Sequence

import attrs

from ..corpus import ArticleSummary, Corpus
from ..model import Conflict
from ._data import congress_name

__all__ = ["render_text", "short_sources"]


def short_sources(corpus: Corpus) -> dict[str, str]:
    """Map each article source to its file name, when file names alone tell the articles apart."""
    names = {a.label: os.path.basename(a.label) for a in corpus.articles}
    return names if len(set(names.values())) == len(names) else {}


def _shorten(conflicts: Sequence[Conflict], short: dict[str, str]) -> list[Conflict]:
    return [
        attrs.evolve(c, claims=tuple(attrs.evolve(x, source=short.get(x.source, x.source)) for x in c.claims))
        for c in conflicts
    ]


def render_text(corpus: Corpus, *, title: str | None = None) -> str:
    """Return the text report of *corpus*: each article's documents, congresses, organisations, people and events."""
    lines: list[str] = [title or f"dnnd report: {len(corpus)} article(s)"]
    for art in corpus.articles:
        lines.append("")
        lines.extend(_article(art))
    conflicts = _shorten(corpus.conflicts(), short_sources(corpus))
    lines.append("")
    lines.append("=" * 78)
    lines.append(f"Conflicts ({len(conflicts)}): facts the articles and the registry disagree on")
    lines.extend(f"  - {c}" for c in conflicts)
    if not conflicts:
        lines.append("  (none found)")
    if corpus.errors:
        lines.append("")
        lines.append(f"Unreadable inputs ({len(corpus.errors)}):")
        lines.extend(f"  - {e.message}" for e in corpus.errors)
    return "\n".join(lines) + "\n"


def _article(art: ArticleSummary) -> list[str]:
    out = ["=" * 78, f"{art.label}  [{art.published.iso if art.published else 'undated'}]"]
    if art.title:
        out.append(f"  {art.title}")
    if art.documents:
        out.append("  Documents cited:")
        for d in art.documents:
            extra = ", ".join(x for x in (d.issuer, d.date.iso if d.date else None) if x)
            out.append(f"    - {d.kind.value:<10} {d.number or '(no number)'}" + (f"  ({extra})" if extra else ""))
            if d.title:
                out.append(f"        {d.title}")
    if art.congress_resolutions:
        out.append("  Party congresses:")
        for c in art.congress_resolutions:
            where = "national" if c.scope == "national" else c.party_body
            name = congress_name(c.ordinal, c.scope, c.party_body).split(" (")[0]
            out.append(f"    - {name} ({c.ordinal}), {where}" + (f", nhiệm kỳ {c.term}" if c.term else ""))
    if art.organisations:
        out.append("  Organisations:")
        for o in art.organisations:
            abbr = f" ({o.abbreviation})" if o.abbreviation else ""
            out.append(f"    - {o.name}{abbr}  [{o.kind.value}]")
    if art.people:
        out.append("  People:")
        for p in art.people:
            posts = "; ".join(f"{x.title}" + (f", {x.organisation}" if x.organisation else "") for x in p.positions)
            out.append(f"    - {p.name}" + (f": {posts}" if posts else ""))
    for heading, events in (
        ("Events (timeline):", [e for e in art.events if e.reported]),
        ("Mentioned (history, anniversaries, plans):", [e for e in art.events if not e.reported]),
    ):
        if not events:
            continue
        out.append(f"  {heading}")
        for e in sorted(events, key=lambda e: e.date.sort_key if e.date else (0, 0, 0)):
            when = e.date.iso if e.date else "?"
            if e.end_date:
                when += f" to {e.end_date.iso}"
            where = f" @ {e.location}" if e.location else ""
            out.append(f"    - {when:<24} {e.kind.value:<10}{where}")
            if e.title:
                out.append(f"        {e.title}")
            if e.organisers:
                out.append(f"        organised by: {', '.join(e.organisers)}")
    return out
