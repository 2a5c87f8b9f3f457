"""The people grammar is data: every row of ``data/titles.json`` carries examples, and each runs through the finder.

A title row's example names a person with that title; an honorific's or a
degree's example names a person behind it (the bare name comes out); a
marker's example shows the title it keeps or drops; a verb's example gives
the person a post. A new row is a data change plus its example: this test
reads it without any code change.
"""

import json
import unicodedata
from importlib import resources

import pytest

import dnnd
from dnnd._find import find
from dnnd._layout import segment
from dnnd._text import normalise

DATA = json.loads((resources.files("dnnd") / "data" / "titles.json").read_text(encoding="utf-8"))
KEYS = {"titles": "title", "markers": "word", "honorifics": "word", "degrees": "abbreviation", "post_verbs": "verb"}


def _rows():
    for section, key in KEYS.items():
        for row in DATA[section]:
            for i, example in enumerate(row["examples"]):
                yield pytest.param(section, row, example, id=f"{section}:{row[key]}:{i}")


def _people(text):
    return {p["name"]: p for p in dnnd.to_record(dnnd.parse(text))["people"]}


def _titles_found(text, name):
    """The titles the find stage gives *name*, whether or not the organisation step read their body."""
    canon = normalise(text).canonical
    found = find(canon, [(ln.start, ln.end) for ln in segment(canon).mined()])
    return [p.title for person in found.people if person.name == name for p in person.positions]


@pytest.mark.parametrize(("section", "row", "example"), list(_rows()))
def test_every_example_reads_as_its_row_says(section, row, example):
    people = _people(example["text"])
    assert example["name"] in people, sorted(people)
    got = [(p["title"], p["organisation"]) for p in people[example["name"]]["positions"]]
    for wanted in example["positions"]:
        if len(wanted) == 1:  # the title only: reading its body is the organisation step's business
            assert wanted[0] in _titles_found(example["text"], example["name"]), got
        else:
            assert tuple(wanted) in got, got


@pytest.mark.parametrize(("section", "row", "example"), list(_rows()))
def test_every_example_shows_its_own_row(section, row, example):
    """An example is about its row: the word is in the sentence, the title in the answer."""
    forms = [row[KEYS[section]], *row.get("also_written", ()), *row.get("written_with_organ", {})]
    assert any(form.lower() in example["text"].lower() for form in forms)
    if section == "titles":
        assert row["title"] in [p[0] for p in example["positions"]]


def test_every_row_has_an_example_and_rows_are_unique():
    for section, key in KEYS.items():
        words = [row[key] for row in DATA[section]]
        assert len(words) == len(set(words)), section
        assert all(row["examples"] for row in DATA[section]), section
        assert all(unicodedata.is_normalized("NFC", w) for w in words)


def test_titles_are_written_as_the_contract_writes_them():
    titles = {row["title"] for row in DATA["titles"]}
    assert {"Phó Chủ tịch Thường trực", "Trưởng ban", "Tổng Thư ký", "Tổng Bí thư", "Chủ tịch nước"} <= titles
    assert not {t for t in titles if t.lower().startswith(("quyền ", "nguyên "))}  # markers compose, not rows
    assert {row["group"] for row in DATA["titles"]} <= {
        "party", "state", "union", "diplomatic", "foreign", "military", "education", "business", "media"
    }  # fmt: skip


@pytest.mark.parametrize(
    ("text", "name", "title", "former"),
    [
        ("Ông Lê Văn Bảy, nguyên Chủ tịch Liên hiệp các tổ chức hữu nghị tỉnh Nam Định, phát biểu.", "Lê Văn Bảy", "Chủ tịch", True),
        ("Bà Vũ Thị Lan, Quyền Giám đốc Sở Ngoại vụ tỉnh Hà Tĩnh, phát biểu.", "Vũ Thị Lan", "Quyền Giám đốc", False),
        ("Cựu Thủ tướng Nhật Bản Fukuda Yasuo thăm Hà Nội.", "Fukuda Yasuo", "Thủ tướng", True),
    ],
)
def test_markers_drop_or_keep_as_the_contract_says(text, name, title, former):
    (person,) = [p for p in dnnd.parse(text).people if p.name == name]
    (position,) = person.positions
    assert (position.title, position.former) == (title, former)


def test_the_kept_markers_are_the_acting_ones():
    """The contract: "quyền" stays in the title, "nguyên" does not (and marks the post former)."""
    kept = {m["word"] for m in DATA["markers"] if m["kept"]}
    assert kept == set(dnnd.registry.acting_markers()) == {"quyền"}
    assert "nguyên" in dnnd.registry.former_markers()


@pytest.mark.parametrize("key", ["body_words", "bare_heads", "longer_nouns", "title_inside_after", "verb_leads"])
def test_word_lists_are_unique_nfc_words(key):
    words = DATA[key]
    assert words and len(words) == len(set(words))
    assert all(w.strip() == w and unicodedata.is_normalized("NFC", w) for w in words)
