"""What makes records one organisation or one person, rule by rule, on names written for these tests."""

from __future__ import annotations

import datetime

import pytest

from dnnd import Corpus
from dnnd.corpus import ArticleSummary
from dnnd.corpus._identity import head_key, name_identity, org_identity, parse_locality
from dnnd.corpus._people import PersonInfo, cluster
from dnnd.model import Organisation, OrganisationKind, PartialDate, Person, Position

# ------------------------------------------------------------------ where a name places a body

LOCALITIES = [
    # (name, its head, its locality: (level, name) or None)
    ("Liên hiệp các tổ chức hữu nghị tỉnh Nghệ An", "Liên hiệp các tổ chức hữu nghị", ("province", "Nghệ An")),
    ("Liên hiệp các tổ chức hữu nghị TP. Đà Nẵng", "Liên hiệp các tổ chức hữu nghị", ("province", "Đà Nẵng")),
    ("Hội hữu nghị Việt Nam - Campuchia Thành phố Cần Thơ", "Hội hữu nghị Việt Nam - Campuchia", ("province", "Cần Thơ")),
    ("Tỉnh ủy Quảng Trị", "Tỉnh ủy", ("province", "Quảng Trị")),
    ("Hội hữu nghị Việt Nam - Hàn Quốc TPHCM", "Hội hữu nghị Việt Nam - Hàn Quốc", ("province", "Thành phố Hồ Chí Minh")),
    ("Hội Cựu chiến binh huyện Mèo Vạc", "Hội Cựu chiến binh", ("district", "Mèo Vạc")),
    ("Ủy ban nhân dân xã Tân Bình", "Ủy ban nhân dân", ("commune", "Tân Bình")),
    ("Hội Thái Lan - Bến Tre", "Hội hữu nghị Việt Nam - Thái Lan", ("province", "Bến Tre")),
    # no locality: a central body, a country, a name that only contains a place
    ("Hội hữu nghị Việt Nam - Lào", "Hội hữu nghị Việt Nam - Lào", None),
    ("Liên hiệp các tổ chức hữu nghị Việt Nam", "Liên hiệp các tổ chức hữu nghị Việt Nam", None),
    ("Trường Phổ thông Thái Bình Dương", "Trường Phổ thông Thái Bình Dương", None),
    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn Thanh niên Cộng sản Hồ Chí Minh", None),
    ("Hiệp hội các thành phố lớn trên thế giới", "Hiệp hội các thành phố lớn trên thế giới", None),
]


@pytest.mark.parametrize(("name", "head", "where"), LOCALITIES, ids=[n for n, _, _ in LOCALITIES])
def test_the_locality_a_name_writes(name: str, head: str, where: tuple[str, str] | None) -> None:
    got_head, got = parse_locality(name)
    assert got_head == head
    assert (None if got is None else (got.level, got.name)) == where


def test_a_name_two_provinces_bore_means_the_one_of_the_articles_day() -> None:
    _, before = parse_locality("Liên hiệp các tổ chức hữu nghị tỉnh Bắc Ninh", datetime.date(2024, 3, 1))
    _, after = parse_locality("Liên hiệp các tổ chức hữu nghị tỉnh Bắc Ninh", datetime.date(2025, 9, 1))
    assert before is not None and after is not None
    assert (before.since, after.since) == (None, datetime.date(2025, 7, 1))
    assert before.key != after.key


HEADS = [
    # (two heads, one kind of body?)
    ("Hội Hữu nghị Việt - Lào", "Hội hữu nghị Việt Nam - CHDCND Lào", True),
    ("Hội Việt - Mỹ", "Hội hữu nghị Việt Nam - Hoa Kỳ", True),
    ("Ủy ban MTTQ", "Ủy ban Mặt trận Tổ quốc", True),
    ("UBND", "Ủy ban nhân dân", True),
    ("Hội hữu nghị Nhật - Việt", "Hội hữu nghị Việt Nam - Nhật Bản", False),  # the Japanese side's association
    ("Hội hữu nghị Việt Nam - Lào", "Hội hữu nghị Việt Nam - Lào Cai", False),
]


@pytest.mark.parametrize(("a", "b", "same"), HEADS, ids=[f"{a} / {b}" for a, b, _ in HEADS])
def test_heads(a: str, b: str, same: bool) -> None:
    assert (head_key(a, local=True) == head_key(b, local=True)) is same


IDENTITIES = [
    # (name, the other names its article uses, locality it gets, registry id)
    ("VUFO", (), None, "vufo"),
    ("Liên hiệp Hữu nghị", (), None, "vufo"),
    ("LHHN thành phố Hà Nội", (), "Hà Nội", "haufo"),
    ("Hội hữu nghị Việt Nam - Nhật Bản", (), None, "hhn-vn-nhat"),
    # a short name whose article also writes the locality is that locality's body
    ("Hội hữu nghị Việt Nam - Nhật Bản", ("Hội hữu nghị Việt Nam - Nhật Bản tỉnh Hòa Bình",), "Hòa Bình", None),
    ("Hội hữu nghị Việt Nam - Lào", ("Hội Hữu nghị Việt - Lào Sơn La", "Hội hữu nghị Việt Nam - Lào"), "Sơn La", None),
    # ... but not when the names place it in two localities, nor through another kind of body
    ("Hội hữu nghị Việt Nam - Lào", ("Hội hữu nghị Việt Nam - Lào tỉnh Sơn La", "Hội hữu nghị Việt Nam - Lào tỉnh Điện Biên"), None, "hhn-vn-lao"),
    ("Hội hữu nghị Việt Nam - Lào", ("Liên hiệp các tổ chức hữu nghị tỉnh Sơn La",), None, "hhn-vn-lao"),
]


@pytest.mark.parametrize(("name", "aliases", "where", "registry_id"), IDENTITIES, ids=[f"{n} {a}" for n, a, _, _ in IDENTITIES])
def test_identity_of_a_record(name: str, aliases: tuple[str, ...], where: str | None, registry_id: str | None) -> None:
    ident = org_identity(name, aliases)
    assert (ident.locality.name if ident.locality else None, ident.registry_id) == (where, registry_id)


def test_diacritics_are_part_of_the_identity() -> None:
    assert name_identity("Ủy ban nhân dân xã Hà Long").key != name_identity("Ủy ban nhân dân xã Hạ Long").key


# ------------------------------------------------------------------ which records of one name are one person

P = PersonInfo


CLUSTERS = [
    # (what, records, expected clusters as lists of indexes)
    ("a shared body ties", [P(ref=(0, 0), source="a", orgs=frozenset({"o"})), P(ref=(1, 0), source="b", orgs=frozenset({"o"}))], [(0, 1)]),
    ("one province ties", [P(ref=(0, 0), source="a", places=frozenset({"p:x"})), P(ref=(1, 0), source="b", places=frozenset({"p:x"}))], [(0, 1)]),
    ("two provinces part", [P(ref=(0, 0), source="a", places=frozenset({"p:x"})), P(ref=(1, 0), source="b", places=frozenset({"p:y"}))], [(0,), (1,)]),
    (
        "nothing to tell them apart: one",
        [P(ref=(0, 0), source="a", places=frozenset({"p:x"})), P(ref=(1, 0), source="b"), P(ref=(2, 0), source="c")],
        [(0, 1, 2)],
    ),
    (
        "an unplaced record joins the person of its article's province",
        [
            P(ref=(0, 0), source="a", places=frozenset({"p:x"})),
            P(ref=(1, 0), source="b", places=frozenset({"p:y"})),
            P(ref=(2, 0), source="c", article_place="p:y"),
        ],
        [(0,), (1, 2)],
    ),
    (
        "... or of an article a few days apart",
        [
            P(ref=(0, 0), source="a", places=frozenset({"p:x"}), day=datetime.date(2023, 1, 1)),
            P(ref=(1, 0), source="b", places=frozenset({"p:y"}), day=datetime.date(2024, 5, 1)),
            P(ref=(2, 0), source="c", day=datetime.date(2024, 5, 9)),
        ],
        [(0,), (1, 2)],
    ),
    (
        "... and stays apart when nothing says which",
        [
            P(ref=(0, 0), source="a", places=frozenset({"p:x"})),
            P(ref=(1, 0), source="b", places=frozenset({"p:y"})),
            P(ref=(2, 0), source="c"),
        ],
        [(0,), (1,), (2,)],
    ),
    (
        "different written names never join by evidence",
        [P(ref=(0, 0), source="a", orgs=frozenset({"o"}), group="hà"), P(ref=(1, 0), source="b", orgs=frozenset({"o"}), group="hạ")],
        [(0,), (1,)],
    ),
]


@pytest.mark.parametrize(("what", "records", "expected"), CLUSTERS, ids=[w for w, _, _ in CLUSTERS])
def test_clusters(what: str, records: list[PersonInfo], expected: list[tuple[int, ...]]) -> None:
    assert [c.members for c in cluster(records)] == expected, what


def test_an_override_tie_joins_even_different_names() -> None:
    records = [P(ref=(0, 0), source="a", group="hà"), P(ref=(1, 0), source="b", group="hạ")]
    (only,) = cluster(records, ties=[(0, 1, "merge1")])
    assert only.members == (0, 1) and only.ties[0].kind == "override"


def test_same_name_people_of_two_provinces_in_a_corpus() -> None:
    def art(source: str, province: str) -> ArticleSummary:
        union = Organisation(id="o", name=f"Liên hiệp các tổ chức hữu nghị tỉnh {province}", kind=OrganisationKind.FRIENDSHIP_UNION)
        chair = Person(id="p", name="Nguyễn Văn An", positions=(Position(title="Chủ tịch", organisation=union.name),))
        return ArticleSummary(source=source, published=PartialDate(year=2023, month=5, day=2), organisations=(union,), people=(chair,))

    corpus = Corpus([art("a.txt", "Lạng Sơn"), art("b.txt", "Cà Mau"), art("c.txt", "Lạng Sơn")])
    people = corpus.people(name="Nguyễn Văn An")
    assert sorted(p.sources for p in people) == [("a.txt", "c.txt"), ("b.txt",)]
    assert sorted(p.id for p in people) == ["person:nguyen-van-an~ca-mau", "person:nguyen-van-an~lang-son"]
    assert corpus.person("Nguyễn Văn An") is None
    assert corpus.person("Nguyễn Văn An", locality="Cà Mau").sources == ("b.txt",)  # type: ignore[union-attr]
    why = corpus.why(("Nguyễn Văn An", "a.txt"), ("Nguyễn Văn An", "b.txt"))
    assert not why.same and "Lạng Sơn" in str(why) and "Cà Mau" in str(why)
    assert corpus.why(("Nguyễn Văn An", "a.txt"), ("Nguyễn Văn An", "c.txt")).same
