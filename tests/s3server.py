"""A loopback S3 (moto's server) for tests, and a proxy that drops uploads part-way.

    with S3Server() as s3:
        s3.client().create_bucket(Bucket="shows")
        for name, value in s3.env.items():      # or pass s3.env to a child process
            monkeypatch.setenv(name, value)
        for name in S3Server.CLEARED:
            monkeypatch.delenv(name, raising=False)
        ...
        s3.reset()                               # forget every bucket and object

    with DroppingProxy(s3.endpoint) as proxy:   # point endpoint_url at proxy.endpoint
        proxy.drop_after(1000)                   # reset the next request after 1000 body bytes
        proxy.drop_after(1000, times=10)         # ... the next ten such requests
        proxy.disarm()
        proxy.drops                              # how many connections it has reset

Both listen on 127.0.0.1 on a free port; nothing reaches the internet. moto keeps its state
per process, so two servers in one process share buckets; `reset` clears them all.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import struct
import threading
import urllib.request
from types import TracebackType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

ACCESS_KEY_ID = "AKIAFAKEBRIEFINGTEST"
SECRET_ACCESS_KEY = "fake-secret-for-briefing-tests-0123456789"
REGION = "us-east-1"


class S3Server:
    """moto's S3 in a thread of this process."""

    CLEARED = (
        "AWS_PROFILE",
        "AWS_DEFAULT_PROFILE",
        "AWS_SESSION_TOKEN",
        "AWS_SECURITY_TOKEN",
        "AWS_ENDPOINT_URL_S3",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        "AWS_WEB_IDENTITY_TOKEN_FILE",
        "AWS_ROLE_ARN",
    )
    """Variables to unset next to `env`, so the machine's own AWS setup cannot leak in."""

    def __init__(self) -> None:
        self._server: Any = None
        self._client: S3Client | None = None
        self.endpoint = ""

    def __enter__(self) -> S3Server:
        from moto.server import ThreadedMotoServer

        # werkzeug logs one line per request (and a traceback per dropped connection)
        logging.getLogger("werkzeug").setLevel(logging.CRITICAL)
        self._server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        self._server.start()
        host, port = self._server.get_host_and_port()
        self.endpoint = f"http://{host}:{port}"
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._server is not None:
            self._server.stop()
            self._server = None

    @property
    def env(self) -> dict[str, str]:
        """Environment for boto3 to use this server: fake keys, a region, the endpoint, and
        no shared config files or instance metadata from the machine."""
        return {
            "AWS_ACCESS_KEY_ID": ACCESS_KEY_ID,
            "AWS_SECRET_ACCESS_KEY": SECRET_ACCESS_KEY,
            "AWS_DEFAULT_REGION": REGION,
            "AWS_ENDPOINT_URL": self.endpoint,
            "AWS_CONFIG_FILE": "/dev/null",
            "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
            "AWS_EC2_METADATA_DISABLED": "true",
        }

    def client(self) -> S3Client:
        """A boto3 client for this server that ignores the environment (to read back what
        the code under test wrote, whatever the test did to the AWS variables)."""
        if self._client is None:
            import boto3

            self._client = boto3.session.Session().client(
                "s3",
                endpoint_url=self.endpoint,
                region_name=REGION,
                aws_access_key_id=ACCESS_KEY_ID,
                aws_secret_access_key=SECRET_ACCESS_KEY,
            )
        return self._client

    def reset(self) -> None:
        """Forget every bucket and object, and stop checking credentials."""
        self._post("/moto-api/reset", b"")
        self.check_credentials(False)

    def check_credentials(self, on: bool = True) -> None:
        """Make moto refuse unknown access keys (as AWS does) from now on, or stop."""
        self._post("/moto-api/reset-auth", b"0" if on else b"inf")

    def _post(self, path: str, body: bytes) -> None:
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        # text/plain: with urllib's default form type, werkzeug would eat the body as a form
        request = urllib.request.Request(
            self.endpoint + path, body, headers={"Content-Type": "text/plain"}
        )
        with opener.open(request, timeout=10):
            pass


class DroppingProxy:
    """A TCP proxy in front of `upstream` ("http://host:port") that, when armed, forwards
    the first `n` bytes of a request's body and then resets the client's connection
    (RST, as a dropped network does). It follows the HTTP requests on each connection
    (headers, then Content-Length bytes of body) so that only body bytes are counted, and
    a request whose body is shorter than `n` passes untouched."""

    def __init__(self, upstream: str) -> None:
        host, _, port = upstream.removeprefix("http://").rstrip("/").rpartition(":")
        self._upstream = (host, int(port))
        self._lock = threading.Lock()
        self._after: int | None = None
        self._times = 0
        self._sockets: set[socket.socket] = set()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self.endpoint = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self.drops = 0
        """Connections reset so far."""

    def __enter__(self) -> DroppingProxy:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        _quietly(self._listener.shutdown, socket.SHUT_RDWR)  # wakes accept(); close() would not
        self._listener.close()
        with self._lock:
            for sock in list(self._sockets):
                _quietly(sock.shutdown, socket.SHUT_RDWR)
        self._thread.join(timeout=5)

    def drop_after(self, n_bytes: int, times: int = 1) -> None:
        """Reset the next `times` requests whose bodies reach `n_bytes`, then pass all."""
        with self._lock:
            self._after, self._times = n_bytes, times

    def disarm(self) -> None:
        with self._lock:
            self._after, self._times = None, 0

    def _claim(self, seen: int, more: int) -> int | None:
        """How many of `more` body bytes (after `seen`) to forward before dropping, or None
        to forward them all (not armed, or the body has not reached the mark)."""
        with self._lock:
            if self._after is None or self._times <= 0 or seen + more < self._after:
                return None
            self._times -= 1
            self.drops += 1
            return max(0, self._after - seen)

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        """Pump one connection: requests up here, answers back in a second thread."""
        try:
            upstream = socket.create_connection(self._upstream, timeout=10)
        except OSError:
            _reset(client)
            return
        upstream.settimeout(None)
        with self._lock:
            self._sockets |= {client, upstream}
        back = threading.Thread(target=self._pump_back, args=(upstream, client), daemon=True)
        back.start()
        requests = _Requests()
        try:
            while True:
                data = client.recv(65536)
                if not data:
                    _quietly(upstream.shutdown, socket.SHUT_WR)
                    break
                forward, cut = requests.feed(data, self._claim)
                upstream.sendall(forward)
                if cut:
                    _reset(client)
                    _quietly(upstream.shutdown, socket.SHUT_RDWR)
                    break
        except OSError:
            _quietly(upstream.shutdown, socket.SHUT_RDWR)
        back.join(timeout=10)
        with self._lock:
            self._sockets -= {client, upstream}
        client.close()
        upstream.close()

    @staticmethod
    def _pump_back(upstream: socket.socket, client: socket.socket) -> None:
        try:
            while data := upstream.recv(65536):
                client.sendall(data)
        except OSError:
            pass
        _quietly(client.shutdown, socket.SHUT_WR)


class _Requests:
    """Where one connection's bytes are: in a request's headers or in its body."""

    def __init__(self) -> None:
        self._head = bytearray()
        self._left = 0  # body bytes still to come; -1: until the connection ends
        self._seen = 0  # body bytes already forwarded

    def feed(self, data: bytes, claim: Any) -> tuple[bytes, bool]:
        """The part of `data` to forward, and whether to drop the connection after it."""
        out = bytearray()
        i = 0
        while i < len(data):
            if self._left == 0:
                start = len(self._head)
                self._head += data[i:]
                end = self._head.find(b"\r\n\r\n")
                if end < 0:
                    out += data[i:]
                    break
                used = end + 4 - start
                out += data[i : i + used]
                i += used
                self._left = _body_length(bytes(self._head[:end]))
                self._head.clear()
                self._seen = 0
                continue
            take = len(data) - i if self._left < 0 else min(self._left, len(data) - i)
            upto = claim(self._seen, take)
            if upto is not None:
                out += data[i : i + upto]
                return bytes(out), True
            out += data[i : i + take]
            self._seen += take
            i += take
            if self._left > 0:
                self._left -= take
        return bytes(out), False


def _body_length(head: bytes) -> int:
    """Content-Length of a request head; -1 for a chunked body, 0 for none."""
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            length = int(value.strip())
        elif name == b"transfer-encoding" and b"chunked" in value.lower():
            return -1
    return length


def _reset(sock: socket.socket) -> None:
    """Close with an RST rather than a FIN."""
    _quietly(sock.setsockopt, socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    _quietly(sock.close)


def _quietly(call: Any, *args: Any) -> None:
    with contextlib.suppress(OSError):
        call(*args)
