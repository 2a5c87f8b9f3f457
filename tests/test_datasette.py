"""The knowledge base opens as it is in Datasette: tables, labels, facets and search through its own API."""

from __future__ import annotations

import asyncio
import urllib.parse
from pathlib import Path
from typing import Any

import pytest

import dnnd
from dnnd import store

datasette_app = pytest.importorskip("datasette.app", reason="the datasette extra is not installed")


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("ds") / "kb.sqlite"
    store.build(dnnd.seed_paths(), db)
    return db


def get(db: Path, path: str, **params: Any) -> Any:
    """GET *path* from a Datasette serving *db* (with the shipped metadata), through Datasette's test client."""
    ds = datasette_app.Datasette([str(db)], metadata=store.datasette_metadata(db.stem))
    url = path + ("?" + urllib.parse.urlencode(params) if params else "")

    async def fetch() -> Any:
        response = await ds.client.get(url)
        assert response.status_code == 200, (url, response.text[:500])
        return response.json()

    return asyncio.run(fetch())


def test_the_tables_are_served_with_the_corpus_counts(kb: Path) -> None:
    corpus = store.load(kb)
    counts = {
        "articles": len(corpus),
        "organisations": len(corpus.organisations()),
        "people": len(corpus.people()),
        "events": len(corpus.events(reported=None)),  # the table holds mentioned events too
        "documents": len(corpus.documents()),
        "conflicts": len(corpus.conflicts()),
    }
    for table, n in counts.items():
        data = get(kb, f"/kb/{table}.json", _size=1)
        assert data["filtered_table_rows_count"] == n, table


def test_the_shipped_metadata_labels_and_facets_the_tables(kb: Path) -> None:
    meta = get(kb, "/-/metadata.json")
    assert meta["title"] == "dnnd knowledge base"
    data = get(kb, "/kb/organisations.json", _size=0)
    assert {"kind", "locality"} <= set(data["facet_results"])
    kinds = {f["value"]: f["count"] for f in data["facet_results"]["kind"]["results"]}
    assert kinds["friendship_union"] >= 2


@pytest.mark.parametrize("query", ["doi ngoai nhan dan", "đối ngoại nhân dân", "Đối ngoại"])
def test_article_search_finds_vietnamese_with_or_without_diacritics(kb: Path, query: str) -> None:
    rows = get(kb, "/kb/articles.json", _search=query, _shape="array", _col="source")
    assert {r["source"] for r in rows} == set(store.search_articles(kb, query, limit=100))
    assert len(rows) == 5


def test_names_are_searched_through_sql(kb: Path) -> None:
    sql = (
        "SELECT p.id, p.name FROM names_fts JOIN people p ON p.id = names_fts.entity_id"
        " WHERE names_fts MATCH :q AND entity_kind = 'person'"
    )
    rows = get(kb, "/kb.json", sql=sql, q="do trang thanh", _shape="array")
    assert [r["name"] for r in rows] == ["Đỗ Tràng Thành"]


def test_a_position_links_to_its_person_and_organisation(kb: Path) -> None:
    rows = get(kb, "/kb/positions.json", _shape="array", _labels="on", title="Chủ tịch")
    chairs = {(r["person_id"]["label"], r["organisation_id"]["label"] if r["organisation_id"] else None) for r in rows}
    assert ("Phan Anh Sơn", "Liên hiệp các tổ chức hữu nghị Việt Nam") in chairs
