"""Questions a corpus answers: lookups by name or number, filtered lists, holders, timelines."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from ..model import DocumentKind, EventKind, OrganisationKind, PartialDate
from ..normalise import document_key, slug
from ._index import _Indexed
from ._keys import _bare_name, _fold_key, _nk, _place_key
from ._records import (
    ArticleSummary,
    Citation,
    CorpusDocument,
    CorpusEvent,
    CorpusOrganisation,
    CorpusPerson,
    HeldPosition,
    ReadFailure,
)
from ._time import _as_date, _span_of


def _kind(value: Any, enum: type[Any]) -> Any:
    return None if value is None else enum(value)


class _Queries(_Indexed):
    """The public questions (see :class:`~dnnd.corpus.Corpus`)."""

    @property
    def articles(self) -> tuple[ArticleSummary, ...]:
        """The article summaries, in the order they were added."""
        return tuple(self._articles)

    @property
    def errors(self) -> tuple[ReadFailure, ...]:
        """The inputs that could not be read (see :meth:`from_paths`)."""
        return tuple(self._errors)

    def article(self, source: str) -> ArticleSummary | None:
        """Return the summary of the article called *source* (the first one, if several share it), or ``None``.

        >>> import dnnd
        >>> dnnd.Corpus(dnnd.seeds()).article("003_0ee01d7cb440a5d9.txt").published.iso
        '2022-07-20'
        """
        ai = self._index.by_source.get(source)
        return None if ai is None else self._articles[ai]

    def document(self, number: str) -> CorpusDocument | None:
        """Return the document with this number (however written), or ``None``.

        >>> import dnnd
        >>> dnnd.Corpus(dnnd.seeds()).document("12-CT/TƯ").registry_id
        'directive:12-CT/TW:2022-01-05'
        """
        key = "doc:" + slug(document_key(number))
        return self._document(key) if key in self._index.docs else None

    def documents(self, number: str | None = None, kind: DocumentKind | str | None = None) -> list[CorpusDocument]:
        """Return the documents cited, most cited first, optionally one number or one kind.

        >>> import dnnd
        >>> [(d.number, d.count) for d in dnnd.Corpus(dnnd.seeds()).documents(kind="directive")]
        [('12-CT/TW', 3), ('04-CT/TW', 1)]
        """
        if number is not None:
            found = self.document(number)
            docs = [found] if found else []
        else:
            docs = [self._document(k) for k in self._index.docs]
        want = _kind(kind, DocumentKind)
        if want is not None:
            docs = [d for d in docs if d.kind is want]
        return sorted(docs, key=lambda d: (-d.count, d.number or "", d.id))

    def citations(self, number: str) -> list[Citation]:
        """Which articles cite document *number*, each with the date, issuer and type word it states.

        >>> import dnnd
        >>> [(c.source[:3], c.type_word) for c in dnnd.Corpus(dnnd.seeds()).citations("05-TT/TU")]
        [('000', 'Thông tư')]
        """
        found = self.document(number)
        return list(found.citations) if found else []

    def organisation(self, name: str) -> CorpusOrganisation | None:
        """Return the organisation called *name* (full name, abbreviation, alias; any spelling), or ``None``.

        >>> import dnnd
        >>> org = dnnd.Corpus(dnnd.seeds()).organisation("VUFO")
        >>> org.name, org.count
        ('Liên hiệp các tổ chức hữu nghị Việt Nam', 4)
        """
        keys = sorted(self._org_keys(name))
        return self._organisation(keys[0]) if len(keys) == 1 else None

    def organisations(
        self, kind: OrganisationKind | str | None = None, locality: str | None = None
    ) -> list[CorpusOrganisation]:
        """Return the organisations named, most named first, optionally of one kind or one locality.

        >>> import dnnd
        >>> orgs = dnnd.Corpus(dnnd.seeds()).organisations(kind="friendship_union", locality="Bắc Giang")
        >>> [o.name for o in orgs]
        ['Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang']
        """
        ix = self._index
        keys: set[str] = set(ix.orgs)
        want = _kind(kind, OrganisationKind)
        if want is not None:
            keys &= ix.org_by_kind.get(want.value, set())
        if locality is not None:
            keys &= ix.org_by_place.get(_place_key(locality), set())
        orgs = [self._organisation(k) for k in keys]
        if want is not None:
            orgs = [o for o in orgs if o.kind is want]
        if locality is not None:
            orgs = [o for o in orgs if o.locality and _place_key(o.locality) == _place_key(locality)]
        return sorted(orgs, key=lambda o: (-o.count, o.name, o.id))

    def person(self, name: str) -> CorpusPerson | None:
        """Return the person called *name* (any spelling, honorific or not), or ``None``.

        >>> import dnnd
        >>> dnnd.Corpus(dnnd.seeds()).person("Nguyen Van Doanh").name
        'Nguyễn Văn Doanh'
        """
        key = "person:" + _fold_key(_bare_name(name))
        return self._person(key) if key in self._index.people else None

    def people(self, organisation: str | None = None, title: str | None = None) -> list[CorpusPerson]:
        """Return the people named, optionally only those the articles place in *organisation* (with *title*).

        >>> import dnnd
        >>> [p.name for p in dnnd.Corpus(dnnd.seeds()).people(organisation="VUFO")]
        ['Nguyễn Văn Doanh', 'Phan Anh Sơn']
        """
        ix = self._index
        if organisation is None and title is not None:
            keys: set[str] = set(ix.people_by_title.get(_nk(title), set()))
        elif organisation is None:
            keys = set(ix.people)
        else:
            org_keys = self._org_keys(organisation)
            keys = set().union(*(ix.people_by_org.get(k, set()) for k in org_keys)) if org_keys else set()
        people = [self._person(k) for k in keys]
        if organisation is not None or title is not None:
            org_keys = self._org_keys(organisation) if organisation is not None else set()
            people = [
                p
                for p in people
                if any(
                    (organisation is None or h.organisation_id in org_keys)
                    and (title is None or _nk(h.title) == _nk(title))
                    for h in p.positions
                )
            ]
        return sorted(people, key=lambda p: (p.name, p.id))

    def positions_of(self, name: str) -> list[HeldPosition]:
        """Every position the articles give the person called *name*, oldest article first.

        >>> import dnnd
        >>> [(h.title, h.date.iso, h.source[:3]) for h in dnnd.Corpus(dnnd.seeds()).positions_of("Nguyễn Văn Doanh")]
        [('Phó Chủ tịch', '2022-07-14', '000'), ('Phó Chủ tịch', '2022-07-20', '003')]
        """
        person = self.person(name)
        return list(person.positions) if person else []

    def holders(self, organisation: str, title: str | None = None) -> list[HeldPosition]:
        """Who held posts in *organisation* (optionally only *title*), and when, oldest first.

        >>> import dnnd
        >>> [(h.person, h.source[:3]) for h in dnnd.Corpus(dnnd.seeds()).holders("VUFO", "Chủ tịch")]
        [('Phan Anh Sơn', '001')]
        """
        question = ("holders", organisation, title)
        found = self._index.answers.get(question)
        if found is None:
            org_keys = self._org_keys(organisation)
            found = sorted(
                (
                    h
                    for p in self.people(organisation=organisation)
                    for h in p.positions
                    if h.organisation_id in org_keys and (title is None or _nk(h.title) == _nk(title))
                ),
                key=lambda h: (h.date.sort_key if h.date else (0, 0, 0), h.person),
            )
            self._index.answers[question] = found
        return list(found)

    def events(
        self,
        kind: EventKind | str | None = None,
        start: _dt.date | PartialDate | str | None = None,
        end: _dt.date | PartialDate | str | None = None,
        place: str | None = None,
        organiser: str | None = None,
        organiser_kind: OrganisationKind | str | None = None,
    ) -> list[CorpusEvent]:
        """Events by kind, date range, place and organiser, in date order.

        *start* and *end* are dates, partial dates or ISO strings (``"2022"``
        and ``"2022-07"`` mean the whole year or month: ``end="2022-07"`` is
        up to July 31). An event is in ``[start, end]`` when the days it may
        cover meet that range (an event dated only "2022" is in 2022's first week); events
        with an unknown year are left out of any date query. *organiser*
        names an organisation (any spelling, abbreviation); when no
        organisation has that name, organisers whose name contains it
        match ("Liên hiệp các tổ chức hữu nghị" finds every friendship union).

        >>> import dnnd, datetime
        >>> corpus = dnnd.Corpus(dnnd.seeds())
        >>> [(e.date.iso, e.location) for e in corpus.events(kind="seminar", start=datetime.date(2022, 1, 1), place="Bắc Giang")]
        [('2022-07-20', 'Bắc Giang')]
        """
        ix = self._index
        candidates: list[set[str]] = []
        want = _kind(kind, EventKind)
        if want is not None:
            candidates.append(ix.events_by_kind.get(want.value, set()))
        lo, hi = _as_date(start), _as_date(end, last=True)
        if lo is not None or hi is not None:
            first = lo.year if lo else min((y for y in ix.events_by_year if y is not None), default=0)
            last = hi.year if hi else max((y for y in ix.events_by_year if y is not None), default=0)
            candidates.append(set().union(*(ix.events_by_year.get(y, set()) for y in range(first, last + 1))))
        if place is not None:
            candidates.append(ix.events_by_place.get(_place_key(place), set()))
        if organiser is not None:
            org_keys = self._org_keys(organiser)
            if not org_keys:
                needle = _nk(organiser)
                org_keys = {k for k in ix.events_by_org if needle in _nk(self._org_display(k))}
            candidates.append(set().union(*(ix.events_by_org.get(k, set()) for k in org_keys)) if org_keys else set())
        if organiser_kind is not None:
            okind = OrganisationKind(organiser_kind)
            org_keys = ix.org_by_kind.get(okind.value, set())
            candidates.append(set().union(*(ix.events_by_org.get(k, set()) for k in org_keys)) if org_keys else set())
        candidates.sort(key=len)
        keys = set.intersection(*candidates) if candidates else set(ix.events)
        found = []
        for k in keys:
            e = self._event(k)
            if lo is not None or hi is not None:
                span = _span_of(e.date, e.end_date)
                if span is None or (lo is not None and span[1] < lo) or (hi is not None and span[0] > hi):
                    continue
            found.append(e)
        return sorted(found, key=lambda e: (e.date.sort_key if e.date else (0, 0, 0), e.id))
