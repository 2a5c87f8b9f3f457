"""In Python and Jupyter: the timeline, the networkx graph and the charts (returned, never shown)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import dnnd
from dnnd.corpus import CorpusEvent
from dnnd.model import EventKind, PartialDate
from dnnd.timeline import Timeline, timeline


@pytest.fixture(scope="module")
def corpus() -> dnnd.Corpus:
    return dnnd.Corpus(dnnd.seeds())


def test_the_timeline_holds_the_dated_reported_events_in_order(corpus: dnnd.Corpus) -> None:
    tl = timeline(corpus)
    expected = [e for e in corpus.events() if e.reported and e.date and e.date.year]
    assert sorted(e.id for e in tl) == sorted(e.id for e in expected)
    firsts = [Timeline.days(e)[0] for e in tl]
    assert firsts == sorted(firsts)
    assert len(tl) + len(tl.undated) == len([e for e in corpus.events() if e.reported])


RECALLS = """Hội hữu nghị tổng kết năm
Hà Nội, 14/7/2022
Sáng 14/7/2022, Liên hiệp các tổ chức hữu nghị thành phố Hà Nội tổ chức hội nghị tổng kết tại Hà Nội.
Phát biểu tại hội nghị, ông Nguyễn Văn A nhắc lại Lễ kỷ niệm 30 năm thành lập Hội tổ chức tại Hà Nội ngày 5/3/2015.
"""


def test_an_event_the_article_only_mentions_is_not_on_the_timeline() -> None:
    article = dnnd.parse(RECALLS, source="recalls.txt")
    assert [(e.date.iso if e.date else None, e.reported) for e in article.events] == [
        ("2022-07-14", True),
        ("2015-03-05", False),  # history the article recalls, not its news
    ]
    corpus = dnnd.Corpus([article])
    assert [e.date.iso if e.date else None for e in timeline(corpus)] == ["2022-07-14"]
    assert '<g class="mark ' in corpus._repr_html_() and corpus._repr_html_().count('<g class="mark ') == 1


def test_the_timeline_filters_like_events(corpus: dnnd.Corpus) -> None:
    tl = timeline(corpus, kind="seminar", place="Bắc Giang")
    assert [(e.date.iso if e.date else None, e.location) for e in tl] == [("2022-07-20", "Bắc Giang")]


@pytest.mark.parametrize(
    ("iso", "first", "last"),
    [
        ("2022-07-14", "2022-07-14", "2022-07-14"),
        ("2021-09", "2021-09-01", "2021-09-30"),
        ("2009", "2009-01-01", "2009-12-31"),
    ],
    ids=["day", "month", "year"],
)
def test_a_partial_date_covers_its_month_or_year(iso: str, first: str, last: str) -> None:
    event = CorpusEvent(id="event:x", kind=EventKind.CONFERENCE, date=PartialDate.from_iso(iso))
    assert Timeline.days(event) == (datetime.date.fromisoformat(first), datetime.date.fromisoformat(last))


def test_a_span_of_days_ends_on_its_last_day() -> None:
    start, end = PartialDate.from_iso("2022-05-24"), PartialDate.from_iso("2022-05")
    event = CorpusEvent(id="event:x", kind=EventKind.EXCHANGE, date=start, end_date=end)
    assert Timeline.days(event) == (datetime.date(2022, 5, 24), datetime.date(2022, 5, 31))


def test_the_timeline_shows_itself_in_jupyter(corpus: dnnd.Corpus) -> None:
    tl = timeline(corpus)
    html = tl._repr_html_()
    assert html.count('<g class="mark ') == len(tl)
    assert "<script" not in html


def test_the_graph_has_every_organisation_and_person_and_their_posts(corpus: dnnd.Corpus, tmp_path: Path) -> None:
    nx = pytest.importorskip("networkx")
    from dnnd.graph import graph

    g = graph(corpus)
    kinds = [d["kind"] for _, d in g.nodes(data=True)]
    assert kinds.count("organisation") == len(corpus.organisations())
    assert kinds.count("person") == len(corpus.people())
    chair = corpus.person("Phan Anh Sơn")
    vufo = corpus.organisation("VUFO")
    assert chair is not None and vufo is not None
    ties = g.get_edge_data(chair.id, vufo.id)
    assert any(d["kind"] == "position" and d["title"] == "Chủ tịch" for d in ties.values())
    for write, read in ((nx.write_graphml, nx.read_graphml), (nx.write_gexf, nx.read_gexf)):
        path = tmp_path / f"g.{write.__name__}"
        write(g, path)
        back = read(path)
        assert back.number_of_nodes() == g.number_of_nodes()
        assert back.number_of_edges() == g.number_of_edges()


def test_the_graph_can_hold_the_events(corpus: dnnd.Corpus) -> None:
    pytest.importorskip("networkx")
    from dnnd.graph import graph

    g = graph(corpus, events=True)
    events = [k for k, d in g.nodes(data=True) if d["kind"] == "event"]
    assert len(events) == len([e for e in corpus.events() if e.reported])
    organised = [d for _, _, d in g.edges(data=True) if d["kind"] == "organised-by"]
    assert organised


def test_charts_are_returned_not_shown(corpus: dnnd.Corpus, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    import matplotlib.pyplot as plt

    from dnnd import plot

    before = plt.get_fignums()
    fig = plot.timeline(corpus)
    net = plot.network(corpus)
    assert plt.get_fignums() == before  # nothing left open in pyplot, nothing shown
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == sorted({e.kind.value for e in timeline(corpus)})
    for f, name in ((fig, "timeline.png"), (net, "network.png")):
        f.savefig(tmp_path / name)
        assert (tmp_path / name).read_bytes()[:4] == b"\x89PNG"
    assert type(timeline(corpus).plot()).__name__ == "Figure"
