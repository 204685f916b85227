"""What a place episodes are published to offers: list what is there, send a file, delete
one. One module per kind of place (`s3.py`, `sftp.py`), chosen by the URL's scheme in
`targets/__init__.py`, as engines are.

A target knows nothing of feeds or episodes: the order of sending, what is unchanged and
what goes are decided in `publish/remote.py`. Credentials come only from each library's
own chain (environment, profiles, the SSH agent and keys): never from a show file, and
never in a message, a log line or `url`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True)
class RemoteFile:
    """A file already at the target."""

    name: str
    """Its path below the target's prefix, with "/" separators ("2026-01-14-show.mp3")."""
    size: int
    sha256: str | None
    """The SHA-256 (hex) that briefing stored with it when it sent it; None if unknown."""


@dataclass(frozen=True)
class Upload:
    """A file to send, and how it must be served."""

    path: Path
    """The local file."""
    name: str
    """Its path below the target's prefix."""
    size: int
    sha256: str
    content_type: str
    cache_control: str


class Target(Protocol):
    """A place to publish to. Every method raises `briefing.errors.OutputError` (exit 7)
    with one line saying what failed and what to do, after the library's own retries with
    backoff for throttling, 5xx answers and dropped connections."""

    url: str
    """Where it is, for messages: "s3://bucket/prefix", "sftp://user@host:2222/path"."""

    def list(self) -> dict[str, RemoteFile]:
        """Every file below the prefix, by name (an empty dict for a new place)."""
        ...

    def put(self, upload: Upload) -> None:
        """Send one file so that it appears whole or not at all: a half-sent file is never
        visible under `upload.name`. Stores `upload.sha256` with it so `list` can give it
        back, and serves it with its content type and cache control where the target can."""
        ...

    def delete(self, name: str) -> None:
        """Remove one file; a file already gone is not an error."""
        ...

    def close(self) -> None:
        """Let go of connections."""
        ...
