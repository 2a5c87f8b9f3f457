"""The scripts and the notebook in examples/ run as a newcomer would run them."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SCRIPTS = sorted(EXAMPLES.glob("*.py"))


def test_examples_are_there() -> None:
    names = {p.name for p in SCRIPTS}
    assert {"parse_one.py", "report_seeds.py", "evaluate_on_your_corpus.py"} <= names
    assert (EXAMPLES / "tour.ipynb").is_file()


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_script_runs(script: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip(), "the example printed nothing"


def test_parse_one_reports_a_missing_file(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / "parse_one.py"), str(tmp_path / "missing.txt")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert done.returncode == 1
    assert "missing.txt" in done.stderr


def test_report_seeds_shows_the_12_ct_tw_conflict() -> None:
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / "report_seeds.py")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert "001: 2022-01-01 CONFLICT: registry says 2022-01-05" in done.stdout


def test_tour_notebook_runs_top_to_bottom() -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    notebook = nbformat.read(EXAMPLES / "tour.ipynb", as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(EXAMPLES)}},
    )
    client.execute()  # raises CellExecutionError naming the failing cell
    text = "".join(
        out.get("text", "") for cell in notebook.cells if cell.cell_type == "code" for out in cell.get("outputs", [])
    )
    assert "CONFLICT 12-CT/TW date: 2022-01-01" in text
    assert "records.jsonl" in text and "seeds.jsonl" in text
    assert "report.html" in text
    outputs = [out for cell in notebook.cells if cell.cell_type == "code" for out in cell.get("outputs", [])]
    assert not any(out.get("output_type") == "error" for out in outputs)
    # the timeline shows inline: the report's SVG, and the chart as a picture (the plot extra is in the test extra)
    assert any('<svg id="tl-svg"' in out.get("data", {}).get("text/html", "") for out in outputs)
    if importlib.util.find_spec("matplotlib") is not None:
        assert any("image/png" in out.get("data", {}) for out in outputs)
