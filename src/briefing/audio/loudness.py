"""Loudness: every episode at the level podcast apps expect, measured, set, and checked.

Targets (Apple's podcast requirements, AES TD1004): -19 LUFS integrated for mono, -16 for
stereo (the same loudness: BS.1770 counts both channels of dual mono), true peak at most
-1 dBTP. Two passes: ffmpeg's ebur128 measures (a quarter of the cost of loudnorm's own
first pass), then loudnorm applies one constant gain (linear mode) with the measured values.
loudnorm silently falls back to dynamic mode when that gain would push the true peak over
the limit, so:

- when the measured peak leaves no room for the gain, a look-ahead limiter (alimiter) goes
  first, and the programme is measured again through it, lowering the limit until the
  gain fits under the peak target, so linear mode can run;
- the mode that actually ran is read from the second pass's report, never assumed.

The true peak is aimed at -1.5 dBTP because MP3 encoding overshoots. The encoded file is
measured again, independently, with ffmpeg's ebur128 (`measure_file`).
"""

from __future__ import annotations

import json
import logging
import math
import re
from dataclasses import dataclass
from pathlib import Path

from briefing.audio.ffmpeg import run_ffmpeg
from briefing.errors import AudioError

log = logging.getLogger(__name__)

MONO_TARGET_LUFS = -19.0
STEREO_TARGET_LUFS = -16.0
TRUE_PEAK_TARGET = -1.5
"""Where the true peak is aimed; the limit is -1 dBTP, MP3 encoding adds a little."""
LOUDNESS_RANGE = 11.0
_LIMITER_MARGIN_DB = 1.0
"""Extra room below the needed peak: the limiter works on sample peaks, and true peaks
between samples come out a little higher."""


@dataclass(frozen=True)
class Loudness:
    integrated_lufs: float
    true_peak_dbtp: float
    lra: float = 0.0
    threshold: float = -70.0


@dataclass(frozen=True)
class Normalized:
    """PCM at the output rate and layout, and how it got there."""

    pcm: bytes
    sample_rate: int
    channels: int
    before: Loudness
    after: Loudness
    mode: str
    """"linear" (one constant gain) or "dynamic" (loudnorm's fallback), as loudnorm reported."""
    limited: bool
    """Whether a limiter went first to make room for linear mode."""


def _input(sample_rate: int, channels: int) -> list[str]:
    return ["-f", "s16le", "-ar", str(sample_rate), "-ac", str(channels), "-i", "pipe:0"]


def _report(stderr: str) -> dict[str, str]:
    """The JSON block loudnorm prints at the end of its run."""
    found = re.search(r"\{[^{}]*\"input_i\"[^{}]*\}", stderr, re.DOTALL)
    if not found:
        raise AudioError("ffmpeg's loudnorm printed no measurement")
    return json.loads(found.group(0))


def _number(value: str) -> float:
    number = float(value)
    return number if math.isfinite(number) else -70.0


def _loudnorm(target: float, measured: Loudness) -> str:
    return (
        f"loudnorm=I={target}:TP={TRUE_PEAK_TARGET}:LRA={LOUDNESS_RANGE}:print_format=json"
        f":measured_I={measured.integrated_lufs}:measured_TP={measured.true_peak_dbtp}"
        f":measured_LRA={measured.lra}:measured_thresh={measured.threshold}:linear=true"
    )


def _measure(pcm: bytes, sample_rate: int, channels: int, chain: list[str]) -> Loudness:
    """The programme's loudness through `chain`, by ebur128 (a quarter of loudnorm's cost)."""
    _, stderr = run_ffmpeg(
        [
            "-nostats",
            *_input(sample_rate, channels),
            "-af",
            ",".join([*chain, "ebur128=peak=true"]),
            "-f",
            "null",
            "-",
        ],
        input=pcm,
        loglevel="info",
    )
    return _summary(stderr, "the programme")


def _summary(stderr: str, what: str) -> Loudness:
    """Parse the summary ebur128 prints at the end of a run."""
    summary = stderr[stderr.rfind("Summary:") :]
    values = {}
    for name, pattern in (
        ("i", r"I:\s+(-?[\d.]+|-?inf|nan) LUFS"),
        ("thresh", r"Integrated loudness:.*?Threshold:\s+(-?[\d.]+|-?inf|nan) LUFS"),
        ("lra", r"LRA:\s+(-?[\d.]+|-?inf|nan) LU"),
        ("tp", r"Peak:\s+(-?[\d.]+|-?inf|nan) dBFS"),
    ):
        found = re.search(pattern, summary, re.DOTALL)
        if not found:
            raise AudioError(f"ffmpeg's ebur128 gave no loudness summary for {what}")
        values[name] = _number(found.group(1))
    return Loudness(values["i"], values["tp"], values["lra"], values["thresh"])


def normalize_loudness(
    pcm: bytes, sample_rate: int, channels: int = 1, out_rate: int = 44100, stereo: bool = False
) -> Normalized:
    """`pcm` (signed 16-bit) at the podcast loudness target, resampled to `out_rate`, mono or
    (with `stereo`) the same voice on both channels."""
    chain = ["pan=stereo|c0=c0|c1=c0"] if stereo and channels == 1 else []
    target = STEREO_TARGET_LUFS if stereo else MONO_TARGET_LUFS
    base_chain = chain
    before = _measure(pcm, sample_rate, channels, chain)
    limited = False
    limit_db = 0.0
    for _ in range(6):  # the limiter lowers loudness too, so the gain needed grows: settle it
        excess = before.true_peak_dbtp + (target - before.integrated_lufs) - TRUE_PEAK_TARGET
        if excess <= 0:
            break
        limit_db = min(limit_db, before.true_peak_dbtp) - excess - _LIMITER_MARGIN_DB
        limit = min(1.0, max(0.0625, 10 ** (limit_db / 20)))
        chain = [*base_chain, f"alimiter=limit={limit:.5f}:attack=5:release=50:level=false"]
        limited = True
        before = _measure(pcm, sample_rate, channels, chain)
    out_channels = 2 if stereo else 1
    filters = ",".join([*chain, _loudnorm(target, before), f"aresample={out_rate}"])
    out, stderr = run_ffmpeg(
        [
            *_input(sample_rate, channels),
            "-af",
            filters,
            "-f",
            "s16le",
            "-ar",
            str(out_rate),
            "-ac",
            str(out_channels),
            "pipe:1",
        ],
        input=pcm,
        loglevel="info",
    )
    report = _report(stderr)
    mode = report.get("normalization_type", "unknown")
    if mode != "linear":
        log.warning(
            "loudness: loudnorm ran in %s mode, not linear; the level is right but "
            "its dynamics were changed",
            mode,
        )
    after = Loudness(_number(report["output_i"]), _number(report["output_tp"]))
    log.info(
        "loudness: %.1f LUFS, peak %.1f dBTP → %.1f LUFS, peak %.1f dBTP (%s%s)",
        before.integrated_lufs,
        before.true_peak_dbtp,
        after.integrated_lufs,
        after.true_peak_dbtp,
        mode,
        ", limited" if limited else "",
    )
    return Normalized(out, out_rate, out_channels, before, after, mode, limited)


def measure_file(path: Path) -> Loudness:
    """Integrated loudness and true peak of an audio file, by ffmpeg's ebur128 filter:
    an independent measurement from the one that set the gain."""
    _, stderr = run_ffmpeg(
        ["-nostats", "-i", str(path), "-af", "ebur128=peak=true", "-f", "null", "-"],
        loglevel="info",
    )
    return _summary(stderr, str(path))
