"""Where names start and end, and which posts they hold: one row per way Vietnamese writes it.

Made-up sentences in the style of the corpus, none copied from it. The
grammar rows themselves (titles, honorifics, verbs) are tested from their
own examples in ``test_people_grammar.py``.
"""

import pytest

import dnnd


def people(text):
    return {p["name"]: [(q["title"], q["organisation"]) for q in p["positions"]] for p in dnnd.to_record(dnnd.parse(text))["people"]}


# ------------------------------------------------------------ name boundaries

WHOLE_NAMES = [
    # a given name that is also a word of a title or a body is still a given name
    ("Đồng chí Trần Văn Tổng, Bí thư Tỉnh ủy Nam Định, phát biểu.", "Trần Văn Tổng"),
    ("Bà Lê Thị Liên - Chủ tịch Hội hữu nghị Việt Nam - Lào tỉnh Hà Nam cho biết.", "Lê Thị Liên"),
    ("Ông Phạm Đại Nghĩa, Phó Chủ tịch Ủy ban nhân dân tỉnh Hòa Bình, dự lễ.", "Phạm Đại Nghĩa"),
    ("Chị Hoàng Thị Trung Anh, hội viên Hội hữu nghị, kể lại.", "Hoàng Thị Trung Anh"),
    # a hyphen glued to the title after the name
    ("ông Phạm Văn Hải- Giám đốc Sở Ngoại vụ tỉnh Hà Nam cho biết", "Phạm Văn Hải"),
    ("Đại tá Vũ Minh Lâu-Ủy viên Ban Thường vụ Tỉnh ủy Gia Lai dự lễ.", "Vũ Minh Lâu"),
    # four syllables
    ("Bà Nguyễn Thị Thu Hằng, Phó Giám đốc Sở Ngoại vụ tỉnh Hà Tĩnh, báo cáo.", "Nguyễn Thị Thu Hằng"),
    # a title straight after the name ends it
    ("Đồng chí Lê Minh Tuấn Phó Chủ tịch Ủy ban nhân dân tỉnh Yên Bái dự lễ.", "Lê Minh Tuấn"),
    # two spaces inside a name
    ("Thứ trưởng Ngô Thanh  Hải phát biểu.", "Ngô Thanh Hải"),
]


@pytest.mark.parametrize(("text", "name"), WHOLE_NAMES)
def test_a_name_ends_where_what_follows_cannot_be_part_of_it(text, name):
    assert name in people(text)


NOT_PEOPLE = [
    # fragments of organisation names
    ("Đại hội bầu Ban Chấp hành Hội gồm 25 ủy viên.", set()),
    ("Tỉnh Đoàn Sơn La và Tỉnh Đoàn Hủa Phăn ký kết biên bản ghi nhớ.", set()),
    ("Vụ trưởng Vụ Đông Nam Á cho biết tình hình khu vực.", set()),
    ("Giám đốc Sở Ngoại vụ cho biết, năm nay tỉnh đón nhiều đoàn.", set()),
    # places
    ("Tổng Lãnh sự Hàn Quốc tại TP. Hồ Chí Minh dự lễ.", set()),
    ("Ủy ban nhân dân tỉnh Bà Rịa-Vũng Tàu tổ chức lễ bế mạc.", set()),
    ("Đoàn do ông Tôn Kiến Quốc, Bí thư Tỉnh ủy Cam Túc, làm Trưởng đoàn.", {"Tôn Kiến Quốc"}),
    ("ông Sổm-phon Khăm-xay, Tỉnh trưởng Luông Nặm Thà, phát biểu.", {"Sổm-phon Khăm-xay"}),
    # a Vietnamese name with nothing around it names a street or a school
    ("Trường THPT Lê Quý Đôn nằm trên đường Nguyễn Văn Linh.", set()),
]


@pytest.mark.parametrize(("text", "names"), NOT_PEOPLE)
def test_bodies_places_and_streets_are_not_people(text, names):
    assert set(people(text)) == names


# ------------------------------------------------------------- foreign names

FOREIGN = [
    ("bà Xổm-xạ-vạt Lệng-xạ-vắt, Phó Chủ tịch Quốc hội Lào, thăm tỉnh.", "Xổm-xạ-vạt Lệng-xạ-vắt"),
    ("đồng chí Bun Thoong Chít Ma Ny, Ủy viên Bộ Chính trị Đảng Nhân dân Cách mạng Lào, tiếp đoàn.", "Bun Thoong Chít Ma Ny"),
    ("đồng chí Thôi Kiến Hoa, Phó Bí thư Huyện ủy, phát biểu.", "Thôi Kiến Hoa"),
    ("Tổng Bí thư, Chủ tịch Trung Quốc Tập Cận Bình tiếp đoàn.", "Tập Cận Bình"),
    ("Đại sứ Anh tại Việt Nam Iain J.Frew dự lễ.", "Iain J.Frew"),
    ("Đại sứ Philippines, ngài Jose R. Santos phát biểu.", "Jose R. Santos"),
    ("bà Kim Min-ji - Tổng Lãnh sự Hàn Quốc tại Đà Nẵng tham dự.", "Kim Min-ji"),
    ("ngài S'bong Sarin, Chủ tịch Hội Chữ thập đỏ tỉnh Takeo, phát biểu.", "S'bong Sarin"),
    ("Phát biểu tại lễ, ông Luiz da Silva cảm ơn các nhà tài trợ.", "Luiz da Silva"),
    ("Cựu binh Mỹ-John Doyle trở lại Quảng Trị.", "John Doyle"),
]


@pytest.mark.parametrize(("text", "name"), FOREIGN)
def test_foreign_names_after_a_title_or_an_honorific(text, name):
    assert name in people(text)


# ---------------------------------------------------------------- positions

POSITIONS = [
    # several posts in one apposition, a comma or "kiêm" between them
    ("ông Hà Văn Quang, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh Lào Cai, phát biểu.",
     "Hà Văn Quang", [("Ủy viên", "Ban Thường vụ Tỉnh ủy Lào Cai"), ("Phó Chủ tịch Thường trực", "Ủy ban nhân dân tỉnh Lào Cai")]),
    ("Bà Vũ Thị Hạnh, Phó Chủ tịch kiêm Tổng Thư ký Liên hiệp các tổ chức hữu nghị tỉnh Nam Định, báo cáo.",
     "Vũ Thị Hạnh", [("Phó Chủ tịch", "Liên hiệp các tổ chức hữu nghị tỉnh Nam Định"),
                     ("Tổng Thư ký", "Liên hiệp các tổ chức hữu nghị tỉnh Nam Định")]),
    # titles before the name, named with a body
    ("Bí thư Tỉnh ủy, Chủ tịch Hội đồng nhân dân tỉnh Bắc Ninh Đào Văn Hùng dự lễ.",
     "Đào Văn Hùng", [("Bí thư", "Tỉnh ủy Bắc Ninh"), ("Chủ tịch", "Hội đồng nhân dân tỉnh Bắc Ninh")]),
    # a ministry named without "Bộ"
    ("Thứ trưởng Ngoại giao Lê Hoài Nam, Chủ nhiệm Ủy ban Nhà nước về người Việt Nam ở nước ngoài, phát biểu.",
     "Lê Hoài Nam", [("Thứ trưởng", "Bộ Ngoại giao"), ("Chủ nhiệm", "Ủy ban Nhà nước về người Việt Nam ở nước ngoài")]),
    # head of a delegation, by a verb, with no body
    ("Đoàn do ông Lò Văn Pâng, Phó Chủ tịch Liên hiệp các tổ chức hữu nghị tỉnh Sơn La làm trưởng đoàn.",
     "Lò Văn Pâng", [("Phó Chủ tịch", "Liên hiệp các tổ chức hữu nghị tỉnh Sơn La"), ("Trưởng đoàn", None)]),
    ("Đoàn của tỉnh do Bí thư Tỉnh ủy Quảng Trị Trần Văn Lâm làm Trưởng đoàn.",
     "Trần Văn Lâm", [("Bí thư", "Tỉnh ủy Quảng Trị"), ("Trưởng đoàn", None)]),
    # a post given by a verb after the titles the person already holds
    ("Ông Đinh Văn Khải, Phó Chủ tịch Ủy ban nhân dân tỉnh Thái Bình tiếp tục được bầu làm Chủ tịch Hội hữu nghị Việt Nam - Lào tỉnh Thái Bình.",
     "Đinh Văn Khải", [("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Thái Bình"), ("Chủ tịch", "Hội hữu nghị Việt Nam - Lào tỉnh Thái Bình")]),
    # a bare head noun points back at the body the article named
    ("Hội hữu nghị Việt Nam - Cuba tỉnh Hưng Yên tổ chức Đại hội. Ông Lý Văn Tài được bầu làm Chủ tịch Hội.",
     "Lý Văn Tài", [("Chủ tịch", "Hội hữu nghị Việt Nam - Cuba tỉnh Hưng Yên")]),
    ("Hội hữu nghị Việt Nam - Nga tỉnh Ninh Bình tổ chức Đại hội. Bà Cao Thị Nụ, Chủ tịch Hội, phát biểu.",
     "Cao Thị Nụ", [("Chủ tịch", "Hội hữu nghị Việt Nam - Nga tỉnh Ninh Bình")]),
    ("Liên hiệp các tổ chức hữu nghị tỉnh Phú Thọ tổ chức Đại hội khóa IV, bầu ông Hà Văn Lộc làm Chủ tịch.",
     "Hà Văn Lộc", [("Chủ tịch", "Liên hiệp các tổ chức hữu nghị tỉnh Phú Thọ")]),
    # "nguyên" is dropped, "quyền" kept
    ("Ông Bùi Văn Tám, nguyên Bí thư Tỉnh ủy Hà Nam, dự lễ.", "Bùi Văn Tám", [("Bí thư", "Tỉnh ủy Hà Nam")]),
    # a body after the chain belongs to the titles that have none
    ("ông Đỗ Văn Hiền, Phó Tổng Thư ký, Liên hiệp các tổ chức hữu nghị Việt Nam, phát biểu.",
     "Đỗ Văn Hiền", [("Phó Tổng Thư ký", "Liên hiệp các tổ chức hữu nghị Việt Nam")]),
]


@pytest.mark.parametrize(("text", "name", "positions"), POSITIONS)
def test_positions(text, name, positions):
    assert people(text)[name] == positions


def test_a_chain_between_two_names_is_split_at_its_last_comma():
    got = people(
        "Tham dự có ông Nguyễn Văn An, Chủ tịch Ủy ban nhân dân tỉnh Hà Nam, Đại sứ Việt Nam tại Lào Trần Văn Bình"
        " và bà Lê Thị Cúc - Chủ tịch Liên hiệp các tổ chức hữu nghị tỉnh Hà Nam."
    )
    assert got["Nguyễn Văn An"] == [("Chủ tịch", "Ủy ban nhân dân tỉnh Hà Nam")]
    assert got["Trần Văn Bình"] == [("Đại sứ", None)]
    assert got["Lê Thị Cúc"] == [("Chủ tịch", "Liên hiệp các tổ chức hữu nghị tỉnh Hà Nam")]


def test_a_list_of_people_each_with_their_titles():
    got = people(
        "Dự có đồng chí Lê Văn Hai - Phó Bí thư Tỉnh ủy Hà Nam, đồng chí Trần Thị Ba - Phó Chủ tịch Ủy ban nhân dân tỉnh Hà Nam."
    )
    assert got == {
        "Lê Văn Hai": [("Phó Bí thư", "Tỉnh ủy Hà Nam")],
        "Trần Thị Ba": [("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Hà Nam")],
    }


UNKNOWN_BODIES = [
    # the title names a body the organisation step does not read: no guess, but the chain goes on
    ("Ông Mai Văn Khoa, Vụ trưởng Vụ Đông Nam Á, Bộ Ngoại giao, phát biểu.", "Mai Văn Khoa", []),
    ("do đồng chí Sa Văn Pó, Phó Bí thư Huyện ủy Mường Tè, Chủ tịch Ủy ban nhân dân tỉnh Lai Châu làm trưởng đoàn.",
     "Sa Văn Pó", [("Chủ tịch", "Ủy ban nhân dân tỉnh Lai Châu"), ("Trưởng đoàn", None)]),
    # a foreign party is not the registry's "Ban Chấp hành Trung ương Đảng"
    ("đồng chí Vương Kiến Quân, Ủy viên Trung ương Đảng Cộng sản Trung Quốc, Bí thư Khu ủy Tây Tạng, phát biểu.",
     "Vương Kiến Quân", []),
    # an unnamed association ("Hội" of nothing the article names) gives no position
    ("Bà Lò Thị Mai, Phó Chủ tịch Hội dẫn đầu đoàn.", "Lò Thị Mai", []),
    # several people's title
    ("Phó Chủ tịch Ủy ban nhân dân tỉnh Bình Phước Lê Văn Năm, Phó Tỉnh trưởng 3 tỉnh bạn cùng dự.",
     "Lê Văn Năm", [("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Bình Phước")]),
]


@pytest.mark.parametrize(("text", "name", "positions"), UNKNOWN_BODIES)
def test_a_body_the_text_names_but_nobody_read_is_unknown_not_absent(text, name, positions):
    assert people(text)[name] == positions


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a foreign name spelt two ways in one article is one person
        ("Đồng chí Khăm-xay Phômmavông, Phó Chủ tịch Quốc hội Lào, tiếp đoàn. Ông Khăm-xay Phommavông cảm ơn tỉnh.",
         ["Khăm-xay Phômmavông"]),
        ("ông Sisavath Keobounphanh phát biểu. Ông Sisavat Keobounphan nhấn mạnh quan hệ hai nước.", ["Sisavath Keobounphanh"]),
        # Vietnamese given names one letter apart are two people
        ("Ông Lê Văn Thi, Chủ tịch Liên hiệp các tổ chức hữu nghị tỉnh Nam Định, và ông Lê Văn Thu phát biểu.",
         ["Lê Văn Thi", "Lê Văn Thu"]),
    ],
)
def test_spelling_variants_of_one_foreign_name_are_one_person(text, names):
    assert sorted(people(text)) == sorted(names)


FOREIGNERS = [
    # a foreigner's posts in a Party or State body are in their own country's
    ("đồng chí Sổm-sạ-vạt Lêng-xạ-vắt, Ủy viên Bộ Chính trị, Phó Thủ tướng Chính phủ Lào, tiếp đoàn.",
     "Sổm-sạ-vạt Lêng-xạ-vắt", []),
    ("ông Khamla Vongsa, Bí thư Tỉnh ủy, Tỉnh trưởng tỉnh Xiêng Khoảng, dự tiệc.", "Khamla Vongsa", [("Tỉnh trưởng", None)]),
    # a Vietnamese name whose family name the registry lacks is still Vietnamese
    ("đồng chí Đầu Văn Lực, Tỉnh ủy viên, Phó Chủ tịch Ủy ban nhân dân tỉnh Nghệ An, dự lễ.",
     "Đầu Văn Lực", [("Ủy viên", "Tỉnh ủy Nghệ An"), ("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Nghệ An")]),
    ("Đoàn do đồng chí Y Khoa Niê, Phó Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk làm trưởng đoàn.",
     "Y Khoa Niê", [("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Đắk Lắk"), ("Trưởng đoàn", None)]),
]


@pytest.mark.parametrize(("text", "name", "positions"), FOREIGNERS)
def test_foreigners_hold_no_posts_in_vietnamese_party_or_state_bodies(text, name, positions):
    assert people(text)[name] == positions


@pytest.mark.parametrize(
    ("text", "name", "positions"),
    [
        ("bà Hà Thị Lụa, Ủy viên BTV Tỉnh ủy Phú Thọ, Phó Chủ tịch HĐND tỉnh, phát biểu.",
         "Hà Thị Lụa", [("Ủy viên", "Ban Thường vụ Tỉnh ủy Phú Thọ"), ("Phó Chủ tịch", "Hội đồng nhân dân tỉnh Phú Thọ")]),
        ("Đ/c Lê Quang Hòa - UVBTV, Trưởng Ban Tuyên giáo Tỉnh ủy Quảng Bình phát biểu.",
         "Lê Quang Hòa", [("Ủy viên", "Ban Thường vụ Tỉnh ủy Quảng Bình"), ("Trưởng ban", "Ban Tuyên giáo Tỉnh ủy Quảng Bình")]),
    ],
)
def test_organs_written_short(text, name, positions):
    assert people(text)[name] == positions


@pytest.mark.parametrize(
    ("text", "name", "positions"),
    [
        # a foreign name opening a clause, with its apposition and no honorific
        ("Tham dự có Kusaka Masatoshi, Tổng Lãnh sự Nhật Bản tại TP Hồ Chí Minh.", "Kusaka Masatoshi", [("Tổng Lãnh sự", None)]),
        ("Souphanh Keomixay - Phó Chủ tịch Quốc hội Lào - dự lễ.", "Souphanh Keomixay", []),
        # a title in lower case after the name, vouched for by the body after it
        ("bà Lê Thị Hoa, giám đốc Sở Ngoại vụ tỉnh Hà Nam, phát biểu.", "Lê Thị Hoa", [("Giám đốc", "Sở Ngoại vụ tỉnh Hà Nam")]),
    ],
)
def test_appositions_without_honorific_or_capital(text, name, positions):
    assert people(text)[name] == positions


def test_a_lower_case_title_without_a_body_is_no_post():
    assert people("ông Trần Văn Bảo, chủ tịch nói thêm.")["Trần Văn Bảo"] == []


def test_a_post_by_verb_after_the_address_of_the_body():
    got = people("Đoàn do ông Hồ Văn Tâm, Phó Chủ tịch Ủy ban nhân dân xã Lộc Hưng, huyện Trảng Bàng làm Trưởng đoàn.")
    assert ("Trưởng đoàn", None) in got["Hồ Văn Tâm"]
