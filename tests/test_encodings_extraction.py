"""The same article gives the same records whatever its bytes or Unicode form.

Every seed goes through each legacy encoding (after replacing the few
characters the encoding cannot hold, as ``test_decode`` does), UTF-16,
UTF-8 with a BOM, NFD and old-style tone placement; the records must equal
those of the UTF-8 original with the same replacements. Spans differ (NFD
is longer), the records do not.
"""

from __future__ import annotations

import codecs
import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

import dnnd
from dnnd import cli
from dnnd._decode import LEGACY_ENCODINGS, encode_legacy
from dnnd._text import old_style_tones
from dnnd.errors import DecodeError
from test_decode import representable  # one table of ASCII stand-ins for both test files

SEED_DIR = Path(__file__).parent.parent / "src" / "dnnd" / "_seeds"
SEEDS = sorted(SEED_DIR.glob("*.txt"))

def record(article: dnnd.Article) -> dict[str, Any]:
    """The contract record without its source."""
    rec = dnnd.to_record(article)
    rec.pop("source")
    return rec


@pytest.fixture(scope="module")
def seed_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in SEEDS}


@pytest.mark.parametrize("encoding", LEGACY_ENCODINGS)
@pytest.mark.parametrize("seed", [p.name for p in SEEDS])
def test_legacy_encoding_gives_the_same_records(
    seed: str, encoding: str, seed_texts: dict[str, str], tmp_path: Path
) -> None:
    text = representable(seed_texts[seed], encoding)
    path = tmp_path / seed
    path.write_bytes(encode_legacy(text, encoding))
    article = dnnd.read(path)
    assert article.encoding == encoding
    assert article.text == unicodedata.normalize("NFC", text)
    assert record(article) == record(dnnd.parse(text))


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("utf-8", lambda s: s.encode("utf-8")),
        ("utf-8-sig", lambda s: codecs.BOM_UTF8 + s.encode("utf-8")),
        ("utf-16", lambda s: s.encode("utf-16")),
        ("utf-16", lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be")),
    ],
)
def test_unicode_encodings_are_recorded(name: str, encode: Any, seed_texts: dict[str, str], tmp_path: Path) -> None:
    seed = SEEDS[3].name
    path = tmp_path / seed
    path.write_bytes(encode(seed_texts[seed]))
    article = dnnd.read(path)
    assert article.encoding == name
    assert record(article) == record(dnnd.parse(seed_texts[seed]))


def test_a_string_has_no_encoding() -> None:
    assert dnnd.parse("Sáng 14/7/2022, Liên hiệp các tổ chức hữu nghị TP Hà Nội họp.").encoding is None


@pytest.mark.parametrize("seed", [p.name for p in SEEDS])
def test_nfd_gives_the_same_records(seed: str, seed_texts: dict[str, str]) -> None:
    text = seed_texts[seed]
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    article = dnnd.parse(nfd)
    assert record(article) == record(dnnd.parse(text))
    _spans_are_surface(article)


@pytest.mark.parametrize("seed", [p.name for p in SEEDS])
def test_old_tone_placement_gives_the_same_records(seed: str, seed_texts: dict[str, str]) -> None:
    text = seed_texts[seed]
    old = old_style_tones(text)
    assert old != text
    assert record(dnnd.parse(old)) == record(dnnd.parse(text))


@pytest.mark.parametrize("seed", [p.name for p in SEEDS])
def test_crlf_and_look_alikes_give_the_same_records(seed: str, seed_texts: dict[str, str]) -> None:
    text = seed_texts[seed]
    messy = text.replace("\n", "\r\n").replace("Đ", "\u00d0").replace(" ", "\u00a0", 3)
    assert record(dnnd.parse(messy)) == record(dnnd.parse(text))


def _spans_are_surface(article: dnnd.Article) -> None:
    text = article.text
    for seg in article.segments:
        assert 0 <= seg.span.start < seg.span.end <= len(text)
    items: list[dnnd.model.Document | dnnd.model.CongressResolution | dnnd.model.Organisation | dnnd.model.Event] = [
        *article.documents,
        *article.congress_resolutions,
        *article.organisations,
        *article.events,
    ]
    for item in items:
        for span in item.mentions:
            assert text[span.start : span.end].strip()


# ------------------------------------------------------------------ the CLI


@pytest.mark.parametrize("encoding", LEGACY_ENCODINGS)
def test_cli_extracts_legacy_files(
    encoding: str, seed_texts: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = SEEDS[3].name
    text = representable(seed_texts[seed], encoding)
    utf8 = tmp_path / "utf8.txt"
    legacy = tmp_path / f"legacy-{encoding}.txt"
    utf8.write_text(text, encoding="utf-8")
    legacy.write_bytes(encode_legacy(text, encoding))
    assert cli.main(["extract", str(utf8), str(legacy)]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(out) == 2
    for rec in out:
        rec.pop("source")
    assert out[0] == out[1]
    assert out[0]["published"] == "2022-07-20"


def test_undecodable_file_is_refused_with_its_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Ça été très difficile à dire, non? Déjà vu.".encode("latin-1"))
    good = tmp_path / "good.txt"
    good.write_text("Sáng 14/7/2022, Liên hiệp các tổ chức hữu nghị TP Hà Nội tổ chức hội nghị.", encoding="utf-8")
    with pytest.raises(DecodeError) as info:
        dnnd.read(bad)
    assert str(bad) in str(info.value)
    assert "UTF-8" in info.value.reason
    assert cli.main(["extract", str(bad), str(good)]) == 1
    captured = capsys.readouterr()
    assert str(bad) in captured.err
    assert len(captured.out.splitlines()) == 1  # the good file is still processed


def test_binary_file_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "image.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(DecodeError, match="binary"):
        dnnd.read(bad)
