"""A cross-article report on the five bundled seed articles.

Shows what one article cannot: which documents several articles cite (and
whether they agree with the registry about the date), which organisations
recur, and one timeline of all events.

Usage:
    python examples/report_seeds.py
"""

from __future__ import annotations

from collections import Counter, defaultdict

import dnnd
from dnnd import registry


def main() -> int:
    articles = dnnd.seeds()
    print(f"{len(articles)} articles\n")

    print("Documents cited, with the date each article gives")
    cited: dict[str, list[tuple[str, dnnd.model.Document]]] = defaultdict(list)
    for a in articles:
        for d in a.documents:
            cited[d.number or "(no number)"].append((a.source or "?", d))
    for number, uses in sorted(cited.items()):
        known = {r.id: r for r in registry.find_document(number)} if number != "(no number)" else {}
        print(f"  {number}: cited by {len(uses)} article(s)")
        for source, d in uses:
            real = known.get(d.registry_id or "")
            verdict = ""
            if real and real.date and d.date:
                verdict = (
                    "agrees with the registry"
                    if d.date.to_date() == real.date
                    else f"CONFLICT: registry says {real.date}"
                )
            print(f"    {source[:3]}: {d.date or 'no date'!s:<10} {verdict}")

    print("\nOrganisations named in two or more articles")
    counts = Counter(o.name for a in articles for o in {o.name: o for o in a.organisations}.values())
    for name, n in counts.most_common():
        if n >= 2:
            print(f"  {n}  {name}")

    print("\nTimeline of events")
    events = [(e, a.source or "?") for a in articles for e in a.events]
    for e, source in sorted(events, key=lambda pair: pair[0].date.sort_key if pair[0].date else (0, 0, 0)):
        print(f"  {e.date or '?'!s:<10} {e.kind.value:<10} {source[:3]}  {(e.title or '')[:60]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
