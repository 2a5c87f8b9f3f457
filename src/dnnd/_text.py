r"""Normalisation of Vietnamese text for matching, with an offset map back.

:func:`normalise` turns the caller's string into one canonical form that the
finders match against:

- Unicode NFC (NFD and partly decomposed input are composed);
- one tone placement for ``oa``/``oe``/``uy`` at the end of a syllable
  (``hoà`` -> ``hòa``, ``Uỷ`` -> ``Ủy``, ``Thanh Hoá`` -> ``Thanh Hóa``);
- look-alike letters folded (``Ð`` U+00D0 -> ``Đ`` U+0110);
- every dash to ``-``, curly quotes and guillemets to straight quotes, every
  space-like character (tab, no-break, en/em/thin spaces ...) to a plain
  space, zero-width characters, soft hyphens, BOMs and bidi marks removed;
- every line break to ``\n``: ``\r\n`` loses its CR, a lone CR, NEL,
  VT, FF, U+2028 and U+2029 become ``\n``.

The result is a :class:`Text`, which keeps both strings and maps any offset
of the canonical string back to the original, so spans found in the
canonical text index the caller's string exactly.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

import attrs

from .model import Span
from .normalise import COMBINING as _COMBINING
from .normalise import DASHES, ETH
from .normalise import TONES as _TONES

__all__ = ["Text", "canonical_tones", "normalise", "old_style_tones"]

# --------------------------------------------------------------- 1:1 folds

_ONE_TO_ONE = {
    **ETH,  # look-alikes of Đ/đ
    0x00A0: " ",
    0x1680: " ",
    0x202F: " ",
    0x205F: " ",
    0x3000: " ",
    0x2028: "\n",
    0x2029: "\n",
    0x0085: "\n",
    0x000B: "\n",
    0x000C: "\n",
    0x000D: "\n",  # a lone CR (CRLF loses its CR as an edit)
    0x2018: "'",
    0x2019: "'",
    0x201A: "'",
    0x201B: "'",
    0x2032: "'",
    0x201C: '"',
    0x201D: '"',
    0x201E: '"',
    0x201F: '"',
    0x00AB: '"',
    0x00BB: '"',
    0x2039: "'",
    0x203A: "'",
    0xFF02: '"',
    0xFF07: "'",
    0x0009: " ",
    0x2033: '"',
    0x2212: "-",
    0xFE58: "-",
    0xFE63: "-",
    0xFF0D: "-",
}
_ONE_TO_ONE.update({cp: " " for cp in range(0x2000, 0x200B)})  # en/em/thin spaces
_ONE_TO_ONE.update({ord(c): "-" for c in DASHES})  # hyphens and dashes
_FOLD_TABLE = str.maketrans(_ONE_TO_ONE)
# str.translate looks every character up in the table; most texts need only a
# few folds, so find them with one character-set scan instead
_FOLD_CHARS = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_ONE_TO_ONE)) + "]")


def _fold(text: str) -> str:
    """Return ``text.translate(_FOLD_TABLE)``, faster when few characters change."""
    if _FOLD_CHARS.search(text) is None:
        return text
    return _FOLD_CHARS.sub(lambda m: _ONE_TO_ONE[ord(m.group())], text)

# characters dropped outright (zero width, soft hyphen, BOM, bidi marks)
_DROP = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069"
_NEEDS_EDIT = re.compile(f"[{_DROP}\r]")
# One edit is either a base letter with its combining marks (possibly with
# dropped characters in between), a run of dropped characters, or the CR of a
# CRLF. Marks and dropped characters are disjoint classes, so the repetition
# cannot backtrack.
_EDIT = re.compile(f"[^{_DROP}\r]?(?:[{_DROP}]*[{_COMBINING}])+|[{_DROP}]+|\r(?=\n)")
_STRIP_DROPS = re.compile(f"[{_DROP}]+")
_DROP_SET = frozenset(
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"
    + "".join(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
)

# ------------------------------------------------------------ tone placement

# the syllable ends here: no letter and no combining mark follows
# Every pair of _TONES as one class per vowel, with the "not after q"
# lookbehind moved behind the first letter: the pattern then starts with a
# character set, which the regex engine scans for at C speed. It matches
# exactly the pairs of _TONES (the assert checks it).
_TONE_O = "".join(sorted({k[1] for k in _TONES if k[0] in "oO"}))
_TONE_U = "".join(sorted({k[1] for k in _TONES if k[0] in "uU"}))
assert {a + b for a in "oO" for b in _TONE_O} | {a + b for a in "uU" for b in _TONE_U} == set(_TONES)
_TONE_RE = re.compile(
    rf"[oOuU](?<![qQ].)(?:(?<=[oO])[{_TONE_O}]|(?<=[uU])[{_TONE_U}])(?![\w" + _COMBINING + "])"
)
_OLD_TONES = {new: old for old, new in _TONES.items()}
_OLD_TONE_RE = re.compile(r"(?<![qQ])(?:" + "|".join(_OLD_TONES) + r")(?![\w" + _COMBINING + "])")


def canonical_tones(text: str) -> str:
    """Move the tone of a final ``oa``/``oe``/``uy`` to the first vowel, keeping offsets.

    :func:`dnnd.normalise.canonical_tones` for the text layer: a pair that a
    combining mark follows is left as it is (moving its tone would make the
    mark compose with another letter and break the offset map).

    >>> canonical_tones("Uỷ ban nhân dân tỉnh Thanh Hoá, hoà bình, quý")
    'Ủy ban nhân dân tỉnh Thanh Hóa, hòa bình, quý'
    """
    if not _TONE_RE.search(text):
        return text
    return _TONE_RE.sub(lambda m: _fold_tone(m, text), text)


def _fold_tone(m: re.Match[str], text: str) -> str:
    # a combining mark of any script after the pair would recompose with it
    nxt = text[m.end() : m.end() + 1]
    if nxt and unicodedata.combining(nxt):
        return m.group()
    return _TONES[m.group()]


def old_style_tones(text: str) -> str:
    """Put the tone of a final ``oa``/``oe``/``uy`` on the last vowel (undo :func:`canonical_tones`).

    Old-style (pre-1980s school) spelling, still common in the press.

    >>> old_style_tones("Ủy ban nhân dân tỉnh Thanh Hóa, hòa bình, quý")
    'Uỷ ban nhân dân tỉnh Thanh Hoá, hoà bình, quý'
    """
    if not _OLD_TONE_RE.search(text):
        return text
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONES[m.group()], text)


# ------------------------------------------------------------------- Text


@attrs.frozen
class Text:
    """The caller's string and its canonical form, with an offset map.

    ``canonical`` is what finders match; :meth:`span` turns a range of it into
    a :class:`~dnnd.model.Span` of ``original``. When normalisation did not
    change any length (the common case) the map is the identity.
    """

    original: str
    canonical: str
    # canonical start, original start, canonical length, original length
    _edits: tuple[tuple[int, int, int, int], ...] = ()
    _starts: tuple[int, ...] = ()

    def to_original(self, pos: int, *, end: bool = False) -> int:
        """Map a canonical offset to the original string.

        A position inside a replaced run maps to the run's start (or, with
        ``end=True``, to its end), so a span never cuts a composed letter.
        """
        if not self._edits:
            return pos
        i = bisect.bisect_right(self._starts, pos if not end else pos - 1) - 1
        if i < 0:
            return pos
        c0, o0, clen, olen = self._edits[i]
        if end:
            if c0 < pos <= c0 + clen:
                return o0 + olen
        elif c0 <= pos < c0 + clen:
            return o0
        return o0 + olen + (pos - c0 - clen)

    @property
    def same_offsets(self) -> bool:
        """Whether every canonical offset is the same offset of ``original`` (no edit changed a length)."""
        return not self._edits

    def span(self, start: int, end: int) -> Span:
        """Return the :class:`Span` of ``original`` for canonical ``[start, end)``."""
        if not self._edits:
            return Span(start=start, end=end)
        s, e = self.bounds(start, end)
        return Span(start=s, end=e)

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """The start and end in ``original`` of canonical ``[start, end)``: what :meth:`span` holds, without a :class:`Span`."""
        if not self._edits:
            return start, end
        s = self.to_original(start)
        e = self.to_original(end, end=True) if end > start else s
        return s, max(s, e)


def normalise(original: str) -> Text:
    """Build the canonical :class:`Text` of *original* (see module docs).

    >>> t = normalise("Uy\u0309 ban\u200b nhân dân")
    >>> t.canonical
    'Ủy ban nhân dân'
    >>> t.span(0, 2).of(t.original) == "Uy\u0309"
    True
    """
    if unicodedata.is_normalized("NFC", original) and not _NEEDS_EDIT.search(original):
        return Text(original, canonical_tones(_fold(original)))
    pieces = _edits_fast(original)
    joined = _apply(original, pieces)
    if not unicodedata.is_normalized("NFC", joined):
        # characters outside the usual combining blocks (Hangul jamo,
        # compatibility singletons ...): take the careful path
        pieces = _edits_general(original)
        joined = _apply(original, pieces)
    canonical = canonical_tones(_fold(joined))
    edits = _table(pieces)
    return Text(original, canonical, edits, tuple(e[0] for e in edits))


# An edit while building: (original start, original end, replacement).
_Edit = tuple[int, int, str]


def _edits_fast(original: str) -> list[_Edit]:
    """Find the edits of text whose only changes are combining runs, drops and CRLF."""
    pieces: list[_Edit] = []
    for m in _EDIT.finditer(original):
        surface = m.group()
        repl = unicodedata.normalize("NFC", _STRIP_DROPS.sub("", surface)) if surface != "\r" else ""
        if repl != surface:
            pieces.append((m.start(), m.end(), repl))
    return pieces


def _edits_general(original: str) -> list[_Edit]:
    """Find the edits of any text: NFC one composition segment at a time.

    A segment starts at a character that cannot interact with what precedes
    it under NFC: a starter (combining class 0, also after decomposition)
    that does not compose with the segment before it. Dropped characters and
    the CR of a CRLF are edits of their own (a drop inside a segment is
    removed from it).
    """
    pieces: list[_Edit] = []
    seg_start = -1
    seg_chars: list[str] = []

    def flush(end: int) -> None:
        if seg_start < 0:
            return
        surface = original[seg_start:end]
        repl = unicodedata.normalize("NFC", "".join(seg_chars))
        if repl != surface:
            pieces.append((seg_start, end, repl))

    n = len(original)
    for i, ch in enumerate(original):
        if ch in _DROP_SET:
            j = i
            while j < n and original[j] in _DROP_SET:
                j += 1
            inside = seg_start >= 0 and j < n and not _starts_segment(seg_chars, original[j])
            if not inside:  # a drop between segments is an edit of its own
                flush(i)
                seg_start, seg_chars = -1, []
                pieces.append((i, i + 1, ""))
            continue  # else dropped from the current segment
        if ch == "\r" and i + 1 < n and original[i + 1] == "\n":
            flush(i)
            seg_start, seg_chars = -1, []
            pieces.append((i, i + 1, ""))
            continue
        if seg_start >= 0 and not _starts_segment(seg_chars, ch):
            seg_chars.append(ch)
            continue
        flush(i)
        seg_start, seg_chars = i, [ch]
    flush(n)
    return _merge_drops(pieces)


def _starts_segment(current: list[str], ch: str) -> bool:
    """Whether *ch* starts a new NFC segment after the characters *current*."""
    if unicodedata.combining(ch) or unicodedata.combining(unicodedata.normalize("NFD", ch)[0]):
        return False
    if not current:
        return True
    head = unicodedata.normalize("NFC", "".join(current))
    return unicodedata.normalize("NFC", head + ch) == head + unicodedata.normalize("NFC", ch)


def _merge_drops(pieces: list[_Edit]) -> list[_Edit]:
    """Sort edits and merge adjacent drops into one run."""
    pieces.sort()
    out: list[_Edit] = []
    for start, end, repl in pieces:
        if out and not repl and not out[-1][2] and out[-1][1] == start:
            out[-1] = (out[-1][0], end, "")
        else:
            out.append((start, end, repl))
    return out


def _table(pieces: list[_Edit]) -> tuple[tuple[int, int, int, int], ...]:
    """Turn ``(original start, original end, replacement)`` edits into the offset table."""
    table: list[tuple[int, int, int, int]] = []
    shift = 0
    for start, end, repl in pieces:
        table.append((start + shift, start, len(repl), end - start))
        shift += len(repl) - (end - start)
    return tuple(table)


def _apply(original: str, pieces: list[_Edit]) -> str:
    """Apply the edits (sorted, not overlapping) to *original*."""
    out: list[str] = []
    last = 0
    for start, end, repl in pieces:
        out.append(original[last:start])
        out.append(repl)
        last = end
    out.append(original[last:])
    return "".join(out)
