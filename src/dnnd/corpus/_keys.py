"""Keys under which records merge into entities, and the registry lookups behind them."""

from __future__ import annotations

import contextlib
import functools
import gc
from collections import Counter
from collections.abc import Iterator, Sequence

from .. import registry
from ..model import Document, Event, Organisation, Span
from ..normalise import canonical_tones, document_key, name_key, place_key, slug


@functools.lru_cache(maxsize=1 << 16)
def _fold_key(text: str) -> str:
    """Key merging spelling, tone, diacritic and "TP" variants of a name."""
    return slug(name_key(text))


@functools.cache
def _honorifics() -> tuple[str, ...]:
    return tuple(sorted({name_key(h) for h in registry.honorifics()}, key=len, reverse=True))


@functools.cache
def _honorific_starts() -> frozenset[str]:
    """The first words of every honorific, lower case (a name starting otherwise has none)."""
    return frozenset(h.split()[0] for h in _honorifics())


@functools.lru_cache(maxsize=1 << 16)
def _bare_name(name: str) -> str:
    """*name* without a leading honorific ("Ông Trần Công Thắng" -> "Trần Công Thắng")."""
    first = name.split(maxsplit=1)[0].lower() if name.strip() else ""
    if first not in _honorific_starts() and first.rstrip(".") not in _honorific_starts():
        return " ".join(name.split())
    words = name.split()
    changed = True
    while changed and len(words) > 2:
        changed = False
        low = name_key(" ".join(words))
        for h in _honorifics():
            n = len(h.split())
            if low.startswith(h + " ") and len(words) - n >= 2:
                words = words[n:]
                changed = True
                break
    return " ".join(words)


def _diacritics(text: str) -> int:
    return sum(1 for c in text if ord(c) > 127)


def _best_name(forms: Counter[str], *, person: bool = False) -> str:
    """Return the most written form, preferring forms with diacritics and (for people) a known surname.

    Ties go to the form with today's tone placement ("Thụy", not "Thuỵ"), then to the one seen first.
    """
    if len(forms) == 1:
        return next(iter(forms))
    order = {f: i for i, f in enumerate(forms)}
    surnames = registry.surnames() if person else frozenset()

    def score(f: str) -> tuple[bool, bool, int, bool, int]:
        known = bool(f.split()) and f.split()[0] in surnames
        return (_diacritics(f) > 0, known, forms[f], canonical_tones(f) == f, -order[f])

    return max(forms, key=score)


@functools.cache
def _registry_orgs() -> dict[str, registry.RegistryOrganisation]:
    return {o.id: o for o in registry.organisations()}


def _registry_org(org: Organisation) -> registry.RegistryOrganisation | None:
    if org.registry_id and org.registry_id in _registry_orgs():
        return _registry_orgs()[org.registry_id]
    return _registry_org_named((org.name, org.abbreviation, *sorted(org.aliases)))


@functools.lru_cache(maxsize=1 << 16)
def _registry_org_named(names: tuple[str | None, ...]) -> registry.RegistryOrganisation | None:
    for name in names:
        if name:
            found = _registry_by_name(name)
            if found is not None:
                return found
    return None


@functools.lru_cache(maxsize=1 << 16)
def _registry_by_name(name: str) -> registry.RegistryOrganisation | None:
    # registry.organisation_by_name, with the short way to the name key
    return registry._organisations_by_key().get(name_key(name))


@functools.lru_cache(maxsize=1 << 16)
def _place_key(place: str) -> str:
    unit = registry.province(place)
    return place_key(unit.name if unit else place)


@functools.cache
def _type_words() -> tuple[tuple[str, str], ...]:
    """(name_key of a type word, the word), longest first."""
    words = {name_key(t.word): t.word for t in registry.document_types()}
    return tuple(sorted(words.items(), key=lambda kv: -len(kv[0])))


def _type_word_at(text: str, spans: Sequence[Span]) -> str | None:
    """Return the document type word a citation starts with, as the text writes it."""
    for span in spans:
        surface = text[span.start : span.end]
        key = name_key(surface)
        for word_key, _word in _type_words():
            if key == word_key or key.startswith(word_key + " "):
                return " ".join(surface.split()[: len(word_key.split())])
    return None


def _doc_key(d: Document) -> str | None:
    if d.number:
        return "doc:" + slug(document_key(d.number))
    if d.title:
        return f"doc:{d.kind.value}:{slug(d.title)[:60]}"
    return None


def _event_key(e: Event) -> str:
    if e.date is None:
        return f"event:undated:{e.kind.value}:{slug(e.title or '')[:40]}"
    place = slug(_place_key(e.location)) if e.location else "-"
    return f"event:{e.date.iso}:{e.kind.value}:{place}"


@contextlib.contextmanager
def _bulk() -> Iterator[None]:
    """Pause the cyclic garbage collector while a bulk step builds many small objects.

    The index and the entities hold no reference cycles, but every full
    collection walks all of them: with the collector on, building 100,000
    articles spends most of its time in collections that free nothing.
    When the step ends, what it built is moved out of the collector's sight
    (:func:`gc.freeze`: objects without cycles are still freed as soon as
    they are unused) and collection resumes if it was on, so that the next
    full collection does not walk the whole corpus again.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_on:
            gc.enable()
