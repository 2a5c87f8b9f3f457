"""Tests of the curated registry: the data files and the loader in dnnd.registry."""

from __future__ import annotations

import datetime
import itertools
import json
import unicodedata
from importlib.resources import files
from typing import Any

import pytest

from dnnd import registry
from dnnd.normalise import document_key, name_key

DATA_FILES = [
    "congresses.json",
    "countries.json",
    "document_types.json",
    "documents.json",
    "event_words.json",
    "organisations.json",
    "provinces.json",
    "surnames.json",
    "titles.json",
]


def load(name: str) -> Any:
    return json.loads(
        files("dnnd").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    )


def strings(obj: Any) -> list[str]:
    """Every string (keys and values) inside a JSON value."""
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, list):
        return [s for x in obj for s in strings(x)]
    if isinstance(obj, dict):
        return [s for k, v in obj.items() for s in [k, *strings(v)]]
    return []


def iso(value: str | None) -> None:
    if value is not None:
        datetime.date.fromisoformat(value)


# ---------------------------------------------------------------- all files


@pytest.mark.parametrize("name", DATA_FILES)
def test_file_is_canonically_formatted(name: str) -> None:
    raw = files("dnnd").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    again = (
        json.dumps(json.loads(raw), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    )
    assert raw == again


@pytest.mark.parametrize("name", DATA_FILES)
def test_file_text_is_nfc(name: str) -> None:
    bad = [s for s in strings(load(name)) if unicodedata.normalize("NFC", s) != s]
    assert bad == []


# ---------------------------------------------------------------- documents

DOC_KEYS = {
    "id": str, "number": str, "kind": str, "issuer": (str, type(None)),
    "issuer_code": (str, type(None)), "date": (str, type(None)), "title": (str, type(None)),
    "term": (str, type(None)), "aliases": list, "status": str, "note": (str, type(None)),
    "sources": list,
}  # fmt: skip


def test_documents_schema() -> None:
    for doc in load("documents.json"):
        assert set(doc) == set(DOC_KEYS), doc["id"]
        for key, typ in DOC_KEYS.items():
            assert isinstance(doc[key], typ), (doc["id"], key)
        assert doc["kind"] in registry.DOCUMENT_KINDS
        assert doc["status"] in registry.STATUSES
        iso(doc["date"])


def test_document_ids_and_identities_are_unique() -> None:
    docs = load("documents.json")
    assert len({d["id"] for d in docs}) == len(docs)
    identities = {
        (document_key(d["number"]), d["kind"], d["issuer"], d["date"]) for d in docs
    }
    assert len(identities) == len(docs)


@pytest.mark.parametrize(
    ("written", "kind", "issuer", "date"),
    [
        ("số 12-CT/TW", "directive", "Ban Bí thư Trung ương Đảng", "2022-01-05"),
        ("12-CT/TƯ", "directive", "Ban Bí thư Trung ương Đảng", "2022-01-05"),
        ("04 CT/TW", "directive", "Ban Bí thư Trung ương Đảng", "2011-07-06"),
        ("05-TT/TU", "circular", "Ban Thường vụ Thành ủy Hà Nội", "2022-05-23"),
        ("22-NQ/TW", "resolution", "Bộ Chính trị", "2013-04-10"),
        ("59-NQ/TW", "resolution", "Bộ Chính trị", "2025-01-24"),
        ("12-KL/TW", "conclusion", "Bộ Chính trị", "2021-08-12"),
        ("837/QĐ-TTg", "decision", "Thủ tướng Chính phủ", "2022-07-14"),
        ("28/2025/NĐ-CP", "decree", "Chính phủ", "2025-02-24"),
        ("45-CT/TW", "directive", "Bộ Chính trị", "2025-04-14"),
        ("45/CT-TU", "directive", "Ban Thường vụ Thành ủy Hà Nội", "2025-08-08"),
        ("60-NQ/TW", "resolution", "Ban Chấp hành Trung ương Đảng", "2025-04-12"),
    ],
)
def test_find_document(written: str, kind: str, issuer: str, date: str) -> None:
    (doc,) = registry.find_document(written, kind)
    assert doc.issuer == issuer
    assert doc.date == datetime.date.fromisoformat(date)


def test_same_number_different_type_or_issuer() -> None:
    assert registry.find_document("12-CT/TW") != registry.find_document("12-KL/TW")
    assert registry.find_document("45-CT/TW")[0].issuer_code == "TW"
    assert registry.find_document("45-CT/TU")[0].issuer_code == "TU"


def test_unverified_numbers_are_left_out() -> None:
    assert registry.find_document("204-TB/TW") == ()
    assert registry.find_document("80/2020/NĐ-CP") == ()


# ---------------------------------------------------------------- numbers


def test_every_citation_example_names_its_document() -> None:
    examples = load("document_types.json")["examples"]
    assert examples
    for example in examples:
        assert document_key(example["text"]) == document_key(example["number"]), example


def test_document_types() -> None:
    data = load("document_types.json")
    for t in data["types"]:
        assert t["kind"] in registry.DOCUMENT_KINDS, t
    words = {t.word: t.kind for t in registry.document_types()}
    assert words["Thông tri"] == words["Thông tư"] == "circular"
    assert words["Hướng dẫn"] == words["Công văn"] == "other"
    assert registry.issuer_codes()["TTg"] == "Thủ tướng Chính phủ"


# ---------------------------------------------------------------- congresses

ROMAN = [
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
]


def test_national_congresses_i_to_xiv_once_each() -> None:
    congresses = registry.national_congresses()
    assert [c.ordinal for c in congresses] == list(range(1, 15))
    assert [c.roman for c in congresses] == ROMAN
    for c in congresses:
        assert c.status in registry.STATUSES
        assert c.party_body == "Đảng Cộng sản Việt Nam"
        if c.start and c.end:
            assert c.start <= c.end and c.year == c.start.year
        if c.term:
            first, last = c.term.split("-")
            assert int(first) == c.year and int(last) > int(first)


@pytest.mark.parametrize(
    ("ordinal", "term", "status"),
    [
        (13, "2021-2026", "verified"),
        (12, "2016-2021", "verified"),
        (14, "2026-2031", "partial"),
    ],
)
def test_national_congress(ordinal: int, term: str, status: str) -> None:
    congress = registry.national_congress(ordinal)
    assert congress is not None
    assert (congress.term, congress.status) == (term, status)


def test_unknown_congress() -> None:
    assert registry.national_congress(15) is None


@pytest.mark.parametrize(
    ("scope", "ordinal", "term"),
    [
        ("Hà Nội", 17, "2020-2025"),
        ("TP Hà Nội", 18, "2025-2030"),
        ("tỉnh Bắc Giang", 19, "2020-2025"),
    ],
)
def test_local_congress(scope: str, ordinal: int, term: str) -> None:
    (congress,) = [c for c in registry.local_congresses(scope) if c.ordinal == ordinal]
    assert congress.term == term


# ---------------------------------------------------------------- organisations

ORG_KEYS = {
    "id": str, "name": str, "abbreviation": (str, type(None)), "aliases": list, "kind": str,
    "locality": (str, type(None)), "english": (str, type(None)), "status": str,
    "sources": list, "note": (str, type(None)),
}  # fmt: skip


def test_organisations_schema() -> None:
    orgs = load("organisations.json")
    assert len({o["id"] for o in orgs}) == len(orgs)
    for org in orgs:
        assert set(org) == set(ORG_KEYS), org["id"]
        for key, typ in ORG_KEYS.items():
            assert isinstance(org[key], typ), (org["id"], key)
        assert org["kind"] in registry.ORGANISATION_KINDS
        assert org["status"] in registry.STATUSES


def test_no_name_is_claimed_by_two_organisations() -> None:
    owner: dict[str, str] = {}
    for org in registry.organisations():
        for name in set(map(name_key, org.names())):
            assert name not in owner, (name, owner.get(name), org.id)
            owner[name] = org.id


@pytest.mark.parametrize(
    "bare", ["Liên hiệp", "Mặt trận", "Đảng", "Nhà nước", "Hội hữu nghị"]
)
def test_generic_words_are_not_organisations(bare: str) -> None:
    assert registry.organisation_by_name(bare) is None


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("VUFO", "Liên hiệp các tổ chức hữu nghị Việt Nam"),
        (
            "Liên hiệp Các tổ chức hữu nghị Việt Nam",
            "Liên hiệp các tổ chức hữu nghị Việt Nam",
        ),
        ("LHHN", "Liên hiệp các tổ chức hữu nghị Việt Nam"),
        ("Liên hiệp CTCHN Việt Nam", "Liên hiệp các tổ chức hữu nghị Việt Nam"),
        (
            "Vietnam Union of Friendship Organizations",
            "Liên hiệp các tổ chức hữu nghị Việt Nam",
        ),
        ("HAUFO", "Liên hiệp các tổ chức hữu nghị thành phố Hà Nội"),
        (
            "Liên hiệp các tổ chức hữu nghị TP Hà Nội",
            "Liên hiệp các tổ chức hữu nghị thành phố Hà Nội",
        ),
        ("HUFO", "Liên hiệp các tổ chức hữu nghị thành phố Hồ Chí Minh"),
        ("UBTƯ MTTQ Việt Nam", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"),
        ("Uỷ ban TW MTTQ Việt Nam", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"),
        ("Ủy ban MTTQ TP. Hà Nội", "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội"),
        ("MTTQ", "Mặt trận Tổ quốc Việt Nam"),
        ("Ban Bí thư TW Đảng", "Ban Bí thư Trung ương Đảng"),
        ("Ban Bí thư T.Ư", "Ban Bí thư Trung ương Đảng"),
        ("BCH TW", "Ban Chấp hành Trung ương Đảng"),
        ("Ban Đối ngoại TW", "Ban Đối ngoại Trung ương"),
        ("Hội đồng Hòa bình Thế giới", "Hội đồng Hòa bình thế giới"),
        ("WPC", "Hội đồng Hòa bình thế giới"),
        ("ASEAN", "Hiệp hội các quốc gia Đông Nam Á"),
        ("Hội hữu nghị Việt Nam – Cuba", "Hội hữu nghị Việt Nam - Cu Ba"),
        (
            "Hội Hữu nghị Việt Nam-Bulgari TP Hà Nội",
            "Hội hữu nghị Việt Nam - Bulgaria thành phố Hà Nội",
        ),
        ("CAFIU", "Hội Giao lưu quốc tế Trung Quốc"),
    ],
)
def test_organisation_by_name(written: str, canonical: str) -> None:
    org = registry.organisation_by_name(written)
    assert org is not None
    assert org.name == canonical


def test_wrong_vufo_name_is_not_an_alias() -> None:
    assert registry.organisation_by_name("Liên hiệp các Hội hữu nghị Việt Nam") is None


# ---------------------------------------------------------------- provinces

CUTOVER = datetime.date(2025, 7, 1)
DAY_BEFORE = datetime.date(2025, 6, 30)


def test_province_records() -> None:
    for unit in load("provinces.json")["units"]:
        assert unit["type"] in {"tỉnh", "thành phố"}
        assert unit["status"] in registry.STATUSES
        iso(unit["valid_from"])
        iso(unit["valid_to"])


def test_63_old_and_34_new_units() -> None:
    old = [u for u in registry.provinces() if u.exists_on(DAY_BEFORE)]
    new = [u for u in registry.provinces() if u.exists_on(CUTOVER)]
    assert len(old) == len({u.name for u in old}) == 63
    assert len(new) == len({u.name for u in new}) == 34
    assert sum(u.type == "thành phố" for u in new) == 6


def test_mergers_add_up() -> None:
    old = [u for u in registry.provinces() if u.exists_on(DAY_BEFORE)]
    new = {u.name: u for u in registry.provinces() if u.exists_on(CUTOVER)}
    merged = [u for u in old if u.merged_into is not None]
    unchanged = [u for u in old if u.valid_to is None]
    assert (len(unchanged), len(merged)) == (11, 52)
    for unit in merged:
        assert unit.merged_into in new, unit.name
        assert unit.name in new[unit.merged_into].merged_from
    formed = [u for u in new.values() if u.merged_from]
    assert len(formed) == 23
    assert sum(len(u.merged_from) for u in formed) == 52


@pytest.mark.parametrize(
    ("written", "on", "expected"),
    [
        ("Bắc Giang", datetime.date(2022, 7, 20), "Bắc Giang"),
        ("tỉnh Bắc Giang", datetime.date(2025, 8, 1), "Bắc Ninh"),
        ("Bắc Giang", None, "Bắc Giang"),
        ("Hải Dương", datetime.date(2025, 9, 1), "Hải Phòng"),
        ("Thanh Hoá", datetime.date(2022, 7, 20), "Thanh Hóa"),
        ("Thanh Hoá", datetime.date(2026, 1, 1), "Thanh Hóa"),
        ("Hoà Bình", None, "Hòa Bình"),
        ("Khánh Hoà", CUTOVER, "Khánh Hòa"),
        ("TP.HCM", None, "Thành phố Hồ Chí Minh"),
        ("TPHCM", datetime.date(2021, 1, 1), "Thành phố Hồ Chí Minh"),
        ("Thành phố Hồ Chí Minh", None, "Thành phố Hồ Chí Minh"),
        ("Bà Rịa – Vũng Tàu", CUTOVER, "Thành phố Hồ Chí Minh"),
        ("Đắc Lắc", None, "Đắk Lắk"),
        ("Thừa Thiên Huế", datetime.date(2025, 3, 1), "Huế"),
        ("Huế", datetime.date(2024, 6, 1), "Thừa Thiên Huế"),
        ("TP Huế", None, "Huế"),
        ("TP. Hà Nội", None, "Hà Nội"),
        ("Kiên Giang", CUTOVER, "An Giang"),
        ("Atlantis", None, None),
    ],
)
def test_province(written: str, on: datetime.date | None, expected: str | None) -> None:
    unit = registry.province(written, on=on)
    assert (unit.name if unit else None) == expected
    if unit is not None and on is not None:
        assert unit.exists_on(on)


def test_new_unit_of_an_old_name_depends_on_date() -> None:
    before = registry.province("Bắc Ninh", on=DAY_BEFORE)
    after = registry.province("Bắc Ninh", on=CUTOVER)
    assert before is not None and after is not None
    assert before.merged_into == "Bắc Ninh" and after.merged_from == (
        "Bắc Ninh",
        "Bắc Giang",
    )


# ---------------------------------------------------------------- vocabulary


def test_titles_are_longest_first_and_cover_the_contract() -> None:
    titles = registry.titles()
    assert list(titles) == sorted(titles, key=lambda t: (-len(t), t))
    for title in ["Phó Chủ tịch Thường trực", "Phó Chủ tịch", "Chủ tịch", "Tổng Bí thư", "Trưởng ban",
                  "Tổng Thư ký", "Ủy viên", "Đại sứ", "Tổng Lãnh sự", "Trưởng đoàn", "Hiệu trưởng"]:  # fmt: skip
        assert title in titles
    assert titles.index("Phó Chủ tịch Thường trực") < titles.index("Phó Chủ tịch")
    assert titles.index("Phó Chủ tịch") < titles.index("Chủ tịch")
    # The contract splits these into a title and an organisation.
    for whole in ["Thường trực Ban Bí thư", "Trưởng Ban Kiểm tra", "Chủ tịch Quốc hội"]:
        assert whole not in titles
    assert "đồng chí" in registry.honorifics()
    assert {"PGS", "TS", "NSND"} <= set(registry.degrees())
    assert "nguyên" in registry.former_markers()
    assert registry.acting_markers() == ("quyền",)
    assert not set(registry.former_markers()) & set(registry.acting_markers())


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("hội nghị", "conference"),
        ("tọa đàm", "seminar"),
        ("hội thảo", "seminar"),
        ("lễ kỷ niệm", "ceremony"),
        ("mít tinh", "ceremony"),
        ("đại hội", "congress"),
        ("hội kiến", "visit"),
        ("giao lưu", "exchange"),
        ("ký kết", "signing"),
    ],
)
def test_event_words(word: str, kind: str) -> None:
    assert {w.word: w.kind for w in registry.event_words()}[word] == kind


def test_event_word_kinds_and_time_of_day() -> None:
    kinds = set(load("event_words.json")["kinds"])
    assert {w.kind for w in registry.event_words()} <= kinds
    assert kinds <= {"conference", "seminar", "ceremony", "congress", "visit", "exchange",
                     "programme", "signing", "other"}  # fmt: skip
    assert {"sáng", "trưa", "chiều", "tối", "đêm", "rạng sáng"} <= set(registry.time_of_day_words())
    assert {"hôm nay", "hôm qua", "sáng nay", "chiều qua"} <= {r.words for r in registry.relative_dates()}


def test_surnames() -> None:
    names = registry.surnames()
    assert len(names) >= 120
    assert {"Nguyễn", "Trần", "Lê", "Phạm", "Đỗ", "Ngô", "Phùng", "Đôn", "Ung"} <= names
    assert all(" " not in n and n[0].isupper() for n in names)


def test_sino_vietnamese_surnames_add_to_the_vietnamese_ones() -> None:
    chinese = registry.sino_vietnamese_surnames()
    assert {"Tập", "Thôi", "Tưởng", "Âu Dương"} <= chinese
    assert not chinese & registry.surnames()  # the shared ones (Vương, Lý ...) are listed once
    assert all(w[0].isupper() for n in chinese for w in n.split())


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Mỹ", "Hoa Kỳ"),
        ("Liên bang Nga", "Nga"),
        ("Cu Ba", "Cuba"),
        ("Cu - Ba", "Cuba"),
        ("Bulgari", "Bulgaria"),
        ("Ô-xtrây-li-a", "Australia"),
        ("CHDCND Lào", "Lào"),
        ("Campuchia", "Campuchia"),
    ],
)
def test_country(written: str, canonical: str) -> None:
    found = registry.country(written)
    assert found is not None and found.name == canonical


def test_country_names_unique() -> None:
    seen: dict[str, str] = {}
    for c in registry.countries():
        assert c.status in registry.STATUSES
        for n in {name_key(x) for x in (c.name, *c.variants)}:
            assert n not in seen, (n, seen.get(n), c.name)
            seen[n] = c.name


# ---------------------------------------------------------------- cross-checks


def test_party_document_terms_match_congress_years() -> None:
    """A /TW document of khóa N is dated between congress N and congress N+1."""
    years = {c.roman: c.year for c in registry.national_congresses()}
    following = dict(itertools.pairwise(ROMAN))
    for doc in registry.documents():
        if doc.issuer_code != "TW" or doc.term is None or doc.date is None:
            continue
        start, end = years[doc.term], years.get(following.get(doc.term, ""))
        assert start is not None and start <= doc.date.year, doc.id
        assert end is None or doc.date.year <= end, doc.id


@pytest.mark.parametrize("name", ["documents.json", "organisations.json"])
def test_records_cite_sources_and_explain_doubts(name: str) -> None:
    for record in load(name):
        assert all(
            s.startswith("S") and s[1:].rstrip("b").isdigit() for s in record["sources"]
        )
        if record["status"] != "verified":
            assert record["note"], record["id"]
