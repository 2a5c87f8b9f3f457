"""The index: entity keys to the records that mention them, and the entities built from them.

Articles are indexed as they are added (linear in their records); each
merged entity is built on first use and kept until an added article
changes it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import attrs

from .. import registry
from ..model import Article, DocumentKind, Organisation, OrganisationKind, PartialDate, Span
from ._files import _Loader
from ._keys import (
    _bare_name,
    _best_name,
    _doc_key,
    _event_key,
    _fold_key,
    _nk,
    _place_key,
    _registry_by_name,
    _registry_org,
    _registry_orgs,
)
from ._records import (
    ArticleSummary,
    Citation,
    CorpusDocument,
    CorpusEvent,
    CorpusOrganisation,
    CorpusPerson,
    Evidence,
    HeldPosition,
    ReadFailure,
)

Ref = tuple[int, int]  # (article index, record index)


@attrs.define
class _Index:
    """Dicts from entity keys to the records that mention them (built incrementally)."""

    docs: dict[str, list[Ref]] = attrs.Factory(dict)
    orgs: dict[str, list[Ref]] = attrs.Factory(dict)
    org_names: dict[str, Counter[str]] = attrs.Factory(dict)
    org_alias: dict[str, set[str]] = attrs.Factory(dict)
    org_registry: dict[str, str] = attrs.Factory(dict)
    org_by_kind: dict[str, set[str]] = attrs.Factory(dict)
    org_by_place: dict[str, set[str]] = attrs.Factory(dict)
    people: dict[str, list[Ref]] = attrs.Factory(dict)
    people_by_org: dict[str, set[str]] = attrs.Factory(dict)
    people_by_title: dict[str, set[str]] = attrs.Factory(dict)
    events: dict[str, list[Ref]] = attrs.Factory(dict)
    events_by_kind: dict[str, set[str]] = attrs.Factory(dict)
    events_by_year: dict[int | None, set[str]] = attrs.Factory(dict)
    events_by_place: dict[str, set[str]] = attrs.Factory(dict)
    events_by_org: dict[str, set[str]] = attrs.Factory(dict)
    by_source: dict[str, int] = attrs.Factory(dict)
    # per article: organisation name -> entity key (to resolve positions and organisers)
    local_orgs: list[dict[str, str]] = attrs.Factory(list)
    cache: dict[str, Any] = attrs.Factory(dict)
    # answers to whole questions (cleared by every add)
    answers: dict[tuple[Any, ...], Any] = attrs.Factory(dict)
    loader: _Loader | None = None


def _add_to(index: dict[Any, set[str]], key: Any, value: str) -> None:
    index.setdefault(key, set()).add(value)


@attrs.define(init=False, repr=False)
class _Indexed:
    """The articles, the read failures and the index over them; builds merged entities on demand."""

    _articles: list[ArticleSummary]
    _errors: list[ReadFailure]
    _index: _Index = attrs.field(eq=False)

    def __init__(
        self, articles: Iterable[Article | ArticleSummary] = (), *, errors: Iterable[ReadFailure] = ()
    ) -> None:
        self._articles = []
        self._errors = list(errors)
        self._index = _Index()
        self.extend(articles)

    def extend(self, articles: Iterable[Article | ArticleSummary]) -> None:
        """Add several articles (see :meth:`add`)."""
        for article in articles:
            self.add(article)

    def add(self, article: Article | ArticleSummary) -> None:
        """Add one article: keep its summary and index its records."""
        ai = len(self._articles)
        if isinstance(article, ArticleSummary):
            summary = article
        else:  # a fresh parse: share strings and dates with the articles already here
            from ..serialize import converter

            if self._index.loader is None:
                self._index.loader = _Loader()
            raw = converter.unstructure(ArticleSummary.of(article))
            summary = self._index.loader(raw, ArticleSummary, article.source or "(unnamed)", ai + 1)
        self._articles.append(summary)
        ix = self._index
        ix.answers.clear()
        ix.by_source.setdefault(summary.label, ai)
        touched: list[str] = []
        local: dict[str, str] = {}
        for ri, org in enumerate(summary.organisations):
            key = self._org_entity(org)
            touched.append(key)
            local[org.name] = key
            ix.orgs.setdefault(key, []).append((ai, ri))
            ix.org_names.setdefault(key, Counter())[org.name] += 1
            for alias in (org.name, org.abbreviation, *org.aliases):
                if alias:
                    _add_to(ix.org_alias, _nk(alias), key)
            _add_to(ix.org_by_kind, org.kind.value, key)
            if org.locality:
                _add_to(ix.org_by_place, _place_key(org.locality), key)
        ix.local_orgs.append(local)
        for ri, doc in enumerate(summary.documents):
            dkey = _doc_key(doc)
            if dkey is not None:
                ix.docs.setdefault(dkey, []).append((ai, ri))
                touched.append(dkey)
        for ri, person in enumerate(summary.people):
            pkey = "person:" + _fold_key(_bare_name(person.name))
            ix.people.setdefault(pkey, []).append((ai, ri))
            touched.append(pkey)
            for pos in person.positions:
                _add_to(ix.people_by_title, _nk(pos.title), pkey)
                if pos.organisation:
                    _add_to(ix.people_by_org, local.get(pos.organisation) or self._org_key_of(pos.organisation), pkey)
        for ri, event in enumerate(summary.events):
            ekey = _event_key(event)
            ix.events.setdefault(ekey, []).append((ai, ri))
            touched.append(ekey)
            _add_to(ix.events_by_kind, event.kind.value, ekey)
            _add_to(ix.events_by_year, event.date.year if event.date else None, ekey)
            if event.end_date is not None and event.end_date.year and event.date and event.date.year:
                for year in range(event.date.year + 1, event.end_date.year + 1):
                    _add_to(ix.events_by_year, year, ekey)
            if event.location:
                _add_to(ix.events_by_place, _place_key(event.location), ekey)
            for name in event.organisers:
                _add_to(ix.events_by_org, local.get(name) or self._org_key_of(name), ekey)
        self._invalidate(touched)

    def _invalidate(self, keys: Iterable[str]) -> None:
        """Forget the built entities an added article changes (all of them if an organisation is renamed)."""
        cache = self._index.cache
        if not cache:
            return
        cache.pop("conflicts", None)
        for key in keys:
            cache.pop(key, None)
            old = cache.pop("name:" + key, None)
            if old is not None and self._org_name(key) != old:
                cache.clear()  # positions and organisers elsewhere carry the old name
                return

    def _org_entity(self, org: Organisation) -> str:
        """Return the entity key of an article's organisation record (registry first, then its name)."""
        reg = _registry_org(org)
        if reg is not None:
            key = "org:" + _fold_key(reg.name)
            self._index.org_registry[key] = reg.id
            return key
        return "org:" + _fold_key(org.name)

    def _org_key_of(self, name: str) -> str:
        reg = _registry_by_name(name)
        return "org:" + _fold_key(reg.name if reg else name)

    def _document(self, key: str) -> CorpusDocument:
        cached = self._index.cache.get(key)
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        refs = self._index.docs[key]
        cites: list[Citation] = []
        for ai, ri in refs:
            art = self._articles[ai]
            d = art.documents[ri]
            cites.append(
                Citation(
                    document_id=key,
                    source=art.label,
                    number=d.number,
                    kind=d.kind,
                    type_word=d.type_word,
                    date=d.date,
                    issuer=d.issuer,
                    title=d.title,
                    published=art.published,
                    spans=d.mentions,
                )
            )
        reg = self._registry_document(key)
        kinds = Counter(c.kind for c in cites)
        kind = DocumentKind(reg.kind) if reg else kinds.most_common(1)[0][0]
        dates = Counter(c.date for c in cites if c.date)
        issuers = Counter(c.issuer for c in cites if c.issuer)
        titles = Counter(c.title for c in cites if c.title)
        doc = CorpusDocument(
            id=key,
            number=reg.number if reg else cites[0].number,
            kind=kind,
            date=PartialDate.from_date(reg.date)
            if reg and reg.date
            else (dates.most_common(1)[0][0] if dates else None),
            issuer=reg.issuer if reg and reg.issuer else (issuers.most_common(1)[0][0] if issuers else None),
            title=reg.title if reg and reg.title else (titles.most_common(1)[0][0] if titles else None),
            registry_id=reg.id if reg else None,
            citations=tuple(cites),
        )
        self._index.cache[key] = doc
        return doc

    def _registry_document(self, key: str) -> registry.RegistryDocument | None:
        ai, ri = self._index.docs[key][0]
        first = self._articles[ai].documents[ri]
        for ai, ri in self._index.docs[key]:
            d = self._articles[ai].documents[ri]
            if d.registry_id:
                found = [r for r in registry.documents() if r.id == d.registry_id]
                if found:
                    return found[0]
        if not first.number:
            return None
        candidates = registry.find_document(first.number)
        same_kind = [r for r in candidates if r.kind == first.kind.value]
        if len(same_kind) == 1:
            return same_kind[0]
        return candidates[0] if len(candidates) == 1 else None

    def _organisation(self, key: str) -> CorpusOrganisation:
        cached = self._index.cache.get(key)
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        refs = self._index.orgs[key]
        records = [(self._articles[ai], self._articles[ai].organisations[ri]) for ai, ri in refs]
        reg_id = self._index.org_registry.get(key)
        reg = _registry_orgs().get(reg_id) if reg_id else None
        name = self._org_name(key)
        abbreviation = (
            reg.abbreviation
            if reg and reg.abbreviation
            else next((o.abbreviation for _, o in records if o.abbreviation), None)
        )
        aliases = {a for _, o in records for a in (o.name, *o.aliases)} | (set(reg.aliases) if reg else set())
        aliases -= {name, abbreviation}
        kinds = Counter(o.kind for _, o in records)
        localities = Counter(o.locality for _, o in records if o.locality)
        evidence = _merge_evidence((art, o.mentions) for art, o in records)
        org = CorpusOrganisation(
            id=key,
            name=name,
            kind=OrganisationKind(reg.kind) if reg else kinds.most_common(1)[0][0],
            abbreviation=abbreviation,
            aliases=frozenset(a for a in aliases if a),
            locality=(reg.locality if reg and reg.locality else None)
            or (localities.most_common(1)[0][0] if localities else None),
            registry_id=reg.id if reg else None,
            evidence=evidence,
        )
        self._index.cache[key] = org
        return org

    def _org_keys(self, name: str) -> set[str]:
        """Entity keys an organisation query names: registry match, name key, then aliases."""
        ix = self._index
        reg = _registry_by_name(name)
        if reg is not None:
            key = "org:" + _fold_key(reg.name)
            if key in ix.orgs:
                return {key}
        key = "org:" + _fold_key(name)
        if key in ix.orgs:
            return {key}
        return set(ix.org_alias.get(_nk(name), ()))

    def _person(self, key: str) -> CorpusPerson:
        cached = self._index.cache.get(key)
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        refs = self._index.people[key]
        records = [(ai, self._articles[ai], self._articles[ai].people[ri]) for ai, ri in refs]
        forms: Counter[str] = Counter()
        for _, _, p in records:
            forms[_bare_name(p.name)] += 1
        name = _best_name(forms, person=True)
        aliases = {a for _, _, p in records for a in (p.name, *p.aliases)} - {name}
        held: dict[tuple[int, str, str | None, bool], HeldPosition] = {}
        for ai, art, p in records:
            local = self._index.local_orgs[ai]
            for pos in p.positions:
                org_key = (
                    (local.get(pos.organisation) or self._org_key_of(pos.organisation)) if pos.organisation else None
                )
                org_name = self._org_name(org_key) if org_key and org_key in self._index.orgs else pos.organisation
                ident = (ai, _nk(pos.title), org_key or pos.organisation, pos.former)
                if ident in held:  # the same post stated twice in one article (a repeated mention)
                    prev = held[ident]
                    held[ident] = attrs.evolve(prev, spans=tuple(sorted({*prev.spans, *pos.mentions})))
                    continue
                held[ident] = HeldPosition(
                    person=name,
                    person_id=key,
                    title=pos.title,
                    organisation=org_name,
                    organisation_id=org_key,
                    former=pos.former,
                    date=art.as_of,
                    source=art.label,
                    spans=pos.mentions,
                )
        positions = sorted(held.values(), key=lambda h: h.date.sort_key if h.date else (0, 0, 0))
        person = CorpusPerson(
            id=key,
            name=name,
            aliases=frozenset(aliases),
            positions=tuple(positions),
            evidence=_merge_evidence((art, p.mentions) for _, art, p in records),
        )
        self._index.cache[key] = person
        return person

    def _event(self, key: str) -> CorpusEvent:
        cached = self._index.cache.get(key)
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        refs = self._index.events[key]
        records = [(ai, self._articles[ai], self._articles[ai].events[ri]) for ai, ri in refs]
        first = records[0][2]
        organisers: dict[str, str] = {}
        for ai, _, e in records:
            local = self._index.local_orgs[ai]
            for name in e.organisers:
                okey = local.get(name) or self._org_key_of(name)
                organisers.setdefault(okey, self._org_name(okey) if okey in self._index.orgs else name)
        event = CorpusEvent(
            id=key,
            kind=first.kind,
            date=first.date,
            end_date=next((e.end_date for _, _, e in records if e.end_date), None),
            location=next((e.location for _, _, e in records if e.location), None),
            organisers=tuple(organisers.values()),
            organiser_ids=tuple(organisers),
            title=next((e.title for _, _, e in records if e.title), None),
            evidence=_merge_evidence((art, e.mentions) for _, art, e in records),
        )
        self._index.cache[key] = event
        return event

    def _org_display(self, key: str) -> str:
        return self._org_name(key) if key in self._index.orgs else key.removeprefix("org:")

    def _org_name(self, key: str) -> str:
        """Return the canonical name of an organisation entity without building the whole entity."""
        cache_key = "name:" + key
        name = self._index.cache.get(cache_key)
        if name is None:
            reg_id = self._index.org_registry.get(key)
            reg = _registry_orgs().get(reg_id) if reg_id else None
            name = reg.name if reg else _best_name(self._index.org_names[key])
            self._index.cache[cache_key] = name
        return str(name)


def _merge_evidence(items: Iterable[tuple[ArticleSummary, tuple[Span, ...]]]) -> tuple[Evidence, ...]:
    """Return one :class:`Evidence` per article (spans of repeated records joined)."""
    merged: dict[str, tuple[PartialDate | None, list[tuple[Span, ...]]]] = {}
    for art, spans in items:
        entry = merged.get(art.label)
        if entry is None:
            entry = merged[art.label] = (art.as_of, [])
        entry[1].append(spans)
    return tuple(Evidence(source=s, published=d, spans=_join_spans(sp)) for s, (d, sp) in merged.items())


def _join_spans(groups: list[tuple[Span, ...]]) -> tuple[Span, ...]:
    if len(groups) == 1:
        return groups[0]  # already sorted by the record
    return tuple(sorted(set().union(*groups), key=lambda s: (s.start, s.end)))
