"""The `briefing` command line: the only package that prints or exits.

group.py    the command group, its help, errors as one line and an exit code
options.py  options several commands share, and reading PAGE with them
console.py  log lines and the progress bar on stderr
episode.py  headlines, script, build, listen
feed.py     publish, daily, serve
batch.py    batch, worker
tools.py    cache, inspect
voices.py   voices, voices search, add, remove
"""

from __future__ import annotations

import signal
from typing import Any

from briefing.cli import batch, episode, feed, tools, voices  # noqa: F401  (each registers its commands)
from briefing.cli.group import cli
from briefing.heap import return_freed_memory

__all__ = ["cli", "main"]


def _raise_interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def main() -> None:
    """Entry point of the `briefing` console script."""
    signal.signal(signal.SIGTERM, _raise_interrupt)
    return_freed_memory()  # before any thread starts, so all share one heap
    cli(prog_name="briefing")
