"""pandas DataFrames of a :class:`~dnnd.corpus.Corpus`, one per entity type.

Needs the ``pandas`` extra (``pip install 'dnnd[pandas]'``); pandas is
imported only when a function here is called::

    >>> import dnnd
    >>> from dnnd import frames
    >>> corpus = dnnd.Corpus(dnnd.seeds())
    >>> frames.citations(corpus).query("number == '12-CT/TW'")["date_iso"].dropna().tolist()  # doctest: +SKIP
    ['2022-01-01', '2022-01-05']

Every frame has one row per fact with its provenance: the article
``source`` and the ``spans`` (a list of ``(start, end)`` pairs); entity ids
join the frames. Every date comes as three columns: ``date`` is a real
date (pandas ``datetime64``: the first day the date may mean, ``NaT`` when
unknown or when the year is), ``date_precision`` says how much of it is
known (``"day"``, ``"month"`` or ``"year"``), and ``date_iso`` is the
contract's ISO form (``2009``, ``2022-07``, ``XXXX-11-19``), so "2009" never
silently becomes the first of January. :func:`to_csv` writes a frame with
its list columns as JSON.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .corpus import Corpus
from .model import PartialDate

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

__all__ = [
    "articles",
    "citations",
    "conflicts",
    "congresses",
    "documents",
    "events",
    "frames",
    "organisations",
    "people",
    "positions",
    "relations",
    "to_csv",
]

_HINT = "dnnd.frames needs pandas: install it with  pip install 'dnnd[pandas]'"


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as err:  # pragma: no cover - exercised with pandas hidden
        raise ImportError(_HINT) from err
    return pandas


def _spans(spans: Any) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in spans]


def _date(name: str, value: PartialDate | None) -> dict[str, Any]:
    """The three columns of one date: the first day it may mean, its precision, its ISO form."""
    if value is None:
        return {name: None, f"{name}_precision": None, f"{name}_iso": None}
    first = _dt.date(value.year, value.month or 1, value.day or 1) if value.year is not None else None
    return {name: first, f"{name}_precision": value.precision, f"{name}_iso": value.iso}


def _date_columns(*names: str) -> list[str]:
    return [c for n in names for c in (n, f"{n}_precision", f"{n}_iso")]


def _frame(rows: list[dict[str, Any]], columns: list[str], dates: Iterable[str] = ()) -> pd.DataFrame:
    pandas = _pandas()
    frame = pandas.DataFrame(rows, columns=columns)
    for name in dates:
        frame[name] = pandas.to_datetime(frame[name])
    return frame


def articles(corpus: Corpus) -> pd.DataFrame:
    """Return one row per article: source, title, date and how many records of each kind it gave."""
    cols = ["source", "title", *_date_columns("published"), "documents", "organisations", "people", "events"]
    rows = [
        {
            "source": a.label, "title": a.title, **_date("published", a.published), "documents": len(a.documents),
            "organisations": len(a.organisations), "people": len(a.people), "events": len(a.events),
        }
        for a in corpus.articles
    ]  # fmt: skip
    return _frame(rows, cols, ["published"])


def documents(corpus: Corpus) -> pd.DataFrame:
    """Return one row per document: id, number, kind, registry date/issuer/title, citation count."""
    cols = ["id", "number", "kind", *_date_columns("date"), "issuer", "title", "registry_id", "citations"]
    rows = [
        {
            "id": d.id, "number": d.number, "kind": d.kind.value, **_date("date", d.date), "issuer": d.issuer,
            "title": d.title, "registry_id": d.registry_id, "citations": d.count,
        }
        for d in corpus.documents()
    ]  # fmt: skip
    return _frame(rows, cols, ["date"])


def citations(corpus: Corpus) -> pd.DataFrame:
    """Return one row per (document, citing article), with what that article states."""
    cols = [
        "document_id", "number", "kind", "type_word", *_date_columns("date"), "issuer", "title", "source",
        *_date_columns("published"), "spans",
    ]  # fmt: skip
    rows = [
        {
            "document_id": c.document_id, "number": c.number, "kind": c.kind.value, "type_word": c.type_word,
            **_date("date", c.date), "issuer": c.issuer, "title": c.title, "source": c.source,
            **_date("published", c.published), "spans": _spans(c.spans),
        }
        for d in corpus.documents()
        for c in d.citations
    ]  # fmt: skip
    return _frame(rows, cols, ["date", "published"])


def congresses(corpus: Corpus) -> pd.DataFrame:
    """Return one row per Party congress invoked: id, number, scope, Party body, term, year, articles."""
    cols = ["id", "ordinal", "scope", "party_body", "term", "year", "articles", "sources"]
    rows = [
        {
            "id": c.id, "ordinal": c.ordinal, "scope": c.scope, "party_body": c.party_body, "term": c.term,
            "year": c.year, "articles": len(c.evidence), "sources": list(c.sources),
        }
        for c in corpus.congresses()
    ]  # fmt: skip
    return _frame(rows, cols)


def organisations(corpus: Corpus) -> pd.DataFrame:
    """Return one row per organisation: id, name, kind, abbreviation, locality and level, registry id, articles."""
    cols = [
        "id", "name", "kind", "abbreviation", "aliases", "locality", "level", "registry_id", "articles", "sources",
    ]  # fmt: skip
    rows = [
        {
            "id": o.id, "name": o.name, "kind": o.kind.value, "abbreviation": o.abbreviation,
            "aliases": sorted(o.aliases), "locality": o.locality, "level": o.level, "registry_id": o.registry_id,
            "articles": o.count, "sources": list(o.sources),
        }
        for o in corpus.organisations()
    ]  # fmt: skip
    return _frame(rows, cols)


def people(corpus: Corpus) -> pd.DataFrame:
    """Return one row per person, with or without a position: id, name, spellings, provinces, posts, articles."""
    cols = ["id", "name", "aliases", "localities", "positions", "articles", "sources"]
    rows = [
        {
            "id": p.id, "name": p.name, "aliases": sorted(p.aliases), "localities": list(p.localities),
            "positions": len(p.positions), "articles": len(p.evidence), "sources": list(p.sources),
        }
        for p in corpus.people()
    ]  # fmt: skip
    return _frame(rows, cols)


def positions(corpus: Corpus) -> pd.DataFrame:
    """Return one row per position stated (person, title, organisation, the day it holds for, source, spans)."""
    cols = [
        "person_id", "person", "title", "organisation_id", "organisation", "former", *_date_columns("date"),
        "dated_by", "source", "spans",
    ]  # fmt: skip
    rows = [
        {
            "person_id": h.person_id, "person": h.person, "title": h.title, "organisation_id": h.organisation_id,
            "organisation": h.organisation, "former": h.former, **_date("date", h.date), "dated_by": h.dated_by,
            "source": h.source, "spans": _spans(h.spans),
        }
        for p in corpus.people()
        for h in p.positions
    ]  # fmt: skip
    return _frame(rows, cols, ["date"])


def events(corpus: Corpus, *, reported: bool | None = True) -> pd.DataFrame:
    """Return one row per event: id, kind, dates, place, organisers, title, articles, whether reported.

    Like :meth:`Corpus.events`, only the events some article reports, by
    default; ``reported=False`` gives those only mentioned, ``None`` all.
    """
    cols = [
        "id", "kind", *_date_columns("date", "end_date"), "location", "organisers", "organiser_ids", "title",
        "reported", "sources",
    ]  # fmt: skip
    rows = [
        {
            "id": e.id, "kind": e.kind.value, **_date("date", e.date), **_date("end_date", e.end_date),
            "location": e.location, "organisers": list(e.organisers), "organiser_ids": list(e.organiser_ids),
            "title": e.title, "reported": e.reported, "sources": list(e.sources),
        }
        for e in corpus.events(reported=reported)
    ]  # fmt: skip
    return _frame(rows, cols, ["date", "end_date"])


def relations(corpus: Corpus) -> pd.DataFrame:
    """Return one row per link between organisations: subject, relation, object, basis, since, articles."""
    cols = [
        "subject_id", "subject", "relation", "object_id", "object", "basis", *_date_columns("since"), "note",
        "sources",
    ]  # fmt: skip
    rows = [
        {
            "subject_id": r.subject_id, "subject": r.subject, "relation": r.kind, "object_id": r.object_id,
            "object": r.object, "basis": r.basis, **_date("since", r.since), "note": r.note,
            "sources": [e.source for e in r.evidence],
        }
        for r in corpus.relations()
    ]  # fmt: skip
    return _frame(rows, cols, ["since"])


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
        "congresses": congresses(corpus),
        "organisations": organisations(corpus),
        "people": people(corpus),
        "positions": positions(corpus),
        "events": events(corpus),
        "relations": relations(corpus),
        "conflicts": conflicts(corpus),
    }


def to_csv(frame: pd.DataFrame, path: str | os.PathLike[str] | None = None, **options: Any) -> str | None:
    """Write *frame* as CSV with its list columns as JSON (``["a.txt", "b.txt"]``, ``[[12, 20]]``), not Python reprs.

    Dates are written as ``YYYY-MM-DD``; *options* go to
    :meth:`pandas.DataFrame.to_csv`. Returns the text when *path* is ``None``.

    >>> import dnnd
    >>> from dnnd import frames
    >>> text = frames.to_csv(frames.organisations(dnnd.Corpus(dnnd.seeds())).head(1))  # doctest: +SKIP
    >>> text.splitlines()[1].endswith('"[""000_dbb8df4873b6d839.txt"", ""001_93a5b40c263f557d.txt"", ...]"')  # doctest: +SKIP
    True
    """
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object and out[column].map(lambda v: isinstance(v, (list, tuple))).any():
            out[column] = out[column].map(
                lambda v: json.dumps(list(v), ensure_ascii=False) if isinstance(v, (list, tuple)) else v
            )
    options.setdefault("index", False)
    options.setdefault("date_format", "%Y-%m-%d")
    result = out.to_csv(path, **options)
    return None if result is None else str(result)
