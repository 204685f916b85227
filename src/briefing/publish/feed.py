"""The podcast feed: RSS 2.0 with the itunes and podcast namespaces, built with lxml from the
episodes' metadata files (so rebuilding it gives the same feed).

What podcast apps need (../shared/STANDARDS.md §3): the enclosure's length is the size of the
final file, measured now; the GUID never changes (it is derived from the show and the date);
dates are RFC 2822; every text is escaped by lxml and stripped of characters XML forbids.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from lxml import etree

from briefing.config import ShowConfig

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
TRANSCRIPTS = (
    ("vtt", "text/vtt"),
    ("transcript", "application/json"),
    ("srt", "application/x-subrip"),
)
"""An episode's transcripts as the feed names them, SRT last: feedparser keeps only the last."""
ATOM = "http://www.w3.org/2005/Atom"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
MAX_DESCRIPTION_BYTES = 4000
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    """Text XML 1.0 can hold: control characters removed (lxml escapes &, < and quotes)."""
    return _FORBIDDEN.sub("", text)


def podcast_guid(feed_url: str) -> str:
    """podcast:guid: UUIDv5 of the feed URL without its scheme and trailing slashes."""
    bare = re.sub(r"^[a-zA-Z]+://", "", feed_url).rstrip("/")
    return str(uuid.uuid5(PODCAST_GUID_NAMESPACE, bare))


def _truncate(text: str, limit: int = MAX_DESCRIPTION_BYTES) -> str:
    data = text.encode("utf-8")
    return text if len(data) <= limit else data[: limit - 3].decode("utf-8", "ignore") + "..."


@dataclass(frozen=True)
class FeedEpisode:
    """One episode as the feed sees it: its metadata file, and the MP3's size now."""

    meta: dict[str, Any]
    audio_bytes: int
    notes_html: str


def _sub(
    parent: etree._Element,
    tag: str,
    text: str | None = None,
    attrs: dict[str, str] | None = None,
    **more: str,
) -> etree._Element:
    attributes = {**(attrs or {}), **more}
    element = etree.SubElement(parent, tag, {k: clean(v) for k, v in attributes.items()})
    if text is not None:
        element.text = clean(text)
    return element


def build_feed(episodes: Sequence[FeedEpisode], show: ShowConfig, base_url: str) -> bytes:
    """The feed's bytes (UTF-8 XML), newest episode first."""
    base = base_url.rstrip("/") + "/"

    def url(name: str) -> str:
        return base + quote(name)

    feed_url = url("feed.xml")
    rss = etree.Element(
        "rss",
        nsmap={"itunes": ITUNES, "podcast": PODCAST, "atom": ATOM, "content": CONTENT},
        version="2.0",
    )
    channel = _sub(rss, "channel")
    newest = max(episodes, key=lambda e: e.meta["date"], default=None)
    title = show.name or (newest.meta["show"] if newest else "Briefing")
    _sub(channel, "title", title)
    _sub(channel, "description", _truncate(show.description or f"{title}: the news, read aloud."))
    _sub(channel, "link", show.website or base)
    _sub(channel, f"{{{ATOM}}}link", href=feed_url, rel="self", type="application/rss+xml")
    _sub(channel, "language", show.language)
    _sub(channel, "generator", "briefing")
    if newest:
        _sub(channel, "lastBuildDate", _rfc2822(newest.meta["date"]))
    _sub(channel, f"{{{ITUNES}}}author", show.author or title)
    owner = _sub(channel, f"{{{ITUNES}}}owner")
    _sub(owner, f"{{{ITUNES}}}name", show.owner_name or show.author or title)
    if show.owner_email:
        _sub(owner, f"{{{ITUNES}}}email", show.owner_email)
    if newest and newest.meta["files"].get("cover"):
        artwork = url(newest.meta["files"]["cover"])  # the show's own artwork, if it has one
        _sub(channel, f"{{{ITUNES}}}image", href=artwork)
        image = _sub(channel, "image")
        _sub(image, "url", artwork)
        _sub(image, "title", title)
        _sub(image, "link", show.website or base)
    category = _sub(channel, f"{{{ITUNES}}}category", attrs={"text": show.category})
    if show.subcategory:
        _sub(category, f"{{{ITUNES}}}category", attrs={"text": show.subcategory})
    _sub(channel, f"{{{ITUNES}}}explicit", "true" if show.explicit else "false")
    _sub(channel, f"{{{ITUNES}}}type", "episodic")
    _sub(channel, f"{{{PODCAST}}}guid", podcast_guid(feed_url))
    # the voices are synthetic: the form hosts and apps read (podcastindex "txt" tag)
    _sub(channel, f"{{{PODCAST}}}txt", "true", attrs={"purpose": "ai-content"})
    _sub(
        channel,
        f"{{{PODCAST}}}locked",
        "yes" if show.locked else "no",
        attrs={"owner": show.owner_email} if show.owner_email else None,
    )

    for episode in sorted(episodes, key=lambda e: (e.meta["date"], e.meta["guid"]), reverse=True):
        meta, files = episode.meta, episode.meta["files"]
        item = _sub(channel, "item")
        _sub(item, "title", meta["title"])
        _sub(item, "description", episode.notes_html or meta["summary"])
        _sub(item, f"{{{CONTENT}}}encoded", episode.notes_html or meta["summary"])
        _sub(
            item,
            "enclosure",
            url=url(meta["audio"]),
            length=str(episode.audio_bytes),
            type="audio/mpeg",
        )
        _sub(item, "guid", meta["guid"], isPermaLink="false")
        _sub(item, "pubDate", _rfc2822(meta["date"]))
        _sub(item, f"{{{ITUNES}}}duration", str(round(meta["duration_s"])))
        if meta.get("episode"):
            _sub(item, f"{{{ITUNES}}}episode", str(meta["episode"]))
        _sub(item, f"{{{ITUNES}}}episodeType", "full")
        _sub(item, f"{{{ITUNES}}}explicit", "true" if show.explicit else "false")
        if files.get("cover"):
            _sub(item, f"{{{ITUNES}}}image", href=url(files["cover"]))
        if files.get("chapters"):
            _sub(
                item,
                f"{{{PODCAST}}}chapters",
                url=url(files["chapters"]),
                type="application/json+chapters",
            )
        for kind, media_type in TRANSCRIPTS:
            if files.get(kind):
                _sub(
                    item,
                    f"{{{PODCAST}}}transcript",
                    url=url(files[kind]),
                    type=media_type,
                    language=show.language,
                )
    return etree.tostring(rss, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _rfc2822(date: str) -> str:
    """An episode's date as an RFC 2822 time: 06:00 UTC that day (stable across rebuilds)."""
    day = dt.date.fromisoformat(date[:10])
    moment = dt.datetime(day.year, day.month, day.day, 6, 0, tzinfo=dt.UTC)
    return email.utils.format_datetime(moment)


def notes_html_body(path: Path) -> str:
    """The show notes' HTML body, for the item's description."""
    try:
        html = path.read_text(encoding="utf-8")
    except OSError:
        return ""
    found = re.search(r"<body>\s*(.*?)\s*</body>", html, re.DOTALL)
    return found.group(1) if found else html
