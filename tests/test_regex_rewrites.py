"""The linear rewrites of issue 15 match exactly what the old patterns matched, where they are used.

``\\s*,?\\s*`` splits a run of spaces between its two ``\\s*`` every way
(quadratic in one match attempt); ``\\s*(?:,\\s*)?`` takes the same strings
with one way to take each. Each old pattern is rebuilt from the new one's
source, so the comparison follows the registries the patterns are built from.
"""

import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from dnnd._find import organisations as _organisations
from dnnd._find import people as _people
from dnnd._find import titles as _titles
from dnnd.corpus import _text_links

SPACES = [" ", "  ", "\n", "\u00a0", "\t"]


def _old(new: re.Pattern[str], rewritten: str, original: str) -> re.Pattern[str]:
    assert rewritten in new.pattern
    return re.compile(new.pattern.replace(rewritten, original, 1), new.flags)


def _spans(rx: re.Pattern[str], text: str, pos: int, anchored: bool) -> object:
    if anchored:
        m = rx.match(text, pos)
        return m and (m.span(), m.groupdict())
    return [(m.span(), m.groupdict()) for m in rx.finditer(text, pos)]


POST_VERB = _titles.post_verb_re()
OLD_POST_VERB = _old(POST_VERB, r"(?!(?<=\s)\s)\s*(?:,\s*)?(?<!\w)", r"\s*,?\s*(?<!\w)")
VERB_PIECES = [
    *SPACES, ",", ", ", " ,", "x", "Ông", "tiếp tục", "đã", "vừa", "được", "chính thức",
    "giữ chức", "làm", "bầu", "Bầu", "chức vụ", "cương vị", "Chủ tịch", "bổ nhiệm",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(VERB_PIECES), max_size=14).map("".join), st.integers(0, 6), st.booleans())
def test_post_verb_pattern_as_before(text, pos, anchored):
    """From where the code starts it: a word's end, never strictly inside a run of white space."""
    pos = min(pos, len(text))
    assume(not (0 < pos < len(text) and text[pos - 1].isspace() and text[pos].isspace()))
    assert _spans(POST_VERB, text, pos, anchored) == _spans(OLD_POST_VERB, text, pos, anchored)


ORGAN_TERM = _organisations._ORGAN_TERM
OLD_ORGAN_TERM = _old(ORGAN_TERM, r"(?:\s*(?:,\s*)?(?:khóa", r"(?:\s*,?\s*(?:khóa")
TERM_PIECES = [*SPACES, ",", ", ", "khóa", "nhiệm kỳ", "lần thứ", "XII", "2020", "-", " - ", "25", "x"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(TERM_PIECES), max_size=14).map("".join), st.integers(0, 6), st.booleans())
def test_organ_term_pattern_as_before(text, pos, anchored):
    pos = min(pos, len(text))
    assert _spans(ORGAN_TERM, text, pos, anchored) == _spans(OLD_ORGAN_TERM, text, pos, anchored)


PHRASES = [rx for rx, _ in _text_links._phrases()]
OLD_PHRASES = [_old(rx, r"(?<!\s)\s*(?:[(,]\s*)?", r"\s*[(,]?\s*") for rx in PHRASES]
PHRASE_PIECES = [*SPACES, ",", "(", ", ", " (", "là", "Là", "thành viên", "của", "thuộc", "trực", "Hội", "x", "."]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PHRASE_PIECES), max_size=14).map("".join))
def test_relation_phrases_as_before(gap):
    """Searched over the whole gap between two names, as ``stated_relations`` does."""
    for new, old in zip(PHRASES, OLD_PHRASES, strict=True):
        a, b = new.search(gap), old.search(gap)
        assert (a and a.span()) == (b and b.span())


def test_the_rewrites_take_a_long_run_of_spaces_at_once():
    run = " " * 20_000
    assert POST_VERB.match(run + "x") is None
    assert ORGAN_TERM.match(run + "x") is None
    assert all(rx.search(run + "x") is None for rx in PHRASES)


DASH_PIECES = [*SPACES, "-", " - ", "á", "Âu", "x", ","]
dashed = st.lists(st.sampled_from(DASH_PIECES), max_size=14).map("".join)


@settings(max_examples=500, deadline=None)
@given(dashed)
def test_dash_patterns_substitute_as_before(text):
    """``sub`` scans from the start, so the first match never begins after white space."""
    assert _organisations._DASH_SPACES.sub("-", text) == re.sub(r"\s*-\s*", "-", text)
    assert _organisations._registry_key(text) == re.sub(r"\s*-\s*", "-", text.lower())
    squash = re.sub(r"(?<!\s)\s+-\s*|-\s+", " - ", text)
    assert squash == re.sub(r"\s+-\s*|\s*-\s+", " - ", text)


ANAPHOR = _text_links._ANAPHOR
OLD_ANAPHOR = re.compile(r"(?:^|[.;]\s+|\n)\s*(?:Đến nay,\s*|Hiện nay,\s*|Hiện,\s*)?(Hội|Liên hiệp|Tổ chức|Ủy ban|Trung tâm)\s*$")
ANAPHOR_PIECES = [*SPACES, ".", ";", ". ", "Hội", "Tổ chức", "Hiện nay,", "Đến nay, ", "x", "\n\n"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(ANAPHOR_PIECES), max_size=14).map("".join), st.integers(0, 40))
def test_anaphor_as_before(text, back):
    """Searched as ``_subject`` does: from the line's start (or 40 back) to the phrase."""
    end = len(text)
    line_start = text.rfind("\n", 0, end) + 1
    pos = max(line_start, end - back)
    a, b = ANAPHOR.search(text, pos, end), OLD_ANAPHOR.search(text, pos, end)
    assert (a and (a.span(), a.group(1))) == (b and (b.span(), b.group(1)))


TAIL_PIECES = [*SPACES, ".", ",", "(", "-", ":", '"', "Hà", "nội", "x", "7", "Đ", "\n\n"]
tails = st.lists(st.sampled_from(TAIL_PIECES), max_size=14).map("".join)


@settings(max_examples=500, deadline=None)
@given(tails, st.integers(0, 30))
def test_word_and_stop_tails_as_before(text, back):
    """Searched over ``text[lo:pos]`` (a slice now, a pos/endpos window before)."""
    pos = len(text)
    lo = max(0, pos - back)
    old_word = re.compile(r"(\w+)\W*$").search(text, lo, pos)
    new_word = _organisations._LAST_WORD.search(text[lo:pos])
    assert (old_word and old_word[1]) == (new_word and new_word[1])
    old_space = re.compile(r"(\w+)\s+$").search(text, lo, pos)
    new_space = _organisations._LAST_WORD_SPACE.search(text[lo:pos])
    assert (old_space and (old_space.start(), old_space[1])) == (new_space and (lo + new_space.start(), new_space[1]))
    old_stop = re.compile(r"[.!?:;\n\"(]\s*$").search(text, lo, pos) is not None
    assert _organisations._ends_sentence(text[lo:pos]) is old_stop
    old_sep = re.compile(r"\s*[,(-]\s*$").search(text, lo, pos)
    new_sep = _people._SEP_BEFORE.search(text[lo:pos])
    assert (old_sep and old_sep.start()) == (new_sep and lo + new_sep.start())


REF = _titles._ref_re()
OLD_REF = _old(REF, r"\s+(?!\s)(?!(?i:", r"\s+(?!(?i:")
REF_PIECES = [*SPACES, "Hội", "hội", "Hội đồng", "Hội nghị", "khóa", "IV", "Lào", "cựu", "x", "-", "Chủ tịch", "Ủy ban"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(REF_PIECES), max_size=14).map("".join), st.integers(0, 6), st.booleans())
def test_ref_pattern_as_before(text, pos, anchored):
    pos = min(pos, len(text))
    assert _spans(REF, text, pos, anchored) == _spans(OLD_REF, text, pos, anchored)


TIE_PIECES = ["Dịp này", "dịp này", "Nhân dịp này", "Cũng ", "Cũng", "xCũng ", "Tại buổi lễ", "trong khuôn khổ hội nghị",
              " ", "  ", "\n", "\n\n", ".", "!", "?", ",", "x", "Hà", " \t", "\u00a0"]  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(TIE_PIECES), max_size=12).map("".join), st.data())
def test_a_tie_is_found_where_the_tie_pattern_is_searched(text, data):
    from dnnd._find import events

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    searched = events._TIE.search(text, start, end)
    found = events._tie(text, start, end)
    assert (found and found.span()) == (searched and searched.span())
