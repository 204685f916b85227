"""The show's web page: ``index.html`` published beside the feed, and the page `briefing serve`
shows at "/".

One static file: inline CSS and a small inline script, every address relative to the
directory it sits in (the episodes' files are beside it), no external script, font, picture
or request. It shows the show (cover, description), a "subscribe" block (the feed's address
to copy, links that hand it to podcast apps), and each episode, newest first: its cover,
player, chapters (a click seeks), show notes, and the transcript read from its WebVTT file,
which follows playback (the cue being read is highlighted and kept in view in the
transcript's own box, and, where the file has word times, the word being read in it) and
seeks where a cue or a word is clicked (`page_transcript`). Every text from the metadata is
escaped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from lxml import etree
from lxml import html as lxml_html
from lxml_html_clean import Cleaner

from briefing.config import ShowConfig
from briefing.publish.feed import ATOM, FeedEpisode
from briefing.publish.page_assets import SCRIPT, STYLE
from briefing.publish.page_transcript import esc as _esc
from briefing.publish.page_transcript import transcript_html
from briefing.publish.publisher import read_episodes
from briefing.publish.sidecars import VttCue, clock, read_cues

FEED_NAME = "feed.xml"

APPS: tuple[tuple[str, str, bool], ...] = (
    # (name, prefix, whole): the app's link is the prefix and the feed's address without
    # its scheme, or (whole) the whole address, percent-encoded.
    ("Apple Podcasts", "podcast://", False),
    ("Overcast", "overcast://x-callback-url/add?url=", True),
    ("Pocket Casts", "pktc://subscribe/", False),
    ("AntennaPod", "antennapod-subscribe://", False),
)
"""Podcast apps' documented "subscribe to this feed" links: links, not requests."""


def _relative(url: str) -> bool:
    """Whether a browser resolves `url` against the page (it drops tabs and newlines and
    reads a backslash as a slash, so "\\\\host/x" would go elsewhere)."""
    parts = urlsplit(re.sub(r"[\t\n\r]", "", url).strip().replace("\\", "/"))
    return not parts.scheme and not parts.netloc


def _local(root: Path, name: Any) -> str | None:
    """`name`'s relative URL if it is a file directly in `root`; None otherwise."""
    if not isinstance(name, str) or not name or "/" in name or "\\" in name:
        return None
    return quote(name) if (root / name).is_file() else None


def app_links(feed_url: str) -> list[tuple[str, str]]:
    """(app, link) for each podcast app, for an absolute http(s) feed address."""
    bare = re.sub(r"^https?://", "", feed_url, flags=re.IGNORECASE)
    return [
        (name, prefix + (quote(feed_url, safe="") if whole else bare))
        for name, prefix, whole in APPS
    ]


@dataclass(frozen=True)
class _Channel:
    """What the feed already on disk says (for a page made without the show's settings)."""

    title: str = ""
    description: str = ""
    language: str = ""
    feed_url: str = ""


def _channel(root: Path) -> _Channel:
    path = root / FEED_NAME
    if not path.is_file():
        return _Channel()
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        channel = etree.parse(str(path), parser).getroot().find("channel")
    except (OSError, etree.XMLSyntaxError):
        return _Channel()
    if channel is None:
        return _Channel()
    self_link = ""
    for link in channel.findall(f"{{{ATOM}}}link"):
        if link.get("rel") == "self" and (link.get("href") or "").startswith(
            ("http://", "https://")
        ):
            self_link = link.get("href") or ""
    return _Channel(
        channel.findtext("title") or "",
        channel.findtext("description") or "",
        channel.findtext("language") or "",
        self_link,
    )


_CLEANER = Cleaner(
    scripts=True,
    javascript=True,
    comments=True,
    style=True,
    inline_style=True,
    links=True,
    meta=True,
    page_structure=True,
    processing_instructions=True,
    embedded=True,
    frames=True,
    forms=True,
    safe_attrs_only=True,
)


def notes_fragment(body: str) -> str:
    """Show notes' HTML body made safe to put in the page: no script, style, form or
    embedded object, nothing loaded from elsewhere; the leading <h1> (the episode's title,
    already shown) left out and the other headings moved below the episode's <h2>."""
    if not body.strip():
        return ""
    try:
        fragment = lxml_html.fragment_fromstring(body, create_parent="div")
        _CLEANER(fragment)
    except (etree.ParserError, ValueError):
        return ""
    for element in list(fragment.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        if any(
            element.get(attr) is not None and not _relative(element.get(attr) or "")
            for attr in ("src", "srcset", "poster", "data", "background")
        ):
            element.drop_tree()
        elif element.tag == "a" and not re.match(
            r"^(https?:|mailto:|#|[^:]+$)", (element.get("href") or "").strip(), re.IGNORECASE
        ):
            element.attrib.pop("href", None)
    first = next(iter(fragment), None)
    if first is not None and first.tag == "h1":
        first.drop_tree()
    for heading in fragment.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        heading.tag = f"h{min(int(str(heading.tag)[1]) + 2, 6)}"
    fragment.attrib.clear()
    fragment.set("class", "notes-body")
    return str(lxml_html.tostring(fragment, encoding="unicode"))


def _date(value: str) -> str:
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return value
    return f"{day:%A} {day.day} {day:%B %Y}"


def _duration(seconds: float) -> tuple[str, str]:
    """("35 s" / "6 min" / "1 h 2 min", ISO 8601 duration) for a <time>."""
    whole = int(seconds)  # as players show it (0:35 for 35.9 s)
    if whole < 60:
        return f"{whole} s", f"PT{whole}S"
    hours, minutes = divmod(round(seconds / 60), 60)
    return (f"{hours} h {minutes} min" if hours else f"{minutes} min"), f"PT{whole}S"


def _transcript(root: Path, name: Any, title: str) -> list[str]:
    if _local(root, name) is None:
        return []
    try:
        return transcript_html(read_cues((root / name).read_text(encoding="utf-8-sig")), title)
    except (OSError, UnicodeDecodeError):
        return []


def _chapters(root: Path, chapters: Iterable[Any]) -> list[str]:
    items = []
    for chapter in chapters:
        try:
            start = float(chapter["start"])
            title = _esc(chapter["title"])
        except (KeyError, TypeError, ValueError):
            continue
        picture = _local(root, chapter.get("image"))
        thumb = (
            f'<img class="thumb" src="{_esc(picture)}" width="40" height="40" alt="" '
            'loading="lazy">'
            if picture
            else ""
        )
        url = chapter.get("url")
        story = (
            f' <a class="story" href="{_esc(url)}">story</a>'
            if isinstance(url, str) and url.lower().startswith(("http://", "https://"))
            else ""
        )
        items.append(
            f'<li>{thumb}<button type="button" class="chapter" data-start="{start!r}">'
            f'<span class="at">{clock(start * 1000)}</span> {title}</button>{story}</li>'
        )
    if not items:
        return []
    return ["<h3>Chapters</h3>", '<ol class="chapters">', *items, "</ol>"]


def _episode(root: Path, episode: FeedEpisode, language: str) -> list[str]:
    meta = episode.meta
    files = meta.get("files") or {}
    stem = Path(meta["audio"]).stem
    anchor = "ep-" + re.sub(r"[^A-Za-z0-9_-]", "-", stem)
    title = str(meta["title"])
    audio = quote(meta["audio"])
    length, iso = _duration(float(meta["duration_s"]))
    cover = _local(root, files.get("cover"))
    vtt = _local(root, files.get("vtt"))
    # <article class="entry"> is the episode; in it, <section class="episode"> is its player
    # and chapters (what the chapter-seeking test and earlier pages address), and the
    # transcript and the notes follow it.
    parts = [
        f'<article class="entry" id="{_esc(anchor)}" aria-labelledby="{_esc(anchor)}-title">',
        '<div class="head">',
    ]
    if cover:
        parts.append(
            f'<img class="art" src="{_esc(cover)}" width="96" height="96" alt="" loading="lazy">'
        )
    parts += [
        "<div>",
        f'<h2 id="{_esc(anchor)}-title">{_esc(title)}</h2>',
        f'<p class="meta"><time datetime="{_esc(meta["date"])}">{_esc(_date(meta["date"]))}'
        f'</time> · <time datetime="{iso}">{length}</time></p>',
        "</div>",
        "</div>",
    ]
    if meta.get("summary"):
        parts.append(f'<p class="summary">{_esc(meta["summary"])}</p>')
    track = (
        f'<track kind="captions" src="{_esc(vtt)}" srclang="{_esc(language)}" '
        'label="Transcript" default>'
        if vtt
        else ""
    )
    parts += [
        '<section class="episode">',
        f'<audio controls preload="metadata" src="{_esc(audio)}">{track}'
        f'<a href="{_esc(audio)}">Download the episode (MP3)</a></audio>',
    ]
    downloads = [f'<a href="{_esc(audio)}" download>MP3, {episode.audio_bytes / 1e6:.1f} MB</a>']
    if vtt:
        downloads.append(f'<a href="{_esc(vtt)}">Transcript (WebVTT)</a>')
    parts.append(f'<p class="files">{" · ".join(downloads)}</p>')
    parts += _chapters(root, meta.get("chapters") or [])
    parts.append("</section>")
    parts += _transcript(root, files.get("vtt"), title)
    notes = notes_fragment(episode.notes_html)
    if notes:
        parts += ['<details class="notes">', "<summary>Show notes</summary>", notes, "</details>"]
    parts.append("</article>")
    return parts


def _subscribe(feed_url: str) -> list[str]:
    absolute = feed_url.lower().startswith(("http://", "https://"))
    links = app_links(feed_url) if absolute else [(name, "") for name, _, _ in APPS]
    items = []
    for (name, link), (_, prefix, whole) in zip(links, APPS, strict=True):
        href = f' href="{_esc(link)}"' if link else ""
        items.append(
            f'<li><a{href} data-prefix="{_esc(prefix)}"{" data-whole" if whole else ""}>'
            f"{_esc(name)}</a></li>"
        )
    return [
        '<section class="subscribe" aria-labelledby="subscribe-title">',
        '<h2 id="subscribe-title">Subscribe</h2>',
        "<p>Follow the show in your podcast app with its feed address:</p>",
        '<div class="feed">',
        f'<input id="feed-url" type="text" readonly value="{_esc(feed_url)}" '
        'aria-label="Feed address" spellcheck="false">',
        '<button type="button" class="copy" hidden>Copy</button>',
        "</div>",
        '<p class="copied" role="status"></p>',
        f'<ul class="apps"{"" if absolute else " hidden"}>',
        *items,
        "</ul>",
        '<p class="hint">Other apps: paste the address where they offer "Add by URL" · '
        f'<a href="{_esc(feed_url)}" type="application/rss+xml">the feed (RSS)</a></p>',
        "</section>",
    ]


def index_page(root: Path, show: ShowConfig | None = None, feed_url: str | None = None) -> str:
    """The page for the episodes in `root`, newest first. `show` gives the title, the
    description and the language (else the feed already in `root` does); `feed_url` is the
    feed's address (else the show's base_url, the feed's own link, or "feed.xml")."""
    episodes, _ = read_episodes(root)
    episodes.sort(key=lambda e: (e.meta["date"], e.meta["guid"]), reverse=True)
    channel = _channel(root)
    newest = episodes[0].meta if episodes else None
    title = (show and show.name) or channel.title or (newest and newest["show"]) or "briefing"
    description = (
        (show and show.description) or channel.description or f"{title}: the news, read aloud."
    )
    language = (show and show.language) or channel.language or "en"
    if not feed_url and show and show.base_url:
        feed_url = show.base_url.rstrip("/") + "/" + FEED_NAME
    feed_url = feed_url or channel.feed_url or (FEED_NAME if (root / FEED_NAME).is_file() else "")
    cover = _local(root, (newest.get("files") or {}).get("cover")) if newest else None

    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{_esc(language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_esc(title)}</title>",
        f'<meta name="description" content="{_esc(description)}">',
    ]
    if feed_url:
        parts.append(
            f'<link rel="alternate" type="application/rss+xml" title="{_esc(title)}" '
            f'href="{_esc(feed_url)}">'
        )
    if cover:
        parts.append(f'<link rel="icon" type="image/jpeg" href="{_esc(cover)}">')
    parts += [f"<style>\n{STYLE}</style>", "</head>", "<body>", '<div class="page">']
    parts.append('<header class="show">')
    if cover:
        parts.append(f'<img class="cover" src="{_esc(cover)}" width="136" height="136" alt="">')
    parts += [
        "<div>",
        f"<h1>{_esc(title)}</h1>",
        f'<p class="description">{_esc(description)}</p>',
        "</div>",
        "</header>",
    ]
    if feed_url:
        parts += _subscribe(feed_url)
    parts.append("<main>")
    for episode in episodes:
        parts += _episode(root, episode, language)
    if not episodes:
        parts.append("<p>No episodes yet.</p>")
    parts += [
        "</main>",
        "<footer><p>Made with briefing. The episodes are read by a synthetic voice.</p></footer>",
        "</div>",
        f"<script>{SCRIPT}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


__all__ = ["APPS", "VttCue", "app_links", "index_page", "notes_fragment", "read_cues"]
