"""Links between organisations: member of, branch of, organ of, succeeded by.

They come from four places, strongest first: an article saying so ("là
thành viên của", "thuộc"), the registry's curated links, a body's name ("Ban
Thường vụ Tỉnh ủy X" is an organ of "Tỉnh ủy X"), and the registry's rules
for every body of a sort (a provincial union is a member of VUFO; a
provincial friendship association of its province's union, and a branch of
the central association for its country). The 2025 merger of provinces
links a body of a merged province to the same body of the new province
(``succeeded_by``, dated): a relation, never a merge of their records.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

from .. import registry
from ..model import OrganisationKind, PartialDate
from ..normalise import place_key
from ._identity import Locality, OrgIdentity, head_key, name_identity, parse_locality, province_locality
from ._index import _merge_evidence
from ._queries import _Queries
from ._records import ArticleSummary, CorpusOrganisation, Relation

__all__ = ["_Links"]

#: which basis wins when two give the same link
_BASIS_ORDER = {"text": 0, "registry": 1, "name": 2, "rule": 3, "merger": 4}
#: a body's parent, most specific link first
_PARENT_ORDER = ("organ_of", "branch_of", "member_of")


class _Links(_Queries):
    """Relations between organisations (see :class:`~dnnd.corpus.Corpus`)."""

    def _all_relations(self) -> list[Relation]:
        cached = self._index.cache.get("relations")
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        found: dict[tuple[str, str, str], Relation] = {}

        def put(rel: Relation) -> None:
            key = (rel.kind, rel.subject_id, rel.object_id or rel.object)
            old = found.get(key)
            if old is None or _BASIS_ORDER[rel.basis] < _BASIS_ORDER[old.basis]:
                found[key] = rel

        for rel in self._text_relations():
            put(rel)
        by_registry = {ident.registry_id: key for key, ident in self._index.org_ident.items() if ident.registry_id}
        for key in sorted(self._index.orgs):
            org = self._organisation(key)
            ident = self._index.org_ident[key]
            for rel in self._registry_relations(org, by_registry):
                put(rel)
            organ = self._organ_relation(org)
            if organ is not None:
                put(organ)
            for rel in self._rule_relations(org, ident, by_registry):
                put(rel)
            merger = self._merger_relation(org, ident)
            if merger is not None:
                put(merger)
        out = sorted(found.values(), key=lambda r: (r.subject, r.kind, r.object))
        self._index.cache["relations"] = out
        return out

    # ---------------------------------------------------------- the four sources

    def _text_relations(self) -> list[Relation]:
        ix = self._index
        stated: dict[tuple[str, str, str], list[tuple[ArticleSummary, Any]]] = {}
        for ai, art in enumerate(ix.arts):
            if not art.relations:
                continue
            local = ix.local_orgs[ai]
            for rel in art.relations:
                if rel.subject >= len(art.organisations) or rel.object >= len(art.organisations):
                    continue
                s = local.get(art.organisations[rel.subject].name)
                o = local.get(art.organisations[rel.object].name)
                if s and o and s != o:
                    stated.setdefault((rel.relation, s, o), []).append((art, rel.spans))
        return [
            Relation(
                kind=kind,
                subject=self._org_name(s),
                subject_id=self._org_id(s),
                object=self._org_name(o),
                object_id=self._org_id(o),
                basis="text",
                evidence=_merge_evidence(items),
            )
            for (kind, s, o), items in stated.items()
        ]

    def _target(self, key: str | None, name: str) -> tuple[str, str | None]:
        if key is not None and key in self._index.orgs:
            return self._org_name(key), self._org_id(key)
        return name, None

    def _registry_relations(self, org: CorpusOrganisation, by_registry: Mapping[str, str]) -> list[Relation]:
        if org.registry_id is None:
            return []
        regs = {o.id: o for o in registry.organisations()}
        out = []
        for link in registry.relations():
            if link.subject != org.registry_id or link.object not in regs:
                continue
            name, oid = self._target(by_registry.get(link.object), regs[link.object].name)
            out.append(
                Relation(
                    kind=link.relation,
                    subject=org.name,
                    subject_id=org.id,
                    object=name,
                    object_id=oid,
                    basis="registry",
                    since=PartialDate.from_iso(link.since) if link.since else None,
                    note=link.note,
                )
            )
        return out

    def _organ_relation(self, org: CorpusOrganisation) -> Relation | None:
        """An organ word before another body's name: "Ban Thường vụ Tỉnh ủy X" is an organ of "Tỉnh ủy X"."""
        for word in registry.organ_words():
            for name in (org.name, *sorted(org.aliases)):
                if not name.lower().startswith(word.lower() + " "):
                    continue
                rest = name[len(word) + 1 :].strip()
                if rest.lower().startswith("của "):
                    rest = rest[4:]
                keys = self._org_keys(rest)
                keys.discard(self._org_key_by_id(org.id))
                if len(keys) == 1:
                    key = next(iter(keys))
                    return Relation(
                        kind="organ_of",
                        subject=org.name,
                        subject_id=org.id,
                        object=self._org_name(key),
                        object_id=self._org_id(key),
                        basis="name",
                    )
        return None

    def _org_key_by_id(self, oid: str) -> str | None:
        ids = self._index.cache.get("org-ids")
        if ids is None or len(ids) != len(self._index.orgs):
            ids = {self._org_id(k): k for k in self._index.orgs}
            self._index.cache["org-ids"] = ids
        return ids.get(oid)

    def _rule_relations(
        self, org: CorpusOrganisation, ident: OrgIdentity, by_registry: Mapping[str, str]
    ) -> list[Relation]:
        out = []
        local = ident.locality is not None and ident.locality.level == "province"
        partner = ident.head.startswith("hội hữu nghị việt nam-")
        for rule in registry.relation_rules():
            want = rule.subject
            if "kind" in want and org.kind is not OrganisationKind(want["kind"]):
                continue
            if want.get("level") == "local" and not local:
                continue
            if want.get("level") == "central" and ident.locality is not None:
                continue
            if want.get("partner") and not partner:
                continue
            starts = want.get("head_starts")
            if starts and not any(org.name.startswith(w + " ") for w in starts):
                continue
            target = self._rule_target(rule.object, org, ident, by_registry)
            if target is None:
                continue
            name, oid = target
            if oid == org.id:
                continue
            out.append(
                Relation(
                    kind=rule.relation,
                    subject=org.name,
                    subject_id=org.id,
                    object=name,
                    object_id=oid,
                    basis="rule",
                    note=rule.note,
                )
            )
        return out

    def _rule_target(
        self, spec: Mapping[str, Any], org: CorpusOrganisation, ident: OrgIdentity, by_registry: Mapping[str, str]
    ) -> tuple[str, str | None] | None:
        if "registry" in spec:
            reg = next((o for o in registry.organisations() if o.id == spec["registry"]), None)
            return None if reg is None else self._target(by_registry.get(reg.id), reg.name)
        where: Locality | None = ident.locality if spec.get("locality") == "same" else None
        if spec.get("head") == "same":
            head_words, _ = parse_locality(org.name)
            head = head_words
        else:
            head = str(spec["head"])
        written = head if where is None else f"{head} {_unit_word(where)} {where.name}"
        target = name_identity(written)
        if where is not None and target.locality != where:
            target = OrgIdentity(head=head_key(head, local=True), locality=where)
        key = self._index.plan.org_map.get(target.key, target.key) if self._index.plan else target.key
        if key in self._index.orgs:
            return self._org_name(key), self._org_id(key)
        if target.registry_id is not None:
            reg = next((o for o in registry.organisations() if o.id == target.registry_id), None)
            if reg is not None:
                return self._target(by_registry.get(reg.id), reg.name)
        return written, None

    def _merger_relation(self, org: CorpusOrganisation, ident: OrgIdentity) -> Relation | None:
        """A body of a merged province and the same body of the new province."""
        where = ident.locality
        if where is None or where.level != "province":
            return None
        unit = next(
            (
                u
                for u in registry._provinces_by_key().get(place_key(where.name), ())
                if u.name == where.name and u.valid_from == where.since
            ),
            None,
        )
        if unit is None or unit.merged_into is None or unit.valid_to is None:
            return None
        after = unit.valid_to + _dt.timedelta(days=1)
        successor = province_locality(unit.merged_into, after)
        if successor is None:
            return None
        head_words, _ = parse_locality(org.name)
        written = f"{head_words} {_unit_word(successor)} {successor.name}"
        target = OrgIdentity(head=ident.head, locality=successor)
        key = self._index.plan.org_map.get(target.key, target.key) if self._index.plan else target.key
        name, oid = (self._org_name(key), self._org_id(key)) if key in self._index.orgs else (written, None)
        return Relation(
            kind="succeeded_by",
            subject=org.name,
            subject_id=org.id,
            object=name,
            object_id=oid,
            basis="merger",
            since=PartialDate.from_date(after),
            note=f"{unit.name} became part of {successor.name} on {after.isoformat()}",
        )

    # ---------------------------------------------------------- questions

    def relations(self, organisation: str | None = None, kind: str | None = None) -> list[Relation]:
        """Links between organisations, optionally those of one *organisation* (either end) or one *kind*.

        *kind* is ``"member_of"``, ``"branch_of"``, ``"organ_of"`` or ``"succeeded_by"``.

        >>> import dnnd
        >>> corpus = dnnd.Corpus(dnnd.seeds())
        >>> [str(r) for r in corpus.relations("Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang")]
        ['Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang member of Liên hiệp các tổ chức hữu nghị Việt Nam (rule)', 'Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang succeeded by Liên hiệp các tổ chức hữu nghị tỉnh Bắc Ninh (merger)']
        """
        found = self._all_relations()
        if kind is not None:
            found = [r for r in found if r.kind == kind]
        if organisation is not None:
            ids = {self._org_id(k) for k in self._org_keys(organisation)}
            found = [r for r in found if r.subject_id in ids or r.object_id in ids]
        return list(found)

    def members(self, organisation: str, kind: str = "member_of") -> list[Relation]:
        """The bodies that are members of *organisation* (or its branches, ``kind="branch_of"``, or organs), by name.

        >>> import dnnd
        >>> [(r.subject, r.basis) for r in dnnd.Corpus(dnnd.seeds()).members("VUFO")][:2]
        [('Hội hữu nghị Việt Nam - Nhật Bản', 'rule'), ('Liên hiệp các tổ chức hữu nghị thành phố Hà Nội', 'rule')]
        """
        ids = {self._org_id(k) for k in self._org_keys(organisation)}
        return [r for r in self._all_relations() if r.kind == kind and r.object_id in ids]

    def parent(self, organisation: str) -> Relation | None:
        """The body *organisation* belongs to: the body it is an organ of, else a branch of, else a member of.

        >>> import dnnd
        >>> corpus = dnnd.Corpus(dnnd.seeds())
        >>> str(corpus.parent("Hội hữu nghị Việt Nam - Cuba thành phố Hà Nội"))
        'Hội hữu nghị Việt Nam - Cuba thành phố Hà Nội branch of Hội hữu nghị Việt Nam - Cu Ba (rule)'
        >>> [r.object for r in corpus.relations("Hội hữu nghị Việt Nam - Cuba thành phố Hà Nội", kind="member_of")]
        ['Liên hiệp các tổ chức hữu nghị thành phố Hà Nội']
        """
        ids = {self._org_id(k) for k in self._org_keys(organisation)}
        mine = [r for r in self._all_relations() if r.subject_id in ids and r.kind in _PARENT_ORDER]
        mine.sort(key=lambda r: (_PARENT_ORDER.index(r.kind), r.object_id is None, _BASIS_ORDER[r.basis]))
        return mine[0] if mine else None


def _unit_word(where: Locality) -> str:
    if where.level != "province":
        return "huyện"
    unit = registry.province(where.name)
    return unit.type if unit is not None else "tỉnh"
