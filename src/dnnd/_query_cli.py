"""``dnnd query``: the corpus questions from the command line (see :mod:`dnnd.cli`)."""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import sys
from collections.abc import Sequence
from typing import Any, TextIO

import attrs

from .corpus import (
    Corpus,
    CorpusCongress,
    CorpusDocument,
    CorpusEvent,
    CorpusOrganisation,
    CorpusPerson,
    HeldPosition,
    Overrides,
    Relation,
)
from .errors import CorpusFileError, OverrideError
from .model import Conflict, DocumentKind, EventKind, OrganisationKind, PartialDate

#: widest cell in a table before it is cut with "…"
MAX_CELL = 60


def _date_arg(text: str) -> PartialDate:
    try:
        return PartialDate.from_iso(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (write YYYY, YYYY-MM or YYYY-MM-DD)") from None


def _text_arg(text: str) -> str:
    from .corpus._queries import MAX_QUERY_CHARS

    if len(text) > MAX_QUERY_CHARS:
        raise argparse.ArgumentTypeError(f"{len(text):,} characters is longer than any name (at most {MAX_QUERY_CHARS:,})")
    return text


def add_query_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``query`` and its sub-commands to the ``dnnd`` parser."""
    q = sub.add_parser(
        "query",
        help="answer questions across articles (events, documents, people, organisations, relations, congresses, conflicts)",
    )
    qs = q.add_subparsers(dest="what", metavar="WHAT")
    qs.required = True

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("paths", nargs="*", metavar="PATH", help="text files (default: the bundled seeds)")
        p.add_argument(
            "--format", choices=("table", "jsonl"), default=None, help="table (default on a terminal) or JSON Lines"
        )
        p.add_argument("--corpus", metavar="FILE", help="a corpus saved with Corpus.save (PATHs are added to it)")
        p.add_argument(
            "--overrides", metavar="FILE", help="corrections to apply (TOML or JSON: merge, split, rename, drop, date)"
        )

    ev = qs.add_parser("events", help="events by kind, date range, place and organiser")
    ev.add_argument("--kind", choices=[k.value for k in EventKind])
    ev.add_argument("--from", dest="start", type=_date_arg, metavar="DATE", help="on or after DATE (YYYY[-MM[-DD]])")
    ev.add_argument("--to", dest="end", type=_date_arg, metavar="DATE", help="on or before DATE")
    ev.add_argument("--place", type=_text_arg, help="province, city or venue")
    ev.add_argument("--organiser", type=_text_arg, help="an organisation (any spelling or abbreviation, or part of a name)")
    ev.add_argument(
        "--organiser-kind", choices=[k.value for k in OrganisationKind], help="organised by this kind of body"
    )
    told = ev.add_mutually_exclusive_group()
    told.add_argument(
        "--mentioned", action="store_true", help="only events the articles mention (history, origins, plans)"
    )
    told.add_argument("--all", action="store_true", help="reported and mentioned events (default: reported only)")
    common(ev)

    dc = qs.add_parser("documents", help="documents cited, with citation counts and citing articles")
    dc.add_argument("--number", type=_text_arg, help="one document number (12-CT/TW ...): list each citation")
    dc.add_argument("--kind", choices=[k.value for k in DocumentKind])
    common(dc)

    pp = qs.add_parser("people", help="people and their positions over time")
    pp.add_argument("--organisation", type=_text_arg, help="only positions in this organisation")
    pp.add_argument("--title", type=_text_arg, help="only this title (Chủ tịch ...)")
    pp.add_argument("--name", type=_text_arg, help="only this person")
    common(pp)

    og = qs.add_parser("organisations", help="organisations by kind and locality")
    og.add_argument("--kind", choices=[k.value for k in OrganisationKind])
    og.add_argument("--locality", type=_text_arg, help="province or city")
    og.add_argument("--name", type=_text_arg, help="every body this name may stand for")
    common(og)

    rl = qs.add_parser("relations", help="links between organisations (member of, branch of, organ of, succeeded by)")
    rl.add_argument("--organisation", type=_text_arg, help="only the links of this organisation")
    rl.add_argument("--kind", choices=("member_of", "branch_of", "organ_of", "succeeded_by"))
    common(rl)

    cg = qs.add_parser("congresses", help="Party congresses the articles invoke")
    cg.add_argument("--scope", type=_text_arg, help="national, or a province or city")
    common(cg)

    cf = qs.add_parser("conflicts", help="facts the articles (and the registry) disagree on")
    cf.add_argument("--field", choices=("date", "issuer", "kind", "type_word", "position", "holder"))
    common(cf)


def _build(args: argparse.Namespace, err: TextIO) -> tuple[Corpus | None, int]:
    """Build the corpus to query; return it and the number of inputs that failed."""
    from . import seeds

    failures = 0
    overrides = None
    if getattr(args, "overrides", None):
        try:
            overrides = Overrides.load(args.overrides)
        except OverrideError as exc:
            print(f"dnnd: {exc}", file=err)
            return None, 1
    if args.corpus:
        try:
            corpus = Corpus.load(args.corpus)
        except CorpusFileError as exc:
            print(f"dnnd: {exc}", file=err)
            return None, 1
        more = Corpus.from_paths(args.paths)
        corpus.extend(more.articles)
        errors = more.errors
    else:
        corpus = Corpus.from_paths(args.paths) if args.paths else Corpus(seeds())
        errors = corpus.errors
    for e in errors:
        print(f"dnnd: {e.message}", file=err)
        failures += 1
    if overrides is not None:
        try:
            corpus.apply_overrides(overrides)
        except OverrideError as exc:
            print(f"dnnd: {exc}", file=err)
            return None, 1
    return corpus, failures


def run_query(args: argparse.Namespace, out: TextIO, err: TextIO = sys.stderr) -> int:
    """Run ``dnnd query WHAT``; return the exit code."""
    corpus, failures = _build(args, err)
    if corpus is None:
        return 1
    fmt = args.format or ("table" if out.isatty() else "jsonl")
    rows: Sequence[Any]
    what = args.what
    if what == "events":
        rows = corpus.events(
            kind=args.kind,
            start=args.start,
            end=args.end,
            place=args.place,
            organiser=args.organiser,
            organiser_kind=args.organiser_kind,
            reported=None if args.all else not args.mentioned,
        )
    elif what == "documents":
        rows = (
            corpus.citations(args.number)
            if args.number and fmt == "table"
            else corpus.documents(number=args.number, kind=args.kind)
        )
        if args.number and args.kind:
            rows = [r for r in rows if r.kind.value == args.kind]
    elif what == "people":
        if args.name:
            people = [p] if (p := corpus.person(args.name)) else []
        else:
            people = corpus.people(organisation=args.organisation, title=args.title)
        if args.organisation:
            held = corpus.holders(args.organisation, args.title)
            ids = {p.id for p in people}
            rows = [h for h in held if h.person_id in ids]
        else:
            rows = [h for p in people for h in p.positions if args.title is None or _same(h.title, args.title)]
        if fmt == "jsonl" and not (args.organisation or args.title):
            rows = people  # whole people, with every position and the evidence
        elif fmt == "table" and not rows:
            rows = people
    elif what == "organisations":
        rows = corpus.organisations(kind=args.kind, locality=args.locality, name=args.name)
    elif what == "relations":
        rows = corpus.relations(args.organisation, kind=args.kind)
    elif what == "congresses":
        rows = corpus.congresses(args.scope)
    else:
        rows = corpus.conflicts(field=args.field)
    if fmt == "jsonl":
        _jsonl(rows, out)
    else:
        _table(rows, out, _short_names(corpus))
    out.flush()
    return 1 if failures else 0


def _same(a: str, b: str) -> bool:
    from .normalise import name_key

    return name_key(a) == name_key(b)


def _jsonl(rows: Sequence[Any], out: TextIO) -> None:
    from .serialize import converter

    for row in rows:
        out.write(json.dumps(converter.unstructure(row), ensure_ascii=False) + "\n")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (PartialDate, _dt.date)):
        return str(value)
    text = " ".join(str(value).split())
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def _short_names(corpus: Corpus) -> dict[str, str]:
    """Map each article source to its file name, when file names alone tell the articles apart."""
    names = {a.label: os.path.basename(a.label) for a in corpus.articles}
    return names if len(set(names.values())) == len(names) else {}


def _table(rows: Sequence[Any], out: TextIO, short: dict[str, str] | None = None) -> None:
    def sh(source: str) -> str:
        return (short or {}).get(source, source)

    if not rows:
        out.write("(no answers)\n")
        return
    first = rows[0]
    header: tuple[str, ...]
    body: list[tuple[object, ...]]
    if isinstance(first, HeldPosition):
        header = ("person", "title", "organisation", "date", "source")
        body = [(*r._row()[:-1], sh(r.source)) for r in rows]
    elif isinstance(first, CorpusPerson):
        header = ("person", "positions", "articles")
        body = [(p.name, len(p.positions), len(p.evidence)) for p in rows]
    elif isinstance(first, CorpusEvent):
        header = ("date", "kind", "place", "organisers", "title", "sources")
        body = [
            (
                e.date if e.reported else f"{e.date} (mentioned)",
                e.kind.value,
                e.location,
                "; ".join(e.organisers),
                e.title,
                ", ".join(map(sh, e.sources)),
            )
            for e in rows
        ]
    elif isinstance(first, Relation):
        header = ("organisation", "relation", "of", "basis", "since")
        body = [(r.subject, r.kind.replace("_", " "), r.object, r.basis, r.since) for r in rows]
    elif isinstance(first, CorpusCongress):
        header = ("congress", "scope", "party body", "term", "articles")
        body = [(c.ordinal, c.scope, c.party_body, c.term, len(c.evidence)) for c in rows]
    elif isinstance(first, CorpusDocument):
        header = ("number", "kind", "citations", "date", "issuer", "cited by")
        body = [
            (d.number or d.title, d.kind.value, d.count, d.date, d.issuer, ", ".join(map(sh, d.sources))) for d in rows
        ]
    elif isinstance(first, CorpusOrganisation):
        header = ("name", "abbr.", "kind", "locality", "articles")
        body = [(o.name, o.abbreviation, o.kind.value, o.locality, o.count) for o in rows]
    elif isinstance(first, Conflict):
        for c in rows:
            claims = tuple(attrs.evolve(x, source=sh(x.source)) for x in c.claims)
            out.write(f"{attrs.evolve(c, claims=claims)}\n")
        return
    else:  # citations
        header = ("source", "type word", "number", "date", "issuer", "spans")
        body = [
            (sh(c.source), c.type_word, c.number, c.date, c.issuer, " ".join(f"{s.start}-{s.end}" for s in c.spans))
            for c in rows
        ]
    cells = [tuple(_cell(v) for v in row) for row in body]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(header)]
    out.write("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for r in cells:
        out.write("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() + "\n")
