"""Publishing: (re)write ``feed.xml`` and ``index.html`` from the episodes in an output
directory.

The whole read-modify-write holds a lock (filelock), so two publishers at once lose
nothing; the feed is written to a temp file and moved into place. An episode whose metadata
is missing or broken is reported and left out, never crashes the build of the feed.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from briefing.config import ShowConfig
from briefing.errors import OutputError, UsageError
from briefing.files import atomic_path
from briefing.publish.feed import FeedEpisode, build_feed, notes_html_body

log = logging.getLogger(__name__)

FEED_NAME = "feed.xml"
INDEX_NAME = "index.html"
LOCK_NAME = ".briefing.lock"
LOCK_TIMEOUT = 120.0
_REQUIRED = ("guid", "title", "show", "date", "summary", "audio", "duration_s", "files")


@dataclass(frozen=True)
class Published:
    feed: Path
    episodes: int
    skipped: list[str] = field(default_factory=list)
    """Metadata files left out, with why."""
    pruned: list[str] = field(default_factory=list)
    """Episodes removed by --keep."""


SIDECAR_JSON = (".chapters.json", ".transcript.json")
"""An episode's JSON files that are not its metadata."""


def lock(directory: Path) -> FileLock:
    """The output directory's lock, held while episodes or the feed change."""
    return FileLock(str(directory / LOCK_NAME), timeout=LOCK_TIMEOUT)


def read_episodes(directory: Path, notes: bool = True) -> tuple[list[FeedEpisode], list[str]]:
    """Every complete episode (its metadata file readable and its MP3 there), and why
    any other metadata file was skipped; with `notes`, each one's show notes for the feed."""
    episodes, skipped = [], []
    for path in sorted(directory.glob("*.json")):
        if path.name.endswith(SIDECAR_JSON):
            continue
        try:
            meta: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
            missing = [key for key in _REQUIRED if key not in meta]
            if missing:
                raise ValueError(f"no {missing[0]!r}")
            audio = directory / meta["audio"]
            if audio.parent != directory or not audio.is_file():
                raise ValueError(f"its audio {meta['audio']!r} is missing")
            notes_file = meta["files"].get("notes_html") if notes else None
            html = notes_html_body(directory / notes_file) if notes_file else ""
            episodes.append(FeedEpisode(meta, audio.stat().st_size, html))
        except (OSError, ValueError, TypeError, AttributeError) as exc:
            skipped.append(f"{path.name}: {exc}")
    return episodes, skipped


def _prune(
    directory: Path, episodes: list[FeedEpisode], keep: int
) -> tuple[list[FeedEpisode], list[str]]:
    """Keep the newest `keep` episodes; remove the others' files, metadata first (so a
    half-removed episode is never listed)."""
    ordered = sorted(episodes, key=lambda e: (e.meta["date"], e.meta["guid"]), reverse=True)
    kept, gone = ordered[:keep], ordered[keep:]
    for episode in gone:
        stem = Path(episode.meta["audio"]).stem
        (directory / f"{stem}.json").unlink(missing_ok=True)
        for name in [episode.meta["audio"], *episode.meta["files"].values()]:
            (directory / name).unlink(missing_ok=True)
    return kept, [e.meta["audio"] for e in gone]


def publish(
    directory: Path, show: ShowConfig, base_url: str | None = None, keep: int | None = None
) -> Published:
    """Rewrite `directory`/feed.xml from the episodes there."""
    base = base_url or show.base_url
    if not base:
        raise UsageError(
            "the feed needs the address it is served from",
            hint="give --base-url https://example.org/podcast/ or base_url in the show file",
        )
    if not base.startswith(("http://", "https://")):
        raise UsageError(f"--base-url {base!r} is not an http(s) address")
    if not directory.is_dir():
        raise OutputError(f"{directory} is not a directory of episodes")
    keep = show.keep if keep is None else keep
    try:
        with lock(directory):
            episodes, skipped = read_episodes(directory)
            pruned: list[str] = []
            if keep and len(episodes) > keep:
                episodes, pruned = _prune(directory, episodes, keep)
            target = directory / FEED_NAME
            with atomic_path(target) as temp:
                temp.write_bytes(build_feed(episodes, show, base))
            from briefing.publish.page import index_page  # the page served beside it

            with atomic_path(directory / INDEX_NAME) as temp:
                page = index_page(directory, show, base.rstrip("/") + "/" + FEED_NAME)
                temp.write_text(page, encoding="utf-8")
    except Timeout:
        raise OutputError(
            f"{directory} is locked by another briefing for over {LOCK_TIMEOUT:g} s",
            hint=f"if none is running, remove {directory / LOCK_NAME}",
        ) from None
    for reason in skipped:
        log.warning("left out of the feed: %s", reason)
    return Published(target, len(episodes), skipped, pruned)
