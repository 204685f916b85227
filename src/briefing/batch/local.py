"""`briefing batch --jobs N`: shows built in a pool of N processes on this machine.

Each process builds one show after another and keeps the voices it has loaded for the
next. Shows that share a source wait for the first of them (`jobs.first_builds`), so what
they share is spoken once. A show's failure is its row in the table, never the others'; a
transient one is tried again after a pause that doubles. A show past its time limit is
stopped where it is (SIGALRM raises in the build, which unwinds, removing its temp files).
A process that dies (killed, out of memory) breaks the pool: the shows it left unfinished
are built again one at a time, each in a process of its own, so only the one that kills
its process fails.

Ctrl-C (or SIGTERM) lets the shows being built finish and starts no more; a second one
stops those too, cleanly (`_Stop`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import multiprocessing
import signal
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from briefing.batch.jobs import (
    FAILED,
    NOT_STARTED,
    STOPPED,
    TIMED_OUT,
    ShowResult,
    ShowTimedOut,
    first_builds,
    keep_voices_loaded,
    retry_delay,
    run_show,
    timed_out_note,
    unfinished,
)

log = logging.getLogger(__name__)

TRIES = 3
"""Tries for a show whose failure is transient."""
RETRY_FIRST_S = 30.0
"""The pause before its second try; it doubles before each next."""

Report = Callable[[ShowResult], None]


def run_local(
    show_files: Sequence[Path],
    day: dt.date,
    jobs: int,
    limit_s: float,
    report: Report | None = None,
    log_level: int = logging.WARNING,
) -> tuple[list[ShowResult], bool]:
    """Every show's result in the order given, and whether Ctrl-C cut the batch short."""
    results: dict[int, ShowResult] = {}
    again: list[int] = []

    def done(index: int, result: ShowResult) -> None:
        results[index] = result
        if report:
            report(result)

    held = first_builds(show_files)
    after: dict[int, list[int]] = defaultdict(list)
    for index, first in held.items():
        after[first].append(index)
    ready = deque(i for i in range(len(show_files)) if i not in held)
    pool = _pool(jobs, log_level)
    futures: dict[Future[ShowResult], int] = {}
    stop = _Stop()

    def start_more() -> None:
        """As many shows as there are processes: none waits in the pool's queue, so none
        starts after a Ctrl-C."""
        while ready and len(futures) < jobs and not stop.asked:
            index = ready.popleft()
            try:
                futures[pool.submit(_build, show_files[index], day, limit_s)] = index
            except BrokenProcessPool:
                again.append(index)

    with stop.installed():
        try:
            start_more()
            while futures:
                finished, _ = wait(futures, timeout=0.5, return_when=FIRST_COMPLETED)
                for future in finished:
                    index = futures.pop(future)
                    _collect(future, index, done, again)
                    ready.extend(after.pop(index, []))  # what they share is cached now
                start_more()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    interrupted = stop.asked > 0
    if again and not interrupted:
        log.warning("a build process died; building its %d shows again, one apart", len(again))
        for index in sorted(again):
            with _pool(1, log_level) as alone:
                future = alone.submit(_build, show_files[index], day, limit_s)
                again_died: list[int] = []
                _collect(future, index, done, again_died)
            if again_died:
                note = "its build process died (killed, or out of memory?); the others went on"
                done(index, unfinished(show_files[index], day, FAILED, note))
    for index, path in enumerate(show_files):
        if index not in results:
            status = STOPPED if interrupted else NOT_STARTED
            results[index] = unfinished(path, day, status, "the batch stopped before it was built")
    return [results[i] for i in range(len(show_files))], interrupted


def _pool(jobs: int, log_level: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context("spawn"),  # no fork of a process with threads
        initializer=_start_process,
        initargs=(log_level,),
    )


def _collect(
    future: Future[ShowResult],
    index: int,
    done: Callable[[int, ShowResult], None],
    died: list[int],
) -> None:
    try:
        done(index, future.result())
    except BrokenProcessPool:
        died.append(index)


class _Stop:
    """Ctrl-C and SIGTERM while the pool works: the first lets the builds running finish
    and starts no more; the next stops those too (SIGTERM to the pool's processes, where
    each build unwinds). Counted here rather than raised, so that nothing is interrupted
    half-way inside the pool's own machinery."""

    def __init__(self) -> None:
        self.asked = 0

    def __call__(self, signum: int, frame: Any) -> None:
        self.asked += 1
        if self.asked == 1:
            log.warning("stopping: the shows being built finish (Ctrl-C again stops them)")
            return
        for process in multiprocessing.active_children():
            process.terminate()

    @contextlib.contextmanager
    def installed(self) -> Iterator[None]:
        before = {sig: signal.signal(sig, self) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            yield
        finally:
            for sig, handler in before.items():
                signal.signal(sig, handler)


def _start_process(log_level: int) -> None:
    """In each pool process: the batch's Ctrl-C is the parent's to handle (the build goes
    on); SIGTERM stops the build cleanly, as Ctrl-C stops `briefing build`."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _raise_interrupt)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    logging.getLogger("briefing").setLevel(log_level)


def _raise_interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _out_of_time(signum: int, frame: Any) -> None:
    raise ShowTimedOut


def _build(show_file: Path, day: dt.date, limit_s: float) -> ShowResult:
    """One show in a pool process: tried again while its failure is transient, stopped at
    its time limit."""
    started = time.monotonic()
    result: ShowResult | None = None
    tries = 1
    signal.signal(signal.SIGALRM, _out_of_time)
    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, limit_s)
            while True:
                result = run_show(show_file, day, limit_s=limit_s)
                if not result.transient or tries >= TRIES:
                    break
                pause = retry_delay(tries, RETRY_FIRST_S)
                log.warning("%s: %s; trying again in %.0f s", result.show, result.note, pause)
                time.sleep(pause)
                tries += 1
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except ShowTimedOut:  # between tries, or just as the build ended: what it got stands
        if result is None:
            result = unfinished(show_file, day, TIMED_OUT, timed_out_note(limit_s))
    keep_voices_loaded()
    seconds = round(time.monotonic() - started, 1)
    return ShowResult.from_dict({**result.to_dict(), "tries": tries, "seconds": seconds})
