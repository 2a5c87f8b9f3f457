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


_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-ZĐÀ-Ỹ\"(])|\n")
_AT = re.compile(
    rf"\btại\s+(?:(?:tỉnh|thành phố|TP\.?|Thủ đô|thủ đô)\s+)?(?P<place>(?:TP\.?\s?)?{CAP}(?:\s{CAP}){{0,3}})"
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
    for dm in dates:
        if any(bs <= dm.start < be for bs, be in blocked):
            continue
        if _is_span_end(text, dm):
            continue
        s, e = _sentence_bounds(text, dm.start, start, end)
        sentence = text[s:e]
        rel = dm.start - s
        # the event noun: after the date first (lead style), else before it
        nouns = [m for m in noun_re.finditer(sentence)]
        if not nouns:
            continue
        after = [m for m in nouns if m.start() >= rel]
        before = [m for m in nouns if m.end() <= rel]
        noun = after[0] if after else before[-1]
        # a date far from its noun in a long sentence is not its date
        if abs(noun.start() - rel) > 220:
            continue
        kind = words[noun.group("noun").lower()]
        noun_abs = s + noun.start()
        sentence_orgs = tuple(o for o in orgs if s <= o.start < e)
        organisers = _organisers(text, s, e, noun_abs, sentence_orgs)
        at = _AT.search(text, s, e)
        location = at.group("place") if at else None
        title = _title(text, noun_abs, s + noun.end(), e)
        yield EventMention(dm.start, dm.end, dm, kind, noun_abs, s + noun.end(), title, organisers, location)


def _is_span_end(text: str, dm: DateMention) -> bool:
    """An end of an anniversary span "(17/11/1950-17/11/2020)" or a term."""
    before = text[max(0, dm.start - 12) : dm.start]
    after = text[dm.end : dm.end + 14]
    if re.match(r"\s?-\s?\d{1,2}/\d{1,2}/\d{4}", after) or re.search(r"\d{4}\s?-\s?$", before):
        return True
    return bool(re.search(r"nhiệm kỳ\s*$|khóa\s*$", before))


def _organisers(text: str, s: int, e: int, noun: int, orgs: Sequence[OrgMention]) -> tuple[OrgMention, ...]:
    by = _BY.search(text, s, e)
    if by:
        inside = tuple(o for o in orgs if by.start("rest") <= o.start < by.end("rest"))
        if inside:
            return inside
    om = _ORGANISE.search(text, s, e)
    if om and om.start() <= noun:
        subject = tuple(o for o in orgs if o.end <= om.start() and not _in_apposition(text, o, om.start()))
        if subject:
            return subject[-2:] if _joined(text, subject[-2:], om.start()) else subject[-1:]
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
