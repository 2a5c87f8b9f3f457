"""Finding organisation names.

Two sources work together:

- the registry: every canonical name, alias and abbreviation of a known body
  (VUFO, Ban Bí thư Trung ương Đảng, ASEAN ...), matched literally;
- the grammar of open classes, a *head* followed by a *locality*:
  "Liên hiệp các tổ chức hữu nghị" + "tỉnh Bắc Giang", "Hội hữu nghị Việt Nam
  - Cuba" + "TP Hà Nội", "Ủy ban MTTQ Việt Nam" + "tỉnh", "Sở Ngoại vụ",
  "Đại sứ quán X tại Y", "Tỉnh ủy Đồng Nai", "UBND tỉnh" ...

A locality is written "tỉnh X", "thành phố X", "TP X", "TP. X" or just "X"
(a province or city name); a bare "tỉnh" / "thành phố" / "TP" leaves the
place to the resolver, which takes it from the surrounding phrase or the
article. Lists spread one head over several places ("Liên hiệp các tổ chức
hữu nghị các tỉnh: Bắc Giang, Bắc Ninh, ...").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from .. import registry
from ..model import OrganisationKind
from ..normalise import name_key
from . import patterns as _lex
from .patterns import CAP, LOWER, UPPER, alternation, canonical_province, countries, province_names, trie_alternation

if TYPE_CHECKING:  # pragma: no cover
    from .context import FindContext

__all__ = ["OrgMention", "find_organisations"]


@attrs.frozen
class OrgMention:
    """An organisation named at ``[start, end)`` of the canonical text.

    ``head`` is the canonical name without locality; ``place`` the province
    or city ("" when the text uses a bare "tỉnh"/"thành phố" and the resolver
    must fix it, ``None`` when the body has no locality). ``place_kind`` is
    "tỉnh" or "thành phố". ``registry_id`` is set for registry matches.
    """

    start: int
    end: int
    head: str
    kind: OrganisationKind
    place: str | None = None
    place_kind: str | None = None
    registry_id: str | None = None
    abbreviation: str | None = None
    place_joiner: str = " "  # "" when the place is glued without a type word
    organ: str | None = None  # "Ban Thường vụ" of the body named after it


# ------------------------------------------------------------------ places

_TYPE = r"(?P<ptype>tỉnh|Tỉnh|thành phố|Thành phố|TP\.?|Tp\.?|T\.P|thủ đô|Thủ đô)"


@functools.cache
def _place_alt() -> str:
    return alternation(province_names())


@functools.cache
def _surname_alt() -> str:
    return alternation(_lex.surnames())


def _place_re() -> str:
    """Build the locality pattern.

    An optional type word and a known province or city name, or a bare
    "tỉnh"/"thành phố"/"TP" before a lower-case word or a person's name.
    """
    return (
        rf"(?:\s*,?\s+(?:{_TYPE}\s*)?(?P<place>{_place_alt()})(?!\w)"
        rf"|\s+(?P<bare>tỉnh|thành phố|TP)(?!\w)(?!\s*[{UPPER}])"
        rf"|\s+(?P<bareN>tỉnh|thành phố|TP)(?=\s+{_surname_alt()}\s))"
    )


# ------------------------------------------------------------------ heads

_VN = r"(?:Việt Nam|VN)"
_MTTQ = rf"(?:MTTQ\s?{_VN}|MTTQVN|Mặt trận Tổ quốc(?:\s+{_VN})?|MTTQ)"
_LH = r"Liên hiệp\s+[Cc]ác\s+[Tt]ổ\s+chức\s+[Hh]ữu\s+nghị"


@functools.cache
def _country_alt() -> str:
    return alternation(countries())




@functools.cache
def _heads() -> list[tuple[re.Pattern[str], str, OrganisationKind, bool]]:
    """(pattern, canonical head, kind, takes a locality)."""
    country = _country_alt()
    rows: list[tuple[str, str, OrganisationKind, bool]] = [
        # friendship unions
        (rf"{_LH}(?=\s+{_VN}\b)\s+{_VN}", "Liên hiệp các tổ chức hữu nghị Việt Nam", OrganisationKind.FRIENDSHIP_UNION, False),
        (rf"(?:{_LH}|Liên hiệp hữu nghị|LHHN|LHCTCHN|Liên hiệp CTCHN|Liên hiệp(?=\s+các tỉnh\s*:))(?!\s+{_VN}\b)", "Liên hiệp các tổ chức hữu nghị", OrganisationKind.FRIENDSHIP_UNION, True),
        # friendship associations: Hội hữu nghị Việt Nam - Cuba [TP Hà Nội]
        (
            rf"(?:Trung ương\s+)?Hội\s+[Hh]ữu\s+nghị\s+(?P<a>Việt Nam|Việt)\s?-\s?(?P<c>{country})"
            rf"|Hội\s+(?:[Hh]ữu\s+nghị\s+)?(?P<c2>{country})\s?-\s?(?P<a2>Việt Nam|{CAP}(?:\s{CAP})?)",
            "",
            OrganisationKind.FRIENDSHIP_ASSOCIATION,
            True,
        ),
        # the Front
        (rf"(?:Ủy ban|UB)\s+(?:Trung ương|TW|T\.Ư|TƯ)\s+{_MTTQ}|UBTƯ\s+{_MTTQ}|UBTW\s+{_MTTQ}", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", OrganisationKind.FRONT, False),
        (rf"(?:Ủy ban|UB)\s+{_MTTQ}", "Ủy ban Mặt trận Tổ quốc Việt Nam", OrganisationKind.FRONT, True),
        (r"(?:MTTQ|Mặt trận Tổ quốc)(?=\s+(?:tỉnh|thành phố|TP)\b)", "Ủy ban Mặt trận Tổ quốc Việt Nam", OrganisationKind.FRONT, True),
        (rf"(?:Mặt trận Tổ quốc|MTTQ)\s+{_VN}\b", "Mặt trận Tổ quốc Việt Nam", OrganisationKind.FRONT, False),
        # State, local
        (r"(?:Ủy ban nhân dân|UBND)", "Ủy ban nhân dân", OrganisationKind.STATE, True),
        (r"(?:Hội đồng nhân dân|HĐND)", "Hội đồng nhân dân", OrganisationKind.STATE, True),
        (r"(?:Đoàn đại biểu Quốc hội|Đoàn ĐBQH)", "Đoàn đại biểu Quốc hội", OrganisationKind.STATE, True),
        (rf"Sở\s+(?P<dept>{alternation(_lex.departments())})", "Sở", OrganisationKind.STATE, True),
        (rf"Bộ\s+(?P<min>{alternation(_lex.ministries())})", "Bộ", OrganisationKind.STATE, False),
        # Party, local
        (r"(?:(?P<organ>Ban Thường vụ|Thường vụ|(?:Ban|(?<=Trưởng )ban) (?:Tuyên giáo và Dân vận|Tuyên giáo|Dân vận|Tổ chức|Nội chính)|Ủy [Bb]an Kiểm tra|Văn phòng)\s+)?(?P<cq>Tỉnh ủy|Thành ủy)", "", OrganisationKind.PARTY, True),
        (r"Ban Chấp hành Đảng bộ\s+(?=tỉnh|thành phố|TP)", "Ban Chấp hành Đảng bộ", OrganisationKind.PARTY, True),
        # Party, central boards: Ban Đối ngoại Trung ương [Đảng]
        (rf"(?:Ban|(?<=Trưởng )ban)\s+(?P<board>{alternation(_lex.party_boards())})\s+(?:Trung ương|TW|T\.Ư|TƯ)(?:\s+Đảng\b)?", "", OrganisationKind.PARTY, False),
        # embassies and consulates
        (
            rf"(?P<emb>Đại sứ quán|Tổng Lãnh sự quán|Lãnh sự quán)\s+(?:các nước\s+)?(?P<ec>{country}(?:\s?,\s?{country}){{0,12}}(?:\s+và\s+{country})?)"
            rf"(?:\s+tại\s+(?P<at>(?:TP\.?\s?|Thành phố\s|thành phố\s)?(?:{_place_alt()}|HCM)))?",
            "",
            OrganisationKind.EMBASSY,
            False,
        ),
        # education
        (
            rf"(?:[Tt]rường\s+)?(?:Đại học|Cao đẳng|Học viện|Trường (?:THPT|THCS|Tiểu học|Mầm non|Phổ thông|Trung học cơ sở|Trung học phổ thông))"
            rf"(?:\s(?:[A-Z]{{1,2}}\s?-\s?{CAP}|{CAP})(?:\s(?!và\s|của\s|với\s|tại\s|cho\s)[{LOWER}]+(?=\s[{UPPER}]))?){{1,7}}",
            "",
            OrganisationKind.EDUCATION,
            False,
        ),
        # mass organisations with a locality: Hội Cựu chiến binh TP Cần Thơ
        (rf"(?=[HĐL])(?P<mass>(?i:{alternation([*_lex.mass_organisation_heads(), *_lex.mass_abbreviations()])}))", "Hội", OrganisationKind.MASS, True),
        # a Party organisation of a place: Đảng bộ thành phố Hà Nội
        (r"Đảng bộ(?=\s+(?:tỉnh|thành phố|TP))", "Đảng bộ", OrganisationKind.PARTY, True),
        # a name introduced with its acronym: "Hội Cứu trợ trẻ em tàn tật Việt Nam (VINARAHC)"
        (
            rf"(?P<acrname>(?:Hội|Hiệp hội|Tổ chức|Quỹ|Trung tâm|Viện|Câu lạc bộ|Liên đoàn|Mạng lưới|Diễn đàn)"
            rf"\s[{UPPER}][\w-]*(?:\s[\w-]+){{0,9}})\s\((?P<acr>[A-Z][A-Z0-9]{{1,9}})\)",
            "",
            OrganisationKind.OTHER,
            False,
        ),
        # named competition clusters
        (rf"Cụm thi đua số\s+\d+(?:\s+của\s+{_LH}\s+{_VN})?|Cụm(?: thi đua)?(?: số)?\s+\d+\b", "", OrganisationKind.OTHER, False),
    ]
    compiled = []
    for pattern, head, kind, local in rows:
        compiled.append((re.compile(pattern), head, kind, local))
    return compiled


@functools.cache
def _registry_index() -> tuple[re.Pattern[str], dict[str, registry.RegistryOrganisation]]:
    """One pattern for every registry name, alias and abbreviation.

    Names match without regard to case ("Diễn đàn Nhân dân ASEAN");
    abbreviations match exactly, except those that double as common nouns
    ("MTTQ các cấp"), which count only inside a longer name.
    """
    generic = set(_lex.generic_names())
    short_names: dict[str, registry.RegistryOrganisation] = {}
    abbreviations: dict[str, registry.RegistryOrganisation] = {}
    for org in registry.organisations():
        for name in (org.name, *org.aliases):
            if name in generic:
                continue
            short_names.setdefault(name.lower(), org)
        if org.abbreviation and org.abbreviation not in generic:
            abbreviations.setdefault(org.abbreviation, org)
    # long names match in any case ("diễn đàn Nhân dân ASEAN"); short ones
    # must start with a capital ("Chính phủ", not "phi chính phủ")
    # names must start with a capital ("Chính phủ", not "phi chính phủ"), the
    # rest matches in any case ("Diễn đàn Nhân dân ASEAN") and with any
    # spacing around dashes ("Á - Âu")
    flexible = alternation(short_names).replace(r"\ \-\ ", r"\s?-\s?").replace(r"\-", r"\s?-\s?")
    pattern = re.compile(
        rf"(?<![\w-])(?:(?P<abbr>{trie_alternation(abbreviations)})|(?P<short>(?=[{UPPER}])(?i:{flexible})))(?!\w)"
    )
    index = {**short_names, **abbreviations}
    index.update({name_key(k): v for k, v in short_names.items()})
    return pattern, index


def find_organisations(ctx: FindContext) -> list[OrgMention]:
    """The step: organisation mentions in the window (longest wins on overlap)."""
    return _organisations_in(ctx.text, ctx.start, ctx.end)


def _organisations_in(text: str, start: int = 0, end: int | None = None) -> list[OrgMention]:
    """Organisation mentions in ``text[start:end]`` (longest wins on overlap)."""
    end = len(text) if end is None else end
    found: list[OrgMention] = []
    for pattern, head, kind, local in _heads():
        for m in pattern.finditer(text, start, end):
            found.extend(_from_head(text, m, head, kind, local, end))
    reg_pattern, names = _registry_index()
    for m in reg_pattern.finditer(text, start, end):
        org = names[m.group("abbr")] if m.group("abbr") else names.get(m.group().lower()) or names[name_key(m.group())]
        found.append(
            OrgMention(m.start(), m.end(), org.name, OrganisationKind(org.kind), registry_id=org.id, abbreviation=org.abbreviation)
        )
    kept = [
        o for o in _longest(found) if o.registry_id or not _PLURAL.search(text, max(start, o.start - 12), o.start)
    ]
    return _with_organs(text, kept, start)


_PLURAL = re.compile(r"(?:\b(?:các|những|mọi)\s+)$")


@functools.cache
def _organ_re() -> re.Pattern[str]:
    return re.compile(rf"(?P<organ>{alternation(_lex.organs())})\s+$")


def _with_organs(text: str, found: list[OrgMention], start: int) -> list[OrgMention]:
    """Make a body's organ named before it an organisation of its own.

    "Ban Thường vụ Ủy ban TW MTTQ Việt Nam" names the standing board.
    """
    out = []
    for o in found:
        m = _organ_re().search(text, max(start, o.start - 25), o.start)
        if m and not o.head.startswith(m.group("organ")) and o.kind is not OrganisationKind.FRIENDSHIP_ASSOCIATION:
            out.append(attrs.evolve(o, start=m.start(), organ=m.group("organ"), registry_id=None))
        else:
            out.append(o)
    return out


def _longest(found: list[OrgMention]) -> list[OrgMention]:
    found.sort(key=lambda o: (o.start, -(o.end - o.start)))
    out: list[OrgMention] = []
    last_end = -1
    for o in found:
        if o.start >= last_end:
            out.append(o)
            last_end = o.end
        elif o.end > last_end and out and out[-1].place is None and o.start == out[-1].start:
            out[-1] = o
            last_end = o.end
    return out


@functools.cache
def _country_item_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){_country_alt()}(?!\w)")


@functools.cache
def _list_item_re() -> re.Pattern[str]:
    return re.compile(rf"(?:(?:tỉnh|thành phố|TP\.?)\s*)?(?P<place>{_place_alt()})(?!\w)")


_LIST_HEAD = re.compile(r"\s+các\s+(?:tỉnh|tỉnh,\s*thành phố|tỉnh,\s*thành|địa phương)\s*:?\s*")
_LIST_ITEM_SEP = re.compile(r"\s*(?:,|và)\s*")


def _from_head(text: str, m: re.Match[str], head: str, kind: OrganisationKind, local: bool, end: int) -> Iterator[OrgMention]:
    groups = m.groupdict()
    name = head
    if kind is OrganisationKind.FRIENDSHIP_ASSOCIATION:
        if groups.get("c"):
            name = f"Hội hữu nghị Việt Nam - {groups['c']}"
        else:
            name = f"Hội hữu nghị {groups['c2']} - {groups['a2']}"
    elif groups.get("dept"):
        name = f"Sở {groups['dept']}"
    elif groups.get("min"):
        name = f"Bộ {groups['min']}"
    elif groups.get("cq"):
        organ = groups.get("organ")
        if organ == "Thường vụ":
            organ = "Ban Thường vụ"
        elif organ and organ.lower() == "ủy ban kiểm tra":
            organ = "Ủy ban Kiểm tra"
        elif organ and organ.startswith("ban "):
            organ = "B" + organ[1:]
        name = f"{organ} {groups['cq']}" if organ else groups["cq"]
    elif groups.get("board"):
        name = f"Ban {groups['board']} Trung ương"
    elif groups.get("emb"):
        at = groups.get("at")
        where = f" tại {_city(at)}" if at else ""
        first = True
        for item in _country_item_re().finditer(text, m.start("ec"), m.end("ec")):
            s_ = m.start() if first else item.start()
            e_ = item.end() if m.group("ec") != item.group() else m.end()
            yield OrgMention(s_, e_, f"{groups['emb']} {item.group()}{where}", kind)
            first = False
        return
    elif groups.get("acr"):
        head_word = groups["acrname"].split()[0]
        kind = OrganisationKind.MASS if head_word == "Hội" else OrganisationKind.OTHER
        yield OrgMention(m.start(), m.end("acrname"), groups["acrname"], kind, abbreviation=groups["acr"])
        return
    elif groups.get("mass"):
        name = _canonical_mass(groups["mass"])
    elif not head:
        name = re.sub(r"\s+", " ", m.group())
        if kind is OrganisationKind.EDUCATION and not name.startswith(("Trường", "Học viện", "trường")):
            name = "Trường " + name
        name = name[:1].upper() + name[1:]
    if kind is OrganisationKind.FRONT and head == "Ủy ban Mặt trận Tổ quốc Việt Nam":
        name = head
    if not local:
        yield OrgMention(m.start(), m.end(), name, kind)
        return
    # a list of places: "Liên hiệp các tổ chức hữu nghị các tỉnh: Bắc Giang, ..."
    lm = _LIST_HEAD.match(text, m.end(), end)
    if lm and kind is OrganisationKind.FRIENDSHIP_UNION:
        pos = lm.end()
        place_re = _list_item_re()
        any_item = False
        while pos < end:
            pm = place_re.match(text, pos, end)
            if not pm:
                break
            place = canonical_province(pm.group("place")) or pm.group("place")
            yield OrgMention(pm.start(), pm.end(), name, kind, place=place, place_kind=_kind_of(place, None))
            any_item = True
            sm = _LIST_ITEM_SEP.match(text, pm.end(), end)
            if not sm:
                break
            pos = sm.end()
        if any_item:
            return
    found_place = _place_match(text, m.end(), end)
    if found_place is None:
        if kind is OrganisationKind.FRIENDSHIP_UNION and head == "Liên hiệp các tổ chức hữu nghị":
            return  # "Liên hiệp các tổ chức hữu nghị" alone is generic
        if name in ("Ủy ban nhân dân", "Hội đồng nhân dân", "Đoàn đại biểu Quốc hội", "Hội", "Đảng bộ") or kind is OrganisationKind.MASS or (
            kind is OrganisationKind.FRONT and head == "Ủy ban Mặt trận Tổ quốc Việt Nam" and "Việt Nam" not in m.group() and "VN" not in m.group()
        ):
            return  # a head without any place is a common noun
        if kind in (OrganisationKind.PARTY,) or name.startswith(("Sở ", "Ủy ban Mặt trận", "Hội ")) or kind is OrganisationKind.FRIENDSHIP_ASSOCIATION:
            place = "" if kind is not OrganisationKind.FRIENDSHIP_ASSOCIATION and not name.startswith("Hội ") else None
            yield OrgMention(m.start(), m.end(), name, kind, place=place)
        return
    place_text, ptype, bare, pend = found_place
    if bare or not place_text:
        yield OrgMention(m.start(), pend, name, kind, place="", place_kind="tỉnh" if bare == "tỉnh" else "thành phố")
        return
    place = canonical_province(place_text) or place_text
    yield OrgMention(m.start(), pend, name, kind, place=place, place_kind=_kind_of(place, ptype), place_joiner=" " if ptype else "")


@functools.cache
def _place_pattern() -> re.Pattern[str]:
    return re.compile(_place_re())


def _canonical_mass(text: str) -> str:
    key = text.lower()
    for short, full in _lex.mass_abbreviations().items():
        if short.lower() == key:
            return full
    for head in _lex.mass_organisation_heads():
        if head.lower() == key:
            return head
    return text


def _place_match(text: str, pos: int, end: int) -> tuple[str | None, str | None, str | None, int] | None:
    pm = _place_pattern().match(text, pos, end)
    if pm is None:
        return None
    return pm.group("place"), pm.group("ptype"), pm.group("bare") or pm.group("bareN"), pm.end()


def _kind_of(place: str, ptype: str | None) -> str:
    if ptype and ptype.lower().startswith(("tp", "t.p", "thành phố", "thủ đô")):
        return "thành phố"
    if ptype and ptype.lower() == "tỉnh":
        return "tỉnh"
    unit = registry.province(place)
    if unit is not None and unit.type == "thành phố":
        return "thành phố"
    return "tỉnh"


def _city(text: str) -> str:
    t = re.sub(r"^(?:TP\.?\s?|Thành phố\s|thành phố\s)", "", text.strip())
    if t in ("HCM", "Hồ Chí Minh"):
        return "Thành phố Hồ Chí Minh"
    return canonical_province(t) or t
