"""Why two names are one entity, or two: the evidence behind every merge and every separation."""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

from ..normalise import fold_key, name_key
from ._identity import OrgIdentity
from ._keys import _bare_name
from ._people import Cluster, PersonInfo, Tie
from ._records import Explanation
from ._relations import _Links

__all__ = ["_Why"]

Name = str | tuple[str, str]


def _split(name: Name) -> tuple[str, str | None]:
    return (name, None) if isinstance(name, str) else (name[0], name[1])


class _Why(_Links):
    """:meth:`why` (see :class:`~dnnd.corpus.Corpus`)."""

    def why(self, a: Name, b: Name, *, kind: str | None = None) -> Explanation:
        """Say which evidence joins two names into one entity, or keeps them apart.

        *a* and *b* are names, or ``(name, source)`` pairs for a name as one
        article uses it. *kind* (``"organisation"`` or ``"person"``) settles
        a name that could be either; by default organisations are tried first.

        >>> import dnnd
        >>> corpus = dnnd.Corpus(dnnd.seeds())
        >>> print(corpus.why("VUFO", "Liên hiệp Hữu nghị"))
        one organisation: both name Liên hiệp các tổ chức hữu nghị Việt Nam: the same kind of body (liên hiệp các tổ chức hữu nghị việt nam), central, and the registry knows it (vufo)
        >>> print(corpus.why("Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang", "Liên hiệp các tổ chức hữu nghị tỉnh Bắc Ninh"))
        different organisations: Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang belongs to Bắc Giang, Liên hiệp các tổ chức hữu nghị tỉnh Bắc Ninh to Bắc Ninh
        """
        (na, sa), (nb, sb) = _split(a), _split(b)
        if kind != "person":
            ka, kb = self._org_keys(na, source=sa), self._org_keys(nb, source=sb)
            if (ka and kb) or kind == "organisation":
                return self._why_orgs(na, nb, ka, kb)
        return self._why_people(na, sa, nb, sb)

    # ---------------------------------------------------------- organisations

    def _why_orgs(self, na: str, nb: str, ka: set[str], kb: set[str]) -> Explanation:
        ix = self._index
        first = tuple(sorted(self._org_id(k) for k in ka))
        second = tuple(sorted(self._org_id(k) for k in kb))
        if not ka or not kb:
            missing = na if not ka else nb
            return Explanation(same=False, kind="organisation", first=first, second=second,
                               reasons=(f"no organisation in the corpus is called {missing!r}",))  # fmt: skip
        if ka == kb and len(ka) == 1:
            key = next(iter(ka))
            ident = ix.org_ident[key]
            reasons = [f"both name {self._org_name(key)}: " + _identity_words(ident)]
            if ix.plan is not None and any(v == key for k, v in ix.plan.org_map.items() if k != key):
                merged = [e.where for e in ix.plan.overrides.entries if e.action == "merge"]
                reasons.append("merged by an override" + (f" ({merged[0]})" if merged else ""))
            return Explanation(same=True, kind="organisation", first=first, second=second, reasons=tuple(reasons))
        reasons = [f"{n!r} fits {len(ks)} organisations" for n, ks in ((na, ka), (nb, kb)) if len(ks) > 1]
        for x in sorted(ka):
            for y in sorted(kb):
                if x != y:
                    reasons.append(self._apart(x, y))
        for rel in (r for k in sorted(ka | kb) for r in self._relations_from(k)):
            ids = {rel.subject_id, rel.object_id}
            if ids & set(first) and ids & set(second) and rel.kind == "succeeded_by":
                reasons.append(f"{rel}: {rel.note}; a succession links their records, it never merges them")
        return Explanation(same=False, kind="organisation", first=first, second=second, reasons=tuple(reasons))

    def _apart(self, x: str, y: str) -> str:
        ix = self._index
        ia, ib = ix.org_ident[x], ix.org_ident[y]
        na, nb = self._org_name(x), self._org_name(y)
        if "#" in x or "#" in y:
            return f"an override splits {na} off"
        if ia.head != ib.head:
            return f"{na} and {nb} are different kinds of body ({ia.head} / {ib.head})"
        if ia.locality is None or ib.locality is None:
            central, local = (na, ib) if ia.locality is None else (nb, ia)
            other = nb if ia.locality is None else na
            return f"{central} is a central body, {other} belongs to {local.locality}"
        return f"{na} belongs to {ia.locality}, {nb} to {ib.locality}"

    # ---------------------------------------------------------- people

    def _records_of(self, name: str, source: str | None) -> list[tuple[str, int]]:
        """(person id, index in its cluster's infos) of the records *name* (in *source*) stands for."""
        bare = _bare_name(name)
        exact = name_key(bare)
        out = []
        for pid, refs, c, infos in self._person_clusters(fold_key(exact)):
            for i in c.members:
                ai, ri = infos[i].ref
                record = name_key(_bare_name(self._index.arts[ai].people[ri].name))
                if (record == exact or bare.isascii()) and (source is None or infos[i].source == source):
                    out.append((pid, i))
            del refs
        return out

    def _why_people(self, na: str, sa: str | None, nb: str, sb: str | None) -> Explanation:
        ra, rb = self._records_of(na, sa), self._records_of(nb, sb)
        first = tuple(sorted({p for p, _ in ra}))
        second = tuple(sorted({p for p, _ in rb}))
        if not ra or not rb:
            missing = na if not ra else nb
            return Explanation(same=False, kind="person", first=first, second=second,
                               reasons=(f"nobody in the corpus is called {missing!r}",))  # fmt: skip
        if set(first) == set(second) and len(first) == 1:
            pid = first[0]
            fold = pid.removeprefix("person:").split("~", 1)[0]
            _, _, c, infos = next(x for x in self._person_clusters(fold) if x[0] == pid)
            starts = [i for p, i in ra if p == pid]
            goals = [i for p, i in rb if p == pid]
            if set(goals) <= set(starts) and len(starts) > len(goals):
                starts = [i for i in starts if i not in goals]  # a name, and that name in one article
            elif set(starts) <= set(goals) and len(goals) > len(starts):
                goals = [i for i in goals if i not in starts]
            path = _path(c, starts, goals)
            reasons = [self._tie_words(t, infos) for t in path] or [f"{infos[starts[0]].source} names them once"]
            return Explanation(same=True, kind="person", first=first, second=second, reasons=tuple(reasons))
        if fold_key(name_key(_bare_name(na))) != fold_key(name_key(_bare_name(nb))):
            return Explanation(same=False, kind="person", first=first, second=second, reasons=("different names",))
        if name_key(_bare_name(na)) != name_key(_bare_name(nb)) and not (na.isascii() or nb.isascii()):
            return Explanation(same=False, kind="person", first=first, second=second,
                               reasons=(f"{na!r} and {nb!r} are different names (diacritics differ)",))  # fmt: skip
        reasons = [f"{n!r} stands for {len(ids)} people" for n, ids in ((na, first), (nb, second)) if len(ids) > 1]
        for pa in first:
            for pb in second:
                if pa != pb:
                    reasons.append(self._people_apart(pa, pb))
        return Explanation(same=False, kind="person", first=first, second=second, reasons=tuple(reasons))

    def _people_apart(self, pa: str, pb: str) -> str:
        a, b = self._person_by_id(pa), self._person_by_id(pb)
        assert a is not None and b is not None
        plan = self._index.plan
        for pid in (pa, pb):
            fold = pid.removeprefix("person:").split("~", 1)[0]
            for cid, _, c, infos in self._person_clusters(fold):
                labels = {infos[i].group for i in c.members}
                split = [lab for lab in labels if lab.startswith("split")]
                if cid == pid and split and plan is not None:
                    return f"an override splits {a.name} of {', '.join(self._person_by_id(pid).sources)} off ({plan.person_split_where[split[0]]})"  # type: ignore[union-attr]  # fmt: skip
        where_a = ", ".join(a.localities) or "no province"
        where_b = ", ".join(b.localities) or "no province"
        return (
            f"same name, but one holds posts in {where_a} ({', '.join(a.sources)}) and the other in {where_b} "
            f"({', '.join(b.sources)}), and no shared organisation, article place or close date ties them"
        )

    def _tie_words(self, tie: Tie, infos: Sequence[PersonInfo]) -> str:
        sa, sb = infos[tie.a].source, infos[tie.b].source
        if tie.kind == "organisation":
            return f"both hold posts in {self._org_name(tie.value)} ({sa}, {sb})"
        if tie.kind == "place":
            return f"both hold posts in {self._place_name(tie.value)} ({sa}, {sb})"
        if tie.kind == "override":
            return f"merged by an override ({sa}, {sb})"
        if tie.kind == "article place":
            return f"{sb} is about {self._place_name(tie.value)}, where the person of {sa} holds posts"
        if tie.kind == "close dates":
            return f"{sa} and {sb} appeared {tie.value} days apart"
        return f"same name, and nothing tells {sa} and {sb} apart (no posts in different provinces)"


def _identity_words(ident: OrgIdentity) -> str:
    where = f"in {ident.locality}" if ident.locality else "central"
    words = f"the same kind of body ({ident.head}), {where}"
    if ident.inferred:
        words += ", the locality read off the article's other names for it"
    if ident.registry_id:
        words += f", and the registry knows it ({ident.registry_id})"
    return words


def _path(c: Cluster, starts: Sequence[int], goals: Sequence[int]) -> list[Tie]:
    """The ties linking one of *starts* to one of *goals* in the cluster (breadth first)."""
    goal = set(goals)
    if goal & set(starts):
        return []
    edges: dict[int, list[tuple[int, Tie]]] = {}
    for t in c.ties:
        edges.setdefault(t.a, []).append((t.b, t))
        edges.setdefault(t.b, []).append((t.a, t))
    back: dict[int, tuple[int, Tie] | None] = {s: None for s in starts}
    queue = deque(starts)
    while queue:
        i = queue.popleft()
        if i in goal:
            out = []
            step = back[i]
            while step is not None:
                prev, tie = step
                out.append(tie)
                step = back[prev]
            return out[::-1]
        for j, tie in edges.get(i, []):
            if j not in back:
                back[j] = (i, tie)
                queue.append(j)
    return []
