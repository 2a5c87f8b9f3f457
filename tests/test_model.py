"""Round trips through dnnd.converter, and the invariants of the model."""

import json
import re

import pytest

import dnnd
from dnnd.model import (
    Article,
    CongressResolution,
    Document,
    DocumentKind,
    Event,
    EventKind,
    Organisation,
    OrganisationKind,
    PartialDate,
    Person,
    Position,
    Segment,
    SegmentKind,
    Span,
)

SPAN = Span(start=3, end=9)
EXAMPLES = [
    SPAN,
    PartialDate(year=2022, month=1, day=5),
    PartialDate(year=None, month=11, day=21),
    PartialDate(year=2019, month=4),
    PartialDate(year=2016),
    Document(id="doc:1", kind=DocumentKind.DIRECTIVE, number="12-CT/TW", issuer="Ban Bí thư Trung ương Đảng",
             date=PartialDate(year=2022, month=1, day=5), title="Tăng cường ...", mentions=[SPAN]),
    CongressResolution(id="c:1", ordinal=17, scope="Hà Nội", party_body="Đảng bộ thành phố Hà Nội", term="2020-2025"),
    Organisation(id="o:1", name="Liên hiệp các tổ chức hữu nghị Việt Nam", kind=OrganisationKind.FRIENDSHIP_UNION,
                 abbreviation="VUFO", aliases={"Liên hiệp Hữu nghị", "LHHN"}, mentions=[SPAN, Span(start=0, end=1)]),
    Position(title="Phó Chủ tịch", organisation="Liên hiệp các tổ chức hữu nghị Việt Nam", former=True),
    Person(id="p:1", name="Nguyễn Văn Doanh", positions=(Position(title="Phó Chủ tịch"),), aliases={"Nguyên Văn Doanh"}),
    Event(id="e:1", kind=EventKind.SEMINAR, date=PartialDate(year=2022, month=7, day=20), end_date=None,
          time_of_day="chiều", location="Bắc Giang", organisers=("Cụm thi đua số 1",), title="Giải pháp"),
    Segment(kind=SegmentKind.CHROME, span=SPAN),
]


@pytest.mark.parametrize("value", EXAMPLES, ids=lambda v: type(v).__name__)
def test_round_trip_through_json(value):
    data = dnnd.converter.unstructure(value)
    again = dnnd.converter.structure(json.loads(json.dumps(data)), type(value))
    assert again == value


def test_every_seed_article_round_trips():
    for article in dnnd.seeds():
        data = json.loads(json.dumps(dnnd.converter.unstructure(article)))
        assert dnnd.converter.structure(data, Article) == article


def test_sets_are_emitted_sorted():
    org = EXAMPLES[7]
    assert dnnd.converter.unstructure(org)["aliases"] == ["LHHN", "Liên hiệp Hữu nghị"]


@pytest.mark.parametrize(
    ("iso", "precision"),
    [("2022-07-14", "day"), ("2021-09", "month"), ("2016", "year"), ("XXXX-05-29", "day"), ("XXXX-11", "month")],
)
def test_partial_dates_read_and_write_the_contract_form(iso, precision):
    d = PartialDate.from_iso(iso)
    assert d.iso == iso
    assert d.precision == precision


@pytest.mark.parametrize("bad", ["2022-13-01", "2022-02-30", "22-01-01", "", "XXXX"])
def test_impossible_dates_are_refused(bad):
    with pytest.raises(ValueError):
        PartialDate.from_iso(bad)


def test_records_are_immutable():
    with pytest.raises(AttributeError):
        EXAMPLES[5].number = "04-CT/TW"  # type: ignore[misc]


def test_directives_are_a_question_you_can_ask():
    art = dnnd.parse("Thực hiện Chỉ thị số 12-CT/TW ngày 5/1/2022 và Thông tri 05-TT/TU của Thành ủy Hà Nội.")
    assert [d.number for d in art.directives] == ["12-CT/TW"]
    assert {d.number for d in art.documents} == {"12-CT/TW", "05-TT/TU"}


def test_ids_are_stable_strings():
    a = dnnd.parse("Chiều 20/7/2022, tại Bắc Giang, Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang tổ chức tọa đàm.")
    b = dnnd.parse("Chiều 20/7/2022, tại Bắc Giang, Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang tổ chức tọa đàm.")
    assert [o.id for o in a.organisations] == [o.id for o in b.organisations]
    assert all(isinstance(o.id, str) and o.id.startswith("org:") for o in a.organisations)


def test_parsed_segments_are_compact_and_behave_like_their_tuple() -> None:
    import pickle

    import attrs

    import dnnd
    from dnnd.model import _SegmentTable

    article = dnnd.parse("Tiêu đề bài viết về hữu nghị\n\nĐoạn mở đầu.\n\nChỉ thị 12-CT/TW của VUFO.\nHạnh Nguyên")
    segments = article.segments
    assert isinstance(segments, _SegmentTable)
    as_tuple = tuple(segments)
    assert [s.kind.value for s in as_tuple] == ["title", "lead", "body", "byline"]
    assert segments == as_tuple and as_tuple == segments and hash(segments) == hash(as_tuple)
    assert segments[1] == as_tuple[1] and segments[-1] == as_tuple[-1] and segments[1:3] == as_tuple[1:3]
    assert repr(segments) == repr(as_tuple) and len(segments) == 4
    copy = dnnd.converter.structure(dnnd.converter.unstructure(article), dnnd.Article)
    assert copy == article and article == copy and hash(copy) == hash(article)
    assert pickle.loads(pickle.dumps(article)) == article
    assert attrs.evolve(article, title="x").segments == as_tuple
    assert list(article.segments_of(dnnd.model.SegmentKind.LEAD)) == [as_tuple[1]]
    assert segments != as_tuple[:3]


def _spans(*pairs: tuple[int, int]) -> tuple[Span, ...]:
    return tuple(Span(start=s, end=e) for s, e in pairs)


MANY = [(i * 5, i * 5 + 4) for i in range(12)]


@pytest.mark.parametrize(
    ("given", "kept_as_table"),
    [
        ([], False),  # no mention: the empty tuple
        ([(3, 5), (0, 2)], False),  # a few: a sorted tuple, as ever
        (MANY, True),  # many: one array of bounds
        (MANY[::-1], True),  # in any order: sorted
        ([(0, 4)] * 9, True),  # repeated spans are kept, as a tuple keeps them
        ([(0, 9), (0, 3), *MANY[1:]], True),  # one start twice, the longer first: sorted by end too
        ([(0, 3), (0, 9), *MANY[1:]], True),  # ... already in order
    ],
)
def test_record_spans_behave_like_their_sorted_tuple(given, kept_as_table) -> None:
    import pickle

    from dnnd.model import _SpanTable

    org = Organisation(id="org:x", name="X", kind=OrganisationKind.OTHER, mentions=_spans(*given))
    expected = tuple(sorted(_spans(*given)))
    assert isinstance(org.mentions, _SpanTable) is kept_as_table
    assert org.mentions == expected and expected == org.mentions and hash(org.mentions) == hash(expected)
    assert tuple(org.mentions) == expected and len(org.mentions) == len(expected) and repr(org.mentions) == repr(expected)
    if expected:
        assert org.mentions[0] == expected[0] and org.mentions[-1] == expected[-1] and org.mentions[1:3] == expected[1:3]
        assert org.mentions != expected[:-1]
        assert all(org.mentions[cut] == expected[cut] for cut in (slice(-3, None), slice(None, None, -2), slice(5, 1, -1), slice(2, 99)))
    assert org.mentions + (Span(start=99, end=100),) == (*expected, Span(start=99, end=100))  # noqa: RUF005 (+ is what is tested)
    assert (Span(start=99, end=100),) + org.mentions == (Span(start=99, end=100), *expected)  # noqa: RUF005
    assert pickle.loads(pickle.dumps(org)) == org
    copy = dnnd.converter.structure(dnnd.converter.unstructure(org), Organisation)
    assert copy == org and hash(copy) == hash(org)
    assert json.loads(json.dumps(dnnd.converter.unstructure(org.mentions))) == [[s.start, s.end] for s in expected]


@pytest.mark.parametrize(
    ("bounds", "message"),
    [
        ([-1, 2], "start must be >= 0"),
        ([5, 2], "end (2) is before start (5)"),
        ([1, 2, 3], "a start without its end"),
        ([0, 4, 3, 1, -2, 5], "end (1) is before start (3)"),  # the first bad span is named
        ([0, 4, -2, -3, 3, 1], "start must be >= 0, got -2"),
    ],
)
def test_a_table_of_spans_checks_them_as_a_span_does(bounds, message) -> None:
    from dnnd.model import _SpanTable

    with pytest.raises(ValueError, match=re.escape(message)):
        _SpanTable.of_bounds(bounds)
