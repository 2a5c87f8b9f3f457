"""Many articles as one knowledge base: merged entities, queries, conflicts, files.

A :class:`Corpus` keeps a compact :class:`ArticleSummary` of each article
(source, title, date and the extracted records with their spans, but not
the text) and indexes built as articles are added, so it scales to very
many articles and answers questions without scanning them::

    >>> import dnnd
    >>> corpus = dnnd.Corpus(dnnd.seeds())
    >>> [c.source[:3] for c in corpus.citations("12-CT/TW")]
    ['000', '001', '003']
    >>> [str(c.date) for c in corpus.citations("12-CT/TW") if c.date]
    ['2022-01-01', '2022-01-05']
    >>> print(corpus.conflicts(field="date")[0])
    12-CT/TW date: 2022-01-01 (001_93a5b40c263f557d.txt) vs 2022-01-05 (003_0ee01d7cb440a5d9.txt, registry)

Entities are merged across articles under stable string ids derived from
their names (never from ``hash()``): organisations and people by
:func:`dnnd.registry.name_key` with diacritics folded (so tone variants,
lost diacritics and "TP"/"thành phố" meet), organisations also through the
registry's names and abbreviations, documents by canonical number. Every
answer carries its provenance: the article ``source`` and the ``spans`` of
the article's text it came from.

Files: :meth:`Corpus.save` writes JSON (or JSON Lines for a ``.jsonl``
path) atomically, with a format marker and version in the header;
:meth:`Corpus.load` reads either and raises
:class:`~dnnd.errors.CorpusFileError` for anything truncated, corrupted or
foreign, never returning a partial corpus.
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
import cattrs

from . import registry
from ._atomic import atomic_writer
from ._io import read
from ._jupyter import table
from ._names import visible_name
from .errors import CorpusFileError, DnndError
from .model import (
    Article,
    Claim,
    Conflict,
    CongressResolution,
    Document,
    DocumentKind,
    Event,
    EventKind,
    Organisation,
    OrganisationKind,
    PartialDate,
    Person,
    Span,
    slug,
)

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "ArticleSummary",
    "Citation",
    "Corpus",
    "CorpusDocument",
    "CorpusEvent",
    "CorpusOrganisation",
    "CorpusPerson",
    "Evidence",
    "HeldPosition",
    "ReadFailure",
]

#: the format marker in the header of every saved corpus file
FORMAT = "dnnd-corpus"
#: the version of the file layout this dnnd writes (and the newest it reads)
FORMAT_VERSION = 1


# ------------------------------------------------------------------ records


@attrs.frozen(kw_only=True)
class ArticleSummary:
    """What a corpus keeps of one article: everything extracted, not the text.

    Spans still index the original article's text, so the caller who has the
    file can always quote the surface text. The fields are those of
    :class:`~dnnd.model.Article` of the same names (``source``, ``title``,
    ``published``, ``documents``, ``congress_resolutions``,
    ``organisations``, ``people``, ``events``).

    >>> import dnnd
    >>> s = ArticleSummary.of(dnnd.parse("Chỉ thị số 12-CT/TW của Ban Bí thư.", source="a.txt"))
    >>> (s.source, s.documents[0].number, s.documents[0].type_word)
    ('a.txt', '12-CT/TW', 'Chỉ thị')
    """

    source: str | None = None
    title: str | None = None
    published: PartialDate | None = None
    documents: tuple[Document, ...] = ()
    congress_resolutions: tuple[CongressResolution, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    people: tuple[Person, ...] = ()
    events: tuple[Event, ...] = ()

    @classmethod
    def of(cls, article: Article) -> ArticleSummary:
        """Summarise *article*; fill each document's ``type_word`` from the text when missing."""
        docs = tuple(
            d if d.type_word is not None else attrs.evolve(d, type_word=_type_word_at(article.text, d.mentions))
            for d in article.documents
        )
        return cls(
            source=article.source,
            title=article.title,
            published=article.published,
            documents=docs,
            congress_resolutions=article.congress_resolutions,
            organisations=article.organisations,
            people=article.people,
            events=article.events,
        )

    @property
    def label(self) -> str:
        """The source, or ``"(unnamed)"`` for an article parsed from a bare string."""
        return self.source or "(unnamed)"

    @property
    def as_of(self) -> PartialDate | None:
        """The article's date: its publication date, else the latest fully dated event it reports."""
        if self.published is not None:
            return self.published
        dated = [e.date for e in self.events if e.date is not None and e.date.year is not None and e.date.day]
        return max(dated, key=lambda d: d.sort_key) if dated else None

    def _repr_html_(self) -> str:
        """Return an HTML table of the records, for Jupyter."""
        rows = [("document", d.number or d.title, d.kind.value) for d in self.documents]
        rows += [("organisation", o.name, o.kind.value) for o in self.organisations]
        rows += [("person", p.name, "") for p in self.people]
        rows += [("event", e.title, e.kind.value) for e in self.events]
        return table(("record", "name", "kind"), rows, caption=self.label)


@attrs.frozen(kw_only=True)
class ReadFailure:
    """An input that could not be read into the corpus, and why.

    Attributes:
        source: The path as given.
        message: The error message (it names the file and the problem).

    """

    source: str
    message: str


@attrs.frozen(kw_only=True)
class Evidence:
    """Where a fact comes from: the article and the spans of its text.

    ``published`` is the article's date (see :attr:`ArticleSummary.as_of`).

    Attributes:
        source: The article's ``source``.
        published: The article's date.
        spans: Spans of the article's text that state the fact.

    """

    source: str
    published: PartialDate | None = None
    spans: tuple[Span, ...] = ()


@attrs.frozen(kw_only=True)
class Citation:
    """One article's citation of a document, with what it states.

    ``date``, ``issuer``, ``title``, ``kind`` and ``type_word`` are as the
    article gives them (which may disagree with other articles or the
    registry: see :meth:`Corpus.conflicts`).

    Attributes:
        document_id: Id of the :class:`CorpusDocument` (``"doc:12-ct/tw"``).
        source: The citing article.
        number: The canonical number.
        kind: The document kind.
        type_word: The type word as the article writes it ("Thông tư").
        date: The date the article gives.
        issuer: The issuer the article gives.
        title: The title the article gives.
        published: The article's date.
        spans: Spans of the citation in the article's text.

    """

    document_id: str
    source: str
    number: str | None
    kind: DocumentKind
    type_word: str | None = None
    date: PartialDate | None = None
    issuer: str | None = None
    title: str | None = None
    published: PartialDate | None = None
    spans: tuple[Span, ...] = ()


@attrs.frozen(kw_only=True)
class CorpusDocument:
    """A document cited in the corpus, merged over every article citing it.

    ``date``, ``issuer`` and ``title`` come from the registry when it knows
    the document, else from the most common statement in the articles.

    Attributes:
        id: Stable corpus id (``"doc:12-ct/tw"``).
        number: The canonical number, or ``None``.
        kind: The document kind.
        date: The date (registry first).
        issuer: The issuer (registry first).
        title: The title (registry first).
        registry_id: Id of the registry document, when known.
        citations: One :class:`Citation` per citing article.

    """

    id: str
    number: str | None
    kind: DocumentKind
    date: PartialDate | None = None
    issuer: str | None = None
    title: str | None = None
    registry_id: str | None = None
    citations: tuple[Citation, ...] = ()

    @property
    def count(self) -> int:
        """How many articles cite the document."""
        return len(self.citations)

    @property
    def sources(self) -> tuple[str, ...]:
        """The articles citing the document, in corpus order."""
        return tuple(c.source for c in self.citations)

    def _repr_html_(self) -> str:
        """Return an HTML table of the citations, for Jupyter."""
        rows = [(c.source, c.type_word, c.date, c.issuer) for c in self.citations]
        caption = f"{self.number or self.title} [{self.kind.value}] cited by {self.count}"
        return table(("source", "type word", "date", "issuer"), rows, caption=caption)


@attrs.frozen(kw_only=True)
class CorpusOrganisation:
    """An organisation merged over the articles naming it.

    Attributes:
        id: Stable corpus id (``"org:..."``).
        name: Canonical name (the registry's when linked).
        kind: What sort of body it is.
        abbreviation: ``"VUFO"`` ... when known.
        aliases: Every other name the articles and the registry use.
        locality: Province or city of a local body.
        registry_id: Id of the registry organisation, when known.
        evidence: One :class:`Evidence` per article naming it.

    """

    id: str
    name: str
    kind: OrganisationKind = OrganisationKind.OTHER
    abbreviation: str | None = None
    aliases: frozenset[str] = frozenset()
    locality: str | None = None
    registry_id: str | None = None
    evidence: tuple[Evidence, ...] = ()

    @property
    def count(self) -> int:
        """How many articles name the organisation."""
        return len(self.evidence)

    def _repr_html_(self) -> str:
        """Return an HTML table of where the organisation is named, for Jupyter."""
        rows = [(e.source, e.published, len(e.spans)) for e in self.evidence]
        return table(("source", "date", "mentions"), rows, caption=f"{self.name} [{self.kind.value}]")


@attrs.frozen(kw_only=True)
class HeldPosition:
    """A position an article says a person holds, dated by the article.

    ``date`` is the article's date (:attr:`ArticleSummary.as_of`), the
    evidence for *when* the person held the post; ``source`` and ``spans``
    point at the statement.

    Attributes:
        person: The person's display name.
        person_id: Corpus id of the person.
        title: The title ("Phó Chủ tịch").
        organisation: Canonical name of the body, or ``None``.
        organisation_id: Corpus id of the body, or ``None``.
        former: True for "nguyên ...".
        date: The article's date.
        source: The article.
        spans: Spans of the statement.

    """

    person: str
    person_id: str
    title: str
    organisation: str | None
    organisation_id: str | None
    former: bool
    date: PartialDate | None
    source: str
    spans: tuple[Span, ...] = ()

    def _repr_html_(self) -> str:
        """Return a one-row HTML table, for Jupyter."""
        return table(("person", "title", "organisation", "date", "source"), [self._row()])

    def _row(self) -> tuple[object, ...]:
        return (self.person, ("nguyên " if self.former else "") + self.title, self.organisation, self.date, self.source)


@attrs.frozen(kw_only=True)
class CorpusPerson:
    """A person merged over the articles naming them, with every position stated.

    Attributes:
        id: Stable corpus id (``"person:nguyen-van-doanh"``).
        name: Display name (most written form with diacritics).
        aliases: Other spellings seen.
        positions: Every :class:`HeldPosition` the articles state.
        evidence: One :class:`Evidence` per article naming the person.

    """

    id: str
    name: str
    aliases: frozenset[str] = frozenset()
    positions: tuple[HeldPosition, ...] = ()
    evidence: tuple[Evidence, ...] = ()

    def _repr_html_(self) -> str:
        """Return an HTML table of the positions over time, for Jupyter."""
        return table(
            ("person", "title", "organisation", "date", "source"), [p._row() for p in self.positions], caption=self.name
        )


@attrs.frozen(kw_only=True)
class CorpusEvent:
    """An event, merged over the articles reporting it (same date, kind and place).

    Attributes:
        id: Stable corpus id (``"event:DATE:KIND:PLACE"``).
        kind: The event kind.
        date: First (or only) day.
        end_date: Last day of a span.
        location: The place.
        organisers: Canonical names of the organisers.
        organiser_ids: Corpus ids of the organisers.
        title: Its name, when given.
        evidence: One :class:`Evidence` per article reporting it.

    """

    id: str
    kind: EventKind
    date: PartialDate | None = None
    end_date: PartialDate | None = None
    location: str | None = None
    organisers: tuple[str, ...] = ()
    organiser_ids: tuple[str, ...] = ()
    title: str | None = None
    evidence: tuple[Evidence, ...] = ()

    @property
    def sources(self) -> tuple[str, ...]:
        """The articles reporting the event."""
        return tuple(e.source for e in self.evidence)

    def _repr_html_(self) -> str:
        """Return a one-row HTML table, for Jupyter."""
        row = (self.date, self.kind.value, self.location, ", ".join(self.organisers), self.title)
        return table(("date", "kind", "place", "organisers", "title"), [row])


# ------------------------------------------------------------------ keys

#: :func:`registry.name_key`, memoised: corpora repeat the same names endlessly
_nk = functools.lru_cache(maxsize=1 << 18)(registry.name_key)


@functools.lru_cache(maxsize=1 << 18)
def _fold_key(text: str) -> str:
    """Key merging spelling, tone, diacritic and "TP" variants of a name."""
    return slug(_nk(text))


@functools.cache
def _honorifics() -> tuple[str, ...]:
    return tuple(sorted({_nk(h) for h in registry.honorifics()}, key=len, reverse=True))


@functools.lru_cache(maxsize=1 << 16)
def _bare_name(name: str) -> str:
    """*name* without a leading honorific ("Ông Trần Công Thắng" -> "Trần Công Thắng")."""
    words = name.split()
    changed = True
    while changed and len(words) > 2:
        changed = False
        low = _nk(" ".join(words))
        for h in _honorifics():
            n = len(h.split())
            if low.startswith(h + " ") and len(words) - n >= 2:
                words = words[n:]
                changed = True
                break
    return " ".join(words)


def _diacritics(text: str) -> int:
    return sum(1 for c in text if ord(c) > 127)


def _best_name(forms: Counter[str], *, person: bool = False) -> str:
    """Return the most written form, preferring forms with diacritics and (for people) a known surname.

    Ties go to the form seen first.
    """
    order = {f: i for i, f in enumerate(forms)}
    surnames = registry.surnames() if person else frozenset()

    def score(f: str) -> tuple[bool, bool, int, int]:
        known = bool(f.split()) and f.split()[0] in surnames
        return (_diacritics(f) > 0, known, forms[f], -order[f])

    return max(forms, key=score)


@functools.cache
def _registry_orgs() -> dict[str, registry.RegistryOrganisation]:
    return {o.id: o for o in registry.organisations()}


def _registry_org(org: Organisation) -> registry.RegistryOrganisation | None:
    if org.registry_id and org.registry_id in _registry_orgs():
        return _registry_orgs()[org.registry_id]
    return _registry_org_named((org.name, org.abbreviation, *sorted(org.aliases)))


@functools.lru_cache(maxsize=1 << 16)
def _registry_org_named(names: tuple[str | None, ...]) -> registry.RegistryOrganisation | None:
    for name in names:
        if name:
            found = _registry_by_name(name)
            if found is not None:
                return found
    return None


@functools.lru_cache(maxsize=1 << 16)
def _registry_by_name(name: str) -> registry.RegistryOrganisation | None:
    return registry.organisation_by_name(name)


@functools.lru_cache(maxsize=1 << 16)
def _place_key(place: str) -> str:
    unit = registry.province(place)
    return registry.place_key(unit.name if unit else place)


@functools.cache
def _type_words() -> tuple[tuple[str, str], ...]:
    """(name_key of a type word, the word), longest first."""
    words = {_nk(t.word): t.word for t in registry.document_types()}
    return tuple(sorted(words.items(), key=lambda kv: -len(kv[0])))


def _type_word_at(text: str, spans: Sequence[Span]) -> str | None:
    """Return the document type word a citation starts with, as the text writes it."""
    for span in spans:
        surface = text[span.start : span.end]
        key = _nk(surface)
        for word_key, _word in _type_words():
            if key == word_key or key.startswith(word_key + " "):
                return " ".join(surface.split()[: len(word_key.split())])
    return None


_WORD_OF_KIND = {
    "directive": "Chỉ thị",
    "resolution": "Nghị quyết",
    "conclusion": "Kết luận",
    "decision": "Quyết định",
    "notice": "Thông báo",
    "decree": "Nghị định",
    "law": "Luật",
    "charter": "Điều lệ",
}


def registry_type_word(doc: registry.RegistryDocument) -> str | None:
    """Return the type word a registry document is issued under, when its kind and number fix it.

    A Party circular (``05-TT/TU``, ``TW``) is a "Thông tri", a State one
    (``01/2020/TT-BNG``) a "Thông tư"; ``None`` when the kind admits several
    words (Quy định / Quy chế, the schemes).

    >>> registry_type_word(registry.find_document("05-TT/TU")[0])
    'Thông tri'
    """
    if doc.kind == "circular":
        if "TTLT" in doc.number:
            return "Thông tư liên tịch"
        return "Thông tri" if re.fullmatch(r"\d+-TT/[^/]+", doc.number) else "Thông tư"
    return _WORD_OF_KIND.get(doc.kind)


def _span_of(d: PartialDate | None, end: PartialDate | None = None) -> tuple[_dt.date, _dt.date] | None:
    """Return the first and last calendar day a partial date (or date range) may mean."""
    if d is None or d.year is None:
        return None
    lo = _dt.date(d.year, d.month or 1, d.day or 1)
    last = end if end is not None and end.year is not None else d
    assert last.year is not None
    if last.day is not None and last.month is not None:
        hi = _dt.date(last.year, last.month, last.day)
    elif last.month is not None:
        nxt = _dt.date(last.year + (last.month == 12), last.month % 12 + 1, 1)
        hi = nxt - _dt.timedelta(days=1)
    else:
        hi = _dt.date(last.year, 12, 31)
    return lo, max(lo, hi)


def _compatible(a: PartialDate, b: PartialDate) -> bool:
    """Tell whether two partial dates may mean the same day."""
    pairs = ((a.year, b.year), (a.month, b.month), (a.day, b.day))
    return all(x is None or y is None or x == y for x, y in pairs)


def _as_date(value: _dt.date | PartialDate | str | None, *, last: bool = False) -> _dt.date | None:
    """Return a query bound as a day: the first day of a partial date, or its last with *last*."""
    if value is None or isinstance(value, _dt.date):
        return value
    d = value if isinstance(value, PartialDate) else PartialDate.from_iso(value)
    span = _span_of(d)
    return (span[1] if last else span[0]) if span else None


def _kind(value: Any, enum: type[Any]) -> Any:
    return None if value is None else enum(value)


#: titles one person holds at a time in a body ("Chủ tịch" of VUFO)
_SOLE_TITLES = frozenset(
    _nk(t)
    for t in (
        "Chủ tịch", "Tổng Bí thư", "Tổng Thư ký", "Giám đốc", "Bộ trưởng", "Trưởng ban",
        "Hiệu trưởng", "Thủ tướng", "Viện trưởng", "Chủ tịch nước", "Chủ nhiệm",
    )
)  # fmt: skip


def _title_family(title: str) -> str:
    """Return the ladder a title is on: "Phó Chủ tịch Thường trực" -> "chủ tịch"."""
    key = _nk(title)
    key = re.sub(r"^phó ", "", key)
    return re.sub(r" thường trực$", "", key)


# ------------------------------------------------------------------ the index


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


def _doc_key(d: Document) -> str | None:
    if d.number:
        return "doc:" + slug(registry.canonical_number(d.number))
    if d.title:
        return f"doc:{d.kind.value}:{slug(d.title)[:60]}"
    return None


def _event_key(e: Event) -> str:
    if e.date is None:
        return f"event:undated:{e.kind.value}:{slug(e.title or '')[:40]}"
    place = slug(_place_key(e.location)) if e.location else "-"
    return f"event:{e.date.iso}:{e.kind.value}:{place}"


# ------------------------------------------------------------------ the corpus


@attrs.define(init=False, repr=False)
class Corpus:
    """Many articles as one knowledge base.

    Build it from parsed articles (``Corpus(articles)``), from files
    (:meth:`from_paths`, which reads one file at a time and never keeps the
    text), or from a saved file (:meth:`load`). Adding articles is linear;
    queries read indexes. Two corpora are equal when they hold equal
    article summaries and read failures, in the same order.

    >>> import dnnd
    >>> corpus = Corpus(dnnd.seeds())
    >>> len(corpus), corpus.documents(number="04-CT/TW")[0].count
    (5, 1)
    """

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

    # ---------------------------------------------------------- building

    @classmethod
    def from_paths(cls, paths: Iterable[str | os.PathLike[str]]) -> Corpus:
        """Read every path with :func:`dnnd.read`, one at a time, into a new corpus.

        A file that cannot be read or parsed is recorded in :attr:`errors`
        (not raised); the others still come in. Each article's ``source`` is
        the path as given.
        """
        corpus = cls()
        for path in paths:
            name = visible_name(path)  # valid Unicode whatever the file name's bytes
            try:
                article = read(path, source=name)
            except DnndError as err:
                corpus._errors.append(ReadFailure(source=name, message=str(err)))
                continue
            corpus.add(article)
        return corpus

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
            from .serialize import converter

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

    def prepare(self) -> Corpus:
        """Build every entity and the conflicts now, so that later queries only read dicts.

        Building is otherwise lazy (each entity on first use, kept until an
        added article changes it). Call this once after a bulk load when
        query latency matters; it returns the corpus itself.

        >>> import dnnd
        >>> Corpus(dnnd.seeds()).prepare().document("12-CT/TW").count
        3
        """
        for key in self._index.orgs:
            self._organisation(key)
        for key in self._index.docs:
            self._document(key)
        for key in self._index.people:
            self._person(key)
        for key in self._index.events:
            self._event(key)
        self.conflicts()
        return self

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

    # ---------------------------------------------------------- basics

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
        >>> Corpus(dnnd.seeds()).article("003_0ee01d7cb440a5d9.txt").published.iso
        '2022-07-20'
        """
        ai = self._index.by_source.get(source)
        return None if ai is None else self._articles[ai]

    def __len__(self) -> int:
        return len(self._articles)

    def __iter__(self) -> Iterator[ArticleSummary]:
        return iter(self._articles)

    def __repr__(self) -> str:
        ix = self._index
        return (
            f"Corpus({len(self._articles)} articles, {len(ix.docs)} documents, {len(ix.orgs)} organisations, "
            f"{len(ix.people)} people, {len(ix.events)} events, {len(self._errors)} errors)"
        )

    def _repr_html_(self) -> str:
        """Return an HTML overview (counts and the most cited documents), for Jupyter."""
        ix = self._index
        rows: list[tuple[object, ...]] = [
            ("articles", len(self._articles)),
            ("documents", len(ix.docs)),
            ("organisations", len(ix.orgs)),
            ("people", len(ix.people)),
            ("events", len(ix.events)),
            ("conflicts", len(self.conflicts())),
            ("unreadable inputs", len(self._errors)),
        ]
        rows += [(f"cited: {d.number or d.title}", d.count) for d in self.documents()[:5]]
        return table(("", "count"), rows, caption="dnnd corpus")

    # ---------------------------------------------------------- documents

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

    def document(self, number: str) -> CorpusDocument | None:
        """Return the document with this number (however written), or ``None``.

        >>> import dnnd
        >>> Corpus(dnnd.seeds()).document("12-CT/TƯ").registry_id
        'directive:12-CT/TW:2022-01-05'
        """
        key = "doc:" + slug(registry.canonical_number(number))
        return self._document(key) if key in self._index.docs else None

    def documents(self, number: str | None = None, kind: DocumentKind | str | None = None) -> list[CorpusDocument]:
        """Return the documents cited, most cited first, optionally one number or one kind.

        >>> import dnnd
        >>> [(d.number, d.count) for d in Corpus(dnnd.seeds()).documents(kind="directive")]
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
        >>> [(c.source[:3], c.type_word) for c in Corpus(dnnd.seeds()).citations("05-TT/TU")]
        [('000', 'Thông tư')]
        """
        found = self.document(number)
        return list(found.citations) if found else []

    # ---------------------------------------------------------- organisations

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

    def organisation(self, name: str) -> CorpusOrganisation | None:
        """Return the organisation called *name* (full name, abbreviation, alias; any spelling), or ``None``.

        >>> import dnnd
        >>> org = Corpus(dnnd.seeds()).organisation("VUFO")
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
        >>> orgs = Corpus(dnnd.seeds()).organisations(kind="friendship_union", locality="Bắc Giang")
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

    # ---------------------------------------------------------- people

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

    def person(self, name: str) -> CorpusPerson | None:
        """Return the person called *name* (any spelling, honorific or not), or ``None``.

        >>> import dnnd
        >>> Corpus(dnnd.seeds()).person("Nguyen Van Doanh").name
        'Nguyễn Văn Doanh'
        """
        key = "person:" + _fold_key(_bare_name(name))
        return self._person(key) if key in self._index.people else None

    def people(self, organisation: str | None = None, title: str | None = None) -> list[CorpusPerson]:
        """Return the people named, optionally only those the articles place in *organisation* (with *title*).

        >>> import dnnd
        >>> [p.name for p in Corpus(dnnd.seeds()).people(organisation="VUFO")]
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
        >>> [(h.title, h.date.iso, h.source[:3]) for h in Corpus(dnnd.seeds()).positions_of("Nguyễn Văn Doanh")]
        [('Phó Chủ tịch', '2022-07-14', '000'), ('Phó Chủ tịch', '2022-07-20', '003')]
        """
        person = self.person(name)
        return list(person.positions) if person else []

    def holders(self, organisation: str, title: str | None = None) -> list[HeldPosition]:
        """Who held posts in *organisation* (optionally only *title*), and when, oldest first.

        >>> import dnnd
        >>> [(h.person, h.source[:3]) for h in Corpus(dnnd.seeds()).holders("VUFO", "Chủ tịch")]
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

    # ---------------------------------------------------------- events

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
        >>> corpus = Corpus(dnnd.seeds())
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

    # ---------------------------------------------------------- conflicts

    def conflicts(self, field: str | None = None) -> list[Conflict]:
        """Facts on which articles, or an article and the registry, disagree.

        Checked: each document's ``date``, ``issuer``, ``kind`` and
        ``type_word`` ("Thông tư" for a Thông tri) against the other
        citations and the registry, and people's positions at the same date
        (one person given two ranks on one ladder in one body, or two people
        given one sole post such as "Chủ tịch" of one body). *field* keeps
        one kind of conflict.

        >>> import dnnd
        >>> [str(c) for c in Corpus(dnnd.seeds()).conflicts(field="type_word")]
        ['05-TT/TU type_word: Thông tư (000_dbb8df4873b6d839.txt) vs Thông tri (registry)']
        """
        found = self._index.cache.get("conflicts")
        if found is None:
            found = []
            for key in sorted(self._index.docs):
                found.extend(self._document_conflicts(self._document(key)))
            found.extend(self._position_conflicts())
            self._index.cache["conflicts"] = found
        return [c for c in found if field is None or c.field == field]

    def _document_conflicts(self, doc: CorpusDocument) -> list[Conflict]:
        reg = next((r for r in registry.documents() if r.id == doc.registry_id), None) if doc.registry_id else None
        subject = doc.number or doc.title or doc.id
        out: list[Conflict] = []

        def claim(c: Citation, value: str) -> Claim:
            return Claim(value=value, source=c.source, spans=c.spans, published=c.published)

        def reg_claim(value: str) -> Claim:
            return Claim(value=value, source="registry", from_registry=True)

        # dates: incompatible partial dates
        dated = [(c.date, claim(c, c.date.iso)) for c in doc.citations if c.date]
        if reg is not None and reg.date is not None:
            dated.append((PartialDate.from_date(reg.date), reg_claim(reg.date.isoformat())))
        distinct = list(dict.fromkeys(d for d, _ in dated))  # compare values, not every pair of citations
        if any(not _compatible(a, b) for i, a in enumerate(distinct) for b in distinct[i + 1 :]):
            out.append(Conflict(subject=subject, field="date", entity_id=doc.id, claims=tuple(c for _, c in dated)))

        # issuers: different bodies (by name key, or through the registry)
        def issuer_key(name: str) -> str:
            org = _registry_by_name(name)
            return org.id if org else _nk(name)

        def same_body(a: tuple[str, str], b: tuple[str, str]) -> bool:
            # one body, or one named inside the other ("Ban Thường vụ Thành ủy Hà Nội" / "Thành ủy Hà Nội")
            return a[0] == b[0] or f" {a[1]} " in f" {b[1]} " or f" {b[1]} " in f" {a[1]} "

        issued = [((issuer_key(c.issuer), _nk(c.issuer)), claim(c, c.issuer)) for c in doc.citations if c.issuer]
        if reg is not None and reg.issuer:
            issued.append(((issuer_key(reg.issuer), _nk(reg.issuer)), reg_claim(reg.issuer)))
        bodies = list(dict.fromkeys(k for k, _ in issued))
        if any(not same_body(a, b) for i, a in enumerate(bodies) for b in bodies[i + 1 :]):
            out.append(Conflict(subject=subject, field="issuer", entity_id=doc.id, claims=tuple(c for _, c in issued)))

        kinds = [claim(c, c.kind.value) for c in doc.citations]
        if reg is not None:
            kinds.append(reg_claim(reg.kind))
        if len({c.value for c in kinds}) > 1:
            out.append(Conflict(subject=subject, field="kind", entity_id=doc.id, claims=tuple(kinds)))
            return out

        words = [claim(c, c.type_word) for c in doc.citations if c.type_word]
        expected = registry_type_word(reg) if reg is not None else None
        if expected is not None and words:
            words.append(reg_claim(expected))
        if len({_nk(c.value) for c in words}) > 1:
            out.append(Conflict(subject=subject, field="type_word", entity_id=doc.id, claims=tuple(words)))
        return out

    def _position_conflicts(self) -> list[Conflict]:
        out: list[Conflict] = []
        by_org_date: dict[tuple[str, str, str], list[HeldPosition]] = {}
        by_person_org_date: dict[tuple[str, str, str, str], list[HeldPosition]] = {}
        for key in sorted(self._index.people):
            for h in self._person(key).positions:
                if h.former or h.organisation_id is None or h.date is None or h.date.precision != "day":
                    continue
                title_key = _nk(h.title)
                if title_key in _SOLE_TITLES:
                    by_org_date.setdefault((h.organisation_id, title_key, h.date.iso), []).append(h)
                family = (h.person_id, h.organisation_id, _title_family(h.title), h.date.iso)
                by_person_org_date.setdefault(family, []).append(h)
        for (_, _, _), held in sorted(by_org_date.items()):
            if len({h.person_id for h in held}) > 1:
                claims = tuple(Claim(value=h.person, source=h.source, spans=h.spans, published=h.date) for h in held)
                subject = f"{held[0].title} of {held[0].organisation}"
                out.append(
                    Conflict(
                        subject=subject,
                        field="holder",
                        entity_id=held[0].organisation_id or "",
                        claims=claims,
                        date=held[0].date,
                    )
                )
        for (_, _, _, _), held in sorted(by_person_org_date.items()):
            titles = {_nk(h.title) for h in held}
            if len(titles) > 1 and len({h.source for h in held}) > 1:
                claims = tuple(
                    Claim(value=f"{h.title}, {h.organisation}", source=h.source, spans=h.spans, published=h.date)
                    for h in held
                )
                out.append(
                    Conflict(
                        subject=held[0].person,
                        field="position",
                        entity_id=held[0].person_id,
                        claims=claims,
                        date=held[0].date,
                    )
                )
        return out

    # ---------------------------------------------------------- files

    def to_dict(self) -> dict[str, Any]:
        """Return the whole corpus as one JSON-ready object (the ``.json`` file format)."""
        from . import __version__
        from .serialize import converter

        return {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "dnnd": __version__,
            "articles": [converter.unstructure(a) for a in self._articles],
            "errors": [converter.unstructure(e) for e in self._errors],
        }

    @classmethod
    def from_dict(cls, data: Any, *, source: str = "corpus") -> Corpus:
        """Rebuild a corpus from :meth:`to_dict`'s object; :class:`CorpusFileError` when it is not one."""
        _check_header(data, source, layout="json")
        if not isinstance(data.get("articles"), list) or not isinstance(data.get("errors"), list):
            raise CorpusFileError(f"{source}: not a dnnd corpus (no 'articles' and 'errors' lists)")
        load = _Loader()
        articles = [load(a, ArticleSummary, source, i + 1) for i, a in enumerate(data["articles"])]
        errors = [load(e, ReadFailure, source, i + 1) for i, e in enumerate(data["errors"])]
        return cls(articles, errors=errors)

    def save(self, path: str | os.PathLike[str], *, format: str | None = None) -> None:
        """Write the corpus to *path* atomically: JSON, or JSON Lines for ``.jsonl`` (or ``format="jsonl"``).

        The file replaces any old one only once it is completely written, so
        an interrupted save leaves the old file intact.
        """
        from . import __version__
        from .serialize import converter

        layout = format or ("jsonl" if Path(path).suffix.lower() in (".jsonl", ".ndjson") else "json")
        if layout not in ("json", "jsonl"):
            raise ValueError(f"format must be 'json' or 'jsonl', not {layout!r}")
        with atomic_writer(path) as fh:
            if layout == "json":
                json.dump(self.to_dict(), fh, ensure_ascii=False, separators=(",", ":"))
                fh.write("\n")
                return
            header = {
                "format": FORMAT,
                "version": FORMAT_VERSION,
                "dnnd": __version__,
                "layout": "jsonl",
                "articles": len(self._articles),
                "errors": len(self._errors),
            }
            fh.write(json.dumps(header, ensure_ascii=False) + "\n")
            for a in self._articles:
                fh.write(
                    json.dumps({"article": converter.unstructure(a)}, ensure_ascii=False, separators=(",", ":")) + "\n"
                )
            for e in self._errors:
                fh.write(json.dumps({"error": converter.unstructure(e)}, ensure_ascii=False) + "\n")
            fh.write(json.dumps({"end": FORMAT, "articles": len(self._articles)}) + "\n")

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Corpus:
        """Read a corpus saved by :meth:`save` (either layout).

        Raises :class:`~dnnd.errors.CorpusFileError` when the file is
        missing, truncated, corrupted, from a newer dnnd or not a dnnd corpus
        at all; never returns a partial corpus.
        """
        name = os.fspath(path)
        try:
            with open(path, encoding="utf-8", newline="\n") as fh:
                first = fh.readline()
                try:
                    head = json.loads(first)
                except json.JSONDecodeError:
                    head = None
                if isinstance(head, dict) and head.get("layout") == "jsonl":
                    return cls._load_lines(head, fh, name)  # streamed: one line in memory at a time
                text = first + fh.read()
        except FileNotFoundError:
            raise CorpusFileError(f"{name}: no such file") from None
        except UnicodeDecodeError:
            raise CorpusFileError(f"{name}: not a dnnd corpus (not UTF-8 text)") from None
        except IsADirectoryError:
            raise CorpusFileError(f"{name}: is a directory, not a corpus file") from None
        except OSError as err:
            raise CorpusFileError(f"{name}: cannot be read ({err.strerror or err})") from None
        if not text.strip():
            raise CorpusFileError(f"{name}: empty file, not a dnnd corpus")
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            if isinstance(head, dict) or text.lstrip().startswith("{"):
                raise CorpusFileError(
                    f"{name}: truncated or corrupted corpus file ({err.msg} at line {err.lineno})"
                ) from None
            raise CorpusFileError(f"{name}: not a dnnd corpus (not JSON)") from None
        return cls.from_dict(data, source=name)

    @classmethod
    def _load_lines(cls, head: dict[str, Any], lines: Iterable[str], name: str) -> Corpus:
        _check_header(head, name, layout="jsonl")
        n_articles, n_errors = head.get("articles"), head.get("errors")
        if not isinstance(n_articles, int) or not isinstance(n_errors, int):
            raise CorpusFileError(f"{name}: corrupted corpus header (no article and error counts)")
        articles: list[ArticleSummary] = []
        errors: list[ReadFailure] = []
        load = _Loader()
        ended = False
        for lineno, line in enumerate(lines, start=2):
            if not line.strip():
                continue
            if ended:
                raise CorpusFileError(f"{name}: corrupted corpus file (data after the end marker, line {lineno})")
            try:
                item = json.loads(line)
            except json.JSONDecodeError:
                raise CorpusFileError(
                    f"{name}: truncated or corrupted corpus file (bad JSON at line {lineno})"
                ) from None
            if not isinstance(item, dict) or len(item) < 1:
                raise CorpusFileError(f"{name}: corrupted corpus file (unexpected line {lineno})")
            if "article" in item:
                articles.append(load(item["article"], ArticleSummary, name, lineno))
            elif "error" in item:
                errors.append(load(item["error"], ReadFailure, name, lineno))
            elif item.get("end") == FORMAT:
                ended = True
            else:
                raise CorpusFileError(f"{name}: corrupted corpus file (unexpected line {lineno})")
        if not ended or len(articles) != n_articles or len(errors) != n_errors:
            raise CorpusFileError(
                f"{name}: truncated corpus file ({len(articles)} of {n_articles} articles"
                f"{'' if ended else ', no end marker'})"
            )
        return cls(articles, errors=errors)


def _register_hooks() -> None:
    """Teach :data:`dnnd.converter` the whole corpus (the ``.json`` layout, lossless)."""
    from .serialize import converter

    converter.register_unstructure_hook(Corpus, lambda c: c.to_dict())
    converter.register_structure_hook(
        Corpus, lambda data, _: data if isinstance(data, Corpus) else Corpus.from_dict(data)
    )


_register_hooks()


def _check_header(data: Any, source: str, *, layout: str) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CorpusFileError(f"{source}: not a dnnd corpus (no '{FORMAT}' format marker)")
    version = data.get("version")
    if not isinstance(version, int):
        raise CorpusFileError(f"{source}: corrupted corpus header (no version)")
    if version > FORMAT_VERSION:
        raise CorpusFileError(
            f"{source}: corpus format version {version} is newer than this dnnd reads ({FORMAT_VERSION})"
        )
    del layout


class _Loader:
    """Structure saved records, sharing one object per distinct string and date (a corpus repeats them endlessly)."""

    def __init__(self) -> None:
        from .serialize import converter

        self._conv = converter.copy()
        strings: dict[str, str] = {}
        dates: dict[str, PartialDate] = {}

        def structure_str(value: Any, cls: type) -> Any:
            if not isinstance(value, str):
                raise TypeError(f"expected a string, got {type(value).__name__}")
            if cls is not str:  # the str enums (DocumentKind ...): by value
                return cls(value)
            return strings.setdefault(value, value)

        def structure_date(value: Any, _: type) -> PartialDate:
            if isinstance(value, PartialDate):
                return value
            found = dates.get(value)
            if found is None:
                found = dates[value] = PartialDate.from_iso(value)
            return found

        self._conv.register_structure_hook(str, structure_str)
        self._conv.register_structure_hook(PartialDate, structure_date)

    def __call__(self, value: Any, cls: type[Any], source: str, where: int) -> Any:
        try:
            return self._conv.structure(value, cls)
        except (cattrs.BaseValidationError, ValueError, TypeError, KeyError, AttributeError) as err:
            raise CorpusFileError(
                f"{source}: corrupted corpus file (bad {cls.__name__} record #{where}: {_first_line(err)})"
            ) from None


def _first_line(err: BaseException) -> str:
    text = str(err) or type(err).__name__
    return text.splitlines()[0][:120]


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
