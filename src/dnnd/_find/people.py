"""Finding people and the positions the text gives them.

A person is named in one of these ways, and the positions come with it:

- after a chain of titles (:mod:`.titles`): "Phó Chủ tịch Liên hiệp các
  tổ chức hữu nghị Việt Nam Nguyễn Văn Doanh", "Đại sứ Hoa Kỳ tại Việt
  Nam Marc E. Knapper";
- after an honorific, a rank, a degree or a noun for a person ("ông",
  "đồng chí", "Trung tướng", "PGS. TS", "nhà báo");
- before an apposition of titles, behind a comma, a dash or a parenthesis
  ("ông Trần Công Thắng - Chủ tịch Ủy ban MTTQ tỉnh, Chủ tịch ...") -- a
  chain that is followed by a name of its own belongs to that name, not to
  the one before it;
- before a verb that gives a post ("được bầu làm Chủ tịch Hội ...", "tái
  đắc cử", "giữ chức", "làm Trưởng đoàn"), with or without titles between.

Where a name starts and ends is :mod:`.names`' business. A Vietnamese name
with none of these around it is not taken: the same words name streets,
schools and places.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

import attrs

from .. import registry
from ..model import OrganisationKind, PartialDate
from .context import guard_hint
from .names import NameMatch, is_place, name_at, name_particles, vietnamese_name_at, vietnamese_names
from .organisations import OrgMention
from .patterns import LOWER, UPPER, alternation, countries, ministries
from .titles import (
    PositionMention,
    chain_at,
    honorific_re,
    inside_body_name_re,
    post_verb_re,
    station_re,
    title_re,
    title_row,
    verb_is_adjacent,
)

if TYPE_CHECKING:  # pragma: no cover
    from .context import FindContext

__all__ = ["PersonMention", "PositionMention", "bodies_named_by_titles", "find_people"]


@attrs.frozen
class PersonMention:
    """A person's name at ``[start, end)`` with the positions given there."""

    start: int
    end: int
    name: str
    positions: tuple[PositionMention, ...] = ()
    foreign: bool = False  # read as a foreign (or Chinese) name


#: between a chain of titles and the name after it: "Chủ tịch ... - Nguyễn Văn A", "Đại sứ Philippines, ngài X"
_NAME_AFTER = re.compile(r"\s*(?:[-:]\s*)?")
_COMMA_HONORIFIC = re.compile(r"\s*,\s*")
#: between a name and its apposition: "X, Chủ tịch", "X - Chủ tịch", "X (Chủ tịch", "X (sinh 1960), Chủ tịch"
_APPOSITION = re.compile(r"(?:\s*\([^()\n]{1,40}\))?\s*(?:,|-|\(|:)?\s*")
#: a place-type word or preposition before a capitalised run makes it a place ("TP Hồ Chí Minh", "tại Hà Nội")
_PLACE_BEFORE = re.compile(r"(?:\b(?:TP|Tp|T\.P|thành phố|Thành phố|tỉnh|Tỉnh|huyện|quận|xã|phường|thị xã|tại|ở)\.?\s+)$")
_VERB_REACH = 90
_CLAUSE_END = re.compile(r"[.;:!?\n()]")
_GROUP_HEAD = re.compile(r"(?:[Ủủ]y viên|trong|[Đđ]ồng chí(?: Ủy viên)?)\s+$")
_COLON = re.compile(r"\s*:")
_APPOSED = re.compile(r"[,(-]\s*$")

_AFTER_CHAIN, _HONORIFIC, _SCAN = 0, 1, 2  # how a name was found, strongest first
_PARTY_MEMBER_WORD = "ủy viên"  # "Tỉnh ủy viên", the one post no title match announces
_CAPITALISED_NEXT = re.compile(r" [A-ZÀ-ỸĐ]")
_Chain = Callable[..., tuple[list[PositionMention], int]]


_TITLE_MARKER, _TITLE_WORDS, _TITLE_END = "(?:(?P<marker>", r")\s+)?(?P<title>(?i:", r"))(?!\w)"


@functools.cache
def _title_words_re() -> re.Pattern[str] | None:
    """The markers and titles of :func:`title_re` as literal words (every match starts with one); None if it is not so built."""
    p = title_re().pattern
    i = p.find(_TITLE_MARKER)
    j = p.find(_TITLE_WORDS, i)
    if i < 0 or j < 0 or not p.endswith(_TITLE_END) or guard_hint(re.compile(p[:i] + "x")) is None:
        return None
    markers, words = p[i + len(_TITLE_MARKER) : j], p[j + len(_TITLE_WORDS) : -len(_TITLE_END)]
    return re.compile(f"{markers}|(?i:{words})")


@functools.cache
def _title_or_member_re() -> re.Pattern[str] | None:
    """A title (its literal words) or "ủy viên", behind the title's guard (a scan ten times faster than without)."""
    titles = _title_words_re()
    first = guard_hint(title_re())
    if titles is None or first is None:
        return None
    member = re.escape(_PARTY_MEMBER_WORD)
    return re.compile(f"(?={first.pattern}|{member[0]})(?:{titles.pattern}|{member})")


@functools.cache
def _hint() -> tuple[tuple[re.Pattern[str], ...], ...] | None:
    member = re.escape(_PARTY_MEMBER_WORD)
    title_or_member = _title_or_member_re() or guard_hint(title_re(), extra=member[0])
    honorific = honorific_re()
    first = guard_hint(honorific)
    if title_or_member is None or first is None:
        return None
    if honorific.pattern.endswith(f")(?=[{UPPER}])"):  # every honorific is followed by a capital (the name's)
        return ((title_or_member,), (first, re.compile(f"[{UPPER}]")))
    return ((title_or_member,), (first,))


def people_hint(published: PartialDate | None = None) -> tuple[tuple[re.Pattern[str], ...], ...] | None:
    """The step's hint: a title or "ủy viên"; or an honorific's first letter and a capital (the name's)."""
    return _hint()


def people_possible(text: str, start: int, end: int, published: PartialDate | None = None) -> bool:
    """The step's necessary condition: a title, an honorific or "ủy viên" in ``text[start:end]``.

    Every name :func:`find_people` reads follows a title or an honorific, or
    is found by its family name where a title or "ủy viên" is written.
    """
    return (
        _PARTY_MEMBER_WORD in text[start:end]
        or honorific_re().search(text, start, end) is not None  # (a faster scan than the titles')
        or title_re().search(text, start, end) is not None
    )


def find_people(ctx: FindContext) -> Iterator[PersonMention]:
    """The step: people named in the window, with positions where given.

    A title takes the organisation mention that starts right after it.
    """
    text, orgs, start, end = ctx.text, ctx.organisations, ctx.start, ctx.end
    starts = {o.start: o for o in orgs}
    spans = sorted((o.start, o.end) for o in orgs)
    span_starts = [s for s, _ in spans]
    title_pattern = title_re()

    def inside_org(s: int, e: int) -> bool:
        i = bisect.bisect_right(span_starts, s) - 1
        return any(spans[j][0] <= s and e <= spans[j][1] for j in range(max(0, i - 2), i + 1))

    memo: dict[int, bool] = {}

    def other_starts(pos: int) -> bool:
        """Whether something other than a name word starts here (an organisation, a title)."""
        if pos not in memo:
            tm = title_pattern.match(text, pos, end)
            memo[pos] = pos in starts or bool(tm and not tm.group("marker") and text[pos].isupper())
        return memo[pos]

    def name_here(pos: int) -> int:
        return int(name_at(text, pos, end, other_starts) is not None)

    def vietnamese_name_here(pos: int) -> int:
        nm = vietnamese_name_at(text, pos, end, other_starts)
        if nm is None or _CAPITALISED_NEXT.match(text, nm.end, end):
            return 0
        if is_place(nm.name.split()) and _PLACE_BEFORE.search(text, max(start, pos - 12), pos):
            return 0  # "Thành phố Hồ Chí Minh" is the city
        return len(nm.name.split())

    def chain(pos: int, *, lower_first: bool = False) -> tuple[list[PositionMention], int]:
        return chain_at(
            text, pos, end, starts, lower_first=lower_first, name_here=name_here, vietnamese_name_here=vietnamese_name_here
        )

    # 1. chains of titles, each parsed once, in text order
    chains: dict[int, tuple[list[PositionMention], int]] = {}
    last = start
    any_title = False
    for tm in title_pattern.finditer(text, start, end):
        any_title = True
        if tm.start() < last or inside_org(tm.start(), tm.end()):
            continue
        if not (tm.group("title")[0].isupper() or tm.group("marker")):
            continue
        if not tm.group("marker") and inside_body_name_re().search(text, max(start, tm.start() - 12), tm.start()):
            continue  # "Văn phòng Lãnh sự Nhật Bản", "Ban Giám đốc", "Đoàn Chủ tịch": part of a body's name
        parsed, stop = chain(tm.start())
        if parsed:
            chains[tm.start()] = (parsed, stop)
            last = stop

    def chain_from(pos: int) -> tuple[list[PositionMention], int] | None:
        if pos in chains:
            return chains[pos]
        positions, stop = chain(pos)
        if not positions:
            # "bà X, giám đốc Sở Ngoại vụ tỉnh Y": a title in lower case, vouched for by the body after it
            positions, stop = chain(pos, lower_first=True)
            if not positions or positions[0].org is None or positions[0].unread:
                return None
        return (positions, stop)

    # 2. candidate names: after a chain, after an honorific, by family name
    found: list[tuple[int, NameMatch, int | None]] = []  # (how, name, chain it follows)
    for chain_start, (_positions, stop) in chains.items():
        apposed = bool(_APPOSED.search(text, max(start, chain_start - 3), chain_start))
        last_title = chains[chain_start][0][-1]
        # after a bare unit ("Bí thư Tỉnh ủy Thanh Hải") a run without a family name is the unit's place
        bare_unit = last_title.org is not None and last_title.org.place == ""
        # after a place abroad ("Tỉnh trưởng tỉnh Koh Kong") a foreign name needs a dash or colon to start
        row = title_row(last_title.title)
        placed = last_title.station and row is not None and row.place_after
        nm = _name_after_chain(
            text, stop, end, other_starts, comma_ok=not apposed and last_title.station, foreign=not bare_unit,
            foreign_needs_mark=placed,
        )
        if nm is not None:
            found.append((_AFTER_CHAIN, nm, chain_start))
    for hm in honorific_re().finditer(text, start, end):
        hon = hm.group("hon") or hm.group("occ")
        if hon and hon[0].isupper() and _after_capitalised_word(text, hm.start(), start):
            continue  # "Lan Anh Nguyễn": a capitalised honorific inside a run of name words
        nm = name_at(text, hm.end(), end, other_starts)
        if nm is None and hm.group("nat"):
            nm = name_at(text, hm.start("nat"), end, other_starts)  # "nhà báo Đức Hùng": not a nationality
        if nm is None or (hon and is_place([*hon.split(), *nm.name.split()[:3]])):
            continue
        found.append((_HONORIFIC, nm, None))
    if any_title or _PARTY_MEMBER_WORD in text[start:end]:
        # a name found by its family name alone is kept only with a title after it
        for nm in vietnamese_names(text, start, end, other_starts):
            found.append((_SCAN, nm, None))

        # a foreign name before an apposition, with no honorific: "Tham dự có Kusaka Masatoshi, Tổng Lãnh sự ..."
        for chain_start in chains:
            lo = max(start, chain_start - 4)
            sep = _SEP_BEFORE.search(text[lo:chain_start])
            if sep is not None:
                nm = _foreign_before(text, max(start, lo + sep.start() - 100), lo + sep.start(), other_starts)
                if nm is not None:
                    found.append((_SCAN, nm, None))

    people = _pick(found, inside_org, text, start)
    # where each name's apposition would start
    apposition_at = {}
    for _how, nm, _cs in people:
        sep = _APPOSITION.match(text, nm.end, end)
        if sep is not None:
            apposition_at[nm.start] = sep.end()
    opened = set(apposition_at.values())
    # a chain between two names ("A, T1 O1, T2 O2 B"): B takes the titles after the last comma, A the rest
    # (the index where the name after the chain starts taking titles, for chains that a name follows)
    owned: dict[int, int] = {
        cs: (_split(text, chains[cs][0]) if cs in opened else 0) for _how, _nm, cs in people if cs is not None
    }
    claimed: set[int] = set()
    out: list[PersonMention] = []
    name_starts = sorted(nm.start for _how, nm, _cs in people)
    for how, nm, cs in people:
        positions: list[PositionMention] = list(chains[cs][0][owned[cs] :]) if cs is not None else []
        anchor = nm.end
        at = apposition_at.get(nm.start, -1)
        if at >= 0 and at not in claimed and owned.get(at, 1) > 0:
            apposition = chain_from(at)
            if apposition is not None:
                mine = owned.get(at, len(apposition[0]))
                positions += apposition[0][:mine]
                claimed.add(at)
                anchor = apposition[1] if mine == len(apposition[0]) else apposition[0][mine - 1].end
        tail = _LOCALITY_TAIL.match(text, anchor, end)  # "..., Chủ tịch UBND xã X, huyện Y làm Trưởng đoàn"
        positions += _posts_by_verb(text, tail.end() if tail else anchor, end, name_starts, nm.start, chain)
        if nm.foreign:
            # a foreigner holds no post in Vietnam's national bodies: "Ủy viên Bộ Chính trị" is of their own party
            positions = [attrs.evolve(p, unread=True, org=None) if _national(p.org) else p for p in positions]
        if positions or how != _SCAN:
            out.append(PersonMention(nm.start, nm.end, nm.name, tuple(positions), foreign=nm.foreign))

    # 3. members listed after a body: "Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy: A, ...; B, ..."
    for o in orgs:
        colon = _COLON.match(text, o.end, end)
        if colon is None or not _GROUP_HEAD.search(text, max(start, o.start - 30), o.start):
            continue
        stop_at = text.find(".", colon.end(), end)
        stop_at = end if stop_at < 0 else stop_at
        for i, person in enumerate(out):
            if colon.end() <= person.start < stop_at:
                extra = PositionMention(o.start, o.end, "Ủy viên", o)
                out[i] = attrs.evolve(person, positions=(extra, *person.positions))
    yield from out


_NATIONAL = {OrganisationKind.PARTY, OrganisationKind.STATE, OrganisationKind.FRONT}


def _national(org: OrgMention | None) -> bool:
    """Whether *org* is one of Vietnam's national Party, State or Front bodies.

    The registry's national bodies ("Bộ Chính trị", "Chính phủ") and the
    ministries; a foreign body the text names in full ("Bộ Chính trị Đảng
    Nhân dân Cách mạng Lào") is not one of them, and a bare local unit
    ("Tỉnh ủy") is left to the resolver, which places it from the context
    (a province abroad included).
    """
    if org is None or org.kind not in _NATIONAL:
        return False
    if org.place is not None or _foreign_country_re().search(org.head):
        return False
    return (
        org.registry_id is not None
        or registry.organisation_by_name(org.head) is not None
        or (org.head.startswith("Bộ ") and org.head[3:] in _ministries())
    )


@functools.cache
def _foreign_country_re() -> re.Pattern[str]:
    """A country other than Việt Nam, as a word ("Đảng Nhân dân Cách mạng Lào")."""
    names = [n for n in countries() if registry.country(n) is not registry.country("Việt Nam")]
    return re.compile(rf"(?<!\w){alternation(names)}(?!\w)")


@functools.cache
def _ministries() -> frozenset[str]:
    return frozenset(ministries())


_LOCALITY_TAIL = re.compile(
    rf"\s*,\s*(?:huyện|tỉnh|thành phố|quận|thị xã|xã|phường)\s+[{UPPER}][\w'-]*(?:\s+[{UPPER}][\w'-]*){{0,3}}(?=\s+[^\W\d{UPPER}])"
)
#: searched over a slice, where the first match never starts after white space: (?<!\s) keeps it linear
_SEP_BEFORE = re.compile(r"(?<!\s)\s*[,(-]\s*$")
_WORD_START = re.compile(rf"(?<![^\s(])[{UPPER}]")


#: what no name runs across: a character that no name word, particle or space
#: between them is written with; a lower-case word that is not a particle
_NOT_IN_NAME = re.compile(rf"[^{UPPER}{LOWER}' .-]")
_LOWER_WORD = re.compile(rf"(?<= )[{LOWER}][^ ]*")


def _foreign_before(text: str, lo: int, stop: int, other_starts: Callable[[int], bool]) -> NameMatch | None:
    """A foreign name that ends at *stop* and opens its clause (after punctuation or a lower-case word)."""
    # a name that reaches *stop* starts after the last thing no name runs across
    # (the names tried from the positions before it would all end earlier)
    first = lo
    for cm in _NOT_IN_NAME.finditer(text, lo, stop):
        first = cm.end()
    particles = name_particles()
    for lw in _LOWER_WORD.finditer(text, first, stop):
        if lw.group() not in particles:
            first = lw.end()
    for wm in _WORD_START.finditer(text, first, stop):
        pos = wm.start()
        before = text[max(lo, pos - 2) : pos].strip()
        if _after_capitalised_word(text, pos, lo) or (before and before[-1].isalnum() and before[-1].isupper()):
            continue
        nm = name_at(text, pos, stop, other_starts)
        if nm is not None and nm.end == stop and nm.foreign:
            return nm
    return None


def _split(text: str, positions: Sequence[PositionMention]) -> int:
    """Index of the first title after the last comma of a chain (0 when no comma joins it)."""
    for i in range(len(positions) - 1, 0, -1):
        if "," in text[positions[i - 1].end : positions[i].start]:
            return i
    return 0


def _after_capitalised_word(text: str, pos: int, start: int) -> bool:
    """Whether a capitalised word ends right before *pos* (one space between)."""
    if pos - 2 < start or text[pos - 1] != " ":
        return False
    i = pos - 2
    while i > start and text[i - 1].isalpha():
        i -= 1
    return text[i].isupper() and text[i:pos - 1].isalpha()


_DASH_OR_COLON = re.compile(r"[-:]")


def _name_after_chain(
    text: str, stop: int, end: int, other_starts: object, *, comma_ok: bool, foreign: bool = True,
    foreign_needs_mark: bool = False,
) -> NameMatch | None:
    """The name right after a chain of titles (an honorific may lead it).

    Behind a comma only for a title with no body that opens a phrase
    ("Đại sứ Philippines, ngài ..."): after "X, Chủ tịch Y, ông Z" the
    chain is X's and Z is the next person.
    """
    sep = _NAME_AFTER.match(text, stop, end)
    pos = sep.end() if sep else stop
    comma = False
    if pos == stop or text[stop:pos].strip() == "":
        cm = _COMMA_HONORIFIC.match(text, stop, end)
        if comma_ok and cm and "," in text[stop : cm.end()]:
            pos, comma = cm.end(), True
    if pos == stop:
        return None
    st = station_re().match(text, stop, end)
    if st is not None:  # "Đại biện Đại sứ quán X tại Việt Nam Pavol Svetik"
        pos = st.end() + 1
    hm = honorific_re().match(text, pos, end)
    if hm is not None and (hm.group("hon") or hm.group("occ")):
        pos = hm.end()
    elif comma:
        return None  # "Đại sứ Philippines, ngài ..." needs the honorific
    if foreign_needs_mark and not _DASH_OR_COLON.search(text, stop, min(pos, end)):
        foreign = False
    return name_at(text, pos, end, other_starts, foreign=foreign)  # type: ignore[arg-type]


def _pick(
    found: list[tuple[int, NameMatch, int | None]], inside_org: object, text: str, start: int
) -> list[tuple[int, NameMatch, int | None]]:
    """One reading per stretch of text: the strongest evidence, then the earliest name."""
    found.sort(key=lambda f: (f[0], f[1].start))
    # the stretches taken so far, disjoint and sorted (so sorted by end too): a name overlaps
    # one iff it overlaps the last that starts before its end (a scan of all was quadratic)
    taken_starts: list[int] = []
    taken_ends: list[int] = []
    out = []
    for how, nm, cs in found:
        i = bisect.bisect_left(taken_starts, nm.end) - 1
        if i >= 0 and taken_ends[i] > nm.start:
            continue
        if inside_org(nm.start, nm.end):  # type: ignore[operator]
            continue
        if how == _SCAN and (
            _PLACE_BEFORE.search(text, max(start, nm.start - 12), nm.start) or _after_capitalised_word(text, nm.start, start)
        ):
            continue  # "tại Hà Nội", "TNCS Hồ Chí Minh": the end of another name
        taken_starts.insert(i + 1, nm.start)
        taken_ends.insert(i + 1, nm.end)
        out.append((how, nm, cs))
    out.sort(key=lambda f: f[1].start)
    return out


def _posts_by_verb(
    text: str, anchor: int, end: int, name_starts: Sequence[int], own: int, chain: _Chain
) -> list[PositionMention]:
    """Posts a verb gives the person named before *anchor* ("được bầu làm Chủ tịch Hội ...").

    A post of an association given with no body ("do ông X làm Chủ tịch")
    is one in the association the article names (``ref`` "*").
    """
    limit = min(end, anchor + _VERB_REACH)
    stop = _CLAUSE_END.search(text, anchor, limit)
    if stop is not None:
        limit = stop.start()
    nxt = bisect.bisect_right(name_starts, own)
    if nxt < len(name_starts):
        limit = min(limit, name_starts[nxt])
    pattern = post_verb_re()
    vm = pattern.match(text, anchor, limit)
    if vm is None:
        for cand in pattern.finditer(text, anchor, limit):
            if not verb_is_adjacent(cand.group("verb")):
                vm = cand
                break
    if vm is None:
        return []
    positions, _stop = chain(vm.end(), lower_first=True)
    out = []
    for p in positions:
        row = title_row(p.title)
        if p.org is None and p.ref is None and not p.unread and not p.station and row is not None and row.group == "union":
            p = attrs.evolve(p, ref="*")
        out.append(p)
    return out


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
