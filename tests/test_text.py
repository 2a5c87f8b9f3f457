"""Normalisation (``dnnd._text``): one canonical form, and spans that index the original."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from dnnd._text import Text, canonical_tones, normalise, old_style_tones

# --------------------------------------------------------------- table-driven

CASES = [
    # (original, canonical)
    ("Việt Nam", "Việt Nam"),
    ("", ""),
    # NFD and partly decomposed input is composed
    (unicodedata.normalize("NFD", "Liên hiệp hữu nghị"), "Liên hiệp hữu nghị"),
    ("Vie\u0323\u0302t", "Việt"),  # marks in non-canonical order
    ("Vie\u0302\u0323t", "Việt"),
    # old tone placement -> new
    ("hoà bình", "hòa bình"),
    ("Uỷ ban", "Ủy ban"),
    ("UỶ BAN", "ỦY BAN"),
    ("Thanh Hoá", "Thanh Hóa"),
    ("khoẻ", "khỏe"),
    ("Thuỵ Điển", "Thụy Điển"),
    ("Uy\u0309 ban", "Ủy ban"),  # NFD and old style together
    ("quý, Quý, QUÝ", "quý, Quý, QUÝ"),  # "qu" + y is not the uy cluster
    ("hoàng, thuyền", "hoàng, thuyền"),  # not at the end of a syllable
    # look-alike letters
    ("Ðại học", "Đại học"),
    ("ðường", "đường"),
    ("\u0189ảng", "Đảng"),
    # dashes, quotes, spaces
    ("Việt Nam – Lào — Cuba ‒ Nga − Mỹ", "Việt Nam - Lào - Cuba - Nga - Mỹ"),
    ("“Chủ động” ‘linh hoạt’ «sáng tạo» ‹x›", "\"Chủ động\" 'linh hoạt' \"sáng tạo\" 'x'"),
    ("a\u00a0b\u2009c\u202fd\u3000e\tf", "a b c d e f"),
    # dropped characters
    ("Hà\u200b Nội", "Hà Nội"),
    ("\ufeffĐảng", "Đảng"),
    ("đối\u00adngoại", "đốingoại"),
    ("a\u200e\u200f\u202ab\u2066c", "abc"),
    ("e\u0302\u200b\u0301", "ế"),  # a drop inside a combining run
    ("\u200b\u200b", ""),
    # line breaks
    ("a\r\nb", "a\nb"),
    ("a\rb", "a\nb"),
    ("a\r\r\nb", "a\n\nb"),
    ("a\u2028b\u2029c\u0085d\x0be\x0cf", "a\nb\nc\nd\ne\nf"),
    # combining marks at the very start stay (nothing to compose with)
    ("\u0301abc", "\u0301abc"),
    ("\r\n\u0301", "\n\u0301"),
    # characters outside the Latin combining blocks
    ("\u1100\u1161\u11a8", "\uac01"),  # Hangul jamo compose
    ("\u212b", "\u00c5"),  # ANGSTROM SIGN -> Å (a singleton)
    ("o\u0323a\u0300", "ọà"),  # two tones: NFC composes both, no tone rule applies
]


@pytest.mark.parametrize(("original", "canonical"), CASES)
def test_canonical_form(original: str, canonical: str) -> None:
    t = normalise(original)
    assert t.original == original
    assert t.canonical == canonical
    assert unicodedata.is_normalized("NFC", t.canonical)


@pytest.mark.parametrize(("original", "canonical"), CASES)
def test_every_canonical_char_maps_back(original: str, canonical: str) -> None:
    t = normalise(original)
    del canonical
    _check_spans(t)


SPAN_CASES = [
    # (original, canonical substring, expected original surface)
    ("Uy\u0309 ban nhân dân", "Ủy", "Uy\u0309"),
    ("Ủy ban\u200b nhân dân", "ban", "ban"),  # trailing zero-width not included
    ("Hà\u200bNội", "Nội", "Nội"),  # leading zero-width not included
    ("x\r\nLiên hiệp", "Liên hiệp", "Liên hiệp"),
    ("Thanh Hoa\u0301, Nghe\u0323\u0302 An", "Nghệ An", "Nghe\u0323\u0302 An"),
    ("Ðại học Seoul", "Đại học", "Ðại học"),
    ("“Sắc màu ASEAN”", '"Sắc màu ASEAN"', "“Sắc màu ASEAN”"),
    ("\u1100\u1161\u11a8 Hà Nội", "Hà Nội", "Hà Nội"),
]


@pytest.mark.parametrize(("original", "needle", "surface"), SPAN_CASES)
def test_span_of_a_match(original: str, needle: str, surface: str) -> None:
    t = normalise(original)
    start = t.canonical.index(needle)
    span = t.span(start, start + len(needle))
    assert span.of(original) == surface


def test_identity_map_when_nothing_changes_length() -> None:
    t = normalise("Thanh Hoá – “Ðảng”")
    assert t.canonical == 'Thanh Hóa - "Đảng"'
    assert t.span(6, 9).of(t.original) == "Hoá"
    assert t.to_original(3) == 3


def test_empty_span_inside_a_composed_letter() -> None:
    t = normalise("Vie\u0323\u0302t")
    span = t.span(2, 2)
    assert span.start == span.end == 2


def test_canonical_and_old_tones_are_inverse() -> None:
    new = "Ủy ban nhân dân tỉnh Thanh Hóa, hòa bình, khỏe, Thụy Sĩ, quý"
    old = "Uỷ ban nhân dân tỉnh Thanh Hoá, hoà bình, khoẻ, Thuỵ Sĩ, quý"
    assert old_style_tones(new) == old
    assert canonical_tones(old) == new
    assert canonical_tones(old_style_tones(new)) == new


# --------------------------------------------------------------- properties

_PIECES = [
    *"aăâeêioôơuưyđĐ AÂUƯYOƠ Lhnqkgt,.;:-/0123456789\n",
    "oà",
    "oá",
    "uỷ",
    "Uỷ",
    "òa",
    "Ủy",
    "qu",
    *"\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b",  # tone and vowel marks
    *"\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u202a",  # dropped
    *"\r\u2028\u2029\u0085\u00a0\u2009\t",  # breaks and spaces
    *"\u00d0\u00f0\u0189\u201c\u201d\u2018\u2019\u00ab\u2013\u2014\u2212",  # look-alikes, quotes, dashes
    *"\u1100\u1161\u11a8\u212b\u0344\u0f73",  # Hangul jamo, singletons, odd decompositions
]
texts = st.lists(st.sampled_from(_PIECES) | st.characters(), max_size=40).map("".join)


def _boundaries(t: Text) -> list[int]:
    """Canonical offsets that do not fall inside a replaced run."""
    inside: set[int] = set()
    for c0, _o0, clen, _olen in t._edits:
        inside.update(range(c0 + 1, c0 + clen))
    return [p for p in range(len(t.canonical) + 1) if p not in inside]


def _detone(text: str) -> str:
    """Drop the tone marks (so tone placement does not matter)."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if c not in "\u0300\u0301\u0303\u0309\u0323")


def _check_spans(t: Text) -> None:
    bounds = _boundaries(t)
    previous = 0
    for i, a in enumerate(bounds):
        for b in bounds[i : i + 4]:
            span = t.span(a, b)
            assert 0 <= span.start <= span.end <= len(t.original)
            assert t.bounds(a, b) == (span.start, span.end)  # the same mapping, without a Span
            piece = normalise(span.of(t.original)).canonical
            assert _detone(piece) == _detone(t.canonical[a:b]), (a, b, span)
        start = t.to_original(a)
        assert start >= previous  # the map is monotonic
        previous = start


@settings(max_examples=400, deadline=None)
@given(texts)
@example("oa\u0323\u0300 x")
@example("e\u0302\u200b\u0301\u0323")
@example("\u200b\u0301a\u200b")
@example("o\u00e0\u0f71\u0f72\u0300")  # a mark of another script after the pair
def test_canonical_is_nfc_and_clean(original: str) -> None:
    t = normalise(original)
    assert unicodedata.is_normalized("NFC", t.canonical)
    assert not any(c in t.canonical for c in "\r\u2028\u2029\u200b\ufeff\u00ad\u00d0\u201c\u2013\u00a0")
    assert normalise(t.canonical).canonical == t.canonical  # idempotent


@settings(max_examples=300, deadline=None)
@given(texts)
def test_spans_index_the_original(original: str) -> None:
    _check_spans(normalise(original))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aăâeêioôơuưyđ hnq")), max_size=30))
def test_nfd_old_style_and_nfc_agree(text: str) -> None:
    nfc = normalise(unicodedata.normalize("NFC", text)).canonical
    assert normalise(unicodedata.normalize("NFD", text)).canonical == nfc
    assert normalise(old_style_tones(unicodedata.normalize("NFC", text))).canonical == nfc
