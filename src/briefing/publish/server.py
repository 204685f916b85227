"""`briefing serve`: the output directory over HTTP, the way podcast apps need it.

Python's http.server answers a Range request with the whole file; podcast apps and Apple's
ingestion need ``206 Partial Content`` (../shared/STANDARDS.md §4). This server answers
HEAD and single byte ranges, sends the right MIME types, never serves a file outside its
directory, and shows an index page: the show, its episodes with a player each, and their
chapters, where a click moves the player to the chapter.
"""

from __future__ import annotations

import html
import http.server
import re
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from briefing.publish.publisher import read_episodes
from briefing.publish.sidecars import clock

MIME = {
    ".mp3": "audio/mpeg",
    ".xml": "application/rss+xml; charset=utf-8",
    ".json": "application/json",
    ".vtt": "text/vtt; charset=utf-8",
    ".srt": "application/x-subrip; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
}
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
CHUNK = 64 * 1024


class Handler(http.server.BaseHTTPRequestHandler):
    server_version = "briefing"
    root: Path

    def __init__(self, *args: Any, root: Path, **kwargs: Any) -> None:
        self.root = root
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_HEAD(self) -> None:
        self._serve(body=False)

    def do_GET(self) -> None:
        self._serve(body=True)

    def _file(self) -> Path | None:
        """The file the path names, if it is inside the root; None otherwise."""
        path = unquote(urlsplit(self.path).path)
        if "\x00" in path:
            return None
        candidate = (self.root / path.lstrip("/")).resolve()
        if candidate != self.root and self.root not in candidate.parents:
            return None
        return candidate

    def _serve(self, body: bool) -> None:
        target = self._file()
        if target is None:
            self.send_error(403, "Outside the served directory")
            return
        if target == self.root:
            self._send_bytes(
                index_page(self.root).encode("utf-8"), "text/html; charset=utf-8", body
            )
            return
        if not target.is_file() or target.name.startswith("."):
            self.send_error(404, "Not found")
            return
        size = target.stat().st_size
        content_type = MIME.get(target.suffix.lower(), "application/octet-stream")
        start, end = 0, size - 1
        header = self.headers.get("Range")
        partial_reply = False
        if header:
            match = _RANGE.match(header.strip())
            if not match or (not match.group(1) and not match.group(2)):
                self._unsatisfiable(size)
                return
            if match.group(1):
                start = int(match.group(1))
                end = min(int(match.group(2)), size - 1) if match.group(2) else size - 1
            else:  # the last N bytes
                start = max(0, size - int(match.group(2)))
            if start >= size or start > end:
                self._unsatisfiable(size)
                return
            partial_reply = True
        self.send_response(206 if partial_reply else 200)
        self.send_header("Content-Type", content_type)
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Length", str(end - start + 1))
        if partial_reply:
            self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.end_headers()
        if body:
            with target.open("rb") as handle:
                handle.seek(start)
                remaining = end - start + 1
                while remaining > 0:
                    chunk = handle.read(min(CHUNK, remaining))
                    if not chunk:
                        break
                    self.wfile.write(chunk)
                    remaining -= len(chunk)

    def _unsatisfiable(self, size: int) -> None:
        self.send_response(416)
        self.send_header("Content-Range", f"bytes */{size}")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send_bytes(self, data: bytes, content_type: str, body: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)


def index_page(root: Path) -> str:
    """The show, its episodes (newest first) with a player, and clickable chapters."""
    episodes, _ = read_episodes(root)
    episodes.sort(key=lambda e: (e.meta["date"], e.meta["guid"]), reverse=True)
    show = html.escape(episodes[0].meta["show"]) if episodes else "briefing"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{show}</title>",
        "<style>body{font-family:sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}"
        "button.chapter{background:none;border:none;color:#06c;cursor:pointer;padding:0;"
        "text-align:left}audio{width:100%}</style>",
        "</head>",
        "<body>",
        f"<h1>{show}</h1>",
    ]
    if (root / "feed.xml").is_file():
        parts.append('<p><a href="feed.xml">Podcast feed (RSS)</a></p>')
    for n, episode in enumerate(episodes):
        meta = episode.meta
        parts += [
            f'<section class="episode" id="episode-{n}">',
            f"<h2>{html.escape(meta['title'])}</h2>",
            f"<p>{html.escape(meta['date'])} · {clock(meta['duration_s'] * 1000)}</p>",
            f'<audio controls preload="metadata" src="{quote(meta["audio"])}"></audio>',
            '<ol class="chapters">',
        ]
        for chapter in meta.get("chapters", []):
            parts.append(
                f'<li><button class="chapter" data-start="{chapter["start"]}">'
                f"{clock(chapter['start'] * 1000)} {html.escape(chapter['title'])}</button></li>"
            )
        parts += ["</ol>", "</section>"]
    parts += [
        "<script>",
        "document.querySelectorAll('button.chapter').forEach(function (button) {",
        "  button.addEventListener('click', function () {",
        "    var player = button.closest('section').querySelector('audio');",
        "    player.currentTime = parseFloat(button.dataset.start);",
        "    player.play().catch(function () {});",
        "  });",
        "});",
        "</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def make_server(
    root: Path, host: str = "127.0.0.1", port: int = 8000
) -> http.server.ThreadingHTTPServer:
    """A server for `root` (not yet serving); port 0 picks a free one."""
    handler = partial(Handler, root=root.resolve())
    server = http.server.ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


__all__ = ["MIME", "index_page", "make_server"]
