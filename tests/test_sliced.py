"""The remembered searches of ``_sliced`` answer as the plain searches do, at slice edges too."""

from __future__ import annotations

import copy
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dnnd import _reported
from dnnd._sliced import OneCharMatches, SliceSearch, monotone, needed, reach

#: the cues of the classifier, and patterns of other shapes (a look-behind
#: deeper in the pattern, a look-ahead, an unbounded one, a case-blind one
#: with characters that fold unusually)
PATTERNS = [
    _reported._PLAN,
    _reported._DONE,
    _reported._ATTRIBUTE,
    re.compile(r"(?<=x )y{1,3}(?=[zZ])"),
    re.compile(r"(?<!\w)ab(?:c|\d\d)?(?!\w)", re.IGNORECASE),
    re.compile(r"k[sS]+t"),
    re.compile(r"[xy]ab"),  # the needed "b" is the last character of its match
    re.compile(r"(?<!\d )(?:ſt|İk)", re.IGNORECASE),
]
#: the words of those patterns, their other cases, and what borders them
TOKENS = [
    *"sẽ dự kiến dự định sắp ngày sáng chiều tối hôm mai tuần tháng năm thời gian dịp tới đã được thành lập vào ra đời cách đây".split(),
    *"SẼ Đã ĐÃ Tới Mai Ngày THÀNH LẬP ab AB abc x y yy z Z k s S t st ST ſt ı İk ik".split(),
    *"0 5 14 7 / - . , ; : ! ? ( ) “ \n".split(" "),
    " ",
    " ",
    "  ",
    "\n",
    "đãi",
    "xđã",
    "5 ",
]
pieces = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=40)
edges = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.integers(-2, 2), st.integers(-2, 2)), max_size=25)


def _bounds(tokens: list[str]) -> list[int]:
    """The offsets where the tokens start and end: slices that start and end right at cue words."""
    out = [0]
    for token in tokens:
        out.append(out[-1] + len(token))
    return out


def _queries(tokens: list[str], picks: list[tuple[int, int, int, int]], sliding: bool) -> list[tuple[int, int]]:
    cut = _bounds(tokens)
    size = cut[-1]
    out = []
    for i, j, di, dj in picks:
        s = min(max(cut[min(i, len(cut) - 1)] + di, 0), size)
        e = min(max(cut[min(j, len(cut) - 1)] + dj, 0), size)
        out.append((min(s, e), max(s, e)))
    return sorted(out, key=lambda q: q[1]) if sliding else out


@settings(max_examples=400, deadline=None)
@given(pieces, edges, st.booleans())
def test_slices_and_windows_are_searched_as_plainly(tokens, picks, sliding):
    text = "".join(tokens)
    queries = _queries(tokens, picks, sliding)
    for pattern in PATTERNS:
        slices, windows, both = SliceSearch(pattern, text), SliceSearch(pattern, text), SliceSearch(pattern, text)
        for s, e in queries:
            plain_slice = pattern.search(text[s:e]) is not None
            plain_window = pattern.search(text, s, e) is not None
            assert slices.in_slice(s, e) == plain_slice, (pattern.pattern, text, s, e)
            assert windows.in_window(s, e) == plain_window, (pattern.pattern, text, s, e)
            # one object asked both ways in turn keeps what it knows consistent
            assert (both.in_slice(s, e), both.in_window(s, e)) == (plain_slice, plain_window)


SENTENCE_TOKENS = [*". ! ? ; , a b A Đ “ ( ) \" \n".split(" "), " ", " ", "  ", "\t"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(SENTENCE_TOKENS), min_size=1, max_size=40), edges, st.sampled_from(["picked", "sorted", "every"]))
def test_sentence_ends_are_found_as_plainly(tokens, picks, order):
    text = "".join(tokens)
    ends = OneCharMatches(_reported._SENTENCE_END, text)
    if order == "every":  # every end, with windows of several lengths before it, as _sentence asks
        queries = [(max(0, e - w), e) for e in range(len(text) + 1) for w in (1, 2, 5, 30)]
    else:
        queries = _queries(tokens, picks, order == "sorted")
    for a, e in queries:
        plain = list(_reported._SENTENCE_END.finditer(text, a, e))
        last = ends.last(a, e)
        assert (last.span() if last else None) == (plain[-1].span() if plain else None), (text, a, e)
        first = ends.first(a, e)
        assert (first.span() if first else None) == (plain[0].span() if plain else None), (text, a, e)


@pytest.mark.parametrize(
    ("pattern", "text", "s", "e", "in_slice", "in_window"),
    [
        # a look-behind at the slice's start sees the start of a string; the window's sees the text
        (_reported._DONE, "xđã", 1, 3, True, False),
        (_reported._PLAN, "5 tuần tới", 2, 10, True, False),
        (_reported._PLAN, "a 5 tuần tới", 3, 12, True, False),  # "(?<!\d )" sees " " alone in the slice
        (_reported._PLAN, "a 5 tuần tới", 0, 12, False, False),
        # a look-ahead at the end sees the end of a string, in both
        (_reported._DONE, "bàn đãi ngộ", 0, 6, True, True),
        (_reported._DONE, "bàn đãi ngộ", 0, 7, False, False),
        (_reported._PLAN, "Ngày 5/8 tới đây", 0, 12, True, True),
        (_reported._PLAN, "Ngày 5/8 tới đây", 0, 13, True, True),
        (_reported._PLAN, "Ngày 5/8 tớiđây", 0, 15, False, False),
        (re.compile(r"(?<=x )y{1,3}(?=[zZ])"), "x yz", 1, 4, False, True),  # a look-behind that must see
        (re.compile(r"(?<=x )y{1,3}(?=[zZ])"), "x yz", 0, 4, True, True),
        (re.compile(r"(?<=x )y{1,3}(?=[zZ])"), "x yyyyz", 0, 7, False, False),
        (_reported._ATTRIBUTE, "Hội được thành lập", 4, 18, True, True),
        (_reported._ATTRIBUTE, "Hội được thành lậpx", 4, 19, False, False),
    ],
)
def test_slice_edges(pattern, text, s, e, in_slice, in_window):
    assert (pattern.search(text[s:e]) is not None, pattern.search(text, s, e) is not None) == (in_slice, in_window)
    # fresh, and after a call that read the text before
    for warm in (False, True):
        search = SliceSearch(pattern, text)
        if warm:
            search.in_window(0, len(text))
        assert search.in_slice(s, e) == in_slice
        search = SliceSearch(pattern, text)
        if warm:
            search.in_slice(0, len(text))
        assert search.in_window(s, e) == in_window


def test_reach_and_needed_are_read_from_the_pattern():
    assert reach(_reported._PLAN) == (2, 15)  # "(?<!\d )", "ngày 14/10 tới" and its look-ahead
    assert reach(_reported._DONE) == (1, 3)
    assert reach(re.compile(r"a+")) is None
    assert reach(re.compile(r"\bab")) is None
    assert reach(_reported._SENTENCE_END) is None  # "\s+" in its look-ahead
    assert needed(re.compile(r"(?<!\w)(?:ab|c\d)")) is not None
    assert needed(re.compile(r"a|\d")) is None
    assert needed(re.compile(r"x(?i:y)")).pattern == "[x]"  # not the letter whose case a flag changes


@pytest.mark.parametrize("char", ["s", "S", "ſ", "k", "K", "K", "i", "I", "ı", "İ", "σ", "ς", "Σ", "ß", "ẞ", "ẽ", "Ẽ", "đ", "Đ"])
def test_needed_characters_fold_as_the_pattern_does(char):
    for literal in ("s", "k", "i", "ı", "İ", "σ", "ß", "ẽ", "đ"):
        for flags in (0, re.IGNORECASE, re.IGNORECASE | re.ASCII):
            pattern = re.compile(re.escape(literal), flags)
            hint = needed(pattern)
            assert hint is not None
            assert not pattern.search(char) or hint.search(char), (literal, char, flags)


def test_monotone():
    assert monotone(_reported._SENTENCE_END)
    assert not monotone(re.compile(r"a(?!b)"))
    assert not monotone(re.compile(r"a$"))


#: short texts where a match sits at a slice's edge (a cue cut by the end, a look-behind cut by the start)
EDGE_TEXTS = ["bàn đãi ngộ", "xđã, đã", "a 5 tuần tới", "x yz x yyz", "cxab yab", "sắp tớix", "ĐÃ đãx"]


@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_every_second_question_after_every_first(text):
    """What one call learns is used by the next: every pair of calls, each slice and window of a short text."""
    spans = [(s, e) for e in range(len(text) + 1) for s in range(e + 1)]
    for pattern in PATTERNS:
        plain = {
            (kind, q): (pattern.search(text[q[0] : q[1]]) if kind == "slice" else pattern.search(text, *q)) is not None
            for q in spans
            for kind in ("slice", "window")
        }
        for kind, first in plain:
            searched = SliceSearch(pattern, text)
            (searched.in_slice if kind == "slice" else searched.in_window)(*first)
            for (kind2, q), expected in plain.items():
                search = copy.copy(searched)
                assert (search.in_slice if kind2 == "slice" else search.in_window)(*q) == expected, (
                    pattern.pattern,
                    text,
                    kind,
                    first,
                    kind2,
                    q,
                )


@pytest.mark.parametrize("pattern", [re.compile("."), _reported._PLAN, re.compile(r"(?<!\w)ab(?!\w)")])
def test_ends_past_the_text_read_as_the_plain_searches_do(pattern):
    text = "ab sẽ"
    n = len(text)
    calls = [(s, e) for s in range(-1, n + 3) for e in range(s, n + 4)]
    for kind in ("in_slice", "in_window"):
        search = SliceSearch(pattern, text)
        for s, e in calls:
            plain = (pattern.search(text[s:e]) if kind == "in_slice" else pattern.search(text, s, e)) is not None
            assert getattr(search, kind)(s, e) == plain, (kind, s, e)


def test_an_unreadable_parse_tree_means_plain_searches(monkeypatch):
    """Should the standard library's private parse tree change, the searches stay exact (only slower)."""
    from dnnd import _sliced

    pattern = re.compile(r"(?<!\w)cd(?!\w)")  # (a pattern of its own: the shapes are cached per pattern)
    monkeypatch.setattr(_sliced, "reach", lambda p: (_ for _ in ()).throw(AttributeError("layout changed")))
    search = SliceSearch(pattern, "ab cd")
    assert search.in_slice(0, 5) and not search.in_slice(0, 4) and search.in_window(3, 5)
