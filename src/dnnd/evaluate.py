"""Score extraction records against gold annotations.

This is dnnd's own scorer for the flat extraction record described in the
extraction contract (``extraction-contract.md``, "The record" and "What
counts").  It measures six fields by precision, recall and F1, and the
publication date and six attributes of matched items by accuracy (among
them whether organisers a prediction adds are real ones, and whether a year
the text does not give was left unknown)::

    >>> gold = {"a1": {"published": "2022-07-20",
    ...                "documents": [{"kind": "directive", "number": "12-CT/TW"}]}}
    >>> predicted = {"a1": {"published": "2022-07-20",
    ...                     "documents": [{"kind": "directive", "number": "số 12-CT/TW"}]}}
    >>> report = score_records(gold, predicted)
    >>> report.fields["documents"].f1
    1.0
    >>> report.attributes["published"].accuracy
    1.0

How items are matched
---------------------

* documents: by canonical number (:func:`~dnnd.normalise.number_key`); unnumbered documents
  are not scored.  ``document.date`` and ``document.kind`` are checked on
  matched documents whose gold value is known.
* congress_resolutions: by ``(ordinal, scope)``, the scope compared with
  :func:`~dnnd.normalise.place_key` (so ``"tỉnh Bắc Giang"`` equals ``"Bắc Giang"``).
* organisations: a predicted organisation matches when any of its name,
  abbreviation or aliases equals (by :func:`~dnnd.normalise.name_key`) the gold name or any
  gold alias.
* people: by :func:`~dnnd.normalise.name_key` of the name.
* positions: ``(person, title, organisation)`` triples within matched
  people; a predicted organisation is accepted when it is any name of the
  gold organisation as listed among the gold organisations.
* events: by date (a gold ``XXXX-MM-DD`` accepts any year), preferring a
  candidate of the same kind; ``event.kind``, ``event.location`` and
  ``event.organisers`` are checked on matched events.

Matching is greedy and one-to-one: gold items are taken in order and each
takes the first still-unused prediction that fits.

Command line::

    python -m dnnd.evaluate GOLD_DIR PREDICTIONS [--verbose] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path, PurePath
from typing import Any, Literal, TypeVar

import attrs

from dnnd._jsonfile import loads, read_file
from dnnd.errors import CorpusFileError
from dnnd.normalise import name_key, number_key, place_key

__all__ = [
    "ATTRIBUTES",
    "FIELDS",
    "AttributeScore",
    "FieldScore",
    "Miss",
    "Report",
    "load_gold",
    "load_predictions",
    "main",
    "score_paths",
    "score_records",
]

FIELDS: tuple[str, ...] = (
    "documents",
    "congress_resolutions",
    "organisations",
    "people",
    "positions",
    "events",
)
"""The scored fields, in report order."""

ATTRIBUTES: tuple[str, ...] = (
    "published",
    "document.date",
    "document.kind",
    "event.kind",
    "event.location",
    "event.organisers",
    "event.organisers.precision",
    "event.unknown_year",
)
"""The attributes scored by accuracy, in report order."""

MissKind = Literal["missed", "extra", "wrong"]

def _date_text(value: object) -> str:
    return str(value).strip() if value else ""


def _same_date(gold: str, predicted: str) -> bool:
    """Whether a predicted date fits a gold one; ``XXXX-MM-DD`` fits any year."""
    if not gold or not predicted:
        return False
    if gold.startswith("XXXX-"):
        return len(predicted) == 10 and predicted[5:] == gold[-5:]
    return gold == predicted


# --------------------------------------------------------------- result types


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


@attrs.frozen(kw_only=True)
class FieldScore:
    """Detection counts for one field, with precision, recall and F1.

    An empty denominator counts as perfect (1.0) for precision and recall.

    >>> score = FieldScore(tp=3, fp=1, fn=0)
    >>> score.precision, score.recall
    (0.75, 1.0)
    >>> round(score.f1, 4)
    0.8571
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """``tp / (tp + fp)``, or 1.0 when nothing was predicted."""
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        """``tp / (tp + fn)``, or 1.0 when there was nothing to find."""
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0.0 when both are 0)."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@attrs.frozen(kw_only=True)
class AttributeScore:
    """Accuracy of one attribute over the items where it was checked.

    >>> AttributeScore(correct=3, total=4).accuracy
    0.75
    >>> AttributeScore(correct=0, total=0).accuracy
    1.0
    """

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        """``correct / total``, or 1.0 when nothing was checked."""
        return _ratio(self.correct, self.total)


@attrs.frozen(kw_only=True)
class Miss:
    """One disagreement between gold and prediction.

    ``field`` is a field name (for ``missed`` and ``extra`` items) or an
    attribute name (for ``wrong`` values).

    >>> Miss(field="people", article="000_x", kind="missed", description="Nguyễn Văn A")
    Miss(field='people', article='000_x', kind='missed', description='Nguyễn Văn A')
    """

    field: str
    article: str
    kind: MissKind
    description: str

    def __str__(self) -> str:
        return f"[{self.field}] {self.article}: {self.kind} {self.description}"


@attrs.frozen(kw_only=True)
class Report:
    """The result of scoring a set of articles.

    ``fields`` maps each of :data:`FIELDS` to its :class:`FieldScore`;
    ``attributes`` maps each of :data:`ATTRIBUTES` to its
    :class:`AttributeScore`; ``misses`` lists every disagreement;
    ``missing_predictions`` names the gold articles that had no prediction;
    ``articles`` is the number of gold articles scored.

    >>> report = score_records({"a": {"people": [{"name": "Lê Văn B"}]}}, {})
    >>> report.fields["people"].fn, report.missing_predictions
    (1, ('a',))
    >>> print(report.format().splitlines()[-1])
    macro F1 0.833
    """

    fields: Mapping[str, FieldScore]
    attributes: Mapping[str, AttributeScore]
    misses: tuple[Miss, ...] = ()
    missing_predictions: tuple[str, ...] = ()
    articles: int = 0

    @property
    def macro_f1(self) -> float:
        """Mean F1 over the six fields."""
        scores = [self.fields[name].f1 for name in FIELDS]
        return sum(scores) / len(scores)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary, rounded to 4 places.

        Shape: ``{"fields": {field: {precision, recall, f1, tp, fp, fn}},
        "attributes": {name: {accuracy, n}}, "macro_f1": float}``.

        >>> report = score_records({"a": {}}, {"a": {}})
        >>> report.to_dict()["fields"]["events"]
        {'precision': 1.0, 'recall': 1.0, 'f1': 1.0, 'tp': 0, 'fp': 0, 'fn': 0}
        """
        fields = {
            name: {
                "precision": round(score.precision, 4),
                "recall": round(score.recall, 4),
                "f1": round(score.f1, 4),
                "tp": score.tp,
                "fp": score.fp,
                "fn": score.fn,
            }
            for name, score in self.fields.items()
        }
        attributes = {
            name: {"accuracy": round(score.accuracy, 4), "n": score.total}
            for name, score in self.attributes.items()
        }
        return {
            "fields": fields,
            "attributes": attributes,
            "macro_f1": round(self.macro_f1, 4),
        }

    def format(self, *, verbose: bool = False) -> str:
        """A readable table; with ``verbose`` every miss is listed too.

        >>> text = score_records({"a": {}}, {"a": {}}).format()
        >>> text.splitlines()[0].split()
        ['field', 'P', 'R', 'F1', 'tp/fp/fn']
        """
        # figures are rounded to 4 places (as in :meth:`to_dict`) before they are printed to 3,
        # so that the table reads digit for digit as the reference scorer's
        lines = [f"{'field':27} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn"]
        for name, s in self.fields.items():
            lines.append(
                f"{name:27} {round(s.precision, 4):6.3f} {round(s.recall, 4):6.3f} {round(s.f1, 4):6.3f}"
                f"   {s.tp}/{s.fp}/{s.fn}"
            )
        for name, a in self.attributes.items():
            lines.append(f"{name:27} accuracy {round(a.accuracy, 4):.3f} over {a.total}")
        if self.missing_predictions:
            shown = ", ".join(self.missing_predictions[:10])  # the first ten, as the reference scorer shows
            of = f" of {self.articles}" if self.articles else ""
            lines.append(f"no prediction for {len(self.missing_predictions)}{of} articles: {shown}")
        if verbose:
            lines.extend(f"  {miss}" for miss in self.misses)
        lines.append(f"macro F1 {round(self.macro_f1, 4):.3f}")
        return "\n".join(lines)


# --------------------------------------------------------------- matching

T = TypeVar("T")
U = TypeVar("U")


def _pair_up(
    gold: Sequence[T],
    predicted: Sequence[U],
    fits: Callable[[T, U], bool],
    *,
    gold_indices: Iterable[int] | None = None,
    taken: set[int] | None = None,
) -> dict[int, int]:
    """Greedy one-to-one matching: gold index -> predicted index.

    Each gold item, in order, takes the first unused prediction that fits.
    ``taken`` (updated in place) holds predictions already used.
    """
    used = taken if taken is not None else set()
    pairs: dict[int, int] = {}
    for g in range(len(gold)) if gold_indices is None else gold_indices:
        for p, candidate in enumerate(predicted):
            if p not in used and fits(gold[g], candidate):
                pairs[g] = p
                used.add(p)
                break
    return pairs


def _items(record: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    """The object entries of a list field (anything else is ignored)."""
    value = record.get(key)
    if not isinstance(value, list | tuple):
        return []
    return [item for item in value if isinstance(item, Mapping)]


def _texts(value: object) -> list[Any]:
    """The entries of a list of strings; a bare string is a one-item list."""
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list | tuple):
        return list(value)
    return []


def _organisation_keys(org: Mapping[str, Any]) -> frozenset[str]:
    """Every normalised name an organisation goes by."""
    names = [org.get("name"), org.get("abbreviation"), *_texts(org.get("aliases"))]
    return frozenset(k for k in (name_key(n) for n in names if n) if k)


def _ordinal(value: object) -> int | None:
    try:
        return int(value)  # type: ignore[call-overload, no-any-return]
    except (TypeError, ValueError, OverflowError):
        return None


def _congress_key(congress: Mapping[str, Any]) -> tuple[int | None, str]:
    scope = congress.get("scope") or ""
    scope_key = "national" if name_key(scope) == "national" else place_key(scope)
    return _ordinal(congress.get("ordinal")), scope_key


@attrs.define
class _Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0


@attrs.define
class _Checks:
    correct: int = 0
    total: int = 0


@attrs.define
class _Tally:
    """Mutable accumulator behind :func:`score_records`."""

    counts: dict[str, _Counts] = attrs.field(
        factory=lambda: {f: _Counts() for f in FIELDS}
    )
    checks: dict[str, _Checks] = attrs.field(
        factory=lambda: {a: _Checks() for a in ATTRIBUTES}
    )
    misses: list[Miss] = attrs.field(factory=list)

    def detection(
        self,
        field: str,
        article: str,
        gold: Sequence[T],
        predicted: Sequence[T],
        pairs: Mapping[int, int],
        describe: Callable[[T], object],
    ) -> None:
        counts = self.counts[field]
        counts.tp += len(pairs)
        counts.fn += len(gold) - len(pairs)
        counts.fp += len(predicted) - len(pairs)
        hit = set(pairs.values())
        for i, item in enumerate(gold):
            if i not in pairs:
                self.misses.append(
                    Miss(
                        field=field,
                        article=article,
                        kind="missed",
                        description=str(describe(item)),
                    )
                )
        for i, item in enumerate(predicted):
            if i not in hit:
                self.misses.append(
                    Miss(
                        field=field,
                        article=article,
                        kind="extra",
                        description=str(describe(item)),
                    )
                )

    def check(self, attribute: str, article: str, ok: bool, description: str) -> None:
        checks = self.checks[attribute]
        checks.total += 1
        if ok:
            checks.correct += 1
        else:
            self.misses.append(
                Miss(
                    field=attribute,
                    article=article,
                    kind="wrong",
                    description=description,
                )
            )


class _Article:
    """Scores one article's prediction against its gold record."""

    def __init__(
        self,
        tally: _Tally,
        article: str,
        gold: Mapping[str, Any],
        pred: Mapping[str, Any],
    ) -> None:
        self.tally = tally
        self.article = article
        self.gold = gold
        self.pred = pred
        self.gold_orgs: list[frozenset[str]] = []

    def run(self) -> None:
        self.published()
        self.documents()
        self.congresses()
        self.organisations()
        self.people()
        self.events()

    def organisation_fits(self, gold_org: object, pred_org: object) -> bool:
        """Whether a predicted organisation name stands for a gold one.

        A gold organisation that is a listed gold organisation is accepted
        under any of that organisation's names.
        """
        if not gold_org:
            return not pred_org
        wanted = name_key(str(gold_org))
        accepted: frozenset[str] = frozenset({wanted})
        for names in self.gold_orgs:
            if wanted in names:
                accepted = names
                break
        return name_key(str(pred_org) if pred_org else None) in accepted

    def published(self) -> None:
        gold = _date_text(self.gold.get("published"))
        pred = _date_text(self.pred.get("published"))
        if gold or pred:
            self.tally.check(
                "published",
                self.article,
                gold == pred,
                f"gold {gold or None} got {pred or None}",
            )

    def documents(self) -> None:
        gold = [
            d for d in _items(self.gold, "documents") if number_key(d.get("number"))
        ]
        pred = [
            d for d in _items(self.pred, "documents") if number_key(d.get("number"))
        ]
        pairs = _pair_up(
            gold, pred, lambda g, p: number_key(g["number"]) == number_key(p["number"])
        )
        self.tally.detection(
            "documents", self.article, gold, pred, pairs, lambda d: d.get("number")
        )
        for g, p in ((gold[i], pred[j]) for i, j in pairs.items()):
            number = g["number"]
            if g.get("date"):
                self.tally.check(
                    "document.date",
                    self.article,
                    _same_date(str(g["date"]), _date_text(p.get("date"))),
                    f"{number} gold {g['date']} got {p.get('date')}",
                )
            if g.get("kind"):
                self.tally.check(
                    "document.kind",
                    self.article,
                    g["kind"] == p.get("kind"),
                    f"{number} gold {g['kind']} got {p.get('kind')}",
                )

    def congresses(self) -> None:
        gold = [_congress_key(c) for c in _items(self.gold, "congress_resolutions")]
        pred = [_congress_key(c) for c in _items(self.pred, "congress_resolutions")]
        pairs = _pair_up(gold, pred, lambda g, p: g == p)
        self.tally.detection(
            "congress_resolutions",
            self.article,
            gold,
            pred,
            pairs,
            lambda k: f"{k[0]} {k[1]}",
        )

    def organisations(self) -> None:
        gold = _items(self.gold, "organisations")
        pred = _items(self.pred, "organisations")
        self.gold_orgs = [_organisation_keys(o) for o in gold]
        pred_keys = [_organisation_keys(o) for o in pred]
        pairs = _pair_up(self.gold_orgs, pred_keys, lambda g, p: not g.isdisjoint(p))
        self.tally.detection(
            "organisations", self.article, gold, pred, pairs, lambda o: o.get("name")
        )

    def people(self) -> None:
        gold = _items(self.gold, "people")
        pred = _items(self.pred, "people")
        pairs = _pair_up(
            gold, pred, lambda g, p: name_key(g.get("name")) == name_key(p.get("name"))
        )
        self.tally.detection(
            "people", self.article, gold, pred, pairs, lambda x: x.get("name")
        )
        counts = self.tally.counts["positions"]
        for gi, person in enumerate(gold):
            gold_pos = _items(person, "positions")
            pred_pos = _items(pred[pairs[gi]], "positions") if gi in pairs else []
            found = _pair_up(gold_pos, pred_pos, self.position_fits)
            counts.tp += len(found)
            counts.fn += len(gold_pos) - len(found)
            name = person.get("name")
            for i, pos in enumerate(gold_pos):
                if i not in found:
                    self.tally.misses.append(
                        Miss(
                            field="positions",
                            article=self.article,
                            kind="missed",
                            description=f"{name}: {pos.get('title')} | {pos.get('organisation')}",
                        )
                    )
        matched_pred = {p: g for g, p in pairs.items()}
        for pi, person in enumerate(pred):
            pred_pos = _items(person, "positions")
            if pi in matched_pred:
                gold_pos = _items(gold[matched_pred[pi]], "positions")
                used = set(_pair_up(gold_pos, pred_pos, self.position_fits).values())
            else:
                used = set()
            counts.fp += len(pred_pos) - len(used)
            for j, pos in enumerate(pred_pos):
                if j not in used:
                    self.tally.misses.append(
                        Miss(
                            field="positions",
                            article=self.article,
                            kind="extra",
                            description=f"{person.get('name')}: {pos.get('title')}"
                            f" | {pos.get('organisation')}",
                        )
                    )

    def position_fits(self, gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
        return name_key(gold.get("title")) == name_key(pred.get("title")) and (
            self.organisation_fits(gold.get("organisation"), pred.get("organisation"))
        )

    def events(self) -> None:
        gold = [e for e in _items(self.gold, "events") if e.get("date")]
        pred = [e for e in _items(self.pred, "events") if e.get("date")]

        def same_day(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
            return _same_date(_date_text(g["date"]), _date_text(p["date"]))

        taken: set[int] = set()
        pairs = _pair_up(
            gold,
            pred,
            lambda g, p: same_day(g, p) and g.get("kind") == p.get("kind"),
            taken=taken,
        )
        rest = [i for i in range(len(gold)) if i not in pairs]
        pairs.update(_pair_up(gold, pred, same_day, gold_indices=rest, taken=taken))
        self.tally.detection(
            "events",
            self.article,
            gold,
            pred,
            pairs,
            lambda e: f"{e.get('date')} {e.get('kind')}",
        )
        for gi in sorted(pairs):
            g, p = gold[gi], pred[pairs[gi]]
            label = str(g["date"])
            self.tally.check(
                "event.kind",
                self.article,
                g.get("kind") == p.get("kind"),
                f"{label} gold {g.get('kind')} got {p.get('kind')}",
            )
            if g.get("location"):
                self.tally.check(
                    "event.location",
                    self.article,
                    place_key(g["location"]) == place_key(p.get("location")),
                    f"{label} gold {g['location']} got {p.get('location')}",
                )
            offered = _texts(p.get("organisers"))
            wanted = _texts(g.get("organisers"))
            for org in wanted:
                self.tally.check(
                    "event.organisers",
                    self.article,
                    any(self.organisation_fits(org, o) for o in offered),
                    f"{label} organiser {org} not found",
                )
            # organisers the prediction adds must be gold organisers too
            for o in offered:
                self.tally.check(
                    "event.organisers.precision",
                    self.article,
                    any(self.organisation_fits(org, o) for org in wanted),
                    f"{label} organiser {o} is not one",
                )
            # where the text does not fix the year (gold XXXX), a guessed year is wrong
            if label.startswith("XXXX"):
                self.tally.check(
                    "event.unknown_year",
                    self.article,
                    _date_text(p.get("date")).startswith("XXXX"),
                    f"{label} year not in the text, got {p.get('date')}",
                )


# --------------------------------------------------------------- public API


def score_records(
    gold: Mapping[str, Mapping[str, Any]], predicted: Mapping[str, Mapping[str, Any]]
) -> Report:
    """Score predicted records against gold records.

    Both map an article id (the file stem) to a contract record.  Every gold
    article is scored; one with no prediction is scored against an empty
    record and listed in :attr:`Report.missing_predictions`.  Predictions
    for articles without gold are ignored.

    >>> gold = {"a": {"organisations": [{"name": "Liên hiệp các tổ chức hữu nghị Việt Nam",
    ...                                  "abbreviation": "VUFO"}]}}
    >>> pred = {"a": {"organisations": [{"name": "VUFO"}]}}
    >>> score_records(gold, pred).fields["organisations"]
    FieldScore(tp=1, fp=0, fn=0)
    """
    tally = _Tally()
    missing: list[str] = []
    for article, gold_record in gold.items():
        pred_record = predicted.get(article)
        if pred_record is None:
            missing.append(article)
            pred_record = {}
        try:
            _Article(tally, article, gold_record, pred_record).run()
        except (TypeError, AttributeError, KeyError, ValueError, IndexError) as err:
            # a hand-edited record: a list where an object belongs, a number for a name ...
            detail = " ".join(str(err).split())[:120]
            raise CorpusFileError(
                f"{article}: gold or predicted record of an unexpected shape ({type(err).__name__}: {detail})"
            ) from None
    return Report(
        fields={
            f: FieldScore(tp=c.tp, fp=c.fp, fn=c.fn) for f, c in tally.counts.items()
        },
        attributes={
            a: AttributeScore(correct=c.correct, total=c.total)
            for a, c in tally.checks.items()
        },
        misses=tuple(tally.misses),
        missing_predictions=tuple(missing),
        articles=len(gold),
    )


def _parse(text: str, where: Path, *, line: int | None = None) -> object:
    # absurd numbers and nesting are refused too, naming the place
    return loads(text, str(where), line=line, short=True)


def _read_text(path: Path) -> str:
    # regular files only (a named pipe would block), within the corpus size limit
    return read_file(path, str(path))


def _record_file(path: Path) -> dict[str, Any]:
    record = _parse(_read_text(path), path)
    if not isinstance(record, dict):
        raise CorpusFileError(
            f"{path}:1: expected a JSON object, got {type(record).__name__}"
        )
    return record


def _folder(directory: Path) -> dict[str, dict[str, Any]]:
    return {f.stem: _record_file(f) for f in sorted(directory.glob("*.json"))}


def load_gold(directory: str | os.PathLike[str]) -> dict[str, dict[str, Any]]:
    """Read the gold records ``<id>.json`` of a folder, keyed by id.

    Raises :class:`~dnnd.errors.CorpusFileError` naming the file and line
    when a file is unreadable or not a JSON object, or when the folder
    holds no gold record.

    >>> from pathlib import Path
    >>> gold = load_gold(Path(__file__).parent / "_seeds" / "gold")
    >>> sorted(gold)[0]
    '000_dbb8df4873b6d839'
    """
    folder = Path(directory)
    if not folder.is_dir():
        raise CorpusFileError(f"{folder}: not a folder of gold records")
    records = _folder(folder)
    if not records:
        raise CorpusFileError(f"{folder}: no gold records (<id>.json)")
    return records


def _json_lines(path: Path) -> Iterator[tuple[int, object]]:
    for number, line in enumerate(_read_text(path).splitlines(), 1):
        if line.strip():
            yield number, _parse(line, path, line=number)


def load_predictions(path: str | os.PathLike[str]) -> dict[str, dict[str, Any]]:
    r"""Read predicted records from a folder of ``<id>.json`` or a JSON Lines file.

    In a JSON Lines file (what ``dnnd extract`` prints) each record is keyed
    by the stem of its ``"source"``; a later record for the same id wins.
    Raises :class:`~dnnd.errors.CorpusFileError` naming the file and line for
    invalid JSON, non-object records and records without ``"source"``.

    >>> import json, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "pred.jsonl"
    >>> _ = out.write_text(json.dumps({"source": "corpus/a1.txt"}), encoding="utf-8")
    >>> list(load_predictions(out))
    ['a1']
    """
    source_path = Path(path)
    if source_path.is_dir():
        return _folder(source_path)
    records: dict[str, dict[str, Any]] = {}
    for number, record in _json_lines(source_path):
        if not isinstance(record, dict):
            raise CorpusFileError(
                f"{source_path}:{number}: expected a JSON object, got {type(record).__name__}"
            )
        source = record.get("source")
        if not source:
            raise CorpusFileError(f"{source_path}:{number}: record without 'source'")
        records[PurePath(str(source)).stem] = record
    return records


def score_paths(
    gold_dir: str | os.PathLike[str], predictions_path: str | os.PathLike[str]
) -> Report:
    """Score the predictions at ``predictions_path`` against ``gold_dir``.

    >>> from pathlib import Path
    >>> gold = Path(__file__).parent / "_seeds" / "gold"
    >>> score_paths(gold, gold).macro_f1
    1.0
    """
    gold, predicted = load_gold(gold_dir), load_predictions(predictions_path)
    try:
        return score_records(gold, predicted)
    except CorpusFileError as err:  # name the files: the record's id is the file stem
        raise CorpusFileError(f"{Path(gold_dir)} / {Path(predictions_path)}: {err}") from None


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m dnnd.evaluate GOLD_DIR PREDICTIONS [--verbose] [--json OUT]``.

    Prints the score table; returns 0, or 2 when a file cannot be used.
    """
    parser = argparse.ArgumentParser(
        prog="dnnd evaluate",
        description="Score extraction records against gold annotations.",
    )
    parser.add_argument("gold", type=Path, help="folder of gold records <id>.json")
    parser.add_argument(
        "predictions",
        type=Path,
        help="folder of <id>.json records or a JSON Lines file",
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    parser.add_argument(
        "--json", type=Path, metavar="OUT", help="also write the summary as JSON here"
    )
    args = parser.parse_args(argv)
    try:
        report = score_paths(args.gold, args.predictions)
    except CorpusFileError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(report.format(verbose=args.verbose))
    if args.json:
        from ._atomic import write_atomic

        try:
            write_atomic(args.json, json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        except OSError as err:
            print(f"error: {args.json}: cannot write ({err.strerror or err})", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
