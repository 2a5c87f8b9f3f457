"""Who is tied to whom in a corpus: the people, organisations and events, and the ties between them.

Pure Python; :mod:`dnnd.graph` turns it into a networkx graph, the HTML
report draws it. Every attribute value is a string, an integer or a
boolean (never ``None``), so that GraphML and GEXF can write it.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from .corpus import Corpus

__all__ = ["Network", "Tie", "network"]

Attrs = dict[str, "str | int | bool"]


@attrs.frozen(kw_only=True)
class Tie:
    """A tie: a post held (person to organisation), events organised together, a membership, an organiser."""

    source: str
    target: str
    kind: str  # "position", "co-organised", "member-of", "branch-of", "organised-by"
    label: str
    attributes: Attrs = attrs.field(factory=dict)


@attrs.frozen(kw_only=True)
class Network:
    """The nodes (id -> attributes, with ``kind`` and ``label``) and the ties between them."""

    nodes: dict[str, Attrs]
    ties: tuple[Tie, ...]


def _clean(values: dict[str, Any]) -> Attrs:
    return {k: v for k, v in values.items() if v is not None and v != ""}


def network(corpus: Corpus, *, events: bool = False) -> Network:
    """Organisations and people tied by positions, co-organised events and memberships (and events, if asked)."""
    nodes: dict[str, Attrs] = {}
    ties: list[Tie] = []
    orgs = corpus.organisations()
    for o in orgs:
        nodes[o.id] = _clean(
            {"kind": "organisation", "label": o.abbreviation or o.name, "name": o.name, "type": o.kind.value,
             "locality": o.locality, "articles": o.count}
        )  # fmt: skip
    for p in corpus.people():
        nodes[p.id] = _clean({"kind": "person", "label": p.name, "name": p.name, "articles": len(p.evidence)})
        held: dict[tuple[str, str, bool], list[str]] = {}
        for h in p.positions:
            if h.organisation_id in nodes:
                held.setdefault((h.organisation_id or "", h.title, h.former), []).append(h.source)
        for (org_id, title, former), sources in held.items():
            label = ("nguyên " if former else "") + title
            ties.append(
                Tie(
                    source=p.id,
                    target=org_id,
                    kind="position",
                    label=label,
                    attributes={"title": title, "former": former, "articles": len(set(sources))},
                )
            )
    co: Counter[tuple[str, str]] = Counter()
    for e in corpus.events(reported=None):
        ids = sorted({i for i in e.organiser_ids if i in nodes})
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                co[(a, b)] += 1
        if events and e.reported:
            nodes[e.id] = _clean(
                {"kind": "event", "label": f"{e.kind.value} {e.date.iso if e.date else ''}".strip(),
                 "type": e.kind.value, "date": e.date.iso if e.date else None, "location": e.location,
                 "title": e.title, "articles": len(e.evidence)}
            )  # fmt: skip
            for org_id in ids:
                ties.append(Tie(source=e.id, target=org_id, kind="organised-by", label="organised by"))
    for (a, b), n in sorted(co.items()):
        ties.append(Tie(source=a, target=b, kind="co-organised", label=f"{n} event(s) organised together",
                        attributes={"events": n}))  # fmt: skip
    for r in corpus.relations():
        if r.subject_id in nodes and r.object_id in nodes:
            label = r.kind.replace("_", " ") + (f" since {r.since.iso}" if r.since else "")
            ties.append(
                Tie(source=r.subject_id, target=r.object_id or "", kind=r.kind, label=label, attributes={"basis": r.basis})
            )
    return Network(nodes=nodes, ties=tuple(ties))
