"""RSS 2.0, RSS 1.0 and Atom feeds, read by feedparser: each item becomes a `Headline` that
keeps its link, summary, picture, date, full text (content:encoded) and its feed's name.

Several feeds are merged newest first; the same story in two feeds (the same link, or a
near-duplicate headline by the round-up's own rule) is kept once.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import unescape
from typing import Any

from briefing.errors import ContentError
from briefing.ingest.textpage import clean_line
from briefing.models import Headline

_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(?:p|div|li|h[1-6]|blockquote)\s*>|<br\s*/?>", re.IGNORECASE)
_IMAGE_SUFFIX = re.compile(r"\.(?:jpe?g|png|webp|gif)(?:\?|$)", re.IGNORECASE)


@dataclass(frozen=True)
class Feed:
    """A feed's name and its items, in the feed's order."""

    title: str
    items: tuple[Headline, ...]


@dataclass(frozen=True)
class Merged:
    """Items of several feeds, newest first, and the repeats left out."""

    items: tuple[Headline, ...]
    repeats: tuple[tuple[Headline, Headline], ...]
    """(left out, kept): the same story in another feed."""


def looks_like_feed(data: bytes) -> bool:
    """RSS 2.0, Atom or RSS 1.0 (RDF) by its first bytes; an XHTML page is not one."""
    head = data[:2048].lstrip().lower()
    return (b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head) and b"<html" not in head


def plain(html: str) -> str:
    """Text of an HTML fragment on one line."""
    return clean_line(unescape(_TAG.sub(" ", html)))


def paragraphs_of(html: str) -> tuple[str, ...]:
    """The paragraphs of an HTML fragment (a feed's content:encoded)."""
    return tuple(p for p in (plain(part) for part in _BLOCK_END.split(html)) if p)


def parse_feed(data: bytes, source: str, url: str | None = None) -> Feed:
    """A feed's items; `ContentError` when it cannot be read or holds no item with a title.
    Relative links resolve against the feed's `url`."""
    import feedparser

    parsed = feedparser.parse(data, response_headers={"content-location": url} if url else None)
    name = plain(parsed.feed.get("title", "")) or source
    items = tuple(
        item for item in (_item(entry, name) for entry in parsed.entries) if item is not None
    )
    if not items:
        if parsed.bozo:
            raise ContentError(
                f"{source} is not a readable RSS or Atom feed: {parsed.get('bozo_exception')}",
                hint="check that it is the feed's address or file",
            )
        raise ContentError(f"{source}: the feed has no items with titles", hint="check the feed")
    return Feed(name, items)


def _item(entry: Any, source: str) -> Headline | None:
    title = plain(entry.get("title", ""))
    if not title:
        return None
    summary = plain(entry.get("summary", "")) or None
    if summary and summary.lower().startswith(title.lower()):
        summary = summary[len(title) :].strip(" .:-") or None
    content = next(
        (c.get("value", "") for c in entry.get("content", []) if "html" in c.get("type", "")),
        "",
    )
    body = paragraphs_of(content) if content else ()
    if summary and body and summary == " ".join(body):
        summary = None  # feedparser gives the full text as the summary too
    return Headline(
        title,
        entry.get("link") or None,
        summary,
        source=source,
        image=_image(entry),
        published=_published(entry),
        body=body,
    )


def _image(entry: Any) -> str | None:
    """media:content (an image), else media:thumbnail, else an image enclosure."""
    for media in entry.get("media_content", []):
        kind = f"{media.get('medium', '')} {media.get('type', '')}"
        if media.get("url") and ("image" in kind or _IMAGE_SUFFIX.search(media["url"])):
            return str(media["url"])
    for thumbnail in entry.get("media_thumbnail", []):
        if thumbnail.get("url"):
            return str(thumbnail["url"])
    for link in entry.get("links", []):
        if link.get("rel") == "enclosure" and str(link.get("type", "")).startswith("image/"):
            return str(link.get("href")) if link.get("href") else None
    return None


def _published(entry: Any) -> dt.datetime | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    return dt.datetime.fromtimestamp(calendar.timegm(stamp), dt.UTC)


def merge_feeds(feeds: Sequence[Feed]) -> Merged:
    """Items of all `feeds`, newest first (undated ones after, in feed order). An item whose
    link or headline repeats an item of another feed already kept is left out."""
    from briefing.script.dedupe import THRESHOLD, Similarity  # the round-up's own rule

    if len(feeds) == 1:
        return Merged(feeds[0].items, ())
    order = [(item, n) for n, feed in enumerate(feeds) for item in feed.items]
    far_past = dt.datetime.min.replace(tzinfo=dt.UTC)
    order.sort(key=lambda pair: pair[0].published or far_past, reverse=True)
    similarity = Similarity([item.title for item, _ in order])
    kept: list[int] = []
    repeats: list[tuple[Headline, Headline]] = []
    for i, (item, feed) in enumerate(order):
        twin = next(
            (
                k
                for k in kept
                if order[k][1] != feed
                and (
                    (item.url and item.url == order[k][0].url)
                    or similarity.score(i, k) >= THRESHOLD
                )
            ),
            None,
        )
        if twin is None:
            kept.append(i)
        else:
            repeats.append((item, order[twin][0]))
    return Merged(tuple(order[k][0] for k in kept), tuple(repeats))
