"""Take the screenshots of docs/report.md: the HTML report of the bundled seeds, in headless Chromium.

    python docs/screenshots.py          # writes docs/images/report-*.png

Needs Debian's ``chromium`` (``apt-get install chromium``); no network is
used (the page loads nothing, and the browser's network is pointed nowhere).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import dnnd
from dnnd import store

HERE = Path(__file__).resolve().parent
SHOTS = {  # name: (fragment, window height)
    "report-overview": ("", 760),
    "report-timeline": ("timeline", 1100),
    "report-network": ("network", 1000),
    "report-conflicts": ("conflicts", 1000),
    "report-article": ("article-4", 1100),
}


def main() -> int:
    browser = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
    if browser is None:
        print("chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        db = work / "kb.sqlite"
        store.build([Path(p) for p in dnnd.seed_paths()], db)
        page = work / "report.html"
        page.write_text(
            dnnd.Corpus.from_sqlite(db).report("html", texts=store.texts(db), title="dnnd report: the five seed articles"),
            encoding="utf-8",
        )
        for name, (fragment, height) in SHOTS.items():
            target = HERE / "images" / f"{name}.png"
            subprocess.run(
                [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--user-data-dir={work / 'profile'}",
                 "--proxy-server=http://127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
                 f"--window-size=1200,{height}", "--virtual-time-budget=3000", f"--screenshot={target}",
                 page.as_uri() + (f"#{fragment}" if fragment else "")],
                check=True, capture_output=True,
            )  # fmt: skip
            print(target.relative_to(HERE.parent))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
