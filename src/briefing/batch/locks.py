"""One build of a show at a time, whichever process or machine runs it, and the leftovers
of builds that were killed removed once nobody builds in the directory.

Two lock files in the show's output directory (`flock`, which the kernel lets go when its
holder dies, so a killed build never leaves a lock held; on NFS it is a POSIX lock):

- ``.briefing-batch-<show>.lock``, exclusive for the whole of a show's build: the second
  job for the same show waits, then finds the episode made.
- ``.briefing-builders.lock``, shared by every batch build in the directory. Whoever can
  take it exclusively knows no batch build is running there, so the work directories and
  temp files in it were left by builds that were killed (SIGKILL, a lost machine) and can
  go. The publisher's own lock is taken too, so no feed being written loses its temp file.

A build started by hand (`briefing build -o DIR`) into the same directory at the same
moment takes neither lock: it could lose its temp files and fail cleanly. Batch output
directories are the batch's.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

from filelock import Timeout

from briefing.errors import OutputError
from briefing.pipeline import WORK_PREFIX
from briefing.publish.publisher import lock as publisher_lock

log = logging.getLogger(__name__)

SHOW_LOCK = ".briefing-batch-{key}.lock"
BUILDERS_LOCK = ".briefing-builders.lock"
LEFT_BEHIND = (f"{WORK_PREFIX}*", ".*.part", ".briefing-probe-*")
"""What a killed build leaves in an output directory: its work directory, the outputs it
was staging, and the probe that checks the directory is writable."""


@contextlib.contextmanager
def building(
    output_dir: Path, key: str, waiting: Callable[[], None] | None = None
) -> Iterator[None]:
    """Hold the show's lock (waiting for another build of it to end, after calling
    `waiting`) and a share of the directory's; leftovers of killed builds are removed
    before and after, when nobody else builds there."""
    with _flock(output_dir / SHOW_LOCK.format(key=key), exclusive=True, waiting=waiting):
        remove_left_behind(output_dir)
        with _flock(output_dir / BUILDERS_LOCK, exclusive=False):
            yield
        remove_left_behind(output_dir)


def remove_left_behind(output_dir: Path) -> list[str]:
    """Remove what killed builds left in `output_dir`, if no batch build or publisher is
    at work there now; return the names removed."""
    removed: list[str] = []
    try:
        with (
            _flock(output_dir / BUILDERS_LOCK, exclusive=True, wait=False),
            publisher_lock(output_dir).acquire(timeout=0),
        ):
            for pattern in LEFT_BEHIND:
                for path in output_dir.glob(pattern):
                    if path.is_dir():
                        shutil.rmtree(path, ignore_errors=True)
                    else:
                        with contextlib.suppress(FileNotFoundError):
                            path.unlink()
                    removed.append(path.name)
    except (BlockingIOError, Timeout):
        return []  # someone is at work here: the last one out tidies
    for name in removed:
        log.info("removed %s/%s, left by a build that was stopped", output_dir.name, name)
    return removed


@contextlib.contextmanager
def _flock(
    path: Path,
    exclusive: bool,
    wait: bool = True,
    waiting: Callable[[], None] | None = None,
) -> Iterator[None]:
    """`path` locked (exclusive or shared); with `wait` False, `BlockingIOError` when
    someone else holds it."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise OutputError(f"cannot lock {path}: {exc.strerror or exc}") from None
    try:
        mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise
            if waiting:
                waiting()
            fcntl.flock(fd, mode)
        yield
    finally:
        os.close(fd)  # and with it the lock
