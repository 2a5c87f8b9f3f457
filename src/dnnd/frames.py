"""pandas DataFrames of a :class:`~dnnd.corpus.Corpus`, one per entity type.

Needs the ``pandas`` extra (``pip install 'dnnd[pandas]'``); pandas is
imported only when a function here is called::

    >>> import dnnd
    >>> from dnnd import frames
    >>> corpus = dnnd.Corpus(dnnd.seeds())
    >>> frames.citations(corpus).query("number == '12-CT/TW'")["date"].dropna().tolist()  # doctest: +SKIP
    ['2022-01-01', '2022-01-05']

Every frame has one row per fact with its provenance: the article
``source`` and the ``spans`` (a list of ``(start, end)`` pairs). Dates are
ISO strings as in the extraction contract (``2022-07``, ``XXXX-07-14``),
so partial dates survive; entity ids join the frames.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .corpus import Corpus

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

__all__ = ["articles", "citations", "conflicts", "documents", "events", "frames", "organisations", "positions"]

_HINT = "dnnd.frames needs pandas: install it with  pip install 'dnnd[pandas]'"


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as err:  # pragma: no cover - exercised with pandas hidden
        raise ImportError(_HINT) from err
    return pandas


def _iso(value: Any) -> str | None:
    return None if value is None else str(value)


def _spans(spans: Any) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in spans]


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    return _pandas().DataFrame(rows, columns=columns)


def articles(corpus: Corpus) -> pd.DataFrame:
    """Return one row per article: source, title, date and how many records of each kind it gave."""
    cols = ["source", "title", "published", "documents", "organisations", "people", "events"]
    rows = [
        {
            "source": a.label, "title": a.title, "published": _iso(a.published), "documents": len(a.documents),
            "organisations": len(a.organisations), "people": len(a.people), "events": len(a.events),
        }
        for a in corpus.articles
    ]  # fmt: skip
    return _frame(rows, cols)


def documents(corpus: Corpus) -> pd.DataFrame:
    """Return one row per document: id, number, kind, registry date/issuer/title, citation count."""
    cols = ["id", "number", "kind", "date", "issuer", "title", "registry_id", "citations"]
    rows = [
        {
            "id": d.id, "number": d.number, "kind": d.kind.value, "date": _iso(d.date), "issuer": d.issuer,
            "title": d.title, "registry_id": d.registry_id, "citations": d.count,
        }
        for d in corpus.documents()
    ]  # fmt: skip
    return _frame(rows, cols)


def citations(corpus: Corpus) -> pd.DataFrame:
    """Return one row per (document, citing article), with what that article states."""
    cols = ["document_id", "number", "kind", "type_word", "date", "issuer", "title", "source", "published", "spans"]
    rows = [
        {
            "document_id": c.document_id, "number": c.number, "kind": c.kind.value, "type_word": c.type_word,
            "date": _iso(c.date), "issuer": c.issuer, "title": c.title, "source": c.source,
            "published": _iso(c.published), "spans": _spans(c.spans),
        }
        for d in corpus.documents()
        for c in d.citations
    ]  # fmt: skip
    return _frame(rows, cols)


def organisations(corpus: Corpus) -> pd.DataFrame:
    """Return one row per organisation: id, name, kind, abbreviation, locality, registry id, article count."""
    cols = ["id", "name", "kind", "abbreviation", "aliases", "locality", "registry_id", "articles", "sources"]
    rows = [
        {
            "id": o.id, "name": o.name, "kind": o.kind.value, "abbreviation": o.abbreviation,
            "aliases": sorted(o.aliases), "locality": o.locality, "registry_id": o.registry_id,
            "articles": o.count, "sources": [e.source for e in o.evidence],
        }
        for o in corpus.organisations()
    ]  # fmt: skip
    return _frame(rows, cols)


def positions(corpus: Corpus) -> pd.DataFrame:
    """Return one row per position stated (person, title, organisation, article date, source, spans)."""
    cols = ["person_id", "person", "title", "organisation_id", "organisation", "former", "date", "source", "spans"]
    rows = [
        {
            "person_id": h.person_id, "person": h.person, "title": h.title, "organisation_id": h.organisation_id,
            "organisation": h.organisation, "former": h.former, "date": _iso(h.date), "source": h.source,
            "spans": _spans(h.spans),
        }
        for p in corpus.people()
        for h in p.positions
    ]  # fmt: skip
    return _frame(rows, cols)


def events(corpus: Corpus) -> pd.DataFrame:
    """Return one row per event: id, kind, dates, place, organisers, title, reporting articles."""
    cols = ["id", "kind", "date", "end_date", "location", "organisers", "title", "sources"]
    rows = [
        {
            "id": e.id, "kind": e.kind.value, "date": _iso(e.date), "end_date": _iso(e.end_date),
            "location": e.location, "organisers": list(e.organisers), "title": e.title, "sources": list(e.sources),
        }
        for e in corpus.events()
    ]  # fmt: skip
    return _frame(rows, cols)


def conflicts(corpus: Corpus) -> pd.DataFrame:
    """Return one row per claim of every conflict (subject, field, value, source, spans)."""
    cols = ["conflict", "subject", "field", "entity_id", "value", "source", "from_registry", "spans"]
    rows = [
        {
            "conflict": i, "subject": c.subject, "field": c.field, "entity_id": c.entity_id, "value": cl.value,
            "source": cl.source, "from_registry": cl.from_registry, "spans": _spans(cl.spans),
        }
        for i, c in enumerate(corpus.conflicts())
        for cl in c.claims
    ]  # fmt: skip
    return _frame(rows, cols)


def frames(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """Return every frame above, by name ("articles", "documents", "citations", ...)."""
    return {
        "articles": articles(corpus),
        "documents": documents(corpus),
        "citations": citations(corpus),
        "organisations": organisations(corpus),
        "positions": positions(corpus),
        "events": events(corpus),
        "conflicts": conflicts(corpus),
    }
