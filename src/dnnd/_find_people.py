"""Finding people and the positions the text gives them.

A position is a *title* (the role words at the front: "Phó Chủ tịch Thường
trực", "Trưởng ban", "Đại sứ") followed by the organisation it belongs to.
Titles chain with commas, "kiêm" or "và" ("Bí thư Đảng đoàn, Chủ tịch Liên
hiệp ..."), and a chain sits either before the name ("Phó Chủ tịch Liên hiệp
các tổ chức hữu nghị Việt Nam Nguyễn Văn Doanh") or after it, behind a comma
or dash ("ông Trần Công Thắng - Chủ tịch Ủy ban MTTQ tỉnh, Chủ tịch ...").

A name is a Vietnamese surname followed by one to four capitalised
syllables, or (next to a title or honorific) any run of capitalised words,
for foreign names ("Marc E. Knapper", "Kusaka Masatoshi"). Honorifics and
degrees ("ông", "bà", "đồng chí", "PGS. TS") are stripped.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

import attrs

from . import registry
from ._find_organisations import OrgMention
from ._lexicon import CAP, alternation, surnames

__all__ = ["PersonMention", "PositionMention", "find_people"]


@attrs.frozen
class PositionMention:
    """A title at ``[start, end)`` with the organisation mention it names."""

    start: int
    end: int
    title: str
    org: OrgMention | None
    former: bool = False


@attrs.frozen
class PersonMention:
    """A person's name at ``[start, end)`` with the positions given there."""

    start: int
    end: int
    name: str
    positions: tuple[PositionMention, ...] = ()


_NAME_TAIL = rf"(?:\s(?:{CAP}|[A-Z]\.\s?{CAP}|[A-Z]\.))"


@functools.cache
def _name_re() -> re.Pattern[str]:
    sur = alternation(surnames())
    return re.compile(rf"(?<![\w.])(?:{sur})(?:\s{CAP}){{1,4}}(?![\w])")


_FOREIGN_NAME = re.compile(rf"{CAP}(?:-{CAP})?(?:{_NAME_TAIL}(?:-{CAP})?){{1,4}}(?![\w])")


@functools.cache
def _titles() -> tuple[str, ...]:
    return tuple(sorted(registry.titles(), key=lambda t: (-len(t), t)))


@functools.cache
def _title_re() -> re.Pattern[str]:
    alt = alternation(_titles(), ignorecase=True)
    return re.compile(rf"(?P<former>nguyên\s+|Nguyên\s+)?(?P<title>(?i:{alt}))(?![\w])")


@functools.cache
def _titled_before_re() -> re.Pattern[str]:
    return re.compile(rf"(?i:{alternation(_titles(), ignorecase=True)})\s*$")


@functools.cache
def _honorific_re() -> re.Pattern[str]:
    words = list(registry.honorifics()) + [w[:1].upper() + w[1:] for w in registry.honorifics()]
    deg = alternation(registry.degrees())
    return re.compile(rf"(?:(?<![\w])(?:{alternation(words)})\s+)?(?:(?:{deg})\s*)*$")


_DIPLOMATIC = ("Đại sứ", "Tổng Lãnh sự", "Phó Tổng Lãnh sự", "Lãnh sự", "Đại biện", "Tham tán")


def _canonical_title(raw: str) -> str:
    """The contract's casing of a title written *raw* ("Phó chủ tịch")."""
    key = raw.lower()
    for t in _titles():
        if t.lower() == key:
            return t
    return raw


def _org_at(orgs: Sequence[OrgMention], starts: dict[int, OrgMention], pos: int, text: str) -> OrgMention | None:
    m = re.compile(r"\s*").match(text, pos)
    return starts.get(m.end() if m else pos)


_CHAIN_SEP = re.compile(r"\s*(?:,|kiêm|và|;)?\s*")


def _positions_from(text: str, pos: int, end: int, orgs: Sequence[OrgMention], starts: dict[int, OrgMention]) -> tuple[list[PositionMention], int]:
    """Parse a chain of titles starting at *pos*; return them and the end."""
    out: list[PositionMention] = []
    title_re = _title_re()
    while pos < end:
        tm = title_re.match(text, pos, end)
        if tm is None or not tm.group("title")[0].isupper() and not out:
            break
        raw = tm.group("title")
        title = _canonical_title(raw)
        after = tm.end()
        org = _org_at(orgs, starts, after, text)
        if org is None and title in ("Trưởng", "Phó Trưởng", "Trưởng ban", "Phó Trưởng ban"):
            # "Trưởng Ban Đối ngoại Trung ương": the org starts with "Ban"
            org = _org_at(orgs, starts, tm.start("title") + len(raw) - 3, text) if raw.lower().endswith("ban") else None
        stop = org.end if org else after
        if title in ("Trưởng", "Phó Trưởng"):
            title += " ban"
        if title.split()[-1] in {"Đại", "Tổng"}:
            break
        if org is None and title in _DIPLOMATIC:
            dm = re.compile(rf"\s+(?:{CAP}(?:\s{CAP})?)(?:\s+tại\s+(?:TP\.?\s?|Thành phố\s|thành phố\s)?{CAP}(?:\s{CAP}){{0,3}})?").match(text, after, end)
            if dm and not _name_re().match(text, dm.start() + 1):
                stop = dm.end()
        out.append(PositionMention(tm.start(), stop, title, org, former=bool(tm.group("former"))))
        sm = _CHAIN_SEP.match(text, stop, end)
        if sm is None or sm.end() == stop and stop < end and text[stop:stop + 1] not in ", ":
            return out, stop
        nxt = title_re.match(text, sm.end(), end)
        if nxt is None:
            return out, stop
        pos = sm.end()
    return out, pos


def find_people(text: str, orgs: Sequence[OrgMention], start: int = 0, end: int | None = None) -> Iterator[PersonMention]:
    """People named in ``text[start:end]``, with positions where given.

    *orgs* are the organisation mentions already found in the same text; a
    title takes the organisation that starts right after it.
    """
    end = len(text) if end is None else end
    starts = {o.start: o for o in orgs}
    name_re = _name_re()
    title_re = _title_re()
    seen: set[int] = set()
    honor = _honorific_re()
    org_spans = [(o.start, o.end) for o in orgs]

    def inside_org(s: int, e: int) -> bool:
        return any(os_ <= s and e <= oe for os_, oe in org_spans)

    # 1. title chains followed by a name: "Phó Chủ tịch Liên hiệp ... Nguyễn Văn Doanh"
    for tm in title_re.finditer(text, start, end):
        if not tm.group("title")[0].isupper() or tm.start() in seen:
            continue
        if inside_org(tm.start(), tm.end()):
            continue
        positions, stop = _positions_from(text, tm.start(), end, orgs, starts)
        if not positions:
            continue
        nm = re.compile(r"\s+").match(text, stop, end)
        if nm is None:
            continue
        name_m = name_re.match(text, nm.end(), end) or (
            _FOREIGN_NAME.match(text, nm.end(), end) if positions[-1].title in _DIPLOMATIC or positions[-1].org is None else None
        )
        if name_m is None:
            continue
        name = _clean_name(name_m.group())
        if name is None:
            continue
        for p in positions:
            seen.add(p.start)
        seen.add(name_m.start())
        yield PersonMention(name_m.start(), name_m.start() + len(name), name, tuple(positions))

    # 2. names, with an apposition of titles after them
    for nm_ in name_re.finditer(text, start, end):
        if nm_.start() in seen or inside_org(nm_.start(), nm_.end()):
            continue
        name = _clean_name(nm_.group())
        if name is None:
            continue
        nend = nm_.start() + len(name)
        sep = re.compile(r"\s*(?:,|-|\(|:)?\s*").match(text, nend, end)
        positions: list[PositionMention] = []
        if sep is not None:
            positions, _ = _positions_from(text, sep.end(), end, orgs, starts)
        prefix = text[max(start, nm_.start() - 40) : nm_.start()]
        has_honorific = bool(re.search(r"(?:^|[\s(])(?:ông|bà|Ông|Bà|đồng chí|Đồng chí|đ/c|Đ/c|anh|chị|ngài|Ngài|TS\.?|PGS\.?|GS\.?|ThS\.?)\s*$", prefix))
        titled_before = bool(_titled_before_re().search(prefix))
        if not positions and not has_honorific and not titled_before:
            continue
        seen.add(nm_.start())
        yield PersonMention(nm_.start(), nend, name, tuple(positions))
    del honor


_STOP_WORDS = {"Phó", "Chủ", "Tổng", "Ủy", "Trưởng", "Bí", "Giám", "Hội", "Ban", "Sở", "Bộ", "Tỉnh", "Liên", "Tại", "Theo", "Ngày", "Sáng", "Chiều", "Tối", "Thường", "Trung", "Đoàn", "Đảng"}


def _clean_name(raw: str) -> str | None:
    """Trim trailing words that begin a title or an organisation."""
    words = raw.split()
    while len(words) > 2 and words[-1] in _STOP_WORDS:
        words.pop()
    if len(words) < 2 or any(w in _STOP_WORDS for w in words[1:]):
        # keep the part before the first stop word
        cut = next((i for i, w in enumerate(words[1:], 1) if w in _STOP_WORDS), len(words))
        words = words[:cut]
    if len(words) < 2:
        return None
    return " ".join(words)
