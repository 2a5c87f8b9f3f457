"""Hostile inputs parse in time linear in their size, like ordinary text.

Each input below once made (or could make) a pattern or a loop go
quadratic: long runs of one phrase, of capitalised syllables, of digits and
slashes, a line without spaces, a line of spaces. They must parse within a
small multiple of the time ordinary text of the same size takes. The bound
is generous (10x, and 30 s) because timings on a shared machine are noisy;
``benchmarks/run.py --only adversarial`` prints the actual ratios (1 MB).
"""

import time

import pytest

import dnnd
from dnnd._layout import segment
from dnnd._text import normalise
from dnnd.model import SegmentKind

HEADLINE = "Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang tổ chức hội nghị tổng kết\n\n"

UNITS = {
    "directive words": "Chỉ thị ",
    "capitalised syllables": "Nguyễn Văn ",
    "association head": "Hội hữu nghị Việt Nam - ",
    "digits and slashes": "".join(f"{i % 10}/" for i in range(1000)),
    "no spaces": "ĐạihộiXIIIChỉthị12-CT/TWNguyễnVănDoanh",
    "union head": "Liên hiệp các tổ chức hữu nghị ",
    "front committee": "Ủy ban MTTQ tỉnh ",
    "long date words": "ngày 1 tháng 1 năm ",
    "title chain": "Phó Chủ tịch ",
    "dates in one sentence": "Sáng 14/7, tại ",
    "congress words": "Đại hội lần thứ ",
    "place names": "Hà Nội Bắc Giang Quảng Nam ",
    "citations": "12-CT/TW ",
    "events": "ngày 14/7 hội nghị tại Hà Nội do Sở Ngoại vụ tổ chức, ",
    "people and titles": "ông Nguyễn Văn Doanh, Phó Chủ tịch Liên hiệp các tổ chức hữu nghị Việt Nam, ",
    "named years": "Năm Đoàn kết hữu nghị Việt Nam - Lào ",
    "ties": "Dịp này, Tại buổi lễ đã diễn ra giao lưu ",
    "places": "tại huyện Sê Pôn, tỉnh ",
    "organiser clauses": "Hội hữu nghị Việt Nam - Lào phối hợp với các đơn vị và ",
    "done by": "hội thảo do Sở Ngoại vụ và ",
    "cycle years": "Tết Quý Mão 2023 Giáp Thìn ",
    "date ranges": "2 - 4.4 và 5.6 và ",
    "timestamps": "22:12 | 20/07/2022 GMT+7 ",
}


# A run of one character inside a body paragraph that follows a lead
# paragraph: the credit-tail pattern once tried every position of such a run
# (160 KB of spaces took minutes).
LEAD = "Đoạn mở đầu của bài viết về hội nghị.\n\n"
WHITE_SPACE = {"spaces": " ", "tabs": "\t", "no-break spaces": "\u00a0", "em spaces": "\u2003", "ideographic spaces": "\u3000"}


def _body_run(ch: str):  # type: ignore[no-untyped-def]
    return lambda size: LEAD + "Chỉ thị" + ch * size + "12-CT/TW (Ảnh: X)."


BODY_RUNS = {name: _body_run(ch) for name, ch in WHITE_SPACE.items()}


def _fill(unit: str, size: int) -> str:
    body = size - len(HEADLINE)
    return HEADLINE + (unit * (body // len(unit) + 1))[:body]


def _ordinary(size: int) -> str:
    paragraphs = []
    for art in dnnd.seeds():
        canon = normalise(art.text).canonical
        paragraphs += [canon[ln.start : ln.end] for ln in segment(canon).lines if ln.kind is SegmentKind.BODY]
    text = HEADLINE
    while len(text) < size:
        text += "\n\n".join(paragraphs) + "\n\n"
    return text[:size]


def _time(text: str, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        dnnd.parse(text)
        best = min(best, time.perf_counter() - t0)
    return best


def _check(size: int, name: str, base_cache: dict[int, float]) -> None:
    if size not in base_cache:
        dnnd.parse(_ordinary(1000))  # warm-up: registry and patterns
        base_cache[size] = _time(_ordinary(size), repeat=3)
    base = base_cache[size]
    text = _fill(UNITS[name], size) if name not in BODY_RUNS else HEADLINE + BODY_RUNS[name](size)
    took = _time(text)
    if took > 10 * base:  # a busy machine: measure again before failing
        took = min(took, _time(text, repeat=2))
    assert took < 30, f"{name}: {took:.1f} s for {len(text):,} characters"
    assert took < 10 * base, f"{name}: {took / base:.1f}x the time of ordinary text ({took:.2f} s vs {base:.2f} s)"


_BASE: dict[int, float] = {}


@pytest.mark.parametrize("name", [*UNITS, *BODY_RUNS])
def test_hostile_input_of_200k_chars_is_linear(name):
    _check(200_000, name, _BASE)


@pytest.mark.slow
@pytest.mark.parametrize("name", [*UNITS, *BODY_RUNS])
def test_hostile_input_of_1mb_is_linear(name):
    _check(1_000_000, name, _BASE)
