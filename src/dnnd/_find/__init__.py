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

from collections.abc import Sequence
from typing import Any

import attrs

from ..model import PartialDate
from .congresses import congresses_possible, find_congresses
from .context import FindContext, Finder, Needs, Step, never
from .dates import dates_possible, find_dates
from .documents import citation_ranges, documents_possible, find_documents
from .events import events_possible, find_events
from .organisations import find_organisations, organisations_possible
from .people import bodies_named_by_titles, find_people, people_possible

__all__ = ["FIELDS", "STEPS", "FindContext", "Finder", "Needs", "Step", "find"]

from .context import FIELDS

#: The pipeline, in the order the steps run.
STEPS: tuple[Step, ...] = (
    Step("organisations", find_organisations, "organisations", organisations_possible),
    Step("dates", find_dates, "dates", dates_possible),
    Step("documents", find_documents, "documents", documents_possible),
    Step("blocked", citation_ranges, "citation ranges", never, ("documents",)),
    Step("congresses", find_congresses, "congresses", congresses_possible),
    Step("people", find_people, "people", people_possible),
    Step("events", find_events, "events", events_possible, ("dates",)),
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
    holds is not read at all.
    """
    found: dict[str, list[object]] = {field: [] for field in FIELDS}
    needs = [step.needs for step in steps]
    plan = [(step, frozenset(step.reads)) for step in steps]
    for start, end in windows:
        possible = [need(text, start, end, published) for need in needs]
        if True not in possible:
            continue  # nothing any step could find (most short lines)
        ctx = FindContext(text, start, end, published, published_span)
        filled: set[str] = set()
        for (step, reads), may in zip(plan, possible, strict=True):
            if not may and (not filled or filled.isdisjoint(reads)):
                continue  # exact: the step's condition fails and what it reads is empty
            after = step.run(ctx)
            if after is not ctx:
                filled.add(step.field)
                ctx = after
        for field in filled:
            found[field].extend(getattr(ctx, field))
    whole = FindContext(text, 0, len(text), published=published, published_span=published_span)
    changes: dict[str, Any] = {field: tuple(items) for field, items in found.items()}
    return attrs.evolve(whole, **changes)
