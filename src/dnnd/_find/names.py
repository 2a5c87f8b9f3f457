"""Where a person's name starts and where it ends.

Three shapes of name, each data-driven:

- **Vietnamese**: a family name of ``data/surnames.json`` followed by one to
  three capitalised syllables ("Nguyễn Văn Doanh", "Huỳnh Văn Quang Hùng").
- **Chinese in Sino-Vietnamese**: a family name of the same file's
  ``sino_vietnamese`` list followed by one or two syllables ("Tập Cận Bình",
  "Thôi Đồng Phú").
- **Foreign**, only where a title or an honorific says a person is named:
  a run of capitalised words ("Marc E. Knapper", "Kusaka Masatoshi"),
  syllables joined by hyphens as Lao and Khmer names are written
  ("Xổm-xạ-vạt Lệng-xạ-vắt"), initials, particles ("da", "van") between
  capitalised words, an apostrophe ("S'bong").

No word is barred from being a given name: "Trần Văn Tổng" and "Lê Thị Liên"
are whole names. A name ends where what follows cannot be part of it:
punctuation, a lower-case word, the end of the line, or a capitalised word
that starts something else -- a title ("Phó Chủ tịch ..."), an
organisation the organisation step found there, an abbreviation
("UBND", "TPHCM"). A run that is a province or a country ("Hà Nội",
"Hàn Quốc", "Bà Rịa - Vũng Tàu") is a place, and a run whose first word
heads a body ("Ban Chấp", "Hội Hữu", "Sở Ngoại") is a fragment of an
organisation name, never a person.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import attrs

from .. import registry
from .patterns import LOWER, UPPER, countries, first_chars, province_names, surnames, trie_alternation

__all__ = ["NameMatch", "is_place", "name_at", "name_particles", "sino_vietnamese_surnames", "vietnamese_name_at", "vietnamese_names"]

_LETTERS = f"{UPPER}{LOWER}"
#: one word of a name: "Nguyễn", "McDonald", "S'bong", "Xổm-xạ-vạt", or an initial "E."
_TOKEN = (
    rf"(?:[{UPPER}]\.(?=[\s{UPPER}])"
    rf"|[{UPPER}][{_LETTERS}]*(?:'[{_LETTERS}]+)?(?:-[{_LETTERS}]+){{0,5}}(?![\w'-]))"
)
_MAX_FOREIGN = 8


@attrs.frozen
class NameMatch:
    """A name at ``[start, end)`` of the text; ``name`` is the text there."""

    start: int
    end: int
    name: str
    foreign: bool = False


@functools.cache
def sino_vietnamese_surnames() -> frozenset[str]:
    """Chinese family names as Vietnamese writes them ("Tập", "Thôi"), besides the shared ones."""
    return registry.sino_vietnamese_surnames()


@functools.cache
def _particles() -> frozenset[str]:
    return frozenset(registry._load("surnames.json")["particles"])


def name_particles() -> frozenset[str]:
    """The lower-case words a foreign name may hold between its words ("van", "de", "bin")."""
    return _particles()


@functools.cache
def _run_re() -> re.Pattern[str]:
    """A run of name words: tokens joined by one space, particles between them."""
    particle = "|".join(re.escape(p) for p in sorted(_particles(), key=lambda p: (-len(p), p)))
    # an initial may run into the next word: "Marc E.Knapper"
    return re.compile(rf"{_TOKEN}(?:(?: {{1,3}}(?:(?:{particle}) {{1,3}})?|(?<=\.)){_TOKEN}){{0,{_MAX_FOREIGN + 2}}}")


@functools.cache
def _vietnamese_re() -> re.Pattern[str]:
    sur = trie_alternation(surnames() | sino_vietnamese_surnames())
    guard = first_chars(surnames() | sino_vietnamese_surnames())
    # Vietnamese names have no hyphens: "Nguyễn Tiến Dũng- Giám đốc", "Vũ Văn Lâu-Ủy viên" end at the hyphen
    return re.compile(rf"{guard}(?<![\w.'-]){sur}(?: {{1,3}}[{UPPER}][{LOWER}]*(?![\w'])){{1,3}}")


@functools.cache
def _places() -> frozenset[str]:
    return frozenset(p.lower() for p in (*province_names(), *countries()))


@functools.cache
def _place_firsts() -> frozenset[str]:
    return frozenset(p.split()[0].lower() for p in _places())


def is_place(words: list[str] | tuple[str, ...]) -> bool:
    """Whether *words* spell a province, a city or a country ("Hà Nội", "Hàn Quốc")."""
    if not words or words[0].lower() not in _place_firsts():
        return False
    joined = " ".join(words).lower()
    return joined in _places() or joined.replace("-", " - ") in _places() or joined.replace(" - ", "-") in _places()


@functools.cache
def _body_words() -> frozenset[str]:
    return frozenset(registry._load("titles.json")["body_words"])


def _is_abbreviation(word: str) -> bool:
    """An all-capitals word that is not pronounced as a syllable ("UBND", "TPHCM", "LHPN")."""
    letters = word.replace("-", "").replace(".", "")
    if len(letters) < 2 or not letters.isupper():
        return False
    if len(letters) <= 3:
        return True
    vowels = "AĂÂEÊIOÔƠUƯYÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ"
    run = 0
    for ch in letters:
        run = 0 if ch in vowels else run + 1
        if run >= 3:
            return True
    return not any(ch in vowels for ch in letters)


#: Is something other than a name starting at this offset (a title, an organisation)?
Starts = Callable[[int], bool]


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) of each word in ``text[start:end]`` (spaces between)."""
    out = []
    pos = start
    while pos < end:
        nxt = text.find(" ", pos, end)
        if nxt < 0:
            out.append((pos, end))
            break
        if nxt > pos:
            out.append((pos, nxt))
        pos = nxt + 1
    return out


def _cut(text: str, toks: list[tuple[int, int]], other_starts: Starts, keep: int) -> list[tuple[int, int]]:
    """Keep the words up to the first that starts something else (at least *keep* words)."""
    for i in range(keep, len(toks)):
        s, e = toks[i]
        word = text[s:e]
        if _is_abbreviation(word) or other_starts(s):
            return toks[:i]
    return toks


def _vietnamese(text: str, pos: int, end: int, other_starts: Starts) -> NameMatch | None:
    m = _vietnamese_re().match(text, pos, end)
    if m is None:
        return None
    toks = _cut(text, _tokens(text, m.start(), m.end()), other_starts, keep=1)
    after = toks[-1][1]
    if text[after : min(end, after + 1)] == "-" and text[after + 1 : min(end, after + 2)].isalpha() and not other_starts(after + 1):
        return None  # "Kim Soo-jin": syllables joined by a hyphen are not a Vietnamese name
    first = text[toks[0][0] : toks[0][1]]
    if first not in surnames() and len(toks) > 3:
        toks = toks[:3]  # Chinese names have two or three syllables
    if len(toks) < 2:
        return None
    words = [text[s:e] for s, e in toks]
    if len(words) < 3 and is_place(words):
        return None  # "Hà Nội", "Hàn Quốc"; but "Hồ Chí Minh" is also a man
    chinese = first not in surnames()
    return NameMatch(toks[0][0], toks[-1][1], " ".join(words), foreign=chinese)


def _foreign(text: str, pos: int, end: int, other_starts: Starts) -> NameMatch | None:
    m = _run_re().match(text, pos, end)
    if m is None:
        return None
    toks = _tokens(text, m.start(), m.end())
    for i, (s, e) in enumerate(toks):
        # "Thang Sa Vun-Tỉnh trưởng": a hyphen glued to a title ends the name
        cut = next((k for k in range(s, e) if text[k] == "-" and other_starts(k + 1)), None)
        if cut is not None:
            toks = [*toks[:i], (s, cut)] if cut > s else toks[:i]
            break
    if not toks:
        return None
    words = [text[s:e] for s, e in toks]
    if words[0] in _body_words() or _is_abbreviation(words[0]) or other_starts(toks[0][0]):
        return None
    toks = _cut(text, toks, other_starts, keep=1)
    # particles are never last
    while toks and text[toks[-1][0] : toks[-1][1]] in _particles():
        toks.pop()
    toks = toks[:_MAX_FOREIGN]
    words = [text[s:e] for s, e in toks]
    if not toks or (len(toks) < 2 and "-" not in words[0]):
        return None
    parts = " ".join(words).replace("-", " ").split()  # "Việt Nam-Lào" is two places
    if words[0].endswith(".") or any(is_place(parts[:k]) for k in range(1, min(len(parts), 4) + 1)):
        return None
    return NameMatch(toks[0][0], toks[-1][1], " ".join(words), foreign=not _looks_vietnamese(words))


#: letters only Vietnamese writes (breves, circumflexes, horns, đ, tone marks)
_VIETNAMESE_LETTERS = frozenset("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")


def _looks_vietnamese(words: list[str]) -> bool:
    """Whether a name without a known family name reads as Vietnamese ("Đầu Thanh Tùng", "Y Ngọc Niê").

    Two to four one-syllable words, most of them written with letters only
    Vietnamese uses; "Men Sam An", "Siphachanh Nanthavongsa" and hyphenated
    Lao names are foreign.
    """
    if not 2 <= len(words) <= 4 or any("-" in w or "'" in w for w in words):
        return False
    marked = sum(1 for w in words if _VIETNAMESE_LETTERS & set(w.lower()))
    return 2 * marked >= len(words)


def name_at(text: str, pos: int, end: int, other_starts: Starts, *, foreign: bool = True) -> NameMatch | None:
    """The name that starts at *pos*, if any.

    Vietnamese and Chinese names are read by their family name; where the
    capitalised run goes on past what such a name can hold, and *foreign*
    names are allowed (a title or an honorific announces a person), the
    run is read as a foreign name.
    """
    vn = _vietnamese(text, pos, end, other_starts)
    if not foreign:
        return vn
    fr = _foreign(text, pos, end, other_starts)
    if vn is None:
        return fr
    if fr is not None and fr.end > vn.end and not other_starts(vn.end + 1) and len(fr.name.split()) > 4:
        # "Sơn Xay Phăn Vi Lay": the run goes on with nothing that ends a
        # Vietnamese name, so it is one foreign name
        return fr
    return vn


def vietnamese_name_at(text: str, pos: int, end: int, other_starts: Starts) -> NameMatch | None:
    """The Vietnamese or Chinese name that starts at *pos*, read by its family name.

    A family name followed by a place is not a name ("Tỉnh Đoàn Sơn La").
    """
    nm = _vietnamese(text, pos, end, other_starts)
    if nm is not None and is_place(nm.name.split()[1:]):
        return None
    return nm


def vietnamese_names(text: str, start: int, end: int, other_starts: Starts) -> list[NameMatch]:
    """Every Vietnamese or Chinese name in ``text[start:end]``, by its family name."""
    out: list[NameMatch] = []
    pos = start
    pattern = _vietnamese_re()
    while True:
        m = pattern.search(text, pos, end)
        if m is None:
            return out
        nm = _vietnamese(text, m.start(), end, other_starts)
        if nm is None:
            pos = m.start() + 1
            continue
        out.append(nm)
        pos = nm.end
