"""Character classes and word lists shared by the finders.

Regex fragments are plain strings, composed into compiled patterns by the
finders once, at first use. Word lists come from the registry (data, not
code) and are cached.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from .. import registry

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


def trie_alternation(words: object, *, ignorecase: bool = False) -> str:
    """The same matches as :func:`alternation`, written as a prefix tree.

    ``UBND|UB`` becomes ``UB(?:ND)?``. At any position the words that match
    form a chain of prefixes of each other, so the tree tries them in the
    same order as the flat longest-first alternation and matches exactly
    the same; but the regex engine tests one branch per character instead of
    every word at every position, and a pattern that starts with the tree
    gets the engine's first-character scan. Use it for big word lists in
    patterns that are searched through whole texts. Unlike the flat form,
    the result is not meant to be edited as text.

    Pass ``ignorecase=True`` when the result is used under ``(?i:...)``:
    the words are then lower-cased first, so that no two branches differ
    only by case (which would break the longest-first order).

    >>> trie_alternation(["UB", "UBND", "Sở"])
    '(?:Sở|UB(?:ND)?)'
    """
    items = {str(w) for w in words if w}  # type: ignore[attr-defined]
    if ignorecase:
        if not all(len(w.lower()) == len(w) for w in items):  # pragma: no cover - not in Vietnamese
            return alternation(items)
        items = {w.lower() for w in items}
    return _trie_regex(_trie(items), top=True)


def first_chars(*word_lists: object, ignorecase: bool = False, extra: str = "") -> str:
    r"""A lookahead that fails at once where none of the words can start.

    Put it in front of a pattern that must begin with one of the words
    (of any list): the pattern matches exactly what it matched, but the
    regex engine no longer tries every alternative at every position, only
    a character-set test. Under ``ignorecase`` (words used inside
    ``(?i:...)``) the set is case-insensitive too, with the engine's own
    folding. *extra* is added to the character set as written (``r"\d"``
    for a pattern that may also start with a digit). An empty list (whose
    alternation matches the empty string) gives no guard.

    >>> first_chars(["Chủ tịch", "Phó"], ["ông"])
    '(?=[CPô])'
    """
    chars: set[str] = set()
    for words in word_lists:
        items = [str(w) for w in words if w]  # type: ignore[attr-defined]
        if not items:
            return ""
        chars.update(w[0] for w in items)
    cls = "".join(re.escape(c) for c in sorted(chars)) + extra
    return f"(?=(?i:[{cls}]))" if ignorecase else f"(?=[{cls}])"


_END = ""  # key of the end-of-word marker in a trie node


def _trie(items: set[str]) -> dict[str, dict]:  # type: ignore[type-arg]
    """Build a character trie of *items*; the key ``_END`` marks the end of a word."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in items:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return root


def _trie_regex(node: dict[str, dict], *, top: bool = False) -> str:  # type: ignore[type-arg]
    parts = []
    for ch in sorted(k for k in node if k):
        child = node[ch]
        text = re.escape(ch)
        # follow a chain of single children as one literal run
        while len(child) == 1 and _END not in child:
            (ch2, child), = child.items()
            text += re.escape(ch2)
        parts.append(text + _trie_regex(child))
    if not parts:
        return "(?:)" if top else ""
    body = parts[0] if len(parts) == 1 and not top else "(?:" + "|".join(parts) + ")"
    if _END in node:
        return "(?:" + body + ")?"
    return body


@functools.cache
def province_names() -> tuple[str, ...]:
    """Every province and city name (old and new units, aliases included)."""
    names: set[str] = set()
    for unit in registry.provinces():
        names.add(unit.name)
        names.update(unit.aliases)
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


@functools.lru_cache(maxsize=4096)  # fed with names from the text: keep it bounded
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
def event_words_not_after() -> dict[str, tuple[str, ...]]:
    """Event word (lower case) -> the words that, right before it, make it no event word."""
    return {w.word.lower(): w.not_after for w in registry.event_words() if w.not_after}


@functools.cache
def event_words_not_before() -> dict[str, tuple[str, ...]]:
    """Event word (lower case) -> the words that, right after it, make it another word ("tiếp tục")."""
    return {w.word.lower(): w.not_before for w in registry.event_words() if w.not_before}


@functools.cache
def time_of_day_words() -> tuple[str, ...]:
    """Times of day that open a dated lead, lower case, longest first ("rạng sáng", "sáng" ...)."""
    return registry.time_of_day_words()


def organiser_verbs() -> tuple[registry.OrganiserVerb, ...]:
    """Verbs whose subject organises the event they govern ("tổ chức", "chủ trì", "tiếp")."""
    return registry.organiser_verbs()


def relative_dates() -> tuple[registry.RelativeDate, ...]:
    """Dates counted from the article's own date ("hôm qua", "3 ngày trước"), longest first."""
    return registry.relative_dates()


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


def generic_contexts() -> tuple[dict[str, Any], ...]:
    """Contexts in which a registry name is used generically ("Thủ tướng Chính phủ" as an office)."""
    contexts: list[dict[str, Any]] = registry._load("vocabulary.json").get("generic_contexts", [])
    return tuple(contexts)


@functools.cache
def place_lookalikes() -> tuple[frozenset[str], tuple[str, ...]]:
    """Province names that are often something else: (written bare, a person; longer names that start with one)."""
    data: dict[str, list[str]] = registry._load("vocabulary.json").get("place_lookalikes", {})
    return frozenset(data.get("typed_only", ())), tuple(data.get("longer_names", ()))


def mass_abbreviations() -> dict[str, str]:
    """Short forms of mass organisation heads -> the full head."""
    return dict(_vocabulary()["mass_abbreviations"])  # type: ignore[arg-type]
