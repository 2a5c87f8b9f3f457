"""What a report shows, computed once from a corpus (and the texts, when at hand) for every format.

Pure functions from a :class:`~dnnd.corpus.Corpus` to plain values; the
renderers (:mod:`._text`, :mod:`._md`, :mod:`._html`) only lay them out.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs

from .. import registry
from ..corpus import ArticleSummary, Corpus, CorpusEvent
from ..model import Conflict, CongressResolution, PartialDate, Span
from ._layout import spring

__all__ = [
    "ArticlePage",
    "ConflictView",
    "CongressRow",
    "Edge",
    "Fact",
    "Node",
    "ReportData",
    "Sentence",
    "TimelineMark",
    "collect",
    "sentence",
]

#: nodes drawn in the network at most (the most connected first)
MAX_NODES = 150
#: article pages with their text at most (a report of a whole archive stays openable)
MAX_PAGES = 2000
#: how far a sentence is looked for around a span, in characters each way
SENTENCE_REACH = 400
#: at most this many characters of a sentence are shown on each side of the span
SENTENCE_SHOWN = 200

_UNKNOWN_PROVINCE = "(elsewhere / not given)"

#: the sentences around some spans of one article: (source, spans, at most) -> sentences
_Sentences = Callable[[str, Sequence[Span], int], tuple["Sentence", ...]]


@attrs.frozen(kw_only=True)
class TimelineMark:
    """One reported event placed on the timeline."""

    id: str
    day: int  # days since 1970-01-01 of its first day
    end_day: int
    date: str
    kind: str
    location: str | None
    province: str
    title: str | None
    organisers: tuple[str, ...]
    sources: tuple[str, ...]


@attrs.frozen(kw_only=True)
class Node:
    """An organisation or a person in the network."""

    id: str
    label: str
    kind: str  # "organisation" or "person"
    detail: str
    weight: int
    x: float = 0.0
    y: float = 0.0


@attrs.frozen(kw_only=True)
class Edge:
    """A tie between two nodes: a position held, co-organised events, a membership."""

    source: str
    target: str
    kind: str  # "position", "co-organised", "member-of", "branch-of"
    label: str


@attrs.frozen(kw_only=True)
class Sentence:
    """The sentence around a span: text before, the span, text after."""

    before: str
    marked: str
    after: str

    @property
    def plain(self) -> str:
        """The whole sentence as one string."""
        return self.before + self.marked + self.after


@attrs.frozen(kw_only=True)
class Cited:
    """Where a document or congress is cited: the article, what it states, and the sentence."""

    source: str
    page: int | None
    detail: str
    sentence: Sentence | None


@attrs.frozen(kw_only=True)
class DocumentRow:
    """A document with every citation."""

    id: str
    name: str
    kind: str
    date: str | None
    issuer: str | None
    title: str | None
    cited: tuple[Cited, ...]


@attrs.frozen(kw_only=True)
class CongressRow:
    """A Party congress with every article invoking it."""

    id: str
    name: str
    scope: str
    term: str | None
    cited: tuple[Cited, ...]


@attrs.frozen(kw_only=True)
class ClaimView:
    """One claim of a conflict, with its sentence when the text is at hand."""

    source: str
    page: int | None
    from_registry: bool
    sentences: tuple[Sentence, ...]


@attrs.frozen(kw_only=True)
class ConflictView:
    """A conflict: what it is about, and each side (value) with the claims stating it."""

    title: str
    summary: str
    sides: tuple[tuple[str, tuple[ClaimView, ...]], ...]


@attrs.frozen(kw_only=True)
class Fact:
    """A span of an article's text and what was extracted from it."""

    start: int
    end: int
    kind: str
    label: str


@attrs.frozen(kw_only=True)
class ArticlePage:
    """One article: its header and, when the text is at hand, the text with its facts."""

    number: int
    source: str
    title: str | None
    published: str | None
    counts: tuple[tuple[str, int], ...]
    text: str | None
    facts: tuple[Fact, ...]


@attrs.frozen(kw_only=True)
class ReportData:
    """Everything a report shows."""

    title: str
    counts: tuple[tuple[str, int], ...]
    marks: tuple[TimelineMark, ...]
    undated: tuple[CorpusEvent, ...]
    kinds: tuple[str, ...]
    provinces: tuple[str, ...]
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    network_total: int
    documents: tuple[DocumentRow, ...]
    congresses: tuple[CongressRow, ...]
    conflicts: tuple[ConflictView, ...]
    pages: tuple[ArticlePage, ...]
    errors: tuple[str, ...]
    with_text: bool
    top_organisations: tuple[tuple[str, int], ...] = ()


# ------------------------------------------------------------------ helpers

_EPOCH = _dt.date(1970, 1, 1)
_BREAK = re.compile(r"[.!?…](?=[\s\"'”»)]|$)|\n")


def _days(d: PartialDate | None, *, last: bool = False) -> int | None:
    if d is None or d.year is None:
        return None
    if last:
        if d.day is not None and d.month is not None:
            day = _dt.date(d.year, d.month, d.day)
        elif d.month is not None:
            day = _dt.date(d.year + d.month // 12, d.month % 12 + 1, 1) - _dt.timedelta(days=1)
        else:
            day = _dt.date(d.year, 12, 31)
    else:
        day = _dt.date(d.year, d.month or 1, d.day or 1)
    return (day - _EPOCH).days


def sentence(text: str, span: Span) -> Sentence:
    """The sentence of *text* holding *span* (looked for at most :data:`SENTENCE_REACH` characters each way).

    >>> s = sentence("Mở đầu. Chỉ thị 12-CT/TW ngày 5/1/2022 của Ban Bí thư. Hết.", Span(start=16, end=24))
    >>> (s.before, s.marked, s.after)
    ('Chỉ thị ', '12-CT/TW', ' ngày 5/1/2022 của Ban Bí thư.')
    """
    lo = max(0, span.start - SENTENCE_REACH)
    start = lo
    for m in _BREAK.finditer(text, lo, span.start):
        start = m.end()
    hi = min(len(text), span.end + SENTENCE_REACH)
    found = _BREAK.search(text, span.end, hi)
    end = found.end() if found else hi
    before = text[start : span.start].lstrip()
    after = text[span.end : end].rstrip()
    if len(before) > SENTENCE_SHOWN:
        before = "…" + before[-SENTENCE_SHOWN:].lstrip()
    if len(after) > SENTENCE_SHOWN:
        after = after[:SENTENCE_SHOWN].rstrip() + "…"
    return Sentence(before=before, marked=text[span.start : span.end], after=after)


def _province(location: str | None, date: PartialDate | None) -> str:
    if not location:
        return _UNKNOWN_PROVINCE
    day = date.to_date() if date is not None else None
    unit = registry.province(location, on=day) if day else registry.province(location)
    return unit.name if unit is not None else _UNKNOWN_PROVINCE


def _roman(n: int) -> str:
    out = ""
    for v, s in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out += s
            n -= v
    return out


def congress_name(ordinal: int, scope: str, party_body: str) -> str:
    """The name of a congress: ``Đại hội XIII (Đảng Cộng sản Việt Nam)``."""
    return f"Đại hội {_roman(ordinal)} ({party_body})" if ordinal > 0 else f"Đại hội ({party_body})"


# ------------------------------------------------------------------ collect


def collect(
    corpus: Corpus,
    texts: Mapping[str, str] | None = None,
    *,
    title: str | None = None,
    max_nodes: int = MAX_NODES,
    max_pages: int = MAX_PAGES,
) -> ReportData:
    """Compute what a report of *corpus* shows; *texts* (source -> text) gives the sentences and article pages."""
    texts = texts or {}
    articles = corpus.articles
    page_of = {a.label: i + 1 for i, a in enumerate(articles[:max_pages])}
    short = _short_names(articles)

    def name(source: str) -> str:
        return short.get(source, source)

    def text_of(source: str) -> str | None:
        try:
            return texts[source]
        except KeyError:
            return None

    def sentences(source: str, spans: Sequence[Span], limit: int = 2) -> tuple[Sentence, ...]:
        text = text_of(source)
        if text is None:
            return ()
        out: list[Sentence] = []
        for s in spans:
            if s.end <= len(text):
                sent = sentence(text, s)
                if sent.plain not in {o.plain for o in out}:
                    out.append(sent)
            if len(out) >= limit:
                break
        return tuple(out)

    events = corpus.events(reported=True)
    marks_ = tuple(attrs.evolve(m, sources=tuple(map(name, m.sources))) for m in marks(events))
    undated = [e for e in events if _days(e.date) is None]
    kinds = tuple(sorted({m.kind for m in marks_}))
    provinces = tuple(sorted({m.province for m in marks_}, key=lambda p: (p == _UNKNOWN_PROVINCE, p)))

    nodes, edges, total = _network(corpus, max_nodes)

    documents = tuple(
        DocumentRow(
            id=d.id,
            name=d.number or d.title or d.id,
            kind=d.kind.value,
            date=d.date.iso if d.date else None,
            issuer=d.issuer,
            title=d.title,
            cited=tuple(
                Cited(
                    source=name(c.source),
                    page=page_of.get(c.source),
                    detail=", ".join(x for x in (c.type_word, c.date.iso if c.date else None, c.issuer) if x),
                    sentence=next(iter(sentences(c.source, c.spans, 1)), None),
                )
                for c in d.citations
            ),
        )
        for d in corpus.documents()
    )

    congresses = _congresses(articles, page_of, sentences, name)

    conflicts = tuple(_conflict(c, page_of, sentences, name) for c in corpus.conflicts())

    pages: list[ArticlePage] = []
    for i, a in enumerate(articles[:max_pages], 1):
        text = text_of(a.label)
        pages.append(
            ArticlePage(
                number=i,
                source=name(a.label),
                title=a.title,
                published=a.published.iso if a.published else None,
                counts=(
                    ("documents", len(a.documents)),
                    ("congresses", len(a.congress_resolutions)),
                    ("organisations", len(a.organisations)),
                    ("people", len(a.people)),
                    ("events", len(a.events)),
                ),
                text=text,
                facts=tuple(facts_of(a)) if text is not None else (),
            )
        )

    counts = (
        ("articles", len(articles)),
        ("documents", len(documents)),
        ("congresses", len(congresses)),
        ("organisations", len(corpus.organisations())),
        ("people", len(corpus.people())),
        ("reported events", len(events)),
        ("conflicts", len(conflicts)),
        ("unreadable inputs", len(corpus.errors)),
    )
    return ReportData(
        title=title or f"dnnd report: {len(articles)} article(s)",
        counts=counts,
        marks=marks_,
        undated=tuple(undated),
        kinds=kinds,
        provinces=provinces,
        nodes=nodes,
        edges=edges,
        network_total=total,
        documents=documents,
        congresses=congresses,
        conflicts=conflicts,
        pages=tuple(pages),
        errors=tuple(e.message for e in corpus.errors),
        with_text=any(p.text is not None for p in pages),
        top_organisations=tuple((o.name, o.count) for o in corpus.organisations()[:8]),
    )


def marks(events: Iterable[CorpusEvent]) -> tuple[TimelineMark, ...]:
    """The timeline marks of the events with a known year, in date order."""
    out: list[TimelineMark] = []
    for e in events:
        day = _days(e.date)
        if day is None:
            continue
        end = _days(e.end_date, last=True) if e.end_date else _days(e.date, last=True)
        out.append(
            TimelineMark(
                id=e.id,
                day=day,
                end_day=max(day, end or day),
                date=e.date.iso if e.date else "",
                kind=e.kind.value,
                location=e.location,
                province=_province(e.location, e.date),
                title=e.title,
                organisers=e.organisers,
                sources=e.sources,
            )
        )
    return tuple(sorted(out, key=lambda m: (m.day, m.id)))


def facts_of(article: ArticleSummary) -> Iterable[Fact]:
    """Every span of every record of *article*, with its kind and a label."""
    for d in article.documents:
        label = " ".join(x for x in (d.type_word or d.kind.value, d.number or d.title) if x)
        for s in d.mentions:
            yield Fact(start=s.start, end=s.end, kind="document", label=label)
    for c in article.congress_resolutions:
        for s in c.mentions:
            yield Fact(start=s.start, end=s.end, kind="congress", label=congress_name(c.ordinal, c.scope, c.party_body))
    for o in article.organisations:
        for s in o.mentions:
            yield Fact(start=s.start, end=s.end, kind="organisation", label=f"{o.name} [{o.kind.value}]")
    for p in article.people:
        for s in p.mentions:
            yield Fact(start=s.start, end=s.end, kind="person", label=p.name)
        for pos in p.positions:
            label = f"{p.name}: " + ("nguyên " if pos.former else "") + pos.title
            label += f", {pos.organisation}" if pos.organisation else ""
            for s in pos.mentions:
                yield Fact(start=s.start, end=s.end, kind="position", label=label)
    for e in article.events:
        label = f"{e.kind.value} {e.date.iso if e.date else '(undated)'}" + (f" @ {e.location}" if e.location else "")
        if e.title:
            label += f": {e.title}"
        for s in e.mentions:
            yield Fact(start=s.start, end=s.end, kind="event", label=label)


def _short_names(articles: Sequence[ArticleSummary]) -> dict[str, str]:
    """Each article's file name, when file names alone tell the articles apart (else nothing: full sources)."""
    names = {a.label: a.label.replace("\\", "/").rsplit("/", 1)[-1] for a in articles}
    return names if len(set(names.values())) == len(names) else {}


def _congresses(
    articles: Sequence[ArticleSummary],
    page_of: Mapping[str, int],
    sentences: _Sentences,
    name: Callable[[str], str],
) -> tuple[CongressRow, ...]:
    found: dict[str, list[tuple[ArticleSummary, CongressResolution]]] = {}
    for a in articles:
        for c in a.congress_resolutions:
            found.setdefault(c.id, []).append((a, c))
    rows: list[CongressRow] = []
    for cid, cites in found.items():
        first = cites[0][1]
        cited = []
        for a, c in cites:
            sents = sentences(a.label, c.mentions, 1)
            cited.append(
                Cited(
                    source=name(a.label),
                    page=page_of.get(a.label),
                    detail=f"nhiệm kỳ {c.term}" if c.term else "",
                    sentence=sents[0] if sents else None,
                )
            )
        rows.append(
            CongressRow(
                id=cid,
                name=congress_name(first.ordinal, first.scope, first.party_body),
                scope=first.scope,
                term=next((c.term for _, c in cites if c.term), None),
                cited=tuple(cited),
            )
        )
    return tuple(sorted(rows, key=lambda r: (-len(r.cited), r.id)))


def _conflict(
    c: Conflict, page_of: Mapping[str, int], sentences: _Sentences, name: Callable[[str], str]
) -> ConflictView:
    sides = []
    for value, claims in c.sides().items():
        views = tuple(
            ClaimView(
                source=name(x.source),
                page=None if x.from_registry else page_of.get(x.source),
                from_registry=x.from_registry,
                sentences=() if x.from_registry else sentences(x.source, x.spans, 2),
            )
            for x in claims
        )
        sides.append((value, views))
    at = f" on {c.date.iso}" if c.date else ""
    summary = str(attrs.evolve(c, claims=tuple(attrs.evolve(x, source=name(x.source)) for x in c.claims)))
    return ConflictView(title=f"{c.subject}: {c.field}{at}", summary=summary, sides=tuple(sides))


def _network(corpus: Corpus, max_nodes: int) -> tuple[tuple[Node, ...], tuple[Edge, ...], int]:
    """Organisations and people tied by positions, co-organised events and memberships; the most tied, laid out."""
    from .._network import network

    net = network(corpus)
    ties: dict[tuple[str, str, str], set[str]] = {}
    for t in net.ties:
        ties.setdefault((t.source, t.target, t.kind), set()).add(t.label)
    degree: Counter[str] = Counter()
    for a, b, _ in ties:
        degree[a] += 1
        degree[b] += 1
    total = len(degree)

    def weight(key: str) -> int:
        return int(net.nodes[key].get("articles", 1))

    keep = set(sorted(degree, key=lambda k: (-degree[k], -weight(k), k))[:max_nodes])
    chosen = [(a, b, k, "; ".join(sorted(lbl))) for (a, b, k), lbl in sorted(ties.items()) if a in keep and b in keep]
    pos = spring(sorted(keep), [(a, b) for a, b, _, _ in chosen])
    nodes = []
    for key in sorted(keep):
        n = net.nodes[key]
        detail = str(n["name"])
        if n["kind"] == "organisation":
            detail += f" [{n['type']}]" + (f", {n['locality']}" if "locality" in n else "")
        x, y = pos[key]
        nodes.append(
            Node(id=key, label=str(n["label"]), kind=str(n["kind"]), detail=detail, weight=weight(key), x=x, y=y)
        )
    return tuple(nodes), tuple(Edge(source=a, target=b, kind=k, label=lbl) for a, b, k, lbl in chosen), total
