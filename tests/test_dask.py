"""dnnd.dask on Dask's local schedulers: same records as dnnd itself, one parse per article."""

import builtins
import importlib
import sys

import pytest

dask = pytest.importorskip("dask")
pytest.importorskip("dask.dataframe")
pytest.importorskip("pandas")

import dnnd  # noqa: E402
import dnnd.dask as ddn  # noqa: E402


@pytest.fixture(scope="module")
def seed_paths(seed_dir):
    return sorted(seed_dir.glob("*.txt"))


@pytest.mark.parametrize("scheduler", ["sync", "threads"])
def test_records_match_extract(seed_paths, tmp_path, scheduler):
    missing = tmp_path / "missing.txt"
    bag = ddn.bag_of_paths([*seed_paths, missing], npartitions=3)
    got = ddn.records(bag).compute(scheduler=scheduler)
    want = [dnnd.to_record(dnnd.read(p, source=str(p))) for p in seed_paths]
    assert got[:-1] == want
    assert got[-1]["source"] == str(missing) and "no such file" in got[-1]["error"]


def test_glob_and_texts(seed_dir, seed_paths):
    by_glob = ddn.bag_of_paths(str(seed_dir / "*.txt")).compute(scheduler="sync")
    assert [str(p) for p in by_glob] == [str(p) for p in seed_paths]
    texts = [p.read_text(encoding="utf-8") for p in seed_paths]
    arts = ddn.parse_bag(ddn.bag_of_texts(texts, npartitions=2)).compute(scheduler="sync")
    assert [a.documents for a in arts] == [dnnd.parse(t).documents for t in texts]


def test_dataframes_hold_every_entity_and_parse_once(seed_paths, monkeypatch):
    calls = []
    real = ddn.parse_item

    def counting(item):
        calls.append(item)
        return real(item)

    monkeypatch.setattr(ddn, "parse_item", counting)
    frames = ddn.to_dataframes(ddn.bag_of_paths(seed_paths, npartitions=2))
    assert set(frames) == set(ddn.COLUMNS)
    computed = dict(zip(frames, dask.compute(*frames.values(), scheduler="sync"), strict=True))
    assert len(calls) == len(seed_paths)  # one parse per article for all seven tables
    arts = [dnnd.read(p, source=str(p)) for p in seed_paths]
    for name, frame in computed.items():
        assert list(frame.columns) == list(ddn.COLUMNS[name])
    assert len(computed["articles"]) == len(arts)
    assert len(computed["documents"]) == sum(len(a.documents) for a in arts)
    assert len(computed["congresses"]) == sum(len(a.congress_resolutions) for a in arts)
    assert len(computed["organisations"]) == sum(len(a.organisations) for a in arts)
    assert len(computed["people"]) == sum(len(a.people) for a in arts)
    assert len(computed["positions"]) == sum(len(p.positions) for a in arts for p in a.people)
    assert len(computed["events"]) == sum(len(a.events) for a in arts)
    docs = computed["documents"]
    assert "12-CT/TW" in set(docs["number"])
    # every row joins back to its article
    assert set(docs["article_id"]) <= set(computed["articles"]["article_id"])


def test_dataframes_with_the_threads_scheduler_and_a_subset(seed_paths):
    frames = ddn.to_dataframes(ddn.bag_of_paths(seed_paths), tables=["events"])
    events = frames["events"].compute(scheduler="threads")
    assert len(events) > 0 and events["date"].str.match(r"^\d{4}").all()
    with pytest.raises(ValueError, match="unknown table"):
        ddn.to_dataframes(ddn.bag_of_paths(seed_paths), tables=["nope"])


def test_a_clear_message_without_dask(monkeypatch):
    real_import = builtins.__import__

    def no_dask(name, *args, **kwargs):
        if name == "dask" or name.startswith("dask."):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    monkeypatch.delitem(sys.modules, "dnnd.dask")
    with pytest.raises(ImportError, match=r"pip install 'dnnd\[dask\]'"):
        importlib.import_module("dnnd.dask")
    monkeypatch.undo()
    importlib.import_module("dnnd.dask")
