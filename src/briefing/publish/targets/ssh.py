"""Reaching an SSH server for the SFTP target: `sftp://` URLs, host keys and logging in.

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
key is refused, never added. A failure to connect becomes one `OutputError` saying what to
check. paramiko is imported only when a session is opened.
"""

from __future__ import annotations

import base64
import getpass
import hashlib
import os
import posixpath
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn
from urllib.parse import quote, unquote, urlsplit

from briefing.errors import ConfigError, OutputError, UsageError

if TYPE_CHECKING:
    import paramiko

KEY_ENV = "BRIEFING_SSH_KEY"
"""A private key file to log in with, tried before the agent and ~/.ssh/id_*."""
KNOWN_HOSTS_ENV = "BRIEFING_SSH_KNOWN_HOSTS"
"""A known_hosts file to use instead of ~/.ssh/known_hosts."""
DEFAULT_TIMEOUT = 20.0


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


def open_session(
    address: SftpAddress,
    known_hosts: Path,
    key_file: Path | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> tuple[paramiko.SSHClient, paramiko.SFTPClient, str]:
    """Connect, check the host key against `known_hosts`, log in and open an SFTP session.

    Returns the SSH client, the SFTP session and the absolute path of `address.path` on the
    server. Any failure closes the connection and is raised as one `OutputError`
    (`_Unreachable` when another try might succeed), or a `ConfigError` for `known_hosts`."""
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
    known_hosts_file = known_hosts.expanduser()
    try:
        if known_hosts_file.is_file():
            client.load_system_host_keys(str(known_hosts_file))
    except paramiko.hostkeys.InvalidHostKey as exc:
        raise ConfigError(
            f"{known_hosts_file} has a malformed line: {str(exc.line)[:60]}",
            hint="fix or remove that line",
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {known_hosts_file}: {exc}") from None
    a = address
    try:
        client.connect(
            a.host,
            port=a.port,
            username=a.user,
            key_filename=str(key_file) if key_file else None,
            allow_agent=True,
            look_for_keys=True,
            timeout=timeout,
            banner_timeout=timeout,
            auth_timeout=timeout,
            channel_timeout=timeout,
        )
        transport = client.get_transport()
        if transport is not None:
            transport.set_keepalive(15)
        sftp = client.open_sftp()
        channel = sftp.get_channel()
        if channel is not None:
            channel.settimeout(timeout)
        if a.path.startswith("/"):
            root = a.path
        else:
            root = posixpath.normpath(posixpath.join(sftp.normalize("."), a.path))
    except BaseException as exc:
        client.close()
        if isinstance(exc, Exception):
            raise _connect_error(
                address, known_hosts, timeout, exc, offered[0] if offered else None
            ) from None
        raise
    return client, sftp, root


def _connect_error(
    address: SftpAddress,
    known_hosts: Path,
    timeout: float,
    exc: Exception,
    offered: paramiko.PKey | None,
) -> OutputError:
    """One line for what went wrong while connecting, and what to check."""
    import paramiko

    a, url = address, address.url
    if offered is not None:
        key = offered
        port = "" if a.port == 22 else f"-p {a.port} "
        return OutputError(
            f"the host key of {a.host_key_name} is unknown: the server offered "
            f"{key.get_name()} {fingerprint(key)}, and {known_hosts} does not list it",
            hint=f"check that fingerprint with the server's admin (`ssh-keygen -lf` on its "
            f"host key), then run `ssh-keyscan {port}{a.host} >> {known_hosts}`",
        )
    if isinstance(exc, paramiko.BadHostKeyException):
        return OutputError(
            f"the host key of {a.host_key_name} has CHANGED: {known_hosts} has "
            f"{exc.expected_key.get_name()} {fingerprint(exc.expected_key)}, the server "
            f"offered {exc.key.get_name()} {fingerprint(exc.key)}",
            hint="this can be an attack or a reinstalled server: check the new fingerprint "
            "with the server's admin before replacing the line "
            f"(`ssh-keygen -R '{a.host_key_name}' -f {known_hosts}`, then ssh-keyscan)",
        )
    if isinstance(exc, paramiko.PasswordRequiredException):
        return OutputError(
            f"cannot log in to {url}: the private key is protected by a passphrase",
            hint="load it into the SSH agent with `ssh-add`, or set BRIEFING_SSH_KEY to "
            "a key without a passphrase",
        )
    if isinstance(exc, paramiko.AuthenticationException) or (
        isinstance(exc, paramiko.SSHException) and "no authentication methods" in str(exc).lower()
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
            f"cannot connect to {url}: no SSH answer within {timeout:g} s",
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
        reason = f"no answer within {timeout:g} s"
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


class _Unreachable(OutputError):
    """The server could not be reached or spoken to: worth another try on a reconnect."""

    hint = "check the host name and port, that sshd runs there, and the network"


def fingerprint(key: paramiko.PKey) -> str:
    """OpenSSH's form: "SHA256:" and the unpadded base64 of the key blob's SHA-256."""
    digest = hashlib.sha256(key.asbytes()).digest()
    return "SHA256:" + base64.b64encode(digest).decode().rstrip("=")


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
