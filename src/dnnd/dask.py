"""dnnd on Dask: many articles on many cores or many machines.

Needs the ``dask`` extra (``pip install 'dnnd[dask]'``: Dask with bags and
data frames, and pandas). Nothing else in dnnd imports this module.

The input is a :class:`dask.bag.Bag` whose items are article texts
(``str``) or paths (:class:`os.PathLike`, read on the worker, so on a
cluster every worker must see the files), exactly as for
:func:`dnnd.parse_many`. :func:`bag_of_paths` and :func:`bag_of_texts` make
one.

- :func:`parse_bag` maps it to :class:`~dnnd.model.Article` records (or the
  :class:`~dnnd.errors.DnndError` of a bad item, in its place);
- :func:`records` to the flat JSON records of the extraction contract (what
  ``dnnd extract`` prints), a bad item giving ``{"source", "error"}``;
- :func:`to_dataframes` to one :class:`dask.dataframe.DataFrame` per entity
  type: ``articles``, ``documents``, ``congresses``, ``organisations``,
  ``people``, ``positions`` and ``events``. Rows carry ``article_id`` (a
  hash of the article's text, stable across runs and machines) and
  ``source`` to join them. Compute the frames together
  (``dask.compute(*frames.values())``) or persist the bag first so each
  article is parsed once.

Multi-valued fields (aliases, organisers) are ``"; "``-joined strings, so
every column is a plain string, number or boolean (and survives Dask's
conversion of text columns to Arrow strings).

>>> frames = to_dataframes(bag_of_texts(["Sáng 14/7/2022, Liên hiệp các tổ chức hữu nghị TP Hà Nội tổ chức hội nghị."]))
>>> events, orgs = dask.compute(frames["events"], frames["organisations"], scheduler="sync")
>>> events[["date", "kind"]].values.tolist()
[['2022-07-14', 'conference']]
>>> orgs["name"].tolist()
['Liên hiệp các tổ chức hữu nghị thành phố Hà Nội']
"""

# Dask's API is untyped: calls into it return Any
# mypy: disable-error-code="no-untyped-call,no-any-return,attr-defined"

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._parallel import Item, parse_item
from .errors import DnndError
from .model import Article
from .serialize import to_record

try:
    import dask  # noqa: F401  (the doctests use it)
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]
    from dask import delayed
except ImportError as _err:  # pragma: no cover - exercised without dask only
    raise ImportError(
        "dnnd.dask needs Dask with bags and data frames, and pandas: pip install 'dnnd[dask]' "
        f"(import failed: {_err})"
    ) from None

if TYPE_CHECKING:
    from dask.bag import Bag
    from dask.dataframe import DataFrame

__all__ = ["COLUMNS", "bag_of_paths", "bag_of_texts", "parse_bag", "records", "rows", "to_dataframes"]

#: the columns (and pandas dtypes) of every table :func:`to_dataframes` makes
COLUMNS: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": "object",
        "source": "object",
        "title": "object",
        "published": "object",
        "encoding": "object",
        "chars": "int64",
        "error": "object",
    },
    "documents": {
        "article_id": "object",
        "source": "object",
        "id": "object",
        "kind": "object",
        "number": "object",
        "issuer": "object",
        "date": "object",
        "title": "object",
        "registry_id": "object",
    },
    "congresses": {
        "article_id": "object",
        "source": "object",
        "id": "object",
        "ordinal": "int64",
        "scope": "object",
        "party_body": "object",
        "term": "object",
    },
    "organisations": {
        "article_id": "object",
        "source": "object",
        "id": "object",
        "name": "object",
        "kind": "object",
        "abbreviation": "object",
        "aliases": "object",
        "locality": "object",
        "registry_id": "object",
        "mentions": "int64",
    },
    "people": {
        "article_id": "object",
        "source": "object",
        "id": "object",
        "name": "object",
        "aliases": "object",
        "mentions": "int64",
    },
    "positions": {
        "article_id": "object",
        "source": "object",
        "person_id": "object",
        "person": "object",
        "title": "object",
        "organisation": "object",
        "organisation_id": "object",
        "former": "bool",
    },
    "events": {
        "article_id": "object",
        "source": "object",
        "id": "object",
        "kind": "object",
        "date": "object",
        "end_date": "object",
        "time_of_day": "object",
        "location": "object",
        "organisers": "object",
        "title": "object",
        "reported": "bool",
    },
}


# ------------------------------------------------------------------ bags


def bag_of_paths(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *, npartitions: int | None = None) -> Bag:
    """Make a bag of file paths: a glob pattern (``"archive/**/*.txt"``) or an iterable of paths.

    The files are read where the bag is computed (on the workers).
    """
    if isinstance(paths, str | os.PathLike):
        import glob

        found = sorted(glob.glob(os.fspath(paths), recursive=True))
        items: list[Item] = [Path(p) for p in found]
    else:
        items = [Path(os.fspath(p)) for p in paths]
    return db.from_sequence(items, npartitions=npartitions or _partitions(len(items)))


def bag_of_texts(texts: Sequence[str], *, npartitions: int | None = None) -> Bag:
    """Make a bag of article texts (``str``)."""
    return db.from_sequence(list(texts), npartitions=npartitions or _partitions(len(texts)))


def _partitions(n: int) -> int:
    return max(1, min(n, 100, -(-n // 16)))  # about 16 articles a partition, at most 100


# --------------------------------------------------------------- mapping


def _parse_or_error(item: Item) -> Article | DnndError:
    try:
        return parse_item(item)
    except DnndError as err:
        return err


def parse_bag(items: Bag) -> Bag:
    """Map a bag of texts or paths to :class:`~dnnd.model.Article` (or :class:`~dnnd.errors.DnndError`)."""
    return items.map(_parse_or_error)


def _record(item: Item) -> dict[str, Any]:
    result = _parse_or_error(item)
    if isinstance(result, DnndError):
        return {"source": _source_of(item, result), "error": str(result)}
    return to_record(result)


def records(items: Bag) -> Bag:
    """Map a bag of texts or paths to contract records (dicts, JSON-ready)."""
    return items.map(_record)


def _source_of(item: Item, err: DnndError | None = None) -> str | None:
    source = getattr(err, "source", None)
    if source is not None:
        return str(source)
    return os.fspath(item) if isinstance(item, os.PathLike) else None


def _article_id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _join(values: Iterable[str]) -> str:
    return "; ".join(values)


def rows(item: Item) -> dict[str, list[dict[str, Any]]]:
    """Return the table rows of one text or path (what :func:`to_dataframes` stacks)."""
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in COLUMNS}
    result = _parse_or_error(item)
    if isinstance(result, DnndError):
        source = _source_of(item, result)
        key = _article_id(item) if isinstance(item, str) else _article_id(source or "")
        out["articles"].append(
            {"article_id": key, "source": source, "title": None, "published": None, "encoding": None, "chars": 0, "error": str(result)}
        )
        return out
    art = result
    key = _article_id(art.text)
    base = {"article_id": key, "source": art.source}
    out["articles"].append(
        {
            **base,
            "title": art.title,
            "published": art.published.iso if art.published else None,
            "encoding": art.encoding,
            "chars": len(art.text),
            "error": None,
        }
    )
    for d in art.documents:
        out["documents"].append(
            {
                **base,
                "id": d.id,
                "kind": d.kind.value,
                "number": d.number,
                "issuer": d.issuer,
                "date": d.date.iso if d.date else None,
                "title": d.title,
                "registry_id": d.registry_id,
            }
        )
    for c in art.congress_resolutions:
        out["congresses"].append(
            {**base, "id": c.id, "ordinal": c.ordinal, "scope": c.scope, "party_body": c.party_body, "term": c.term}
        )
    for o in art.organisations:
        out["organisations"].append(
            {
                **base,
                "id": o.id,
                "name": o.name,
                "kind": o.kind.value,
                "abbreviation": o.abbreviation,
                "aliases": _join(sorted(o.aliases)),
                "locality": o.locality,
                "registry_id": o.registry_id,
                "mentions": len(o.mentions),
            }
        )
    for p in art.people:
        out["people"].append({**base, "id": p.id, "name": p.name, "aliases": _join(sorted(p.aliases)), "mentions": len(p.mentions)})
        for pos in p.positions:
            out["positions"].append(
                {
                    **base,
                    "person_id": p.id,
                    "person": p.name,
                    "title": pos.title,
                    "organisation": pos.organisation,
                    "organisation_id": pos.organisation_id,
                    "former": pos.former,
                }
            )
    for e in art.events:
        out["events"].append(
            {
                **base,
                "id": e.id,
                "kind": e.kind.value,
                "date": e.date.iso if e.date else None,
                "end_date": e.end_date.iso if e.end_date else None,
                "time_of_day": e.time_of_day,
                "location": e.location,
                "organisers": _join(e.organisers),
                "title": e.title,
                "reported": e.reported,
            }
        )
    return out


def _frame(partition: Iterable[dict[str, list[dict[str, Any]]]], table: str) -> pd.DataFrame:
    columns = COLUMNS[table]
    data = [row for item in partition for row in item[table]]
    frame = pd.DataFrame.from_records(data, columns=list(columns)) if data else pd.DataFrame(columns=list(columns))
    return frame.astype(columns)


def _meta(table: str) -> pd.DataFrame:
    columns = COLUMNS[table]
    return pd.DataFrame(columns=list(columns)).astype(columns)


def to_dataframes(items: Bag, *, tables: Iterable[str] | None = None) -> dict[str, DataFrame]:
    """One Dask data frame per entity type (see :data:`COLUMNS`) from a bag of texts or paths.

    The frames share one parsing step: compute them together
    (``dask.compute(*frames.values())``) and every article is parsed once.
    """
    wanted = list(COLUMNS) if tables is None else list(tables)
    unknown = sorted(set(wanted) - set(COLUMNS))
    if unknown:
        raise ValueError(f"unknown table(s) {unknown}; choose from {list(COLUMNS)}")
    per_item = items.map(rows)
    partitions = per_item.to_delayed(optimize_graph=False)
    return {name: dd.from_delayed([_delayed_frame(p, name) for p in partitions], meta=_meta(name), verify_meta=False) for name in wanted}


def _delayed_frame(partition: Any, table: str) -> Any:
    return delayed(_frame, pure=True)(partition, table)
