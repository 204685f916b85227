"""Publishing to a directory on an SSH server over SFTP (`sftp://user@host:port/path`).

URL forms (as OpenSSH's `sftp` and curl read them):

- `sftp://user@host/srv/podcast`: an absolute path on the server;
- `sftp://user@host/~/podcast`: a path below the login (home) directory; `sftp://host/~` is the
  login directory itself;
- the user is optional (the local user name, as `ssh` does); the port defaults to 22;
  `%XX` escapes are decoded; an IPv6 host is written `[::1]`.

A URL without a path, `/` alone, a password (`user:secret@`), `~otheruser`, a query or a
fragment is a `UsageError`. `~/.ssh/config` is not read: write the real host, port and user.

Logging in uses only the user's own SSH credentials, as `ssh` would: the SSH agent, the key
files `~/.ssh/id_rsa`, `id_ecdsa`, `id_ed25519`, and the private key file named by the
environment variable `BRIEFING_SSH_KEY` (tried first; for CI and throwaway keys). There is
never a password. The server's host key must already be in `~/.ssh/known_hosts` (or the file
named by `BRIEFING_SSH_KNOWN_HOSTS`, or the `known_hosts` argument): an unknown or changed
key is refused, never added.

SFTP stores no metadata, so the SHA-256 of each file sent is kept in
`.briefing-manifest.json` at the top of the directory; `list` trusts an entry only while its
size matches the file's. Content type and cache control cannot be stored either: the web
server serving the directory decides them. Files are written under a temporary name
(`.NAME.briefing-part`) and renamed over the final name (`posix-rename@openssh.com`, atomic
on OpenSSH), so a reader sees the old file or the new one, never half of one. One publisher
at a time per directory: the manifest is read once and rewritten by each change.
"""

from __future__ import annotations

import base64
import contextlib
import getpass
import hashlib
import json
import os
import posixpath
import socket
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar
from urllib.parse import quote, unquote, urlsplit

from briefing.errors import ConfigError, OutputError, UsageError
from briefing.publish.targets.base import RemoteFile, Upload

if TYPE_CHECKING:
    import paramiko

KEY_ENV = "BRIEFING_SSH_KEY"
"""A private key file to log in with, tried before the agent and ~/.ssh/id_*."""
KNOWN_HOSTS_ENV = "BRIEFING_SSH_KNOWN_HOSTS"
"""A known_hosts file to use instead of ~/.ssh/known_hosts."""
MANIFEST = ".briefing-manifest.json"
PART = ".briefing-part"
"""The suffix of the temporary names files are written under before the rename."""
RETRY_DELAYS = (0.5, 1.5)
"""Seconds to wait before each reconnect after a dropped connection (paramiko has no retry)."""
DEFAULT_TIMEOUT = 20.0

_T = TypeVar("_T")


@dataclass(frozen=True)
class SftpAddress:
    """Where a `sftp://` URL points."""

    user: str
    host: str
    port: int
    path: str
    """Absolute ("/srv/podcast"), or relative to the login directory ("podcast", "." for it)."""

    @property
    def url(self) -> str:
        """The canonical URL, port always shown, for messages."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        if self.path.startswith("/"):
            path = self.path
        else:
            path = "/~" if self.path == "." else f"/~/{self.path}"
        return f"sftp://{quote(self.user, safe='')}@{host}:{self.port}{quote(path)}"

    @property
    def host_key_name(self) -> str:
        """The host's name in known_hosts: "[host]:port" unless the port is 22."""
        return self.host if self.port == 22 else f"[{self.host}]:{self.port}"


def parse_sftp_url(url: str) -> SftpAddress:
    """Read `sftp://[user@]host[:port]/path`; a `UsageError` says what is wrong with it."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port or 22
    except ValueError as exc:
        raise UsageError(f"{_redacted(url)} is not a valid sftp:// URL: {exc}") from None
    shown = _redacted(url)
    if parts.scheme.lower() != "sftp":
        raise UsageError(f"{shown} is not an sftp:// URL")
    if parts.password is not None:
        raise UsageError(
            f"{shown}: an sftp:// URL may not hold a password",
            hint="log in with the SSH agent or a key (~/.ssh/id_ed25519, or BRIEFING_SSH_KEY)",
        )
    if not parts.hostname:
        raise UsageError(f"{shown} names no host", hint="write sftp://user@host/path")
    if parts.query or parts.fragment or url.rstrip().endswith(("?", "#")):
        raise UsageError(f"{shown}: an sftp:// URL takes no ?query or #fragment")
    path = unquote(parts.path)
    if path in ("", "/"):
        raise UsageError(
            f"{shown} names no directory",
            hint="write the directory: sftp://host/srv/podcast, or sftp://host/~/podcast "
            "below the login directory",
        )
    if path == "/~" or path.startswith("/~/"):
        path = posixpath.normpath(path[3:] or ".")
    elif path.startswith("/~"):
        raise UsageError(
            f"{shown}: only ~/ (the login directory) is understood, not ~user/",
            hint="write the absolute path of the directory",
        )
    else:
        path = posixpath.normpath(path)
        if path.startswith("//"):
            path = "/" + path.lstrip("/")
    user = unquote(parts.username) if parts.username else _local_user()
    host = parts.hostname
    return SftpAddress(user=user, host=host, port=port, path=path)


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
        import paramiko

        offered: list[paramiko.PKey] = []

        class RejectUnknown(paramiko.RejectPolicy):
            """paramiko's RejectPolicy, keeping the offered key for the message."""

            def missing_host_key(
                self, client: paramiko.SSHClient, hostname: str, key: paramiko.PKey
            ) -> NoReturn:
                offered.append(key)
                super().missing_host_key(client, hostname, key)

        client = paramiko.SSHClient()
        client.set_missing_host_key_policy(RejectUnknown())
        known_hosts = self._known_hosts.expanduser()
        try:
            if known_hosts.is_file():
                client.load_system_host_keys(str(known_hosts))
        except paramiko.hostkeys.InvalidHostKey as exc:
            raise ConfigError(
                f"{known_hosts} has a malformed line: {str(exc.line)[:60]}",
                hint="fix or remove that line",
            ) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read {known_hosts}: {exc}") from None
        a = self.address
        try:
            client.connect(
                a.host,
                port=a.port,
                username=a.user,
                key_filename=str(self._key_file) if self._key_file else None,
                allow_agent=True,
                look_for_keys=True,
                timeout=self._timeout,
                banner_timeout=self._timeout,
                auth_timeout=self._timeout,
                channel_timeout=self._timeout,
            )
            transport = client.get_transport()
            if transport is not None:
                transport.set_keepalive(15)
            sftp = client.open_sftp()
            channel = sftp.get_channel()
            if channel is not None:
                channel.settimeout(self._timeout)
            if a.path.startswith("/"):
                root = a.path
            else:
                root = posixpath.normpath(posixpath.join(sftp.normalize("."), a.path))
        except BaseException as exc:
            client.close()
            if isinstance(exc, Exception):
                raise self._connect_error(exc, offered[0] if offered else None) from None
            raise
        self._client, self._sftp, self._root = client, sftp, root
        return sftp

    def _connect_error(self, exc: Exception, offered: paramiko.PKey | None) -> OutputError:
        """One line for what went wrong while connecting, and what to check."""
        import paramiko

        a, url = self.address, self.url
        if offered is not None:
            key = offered
            port = "" if a.port == 22 else f"-p {a.port} "
            return OutputError(
                f"the host key of {a.host_key_name} is unknown: the server offered "
                f"{key.get_name()} {fingerprint(key)}, and {self._known_hosts} does not list it",
                hint=f"check that fingerprint with the server's admin (`ssh-keygen -lf` on its "
                f"host key), then run `ssh-keyscan {port}{a.host} >> {self._known_hosts}`",
            )
        if isinstance(exc, paramiko.BadHostKeyException):
            return OutputError(
                f"the host key of {a.host_key_name} has CHANGED: {self._known_hosts} has "
                f"{exc.expected_key.get_name()} {fingerprint(exc.expected_key)}, the server "
                f"offered {exc.key.get_name()} {fingerprint(exc.key)}",
                hint="this can be an attack or a reinstalled server: check the new fingerprint "
                "with the server's admin before replacing the line "
                f"(`ssh-keygen -R '{a.host_key_name}' -f {self._known_hosts}`, then ssh-keyscan)",
            )
        if isinstance(exc, paramiko.PasswordRequiredException):
            return OutputError(
                f"cannot log in to {url}: the private key is protected by a passphrase",
                hint="load it into the SSH agent with `ssh-add`, or set BRIEFING_SSH_KEY to "
                "a key without a passphrase",
            )
        if isinstance(exc, paramiko.AuthenticationException) or (
            isinstance(exc, paramiko.SSHException)
            and "no authentication methods" in str(exc).lower()
        ):
            return OutputError(
                f"{url} refused the login of {a.user}: no key from the SSH agent, "
                f"~/.ssh/id_* or {KEY_ENV} was accepted",
                hint="add the public key to ~/.ssh/authorized_keys on the server, and load "
                f"the private key with `ssh-add` or set {KEY_ENV} to its file",
            )
        if isinstance(exc, paramiko.SSHException) and any(
            # paramiko's words for a server that never finished the handshake in time
            words in str(exc).lower()
            for words in ("banner", "no existing session")
        ):
            return _Unreachable(
                f"cannot connect to {url}: no SSH answer within {self._timeout:g} s",
                hint="check that the host and port are an SSH server's, and the network",
            )
        if isinstance(exc, paramiko.SSHException):
            return _Unreachable(
                f"cannot open an SFTP session on {url}: {exc or type(exc).__name__}",
                hint="check that the host and port are an SSH server's, with SFTP enabled",
            )
        if isinstance(exc, socket.gaierror):
            reason = "the host name is unknown"
        elif isinstance(exc, TimeoutError):
            reason = f"no answer within {self._timeout:g} s"
        elif isinstance(exc, paramiko.ssh_exception.NoValidConnectionsError | ConnectionError):
            reason = "connection refused"
        elif isinstance(exc, OSError):
            reason = exc.strerror or str(exc) or type(exc).__name__
        else:
            reason = str(exc) or type(exc).__name__
        return _Unreachable(
            f"cannot connect to {url}: {reason}",
            hint="check the host name and port, that sshd runs there, and the network",
        )

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


class _Unreachable(OutputError):
    """The server could not be reached or spoken to: worth another try on a reconnect."""

    hint = "check the host name and port, that sshd runs there, and the network"


def fingerprint(key: paramiko.PKey) -> str:
    """OpenSSH's form: "SHA256:" and the unpadded base64 of the key blob's SHA-256."""
    digest = hashlib.sha256(key.asbytes()).digest()
    return "SHA256:" + base64.b64encode(digest).decode().rstrip("=")


def _part_name(path: str) -> str:
    head, tail = posixpath.split(path)
    return posixpath.join(head, f".{tail}{PART}")


def _local_user() -> str:
    """The local user name, as OpenSSH takes it (the password database, not $USER)."""
    try:
        import pwd

        return pwd.getpwuid(os.getuid()).pw_name
    except (ImportError, KeyError):
        return getpass.getuser()


def _redacted(url: str) -> str:
    """`url` with any password replaced, so a message never shows it."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return "the sftp:// URL"
    if parts.password is None:
        return url.strip()
    netloc = parts.netloc.rsplit("@", 1)[1]
    user = parts.username or ""
    return parts._replace(netloc=f"{user}:***@{netloc}").geturl()
