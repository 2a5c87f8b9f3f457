"""Finding organisation names.

Three sources work together, strongest first:

- the **registry**: every canonical name, alias and abbreviation of a known
  body (VUFO, Ban Bí thư Trung ương Đảng, ASEAN ...), matched literally;
- the **head rows** of the grammar (:mod:`.org_grammar`, data in
  ``organisation_heads.json``): a head followed by a locality ("Liên hiệp
  các tổ chức hữu nghị" + "tỉnh Bắc Giang", "Ủy ban MTTQ" + a bare
  "tỉnh", "Tỉnh ủy" + "Savannakhet"), a head with slots ("Sở {department}",
  "Hội hữu nghị {vn} - {pair}", "Đại sứ quán {nations} tại X");
- the **open classes**: a head noun ("Trường", "Trung tâm", "Viện", "Ban",
  "Hội" ...) followed by a name written the way Vietnamese capitalises the
  names of bodies - the first word of each part capitalised, the common
  words after it in lower case ("Hội Cựu chiến binh", "Trường Cao đẳng Sư
  phạm Trung ương"). Capitalisation is weak evidence: the name ends where
  grammar says a name ends (a comma, a lower-case verb or preposition, a
  place type, a date), and a line in title case is not read this way.

Where mentions overlap the longest wins, and on a tie the stronger source.
A body's organ or board written before it ("Ban Thường vụ Tỉnh ủy ...",
"Văn phòng UBND tỉnh") makes one mention of the two; an organ (Ban Chấp
hành, Ban Thường vụ ...) stays only where it acts or a post is held in it.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import attrs

from .. import registry
from ..model import OrganisationKind, PartialDate
from ..normalise import name_key, strip_diacritics
from . import patterns as _lex
from .org_grammar import (
    CAPRUN,
    Form,
    Grammar,
    HeadRow,
    bare_type_alternation,
    boards,
    central_organs,
    grammar,
    name_stop_re,
    organs,
    place_type_alternation,
    place_type_of,
)
from .patterns import UPPER, alternation, canonical_province, countries, province_names, trie_alternation

if TYPE_CHECKING:  # pragma: no cover
    from .context import FindContext

__all__ = ["OrgMention", "find_organisations"]


class _OrgForm(NamedTuple):
    """What an :class:`OrgMention` says besides where it is: shared by every mention that says the same."""

    head: str
    kind: OrganisationKind
    place: str | None = None
    place_kind: str | None = None
    registry_id: str | None = None
    abbreviation: str | None = None
    place_joiner: str = " "
    organ: str | None = None
    glued: bool = False
    row: str | None = None
    family: str | None = None
    of_article: str | None = None


_T = TypeVar("_T")


def _one_copy(table: dict[Any, _T], value: _T, limit: int = 4096) -> _T:
    """The one object of *value* kept in *table* (cleared when full: a process reading millions of names stays bounded)."""
    found = table.get(value)
    if found is None:
        if len(table) >= limit:
            table.clear()
        found = table[value] = value
    return found


#: the forms made lately, one object each (a form equals the tuple of its fields, so either finds it)
_FORMS: dict[tuple[object, ...], _OrgForm] = {}
_SET = object.__setattr__


def _fill(mention: OrgMention, start: int, end: int, form: _OrgForm) -> OrgMention:
    """Set the three slots of a new *mention* (frozen: through ``object.__setattr__``)."""
    _SET(mention, "start", start)
    _SET(mention, "end", end)
    _SET(mention, "form", form)
    return mention


class OrgMention:
    """An organisation named at ``[start, end)`` of the canonical text.

    ``head`` is the canonical name without locality; ``place`` the province,
    city, district or commune ("" when the text uses a bare "tỉnh"/"huyện"
    and the resolver must fix it, ``None`` when the body has no locality).
    ``place_kind`` is the type word ("tỉnh", "thành phố", "huyện" ...).
    ``registry_id`` is set for registry matches. ``glued`` names are written
    "{head} {place}" without the type word ("Tỉnh ủy Bắc Giang");
    ``row`` is the grammar row that found the mention; ``family`` names the
    rows of one family (one body in one place); ``organ`` is the organ named
    before the body ("Ban Thường vụ"); ``of_article`` marks "Hội" alone as
    the article's association ("local") or its central body ("central").

    Immutable. Everything but the offsets is one shared :class:`_OrgForm`
    (``form``): a text that names one body on every line holds one form and
    three slots a mention, not fourteen (56 bytes, not 152; one is made in
    about a third of the time of a frozen attrs class of fourteen fields).
    :meth:`evolve` makes a changed copy.

    >>> m = OrgMention(0, 4, "Liên hiệp các tổ chức hữu nghị Việt Nam", OrganisationKind.FRIENDSHIP_UNION)
    >>> m.evolve(start=1).form is m.form
    True
    """

    __slots__ = ("end", "form", "start")

    start: int
    end: int
    form: _OrgForm
    if TYPE_CHECKING:  # read from the form (properties made below the class, one per field of the form)
        head: str
        kind: OrganisationKind
        place: str | None
        place_kind: str | None
        registry_id: str | None
        abbreviation: str | None
        place_joiner: str
        organ: str | None
        glued: bool
        row: str | None
        family: str | None
        of_article: str | None

    def __init__(
        self,
        start: int,
        end: int,
        head: str,
        kind: OrganisationKind,
        place: str | None = None,
        place_kind: str | None = None,
        registry_id: str | None = None,
        abbreviation: str | None = None,
        place_joiner: str = " ",
        organ: str | None = None,
        glued: bool = False,
        row: str | None = None,
        family: str | None = None,
        of_article: str | None = None,
    ) -> None:
        key = (head, kind, place, place_kind, registry_id, abbreviation, place_joiner, organ, glued, row, family, of_article)
        form = _FORMS.get(key)
        _fill(self, start, end, form if form is not None else _one_copy(_FORMS, _OrgForm(*key)))

    def evolve(self, **changes: Any) -> OrgMention:
        """A copy with *changes* (any of the constructor's arguments), as :func:`attrs.evolve` makes one."""
        start = changes.pop("start", self.start)
        end = changes.pop("end", self.end)
        try:
            form = _one_copy(_FORMS, self.form._replace(**changes)) if changes else self.form
        except ValueError as e:  # (what namedtuple says of a name it does not have)
            raise TypeError(f"OrgMention has no field {sorted(changes.keys() - _OrgForm._fields)[0]!r}") from e
        return _fill(object.__new__(OrgMention), start, end, form)

    def __setattr__(self, name: str, value: object) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def __delattr__(self, name: str) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def __eq__(self, other: object) -> bool:
        if type(other) is not OrgMention:
            return NotImplemented
        return self.start == other.start and self.end == other.end and self.form == other.form

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.form))

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in self.form._asdict().items())
        return f"OrgMention(start={self.start!r}, end={self.end!r}, {fields})"

    def __reduce__(self) -> tuple[type[OrgMention], tuple[object, ...]]:
        return (OrgMention, (self.start, self.end, *self.form))


for _field in _OrgForm._fields:  # m.head is m.form.head ... (an attrgetter: read in C, no Python call)
    setattr(OrgMention, _field, property(operator.attrgetter(f"form.{_field}"), doc=f"The form's ``{_field}``."))
del _field


_PARTY_OR_FRONT = (OrganisationKind.PARTY, OrganisationKind.FRONT)
_KINDS = {k.value: k for k in OrganisationKind}  # a registry entry's kind by its value (a dict look-up, not an enum call)

# priority on a tie of spans: registry, closed rows, open classes
_REGISTRY, _ROW, _OPEN = 3, 2, 1


class _Candidate(NamedTuple):
    """A mention and what ranks it on a tie (a named tuple: cheaper to make than a frozen class)."""

    mention: OrgMention
    priority: int
    head_length: int = 0  # on a tie, the row whose own words cover more of the name


# ------------------------------------------------------------------ registry


@functools.cache
def _registry_index() -> tuple[re.Pattern[str], dict[str, registry.RegistryOrganisation]]:
    """One pattern for every registry name, alias and abbreviation.

    Names must start with a capital ("Chính phủ", not "phi chính phủ"), the
    rest matches in any case ("Diễn đàn Nhân dân ASEAN") and with any
    spacing around dashes ("Á - Âu"); abbreviations match exactly, except
    those that double as common nouns ("MTTQ các cấp"), which count only
    inside a longer name.
    """
    generic = set(_lex.generic_names())
    short_names: dict[str, registry.RegistryOrganisation] = {}
    abbreviations: dict[str, registry.RegistryOrganisation] = {}
    for org in registry.organisations():
        for name in (org.name, *org.aliases):
            if name in generic:
                continue
            short_names.setdefault(_registry_key(name), org)
        if org.abbreviation and org.abbreviation not in generic:
            abbreviations.setdefault(org.abbreviation, org)
    flexible = trie_alternation(short_names, ignorecase=True).replace(r"\-", r"\s?-\s?")
    pattern = re.compile(
        rf"(?<![\w-])(?:(?P<abbr>{trie_alternation(abbreviations)})|(?P<short>(?=[{UPPER}])(?i:{flexible})))(?!\w)"
    )
    index = {**short_names, **abbreviations}
    index.update({name_key(k): v for k, v in short_names.items()})
    return pattern, index


#: a dash and the white space around it (`\s*-\s*`); searched from the start, a match never starts right after
#: white space, so (?<!\s) changes nothing but makes a long run of spaces linear
_DASH_SPACES = re.compile(r"(?<!\s)\s+-\s*|-\s*")


def _registry_key(name: str) -> str:
    """A registry name as the index keys it: lower case, no space around a dash ("á-âu")."""
    return _DASH_SPACES.sub("-", name.lower())


def _registry_mentions(text: str, start: int, end: int) -> Iterator[_Candidate]:
    """Registry names, and a party or front with what names its parts.

    Its central organ before it ("Bộ Chính trị Đảng Nhân dân Cách mạng
    Lào") or a foreign province after it ("Đảng Nhân dân Campuchia tỉnh Svay
    Rieng") makes a longer mention of its own.
    """
    reg_pattern, names = _registry_index()
    pos = start
    while True:
        m = reg_pattern.search(text, pos, end)
        if m is None:
            return
        # names may overlap ("Ban Chấp hành Trung ương Đảng" and "Đảng Cộng sản Trung Quốc"): go on from the next word
        nxt = text.find(" ", m.start(), m.end())
        pos = nxt + 1 if nxt > 0 else m.end()
        abbr = m.group("abbr")
        if abbr:
            org = names[abbr]
        else:
            written = m.group()
            org = names.get(_registry_key(written)) or names[name_key(written)]
            if _foreign_after(text, m.end(), end):
                continue  # "Trung ương Đảng Campuchia", "Quốc hội Lào": the other country's body
            if written.isupper() and written.count(" ") < 2:
                continue  # "CHÍNH PHỦ" over a decree is its letterhead
        kind = _KINDS[org.kind]
        # positional (start, end, head, kind, place, place_kind, registry_id, abbreviation): cheaper than keywords
        mention = OrgMention(m.start(), m.end(), org.name, kind, None, None, org.id, org.abbreviation)
        yield _Candidate(mention, _REGISTRY)
        if abbr or kind not in _PARTY_OR_FRONT or not org.name.startswith(("Đảng", "Mặt trận")):
            continue  # only a party or a front itself has central organs named before it
        om = _central_organ_re().search(text, max(start, m.start() - 30), m.start())
        if om is not None:
            organ = central_organs()[_SPACES.sub(" ", om.group("organ"))]
            if not org.name.startswith(organ):
                whole = registry.organisation_by_name(f"{organ} {org.name}")  # "Ủy ban Trung ương MTTQ"
                if whole is not None:
                    yield _Candidate(OrgMention(om.start(), m.end(), whole.name, OrganisationKind(whole.kind),
                                                registry_id=whole.id, abbreviation=whole.abbreviation), _REGISTRY)
                else:
                    yield _Candidate(mention.evolve(start=om.start(), organ=organ, registry_id=None), _REGISTRY)
        tm = _typed_place_re().match(text, m.end(), end)
        if tm is not None and "province" in place_type_of()[tm.group("ptype")].levels:
            words = _trim_place(tm.group("place").split(), frozenset({"province"}))
            place = " ".join(words)
            if words and canonical_province(place) is None:
                kind_word = _type_word(tm.group("ptype"))
                yield _Candidate(
                    OrgMention(m.start(), tm.start("place") + len(place), org.name, kind, place=place, place_kind=kind_word),
                    _REGISTRY,
                )


def _foreign_after(text: str, pos: int, end: int) -> bool:
    """A country other than Việt Nam is named right after *pos*."""
    cm = _country_after_re().match(text, pos, end)
    return cm is not None and cm.group("country") not in _VIETNAM


_VIETNAM = frozenset({"Việt Nam", "VN", "Cộng hòa xã hội chủ nghĩa Việt Nam", "CHXHCN Việt Nam"})


@functools.cache
def _central_organ_re() -> re.Pattern[str]:
    return re.compile(rf"(?P<organ>{alternation(central_organs())})\s+$")


# ------------------------------------------------------------------ the step


def organisations_possible(text: str, start: int, end: int, published: PartialDate | None = None) -> bool:
    """The step's necessary condition: a head of the grammar or a registry name in ``text[start:end]``.

    Every candidate :func:`organisations_in` reads starts at one of them.
    """
    return grammar().trigger.search(text, start, end) is not None or _registry_index()[0].search(text, start, end) is not None


@functools.cache
def _hint_re() -> re.Pattern[str]:
    firsts = set(grammar().first_chars)
    firsts.update(org.abbreviation[0] for org in registry.organisations() if org.abbreviation)
    return re.compile(f"[{UPPER}{''.join(re.escape(c) for c in sorted(firsts))}]")


def organisations_hint(published: PartialDate | None = None) -> re.Pattern[str]:
    """The step's hint: a registry name starts with a capital or an abbreviation's first letter, a head with its own."""
    return _hint_re()


def find_organisations(ctx: FindContext) -> list[OrgMention]:
    """The step: organisation mentions in the window (longest wins on overlap)."""
    return organisations_in(ctx.text, ctx.start, ctx.end)


def organisations_in(text: str, start: int = 0, end: int | None = None, g: Grammar | None = None) -> list[OrgMention]:
    """Organisation mentions in ``text[start:end]`` read with grammar *g* (the data's by default)."""
    end = len(text) if end is None else end
    g = g or grammar()
    found: list[_Candidate] = []
    closed: dict[int, int] = {}  # where a longer head of a closed class matched, an open class does not
    title_case: _TitleCase | None = None
    for m in g.trigger.finditer(text, start, end):
        pos = m.start()
        # the forms whose first two words are the ones the trigger found, and in capitals if the head is
        lower, plans = _plans_at(g, m.group())
        if title_case is None:
            title_case = _TitleCase(text, start, end)
        ask = _HeadContext(text, pos, start, end, lower, title_case)
        for form, row, lower_first in plans:
            if lower and not lower_first and not ask("lower_open" if row.continuation else "lower_closed"):
                continue
            if row.not_after and _word_before(text, pos, start) in row.not_after:
                continue  # "Theo Báo ...": a source line
            if row.after and not _after_words_re(row.after).search(text, max(start, pos - 30), pos):
                continue  # "Hội" alone names the article's association only after its organ
            if row.continuation == "name" and ask("person"):
                continue  # "Nguyễn Trường Nhật Phượng", "bà Trường Thị Hiền": the head word is part of a person's name
            fm = form.pattern.match(text, pos, end)
            if fm is None:
                continue
            if not row.continuation:
                closed[pos] = max(closed.get(pos, 0), fm.end())
            elif closed.get(pos, 0) > fm.end():
                continue  # "Hội Liên hiệp Phụ nữ" alone is a common noun, not an open-class "Hội ..."
            # (a name read as a title's words is no body's: asked only once the name is there, the cheaper test)
            titled = ask.titled if row.continuation == "name" else None
            for c in _from_form(text, fm, form, g, start, end, titled):
                mention = c.mention.evolve(family=row.family) if row.family else c.mention
                found.append(_Candidate(mention, c.priority, fm.end() - fm.start()))
    found.extend(_registry_mentions(text, start, end))
    kept = [
        o
        for o in _longest(found)
        if not (
            _PLURAL.search(text, max(start, o.start - 12), o.start)
            and (not o.registry_id or _LOCAL_AFTER.match(text, o.end, end))
        )
        and not (o.row and _LEVEL_AFTER.match(text, o.end, end))
        and not (o.registry_id and _generic_context(text, o, start, end))
    ]
    return _with_organs(text, kept, start, end)


_FormPlan = tuple[Form, HeadRow, "str | None", bool, bool]
_HeadPlan = tuple[bool, tuple[tuple[Form, HeadRow, bool], ...]]
#: per grammar (by id, the grammar kept to tell a new one apart): its forms by first word, and the forms per head seen
_PLANS: dict[int, tuple[Grammar, dict[str, tuple[_FormPlan, ...]], dict[str, _HeadPlan]]] = {}


def _plans_at(g: Grammar, head: str) -> _HeadPlan:
    """Whether a *head* (a match of the trigger of *g*) is in lower case, and the forms of *g* that may start at it.

    The forms are (form, row, whether it starts in lower case): those whose
    first word is the head's; whose first two words, when they have two,
    are the head's as the trigger read them (unless the head is one
    lower-case word, which says nothing of them); in capitals if the head
    is ("ỦY BAN NHÂN DÂN" in a heading). Worked out once per head.
    """
    plans = _form_plans(g)
    seen = _PLANS[id(g)][2]
    found = seen.get(head)
    if found is None:
        written = head.split()[0]
        lower = head[0].islower()
        shouting = len(written) > 1 and written.isupper()
        spaced = _SPACES.sub(" ", head).lower()
        phrase = spaced if " " in spaced or not lower else None
        found = lower, tuple(
            (form, row, lower_first)
            for form, row, lead, lower_first, upper_first in plans.get(written.lower(), ())
            if not (lead is not None and phrase is not None and lead != phrase) and not (shouting and not upper_first)
        )
        if len(seen) > 4096:
            seen.clear()  # (white space inside a head makes new ones: keep the table bounded)
        seen[head] = found
    return found


def _form_plans(g: Grammar) -> dict[str, tuple[_FormPlan, ...]]:
    """The forms of *g* by first word, each with what the head loop asks of it, worked out once per grammar.

    (form, row, its first two words if it has two (else None), whether it
    starts in lower case, whether its first word is in capitals).
    """
    known = _PLANS.get(id(g))
    if known is not None and known[0] is g:
        return known[1]
    plans = {
        lead: tuple(
            (f, f.row, f.lead if f.lead is not None and " " in f.lead else None, f.lower_first, f.template.split()[0].isupper())
            for f in forms
        )
        for lead, forms in g.forms_by_lead.items()
    }
    if len(_PLANS) > 8:
        _PLANS.clear()  # grammars made for a test or an extension: keep a few
    _PLANS[id(g)] = (g, plans, {})
    return plans


#: searched over a slice (a short window), where the first match starts a word: (?<!\w) keeps long runs linear
_LAST_WORD = re.compile(r"(?<!\w)(\w+)\W*$")
_LAST_WORD_SPACE = re.compile(r"(?<!\w)(\w+)\s+$")
_SENTENCE_STOPS = tuple('.!?:;\n"(')


def _ends_sentence(tail: str) -> bool:
    r"""*tail* ends with a stop (``.!?:;"(`` or a line break) then white space: ``[.!?:;\n"(]\s*$`` searched, by a reverse scan."""
    body = tail.rstrip()
    return "\n" in tail[len(body) :] or body[-1:] in _SENTENCE_STOPS
_SPACES = re.compile(r"\s+")
_COUNTED = re.compile(r"(?:\d|\b[Cc]ác|\b[Nn]hững)\s*$")
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)\]\n]|$)")


def _word_before(text: str, pos: int, start: int) -> str:
    m = _LAST_WORD.search(text[max(start, pos - 20) : pos])
    return m.group(1) if m else ""


def _after_capitalised(text: str, pos: int, start: int) -> bool:
    """The word before *pos* is capitalised and not a title's: the two belong to one proper name."""
    lo = max(start, pos - 30)
    m = _LAST_WORD_SPACE.search(text[lo:pos])
    if m is None or not m.group(1)[0].isupper():
        return False
    if _ends_sentence(text[lo : lo + m.start()]) or m.start() == 0:
        return False  # the capital starts a sentence
    return _title_before(text, pos, lo) is None


@functools.cache
def _honorific_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?i:{alternation(registry.honorifics())})\s+$")


def _after_honorific(text: str, pos: int, start: int) -> bool:
    return _honorific_re().search(text, max(start, pos - 15), pos) is not None


class _HeadContext:
    """What the forms at one head ask of its context, each answer computed once and only when asked."""

    __slots__ = ("end", "lower", "pos", "seen", "start", "text", "title_case")

    def __init__(self, text: str, pos: int, start: int, end: int, lower: bool, title_case: _TitleCase) -> None:
        self.text, self.pos, self.start, self.end, self.lower, self.title_case = text, pos, start, end, lower, title_case
        self.seen: dict[str, bool] = {}

    def titled(self) -> bool:
        """Whether the head starts a title (or the window is in title case), not a body."""
        return self("title")

    def __call__(self, key: str) -> bool:
        if key not in self.seen:
            self.seen[key] = self._answer(key)
        return self.seen[key]

    def _answer(self, key: str) -> bool:
        text, pos, start = self.text, self.pos, self.start
        if key == "lower_open":
            return _lower_head_ok(text, pos, start, self.end, _OPEN_ROW)
        if key == "lower_closed":
            return _lower_head_ok(text, pos, start, self.end, _BOARD_ROW)
        if key == "person":
            return (not self.lower and _after_capitalised(text, pos, start)) or _after_honorific(text, pos, start)
        # "title": capitalisation says nothing in a title-case line; "Vụ trưởng" is a title
        return self.title_case() or _title_start_re().match(text, pos, self.end) is not None


class _TitleCase:
    """Whether the window is written in title case (most words capitalised); computed once, on demand."""

    __slots__ = ("end", "start", "text", "value")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self.value: bool | None = None

    def __call__(self) -> bool:
        if self.value is None:
            stop = min(self.end, self.start + 400)
            words = len(_WORD.findall(self.text, self.start, stop))
            caps = len(_CAP_WORD.findall(self.text, self.start, stop))
            self.value = words >= 8 and caps > 0.8 * words
        return self.value


_WORD = re.compile(r"[^\W\d_]+")
_CAP_WORD = re.compile(rf"(?<!\w)[{UPPER}]\w*")
_PLURAL = re.compile(r"(?:\b(?:các|những|mọi)\s+)$")
_LOCAL_AFTER = re.compile(r"\s+(?:địa phương|các cấp|cơ sở|các tỉnh)(?!\w)")  # "các Hội hữu nghị ... địa phương"
_LEVEL_AFTER = re.compile(r"\s+(?:các\s+cấp|cấp\s+(?:tỉnh|huyện|xã|cơ sở|trung ương|Trung ương))(?!\w)")


@functools.cache
def _generic_contexts() -> tuple[tuple[str, re.Pattern[str] | None, re.Pattern[str] | None, bool], ...]:
    """(registry name, words before, words after, unless a person is named) that make a name generic."""
    out: list[tuple[str, re.Pattern[str] | None, re.Pattern[str] | None, bool]] = []
    for c in _lex.generic_contexts():
        before = re.compile(rf"(?:{alternation(c['before'])})\s+$") if c.get("before") else None
        after = re.compile(rf"\s+(?:{alternation(c['after'])})(?!\w)") if c.get("after") else None
        out.append((str(c["name"]), before, after, bool(c.get("unless_person"))))
    return tuple(out)


def _generic_context(text: str, o: OrgMention, start: int, end: int) -> bool:
    """A registry name used generically: "Thủ tướng Chính phủ" naming the office, "Đảng, Chính phủ và nhân dân"."""
    for before, after, unless_person in _generic_contexts_of().get(o.head, ()):
        if before is not None and not before.search(text, max(start, o.start - 25), o.start):
            continue
        if after is not None and not after.match(text, o.end, end):
            continue
        if unless_person and _person_near_re().search(text, max(start, o.start - 120), min(end, o.end + 120)):
            continue
        return True
    return False


@functools.cache
def _generic_contexts_of() -> dict[str, list[tuple[re.Pattern[str] | None, re.Pattern[str] | None, bool]]]:
    """The contexts of :func:`_generic_contexts` by registry name, in their order."""
    out: dict[str, list[tuple[re.Pattern[str] | None, re.Pattern[str] | None, bool]]] = {}
    for name, before, after, unless_person in _generic_contexts():
        out.setdefault(name, []).append((before, after, unless_person))
    return out


@functools.cache
def _person_near_re() -> re.Pattern[str]:
    """A Vietnamese full name (a surname and one to three capitalised syllables)."""
    return re.compile(rf"(?<!\w){trie_alternation(_lex.surnames())}(?:\s[{UPPER}]\w*){{1,3}}(?!\w)")


def _longest(found: list[_Candidate]) -> list[OrgMention]:
    """Non-overlapping mentions, in text order.

    The registry and the rows first, the longest first (the stronger source
    on a tie); then the open-class names, each where it overlaps none of those
    except ones it contains whole ("Viện Nghiên cứu chiến lược Bộ Ngoại
    giao" contains "Bộ Ngoại giao").
    """
    if len(found) < 2:
        return [c.mention for c in found]
    strong = sorted(
        (c for c in found if c.priority > _OPEN),
        key=lambda c: (-(c.mention.end - c.mention.start), -c.priority, -c.head_length, c.mention.start),
    )
    chosen: list[OrgMention] = []
    taken: list[tuple[int, int]] = []  # sorted, disjoint
    for c in strong:
        s, e = c.mention.start, c.mention.end
        k = bisect.bisect_left(taken, (s, s))
        if (k and taken[k - 1][1] > s) or (k < len(taken) and taken[k][0] < e):
            continue
        taken.insert(k, (s, e))
        chosen.append(c.mention)
    open_ = sorted((c for c in found if c.priority == _OPEN), key=lambda c: (c.mention.start, -(c.mention.end - c.mention.start), -c.head_length))
    chosen.sort(key=lambda o: o.start)
    starts = [o.start for o in chosen]
    for c in open_:
        s, e = c.mention.start, c.mention.end
        k = bisect.bisect_left(starts, s)
        if k < len(starts) and starts[k] == s:
            continue
        if k and chosen[k - 1].end > s:
            continue  # overlaps a mention that starts before it
        j = k
        while j < len(chosen) and chosen[j].start < e:
            if chosen[j].end > e:
                break  # overlaps a mention that ends after it
            j += 1
        if j < len(chosen) and chosen[j].start < e:
            continue
        chosen[k:j] = [c.mention]  # it contains the mentions it covers
        starts[k:j] = [s]
    return chosen


# ------------------------------------------------------------------ lower-case heads

_PREPOSITIONS = frozenset({"tại", "của", "với", "và", "ở", "cho", "thăm", "giữa", "từ"})


@functools.cache
def _reversed_titles_re() -> re.Pattern[str]:
    reversed_titles = {t.lower()[::-1] for t in registry.titles()}
    return re.compile(rf"\s+(?:{trie_alternation(reversed_titles)})(?!\w)", re.IGNORECASE)


def _title_before(text: str, pos: int, lo: int) -> int | None:
    """The start of the title that ends right before *pos* (white space between), read backwards."""
    m = _reversed_titles_re().match(text[lo:pos][::-1])
    return pos - m.end() if m else None


@functools.cache
def _title_start_re() -> re.Pattern[str]:
    return re.compile(rf"(?i:{trie_alternation(registry.titles(), ignorecase=True)})(?!\w)")


@functools.cache
def _title_last_words() -> frozenset[str]:
    return frozenset(t.split()[-1].lower() for t in registry.titles())


def _lower_head_ok(text: str, pos: int, start: int, end: int, row: HeadRow) -> bool:
    """Whether a head written in lower case names a body here.

    It does after a title ("Trưởng ban ...", "Chủ tịch hội ...") or, for an
    open class, after a preposition ("tại trường ...").
    """
    after = text[pos : min(end, pos + 40)].split()
    if len(after) > 1 and after[1][:1].isupper() and after[1].lower() == after[0].lower():
        return False  # "Trưởng ban Ban Điều phối ...": the title's word, then the body
    before = text[max(start, pos - 40) : pos]
    words = before.split()
    if not words:
        return False
    prev = words[-1].lower()
    if prev in ("trưởng", "phó") or (prev in _title_last_words() and _title_before(text, pos, max(start, pos - 40)) is not None):
        return True
    return row.continuation is not None and prev in _PREPOSITIONS


# ------------------------------------------------------------------ from a form to mentions


def _from_form(
    text: str, m: re.Match[str], form: Form, g: Grammar, start: int, end: int, veto: Callable[[], bool] | None = None
) -> Iterator[_Candidate]:
    """The candidates a match *m* of *form* makes; none when its continuation is missing or then *veto* says so."""
    row = form.row
    priority = _OPEN if row.continuation else _ROW
    pos = m.end()
    groups = m.groupdict()
    if row.continuation:
        # (the continuation first: most heads of an open class have none, and the head's name is then not needed)
        cont = _CONTINUATIONS[row.continuation](text, pos, end, row, g)
        if cont is None:
            return
        cont_text, pos, cont_name = cont
        if veto is not None and veto():
            return
        if row.not_before and _not_before_re(row.not_before).match(cont_text):
            return
        name = cont_name if row.continuation == "foreign" else f"{_render(row, form, groups, g)} {cont_name}"
        if row.continuation == "name":
            split = _glued_province(name)
            if split is not None and not row.at:
                head, place = split
                yield _Candidate(
                    OrgMention(m.start(), pos, head, row.kind, place=place, place_kind=_kind_of(place, None),
                               place_joiner="", glued=True, row=row.id),
                    priority,
                )
                return
    else:
        name = _render(row, form, groups, g)
    if row.at:
        at = _at_match(text, pos, end, titled=_title_before(text, m.start(), max(start, m.start() - 40)) is not None)
        if at is not None:
            where, pos = at
            name = f"{name} tại {where}"
        elif row.at == "required":
            return
    for slot in ("nations", "nation", "pair"):
        value = groups.get(slot)
        if value and _unknown_syllable(value, g):
            return  # "Lãnh sự quán Việt nam": one Vietnamese syllable is no country
    if row.spread == "nations" and "nations" in groups:
        yield from _spread_nations(text, m, form, g, name, pos, priority)
        return
    if row.country and row.locality in ("none", "country"):
        cm = _country_after_re().match(text, pos, end)
        if cm and cm.group("country") not in _VIETNAM:  # "Bộ Ngoại giao Nhật Bản" is Japan's
            yield _Candidate(OrgMention(m.start(), cm.end(), f"{name} {cm.group('country')}", row.kind, row=row.id), priority)
            return
    if row.locality == "country":
        return
    if row.locality == "article":
        if _TOKEN.match(text, pos, end) and _cap_follows(text, pos, end):
            return  # "Hội Nông dân": a named body, not the article's association
        central = row.continuation is None and (name_key(m.group()).startswith("trung ương") or name_key(m.group()).endswith("trung ương"))
        yield _Candidate(OrgMention(m.start(), pos, name, row.kind, row=row.id, of_article="central" if central else "local"), priority)
        return
    if row.locality == "none":
        yield _Candidate(OrgMention(m.start(), pos, name, row.kind, row=row.id), priority)
        return
    if row.spread in ("places", "pairs"):
        items = list(_spread(text, m.start(), pos, end, row, name, g))
        if items:
            for item in items:
                yield _Candidate(item, priority)
            return
    if row.locality == "list":
        return
    located = _place_after(text, pos, end, row, titled=_title_before(text, m.start(), max(start, m.start() - 40)) is not None)
    if located is not None:
        glued = row.place_name == "glued" or (row.place_name == "as_written" and not located.place_joiner)
        yield _Candidate(located.evolve(start=m.start(), head=name, kind=row.kind, row=row.id, glued=glued), priority)
        return
    if row.country:
        cm = _country_after_re().match(text, pos, end)
        if cm:
            yield _Candidate(OrgMention(m.start(), cm.end(), f"{name} {cm.group('country')}", row.kind, row=row.id), priority)
            return
    if row.locality == "optional":
        yield _Candidate(OrgMention(m.start(), pos, name, row.kind, row=row.id), priority)
    elif row.locality == "bare" and not row.explicit:
        yield _Candidate(
            OrgMention(m.start(), pos, name, row.kind, place="", place_kind=row.bare_kind, row=row.id,
                       glued=row.place_name == "glued"),
            priority,
        )


@functools.cache
def _province_suffix_re() -> re.Pattern[str]:
    names = {u.name for u in registry.provinces()}
    return re.compile(rf"\s(?P<place>{alternation(names)})$")


@functools.lru_cache(maxsize=256)
def _after_words_re(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?i:{alternation(words)})\s+$")


@functools.lru_cache(maxsize=256)
def _not_before_re(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?i:{alternation(words)})(?!\w)")


def _glued_province(name: str) -> tuple[str, str] | None:
    """Split a province written at the end of an open-class name ("Hội Hoa văn Cần Thơ")."""
    m = _province_suffix_re().search(name)
    if m is None or m.start() == 0 or len(name[: m.start()].split()) < 2:
        return None
    return name[: m.start()], m.group("place")


def _unknown_syllable(value: str, g: Grammar) -> bool:
    """The first item of a country slot is one Vietnamese-looking syllable that names no country."""
    first = _SPACES.sub(" ", value.split(",")[0]).strip()
    if " " in first or registry.country(first) is not None or first.lower() in g.slots["pair"].canonical:
        return False
    return not _is_foreign_word(first)


def _render(row: HeadRow, form: Form, groups: dict[str, str | None], g: Grammar, override: dict[str, str] | None = None) -> str:
    """The canonical head of a match (its *groups*): the row's name template (or its form) with the slots filled."""
    values = {**groups, **override} if override else groups
    template = row.name if row.name is not None else _form_name(form.template, values)
    out = template
    for slot, value in values.items():
        if value is None or "{" + slot + "}" not in out:
            continue
        written = _squash(value)
        canon = g.slots[slot].canonical.get(written.lower(), written) if slot in g.slots else written
        out = out.replace("{" + slot + "}", canon)
    # one copy of a name however many mentions hold it (bounded: not sys.intern, whose strings live for ever on 3.12)
    return _one_copy(_NAMES, out[:1].upper() + out[1:])


#: the names :func:`_render` has made lately, each kept once
_NAMES: dict[str, str] = {}


def _form_name(template: str, values: dict[str, str | None]) -> str:
    """A form as a name: its optional parts kept where the text has them."""
    if "[" not in template:
        return template
    return _form_name_with(template, tuple(k for k, v in values.items() if k.startswith("opt") and v))


@functools.lru_cache(maxsize=512)
def _form_name_with(template: str, present: tuple[str, ...]) -> str:
    values = dict.fromkeys(present, "y")
    k = 0

    def optional(mo: re.Match[str]) -> str:
        nonlocal k
        key = f"opt{k}"
        k += 1
        return mo.group(1) if values.get(key) else ""

    return re.sub(r"\s+", " ", re.sub(r"\[([^\]]+)\]", optional, template)).strip()


#: a dash and the white space around it, as a name is written with it (searched from the start: (?<!\s) keeps runs linear)
_DASH_RUN = re.compile(r"(?<!\s)\s+-\s*|-\s+")
#: the word for a city before its name
_CITY_WORD = re.compile(r"^(?:TP\.?\s?|Thành phố\s|thành phố\s)")
#: a colon and the white space around it
_COLON_SPACED = re.compile(r"\s*:\s*")


def _squash(text: str) -> str:
    """White space collapsed, dashes spaced: the written form of a name."""
    spaced = _DASH_RUN.sub(" - ", _SPACES.sub(" ", text))
    return _JOINED_CAPS.sub(" - ", spaced).strip()


_JOINED_CAPS = re.compile(rf"(?<=\w)-(?=[{UPPER}])")  # "Việt-Hàn" is "Việt - Hàn"; "Mô-dăm-bích" stays


# ------------------------------------------------------------------ continuations

_TOKEN = re.compile(r"(?P<sp>[ \t]*)(?:(?P<w>\w+(?:[-/&']\w+)*)|(?P<p>[^\w\s]))")
_TAIL_MAX = 3  # lower-case syllables after a capitalised one ("Cựu chiến binh", "Chữ thập đỏ")


@functools.cache
def _surname_set() -> frozenset[str]:
    return frozenset(_lex.surnames())


@functools.cache
def _stop_caps() -> frozenset[str]:
    """Capitalised words that start a title or a new body: after a dash they end a name."""
    words = {t.split()[0] for t in registry.titles()}
    words |= {t.split()[0][:1].upper() + t.split()[0][1:] for t in registry.titles()}
    return frozenset(words)


def _name_continuation(text: str, pos: int, end: int, row: HeadRow, g: Grammar) -> tuple[str, int, str] | None:
    """The capitalised name after a head: ``(text, end, name)`` or ``None``.

    Each part starts with a capital; up to three lower-case syllables may
    follow it ("Cựu chiến binh"), and up to two may come before the first
    ("Trường tiểu học Quang Vinh"). "và", "-" and "," join parts only when a
    capital follows that does not start a new body, a title or a person's
    name. The name ends at punctuation, a stop word, a place type or a line
    end; when the lower-case run after the last part is too long to tell
    where the name ends, the run is left out. An acronym in brackets after a
    run of words ("Hội Cứu trợ trẻ em tàn tật Việt Nam (VINARAHC)") marks
    the whole run as the name.
    """
    acronym = _acronym_continuation(text, pos, end, row, g)
    if acronym is not None:
        return acronym
    stops = name_stop_re()
    place_type = _place_type_start_re()
    parts = 0
    run = 0  # capitalised syllables in a row: a proper name ("Cửu Long") takes no lower-case tail
    lead_in = 0
    name_end = -1
    tail: list[int] = []  # ends of the lower-case syllables after the last part
    clear = True  # what stopped the walk is a clear boundary
    i = pos
    joiner = False
    prev = ""
    for _ in range(28):
        tm = _TOKEN.match(text, i, end)
        if tm is None:
            clear = True
            break
        w = tm.group("w")
        if w is None or not tm.group("sp"):
            if w is None and tm.group("p") == "-" and parts and _joins(text, tm.end(), end, g):
                joiner = True
                run = 0
                i = tm.end()
                continue
            if w is None and tm.group("p") == "," and parts and _enumerated(text, tm.end(), end, g):
                joiner = True  # "Trung tâm Văn hóa, Thông tin và Thể thao"
                run = 0
                i = tm.end()
                continue
            clear = True
            break
        ws = tm.start("w")
        ptm = place_type.match(text, ws, end)
        if ptm and (parts or w[0].isupper()) and (w[0].islower() or _cap_follows(text, ptm.end(), end)):
            km = _known_place_re().match(text, tm.start(), end) if row.locality == "none" and parts else None
            if km is not None:
                name_end = km.end()  # "Đại học Quốc gia Thành phố Hồ Chí Minh": the place is part of the name
                tail = []
            clear = True
            break
        if w[0].isupper() or (w[0].isdigit() and (prev == "số" or (tail and prev.islower()))):
            if parts and not joiner and row.kind is not OrganisationKind.EDUCATION and _person_at(text, ws, end):
                clear = True
                break
            if parts and not joiner:
                rm = _registry_index()[0].match(text, ws, end)
                after = _TOKEN.match(text, rm.end(), end) if rm is not None else None
                if rm is not None and not (after and after.group("w") and after.group("w")[0].isupper()):  # "Viện Nghiên cứu chiến lược Bộ Ngoại giao": the body is named with its parent
                    name_end = rm.end()
                    tail = []
                    clear = True
                    break
            run = run + 1 if not tail and not joiner and parts else 1
            if _known_place_start_re().match(text, ws, end):
                run = 2  # a country or province is a proper name: no lower-case tail after it
            parts += 1
            name_end = tm.end()
            tail = []
            joiner = False
            prev = w
            i = tm.end()
            continue
        if w == "và" and parts and not joiner and _joins(text, tm.end(), end, g):
            joiner = True
            run = 0
            i = tm.end()
            continue
        if w[0].isdigit() or joiner or (stops.match(text, ws, end) and not (w == "và" and tail and _coordinated(text, tm.end(), end, g))):
            clear = True
            break
        if not parts:
            lead_in += 1
            if not row.lower_start or lead_in > 2:
                return None
            prev = w
            i = tm.end()
            continue
        if run > 1 and w != "số":
            if not tail and _ends_clause(text, tm.end(), end):
                name_end = tm.end()  # "báo Đại Đoàn kết.": one syllable before the clause ends
            elif registry.country(text[pos:name_end].strip()) is not None:
                return None  # "Ủy ban Việt Nam đoàn kết với ...": a country alone, and the name goes on
            clear = True  # lower case after a proper name ends the name
            break
        if w == "và" and tail and _coordinated(text, tm.end(), end, g):
            tail.append(tm.end())  # "Doanh nghiệp nhỏ và vừa Việt Nam"
            i = tm.end()
            continue
        tail.append(tm.end())
        prev = w
        if len(tail) > _TAIL_MAX:
            clear = False
            break
        i = tm.end()
    else:
        clear = False
    if not parts:
        return None
    if tail:
        name_end = tail[-1] if clear else tail[0]
    raw = text[pos:name_end].strip()
    return raw, name_end, _squash(raw)


_ACRONYM_AHEAD = re.compile(r"(?P<words>(?:\s+[\w/-]+){1,12}?)\s*\((?P<acr>[A-Z][A-Za-z0-9]{1,9})(?=[),/;\s])")


def _ends_clause(text: str, pos: int, end: int) -> bool:
    return pos >= end or _CLAUSE_END.match(text, pos, min(end, pos + 3)) is not None


def _cap_follows(text: str, pos: int, end: int) -> bool:
    nxt = _TOKEN.match(text, pos, end)
    return bool(nxt and nxt.group("w") and nxt.group("w")[0].isupper())


def _enumerated(text: str, pos: int, end: int, g: Grammar) -> bool:
    """After a comma, capitalised parts up to "và" and a last capitalised part: an enumeration inside one name."""
    if not _joins(text, pos, end, g):
        return False
    i = pos
    for _ in range(8):
        tm = _TOKEN.match(text, i, end)
        if tm is None or tm.group("p") or not tm.group("w"):
            return False
        if tm.group("w") == "và":
            return _joins(text, tm.end(), end, g)
        i = tm.end()
    return False


def _coordinated(text: str, pos: int, end: int, g: Grammar) -> bool:
    """After "và", one or two lower-case syllables and then a capital that continues the name."""
    i = pos
    for _ in range(3):
        tm = _TOKEN.match(text, i, end)
        if tm is None or not tm.group("w") or not tm.group("sp"):
            return False
        w = tm.group("w")
        if w[0].isupper():
            return i > pos and _joins(text, i, end, g)
        if name_stop_re().match(text, tm.start("w"), end):
            return False
        i = tm.end()
    return False


def _has_stop(text: str, start: int, end: int) -> bool:
    """A stop word other than "và" (which joins the parts of a name) lies in the range."""
    stops = name_stop_re()
    return any(
        stops.match(text, m.start(), end) for m in _WORD.finditer(text, start, end) if m.group()[0].islower() and m.group() != "và"
    )


def _joins(text: str, pos: int, end: int, g: Grammar) -> bool:
    """A joiner ("và", "-") at *pos* joins two parts of one name: a capital follows that starts no body, title or person."""
    nxt = _TOKEN.match(text, pos, end)
    if nxt is None or not nxt.group("w") or (not nxt.group("sp") and text[pos - 1] != "-"):
        return False
    w = nxt.group("w")
    ws = nxt.start("w")
    if not w[0].isupper() or w in _stop_caps() or _person_at(text, ws, end) or (len(w) > 1 and w.isupper()):
        return False  # a title, a person, an acronym: another body
    if text[pos - 1] != "-" and (_known_place_start_re().match(text, ws, end) or _province_end_re().search(text, max(0, pos - 40), pos)):
        return False  # "Thừa Thiên Huế và Salavan": a list of places
    return not _starts_body(text, ws, end, g)


def _starts_body(text: str, pos: int, end: int, g: Grammar) -> bool:
    """A row's head or a registry name starts at *pos*."""
    w = _WORD.match(text, pos, end)
    if w is None:
        return False
    if any(f.pattern.match(text, pos, end) for f in g.forms_by_lead.get(w.group().lower(), ())):
        return True
    return _registry_index()[0].match(text, pos, end) is not None


@functools.cache
def _province_end_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){_provinces_flexible()}\s+và\s*$")


def _person_at(text: str, pos: int, end: int) -> bool:
    """A Vietnamese full name starts here (surname and two or more capitalised syllables, not a place)."""
    m = _PERSON.match(text, pos, end)
    if not (m and m.group(1) in _surname_set()) or _known_place_start_re().match(text, pos, end):
        return False
    second = max(pos, text.find(" ", pos, m.end()) + 1)  # (no space: white space of another kind; never offset 0)
    return not _known_place_start_re().match(text, second, end)  # "Kiều Hải Phòng": a word and a province


@functools.cache
def _known_place_start_re() -> re.Pattern[str]:
    return re.compile(rf"{trie_alternation((*province_names(), *countries()))}(?!\w)")


_PERSON = re.compile(rf"([{UPPER}]\w*)(?:\s[{UPPER}]\w*){{2,3}}(?!\w)")


@functools.cache
def _place_type_start_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{place_type_alternation()})(?!\w)")


_LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ'&.-]+")
_FUNCTION_WORDS = frozenset({"of", "for", "and", "the", "de", "du", "des", "la", "le", "et", "für", "und"})
_VN_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?")


@functools.lru_cache(maxsize=4096)
def _is_foreign_word(word: str) -> bool:
    """Tell whether *word* is no Vietnamese syllable (or an acronym): a pure test, asked again of the same words."""
    plain = strip_diacritics(word).replace("đ", "d").replace("Đ", "D")
    if len(word) >= 3 and word.isupper():
        return True
    return _VN_SYLLABLE.fullmatch(plain.lower()) is None


def _foreign_continuation(text: str, pos: int, end: int, row: HeadRow, g: Grammar) -> tuple[str, int, str] | None:
    """A name in a foreign language ("Oxfam Novib", "COPION"): Latin words, one of them not Vietnamese."""
    i = pos
    words: list[str] = []
    name_end = -1
    for _ in range(8):
        tm = _TOKEN.match(text, i, end)
        if tm is None or not tm.group("w") or not tm.group("sp"):
            break
        w = tm.group("w")
        if not _LATIN.fullmatch(w):
            break
        if w[0].isupper():
            words.append(w)
            name_end = tm.end()
        elif w.lower() not in _FUNCTION_WORDS or not words:
            break
        i = tm.end()
    if not words or not any(_is_foreign_word(w) for w in words) or " ".join(words) in _lex.generic_names():
        return None
    raw = text[pos:name_end].strip()
    return raw, name_end, _squash(raw)


def _phrase_continuation(text: str, pos: int, end: int, row: HeadRow, g: Grammar) -> tuple[str, int, str] | None:
    """Words up to a boundary, capitalised or not ("Ban Chỉ đạo công tác thông tin đối ngoại")."""
    stops = name_stop_re()
    place_type = _place_type_start_re()
    i = pos
    name_end = -1
    for _ in range(10):
        tm = _TOKEN.match(text, i, end)
        if tm is None or not tm.group("w") or not tm.group("sp"):
            break
        ws = tm.start("w")
        if stops.match(text, ws, end) or place_type.match(text, ws, end) or _person_at(text, ws, end):
            break
        if tm.group("w")[0].isupper() and any(f.pattern.match(text, ws, end) for f in g.forms_by_lead.get(tm.group("w").lower(), ())):
            break
        name_end = tm.end()
        i = tm.end()
    if name_end < 0:
        return None
    raw = text[pos:name_end].strip()
    return raw, name_end, _squash(raw)


def _acronym_continuation(text: str, pos: int, end: int, row: HeadRow, g: Grammar) -> tuple[str, int, str] | None:
    """Words up to an acronym in brackets ("Tổ chức Viện trợ nhân dân Na Uy (NPA)")."""
    if text.find("(", pos, end) < 0:
        return None  # (no bracket: the pattern cannot match, found without running it)
    am = _ACRONYM_AHEAD.match(text, pos, end)
    if am and am.group("words")[1:2].isupper() and not _has_stop(text, am.start("words"), am.end("words")):
        raw = am.group("words").strip()
        return raw, am.end("words"), _squash(raw)
    return None


_NUMBER_CONT = re.compile(rf"\s+(?:số\s+)?(\d+)(?:\s*-\s*[{UPPER}]\w+)?(?!\w)")


def _number_continuation(text: str, pos: int, end: int, row: HeadRow, g: Grammar) -> tuple[str, int, str] | None:
    """A unit's number ("Đội 584", "Tiểu đoàn 61 - Giron")."""
    m = _NUMBER_CONT.match(text, pos, end)
    if m is None:
        return None
    raw = m.group().strip()
    return raw, m.end(), _squash(raw)


_CONTINUATIONS = {
    "name": _name_continuation,
    "phrase": _phrase_continuation,
    "acronym": _acronym_continuation,
    "foreign": _foreign_continuation,
    "number": _number_continuation,
}


# ------------------------------------------------------------------ "tại X"


@functools.cache
def _at_re() -> re.Pattern[str]:
    places = trie_alternation((*province_names(), *countries()))
    return re.compile(
        rf"\s+tại\s+(?P<where>(?:TP\.?\s?|Thành phố\s|thành phố\s)?(?:{places}|HCM)(?!\w)|nước ta\b"
        rf"|(?:{_STATES}\s+)?{CAPRUN}(?!\w))"
    )


_STATES = r"(?:Cộng hòa Dân chủ Nhân dân|Cộng hòa|CHDCND|CH|Vương quốc|Liên bang|LB)"


def _at_match(text: str, pos: int, end: int, *, titled: bool = False) -> tuple[str, int] | None:
    """" tại X" after a body abroad or an embassy; after a title, an unknown X is one word (a name may follow)."""
    m = _at_re().match(text, pos, end)
    if m is None:
        return None
    where = m.group("where")
    stop = m.end()
    if titled and " " in where and not _known_place_start_re().fullmatch(where) and _known_place_start_re().match(where) is None:
        first = where.split()[0]
        stop = m.start("where") + len(first)
        where = first
    return _city(where), stop


def _city(text: str) -> str:
    t = _CITY_WORD.sub("", text.strip())
    if t in ("HCM", "Hồ Chí Minh"):
        return "Thành phố Hồ Chí Minh"
    if t == "nước ta":
        return "Việt Nam"
    return canonical_province(t) or t


# ------------------------------------------------------------------ localities


@functools.cache
def _known_place_re() -> re.Pattern[str]:
    return re.compile(
        rf"(?P<sep>\s*,\s+|\s+)(?:(?P<ptype>{place_type_alternation()})\s*)?(?P<place>{_provinces_flexible()})(?!\w)"
    )


@functools.cache
def _provinces_flexible() -> str:
    """Province names, any spacing around a dash ("Bà Rịa-Vũng Tàu")."""
    return alternation(province_names()).replace(r"\ \-\ ", r"\s?-\s?")


@functools.cache
def _typed_place_re() -> re.Pattern[str]:
    return re.compile(rf"\s+(?P<ptype>{place_type_alternation()})\s+(?P<place>{CAPRUN})(?!\w)")


@functools.cache
def _bare_place_re() -> re.Pattern[str]:
    return re.compile(rf"\s+(?P<bare>{bare_type_alternation()})(?!\w)")


_GLUED_PLACE = re.compile(rf"\s+(?P<place>{CAPRUN})(?!\w)")


@functools.cache
def _country_after_re() -> re.Pattern[str]:
    return re.compile(rf"\s+(?P<country>{alternation(countries())})(?!\w)")


def _place_after(text: str, pos: int, end: int, row: HeadRow, *, titled: bool = False) -> OrgMention | None:
    """The locality written after a head, as a mention holding only place fields (spans from *pos*)."""
    km = _known_place_re().match(text, pos, end)
    if km is not None and not row.foreign and not (km.group("sep").strip() and row.locality not in ("bare", "required")):
        ptype = km.group("ptype")
        place = canonical_province(km.group("place")) or km.group("place")
        pt = place_type_of()[ptype] if ptype else None
        kind: str | None = None
        if pt is None or ("province" in pt.levels and "province" in row.levels):
            if "province" in row.levels:
                kind = _kind_of(place, ptype)
        elif pt.levels & row.levels:
            kind = _type_word(ptype)
        if kind is not None:
            return OrgMention(pos, km.end(), "", row.kind, place=place, place_kind=kind, place_joiner=" " if ptype else "")
    tm = _typed_place_re().match(text, pos, end)
    if tm is not None:
        ptype = tm.group("ptype")
        pt = place_type_of()[ptype]
        levels = pt.levels & row.levels
        if row.domestic:
            levels -= {"province"}  # a Vietnamese province is in the registry
        words = _trim_place(tm.group("place").split(), levels)
        if words and titled and words[0] in _surname_set():
            words = []  # "Chủ tịch HĐND thành phố Trần Thọ": the title's holder, not a place
        if words and levels:
            place = " ".join(words)
            if not (row.foreign and canonical_province(place)):
                stop = tm.start("place") + len(place)
                low = _TOKEN.match(text, stop, end)
                if low and low.group("w") and low.group("sp") and low.group("w").islower() and _is_foreign_word(low.group("w")):
                    if not name_stop_re().match(text, low.start("w"), end):
                        stop = low.end()  # "tỉnh Prey veng"
                        place = text[tm.start("place") : stop]
                if pt.word is None:  # "Khu tự trị dân tộc Choang Quảng Tây" is the place's own name
                    return OrgMention(pos, stop, "", row.kind, place=f"{_squash(ptype)} {place}", place_kind="", place_joiner="")
                return OrgMention(pos, stop, "", row.kind, place=place, place_kind=pt.word)
    if row.glued and not row.domestic:
        gm = _GLUED_PLACE.match(text, pos, end)
        if gm is not None:
            words = _trim_place(gm.group("place").split(), row.levels)
            if words:
                place = " ".join(words)
                return OrgMention(pos, gm.start("place") + len(place), "", row.kind, place=place, place_joiner="")
    if row.explicit or row.locality == "none":
        return None
    bm = _bare_place_re().match(text, pos, end)
    if bm is not None:
        pt = place_type_of()[bm.group("bare")]
        if pt.levels & row.levels and not _names_a_place(text, bm.end(), end):
            return OrgMention(pos, bm.end(), "", row.kind, place="", place_kind=pt.word)
    return None


def _names_a_place(text: str, pos: int, end: int) -> bool:
    """A capitalised word follows that is not a person's name ("tỉnh Nguyễn Thảo" names a person)."""
    m = _SPACES.match(text, pos, end)
    if m is None or m.end() >= end or not text[m.end()].isupper():
        return False
    word = _WORD.match(text, m.end(), end)
    return not (word and word.group() in _surname_set()) and not _person_at(text, m.end(), end)


def _trim_place(words: list[str], levels: frozenset[str]) -> list[str]:
    """The words of an unknown place name: no person's name, title, country or province after it.

    A place of one syllable must look foreign ("Sekong"): a Vietnamese
    syllable alone is the start of something else ("tỉnh Đại hội").
    """
    if not words:
        return words
    if words[0] in _surname_set() and ("province" in levels or len(words) >= 3):
        return []
    out = [words[0]]
    for k, w in enumerate(words[1:], 1):
        if w in _stop_caps() or (w in _surname_set() and k + 1 < len(words)):
            break  # a title, or a person's name after the place
        known = _known_place_start_re().match(" ".join(words[k:]))
        if known and " " in known.group():
            break  # "thành phố Thượng Hải Trung Quốc"
        out.append(w)
    if len(out) == 1 and not _is_foreign_word(out[0]):
        return []
    return out


def _type_word(ptype: str | None) -> str | None:
    if not ptype:
        return None
    t = place_type_of()[ptype]
    return t.word or _squash(ptype)


def _kind_of(place: str, ptype: str | None) -> str:
    word = _type_word(ptype)
    if word in ("thành phố", "tỉnh"):
        return word
    unit = registry.province(place)
    if unit is not None and unit.type == "thành phố":
        return "thành phố"
    return "tỉnh"


# ------------------------------------------------------------------ lists


@functools.cache
def _list_item_re() -> re.Pattern[str]:
    return re.compile(rf"(?:(?:tỉnh|thành phố|TP\.?)\s*)?(?P<place>{alternation(province_names())})(?!\w)")


_LIST_HEAD = re.compile(r"\s+các\s+(?:tỉnh|tỉnh,\s*thành phố|tỉnh,\s*thành|địa phương)\s*:?\s*")
_LIST_SEP = re.compile(r"\s*(?:,|và)\s*")


def _spread(text: str, start: int, pos: int, end: int, row: HeadRow, name: str, g: Grammar) -> Iterator[OrgMention]:
    """One mention per item of a list after the head: places, or country pairs."""
    if row.spread == "places":
        lm = _LIST_HEAD.match(text, pos, end)
        if lm is None:
            return
        item_re = _list_item_re()
        i = lm.end()
        while i < end:
            pm = item_re.match(text, i, end)
            if not pm:
                return
            place = canonical_province(pm.group("place")) or pm.group("place")
            yield OrgMention(pm.start(), pm.end(), name, row.kind, place=place, place_kind=_kind_of(place, None), row=row.id)
            sm = _LIST_SEP.match(text, pm.end(), end)
            if not sm:
                return
            i = sm.end()
        return
    lm = _COLON_SPACED.match(text, pos, end)
    if lm is None:
        return
    pair_re = _pair_item_re(g)
    i = lm.end()
    while i < end:
        pm = pair_re.match(text, i, end)
        if not pm:
            return
        written = _squash(pm.group("pair"))
        pair = g.slots["pair"].canonical.get(written.lower(), written)
        yield OrgMention(pm.start(), pm.end(), f"Hội hữu nghị Việt Nam - {pair}", row.kind, place="", row=row.id)
        sm = _LIST_SEP.match(text, pm.end(), end)
        if not sm:
            return
        i = sm.end()


@functools.cache
def _pair_item_re_cached(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _pair_item_re(g: Grammar) -> re.Pattern[str]:
    vn = g.slots["vn"].pattern
    return _pair_item_re_cached(rf"(?:{vn})\s*-\s*(?P<pair>{g.slots['pair'].pattern})(?!\w)")


def _spread_nations(
    text: str, m: re.Match[str], form: Form, g: Grammar, name: str, pos: int, priority: int
) -> Iterator[_Candidate]:
    """"Đại sứ quán các nước Lào, Campuchia và Myanmar": one embassy per country.

    A group in the list ("các nước ASEAN, Mêhicô ...") names no embassy; a
    registry group stays a mention of its own.
    """
    row = form.row
    items = list(_nation_item_re(g).finditer(text, m.start("nations"), m.end("nations")))
    groups = list(_GROUP_WORD.finditer(text, m.start("nations"), m.end("nations")))
    if len(items) <= 1 and not groups:
        yield _Candidate(OrgMention(m.start(), pos, name, row.kind, row=row.id), priority)
        return
    for gm in groups:
        org = registry.organisation_by_name(gm.group())
        if org is not None:
            yield _Candidate(OrgMention(gm.start(), gm.end(), org.name, OrganisationKind(org.kind), registry_id=org.id,
                                        abbreviation=org.abbreviation), _REGISTRY)
    at = name[name.index(" tại ") :] if " tại " in name else ""
    first_group = groups[0].start() if groups else len(text)
    for k, item in enumerate(items):
        s = m.start() if k == 0 and item.start() < first_group else item.start()
        e = pos if k == len(items) - 1 else item.end()
        head = _render(row, form, m.groupdict(), g, {"nations": item.group()})
        yield _Candidate(OrgMention(s, e, head + at, row.kind, row=row.id), priority)


_GROUP_WORD = re.compile(r"(?<![\w-])[A-Z]{2,}(?![\w-])")


@functools.cache
def _nation_item_cached(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{pattern})(?!\w)")


def _nation_item_re(g: Grammar) -> re.Pattern[str]:
    return _nation_item_cached(g.slots["nation"].pattern)


# ------------------------------------------------------------------ organs and boards


@functools.cache
def _prefix_re() -> re.Pattern[str]:
    words = {*organs(), *boards()}
    return re.compile(rf"(?P<organ>(?i:{trie_alternation(words, ignorecase=True)}))\s+$")


@functools.cache
def _canonical_prefix() -> dict[str, str]:
    out = {w.lower(): w for w in (*organs(), *boards())}
    out["thường vụ"] = "Ban Thường vụ"
    return out


def _with_organs(text: str, found: list[OrgMention], start: int, end: int) -> list[OrgMention]:
    """Make a body's organ or board named before it one mention with the body.

    "Ban Thường vụ Tỉnh ủy Bắc Giang", "Văn phòng UBND tỉnh", "Bộ Chính
    trị Đảng Nhân dân Cách mạng Lào". The organs of a party or front
    ("Trung ương", "Bộ Chính trị") join only a party or a front. An organ
    (Ban Chấp hành, Ban Thường vụ ...) joins only where it acts or a post is
    held in it (:func:`_organ_counts`); words that end a title ("Phó Chủ
    tịch Thường trực Liên hiệp ...") are the title's.
    """
    out = []
    prev_end = start
    for o in found:
        m = _prefix_re().search(text, max(prev_end, o.start - 40), o.start)
        prev_end = o.end
        if m is None:
            out.append(o)
            continue
        written = m.group("organ")
        key = _SPACES.sub(" ", written).lower()
        canon = _canonical_prefix().get(key)
        ok = canon is not None and not o.head.startswith(canon) and o.organ is None
        is_organ = canon in organs()
        if ok and written[0].islower() and (is_organ or not _lower_head_ok(text, m.start(), start, end, _BOARD_ROW)):
            ok = False  # "Phó Trưởng ban Thường trực Ban ...": the title's words
        title_start = _title_before(text, o.start, max(start, m.start() - 40)) if ok else None
        if title_start is not None and title_start < m.start():
            ok = False  # "Phó Chủ tịch Thường trực", "Chánh Văn phòng": the words are the title's
        elif ok and is_organ:
            if canon in _title_words() and not _ORGAN_HELD.search(text, max(start, m.start() - 20), m.start()):
                ok = False  # "Thường trực" is a title too: an organ only where it acts ("Thay mặt Thường trực ...")
            elif not _organ_counts(text, m.start(), o.end, start, end, title_before=title_start == m.start()):
                ok = False
        out.append(o.evolve(start=m.start(), organ=canon, registry_id=None) if ok else o)
    return out


@functools.cache
def _title_words() -> frozenset[str]:
    return frozenset(registry.titles())


_ORGAN_HELD = re.compile(r"(?:[Tt]hay mặt|\bdo|\bcùng|\bvới|\bcủa|\btrong)\s+$")
_ORGAN_PASSIVE = re.compile(r"(?:chụp ảnh(?: lưu niệm)?\s+(?:cùng|với)|\bbầu|\bbầu ra|kiện toàn|ra mắt|[Hh]ội nghị|\bvào|\bcử|\bgiới thiệu)\s+$")
_ORGAN_TERM = re.compile(r"(?:\s*(?:,\s*)?(?:khóa|nhiệm kỳ|lần thứ)\s+[\w]+(?:\s*-\s*\d+)?)+")
_ORGAN_AFTER = re.compile(r"\s*(?P<next>ra mắt|gồm|có\s+\d)(?!\w)")
_ORGAN_ACTS = re.compile(
    r"\s*(?:đã|đang|sẽ|vừa|tổ chức|họp|phối hợp|thống nhất|quyết định|ban hành|chỉ đạo|thường xuyên|tiếp tục|triển khai"
    r"|trao|tặng|gửi|tiếp|thăm|làm việc|chủ trì|xây dựng|thông qua|kêu gọi)(?!\w)"
)


def _organ_counts(text: str, organ_start: int, body_end: int, start: int, end: int, *, title_before: bool) -> bool:
    """An organ is listed where it acts or a post is held in it, not where it is elected or presented.

    A title before it ("Ủy viên Ban Thường vụ ...") holds a post in it,
    unless a number counts the members ("35 Ủy viên Ban Chấp hành");
    "Thay mặt", "do", "của" ... before it make it act; "bầu", "kiện toàn",
    "Hội nghị" before it, or "gồm", "ra mắt" after it, make it the object
    of the story; after its term ("khóa II", "nhiệm kỳ 2021 - 2026") only a
    verb makes it act.
    """
    lo = max(start, organ_start - 40)
    before = text[lo:organ_start]
    title_start = _title_before(text, organ_start, lo)
    if title_before or title_start is not None:
        return not (title_start is not None and _COUNTED.search(text, lo, title_start))
    if _ORGAN_PASSIVE.search(before):
        return False
    if _ORGAN_HELD.search(before):
        return True
    term = _ORGAN_TERM.match(text, body_end, end)
    if term is not None:
        return _ORGAN_ACTS.match(text, term.end(), end) is not None
    return _ORGAN_AFTER.match(text, body_end, end) is None


_BOARD_ROW = HeadRow(id="board-prefix", kind=OrganisationKind.OTHER, forms=("Ban",), name=None)
_OPEN_ROW = HeadRow(id="open-class", kind=OrganisationKind.OTHER, forms=("Trường",), name=None, continuation="name")
