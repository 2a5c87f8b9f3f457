"""Questions a corpus answers: lookups by name or number, filtered lists, holders, timelines."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from typing import Any

from .. import registry
from ..model import DocumentKind, EventKind, OrganisationKind, PartialDate
from ..normalise import document_key, fold_key, name_key, slug
from ._identity import head_key, name_identity, parse_locality, province_locality
from ._index import _Indexed
from ._keys import _bare_name, _bulk, _place_key
from ._records import (
    ArticleSummary,
    Citation,
    CorpusCongress,
    CorpusDocument,
    CorpusEvent,
    CorpusOrganisation,
    CorpusPerson,
    HeldPosition,
    ReadFailure,
    Tenure,
)
from ._time import _as_date, _span_of


def _kind(value: Any, enum: type[Any]) -> Any:
    return None if value is None else enum(value)


#: the longest text a name, place or title filter may be (no name is nearly this long); longer
#: queries are refused, so the cost of a question never grows with what the caller types
MAX_QUERY_CHARS = 500


def _query(value: str | None, what: str) -> str | None:
    """Check a text filter: a string of at most :data:`MAX_QUERY_CHARS` characters."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__}")
    if len(value) > MAX_QUERY_CHARS:
        raise ValueError(f"{what}: {len(value):,} characters is longer than any name (at most {MAX_QUERY_CHARS:,})")
    return value


def _unaccented(text: str) -> bool:
    """True when *text* is written without diacritics ("Bac Giang"): then it matches any tones."""
    return text.isascii()


def _lookup(index: dict[str, set[str]], key: str, query: str) -> set[str]:
    """``index[key]``; for a query written without diacritics, every key that differs only by them.

    Only for lookups: the keys themselves (what merges records) keep their
    diacritics, "Hà" and "Hạ" stay apart; only "Ha" finds both.
    """
    found = index.get(key)
    if found or not _unaccented(query):
        return set(found or ())
    folded = slug(key)
    return set().union(*(v for k, v in index.items() if slug(k) == folded))


def _same(a: str, b: str) -> bool:
    """Whether title (or name) *a* is what the query *b* names; *b* without diacritics matches any tones."""
    if name_key(a) == name_key(b):
        return True
    return _unaccented(b) and slug(name_key(a)) == slug(name_key(b))


class _Queries(_Indexed):
    """The public questions (see :class:`~dnnd.corpus.Corpus`)."""

    @property
    def articles(self) -> tuple[ArticleSummary, ...]:
        """The article summaries, in the order they were added (with the overrides' date fixes)."""
        return tuple(self._index.arts)

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
        found = self._index.by_source.get(source)
        return self._index.arts[found[0]] if found else None

    def document(self, number: str) -> CorpusDocument | None:
        """Return the document with this number (however written), or ``None``.

        >>> import dnnd
        >>> dnnd.Corpus(dnnd.seeds()).document("12-CT/TƯ").registry_id
        'directive:12-CT/TW:2022-01-05'
        """
        key = "doc:" + slug(document_key(_query(number, "number") or ""))
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

    # ---------------------------------------------------------- organisations

    def _org_keys(
        self, name: str, *, locality: str | None = None, source: str | None = None, central: bool = True
    ) -> set[str]:
        """Entity keys a name stands for: in one article (its records and their short names), else anywhere.

        Anywhere, a name without a locality that fits no body exactly stands
        for the central body of that kind, when there is one ("Liên hiệp các
        tổ chức hữu nghị" is VUFO, the "... Việt Nam" one), unless *central*
        is False.
        """
        ix = self._index
        found: set[str] = set()
        if source is not None:
            want, want_fold = name_key(name), fold_key(name)
            in_article: set[str] = set()
            for ai in ix.by_source.get(source, []):
                art = ix.arts[ai]
                local = ix.local_orgs[ai]
                in_article.update(local.values())
                for org in art.organisations:
                    key = local.get(org.name)
                    names = (org.name, org.abbreviation or "", *org.aliases)
                    if key and (
                        any(name_key(x) == want for x in names) or any(fold_key(x) == want_fold for x in names if x)
                    ):
                        found.add(key)
            if not found:
                # a short name stands for the article's one body of that kind ("UBND tỉnh", "Liên hiệp")
                head, where = parse_locality(name)
                if where is None:
                    wanted = head_key(head, local=True)
                    found = {k for k in in_article if head_key(ix.org_ident[k].head, local=True) == wanted}
                    if len(found) > 1:
                        return found
            if found:
                return found
        if ix.plan is not None and ix.plan.org_names:
            renamed = {k for k, v in ix.plan.org_names.items() if name_key(v) == name_key(name) and k in ix.orgs}
            if renamed:
                return renamed
        ident = name_identity(name)
        if locality is not None:
            ident = self._with_locality(name, locality)
        key = ident.key
        if ix.plan is not None:
            key = ix.plan.org_map.get(key, key)
        if key in ix.orgs:
            found = {key}
        else:
            found = set(ix.org_alias.get(name_key(name), ())) or set(ix.org_fold.get(fold_key(name), ()))
        if not found and name[:4].lower() == "the ":
            return self._org_keys(name[4:], locality=locality, central=central)  # "The Vietnam Union of ..."
        if not found and central and locality is None and ident.locality is None:
            head, _ = parse_locality(name)
            wanted = head_key(head, local=True)
            heads = {
                k for k, i in ix.org_ident.items() if i.locality is None and head_key(i.head, local=True) == wanted
            }
            if len(heads) == 1:
                found = heads
        if locality is not None:
            where = ident.locality
            found = {k for k in found if where is not None and ix.org_ident[k].locality == where}
        return found

    def organisation(
        self, name: str, *, locality: str | None = None, source: str | None = None
    ) -> CorpusOrganisation | None:
        """Return the organisation called *name* (full name, abbreviation, alias; any spelling), or ``None``.

        A name that fits several bodies gives ``None``: give the *locality*,
        or the *source* article whose use of the name you mean (there a short
        name such as "Hội hữu nghị Việt Nam - Lào" stands for the article's
        provincial association).

        >>> import dnnd
        >>> corpus = dnnd.Corpus(dnnd.seeds())
        >>> org = corpus.organisation("VUFO")
        >>> org.name, org.count
        ('Liên hiệp các tổ chức hữu nghị Việt Nam', 4)
        >>> corpus.organisation("Liên hiệp các tổ chức hữu nghị", locality="Bắc Giang").name
        'Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang'
        """
        name, locality = _query(name, "name") or "", _query(locality, "locality")
        keys = sorted(self._org_keys(name, locality=locality, source=source))
        return self._organisation(keys[0]) if len(keys) == 1 else None

    def organisations(
        self,
        kind: OrganisationKind | str | None = None,
        locality: str | None = None,
        *,
        name: str | None = None,
    ) -> list[CorpusOrganisation]:
        """Return the organisations named, most named first, optionally of one kind, one locality or one name.

        *name* lists every body a name may stand for (the central and the
        provincial associations for one country, for instance).

        >>> import dnnd
        >>> orgs = dnnd.Corpus(dnnd.seeds()).organisations(kind="friendship_union", locality="Bắc Giang")
        >>> [o.name for o in orgs]
        ['Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang']
        """
        locality, name = _query(locality, "locality"), _query(name, "name")
        question = ("organisations", None if kind is None else str(kind), locality, name)
        cached = self._index.answers.get(question)
        if cached is not None:
            return list(cached)
        ix = self._index
        keys: set[str] = set(ix.orgs) if name is None else self._org_keys(name, central=False)
        if name is not None:
            head, where = parse_locality(name)
            if where is None:  # a name without its locality fits every body of that kind
                wanted = head_key(head, local=True)
                keys |= {k for k, i in ix.org_ident.items() if k in ix.orgs and head_key(i.head, local=True) == wanted}
        want = _kind(kind, OrganisationKind)
        if want is not None:
            keys &= ix.org_by_kind.get(want.value, set())
        if locality is not None:
            unit = registry.province(locality)
            keys &= _lookup(ix.org_by_place, name_key(unit.name if unit else locality), locality)
        with _bulk():
            orgs = [self._organisation(k) for k in keys]
        if want is not None:
            orgs = [o for o in orgs if o.kind is want]
        found = sorted(orgs, key=lambda o: (-o.count, o.name, o.id))
        ix.answers[question] = found
        return list(found)

    # ---------------------------------------------------------- congresses

    def congresses(self, scope: str | None = None) -> list[CorpusCongress]:
        """The Party congresses the articles invoke, most invoked first; *scope* "national" or a province.

        >>> import dnnd
        >>> [(c.ordinal, c.scope, len(c.sources)) for c in dnnd.Corpus(dnnd.seeds()).congresses()]
        [(13, 'national', 4), (17, 'Hà Nội', 1)]
        """
        found = [self._congress(k) for k in self._index.congresses]
        if scope is not None:
            want = "national" if scope == "national" else _place_key(scope)
            found = [c for c in found if (c.scope if c.is_national else _place_key(c.scope)) == want]
        return sorted(found, key=lambda c: (-len(c.evidence), not c.is_national, c.scope, c.ordinal))

    def congress(self, ordinal: int, scope: str = "national") -> CorpusCongress | None:
        """The congress number *ordinal* of *scope* ("national", or the province of a Party organisation), or ``None``.

        >>> import dnnd
        >>> dnnd.Corpus(dnnd.seeds()).congress(13).term
        '2021-2026'
        """
        return next((c for c in self.congresses(scope) if c.ordinal == ordinal), None)

    # ---------------------------------------------------------- people

    def _person_ids(self, name: str, *, locality: str | None = None, source: str | None = None) -> list[str]:
        """Ids of the people a name stands for (any spelling), optionally placed in *locality* or named in *source*."""
        plan = self._index.plan
        if plan is not None:
            for ref, new in plan.person_names:
                if name_key(new) == name_key(name) and name_key(ref.name) != name_key(name):
                    return [pid for pid in self._person_ids(ref.name, locality=locality, source=source)
                            if (p := self._person_by_id(pid)) is not None and p.name == new]  # fmt: skip
        bare = _bare_name(name)
        exact = name_key(bare)
        out = []
        for pid, refs, c, infos in self._person_clusters(fold_key(exact)):
            names = {name_key(_bare_name(self._index.arts[ai].people[ri].name)) for ai, ri in refs}
            if not bare.isascii() and exact not in names:
                continue
            if source is not None and not any(self._index.arts[ai].label == source for ai, _ in refs):
                continue
            if locality is not None:
                where = province_locality(locality, None)
                keys = {where.key} if where else {f"district:{name_key(locality)}"}
                article_places = {infos[i].article_place for i in c.members}
                if not (c.places & keys or (not c.places and article_places & keys)):
                    continue
            out.append(pid)
        return out

    def person(self, name: str, *, locality: str | None = None, source: str | None = None) -> CorpusPerson | None:
        """Return the person called *name* (any spelling, honorific or not), or ``None``.

        Same-name people in different provinces are different people: a name
        that fits several gives ``None`` unless *locality* (where they hold
        posts) or *source* (an article naming them) picks one.

        >>> import dnnd
        >>> dnnd.Corpus(dnnd.seeds()).person("Nguyen Van Doanh").name
        'Nguyễn Văn Doanh'
        """
        name, locality = _query(name, "name") or "", _query(locality, "locality")
        ids = self._person_ids(name, locality=locality, source=source)
        return self._person_by_id(ids[0]) if len(ids) == 1 else None

    def _all_people(self, folds: Iterable[str]) -> list[CorpusPerson]:
        with _bulk():
            return [
                self._person(pid, refs, c, infos) for f in folds for pid, refs, c, infos in self._person_clusters(f)
            ]

    def people(
        self,
        organisation: str | None = None,
        title: str | None = None,
        *,
        name: str | None = None,
        positions: bool | None = None,
    ) -> list[CorpusPerson]:
        """Return the people named, optionally only those the articles place in *organisation* (with *title*).

        *name* lists everyone a name may stand for; *positions* keeps only the
        people given a post (``True``) or only those named without one
        (``False``).

        >>> import dnnd
        >>> [p.name for p in dnnd.Corpus(dnnd.seeds()).people(organisation="VUFO")]
        ['Nguyễn Văn Doanh', 'Phan Anh Sơn']
        """
        organisation, title, name = _query(organisation, "organisation"), _query(title, "title"), _query(name, "name")
        question = ("people", organisation, title, name, positions)
        cached = self._index.answers.get(question)
        if cached is not None:
            return list(cached)
        ix = self._index
        if name is not None:
            people = [p for pid in self._person_ids(name) if (p := self._person_by_id(pid)) is not None]
        elif organisation is None and title is not None:
            people = self._all_people(sorted(_lookup(ix.people_by_title, name_key(title), title)))
        elif organisation is None:
            people = self._all_people(sorted(ix.people_fold))
        else:
            org_keys = self._org_keys(organisation)
            folds = set().union(*(ix.people_by_org.get(k, set()) for k in org_keys)) if org_keys else set()
            people = self._all_people(sorted(folds))
        if organisation is not None or title is not None:
            org_ids = {self._org_id(k) for k in self._org_keys(organisation)} if organisation is not None else set()
            people = [
                p
                for p in people
                if any(
                    (organisation is None or h.organisation_id in org_ids) and (title is None or _same(h.title, title))
                    for h in p.positions
                )
            ]
        if positions is not None:
            people = [p for p in people if bool(p.positions) is positions]
        people.sort(key=lambda p: (p.name, p.id))
        self._index.answers[question] = people
        return list(people)

    def positions_of(self, name: str, *, locality: str | None = None) -> list[HeldPosition]:
        """Every position the articles give the person called *name*, oldest first (undated last).

        >>> import dnnd
        >>> [(h.title, h.date.iso, h.source[:3]) for h in dnnd.Corpus(dnnd.seeds()).positions_of("Nguyễn Văn Doanh")]
        [('Phó Chủ tịch', '2022-07-14', '000'), ('Phó Chủ tịch', '2022-07-20', '003')]
        """
        person = self.person(name, locality=locality)
        return list(person.positions) if person else []

    def career(self, name: str, *, locality: str | None = None) -> list[Tenure]:
        """A person's posts, one :class:`Tenure` per post, ordered by the first date stated (undated last).

        >>> import dnnd
        >>> [str(t) for t in dnnd.Corpus(dnnd.seeds()).career("Nguyễn Văn Doanh")]
        ['Nguyễn Văn Doanh: Phó Chủ tịch Liên hiệp các tổ chức hữu nghị Việt Nam, 2022-07-14 - 2022-07-20']
        """
        return _tenures(self.positions_of(name, locality=locality))

    def holders(
        self,
        organisation: str,
        title: str | None = None,
        *,
        on: _dt.date | PartialDate | str | None = None,
    ) -> list[HeldPosition]:
        """Who held posts in *organisation* (optionally only *title*), and when, oldest first.

        With *on* (a day, a partial date or an ISO string): who held the post
        that day, one statement each (the latest at or before it). A person
        holds a post on a day when articles state it on or before that day
        and again on or after it; for a post one person holds at a time
        ("Chủ tịch"), the latest holder stated before the day holds it until
        another holder, or a "nguyên" statement, is dated.

        >>> import dnnd
        >>> [(h.person, h.source[:3]) for h in dnnd.Corpus(dnnd.seeds()).holders("VUFO", "Chủ tịch")]
        [('Phan Anh Sơn', '001')]
        """
        organisation, title = _query(organisation, "organisation") or "", _query(title, "title")
        question = ("holders", organisation, title)
        found = self._index.answers.get(question)
        if found is None:
            ix = self._index
            org_keys = self._org_keys(organisation)
            org_ids = {self._org_id(k) for k in org_keys}
            if title is None:
                folds = set().union(*(ix.people_by_org.get(k, set()) for k in org_keys)) if org_keys else set()
            else:  # only the names stated in that post
                want = name_key(title)
                if _unaccented(title):  # "pho chu tich": every post written with tones that fold to it
                    want_slug = slug(want)
                    folds = {
                        f
                        for (k, t), fs in ix.people_by_post.items()
                        if k in org_keys and slug(t) == want_slug
                        for f in fs
                    }
                else:
                    folds = set().union(*(ix.people_by_post.get((k, want), set()) for k in org_keys))
            found = sorted(
                (
                    h
                    for p in self._all_people(sorted(folds))
                    for h in p.positions
                    if h.organisation_id in org_ids and (title is None or _same(h.title, title))
                ),
                key=lambda h: (h.date is None, h.date.sort_key if h.date else (0, 0, 0), h.person),
            )
            ix.answers[question] = found
        if on is None:
            return list(found)
        day = ("holders on", organisation, title, str(on))
        held = self._index.answers.get(day)
        if held is None:
            held = self._index.answers[day] = _held_on(_tenures(found), on)
        return list(held)

    def succession(self, organisation: str, title: str = "Chủ tịch") -> list[Tenure]:
        """The holders of *title* in *organisation*, one :class:`Tenure` each, in the order they are first stated.

        >>> import dnnd
        >>> [(t.person, str(t.first)) for t in dnnd.Corpus(dnnd.seeds()).succession("VUFO", "Phó Chủ tịch")]
        [('Nguyễn Văn Doanh', '2022-07-14')]
        """
        question = ("succession", organisation, title)
        found = self._index.answers.get(question)
        if found is None:
            found = self._index.answers[question] = _tenures(self.holders(organisation, title))
        return list(found)

    def events(
        self,
        kind: EventKind | str | None = None,
        start: _dt.date | PartialDate | str | None = None,
        end: _dt.date | PartialDate | str | None = None,
        place: str | None = None,
        organiser: str | None = None,
        organiser_kind: OrganisationKind | str | None = None,
        *,
        reported: bool | None = True,
    ) -> list[CorpusEvent]:
        """Events by kind, date range, place and organiser, in date order: by default only those reported.

        An article *reports* its news and *mentions* history, the origins of
        anniversaries and plans (see :attr:`dnnd.model.Event.reported`);
        ``reported=True`` (the default) keeps the events some article reports,
        ``reported=False`` those every article only mentions, ``None`` all.

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
        place, organiser = _query(place, "place"), _query(organiser, "organiser")
        question = ("events", str(kind), str(start), str(end), place, organiser, str(organiser_kind), reported)
        cached = self._index.answers.get(question)
        if cached is not None:
            return list(cached)
        ix = self._index
        candidates: list[set[str]] = []
        if reported is True:
            candidates.append(ix.events_reported)
        want = _kind(kind, EventKind)
        if want is not None:
            candidates.append(ix.events_by_kind.get(want.value, set()))
        lo, hi = _as_date(start), _as_date(end, last=True)
        if lo is not None or hi is not None:
            first = lo.year if lo else min((y for y in ix.events_by_year if y is not None), default=0)
            last = hi.year if hi else max((y for y in ix.events_by_year if y is not None), default=0)
            candidates.append(set().union(*(ix.events_by_year.get(y, set()) for y in range(first, last + 1))))
        if place is not None:
            candidates.append(_lookup(ix.events_by_place, _place_key(place), place))
        if organiser is not None:
            org_keys = self._org_keys(organiser, central=False)
            if not org_keys:
                needle = name_key(organiser)
                org_keys = {k for k in ix.events_by_org if needle in name_key(self._org_display(k))}
            if not org_keys and _unaccented(organiser):  # "Lien hiep ..." written without diacritics
                needle = slug(name_key(organiser))
                org_keys = {k for k in ix.events_by_org if needle in slug(name_key(self._org_display(k)))}
            candidates.append(set().union(*(ix.events_by_org.get(k, set()) for k in org_keys)) if org_keys else set())
        if organiser_kind is not None:
            okind = OrganisationKind(organiser_kind)
            org_keys = ix.org_by_kind.get(okind.value, set())
            candidates.append(set().union(*(ix.events_by_org.get(k, set()) for k in org_keys)) if org_keys else set())
        candidates.sort(key=len)
        keys = set.intersection(*candidates) if candidates else set(ix.events)
        if reported is False:
            keys -= ix.events_reported
        found = []
        for k in keys:
            e = self._event(k)
            if lo is not None or hi is not None:
                span = _span_of(e.date, e.end_date)
                if span is None or (lo is not None and span[1] < lo) or (hi is not None and span[0] > hi):
                    continue
            found.append(e)
        found.sort(key=lambda e: (e.date.sort_key if e.date else (0, 0, 0), e.id))
        ix.answers[question] = found
        return list(found)


# ------------------------------------------------------------------ tenures


def _tenures(held: Sequence[HeldPosition]) -> list[Tenure]:
    """Group statements into one :class:`Tenure` per (person, title, body), ordered by first date (undated last)."""
    groups: dict[tuple[str, str, str], list[HeldPosition]] = {}
    for h in held:
        groups.setdefault(
            (h.person_id, name_key(h.title), h.organisation_id or name_key(h.organisation or "")), []
        ).append(h)
    out = []
    for statements in groups.values():
        statements.sort(key=lambda h: (h.date is None, h.date.sort_key if h.date else (0, 0, 0), h.source))
        current = [h.date for h in statements if h.date is not None and not h.former]
        former = [h.date for h in statements if h.date is not None and h.former]
        first = min(current, key=lambda d: d.sort_key) if current else None
        last = max(current, key=lambda d: d.sort_key) if current else None
        ended = min(
            (d for d in former if last is None or d.sort_key >= last.sort_key), key=lambda d: d.sort_key, default=None
        )
        h0 = next((h for h in statements if not h.former), statements[0])
        out.append(
            Tenure(
                person=h0.person,
                person_id=h0.person_id,
                title=h0.title,
                organisation=h0.organisation,
                organisation_id=h0.organisation_id,
                first=first,
                last=last,
                ended=ended,
                statements=tuple(statements),
            )
        )
    return sorted(out, key=lambda t: (t.first is None, t.first.sort_key if t.first else (0, 0, 0), t.person))


def _held_on(tenures: Sequence[Tenure], on: _dt.date | PartialDate | str) -> list[HeldPosition]:
    """The statements (one per person and post) of the tenures that cover the day *on*."""
    lo, hi = _as_date(on), _as_date(on, last=True)
    if lo is None or hi is None:
        return []
    out: list[HeldPosition] = []
    by_post: dict[tuple[str, str], list[Tenure]] = {}
    for t in tenures:
        by_post.setdefault((name_key(t.title), t.organisation_id or ""), []).append(t)
    for (title_key, _), group in by_post.items():
        sole = title_key in _SOLE
        started = [t for t in group if t.first is not None and (s := _as_date(t.first)) is not None and s <= hi]
        # the latest holder stated before the day holds a sole post until a later holder is dated
        latest = max((t.first.sort_key for t in started if t.first is not None), default=None)
        for t in started:
            last = _as_date(t.last, last=True) if t.last else None
            ended = _as_date(t.ended) if t.ended else None
            if ended is not None and ended <= lo:
                continue
            covers = last is not None and last >= lo
            if not covers and sole:
                covers = t.first is not None and t.first.sort_key == latest
            if covers:
                before = [
                    h for h in t.statements if h.date is not None and not h.former and (_as_date(h.date) or lo) <= hi
                ]
                out.append(before[-1] if before else t.statements[0])
    return sorted(out, key=lambda h: (h.person, h.title))


#: posts one person holds at a time in a body
_SOLE = frozenset(
    name_key(t)
    for t in (
        "Chủ tịch", "Tổng Bí thư", "Tổng Thư ký", "Giám đốc", "Bộ trưởng", "Trưởng ban",
        "Hiệu trưởng", "Thủ tướng", "Viện trưởng", "Chủ tịch nước", "Chủ nhiệm", "Bí thư",
    )
)  # fmt: skip
