"""Organisation mechanisms, one table per rule, on sentences written for the tests.

The grammar rows carry their own examples (``test_organisation_heads.py``);
these tables test what the rows share: where an open-class name ends, when
capitalisation is no evidence, generic references, organs, places of bare
units, merging within an article and the aliases a record may carry.
"""

from __future__ import annotations

from array import array

import pytest

import dnnd
from dnnd import registry
from dnnd.model import Organisation, OrganisationKind
from dnnd.normalise import name_key


def orgs(text: str) -> dict[str, dict]:  # type: ignore[type-arg]
    return {o["name"]: o for o in dnnd.to_record(dnnd.parse(text))["organisations"]}


# ------------------------------------------------------------ where an open-class name ends

BOUNDARIES = [
    # a lower-case verb
    ("Trung tâm Giao lưu Văn hóa Việt - Nhật tổ chức triển lãm ảnh.", "Trung tâm Giao lưu Văn hóa Việt - Nhật"),
    ("Viện Nghiên cứu Châu Phi và Trung Đông vừa công bố báo cáo.", "Viện Nghiên cứu Châu Phi và Trung Đông"),
    # a comma, a date, "tại"
    ("Học viện Báo chí và Tuyên truyền, Học viện Ngoại giao cùng tham gia.", "Học viện Báo chí và Tuyên truyền"),
    ("Trường Trung học cơ sở Lê Lợi ngày 5/9 khai giảng năm học mới.", "Trường Trung học cơ sở Lê Lợi"),
    ("Câu lạc bộ Hữu nghị Việt - Pháp tại Hải Phòng kỷ niệm 20 năm thành lập.", "Câu lạc bộ Hữu nghị Việt - Pháp"),
    # the common words of a part stay ("Cựu chiến binh", "Sư phạm Trung ương")
    ("Hội Khoa học Lịch sử tỉnh Bình Dương phối hợp tổ chức hội thảo.", "Hội Khoa học Lịch sử tỉnh Bình Dương"),
    ("Trường Cao đẳng Sư phạm Trung ương đã ký kết hợp tác.", "Trường Cao đẳng Sư phạm Trung ương"),
    # a person's name after the body belongs to the person
    ("Giám đốc Trung tâm Thông tin Đối ngoại Nguyễn Văn Bình cho biết như vậy.", "Trung tâm Thông tin Đối ngoại"),
    ("Viện trưởng Viện Nghiên cứu Trung Quốc Trần Thị Hoa phát biểu.", "Viện Nghiên cứu Trung Quốc"),
    # a proper name takes no lower-case word after it
    ("Trường Đại học Cần Thơ sẵn sàng hợp tác với các đối tác.", "Trường Đại học Cần Thơ"),
    ("Học viện Hải quân Nha Trang đón đoàn khách quốc tế.", "Học viện Hải quân Nha Trang"),
    # an acronym in brackets closes the whole name
    ("Hội Hỗ trợ người khuyết tật và trẻ mồ côi Việt Nam (VAVH) trao quà.", "Hội Hỗ trợ người khuyết tật và trẻ mồ côi Việt Nam"),
    ("Quỹ Bảo tồn thiên nhiên hoang dã (WWF) tài trợ dự án.", "Quỹ Bảo tồn thiên nhiên hoang dã"),
]


@pytest.mark.parametrize(("text", "name"), BOUNDARIES)
def test_an_open_class_name_ends_where_grammar_ends_it(text: str, name: str) -> None:
    assert name in orgs(text)


# ------------------------------------------------------------ capitalisation alone is weak evidence


@pytest.mark.parametrize(
    "text",
    [
        "Ông Lê Trường Giang phát biểu tại buổi lễ.",  # a head word inside a person's name
        "Bà Trường Thị Mai nhận bằng khen.",
        "HỘI NGHỊ TỔNG KẾT CÔNG TÁC ĐỐI NGOẠI NHÂN DÂN NĂM 2024",  # a heading in capitals
        "Hội Nghị Tổng Kết Công Tác Đối Ngoại Nhân Dân Năm Hai Nghìn",  # title case
        "Vụ trưởng Nguyễn Văn Hải dự buổi làm việc.",  # a title, not a department
        # a country alone where the name runs on in lower case: the name is not read
        "phối hợp với Ủy ban Việt Nam đoàn kết với nhân dân Cuba tổ chức mít tinh.",
        "Hội Việt Nam yêu chuộng hòa bình cử đại diện.",
        # one Vietnamese syllable is no country ("Việt nam" written in lower case)
        "làm việc với Lãnh sự quán Việt nam tại Nam Ninh.",
        "Đại sứ quán Nam tổ chức tiệc.",
    ],
)
def test_capitalisation_alone_names_no_body(text: str) -> None:
    assert orgs(text) == {}


LOWER_CASE_HEADS = [
    # a head in lower case after a title or a preposition
    ("Ông A, Trưởng ban Tuyên giáo Tỉnh ủy Lạng Sơn, phát biểu.", "Ban Tuyên giáo Tỉnh ủy Lạng Sơn"),
    ("bà B, Chủ tịch hội Hữu nghị Việt Nam - Lào tỉnh Hà Tĩnh, cho biết.", "Hội hữu nghị Việt Nam - Lào tỉnh Hà Tĩnh"),
    ("Đoàn đến thăm và tặng quà tại trường Tiểu học Hòa Bình.", "Trường Tiểu học Hòa Bình"),
    ("Ông C, Chủ tịch ủy ban MTTQ huyện Đông Anh, dự.", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Đông Anh"),
]


@pytest.mark.parametrize(("text", "name"), LOWER_CASE_HEADS)
def test_a_lower_case_head_counts_after_a_title_or_a_preposition(text: str, name: str) -> None:
    assert name in orgs(text)


def test_a_lower_case_head_elsewhere_is_a_common_word() -> None:
    assert orgs("Thị trường Việt Nam và môi trường Hà Nội đều được nhắc tới.") == {}


# ------------------------------------------------------------ generic references (the contract)


@pytest.mark.parametrize(
    "text",
    [
        "Thủ tướng Chính phủ đã phê duyệt Điều lệ của Hội.",
        "tác động tích cực đến Đảng, Chính phủ và nhân dân hai nước.",
        "cấp ủy, chính quyền, Mặt trận Tổ quốc và các đoàn thể cùng vào cuộc.",
        "UBND các cấp và MTTQ các cấp tham gia.",
        "đại diện các Hội hữu nghị Việt Nam - Nhật Bản địa phương.",
        "Trung tâm Văn hóa, Thông tin và Thể thao cấp huyện tuyên truyền rộng rãi.",
        "Đảng và Nhà nước luôn quan tâm; các hội hữu nghị và các tổ chức phi chính phủ cùng tham gia.",
    ],
)
def test_generic_references_name_no_body(text: str) -> None:
    assert orgs(text) == {}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Phó Thủ tướng Chính phủ Trần Văn Bảy dự hội nghị.", "Chính phủ"),
        ("Chính phủ ban hành Nghị định về quản lý viện trợ.", "Chính phủ"),
    ],
)
def test_the_government_named_as_a_body_counts(text: str, name: str) -> None:
    assert name in orgs(text)


# ------------------------------------------------------------ a body's organs

ORGANS_LISTED = [
    ("Ban Chấp hành Hội hữu nghị Việt Nam - Lào tỉnh Quảng Trị đã họp phiên thứ nhất.",
     "Ban Chấp hành Hội hữu nghị Việt Nam - Lào tỉnh Quảng Trị"),
    ("Thay mặt Ban Thường vụ Tỉnh ủy Cao Bằng, ông Hoàng Văn An phát biểu.", "Ban Thường vụ Tỉnh ủy Cao Bằng"),
    ("Ông Trần Văn An, Ủy viên Ban Thường vụ Tỉnh ủy Hà Nam, dự.", "Ban Thường vụ Tỉnh ủy Hà Nam"),
    ("Thay mặt Thường trực Tỉnh ủy Yên Bái, bà Lò Thị Mai tặng hoa.", "Thường trực Tỉnh ủy Yên Bái"),
]


@pytest.mark.parametrize(("text", "name"), ORGANS_LISTED)
def test_an_organ_that_acts_or_holds_a_post_is_listed(text: str, name: str) -> None:
    assert name in orgs(text)


ORGANS_NOT_LISTED = [
    ("Đại hội đã bầu Ban Chấp hành Hội hữu nghị Việt Nam - Lào tỉnh Quảng Trị gồm 21 ủy viên.",
     "Hội hữu nghị Việt Nam - Lào tỉnh Quảng Trị"),
    ("Đại hội bầu 25 Ủy viên Ban Chấp hành Hội Cựu chiến binh tỉnh Nam Định khóa mới.", "Hội Cựu chiến binh tỉnh Nam Định"),
    ("Các đại biểu chụp ảnh cùng Ban Chấp hành Hội hữu nghị Việt Nam - Cuba tỉnh Nghệ An.",
     "Hội hữu nghị Việt Nam - Cuba tỉnh Nghệ An"),
    ("Ông Lê Văn Ba, Phó Chủ tịch Thường trực Liên hiệp các tổ chức hữu nghị tỉnh Phú Yên, phát biểu.",
     "Liên hiệp các tổ chức hữu nghị tỉnh Phú Yên"),
]


@pytest.mark.parametrize(("text", "body"), ORGANS_NOT_LISTED)
def test_an_organ_elected_counted_or_in_a_title_is_not_listed_but_its_body_is(text: str, body: str) -> None:
    found = orgs(text)
    assert list(found) == [body]


def test_a_foreign_party_keeps_its_central_organs() -> None:
    found = orgs("ông A, Ủy viên Bộ Chính trị Đảng Nhân dân Cách mạng Lào, Chủ tịch Quốc hội Lào, dự.")
    assert {"Bộ Chính trị Đảng Nhân dân Cách mạng Lào", "Quốc hội Lào"} <= set(found)
    assert "Bộ Chính trị" not in found and "Quốc hội" not in found  # not Việt Nam's


# ------------------------------------------------------------ places of bare units

BARE_UNITS = [
    # the next explicit place in the phrase
    ("UBND tỉnh và Sở Ngoại vụ tỉnh Bắc Kạn phối hợp tổ chức.", "Ủy ban nhân dân tỉnh Bắc Kạn"),
    # the place named before it in the sentence
    ("Tại tỉnh Hòa Bình, Tỉnh ủy đã chỉ đạo triển khai.", "Tỉnh ủy Hòa Bình"),
    # a district's body takes a district, never the province
    ("Đoàn công tác đến huyện Bảo Lâm, tỉnh Cao Bằng. Chủ tịch UBND huyện phát biểu.", "Ủy ban nhân dân huyện Bảo Lâm"),
    ("Xã Tân Phú đón đoàn. Ông Lê Văn Tư, Chủ tịch Ủy ban MTTQ xã, cho biết.", "Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Phú"),
    ("Huyện Mường Tè, tỉnh Lai Châu tiếp đoàn. Huyện ủy đã giao nhiệm vụ.", "Huyện ủy Mường Tè"),
    # the one body of its head the article names with a place
    ("Huyện ủy Định Hóa tổ chức hội nghị. Lãnh đạo Huyện ủy, UBND huyện cùng dự.", "Huyện ủy Định Hóa"),
    ("Sở Ngoại vụ tỉnh Gia Lai chủ trì. Sở Ngoại vụ cũng đề nghị các đơn vị phối hợp.", "Sở Ngoại vụ tỉnh Gia Lai"),
]


@pytest.mark.parametrize(("text", "name"), BARE_UNITS)
def test_a_bare_unit_takes_the_place_of_its_level_the_text_makes_clear(text: str, name: str) -> None:
    assert name in orgs(text)


@pytest.mark.parametrize(
    "text",
    [
        "Lãnh đạo UBND huyện và Huyện ủy cùng dự buổi gặp mặt.",  # a district the article never names
        "Chủ tịch UBND xã phát biểu tại buổi lễ.",
    ],
)
def test_a_local_body_the_article_never_places_is_not_named(text: str) -> None:
    assert orgs(text) == {}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tại Đà Nẵng, Chủ tịch HĐND thành phố Trần Thọ phát biểu.", "Hội đồng nhân dân thành phố Đà Nẵng"),
        ("Ở Hải Phòng, Chủ tịch UBND thành phố Lê Văn Minh tiếp đoàn.", "Ủy ban nhân dân thành phố Hải Phòng"),
    ],
)
def test_a_name_after_a_titled_body_is_its_holder_not_its_place(text: str, name: str) -> None:
    assert list(orgs(text)) == [name]


def test_a_city_and_the_province_of_one_name_are_two_bodies() -> None:
    found = orgs("UBND tỉnh Lào Cai và UBND thành phố Lào Cai cùng dự.")
    assert {"Ủy ban nhân dân tỉnh Lào Cai", "Ủy ban nhân dân thành phố Lào Cai"} <= set(found)


# ------------------------------------------------------------ one body, its written names

MERGED = [
    ("Tỉnh đoàn Bokeo tiếp đoàn. Đoàn Thanh niên Nhân dân Cách mạng Lào tỉnh Bokeo cảm ơn.", 1),
    ("Tổ chức Viện trợ nhân dân Na Uy (NPA) ký biên bản. Dự án do Tổ chức NPA tài trợ.", 1),
    ("Hội Liên lạc với người Việt Nam ở nước ngoài tổ chức gặp mặt. Hội Liên lạc cũng trao quà.", 1),
    ("Hội hữu nghị Việt Nam - Hàn Quốc tỉnh Hà Nam tổ chức đại hội. Hội hữu nghị Việt - Hàn đã kết nạp hội viên.", 1),
    ("Ủy ban MTTQ tỉnh Sơn La và Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Sơn La là một.", 1),
]


@pytest.mark.parametrize(("text", "count"), MERGED)
def test_one_body_written_several_ways_is_one_record(text: str, count: int) -> None:
    assert len(orgs(text)) == count


@pytest.mark.parametrize(
    "text",
    [
        "Liên hiệp các tổ chức hữu nghị Bắc Giang và UBND tỉnh cùng Hội hữu nghị Việt - Nhật tỉnh Bắc Giang tham dự.",
        "Đại sứ quán các nước Lào, Campuchia và Thái Lan tại Hà Nội cử đại diện; Sở Ngoại vụ Hà Nam chủ trì.",
        "Tỉnh đoàn Hà Giang, Tổ chức Cứu trợ trẻ em Thụy Điển (SCS) và Ủy ban MTTQ tỉnh cùng phối hợp.",
    ],
)
def test_aliases_are_only_forms_the_text_writes_or_the_registry_holds(text: str) -> None:
    written = name_key(text)
    for org in dnnd.to_record(dnnd.parse(text))["organisations"]:
        reg = registry.organisation_by_name(org["name"])
        held = {name_key(n) for n in reg.names()} if reg else set()
        for alias in org["aliases"]:
            assert name_key(alias) in written or name_key(alias) in held, (org["name"], alias)


def test_a_bare_units_words_are_no_alias() -> None:
    (org,) = orgs("Chủ tịch UBND tỉnh Trần Văn A, tỉnh Vĩnh Long.").values()
    assert org["name"] == "Ủy ban nhân dân tỉnh Vĩnh Long"
    assert "UBND tỉnh" not in org["aliases"]


def test_a_mention_is_its_offsets_and_a_shared_form() -> None:
    import attrs

    from dnnd._find.organisations import OrgMention
    from dnnd.model import OrganisationKind

    head, kind = "Liên hiệp các tổ chức hữu nghị", OrganisationKind.FRIENDSHIP_UNION
    a = OrgMention(0, 9, head, kind, place="Bắc Giang", place_kind="tỉnh")
    b = OrgMention(40, 49, head, kind, place="Bắc Giang", place_kind="tỉnh")
    assert a.form is b.form and a != b and (a.head, a.place, a.place_kind, a.organ) == (head, "Bắc Giang", "tỉnh", None)
    moved = a.evolve(start=40, end=49)
    assert moved == b and hash(moved) == hash(b) and moved.form is b.form
    assert a.evolve(place=None).place is None and a.place == "Bắc Giang"  # a copy; the mention is unchanged
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.start = 3  # type: ignore[misc]
    with pytest.raises(TypeError, match="no field 'name'"):
        a.evolve(name="x")
    assert repr(a).startswith("OrgMention(start=0, end=9, head='Liên hiệp")


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ([(0, 0), (5, 1), (9, 0)], {0: 0, 5: 1, 9: 0}),
        ([(9, 0), (0, 1), (5, 0)], {0: 1, 5: 0, 9: 0}),  # in any order
        ([(5, 0), (5, 1), (7, 0)], {5: 1, 7: 0}),  # one start, two records: the one made last, as a dict filled in order
        ([(7, 1), (5, 1), (7, 0)], {5: 1, 7: 1}),
    ],
)
def test_records_by_mention_start_read_like_a_dict(pairs, expected) -> None:
    from dnnd._resolve import _OrgsAt

    records = [Organisation(id=f"org:{i}", name=str(i), kind=OrganisationKind.OTHER) for i in range(2)]
    at = _OrgsAt.of(pairs, records)
    assert dict(at) == {s: records[i] for s, i in expected.items()} and list(at) == sorted(expected)
    assert all(s in at and at[s] is records[i] and at.get(s) is records[i] for s, i in expected.items())
    assert 3 not in at and at.get(3) is None and "5" not in at
    with pytest.raises(KeyError):
        at[3]
    same = _OrgsAt.of_any(dict(reversed(list(dict(at).items()))))
    assert dict(same) == dict(at) and list(same) == list(at)
    columns = _OrgsAt.of_columns(array("q", [s for s, _ in pairs]), array("q", [i for _, i in pairs]), records)
    assert dict(columns) == dict(at) and list(columns) == list(at)  # the same mapping, from two arrays
    assert list(at.before(8)) == [at[s] for s in sorted(expected, reverse=True) if s < 8]
