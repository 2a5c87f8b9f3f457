r"""Every fold and key of dnnd, each written once.

Two families live here and are kept apart on purpose:

*Canonical forms* are what dnnd **writes**: :func:`canonical_number` turns
"số 12/CT-TW" into the Party form ``12-CT/TW`` that records carry.

*Keys* are what dnnd **compares**: :func:`name_key`, :func:`place_key` and
:func:`number_key` follow the extraction contract's normalisation ("Normalisation
used by the scorer") byte for byte, so that :mod:`dnnd.evaluate` and the
contract's reference scorer agree on every string; :func:`fold_key` drops the
diacritics too, for lookups that must find "Ha Noi" under "Hà Nội" (never for
merging: "Hà" and "Hạ" are different names).

The small folds they are built from are public too:

>>> canonical_tones("Uỷ ban nhân dân tỉnh Thanh Hoá")
'Ủy ban nhân dân tỉnh Thanh Hóa'
>>> fold_eth("ÐẢNG BỘ")
'ĐẢNG BỘ'
>>> unify_dashes("Việt Nam – Cuba")
'Việt Nam - Cuba'
>>> strip_diacritics("Đảng bộ tỉnh Bắc Giang")
'Dang bo tinh Bac Giang'

The module imports nothing else of dnnd: every other module may use it.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = [
    "DASHES",
    "TONE_PAIRS",
    "canonical_number",
    "canonical_tones",
    "document_key",
    "fold_eth",
    "fold_key",
    "name_key",
    "number_key",
    "place_key",
    "slug",
    "strip_diacritics",
    "unify_dashes",
]

# ------------------------------------------------------------------ tables

#: Old-style tone placement on a syllable-final ``oa``/``oe``/``uy`` (the mark
#: on the second vowel) and the placement dnnd and the contract use (on the
#: first): ``hoà`` is ``hòa``, ``Uỷ`` is ``Ủy``. Lower case; :data:`TONES`
#: adds the case variants.
TONE_PAIRS: dict[str, str] = {
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


#: :data:`TONE_PAIRS` in every casing ("OÀ", "Oà", "oÀ").
TONES: dict[str, str] = _case_variants(TONE_PAIRS)

#: Look-alikes of Đ/đ: the Icelandic eth (U+00D0/U+00F0) that some
#: Vietnamese pages print, and the African D (U+0189).
ETH: dict[int, str] = {0x00D0: "Đ", 0x00F0: "đ", 0x0189: "Đ"}
_ETH_TABLE = str.maketrans(ETH)

#: Every dash and hyphen that stands for "-" (U+2010-U+2015 and the minus sign).
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_DASH_RE = re.compile(f"[{DASHES}]")

#: Combining marks of every block (Vietnamese tones among them).
COMBINING = "\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"

# a syllable-final pair (no letter or digit follows), not after "q" ("quý"
# keeps its spelling: its "u" belongs to the consonant); exactly the
# contract's rule, which :mod:`dnnd._text` refines for its offset map
_TONE_RE = re.compile(r"(?<![qQ])(?:" + "|".join(sorted(TONES)) + r")(?!\w)")


# ------------------------------------------------------------------ folds


def canonical_tones(text: str) -> str:
    """Move the tone of a syllable-final ``oa``/``oe``/``uy`` to the first vowel.

    Any casing; "quý" is left alone (its "u" belongs to the consonant).

    >>> canonical_tones("hoà bình, HOÀ BÌNH, Khoẻ, quý")
    'hòa bình, HÒA BÌNH, Khỏe, quý'
    """
    return _TONE_RE.sub(lambda m: TONES[m.group()], text)


def fold_eth(text: str) -> str:
    """Read the look-alikes of Đ/đ (Ð, ð, Ɖ) as Đ/đ.

    >>> fold_eth("Ðại hội ðại biểu")
    'Đại hội đại biểu'
    """
    return text.translate(_ETH_TABLE)


def unify_dashes(text: str) -> str:
    """Write every dash and hyphen as ASCII ``-``.

    >>> unify_dashes("2020–2025 — nhiệm kỳ")
    '2020-2025 - nhiệm kỳ'
    """
    return _DASH_RE.sub("-", text)


def strip_diacritics(text: str) -> str:
    """Drop every diacritic (``đ`` becomes ``d``), keeping case, spaces and punctuation.

    >>> strip_diacritics("Nguyễn Văn Đức, Hà Nội")
    'Nguyen Van Duc, Ha Noi'
    """
    text = fold_eth(text).replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# ------------------------------------------------------------------ keys

_PUNCT = re.compile(r"[^\w\s/\-]")
_CITY = re.compile(r"\b(tp\.?|thành phố)(?=\s|$)")
# the white space before a separator is entered only at its start (a sub that tried every position of a run was quadratic)
_AROUND_SEPARATOR = re.compile(r"(?:(?<!\s)\s*)?([/\-])\s*")
_SPACES = re.compile(r"\s+")
_ADMIN = re.compile(r"^(tỉnh|thành phố)\s+")
_NUMBER_WORD = re.compile(r"^SỐ\s*")


@functools.lru_cache(maxsize=1 << 16)
def name_key(text: str | None) -> str:
    """Return the comparison key of a name, as the extraction contract defines it.

    Unicode NFC with Ð read as Đ, lower case, one tone placement for
    syllable-final oa/oe/uy, "TP", "TP." and "Tp." read as "thành phố",
    dashes unified and the spaces around "-" and "/" dropped, other
    punctuation dropped, white space collapsed. Empty for ``None`` or "".

    >>> name_key("Uỷ ban MTTQ TP. Hà Nội") == name_key("Ủy ban MTTQ thành phố Hà Nội")
    True
    >>> name_key("Hội hữu nghị Việt Nam – Cuba TP. Hà Nội")
    'hội hữu nghị việt nam-cuba thành phố hà nội'
    >>> name_key("ÐẢNG bộ")
    'đảng bộ'
    """
    if not text:
        return ""
    return _name_key(str(text))


#: words of letters and digits between single spaces or " - ", with neither "TP" nor the look-alike Ð: most names
_PLAIN = re.compile(r"[^\W_]+(?:(?: | - )[^\W_]+)*")
#: the vowels with a tone that old-style placement puts on the last letter ("hoà", "thuỵ")
_OLD_TONE_MARKS = frozenset("àáảãạèéẻẽẹỳýỷỹỵ")


@functools.lru_cache(maxsize=1 << 16)
def _name_key(text: str) -> str:
    if _PLAIN.fullmatch(text) and "Ð" not in text and "ð" not in text:
        # a plain name (most are): words between single spaces or " - ", no punctuation, no "TP"
        low = unicodedata.normalize("NFC", text).lower()
        if "tp" not in low.split():
            if " - " in low:
                low = low.replace(" - ", "-")
            return canonical_tones(low) if _OLD_TONE_MARKS.intersection(low) else low
    return _full_name_key(text)


def _full_name_key(text: str) -> str:
    """:func:`name_key` the whole way, every step (the short way must give the same)."""
    s = fold_eth(unicodedata.normalize("NFC", text)).lower()
    s = canonical_tones(s)
    s = unify_dashes(s)
    s = s.replace("tp.", "tp ")
    s = _PUNCT.sub(" ", s)
    s = _CITY.sub("thành phố", s)
    s = _AROUND_SEPARATOR.sub(r"\1", s)
    return _SPACES.sub(" ", s).strip()


def place_key(text: str | None) -> str:
    """Return :func:`name_key` of a place without a leading "tỉnh" or "thành phố".

    >>> place_key("TP. Hà Nội") == place_key("Hà Nội") == place_key("tỉnh Hà Nội")
    True
    """
    return _ADMIN.sub("", name_key(text))


def number_key(text: str | None) -> str:
    """Return the comparison key of a document number, as the contract defines it.

    Upper case with Ð read as Đ, dashes unified, a leading "số" dropped, no
    white space. It does not reorder anything: compare with it, write
    :func:`canonical_number`.

    >>> number_key("số 12 – CT/TW")
    '12-CT/TW'
    >>> number_key("45/CT-TU")
    '45/CT-TU'
    """
    if not text:
        return ""
    return _SPACES.sub("", _number_words(text))


def _number_words(text: str) -> str:
    """NFC, Ð read as Đ, upper case, dashes unified, no leading "số" (spaces kept)."""
    s = unify_dashes(fold_eth(unicodedata.normalize("NFC", str(text))).upper())
    return _NUMBER_WORD.sub("", s)


def fold_key(text: str | None) -> str:
    """Return a lookup key that also ignores diacritics: :func:`slug` of :func:`name_key`.

    For finding things ("Ha Noi" finds "Hà Nội", "chu tich" finds "Chủ tịch"),
    never for merging them: "Hà" and "Hạ" have the same fold key.

    >>> fold_key("Hà Nội") == fold_key("Ha Noi") == fold_key("HÀ NỘI")
    True
    """
    return _fold_of_key(name_key(text)) if text else ""


@functools.cache
def _fold_table() -> dict[int, str]:
    """Every letter with a diacritic that a name key may hold -> its bare ASCII letter (what :func:`slug` drops)."""
    table: dict[int, str] = {}
    for code in range(0x00C0, 0x1F00):
        char = chr(code)
        folded = slug(char)
        if folded != char.lower() and folded.isascii() and len(folded) == 1:
            table[code] = folded
    return table


_NOT_SLUG = re.compile(r"[^a-z0-9/]+")


@functools.lru_cache(maxsize=1 << 16)
def _fold_of_key(key: str) -> str:
    """``slug(key)`` of a name key, by one ``str.translate`` when every letter is in the table."""
    folded = key.translate(_fold_table())
    if not folded.isascii():
        return slug(key)
    return _NOT_SLUG.sub("-", folded).strip("-")


@functools.lru_cache(maxsize=1 << 16)
def slug(text: str) -> str:
    """A stable ASCII key for ids: lower case, no diacritics, "-" between words.

    >>> slug("Nguyễn Văn Doanh")
    'nguyen-van-doanh'
    >>> slug("12-CT/TW")
    '12-ct/tw'
    """
    ascii_text = strip_diacritics(text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9/]+", "-", ascii_text).strip("-")


# ------------------------------------------------------------------ canonical forms

_PARTY_STATE_STYLE = re.compile(r"^(\d+)/([A-ZĐ]+)-(TW|TU)$")
_NUMBER_SPACE_TYPE = re.compile(r"^(\d+)\s+(?=[A-ZĐ])")
_CENTRAL_ISSUER = re.compile(r"/T\.?Ư$")
#: a number written in ASCII letters, digits, "Đ", "Ư", ".", "/" and "-" (no space, no "số"): only its case to canonicalise
_PLAIN_NUMBER = re.compile(r"[0-9A-Za-z./\-ĐđƯư]+")


def canonical_number(text: str) -> str:
    """Return a document number in the spelling dnnd writes (the contract's canonical form).

    Upper case, no leading "số", no spaces, ASCII hyphen, Ð read as Đ; a
    Party number written State-style ("45/CT-TU") is put back in the Party
    shape ("45-CT/TU"); "04 CT/TW" becomes "04-CT/TW". Letters stay as
    printed: an issuer code "TƯ" is not corrected to "TW" (that is
    :func:`document_key`'s business).

    >>> canonical_number("số 12-CT/TW")
    '12-CT/TW'
    >>> canonical_number("11 –TT/TƯ")
    '11-TT/TƯ'
    >>> canonical_number("45/CT-TU")
    '45-CT/TU'
    >>> canonical_number("04 CT/TW")
    '04-CT/TW'
    >>> canonical_number("837/QĐ-TTg")
    '837/QĐ-TTG'
    """
    if _PLAIN_NUMBER.fullmatch(text):
        # the common case: nothing NFC, the Đ fold, the dashes, "số" or a space changes; only the case
        s = text.upper()
    else:
        s = _NUMBER_SPACE_TYPE.sub(r"\1-", _number_words(text.strip()))
        s = _SPACES.sub("", s)
    m = _PARTY_STATE_STYLE.match(s)
    return f"{m[1]}-{m[2]}/{m[3]}" if m else s


def document_key(number: str) -> str:
    """Return the identity of a document number: its canonical form with "TƯ"/"T.Ư" read as "TW".

    Two citations, or a citation and a registry entry, name one document when
    their keys are equal.

    >>> document_key("số 12-CT/TƯ") == document_key("12-CT/T.Ư") == document_key("12-CT/TW")
    True
    """
    s = canonical_number(number)
    return _CENTRAL_ISSUER.sub("/TW", s) if "Ư" in s else s
