"""The whole path from a string to an :class:`~dnnd.model.Article`.

``normalise -> segment -> find -> resolve``; each step is a pure function.
Finders read only the lines the layout does not mark as chrome.
"""

from __future__ import annotations

import bisect
import datetime
from typing import TypeVar

from ._dates import DateMention, find_dates, find_relative
from ._find_congresses import CongressMention, find_congresses
from ._find_documents import DocumentMention, find_documents
from ._find_events import EventMention, find_events
from ._find_organisations import OrgMention, find_organisations
from ._find_people import PersonMention, find_people
from ._layout import Line, segment
from ._resolve import (
    article_localities,
    build_congresses,
    build_documents,
    build_events,
    build_organisations,
    build_people,
    context_year,
    place_mentions,
    resolve_organisations,
)
from ._text import normalise
from .errors import EmptyInputError, InputTooLargeError
from .model import Article, PartialDate, Segment

#: inputs larger than this many characters are refused (see ``max_chars``)
DEFAULT_MAX_CHARS = 20_000_000


def parse_text(
    text: str,
    *,
    source: str | None = None,
    encoding: str | None = None,
    max_chars: int | None = DEFAULT_MAX_CHARS,
) -> Article:
    """Extract every record from *text* (see :func:`dnnd.parse`)."""
    if not isinstance(text, str):
        raise TypeError(f"parse() takes a str, not {type(text).__name__}")
    if max_chars is not None and len(text) > max_chars:
        raise InputTooLargeError(f"{len(text):,} characters is more than the maximum of {max_chars:,}", source=source)
    if not text.strip():
        raise EmptyInputError("no text (empty or only white space)", source=source)
    t = normalise(text)
    canon = t.canonical
    layout = segment(canon)

    docs: list[DocumentMention] = []
    congresses: list[CongressMention] = []
    orgs: list[OrgMention] = []
    dates: list[DateMention] = []
    lines = list(layout.mined())
    for ln in lines:
        docs.extend(find_documents(canon, ln.start, ln.end))
        congresses.extend(find_congresses(canon, ln.start, ln.end))
        orgs.extend(find_organisations(canon, ln.start, ln.end))
        for dm in find_dates(canon[ln.start : ln.end]):
            dates.append(_shift(dm, ln.start))
    if layout.published_span is not None:
        ps, pe = layout.published_span
        dates = [d for d in dates if not (ps <= d.start < pe)]
    if layout.published is not None and layout.published.precision == "day":
        day = layout.published.to_date()
        for ln in lines:
            for rs, re_, offset, tod in find_relative(canon, ln.start, ln.end):
                when = PartialDate.from_date(day + datetime.timedelta(days=offset)) if day else layout.published
                dates.append(DateMention(rs, re_, when, None, tod))
        dates.sort(key=lambda d: d.start)

    people: list[PersonMention] = []
    events: list[EventMention] = []
    blocked = [(d.start, d.end + 90) for d in docs]
    for ln, line_orgs, line_dates in zip(lines, _by_line(orgs, lines), _by_line(dates, lines), strict=True):
        people.extend(find_people(canon, line_orgs, ln.start, ln.end))
        events.extend(find_events(canon, line_dates, line_orgs, blocked, ln.start, ln.end))

    # bodies that only titles name ("Tỉnh ủy viên", "Ủy viên Đảng đoàn, ...")
    known = {(o.start, o.end, o.head, o.organ) for o in orgs}
    for person in people:
        for position in person.positions:
            o = position.org
            if o is not None and (o.start, o.end, o.head, o.organ) not in known:
                known.add((o.start, o.end, o.head, o.organ))
                orgs.append(o)
    orgs.sort(key=lambda o: o.start)
    body = "\n".join(canon[ln.start : ln.end] for ln in lines)
    places = place_mentions(canon, [(ln.start, ln.end) for ln in lines])
    localities = article_localities(orgs, places)
    locality = localities[0] if localities else None
    resolved = resolve_organisations(orgs, canon, localities, places)
    organisations, by_start = build_organisations(resolved, canon, t.span)
    year = context_year(body, dates, layout.published)
    return Article(
        text=text,
        source=source,
        title=layout.title,
        published=layout.published,
        published_time=layout.published_time,
        author=layout.author,
        encoding=encoding,
        segments=tuple(Segment(kind=ln.kind, span=t.span(ln.start, ln.end)) for ln in layout.lines),
        documents=tuple(build_documents(docs, canon, t.span, layout.published)),
        congress_resolutions=tuple(build_congresses(congresses, t.span, locality)),
        organisations=tuple(organisations),
        people=tuple(build_people(people, by_start, t.span, canon)),
        events=tuple(build_events(events, by_start, t.span, year, layout.published, locality)),
    )


_M = TypeVar("_M", OrgMention, DateMention)


def _by_line(items: list[_M], lines: list[Line]) -> list[list[_M]]:
    """For each line, ``[x for x in items if line.start <= x.start < line.end]``.

    By bisection over the items sorted by start, not by a scan of every item
    per line (which made long articles quadratic); each line's items keep
    their order in *items*.
    """
    order = sorted(range(len(items)), key=lambda i: items[i].start)
    starts = [items[i].start for i in order]
    out = []
    for ln in lines:
        lo = bisect.bisect_left(starts, ln.start)
        hi = bisect.bisect_left(starts, ln.end, lo)
        out.append([items[i] for i in sorted(order[lo:hi])])
    return out


def _shift(dm: DateMention, offset: int) -> DateMention:
    import attrs

    return attrs.evolve(dm, start=dm.start + offset, end=dm.end + offset)
