"""A loopback stand-in for Google Translate's speech endpoint, reached the way the real one is.

gTTS requests go through the HTTPS proxy named by $HTTPS_PROXY. This server is that proxy:
it accepts ``CONNECT translate.google.<tld>:443``, terminates TLS with a certificate from a
throwaway certificate authority (trustme) that the client is told to trust, and answers
the batchexecute RPC like Google does: a ``)]}'`` preamble and a ``jQ1olc`` line carrying
base64 MP3 audio (24 kHz mono, as the real service sends). Nothing leaves the machine.

Faults are scripted per request: ``standin.plan = ["429", "429", "ok"]`` answers the first
two requests with 429. Every request is recorded, with the most requests ever in flight.
"""

from __future__ import annotations

import base64
import json
import socket
import socketserver
import ssl
import subprocess
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

import trustme

RPC_PATH = "/_/TranslateWebserverUi/data/batchexecute"
MS_PER_CHAR = 45


@dataclass
class Recorded:
    host: str
    text: str
    lang: str
    answer: str
    started: float
    ended: float = 0.0


@dataclass
class StandIn:
    ffmpeg: str
    latency: float = 0.0
    plan: list[str] = field(default_factory=list)
    """Answers for the next requests, in order: ok, 429, 500, 403, noaudio, hang, reset."""
    requests: list[Recorded] = field(default_factory=list)
    max_in_flight: int = 0
    connections: int = 0
    """Tunnels (CONNECTs) opened: fewer than requests when connections are kept alive."""
    _in_flight: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _audio: dict[int, bytes] = field(default_factory=dict)

    def start(self) -> str:
        """Start serving; return the proxy URL for $HTTPS_PROXY. Clients must trust
        `ca_pem` (REQUESTS_CA_BUNDLE), as briefing verifies TLS."""
        authority = trustme.CA()
        self.ca_pem = authority.cert_pem.bytes()
        cert = authority.issue_cert(
            "translate.google.com",
            "*.google.com",
            "translate.google.co.uk",
            "translate.google.com.au",
            "translate.google.co.in",
            "translate.google.de",
        )
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        cert.configure_cert(context)
        standin = self

        class Proxy(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                request_line = self.rfile.readline().decode("latin-1").strip()
                while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                    pass
                method, target, _ = ([*request_line.split(" "), "", "", ""])[:3]
                if method != "CONNECT":
                    self.wfile.write(
                        b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n"
                    )
                    return
                with standin._lock:
                    standin.connections += 1
                self.wfile.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
                self.wfile.flush()
                try:
                    tls = context.wrap_socket(self.connection, server_side=True)
                except (ssl.SSLError, OSError):
                    return
                host = target.split(":")[0]
                Endpoint(tls, self.client_address, self.server, standin=standin, host=host)

        class Endpoint(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def __init__(self, *args: object, standin: StandIn, host: str) -> None:
                self.standin, self.host = standin, host
                super().__init__(*args)  # type: ignore[arg-type]

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                self.standin._answer(self, self.host, body)

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

            def handle_error(self, request: object, client_address: object) -> None:
                pass  # a connection the stand-in reset on purpose, or a client that gave up

        self._server = Server(("127.0.0.1", 0), Proxy)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    # --- answering -----------------------------------------------------------------------

    def _mp3(self, text: str) -> bytes:
        """MP3 like the service's: 24 kHz mono, a tone as long as the text would take to say."""
        millis = max(300, MS_PER_CHAR * len(text)) // 100 * 100
        with self._lock:
            cached = self._audio.get(millis)
        if cached is None:
            cached = subprocess.run(
                [
                    self.ffmpeg,
                    "-v",
                    "error",
                    "-f",
                    "lavfi",
                    "-i",
                    f"sine=frequency=330:sample_rate=24000:duration={millis / 1000}",
                    "-ac",
                    "1",
                    "-b:a",
                    "32k",
                    "-f",
                    "mp3",
                    "pipe:1",
                ],
                capture_output=True,
                check=True,
            ).stdout
            with self._lock:
                self._audio[millis] = cached
        return cached

    def _answer(self, handler: BaseHTTPRequestHandler, host: str, body: bytes) -> None:
        form = urllib.parse.parse_qs(body.decode("utf-8"))
        rpc = json.loads(form["f.req"][0])
        text, lang, _speed, _ = json.loads(rpc[0][0][1])
        with self._lock:
            answer = self.plan.pop(0) if self.plan else "ok"
            record = Recorded(host, text, lang, answer, time.monotonic())
            self.requests.append(record)
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)
        try:
            if self.latency:
                time.sleep(self.latency)
            if answer == "hang":
                time.sleep(30)
                return
            if answer == "reset":  # close with SO_LINGER 0: the client sees a TCP reset
                linger = (1).to_bytes(4, "little") + (0).to_bytes(4, "little")
                handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
                handler.rfile.close()
                handler.wfile.close()
                handler.connection.close()
                return
            if answer in ("429", "500", "503", "403"):
                payload, status = b"Too many requests" if answer == "429" else b"error", int(answer)
            elif answer == "noaudio":
                line = '[["wrb.fr","jQ1olc",null,null,null,[3],"generic"]]'
                payload, status = f")]}}'\n\n{len(line)}\n{line}\n".encode(), 200
            else:
                audio = base64.b64encode(self._mp3(text)).decode("ascii")
                line = f'[["wrb.fr","jQ1olc","[\\"{audio}\\"]",null,null,null,"generic"]]'
                payload, status = f")]}}'\n\n{len(line)}\n{line}\n".encode(), 200
            self._done(record)  # before answering: the client may send its next at once
            handler.send_response(status)
            handler.send_header("Content-Type", "application/json; charset=utf-8")
            handler.send_header("Content-Length", str(len(payload)))
            handler.end_headers()
            handler.wfile.write(payload)
            handler.wfile.flush()
        finally:
            self._done(record)

    def _done(self, record: Recorded) -> None:
        with self._lock:
            if not record.ended:
                self._in_flight -= 1
                record.ended = time.monotonic()
