"""Publishing to a directory on an SSH server over SFTP (`sftp://user@host:port/path`).

The URL forms, the login and the host-key check are `briefing.publish.targets.ssh`'s; this
module is the target on the open session: list, put, delete, and reconnecting after a drop.

SFTP stores no metadata, so the SHA-256 of each file sent is kept in
`.briefing-manifest.json` at the top of the directory; `list` trusts an entry only while its
size matches the file's. Content type and cache control cannot be stored either: the web
server serving the directory decides them. Files are written under a temporary name
(`.NAME.briefing-part`) and renamed over the final name (`posix-rename@openssh.com`, atomic
on OpenSSH), so a reader sees the old file or the new one, never half of one. One publisher
at a time per directory: the manifest is read once and rewritten by each change.
"""

from __future__ import annotations

import contextlib
import json
import os
import posixpath
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from briefing.errors import OutputError, UsageError
from briefing.publish.targets.base import RemoteFile, Upload
from briefing.publish.targets.ssh import (
    DEFAULT_TIMEOUT,
    KEY_ENV,
    KNOWN_HOSTS_ENV,
    SftpAddress,
    _Unreachable,
    open_session,
    parse_sftp_url,
)

if TYPE_CHECKING:
    import paramiko

MANIFEST = ".briefing-manifest.json"
PART = ".briefing-part"
"""The suffix of the temporary names files are written under before the rename."""
RETRY_DELAYS = (0.5, 1.5)
"""Seconds to wait before each reconnect after a dropped connection (paramiko has no retry)."""

_T = TypeVar("_T")


def open_sftp(
    url: str, known_hosts: Path | None = None, *, timeout: float = DEFAULT_TIMEOUT
) -> SftpTarget:
    """Connect to `url` and return the target, so a wrong host, key or login is said at once.

    `known_hosts` replaces `$BRIEFING_SSH_KNOWN_HOSTS` and `~/.ssh/known_hosts`; `timeout`
    (seconds) bounds connecting, logging in and each wait for the server."""
    address = parse_sftp_url(url)
    default_hosts = Path("~/.ssh/known_hosts")
    if known_hosts is None:
        named = os.environ.get(KNOWN_HOSTS_ENV)
        known_hosts = Path(named) if named else default_hosts
    key_file: Path | None = None
    if os.environ.get(KEY_ENV):
        key_file = Path(os.environ[KEY_ENV]).expanduser()
        if not key_file.is_file():
            raise UsageError(
                f"{KEY_ENV} names {key_file}, which is not a file",
                hint=f"set {KEY_ENV} to a private key file, or unset it",
            )
    target = SftpTarget(address, known_hosts, key_file, timeout)
    target.connect()
    return target


class SftpTarget:
    """A directory on an SSH server; see the module's docstring for what is kept where."""

    url: str

    def __init__(
        self,
        address: SftpAddress,
        known_hosts: Path,
        key_file: Path | None = None,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self.address = address
        self.url = address.url
        self._known_hosts = known_hosts
        self._key_file = key_file
        self._timeout = timeout
        self._client: paramiko.SSHClient | None = None
        self._sftp: paramiko.SFTPClient | None = None
        self._root = ""
        self._manifest: dict[str, tuple[int, str]] | None = None
        self._dirs: set[str] = set()

    def __enter__(self) -> SftpTarget:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the Target protocol ----------------------------------------------------------

    def list(self) -> dict[str, RemoteFile]:
        """Every file below the directory (none if it does not exist yet), with the SHA-256
        from the manifest where the size still matches."""
        return self._run("listing the files", self._list)

    def put(self, upload: Upload) -> None:
        """Send `upload` under a temporary name, then rename it over the final one."""
        self._check_name(upload.name)
        self._run(f"sending {upload.name}", lambda sftp: self._put(sftp, upload))

    def delete(self, name: str) -> None:
        """Remove `name` (and a temporary file an interrupted send left beside it)."""
        self._check_name(name)
        self._run(f"deleting {name}", lambda sftp: self._delete(sftp, name))

    def close(self) -> None:
        """Close the SFTP session and the SSH connection; a later call connects again."""
        sftp, client = self._sftp, self._client
        self._sftp = self._client = None
        with contextlib.suppress(Exception):
            if sftp is not None:
                sftp.close()
        with contextlib.suppress(Exception):
            if client is not None:
                client.close()

    # -- connecting -------------------------------------------------------------------

    def connect(self) -> paramiko.SFTPClient:
        """The open SFTP session, connecting and logging in first if there is none."""
        if self._sftp is not None:
            return self._sftp
        self._client, self._sftp, self._root = open_session(
            self.address, self._known_hosts, self._key_file, self._timeout
        )
        return self._sftp

    def _run(self, doing: str, op: Callable[[paramiko.SFTPClient], _T]) -> _T:
        """Run `op` on the session; a dropped connection is reopened and `op` run again,
        after each of `RETRY_DELAYS`."""
        import paramiko

        lost: BaseException | None = None
        reconnect_error: OutputError | None = None
        for delay in (0.0, *RETRY_DELAYS):
            if lost is not None:
                time.sleep(delay)
            try:
                sftp = self.connect()
            except _Unreachable as exc:
                if lost is None:
                    raise
                reconnect_error = exc
                continue
            try:
                return op(sftp)
            except OutputError:
                raise
            except (OSError, EOFError, paramiko.SSHException, paramiko.sftp.SFTPError) as exc:
                if not self._dropped(exc):
                    raise self._sftp_error(doing, exc) from None
                self.close()
                lost = exc
        after = f"; reconnecting failed: {reconnect_error.message}" if reconnect_error else ""
        raise OutputError(
            f"lost the connection to {self.url} while {doing}, {len(RETRY_DELAYS)} "
            f"reconnects did not help{after}",
            hint="check the network and the server, then publish again: nothing half-sent "
            "is visible",
        )

    def _dropped(self, exc: BaseException) -> bool:
        """True when `exc` is the connection going, not an SFTP answer such as "denied"."""
        import paramiko

        if isinstance(
            exc,
            EOFError
            | paramiko.SSHException
            | paramiko.sftp.SFTPError
            | TimeoutError
            | ConnectionError,
        ):
            return True
        transport = self._client.get_transport() if self._client else None
        return transport is None or not transport.is_active()

    def _alive(self) -> bool:
        transport = self._client.get_transport() if self._client else None
        return transport is not None and transport.is_active()

    def _sftp_error(self, doing: str, exc: BaseException) -> OutputError:
        if isinstance(exc, PermissionError):
            reason = "permission denied"
        elif isinstance(exc, FileNotFoundError):
            reason = "no such file or directory"
        else:
            reason = str(exc) or type(exc).__name__
        return OutputError(
            f"{self.url}: failed {doing}: {reason}",
            hint=f"check that {self.address.user} may write to that directory on the server, "
            "and that it has free space",
        )

    # -- the operations, on an open session ---------------------------------------------

    def _list(self, sftp: paramiko.SFTPClient) -> dict[str, RemoteFile]:
        try:
            top = sftp.stat(self._root)
        except FileNotFoundError:
            return {}
        if not stat.S_ISDIR(top.st_mode or 0):
            raise OutputError(f"{self.url} is not a directory", hint="give the URL of a directory")
        manifest = self._load_manifest(sftp)
        found: dict[str, RemoteFile] = {}
        pending = [(self._root, "")]
        while pending:
            directory, prefix = pending.pop()
            for entry in sftp.listdir_attr(directory):
                name = entry.filename
                if name.endswith(PART) or (not prefix and name == MANIFEST):
                    continue
                mode = entry.st_mode or 0
                path = posixpath.join(directory, name)
                if stat.S_ISDIR(mode):
                    pending.append((path, f"{prefix}{name}/"))
                    continue
                if stat.S_ISLNK(mode):
                    try:
                        entry = sftp.stat(path)
                    except FileNotFoundError:
                        continue
                    mode = entry.st_mode or 0
                if not stat.S_ISREG(mode):
                    continue
                size = entry.st_size or 0
                known = manifest.get(prefix + name)
                sha = known[1] if known and known[0] == size else None
                found[prefix + name] = RemoteFile(prefix + name, size, sha)
        return found

    def _put(self, sftp: paramiko.SFTPClient, upload: Upload) -> None:
        final = posixpath.join(self._root, upload.name)
        part = _part_name(final)
        self._make_dirs(sftp, posixpath.dirname(final))
        manifest = self._load_manifest(sftp)
        try:
            source = upload.path.open("rb")
        except OSError as exc:
            raise OutputError(f"cannot read {upload.path} to send it: {exc.strerror}") from None
        try:
            with source:
                sent = sftp.putfo(source, part, file_size=upload.size, confirm=True)
            if upload.name in manifest:
                # Forget the old checksum before the new content shows, so a failure between
                # the rename and the manifest's rewrite cannot pair new bytes with it.
                del manifest[upload.name]
                self._write_manifest(sftp)
            sftp.posix_rename(part, final)
        except BaseException:
            if self._alive():
                with contextlib.suppress(Exception):
                    sftp.remove(part)
            raise
        manifest[upload.name] = (sent.st_size or 0, upload.sha256)
        self._write_manifest(sftp)

    def _delete(self, sftp: paramiko.SFTPClient, name: str) -> None:
        final = posixpath.join(self._root, name)
        for path in (final, _part_name(final)):
            with contextlib.suppress(FileNotFoundError):
                sftp.remove(path)
        manifest = self._load_manifest(sftp)
        if manifest.pop(name, None) is not None:
            self._write_manifest(sftp)

    def _make_dirs(self, sftp: paramiko.SFTPClient, directory: str) -> None:
        """Create `directory` and its missing parents (each checked once per target)."""
        missing: list[str] = []
        current = directory
        while current not in self._dirs:
            try:
                found = sftp.stat(current)
            except FileNotFoundError:
                missing.append(current)
                parent = posixpath.dirname(current)
                if parent == current:
                    break
                current = parent
                continue
            if not stat.S_ISDIR(found.st_mode or 0):
                raise OutputError(
                    f"{self.url}: {current} on the server is a file, not a directory",
                    hint="move that file away, or publish to another directory",
                )
            break
        for path in reversed(missing):
            try:
                sftp.mkdir(path)
            except OSError:
                # Made meanwhile by someone else, or really refused: stat tells which.
                if not stat.S_ISDIR(sftp.stat(path).st_mode or 0):
                    raise
        self._dirs.add(directory)

    def _load_manifest(self, sftp: paramiko.SFTPClient) -> dict[str, tuple[int, str]]:
        """The checksums briefing stored, read once; an unreadable manifest counts as empty
        (the files are then sent again, which rewrites it)."""
        if self._manifest is not None:
            return self._manifest
        manifest: dict[str, tuple[int, str]] = {}
        try:
            with sftp.open(posixpath.join(self._root, MANIFEST), "rb") as handle:
                raw = handle.read()
        except FileNotFoundError:
            raw = b""
        if raw:
            try:
                files: Any = json.loads(raw).get("files", {})
            except (ValueError, AttributeError):
                files = {}
            for name, entry in files.items() if isinstance(files, dict) else ():
                with contextlib.suppress(KeyError, TypeError, ValueError):
                    size, sha = entry["size"], entry["sha256"]
                    if isinstance(size, int) and isinstance(sha, str):
                        manifest[name] = (size, sha)
        self._manifest = manifest
        return manifest

    def _write_manifest(self, sftp: paramiko.SFTPClient) -> None:
        """Replace the manifest whole: written under a temporary name, then renamed."""
        files = {
            n: {"size": s, "sha256": h} for n, (s, h) in sorted((self._manifest or {}).items())
        }
        data = json.dumps({"version": 1, "files": files}, indent=1).encode() + b"\n"
        final = posixpath.join(self._root, MANIFEST)
        part = _part_name(final)
        with sftp.open(part, "wb") as handle:
            handle.write(data)
        sftp.posix_rename(part, final)

    def _check_name(self, name: str) -> None:
        """A name must stay below the directory and not be one of briefing's own files."""
        segments = name.split("/")
        if (
            not name
            or name == MANIFEST
            or any(s in ("", ".", "..") or s.endswith(PART) for s in segments)
        ):
            raise UsageError(f"{name!r} is not a file name below {self.url}")


def _part_name(path: str) -> str:
    head, tail = posixpath.split(path)
    return posixpath.join(head, f".{tail}{PART}")
