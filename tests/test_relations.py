"""Links between organisations: the registry data that backs them, and where each kind comes from."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest

import dnnd
from dnnd import Corpus, registry
from dnnd.corpus import ArticleSummary
from dnnd.model import Organisation, OrganisationKind, PartialDate

RELATIONS = {"member_of", "branch_of", "organ_of", "succeeded_by"}


def _data() -> dict:
    return json.loads(files("dnnd").joinpath("data").joinpath("org_relations.json").read_text(encoding="utf-8"))


# ------------------------------------------------------------------ the data file


def test_the_file_is_in_the_registry_layout() -> None:
    raw = files("dnnd").joinpath("data").joinpath("org_relations.json").read_text(encoding="utf-8")
    assert raw == json.dumps(json.loads(raw), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def test_every_link_joins_two_registry_organisations_with_a_known_relation() -> None:
    ids = {o.id for o in registry.organisations()}
    for link in registry.relations():
        assert link.subject in ids and link.object in ids, link
        assert link.subject != link.object, link
        assert link.relation in RELATIONS, link
        assert link.status in ("verified", "partial"), link
        assert link.status == "partial" or link.sources, f"a verified link needs sources: {link}"
        assert all(s.startswith("S") and s[1:].rstrip("b").isdigit() for s in link.sources), link
        if link.since is not None:
            PartialDate.from_iso(link.since)


def test_no_link_is_stated_twice_and_parents_form_no_cycle() -> None:
    links = [(r.subject, r.relation, r.object) for r in registry.relations()]
    assert len(links) == len(set(links))
    parent = {}
    for s, rel, o in links:
        if rel != "succeeded_by":
            parent.setdefault(s, []).append(o)

    def reaches(start: str, goal: str, seen: frozenset[str] = frozenset()) -> bool:
        return any(p == goal or (p not in seen and reaches(p, goal, seen | {p})) for p in parent.get(start, []))

    assert not [s for s in parent if reaches(s, s)]


def test_every_rule_names_known_kinds_and_bodies() -> None:
    kinds = {k.value for k in OrganisationKind}
    ids = {o.id for o in registry.organisations()}
    for rule in registry.relation_rules():
        assert rule.relation in RELATIONS, rule.id
        assert set(rule.subject) <= {"kind", "level", "partner", "head_starts"}, rule.id
        assert rule.subject.get("kind", "other") in kinds, rule.id
        assert rule.subject.get("level", "local") in ("local", "central"), rule.id
        assert set(rule.object) <= {"registry", "head", "locality"}, rule.id
        assert rule.object.get("registry", "vufo") in ids, rule.id
        assert rule.object.get("locality", "same") in ("same", "central"), rule.id
        assert rule.status in ("verified", "partial") and rule.note, rule.id
    assert len({r.id for r in registry.relation_rules()}) == len(registry.relation_rules())


def test_organ_words_and_phrases_are_plain_words() -> None:
    data = _data()
    assert data["organs"] and all(w == w.strip() and w for w in data["organs"])
    assert set(data["text"]) <= RELATIONS
    assert all(p == p.strip() and p for phrases in data["text"].values() for p in phrases)


# ------------------------------------------------------------------ where links come from


def _summary(source: str, *orgs: Organisation) -> ArticleSummary:
    return ArticleSummary(source=source, published=PartialDate(year=2024, month=1, day=2), organisations=orgs)


def _org(name: str, kind: OrganisationKind = OrganisationKind.FRIENDSHIP_ASSOCIATION, locality: str | None = None) -> Organisation:
    return Organisation(id="o:" + name, name=name, kind=kind, locality=locality)


@pytest.fixture(scope="module")
def provincial() -> Corpus:
    return Corpus(
        [
            _summary(
                "a.txt",
                _org("Hội hữu nghị Việt Nam - Lào tỉnh Nghệ An", locality="Nghệ An"),
                _org("Liên hiệp các tổ chức hữu nghị tỉnh Nghệ An", OrganisationKind.FRIENDSHIP_UNION, "Nghệ An"),
                _org("Ban Thường vụ Liên hiệp các tổ chức hữu nghị tỉnh Nghệ An", OrganisationKind.FRIENDSHIP_UNION, "Nghệ An"),
                _org("Hội hữu nghị Việt Nam - Lào"),
            )
        ]
    )


def _links(corpus: Corpus, name: str) -> set[tuple[str, str, str]]:
    return {(r.kind, r.object, r.basis) for r in corpus.relations(name) if r.subject == corpus.organisation(name).name}  # type: ignore[union-attr]


def test_a_provincial_association_belongs_to_its_union_and_its_central_association(provincial: Corpus) -> None:
    assert _links(provincial, "Hội hữu nghị Việt Nam - Lào tỉnh Nghệ An") == {
        ("member_of", "Liên hiệp các tổ chức hữu nghị tỉnh Nghệ An", "rule"),
        ("branch_of", "Hội hữu nghị Việt Nam - Lào", "rule"),
    }
    assert provincial.parent("Hội hữu nghị Việt Nam - Lào tỉnh Nghệ An").kind == "branch_of"  # type: ignore[union-attr]
    assert [r.subject for r in provincial.members("Hội hữu nghị Việt Nam - Lào", kind="branch_of")] == [
        "Hội hữu nghị Việt Nam - Lào tỉnh Nghệ An"
    ]


def test_a_provincial_union_is_a_member_of_vufo_even_when_vufo_is_not_named(provincial: Corpus) -> None:
    union = "Liên hiệp các tổ chức hữu nghị tỉnh Nghệ An"
    (link,) = [r for r in provincial.relations(union, kind="member_of") if r.subject == union]
    assert (link.object, link.object_id, link.basis) == ("Liên hiệp các tổ chức hữu nghị Việt Nam", None, "rule")


def test_a_committee_is_an_organ_of_the_body_its_name_ends_with(provincial: Corpus) -> None:
    assert _links(provincial, "Ban Thường vụ Liên hiệp các tổ chức hữu nghị tỉnh Nghệ An") >= {
        ("organ_of", "Liên hiệp các tổ chức hữu nghị tỉnh Nghệ An", "name")
    }


@pytest.mark.parametrize(
    ("old", "new", "since"),
    [
        ("Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang", "Liên hiệp các tổ chức hữu nghị tỉnh Bắc Ninh", "2025-07-01"),
        ("Liên hiệp các tổ chức hữu nghị tỉnh Thái Bình", "Liên hiệp các tổ chức hữu nghị tỉnh Hưng Yên", "2025-07-01"),
    ],
)
def test_the_2025_merger_links_a_body_to_its_successor_and_never_merges_them(old: str, new: str, since: str) -> None:
    corpus = Corpus(
        [
            _summary("old.txt", _org(old, OrganisationKind.FRIENDSHIP_UNION)),
            ArticleSummary(
                source="new.txt",
                published=PartialDate(year=2025, month=9, day=1),
                organisations=(_org(new, OrganisationKind.FRIENDSHIP_UNION),),
            ),
        ]
    )
    a, b = corpus.organisation(old), corpus.organisation(new)
    assert a is not None and b is not None and a != b
    (link,) = corpus.relations(old, kind="succeeded_by")
    assert (link.object_id, str(link.since), link.basis) == (b.id, since, "merger")
    assert "never merges" in str(corpus.why(old, new))


def test_the_text_states_a_membership() -> None:
    art = dnnd.parse(
        "Ngày 5/3/2024, Hội hữu nghị Việt Nam - Cuba tỉnh Nghệ An tổ chức gặp mặt. "
        "Hội là thành viên tích cực của Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Nghệ An.",
        source="x.txt",
    )
    corpus = Corpus([art])
    links = {(r.kind, r.object, r.basis) for r in corpus.relations("Hội hữu nghị Việt Nam - Cuba tỉnh Nghệ An")}
    assert ("member_of", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Nghệ An", "text") in links
    (stated,) = [r for r in corpus.relations(kind="member_of") if r.basis == "text"]
    assert stated.evidence[0].source == "x.txt" and stated.evidence[0].spans


def test_registry_links_hold_between_named_bodies() -> None:
    corpus = Corpus(dnnd.seeds())
    links = {(r.subject, r.kind, r.object, r.basis) for r in corpus.relations("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam")}
    assert ("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "organ_of", "Mặt trận Tổ quốc Việt Nam", "registry") in links
