"""The organisation grammar is data: every row's examples go through the finder.

Each row of ``data/organisation_heads.json`` carries its own examples (text
-> canonical name). A positive example must give an organisation of that
name; a negative one (name null) must give no mention of that row. Adding a
kind of body is one row with its examples (see ``docs/registry.md``); the
last tests show that with a row that is not in the data.
"""

import json
import unicodedata
from importlib import resources

import pytest

import dnnd
from dnnd._find.org_grammar import Grammar, HeadRow, grammar, place_type_alternation
from dnnd._find.organisations import organisations_in
from dnnd._text import normalise

DATA = json.loads((resources.files("dnnd") / "data" / "organisation_heads.json").read_text(encoding="utf-8"))
ROWS = grammar().rows
EXAMPLES = [(row.id, ex.text, ex.name) for row in ROWS for ex in row.examples]


def names(text: str) -> list[str]:
    return [o["name"] for o in dnnd.to_record(dnnd.parse(text))["organisations"]]


def rows_found(text: str, g: Grammar | None = None) -> set[str | None]:
    return {m.row for m in organisations_in(normalise(text).canonical, g=g)}


def test_every_row_has_examples_and_a_known_kind() -> None:
    assert len(ROWS) == len(DATA["heads"])
    for row in ROWS:
        assert row.examples, row.id
        assert any(ex.name for ex in row.examples), f"{row.id}: no positive example"


def test_rows_are_nfc_and_ids_unique() -> None:
    raw = json.dumps(DATA, ensure_ascii=False)
    assert unicodedata.is_normalized("NFC", raw)
    ids = [r["id"] for r in DATA["heads"]]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("row_id", "text", "name"), [e for e in EXAMPLES if e[2]], ids=lambda v: str(v)[:40])
def test_row_example_gives_its_canonical_name(row_id: str, text: str, name: str) -> None:
    found = names(text)
    assert name in found, (row_id, found)


ARTICLE_ROWS = {row.id for row in ROWS if row.locality == "article"}


@pytest.mark.parametrize(("row_id", "text"), [(r, t) for r, t, n in EXAMPLES if n is None], ids=lambda v: str(v)[:40])
def test_row_negative_example_names_nothing_of_the_row(row_id: str, text: str) -> None:
    if row_id in ARTICLE_ROWS:  # the resolver names these from the article, or drops them
        assert names(text) == []
    else:
        assert row_id not in rows_found(text)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"locality": "sometimes"}, "locality"),
        ({"continuation": "words"}, "continuation"),
        ({"levels": ["village"]}, "levels"),
        ({"colour": "red"}, "unknown keys"),
    ],
)
def test_a_row_with_an_unknown_value_is_refused(bad: dict[str, object], message: str) -> None:
    row = {"id": "x", "kind": "other", "forms": ["Nhà"], "name": None, **bad}
    with pytest.raises(ValueError, match=message):
        HeadRow.from_data(row)


def test_an_unknown_slot_is_refused() -> None:
    row = {"id": "x", "kind": "other", "forms": ["Nhà {colour}"], "name": None, "examples": []}
    with pytest.raises(ValueError, match="colour"):
        Grammar.from_data(DATA, [row])


# ------------------------------------------------------------ a new kind of body is one row

NEW_ROW = {
    "id": "cultural-house",
    "kind": "other",
    "forms": ["Nhà Văn hóa"],
    "name": None,
    "continuation": "name",
    "locality": "optional",
    "examples": [{"text": "Nhà Văn hóa Thanh niên tổ chức triển lãm", "name": "Nhà Văn hóa Thanh niên"}],
}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Nhà Văn hóa Thanh niên tổ chức triển lãm", "Nhà Văn hóa Thanh niên"),
        ("tại Nhà Văn hóa Lao động tỉnh Quảng Ninh, các em", "Nhà Văn hóa Lao động tỉnh Quảng Ninh"),
    ],
)
def test_a_new_head_is_one_row(text: str, found: str) -> None:
    g = Grammar.from_data(DATA, [NEW_ROW])
    assert "cultural-house" not in rows_found(text)  # not in the data today
    mentions = [m for m in organisations_in(normalise(text).canonical, g=g) if m.row == "cultural-house"]
    assert len(mentions) == 1
    m = mentions[0]
    written = f"{m.head} {m.place_kind} {m.place}" if m.place else m.head
    assert written == found


def test_one_place_type_alternation() -> None:
    import re

    alt = re.compile(place_type_alternation())
    for word in ("tỉnh", "thành phố", "TP.", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn"):
        assert alt.fullmatch(word), word
