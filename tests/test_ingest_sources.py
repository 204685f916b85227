"""Any news source: HTML pages (the real corpus), Markdown, JSON, stdin, URLs, feeds, encodings."""

from __future__ import annotations

import contextlib
import datetime as dt
import http.server
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from briefing.errors import ContentError, InputError
from briefing.ingest import load_headlines, load_page

from .conftest import DATA, TINY, run_cli

HTML = DATA / "html"


ARTICLE_HTML = """<html><head>{meta}<title>Caf\u00e9 owners say you\u2019ll pay more</title></head>
<body><nav>Home | News | Sport</nav><article><h1>Caf\u00e9 owners say you\u2019ll pay more</h1>
<p>Caf\u00e9 owners in the old town said on Monday that customers will pay more for coffee this
winter, blaming the rising cost of beans, milk and energy for the increase in prices.</p>
<p>\u201cWe have held our prices for two years, but we can\u2019t any more,\u201d said one owner,
who runs a small caf\u00e9 near the harbour and employs six people all year round.</p>
<p>Advertisement</p>
<p>The council said it would look at ways to help small businesses through the winter months.</p>
</article><footer>Share this article</footer></body></html>"""


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-8"])
@pytest.mark.parametrize("declared", [True, False])
def test_html_in_any_western_encoding(tmp_path: Path, encoding: str, declared: bool) -> None:
    meta = f'<meta charset="{encoding}">' if declared else ""
    html = ARTICLE_HTML.format(meta=meta)
    if encoding == "latin-1":  # latin-1 has no curly quotes: a page in it uses straight ones
        html = html.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    path = tmp_path / "page.html"
    path.write_bytes(html.encode(encoding))
    page = load_page(path)
    text = " ".join([page.article.title, *page.article.paragraphs])
    assert "Café owners" in text and "you" in text and "â€" not in text and "\ufffd" not in text
    assert "Advertisement" not in text and "Share this article" not in text


def test_text_page_in_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(
        TINY.read_text().replace("quickly", "quickly \u2013 caf\u00e9s\u2019 news").encode("cp1252")
    )
    page = load_page(path)
    assert page.article.tagline == "Small news, quickly \u2013 caf\u00e9s\u2019 news."


def test_markdown_article(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(
        "# Harbour festival returns\n\nThe harbour festival **returns** this weekend after a "
        "[three-year](https://example.org) break, organisers said.\n\n"
        "- Boats and music on the quay.\n"
        "- Food stalls along the front.\n"
    )
    page = load_page(path)
    assert page.article.title == "Harbour festival returns"
    assert page.article.paragraphs[0] == (
        "The harbour festival returns this weekend after a three-year break, organisers said."
    )
    assert page.article.paragraphs[1:] == (
        "Boats and music on the quay.",
        "Food stalls along the front.",
    )


def test_json_article_with_headlines(tmp_path: Path) -> None:
    path = tmp_path / "story.json"
    path.write_text(
        json.dumps(
            {
                "title": "Harbour festival returns",
                "body": [
                    "The festival returns this weekend after three years.",
                    "Boats will line the quay.",
                ],
                "date": "2026-03-02",
                "publication": "The Tiny Times",
                "url": "https://example.org/h",
                "headlines": [
                    "Ferry times change",
                    {
                        "title": "New cycle lane",
                        "url": "https://example.org/c",
                        "summary": "It opens on Friday.",
                    },
                ],
            }
        )
    )
    page = load_page(path)
    assert page.article.date == dt.date(2026, 3, 2) and page.article.publication == "The Tiny Times"
    assert (
        page.headlines[1].url == "https://example.org/c"
        and page.headlines[1].summary == "It opens on Friday."
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"title": "x"}', "needs a 'body'"),
        ("[1, 2]", "an object"),
        ('{"title": 3, "body": "b"}', "must be text"),
    ],
)
def test_bad_json_articles(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "story.json"
    path.write_text(content)
    with pytest.raises(ContentError, match=message):
        load_page(path)


def test_stdin_with_a_title(tmp_path: Path) -> None:
    import subprocess
    import sys

    text = "The harbour festival returns this weekend after a three-year break, organisers said.\n"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "briefing",
            "script",
            "-",
            "--title",
            "Festival is back",
            "-H",
            "none",
        ],
        input=text,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "## Lead: Festival is back" in done.stdout
    assert "The harbour festival returns this weekend" in done.stdout


def test_format_override(tmp_path: Path) -> None:
    path = tmp_path / "page.dat"
    path.write_text(
        "# A title here\n\nA paragraph of the article with enough words in it to count.\n"
    )
    assert load_page(path).article.title == "A title here"  # detected as Markdown
    assert load_page(path, fmt="text").article.title == "# A title here"


# --- URLs, against a local HTTP server ---------------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[int, str, bytes]]] = {}

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(3)
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        status, content_type, body = self.routes.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)  # the oversize test's client gives up on purpose


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    _Handler.routes = {
        "/story": (
            200,
            "text/html; charset=utf-8",
            (HTML / "theguardian.com.academics.html").read_bytes(),
        ),
        "/slow": (200, "text/html", b"<html></html>"),
        "/big": (200, "text/html", b"<html>" + b" " * (11 * 1024 * 1024) + b"</html>"),
        "/picture": (200, "image/png", b"\x89PNG\r\n\x1a\n"),
    }
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    feed = (DATA / "feed.rss").read_bytes().replace(b"https://example.org/", f"{base}/".encode())
    _Handler.routes["/feed.xml"] = (200, "application/rss+xml", feed)  # links to this server
    yield base
    httpd.shutdown()


def test_url_success(server: str) -> None:
    page = load_page(f"{server}/story")
    assert page.article.title.startswith("Thousands of UK academics")
    assert page.article.url


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "answered HTTP 404"),
        ("/big", "over the 10 MB limit"),
        ("/picture", "image/png, not an article"),
        ("/loop", "more than 5 redirects"),
    ],
)
def test_url_failures_say_what_failed(server: str, path: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        load_page(f"{server}{path}")


def test_url_timeout(server: str) -> None:
    from briefing.ingest.fetch import fetch

    with pytest.raises(InputError, match=r"no answer within 0\.5 s"):
        fetch(f"{server}/slow", timeout=0.5)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x"])
def test_non_http_schemes_are_refused(url: str) -> None:
    with pytest.raises(InputError, match="only http and https"):
        load_page(url)


def test_unknown_host() -> None:
    with pytest.raises(InputError, match="cannot"):
        load_page("http://no-such-host.invalid/story")


def test_cli_builds_from_a_url_with_a_feed_of_headlines(server: str, tmp_path: Path) -> None:
    run = run_cli(
        "script", f"{server}/story", "--headlines-from", f"{server}/feed.xml", "-H", "1-2"
    )
    assert run.code == 0, run.stderr
    assert "## Headline: Ferry timetable changes from April" in run.stdout
    assert f"<!-- link: {server}/ferry -->" in run.stdout
    assert "The first ferry will leave at six a.m." in run.stdout  # the feed's summary


# --- headline sources ------------------------------------------------------------------


def test_rss_and_atom_feeds_keep_links_and_summaries() -> None:
    for name in ("feed.rss", "feed.atom"):
        headlines = load_headlines(DATA / name)
        assert [h.title for h in headlines] == [
            "Ferry timetable changes from April",
            "New cycle lane opens on the seafront",
        ]
        assert headlines[0].url == "https://example.org/ferry"
        assert headlines[0].summary == "The first ferry will leave at 6am."


def test_headline_text_file(tmp_path: Path) -> None:
    path = tmp_path / "list.txt"
    path.write_text("- First story\n\n* Second story\nFirst story\n")
    assert [h.title for h in load_headlines(path)] == ["First story", "Second story"]


def test_broken_feed_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<?xml version='1.0'?><rss><channel><item><title>Unclosed")
    run = run_cli("headlines", TINY, "--headlines-from", path)
    assert run.code == 4 and "is not a readable RSS or Atom feed" in run.stderr


def test_listen_makes_a_single_article_episode(tmp_path: Path, fresh_cache: Path) -> None:
    from mutagen.id3 import ID3

    run = run_cli("listen", HTML / "phys.org.tool.html", "-q", "-o", tmp_path)
    assert run.code == 0, run.stderr
    (chapter,) = ID3(run.stdout.strip()).getall("CHAP")
    assert chapter.sub_frames["TIT2"].text[0].startswith("Flint flake tool partially covered")
    assert (tmp_path / (Path(run.stdout.strip()).stem + ".json")).is_file()


def test_german_page_with_an_english_voice_stops() -> None:
    run = run_cli("build", HTML / "spiegel.de.albtraum.html", "--voice", "joe")
    assert run.code == 8 and "the page is in German (de)" in run.stderr
