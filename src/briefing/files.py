"""Writing outputs safely: into a temp file beside the target, then `os.replace` into place."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from slugify import slugify

from briefing.errors import OutputError

MAX_SLUG = 60


def slug(text: str, fallback: str = "episode") -> str:
    """An ASCII file-name slug of `text`: "Béla Tarr's Films" → "bela-tarr-s-films"."""
    return slugify(text, max_length=MAX_SLUG, word_boundary=True) or fallback


def ensure_writable_dir(directory: Path) -> Path:
    """Create `directory` if needed and prove it is writable, before any expensive work."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=directory, prefix=".briefing-probe-"):
            pass
    except OSError as exc:
        raise OutputError(f"cannot write to {directory}: {exc.strerror or exc}") from None
    return directory


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temp path beside `target`, moved over it only if the block succeeds.

    Any failure, Ctrl-C included, removes the temp file and leaves `target` as it was.
    """
    try:
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
        os.close(fd)
    except OSError as exc:
        raise OutputError(f"cannot write to {target.parent}: {exc.strerror or exc}") from None
    temp = Path(name)
    try:
        yield temp
        os.chmod(temp, 0o644)
        os.replace(temp, target)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


class StagedFiles:
    """Several outputs written to temp files, then moved into place together, in the
    order they were staged: the one that says "complete" goes last."""

    def __init__(self) -> None:
        self._pending: list[tuple[Path, Path]] = []

    def path(self, target: Path) -> Path:
        """A temp path beside `target`, moved over it on commit."""
        try:
            fd, name = tempfile.mkstemp(
                dir=target.parent, prefix=f".{target.name}.", suffix=".part"
            )
            os.close(fd)
        except OSError as exc:
            raise OutputError(f"cannot write to {target.parent}: {exc.strerror or exc}") from None
        self._pending.append((Path(name), target))
        return Path(name)

    def write_text(self, target: Path, text: str) -> None:
        temp = self.path(target)
        try:
            temp.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None

    def write_bytes(self, target: Path, data: bytes) -> None:
        temp = self.path(target)
        try:
            temp.write_bytes(data)
        except OSError as exc:
            raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None

    def commit(self) -> None:
        try:
            for temp, target in self._pending:
                os.chmod(temp, 0o644)
                os.replace(temp, target)
        except OSError as exc:
            raise OutputError(
                f"cannot move {temp.name} into place: {exc.strerror or exc}"
            ) from None
        finally:
            self.discard()

    def discard(self) -> None:
        for temp, _ in self._pending:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
        self._pending.clear()


@contextlib.contextmanager
def staged() -> Iterator[StagedFiles]:
    """Stage outputs in the block; all move into place when it succeeds, none if it fails."""
    files = StagedFiles()
    try:
        yield files
    except BaseException:
        files.discard()
        raise
    files.commit()


def remove_left_behind(directory: Path, pattern: str, untouched_s: float) -> list[str]:
    """Remove what processes that were killed left in `directory`: the files and directories
    matching `pattern` in which nothing has changed for `untouched_s` seconds (one still in
    use keeps being written to). Returns the names removed."""
    removed = []
    now = time.time()
    for path in directory.glob(pattern):
        try:
            inside = list(path.iterdir()) if path.is_dir() else []
            newest = max([path.stat().st_mtime] + [f.stat().st_mtime for f in inside])
        except OSError:
            continue
        if now - newest > untouched_s:
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    path.unlink()
            removed.append(path.name)
    return removed
