"""The show's page (index.html beside the feed, and "/" of `briefing serve`), and the
cross-origin headers `serve` sends: one real episode, built once by the real CLI."""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import webvtt
from lxml import html as lxml_html

from briefing.config import ShowConfig
from briefing.publish.page import APPS, index_page, read_cues
from briefing.publish.publisher import publish
from briefing.publish.server import index_page as served_index_page
from briefing.publish.server import make_server

from .conftest import CHROMIUM, CHROMIUM_ARGS, TINY, run_cli

BASE = "https://example.org/show/"
FEED = BASE + "feed.xml"
STEM = "2026-03-02-the-tiny-times"
SHOW = ShowConfig(name="The Tiny Times", description="Small news from a small harbour town.")
TRICKY = 'AT&T <CEO> "Q&A"'
APP_SCHEMES = {prefix.split(":")[0] for _, prefix, _ in APPS}


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An output directory with one real episode, published."""
    directory = tmp_path_factory.mktemp("page")
    built = run_cli("build", TINY, "-H", "all", "-q", "-o", directory)
    assert built.code == 0, built.stderr
    publish(directory, SHOW, BASE)
    return directory


@pytest.fixture(scope="module")
def meta(out: Path) -> dict:  # type: ignore[type-arg]
    return json.loads((out / f"{STEM}.json").read_text())


@pytest.fixture(scope="module")
def page(out: Path) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(index_page(out, SHOW, FEED))


def seconds(stamp: str) -> float:
    hours, minutes, rest = stamp.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(rest)


# --- the page, as HTML ------------------------------------------------------------------


def test_the_old_import_still_works(out: Path) -> None:
    assert served_index_page is index_page
    assert index_page(out) == index_page(out, None, None)  # the old call


def test_show_cover_description_and_phone_viewport(page: lxml_html.HtmlElement) -> None:
    assert page.get("lang") == "en"
    assert "width=device-width" in page.xpath("//meta[@name='viewport']/@content")[0]
    assert page.findtext(".//h1") == "The Tiny Times"
    assert page.xpath("string(//p[@class='description'])") == SHOW.description
    (cover,) = page.xpath("//header//img[@class='cover']")
    assert cover.get("src") == f"{STEM}.jpg" and cover.get("alt") == ""


def test_subscribe_block_has_the_feed_and_app_links(page: lxml_html.HtmlElement) -> None:
    (block,) = page.xpath("//section[@class='subscribe']")
    assert block.xpath("string(.//input[@id='feed-url']/@value)") == FEED
    links = {a.text: a.get("href") for a in block.xpath(".//ul[@class='apps']//a")}
    assert links == {
        "Apple Podcasts": "podcast://example.org/show/feed.xml",
        "Overcast": "overcast://x-callback-url/add?url=https%3A%2F%2Fexample.org%2Fshow%2Ffeed.xml",
        "Pocket Casts": "pktc://subscribe/example.org/show/feed.xml",
        "AntennaPod": "antennapod-subscribe://example.org/show/feed.xml",
    }
    assert block.xpath(".//a[@type='application/rss+xml']/@href") == [FEED]
    assert page.xpath("//link[@rel='alternate'][@type='application/rss+xml']/@href") == [FEED]


def test_episode_player_track_chapters_and_notes(
    page: lxml_html.HtmlElement,
    meta: dict,  # type: ignore[type-arg]
) -> None:
    (entry,) = page.xpath("//article[@class='entry']")
    assert entry.xpath(".//img[@class='art']/@src") == [f"{STEM}.jpg"]
    assert entry.findtext(".//h2") == meta["title"]
    assert entry.xpath("string(.//time[1]/@datetime)") == "2026-03-02"
    (audio,) = entry.xpath("section[@class='episode']/audio")
    assert audio.get("src") == f"{STEM}.mp3" and audio.get("preload") == "metadata"
    assert audio.get("controls") is not None
    (track,) = audio.xpath("track")
    assert (track.get("kind"), track.get("src"), track.get("srclang")) == (
        "captions",
        f"{STEM}.vtt",
        "en",
    )
    assert track.get("default") is not None
    buttons = entry.xpath(
        "section[@class='episode']/ol[@class='chapters']//button[@class='chapter']"
    )
    assert [float(b.get("data-start")) for b in buttons] == [c["start"] for c in meta["chapters"]]
    assert [b.text_content().split(" ", 1)[1] for b in buttons] == [
        c["title"] for c in meta["chapters"]
    ]
    (notes,) = entry.xpath(".//details[@class='notes']/div[@class='notes-body']")
    assert "In this episode" in notes.text_content()
    assert not notes.xpath(".//h1|.//h2")  # the title is not repeated; headings sit below h2


def test_one_cue_per_vtt_cue(page: lxml_html.HtmlElement, out: Path) -> None:
    expected = webvtt.read(str(out / f"{STEM}.vtt")).captions
    cues = page.xpath("//ol[@class='transcript']/li[@class='cue']")
    assert len(cues) == len(expected) > 5
    for cue, caption in zip(cues, expected, strict=True):
        assert float(cue.get("data-start")) == pytest.approx(seconds(caption.start), abs=1e-3)
        assert float(cue.get("data-end")) == pytest.approx(seconds(caption.end), abs=1e-3)
        words = cue.xpath("string(span[@class='words'])").removeprefix("Joe ")
        assert words == " ".join(caption.text.split())
    assert "<v " not in lxml_html.tostring(page, encoding="unicode")
    assert [c.xpath("string(.//b[@class='who'])") for c in cues[:2]] == ["Joe", ""]


def test_nothing_is_loaded_from_elsewhere(page: lxml_html.HtmlElement) -> None:
    """Every src is relative; every href relative, an app's subscribe link, or the feed."""
    for element in page.iter():
        if not isinstance(element.tag, str):
            continue
        for attr in ("src", "srcset", "poster", "data", "action", "formaction"):
            value = element.get(attr)
            if value is not None:
                assert not urlsplit(value).scheme and not value.startswith("//"), (attr, value)
        href = element.get("href")
        if href is not None:
            parts = urlsplit(href)
            relative = not parts.scheme and not parts.netloc
            assert relative or parts.scheme in APP_SCHEMES or href == FEED, href
    assert len(page.xpath("//script")) == 1 and not page.xpath("//script[@src]")
    script = page.xpath("string(//script)")
    assert not re.search(r"fetch\(|XMLHttpRequest|import\(|sendBeacon|WebSocket", script)
    style = page.xpath("string(//style)")
    assert "url(" not in style and "@import" not in style and "@font-face" not in style
    assert not page.xpath("//iframe|//object|//embed|//link[@rel='stylesheet']")


def test_metadata_text_is_escaped_and_notes_are_cleaned(out: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    path = copy / f"{STEM}.json"
    data = json.loads(path.read_text())
    data["title"] = TRICKY
    data["summary"] = f"{TRICKY} </p><script>alert(1)</script>"
    data["chapters"][0]["title"] = TRICKY
    data["chapters"][1]["url"] = "javascript:alert(1)"
    data["chapters"][2]["url"] = "https://example.com/story?a=1&b=2"
    path.write_text(json.dumps(data))
    (copy / f"{STEM}.html").write_text(
        '<html><body><h1>x</h1><p onclick="alert(1)">Notes &amp; more</p>'
        '<script>alert(2)</script><img src="https://tracker.example/pixel.gif">'
        '<a href="javascript:alert(3)">bad</a><a href="https://example.com/a">good</a>'
        "</body></html>"
    )
    vtt = copy / f"{STEM}.vtt"
    cues = vtt.read_text()
    assert "<v Joe>Small " in cues
    vtt.write_text(cues.replace("<v Joe>Small ", "<v A&amp;B>Fish &amp; chips &lt;3 small "))
    text = index_page(copy, SHOW, FEED)
    assert "AT&amp;T &lt;CEO&gt; &quot;Q&amp;A&quot;" in text
    assert "<script>alert" not in text and "onclick" not in text and "javascript:" not in text
    page = lxml_html.fromstring(text)
    assert page.findtext(".//article[@class='entry']//h2") == TRICKY
    assert page.xpath("string(//p[@class='summary'])").startswith(TRICKY + " </p><script>")
    assert page.xpath("string(//button[@class='chapter'][1])").endswith(TRICKY)
    assert page.xpath("//a[@class='story']/@href") == ["https://example.com/story?a=1&b=2"]
    notes = page.xpath("//div[@class='notes-body']")[0]
    assert notes.text_content().startswith("Notes & more")
    assert not notes.xpath(".//img|.//script|.//h1|.//h3")
    assert notes.xpath(".//a/@href") == ["https://example.com/a"]
    cue = page.xpath("//li[@class='cue']")[1]
    assert cue.xpath("string(.//b[@class='who'])") == "A&B"
    assert cue.xpath("string(span)") == "A&B Fish & chips <3 small news, quickly."
    assert cue.xpath("span/span[@class='w']/text()") == [
        "Fish & chips <3 small",
        "news,",
        "quickly.",
    ]


def test_without_a_known_address_the_feed_is_relative(out: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    feed = copy / "feed.xml"
    feed.write_text(re.sub(r"<atom:link [^>]*/>", "", feed.read_text()))
    page = lxml_html.fromstring(index_page(copy))
    assert page.xpath("string(//input[@id='feed-url']/@value)") == "feed.xml"
    assert page.xpath("//ul[@class='apps']/@hidden") == [""]  # filled in by the script
    assert not page.xpath("//ul[@class='apps']//a/@href")
    assert page.findtext(".//h1") == "The Tiny Times"  # the feed's title
    (copy / "feed.xml").unlink()
    assert not lxml_html.fromstring(index_page(copy)).xpath("//section[@class='subscribe']")


def test_publish_writes_the_page(out: Path) -> None:
    page = lxml_html.fromstring((out / "index.html").read_text())
    assert page.xpath("string(//input[@id='feed-url']/@value)") == FEED
    assert len(page.xpath("//li[@class='cue']")) == len(
        read_cues((out / f"{STEM}.vtt").read_text())
    )


def test_read_cues_handles_identifiers_notes_and_short_times() -> None:
    text = (
        "\ufeffWEBVTT\r\n\r\nNOTE a comment\r\n\r\nintro\r\n00:01.500 --> 00:02.000 align:start\r\n"
        "<v.loud Ann Lee>Hello <b>there</b></v>\r\n\r\n01:00:00.000 --> 01:00:01.250\r\nBye\r\n"
    )
    cues = read_cues(text)
    assert [(c.start, c.end, c.text, c.speaker) for c in cues] == [
        (1.5, 2.0, "Hello there", "Ann Lee"),
        (3600.0, 3601.25, "Bye", ""),
    ]


# --- serve: cross-origin headers ----------------------------------------------------------


@pytest.fixture(scope="module")
def served(out: Path) -> Iterator[tuple[str, int]]:
    server = make_server(out, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield "127.0.0.1", server.server_address[1]
    server.shutdown()
    server.server_close()


def request(
    served: tuple[str, int], method: str, path: str, headers: dict[str, str] | None = None
) -> tuple[http.client.HTTPResponse, bytes]:
    connection = http.client.HTTPConnection(*served, timeout=10)
    connection.request(method, path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


@pytest.mark.parametrize("name", [f"{STEM}.vtt", f"{STEM}.chapters.json", f"{STEM}.mp3"])
@pytest.mark.parametrize(
    ("method", "headers", "status"),
    [("GET", {}, 200), ("HEAD", {}, 200), ("GET", {"Range": "bytes=0-9"}, 206)],
    ids=["get", "head", "range"],
)
def test_files_may_be_fetched_across_origins(
    served: tuple[str, int], name: str, method: str, headers: dict[str, str], status: int
) -> None:
    response, body = request(
        served, method, "/" + name, {"Origin": "https://player.test", **headers}
    )
    assert response.status == status
    assert response.getheader("Access-Control-Allow-Origin") == "*"
    assert "Content-Range" in (response.getheader("Access-Control-Expose-Headers") or "")
    if status == 206:
        assert len(body) == 10


def test_preflight_page_and_errors_allow_any_origin(served: tuple[str, int]) -> None:
    response, _ = request(
        served,
        "OPTIONS",
        f"/{STEM}.mp3",
        {
            "Origin": "https://player.test",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "range",
        },
    )
    assert response.status == 204
    assert response.getheader("Access-Control-Allow-Origin") == "*"
    assert "Range" in (response.getheader("Access-Control-Allow-Headers") or "")
    for path, status in (("/", 200), ("/missing.vtt", 404), (f"/{STEM}.mp3", 416)):
        headers = {"Range": "bytes=99999999-"} if status == 416 else {}
        response, _ = request(served, "GET", path, headers)
        assert response.status == status
        assert response.getheader("Access-Control-Allow-Origin") == "*"


# --- in a real browser ------------------------------------------------------------------


@pytest.mark.skipif(
    not CHROMIUM and not os.environ.get("CI"),
    reason="Debian's chromium is not installed (.ci/run installs it)",
)
def test_page_in_a_real_browser(served: tuple[str, int], out: Path, tmp_path: Path) -> None:
    """Headless Chromium: no sideways scrolling on a phone, the transcript follows playback
    (scrolling its own box, not the page), a click on a cue seeks there, and every request
    goes to the server the page came from."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM, "CI must have chromium: .ci/run installs it"
    host, port = served
    origin = f"http://{host}:{port}/"
    origins = [origin]  # the servers this test starts: the only places the page may ask
    requests: list[str] = []
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 390, "height": 844})
            context.grant_permissions(["clipboard-read", "clipboard-write"])
            page = context.new_page()
            page.on("request", lambda r: requests.append(r.url))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(origin)
            audio = page.locator("article.entry audio")
            page.wait_for_function(
                "a => a.readyState >= 1 && a.duration > 0", arg=audio.element_handle()
            )
            page.wait_for_function("() => !document.querySelector('button.copy').hidden")
            page.screenshot(path=tmp_path / "page-390.png", full_page=True)
            assert page.evaluate("document.documentElement.scrollWidth") <= 390

            cues = page.locator("li.cue")
            bounds = cues.evaluate_all(
                "cs => cs.map(c => [parseFloat(c.dataset.start), parseFloat(c.dataset.end)])"
            )
            third = (bounds[2][0] + bounds[2][1]) / 2
            audio.evaluate(
                """(a, t) => new Promise(done => {
                    a.addEventListener('timeupdate', () => done(), {once: true});
                    a.currentTime = t;
                })""",
                third,
            )
            page.wait_for_function(
                "() => document.querySelectorAll('li.cue')[2].classList.contains('current')"
            )
            assert cues.nth(2).get_attribute("aria-current") == "true"
            assert page.locator("li.cue.current").count() == 1

            page_scroll = page.evaluate("window.scrollY")
            audio.evaluate(
                "(a, t) => { a.currentTime = t; a.dispatchEvent(new Event('timeupdate')); }",
                bounds[-1][0] + 0.1,
            )
            page.wait_for_function("() => document.querySelector('.transcript').scrollTop > 0")
            assert page.evaluate("window.scrollY") == page_scroll  # only the box scrolled
            assert "current" in (cues.nth(len(bounds) - 1).get_attribute("class") or "")

            cues.nth(4).click()
            position = audio.evaluate("a => a.currentTime")
            assert bounds[4][0] <= position < bounds[4][0] + 1.0
            page.wait_for_function(
                "() => document.querySelectorAll('li.cue')[4].classList.contains('current')"
            )

            page.locator("button.copy").click()
            page.wait_for_function("() => document.querySelector('.copied').textContent")
            assert page.evaluate("navigator.clipboard.readText()") == FEED

            page.set_viewport_size({"width": 1280, "height": 900})
            page.locator("details.notes summary").click()
            page.screenshot(path=tmp_path / "page-1280.png", full_page=True)
            assert page.evaluate("document.documentElement.scrollWidth") <= 1280

            # a feed whose address is not known: the script makes it absolute from the page's
            relative = tmp_path / "relative"
            shutil.copytree(out, relative)
            feed = relative / "feed.xml"
            feed.write_text(re.sub(r"<atom:link [^>]*/>", "", feed.read_text()))
            other = make_server(relative, "127.0.0.1", 0)
            threading.Thread(target=other.serve_forever, daemon=True).start()
            try:
                where = f"http://127.0.0.1:{other.server_address[1]}/"
                origins.append(where)
                page.goto(where)
                assert page.input_value("#feed-url") == where + "feed.xml"
                assert page.locator("ul.apps").is_visible()
                links = page.locator("ul.apps a").evaluate_all("links => links.map(a => a.href)")
                assert links[0] == "podcast://" + where.removeprefix("http://") + "feed.xml"
            finally:
                other.shutdown()
                other.server_close()
        finally:
            browser.close()
    assert not errors
    assert requests and all(url.startswith(tuple(origins)) for url in requests), requests
    assert any(url.startswith(origin) and url.endswith(".vtt") for url in requests)
    assert (tmp_path / "page-390.png").stat().st_size > 0
    assert (tmp_path / "page-1280.png").stat().st_size > 0
    print(f"screenshots: {tmp_path / 'page-390.png'} {tmp_path / 'page-1280.png'}")
