"""What makes two organisation records one body: head, partner country and locality.

An organisation's identity is its *head* (the kind of body: "hội hữu nghị
việt nam-lào", "ủy ban nhân dân", "tỉnh ủy"), which includes the partner
country of a friendship association, and its *locality* (the province, or
district or commune, it belongs to; ``None`` for a central or foreign body),
resolved through the province registry with the article's date (so that a
name that belonged to two units, before and after the 2025 merger, means the
one that existed then). Two records merge only when both agree.

A record's own name fixes its identity. When that name carries no locality
but the names the article uses for the same body do, and all of them name
one locality ("Hội hữu nghị Việt Nam - Nhật Bản", also written "... tỉnh
Thanh Hóa" in the same article), the record is that locality's body: a
writer shortens a local body's name in context, while a central body is never
written with a province after it.

Identity keys keep diacritics ("Hà" and "Hạ" are different places); only
lookups fold them.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Iterable

import attrs

from .. import registry
from ..normalise import name_key, place_key

__all__ = [
    "Locality",
    "OrgIdentity",
    "consistent_aliases",
    "head_key",
    "name_identity",
    "org_identity",
    "parse_locality",
    "province_locality",
]

#: the province-level unit words; the others name districts and communes
_PROVINCE_UNITS = ("tỉnh", "thành phố", "tp")
_DISTRICT_UNITS = ("huyện", "quận", "thị xã", "thành phố", "tp")
_COMMUNE_UNITS = ("xã", "phường", "thị trấn")
_UNIT_WORDS = {"tỉnh", "thành phố", "tp", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn"}

#: the words of a place name: capitalised, or numbers ("Quận 1", "Phường 5")
_PLACE_WORDS = re.compile(r"[A-ZĐÀ-Ỹ0-9][\wÀ-ỹ.'-]*(?: [A-ZĐÀ-Ỹ0-9][\wÀ-ỹ.'-]*)*")


@attrs.frozen(kw_only=True)
class Locality:
    """Where a local body belongs: a province (of one era) or a named district or commune.

    Attributes:
        level: ``"province"``, ``"district"`` or ``"commune"``.
        name: The unit's name ("Thanh Hóa", "Thành phố Hồ Chí Minh", "Biên Hòa").
        since: First day of a provincial unit whose name also belonged to an
            older unit (the units formed on 2025-07-01 that kept a merged
            unit's name), else ``None``.

    """

    level: str
    name: str
    since: _dt.date | None = None
    _key: str = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        era = f"@{self.since.isoformat()}" if self.since else ""
        object.__setattr__(self, "_key", f"{self.level}:{name_key(self.name)}{era}")

    @property
    def key(self) -> str:
        """The comparison key (diacritics kept)."""
        return self._key

    def __str__(self) -> str:
        return self.name if self.since is None else f"{self.name} (from {self.since.isoformat()})"


@attrs.frozen(kw_only=True)
class OrgIdentity:
    """The identity of an organisation record: head plus locality, and the registry body it is.

    Attributes:
        head: Comparison key of the kind of body, partner country included.
        locality: Where it belongs, ``None`` for a central or foreign body.
        registry_id: The registry organisation with this identity, if any.
        inferred: True when the locality comes from the article's other names
            for the body rather than from the record's own name.

    """

    head: str
    locality: Locality | None = None
    registry_id: str | None = None
    inferred: bool = False
    _key: str = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_key", f"{self.head}|{self.locality.key if self.locality else ''}")

    @property
    def key(self) -> str:
        """The merge key: head and locality."""
        return self._key


# ------------------------------------------------------------------ localities


def _province_unit(name: str, on: _dt.date | None) -> registry.Province | None:
    """The provincial unit *name* meant on *on* (the older unit when undated)."""
    found = registry._provinces_by_key().get(place_key(name), ())
    if not found:
        return None
    if len(found) == 1:
        return found[0]
    if on is not None:
        for unit in found:
            if unit.exists_on(on):
                return unit
    # undated, or a day no unit of that name existed: the oldest unit
    return min(found, key=lambda u: u.valid_from or _dt.date.min)


def province_locality(name: str, on: _dt.date | None) -> Locality | None:
    unit = _province_unit(name, on)
    if unit is None:
        return None
    namesakes = registry._provinces_by_key().get(place_key(unit.name), ())
    since = unit.valid_from if unit.valid_from is not None and len(namesakes) > 1 else None
    return Locality(level="province", name=unit.name, since=since)


def _is_place(words: list[str]) -> bool:
    return bool(words) and _PLACE_WORDS.fullmatch(" ".join(words)) is not None


@functools.lru_cache(maxsize=1 << 16)
def parse_locality(name: str, on: _dt.date | None = None) -> tuple[str, Locality | None]:
    """Split *name* into its head and the locality written at its end.

    "Hội hữu nghị Việt Nam - Lào tỉnh Thanh Hóa" is ("Hội hữu nghị Việt Nam -
    Lào", Thanh Hóa); "Tỉnh ủy Đồng Nai" and "Hội ... Hàn Quốc TPHCM" name
    their province without a unit word; "Liên hiệp ... Việt Nam" has none.
    *on* picks the era of a provincial name that two units bore.

    >>> head, where = parse_locality("Liên hiệp các tổ chức hữu nghị TP Hà Nội")
    >>> head, where.name, where.level
    ('Liên hiệp các tổ chức hữu nghị', 'Hà Nội', 'province')
    >>> parse_locality("Hội hữu nghị Việt Nam - Lào")
    ('Hội hữu nghị Việt Nam - Lào', None)
    """
    words = name.replace("TP.", "TP ").replace("Tp.", "Tp ").split()
    lower = [w.lower() for w in words[-7:]]
    if not _UNIT_WORDS_1.intersection(lower):
        tail = name_key(" ".join(words[-4:])).split()
        if not any(" ".join(tail[-k:]) in _province_keys() for k in range(1, min(4, len(words) - 1, len(tail)) + 1)):
            return _pair(words, name, on)  # no unit word and no province at the end: the common case, decided fast
    # a unit word followed by a capitalised name: "tỉnh Thanh Hóa", "thành phố Biên Hòa", "xã Tân Phú"
    for k in range(min(5, len(words) - 1), 0, -1):
        place = words[-k:]
        for unit_len in (2, 1):
            if len(words) - k - unit_len < 1:
                continue
            unit = " ".join(words[-k - unit_len : -k]).lower()
            if unit not in _UNIT_WORDS or not _is_place(place):
                continue
            head = " ".join(words[: -k - unit_len])
            if head.endswith("-"):
                continue
            if head.lower().endswith((" tại", " ở")):
                head = head[: head.rfind(" ")]  # "Lãnh sự quán Lào tại Thành phố Hồ Chí Minh"
            place_name = " ".join(place)
            if unit in _PROVINCE_UNITS:
                found = province_locality(place_name, on)
                if found is not None:
                    return head, found
            if unit in _DISTRICT_UNITS:
                return head, Locality(level="district", name=place_name)
            if unit in _COMMUNE_UNITS:
                return head, Locality(level="commune", name=place_name)
    # a province named right after the head: "Tỉnh ủy Đồng Nai", "... Hàn Quốc TPHCM"
    for k in range(min(4, len(words) - 1), 0, -1):
        place = words[-k:]
        head_words = words[:-k]
        if place_key(" ".join(place)) not in _province_keys():
            continue
        if not _is_place(place) or not _ends_a_head(head_words, place) or place == ["Hồ", "Chí", "Minh"]:
            continue  # bare "Hồ Chí Minh" is the man ("Đoàn Thanh niên Cộng sản Hồ Chí Minh"), not the city
        if head_words[-1].lower() in ("tại", "ở") and len(head_words) > 1:
            head_words = head_words[:-1]  # "Lãnh sự quán Lào tại Thành phố Hồ Chí Minh"
        found = province_locality(" ".join(place), on)
        if found is not None:
            return " ".join(head_words), found
    return _pair(words, name, on)


_PAIR = re.compile(r"^Hội (?:[Hh]ữu nghị )?(?P<a>[^-]+?) - (?P<b>[^-]+)$")
#: unit words of one word (two-word units start with one of them)
_UNIT_WORDS_1 = frozenset({"tỉnh", "thành", "tp", "huyện", "quận", "thị", "xã", "phường"})


@functools.cache
def _province_keys() -> frozenset[str]:
    """The place key of every provincial unit's name and alias."""
    return frozenset(registry._provinces_by_key())


def _pair(words: list[str], name: str, on: _dt.date | None) -> tuple[str, Locality | None]:
    """A country and a province ("Hội Thái Lan - Bến Tre"): the province's association for that country."""
    if "-" not in name:
        return name, None
    m = _PAIR.match(" ".join(words))
    if m and registry.country(m["a"]) is not None:
        found = province_locality(m["b"], on)
        if found is not None and registry.country(m["b"]) is None:
            return f"Hội hữu nghị Việt Nam - {m['a']}", found
    return name, None


def _ends_a_head(words: list[str], place: list[str]) -> bool:
    """Tell whether *words* can end just before the bare province name *place*.

    Not after a dash ("Hội Thái Lan - Bến Tre" pairs a country and a
    province), and not when the last words run into the place to make
    another province's name: "Thái Bình Dương" is the Pacific, not the
    province of Bình Dương after a word "Thái".
    """
    last = words[-1]
    if last.endswith("-") or last in ("-", "–", "—"):
        return False
    for n in range(1, min(3, len(words)) + 1):
        for m in range(1, len(place)):
            if registry.province(" ".join([*words[-n:], *place[:m]])) is not None:
                return False
    return True


# ------------------------------------------------------------------ heads


#: abbreviations that heads spell out ("Ủy ban MTTQ" is "Ủy ban Mặt trận Tổ quốc")
_HEAD_WORDS = {
    "mttq": "mặt trận tổ quốc",
    "mttqvn": "mặt trận tổ quốc việt nam",
    "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân",
    "ub": "ủy ban",
    "ubmttq": "ủy ban mặt trận tổ quốc",
    "ctchn": "các tổ chức hữu nghị",
    "vn": "việt nam",
}
#: ... and those that do only before a locality ("LHHN" alone is VUFO, "LHHN tỉnh X" is X's union)
_LOCAL_HEAD_WORDS = {
    "lhhn": "liên hiệp các tổ chức hữu nghị",
    "lhctchn": "liên hiệp các tổ chức hữu nghị",
}
_FRIENDSHIP = re.compile(r"^(?P<central>trung ương )?hội (?P<hn>hữu nghị )?(?P<a>[^-]+)-(?P<b>[^-]+)$")


def _country_key(side: str) -> str | None:
    if side in ("việt", "việt nam"):
        return "việt nam"
    found = registry.country(side)
    return name_key(found.name) if found else None


@functools.lru_cache(maxsize=1 << 16)
def head_key(head: str, *, local: bool = False) -> str:
    """Return the comparison key of a head: abbreviations spelt out, partner countries by their registry name.

    "Hội Hữu nghị Việt - Lào" and "Hội hữu nghị Việt Nam - CHDCND Lào" have one
    key; the side order stays ("Hội hữu nghị Nhật - Việt" is the Japanese
    counterpart, another body). For a *local* body a trailing "Việt Nam" is
    dropped ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh X" is "Ủy ban MTTQ tỉnh X").

    >>> head_key("Hội Hữu nghị Việt - Lào") == head_key("Hội hữu nghị Việt Nam - Lào")
    True
    >>> head_key("Hội hữu nghị Nhật - Việt") == head_key("Hội hữu nghị Việt Nam - Nhật Bản")
    False
    """
    words = _HEAD_WORDS if not local else {**_HEAD_WORDS, **_LOCAL_HEAD_WORDS}
    key = " ".join(words.get(w, w) for w in name_key(head).split())
    m = _FRIENDSHIP.match(key)
    if m:
        a, b = _country_key(m["a"].strip()), _country_key(m["b"].strip())
        if a and b and "việt nam" in (a, b):
            key = f"hội hữu nghị {a}-{b}"
    for unit in _BARE_UNITS:  # "Ủy ban MTTQ tỉnh": a unit without its name is a short reference, not the head
        if key.endswith(" " + unit):
            key = key[: -len(unit) - 1]
            break
    if local and key.endswith(" việt nam") and not key.endswith("-việt nam"):
        key = key[: -len(" việt nam")]
    return key


_BARE_UNITS = ("thành phố", "tỉnh", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "tp")


# ------------------------------------------------------------------ registry


@functools.cache
def _registry_identities() -> dict[tuple[str, str], registry.RegistryOrganisation]:
    """Registry organisations by (head key, province key) of every name they go by."""
    out: dict[tuple[str, str], registry.RegistryOrganisation] = {}
    for org in registry.organisations():
        for name in org.names():
            head, where = parse_locality(name)
            place = where.name if where else org.locality
            local = place is not None
            out.setdefault((head_key(head, local=local), place_key(place) if place else ""), org)
    return out


@functools.lru_cache(maxsize=1 << 16)
def _registry_for(head: str, where: Locality | None) -> registry.RegistryOrganisation | None:
    place = place_key(where.name) if where is not None and where.level == "province" else ""
    if where is not None and where.level != "province":
        return None
    return _registry_identities().get((head, place))


@functools.cache
def _registry_names() -> dict[str, registry.RegistryOrganisation]:
    """Registry organisations by the name key of their canonical names."""
    return {name_key(o.name): o for o in registry.organisations()}


@functools.cache
def _registry_by_id() -> dict[str, registry.RegistryOrganisation]:
    return {o.id: o for o in registry.organisations()}


def _canonical(org: registry.RegistryOrganisation, on: _dt.date | None) -> OrgIdentity:
    head, where = parse_locality(org.name, on)
    if where is None and org.locality:
        where = province_locality(org.locality, on)
    return OrgIdentity(head=head_key(head, local=where is not None), locality=where, registry_id=org.id)


# ------------------------------------------------------------------ identity


@functools.lru_cache(maxsize=1 << 16)
def name_identity(name: str, on: _dt.date | None = None) -> OrgIdentity:
    """The identity one name gives on its own (registry bodies take the registry's locality).

    >>> name_identity("LHHN thành phố Hà Nội").registry_id, name_identity("HAUFO").registry_id
    ('haufo', 'haufo')
    """
    key_of_name = name_key(name)
    exact = _registry_names().get(key_of_name)
    if exact is not None:  # a registry body's own name ("Đoàn Thanh niên Cộng sản Hồ Chí Minh")
        return _canonical(exact, on)
    head, where = parse_locality(name, on)
    key = head_key(head, local=where is not None)
    reg = _registry_for(key, where)
    if reg is None and where is None:
        found = registry._organisations_by_key().get(key_of_name)  # organisation_by_name, with the key at hand
        if found is not None and found.locality:
            reg = found
    if reg is not None:
        return _canonical(reg, on)
    return OrgIdentity(head=key, locality=where)


def _same_place(a: Locality | None, b: Locality | None) -> bool:
    return (a is None) == (b is None) and (a is None or b is None or a.key == b.key)


@functools.lru_cache(maxsize=1 << 16)
def org_identity(
    name: str,
    aliases: tuple[str, ...] = (),
    registry_id: str | None = None,
    on: _dt.date | None = None,
) -> OrgIdentity:
    """The identity of an article's organisation record (its canonical *name* and the other names it uses).

    >>> dev = org_identity("Hội hữu nghị Việt Nam - Nhật Bản", ("Hội hữu nghị Việt Nam - Nhật Bản tỉnh Thanh Hóa",))
    >>> dev.locality.name, dev.inferred, dev.registry_id
    ('Thanh Hóa', True, None)
    >>> org_identity("Hội hữu nghị Việt Nam - Nhật Bản").registry_id
    'hhn-vn-nhat'
    """
    own = name_identity(name, on)
    if own.locality is None:
        places = {
            ident.locality.key: ident.locality
            for ident in (name_identity(a, on) for a in aliases)
            if ident.locality is not None and _same_head(ident, own)
        }
        if len(places) == 1:
            (where,) = places.values()
            head, _ = parse_locality(name, on)
            key = head_key(head, local=True)
            reg = _registry_for(key, where)
            if reg is not None:
                return attrs.evolve(_canonical(reg, on), inferred=True)
            return OrgIdentity(head=key, locality=where, inferred=True)
    if registry_id is not None and own.registry_id is None:
        reg = _registry_by_id().get(registry_id)
        if reg is not None:
            canonical = _canonical(reg, on)
            if _same_place(canonical.locality, own.locality):
                return canonical
    return own


def _same_head(a: OrgIdentity, b: OrgIdentity) -> bool:
    """Tell whether two identities name the same kind of body (whatever their localities)."""
    return head_key(a.head, local=True) == head_key(b.head, local=True)


def consistent_aliases(identity: OrgIdentity, names: Iterable[str], on: _dt.date | None) -> tuple[list[str], list[str]]:
    """Split a record's names into those that name its body anywhere and those that need the article.

    A name with the body's own locality (or, for a central body, no locality)
    and the same head names it anywhere; a name without a locality for a local
    body ("Ủy ban MTTQ tỉnh", "Hội hữu nghị Việt Nam - Lào" in a provincial
    story) only in its article; a name with another locality in neither.
    """
    anywhere: list[str] = []
    in_article: list[str] = []
    for name in names:
        ident = name_identity(name, on)
        if ident.key == identity.key:
            anywhere.append(name)
        elif (
            identity.locality is not None and ident.locality is not None and ident.locality.key == identity.locality.key
        ):
            anywhere.append(name)  # another spelling of the local body ("Ủy ban MTTQ tỉnh Thanh Hóa")
        elif ident.locality is None and (identity.locality is not None or ident.registry_id is None):
            in_article.append(name)
    return anywhere, in_article
