"""dnnd.normalise: every fold and key, and their agreement with the contract's scorer.

The keys must be byte-compatible with the reference scorer of the extraction
contract (``../shared/tools/score.py``, read in place when it is beside the
project): the parity tests compare them on every gold string of the bundled
seeds and the dev corpora, every string dnnd predicts for them, and on
generated strings.
"""

from __future__ import annotations

import importlib.util
import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dnnd
from dnnd.normalise import (
    canonical_number,
    canonical_tones,
    fold_eth,
    fold_key,
    name_key,
    number_key,
    place_key,
    slug,
    strip_diacritics,
    unify_dashes,
)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORE_PY = SHARED / "tools" / "score.py"
SEED_GOLD = ROOT / "src" / "dnnd" / "_seeds" / "gold"


# ------------------------------------------------------------------ the folds


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("hoà bình", "hòa bình"),
        ("Thanh Hoá", "Thanh Hóa"),
        ("Uỷ ban", "Ủy ban"),
        ("UỶ BAN", "ỦY BAN"),
        ("khoẻ", "khỏe"),
        ("hoàn thành", "hoàn thành"),  # not syllable-final
        ("quý", "quý"),  # the "u" of "qu" belongs to the consonant
        ("Quỳnh", "Quỳnh"),
    ],
)
def test_canonical_tones(text: str, folded: str) -> None:
    assert canonical_tones(text) == folded


@pytest.mark.parametrize(
    ("fold", "text", "folded"),
    [
        (fold_eth, "ÐẢNG bộ ðịa phương", "ĐẢNG bộ địa phương"),
        (fold_eth, "Đảng", "Đảng"),
        (unify_dashes, "Việt Nam – Cuba — 2020‐2025 −1", "Việt Nam - Cuba - 2020-2025 -1"),
        (strip_diacritics, "Nguyễn Thị Ánh Tuyết", "Nguyen Thi Anh Tuyet"),
        (strip_diacritics, "Đà Nẵng, Ðồng Nai", "Da Nang, Dong Nai"),
        (slug, "Liên hiệp các tổ chức hữu nghị Việt Nam", "lien-hiep-cac-to-chuc-huu-nghi-viet-nam"),
        (slug, "12-CT/TW", "12-ct/tw"),
    ],
)
def test_folds(fold, text: str, folded: str) -> None:  # type: ignore[no-untyped-def]
    assert fold(text) == folded


# ------------------------------------------------------------------ the keys


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Uỷ ban MTTQ TP. Hà Nội", "Ủy ban MTTQ thành phố Hà Nội"),
        ("Tp. Hà Nội", "thành phố Hà Nội"),
        ("TP Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
        ("Thanh Hoá", "Thanh Hóa"),
        ("toạ đàm", "tọa đàm"),
        ("Hội hữu nghị Việt Nam – Cuba", "Hội hữu nghị Việt Nam-Cuba"),
        ("Việt Nam — Cuba", "Việt Nam - Cuba"),
        ("12 / CT - TW", "12/CT-TW"),
        ("“Vì hòa bình”", "Vì hòa bình"),
        ("Hội “Hữu nghị”, (Hà Nội).", "hội hữu nghị hà nội"),
        ("Liên  hiệp\tHữu nghị ", "Liên hiệp Hữu nghị"),
        ("Ðảng", "Đảng"),
        ("Ủy ban", unicodedata.normalize("NFD", "Ủy ban")),
    ],
)
def test_name_key_equal(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hội hữu nghị Việt Nam - Cu Ba", "Hội hữu nghị Việt Nam - Cuba"),
        ("quý", "qúy"),
        ("Chỉ thị 12-CT/TW", "Chỉ thị 12-KL/TW"),
        ("Hà Nam", "Hạ Nam"),  # a different name, whatever fold_key says
    ],
)
def test_name_key_different(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Hội hữu nghị Việt Nam – Cuba TP. Hà Nội", "hội hữu nghị việt nam-cuba thành phố hà nội"),
        ("Ban Bí thư!", "ban bí thư"),
        (None, ""),
        ("", ""),
    ],
)
def test_name_key_value(text: str | None, key: str) -> None:
    assert name_key(text) == key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("tỉnh Bắc Giang", "Bắc Giang"),
        ("thành phố Hà Nội", "Hà Nội"),
        ("TP. Hồ Chí Minh", "Hồ Chí Minh"),
        ("Thanh Hoá", "tỉnh Thanh Hóa"),
    ],
)
def test_place_key_equal(a: str, b: str) -> None:
    assert place_key(a) == place_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Hà Nội", "Ha Noi"), ("Chủ tịch", "chu tich"), ("Đắk Lắk", "Dak Lak"), ("TP. Huế", "thanh pho Hue")],
)
def test_fold_key_ignores_diacritics(a: str, b: str) -> None:
    assert fold_key(a) == fold_key(b)


# ------------------------------------------- numbers: the written form and the compared key


@pytest.mark.parametrize(
    ("written", "canonical", "key"),
    [
        ("số 12-CT/TW", "12-CT/TW", "12-CT/TW"),
        ("12-CT/TƯ", "12-CT/TƯ", "12-CT/TƯ"),  # letters as printed
        ("12-CT/T.Ư", "12-CT/T.Ư", "12-CT/T.Ư"),
        ("04 CT/TW", "04-CT/TW", "04CT/TW"),
        ("45/CT-TU", "45-CT/TU", "45/CT-TU"),  # Party number printed State-style
        ("59–NQ/TW", "59-NQ/TW", "59-NQ/TW"),
        ("số31-QĐ/TW", "31-QĐ/TW", "31-QĐ/TW"),
        ("Số 80/2020/nđ–cp", "80/2020/NĐ-CP", "80/2020/NĐ-CP"),
        ("837/QĐ-TTg", "837/QĐ-TTG", "837/QĐ-TTG"),
        ("07-HD/BTG", "07-HD/BTG", "07-HD/BTG"),
        ("12-CT/TW", "12-CT/TW", "12-CT/TW"),
        ("số 12 - CT/TW", "12-CT/TW", "12-CT/TW"),
        ("22-CT/ÐU", "22-CT/ĐU", "22-CT/ĐU"),
    ],
)
def test_numbers(written: str, canonical: str, key: str) -> None:
    assert canonical_number(written) == canonical
    assert number_key(written) == key
    assert number_key(None) == ""


# ------------------------------------------------------------------ parity with the contract's scorer


def _reference() -> ModuleType:
    if not SCORE_PY.is_file():
        pytest.skip("the contract's reference scorer (../shared/tools/score.py) is not beside the project")
    spec = importlib.util.spec_from_file_location("_contract_score", SCORE_PY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _corpus_strings() -> list[str]:
    """Every string of every gold record and of dnnd's records for the same texts."""
    found: set[str] = set()
    gold_dirs = [SEED_GOLD, *(SHARED / "corpus" / n / "gold" for n in ("dev", "dev2"))]
    for gold in gold_dirs:
        if not gold.is_dir():
            continue
        for path in gold.glob("*.json"):
            found.update(_strings(json.loads(path.read_text(encoding="utf-8"))))
        texts = gold.parent / "texts" if gold != SEED_GOLD else gold.parent
        for path in sorted(texts.glob("*.txt")):
            found.update(_strings(dnnd.to_record(dnnd.read(path))))
    return sorted(found)


def test_keys_agree_with_the_reference_scorer_on_every_corpus_string() -> None:
    ref = _reference()
    strings = _corpus_strings()
    assert len(strings) > 300
    for s in strings:
        assert name_key(s) == ref.norm(s), s
        assert place_key(s) == ref.norm_place(s), s
        assert number_key(s) == ref.norm_number(s), s


_LETTERS = "aAoOuUyYqQeEđĐÐðdtTpP .,;:-–—/()\"'“”\t\n0123456789"
_ALPHABET = st.sampled_from(
    [
        *_LETTERS,
        "à", "á", "ả", "ã", "ạ", "è", "é", "ỷ", "ý", "ỳ", "Ỷ", "À", "Ý", "\u0300", "\u0301", "\u0309", "\u00a0",
        *["tp", "TP", "Tp.", "tp.", "thành phố", "tỉnh ", "số ", "Số", "hoà", "Uỷ", "quý", "oà", "uỷ"],
    ]
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(_ALPHABET, max_size=24).map("".join))
def test_keys_agree_with_the_reference_scorer_on_generated_strings(text: str) -> None:
    ref = _reference()
    assert name_key(text) == ref.norm(text)
    assert place_key(text) == ref.norm_place(text)
    assert number_key(text) == ref.norm_number(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(_ALPHABET, max_size=24).map("".join))
def test_name_keys_are_idempotent(text: str) -> None:
    assert name_key(name_key(text)) == name_key(text)
    assert place_key(place_key(text)) == place_key(name_key(place_key(text)))


@settings(max_examples=1000, deadline=None)
@given(st.lists(_ALPHABET | st.sampled_from(["Nguyễn", "Đức", "ư", "ơ", "Ư", "ỹ", "ộ", "ß", "ﬁ", "Ω"]), max_size=24).map("".join))
def test_the_fold_key_is_the_slug_of_the_name_key(text: str) -> None:
    # fold_key takes a short way (one translation table) that must give what the long way gives
    assert fold_key(text) == slug(name_key(text))
