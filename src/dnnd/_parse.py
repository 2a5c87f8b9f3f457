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

import re
from collections.abc import Sequence

from ._find import find
from ._layout import Line, segment
from ._names import visible_name
from ._resolve import resolve
from ._text import normalise
from .errors import DecodeError, EmptyInputError, InputTooLargeError
from .model import Article, Segment

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
    lines = list(layout.mined())
    found = find(
        canon,
        _windows(canon, lines),
        published=layout.published,
        published_span=layout.published_span,
    )
    records = resolve(found, span_of=t.span, body=[(ln.start, ln.end) for ln in lines], published=layout.published)
    return Article(
        text=text,
        source=source,
        title=layout.title,
        published=layout.published,
        published_time=layout.published_time,
        author=layout.author,
        encoding=encoding,
        segments=tuple(Segment(kind=ln.kind, span=t.span(ln.start, ln.end)) for ln in layout.lines),
        documents=records.documents,
        congress_resolutions=records.congress_resolutions,
        organisations=records.organisations,
        people=records.people,
        events=records.events,
    )


def _windows(canon: str, lines: Sequence[Line]) -> list[tuple[int, int]]:
    """Cut the mined lines longer than :data:`MAX_WINDOW` into pieces; return their ranges.

    A piece ends after the last sentence end of its second half, else at the
    last space there, else (a line without spaces) at the limit.
    """
    out: list[tuple[int, int]] = []
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
            out.append((pos, cut))
            pos = cut
            while pos < ln.end and canon[pos].isspace():
                pos += 1
        if pos < ln.end:
            out.append((pos, ln.end))
    return out
