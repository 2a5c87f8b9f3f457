"""Corrections a user keeps in a small file: merge, split, rename, drop, fix a date.

The file is TOML (``.toml``) or JSON (anything else) and names entities by
what a user sees: a name, with a locality or the article it appears in when
the name alone is ambiguous, never by the corpus's internal ids::

    # overrides.toml
    [[merge]]                      # two spellings the corpus keeps apart are one body
    organisations = ["Hội hữu nghị Việt Nam - Cuba tỉnh Quảng Bình", "Hội Việt - Cuba Quảng Bình"]

    [[merge]]                      # two records of one person
    people = [{ name = "Nguyễn Viết Thảo", locality = "Hà Nội" }, { name = "Nguyễn Viết Thảo", source = "a025.txt" }]

    [[split]]                      # the mentions in these articles are another body
    organisation = "Hội hữu nghị Việt Nam - Cuba"
    sources = ["a025.txt"]
    name = "Hội hữu nghị Việt Nam - Cuba (Quảng Bình)"

    [[rename]]
    organisation = { name = "Cụm thi đua số 1 của Liên hiệp các tổ chức hữu nghị Việt Nam" }
    to = "Cụm thi đua số 1"

    [[drop]]                       # a false entity (everywhere, or only in one article with source)
    person = { name = "Hồ Chí Minh", source = "002.txt" }

    [[date]]                       # the article's printed date, or one event's date
    source = "dev011.txt"
    published = "2023-09-24"

    [[date]]
    source = "a024.txt"
    event = "XXXX-06-19"           # the event as the corpus dates it (kind = "..." to pick one)
    to = "2022-06-19"

A reference is a name (a string) or a table with ``name`` and optionally
``locality`` (province or city), ``source`` (an article) and, for a person,
``organisation`` (a body they hold a post in). Every entry must match
something in the corpus it is applied to; one that matches nothing, or an
organisation name that fits several bodies, is an
:class:`~dnnd.errors.OverrideError` naming the file and the entry.
"""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from ..errors import OverrideError
from ..model import EventKind, PartialDate

__all__ = ["DateFix", "EntityRef", "Override", "Overrides"]

_ACTIONS = ("merge", "split", "rename", "drop", "date")
_REF_KEYS = {"name", "locality", "source", "organisation"}


@attrs.frozen(kw_only=True)
class EntityRef:
    """An organisation or a person as a user sees it.

    Attributes:
        kind: ``"organisation"`` or ``"person"``.
        name: A name it goes by.
        locality: Its province or city (an organisation's locality, or where a
            person holds a post or is written about), if given.
        source: An article it appears in, if given.
        organisation: For a person, a body they hold a post in, if given.

    """

    kind: str
    name: str
    locality: str | None = None
    source: str | None = None
    organisation: str | None = None

    def describe(self) -> str:
        """The reference as a user wrote it ("Hội ... (locality Thanh Hóa, in dev012.txt)")."""
        extra = [f"locality {self.locality}" if self.locality else "", f"in {self.source}" if self.source else ""]
        extra.append(f"of {self.organisation}" if self.organisation else "")
        more = ", ".join(e for e in extra if e)
        return f"{self.kind} {self.name!r}" + (f" ({more})" if more else "")


@attrs.frozen(kw_only=True)
class Override:
    """One merge, split, rename or drop.

    Attributes:
        action: ``"merge"``, ``"split"``, ``"rename"`` or ``"drop"``.
        refs: The entities it names (two or more for a merge, one otherwise).
        sources: For a split, the articles whose mentions become another entity.
        to: For a rename, the new name; for a split, the name of the new entity.
        where: Where the entry is ("overrides.toml, [[merge]] #1"), for messages.

    """

    action: str
    refs: tuple[EntityRef, ...]
    sources: tuple[str, ...] = ()
    to: str | None = None
    where: str = ""


@attrs.frozen(kw_only=True)
class DateFix:
    """A corrected date: an article's printed date, or the date of one of its events.

    Attributes:
        source: The article.
        published: The corrected printed date (when fixing that).
        event: The event's date as the corpus has it (when fixing an event).
        kind: The event's kind, to pick one of several events on that date.
        to: The corrected event date.
        where: Where the entry is, for messages.

    """

    source: str
    published: PartialDate | None = None
    event: PartialDate | None = None
    kind: EventKind | None = None
    to: PartialDate | None = None
    where: str = ""


@attrs.frozen(kw_only=True)
class Overrides:
    """The corrections of one overrides file, applied on every build (see :mod:`dnnd.corpus`).

    Build it with :meth:`load` (a ``.toml`` or JSON file) or :meth:`from_dict`;
    :meth:`to_dict` gives the document back (a saved corpus keeps it, so a
    loaded corpus is corrected the same way).

    >>> o = Overrides.from_dict({"rename": [{"organisation": "VUFO", "to": "Liên hiệp Hữu nghị"}]})
    >>> o.entries[0].refs[0].describe(), o.entries[0].to
    ("organisation 'VUFO'", 'Liên hiệp Hữu nghị')

    Attributes:
        entries: Merges, splits, renames and drops, in file order.
        dates: Date corrections, in file order.
        origin: The file it was read from ("overrides" for a dict).
        document: The parsed document, as written.

    """

    entries: tuple[Override, ...] = ()
    dates: tuple[DateFix, ...] = ()
    origin: str = "overrides"
    document: Mapping[str, Any] = attrs.field(factory=dict, eq=False, repr=False)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Overrides:
        """Read an overrides file: TOML for a ``.toml`` path, JSON otherwise.

        Raises :class:`~dnnd.errors.OverrideError` for a missing or unreadable
        file, bad syntax or an entry of the wrong shape, naming the file.
        """
        name = os.fspath(path)
        try:
            raw = Path(path).read_bytes()
        except FileNotFoundError:
            raise OverrideError(f"{name}: no such overrides file") from None
        except OSError as err:
            raise OverrideError(f"{name}: cannot be read ({err.strerror or err})") from None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise OverrideError(f"{name}: not UTF-8 text") from None
        if name.lower().endswith(".toml"):
            data = _toml(text, name)
        else:
            try:
                data = json.loads(text)
            except json.JSONDecodeError as err:
                raise OverrideError(f"{name}: not valid JSON ({err.msg} at line {err.lineno})") from None
        return cls.from_dict(data, origin=name)

    @classmethod
    def from_dict(cls, data: Any, *, origin: str = "overrides") -> Overrides:
        """Read the parsed document (``{"merge": [...], "date": [...]}``); :class:`OverrideError` when malformed."""
        if not isinstance(data, Mapping):
            raise OverrideError(f"{origin}: an overrides file is a table of lists ([[merge]], [[split]] ...)")
        unknown = sorted(set(data) - {*_ACTIONS, "version", "note"})
        if unknown:
            raise OverrideError(f"{origin}: unknown section {unknown[0]!r} (expected one of {', '.join(_ACTIONS)})")
        version = data.get("version", 1)
        if version != 1:
            raise OverrideError(f"{origin}: overrides version {version!r} is not one this dnnd reads (1)")
        entries: list[Override] = []
        dates: list[DateFix] = []
        for action in _ACTIONS:
            items = data.get(action, [])
            if not isinstance(items, list):
                raise OverrideError(f"{origin}: [[{action}]] must be a list of tables")
            for n, item in enumerate(items, start=1):
                where = f"{origin}, [[{action}]] #{n}"
                if not isinstance(item, Mapping):
                    raise OverrideError(f"{where}: must be a table")
                if action == "date":
                    dates.append(_date_fix(item, where))
                else:
                    entries.append(_entry(action, item, where))
        return cls(entries=tuple(entries), dates=tuple(dates), origin=origin, document=dict(data))

    def to_dict(self) -> dict[str, Any]:
        """The document as read (what a saved corpus stores)."""
        return dict(self.document)

    def __bool__(self) -> bool:
        return bool(self.entries or self.dates)


def _toml(text: str, name: str) -> Any:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise OverrideError(f"{name}: not valid TOML ({err})") from None


def _text(item: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> str | None:
    value = item.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise OverrideError(f"{where}: {key!r} must be a non-empty string")
    return value.strip()


def _ref(kind: str, value: Any, where: str) -> EntityRef:
    if isinstance(value, str):
        value = {"name": value}
    if not isinstance(value, Mapping):
        raise OverrideError(f"{where}: a {kind} is a name or a table with 'name' (and 'locality', 'source')")
    unknown = sorted(set(value) - _REF_KEYS)
    if unknown or (kind == "organisation" and "organisation" in value):
        bad = unknown[0] if unknown else "organisation"
        raise OverrideError(f"{where}: unknown key {bad!r} in a {kind} reference")
    return EntityRef(
        kind=kind,
        name=str(_text(value, "name", where)),
        locality=_text(value, "locality", where, required=False),
        source=_text(value, "source", where, required=False),
        organisation=_text(value, "organisation", where, required=False),
    )


def _entry(action: str, item: Mapping[str, Any], where: str) -> Override:
    if action == "merge":
        kinds = [k for k in ("organisations", "people") if k in item]
        if len(kinds) != 1:
            raise OverrideError(f"{where}: a merge lists either 'organisations' or 'people'")
        names = item[kinds[0]]
        if not isinstance(names, list) or len(names) < 2:
            raise OverrideError(f"{where}: {kinds[0]!r} must list two or more entities")
        kind = "organisation" if kinds[0] == "organisations" else "person"
        return Override(action=action, refs=tuple(_ref(kind, n, where) for n in names), where=where)
    kinds = [k for k in ("organisation", "person") if k in item]
    if len(kinds) != 1:
        raise OverrideError(f"{where}: a {action} names either one 'organisation' or one 'person'")
    ref = _ref(kinds[0], item[kinds[0]], where)
    if action == "split":
        sources = item.get("sources")
        if not isinstance(sources, list) or not sources or not all(isinstance(s, str) and s for s in sources):
            raise OverrideError(f"{where}: a split lists the articles to split off in 'sources'")
        return Override(
            action=action,
            refs=(ref,),
            sources=tuple(sources),
            to=_text(item, "name", where, required=False),
            where=where,
        )
    if action == "rename":
        return Override(action=action, refs=(ref,), to=_text(item, "to", where), where=where)
    return Override(action=action, refs=(ref,), where=where)


def _date(value: Any, key: str, where: str) -> PartialDate:
    if not isinstance(value, str):
        raise OverrideError(f"{where}: {key!r} must be a date written YYYY-MM-DD, YYYY-MM, YYYY or XXXX-MM-DD")
    try:
        return PartialDate.from_iso(value)
    except ValueError:
        raise OverrideError(f"{where}: {key!r} is not a date: {value!r}") from None


def _date_fix(item: Mapping[str, Any], where: str) -> DateFix:
    source = str(_text(item, "source", where))
    if "published" in item:
        if "event" in item:
            raise OverrideError(f"{where}: fix either 'published' or an 'event', not both")
        return DateFix(source=source, published=_date(item["published"], "published", where), where=where)
    if "event" not in item or "to" not in item:
        raise OverrideError(f"{where}: give 'published', or 'event' (its date now) and 'to'")
    kind = None
    if "kind" in item:
        try:
            kind = EventKind(item["kind"])
        except ValueError:
            choices = ", ".join(k.value for k in EventKind)
            raise OverrideError(f"{where}: 'kind' must be one of {choices}") from None
    return DateFix(
        source=source, event=_date(item["event"], "event", where), kind=kind, to=_date(item["to"], "to", where), where=where
    )


def ref_list(refs: Sequence[EntityRef]) -> str:
    """The references as a user wrote them, for messages."""
    return "; ".join(r.describe() for r in refs)
