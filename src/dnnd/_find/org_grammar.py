"""The grammar of organisation names, compiled from data.

Rows of ``data/organisation_heads.json`` say how Vietnamese names a kind of
body: its *head* (the words that start the name, "Ủy ban nhân dân", "Sở
{department}", "Hội hữu nghị {vn} - {pair}"), whether a *locality* follows
("tỉnh Bắc Giang", "huyện Mèo Vạc", a bare "tỉnh" the resolver places), how
the canonical name is built, and whether a *continuation* (the capitalised
name of an open class: "Trường" + "Cao đẳng Sư phạm Trung ương") follows.

A form is a template: literal words (matched without regard to case after
the first letter, so "Hội Hữu nghị" is "Hội hữu nghị"), ``{slot}`` (a word
list: a registry vocabulary or a list of the data file), ``[optional
words]`` and ``-`` (any dash, with or without spaces). Every form is
compiled once; one *trigger* pattern finds the first word of every form,
and only the forms of the word found are tried there.

The words of the open-class grammar (place types, the lower-case words that
end a name) come from ``data/vocabulary.json``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from .. import registry
from ..model import OrganisationKind
from . import patterns as _lex
from .patterns import LOWER, UPPER, alternation, trie_alternation

__all__ = ["Example", "Form", "Grammar", "HeadRow", "grammar"]

LOCALITIES = ("none", "optional", "bare", "required", "list", "country", "article")
CONTINUATIONS = (None, "name", "phrase", "acronym", "foreign", "number")
SPREADS = (None, "places", "pairs", "nations")
PLACE_NAMES = ("typed", "glued", "as_written")
LEVELS = ("province", "district", "commune")


@attrs.frozen
class Example:
    """A row's example: *text* and the canonical name it gives (``None``: no organisation of the row)."""

    text: str
    name: str | None


@attrs.frozen
class HeadRow:
    """One row of the organisation grammar (see ``data/organisation_heads.json``).

    ``locality``: "none" (the name never takes a place), "optional" (a place
    follows or the body is the central one), "bare" (without a place the
    resolver gives it the article's), "required" (without any place the head
    is a common noun), "list" (the head names bodies only through a list of
    places or pairs), "country" (the head names a body only with a country
    after it: "Quốc hội Lào"), "article" (the head alone names the body the
    article is about: "Ban Chấp hành Hội", "Trung ương Hội"). ``levels`` are the administrative levels its place may
    have; ``glued`` rows take an unknown place name without a type word
    ("Tỉnh ủy Savannakhet"); ``domestic`` rows name Vietnamese bodies, whose
    province must be one of the registry; ``explicit`` rows need a place written out (no
    bare "tỉnh"); ``foreign`` rows need a place that is not a Vietnamese
    province; ``country`` rows also take a country as their place ("Hội Liên
    hiệp Phụ nữ Lào"). ``continuation`` is "name" (capitalised words,
    ``lower_start``: up to two lower-case syllables may come first),
    "phrase" (lower-case words up to a boundary), "acronym" (words up to an
    acronym in brackets), "foreign" (a name in a foreign language) or
    "number"; ``not_before`` lists words that may not start it. ``at`` adds " tại X" to the name ("required": the
    name needs it). ``place_name`` says how the resolver writes the place:
    "typed" ("... tỉnh X"), "glued" ("Tỉnh ủy X") or "as_written". Rows of one
    ``family`` name one body in one place; ``not_after`` lists words that may
    not come right before the head (a source line: "Theo Báo ..."), ``after``
    words one of which must ("Ban Chấp hành Hội"); ``bare_kind`` is the type of the
    place a bare head takes ("" for a place named with its type, "Khu tự
    trị ...").
    """

    id: str
    kind: OrganisationKind
    forms: tuple[str, ...]
    name: str | None
    locality: str = "none"
    levels: frozenset[str] = frozenset({"province"})
    glued: bool = False
    explicit: bool = False
    foreign: bool = False
    country: bool = False
    at: bool | str = False
    spread: str | None = None
    continuation: str | None = None
    not_before: tuple[str, ...] = ()
    lower_start: bool = False
    domestic: bool = False
    family: str | None = None
    bare_kind: str | None = None
    not_after: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    place_name: str = "typed"
    note: str = ""
    examples: tuple[Example, ...] = ()

    @classmethod
    def from_data(cls, d: Mapping[str, Any]) -> HeadRow:
        """Build a row from its JSON object (unknown keys are an error)."""
        known = {f.name for f in attrs.fields(cls)}
        unknown = set(d) - known
        if unknown:
            raise ValueError(f"organisation head {d.get('id')!r}: unknown keys {sorted(unknown)}")
        row = cls(
            id=d["id"],
            kind=OrganisationKind(d["kind"]),
            forms=tuple(d["forms"]),
            name=d.get("name"),
            locality=d.get("locality", "none"),
            levels=frozenset(d.get("levels", ["province"])),
            glued=d.get("glued", False),
            explicit=d.get("explicit", False),
            foreign=d.get("foreign", False),
            country=d.get("country", False),
            at=d.get("at", False),
            spread=d.get("spread"),
            continuation=d.get("continuation"),
            not_before=tuple(d.get("not_before", ())),
            lower_start=d.get("lower_start", False),
            domestic=d.get("domestic", False),
            family=d.get("family"),
            bare_kind=d.get("bare_kind"),
            not_after=tuple(d.get("not_after", ())),
            after=tuple(d.get("after", ())),
            place_name=d.get("place_name", "typed"),
            note=d.get("note", ""),
            examples=tuple(Example(e["text"], e["name"]) for e in d.get("examples", ())),
        )
        row.check()
        return row

    def check(self) -> None:
        """Raise :class:`ValueError` when a field holds a value the grammar does not know."""
        problems = []
        if self.locality not in LOCALITIES:
            problems.append(f"locality {self.locality!r}")
        if self.continuation not in CONTINUATIONS:
            problems.append(f"continuation {self.continuation!r}")
        if self.spread not in SPREADS:
            problems.append(f"spread {self.spread!r}")
        if self.place_name not in PLACE_NAMES:
            problems.append(f"place_name {self.place_name!r}")
        if not self.levels <= set(LEVELS):
            problems.append(f"levels {sorted(self.levels)}")
        if self.at not in (True, False, "required"):
            problems.append(f"at {self.at!r}")
        if not self.forms:
            problems.append("no forms")
        if problems:
            raise ValueError(f"organisation head {self.id!r}: unknown " + ", ".join(problems))


@attrs.frozen
class Form:
    """A form of a row: its pattern matches at the position of its first word.

    The pattern is compiled on first use: a text that never names an
    embassy never pays for the embassy forms.
    """

    row: HeadRow
    template: str
    regex: str
    lower_first: bool  # the form itself starts in lower case ("tổ chức", "chi hội")
    lead: str | None = None  # its first two literal words, lower case ("trung tâm"); None when a slot starts it

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled pattern (cached)."""
        return _compiled(self.regex)


@functools.lru_cache(maxsize=1024)
def _compiled(regex: str) -> re.Pattern[str]:
    return re.compile(regex)


# ------------------------------------------------------------------ slots

#: a capitalised word, foreign ones with hyphens ("Mô-dăm-bích", "Prey")
CAPWORD = rf"[{UPPER}][\w]*(?:-[\w]+)*"
#: up to three capitalised words: a place or a country outside the registry
CAPRUN = rf"{CAPWORD}(?:\s{CAPWORD}){{0,2}}"
_STATE_FORMS = r"(?:Cộng hòa Dân chủ Nhân dân|Cộng hòa|CHDCND|CH|Vương quốc|Liên bang|LB|Nhà nước|Đại công quốc)"


@functools.cache
def _country_names() -> tuple[str, ...]:
    return _lex.countries()


def _cased(word: str) -> str:
    """A literal word: matched in any case (the first letter is checked by the caller)."""
    return re.escape(word)


@functools.cache
def _vocabulary() -> dict[str, Any]:
    return registry._load("vocabulary.json")  # type: ignore[no-any-return]


@attrs.frozen
class Slot:
    """A slot of the templates: its pattern and the canonical value of each word."""

    pattern: str
    canonical: Mapping[str, str]  # lower-case written form -> canonical value
    first_words: frozenset[str]  # the first words its values start with (for slot-first forms)
    cased: bool = True  # matched with the case it is written in


def _word_slot(values: Mapping[str, Iterable[str]], *, cased: bool = False) -> Slot:
    canonical: dict[str, str] = {}
    for canon, forms in values.items():
        for f in (canon, *forms):
            canonical.setdefault(f.lower(), canon)
    words = {f for canon, forms in values.items() for f in (canon, *forms)}
    pattern = alternation(words).replace(r"\ \-\ ", r"\s*-\s*").replace(r"\ ", r"\s+")
    return Slot(pattern, canonical, frozenset(w.split()[0] for w in words), cased=cased)


def _build_slots(data: Mapping[str, Any]) -> dict[str, Slot]:
    slots = {name: _word_slot(values) for name, values in data.get("slots", {}).items() if name != "pair_short"}
    vocab = _vocabulary()
    for name in ("departments", "ministries", "party_boards"):
        slots[name[:-1] if name != "ministries" else "ministry"] = _word_slot({w: () for w in vocab[name]}, cased=False)
    mass: dict[str, list[str]] = {w: [] for w in vocab["mass_organisation_heads"]}
    for short, full in vocab["mass_abbreviations"].items():
        mass.setdefault(full, []).append(short)
    # a short form listed as a head of its own stays its own canonical name
    slots["mass"] = _word_slot(mass)
    slots["mass"] = attrs.evolve(
        slots["mass"],
        canonical={**slots["mass"].canonical, **{s.lower(): f for s, f in vocab["mass_abbreviations"].items()}},
    )
    country_alt = trie_alternation(_country_names())
    nation = rf"(?:{country_alt}(?!\w)|(?:{_STATE_FORMS}\s+)?(?![A-Z]{{2,}}\b){CAPWORD}(?:\s{CAPWORD}){{0,2}})"
    short = data.get("slots", {}).get("pair_short", {})
    pair_canon = {s.lower(): full for full, forms in short.items() for s in forms}
    short_alt = alternation({s for forms in short.values() for s in forms})
    slots["pair"] = Slot(rf"(?:{country_alt}(?!\w)|{short_alt}(?!\w)|{nation})", pair_canon, frozenset())
    slots["nation"] = Slot(nation, {}, frozenset())
    sep = r"\s*,\s*"
    group = r"[A-Z]{2,}(?!\w)"  # "các nước ASEAN, Lào ...": a group, not a country
    item = rf"(?:{nation}|{group})"
    slots["nations"] = Slot(rf"(?:{group}{sep})?{nation}(?:(?:{sep}|\s+và\s+){item}){{0,12}}", {}, frozenset())
    slots["number"] = Slot(r"(?:\d+|[IVXLC]+)(?!\w)", {}, frozenset())
    return slots


# ------------------------------------------------------------------ forms

_TOKEN = re.compile(r"\{(?P<slot>\w+)\}|\[(?P<opt>[^\]]+)\]|(?P<dash>-)|(?P<word>[^\s\[\]{}]+)")


def _compile_template(template: str, slots: Mapping[str, Slot], counter: list[int] | None = None) -> str:
    counter = [0] if counter is None else counter
    parts: list[tuple[str, str]] = []  # (kind, regex)
    for m in _TOKEN.finditer(template):
        if m.group("slot"):
            name = m.group("slot")
            if name not in slots:
                raise ValueError(f"unknown slot {{{name}}} in {template!r}")
            slot = slots[name]
            body = slot.pattern if not slot.cased else f"(?-i:{slot.pattern})"
            parts.append(("slot", f"(?P<{name}>{body})"))
        elif m.group("opt"):
            k = counter[0]
            counter[0] += 1
            parts.append(("opt", f"(?P<opt{k}>{_compile_template(m.group('opt'), slots, counter)})"))
        elif m.group("dash"):
            parts.append(("dash", ""))
        else:
            parts.append(("word", _cased(m.group("word"))))
    out = ""
    for i, (kind, rx) in enumerate(parts):
        if kind == "dash":
            out += r"\s*-\s*"
            continue
        if kind == "opt":
            out += f"(?:\\s+{rx})?"
            continue
        if i and parts[i - 1][0] != "dash":
            out += r"\s+"
        out += rx
    return out


def _first_words(template: str, slots: Mapping[str, Slot]) -> frozenset[str]:
    m = _TOKEN.match(template)
    if m is None:  # pragma: no cover - templates are checked by the tests
        raise ValueError(f"empty template {template!r}")
    if m.group("slot"):
        return slots[m.group("slot")].first_words
    return frozenset({m.group("word")})


def _lead_phrase(template: str) -> str | None:
    """The first two literal words of a template ("Trung tâm"), what the trigger looks for; None if a slot starts it."""
    words: list[str] = []
    for m in _TOKEN.finditer(template):
        if not m.group("word") or len(words) == 2:
            break
        words.append(m.group("word"))
    return " ".join(words) or None


@attrs.frozen
class Grammar:
    """The compiled grammar: rows, their forms by first word, the trigger, the slots."""

    rows: tuple[HeadRow, ...]
    slots: Mapping[str, Slot]
    forms_by_lead: Mapping[str, tuple[Form, ...]]
    trigger: re.Pattern[str]
    #: every character a match of :attr:`trigger` can start with
    first_chars: frozenset[str] = frozenset()

    @classmethod
    def from_data(cls, data: Mapping[str, Any], extra_rows: Sequence[Mapping[str, Any]] = ()) -> Grammar:
        """Compile the rows of *data* (and *extra_rows*, e.g. a new kind of body)."""
        slots = _build_slots(data)
        rows = tuple(HeadRow.from_data(d) for d in (*data["heads"], *extra_rows))
        ids = [r.id for r in rows]
        if len(set(ids)) != len(ids):
            raise ValueError("organisation heads: duplicate ids")
        by_lead: dict[str, list[Form]] = {}
        written: set[str] = set()
        for row in rows:
            for template in row.forms:
                rx = _compile_template(template, slots)
                phrase = _lead_phrase(template)
                form = Form(row, template, f"(?i:{rx})(?!\\w)", template[0].islower(), phrase.lower() if phrase else None)
                for lead in _first_words(template, slots):
                    by_lead.setdefault(lead.lower(), []).append(form)
                written.update({phrase} if phrase else _first_words(template, slots))
        lower = [w for w in data.get("lower_after_title", ()) if w.split()[0] in by_lead]
        trigger = re.compile(
            rf"(?<![\w-])(?:{_cased_trie(written)}|{trie_alternation(lower)}(?=\s+[{UPPER}]))(?!\w)"
        )
        # closed rows first: where one matches, an open class does not
        ordered = {k: tuple(sorted(v, key=lambda f: f.row.continuation is not None)) for k, v in by_lead.items()}
        firsts = frozenset(w[0] for w in (*written, *lower))
        return cls(rows, slots, ordered, trigger, firsts)


def _cased_trie(words: Iterable[str]) -> str:
    """An alternation of *words*: the first letter as written, the rest in any case."""
    groups: dict[str, set[str]] = {}
    for w in words:
        groups.setdefault(w[0], set()).add(w[1:].lower())
    parts = []
    for first in sorted(groups):
        rests = groups[first]
        rest = trie_alternation(rests).replace(r"\ ", r"\s+")  # the words of a two-word lead, any spacing
        parts.append(re.escape(first) + (f"(?i:{rest})" if rests != {""} else ""))
    return "(?:" + "|".join(parts) + ")"


@functools.cache
def grammar() -> Grammar:
    """The grammar of ``data/organisation_heads.json``, compiled once."""
    return Grammar.from_data(registry._load("organisation_heads.json"))


# ------------------------------------------------------------------ places


@attrs.frozen
class PlaceType:
    """A place type word ("tỉnh", "huyện" ...) with its written forms and levels."""

    word: str | None  # the canonical word; None keeps the written form ("Khu tự trị")
    forms: tuple[str, ...]
    levels: frozenset[str]
    bare: bool


@functools.cache
def place_types() -> tuple[PlaceType, ...]:
    """The place types of ``data/vocabulary.json``."""
    return tuple(
        PlaceType(t["word"], tuple(t["forms"]), frozenset(t["levels"]), t["bare"]) for t in _vocabulary()["place_types"]
    )


@functools.cache
def place_type_of() -> Mapping[str, PlaceType]:
    """Written place type form -> its type."""
    return {f: t for t in place_types() for f in t.forms}


@functools.cache
def place_type_alternation() -> str:
    """The one alternation of every written place type, longest first."""
    return alternation(place_type_of()).replace(r"\ ", r"\s")


@functools.cache
def bare_type_alternation() -> str:
    """The place types that may stand bare ("UBND tỉnh")."""
    return alternation(f for f, t in place_type_of().items() if t.bare and (f[0].islower() or f == "TP") and "." not in f)


# ------------------------------------------------------------------ words


@functools.cache
def name_stops() -> frozenset[str]:
    """Lower-case words and phrases that end an organisation's name."""
    return frozenset(_vocabulary()["name_stops"])


@functools.cache
def name_stop_re() -> re.Pattern[str]:
    """A stop word or phrase at a position (followed by a non-letter)."""
    return re.compile(rf"(?:{trie_alternation(name_stops())})(?![\w])")


@functools.cache
def organs() -> tuple[str, ...]:
    """A body's organs, listed only where they act or hold a post ("Ban Thường vụ")."""
    return tuple(_vocabulary()["organs"])


@functools.cache
def boards() -> tuple[str, ...]:
    """A body's boards and offices, bodies of their own ("Ban Tuyên giáo", "Văn phòng")."""
    return tuple(_vocabulary()["boards"])


@functools.cache
def central_organs() -> Mapping[str, str]:
    """Organs of a party or front named before it ("Bộ Chính trị" ...) -> canonical form."""
    return dict(_vocabulary()["central_organs"])


LOWER_WORD = f"[{LOWER}]+"
