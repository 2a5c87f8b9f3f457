"""Headless Chromium for the tests: Debian's ``chromium``, driven from the command line, network off.

No browser is downloaded: the test uses the ``chromium`` the machine has
(``.ci/run`` installs Debian's package when it is missing). Without it a
test skips, saying so, except under CI (``CI`` set), where it fails.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "chrome")

#: every request that could leave the machine goes nowhere
NETWORK_OFF = (
    "--proxy-server=http://127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pings",
)


def chromium() -> str:
    """The path of the browser, or skip (fail under CI) when there is none."""
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    message = "headless Chromium is not installed (apt-get install chromium); the browser test needs it"
    if os.environ.get("CI"):
        pytest.fail(f"CI: {message}")
    pytest.skip(message)


def _run(args: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory(prefix="dnnd-chromium-") as profile:
        cmd = [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            f"--user-data-dir={profile}",
            *NETWORK_OFF,
            *args,
        ]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)


def dump_dom(page: Path, *, budget_ms: int = 5000, timeout: float = 120) -> str:
    """The page's DOM after its scripts ran (*budget_ms* of virtual time)."""
    done = _run(["--dump-dom", f"--virtual-time-budget={budget_ms}", page.resolve().as_uri()], timeout)
    if done.returncode != 0 or "<html" not in done.stdout:
        raise AssertionError(f"chromium failed ({done.returncode}): {done.stderr[-2000:]}")
    return done.stdout


def screenshot(page: Path, png: Path, *, fragment: str = "", size: tuple[int, int] = (1280, 1400)) -> Path:
    """Save a PNG of *page* (at ``#fragment``) as a person would see it."""
    url = page.resolve().as_uri() + (f"#{fragment}" if fragment else "")
    done = _run(
        [
            f"--screenshot={png}",
            f"--window-size={size[0]},{size[1]}",
            "--hide-scrollbars",
            "--virtual-time-budget=3000",
            url,
        ],
        120,
    )
    if not png.is_file():
        raise AssertionError(f"chromium wrote no screenshot ({done.returncode}): {done.stderr[-2000:]}")
    return png


_ERRORS_HOOK = """<script>
window.__dnndErrors = [];
window.addEventListener("error", function (e) { window.__dnndErrors.push("error: " + e.message); }, true);
window.addEventListener("unhandledrejection", function (e) { window.__dnndErrors.push("rejection: " + e.reason); });
(function () {
  var original = console.error;
  console.error = function () {
    window.__dnndErrors.push("console.error: " + Array.prototype.join.call(arguments, " "));
    return original.apply(console, arguments);
  };
})();
</script>"""


def run_checks(report: Path, checks_js: str, work: Path) -> dict[str, Any]:
    """Open a copy of *report* with *checks_js* run after its own script; return what the checks recorded.

    *checks_js* is the body of ``function (done) {...}`` and calls ``done(obj)``
    once; the errors the page raised (uncaught errors, ``console.error``) are
    added as ``errors``.
    """
    text = report.read_text(encoding="utf-8")
    head = text.index("<head>") + len("<head>")
    text = text[:head] + _ERRORS_HOOK + text[head:]
    runner = (
        "<script>(function (check) {\n"
        "  function done(result) {\n"
        "    result.errors = window.__dnndErrors;\n"
        "    var pre = document.createElement('pre'); pre.id = 'dnnd-test-results';\n"
        "    pre.textContent = JSON.stringify(result); document.body.appendChild(pre);\n"
        "  }\n"
        "  try { check(done); } catch (e) { done({exception: String(e) + ' ' + e.stack}); }\n"
        f"}})(function (done) {{\n{checks_js}\n}});</script>"
    )
    end = text.rindex("</body>")
    text = text[:end] + runner + text[end:]
    page = work / "checked-report.html"
    page.write_text(text, encoding="utf-8")
    dom = dump_dom(page)
    found = re.search(r'<pre id="dnnd-test-results">(.*?)</pre>', dom, re.S)
    if not found:
        raise AssertionError("the checks recorded nothing: " + dom[-1500:])
    result: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    return result
