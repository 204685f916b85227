"""Write the text Chromium gives for each page of tests/data/html.

For every ``tests/data/html/*.html`` this opens the file in headless Chromium
(Debian's, at /usr/bin/chromium) through Playwright's sync API and takes
``document.body.innerText``: what a reader gets by select-all and copy, or by
saving the page as text.  It writes that, UTF-8, to
``tests/data/text/browser/<page name without .html>.txt`` beside this script.

How the page is opened:

* 1280x900 viewport, JavaScript enabled, locale en-US, time zone UTC;
* the page is loaded from its own bytes (``goto`` its file:// URL), so its
  declared charset is honoured;
* every request other than the page's own file is aborted (scripts, styles,
  images, fonts, frames, beacons) and every WebSocket is closed, so nothing
  reaches a network and nothing hangs.  The text is therefore the page as
  laid out by its inline styles and inline scripts only;
* the page's clock is Playwright's fake one, started at a fixed time;
* it waits for ``domcontentloaded`` (falling back to whatever has been parsed
  if that never fires), then briefly for ``load``, then lets ten seconds of
  the page's timers run on the fake clock (so a page that hides itself until
  a timer fires is shown as a reader sees it) and takes the text.

The only change made to Chromium's text: line endings become "\\n",
trailing white space (spaces, tabs, no-break spaces) is stripped from each
line, and the file ends with exactly one newline.  Blank lines and
everything else stay as Chromium gives them.

Run from the repository root (re-runnable; it overwrites its outputs):

    .venv/bin/python tests/data/text/browser/innertext.py
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
HTML_DIR = HERE.parents[1] / "html"  # tests/data/html

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
GOTO_TIMEOUT_MS = 30_000
LOAD_TIMEOUT_MS = 5_000
# The page's timers run on Playwright's fake clock, started at this fixed time
# and then advanced by SETTLE_MS, so a page that hides itself until a timer
# fires (heise's "anti-flicker" snippet hides everything for one second) is
# shown as a reader would see it, and the result does not depend on the
# machine's speed or the date of the run.
CLOCK_START = "2024-01-01T12:00:00Z"
SETTLE_MS = 10_000


def normalise(text: str) -> str:
    """Line endings to "\\n", trailing white space off each line, one final newline."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).rstrip("\n") + "\n"


def page_text(browser, html: Path) -> str:
    """Open one HTML file with all other requests blocked; return body.innerText."""
    url = html.resolve().as_uri()
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        java_script_enabled=True,
        locale="en-US",
        timezone_id="UTC",
        service_workers="block",
    )
    try:
        page = context.new_page()

        def only_the_page(route):
            if route.request.url == url:
                route.continue_()
            else:
                route.abort()

        page.clock.install(time=CLOCK_START)
        page.route("**/*", only_the_page)
        page.route_web_socket("**/*", lambda ws: ws.close())
        try:
            page.goto(url, wait_until="domcontentloaded", timeout=GOTO_TIMEOUT_MS)
        except PlaywrightTimeout:
            # DOMContentLoaded never fired: take what has been parsed.
            print(f"  {html.name}: no domcontentloaded, using what is parsed", file=sys.stderr)
        with contextlib.suppress(PlaywrightTimeout):
            page.wait_for_load_state("load", timeout=LOAD_TIMEOUT_MS)
        page.clock.run_for(SETTLE_MS)
        text = page.evaluate("() => document.body ? document.body.innerText : ''")
        return text or ""
    finally:
        context.close()


def main() -> int:
    pages = sorted(HTML_DIR.glob("*.html"))
    if not pages:
        print(f"no pages in {HTML_DIR}", file=sys.stderr)
        return 1
    empty = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            for html in pages:
                try:
                    text = normalise(page_text(browser, html))
                except PlaywrightError as exc:
                    print(f"  {html.name}: {exc}", file=sys.stderr)
                    text = "\n"
                out = HERE / (html.stem + ".txt")
                out.write_text(text, encoding="utf-8", newline="\n")
                if not text.strip():
                    empty.append(html.name)
                print(f"{out.name}: {len(text)} chars, {text.count(chr(10))} lines")
        finally:
            browser.close()
    if empty:
        print("EMPTY: " + ", ".join(empty), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
