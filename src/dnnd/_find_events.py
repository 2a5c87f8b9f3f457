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

import functools
import re
from collections.abc import Iterator, Sequence

import attrs

from . import _lexicon as _lex
from ._dates import DateMention
from ._find_organisations import OrgMention
from ._lexicon import CAP, alternation
from .model import EventKind

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
    alt = alternation(set(words) | {w[:1].upper() + w[1:] for w in words})
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


def find_events(
    text: str,
    dates: Sequence[DateMention],
    orgs: Sequence[OrgMention],
    blocked: Sequence[tuple[int, int]],
    start: int = 0,
    end: int | None = None,
) -> Iterator[EventMention]:
    """Events in ``text[start:end]``.

    *dates* are the date mentions of that stretch, *orgs* its organisation
    mentions and *blocked* the ranges whose dates are not event dates
    (document citations).
    """
    end = len(text) if end is None else end
    words = _event_words()
    noun_re = _noun_re()
    org_spans = [(o.start, o.end) for o in orgs]
    for dm in dates:
        if any(bs <= dm.start < be for bs, be in blocked) or _is_span_end(text, dm):
            continue
        s, e = _sentence_bounds(text, dm.start, start, end)
        nouns = [m for m in noun_re.finditer(text, s, e) if not _named_inside(text, m.start(), s, org_spans)]
        if not nouns:
            continue
        after = [m for m in nouns if m.start() >= dm.end]
        before = [m for m in nouns if m.end() <= dm.start]
        reach = 60 if dm.date.precision == "year" else 220
        candidates = [(m.start() - dm.end, m) for m in after[:1]] + [(dm.start - m.end(), m) for m in before[-1:]]
        candidates = [c for c in candidates if c[0] <= reach]
        if not candidates:
            continue
        # prefer the noun after the date (lead style) unless the one before is much closer
        candidates.sort(key=lambda c: (c[0] if c[1].start() >= dm.end else c[0] * 2 + 40))
        noun = candidates[0][1]
        sentence_orgs = tuple(o for o in orgs if s <= o.start < e)
        organisers = _organisers(text, s, e, noun.start(), sentence_orgs, org_spans)
        location = _location(text, s, e)
        for ns, ne in _chained_nouns(text, noun, end):
            title = _title(text, ns, ne, end if ns != noun.start() else e)
            kind = _kind(words[text[ns:ne].lower()], title)
            owner = organisers or _owner(text, ne, e, sentence_orgs)
            yield EventMention(dm.start, dm.end, dm, kind, ns, ne, title, owner, location)


_ANNIVERSARY_NAME = re.compile(r"kỷ niệm\s+\d+\s+năm\s+(?:[Nn]gày\s+)?$")


def _named_inside(text: str, pos: int, s: int, org_spans: Sequence[tuple[int, int]]) -> bool:
    """Tell whether a noun sits inside a name rather than naming the event.

    "Hội nghị" inside an organisation, a word of a quoted title, "Ngày thiết
    lập quan hệ ngoại giao" of an anniversary.
    """
    if any(os_ <= pos < oe for os_, oe in org_spans):
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
    return re.compile(rf"(?<!\w){alternation(_lex.province_names())}(?!\w)")


def _is_span_end(text: str, dm: DateMention) -> bool:
    """An end of an anniversary span "(17/11/1950-17/11/2020)" or a term."""
    before = text[max(0, dm.start - 12) : dm.start]
    after = text[dm.end : dm.end + 14]
    if re.match(r"\s?-\s?\d{1,2}/\d{1,2}/\d{4}", after) or re.search(r"\d{4}\s?-\s?$", before):
        return True
    return bool(re.search(r"nhiệm kỳ\s*$|khóa\s*$", before))


def _organisers(
    text: str, s: int, e: int, noun: int, orgs: Sequence[OrgMention], org_spans: Sequence[tuple[int, int]]
) -> tuple[OrgMention, ...]:
    by = _BY.search(text, s, e)
    if by:
        inside = tuple(o for o in orgs if by.start("rest") <= o.start < by.end("rest"))
        if inside:
            return inside
    for om in _ORGANISE.finditer(text, s, e):
        if any(os_ <= om.start() < oe for os_, oe in org_spans):
            continue  # "tổ chức" inside "Liên hiệp các tổ chức hữu nghị"
        if om.start() > noun:
            break
        subject = tuple(o for o in orgs if o.end <= om.start())
        if subject:
            return subject[-2:] if _joined(text, subject[-2:], om.start()) else subject[-1:]
        break
    return ()


def _in_apposition(text: str, org: OrgMention, stop: int) -> bool:
    """True when the org is part of a person's title, not a subject."""
    return False


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
