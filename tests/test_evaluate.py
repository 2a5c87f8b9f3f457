"""Tests of dnnd.evaluate, the scorer of extraction records against gold."""

from __future__ import annotations

import copy
import json
import os
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dnnd.errors import CorpusFileError
from dnnd.evaluate import (
    ATTRIBUTES,
    FIELDS,
    FieldScore,
    load_gold,
    load_predictions,
    main,
    score_paths,
    score_records,
)

HERE = Path(__file__).resolve().parent
SEED_GOLD = HERE.parent / "src" / "dnnd" / "_seeds" / "gold"
# The workplace's shared folder sits beside the repository root.  A git
# worktree elsewhere can point at it with DNND_SHARED_DIR.
SHARED = Path(
    os.environ.get("DNND_SHARED_DIR")
    or Path(__file__).resolve().parents[1] / ".." / "shared"
)
SCORE_PY = SHARED / "tools" / "score.py"
DEV_GOLDS = [SHARED / "corpus" / name / "gold" for name in ("dev", "dev2")]

Record = dict[str, Any]


# ------------------------------------------------------------------ matching rules

VUFO: Record = {
    "name": "Liên hiệp các tổ chức hữu nghị Việt Nam",
    "abbreviation": "VUFO",
    "aliases": ["Liên hiệp Hữu nghị Việt Nam"],
}


def one(field: str, gold: Record, pred: Record) -> FieldScore:
    return score_records({"a": gold}, {"a": pred}).fields[field]


@pytest.mark.parametrize(
    ("predicted", "tp"),
    [
        ({"name": "Liên hiệp các tổ chức hữu nghị Việt Nam"}, 1),
        ({"name": "VUFO"}, 1),  # gold abbreviation
        ({"name": "Liên hiệp Hữu nghị Việt Nam"}, 1),  # gold alias
        ({"name": "Something else", "aliases": ["vufo"]}, 1),  # predicted alias
        ({"name": "Liên hiệp Hữu nghị"}, 0),
    ],
)
def test_organisation_matched_through_aliases(predicted: Record, tp: int) -> None:
    score = one(
        "organisations", {"organisations": [VUFO]}, {"organisations": [predicted]}
    )
    assert (score.tp, score.fp, score.fn) == (tp, 1 - tp, 1 - tp)


def person(name: str, *positions: tuple[str, str | None]) -> Record:
    return {
        "name": name,
        "positions": [{"title": t, "organisation": o} for t, o in positions],
    }


@pytest.mark.parametrize(
    ("predicted", "counts"),
    [
        (person("Nguyễn Văn Doanh", ("Phó Chủ tịch", "VUFO")), (1, 0, 0)),
        (
            person("Nguyễn Văn Doanh", ("Phó Chủ tịch", "Liên hiệp Hữu nghị Việt Nam")),
            (1, 0, 0),
        ),
        (person("Nguyễn Văn Doanh", ("Phó Chủ tịch", None)), (0, 1, 1)),
        (person("Nguyễn Văn Doanh", ("Chủ tịch", "VUFO")), (0, 1, 1)),
        (
            person("Nguyễn Văn Doanh", ("Phó Chủ tịch", "VUFO"), ("Đại sứ", None)),
            (1, 1, 0),
        ),
        (
            person("Nguyễn Văn Doan", ("Phó Chủ tịch", "VUFO")),
            (0, 1, 1),
        ),  # person unmatched
    ],
)
def test_positions_are_person_title_organisation(
    predicted: Record, counts: tuple[int, int, int]
) -> None:
    gold = {
        "organisations": [VUFO],
        "people": [
            person(
                "Nguyễn Văn Doanh",
                ("Phó Chủ tịch", "Liên hiệp các tổ chức hữu nghị Việt Nam"),
            )
        ],
    }
    score = one("positions", gold, {"people": [predicted]})
    assert (score.tp, score.fp, score.fn) == counts


def test_position_without_organisation_wants_none() -> None:
    gold = {"people": [person("Marc E. Knapper", ("Đại sứ", None))]}
    assert (
        one(
            "positions", gold, {"people": [person("Marc E. Knapper", ("Đại sứ", None))]}
        ).tp
        == 1
    )
    assert (
        one(
            "positions", gold, {"people": [person("Marc E. Knapper", ("Đại sứ", "X"))]}
        ).tp
        == 0
    )


def event(
    date: str,
    kind: str = "seminar",
    location: str | None = "Bắc Giang",
    organisers: tuple[str, ...] = (),
) -> Record:
    return {
        "kind": kind,
        "date": date,
        "location": location,
        "organisers": list(organisers),
    }


@pytest.mark.parametrize(
    ("gold_date", "pred_date", "tp"),
    [
        ("2022-07-20", "2022-07-20", 1),
        ("2022-07-20", "2021-07-20", 0),
        ("XXXX-07-14", "2022-07-14", 1),  # unknown year accepts any year
        ("XXXX-07-14", "1999-07-14", 1),
        ("XXXX-07-14", "XXXX-07-14", 1),
        ("XXXX-07-14", "2022-07", 0),
        ("2022-07", "2022-07", 1),
        ("2022", "2022-07-01", 0),
    ],
)
def test_events_matched_by_date(gold_date: str, pred_date: str, tp: int) -> None:
    assert (
        one("events", {"events": [event(gold_date)]}, {"events": [event(pred_date)]}).tp
        == tp
    )


def test_event_attributes_scored_on_matched_events() -> None:
    gold = {
        "organisations": [VUFO],
        "events": [
            event(
                "2022-07-20",
                "seminar",
                "tỉnh Bắc Giang",
                ("Liên hiệp các tổ chức hữu nghị Việt Nam",),
            )
        ],
    }
    pred = {"events": [event("2022-07-20", "conference", "Bắc Giang", ("VUFO",))]}
    attributes = score_records({"a": gold}, {"a": pred}).attributes
    assert (attributes["event.kind"].correct, attributes["event.kind"].total) == (0, 1)
    assert attributes["event.location"].accuracy == 1.0
    assert attributes["event.organisers"].accuracy == 1.0


def test_events_prefer_same_kind_on_same_date() -> None:
    gold = {"events": [event("2022-07-20", "seminar"), event("2022-07-20", "visit")]}
    pred = {"events": [event("2022-07-20", "visit"), event("2022-07-20", "seminar")]}
    report = score_records({"a": gold}, {"a": pred})
    assert report.fields["events"].tp == 2
    assert report.attributes["event.kind"].accuracy == 1.0


@pytest.mark.parametrize(
    ("predicted", "tp"),
    [
        ({"kind": "directive", "number": "12-CT/TW"}, 1),
        ({"kind": "directive", "number": "số 12 - ct/tw"}, 1),
        ({"kind": "directive", "number": "12-CT/TU"}, 0),
        ({"kind": "directive", "number": None}, 0),  # unnumbered: not scored
    ],
)
def test_documents_matched_by_canonical_number(predicted: Record, tp: int) -> None:
    score = one(
        "documents",
        {"documents": [{"kind": "directive", "number": "12-CT/TW"}]},
        {"documents": [predicted]},
    )
    assert (score.tp, score.fn) == (tp, 1 - tp)


@pytest.mark.parametrize(
    ("gold", "predicted", "tp"),
    [
        ({"ordinal": 13, "scope": "national"}, {"ordinal": 13, "scope": "national"}, 1),
        (
            {"ordinal": 13, "scope": "national"},
            {"ordinal": "13", "scope": "National"},
            1,
        ),
        ({"ordinal": 13, "scope": "national"}, {"ordinal": 12, "scope": "national"}, 0),
        (
            {"ordinal": 19, "scope": "Bắc Giang"},
            {"ordinal": 19, "scope": "tỉnh Bắc Giang"},
            1,
        ),
        ({"ordinal": 17, "scope": "Hà Nội"}, {"ordinal": 17, "scope": "TP. Hà Nội"}, 1),
        ({"ordinal": 17, "scope": "Hà Nội"}, {"ordinal": 17, "scope": "national"}, 0),
    ],
)
def test_congresses_matched_by_ordinal_and_scope(
    gold: Record, predicted: Record, tp: int
) -> None:
    assert (
        one(
            "congress_resolutions",
            {"congress_resolutions": [gold]},
            {"congress_resolutions": [predicted]},
        ).tp
        == tp
    )


def test_published_and_document_attributes() -> None:
    gold = {
        "published": "2022-07-20",
        "documents": [
            {"kind": "directive", "number": "12-CT/TW", "date": "2022-01-05"}
        ],
    }
    pred = {
        "published": "2022-07-21",
        "documents": [{"kind": "decision", "number": "12-CT/TW", "date": "2022-01-05"}],
    }
    report = score_records({"a": gold}, {"a": pred})
    assert report.attributes["published"].accuracy == 0.0
    assert report.attributes["document.date"].accuracy == 1.0
    assert report.attributes["document.kind"].accuracy == 0.0
    assert {(m.field, m.kind) for m in report.misses} == {
        ("published", "wrong"),
        ("document.kind", "wrong"),
    }


def test_missing_prediction_scores_as_empty_record() -> None:
    report = score_records(
        {"a": {"people": [{"name": "Lê Văn B"}]}, "b": {}}, {"b": {}}
    )
    assert report.missing_predictions == ("a",)
    assert report.fields["people"] == FieldScore(tp=0, fp=0, fn=1)
    assert [(m.field, m.article, m.kind) for m in report.misses] == [
        ("people", "a", "missed")
    ]


# ------------------------------------------------------------------ seeds, loading, CLI


def test_perfect_score_on_seed_gold() -> None:
    gold = load_gold(SEED_GOLD)
    assert len(gold) == 5
    report = score_records(gold, copy.deepcopy(gold))
    assert report.macro_f1 == 1.0
    assert all(s.fn == 0 and s.fp == 0 for s in report.fields.values())
    assert all(a.accuracy == 1.0 for a in report.attributes.values())
    assert report.misses == () and report.missing_predictions == ()
    assert list(report.fields) == list(FIELDS)
    assert list(report.attributes) == list(ATTRIBUTES)
    assert report.format().splitlines()[-1] == "macro F1 1.000"


def test_predictions_from_json_lines_keyed_by_source_stem(tmp_path: Path) -> None:
    gold = load_gold(SEED_GOLD)
    lines = tmp_path / "pred.jsonl"
    lines.write_text(
        "\n".join(
            json.dumps({**r, "source": f"x/{k}.txt"}, ensure_ascii=False)
            for k, r in gold.items()
        )
        + "\n\n",
        encoding="utf-8",
    )
    assert set(load_predictions(lines)) == set(gold)
    assert score_paths(SEED_GOLD, lines).macro_f1 == 1.0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"source": "a.txt"}\n{"source": \n', "pred.jsonl:2"),
        ('{"title": "no source"}\n', "pred.jsonl:1: record without 'source'"),
        ("[1, 2]\n", "pred.jsonl:1: expected a JSON object"),
    ],
)
def test_bad_json_lines_name_file_and_line(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "pred.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusFileError, match=message):
        load_predictions(path)


def test_bad_gold_file_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(
        '{\n  "published": null,\n  oops\n}', encoding="utf-8"
    )
    with pytest.raises(CorpusFileError, match=r"a\.json:3"):
        load_gold(tmp_path)
    (tmp_path / "empty").mkdir()
    with pytest.raises(CorpusFileError, match="no gold records"):
        load_gold(tmp_path / "empty")
    with pytest.raises(CorpusFileError, match="not a folder"):
        load_gold(tmp_path / "nowhere")


def test_main_prints_table_and_writes_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "summary.json"
    assert main([str(SEED_GOLD), str(SEED_GOLD), "--verbose", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "organisations" in printed and printed.rstrip().endswith("macro F1 1.000")
    assert json.loads(out.read_text(encoding="utf-8"))["macro_f1"] == 1.0


def test_main_reports_bad_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path), str(tmp_path)]) == 2
    assert "no gold records" in capsys.readouterr().err


# ------------------------------------------------------------------ agreement with score.py

Perturb = Callable[[dict[str, Record], random.Random], dict[str, Record]]

TONE_SWAPS = [
    ("òa", "oà"),
    ("óa", "oá"),
    ("ủy", "uỷ"),
    ("Ủy", "Uỷ"),
    ("ỏe", "oẻ"),
    ("úy", "uý"),
]


def retone(text: str) -> str:
    for a, b in TONE_SWAPS:
        text = text.replace(a, b)
    return text.replace("thành phố ", "TP. ").replace(" - ", " – ")


def each_record(change: Callable[[Record, random.Random], None]) -> Perturb:
    def perturb(gold: dict[str, Record], rng: random.Random) -> dict[str, Record]:
        pred = copy.deepcopy(gold)
        for record in pred.values():
            change(record, rng)
        return pred

    return perturb


def drop_items(record: Record, rng: random.Random) -> None:
    for key in (
        "documents",
        "congress_resolutions",
        "organisations",
        "people",
        "events",
    ):
        items = record.get(key) or []
        record[key] = [x for x in items if rng.random() > 0.35]
    for p in record.get("people") or []:
        p["positions"] = [x for x in p.get("positions") or [] if rng.random() > 0.3]


def add_extras(record: Record, rng: random.Random) -> None:
    record.setdefault("documents", []).append(
        {"kind": "decree", "number": f"{rng.randint(1, 99)}/2020/NĐ-CP"}
    )
    record.setdefault("congress_resolutions", []).append(
        {"ordinal": rng.randint(1, 20), "scope": "tỉnh Nghệ An"}
    )
    record.setdefault("organisations", []).append(
        {"name": "Hội hữu nghị Việt Nam – Lào", "aliases": []}
    )
    record.setdefault("people", []).append(
        person("Trần Thị X", ("Chủ tịch", "Hội hữu nghị Việt Nam – Lào"))
    )
    record.setdefault("events", []).append(
        event(f"2021-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}", "visit")
    )
    people = record["people"]
    if people:
        people[0].setdefault("positions", []).append(
            {"title": "Ủy viên", "organisation": None}
        )


def change_attributes(record: Record, rng: random.Random) -> None:
    if rng.random() < 0.5:
        record["published"] = rng.choice([None, "2022-01-01", record.get("published")])
    orgs = [o for o in record.get("organisations") or []]
    for d in record.get("documents") or []:
        if rng.random() < 0.5:
            d["date"] = rng.choice([None, "2020-01-01", d.get("date")])
        if rng.random() < 0.4:
            d["kind"] = rng.choice(["directive", "resolution", "other"])
    for e in record.get("events") or []:
        r = rng.random()
        if r < 0.2:
            e["date"] = "1999" + str(e["date"])[4:]
        elif r < 0.35 and str(e.get("date", "")).startswith("XXXX"):
            e["date"] = "2023" + e["date"][4:]
        if rng.random() < 0.4:
            e["kind"] = rng.choice(["conference", "seminar", "visit", "other"])
        if rng.random() < 0.4:
            e["location"] = rng.choice(
                [
                    None,
                    "Hà Nội",
                    f"tỉnh {e.get('location')}",
                    f"TP. {e.get('location')}",
                ]
            )
        if rng.random() < 0.5:
            choice = rng.random()
            if choice < 0.3:
                e["organisers"] = []
            elif choice < 0.6 and orgs:
                o = rng.choice(orgs)
                names = [
                    o.get("name"),
                    o.get("abbreviation"),
                    *(o.get("aliases") or []),
                ]
                e["organisers"] = [rng.choice([n for n in names if n])]
            else:
                e["organisers"] = ["Ban Tổ chức"]
    for p in record.get("people") or []:
        for pos in p.get("positions") or []:
            if rng.random() < 0.3:
                pos["title"] = rng.choice(["Chủ tịch", pos.get("title")])
            if rng.random() < 0.4:
                org = pos.get("organisation")
                aliases = [
                    a
                    for o in orgs
                    if o.get("name") == org
                    for a in o.get("aliases") or []
                ]
                pos["organisation"] = rng.choice([None, org, "Bộ Ngoại giao", *aliases])


def rename_variants(record: Record, rng: random.Random) -> None:
    for o in record.get("organisations") or []:
        o["name"] = retone(o["name"]) if rng.random() < 0.7 else o["name"] + " mới"
        if rng.random() < 0.3:
            o["abbreviation"] = None
            o["aliases"] = []
    for p in record.get("people") or []:
        p["name"] = (
            retone(p["name"]).upper() if rng.random() < 0.8 else "Ông " + p["name"]
        )
        for pos in p.get("positions") or []:
            if pos.get("organisation"):
                pos["organisation"] = retone(pos["organisation"])
    for d in record.get("documents") or []:
        if d.get("number") and rng.random() < 0.6:
            d["number"] = "số " + d["number"].lower().replace("-", " – ")
    for c in record.get("congress_resolutions") or []:
        if c.get("scope") != "national" and rng.random() < 0.7:
            c["scope"] = rng.choice(["tỉnh ", "thành phố ", "TP "]) + retone(
                str(c.get("scope"))
            )
        if rng.random() < 0.2:
            c["ordinal"] = str(c.get("ordinal"))
    for e in record.get("events") or []:
        e["organisers"] = [retone(o) for o in e.get("organisers") or [] if o]
        if e.get("location"):
            e["location"] = retone(e["location"])


def noisy(text: str, rng: random.Random) -> str:
    """Spelling noise the normalisation should absorb (and sometimes not)."""
    words = text.split(" ")
    i = rng.randrange(len(words))
    words[i] = rng.choice(
        ["", "TP.", "tp", "-", " / ", ",", "\u00a0", "thành phố", words[i] + "."]
    )
    return rng.choice([" ", "  ", " \t"]).join(words).swapcase()


def add_noise(record: Record, rng: random.Random) -> None:
    for o in record.get("organisations") or []:
        o["name"] = noisy(str(o.get("name")), rng)
    for p in record.get("people") or []:
        for pos in p.get("positions") or []:
            if pos.get("title") and rng.random() < 0.5:
                pos["title"] = noisy(pos["title"], rng)
    for e in record.get("events") or []:
        if e.get("location") and rng.random() < 0.7:
            e["location"] = noisy(e["location"], rng)
        e["organisers"] = [noisy(str(o), rng) for o in e.get("organisers") or []]
    for c in record.get("congress_resolutions") or []:
        c["scope"] = noisy(str(c.get("scope")), rng)


def drop_articles(gold: dict[str, Record], rng: random.Random) -> dict[str, Record]:
    pred = copy.deepcopy(gold)
    for key in sorted(pred)[::3]:
        del pred[key]
    return pred


def everything(gold: dict[str, Record], rng: random.Random) -> dict[str, Record]:
    pred = drop_articles(gold, rng)
    for record in pred.values():
        for change in (
            rename_variants,
            add_noise,
            change_attributes,
            drop_items,
            add_extras,
        ):
            if rng.random() < 0.6:
                change(record, rng)
    return pred


PERTURBATIONS: dict[str, Perturb] = {
    "identity": lambda gold, rng: copy.deepcopy(gold),
    "drop_items": each_record(drop_items),
    "add_extras": each_record(add_extras),
    "add_noise": each_record(add_noise),
    "change_attributes": each_record(change_attributes),
    "rename_variants": each_record(rename_variants),
    "drop_articles": drop_articles,
    "everything": everything,
}


def gold_sets() -> list[Path]:
    return [SEED_GOLD, *(g for g in DEV_GOLDS if g.is_dir())]


def write_predictions(pred: dict[str, Record], folder: Path, as_lines: bool) -> Path:
    if as_lines:
        path = folder / "pred.jsonl"
        path.write_text(
            "".join(
                json.dumps({**r, "source": f"corpus/{k}.txt"}, ensure_ascii=False)
                + "\n"
                for k, r in pred.items()
            ),
            encoding="utf-8",
        )
        return path
    path = folder / "pred"
    path.mkdir()
    for key, record in pred.items():
        (path / f"{key}.json").write_text(
            json.dumps(record, ensure_ascii=False), encoding="utf-8"
        )
    return path


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("name", sorted(PERTURBATIONS))
@pytest.mark.parametrize("gold_dir", gold_sets(), ids=lambda p: p.parent.name)
def test_agrees_with_reference_scorer(
    tmp_path: Path, gold_dir: Path, name: str, seed: int
) -> None:
    if not SCORE_PY.is_file():
        pytest.skip(
            "the workplace's reference scorer (../shared/tools/score.py) is absent"
        )
    if name == "identity" and seed:
        pytest.skip("identity does not depend on the seed")
    gold = load_gold(gold_dir)
    pred = PERTURBATIONS[name](gold, random.Random(f"{name}/{seed}"))
    predictions = write_predictions(pred, tmp_path, as_lines=bool(seed % 2))
    out = tmp_path / "reference.json"
    subprocess.run(
        [
            sys.executable,
            str(SCORE_PY),
            str(gold_dir),
            str(predictions),
            "--json",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    expected = json.loads(out.read_text(encoding="utf-8"))
    assert score_paths(gold_dir, predictions).to_dict() == expected


@pytest.mark.parametrize("name", sorted(PERTURBATIONS))
@pytest.mark.parametrize("gold_dir", gold_sets(), ids=lambda p: p.parent.name)
def test_prints_the_reference_scorers_table(tmp_path: Path, gold_dir: Path, name: str) -> None:
    # the printed figures too, digit for digit (76/0/1 is F1 0.99346: "0.994" once rounded to 4 places)
    if not SCORE_PY.is_file():
        pytest.skip("the workplace's reference scorer (../shared/tools/score.py) is absent")
    gold = load_gold(gold_dir)
    predictions = write_predictions(PERTURBATIONS[name](gold, random.Random(f"{name}/0")), tmp_path, as_lines=True)
    shown = subprocess.run(
        [sys.executable, str(SCORE_PY), str(gold_dir), str(predictions)], check=True, capture_output=True, text=True
    ).stdout
    assert score_paths(gold_dir, predictions).format() + "\n" == shown


def test_a_figure_is_rounded_to_four_places_before_it_is_printed() -> None:
    from dnnd.evaluate import FIELDS, FieldScore, Report

    fields = {name: FieldScore(tp=76, fp=0, fn=1) if name == "positions" else FieldScore() for name in FIELDS}
    assert "1.000  0.987  0.994   76/0/1" in Report(fields=fields, attributes={}).format()
