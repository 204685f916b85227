"""One show's day as a batch job: what `briefing daily` does, reported as a `ShowResult`.

A job is idempotent. The show and the date decide the episode's file; the show's lock in
its output directory (`locks.building`) decides who builds it; a job that finds the
episode made for that date only publishes again and says "already made". So a job run
twice, by a worker that died and another that took its task over, or by two batches for
the same morning, makes one episode.

Failures are results, not exceptions: a show's own error (a broken show file, a page with
no article) is `failed` with the one line `briefing daily` would print; one a later try may
not meet (a site or gTTS not answering) is marked `transient`, for the caller to retry.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from briefing.config import load_show
from briefing.errors import BriefingError, InputError, OutputError, SpeechError
from briefing.files import ensure_writable_dir, slug

log = logging.getLogger(__name__)

MADE = "made"
ALREADY_MADE = "already made"
FAILED = "failed"
TIMED_OUT = "timed out"
STOPPED = "stopped"
NOT_STARTED = "not started"
SUCCESSES = (MADE, ALREADY_MADE)
DEFAULT_LIMIT_S = 600.0
"""A show still building after this long is stopped: ten times what a ten-minute edition
takes on two cores, three times an hour-long one."""

_TRANSIENT = re.compile(
    r"cannot connect|no answer within|cannot resolve the host name|HTTP (?:429|5\d\d)"
    r"|gTTS failed after|connection (?:reset|refused|closed)",
    re.IGNORECASE,
)
"""What fetching, gTTS and remote publishing say when the other side did not answer, or
answered "later" (429, 5xx): a later try may succeed. A missing file, a 404 or a broken
show file will not, and is never retried."""


class ShowTimedOut(BaseException):
    """Raised in a job that ran past its time limit (a BaseException, like Ctrl-C, so that
    nothing on the way catches it: every stage unwinds and removes its temp files)."""


@dataclass(frozen=True)
class ShowResult:
    """How one show's day went: a row of the batch's table."""

    show: str
    """The show's name, else its file's name."""
    file: str
    """The show file."""
    date: str
    status: str
    """made, already made, failed, timed out, stopped (interrupted) or not started."""
    episode: str = ""
    """The episode's MP3, when there is one."""
    audio_s: float | None = None
    seconds: float = 0.0
    """How long the job took, waiting for another build of the show included."""
    note: str = ""
    """Why it failed (one line, with what to do), or what `daily` noted."""
    notes: tuple[str, ...] = field(default=())
    transient: bool = False
    """A failure a later try may not meet."""
    tries: int = 1

    @property
    def ok(self) -> bool:
        return self.status in SUCCESSES

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ShowResult:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["notes"] = tuple(known.get("notes", ()))
        return cls(**known)

    def log_line(self) -> str:
        """The worker's line for this job: show, date, seconds, result."""
        what = f"{self.status}: {self.note}" if self.note else self.status
        if self.ok and self.episode:
            audio = f", {self.audio_s:.1f} s of audio" if self.audio_s is not None else ""
            what = f"{self.status}: {self.episode}{audio}"
        if self.tries > 1:
            what += f" (after {self.tries} tries)"
        return f"{self.show} {self.date} {self.seconds:.1f} s {what}"


def unfinished(show_file: Path, day: dt.date, status: str, note: str) -> ShowResult:
    """The row of a show that was not built (not started, stopped, still running)."""
    try:
        name = load_show(show_file).name or show_file.stem
    except BriefingError:
        name = show_file.stem
    return ShowResult(name, str(show_file), day.isoformat(), status, note=note)


def show_key(show_file: Path, name: str | None) -> str:
    """What a show's lock is named after: its name (which names its episodes), else its
    file's name."""
    return slug(name or show_file.stem, fallback="show")


def run_show(
    show_file: Path,
    day: dt.date,
    timeouts: tuple[type[BaseException], ...] = (ShowTimedOut,),
    limit_s: float | None = None,
) -> ShowResult:
    """Make `show_file`'s episode for `day` and publish it, as `briefing daily` does, unless
    it is made already. Never raises for a show's failure; `timeouts` are the exceptions
    that mean its time (`limit_s`) ran out."""
    from briefing.daily import run_daily

    started = time.monotonic()
    name = show_file.stem

    def result(status: str, **fields: Any) -> ShowResult:
        seconds = round(time.monotonic() - started, 1)
        return ShowResult(name, str(show_file), day.isoformat(), status, seconds=seconds, **fields)

    try:
        show = load_show(show_file)
        name = show.name or name
        output_dir = ensure_writable_dir(Path(show.resolve(show.output_dir) or "output"))

        def waiting() -> None:
            log.info("%s: waiting for another build of it to finish", name)

        from briefing.batch.locks import building

        with building(output_dir, show_key(show_file, show.name), waiting):
            made_before = {p.name for p in output_dir.glob("*.json")}
            episode, notes = run_daily(show, day)
        metadata = episode.with_suffix(".json")
        status = ALREADY_MADE if metadata.name in made_before else MADE
        said = tuple(n.text for n in notes if "is already made for" not in n.text)
        return result(
            status,
            episode=str(episode.resolve()),
            audio_s=_duration(metadata),
            note=said[0] if said else "",
            notes=said,
        )
    except timeouts:
        return result(TIMED_OUT, note=timed_out_note(limit_s))
    except BriefingError as exc:
        return result(FAILED, note=exc.one_line(), transient=is_transient(exc))
    except KeyboardInterrupt:
        return result(STOPPED, note="interrupted; nothing of it was written")
    except Exception as exc:  # a bug in one show must not stop the others
        log.exception("%s: unexpected error", name)
        return result(FAILED, note=f"a bug: {type(exc).__name__}: {exc} (please report it)")


def first_builds(show_files: Sequence[Path]) -> dict[int, int]:
    """Shows to hold back: each show sharing a source (its lead, a feed, `headlines_from`)
    with an earlier one, mapped to the first show of its group, which is built first.

    Two builds started together speak what they share twice (each finds it missing from
    the cache when it starts); built after the first, the others find it there. Shows
    sharing nothing all start at once. A show file that cannot be read shares nothing."""
    first: dict[int, int] = {}
    owner: dict[str, int] = {}
    for index, path in enumerate(show_files):
        try:
            show = load_show(path)
        except BriefingError:
            continue
        named = [show.lead, *show.feeds, show.headlines_from]
        sources = {show.resolve(source) for source in named if source}
        leaders = {first.get(owner[s], owner[s]) for s in sources if s in owner}
        if leaders:
            first[index] = min(leaders)
        for source in sources:
            owner.setdefault(source, index)
    return first


def timed_out_note(limit_s: float | None) -> str:
    after = f"after {limit_s:g} s" if limit_s else "at its time limit"
    return (
        f"stopped {after}, leaving nothing half-written and the previous episode as it was "
        "(give it longer: --timeout, or briefing worker --time-limit)"
    )


def is_transient(exc: BriefingError) -> bool:
    """Whether a later try may succeed where this one failed."""
    return isinstance(exc, InputError | SpeechError | OutputError) and bool(
        _TRANSIENT.search(exc.message)
    )


def retry_delay(tries: int, first_s: float) -> float:
    """Seconds to wait before the next try after `tries` failed ones: doubling each time."""
    return first_s * 2 ** (tries - 1)


def _duration(metadata: Path) -> float | None:
    try:
        return float(json.loads(metadata.read_text(encoding="utf-8"))["duration_s"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


KEPT_VOICES = 4
"""Voices a worker process keeps loaded at most (each is 60-120 MB); the first kept goes
first when a fifth comes."""
_held: dict[Any, Any] = {}


def keep_voices_loaded() -> None:
    """Keep the Piper voices this process has open for its next episodes.

    A one-off build lets go of its voice when it ends (engines/piper.py holds open voices
    weakly); a worker building one show after another holds them here instead, so only
    its first episode with a voice pays for loading it."""
    from briefing.engines.piper import open_voices

    for key, voice in open_voices().items():
        _held.setdefault(key, voice)
    while len(_held) > KEPT_VOICES:
        del _held[next(iter(_held))]
