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

import functools
import re
from collections.abc import Iterator

import attrs

from . import _lexicon as _lex
from ._dates import find_dates
from ._lexicon import trie_alternation
from .model import DocumentKind, PartialDate
from .normalise import canonical_number

__all__ = ["DocumentMention", "find_documents"]


@attrs.frozen
class DocumentMention:
    """A cited document at ``[start, end)`` (the whole citation phrase)."""

    start: int
    end: int
    kind: DocumentKind
    number: str | None
    short: str | None = None  # "04" of "Chỉ thị 04"
    issuer_text: str | None = None
    issuer_start: int | None = None
    date: PartialDate | None = None
    title: str | None = None
    type_word: str | None = None  # the type as written ("Thông tư", "Chỉ thị")
    header: bool = False  # "Số: 12-CT/TW" heading the document itself


_UP = "A-ZĐƯ"
_PARTY = rf"(?P<party>\d{{1,4}}\s?[-\s]\s?[{_UP}]{{1,6}}(?:\.?[{_UP}]{{1,4}})?\s?/\s?(?:[{_UP}](?:\.?[{_UP}a-zđ]){{0,9}}))"
_STATE = (
    rf"(?P<state>\d{{1,5}}\s?/\s?(?:(?:19|20)\d\d\s?/\s?)?[{_UP}][{_UP}a-zđ]{{0,8}}(?:\.[{_UP}]{{1,4}})?"
    rf"(?:\s?-\s?[{_UP}][{_UP}a-zđ]{{0,9}}){{0,3}})"
)


@functools.cache
def _type_words() -> dict[str, DocumentKind]:
    return {w: DocumentKind(k) for w, k in _lex.document_words().items()}


@functools.cache
def _code_kinds() -> dict[str, DocumentKind]:
    return {c: DocumentKind(k) for c, k in _lex.document_codes().items()}


@functools.cache
def _pattern() -> re.Pattern[str]:
    words = trie_alternation({w for w in _type_words()} | {w.capitalize() for w in _type_words()} | {w.title() for w in _type_words()})
    return re.compile(
        rf"(?:(?P<word>{words})\s+)?(?:(?:số|Số|No\.?)\s*:?\s*)?(?:{_STATE}|{_PARTY})(?![{_UP}a-z0-9])"
        rf"|(?P<sword>{words})\s+(?:số\s+)?(?P<short>\d{{1,4}})\b(?![-/.,]\d|\s?[-/]\s?[{_UP}])"
    )


def _kind_from_code(number: str) -> DocumentKind:
    codes = _code_kinds()
    m = re.match(r"\d+-([A-ZĐ]+)", number)  # Party: 12-CT/TW
    if m is None:
        m = re.search(r"/([A-ZĐ]+)(?:-|\.|$)", number.split("/", 1)[1] if "/" in number else "")
        if m is None:
            parts = number.split("/")
            m = re.match(r"([A-ZĐ]+)", parts[-1]) if parts else None
    code = m.group(1) if m else ""
    kind = codes.get(code)
    if kind is None and code.startswith("QĐ"):
        kind = DocumentKind.DECISION
    return kind or DocumentKind.OTHER


_DIGIT = re.compile(r"\d")
_ISSUED_ON = re.compile(
    r"(?P<date>(?:[Nn]gày\s+)?[0-3]?\d\s?[/.-]\s?[01]?\d\s?[/.-]\s?(?:19|20)\d\d|[Nn]gày\s+[0-3]?\d\s+tháng\s+[01]?\d\s+năm\s+(?:19|20)\d\d)"
    r",?\s+[^.;\n]{2,60}?\bban hành\s+(?:\w+\s+){0,3}?(?:số\s*)?$"
)
_HEADER = re.compile(r"(?<![^\n])[ \t]*(?:Số|SỐ)\s*:\s*$")
_ISSUER = re.compile(r"\s*(?:,\s*)?(?:của|do)\s+(?P<issuer>[A-ZĐỦ][^,;:\"'()\n]{2,80}?)(?=\s+(?:về|ban hành|khóa|khoá|nhiệm kỳ)\b|[,;:\"'()\n.]|$)")
_ABOUT = re.compile(r"\s*(?:,\s*)?(?:về(?: việc)?|V/v)\s+(?P<q>\"?)(?P<title>[^\"\n]{4,200}?)(?(q)\"|(?=[;.\n]|\s\(|$))")
_QUOTED = re.compile(r"\s*(?:,\s*)?\"(?P<title>[^\"\n]{4,200})\"")


def find_documents(text: str, start: int = 0, end: int | None = None) -> Iterator[DocumentMention]:
    """Document citations in ``text[start:end]``."""
    end = len(text) if end is None else end
    if _DIGIT.search(text, start, end) is None:
        return  # every citation has a digit (a fast scan; most lines have none)
    words = _type_words()
    for m in _pattern().finditer(text, start, end):
        if m.group("short"):
            kind = words[m.group("sword").lower()]
            yield DocumentMention(m.start(), m.end(), kind, None, short=m.group("short"), type_word=m.group("sword"))
            continue
        raw = m.group("party") or m.group("state")
        number = canonical_number(raw)
        if m.group("state") and not re.search(r"[A-ZĐ]", number.split("/", 1)[1]):
            continue
        word = m.group("word")
        if word:
            kind = words[word.lower()]
            if kind is DocumentKind.CIRCULAR or word.lower() == "thông tư":
                kind = DocumentKind.CIRCULAR
        else:
            kind = _kind_from_code(number)
        pos = m.end()
        date = None
        dm = next(find_dates(text[pos : min(end, pos + 60)]), None)
        if dm is not None and text[pos : pos + dm.start].strip(" ,") in ("ngày", "ban hành ngày", ""):
            date = dm.date
            pos += dm.end
        elif (before := _ISSUED_ON.search(text, max(start, m.start() - 90), m.start())) is not None:
            # "Ngày 26/2/1993, UBND tỉnh ban hành Quyết định số ..."
            bd = next(find_dates(before.group("date")), None)
            date = bd.date if bd is not None and bd.date.precision == "day" else None
        issuer_text = issuer_start = None
        im = _ISSUER.match(text, pos, min(end, pos + 120))
        if im:
            issuer_text, issuer_start = im.group("issuer").strip(), im.start("issuer")
            pos = im.end("issuer")
        title = None
        am = _ABOUT.match(text, pos, min(end, pos + 260)) or _QUOTED.match(text, pos, min(end, pos + 260))
        if am:
            title = am.group("title").strip().strip('"').strip()
            title = title[:1].upper() + title[1:]
        num_start = m.start("party") if m.group("party") else m.start("state")
        header = bool(_HEADER.search(text, max(start, num_start - 12), num_start))
        yield DocumentMention(
            m.start(),
            m.end(),
            kind,
            number,
            issuer_text=issuer_text,
            issuer_start=issuer_start,
            date=date,
            title=title,
            type_word=word,
            header=header,
        )
