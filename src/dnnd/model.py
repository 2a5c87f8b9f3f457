"""The typed records dnnd extracts.

Every class here is an immutable ``attrs`` class (frozen, slotted, keyword
only). Each extracted item keeps the :class:`Span` of every mention it was
built from; a span always indexes the caller's *original* string, so
``article.text[span.start:span.end]`` is exactly the surface text. A
record's ``mentions`` are sorted by position; a record named many times (a
list of one body on every line) keeps them compactly, as a read-only,
tuple-like sequence that builds each :class:`Span` when it is read and
compares equal to (and hashes like) the tuple of the same spans.

Ids are stable strings derived from the content (never from ``hash()``), so
the same input gives the same ids in every run and on every machine.
"""

from __future__ import annotations

import datetime as _dt
import enum
import itertools
import operator
import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar, cast, overload

import attrs

__all__ = [
    "Article",
    "Claim",
    "Conflict",
    "CongressResolution",
    "Document",
    "DocumentKind",
    "Event",
    "EventKind",
    "Organisation",
    "OrganisationKind",
    "PartialDate",
    "Person",
    "Position",
    "Segment",
    "SegmentKind",
    "Span",
]


class DocumentKind(str, enum.Enum):
    """The type of a Party or State document (the word before its number)."""

    DIRECTIVE = "directive"  #: Chỉ thị
    RESOLUTION = "resolution"  #: Nghị quyết (not a congress resolution)
    CONCLUSION = "conclusion"  #: Kết luận
    DECISION = "decision"  #: Quyết định
    NOTICE = "notice"  #: Thông báo
    CIRCULAR = "circular"  #: Thông tri (Party) or Thông tư (State)
    DECREE = "decree"  #: Nghị định
    LAW = "law"  #: Luật
    REGULATION = "regulation"  #: Quy định, Quy chế
    SCHEME = "scheme"  #: Đề án, Chiến lược, Chương trình, Kế hoạch
    CHARTER = "charter"  #: Điều lệ
    OTHER = "other"  #: Hướng dẫn, Công văn and anything else

    def __str__(self) -> str:
        return self.value


class OrganisationKind(str, enum.Enum):
    """What sort of body an organisation is."""

    FRIENDSHIP_UNION = "friendship_union"  #: VUFO and the provincial unions
    FRIENDSHIP_ASSOCIATION = "friendship_association"  #: Hội hữu nghị Việt Nam - X
    PARTY = "party"  #: Party bodies (Ban Bí thư, Tỉnh ủy, Ban Đối ngoại ...)
    STATE = "state"  #: State bodies (ministries, Sở, UBND, Quốc hội ...)
    FRONT = "front"  #: the Fatherland Front and its committees
    MASS = "mass"  #: mass organisations (youth, women, veterans ...)
    INTERNATIONAL = "international"  #: international organisations and networks
    EMBASSY = "embassy"  #: embassies and consulates
    EDUCATION = "education"  #: universities, schools, institutes
    FOREIGN_GOVERNMENT = "foreign_government"  #: foreign State bodies
    NGO = "ngo"  #: non-governmental organisations
    MEDIA = "media"  #: newspapers and broadcasters acting in a story
    COMPANY = "company"  #: enterprises
    OTHER = "other"  #: anything else (competition clusters ...)

    def __str__(self) -> str:
        return self.value


class EventKind(str, enum.Enum):
    """The kind of a dated happening."""

    CONFERENCE = "conference"  #: hội nghị
    SEMINAR = "seminar"  #: tọa đàm, hội thảo, diễn đàn, đối thoại
    CEREMONY = "ceremony"  #: lễ kỷ niệm, lễ trao, mít tinh ...
    CONGRESS = "congress"  #: đại hội of an organisation
    VISIT = "visit"  #: thăm, làm việc, tiếp, hội kiến
    EXCHANGE = "exchange"  #: giao lưu, liên hoan, cuộc thi ...
    PROGRAMME = "programme"  #: a named campaign run over a period
    SIGNING = "signing"  #: ký kết, ký biên bản ghi nhớ
    OTHER = "other"  #: anything else

    def __str__(self) -> str:
        return self.value


class SegmentKind(str, enum.Enum):
    """The role of a stretch of an article's text."""

    TITLE = "title"
    PUBLISHED = "published"  #: the timestamp or dateline giving the date
    BYLINE = "byline"
    LEAD = "lead"
    BODY = "body"
    CAPTION = "caption"
    CHROME = "chrome"  #: site furniture (menus, teasers, footers); kept, never mined

    def __str__(self) -> str:
        return self.value


def _check_span(instance: Span, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value}")
    if attribute.name == "end" and value < instance.start:
        raise ValueError(f"end ({value}) is before start ({instance.start})")


@attrs.frozen(kw_only=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of the caller's original string.

    >>> text = "Chỉ thị 12-CT/TW"
    >>> Span(start=8, end=16).of(text)
    '12-CT/TW'
    """

    start: int = attrs.field(validator=_check_span)
    end: int = attrs.field(validator=_check_span)

    def of(self, text: str) -> str:
        """Return the surface text this span covers in *text*."""
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start


_ISO_PARTIAL = re.compile(r"(\d{4}|XXXX)(?:-(\d{2})(?:-(\d{2}))?)?")


def _check_date(instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    del attribute
    if instance.day is not None and instance.month is None:
        raise ValueError("a day needs a month")
    if instance.month is not None and not 1 <= instance.month <= 12:
        raise ValueError(f"month out of range: {instance.month}")
    if instance.day is not None:
        year = instance.year if instance.year is not None else 2000  # leap year
        _dt.date(year, instance.month or 1, instance.day)  # raises ValueError
    if instance.year is None and instance.month is None:
        raise ValueError("a date needs at least a year or a month")
    del value


@attrs.frozen(kw_only=True)
class PartialDate:
    """A calendar date known to the day, the month or only the year.

    The year may be unknown when the text gives a day and month but no way to
    fix the year; its ISO form then starts with ``XXXX``, as in the extraction
    contract.

    >>> PartialDate(year=2022, month=7, day=14).iso
    '2022-07-14'
    >>> PartialDate.from_iso("XXXX-05-29").precision
    'day'
    >>> str(PartialDate(year=2021, month=9))
    '2021-09'
    """

    year: int | None = None
    month: int | None = None
    day: int | None = attrs.field(default=None, validator=_check_date)

    @classmethod
    def from_iso(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``XXXX-MM[-DD]``."""
        m = _ISO_PARTIAL.fullmatch(text.strip())
        if not m:
            raise ValueError(f"not a partial ISO date: {text!r}")
        year = None if m[1] == "XXXX" else int(m[1])
        return cls(year=year, month=int(m[2]) if m[2] else None, day=int(m[3]) if m[3] else None)

    @classmethod
    def from_date(cls, value: _dt.date) -> PartialDate:
        """Wrap a complete :class:`datetime.date`."""
        return cls(year=value.year, month=value.month, day=value.day)

    @property
    def precision(self) -> str:
        """``'day'``, ``'month'`` or ``'year'``."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def iso(self) -> str:
        """The contract's ISO form (``2022-07``, ``XXXX-07-14`` ...)."""
        parts = [f"{self.year:04d}" if self.year is not None else "XXXX"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def to_date(self) -> _dt.date | None:
        """The :class:`datetime.date`, or ``None`` unless known to the day."""
        if self.year is None or self.month is None or self.day is None:
            return None
        return _dt.date(self.year, self.month, self.day)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """A key that orders dates chronologically, unknown parts first."""
        return (self.year or 0, self.month or 0, self.day or 0)

    def __str__(self) -> str:
        return self.iso

    def __format__(self, spec: str) -> str:
        return format(self.iso, spec)


def _spans(value: object) -> tuple[Span, ...]:
    """A record's mention spans, sorted by (start, end): a tuple, or a :class:`_SpanTable` when they are many."""
    if isinstance(value, _SpanTable):
        return cast("tuple[Span, ...]", value)
    if not value:
        return ()
    spans = value if isinstance(value, (list, tuple)) else list(value)  # type: ignore[call-overload]
    if len(spans) >= _TABLE_FROM:
        return cast("tuple[Span, ...]", _SpanTable.of(spans))
    # sorted by (start, end) as plain tuples: the same order as Span's, without a Python call per comparison
    return tuple(sorted(spans, key=_span_order))


def _spans_of(
    span_of: Callable[[int, int], Span],
    bounds: Iterable[tuple[int, int]],
    count: int,
    bounds_of: Callable[[int, int], tuple[int, int]] | None = None,
) -> tuple[Span, ...]:
    """The record spans of *count* mentions at *bounds* (of the canonical text), mapped by *span_of*.

    Many of them go straight into a :class:`_SpanTable`, one at a time, so a
    record of thousands of mentions never holds a list of them (*bounds* may
    be a generator); *bounds_of*, the same mapping giving bare bounds, then
    spares a :class:`Span` made only to be read.
    """
    if count >= _TABLE_FROM:
        if bounds_of is None:
            bounds_of = lambda s, e: _span_order(span_of(s, e))  # noqa: E731
        return cast("tuple[Span, ...]", _SpanTable.of_bounds(itertools.chain.from_iterable(itertools.starmap(bounds_of, bounds))))
    return _spans([span_of(s, e) for s, e in bounds])


def _span_order(span: Span) -> tuple[int, int]:
    return (span.start, span.end)


def _strs(value: Iterable[str] | None) -> frozenset[str]:
    return frozenset(value) if value else frozenset()


@attrs.frozen(kw_only=True)
class Document:
    """A Party or State document the article cites (Chỉ thị 12-CT/TW ...).

    ``number`` is canonical (``12-CT/TW``, ``80/2020/NĐ-CP``); ``issuer``,
    ``date`` and ``title`` are what the article states, which may disagree with
    the registry (see :mod:`dnnd.corpus` for the cross-checks).

    Attributes:
        id: Stable id within the article (``"doc:directive:12-ct/tw"``).
        kind: The document type (Chỉ thị, Nghị định ...).
        number: Canonical number, or ``None`` for a document named by title only.
        issuer: The issuing body as the article names it.
        date: The date the article gives.
        title: The subject as the article gives it.
        registry_id: Id of the matching :class:`dnnd.registry.RegistryDocument`, if known.
        mentions: Spans of every mention, full or short ("Chỉ thị 12").
        type_word: The type word as the article writes it ("Chỉ thị", "Thông tư"), when known.

    """

    id: str
    kind: DocumentKind
    number: str | None = None
    issuer: str | None = None
    date: PartialDate | None = None
    title: str | None = None
    registry_id: str | None = None
    mentions: tuple[Span, ...] = attrs.field(default=(), converter=_spans)
    #: the type word the article writes before the number ("Chỉ thị",
    #: "Thông tư", "Thông tri" ...), as written; ``None`` when not known
    type_word: str | None = None

    @property
    def is_directive(self) -> bool:
        """True for a Chỉ thị."""
        return self.kind is DocumentKind.DIRECTIVE


@attrs.frozen(kw_only=True)
class CongressResolution:
    """A Party congress whose resolution or line the article invokes.

    ``scope`` is ``"national"`` for the national Party congress, otherwise the
    province or city of the Party organisation (``"Hà Nội"``).

    Attributes:
        id: Stable id within the article (``"congress:national:13"``).
        ordinal: The congress number (XIII is 13).
        scope: ``"national"`` or the locality.
        party_body: ``"Đảng Cộng sản Việt Nam"`` or the local Party organisation.
        term: The term (``"2021-2026"``) when known.
        mentions: Spans of every mention.

    """

    id: str
    ordinal: int
    scope: str
    party_body: str
    term: str | None = None
    mentions: tuple[Span, ...] = attrs.field(default=(), converter=_spans)

    @property
    def is_national(self) -> bool:
        """True for a congress of the Communist Party of Viet Nam as a whole."""
        return self.scope == "national"


@attrs.frozen(kw_only=True)
class Organisation:
    """A named body, under one canonical name whatever the spelling.

    Attributes:
        id: Stable id within the article (``"org:..."``); positions point to it.
        name: Canonical full name, local unit written out ("thành phố Hà Nội").
        kind: What sort of body it is.
        abbreviation: ``"VUFO"``, ``"MTTQ"`` ... when known.
        aliases: Other ways the article (or the registry) writes it.
        locality: Province or city of a local body.
        registry_id: Id of the matching :class:`dnnd.registry.RegistryOrganisation`, if known.
        mentions: Spans of every mention.

    """

    id: str
    name: str
    kind: OrganisationKind = OrganisationKind.OTHER
    abbreviation: str | None = None
    aliases: frozenset[str] = attrs.field(default=frozenset(), converter=_strs)
    locality: str | None = None
    registry_id: str | None = None
    mentions: tuple[Span, ...] = attrs.field(default=(), converter=_spans)

    @property
    def names(self) -> frozenset[str]:
        """The canonical name, the abbreviation and every alias."""
        extra = {self.name} | ({self.abbreviation} if self.abbreviation else set())
        return self.aliases | extra


@attrs.frozen(kw_only=True)
class Position:
    """A post a person holds: ``title`` of ``organisation``.

    ``organisation`` is the canonical name of the body (``None`` for a title
    used alone, such as "Đại sứ"); ``former`` is set for "nguyên ...".

    Attributes:
        title: The role words ("Phó Chủ tịch Thường trực", "Tổng Bí thư").
        organisation: Canonical name of the body, or ``None``.
        organisation_id: The ``id`` of that :class:`Organisation` in the same article.
        former: True for a former post ("nguyên").
        mentions: Spans of the title and organisation as written.

    """

    title: str
    organisation: str | None = None
    organisation_id: str | None = None
    former: bool = False
    mentions: tuple[Span, ...] = attrs.field(default=(), converter=_spans)


@attrs.frozen(kw_only=True)
class Person:
    """A named person who takes part in or is spoken of in the story.

    Attributes:
        id: Stable id within the article (``"person:nguyen-van-doanh"``).
        name: The bare full name, without honorifics or degrees.
        positions: The posts the article gives this person.
        aliases: Other spellings of the name in the article.
        mentions: Spans of the name.

    """

    id: str
    name: str
    positions: tuple[Position, ...] = ()
    aliases: frozenset[str] = attrs.field(default=frozenset(), converter=_strs)
    mentions: tuple[Span, ...] = attrs.field(default=(), converter=_spans)


@attrs.frozen(kw_only=True)
class Event:
    """A dated happening: a conference, seminar, ceremony, visit ...

    ``date`` is resolved as far as the text allows (see :class:`PartialDate`);
    ``end_date`` is set for a span ("từ ngày 24 đến 29/5"). ``reported``
    tells the article's news from the happenings it only mentions.

    Attributes:
        id: Stable id within the article.
        kind: The kind of happening, from the word that names it.
        date: First (or only) day, as far as the text allows.
        end_date: Last day of a span, else ``None``.
        time_of_day: "sáng", "chiều" ... when the text gives it.
        location: The place name alone (city or province, or a venue).
        organisers: Canonical names of the organisations that organise or host it.
        title: Its name, when the article gives one.
        mentions: Spans of the event word and of its date.
        reported: True when the article reports the event as its news; False
            when it only mentions it (history, the origin of an anniversary,
            a plan).
        year_evidence: What fixed the year of ``date`` ("printed", "the
            article's date (2022-07-20)", "review of the period ending
            2018-12-31" ...), ``None`` when the text does not fix it.

    """

    id: str
    kind: EventKind
    date: PartialDate | None = None
    end_date: PartialDate | None = None
    time_of_day: str | None = None
    location: str | None = None
    organisers: tuple[str, ...] = ()
    title: str | None = None
    mentions: tuple[Span, ...] = attrs.field(default=(), converter=_spans)
    #: True when the article reports the event (its news), False when it only
    #: mentions it (a past happening, an anniversary's origin, a plan)
    reported: bool = True
    #: what fixed the year of ``date``; ``None`` when the text does not fix it
    year_evidence: str | None = None


@attrs.frozen(kw_only=True)
class Segment:
    """A stretch of the article with its role (title, body, chrome ...).

    Attributes:
        kind: The role of the stretch.
        span: Where it is in ``Article.text``.

    """

    kind: SegmentKind
    span: Span


_T = TypeVar("_T")


class _TupleLike(Sequence[_T]):
    """A read-only sequence stored compactly that behaves as the tuple of its items.

    It compares equal to that tuple (and hashes like it), reads as it, and
    concatenates with tuples; a subclass says how many items it holds, how
    to build the *i*-th and how to walk them (``_item``, ``__len__``,
    ``__iter__``), and what to compare with another of its kind (``_key``).
    """

    __slots__ = ()

    def _item(self, index: int) -> _T:
        raise NotImplementedError

    def _key(self) -> object:
        raise NotImplementedError

    @overload
    def __getitem__(self, index: int) -> _T: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[_T, ...]: ...

    def __getitem__(self, index: int | slice) -> _T | tuple[_T, ...]:
        if isinstance(index, slice):
            return tuple(map(self._item, range(len(self))[index]))  # (only the items sliced are built)
        return self._item(range(len(self))[index])  # (negative indices; IndexError out of range)

    def __eq__(self, other: object) -> bool:
        if type(other) is type(self):
            return self._key() == other._key()
        if isinstance(other, tuple):
            return len(other) == len(self) and tuple(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __add__(self, other: object) -> tuple[_T, ...]:
        if isinstance(other, (tuple, _TupleLike)):
            return (*self, *other)
        return NotImplemented

    def __radd__(self, other: object) -> tuple[_T, ...]:
        if isinstance(other, tuple):
            return (*other, *self)
        return NotImplemented

    def __repr__(self) -> str:
        return repr(tuple(self))


class _SegmentTable(_TupleLike[Segment]):
    """The segments of a parsed article, stored compactly: a tuple-like, read-only sequence.

    A parsed article keeps its layout as three arrays (the code of each
    segment's kind, an index into ``tuple(SegmentKind)``, and the start and
    end of its span) and builds a :class:`Segment` only when one is read, so
    an article of many short lines costs a few bytes a line. It compares
    equal to the tuple of the same segments (and hashes like it), so an
    article compares equal to its copy rebuilt from JSON.

    >>> table = _SegmentTable(bytes([0]), [0], [5])
    >>> table[0]
    Segment(kind=<SegmentKind.TITLE: 'title'>, span=Span(start=0, end=5))
    >>> table == (Segment(kind=SegmentKind.TITLE, span=Span(start=0, end=5)),)
    True
    """

    __slots__ = ("_ends", "_kinds", "_starts")

    def __init__(self, kinds: bytes, starts: Iterable[int], ends: Iterable[int]) -> None:
        self._kinds = bytes(kinds)
        self._starts = starts if isinstance(starts, array) else array("q", starts)
        self._ends = ends if isinstance(ends, array) else array("q", ends)
        if not len(self._kinds) == len(self._starts) == len(self._ends):
            raise ValueError("kinds, starts and ends differ in length")

    def __len__(self) -> int:
        return len(self._kinds)

    def _item(self, index: int) -> Segment:
        return Segment(kind=_KINDS[self._kinds[index]], span=Span(start=self._starts[index], end=self._ends[index]))

    def _key(self) -> object:
        return (self._kinds, self._starts, self._ends)

    def __iter__(self) -> Iterator[Segment]:
        kinds = _KINDS
        for k, s, e in zip(self._kinds, self._starts, self._ends, strict=True):
            yield Segment(kind=kinds[k], span=Span(start=s, end=e))

    def __reduce__(self) -> tuple[type[_SegmentTable], tuple[bytes, list[int], list[int]]]:
        return (_SegmentTable, (self._kinds, self._starts.tolist(), self._ends.tolist()))

    def of_kind(self, kind: SegmentKind) -> Iterator[Segment]:
        """The segments of one kind, in text order (only those are built)."""
        code = _KINDS.index(kind)
        for k, s, e in zip(self._kinds, self._starts, self._ends, strict=True):
            if k == code:
                yield Segment(kind=kind, span=Span(start=s, end=e))


_KINDS = tuple(SegmentKind)

#: a record with this many mentions or more keeps their spans in a :class:`_SpanTable`
_TABLE_FROM = 8


class _SpanTable(_TupleLike[Span]):
    """Many spans of one record, stored compactly: a tuple-like, read-only sequence sorted by (start, end).

    A record named thousands of times (a list of one body on every line)
    keeps its spans as one array of bounds, 16 bytes a span, and builds a
    :class:`Span` only when one is read. It compares equal to the tuple of
    the same spans (and hashes like it), so a record compares equal to its
    copy rebuilt from JSON.

    >>> table = _SpanTable.of([Span(start=7, end=9), Span(start=0, end=4)])
    >>> table[0]
    Span(start=0, end=4)
    >>> table == (Span(start=0, end=4), Span(start=7, end=9))
    True
    """

    __slots__ = ("_bounds",)

    def __init__(self, bounds: array[int]) -> None:
        self._bounds = bounds  # start, end, start, end ... (checked and sorted by the makers)

    @classmethod
    def of(cls, spans: Iterable[Span]) -> _SpanTable:
        """The table of *spans* (any order; read one at a time, so a generator of them is never held whole)."""
        return cls.of_bounds(itertools.chain.from_iterable((span.start, span.end) for span in spans))

    @classmethod
    def of_bounds(cls, bounds: Iterable[int]) -> _SpanTable:
        """The table of the interleaved *bounds* (``start, end, start ...``), checked as :class:`Span` checks them."""
        table = array("q", bounds)
        if len(table) % 2:
            raise ValueError("a start without its end")
        starts, ends = table[::2], table[1::2]
        # (checked in C, by whole arrays; the first bad span is looked for only when there is one)
        if (starts and min(starts) < 0) or not all(map(operator.le, starts, ends)):
            start, end = next((s, e) for s, e in zip(starts, ends, strict=True) if s < 0 or e < s)
            if start < 0:
                raise ValueError(f"start must be >= 0, got {start}")
            raise ValueError(f"end ({end}) is before start ({start})")
        # sorted by (start, end): at once where the starts rise (most records), else compared as pairs
        if not all(map(operator.lt, starts, itertools.islice(starts, 1, None))) and not all(
            map(operator.le, zip(starts, ends, strict=True), itertools.islice(zip(starts, ends, strict=True), 1, None))
        ):
            table = array("q", itertools.chain.from_iterable(sorted(zip(starts, ends, strict=True))))
        return cls(table)

    def __len__(self) -> int:
        return len(self._bounds) // 2

    def _item(self, index: int) -> Span:
        return Span(start=self._bounds[2 * index], end=self._bounds[2 * index + 1])

    def _key(self) -> object:
        return self._bounds

    def __iter__(self) -> Iterator[Span]:
        bounds = self._bounds
        for i in range(0, len(bounds), 2):
            yield Span(start=bounds[i], end=bounds[i + 1])

    def __reduce__(self) -> tuple[type[_SpanTable], tuple[array[int]]]:
        return (_SpanTable, (self._bounds,))


@attrs.frozen(kw_only=True)
class Article:
    """One article: its text, its layout and everything extracted from it.

    ``text`` is the caller's original string (decoded, never altered); every
    span of every item indexes it. ``encoding`` records how the file was
    decoded (``None`` when the caller passed a string). ``published_time`` is
    the clock time of the article's timestamp (``"22:12"``), when it has one.
    ``segments`` give every non-blank line its role; chrome segments (site
    furniture) are kept but never mined, and neither are bylines. A parsed
    article holds them compactly (a read-only, tuple-like sequence that
    builds each :class:`Segment` when it is read and compares equal to the
    tuple of the same segments); any tuple of segments may be given.

    Attributes:
        text: The original string.
        source: The caller's label (a file name or an id).
        title: The headline.
        published: The article's own date (timestamp or dateline), else ``None``.
        author: The byline.
        encoding: The encoding of the file, ``None`` for a string.
        segments: The layout, in text order.
        published_time: Clock time of the timestamp (``"22:12"``), else ``None``.
        documents: Party and State documents cited.
        congress_resolutions: Party congresses invoked.
        organisations: Named bodies.
        people: Named people with their positions.
        events: Dated happenings.

    """

    text: str
    source: str | None = None
    title: str | None = None
    published: PartialDate | None = None
    author: str | None = None
    encoding: str | None = None
    segments: tuple[Segment, ...] = ()
    published_time: str | None = None
    documents: tuple[Document, ...] = ()
    congress_resolutions: tuple[CongressResolution, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    people: tuple[Person, ...] = ()
    events: tuple[Event, ...] = ()

    @property
    def directives(self) -> tuple[Document, ...]:
        """The documents that are directives (Chỉ thị)."""
        return tuple(d for d in self.documents if d.is_directive)

    @property
    def chrome(self) -> tuple[str, ...]:
        """The site furniture cut from the article (kept, never mined)."""
        return tuple(s.span.of(self.text) for s in self.segments_of(SegmentKind.CHROME))

    def segments_of(self, kind: SegmentKind) -> Iterator[Segment]:
        """The segments of one kind, in text order."""
        if isinstance(self.segments, _SegmentTable):
            return self.segments.of_kind(kind)
        return (s for s in self.segments if s.kind is kind)

    def _repr_html_(self) -> str:
        """Return a small HTML summary for Jupyter (counts and the cited documents)."""
        from ._jupyter import article_html

        return article_html(self)


@attrs.frozen(kw_only=True)
class Claim:
    """One side of a :class:`Conflict`: a value as one article (or the registry) states it.

    ``source`` names the article (``"registry"`` for the curated registry);
    ``spans`` index that article's text (empty for the registry);
    ``published`` is the article's date when known; ``from_registry`` is
    True for the registry's side.

    >>> c = Claim(value="2022-01-01", source="001.txt", spans=(Span(start=5, end=27),))
    >>> c.describe()
    '2022-01-01 (001.txt)'
    """

    value: str
    source: str
    spans: tuple[Span, ...] = attrs.field(default=(), converter=_spans)
    published: PartialDate | None = None
    from_registry: bool = False

    def describe(self) -> str:
        """``value (source)``, the way reports print a claim."""
        return f"{self.value} ({self.source})"


@attrs.frozen(kw_only=True)
class Conflict:
    """A fact on which articles, or an article and the registry, disagree.

    ``subject`` is what the fact is about (a document number, a person's
    name); ``field`` which fact (``"date"``, ``"issuer"``, ``"kind"``,
    ``"type_word"``, ``"position"``); ``entity_id`` the corpus id of the
    subject; ``claims`` every statement of the fact, in article order, with
    the registry's last. ``date`` is set for position conflicts (the date at
    which the statements disagree).

    >>> a = Claim(value="2022-01-01", source="001.txt")
    >>> b = Claim(value="2022-01-05", source="003.txt")
    >>> r = Claim(value="2022-01-05", source="registry", from_registry=True)
    >>> str(Conflict(subject="12-CT/TW", field="date", entity_id="doc:12-ct/tw", claims=(a, b, r)))
    '12-CT/TW date: 2022-01-01 (001.txt) vs 2022-01-05 (003.txt, registry)'
    """

    subject: str
    field: str
    entity_id: str
    claims: tuple[Claim, ...]
    date: PartialDate | None = None

    @property
    def values(self) -> tuple[str, ...]:
        """The distinct values claimed, in first-seen order."""
        return tuple(dict.fromkeys(c.value for c in self.claims))

    def sides(self) -> dict[str, tuple[Claim, ...]]:
        """Return the claims grouped by value (first-seen order)."""
        out: dict[str, list[Claim]] = {}
        for c in self.claims:
            out.setdefault(c.value, []).append(c)
        return {k: tuple(v) for k, v in out.items()}

    def __str__(self) -> str:
        at = f" on {self.date.iso}" if self.date else ""
        parts = [f"{value} ({', '.join(dict.fromkeys(c.source for c in claims))})" for value, claims in self.sides().items()]
        return f"{self.subject} {self.field}{at}: " + " vs ".join(parts)

    def _repr_html_(self) -> str:
        """Return an HTML table of the claims, for Jupyter."""
        from ._jupyter import table

        rows = [(c.value, c.source, ", ".join(f"{s.start}-{s.end}" for s in c.spans)) for c in self.claims]
        return table(("value", "source", "spans"), rows, caption=f"{self.subject} {self.field}")
