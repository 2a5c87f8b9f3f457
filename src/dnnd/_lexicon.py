"""Character classes and word lists shared by the finders.

Regex fragments are plain strings, composed into compiled patterns by the
finders once, at first use. Word lists come from the registry (data, not
code) and are cached.
"""

from __future__ import annotations

import functools
import re

from . import registry

UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
#: one capitalised syllable ("Nguyễn", "Knapper", "McDonald")
CAP = f"[{UPPER}][{LOWER}{UPPER}]*"
#: one lower-case syllable
LOW = f"[{LOWER}]+"
#: any word character run (letters and digits)
WORD = f"[{UPPER}{LOWER}0-9]+"


def alternation(words: object) -> str:
    """A regex alternation of literal *words*, longest first."""
    items = sorted({str(w) for w in words if w}, key=lambda w: (-len(w), w))  # type: ignore[attr-defined]
    return "(?:" + "|".join(re.escape(w) for w in items) + ")"


@functools.cache
def province_names() -> tuple[str, ...]:
    """Every province and city name (old and new units, aliases included)."""
    names: set[str] = set()
    for unit in registry.provinces():
        names.add(unit.name)
        names.update(unit.aliases)
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


@functools.cache
def canonical_province(name: str) -> str | None:
    """The registry name of a province written *name* (any variant)."""
    unit = registry.province(name)
    return unit.name if unit else None


@functools.cache
def surnames() -> frozenset[str]:
    """Vietnamese surnames (Nguyễn, Trần, Lê ...)."""
    return registry.surnames()


@functools.cache
def countries() -> tuple[str, ...]:
    """Country names as Vietnamese writes them, with variants."""
    names: set[str] = set()
    for country in registry.countries():
        names.add(country.name)
        names.update(country.variants)
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


@functools.cache
def _vocabulary() -> dict[str, list[str]]:
    return registry._load("vocabulary.json")  # type: ignore[no-any-return]


def departments() -> tuple[str, ...]:
    """Names of provincial departments (the X of "Sở X")."""
    return tuple(_vocabulary()["departments"])


def ministries() -> tuple[str, ...]:
    """Names of ministries (the X of "Bộ X")."""
    return tuple(_vocabulary()["ministries"])


def party_boards() -> tuple[str, ...]:
    """Party commissions (the X of "Ban X Trung ương")."""
    return tuple(_vocabulary()["party_boards"])


def mass_organisation_heads() -> tuple[str, ...]:
    """Mass organisations named with a locality (the X of "Hội X tỉnh Y")."""
    return tuple(_vocabulary()["mass_organisation_heads"])


@functools.cache
def organisation_by_id(org_id: str) -> registry.RegistryOrganisation | None:
    """The registry organisation with this id."""
    return next((o for o in registry.organisations() if o.id == org_id), None)


@functools.cache
def event_words() -> dict[str, str]:
    """Event word (lower case) -> event kind."""
    return {w.word.lower(): w.kind for w in registry.event_words()}


@functools.cache
def document_words() -> dict[str, str]:
    """Document type word (lower case) -> document kind ("chỉ thị" -> directive)."""
    return {t.word.lower(): t.kind for t in registry.document_types()}


@functools.cache
def document_codes() -> dict[str, str]:
    """Document type code ("CT") -> kind, from the type words' codes."""
    out: dict[str, str] = {}
    for t in registry.document_types():
        for code in t.codes:
            out.setdefault(code.upper(), t.kind)
    return out


def generic_names() -> tuple[str, ...]:
    """Words that name a body only inside a longer name ("MTTQ", "Liên hiệp")."""
    return tuple(_vocabulary()["generic_names"])


def organs() -> tuple[str, ...]:
    """A body's own organs ("Ban Thường vụ", "Đảng đoàn") that prefix its name."""
    return tuple(_vocabulary()["organs"])


def mass_abbreviations() -> dict[str, str]:
    """Short forms of mass organisation heads -> the full head."""
    return dict(_vocabulary()["mass_abbreviations"])  # type: ignore[arg-type]
