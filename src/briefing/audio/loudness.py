"""Loudness: every episode at the level podcast apps expect, set in one pass and checked.

Targets (Apple's podcast requirements, AES TD1004): -19 LUFS integrated for mono, -16 for
stereo (the same loudness: BS.1770 counts both channels of dual mono), true peak at most
-1 dBTP.

The level is one constant gain (what loudnorm's linear mode applies, without its silent
fallback to dynamic mode), then a look-ahead limiter (alimiter) whose ceiling keeps the
true peak under the limit; the chain runs inside the encoder (`encode.encode_mp3`):

1. `find_levelling` measures the programme file's integrated loudness and sample peak with
   ffmpeg's ebur128 filter (no true-peak oversampling, its costliest part), and beside it,
   on the other core, the loudness through the chain at a first candidate gain.
2. If the gain leaves every peak under the ceiling, that is all. If not, the limiter will
   take a little loudness away, so the gain that lands on the target through the limiter
   is interpolated between measured points (or stepped towards, measuring again).
3. The encoded MP3 is measured again, independently, as it is written (true peak
   included), and `correction` says how to encode again in the rare case it is off target.

The true peak is aimed at -1.5 dBTP (the limiter's ceiling is lower still, because it
works on samples), as MP3 encoding overshoots a little.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import math
import re
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from briefing.audio.assemble import Assembly
from briefing.audio.ffmpeg import filter_has_option, find_ffmpeg, run_ffmpeg
from briefing.errors import AudioError

log = logging.getLogger(__name__)

MONO_TARGET_LUFS = -19.0
STEREO_TARGET_LUFS = -16.0
TRUE_PEAK_LIMIT = -1.0
TRUE_PEAK_TARGET = -1.5
"""Where the true peak is aimed; the limit is -1 dBTP, MP3 encoding adds a little."""
LIMITER_MARGIN_DB = 1.0
"""The limiter's ceiling sits this far below the true-peak target: it works on sample
peaks, and true peaks between samples come out a little higher."""
TOLERANCE_LU = 0.1
"""How close to the target the search for a gain through the limiter must land."""
RECHECK_LU = 0.5
"""How far off target the encoded MP3 may measure before it is encoded again."""
MAX_GAIN_DB = 30.0
EXPECTED_LIMITER_LOSS_LU = 1.0
"""About what the limiter takes from speech brought up to the target (London Daily: 0.95
LU); where the first candidate gain goes, above the gain that ignores the limiter."""
_VERSION = 2
"""Part of the key of remembered levellings: bump it when what one means changes (the chain
it is applied through, what it aims at)."""


@dataclass(frozen=True)
class Loudness:
    integrated_lufs: float
    true_peak_dbtp: float
    """The true peak, or the sample peak where only that was measured."""
    lra: float = 0.0
    threshold: float = -70.0


@dataclass(frozen=True)
class Levelling:
    """How a programme is brought to the target: a gain, then a limiter's ceiling."""

    gain_db: float
    ceiling_db: float
    """The limiter's ceiling, in dBFS (sample peak)."""
    input_lufs: float
    input_peak_db: float
    """The programme's sample peak before the gain."""
    expected_lufs: float
    """The loudness measured (or, with no limiting, known) through the chain."""
    limited: bool
    """Whether the limiter has peaks to work on."""

    def filters(self, stereo: bool) -> list[str]:
        """The ffmpeg filter chain that applies it (dual mono first, with `stereo`)."""
        return [*_layout(stereo), *_gain_chain(self.gain_db, self.ceiling_db)]

    def describe(self) -> str:
        """One line for the log, ending in the mode: "(linear)" or "(linear, limited)"."""
        mode = "linear, limited" if self.limited else "linear"
        return (
            f"{self.input_lufs:.1f} LUFS, peak {self.input_peak_db:.1f} dBFS → gain "
            f"{self.gain_db:+.2f} dB → {self.expected_lufs:.1f} LUFS ({mode})"
        )

    def to_note(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_note(cls, note: dict[str, Any]) -> Levelling | None:
        try:
            return cls(
                gain_db=float(note["gain_db"]),
                ceiling_db=float(note["ceiling_db"]),
                input_lufs=float(note["input_lufs"]),
                input_peak_db=float(note["input_peak_db"]),
                expected_lufs=float(note["expected_lufs"]),
                limited=bool(note["limited"]),
            )
        except (KeyError, TypeError, ValueError):
            return None


def target_lufs(stereo: bool) -> float:
    return STEREO_TARGET_LUFS if stereo else MONO_TARGET_LUFS


def _layout(stereo: bool) -> list[str]:
    return ["pan=stereo|c0=c0|c1=c0"] if stereo else []


def _gain_chain(gain_db: float, ceiling_db: float) -> list[str]:
    limit = min(1.0, max(0.0625, 10 ** (ceiling_db / 20)))
    # latency=true takes out the look-ahead's 5 ms delay, keeping chapters to the sample;
    # an ffmpeg older than 5 lacks it, and the programme then starts 5 ms late.
    latency = ":latency=true" if filter_has_option("alimiter", "latency") else ""
    return [
        f"volume={gain_db:.3f}dB",
        f"alimiter=limit={limit:.5f}:attack=5:release=50:level=false{latency}",
    ]


def levelling_key(programme: Assembly, stereo: bool) -> str:
    """What a remembered levelling is filed under: the programme's exact audio and format,
    the layout and targets, and the version of this procedure."""
    digest = hashlib.blake2b()
    with programme.path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    fmt = programme.format
    settings = f"{_VERSION}:{fmt.sample_rate}:{fmt.channels}:{fmt.sample_width}:{stereo}"
    settings += f":{target_lufs(stereo)}:{TRUE_PEAK_TARGET}:{LIMITER_MARGIN_DB}"
    return hashlib.sha256(f"levelling:{settings}:{digest.hexdigest()}".encode()).hexdigest()


def find_levelling(programme: Assembly, stereo: bool = False) -> Levelling:
    """The gain and limiter that bring `programme` to the target loudness."""
    target = target_lufs(stereo)
    ceiling = TRUE_PEAK_TARGET - LIMITER_MARGIN_DB

    def chain(g: float) -> list[str]:
        return [*_layout(stereo), *_gain_chain(g, ceiling)]

    # The programme is measured, and beside it (one per core) a first candidate gain,
    # placed where a rough estimate says the limiter will have taken its share.
    guess = target - rough_loudness(programme, stereo) + EXPECTED_LIMITER_LOSS_LU
    guess = min(MAX_GAIN_DB, max(-MAX_GAIN_DB, guess))
    before, through = _measure_all(programme, [_layout(stereo), chain(guess)])
    if before.integrated_lufs <= -70.0:  # silence: nothing to level
        return Levelling(0.0, ceiling, before.integrated_lufs, before.true_peak_dbtp, -70.0, False)
    gain = min(MAX_GAIN_DB, max(-MAX_GAIN_DB, target - before.integrated_lufs))
    if before.true_peak_dbtp + gain <= ceiling:
        return Levelling(
            gain,
            ceiling,
            before.integrated_lufs,
            before.true_peak_dbtp,
            before.integrated_lufs + gain,
            False,
        )

    # Up to the gain that brings the highest peak to the ceiling the limiter does nothing
    # (loudness rises with the gain); beyond it, it takes loudness away, the more the harder
    # it works. Where two measured gains bracket the target, the curve between them is
    # near enough a line; otherwise a secant step is measured (the MP3 is checked anyway).
    onset = ceiling - before.true_peak_dbtp
    points = [(onset, before.integrated_lufs + onset), (guess, through.integrated_lufs)]
    for _ in range(4):
        (g1, i1), (g2, i2) = sorted(points[-2:])
        if i1 <= target <= i2:
            g = g1 + (target - i1) * (g2 - g1) / (i2 - i1) if i2 > i1 else g1
            points.append((g, target))
            break
        best = min(points, key=lambda p: abs(p[1] - target))
        if abs(best[1] - target) <= TOLERANCE_LU:
            break
        (g1, i1), (g2, i2) = points[-2:]
        step = (target - i2) * ((g2 - g1) / (i2 - i1) if abs(i2 - i1) > 1e-3 else 1.0)
        g = min(gain + 24.0, max(gain, g2 + step))
        (measured,) = _measure_all(programme, [chain(g)])
        points.append((g, measured.integrated_lufs))
    g, expected = min(points, key=lambda p: abs(p[1] - target))
    return Levelling(g, ceiling, before.integrated_lufs, before.true_peak_dbtp, expected, True)


def rough_loudness(programme: Assembly, stereo: bool = False) -> float:
    """A quick estimate of the programme's loudness, only to place the first candidate gain:
    BS.1770's gating on 400 ms blocks, without its K-weighting filter (within about half a
    dB for speech). Read in slices, so memory stays small for any length."""
    fmt = programme.format
    block = round(0.4 * fmt.sample_rate) * fmt.channels
    energies: list[np.ndarray] = []
    with programme.path.open("rb") as handle:
        while data := handle.read(2 * block * 256):
            samples = np.frombuffer(data[: len(data) // (2 * block) * 2 * block], dtype="<i2")
            squares = (samples.astype(np.float64) / 32768) ** 2
            energies.append(squares.reshape(-1, block).mean(axis=1))
    blocks = np.concatenate(energies) if energies else np.zeros(0)
    blocks = blocks[blocks > 10 ** (-7)]  # the absolute gate, -70 LUFS
    if not len(blocks):
        return -70.0
    blocks = blocks[blocks >= blocks.mean() / 10]  # the relative gate, -10 LU
    dual_mono = 10 * math.log10(2) if stereo else 0.0
    return float(10 * math.log10(blocks.mean()) - 0.691 + dual_mono)


def correction(levelling: Levelling, measured: Loudness, stereo: bool) -> Levelling | None:
    """A better levelling if the encoded episode measured off target, else None."""
    target = target_lufs(stereo)
    fixed = levelling
    if measured.true_peak_dbtp > TRUE_PEAK_LIMIT:
        fixed = replace(
            fixed,
            ceiling_db=fixed.ceiling_db - (measured.true_peak_dbtp - TRUE_PEAK_TARGET),
            limited=True,
        )
    if abs(measured.integrated_lufs - target) > RECHECK_LU and measured.integrated_lufs > -70:
        fixed = replace(fixed, gain_db=fixed.gain_db + target - measured.integrated_lufs)
    return None if fixed == levelling else fixed


def _measure_all(programme: Assembly, chains: Sequence[list[str]]) -> list[Loudness]:
    """Loudness and sample peak of the programme through each chain, all at once (one ffmpeg
    each, reading the file side by side; each one's log goes to a file, so none waits for
    its pipe to be read while another is)."""
    with contextlib.ExitStack() as stack:
        logs = [stack.enter_context(tempfile.TemporaryFile()) for _ in chains]
        processes = [
            subprocess.Popen(
                [
                    find_ffmpeg(),
                    "-hide_banner",
                    "-nostdin",
                    "-nostats",
                    *programme.ffmpeg_input(),
                    "-af",
                    ",".join([*chain, ebur128("sample")]),
                    "-f",
                    "null",
                    "-",
                ],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
            for chain, log in zip(chains, logs, strict=True)
        ]
        try:
            results = []
            for process, log in zip(processes, logs, strict=True):
                process.wait(timeout=1800)
                log.seek(0)
                text = log.read().decode("utf-8", "replace")
                if process.returncode != 0:
                    last = text.strip().splitlines()[-1] if text.strip() else "no reason given"
                    raise AudioError(
                        f"ffmpeg could not measure the episode's loudness: {last[:200]}"
                    )
                results.append(summary(text, "the programme"))
            return results
        except subprocess.TimeoutExpired:
            raise AudioError("ffmpeg took too long to measure the episode's loudness") from None
        finally:
            for process in processes:
                if process.poll() is None:
                    process.kill()
                    process.wait()


def ebur128(peak: str) -> str:
    """ffmpeg's ebur128 filter measuring `peak` ("sample" or "true") that prints only its
    summary: the line per 100 ms it logs by default (570 KB for six minutes) goes to the
    verbose log, which is not shown."""
    return f"ebur128=peak={peak}:framelog=verbose"


def _number(value: str) -> float:
    number = float(value)
    return number if math.isfinite(number) else -70.0


def summary(stderr: str, what: str) -> Loudness:
    """Parse the summary ebur128 prints at the end of a run (its true or sample peak)."""
    text = stderr[stderr.rfind("Summary:") :]
    values = {}
    for name, pattern in (
        ("i", r"I:\s+(-?[\d.]+|-?inf|nan) LUFS"),
        ("thresh", r"Integrated loudness:.*?Threshold:\s+(-?[\d.]+|-?inf|nan) LUFS"),
        ("lra", r"LRA:\s+(-?[\d.]+|-?inf|nan) LU"),
        ("tp", r"Peak:\s+(-?[\d.]+|-?inf|nan) dBFS"),
    ):
        found = re.search(pattern, text, re.DOTALL)
        if not found:
            raise AudioError(f"ffmpeg's ebur128 gave no loudness summary for {what}")
        values[name] = _number(found.group(1))
    return Loudness(values["i"], values["tp"], values["lra"], values["thresh"])


def measure_file(path: Path) -> Loudness:
    """Integrated loudness and true peak of an audio file, by ffmpeg's ebur128 filter."""
    _, stderr = run_ffmpeg(
        ["-nostats", "-i", str(path), "-af", ebur128("true"), "-f", "null", "-"],
        loglevel="info",
    )
    return summary(stderr, str(path))
