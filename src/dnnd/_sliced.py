r"""Many searches of one pattern over overlapping slices of one text, each char read about once.

The plain forms are ``pattern.search(text[s:e])`` (a *slice*: a look-behind
at ``s`` sees the start of a string) and ``pattern.search(text, a, e)`` (a
*window*: a look-behind at ``a`` sees the text before it). In both, a
look-ahead at ``e`` sees the end of a string. :class:`SliceSearch` answers
whether they find anything, as they would, but remembers what the text
holds between calls, so that a run of slices that slide forward (the
sentence of each event of a line of events) costs one scan of the line, not
one scan of every slice.

Why it is exact. The matcher, trying the pattern at ``p``, reads only the
characters in ``[p - behind, p + ahead)``, where ``behind`` is the longest
look-behind and ``ahead`` the pattern's longest width plus the widths of
its look-aheads (:func:`reach`, read from the parsed pattern; ``None`` when
a quantifier or an anchor makes it unbounded, and then the plain search is
run). So a match at ``p`` inside ``[s, e)`` is:

- a match at ``p`` of the whole text (with nothing cut at either side)
  when ``p >= s + behind`` and ``p + ahead <= e``: what the text holds
  there, which a previous call may already have read;
- a match under the window's end ``e`` when ``p + ahead > e``: searched
  again at each call (at most ``ahead`` positions);
- a match under the slice's start when ``p < s + behind``: tried at each
  of those few positions on the slice itself.

>>> import re
>>> text = "Bàn chuyện đãi ngộ, xđã"
>>> done = SliceSearch(re.compile(r"(?<!\w)đã(?!\w)"), text)
>>> i = text.find("đãi")
>>> done.in_slice(0, len(text) - 3), done.in_slice(0, i + 2), done.in_slice(i, len(text) - 3)
(False, True, False)
>>> done.in_slice(len(text) - 2, len(text)), done.in_window(len(text) - 2, len(text))
(True, False)
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from ._re_tree import constants as _constants
from ._re_tree import parser as _parser

#: opcodes that read one character
_ONE_CHAR = frozenset({"LITERAL", "NOT_LITERAL", "ANY", "IN"})


def reach(pattern: re.Pattern[str]) -> tuple[int, int] | None:
    """How far a try of *pattern* at a position reads: ``(behind, ahead)`` characters, or ``None`` if unbounded.

    ``ahead`` is the pattern's longest width plus the longest width of every
    look-ahead (a sum, so a bound however they nest); ``behind`` the longest
    look-behind. Anchors, boundaries, back-references and look-arounds inside
    look-behinds are not measured (``None``): the caller searches plainly.
    """
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    width = int(parsed.getwidth()[1])
    found = _arounds(parsed, _constants.MAXREPEAT)
    if found is None or width >= _constants.MAXREPEAT:
        return None
    behind, ahead = found
    return behind, width + ahead


def needed(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A class of characters one of which every match of *pattern* consumes, or ``None`` if none is found.

    Each alternative gives one of its literal characters (the highest code
    point: accented letters are the rarer), matched under *pattern*'s own
    flags, so that a case-blind pattern's class is as case-blind as its
    literals (a class and a literal fold a character alike). Where the class
    is not found no match can be.
    """
    chars = _needed(_parser.parse(pattern.pattern, pattern.flags))
    if not chars:
        return None
    return re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(chars)) + "]", pattern.flags)


def _needed(parsed: Any) -> set[int] | None:
    """Characters one of which every match of the sequence *parsed* consumes as a literal, or ``None``."""
    best: set[int] | None = None
    for op, av in parsed.data:
        name = str(op)
        if name == "LITERAL":
            found: set[int] | None = {av}
        elif name == "BRANCH":
            found = _either(av[1])
        elif name == "SUBPATTERN":
            found = None if av[1] or av[2] else _needed(av[-1])  # flags of its own: its letters fold otherwise
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
            found = _needed(av[-1])
        else:
            continue  # a look-around, a class, an optional part: no character it must consume
        if found and (best is None or (len(found), -max(found)) < (len(best), -max(best))):
            best = found
    return best


def _either(alternatives: list[Any]) -> set[int] | None:
    """Characters one of which every match of one of *alternatives* consumes, or ``None``."""
    found: set[int] = set()
    for sub in alternatives:
        chars = _needed(sub)
        if chars is None:
            return None
        found |= chars
    return found


def _arounds(parsed: Any, unbounded: int) -> tuple[int, int] | None:
    """The longest look-behind and the summed widths of the look-aheads in *parsed*, or ``None``."""
    behind, ahead = 0, 0
    for op, av in parsed.data:
        name = str(op)
        if name in _ONE_CHAR:
            continue
        if name in ("ASSERT", "ASSERT_NOT"):
            direction, sub = av
            width = int(sub.getwidth()[1])
            inner = _arounds(sub, unbounded)
            if width >= unbounded or inner is None or (direction < 0 and inner != (0, 0)):
                return None
            if direction < 0:
                behind = max(behind, width)
            else:
                behind, ahead = max(behind, inner[0]), ahead + width + inner[1]
            continue
        subs = _children(name, av)
        if subs is None:
            return None
        for sub in subs:
            inner = _arounds(sub, unbounded)
            if inner is None:
                return None
            behind, ahead = max(behind, inner[0]), ahead + inner[1]
    return behind, ahead


def _children(name: str, av: Any) -> list[Any] | None:
    """The sub-patterns of a grouping opcode, or ``None`` for an opcode :func:`reach` does not measure."""
    if name == "BRANCH":
        return list(av[1])
    if name == "SUBPATTERN":
        return [av[-1]]
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        return [av[2]]
    if name == "ATOMIC_GROUP":
        return [av]
    return None


class SliceSearch:
    """Whether *pattern* is found in slices or windows of *text*, remembering what it read.

    It is fastest when the calls' ends move forward; any order gives the
    plain searches' answers.
    """

    __slots__ = ("_hi", "_hit", "_lo", "_pattern", "_shape", "_text")

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        """Search *pattern* in *text*."""
        self._pattern = pattern
        self._text = text
        self._shape = _shape_of(pattern)
        # no position of [_lo, _hi) starts a match of the whole text; one at
        # _hi does if _hit
        self._lo = self._hi = 0
        self._hit = False

    def in_slice(self, s: int, e: int) -> bool:
        """``pattern.search(text[s:e]) is not None``."""
        e = min(e, len(self._text))  # (as the slice reads it: past the text is nothing)
        shape = self._shape
        if shape is None or not 0 <= s < e:
            return self._pattern.search(self._text[s:e]) is not None
        b = shape.behind
        if not self._lo <= s + b <= self._hi:
            return self._first_slice(shape, s, e)
        # tries near the start, where a look-behind would see the text before s
        head = self._text[s : min(e, s + b + shape.ahead)]
        for i in range(min(b, e - s + 1)):
            if self._pattern.match(head, i):
                return True
        return s + b <= e and self.in_window(s + b, e)

    def _first_slice(self, shape: _Shape, s: int, e: int) -> bool:
        """``pattern.search(text[s:e]) is not None``, searched plainly (nothing is known of it yet), and remembered."""
        m = self._pattern.search(self._text[s:e])
        at = s + m.start() if m is not None else len(self._text) + 1
        # from s + behind to e - ahead the slice's matches are the whole text's
        sure = e - shape.ahead
        self._lo = s + shape.behind
        self._hit = self._lo <= at <= sure
        self._hi = at if self._hit else max(self._lo, min(at, sure + 1))
        return m is not None

    def in_window(self, a: int, e: int) -> bool:
        """``pattern.search(text, a, e) is not None``."""
        e = min(e, len(self._text))  # (as the search reads its ``endpos``)
        shape = self._shape
        if shape is None or not 0 <= a <= e:
            return self._pattern.search(self._text, a, e) is not None
        sure = e - shape.ahead  # a try at or before it reads nothing at or past e
        if not self._lo <= a <= self._hi:
            self._lo = self._hi = a
            self._hit = False
        elif self._hit and self._hi <= sure:
            return True
        start = max(a, min(self._hi, sure + 1))  # [a, start) is known to hold no match
        at = self._search(shape, start, e)
        if at is not None and at <= sure:
            self._hi, self._hit = at, True  # start <= hi here: no known match is skipped
        elif not self._hit:
            self._hi = max(self._hi, sure + 1)
        return at is not None

    def _search(self, shape: _Shape, start: int, e: int) -> int | None:
        """Where ``pattern.search(text, start, e)`` finds a match, or ``None``."""
        if shape.needed is not None:
            # a match consumes a needed character at most `width` - 1 after its start
            hint = shape.needed.search(self._text, start, e)
            if hint is None:
                return None
            start = max(start, hint.start() - shape.width + 1)
        m = self._pattern.search(self._text, start, e)
        return m.start() if m is not None else None


#: opcodes whose match cannot be undone by more text after it (no negative
#: look-around, anchor, boundary, back-reference, atomic group)
_MONOTONE = frozenset(
    {"LITERAL", "NOT_LITERAL", "ANY", "IN", "BRANCH", "SUBPATTERN", "MAX_REPEAT", "MIN_REPEAT", "ASSERT"}
)


def monotone(pattern: re.Pattern[str]) -> bool:
    """Tell whether *pattern* matching at a position under an ``endpos`` also matches there in the whole text.

    True when it reads the text only through characters and positive
    look-arounds: a path that succeeded before ``endpos`` reads the same
    characters in the whole text (a backtracking search tries every path).
    """
    return _monotone(_parser.parse(pattern.pattern, pattern.flags))


def _monotone(parsed: Any) -> bool:
    for op, av in parsed.data:
        name = str(op)
        if name not in _MONOTONE:
            return False
        if name in _ONE_CHAR:
            continue
        subs = [av[1]] if name == "ASSERT" else _children(name, av)
        if subs is None or not all(_monotone(sub) for sub in subs):
            return False
    return True


class OneCharMatches:
    """The matches of a one-character *pattern* in windows of *text*, found once along the text.

    For a pattern whose matches are one character wide and :func:`monotone`,
    the matches under an ``endpos`` ``e`` are among the whole text's matches
    before ``e``; those are read lazily, from a window's start on (the text
    between windows far apart is not read), and each candidate is tried
    again under ``e``.
    """

    __slots__ = ("_found", "_from", "_pattern", "_rest", "_text", "_to")

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        """Read *pattern*'s matches in *text* (plainly if it is not one character wide and monotone)."""
        self._pattern = pattern
        self._text = text
        self._found: list[int] = []  # starts of the whole text's matches in [_from, _to)
        self._from = self._to = -1  # nothing read
        self._rest: Iterator[re.Match[str]] | None = None
        if not _one_char(pattern):
            self._from = len(text) + 1  # every window is searched plainly

    def last(self, a: int, e: int) -> re.Match[str] | None:
        """The last match of ``pattern.finditer(text, a, e)``, or ``None``."""
        if not self._read(a, e):
            return next(reversed(list(self._pattern.finditer(self._text, a, e))), None)
        for i in range(bisect.bisect_left(self._found, e) - 1, bisect.bisect_left(self._found, a) - 1, -1):
            m = self._pattern.match(self._text, self._found[i], e)
            if m is not None:
                return m
        return None

    def first(self, a: int, e: int) -> re.Match[str] | None:
        """``pattern.search(text, a, e)``."""
        if not self._read(a, e):
            return self._pattern.search(self._text, a, e)
        for i in range(bisect.bisect_left(self._found, a), bisect.bisect_left(self._found, e)):
            m = self._pattern.match(self._text, self._found[i], e)
            if m is not None:
                return m
        return None

    def _read(self, a: int, e: int) -> bool:
        """Read the whole text's matches up to *e*; tell whether they hold the window ``[a, e)``'s."""
        if self._to < a <= e and self._from <= len(self._text):
            # past all that was read (or nothing was): read on from a, not the text between;
            # each read ends where the next starts, so the text is read at most once in all
            self._from = self._to = a
            self._found = []
            self._rest = self._pattern.finditer(self._text, a)
        if not self._from <= a <= e or self._rest is None:
            return False
        while self._to < e:
            m = next(self._rest, None)
            if m is None:
                self._to = len(self._text) + 1
                break
            self._found.append(m.start())
            self._to = m.start() + 1
        return True


class _Shape(NamedTuple):
    """What :class:`SliceSearch` reads of a pattern: :func:`reach`, its longest width, :func:`needed`."""

    behind: int
    ahead: int
    width: int
    needed: re.Pattern[str] | None


@functools.cache
def _shape_of(pattern: re.Pattern[str]) -> _Shape | None:
    """*pattern*'s shape, read once; ``None`` if its reach is unbounded or its parse tree is not as this module reads it.

    (The parse tree is the standard library's private one: should its layout
    change, the searches fall back to the plain ones, still exact.)
    """
    try:
        bounds = reach(pattern)
        width = int(_parser.parse(pattern.pattern, pattern.flags).getwidth()[1])
        return None if bounds is None else _Shape(*bounds, width, needed(pattern))
    except Exception:  # any surprise in a private parse tree means: search plainly
        return None


@functools.cache
def _one_char(pattern: re.Pattern[str]) -> bool:
    """Whether *pattern*'s matches are one character wide and it is :func:`monotone` (read once; False if unreadable)."""
    try:
        width = _parser.parse(pattern.pattern, pattern.flags).getwidth()
        return width == (1, 1) and monotone(pattern)
    except Exception:  # as in _shape_of
        return False
