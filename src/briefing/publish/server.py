"""`briefing serve`: the output directory over HTTP, the way podcast apps need it.

Python's http.server answers a Range request with the whole file; podcast apps and Apple's
ingestion need ``206 Partial Content`` (../shared/STANDARDS.md §4). This server answers
HEAD and single byte ranges, sends the right MIME types, never serves a file outside its
directory, and shows the show's page (`briefing.publish.page`) at "/".

Every answer carries ``Access-Control-Allow-Origin: *`` (HEAD, 206 and errors too), and
OPTIONS answers a CORS preflight: web players on other sites fetch the transcripts, the
chapters and the audio (with a Range header) across origins. Nothing here needs cookies or
credentials, so allowing any origin gives nothing away.
"""

from __future__ import annotations

import http.server
import re
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from briefing.config import ShowConfig
from briefing.publish.page import index_page

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
    show: ShowConfig | None
    feed_url: str | None

    def __init__(
        self,
        *args: Any,
        root: Path,
        show: ShowConfig | None = None,
        feed_url: str | None = None,
        **kwargs: Any,
    ) -> None:
        self.root, self.show, self.feed_url = root, show, feed_url
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def end_headers(self) -> None:
        """Every answer (files, the page, HEAD, 206, 416 and errors) may be read by a page
        on another origin: players fetch transcripts, chapters and audio across origins."""
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header(
            "Access-Control-Expose-Headers", "Content-Length, Content-Range, Accept-Ranges"
        )
        super().end_headers()

    def do_OPTIONS(self) -> None:
        """A CORS preflight (a Range that is not a plain "bytes=N-M" needs one)."""
        self.send_response(204)
        self.send_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Range")
        self.send_header("Access-Control-Max-Age", "86400")
        self.send_header("Content-Length", "0")
        self.end_headers()

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
                index_page(self.root, self.show, self.feed_url).encode("utf-8"),
                "text/html; charset=utf-8",
                body,
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


def make_server(
    root: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    show: ShowConfig | None = None,
    feed_url: str | None = None,
) -> http.server.ThreadingHTTPServer:
    """A server for `root` (not yet serving); port 0 picks a free one. `show` and
    `feed_url` go to the page at "/" (see `index_page`)."""
    handler = partial(Handler, root=root.resolve(), show=show, feed_url=feed_url)
    server = http.server.ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


__all__ = ["MIME", "index_page", "make_server"]
