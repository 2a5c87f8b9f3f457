"""Segmentation of an article: title, published date, byline, lead, body, captions, chrome.

Web captures carry site furniture around the story, and the annotation rules
say only the article itself counts. :func:`segment` gives every non-blank
line (or part of a line) one role (:class:`~dnnd.model.SegmentKind`) and marks
the furniture as chrome. Chrome is kept on the article (nothing is lost) but
never mined, and neither are bylines.

The rules describe how Vietnamese news sites lay out a page, never the text of
one article:

*Head.* Menus and breadcrumbs ("Trang chủ Hữu nghị", "A | B | C"), follow
prompts ("Theo dõi X trên"), widget artefacts ("aa", "leftcenterrightdel",
``![]()``), the timestamp (``22:12 | 20/07/2022 GMT+7``, ``14:01 04/06/2021``,
"Thứ Ba, 20/07/2022", an export header ``date 2025-12-26`` that may share its
line with the headline), then the headline: the first line that looks like
one (not a sentence ending in a full stop, not a photo caption). An
upper-case name (optionally with its position on the next line) right under
the headline is the author's byline.

*Lead.* The first paragraph of the story. On pages laid out with blank
lines between paragraphs, headline-like lines glued to the lead (no blank
line between) are the "related articles" box: one headline per line, a
headline printed twice on one line, or several headlines run together.

*Teasers.* A headline printed twice on one line ("X X"), or twice on
consecutive lines, is a link to another story; the snippet that follows it
(directly, or ending in an ellipsis) belongs to the teaser.

*Images.* Widget artefacts and alt text (an unaccented copy of a caption or
slug, "... - Anh 1") are chrome; the line after an image marker, a line
with a photo credit ("Ảnh: X") and a near-copy of the headline printed above
a caption are captions.

*Tail.* After the story, block headers ("Tin bài liên quan", "Đọc nhiều",
"Bài viết cùng chủ đề", "Từ khóa", "Bình luận" ...) start furniture that runs
to the end of the page. The last short name-like line of the story ("Hạnh
Nguyên", "TRUNG ĐỖ", "KC", "Theo TTXVN") is the byline.

The segmentation works line by line on the canonical text; every line keeps
its canonical offsets, which the caller maps back to the original.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from array import array
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any, overload

import attrs

from ._find.dates import find_dateline, find_published
from ._re_tree import constants as _constants
from ._re_tree import parser as _parser
from .model import PartialDate, SegmentKind

__all__ = ["Layout", "Line", "Ranges", "segment"]

_NOT_MINED = frozenset({SegmentKind.CHROME, SegmentKind.BYLINE})


@attrs.frozen
class Line:
    """One line (or part of a line) of the canonical text with its role."""

    start: int
    end: int
    kind: SegmentKind


#: the roles in the order of their codes (:attr:`Layout.kinds` holds one code a line)
KINDS: tuple[SegmentKind, ...] = tuple(SegmentKind)
_CODE = {kind: code for code, kind in enumerate(KINDS)}
#: whether the finders read a line of each code
_MINED = tuple(kind not in _NOT_MINED for kind in KINDS)


class Ranges(Sequence[tuple[int, int]]):
    """Ranges ``(start, end)`` of a text kept as two arrays: a read-only sequence of pairs, built when read."""

    __slots__ = ("ends", "starts")

    def __init__(self, starts: array[int], ends: array[int]) -> None:
        if len(starts) != len(ends):
            raise ValueError("starts and ends differ in length")
        self.starts = starts
        self.ends = ends

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> tuple[int, int]: ...

    @overload
    def __getitem__(self, index: slice) -> Ranges: ...

    def __getitem__(self, index: int | slice) -> tuple[int, int] | Ranges:
        if isinstance(index, slice):
            return Ranges(self.starts[index], self.ends[index])
        return self.starts[index], self.ends[index]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self.starts, self.ends, strict=True)

    def widest(self) -> int:
        """The length of the longest range (0 when there is none)."""
        return max(map(operator.sub, self.ends, self.starts), default=0)


@attrs.frozen
class Layout:
    """The lines of an article with their roles, plus title, date and author.

    The lines are stored compactly, one entry a line in three arrays: their
    canonical ``starts`` and ``ends`` and the code of their role in ``kinds``
    (an index into :data:`KINDS`).
    """

    starts: array[int]
    ends: array[int]
    kinds: bytes
    title: str | None
    published: PartialDate | None
    published_span: tuple[int, int] | None
    author: str | None
    published_time: str | None = None

    @property
    def lines(self) -> tuple[Line, ...]:
        """The lines as objects (one :class:`Line` each), in text order."""
        return tuple(Line(s, e, KINDS[k]) for s, e, k in zip(self.starts, self.ends, self.kinds, strict=True))

    def mined(self) -> Iterator[Line]:
        """Return the lines finders may read (everything but chrome and bylines)."""
        return (ln for ln in self.lines if ln.kind not in _NOT_MINED)

    def mined_ranges(self) -> Ranges:
        """The ``(start, end)`` of each line the finders may read, in text order."""
        mined = bytes(map(_MINED.__getitem__, self.kinds))
        if 0 not in mined:
            return Ranges(self.starts, self.ends)
        return Ranges(array("l", itertools.compress(self.starts, mined)), array("l", itertools.compress(self.ends, mined)))

    def of_kind(self, kind: SegmentKind) -> Iterator[Line]:
        """Return the lines of one role, in text order."""
        return (ln for ln in self.lines if ln.kind is kind)


# ----------------------------------------------------------------- patterns

# (possessive: no header starts with a bullet or a space, so a run of them is read once, never given back)
_BULLET = r"[•·*»›>+\-]*+\s*+"
# Block headers after which everything is furniture (related stories,
# most-read lists, tags, comments, multimedia strips).
_TAIL_HEADERS = re.compile(
    r"(?i)" + _BULLET + r"(?:tin bài liên quan|tin liên quan|bài liên quan|bài viết liên quan|tin tức liên quan|"
    r"các tin khác|các bài khác|tin khác|bài khác|tin cùng chuyên mục|bài cùng chuyên mục|tin cùng chủ đề|"
    r"bài viết cùng chủ đề|bài cùng chủ đề|cùng chuyên mục|đọc nhiều|xem nhiều|đọc thêm|xem thêm|"
    r"tin mới|tin mới nhất|tin mới cập nhật|tin nổi bật|tin nóng|tin đọc nhiều|bài đọc nhiều|tin xem nhiều|"
    r"phiên bản di động|bình luận|ý kiến bạn đọc|gửi bình luận|viết bình luận|từ khóa|từ khoá|tags?|"
    r"chủ đề|có thể bạn quan tâm|bạn có thể quan tâm|có thể bạn chưa đọc|"
    r"(?:từ khóa|từ khoá|tags?)\s*:.*)\s*+:?(?:\s*+\(\d+\))?"
)
# Single furniture lines anywhere.
_CHROME_LINE = re.compile(
    r"(?i)^(?:trang chủ\b.{0,80}|theo dõi .{1,60} trên(?: .{0,30})?|-->.*|<!--.*|aa|a\s?a|"
    r"left\s?center\s?right\s?del|phiên bản di động|phiên bản máy tính|chia sẻ|chia sẻ bài viết|share|"
    r"facebook|zalo|twitter|tweet|email|e-mail|google news|in bài|in bài viết|gửi bài|gửi email|lưu|lưu bài|"
    r"bản in|quay lại|trở lại|về đầu trang|lên đầu trang|đầu trang|nguồn:?|xin chờ trong giây lát\.*|"
    r"\d+ lượt xem|lượt xem:? ?\d+|\d+ bình luận|bình luận \(\d+\)|\d+ (?:lượt )?thích|thích|"
    r"bản quyền .*|copyright .*|©.*|mã xác nhận.*|captcha.*|nhập mã.*|gửi|hủy|huỷ|"
    r"bình luận của bạn.*|viết bình luận.*|gửi bình luận.*|ý kiến của bạn.*|"
    r"(?:giấy phép|chịu trách nhiệm(?: nội dung| xuất bản)?|tổng biên tập|cơ quan chủ quản|tòa soạn|toà soạn|"
    r"liên hệ quảng cáo|đường dây nóng|hotline)\b.{0,10}:.*|"
    r"(?:dự báo )?thời tiết(?: hôm nay| ngày mai)?(?: \([^)]{1,12}\))?(?:\s*[:|\-]\s*.{0,80}|.{0,40}\d{1,2}\s?(?:°|độ)\s?c?.{0,40})|"
    r"[^\d.]{2,30}\s\d{1,2}(?:\s?-\s?\d{1,2})?\s?°c?|"
    r"đăng nhập|đăng ký|đăng xuất|tìm kiếm|menu|tải ứng dụng.*|xem video|nghe audio|nghe bài viết|"
    r"multimedia|video|video clip|phóng sự ảnh|tin ảnh|infographics?|e-?magazine|podcast|xem trên|"
    r"(?:xem thêm|đọc thêm|tin liên quan|bài liên quan|xem tiếp|mời xem)\s*[:>»]\s*.+|"
    r"!\[[^\]]*\]\([^)]*\)\s*\|?|\|+|-{3,}>?|={3,})$"
)
# An image caption's credit: "Ảnh: X", "(Ảnh: TTXVN)", "_Ảnh: THX", "Ảnh minh họa".
_PHOTO_CREDIT = re.compile(
    r"(?i)(?:^|[\s(_.\-])(?:ảnh|nguồn ảnh|photo)\s*:\s*\S|^ảnh minh h[oọ]a\b|\bảnh minh họa\)?\s*$"
)
# A photo credit or source at the end of a caption (or alone on its line):
# "... khóa III. Ảnh: Huy Anh", "... (Ảnh: TTXVN)", "..._Ảnh: THX", "... Nguồn: X".
_CREDIT_TAIL = re.compile(
    # Every white-space run is entered only from its first character ((?<!\s)):
    # a search that tried each position inside a long run was quadratic.
    r"(?i)(?:^|(?<=[.!?\"”)])\s+|(?<!\s)\s*[(\[_]|(?<!\s)\s+-\s+|(?<!\s)\s*\|\s*)\(?\s*(?:nguồn ảnh|ảnh minh họa|ảnh|nguồn|photo)\s*:"
    # after the colon: a credit that starts at its first non-space and ends at its last character
    # that is not a space, dot or bar (or at a closing bracket), so a run of spaces or dots is read
    # once, not once per length of the credit; or only white space (and a closing bracket):
    # the same strings as "\s*[^()\[\]\n]{1,60}?[)\]]?[\s.|]*$", which was quadratic on a run of spaces
    r"(?:\s*[^()\[\]\n\s](?:(?:[^()\[\]\n]{0,58}[^()\[\]\n\s.|])?[\s.|]*|[^()\[\]\n]{0,59}[)\]][\s.|]*)"
    r"|\n*[^\S\n][\s.|]*|\s*[^\S\n][)\]][\s.|]*)$"
)


def _photo_credit(text: str) -> bool:
    """Whether *text* holds a photo credit (:data:`_PHOTO_CREDIT`).

    Every credit holds "ảnh" or "photo" (under the pattern's own case
    folding): a one-op-per-character search rules out most lines before the
    pattern, which tries three alternatives at every position, runs.
    """
    return _CREDIT_WORD.search(text) is not None and _PHOTO_CREDIT.search(text) is not None


def _credit_tail(text: str) -> re.Match[str] | None:
    """The photo credit or source at the end of *text* (:data:`_CREDIT_TAIL`).

    Each has a colon and one of the words "ảnh", "nguồn", "photo".
    """
    if ":" not in text or _TAIL_WORD.search(text) is None:
        return None
    return _CREDIT_TAIL.search(text)


_CREDIT_WORD = re.compile(r"(?i)ảnh|photo")
_TAIL_WORD = re.compile(r"(?i)ảnh|nguồn|photo")


_IMAGE_MARKER = re.compile(r"(?i)^(?:left\s?center\s?right\s?del|!\[[^\]]*\]\([^)]*\)\s*\|?|ảnh minh h[oọ]a\.?)$")
# a white-space run is entered only at its start: a split that tried every position inside was quadratic
_MENU_SEP = re.compile(r"(?<!\s)\s+[|»›>•]\s+|(?:(?<!\s)\s*)?\|\s*")
#: what a menu line holds: a bar, or a separator between spaces
_MENU_MARK = re.compile(r"\|| [»›>•] ")
_SENTENCE_END = (".", ";", ",")
_ELLIPSIS = ("...", "…", "..")
_NAME_WORD = r"[A-ZĐÀ-ỸẠ-Ỹ][a-zđà-ỹ]+"
_BYLINE = re.compile(
    r"^(?:" + _NAME_WORD + r"(?: " + _NAME_WORD + r"){0,4}"  # Hạnh Nguyên
    r"|[A-ZĐ]{1,3}(?:\.[A-ZĐ]{1,3})*\.?"  # KC, T.Đ
    r"|\(?(?:Theo|Nguồn|Bài(?: và ảnh| và ảnh:| ảnh)?:?|Tin(?:, ảnh| và ảnh)?:?|Bài, ảnh:?|Nhóm PV|PV|CTV) .{2,60}"
    r")$"
)
_VIETNAMESE_MARKED = re.compile(r"[à-ỹđÀ-ỸĐăâêôơưĂÂÊÔƠƯ]")
_WORD = re.compile(r"[^\W\d_]+")
_CLOCK = re.compile(r"(?<![\d:])([01]?\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?(?![\d:])")
_LEADING_HEADER = re.compile(r"(?i)^(?:date|ngày đăng|cập nhật|đăng ngày)?:?\s*(?:19|20)\d\d-[01]\d(?:-[0-3]\d)?\s+")
# a timestamp printed at the end of a headline that an export header opens ("... 02/04/2024 16:50")
_TRAILING_STAMP = re.compile(r"(?<=\s)[0-3]?\d/[01]?\d/(?:19|20)\d\d(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")


def _is_doubled(line: str) -> bool:
    """Tell whether *line* is a teaser headline printed twice on one line ("X X").

    A headline is at most 250 characters (:func:`_headline_like`): a longer
    line that repeats itself is a paragraph, kept (a body line of one phrase
    repeated, an even number of times, was dropped as furniture).
    """
    n = len(line)
    if n < 21 or n % 2 == 0 or n > 2 * 250 + 1:
        return False
    half = n // 2
    return line[half] == " " and line[:half] == line[half + 1 :]


def _is_unaccented_alt(line: str) -> bool:
    """Alt text or a URL slug: four or more words of Vietnamese with no diacritics.

    Vietnamese prose always carries diacritics; a long line without a single
    marked letter (but with typical unaccented syllables) is an image's alt
    text ("hai duong van dong duoc ...", "... ky ket - Anh 1").
    """
    if len(line) < 9 or _VIETNAMESE_MARKED.search(line):
        return False  # (five words and the four gaps between them take nine characters)
    words = _WORD.findall(line.lower())
    if len(words) < 5:
        return False
    common = sum(w in _UNACCENTED_COMMON for w in words)
    return common >= 2 and common >= len(words) // 5


_UNACCENTED_COMMON = frozenset(
    "va cua cac cho voi tai trong nhung duoc nguoi viet nam hoi huu nghi lien hiep to chuc thanh pho tinh "
    "doi ngoai nhan dan cong tac hop tac phat trien le ky niem dai hoi nam ngay thang anh".split()
)


def _is_menu(line: str) -> bool:
    """Tell whether *line* is a menu or breadcrumb (three or more short items between separators)."""
    if _MENU_MARK.search(line) is None:
        return False
    items = [p.strip() for p in _MENU_SEP.split(line) if p.strip()]
    return len(items) >= 3 and all(len(p) <= 30 and not p.endswith(".") for p in items)


def _headline_like(text: str, *, max_len: int = 250) -> bool:
    """Shaped like a headline: not a sentence (no final full stop), no photo credit."""
    return (
        12 <= len(text) <= max_len
        and not text.endswith(_SENTENCE_END)
        and not text.endswith(_ELLIPSIS)
        and not _photo_credit(text)
        and (text[0].isupper() or text[0].isdigit() or text[0] in "\"'“‘(")
        and len(text.split()) >= 3
    )


def _looks_like_timestamp(text: str) -> bool:
    """Tell whether a short line states a publication date (see :func:`find_published`).

    Every date it reads has a year of four digits (19xx or 20xx): a line without one is ruled out by one scan.
    """
    return len(text) <= 60 and _ANY_YEAR.search(text) is not None and find_published(text) is not None


_ANY_YEAR = re.compile(r"(?:19|20)\d\d")


def _is_section_label(text: str) -> bool:
    """Tell whether *text* could be a site section name ("Thời sự", "Hữu nghị")."""
    return len(text) < 30 and len(text.split()) <= 4 and not any(c.isdigit() for c in text) and text[-1].isalpha()


def _is_byline(text: str) -> bool:
    """Tell whether *text* is a short author or source line ("Hạnh Nguyên", "TRUNG ĐỖ", "KC", "Theo TTXVN")."""
    if len(text) > 45 or (text.endswith((".", ":", ";", ",")) and not text.startswith(("(Theo", "Theo"))):
        return False
    stripped = text.strip("() ")
    if _BYLINE.match(stripped):
        return True
    words = stripped.split()
    return 1 <= len(words) <= 5 and stripped.isupper() and not any(ch.isdigit() for ch in stripped)


# -------------------------------------------------------------------- segment
#
# The lines are found by whole-text scans and kept as arrays of offsets. Most
# tests of a line need something a short plain line cannot hold (nine or more
# characters, a digit, a colon, a bar, "ảnh" ...); whole-text patterns find
# the lines that may pass a test (the *suspects*), and only those, their
# successors and the few lines the head and the end of the page look at are
# tested one by one. Every other line is body (or chrome after the tail).


#: a line this long (stripped) is a suspect: every test on length needs at least this many characters
_SHORT = 9
#: (multi-line mode) the start of a line shorter than that, its leading spaces read once: the bounded
#: look-ahead reads a line's trailing spaces at most nine times, so the work stays linear in its length
_SHORT_LINE_START = rf"^[^\S\n]*+(?=\S[^\n]{{0,{_SHORT - 2}}}?[^\S\n]*+$)"


def _whole_text(body: str) -> re.Pattern[str]:
    """Find, in a whole text, the short lines a per-line pattern *body* may match.

    *body* is a pattern matched against a whole stripped line (``^...$``).
    The result finds every line of fewer than nine characters (stripped) it
    matches, and maybe more: white space and negated classes in *body* are
    kept from crossing a line break, the line may be indented and followed
    by spaces (:data:`_SHORT_LINE_START`).
    """
    out: list[str] = []
    i = 0
    in_class = False
    while i < len(body):
        c = body[i]
        if c == "\\":
            escape = body[i : i + 2]
            if escape == r"\s" and in_class:
                raise ValueError("a white-space class inside brackets")
            out.append(r"[^\S\n]" if escape == r"\s" else escape)
            i += 2
            continue
        if not in_class and c == "[":
            in_class = True
            if body.startswith("[^", i):
                out.append(r"[^\n")
                i += 2
                continue
        elif in_class and c == "]":
            in_class = False
        out.append(c)
        i += 1
    return re.compile(r"(?im)" + _SHORT_LINE_START + r"(?=" + _short_guard(body) + r")(?:" + "".join(out) + r")[^\S\n]*+$")


def _short_guard(body: str) -> str:
    """What a line that *body* matches must start with: a look-ahead body that rules most lines out at once.

    For each top-level alternative of *body*: the first three characters it
    may start with (:func:`_prefixes`), then as many more characters as it
    takes at least (up to eight). A line starting "vu" (or "ngà") passes no
    prefix, where a filter on the first character alone let every line
    starting "v" try all the alternatives. The first character and the width
    come first, tried per width (a few classes): most lines (a one-letter
    line) are ruled out there before the prefixes are tried one by one. It
    is a necessary condition only: every line *body* matches passes it
    (tests/test_perf_equivalence.py). (Read under the same flags as *body*,
    so a character matches here whenever the same literal in *body* does.)
    """
    by_width: dict[int, set[str]] = {}  # the fewest characters an alternative takes -> the characters it starts with
    rest: dict[tuple[str, ...], int] = {}  # a prefix -> the fewest characters still needed after it
    for alternative in _alternatives(_parser.parse(body)):
        width = min(alternative.getwidth()[0], _SHORT - 1)
        prefixes = _prefixes(list(alternative), 3)
        if width < 1 or () in prefixes:
            raise ValueError("a pattern that may start with any character, or match nothing")
        for prefix in prefixes:
            by_width.setdefault(width, set()).add(prefix[0])
            more = max(width - len(prefix), 0)
            rest[prefix] = min(rest.get(prefix, more), more)
    by_first: dict[str, list[str]] = {}
    for prefix, more in sorted(rest.items()):
        tail = "".join(map(_in_line, prefix[1:])) + (f"[^\\n]{{{more}}}" if more else "")
        by_first.setdefault(prefix[0], []).append(tail)
    # (the first character is no line break where a guard is read: after spaces and a non-space, or in a line)
    groups = "|".join(f"[{first}](?:{'|'.join(tails)})" for first, tails in sorted(by_first.items()))
    widths = "|".join(f"[{''.join(sorted(firsts))}]" + (f"[^\\n]{{{width - 1}}}" if width > 1 else "") for width, firsts in sorted(by_width.items()))
    return "(?=" + widths + ")(?:" + groups + ")"


def _in_line(items: str) -> str:
    """A bracket class of *items* that, like the whole-text patterns, does not cross a line break."""
    space = r"\s" in items.replace("\\\\", "")  # (a white-space category, not an escaped backslash before an "s")
    return (r"(?!\n)" if space else "") + f"[{items}]"


def _alternatives(seq: Any) -> list[Any]:
    """The top-level alternatives of a parsed pattern (through non-capturing groups)."""
    if len(seq) == 1:
        op, av = seq[0]
        if op is _constants.BRANCH:
            return [leaf for branch in av[1] for leaf in _alternatives(branch)]
        if op is _constants.SUBPATTERN and av[0] is None and not av[1] and not av[2]:
            return _alternatives(av[3])
    return [seq]


_CATEGORIES = {_constants.CATEGORY_DIGIT: r"\d", _constants.CATEGORY_SPACE: r"\s", _constants.CATEGORY_WORD: r"\w"}


def _class(av: Any) -> str | None:
    """The items of a parsed character class as the body of a bracket class, or ``None`` (negated, unknown)."""
    items = []
    for item_op, item in av:
        if item_op is _constants.LITERAL:
            items.append(re.escape(chr(item)))
        elif item_op is _constants.RANGE:
            items.append(re.escape(chr(item[0])) + "-" + re.escape(chr(item[1])))
        elif item_op is _constants.CATEGORY and item in _CATEGORIES:
            items.append(_CATEGORIES[item])
        else:
            return None
    return "".join(items)


def _prefixes(ops: list[Any], k: int) -> set[tuple[str, ...]]:
    """The first *k* characters (as bracket-class bodies) a parsed pattern *ops* may start with.

    Each prefix is a tuple of at most *k* classes: the i-th character of every
    string *ops* matches (under the pattern's own flags) is in the i-th class
    of some prefix. A prefix shorter than *k* means what follows is not known
    here (a dot, a negated class, the end of the pattern): nothing is required
    of it. Look-arounds and anchors take no character and are skipped, and a
    possessive or atomic construct is read as its backtracking form (which
    matches every string it matches): the prefixes may allow more than the
    pattern, never less.
    """
    if k == 0 or not ops:
        return {()}
    (op, av), rest = ops[0], ops[1:]
    if op is _constants.LITERAL:
        return {(re.escape(chr(av)), *p) for p in _prefixes(rest, k - 1)}
    if op is _constants.IN:
        cls = _class(av)
        return {()} if cls is None else {(cls, *p) for p in _prefixes(rest, k - 1)}
    if op in (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT):
        return _prefixes(rest, k)  # takes no character
    if op is _constants.SUBPATTERN:
        return _prefixes([*av[3], *rest], k)
    if op is _constants.ATOMIC_GROUP:
        return _prefixes([*av, *rest], k)
    if op is _constants.BRANCH:
        return set().union(*(_prefixes([*branch, *rest], k) for branch in av[1]))
    if op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT):
        low, high, item = av
        if item.getwidth()[0] == 0:
            return {()}  # an item that may take nothing: not read further
        out = _prefixes(rest, k) if low == 0 else set()
        if high != 0:
            again = (_constants.MAX_REPEAT, (max(low - 1, 0), high if high is _constants.MAXREPEAT else high - 1, item))
            out |= _prefixes([*item, again, *rest], k)
        return out
    return {()}  # a dot, a back-reference ...: any character


#: the short lines that may be a furniture line (:data:`_CHROME_LINE`) or a tail header (:data:`_TAIL_HEADERS`)
# (less the weather line "Hà Nội 30°C", which holds a digit: every line with a digit is a suspect)
_WEATHER = r"[^\d.]{2,30}\s\d{1,2}(?:\s?-\s?\d{1,2})?\s?°c?|"
_SHORT_FURNITURE = _whole_text(
    _CHROME_LINE.pattern.removeprefix("(?i)^").removesuffix("$").replace(_WEATHER, "", 1)
    + "|"
    + _TAIL_HEADERS.pattern.removeprefix("(?i)")
)
#: what a line :data:`_CHROME_LINE` matches starts with, unless it is a weather line (which holds a "°")
_CHROME_START = re.compile(r"(?i)" + _short_guard(_CHROME_LINE.pattern.removeprefix("(?i)^").removesuffix("$").replace(_WEATHER, "", 1)))
#: what a line :data:`_TAIL_HEADERS` matches starts with
_TAIL_START = re.compile(r"(?i)" + _short_guard(_TAIL_HEADERS.pattern.removeprefix("(?i)")))
#: what a line :data:`_IMAGE_MARKER` matches starts with
_IMAGE_START = re.compile(r"(?i)" + _short_guard(_IMAGE_MARKER.pattern.removeprefix("(?i)")))


def _chrome_line(text: str) -> bool:
    """Whether *text* (a stripped line) is a furniture line: ``_CHROME_LINE.match(text)``.

    Each alternative but the weather line starts with one of a few
    three-character prefixes (:data:`_CHROME_START`) and the weather line
    holds a "°": one match at the start rules out most lines before the
    hundred alternatives (case-insensitive, so none skipped by its first
    character) are tried.
    """
    return (_CHROME_START.match(text) is not None or "°" in text) and _CHROME_LINE.match(text) is not None


def _tail_header(text: str) -> bool:
    """Whether *text* (a stripped line) is a tail block header: ``_TAIL_HEADERS.fullmatch(text)`` (ruled out first as in :func:`_chrome_line`)."""
    return _TAIL_START.match(text) is not None and _TAIL_HEADERS.fullmatch(text) is not None


def _image_marker(text: str) -> bool:
    """Whether *text* (a stripped line) is an image marker: ``_IMAGE_MARKER.match(text)`` (ruled out first as in :func:`_chrome_line`)."""
    return _IMAGE_START.match(text) is not None and _IMAGE_MARKER.match(text) is not None


#: a short line (fewer than nine characters, stripped) holding what a timestamp, a menu, a credit or a photo
#: credit needs (a digit, a colon, a bar, "ảnh" ...)
_SHORT_MARKED = re.compile(r"(?im)" + _SHORT_LINE_START + r"[^\n]*?(?:[\d:|»›>•]|ảnh|photo)")
#: a non-blank line: its text (group 1) runs from its first to its last non-space character
#: (tried at line starts only: from anywhere inside a run of spaces it would read the run again)
_LINE = re.compile(r"(?m)^[^\S\n]*+(\S(?:[^\n]*\S)?)")
_span_of_text = operator.methodcaller("span", 1)
#: a run of blank lines, with the line breaks around it
_BLANKS = re.compile(r"\n[^\S\n]*+\n(?:[^\S\n]*+\n)*+")
_DOT_END = re.compile(r"(?m)\.(?=[^\S\n]*+$)")
#: a colon: the first one of each line (a photo credit has one)
_COLON = re.compile(r"(?m)^[^\n:]*+:")
_LEAD_END = re.compile(r"(?m)[.…\"”](?=[^\S\n]*+$)")

_end = operator.methodcaller("end")


class _Lines:
    """The non-blank lines of a text being segmented: bounds, roles, blank lines before them (:meth:`gap`)."""

    __slots__ = ("after_blank", "canon", "ends", "kinds", "n", "starts", "suspect")

    def __init__(self, canon: str) -> None:
        self.canon = canon
        # one scan: start, end, start, end ... in one array, then the ends copied out and the starts compacted in place
        bounds = array("l", itertools.chain.from_iterable(map(_span_of_text, _LINE.finditer(canon))))
        self.ends = bounds[1::2]
        del bounds[1::2]
        self.starts = bounds
        n = self.n = len(self.starts)
        self.kinds: list[SegmentKind | None] = [None] * n
        starts = self.starts
        # how many lines come after a blank line (the first line counts as one): between two lines there is only
        # white space, and a blank line there is a second line break; a run of blank lines is one match
        self.after_blank = len(_BLANKS.findall(canon, self.ends[0], starts[-1])) + 1 if n else 0
        suspect = bytearray(map((_SHORT - 1).__lt__, map(operator.sub, self.ends, starts)))
        for m in _SHORT_FURNITURE.finditer(canon):
            suspect[bisect.bisect_right(starts, m.end() - 1) - 1] = 1
        # a short line holding a mark (every longer line is a suspect already)
        for m in _SHORT_MARKED.finditer(canon):
            suspect[bisect.bisect_right(starts, m.end() - 1) - 1] = 1
        self.suspect = suspect

    def text(self, i: int) -> str:
        """The stripped text of line *i*."""
        return self.canon[self.starts[i] : self.ends[i]]

    def gap(self, i: int) -> bool:
        """Whether a blank line (or the start of the text) comes before line *i*.

        Only white space is between two lines: a blank line there is a second line break.
        """
        return i == 0 or self.canon.count("\n", self.ends[i - 1], self.starts[i]) > 1

    def first_plain(self, pattern: re.Pattern[str], stop: int, *, after_suspect: bool = False) -> int:
        """The first line before *stop* that is no suspect, has no role yet and holds a hit of *pattern*.

        With *after_suspect*, a line right after a suspect does not count either.
        """
        for m in pattern.finditer(self.canon):
            i = bisect.bisect_right(self.starts, m.start()) - 1
            if i >= stop:
                break
            if not self.suspect[i] and self.kinds[i] is None and not (after_suspect and i > 0 and self.suspect[i - 1]):
                return i
        return stop


class _Counts:
    """How many lines hold each text, counted when first asked.

    Only headline-like lines (twelve characters or more) are ever asked
    about: every line that long is a suspect, so only suspects are counted.
    """

    __slots__ = ("_counts", "_lines", "_suspects")

    def __init__(self, lines: _Lines, suspects: list[int]) -> None:
        self._lines = lines
        self._suspects = suspects
        self._counts: Counter[str] | None = None

    def get(self, text: str, default: int = 0) -> int:
        """The number of lines whose (stripped) text is *text*."""
        if self._counts is None:
            self._counts = Counter(t for t in map(self._lines.text, self._suspects) if len(t) >= _SHORT)
        return self._counts.get(text, default)


_C = SegmentKind.CHROME
_CODE_OR_BODY: dict[SegmentKind | None, int] = {None: _CODE[SegmentKind.BODY], **dict.fromkeys(KINDS, 0)}
_CODE_OR_BODY.update((kind, code) for kind, code in _CODE.items())


def segment(canonical: str) -> Layout:
    """Split the canonical text of an article into roles (see module docs)."""
    lines = _Lines(canonical)
    n = lines.n
    starts, ends = lines.starts, lines.ends
    kinds = lines.kinds
    text = lines.text
    suspects = list(itertools.compress(range(n), lines.suspect))
    is_suspect = lines.suspect
    blank_layout = lines.after_blank >= max(3, n // 3)
    counts = _Counts(lines, suspects)

    # 1. furniture that a line shows by itself; the tail
    in_tail = False
    body_seen = False
    tail_from = n
    plain_dot = lines.first_plain(_DOT_END, n)  # the first line that is not a suspect and ends in a full stop
    for i in suspects:
        if not body_seen and plain_dot < i:
            body_seen = True
        t = canonical[starts[i] : ends[i]]
        if body_seen and _tail_header(t):
            in_tail = True
            kinds[i] = _C
            tail_from = i
            break
        if not body_seen and _looks_like_timestamp(t):
            kinds[i] = SegmentKind.PUBLISHED
            continue
        if _chrome_line(t) or _is_menu(t) or _is_unaccented_alt(t):
            kinds[i] = _C
            continue
        if _is_doubled(t):
            kinds[i] = _C
            _teaser_snippet(lines, i)
            continue
        if len(t) > 120 or t.endswith("."):
            body_seen = True
    if in_tail:
        kinds[tail_from + 1 :] = [_C] * (n - tail_from - 1)

    # 2. teasers printed as a headline on two consecutive lines
    for i in suspects:
        if i + 1 >= tail_from:
            break
        if (
            is_suspect[i + 1]
            and kinds[i] is None
            and kinds[i + 1] is None
            and ends[i] - starts[i] == ends[i + 1] - starts[i + 1]
            and canonical.startswith(canonical[starts[i] : ends[i]], starts[i + 1])
            and _headline_like(canonical[starts[i] : ends[i]], max_len=200)
        ):
            kinds[i] = kinds[i + 1] = _C
            _teaser_snippet(lines, i + 1, loose=True)

    # 3. head: title (maybe after an export header), author
    title: str | None = None
    title_index = -1
    split_title: tuple[int, int] | None = None
    title_stamp: tuple[int, int] | None = None  # a timestamp at the end of that headline
    after_image = False
    for i in range(min(12, n)):
        t = text(i)
        if kinds[i] is not None:
            after_image = after_image or _image_marker(t) or _is_unaccented_alt(t)
            continue
        m = _LEADING_HEADER.match(t)
        if m and find_published(t[: m.end()]) is not None and _headline_like(t[m.end() :]):
            start = lines.starts[i]
            title, title_index, split_title = t[m.end() :], i, (start, start + m.end())
            tail = _TRAILING_STAMP.search(title)
            if tail is not None and find_published(tail.group()) is not None and _headline_like(title[: tail.start()].rstrip()):
                title_stamp = (split_title[1] + tail.start(), split_title[1] + tail.end())
                title = title[: tail.start()].rstrip()
            break
        if _is_section_label(t) and _next_is_headline(lines, i):
            kinds[i] = _C  # the site section above the headline ("Thời sự")
            continue
        if not after_image and not _image_marker(t) and _headline_like(t) and len(t) >= 15:
            title, title_index = t, i
        break
    if title is not None:
        kinds[title_index] = SegmentKind.TITLE
        nxt = title_index + 1
        while nxt < n and kinds[nxt] is not None and kinds[nxt] is not SegmentKind.TITLE:
            nxt += 1
        if nxt < n and kinds[nxt] is None and _is_author_line(text(nxt)):
            kinds[nxt] = SegmentKind.BYLINE
            if nxt + 1 < n and kinds[nxt + 1] is None and _is_author_position(text(nxt + 1)):
                kinds[nxt + 1] = SegmentKind.BYLINE

    # 4. body, lead, captions, related box after the lead: only suspects, the lines after them and
    # the first other line that may be the lead need a test; every other line is body
    lead_plain = lines.first_plain(_LEAD_END, tail_from, after_suspect=True)
    flags = int.from_bytes(is_suspect, "little")
    tested = bytearray((flags | flags << 8).to_bytes(n + 1, "little")[:tail_from])  # (one byte a line: 0 or 1)
    if lead_plain < tail_from:
        tested[lead_plain] = 1
    lead_index = -1
    for i in itertools.compress(range(tail_from), tested):
        if kinds[i] is not None:
            continue
        t = canonical[starts[i] : ends[i]]
        if title is not None and _is_alt_copy(t, title, counts) and i + 1 < n and len(t) <= 200:
            kinds[i] = SegmentKind.CAPTION  # alt text repeating the headline, above a caption
        elif len(t) <= 400 and _photo_credit(t):
            kinds[i] = SegmentKind.CAPTION
        elif len(t) <= 250 and _image_before(lines, i - 1, title, counts):
            kinds[i] = SegmentKind.CAPTION
        elif lead_index < 0 and (len(t) > 80 or t.endswith((".", "...", "…", '"', "”"))):
            kinds[i] = SegmentKind.LEAD
            lead_index = i
            if blank_layout:
                _related_box(lines, i)
        else:
            kinds[i] = SegmentKind.BODY

    # 5. byline at the end of the story
    author = text(kinds.index(SegmentKind.BYLINE)) if SegmentKind.BYLINE in kinds else None
    last = min(n, tail_from) - 1
    while last >= 0 and kinds[last] is _C:
        last -= 1
    if last > 0 and kinds[last] in (None, SegmentKind.BODY, SegmentKind.CAPTION) and _is_byline(text(last)):
        kinds[last] = SegmentKind.BYLINE
        author = author or text(last)

    # 6. publication date and time; a head line is (start, end, text, line index or -1)
    published = None
    published_span = None
    published_time = None
    head: list[tuple[int, int, str, int]] = []
    for i in range(n):
        if len(head) == 8:  # (only the first eight count: the rest are not looked at)
            break
        if kinds[i] is not _C or _looks_like_timestamp(text(i)):
            head.append((lines.starts[i], lines.ends[i], text(i), i))
    if split_title is not None:
        head = [(split_title[0], split_title[1], canonical[split_title[0] : split_title[1]], -1)]
        if title_stamp is not None:
            # "date 2024-04 <headline> 02/04/2024 16:50": the timestamp gives the day of the month
            stamp = (title_stamp[0], title_stamp[1], canonical[title_stamp[0] : title_stamp[1]], -1)
            header, day = find_published(head[0][2]), find_published(stamp[2])
            if header is not None and day is not None and day[0].iso.startswith(header[0].iso):
                head = [stamp]
    first = head[:8]
    # further down the head, only a document's own dateline ("Hà Nội, ngày 05 tháng 01 năm 2022")
    before = first[-1][0] if first else -1
    far = (
        [(lines.starts[i], lines.ends[i], text(i), i) for i in range(min(40, n)) if kinds[i] is not _C and lines.starts[i] > before]
        if split_title is None
        else []
    )
    for (start, _, t, index), dateline_only in [*((r, False) for r in first), *((r, True) for r in far)]:
        found = find_dateline(t) if dateline_only else find_published(t)
        if found is not None:
            published, (ps, pe) = found
            published_span = (start + ps, start + pe)
            clock = _CLOCK.search(t)
            if clock:
                published_time = f"{int(clock[1]):02d}:{clock[2]}"
            if index >= 0 and kinds[index] is not SegmentKind.TITLE:
                kinds[index] = SegmentKind.PUBLISHED
            break

    # the lines a split headline or a photo credit cuts in pieces; every other line is kept whole
    pieces: dict[int, list[tuple[int, int, SegmentKind]]] = {}
    if split_title is not None:
        start, end = lines.starts[title_index], lines.ends[title_index]
        if title_stamp is not None:
            pieces[title_index] = [
                (start, split_title[1] - 1, SegmentKind.PUBLISHED),
                (split_title[1], split_title[1] + len(title or ""), SegmentKind.TITLE),
                (title_stamp[0], title_stamp[1], SegmentKind.PUBLISHED),
            ]
        else:
            pieces[title_index] = [(start, split_title[1] - 1, SegmentKind.PUBLISHED), (split_title[1], end, SegmentKind.TITLE)]
    stop = starts[tail_from] if tail_from < n else len(canonical)
    for i in [bisect.bisect_right(starts, m.end() - 1) - 1 for m in _COLON.finditer(canonical, 0, stop)]:
        kind = kinds[i] or SegmentKind.BODY
        if kind not in (SegmentKind.CAPTION, SegmentKind.BODY) or i in pieces:
            continue
        t = text(i)
        credit = _credit_tail(t)
        if credit is not None:
            start, end = lines.starts[i], lines.ends[i]
            cut = credit.start() + len(credit.group()) - len(credit.group().lstrip())
            keep = t[: credit.start()].rstrip()
            pieces[i] = [(start, start + len(keep), kind)] if keep else []
            pieces[i].append((start + cut, end, _C))  # photo credits do not count
    codes = bytes(map(_CODE_OR_BODY.__getitem__, kinds))
    if pieces:
        out_starts, out_ends, out_codes = array("l"), array("l"), bytearray()
        done = 0
        for i in sorted(pieces):
            out_starts += starts[done:i]
            out_ends += ends[done:i]
            out_codes += codes[done:i]
            for s, e, kind in pieces[i]:
                out_starts.append(s)
                out_ends.append(e)
                out_codes.append(_CODE[kind])
            done = i + 1
        out_starts += starts[done:]
        out_ends += ends[done:]
        out_codes += codes[done:]
        starts, ends, codes = out_starts, out_ends, bytes(out_codes)
    return Layout(
        starts=starts,
        ends=ends,
        kinds=codes,
        title=title,
        published=published,
        published_span=published_span,
        author=author,
        published_time=published_time,
    )


def _next_is_headline(lines: _Lines, i: int) -> bool:
    """Tell whether the next line after line *i* without a role is a longer headline."""
    for j in range(i + 1, min(i + 6, lines.n)):
        if lines.kinds[j] is None:
            t = lines.text(j)
            return _headline_like(t) and len(t) >= 15 and len(t) > lines.ends[i] - lines.starts[i]
    return False


def _image_before(lines: _Lines, previous: int, title: str | None, counts: _Counts) -> bool:
    """Tell whether the line *previous* is an image marker, alt text or an alt copy of the headline."""
    if previous < 0:
        return False
    t = lines.text(previous)
    return (
        _image_marker(t)
        or _is_unaccented_alt(t)
        or (lines.kinds[previous] is SegmentKind.CAPTION and _is_alt_copy(t, title, counts))
    )


def _teaser_snippet(lines: _Lines, i: int, *, loose: bool = False) -> None:
    """Mark the snippet printed under a teaser headline (line *i*) as chrome.

    The snippet follows the headline directly (no blank line); with *loose*
    (a headline printed on two lines) it may follow a blank line when it ends
    in an ellipsis, as teaser snippets are cut.
    """
    j = i + 1
    if j >= lines.n or lines.kinds[j] is not None:
        return
    t = lines.text(j)
    if _is_doubled(t) or (_headline_like(t) and len(t) < 120) or len(t) < 50:
        return
    if not lines.gap(j) or (loose and t.endswith(_ELLIPSIS)):
        lines.kinds[j] = _C


def _related_box(lines: _Lines, lead: int) -> None:
    """Mark the related-headline lines glued to the lead paragraph as chrome."""
    kinds = lines.kinds
    j = lead + 1
    while j < lines.n and not lines.gap(j):
        kind = kinds[j]
        if kind is not None:
            if kind is _C and not _is_unaccented_alt(lines.text(j)):
                j += 1
                continue
            break
        if not _headline_like(lines.text(j), max_len=300):
            break
        if j + 1 < lines.n and not lines.gap(j + 1) and kinds[j + 1] is None and _photo_credit(lines.text(j + 1)):
            break  # an image's alt text above its caption
        kinds[j] = _C
        j += 1


def _is_alt_copy(text: str, title: str | None, counts: _Counts | dict[str, int]) -> bool:
    """Tell whether *text* is a near-copy of the headline printed above a photo caption (alt text)."""
    if not _headline_like(text, max_len=200):
        return False
    if title is not None and text == title:
        return True
    if counts.get(text, 0) < 2 or title is None:
        return False
    words, head = set(text.lower().split()), set(title.lower().split())
    return len(words & head) >= 0.6 * len(head)


def _is_author_line(text: str) -> bool:
    """Tell whether *text* is an author's name in capitals under the headline ("PHAN ANH SƠN")."""
    words = text.split()
    return 2 <= len(words) <= 5 and text.isupper() and len(text) <= 40 and not any(c.isdigit() for c in text)


def _is_author_position(text: str) -> bool:
    """Tell whether *text* is the author's position printed under the name (short, not a sentence)."""
    return len(text) <= 120 and not text.endswith(_SENTENCE_END) and len(text.split()) >= 2
