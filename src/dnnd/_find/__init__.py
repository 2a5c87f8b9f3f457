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
from .congresses import find_congresses
from .context import FindContext, Finder, Step
from .dates import find_dates
from .documents import citation_ranges, find_documents
from .events import find_events
from .organisations import find_organisations
from .people import bodies_named_by_titles, find_people

__all__ = ["FIELDS", "STEPS", "FindContext", "Finder", "Step", "find"]

from .context import FIELDS

#: The pipeline, in the order the steps run.
STEPS: tuple[Step, ...] = (
    Step("organisations", find_organisations, "organisations"),
    Step("dates", find_dates, "dates"),
    Step("documents", find_documents, "documents"),
    Step("blocked", citation_ranges, "citation ranges"),
    Step("congresses", find_congresses, "congresses"),
    Step("people", find_people, "people"),
    Step("events", find_events, "events"),
    Step("organisations", bodies_named_by_titles, "bodies named by titles"),
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
    all windows in text order.
    """
    found: dict[str, list[object]] = {field: [] for field in FIELDS}
    for start, end in windows:
        ctx = FindContext(text, start, end, published=published, published_span=published_span)
        for step in steps:
            ctx = step.run(ctx)
        for field in FIELDS:
            found[field].extend(getattr(ctx, field))
    whole = FindContext(text, 0, len(text), published=published, published_span=published_span)
    changes: dict[str, Any] = {field: tuple(items) for field, items in found.items()}
    return attrs.evolve(whole, **changes)
