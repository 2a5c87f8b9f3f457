"""Finding dated events.

An event is a date mention plus an event noun in the same sentence: the
typical lead "Sáng 14/7, tại Bắc Giang, Cụm thi đua số 1 ... tổ chức tọa đàm
..." gives the date, the place ("tại ..."), the organisers (the bodies before
"tổ chức") and the kind (the noun after it). Captions ("... ngày 23/8/2025")
and founding dates ("được thành lập ngày 20 tháng 8 năm 1999") are events
too. Dates that belong to a document citation, to an anniversary span
("(17/11/1950-17/11/2020)") or to a term are not.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ..model import EventKind
from . import patterns as _lex
from .dates import DateMention, in_story
from .organisations import OrgMention
from .patterns import CAP, trie_alternation

if TYPE_CHECKING:  # pragma: no cover
    from .context import FindContext

__all__ = ["EventMention", "find_events"]


@attrs.frozen
class EventMention:
    """An event whose date is at ``[start, end)``; the noun at ``noun_start``."""

    start: int
    end: int
    date: DateMention
    kind: EventKind
    noun_start: int
    noun_end: int
    title: str | None
    organisers: tuple[OrgMention, ...]
    location: str | None
    location_is_bare: bool = False


@functools.cache
def _event_words() -> dict[str, EventKind]:
    return {w: EventKind(k) for w, k in _lex.event_words().items()}


@functools.cache
def _noun_re() -> re.Pattern[str]:
    words = _event_words()
    alt = trie_alternation(set(words) | {w[:1].upper() + w[1:] for w in words})
    return re.compile(rf"(?<![\w])(?P<noun>{alt})(?![\w])")


_SENTENCE_END = re.compile(
    # a full stop after an abbreviation ("TP. Biên Hòa", "PGS. TS", "E. Knapper") ends no sentence
    r"(?:(?<=[!?;])|(?<=(?<!TP)(?<!Tp)(?<!TS)(?<!GS)(?<!ThS)(?<![\s(][A-ZĐ])\.))\s+(?=[A-ZĐÀ-Ỹ\"(])|\n"
)
_AT = re.compile(
    rf"\btại\s+(?:(?:Thủ đô|thủ đô)\s+)?(?P<place>(?:(?:TP\.?|tỉnh|thành phố|huyện|quận|thị xã)\s?)?{CAP}(?:\s{CAP}){{0,3}})"
)
_ORGANISE = re.compile(r"(?:long trọng\s+|đã\s+|sẽ\s+)?(?:phối hợp(?:\s+với[^,]{0,80}?)?\s+)?(?:tổ chức|khai mạc|đăng cai|chủ trì)\b")
_BY = re.compile(r"\bdo\s+(?P<rest>.{3,160}?)\s+(?:tổ chức|chủ trì|đăng cai)")


def _sentence_bounds(text: str, pos: int, lo: int, hi: int) -> tuple[int, int]:
    s = lo
    for m in _SENTENCE_END.finditer(text, lo, pos):
        s = m.end()
    m2 = _SENTENCE_END.search(text, pos, hi)
    return s, m2.start() if m2 else hi


class _SentenceBounds:
    """:func:`_sentence_bounds` for many positions of one line, one scan in all.

    Within a line (no newline), the sentence ends that a scan of
    ``[lo, pos)`` finds are those of a scan of the whole line that end
    before ``pos``, and the first end at or after a position that is not
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
        i = bisect.bisect_left(self.ends, pos) - 1  # the last end before pos
        s = self.ends[i] if i >= 0 else self.lo
        j = bisect.bisect_left(self.starts, pos)  # the first start at or after pos
        e = self.starts[j] if j < len(self.starts) else self.hi
        return s, e


def find_events(ctx: FindContext) -> Iterator[EventMention]:
    """The step: events of the window, one per date that an event noun claims.

    Dates inside the context's ``blocked`` ranges (the stretch after a
    document citation) date the document, not an event.
    """
    text, orgs, blocked, start, end = ctx.text, ctx.organisations, ctx.blocked, ctx.start, ctx.end
    dates = in_story(ctx)
    words = _event_words()
    noun_re = _noun_re()
    org_spans = [(o.start, o.end) for o in orgs]
    # Several dates of one sentence share its bounds, nouns, organisations,
    # place and organiser clauses: work them out once per sentence (a long
    # sentence full of dates was quadratic).
    bounds = _SentenceBounds(text, start, end)
    per_sentence: dict[tuple[int, int], tuple[list[re.Match[str]], tuple[OrgMention, ...], str | None]] = {}
    per_sentence_keys: dict[tuple[int, int], tuple[list[int], list[int]]] = {}
    organiser_cache: dict[tuple[int, int], Any] = {}
    inside = _Spans(org_spans)
    for dm in dates:
        if any(bs <= dm.start < be for bs, be in blocked) or _is_span_end(text, dm):
            continue
        s, e = bounds.around(dm.start)
        cached = per_sentence.get((s, e))
        if cached is None:
            nouns = [m for m in noun_re.finditer(text, s, e) if not _named_inside(text, m.start(), s, inside)]
            cached = per_sentence[(s, e)] = (nouns, tuple(o for o in orgs if s <= o.start < e), _location(text, s, e) if nouns else None)
            per_sentence_keys[(s, e)] = ([m.start() for m in nouns], [m.end() for m in nouns])
        nouns, sentence_orgs, location = cached
        if not nouns:
            continue
        # nouns come in text order without overlaps: the first after the
        # date and the last before it by bisection, not by a scan per date
        noun_starts, noun_ends = per_sentence_keys[(s, e)]
        i_after = bisect.bisect_left(noun_starts, dm.end)
        i_before = bisect.bisect_right(noun_ends, dm.start)
        after = nouns[i_after : i_after + 1]
        before = nouns[i_before - 1 : i_before] if i_before else []
        reach = 60 if dm.date.precision == "year" else 220
        candidates = [(m.start() - dm.end, m) for m in after[:1]] + [(dm.start - m.end(), m) for m in before[-1:]]
        candidates = [c for c in candidates if c[0] <= reach]
        if not candidates:
            continue
        # prefer the noun after the date (lead style) unless the one before is much closer
        candidates.sort(key=lambda c: (c[0] if c[1].start() >= dm.end else c[0] * 2 + 40))
        noun = candidates[0][1]
        organisers = _organisers(text, s, e, noun.start(), sentence_orgs, inside, organiser_cache)
        for ns, ne in _chained_nouns(text, noun, end):
            title = _title(text, ns, ne, end if ns != noun.start() else e)
            kind = _kind(words[text[ns:ne].lower()], title)
            owner = organisers or _owner(text, ne, e, sentence_orgs)
            yield EventMention(dm.start, dm.end, dm, kind, ns, ne, title, owner, location)


_ANNIVERSARY_NAME = re.compile(r"kỷ niệm\s+\d+\s+năm\s+(?:[Nn]gày\s+)?$")


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


def _named_inside(text: str, pos: int, s: int, org_spans: Sequence[tuple[int, int]] | _Spans) -> bool:
    """Tell whether a noun sits inside a name rather than naming the event.

    "Hội nghị" inside an organisation, a word of a quoted title, "Ngày thiết
    lập quan hệ ngoại giao" of an anniversary.
    """
    if pos in org_spans if isinstance(org_spans, _Spans) else any(os_ <= pos < oe for os_, oe in org_spans):
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


def _owner(text: str, noun_end: int, e: int, orgs: Sequence[OrgMention]) -> tuple[OrgMention, ...]:
    """"Đại hội đại biểu Liên hiệp ... tỉnh X": the body named right after the noun."""
    for o in orgs:
        if noun_end <= o.start and o.start - noun_end <= 40 and not re.search(r"[,;.\"]", text[noun_end : o.start]):
            return (o,)
    return ()


def _location(text: str, s: int, e: int) -> str | None:
    at = _AT.search(text, s, e)
    if at is None:
        return None
    stop = re.compile(r"[,;.()\n]").search(text, at.end(), e)
    phrase = text[at.start("place") : stop.start() if stop else e]
    pm = _place_in_re().search(phrase)
    if pm:
        return pm.group()
    # "tại TP. Biên Hòa": a type word makes the next capitalised words a place
    tm = _TYPED_PLACE.match(phrase)
    if tm:
        return tm.group("name")
    return None


_TYPED_PLACE = re.compile(rf"(?:TP\.?|[Tt]hành phố|[Tt]ỉnh|[Hh]uyện|[Qq]uận|[Tt]hị xã)\s*(?P<name>{CAP}(?:\s{CAP}){{0,3}})")


@functools.cache
def _place_in_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){trie_alternation(_lex.province_names())}(?!\w)")


def _is_span_end(text: str, dm: DateMention) -> bool:
    """An end of an anniversary span "(17/11/1950-17/11/2020)" or a term."""
    before = text[max(0, dm.start - 12) : dm.start]
    after = text[dm.end : dm.end + 14]
    if re.match(r"\s?-\s?\d{1,2}/\d{1,2}/\d{4}", after) or re.search(r"\d{4}\s?-\s?$", before):
        return True
    return bool(re.search(r"nhiệm kỳ\s*$|khóa\s*$", before))


def _organisers(
    text: str,
    s: int,
    e: int,
    noun: int,
    orgs: Sequence[OrgMention],
    org_spans: Sequence[tuple[int, int]] | _Spans,
    cache: dict[tuple[int, int], Any] | None = None,
) -> tuple[OrgMention, ...]:
    # *cache* keeps, per sentence, what does not depend on the noun
    key = (s, e)
    by: re.Match[str] | None
    inside: tuple[OrgMention, ...]
    verbs: list[re.Match[str]]
    if cache is not None and key in cache:
        by, inside, verbs = cache[key]
    else:
        by = _BY.search(text, s, e)
        inside = tuple(o for o in orgs if by.start("rest") <= o.start < by.end("rest")) if by else ()
        # "tổ chức" inside "Liên hiệp các tổ chức hữu nghị" is not the verb
        verbs = [
            om
            for om in _ORGANISE.finditer(text, s, e)
            if not (om.start() in org_spans if isinstance(org_spans, _Spans) else any(a <= om.start() < b for a, b in org_spans))
        ]
        if cache is not None:
            cache[key] = (by, inside, verbs)
    if by and inside:
        return inside
    for om in verbs:
        if om.start() > noun:
            break
        subject = tuple(o for o in orgs if o.end <= om.start())
        if subject:
            return subject[-2:] if _joined(text, subject[-2:], om.start()) else subject[-1:]
        break
    return ()


def _joined(text: str, pair: Sequence[OrgMention], stop: int) -> bool:
    if len(pair) < 2:
        return False
    between = text[pair[0].end : pair[1].start]
    return bool(re.fullmatch(r"\s*(?:và|,|cùng|phối hợp với|với)\s*", between)) and not text[pair[1].end : stop].strip(" ,")


_QUOTE = re.compile(r"\s*(?:với chủ đề\s*:?\s*|chủ đề\s*:?\s*)?\"(?P<q>[^\"\n]{3,250})\"")
_PHRASE_END = re.compile(r"[,;.\n(]|\s(?:tại|với sự|nhằm|do|để|vào|ngày|cho)\s")


def _title(text: str, noun_start: int, noun_end: int, e: int) -> str | None:
    qm = _QUOTE.match(text, noun_end, e)
    if qm:
        return qm.group("q").strip()
    pm = _PHRASE_END.search(text, noun_end, e)
    stop = pm.start() if pm else e
    phrase = text[noun_start:stop].strip()
    return phrase[:1].upper() + phrase[1:] if phrase else None
