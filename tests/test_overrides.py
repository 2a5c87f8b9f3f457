"""Corrections that persist: an overrides file applied on every build, kept by save and load."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

import dnnd
from dnnd import Corpus
from dnnd.corpus import ArticleSummary, Overrides
from dnnd.errors import OverrideError
from dnnd.model import Organisation, OrganisationKind, PartialDate, Person, Position

SEED_OVERRIDES = textwrap.dedent(
    """
    # corrections a reader of the five seed articles might keep
    [[merge]]                 # the city's Party organisation and its committee, as one body
    organisations = ["Thành ủy Hà Nội", "Đảng bộ thành phố Hà Nội"]

    [[split]]                 # the Nguyễn Văn Doanh of seed 003 is someone else
    person = "Nguyễn Văn Doanh"
    sources = ["003_0ee01d7cb440a5d9.txt"]

    [[rename]]
    organisation = "Cụm thi đua số 1 của Liên hiệp Các tổ chức hữu nghị Việt Nam"
    to = "Cụm thi đua số 1"

    [[drop]]                  # named in seed 002 only as history
    person = { name = "Hồ Chí Minh", source = "002_5e2caf65afaa0922.txt" }

    [[date]]
    source = "000_dbb8df4873b6d839.txt"
    published = "2022-07-15"
    """
)


@pytest.fixture(scope="module")
def corrected(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    path = tmp_path_factory.mktemp("o") / "overrides.toml"
    path.write_text(SEED_OVERRIDES, encoding="utf-8")
    return Corpus(dnnd.seeds(), overrides=Overrides.load(path))


def _effects(corpus: Corpus) -> dict[str, object]:
    """What the five corrections change, as a reader would check it."""
    party = corpus.organisation("Đảng bộ thành phố Hà Nội")
    return {
        "merged": party is not None and party == corpus.organisation("Thành ủy Hà Nội"),
        "merged sources": party.sources if party else None,
        "doanh": sorted(p.sources for p in corpus.people(name="Nguyễn Văn Doanh")),
        "renamed": corpus.organisation("Cụm thi đua số 1") is not None,
        "organiser": [e.organisers for e in corpus.events(place="Bắc Giang")],
        "uncle ho": [p.sources for p in corpus.people(name="Hồ Chí Minh")],
        "published": str(corpus.article("000_dbb8df4873b6d839.txt").published),  # type: ignore[union-attr]
        "dated by": {h.dated_by for h in corpus.positions_of("Nguyễn Nam Hải")},
    }


EXPECTED = {
    "merged": True,
    "merged sources": ("000_dbb8df4873b6d839.txt", "002_5e2caf65afaa0922.txt"),
    "doanh": [("000_dbb8df4873b6d839.txt",), ("003_0ee01d7cb440a5d9.txt",)],
    "renamed": True,
    "organiser": [("Cụm thi đua số 1",)],
    "uncle ho": [],
    "published": "2022-07-15",
    "dated by": {"published"},
}


def test_the_seed_corpus_needs_the_corrections() -> None:
    plain = _effects(Corpus(dnnd.seeds()))
    assert all(plain[k] != v for k, v in EXPECTED.items())


def test_merge_split_rename_drop_and_date_change_the_corpus_as_written(corrected: Corpus) -> None:
    assert _effects(corrected) == EXPECTED


def test_why_names_the_override(corrected: Corpus) -> None:
    joined = corrected.why("Thành ủy Hà Nội", "Đảng bộ thành phố Hà Nội")
    assert joined.same and any("override" in r for r in joined.reasons)
    apart = corrected.why(("Nguyễn Văn Doanh", "000_dbb8df4873b6d839.txt"), ("Nguyễn Văn Doanh", "003_0ee01d7cb440a5d9.txt"))
    assert not apart.same and any("override" in r for r in apart.reasons)


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_the_corrections_survive_save_and_load(corrected: Corpus, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"kb{suffix}"
    corrected.save(path)
    loaded = Corpus.load(path)
    assert loaded == corrected
    assert loaded.overrides == corrected.overrides
    assert _effects(loaded) == EXPECTED


def test_the_articles_are_saved_as_read(corrected: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "kb.json"
    corrected.save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    first = next(a for a in data["articles"] if a["source"].startswith("000"))
    assert first["published"] is None  # the date fix is re-applied on load, not written over the article
    assert data["overrides"]["document"]["date"][0]["published"] == "2022-07-15"


def test_json_and_toml_files_say_the_same(tmp_path: Path) -> None:
    import tomllib

    toml = tmp_path / "o.toml"
    toml.write_text(SEED_OVERRIDES, encoding="utf-8")
    as_json = tmp_path / "o.json"
    as_json.write_text(json.dumps(tomllib.loads(SEED_OVERRIDES), ensure_ascii=False), encoding="utf-8")
    a, b = Overrides.load(toml), Overrides.load(as_json)

    def what(o: Overrides) -> list[object]:
        return [(e.action, e.refs, e.sources, e.to) for e in o.entries] + [(d.source, d.published) for d in o.dates]

    assert what(a) == what(b)


def test_articles_added_later_are_corrected_too() -> None:
    seeds = dnnd.seeds()
    overrides = Overrides.from_dict({"rename": [{"organisation": "VUFO", "to": "Liên hiệp Hữu nghị"}]})
    corpus = Corpus(seeds[:1], overrides=overrides)
    corpus.extend(seeds[1:])
    vufo = corpus.organisation("VUFO")
    assert vufo is not None and vufo.name == "Liên hiệp Hữu nghị" and len(vufo.sources) == 4


def test_removing_the_overrides_restores_the_corpus(corrected: Corpus) -> None:
    again = Corpus(dnnd.seeds(), overrides=corrected.overrides)
    again.apply_overrides(None)
    assert again == Corpus(dnnd.seeds())
    assert _effects(again) == _effects(Corpus(dnnd.seeds()))


# ------------------------------------------------------------------ people and bodies written differently


def _org(name: str, locality: str | None = None) -> Organisation:
    return Organisation(id="o:" + name, name=name, kind=OrganisationKind.FRIENDSHIP_UNION, locality=locality)


def _summary(source: str, orgs: list[Organisation], people: list[Person] = ()) -> ArticleSummary:  # type: ignore[assignment]
    return ArticleSummary(source=source, published=PartialDate(year=2024, month=3, day=1), organisations=tuple(orgs), people=tuple(people))


def test_a_merge_joins_names_that_differ_in_a_diacritic() -> None:
    vufo = _org("Liên hiệp các tổ chức hữu nghị Việt Nam")
    pos = (Position(title="Phó Chủ tịch", organisation=vufo.name),)
    arts = [
        _summary("a.txt", [vufo], [Person(id="p", name="Nguyễn Thị Hà", positions=pos)]),
        _summary("b.txt", [vufo], [Person(id="p", name="Nguyễn Thị Hạ", positions=pos)]),
    ]
    assert len(Corpus(arts).people()) == 2
    merged = Corpus(arts, overrides=Overrides.from_dict({"merge": [{"people": ["Nguyễn Thị Hà", "Nguyễn Thị Hạ"]}]}))
    (person,) = merged.people()
    assert person.sources == ("a.txt", "b.txt")
    assert merged.why("Nguyễn Thị Hà", "Nguyễn Thị Hạ").same


def test_split_off_mentions_can_be_merged_into_another_body() -> None:
    # an article wrote the national association's name for the province's one
    central = _org("Hội hữu nghị Việt Nam - Lào")
    local = _org("Hội hữu nghị Việt Nam - Lào tỉnh Thái Bình", "Thái Bình")
    arts = [_summary("a.txt", [central]), _summary("b.txt", [central]), _summary("c.txt", [local])]
    overrides = Overrides.from_dict(
        {
            "split": [{"organisation": "Hội hữu nghị Việt Nam - Lào", "sources": ["b.txt"]}],
            "merge": [
                {
                    "organisations": [
                        "Hội hữu nghị Việt Nam - Lào tỉnh Thái Bình",
                        {"name": "Hội hữu nghị Việt Nam - Lào", "source": "b.txt"},
                    ]
                }
            ],
        }
    )
    corpus = Corpus(arts, overrides=overrides)
    assert corpus.organisation("Hội hữu nghị Việt Nam - Lào").sources == ("a.txt",)  # type: ignore[union-attr]
    assert corpus.organisation("Hội hữu nghị Việt Nam - Lào tỉnh Thái Bình").sources == ("b.txt", "c.txt")  # type: ignore[union-attr]


# ------------------------------------------------------------------ bad overrides are clear errors

BAD = [
    # (what, file text or document, words the message must hold)
    ("unknown section", {"merger": []}, ["unknown section 'merger'"]),
    ("a merge of one", {"merge": [{"organisations": ["VUFO"]}]}, ["[[merge]] #1", "two or more"]),
    ("merge of both kinds", {"merge": [{"organisations": ["A", "B"], "people": ["C", "D"]}]}, ["either"]),
    ("nothing matches", {"rename": [{"organisation": "Hội hữu nghị Việt Nam - Mông Cổ", "to": "X"}]}, ["[[rename]] #1", "matches no organisation"]),
    ("nobody matches", {"drop": [{"person": "Nguyễn Văn Không Có"}]}, []),
    ("a person nowhere", {"rename": [{"person": "Nguyễn Văn Không Có", "to": "X"}]}, ["[[rename]] #1", "matches no person"]),
    ("an article not in the corpus", {"date": [{"source": "nowhere.txt", "published": "2022-01-01"}]}, ["no article 'nowhere.txt'"]),
    ("a bad date", {"date": [{"source": "000_dbb8df4873b6d839.txt", "published": "14/7/2022"}]}, ["'published' is not a date"]),
    ("no such event", {"date": [{"source": "000_dbb8df4873b6d839.txt", "event": "2022-07-13", "to": "2022-07-14"}]}, ["no event dated 2022-07-13"]),
    ("an ambiguous name", {"rename": [{"organisation": "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "to": "X"}]}, ["fits 3", "add 'locality' or 'source'"]),
    ("split nothing off", {"split": [{"person": "Phan Anh Sơn", "sources": ["000_dbb8df4873b6d839.txt"]}]}, ["nothing to split off"]),
    ("unknown key", {"rename": [{"organisation": {"name": "VUFO", "province": "Hà Nội"}, "to": "X"}]}, ["unknown key 'province'"]),
]


@pytest.mark.parametrize(("what", "document", "words"), BAD, ids=[w for w, _, _ in BAD])
def test_a_bad_override_is_a_clear_error(tmp_path: Path, what: str, document: object, words: list[str]) -> None:
    path = tmp_path / "overrides.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    corpus = Corpus(dnnd.seeds())
    if what == "nobody matches":  # dropping someone absent is harmless: nothing to correct
        corpus.apply_overrides(Overrides.load(path))
        return
    with pytest.raises(OverrideError) as err:
        corpus.apply_overrides(Overrides.load(path))
    message = str(err.value)
    assert str(path) in message, message
    for w in words:
        assert w in message, message
    assert corpus == Corpus(dnnd.seeds()) and corpus.overrides is None  # left as it was


@pytest.mark.parametrize(
    ("name", "text", "words"),
    [
        ("o.toml", "[[merge]\norganisations = [", "not valid TOML"),
        ("o.json", "{", "not valid JSON"),
        ("o.json", "[1, 2]", "a table of lists"),
        ("missing.toml", None, "no such overrides file"),
    ],
)
def test_an_unreadable_file_is_a_clear_error(tmp_path: Path, name: str, text: str | None, words: str) -> None:
    path = tmp_path / name
    if text is not None:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(OverrideError, match=words) as err:
        Overrides.load(path)
    assert str(path) in str(err.value)
