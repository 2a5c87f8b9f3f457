"""Extraction quality, measured by dnnd's own scorer (dnnd.evaluate).

The seeds and their gold ship with dnnd, so the seed bar holds on any
machine; the dev corpus lives in ../shared and its checks skip without it.
"""

import json
import subprocess
import sys

import pytest

import dnnd
from dnnd.evaluate import load_gold, score_records


def _predict(text_dir):
    return {p.stem: dnnd.to_record(dnnd.read(p)) for p in sorted(text_dir.glob("*.txt"))}


def test_seeds_score_at_least_095_macro_f1(seed_dir):
    report = score_records(load_gold(seed_dir / "gold"), _predict(seed_dir))
    assert report.macro_f1 >= 0.95, report.format(verbose=True)


def test_dev_corpus_meets_the_quality_bar(dev_dir):
    report = score_records(load_gold(dev_dir / "gold"), _predict(dev_dir / "texts"))
    assert report.macro_f1 >= 0.85, report.format(verbose=True)
    for field, score in report.fields.items():
        assert score.f1 >= 0.75, f"{field}: {score.f1:.3f}\n" + report.format(verbose=True)


def test_published_dates_are_right_on_the_dev_corpus(dev_dir):
    report = score_records(load_gold(dev_dir / "gold"), _predict(dev_dir / "texts"))
    assert report.attributes["published"].accuracy >= 0.95


def test_dnnd_and_the_workplace_scorer_agree_on_our_own_output(seed_dir, tmp_path):
    score_py = seed_dir.parents[2].parent / "shared" / "tools" / "score.py"
    if not score_py.is_file():
        pytest.skip("../shared/tools/score.py is not here")
    out = tmp_path / "seeds.jsonl"
    preds = _predict(seed_dir)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in preds.values()), encoding="utf-8")
    summary = tmp_path / "summary.json"
    subprocess.run([sys.executable, str(score_py), str(seed_dir / "gold"), str(out), "--json", str(summary)],
                   check=True, capture_output=True)
    theirs = json.loads(summary.read_text(encoding="utf-8"))
    ours = score_records(load_gold(seed_dir / "gold"), preds).to_dict()
    assert ours == theirs
