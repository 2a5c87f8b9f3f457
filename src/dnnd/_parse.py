r"""The whole path from a string to an :class:`~dnnd.model.Article`.

``normalise -> segment -> find -> resolve``; each step is a pure function.
Finders read only the lines the layout does not mark as chrome.

Entry guards (hostile input must never crash or hang the parser):

* *text* must be a ``str``; a string holding lone surrogates (``"\ud800"``,
  what ``errors="surrogateescape"`` leaves for undecodable bytes) is not
  Unicode text and raises :class:`~dnnd.errors.DecodeError` naming the first
  one - it could not be written out as UTF-8 - rather than being altered;
* more than *max_chars* characters raise
  :class:`~dnnd.errors.InputTooLargeError`; blank text raises
  :class:`~dnnd.errors.EmptyInputError`;
* finders see a line at most :data:`MAX_WINDOW` characters at a time: a
  longer line (no real paragraph comes near it) is cut at a sentence end,
  else at a space, so the per-line work of the finders stays bounded and the
  whole parse is linear in the length of the input;
* the mentions of each line are picked out by position (bisection), never by
  rescanning every mention of the article, so many short lines cost no more
  than one long one.
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Sequence
from typing import TypeVar

import attrs

from ._dates import DateMention, find_dates, find_relative
from ._find_congresses import CongressMention, find_congresses
from ._find_documents import DocumentMention, find_documents
from ._find_events import EventMention, find_events
from ._find_organisations import OrgMention, find_organisations
from ._find_people import PersonMention, find_people
from ._layout import Line, segment
from ._names import visible_name
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
from .errors import DecodeError, EmptyInputError, InputTooLargeError
from .model import Article, PartialDate, Segment

#: inputs larger than this many characters are refused (see ``max_chars``)
DEFAULT_MAX_CHARS = 20_000_000

#: finders read a line at most this many characters at a time (see module docs)
MAX_WINDOW = 4_000

_M = TypeVar("_M", OrgMention, DateMention)

_SURROGATE = re.compile("[\ud800-\udfff]")
_SENTENCE_CUT = re.compile(r"[.!?;:][\"')\]]*\s")


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
    if source is not None:
        source = visible_name(source)  # a label is always valid Unicode, so every record serialises
    if max_chars is not None and len(text) > max_chars:
        raise InputTooLargeError(f"{len(text):,} characters is more than the maximum of {max_chars:,}", source=source)
    if not text.strip():
        raise EmptyInputError("no text (empty or only white space)", source=source)
    bad = _SURROGATE.search(text)
    if bad is not None:
        raise DecodeError(
            f"not valid Unicode: lone surrogate U+{ord(bad.group()):04X} at offset {bad.start():,} "
            "(decode the bytes with errors='replace', or fix the source)",
            source=source,
        )
    t = normalise(text)
    canon = t.canonical
    layout = segment(canon)
    lines = list(layout.mined())
    windows = _windows(canon, lines)
    starts = [w.start for w in windows]

    docs: list[DocumentMention] = []
    congresses: list[CongressMention] = []
    orgs: list[OrgMention] = []
    dates: list[DateMention] = []
    for w in windows:
        docs.extend(find_documents(canon, w.start, w.end))
        congresses.extend(find_congresses(canon, w.start, w.end))
        orgs.extend(find_organisations(canon, w.start, w.end))
        for dm in find_dates(canon[w.start : w.end]):
            dates.append(_shift(dm, w.start))
    if layout.published_span is not None:
        ps, pe = layout.published_span
        dates = [d for d in dates if not (ps <= d.start < pe)]
    if layout.published is not None and layout.published.precision == "day":
        day = layout.published.to_date()
        for w in windows:
            for rs, re_, offset, tod in find_relative(canon, w.start, w.end):
                when = PartialDate.from_date(day + datetime.timedelta(days=offset)) if day else layout.published
                dates.append(DateMention(rs, re_, when, None, tod))
        dates.sort(key=lambda d: d.start)

    orgs_in = _by_window(orgs, windows, starts)
    dates_in = _by_window(dates, windows, starts)
    blocked = sorted((d.start, d.end + 90) for d in docs)
    blocked_starts = [b[0] for b in blocked]
    longest_block = max((be - bs for bs, be in blocked), default=0)

    people: list[PersonMention] = []
    events: list[EventMention] = []
    for i, w in enumerate(windows):
        lo = bisect.bisect_left(blocked_starts, w.start - longest_block)
        hi = bisect.bisect_left(blocked_starts, w.end)
        near = [b for b in blocked[lo:hi] if b[1] > w.start]
        people.extend(find_people(canon, orgs_in[i], w.start, w.end))
        events.extend(find_events(canon, dates_in[i], orgs_in[i], near, w.start, w.end))

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


def _windows(canon: str, lines: Sequence[Line]) -> list[Line]:
    """Cut the mined lines longer than :data:`MAX_WINDOW` into pieces.

    A piece ends after the last sentence end of its second half, else at the
    last space there, else (a line without spaces) at the limit.
    """
    out: list[Line] = []
    for ln in lines:
        pos = ln.start
        while ln.end - pos > MAX_WINDOW:
            limit = pos + MAX_WINDOW
            half = pos + MAX_WINDOW // 2
            cut = 0
            for m in _SENTENCE_CUT.finditer(canon, half, limit):
                cut = m.end() - 1
            if not cut:
                space = canon.rfind(" ", half, limit)
                cut = space if space > half else limit
            out.append(attrs.evolve(ln, start=pos, end=cut))
            pos = cut
            while pos < ln.end and canon[pos].isspace():
                pos += 1
        if pos == ln.start:
            out.append(ln)  # the usual case, a line shorter than a window: no copy
        elif pos < ln.end:
            out.append(attrs.evolve(ln, start=pos, end=ln.end))
    return out


def _by_window(found: Sequence[_M], windows: Sequence[Line], starts: Sequence[int]) -> list[list[_M]]:
    """Group mentions by the window their start falls in, keeping their order."""
    groups: list[list[_M]] = [[] for _ in windows]
    for item in found:
        i = bisect.bisect_right(starts, item.start) - 1
        if i >= 0 and item.start < windows[i].end:
            groups[i].append(item)
    return groups


def _shift(dm: DateMention, offset: int) -> DateMention:
    return attrs.evolve(dm, start=dm.start + offset, end=dm.end + offset)
