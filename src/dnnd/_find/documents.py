"""Finding citations of Party and State documents.

Shapes (see the registry's ``document_types.json``):

- Party: ``<n>-<TYPE>/<ISSUER>`` (``12-CT/TW``, ``05-TT/TU``), also written
  ``04 CT/TW``, ``45/CT-TU``, ``12-CT/TƯ``;
- State: ``<n>/<year>/<TYPE>-<ISSUER>`` (``80/2020/NĐ-CP``) and
  ``<n>/<TYPE>-<ISSUER>`` (``837/QĐ-TTg``).

A type word before the number ("Chỉ thị số") gives the kind; otherwise the
type code does. The date ("ngày 5/1/2022"), the issuer ("của Ban Bí thư
Trung ương Đảng") and the subject ("về ...") are read from the phrase that
follows. Short forms ("Chỉ thị 04") are linked to the full citation of the
same article by the resolver.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import attrs

from ..model import DocumentKind, PartialDate
from ..normalise import canonical_number
from . import patterns as _lex
from .dates import DateMention, dates_in
from .organisations import OrgMention
from .patterns import first_chars, trie_alternation

if TYPE_CHECKING:  # pragma: no cover
    from .context import FindContext

__all__ = ["DocumentMention", "citation_ranges", "find_documents"]


@attrs.frozen
class DocumentMention:
    """A cited document at ``[start, end)`` (the whole citation phrase)."""

    start: int
    end: int
    kind: DocumentKind
    number: str | None
    short: str | None = None  # "04" of "Chỉ thị 04"
    issuer: OrgMention | None = None  # the body after "của"/"do"
    date: PartialDate | None = None
    title: str | None = None
    type_word: str | None = None  # the type as written ("Thông tư", "Chỉ thị")
    header: bool = False  # "Số: 12-CT/TW" heading the document itself


_UP = "A-ZĐƯ"
_PARTY = rf"(?P<party>\d{{1,4}}\s?[-\s]\s?[{_UP}]{{1,6}}(?:\.?[{_UP}]{{1,4}})?\s?/\s?(?:[{_UP}](?:\.?[{_UP}a-zđ]){{0,9}}))"
_STATE = (
    rf"(?P<state>\d{{1,5}}\s?/\s?(?:(?:19|20)\d\d\s?/\s?)?[{_UP}][{_UP}a-zđ]{{0,8}}(?:\.[{_UP}]{{1,4}})?"
    rf"(?:\s?-\s?[{_UP}][{_UP}a-zđ]{{0,9}}){{0,3}}(?:-[a-z]{{1,2}}(?![\w/-]))?)"  # "462/BNG-CNV-m"
)


@functools.cache
def _type_words() -> dict[str, DocumentKind]:
    return {w: DocumentKind(k) for w, k in _lex.document_words().items()}


@functools.cache
def _code_kinds() -> dict[str, DocumentKind]:
    return {c: DocumentKind(k) for c, k in _lex.document_codes().items()}


@functools.cache
def _pattern() -> re.Pattern[str]:
    written = {w for w in _type_words()} | {w.capitalize() for w in _type_words()} | {w.title() for w in _type_words()}
    words = trie_alternation(written)
    # a citation starts with a type word, "số"/"No" or the number's first digit (the guard covers both forms)
    guard = first_chars(written, ["số", "Số", "No"], extra=r"\d")
    return re.compile(
        rf"{guard}(?:(?:(?P<word>{words})\s+)?(?:(?:số|Số|No\.?)\s*:?\s*)?(?:{_STATE}|{_PARTY})(?![{_UP}a-z0-9])"
        rf"|(?P<sword>{words})\s+(?:số\s+)?(?P<short>\d{{1,4}})\b(?![-/.,]\d|\s?[-/]\s?[{_UP}]))"
    )


_PARTY_CODE = re.compile(r"\d+-([A-ZĐ]+)")  # 12-CT/TW
_STATE_CODE = re.compile(r"/([A-ZĐ]+)(?:-|\.|$)")  # 80/2020/NĐ-CP, after the first "/"
_LAST_CODE = re.compile(r"([A-ZĐ]+)")  # the letters after the last "/"
_CODE_LETTER = re.compile(r"[A-ZĐ]")


def _kind_from_code(number: str) -> DocumentKind:
    codes = _code_kinds()
    m = _PARTY_CODE.match(number)  # Party: 12-CT/TW
    if m is None:
        slash = number.find("/")
        m = _STATE_CODE.search(number, slash + 1) if slash >= 0 else None
        if m is None:
            m = _LAST_CODE.match(number, number.rfind("/") + 1)
    code = m.group(1) if m else ""
    kind = codes.get(code)
    if kind is None and code.startswith("QĐ"):
        kind = DocumentKind.DECISION
    return kind or DocumentKind.OTHER


_DIGIT = re.compile(r"\d")
_NOT_SPACE = re.compile(r"\S")
_ISSUED_ON = re.compile(
    r"(?P<date>(?:[Nn]gày\s+)?[0-3]?\d\s?[/.-]\s?[01]?\d\s?[/.-]\s?(?:19|20)\d\d|[Nn]gày\s+[0-3]?\d\s+tháng\s+[01]?\d\s+năm\s+(?:19|20)\d\d)"
    r"(?:,?\s+[^.;\n]{2,60}?\bban hành\s+(?:\w+\s+){0,3}?(?:số\s*)?|,\s*tại\s+)$"
)
_HEADER = re.compile(r"(?<![^\n])[ \t]*(?:Số|SỐ)\s*:\s*$")
_ISSUER = re.compile(r"\s*(?:,\s*)?(?:của|do)\s+(?P<issuer>[A-ZĐỦ][^,;:\"'()\n]{2,80}?)(?=\s+(?:về|ban hành|khóa|khoá|nhiệm kỳ|ký|ngày)\b|[,;:\"'()\n.]|$)")
_ABOUT = re.compile(r"\s*(?:,\s*)?(?:về(?: việc)?|V/v)\s+(?P<q>\"?)(?P<title>[^\"\n]{4,200}?)(?(q)\"|(?=[;.\n]|\s\(|$))")
_QUOTED = re.compile(r"\s*(?:,\s*)?\"(?P<title>[^\"\n]{4,200})\"")
#: what each of _ISSUER, _ABOUT and _QUOTED starts with (a necessary condition of the three)
_TAIL = re.compile(r"\s*(?:,\s*)?(?:của|do|về|V/v|\")")


def _may_be_issued_on(text: str, start: int, end: int) -> bool:
    """A necessary condition of :data:`_ISSUED_ON` in ``text[start:end]``: it ends with "ban hành ..." or ", tại"."""
    return text.find("ban hành", start, end) >= 0 or text.find("tại", start, end) >= 0


def documents_hint(published: PartialDate | None = None) -> re.Pattern[str]:
    """The step's hint: a digit."""
    return _DIGIT


def documents_possible(text: str, start: int, end: int, published: PartialDate | None = None) -> bool:
    """The step's necessary condition: a digit (every citation has one)."""
    return _DIGIT.search(text, start, end) is not None


def find_documents(ctx: FindContext) -> Iterator[DocumentMention]:
    """The step: document citations in the window.

    The date is the date mention right after the number ("ngày 5/1/2022"),
    or one that introduces it ("Ngày 26/2/1993, UBND tỉnh ban hành Quyết
    định số ..."); the issuer is the organisation mention after "của"/"do".
    """
    text, start, end = ctx.text, ctx.start, ctx.end
    if _DIGIT.search(text, start, end) is None:
        return  # every citation has a digit (a fast scan; most lines have none)
    matches = _pattern().finditer(text, start, end)
    first = next(matches, None)
    if first is None:
        return  # (most lines with a digit cite nothing: nothing below is set up for them)
    words = _type_words()
    dates = ctx.dates
    date_starts = [d.start for d in dates]
    orgs = {o.start: o for o in ctx.organisations}
    # what the window holds at all, tested once: most citations have no issuer, title, header or "ban hành" near
    window = text[start:end]
    issuers = "của" in window or "do" in window
    tails = issuers or "về" in window or "V/v" in window or '"' in window
    issued = "ban hành" in window or "tại" in window
    headed = ":" in window
    out: list[DocumentMention] = []
    listed: list[tuple[int, int, str]] = []  # citations without an issuer: (index, end of what follows them, number)
    for m in itertools.chain((first,), matches):
        party, state, word, short = m.group("party", "state", "word", "short")
        if short:
            # "Kết luận số 12 ngày 12-8-2021 của Bộ Chính trị": a short number with its date and issuer
            kind = words[m.group("sword").lower()]
            sdate, sissuer = _date_and_issuer(text, m.end(), end, dates, date_starts, orgs)
            out.append(DocumentMention(
                m.start(), m.end(), kind, None, short=short, type_word=m.group("sword"), date=sdate, issuer=sissuer
            ))  # fmt: skip
            listed.clear()
            continue
        number = canonical_number(party or state)
        if state and not _CODE_LETTER.search(number, number.find("/") + 1):
            continue
        if word:
            kind = words[word.lower()]
            if kind is DocumentKind.CIRCULAR or word.lower() == "thông tư":
                kind = DocumentKind.CIRCULAR
        else:
            kind = _kind_from_code(number)
        m_start, m_end = m.span()
        pos = m_end
        date = None
        dm = _date_after(text, pos, min(end, pos + 60), dates, date_starts) if dates else None
        if dm is None and _NOT_SPACE.search(text, pos, end) is None:  # (else the window goes on: no wrapped date)
            dm = _wrapped_date(text, pos, end)
        if dm is not None:
            date = dm.date
            pos = dm.end
        elif issued and _may_be_issued_on(text, lo := max(start, m_start - 90), m_start) and (
            before := _ISSUED_ON.search(text, lo, m_start)
        ) is not None:
            # "Ngày 26/2/1993, UBND tỉnh ban hành Quyết định số ...", "Ngày 3-12-2008, tại Thông báo số ..."
            bd = next(dates_in(text, before.start("date"), before.end("date")), None)
            date = bd.date if bd is not None and bd.date.precision == "day" else None
        issuer = None
        title = None
        # "của"/"do" (issuer), "về"/"V/v" or a quote (title) next, or nothing to read (one scan for the three patterns)
        follows = tails and _TAIL.match(text, pos, end) is not None
        im = _ISSUER.match(text, pos, min(end, pos + 120)) if follows else None
        if im:
            issuer = orgs.get(im.start("issuer"))
            pos = im.end("issuer")
            if date is None:
                # "... số 849/QĐ-UBND của Chủ tịch UBND tỉnh ký ngày 17/4/2017", "Chỉ thị số X của Ban Bí thư ngày ..."
                dm = _date_after(text, pos, min(end, pos + 40), dates, date_starts)
                if dm is not None:
                    date = dm.date
                    pos = dm.end
        am = None
        if im or follows:  # (after an issuer, what follows it)
            am = _ABOUT.match(text, pos, min(end, pos + 260)) or _QUOTED.match(text, pos, min(end, pos + 260))
        if am:
            title = am.group("title").strip().strip('"').strip()
            title = title[:1].upper() + title[1:]
        num_start = m.start("party" if party else "state")
        header = headed and text.find(":", max(start, num_start - 12), num_start) >= 0 and bool(
            _HEADER.search(text, max(start, num_start - 12), num_start)
        )
        if issuer is None:
            if issuers:  # (a list's issuer comes after "của"/"do")
                listed.append((len(out), pos, number))
        elif listed:
            # "Nghị quyết số 36-NQ/TW ngày ..., Chỉ thị số 45-CT/TW ngày ... của Bộ Chính trị": one issuer for
            # the list, given to the citations before it that the list joins and whose numbers carry its code
            code = _issuer_code(number)
            nxt = m.start()
            for i, tail, own in reversed(listed):
                if _issuer_code(own) != code or not _LIST_JOIN.fullmatch(text, tail, nxt):
                    break
                out[i] = attrs.evolve(out[i], issuer=issuer)
                nxt = out[i].start
            listed.clear()
        out.append(DocumentMention(m_start, m_end, kind, number, None, issuer, date, title, word, header))
    yield from out


#: between two citations of one list: a comma, "và", "cùng"
_LIST_JOIN = re.compile(r"\s*(?:,|;|và|,\s*và|cùng)\s*")


def _issuer_code(number: str) -> str:
    """The code of the issuing body a number ends with: "TW" of "36-NQ/TW", "CP" of "80/2020/NĐ-CP"."""
    return number.rsplit("/", 1)[-1].rsplit("-", 1)[-1]


def _date_and_issuer(
    text: str, pos: int, end: int, dates: Sequence[DateMention], starts: Sequence[int], orgs: dict[int, OrgMention]
) -> tuple[PartialDate | None, OrgMention | None]:
    """The day right after a citation ("ngày 5/1/2022") and the body after it ("của Ban Bí thư"), in either order."""
    date: PartialDate | None = None
    dm = _date_after(text, pos, min(end, pos + 60), dates, starts)
    if dm is not None and dm.date.precision == "day":
        date, pos = dm.date, dm.end
    im = _ISSUER.match(text, pos, min(end, pos + 120))
    if im is None:
        return date, None
    if date is None:
        dm = _date_after(text, im.end("issuer"), min(end, im.end("issuer") + 40), dates, starts)
        if dm is not None and dm.date.precision == "day":
            date = dm.date
    return date, orgs.get(im.start("issuer"))


def _date_after(text: str, pos: int, stop: int, dates: Sequence[DateMention], starts: Sequence[int]) -> DateMention | None:
    """The date that follows a number (or its issuer) after nothing but "ngày", "(ban hành|ký) ngày" or a comma."""
    i = bisect.bisect_left(starts, pos)
    if i == len(dates) or dates[i].end > stop:
        return None
    dm = dates[i]
    return dm if text[pos : dm.start].strip(" ,") in _DATE_LINKS else None


_DATE_LINKS = frozenset({"ngày", "ban hành ngày", "ký ngày", "ký", "ban hành", ""})


def _wrapped_date(text: str, pos: int, end: int) -> DateMention | None:
    """A date on the next line, when a hard-wrapped text breaks a citation before "ngày"."""
    if _NOT_SPACE.search(text, pos, end) is not None:
        return None  # (a scan that stops at the first character: slicing the rest of the window was quadratic)
    nl = text.find("\n", pos, pos + 4)
    if nl < 0:
        return None
    nxt = nl + 1
    while nxt < len(text) and text[nxt] in " \t":
        nxt += 1
    if not text.startswith("ngày ", nxt):
        return None
    dm = next(dates_in(text, nxt, min(len(text), nxt + 40)), None)
    return dm if dm is not None and dm.start - nxt <= 5 and dm.date.precision == "day" else None


def citation_ranges(ctx: FindContext) -> Iterator[tuple[int, int]]:
    """The step: the stretch after each citation, whose dates date the document, not an event.

    Stretches that overlap or touch are given as one (the events step asks
    only whether a date lies in one): a list of citations is one range, not
    a range per citation.
    """
    limit = ctx.end
    ranges = sorted((d.start, min(limit, d.end + 90)) for d in ctx.documents)
    if not ranges:
        return
    lo, hi = ranges[0]
    for s, e in ranges:
        if s > hi:
            yield lo, hi
            lo, hi = s, e
        elif e > hi:
            hi = e
    yield lo, hi
