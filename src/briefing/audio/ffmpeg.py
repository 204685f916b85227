"""Finding ffmpeg: explicitly, when first needed, never at import time."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from functools import lru_cache

from briefing.errors import AudioError

ENV_VAR = "BRIEFING_FFMPEG"


@lru_cache(maxsize=1)
def find_ffmpeg() -> str:
    """Path of a working ffmpeg: $BRIEFING_FFMPEG, else the system's, else imageio-ffmpeg's.

    Raises `AudioError` if none is found or the one found does not run.
    """
    candidate = os.environ.get(ENV_VAR) or shutil.which("ffmpeg")
    if not candidate:
        try:
            import imageio_ffmpeg

            candidate = imageio_ffmpeg.get_ffmpeg_exe()
        except (ImportError, RuntimeError):
            candidate = None
    if not candidate:
        raise AudioError("ffmpeg was not found")
    try:
        subprocess.run(
            [candidate, "-hide_banner", "-version"], capture_output=True, check=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise AudioError(f"ffmpeg at {candidate} does not run: {exc}") from None
    return candidate


@lru_cache(maxsize=16)
def filter_has_option(name: str, option: str) -> bool:
    """Whether this ffmpeg's filter `name` takes `option` (alimiter's `latency` came in
    ffmpeg 5; Ubuntu 22.04 still ships 4.4)."""
    try:
        out, _ = run_ffmpeg(["-h", f"filter={name}"], loglevel="error")
    except AudioError:
        return False
    return (
        re.search(rf"^\s+{re.escape(option)}\s", out.decode("utf-8", "replace"), re.M) is not None
    )


def run_ffmpeg(
    args: list[str], *, input: bytes | None = None, timeout: float = 600, loglevel: str = "error"
) -> tuple[bytes, str]:
    """Run ffmpeg with `args`; return its stdout and its stderr. `AudioError` on failure."""
    command = [find_ffmpeg(), "-hide_banner", "-nostdin", "-loglevel", loglevel, *args]
    try:
        done = subprocess.run(
            command, input=input, capture_output=True, timeout=timeout, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise AudioError(f"ffmpeg could not run: {exc}") from None
    if done.returncode != 0:
        stderr = done.stderr.decode("utf-8", "replace").strip()
        last = stderr.splitlines()[-1] if stderr else f"exit status {done.returncode}"
        raise AudioError(f"ffmpeg failed: {last}")
    return done.stdout, done.stderr.decode("utf-8", "replace")


def decode_to_pcm(
    data: bytes, sample_rate: int, channels: int = 1, fmt: str | None = "mp3"
) -> bytes:
    """Decode compressed audio (an MP3 from gTTS, say) to signed 16-bit PCM at `sample_rate`.

    ffmpeg resamples as it decodes, with its own resampler, so no second pass is needed.
    """
    source = ["-f", fmt] if fmt else []  # None: let ffmpeg tell the format from the data
    args = [*source, "-i", "pipe:0", "-f", "s16le", "-ac", str(channels), "-ar", str(sample_rate)]
    pcm, _ = run_ffmpeg([*args, "pipe:1"], input=data)
    return pcm
