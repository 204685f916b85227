"""Shared fixtures: the sample page, a real ffmpeg, and one real episode built once per run."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
LONDON = ROOT / "examples" / "london-daily.txt"
TINY = DATA / "tiny-page.txt"

ENCODER_DELAY_MS = 1105 / 44.1
"""ffmpeg shifts ID3 chapter times back by the MP3's encoder delay (25 ms) when it reads them."""


def ffmetadata_chapters(ffmpeg: str, path: Path) -> list[tuple[int, int, str]]:
    """Chapters (start ms, end ms, title) as ffmpeg's own ID3 reader lists them, in file order."""
    out = subprocess.run(
        [ffmpeg, "-v", "error", "-i", str(path), "-f", "ffmetadata", "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = []
    for block in out.split("[CHAPTER]")[1:]:
        fields = dict(re.findall(r"^(START|END|title)=(.*)$", block, re.MULTILINE))
        found.append((int(fields["START"]), int(fields["END"]), fields.get("title", "")))
    return found


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


def run_cli(
    *args: str | os.PathLike[str], env: dict[str, str] | None = None, cwd: Path | None = None
) -> Run:
    """Run the real `briefing` CLI in a child process, as a user would."""
    done = subprocess.run(
        [sys.executable, "-m", "briefing", *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        timeout=600,
    )
    return Run(done.returncode, done.stdout, done.stderr)


@pytest.fixture(scope="session")
def ffmpeg() -> str:
    from briefing.audio import find_ffmpeg

    return find_ffmpeg()


@pytest.fixture(scope="session")
def london_episode(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Run]:
    """The London Daily episode (lead + headlines 1-5), built once with real Piper and ffmpeg."""
    out = tmp_path_factory.mktemp("episodes")
    run = run_cli("build", LONDON, "-H", "1-5", "-o", out)
    assert run.code == 0, run.stderr
    return Path(run.stdout.strip()), run
