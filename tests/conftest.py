"""Shared fixtures: the sample page, a real ffmpeg, and one real episode built once per run."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .gtts_standin import StandIn

if TYPE_CHECKING:
    from briefing.engines.piper import PiperSettings

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
LONDON = ROOT / "examples" / "london-daily.txt"
TINY = DATA / "tiny-page.txt"

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--autoplay-policy=no-user-gesture-required",
]
"""Headless Chromium that asks nothing of the network and may play without a gesture."""

ENCODER_DELAY_MS = 1105 / 44.1
"""ffmpeg shifts ID3 chapter times back by the MP3's encoder delay (25 ms) when it reads them."""


def joe() -> PiperSettings:
    """The shipped voice's Piper settings."""
    from briefing.engines.piper import PiperSettings
    from briefing.engines.voices import load_voice

    settings = load_voice("joe").settings
    assert isinstance(settings, PiperSettings)
    return settings


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


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file in `directory` with its bytes (a published episode, its sidecars, the feed),
    leaving out the directory's lock file."""
    return {
        p.name: p.read_bytes() for p in sorted(directory.iterdir()) if p.name != ".briefing.lock"
    }


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


@pytest.fixture(scope="session", autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Keep the user's own config, voices and speech cache out of every test (and theirs
    out of ours): XDG directories point into a temp dir, and no proxy is inherited."""
    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CONFIG_HOME", str(home / "config"))
        mp.setenv("XDG_CACHE_HOME", str(home / "cache"))
        for name in (
            "BRIEFING_CACHE_DIR",
            "BRIEFING_CACHE_MAX_MB",
            "BRIEFING_FFMPEG",
            "REQUESTS_CA_BUNDLE",
        ):
            mp.delenv(name, raising=False)
        for name in (
            "HTTPS_PROXY",
            "https_proxy",
            "HTTP_PROXY",
            "http_proxy",
            "ALL_PROXY",
            "all_proxy",
        ):
            mp.delenv(name, raising=False)
        yield home


@pytest.fixture
def user_voices(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty user voices directory (~/.config/briefing/voices) for this test."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    voices = tmp_path / "config" / "briefing" / "voices"
    voices.mkdir(parents=True)
    return voices


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty speech cache for this test."""
    directory = tmp_path / "speech-cache"
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(directory))
    return directory


@pytest.fixture
def standin(ffmpeg: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[StandIn]:
    """The gTTS endpoint stand-in, reached through $HTTPS_PROXY as Google is reached, with
    its certificate authority trusted through $REQUESTS_CA_BUNDLE."""
    server = StandIn(ffmpeg)
    monkeypatch.setenv("HTTPS_PROXY", server.start())
    bundle = tmp_path / "standin-ca.pem"
    bundle.write_bytes(server.ca_pem)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(bundle))
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def ffmpeg() -> str:
    from briefing.audio import find_ffmpeg

    return find_ffmpeg()


@pytest.fixture(scope="session")
def london_episode(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Run]:
    """The London Daily episode (lead + headlines 1-5), built once with real Piper and ffmpeg."""
    out = tmp_path_factory.mktemp("episodes")
    cache = tmp_path_factory.mktemp("london-cache")  # its own: nothing spoken before it counts
    run = run_cli(
        "build",
        LONDON,
        "-H",
        "1-5",
        "--keep-duplicates",
        "-o",
        out,
        env={"BRIEFING_CACHE_DIR": str(cache)},
    )
    assert run.code == 0, run.stderr
    return Path(run.stdout.strip()), run
