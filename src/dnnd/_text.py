"""Normalisation of Vietnamese text for matching, with an offset map back.

:func:`normalise` turns the caller's string into one canonical form that the
finders match against:

- Unicode NFC (NFD and partly decomposed input are composed);
- one tone placement for ``oa``/``oe``/``uy`` at the end of a syllable
  (``hoà`` -> ``hòa``, ``Uỷ`` -> ``Ủy``, ``Thanh Hoá`` -> ``Thanh Hóa``);
- look-alike letters folded (``Ð`` U+00D0 -> ``Đ`` U+0110);
- every dash to ``-``, curly quotes to straight ones, every space-like
  character to a plain space, zero-width characters and soft hyphens removed,
  ``\\r\\n`` to ``\\n``.

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

__all__ = ["Text", "canonical_tones", "normalise"]

# --------------------------------------------------------------- 1:1 folds

_ONE_TO_ONE = {
    0x00D0: "Đ",  # ETH look-alike
    0x00F0: "đ",
    0x0189: "Đ",  # African D
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
    0x2033: '"',
    0x2212: "-",
    0xFE58: "-",
    0xFE63: "-",
    0xFF0D: "-",
}
_ONE_TO_ONE.update({cp: " " for cp in range(0x2000, 0x200B)})  # en/em/thin spaces
_ONE_TO_ONE.update({cp: "-" for cp in range(0x2010, 0x2016)})  # hyphens and dashes
_FOLD_TABLE = str.maketrans(_ONE_TO_ONE)
# str.translate looks every character up in the table; most texts need only a
# few folds, so find them with one character-set scan instead
_FOLD_CHARS = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_ONE_TO_ONE)) + "]")


def _fold(text: str) -> str:
    """``text.translate(_FOLD_TABLE)``, faster when few characters change."""
    if _FOLD_CHARS.search(text) is None:
        return text
    return _FOLD_CHARS.sub(lambda m: _ONE_TO_ONE[ord(m.group())], text)

# characters dropped outright (zero width, soft hyphen, BOM, bidi marks)
_DROP = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069"
_COMBINING = "\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_NEEDS_EDIT = re.compile(f"[{_DROP}\r]")
# One edit is either a base letter with its combining marks (possibly with
# dropped characters in between), a run of dropped characters, or the CR of a
# CRLF. Marks and dropped characters are disjoint classes, so the repetition
# cannot backtrack.
_EDIT = re.compile(f"[^{_DROP}\r]?(?:[{_DROP}]*[{_COMBINING}])+|[{_DROP}]+|\r(?=\n)")
_STRIP_DROPS = re.compile(f"[{_DROP}]+")

# ------------------------------------------------------------ tone placement

_TONE_PAIRS = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip


def _case_variants(pairs: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for old, new in pairs.items():
        out[old] = new
        out[old.upper()] = new.upper()
        out[old[0].upper() + old[1]] = new[0].upper() + new[1]
        out[old[0] + old[1].upper()] = new[0] + new[1].upper()
    return out


_TONES = _case_variants(_TONE_PAIRS)
# Every pair of _TONES in one class per vowel, with the "not after q"
# lookbehind moved behind the first letter: the pattern then starts with a
# character set, which the regex engine scans for at C speed. It matches
# exactly the pairs of _TONES.
_TONE_O = "".join(sorted({k[1] for k in _TONES if k[0] in "oO"}))
_TONE_U = "".join(sorted({k[1] for k in _TONES if k[0] in "uU"}))
_TONE_RE = re.compile(rf"[oOuU](?<![qQ].)(?:(?<=[oO])[{_TONE_O}]|(?<=[uU])[{_TONE_U}])(?!\w)")
assert {a + b for a in "oO" for b in _TONE_O} | {a + b for a in "uU" for b in _TONE_U} == set(_TONES)


def canonical_tones(text: str) -> str:
    """Move the tone of a final ``oa``/``oe``/``uy`` to the first vowel.

    >>> canonical_tones("Uỷ ban nhân dân tỉnh Thanh Hoá, hoà bình, quý")
    'Ủy ban nhân dân tỉnh Thanh Hóa, hòa bình, quý'
    """
    if not _TONE_RE.search(text):
        return text
    return _TONE_RE.sub(lambda m: _TONES[m.group()], text)


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

    def span(self, start: int, end: int) -> Span:
        """The :class:`Span` of ``original`` for canonical ``[start, end)``."""
        if not self._edits:
            return Span(start=start, end=end)
        s = self.to_original(start)
        e = self.to_original(end, end=True) if end > start else s
        return Span(start=s, end=max(s, e))


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
    pieces: list[str] = []
    table: list[tuple[int, int, int, int]] = []
    last = cpos = 0
    for m in _EDIT.finditer(original):
        surface = m.group()
        repl = unicodedata.normalize("NFC", _STRIP_DROPS.sub("", surface)) if surface != "\r" else ""
        if repl == surface:
            continue
        pieces.append(original[last : m.start()])
        cpos += m.start() - last
        table.append((cpos, m.start(), len(repl), len(surface)))
        pieces.append(repl)
        cpos += len(repl)
        last = m.end()
    pieces.append(original[last:])
    canonical = canonical_tones(_fold("".join(pieces)))
    return Text(original, canonical, tuple(table), tuple(t[0] for t in table))
