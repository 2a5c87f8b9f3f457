"""The Vietnamese date grammar and year resolution.

Recognised forms (on canonical text, where every dash is ``-``):

- full dates ``5/1/2022``, ``05/01/2022``, ``6-7-2011``, ``28.09.2020``,
  ``ngày 05 tháng 01 năm 2022``, and the typo ``5/1//2022``;
- day and month ``14/7``, ``4-6``, ``19.1`` (year resolved later);
- ranges ``từ ngày 24 đến 29/5``, ``21-26/11``, ``29-31/5/2025``,
  ``11 và 12/11/2022``, ``28/11 đến 30/11``;
- months ``tháng 9-2021``, ``tháng 4/2019``, ``tháng 10 năm 2022``;
- a time of day before the date (``Sáng``, ``Chiều``, ``Tối`` ...).

Every pattern is a flat sequence of bounded digit runs, so matching is linear.
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from ..model import PartialDate

if TYPE_CHECKING:  # pragma: no cover
    from .context import FindContext

__all__ = ["DateMention", "dates_in", "find_dates", "find_published", "find_relative", "in_story", "resolve_year"]


@attrs.frozen
class DateMention:
    """A date (or range) found at ``[start, end)`` of the canonical text."""

    start: int
    end: int
    date: PartialDate
    end_date: PartialDate | None = None
    time_of_day: str | None = None


_TOD = r"(?P<tod>(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm|[Rr]ạng sáng|[Ss]áng sớm)(?: nay| qua| mai)?)"
_D = r"(?P<d>[0-3]?\d)"
_M = r"(?P<m>[01]?\d)"
_Y = r"(?P<y>(?:19|20)\d\d)"
_SEP = r"\s?[/.-]\s?"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # ngày 05 tháng 01 năm 2022 / 20 tháng 8 năm 1999 / tháng 10 năm 2022
    (
        "long",
        re.compile(
            r"(?:(?:ngày|Ngày)\s+)?(?:(?P<d>[0-3]?\d)\s+)?tháng\s+(?P<m>[01]?\d)\s*(?:,\s*)?năm\s+(?P<y>(?:19|20)\d\d)\b"
        ),
    ),
    # ranges with an explicit end: từ ngày 24 đến 29/5[/2025]; 28/11 đến 30/11
    (
        "range_words",
        re.compile(
            r"(?:[Tt]ừ\s+)?(?:ngày\s+)?(?P<d1>[0-3]?\d)(?:" + _SEP + r"(?P<m1>[01]?\d))?"
            r"\s+(?:đến|tới|-)\s+(?:ngày\s+)?(?P<d>[0-3]?\d)" + _SEP + _M + r"(?:" + _SEP + _Y + r")?\b(?![/.-]\d)"
        ),
    ),
    # ranges 21-26/11, 29-31/5/2025, 11 và 12/11/2022
    (
        "range_dash",
        re.compile(
            r"(?<![\d/.-])(?P<d1>[0-3]?\d)\s?(?:-|và)\s?(?P<d>[0-3]?\d)/" + _M + r"(?:/" + _Y + r")?\b(?![/.-]\d)"
        ),
    ),
    # full numeric dates (the doubled slash is a typo seen in the wild)
    (
        "full",
        re.compile(r"(?<![\d/.-])" + _D + r"\s?([/.-])\s?" + _M + r"\s?(?:\2|//)\s?" + _Y + r"\b"),
    ),
    # months: tháng 9-2021, tháng 4/2019
    ("month", re.compile(r"[Tt]háng\s+" + _M + r"\s?[/.-]\s?" + _Y + r"\b")),
    # a year on its own: năm 2016 (events only use it next to their noun)
    ("year", re.compile(r"(?<![\w/-])(?:[Nn]ăm|[Tt]ừ năm|[Vv]ào năm)\s+" + _Y + r"\b(?!\s?[-/]\s?\d)")),
    # day and month: 14/7, 4-6, 19.1 (never followed by more digits)
    (
        "day_month",
        re.compile(r"(?<![\d/.,-])" + _D + r"\s?([/.-])\s?" + _M + r"\b(?!\s?[/.-]\s?\d|,\d|\.\d)"),
    ),
]
_TOD_BEFORE = re.compile(_TOD + r"(?:\s+(?:ngày|hôm nay|thứ \w+,?))?\s*\(?$")


_DIGIT = re.compile(r"\d")


def _valid(d: int | None, m: int | None) -> bool:
    return (m is None or 1 <= m <= 12) and (d is None or 1 <= d <= 31)


def find_dates(ctx: FindContext) -> Iterator[DateMention]:
    """The step: every date of the window, and "Sáng nay"/"hôm qua" of a dated article.

    Relative dates count only when the article is dated to the day. (A date
    inside the article's own date line is found too: it may date a document
    the line cites; it dates no event, see :func:`in_story`.)
    """
    found = list(dates_in(ctx.text, ctx.start, ctx.end))
    published = ctx.published
    if published is not None and published.precision == "day":
        day = published.to_date()
        for rs, re_, offset, tod in find_relative(ctx.text, ctx.start, ctx.end):
            when = PartialDate.from_date(day + datetime.timedelta(days=offset)) if day else published
            found.append(DateMention(rs, re_, when, None, tod))
        found.sort(key=lambda d: d.start)
    yield from found


def in_story(ctx: FindContext) -> list[DateMention]:
    """The dates of the context that are not the article's own date line."""
    if ctx.published_span is None:
        return list(ctx.dates)
    ps, pe = ctx.published_span
    return [d for d in ctx.dates if not ps <= d.start < pe]


def dates_in(text: str, start: int = 0, end: int | None = None) -> Iterator[DateMention]:
    """Every date mention in ``text[start:end]``, left to right, without overlaps.

    >>> [d.date.iso for d in dates_in("Sáng 14/7, từ ngày 24 đến 29/5/2025")]
    ['XXXX-07-14', '2025-05-24']
    """
    end = len(text) if end is None else end
    if _DIGIT.search(text, start, end) is None:
        return  # every pattern needs a digit (a fast scan; most lines have none)
    found: list[DateMention] = []
    # the spans taken so far, disjoint and sorted (so sorted by end too):
    # a new span overlaps one iff it overlaps the last that starts before its end
    taken_starts: list[int] = []
    taken_ends: list[int] = []
    for name, pattern in _PATTERNS:
        for m in pattern.finditer(text, start, end):
            s, e = m.span()
            i = bisect.bisect_left(taken_starts, e) - 1
            if i >= 0 and taken_ends[i] > s:
                continue
            mention = _build(name, m)
            if mention is None:
                continue
            taken_starts.insert(i + 1, s)
            taken_ends.insert(i + 1, e)
            found.append(mention)
    found.sort(key=lambda dm: dm.start)
    for dm in found:
        tod = _TOD_BEFORE.search(text, max(start, dm.start - 30), dm.start)
        yield attrs.evolve(dm, time_of_day=tod.group("tod").lower()) if tod else dm


def _int(m: re.Match[str], group: str) -> int | None:
    try:
        value = m.group(group)
    except IndexError:
        return None
    return int(value) if value else None


def _build(name: str, m: re.Match[str]) -> DateMention | None:
    d, mo, y = _int(m, "d"), _int(m, "m"), _int(m, "y")
    if not _valid(d, mo):
        return None
    if name == "day_month" and m.group(2) == "." and (d or 0) > 31:
        return None
    try:
        date = PartialDate(year=y, month=mo, day=d)
    except ValueError:
        return None
    end_date = None
    if name.startswith("range"):
        d1, m1 = _int(m, "d1"), _int(m, "m1")
        if d1 is None or not _valid(d1, m1) or (m1 is None and d1 >= (d or 0)):
            return None
        try:
            start = PartialDate(year=y, month=m1 or mo, day=d1)
        except ValueError:
            return None
        date, end_date = start, date
    return DateMention(m.start(), m.end(), date, end_date)


def resolve_year(date: PartialDate, year: int | None, reference: PartialDate | None = None) -> PartialDate:
    """Give a yearless date the *year* the context fixes.

    With a *reference* (the publication date), a day and month later than the
    reference by more than a month belongs to the year before: an article of
    5 January about "28/12" speaks of last December.
    """
    if date.year is not None or year is None:
        return date
    if reference is not None and reference.year == year and reference.month and date.month:
        if date.month - reference.month > 1:
            year -= 1
    return attrs.evolve(date, year=year)


# ------------------------------------------------------------- published

_PUBLISHED_PATTERNS = [
    # 22:12 | 20/07/2022 GMT+7 ; Thứ 2, 28.09.2020 | 10:07:28 ; 14:01 04/06/2021
    re.compile(
        r"(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:\|\s*)?)?(?:[Tt]hứ\s+\w+\s*,\s*|[Cc]hủ nhật\s*,\s*)?"
        r"(?P<d>[0-3]?\d)[/.-](?P<m>[01]?\d)[/.-](?P<y>(?:19|20)\d\d)"
        r"(?:\s*(?:\|\s*)?\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*\(?GMT\s?[+-]\d+\)?)?"
    ),
    # Hà Nội, ngày 05 tháng 01 năm 2022
    re.compile(r"(?:[^\d,]{2,30},\s*)?ngày\s+(?P<d>[0-3]?\d)\s+tháng\s+(?P<m>[01]?\d)\s+năm\s+(?P<y>(?:19|20)\d\d)"),
    # date 2025-12-26 (an export header)
    re.compile(r"(?:date|ngày đăng|cập nhật|đăng ngày)?:?\s*(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)"),
]
_HAS_CLOCK = re.compile(r"\d{1,2}:\d{2}|GMT|[Tt]hứ\s|[Cc]hủ nhật")
# a label that makes a bare date a publication date ("Ngày đăng: 20/07/2022")
_PUBLISHED_LABEL = re.compile(
    r"(?i)^(?:ngày đăng|đăng ngày|ngày cập nhật|cập nhật(?: lúc| ngày)?|đăng lúc|ngày xuất bản|xuất bản(?: ngày)?|"
    r"thời gian đăng|posted|published|updated)\s*:?\s*\d"
)
_BARE_DATE = re.compile(r"(?i)(?:ngày\s+)?[0-3]?\d[/.-][01]?\d[/.-](?:19|20)\d\d")


def find_published(line: str) -> tuple[PartialDate, tuple[int, int]] | None:
    """Return the publication date a header line states, with its offsets.

    Only timestamp-like lines count: a clock time, a weekday or ``GMT`` next
    to a full date, a labelled date (``Ngày đăng: 20/07/2022``), a line that
    is only a date, a formal dateline (``Hà Nội, ngày 05 tháng 01 năm
    2022``) or an ISO date; a sentence that merely contains a date does not.

    >>> find_published("22:12 | 20/07/2022 GMT+7")[0].iso
    '2022-07-20'
    >>> find_published("Thứ Ba, 20/07/2022")[0].iso
    '2022-07-20'
    >>> find_published("Cập nhật: 20/07/2022")[0].iso
    '2022-07-20'
    >>> find_published("Ngày 20/7/2022, đoàn đã thăm Lào.") is None
    True
    """
    text = line.strip()
    for i, pattern in enumerate(_PUBLISHED_PATTERNS):
        if i < 2 and len(text) > 80:
            continue  # (checked first: searching a long paragraph is the cost)
        if i == 2:
            # only a match at the start counts (below): try there, not along the
            # whole line, where "\s*" made long runs of spaces quadratic
            m = pattern.match(text) or pattern.match(text, 1)
        else:
            m = pattern.search(text)
        if not m:
            continue
        if i == 0 and not (_HAS_CLOCK.search(text) or _PUBLISHED_LABEL.match(text) or _BARE_DATE.fullmatch(text)):
            continue
        # the date must dominate the line: a short line, or one that starts with it
        if i == 2 and m.start() > 1:
            continue
        if i < 2 and len(text) > 80:
            continue
        try:
            date = PartialDate(year=int(m["y"]), month=int(m["m"]), day=int(m["d"]))
        except ValueError:
            continue
        offset = line.index(text)
        return date, (offset + m.start(), offset + m.end())
    return None


_RELATIVE = re.compile(
    r"(?<!\w)(?P<tod>[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa)\s+(?P<rel>nay|qua)(?!\w)|(?<!\w)[Hh]ôm\s+(?P<rel2>nay|qua)(?!\w)"
)


def find_relative(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, int, str | None]]:
    """Dates relative to the publication day: "Sáng nay", "hôm qua".

    Yields ``(start, end, days_offset, time_of_day)``.
    """
    end = len(text) if end is None else end
    for m in _RELATIVE.finditer(text, start, end):
        rel = m.group("rel") or m.group("rel2")
        tod = m.group("tod").lower() if m.group("tod") else None
        yield m.start(), m.end(), 0 if rel == "nay" else -1, tod
