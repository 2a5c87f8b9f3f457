"""The index: entity keys to the records that mention them, and the entities built from them.

Articles are indexed as they are added (linear in their records); each
merged entity is built on first use and kept until an added article
changes it. Organisations are keyed by their identity (head and locality,
see :mod:`dnnd.corpus._identity`); people by their exact name, clustered
into persons on first use (see :mod:`dnnd.corpus._people`). Overrides act
here: merges and splits remap keys, drops skip records, date fixes correct
the article before it is indexed.
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from .. import registry
from ..errors import OverrideError
from ..model import (
    Article,
    CongressResolution,
    DocumentKind,
    OrganisationKind,
    PartialDate,
    Person,
    Span,
)
from ..normalise import _fold_of_key, fold_key, name_key, place_key, slug
from ._codec import FastReader, unstructure
from ._conflicts import SOLE_TITLES, title_family
from ._files import _Loader
from ._identity import (
    Locality,
    OrgIdentity,
    consistent_aliases,
    head_key,
    name_identity,
    org_identity,
    parse_locality,
    province_locality,
)
from ._keys import (
    _bare_name,
    _best_name,
    _bulk,
    _doc_key,
    _event_key,
    _place_key,
    _registry_orgs,
)
from ._overrides import DateFix, EntityRef, Override, Overrides
from ._people import Cluster, PersonInfo, cluster
from ._records import (
    ArticleSummary,
    Citation,
    CorpusCongress,
    CorpusDocument,
    CorpusEvent,
    CorpusOrganisation,
    CorpusPerson,
    Evidence,
    HeldPosition,
    ReadFailure,
)

Ref = tuple[int, int]  # (article index, record index)


def _era(day: _dt.date | None) -> _dt.date | None:
    """The one day that stands for *day*'s side of the provincial changes of 2025 (for cache hits)."""
    if day is None:
        return None
    if day < _dt.date(2025, 1, 1):
        return _dt.date(2024, 12, 31)
    if day < _dt.date(2025, 7, 1):
        return _dt.date(2025, 6, 30)
    return _dt.date(2025, 7, 1)


def _day(art: ArticleSummary) -> _dt.date | None:
    when = art.as_of
    if when is None or when.year is None:
        return None
    return when.to_date() or _dt.date(when.year, when.month or 1, 1)


# ------------------------------------------------------------------ overrides, compiled


@attrs.define
class _Plan:
    """What an :class:`Overrides` does, in keys: computed once per build from the unmodified corpus."""

    overrides: Overrides
    org_map: dict[str, str] = attrs.Factory(dict)  # raw identity key -> entity key (merges)
    org_split: dict[tuple[str, str], str] = attrs.Factory(dict)  # (source, raw key) -> split key
    org_drop: set[str] = attrs.Factory(set)
    org_drop_in: set[tuple[str, str]] = attrs.Factory(set)
    org_names: dict[str, str] = attrs.Factory(dict)  # entity key -> name
    published: dict[str, PartialDate] = attrs.Factory(dict)  # source -> corrected date
    events: list[DateFix] = attrs.Factory(list)
    person_merges: list[tuple[EntityRef, ...]] = attrs.Factory(list)
    person_splits: list[tuple[EntityRef, tuple[str, ...], str, str | None]] = attrs.Factory(list)
    person_split_where: dict[str, str] = attrs.Factory(dict)  # split label -> where the entry is
    person_names: list[tuple[EntityRef, str]] = attrs.Factory(list)
    person_drops: list[EntityRef] = attrs.Factory(list)
    person_orgs: dict[str, set[str]] = attrs.Factory(dict)  # organisation name of a person ref -> entity keys

    def org_key(self, source: str, raw: str) -> str | None:
        """The entity key of a record whose identity key is *raw*, in *source*; ``None`` when dropped."""
        key = self.org_split.get((source, raw), raw)
        key = self.org_map.get(key, key)
        if key in self.org_drop or (source, key) in self.org_drop_in or (source, raw) in self.org_drop_in:
            return None
        return key


# ------------------------------------------------------------------ the index


@attrs.define
class _Index:
    """Dicts from entity keys to the records that mention them (built incrementally)."""

    arts: list[ArticleSummary] = attrs.Factory(list)  # the articles as indexed (date fixes applied)
    docs: dict[str, list[Ref]] = attrs.Factory(dict)
    orgs: dict[str, list[Ref]] = attrs.Factory(dict)
    org_ident: dict[str, OrgIdentity] = attrs.Factory(dict)
    org_names: dict[str, Counter[str]] = attrs.Factory(dict)
    org_alias: dict[str, set[str]] = attrs.Factory(dict)
    org_fold: dict[str, set[str]] = attrs.Factory(dict)
    org_by_kind: dict[str, set[str]] = attrs.Factory(dict)
    org_by_place: dict[str, set[str]] = attrs.Factory(dict)
    org_slug: dict[str, set[str]] = attrs.Factory(dict)
    people: dict[str, list[Ref]] = attrs.Factory(dict)  # exact name key -> records
    people_fold: dict[str, set[str]] = attrs.Factory(dict)  # fold -> exact name keys
    person_fold: dict[Ref, str] = attrs.Factory(dict)  # records moved to another name by a merge
    people_by_org: dict[str, set[str]] = attrs.Factory(dict)  # org key -> folds
    people_by_title: dict[str, set[str]] = attrs.Factory(dict)  # title key -> folds
    people_by_post: dict[tuple[str, str], set[str]] = attrs.Factory(dict)  # (org key, title key) -> folds
    # sole posts stated for a day: (org key, title key, day) -> the names stating them
    post_days: dict[tuple[str, str, str], list[str]] = attrs.Factory(dict)
    # (fold, org key, ladder, day) -> the first title stated; names given two titles of one ladder on a day
    ladder_days: dict[tuple[str, str, str, str], str] = attrs.Factory(dict)
    ladder_clashes: set[str] = attrs.Factory(set)
    org_by_head: dict[str, set[str]] = attrs.Factory(dict)  # head key (local form) -> org keys
    org_kinds: dict[str, set[str]] = attrs.Factory(dict)  # org key -> the kinds its records give it
    place_names: dict[str, str] = attrs.Factory(dict)  # locality key -> its name
    org_by_registry: dict[str, str] = attrs.Factory(dict)  # registry id -> org key
    stated: dict[str, list[tuple[int, int]]] = attrs.Factory(dict)  # org key -> (article, relation) stated of it
    # the links of each organisation, built on first use (forgotten when a new body or statement arrives)
    relations_of: dict[str, list[Any]] = attrs.Factory(dict)
    events: dict[str, list[Ref]] = attrs.Factory(dict)
    events_by_kind: dict[str, set[str]] = attrs.Factory(dict)
    events_by_year: dict[int | None, set[str]] = attrs.Factory(dict)
    events_by_place: dict[str, set[str]] = attrs.Factory(dict)
    events_by_org: dict[str, set[str]] = attrs.Factory(dict)
    events_reported: set[str] = attrs.Factory(set)
    congresses: dict[str, list[Ref]] = attrs.Factory(dict)
    # records already indexed once (key, name, aliases, abbreviation, kind) -> the names they count
    org_seen: dict[tuple[Any, ...], tuple[str, ...]] = attrs.Factory(dict)
    # where the keys of names without diacritics were filed (to move them to their written form)
    org_entries: dict[str, list[tuple[dict[str, set[str]], str]]] = attrs.Factory(dict)
    by_source: dict[str, list[int]] = attrs.Factory(dict)
    # per article: organisation record name -> entity key (to resolve positions and organisers)
    local_orgs: list[dict[str, str]] = attrs.Factory(list)
    article_place: list[str | None] = attrs.Factory(list)
    cache: dict[str, Any] = attrs.Factory(dict)
    # answers to whole questions (cleared by every add)
    answers: dict[tuple[Any, ...], Any] = attrs.Factory(dict)
    loader: _Loader | None = None
    reader: FastReader | None = None
    plan: _Plan | None = None


def _add_to(index: dict[Any, set[str]], key: Any, value: str) -> None:
    found = index.get(key)
    if found is None:
        index[key] = {value}
    else:
        found.add(value)


def _short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]


@attrs.define(init=False, repr=False)
class _Indexed:
    """The articles, the read failures and the index over them; builds merged entities on demand."""

    _articles: list[ArticleSummary]
    _errors: list[ReadFailure]
    _index: _Index = attrs.field(eq=False)
    _overrides: Overrides | None

    def __init__(
        self,
        articles: Iterable[Article | ArticleSummary] = (),
        *,
        errors: Iterable[ReadFailure] = (),
        overrides: Overrides | None = None,
    ) -> None:
        self._articles = []
        self._errors = list(errors)
        self._index = _Index()
        self._overrides = None
        self.extend(articles)
        if overrides:
            self.apply_overrides(overrides)

    # ---------------------------------------------------------- building

    def extend(self, articles: Iterable[Article | ArticleSummary]) -> None:
        """Add several articles (see :meth:`add`)."""
        with _bulk():
            for article in articles:
                self.add(article)

    def add(self, article: Article | ArticleSummary) -> None:
        """Add one article: keep its summary and index its records (corrected by the overrides, if any)."""
        ai = len(self._articles)
        if isinstance(article, ArticleSummary):
            summary = article
        else:  # a fresh parse: share strings, dates and spans with the articles already here
            if self._index.reader is None:
                self._index.reader = FastReader()
            raw = unstructure(ArticleSummary.of(article))
            try:
                summary = self._index.reader.article(raw)
            except Exception:  # the checked path (cattrs) gives the same objects or says what is wrong
                if self._index.loader is None:
                    self._index.loader = _Loader()
                summary = self._index.loader(raw, ArticleSummary, article.source or "(unnamed)", ai + 1)
        self._articles.append(summary)
        self._index_article(ai, summary)

    def _index_article(self, ai: int, summary: ArticleSummary) -> None:
        ix = self._index
        plan = ix.plan
        art = self._corrected(summary) if plan is not None else summary
        ix.arts.append(art)
        ix.answers.clear()
        ix.by_source.setdefault(art.label, []).append(ai)
        touched: list[str] = []
        local: dict[str, str] = {}
        on = _era(_day(art))
        places: Counter[str] = Counter()
        for ri, org in enumerate(art.organisations):
            ident = org_identity(org.name, tuple(sorted(org.aliases)), org.registry_id, on)
            key: str | None = ident.key
            if plan is not None:
                key = plan.org_key(art.label, ident.key)
                if key is None:
                    continue
                if key != ident.key and key not in ix.org_ident:
                    ident = self._split_identity(key, ident)
            assert key is not None
            if org.name.isascii() and key not in ix.orgs:
                # a name that lost its diacritics joins the one written form it folds to, if only one
                written = {k for k in ix.org_fold.get(fold_key(org.name), ()) if not k.isascii()}
                if len(written) == 1:
                    key = written.pop()
            touched.append(key)
            local[org.name] = key
            new = key not in ix.orgs
            if new:
                ix.relations_of.clear()
                ix.orgs[key] = []
                ix.org_ident[key] = ident
                base = self._org_base_id(key, ident)
                _add_to(ix.org_slug, base, key)
                _add_to(ix.org_by_head, head_key(ident.head, local=True), key)
                if ident.registry_id is not None and "#" not in key:
                    ix.org_by_registry.setdefault(ident.registry_id, key)
                if ident.locality is not None:
                    self._add_org_entry(ix.org_by_place, name_key(ident.locality.name), key)
                    ix.place_names.setdefault(ident.locality.key, ident.locality.name)
            ix.orgs[key].append((ai, ri))
            ident = ix.org_ident[key]
            if ident.locality is not None:
                places[ident.locality.key] += 1
            names = ix.org_names.get(key)
            if names is None:
                names = ix.org_names[key] = Counter()
            signature = (key, org.name, org.aliases, org.abbreviation, org.kind)
            seen = ix.org_seen.get(signature)
            if seen is not None:  # the same record seen before: only count its names again
                for n in seen:
                    names[n] += 1
                continue
            anywhere, _ = consistent_aliases(ident, (org.name, *sorted(org.aliases)), on)
            if new and ix.org_entries and not key.isascii():
                self._absorb_unwritten(key, anywhere)
            counted = (org.name,) if org.name in anywhere else tuple(anywhere)  # a short name: those with the locality
            ix.org_seen[signature] = counted
            for n in counted:
                names[n] += 1
            for alias in (*anywhere, *((org.abbreviation,) if org.abbreviation and ident.locality is None else ())):
                self._add_org_entry(ix.org_alias, name_key(alias), key)
                self._add_org_entry(ix.org_fold, fold_key(alias), key)
            if key.isascii() and not anywhere:
                self._add_org_entry(ix.org_fold, fold_key(org.name), key)
            self._add_org_entry(ix.org_by_kind, org.kind.value, key)
            _add_to(ix.org_kinds, key, org.kind.value)
        ix.local_orgs.append(local)
        ix.article_place.append(places.most_common(1)[0][0] if places else None)
        for rn, rel in enumerate(art.relations):
            if rel.subject < len(art.organisations) and rel.object < len(art.organisations):
                for end in (art.organisations[rel.subject].name, art.organisations[rel.object].name):
                    if end in local:
                        ix.stated.setdefault(local[end], []).append((ai, rn))
                        ix.relations_of.clear()
        for ri, doc in enumerate(art.documents):
            dkey = _doc_key(doc)
            if dkey is not None:
                ix.docs.setdefault(dkey, []).append((ai, ri))
                touched.append(dkey)
        for ri, congress in enumerate(art.congress_resolutions):
            ckey = _congress_key(congress)
            ix.congresses.setdefault(ckey, []).append((ai, ri))
            touched.append(ckey)
        for ri, person in enumerate(art.people):
            if plan is not None and plan.person_drops and self._dropped(plan, ai, art, person):
                continue
            exact = name_key(_bare_name(person.name))
            ix.people.setdefault(exact, []).append((ai, ri))
            fold = self._fold_of(plan, ai, ri, art, person, exact)
            if fold != _fold_of_key(exact):  # exact is a name key already
                ix.person_fold[(ai, ri)] = fold
            _add_to(ix.people_fold, fold, exact)
            touched.append("pc:" + fold)
            iso: str | None = None
            if person.positions:
                day, _ = _position_date(art, ri)
                if day is not None and day.day is not None:
                    iso = day.iso
            for pos in person.positions:
                title = name_key(pos.title)
                _add_to(ix.people_by_title, title, fold)
                if pos.organisation:
                    okey = local.get(pos.organisation) or self._org_key_of(pos.organisation)
                    _add_to(ix.people_by_org, okey, fold)
                    _add_to(ix.people_by_post, (okey, title), fold)
                    if iso is not None and not pos.former:
                        # where two statements of one day may disagree (see conflicts())
                        if title in SOLE_TITLES:
                            ix.post_days.setdefault((okey, title, iso), []).append(fold)
                        ladder = (fold, okey, title_family(pos.title), iso)
                        first = ix.ladder_days.get(ladder)
                        if first is None:
                            ix.ladder_days[ladder] = title
                        elif first != title:
                            ix.ladder_clashes.add(fold)
        for ri, event in enumerate(art.events):
            ekey = _event_key(event)
            ix.events.setdefault(ekey, []).append((ai, ri))
            touched.append(ekey)
            if event.reported:
                ix.events_reported.add(ekey)
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

    def _add_org_entry(self, index: dict[str, set[str]], name: str, key: str) -> None:
        """Add *key* under *name*; remember where an unwritten (diacritic-less) key went, to move it later."""
        _add_to(index, name, key)
        if key.isascii():
            self._index.org_entries.setdefault(key, []).append((index, name))

    def _absorb_unwritten(self, key: str, names: Sequence[str]) -> None:
        """Join the entities named without diacritics that fold to one of *names* into *key*, when it is the only written one."""
        ix = self._index
        for name in names:
            fold = fold_key(name)
            group = ix.org_fold.get(fold, set())
            if any(k != key and not k.isascii() for k in group):
                continue
            for old in [k for k in group if k.isascii() and k != key and k in ix.orgs]:
                refs = ix.orgs.pop(old)
                for ai, ri in refs:
                    local = ix.local_orgs[ai] if ai < len(ix.local_orgs) else None
                    record = ix.arts[ai].organisations[ri].name
                    if local is not None and local.get(record) == old:
                        local[record] = key
                ix.orgs[key] = sorted([*refs, *ix.orgs[key]])
                ix.org_names.setdefault(key, Counter()).update(ix.org_names.pop(old, Counter()))
                ident = ix.org_ident.pop(old)
                ix.org_slug.get(self._org_base_id(old, ident), set()).discard(old)
                for index, entry in ix.org_entries.pop(old, []):
                    index[entry].discard(old)
                    index[entry].add(key)
                for by_org in (ix.people_by_org, ix.events_by_org):
                    if old in by_org:
                        by_org.setdefault(key, set()).update(by_org.pop(old))
                ix.cache.clear()

    def _invalidate(self, keys: Iterable[str]) -> None:
        """Forget the built entities an added article changes (all of them if an organisation is renamed)."""
        cache = self._index.cache
        if not cache:
            return
        for name in ("conflicts", "relations", "person-ids"):
            cache.pop(name, None)
        for key in keys:
            cache.pop(key, None)
            old = cache.pop("name:" + key, None)
            if old is not None and self._org_name(key) != old:
                cache.clear()  # positions and organisers elsewhere carry the old name
                return

    def _org_key_of(self, name: str) -> str:
        """The entity key a bare name (not a record of the article) stands for."""
        key = name_identity(name).key
        if self._index.plan is not None:
            key = self._index.plan.org_map.get(key, key)
        return key

    def _split_identity(self, key: str, ident: OrgIdentity) -> OrgIdentity:
        """The identity of an entity an override split off or merged into another."""
        base = key.split("#", 1)[0]
        found = self._index.org_ident.get(base)
        return attrs.evolve(found or ident, head=ident.head if found is None else found.head)

    # ---------------------------------------------------------- overrides

    @property
    def overrides(self) -> Overrides | None:
        """The overrides applied to this corpus (see :meth:`apply_overrides`), or ``None``."""
        return self._overrides

    def apply_overrides(self, overrides: Overrides | None) -> None:
        """Correct the corpus with *overrides* (replacing any applied before); ``None`` removes them.

        Every build of the corpus applies them again: articles added later are
        corrected too, and :meth:`save` keeps them with the articles so that
        :meth:`load` gives the corrected corpus. Raises
        :class:`~dnnd.errors.OverrideError` when an entry matches nothing (or
        an organisation name fits several bodies), naming the file and entry;
        the corpus is then left as it was.
        """
        previous = self._overrides
        self._overrides = None
        self._rebuild(None)
        if not overrides:
            return
        try:
            plan = self._compile(overrides)
        except OverrideError:
            self._overrides = previous
            self._rebuild(self._compile(previous) if previous else None)
            raise
        self._overrides = overrides
        self._rebuild(plan)
        self._check_people(plan)

    def _rebuild(self, plan: _Plan | None) -> None:
        self._index = _Index(loader=self._index.loader, reader=self._index.reader, plan=plan)
        with _bulk():
            for ai, summary in enumerate(self._articles):
                self._index_article(ai, summary)

    def _corrected(self, art: ArticleSummary) -> ArticleSummary:
        plan = self._index.plan
        assert plan is not None
        published = plan.published.get(art.label)
        if published is not None:
            art = attrs.evolve(art, published=published)
        fixes = [f for f in plan.events if f.source == art.label]
        if fixes:
            events = list(art.events)
            for fix in fixes:
                for i, e in enumerate(events):
                    if e.date == fix.event and (fix.kind is None or e.kind is fix.kind):
                        events[i] = attrs.evolve(e, date=fix.to, end_date=None if e.end_date == e.date else e.end_date)
            art = attrs.evolve(art, events=tuple(events))
        return art

    def _compile(self, overrides: Overrides) -> _Plan:
        """Resolve every entry against the corpus as it stands (without overrides) into keys."""
        plan = _Plan(overrides=overrides)
        problems: list[str] = []
        parent: dict[str, str] = {}

        def find(k: str) -> str:
            while parent.get(k, k) != k:
                k = parent[k]
            return k

        for fix in overrides.dates:
            arts = [self._articles[ai] for ai in self._index.by_source.get(fix.source, [])]
            if not arts:
                problems.append(f"{fix.where}: no article {fix.source!r} in the corpus")
            elif fix.published is not None:
                plan.published[fix.source] = fix.published
            elif not any(
                e.date == fix.event and (fix.kind is None or e.kind is fix.kind) for a in arts for e in a.events
            ):
                what = f"{fix.kind.value} event" if fix.kind else "event"
                problems.append(f"{fix.where}: no {what} dated {fix.event} in {fix.source}")
            else:
                plan.events.append(fix)
        order = {"split": 0, "merge": 1, "rename": 2, "drop": 3}  # splits first: a merge may name a split-off part
        numbered = sorted(enumerate(overrides.entries, start=1), key=lambda ne: order[ne[1].action])
        for n, entry in numbered:
            try:
                if entry.refs[0].kind == "person":
                    self._compile_person(plan, entry, n)
                else:
                    self._compile_org(plan, entry, n, find, parent)
            except OverrideError as err:
                problems.append(str(err))
        if problems:
            raise OverrideError("; ".join(problems))
        for raw in list(parent):
            plan.org_map[raw] = find(raw)
        plan.org_names = {find(k): v for k, v in plan.org_names.items()}
        plan.org_drop = {find(k) for k in plan.org_drop}
        return plan

    def _compile_org(self, plan: _Plan, entry: Override, n: int, find: Any, parent: dict[str, str]) -> None:
        keys = [self._resolve_org(ref, entry.where, plan) for ref in entry.refs]
        if entry.action == "merge":
            target = find(keys[0])
            for k in keys[1:]:
                root = find(k)
                if root != target:
                    parent[root] = target
        elif entry.action == "split":
            (key,) = keys
            new = f"{key}#split{n}"
            for source in entry.sources:
                if not any(self._articles[ai].label == source for ai, _ in self._index.orgs[key]):
                    raise OverrideError(
                        f"{entry.where}: {entry.refs[0].describe()} is not named in {source!r}, nothing to split off"
                    )
                plan.org_split[(source, key)] = new
            if entry.to:
                plan.org_names[new] = entry.to
        elif entry.action == "rename":
            assert entry.to is not None
            plan.org_names[keys[0]] = entry.to
        elif entry.refs[0].source:  # drop in one article
            plan.org_drop_in.add((entry.refs[0].source, keys[0]))
        else:
            plan.org_drop.add(keys[0])

    def _resolve_org(self, ref: EntityRef, where: str, plan: _Plan | None = None) -> str:
        """The key of the organisation *ref* names, as the corpus stands; :class:`OverrideError` unless one.

        A name in one article (*ref.source*) stands for the part an earlier
        split of *plan* took off, if any.
        """
        ix = self._index
        found: set[str] = set()
        if ref.source is not None:
            ais = ix.by_source.get(ref.source, [])
            if not ais:
                raise OverrideError(f"{where}: no article {ref.source!r} in the corpus")
            want, want_fold = name_key(ref.name), fold_key(ref.name)
            for ai in ais:
                art = self._articles[ai]
                on = _era(_day(art))
                for org in art.organisations:
                    names = (org.name, org.abbreviation or "", *org.aliases)
                    if any(name_key(x) == want for x in names) or any(fold_key(x) == want_fold for x in names if x):
                        raw = org_identity(org.name, tuple(sorted(org.aliases)), org.registry_id, on).key
                        found.add(plan.org_split.get((ref.source, raw), raw) if plan is not None else raw)
        else:
            ident = name_identity(ref.name)
            if ref.locality is not None:
                ident = self._with_locality(ref.name, ref.locality)
            if ident.key in ix.orgs:
                found = {ident.key}
            else:
                found = set(ix.org_alias.get(name_key(ref.name), ())) or set(ix.org_fold.get(fold_key(ref.name), ()))
        if ref.locality is not None and len(found) > 1:
            loc = self._with_locality(ref.name, ref.locality).locality
            found = {k for k in found if loc is not None and ix.org_ident[k].locality == loc}
        if not found and ref.source is None:
            # a name without its locality fits every body of that kind: say which
            head, place = parse_locality(ref.name)
            if place is None:
                wanted = head_key(head, local=True)
                found = {
                    k
                    for k, i in ix.org_ident.items()
                    if i.locality is not None and head_key(i.head, local=True) == wanted
                }
                if len(found) == 1:
                    found = set()  # one body of that kind today, maybe more tomorrow: the name alone does not say
        if not found:
            raise OverrideError(f"{where}: {ref.describe()} matches no organisation in the corpus")
        if len(found) > 1:
            fits = sorted(
                self._org_name(k) + (f" ({ix.org_ident[k].locality})" if ix.org_ident[k].locality else "")
                for k in found
            )
            raise OverrideError(
                f"{where}: {ref.describe()} fits {len(found)} organisations ({'; '.join(fits)}): add 'locality' or 'source'"
            )
        return found.pop()

    @staticmethod
    def _with_locality(name: str, locality: str) -> OrgIdentity:
        ident = name_identity(name)
        if ident.locality is not None:
            return ident
        where = province_locality(locality, None) or Locality(level="district", name=locality.strip())
        found = name_identity(f"{name} {'tỉnh' if where.level == 'province' else 'huyện'} {where.name}")
        return found if found.locality is not None else attrs.evolve(ident, locality=where)

    def _compile_person(self, plan: _Plan, entry: Override, n: int) -> None:
        for ref in entry.refs:
            if ref.organisation is not None and ref.organisation not in plan.person_orgs:
                plan.person_orgs[ref.organisation] = {
                    self._resolve_org(EntityRef(kind="organisation", name=ref.organisation), entry.where)
                }
            if ref.source is not None and ref.source not in self._index.by_source:
                raise OverrideError(f"{entry.where}: no article {ref.source!r} in the corpus")
        if entry.action == "merge":
            plan.person_merges.append(entry.refs)
        elif entry.action == "split":
            plan.person_splits.append((entry.refs[0], entry.sources, f"split{n}", entry.to))
            plan.person_split_where[f"split{n}"] = entry.where
        elif entry.action == "rename":
            assert entry.to is not None
            plan.person_names.append((entry.refs[0], entry.to))
        else:
            plan.person_drops.append(entry.refs[0])

    def _check_people(self, plan: _Plan) -> None:
        """Every person reference of the overrides must match a record of the built corpus."""
        problems = []
        refs: list[tuple[EntityRef, str]] = []
        for entry in plan.overrides.entries:
            if entry.refs[0].kind == "person" and entry.action != "drop":
                refs.extend((r, entry.where) for r in entry.refs)
        for ref, where in refs:
            if not self._person_records(ref):
                problems.append(f"{where}: {ref.describe()} matches no person in the corpus")
        for ref, sources, label, _ in plan.person_splits:
            found = {self._index.arts[ai].label for ai, _ in self._person_records(ref)}
            missing = [s for s in sources if s not in found]
            if missing:
                where = plan.person_split_where[label]
                problems.append(f"{where}: {ref.describe()} is not named in {missing[0]!r}, nothing to split off")
        if problems:
            self._overrides = None
            self._rebuild(None)
            raise OverrideError("; ".join(problems))

    def _person_records(self, ref: EntityRef) -> list[Ref]:
        ix = self._index
        want = name_key(_bare_name(ref.name))
        folds = {fold_key(want)}
        out = []
        for fold in folds:
            for exact in ix.people_fold.get(fold, ()):
                if exact != want and not (ref.name.isascii() and fold_key(exact) == fold_key(want)):
                    continue
                for ai, ri in ix.people[exact]:
                    if self._person_matches(ref, ai, ri):
                        out.append((ai, ri))
        return out

    def _person_matches(self, ref: EntityRef, ai: int, ri: int) -> bool:
        """Tell whether person record (ai, ri) is the person *ref* describes (its name is checked by the caller)."""
        ix = self._index
        art = ix.arts[ai]
        if ref.source is not None and art.label != ref.source:
            return False
        person = art.people[ri]
        orgs = self._position_orgs(ai, person)
        if ref.organisation is not None:
            plan = ix.plan
            wanted = {plan.org_map.get(k, k) for k in plan.person_orgs.get(ref.organisation, set())} if plan else set()
            if not orgs & wanted:
                return False
        if ref.locality is not None:
            where = province_locality(ref.locality, None)
            keys = {where.key} if where else {f"district:{name_key(ref.locality)}"}
            places = {loc.key for k in orgs if k in ix.org_ident and (loc := ix.org_ident[k].locality) is not None}
            if not places & keys and not (not places and ix.article_place[ai] in keys):
                return False
        return True

    def _dropped(self, plan: _Plan, ai: int, art: ArticleSummary, person: Person) -> bool:
        exact = name_key(_bare_name(person.name))
        for ref in plan.person_drops:
            if name_key(_bare_name(ref.name)) != exact and not (
                ref.name.isascii() and fold_key(ref.name) == fold_key(exact)
            ):
                continue
            if ref.source is not None and art.label != ref.source:
                continue
            return True
        return False

    def _fold_of(self, plan: _Plan | None, ai: int, ri: int, art: ArticleSummary, person: Person, exact: str) -> str:
        """The name group a person record is clustered in: its own, or the first name of a merge naming it."""
        fold = _fold_of_key(exact)  # exact is a name key already
        if plan is None or not plan.person_merges:
            return fold
        for refs in plan.person_merges:
            first = fold_key(_bare_name(refs[0].name))
            if first == fold:
                continue
            for ref in refs[1:]:
                if fold_key(_bare_name(ref.name)) == fold and (ref.source is None or ref.source == art.label):
                    return first
        return fold

    # ---------------------------------------------------------- organisations

    def _org_base_id(self, key: str, ident: OrgIdentity) -> str:
        return _org_base_id(key, ident)

    def _org_id(self, key: str) -> str:
        """The public id of an organisation entity (a hash is added only when two entities would share one)."""
        ident = self._index.org_ident.get(key)
        if ident is None:
            return "org:" + slug(key.split("|", 1)[0])
        base = _org_base_id(key, ident)
        if len(self._index.org_slug.get(base, ())) > 1:
            return f"{base}~{_short_hash(key)}"
        return base

    def _organisation(self, key: str) -> CorpusOrganisation:
        cached = self._index.cache.get(key)
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        ix = self._index
        refs = ix.orgs[key]
        records = [(ix.arts[ai], ix.arts[ai].organisations[ri]) for ai, ri in refs]
        ident = ix.org_ident[key]
        reg = _registry_orgs().get(ident.registry_id) if ident.registry_id and "#" not in key else None
        name = self._org_name(key)
        abbreviation = (
            reg.abbreviation
            if reg and reg.abbreviation
            else next((o.abbreviation for _, o in records if o.abbreviation and ident.locality is None), None)
        )
        aliases = {a for a, n in ix.org_names[key].items() if n} | (set(reg.aliases) if reg else set())
        aliases -= {name, abbreviation}
        kinds = Counter(o.kind for _, o in records)
        where = ident.locality
        org = CorpusOrganisation(
            id=self._org_id(key),
            name=name,
            kind=OrganisationKind(reg.kind) if reg else kinds.most_common(1)[0][0],
            abbreviation=abbreviation,
            aliases=frozenset(a for a in aliases if a),
            locality=where.name if where else None,
            level=where.level if where else "central",
            since=where.since if where else None,
            registry_id=reg.id if reg else None,
            evidence=_merge_evidence((art, o.mentions) for art, o in records),
        )
        ix.cache[key] = org
        return org

    def _org_display(self, key: str) -> str:
        return self._org_name(key) if key in self._index.orgs else key.split("|", 1)[0]

    def _org_name(self, key: str) -> str:
        """Return the canonical name of an organisation entity without building the whole entity."""
        cache_key = "name:" + key
        name = self._index.cache.get(cache_key)
        if name is None:
            ix = self._index
            plan = ix.plan
            ident = ix.org_ident.get(key)
            reg = _registry_orgs().get(ident.registry_id) if ident and ident.registry_id and "#" not in key else None
            if plan is not None and key in plan.org_names:
                name = plan.org_names[key]
            elif reg is not None and (ident is None or ident.locality is None or ident.locality.since is None):
                name = reg.name
            else:
                forms = ix.org_names.get(key) or Counter({key.split("|", 1)[0]: 1})
                name = _best_name(_with_unit_first(forms))
            ix.cache[cache_key] = name
        return str(name)

    def _position_orgs(self, ai: int, person: Person) -> set[str]:
        local = self._index.local_orgs[ai]
        return {
            local.get(p.organisation) or self._org_key_of(p.organisation) for p in person.positions if p.organisation
        }

    # ---------------------------------------------------------- documents and congresses

    def _document(self, key: str) -> CorpusDocument:
        cached = self._index.cache.get(key)
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        refs = self._index.docs[key]
        cites: list[Citation] = []
        for ai, ri in refs:
            art = self._index.arts[ai]
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
        ix = self._index
        ai, ri = ix.docs[key][0]
        first = ix.arts[ai].documents[ri]
        for ai, ri in ix.docs[key]:
            d = ix.arts[ai].documents[ri]
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

    def _congress(self, key: str) -> CorpusCongress:
        cached = self._index.cache.get(key)
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        ix = self._index
        records = [(ix.arts[ai], ix.arts[ai].congress_resolutions[ri]) for ai, ri in ix.congresses[key]]
        first = records[0][1]
        if first.is_national:
            reg = registry.national_congress(first.ordinal)
        else:
            reg = next((c for c in registry.local_congresses(first.scope) if c.ordinal == first.ordinal), None)
        terms = Counter(c.term for _, c in records if c.term)
        bodies = Counter(c.party_body for _, c in records)
        congress = CorpusCongress(
            id=key,
            ordinal=first.ordinal,
            scope=first.scope,
            party_body=reg.party_body if reg else bodies.most_common(1)[0][0],
            term=terms.most_common(1)[0][0] if terms else (reg.term if reg else None),
            year=reg.year if reg else None,
            evidence=_merge_evidence((art, c.mentions) for art, c in records),
        )
        ix.cache[key] = congress
        return congress

    # ---------------------------------------------------------- people

    def _person_infos(self, fold: str) -> tuple[list[Ref], list[PersonInfo], list[tuple[int, int, str]]]:
        """The records clustered under one name fold, what clustering reads of them, and the forced ties."""
        ix = self._index
        plan = ix.plan
        refs: list[Ref] = []
        for exact in sorted(ix.people_fold.get(fold, ())):
            refs.extend(r for r in ix.people[exact] if ix.person_fold.get(r, _fold_of_key(exact)) == fold)
        # records whose name has no diacritics join the one written form that has them, if only one
        written = {e for e in ix.people_fold.get(fold, ()) if not e.isascii()}
        infos: list[PersonInfo] = []
        for ai, ri in refs:
            art = ix.arts[ai]
            person = art.people[ri]
            orgs = self._position_orgs(ai, person)
            places = frozenset(
                ix.org_ident[k].locality.key  # type: ignore[union-attr]
                for k in orgs
                if k in ix.org_ident and ix.org_ident[k].locality is not None
            )
            exact = name_key(_bare_name(person.name))
            # two written forms ("Hà", "Hạ") are two names; a form without diacritics then joins neither
            group = "" if len(written) <= 1 else exact if not exact.isascii() else "~ascii"
            if plan is not None:
                for ref, sources, label, _ in plan.person_splits:
                    if art.label in sources and self._names(ref, exact) and self._person_matches(ref, ai, ri):
                        group = label
            infos.append(
                PersonInfo(
                    ref=(ai, ri),
                    source=art.label,
                    orgs=frozenset(orgs),
                    places=places,
                    article_place=ix.article_place[ai],
                    day=_day(art),
                    group=group,
                )
            )
        ties: list[tuple[int, int, str]] = []
        if plan is not None:
            for n, refs_ in enumerate(plan.person_merges, start=1):
                matched = [
                    [
                        i
                        for i, info in enumerate(infos)
                        if self._names(ref, name_key(_bare_name(ix.arts[info.ref[0]].people[info.ref[1]].name)))
                        and self._person_matches(ref, *info.ref)
                    ]
                    for ref in refs_
                ]
                flat = [i for group in matched for i in group]
                ties.extend((flat[0], i, f"merge{n}") for i in flat[1:])
        return refs, infos, ties

    @staticmethod
    def _names(ref: EntityRef, exact: str) -> bool:
        want = name_key(_bare_name(ref.name))
        return want == exact or (ref.name.isascii() and fold_key(want) == fold_key(exact))

    def _person_clusters(self, fold: str) -> list[tuple[str, list[Ref], Cluster, list[PersonInfo]]]:
        """The people of one name fold: (id, records, cluster, infos), cached."""
        cache_key = "pc:" + fold
        cached = self._index.cache.get(cache_key)
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        refs, infos, ties = self._person_infos(fold)
        clusters = cluster(infos, ties) if infos else []
        out: list[tuple[str, list[Ref], Cluster, list[PersonInfo]]] = []
        base = "person:" + fold
        if len(clusters) == 1:
            out.append((base, refs, clusters[0], infos))
        else:
            seen: Counter[str] = Counter()
            labels = []
            for c in clusters:
                places = sorted(c.places)
                label = slug(places[0].split(":", 1)[1].split("@", 1)[0]) if len(places) == 1 else ""
                labels.append(label)
                seen[label] += 1
            for c, label in zip(clusters, labels, strict=True):
                if not label or seen[label] > 1:
                    first = infos[c.members[0]]
                    label = (label + "-" if label else "") + _short_hash(f"{first.source}|{first.ref[1]}")
                out.append((f"{base}~{label}", [refs[i] for i in c.members], c, infos))
        self._index.cache[cache_key] = out
        return out

    def _person_by_id(self, pid: str) -> CorpusPerson | None:
        fold = pid.removeprefix("person:").split("~", 1)[0]
        for cid, crefs, c, infos in self._person_clusters(fold):
            if cid == pid:
                return self._person(cid, crefs, c, infos)
        return None

    def _person(self, pid: str, refs: Sequence[Ref], c: Cluster, infos: Sequence[PersonInfo]) -> CorpusPerson:
        cached = self._index.cache.get(pid)
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        ix = self._index
        records = [(ai, ix.arts[ai], ix.arts[ai].people[ri], ri) for ai, ri in refs]
        forms: Counter[str] = Counter()
        for _, _, p, _ in records:
            forms[_bare_name(p.name)] += 1
        name = _best_name(forms, person=True)
        plan = ix.plan
        if plan is not None:
            for _, _, label, split_name in plan.person_splits:
                if split_name and any(infos[i].group == label for i in c.members):
                    name = split_name
            for ref, new in plan.person_names:
                if any(self._names(ref, name_key(_bare_name(p.name))) and self._person_matches(ref, ai, ri) for ai, _, p, ri in records):  # fmt: skip
                    name = new
        aliases = {a for _, _, p, _ in records for a in (p.name, *p.aliases)} - {name}
        held: dict[tuple[int, str, str | None, bool], HeldPosition] = {}
        for ai, art, p, ri in records:
            local = ix.local_orgs[ai]
            date, dated_by = _position_date(art, ri)
            for pos in p.positions:
                org_key = (
                    (local.get(pos.organisation) or self._org_key_of(pos.organisation)) if pos.organisation else None
                )
                known = org_key is not None and org_key in ix.orgs
                org_name = self._org_name(org_key) if known and org_key else pos.organisation
                ident = (ai, name_key(pos.title), org_key or pos.organisation, pos.former)
                if ident in held:  # the same post stated twice in one article (a repeated mention)
                    prev = held[ident]
                    held[ident] = attrs.evolve(prev, spans=tuple(sorted({*prev.spans, *pos.mentions})))
                    continue
                held[ident] = HeldPosition(
                    person=name,
                    person_id=pid,
                    title=pos.title,
                    organisation=org_name,
                    organisation_id=self._org_id(org_key) if known and org_key else None,
                    former=pos.former,
                    date=date,
                    source=art.label,
                    spans=pos.mentions,
                    dated_by=dated_by,
                )
        positions = sorted(held.values(), key=_held_order)
        places = sorted({self._place_name(p) for p in c.places})
        person = CorpusPerson(
            id=pid,
            name=name,
            aliases=frozenset(aliases),
            positions=tuple(positions),
            evidence=_merge_evidence((art, p.mentions) for _, art, p, _ in records),
            localities=tuple(places),
        )
        ix.cache[pid] = person
        return person

    def _place_name(self, key: str) -> str:
        """The name of a locality key ("province:thanh hóa" -> "Thanh Hóa")."""
        return self._index.place_names.get(key, key.split(":", 1)[-1])

    # ---------------------------------------------------------- events

    def _event(self, key: str) -> CorpusEvent:
        cached = self._index.cache.get(key)
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        ix = self._index
        records = [(ai, ix.arts[ai], ix.arts[ai].events[ri]) for ai, ri in ix.events[key]]
        first = records[0][2]
        organisers: dict[str, str] = {}
        for ai, _, e in records:
            local = ix.local_orgs[ai]
            for name in e.organisers:
                okey = local.get(name) or self._org_key_of(name)
                if okey in ix.orgs:
                    organisers.setdefault(self._org_id(okey), self._org_name(okey))
                else:
                    organisers.setdefault("org:" + slug(name), name)
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
            reported=any(e.reported for _, _, e in records),
        )
        ix.cache[key] = event
        return event


@functools.lru_cache(maxsize=1 << 16)
def _org_base_id(key: str, ident: OrgIdentity) -> str:
    """The id an organisation entity gets unless another entity would share it."""
    if ident.registry_id is not None and "#" not in key:
        base = f"org:{ident.registry_id}"
        if ident.locality is not None and ident.locality.since is not None:
            base += f"@{ident.locality.since.isoformat()}"
        return base
    where = ""
    if ident.locality is not None:
        where = "-" + slug(ident.locality.name)
        if ident.locality.since is not None:
            where += f"@{ident.locality.since.isoformat()}"
    extra = "-" + slug(key.split("#", 1)[1]) if "#" in key else ""
    return f"org:{_fold_of_key(ident.head)}{where}{extra}"  # slug of a name key, by one table


def _with_unit_first(forms: Counter[str]) -> Counter[str]:
    """The same counts, names that write their unit ("tỉnh X") first, so that ties go to them."""
    units = (" tỉnh ", " thành phố ", " huyện ", " quận ", " xã ", " phường ", "Tỉnh ủy", "Thành ủy")
    ordered = sorted(forms, key=lambda f: not any(u in f for u in units))
    return Counter({f: forms[f] for f in ordered})


def _held_order(h: HeldPosition) -> tuple[bool, tuple[int, int, int], str]:
    return (h.date is None, h.date.sort_key if h.date else (0, 0, 0), h.source)


def _position_date(art: ArticleSummary, ri: int) -> tuple[PartialDate | None, str | None]:
    """The day a person's positions in *art* hold for: its printed date, else the reported event they take part in."""
    if art.published is not None:
        return art.published, "published"
    dates = [
        e.date
        for p, i in art.taking_part
        if p == ri and i < len(art.events)
        for e in (art.events[i],)
        if e.reported and e.date is not None and e.date.year is not None
    ]
    if not dates:
        return None, None
    return max(dates, key=lambda d: d.sort_key), "event"


def _congress_key(c: CongressResolution) -> str:
    scope = "national" if c.is_national else slug(place_key(c.scope))
    return f"congress:{scope}:{c.ordinal}"


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
