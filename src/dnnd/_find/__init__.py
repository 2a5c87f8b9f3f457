"""The find stage: mentions of every kind, one window at a time.

:data:`STEPS` is the pipeline, a declared and ordered tuple of
:class:`~dnnd._find.context.Step`; each step is a finder (a pure function of
a :class:`~dnnd._find.context.FindContext`) and the field its mentions go
to. A step reads what the steps before it filed, so the order is the
dependency order: organisations and dates first (documents take their
issuer and date from them), then documents and the stretches their dates
block, congresses, people (a title takes the organisation after it), events
(a date plus an event noun, with organisers and place), and last the bodies
that only a title names.

:func:`find` runs the steps over every window of an article and returns one
context holding all the mentions. Nothing here imports the resolver, the
corpus or the command line.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from array import array
from collections.abc import Sequence
from typing import Any

from ..model import PartialDate
from .congresses import congresses_hint, congresses_possible, find_congresses
from .context import FindContext, Finder, Needs, Step, _start, always, never
from .dates import dates_hint, dates_possible, find_dates
from .documents import citation_ranges, documents_hint, documents_possible, find_documents
from .events import events_hint, events_possible, find_events
from .organisations import find_organisations, organisations_hint, organisations_possible
from .people import bodies_named_by_titles, find_people, people_hint, people_possible

__all__ = ["FIELDS", "STEPS", "FindContext", "Finder", "Needs", "Step", "find", "hits"]

from .context import FIELDS

#: The pipeline, in the order the steps run.
STEPS: tuple[Step, ...] = (
    Step("organisations", find_organisations, "organisations", organisations_possible, hint=organisations_hint),
    Step("dates", find_dates, "dates", dates_possible, hint=dates_hint),
    Step("documents", find_documents, "documents", documents_possible, hint=documents_hint),
    Step("blocked", citation_ranges, "citation ranges", never, ("documents",)),
    Step("congresses", find_congresses, "congresses", congresses_possible, hint=congresses_hint),
    Step("people", find_people, "people", people_possible, hint=people_hint),
    Step("events", find_events, "events", events_possible, ("dates",), hint=events_hint),
    Step("organisations", bodies_named_by_titles, "bodies named by titles", never, ("people",)),
)


def find(
    text: str,
    windows: Sequence[tuple[int, int]],
    *,
    published: PartialDate | None = None,
    published_span: tuple[int, int] | None = None,
    steps: Sequence[Step] = STEPS,
) -> FindContext:
    """Run *steps* over each window of *text*; return every mention in one context.

    The result's window is the whole text; its fields hold the mentions of
    all windows in text order. A step runs in a window only if its necessary
    condition (:attr:`Step.needs`) holds there or a field it reads
    (:attr:`Step.reads`) holds something; a window where no step's condition
    holds is not read at all. Where a step has a hint (:attr:`Step.hint`),
    one scan of the whole text finds the windows it hits, and the condition
    is evaluated in those windows only: a window no hint hits costs nothing.
    """
    found: dict[str, list[object]] = {field: [] for field in FIELDS}
    n = len(windows)
    # sorted and disjoint: each start <= its end <= the next start (no lists of offsets: they would cost memory)
    starts, ends = _bounds(windows)
    ordered = _sorted_disjoint(starts, ends)
    # per window, a bit for each step whose condition is to be evaluated there (a step without a hint: every window)
    # (the smallest machine word that holds a bit per step, one per window: a dict of them would cost a text of
    # many short lines far more per line)
    code = next((c for c in "BHLQ" if len(steps) <= 8 * array(c).itemsize), None)
    masks = array(code, bytes(array(code).itemsize * n)) if code is not None else [0] * n
    everywhere = 0
    scanned: dict[tuple[tuple[str, int], ...], Sequence[int]] = {}  # steps with the same hint (a digit) share one scan
    for i, step in enumerate(steps):
        if step.needs is never:
            continue
        hint = step.hint(published) if ordered and step.hint is not None and step.needs is not always else None
        if hint is None:
            everywhere |= 1 << i
            continue
        for clause in hint if isinstance(hint, tuple) else ((hint,),):
            key = tuple((p.pattern, p.flags) for p in clause)
            found_in = scanned.get(key)
            if found_in is None:
                found_in = scanned[key] = hits(clause[0], text, windows, *clause[1:])
            for k in found_in:
                masks[k] |= 1 << i
    # per mask, the steps that may run: those whose condition is evaluated, and those that read a field
    entries = [(step.find, _FIELD_INDEX[step.field], frozenset(step.reads), step.needs) for step in steps]
    plans: dict[int, list[tuple[Any, int, frozenset[str], Any, bool]]] = {}
    # every window, or those a hint hit (picked in C: a text of many lines no hint hits costs no loop over them)
    for k in range(n) if everywhere else itertools.compress(range(n), masks):
        mask = masks[k] | everywhere
        plan = plans.get(mask)
        if plan is None:
            plan = plans[mask] = [(*e, bool(mask >> i & 1)) for i, e in enumerate(entries) if mask >> i & 1 or e[2]]
        start, end = starts[k], ends[k]
        # the context is built only when a step runs, and again only if a step before it filed something
        ctx: FindContext | None = None
        values: list[Any] = []
        filled: set[str] = set()
        for finder, index, reads, need, evaluated in plan:
            if not (evaluated and need(text, start, end, published)) and (not filled or filled.isdisjoint(reads)):
                continue  # exact: the step's condition fails (or is known to) and what it reads is empty
            if ctx is None:
                if not values:
                    values = [text, start, end, published, published_span, *_EMPTY]
                ctx = FindContext._make(values)
            new = tuple(finder(ctx))
            if not new:
                continue
            old = values[index]
            merged = (*old, *new) if old else new
            if len(merged) > 1 and any(_start(a) > _start(b) for a, b in itertools.pairwise(merged)):
                merged = tuple(sorted(merged, key=_start))
            values[index] = merged
            filled.add(_ATTRS[index])
            ctx = None
        for field in filled:
            found[field].extend(values[_FIELD_INDEX[field]])
    whole = FindContext(text, 0, len(text), published=published, published_span=published_span)
    changes: dict[str, Any] = {field: tuple(items) for field, items in found.items()}
    return whole._replace(**changes)


#: the fields of :class:`FindContext` in constructor order, and where each filled field sits among them
_ATTRS = FindContext._fields
_FIELD_INDEX = {field: _ATTRS.index(field) for field in FIELDS}
_EMPTY = ((),) * len(FIELDS)  # the filled fields, empty: they follow text, start, end, published and published_span


def hits(hint: re.Pattern[str], text: str, windows: Sequence[tuple[int, int]], *also: re.Pattern[str]) -> array[int]:
    """The indices of the sorted, disjoint *windows* that hold a match of *hint*, in order.

    With patterns *also*, the windows that hold a match of each. After a
    hit the scan jumps to the next window; a match that starts in a gap (or
    leaves its window) sends it on; the patterns take turns to jump ahead
    (a leapfrog join), so a pattern hitting no window ends the scan at once.
    """
    out = array("q")  # (not a list: an int object per hit window would cost memory)
    patterns = (hint, *also)
    starts, ends = _bounds(windows)
    n, i = len(windows), 0
    while i < n:
        agreed, turn = 0, 0
        while agreed < len(patterns):
            k = _next_hit(patterns[turn], text, starts, ends, i)
            if k == n:
                return out
            agreed = agreed + 1 if k == i else 1
            i, turn = k, (turn + 1) % len(patterns)
        out.append(i)
        i += 1
    return out


def _bounds(windows: Sequence[tuple[int, int]]) -> tuple[array[int], array[int]]:
    """The starts and the ends of *windows*, as arrays (read from the layout's own arrays when it has them)."""
    starts, ends = getattr(windows, "starts", None), getattr(windows, "ends", None)
    if isinstance(starts, array) and isinstance(ends, array):
        return starts, ends
    return array("q", [s for s, _ in windows]), array("q", [e for _, e in windows])


def _sorted_disjoint(starts: Sequence[int], ends: Sequence[int]) -> bool:
    """Whether the ranges (``starts[k]``, ``ends[k]``) are sorted and disjoint: each start <= its end <= the next start."""
    return all(map(operator.le, starts, ends)) and all(map(operator.le, ends, itertools.islice(starts, 1, None)))


def _next_hit(pattern: re.Pattern[str], text: str, starts: Sequence[int], ends: Sequence[int], i: int) -> int:
    """The first window (``starts[k]``, ``ends[k]``) from the *i*-th on that holds a match of *pattern*; ``len(starts)`` if none does."""
    n = len(starts)
    pos, last = starts[i], ends[-1]
    search = pattern.search
    while pos < last:
        m = search(text, pos, last)
        if m is None:
            break
        p = m.start()
        # (where hits are dense the match is mostly in the window the search started from)
        k = i if p < ends[i] else bisect.bisect_right(starts, p, i) - 1
        end = ends[k]
        if p < end:
            if m.end() <= end:
                return k
            pos = p + 1  # a match leaving the window: another may start later inside it
            continue
        if k + 1 == n:
            break
        pos = starts[k + 1]
    return n
