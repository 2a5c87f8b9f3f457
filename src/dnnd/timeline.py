"""The timeline of a corpus: its reported events in date order, as data, a chart or the report's SVG.

::

    tl = corpus.timeline()                   # every reported event with a known year
    tl = corpus.timeline(kind="seminar", place="Bắc Giang", start="2022")
    for event in tl: ...                     # CorpusEvent, oldest first
    tl                                       # in Jupyter: the report's timeline (SVG, no script needed)
    tl.plot()                                # a matplotlib Figure (the ``plot`` extra)

Events whose year is unknown ("ngày 14/7" in an undated article) cannot be
placed: they are in :attr:`Timeline.undated`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

if TYPE_CHECKING:
    from .corpus import Corpus, CorpusEvent
    from .model import EventKind, OrganisationKind, PartialDate

__all__ = ["Timeline", "timeline"]


def _first(d: PartialDate) -> _dt.date:
    assert d.year is not None
    return _dt.date(d.year, d.month or 1, d.day or 1)


def _last(d: PartialDate) -> _dt.date:
    assert d.year is not None
    if d.day is not None and d.month is not None:
        return _dt.date(d.year, d.month, d.day)
    if d.month is not None:
        return _dt.date(d.year + d.month // 12, d.month % 12 + 1, 1) - _dt.timedelta(days=1)
    return _dt.date(d.year, 12, 31)


class Timeline(Sequence["CorpusEvent"]):
    """Reported events with a known year, oldest first (a sequence of :class:`~dnnd.corpus.CorpusEvent`).

    Attributes:
        undated: The reported events whose year is unknown (not on the timeline).

    """

    __slots__ = ("_events", "undated")

    def __init__(self, events: Sequence[CorpusEvent], undated: Sequence[CorpusEvent] = ()) -> None:
        self._events = tuple(sorted(events, key=lambda e: (self.days(e)[0], e.id)))
        self.undated = tuple(undated)

    @staticmethod
    def days(event: CorpusEvent) -> tuple[_dt.date, _dt.date]:
        """The first and last calendar day *event* may cover (a month or a year when that is all that is known)."""
        if event.date is None or event.date.year is None:
            raise ValueError(f"{event.id} has no year: it is not on a timeline")
        end = event.end_date if event.end_date is not None and event.end_date.year is not None else event.date
        return _first(event.date), max(_first(event.date), _last(end))

    @overload
    def __getitem__(self, index: int) -> CorpusEvent: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[CorpusEvent]: ...

    def __getitem__(self, index: int | slice) -> CorpusEvent | Sequence[CorpusEvent]:
        return self._events[index]

    def __len__(self) -> int:
        return len(self._events)

    def __iter__(self) -> Iterator[CorpusEvent]:
        return iter(self._events)

    def __repr__(self) -> str:
        if not self._events:
            return f"Timeline(0 events, {len(self.undated)} undated)"
        first, last = self.days(self._events[0])[0], self.days(self._events[-1])[1]
        return f"Timeline({len(self)} events from {first} to {last}, {len(self.undated)} undated)"

    def plot(self, *, title: str | None = None) -> Any:
        """A matplotlib Figure of the timeline (see :func:`dnnd.plot.timeline`)."""
        from .plot import timeline as plot_timeline

        return plot_timeline(self, title=title)

    def _repr_html_(self) -> str:
        """The report's timeline as SVG with its event table, for Jupyter."""
        from .report._data import marks
        from .report._html import timeline_fragment

        return timeline_fragment(marks(self._events))


def timeline(
    corpus: Corpus,
    *,
    kind: EventKind | str | None = None,
    start: _dt.date | PartialDate | str | None = None,
    end: _dt.date | PartialDate | str | None = None,
    place: str | None = None,
    organiser: str | None = None,
    organiser_kind: OrganisationKind | str | None = None,
) -> Timeline:
    """The reported events of *corpus* (filtered as :meth:`~dnnd.Corpus.events` filters them) as a :class:`Timeline`.

    >>> import dnnd
    >>> tl = timeline(dnnd.Corpus(dnnd.seeds()), kind="seminar")
    >>> [(e.date.iso, e.location) for e in tl]
    [('2021-06-04', 'Hà Nội'), ('2022-07-14', 'Hà Nội'), ('2022-07-20', 'Bắc Giang')]
    """
    found = [
        e
        for e in corpus.events(
            kind=kind, start=start, end=end, place=place, organiser=organiser, organiser_kind=organiser_kind
        )
        if e.reported
    ]
    dated = [e for e in found if e.date is not None and e.date.year is not None]
    return Timeline(dated, [e for e in found if e not in dated])
