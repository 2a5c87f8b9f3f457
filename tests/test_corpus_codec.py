"""The fast path of corpus files against the checked one (cattrs), and the short way of name keys against name_key.

Corpus files are written and read by hand-written code (a cattrs call per
nested object made loading 100,000 articles take minutes). The checked
path stays the definition: whatever the fast path reads must be what the
checked path reads, and what it refuses goes to the checked path, which
takes it or says what is wrong. So the only property the fast path must
hold is "never accept differently": these tests feed both paths valid
summaries and summaries with one value changed anywhere.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dnnd
from dnnd.corpus import ArticleSummary, ReadFailure, StatedRelation
from dnnd.corpus._codec import FastReader, unstructure
from dnnd.corpus._files import _Loader
from dnnd.corpus._identity import head_key
from dnnd.errors import CorpusFileError
from dnnd.model import (
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
    Span,
)
from dnnd.normalise import _fold_of_key, _full_name_key, name_key, slug

LETTERS = "aàáảãạăằắâầấbcdđeèéêềếiìíoòóôồốơờớuùúưừứyỳýỷỹỵhklmnpqrstvxĐÐðHNQTPSỐ"

texts = st.text(alphabet=LETTERS + "0123456789 -–./,()", max_size=30)
names = st.text(alphabet=LETTERS + " -", min_size=1, max_size=30)
offsets = st.integers(min_value=0, max_value=10**6)


@st.composite
def spans(draw: st.DrawFn) -> Span:
    start = draw(offsets)
    return Span(start=start, end=start + draw(st.integers(min_value=0, max_value=500)))


@st.composite
def dates(draw: st.DrawFn) -> PartialDate:
    year = draw(st.one_of(st.none(), st.integers(min_value=1900, max_value=2100)))
    month = (
        draw(st.integers(min_value=1, max_value=12)) if year is None else draw(st.one_of(st.none(), st.integers(1, 12)))
    )
    day = draw(st.one_of(st.none(), st.integers(1, 28))) if month is not None else None
    return PartialDate(year=year, month=month, day=day)


mentions = st.lists(spans(), max_size=3).map(tuple)
opt_text = st.one_of(st.none(), texts)
opt_date = st.one_of(st.none(), dates())

documents = st.builds(
    Document,
    id=texts,
    kind=st.sampled_from(DocumentKind),
    number=opt_text,
    issuer=opt_text,
    date=opt_date,
    title=opt_text,
    registry_id=opt_text,
    mentions=mentions,
    type_word=opt_text,
)
congresses = st.builds(
    CongressResolution, id=texts, ordinal=offsets, scope=texts, party_body=texts, term=opt_text, mentions=mentions
)
organisations = st.builds(
    Organisation,
    id=texts,
    name=names,
    kind=st.sampled_from(OrganisationKind),
    abbreviation=opt_text,
    aliases=st.frozensets(names, max_size=2),
    locality=opt_text,
    registry_id=opt_text,
    mentions=mentions,
)
positions = st.builds(
    Position, title=names, organisation=opt_text, organisation_id=opt_text, former=st.booleans(), mentions=mentions
)
people = st.builds(
    Person,
    id=texts,
    name=names,
    positions=st.lists(positions, max_size=2).map(tuple),
    aliases=st.frozensets(names, max_size=2),
    mentions=mentions,
)
events = st.builds(
    Event,
    id=texts,
    kind=st.sampled_from(EventKind),
    date=opt_date,
    end_date=opt_date,
    time_of_day=opt_text,
    location=opt_text,
    organisers=st.lists(names, max_size=2).map(tuple),
    title=opt_text,
    mentions=mentions,
    reported=st.booleans(),
    year_evidence=opt_text,
)
relations = st.builds(
    StatedRelation, relation=st.sampled_from(["member_of", "organ_of"]), subject=offsets, object=offsets, spans=mentions
)
summaries = st.builds(
    ArticleSummary,
    source=opt_text,
    title=opt_text,
    published=opt_date,
    documents=st.lists(documents, max_size=2).map(tuple),
    congress_resolutions=st.lists(congresses, max_size=1).map(tuple),
    organisations=st.lists(organisations, max_size=3).map(tuple),
    people=st.lists(people, max_size=2).map(tuple),
    events=st.lists(events, max_size=2).map(tuple),
    taking_part=st.lists(st.tuples(offsets, offsets), max_size=2).map(tuple),
    relations=st.lists(relations, max_size=1).map(tuple),
)


#: summaries holding one record of every kind at least, so that a change can land in any field
rich_summaries = st.builds(
    ArticleSummary,
    source=texts,
    title=texts,
    published=dates(),
    documents=st.lists(documents, min_size=1, max_size=1).map(tuple),
    congress_resolutions=st.lists(congresses, min_size=1, max_size=1).map(tuple),
    organisations=st.lists(organisations, min_size=1, max_size=1).map(tuple),
    people=st.lists(people.filter(lambda p: bool(p.positions)), min_size=1, max_size=1).map(tuple),
    events=st.lists(events, min_size=1, max_size=1).map(tuple),
    taking_part=st.lists(st.tuples(offsets, offsets), min_size=1, max_size=1).map(tuple),
    relations=st.lists(relations, min_size=1, max_size=1).map(tuple),
)


_CHECKED = _Loader()


def checked(value: Any) -> ArticleSummary:
    return _CHECKED(value, ArticleSummary, "test", 1)  # type: ignore[no-any-return]


def _without_defaults(value: Any) -> Any:
    """The converter's form of a record with the fields at their default left out (what version 3 writes)."""
    if isinstance(value, dict):
        out = {k: _without_defaults(v) for k, v in value.items() if not (v is None or v == [] or v is False)}
        if value.get("reported") is False:
            out["reported"] = False  # an event's default is True
        if out.get("reported") is True:
            del out["reported"]
        return out
    if isinstance(value, list):
        return [_without_defaults(v) for v in value]
    return value


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(summaries)
def test_the_fast_path_writes_the_converters_form_without_defaults_and_reads_it_back(summary: ArticleSummary) -> None:
    full = json.loads(json.dumps(dnnd.converter.unstructure(summary)))  # as a file holds it: lists, not tuples
    written = unstructure(summary)
    expected = _without_defaults(full)
    for org in expected.get("organisations", []):
        if org.get("kind") == "other":
            del org["kind"]  # an organisation's default kind
    assert written == expected
    text = json.dumps(written, ensure_ascii=False)
    assert FastReader().article(json.loads(text)) == summary == checked(json.loads(text))
    assert FastReader().article(full) == summary == checked(full)  # the version 2 form too


def test_the_seeds_round_trip_by_both_paths() -> None:
    for summary in dnnd.Corpus(dnnd.seeds()).articles:
        assert FastReader().article(unstructure(summary)) == summary == checked(unstructure(summary))
    failure = ReadFailure(source="a.txt", message="a.txt: not UTF-8")
    assert FastReader().failure(dnnd.converter.unstructure(failure)) == failure


def _paths(value: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [at]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*at, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*at, i))
    return out


odd_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True),
    st.text(max_size=5),
    st.sampled_from(["2022-13", "2022-02-30", "XXXX", "directive", "other", "", "2022"]),
    st.lists(st.integers(min_value=-3, max_value=3), max_size=3),
    st.just([[1, 2], [3]]),
    st.just({"start": 1, "end": 2}),
    st.just({"start": 2, "end": 1}),
    st.dictionaries(st.sampled_from(["id", "name", "kind", "bogus"]), st.text(max_size=3), max_size=2),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(rich_summaries, st.data())
def test_the_fast_path_never_reads_a_changed_record_otherwise_than_the_checked_path(
    summary: ArticleSummary, data: st.DataObject
) -> None:
    full = json.loads(json.dumps(dnnd.converter.unstructure(summary)))
    record = data.draw(st.sampled_from([unstructure(summary), full]))
    changed = copy.deepcopy(record)
    path = data.draw(st.sampled_from(_paths(changed)[1:] or [()]))
    new = data.draw(odd_values)
    if path:
        parent = changed
        for step in path[:-1]:
            parent = parent[step]
        if data.draw(st.booleans()) and isinstance(parent, dict):
            parent.pop(path[-1])  # a field left out
        else:
            parent[path[-1]] = new
    else:
        changed = new
    try:
        fast = FastReader().article(changed)
    except Exception:  # refusing is always allowed: the checked path then decides
        return
    try:
        slow = checked(changed)
    except CorpusFileError as err:
        pytest.fail(f"the fast path read what the checked path refuses ({err}): {changed!r}")
    assert fast == slow


@given(st.text(alphabet=LETTERS + "0123456789 -–—./,()&\u00a0\t'\"²", max_size=40))
@settings(max_examples=2000, deadline=None)
def test_the_short_way_of_name_keys_gives_name_key(text: str) -> None:
    assert name_key(text) == _full_name_key(text)  # the short way of plain names gives what every step gives
    assert name_key(name_key(text)) == name_key(
        text
    )  # a key is its own key (the index folds keys without keying them again)
    for key in (name_key(text), head_key(text), head_key(text, local=True)):
        assert _fold_of_key(key) == slug(key)  # the one-table slug of a key (organisation ids)


@pytest.mark.parametrize(
    "name",
    [
        "Hội hữu nghị Việt Nam - Lào tỉnh Thanh Hóa",
        "Trường THCS số 5",
        "Hội Việt Nam - Hoa Kỳ TP Hồ Chí Minh",
        "Hoà Bình - tp Huế",
        "x - - y",
        "Ðoàn - Lào",
        "LHHN tỉnh Khánh Hoà",
    ],
)
def test_names_of_the_short_way(name: str) -> None:
    assert name_key(name) == _full_name_key(name)


ODD = [None, True, False, 0, 1, -1, 10**18, 10**19, 1.5, float("nan"), "", "x", "2022-13", "2022-02-30", "XXXX",
       "directive", "other", "member_of", [], [1], [1, 2], [2, 1], [[1, 2]], [[2, 1]], [[1, 2, 3]], [["1", "2"]],
       {"start": 1, "end": 2}, {}, {"id": "x"}]  # fmt: skip


def _one_of_each() -> ArticleSummary:
    span = (Span(start=1, end=5),)
    return ArticleSummary(
        source="a.txt",
        title="Tin",
        published=PartialDate(year=2024, month=1, day=2),
        documents=(
            Document(
                id="d",
                kind=DocumentKind.DIRECTIVE,
                number="12-CT/TW",
                issuer="Ban Bí thư",
                date=PartialDate(year=2012),
                title="t",
                registry_id="r",
                mentions=span,
                type_word="Chỉ thị",
            ),
        ),
        congress_resolutions=(
            CongressResolution(id="c", ordinal=13, scope="national", party_body="Đảng", term="2021", mentions=span),
        ),
        organisations=(
            Organisation(
                id="o",
                name="Hội hữu nghị Việt Nam - Lào",
                kind=OrganisationKind.FRIENDSHIP_ASSOCIATION,
                abbreviation="HHN",
                aliases=frozenset({"Hội Việt - Lào"}),
                locality="Huế",
                registry_id="r",
                mentions=span,
            ),
        ),
        people=(
            Person(
                id="p",
                name="Lê Văn An",
                positions=(
                    Position(title="Chủ tịch", organisation="Hội", organisation_id="o", former=True, mentions=span),
                ),
                aliases=frozenset({"An"}),
                mentions=span,
            ),
        ),
        events=(
            Event(
                id="e",
                kind=EventKind.CONFERENCE,
                date=PartialDate(year=2024, month=1),
                end_date=PartialDate(year=2024, month=2),
                time_of_day="sáng",
                location="Huế",
                organisers=("Hội",),
                title="Hội nghị",
                mentions=span,
                reported=False,
                year_evidence="printed",
            ),
        ),
        taking_part=((0, 0),),
        relations=(StatedRelation(relation="member_of", subject=0, object=0, spans=span),),
    )


def test_every_field_changed_to_every_odd_value_is_read_alike_or_refused() -> None:
    summary = _one_of_each()
    for record in (unstructure(summary), json.loads(json.dumps(dnnd.converter.unstructure(summary)))):
        for path in _paths(record)[1:]:
            for new in [*ODD, "drop"]:
                changed = copy.deepcopy(record)
                parent = changed
                for step in path[:-1]:
                    parent = parent[step]
                if new == "drop":
                    if not isinstance(parent, dict):
                        continue
                    del parent[path[-1]]
                else:
                    parent[path[-1]] = new
                try:
                    fast = FastReader().article(changed)
                except Exception:  # refusing is always allowed
                    continue
                try:
                    slow = checked(changed)
                except CorpusFileError as err:
                    pytest.fail(f"{path} = {new!r}: the fast path read what the checked path refuses ({err})")
                assert fast == slow, (path, new)
