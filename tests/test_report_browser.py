"""The HTML report in a real browser (headless Chromium, network off), checked as a person would look at it."""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import dnnd
from browser import chromium, run_checks, screenshot
from dnnd import report, store

CHECKS = r"""
var q = function (sel) { return Array.prototype.slice.call(document.querySelectorAll(sel)); };
var shown = function (el) { var r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
var out = {};
var steps = [
  function () {
    location.hash = "#timeline";
  },
  function () {
    out.timelineVisible = shown(document.getElementById("tl-svg"));
    out.marks = q("#tl-svg .mark").filter(shown).length;
    out.countText = document.getElementById("tl-count").textContent;
    var kind = document.getElementById("tl-kind");
    kind.value = KIND;
    kind.dispatchEvent(new Event("change"));
    out.marksOfKind = q("#tl-svg .mark").filter(shown).length;
    out.rowsOfKind = q("#tl-table tr.tl-row").filter(shown).length;
    out.countTextOfKind = document.getElementById("tl-count").textContent;
    kind.value = "";
    kind.dispatchEvent(new Event("change"));
    var province = document.getElementById("tl-province");
    province.value = PROVINCE;
    province.dispatchEvent(new Event("change"));
    out.marksOfProvince = q("#tl-svg .mark").filter(shown).length;
    province.value = "";
    province.dispatchEvent(new Event("change"));
    var first = q("#tl-svg .mark circle")[0].getAttribute("cx");
    document.getElementById("tl-zoom-in").click();
    document.getElementById("tl-zoom-in").click();
    out.zoomMoved = q("#tl-svg .mark circle")[0].getAttribute("cx") !== first;
    out.marksZoomed = q("#tl-svg .mark").filter(shown).length;
    document.getElementById("tl-reset").click();
    out.marksReset = q("#tl-svg .mark").filter(shown).length;
    location.hash = "#network";
  },
  function () {
    out.nodes = q("#nw-svg .node").filter(shown).length;
    out.edges = q("#nw-svg .edge").filter(shown).length;
    var people = document.getElementById("nw-person");
    people.click();
    out.nodesWithoutPeople = q("#nw-svg .node").filter(shown).length;
    out.nodeCountText = document.getElementById("nw-count").textContent;
    people.click();
    var node = q("#nw-svg .node")[0];
    node.dispatchEvent(new MouseEvent("mouseenter"));
    out.focusInfo = document.getElementById("nw-info").textContent;
    location.hash = "#conflicts";
  },
  function () {
    out.conflicts = q(".conflict").filter(shown).map(function (c) {
      return {
        title: c.querySelector("h3").textContent,
        sides: q.call(null, "#conflicts .conflict").indexOf(c) >= 0 ? Array.prototype.slice.call(c.querySelectorAll(".side")).filter(shown).map(function (s) {
          return {
            value: s.querySelector(".value").textContent,
            sentences: Array.prototype.slice.call(s.querySelectorAll("blockquote")).filter(shown).map(function (b) {
              var m = b.querySelector("mark");
              return { text: b.textContent, marked: m ? m.textContent : null };
            })
          };
        }) : []
      };
    });
    location.hash = "#article-2";
  },
  function () {
    var page = document.getElementById("article-2");
    out.pageShown = shown(page);
    out.otherPagesShown = q("article.page").filter(shown).length;
    out.factMarks = q("#article-2 mark.f").filter(shown).length;
    out.factKinds = q("#article-2 mark.f").map(function (m) { return m.className; }).filter(function (v, i, a) { return a.indexOf(v) === i; });
    out.externalResources = performance.getEntriesByType("resource").map(function (r) { return r.name; });
    done(out);
  }
];
var i = 0;
(function next() { steps[i++](); if (i < steps.length) { setTimeout(next, 100); } })();
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    chromium()
    work = tmp_path_factory.mktemp("browser")
    db = work / "kb.sqlite"
    page = work / "report.html"
    for args in (
        ["build", *map(str, dnnd.seed_paths()), "-o", str(db)],
        ["report", "--format", "html", "--corpus", str(db), "-o", str(page)],
    ):
        done = subprocess.run([sys.executable, "-m", "dnnd", *args], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    return db, page


def test_what_a_person_sees_in_the_report(built: tuple[Path, Path], tmp_path: Path) -> None:
    db, page = built
    data = report.collect(store.load(db), store.texts(db))
    kind = "seminar"
    province = "Bắc Giang"
    checks = CHECKS.replace("KIND", f'"{kind}"').replace("PROVINCE", f'"{province}"')
    seen = run_checks(page, checks, tmp_path)
    assert "exception" not in seen, seen.get("exception")
    assert seen["errors"] == []
    assert seen["externalResources"] == []
    # the timeline: one mark per dated reported event; the filters change what is shown
    assert seen["timelineVisible"]
    with contextlib.closing(sqlite3.connect(db)) as conn:
        (dated_reported,) = conn.execute(
            "SELECT count(*) FROM events WHERE reported = 1 AND date_start IS NOT NULL"
        ).fetchone()
    assert seen["marks"] == len(data.marks) == dated_reported == 7
    assert seen["countText"] == f"{len(data.marks)} of {len(data.marks)} events shown"
    of_kind = sum(1 for m in data.marks if m.kind == kind)
    assert seen["marksOfKind"] == seen["rowsOfKind"] == of_kind < len(data.marks)
    assert seen["countTextOfKind"] == f"{of_kind} of {len(data.marks)} events shown"
    assert seen["marksOfProvince"] == sum(1 for m in data.marks if m.province == province) < len(data.marks)
    assert seen["zoomMoved"] and seen["marksZoomed"] <= len(data.marks)
    assert seen["marksReset"] == len(data.marks)
    # the network: one node per entity drawn; hiding people leaves the organisations
    assert seen["nodes"] == len(data.nodes) > 0
    assert seen["edges"] == len(data.edges)
    n_org = sum(1 for n in data.nodes if n.kind == "organisation")
    assert seen["nodesWithoutPeople"] == n_org
    assert seen["nodeCountText"] == f"{n_org} of {len(data.nodes)} entities shown"
    assert seen["focusInfo"]
    # conflicts side by side, each source's sentence with the claim highlighted
    dated = [c for c in seen["conflicts"] if c["title"].startswith("12-CT/TW: date")]
    assert len(dated) == 1
    sides = {s["value"]: s["sentences"] for s in dated[0]["sides"]}
    assert set(sides) == {"2022-01-01", "2022-01-05"}
    for value, sentences in sides.items():
        assert sentences, value
        assert all(s["marked"] and s["marked"] in s["text"] for s in sentences)
    assert any("ngày 1 tháng 1 năm 2022" in s["text"] for s in sides["2022-01-01"])
    assert any("5/1/2022" in s["text"] for s in sides["2022-01-05"])
    # one article at a time, its facts highlighted
    assert seen["pageShown"] and seen["otherPagesShown"] == 1
    assert seen["factMarks"] > 20
    assert {"f f-document", "f f-organisation", "f f-person", "f f-event"} <= set(seen["factKinds"])


def test_the_report_screenshot(built: tuple[Path, Path], tmp_path: Path) -> None:
    _, page = built
    png = screenshot(page, tmp_path / "report.png", fragment="timeline")
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
