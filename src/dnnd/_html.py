"""HTML input: the article's text out of a saved web page (optional extra ``html``).

A saved news page is mostly furniture (menus, related stories, comment
boxes, footers). `trafilatura <https://trafilatura.readthedocs.io>`_ finds the
main content; this module turns its result into plain text in the shape the
layout expects: the headline, a labelled publication date
(``Ngày đăng: 20/07/2022``) when the page states one, then the paragraphs
separated by blank lines. The plain-text path never imports this module's
dependency; without it an HTML file is refused with an error that says how to
install it (``pip install 'dnnd[html]'``).

Spans of an article read from HTML index that extracted text (it is the
:attr:`~dnnd.model.Article.text`), not the markup.
"""

from __future__ import annotations

import os
import re
from pathlib import PurePath
from typing import Any

from .errors import InputError

__all__ = ["html_to_text", "looks_like_html"]

_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL
)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def looks_like_html(path: str | os.PathLike[str], text: str) -> bool:
    """Tell whether a file is an HTML page (by its suffix or its first tag)."""
    return PurePath(path).suffix.lower() in _SUFFIXES or bool(_START.match(text[:4096]))


def html_to_text(markup: str, *, source: str | None = None) -> str:
    """Return the article text of an HTML page (headline, date line, paragraphs).

    Raises :class:`~dnnd.errors.InputError` when the optional dependency is
    missing or when the page has no article text.
    """
    try:
        import trafilatura  # type: ignore[import-not-found,unused-ignore]
    except ImportError as err:
        if getattr(err, "name", None) == "trafilatura":
            raise InputError(
                "is an HTML page; reading HTML needs the optional extra: pip install 'dnnd[html]'", source=source
            ) from None
        # trafilatura is there but one of its own imports fails (lxml.html.clean with lxml >= 5.2)
        detail = " ".join(str(err).split())
        raise InputError(
            f"is an HTML page; the HTML reader is installed but cannot start ({detail}): "
            "pip install --upgrade 'dnnd[html]'",
            source=source,
        ) from None
    doc: Any = trafilatura.bare_extraction(
        markup,
        include_comments=False,
        include_tables=True,
        include_images=True,
        with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None:
        raise InputError("is an HTML page without article text", source=source)
    data: dict[str, Any] = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = str(data.get("text") or "").strip()
    if not body:
        raise InputError("is an HTML page without article text", source=source)
    paragraphs = [p.strip() for p in body.splitlines() if p.strip()]
    title = str(data.get("title") or "").strip()
    if title and paragraphs and paragraphs[0] == title:
        paragraphs.pop(0)
    head = [title] if title else []
    m = _ISO.fullmatch(str(data.get("date") or ""))
    if m:
        head.append(f"Ngày đăng: {m[3]}/{m[2]}/{m[1]}")
    return "\n".join(head) + ("\n\n" if head else "") + "\n\n".join(paragraphs) + "\n"
