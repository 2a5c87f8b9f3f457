"""The open-class vocabulary (data/vocabulary.json) is well formed."""

import json
import unicodedata
from importlib import resources

import pytest

DATA = json.loads((resources.files("dnnd") / "data" / "vocabulary.json").read_text(encoding="utf-8"))
LISTS = ["departments", "ministries", "party_boards", "mass_organisation_heads", "organs", "generic_names"]


@pytest.mark.parametrize("key", LISTS)
def test_each_list_holds_unique_nfc_words(key):
    words = DATA[key]
    assert words and all(isinstance(w, str) and w.strip() == w and w for w in words)
    assert all(unicodedata.is_normalized("NFC", w) for w in words)
    assert len(set(words)) == len(words)


def test_every_short_mass_head_expands_to_a_known_head():
    heads = set(DATA["mass_organisation_heads"])
    assert all(full in heads for full in DATA["mass_abbreviations"].values())


def test_no_generic_name_is_also_an_organ():
    assert not set(DATA["generic_names"]) & set(DATA["organs"])
