"""Examples of how dnnd turns bytes into text (``dnnd._decode``)."""

from __future__ import annotations

import codecs
import random
import time
import unicodedata
from pathlib import Path

import pytest

from dnnd._decode import LEGACY_ENCODINGS, _decode_legacy, decode, encode_legacy
from dnnd.errors import DecodeError, EmptyInputError

SEED_DIR = Path(__file__).parent.parent / "src" / "dnnd" / "_seeds"
SEEDS = sorted(SEED_DIR.glob("*.txt"))

SENTENCE = (
    "Sáng 14/7, Liên hiệp các tổ chức hữu nghị TP Hà Nội tổ chức hội nghị sơ kết "
    "công tác đối ngoại Nhân dân của Thủ đô; ỦY BAN NHÂN DÂN, Ấn Độ và Việt Nam "
    "được những người trong ngành đánh giá cao."
)

VOWELS = "aăâeêioôơuưy"
TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
#: All Vietnamese letters: 12 vowels x 6 tone forms x 2 cases, plus đ and Đ.
LETTERS = [
    unicodedata.normalize("NFC", vowel + tone)
    for vowel in VOWELS + VOWELS.upper()
    for tone in TONES
] + ["đ", "Đ"]

#: Seed characters that are not Vietnamese letters and that some legacy
#: encodings cannot hold (TCVN3 and VISCII use 0x80-0x9F for letters, so they
#: have no curly quotes, dashes or ellipsis).  The seed round trip replaces
#: them with these ASCII equivalents, and only for the encodings that need
#: it: the point is that the Vietnamese text survives.
ASCII_EQUIVALENTS = {
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "–": "-",
    "—": "-",
    "…": "...",
    "\u00a0": " ",
}


def representable(text: str, encoding: str) -> str:
    """Replace the characters ``encoding`` cannot hold by ASCII equivalents."""
    missing = set()
    for char in set(text):
        try:
            encode_legacy(char, encoding)
        except ValueError:
            missing.add(char)
    assert missing <= ASCII_EQUIVALENTS.keys(), (
        f"seed needs more replacements: {missing}"
    )
    for char in missing:
        text = text.replace(char, ASCII_EQUIVALENTS[char])
    return text


# --- Unicode ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Hello, world\n", ("Hello, world\n", "utf-8")),
        ("Việt Nam".encode(), ("Việt Nam", "utf-8")),
        (codecs.BOM_UTF8 + "Việt Nam".encode(), ("Việt Nam", "utf-8-sig")),
        ("Việt Nam".encode("utf-16"), ("Việt Nam", "utf-16")),
        (codecs.BOM_UTF16_LE + "Việt Nam".encode("utf-16-le"), ("Việt Nam", "utf-16")),
        (codecs.BOM_UTF16_BE + "Việt Nam".encode("utf-16-be"), ("Việt Nam", "utf-16")),
        # No BOM, but every other byte is 0: the byte order is unambiguous.
        ("Hà Nội, Viet Nam\n".encode("utf-16-le"), ("Hà Nội, Viet Nam\n", "utf-16")),
        ("Hà Nội, Viet Nam\n".encode("utf-16-be"), ("Hà Nội, Viet Nam\n", "utf-16")),
        # Decomposed (NFD) UTF-8 is returned as stored.
        (
            unicodedata.normalize("NFD", "Việt").encode(),
            (unicodedata.normalize("NFD", "Việt"), "utf-8"),
        ),
    ],
)
def test_unicode_inputs(data: bytes, expected: tuple[str, str]) -> None:
    assert decode(data) == expected


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
@pytest.mark.parametrize(
    ("codec", "name"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16")],
)
def test_seed_in_unicode(seed: Path, codec: str, name: str) -> None:
    text = seed.read_text(encoding="utf-8")
    assert decode(text.encode(codec)) == (text, name)


# --- Legacy encodings -----------------------------------------------------------


@pytest.mark.parametrize("encoding", LEGACY_ENCODINGS)
def test_sentence_round_trip(encoding: str) -> None:
    assert decode(encode_legacy(SENTENCE, encoding)) == (SENTENCE, encoding)


@pytest.mark.parametrize("letter", LETTERS)
@pytest.mark.parametrize("encoding", LEGACY_ENCODINGS)
def test_every_letter_round_trips(encoding: str, letter: str) -> None:
    # A lone letter is one byte or two and cannot be told apart between
    # encodings, so each letter sits in a short Vietnamese sentence.
    text = f"Chữ {letter} là một chữ cái của tiếng Việt, được người Việt Nam dùng."
    assert decode(encode_legacy(text, encoding)) == (text, encoding)


@pytest.mark.parametrize("encoding", LEGACY_ENCODINGS)
def test_all_letters_with_the_known_codec(encoding: str) -> None:
    text = " ".join(LETTERS)
    assert _decode_legacy(encode_legacy(text, encoding), encoding) == text


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
@pytest.mark.parametrize("encoding", LEGACY_ENCODINGS)
def test_seed_round_trip(seed: Path, encoding: str) -> None:
    text = representable(seed.read_text(encoding="utf-8"), encoding)
    assert decode(encode_legacy(text, encoding)) == (text, encoding)


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        # Byte values written out by hand from the published tables.
        (b"\xae\xe8i ngo\xb9i", "tcvn3", "đối ngoại"),
        (b"\xa7\xb5 N\xbdng", "tcvn3", "Đà Nẵng"),
        (b"Vi\xd6t Nam", "tcvn3", "Việt Nam"),
        (b"\xc4n \xa7\xe9", "tcvn3", "Ấn Độ"),  # Ấ is a VN1 capital
        (b"Vi\xaa\xb4t", "tcvn3", "Việt"),  # ê + combining dot below (0xB4)
        (b"Vi\xaet Nam", "viscii", "Việt Nam"),
        (b"\xd0\xe0 N\xc7ng", "viscii", "Đà Nẵng"),
        ("Vieät Nam".encode("cp1252"), "vni-windows", "Việt Nam"),
        ("ngöôøi".encode("cp1252"), "vni-windows", "người"),
        (b"\xd1a\xf8 Na\xfcng", "vni-windows", "Đà Nẵng"),
        (b"VIE\xc4T NAM", "vni-windows", "VIỆT NAM"),
        (b"Vi\xea\xf2t Nam", "windows-1258", "Việt Nam"),
        (b"\xd0a\xcc N\xe3\xdeng", "windows-1258", "Đà Nẵng"),
    ],
)
def test_known_legacy_bytes(data: bytes, encoding: str, text: str) -> None:
    assert _decode_legacy(data, encoding) == text


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("“Việt Nam”", "tcvn3"),
        ("“Việt Nam”", "viscii"),
        ("Köln", "vni-windows"),  # ö is VNI's byte for ư
        ("Straße", "vni-windows"),
        ("北京", "windows-1258"),
        ("Ḁ", "tcvn3"),
    ],
)
def test_encode_legacy_refuses_what_it_cannot_write(text: str, encoding: str) -> None:
    with pytest.raises(ValueError, match="cannot represent"):
        encode_legacy(text, encoding)


def test_encode_legacy_refuses_unknown_encodings() -> None:
    with pytest.raises(ValueError, match="unknown legacy encoding"):
        encode_legacy("Việt Nam", "utf-8")


def test_encode_legacy_normalises_to_nfc_first() -> None:
    nfd = unicodedata.normalize("NFD", SENTENCE)
    assert encode_legacy(nfd, "viscii") == encode_legacy(SENTENCE, "viscii")


def test_windows_1258_punctuation_survives() -> None:
    text = "Ông nói: “Hợp tác – phát triển…” và các nước đều đồng ý."
    assert decode(encode_legacy(text, "windows-1258")) == (text, "windows-1258")


# --- Refusals -------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n\t\r\n",
        codecs.BOM_UTF8,
        codecs.BOM_UTF8 + b"  \n",
        codecs.BOM_UTF16_LE,
    ],
)
def test_empty_input(data: bytes) -> None:
    with pytest.raises(EmptyInputError):
        decode(data)


PNG_HEADER = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06"
)


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 10,
        PNG_HEADER,
        random.Random(1).randbytes(4096),
        bytes(range(1, 32)) * 20 + b"abc",  # control characters, no NUL
        b"Viet Nam\x00\x00\x00\x00abc\x00",
    ],
    ids=["all-bytes", "png", "random", "controls", "nul-in-ascii"],
)
def test_binary_junk(data: bytes) -> None:
    with pytest.raises(DecodeError, match="binary data"):
        decode(data)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        # French in Windows-1252: not UTF-8, and not Vietnamese in any encoding.
        (
            "Le élève était très fâché à l'école.".encode("cp1252"),
            "does not look like TCVN3, VNI, VISCII or Windows-1258",
        ),
        # One legacy byte could be a letter in every encoding.
        (b"\xe1", "too little Vietnamese text"),
        (b"Tieng \xe1 \xe8", "too little Vietnamese text"),
        (b"\xff\xfe\x00\x00a\x00\x00\x00", "UTF-32"),
        (codecs.BOM_UTF8 + b"abc\xff", "byte order mark but is not valid UTF-8"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8a", "not valid UTF-16"),
    ],
)
def test_undecidable_input(data: bytes, message: str) -> None:
    with pytest.raises(DecodeError, match=message):
        decode(data)


def test_bad_byte_after_the_sample_is_reported() -> None:
    # Detection reads the first 64 KiB; the full decode still checks every byte.
    seed = SEEDS[1].read_text(encoding="utf-8")
    data = encode_legacy(seed * 4, "windows-1258") + b"\x8a"  # unassigned in cp1258
    assert len(data) > 64 * 1024
    with pytest.raises(DecodeError, match="looks like Windows-1258 but byte 0x8A"):
        decode(data)


def test_errors_name_the_source() -> None:
    with pytest.raises(DecodeError) as info:
        decode(PNG_HEADER, source="photo.png")
    assert info.value.source == "photo.png"
    assert str(info.value).startswith("photo.png: binary data")


# --- Size and speed -------------------------------------------------------------

MEGABYTE = 1 << 20


def _no_nul_random(size: int) -> bytes:
    return bytes(b or 1 for b in random.Random(7).randbytes(size))


@pytest.mark.parametrize(
    "data",
    [
        _no_nul_random(MEGABYTE),
        b"\xc3" * MEGABYTE,  # one endless "word" in every legacy encoding
        b"a\xf9" * (MEGABYTE // 2),  # endless VNI "á"
        bytes(range(0x80, 0x100)) * (MEGABYTE // 128),
        (b"Vi\xd6t " * (MEGABYTE // 6)),
        "Việt Nam ".encode() * (MEGABYTE // 12) + b"\xff",  # invalid at the very end
    ],
    ids=["random", "c3", "vni-a", "high-bytes", "tcvn3-word", "utf8-then-bad"],
)
def test_one_megabyte_of_adversarial_bytes_finishes(data: bytes) -> None:
    start = time.perf_counter()
    try:
        text, encoding = decode(data)
    except DecodeError:
        pass
    else:
        assert encoding in LEGACY_ENCODINGS
        assert text
    assert time.perf_counter() - start < 5.0  # generous safety bound, not a benchmark


@pytest.mark.parametrize("encoding", LEGACY_ENCODINGS)
def test_one_megabyte_legacy_file(encoding: str) -> None:
    seed = representable(SEEDS[1].read_text(encoding="utf-8"), encoding)
    text = seed * (MEGABYTE // len(seed) + 1)
    data = encode_legacy(text, encoding)
    start = time.perf_counter()
    assert decode(data) == (text, encoding)
    assert time.perf_counter() - start < 5.0
