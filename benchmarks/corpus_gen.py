"""Generate article summaries with a real archive's variety, for corpus benchmarks.

Every article brings new people (names drawn from surname, middle and
given-name lists, so that some names recur by chance in other provinces, as
in life) and new bodies (a school or company of its own), and names the
standing bodies of one province: its union of friendship organisations, an
association for one partner country (every province x country pair
exists), the provincial People's Committee and Party committee, and often
VUFO. Each reports one or two dated events (a conference, a congress, a
visit ...) and may mention a past one; a third of the articles are undated.
Dates run from 2015 to 2026, and a province merged on 2025-07-01 is named
by its new unit after that day.

    from corpus_gen import articles
    summaries = list(articles(100_000, seed=1))

Deterministic for a given seed.
"""

from __future__ import annotations

import datetime as _dt
import random
from collections.abc import Iterator

from dnnd import registry
from dnnd.corpus import ArticleSummary
from dnnd.model import (
    CongressResolution,
    Document,
    DocumentKind,
    Event,
    EventKind,
    Organisation,
    OrganisationKind,
    PartialDate,
    Person,
    Position,
    Span,
)

MIDDLE = (
    "Văn Thị Hữu Đức Minh Thanh Quốc Ngọc Xuân Công Hoàng Anh Thu Kim Duy Bảo Hải Tuấn Việt Hồng Đình Trọng "
    "Quang Thành Mạnh Phương Diệu Gia Khánh Nhật"
).split()
GIVEN = (
    "An Anh Bình Cường Dũng Duy Đạt Giang Hà Hải Hạnh Hằng Hiền Hiếu Hòa Hoàng Hùng Hương Huy Khang Khánh Khoa "
    "Lan Linh Long Mai Minh My Nam Nga Ngân Nghĩa Ngọc Nhung Phong Phúc Phương Quân Quang Quyên Sơn Tâm Tân "
    "Thắng Thảo Thanh Thành Thịnh Thu Thủy Thư Tiến Toàn Trang Trí Trung Tú Tuấn Tùng Uyên Vân Việt Vinh Vũ Yến "
    "Bảo Châu Chi Diệp Hân Hậu Hiệp Học Kiên Kiệt Lâm Lộc Luân Lực Lương Mỹ Nhân Như Oanh Phát Quý Sang Tài "
    "Thái Thiện Thông Trâm Triều Trinh Tường Văn Vy Xuân"
).split()
COUNTRIES = (
    "Lào Campuchia Cuba Nhật Bản Hàn Quốc Trung Quốc Nga Ấn Độ Pháp Đức Anh Hoa Kỳ Thái Lan Singapore Indonesia "
    "Philippines Malaysia Mông Cổ Hungary Ba Lan Séc Bulgaria Venezuela Mozambique Angola Algérie Ai Cập Israel "
    "Australia New Zealand Canada Brazil Mexico Italia Tây Ban Nha"
)
TITLES = ("Chủ tịch", "Phó Chủ tịch", "Phó Chủ tịch Thường trực", "Ủy viên", "Trưởng ban", "Giám đốc")
KINDS = (EventKind.CONFERENCE, EventKind.CONGRESS, EventKind.SEMINAR, EventKind.VISIT, EventKind.EXCHANGE)
MERGER = _dt.date(2025, 7, 1)


def _countries() -> list[str]:
    names = [c.name for c in registry.countries()]
    return sorted(set(names))[:40]


def _provinces(day: _dt.date) -> list[registry.Province]:
    return [u for u in registry.provinces() if u.exists_on(day)]


def _span(rng: random.Random, at: int) -> Span:
    return Span(start=at, end=at + rng.randint(8, 60))


def _org(name: str, kind: OrganisationKind, locality: str | None, rng: random.Random, at: int) -> Organisation:
    return Organisation(id="org:x", name=name, kind=kind, locality=locality, mentions=(_span(rng, at), _span(rng, at + 400)))


def articles(n: int, *, seed: int = 1) -> Iterator[ArticleSummary]:
    """*n* article summaries, every one with new people and a new body (see the module docstring)."""
    rng = random.Random(seed)
    surnames = sorted(registry.surnames())
    countries = _countries()
    provinces_before = _provinces(_dt.date(2025, 6, 30))
    provinces_after = _provinces(MERGER)
    start = _dt.date(2015, 1, 1).toordinal()
    stop = _dt.date(2026, 6, 30).toordinal()
    for i in range(n):
        day = _dt.date.fromordinal(rng.randint(start, stop))
        unit = rng.choice(provinces_after if day >= MERGER else provinces_before)
        place, unit_word = unit.name, unit.type
        where = f"{unit_word} {place}"
        country = rng.choice(countries)
        at = 0
        orgs = [
            _org(f"Liên hiệp các tổ chức hữu nghị {where}", OrganisationKind.FRIENDSHIP_UNION, place, rng, at := at + 50),
            _org(f"Hội hữu nghị Việt Nam - {country} {where}", OrganisationKind.FRIENDSHIP_ASSOCIATION, place, rng, at := at + 50),
            _org(f"Ủy ban nhân dân {where}", OrganisationKind.STATE, place, rng, at := at + 50),
            _org(f"Trường Trung học cơ sở {rng.choice(GIVEN)} {rng.choice(GIVEN)} số {i}", OrganisationKind.EDUCATION, place, rng, at := at + 50),
        ]
        if rng.random() < 0.4:
            orgs.append(
                _org("Liên hiệp các tổ chức hữu nghị Việt Nam", OrganisationKind.FRIENDSHIP_UNION, None, rng, at := at + 50)
            )
        if rng.random() < 0.3:
            orgs.append(_org(f"Tỉnh ủy {place}" if unit_word == "tỉnh" else f"Thành ủy {place}", OrganisationKind.PARTY, place, rng, at := at + 50))
        people = []
        for k in range(rng.randint(2, 6)):
            name = f"{rng.choice(surnames)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
            body = rng.choice(orgs[:3] + orgs[4:]) if k < 3 else None
            positions = (Position(title=rng.choice(TITLES), organisation=body.name),) if body is not None else ()
            people.append(Person(id="person:x", name=name, positions=positions, mentions=(_span(rng, at := at + 80),)))
        published = PartialDate.from_date(day) if rng.random() < 0.67 else None
        events = [
            Event(
                id="event:x",
                kind=rng.choice(KINDS),
                date=PartialDate.from_date(day - _dt.timedelta(days=rng.randint(0, 3))),
                location=place,
                organisers=(orgs[rng.randint(0, 1)].name,),
                mentions=(_span(rng, 10),),
            )
            for _ in range(rng.randint(1, 2))
        ]
        if rng.random() < 0.3:  # a past happening the article mentions (a founding, an anniversary's origin)
            events.append(
                Event(
                    id="event:y",
                    kind=EventKind.OTHER,
                    date=PartialDate(year=rng.randint(1950, 2012)),
                    location=place,
                    mentions=(_span(rng, 900),),
                    reported=False,
                )
            )
        documents = []
        if rng.random() < 0.3:
            documents.append(Document(id="doc:x", kind=DocumentKind.DIRECTIVE, number="12-CT/TW", type_word="Chỉ thị", mentions=(_span(rng, 30),)))
        if rng.random() < 0.2:
            documents.append(
                Document(id="doc:y", kind=DocumentKind.SCHEME, number=f"{rng.randint(1, 999)}/KH-UBND", type_word="Kế hoạch", mentions=(_span(rng, 60),))
            )
        congresses = (
            (CongressResolution(id="c:13", ordinal=13, scope="national", party_body="Đảng Cộng sản Việt Nam", term="2021-2026", mentions=(_span(rng, 700),)),)
            if rng.random() < 0.25
            else ()
        )
        taking_part = tuple((p, e) for p in range(len(people)) for e in range(len(events)) if events[e].reported)
        yield ArticleSummary(
            source=f"gen{i:07d}.txt",
            title=f"Hoạt động đối ngoại nhân dân {where} số {i}",
            published=published,
            documents=tuple(documents),
            congress_resolutions=congresses,
            organisations=tuple(orgs),
            people=tuple(people),
            events=tuple(events),
            taking_part=taking_part,
        )
