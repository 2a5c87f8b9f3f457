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

import itertools
import re
from collections.abc import Iterator

import attrs

from ._find.dates import find_dateline, find_published
from .model import PartialDate, SegmentKind

__all__ = ["Layout", "Line", "segment"]

_NOT_MINED = frozenset({SegmentKind.CHROME, SegmentKind.BYLINE})


@attrs.frozen
class Line:
    """One line (or part of a line) of the canonical text with its role."""

    start: int
    end: int
    kind: SegmentKind


@attrs.frozen
class Layout:
    """The lines of an article with their roles, plus title, date and author."""

    lines: tuple[Line, ...]
    title: str | None
    published: PartialDate | None
    published_span: tuple[int, int] | None
    author: str | None
    published_time: str | None = None

    def mined(self) -> Iterator[Line]:
        """Return the lines finders may read (everything but chrome and bylines)."""
        return (ln for ln in self.lines if ln.kind not in _NOT_MINED)

    def of_kind(self, kind: SegmentKind) -> Iterator[Line]:
        """Return the lines of one role, in text order."""
        return (ln for ln in self.lines if ln.kind is kind)


# ----------------------------------------------------------------- patterns

_BULLET = r"[•·*»›>+\-]*\s*"
# Block headers after which everything is furniture (related stories,
# most-read lists, tags, comments, multimedia strips).
_TAIL_HEADERS = re.compile(
    r"(?i)" + _BULLET + r"(?:tin bài liên quan|tin liên quan|bài liên quan|bài viết liên quan|tin tức liên quan|"
    r"các tin khác|các bài khác|tin khác|bài khác|tin cùng chuyên mục|bài cùng chuyên mục|tin cùng chủ đề|"
    r"bài viết cùng chủ đề|bài cùng chủ đề|cùng chuyên mục|đọc nhiều|xem nhiều|đọc thêm|xem thêm|"
    r"tin mới|tin mới nhất|tin mới cập nhật|tin nổi bật|tin nóng|tin đọc nhiều|bài đọc nhiều|tin xem nhiều|"
    r"phiên bản di động|bình luận|ý kiến bạn đọc|gửi bình luận|viết bình luận|từ khóa|từ khoá|tags?|"
    r"chủ đề|có thể bạn quan tâm|bạn có thể quan tâm|có thể bạn chưa đọc|"
    r"(?:từ khóa|từ khoá|tags?)\s*:.*)\s*:?(?:\s*\(\d+\))?"
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
    """Tell whether *line* is a teaser headline printed twice on one line ("X X")."""
    n = len(line)
    if n < 21 or n % 2 == 0:
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

    Every date it reads has a year of digits: a line without a digit is ruled out by one scan.
    """
    return len(text) <= 60 and _ANY_DIGIT.search(text) is not None and find_published(text) is not None


_ANY_DIGIT = re.compile(r"\d")


def _is_section_label(text: str) -> bool:
    """Tell whether *text* could be a site section name ("Thời sự", "Hữu nghị")."""
    return len(text) < 30 and len(text.split()) <= 4 and not any(c.isdigit() for c in text) and text[-1].isalpha()


def _next_is_headline(raw: list[_Raw], i: int) -> bool:
    """Tell whether the next unclassified line after ``raw[i]`` is a longer headline."""
    for r in raw[i + 1 : i + 6]:
        if r.kind is None:
            return _headline_like(r.text) and len(r.text) >= 15 and len(r.text) > len(raw[i].text)
    return False


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


@attrs.define
class _Raw:
    start: int
    end: int
    text: str
    gap: bool  # a blank line (or the start of the text) comes before it
    kind: SegmentKind | None = None


def _split(canonical: str) -> list[_Raw]:
    raw: list[_Raw] = []
    pos = 0
    gap = True
    for piece in canonical.split("\n"):
        end = pos + len(piece)
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            raw.append(_Raw(pos + lead, pos + lead + len(stripped), stripped, gap))
            gap = False
        else:
            gap = True
        pos = end + 1
    return raw


def segment(canonical: str) -> Layout:
    """Split the canonical text of an article into roles (see module docs)."""
    raw = _split(canonical)
    n = len(raw)
    blank_layout = sum(r.gap for r in raw) >= max(3, n // 3)
    counts: dict[str, int] = {}
    for r in raw:
        counts[r.text] = counts.get(r.text, 0) + 1

    # 1. furniture that a line shows by itself; the tail
    in_tail = False
    body_seen = False
    for i, r in enumerate(raw):
        t = r.text
        if in_tail:
            r.kind = SegmentKind.CHROME
            continue
        if body_seen and _TAIL_HEADERS.fullmatch(t):
            in_tail = True
            r.kind = SegmentKind.CHROME
            continue
        if not body_seen and _looks_like_timestamp(t):
            r.kind = SegmentKind.PUBLISHED
            continue
        if _CHROME_LINE.match(t) or _is_menu(t) or _is_unaccented_alt(t):
            r.kind = SegmentKind.CHROME
            continue
        if _is_doubled(t):
            r.kind = SegmentKind.CHROME
            _teaser_snippet(raw, i)
            continue
        if len(t) > 120 or t.endswith("."):
            body_seen = True
        del i

    # 2. teasers printed as a headline on two consecutive lines
    for i in range(n - 1):
        a, b = raw[i], raw[i + 1]
        if a.kind is None and b.kind is None and a.text == b.text and _headline_like(a.text, max_len=200):
            a.kind = b.kind = SegmentKind.CHROME
            _teaser_snippet(raw, i + 1, loose=True)

    # 3. head: title (maybe after an export header), author
    title: str | None = None
    title_index = -1
    split_title: tuple[int, int] | None = None
    title_stamp: tuple[int, int] | None = None  # a timestamp at the end of that headline
    after_image = False
    for i, r in enumerate(raw[:12]):
        if r.kind is not None:
            after_image = after_image or bool(_IMAGE_MARKER.match(r.text)) or _is_unaccented_alt(r.text)
            continue
        t = r.text
        m = _LEADING_HEADER.match(t)
        if m and find_published(t[: m.end()]) is not None and _headline_like(t[m.end() :]):
            title, title_index, split_title = t[m.end() :], i, (r.start, r.start + m.end())
            tail = _TRAILING_STAMP.search(title)
            if tail is not None and find_published(tail.group()) is not None and _headline_like(title[: tail.start()].rstrip()):
                title_stamp = (split_title[1] + tail.start(), split_title[1] + tail.end())
                title = title[: tail.start()].rstrip()
            break
        if _is_section_label(t) and _next_is_headline(raw, i):
            r.kind = SegmentKind.CHROME  # the site section above the headline ("Thời sự")
            continue
        if not after_image and not _IMAGE_MARKER.match(t) and _headline_like(t) and len(t) >= 15:
            title, title_index = t, i
        break
    if title is not None:
        raw[title_index].kind = SegmentKind.TITLE
        nxt = title_index + 1
        while nxt < n and raw[nxt].kind is not None and raw[nxt].kind is not SegmentKind.TITLE:
            nxt += 1
        if nxt < n and raw[nxt].kind is None and _is_author_line(raw[nxt].text):
            raw[nxt].kind = SegmentKind.BYLINE
            if nxt + 1 < n and raw[nxt + 1].kind is None and _is_author_position(raw[nxt + 1].text):
                raw[nxt + 1].kind = SegmentKind.BYLINE

    # 4. body, lead, captions, related box after the lead
    lead_index = -1
    previous: _Raw | None = None
    for i, r in enumerate(raw):
        if r.kind is not None:
            previous = r
            continue
        t = r.text
        if title is not None and _is_alt_copy(t, title, counts) and i + 1 < n and len(t) <= 200:
            r.kind = SegmentKind.CAPTION  # alt text repeating the headline, above a caption
        elif len(t) <= 400 and _photo_credit(t):
            r.kind = SegmentKind.CAPTION
        elif len(t) <= 250 and _image_before(previous, title, counts):
            r.kind = SegmentKind.CAPTION
        elif lead_index < 0 and (len(t) > 80 or t.endswith((".", "...", "…", '"', "”"))):
            r.kind = SegmentKind.LEAD
            lead_index = i
            if blank_layout:
                _related_box(raw, i)
        else:
            r.kind = SegmentKind.BODY
        previous = r

    # 5. byline at the end of the story
    author = next((r.text for r in raw if r.kind is SegmentKind.BYLINE), None)
    last = next((i for i in range(n - 1, -1, -1) if raw[i].kind is not SegmentKind.CHROME), -1)
    if last > 0 and raw[last].kind in (SegmentKind.BODY, SegmentKind.CAPTION) and _is_byline(raw[last].text):
        raw[last].kind = SegmentKind.BYLINE
        author = author or raw[last].text

    # 6. publication date and time
    published = None
    published_span = None
    published_time = None
    # (only the first eight count: the rest are not looked at)
    head = list(itertools.islice((r for r in raw if r.kind is not SegmentKind.CHROME or _looks_like_timestamp(r.text)), 8))
    if split_title is not None:
        head = [_Raw(split_title[0], split_title[1], canonical[split_title[0] : split_title[1]], True)]
        if title_stamp is not None:
            # "date 2024-04 <headline> 02/04/2024 16:50": the timestamp gives the day of the month
            stamp = _Raw(title_stamp[0], title_stamp[1], canonical[title_stamp[0] : title_stamp[1]], True)
            header, day = find_published(head[0].text), find_published(stamp.text)
            if header is not None and day is not None and day[0].iso.startswith(header[0].iso):
                head = [stamp]
    first = head[:8]
    # further down the head, only a document's own dateline ("Hà Nội, ngày 05 tháng 01 năm 2022")
    last = first[-1].start if first else -1
    far = [r for r in raw[:40] if r.kind is not SegmentKind.CHROME and r.start > last] if split_title is None else []
    for r, dateline_only in [*((r, False) for r in first), *((r, True) for r in far)]:
        found = find_dateline(r.text) if dateline_only else find_published(r.text)
        if found is not None:
            published, (ps, pe) = found
            published_span = (r.start + ps, r.start + pe)
            clock = _CLOCK.search(r.text)
            if clock:
                published_time = f"{int(clock[1]):02d}:{clock[2]}"
            if r.kind is not SegmentKind.TITLE:
                r.kind = SegmentKind.PUBLISHED
            break

    lines: list[Line] = []
    for r in raw:
        kind = r.kind or SegmentKind.BODY
        if split_title is not None and kind is SegmentKind.TITLE and r.start == split_title[0]:
            lines.append(Line(r.start, split_title[1] - 1, SegmentKind.PUBLISHED))
            if title_stamp is not None:
                lines.append(Line(split_title[1], split_title[1] + len(title or ""), SegmentKind.TITLE))
                lines.append(Line(title_stamp[0], title_stamp[1], SegmentKind.PUBLISHED))
            else:
                lines.append(Line(split_title[1], r.end, SegmentKind.TITLE))
            continue
        credit = _credit_tail(r.text) if kind in (SegmentKind.CAPTION, SegmentKind.BODY) else None
        if credit is not None:
            cut = credit.start() + len(credit.group()) - len(credit.group().lstrip())
            keep = r.text[: credit.start()].rstrip()
            if keep:
                lines.append(Line(r.start, r.start + len(keep), kind))
            lines.append(Line(r.start + cut, r.end, SegmentKind.CHROME))  # photo credits do not count
            continue
        lines.append(Line(r.start, r.end, kind))
    return Layout(
        lines=tuple(lines),
        title=title,
        published=published,
        published_span=published_span,
        author=author,
        published_time=published_time,
    )


def _image_before(previous: _Raw | None, title: str | None, counts: dict[str, int]) -> bool:
    """Tell whether the line *previous* is an image marker, alt text or an alt copy of the headline."""
    return previous is not None and (
        bool(_IMAGE_MARKER.match(previous.text))
        or _is_unaccented_alt(previous.text)
        or (previous.kind is SegmentKind.CAPTION and _is_alt_copy(previous.text, title, counts))
    )


def _teaser_snippet(raw: list[_Raw], i: int, *, loose: bool = False) -> None:
    """Mark the snippet printed under a teaser headline ``raw[i]`` as chrome.

    The snippet follows the headline directly (no blank line); with *loose*
    (a headline printed on two lines) it may follow a blank line when it ends
    in an ellipsis, as teaser snippets are cut.
    """
    j = i + 1
    if j >= len(raw) or raw[j].kind is not None:
        return
    nxt = raw[j]
    if _is_doubled(nxt.text) or (_headline_like(nxt.text) and len(nxt.text) < 120) or len(nxt.text) < 50:
        return
    if not nxt.gap or (loose and nxt.text.endswith(_ELLIPSIS)):
        nxt.kind = SegmentKind.CHROME


def _related_box(raw: list[_Raw], lead: int) -> None:
    """Mark the related-headline lines glued to the lead paragraph as chrome."""
    j = lead + 1
    while j < len(raw) and not raw[j].gap:
        r = raw[j]
        if r.kind is not None:
            if r.kind is SegmentKind.CHROME and not _is_unaccented_alt(r.text):
                j += 1
                continue
            break
        if not _headline_like(r.text, max_len=300):
            break
        if (
            j + 1 < len(raw)
            and not raw[j + 1].gap
            and raw[j + 1].kind is None
            and _photo_credit(raw[j + 1].text)
        ):
            break  # an image's alt text above its caption
        r.kind = SegmentKind.CHROME
        j += 1


def _is_alt_copy(text: str, title: str | None, counts: dict[str, int]) -> bool:
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
