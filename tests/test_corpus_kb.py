"""The knowledge base over seeds + dev + dev2 as one corpus: identity, time, reported events.

These read the gold corpora of the workplace (../shared/corpus) and skip cleanly without them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import dnnd
import dnnd.registry
from conftest import CORPORA, SEEDS
from dnnd import Corpus
from dnnd._resolve import place_mentions
from dnnd.normalise import name_key

#: a unit word right before a place name makes it a locality ("tỉnh Thanh Hóa", "TP Hà Nội")
_UNIT_BEFORE = re.compile(r"(?:tỉnh|thành phố|TP\.?|Tp\.?|huyện|quận)\s*$", re.IGNORECASE)


@pytest.fixture(scope="module")
def texts() -> dict[str, Path]:
    if not (CORPORA / "dev" / "texts").is_dir() or not (CORPORA / "dev2" / "texts").is_dir():
        pytest.skip("the gold corpora (../shared/corpus/dev, dev2) are absent")
    paths = {p.name: p for p in sorted(SEEDS.glob("*.txt"))}
    for folder in ("dev", "dev2"):
        paths.update({p.name: p for p in sorted((CORPORA / folder / "texts").glob("*.txt"))})
    return paths


@pytest.fixture(scope="module")
def articles(texts: dict[str, Path]) -> dict[str, dnnd.Article]:
    return {name: dnnd.read(path, source=name) for name, path in texts.items()}


@pytest.fixture(scope="module")
def kb(articles: dict[str, dnnd.Article]) -> Corpus:
    return Corpus(articles.values()).prepare()


@pytest.fixture(scope="module")
def gold(texts: dict[str, Path]) -> dict[str, dict]:
    out = {}
    for folder in (SEEDS / "gold", CORPORA / "dev" / "gold", CORPORA / "dev2" / "gold"):
        for f in sorted(folder.glob("*.json")):
            out[f.stem + ".txt"] = json.loads(f.read_text(encoding="utf-8"))
    return {k: v for k, v in out.items() if k in texts}


def _renamed(place: str) -> str:
    """A province under its later name when it was only renamed ("Thừa Thiên Huế" became "Huế" whole).

    A merger (Bắc Giang into Bắc Ninh) keeps two localities: the later unit
    has a namesake before it or more than one predecessor.
    """
    unit = dnnd.registry.province(place)
    while unit is not None and unit.merged_into is not None:
        later = [u for u in dnnd.registry.provinces() if u.name == unit.merged_into]
        before = {u.name for u in dnnd.registry.provinces() if u.merged_into == unit.merged_into}
        if len(later) != 1 or before != {unit.name}:
            break
        unit = later[0]
    return unit.name if unit is not None else place


def surface_localities(text: str, start: int, end: int) -> set[str]:
    """The provinces a mention's own words place it in: a province after a unit word, or ending the mention."""
    found = set()
    for at, name in place_mentions(text, [(start, end)]):
        before = text[start:at]
        if text.startswith("Hồ Chí Minh", at) and not re.search(r"(?:TP\.?|[Tt]hành phố)\s*$", before):
            continue  # "Hồ Chí Minh" alone is the man ("Học viện ... Hồ Chí Minh"), the city is "TP Hồ Chí Minh"
        ends_it = not text[at:end].strip() or name_key(text[at:end]) == name_key(name) or at + len(name) >= end - 1
        if _UNIT_BEFORE.search(before) or ends_it:
            found.add(_renamed(name))
    return found


# ------------------------------------------------------------------ identity


def test_no_organisation_joins_two_localities_or_a_provincial_body_with_a_central_one(
    kb: Corpus, articles: dict[str, dnnd.Article]
) -> None:
    wrong = []
    for org in kb.organisations():
        written: dict[str, set[str]] = {}
        for ev in org.evidence:
            text = articles[ev.source].text
            for span in ev.spans:
                for place in surface_localities(text, span.start, span.end):
                    written.setdefault(place, set()).add(ev.source)
        if len(written) > 1 or (written and org.level == "central"):
            wrong.append(f"{org.id}: mentions written with {sorted(written)} ({org.level})")
    assert not wrong


def test_the_thai_binh_and_thanh_hoa_associations_for_laos_are_two_with_their_own_chairs(kb: Corpus) -> None:
    thanh_hoa = kb.organisation("Hội hữu nghị Việt - Lào tỉnh Thanh Hóa")
    thai_binh = kb.organisation("Hội hữu nghị Việt Nam - Lào tỉnh Thái Bình")
    assert thanh_hoa is not None and thai_binh is not None and thanh_hoa != thai_binh
    assert (thanh_hoa.locality, thai_binh.locality) == ("Thanh Hóa", "Thái Bình")
    assert thanh_hoa.sources == ("dev003.txt",) and thai_binh.sources == ("dev004.txt",)
    assert thai_binh in kb.organisations(locality="Thái Bình")
    assert thanh_hoa not in kb.organisations(locality="Thái Bình")
    assert [h.person for h in kb.holders("Hội hữu nghị Việt Nam - Lào tỉnh Thanh Hóa", "Chủ tịch")] == [
        "Phạm Thị Thanh Thủy"
    ]
    assert not {h.source for h in kb.holders("Hội hữu nghị Việt Nam - Lào tỉnh Thái Bình")} & {"dev003.txt"}
    # the bare name fits several bodies; in each article it stands for that article's association
    assert kb.organisation("Hội hữu nghị Việt Nam - Lào") is None
    assert kb.organisation("Hội hữu nghị Việt Nam - Lào", source="dev004.txt") == thai_binh
    assert not kb.why("Hội hữu nghị Việt Nam - Lào tỉnh Thái Bình", "Hội hữu nghị Việt Nam - Lào tỉnh Thanh Hóa").same


def test_the_thanh_hoa_japan_association_is_not_the_national_one(kb: Corpus) -> None:
    local = kb.organisation("Hội hữu nghị Việt Nam - Nhật Bản tỉnh Thanh Hóa")
    national = kb.organisation("Hội hữu nghị Việt Nam - Nhật Bản")
    assert local is not None and national is not None and local != national
    assert "dev012.txt" in local.sources and "dev012.txt" not in national.sources
    assert national.locality is None and national.registry_id == "hhn-vn-nhat"
    # dev012 writes the short national name for its provincial association
    assert kb.organisation("Hội hữu nghị Việt Nam - Nhật Bản", source="dev012.txt") == local


def test_every_pair_of_aliases_in_one_gold_record_resolves_to_one_entity(kb: Corpus, gold: dict[str, dict]) -> None:
    """Merging still happens: names the gold gives one body are one entity.

    In its article, every name of a gold body that the extraction gives one
    record must resolve to one entity; and names that identify the body on
    their own (with a locality, or of a central body) must do so anywhere.
    """
    split = []
    checked = 0
    for source, record in gold.items():
        art = kb.article(source)
        assert art is not None
        for body in record["organisations"]:
            names = [body["name"], *body["aliases"], *([body["abbreviation"]] if body.get("abbreviation") else [])]
            extracted = [
                {name_key(n) for n in (o.name, o.abbreviation or "", *o.aliases) if n} for o in art.organisations
            ]
            shared = {n for i, a in enumerate(extracted) for b in extracted[i + 1 :] for n in a & b}
            for record_names in extracted:
                # names two records of the article share (the extraction's own doubt) cannot pick one
                known = [n for n in names if name_key(n) in record_names - shared]
                if len(known) < 2:
                    continue
                checked += 1
                ids = {n: getattr(kb.organisation(n, source=source), "id", None) for n in known}
                if len(set(ids.values())) != 1 or None in ids.values():
                    split.append((source, ids))
    assert checked > 150
    assert not split


def test_vufos_spellings_across_the_corpora_are_one_entity(kb: Corpus, gold: dict[str, dict]) -> None:
    spellings: dict[str, set[str]] = {}
    for source, record in gold.items():
        for body in record["organisations"]:
            if body.get("abbreviation") == "VUFO" or name_key(body["name"]) == name_key("Liên hiệp các tổ chức hữu nghị Việt Nam"):
                for n in (body["name"], *body["aliases"], body.get("abbreviation") or "VUFO"):
                    spellings.setdefault(n, set()).add(source)
    assert len(spellings) >= 5
    # where an article writes it, every spelling is VUFO; anywhere, every spelling is VUFO
    in_articles = {(n, s): getattr(kb.organisation(n, source=s), "id", None) for n, ss in spellings.items() for s in ss}
    anywhere = {n: getattr(kb.organisation(n), "id", None) for n in spellings}
    assert set(in_articles.values()) == {"org:vufo"}, in_articles
    assert set(anywhere.values()) == {"org:vufo"}, anywhere


def test_same_name_people_in_different_provinces_stay_apart_unless_something_ties_them(kb: Corpus) -> None:
    # the VN-Cuba association of Hà Nội's chair (seed 000) and a Quảng Bình association's officer (a025)
    thao = kb.people(name="Nguyễn Viết Thảo")
    assert sorted(p.localities for p in thao) == [("Hà Nội",), ("Quảng Bình",)]
    assert not kb.why("Nguyễn Viết Thảo", ("Nguyễn Viết Thảo", "a025.txt")).same
    # VUFO's chair, named across seven articles, is one person: the body they share ties them
    son = kb.person("Phan Anh Sơn")
    assert son is not None and len(son.sources) >= 5
    why = kb.why(("Phan Anh Sơn", "001_93a5b40c263f557d.txt"), ("Phan Anh Sơn", "dev021.txt"))
    assert why.same and "Liên hiệp các tổ chức hữu nghị Việt Nam" in why.reasons[0]


# ------------------------------------------------------------------ time


def test_positions_are_dated_by_the_article_or_a_reported_event_and_never_by_history(kb: Corpus) -> None:
    wrong = []
    for person in kb.people(positions=True):
        for h in person.positions:
            art = kb.article(h.source)
            assert art is not None
            reported = {e.date for e in art.events if e.reported and e.date is not None}
            mentioned = {e.date for e in art.events if not e.reported and e.date is not None} - reported
            if art.published is not None:
                ok = h.date == art.published and h.dated_by == "published"
            else:
                ok = h.date is None or (h.date in reported and h.dated_by == "event")
            if not ok or (h.date is not None and art.published is None and h.date in mentioned):
                wrong.append((person.name, h.title, str(h.date), h.dated_by, h.source))
    assert not wrong


def test_a_chair_in_an_undated_article_is_not_dated_by_the_history_it_tells(kb: Corpus) -> None:
    # dev011 tells of 21/9/1973, when Japan and Vietnam set up relations, and reports no dated news
    (chair,) = [h for h in kb.positions_of("Nguyễn Văn Quyết") if h.source == "dev011.txt"]
    assert chair.date is None and chair.dated_by is None


# ------------------------------------------------------------------ reported and mentioned


@pytest.mark.parametrize(
    ("what", "source", "year"),
    [
        ("the 1953 Moncada attack, origin of a 2020 anniversary", "dev018.txt", "1953"),
        ("VUFO's 2009 accession to AICESIS", "004_235bed868508bb29.txt", "2009"),
    ],
)
def test_history_is_mentioned_not_reported(kb: Corpus, what: str, source: str, year: str) -> None:
    # never in the timeline; when the extraction finds it at all, it is a mentioned event
    assert not any(source in e.sources for e in kb.events(start=year, end=year)), what
    told = [e for e in kb.events(start=year, end=year, reported=None) if source in e.sources]
    assert all(not e.reported for e in told), what


def test_the_timeline_is_the_news(kb: Corpus) -> None:
    assert all(e.reported for e in kb.events())
    assert len(kb.events()) < len(kb.events(reported=None))
