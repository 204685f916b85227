"""How well the text parser finds a page's related headlines on whole pages copied from a browser.

    python bench/headlines.py [--pages tests/data/text/browser]

For every page with an expected.json entry: how many headlines the parser found, how many of
them are expected ones (a found line matches when it holds the expected headline: the browser
runs labels and teasers onto the same line), and how many of the page's first five expected
headlines it found (what a default round-up reads). Prints a Markdown table and the totals.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from briefing.ingest.textpage import parse_text_page

ROOT = Path(__file__).resolve().parents[1]


def squeezed(text: str) -> str:
    return " ".join(text.split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=ROOT / "tests" / "data" / "text" / "browser")
    args = parser.parse_args()
    cases = json.loads((args.pages / "expected.json").read_text(encoding="utf-8"))
    found_all = right_all = wanted_all = got_all = 0
    print("| page | found | expected ones | expected | first five found |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, expected in cases.items():
        page = parse_text_page((args.pages / name).read_text(encoding="utf-8"))
        found = [squeezed(h.title) for h in page.headlines]
        wanted = [squeezed(h) for h in expected["headlines"]]
        right = sum(any(w in f for w in wanted) for f in found)
        first = wanted[:5]
        got = sum(any(w in f for f in found) for w in first)
        found_all, right_all = found_all + len(found), right_all + right
        wanted_all, got_all = wanted_all + len(first), got_all + got
        print(f"| {name} | {len(found)} | {right} | {len(wanted)} | {got}/{len(first)} |")
    print()
    print(
        f"Precision {right_all}/{found_all} = {right_all / max(1, found_all):.0%}; "
        f"first five found {got_all}/{wanted_all} = {got_all / max(1, wanted_all):.0%}"
    )


if __name__ == "__main__":
    main()
