"""The grammar of titles: rows of ``data/titles.json`` compiled once.

A *chain* of titles ("Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch
HĐND tỉnh") is titles joined by a comma, a dash, "kiêm" or "và". Each title
takes what follows it:

- the organisation mention the organisation step found right after it
  ("Chủ tịch" + "Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang"), or one
  that starts with the title's last word ("Trưởng Ban Đối ngoại Trung
  ương");
- a ministry named without "Bộ" after a row marked ``ministry_after``
  ("Thứ trưởng Ngoại giao" is of "Bộ Ngoại giao");
- an organ of the next title's body ("Ủy viên Đảng đoàn, Chủ tịch Liên
  hiệp ...", "Ủy viên Thường vụ, Trưởng ban Dân vận Tỉnh ủy");
- a bare head noun that points back at a body the article named
  ("Chủ tịch Hội", "Phó Giám đốc Học viện"): the resolver finds it;
- a country and a station for titles with no body ("Đại sứ Hoa Kỳ tại
  Việt Nam", "Tổng thống Venezuela");
- or nothing: a title without a body has organisation ``None``, and a row
  marked ``needs_body`` is then no title at all ("các đại biểu").

A marker before a title ("nguyên", "cựu", "cố", "quyền") is dropped or kept
as its row says; "nguyên" and "cựu" mark the post as former.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from .. import registry
from ..model import OrganisationKind
from .organisations import OrgMention
from .patterns import (
    LOWER,
    UPPER,
    alternation,
    canonical_province,
    countries,
    first_chars,
    ministries,
    organs,
    province_names,
    trie_alternation,
)

__all__ = [
    "PositionMention",
    "TitleRow",
    "chain_at",
    "honorific_re",
    "inside_body_name_re",
    "post_verb_re",
    "station_re",
    "title_re",
    "title_row",
]


@attrs.frozen
class PositionMention:
    """A title at ``[start, end)`` with the organisation mention it names.

    ``ref`` is a bare head noun ("Hội") standing for a body the article
    names elsewhere; the resolver finds which. ``unread`` marks a title
    followed by a body name that the organisation step did not read, or
    read short (its organisation is unknown, not absent; ``org`` is then
    ``None``): later steps skip such positions.
    """

    start: int
    end: int
    title: str
    org: OrgMention | None
    former: bool = False
    ref: str | None = None
    unread: bool = False  # a body follows that the organisation step did not read
    station: bool = False  # a country (and station) follows instead of a body


@attrs.frozen
class TitleRow:
    """One title of the grammar: its canonical form and how it behaves."""

    title: str
    group: str
    standalone: bool = False
    needs_body: bool = False
    ministry_after: bool = False
    place_after: bool = False


def _data() -> Mapping[str, Any]:
    return registry._load("titles.json")  # type: ignore[no-any-return]


@functools.cache
def _rows() -> dict[str, TitleRow]:
    out = {}
    for row in _data()["titles"]:
        title = TitleRow(
            title=row["title"],
            group=row["group"],
            standalone=bool(row.get("standalone")),
            needs_body=bool(row.get("needs_body")),
            ministry_after=bool(row.get("ministry_after")),
            place_after=bool(row.get("place_after")),
        )
        for written in (row["title"], *row.get("also_written", ()), *row.get("written_with_organ", {})):
            out[written.lower()] = title  # "Phó Chủ tịch TT", "PCT", "UVBTV"
    return out


@functools.cache
def _written_organs() -> dict[str, str]:
    """Short forms that write a title and an organ in one ("UVBTV": Ủy viên of a Ban Thường vụ)."""
    return {w: organ for row in _data()["titles"] for w, organ in row.get("written_with_organ", {}).items()}


@functools.cache
def _organ_abbreviations() -> dict[str, str]:
    return dict(_data()["organ_abbreviations"])


@functools.cache
def _organ_abbreviation_re() -> re.Pattern[str]:
    return re.compile(rf"\s+(?P<abbr>{alternation(_organ_abbreviations())})(?=\s+[{UPPER}])")


def title_row(written: str) -> TitleRow | None:
    """The row of a title as written, in any case ("phó chủ tịch")."""
    return _rows().get(" ".join(written.split()).lower())


@functools.cache
def _markers() -> dict[str, Mapping[str, Any]]:
    return {m["word"]: m for m in _data()["markers"]}


def _both_cases(words: object) -> list[str]:
    out = []
    for w in words:  # type: ignore[attr-defined]
        out += [w, w[:1].upper() + w[1:]]
    return out


@functools.cache
def title_re() -> re.Pattern[str]:
    """A title with its optional marker: groups ``marker`` and ``title``."""
    markers = alternation(_both_cases(_markers()))
    alt = trie_alternation(_rows(), ignorecase=True)
    # the guard: a title or a marker starts here (under the title's case folding, a superset)
    guard = first_chars(_both_cases(_markers()), _rows(), ignorecase=True)
    return re.compile(rf"{guard}(?:(?P<marker>{markers})\s+)?(?P<title>(?i:{alt}))(?!\w)")


#: "Tỉnh ủy viên": a member of the provincial (city, district) Party committee
_PARTY_MEMBER = re.compile(r"(?P<cq>Tỉnh|Thành|Huyện|Quận) ủy viên(?!\w)")


@functools.cache
def _organ_after_re() -> re.Pattern[str]:
    names = alternation([*organs(), "Thường vụ"])
    return re.compile(rf"\s+(?P<organ>{names})(?=\s*(?:,|kiêm\s|-|và\s))")


@functools.cache
def _ministry_re() -> re.Pattern[str]:
    return re.compile(rf"\s+(?P<min>{alternation(ministries())})(?!\w)")


@functools.cache
def _body_words() -> frozenset[str]:
    return frozenset(_data()["body_words"])


@functools.cache
def _ref_re() -> re.Pattern[str]:
    """A bare head noun: "Hội", "Học viện", "Ủy ban" followed by no capitalised word.

    Not the first word of a longer noun ("Hội đồng", "Hội nghị"), nor of a
    name written in lower case ("Hội cựu chiến binh Lào": a capital within
    four words), except a term ("Chủ tịch Hội khóa IV").
    """
    heads = alternation(_data()["bare_heads"])
    longer = alternation(_data()["longer_nouns"])
    # (?!\s): giving back a space can never help (a head starts with a letter); it makes each step back cheap
    return re.compile(
        rf"\s+(?!\s)(?!(?i:{longer})(?!\w))(?P<ref>{heads})(?![\w-])"
        rf"(?:(?=\s+(?:khóa|nhiệm kỳ)(?!\w))|(?!(?:\s+[{LOWER}]+){{0,3}}\s+[{UPPER}0-9]))"
    )


@functools.cache
def inside_body_name_re() -> re.Pattern[str]:
    """Words right before a title that make it part of a body's name ("Văn phòng Lãnh sự", "Ban Giám đốc")."""
    return re.compile(rf"(?<!\w){alternation(_data()['title_inside_after'])}\s+$")


@functools.cache
def _station() -> str:
    places = alternation((*province_names(), *countries(), "TP.HCM", "TP. HCM", "HCM"))
    return rf"\s+tại\s+(?:(?:TP\.?\s?|Thành phố\s|thành phố\s)?{places})(?!\w)"


@functools.cache
def station_re() -> re.Pattern[str]:
    """Where a mission sits: " tại Việt Nam", " tại TP.HCM"."""
    return re.compile(_station())


@functools.cache
def _country_re() -> re.Pattern[str]:
    """What may follow a title with no body: "Hoa Kỳ tại Việt Nam", "Nhật Bản tại TP.HCM", "Vương quốc Campuchia"."""
    country = alternation(countries())
    station = _station()
    return re.compile(
        rf"\s+(?:(?i:cộng hòa dân chủ nhân dân|cộng hòa|vương quốc|liên bang|nhà nước|nước)\s+)?{country}(?!\w)(?:{station})?(?!\w)"
        rf"|{station}(?!\w)"
    )


@functools.cache
def honorific_re() -> re.Pattern[str]:
    """An honorific, rank, occupation noun or degree run before a name; its end is where the name starts."""
    rows = _data()["honorifics"]
    hon = trie_alternation(_both_cases(h["word"] for h in rows if h["kind"] in ("address", "rank")))
    occ = trie_alternation(_both_cases(h["word"] for h in rows if h["kind"] == "occupation"))
    label = alternation(h["word"] for h in rows if h["kind"] == "label")
    deg = trie_alternation(d["abbreviation"] for d in _data()["degrees"])
    degrees = rf"(?:{deg})(?:[.,]\s?|\s)(?:(?:{deg})(?:[.,]\s?|\s)){{0,3}}"
    guard = first_chars(
        _both_cases(h["word"] for h in rows if h["kind"] in ("address", "rank")),
        _both_cases(h["word"] for h in rows if h["kind"] == "occupation"),
        [h["word"] for h in rows if h["kind"] == "label"],
        [d["abbreviation"] for d in _data()["degrees"]],
    )
    # a noun for a person may name a nationality before the name: "cựu binh Mỹ X"
    return re.compile(
        rf"{guard}(?<![\w./])(?:(?P<hon>{hon})\s+|(?P<occ>{occ})\s+(?:(?P<nat>{alternation(countries())})(?:\s+|\s*-\s*))?"
        rf"|(?P<deg>{degrees})\s*|(?P<label>{label})[ \t]*[:|][ \t]*)(?=[{UPPER}])"
    )


@functools.cache
def _verb_rows() -> dict[str, bool]:
    return {v["verb"]: bool(v.get("adjacent")) for v in _data()["post_verbs"]}


@functools.cache
def post_verb_re() -> re.Pattern[str]:
    """Words that give a post to the person named before them: groups ``verb``."""
    leads = alternation(_data()["verb_leads"])
    verbs = alternation(_both_cases(_verb_rows()))
    # (?!(?<=\s)\s): no start strictly inside a run of white space (the match from the run's first
    # space is found first), so a long run is scanned once; matched/searched from a word's end as before
    return re.compile(
        rf"(?!(?<=\s)\s)\s*(?:,\s*)?(?<!\w)(?:(?:{leads})\s+){{0,3}}(?P<verb>{verbs})\s+(?:(?:chức vụ|chức|cương vị)\s+)?(?=\S)"
    )


def verb_is_adjacent(verb: str) -> bool:
    """Whether the verb gives a post only right after the name or its titles ("làm", "là")."""
    return _verb_rows().get(verb.lower(), _verb_rows().get(verb, False))


_CHAIN_SEP = re.compile(r"\s*(?:,|kiêm|và|-)\s*")
_OF = re.compile(r"\s+của\s+")
_SPACES = re.compile(r"\s*")


def _canonical(tm: re.Match[str]) -> tuple[str, bool]:
    """The contract's title for a match, and whether the post is former."""
    row = title_row(tm.group("title"))
    title = row.title if row else tm.group("title")
    marker = (tm.group("marker") or "").lower()
    if marker in registry.acting_markers():  # kept: "Quyền Trưởng ban"
        title = f"{marker[:1].upper()}{marker[1:]} {title}"
    return title, marker in registry.former_markers()


def _body(
    text: str, tm: re.Match[str], end: int, starts: Mapping[int, OrgMention], row: TitleRow | None
) -> tuple[OrgMention | None, str | None, re.Match[str] | None, int]:
    """The body a title names: (organisation, bare head, organ match, end of what it took)."""
    after = tm.end()
    organ_of = _written_organs().get(tm.group("title"))  # "UVBTV Thành ủy"
    om = _organ_abbreviation_re().match(text, after, end)  # "Ủy viên BTV Tỉnh ủy"
    if om is not None and organ_of is None:
        organ_of, after = _organ_abbreviations()[om.group("abbr")], om.end()
    sp = _SPACES.match(text, after, end)
    org = starts.get(sp.end() if sp else after)
    if org is not None and organ_of is not None:
        org = org.evolve(start=tm.start("title") if om is None else om.start("abbr"), organ=organ_of, registry_id=None)
        return org, None, None, org.end
    if org is None:
        of = _OF.match(text, after, end)  # "Chủ tịch danh dự của Ủy ban ..."
        org = starts.get(of.end()) if of else None
    raw = tm.group("title")
    if org is None and " " in raw:
        # "Trưởng Ban Đối ngoại Trung ương": the body starts with the title's last word
        org = starts.get(tm.start("title") + raw.rindex(" ") + 1)
    if org is not None:
        return org, None, None, org.end
    if row is not None and row.ministry_after:
        mm = _ministry_re().match(text, after, end)
        if mm:
            body = OrgMention(mm.start("min"), mm.end("min"), f"Bộ {mm.group('min')}", OrganisationKind.STATE)
            return body, None, None, mm.end()
    organ = _organ_after_re().match(text, after, end)
    if organ is not None:
        return None, None, organ, organ.end()
    ref = _ref_re().match(text, after, end)
    if ref is not None:
        return None, ref.group("ref"), None, ref.end()
    return None, None, None, after


#: does a name start at this offset? (for Vietnamese names: how many syllables, 0 for none)
NameProbe = Callable[[int], int]

@functools.cache
def _body_start_re() -> re.Pattern[str]:
    """A body name starts with a capital, or with a head noun written in lower case ("Chủ tịch hội lưu học sinh ...")."""
    lower_heads = alternation(h.lower() for h in _data()["bare_heads"])
    return re.compile(rf" (?=[{UPPER}]|{lower_heads}\s)")

#: a title followed by a number or a plural word names several people ("Phó Tỉnh trưởng 3 tỉnh")
_PLURAL_AFTER = re.compile(r"\s+(?:\d|các\s|những\s|hai\s|ba\s)")
_BODY_WORD = re.compile(r"[^\s,;.:()\"]+")
_BODY_JOIN = re.compile(r" (?:- )?")


def _unread_body(text: str, pos: int, end: int, name_here: NameProbe, vietnamese_name_here: NameProbe) -> int:
    """Where a body name the organisation step did not read ends ("Ban Á - Phi", "Huyện ủy Phú Ninh").

    It starts with a capitalised word that is not a name and runs to a
    comma or other stop, a verb that gives a post, "kiêm"/"và", or a
    Vietnamese name (the person the title belongs to). Returns *pos* when
    no such body follows.
    """
    first = _body_start_re().match(text, pos, end)
    if first is None or name_here(first.end()):
        return pos
    verbs, stations, titles, body_words = post_verb_re(), station_re(), title_re(), _body_words()
    i, last, prev = first.end(), pos, ""
    for n in range(14):
        wm = _BODY_WORD.match(text, i, end)
        if wm is None:
            break
        word = wm.group()
        if word in ("kiêm", "và"):
            break
        if n and verbs.match(text, last, end):
            break
        if n and word[0].isupper() and prev not in body_words and (syllables := vietnamese_name_here(i)):
            # the person's name after the body: "Huyện ủy Phú Ninh Nguyễn Văn A"; but not
            # the body's own proper name right after its head ("Vụ Châu Âu")
            if prev[:1].isupper() or syllables >= 3:
                break
        prev = word
        last = wm.end()
        st = stations.match(text, last, end)
        if st is not None:  # "Đại sứ quán Cộng hòa Slovakia tại Việt Nam": a mission's name ends with its station
            return st.end()
        sp = _BODY_JOIN.match(text, last, end)
        if sp is None or sp.end() == last or (sp.end() - last > 1 and titles.match(text, sp.end(), end)):
            break
        i = sp.end()
    return last


@functools.cache
def _body_head_re() -> re.Pattern[str]:
    """A capitalised word that heads a body ("Ban", "Đại sứ quán", "Hội") right after a title."""
    return re.compile(rf" (?:{alternation(_body_words())}) ")


def _same_body_tail(tail: str) -> bool:
    """Whether words after an organisation only repeat whose or where it is ("Cộng sản Việt Nam", "tỉnh Bắc Giang").

    A foreign country after it ("Trung ương Đảng Campuchia") makes it another body.
    """
    words = tail.split()
    if not words:
        return True
    place = " ".join(words[1:] if words[0].islower() else words)
    return tail.rstrip().endswith(("Việt Nam", "VN")) or canonical_province(place) is not None


_PLACE_TYPE = re.compile(r" (?:tỉnh|thành phố|huyện|quận|bang|châu|vùng|khu)(?= [^\W\d])")


def _place_after(text: str, pos: int, end: int, vietnamese_name_here: NameProbe) -> int:
    """Where the place after a local office ends ("Tỉnh trưởng Luang Prabang", "Thị trưởng thành phố Sakai")."""
    tm = _PLACE_TYPE.match(text, pos, end)
    i = tm.end() if tm else pos
    last = pos
    for _ in range(4):
        wm = _BODY_WORD.match(text, i + 1, end) if i < end and text[i : i + 1] == " " else None
        if wm is None or not wm.group()[0].isupper() or vietnamese_name_here(i + 1):
            break
        last = i = wm.end()
    return last


def chain_at(
    text: str,
    pos: int,
    end: int,
    starts: Mapping[int, OrgMention],
    *,
    lower_first: bool = False,
    name_here: NameProbe | None = None,
    vietnamese_name_here: NameProbe | None = None,
) -> tuple[list[PositionMention], int]:
    """The chain of titles that starts at *pos*: its positions and where it ends.

    The first title must be capitalised ("Phó Chủ tịch ..."), unless a
    marker leads it ("nguyên giám đốc") or *lower_first* (after a verb:
    "làm trưởng đoàn"). With the two name probes, a body name the
    organisation step did not read is stepped over (the position is
    marked ``unread``) and the chain goes on after it.
    """
    out: list[PositionMention] = []
    organs: dict[int, tuple[int, int, str]] = {}  # a title's organ whose body is the next title's
    stop = pos
    title_pattern = title_re()
    while pos < end:
        pm = _PARTY_MEMBER.match(text, pos, end)
        if pm:
            cq = f"{pm.group('cq')} ủy"
            member_of = OrgMention(pm.start(), pm.start("cq") + len(cq), cq, OrganisationKind.PARTY, place="")
            out.append(PositionMention(pm.start(), pm.end(), "Ủy viên", member_of))
            stop = pm.end()
        else:
            tm = title_pattern.match(text, pos, end)
            if tm is None:
                break
            if not out and not (tm.group("title")[0].isupper() or tm.group("marker") or lower_first):
                break
            row = title_row(tm.group("title"))
            org, ref, organ, body_end = _body(text, tm, end, starts, row)
            if org is None and ref is None and organ is None and _PLURAL_AFTER.match(text, tm.end(), end):
                break
            if row is not None and row.needs_body and org is None and ref is None and organ is None:
                break
            title, former = _canonical(tm)
            stop = body_end
            unread = station = False
            if org is None and ref is None and organ is None:
                cm = _country_re().match(text, body_end, end)
                headed = _body_head_re().match(text, body_end, end) is not None
                probes = name_here is not None and vietnamese_name_here is not None
                if cm:
                    stop, station = cm.end(), True
                elif row is not None and row.place_after and probes and not headed:
                    stop = _place_after(text, body_end, end, vietnamese_name_here)  # type: ignore[arg-type]
                    station = stop > body_end
                elif probes and (headed or not (row and row.standalone)):
                    stop = _unread_body(text, body_end, end, name_here, vietnamese_name_here)  # type: ignore[arg-type]
                    unread = stop > body_end
            elif org is not None and name_here is not None and vietnamese_name_here is not None:
                # an organisation read short: "Ủy viên Trung ương Đảng Cộng sản Trung Quốc"
                tail = _unread_body(text, org.end, end, name_here, vietnamese_name_here)
                if tail > org.end and not _same_body_tail(text[org.end : tail]):
                    stop, unread, org = tail, True, None
            out.append(PositionMention(tm.start(), stop, title, org, former=former, ref=ref, unread=unread, station=station))
            if organ is not None:
                name = "Ban Thường vụ" if organ.group("organ") == "Thường vụ" else organ.group("organ")
                organs[len(out) - 1] = (organ.start("organ"), organ.end("organ"), name)
            elif org is None and ref is None and tm.group("title") in _written_organs():
                # "UVBTV, Trưởng Ban Tuyên giáo Tỉnh ủy": Ủy viên of that Tỉnh ủy's Ban Thường vụ
                organs[len(out) - 1] = (tm.start("title"), tm.end("title"), _written_organs()[tm.group("title")])
        sm = _CHAIN_SEP.match(text, stop, end)
        if sm is None or sm.end() == stop or not text[stop : sm.end()].strip():
            break
        if not (title_pattern.match(text, sm.end(), end) or _PARTY_MEMBER.match(text, sm.end(), end)):
            stop = _body_after_comma(text, stop, sm, starts, out)
            break
        pos = sm.end()
    _share_bodies(out, organs)
    return out, stop


def _body_after_comma(
    text: str, stop: int, sm: re.Match[str], starts: Mapping[int, OrgMention], out: list[PositionMention]
) -> int:
    """Give a body named after the chain to its titles without one.

    "Phó Tổng Thư ký, Trưởng ban Ban Á - Phi, Liên hiệp ...": the union is
    the Phó Tổng Thư ký's.
    """
    org = starts.get(sm.end())
    if org is None or "," not in text[stop : sm.end()]:
        return stop
    bodiless = [i for i, p in enumerate(out) if p.org is None and p.ref is None and not p.unread and not p.station]
    if not bodiless:
        return stop
    for i in bodiless:
        out[i] = attrs.evolve(out[i], org=org)
    return org.end


#: the units whose Party committee is a "Đảng ủy" of the place ("Đảng ủy xã Tân Bình")
_COMMUNE_LEVEL = ("xã", "phường", "thị trấn")
_COMMITTEE = re.compile(r"^Ban .+ (?P<cq>(?:Tỉnh|Thành|Huyện|Quận|Đảng) ủy)$")


def _share_bodies(out: list[PositionMention], organs: dict[int, tuple[int, int, str]]) -> None:
    """Titles chained without a body of their own take the next one's.

    "Phó Chủ tịch - Tổng Thư ký Liên hiệp ..." gives both titles that union;
    "Ủy viên Đảng đoàn, Phó Chủ tịch Liên hiệp ..." makes the first post one
    in the union's Đảng đoàn; "Ủy viên Thường vụ, Trưởng ban Dân vận Tỉnh
    ủy" one in the Ban Thường vụ of that Tỉnh ủy.
    """
    for i in range(len(out) - 2, -1, -1):
        p = out[i]
        nxt = out[i + 1]
        if p.org is not None or p.ref is not None or p.unread or nxt.org is None:
            continue
        nxt_row = title_row(nxt.title)
        if nxt_row is not None and nxt_row.standalone:
            continue
        if i in organs:
            organ_start, organ_end, organ = organs[i]
            head = nxt.org.head
            cm = _COMMITTEE.match(head)
            if cm:
                head = cm.group("cq")  # the organ is the committee's, not its board's
            if organ == "Đảng ủy" and nxt.org.place and nxt.org.place_kind in _COMMUNE_LEVEL:
                # "Phó Bí thư Đảng ủy, Chủ tịch UBND xã Tân Bình": the commune's Party committee, not the committee's
                body = nxt.org.evolve(
                    start=organ_start, end=organ_end, head=organ, kind=OrganisationKind.PARTY, registry_id=None
                )
            else:
                body = nxt.org.evolve(start=organ_start, end=organ_end, head=head, organ=organ, registry_id=None)
            out[i] = attrs.evolve(p, org=body)
        else:
            row = title_row(p.title.removeprefix("Quyền ").removeprefix("quyền "))
            if row is None or not row.standalone:
                out[i] = attrs.evolve(p, org=nxt.org)
    for i, (_s, _e, organ) in organs.items():
        if out[i].org is None:
            # "Phó Bí thư Đảng ủy, Phó Giám đốc Học viện": the organ of a body named elsewhere
            out[i] = attrs.evolve(out[i], ref=organ)


def lower_case_word(text: str, pos: int) -> bool:
    """Whether a lower-case word starts at *pos*."""
    return bool(re.match(f"[{LOWER}]", text[pos : pos + 1]))
