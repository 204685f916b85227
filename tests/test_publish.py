"""Publishing: the feed podcast apps subscribe to, safe under concurrency; daily; the server."""

from __future__ import annotations

import email.utils
import http.client
import json
import os
import shutil
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import feedparser
import podcastparser
import pytest
from lxml import etree

from briefing.config import ShowConfig
from briefing.publish.feed import podcast_guid
from briefing.publish.publisher import publish
from briefing.publish.server import make_server

from .conftest import CHROMIUM, CHROMIUM_ARGS, TINY, run_cli

BASE = "https://example.org/tiny/"
NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "podcast": "https://podcastindex.org/namespace/1.0",
    "atom": "http://www.w3.org/2005/Atom",
}
TRICKY = "AT&T <CEO> \"Q&A\" \x0b and 'quotes'"


@pytest.fixture(scope="module")
def shelf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An output directory with two real episodes on two days, one with a tricky title."""
    out = tmp_path_factory.mktemp("shelf")
    first = run_cli("build", TINY, "-H", "all", "-q", "-o", out)
    assert first.code == 0, first.stderr
    page = out.parent / "tricky.json"
    page.write_text(
        json.dumps(
            {
                "title": TRICKY,
                "body": "The harbour festival returns this weekend after a three-year break.",
                "date": "2026-03-03",
                "publication": "The Tiny Times",
            }
        )
    )
    second = run_cli("build", page, "-q", "-o", out)
    assert second.code == 0, second.stderr
    return out


@pytest.fixture(scope="module")
def feed(shelf: Path) -> Path:
    run = run_cli("publish", shelf, "--base-url", BASE)
    assert run.code == 0, run.stderr
    return Path(run.stdout.strip())


def strict(path: Path) -> etree._Element:
    return etree.fromstring(path.read_bytes(), etree.XMLParser(recover=False))


def test_feed_channel(feed: Path) -> None:
    root = strict(feed)
    channel = root.find("channel")
    assert root.get("version") == "2.0"
    for tag in ("title", "description", "link", "language"):
        assert channel.findtext(tag)
    assert channel.findtext("itunes:author", namespaces=NS)
    assert channel.find("itunes:owner/itunes:name", NS) is not None
    assert channel.find("itunes:image", NS).get("href").startswith(BASE)
    assert channel.find("itunes:category", NS).get("text") == "News"
    assert channel.findtext("itunes:explicit", namespaces=NS) == "false"
    assert channel.findtext("itunes:type", namespaces=NS) == "episodic"
    assert channel.findtext("podcast:locked", namespaces=NS) == "yes"
    feed_url = channel.find("atom:link", NS).get("href")
    assert feed_url == BASE + "feed.xml"
    assert (
        channel.findtext("podcast:guid", namespaces=NS)
        == str(
            uuid.uuid5(
                uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6"), "example.org/tiny/feed.xml"
            )
        )
        == podcast_guid(feed_url)
    )


def test_feed_items(feed: Path, shelf: Path) -> None:
    items = strict(feed).findall("channel/item")
    assert len(items) == 2
    guids = [item.findtext("guid") for item in items]
    assert len(set(guids)) == 2 and all(
        item.find("guid").get("isPermaLink") == "false" for item in items
    )
    dates = [email.utils.parsedate_to_datetime(item.findtext("pubDate")) for item in items]
    assert all(d.tzinfo is not None for d in dates) and dates[0] > dates[1]  # newest first
    for item in items:
        enclosure = item.find("enclosure")
        name = enclosure.get("url").removeprefix(BASE)
        assert enclosure.get("type") == "audio/mpeg"
        assert int(enclosure.get("length")) == (shelf / name).stat().st_size
        meta = json.loads((shelf / name).with_suffix(".json").read_text())
        assert item.findtext("itunes:duration", namespaces=NS) == str(round(meta["duration_s"]))
        assert item.findtext("itunes:episode", namespaces=NS) == str(meta["episode"])
        assert item.find("podcast:chapters", NS).get("type") == "application/json+chapters"
        types = {t.get("type") for t in item.findall("podcast:transcript", NS)}
        assert types == {"text/vtt", "application/x-subrip", "application/json"}
        for transcript in item.findall("podcast:transcript", NS):
            assert (shelf / transcript.get("url").removeprefix(BASE)).is_file()
        assert item.find("itunes:image", NS).get("href").endswith(".jpg")
        assert item.findtext("description")


def test_tricky_title_round_trips(feed: Path) -> None:
    titles = [item.findtext("title") for item in strict(feed).findall("channel/item")]
    assert "3 March 2026: AT&T <CEO> \"Q&A\" and 'quotes'" in titles


def test_feed_writer_escapes_and_strips_control_characters(shelf: Path) -> None:
    from briefing.publish.feed import FeedEpisode, build_feed

    meta = json.loads((shelf / "2026-03-02-the-tiny-times.json").read_text())
    meta["title"] = TRICKY + "\x00\x1f"
    xml = build_feed(
        [FeedEpisode(meta, 1234, "<p>notes & more</p>")], ShowConfig(name="A&B <show>"), BASE
    )
    root = etree.fromstring(xml, etree.XMLParser(recover=False))
    assert root.findtext("channel/title") == "A&B <show>"
    assert root.findtext("channel/item/title") == TRICKY.replace("\x0b", "")
    assert root.findtext("channel/item/description") == "<p>notes & more</p>"


def test_real_clients_read_every_episode(feed: Path) -> None:
    with feed.open("rb") as handle:
        parsed = podcastparser.parse(BASE + "feed.xml", handle)
    assert len(parsed["episodes"]) == 2
    for episode in parsed["episodes"]:
        (enclosure,) = episode["enclosures"]
        assert enclosure["url"].startswith(BASE) and enclosure["file_size"] > 0
        assert episode["total_time"] > 0 and episode["guid"]
    other = feedparser.parse(feed.read_bytes())
    assert not other.bozo and len(other.entries) == 2
    assert all(e.enclosures and e.itunes_duration for e in other.entries)


def test_rebuilding_keeps_the_feed_and_the_guid(shelf: Path, feed: Path, tmp_path: Path) -> None:
    copy = tmp_path / "shelf"
    shutil.copytree(shelf, copy)
    before = json.loads((copy / "2026-03-02-the-tiny-times.json").read_text())
    first = publish(copy, ShowConfig(), BASE).feed.read_bytes()
    assert publish(copy, ShowConfig(), BASE).feed.read_bytes() == first  # deterministic
    run = run_cli("build", TINY, "-H", "all", "-q", "-o", copy)  # the same episode again
    assert run.code == 0, run.stderr
    after = json.loads((copy / "2026-03-02-the-tiny-times.json").read_text())
    assert (after["guid"], after["episode"]) == (before["guid"], before["episode"])


def fabricate(directory: Path, template: Path, name: str, day: str) -> None:
    """Another episode from a real one's files: a new name, date and GUID."""
    meta = json.loads(template.with_suffix(".json").read_text())
    stem = template.stem
    files = {}
    for kind, file in meta["files"].items():
        files[kind] = file.replace(stem, name)
        shutil.copy(template.parent / file, directory / files[kind])
    shutil.copy(template, directory / f"{name}.mp3")
    meta.update(guid=str(uuid.uuid4()), date=day, audio=f"{name}.mp3", files=files, title=name)
    (directory / f"{name}.json").write_text(json.dumps(meta))


def test_two_publishers_at_once_lose_nothing(shelf: Path, tmp_path: Path) -> None:
    template = shelf / "2026-03-02-the-tiny-times.mp3"
    program = f"""
import sys
from pathlib import Path
from briefing.config import ShowConfig
from briefing.publish.publisher import publish
from tests.test_publish import fabricate
out, who = Path(sys.argv[1]), sys.argv[2]
for n in range(20):
    fabricate(out, Path({str(template)!r}), f"{{who}}-{{n:02d}}", f"2026-04-{{n + 1:02d}}")
    publish(out, ShowConfig(), {BASE!r})
"""
    out = tmp_path / "busy"
    out.mkdir()
    root = str(Path(__file__).resolve().parents[1])
    workers = [
        subprocess.Popen([sys.executable, "-c", program, str(out), who], cwd=root)
        for who in ("a", "b")
    ]
    assert [w.wait(timeout=300) for w in workers] == [0, 0]
    items = strict(out / "feed.xml").findall("channel/item")
    assert len(items) == 40


def test_keep_prunes_old_episodes_with_their_files(shelf: Path, tmp_path: Path) -> None:
    copy = tmp_path / "shelf"
    shutil.copytree(shelf, copy)
    run = run_cli("publish", copy, "--base-url", BASE, "--keep", "1")
    assert run.code == 0, run.stderr
    assert "removed 2026-03-02-the-tiny-times.mp3" in run.stderr
    assert not list(copy.glob("2026-03-02-*"))
    assert len(strict(copy / "feed.xml").findall("channel/item")) == 1


def test_broken_metadata_is_reported_and_left_out(shelf: Path, tmp_path: Path) -> None:
    copy = tmp_path / "shelf"
    shutil.copytree(shelf, copy)
    (copy / "2026-01-01-broken.json").write_text("{not json")
    (copy / "2026-01-02-noaudio.json").write_text(json.dumps({"guid": "x"}))
    run = run_cli("publish", copy, "--base-url", BASE)
    assert run.code == 0, run.stderr
    assert (
        "left out 2026-01-01-broken.json" in run.stderr and "2026-01-02-noaudio.json" in run.stderr
    )
    assert len(strict(copy / "feed.xml").findall("channel/item")) == 2


def test_publish_needs_a_base_url(shelf: Path) -> None:
    run = run_cli("publish", shelf)
    assert run.code == 2 and "--base-url" in run.stderr


def test_daily_is_idempotent_and_force_keeps_the_guid(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(TINY, pages / "today.txt")
    show = tmp_path / "show.toml"
    show.write_text(
        f'name = "Tiny Daily"\nlead = "pages"\nbase_url = "{BASE}"\noutput_dir = "out"\n'
        'headlines = "1"\n'
    )
    first = run_cli("daily", "--show", show, "--date", "2026-05-01", "-q")
    assert first.code == 0, first.stderr
    second = run_cli("daily", "--show", show, "--date", "2026-05-01")
    assert second.code == 0 and "already made" in second.stderr
    assert len(list((tmp_path / "out").glob("*.mp3"))) == 1
    guid = json.loads((tmp_path / "out" / "2026-05-01-tiny-daily.json").read_text())["guid"]
    forced = run_cli("daily", "--show", show, "--date", "2026-05-01", "--force", "-q")
    assert forced.code == 0, forced.stderr
    assert json.loads((tmp_path / "out" / "2026-05-01-tiny-daily.json").read_text())["guid"] == guid
    items = strict(tmp_path / "out" / "feed.xml").findall("channel/item")
    assert [i.findtext("guid") for i in items] == [guid]


# --- the server -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def served(shelf: Path, feed: Path) -> Iterator[tuple[str, int, Path]]:
    server = make_server(shelf, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield "127.0.0.1", server.server_address[1], shelf
    server.shutdown()
    server.server_close()


def request(
    served: tuple[str, int, Path], method: str, path: str, headers: dict[str, str] | None = None
):  # type: ignore[no-untyped-def]
    host, port, _ = served
    connection = http.client.HTTPConnection(host, port, timeout=10)
    connection.request(method, path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def test_byte_ranges_and_head(served: tuple[str, int, Path]) -> None:
    mp3 = served[2] / "2026-03-02-the-tiny-times.mp3"
    data = mp3.read_bytes()
    response, body = request(served, "GET", "/" + mp3.name, {"Range": "bytes=0-1"})
    assert response.status == 206 and body == data[:2]
    assert response.getheader("Content-Range") == f"bytes 0-1/{len(data)}"
    assert response.getheader("Content-Type") == "audio/mpeg"
    response, body = request(served, "GET", "/" + mp3.name, {"Range": "bytes=-100"})
    assert response.status == 206 and body == data[-100:]
    response, body = request(served, "HEAD", "/" + mp3.name)
    assert (
        response.status == 200
        and body == b""
        and int(response.getheader("Content-Length")) == len(data)
    )
    assert response.getheader("Accept-Ranges") == "bytes"
    response, _ = request(served, "GET", "/" + mp3.name, {"Range": f"bytes={len(data) + 10}-"})
    assert response.status == 416


@pytest.mark.parametrize(
    "path", ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd"]
)
def test_no_escape_from_the_directory(served: tuple[str, int, Path], path: str) -> None:
    response, body = request(served, "GET", path)
    assert response.status in (403, 404) and b"root:" not in body


def test_mime_types_and_index(served: tuple[str, int, Path]) -> None:
    for name, expected in (
        ("feed.xml", "application/rss+xml"),
        ("2026-03-02-the-tiny-times.vtt", "text/vtt"),
        ("2026-03-02-the-tiny-times.jpg", "image/jpeg"),
    ):
        response, _ = request(served, "HEAD", "/" + name)
        assert response.getheader("Content-Type").startswith(expected)
    response, body = request(served, "GET", "/")
    page = body.decode()
    assert response.status == 200 and page.count("<audio") == 2
    assert 'class="chapter" data-start="0.0"' in page and "Harbour festival returns" in page
    assert "AT&amp;T &lt;CEO&gt;" in page


def test_serve_binds_to_loopback_by_default() -> None:
    run = run_cli("serve", "--help")
    assert "[default: 127.0.0.1]" in run.stdout


@pytest.mark.skipif(
    not CHROMIUM and not os.environ.get("CI"),
    reason="Debian's chromium is not installed (.ci/run installs it)",
)
def test_index_page_plays_and_chapters_seek_in_a_real_browser(
    served: tuple[str, int, Path],
) -> None:
    """Headless Chromium, driven by Playwright: the player loads the episode, and clicking a
    chapter moves currentTime to that chapter's start."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM, "CI must have chromium: .ci/run installs it"
    host, port, shelf = served
    meta = json.loads((shelf / "2026-03-02-the-tiny-times.json").read_text())
    second = meta["chapters"][1]["start"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
        )
        try:
            page = browser.new_page()
            page.goto(f"http://{host}:{port}/")
            section = page.locator("section.episode", has_text="Harbour festival returns")
            audio = section.locator("audio")
            page.wait_for_function(
                "a => a.readyState >= 1 && a.duration > 0", arg=audio.element_handle()
            )
            duration = audio.evaluate("a => a.duration")
            assert abs(duration - meta["duration_s"]) < 0.5
            section.locator("button.chapter").nth(1).click()
            position = audio.evaluate("a => a.currentTime")
            assert second <= position < second + 2.0
            played = page.wait_for_function(
                "a => !a.paused && a.currentTime > 0", arg=audio.element_handle()
            )
            assert played
        finally:
            browser.close()
