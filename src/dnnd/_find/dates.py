"""The Vietnamese date grammar, relative dates, publication dates and the calendar work of years.

Recognised forms (on canonical text, where every dash is ``-``):

- full dates ``5/1/2022``, ``05/01/2022``, ``6-7-2011``, ``28.09.2020``,
  ``ngày 05 tháng 01 năm 2022``, and the typo ``5/1//2022``;
- day and month ``14/7``, ``4-6``, ``19.1`` (year resolved later);
- ranges ``từ ngày 24 đến 29/5``, ``21-26/11``, ``29-31/5/2025``,
  ``11 và 12/11/2022`` (two days in a row), ``2 - 4.4``, ``25.6 và 26.6``,
  ``28/11 đến 30/11``, ``từ ngày 28/12/2022 đến 2/1/2023``;
- months ``tháng 9-2021``, ``tháng 4/2019``, ``tháng 10 năm 2022``;
- years ``năm 2016``, ``(2017)``, and a year after its name in the
  sexagenary cycle when the name fits it (``Tết Quý Mão 2023``);
- a time of day before the date (``Sáng``, ``Chiều``, ``Rạng sáng`` ...: the
  ``time_of_day`` rows of ``data/event_words.json``);
- dates counted from the article's own date (``hôm qua``, ``Sáng nay``,
  ``3 ngày trước``, ``tháng trước``: the ``relative`` rows of the same file),
  computed with :class:`dateutil.relativedelta.relativedelta`.

A range is never two full dates joined by a dash: "(12/7/1976 - 12/7/2011)"
is the span of an anniversary, two dates. Every pattern starts at a word
boundary, so no mention starts inside a number, and every pattern is a flat
sequence of bounded digit runs, so matching is linear.

Publication dates (:func:`find_published`) are read from the page's date
line; timestamps with a zone are put in Vietnam's time before the day is
taken (python-dateutil parses them).
"""

from __future__ import annotations

import bisect
import datetime
import functools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs
from dateutil import parser as _dateparser
from dateutil.relativedelta import relativedelta
from dateutil.tz import tzoffset

from .. import registry
from ..model import PartialDate
from . import patterns as _lex
from .context import guard_hint
from .patterns import trie_alternation

if TYPE_CHECKING:  # pragma: no cover
    from .context import FindContext

__all__ = [
    "DateMention",
    "dates_in",
    "find_dateline",
    "find_dates",
    "find_published",
    "find_relative",
    "in_story",
    "near_anchor",
    "resolve_year",
    "year_after_period",
]


@attrs.frozen
class DateMention:
    """A date (or range) found at ``[start, end)`` of the canonical text.

    ``approximate`` marks a stretch counted from the article's date ("tuần
    qua"): it is a date, but it dates no event.
    """

    start: int
    end: int
    date: PartialDate
    end_date: PartialDate | None = None
    time_of_day: str | None = None
    approximate: bool = False


_D = r"(?P<d>[0-3]?\d)"
_M = r"(?P<m>[01]?\d)"
_Y = r"(?P<y>(?:19|20)\d\d)"
_SEP = r"\s?[/.-]\s?"
#: no mention starts inside a word or a number ("1976 - 12/7/2011" has no range "6 - 12/7/2011")
_START = r"(?<![\w/.-])"

#: nouns a fraction counts: "6/10 tỉnh", "3/5 huyện" are fractions, not dates
_COUNTED = r"tỉnh|thành phố|huyện|quận|xã|phường|thôn|bản|đơn vị|cơ quan|người|hộ|cặp|trường|thành viên|nước|quốc gia|đồn|tiêu chí|chỉ tiêu"

#: a length of time or a count after "4-6" makes it a range of numbers, not a day and month:
#: "4-6 năm", "2-3 tuần", "7-8 lần", "10-12%" ("4-6 năm 2021", "4-6 năm nay" are dates)
_SPAN_OF = (
    r"\s?%|\s(?:tuần|tháng|ngày|giờ|tiếng|phút|lần|tuổi|km|ha|tấn|triệu|tỷ|nghìn|ngàn)\b"
    r"|\snăm\b(?!\s(?:\d|nay|ngoái|trước|qua|sau|tới|đó|ấy|này|Âm|âm|[A-ZĐ]))"
)

_PLAIN: list[tuple[str, str]] = [
    # ngày 05 tháng 01 năm 2022 / 20 tháng 8 năm 1999 / tháng 10 năm 2022
    (
        "long",
        (
            _START + r"(?:(?:ngày|Ngày)\s+)?(?:(?P<d>[0-3]?\d)\s+)?(?:tháng|Tháng)\s+(?P<m>[01]?\d)\s*(?:,\s*)?năm\s+(?P<y>(?:19|20)\d\d)\b"
        ),
    ),
    # a range of full dates needs "từ ... đến": từ ngày 28/12/2022 đến ngày 2/1/2023, từ 30-12-1960 đến 2-1-1961
    (
        "range_full",
        (
            r"(?<!\w)[Tt]ừ\s+(?:ngày\s+)?(?P<d1>[0-3]?\d)(?P<s1>[/.-])(?P<m1>[01]?\d)(?P=s1)(?P<y1>(?:19|20)\d\d)"
            r"\s+(?:đến|tới)\s+(?:ngày\s+)?" + _D + r"(?P<s2>[/.-])" + _M + r"(?P=s2)" + _Y + r"\b"
        ),
    ),
    # ranges with an explicit end: từ ngày 24 đến 29/5[/2025]; 28/11 đến 30/11; 2 - 4.4; 25.6 và 26.6
    (
        "range_words",
        (
            _START + r"(?:[Tt]ừ\s+)?(?:ngày\s+)?(?P<d1>[0-3]?\d)(?:" + _SEP + r"(?P<m1>[01]?\d))?"
            r"\s+(?P<join>đến|tới|-|và)\s+(?:ngày\s+)?" + _D + _SEP + _M + r"(?:" + _SEP + _Y + r")?\b(?![/.-]\d)"
        ),
    ),
    # ranges 21-26/11, 29-31/5/2025, 13 -14/11, 11 và 12/11/2022
    (
        "range_dash",
        (
            r"(?<![\w/.-])(?P<d1>[0-3]?\d)\s?(?P<join>-|và)\s?" + _D + r"(?P<sep>[/.])" + _M + r"(?:(?P=sep)" + _Y + r")?\b(?![/.-]\d)"
        ),
    ),
    # full numeric dates (the doubled slash is a typo seen in the wild)
    (
        "full",
        (r"(?<![\d/.-])" + _D + r"\s?([/.-])\s?" + _M + r"\s?(?:\2|//)\s?" + _Y + r"\b"),
    ),
    # months: tháng 9-2021, tháng 4/2019
    ("month", (r"(?<!\w)[Tt]háng\s+" + _M + r"\s?[/.-]\s?" + _Y + r"\b")),
    # a year on its own: năm 2016, (2017) (events only use it next to their noun)
    (
        "year",
        (
            r"(?<![\w/-])(?:(?:[Nn]ăm|[Tt]ừ năm|[Vv]ào năm)\s+" + _Y + r"\b(?!\s?[-/]\s?\d)|\((?P<py>(?:19|20)\d\d)\))"
        ),
    ),
    # day and month: 14/7, 4-6, 19.1 (never followed by more digits)
    (
        "day_month",
        (r"(?<![\d/.,-])" + _D + r"\s?([/.-])\s?" + _M + r"\b(?!\s?[/.-]\s?\d|,\d|\.\d|\s(?:" + _COUNTED + r")\b|" + _SPAN_OF + ")"),
    ),
]

#: the characters each pattern can start with: a lookahead on them lets the
#: engine skip most positions with one character-set test (same matches)
_FIRST = {
    "long": r"[nNtT\d]",
    "range_full": "[Tt]",
    "range_words": r"[Ttn\d]",
    "range_dash": r"\d",
    "full": r"\d",
    "month": "[Tt]",
    "year": "[NnTtVv(]",
    "day_month": r"\d",
}
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [(name, re.compile(f"(?={_FIRST[name]})" + plain)) for name, plain in _PLAIN]
# (the order :func:`_scanned` lists its tests in)
assert [name for name, _ in _PATTERNS] == ["long", "range_full", "range_words", "range_dash", "full", "month", "year", "day_month"]

#: a digit, a separator and a digit: starting with a digit, the engine skips to digits at once
_NUMBER_SEP_NUMBER = re.compile(r"\d\s?[/.-]\s?\d")


def _scanned(window: str) -> list[tuple[str, re.Pattern[str]]]:
    """The patterns worth scanning *window* with: those whose necessary words it holds.

    A substring test is much cheaper than a scan that tries a pattern at
    every position (and than starting one on a short line). Every year a
    pattern reads starts with "19" or "20"; "tháng"/"Tháng" hold "háng",
    "từ"/"Từ" hold "ừ", "năm"/"Năm" hold "ăm".
    """
    year = "19" in window or "20" in window
    dash = "-" in window
    slash_dot = "/" in window or "." in window
    # every pattern but "long" and "year" reads a number, a separator and a number ("14/7", "9-2021")
    numeric = (dash or slash_dot) and _NUMBER_SEP_NUMBER.search(window) is not None
    joined = dash or "và" in window
    runs = (
        year and "háng" in window,  # long
        numeric and year and "ừ" in window,  # range_full
        numeric and (joined or "đến" in window or "tới" in window),  # range_words
        numeric and joined and slash_dot,  # range_dash
        numeric and year,  # full
        numeric and year and "háng" in window,  # month
        year and ("ăm" in window or "(" in window),  # year
        numeric,  # day_month
    )
    return [named for named, run in zip(_PATTERNS, runs, strict=True) if run]


@functools.cache
def _lunar_re() -> tuple[re.Pattern[str], dict[str, int], dict[str, int]]:
    """A year written after its name in the sexagenary cycle: "Tết Quý Mão 2023", "Xuân Giáp Thìn 2024"."""
    stems, branches = registry.lunar_year_names()
    stem_of = {name: i for i, names in enumerate(stems) for name in names}
    branch_of = {name: i for i, names in enumerate(branches) for name in names}
    pattern = re.compile(
        rf"(?<!\w)(?P<stem>{trie_alternation(stem_of)})\s+(?P<branch>{trie_alternation(branch_of)})\s+(?P<y>(?:19|20)\d\d)\b(?![/-]\d)"
    )
    return pattern, stem_of, branch_of


_CYCLE_YEAR = re.compile(r"[^\W\d] (?:19|20)\d\d\b")  # (the cheap test; the pattern checks the name)


def _lunar_years(text: str, start: int, end: int) -> Iterator[DateMention]:
    """Years named in the sexagenary cycle whose name fits the year (Giáp Tý is 1984: (year - 4) mod 10, mod 12)."""
    pattern, stem_of, branch_of = _lunar_re()
    if _CYCLE_YEAR.search(text, start, end) is None:
        return  # a cycle name comes before a year written on its own ("Quý Mão 2023")
    for m in pattern.finditer(text, start, end):
        year = int(m.group("y"))
        if stem_of[m.group("stem")] == (year - 4) % 10 and branch_of[m.group("branch")] == (year - 4) % 12:
            yield DateMention(m.start(), m.end(), PartialDate(year=year))


@functools.cache
def _tod_before() -> re.Pattern[str]:
    """A time of day right before a date: "Sáng 14/7", "Chiều ngày 2/7", "Sáng nay (29-5)"."""
    words = _lex.time_of_day_words()
    alt = trie_alternation(set(words) | {w[:1].upper() + w[1:] for w in words})
    return re.compile(
        rf"(?<!\w)(?P<tod>{alt})(?: nay| qua| mai)?(?:\s+(?:ngày|hôm nay|thứ \w+,?))?\s*\(?$"
    )


_DIGIT = re.compile(r"\d")


def _valid(d: int | None, m: int | None) -> bool:
    return (m is None or 1 <= m <= 12) and (d is None or 1 <= d <= 31)


def dates_hint(published: PartialDate | None = None) -> re.Pattern[str] | None:
    """The step's hint: a digit, or (in an article dated to the day) the first letter of a relative date."""
    if published is not None and published.to_date() is not None:
        return guard_hint(_relative_re()[0], extra=r"\d")
    return _DIGIT


def dates_possible(text: str, start: int, end: int, published: PartialDate | None = None) -> bool:
    """The step's necessary condition: a digit, or a relative date in an article dated to the day."""
    if _DIGIT.search(text, start, end) is not None:
        return True
    return published is not None and published.to_date() is not None and _relative_re()[0].search(text, start, end) is not None


def find_dates(ctx: FindContext) -> Iterator[DateMention]:
    """The step: every date of the window, and "Sáng nay"/"hôm qua" of a dated article.

    Relative dates count only when the article is dated to the day. (A date
    inside the article's own date line is found too: it may date a document
    the line cites; it dates no event, see :func:`in_story`.)
    """
    found = list(dates_in(ctx.text, ctx.start, ctx.end))
    published = ctx.published
    day = published.to_date() if published is not None else None
    if day is not None:
        relative = list(find_relative(ctx.text, ctx.start, ctx.end, day))
        if relative:
            taken = [(d.start, d.end) for d in found]
            found += [r for r in relative if not any(s < r.end and r.start < e for s, e in taken)]
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
    >>> [d.date.iso for d in dates_in("(12/7/1976 - 12/7/2011)")]
    ['1976-07-12', '2011-07-12']
    """
    end = len(text) if end is None else end
    if _DIGIT.search(text, start, end) is None:
        return  # every pattern needs a digit (a fast scan; most lines have none)
    found: list[DateMention] = []
    # the spans taken so far, disjoint and sorted (so sorted by end too):
    # a new span overlaps one iff it overlaps the last that starts before its end
    taken_starts: list[int] = []
    taken_ends: list[int] = []
    for name, pattern in _scanned(text[start:end]):
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
    for lunar in _lunar_years(text, start, end) if _CYCLE_YEAR.search(text, start, end) is not None else ():
        i = bisect.bisect_left(taken_starts, lunar.end) - 1
        if not (i >= 0 and taken_ends[i] > lunar.start):
            found.append(lunar)
    found.sort(key=lambda dm: dm.start)
    tod_re = _tod_before()
    for dm in found:
        tod = tod_re.search(text, max(start, dm.start - 30), dm.start)
        yield attrs.evolve(dm, time_of_day=tod.group("tod").lower()) if tod else dm


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def _build(name: str, m: re.Match[str]) -> DateMention | None:
    groups = m.groupdict()  # (one call for every named group; a group the pattern lacks reads as None)
    d, mo, y = _int(groups.get("d")), _int(groups.get("m")), _int(groups.get("y")) or _int(groups.get("py"))
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
        d1, m1, y1 = _int(groups.get("d1")), _int(groups.get("m1")), _int(groups.get("y1"))
        if d1 is None or not _valid(d1, m1) or (m1 is None and d1 >= (d or 0)):
            return None
        try:
            start = PartialDate(year=y1 or y, month=m1 or mo, day=d1)
        except ValueError:
            return None
        if name == "range_full" and (start.to_date() or datetime.date.max) >= (date.to_date() or datetime.date.min):
            return None
        if y1 is None and y is not None and m1 is not None and m1 > (mo or 0):
            start = attrs.evolve(start, year=y - 1)  # "28/12 đến 2/1/2023" starts in 2022
        if groups.get("join") == "và" and not _next_day(start, date):
            return None  # "14/7 và 20/7" are two dates, not a stretch
        date, end_date = start, date
    return DateMention(m.start(), m.end(), date, end_date)


def _next_day(a: PartialDate, b: PartialDate) -> bool:
    """Tell whether *b* is the day after *a* (a yearless pair is placed in a leap year)."""
    year = a.year if a.year is not None else 2000
    try:
        first = datetime.date(year, a.month or 1, a.day or 1)
    except ValueError:
        return False
    nxt = first + relativedelta(days=1)
    return (nxt.month, nxt.day) == (b.month, b.day)


# ------------------------------------------------------------- relative dates


@functools.cache
def _relative_re() -> tuple[re.Pattern[str], dict[str, object]]:
    rows = {r.words: r for r in _lex.relative_dates()}
    fixed = {w for w in rows if "{n}" not in w}
    counted = {w.replace("{n} ", "") for w in rows if "{n}" in w}
    alt_fixed = trie_alternation(fixed | {w[:1].upper() + w[1:] for w in fixed})
    alt_counted = trie_alternation(counted)
    # a fixed word or a count's digit starts every match (no guard if a list is empty)
    firsts = "".join(sorted({re.escape(c) for w in fixed for c in (w[0], w[0].upper())}))
    guard = rf"(?=[{firsts}\d])" if fixed and counted else ""
    pattern = re.compile(
        rf"{guard}(?<!\w)(?:(?P<fixed>{alt_fixed})|(?P<n>\d{{1,2}})\s(?P<counted>{alt_counted}))(?!\w)"
    )
    return pattern, rows  # type: ignore[return-value]


def find_relative(text: str, start: int, end: int | None, day: datetime.date) -> Iterator[DateMention]:
    """Dates counted from the article's own *day*: "Sáng nay", "hôm qua", "3 ngày trước".

    >>> [d.date.iso for d in find_relative("Chiều qua, 3 ngày trước", 0, None, datetime.date(2024, 3, 1))]
    ['2024-02-29', '2024-02-27']
    """
    end = len(text) if end is None else end
    pattern, rows = _relative_re()
    for m in pattern.finditer(text, start, end):
        if m.group("fixed"):
            row = rows[m.group("fixed").lower()]
            count = 1
        else:
            row = rows["{n} " + m.group("counted")]
            count = int(m.group("n"))
        offset = relativedelta(**{unit: value * count for unit, value in row.offset.items()})  # type: ignore[attr-defined]
        when = day + offset
        date: PartialDate
        end_date = None
        if row.offset.keys() == {"years"}:  # type: ignore[attr-defined]
            date = PartialDate(year=when.year)
        elif row.offset.keys() == {"months"}:  # type: ignore[attr-defined]
            date = PartialDate(year=when.year, month=when.month)
        else:
            date = PartialDate.from_date(when)
            if row.approximate:  # type: ignore[attr-defined]
                end_date = PartialDate.from_date(day)
        yield DateMention(m.start(), m.end(), date, end_date, row.time_of_day, row.approximate)  # type: ignore[attr-defined]


# ------------------------------------------------------------- years


def resolve_year(date: PartialDate, year: int | None, reference: PartialDate | None = None) -> PartialDate:
    """Give a yearless date the *year* the context fixes.

    With a *reference* (the article's own date) in that year, a day and month
    in a month more than one after the reference's belongs to the year before:
    an article of 5 January about "28/12" speaks of last December.

    >>> resolve_year(PartialDate(month=12, day=28), 2023, PartialDate(year=2023, month=1, day=5)).iso
    '2022-12-28'
    >>> resolve_year(PartialDate(month=7, day=14), 2022, PartialDate(year=2022, month=7, day=20)).iso
    '2022-07-14'
    """
    if date.year is not None or year is None:
        return date
    if reference is not None and reference.year == year and reference.month and date.month:
        if date.month - reference.month > 1:
            year -= 1
    return _in_year(date, year)


def _in_year(date: PartialDate, year: int) -> PartialDate:
    try:
        return attrs.evolve(date, year=year)
    except ValueError:  # 29/2 of a common year: no such day
        return date


def near_anchor(date: PartialDate, anchor: datetime.date, *, before: int = 45, after: int = 45) -> int | None:
    """The year that puts a yearless day and month close to a dated *anchor*.

    Close is at most *before* days before the anchor or *after* days after
    it. The next step of a programme, a press conference three days before
    the congress it announces: a day close to a dated day of the same story
    takes its year (across New Year too).

    >>> near_anchor(PartialDate(month=3, day=25), datetime.date(2015, 3, 28))
    2015
    >>> near_anchor(PartialDate(month=1, day=2), datetime.date(2022, 12, 30))
    2023
    >>> near_anchor(PartialDate(month=3, day=25), datetime.date(2015, 3, 28), before=0) is None
    True
    >>> near_anchor(PartialDate(month=6, day=1), datetime.date(2022, 12, 30)) is None
    True
    """
    if date.month is None or date.day is None:
        return None
    for year in (anchor.year, anchor.year - 1, anchor.year + 1):
        try:
            when = datetime.date(year, date.month, date.day)
        except ValueError:
            continue
        if -before <= (when - anchor).days <= after:
            return year
    return None


def year_after_period(date: PartialDate, period_end: datetime.date) -> int | None:
    """The year of a review meeting held on *date*, for a period that ends on *period_end*.

    A review ("tổng kết công tác năm 2018", "sơ kết 6 tháng đầu năm 2022")
    meets near the end of its period or in the months after it: from half
    a year before the end to four months after.

    >>> year_after_period(PartialDate(month=1, day=28), datetime.date(2018, 12, 31))
    2019
    >>> year_after_period(PartialDate(month=12, day=23), datetime.date(2015, 12, 31))
    2015
    >>> year_after_period(PartialDate(month=7, day=14), datetime.date(2022, 6, 30))
    2022
    """
    if date.month is None:
        return None
    for year in (period_end.year, period_end.year + 1):
        try:
            when = datetime.date(year, date.month, date.day or 1)
        except ValueError:
            continue
        if period_end - relativedelta(months=6) <= when <= period_end + relativedelta(months=4):
            return year
    return None


# ------------------------------------------------------------- published

#: Vietnam's time (UTC+7): a timestamp with another zone is moved into it before its day is taken
VIETNAM = tzoffset("ICT", 7 * 3600)

_TIMESTAMP = re.compile(
    # 22:12 | 20/07/2022 GMT+7 ; Thứ 2, 28.09.2020 | 10:07:28 ; 14:01 04/06/2021 ; 27/08/2021 01:38 PM
    r"(?:(?P<clock1>\d{1,2}:\d{2}(?::\d{2})?)\s*(?:\|\s*|,\s*)?)?"
    r"(?:(?:[Tt]hứ\s+\w+|[Cc]hủ [Nn]hật)\s*,\s*)?"
    r"(?P<d>[0-3]?\d)\s?(?P<s>[/.-])\s?(?P<m>[01]?\d)\s?(?P=s)\s?(?P<y>(?:19|20)\d\d)"
    r"(?:\s*(?:\||-|,)?\s*(?P<clock2>\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?))?"
    r"(?:\s*[(\[]?\s*(?P<zone>(?:GMT|UTC)\s?[+-]\s?(?:1[0-4]|0?\d)(?::?[0-5]\d)?)(?!\d)\s*[)\]]?)?"
)
_ISO_TIMESTAMP = re.compile(
    # 2025-12-26, 2025-12-26T08:30:00+07:00, 2022-07-19T17:30:00Z (an export header)
    r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)(?:-(?P<d>[0-3]\d)(?:[T ](?P<clock>\d{2}:\d{2}(?::\d{2})?)(?:\.\d{1,6})?"
    r"(?P<zone>Z|[+-]\d{2}:?\d{2})?)?)?(?![\d-])"
)
_DATELINE = re.compile(
    # Hà Nội, ngày 05 tháng 01 năm 2022 (the dateline of a document; the whole line or a table cell)
    r"(?:(?:[^\W\d_][\w.]*\s){0,4}[^\W\d_][\w.]*,\s*)?[Nn]gày\s+(?P<d>[0-3]?\d)\s+tháng\s+(?P<m>[01]?\d)\s+năm\s+(?P<y>(?:19|20)\d\d)"
)
_HAS_CLOCK = re.compile(r"\d{1,2}:\d{2}|GMT|UTC|[Tt]hứ\s|[Cc]hủ [Nn]hật")
# a label that makes a bare date a publication date ("Ngày đăng: 20/07/2022", "Ngày ban hành | 14/10/2022")
_PUBLISHED_LABEL = re.compile(
    r"(?i)^[\[(]?\s*(?:ngày đăng|đăng ngày|ngày cập nhật|cập nhật(?: lúc| ngày)?|đăng lúc|ngày xuất bản|xuất bản(?: ngày)?|"
    r"thời gian đăng|ngày ban hành|posted|published|updated|post date|publish date|cms-publish-date|date)\s*[:|,]?\s*\d"
)
_ISO_LABEL = re.compile(r"(?i)(?:date|ngày đăng|cập nhật|đăng ngày)?\s*:?\s*")
_BARE_DATE = re.compile(r"(?i)(?:ngày\s+)?[0-3]?\d[/.-][01]?\d[/.-](?:19|20)\d\d")
# the white space before a final "|" is entered only at its start: a line of spaces was quadratic
_CELL = re.compile(r"(?:(?<!\s)\s*)?\|\s*$|^\s*\|\s*")


def find_published(line: str) -> tuple[PartialDate, tuple[int, int]] | None:
    """Return the publication date a header line states, with its offsets.

    Only timestamp-like lines count: a clock time, a weekday or a zone next
    to a full date, a labelled date (``Ngày đăng: 20/07/2022``), a line that
    is only a date, a formal dateline (``Hà Nội, ngày 05 tháng 01 năm
    2022``) or an ISO date (``2024-09`` is a month); a sentence that merely
    contains a date does not. A timestamp with a zone is read in Vietnam's
    time (``2022-07-19T17:30:00Z`` is the 20th there).

    >>> find_published("22:12 | 20/07/2022 GMT+7")[0].iso
    '2022-07-20'
    >>> find_published("Thứ Ba, 20/07/2022")[0].iso
    '2022-07-20'
    >>> find_published("Cập nhật: 20/07/2022")[0].iso
    '2022-07-20'
    >>> find_published("date 2024-09")[0].iso
    '2024-09'
    >>> find_published("2022-07-19T17:30:00Z")[0].iso
    '2022-07-20'
    >>> find_published("15/08/2019 20:41 PM")[0].iso
    '2019-08-15'
    >>> find_published("Ngày 20/7/2022, đoàn đã thăm Lào.") is None
    True
    """
    text = line.strip()
    offset = line.index(text) if text else 0
    if len(text) <= 80:
        found = _timestamp(text) or _dateline(text)
        if found is not None:
            date, (s, e) = found
            return date, (offset + s, offset + e)
    # an export header starts the line: "date 2025-12-26 <headline>"
    lm = _ISO_LABEL.match(text)
    pos = lm.end() if lm else 0
    im = _ISO_TIMESTAMP.match(text, pos)
    if im is None:
        return None
    iso = _iso_date(im)
    if iso is None:
        return None
    return iso, (offset + im.start(), offset + im.end())


def _timestamp(text: str) -> tuple[PartialDate, tuple[int, int]] | None:
    # what makes the line a timestamp first (cheaper than the search, and most lines with a date fail it)
    cell = _CELL.sub("", text) if "|" in text else text  # (every cell border has a "|")
    if not (_HAS_CLOCK.search(text) or _PUBLISHED_LABEL.match(text) or _BARE_DATE.fullmatch(cell)):
        return None
    m = _TIMESTAMP.search(text)
    if m is None:
        return None
    clock = m.group("clock2") or m.group("clock1")
    zone = m.group("zone")
    stamp = f"{m['y']}-{int(m['m']):02d}-{int(m['d']):02d}"
    try:
        datetime.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if clock:
        stamp += " " + clock
    offset = _posix_free(zone) if zone else None
    if offset is None or offset == "+07:00":
        # no zone, or Vietnam's own: the printed day is the local one (no parsing needed)
        return PartialDate(year=int(m["y"]), month=int(m["m"]), day=int(m["d"])), m.span()
    return _in_vietnam(f"{stamp} {offset}"), m.span()


def _posix_free(zone: str) -> str:
    """``GMT+7`` as ``+07:00``: dateutil reads ``GMT+7`` the POSIX way (seven hours *behind* GMT)."""
    zm = re.fullmatch(r"(?:GMT|UTC)\s?(?P<sign>[+-])\s?(?P<h>\d{1,2})(?::?(?P<mi>\d{2}))?", zone)
    if zm is None:
        return zone
    return f"{zm['sign']}{int(zm['h']):02d}:{zm['mi'] or '00'}"


def _in_vietnam(stamp: str) -> PartialDate:
    """The day of a timestamp in Vietnam's time (a naive timestamp is already local).

    A clock the parser refuses ("20:41 PM") leaves the printed day.
    """
    try:
        when = _dateparser.isoparse(stamp) if "T" in stamp else _dateparser.parse(stamp)
        if when.tzinfo is not None:
            when = when.astimezone(VIETNAM)
    except (ValueError, OverflowError):
        return PartialDate.from_date(datetime.date.fromisoformat(stamp[:10]))
    return PartialDate.from_date(when.date())


def _iso_date(m: re.Match[str]) -> PartialDate | None:
    try:
        if m["d"] is None:
            return PartialDate(year=int(m["y"]), month=int(m["m"]))
        if m["clock"] is None:
            return PartialDate(year=int(m["y"]), month=int(m["m"]), day=int(m["d"]))
        stamp = f"{m['y']}-{m['m']}-{m['d']}T{m['clock']}{m['zone'] or ''}"
        return _in_vietnam(stamp)
    except ValueError:
        return None


def find_dateline(line: str) -> tuple[PartialDate, tuple[int, int]] | None:
    """Return the date of a document's dateline, with its offsets, when *line* is one.

    >>> find_dateline("Bắc Giang, ngày 20 tháng 7 năm 2022 |")[0].iso
    '2022-07-20'
    >>> find_dateline("Số: 38/2012/QĐ-UBND | Đà Lạt, ngày 31 tháng 08 năm 2012 |")[0].iso
    '2012-08-31'
    >>> find_dateline("(kèm theo Quyết định số 5/QĐ-BNV ngày 21 tháng 4 năm 2014") is None
    True
    """
    text = line.strip()
    found = _dateline(text) if len(text) <= 80 else None
    if found is None:
        return None
    offset = line.index(text)
    return found[0], (offset + found[1][0], offset + found[1][1])


def _dateline(text: str) -> tuple[PartialDate, tuple[int, int]] | None:
    """A formal dateline: the whole line, or a cell of a table row, is "Place, ngày d tháng m năm y"."""
    if "tháng" not in text:
        return None  # (every dateline has it)
    pos = 0
    for cell in text.split("|"):
        stripped = cell.strip()
        m = _DATELINE.fullmatch(stripped)
        if m is not None:
            try:
                date = PartialDate(year=int(m["y"]), month=int(m["m"]), day=int(m["d"]))
            except ValueError:
                return None
            shift = pos + cell.index(stripped)
            return date, (shift + m.start(), shift + m.end())
        pos += len(cell) + 1
    return None
