"""Corpus files: JSON or JSON Lines, written atomically, read back whole or not at all."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import cattrs

from .._atomic import atomic_writer
from .._jsonfile import DEFAULT_MAX_CORPUS_BYTES, MAX_DIGITS, _shallow, loads, open_text, too_large
from .._names import visible_name
from ..errors import CorpusFileError, OverrideError
from ..model import PartialDate, Span
from ._codec import FastReader, unstructure
from ._keys import _bulk
from ._overrides import Overrides
from ._records import ArticleSummary, ReadFailure

__all__ = ["DEFAULT_MAX_CORPUS_BYTES", "FORMAT", "FORMAT_VERSION"]

#: the format marker in the header of every saved corpus file
FORMAT = "dnnd-corpus"
#: the version of the file layout this dnnd writes (and the newest it reads); 2 adds the overrides,
#: 3 leaves out the fields of a record that hold their default (older versions are still read)
FORMAT_VERSION = 3


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
        "articles": [unstructure(a) for a in articles],
        "errors": [converter.unstructure(e) for e in errors],
    }


def from_dict(data: Any, *, source: str) -> Loaded:
    """Return what :func:`to_dict`'s object holds; :class:`CorpusFileError` when it is not one."""
    return _from_dict(data, source, checked=True)


class _NotQuick(Exception):
    """The fast path refused a record: parse and structure the file again, with every check."""


def _from_dict(data: Any, source: str, *, checked: bool) -> Loaded:
    _check_header(data, source, layout="json")
    if not isinstance(data.get("articles"), list) or not isinstance(data.get("errors"), list):
        raise CorpusFileError(f"{source}: not a dnnd corpus (no 'articles' and 'errors' lists)")
    quick = _quickly(data["articles"], data["errors"])
    if quick is not None:
        articles, errors = quick
    elif not checked:
        raise _NotQuick
    else:  # the checked path: the same records, or an error saying which record is wrong and how
        load = _Loader()
        articles = [load(a, ArticleSummary, source, i + 1) for i, a in enumerate(data["articles"])]
        errors = [load(e, ReadFailure, source, i + 1) for i, e in enumerate(data["errors"])]
    return articles, errors, _read_overrides(data, source)


def _quickly(articles: list[Any], errors: list[Any]) -> tuple[list[ArticleSummary], list[ReadFailure]] | None:
    """Every record structured by the fast path, or ``None`` when it refuses one."""
    reader = FastReader()
    try:
        return [reader.article(a) for a in articles], [reader.failure(e) for e in errors]
    except Exception:  # the checked path says what is wrong
        return None


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
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode
    with atomic_writer(path) as fh:
        if layout == "json":
            # to_dict's object, one article at a time (json.dump's many tiny writes are several times slower)
            head = to_dict((), errors, overrides)
            del head["articles"]
            tail = dumps(head.pop("errors"))
            fh.write(dumps(head)[:-1] + ',"articles":[')
            fh.writelines(("," if i else "") + dumps(unstructure(a)) for i, a in enumerate(articles))
            fh.write(f'],"errors":{tail}}}\n')
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
        fh.writelines(f'{{"article":{dumps(unstructure(a))}}}\n' for a in articles)
        for e in errors:
            fh.write(json.dumps({"error": converter.unstructure(e)}, ensure_ascii=False) + "\n")
        fh.write(json.dumps({"end": FORMAT, "articles": len(articles)}) + "\n")


def load(path: str | os.PathLike[str], *, max_bytes: int | None = DEFAULT_MAX_CORPUS_BYTES) -> Loaded:
    """Read the articles and read failures of a file :func:`save` wrote (either layout).

    Raises :class:`~dnnd.errors.CorpusFileError`, naming the file and the
    place, when the file is missing, not a regular file, larger than
    *max_bytes* (``None``: no limit), truncated, corrupted (bad JSON, wrong
    field types or ranges, absurd numbers or nesting), from a newer dnnd or
    not a dnnd corpus at all.
    """
    with _bulk():
        return _load(path, max_bytes)


def _load(path: str | os.PathLike[str], max_bytes: int | None) -> Loaded:
    name = visible_name(path)
    with open_text(path, name) as fh:
        try:
            first = fh.readline(max_bytes + 1 if max_bytes is not None else -1)
            if max_bytes is not None and len(first) > max_bytes:
                raise too_large(name, max_bytes)
            try:
                head = json.loads(first) if len(first) < 65_536 else None
            except (ValueError, RecursionError):
                head = None
            if isinstance(head, dict) and head.get("layout") == "jsonl":
                return _load_lines(head, _limited(fh, name, max_bytes, len(first)), name)  # one line at a time
            rest = fh.read() if max_bytes is None else fh.read(max_bytes + 1 - len(first))
        except UnicodeDecodeError:
            raise CorpusFileError(f"{name}: not a dnnd corpus (not UTF-8 text)") from None
        except OSError as err:
            raise CorpusFileError(f"{name}: cannot be read ({err.strerror or err})") from None
    text = first + rest
    if max_bytes is not None and len(text) > max_bytes:
        raise too_large(name, max_bytes)
    if not text.strip():
        raise CorpusFileError(f"{name}: empty file, not a dnnd corpus")
    if not (isinstance(head, dict) or text.lstrip().startswith("{")):
        try:
            json.loads(text[:65_536])
        except (ValueError, RecursionError):
            raise CorpusFileError(f"{name}: not a dnnd corpus (not JSON)") from None
    data = _quick_loads(text)
    if data is not None:
        try:
            return _from_dict(data, name, checked=False)
        except (_NotQuick, CorpusFileError):
            pass
    # the checked parse (limits on numbers and nesting) and structuring: an error naming the place
    return from_dict(loads(text, name), source=name)


def _quick_loads(text: str) -> Any:
    """The JSON document *text*, parsed without the checks of :func:`~dnnd._jsonfile.loads`; ``None`` when it fails.

    Its records are then structured by the fast path, which refuses any
    value of the wrong type, so that no check is lost; the header around
    them is checked for depth here.
    """
    try:
        data = json.loads(text)
    except Exception:  # the checked parse says what is wrong
        return None
    if not isinstance(data, dict) or not _shallow({k: v for k, v in data.items() if k not in ("articles", "errors")}):
        return None
    return data


def _limited(lines: Iterable[str], name: str, max_bytes: int | None, used: int) -> Iterator[str]:
    """The lines of a JSON Lines corpus, refusing the file once it passes *max_bytes* characters."""
    for line in lines:
        used += len(line)
        if max_bytes is not None and used > max_bytes:
            raise too_large(name, max_bytes)
        yield line


def _load_lines(head: dict[str, Any], lines: Iterable[str], name: str) -> Loaded:
    _check_header(head, name, layout="jsonl")
    n_articles, n_errors = head.get("articles"), head.get("errors")
    if not isinstance(n_articles, int) or not isinstance(n_errors, int):
        raise CorpusFileError(f"{name}: corrupted corpus header (no article and error counts)")
    articles: list[ArticleSummary] = []
    errors: list[ReadFailure] = []
    load = _Loader()
    reader = FastReader()
    ended = False
    for lineno, line in enumerate(lines, start=2):
        if not line.strip():
            continue
        if ended:
            raise CorpusFileError(f"{name}: corrupted corpus file (data after the end marker, line {lineno})")
        quick = _quick_line(reader, line)
        if quick is not None:
            (articles if type(quick) is ArticleSummary else errors).append(quick)  # type: ignore[arg-type]
            continue
        item = loads(line, name, line=lineno)
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


def _quick_line(reader: FastReader, line: str) -> ArticleSummary | ReadFailure | None:
    """The article or read failure of one line by the fast path; ``None`` for anything else (the checked path decides)."""
    try:
        item = json.loads(line)
        if type(item) is dict and len(item) == 1:
            if "article" in item:
                return reader.article(item["article"])
            if "error" in item:
                return reader.failure(item["error"])
    except Exception:  # the checked path says what is wrong
        pass
    return None


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
            if not isinstance(value, list):
                raise TypeError(f"expected a list of spans, got {type(value).__name__}")
            return tuple(_structure_span(v, Span) for v in value)

        self._conv.register_structure_hook(str, structure_str)
        self._conv.register_structure_hook(int, _structure_int)
        self._conv.register_structure_hook(float, _structure_float)
        self._conv.register_structure_hook(bool, _structure_bool)
        self._conv.register_structure_hook(Span, _structure_span)
        self._conv.register_structure_hook(PartialDate, structure_date)
        self._conv.register_structure_hook_func(lambda t: t == tuple[Span, ...], structure_spans)

    def __call__(self, value: Any, cls: type[Any], source: str, where: int) -> Any:
        try:
            return self._conv.structure(value, cls)
        except (cattrs.BaseValidationError, ValueError, TypeError, KeyError, AttributeError, RecursionError) as err:
            raise CorpusFileError(
                f"{source}: corrupted corpus file (bad {cls.__name__} record #{where}: {_detail(err)})"
            ) from None


def _detail(err: BaseException) -> str:
    """The first problem and where in the record it is (``... @ $.documents[0].mentions[0]``)."""
    if isinstance(err, cattrs.BaseValidationError):
        try:
            problems = cattrs.transform_error(err, path="$", format_exception=lambda exc, _: str(exc) or type(exc).__name__)
        except Exception:  # the detail is a courtesy; the error itself stands
            problems = []
        if problems:
            return " ".join(problems[0].split())[:200]
    return _first_line(err)


def _first_line(err: BaseException) -> str:
    text = str(err) or type(err).__name__
    return text.splitlines()[0][:120]


#: the largest integer a corpus file may hold (offsets, counts, ordinals)
_MAX_INT = 10**MAX_DIGITS


def _structure_int(value: Any, _: type) -> int:
    """An integer field: a JSON integer (not a float, a string or a boolean), 0 <= n < 10**18."""
    if type(value) is not int:
        raise TypeError(f"expected a whole number, got {type(value).__name__} {str(value)[:20]}")
    if not 0 <= value < _MAX_INT:
        raise ValueError(f"number out of range: {value}")
    return value


def _structure_span(value: Any, _: type) -> Span:
    """A span as saved, ``[start, end]`` (or ``{"start": .., "end": ..}``), of whole numbers."""
    if isinstance(value, dict) and set(value) == {"start", "end"}:
        value = [value["start"], value["end"]]
    if not isinstance(value, list) or len(value) != 2:
        raise TypeError(f"expected a span [start, end], got {type(value).__name__}")
    return Span(start=_structure_int(value[0], int), end=_structure_int(value[1], int))


def _structure_float(value: Any, _: type) -> float:
    if type(value) not in (int, float):
        raise TypeError(f"expected a number, got {type(value).__name__}")
    return float(value)


def _structure_bool(value: Any, _: type) -> bool:
    if type(value) is not bool:
        raise TypeError(f"expected true or false, got {type(value).__name__}")
    return bool(value)
