"""The curated registry: real-world facts the extractors can lean on.

The facts live in JSON files under ``dnnd/data/`` (documents, document type
words and codes, Party congresses, organisations, provinces, titles, event
words, surnames, countries). This module reads each file once, on first use,
and hands out small frozen records::

    >>> from dnnd import registry
    >>> registry.find_document("số 12-CT/TƯ")[0].date
    datetime.date(2022, 1, 5)
    >>> registry.organisation_by_name("Liên hiệp Hữu nghị").abbreviation
    'VUFO'
    >>> registry.province("Bắc Giang", on=datetime.date(2025, 8, 1)).name
    'Bắc Ninh'

Every record carries a ``status``: ``"verified"`` (seen in a stored source),
``"partial"`` (partly verified or inferred) or ``"unverified"`` (the item is
real but one attribute could not be checked; that attribute is ``None`` and
the ``note`` says which).

Names are compared through :func:`dnnd.normalise.name_key`, the
normalisation of the extraction contract, so "Uỷ ban MTTQ TP. Hà Nội" and
"Ủy ban MTTQ thành phố Hà Nội" are one name. Document numbers are compared
in their canonical form, :func:`dnnd.normalise.canonical_number`.
"""

from __future__ import annotations

import datetime
import functools
import json
from collections.abc import Mapping
from importlib.resources import files
from types import MappingProxyType
from typing import Any

import attrs

from .normalise import document_key, name_key, place_key

__all__ = [
    "DOCUMENT_KINDS",
    "ORGANISATION_KINDS",
    "STATUSES",
    "Congress",
    "Country",
    "DocumentType",
    "EventWord",
    "OrganiserVerb",
    "Province",
    "RegistryDocument",
    "RegistryOrganisation",
    "RegistryRelation",
    "RelationRule",
    "RelativeDate",
    "acting_markers",
    "countries",
    "country",
    "degrees",
    "document_types",
    "documents",
    "event_words",
    "find_document",
    "former_markers",
    "honorifics",
    "issuer_codes",
    "local_congresses",
    "lunar_year_names",
    "national_congress",
    "national_congresses",
    "organ_words",
    "organisation_by_name",
    "organisations",
    "organiser_verbs",
    "province",
    "provinces",
    "relation_phrases",
    "relation_rules",
    "relations",
    "relative_dates",
    "sino_vietnamese_surnames",
    "surnames",
    "time_of_day_words",
    "titles",
]

#: Allowed values of ``RegistryDocument.kind`` (the contract's document kinds).
DOCUMENT_KINDS = frozenset(
    {
        "directive", "resolution", "conclusion", "decision", "notice", "circular",
        "decree", "law", "regulation", "scheme", "charter", "other",
    }
)  # fmt: skip

#: Allowed values of ``RegistryOrganisation.kind``.
ORGANISATION_KINDS = frozenset(
    {
        "friendship_union", "friendship_association", "party", "state", "front", "mass",
        "international", "embassy", "education", "foreign_government", "ngo", "media",
        "company", "other",
    }
)  # fmt: skip

#: Allowed values of every record's ``status``.
STATUSES = frozenset({"verified", "partial", "unverified"})


# ------------------------------------------------------------------ loading


@functools.cache
def _load(name: str) -> Any:
    """Read and parse one data file (once per process)."""
    text = files("dnnd").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return json.loads(text)


def _date(value: str | None) -> datetime.date | None:
    """Parse an ISO date, passing ``None`` through."""
    return None if value is None else datetime.date.fromisoformat(value)


# ------------------------------------------------------------------ documents


@attrs.frozen(kw_only=True)
class RegistryDocument:
    """A real Party or State document (identity: number + kind + issuer + date).

    Attributes:
        id: ``"<kind>:<number>:<date>"``, e.g. ``"directive:12-CT/TW:2022-01-05"``.
        number: The number as printed in the document header.
        kind: One of :data:`DOCUMENT_KINDS`.
        issuer: The issuing body.
        issuer_code: The code after the slash or hyphen (``"TW"``, ``"TU"``, ``"CP"`` ...).
        date: Date of issue.
        title: Subject or title.
        term: Roman numeral of the khóa, for Party documents.
        aliases: Other spellings of the number seen in print.
        status: ``"verified"``, ``"partial"`` or ``"unverified"``.
        note: Why a record is not fully verified, or other remarks.
        sources: Source ids of the research notes.

    """

    id: str
    number: str
    kind: str
    issuer: str | None
    issuer_code: str | None
    date: datetime.date | None
    title: str | None
    term: str | None
    aliases: tuple[str, ...]
    status: str
    note: str | None
    sources: tuple[str, ...]


@attrs.frozen(kw_only=True)
class DocumentType:
    """A Vietnamese document type word, its contract kind and its number codes.

    Attributes:
        word: The type word ("Chỉ thị").
        kind: One of :data:`DOCUMENT_KINDS`.
        codes: The codes used in numbers (``("CT",)``).

    """

    word: str
    kind: str
    codes: tuple[str, ...]


@functools.cache
def documents() -> tuple[RegistryDocument, ...]:
    """Return every document in the registry."""
    return tuple(
        RegistryDocument(
            id=d["id"],
            number=d["number"],
            kind=d["kind"],
            issuer=d["issuer"],
            issuer_code=d["issuer_code"],
            date=_date(d["date"]),
            title=d["title"],
            term=d["term"],
            aliases=tuple(d["aliases"]),
            status=d["status"],
            note=d["note"],
            sources=tuple(d["sources"]),
        )
        for d in _load("documents.json")
    )


@functools.cache
def _documents_by_number() -> Mapping[str, tuple[RegistryDocument, ...]]:
    """Index documents by the canonical form of their number and aliases."""
    index: dict[str, list[RegistryDocument]] = {}
    for doc in documents():
        for written in {document_key(n) for n in (doc.number, *doc.aliases)}:
            index.setdefault(written, []).append(doc)
    return MappingProxyType({k: tuple(v) for k, v in index.items()})


def find_document(number: str, kind: str | None = None) -> tuple[RegistryDocument, ...]:
    """Return the documents with this number (however written), optionally of one kind.

    Several documents may share a number (12-CT/TW and 12-KL/TW differ by
    type; numbers also restart each term), so the result is a tuple.
    """
    found = _documents_by_number().get(document_key(number), ())
    return tuple(d for d in found if kind is None or d.kind == kind)


@functools.cache
def document_types() -> tuple[DocumentType, ...]:
    """Return the document type words ("Chỉ thị", "Thông tri", ...) with kinds and codes."""
    return tuple(
        DocumentType(word=t["word"], kind=t["kind"], codes=tuple(t["codes"]))
        for t in _load("document_types.json")["types"]
    )


@functools.cache
def issuer_codes() -> Mapping[str, str]:
    """Return issuer codes of document numbers mapped to what they stand for ("TTg" → "Thủ tướng Chính phủ")."""
    return MappingProxyType(
        {c["code"]: c["name"] for c in _load("document_types.json")["issuer_codes"]}
    )


# ------------------------------------------------------------------ congresses


@attrs.frozen(kw_only=True)
class Congress:
    """A Party congress: national (scope "national") or of a provincial Party organisation.

    Attributes:
        ordinal: The congress number.
        roman: The same in Roman numerals (``"XIII"``).
        scope: ``"national"`` or the locality (``"Hà Nội"``).
        party_body: ``"Đảng Cộng sản Việt Nam"`` or the local Party organisation.
        start: First day, when known.
        end: Last day, when known.
        year: Year of the congress, when known.
        term: The term it opened (``"2021-2026"``).
        status: ``"verified"``, ``"partial"`` or ``"unverified"``.
        note: Remarks and doubts.

    """

    ordinal: int
    roman: str
    scope: str
    party_body: str
    start: datetime.date | None
    end: datetime.date | None
    year: int | None
    term: str | None
    status: str
    note: str | None


def _congress(c: Mapping[str, Any], scope: str, party_body: str) -> Congress:
    """Build a :class:`Congress` from one JSON record."""
    start = _date(c["start"])
    return Congress(
        ordinal=c["ordinal"],
        roman=c["roman"],
        scope=scope,
        party_body=party_body,
        start=start,
        end=_date(c["end"]),
        year=c.get("year"),
        term=c["term"],
        status=c["status"],
        note=c["note"],
    )


@functools.cache
def national_congresses() -> tuple[Congress, ...]:
    """Return the national congresses of the Communist Party of Vietnam, I to XIV."""
    data = _load("congresses.json")
    body = data["party_body_national"]
    return tuple(_congress(c, "national", body) for c in data["national"])


def national_congress(ordinal: int) -> Congress | None:
    """Return the national Party congress with this number, or ``None``."""
    return next((c for c in national_congresses() if c.ordinal == ordinal), None)


@functools.cache
def _local_congresses() -> tuple[Congress, ...]:
    """Return every provincial Party congress in the registry."""
    return tuple(
        _congress(c, c["scope"], c["party_body"])
        for c in _load("congresses.json")["local"]
    )


def local_congresses(scope: str | None = None) -> tuple[Congress, ...]:
    """Return the known provincial Party congresses, optionally of one locality ("Hà Nội")."""
    if scope is None:
        return _local_congresses()
    key = place_key(scope)
    return tuple(c for c in _local_congresses() if place_key(c.scope) == key)


# ------------------------------------------------------------------ organisations


@attrs.frozen(kw_only=True)
class RegistryOrganisation:
    """A real organisation with its canonical Vietnamese name and the other names it goes by.

    Attributes:
        id: Short stable id (``"vufo"``).
        name: Canonical Vietnamese name.
        abbreviation: ``"VUFO"`` ... when there is one.
        aliases: Other unambiguous names (Vietnamese, English, French ...).
        kind: One of :data:`ORGANISATION_KINDS`.
        locality: Province or city of a local body.
        english: The English name.
        status: ``"verified"``, ``"partial"`` or ``"unverified"``.
        note: Remarks and doubts.
        sources: Source ids of the research notes.

    """

    id: str
    name: str
    abbreviation: str | None
    aliases: tuple[str, ...]
    kind: str
    locality: str | None
    english: str | None
    status: str
    note: str | None
    sources: tuple[str, ...]

    def names(self) -> tuple[str, ...]:
        """Return the name, the abbreviation (if any) and the aliases."""
        abbr = () if self.abbreviation is None else (self.abbreviation,)
        return (self.name, *abbr, *self.aliases)


@functools.cache
def organisations() -> tuple[RegistryOrganisation, ...]:
    """Return every organisation in the registry."""
    return tuple(
        RegistryOrganisation(
            id=o["id"],
            name=o["name"],
            abbreviation=o["abbreviation"],
            aliases=tuple(o["aliases"]),
            kind=o["kind"],
            locality=o["locality"],
            english=o["english"],
            status=o["status"],
            note=o["note"],
            sources=tuple(o["sources"]),
        )
        for o in _load("organisations.json")
    )


@functools.cache
def _organisations_by_key() -> Mapping[str, RegistryOrganisation]:
    """Index organisations by the :func:`name_key` of every name they go by."""
    return MappingProxyType(
        {name_key(n): org for org in organisations() for n in org.names()}
    )


def organisation_by_name(name: str) -> RegistryOrganisation | None:
    """Return the organisation called ``name`` (full name, abbreviation or alias), or ``None``."""
    return _organisations_by_key().get(name_key(name))


# ------------------------------------------------------------------ provinces


@attrs.frozen(kw_only=True)
class Province:
    """A provincial-level unit with the dates it existed.

    ``valid_from`` / ``valid_to`` are inclusive; ``None`` means open.
    ``merged_into`` names the unit it became part of (or was renamed to).

    Attributes:
        name: Official name without "tỉnh"/"thành phố".
        type: ``"tỉnh"`` or ``"thành phố"``.
        valid_from: First day, or ``None``.
        valid_to: Last day, or ``None``.
        merged_into: The unit it became part of.
        merged_from: The units it was formed from.
        aliases: Common spelling variants.
        status: ``"verified"``, ``"partial"`` or ``"unverified"``.
        note: Remarks.

    """

    name: str
    type: str
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    merged_into: str | None
    merged_from: tuple[str, ...]
    aliases: tuple[str, ...]
    status: str
    note: str | None

    def exists_on(self, day: datetime.date) -> bool:
        """Tell whether the unit existed on ``day``."""
        after_start = self.valid_from is None or self.valid_from <= day
        before_end = self.valid_to is None or day <= self.valid_to
        return after_start and before_end


@functools.cache
def provinces() -> tuple[Province, ...]:
    """Return every provincial unit: the 63 of mid-2025, the 34 from 2025-07-01, and Thừa Thiên Huế."""
    return tuple(
        Province(
            name=u["name"],
            type=u["type"],
            valid_from=_date(u["valid_from"]),
            valid_to=_date(u["valid_to"]),
            merged_into=u["merged_into"],
            merged_from=tuple(u["merged_from"]),
            aliases=tuple(u["aliases"]),
            status=u["status"],
            note=u["note"],
        )
        for u in _load("provinces.json")["units"]
    )


@functools.cache
def _provinces_by_key() -> Mapping[str, tuple[Province, ...]]:
    """Index provinces by the :func:`place_key` of their name and aliases."""
    index: dict[str, list[Province]] = {}
    for unit in provinces():
        for key in {place_key(n) for n in (unit.name, *unit.aliases)}:
            index.setdefault(key, []).append(unit)
    return MappingProxyType({k: tuple(v) for k, v in index.items()})


def _successor(unit: Province) -> Province | None:
    """Return the unit that ``unit`` merged into (or was renamed to), or ``None``."""
    if unit.merged_into is None or unit.valid_to is None:
        return None
    end = unit.valid_to
    return next(
        (
            u
            for u in provinces()
            if u.name == unit.merged_into
            and u.valid_from is not None
            and u.valid_from > end
        ),
        None,
    )


def province(name: str, *, on: datetime.date | None = None) -> Province | None:
    """Return the provincial unit called ``name`` (old or new name, or an alias).

    Without ``on`` the current unit of that name wins, else the latest one.
    With ``on`` the unit that existed that day is returned: an old unit
    after its merger leads to the unit it merged into ("Bắc Giang" on
    2025-08-01 is Bắc Ninh), and a renamed unit before the renaming leads
    back to its predecessor ("Huế" in 2024 is Thừa Thiên Huế). ``None``
    when nothing matches.
    """
    found = _provinces_by_key().get(place_key(name), ())
    if not found:
        return None
    if on is None:
        return max(found, key=lambda u: u.valid_to or datetime.date.max)
    for unit in found:
        if unit.exists_on(on):
            return unit
    for unit in found:
        later: Province | None = unit
        while later is not None and not later.exists_on(on):
            later = _successor(later)
        if later is not None:
            return later
    names = {u.name for u in found}
    before = [u for u in provinces() if u.merged_into in names and u.exists_on(on)]
    return before[0] if len(before) == 1 else None


# ------------------------------------------------------------------ vocabulary


@functools.cache
def titles() -> tuple[str, ...]:
    """Return position titles ("Phó Chủ tịch Thường trực", "Trưởng ban", ...), longest first."""
    return tuple(sorted((row["title"] for row in _load("titles.json")["titles"]), key=lambda t: (-len(t), t)))


@functools.cache
def honorifics() -> tuple[str, ...]:
    """Return the words that precede a name: honorifics, ranks, nouns for a person, form labels ("ông", "Đại tá", "nhà báo", ...)."""
    return tuple(row["word"] for row in _load("titles.json")["honorifics"])


@functools.cache
def degrees() -> tuple[str, ...]:
    """Return academic and honorary abbreviations that precede a name ("PGS", "TS", "NSND", ...), longest first.

    Texts chain and punctuate them freely ("PGS. TS", "GS.TSKH").
    """
    return tuple(sorted((row["abbreviation"] for row in _load("titles.json")["degrees"]), key=lambda t: (-len(t), t)))


@functools.cache
def former_markers() -> tuple[str, ...]:
    """Return the words before a title that mark a former post ("nguyên", "cựu")."""
    return tuple(m["word"] for m in _load("titles.json")["markers"] if m["meaning"] == "former")


@functools.cache
def acting_markers() -> tuple[str, ...]:
    """Return the words before a title that mark an acting post and stay in the title ("quyền")."""
    return tuple(m["word"] for m in _load("titles.json")["markers"] if m["meaning"] == "acting")


@attrs.frozen(kw_only=True)
class EventWord:
    """A word that names an event, with the contract's event kind.

    Attributes:
        word: The word ("tọa đàm").
        kind: The event kind (``"seminar"``).
        examples: Sentences in which the finder must find an event of this
            kind named by the word.
        not_after: Words that, right before it, make it no event word
            ("báo cáo" before "tổng kết": a report, not a review meeting).
        not_before: Words that, right after it, make it another word
            ("tiếp tục" is not "tiếp").

    """

    word: str
    kind: str
    examples: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()


@functools.cache
def event_words() -> tuple[EventWord, ...]:
    """Return event words ("tọa đàm" → seminar, "đại hội" → congress, ...), longest first."""
    words = (
        EventWord(
            word=w["word"],
            kind=w["kind"],
            examples=tuple(w.get("examples", ())),
            not_after=tuple(w.get("not_after", ())),
            not_before=tuple(w.get("not_before", ())),
        )
        for w in _load("event_words.json")["words"]
    )
    return tuple(sorted(words, key=lambda w: (-len(w.word), w.word)))


@functools.cache
def time_of_day_words() -> tuple[str, ...]:
    """Return the times of day that open a dated lead ("sáng", "chiều", "rạng sáng", ...), longest first."""
    return tuple(
        sorted((t["word"] for t in _load("event_words.json")["time_of_day"]), key=lambda t: (-len(t), t))
    )


@attrs.frozen(kw_only=True)
class OrganiserVerb:
    """A verb whose subject organises or hosts the event it governs ("tổ chức", "chủ trì", "tiếp").

    Attributes:
        words: The verb, lower case.
        not_after: Words that, right before it, make it no such verb.
        not_before: Words that, right after it, make it another verb ("tiếp tục").
        examples: ``{"text", "organisers"}`` cases a test runs through the parser.

    """

    words: str
    not_after: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()
    examples: tuple[Mapping[str, Any], ...] = ()


@functools.cache
def organiser_verbs() -> tuple[OrganiserVerb, ...]:
    """Return the verbs whose subject organises the event they govern, longest first."""
    rows = (
        OrganiserVerb(
            words=r["words"],
            not_after=tuple(r.get("not_after", ())),
            not_before=tuple(r.get("not_before", ())),
            examples=tuple(MappingProxyType(dict(e)) for e in r.get("examples", ())),
        )
        for r in _load("event_words.json")["organiser_verbs"]
    )
    return tuple(sorted(rows, key=lambda r: (-len(r.words), r.words)))


@functools.cache
def lunar_year_names() -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]:
    """Return the names of the sexagenary cycle: the ten stems from Giáp, the twelve branches from Tý.

    Each name is a tuple of its spellings ("Quý", "Quí"); Giáp Tý is 1984.
    """
    data = _load("event_words.json")["lunar_years"]
    return tuple(tuple(n) for n in data["stems"]), tuple(tuple(n) for n in data["branches"])


@attrs.frozen(kw_only=True)
class RelativeDate:
    """A date the text counts from the article's own date ("hôm qua", "3 ngày trước").

    Attributes:
        words: The words as written, lower case; ``{n}`` stands for a count
            ("{n} ngày trước").
        offset: The offset from the article's date, in the terms of
            :class:`dateutil.relativedelta.relativedelta` (``{"days": -1}``),
            multiplied by the count when there is one.
        time_of_day: The time of day the words give ("sáng nay": "sáng").
        approximate: True when the words name a stretch rather than a day
            ("tuần qua"): such a date dates no event.
        examples: ``{"text", "published", "date"[, "end_date"]}`` cases a test
            runs through the date finder.

    """

    words: str
    offset: Mapping[str, int]
    time_of_day: str | None = None
    approximate: bool = False
    examples: tuple[Mapping[str, str], ...] = ()


@functools.cache
def relative_dates() -> tuple[RelativeDate, ...]:
    """Return the relative date words ("hôm qua" → one day before the article's date), longest first."""
    rows = (
        RelativeDate(
            words=r["words"],
            offset=MappingProxyType(dict(r["offset"])),
            time_of_day=r.get("time_of_day"),
            approximate=bool(r.get("approximate", False)),
            examples=tuple(MappingProxyType(dict(e)) for e in r.get("examples", ())),
        )
        for r in _load("event_words.json")["relative"]
    )
    return tuple(sorted(rows, key=lambda r: (-len(r.words), r.words)))


@functools.cache
def surnames() -> frozenset[str]:
    """Return Vietnamese family names (NFC, as written: "Nguyễn", "Đỗ", ...)."""
    return frozenset(_load("surnames.json")["surnames"])


@functools.cache
def sino_vietnamese_surnames() -> frozenset[str]:
    """Return Chinese family names in their Sino-Vietnamese reading that are not Vietnamese ones too ("Tập", "Thôi").

    The family names the two share (Vương, Lý, Trương ...) are in :func:`surnames`.
    """
    return frozenset(_load("surnames.json")["sino_vietnamese"])


@attrs.frozen(kw_only=True)
class Country:
    """A country as Vietnamese writes it, with variant spellings.

    ``ambiguous`` lists forms that are also ordinary words or given names
    ("Anh", "Đức"); match those only in a country context.

    Attributes:
        name: The usual Vietnamese name.
        variants: Other spellings.
        ambiguous: Variants that are also ordinary words.
        status: ``"verified"``, ``"partial"`` or ``"unverified"``.

    """

    name: str
    variants: tuple[str, ...]
    ambiguous: tuple[str, ...]
    status: str


@functools.cache
def countries() -> tuple[Country, ...]:
    """Return every country in the registry."""
    return tuple(
        Country(
            name=c["name"],
            variants=tuple(c["variants"]),
            ambiguous=tuple(c["ambiguous"]),
            status=c["status"],
        )
        for c in _load("countries.json")["countries"]
    )


@functools.cache
def _countries_by_key() -> Mapping[str, Country]:
    """Index countries by the :func:`name_key` of their name and variants."""
    return MappingProxyType(
        {name_key(n): c for c in countries() for n in (c.name, *c.variants)}
    )


def country(name: str) -> Country | None:
    """Return the country called ``name`` ("Mỹ" → Hoa Kỳ, "Cu Ba" → Cuba), or ``None``."""
    return _countries_by_key().get(name_key(name))


# ------------------------------------------------------------------ relations between organisations

#: The kinds of link between organisations.
RELATIONS = frozenset({"member_of", "branch_of", "organ_of", "succeeded_by"})


@attrs.frozen(kw_only=True)
class RegistryRelation:
    """A known link between two registry organisations ("vufo" member_of "mttq").

    Attributes:
        subject: Id of the organisation the link starts from.
        relation: ``"member_of"``, ``"branch_of"``, ``"organ_of"`` or ``"succeeded_by"``.
        object: Id of the organisation it points to.
        since: Since when, as an ISO date (``"2025"``, ``"2018-04-28"``), if known.
        status: ``"verified"`` or ``"partial"``.
        note: What the link rests on.
        sources: Source ids of the research notes.

    """

    subject: str
    relation: str
    object: str
    since: str | None
    status: str
    note: str | None
    sources: tuple[str, ...]


@attrs.frozen(kw_only=True)
class RelationRule:
    """A link every body of one sort has ("a provincial union is a member of VUFO").

    ``subject`` says which bodies it applies to (``kind``, ``level``: "local"
    or "central", ``partner``: a friendship association for one country,
    ``head_starts``: first words of the name); ``object`` which body they
    link to (``registry``: an id; ``head``: a name head, or "same";
    ``locality``: "same" or "central").

    Attributes:
        id: Short stable id of the rule.
        subject: Which bodies the rule applies to.
        relation: The kind of link.
        object: The body they link to.
        status: ``"verified"`` or ``"partial"``.
        note: What the rule rests on.
        sources: Source ids of the research notes.

    """

    id: str
    subject: Mapping[str, Any]
    relation: str
    object: Mapping[str, Any]
    status: str
    note: str | None
    sources: tuple[str, ...]


@functools.cache
def relations() -> tuple[RegistryRelation, ...]:
    """Return the known links between registry organisations."""
    return tuple(
        RegistryRelation(
            subject=r["subject"],
            relation=r["relation"],
            object=r["object"],
            since=r["since"],
            status=r["status"],
            note=r["note"],
            sources=tuple(r["sources"]),
        )
        for r in _load("org_relations.json")["links"]
    )


@functools.cache
def relation_rules() -> tuple[RelationRule, ...]:
    """Return the links every body of one sort has."""
    return tuple(
        RelationRule(
            id=r["id"],
            subject=MappingProxyType(dict(r["subject"])),
            relation=r["relation"],
            object=MappingProxyType(dict(r["object"])),
            status=r["status"],
            note=r["note"],
            sources=tuple(r["sources"]),
        )
        for r in _load("org_relations.json")["rules"]
    )


@functools.cache
def organ_words() -> tuple[str, ...]:
    """Words that make a name an organ of the body named after them ("Ban Thường vụ Tỉnh ủy X"), longest first."""
    return tuple(sorted(_load("org_relations.json")["organs"], key=lambda w: (-len(w), w)))


@functools.cache
def relation_phrases() -> Mapping[str, tuple[str, ...]]:
    """Phrases by which a text states a link between two bodies, by relation ("là thành viên của")."""
    return MappingProxyType({k: tuple(v) for k, v in _load("org_relations.json")["text"].items()})
