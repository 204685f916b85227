"""What a command shows on stderr while it works: log lines, and a progress bar on a
terminal."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from briefing.synth import ProgressFn, SynthProgress


def configure_logging(verbose: bool, quiet: bool, interactive: bool) -> None:
    """Warnings always; progress lines when stderr is not a terminal (a bar when it is);
    every segment with --verbose; only warnings and errors with --quiet."""
    if verbose:
        level = logging.DEBUG
    elif quiet or interactive:
        level = logging.WARNING
    else:
        level = logging.INFO
    handler = _StderrHandler()
    handler.setFormatter(_PlainFormatter())
    logger = logging.getLogger("briefing")
    logger.handlers[:] = [handler]
    logger.setLevel(level)
    logger.propagate = False


class _StderrHandler(logging.Handler):
    """Writes to whatever sys.stderr is at the time, so lines logged while the progress bar
    is showing are printed above it rather than through it."""

    def emit(self, record: logging.LogRecord) -> None:
        sys.stderr.write(self.format(record) + "\n")


class _PlainFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        return (
            message
            if record.levelno < logging.WARNING
            else f"{record.levelname.lower()}: {message}"
        )


def _progress_lines(state: SynthProgress) -> None:
    """Off a terminal: a line at each quarter of the sentences made."""
    made, to_make = state.done - state.cached, state.total - state.cached
    if to_make >= 8 and made and made < to_make and made * 4 // to_make > (made - 1) * 4 // to_make:
        logging.getLogger("briefing").info("speech: %d of %d sentences made", made, to_make)


@contextmanager
def progress_display(interactive: bool, quiet: bool) -> Iterator[ProgressFn | None]:
    """A bar on a terminal, plain lines otherwise, nothing with --quiet."""
    if quiet:
        yield None
        return
    if not interactive:
        yield _progress_lines
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    with Progress(
        TextColumn("speaking"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("({task.fields[cached]} cached)"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("speech", total=None, cached=0)

        def update(state: SynthProgress) -> None:
            bar.update(task, completed=state.done, total=state.total, cached=state.cached)

        yield update
