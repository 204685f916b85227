"""A loopback news site for tests: feeds, article pages, pictures and the usual faults.

    with NewsSite() as site:
        feed = site.url("/feeds/world.rss")  # every {base} in it reads as site.base
        ...
        assert site.hits["/pages/theguardian.com.academics.html"] == 1

Routes (GET and HEAD; HEAD sends the same headers and no body):

- ``/feeds/<name>``: tests/data/feeds/<name> (.rss, .atom or .xml), ``{base}`` replaced
- ``/pages/<name>``: tests/data/html/<name>, else tests/data/html-written/<name>,
  ``{base}`` replaced, and the page's og:image / twitter:image pointed at
  ``/images/wide.jpg`` here (the real sites' pictures are never fetched)
- ``/images/<name>``: tests/data/feeds/images/<name>, typed by suffix (``x.broken.jpg`` is
  served as image/jpeg though its bytes are not a picture)
- ``/slow/<ms>/<rest>``: waits <ms> milliseconds, then answers as ``/<rest>``
- ``/status/<code>``: that status with a short text/plain body
- ``/big``: a 12 MB text/html page, over briefing's 10 MB limit
- ``/binary``: a small PDF
- ``/empty``: a page with a menu and a footer and no article
- ``/redirect/<rest>``: 302 to ``/<rest>``
- anything else: 404

Nothing here reaches the internet; the server listens on 127.0.0.1 on a free port.
"""

from __future__ import annotations

import contextlib
import http.server
import re
import sys
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path
from types import TracebackType
from typing import Any

DATA = Path(__file__).resolve().parent / "data"

BIG_SIZE = 12 * 1024 * 1024
"""Bytes in the /big page: more than the 10 MB briefing will download."""

FEED_TYPES = {
    ".rss": "application/rss+xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
}
IMAGE_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".webp": "image/webp",
}
_SHARED_PICTURE = re.compile(
    rb'(<meta[^>]+(?:property|name)="(?:og:image|twitter:image)(?::url)?"[^>]*content=")'
    rb'https?://[^"]*(")',
    re.IGNORECASE,
)
"""A page's own picture points at the real site: served pages point it here instead, so
that nothing a test fetches leaves this machine."""
HTML = "text/html; charset=utf-8"

PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
    b"trailer << /Root 1 0 R >>\n"
    b"%%EOF\n"
)

EMPTY_PAGE = b"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Daily Planet</title></head>
<body>
<nav>
  <ul>
    <li><a href="/">Home</a></li>
    <li><a href="/world">World</a></li>
    <li><a href="/business">Business</a></li>
    <li><a href="/technology">Technology</a></li>
    <li><a href="/sport">Sport</a></li>
  </ul>
</nav>
<footer>
  <p><a href="/about">About us</a> | <a href="/contact">Contact</a> |
     <a href="/privacy">Privacy</a></p>
  <p>&copy; 2026 Daily Planet. All rights reserved.</p>
</footer>
</body>
</html>
"""

_QUIET_ERRORS = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    site: NewsSite

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Say nothing when a client hangs up early (the oversize and timeout tests do)."""
        if not isinstance(sys.exc_info()[1], _QUIET_ERRORS):
            super().handle_error(request, client_address)


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _Server
    timeout = 30
    server_version = "NewsSite/1.0"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.server.site._count(self.path)
        with contextlib.suppress(*_QUIET_ERRORS):
            self._route(urllib.parse.urlsplit(self.path).path)

    def do_HEAD(self) -> None:
        self.do_GET()

    # --- answers ----------------------------------------------------------------------

    def _send(
        self, status: int, content_type: str, body: bytes, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _not_found(self) -> None:
        self._send(404, "text/plain; charset=utf-8", b"404 Not Found\n")

    def _route(self, path: str) -> None:
        site = self.server.site
        parts = path.split("/", 2)  # "/pages/x.html" -> ["", "pages", "x.html"]
        head = parts[1] if len(parts) > 1 else ""
        rest = parts[2] if len(parts) > 2 else ""
        if head == "feeds" and (found := site._file(rest, "feeds")):
            content_type = FEED_TYPES.get(found.suffix)
            if content_type:
                return self._send(200, content_type, site._substitute(found.read_bytes()))
        elif head == "pages" and (found := site._file(rest, "html", "html-written")):
            page = _SHARED_PICTURE.sub(rb"\1{base}/images/wide.jpg\2", found.read_bytes())
            return self._send(200, HTML, site._substitute(page))
        elif head == "images" and (found := site._file(rest, "feeds/images")):
            content_type = IMAGE_TYPES.get(found.suffix.lower())
            if content_type:
                return self._send(200, content_type, found.read_bytes())
        elif head == "slow" and path.count("/") >= 2:
            delay, _, inner = rest.partition("/")
            if delay.isdigit():
                time.sleep(int(delay) / 1000)
                return self._route("/" + inner)
        elif head == "status" and rest.isdigit() and 200 <= int(rest) <= 599:
            code = int(rest)
            body = b"" if code in (204, 304) else f"HTTP {code}\n".encode()
            return self._send(code, "text/plain; charset=utf-8", body)
        elif head == "redirect" and len(parts) > 2:
            query = urllib.parse.urlsplit(self.path).query
            target = "/" + rest + (f"?{query}" if query else "")
            return self._send(302, "text/plain; charset=utf-8", b"", {"Location": target})
        elif path == "/big":
            return self._big()
        elif path == "/binary":
            return self._send(200, "application/pdf", PDF)
        elif path == "/empty":
            return self._send(200, HTML, EMPTY_PAGE)
        return self._not_found()

    def _big(self) -> None:
        """12 MB of HTML, sent in pieces so a client that gives up stops the writing."""
        head, tail = b"<!DOCTYPE html><html><body><p>", b"</p></body></html>\n"
        self.send_response(200)
        self.send_header("Content-Type", HTML)
        self.send_header("Content-Length", str(BIG_SIZE))
        self.end_headers()
        if self.command == "HEAD":
            return
        self.wfile.write(head)
        left = BIG_SIZE - len(head) - len(tail)
        chunk = b"filler " * (64 * 1024 // 7)
        while left > 0:
            piece = chunk[:left]
            self.wfile.write(piece)
            left -= len(piece)
        self.wfile.write(tail)


class NewsSite:
    """A news site on 127.0.0.1 serving tests/data (or `data`), run as a context manager."""

    def __init__(self, data: Path = DATA) -> None:
        self.data = Path(data)
        self._hits: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> NewsSite:
        server = _Server(("127.0.0.1", 0), _Handler)
        server.site = self
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, name="newssite", daemon=True)
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    @property
    def base(self) -> str:
        """The site's root, "http://127.0.0.1:PORT", with no trailing slash."""
        if self._server is None:
            raise RuntimeError("NewsSite is not running: use it as `with NewsSite() as site:`")
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        """`path` ("/feeds/world.rss") on this site."""
        return self.base + ("" if path.startswith("/") else "/") + path

    @property
    def hits(self) -> Counter[str]:
        """Requests so far (GET and HEAD) by raw request path: a copy, safe to read any time."""
        with self._lock:
            return Counter(self._hits)

    def reset(self) -> None:
        """Forget the requests counted so far."""
        with self._lock:
            self._hits.clear()

    # --- for the handler ------------------------------------------------------------------

    def _count(self, path: str) -> None:
        with self._lock:
            self._hits[path] += 1

    def _substitute(self, body: bytes) -> bytes:
        return body.replace(b"{base}", self.base.encode("ascii"))

    def _file(self, name: str, *folders: str) -> Path | None:
        """The file `name` in the first of `folders` (under the data folder) that has it;
        None for a missing file or a name that is not a plain file name."""
        name = urllib.parse.unquote(name)
        if not name or name != Path(name).name or name.startswith("."):
            return None
        for folder in folders:
            path = self.data / folder / name
            if path.is_file():
                return path
        return None
