"""Reported or mentioned: whether an article tells of a dated happening as its news.

An article *reports* the happenings of the period it covers (the conference
it was written about, the activities of the half-year it reviews) and
*mentions* others: the origin of an anniversary ("kỷ niệm 67 năm Chiến thắng
Moncada (26/7/1953 - 26/7/2020)"), a body's founding or history ("được thành
lập ngày 20 tháng 8 năm 1999", "Năm 2009, Việt Nam gia nhập ..."), a
recurring day ("Ngày Quốc khánh Cu Ba (01/01)"), and plans ("sẽ tổ chức",
"dự kiến", "Ngày mai (30/1)").

The decision reads grammar, not particular articles:

- **anniversary span**: the date is inside parentheses holding two dates or
  years of different years ("(17/11/1950 - 17/11/2020)");
- **named day**: a yearless date in parentheses after the name of a day
  ("Ngày tấn công Trại lính Moncada (26/7)", "Quốc khánh Lào (2/12)"), or
  after "kỷ niệm";
- **gloss of a deictic**: a date in parentheses after "nay", "qua" (the
  article's day: reported) or "mai", "tới" (a plan: mentioned);
- **plan**: "sẽ", "dự kiến", "dự định", "sắp", "... tới" (a time ahead, not
  a duration such as "trong 3 năm tới"), "ngày mai" in the clause of the
  event (before its date or noun, or, unless "đã" marks it done, right
  after the noun up to the next comma), or a date after the article's own
  date;
- **attribute of a body**: "được thành lập ngày ...", "thành lập năm ...",
  "cách đây N năm";
- **history**: a date that writes its year ("ngày 21/9/1973", "năm 2009")
  and is more than a year before the article's reference date, or a bare
  year before the reference year. A date whose year the text leaves out
  ("Ngày 4/11") is never history by its year: leads drop the year of the
  news, and the year a reader infers is the article's.

The reference is the article's printed date; for an undated article, the
latest day-dated event not marked as a plan or an anniversary span, and the
latest year the text writes outside ranges and plans (an article is never
older than the years it writes in the past tense).

>>> text = "Sáng 22/7/2020, Hội tổ chức họp mặt kỷ niệm 67 năm (26/7/1953-26/7/2020). Ngày mai (23/7), Hội sẽ tổ chức hội thảo."
>>> def at(written, noun, date):
...     start, noun_start = text.find(written), text.find(noun)
...     return EventFacts(start=start, end=start + len(written), noun_start=noun_start,
...                       noun_end=noun_start + len(noun), date=PartialDate.from_iso(date))
>>> events = [at("22/7/2020", "họp mặt", "2020-07-22"), at("26/7/1953", "họp mặt", "1953-07-26"),
...           at("23/7", "hội thảo", "2020-07-23")]
>>> classify(text, events, published=None)
[True, False, False]
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from typing import NamedTuple

import attrs

from ._sliced import OneCharMatches, SliceSearch
from .model import PartialDate

__all__ = ["EventFacts", "classify"]


@attrs.frozen(kw_only=True)
class EventFacts:
    """What the classifier reads of one event: where its date and noun are, and its resolved date.

    Attributes:
        start: Start of the date mention in the text.
        end: End of the date mention.
        noun_start: Start of the event noun.
        noun_end: End of the event noun.
        date: The resolved date.
        end_date: The resolved last day of a span, if any.

    """

    start: int
    end: int
    noun_start: int
    noun_end: int
    date: PartialDate
    end_date: PartialDate | None = None


# a sentence ends at . ! ? ; followed by a capital, an opening mark, or at a line break
_SENTENCE_END = re.compile(r"[.!?;](?=\s+[A-ZĐÀ-Ỹ\"“(])|\n")
_CLAUSE_END = re.compile(r"[,;.:!?\n]")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?![\d/])")
#: a year that ends a range or follows "đến"/"tới"/"tầm nhìn" is a term's end or a target, not a past year
_FUTURE_YEAR = re.compile(r"(?:(?:19|20)\d\d\s*[-–]\s*|\bđến\s+(?:năm\s+)?|\btới\s+(?:năm\s+)?|\btầm nhìn\s+(?:đến\s+)?(?:năm\s+)?)$", re.IGNORECASE)
#: a plan: a future marker, or a time ahead ("tuần tới", "ngày 5/8 tới"), not a duration ("trong 3 năm tới")
_PLAN = re.compile(
    r"(?<!\w)(?:sẽ|dự kiến|dự định|sắp|(?:ngày|sáng|chiều|tối|hôm) mai"
    r"|(?<!\d )(?:tuần|tháng|năm|thời gian|dịp|ngày \d{1,2}(?:[/-]\d{1,2})?) tới)(?!\w)",
    re.IGNORECASE,
)
#: "đã" before the event marks it done: a later plan word belongs to another clause
_DONE = re.compile(r"(?<!\w)đã(?!\w)", re.IGNORECASE)
#: how far past the noun the event's own clause may run
_AFTER_NOUN = 80
_ATTRIBUTE = re.compile(
    r"(?<!\w)(?:được thành lập|thành lập (?:vào )?(?:ngày|năm|tháng)|ra đời (?:vào )?(?:ngày|năm|tháng)|cách đây)(?!\w)",
    re.IGNORECASE,
)
_TIME_NOUN = r"(?:sáng|chiều|tối|trưa|đêm|hôm|ngày|tuần|tháng|năm)"
_DEICTIC_NOW = re.compile(rf"(?<!\w)(?:{_TIME_NOUN}\s+(?:nay|qua)|vừa qua)\s*$", re.IGNORECASE)
_DEICTIC_NEXT = re.compile(rf"(?<!\w)(?:{_TIME_NOUN}\s+(?:mai|tới)|sắp tới)\s*$", re.IGNORECASE)
#: the name of a day before a parenthesised date: "Ngày Quốc khánh Cu Ba", "kỷ niệm ... ngày thành lập"
_NAMED_DAY = re.compile(r"(?:(?<!\w)Ngày\s|(?<!\w)[Qq]uốc khánh|(?<!\w)kỷ niệm|(?<!\w)ngày\s+[A-ZĐÀ-Ỹ])")


def classify(text: str, events: Sequence[EventFacts], published: PartialDate | None) -> list[bool]:
    """Tell, for each event, whether the article reports it (True) or only mentions it (False)."""
    if not events:
        return []
    # the clauses of neighbouring events overlap (a line of events): each cue is searched once along the text
    cues = _Cues(
        plan=SliceSearch(_PLAN, text),
        plan_after=SliceSearch(_PLAN, text),
        done=SliceSearch(_DONE, text),
        attribute=SliceSearch(_ATTRIBUTE, text),
        ends=OneCharMatches(_SENTENCE_END, text),
    )
    marks = [_marks(text, e, published, cues) for e in events]
    reference: tuple[_dt.date | None, int | None] | None = None  # read once, when an event needs it
    out = []
    for e, mark in zip(events, marks, strict=True):
        if mark is not None:
            out.append(False)
        elif not _YEAR.search(text, e.start, e.end):
            out.append(True)
        else:
            if reference is None:
                reference = _reference(text, events, marks, published, cues)
            out.append(not _historical(e, *reference))
    return out


#: how far a sentence reaches from a position, either way: the cues are near
#: the date, and an unbounded sentence (a line of many dates and commas) made
#: the classifier quadratic
_REACH = 400


def _sentence(text: str, pos: int, ends: OneCharMatches) -> tuple[int, int]:
    """The sentence around *pos*, on its line and at most ``_REACH`` either way.

    It runs from the end of the last ``_SENTENCE_END`` of
    ``_SENTENCE_END.finditer(text, lo, pos)`` to the start of
    ``_SENTENCE_END.search(text, pos, line_end)``; *ends* (the matches of
    ``_SENTENCE_END`` in *text*) answers both without reading the text again.
    """
    lo = max(text.rfind("\n", max(0, pos - _REACH), pos) + 1, pos - _REACH, 0)
    last = ends.last(lo, pos)
    start = last.end() if last is not None else lo
    hi = min(len(text), pos + _REACH)
    nl = text.find("\n", pos, hi)
    end_m = ends.first(pos, nl if nl >= 0 else hi)
    return start, end_m.start() if end_m else (nl if nl >= 0 else hi)


def _parenthesis(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int] | None:
    """The parentheses around ``[start, end)`` within ``[lo, hi)``, if any."""
    open_at = text.rfind("(", lo, start)
    if open_at < 0 or text.find(")", open_at, start) >= 0:
        return None
    close_at = text.find(")", end, hi)
    return (open_at, close_at + 1) if close_at >= 0 else None


class _Cues(NamedTuple):
    """The searches of one text's plan, "đã" and attribute cues (``_PLAN``, ``_DONE``, ``_ATTRIBUTE``) and sentence ends."""

    plan: SliceSearch
    #: the plan cue after the noun (its own: those windows do not overlap the clauses)
    plan_after: SliceSearch
    done: SliceSearch
    attribute: SliceSearch
    ends: OneCharMatches


def _marks(text: str, e: EventFacts, published: PartialDate | None, cues: _Cues) -> str | None:
    """The grammatical cue that makes *e* a mention, or ``None``."""
    s, t = _sentence(text, e.start, cues.ends)
    paren = _parenthesis(text, e.start, e.end, s, t)
    if paren is not None:
        inside = text[paren[0] : paren[1]]
        if len({y.group() for y in _YEAR.finditer(inside)}) > 1:
            return "anniversary span"
        before = text[s : paren[0]]
        if _DEICTIC_NOW.search(before):
            return None
        if _DEICTIC_NEXT.search(before):
            return "plan"
        if e.date.year is None and _NAMED_DAY.search(text[max(s, paren[0] - 60) : paren[0]]):
            return "named day"
    # the clause of the event: up to its date or noun, then (unless "đã" marks it
    # done) on to the next comma, at most a few words
    head_end = max(e.end, e.noun_end)
    # in_slice(s, e) is _X.search(text[s:e]) (the clause's start is a string's start),
    # in_window(a, e) is _X.search(text, a, e)
    if cues.plan.in_slice(s, head_end):
        return "plan"
    if not cues.done.in_slice(s, head_end):
        clause_m = _CLAUSE_END.search(text, head_end, min(t, head_end + _AFTER_NOUN))
        if cues.plan_after.in_window(head_end, clause_m.start() if clause_m else min(t, head_end + _AFTER_NOUN)):
            return "plan"
    if cues.attribute.in_slice(s, head_end):
        return "attribute"
    if published is not None and _after(e.date, published):
        return "plan"
    return None


def _after(d: PartialDate, ref: PartialDate) -> bool:
    """Tell whether *d* is certainly later than *ref* (comparing only what both know)."""
    if d.year is None or ref.year is None:
        return False
    if d.year != ref.year:
        return d.year > ref.year
    if d.month is None or ref.month is None or d.month != ref.month:
        return d.month is not None and ref.month is not None and d.month > ref.month
    return d.day is not None and ref.day is not None and d.day > ref.day


def _reference(
    text: str, events: Sequence[EventFacts], marks: Sequence[str | None], published: PartialDate | None, cues: _Cues
) -> tuple[_dt.date | None, int | None]:
    """The article's reference day and year: its printed date, else what its events and years show."""
    if published is not None and published.year is not None:
        return published.to_date(), published.year
    days = [e.date.to_date() for e, mark in zip(events, marks, strict=True) if mark is None and e.date.to_date() is not None]
    day = max((d for d in days if d is not None), default=None)
    years = [int(m.group()) for m in _YEAR.finditer(text) if _past_year(text, m, cues)]
    year = max(years, default=None)
    if day is not None:
        year = max(year or day.year, day.year)
    return day, year


def _past_year(text: str, m: re.Match[str], cues: _Cues) -> bool:
    before = text[max(0, m.start() - 25) : m.start()]
    if _FUTURE_YEAR.search(before):
        return False
    s, _ = _sentence(text, m.start(), cues.ends)
    return not cues.plan.in_slice(s, m.start())  # not _PLAN.search(text[s : m.start()])


def _historical(e: EventFacts, ref_day: _dt.date | None, ref_year: int | None) -> bool:
    """Tell whether *e* happened well before the article's reference date."""
    d = e.date
    if d.year is None:
        return False
    if d.precision == "year":
        return ref_year is not None and d.year < ref_year
    if ref_year is not None and d.year < ref_year - 1:
        return True
    last = (e.end_date or d).to_date() or _last_day(e.end_date or d)
    return ref_day is not None and last is not None and (ref_day - last).days > 366


def _last_day(d: PartialDate) -> _dt.date | None:
    if d.year is None:
        return None
    if d.month is None:
        return _dt.date(d.year, 12, 31)
    nxt = _dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return nxt - _dt.timedelta(days=1)
