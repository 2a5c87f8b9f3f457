"""Article summaries to and from the JSON of a corpus file, by hand: the fast path of :mod:`dnnd.corpus._files`.

The converter in :mod:`dnnd.serialize` defines the format; this module
writes and reads the same objects without a cattrs call per nested object
(a corpus of 100,000 articles holds millions of them). Since format
version 3 a field equal to its default (``None``, an empty list,
``false``, an event's ``"reported": true``, an organisation's kind
``"other"``) is left out; both paths read a file with or without them.

:func:`unstructure` gives what ``converter.unstructure`` gives, less those
defaults. :class:`FastReader` structures one saved record or raises
*something*: it is stricter than the checked path of
:class:`dnnd.corpus._files._Loader` (types, ranges, no unknown keys), and
whenever it refuses a record the caller runs the checked path, which
either accepts it (giving the same objects) or says exactly what is wrong.
The property tests in ``tests/test_corpus_codec.py`` hold the two paths to
that.
"""

from __future__ import annotations

from typing import Any

from .._jsonfile import MAX_DIGITS
from ..model import (
    CongressResolution,
    Document,
    DocumentKind,
    Event,
    EventKind,
    Organisation,
    OrganisationKind,
    PartialDate,
    Person,
    Position,
    Span,
)
from ._records import ArticleSummary, ReadFailure
from ._text_links import StatedRelation

__all__ = ["FastReader", "unstructure"]

_MAX_INT = 10**MAX_DIGITS


# ------------------------------------------------------------------ writing


def _spans(spans: tuple[Span, ...]) -> list[list[int]]:
    return [[s.start, s.end] for s in spans]


def _document(d: Document) -> dict[str, Any]:
    out: dict[str, Any] = {"id": d.id, "kind": d.kind.value}
    if d.number is not None:
        out["number"] = d.number
    if d.issuer is not None:
        out["issuer"] = d.issuer
    if d.date is not None:
        out["date"] = d.date.iso
    if d.title is not None:
        out["title"] = d.title
    if d.registry_id is not None:
        out["registry_id"] = d.registry_id
    if d.mentions:
        out["mentions"] = _spans(d.mentions)
    if d.type_word is not None:
        out["type_word"] = d.type_word
    return out


def _congress(c: CongressResolution) -> dict[str, Any]:
    out: dict[str, Any] = {"id": c.id, "ordinal": c.ordinal, "scope": c.scope, "party_body": c.party_body}
    if c.term is not None:
        out["term"] = c.term
    if c.mentions:
        out["mentions"] = _spans(c.mentions)
    return out


def _organisation(o: Organisation) -> dict[str, Any]:
    out: dict[str, Any] = {"id": o.id, "name": o.name}
    if o.kind is not OrganisationKind.OTHER:
        out["kind"] = o.kind.value
    if o.abbreviation is not None:
        out["abbreviation"] = o.abbreviation
    if o.aliases:
        out["aliases"] = sorted(o.aliases)
    if o.locality is not None:
        out["locality"] = o.locality
    if o.registry_id is not None:
        out["registry_id"] = o.registry_id
    if o.mentions:
        out["mentions"] = _spans(o.mentions)
    return out


def _position(p: Position) -> dict[str, Any]:
    out: dict[str, Any] = {"title": p.title}
    if p.organisation is not None:
        out["organisation"] = p.organisation
    if p.organisation_id is not None:
        out["organisation_id"] = p.organisation_id
    if p.former:
        out["former"] = True
    if p.mentions:
        out["mentions"] = _spans(p.mentions)
    return out


def _person(p: Person) -> dict[str, Any]:
    out: dict[str, Any] = {"id": p.id, "name": p.name}
    if p.positions:
        out["positions"] = [_position(x) for x in p.positions]
    if p.aliases:
        out["aliases"] = sorted(p.aliases)
    if p.mentions:
        out["mentions"] = _spans(p.mentions)
    return out


def _event(e: Event) -> dict[str, Any]:
    out: dict[str, Any] = {"id": e.id, "kind": e.kind.value}
    if e.date is not None:
        out["date"] = e.date.iso
    if e.end_date is not None:
        out["end_date"] = e.end_date.iso
    if e.time_of_day is not None:
        out["time_of_day"] = e.time_of_day
    if e.location is not None:
        out["location"] = e.location
    if e.organisers:
        out["organisers"] = list(e.organisers)
    if e.title is not None:
        out["title"] = e.title
    if e.mentions:
        out["mentions"] = _spans(e.mentions)
    if not e.reported:
        out["reported"] = False
    if e.year_evidence is not None:
        out["year_evidence"] = e.year_evidence
    return out


def _relation(r: StatedRelation) -> dict[str, Any]:
    out: dict[str, Any] = {"relation": r.relation, "subject": r.subject, "object": r.object}
    if r.spans:
        out["spans"] = _spans(r.spans)
    return out


def unstructure(a: ArticleSummary) -> dict[str, Any]:
    """The saved form of one article summary: ``converter.unstructure(a)`` without the fields at their defaults."""
    out: dict[str, Any] = {}
    if a.source is not None:
        out["source"] = a.source
    if a.title is not None:
        out["title"] = a.title
    if a.published is not None:
        out["published"] = a.published.iso
    if a.documents:
        out["documents"] = [_document(d) for d in a.documents]
    if a.congress_resolutions:
        out["congress_resolutions"] = [_congress(c) for c in a.congress_resolutions]
    if a.organisations:
        out["organisations"] = [_organisation(o) for o in a.organisations]
    if a.people:
        out["people"] = [_person(p) for p in a.people]
    if a.events:
        out["events"] = [_event(e) for e in a.events]
    if a.taking_part:
        out["taking_part"] = [[p, e] for p, e in a.taking_part]
    if a.relations:
        out["relations"] = [_relation(r) for r in a.relations]
    return out


# ------------------------------------------------------------------ reading


class _Refused(Exception):
    """The fast path does not take this record (the checked path will say why, or take it)."""


_ARTICLE_KEYS = frozenset(
    (
        "source",
        "title",
        "published",
        "documents",
        "congress_resolutions",
        "organisations",
        "people",
        "events",
        "taking_part",
        "relations",
    )
)
_DOCUMENT_KEYS = frozenset(("id", "kind", "number", "issuer", "date", "title", "registry_id", "mentions", "type_word"))
_CONGRESS_KEYS = frozenset(("id", "ordinal", "scope", "party_body", "term", "mentions"))
_ORGANISATION_KEYS = frozenset(("id", "name", "kind", "abbreviation", "aliases", "locality", "registry_id", "mentions"))
_POSITION_KEYS = frozenset(("title", "organisation", "organisation_id", "former", "mentions"))
_PERSON_KEYS = frozenset(("id", "name", "positions", "aliases", "mentions"))
_EVENT_KEYS = frozenset(
    (
        "id",
        "kind",
        "date",
        "end_date",
        "time_of_day",
        "location",
        "organisers",
        "title",
        "mentions",
        "reported",
        "year_evidence",
    )
)
_RELATION_KEYS = frozenset(("relation", "subject", "object", "spans"))
_FAILURE_KEYS = frozenset(("source", "message"))

_DOCUMENT_KINDS = {m.value: m for m in DocumentKind}
_ORGANISATION_KINDS = {m.value: m for m in OrganisationKind}
_EVENT_KINDS = {m.value: m for m in EventKind}
_EMPTY: list[Any] = []
_MISSING = object()


def _record(value: Any, keys: frozenset[str]) -> dict[str, Any]:
    if type(value) is not dict or not keys.issuperset(value):
        raise _Refused
    return value


def _list(value: Any) -> list[Any]:
    if type(value) is not list:
        raise _Refused
    return value


def _int(value: Any) -> int:
    if type(value) is not int or not 0 <= value < _MAX_INT:
        raise _Refused
    return value


def _bool(value: Any) -> bool:
    if type(value) is not bool:
        raise _Refused
    return value


class FastReader:
    """Structure saved records, sharing one object per distinct string, date and span across the whole file."""

    def __init__(self) -> None:
        self._strings: dict[str, str] = {}
        self._dates: dict[str, PartialDate] = {}
        self._spans: dict[tuple[int, int], Span] = {}

    def article(self, value: Any) -> ArticleSummary:
        """An :class:`ArticleSummary` from its saved dict; raises when the fast path does not take it."""
        d = _record(value, _ARTICLE_KEYS)
        g = d.get
        return ArticleSummary(
            source=self._opt_str(g("source")),
            title=self._opt_str(g("title")),
            published=self._opt_date(g("published")),
            documents=tuple([self._document(x) for x in _list(g("documents", _EMPTY))]),
            congress_resolutions=tuple([self._congress(x) for x in _list(g("congress_resolutions", _EMPTY))]),
            organisations=tuple([self._organisation(x) for x in _list(g("organisations", _EMPTY))]),
            people=tuple([self._person(x) for x in _list(g("people", _EMPTY))]),
            events=tuple([self._event(x) for x in _list(g("events", _EMPTY))]),
            taking_part=tuple([self._pair(x) for x in _list(g("taking_part", _EMPTY))]),
            relations=tuple([self._relation(x) for x in _list(g("relations", _EMPTY))]),
        )

    def failure(self, value: Any) -> ReadFailure:
        """A :class:`ReadFailure` from its saved dict; raises when the fast path does not take it."""
        d = _record(value, _FAILURE_KEYS)
        return ReadFailure(source=self._str(d["source"]), message=self._str(d["message"]))

    # ---------------------------------------------------------- values

    def _str(self, value: Any) -> str:
        if type(value) is not str:
            raise _Refused
        return self._strings.setdefault(value, value)

    def _opt_str(self, value: Any) -> str | None:
        return None if value is None else self._str(value)

    def _strs(self, value: Any) -> list[str]:
        return [self._str(x) for x in _list(value)]

    def _opt_date(self, value: Any) -> PartialDate | None:
        if value is None:
            return None
        found = self._dates.get(value) if type(value) is str else None
        if found is None:
            if type(value) is not str:
                raise _Refused
            found = self._dates[value] = PartialDate.from_iso(value)
        return found

    def _mentions(self, value: Any) -> tuple[Span, ...]:
        if type(value) is not list:
            raise _Refused
        cache = self._spans
        out = []
        for pair in value:
            if type(pair) is not list or len(pair) != 2:
                raise _Refused
            start, end = pair
            key = (_int(start), _int(end))
            span = cache.get(key)
            if span is None:
                span = cache[key] = Span(start=start, end=end)
            out.append(span)
        return tuple(out)

    def _pair(self, value: Any) -> tuple[int, int]:
        if type(value) is not list or len(value) != 2:
            raise _Refused
        return (_int(value[0]), _int(value[1]))

    # ---------------------------------------------------------- records

    def _document(self, value: Any) -> Document:
        d = _record(value, _DOCUMENT_KEYS)
        g = d.get
        return Document(
            id=self._str(d["id"]),
            kind=_DOCUMENT_KINDS[self._str(d["kind"])],
            number=self._opt_str(g("number")),
            issuer=self._opt_str(g("issuer")),
            date=self._opt_date(g("date")),
            title=self._opt_str(g("title")),
            registry_id=self._opt_str(g("registry_id")),
            mentions=self._mentions(g("mentions", _EMPTY)),
            type_word=self._opt_str(g("type_word")),
        )

    def _congress(self, value: Any) -> CongressResolution:
        d = _record(value, _CONGRESS_KEYS)
        g = d.get
        return CongressResolution(
            id=self._str(d["id"]),
            ordinal=_int(d["ordinal"]),
            scope=self._str(d["scope"]),
            party_body=self._str(d["party_body"]),
            term=self._opt_str(g("term")),
            mentions=self._mentions(g("mentions", _EMPTY)),
        )

    def _organisation(self, value: Any) -> Organisation:
        d = _record(value, _ORGANISATION_KEYS)
        g = d.get
        kind = g("kind", _MISSING)
        return Organisation(
            id=self._str(d["id"]),
            name=self._str(d["name"]),
            kind=OrganisationKind.OTHER if kind is _MISSING else _ORGANISATION_KINDS[self._str(kind)],
            abbreviation=self._opt_str(g("abbreviation")),
            aliases=frozenset(self._strs(g("aliases", _EMPTY))),
            locality=self._opt_str(g("locality")),
            registry_id=self._opt_str(g("registry_id")),
            mentions=self._mentions(g("mentions", _EMPTY)),
        )

    def _position(self, value: Any) -> Position:
        d = _record(value, _POSITION_KEYS)
        g = d.get
        former = g("former", False)
        return Position(
            title=self._str(d["title"]),
            organisation=self._opt_str(g("organisation")),
            organisation_id=self._opt_str(g("organisation_id")),
            former=_bool(former),
            mentions=self._mentions(g("mentions", _EMPTY)),
        )

    def _person(self, value: Any) -> Person:
        d = _record(value, _PERSON_KEYS)
        g = d.get
        return Person(
            id=self._str(d["id"]),
            name=self._str(d["name"]),
            positions=tuple([self._position(x) for x in _list(g("positions", _EMPTY))]),
            aliases=frozenset(self._strs(g("aliases", _EMPTY))),
            mentions=self._mentions(g("mentions", _EMPTY)),
        )

    def _event(self, value: Any) -> Event:
        d = _record(value, _EVENT_KEYS)
        g = d.get
        reported = g("reported", True)
        return Event(
            id=self._str(d["id"]),
            kind=_EVENT_KINDS[self._str(d["kind"])],
            date=self._opt_date(g("date")),
            end_date=self._opt_date(g("end_date")),
            time_of_day=self._opt_str(g("time_of_day")),
            location=self._opt_str(g("location")),
            organisers=tuple(self._strs(g("organisers", _EMPTY))),
            title=self._opt_str(g("title")),
            mentions=self._mentions(g("mentions", _EMPTY)),
            reported=_bool(reported),
            year_evidence=self._opt_str(g("year_evidence")),
        )

    def _relation(self, value: Any) -> StatedRelation:
        d = _record(value, _RELATION_KEYS)
        return StatedRelation(
            relation=self._str(d["relation"]),
            subject=_int(d["subject"]),
            object=_int(d["object"]),
            spans=self._mentions(d.get("spans", _EMPTY)),
        )
