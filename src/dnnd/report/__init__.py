"""Reports of a corpus for people who do not code: plain text, Markdown, or one self-contained HTML page.

::

    from dnnd import report, store

    corpus, texts = store.load("kb.sqlite"), store.texts("kb.sqlite")
    page = report.render(corpus, "html", texts=texts)      # one file: open it in any browser, offline
    print(report.render(corpus, "text"))                   # what `dnnd report` prints

The HTML page holds an interactive timeline of the reported events (zoom,
filters by kind and province), a network of organisations and people
(positions held, events organised together, memberships), the documents
and congresses with every article citing them, the conflicts with each
source's sentence side by side, and one page per article with every
extracted fact highlighted in its text. It loads nothing from the network:
the charts are SVG drawn here, the script and styles are inlined (and a
Content-Security-Policy forbids any other resource).

*texts* maps an article's ``source`` to its text; without it (a saved JSON
corpus keeps no text) the sentences and the highlighted pages are left out.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..corpus import Corpus
from ._data import ReportData, collect
from ._html import fragment, render_html
from ._md import render_md
from ._text import render_text

__all__ = ["FORMATS", "ReportData", "collect", "html_fragment", "render"]

#: the formats :func:`render` writes
FORMATS = ("text", "md", "html")


def render(
    corpus: Corpus, format: str = "text", *, texts: Mapping[str, str] | None = None, title: str | None = None
) -> str:
    """Return the report of *corpus* in *format* (``"text"``, ``"md"`` or ``"html"``).

    >>> import dnnd
    >>> corpus = dnnd.Corpus(dnnd.seeds())
    >>> render(corpus).splitlines()[0]
    'dnnd report: 5 article(s)'
    >>> render(corpus, "md").splitlines()[0]
    '# dnnd report: 5 article(s)'
    >>> render(corpus, "html").startswith("<!DOCTYPE html>")
    True
    """
    if format == "text":
        return render_text(corpus, title=title)
    if format == "md":
        return render_md(collect(corpus, texts, title=title))
    if format == "html":
        return render_html(collect(corpus, texts, title=title))
    raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")


def html_fragment(corpus: Corpus, *, texts: Mapping[str, str] | None = None) -> str:
    """The overview, timeline and network of the HTML report, as a fragment (what Jupyter shows)."""
    return fragment(collect(corpus, texts))
