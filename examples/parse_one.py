"""Parse one article and print what dnnd found, with the words it came from.

Usage:
    python examples/parse_one.py [PATH]

With no PATH, the bundled seed article 003 is used.
"""

from __future__ import annotations

import sys

import dnnd


def quote(article: dnnd.Article, spans: tuple[dnnd.Span, ...]) -> str:
    """The surface text of the first mention, as written in the article."""
    return repr(spans[0].of(article.text)) if spans else "(no mention)"


def main(argv: list[str]) -> int:
    path = argv[0] if argv else dnnd.seed_paths()[3]
    try:
        article = dnnd.read(path)
    except dnnd.DnndError as err:  # missing file, undecodable bytes, empty text ...
        print(f"cannot use {err}", file=sys.stderr)
        return 1

    print(f"{article.source}  (encoding {article.encoding}, published {article.published or 'unknown'})")
    print(f"title: {article.title}")

    print("\nDocuments")
    for d in article.documents:
        print(
            f"  {d.kind.value:<10} {d.number or '-':<16} date {d.date or '-'!s:<10} from {quote(article, d.mentions)}"
        )
    print("\nParty congresses")
    for c in article.congress_resolutions:
        print(f"  {c.ordinal:>2} {c.scope:<10} term {c.term or '-':<10} from {quote(article, c.mentions)}")
    print("\nOrganisations")
    for o in article.organisations:
        abbr = f" ({o.abbreviation})" if o.abbreviation else ""
        print(f"  [{o.kind.value}] {o.name}{abbr}")
    print("\nPeople")
    for p in article.people:
        posts = "; ".join(f"{x.title}" + (f" of {x.organisation}" if x.organisation else "") for x in p.positions)
        print(f"  {p.name}: {posts or '-'}")
    print("\nEvents")
    for e in article.events:
        print(f"  {e.date or '?'!s:<10} {e.kind.value:<10} {e.location or '':<12} {e.title or ''}")
    print(f"\n{len(article.chrome)} lines of site chrome were set aside (kept in article.chrome, never mined).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
