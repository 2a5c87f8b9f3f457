"""Which records of one name are one person: evidence that ties them, evidence that keeps them apart.

Records of a person merge by name *plus evidence*. Within one name (exact,
diacritics kept), records tie when they hold posts in the same organisation
or in bodies of the same province; an override can tie or separate them.
Records then form *placed* groups (someone with posts in a province) and
unplaced ones (no post, or only posts in central bodies). When at most one
placed group exists nothing tells the records apart and they are one person;
when several exist (same-name people in different provinces), an unplaced
group joins one of them only if its article is about that province or
appeared within a month of that person's articles, else the unplaced records
stay a person of their own.

Everything here is pure: records in, clusters (with the evidence for every
join) out.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

import attrs

__all__ = ["Cluster", "PersonInfo", "Tie", "cluster"]

#: articles this close in time may speak of the same person
CLOSE_DAYS = 31


@attrs.frozen(kw_only=True)
class PersonInfo:
    """What clustering reads of one person record.

    Attributes:
        ref: (article index, record index).
        source: The article.
        orgs: Organisation keys of its positions.
        places: Locality keys of those organisations (province or district).
        article_place: The locality the article is mostly about, if any.
        day: The article's date, if known.
        group: Override label: records of different labels never join.

    """

    ref: tuple[int, int]
    source: str
    orgs: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    article_place: str | None = None
    day: _dt.date | None = None
    group: str = ""


@attrs.frozen(kw_only=True)
class Tie:
    """One piece of evidence that joined two records.

    Attributes:
        a: Index of one record in the input.
        b: Index of the other.
        kind: ``"organisation"``, ``"place"``, ``"override"``, ``"article place"``,
            ``"close dates"`` or ``"alone"``.
        value: The organisation key, place key, override label or day count.

    """

    a: int
    b: int
    kind: str
    value: str = ""


@attrs.frozen(kw_only=True)
class Cluster:
    """Records that are one person, the evidence joining them, and where they hold posts.

    Attributes:
        members: Indexes of the records in the input.
        places: Locality keys of their posts.
        ties: The evidence that joined them.

    """

    members: tuple[int, ...]
    places: frozenset[str] = frozenset()
    ties: tuple[Tie, ...] = ()


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.ties: list[Tie] = []

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int, kind: str, value: str = "") -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
            self.ties.append(Tie(a=a, b=b, kind=kind, value=value))

    def groups(self, members: Sequence[int]) -> list[list[int]]:
        out: dict[int, list[int]] = {}
        for i in members:
            out.setdefault(self.find(i), []).append(i)
        return [out[k] for k in sorted(out)]


def cluster(infos: Sequence[PersonInfo], ties: Sequence[tuple[int, int, str]] = ()) -> list[Cluster]:
    """Cluster the records of one name into people.

    *ties* are forced joins (from overrides): pairs of indexes and a label;
    they always hold. Otherwise records with different
    :attr:`PersonInfo.group` labels (different written names, an override's
    split) never join.

    >>> a = PersonInfo(ref=(0, 0), source="a", orgs=frozenset({"o1"}), places=frozenset({"p:x"}))
    >>> b = PersonInfo(ref=(1, 0), source="b", orgs=frozenset({"o2"}), places=frozenset({"p:y"}))
    >>> c = PersonInfo(ref=(2, 0), source="c")
    >>> [c.members for c in cluster([a, b, c])]
    [(0,), (1,), (2,)]
    >>> [c.members for c in cluster([a, c])]
    [(0, 1)]
    """
    if len(infos) == 1:  # most names are named once: nothing to weigh
        return [Cluster(members=(0,), places=infos[0].places)]
    u = _Union(len(infos))
    # an override's tie always holds, even across groups: it joins the groups it links
    labels = sorted({info.group for info in infos})
    parts = _Union(len(labels))
    for i, j, label in ties:
        u.join(i, j, "override", label)
        parts.join(labels.index(infos[i].group), labels.index(infos[j].group), "override")
    by_group: dict[int, list[int]] = {}
    for i, info in enumerate(infos):
        by_group.setdefault(parts.find(labels.index(info.group)), []).append(i)
    out: list[Cluster] = []
    for members in by_group.values():
        _tie_by_evidence(infos, members, u)
        out.extend(_settle(infos, members, u))
    return sorted(out, key=lambda c: c.members)


def _tie_by_evidence(infos: Sequence[PersonInfo], members: Sequence[int], u: _Union) -> None:
    first_org: dict[str, int] = {}
    first_place: dict[str, int] = {}
    for i in members:
        for org in sorted(infos[i].orgs):
            if org in first_org:
                u.join(first_org[org], i, "organisation", org)
            else:
                first_org[org] = i
        for place in sorted(infos[i].places):
            if place in first_place:
                u.join(first_place[place], i, "place", place)
            else:
                first_place[place] = i


def _settle(infos: Sequence[PersonInfo], members: Sequence[int], u: _Union) -> list[Cluster]:
    """Join the unplaced records where the evidence allows; return the clusters of one override group."""
    groups = u.groups(members)
    placed = [g for g in groups if any(infos[i].places for i in g)]
    unplaced = [g for g in groups if not any(infos[i].places for i in g)]
    if len(placed) <= 1:
        # nothing tells these records apart: one person
        anchor = (placed or unplaced)[0][0]
        for g in groups:
            u.join(anchor, g[0], "alone")
    else:
        leftover: list[list[int]] = []
        for g in unplaced:
            target = _evidence_for(infos, g, placed)
            if target is None:
                leftover.append(g)
            else:
                i, j, kind, value = target
                u.join(i, j, kind, value)
        for g in leftover[1:]:
            u.join(leftover[0][0], g[0], "alone")
    out = []
    for g in u.groups(members):
        members_set = set(g)
        out.append(
            Cluster(
                members=tuple(g),
                places=frozenset(p for i in g for p in infos[i].places),
                ties=tuple(t for t in u.ties if t.a in members_set and t.b in members_set),
            )
        )
    return out


def _evidence_for(
    infos: Sequence[PersonInfo], group: Sequence[int], placed: Sequence[Sequence[int]]
) -> tuple[int, int, str, str] | None:
    """The one placed group an unplaced group may join, with the evidence; ``None`` when none or several fit."""
    found: dict[int, tuple[int, int, str, str]] = {}
    for k, target in enumerate(placed):
        places = {p for j in target for p in infos[j].places}
        for i in group:
            where = infos[i].article_place
            if where is not None and where in places:
                found.setdefault(k, (target[0], i, "article place", where))
                break
        if k in found:
            continue
        for i in group:
            day = infos[i].day
            if day is None:
                continue
            close = [(abs((day - d).days), j) for j in target if (d := infos[j].day) is not None]
            near = min(close, default=None)
            if near is not None and near[0] <= CLOSE_DAYS:
                found.setdefault(k, (near[1], i, "close dates", str(near[0])))
                break
    return next(iter(found.values())) if len(found) == 1 else None
