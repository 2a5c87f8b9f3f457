"""Finding dated events, each with the attributes of its own clause.

An event is a date mention plus the event word it dates, in the same
sentence: the lead "Sáng 14/7, tại Bắc Giang, Cụm thi đua số 1 ... tổ
chức tọa đàm ..." gives the date, the place ("tại ..."), the organisers
(the subject of "tổ chức") and the kind (the word after it). Captions
("... ngày 23/8/2025"), founding dates ("được thành lập ngày 20 tháng 8 năm
1999"), acts ("Ngày 12/7/2022, Sở ... ban hành Công văn ...") and years
that open a sentence ("Năm 2018, ... sang thăm Cuba") are events too.

Every attribute comes from the event's own clause, never from another
event of the same sentence or article:

- **kind**: the event word (``data/event_words.json``: nouns such as "hội
  nghị", verbs such as "thăm", "ban hành"), refined by a more specific word
  of a generic one's title;
- **organisers**: the subject of the organiser verb that governs the word
  (``organiser_verbs`` of the same file: "X tổ chức hội nghị", "X phối hợp
  với Y, Z tổ chức lễ ...", "Chủ tịch UBND tỉnh ... tiếp đoàn": a person
  stands for the body of the title next to the name), "<event> do X tổ
  chức", "với sự phối hợp của X", the host who invited a visit ("Nhận lời
  mời của X"), else the body whose event it is ("Đại hội ... Hội X", "Hội
  nghị ... của X");
- **place**: the "tại ..." nearest the event (a district gives way to the
  province named with it);
- **title**: the phrase the event word opens, or its quoted theme.

Dates that belong to a document citation date the document, not an event,
unless an act word governs the citation ("được thành lập theo Quyết định
số ... ngày ..."); the ends of an anniversary span ("(17/11/1950-17/11/2020)")
and of a term, a recurring day ("Ngày Quốc khánh (2/9)") and a stretch
counted from the article's date ("tuần qua") date no event.

For the resolver, each mention also keeps the evidence of its year: a year
the event's own phrase prints ("... Năm Hữu nghị 2022", "... năm 2024") and
the end of the period a review covers ("tổng kết công tác năm 2018").
"""

from __future__ import annotations

import bisect
import datetime
import functools
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import attrs

from ..model import EventKind, OrganisationKind, PartialDate
from . import patterns as _lex
from .dates import DateMention, in_story, near_anchor
from .organisations import OrgMention
from .patterns import CAP, LOWER, first_chars, trie_alternation

if TYPE_CHECKING:  # pragma: no cover
    from .context import FindContext
    from .people import PersonMention

__all__ = ["EventMention", "find_events"]


@attrs.frozen
class EventMention:
    """An event whose date is at ``[start, end)``; the event word at ``[noun_start, noun_end)``.

    ``date`` is ``None`` for an event a sentence ties to the one told before
    it ("Dịp này, hai bên đã ký kết ...", "Tại buổi lễ đã diễn ra triển lãm
    ..."): it happened on that event's date, which the resolver gives it;
    ``[start, end)`` is then the tie.

    ``printed_year`` is a year the event's own phrase or sentence prints
    for it (not in its date), with ``printed_where`` saying where;
    ``period_end`` the last day of the period a review covers. The resolver
    reads them to fix the year of a yearless date.
    """

    start: int
    end: int
    date: DateMention | None
    kind: EventKind
    noun_start: int
    noun_end: int
    title: str | None
    organisers: tuple[OrgMention, ...]
    location: str | None
    location_is_bare: bool = False
    printed_year: int | None = None
    printed_where: str | None = None
    period_end: datetime.date | None = None


#: a syllable of an initial and a final "y", which Vietnamese also spells with "i" ("kỷ niệm" = "kỉ niệm", "ký kết" = "kí kết")
_Y_SYLLABLE = re.compile(r"(?<!\w)([klmtshn])([yýỳỷỹỵ])(?!\w)")
_I_SYLLABLE = re.compile(r"(?<!\w)([klmtshn])([iíìỉĩị])(?!\w)")
_Y_TO_I = str.maketrans("yýỳỷỹỵ", "iíìỉĩị")
_I_TO_Y = str.maketrans("iíìỉĩị", "yýỳỷỹỵ")


def _i_spelling(word: str) -> str:
    """*word* with its final-"y" syllables spelt with "i" ("kỷ niệm" -> "kỉ niệm")."""
    return _Y_SYLLABLE.sub(lambda m: m.group(1) + m.group(2).translate(_Y_TO_I), word)


def _y_spelling(word: str) -> str:
    """*word* (lower case) as the data spells it: final "i" of such a syllable back to "y" ("kỉ niệm" -> "kỷ niệm")."""
    return _I_SYLLABLE.sub(lambda m: m.group(1) + m.group(2).translate(_I_TO_Y), word)


@functools.cache
def _data_words() -> dict[str, EventKind]:
    """Event word of the data (lower case, in both spellings of a final "y") -> its kind."""
    words = {w: EventKind(k) for w, k in _lex.event_words().items()}
    return {**{_i_spelling(w): k for w, k in words.items()}, **words}


@functools.cache
def _event_words() -> dict[str, EventKind]:
    """Every event word (lower case) -> its kind: the data's, "kỷ niệm" held by an organiser verb, "tham gia" as a member."""
    return {**_data_words(), "kỷ niệm": EventKind.CEREMONY, "kỉ niệm": EventKind.CEREMONY, "tham gia": EventKind.OTHER,
            "trở thành": EventKind.OTHER}


@functools.cache
def _noun_re() -> re.Pattern[str]:
    # case-insensitive: titles capitalise every word ("Chương trình Giao lưu", "Lễ Kỷ niệm")
    alt = trie_alternation(set(_data_words()), ignorecase=True)
    guard = first_chars(_data_words(), ignorecase=True)
    return re.compile(rf"{guard}(?<![\w])(?P<noun>(?i:{alt}))(?![\w])")


#: joining a body as a member is an accession: "X tham gia Hiệp hội Y từ năm 2010 với tư cách thành viên"
#: (elsewhere "tham gia" is taking part: "tham gia hội thảo")
_JOINED_AS = re.compile(
    r"(?<!\w)(?P<noun>tham gia)(?=\s[^,;.()\n]{2,80}?\svới\s(?:vai trò|tư cách)\s(?:là\s)?"
    r"(?:thành viên|quan sát viên|giám sát viên|đối tác|hội viên))"
)
#: "trở thành 1 trong 246 thành viên", "trở thành một trong những thành viên sáng lập": an accession
_ONE_OF_MEMBERS = re.compile(
    r"(?<!\w)(?P<noun>trở thành)(?=\s+(?:1|một)\s+trong\s+(?:số\s+)?(?:\d[\d.]*|những|các)\s+(?:\w+\s+)?thành viên(?!\w))"
)
#: an anniversary an organiser verb holds is a ceremony: "X tổ chức (trọng thể) (chào mừng) kỷ niệm 40 năm ..."
#: (elsewhere "kỷ niệm" is an occasion: "Nhân kỷ niệm 40 năm ..., Hội tổ chức hội thảo")
_HELD_ANNIVERSARY = re.compile(
    r"(?:(?<=tổ chức )|(?<=trọng thể )|(?<=long trọng )|(?<=tổ chức chào mừng ))(?P<noun>k[ỷỉ] niệm)(?=\s+\d{1,3}\s+năm\s)"
)


@functools.cache
def _verb_re() -> tuple[re.Pattern[str], dict[str, tuple[tuple[str, ...], tuple[str, ...]]]]:
    rows = {v.words: (v.not_after, v.not_before) for v in _lex.organiser_verbs()}
    written = set(rows) | {w[:1].upper() + w[1:] for w in rows}
    return re.compile(rf"{first_chars(written)}(?<![\w])(?:{trie_alternation(written)})(?![\w])"), rows


#: words that, right before a review word, are the review's report, not its meeting
_REVIEWS = frozenset({"hội nghị tổng kết", "hội nghị sơ kết", "tổng kết", "sơ kết"})
_REVIEW_PERIOD = re.compile(
    r"(?:(?P<half>\d{1,2}) tháng (?:đầu|cuối) năm\s+(?P<hy>(?:19|20)\d\d)"
    r"|(?:năm|giai đoạn)\s+(?:(?:19|20)\d\d\s?-\s?)?(?P<y>(?:19|20)\d\d)(?![\d/-]))"
)
_REVIEW_WORD = re.compile(r"(?<!\w)(?:tổng kết|sơ kết)(?!\w)", re.IGNORECASE)
#: a year the event's own phrase prints: "năm 2024", "... Năm Hữu nghị 2022" (not a range, a term, a date)
_PRINTED_YEAR = re.compile(r"(?<![\d/.-])(?<!nhiệm kỳ )(?<!khóa )(?P<y>(?:19|20)\d\d)(?![\d/]|\s?-\s?\d)")

_SENTENCE_END = re.compile(
    # a full stop after an abbreviation ("TP. Biên Hòa", "PGS. TS", "E. Knapper") ends no sentence;
    # every end starts with white space (the guard that lets the engine skip the rest at once)
    r"(?=\s)(?:(?:(?<=[!?;])|(?<=(?<!TP)(?<!Tp)(?<!TS)(?<!GS)(?<!ThS)(?<![\s(][A-ZĐ])\.))\s+(?=[A-ZĐÀ-Ỹ\"(])|\n)"
)
#: "tại ...", "ở ..." (the place phrase runs to the next stop; "Thủ đô" is skipped)
_AT = re.compile(r"(?<!\w)(?:tại|ở)\s+(?:(?:Thủ đô|thủ đô)\s+)?")
_BY_VERB = re.compile(r"\s(?:phối hợp |cùng |đồng )?(?:tổ chức|chủ trì|đăng cai|tiến hành)(?!\w)")
_INVITED = re.compile(r"(?:[Nn]hận lời mời|[Tt]heo lời mời|[Tt]heo lời mời chính thức)\s+(?:của\s+)?")
_CO_ORGANISER = re.compile(r",?\s*(?:phối hợp|cùng)(?:\s+với)?\s+")
_WITH_PARTNER = re.compile(r"với sự phối hợp của\s+|phối hợp với\s+")
_OF = re.compile(r"\s(?:của)\s")


def _sentence_bounds(text: str, pos: int, lo: int, hi: int) -> tuple[int, int]:
    """The sentence around *pos*: a sentence that starts at *pos* ("... của tỉnh. Năm 2009, ...") is its own.

    (An end is seen up to one character past *pos*: the capital its pattern looks ahead to.)
    """
    s = lo
    for m in _SENTENCE_END.finditer(text, lo, min(hi, pos + 1)):
        if m.end() <= pos:
            s = m.end()
    m2 = _SENTENCE_END.search(text, pos, hi)
    return s, m2.start() if m2 else hi


class _SentenceBounds:
    """:func:`_sentence_bounds` for many positions of one line, one scan in all.

    Within a line (no newline), the sentence ends that
    :func:`_sentence_bounds` counts are those of a scan of the whole line
    that end at or before ``pos``, and the first end at or after a position that is not
    white space is the first of the whole-line scan that starts there.
    """

    def __init__(self, text: str, lo: int, hi: int) -> None:
        self.text, self.lo, self.hi = text, lo, hi
        self.one_line = text.find("\n", lo, hi) < 0
        self.starts: list[int] | None = None
        self.ends: list[int] = []

    def around(self, pos: int) -> tuple[int, int]:
        text = self.text
        if not self.one_line or not (self.lo <= pos < self.hi) or text[pos].isspace():
            return _sentence_bounds(text, pos, self.lo, self.hi)
        if self.starts is None:
            spans = [m.span() for m in _SENTENCE_END.finditer(text, self.lo, self.hi)]
            self.starts = [a for a, _ in spans]
            self.ends = [b for _, b in spans]
        i = bisect.bisect_right(self.ends, pos) - 1  # the last end at or before pos
        s = self.ends[i] if i >= 0 else self.lo
        j = bisect.bisect_left(self.starts, pos)  # the first start at or after pos
        e = self.starts[j] if j < len(self.starts) else self.hi
        return s, e


class _Spans:
    """Answer ``pos in spans``: is *pos* inside one of the ``(start, end)`` spans.

    By bisection when the spans are sorted and disjoint (organisation
    mentions are), else by a scan; the answer is the same.
    """

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.spans = list(spans)
        self.starts = [a for a, _ in self.spans]
        self.sorted = all(self.spans[i][1] <= self.spans[i + 1][0] for i in range(len(self.spans) - 1)) and all(
            a <= b for a, b in self.spans
        )

    def __contains__(self, pos: int) -> bool:
        if not self.sorted:
            return any(a <= pos < b for a, b in self.spans)
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.spans[i][1]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self.spans)


class _Sentence:
    """What the events of one sentence share: its event words, bodies, subjects, place phrases and days.

    The event words are read at once; the rest only when an event of the
    sentence asks (most sentences with a date have no event word).
    """

    def __init__(self, ctx: FindContext, s: int, e: int, inside: _Spans, nouns: list[re.Match[str]]) -> None:
        self.ctx, self.start, self.end, self.inside = ctx, s, e, inside
        self.nouns = nouns
        self.noun_starts = [m.start() for m in nouns]
        self.noun_ends = [m.end() for m in nouns]

    @functools.cached_property
    def orgs(self) -> tuple[OrgMention, ...]:
        return tuple(o for o in self.ctx.organisations if self.start <= o.start < self.end)

    @functools.cached_property
    def org_spans(self) -> _Spans:
        """The spans of :attr:`orgs`, to ask whether a position lies inside one."""
        return _Spans([(o.start, o.end) for o in self.orgs])

    def orgs_between(self, lo: int, hi: int) -> list[OrgMention]:
        """The bodies of the sentence starting after *lo* and ending by *hi*, in order (by bisection when they are sorted)."""
        spans = self.org_spans
        orgs = self.orgs
        if spans.sorted:  # (a body ending by *hi* starts by it)
            orgs = orgs[bisect.bisect_right(spans.starts, lo) : bisect.bisect_right(spans.starts, hi)]
        return [o for o in orgs if lo < o.start and o.end <= hi]

    @functools.cached_property
    def verbs(self) -> list[re.Match[str]]:
        text, s, e = self.ctx.text, self.start, self.end
        verb_re, rows = _verb_re()
        verbs = []
        for vm in verb_re.finditer(text, s, e):
            if vm.start() in self.inside:
                continue  # "tổ chức" inside "Liên hiệp các tổ chức hữu nghị" is no verb
            na, nb = rows[vm.group().lower()]
            if _after_any(text, vm.start(), s, na) or _before_any(text, vm.end(), e, nb):
                continue
            verbs.append(vm)
        return verbs

    @functools.cached_property
    def units(self) -> list[_Unit]:
        text, s, e = self.ctx.text, self.start, self.end
        units = _units(self.orgs, [p for p in self.ctx.people if s <= p.start < e])
        bare = [m for m in _BARE_ASSOCIATION.finditer(text, s, e) if not any(u.start <= m.start() < u.end for u in units)]
        if bare:
            # "Ngày 18/7/2011, Hội đã tổ chức Đại hội": "Hội" alone opening a clause is the association the article
            # is about (the resolver names it, or drops it when the article names none)
            units = sorted((*units, *(_Unit(m.start(), m.end(), _bare_association(m)) for m in bare)), key=lambda u: u.start)
        if units:
            # a body named in parentheses is an aside ("Trung tâm ... (thuộc Liên hiệp ...)", "(HUFO)"), no subject
            asides = [m.span() for m in _PARENS.finditer(text, s, e)]
            units = [u for u in units if not any(a < u.start and u.end < b for a, b in asides)]
        return units

    @functools.cached_property
    def places(self) -> list[re.Match[str]]:
        """The "tại"/"ở" phrases of the sentence that may name a venue.

        Not a "tại" inside a title ("Đại sứ Cuba tại Việt Nam" names where a
        mission sits, not where the event happens), and one inside a body's
        name ("Tổng Lãnh sự quán Nhật Bản tại Đà Nẵng") only when the
        sentence has no other "tại".
        """
        found = list(_AT.finditer(self.ctx.text, self.start, self.end))
        if not found:
            return found
        titled = _Spans(
            sorted(
                (q.start, q.end)
                for p in self.ctx.people
                if self.start <= p.start < self.end or any(self.start <= q.start < self.end for q in p.positions)
                for q in p.positions
            )
        )
        found = [m for m in found if m.start() not in titled]
        outside = [m for m in found if not self._seat(m)]
        return outside if any(m.group().startswith("tại") for m in outside) else found

    @functools.cached_property
    def open_places(self) -> list[re.Match[str]]:
        """The place phrases that name no body's seat.

        A visit's venue is never the seat of the body received ("tiếp đoàn
        Văn phòng Lãnh sự Nhật Bản tại Đà Nẵng").
        """
        return [m for m in self.places if not self._seat(m)]

    @functools.cached_property
    def _venue_starts(self) -> tuple[list[int], list[int]]:
        return [m.start() for m in self.places], [m.start() for m in self.open_places]

    def venues(self, kind: EventKind) -> tuple[list[re.Match[str]], list[int]]:
        """The place phrases an event of *kind* may take its place from (a visit: :attr:`open_places`), and their starts."""
        if kind is EventKind.VISIT:
            return self.open_places, self._venue_starts[1]
        return self.places, self._venue_starts[0]

    def _seat(self, m: re.Match[str]) -> bool:
        """Tell whether a "tại" names where a body sits: inside its name, or after a mission or community of a country."""
        return m.start() in self.inside or bool(_seat_re().search(self.ctx.text, max(self.start, m.start() - 70), m.start()))

    @functools.cached_property
    def date_starts(self) -> list[int]:
        """Where the sentence's days and months start, in order (not those in parentheses: an anniversary's span)."""
        text, s = self.ctx.text, self.start
        return sorted(
            d.start
            for d in self.ctx.dates
            if s <= d.start < self.end and d.date.precision != "year" and not _in_parentheses(text, d.start, s)
        )

    @functools.cached_property
    def dated(self) -> list[tuple[int, int]]:
        """Dates of the sentence with a day or month (their years are theirs)."""
        return [(d.start, d.end) for d in self.ctx.dates if self.start <= d.start < self.end and d.date.precision != "year"]

    @functools.cached_property
    def printed_years(self) -> set[int]:
        """The years the sentence prints on their own: not a date's, a term's, a range's or one in parentheses."""
        text, s, e, dated = self.ctx.text, self.start, self.end, self.dated
        return {
            int(m.group("y"))
            for m in _PRINTED_YEAR.finditer(text, s, e)
            if not any(a <= m.start() < b for a, b in dated)
            and not _NOT_ITS_YEAR.search(text, max(s, m.start() - 40), m.start())
            and not _in_parentheses(text, m.start(), s)
        }

    @functools.cached_property
    def anniversary_spans(self) -> list[re.Match[str]]:
        """The anniversary spans of the sentence ("(28/10/1918 - 28/10/2022)")."""
        return list(_ANNIVERSARY_SPAN.finditer(self.ctx.text, self.start, self.end))


@attrs.frozen
class _Unit:
    """A possible subject: an organisation, or a person standing for the body of their title."""

    start: int
    end: int
    org: OrgMention | None


@functools.cache
def _hint_re() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in (*_TIE_WORDS, "niệm", *_NAMED_HEAD.pattern.split("|"))))


def events_hint(published: PartialDate | None = None) -> re.Pattern[str]:
    """The step's hint: the words of a tie, "niệm" or the head of a named year or week."""
    return _hint_re()


def events_possible(text: str, start: int, end: int, published: PartialDate | None = None) -> bool:
    """The step's necessary condition where no date was found: a tie, a named year or week, or an anniversary.

    An anniversary ("Nhân kỷ niệm 25 năm ... (1995 - 2020)") dates the event
    after it without a date of its own (see ``_occasions``).
    """
    return (
        _tie(text, start, end) is not None
        or _NAMED_HEAD.search(text, start, end) is not None
        or text.find("niệm", start, end) >= 0
    )


def find_events(ctx: FindContext) -> Iterator[EventMention]:
    """The step: events of the window, one per date that an event word claims.

    Dates inside the context's ``blocked`` ranges (the stretch after a
    document citation) date the document, not an event, unless an act word
    before the citation governs it.
    """
    text, start, end = ctx.text, ctx.start, ctx.end
    dates = [d for d in in_story(ctx) if not d.approximate]
    tie = _tie(text, start, end)
    occasions = _occasions(text, start, end) if text.find("niệm", start, end) >= 0 else []
    if not dates and tie is None and not occasions and not _NAMED_HEAD.search(text, start, end):
        return
    if tie is None and not _may_hold_event_words(text, start, end):
        # no sentence of the window has an event word (most lines with a date): no date or occasion is
        # claimed, so only a year or week named for a cause can be an event
        if _NAMED_HEAD.search(text, start, end) and _DIGIT.search(text, start, end):
            yield from _named_periods(text, start, end, _Spans([(o.start, o.end) for o in ctx.organisations]))
        return
    words = _event_words()
    inside = _Spans([(o.start, o.end) for o in ctx.organisations])
    # a Party congress is a congress resolution, not an event ("tại Đại hội đại biểu toàn quốc lần thứ XII của Đảng")
    cited = _Spans(sorted([(d.start, d.end) for d in ctx.documents] + [(c.start, c.end) for c in ctx.congresses if c.party]))
    bounds = _SentenceBounds(text, start, end)
    sentences: dict[tuple[int, int], _Sentence] = {}
    if tie is not None:
        yield from _tied(ctx, tie, dates, bounds, sentences, inside, cited)
    if _DIGIT.search(text, start, end):
        yield from _named_periods(text, start, end, inside)
    if not dates and not occasions:
        return
    claims: list[tuple[DateMention, tuple[int, int], re.Match[str]]] = []
    for dm in occasions:
        # "Nhân kỷ niệm 20 năm ... (1999 - 2019), X trở thành thành viên ...": the first event word after the
        # occasion, in a sentence that dates nothing else, happened in its year
        s, e = bounds.around(dm.start)
        if any(s <= d.start < e for d in dates):
            continue
        sent = sentences.get((s, e))
        if sent is None:
            sent = sentences[(s, e)] = _read_sentence(ctx, s, e, inside, cited)
        after = [m for m in sent.nouns if m.start() > dm.end]
        if after and not _CLAUSE_END.search(text, dm.end, after[0].start()):
            claims.append((dm, (s, e), after[0]))
    for dm in dates:
        if _is_span_end(text, dm, start, end) or _recurring_day(text, dm, start, end):
            continue
        s, e = bounds.around(dm.start)
        sent = sentences.get((s, e))
        if sent is None:
            sent = sentences[(s, e)] = _read_sentence(ctx, s, e, inside, cited)
        if not sent.nouns:
            continue
        block = next((b for b in ctx.blocked if b[0] <= dm.start < b[1]), None)
        noun = _act_over_citation(text, dm, block, ctx, sent) if block else _claimed_noun(text, dm, s, sent)
        if noun is not None:
            claims.append((dm, (s, e), noun))
    # a bare year in a sentence that a day or month dates is evidence for that date, not a date
    dated = {key for dm, key, _ in claims if dm.date.precision != "year"}
    found: list[EventMention] = []
    for dm, (s, e), noun in claims:
        if dm.date.precision == "year" and (
            (s, e) in dated or _PERIOD_BEFORE.search(text, max(s, dm.start - 80), dm.start)
        ):
            continue
        sent = sentences[(s, e)]
        head: EventMention | None = None
        for ns, ne in _chained_nouns(text, noun, end):
            title = _title(text, ns, ne, end if ns != noun.start() else e)
            kind = _kind(words[text[ns:ne].lower()], title)
            organisers = _organisers(text, s, e, ns, ne, kind, sent)
            places, starts = sent.venues(kind)
            location = _location(text, places, min(dm.start, ns), max(dm.end, ne), e, kind, near=dm.end, starts=starts)
            printed, where, period = _year_evidence(text, s, ns, ne, e, title, dm, kind, sent)
            mention = EventMention(dm.start, dm.end, dm, kind, ns, ne, title, organisers, location,
                                   printed_year=printed, printed_where=where, period_end=period)  # fmt: skip
            if head is None:
                head = mention
            else:
                # "X tổ chức hội nghị ...; Tọa đàm ...": one clause, one subject, one place, one year
                mention = attrs.evolve(
                    mention,
                    organisers=mention.organisers or head.organisers,
                    location=mention.location or head.location,
                    printed_year=head.printed_year if printed is None and period is None else printed,
                    printed_where=head.printed_where if printed is None and period is None else where,
                    period_end=head.period_end if printed is None and period is None else period,
                )
            found.append(mention)
    yield from found
    if any(not f.organisers and f.kind is not EventKind.VISIT for f in found):
        yield from _echoes(ctx, found, bounds, sentences, inside, cited)


_DIGIT = re.compile(r"\d")
_NAMED_HEAD = re.compile(r"Năm|Tuần lễ")
_CELEBRATED = re.compile(r"(?<!\w)(?:k[ỷỉ] niệm|chào mừng)\s*$", re.IGNORECASE)
#: a year or week named for a cause, with its year: "Năm Đoàn kết hữu nghị Việt Nam - Lào 2022", "Tuần lễ Cấp cao APEC 2017"
_NAMED_PERIOD = re.compile(
    r"(?<!\w)(?P<head>Năm|Tuần lễ)\s+(?P<name>(?=[^\d\s])[^\d\n,;:.()\"]{2,60}?)\s(?P<y>(?:19|20)\d\d)(?![\d/-])"
)


@functools.cache
def _event_word_start_re() -> re.Pattern[str]:
    """:func:`_noun_re` without its closing test: it finds a place in every stretch where that finds an event word."""
    alt = trie_alternation(set(_data_words()), ignorecase=True)
    guard = first_chars(_data_words(), ignorecase=True)
    return re.compile(rf"{guard}(?<![\w])(?i:{alt})")


def _may_hold_event_words(text: str, start: int, end: int) -> bool:
    """A necessary condition of an event word in a sentence of ``text[start:end]`` (what :func:`_read_sentence` reads)."""
    if _event_word_start_re().search(text, start, end) is not None:
        return True
    window = text[start:end]
    return "niệm" in window or "với" in window or "trở thành" in window


def _named_periods(text: str, start: int, end: int, inside: _Spans) -> Iterator[EventMention]:
    """Years and weeks named for a cause, dated by the year their name ends with (a programme, a summit week).

    Not when the name is what another event celebrates ("lễ kỷ niệm Năm
    Hữu nghị ... 2022") or part of a body's name; the name must hold a
    proper noun (a capitalised word), so "Năm học 2024" is no such name.
    """
    for m in _NAMED_PERIOD.finditer(text, start, end):
        name = m.group("name")
        if not any(w[:1].isupper() for w in name.split()) or m.start() in inside:
            continue
        before = text[max(start, m.start() - 24) : m.start()]
        if _CELEBRATED.search(before) or any(nm.end() >= len(before) - 1 for nm in _noun_re().finditer(before)):
            continue  # the object of another event word, or what a celebration celebrates
        head = m.group("head")
        kind = EventKind.PROGRAMME if head == "Năm" else (
            EventKind.CONFERENCE if "cấp cao" in name.lower() else EventKind.EXCHANGE
        )
        year = DateMention(m.start("y"), m.end("y"), PartialDate(year=int(m.group("y"))))
        title = re.sub(r"\s+", " ", m.group())
        yield EventMention(year.start, year.end, year, kind, m.start(), m.end("head"), title, (), None)


#: an occasion: "nhân (dịp) kỷ niệm 20 năm ... (1999 - 2019)", whose span ends in the year of the count
_OCCASION = re.compile(
    r"(?i:nhân(?: dịp)? k[ỷỉ] niệm)\s+(?P<n>\d{1,3})\s+năm(?:[^()\n]|\([^()\n]{0,40}\)){0,160}?"
    r"\(\s*(?P<y1>(?:19|20)\d\d)\s*-\s*(?P<y2>(?:19|20)\d\d)\s*\)"
)
_CLAUSE_END = re.compile(r"[;.]")


def _occasions(text: str, start: int, end: int) -> list[DateMention]:
    """The years of occasions in ``text[start:end]``: the end of an anniversary span whose years the count fits."""
    out = []
    for m in _OCCASION.finditer(text, start, end):
        if int(m.group("y2")) - int(m.group("y1")) == int(m.group("n")):
            out.append(DateMention(m.start("y2"), m.end("y2"), PartialDate(year=int(m.group("y2")))))
    return out


#: a sentence that opens by tying itself to the event told before it
_TIE = re.compile(
    r"(?:(?<=[.!?\n])|(?<=[.!?]\s)|(?<=^))\s*(?:Cũng\s+)?(?:[Nn]hân dịp này|[Dd]ịp này|[Tt]rong dịp này|[Tt]ại buổi lễ|"
    r"[Tt]rong khuôn khổ (?:chương trình|hội nghị|sự kiện|buổi lễ))(?=[\s,])",
    re.MULTILINE,
)
#: every tie holds one of these (a substring test is much cheaper than the pattern)
_TIE_WORDS = ("ịp này", "ại buổi lễ", "rong khuôn khổ")


#: the words of a tie without the sentence start and the "Cũng" before them (searched: linear over any white space)
_TIE_WORDS_RE = re.compile(_TIE.pattern[_TIE.pattern.index(r"(?:Cũng\s+)?") + len(r"(?:Cũng\s+)?") :])


def _tie(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first tie in ``text[start:end]``: what ``_TIE.search`` finds, found in linear time.

    Searching :data:`_TIE` itself tries every position of a long white-space
    run and reads the rest of the run from each (quadratic); here the tie's
    words are searched, the sentence start before them (and before a
    "Cũng") is found by one step back over the white space, and :data:`_TIE`
    is matched there.
    """
    if not any(text.find(w, start, end) >= 0 for w in _TIE_WORDS):
        return None
    for words in _TIE_WORDS_RE.finditer(text, start, end):
        c = words.start()
        gap = c
        while gap > start and text[gap - 1].isspace():
            gap -= 1
        cung = gap - 4 if gap < c and gap - 4 >= start and text.startswith("Cũng", gap - 4) else None
        for q in ([cung] if cung is not None else []) + [c]:
            p = _sentence_start_before(text, start, q)
            if p is not None:
                found = _TIE.match(text, p, end)
                if found is not None:
                    return found
    return None


def _sentence_start_before(text: str, start: int, q: int) -> int | None:
    """The first place in the white space right before *q* (not before *start*) where :data:`_TIE` may start."""
    run = q
    while run > 0 and text[run - 1].isspace():
        run -= 1
    for p in range(max(run, start), q + 1):
        # (as the tie's look-behind reads it: the character before the window's start counts, as before any start)
        if p == 0 or text[p - 1] in ".!?\n" or (p >= 2 and text[p - 1].isspace() and text[p - 2] in ".!?"):
            return p
    return None


#: the kinds a tied sentence adds beside the event it is tied to (the awards of a ceremony are the ceremony)
_TIED_KINDS = frozenset({EventKind.SIGNING, EventKind.EXCHANGE, EventKind.SEMINAR})


def _tied(
    ctx: FindContext,
    tie: re.Match[str],
    dates: Sequence[DateMention],
    bounds: _SentenceBounds,
    sentences: dict[tuple[int, int], _Sentence],
    inside: _Spans,
    cited: _Spans,
) -> Iterator[EventMention]:
    """Events a sentence ties to the one told before it: "Dịp này, hai bên đã ký kết thỏa thuận".

    They take that event's date (the resolver gives it); only a signing,
    an exchange or a seminar counts, and only in a sentence without a date
    of its own.
    """
    text, words = ctx.text, _event_words()
    m: re.Match[str] | None = tie
    while m is not None:
        s, e = bounds.around(m.end() - 1)
        if not any(s <= d.start < e for d in dates):
            sent = sentences.get((s, e))
            if sent is None:
                sent = sentences[(s, e)] = _read_sentence(ctx, s, e, inside, cited)
            for noun in sent.nouns:
                kind = words[noun.group().lower()]
                if noun.start() < m.end() or kind not in _TIED_KINDS:
                    continue
                title = _title(text, noun.start(), noun.end(), e)
                kind = _kind(kind, title)
                organisers = _organisers(text, s, e, noun.start(), noun.end(), kind, sent)
                places, starts = sent.venues(kind)
                location = _location(text, places, noun.start(), noun.end(), e, kind, starts=starts)
                yield EventMention(m.start(), m.end(), None, kind, noun.start(), noun.end(), title, organisers, location)
        m = _tie(text, max(m.end(), e), ctx.end)


def _echoes(
    ctx: FindContext,
    found: Sequence[EventMention],
    bounds: _SentenceBounds,
    sentences: dict[tuple[int, int], _Sentence],
    inside: _Spans,
    cited: _Spans,
) -> Iterator[EventMention]:
    """Organisers an undated sentence gives to an event dated before it in the paragraph.

    "Lễ kỷ niệm ... tổ chức ngày 21/9/2023. Lễ kỷ niệm do Liên hiệp ... chủ
    trì" and "Ông A, Chủ tịch Ủy ban ... đồng chủ trì Hội nghị." name the
    organisers of the event the sentence before dated: the same word (or
    one of the same kind) with an organiser verb or a "do" phrase of its own,
    when the event's own clause named none.
    """
    text = ctx.text
    words = _event_words()
    for m in _noun_re().finditer(text, found[0].noun_end, ctx.end):
        s, e = bounds.around(m.start())
        sent = sentences.get((s, e))
        if sent is not None and any(s <= f.start < e for f in found):
            continue  # a dated sentence: its own events
        if sent is None:
            sent = sentences[(s, e)] = _read_sentence(ctx, s, e, inside, cited)
        if m.start() not in sent.noun_starts:
            continue
        kind = words[m.group().lower()]
        if kind is EventKind.VISIT:
            continue
        before = [f for f in found if f.noun_start < m.start() and (f.kind is kind or text[f.noun_start : f.noun_end].lower() == m.group().lower())]
        if not before:
            continue
        by = _done_by(text, m.end(), e, sent) or _subject_of(text, s, m.start(), m.end(), sent)
        if not by:
            continue
        target = before[-1]
        if target.organisers or target.kind is EventKind.VISIT:
            continue  # its own clause named them; the chairs of its sessions are not more organisers
        yield attrs.evolve(target, start=m.start(), end=m.end(), noun_start=m.start(), noun_end=m.end(), organisers=tuple(by))


def _read_sentence(ctx: FindContext, s: int, e: int, inside: _Spans, cited: _Spans) -> _Sentence:
    text = ctx.text
    not_after = _lex.event_words_not_after()
    not_before = _lex.event_words_not_before()
    found = list(_noun_re().finditer(text, s, e))
    if "niệm" in text[s:e]:
        found = sorted([*found, *_HELD_ANNIVERSARY.finditer(text, s, e)], key=lambda m: m.start())
    if "với" in text[s:e]:
        found = sorted([*found, *_JOINED_AS.finditer(text, s, e)], key=lambda m: m.start())
    if "trở thành" in text[s:e]:
        found = sorted([*found, *_ONE_OF_MEMBERS.finditer(text, s, e)], key=lambda m: m.start())
    nouns = [
        m
        for m in found
        if not _named_inside(text, m.start(), s, inside)
        and m.start() not in cited
        and not _after_any(text, m.start(), s, not_after.get(_y_spelling(m.group().lower()), ()))
        and not _before_any(text, m.end(), e, not_before.get(_y_spelling(m.group().lower()), ()))
        and not _GENERIC.search(text, max(s, m.start() - 24), m.start())
        and not (m.group()[0].isupper() and _VENUE.search(text, max(s, m.start() - 40), m.start()))
    ]
    return _Sentence(ctx, s, e, inside, nouns)


def _after_any(text: str, pos: int, lo: int, words: Sequence[str]) -> bool:
    """Tell whether one of *words* ends right before *pos* (a space apart)."""
    if not words:
        return False
    before = text[max(lo, pos - 16) : pos].rstrip()
    return any(before.endswith(w) and (len(before) == len(w) or not before[-len(w) - 1].isalnum()) for w in words)


def _before_any(text: str, pos: int, hi: int, words: Sequence[str]) -> bool:
    """Tell whether one of *words* starts right after *pos* (a space apart)."""
    if not words:
        return False
    after = text[pos : min(hi, pos + 16)].lstrip()
    return any(after.startswith(w) and (len(after) == len(w) or not after[len(w)].isalnum()) for w in words)


def _units(orgs: Sequence[OrgMention], people: Sequence[PersonMention]) -> list[_Unit]:
    """The possible subjects of a sentence in text order: bodies, and people with a titled body.

    A person "Nguyễn Văn A, Chủ tịch UBND tỉnh" spans the name and the titles
    and stands for the body of the last title (the one next to the verb).
    """
    units: list[_Unit] = []
    covered: list[tuple[int, int]] = []
    for p in people:
        titled = [pos for pos in p.positions if pos.org is not None]
        if not titled:
            continue
        lo = min(p.start, *(pos.start for pos in p.positions))
        hi = max(p.end, *(pos.end for pos in p.positions))
        # the title next to the verb: the last one ("A, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh, đón ...",
        # "Chủ tịch UBND tỉnh A tiếp ...")
        last = max(titled, key=lambda pos: pos.end)
        units.append(_Unit(lo, hi, last.org))
        covered.append((lo, hi))
    for o in orgs:
        if not any(a <= o.start < b for a, b in covered):
            units.append(_Unit(o.start, o.end, o))
    units.sort(key=lambda u: u.start)
    return units


def _claimed_noun(text: str, dm: DateMention, s: int, sent: _Sentence) -> re.Match[str] | None:
    """The event word a date dates: the nearest after it (lead style) unless one before is much closer.

    A year that opens its sentence ("Năm 2018, ...", "Trong năm 2019, ...")
    dates the first event word of the sentence; other years only a word
    close by.
    """
    i_after = bisect.bisect_left(sent.noun_starts, dm.end)
    i_before = bisect.bisect_right(sent.noun_ends, dm.start)
    after = sent.nouns[i_after : i_after + 1]
    before = sent.nouns[i_before - 1 : i_before] if i_before else []
    if before:
        # "chuyến thăm, làm việc, giao lưu ... từ ngày 15-8": the list's first word names the event
        k = i_before - 1
        while k > 0 and _LISTED.fullmatch(text, sent.nouns[k - 1].end(), sent.nouns[k].start()):
            k -= 1
        before = [sent.nouns[k]] if dm.start - sent.nouns[i_before - 1].end() <= 220 else before
        # a word with a date of its own between it and this one is that date's ("thiết lập quan hệ ngoại giao
        # ngày 5/9/1962 và ký hiệp ước ... ngày 18/7/1977": the second date is not the relations')
        i_date = bisect.bisect_right(sent.date_starts, sent.nouns[i_before - 1].end())
        if i_date < len(sent.date_starts) and sent.date_starts[i_date] < dm.start:
            before = []
        elif dm.date.precision != "year" and _DATED_AFTER.fullmatch(text, sent.nouns[i_before - 1].end(), dm.start):
            # "thành lập ngày 19/8/2009", "thiết lập quan hệ ngoại giao ngày 5/9/1962 và ký ...": the day written
            # right after a word is its day, whatever word follows
            return sent.nouns[i_before - 1] if before == [sent.nouns[i_before - 1]] else before[0]
    # a date that opens its sentence, or a clause of it ("Cũng theo ông A, năm 2016, Hội ... thành lập")
    opens = (_opening().fullmatch(text, s, dm.start) is not None or (
        dm.start - 2 >= sent.ctx.start and text.startswith(", ", dm.start - 2) and text.startswith(",", dm.end, sent.ctx.end)
    )) and not _SINCE.match(text, dm.start, sent.ctx.end)  # "từ năm 2014, ..." starts a stretch of time
    if dm.date.precision == "year":
        reach_after, reach_before = (400, 60) if opens else (60, 60)
        # a year dates a word of its own clause: no clause break between them, unless it opens the sentence
        after = [m for m in after if opens or not _CLAUSE_BREAK.search(text, dm.end, m.start())]
        before = [m for m in before if not _CLAUSE_BREAK.search(text, m.end(), dm.start)]
    else:
        # a date that opens its sentence dates its first event word, however long the subject
        reach_after, reach_before = (500 if opens else 220), 220
    if after and _SAID.search(text, dm.end, after[0].start()):
        after = []  # "Ngày 5/4, X cho biết đã tổ chức ...": the day of the telling, not of the event
    candidates = [(m.start() - dm.end, m) for m in after if m.start() - dm.end <= reach_after]
    candidates += [(dm.start - sent.nouns[i_before - 1].end(), m) for m in before if dm.start - sent.nouns[i_before - 1].end() <= reach_before]
    if not candidates:
        return None
    # prefer the word after the date (lead style) unless the one before is much closer
    candidates.sort(key=lambda c: (c[0] if c[1].start() >= dm.end else c[0] * 2 + 40))
    return candidates[0][1]


_CLAUSE_BREAK = re.compile(r"[,;:()]")
#: between an event word and the day written right after it: "thành lập ngày", "ký kết vào sáng"
_DATED_AFTER = re.compile(r"\s+(?:vào\s+)?(?:(?:sáng|chiều|tối|trưa)\s+)?(?:ngày\s+)?")
_SINCE = re.compile(r"[Tt]ừ\s")
_LISTED = re.compile(r"\s*(?:,|và)\s*")
#: a word of review or plan right before a year: the year is the period reviewed or planned, not a date
#: ("tổng kết hoạt động năm 2016", "phương hướng, nhiệm vụ năm 2025", "Chương trình công tác năm 2022")
_PERIOD_BEFORE = re.compile(
    r"(?:tổng kết|sơ kết|nhìn lại|đánh giá|báo cáo|phương hướng|nhiệm vụ|kế hoạch|định hướng|mục tiêu|chỉ tiêu|công tác)"
    r"[^,;:.()]{0,60}$",
    re.IGNORECASE,
)
#: a review or a plan before a year in an event's title: the year is its period
_REVIEW_OR_PLAN = re.compile(
    r"(?:tổng kết|sơ kết|nhìn lại|báo cáo|phương hướng|nhiệm vụ|kế hoạch|định hướng|mục tiêu|chỉ tiêu)[^,;:.()]{0,60}$",
    re.IGNORECASE,
)
#: a verb of saying between a date and the event word: the date is the telling's
_SAID = re.compile(r"(?<!\w)(?:cho biết|cho hay)(?!\w)")
#: what may precede a year that opens its sentence
@functools.cache
def _opening() -> re.Pattern[str]:
    """What may precede a date that opens its sentence: a source tag, a time of day, "ngày", "trong"."""
    tod = trie_alternation(set(_lex.time_of_day_words()), ignorecase=True)
    return re.compile(
        r"\s*(?:\([^()\n]{1,30}\)\s*|[A-ZĐ][\w.]{1,12}\s*(?=[-–]))?(?:[-–(]\s*)?"  # "(Mặt trận) - ", "HGĐT- "
        r"(?:(?:[Đđ]iển hình|[Cc]ụ thể|[Đđ]ặc biệt|[Rr]iêng|[Cc]ũng)\s*,?\s*)?"
        rf"(?:(?i:{tod})(?:\s+(?:nay|qua))?\s+)?(?:[Tt]rong\s+|[Vv]ào\s+|[Tt]ừ\s+|[Đđ]ến\s+)?(?:(?:ngày|Ngày)\s+)?\(?"
    )


def _act_over_citation(
    text: str, dm: DateMention, block: tuple[int, int], ctx: FindContext, sent: _Sentence
) -> re.Match[str] | None:
    """The act a citation's date also dates: "được thành lập theo Quyết định số ... ngày ...".

    The founding ("thành lập") comes right before the cited decision, in
    the same clause; the date after the nearest citation before it is the
    decision's, and so the founding's. So is an issuing a body does
    ("Chính phủ ban hành Nghị định số ... ngày ..."), but not a heading's
    "(Phê duyệt kèm theo Quyết định số ...)", which no subject does.
    """
    doc = max((d for d in ctx.documents if d.start < dm.start), key=lambda d: d.start, default=None)
    if doc is None:
        return None
    for m in reversed(sent.nouns):
        if m.end() > doc.start:
            continue
        gap = text[m.end() : doc.start]
        if not _ACT_ON.fullmatch(gap):
            break  # the act is on another thing ("ban hành Kế hoạch thực hiện Nghị quyết số ...")
        word = m.group().lower()
        if word in _FOUNDING or (word in _ISSUING and _subject_of(text, sent.start, m.start(), m.end(), sent)):
            return m
        break
    return None


#: the acts a citation's date also dates: a body founded by the cited decision, a body issuing it
_FOUNDING = frozenset({"thành lập"})
_ISSUING = frozenset({"ban hành", "phê duyệt"})
#: between an act and the document it is done by: "thành lập theo", "thành lập tại", "ban hành"
_ACT_ON = re.compile(r"\s*(?:theo|tại|bằng)?\s*")


_ANNIVERSARY_NAME = re.compile(r"k[ỷỉ] niệm\s+\d+\s+năm\s+(?:[Nn]gày\s+)?$", re.IGNORECASE)
#: a capitalised event word inside a venue's name: "tại Trung tâm Hội nghị quốc tế", "ở Cung Văn hóa"
_VENUE = re.compile(rf"(?<!\w)(?:tại|ở)\s+{CAP}(?:\s+\w+){{0,2}}\s+$")
#: a quantifier before an event word makes it a kind of activity, not one event ("các hội nghị", "nhiều hoạt động giao lưu")
_GENERIC = re.compile(r"(?<!\w)(?:các|những|nhiều|mọi|một số|hàng loạt|hoạt động|(?:các|những|nhiều) hoạt động)\s+$", re.IGNORECASE)


def _named_inside(text: str, pos: int, s: int, org_spans: _Spans) -> bool:
    """Tell whether a noun sits inside a name rather than naming the event.

    "Hội nghị" inside an organisation, a word of a quoted title, "Ngày thiết
    lập quan hệ ngoại giao" of an anniversary.
    """
    if pos in org_spans:
        return True
    if text.count('"', s, pos) % 2 == 1:
        return True
    return bool(_ANNIVERSARY_NAME.search(text, max(s, pos - 30), pos))


def _chained_nouns(text: str, noun: re.Match[str], end: int) -> Iterator[tuple[int, int]]:
    """The noun itself and further events joined by ";" ("hội nghị ...; Tọa đàm ...")."""
    yield noun.start(), noun.end()
    line_end = text.find("\n", noun.end(), end)
    line_end = end if line_end < 0 else line_end
    pos = noun.end()
    while True:
        semi = text.find(";", pos, line_end)
        if semi < 0:
            return
        m = _CHAINED.match(text, semi + 1, line_end)
        if m is None:
            return
        nm = _noun_re().match(text, m.end(), line_end)
        if nm is None or not nm.group()[0].isupper():
            return
        yield nm.start(), nm.end()
        pos = nm.end()


_CHAINED = re.compile(r"\s*(?:và\s+)?")


def _kind(kind: EventKind, title: str | None) -> EventKind:
    """A generic noun ("chương trình", "lễ") takes the kind of a more specific one in its title."""
    if kind not in (EventKind.PROGRAMME, EventKind.CEREMONY, EventKind.OTHER) or not title:
        return kind
    words = _event_words()
    for m in _noun_re().finditer(title, 1):
        inner = words[m.group().lower()]
        if inner is not kind and inner in (EventKind.EXCHANGE, EventKind.SIGNING, EventKind.SEMINAR):
            return inner
    return kind


# ------------------------------------------------------------------ organisers

#: "Hội" alone opening a clause, before a lower-case word (its verb or adverb): not "Hội nghị", whose word
#: the subject's gap to the verb must be
_BARE_ASSOCIATION = re.compile(rf"(?:\A|(?<=[,;:.]\s)|(?<=\n))Hội(?=\s[{LOWER}])")


def _bare_association(m: re.Match[str]) -> OrgMention:
    """The mention of the article's association written "Hội" alone at *m*."""
    return OrgMention(m.start(), m.end(), "Hội", OrganisationKind.FRIENDSHIP_ASSOCIATION, of_article="local")

#: what may stand between a subject and its verb ("đã", "long trọng", "phối hợp")
_ADVERBS = re.compile(
    r"(?:\s|,|đã|sẽ|vừa|mới|cùng nhau|cùng|long trọng|trọng thể|chính thức|phối hợp|đồng thời|thành công|"
    r"ông|bà|đồng chí|ngài|(?:khóa|khoá|nhiệm kỳ)\s[\dIVXL]{1,9}(?:\s?-\s?\d{4})?)*"
)
#: what joins two subjects ("X và Y", "X, Y", "X cùng Y")
_COORDINATOR = re.compile(r"\s*(?:,|và|cùng với|cùng|với)?\s*(?:ông|bà|đồng chí|ngài)?\s*")
_LED_BY = re.compile(r"(?<!\w)do\s+(?:ông|bà|đồng chí|ngài)?\s*$")
#: "X (đã) phối hợp với ... tổ chức": X is a co-subject whatever partners follow
_PARTNERING = re.compile(r"\s*(?:đã\s+|sẽ\s+)?(?:phối hợp|cùng|kết hợp)(?:\s+với)?\s")
_PARENS = re.compile(r"\([^()]{0,120}\)")
#: what stands before a body named in a place phrase: "tại ", "tại trụ sở ", "ở Nhà "
_IN_PLACE = re.compile(r"(?<!\w)(?:tại|ở)\s+(?:[^\W\d][\w]*\s+){0,3}$")
#: "X, Y và các quận, huyện đã phối hợp tổ chức": unnamed partners after the named subjects
_GENERIC_PARTNERS = re.compile(
    r"\s*(?:,|và|cùng với|cùng)\s+(?:các|những|một số|nhiều)\s[^;.()\d]{1,60}?"
    r"(?:\s+(?:đã|sẽ|vừa|cùng|phối hợp|long trọng|chính thức|cùng nhau))*\s*"
)


def _organisers(
    text: str, s: int, e: int, ns: int, ne: int, kind: EventKind, sent: _Sentence
) -> tuple[OrgMention, ...]:
    """The bodies that organise or host the event named at ``[ns, ne)``, from its own clause."""
    found: list[OrgMention] = []
    by = _done_by(text, ne, e, sent)
    if by:
        found += by
    else:
        found += _subject_of(text, s, ns, ne, sent) or _agent(text, ns, sent)
    if not found and kind is EventKind.VISIT:
        found += _inviter(text, s, e, sent) or _called_on(text, s, e, sent)
    if not found and kind in (EventKind.CONGRESS, EventKind.CONFERENCE, EventKind.SEMINAR, EventKind.SIGNING):
        found += _owner(text, ne, e, sent.orgs)
    partners = _partners(text, ne, e, sent)
    found += [o for o in partners if o not in found]
    return tuple(found)


#: punctuation that ends a clause, or a sentence
_CLAUSE_MARK = re.compile(r"[,;.:]")
_SENTENCE_MARK = re.compile(r"[;.]")
_SENTENCE_OR_QUOTE = re.compile(r"[;.\"]")
_CLAUSE_OR_QUOTE = re.compile(r"[,;.\"]")
#: a word that gives what follows it another role than the event's holder (its place, beneficiary, organiser, aim)
_OTHER_ROLE = re.compile(r"\s(?:tại|cho|do|nhằm|để)\s")
_OTHER_ROLE_OR_PARTNER = re.compile(r"\s(?:tại|với|cho|do|nhằm|để|và)\s")


def _verb_before(text: str, ns: int, ne: int, sent: _Sentence) -> re.Match[str] | None:
    """The organiser verb that governs the word at ``[ns, ne)``: the word itself, or one just before it."""
    own: re.Match[str] | None = None
    for vm in reversed(sent.verbs):
        if vm.start() >= ne:
            continue
        if vm.start() > ns:
            continue  # "sơ kết" inside "hội nghị sơ kết" is part of the event word
        if vm.start() == ns:
            own = vm  # the event word is a verb ("ban hành", "tiếp đón", "tổng kết") ...
            continue
        gap = text[vm.end() : ns]
        if len(gap) <= 40 and not _CLAUSE_MARK.search(gap):
            return vm  # ... unless another governs it ("X chủ trì cuộc hội đàm")
        return own
    return own


def _subject_of(text: str, s: int, ns: int, ne: int, sent: _Sentence) -> list[OrgMention]:
    """The subject of the verb that governs the event word: bodies joined by "và", ",", "phối hợp với"."""
    verb = _verb_before(text, ns, ne, sent)
    if verb is None:
        return []
    # a body named in the place phrase is the venue, not a subject ("tại trụ sở Ủy ban X, Y tổ chức ...")
    units = [u for u in sent.units if u.end <= verb.start() and not _IN_PLACE.search(text, max(s, u.start - 40), u.start)]
    if not units:
        return []
    last = units[-1]
    if _LED_BY.search(text, max(sent.ctx.start, last.start - 20), last.start):
        return []  # "Đoàn ... do bà A, Giám đốc Sở X làm Trưởng đoàn": A leads a delegation, X does not organise
    gap = text[last.end : verb.start()]
    if len(gap) > 120 or not (
        _ADVERBS.fullmatch(_PARENS.sub(" ", gap))
        or (_PARTNERING.match(gap) and not _SENTENCE_MARK.search(gap))
        or _GENERIC_PARTNERS.fullmatch(gap)
    ):
        return []
    chosen = [last]
    for prev in reversed(units[:-1]):
        gap = _PARENS.sub(" ", text[prev.end : chosen[-1].start])
        if len(gap) <= 40 and (_COORDINATOR.fullmatch(gap) or _ADVERBS.fullmatch(gap)):
            chosen.append(prev)
            continue
        break
    # "X đã phối hợp với <partners> tổ chức": X is a subject whatever partners follow
    first = chosen[-1]
    for prev in reversed([u for u in units if u.end <= first.start]):
        gap = text[prev.end : first.start]
        if _PARTNERING.match(gap) and len(gap) <= 120 and not _SENTENCE_MARK.search(gap):
            chosen.append(prev)
        break
    return [u.org for u in reversed(chosen) if u.org is not None]


def _done_by(text: str, ne: int, e: int, sent: _Sentence) -> list[OrgMention]:
    """"<event> ... do X (và Y) tổ chức": the bodies of the "do" phrase after the event word."""
    i = ne
    while True:
        pos = text.find(" do ", i, min(e, ne + 200))
        if pos < 0:
            return []
        nxt = bisect.bisect_left(sent.noun_starts, ne + 1)
        if nxt < len(sent.nouns) and sent.noun_starts[nxt] < pos:
            return []  # the "do" phrase belongs to a later event word
        verb = next(
            (v for v in _BY_VERB.finditer(text, pos, min(e, pos + 200)) if v.start() + 1 not in sent.org_spans),
            None,
        )  # "tổ chức" inside "Liên hiệp các tổ chức hữu nghị" is no verb
        if verb is None:
            return []
        inner = sent.orgs_between(pos, verb.start() + 1)
        if inner:
            # "do X chủ trì, phối hợp (với) Y tổ chức": Y organises too
            co = _CO_ORGANISER.match(text, verb.end(), e)
            if co is not None:
                inner += [o for o in sent.orgs if o.start == co.end()]
            return inner
        i = pos + 4


def _agent(text: str, ns: int, sent: _Sentence) -> list[OrgMention]:
    """"được X (cho phép) thành lập": the body that does what the passive tells."""
    for u in reversed(sent.units):
        if u.end > ns:
            continue
        if u.org is not None and _AGENT_GAP.fullmatch(text, u.end, ns) and text[max(sent.ctx.start, u.start - 5) : u.start].endswith("được "):
            return [u.org]
        break
    return []


_AGENT_GAP = re.compile(r"\s*(?:cho phép|quyết định|công nhận|chấp thuận)?\s*")


def _inviter(text: str, s: int, e: int, sent: _Sentence) -> list[OrgMention]:
    """"Nhận lời mời của X, đoàn ... sang thăm": X hosts the visit."""
    m = _INVITED.search(text, s, e)
    if m is None:
        return []
    return [o for o in sent.orgs if o.start == m.end()][:1]


def _called_on(text: str, s: int, e: int, sent: _Sentence) -> list[OrgMention]:
    """"Đoàn ... đến chào xã giao Tỉnh ủy X": the body called on hosts the visit."""
    for m in _COURTESY.finditer(text, s, e):
        host = [o for o in sent.orgs if o.start == m.end()]
        if host:
            return host
    return []


_COURTESY = re.compile(r"(?<!\w)chào xã giao\s+(?:tại\s+)?(?:lãnh đạo\s+)?")


def _partners(text: str, ne: int, e: int, sent: _Sentence) -> list[OrgMention]:
    """"<event> ... với sự phối hợp của X và Y": co-organisers named after the event word."""
    m = _WITH_PARTNER.search(text, ne, min(e, ne + 300))
    if m is None or not m.group().startswith("với sự"):
        return []
    out: list[OrgMention] = []
    pos = m.end()
    for o in sent.orgs:
        if o.start < pos:
            continue
        if o.start != pos and not _COORDINATOR.fullmatch(text[pos : o.start]):
            break
        out.append(o)
        pos = o.end
    return out


def _owner(text: str, noun_end: int, e: int, orgs: Sequence[OrgMention]) -> list[OrgMention]:
    """The body whose event it is: right after the word ("Đại hội ... Hội X"), or after "của" in its phrase.

    Or the two parties after "giữa" ("Hội nghị sơ kết thỏa thuận giữa X và
    Y"). Not the issuer of a document the event studies ("Hội nghị quán triệt
    Kết luận số 57-KL/TW của Bộ Chính trị").
    """
    for o in orgs:
        if o.start < noun_end:
            continue
        between = text[noun_end : o.start]
        if _document_word_re().search(between):
            break
        if o.start - noun_end <= 160 and not _SENTENCE_OR_QUOTE.search(between) and between.endswith(" giữa "):
            # "Hội nghị sơ kết ... thỏa thuận hợp tác giữa X với Y": the two parties hold it
            if not _OTHER_ROLE.search(between):
                parties = [o]
                nxt = next((p for p in orgs if p.start >= o.end), None)
                if nxt is not None and _PARTY_JOIN.fullmatch(text, o.end, nxt.start):
                    parties.append(nxt)
                return parties
        if o.start - noun_end <= 40 and not _CLAUSE_OR_QUOTE.search(between):
            return [o]
        if o.start - noun_end <= 160 and not _SENTENCE_OR_QUOTE.search(between) and between.endswith(" của "):
            if not _OTHER_ROLE_OR_PARTNER.search(between):
                return [o]
        break
    return []


#: between the two parties of "giữa X và Y", "giữa X với Y"
_PARTY_JOIN = re.compile(r"\s*(?:và|với)\s*")


@functools.cache
def _document_word_re() -> re.Pattern[str]:
    """A document type word ("Chỉ thị", "nghị quyết", "Kết luận" ...)."""
    alt = trie_alternation(set(_lex.document_words()), ignorecase=True)
    return re.compile(rf"(?<!\w)(?i:{alt})(?!\w)")


# ------------------------------------------------------------------ place


def _location(
    text: str,
    places: Sequence[re.Match[str]],
    lo: int,
    hi: int,
    e: int,
    kind: EventKind | None = None,
    *,
    near: int | None = None,
    starts: Sequence[int],
) -> str | None:
    """The place of the event whose date and word span ``[lo, hi)``.

    The "tại ..." (or "ở ...") phrase nearest the event names it: a
    province or city of the registry ("tại TP Đà Nẵng"), a city typed as
    such ("tại thành phố Cao Lãnh (Đồng Tháp)": the city), the province of a
    district ("tại huyện Sê Pôn, tỉnh Savannakhet": the province), a
    country ("tại Cuba"), or a foreign city the text writes by its name
    ("tại Warsaw, Ba Lan"); a building with no city in its name gives none.
    *starts* are the starts of *places* (read once per sentence).
    A visit with no such phrase is at the place it visits ("thăm, chúc Tết
    tỉnh Svay Rieng").
    """
    if places:
        # of several in the event's stretch, the one nearest its date ("trong khuôn khổ chuyến thăm tại Lào, ngày
        # 31/1 tại thủ đô Vientiane, ...": Vientiane)
        at = places[_nearest(starts, lo, hi, lo if near is None else near)]
        # "tại" names the place; "ở" (also "in", "at" of anything) only a province or a typed place
        strong = at.group().startswith("tại")
        place = _place_of(text, at.end(), e, loose=strong)
        if place is not None or strong:
            return place
    if kind is EventKind.VISIT:
        start = hi
        if "thăm" not in text[lo:hi].lower():
            # "đoàn công tác tỉnh đến thăm, chúc Tết tỉnh Svay Rieng": the verb after the noun, in its clause
            verb = _VISIT_VERB.search(text, hi, min(e, hi + 60))
            if verb is None or _VISITED_STOP.search(text, hi, verb.start()) is not None:
                return None
            start = verb.end()
        stop = _VISITED_STOP.search(text, start, min(e, start + 90))
        return _visited(text[start : stop.start() if stop else min(e, start + 90)])
    return None


def _nearest(starts: Sequence[int], lo: int, hi: int, anchor: int) -> int:
    """Which place phrase (by its start, *starts* sorted) is nearest the event spanning ``[lo, hi)``, whose date ends at *anchor*.

    Of those starting in the event's stretch (``[lo, hi + 80)``), the one
    nearest *anchor*; if none does, the one nearest the stretch; the earlier
    on a tie. Three bisections, so a sentence of many events and places
    costs no more per event than a short one.
    """
    first, stop = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi + 80)
    if first < stop:  # (anchor lies in [lo, hi])
        j = bisect.bisect_right(starts, anchor, first, stop)
        if j == first:
            return j
        if j == stop or anchor - starts[j - 1] <= starts[j] - anchor:
            return j - 1
        return j
    if first == 0:
        return stop
    if stop == len(starts) or lo - starts[first - 1] <= starts[stop] - hi:
        return first - 1
    return stop
_VISITED_STOP = re.compile(r"[;.()\n\"]|\s(?:của|do|để|nhằm|cho)\s")
#: the verb of a visit written after its noun ("đoàn ... đến thăm", "sang thăm")
_VISIT_VERB = re.compile(r"(?<!\w)(?:đến|sang|tới|về)\s+thăm(?!\w)")


def _visited(phrase: str) -> str | None:
    """The place a visit word's phrase names: "thăm, chúc Tết tỉnh Svay Rieng", "thăm Cu Ba"."""
    pm = _place_in_re().search(phrase)
    typed = next((t for t in _TYPED_PLACE.finditer(phrase) if t.group("type").lower() not in _DISTRICTS), None)
    if typed is not None and (pm is None or typed.start() < pm.start()):
        return typed.group("name")
    if pm is not None:
        return pm.group()
    cm = _country_re().search(phrase)
    return cm.group("country") if cm is not None and cm.group("country") not in _HOME else None


def _place_of(text: str, pos: int, e: int, *, loose: bool) -> str | None:
    """The place a phrase starting at *pos* names (see :func:`_location`)."""
    stop = _PLACE_STOP.search(text, pos, e)
    phrase = text[pos : stop.start() if stop else e]
    typed = [t for t in _TYPED_PLACE.finditer(phrase) if t.group("type").lower() not in _DISTRICTS]
    pm = _place_in_re().search(phrase)
    if pm is not None:
        # "tại thành phố Cao Lãnh (Đồng Tháp)": the city the text types as one
        if typed and typed[0].start("name") < pm.start() and typed[0].group("type").lower() in ("thành phố", "tp", "tp."):
            return typed[0].group("name")
        return pm.group()
    if typed:
        return typed[0].group("name")
    if not loose:
        return None
    cm = _country_re().match(phrase)
    if cm is not None and cm.group("country") not in _HOME:
        return cm.group("country")
    if loose:
        # a foreign city written by its name ("tại Warsaw, Ba Lan"), not a building ("tại Trung tâm Hội nghị")
        fm = _FOREIGN_PLACE.match(phrase)
        if fm is not None and fm.group("first") not in _BUILDINGS and fm.group().strip() not in _HOME:
            return fm.group().strip()
    return None


#: "tại Việt Nam" says no more than the article does: the resolver looks for the city
_HOME = frozenset({"Việt Nam", "nước ta"})
_PLACE_STOP = re.compile(r"[;()\n\"]|(?<!TP)(?<!Tp)\.|,\s(?!(?:tỉnh|thành phố|TP|huyện|quận|thị xã|xã)\s)|\s(?:và|với|để|nhằm|cho|do|từ|vào|nhân)\s")
_DISTRICTS = frozenset({"huyện", "quận", "thị xã", "xã", "phường"})
_TYPED_PLACE = re.compile(
    # (not "Tỉnh ủy", "Thành Đoàn": bodies)
    rf"(?P<type>TP\.?|[Tt]hành phố|[Tt]ỉnh|[Hh]uyện|[Qq]uận|[Tt]hị xã|[Xx]ã|[Pp]hường)\s*(?![ỦủUu][ỷỳy]\b|[Đđ]oàn\b|[Hh]ội\b)"
    rf"(?P<name>{CAP}(?:[\s-]{CAP}){{0,3}})"
)
#: (its name ends at a comma, the phrase's end, a dash or parenthesis before its country, or "của": "tại
#: Sakon Nakhon - Thái Lan", "tại thủ đô Vientiane của Lào")
_FOREIGN_PLACE = re.compile(rf"(?P<first>{CAP})(?:\s{CAP}){{0,2}}(?=\s*(?:,|$|[-(]\s*{CAP})|\scủa\s)")
#: capitalised words that open the name of a building, not of a place
_BUILDINGS = frozenset(
    {"Trung", "Nhà", "Hội", "Trụ", "Khách", "Cung", "Trường", "Cửa", "Khu", "Bảo", "Đại", "Văn", "Sân", "Công", "Bệnh",
     "Thư", "Học", "Viện", "Ủy", "Sở", "Ban", "Chùa", "Đền", "Nghĩa", "Tượng", "Quảng", "Làng", "Bản", "Thôn", "Phòng",
     "Tòa", "Tầng"}
)  # fmt: skip


@functools.cache
def _place_in_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){trie_alternation(_lex.province_names())}(?!\w)")


@functools.cache
def _country_re() -> re.Pattern[str]:
    """A country, after its state form if written ("nước Lào", "Cộng hòa Cuba", "Vương quốc Campuchia")."""
    return re.compile(rf"(?:{_STATE_FORM})?(?P<country>{trie_alternation(_lex.countries())})(?!\w)")


#: the state form written before a country's name
_STATE_FORM = (
    r"(?:(?:nước|Nước)\s+)?(?:(?:Cộng hòa Dân chủ Nhân dân|Cộng hòa Xã hội chủ nghĩa|Cộng hòa Liên bang|Cộng hòa|Vương quốc|"
    r"Liên bang|Nhà nước|CHDCND|CHXHCN|CHLB)\s+)?"
)


@functools.cache
def _seat_re() -> re.Pattern[str]:
    """A mission or community of a country right before "tại": "Lãnh sự quán Nhật Bản tại", "người Việt Nam tại"."""
    return re.compile(
        r"(?<!\w)(?:[Đđ]ại sứ quán|[Ll]ãnh sự quán|[Ll]ãnh sự|[Vv]ăn phòng đại diện|[Cc]ơ quan đại diện|[Tt]hương vụ|"
        rf"người|[Kk]iều bào|[Cc]ộng đồng)\s+{_STATE_FORM}(?:{trie_alternation(_lex.countries())})\s+$"
    )


# ------------------------------------------------------------------ dates that date no event


def _is_span_end(text: str, dm: DateMention, start: int, end: int) -> bool:
    """An end of an anniversary span "(17/11/1950-17/11/2020)" or a term (read in the window ``[start, end)``)."""
    lo = max(start, dm.start - 12)
    if _SPAN_START.match(text, dm.end, min(end, dm.end + 14)) or _SPAN_END.search(text, lo, dm.start):
        return True
    return bool(_TERM_BEFORE.search(text, lo, dm.start))


_SPAN_START = re.compile(r"\s*-\s*\d{1,2}/\d{1,2}/\d{4}")
_SPAN_END = re.compile(r"\d{4}\s*-\s*$")
_TERM_BEFORE = re.compile(r"nhiệm kỳ\s*$|khóa\s*$")


_DAY_NAME = re.compile(r"(?:(?<!\w)Ngày\s+(?!mai\b|nay\b|hôm\b|kia\b)[^\W\d]|(?<!\w)ngày\s+[A-ZĐÀ-Ỹ]|(?<!\w)[Qq]uốc khánh)[^()]{0,60}\(\s*$")


def _recurring_day(text: str, dm: DateMention, start: int, end: int) -> bool:
    """A yearless date naming a day that recurs every year: "Ngày Quốc khánh Cu Ba (01/01)", "Quốc khánh 2/9".

    Read in the window ``[start, end)``.
    """
    if dm.date.year is not None:
        return False
    if _NAMED_BEFORE.search(text, max(start, dm.start - 30), dm.start):
        return True
    return bool(_DAY_NAME.search(text, max(start, dm.start - 70), dm.start)) and text[dm.end : min(end, dm.end + 2)].lstrip().startswith(")")


#: a day's name right before its yearless date: "Quốc khánh 2/9", "Ngày Quốc tế Lao động 1/5"
_NAMED_BEFORE = re.compile(r"(?<!\w)(?:[Qq]uốc khánh|Ngày\s+(?!mai\b|nay\b|hôm\b|kia\b)[^\W\d][^,;.()\d]{0,25})\s+(?:ngày\s+)?$")


# ------------------------------------------------------------------ years


def _year_evidence(
    text: str,
    s: int,
    ns: int,
    ne: int,
    e: int,
    title: str | None,
    dm: DateMention,
    kind: EventKind,
    sent: _Sentence,
) -> tuple[int | None, str | None, datetime.date | None]:
    """What the event's own clause says of the year of a yearless date.

    Returns ``(year, where, period_end)``: the end of the period a review
    covers ("tổng kết công tác năm 2018", "sơ kết 6 tháng đầu năm 2022"),
    else a year the event's phrase or sentence prints ("... Năm Hữu nghị
    2022", "... nhân dịp Tết ... năm 2025"; not a term, a range, a target
    or another date's year), else the end of an anniversary span the
    sentence gives, when the event falls near it ("nhân dịp 104 năm Quốc
    khánh (28/10/1918 - 28/10/2022)").
    """
    if dm.date.year is not None:
        return None, None, None
    word = text[ns:ne].lower()
    review = word in _REVIEWS
    pos = ne
    if not review and kind is EventKind.CONFERENCE:
        # "Hội nghị ... nhằm tổng kết hoạt động năm 2016": the meeting reviews that period
        rm = _REVIEW_WORD.search(text, ne, min(e, ne + 200))
        if rm is not None:
            review, pos = True, rm.end()
    if review:
        pm = _REVIEW_PERIOD.search(text, pos, min(e, pos + 250))
        if pm is not None:
            if pm.group("hy"):
                months = int(pm.group("half"))
                end_month = months if "đầu" in pm.group() else 12
                return None, None, _month_end(int(pm.group("hy")), end_month)
            return None, None, datetime.date(int(pm.group("y")), 12, 31)
    if title:
        years = {
            int(m.group("y"))
            for m in _PRINTED_YEAR.finditer(title)
            if not _REVIEW_OR_PLAN.search(title, 0, m.start()) and not _NOT_ITS_YEAR.search(title, max(0, m.start() - 40), m.start())
        }
        if len(years) == 1:
            return years.pop(), "its phrase", None
    years = sent.printed_years  # (the sentence's: read once for all its events)
    if len(years) == 1:
        return next(iter(years)), "its sentence", None
    for am in sent.anniversary_spans:
        if am.group("d2"):
            anchor = _day(int(am.group("y2")), int(am.group("m2")), int(am.group("d2")))
            year = near_anchor(dm.date, anchor) if anchor else None
        else:
            year = int(am.group("y2"))
        if year is not None:
            return year, "its anniversary span", None
    if kind is EventKind.CONFERENCE:
        # a meeting in a paragraph that reviews some months of a year ("kết quả ... 6 tháng đầu năm 2017. Hội nghị
        # ... chiều 11/8", "Trong khuôn khổ hội nghị, ... hoạt động trong 8 tháng năm 2013"): it reviews that period
        # (its paragraph, within a few sentences of it: a bounded stretch keeps long texts linear)
        reach_lo, reach_hi = max(sent.ctx.start, s - 600), min(sent.ctx.end, e + 600)  # (within the window)
        lo = text.rfind("\n", reach_lo, s) + 1 or reach_lo
        hi = text.find("\n", e, reach_hi)
        hi = reach_hi if hi < 0 else hi
        reviewed = list(_MONTHS_OF_YEAR.finditer(text, lo, hi)) if text.find(" tháng ", lo, hi) >= 0 else []
        ends = {_month_end(int(m.group("y")), 12 if m.group("part") == "cuối" else int(m.group("n"))) for m in reviewed}
        if len(ends) == 1:
            return None, None, ends.pop()
    return None, None, None


#: some months of a year under review: "6 tháng đầu năm 2017", "8 tháng năm 2013", "6 tháng cuối năm 2020"
_MONTHS_OF_YEAR = re.compile(r"(?<![\d/.-])(?P<n>[1-9]|1[01]) tháng (?:(?P<part>đầu|cuối) )?năm (?P<y>(?:19|20)\d\d)(?![\d/-])")


#: before a year that is not the event's: a term, a plan's horizon, a period under review
_NOT_ITS_YEAR = re.compile(
    r"(?:nhiệm kỳ|khóa|khoá|giai đoạn|đến|tới|tầm nhìn|trước|sau|từ|tổng kết|sơ kết|báo cáo|phương hướng|nhiệm vụ|kế hoạch|"
    r"định hướng|mục tiêu|chỉ tiêu)[^,;:.()]{0,30}$|\d\s*-\s*$",
    re.IGNORECASE,
)
#: an anniversary span: "(28/10/1918 – 28/10/2022)", "(1950 - 2020)"
_ANNIVERSARY_SPAN = re.compile(
    r"\((?:\s*[0-3]?\d/[01]?\d/)?(?:19|20)\d\d\s*-\s*(?:(?P<d2>[0-3]?\d)/(?P<m2>[01]?\d)/)?(?P<y2>(?:19|20)\d\d)\s*\)"
)


def _in_parentheses(text: str, pos: int, lo: int) -> bool:
    """Tell whether *pos* is inside parentheses opened in ``[lo, pos)``."""
    open_at = text.rfind("(", lo, pos)
    return open_at >= 0 and text.find(")", open_at, pos) < 0


def _day(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> datetime.date:
    nxt = datetime.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - datetime.timedelta(days=1)


# ------------------------------------------------------------------ title


_QUOTE = re.compile(r"\s*(?:với chủ đề\s*:?\s*|chủ đề\s*:?\s*)?\"(?P<q>[^\"\n]{3,250})\"")
#: (a dot or comma inside a number, "10.000 USD", "2,5 triệu", ends nothing)
_PHRASE_END = re.compile(r"[;\n(]|(?<!\d)[.,]|[.,](?!\d)|\s(?:tại|với sự|nhằm|do|để|vào|ngày|cho)\s")


def _phrase_end(text: str, noun_end: int, e: int) -> int:
    """Where the phrase an event word opens ends (its title, or its quoted theme)."""
    qm = _QUOTE.match(text, noun_end, e)
    if qm:
        return qm.end()
    pm = _PHRASE_END.search(text, noun_end, e)
    return pm.start() if pm else e


def _title(text: str, noun_start: int, noun_end: int, e: int) -> str | None:
    qm = _QUOTE.match(text, noun_end, e)
    if qm:
        return qm.group("q").strip()
    pm = _PHRASE_END.search(text, noun_end, e)
    stop = pm.start() if pm else e
    phrase = text[noun_start:stop].strip()
    return phrase[:1].upper() + phrase[1:] if phrase else None
