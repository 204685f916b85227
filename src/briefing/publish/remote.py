"""Publishing an output directory to a remote place (S3-compatible storage, SFTP).

The feed is first written locally, as `publish` does (with `--keep` pruning the local
directory); then what the remote place lacks is sent, in an order that keeps the remote
feed true at every moment:

1. every episode's audio and sidecars that are new or changed (same name, same size and
   SHA-256: not sent again), the audio of each episode before its sidecars;
2. the index page, then `feed.xml`, last: it only ever names files already there;
3. then the files of episodes no longer in the feed (removed by `--keep`) are deleted.

A run that fails half-way has sent no feed naming a missing file; the next run sends what
is still missing. The directory's lock file, work directories and the episodes' own
metadata files (for briefing, not listeners) are never sent.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from briefing.publish.publisher import FEED_NAME, INDEX_NAME, read_episodes
from briefing.publish.targets.base import RemoteFile, Target, Upload

log = logging.getLogger(__name__)

SHORT_CACHE = "public, max-age=300"
"""The feed and the index change with every episode: apps and CDNs look again within
minutes."""
LONG_CACHE = "public, max-age=31536000, immutable"
"""An episode's files keep their names for good: cached for a year."""
_TYPES = (
    (".chapters.json", "application/json+chapters"),
    (".transcript.json", "application/json; charset=utf-8"),
    (".mp3", "audio/mpeg"),
    (".vtt", "text/vtt; charset=utf-8"),
    (".srt", "application/x-subrip; charset=utf-8"),
    (".jpg", "image/jpeg"),
    (".jpeg", "image/jpeg"),
    (".png", "image/png"),
    (".html", "text/html; charset=utf-8"),
    (".md", "text/markdown; charset=utf-8"),
    (".xml", "application/rss+xml; charset=utf-8"),
    (".json", "application/json"),
)
_EPISODE_FILE = re.compile(
    r"^\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.(?:mp3|jpg|vtt|srt|md|html|json|chapters\.json|transcript\.json|chapter\d+\.jpg)$"
)
"""The names briefing gives an episode's files: only such files are ever deleted."""


def content_type(name: str) -> str:
    lower = name.lower()
    return next(
        (kind for suffix, kind in _TYPES if lower.endswith(suffix)), "application/octet-stream"
    )


@dataclass(frozen=True)
class RemotePlan:
    """What a publish will do at the remote place, in order."""

    uploads: tuple[Upload, ...]
    deletes: tuple[str, ...]
    unchanged: tuple[str, ...] = ()


@dataclass
class Sent:
    """What a publish did."""

    sent: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: int = 0


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def local_files(directory: Path) -> list[Path]:
    """The files a listener's app or browser may ask for, episodes first (each episode's
    audio before its sidecars, oldest episode first), then the index, then the feed."""
    episodes, _ = read_episodes(directory, notes=False)
    episodes.sort(key=lambda e: (e.meta["date"], e.meta["audio"]))
    files: list[Path] = []
    for episode in episodes:
        names = [episode.meta["audio"], *episode.meta["files"].values()]
        for name in dict.fromkeys(names):
            path = directory / name
            if path.is_file() and path.parent == directory and not name.startswith("."):
                files.append(path)
    for name in (INDEX_NAME, FEED_NAME):
        if (directory / name).is_file():
            files.append(directory / name)
    return files


def plan_remote(directory: Path, remote: dict[str, RemoteFile]) -> RemotePlan:
    """What to send (new or changed files, in order) and what to delete (files of episodes
    the feed no longer names), given what is already at the remote place."""
    uploads: list[Upload] = []
    unchanged: list[str] = []
    files = local_files(directory)
    for path in files:
        size, digest = path.stat().st_size, sha256_of(path)
        there = remote.get(path.name)
        if there is not None and there.size == size and there.sha256 == digest:
            unchanged.append(path.name)
            continue
        short = path.name in (FEED_NAME, INDEX_NAME)
        uploads.append(
            Upload(
                path=path,
                name=path.name,
                size=size,
                sha256=digest,
                content_type=content_type(path.name),
                cache_control=SHORT_CACHE if short else LONG_CACHE,
            )
        )
    keep = {p.name for p in files}
    deletes = sorted(n for n in remote if n not in keep and _EPISODE_FILE.match(n))
    return RemotePlan(tuple(uploads), tuple(deletes), tuple(unchanged))


def send(plan: RemotePlan, target: Target, said: Callable[[str], None] | None = None) -> Sent:
    """Carry out `plan`: every upload in order (the feed last), then the deletes. The first
    failure stops it (an `OutputError`); what was sent stays, and the remote feed is the old
    one, or names only files already there."""
    done = Sent(unchanged=len(plan.unchanged))
    for upload in plan.uploads:
        target.put(upload)
        done.sent.append(upload.name)
        if said:
            said(f"sent {upload.name} ({upload.size // 1024} kB)")
    for name in plan.deletes:
        target.delete(name)
        done.deleted.append(name)
        if said:
            said(f"deleted {name}")
    return done


def publish_remote(
    directory: Path,
    to: str,
    base_url: str,
    *,
    endpoint_url: str | None = None,
    dry_run: bool = False,
    set_cors: bool = False,
    said: Callable[[str], None] | None = None,
) -> tuple[RemotePlan, Sent | None]:
    """Send what `to` lacks of `directory` (its feed already written for `base_url`), in
    `plan_remote`'s order; with `dry_run`, only say what would be sent and deleted. A feed
    a podcast directory would refuse is a `ConfigError` before anything is sent."""
    from briefing.publish.checks import check_feed
    from briefing.publish.targets import open_target

    for warning in check_feed((directory / FEED_NAME).read_bytes(), directory, base_url):
        if said:
            said(f"warning: {warning}")
    target = open_target(to, endpoint_url)
    try:
        plan = plan_remote(directory, target.list())
        if dry_run:
            return plan, None
        _check_cors(target, set_cors, said)
        return plan, send(plan, target, said)
    finally:
        target.close()


def _check_cors(target: Target, set_cors: bool, said: Callable[[str], None] | None) -> None:
    """Web players fetch transcripts and chapters from other sites: a bucket must allow
    GET from any origin. `set_cors` adds a rule that does; without it, a note says how."""
    from briefing.publish.targets.s3 import S3Target, allows_any_get

    if not isinstance(target, S3Target):
        return  # an SFTP host's web server decides its own headers
    if set_cors:
        target.allow_cors_get()
    elif not any(allows_any_get(rule) for rule in target.cors_rules()) and said:
        said(
            "note: the bucket lets no other site read its files (CORS), so web players cannot "
            "show transcripts or chapters; --set-cors adds a rule allowing GET from anywhere"
        )
