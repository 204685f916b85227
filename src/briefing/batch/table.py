"""The table `briefing batch` prints: a row per show, in the order the shows were given.

Plain columns separated by two spaces, so that it reads on a terminal and splits with
`awk -F '  +'`; the note is last because it is the long one.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from briefing.batch.jobs import ShowResult

COLUMNS = ("show", "episode", "audio", "seconds", "status", "note")


def format_table(results: Sequence[ShowResult]) -> str:
    """The results as aligned text, a header line first, then a summary line."""
    rows = [COLUMNS] + [_row(r) for r in results]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS) - 1)]
    right = {2, 3}  # figures
    lines = []
    for row in rows:
        cells = [
            cell.rjust(width) if i in right else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=False))
        ]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    lines.append(summary(results))
    return "\n".join(lines)


def summary(results: Sequence[ShowResult]) -> str:
    """ "6 shows: 5 made, 1 already made" and so on, statuses in the order first met."""
    counts: dict[str, int] = {}
    for result in results:
        counts[result.status] = counts.get(result.status, 0) + 1
    parts = ", ".join(f"{n} {status}" for status, n in counts.items())
    noun = "show" if len(results) == 1 else "shows"
    return f"{len(results)} {noun}: {parts}" if results else "no shows"


def _row(result: ShowResult) -> tuple[str, ...]:
    return (
        result.show,
        Path(result.episode).name if result.episode else "-",
        _minutes(result.audio_s),
        f"{result.seconds:.1f}",
        result.status,
        _note(result),
    )


def _minutes(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def _note(result: ShowResult) -> str:
    note = result.note
    if result.tries > 1:
        note = f"{note} (after {result.tries} tries)" if note else f"{result.tries} tries"
    more = len(result.notes) - 1
    if result.ok and more > 0:
        note += f" (+{more} more)"
    return note
