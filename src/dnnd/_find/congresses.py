"""Finding Party congress mentions.

National: "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", "Đại hội XIII",
"Nghị quyết Đại hội XIII của Đảng", "Văn kiện Đại hội XIII", "Đại hội Đảng
lần thứ 14". Local: "Đại hội XVII của Đảng bộ thành phố Hà Nội", "Đại hội
đại biểu Đảng bộ tỉnh lần thứ XVIII, nhiệm kỳ 2015 - 2020".

Congresses of other bodies use the same words ("Đại hội lần thứ 22 Hội đồng
Hòa bình thế giới", "Đại hội VI của Liên hiệp ..."): a mention counts only
when the Party is named ("Đảng", "Đảng bộ") or when nothing but the ordinal
follows a bare "Đại hội <Roman>", which Vietnamese reserves for the national
Party congress.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from .. import registry
from .patterns import CAP

if TYPE_CHECKING:  # pragma: no cover
    from ..model import PartialDate
    from .context import FindContext

__all__ = ["CongressMention", "find_congresses", "roman_to_int"]

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def roman_to_int(text: str) -> int | None:
    """``"XIII"`` -> 13; ``None`` for something that is not a Roman numeral."""
    total = 0
    prev = 0
    for ch in reversed(text.upper()):
        value = _ROMAN.get(ch)
        if value is None:
            return None
        total = total - value if value < prev else total + value
        prev = max(prev, value)
    return total or None


@attrs.frozen
class CongressMention:
    """A Party congress at ``[start, end)``."""

    start: int
    end: int
    ordinal: int
    locality: str | None  # None: national; "" : a local one whose place the article fixes
    locality_kind: str | None
    term: str | None
    #: False for a congress of another body ("Đại hội lần thứ 8 của MTTQ"): it is no Party
    #: congress, and a bare "Đại hội VIII" of the same article is that body's too
    party: bool = True
    #: True for a bare "Đại hội XIII" (no "Đảng" written)
    bare: bool = False


_NUM = r"(?P<num>[IVXL]{1,7}|\d{1,2})\b"
_TERM = r"(?:,?\s*nhiệm kỳ\s+(?P<term>(?:19|20)\d\d\s?-\s?(?:19|20)\d\d))?"
_PLACE = rf"(?P<ltype>tỉnh|thành phố|[Tt]hành phố|TP\.?|Tp\.?)(?:\s+(?P<place>{CAP}(?:\s+{CAP}){{0,3}}))?"
_CONGRESS = re.compile(
    r"Đại hội(?P<party1>\s+Đảng)?(?P<nat>\s+đại biểu toàn quốc|\s+Đảng toàn quốc|\s+toàn quốc)?"
    rf"(?:\s+đại biểu)?(?P<bo1>\s+Đảng bộ\s+{_PLACE})?(?:\s+(?:lần thứ|lần))?\s+{_NUM}"
    rf"(?P<tail>(?:\s+của Đảng(?:\s+Cộng sản Việt Nam)?(?!\s+bộ)|\s+Đảng\b(?!\s+bộ))?"
    rf"(?:,?\s+(?:của\s+)?Đảng bộ\s+{_PLACE.replace('ltype', 'ltype2').replace('place', 'place2')})?)"
    + _TERM
)
# after the ordinal, another body's name means it is not a Party congress
_OTHER_BODY = re.compile(rf"\s*(?:của\s+)?(?:(?:Liên hiệp|Hội|Hiệp hội|Mặt trận|MTTQ|Ủy ban|Công đoàn|Đoàn)\b|{CAP}\s+{CAP})")


_CONGRESS_HINT = re.compile("Đại hội")


def congresses_hint(published: PartialDate | None = None) -> re.Pattern[str]:
    """The step's hint: the words every congress phrase starts with."""
    return _CONGRESS_HINT


def congresses_possible(text: str, start: int, end: int, published: PartialDate | None = None) -> bool:
    """The step's necessary condition: a congress phrase in ``text[start:end]``."""
    return _CONGRESS.search(text, start, end) is not None


def find_congresses(ctx: FindContext) -> Iterator[CongressMention]:
    """The step: Party congress mentions in the window."""
    text, start, end = ctx.text, ctx.start, ctx.end
    for m in _CONGRESS.finditer(text, start, end):
        num = m.group("num")
        ordinal = int(num) if num.isdigit() else roman_to_int(num)
        if not ordinal:
            continue
        local = m.group("bo1") or m.group("ltype2")
        named = bool(m.group("party1") or m.group("tail") or local)  # "Đảng" is written
        party = named or bool(m.group("nat"))
        after = text[m.end() : min(end, m.end() + 40)]  # (the window's own words: a finder reads only its window)
        other = _OTHER_BODY.match(after)
        if not named and other:
            # "Đại hội đại biểu toàn quốc lần thứ VI của Liên hiệp ...", "Đại hội lần thứ 8 của MTTQ"
            yield CongressMention(m.start(), m.end(), ordinal, None, None, _term(m), party=False)
            continue
        if not named and not local and not _plausible_national(ordinal, _term(m)):
            # "Đại hội đại biểu toàn quốc lần thứ VI, nhiệm kỳ 2019 - 2024": not the Party's VI (1986)
            yield CongressMention(m.start(), m.end(), ordinal, None, None, _term(m), party=False)
            continue
        bare = False
        if not party:
            before = text[max(start, m.start() - 25) : m.start()]
            # "Đại hội XIII" alone is the national congress; "Đại hội lần thứ IV"
            # of an association is not
            if "lần" in m.group() or num.isdigit():
                continue
            if re.search(r"(?:Liên hiệp|Hội|Ủy ban|Mặt trận)[^.;,]*$", before):
                continue
            bare = True
        if local:
            ltype = m.group("ltype") or m.group("ltype2") or ""
            place = m.group("place") or m.group("place2") or ""
            kind = "tỉnh" if ltype == "tỉnh" else "thành phố"
            yield CongressMention(m.start(), m.end(), ordinal, place, kind, _term(m))
        else:
            yield CongressMention(m.start(), m.end(), ordinal, None, None, _term(m), bare=bare)


def _plausible_national(ordinal: int, term: str | None) -> bool:
    """Tell whether a term printed with a national congress fits that congress (the registry's years).

    Congress N opens its term: the term starts in N's year, after congress
    N-1 and before N+1.
    """
    if term is None:
        return True
    start = int(term[:4])
    reg = registry.national_congress(ordinal)
    if reg is None:
        return False
    if reg.year is not None:
        return start == reg.year
    before = registry.national_congress(ordinal - 1)
    after = registry.national_congress(ordinal + 1)
    low = before.year if before is not None and before.year is not None else 0
    high = after.year if after is not None and after.year is not None else 9999
    return low < start < high


def _term(m: re.Match[str]) -> str | None:
    term = m.group("term")
    return re.sub(r"\s", "", term) if term else None
