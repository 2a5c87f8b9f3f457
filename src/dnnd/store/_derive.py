"""The across-article tables of a knowledge base, derived from a :class:`~dnnd.corpus.Corpus`.

:func:`rows` returns, for every derived table, the rows it should hold (as
tuples in the order of :data:`COLUMNS`); the build compares them with the
rows already there and writes only the difference, so the rows of articles
a build did not touch stay as they were.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from ..corpus import ArticleSummary, Corpus
from ..model import PartialDate, Span
from ._fold import fold

__all__ = ["COLUMNS", "ENTITY_TABLES", "rows"]

#: the columns of each derived table, in the order :func:`rows` gives them
COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": (
        "id", "number", "kind", "date", "date_precision", "date_start", "issuer", "title", "registry_id", "citations",
    ),
    "citations": (
        "document_id", "article_id", "number", "kind", "type_word", "date", "date_precision", "issuer", "title", "spans",
    ),
    "congresses": ("id", "ordinal", "scope", "party_body", "term", "articles"),
    "congress_citations": ("congress_id", "article_id", "term", "spans"),
    "organisations": ("id", "name", "kind", "abbreviation", "locality", "registry_id", "articles", "level"),
    "organisation_names": ("organisation_id", "name"),
    "people": ("id", "name", "articles"),
    "person_names": ("person_id", "name"),
    "positions": (
        "person_id", "title", "organisation_id", "organisation", "former", "date", "date_precision", "date_start",
        "article_id", "spans", "dated_by",
    ),
    "events": (
        "id", "kind", "date", "date_precision", "date_start", "end_date", "location", "title", "articles", "reported",
    ),
    "event_organisers": ("event_id", "organisation_id", "name"),
    "organisation_relations": ("subject_id", "kind", "object_id", "object", "basis", "since", "articles"),
    "conflicts": ("id", "subject", "field", "entity_id", "date", "summary"),
    "claims": ("conflict_id", "value", "source", "article_id", "from_registry", "spans"),
    "evidence": ("entity_id", "entity_kind", "article_id", "start", "end"),
    "names_fts": ("name", "folded", "entity_id", "entity_kind"),
}  # fmt: skip

#: tables keyed by an ``id`` column: rows are updated in place, never deleted and re-inserted
ENTITY_TABLES = frozenset({"documents", "congresses", "organisations", "people", "events", "conflicts"})

Row = tuple[Any, ...]


def _date(d: PartialDate | None) -> tuple[str | None, str | None, str | None]:
    """ISO form, precision and first day of a partial date."""
    if d is None:
        return None, None, None
    start = None
    if d.year is not None:
        start = f"{d.year:04d}-{d.month or 1:02d}-{d.day or 1:02d}"
    return d.iso, d.precision, start


def _spans(spans: Iterable[Span]) -> str:
    return json.dumps([[s.start, s.end] for s in spans])


def rows(corpus: Corpus, article_ids: Mapping[str, int]) -> dict[str, list[Row]]:
    """Every derived table's rows for *corpus*, whose articles have the ids *article_ids* (by source)."""
    out: dict[str, list[Row]] = {name: [] for name in COLUMNS}

    def evidence(kind: str, entity_id: str, items: Iterable[tuple[str, Iterable[Span]]]) -> None:
        for source, spans in items:
            aid = article_ids[source]
            for s in spans:
                out["evidence"].append((entity_id, kind, aid, s.start, s.end))

    def names(kind: str, entity_id: str, *written: str | None) -> None:
        for name in dict.fromkeys(n for n in written if n):
            out["names_fts"].append((name, fold(name), entity_id, kind))

    for d in corpus.documents():
        out["documents"].append(
            (d.id, d.number, d.kind.value, *_date(d.date), d.issuer, d.title, d.registry_id, d.count)
        )
        for c in d.citations:
            iso, precision, _ = _date(c.date)
            out["citations"].append(
                (d.id, article_ids[c.source], c.number, c.kind.value, c.type_word, iso, precision, c.issuer, c.title,
                 _spans(c.spans))
            )  # fmt: skip
        evidence("document", d.id, ((c.source, c.spans) for c in d.citations))
        names("document", d.id, d.number, d.title)

    _congresses(corpus.articles, article_ids, out, evidence, names)

    for o in corpus.organisations():
        out["organisations"].append(
            (o.id, o.name, o.kind.value, o.abbreviation, o.locality, o.registry_id, o.count, o.level)
        )
        for alias in sorted(o.aliases):
            out["organisation_names"].append((o.id, alias))
        evidence("organisation", o.id, ((e.source, e.spans) for e in o.evidence))
        names("organisation", o.id, o.name, o.abbreviation, *sorted(o.aliases))
    known_orgs = {r[0] for r in out["organisations"]}

    for p in corpus.people():
        out["people"].append((p.id, p.name, len(p.evidence)))
        for alias in sorted(p.aliases):
            out["person_names"].append((p.id, alias))
        for h in p.positions:
            org_id = h.organisation_id if h.organisation_id in known_orgs else None
            out["positions"].append(
                (p.id, h.title, org_id, h.organisation, int(h.former), *_date(h.date), article_ids[h.source],
                 _spans(h.spans), h.dated_by)
            )  # fmt: skip
        evidence("person", p.id, ((e.source, e.spans) for e in p.evidence))
        names("person", p.id, p.name, *sorted(p.aliases))

    for e in corpus.events(reported=None):
        out["events"].append(
            (e.id, e.kind.value, *_date(e.date), e.end_date.iso if e.end_date else None, e.location, e.title,
             len(e.evidence), int(e.reported))
        )  # fmt: skip
        for org_id, name in zip(e.organiser_ids, e.organisers, strict=True):
            out["event_organisers"].append((e.id, org_id if org_id in known_orgs else None, name))
        evidence("event", e.id, ((x.source, x.spans) for x in e.evidence))
        names("event", e.id, e.title)

    for r in corpus.relations():
        if r.subject_id in known_orgs:
            out["organisation_relations"].append(
                (r.subject_id, r.kind, r.object_id if r.object_id in known_orgs else None, r.object, r.basis,
                 r.since.iso if r.since else None, len(r.evidence))
            )  # fmt: skip

    seen: dict[str, int] = {}
    for cf in corpus.conflicts():
        base = f"{cf.field}:{cf.entity_id}" + (f":{cf.date.iso}" if cf.date else "")
        n = seen[base] = seen.get(base, 0) + 1
        cid = base if n == 1 else f"{base}#{n}"
        out["conflicts"].append((cid, cf.subject, cf.field, cf.entity_id, cf.date.iso if cf.date else None, str(cf)))
        for claim in cf.claims:
            aid = None if claim.from_registry else article_ids.get(claim.source)
            out["claims"].append((cid, claim.value, claim.source, aid, int(claim.from_registry), _spans(claim.spans)))
    return out


def _congresses(
    articles: Iterable[ArticleSummary],
    article_ids: Mapping[str, int],
    out: dict[str, list[Row]],
    evidence: Any,
    names: Any,
) -> None:
    """Congresses merged by their id (``congress:national:13``) over the articles invoking them."""
    found: dict[str, list[tuple[ArticleSummary, Any]]] = {}
    for art in articles:
        for c in art.congress_resolutions:
            found.setdefault(c.id, []).append((art, c))
    for cid, cites in sorted(found.items()):
        first = cites[0][1]
        term = next((c.term for _, c in cites if c.term), None)
        sources = list(dict.fromkeys(a.label for a, _ in cites))
        out["congresses"].append((cid, first.ordinal, first.scope, first.party_body, term, len(sources)))
        spans: dict[str, list[Span]] = {}
        for art, c in cites:
            spans.setdefault(art.label, []).extend(c.mentions)
        for source, ss in spans.items():
            terms = [c.term for a, c in cites if a.label == source and c.term]
            out["congress_citations"].append(
                (cid, article_ids[source], terms[0] if terms else None, _spans(sorted(ss)))
            )
        evidence("congress", cid, spans.items())
        names("congress", cid, f"Đại hội {first.ordinal} {first.party_body}")
