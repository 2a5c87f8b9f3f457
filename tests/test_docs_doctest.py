"""Run the ``>>>`` examples of the documentation pages as doctests.

Convention: fenced code blocks whose language is ``pycon`` are doctests.
Blocks of one page share their names, in page order, like a session. A
``python`` block must not contain ``>>>`` (it would silently go untested).
"""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[1] / "docs"
PAGES = sorted(p for p in DOCS.rglob("*.md") if "_build" not in p.parts)
FENCE = re.compile(r"^(```+|:::+)\s*\{?([\w-]*)\}?[^\n]*\n(.*?)^\1\s*$", re.M | re.S)
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def blocks(text: str, language: str) -> list[tuple[int, str]]:
    """Return ``(line, body)`` of every fenced block of *language*."""
    return [(text.count("\n", 0, m.start(3)) + 1, m.group(3)) for m in FENCE.finditer(text) if m.group(2) == language]


def test_pages_were_found() -> None:
    assert any(p.name == "getting-started.md" for p in PAGES)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_python_blocks_hold_no_doctest(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    bad = [line for line, body in blocks(text, "python") if ">>>" in body]
    assert bad == [], f"{page.name}: use ```pycon for >>> examples (lines {bad})"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_page_examples(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    found = blocks(text, "pycon")
    if not found:
        pytest.skip("no examples on this page")
    # One session per page; every other line is blanked so that line
    # numbers in failure reports are those of the page.
    lines = [""] * (text.count("\n") + 1)
    for line, body in found:
        for offset, content in enumerate(body.splitlines()):
            lines[line - 1 + offset] = content
    test = doctest.DocTestParser().get_doctest("\n".join(lines), {"__name__": "__docs__"}, page.name, str(page), 0)
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} example(s) failed in {page.name} (see the output above)"
