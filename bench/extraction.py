"""What is said from real HTML pages: `briefing script` against trafilatura alone.

    python bench/extraction.py [--pages DIR] [--verbose]

For every page of the HTML corpus (tests/data/html/, a copy of ../shared/corpus/html with
its expected.json unchanged), a page counts as right when every phrase it must keep is
there and no phrase it must not speak is:

- trafilatura alone: `trafilatura.extract(html)` with its defaults, what a user stitching
  tools together would run; phrases are looked for in its text;
- briefing: the real `briefing script PAGE` (default round-up), what an episode of the page
  says; phrases are looked for as they would be spoken (normalised the same way), so a
  number said as words still counts as kept.

Both sides are held to the corpus's own expectations, including the four pages where
briefing departs from them on purpose (tests/data/html/departures.json says which and why);
briefing's count with those departures allowed is printed beside it.
Prints a Markdown table and the totals.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import trafilatura

from briefing.ingest.text import declared_charset, decode
from briefing.script.normalize import normalize, shipped_lexicon

ROOT = Path(__file__).resolve().parents[1]


def squeezed(text: str) -> str:
    return " ".join(text.split())


def loosely(text: str) -> str:
    return " ".join(text.replace('"', "").replace("'", "").split()).casefold()


def spoken_script(page: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "script", str(page)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        return ""
    body = done.stdout.split("+++", 2)[-1]
    lines = [line for line in body.splitlines() if not line.startswith(("#", "<!--"))]
    return " ".join(lines)


def judge(found: str, expected: dict, spoken: bool) -> tuple[list[str], list[str]]:  # type: ignore[type-arg]
    """(phrases missing, phrases spoken that must not be)."""
    lexicon = shipped_lexicon()
    if spoken:
        text = loosely(found)
        form = lambda phrase: loosely(normalize(phrase, lexicon))  # noqa: E731
    else:
        text = squeezed(found)
        form = squeezed
    missing = [p for p in expected["with"] if form(p) not in text]
    present = [p for p in expected["without"] if form(p) in text]
    return missing, present


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=ROOT / "tests" / "data" / "html")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    expected = json.loads((args.pages / "expected.json").read_text(encoding="utf-8"))
    departures = json.loads((args.pages / "departures.json").read_text(encoding="utf-8"))
    totals = {"trafilatura": 0, "briefing": 0, "departures": 0}
    print("| page | lang | trafilatura.extract | briefing script |")
    print("| --- | --- | --- | --- |")
    for name, wants in expected.items():
        data = (args.pages / name).read_bytes()
        extracted = trafilatura.extract(decode(data, declared_charset(data))) or ""
        cells = []
        for side, found, spoken in (
            ("trafilatura", extracted, False),
            ("briefing", spoken_script(args.pages / name), True),
        ):
            missing, present = judge(found, wants, spoken)
            right = not missing and not present
            totals[side] += right
            if spoken:
                allowed = departures.get(name, {})
                totals["departures"] += not (
                    set(missing) - set(allowed.get("with", {}))
                    or set(present) - set(allowed.get("without", {}))
                )
            detail = "; ".join(
                [f"misses {p!r}" for p in missing] + [f"says {p!r}" for p in present]
            )
            cells.append("right" if right else f"wrong: {detail}" if args.verbose else "wrong")
        print(f"| {name} | {wants.get('lang', '')} | {cells[0]} | {cells[1]} |")
    pages = len(expected)
    print()
    print(
        f"Pages fully right: trafilatura.extract {totals['trafilatura']}/{pages}, "
        f"briefing script {totals['briefing']}/{pages} "
        f"({totals['departures']}/{pages} with its deliberate departures)"
    )


if __name__ == "__main__":
    main()
