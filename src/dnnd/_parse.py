r"""The whole path from a string to an :class:`~dnnd.model.Article`.

``normalise -> segment -> find -> resolve``; each stage is a pure function.
The finders (the declared steps of :data:`dnnd._find.STEPS`) read only the
lines the layout does not mark as chrome, one window at a time; the
resolvers of :func:`dnnd._resolve.resolve` turn their mentions into records.

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
* each window's finders see only that window's mentions, so many short
  lines cost no more than one long one.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import cast

from ._find import find
from ._layout import Layout, Ranges, segment
from ._names import visible_name
from ._resolve import resolve
from ._text import Text, normalise
from .errors import DecodeError, EmptyInputError, InputTooLargeError
from .model import Article, Segment, _SegmentTable

#: inputs larger than this many characters are refused (see ``max_chars``)
DEFAULT_MAX_CHARS = 20_000_000

#: finders read a line at most this many characters at a time (see module docs)
MAX_WINDOW = 4_000


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
    ranges = layout.mined_ranges()
    found = find(
        canon,
        _windows(canon, ranges),
        published=layout.published,
        published_span=layout.published_span,
    )
    records = resolve(found, span_of=t.span, bounds_of=t.bounds, body=ranges, published=layout.published)
    return Article(
        text=text,
        source=source,
        title=layout.title,
        published=layout.published,
        published_time=layout.published_time,
        author=layout.author,
        encoding=encoding,
        segments=_segments(t, layout),
        documents=records.documents,
        congress_resolutions=records.congress_resolutions,
        organisations=records.organisations,
        people=records.people,
        events=records.events,
    )


def _segments(t: Text, layout: Layout) -> tuple[Segment, ...]:
    """The segments of the layout with spans of the original text, stored compactly."""
    if t.same_offsets:
        table = _SegmentTable(layout.kinds, layout.starts, layout.ends)
    else:
        spans = list(itertools.starmap(t.span, zip(layout.starts, layout.ends, strict=True)))
        table = _SegmentTable(layout.kinds, [s.start for s in spans], [s.end for s in spans])
    return cast("tuple[Segment, ...]", table)  # a tuple-like sequence, equal to the tuple of its segments


def _windows(canon: str, lines: Sequence[tuple[int, int]]) -> Sequence[tuple[int, int]]:
    """Cut the mined lines (``(start, end)``) longer than :data:`MAX_WINDOW` into pieces; return their ranges.

    A piece ends after the last sentence end of its second half, else at the
    last space there, else (a line without spaces) at the limit. When no line
    is that long (most articles), *lines* themselves are the windows.
    """
    if isinstance(lines, Ranges):
        if lines.widest() <= MAX_WINDOW:
            return lines
    elif not any(end - start > MAX_WINDOW for start, end in lines):
        return lines
    out: list[tuple[int, int]] = []
    for start, end in lines:
        pos = start
        while end - pos > MAX_WINDOW:
            limit = pos + MAX_WINDOW
            half = pos + MAX_WINDOW // 2
            cut = 0
            for m in _SENTENCE_CUT.finditer(canon, half, limit):
                cut = m.end() - 1
            if not cut:
                space = canon.rfind(" ", half, limit)
                cut = space if space > half else limit
            out.append((pos, cut))
            pos = cut
            while pos < end and canon[pos].isspace():
                pos += 1
        if pos < end:
            out.append((pos, end))
    return out
