"""Turn the bytes of a news file into text, naming the encoding honestly.

Vietnamese news archives are not all UTF-8.  Before Unicode was common
(roughly until the mid 2000s) Vietnamese text was stored in several 8-bit
encodings, and files in those encodings still turn up in old archives, in
exports from desktop publishing systems and in attachments sent by press
offices.  :func:`decode` recognises these:

``utf-8`` / ``utf-8-sig``
    UTF-8 without or with a byte order mark.  Every modern source.  Valid
    UTF-8 always wins: real legacy text is practically never valid UTF-8.

``utf-16``
    UTF-16 with a byte order mark (little or big endian), as written by
    Windows "Unicode" text export.  Without a byte order mark it is accepted
    only when the zero-byte pattern (every other byte 0) makes the byte order
    unambiguous; the name reported is still ``utf-16``.

``tcvn3``
    TCVN 5712:1993, the national standard, in practice its "VN3" form used by
    the ABC fonts (.VnTime, .VnArial ...).  One byte per letter: the lowercase
    precomposed letters and Ă Â Ê Ô Ơ Ư Đ are in 0xA1-0xFF.  VN3 proper has no
    capitals with tone marks; typists wrote them with the uppercase font
    (.VnTimeH), which draws the *lowercase* codes as capitals, so such text
    decodes to lowercase letters - the font information is not in the file.
    This module also reads (and :func:`encode_legacy` writes) the capitals of
    the full "VN1" table (0x80-0x9F, a few positions of 0xA1-0xFF and
    0x01-0x17), as GNU iconv's ``TCVN5712-1`` does, plus the combining tone
    marks at 0xB0-0xB4.  Still found in government documents and 1990s-2000s
    newspaper archives from the North.

``vni-windows``
    The VNI encoding of the VNI fonts (VNI-Times ...), popular in the South
    and overseas.  Built on Windows-1252: a vowel is written as its base
    letter followed by one byte that carries the diacritics, e.g. ``a`` +
    0xF9 is "á" and ``a`` + 0xE1 is "ấ"; ơ, ư, đ and the tone-marked i are
    single bytes.  Common in older Southern newspapers and church and
    diaspora publications.

``viscii``
    VISCII (RFC 1456), a complete one-byte-per-letter table that also uses
    six C0 control positions for capitals.  Used on Unix and in early
    Usenet/e-mail Vietnamese text.

``windows-1258``
    Microsoft's code page 1258: some precomposed letters plus combining tone
    marks.  Written by old Windows programs set to the Vietnamese locale.  The
    result is normalised to NFC.

Detection never guesses silently.  For bytes that are not UTF-8, every
legacy candidate decodes a sample (the first 64 KiB) and is scored by how
Vietnamese the result looks: the share of the words with non-ASCII letters
that are well-formed Vietnamese syllables (one tone mark, a valid vowel
cluster, a valid initial and final consonant), with a bonus for very common
words ("của", "được", "người" ...) and a penalty for characters that do not
belong in Vietnamese text.  A legacy encoding is chosen only when it looks
clearly Vietnamese and clearly beats the other candidates; otherwise
:class:`~dnnd.errors.DecodeError` says why.  Text decoded from a legacy
encoding is returned in NFC; UTF-8 and UTF-16 text is returned as stored.

Limits, by design:

* Very short legacy inputs (fewer than three words with diacritics) are
  refused: one or two bytes read as a valid letter in several encodings.
* TCVN3 capitals typed with the uppercase-font trick come back lowercase.
* A TCVN3 or VISCII file whose only non-ASCII letters are the capitals kept
  in C0 control positions is pure ASCII and is read as UTF-8.
* VNI is decoded as base letter + one diacritic byte (ơ and ư are themselves
  single bytes, so "ớ" is ``ô`` + ``ù``); the case of a spelled letter
  follows its base letter.
* Windows-1252 text in other languages (French, German ...) is refused, not
  decoded: this library reads Vietnamese.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from typing import Final

from dnnd.errors import DecodeError, EmptyInputError

__all__ = ["LEGACY_ENCODINGS", "decode", "encode_legacy"]

#: The legacy encodings :func:`decode` can detect and :func:`encode_legacy` can write.
LEGACY_ENCODINGS: Final = ("tcvn3", "vni-windows", "viscii", "windows-1258")

_SAMPLE_SIZE: Final = 64 * 1024
_MIN_SCORE: Final = 0.7
_MIN_MARGIN: Final = 0.2
_MIN_WORDS: Final = 3
_UNDEFINED: Final = "\ufffe"  # marks an unassigned byte in a charmap table

# --------------------------------------------------------------------------
# Vietnamese letters
# --------------------------------------------------------------------------

_VOWELS: Final = "aăâeêioôơuưy"
_TONE_MARKS: Final = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
# grave (huyền), acute (sắc), tilde (ngã), hook above (hỏi), dot below (nặng)


def _vietnamese_letters() -> dict[str, tuple[str, str]]:
    """Map every Vietnamese letter (NFC, both cases) to (toneless letter, tone mark)."""
    letters: dict[str, tuple[str, str]] = {}
    for vowel in _VOWELS + _VOWELS.upper():
        for tone in _TONE_MARKS:
            letter = unicodedata.normalize("NFC", vowel + tone)
            letters[letter] = (vowel, tone)
    letters["đ"] = ("đ", "")
    letters["Đ"] = ("Đ", "")
    return letters


_LETTERS: Final = _vietnamese_letters()
#: Every letter of the Vietnamese alphabet that is not plain ASCII (NFC).
VIETNAMESE_LETTERS: Final = frozenset(ch for ch in _LETTERS if not ch.isascii())
_STRIP_TONE: Final = str.maketrans(
    {ch: base for ch, (base, tone) in _LETTERS.items() if tone}
)
_TONED: Final = frozenset(ch for ch, (_, tone) in _LETTERS.items() if tone)

_SYLLABLE_RE: Final = re.compile(
    r"(?P<onset>ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    r"(?P<nucleus>iêu|yêu|oai|oay|oao|oeo|uây|uôi|uya|uyê|uyu|ươi|ươu|uơi"
    r"|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|uy"
    r"|ưa|ưi|ưu|ươ|yê|[aăâeêioôơuưy])"
    r"(?P<coda>ch|ng|nh|[cmnpt])?"
)
_FRONT_VOWELS: Final = tuple("eêiy")
_STOPS: Final = frozenset(("c", "ch", "p", "t"))
_STOP_TONES: Final = frozenset(("\u0301", "\u0323"))  # sắc, nặng
_NEEDS_CODA: Final = frozenset(("iê", "yê", "uô", "ươ", "uyê"))
_TONE_OF: Final = {ch: tone for ch, (_, tone) in _LETTERS.items() if tone}

_COMMON_WORDS: Final = frozenset(
    [
        "của",
        "được",
        "người",
        "những",
        "việt",
        "đối",
        "ngoại",
        "các",
        "và",
        "là",
        "có",
        "không",
        "một",
        "với",
        "này",
        "đã",
        "để",
        "từ",
        "tại",
        "về",
        "nhiều",
        "năm",
        "nước",
        "quốc",
        "hội",
        "chính",
        "phủ",
        "thủ",
        "tướng",
        "phát",
        "triển",
        "kinh",
        "tế",
        "hợp",
        "tác",
        "đồng",
        "thời",
        "cũng",
        "sẽ",
        "đến",
        "như",
        "trên",
        "giữa",
        "nhân",
        "dân",
        "công",
        "tổ",
        "chức",
        "cường",
        "lãnh",
        "đạo",
        "đảng",
        "bộ",
        "trưởng",
        "ngày",
        "tháng",
        "thế",
        "giới",
        "quan",
        "hệ",
        "tiếp",
        "tục",
        "nâng",
        "cao",
        "hiệu",
        "quả",
        "đầu",
        "tư",
        "hoạt",
        "động",
        "sự",
        "xây",
        "dựng",
        "bảo",
        "vệ",
        "đất",
        "đoàn",
        "kết",
        "hữu",
        "nghị",
        "thành",
        "phố",
        "hà",
        "nội",
    ]
)

_TOKEN_RE: Final = re.compile(r"[^\W\d_]+")
_ALLOWED_PUNCT: Final = "\u00a0“”‘’–—…«»°·•€"
_NOT_GARBAGE_RE: Final = re.compile(
    "[\t\n\r\x0b\x0c\x20-\x7e"
    + "".join(sorted(VIETNAMESE_LETTERS))
    + _ALLOWED_PUNCT
    + "]+"
)

# C0 bytes that never occur in text files (tab, newlines, VT, FF are allowed);
# the few that TCVN3/VISCII use for capitals are rare enough to be tolerated.
_CONTROL_BYTES: Final = bytes([*range(0x09), *range(0x0E, 0x20), 0x7F])
_NON_CONTROL: Final = bytes(b for b in range(256) if b not in _CONTROL_BYTES)

# --------------------------------------------------------------------------
# Tables: TCVN3 and VISCII (one byte per letter)
# --------------------------------------------------------------------------

# TCVN 5712:1993.  0xA1-0xFF is VN3 (the ABC fonts); the capitals at
# 0x80-0x9F, 0xAF, 0xBA, 0xBF-0xC5, 0xCD, 0xD9-0xDB, 0xE0, 0xF0, 0xFF and in
# C0 are the VN1 additions; 0xB0-0xB4 are combining tone marks.
_TCVN3_HIGH: Final = (
    "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨ"  # 80
    "ÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ"  # 90
    "\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ"  # A0
    "\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"  # B0
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ"  # C0
    "éẹềểễếệìỉỄẾỒĩíịò"  # D0
    "Ổỏõóọồổỗốộờởỡớợù"  # E0
    "ỖủũúụừửữứựỳỷỹýỵỐ"  # F0
)
_TCVN3_C0: Final = {
    0x01: "Ú", 0x02: "Ụ", 0x04: "Ừ", 0x05: "Ử", 0x06: "Ữ", 0x11: "Ứ",
    0x12: "Ự", 0x13: "Ỳ", 0x14: "Ỷ", 0x15: "Ỹ", 0x16: "Ý", 0x17: "Ỵ",
}  # fmt: skip

# VISCII, RFC 1456.
_VISCII_HIGH: Final = (
    "ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐ"  # 80
    "ỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲ"  # 90
    "Õắằặấầẩậẽẹếềểễệố"  # A0
    "ồổỗỠƠộờởịỰỨỪỬơớƯ"  # B0
    "ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳ"  # C0
    "ĐứÒÓÔạỷừửÙÚỹỵÝỡư"  # D0
    "àáâãảăữẫèéêẻìíĩỉ"  # E0
    "đựòóôõỏọụùúũủýợỮ"  # F0
)
_VISCII_C0: Final = {0x02: "Ẳ", 0x05: "Ẵ", 0x06: "Ẫ", 0x14: "Ỷ", 0x19: "Ỹ", 0x1E: "Ỵ"}


def _charmap(high: str, c0: Mapping[int, str]) -> str:
    """Build a 256-character decoding table from the 0x80-0xFF part and C0 changes."""
    low = "".join(c0.get(i, chr(i)) for i in range(0x80))
    table = low + high
    assert len(table) == 256
    return table


_TCVN3_TABLE: Final = _charmap(_TCVN3_HIGH, _TCVN3_C0)
_VISCII_TABLE: Final = _charmap(_VISCII_HIGH, _VISCII_C0)

# --------------------------------------------------------------------------
# Tables: VNI-Windows (base letter + diacritic byte, on top of Windows-1252)
# --------------------------------------------------------------------------


def _cp1252_table() -> str:
    """Windows-1252 as a 256-character table; its five unassigned bytes stay C1 controls."""
    chars = []
    for b in range(256):
        try:
            chars.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(chr(b))
    return "".join(chars)


_CP1252_TABLE: Final = _cp1252_table()

# Diacritic bytes (lowercase forms; the uppercase letter forms serve capitals).
_VNI_TONE: Final = {
    "\u0300": "ø",
    "\u0301": "ù",
    "\u0309": "û",
    "\u0303": "õ",
    "\u0323": "ï",
    "": "",
}
_VNI_BREVE: Final = {
    "\u0300": "è",
    "\u0301": "é",
    "\u0309": "ú",
    "\u0303": "ü",
    "\u0323": "ë",
    "": "ê",
}
_VNI_CIRCUMFLEX: Final = {
    "\u0300": "à",
    "\u0301": "á",
    "\u0309": "å",
    "\u0303": "ã",
    "\u0323": "ä",
    "": "â",
}
_VNI_I: Final = {
    "\u0300": "ì",
    "\u0301": "í",
    "\u0309": "æ",
    "\u0303": "ó",
    "\u0323": "ò",
    "": "i",
}


def _vni_lowercase(vowel: str, tone: str) -> str:
    """Return the VNI spelling (as Windows-1252 characters) of a lowercase vowel with a tone."""
    if vowel == "i":
        return _VNI_I[tone]
    if vowel == "y" and tone == "\u0323":
        return "î"
    if vowel in "ăâêô":
        plain = unicodedata.normalize("NFD", vowel)[0]
        table = _VNI_BREVE if vowel == "ă" else _VNI_CIRCUMFLEX
        return plain + table[tone]
    if vowel == "ơ":
        return "ô" + _VNI_TONE[tone]
    if vowel == "ư":
        return "ö" + _VNI_TONE[tone]
    return vowel + _VNI_TONE[tone]


def _vni_tables() -> tuple[dict[str, str], dict[str, str]]:
    """Return (letter -> VNI spelling, VNI spelling -> letter) for every Vietnamese letter."""
    encode: dict[str, str] = {}
    for letter, (vowel, tone) in _LETTERS.items():
        if vowel in "đĐ":
            encode[letter] = "ñ" if vowel == "đ" else "Ñ"
            continue
        spelling = _vni_lowercase(vowel.lower(), tone)
        encode[letter] = spelling.upper() if vowel.isupper() else spelling
    decode = {
        spelling: letter
        for letter, spelling in encode.items()
        if not spelling.isascii()
    }
    # Be lenient with mixed case (a capital base with a lowercase diacritic byte
    # and vice versa): the base letter decides the case.
    for spelling, letter in list(decode.items()):
        if len(spelling) == 2:
            decode.setdefault(spelling[0] + spelling[1].swapcase(), letter)
    return encode, decode


_VNI_ENCODE, _VNI_DECODE = _vni_tables()
_VNI_RE: Final = re.compile(
    "[aAeEoOuUyYôÔöÖ]["
    + "".join(sorted({s[1] for s in _VNI_DECODE if len(s) == 2}))
    + "]"
    "|[" + "".join(sorted({s for s in _VNI_DECODE if len(s) == 1})) + "]"
)
_VNI_SINGLES: Final = str.maketrans(
    {s: v for s, v in _VNI_DECODE.items() if len(s) == 1}
)


def _vni_replace(match: re.Match[str]) -> str:
    """Replace one VNI letter spelling by the Unicode letter."""
    found = match.group()
    letter = _VNI_DECODE.get(found)
    if letter is None:
        # A base letter followed by a diacritic byte that does not fit it.
        return found.translate(_VNI_SINGLES)
    return letter


# --------------------------------------------------------------------------
# Tables: Windows-1258 (precomposed where the code page has it, else combining)
# --------------------------------------------------------------------------


def _cp1258_encode_table() -> dict[int, str]:
    """Map letters missing from cp1258 to base letter + combining tone mark."""
    table: dict[int, str] = {}
    for letter, (vowel, tone) in _LETTERS.items():
        try:
            letter.encode("cp1258")
        except UnicodeEncodeError:
            table[ord(letter)] = vowel + tone
    return table


_CP1258_ENCODE: Final = _cp1258_encode_table()

# --------------------------------------------------------------------------
# Legacy decoders and encoders
# --------------------------------------------------------------------------


def _nfc(text: str) -> str:
    """Return ``text`` in NFC (cheaply, when it already is)."""
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def _decode_legacy(data: bytes, encoding: str) -> str:
    """Decode ``data`` with a legacy encoding; raise UnicodeDecodeError on unassigned bytes."""
    if encoding == "tcvn3":
        return _nfc(codecs.charmap_decode(data, "strict", _TCVN3_TABLE)[0])
    if encoding == "viscii":
        return _nfc(codecs.charmap_decode(data, "strict", _VISCII_TABLE)[0])
    if encoding == "vni-windows":
        text = codecs.charmap_decode(data, "strict", _CP1252_TABLE)[0]
        return _nfc(_VNI_RE.sub(_vni_replace, text))
    if encoding == "windows-1258":
        return _nfc(data.decode("cp1258"))
    raise ValueError(
        f"unknown legacy encoding {encoding!r}; expected one of {LEGACY_ENCODINGS}"
    )


def _encoding_map(table: str, exclude: str = "") -> dict[int, int]:
    """Invert a 256-character decoding table (skipping combining marks and ``exclude``)."""
    result: dict[int, int] = {}
    for byte, char in enumerate(table):
        if char == _UNDEFINED or unicodedata.combining(char) or char in exclude:
            continue
        result.setdefault(ord(char), byte)
    return result


# VNI: ASCII, Windows-1252 punctuation (0x80-0xBF) and the bytes VNI uses.
_VNI_BYTES: Final = frozenset("".join(_VNI_ENCODE.values()))
_VNI_CHARMAP: Final = _encoding_map(
    _CP1252_TABLE,
    exclude="".join(c for c in _CP1252_TABLE[0xC0:] if c not in _VNI_BYTES),
)
_ENCODE_MAPS: Final = {
    "tcvn3": _encoding_map(_TCVN3_TABLE),
    "viscii": _encoding_map(_VISCII_TABLE),
}


def _charmap_encode(text: str, mapping: Mapping[int, int]) -> bytes:
    """Encode ``text`` with an inverted charmap; raise UnicodeEncodeError when impossible."""
    return codecs.charmap_encode(text, "strict", mapping)[0]


# Letters become their VNI spelling; other characters that VNI uses as
# diacritic or letter bytes (a literal "ä", say) cannot be written.
_VNI_ENCODE_TRANS: Final = str.maketrans(
    {
        **{
            c: _UNDEFINED
            for c in _VNI_BYTES
            if not c.isascii() and c not in _VNI_ENCODE
        },
        **_VNI_ENCODE,
    }
)


def encode_legacy(text: str, encoding: str) -> bytes:
    """Encode Vietnamese ``text`` in a legacy encoding (the inverse of :func:`decode`).

    ``encoding`` is one of ``'tcvn3'``, ``'vni-windows'``, ``'viscii'`` or
    ``'windows-1258'``.  The text is normalised to NFC first.  Tone-marked
    capitals in ``'tcvn3'`` are written with the TCVN 5712 VN1 codes (readable
    by :func:`decode` and GNU iconv, but not drawn by the old VN3 fonts).

    Raises :class:`ValueError` for an unknown encoding or for a character
    the encoding cannot represent (for example curly quotes in TCVN3 or
    VISCII, or a non-Vietnamese accented letter).
    """
    if encoding not in LEGACY_ENCODINGS:
        raise ValueError(
            f"unknown legacy encoding {encoding!r}; expected one of {LEGACY_ENCODINGS}"
        )
    text = unicodedata.normalize("NFC", text)
    try:
        if encoding == "windows-1258":
            return text.translate(_CP1258_ENCODE).encode("cp1258")
        if encoding == "vni-windows":
            spelled = text.translate(_VNI_ENCODE_TRANS)
            return _charmap_encode(spelled, _VNI_CHARMAP)
        return _charmap_encode(text, _ENCODE_MAPS[encoding])
    except UnicodeEncodeError as err:
        bad = _first_unencodable(text, encoding) or err.object[err.start]
        raise ValueError(
            f"{encoding} cannot represent {bad!r} (U+{ord(bad):04X})"
        ) from None


def _first_unencodable(text: str, encoding: str) -> str | None:
    """Find the first character of ``text`` that ``encoding`` cannot write (error path only)."""
    for char in dict.fromkeys(text):
        try:
            if encoding == "windows-1258":
                char.translate(_CP1258_ENCODE).encode("cp1258")
            elif encoding == "vni-windows":
                _charmap_encode(char.translate(_VNI_ENCODE_TRANS), _VNI_CHARMAP)
            else:
                _charmap_encode(char, _ENCODE_MAPS[encoding])
        except UnicodeEncodeError:
            return char
    return None


# --------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------

_syllable_cache: dict[str, bool] = {}


def _is_syllable(word: str) -> bool:
    """Whether a lowercase word is a well-formed Vietnamese syllable.

    Checks the shape (initial consonant, vowel cluster, final consonant), at
    most one tone mark, the spelling rules for c/k, g/gh and ng/ngh, that
    the long clusters iê/uô/ươ take a final consonant, and that syllables
    ending in c, ch, p or t carry the acute or dot-below tone.
    """
    known = _syllable_cache.get(word)
    if known is not None:
        return known
    ok = _check_syllable(word)
    if len(_syllable_cache) < 100_000:
        _syllable_cache[word] = ok
    return ok


def _check_syllable(word: str) -> bool:
    """Uncached body of :func:`_is_syllable`."""
    if len(word) > 8:
        return False
    tones = [_TONE_OF[ch] for ch in word if ch in _TONE_OF]
    if len(tones) > 1:
        return False
    match = _SYLLABLE_RE.fullmatch(word.translate(_STRIP_TONE))
    if match is None:
        return False
    onset, nucleus, coda = match.group("onset", "nucleus", "coda")
    front = nucleus.startswith(_FRONT_VOWELS)
    if (onset in ("k", "gh", "ngh") and not front) or (onset == "c" and front):
        return False
    if nucleus in _NEEDS_CODA and coda is None:
        return False
    return coda not in _STOPS or (bool(tones) and tones[0] in _STOP_TONES)


def _score(text: str) -> tuple[float, int]:
    """Return (score, words): how much ``text`` looks like Vietnamese, and on how many words.

    The score is at most 1.

    Only words with non-ASCII letters count (ASCII words look the same in
    every encoding).  1.0 means every such word is a Vietnamese syllable and
    no stray characters; wrong decodings score far lower, usually below 0.
    Text without any non-ASCII word scores 1.0 unless it has stray characters.
    """
    counts = Counter(t for t in _TOKEN_RE.findall(text) if not t.isascii())
    garbage = len(_NOT_GARBAGE_RE.sub("", text))
    words = valid = common = 0
    for token, n in counts.items():
        lower = token.lower()
        words += n
        if _is_syllable(lower):
            valid += n
            if lower in _COMMON_WORDS:
                common += n
    if words == 0:
        return (1.0 if garbage == 0 else -1.0), 0
    return (valid + common - 2 * garbage) / (words + common), words


# --------------------------------------------------------------------------
# decode()
# --------------------------------------------------------------------------

_NAMES: Final = {
    "tcvn3": "TCVN3",
    "vni-windows": "VNI",
    "viscii": "VISCII",
    "windows-1258": "Windows-1258",
}


def _finish(text: str, encoding: str, source: str | None) -> tuple[str, str]:
    """Reject empty text, else return the result pair."""
    if not text.strip():
        raise EmptyInputError("no text (empty or only white space)", source=source)
    return text, encoding


def _utf16_without_bom(data: bytes, sample: bytes) -> str | None:
    """Return 'utf-16-le'/'utf-16-be' when the NUL pattern is unambiguous, else None."""
    if len(data) % 2 or len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_zero, odd_zero = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_zero >= 0.5 and even_zero <= 0.01:
        return "utf-16-le"
    if even_zero >= 0.5 and odd_zero <= 0.01:
        return "utf-16-be"
    return None


def _decode_utf16(data: bytes, codec: str, source: str | None) -> tuple[str, str]:
    """Decode UTF-16 strictly and check the result is text."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as err:
        raise DecodeError(
            f"not valid UTF-16 ({err.reason} at byte {err.start})", source=source
        ) from None
    if text.count("\x00") or _looks_binary(
        text[:_SAMPLE_SIZE].encode("utf-8", "surrogatepass")
    ):
        raise DecodeError("binary data (control characters in UTF-16)", source=source)
    return _finish(text, "utf-16", source)


def _looks_binary(sample: bytes) -> bool:
    """Whether a byte sample has too many control bytes to be text."""
    controls = len(sample.translate(None, _NON_CONTROL))
    return controls > 4 + len(sample) // 50


def decode(data: bytes, *, source: str | None = None) -> tuple[str, str]:
    """Decode the bytes of a text file and name the encoding.

    Return ``(text, encoding_name)`` where ``encoding_name`` is one of
    ``'utf-8'``, ``'utf-8-sig'``, ``'utf-16'`` (with a BOM, little or big
    endian, or an unambiguous BOM-less byte pattern), ``'tcvn3'``,
    ``'vni-windows'``, ``'viscii'`` or ``'windows-1258'``.  Pure ASCII is
    ``'utf-8'``.  Legacy text is returned in NFC.

    Raises :class:`~dnnd.errors.EmptyInputError` when there is no text (empty
    or only white space) and :class:`~dnnd.errors.DecodeError` when the bytes
    are binary, or are not UTF-8 and do not clearly look like Vietnamese in
    exactly one legacy encoding.  ``source`` names the input in messages.
    """
    if not data.strip():
        raise EmptyInputError("no text (empty or only white space)", source=source)
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise DecodeError("UTF-32 text is not supported", source=source)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_utf16(data, "utf-16", source)
    if data.startswith(codecs.BOM_UTF8):
        try:
            return _finish(data.decode("utf-8-sig"), "utf-8-sig", source)
        except UnicodeDecodeError as err:
            raise DecodeError(
                f"starts with a UTF-8 byte order mark but is not valid UTF-8 "
                f"({err.reason} at byte {err.start})",
                source=source,
            ) from None

    sample = data[:_SAMPLE_SIZE]
    if 0 in sample:
        codec = _utf16_without_bom(data, sample)
        if codec is not None:
            return _decode_utf16(data, codec, source)
        raise DecodeError("binary data (NUL bytes)", source=source)
    if _looks_binary(sample):
        raise DecodeError("binary data (control characters)", source=source)
    if data.isascii():
        return _finish(data.decode("ascii"), "utf-8", source)
    try:
        return _finish(data.decode("utf-8"), "utf-8", source)
    except UnicodeDecodeError as err:
        utf8_problem = f"{err.reason} at byte {err.start}"
    encoding = _detect_legacy(sample, utf8_problem, source)
    try:
        text = _decode_legacy(data, encoding)
    except UnicodeDecodeError as err:  # only Windows-1258 has unassigned bytes
        raise DecodeError(
            f"looks like {_NAMES[encoding]} but byte 0x{data[err.start]:02X} at "
            f"{err.start} is not assigned in it",
            source=source,
        ) from None
    return _finish(text, encoding, source)


def _detect_legacy(sample: bytes, utf8_problem: str, source: str | None) -> str:
    """Choose the legacy encoding of a non-UTF-8 sample, or raise DecodeError."""
    scored: list[tuple[float, str, str]] = []
    words: dict[str, int] = {}
    for encoding in LEGACY_ENCODINGS:
        try:
            text = _decode_legacy(sample, encoding)
        except UnicodeDecodeError:
            continue
        score, words[encoding] = _score(text)
        scored.append((score, encoding, text))
    scored.sort(key=lambda item: -item[0])
    if not scored or scored[0][0] < _MIN_SCORE:
        raise DecodeError(
            f"not valid UTF-8 ({utf8_problem}) and does not look like "
            "TCVN3, VNI, VISCII or Windows-1258",
            source=source,
        )
    best_score, best, best_text = scored[0]
    if words[best] < _MIN_WORDS:
        raise DecodeError(
            f"not valid UTF-8 and too little Vietnamese text (under {_MIN_WORDS} words "
            "with diacritics) to tell which legacy encoding it is",
            source=source,
        )
    rivals = [
        name
        for score, name, text in scored[1:]
        if score > best_score - _MIN_MARGIN and text != best_text
    ]
    if rivals:
        names = ", ".join(_NAMES[n] for n in [best, *rivals])
        raise DecodeError(
            f"not valid UTF-8 and ambiguous: it reads as Vietnamese in more than one "
            f"legacy encoding ({names}); convert it to UTF-8 first",
            source=source,
        )
    return best
