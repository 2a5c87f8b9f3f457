"""Document citations and their dates, Party congress mentions: the forms, one row each.

Every example is written for this test (none is copied from a corpus text).
"""

import pytest

import dnnd


def _docs(text):
    return [(d.number, d.date.iso if d.date else None) for d in dnnd.parse(text).documents]


DOCUMENT_DATES = [
    # the date right after the number
    ("Thực hiện Kế hoạch số 31-KH/TU ngày 2/8/2021 của Tỉnh ủy,", [("31-KH/TU", "2021-08-02")]),
    # after the issuer: "của X ngày ...", "của X ký ngày ..."
    ("Chỉ thị số 45-CT/TU của Ban Thường vụ Tỉnh ủy ngày 2/3/2021 nêu rõ", [("45-CT/TU", "2021-03-02")]),
    ("theo Quyết định số 77/QĐ-UBND của Chủ tịch Ủy ban nhân dân tỉnh Hậu Giang ký ngày 9/9/2019.",
     [("77/QĐ-UBND", "2019-09-09")]),
    # before the citation: "Ngày X, tại Thông báo số ..."; "Ngày X, ... ban hành Quyết định số ..."
    ("Ngày 14-5-2009, tại Thông báo số 88-TB/TW, Ban Bí thư đã kết luận.", [("88-TB/TW", "2009-05-14")]),
    ("Ngày 1/10/2015, Ủy ban nhân dân tỉnh ban hành Quyết định số 902/QĐ-UBND.", [("902/QĐ-UBND", "2015-10-01")]),
    # a hard-wrapped text breaks the citation before "ngày"
    ("Căn cứ Thông tư số 03/2019/TT-BNV\nngày 14 tháng 5 năm 2019 của Bộ Nội vụ;", [("03/2019/TT-BNV", "2019-05-14")]),
    # the most precise of the dates the citations give
    ("Kế hoạch 22/KH-UBND năm 2021 được ban hành. Kế hoạch số 22/KH-UBND ngày 5/3/2021 gồm 4 phần.",
     [("22/KH-UBND", "2021-03-05")]),
    # a lower-case suffix of a State number
    ("Văn bản số 118/BNG-LS-a ngày 3 tháng 6 năm 2020 của Bộ Ngoại giao", [("118/BNG-LS-A", "2020-06-03")]),
    # a date further on belongs to something else
    ("Chỉ thị số 12-CT/TW được quán triệt tại hội nghị ngày 3/3/2022.", [("12-CT/TW", None)]),
]


SHORT_CITATIONS = [
    # a short number that the registry knows, with the date and issuer written after it, in either order
    ("Để triển khai Kết luận số 12, ngày 12/8/2021, của Bộ Chính trị, Hội đã họp.",
     [("12-KL/TW", "2021-08-12", "Bộ Chính trị")]),
    ("Các cấp hội quán triệt Chỉ thị 04 của Ban Bí thư ngày 6/7/2011 về đối ngoại nhân dân.",
     [("04-CT/TW", "2011-07-06", "Ban Bí thư Trung ương Đảng")]),
    # the date tells which of two documents of that number and type it is
    ("Đảng bộ quán triệt Chỉ thị số 45 ngày 14/4/2025 của Bộ Chính trị.", [("45-CT/TW", "2025-04-14", "Bộ Chính trị")]),
    ("Đảng bộ quán triệt Chỉ thị số 45 của Bộ Chính trị.", []),
]


SHARED_ISSUERS = [
    # one issuer after a list of citations is each one's, when their numbers carry its code
    ("Quán triệt Chỉ thị số 21-CT/TW ngày 3/3/2013, Kết luận số 80-KL/TW ngày 5/5/2014 của Ban Bí thư.",
     [("21-CT/TW", "Ban Bí thư Trung ương Đảng"), ("80-KL/TW", "Ban Bí thư Trung ương Đảng")]),
    ("theo Nghị định số 11/2015/NĐ-CP và Nghị định số 24/2018/NĐ-CP của Chính phủ",
     [("11/2015/NĐ-CP", "Chính phủ"), ("24/2018/NĐ-CP", "Chính phủ")]),
    # a number of another body's code keeps none
    ("Thực hiện Chỉ thị số 21-CT/TW, Quyết định số 35/QĐ-UBND của Ủy ban nhân dân tỉnh Bình Phước",
     [("21-CT/TW", None), ("35/QĐ-UBND", "Ủy ban nhân dân tỉnh Bình Phước")]),
]


@pytest.mark.parametrize(("text", "expected"), SHARED_ISSUERS)
def test_one_issuer_after_a_list_of_citations(text, expected):
    assert [(d.number, d.issuer) for d in dnnd.parse(text).documents] == expected


@pytest.mark.parametrize(("text", "expected"), SHORT_CITATIONS)
def test_a_short_citation_keeps_its_date_and_issuer(text, expected):
    got = [(d.number, d.date.iso if d.date else None, d.issuer) for d in dnnd.parse(text).documents]
    assert got == expected


@pytest.mark.parametrize(("text", "expected"), DOCUMENT_DATES)
def test_document_dates(text, expected):
    assert _docs(text) == expected


def test_a_document_that_is_the_text_takes_its_dateline():
    text = "ỦY BAN NHÂN DÂN TỈNH\nSố: 14/KH-UBND\nCà Mau, ngày 6 tháng 1 năm 2023\nKẾ HOẠCH\nCông tác đối ngoại năm 2023 (Kế hoạch 14/KH-UBND năm 2023)."
    assert _docs(text) == [("14/KH-UBND", "2023-01-06")]


def _congresses(text):
    return [(c.ordinal, c.scope) for c in dnnd.parse(text).congress_resolutions]


CONGRESSES = [
    ("Quán triệt Nghị quyết Đại hội XIV của Đảng,", [(14, "national")]),
    ("Thực hiện Văn kiện Đại hội XII, Hội đã ...", [(12, "national")]),
    ("Đại hội đại biểu toàn quốc lần thứ XI của Đảng (2011)", [(11, "national")]),
    ("Đại hội đại biểu toàn quốc lần thứ XIII, nhiệm kỳ 2021 - 2026, đã xác định", [(13, "national")]),
    # another body's congress, whatever words it shares with the Party's
    ("Đại hội đại biểu toàn quốc lần thứ V của Hội Chữ thập đỏ Việt Nam", []),
    ("Nhân dịp Đại hội đại biểu toàn quốc lần thứ IV, nhiệm kỳ 2022 - 2027, Hội được tặng bằng khen.", []),
    # a bare "Đại hội X" the same article gives to another body
    ("Hội tổng kết Đại hội VII. Các chương trình Đại hội lần thứ 7 của Mặt trận đã hoàn thành.", []),
]


@pytest.mark.parametrize(("text", "expected"), CONGRESSES)
def test_party_congress_mentions(text, expected):
    assert _congresses(text) == expected
