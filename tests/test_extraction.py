"""The extraction grammar, one row per way Vietnamese writes a thing.

Each row is an input sentence and what dnnd must read from it. Rows use
made-up but realistic sentences, not strings copied from one article.
"""

import pytest

import dnnd


def records(text):
    return dnnd.to_record(dnnd.parse(text))


# --------------------------------------------------------------- documents

DOCUMENTS = [
    # text, number, kind, date, issuer
    ("Thực hiện Chỉ thị số 12-CT/TW ngày 5/1/2022 của Ban Bí thư Trung ương Đảng về tăng cường đối ngoại nhân dân.",
     "12-CT/TW", "directive", "2022-01-05", "Ban Bí thư Trung ương Đảng"),
    ("Nghị định 80/2020/NĐ-CP quy định về viện trợ.", "80/2020/NĐ-CP", "decree", None, None),
    ("theo Quyết định số 1234/QĐ-TTg của Thủ tướng Chính phủ", "1234/QĐ-TTG", "decision", None, None),
    ("Nghị quyết số 05-NQ/TU của Tỉnh ủy Bắc Giang", "05-NQ/TU", "resolution", None, None),
    ("Thông tri 05-TT/TU của Thành ủy Hà Nội", "05-TT/TU", "circular", None, "Thành ủy Hà Nội"),
    ("quán triệt Chỉ thị 04 CT/TW ngày 6-7-2011", "04-CT/TW", "directive", "2011-07-06", None),
    ("Chỉ thị 12-CT/TƯ của Ban Bí thư", "12-CT/TƯ", "directive", None, "Ban Bí thư Trung ương Đảng"),
    ("Kết luận số 57-KL/TW ngày 15 tháng 6 năm 2023 của Bộ Chính trị", "57-KL/TW", "conclusion", "2023-06-15", "Bộ Chính trị"),
]


@pytest.mark.parametrize(("text", "number", "kind", "date", "issuer"), DOCUMENTS)
def test_document_citations(text, number, kind, date, issuer):
    (doc,) = records(text)["documents"]
    assert (doc["number"], doc["kind"], doc["date"]) == (number, kind, date)
    if issuer:
        assert doc["issuer"] == issuer


def test_a_short_form_is_the_full_citation_given_earlier():
    rec = records("Chỉ thị số 04-CT/TW ngày 6/7/2011 đã tạo chuyển biến. Sau 10 năm thực hiện Chỉ thị 04, ...")
    assert [d["number"] for d in rec["documents"]] == ["04-CT/TW"]


def test_a_short_form_alone_is_resolved_through_the_registry():
    rec = records("Các cấp ủy tiếp tục quán triệt Nghị quyết 59 về hội nhập quốc tế.")
    assert [d["number"] for d in rec["documents"]] == ["59-NQ/TW"]


# -------------------------------------------------------------- congresses

CONGRESSES = [
    ("Thực hiện Nghị quyết Đại hội XIII của Đảng,", 13, "national"),
    ("Đại hội đại biểu toàn quốc lần thứ XIII của Đảng đã xác định", 13, "national"),
    ("Văn kiện Đại hội XIII nhấn mạnh", 13, "national"),
    ("tinh thần Đại hội Đảng lần thứ 14", 14, "national"),
    ("Nghị quyết Đại hội XVII của Đảng bộ thành phố Hà Nội, nhiệm kỳ 2020-2025", 17, "Hà Nội"),
    ("Đại hội đại biểu Đảng bộ tỉnh Bắc Giang lần thứ XIX", 19, "Bắc Giang"),
]


@pytest.mark.parametrize(("text", "ordinal", "scope"), CONGRESSES)
def test_party_congresses(text, ordinal, scope):
    (c,) = records(text)["congress_resolutions"]
    assert (c["ordinal"], c["scope"]) == (ordinal, scope)


@pytest.mark.parametrize(
    "text",
    [
        "Đại hội lần thứ 22 Hội đồng Hòa bình thế giới diễn ra tại Hà Nội.",
        "Đại hội VI của Liên hiệp các tổ chức hữu nghị Việt Nam",
        "Ban Bí thư khóa XI đã ban hành",
        "Hội tổ chức Đại hội lần thứ IV, nhiệm kỳ 2025-2030.",
    ],
)
def test_other_bodies_congresses_and_terms_are_not_party_congresses(text):
    assert records(text)["congress_resolutions"] == []


# ----------------------------------------------------------- organisations

ORGANISATIONS = [
    ("Liên hiệp các tổ chức hữu nghị TP Hà Nội tổ chức hội nghị", "Liên hiệp các tổ chức hữu nghị thành phố Hà Nội"),
    ("Liên hiệp các tổ chức hữu nghị tỉnh Thanh Hoá", "Liên hiệp các tổ chức hữu nghị tỉnh Thanh Hóa"),
    ("Hội hữu nghị Việt Nam - Cuba TP Hà Nội", "Hội hữu nghị Việt Nam - Cuba thành phố Hà Nội"),
    ("Hội Hữu nghị Việt – Lào tỉnh Đồng Tháp", "Hội hữu nghị Việt Nam - Lào tỉnh Đồng Tháp"),
    ("Uỷ ban MTTQ Việt Nam tỉnh Quảng Ninh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Ninh"),
    ("UBND tỉnh Nghệ An", "Ủy ban nhân dân tỉnh Nghệ An"),
    ("Sở Ngoại vụ tỉnh Quảng Nam", "Sở Ngoại vụ tỉnh Quảng Nam"),
    ("Ban Thường vụ Tỉnh ủy Đồng Nai", "Ban Thường vụ Tỉnh ủy Đồng Nai"),
    ("Đại sứ quán Liên bang Nga tại Hà Nội", "Đại sứ quán Liên bang Nga tại Hà Nội"),
    ("Liên hiệp Các tổ chức hữu nghị Việt Nam (VUFO)", "Liên hiệp các tổ chức hữu nghị Việt Nam"),
    ("Ban Đối ngoại TW", "Ban Đối ngoại Trung ương"),
    ("Hội Cựu chiến binh TP Cần Thơ", "Hội Cựu chiến binh thành phố Cần Thơ"),
    ("Học viện Chính trị Quốc gia Hồ Chí Minh", "Học viện Chính trị Quốc gia Hồ Chí Minh"),
]


@pytest.mark.parametrize(("text", "name"), ORGANISATIONS)
def test_organisation_names_are_canonical(text, name):
    assert name in [o["name"] for o in records(text)["organisations"]]


def test_a_list_spreads_one_head_over_several_places():
    rec = records("Cụm thi đua gồm Liên hiệp các tổ chức hữu nghị các tỉnh: Bắc Giang, Bắc Ninh, Nghệ An.")
    names = {o["name"] for o in rec["organisations"]}
    assert {f"Liên hiệp các tổ chức hữu nghị tỉnh {p}" for p in ("Bắc Giang", "Bắc Ninh", "Nghệ An")} <= names


def test_a_bare_unit_takes_the_place_the_phrase_names():
    rec = records("Ông Trần Văn A - Chủ tịch Ủy ban MTTQ tỉnh, Chủ tịch Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang phát biểu.")
    assert "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bắc Giang" in [o["name"] for o in rec["organisations"]]


@pytest.mark.parametrize(
    "text",
    ["các hội hữu nghị và các tổ chức phi chính phủ", "Mặt trận các cấp", "Liên hiệp đã chủ động", "MTTQ các cấp"],
)
def test_generic_references_are_not_organisations(text):
    assert records(text)["organisations"] == []


# ------------------------------------------------------------------ people

PEOPLE = [
    ("Phó Chủ tịch Liên hiệp các tổ chức hữu nghị Việt Nam Nguyễn Văn Doanh phát biểu.",
     "Nguyễn Văn Doanh", [("Phó Chủ tịch", "Liên hiệp các tổ chức hữu nghị Việt Nam")]),
    ("ông Trần Công Thắng - Chủ tịch Ủy ban MTTQ tỉnh, Chủ tịch Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang",
     "Trần Công Thắng", [("Chủ tịch", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bắc Giang"),
                         ("Chủ tịch", "Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang")]),
    ("PGS. TS Nguyễn Viết Thảo, Chủ tịch Hội hữu nghị Việt Nam - Cuba TP Hà Nội cho rằng",
     "Nguyễn Viết Thảo", [("Chủ tịch", "Hội hữu nghị Việt Nam - Cuba thành phố Hà Nội")]),
    ("Đồng chí Lê Hoài Trung, Ủy viên Trung ương Đảng, Trưởng ban Đối ngoại Trung ương khẳng định",
     "Lê Hoài Trung", [("Ủy viên", "Ban Chấp hành Trung ương Đảng"), ("Trưởng ban", "Ban Đối ngoại Trung ương")]),
    ("ông Phan Anh Sơn, Phó Chủ tịch kiêm Tổng Thư ký Liên hiệp các tổ chức hữu nghị Việt Nam",
     "Phan Anh Sơn", [("Phó Chủ tịch", "Liên hiệp các tổ chức hữu nghị Việt Nam"),
                      ("Tổng Thư ký", "Liên hiệp các tổ chức hữu nghị Việt Nam")]),
    ("Đại sứ Hoa Kỳ tại Việt Nam Marc E. Knapper tham quan gian trưng bày.", "Marc E. Knapper", [("Đại sứ", None)]),
    ("bà Wong Chia Chiann - Tổng Lãnh sự Malaysia tham dự", "Wong Chia Chiann", [("Tổng Lãnh sự", None)]),
]


@pytest.mark.parametrize(("text", "name", "positions"), PEOPLE)
def test_people_and_their_positions(text, name, positions):
    people = {p["name"]: p for p in records(text)["people"]}
    assert name in people, people
    assert [(p["title"], p["organisation"]) for p in people[name]["positions"]] == positions


def test_a_misspelt_repeat_is_the_same_person():
    rec = records("PGS. TS Nguyễn Viết Thảo phát biểu. Theo PGS. TS Nguyễn Viêt Thảo, cần tăng cường hợp tác.")
    assert [p["name"] for p in rec["people"]] == ["Nguyễn Viết Thảo"]


def test_a_byline_is_not_a_person():
    rec = records("Hội nghị diễn ra sáng nay tại Hà Nội với nhiều ý kiến.\nHạnh Nguyên\n")
    assert rec["people"] == []


# ------------------------------------------------------------------ events

EVENTS = [
    # text, published line, date, end, kind
    ("Sáng 14/7, Liên hiệp các tổ chức hữu nghị TP Hà Nội tổ chức hội nghị sơ kết 6 tháng đầu năm 2022.",
     "2022-07-14", None, "conference"),
    ("Chiều 20/7/2022, tại Bắc Giang, Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang tổ chức tọa đàm “Giải pháp”.",
     "2022-07-20", None, "seminar"),
    ("Từ ngày 24 đến 29/5/2025, đoàn công tác thăm và làm việc tại Venezuela.", "2025-05-24", "2025-05-29", "visit"),
    ("Diễn ra từ ngày 21-26/11 tại Hà Nội, Đại hội lần thứ 22 Hội đồng Hòa bình thế giới khai mạc.",
     "XXXX-11-21", "XXXX-11-26", "congress"),
    ("Chương trình “Đoàn kết chống dịch” được triển khai từ tháng 9-2021.", "2021-09", None, "programme"),
]


@pytest.mark.parametrize(("text", "date", "end", "kind"), EVENTS)
def test_events_with_resolved_dates(text, date, end, kind):
    events = records(text)["events"]
    assert [(e["date"], e["end_date"], e["kind"]) for e in events] == [(date, end, kind)]


def test_the_publication_date_fixes_the_year_of_sang_nay():
    text = "Hội nghị tổng kết\n22:12 | 20/07/2022 GMT+7\nSáng nay, Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang tổ chức hội nghị tổng kết.\n"
    assert [e["date"] for e in records(text)["events"]] == ["2022-07-20"]


def test_anniversary_spans_and_terms_are_not_events():
    text = "Kỷ niệm 70 năm Ngày truyền thống (17/11/1950-17/11/2020), nhiệm kỳ 2020-2025."
    assert records(text)["events"] == []


def test_a_number_at_the_end_of_a_sentence_keeps_no_full_stop():
    rec = records("Các cấp ủy quán triệt Chỉ thị số 12-CT/TW. Sau đó, Chỉ thị 12-CT/T.Ư được triển khai.")
    assert [d["number"] for d in rec["documents"]] == ["12-CT/TW"]
