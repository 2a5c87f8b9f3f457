"""The one-file HTML report: every chart drawn here as SVG, made interactive by the inlined script.

The page needs no network and no library: the timeline and the network are
drawn as SVG on the server side (so they show even without JavaScript, and
in Jupyter), and ``report.js`` (inlined, written for dnnd) adds zoom,
filters, hovering and the one-article-at-a-time pages.
"""

from __future__ import annotations

import datetime as _dt
import html
import itertools
import math
from collections.abc import Iterable, Sequence
from importlib import resources

from ._data import ArticlePage, Fact, ReportData, Sentence, TimelineMark

__all__ = ["fragment", "marked_text", "network_svg", "render_html", "timeline_fragment", "timeline_svg"]

#: the kinds of fact, in the order the legend shows them
FACT_KINDS = ("document", "congress", "organisation", "person", "position", "event")

# timeline geometry (SVG user units)
_W, _LEFT, _RIGHT, _TOP, _LANE, _AXIS = 1000, 110, 20, 20, 34, 30
# network geometry
_NW, _NH = 1000, 700


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _asset(name: str) -> str:
    return (resources.files(__package__) / name).read_text(encoding="utf-8")


# ------------------------------------------------------------------ timeline


def _domain(marks: Sequence[TimelineMark]) -> tuple[int, int]:
    lo, hi = min(m.day for m in marks), max(m.end_day for m in marks)
    pad = max(15, (hi - lo) // 20)
    return lo - pad, hi + pad


def _ticks(lo: int, hi: int) -> list[tuple[int, str]]:
    """Axis ticks between two day numbers: years, months or days, about 4 to 12 of them."""
    epoch = _dt.date(1970, 1, 1)
    a, b = epoch + _dt.timedelta(days=lo), epoch + _dt.timedelta(days=hi)
    span = hi - lo
    out: list[tuple[int, str]] = []
    if span > 4 * 365:
        step = max(1, math.ceil((b.year - a.year) / 10))
        for y in range(a.year + 1, b.year + 1):
            if y % step == 0:
                out.append(((_dt.date(y, 1, 1) - epoch).days, str(y)))
    elif span > 60:
        step = max(1, math.ceil(span / 30 / 10))
        y, m = a.year, a.month
        while True:
            m += 1
            if m > 12:
                y, m = y + 1, 1
            d = _dt.date(y, m, 1)
            if d > b:
                break
            if (m - 1) % step == 0:
                out.append(((d - epoch).days, f"{y}-{m:02d}"))
    else:
        step = max(1, span // 8)
        for day in range(lo + 1, hi, step):
            out.append((day, (epoch + _dt.timedelta(days=day)).isoformat()))
    return out


def timeline_svg(marks: Sequence[TimelineMark], kinds: Sequence[str]) -> str:
    """The timeline as SVG: one lane per kind of event, one mark per event (a bar for a span of days)."""
    if not marks:
        return '<p class="empty">No dated reported events.</p>'
    lo, hi = _domain(marks)
    lanes = {k: i for i, k in enumerate(kinds)}
    height = _TOP + _LANE * len(kinds) + _AXIS
    width = _W - _LEFT - _RIGHT

    def x(day: int) -> float:
        return round(_LEFT + (day - lo) / (hi - lo) * width, 1)

    out = [
        f'<svg id="tl-svg" class="timeline" viewBox="0 0 {_W} {height}" data-d0="{lo}" data-d1="{hi}"'
        f' data-left="{_LEFT}" data-right="{_RIGHT}" data-width="{_W}" role="img" aria-label="Timeline of events">'
    ]
    for k, i in lanes.items():
        y = _TOP + _LANE * i
        out.append(f'<rect class="lane" x="{_LEFT}" y="{y}" width="{width}" height="{_LANE}"/>')
        out.append(f'<text class="lane-label" x="{_LEFT - 8}" y="{y + _LANE / 2 + 4}">{_e(k)}</text>')
    axis_y = _TOP + _LANE * len(kinds)
    out.append(f'<g id="tl-axis" data-y="{axis_y}">')
    for day, label in _ticks(lo, hi):
        out.append(
            f'<line class="tick" x1="{x(day)}" x2="{x(day)}" y1="{_TOP}" y2="{axis_y + 4}"/>'
            f'<text class="tick-label" x="{x(day)}" y="{axis_y + 18}">{_e(label)}</text>'
        )
    out.append("</g>")
    out.append('<g id="tl-marks">')
    for m in marks:
        cy = _TOP + _LANE * lanes[m.kind] + _LANE / 2
        tip = " · ".join(x for x in (m.date, m.kind, m.location, m.title) if x)
        out.append(
            f'<g class="mark k-{_e(m.kind)}" data-id="{_e(m.id)}" data-kind="{_e(m.kind)}"'
            f' data-province="{_e(m.province)}" data-day="{m.day}" data-end="{m.end_day}" tabindex="0">'
        )
        if m.end_day > m.day:
            out.append(
                f'<rect class="span" x="{x(m.day)}" y="{cy - 3}" width="{max(0.0, x(m.end_day) - x(m.day))}" height="6"/>'
            )
        out.append(f'<circle cx="{x(m.day)}" cy="{cy}" r="6"/><title>{_e(tip)}</title></g>')
    out.append("</g></svg>")
    return "".join(out)


def _timeline_section(data: ReportData) -> str:
    kinds = "".join(f'<option value="{_e(k)}">{_e(k)}</option>' for k in data.kinds)
    provinces = "".join(f'<option value="{_e(p)}">{_e(p)}</option>' for p in data.provinces)
    rows = []
    for m in data.marks:
        page_links = ", ".join(_e(s) for s in m.sources)
        rows.append(
            f'<tr class="tl-row" data-id="{_e(m.id)}" data-kind="{_e(m.kind)}" data-province="{_e(m.province)}">'
            f"<td>{_e(m.date)}</td><td>{_e(m.kind)}</td><td>{_e(m.location)}</td><td>{_e(m.province)}</td>"
            f"<td>{_e('; '.join(m.organisers))}</td><td>{_e(m.title)}</td><td>{page_links}</td></tr>"
        )
    undated = ""
    if data.undated:
        items = "".join(
            f"<li>{_e(e.date.iso if e.date else 'no date')} · {_e(e.kind.value)} · {_e(e.location)} · {_e(e.title)}</li>"
            for e in data.undated
        )
        undated = (
            f"<details><summary>{len(data.undated)} event(s) without a usable year</summary><ul>{items}</ul></details>"
        )
    return (
        '<section id="timeline" class="tab"><h2>Timeline of reported events</h2>'
        '<div class="controls">'
        f'<label>Kind <select id="tl-kind"><option value="">every kind</option>{kinds}</select></label>'
        f'<label>Province <select id="tl-province"><option value="">every province</option>{provinces}</select></label>'
        '<button type="button" id="tl-zoom-in" title="zoom in">+</button>'
        '<button type="button" id="tl-zoom-out" title="zoom out">−</button>'
        '<button type="button" id="tl-reset">whole period</button>'
        f'<span id="tl-count" class="count">{len(data.marks)} of {len(data.marks)} events shown</span>'
        "</div>"
        '<p class="hint">Scroll on the chart to zoom, drag to move along it; a mark\'s row is highlighted below.</p>'
        f"{timeline_svg(data.marks, data.kinds)}"
        '<table class="list" id="tl-table"><thead><tr><th>date</th><th>kind</th><th>place</th><th>province</th>'
        f"<th>organisers</th><th>title</th><th>sources</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"{undated}</section>"
    )


# ------------------------------------------------------------------ network


def network_svg(data: ReportData) -> str:
    """The network as SVG: organisations and people, tied by positions, co-organised events and memberships."""
    if not data.nodes:
        return '<p class="empty">No ties between organisations and people were found.</p>'
    where = {n.id: (n.x, n.y) for n in data.nodes}
    out = [f'<svg id="nw-svg" class="network" viewBox="0 0 {_NW} {_NH}" role="img" aria-label="Network">']
    out.append('<g id="nw-edges">')
    for e in data.edges:
        (x1, y1), (x2, y2) = where[e.source], where[e.target]
        out.append(
            f'<line class="edge e-{_e(e.kind)}" data-source="{_e(e.source)}" data-target="{_e(e.target)}"'
            f' x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"><title>{_e(e.label)}</title></line>'
        )
    out.append('</g><g id="nw-nodes">')
    for n in data.nodes:
        r = round(min(16.0, 4.0 + 2.5 * math.sqrt(n.weight)), 1)
        label = n.label if len(n.label) <= 28 else n.label[:27] + "…"
        out.append(
            f'<g class="node n-{n.kind}" data-id="{_e(n.id)}" data-kind="{n.kind}" transform="translate({n.x},{n.y})"'
            f' tabindex="0"><circle r="{r}"/><text x="{r + 3}" y="4">{_e(label)}</text>'
            f"<title>{_e(n.detail)}</title></g>"
        )
    out.append("</g></svg>")
    return "".join(out)


def _network_section(data: ReportData) -> str:
    n_org = sum(1 for n in data.nodes if n.kind == "organisation")
    n_person = len(data.nodes) - n_org
    more = (
        f" The {len(data.nodes)} most connected of {data.network_total} entities are drawn."
        if data.network_total > len(data.nodes)
        else ""
    )
    return (
        '<section id="network" class="tab"><h2>Network of organisations and people</h2>'
        '<div class="controls">'
        f'<label><input type="checkbox" id="nw-organisation" checked> organisations ({n_org})</label>'
        f'<label><input type="checkbox" id="nw-person" checked> people ({n_person})</label>'
        f'<span id="nw-count" class="count">{len(data.nodes)} of {len(data.nodes)} entities shown</span></div>'
        '<p class="hint">Lines: a post held (person to body), events organised together, membership.'
        f" Point at an entity to see its ties; drag it to move it.{more}</p>"
        f'{network_svg(data)}<p id="nw-info" class="info"></p></section>'
    )


# ------------------------------------------------------------------ documents, conflicts


def _sentence(s: Sentence | None) -> str:
    if s is None:
        return ""
    return f"<q>{_e(s.before)}<mark>{_e(s.marked)}</mark>{_e(s.after)}</q>"


def _source(source: str, page: int | None) -> str:
    return f'<a href="#article-{page}">{_e(source)}</a>' if page else _e(source)


def _documents_section(data: ReportData) -> str:
    out = ['<section id="documents" class="tab"><h2>Documents and where they are cited</h2>']
    if not data.documents:
        out.append('<p class="empty">No documents cited.</p>')
    for d in data.documents:
        facts = ", ".join(_e(x) for x in (d.date, d.issuer) if x)
        out.append(
            f'<div class="doc" id="{_e(d.id)}"><h3>{_e(d.name)} <small>{_e(d.kind)}</small></h3>'
            + (f"<p>{facts}</p>" if facts else "")
            + (f'<p class="doc-title">{_e(d.title)}</p>' if d.title else "")
            + f"<p>cited by {len(d.cited)} article(s):</p><ul>"
            + "".join(
                f"<li>{_source(c.source, c.page)}" + (f" ({_e(c.detail)})" if c.detail else "")
                + (f"<br>{_sentence(c.sentence)}" if c.sentence else "") + "</li>"
                for c in d.cited
            )
            + "</ul></div>"
        )  # fmt: skip
    out.append("<h2>Party congresses and where they are invoked</h2>")
    if not data.congresses:
        out.append('<p class="empty">No congresses invoked.</p>')
    for c in data.congresses:
        out.append(
            f'<div class="doc congress" id="{_e(c.id)}"><h3>{_e(c.name)}'
            + (f" <small>nhiệm kỳ {_e(c.term)}</small>" if c.term else "")
            + f"</h3><p>invoked by {len(c.cited)} article(s):</p><ul>"
            + "".join(
                f"<li>{_source(x.source, x.page)}" + (f"<br>{_sentence(x.sentence)}" if x.sentence else "") + "</li>"
                for x in c.cited
            )
            + "</ul></div>"
        )
    out.append("</section>")
    return "".join(out)


def _conflicts_section(data: ReportData) -> str:
    out = ['<section id="conflicts" class="tab"><h2>Conflicts: where the sources disagree</h2>']
    if not data.conflicts:
        out.append('<p class="empty">None found.</p>')
    for cf in data.conflicts:
        out.append(f'<div class="conflict"><h3>{_e(cf.title)}</h3><div class="sides">')
        for value, claims in cf.sides:
            out.append(f'<div class="side"><p class="value">{_e(value)}</p>')
            for cl in claims:
                if cl.from_registry:
                    out.append('<div class="claim registry"><p class="who">the registry of dnnd</p></div>')
                    continue
                quotes = "".join(f"<blockquote>{_sentence(s)}</blockquote>" for s in cl.sentences)
                if not quotes:
                    quotes = '<p class="empty">(the text is not at hand)</p>'
                out.append(f'<div class="claim"><p class="who">{_source(cl.source, cl.page)}</p>{quotes}</div>')
            out.append("</div>")
        out.append("</div></div>")
    out.append("</section>")
    return "".join(out)


# ------------------------------------------------------------------ articles


def marked_text(text: str, facts: Iterable[Fact]) -> str:
    """*text* as HTML with every fact's span in a ``<mark>`` (the innermost fact's kind colours nested spans).

    >>> marked_text("Chỉ thị 12-CT/TW.", [Fact(start=0, end=16, kind="document", label="12-CT/TW")])
    '<mark class="f f-document" title="document: 12-CT/TW">Chỉ thị 12-CT/TW</mark>.'
    """
    usable = [f for f in facts if 0 <= f.start < f.end <= len(text)]
    bounds = sorted({0, len(text), *(f.start for f in usable), *(f.end for f in usable)})
    by_start = sorted(usable, key=lambda f: (f.start, -f.end))
    active: list[Fact] = []
    nxt = 0
    out: list[str] = []
    for a, b in itertools.pairwise(bounds):
        active = [f for f in active if f.end > a]
        while nxt < len(by_start) and by_start[nxt].start <= a:
            if by_start[nxt].end > a:
                active.append(by_start[nxt])
            nxt += 1
        piece = _e(text[a:b])
        if not active:
            out.append(piece)
            continue
        inner = min(active, key=lambda f: (f.end - f.start, FACT_KINDS.index(f.kind) if f.kind in FACT_KINDS else 99))
        tip = "\n".join(dict.fromkeys(f"{f.kind}: {f.label}" for f in active))
        out.append(f'<mark class="f f-{_e(inner.kind)}" title="{_e(tip)}">{piece}</mark>')
    return "".join(out)


def _article_page(p: ArticlePage) -> str:
    counts = ", ".join(f"{n} {k}" for k, n in p.counts)
    head = (
        f'<article class="page" id="article-{p.number}"><p><a href="#articles">← all articles</a></p>'
        f'<h2>{_e(p.title or p.source)}</h2><p class="meta">{_e(p.source)} · {_e(p.published or "undated")}'
        f" · {_e(counts)}</p>"
    )
    if p.text is None:
        return head + '<p class="empty">The text is not at hand (a saved JSON corpus keeps none).</p></article>'
    found = {f.kind for f in p.facts}
    legend = "".join(f'<span class="f f-{k}">{k}</span>' for k in FACT_KINDS if k in found)
    return head + f'<p class="legend">{legend}</p><div class="text">{marked_text(p.text, p.facts)}</div></article>'


def _articles_section(data: ReportData) -> str:
    rows = "".join(
        f'<tr><td>{p.number}</td><td><a href="#article-{p.number}">{_e(p.title or p.source)}</a></td>'
        f"<td>{_e(p.source)}</td><td>{_e(p.published or '')}</td>"
        + "".join(f"<td>{n}</td>" for _, n in p.counts)
        + "</tr>"
        for p in data.pages
    )
    head = "".join(f"<th>{k}</th>" for k, _ in data.pages[0].counts) if data.pages else ""
    note = "" if data.with_text else '<p class="empty">The texts are not at hand: no facts can be shown in them.</p>'
    return (
        '<section id="articles" class="tab"><h2>Articles</h2>'
        f'{note}<table class="list" id="article-list"><thead><tr><th>#</th><th>title</th><th>source</th><th>date</th>'
        f"{head}</tr></thead><tbody>{rows}</tbody></table>"
        + "".join(_article_page(p) for p in data.pages)
        + "</section>"
    )


def _overview(data: ReportData) -> str:
    cited = "".join(
        f'<li><a href="#{_e(d.id)}">{_e(d.name)}</a> ({_e(d.kind)}): {len(d.cited)} article(s)</li>'
        for d in sorted(data.documents, key=lambda d: -len(d.cited))[:8]
    )
    named = "".join(f"<li>{_e(name)}: {n} article(s)</li>" for name, n in data.top_organisations)
    lists = '<div class="sides">'
    if cited:
        lists += f'<div class="side"><h3>Most cited documents</h3><ul>{cited}</ul></div>'
    if named:
        lists += f'<div class="side"><h3>Most named organisations</h3><ul>{named}</ul></div>'
    lists += "</div>"
    errors = ""
    if data.errors:
        errors = "<h3>Unreadable inputs</h3><ul>" + "".join(f"<li>{_e(e)}</li>" for e in data.errors) + "</ul>"
    return f'<section id="overview" class="tab active"><h2>Overview</h2>{_counts_table(data)}{lists}{errors}</section>'


def _counts_table(data: ReportData) -> str:
    return (
        '<table class="counts">'
        + "".join(f"<tr><th>{_e(k)}</th><td>{n}</td></tr>" for k, n in data.counts)
        + "</table>"
    )


def fragment(data: ReportData) -> str:
    """The report's overview, timeline and network as static HTML (no script), as Jupyter shows a corpus."""
    more = f" ({len(data.nodes)} of {data.network_total} drawn)" if data.network_total > len(data.nodes) else ""
    return (
        f'<div class="dnnd-report"><style>{_asset("report.css")}</style>'
        f"<h3>{_e(data.title)}</h3>{_counts_table(data)}"
        f"<h4>Timeline of reported events</h4>{timeline_svg(data.marks, data.kinds)}"
        f"<h4>Network of organisations and people{more}</h4>{network_svg(data)}</div>"
    )


def timeline_fragment(marks: Sequence[TimelineMark]) -> str:
    """A timeline and its table as static HTML (no script), as Jupyter shows a :class:`~dnnd.timeline.Timeline`."""
    kinds = sorted({m.kind for m in marks})
    rows = "".join(
        f"<tr><td>{_e(m.date)}</td><td>{_e(m.kind)}</td><td>{_e(m.location)}</td><td>{_e(m.title)}</td></tr>"
        for m in marks
    )
    return (
        f'<div class="dnnd-report"><style>{_asset("report.css")}</style>{timeline_svg(marks, kinds)}'
        '<table class="list"><thead><tr><th>date</th><th>kind</th><th>place</th><th>title</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )


def render_html(data: ReportData) -> str:
    """Return the whole self-contained HTML page of *data*."""
    nav = "".join(
        f'<a href="#{k}">{label}</a>'
        for k, label in (
            ("overview", "Overview"),
            ("timeline", "Timeline"),
            ("network", "Network"),
            ("documents", "Documents"),
            ("conflicts", f"Conflicts ({len(data.conflicts)})"),
            ("articles", "Articles"),
        )
    )
    return (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';"
        " script-src 'unsafe-inline'; img-src data:\">"
        f"<title>{_e(data.title)}</title><style>{_asset('report.css')}</style></head>"
        f'<body><header><h1>{_e(data.title)}</h1><nav>{nav}</nav></header><main class="dnnd-report">'
        f"{_overview(data)}{_timeline_section(data)}{_network_section(data)}{_documents_section(data)}"
        f"{_conflicts_section(data)}{_articles_section(data)}</main>"
        "<footer>Made by dnnd from the articles listed; every highlighted fact links back to its text.</footer>"
        f"<script>{_asset('report.js')}</script></body></html>\n"
    )
