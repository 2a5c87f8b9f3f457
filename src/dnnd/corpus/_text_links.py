"""What a corpus reads off an article's text before dropping it: who takes part in which event, which body belongs to which.

Both are decided from spans while the text is still at hand (a corpus keeps
records, not texts):

- a person *takes part* in a reported event when a mention of the person is
  in the paragraph of the event's date; in an article that reports a single
  happening of one day, everyone it names takes part in that one;
- a body *belongs to* another where the text says so between their names:
  "A là thành viên của B", "A (thuộc B)" (the phrases are registry data),
  "Hội là thành viên tích cực của B" after the article named the association.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

import attrs

from .. import registry
from ..model import Article, Organisation, SegmentKind, Span
from ..normalise import name_key

__all__ = ["StatedRelation", "participation", "stated_relations"]


@attrs.frozen(kw_only=True)
class StatedRelation:
    """A link between two organisations of one article, as its text states it.

    Attributes:
        relation: ``"member_of"`` or ``"organ_of"``.
        subject: Index of the subject in the article's organisations.
        object: Index of the object in the article's organisations.
        spans: The subject, the phrase and the object in the text.

    """

    relation: str
    subject: int
    object: int
    spans: tuple[Span, ...] = ()


def _paragraphs(article: Article) -> list[tuple[int, int]]:
    mined = [s.span for s in article.segments if s.kind not in (SegmentKind.CHROME, SegmentKind.BYLINE)]
    if not mined:
        return [(0, len(article.text))]
    return sorted((s.start, s.end) for s in mined)


def participation(article: Article) -> tuple[tuple[int, int], ...]:
    """(person index, event index) for every person who takes part in a reported event of *article*."""
    reported = [(i, e) for i, e in enumerate(article.events) if e.reported and e.date is not None]
    if not reported or not article.people:
        return ()
    if len({e.date for _, e in reported}) == 1 and reported[0][1].date.precision == "day":  # type: ignore[union-attr]
        # the article reports one happening of one day: everyone it names is part of that story
        return tuple((p, i) for p in range(len(article.people)) for i, _ in reported)
    paragraphs = _paragraphs(article)
    starts = [s for s, _ in paragraphs]

    def paragraph(pos: int) -> int:
        k = bisect.bisect_right(starts, pos) - 1
        return k if k >= 0 and pos < paragraphs[k][1] else -1

    event_paragraphs = {i: {paragraph(s.start) for s in e.mentions} - {-1} for i, e in reported}
    out: list[tuple[int, int]] = []
    for p, person in enumerate(article.people):
        where = {paragraph(s.start) for s in person.mentions} - {-1}
        out.extend((p, i) for i, paras in event_paragraphs.items() if where & paras)
    return tuple(out)


@functools.cache
def _phrases() -> tuple[tuple[re.Pattern[str], str], ...]:
    out = []
    for relation, phrases in registry.relation_phrases().items():
        for phrase in phrases:
            words = r"\s+".join(re.escape(w) for w in phrase.split())
            # the phrase, alone between the two names (an opening parenthesis or a comma may precede it)
            # searched from the start of the gap, so the first match never starts after a space: (?<!\s) lets
            # every start inside a run of spaces fail at once (linear) without changing which match is found
            out.append((re.compile(rf"(?<!\s)\s*(?:[(,]\s*)?{words}\s*$", re.IGNORECASE), relation))
    return tuple(out)


#: a bare head word standing for a body named earlier ("Hội là thành viên của ...")
#: (searched within one line, so "(?<!\n)\n" changes nothing there but keeps a run of line breaks linear)
_ANAPHOR = re.compile(r"(?:^|[.;]\s|(?<!\n)\n)\s*(?:Đến nay,\s*|Hiện nay,\s*|Hiện,\s*)?(Hội|Liên hiệp|Tổ chức|Ủy ban|Trung tâm)\s*$")

#: how far apart the two names may be
_GAP = 60


def stated_relations(text: str, organisations: Sequence[Organisation]) -> tuple[StatedRelation, ...]:
    """The links between *organisations* that *text* states between their names.

    >>> import dnnd
    >>> art = dnnd.parse("Hội hữu nghị Việt Nam - Lào tỉnh Thanh Hóa là thành viên của Liên hiệp các tổ chức hữu nghị tỉnh Thanh Hóa.")
    >>> [(r.relation, art.organisations[r.subject].name, art.organisations[r.object].name)
    ...  for r in stated_relations(art.text, art.organisations)]
    [('member_of', 'Hội hữu nghị Việt Nam - Lào tỉnh Thanh Hóa', 'Liên hiệp các tổ chức hữu nghị tỉnh Thanh Hóa')]
    """
    mentions = sorted((s.start, s.end, i) for i, o in enumerate(organisations) for s in o.mentions)
    out: dict[tuple[str, int, int], list[Span]] = {}
    for k, (start, _, obj) in enumerate(mentions):
        lo = max(0, start - _GAP)
        before = text[lo:start]
        for pattern, relation in _phrases():
            m = pattern.search(before)
            if m is None:
                continue
            phrase_start = lo + m.start()
            subject = _subject(text, mentions[:k], phrase_start, organisations, obj)
            if subject is not None and subject[0] != obj:
                spans = [subject[1], Span(start=phrase_start, end=start)]
                spans.append(next(Span(start=s, end=e) for s, e, i in mentions[k:] if i == obj))
                out.setdefault((relation, subject[0], obj), spans)
            break
    return tuple(
        StatedRelation(relation=rel, subject=s, object=o, spans=tuple(spans)) for (rel, s, o), spans in out.items()
    )


def _subject(
    text: str, earlier: Sequence[tuple[int, int, int]], phrase_start: int, orgs: Sequence[Organisation], obj: int
) -> tuple[int, Span] | None:
    """The body the phrase starting at *phrase_start* speaks of: the name right before it, or the one a bare "Hội" stands for."""
    if earlier:
        start, end, i = earlier[-1]
        if not text[end:phrase_start].strip(" ,"):
            return i, Span(start=start, end=end)
    line_start = text.rfind("\n", 0, phrase_start) + 1
    m = _ANAPHOR.search(text, max(line_start, phrase_start - 40), phrase_start)
    if m is None:
        return None
    head = name_key(m.group(1))
    for _, _, i in reversed(earlier):
        if i != obj and name_key(orgs[i].name).startswith(head):
            return i, Span(start=m.start(1), end=m.end(1))
    return None
