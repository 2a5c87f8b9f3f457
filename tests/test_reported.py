"""Reported or mentioned: the grammar rules, each on forms written for this test, and a table read off the texts."""

from __future__ import annotations

import pytest

import dnnd
from conftest import CORPORA as CORPUS
from dnnd._reported import EventFacts, classify
from dnnd.model import PartialDate


def facts(text: str, written: str, noun: str, date: str, end: str | None = None) -> EventFacts:
    """The classifier's view of one event: *written* is its date as the text writes it, *noun* its event word."""
    start, noun_start = text.index(written), text.index(noun)
    return EventFacts(
        start=start,
        end=start + len(written),
        noun_start=noun_start,
        noun_end=noun_start + len(noun),
        date=PartialDate.from_iso(date),
        end_date=PartialDate.from_iso(end) if end else None,
    )


def one(text: str, written: str, noun: str, date: str, published: str | None = None) -> bool:
    pub = PartialDate.from_iso(published) if published else None
    return classify(text, [facts(text, written, noun, date)], pub)[0]


# ------------------------------------------------------------------ the rules, one by one

REPORTED, MENTIONED = True, False

RULES = [
    # (rule, text, date as written, event word, resolved date, article date, expected)
    # the news itself, in the forms leads use
    ("news lead", "Sáng 14/7, Hội hữu nghị tỉnh A tổ chức hội nghị tổng kết.", "14/7", "hội nghị", "2023-07-14", "2023-07-15", REPORTED),
    ("news lead", "Ngày 3-9, tại Hà Nội, Liên hiệp đã tổ chức lễ kỷ niệm.", "3-9", "lễ kỷ niệm", "2021-09-03", None, REPORTED),
    # anniversary span: two years in the parentheses
    ("anniversary span", "Hội tổ chức mít tinh kỷ niệm 40 năm Ngày thành lập Hội (12/3/1983 - 12/3/2023).", "12/3/1983", "mít tinh", "1983-03-12", "2023-03-10", MENTIONED),
    ("anniversary span", "Buổi gặp mặt nhân 30 năm quan hệ ngoại giao hai nước (1992 - 2022) diễn ra ấm cúng.", "1992", "gặp mặt", "1992", None, MENTIONED),
    # named day: a yearless date in parentheses after the name of a day
    ("named day", "Nhân dịp Ngày Quốc khánh nước bạn (2/9), hai bên giao lưu văn nghệ.", "2/9", "giao lưu", "XXXX-09-02", None, MENTIONED),
    ("named day", "Hội gặp mặt kỷ niệm Ngày Chiến thắng (30/4) tại trụ sở.", "30/4", "gặp mặt", "XXXX-04-30", None, MENTIONED),
    # a date glossing "sáng nay" is the article's day; one glossing "ngày mai" is a plan
    ("deictic now", "Lễ khánh thành trường học đã diễn ra sáng nay (12-5) tại xã B.", "12-5", "Lễ khánh thành", "XXXX-05-12", None, REPORTED),
    ("deictic now", "Hội nghị sơ kết được tổ chức hôm qua (8/6) tại trụ sở Ủy ban.", "8/6", "Hội nghị", "XXXX-06-08", None, REPORTED),
    ("deictic next", "Ngày mai (9/6), đoàn đại biểu tỉnh sẽ sang thăm nước bạn.", "9/6", "thăm", "XXXX-06-09", None, MENTIONED),
    ("deictic next", "Chiều mai (15/10), Hội tổ chức tọa đàm về hợp tác.", "15/10", "tọa đàm", "XXXX-10-15", None, MENTIONED),
    # plans
    ("plan", "Hội nghị toàn quốc sẽ diễn ra từ ngày 5/9/2024 tại Đà Nẵng.", "5/9/2024", "Hội nghị", "2024-09-05", None, MENTIONED),
    ("plan", "Thời gian dự kiến tổ chức hội thảo là cuối tháng 11/2021.", "tháng 11/2021", "hội thảo", "2021-11", None, MENTIONED),
    ("plan", "Vào ngày 20/8 tới, Liên hiệp tổ chức đại hội lần thứ V.", "20/8", "đại hội", "XXXX-08-20", None, MENTIONED),
    ("plan", "Đại hội lần thứ năm diễn ra ngày 2/12 dự kiến có 300 đại biểu dự.", "2/12", "Đại hội", "XXXX-12-02", None, MENTIONED),
    # a duration ("trong 3 năm tới") and a plan word after "đã" in another clause are no plan
    ("not a plan", "Chiều 4/1, Hội đã tổ chức Đại hội nhiệm kỳ mới để bầu Ban Chấp hành lãnh đạo Hội trong 3 năm tới.", "4/1", "Đại hội", "XXXX-01-04", None, REPORTED),
    ("not a plan", "Ngày 7/3, Hội đã tổ chức hội nghị, các đại biểu sẽ tiếp tục thảo luận vào năm sau.", "7/3", "hội nghị", "XXXX-03-07", None, REPORTED),
    # a date after the article's own date is still to come
    ("after the article", "Hội thảo quốc tế về hợp tác nhân dân diễn ra ngày 25/6/2024 tại Huế.", "25/6/2024", "Hội thảo", "2024-06-25", "2024-06-20", MENTIONED),
    ("after the article", "Lễ ký kết thỏa thuận hợp tác tổ chức vào tháng 12/2022 tại Hà Nội.", "tháng 12/2022", "Lễ ký kết", "2022-12", "2022-10-02", MENTIONED),
    # an attribute of a body: when it was founded, how long ago
    ("attribute", "Hội được thành lập ngày 15/4/2021 theo quyết định của tỉnh.", "15/4/2021", "thành lập", "2021-04-15", "2022-03-01", MENTIONED),
    ("attribute", "Cách đây 20 năm, ngày 6/6/2003, hai tỉnh ký kết thỏa thuận hợp tác.", "6/6/2003", "ký kết", "2003-06-06", None, MENTIONED),
    # history: a date that writes its year, well before the article's date
    ("history", "Năm 2009, Việt Nam gia nhập hiệp hội và tham dự hội nghị thường niên.", "Năm 2009", "hội nghị", "2009", "2021-06-04", MENTIONED),
    ("history", "Ngày 2/10/2015, Hội tổ chức Đại hội lần thứ nhất.", "2/10/2015", "Đại hội", "2015-10-02", "2023-05-01", MENTIONED),
    # ... but a date whose year the text leaves out is never history by its year
    ("year left out", "Ngày 4/11, Ủy ban tổ chức hội nghị ký kết chương trình năm 2012.", "4/11", "hội nghị", "2012-11-04", "2017-11-05", REPORTED),
    ("year left out", "Sáng 9-9, tại tỉnh C, Hội tổ chức hội thảo.", "9-9", "hội thảo", "2019-09-09", "2023-01-01", REPORTED),
]


@pytest.mark.parametrize(("rule", "text", "written", "noun", "date", "published", "expected"), RULES)
def test_rule(rule: str, text: str, written: str, noun: str, date: str, published: str | None, expected: bool) -> None:
    assert one(text, written, noun, date, published) is expected, rule


@pytest.mark.parametrize(
    "text",
    [
        # an undated article is as recent as the years it writes in the past tense (2016 here) ...
        "Ông nhấn mạnh, ngày 21/9/1978 hai nước ký hiệp định. Năm 2016, Hội thành lập và đến nay có 500 hội viên.",
        # ... or as its latest dated news (2019-05-10 here)
        "Ngày 10/5/2019, Hội tổ chức Đại hội. Trước đó, ngày 21/9/1978 hai nước ký hiệp định.",
    ],
)
def test_an_undated_article_dates_itself_by_its_past_years(text: str) -> None:
    old = facts(text, "21/9/1978", "ký", "1978-09-21")
    assert classify(text, [old], None) == [MENTIONED]


def test_a_term_end_or_a_target_year_does_not_date_the_article() -> None:
    text = "Ngày 5/3/2021, Hội tổ chức Đại hội nhiệm kỳ 2021-2026, phấn đấu đến năm 2030 có 1.000 hội viên."
    assert classify(text, [facts(text, "5/3/2021", "Đại hội", "2021-03-05")], None) == [REPORTED]


def test_the_parser_sets_the_flag_and_the_record_carries_it() -> None:
    text = (
        "Sáng 22/7/2020, Liên hiệp các tổ chức hữu nghị tỉnh Nghệ An tổ chức họp mặt kỷ niệm 67 năm "
        "Ngày tấn công trại lính (26/7/1953 - 26/7/2020).\n"
        "Hội nghị tổng kết của Liên hiệp sẽ diễn ra ngày 5/8/2020 tại Vinh."
    )
    art = dnnd.parse(text)
    flags = {e.date.iso: e.reported for e in art.events}
    assert flags.get("2020-07-22") is True
    assert flags.get("2020-08-05") is False
    assert all(ev["reported"] == flags[ev["date"]] for ev in dnnd.to_record(art)["events"])


def test_old_event_records_load_as_reported() -> None:
    data = {"id": "event:1", "kind": "conference", "date": "2022-07-14"}
    assert dnnd.converter.structure(data, dnnd.model.Event).reported is True


# ------------------------------------------------------------------ a table read off dev and dev2

#: (article, a snippet of its text, the date as written in the snippet, what happens, reported or mentioned),
#: each decided by reading the article
LABELLED = [
    ("dev002.txt", "được thành lập ngày 20 tháng 8 năm 1999", "ngày 20 tháng 8 năm 1999", "founding", MENTIONED),
    ("dev002.txt", "Ngày 18 tháng 7 năm 2011, Hội đã tổ chức", "Ngày 18 tháng 7 năm 2011", "congress", MENTIONED),
    # the profile page's latest fact: still background, not news
    ("dev002.txt", "Ngày 10/5/2022, Hội Hữu nghị", "10/5/2022", "congress", MENTIONED),
    ("dev002.txt", "Ngày Quốc khánh: 02/12/1975", "02/12/1975", "national day", MENTIONED),
    ("dev003.txt", "Sáng 26/12, Hội hữu nghị", "26/12", "congress", REPORTED),
    ("dev004.txt", "Sáng nay, Hội hữu nghị", "Sáng nay", "congress", REPORTED),
    ("dev007.txt", "huyện Kinh Môn, tháng 4/2019", "tháng 4/2019", "handover in the half-year reviewed", REPORTED),
    ("dev008.txt", "đầu tháng 10/2022 tại Hà Nội", "tháng 10/2022", "planned conference", MENTIONED),
    ("dev010.txt", "Diễn ra từ ngày 21-26/11 tại Hà Nội", "21-26/11", "assembly announced ahead", MENTIONED),
    ("dev011.txt", "ngày 21/9/1973 Nhật Bản", "21/9/1973", "relations established", MENTIONED),
    ("dev012.txt", "Ngày 26/2/1993, UBND tỉnh", "26/2/1993", "founding decision", MENTIONED),
    ("dev016.txt", "Sáng 25/11, Hội liên lạc", "25/11", "conference", REPORTED),
    ("dev018.txt", "Sáng 22/7, Liên hiệp", "22/7", "anniversary meeting", REPORTED),
    ("dev018.txt", "(26/7/1953-26/72020)", "26/7/1953", "Moncada attack", MENTIONED),
    ("dev019.txt", "lần thứ hai, tháng 2-2019", "tháng 2-2019", "summit in the year reviewed", REPORTED),
    ("dev020.txt", "Ngày 29/10/2021, Liên hiệp", "29/10/2021", "congress", REPORTED),
    ("dev021.txt", "Ngày 19-11, tại Trung tâm", "19-11", "congress", REPORTED),
    ("dev023.txt", "Sáng ngày 30/11, tại Cửa khẩu", "30/11", "send-off", REPORTED),
    ("dev023.txt", "(28/11 đến 30/11)", "28/11 đến 30/11", "visit", REPORTED),
    ("dev024.txt", "Trung tuần tháng 8/2022", "tháng 8/2022", "exchange", REPORTED),
    ("dev025.txt", "Ngày 10-8, Hội Cựu Chiến", "10-8", "signing", REPORTED),
    ("dev026.txt", "tổ chức, ngày 23/8/2025", "23/8/2025", "exchange (caption)", REPORTED),
    ("dev028.txt", "vào 02 ngày 11 và 12/11/2022", "11 và 12/11/2022", "festival", REPORTED),
    ("dev029.txt", "Ngày 26/12, Hội hữu nghị", "26/12", "congress", REPORTED),
    ("dev030.txt", "tại Hà Nội ngày 20/3/2024", "20/3/2024", "training conference", REPORTED),
    ("a009.txt", "Ngày 8/12, tại TPHCM", "8/12", "congress", REPORTED),
    ("a011.txt", "Sáng 10-5, Hội hữu nghị", "10-5", "congress", REPORTED),
    ("a013.txt", "Ngày 5.4, Tỉnh đoàn", "5.4", "youth delegation's trip", REPORTED),
    ("a015.txt", "Chiều 2-7, tại TP Đà Nẵng", "2-7", "ceremony", REPORTED),
    ("a016.txt", "chiều ngày 27/11/2025", "27/11/2025", "reception", REPORTED),
    ("a019.txt", "Ngày 25/03, tại Hà Nội", "25/03", "press conference", REPORTED),
    ("a019.txt", "vào ngày 28/3/2015", "28/3/2015", "congress to come", MENTIONED),
    ("a023.txt", "Sáng 28/12, Hội hữu nghị", "28/12", "congress", REPORTED),
    ("a024.txt", "Sáng 19/6, Hội hữu nghị", "19/6", "congress", REPORTED),
    ("a024.txt", "Quốc khánh Cu Ba (01/01)", "01/01", "national day", MENTIONED),
    ("a024.txt", "Moncada (26/7)", "26/7", "Moncada day", MENTIONED),
    ("a027.txt", "chiều 22-7, Đoàn công tác", "22-7", "courtesy visit", REPORTED),
    ("a030.txt", "Ngày 11/7, tại Hà Nội", "11/7", "rally", REPORTED),
    ("a030.txt", "(12/7/1976 - 12/7/2011)", "12/7/1976 - 12/7/2011", "relations established", MENTIONED),
    ("a031.txt", "sáng nay (29-5)", "29-5", "inauguration", REPORTED),
    ("a032.txt", "Ngày 28/11, Trung tâm", "28/11", "groundbreaking", REPORTED),
    ("a033.txt", "Ngày 23-8, Hội hữu nghị", "23-8", "congress", REPORTED),
    ("a034.txt", "Ngày 5/8, Hội hữu nghị", "5/8", "congress", REPORTED),
    ("a036.txt", "trong 2 ngày 25.6 và 26.6", "25.6", "visit", REPORTED),
    ("a036.txt", "25.6 và 26.6, Đoàn", "26.6", "visit", REPORTED),
    ("a037.txt", "Tối 29/1, Đoàn đại biểu", "29/1", "delegation leaves", REPORTED),
    ("a037.txt", "Ngày mai (30/1)", "30/1", "delegation to leave", MENTIONED),
    ("a040.txt", "Sáng 5-2, đoàn đại biểu", "5-2", "visit", REPORTED),
    ("a044.txt", "Ngày 14/4, Tỉnh đoàn", "14/4", "meeting", REPORTED),
    ("a046.txt", "Ngày 23/8, tại tỉnh Sóc", "23/8", "founding congress", REPORTED),
    ("a047.txt", "từ ngày 17-21/2 tại các tỉnh", "17-21/2", "visit", REPORTED),
    ("a052.txt", "Ngày 27/10, tại Hà Nội", "27/10", "meeting", REPORTED),
    ("a052.txt", "(28/10/1918 – 28/10/2022)", "28/10/1918 – 28/10/2022", "national day", MENTIONED),
    ("a052.txt", "(10/1/1997 - 10/1/2022)", "10/1/1997 - 10/1/2022", "founding", MENTIONED),
    ("a058.txt", "Ngày 13/12, tại thành phố", "13/12", "conference", REPORTED),
    ("a059.txt", "Ngày 2-4, Bí thư", "2-4", "visit", REPORTED),
    ("b005.txt", "Ngày 26/9, tại Hà Nội", "26/9", "conference", REPORTED),
    ("b006.txt", "Ngày 23/8 tại Hà Nội", "23/8", "conference", REPORTED),
    ("b007.txt", "Ngày 17-11-1950, Chủ tịch", "17-11-1950", "letter to the 1950 conference", MENTIONED),
    ("b008.txt", "thế giới năm 1949", "năm 1949", "founding congress of the WPC", MENTIONED),
    ("b008.txt", "Ngày 17/11/1950, Chủ tịch", "17/11/1950", "letter to the 1950 congress", MENTIONED),
    ("b008.txt", "(khai mạc vào ngày 19/11/1950)", "19/11/1950", "1950 congress opens", MENTIONED),
    ("b010.txt", "Ngày 2/7, Hội đồng tư vấn", "2/7", "review meeting", REPORTED),
    ("b011.txt", "Sáng 7-1, tại Hà Nội", "7-1", "review conference", REPORTED),
    ("b012.txt", "Ngày 4/11, Ủy ban MTTQ", "4/11", "signing conference", REPORTED),
    ("b018.txt", "Ngày 23/03/2021, Thủ tướng", "23/03/2021", "charter approved", REPORTED),
    ("b018.txt", "thông qua ngày 05/12/2019", "05/12/2019", "congress that adopted it", MENTIONED),
    ("b022.txt", "Ngày 23-12, tại Hà Nội", "23-12", "review conference", REPORTED),
    ("b033.txt", "sẽ diễn ra từ ngày 18-20/7/2023", "18-20/7/2023", "conference to come", MENTIONED),
    ("b034.txt", "diễn ra ngày 12/7 vừa qua", "12/7", "conference", REPORTED),
    ("b034.txt", "Ngày 18/2/2023, Liên hiệp", "18/2/2023", "groundbreaking this year", REPORTED),
    ("b035.txt", "Sáng 27/8/2021, Học viện", "27/8/2021", "seminar", REPORTED),
    ("b037.txt", "(05/9/1962 - 05/9/2022)", "05/9/1962 - 05/9/2022", "relations established", MENTIONED),
    ("b037.txt", "(18/7/1977  - 18/7/2022)", "18/7/1977  - 18/7/2022", "treaty signed", MENTIONED),
    ("b037.txt", "(24/6/1967 - 24/6/2022)", "24/6/1967 - 24/6/2022", "relations established", MENTIONED),
    ("b041.txt", "ngày 07/4/2022, Lãnh đạo", "07/4/2022", "New Year visit", REPORTED),
]


def _article(name: str) -> dnnd.Article:
    for folder in ("dev", "dev2"):
        path = CORPUS / folder / "texts" / name
        if path.is_file():
            return dnnd.read(path, source=name)
    pytest.skip(f"{name} is not in {CORPUS}")


@pytest.fixture(scope="module")
def agreement() -> tuple[int, int, list[str]]:
    if not (CORPUS / "dev" / "texts").is_dir():
        pytest.skip("the gold corpora (../shared/corpus) are absent")
    matched = agreed = 0
    misses: list[str] = []
    articles: dict[str, dnnd.Article] = {}
    for name, snippet, written, what, label in LABELLED:
        art = articles.get(name) or articles.setdefault(name, _article(name))
        where = art.text.find(snippet)
        assert where >= 0, f"{name}: {snippet!r} is not in the text"
        lo = where + snippet.index(written)
        hi = lo + len(written)
        found = [e for e in art.events if any(s.start < hi and lo < s.end for s in e.mentions)]
        if not found:
            continue  # no event extracted there: nothing to judge
        matched += 1
        if any(e.reported is label for e in found):
            agreed += 1
        else:
            misses.append(f"{name} {written} ({what}): expected {'reported' if label else 'mentioned'}")
    return matched, agreed, misses


def test_the_table_is_labelled_from_dev_and_dev2() -> None:
    assert len(LABELLED) >= 40
    assert {name[:3] for name, *_ in LABELLED} >= {"dev", "a00", "b00"}


def test_most_labelled_events_are_found(agreement: tuple[int, int, list[str]]) -> None:
    matched, _, _ = agreement
    assert matched >= 40


def test_reported_or_mentioned_agrees_with_the_reading(agreement: tuple[int, int, list[str]]) -> None:
    matched, agreed, misses = agreement
    assert agreed / matched >= 0.9, misses
