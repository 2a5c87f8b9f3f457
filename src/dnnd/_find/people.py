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

import bisect
import functools
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import attrs

from .. import registry
from ..model import OrganisationKind
from .organisations import OrgMention
from .patterns import CAP, alternation, countries, province_names, surnames, trie_alternation

if TYPE_CHECKING:  # pragma: no cover
    from .context import FindContext

__all__ = ["PersonMention", "PositionMention", "bodies_named_by_titles", "find_people"]


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


_NAME_TAIL = rf"(?:\s(?:[A-Z]\.\s?{CAP}|[A-Z]\.|{CAP}))"


@functools.cache
def _name_re() -> re.Pattern[str]:
    sur = trie_alternation(surnames())
    return re.compile(rf"(?<![\w.])(?:{sur})(?:\s{CAP}){{1,4}}(?![\w])")


_FOREIGN_NAME = re.compile(rf"{CAP}(?:-{CAP})?(?:{_NAME_TAIL}(?:-{CAP})?){{1,4}}(?![\w])")


@functools.cache
def _titles() -> tuple[str, ...]:
    return tuple(sorted(registry.titles(), key=lambda t: (-len(t), t)))


@functools.cache
def _title_re() -> re.Pattern[str]:
    alt = trie_alternation(_titles(), ignorecase=True)
    return re.compile(rf"(?P<former>nguyên\s+|Nguyên\s+)?(?P<title>(?i:{alt}))(?![\w])")


@functools.cache
def _titled_before_re() -> re.Pattern[str]:
    return re.compile(rf"(?i:{trie_alternation(_titles(), ignorecase=True)})\s*$")


_DIPLOMATIC = ("Đại sứ", "Tổng Lãnh sự", "Phó Tổng Lãnh sự", "Lãnh sự", "Đại biện", "Đại biện lâm thời", "Tham tán")


@functools.lru_cache(maxsize=4096)
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


_CHAIN_SEP = re.compile(r"\s*(?:,|kiêm|và|;|-)?\s*")
_PARTY_MEMBER = re.compile(r"(?P<cq>Tỉnh|Thành) ủy viên")


@functools.cache
def _diplomatic_place_re() -> re.Pattern[str]:
    """What follows a diplomat's title: "Hoa Kỳ tại Việt Nam", "Nhật Bản tại TP.HCM"."""
    country = alternation(countries())
    places = alternation((*province_names(), *countries(), "TP.HCM", "TP. HCM", "HCM"))
    return re.compile(
        rf"\s+(?:(?:Cộng hòa|Vương quốc|Cộng hòa Dân chủ Nhân dân|Liên bang)\s+)?{country}"
        rf"(?:\s+tại\s+(?:(?:TP\.?\s?|Thành phố\s|thành phố\s)?{places}))?(?!\w)"
    )


def _positions_from(
    text: str, pos: int, end: int, orgs: Sequence[OrgMention], starts: dict[int, OrgMention]
) -> tuple[list[PositionMention], int]:
    """Parse a chain of titles starting at *pos*; return them and the end."""
    out: list[PositionMention] = []
    organs: dict[int, re.Match[str]] = {}
    title_re = _title_re()
    try:
        return _chain(text, pos, end, orgs, starts, out, organs, title_re)
    finally:
        _share_bodies(out, organs)


def _share_bodies(out: list[PositionMention], organs: dict[int, re.Match[str]]) -> None:
    """Titles chained without a body of their own take the next one's.

    "Phó Chủ tịch - Tổng Thư ký Liên hiệp ..." gives both titles that union;
    "Ủy viên Đảng đoàn, Phó Chủ tịch Liên hiệp ..." makes the first post one
    in the union's Đảng đoàn.
    """
    for i in range(len(out) - 2, -1, -1):
        p = out[i]
        nxt = out[i + 1].org
        if p.org is not None or nxt is None or out[i + 1].title in _STANDALONE:
            continue
        if i in organs:
            m = organs[i]
            body = attrs.evolve(nxt, start=m.start("organ"), end=m.end("organ"), organ=m.group("organ"), registry_id=None)
            out[i] = attrs.evolve(p, org=body)
        elif p.title not in _STANDALONE:
            out[i] = attrs.evolve(p, org=nxt)


_ORGAN_AFTER = re.compile(r"\s+(?P<organ>Đảng đoàn|Ban Thường vụ|Đoàn Chủ tịch|Ban Chấp hành|Đảng ủy|Ban cán sự đảng)(?=\s*(?:,|kiêm|-|và))")
_STANDALONE = {"Tổng Bí thư", "Chủ tịch nước", "Phó Chủ tịch nước", "Thủ tướng", "Phó Thủ tướng", "Đại sứ", "Tổng Lãnh sự",
               "Phó Tổng Lãnh sự", "Lãnh sự", "Đại biện", "Đại biện lâm thời", "Tham tán", "Thường trực"}


def _chain(
    text: str,
    pos: int,
    end: int,
    orgs: Sequence[OrgMention],
    starts: dict[int, OrgMention],
    out: list[PositionMention],
    organs: dict[int, re.Match[str]],
    title_re: re.Pattern[str],
) -> tuple[list[PositionMention], int]:
    while pos < end:
        pm = _PARTY_MEMBER.match(text, pos, end)
        if pm:
            # "Tỉnh ủy viên": a member of the provincial Party committee
            org: OrgMention | None = OrgMention(
                pm.start(), pm.start("cq") + len(pm.group("cq")) + 3, f"{pm.group('cq')} ủy", OrganisationKind.PARTY, place=""
            )
            out.append(PositionMention(pm.start(), pm.end(), "Ủy viên", org))
            stop = pm.end()
        else:
            tm = title_re.match(text, pos, end)
            if tm is None or (not tm.group("title")[0].isupper() and not out):
                break
            raw = tm.group("title")
            title = _canonical_title(raw)
            after = tm.end()
            org = _org_at(orgs, starts, after, text)
            if org is None and " " in raw:
                # "Trưởng Ban Đối ngoại Trung ương", "Phó trưởng Đoàn ĐBQH tỉnh":
                # the body starts with the title's last word
                org = starts.get(tm.start("title") + raw.rindex(" ") + 1)
            organ = None if org is not None else _ORGAN_AFTER.match(text, after, end)
            if organ is not None:
                after = organ.end()
            stop = org.end if org else after
            if org is None and title in _DIPLOMATIC:
                dm = _diplomatic_place_re().match(text, after, end)
                if dm:
                    stop = dm.end()
            out.append(PositionMention(tm.start(), stop, title, org, former=bool(tm.group("former"))))
            if organ is not None:
                organs[len(out) - 1] = organ
        sm = _CHAIN_SEP.match(text, stop, end)
        if sm is None:
            return out, stop
        if not (title_re.match(text, sm.end(), end) or _PARTY_MEMBER.match(text, sm.end(), end)):
            return out, stop
        if sm.end() == stop:
            return out, stop
        pos = sm.end()
    return out, pos


_HONORIFIC_BEFORE = re.compile(
    r"(?:^|[\s(])(?:ông|bà|Ông|Bà|đồng chí|Đồng chí|đ/c|Đ/c|anh|chị|ngài|Ngài|TS\.?|PGS\.?|GS\.?|ThS\.?)\s*$"
)
_FOREIGN_AFTER_HONORIFIC = re.compile(rf"(?:(?<=\s)|^)(?:ông|bà|Ông|Bà|ngài|Ngài)\s+(?P<name>{_FOREIGN_NAME.pattern})")
_APPOSITION = re.compile(r"(?:\s*\([^()\n]{1,40}\))?\s*(?:,|-|\(|:)?\s*")
_GROUP_HEAD = re.compile(r"(?:[Ủủ]y viên|trong|[Đđ]ồng chí(?: Ủy viên)?)\s+$")


def find_people(ctx: FindContext) -> Iterator[PersonMention]:
    """The step: people named in the window, with positions where given.

    A title takes the organisation mention that starts right after it.
    """
    text, orgs, start, end = ctx.text, ctx.organisations, ctx.start, ctx.end
    starts = {o.start: o for o in orgs}
    name_re = _name_re()
    title_re = _title_re()
    seen: set[int] = set()
    found: list[PersonMention] = []
    org_spans = [(o.start, o.end) for o in orgs]

    # org mentions are sorted and disjoint: bisect instead of a scan per name
    spans_sorted = all(a <= b for a, b in org_spans) and all(
        org_spans[i][1] <= org_spans[i + 1][0] for i in range(len(org_spans) - 1)
    )
    span_starts = [a for a, _ in org_spans]

    def inside_org(s: int, e: int) -> bool:
        if not spans_sorted:
            return any(os_ <= s and e <= oe for os_, oe in org_spans)
        i = bisect.bisect_right(span_starts, s) - 1
        return i >= 0 and e <= org_spans[i][1]

    def apposition(name_end: int) -> list[PositionMention]:
        sep = _APPOSITION.match(text, name_end, end)
        if sep is None:
            return []
        return _positions_from(text, sep.end(), end, orgs, starts)[0]

    # 1. title chains followed by a name: "Phó Chủ tịch Liên hiệp ... Nguyễn Văn Doanh"
    # A title inside a chain already read starts the rest of that chain, which
    # ends where the chain ends and so meets the same name or none: skip it
    # (without this, "Phó Chủ tịch Phó Chủ tịch ..." is read quadratically).
    chained: set[int] = set()
    for tm in title_re.finditer(text, start, end):
        if tm.start() in chained:
            continue
        if not tm.group("title")[0].isupper() or tm.start() in seen or inside_org(tm.start(), tm.end()):
            continue
        positions, stop = _positions_from(text, tm.start(), end, orgs, starts)
        if not positions:
            continue
        chained.update(p.start for p in positions[1:])
        nm = re.compile(r"\s*(?:-|:)?\s+").match(text, stop, end)
        if nm is None:
            continue
        name_m = name_re.match(text, nm.end(), end)
        if name_m is None and (positions[-1].title in _DIPLOMATIC or positions[-1].org is None):
            name_m = _FOREIGN_NAME.match(text, nm.end(), end)
        if name_m is None:
            continue
        cleaned = _clean_name(name_m.group(), text[name_m.end() : name_m.end() + 8])
        if cleaned is None:
            continue
        skip, name = cleaned
        for p in positions:
            seen.add(p.start)
        name_start = name_m.start() + skip
        seen.add(name_start)
        name_end = name_start + len(name)
        found.append(PersonMention(name_start, name_end, name, (*positions, *apposition(name_end))))

    # 2. names with an apposition of titles after them, or an honorific before
    candidates: list[tuple[int, int, str]] = []
    for nm_ in name_re.finditer(text, start, end):
        cleaned = _clean_name(nm_.group(), text[nm_.end() : nm_.end() + 8])
        if cleaned is not None:
            skip, name = cleaned
            candidates.append((nm_.start() + skip, nm_.start() + skip + len(name), name))
    for fm in _FOREIGN_AFTER_HONORIFIC.finditer(text, start, end):
        s_ = fm.start("name")
        if not any(cs <= s_ < ce for cs, ce, _ in candidates):
            name = _clean_foreign(fm.group("name"))
            candidates.append((s_, s_ + len(name), name))
    for s_, e_, name in sorted(candidates):
        if s_ in seen or inside_org(s_, e_):
            continue
        positions = apposition(e_)
        prefix = text[max(start, s_ - 40) : s_]
        titled_before = bool(_titled_before_re().search(prefix))
        if not positions and not _HONORIFIC_BEFORE.search(prefix) and not titled_before:
            continue
        seen.add(s_)
        found.append(PersonMention(s_, e_, name, tuple(positions)))

    # 3. members listed after a body: "Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy: A, ...; B, ..."
    found.sort(key=lambda p: p.start)
    for o in orgs:
        colon = re.compile(r"\s*:").match(text, o.end, end)
        if colon is None or not _GROUP_HEAD.search(text, max(start, o.start - 30), o.start):
            continue
        stop = text.find(".", colon.end(), end)
        stop = end if stop < 0 else stop
        for i, person in enumerate(found):
            if colon.end() <= person.start < stop:
                extra = PositionMention(o.start, o.end, "Ủy viên", o)
                found[i] = attrs.evolve(person, positions=(extra, *person.positions))
    yield from found


def _clean_foreign(raw: str) -> str:
    words = raw.split()
    while words and words[-1] in _STOP_WORDS:
        words.pop()
    return " ".join(words)


_HONORIFIC_SURNAMES = {"Ông", "Bà", "Anh", "Chị"}
_STOP_WORDS = {"Phó", "Chủ", "Tổng", "Ủy", "Trưởng", "Bí", "Giám", "Hội", "Ban", "Sở", "Bộ", "Tỉnh", "Liên", "Tại", "Theo", "Ngày", "Sáng", "Chiều", "Tối", "Đảng", "Đại"}
_SOFT_STOPS = {
    "Trung": ("ương",),
    "Thường": ("trực", "vụ"),
    "Thành": ("ủy", "phố", "đoàn"),
    "Quốc": ("hội", "gia", "tế"),
    "Đoàn": ("đại", "thanh", "công"),
}


def _clean_name(raw: str, after: str = "") -> tuple[int, str] | None:
    """Trim words that are not part of a name.

    Returns the number of characters skipped at the front and the name.

    "Trung", "Thành" ... are given names too; they end a name only when the
    next word makes them a title or a body ("Trung ương", "Thành ủy").
    """
    words = raw.split()
    skip = 0
    nxt = re.match(r"\s([a-zđà-ỹ]+)", after)
    if len(words) > 2 and nxt and nxt.group(1) in _SOFT_STOPS.get(words[-1], ()):
        words.pop()
    if len(words) >= 3 and words[0] in _HONORIFIC_SURNAMES and words[1] in surnames():
        skip = len(words[0]) + 1  # "Ông Trần Công Thắng": Ông is the honorific here
        words = words[1:]
    while len(words) > 2 and words[-1] in _STOP_WORDS:
        words.pop()
    if len(words) < 2 or any(w in _STOP_WORDS for w in words[1:]):
        # keep the part before the first stop word
        cut = next((i for i, w in enumerate(words[1:], 1) if w in _STOP_WORDS), len(words))
        words = words[:cut]
    if len(words) < 2:
        return None
    return skip, " ".join(words)


def bodies_named_by_titles(ctx: FindContext) -> Iterator[OrgMention]:
    """The step: bodies that only a title names ("Tỉnh ủy viên", "Ủy viên Đảng đoàn, ...").

    They become organisation mentions of their own, so that the position and
    the organisation list agree.
    """
    known = {(o.start, o.end, o.head, o.organ) for o in ctx.organisations}
    for person in ctx.people:
        for position in person.positions:
            o = position.org
            if o is not None and (o.start, o.end, o.head, o.organ) not in known:
                known.add((o.start, o.end, o.head, o.organ))
                yield o
