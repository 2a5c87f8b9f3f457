"""Resource bounds: memory grows linearly with the input."""

from __future__ import annotations

import gc
import tracemalloc

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
