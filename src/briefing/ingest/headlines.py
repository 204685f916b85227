"""Headline sources for the round-up besides the page's own list: a text file with one
headline per line, or an RSS or Atom feed (file or URL) read by feedparser, each headline
keeping its link and summary."""

from __future__ import annotations

import re
from html import unescape

from briefing.errors import ContentError
from briefing.ingest.textpage import clean_line
from briefing.models import Headline

_TAG = re.compile(r"<[^>]+>")


def looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head or b"<rdf" in head


def _plain(html: str) -> str:
    return clean_line(unescape(_TAG.sub(" ", html)))


def parse_feed(data: bytes, source: str) -> list[Headline]:
    import feedparser

    parsed = feedparser.parse(data)
    headlines = []
    for entry in parsed.entries:
        title = _plain(entry.get("title", ""))
        if not title:
            continue
        summary = _plain(entry.get("summary", "")) or None
        if summary and summary.lower().startswith(title.lower()):
            summary = summary[len(title) :].strip(" .:-") or None
        headlines.append(Headline(title, entry.get("link") or None, summary))
    if not headlines:
        if parsed.bozo:
            raise ContentError(
                f"{source} is not a readable RSS or Atom feed: {parsed.get('bozo_exception')}",
                hint="check that it is the feed's address or file",
            )
        raise ContentError(f"{source}: the feed has no entries with titles", hint="check the feed")
    return headlines


def parse_headline_lines(text: str) -> list[Headline]:
    seen: set[str] = set()
    headlines = []
    for line in text.splitlines():
        title = clean_line(line.lstrip("-*• \t"))
        if title and title.casefold() not in seen:
            seen.add(title.casefold())
            headlines.append(Headline(title))
    return headlines
