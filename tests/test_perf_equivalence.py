"""The speed-ups are exact: fast forms match what the plain forms match."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dnnd import _text
from dnnd._find.patterns import alternation, trie_alternation

LETTERS = "aAbBoOuUyYàÀáÁạỳýỶđĐ -.qQ"
words = st.lists(st.text(alphabet=LETTERS, min_size=1, max_size=6), min_size=1, max_size=12)
texts = st.text(alphabet=LETTERS + "xz", max_size=60)


@settings(max_examples=300, deadline=None)
@given(words, texts)
def test_trie_alternation_finds_what_the_flat_one_finds(ws, text):
    for wrap in ("{}", r"(?<!\w){}(?!\w)", r"{}\b", r"(?:{})\s*x"):
        flat = re.compile(wrap.format(alternation(ws)))
        trie = re.compile(wrap.format(trie_alternation(ws)))
        assert [m.span() for m in flat.finditer(text)] == [m.span() for m in trie.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(words, texts)
def test_trie_alternation_under_ignorecase(ws, text):
    flat = re.compile(rf"(?i:{alternation(ws)})(?!\w)")
    trie = re.compile(rf"(?i:{trie_alternation(ws, ignorecase=True)})(?!\w)")
    assert [m.span() for m in flat.finditer(text)] == [m.span() for m in trie.finditer(text)]


def test_empty_word_list():
    assert re.fullmatch(trie_alternation([]), "") and re.fullmatch(alternation([]), "")


ONE_TO_ONE = "".join(chr(c) for c in _text._ONE_TO_ONE)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ONE_TO_ONE + "aĐ \n", max_size=40))
def test_fold_is_translate(text):
    assert _text._fold(text) == text.translate(_text._FOLD_TABLE)


SLOW_TONES = re.compile(r"(?<![qQ])(?:" + "|".join(_text._TONES) + r")(?![\w" + _text._COMBINING + "])")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="oOuUqQàÀéỳÝỷẠa \u0301", max_size=30))
def test_tone_pattern_matches_the_plain_alternation(text):
    assert [m.span() for m in _text._TONE_RE.finditer(text)] == [m.span() for m in SLOW_TONES.finditer(text)]
