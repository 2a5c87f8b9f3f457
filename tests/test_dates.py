"""The date grammar, relative dates, publication date lines and the calendar work of years.

Every example is written for this test (none is copied from a corpus text).
"""

import datetime

import pytest

from dnnd import registry
from dnnd._find.dates import (
    dates_in,
    find_dateline,
    find_published,
    find_relative,
    near_anchor,
    resolve_year,
    year_after_period,
)
from dnnd.model import PartialDate

DATES = [
    # text, [(surface, date, end_date)]
    ("Sáng 3/4, hội thảo khai mạc.", [("3/4", "XXXX-04-03", None)]),
    ("Ngày 09.10.2021 đoàn lên đường.", [("09.10.2021", "2021-10-09", None)]),
    ("ngày 7 tháng 3 năm 1998", [("ngày 7 tháng 3 năm 1998", "1998-03-07", None)]),
    ("Tháng 11 năm 2020, Hội ra mắt.", [("Tháng 11 năm 2020", "2020-11", None)]),
    ("vào tháng 6/2023 tới", [("tháng 6/2023", "2023-06", None)]),
    ("Năm 2014, hai tỉnh kết nghĩa.", [("Năm 2014", "2014", None)]),
    ("Chủ tịch nước tiếp đoàn (2019)", [("(2019)", "2019", None)]),
    # ranges
    ("từ ngày 8 đến 11/3/2024", [("từ ngày 8 đến 11/3/2024", "2024-03-08", "2024-03-11")]),
    ("từ ngày 3 - 6.8", [("từ ngày 3 - 6.8", "XXXX-08-03", "XXXX-08-06")]),
    ("trong 2 ngày 14.9 và 15.9", [("ngày 14.9 và 15.9", "XXXX-09-14", "XXXX-09-15")]),
    ("hai ngày 30 và 31/10/2019", [("ngày 30 và 31/10/2019", "2019-10-30", "2019-10-31")]),
    ("hai ngày 8 -9/12", [("8 -9/12", "XXXX-12-08", "XXXX-12-09")]),
    ("từ 29/12 đến 3/1/2025", [("từ 29/12 đến 3/1/2025", "2024-12-29", "2025-01-03")]),
    ("từ ngày 28/12/2019 đến ngày 2/1/2020", [("từ ngày 28/12/2019 đến ngày 2/1/2020", "2019-12-28", "2020-01-02")]),
    ("từ ngày 30-12-1960 đến 02-01-1961", [("từ ngày 30-12-1960 đến 02-01-1961", "1960-12-30", "1961-01-02")]),
    ("từ 4.5.2019 tới 9.5.2019", [("từ 4.5.2019 tới 9.5.2019", "2019-05-04", "2019-05-09")]),
    # a range of numbers before a length of time or a count is no day and month
    ("thường mất 3-4 năm để hoàn thành", []),
    ("kéo dài 2-3 tuần", []),
    ("tăng 10-12% so với năm trước", []),
    ("mỗi năm 7-8 lần", []),
    ("Ngày 3-4 năm nay, đoàn đến.", [("3-4", "XXXX-04-03", None)]),
    # two dates, not a stretch
    ("ngày 4/5 và 18/5", [("4/5", "XXXX-05-04", None), ("18/5", "XXXX-05-18", None)]),
    # an anniversary span is two dates; no mention starts inside the first year
    ("(2/9/1945 - 2/9/2025)", [("2/9/1945", "1945-09-02", None), ("2/9/2025", "2025-09-02", None)]),
    ("(10/3/1980 – 10/3/2020)", [("10/3/1980", "1980-03-10", None), ("10/3/2020", "2020-03-10", None)]),
    # a term is no date
    ("nhiệm kỳ 2021 - 2026", []),
]


@pytest.mark.parametrize(("text", "expected"), DATES)
def test_date_forms(text, expected):
    from dnnd._text import normalise

    canon = normalise(text).canonical
    got = [
        (canon[d.start : d.end], d.date.iso, d.end_date.iso if d.end_date else None) for d in dates_in(canon)
    ]
    assert got == [(normalise(s).canonical, d, e) for s, d, e in expected]


@pytest.mark.parametrize("row", registry.time_of_day_words())
def test_every_time_of_day_row_is_read_before_a_date(row):
    data = next(t for t in registry._load("event_words.json")["time_of_day"] if t["word"] == row)
    assert data["examples"]
    for example in data["examples"]:
        found = list(dates_in(example))
        assert found and found[0].time_of_day == row, example


@pytest.mark.parametrize("row", registry.relative_dates(), ids=lambda r: r.words)
def test_every_relative_row_counts_from_the_article_date(row):
    assert row.examples
    for example in row.examples:
        day = datetime.date.fromisoformat(example["published"])
        found = list(find_relative(example["text"], 0, None, day))
        assert len(found) == 1, example
        assert found[0].date.iso == example["date"]
        assert (found[0].end_date.iso if found[0].end_date else None) == example.get("end_date")
        assert found[0].approximate == row.approximate
        assert found[0].time_of_day == row.time_of_day


@pytest.mark.parametrize("example", registry._load("event_words.json")["lunar_years"]["examples"], ids=lambda e: e["text"])
def test_a_year_after_its_name_in_the_sexagenary_cycle(example):
    [found] = dates_in(example["text"])
    assert found.date.iso == str(example["year"])


def test_a_cycle_name_that_does_not_fit_the_year_is_no_date():
    assert list(dates_in("Tết Giáp Thìn 2023")) == []  # 2023 is Quý Mão


PUBLISHED = [
    # a page's date line, the publication date it states
    ("09:15 | 03/02/2021 GMT+7", "2021-02-03"),
    ("Thứ Sáu, 05/03/2021 - 08:00", "2021-03-05"),
    ("Chủ nhật, 7/3/2021, 19:40 (GMT+7)", "2021-03-07"),
    ("11/11/2019 06:05 PM", "2019-11-11"),
    ("Cập nhật lúc: 12-12-2020", "2020-12-12"),
    ("[ Ngày đăng: 01/06/2018 10:01:02, lượt xem: 77 ]", "2018-06-01"),
    ("Post date: 14/02/2016", "2016-02-14"),
    ("Ngày ban hành | 30/09/2019 |", "2019-09-30"),
    ("08/08/2018", "2018-08-08"),
    ("Đà Nẵng, ngày 2 tháng 9 năm 2015", "2015-09-02"),
    ("date 2023-11", "2023-11"),
    ("date 2023-11-30", "2023-11-30"),
    # a zone other than Vietnam's: the day in Vietnam
    ("2021-03-31T20:00:00Z", "2021-04-01"),
    ("2021-03-31T20:00:00+07:00", "2021-03-31"),
    ("31/03/2021 20:00 GMT+0", "2021-04-01"),
    # sentences and citations are not date lines
    ("Ngày 9/6/2021, hội thảo đã diễn ra tại Huế.", None),
    ("theo Quyết định số 12/QĐ-UBND ngày 3 tháng 5 năm 2010", None),
]


@pytest.mark.parametrize(("line", "date"), PUBLISHED)
def test_publication_date_lines(line, date):
    found = find_published(line)
    assert (found[0].iso if found else None) == date


def test_a_document_dateline_further_down_the_head_dates_the_page():
    from dnnd import parse

    text = "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\n" + "|\n" * 10 + "Số: 12/KH-UBND\nLâm Đồng, ngày 4 tháng 5 năm 2020\nKẾ HOẠCH\nThực hiện công tác đối ngoại năm 2020."
    assert parse(text).published == PartialDate(year=2020, month=5, day=4)
    assert find_dateline("Căn cứ Luật ngày 4 tháng 5 năm 2020") is None


def test_a_month_header_takes_the_day_of_the_timestamp_after_the_headline():
    from dnnd import parse

    text = " date 2021-05 Hai tỉnh biên giới ký kết thỏa thuận hợp tác 06/05/2021 10:30\n\nNgày 5/5, hai tỉnh ký kết thỏa thuận.\n"
    article = parse(text)
    assert article.published == PartialDate(year=2021, month=5, day=6)
    assert article.title == "Hai tỉnh biên giới ký kết thỏa thuận hợp tác"


YEARS = [
    # resolve_year: the article's own date fixes the year; a later month is last year's
    (lambda: resolve_year(PartialDate(month=3, day=1), 2021, PartialDate(year=2021, month=3, day=5)), "2021-03-01"),
    (lambda: resolve_year(PartialDate(month=11, day=30), 2021, PartialDate(year=2021, month=1, day=10)), "2020-11-30"),
    (lambda: PartialDate(year=near_anchor(PartialDate(month=12, day=30), datetime.date(2021, 1, 4))), "2020"),
    (lambda: PartialDate(year=year_after_period(PartialDate(month=2, day=15), datetime.date(2020, 12, 31))), "2021"),
    (lambda: PartialDate(year=year_after_period(PartialDate(month=6, day=20), datetime.date(2019, 6, 30))), "2019"),
]


@pytest.mark.parametrize(("compute", "iso"), YEARS)
def test_the_calendar_work_of_years(compute, iso):
    assert compute().iso == iso


def test_a_day_far_from_any_anchor_keeps_no_year():
    assert near_anchor(PartialDate(month=8, day=1), datetime.date(2021, 1, 4)) is None
    assert year_after_period(PartialDate(month=5, day=1), datetime.date(2020, 12, 31)) is None
