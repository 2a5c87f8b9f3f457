"""Events: every grammar row of data/event_words.json through the finder, and the clause rules.

Every example is written for this test or for the data file (none is
copied from a corpus text).
"""

import pytest

import dnnd
from dnnd import registry
from dnnd._find import find
from dnnd._find.events import find_events
from dnnd._layout import segment
from dnnd._parse import _windows
from dnnd._text import normalise


def _mentions(text):
    canon = normalise(text).canonical
    layout = segment(canon)
    found = find(canon, _windows(canon, layout.mined_ranges()), published=layout.published,
                 published_span=layout.published_span)  # fmt: skip
    return canon, found.events


@pytest.mark.parametrize("row", registry.event_words(), ids=lambda r: r.word)
def test_every_event_word_row_names_an_event_of_its_kind(row):
    assert row.examples, f"{row.word!r} has no example"
    for example in row.examples:
        canon, mentions = _mentions(example)
        named = [m for m in mentions if canon[m.noun_start : m.noun_end].lower() == row.word]
        assert named, f"{row.word!r} names no event in {example!r}"
        assert {m.kind.value for m in named} == {row.kind}, example


@pytest.mark.parametrize("row", registry.organiser_verbs(), ids=lambda r: r.words)
def test_every_organiser_verb_row_gives_the_organisers(row):
    assert row.examples, f"{row.words!r} has no example"
    for example in row.examples:
        events = dnnd.parse(example["text"]).events
        assert events, example["text"]
        assert list(events[0].organisers) == list(example["organisers"]), example["text"]


def test_not_after_words_unmake_an_event_word():
    assert dnnd.parse("Ngày 3/1, theo báo cáo tổng kết, Hội đã làm được nhiều việc.").events == ()


ORGANISERS = [
    # text, organisers of the first event
    ("Ngày 2/4, Hội hữu nghị Việt Nam - Mông Cổ và Sở Ngoại vụ tỉnh Lâm Đồng tổ chức hội thảo.",
     ["Hội hữu nghị Việt Nam - Mông Cổ", "Sở Ngoại vụ tỉnh Lâm Đồng"]),
    ("Sáng 8/6, Sở Ngoại vụ tỉnh Gia Lai phối hợp với các đơn vị liên quan tổ chức lễ kỷ niệm.",
     ["Sở Ngoại vụ tỉnh Gia Lai"]),
    ("Ngày 3/3, hội thảo về hợp tác du lịch do Ủy ban nhân dân tỉnh Quảng Bình tổ chức diễn ra tại Đồng Hới.",
     ["Ủy ban nhân dân tỉnh Quảng Bình"]),
    ("Chiều 19/5, ông Trần Văn Bình, Chủ tịch Liên hiệp các tổ chức hữu nghị tỉnh Tây Ninh tiếp đoàn đại biểu tỉnh Kampong Cham.",
     ["Liên hiệp các tổ chức hữu nghị tỉnh Tây Ninh"]),
    ("Nhận lời mời của Ủy ban nhân dân tỉnh Lai Châu, ngày 14/3, đoàn đại biểu tỉnh Phongsaly sang thăm tỉnh.",
     ["Ủy ban nhân dân tỉnh Lai Châu"]),
    ("Ngày 4/10, Đại hội đại biểu Hội hữu nghị Việt Nam - Ba Lan tỉnh Hưng Yên lần thứ II diễn ra.",
     ["Hội hữu nghị Việt Nam - Ba Lan tỉnh Hưng Yên"]),
    # the organisers of another event of the sentence are not this one's
    ("Sáng 1/7, đoàn đại biểu tỉnh Luang Namtha thăm tỉnh Lai Châu.", []),
    # a verb that governs an event word that is a verb itself: "X chủ trì cuộc hội đàm"
    ("Chiều 8/8, Ủy ban nhân dân tỉnh Cao Bằng và Sở Ngoại vụ tỉnh Cao Bằng đã chủ trì cuộc hội đàm với đoàn Quảng Tây.",
     ["Ủy ban nhân dân tỉnh Cao Bằng", "Sở Ngoại vụ tỉnh Cao Bằng"]),
    # the head of a delegation stands for the delegation, not for the body of his title
    ("Ngày 9/9, đoàn đại biểu tỉnh Lạng Sơn do ông Trần Văn An, Giám đốc Sở Ngoại vụ tỉnh Lạng Sơn làm Trưởng đoàn "
     "đã tiến hành hội đàm với đoàn Quảng Tây.", []),
    # the two parties of "giữa X và/với Y" hold a meeting no subject organises
    ("Ngày 9/9, diễn ra Hội nghị tổng kết 5 năm thực hiện thỏa thuận hợp tác giữa Sở Ngoại vụ tỉnh Lào Cai "
     "với Sở Ngoại vụ tỉnh Hà Giang.", ["Sở Ngoại vụ tỉnh Lào Cai", "Sở Ngoại vụ tỉnh Hà Giang"]),
    ("Sáng 3/3, Hội thảo về hợp tác giáo dục giữa Trường Đại học Vinh và Trường Đại học Huế được tổ chức.",
     ["Trường Đại học Vinh", "Trường Đại học Huế"]),
    # "Hội" alone opening a clause is the association the article names most; none when it names none
    ("Hội hữu nghị Việt Nam - Ba Lan tỉnh Hưng Yên có 200 hội viên. Ngày 18/7/2011, Hội đã tổ chức Đại hội.",
     ["Hội hữu nghị Việt Nam - Ba Lan tỉnh Hưng Yên"]),
    ("Hội Nông dân tỉnh Nam Định có nhiều hội viên. Năm 2019, Hội phối hợp tổ chức hội thảo.", ["Hội Nông dân tỉnh Nam Định"]),
    ("Ngày 18/7/2011, Hội đã tổ chức Đại hội.", []),
    ("Hội hữu nghị Việt Nam - Ba Lan tỉnh Hưng Yên có 200 hội viên. Ngày 3/3, Hội nghị tổng kết được tổ chức.", []),
    # a body named in the place phrase is the venue, not a co-organiser
    ("Sáng 5/5, tại trụ sở Ủy ban nhân dân tỉnh Hà Giang, Sở Ngoại vụ tỉnh Hà Giang tổ chức hội nghị giao ban.",
     ["Sở Ngoại vụ tỉnh Hà Giang"]),
    ("Ngày 7/7, tại hội trường Thành ủy Vinh, Liên hiệp các tổ chức hữu nghị tỉnh Nghệ An tổ chức tọa đàm.",
     ["Liên hiệp các tổ chức hữu nghị tỉnh Nghệ An"]),
]


@pytest.mark.parametrize(("text", "organisers"), ORGANISERS)
def test_organisers_come_from_the_event_clause(text, organisers):
    assert list(dnnd.parse(text).events[0].organisers) == organisers


def test_an_undated_sentence_names_the_organisers_of_the_event_dated_before_it():
    text = ("Lễ kỷ niệm 30 năm thành lập Hội hữu nghị Việt Nam - Cu Ba tỉnh Bình Phước diễn ra ngày 12/5/2024. "
            "Lễ kỷ niệm do Hội hữu nghị Việt Nam - Cu Ba tỉnh Bình Phước chủ trì, phối hợp Sở Ngoại vụ tỉnh Bình Phước tổ chức.")
    [event] = dnnd.parse(text).events
    assert list(event.organisers) == ["Hội hữu nghị Việt Nam - Cu Ba tỉnh Bình Phước", "Sở Ngoại vụ tỉnh Bình Phước"]


YEARS = [
    # text, date of the first event, the evidence (a prefix)
    ("Sáng 10/1, Hội hữu nghị Việt Nam - Ba Lan tổ chức hội nghị tổng kết công tác năm 2020.",
     "2021-01-10", "review of the period ending 2020-12-31"),
    ("Ngày 20/7, Hội tổ chức hội nghị sơ kết công tác 6 tháng đầu năm 2019.", "2019-07-20", "review of the period"),
    ("Tối 3/2, chương trình giao lưu mừng Xuân năm 2023 diễn ra tại Huế.", "2023-02-03", "printed in"),
    ("Ngày 8/9, Hội tổ chức gặp mặt nhân dịp 70 năm Quốc khánh (9/9/1953 - 9/9/2023).", "2023-09-08", "printed in its anniversary span"),
    # a meeting in a paragraph that reviews some months of a year reviews that period
    ("Hội đã đón 40 đoàn khách quốc tế trong 6 tháng đầu năm 2018. Hội nghị do Sở Ngoại vụ tổ chức chiều 12/8.",
     "2018-08-12", "review of the period ending 2018-06-30"),
    ("Kết quả hoạt động 9 tháng năm 2021 được báo cáo. Chiều 15/10, Ban Chỉ đạo tổ chức hội nghị giao ban.",
     "2021-10-15", "review of the period ending 2021-09-30"),
    # a term, a range, a target or another date's year is not the event's
    ("Ngày 8/9, Hội tổ chức đại hội nhiệm kỳ 2023 - 2028.", "XXXX-09-08", None),
    ("Ngày 8/9, Hội tổ chức hội nghị triển khai Kế hoạch số 12/KH-UBND ngày 1/8/2019.", "XXXX-09-08", None),
    ("Ngày 8/9, Hội tổ chức hội thảo về mục tiêu đến năm 2030.", "XXXX-09-08", None),
    # the next step right after a dated step
    ("Ngày 2/3/2021, Hội tổ chức hội nghị trù bị. Ngày 20/3, Hội tổ chức đại hội.", None, None),
]


@pytest.mark.parametrize(("text", "date", "evidence"), YEARS)
def test_the_year_of_an_event_is_fixed_only_by_the_text(text, date, evidence):
    events = dnnd.parse(text).events
    if date is None:  # the next step case: the second event takes the first one's year
        assert [e.date.iso for e in events] == ["2021-03-02", "2021-03-20"]
        assert events[1].year_evidence == "next to the dated step of 2021-03-02"
        return
    assert events[0].date.iso == date
    if evidence is None:
        assert events[0].year_evidence is None
    else:
        assert events[0].year_evidence.startswith(evidence)


def test_a_dated_step_told_later_does_not_date_an_earlier_lead():
    text = "Ngày 25/7, tại Viêng Chăn, Hội tổ chức mít tinh. Hai nước thiết lập quan hệ ngoại giao ngày 5/9/1962."
    events = dnnd.parse(text).events
    assert events[0].date.iso == "XXXX-07-25"


NOT_EVENTS = [
    "Nhân kỷ niệm Ngày Quốc khánh nước bạn (2/12), Hội gửi thư chúc mừng.",
    "Chào mừng Quốc khánh 2/9, nhiều hoạt động được tổ chức.",
    "Đã có 6/10 tỉnh tổ chức hội nghị quán triệt.",
    "Các hội nghị được tổ chức từ tháng 3/2020 trên khắp cả nước.",
    "Kỷ niệm 45 năm Ngày thiết lập quan hệ ngoại giao (12/7/1976 - 12/7/2021).",
    "Ngày 4/5, Hội cho biết đã tổ chức nhiều chuyến thăm.",
    # a range of numbers before a length of time is no day and month
    "Thông thường phải 3-4 năm mới tổ chức một hội nghị như vậy.",
    "Mỗi năm Hội tổ chức 2-3 lần giao lưu văn nghệ.",
    # a Party congress is a congress resolution, not an event
    "Tháng 1/2016, tại Đại hội đại biểu toàn quốc lần thứ XII của Đảng, ông A được bầu vào Ban Chấp hành Trung ương.",
    "Năm 2020 là năm chuẩn bị Đại hội XIII của Đảng.",
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_dates_that_date_no_event(text):
    assert [(e.date.iso, e.kind.value) for e in dnnd.parse(text).events] == []


TIED = [
    # a sentence tied to the event told before it takes its date
    ("Sáng 3/6/2023, hai hội tổ chức gặp mặt hữu nghị. Dịp này, hai bên đã ký kết thỏa thuận hợp tác.",
     [("2023-06-03", "exchange"), ("2023-06-03", "signing")]),
    ("Ngày 2/9/2020, tại Huế, Hội tổ chức mít tinh.\n\nTại buổi lễ đã diễn ra triển lãm ảnh về đất nước Cu Ba.",
     [("2020-09-02", "ceremony"), ("2020-09-02", "exchange")]),
    # the awards of a ceremony are the ceremony
    ("Ngày 2/9/2020, Hội tổ chức lễ kỷ niệm. Tại buổi lễ, Hội trao tặng bằng khen cho 10 tập thể.",
     [("2020-09-02", "ceremony")]),
    # a past happening the speech recalls is no occasion
    ("Ông A cho biết ngày 5/6/1976 hai nước thiết lập quan hệ ngoại giao. Năm 2020, Hội được thành lập. Dịp này, "
     "các bạn trẻ giao lưu văn nghệ.", [("1976-06-05", "other"), ("2020", "other")]),
]


@pytest.mark.parametrize(("text", "expected"), TIED)
def test_a_sentence_tied_to_an_event_takes_its_date(text, expected):
    assert [(e.date.iso, e.kind.value) for e in dnnd.parse(text).events] == expected


OPENING_YEARS = [
    ("Năm 2015, Hội hữu nghị Việt Nam - Ba Lan tỉnh Hà Nam cử đoàn sang thăm Ba Lan.", [("2015", "visit")]),
    ("Theo ông A, năm 2011, Hội hữu nghị Việt Nam - Ba Lan tỉnh Hà Nam được thành lập.", [("2011", "other")]),
    # a sentence that opens with its year right after another sentence on the same line is its own
    ("Hội được thành lập ngày 2/4/2001 theo quyết định của tỉnh. Năm 2012, Hội tổ chức hội thảo quốc tế tại Huế.",
     [("2001-04-02", "other"), ("2012", "seminar")]),
    ("Đoàn sang thăm Lào ngày 3/3/2015 theo lời mời của bạn. Tháng 9/2016, hai bên ký kết thỏa thuận hợp tác.",
     [("2015-03-03", "visit"), ("2016-09", "signing")]),
    # "từ năm" starts a stretch of time; it dates no word far after it
    ("Ông A cho biết, từ năm 2014, tỉnh đã đẩy mạnh quảng bá trên nhiều kênh thông tin; tổ chức triển lãm ảnh.", []),
]


@pytest.mark.parametrize(("text", "expected"), OPENING_YEARS)
def test_a_year_that_opens_a_sentence_or_clause_dates_its_event(text, expected):
    assert [(e.date.iso, e.kind.value) for e in dnnd.parse(text).events] == expected


NAMED_PERIODS = [
    ("Tỉnh đẩy mạnh tuyên truyền về Năm Du lịch quốc gia Điện Biên 2022.", [("2022", "programme")]),
    ("Nhiều hoạt động nhân Tuần lễ Cấp cao ASEAN 2020 và Tuần lễ Văn hóa Nhật Bản 2020.",
     [("2020", "conference"), ("2020", "exchange")]),
    # what another event celebrates is its name, not a second event
    ("Ngày 5/5/2022, Hội tổ chức lễ kỷ niệm Năm Hữu nghị Việt Nam - Cu Ba 2022.", [("2022-05-05", "ceremony")]),
    ("Kỷ niệm Năm Hữu nghị Việt Nam - Cu Ba 2022", []),
    # no proper noun in the name: a school year
    ("Năm học 2024 có nhiều đổi mới.", []),
]


SPELLINGS_AND_ANNIVERSARIES = [
    # a final "y" spelt "i" is the same word ("kỉ niệm" = "kỷ niệm", "kí kết" = "ký kết")
    ("Ngày 3/3/2021, hai hội kí kết thỏa thuận hợp tác.", [("2021-03-03", "signing")]),
    ("Sáng 8/8/2020, Hội tổ chức lễ kỉ niệm ngày thành lập.", [("2020-08-08", "ceremony")]),
    # the day an anniversary names is not a second event, whichever the spelling
    ("Nhân kỉ niệm 30 năm thiết lập quan hệ ngoại giao, ngày 5/5/2022, Hội tổ chức lễ mít tinh.",
     [("2022-05-05", "ceremony")]),
    # an anniversary an organiser verb holds is a ceremony; an occasion ("nhân kỷ niệm") is not
    ("Ngày 1/10/2019, Trường tổ chức chào mừng kỷ niệm 70 năm Quốc khánh nước bạn.", [("2019-10-01", "ceremony")]),
    ("Chiều 9/5/2018, Hội tổ chức trọng thể kỉ niệm 20 năm ngày thành lập.", [("2018-05-09", "ceremony")]),
    ("Ngày 9/5/2018, nhân kỷ niệm 20 năm ngày thành lập, Hội tặng quà cho hội viên.", []),
]


DAYS_AFTER_THEIR_WORD = [
    # each day written right after its word dates that word, not the one after it
    ("Ông A nhắc lại hai nước thiết lập quan hệ ngoại giao ngày 2/3/1965 và ký hiệp định hợp tác ngày 7/8/1990.",
     [("1965-03-02", "other"), ("1990-08-07", "signing")]),
    ("Hội được thành lập ngày 4/4/2004 và ký bản ghi nhớ với Hội bạn vào ngày 1/6/2006.",
     [("2004-04-04", "other"), ("2006-06-01", "signing")]),
    # a year in a title, or an anniversary's span in parentheses, is no day of its own
    ("Tại lễ tuyên dương năm 2019 do Bộ X tổ chức vào ngày 5/6/2019, Hội được khen thưởng.", [("2019-06-05", "ceremony")]),
]


ACCESSIONS = [
    # joining a body as a member is a dated happening; taking part in a meeting is not an accession
    ("Hội tham gia Liên đoàn Hữu nghị châu Á từ năm 2012 với tư cách là thành viên chính thức.", [("2012", "other")]),
    ("Năm 2016, Ủy ban tham gia Mạng lưới Hòa bình quốc tế với vai trò quan sát viên.", [("2016", "other")]),
    ("Năm 2016, ông A tham gia Ban Chấp hành Hội với vai trò ủy viên.", []),
    # an occasion whose anniversary span ends in the year of the count dates the event after it
    ("Nhân kỷ niệm 10 năm thành lập Hội (2008 - 2018), Hội trở thành 1 trong 30 thành viên của Liên đoàn châu Á.",
     [("2018", "other")]),
    ("Nhân dịp kỷ niệm 25 năm kết nghĩa (1995 - 2020), hai tỉnh ký kết thỏa thuận hợp tác mới.", [("2020", "signing")]),
    # a span the count does not fit is no occasion
    ("Nhân kỷ niệm 25 năm kết nghĩa (1990 - 2020), hai tỉnh ký kết thỏa thuận hợp tác mới.", []),
]


@pytest.mark.parametrize(("text", "expected"), ACCESSIONS)
def test_joining_a_body_as_a_member_is_an_accession(text, expected):
    assert [(e.date.iso, e.kind.value) for e in dnnd.parse(text).events] == expected


@pytest.mark.parametrize(("text", "expected"), DAYS_AFTER_THEIR_WORD)
def test_a_day_written_after_its_word_dates_it(text, expected):
    assert [(e.date.iso, e.kind.value) for e in dnnd.parse(text).events] == expected


@pytest.mark.parametrize(("text", "expected"), SPELLINGS_AND_ANNIVERSARIES)
def test_spellings_of_event_words_and_held_anniversaries(text, expected):
    assert [(e.date.iso, e.kind.value) for e in dnnd.parse(text).events] == expected


@pytest.mark.parametrize(("text", "expected"), NAMED_PERIODS)
def test_years_and_weeks_named_for_a_cause(text, expected):
    assert [(e.date.iso, e.kind.value) for e in dnnd.parse(text).events] == expected


ACTS = [
    ("Chính phủ ban hành Nghị định số 15/2021/NĐ-CP ngày 3/3/2021 về quản lý viện trợ.", [("2021-03-03", "other")]),
    # a heading that no body does; an act on another thing than the cited document
    ("(Phê duyệt kèm theo Quyết định số 88/QĐ-BNV ngày 2 tháng 5 năm 2016 của Bộ Nội vụ)", []),
    ("Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện Nghị quyết số 12/NQ-CP ngày 1/2/2020 của Chính phủ.", []),
]


@pytest.mark.parametrize(("text", "expected"), ACTS)
def test_an_act_on_a_cited_document_is_dated_by_it(text, expected):
    assert [(e.date.iso, e.kind.value) for e in dnnd.parse(text).events] == expected


def test_a_headline_that_dates_an_event_by_its_year_only_is_the_same_event():
    text = ("Hội nghị thông tin đối ngoại năm 2019\n\n"
            "Ngày 4/12/2019, Sở Ngoại vụ tỉnh Hà Giang tổ chức Hội nghị thông tin đối ngoại năm 2019.\n\n"
            "Năm 2019, Sở cũng tổ chức Hội nghị tập huấn cho cán bộ cấp xã.")
    assert [(e.date.iso, e.kind.value) for e in dnnd.parse(text).events] == [
        ("2019-12-04", "conference"), ("2019", "conference")]


def test_an_event_word_in_a_venue_name_is_no_event():
    [event] = dnnd.parse("Ngày 9/9/2019, Hội tổ chức đại hội tại Trung tâm Hội nghị tỉnh.").events
    assert event.kind.value == "congress"


def test_a_founding_by_a_cited_decision_is_dated_by_the_decision():
    text = "Hội được thành lập theo Quyết định số 120/QĐ-UBND ngày 4/6/2018 của Ủy ban nhân dân tỉnh Đắk Lắk."
    [event] = dnnd.parse(text).events
    assert (event.date.iso, event.kind.value) == ("2018-06-04", "other")


LOCATIONS = [
    # a district gives way to the province named with it; a city typed as one stays
    ("Ngày 6/6/2022, Hội tổ chức lễ khánh thành tại huyện Hướng Hóa, tỉnh Quảng Trị.", "Quảng Trị"),
    ("Ngày 6/6/2022, Hội tổ chức hội thảo tại TP. Tuy Hòa (Phú Yên).", "Tuy Hòa"),
    ("Ngày 6/6/2022, đoàn công tác làm việc tại tỉnh Champasak, Lào.", "Champasak"),
    # a foreign country or city the text writes by name; a building with no city gives none
    ("Năm 2019, đoàn đại biểu Hội sang thăm và làm việc tại Mông Cổ.", "Mông Cổ"),
    ("Ngày 6/6/2022, Hội dự hội nghị quốc tế tại Praha, Cộng hòa Séc.", "Praha"),
    ("Ngày 6/6/2022, Hội tổ chức đại hội tại Trung tâm Hội nghị quốc tế.", None),
    # a visit with no "tại" is at the place it visits
    ("Ngày 6/6/2022, đoàn đại biểu Hội sang thăm, chúc Tết tỉnh Luang Prabang.", "Luang Prabang"),
    # ... also when the visit is named by its noun and the verb follows in the same clause
    ("Ngày 6/6/2022, lãnh đạo tỉnh Gia Lai cùng đoàn công tác tỉnh đến thăm, chúc Tết tỉnh Ratanakiri.", "Ratanakiri"),
    ("Ngày 6/6/2022, đoàn công tác tỉnh Gia Lai; sau đó đến thăm tỉnh Ratanakiri.", "Gia Lai"),
    # a foreign city before a dash and its country, or before "của"
    ("Ngày 6/6/2022, tại Udon Thani - Thái Lan, Hội tổ chức gặp mặt kiều bào.", "Udon Thani"),
    ("Ngày 6/6/2022, hai hội giao lưu tại thủ đô Viêng Chăn của nước bạn.", "Viêng Chăn"),
    # a "tại" inside a title names where a mission sits, not the venue
    ("Sáng 6/6/2022, Chủ tịch UBND tỉnh Bình Định tiếp ông John Smith, Tổng Lãnh sự Anh tại TP. Hồ Chí Minh.",
     "Bình Định"),
    ("Ngày 6/6/2022, Bí thư Tỉnh ủy Gia Lai tiếp ông Lee Min, Tổng Lãnh sự Hàn Quốc tại Đà Nẵng.", "Gia Lai"),
    # nor one after a mission or community of a country, for the visit it receives
    ("Sáng 6/6/2022, Ủy ban nhân dân tỉnh Quảng Nam tiếp đoàn Văn phòng đại diện Hàn Quốc tại Đà Nẵng.", "Quảng Nam"),
    ("Ngày 6/6/2022, Sở Ngoại vụ tỉnh Kiên Giang tiếp đoàn cộng đồng người Việt Nam tại Campuchia.", "Kiên Giang"),
    # a country after its state form is the country alone
    ("Từ ngày 2 đến 6/6/2022, đoàn đại biểu tỉnh sang thăm và làm việc tại Cộng hòa Cuba.", "Cuba"),
    ("Ngày 6/6/2022, đoàn công tác thăm và làm việc tại Vương quốc Thái Lan.", "Thái Lan"),
    # with no place phrase, the place the article names most; a city named after a person counts only with its type,
    # and a longer name that starts with a province's name is not that province
    ("Ngày 6/6/2022, Hội tổ chức hội nghị học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.", None),
    ("Ngày 6/6/2022, Đoàn TNCS Hồ Chí Minh tổ chức hội nghị giao lưu thanh niên.", None),
    ("Ngày 6/6/2022, Hội tổ chức hội nghị về hợp tác châu Á - Thái Bình Dương.", None),
    ("Ngày 6/6/2022, hội viên dự hội nghị hữu nghị của thành phố. Hội viên TP Hồ Chí Minh rất đông.",
     "Thành phố Hồ Chí Minh"),
    # of several place phrases in the event's stretch, the one nearest its date
    ("Trong khuôn khổ chuyến thăm tại Lào, ngày 3/3/2022 tại thủ đô Viêng Chăn, đoàn gặp lãnh đạo Bộ Nội vụ Lào.",
     "Viêng Chăn"),
]


@pytest.mark.parametrize(("text", "location"), LOCATIONS)
def test_the_place_of_an_event(text, location):
    assert dnnd.parse(text).events[0].location == location


def test_find_events_is_a_step_of_the_pipeline():
    from dnnd._find import STEPS

    assert any(step.find is find_events for step in STEPS)


TITLES = [
    # a dot or comma inside a number ends no title
    ("Ngày 5/5/2021, Hội tổ chức lễ tiếp nhận 20.000 USD của bạn bè quốc tế.", "Lễ tiếp nhận 20.000 USD của bạn bè quốc tế"),
    ("Ngày 5/5/2021, Hội tổ chức lễ trao tặng 1,5 tấn gạo, 300 suất quà.", "Lễ trao tặng 1,5 tấn gạo"),
]


@pytest.mark.parametrize(("text", "title"), TITLES)
def test_the_title_of_an_event(text, title):
    assert dnnd.parse(text).events[0].title == title


# -- the place phrase nearest an event, by bisection, is the one the plain ranking picks


def _nearest_by_ranking(starts: list[int], lo: int, hi: int, anchor: int) -> int:
    """The definition: inside the event's stretch the nearest to its date, else the nearest to the stretch; the first on a tie."""

    def rank(s: int) -> tuple[int, int]:
        return (0, abs(s - anchor)) if lo <= s < hi + 80 else (1, min(abs(s - lo), abs(s - hi)))

    return min(range(len(starts)), key=lambda i: rank(starts[i]))


@pytest.mark.parametrize(
    ("starts", "lo", "hi", "anchor", "nearest"),
    [
        ([10, 50], 40, 45, 45, 1),  # the one in the stretch, not the one before it
        ([30, 60], 40, 50, 45, 1),  # 60 is inside: the stretch reaches 80 characters past the event
        ([0, 200], 100, 110, 110, 1),  # none inside: 90 after the stretch beats 100 before it
        ([0, 190], 90, 100, 100, 0),  # none inside, 90 either side: the first
        ([40, 50], 40, 60, 45, 0),  # equally near the date either side: the first
        ([41, 48], 40, 60, 45, 1),  # nearer the date after it
    ],
)
def test_the_place_phrase_nearest_an_event(starts: list[int], lo: int, hi: int, anchor: int, nearest: int) -> None:
    from dnnd._find.events import _nearest

    assert _nearest(starts, lo, hi, anchor) == nearest == _nearest_by_ranking(starts, lo, hi, anchor)


def test_the_nearest_place_phrase_agrees_with_the_ranking_everywhere() -> None:
    from hypothesis import given
    from hypothesis import strategies as st

    from dnnd._find.events import _nearest

    @given(st.sets(st.integers(0, 400), min_size=1, max_size=8), st.integers(0, 300), st.integers(0, 40), st.integers(0, 40))
    def check(starts: set[int], lo: int, width: int, offset: int) -> None:
        hi = lo + width
        anchor = min(hi, lo + offset)
        ordered = sorted(starts)
        assert _nearest(ordered, lo, hi, anchor) == _nearest_by_ranking(ordered, lo, hi, anchor)

    check()
