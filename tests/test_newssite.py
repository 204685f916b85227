"""The loopback news site (tests/newssite.py) and the feed fixtures it serves."""

from __future__ import annotations

import calendar
import http.client
import io
import json
import re
import time
import urllib.parse
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from pathlib import Path

import feedparser
import pytest
from PIL import Image, UnidentifiedImageError

from .newssite import BIG_SIZE, DATA, NewsSite

FEEDS = DATA / "feeds"
IMAGES = FEEDS / "images"


@pytest.fixture(scope="module")
def site() -> Iterator[NewsSite]:
    with NewsSite() as running:
        yield running


def request(site: NewsSite, path: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    """Status, headers (lower-case names) and body of one request; redirects are not followed."""
    connection = http.client.HTTPConnection(urllib.parse.urlsplit(site.base).netloc, timeout=10)
    try:
        connection.request(method, path)
        response = connection.getresponse()
        body = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body
    finally:
        connection.close()


def parsed(name: str, base: str = "http://127.0.0.1:8000") -> feedparser.FeedParserDict:
    """A feed from tests/data/feeds, with `{base}` read as `base`."""
    return feedparser.parse((FEEDS / name).read_bytes().replace(b"{base}", base.encode()))


# --- the server ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "status", "content_type"),
    [
        ("/feeds/world.rss", 200, "application/rss+xml; charset=utf-8"),
        ("/feeds/bare.rss", 200, "application/rss+xml; charset=utf-8"),
        ("/feeds/tech.atom", 200, "application/atom+xml; charset=utf-8"),
        ("/feeds/missing.rss", 404, "text/plain"),
        ("/feeds/README.md", 404, "text/plain"),
        ("/pages/theguardian.com.academics.html", 200, "text/html; charset=utf-8"),
        ("/pages/jsonld-graph.html", 200, "text/html; charset=utf-8"),  # from html-written/
        ("/pages/missing.html", 404, "text/plain"),
        ("/pages/..%2Fconftest.py", 404, "text/plain"),
        ("/images/wide.jpg", 200, "image/jpeg"),
        ("/images/tall.png", 200, "image/png"),
        ("/images/photo.broken.jpg", 200, "image/jpeg"),
        ("/images/make_images.py", 404, "text/plain"),
        ("/status/404", 404, "text/plain"),
        ("/status/503", 503, "text/plain"),
        ("/status/200", 200, "text/plain"),
        ("/binary", 200, "application/pdf"),
        ("/empty", 200, "text/html; charset=utf-8"),
        ("/redirect/pages/dw.com.colonial.html", 302, "text/plain"),
        ("/slow/0/binary", 200, "application/pdf"),
        ("/nowhere", 404, "text/plain"),
        ("/", 404, "text/plain"),
    ],
)
def test_routes(site: NewsSite, path: str, status: int, content_type: str) -> None:
    got_status, headers, body = request(site, path)
    assert got_status == status
    assert headers["content-type"].startswith(content_type)
    assert int(headers["content-length"]) == len(body)


def test_url_and_base(site: NewsSite) -> None:
    assert site.base.startswith("http://127.0.0.1:")
    assert not site.base.endswith("/")
    assert site.url("/feeds/world.rss") == site.base + "/feeds/world.rss"


def test_base_is_substituted_in_feeds(site: NewsSite) -> None:
    _, _, body = request(site, "/feeds/world.rss")
    text = body.decode("utf-8")
    assert "{base}" not in text
    assert f"<link>{site.base}/pages/theguardian.com.academics.html</link>" in text
    assert f'url="{site.base}/images/wide.jpg"' in text


def test_base_is_substituted_in_pages(tmp_path: Path) -> None:
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "link.html").write_text('<a href="{base}/pages/next.html">next</a>')
    with NewsSite(data=tmp_path) as other:
        status, _, body = request(other, "/pages/link.html")
        assert status == 200
        assert body.decode() == f'<a href="{other.base}/pages/next.html">next</a>'


def test_pages_are_served_as_stored(site: NewsSite) -> None:
    """As stored, but for the page's own picture, which points here instead."""
    _, _, body = request(site, "/pages/theguardian.com.academics.html")
    stored = (DATA / "html" / "theguardian.com.academics.html").read_bytes()
    assert re.search(rb'og:image" content="https://i\.guim', stored)
    assert not re.search(rb'og:image" content="https://', body)
    assert f'content="{site.base}/images/wide.jpg"'.encode() in body
    assert len(body.splitlines()) == len(stored.splitlines())


def test_images_are_served_as_stored(site: NewsSite) -> None:
    _, _, body = request(site, "/images/cmyk.jpg")
    assert body == (IMAGES / "cmyk.jpg").read_bytes()


def test_redirect_points_at_the_rest(site: NewsSite) -> None:
    status, headers, _ = request(site, "/redirect/pages/dw.com.colonial.html")
    assert status == 302
    assert headers["location"] == "/pages/dw.com.colonial.html"
    status, headers, _ = request(site, "/redirect/redirect/binary")
    assert headers["location"] == "/redirect/binary"


def test_head_sends_the_headers_and_no_body(site: NewsSite) -> None:
    for path in ("/feeds/world.rss", "/pages/reuters.com.parasite.html", "/big", "/status/404"):
        get_status, get_headers, _ = request(site, path)
        head_status, head_headers, body = request(site, path, method="HEAD")
        assert body == b""
        assert head_status == get_status
        assert head_headers["content-type"] == get_headers["content-type"]
        assert head_headers["content-length"] == get_headers["content-length"]


def test_hits_count_every_request_by_path() -> None:
    with NewsSite() as fresh:
        assert fresh.hits == {}
        request(fresh, "/pages/dw.com.colonial.html")
        request(fresh, "/pages/dw.com.colonial.html", method="HEAD")
        request(fresh, "/nowhere")
        request(fresh, "/slow/0/binary?x=1")
        assert fresh.hits == {
            "/pages/dw.com.colonial.html": 2,
            "/nowhere": 1,
            "/slow/0/binary?x=1": 1,
        }
        fresh.reset()
        assert fresh.hits == {}
        request(fresh, "/empty")
        assert fresh.hits["/empty"] == 1


def test_slow_waits_then_answers_as_the_rest(site: NewsSite) -> None:
    started = time.monotonic()
    status, headers, body = request(site, "/slow/300/pages/theverge.com.ios13.html")
    assert time.monotonic() - started >= 0.3
    assert status == 200
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert b"iOS 13 will fix the FaceTime eye contact problem" in body
    assert request(site, "/slow/10/status/404")[0] == 404


def test_big_is_twelve_megabytes(site: NewsSite) -> None:
    status, headers, body = request(site, "/big")
    assert status == 200
    assert int(headers["content-length"]) == BIG_SIZE == len(body)
    assert body.startswith(b"<!DOCTYPE html>")
    assert body.endswith(b"</html>\n")


def test_a_client_giving_up_on_big_does_not_hurt_the_site(site: NewsSite) -> None:
    connection = http.client.HTTPConnection(urllib.parse.urlsplit(site.base).netloc, timeout=10)
    connection.request("GET", "/big")
    assert len(connection.getresponse().read(1000)) == 1000
    connection.close()
    assert request(site, "/binary")[0] == 200


def test_empty_has_a_menu_and_no_article(site: NewsSite) -> None:
    _, _, body = request(site, "/empty")
    assert b"<nav>" in body
    assert b"<footer>" in body
    assert b"<article" not in body


def test_binary_is_a_pdf(site: NewsSite) -> None:
    _, _, body = request(site, "/binary")
    assert body.startswith(b"%PDF-")


# --- the pictures --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "size", "mode"),
    [
        ("wide.jpg", (1600, 900), "RGB"),
        ("tall.png", (600, 1000), "RGBA"),
        ("small.jpg", (320, 240), "RGB"),
        ("cmyk.jpg", (800, 800), "CMYK"),
    ],
)
def test_pictures(name: str, size: tuple[int, int], mode: str) -> None:
    path = IMAGES / name
    assert path.stat().st_size < 200_000
    with Image.open(path) as image:
        assert image.size == size
        assert image.mode == mode
        if mode == "RGBA":
            counts = image.getchannel("A").histogram()  # pixels at each alpha, 0-255
            assert sum(counts[:128]) and sum(counts[128:])  # partly see-through


def test_broken_picture_is_not_a_picture() -> None:
    with pytest.raises(UnidentifiedImageError):
        Image.open(io.BytesIO((IMAGES / "photo.broken.jpg").read_bytes()))


# --- the feeds -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "version", "title", "entries"),
    [
        ("world.rss", "rss20", "Daily Planet - World", 7),
        ("tech.atom", "atom10", "Circuit Weekly", 4),
        ("bare.rss", "rss20", "Wire Headlines", 4),
    ],
)
def test_feeds_parse(name: str, version: str, title: str, entries: int) -> None:
    feed = parsed(name)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == version
    assert feed.feed.title == title
    assert len(feed.entries) == entries
    for entry in feed.entries:
        assert entry.get("title")
        assert entry.get("link", "").startswith("http://127.0.0.1:8000/")
        assert entry.get("published_parsed")


def test_world_items() -> None:
    feed = parsed("world.rss")
    assert feed.feed.language == "en-gb"
    entries = feed.entries
    expected = json.loads((DATA / "html" / "expected.json").read_text(encoding="utf-8"))
    lead = entries[0]
    assert lead.link.endswith("/pages/theguardian.com.academics.html")
    assert lead.title == expected["theguardian.com.academics.html"]["title"]
    assert lead.content and "<p>" in lead.content[0].value
    assert entries[4].link.endswith("/status/404")
    assert entries[5].link.endswith("/binary")
    for entry in entries[:6]:
        assert entry.summary and entry.summary != entry.title
        assert "<" not in entry.summary  # plain prose
    last = entries[6]
    assert last.content[0].value.count("<p>") >= 3
    assert "<description>" not in (FEEDS / "world.rss").read_text().split("<item>")[7]
    times = [parsedate_to_datetime(entry.published) for entry in entries]
    assert times == sorted(times, reverse=True)
    assert len(set(times)) == len(times)
    assert {t.date().isoformat() for t in times} == {"2026-11-30", "2026-12-01"}
    assert all(t.utcoffset() is not None and not t.utcoffset() for t in times)


def test_world_pictures_are_read_by_feedparser() -> None:
    entries = parsed("world.rss").entries
    pictures = [
        [m["url"] for m in entry.get("media_content", []) + entry.get("media_thumbnail", [])]
        for entry in entries
    ]
    base = "http://127.0.0.1:8000/images/"
    assert pictures[:5] == [
        [base + "wide.jpg"],
        [base + "small.jpg"],
        [base + "photo.broken.jpg"],
        [base + "tall.png"],
        [base + "cmyk.jpg"],
    ]
    assert entries[0].media_content[0]["width"] == "1600"
    assert entries[1].media_thumbnail[0]["height"] == "240"
    for url in (u for urls in pictures for u in urls):
        assert (IMAGES / url.rsplit("/", 1)[1]).is_file()


def test_tech_near_duplicate_and_times() -> None:
    world = parsed("world.rss").entries
    tech = parsed("tech.atom").entries
    same = [(w, t) for w in world[1:4] for t in tech if w.link == t.link]
    assert len(same) == 1
    ((w, t),) = same
    assert w.title != t.title
    assert w.title.replace(" the ", " ") == t.title
    assert any("media_thumbnail" in entry for entry in tech)
    world_times = [calendar.timegm(e.published_parsed) for e in world]
    tech_times = [calendar.timegm(e.updated_parsed) for e in tech]
    assert tech_times == sorted(tech_times, reverse=True)
    assert max(tech_times) > max(world_times)
    assert min(tech_times) < min(world_times)
    assert any(min(world_times) < x < max(world_times) for x in tech_times)


def test_bare_has_no_summaries() -> None:
    for entry in parsed("bare.rss").entries:
        assert not entry.get("summary")
        assert not entry.get("content")


def test_linked_pages_exist_and_are_english() -> None:
    expected = {}
    for folder in ("html", "html-written"):
        expected.update(json.loads((DATA / folder / "expected.json").read_text(encoding="utf-8")))
    for name in ("world.rss", "tech.atom", "bare.rss"):
        for entry in parsed(name).entries:
            path = urllib.parse.urlsplit(entry.link).path
            if path.startswith("/pages/"):
                page = path.removeprefix("/pages/")
                assert (DATA / "html" / page).is_file() or (DATA / "html-written" / page).is_file()
                assert expected[page]["lang"] == "en", page


def test_every_feed_link_answers_as_planned(site: NewsSite) -> None:
    """Fetched through the site, each feed's links and pictures give what their tests expect."""
    for name in ("world.rss", "tech.atom", "bare.rss"):
        _, _, body = request(site, f"/feeds/{name}")
        for entry in feedparser.parse(body).entries:
            path = urllib.parse.urlsplit(entry.link).path
            status, headers, _ = request(site, path, method="HEAD")
            kind = headers["content-type"]
            if path == "/status/404":
                assert status == 404
            elif path == "/binary":
                assert (status, kind) == (200, "application/pdf")
            else:
                assert (status, kind) == (200, "text/html; charset=utf-8"), path
            for media in entry.get("media_content", []) + entry.get("media_thumbnail", []):
                status, headers, _ = request(site, urllib.parse.urlsplit(media["url"]).path)
                assert status == 200
                assert headers["content-type"].startswith("image/")
