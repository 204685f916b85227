"""Ingest: turn a source (a file, standard input or a URL) into a `Page`.

Reading bytes (`read_source`, with `fetch` for URLs) is kept apart from parsing them, so
every parser is testable offline. Formats: the plain-text page (`textpage/`), HTML
(`html.py`, trafilatura), Markdown, a JSON article, and an RSS or Atom feed (`feeds.py`,
read as a page by `feedpage.py`: one item the lead, the others the round-up); the format
is detected from the name, the server's content type or the bytes themselves, unless given.
Headlines for the round-up may come from other sources: feeds, merged newest first, or
text lists. What a round-up story links to is fetched, many at once, by `linked.py`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from briefing.cache import SpeechCache
from briefing.errors import BriefingError, ContentError, InputError, UsageError
from briefing.ingest.feedpage import page_from_feed
from briefing.ingest.feeds import Feed, looks_like_feed, merge_feeds, parse_feed
from briefing.ingest.fetch import fetch, is_url
from briefing.ingest.headlines import parse_headline_lines
from briefing.ingest.html import parse_html
from briefing.ingest.jsonpage import parse_json
from briefing.ingest.linked import cached_article_reader
from briefing.ingest.markdown import parse_markdown
from briefing.ingest.text import decode
from briefing.ingest.textpage import parse_text_page
from briefing.models import Headline, Page

MAX_PAGE_BYTES = 20 * 1024 * 1024
FORMATS = ("text", "html", "markdown", "json")
STDIN = "-"


@dataclass(frozen=True)
class Loaded:
    """A page and what the user should know about how it was read."""

    page: Page
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Source:
    """A source's bytes, and what is known about them."""

    data: bytes
    name: str
    url: str | None = None
    content_type: str | None = None
    charset: str | None = None


def read_source(source: str | Path) -> Source:
    """The bytes of a file, of standard input ("-"), or of a URL (fetched)."""
    text = str(source)
    if text == STDIN:
        data = sys.stdin.buffer.read(MAX_PAGE_BYTES + 1)
        return _checked(Source(data, "standard input"))
    if is_url(text):
        fetched = fetch(text)
        return _checked(
            Source(fetched.data, text, fetched.url, fetched.content_type, fetched.charset)
        )
    path = Path(text)
    if path.is_dir():
        raise InputError(f"{path} is a directory, not a page", hint="give the path of a page file")
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_PAGE_BYTES + 1)  # bounded, even for a device or a pipe
    except FileNotFoundError:
        raise InputError(f"{path} does not exist") from None
    except PermissionError:
        raise InputError(f"{path} cannot be read: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path} cannot be read: {exc.strerror or exc}") from None
    return _checked(Source(data, str(path)))


def _checked(source: Source) -> Source:
    if len(source.data) > MAX_PAGE_BYTES:
        raise InputError(
            f"{source.name} is over {MAX_PAGE_BYTES // (1024 * 1024)} MB, "
            "too large for an article page",
            hint="give the article page itself",
        )
    if b"\x00" in source.data[:8192] and not source.data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{source.name} is a binary file, not a text page")
    return source


def read_text(path: Path) -> str:
    """The text of a file, decoded (UTF-8, else its declared charset, else Windows-1252)."""
    return decode(read_source(path).data)


def detect_format(source: Source) -> str:
    name = (source.url or source.name).lower().split("?")[0]
    for suffix, fmt in (
        (".html", "html"),
        (".htm", "html"),
        (".md", "markdown"),
        (".markdown", "markdown"),
        (".json", "json"),
        (".txt", "text"),
    ):
        if name.endswith(suffix):
            return fmt
    content_type = source.content_type or ""
    if "html" in content_type:
        return "html"
    if "json" in content_type:
        return "json"
    if "markdown" in content_type:
        return "markdown"
    head = source.data[:4096].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    if head.startswith(b"{"):
        return "json"
    if head.startswith(b"# "):
        return "markdown"
    return "text"


def load(
    source: str | Path,
    fmt: str | None = None,
    title: str | None = None,
    lead: int | None = None,
    cache: SpeechCache | None = None,
    fetch_lead: bool = True,
) -> Loaded:
    """Read and parse a page: a file, "-" for standard input, or an http(s) URL.

    `fmt` ("text", "html", "markdown", "json") overrides detection; `title` gives the
    article's headline (a plain-text page without one needs it). A feed is read as a page:
    item `lead` (default the first) is the lead story, fetched from its link (and kept in
    `cache` for a day) unless not `fetch_lead`.
    """
    read = read_source(source)
    if fmt is None and _is_feed(read):
        reader = cached_article_reader(cache, load_page) if fetch_lead else None
        feed = parse_feed(read.data, read.name, read.url)
        page, notes = page_from_feed(feed, lead or 1, reader)
        return Loaded(page, notes)
    if lead is not None:
        raise UsageError(
            f"--lead picks an item of a feed, and {read.name} is not a feed",
            hint="give an RSS or Atom feed, or leave out --lead",
        )
    return Loaded(_parse(read, fmt, title))


def load_page(source: str | Path, fmt: str | None = None, title: str | None = None) -> Page:
    """`load`'s page, for a source that is one page."""
    return load(source, fmt, title).page


def _is_feed(read: Source) -> bool:
    kind = read.content_type or ""
    return looks_like_feed(read.data) or kind.endswith(("rss+xml", "atom+xml", "rdf+xml"))


def _parse(read: Source, fmt: str | None, title: str | None) -> Page:
    fmt = fmt or detect_format(read)
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}")
    if fmt == "html":
        page = parse_html(read.data, read.url, read.charset)
    else:
        text = decode(read.data, read.charset)
        if not text.strip():
            raise ContentError(f"{read.name} is empty")
        if fmt == "json":
            page = parse_json(text)
        elif fmt == "markdown":
            page = _titled(parse_markdown, text, title)
        else:
            page = _titled(parse_text_page, text, title)
    if title:
        page = replace(page, article=replace(page.article, title=title))
    if read.url and not page.article.url:
        page = replace(page, article=replace(page.article, url=read.url))
    return page


def _titled(parse, text: str, title: str | None) -> Page:  # type: ignore[no-untyped-def]
    """Parse; if the text has no headline of its own and one is given, put it on top."""
    try:
        return parse(text)
    except ContentError:
        if not title:
            raise
        return parse(f"# {title}\n\n{text}" if parse is parse_markdown else f"{title}\n\n{text}")


def load_headlines(source: str | Path) -> list[Headline]:
    """Headlines for the round-up: an RSS/Atom feed (file or URL), or a text file with one
    headline per line."""
    return list(_headline_source(source).items)


def _headline_source(source: str | Path) -> Feed:
    read = read_source(source)
    if _is_feed(read) or "xml" in (read.content_type or ""):
        return parse_feed(read.data, read.name, read.url)
    headlines = parse_headline_lines(decode(read.data, read.charset))
    if not headlines:
        raise ContentError(f"{read.name} holds no headlines", hint="one headline per line")
    return Feed(read.name, tuple(headlines))


def load_feeds(sources: Sequence[str | Path]) -> tuple[list[Feed], tuple[str, ...]]:
    """Each source read as a feed (or a list of headlines). One that fails among several
    is a note; when all fail, the error names each (exit 3, or 4 when every one answered
    but held no items)."""
    feeds: list[Feed] = []
    failures: list[tuple[str, BriefingError]] = []
    for source in sources:
        try:
            feeds.append(_headline_source(source))
        except (InputError, ContentError) as exc:
            failures.append((str(source), exc))
    if not feeds and failures:
        if len(failures) == 1:
            raise failures[0][1]
        reasons = "; ".join(exc.message for _, exc in failures)
        if all(isinstance(exc, ContentError) for _, exc in failures):
            raise ContentError(f"no feed holds any items: {reasons}", hint="check the feeds")
        raise InputError(f"no feed could be read: {reasons}", hint="check the feeds' addresses")
    notes = tuple(f"left out the feed {source}: {exc.message}" for source, exc in failures)
    return feeds, notes


def load_round_up(sources: Sequence[str | Path]) -> tuple[tuple[Headline, ...], tuple[str, ...]]:
    """Headlines from every source, merged newest first, a story in two feeds kept once."""
    feeds, notes = load_feeds(sources)
    items, repeats = round_up(feeds)
    return items, notes + repeats


def round_up(feeds: Sequence[Feed]) -> tuple[tuple[Headline, ...], tuple[str, ...]]:
    """The feeds' items merged newest first, and a note for each story left out because
    another feed has it too."""
    merged = merge_feeds(feeds)
    repeats = tuple(
        f"left out {dropped.title!r} from {dropped.source}: the same story as "
        f"{kept.title!r} from {kept.source}"
        for dropped, kept in merged.repeats
    )
    return merged.items, repeats
