"""Partial dates as ranges of days: what a date may mean, and query bounds."""

from __future__ import annotations

import datetime as _dt

from ..model import PartialDate


def _span_of(d: PartialDate | None, end: PartialDate | None = None) -> tuple[_dt.date, _dt.date] | None:
    """Return the first and last calendar day a partial date (or date range) may mean."""
    if d is None or d.year is None:
        return None
    lo = _dt.date(d.year, d.month or 1, d.day or 1)
    last = end if end is not None and end.year is not None else d
    assert last.year is not None
    if last.day is not None and last.month is not None:
        hi = _dt.date(last.year, last.month, last.day)
    elif last.month is not None:
        nxt = _dt.date(last.year + (last.month == 12), last.month % 12 + 1, 1)
        hi = nxt - _dt.timedelta(days=1)
    else:
        hi = _dt.date(last.year, 12, 31)
    return lo, max(lo, hi)


def _compatible(a: PartialDate, b: PartialDate) -> bool:
    """Tell whether two partial dates may mean the same day."""
    pairs = ((a.year, b.year), (a.month, b.month), (a.day, b.day))
    return all(x is None or y is None or x == y for x, y in pairs)


def _as_date(value: _dt.date | PartialDate | str | None, *, last: bool = False) -> _dt.date | None:
    """Return a query bound as a day: the first day of a partial date, or its last with *last*."""
    if value is None or isinstance(value, _dt.date):
        return value
    d = value if isinstance(value, PartialDate) else PartialDate.from_iso(value)
    span = _span_of(d)
    return (span[1] if last else span[0]) if span else None
