"""A real Redis on loopback for the batch tests: Celery's broker and result store.

Not a conftest: tests that need it start it (`with RedisServer(tmp_path) as redis:`).
Debian's `redis-server`, started directly (the PID held is Redis's own), on a free port,
saving nothing to disk (see /work/shared/PROBES.md, "Celery on Redis").
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path
from types import TracebackType

import pytest

START_TIMEOUT = 10.0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RedisServer:
    """redis-server on 127.0.0.1 at a free port; `url` is its redis:// address."""

    def __init__(self, tmp_dir: Path) -> None:
        found = shutil.which("redis-server")
        if found is None:
            message = "redis-server is missing: install Debian's redis-server (.ci/run does)"
            if os.environ.get("CI"):
                pytest.fail(message)
            pytest.skip(message)
        self.binary = found
        self.dir = Path(tmp_dir).resolve() / "redis"
        self.dir.mkdir(parents=True, exist_ok=False)
        self.log = self.dir / "redis.log"
        self.port = 0
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def __enter__(self) -> RedisServer:
        for _ in range(3):  # a free port can be taken between finding and binding it
            self.port = _free_port()
            if self._start():
                return self
        raise RuntimeError(f"redis-server did not start:\n{self.log.read_text()}")

    def _start(self) -> bool:
        command = [
            self.binary,
            "--port", str(self.port),
            "--bind", "127.0.0.1",
            "--save", "",
            "--appendonly", "no",
            "--dir", str(self.dir),
        ]  # fmt: skip
        with self.log.open("wb") as log:
            process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True
            )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if process.poll() is not None:
                return False
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        self._process = process
                        return True
            except OSError:
                time.sleep(0.05)
        process.kill()
        process.wait()
        return False

    def stop(self) -> None:
        if self._process is None:
            return
        self._process.terminate()
        try:
            self._process.wait(10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._process = None

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
