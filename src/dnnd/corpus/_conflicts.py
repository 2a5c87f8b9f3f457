"""Facts on which articles, or an article and the registry, disagree."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from .. import registry
from ..model import Claim, Conflict, PartialDate
from ..normalise import name_key
from ._keys import _registry_by_name
from ._records import Citation, CorpusDocument, CorpusPerson, HeldPosition
from ._time import _compatible

__all__ = ["SOLE_TITLES", "document_conflicts", "position_conflicts", "registry_type_word", "title_family"]

_WORD_OF_KIND = {
    "directive": "Chỉ thị",
    "resolution": "Nghị quyết",
    "conclusion": "Kết luận",
    "decision": "Quyết định",
    "notice": "Thông báo",
    "decree": "Nghị định",
    "law": "Luật",
    "charter": "Điều lệ",
}


def registry_type_word(doc: registry.RegistryDocument) -> str | None:
    """Return the type word a registry document is issued under, when its kind and number fix it.

    A Party circular (``05-TT/TU``, ``TW``) is a "Thông tri", a State one
    (``01/2020/TT-BNG``) a "Thông tư"; ``None`` when the kind admits several
    words (Quy định / Quy chế, the schemes).

    >>> registry_type_word(registry.find_document("05-TT/TU")[0])
    'Thông tri'
    """
    if doc.kind == "circular":
        if "TTLT" in doc.number:
            return "Thông tư liên tịch"
        return "Thông tri" if re.fullmatch(r"\d+-TT/[^/]+", doc.number) else "Thông tư"
    return _WORD_OF_KIND.get(doc.kind)


#: titles one person holds at a time in a body ("Chủ tịch" of VUFO)
SOLE_TITLES = frozenset(
    name_key(t)
    for t in (
        "Chủ tịch", "Tổng Bí thư", "Tổng Thư ký", "Giám đốc", "Bộ trưởng", "Trưởng ban",
        "Hiệu trưởng", "Thủ tướng", "Viện trưởng", "Chủ tịch nước", "Chủ nhiệm",
    )
)  # fmt: skip


@functools.lru_cache(maxsize=1 << 12)
def title_family(title: str) -> str:
    """Return the ladder a title is on: "Phó Chủ tịch Thường trực" -> "chủ tịch"."""
    key = name_key(title)
    key = re.sub(r"^phó ", "", key)
    return re.sub(r" thường trực$", "", key)


def document_conflicts(doc: CorpusDocument) -> list[Conflict]:
    """The conflicts among one document's citations and the registry (date, issuer, kind, type word)."""
    reg = next((r for r in registry.documents() if r.id == doc.registry_id), None) if doc.registry_id else None
    subject = doc.number or doc.title or doc.id
    out: list[Conflict] = []

    def claim(c: Citation, value: str) -> Claim:
        return Claim(value=value, source=c.source, spans=c.spans, published=c.published)

    def reg_claim(value: str) -> Claim:
        return Claim(value=value, source="registry", from_registry=True)

    # dates: incompatible partial dates
    dated = [(c.date, claim(c, c.date.iso)) for c in doc.citations if c.date]
    if reg is not None and reg.date is not None:
        dated.append((PartialDate.from_date(reg.date), reg_claim(reg.date.isoformat())))
    distinct = list(dict.fromkeys(d for d, _ in dated))  # compare values, not every pair of citations
    if any(not _compatible(a, b) for i, a in enumerate(distinct) for b in distinct[i + 1 :]):
        out.append(Conflict(subject=subject, field="date", entity_id=doc.id, claims=tuple(c for _, c in dated)))

    # issuers: different bodies (by name key, or through the registry)
    def issuer_key(name: str) -> str:
        org = _registry_by_name(name)
        return org.id if org else name_key(name)

    def same_body(a: tuple[str, str], b: tuple[str, str]) -> bool:
        # one body, or one named inside the other ("Ban Thường vụ Thành ủy Hà Nội" / "Thành ủy Hà Nội")
        return a[0] == b[0] or f" {a[1]} " in f" {b[1]} " or f" {b[1]} " in f" {a[1]} "

    issued = [((issuer_key(c.issuer), name_key(c.issuer)), claim(c, c.issuer)) for c in doc.citations if c.issuer]
    if reg is not None and reg.issuer:
        issued.append(((issuer_key(reg.issuer), name_key(reg.issuer)), reg_claim(reg.issuer)))
    bodies = list(dict.fromkeys(k for k, _ in issued))
    if any(not same_body(a, b) for i, a in enumerate(bodies) for b in bodies[i + 1 :]):
        out.append(Conflict(subject=subject, field="issuer", entity_id=doc.id, claims=tuple(c for _, c in issued)))

    kinds = [claim(c, c.kind.value) for c in doc.citations]
    if reg is not None:
        kinds.append(reg_claim(reg.kind))
    if len({c.value for c in kinds}) > 1:
        out.append(Conflict(subject=subject, field="kind", entity_id=doc.id, claims=tuple(kinds)))
        return out

    words = [claim(c, c.type_word) for c in doc.citations if c.type_word]
    expected = registry_type_word(reg) if reg is not None else None
    if expected is not None and words:
        words.append(reg_claim(expected))
    if len({name_key(c.value) for c in words}) > 1:
        out.append(Conflict(subject=subject, field="type_word", entity_id=doc.id, claims=tuple(words)))
    return out


def position_conflicts(people: Iterable[CorpusPerson]) -> list[Conflict]:
    """The conflicts among positions at one date: two holders of one sole post, two ranks on one ladder."""
    out: list[Conflict] = []
    by_org_date: dict[tuple[str, str, str], list[HeldPosition]] = {}
    by_person_org_date: dict[tuple[str, str, str, str], list[HeldPosition]] = {}
    for person in people:
        for h in person.positions:
            if h.former or h.organisation_id is None or h.date is None or h.date.precision != "day":
                continue
            title_key = name_key(h.title)
            if title_key in SOLE_TITLES:
                by_org_date.setdefault((h.organisation_id, title_key, h.date.iso), []).append(h)
            family = (h.person_id, h.organisation_id, title_family(h.title), h.date.iso)
            by_person_org_date.setdefault(family, []).append(h)
    for (_, _, _), held in sorted(by_org_date.items()):
        if len({h.person_id for h in held}) > 1:
            claims = tuple(Claim(value=h.person, source=h.source, spans=h.spans, published=h.date) for h in held)
            subject = f"{held[0].title} of {held[0].organisation}"
            out.append(
                Conflict(
                    subject=subject,
                    field="holder",
                    entity_id=held[0].organisation_id or "",
                    claims=claims,
                    date=held[0].date,
                )
            )
    for (_, _, _, _), held in sorted(by_person_org_date.items()):
        titles = {name_key(h.title) for h in held}
        if len(titles) > 1 and len({h.source for h in held}) > 1:
            claims = tuple(
                Claim(value=f"{h.title}, {h.organisation}", source=h.source, spans=h.spans, published=h.date)
                for h in held
            )
            out.append(
                Conflict(
                    subject=held[0].person,
                    field="position",
                    entity_id=held[0].person_id,
                    claims=claims,
                    date=held[0].date,
                )
            )
    return out
