"""A text file of headlines for the round-up: one per line, bullets and repeats left out.
(Feeds are read in `feeds.py`.)"""

from __future__ import annotations

from briefing.ingest.textpage import clean_line
from briefing.models import Headline


def parse_headline_lines(text: str) -> list[Headline]:
    seen: set[str] = set()
    headlines = []
    for line in text.splitlines():
        title = clean_line(line.lstrip("-*• \t"))
        if title and title.casefold() not in seen:
            seen.add(title.casefold())
            headlines.append(Headline(title))
    return headlines
