"""JSON-compatible (de)serialisation: one cattrs converter and the contract record.

:data:`converter` round-trips every public class of :mod:`dnnd.model`::

    >>> import dnnd
    >>> from dnnd.model import PartialDate
    >>> dnnd.converter.unstructure(PartialDate(year=2022, month=7))
    '2022-07'
    >>> d = PartialDate(year=2022, month=7, day=14)
    >>> dnnd.converter.structure(dnnd.converter.unstructure(d), PartialDate) == d
    True

Dates become ISO strings (``XXXX-07-14`` when the year is unknown), enums
their values, frozensets sorted lists (so output is deterministic) and spans
``[start, end]`` pairs.

:func:`to_record` gives the flat record of the extraction contract, which
``dnnd extract`` prints.
"""

from __future__ import annotations

import enum
import sys
from typing import Any

import cattrs

from .model import Article, DocumentKind, EventKind, OrganisationKind, PartialDate, SegmentKind, Span, _TupleLike

__all__ = ["converter", "to_record"]


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_unstructure_hook(PartialDate, lambda d: d.iso)
    conv.register_structure_hook(PartialDate, lambda v, _: v if isinstance(v, PartialDate) else PartialDate.from_iso(v))
    conv.register_unstructure_hook(Span, lambda s: [s.start, s.end])
    # enum members become their plain string values
    for kind in (DocumentKind, OrganisationKind, EventKind, SegmentKind):
        conv.register_unstructure_hook(kind, _enum_value)
    conv.register_structure_hook(Span, _structure_span)
    conv.register_unstructure_hook_func(_is_frozenset, lambda s: sorted(conv.unstructure(x) for x in s))
    # the compact, tuple-like sequences (an article's segments, a record's many spans) as the list of their items
    conv.register_unstructure_hook_func(_is_tuple_like, lambda items: [conv.unstructure(x) for x in items])
    # a whole corpus as its ``.json`` layout (lossless); dnnd.corpus is never imported from here
    conv.register_unstructure_hook_func(_is_corpus, lambda c: c.to_dict())
    conv.register_structure_hook_func(_is_corpus, _structure_corpus)
    return conv


def _is_corpus(t: Any) -> bool:
    """Tell whether *t* is :class:`dnnd.corpus.Corpus` (or a subclass), without importing the corpus.

    No object can be a corpus before :mod:`dnnd.corpus` is imported, so
    serialisation never loads it.
    """
    corpus = sys.modules.get(f"{__package__}.corpus")
    return corpus is not None and isinstance(t, type) and issubclass(t, corpus.Corpus)


def _structure_corpus(value: Any, cls: type) -> Any:
    return value if isinstance(value, cls) else cls.from_dict(value)  # type: ignore[attr-defined]


def _enum_value(member: enum.Enum) -> Any:
    return member.value


def _is_tuple_like(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, _TupleLike)


def _is_frozenset(t: Any) -> bool:
    return t is frozenset or getattr(t, "__origin__", None) is frozenset


def _structure_span(value: Any, _: type) -> Span:
    if isinstance(value, Span):
        return value
    if isinstance(value, dict):
        return Span(start=int(value["start"]), end=int(value["end"]))
    start, end = value
    return Span(start=int(start), end=int(end))


#: The converter for every public class (dates as ISO strings, sets sorted).
converter: cattrs.Converter = _make_converter()


def to_record(article: Article) -> dict[str, Any]:
    """The contract record of one article (what ``dnnd extract`` prints).

    Keys and shapes follow the extraction contract; dnnd's own extras (ids,
    spans, registry links) are left out of this flat view, except one extra
    key the contract allows and the scorer ignores: each event's
    ``reported`` (True for the article's news, False for a happening it only
    mentions).
    """
    return {
        "source": article.source,
        "title": article.title,
        "published": article.published.iso if article.published else None,
        "documents": [
            {
                "kind": d.kind.value,
                "number": d.number,
                "issuer": d.issuer,
                "date": d.date.iso if d.date else None,
                "title": d.title,
            }
            for d in article.documents
        ],
        "congress_resolutions": [
            {"ordinal": c.ordinal, "scope": c.scope, "party_body": c.party_body, "term": c.term}
            for c in article.congress_resolutions
        ],
        "organisations": [
            {"name": o.name, "abbreviation": o.abbreviation, "aliases": sorted(o.aliases), "kind": o.kind.value}
            for o in article.organisations
        ],
        "people": [
            {
                "name": p.name,
                "positions": [{"title": pos.title, "organisation": pos.organisation} for pos in p.positions],
            }
            for p in article.people
        ],
        "events": [
            {
                "kind": e.kind.value,
                "date": e.date.iso if e.date else None,
                "end_date": e.end_date.iso if e.end_date else None,
                "location": e.location,
                "organisers": list(e.organisers),
                "title": e.title,
                "reported": e.reported,
            }
            for e in article.events
        ],
    }
