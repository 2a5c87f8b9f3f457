"""Segmentation of an article: title, published date, byline, body, chrome.

Web captures carry site furniture around the story: menus and breadcrumbs
("Trang chủ Hữu nghị"), follow prompts ("Theo dõi X trên"), related-article
teasers (often a headline printed twice on one line), "Tin bài liên quan" and
"Đọc nhiều" blocks, weather boxes, "Phiên bản di động". The annotation rules
say only the article itself counts, so :func:`segment` marks such lines as
chrome. Chrome is kept on the article (nothing is lost), never mined.

The segmentation works line by line on the canonical text; every line keeps
its canonical offsets, which the caller maps back to the original.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from ._dates import find_published
from .model import PartialDate, SegmentKind

__all__ = ["Layout", "Line", "segment"]


@attrs.frozen
class Line:
    """One line of the canonical text with its role."""

    start: int
    end: int
    kind: SegmentKind


@attrs.frozen
class Layout:
    """The lines of an article with their roles, plus title and date."""

    lines: tuple[Line, ...]
    title: str | None
    published: PartialDate | None
    published_span: tuple[int, int] | None
    author: str | None

    def mined(self) -> Iterator[Line]:
        """The lines finders may read (everything but chrome)."""
        return (ln for ln in self.lines if ln.kind is not SegmentKind.CHROME)


# Block headers after which everything is furniture (related stories,
# most-read lists, multimedia strips).
_TAIL_HEADERS = re.compile(
    r"(?i)(?:tin bài liên quan|tin liên quan|bài liên quan|các tin khác|tin khác|tin cùng chuyên mục|"
    r"đọc nhiều|đọc thêm|xem thêm|tin mới|tin mới nhất|tin nổi bật|multimedia|video|"
    r"phiên bản di động|bình luận|ý kiến bạn đọc|gửi bình luận|từ khóa|tags?|chủ đề|"
    r"có thể bạn quan tâm|tin đọc nhiều|xem trên)\s*:?"
)
# Single furniture lines anywhere.
_CHROME_LINE = re.compile(
    r"(?i)^(?:trang chủ\b.{0,80}|theo dõi .{1,60} trên|-->.*|<!--.*|aa|leftcenterrightdel|"
    r"phiên bản di động|chia sẻ|in bài|lưu|nguồn:?|xin chờ trong giây lát\.*|"
    r"\d+ lượt xem|lượt xem:? ?\d+|bản quyền .*|copyright .*|©.*|mã xác nhận.*|captcha.*|"
    r"thời tiết .{0,80}|đăng nhập|đăng ký|tìm kiếm)$"
)
_BYLINE = re.compile(
    r"^(?:[A-ZĐ][a-zà-ỹđ]+(?: [A-ZĐ][a-zà-ỹđ]+){0,3}|[A-ZĐ][A-ZĐ ]{2,40}|"
    r"(?:Theo|Bài(?: và ảnh)?:?|Tin(?:, ảnh)?:?) .{2,60})$"
)


def _is_doubled(line: str) -> bool:
    """A teaser headline printed twice on one line ("X X")."""
    n = len(line)
    if n < 21 or n % 2 == 0:
        return False
    half = n // 2
    return line[half] == " " and line[:half] == line[half + 1 :]


def segment(canonical: str) -> Layout:
    """Split the canonical text of an article into roles (see module docs)."""
    raw: list[tuple[int, int, str]] = []
    pos = 0
    for piece in canonical.split("\n"):
        end = pos + len(piece)
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            raw.append((pos + lead, pos + lead + len(stripped), stripped))
        pos = end + 1

    kinds: list[SegmentKind] = []
    in_tail = False
    body_seen = False
    title: str | None = None
    for i, (_, _, text) in enumerate(raw):
        if in_tail:
            kinds.append(SegmentKind.CHROME)
            continue
        if body_seen and _TAIL_HEADERS.fullmatch(text):
            in_tail = True
            kinds.append(SegmentKind.CHROME)
            continue
        if _CHROME_LINE.match(text) or _is_doubled(text):
            kinds.append(SegmentKind.CHROME)
            continue
        if title is None and len(text) >= 15 and not _looks_like_timestamp(text):
            title = text
            kinds.append(SegmentKind.TITLE)
            continue
        if title is not None and text == title:
            kinds.append(SegmentKind.CAPTION)  # image alt text repeating the headline
            continue
        if _looks_like_timestamp(text) and not body_seen:
            kinds.append(SegmentKind.PUBLISHED)
            continue
        body_seen = True
        kinds.append(SegmentKind.BODY if len(text) > 120 or text.endswith((".", ":", ";")) else SegmentKind.CAPTION)
        del i

    # a short line before the tail (or at the end) is the byline
    author = None
    last_body = max((i for i, k in enumerate(kinds) if k is not SegmentKind.CHROME), default=-1)
    if last_body > 0 and kinds[last_body] is SegmentKind.CAPTION:
        text = raw[last_body][2]
        if len(text) <= 40 and _BYLINE.match(text) and not text.endswith("."):
            kinds[last_body] = SegmentKind.BYLINE
            author = text

    published = None
    published_span = None
    head = [(s, e, t) for (s, e, t), k in zip(raw, kinds) if k is not SegmentKind.CHROME or _looks_like_timestamp(t)]
    for s, e, t in head[:8]:
        found = find_published(t)
        if found is not None:
            published, (ps, pe) = found
            published_span = (s + ps, s + pe)
            break
    lines = tuple(Line(s, e, k) for (s, e, _), k in zip(raw, kinds))
    return Layout(lines=lines, title=title, published=published, published_span=published_span, author=author)


_TIMESTAMP = re.compile(
    r"^(?:[^\d]{0,40}\s)?(?:\d{1,2}:\d{2}(?::\d{2})?\s*\|?\s*)?"
    r"(?:thứ (?:hai|ba|tư|năm|sáu|bảy|\d)|chủ nhật|t\d)?,?\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}",
    re.IGNORECASE,
)


def _looks_like_timestamp(text: str) -> bool:
    return len(text) <= 60 and bool(_TIMESTAMP.match(text)) and find_published(text) is not None
