"""The records a corpus answers with: article summaries, merged entities, evidence."""

from __future__ import annotations

import datetime as _dt

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
from ._text_links import StatedRelation, participation, stated_relations

__all__ = [
    "ArticleSummary",
    "Citation",
    "CorpusCongress",
    "CorpusDocument",
    "CorpusEvent",
    "CorpusOrganisation",
    "CorpusPerson",
    "Evidence",
    "Explanation",
    "HeldPosition",
    "ReadFailure",
    "Relation",
    "StatedRelation",
    "Tenure",
]


@attrs.frozen(kw_only=True)
class ArticleSummary:
    """What a corpus keeps of one article: everything extracted, not the text.

    Spans still index the original article's text, so the caller who has the
    file can always quote the surface text. The fields are those of
    :class:`~dnnd.model.Article` of the same names (``source``, ``title``,
    ``published``, ``documents``, ``congress_resolutions``,
    ``organisations``, ``people``, ``events``). Two more are read off the
    text before it is dropped: ``taking_part`` pairs (person index, event
    index) for the people who take part in a reported event, and
    ``relations`` the links between bodies the text states ("là thành viên
    của").

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
    taking_part: tuple[tuple[int, int], ...] = ()
    relations: tuple[StatedRelation, ...] = ()

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
            taking_part=participation(article),
            relations=stated_relations(article.text, article.organisations),
        )

    @property
    def label(self) -> str:
        """The source, or ``"(unnamed)"`` for an article parsed from a bare string."""
        return self.source or "(unnamed)"

    @property
    def as_of(self) -> PartialDate | None:
        """The article's date: its publication date, else the latest fully dated event it reports (not one it mentions)."""
        if self.published is not None:
            return self.published
        dated = [
            e.date for e in self.events if e.reported and e.date is not None and e.date.year is not None and e.date.day
        ]
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

    Its identity is its head (the kind of body, with the partner country of a
    friendship association) and its locality: the Thanh Hóa and the Thái
    Bình associations for Laos are two organisations, and neither is the
    central one (see :meth:`Corpus.why`).

    Attributes:
        id: Stable corpus id (``"org:..."``).
        name: Canonical name (the registry's when linked, or the override's).
        kind: What sort of body it is.
        abbreviation: ``"VUFO"`` ... when known.
        aliases: The other names that name it anywhere (an article's short
            form such as "Hội" or "Ủy ban MTTQ tỉnh" is not among them).
        locality: Province or city of a local body (``None`` for a central or
            foreign body); a district or commune for a body of one.
        level: ``"central"``, ``"province"``, ``"district"`` or ``"commune"``.
        since: For a body of a provincial unit formed on 2025-07-01 that
            kept a merged unit's name, the day the unit began; else ``None``.
        registry_id: Id of the registry organisation, when known.
        evidence: One :class:`Evidence` per article naming it.

    """

    id: str
    name: str
    kind: OrganisationKind = OrganisationKind.OTHER
    abbreviation: str | None = None
    aliases: frozenset[str] = frozenset()
    locality: str | None = None
    level: str = "central"
    since: _dt.date | None = None
    registry_id: str | None = None
    evidence: tuple[Evidence, ...] = ()

    @property
    def count(self) -> int:
        """How many articles name the organisation."""
        return len(self.evidence)

    @property
    def sources(self) -> tuple[str, ...]:
        """The articles naming the organisation, in corpus order."""
        return tuple(e.source for e in self.evidence)

    def _repr_html_(self) -> str:
        """Return an HTML table of where the organisation is named, for Jupyter."""
        rows = [(e.source, e.published, len(e.spans)) for e in self.evidence]
        return table(("source", "date", "mentions"), rows, caption=f"{self.name} [{self.kind.value}]")


@attrs.frozen(kw_only=True)
class HeldPosition:
    """A position an article says a person holds, with the date it holds as of.

    ``date`` is the day the statement speaks for: the article's printed
    date; for an undated article, the date of the reported event the person
    takes part in; else unknown (``None``). It is never the date of a
    happening the article only mentions. ``dated_by`` says which
    (``"published"``, ``"event"`` or ``None``). ``source`` and ``spans``
    point at the statement.

    Attributes:
        person: The person's display name.
        person_id: Corpus id of the person.
        title: The title ("Phó Chủ tịch").
        organisation: Canonical name of the body, or ``None``.
        organisation_id: Corpus id of the body, or ``None``.
        former: True for "nguyên ...".
        date: The day the statement holds for, or ``None``.
        source: The article.
        spans: Spans of the statement.
        dated_by: ``"published"``, ``"event"``, ``"override"`` or ``None``.

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
    dated_by: str | None = None

    def _repr_html_(self) -> str:
        """Return a one-row HTML table, for Jupyter."""
        return table(("person", "title", "organisation", "date", "source"), [self._row()])

    def _row(self) -> tuple[object, ...]:
        return (self.person, ("nguyên " if self.former else "") + self.title, self.organisation, self.date, self.source)


@attrs.frozen(kw_only=True)
class CorpusPerson:
    """A person merged over the articles naming them, with every position stated.

    Records of one name are one person only where evidence ties them (a
    shared organisation, posts in one province, or nothing to tell them
    apart); same-name people in different provinces stay apart (see
    :meth:`Corpus.why`).

    Attributes:
        id: Stable corpus id (``"person:nguyen-van-doanh"``; a same-name
            person elsewhere gets a suffix, ``"person:nguyen-van-an~thanh-hoa"``).
        name: Display name (most written form with diacritics, or the override's).
        aliases: Other spellings seen.
        positions: Every :class:`HeldPosition` the articles state, oldest first.
        evidence: One :class:`Evidence` per article naming the person.
        localities: The provinces (or districts) of the bodies they hold posts in.

    """

    id: str
    name: str
    aliases: frozenset[str] = frozenset()
    positions: tuple[HeldPosition, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    localities: tuple[str, ...] = ()

    @property
    def sources(self) -> tuple[str, ...]:
        """The articles naming the person, in corpus order."""
        return tuple(e.source for e in self.evidence)

    def _repr_html_(self) -> str:
        """Return an HTML table of the positions over time, for Jupyter."""
        return table(
            ("person", "title", "organisation", "date", "source"), [p._row() for p in self.positions], caption=self.name
        )


@attrs.frozen(kw_only=True)
class CorpusEvent:
    """An event, merged over the articles telling of it (same date, kind and place).

    ``reported`` is True when at least one article reports it as its news,
    False when every article only mentions it (history, an anniversary's
    origin, a plan).

    Attributes:
        id: Stable corpus id (``"event:DATE:KIND:PLACE"``).
        kind: The event kind.
        date: First (or only) day.
        end_date: Last day of a span.
        location: The place.
        organisers: Canonical names of the organisers.
        organiser_ids: Corpus ids of the organisers.
        title: Its name, when given.
        evidence: One :class:`Evidence` per article telling of it.
        reported: True when an article reports it, False when all only mention it.

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
    reported: bool = True

    @property
    def sources(self) -> tuple[str, ...]:
        """The articles telling of the event."""
        return tuple(e.source for e in self.evidence)

    def _repr_html_(self) -> str:
        """Return a one-row HTML table, for Jupyter."""
        row = (self.date, self.kind.value, self.location, ", ".join(self.organisers), self.title)
        return table(("date", "kind", "place", "organisers", "title"), [row])


@attrs.frozen(kw_only=True)
class CorpusCongress:
    """A Party congress invoked in the corpus, merged over the articles invoking it.

    Attributes:
        id: Stable corpus id (``"congress:national:13"``, ``"congress:ha-noi:17"``).
        ordinal: The congress number.
        scope: ``"national"`` or the province or city of the Party organisation.
        party_body: The Party organisation.
        term: The term (``"2021-2026"``), when an article or the registry gives it.
        year: The year it was held, from the registry, when known.
        evidence: One :class:`Evidence` per article invoking it.

    """

    id: str
    ordinal: int
    scope: str
    party_body: str
    term: str | None = None
    year: int | None = None
    evidence: tuple[Evidence, ...] = ()

    @property
    def sources(self) -> tuple[str, ...]:
        """The articles invoking the congress, in corpus order."""
        return tuple(e.source for e in self.evidence)

    @property
    def is_national(self) -> bool:
        """True for a congress of the Communist Party of Viet Nam as a whole."""
        return self.scope == "national"


@attrs.frozen(kw_only=True)
class Relation:
    """A link between two organisations: ``subject`` is ``kind`` of ``object``.

    ``kind`` is ``"member_of"`` (a provincial union of VUFO), ``"branch_of"``
    (a provincial friendship association of the central one for its
    country), ``"organ_of"`` (a standing committee of its body) or
    ``"succeeded_by"`` (a body of a province merged on 2025-07-01 and the
    same body of the new province, ``since`` that day). ``basis`` says where
    it comes from: ``"text"`` (an article says so; ``evidence`` points at
    it), ``"registry"`` (a curated fact), ``"rule"`` (true of every body of
    that sort), ``"name"`` (the name says so: "Ban Thường vụ Tỉnh ủy X") or
    ``"merger"``. ``object_id`` is ``None`` when the corpus never names the
    object.

    Attributes:
        kind: The kind of link.
        subject: Name of the subject.
        subject_id: Corpus id of the subject.
        object: Name of the object.
        object_id: Corpus id of the object, or ``None``.
        basis: ``"text"``, ``"registry"``, ``"rule"``, ``"name"`` or ``"merger"``.
        since: Since when, if known.
        note: What a registry fact or a rule rests on.
        evidence: The articles stating it (for ``basis="text"``).

    """

    kind: str
    subject: str
    subject_id: str
    object: str
    object_id: str | None
    basis: str
    since: PartialDate | None = None
    note: str | None = None
    evidence: tuple[Evidence, ...] = ()

    def __str__(self) -> str:
        return f"{self.subject} {self.kind.replace('_', ' ')} {self.object} ({self.basis})"


@attrs.frozen(kw_only=True)
class Tenure:
    """A person's time in one post, from the statements that date it.

    ``first`` and ``last`` are the earliest and latest dates at which an
    article states the person holds the post; ``ended`` is the earliest date
    at which one calls them former ("nguyên"), if any. ``statements`` are the
    :class:`HeldPosition` records behind it, oldest first (undated last).

    Attributes:
        person: The person's name.
        person_id: Corpus id of the person.
        title: The title.
        organisation: The body's name, or ``None``.
        organisation_id: Corpus id of the body, or ``None``.
        first: First date stated, if any.
        last: Last date stated, if any.
        ended: First date the person is called former, if any.
        statements: The statements, oldest first.

    """

    person: str
    person_id: str
    title: str
    organisation: str | None
    organisation_id: str | None
    first: PartialDate | None = None
    last: PartialDate | None = None
    ended: PartialDate | None = None
    statements: tuple[HeldPosition, ...] = ()

    @property
    def sources(self) -> tuple[str, ...]:
        """The articles stating it."""
        return tuple(dict.fromkeys(h.source for h in self.statements))

    def __str__(self) -> str:
        span = f"{self.first or '?'} - {self.last or '?'}" if self.first != self.last else f"{self.first or '?'}"
        where = f" {self.organisation}" if self.organisation else ""
        return f"{self.person}: {self.title}{where}, {span}" + (f" (former by {self.ended})" if self.ended else "")


@attrs.frozen(kw_only=True)
class Explanation:
    """Why two names are one entity, or two.

    Attributes:
        same: True when they are one entity.
        kind: ``"organisation"`` or ``"person"``.
        first: The entity (or entities) the first name stands for.
        second: The entity (or entities) the second name stands for.
        reasons: The evidence, one sentence each.

    """

    same: bool
    kind: str
    first: tuple[str, ...]
    second: tuple[str, ...]
    reasons: tuple[str, ...] = ()

    def __str__(self) -> str:
        verdict = "one " + self.kind if self.same else "different " + ("people" if self.kind == "person" else "organisations")
        return verdict + ": " + "; ".join(self.reasons)
