"""The speech cache: each synthesised sentence, keyed by what made it.

The key is a SHA-256 of (engine, the voice settings that shape the audio, the sample rate,
the exact text), so a rebuild of an unchanged episode synthesises nothing and an edited
sentence re-synthesises only itself. Entries are written atomically and carry a checksum:
a truncated or corrupt entry is detected, removed and made again, never joined into an
episode. The cache is bounded: the least recently used entries go first.

Beside the clips it keeps small notes of what was worked out (`remember`, `recall`): the
gain that levels a programme and the language of a page, so a rebuild of the same audio
does not measure or detect them again. And in ``models/``, what is made once from the
installed packages: each Piper voice split in two for decoding long sentences in pieces
(`engines.piper_prepare`), and the language detector's tables unpacked (`ingest.language`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import struct
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from platformdirs import user_cache_dir

from briefing.config import env_int
from briefing.files import remove_left_behind
from briefing.models import Clip, WordTiming

log = logging.getLogger(__name__)

_MAGIC_V1 = b"BRSC1"
_MAGIC = b"BRSC2"
_HEADER = struct.Struct("<5sIBB32s")  # magic, sample rate, channels, sample width, sha256
_WORDS = struct.Struct("<I")
"""Version 2: after the header, the length of the words' JSON, the JSON, then the PCM; the
checksum covers all three. Version 1 (no words) is still read: its words are estimated."""
DEFAULT_MAX_MB = 1024
PRUNE_LOCK = ".prune.lock"
MAX_NOTES = 500
"""Notes kept beside the clips; the oldest go first."""
_unwritable: set[Path] = set()


@dataclass(frozen=True)
class CacheInfo:
    directory: Path
    entries: int
    bytes: int
    max_bytes: int


def cache_key(engine: str, identity: Mapping[str, Any], sample_rate: int, text: str) -> str:
    blob = json.dumps(
        {"engine": engine, "voice": identity, "rate": sample_rate, "text": text},
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class SpeechCache:
    def __init__(self, directory: Path, max_bytes: int = DEFAULT_MAX_MB * 1024 * 1024) -> None:
        self.directory = directory
        self.max_bytes = max_bytes

    @classmethod
    def default(cls) -> SpeechCache:
        """The user's cache: $BRIEFING_CACHE_DIR, else ~/.cache/briefing/speech (platformdirs);
        bounded by $BRIEFING_CACHE_MAX_MB (default 1024)."""
        directory = os.environ.get("BRIEFING_CACHE_DIR") or str(
            Path(user_cache_dir("briefing")) / "speech"
        )
        max_mb = env_int("BRIEFING_CACHE_MAX_MB")
        return cls(Path(directory), (DEFAULT_MAX_MB if max_mb is None else max_mb) * 1024 * 1024)

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.clip"

    @classmethod
    def scratch(cls, directory: Path) -> SpeechCache:
        """A cache for one build (--no-cache): unbounded, in a directory the caller removes."""
        return cls(directory, max_bytes=2**62)

    def contains(self, key: str) -> bool:
        """Whether an intact entry is there (a damaged one is removed, to be made again)."""
        return self.get(key) is not None

    def get(self, key: str) -> Clip | None:
        """The cached clip, or None if absent or damaged (a damaged entry is removed)."""
        path = self._path(key)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            log.warning("speech cache entry %s unreadable (%s); making it again", path.name, exc)
            return None
        clip = _decode(data)
        if clip is None:
            log.warning("speech cache entry %s is corrupt; making it again", path.name)
            with contextlib.suppress(OSError):
                path.unlink()
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # most recently used: pruned last
        return clip

    def put(self, key: str, clip: Clip) -> bool:
        """Store `clip`; False if it could not be. A cache that cannot be written is a
        warning, never a failed build."""
        return self._write(self._path(key), _encode(clip))

    def _write(self, path: Path, data: bytes) -> bool:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                os.replace(temp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temp)
                raise
        except OSError as exc:
            if self.directory not in _unwritable:  # said once per process
                log.warning(
                    "speech cache at %s cannot be written (%s); continuing without it",
                    self.directory,
                    exc,
                )
                _unwritable.add(self.directory)
            return False
        return True

    def _note_path(self, key: str) -> Path:
        return self.directory / "notes" / f"{key}.json"

    def recall(self, key: str, max_age_s: float | None = None) -> dict[str, Any] | None:
        """The note stored under `key`, or None if absent, unreadable or (with `max_age_s`)
        older than that."""
        path = self._note_path(key)
        if max_age_s is not None and time.time() - _mtime(path) > max_age_s:
            return None
        try:
            note = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return note if isinstance(note, dict) else None

    def remember(self, key: str, note: Mapping[str, Any]) -> None:
        """Store a small JSON note under `key`; only the newest `MAX_NOTES` are kept."""
        path = self._note_path(key)
        if not self._write(path, json.dumps(note, sort_keys=True).encode("utf-8")):
            return
        notes = sorted(path.parent.glob("*.json"), key=_mtime, reverse=True)
        for old in notes[MAX_NOTES:]:
            with contextlib.suppress(OSError):
                old.unlink()

    def _file_path(self, key: str) -> Path:
        return self.directory / "files" / key

    def keep(self, key: str, data: bytes) -> None:
        """Store a small file made from a download (a chapter's picture), as notes are."""
        path = self._file_path(key)
        if self._write(path, data):
            files = sorted(path.parent.iterdir(), key=_mtime, reverse=True)
            for old in files[MAX_NOTES:]:
                with contextlib.suppress(OSError):
                    old.unlink()

    def kept(self, key: str, max_age_s: float) -> bytes | None:
        """The file kept under `key` if it is younger than `max_age_s`."""
        path = self._file_path(key)
        if time.time() - _mtime(path) > max_age_s:
            return None
        try:
            return path.read_bytes()
        except OSError:
            return None

    def _entries(self) -> list[tuple[Path, os.stat_result]]:
        found = []
        for path in self.directory.glob("*/*.clip"):
            with contextlib.suppress(OSError):
                found.append((path, path.stat()))
        return found

    def info(self) -> CacheInfo:
        entries = self._entries()
        return CacheInfo(
            self.directory, len(entries), sum(s.st_size for _, s in entries), self.max_bytes
        )

    def prune(self) -> int:
        """Remove least recently used entries until the cache fits its bound; return how many.

        Many builds share a cache (batch workers, a cache on shared storage): one prunes
        at a time, and one finding another at it leaves it the job (two at once would each
        remove the whole excess). An entry used since the listing (a build found it there
        and is about to read it) is kept. Temp files of writers that were killed go once
        they are an hour old."""
        try:
            with FileLock(str(self.directory / PRUNE_LOCK), timeout=0):
                remove_left_behind(self.directory, "*/.*.part", 3600)
                return self._prune()
        except Timeout:
            return 0
        except OSError:  # no cache directory, or a read-only one: nothing to prune
            return 0

    def _prune(self) -> int:
        entries = sorted(self._entries(), key=lambda e: e[1].st_mtime)
        total = sum(s.st_size for _, s in entries)
        removed = 0
        for path, listed in entries:
            if total <= self.max_bytes:
                break
            try:
                if path.stat().st_mtime != listed.st_mtime:
                    continue  # used since it was listed
                path.unlink()
            except OSError:
                continue
            total -= listed.st_size
            removed += 1
        return removed

    @property
    def models_dir(self) -> Path:
        """Models made ready on first use: each Piper voice split for decoding in pieces
        (`engines.piper_prepare`), the language detector's tables unpacked."""
        return self.directory / "models"

    def models(self) -> list[Path]:
        return sorted(p for p in self.models_dir.glob("*") if not p.name.startswith("."))

    def clear(self) -> int:
        """Remove every entry, the notes and the prepared models; return how many entries."""
        shutil.rmtree(self.models_dir, ignore_errors=True)
        entries = self._entries()
        for path, _ in entries:
            with contextlib.suppress(OSError):
                path.unlink()
        for note in [*self.directory.glob("notes/*.json"), *self.directory.glob("files/*")]:
            with contextlib.suppress(OSError):
                note.unlink()
        for sub in self.directory.glob("*"):
            with contextlib.suppress(OSError):
                sub.rmdir()
        return len(entries)


def prepared_models_dir() -> Path:
    """Where models made ready on first use are kept: ``models/`` in the cache. Half-made
    ones a killed build left (names starting with a dot) go once an hour old."""
    directory = SpeechCache.default().models_dir
    remove_left_behind(directory, ".*", 3600)
    return directory


def _encode(clip: Clip) -> bytes:
    words = json.dumps(
        [[w.word, w.start, w.end, int(w.estimated)] for w in clip.words], ensure_ascii=False
    ).encode("utf-8")
    body = _WORDS.pack(len(words)) + words + clip.pcm
    digest = hashlib.sha256(body).digest()
    return _HEADER.pack(_MAGIC, clip.sample_rate, clip.channels, clip.sample_width, digest) + body


def _decode(data: bytes) -> Clip | None:
    if len(data) < _HEADER.size:
        return None
    magic, rate, channels, width, digest = _HEADER.unpack_from(data)
    body = data[_HEADER.size :]
    if (
        magic not in (_MAGIC, _MAGIC_V1)
        or hashlib.sha256(body).digest() != digest
        or not rate
        or not channels
        or not width
    ):
        return None
    words: tuple[WordTiming, ...] = ()
    if magic == _MAGIC:
        if len(body) < _WORDS.size:
            return None
        (size,) = _WORDS.unpack_from(body)
        try:
            words = tuple(
                WordTiming(str(w), int(start), int(end), bool(estimated))
                for w, start, end, estimated in json.loads(
                    body[_WORDS.size : _WORDS.size + size].decode("utf-8")
                )
            )
        except (ValueError, TypeError):
            return None
        body = body[_WORDS.size + size :]
    return Clip(pcm=body, sample_rate=rate, channels=channels, sample_width=width, words=words)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
