"""The one contract every finder keeps.

A finder is a pure function from a :class:`FindContext` to the mentions it
finds in the context's window. The context is frozen: the canonical text of
the whole article, the window (a line of the body, at most a few thousand
characters) and everything the steps before it found in that window. The
pipeline (:data:`dnnd._find.STEPS`) runs the steps in their declared order
and files each step's mentions under its :attr:`Step.field`, so a later
step reads an earlier one's results and never calls it.

A finder reads only its window: what comes before or after it (the lines
around it) changes nothing it finds. A pattern's look-behind at the
window's start sees the character before it (for a line, its line break),
as :mod:`re` reads any search that starts inside a string. The one
exception, by design: a citation that ends its line takes its date from the
start of the next line, where a hard-wrapped text puts it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

import attrs

from ..model import PartialDate

if TYPE_CHECKING:  # pragma: no cover - imports for annotations only
    from .congresses import CongressMention
    from .dates import DateMention
    from .documents import DocumentMention
    from .events import EventMention
    from .organisations import OrgMention
    from .people import PersonMention

__all__ = ["FIELDS", "FindContext", "Finder", "Hint", "Needs", "Step", "always", "guard_hint", "never"]

#: The fields of :class:`FindContext` that steps fill, in no particular order.
FIELDS = ("organisations", "dates", "documents", "congresses", "people", "events", "blocked")


class FindContext(NamedTuple):
    """What a finder sees: the text, its window and what was found before it.

    ``text`` is the canonical text of the whole article (offsets in every
    mention index it); ``start``/``end`` bound the window the finder reads.
    ``published`` is the article's own date and ``published_span`` where the
    text states it (its date is not an event's). ``blocked`` holds ranges
    whose dates belong to a citation, not to an event.

    Immutable, as a named tuple rather than an attrs class: the pipeline
    makes one per window and step, and a tuple is made in a fifth of the
    time of a frozen attrs instance of twelve fields. Finders read it by
    field name only (never by position, by unpacking or with ``_asdict``),
    so that a test can watch which fields each step reads.
    """

    text: str
    start: int
    end: int
    published: PartialDate | None = None
    published_span: tuple[int, int] | None = None
    organisations: tuple[OrgMention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    documents: tuple[DocumentMention, ...] = ()
    congresses: tuple[CongressMention, ...] = ()
    people: tuple[PersonMention, ...] = ()
    events: tuple[EventMention, ...] = ()
    blocked: tuple[tuple[int, int], ...] = ()

    def window(self) -> str:
        """The text of the window."""
        return self.text[self.start : self.end]

    def adding(self, field: str, found: Iterable[Any]) -> FindContext:
        """Return the context with *found* appended to *field*, kept in text order."""
        new = tuple(found)
        if not new:
            return self  # the common case: most windows hold few mentions of a kind
        old = getattr(self, field)
        merged = (*old, *new) if old else new
        if len(merged) > 1 and any(_start(a) > _start(b) for a, b in itertools.pairwise(merged)):
            merged = tuple(sorted(merged, key=_start))
        changes: dict[str, Any] = {field: merged}
        return self._replace(**changes)


def _start(mention: Any) -> int:
    return mention[0] if isinstance(mention, tuple) else mention.start  # type: ignore[no-any-return]


class Finder(Protocol):
    """A step's function: the mentions of one kind in the context's window."""

    def __call__(self, ctx: FindContext) -> Iterable[Any]: ...  # pragma: no cover - a protocol


#: a step's necessary condition: ``needs(text, start, end, published)`` is false only where the
#: step finds nothing in ``text[start:end]`` when the fields it reads (:attr:`Step.reads`) are empty
Needs = Callable[[str, int, int, PartialDate | None], bool]


#: a step's hint: ``hint(published)`` is a pattern of single characters or literal words (a look-ahead may test its first),
#: such that wherever :data:`Needs` holds in ``text[start:end]`` one of its matches lies inside ``[start, end)``;
#: or a tuple of clauses, each a tuple of such patterns, such that wherever the condition holds, every pattern
#: of one clause has a match inside; ``None`` when nothing is known (the condition is then evaluated everywhere)
Hint = Callable[[PartialDate | None], "re.Pattern[str] | tuple[tuple[re.Pattern[str], ...], ...] | None"]

#: the guard :func:`~dnnd._find.patterns.first_chars` puts before a pattern: ``(?=[...])`` or ``(?=(?i:[...]))``
_GUARD = re.compile(r"\(\?=(?:\(\?i:(?P<icls>\[(?:\\.|[^\]\\])*\])\)|(?P<cls>\[(?:\\.|[^\]\\])*\]))\)")


def guard_hint(*patterns: re.Pattern[str], extra: str = "") -> re.Pattern[str] | None:
    """One character class holding every first character of *patterns* (and the class body *extra*).

    Each pattern must start with the guard of :func:`~dnnd._find.patterns.first_chars`
    (a look-ahead of one character class, which every match starts with); ``None``
    when one does not (nothing is known of its first character).
    """
    parts = [f"[{extra}]"] if extra else []
    for p in patterns:
        m = _GUARD.match(p.pattern)
        if m is None:
            return None
        parts.append(f"(?i:{m.group('icls')})" if m.group("icls") else m.group("cls"))
    return re.compile("|".join(parts))


def always(text: str, start: int, end: int, published: PartialDate | None) -> bool:
    """The default necessary condition: the step may find something anywhere."""
    return True


def never(text: str, start: int, end: int, published: PartialDate | None) -> bool:
    """The condition of a step that reads only what the steps before it found."""
    return False


@attrs.frozen
class Step:
    """One step of the pipeline: a *finder* whose mentions go to *field*.

    *needs* is a cheap necessary condition (see :data:`Needs`) that holds
    whenever the finder can find something while the fields named in *reads*
    (what the steps before it found) are empty. The pipeline skips the step
    where the condition fails and those fields are empty, and does not read
    a window where every step is skipped: many lines with nothing to find
    cost a few pattern scans each.

    *hint* (see :data:`Hint`) narrows *needs* further: the pipeline scans
    the whole text once for it and evaluates *needs* only in the windows it
    hits. A step whose *needs* is :func:`always` ignores its hint.
    """

    field: str = attrs.field(validator=attrs.validators.in_(FIELDS))
    find: Callable[[FindContext], Iterable[Any]]
    name: str = ""
    needs: Needs = always
    reads: tuple[str, ...] = attrs.field(default=(), validator=attrs.validators.deep_iterable(attrs.validators.in_(FIELDS)))
    hint: Hint | None = None

    def run(self, ctx: FindContext) -> FindContext:
        """Run the finder and file what it found."""
        return ctx.adding(self.field, self.find(ctx))
