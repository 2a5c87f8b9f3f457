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
from ..model import PartialDate
from ..normalise import name_key, place_key
from ._identity import Locality, OrgIdentity, head_key, name_identity, parse_locality, province_locality
from ._index import _merge_evidence
from ._keys import _bulk
from ._queries import _Queries
from ._records import ArticleSummary, Relation

__all__ = ["_Links"]

#: which basis wins when two give the same link
_BASIS_ORDER = {"text": 0, "registry": 1, "name": 2, "rule": 3, "merger": 4}
#: a body's parent, most specific link first
_PARENT_ORDER = ("organ_of", "branch_of", "member_of")


class _Links(_Queries):
    """Relations between organisations (see :class:`~dnnd.corpus.Corpus`)."""

    def _all_relations(self) -> list[Relation]:
        """Every link of every organisation (a whole-corpus question: it looks at each body once)."""
        cached = self._index.cache.get("relations")
        if cached is None:
            with _bulk():
                found = [r for key in sorted(self._index.orgs) for r in self._relations_from(key)]
            cached = sorted(found, key=lambda r: (r.subject, r.kind, r.object))
            self._index.cache["relations"] = cached
        return cached

    def _relations_from(self, key: str) -> list[Relation]:
        """The links whose subject is the organisation *key*, strongest basis kept for each (cached)."""
        cached = self._index.relations_of.get(key)
        if cached is not None:
            return cached
        found: dict[tuple[str, str], Relation] = {}
        ident = self._index.org_ident[key]
        for rel in (
            *self._text_relations(key),
            *self._registry_relations(key, ident),
            *self._organ_relations(key),
            *self._rule_relations(key, ident),
            *self._merger_relations(key, ident),
        ):
            slot = (rel.kind, rel.object_id or rel.object)
            old = found.get(slot)
            if old is None or _BASIS_ORDER[rel.basis] < _BASIS_ORDER[old.basis]:
                found[slot] = rel
        out = sorted(found.values(), key=lambda r: (r.kind, r.object))
        self._index.relations_of[key] = out
        return out

    def _relations_to(self, key: str) -> list[Relation]:
        """The links whose object is the organisation *key*: those of every body that may point to it."""
        ix = self._index
        ident = ix.org_ident[key]
        oid = self._org_id(key)
        candidates: set[str] = set(ix.org_by_head.get(head_key(ident.head, local=True), ()))
        if ident.locality is not None:
            candidates |= ix.org_by_place.get(name_key(ident.locality.name), set())
        for ai, n in ix.stated.get(key, ()):
            rel = ix.arts[ai].relations[n]
            name = ix.arts[ai].organisations[rel.subject].name
            candidates.add(ix.local_orgs[ai].get(name, key))
        if ident.registry_id is not None:
            for link in registry.relations():
                if link.object == ident.registry_id and link.subject in ix.org_by_registry:
                    candidates.add(ix.org_by_registry[link.subject])
            for rule in registry.relation_rules():
                if rule.object.get("registry") == ident.registry_id and "kind" in rule.subject:
                    candidates |= ix.org_by_kind.get(str(rule.subject["kind"]), set())
        for name in self._names_of(key):
            for word in registry.organ_words():
                candidates |= ix.org_alias.get(name_key(f"{word} {name}"), set())
        candidates.discard(key)
        return [r for c in sorted(candidates) for r in self._relations_from(c) if r.object_id == oid]

    # ---------------------------------------------------------- the four sources

    def _names_of(self, key: str) -> list[str]:
        return [self._org_name(key), *sorted(n for n in self._index.org_names.get(key, {}) if n != self._org_name(key))]

    def _text_relations(self, key: str) -> list[Relation]:
        ix = self._index
        stated: dict[tuple[str, str], list[tuple[ArticleSummary, Any]]] = {}
        for ai, n in ix.stated.get(key, ()):
            art = ix.arts[ai]
            rel = art.relations[n]
            local = ix.local_orgs[ai]
            s = local.get(art.organisations[rel.subject].name)
            o = local.get(art.organisations[rel.object].name)
            if s == key and o and o != key:
                stated.setdefault((rel.relation, o), []).append((art, rel.spans))
        return [
            Relation(
                kind=kind,
                subject=self._org_name(key),
                subject_id=self._org_id(key),
                object=self._org_name(o),
                object_id=self._org_id(o),
                basis="text",
                evidence=_merge_evidence(items),
            )
            for (kind, o), items in stated.items()
        ]

    def _target(self, key: str | None, name: str) -> tuple[str, str | None]:
        if key is not None and key in self._index.orgs:
            return self._org_name(key), self._org_id(key)
        return name, None

    def _registry_relations(self, key: str, ident: OrgIdentity) -> list[Relation]:
        if ident.registry_id is None or "#" in key:
            return []
        regs = {o.id: o for o in registry.organisations()}
        out = []
        for link in registry.relations():
            if link.subject != ident.registry_id or link.object not in regs:
                continue
            name, oid = self._target(self._index.org_by_registry.get(link.object), regs[link.object].name)
            out.append(
                Relation(
                    kind=link.relation,
                    subject=self._org_name(key),
                    subject_id=self._org_id(key),
                    object=name,
                    object_id=oid,
                    basis="registry",
                    since=PartialDate.from_iso(link.since) if link.since else None,
                    note=link.note,
                )
            )
        return out

    def _organ_relations(self, key: str) -> list[Relation]:
        """An organ word before another body's name: "Ban Thường vụ Tỉnh ủy X" is an organ of "Tỉnh ủy X"."""
        for word in registry.organ_words():
            for name in self._names_of(key):
                if not name.lower().startswith(word.lower() + " "):
                    continue
                rest = name[len(word) + 1 :].strip()
                if rest.lower().startswith("của "):
                    rest = rest[4:]
                keys = self._org_keys(rest, central=False)
                keys.discard(key)
                if len(keys) == 1:
                    target = next(iter(keys))
                    return [
                        Relation(
                            kind="organ_of",
                            subject=self._org_name(key),
                            subject_id=self._org_id(key),
                            object=self._org_name(target),
                            object_id=self._org_id(target),
                            basis="name",
                        )
                    ]
        return []

    def _rule_relations(self, key: str, ident: OrgIdentity) -> list[Relation]:
        out = []
        local = ident.locality is not None and ident.locality.level == "province"
        partner = ident.head.startswith("hội hữu nghị việt nam-")
        kinds = self._index.org_kinds.get(key, set())
        name = self._org_name(key)
        oid = self._org_id(key)
        for rule in registry.relation_rules():
            want = rule.subject
            if "kind" in want and want["kind"] not in kinds:
                continue
            if want.get("level") == "local" and not local:
                continue
            if want.get("level") == "central" and ident.locality is not None:
                continue
            if want.get("partner") and not partner:
                continue
            starts = want.get("head_starts")
            if starts and not any(name.startswith(w + " ") for w in starts):
                continue
            target = self._rule_target(rule.object, name, ident)
            if target is None or target[1] == oid:
                continue
            out.append(
                Relation(
                    kind=rule.relation,
                    subject=name,
                    subject_id=oid,
                    object=target[0],
                    object_id=target[1],
                    basis="rule",
                    note=rule.note,
                )
            )
        return out

    def _rule_target(self, spec: Mapping[str, Any], name: str, ident: OrgIdentity) -> tuple[str, str | None] | None:
        ix = self._index
        if "registry" in spec:
            reg = next((o for o in registry.organisations() if o.id == spec["registry"]), None)
            return None if reg is None else self._target(ix.org_by_registry.get(reg.id), reg.name)
        where: Locality | None = ident.locality if spec.get("locality") == "same" else None
        if spec.get("head") == "same":
            head, _ = parse_locality(name)
        else:
            head = str(spec["head"])
        written = head if where is None else f"{head} {_unit_word(where)} {where.name}"
        target = name_identity(written)
        if where is not None and target.locality != where:
            target = OrgIdentity(head=head_key(head, local=True), locality=where)
        key = ix.plan.org_map.get(target.key, target.key) if ix.plan else target.key
        if key in ix.orgs:
            return self._org_name(key), self._org_id(key)
        if target.registry_id is not None:
            reg = next((o for o in registry.organisations() if o.id == target.registry_id), None)
            if reg is not None:
                return self._target(ix.org_by_registry.get(reg.id), reg.name)
        return written, None

    def _merger_relations(self, key: str, ident: OrgIdentity) -> list[Relation]:
        """A body of a merged province and the same body of the new province."""
        where = ident.locality
        if where is None or where.level != "province":
            return []
        unit = next(
            (
                u
                for u in registry._provinces_by_key().get(place_key(where.name), ())
                if u.name == where.name and u.valid_from == where.since
            ),
            None,
        )
        if unit is None or unit.merged_into is None or unit.valid_to is None:
            return []
        after = unit.valid_to + _dt.timedelta(days=1)
        successor = province_locality(unit.merged_into, after)
        if successor is None:
            return []
        head_words, _ = parse_locality(self._org_name(key))
        written = f"{head_words} {_unit_word(successor)} {successor.name}"
        target = OrgIdentity(head=ident.head, locality=successor)
        later = self._index.plan.org_map.get(target.key, target.key) if self._index.plan else target.key
        name, oid = (self._org_name(later), self._org_id(later)) if later in self._index.orgs else (written, None)
        return [
            Relation(
                kind="succeeded_by",
                subject=self._org_name(key),
                subject_id=self._org_id(key),
                object=name,
                object_id=oid,
                basis="merger",
                since=PartialDate.from_date(after),
                note=f"{unit.name} became part of {successor.name} on {after.isoformat()}",
            )
        ]

    # ---------------------------------------------------------- questions

    def relations(self, organisation: str | None = None, kind: str | None = None) -> list[Relation]:
        """Links between organisations, optionally those of one *organisation* (either end) or one *kind*.

        *kind* is ``"member_of"``, ``"branch_of"``, ``"organ_of"`` or ``"succeeded_by"``.

        >>> import dnnd
        >>> corpus = dnnd.Corpus(dnnd.seeds())
        >>> [str(r) for r in corpus.relations("Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang")]
        ['Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang member of Liên hiệp các tổ chức hữu nghị Việt Nam (rule)', 'Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang succeeded by Liên hiệp các tổ chức hữu nghị tỉnh Bắc Ninh (merger)']
        """
        if organisation is None:
            found = self._all_relations()
        else:
            keys = sorted(self._org_keys(organisation))
            found = [r for k in keys for r in (*self._relations_from(k), *self._relations_to(k))]
        return [r for r in found if kind is None or r.kind == kind]

    def members(self, organisation: str, kind: str = "member_of") -> list[Relation]:
        """The bodies that are members of *organisation* (or its branches, ``kind="branch_of"``, or organs), by name.

        >>> import dnnd
        >>> [(r.subject, r.basis) for r in dnnd.Corpus(dnnd.seeds()).members("VUFO")][:2]
        [('Hội hữu nghị Việt Nam - Nhật Bản', 'rule'), ('Liên hiệp các tổ chức hữu nghị thành phố Hà Nội', 'rule')]
        """
        found = [r for k in sorted(self._org_keys(organisation)) for r in self._relations_to(k) if r.kind == kind]
        return sorted(found, key=lambda r: (r.subject, r.basis))

    def parent(self, organisation: str) -> Relation | None:
        """The body *organisation* belongs to: the body it is an organ of, else a branch of, else a member of.

        >>> import dnnd
        >>> corpus = dnnd.Corpus(dnnd.seeds())
        >>> str(corpus.parent("Hội hữu nghị Việt Nam - Cuba thành phố Hà Nội"))
        'Hội hữu nghị Việt Nam - Cuba thành phố Hà Nội branch of Hội hữu nghị Việt Nam - Cu Ba (rule)'
        >>> [r.object for r in corpus.relations("Hội hữu nghị Việt Nam - Cuba thành phố Hà Nội", kind="member_of")]
        ['Liên hiệp các tổ chức hữu nghị thành phố Hà Nội']
        """
        mine = [
            r for k in sorted(self._org_keys(organisation)) for r in self._relations_from(k) if r.kind in _PARENT_ORDER
        ]
        mine.sort(key=lambda r: (_PARENT_ORDER.index(r.kind), r.object_id is None, _BASIS_ORDER[r.basis]))
        return mine[0] if mine else None


def _unit_word(where: Locality) -> str:
    if where.level != "province":
        return "huyện"
    unit = registry.province(where.name)
    return unit.type if unit is not None else "tỉnh"
