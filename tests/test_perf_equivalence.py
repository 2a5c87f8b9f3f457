"""The speed-ups are exact: fast forms match what the plain forms match."""

import re

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dnnd import _layout, _text
from dnnd._find import dates as _dates
from dnnd._find import documents as _documents
from dnnd._find import events as _events
from dnnd._find import names as _names
from dnnd._find import people as _people
from dnnd._find import titles as _titles
from dnnd._find.patterns import alternation, first_chars, trie_alternation

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


# ---------------------------------------------------------- first-character guards

_GUARD = re.compile(r"\(\?=(?:\(\?i:\[[^\]]*\]\)|\[[^\]]*\])\)")


def _unguarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    guard = _GUARD.match(pattern.pattern)
    assert guard is not None, "the pattern starts with its guard"
    return re.compile(pattern.pattern[guard.end() :], pattern.flags)


# pieces the guarded patterns are built from, and the letters around them
PIECES = [
    "Chủ tịch", "chủ tịch", "CHỦ TỊCH", "Phó", "nguyên", "Nguyên", "ông", "Ông", "bà", "Đại sứ", "đại sứ", "TS.", "PGS",
    "Nguyễn", "Văn", "Doanh", "Trần", "Lê", "Thị", "Hà Nội", "Ủy viên", "ủy viên", "Bí thư", "Tỉnh ủy", "x", "K", "\u212a",
    "İ", "ı", "1", "(", ")", "-", ":", "'", ".",
]
guarded_texts = st.lists(
    st.tuples(st.sampled_from(PIECES), st.sampled_from(["", " ", "  ", ", ", " - ", ".", "\n"])), max_size=14
).map(lambda parts: "".join(a + b for a, b in parts))


@settings(max_examples=400, deadline=None)
@given(guarded_texts)
def test_guarded_patterns_match_what_the_plain_ones_match(text):
    for pattern in (_titles.title_re(), _titles.honorific_re(), _names._vietnamese_re()):
        plain = _unguarded(pattern)
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
        for pos in range(len(text)):
            a, b = pattern.match(text, pos), plain.match(text, pos)
            assert (a and a.span()) == (b and b.span())


@pytest.mark.parametrize(
    ("lists", "ignorecase", "text", "starts"),
    [
        ([["Chủ tịch", "Phó"]], False, "ông Phó Chủ tịch", [4, 8]),
        ([["chủ tịch"]], True, "CHỦ TỊCH, chủ tịch", [0, 10]),
        ([["Ông"], ["bà"]], False, "Ông và bà", [0, 7]),
    ],
)
def test_first_chars_guard(lists, ignorecase, text, starts):
    words = [w for ws in lists for w in ws]
    body = f"(?i:{alternation(words)})" if ignorecase else alternation(words)
    guarded = re.compile(first_chars(*lists, ignorecase=ignorecase) + body)
    assert [m.start() for m in guarded.finditer(text)] == starts


def test_no_guard_for_an_empty_list():
    # an empty alternation matches the empty string anywhere: no character can be required
    assert first_chars(["Ông"], []) == ""


CREDIT_PIECES = ["Ảnh", "ảnh", "ẢNH", "aNh", "Nguồn", "NGUỒN", "nguồn ảnh", "Photo", "pHoTo", "quản", "minh họa", "minh hoạ", ":", ": ", "(", ")", "_", " - ", "|", "X", "TTXVN", " ", "."]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(CREDIT_PIECES), max_size=12).map("".join))
def test_credit_prefilters_agree_with_the_patterns(text):
    assert _layout._photo_credit(text) == bool(_layout._PHOTO_CREDIT.search(text))
    fast, slow = _layout._credit_tail(text), _layout._CREDIT_TAIL.search(text)
    assert (fast and fast.span()) == (slow and slow.span())


DATE_PIECES = ["ngày", "Ngày", "tháng", "Tháng", "năm", "Năm", "từ", "Từ", "đến", "tới", "và", "vào năm", "(", ")", "/", ".", "-",
               ",", " ", "  ", "1", "2", "05", "12", "31", "7", "2022", "1999", "2023", "x", "tỉnh"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(DATE_PIECES), max_size=16).map("".join))
def test_guarded_date_patterns_match_what_the_plain_ones_match(text):
    for (name, plain), (_, guarded) in zip(_dates._PLAIN, _dates._PATTERNS, strict=True):
        assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in re.finditer(plain, text)], name


def _foreign_before_plain(text, lo, stop, other_starts):
    """The name search before an apposition, every word start tried (the form before the skip)."""
    for wm in _people._WORD_START.finditer(text, lo, stop):
        pos = wm.start()
        before = text[max(lo, pos - 2) : pos].strip()
        if _people._after_capitalised_word(text, pos, lo) or (before and before[-1].isalnum() and before[-1].isupper()):
            continue
        nm = _names.name_at(text, pos, stop, other_starts)
        if nm is not None and nm.end == stop and nm.foreign:
            return nm
    return None


NAME_PIECES = ["Kusaka", "Masatoshi", "Marc", "E.", "Knapper", "van", "de", "Xổm-xạ-vạt", "S'bong", "Nguyễn", "Văn", "có",
               "tham dự", "Tham dự có", "Hà Nội", "UBND", "(", ")", ":", "ông", "Ông", "1", "và"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(NAME_PIECES), st.sampled_from([" ", " ", "  ", ", ", "-", ""])), max_size=10),
       st.sampled_from([", Tổng Lãnh sự", " - Đại sứ", " (Chủ tịch"]))
def test_foreign_name_before_an_apposition_as_before(parts, tail):
    head = "".join(a + b for a, b in parts).rstrip()
    text = head + tail
    stop = len(head)
    for lo in range(0, stop + 1, 3):
        fast = _people._foreign_before(text, lo, stop, lambda pos: False)
        slow = _foreign_before_plain(text, lo, stop, lambda pos: False)
        assert fast == slow


TIE_PIECES = ["Nhân dịp này", "nhân dịp này", "Dịp này", "Trong dịp này", "Tại buổi lễ", "tại buổi lễ", "Trong khuôn khổ",
              "trong khuôn khổ", "chương trình", "hội nghị", "Cũng", ".", "\n", " ", ", ", "x", "Sáng nay", "hôm qua", "3",
              "ngày trước", "Chiều qua"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TIE_PIECES), max_size=12).map("".join), st.integers(0, 5))
def test_tie_and_relative_dates_as_the_plain_patterns(text, start):
    plain = _events._TIE.search(text, start, len(text))
    fast = _events._tie(text, start, len(text))
    assert (plain and plain.span()) == (fast and fast.span())
    guarded = _dates._relative_re()[0]
    unguarded = _unguarded(guarded)
    assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in unguarded.finditer(text)]


DOC_PIECES = ["Chỉ thị", "chỉ thị", "Chỉ Thị", "Nghị quyết", "Quyết định", "số", "Số", "No.", ":", " ", "12", "-", "CT", "/", "TW",
              "462", "BNG", "CNV", "m", "2022", "NQ", "QĐ", "UBND", "x", "Đ"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(DOC_PIECES), max_size=14).map("".join))
def test_guarded_citation_pattern_matches_what_the_plain_one_matches(text):
    guarded = _documents._pattern()
    plain = _unguarded(guarded)
    assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in plain.finditer(text)]


EVENT_PIECES = ["Hội nghị", "hội nghị", "HỘI NGHỊ", "Lễ", "lễ kỷ niệm", "tổ chức", "Tổ chức", "chủ trì", "tiếp", "đón", "TP.", "TS.",
                "Biên Hòa", "Sáng", ".", "!", ";", " ", "  ", "\n", "\"", "(", "x", "Đoàn", "giao lưu"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(EVENT_PIECES), max_size=14).map("".join))
def test_guarded_event_patterns_match_what_the_plain_ones_match(text):
    for guarded in (_events._noun_re(), _events._verb_re()[0]):
        plain = _unguarded(guarded)
        assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in plain.finditer(text)]
    plain_end = re.compile(_events._SENTENCE_END.pattern.removeprefix("(?=\\s)(?:").removesuffix(")"))
    assert [m.span() for m in _events._SENTENCE_END.finditer(text)] == [m.span() for m in plain_end.finditer(text)]


# ---- the find pipeline skips a step (or a whole window) only where it would find nothing

from dnnd import seeds as _seeds  # noqa: E402
from dnnd._find import FIELDS, STEPS, find  # noqa: E402
from dnnd._find.context import FindContext, always  # noqa: E402
from dnnd.model import PartialDate  # noqa: E402

PLAIN_STEPS = tuple(attrs.evolve(s, needs=always, reads=(), hint=None) for s in STEPS)

#: pieces of lines with something (and nothing) for every step to find, made up for the test
FRAGMENTS = [
    "Sáng 14/7/2022,", "hôm qua", "Sáng nay", "3 ngày trước", "Liên hiệp các tổ chức hữu nghị", "VUFO", "tỉnh Bắc Giang",
    "Chủ tịch", "Phó Chủ tịch", "ông", "bà", "Nguyễn Văn An", "Trần Thị Bình", "Tỉnh ủy viên", "ủy viên", "Đại hội XIII",
    "Đại hội lần thứ VI của Đảng", "Chỉ thị 12-CT/TW", "số 07-HD/BTG ngày 12/3/2019", "của", "tổ chức hội nghị",
    "Dịp này, hai bên đã ký kết thỏa thuận", "Năm Đoàn kết hữu nghị Việt Nam - Lào 2022", "Tuần lễ", "a", "hội", "Hội",
    "hội hữu nghị", "Ủy ban nhân dân", "UBND", "Đoàn đại biểu", "đã", "gặp", "tại Hà Nội", ".", ",", ":", "-", "(", ")",
    "Nguyên", "nguyên Bộ trưởng", "anh", "cựu binh Mỹ", "TS.", "PGS.TS", "Đại sứ", "ngài", "Quyền Chủ tịch", "cố vấn",
]
lines = st.lists(st.sampled_from(FRAGMENTS), max_size=8).map(" ".join)
articles = st.lists(lines, min_size=1, max_size=12)


def _windows(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for piece in text.split("\n"):
        if piece:
            out.append((pos, pos + len(piece)))
        pos += len(piece) + 1
    return out


def _same(text: str, published: PartialDate | None) -> None:
    w = _windows(text)
    fast = find(text, w, published=published)
    plain = find(text, w, published=published, steps=PLAIN_STEPS)
    for field in FIELDS:
        assert getattr(fast, field) == getattr(plain, field), field


@settings(max_examples=300, deadline=None)
@given(articles, st.sampled_from([None, PartialDate(year=2024, month=3, day=1), PartialDate(year=2024)]))
def test_the_pipeline_skips_only_what_finds_nothing(ls, published):
    _same("\n".join(ls), published)


@settings(max_examples=300, deadline=None)
@given(lines, st.sampled_from([None, PartialDate(year=2024, month=3, day=1)]))
def test_a_step_whose_condition_fails_finds_nothing(line, published):
    for step in STEPS:
        if step.needs(line, 0, len(line), published):
            continue
        ctx = FindContext(line, 0, len(line), published)
        assert not list(step.find(ctx)), step.name


@settings(max_examples=300, deadline=None)
@given(lines, st.sampled_from([None, PartialDate(year=2024, month=3, day=1)]))
def test_a_step_whose_hint_misses_a_line_has_no_condition_there(line, published):
    for step in STEPS:
        hint = step.hint(published) if step.hint else None
        if hint is None or not step.needs(line, 0, len(line), published):
            continue
        clauses = hint if isinstance(hint, tuple) else ((hint,),)
        assert any(all(p.search(line) for p in clause) for clause in clauses), step.name


@pytest.mark.parametrize(
    ("pattern", "text", "windows", "hit"),
    [
        ("Năm", "ab Năm cd\nxx\nNăm", [(0, 9), (10, 12), (13, 16)], [0, 2]),
        ("m N|Năm", "xm N yNăm", [(0, 3), (4, 10)], [1]),  # a match leaving its window counts in none
        ("abc|b", "abc", [(0, 2)], [0]),  # ... and the scan goes on inside the window
        ("Năm", "x Năm", [(0, 1), (4, 5)], []),  # a match in a gap hits no window
        ("Năm", "Năm Năm", [(0, 3), (4, 7)], [0, 1]),
        ("Năm", "", [], []),
    ],
)
def test_the_hint_scan_maps_matches_to_windows(pattern, text, windows, hit):
    from dnnd._find import hits as _hits

    assert list(_hits(re.compile(pattern), text, windows)) == hit


@pytest.mark.parametrize(
    ("patterns", "text", "hit"),
    [
        (["a", "B"], "a\nB\naB\nBa\nb", [2, 3]),  # only the lines holding both
        (["a", "B"], "a\na\na\n", []),  # a pattern that hits no line ends the scan
        (["B", "a", "x"], "aBx\nBa\nxaB", [0, 2]),
    ],
)
def test_the_hint_scan_joins_the_patterns_of_a_clause(patterns, text, hit):
    from dnnd._find import hits

    windows = _windows(text)
    compiled = [re.compile(p) for p in patterns]
    assert list(hits(compiled[0], text, windows, *compiled[1:])) == hit
    each = [set(hits(p, text, windows)) for p in compiled]
    assert hit == sorted(set.intersection(*each))


def test_the_pipeline_builds_contexts_in_constructor_order():
    from dnnd._find import _ATTRS, _EMPTY

    assert _ATTRS[:5] == ("text", "start", "end", "published", "published_span")
    assert set(_ATTRS[5:]) == set(FIELDS) and len(_EMPTY) == len(FIELDS)


def test_the_seed_articles_are_found_as_without_the_conditions():
    for article in _seeds():
        _same(article.text, article.published)


# a sentence's bodies as (start, length) pairs: sorted and disjoint, or not (then read by a scan)
body_lists = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 9)), max_size=8)


@settings(max_examples=400, deadline=None)
@given(body_lists, st.booleans(), st.integers(0, 70), st.integers(0, 70))
def test_a_sentences_bodies_between_two_positions_as_the_plain_scan(pairs, ordered, lo, hi):
    from dnnd._find.context import FindContext
    from dnnd._find.organisations import OrgMention
    from dnnd.model import OrganisationKind

    if ordered:  # laid end to end: sorted and disjoint, read by bisection
        at, laid = 0, []
        for gap, length in pairs:
            laid.append((at + gap, length))
            at += gap + length
        pairs = laid
    orgs = tuple(OrgMention(s, s + n, "Hội X", OrganisationKind.FRIENDSHIP_ASSOCIATION) for s, n in pairs)
    text = "x" * 200
    ctx = FindContext(text, 0, len(text), organisations=tuple(sorted(orgs, key=lambda o: o.start)) if ordered else orgs)
    sent = _events._Sentence(ctx, 0, len(text), _events._Spans([(o.start, o.end) for o in ctx.organisations]), [])
    assert sent.orgs_between(lo, hi) == [o for o in sent.orgs if lo < o.start and o.end <= hi]
    assert (lo in sent.org_spans) == any(o.start <= lo < o.end for o in sent.orgs)


# ---- a window's mentions depend on the window alone (what follows it, on the next line, changes nothing)

#: lines a finder might read on into past a window's end, or back into before its start
NEIGHBOURS = [
    "", "Ban Điều phối", "khóa II", "nhiệm kỳ 2021 - 2026 đã họp", "tổ chức hội nghị", "gồm 15 người", "Hội", "(VUFO)",
    "của Liên hiệp các tổ chức hữu nghị", "tỉnh Bắc Giang", "Việt Nam", "(1995 - 2020)", "ngày 5/1/2022", "Nguyễn Văn An",
    "năm 2022", "tới", "Chủ tịch", "Hội hữu nghị Việt Nam - Lào", "Ủy ban MTTQ", "đã", "sẽ", "do", "Thay mặt",
]


#: the one read past a window's end, by design: a citation ending its line takes its date from the next line's
#: start, where a hard-wrapped text puts it ("... số 12-CT/TW" / "ngày 5/1/2022"; see test_documents_congresses)
NEXT_LINES = [n for n in NEIGHBOURS if not n.startswith("ngày")]


@settings(max_examples=500, deadline=None)
@given(lines, st.sampled_from(NEIGHBOURS), st.sampled_from(NEIGHBOURS), st.sampled_from(NEXT_LINES), st.sampled_from(NEXT_LINES))
def test_a_window_is_read_alone(line, before, other_before, after, other_after):
    """What comes before a window or after it (other lines) changes nothing the window's finders find in it."""
    width = max(len(before), len(other_before))
    one, two = before.ljust(width, "x"), other_before.ljust(width, "x")  # (the same length: the same offsets)
    w = [(width + 1, width + 1 + len(line))] if line else []
    first = find(f"{one}\n{line}\n{after}", w)
    second = find(f"{two}\n{line}\n{other_after}", w)
    for field in FIELDS:
        assert getattr(first, field) == getattr(second, field), field


@pytest.mark.parametrize(
    ("before", "line", "after"),
    [  # each read its neighbour once (the line before it, or after it) and found less, or more, than the line says
        ("Đoàn công tác do", "Hội Nông dân tỉnh Bắc Giang đã tổ chức hội nghị vào ngày 12/3/2022", ""),  # "do" before a subject
        ("nhiệm kỳ 2015 - 2020 -", "12/3/2022 Hội Nông dân tổ chức hội nghị", ""),  # a span's end, or a term's
        ("khóa", "12/3/2022 Hội Nông dân tổ chức hội nghị", ""),
        ("", "Hội Nông dân tổ chức hội nghị ngày 12/3/2022", "- 6/3/2023"),  # a span's start
        ("Nhân dịp Quốc khánh", "2/9 Hội Nông dân tổ chức hội nghị", ""),  # a day that recurs
        ("", "Hội Nông dân tổ chức hội nghị kỷ niệm Quốc khánh (2/9", ")"),
        ("", "Ban Chấp hành Hội Nông dân tỉnh Bắc Giang", "gồm 15 người"),  # an organ the story elects
        ("", "Ban Chấp hành Hội Nông dân tỉnh Bắc Giang khóa II", "đã họp"),
        ("", "Nghị quyết Đại hội XIII", "Hội Nông dân"),  # a congress of another body
        ("Tin Hội Nông dân", "Đại hội XIII thành công", ""),
    ],
)
def test_a_window_reads_no_neighbour(before, line, after):
    start = len(before) + 1
    w = [(start, start + len(line))]
    alone = find(f"{'x' * len(before)}\n{line}\n", w)
    for field in FIELDS:
        assert getattr(find(f"{before}\n{line}\n{after}", w), field) == getattr(alone, field), field


# ---------------------------------------------------------- layout line guards

LINE_PIECES = ["trang chủ", "Theo dõi", " trên ", "-->", "<!--", "aa", "a a", "A\tA", "left center right del", "leftcenterrightdel",
               "chia sẻ", "Share", "FACEBOOK", "zalo", "in bài", "Nguồn:", "nguồn", "© 2024", "12 lượt xem", "lượt xem: 5",
               "bình luận (3)", "Hà Nội 30°C", "30 °c", "Dự báo thời tiết: nắng", "Tin liên quan", "• Tags: x", "- tag", "» ",
               "![](a)", "![x](y) |", "|", "||", "---", "--->", "===", "ảnh minh họa", "Ảnh minh hoạ.", "Tin mới", "Đọc nhiều",
               "ĐĂNG KÝ", "ý kiến bạn đọc", "VUFO", "Hội", "Dòng 12", "ngày 14/7/2022,", "K", "\u212a", "ſ", "İ", "ı", " ", "\t",
               ":", "x", "(3)", ".", "v", "h", "t"]
line_texts = st.lists(st.sampled_from(LINE_PIECES), min_size=1, max_size=5).map("".join)


@settings(max_examples=600, deadline=None)
@given(line_texts)
def test_guarded_line_tests_match_the_plain_patterns(text):
    assert _layout._chrome_line(text) == bool(_layout._CHROME_LINE.match(text))
    assert _layout._tail_header(text) == bool(_layout._TAIL_HEADERS.fullmatch(text))
    assert _layout._image_marker(text) == bool(_layout._IMAGE_MARKER.match(text))


@settings(max_examples=600, deadline=None)
@given(line_texts)
def test_the_short_line_guard_is_implied_by_each_pattern(text):
    # the guard only rules out lines a pattern cannot match: wherever the plain pattern matches, so does its guard
    weather = _layout._WEATHER
    chrome = _layout._CHROME_LINE.pattern.removeprefix("(?i)^").removesuffix("$").replace(weather, "", 1)
    tail = _layout._TAIL_HEADERS.pattern.removeprefix("(?i)")
    for body in (chrome, tail, chrome + "|" + tail, _layout._IMAGE_MARKER.pattern.removeprefix("(?i)")):
        guard = re.compile("(?i)" + _layout._short_guard(body))
        if re.match("(?i)(?:" + body + ")", text):
            assert guard.match(text), (body[:40], text)


@pytest.mark.parametrize(
    ("body", "yes", "no"),
    [
        ("ab|cd", ["ab", "AB", "cd"], ["ac", "a", "b"]),
        ("a\\s?b", ["ab", "a b"], ["a", "ax"]),
        ("x*yz", ["yz", "xyz", "xxyz"], ["zz", "xz"]),
        ("(?:k|s)t", ["\u212at", "ſt", "KT"], ["kx"]),
        ("\\d+ a", ["1 a", "12 a"], ["a1", "12", "1 b"]),
    ],
)
def test_short_guard_table(body, yes, no):
    # the guard reads three characters and the least width: it passes what the pattern matches, fails the others
    assert all(re.fullmatch("(?i)" + body, t) for t in yes)
    guard = re.compile("(?i)" + _layout._short_guard(body))
    assert all(guard.match(t) for t in yes) and not any(guard.match(t) for t in no)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["a", "b c", " ", "\t", "\r", "\u2028", "\x0c", "\n", "\n", "\n\n", " \n "]), max_size=14).map("".join))
def test_gaps_are_the_lines_after_a_blank_line(text):
    # the plain form: the line after each blank line (a line break, white space, a line break), and the first line
    import bisect

    lines = _layout._Lines(text)
    plain = {bisect.bisect_right(lines.starts, m.start()) for m in re.finditer(r"\n[^\S\n]*+(?=\n)", text)} | {0}
    plain.discard(lines.n)
    assert lines.after_blank == len(plain)
    assert [lines.gap(i) for i in range(lines.n)] == [i in plain for i in range(lines.n)]
