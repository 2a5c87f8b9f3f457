"""From mentions to records, within one article.

The resolver fixes what a single mention cannot: the place of a bare unit
("Ủy ban MTTQ tỉnh"), the full citation behind a short form ("Chỉ thị 04"),
one person behind a misspelt repeat ("Nguyên Văn Doanh"), the year of
"Sáng 14/7", and the canonical name and aliases of every organisation. It
returns the typed records of :mod:`dnnd.model`.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import heapq
import itertools
import operator
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

import attrs

from . import registry
from ._find import _bounds, _sorted_disjoint, hits
from ._find.congresses import CongressMention
from ._find.context import FindContext
from ._find.dates import DateMention, in_story, near_anchor, resolve_year, year_after_period
from ._find.documents import DocumentMention
from ._find.events import EventMention
from ._find.org_grammar import CAPRUN, grammar, place_type_of
from ._find.organisations import OrgMention
from ._find.patterns import (
    alternation,
    canonical_province,
    place_lookalikes,
    province_names,
    surnames,
    trie_alternation,
)
from ._find.people import PersonMention
from ._layout import Ranges
from ._reported import EventFacts
from ._reported import classify as classify_reported
from .model import (
    CongressResolution,
    Document,
    DocumentKind,
    Event,
    Organisation,
    OrganisationKind,
    PartialDate,
    Person,
    Position,
    Span,
    _spans_of,
)
from .normalise import document_key, name_key, slug

SpanOf = Callable[[int, int], Span]
BoundsOf = Callable[[int, int], tuple[int, int]]
NATIONAL_PARTY = "Đảng Cộng sản Việt Nam"


# ----------------------------------------------------------- organisations


class ResolvedOrg(NamedTuple):
    """What an organisation mention resolves to: its place fixed and its names built.

    One is shared by every mention of the same form written the same way (a
    long list naming one body holds one), so the mention itself is kept
    beside it, not in it.
    """

    name: str
    aliases: tuple[str, ...]
    locality: str | None
    identity: str = ""


@functools.cache
def _organisations_by_id() -> dict[str, registry.RegistryOrganisation]:
    by_id: dict[str, registry.RegistryOrganisation] = {}
    for o in registry.organisations():
        by_id.setdefault(o.id, o)
    return by_id


def organisation_by_id(org_id: str) -> registry.RegistryOrganisation | None:
    """The registry organisation with this id (the first, should two share it)."""
    return _organisations_by_id().get(org_id)


def _hit_ranges(hint: re.Pattern[str], text: str, ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The *ranges* that hold a match of *hint* (literal words: every match of a pattern that starts with them).

    One scan of the text for sorted disjoint ranges, else every range.
    """
    if isinstance(ranges, Ranges):
        spans = ranges  # the layout's arrays: no pair is built for a range without a hit
    else:
        pairs = list(ranges)
        spans = Ranges(array("q", [s for s, _ in pairs]), array("q", [e for _, e in pairs]))
    if not _sorted_disjoint(spans.starts, spans.ends):
        return list(spans)
    return [spans[k] for k in hits(hint, text, spans)]


def place_mentions(text: str, ranges: Iterable[tuple[int, int]]) -> list[tuple[int, str]]:
    """Every province or city named in the given ranges: (offset, name).

    A city named after a person counts only when written with its type
    ("TP Hồ Chí Minh"; "tư tưởng Hồ Chí Minh" names no place), and a longer
    name starting with a province's name is not that province ("Thái Bình
    Dương", the Pacific).
    """
    pattern = _place_names_re()
    typed_only, longer = place_lookalikes()
    out = []
    for s, e in _hit_ranges(_place_names_hint(), text, ranges):
        for m in pattern.finditer(text, s, e):
            name = canonical_province(m.group())
            if not name:
                continue
            if m.group() in typed_only and _CITY_TYPE_BEFORE.search(text, max(0, m.start() - 12), m.start()) is None:
                continue
            if any(text.startswith(n, m.start()) for n in longer):
                continue
            out.append((m.start(), name))
    return out


#: a city's type written just before its name ("thành phố", "TP", "TP.", "Tp.")
_CITY_TYPE_BEFORE = re.compile(r"(?<!\w)(?:[Tt]hành phố|T[Pp]\.?)\s?\Z")


@functools.cache
def _place_names_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){_place_names_hint().pattern}(?!\w)")


@functools.cache
def _place_names_hint() -> re.Pattern[str]:
    """The names alone (every match of :func:`_place_names_re` starts with one)."""
    return re.compile(trie_alternation(province_names()))


def article_localities(orgs: Sequence[OrgMention], places: Sequence[tuple[int, str]]) -> list[str]:
    """The provinces and cities the article is about, most named first.

    Organisations placed there count double; the first named wins a tie.
    """
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for o in orgs:
        if o.place and o.place_kind in (None, "tỉnh", "thành phố") and canonical_province(o.place):
            counts[o.place] += 2  # a Vietnamese province or city, not a district or a foreign province
            first.setdefault(o.place, o.start)
    for pos, name in places:
        counts[name] += 1
        first.setdefault(name, pos)
    return sorted(counts, key=lambda n: (-counts[n], first[n]))


def unit_mentions(text: str, ranges: Iterable[tuple[int, int]]) -> list[tuple[int, str, str]]:
    """Every district or commune named with its type in the given ranges: (offset, type word, name)."""
    pattern = _unit_re()
    out = []
    for s, e in _hit_ranges(_unit_hint(), text, ranges):
        for m in pattern.finditer(text, s, e):
            words = m.group("name").split()
            kind = place_type_of()[m.group("type")].word
            if kind and words and words[0] not in surnames():
                out.append((m.start(), kind, words[0] if len(words) == 1 else " ".join(words[:2])))
    return out


@functools.cache
def _unit_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?P<type>{_unit_hint().pattern})\s+(?P<name>{CAPRUN})(?!\w)")


@functools.cache
def _unit_hint() -> re.Pattern[str]:
    """The type words alone (every match of :func:`_unit_re` starts with one)."""
    return re.compile(alternation(f for f, t in place_type_of().items() if t.bare and "province" not in t.levels))


#: a full stop or a line break (where a place named before or after a body stops counting for it)
_STOP_OR_BREAK = re.compile(r"[.\n]")
_STOP_SEMI_OR_BREAK = re.compile(r"[.;\n]")


def _fix_place(
    o: OrgMention,
    orgs: Sequence[OrgMention],
    text: str,
    defaults: Sequence[str],
    i: int,
    places: Sequence[tuple[int, str, str]],
    units: Sequence[tuple[int, str, str]] = (),
    named_places: Mapping[str, set[tuple[str, str | None]]] | None = None,
) -> tuple[str | None, str | None]:
    """Place of a bare unit ("Ủy ban MTTQ tỉnh", "UBND huyện").

    The nearest place of its level named before it in the sentence, else the
    next explicit place in the phrase, else the one named in the phrase
    before, else the article's.
    """
    if o.place != "":
        return o.place, o.place_kind
    wanted = o.place_kind if o.place_kind is not None else ("tỉnh" if "Tỉnh" in o.head else "thành phố" if "Thành ủy" in o.head else None)
    province_level = wanted in ("tỉnh", "thành phố", None)
    candidates = places if province_level else units

    def fits(kind: str | None) -> bool:
        if kind is None:
            return False
        return kind == wanted or (province_level and wanted is None and kind in ("tỉnh", "thành phố"))

    k = bisect.bisect_left(candidates, (o.start, "", ""))
    for pos, name, kind in reversed(candidates[max(0, k - 6) : k]):
        if o.start - pos > 200 or _STOP_OR_BREAK.search(text, pos, o.start):
            break
        if fits(kind):
            return name, wanted or kind
    def level(m: OrgMention) -> str | None:
        if not province_level:
            return m.place_kind
        if m.place_kind in (None, "tỉnh", "thành phố") and m.place and canonical_province(m.place):
            return m.place_kind or _kind_of_place(m.place)
        return None

    for nxt in orgs[i + 1 : i + 4]:
        between = text[o.end : nxt.start]
        if nxt.place and len(between) < 120 and not _STOP_SEMI_OR_BREAK.search(between) and fits(level(nxt)):
            return nxt.place, level(nxt)
    for prev in reversed(orgs[max(0, i - 3) : i]):
        between = text[prev.end : o.start]
        if prev.place and len(between) < 160 and not _STOP_OR_BREAK.search(between) and fits(level(prev)):
            return prev.place, level(prev)
    named = named_places.get(o.head, set()) if named_places is not None else set()
    if len(named) == 1:  # the article names this head with its place once: a bare repeat is that body
        named_place, named_kind = next(iter(named))
        if named_kind == wanted or (province_level and fits(level(o.evolve(place=named_place, place_kind=named_kind)))):
            return named_place, named_kind if named_kind is not None else wanted
    if wanted in ("tỉnh", "thành phố", None):
        for default in defaults:
            if fits(_kind_of_place(default)):
                return default, wanted or _kind_of_place(default)
        return None, None
    counts = Counter(name for _, name, kind in units if kind == wanted)
    if counts:
        return counts.most_common(1)[0][0], wanted
    return None, None


def _kind_of_place(name: str) -> str:
    unit = registry.province(name)
    return "thành phố" if unit is not None and unit.type == "thành phố" else "tỉnh"


def _with_place(o: OrgMention, place: str | None, place_kind: str | None) -> str:
    """Canonical name of a mention placed in *place*: the type word written out, unless the row glues it."""
    if not place:
        return o.head
    if place.lower().startswith(("thành phố ", "tỉnh ")) or o.glued or place_kind == "":
        return f"{o.head} {place}"
    return f"{o.head} {place_kind or 'tỉnh'} {place}"


def _identity(o: OrgMention, name: str, place: str | None, place_kind: str | None, family: str | None = None) -> str:
    """What makes two mentions one body: the registry entry, else head (or family), organ and place.

    Rows of one family name one body in one place ("Tỉnh đoàn Khăm Muồn" and
    "Đoàn Thanh niên Nhân dân Cách mạng Lào tỉnh Khăm Muồn").
    """
    if o.registry_id and not o.organ:
        return f"reg:{o.registry_id}"
    if place:
        head = family or name_key(o.head)
        return "|".join((name_key(o.organ or ""), head, name_key(place), place_kind or _kind_of_place(place)))
    return name_key(name)


_SPACES = re.compile(r"\s+")


def _article_association(orgs: Sequence[OrgMention]) -> OrgMention | None:
    """The friendship association the article is about: the one it names most, placed ones first."""
    counts: Counter[tuple[str, str | None]] = Counter()
    first: dict[tuple[str, str | None], OrgMention] = {}
    for o in orgs:
        if o.kind is OrganisationKind.FRIENDSHIP_ASSOCIATION and not o.of_article and not o.organ and o.head.startswith("Hội"):
            key = (_pair_key(o.head), o.place or None)
            counts[key] += 2 if o.place else 1
            first.setdefault(key, o)
    if not counts:
        return None
    return first[max(counts, key=lambda k: (counts[k], -first[k].start))]


def resolve_organisations(
    orgs: Sequence[OrgMention],
    text: str,
    localities: Sequence[str],
    places: Sequence[tuple[int, str]] = (),
    units: Sequence[tuple[int, str, str]] = (),
) -> tuple[list[OrgMention], list[ResolvedOrg]]:
    """Fix places and build names for every organisation mention.

    Returns the mentions that name a body (those that do not are left out;
    "Hội" alone stands for the article's association) and, beside each, what
    it resolves to. The aliases of a mention are only the form the text
    writes. A mention that is no bare unit resolves by its form and its
    words alone, so each such pair is worked out once.
    """
    kept: list[OrgMention] = []
    out: list[ResolvedOrg] = []
    position: dict[int, int] | None = None  # each mention's index, when a bare unit's place is to be fixed
    typed_places = [(pos, name, _kind_of_place(name)) for pos, name in places]
    typed_units = sorted((pos, name, kind) for pos, kind, name in units)
    association = _article_association(orgs)
    shared: dict[str, str] = {}
    shared_aliases: dict[str, tuple[str, ...]] = {}
    seen: dict[tuple[object, str], ResolvedOrg] = {}  # (form, words) -> what a mention that is no bare unit resolves to
    named_places: dict[str, set[tuple[str, str | None]]] = defaultdict(set)  # head -> the places it is named with
    for m in orgs:
        if m.place and m.organ is None:
            named_places[m.head].add((m.place, m.place_kind))
    for o in orgs:
        if o.of_article:
            if association is None:
                continue  # "Hội" alone, and the article names no association
            o = o.evolve(head=association.head, place=association.place if o.of_article == "local" else None,
                         place_kind=association.place_kind, glued=association.glued, of_article=None)
        written = text[o.start : o.end]
        if o.place != "":
            done = seen.get((o.form, written))
            if done is not None:
                kept.append(o)
                out.append(done)
                continue
            place, kind = o.place, o.place_kind  # (what _fix_place returns for a mention that is no bare unit)
        else:
            if position is None:
                position = {id(o): i for i, o in enumerate(orgs) if o.place == ""}  # (only bare units are looked up)
            place, kind = _fix_place(o, orgs, text, localities, position.get(id(o), 0), typed_places, typed_units, named_places)
        if o.place == "" and place is None and o.place_kind not in (None, "tỉnh", "thành phố"):
            continue  # "UBND huyện" of a district the article never names is no body we can name
        name = _with_place(o, place, kind)
        reg = organisation_by_id(o.registry_id) if o.registry_id else registry.organisation_by_name(name)
        if reg is not None:
            name = reg.name
        if o.organ:
            name = f"{o.organ} {name}"
            reg = registry.organisation_by_name(name)  # "Trung ương Đảng Cộng sản Việt Nam"
            if reg is not None:
                name = reg.name
        surface = written if written.isalnum() else _SPACES.sub(" ", written)  # (a word alone has no white space to squash)
        identity = f"reg:{reg.id}" if reg is not None else _identity(o, name, place, kind, family=o.family)
        # a bare unit's words ("UBND tỉnh") name any province's: not an alias of this one
        written_head = _first_key(surface) == _first_key(o.organ or o.head)
        aliases: tuple[str, ...] = (surface,) if o.place != "" and written_head else ()  # a list item's words are a country
        # one copy of each string and alias tuple however many mentions share it (a long list names one body often)
        name, identity = shared.setdefault(name, name), shared.setdefault(identity, identity)
        if aliases:
            aliases = shared_aliases.setdefault(surface, aliases)
        resolved = ResolvedOrg(name, aliases, place, identity)
        if o.place != "":
            seen[o.form, written] = resolved
        kept.append(o)
        out.append(resolved)
    return kept, out


@functools.lru_cache(maxsize=4096)
def _first_key(name: str) -> tuple[str, ...]:
    """The first word of *name*'s key (none for a name without words)."""
    return tuple(name_key(name).split()[:1])


_ACRONYM_AFTER = re.compile(r"\s*\((?P<abbr>[A-Z][A-Za-z]{1,9})(?:\)|\s*[,/;])")


def _merge_short_forms(groups: dict[str, array[int]], order: list[str], kept: Sequence[OrgMention], resolved: Sequence[ResolvedOrg]) -> None:
    """A name the grammar read only up to its first words is a short repeat of the one longer name it starts.

    "Hội Liên lạc" after "Hội Liên lạc với người Việt Nam ở nước ngoài",
    "Ban Liên lạc" after "Ban Liên lạc Kiều bào quận ...": the text writes the
    short form, so it is an alias, and the body is one. *groups* hold the
    indices of their mentions in *kept* (and of what they resolve to in
    *resolved*).
    """
    open_rows = {r.id for r in grammar().rows if r.continuation}
    names = {k: tuple(name_key(resolved[g[0]].name).split()) for k, g in groups.items()}
    starting: dict[tuple[str, ...], list[str]] = defaultdict(list)  # a name's first words -> the longer names
    for k in order:
        for n in range(1, len(names[k])):
            starting[names[k][:n]].append(k)
    for key in list(order):
        members = groups[key]
        if not all(kept[i].row in open_rows and not resolved[i].locality for i in members):
            continue
        longer = [k for k in starting.get(names[key], ()) if k != key and k in groups]
        if len(longer) == 1:
            groups[longer[0]].extend(members)
            del groups[key]
            order.remove(key)


_CENTRAL_ROWS = frozenset({"friendship-association-central", "friendship-association-foreign", "association-central-of-article"})


def _pair_key(head: str) -> str:
    """The other country of a friendship association's name ("Hội hữu nghị Việt Nam - Cu Ba" -> "cuba")."""
    other = head.rsplit(" - ", 1)[-1]
    country = registry.country(other)
    return name_key(country.name if country else other)


@functools.lru_cache(maxsize=4096)
def _registry_keys(registry_id: str) -> tuple[str, ...]:
    """The name keys of a registry body's abbreviation and aliases (none for an unknown id)."""
    reg = organisation_by_id(registry_id)
    return tuple(name_key(n) for n in (reg.abbreviation, *reg.aliases) if n) if reg else ()


def build_organisations(mentions: Sequence[OrgMention], scope: Scope) -> tuple[list[Organisation], Mapping[int, Organisation]]:
    """Fix the places of the mentions and group them into :class:`Organisation` records.

    Returns the records and a map from mention start to record.
    """
    text, span_of = scope.text, scope.span_of
    kept, resolved = resolve_organisations(mentions, text, scope.localities, scope.places, scope.units)
    groups: dict[str, array[int]] = defaultdict(lambda: array("q"))  # the indices of each body's mentions
    order: list[str] = []
    by_name: dict[str, str] = {}  # one canonical name is one body, whichever source found it
    placed_pairs: dict[str, str] = {}
    for m, r in zip(kept, resolved, strict=True):
        if r.locality and m.kind is OrganisationKind.FRIENDSHIP_ASSOCIATION:
            placed_pairs.setdefault(_pair_key(m.head), r.identity)
    acronym_after: dict[int, str] = {}  # mention end -> the acronym in brackets after it ("... Na Uy (NPA)")
    for i, (m, r) in enumerate(zip(kept, resolved, strict=True)):
        reg_keys: tuple[str, ...] = _registry_keys(r.identity[4:]) if r.identity.startswith("reg:") else ()
        own_key = name_key(r.name)
        am = _ACRONYM_AFTER.match(text, m.end)
        if am:
            acronym_after[m.end] = am.group("abbr")
        key = (
            by_name.get(own_key)
            or (by_name.get(name_key(r.name.split(" của ", 1)[0])) if " của " in r.name else None)
            or next((by_name[k] for k in reg_keys if k in by_name), None)
            or r.identity
        )
        if (
            m.kind is OrganisationKind.FRIENDSHIP_ASSOCIATION
            and not r.locality
            and m.row not in _CENTRAL_ROWS
            and not text.startswith("Trung ương", m.start, m.end)
        ):
            # "Hội hữu nghị Việt Nam - Lào" after "... - Lào tỉnh Thái Bình" is the same body
            placed = placed_pairs.get(_pair_key(m.head))
            if placed is not None and placed != key:
                groups[placed].append(i)  # its name stays free for the central body named as such
                if placed not in order:
                    order.append(placed)
                continue
        if key not in groups:
            order.append(key)
        groups[key].append(i)
        by_name.setdefault(own_key, key)
        if " của " in r.name:
            by_name.setdefault(name_key(r.name.split(" của ", 1)[0]), key)  # "Cụm thi đua số 1" is "... số 1 của ..."
        if am:
            by_name.setdefault(name_key(am.group("abbr")), key)  # "... Na Uy (NPA)", later "NPA"
    _merge_short_forms(groups, order, kept, resolved)
    records: list[Organisation] = []
    record_of = array("q", bytes(8 * len(kept)))  # each mention's record
    for key in order:
        members = groups[key]
        # the name: the registry's, else the first member's that is placed (a bare repeat names the same body)
        first = next((i for i in members if resolved[i].locality), members[0])
        placed_first = resolved[first]
        reg = next((organisation_by_id(r.identity[4:]) for r in map(resolved.__getitem__, members) if r.identity.startswith("reg:")), None)
        if reg is not None and placed_first.locality and reg.locality != placed_first.locality:
            reg = None  # a central body's name repeated for the local one
        name = reg.name if reg else placed_first.name
        abbreviation = reg.abbreviation if reg else None
        if abbreviation is None:
            abbreviation = next((acronym_after[kept[i].end] for i in members if kept[i].end in acronym_after), None)
        aliases = {a for i in members for a in resolved[i].aliases} - {name}  # the forms the text writes
        if reg:
            aliases |= set(reg.aliases)
        if abbreviation:
            aliases.discard(abbreviation)
        kind = OrganisationKind(reg.kind) if reg else kept[first].kind
        record = Organisation(
            id=f"org:{slug(name)}",
            name=name,
            kind=kind,
            abbreviation=abbreviation,
            aliases=frozenset(a for a in aliases if a),
            locality=placed_first.locality if not reg else (reg.locality or placed_first.locality),
            registry_id=reg.id if reg else None,
            mentions=_spans_of(span_of, ((kept[i].start, kept[i].end) for i in members), len(members), scope.bounds_of),
        )
        for i in members:
            record_of[i] = len(records)
        records.append(record)
    return records, _OrgsAt.of_columns(array("q", (m.start for m in kept)), record_of, records)


def _orgs_at(mapping: Mapping[int, Organisation]) -> _OrgsAt:
    """*mapping* (from mention start to record) as an :class:`_OrgsAt` (the converter of :attr:`Scope.organisation_at`)."""
    return _OrgsAt.of_any(mapping)


#: an article of fewer organisation mentions also keeps a dictionary of its records by start (faster to read than
#: a bisection, and small); from this many on, only the arrays
_COMPACT_FROM = 2048


class _OrgsAt(Mapping[int, Organisation]):
    """The organisation record of each mention, by the mention's start: a read-only mapping in the order of starts.

    Kept as two arrays (the starts, sorted, and each one's record index) and
    the records, not as a dictionary, so an article naming one body on every
    line pays 16 bytes a mention; a look-up is a bisection. An article of
    fewer than :data:`_COMPACT_FROM` mentions also keeps a dictionary, which
    is faster to read.
    """

    __slots__ = ("_lookup", "_records", "_starts", "_which")

    def __init__(self, starts: array[int], which: array[int], records: Sequence[Organisation]) -> None:
        self._starts, self._which, self._records = starts, which, records
        self._lookup = dict(zip(starts, map(records.__getitem__, which), strict=True)) if len(starts) < _COMPACT_FROM else None

    @classmethod
    def of_any(cls, mapping: Mapping[int, Organisation]) -> _OrgsAt:
        """*mapping* (from mention start to record) as an :class:`_OrgsAt` (itself if it is one)."""
        if isinstance(mapping, _OrgsAt):
            return mapping
        items = sorted(mapping.items(), key=operator.itemgetter(0))
        return cls(array("q", [start for start, _ in items]), array("q", range(len(items))), [record for _, record in items])

    @classmethod
    def of_columns(cls, starts: array[int], which: array[int], records: Sequence[Organisation]) -> _OrgsAt:
        """The mapping of ``starts[k]`` to record ``which[k]``: :meth:`of` of their pairs, taken as they are when the starts rise."""
        if all(map(operator.lt, starts, itertools.islice(starts, 1, None))):
            return cls(starts, which, records)  # (checked in C: the common case, every start once and in order)
        return cls.of(zip(starts, which, strict=True), records)

    @classmethod
    def of(cls, pairs: Iterable[tuple[int, int]], records: Sequence[Organisation]) -> _OrgsAt:
        """The mapping of (start, record index) *pairs*; of one start, the record made last wins (as in a dict filled in record order)."""
        starts, which = array("q"), array("q")
        ordered = True
        for start, index in pairs:
            if starts and start <= starts[-1]:
                if start == starts[-1]:
                    which[-1] = max(which[-1], index)
                    continue
                ordered = False
            starts.append(start)
            which.append(index)
        if not ordered:
            best: dict[int, int] = {}
            for start, index in zip(starts, which, strict=True):
                best[start] = max(best.get(start, index), index)
            starts, which = array("q", sorted(best)), array("q", (best[s] for s in sorted(best)))
        return cls(starts, which, records)

    def plus(self, starts: Iterable[int], record: Organisation) -> _OrgsAt:
        """A copy that also maps *starts* (none of them mapped yet) to *record*, one of its records."""
        index = next(i for i, r in enumerate(self._records) if r is record)
        more = sorted((start, index) for start in starts)
        return _OrgsAt.of(heapq.merge(zip(self._starts, self._which, strict=True), more), self._records)

    def before(self, pos: int) -> Iterator[Organisation]:
        """The records of the mentions that start before *pos*, the nearest first."""
        records, which = self._records, self._which
        for k in range(bisect.bisect_left(self._starts, pos) - 1, -1, -1):
            yield records[which[k]]

    def _index(self, start: object) -> int:
        i = bisect.bisect_left(self._starts, start) if isinstance(start, int) else len(self._starts)
        return i if i < len(self._starts) and self._starts[i] == start else -1

    def __getitem__(self, start: int) -> Organisation:
        if self._lookup is not None:
            return self._lookup[start]
        i = self._index(start)
        if i < 0:
            raise KeyError(start)
        return self._records[self._which[i]]

    def get(self, start: int, default: Any = None) -> Any:
        if self._lookup is not None:
            return self._lookup.get(start, default)
        i = self._index(start)
        return self._records[self._which[i]] if i >= 0 else default

    def __contains__(self, start: object) -> bool:
        return start in self._lookup if self._lookup is not None else self._index(start) >= 0

    def __iter__(self) -> Iterator[int]:
        return iter(self._starts)

    def __len__(self) -> int:
        return len(self._starts)


# --------------------------------------------------------------- documents


def build_documents(mentions: Sequence[DocumentMention], scope: Scope) -> list[Document]:
    """Group citations by number; attach short forms to their full citation."""
    span_of, published = scope.span_of, scope.published
    full: dict[str, list[DocumentMention]] = defaultdict(list)
    order: list[str] = []  # the number as first written, one per document
    written: dict[str, str] = {}  # document_key -> that number ("12-CT/TƯ" and "12-CT/TW" are one)
    for m in mentions:
        if m.number:
            number = written.setdefault(document_key(m.number), m.number)
            if number not in full:
                order.append(number)
            full[number].append(m)
    for m in mentions:
        if m.number or not m.short:
            continue
        target = next(
            (n for n in order if re.match(rf"0*{int(m.short)}\D", n) and full[n][0].kind is m.kind),
            None,
        )
        if target is None:
            candidates = [d for d in registry.documents() if d.kind == m.kind.value and re.match(rf"0*{int(m.short)}\D", d.number)]
            if len(candidates) > 1 and m.date is not None and m.date.precision == "day":
                # "Chỉ thị số 12 ngày 5/1/2022": the date tells which of the registry's Chỉ thị 12 it is
                candidates = [d for d in candidates if d.date is not None and d.date == m.date.to_date()]
            if len(candidates) == 1:
                target = candidates[0].number
                order.append(target)
                full[target].append(attrs.evolve(m, number=target))
                continue
        if target is not None:
            full[target].append(m)
    docs = []
    for number in order:
        ms = full[number]
        # one pass over the citations (most documents are cited once or a few times): the first kind other
        # than OTHER, the most precise date any gives (the first of the most precise: "Kế hoạch 716/KH-UBND
        # năm 2022" and "... ngày 14/10/2022"), the first title, issuer and type word, any header
        first_kind: DocumentKind | None = None
        date: PartialDate | None = None
        title: str | None = None
        issued_by: OrgMention | None = None
        type_word: str | None = None
        header = False
        for x in ms:
            if first_kind is None and x.kind is not DocumentKind.OTHER:
                first_kind = x.kind
            if x.date and (date is None or _PRECISION[x.date.precision] > _PRECISION[date.precision]):
                date = x.date
            if title is None and x.title:
                title = x.title
            if issued_by is None and x.issuer is not None:
                issued_by = x.issuer
            if type_word is None and x.type_word:
                type_word = x.type_word
            header = header or x.header
        kind = first_kind if first_kind is not None else ms[0].kind
        if published is not None and header:
            if date is None or _PRECISION[published.precision] > _PRECISION[date.precision]:
                date = published  # the text is the document: its dateline dates it
        issuer = _issuer_name(issued_by) if issued_by is not None else None
        reg = registry.find_document(number, kind.value)
        docs.append(
            Document(
                id=f"doc:{slug(kind.value)}:{slug(number)}",
                kind=kind,
                number=number,
                issuer=issuer,
                date=date,
                title=title,
                registry_id=reg[0].id if reg else None,
                type_word=type_word,
                mentions=_spans_of(span_of, ((x.start, x.end) for x in ms), len(ms), scope.bounds_of),
            )
        )
    return docs


_PRECISION = {"year": 0, "month": 1, "day": 2}


def _issuer_name(org: OrgMention) -> str:
    reg = organisation_by_id(org.registry_id) if org.registry_id else None
    if reg:
        return reg.name
    if org.place:
        name = _with_place(org, org.place, org.place_kind)
        return f"{org.organ} {name}" if org.organ else name
    return org.head


# -------------------------------------------------------------- congresses


def build_congresses(mentions: Sequence[CongressMention], scope: Scope) -> list[CongressResolution]:
    """One record per congress, however often it is named."""
    span_of, locality = scope.span_of, scope.locality
    groups: dict[tuple[int, str], list[CongressMention]] = defaultdict(list)
    kinds: dict[tuple[int, str], str] = {}
    # a bare "Đại hội VIII" in an article that gives congress 8 to another body is that body's
    others = {m.ordinal for m in mentions if not m.party}
    for m in mentions:
        if not m.party or (m.bare and m.ordinal in others):
            continue
        if m.locality is None:
            area = "national"
        else:
            area = (canonical_province(m.locality) or m.locality) if m.locality else (locality or "")
            if not area:
                continue
            kinds[(m.ordinal, area)] = m.locality_kind or "tỉnh"
        groups[(m.ordinal, area)].append(m)
    out = []
    for (ordinal, area), ms in groups.items():
        term = next((m.term for m in ms if m.term), None)
        if area == "national":
            body = NATIONAL_PARTY
            if term is None:
                reg = registry.national_congress(ordinal)
                term = reg.term if reg else None
        else:
            body = f"Đảng bộ {kinds[(ordinal, area)]} {area}"
        out.append(
            CongressResolution(
                id=f"congress:{slug(area)}:{ordinal}",
                ordinal=ordinal,
                scope=area,
                party_body=body,
                term=term,
                mentions=_spans_of(span_of, ((m.start, m.end) for m in ms), len(ms), scope.bounds_of),
            )
        )
    return out


# ------------------------------------------------------------------ people


def build_people(mentions: Sequence[PersonMention], scope: Scope) -> list[Person]:
    """Merge mentions of one person (spelling variants too) with positions."""
    orgs_by_start, span_of, text = scope.organisation_at, scope.span_of, scope.text
    groups: dict[str, list[PersonMention]] = defaultdict(list)
    order: list[str] = []
    for m in mentions:
        key = slug(m.name)  # lower case without diacritics merges misspelt repeats
        if key not in groups:
            key = next((k for k in order if _same_foreign_name(k, key)), key)
        if key not in groups:
            order.append(key)
        groups[key].append(m)
    # a later bare mention of a name anywhere in the text is the same person
    out = []
    for key in order:
        ms = groups[key]
        forms = Counter(m.name for m in ms)
        best = max(forms, key=lambda f: (forms[f], -min(m.start for m in ms if m.name == f)))
        positions: list[Position] = []
        seen: set[tuple[str, str | None]] = set()
        with_body = {
            p.title
            for m in ms
            for p in m.positions
            if not p.unread and ((p.org is not None and p.org.start in orgs_by_start) or p.ref)
        }
        for m in ms:
            for p in m.positions:
                if p.unread:
                    continue  # a body the organisation step did not read: unknown, not absent
                org = orgs_by_start.get(p.org.start) if p.org else None
                if org is None and p.ref:
                    org = _body_named_by(p.ref, p.start, orgs_by_start)
                    if org is None:
                        continue  # a body the article does not name: unknown, not absent
                if m.foreign and p.org is not None and p.org.place == "" and org is not None:
                    if not org.locality or canonical_province(org.locality):
                        continue  # a foreigner's "Bí thư Tỉnh ủy" is of a province abroad, not of a Vietnamese one
                org_name = org.name if org else None
                if org_name is None and p.title in with_body:
                    continue  # "Thứ trưởng" alone where another mention says of what
                ident = (p.title, org_name)
                if ident in seen:
                    continue
                seen.add(ident)
                positions.append(
                    Position(
                        title=p.title,
                        organisation=org_name,
                        organisation_id=org.id if org else None,
                        former=p.former,
                        mentions=[span_of(p.start, p.end)],
                    )
                )
        spans = [span_of(m.start, m.end) for m in ms]
        for variant in forms:
            for vm in re.finditer(re.escape(variant), text):
                if scope.in_body(vm.start()):  # a name repeated in chrome is not a mention
                    spans.append(span_of(vm.start(), vm.end()))
        out.append(
            Person(
                id=f"person:{slug(best)}",
                name=best,
                positions=tuple(positions),
                aliases=frozenset(forms) - {best},
                # one span per (start, end) (Span's own equality), in Span's own order, compared as plain
                # tuples: no Python call per hash or comparison
                mentions=sorted({(s.start, s.end): s for s in spans}.values(), key=_span_order),
            )
        )
    return out


def _span_order(span: Span) -> tuple[int, int]:
    return (span.start, span.end)


def _same_foreign_name(a: str, b: str) -> bool:
    """Whether two slugs spell one foreign name two ways ("khamphanh-pheuiyavong", "khamphanh-pheuyavong").

    Word for word, long words (six letters or more) may differ by one or two
    letters; short words, where Vietnamese given names differ by one letter
    ("thi", "thu"), must be equal.
    """
    wa, wb = a.split("-"), b.split("-")
    if len(wa) != len(wb) or a == b:
        return False
    differ = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
    return all(min(len(x), len(y)) >= 6 and _edits(x, y) <= 2 for x, y in differ)


def _edits(a: str, b: str) -> int:
    """Levenshtein distance (the words are short)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _body_named_by(head: str, pos: int, bodies: _OrgsAt) -> Organisation | None:
    """The body a bare head noun stands for ("Chủ tịch Hội" -> the association the article named).

    *head* ``"*"`` stands for any association or union.

    The last one named before it whose name starts with the head.
    """
    verdicts: dict[int, bool] = {}  # a record named many times is judged once
    key = name_key(head) + " "
    for org in bodies.before(pos):
        fits = verdicts.get(id(org))
        if fits is None:
            if head == "*":  # an association the article is about
                fits = org.kind in _ASSOCIATION_KINDS
            else:
                name = name_key(org.name)
                fits = name.startswith(key) and not name.startswith("hội đồng ")
            verdicts[id(org)] = fits
        if fits:
            return org
    return None


_ASSOCIATION_KINDS = frozenset({OrganisationKind.FRIENDSHIP_ASSOCIATION, OrganisationKind.FRIENDSHIP_UNION, OrganisationKind.MASS})


# ------------------------------------------------------------------ events


def context_year(text: str, dates: Iterable[DateMention], published: PartialDate | None) -> int | None:
    """The year the article's own date gives its yearless dates (``None`` for an undated article).

    No other year fixes a yearless date by itself: the years an article
    writes most often may be its own, a term's, or a cited document's (the
    contract's events section); the resolver looks for evidence per event.
    """
    del text, dates
    return published.year if published is not None else None


@attrs.frozen
class Anchor:
    """A dated step of the story: a day whose year the text prints, where, and whether it is planned."""

    day: datetime.date
    position: int
    planned: bool = False


def event_year(
    m: EventMention, published: PartialDate | None, anchors: Sequence[Anchor] = ()
) -> tuple[PartialDate, str | None]:
    """The date of an event mention with its year fixed as far as the text allows, and why.

    The year counts as known when the text prints it for the event (in the
    date, or in the event's own phrase), when the event reviews a stated
    period ("tổng kết công tác năm 2018" meets around its end), from the
    article's own date, or from a dated step of the same story close by (a
    press conference three days before the dated congress it announces).
    Otherwise the year stays unknown (``XXXX``): a guess counts against.

    The second value says which evidence fixed the year (``None``: not fixed).
    """
    if m.date is None:
        raise ValueError("an event tied to another has no date until it is untied")
    d = m.date.date
    if d.year is not None:
        return d, "printed"
    if m.period_end is not None:
        year = year_after_period(d, m.period_end)
        if year is not None:
            return _with_year(d, year), f"review of the period ending {m.period_end.isoformat()}"
    if m.printed_year is not None:
        return _with_year(d, m.printed_year), f"printed in {m.printed_where or 'its clause'} ({m.printed_year})"
    if published is not None and published.year is not None:
        return resolve_year(d, published.year, published), f"the article's date ({published.iso})"
    for anchor in anchors:
        # the next step right after a dated step told before it; a step a few days before a planned one
        year = None
        if anchor.position < m.start:
            year = near_anchor(d, anchor.day, before=0, after=45)
        if year is None and anchor.planned:
            year = near_anchor(d, anchor.day, before=45, after=0)
        if year is not None:
            return _with_year(d, year), f"next to the dated step of {anchor.day.isoformat()}"
    return d, None


_PLANNED = re.compile(r"(?<!\w)(?:sẽ|dự kiến|dự định|sắp)(?!\w)")


_PRINTED_YEAR = re.compile(r"(?<![\d/.-])(?:19|20)\d\d(?![\d/])")


def _untie(mentions: Sequence[EventMention], text: str) -> list[EventMention]:
    """Give each event a sentence ties to the event told before it ("Dịp này, ...") that event's date.

    The occasion is the story's, not a past happening it recalls ("ngày
    21/9/1973 ... Dịp này, ..."): a dated event more than a year before the
    latest year the text prints is no occasion.
    """
    out: list[EventMention] = []
    last: EventMention | None = None
    if all(m.date is not None for m in mentions):
        return list(mentions)
    recent = max((int(y.group()) for y in _PRINTED_YEAR.finditer(text)), default=0) - 1
    for m in sorted(mentions, key=lambda m: m.start):
        if m.date is not None:
            if m.date.date.precision == "day" and (m.date.date.year is None or m.date.date.year >= recent):
                last = m
            out.append(m)
        elif last is not None:
            out.append(attrs.evolve(m, date=last.date, printed_year=last.printed_year, printed_where=last.printed_where,
                                    period_end=last.period_end, location=m.location or last.location))  # fmt: skip
    return out


def _anchors(text: str, mentions: Sequence[EventMention]) -> list[Anchor]:
    """The dated steps of the story: event days whose year the text prints."""
    out = {}
    for m in mentions:
        if m.date is None:
            continue
        day = m.date.date.to_date() if m.date.date.year is not None else None
        if day is None or (day, m.start) in out:
            continue
        lo = max(text.rfind(". ", 0, m.start) + 1, m.start - 150, 0)
        out[(day, m.start)] = Anchor(day, m.start, bool(_PLANNED.search(text, lo, m.start)))
    return sorted(out.values(), key=lambda a: a.position)


def _with_year(date: PartialDate, year: int) -> PartialDate:
    try:
        return attrs.evolve(date, year=year)
    except ValueError:  # 29/2 in a common year
        return date


def _end_of(m: EventMention, start: PartialDate) -> PartialDate | None:
    """The last day of a span, in the start's year (or the next one across New Year)."""
    end = m.date.end_date if m.date is not None else None
    if end is None or end.year is not None or start.year is None:
        return end
    year = start.year + (1 if (end.month or 0) < (start.month or 0) else 0)
    return _with_year(end, year)


def _with_article_association(
    by_start: _OrgsAt, records: Sequence[Organisation], events: Sequence[EventMention]
) -> _OrgsAt:
    """*by_start* plus the organisers written "Hội" alone, as the association the article names most.

    Of the bodies whose name starts with "Hội" (the most mentions; the first
    named on a tie); none when the article names no such body.
    """
    bare = {o.start for m in events for o in m.organisers if o.of_article and o.start not in by_start}
    if not bare:
        return by_start
    named = [r for r in records if r.name.startswith("Hội ") and r.mentions]
    if not named:
        return by_start
    association = min(named, key=lambda r: (-len(r.mentions), r.mentions[0].start))
    return by_start.plus(bare, association)  # (not copied into a dict: an int object per mention)


def build_events(mentions: Sequence[EventMention], scope: Scope) -> list[Event]:
    """One record per (date, kind), with the year, organisers and place of each event's own clause."""
    orgs_by_start, span_of, published, locality = (
        scope.organisation_at,
        scope.span_of,
        scope.published,
        scope.locality,
    )
    text = scope.text
    mentions = _untie(mentions, text)
    # the dated steps of the story: days whose year the text prints
    anchors = _anchors(text, mentions)
    out: list[Event] = []
    index: dict[tuple[str, str, str, str], int] = {}
    more: dict[int, list[Span]] = {}
    facts: list[EventFacts] = []  # what the reported/mentioned classifier reads of each mention
    owner: list[int] = []  # the record each of them belongs to
    for m in mentions:
        if m.date is None:
            continue  # (untied above)
        if m.date.date.precision == "year" and published is not None and (m.date.date.year or 0) > (published.year or 0):
            continue  # a bare year after the article's own is a target ("đến năm 2030"), not a happening
        date, evidence = event_year(m, published, anchors)
        end = _end_of(m, date)
        facts.append(EventFacts(start=m.start, end=m.end, noun_start=m.noun_start, noun_end=m.noun_end, date=date, end_date=end))  # fmt: skip
        organisers = tuple(dict.fromkeys(orgs_by_start[o.start].name for o in m.organisers if o.start in orgs_by_start))
        location = _location(m, orgs_by_start, locality)
        # one day and kind is one event however often told; a year holds many (each by its name)
        key = (date.iso, end.iso if end else "", m.kind.value, slug(m.title or "")[:40] if date.precision == "year" else "")
        if key in index:
            prev = out[index[key]]
            # another mention of the same event: what its own clause adds (a co-organiser, the place)
            merged = tuple(dict.fromkeys((*prev.organisers, *organisers)))
            if merged != prev.organisers or (prev.location or location) != prev.location:
                out[index[key]] = attrs.evolve(prev, organisers=merged, location=prev.location or location)
            # spans of repeats are added once at the end (re-sorting them at
            # every repeat was quadratic in the number of repeats)
            more.setdefault(index[key], []).append(span_of(m.start, m.end))
            owner.append(index[key])
            continue
        index[key] = len(out)
        owner.append(len(out))
        out.append(
            Event(
                id=f"event:{date.iso}:{m.kind.value}:{slug(m.title or '')[:40]}",
                kind=m.kind,
                date=date,
                end_date=end,
                time_of_day=m.date.time_of_day if m.date.start == m.start else None,
                location=location,
                organisers=organisers,
                title=m.title,
                mentions=[span_of(m.start, m.end), span_of(m.noun_start, m.noun_end)],
                year_evidence=evidence,
            )
        )
    for i, spans in more.items():
        out[i] = attrs.evolve(out[i], mentions=[*out[i].mentions, *spans])
    reported = {i for i, flag in zip(owner, classify_reported(text, facts, published), strict=True) if flag}
    events = [e if i in reported else attrs.evolve(e, reported=False) for i, e in enumerate(out)]
    # a bare year of a kind that a day or month of the same year dates is that event told again
    # (the headline's "Hội nghị ... năm 2018" over the lead's "Ngày 06/11/2018, ... Hội nghị")
    finer = {(e.kind, e.date.year, _title_key(e.title)) for e in events if e.date is not None and e.date.precision != "year"}
    return [
        e
        for e in events
        if e.date is None or e.date.precision != "year" or (e.kind, e.date.year, _title_key(e.title)) not in finer
    ]


def _title_key(title: str | None) -> str:
    """The start of an event's title, folded: the same event told twice opens its title the same way."""
    return slug(title or "")[:24]


def _location(m: EventMention, orgs_by_start: Mapping[int, Organisation], locality: str | None) -> str | None:
    if m.location:
        place = m.location
        place = re.sub(r"^TP\.?\s?", "", place)
        if place in ("HCM", "Hồ Chí Minh"):
            return "Thành phố Hồ Chí Minh"
        return canonical_province(place) or place
    for o in m.organisers:
        org = orgs_by_start.get(o.start)
        # the province or city of an organiser (a district's or a commune's body names no city)
        if org and org.locality and canonical_province(org.locality):
            return org.locality
    return locality


# ------------------------------------------------------------------ the article


@attrs.frozen
class Scope:
    """What the resolvers know of the article besides the mentions they turn into records.

    ``text`` is the canonical text and ``span_of`` maps its ranges to spans
    of the caller's string; ``localities`` are the places the article is
    about, most named first; ``organisation_at`` maps the start of every
    organisation mention to its record (filled once organisations are
    resolved); ``year`` is the year the article's yearless dates belong to.
    """

    text: str
    span_of: SpanOf
    published: PartialDate | None = None
    localities: tuple[str, ...] = ()
    places: tuple[tuple[int, str], ...] = ()
    units: tuple[tuple[int, str, str], ...] = ()
    year: int | None = None
    organisation_at: _OrgsAt = attrs.field(factory=lambda: _orgs_at({}), converter=_orgs_at)
    #: the starts and ends of the ranges the finders read (sorted by start; both empty: the whole text)
    body_starts: Sequence[int] = ()
    body_ends: Sequence[int] = ()
    #: ``span_of`` giving bare bounds (a record of many mentions stores bounds, not spans); None: read through ``span_of``
    bounds_of: BoundsOf | None = None

    def in_body(self, pos: int) -> bool:
        """Whether *pos* lies in a range the finders read (a story line, not chrome)."""
        if not self.body_starts:
            return True
        i = bisect.bisect_right(self.body_starts, pos) - 1
        return i >= 0 and pos < self.body_ends[i]

    @property
    def locality(self) -> str | None:
        """The place the article is most about."""
        return self.localities[0] if self.localities else None


@attrs.frozen
class Records:
    """The records of one article, as the resolvers built them."""

    organisations: tuple[Organisation, ...]
    documents: tuple[Document, ...]
    congress_resolutions: tuple[CongressResolution, ...]
    people: tuple[Person, ...]
    events: tuple[Event, ...]


def _sorted_bounds(ranges: Sequence[tuple[int, int]]) -> tuple[array[int], array[int]]:
    """The starts and ends of *ranges*, sorted by start, as arrays (the layout's own when it gives them in order)."""
    starts, ends = _bounds(ranges)
    if any(map(operator.gt, starts, itertools.islice(starts, 1, None))):
        pairs = sorted(zip(starts, ends, strict=True))
        starts, ends = array("q", [s for s, _ in pairs]), array("q", [e for _, e in pairs])
    return starts, ends


def resolve(
    found: FindContext,
    *,
    span_of: SpanOf,
    body: Sequence[tuple[int, int]],
    published: PartialDate | None,
    bounds_of: BoundsOf | None = None,
    organisations: Callable[[Sequence[OrgMention], Scope], tuple[list[Organisation], Mapping[int, Organisation]]] = build_organisations,
    documents: Callable[[Sequence[DocumentMention], Scope], list[Document]] = build_documents,
    congresses: Callable[[Sequence[CongressMention], Scope], list[CongressResolution]] = build_congresses,
    people: Callable[[Sequence[PersonMention], Scope], list[Person]] = build_people,
    events: Callable[[Sequence[EventMention], Scope], list[Event]] = build_events,
) -> Records:
    """Turn the mentions of an article into its records.

    *body* are the ranges of the canonical text that the finders read;
    *bounds_of* is *span_of* giving bare bounds, if the caller has it. Each
    kind has its resolver, replaceable by a function of the same shape (as
    eyecite's ``resolve_citations`` takes its resolvers): organisations come
    first, since the others name them.
    """
    text = found.text
    starts, ends = _sorted_bounds(body)
    places = place_mentions(text, body)
    units = unit_mentions(text, body)
    localities = article_localities(found.organisations, places)
    body_text = "\n".join(map(text.__getitem__, map(slice, *_bounds(body))))  # (in the order of *body*)
    scope = Scope(
        text,
        span_of,
        published=published,
        localities=tuple(localities),
        places=tuple(places),
        units=tuple(units),
        year=context_year(body_text, in_story(found), published),
        body_starts=starts,
        body_ends=ends,
        bounds_of=bounds_of,
    )
    org_records, by_start = organisations(found.organisations, scope)
    scope = attrs.evolve(scope, organisation_at=_with_article_association(_orgs_at(by_start), org_records, found.events))
    return Records(
        organisations=tuple(org_records),
        documents=tuple(documents(found.documents, scope)),
        congress_resolutions=tuple(congresses(found.congresses, scope)),
        people=tuple(people(found.people, scope)),
        events=tuple(events(found.events, scope)),
    )
