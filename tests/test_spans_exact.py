"""Every span dnnd reports starts and ends at a word boundary, on every corpus text.

A span over a date range once started inside a number ("…1976 - 12/7/2011"
gave a mention starting at the "6" of 1976). This walks every span of every
record (documents, congresses, organisations, people and their positions,
events, segments) of every text of the shared corpora (seeds, dev, dev2 and
the unlabelled articles) and of their NFD and CRLF copies, and checks that
no span starts or ends between two characters of one word or number.
Skips without the shared corpora; the seeds bundled with dnnd always run.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import dnnd
from conftest import CORPORA, SEEDS
from dnnd.model import Span


def _word_char(ch: str) -> bool:
    # a combining mark (NFD text) belongs to the letter before it
    return ch.isalnum() or unicodedata.category(ch).startswith("M")


#: Words the corpus texts print glued to the next one (a missing space); a
#: span may end or start at the seam: (the glued run, the offset of the seam)
GLUED = [
    ("Việt Nam-Campuchiacho", len("Việt Nam-Campuchia")),  # "... Campuchia" + "cho biết"
    ("tỉnhPhạm", len("tỉnh")),  # "Chủ tịch UBND tỉnh" + "Phạm ..."
    ("UBMTTQ", len("UB")),  # "UB" (Ủy ban) + "MTTQ"
]


def _seam(text: str, pos: int) -> bool:
    before = unicodedata.normalize("NFC", text[max(0, pos - 40) : pos])
    after = unicodedata.normalize("NFC", text[pos : pos + 40])
    return any(before.endswith(glued[:seam]) and after.startswith(glued[seam:]) for glued, seam in GLUED)


def _cuts(text: str, pos: int) -> bool:
    """Tell whether a boundary at *pos* falls inside a word or a number (not at a glued seam)."""
    if pos <= 0 or pos >= len(text):
        return False
    return _word_char(text[pos - 1]) and _word_char(text[pos]) and not _seam(text, pos)


def _spans(value: object) -> Iterator[Span]:
    if isinstance(value, Span):
        yield value
    elif isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            yield from _spans(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            if field.name != "text":
                yield from _spans(getattr(value, field.name))


def _bad_spans(text: str) -> list[str]:
    article = dnnd.parse(text)
    bad = []
    for span in _spans(article):
        if _cuts(text, span.start) or _cuts(text, span.end):
            around = text[max(0, span.start - 15) : span.end + 15].replace("\n", " ")
            bad.append(f"[{span.start}:{span.end}] {text[span.start:span.end]!r} in ...{around}...")
    return bad


def _variants(text: str) -> dict[str, str]:
    return {"as is": text, "NFD": unicodedata.normalize("NFD", text), "CRLF": text.replace("\n", "\r\n")}


def _corpus_files() -> list[Path]:
    files = sorted(SEEDS.glob("*.txt"))
    for name in ("seeds", "dev", "dev2", "unlabelled"):
        files += sorted((CORPORA / name / "texts").glob("*.txt"))
    return files


def test_the_spans_of_a_date_range_start_and_end_at_its_numbers():
    text = "Kỷ niệm 35 năm thiết lập quan hệ ngoại giao (12/7/1976 - 12/7/2011). Ngày 11/7, tại Hà Nội, Hội tổ chức mít tinh."
    for name, variant in _variants(text).items():
        assert _bad_spans(variant) == [], name


@pytest.mark.parametrize("variant", ["as is", "NFD", "CRLF"])
def test_no_span_of_any_corpus_text_cuts_a_word_or_number(variant):
    files = _corpus_files()
    if len(files) <= len(list(SEEDS.glob("*.txt"))):
        pytest.skip("the shared corpora are not here (the project stands alone without them)")
    bad = []
    for path in files:
        text = _variants(path.read_text(encoding="utf-8"))[variant]
        bad += [f"{path.parent.parent.name}/{path.name}: {b}" for b in _bad_spans(text)]
    assert bad == [], f"{len(bad)} spans cut a word or number:\n" + "\n".join(bad[:40])
