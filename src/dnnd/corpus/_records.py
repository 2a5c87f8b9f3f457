"""The records a corpus answers with: article summaries, merged entities, evidence."""

from __future__ import annotations

import attrs

from .._jupyter import table
from ..model import (
    Article,
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
)
from ._keys import _type_word_at

__all__ = [
    "ArticleSummary",
    "Citation",
    "CorpusDocument",
    "CorpusEvent",
    "CorpusOrganisation",
    "CorpusPerson",
    "Evidence",
    "HeldPosition",
    "ReadFailure",
]


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
