"""Corpus files: JSON or JSON Lines, written atomically, read back whole or not at all."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import cattrs

from .._atomic import atomic_writer
from ..errors import CorpusFileError, OverrideError
from ..model import PartialDate, Span
from ._keys import _bulk
from ._overrides import Overrides
from ._records import ArticleSummary, ReadFailure

__all__ = ["FORMAT", "FORMAT_VERSION"]

#: the format marker in the header of every saved corpus file
FORMAT = "dnnd-corpus"
#: the version of the file layout this dnnd writes (and the newest it reads); 2 adds the overrides
FORMAT_VERSION = 2


Loaded = tuple[list[ArticleSummary], list[ReadFailure], Overrides | None]


def _overrides_entry(overrides: Overrides | None) -> dict[str, Any]:
    return {} if not overrides else {"overrides": {"origin": overrides.origin, "document": overrides.to_dict()}}


def _read_overrides(data: Any, source: str) -> Overrides | None:
    entry = data.get("overrides")
    if entry is None:
        return None
    if not isinstance(entry, dict) or not isinstance(entry.get("document"), dict):
        raise CorpusFileError(f"{source}: corrupted corpus header (bad overrides)")
    try:
        return Overrides.from_dict(entry["document"], origin=str(entry.get("origin") or "overrides"))
    except OverrideError as err:
        raise CorpusFileError(f"{source}: the overrides it keeps are not valid ({err})") from None


def to_dict(
    articles: Sequence[ArticleSummary], errors: Sequence[ReadFailure], overrides: Overrides | None = None
) -> dict[str, Any]:
    """Return the articles, read failures and overrides as one JSON-ready object (the ``.json`` file format)."""
    from .. import __version__
    from ..serialize import converter

    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "dnnd": __version__,
        **_overrides_entry(overrides),
        "articles": [converter.unstructure(a) for a in articles],
        "errors": [converter.unstructure(e) for e in errors],
    }


def from_dict(data: Any, *, source: str) -> Loaded:
    """Return what :func:`to_dict`'s object holds; :class:`CorpusFileError` when it is not one."""
    _check_header(data, source, layout="json")
    if not isinstance(data.get("articles"), list) or not isinstance(data.get("errors"), list):
        raise CorpusFileError(f"{source}: not a dnnd corpus (no 'articles' and 'errors' lists)")
    load = _Loader()
    articles = [load(a, ArticleSummary, source, i + 1) for i, a in enumerate(data["articles"])]
    errors = [load(e, ReadFailure, source, i + 1) for i, e in enumerate(data["errors"])]
    return articles, errors, _read_overrides(data, source)


def save(
    articles: Sequence[ArticleSummary],
    errors: Sequence[ReadFailure],
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    overrides: Overrides | None = None,
) -> None:
    """Write the articles and read failures to *path* atomically: JSON, or JSON Lines for ``.jsonl``."""
    with _bulk():
        _save(articles, errors, path, format=format, overrides=overrides)


def _save(
    articles: Sequence[ArticleSummary],
    errors: Sequence[ReadFailure],
    path: str | os.PathLike[str],
    *,
    format: str | None,
    overrides: Overrides | None,
) -> None:
    from .. import __version__
    from ..serialize import converter

    layout = format or ("jsonl" if Path(path).suffix.lower() in (".jsonl", ".ndjson") else "json")
    if layout not in ("json", "jsonl"):
        raise ValueError(f"format must be 'json' or 'jsonl', not {layout!r}")
    with atomic_writer(path) as fh:
        if layout == "json":
            # one string, then one write: json.dump's chunked writes are several times slower
            fh.write(json.dumps(to_dict(articles, errors, overrides), ensure_ascii=False, separators=(",", ":")) + "\n")
            return
        header = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "dnnd": __version__,
            "layout": "jsonl",
            "articles": len(articles),
            "errors": len(errors),
            **_overrides_entry(overrides),
        }
        fh.write(json.dumps(header, ensure_ascii=False) + "\n")
        for a in articles:
            fh.write(
                json.dumps({"article": converter.unstructure(a)}, ensure_ascii=False, separators=(",", ":")) + "\n"
            )
        for e in errors:
            fh.write(json.dumps({"error": converter.unstructure(e)}, ensure_ascii=False) + "\n")
        fh.write(json.dumps({"end": FORMAT, "articles": len(articles)}) + "\n")


def load(path: str | os.PathLike[str]) -> Loaded:
    """Read the articles and read failures of a file :func:`save` wrote (either layout).

    Raises :class:`~dnnd.errors.CorpusFileError` when the file is missing,
    truncated, corrupted, from a newer dnnd or not a dnnd corpus at all.
    """
    with _bulk():
        return _load(path)


def _load(path: str | os.PathLike[str]) -> Loaded:
    name = os.fspath(path)
    try:
        with open(path, encoding="utf-8", newline="\n") as fh:
            first = fh.readline()
            try:
                head = json.loads(first)
            except json.JSONDecodeError:
                head = None
            if isinstance(head, dict) and head.get("layout") == "jsonl":
                return _load_lines(head, fh, name)  # streamed: one line in memory at a time
            text = first + fh.read()
    except FileNotFoundError:
        raise CorpusFileError(f"{name}: no such file") from None
    except UnicodeDecodeError:
        raise CorpusFileError(f"{name}: not a dnnd corpus (not UTF-8 text)") from None
    except IsADirectoryError:
        raise CorpusFileError(f"{name}: is a directory, not a corpus file") from None
    except OSError as err:
        raise CorpusFileError(f"{name}: cannot be read ({err.strerror or err})") from None
    if not text.strip():
        raise CorpusFileError(f"{name}: empty file, not a dnnd corpus")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        if isinstance(head, dict) or text.lstrip().startswith("{"):
            raise CorpusFileError(
                f"{name}: truncated or corrupted corpus file ({err.msg} at line {err.lineno})"
            ) from None
        raise CorpusFileError(f"{name}: not a dnnd corpus (not JSON)") from None
    return from_dict(data, source=name)


def _load_lines(head: dict[str, Any], lines: Iterable[str], name: str) -> Loaded:
    _check_header(head, name, layout="jsonl")
    n_articles, n_errors = head.get("articles"), head.get("errors")
    if not isinstance(n_articles, int) or not isinstance(n_errors, int):
        raise CorpusFileError(f"{name}: corrupted corpus header (no article and error counts)")
    articles: list[ArticleSummary] = []
    errors: list[ReadFailure] = []
    load = _Loader()
    ended = False
    for lineno, line in enumerate(lines, start=2):
        if not line.strip():
            continue
        if ended:
            raise CorpusFileError(f"{name}: corrupted corpus file (data after the end marker, line {lineno})")
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            raise CorpusFileError(f"{name}: truncated or corrupted corpus file (bad JSON at line {lineno})") from None
        if not isinstance(item, dict) or len(item) < 1:
            raise CorpusFileError(f"{name}: corrupted corpus file (unexpected line {lineno})")
        if "article" in item:
            articles.append(load(item["article"], ArticleSummary, name, lineno))
        elif "error" in item:
            errors.append(load(item["error"], ReadFailure, name, lineno))
        elif item.get("end") == FORMAT:
            ended = True
        else:
            raise CorpusFileError(f"{name}: corrupted corpus file (unexpected line {lineno})")
    if not ended or len(articles) != n_articles or len(errors) != n_errors:
        raise CorpusFileError(
            f"{name}: truncated corpus file ({len(articles)} of {n_articles} articles"
            f"{'' if ended else ', no end marker'})"
        )
    return articles, errors, _read_overrides(head, name)


def _check_header(data: Any, source: str, *, layout: str) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CorpusFileError(f"{source}: not a dnnd corpus (no '{FORMAT}' format marker)")
    version = data.get("version")
    if not isinstance(version, int):
        raise CorpusFileError(f"{source}: corrupted corpus header (no version)")
    if version > FORMAT_VERSION:
        raise CorpusFileError(
            f"{source}: corpus format version {version} is newer than this dnnd reads ({FORMAT_VERSION})"
        )
    del layout


class _Loader:
    """Structure saved records, sharing one object per distinct string and date (a corpus repeats them endlessly)."""

    def __init__(self) -> None:
        from ..serialize import converter

        self._conv = converter.copy()
        strings: dict[str, str] = {}
        dates: dict[str, PartialDate] = {}

        def structure_str(value: Any, cls: type) -> Any:
            if not isinstance(value, str):
                raise TypeError(f"expected a string, got {type(value).__name__}")
            if cls is not str:  # the str enums (DocumentKind ...): by value
                return cls(value)
            return strings.setdefault(value, value)

        def structure_date(value: Any, _: type) -> PartialDate:
            if isinstance(value, PartialDate):
                return value
            found = dates.get(value)
            if found is None:
                found = dates[value] = PartialDate.from_iso(value)
            return found

        def structure_spans(value: Any, _: type) -> tuple[Span, ...]:
            # [[start, end], ...] as written by save: one comprehension, not a hook call per span
            if not isinstance(value, (list, tuple)):
                raise TypeError(f"expected a list of spans, got {type(value).__name__}")
            return tuple(Span(start=int(a), end=int(b)) for a, b in value)

        self._conv.register_structure_hook(str, structure_str)
        self._conv.register_structure_hook(PartialDate, structure_date)
        self._conv.register_structure_hook_func(lambda t: t == tuple[Span, ...], structure_spans)

    def __call__(self, value: Any, cls: type[Any], source: str, where: int) -> Any:
        try:
            return self._conv.structure(value, cls)
        except (cattrs.BaseValidationError, ValueError, TypeError, KeyError, AttributeError) as err:
            raise CorpusFileError(
                f"{source}: corrupted corpus file (bad {cls.__name__} record #{where}: {_first_line(err)})"
            ) from None


def _first_line(err: BaseException) -> str:
    text = str(err) or type(err).__name__
    return text.splitlines()[0][:120]
