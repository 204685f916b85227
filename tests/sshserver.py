"""A real OpenSSH sshd on loopback for the SFTP publishing tests, with throwaway keys.

Not a conftest: tests that need it start it (`with SshServer(tmp_path) as server:`).
The daemon runs as the current user; as root it also needs /run/sshd and root login by key
(see /work/shared/PROBES.md, "OpenSSH sshd for SFTP tests").
"""

from __future__ import annotations

import contextlib
import getpass
import os
import signal
import socket
import subprocess
import time
from pathlib import Path
from types import TracebackType

import pytest

SSHD = Path("/usr/sbin/sshd")
START_TIMEOUT = 10.0


def _local_user() -> str:
    try:
        import pwd

        return pwd.getpwuid(os.getuid()).pw_name
    except (ImportError, KeyError):
        return getpass.getuser()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def keygen(path: Path) -> Path:
    """A new ed25519 key pair at `path` (private, mode 0600) and `path`.pub."""
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "", "-f", str(path)],
        check=True,
        capture_output=True,
        timeout=30,
    )
    path.chmod(0o600)
    return path


def fingerprint_of(public_key: Path) -> str:
    """The key's SHA256 fingerprint as `ssh-keygen -l` prints it."""
    out = subprocess.run(
        ["ssh-keygen", "-l", "-E", "sha256", "-f", str(public_key)],
        check=True,
        capture_output=True,
        text=True,
        timeout=30,
    ).stdout
    return out.split()[1]


def _descendants(pid: int) -> list[int]:
    """Every process below `pid` (sshd forks a monitor and a session per connection)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    found: list[int] = []
    pending = [pid]
    while pending:
        for child in children.get(pending.pop(), []):
            found.append(child)
            pending.append(child)
    return found


def _kill(pids: list[int]) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


class SshServer:
    """sshd on 127.0.0.1 at a free port, letting the current user in with `user_key` only.

    `root` is an empty directory for the published files; `known_hosts` lists the server's
    host key; `url(path)` is an sftp:// URL below `root`."""

    def __init__(self, tmp_dir: Path) -> None:
        if not SSHD.is_file():
            message = f"{SSHD} is missing: install openssh-server (.ci/run does)"
            if os.environ.get("CI"):
                pytest.fail(message)
            pytest.skip(message)
        self.dir = Path(tmp_dir).resolve() / "sshd"
        self.dir.mkdir(parents=True, exist_ok=False)
        self.root = self.dir / "published"
        self.root.mkdir()
        self.user = _local_user()
        self.host_key = keygen(self.dir / "host_ed25519")
        self.user_key = keygen(self.dir / "user_ed25519")
        self.authorized_keys = self.dir / "authorized_keys"
        self.authorized_keys.write_text(self.user_key.with_suffix(".pub").read_text())
        self.host_fingerprint = fingerprint_of(self.host_key.with_suffix(".pub"))
        self.log = self.dir / "sshd.log"
        self.port = 0
        self.known_hosts = self.dir / "known_hosts"
        self._process: subprocess.Popen[bytes] | None = None

    def url(self, path: str | Path = "") -> str:
        """An sftp:// URL for `path`: relative paths are below `root`."""
        full = Path(path) if Path(path).is_absolute() else self.root / path
        return f"sftp://{self.user}@127.0.0.1:{self.port}{full.as_posix()}"

    def __enter__(self) -> SshServer:
        for _ in range(3):  # a free port can be taken between finding and binding it
            self.port = _free_port()
            if self._start():
                break
        else:
            raise RuntimeError(f"sshd did not start:\n{self.log.read_text()}")
        host_pub = self.host_key.with_suffix(".pub").read_text().split()
        self.known_hosts.write_text(f"[127.0.0.1]:{self.port} {host_pub[0]} {host_pub[1]}\n")
        return self

    def _start(self) -> bool:
        # fmt: off
        command = [
            str(SSHD), "-D", "-e", "-f", "/dev/null", "-p", str(self.port),
            "-o", "ListenAddress=127.0.0.1",
            "-h", str(self.host_key),
            "-o", f"AuthorizedKeysFile={self.authorized_keys}",
            "-o", f"PidFile={self.dir / 'sshd.pid'}",
            "-o", "StrictModes=no",
            "-o", "Subsystem=sftp internal-sftp",
            "-o", "PasswordAuthentication=no",
            "-o", "KbdInteractiveAuthentication=no",
        ]
        # fmt: on
        if os.geteuid() == 0:
            Path("/run/sshd").mkdir(mode=0o755, parents=True, exist_ok=True)
            command += ["-o", "PermitRootLogin=prohibit-password"]
        with self.log.open("wb") as log:
            process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True
            )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if "Server listening on" in self.log.read_text(errors="replace"):
                self._process = process
                return True
            if process.poll() is not None:
                return False
            time.sleep(0.01)
        process.kill()
        process.wait()
        return False

    def kill_sessions(self) -> None:
        """Kill every connection's processes, as a network drop would; sshd keeps listening."""
        if self._process is not None:
            _kill(_descendants(self._process.pid))

    def stop(self) -> None:
        """Kill sshd and every connection at once: nothing answers on the port afterwards."""
        if self._process is None:
            return
        sessions = _descendants(self._process.pid)
        self._process.kill()
        self._process.wait()
        self._process = None
        _kill(sessions)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
