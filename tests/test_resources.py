"""Resource bounds: memory grows linearly with the input."""

from __future__ import annotations

import gc
import tracemalloc

import pytest

import dnnd


def _peak(text: str) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        dnnd.parse(text)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_peak_memory_is_roughly_linear_in_the_input() -> None:
    seed = next(p for p in dnnd.seed_paths() if p.name.startswith("003_")).read_text(encoding="utf-8")
    dnnd.parse(seed)  # warm the lazily built patterns and tables
    peaks = {k: _peak("\n".join([seed] * k)) for k in (1, 4, 16)}
    assert peaks[4] / peaks[1] < 4 * 2.5, peaks
    assert peaks[16] / peaks[1] < 16 * 2.5, peaks
    # and absolutely: well under 1 KiB of Python objects per character of input
    assert peaks[16] < 16 * len(seed) * 1024, peaks


ASSOCIATION = "Hội hữu nghị Việt Nam - Lào tỉnh Nghệ An tổ chức gặp mặt.\n\n"


@pytest.mark.parametrize(
    "extra",
    [
        "",
        "UBND tỉnh\n",  # a bare unit: its place is looked up among the mentions
        ASSOCIATION + "Ngày 5/6/2023, Hội tổ chức hội nghị tổng kết tại thành phố Vinh.\n",  # "Hội" alone organises
        ASSOCIATION + "Ông Nguyễn Văn An, Chủ tịch Hội, phát biểu.\n",  # a title names its body by its head
    ],
    ids=["alone", "bare unit", "bare Hội organises", "title of a bare Hội"],
)
def test_an_input_naming_one_body_on_every_line_stays_under_50_bytes_a_byte(extra: str) -> None:
    # the densest linear input of benchmarks/hostile.py ("VUFO lines"): one mention every five bytes; a
    # mention is three slots and a shared form, a record span 16 bytes of an array (issue 15's bound: 50),
    # also when one line more makes the resolver look across every mention
    dnnd.parse(extra + "VUFO\n" * 100)
    text = extra + "VUFO\n" * 20_000
    per_byte = _peak(text) / len(text.encode("utf-8"))
    assert per_byte <= 50, f"{per_byte:.1f} bytes of peak memory per input byte"


def test_a_body_named_on_every_line_is_one_record_with_every_span() -> None:
    text = "Hội nghị của VUFO\n\n" + "".join(f"Dòng {i}: VUFO và Bộ Ngoại giao.\n" for i in range(300))
    article = dnnd.parse(text)
    vufo = next(o for o in article.organisations if o.abbreviation == "VUFO")
    spans = [s for s in vufo.mentions]
    assert len(spans) == 301 and all(s.of(text) == "VUFO" for s in spans)
    assert spans == sorted(spans)
    starts = [i for i in range(len(text)) if text.startswith("VUFO", i)]
    assert [s.start for s in spans] == starts
