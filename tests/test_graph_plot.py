"""In Python and Jupyter: the timeline, the networkx graph and the charts (returned, never shown)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import dnnd
from dnnd._network import reported
from dnnd.timeline import Timeline, timeline


@pytest.fixture(scope="module")
def corpus() -> dnnd.Corpus:
    return dnnd.Corpus(dnnd.seeds())


def test_the_timeline_holds_the_dated_reported_events_in_order(corpus: dnnd.Corpus) -> None:
    tl = timeline(corpus)
    expected = [e for e in corpus.events() if reported(e, corpus) and e.date and e.date.year]
    assert sorted(e.id for e in tl) == sorted(e.id for e in expected)
    firsts = [Timeline.days(e)[0] for e in tl]
    assert firsts == sorted(firsts)
    assert len(tl) + len(tl.undated) == len([e for e in corpus.events() if reported(e, corpus)])


def test_an_event_the_articles_only_mention_is_not_on_the_timeline(corpus: dnnd.Corpus) -> None:
    # seed 004 recalls a 2009 conference as history: an event of the corpus, not of its timeline
    assert any(e.date is not None and e.date.iso == "2009" for e in corpus.events())
    assert not any(e.date is not None and e.date.iso == "2009" for e in timeline(corpus))


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
)
def test_a_partial_date_covers_its_month_or_year(corpus: dnnd.Corpus, iso: str, first: str, last: str) -> None:
    event = next(e for e in corpus.events() if e.date is not None and e.date.iso == iso and e.end_date is None)
    assert Timeline.days(event) == (datetime.date.fromisoformat(first), datetime.date.fromisoformat(last))


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
    assert len(events) == len([e for e in corpus.events() if reported(e, corpus)])
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
