"""pocketsphinx as an independent aligner: where it hears words, matched in order with ours.

Shared by tests/test_word_accuracy.py and bench/word_timings.py (which puts the project's
root on ``sys.path`` for it; tests/test_word_timings.py still takes `sphinx_words` and
`start_differences` from there). pocketsphinx brings its own English acoustic and language
models; it is a test dependency.
"""

from __future__ import annotations

import difflib
import functools
import itertools
import re
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

SPHINX_RATE = 16_000
"""The sample rate pocketsphinx's English model expects."""
PIECE_GAP = 0.25
"""Seconds between two transcript words (a sentence's gap, a comma's pause) where an episode
may be cut into pieces for pocketsphinx: it recognises short utterances better than minutes."""


def sphinx_words(audio: np.ndarray, sample_rate: int) -> list[tuple[str, float]]:
    """(word, start in seconds) of each word pocketsphinx recognises in `audio` (int16)."""
    if sample_rate != SPHINX_RATE:
        times = np.arange(round(len(audio) * SPHINX_RATE / sample_rate)) * (
            sample_rate / SPHINX_RATE
        )
        audio = np.interp(times, np.arange(len(audio)), audio.astype(np.float32))
    decoder = _decoder()
    decoder.start_utt()
    decoder.process_raw(audio.astype(np.int16).tobytes(), full_utt=True)
    decoder.end_utt()
    frame_rate = int(decoder.config["frate"])
    return [
        (re.sub(r"\(\d+\)$", "", seg.word), seg.start_frame / frame_rate)
        for seg in decoder.seg()
        if not seg.word.startswith(("<", "["))
    ]


@functools.cache
def _decoder() -> Any:
    """One decoder for the process: loading its models takes a few tenths of a second."""
    from pocketsphinx import Decoder

    return Decoder(samprate=SPHINX_RATE, loglevel="FATAL")


def decode_mp3(ffmpeg: str, path: Path, seconds: float | None = None) -> np.ndarray:
    """The MP3 at `path` as a player decodes it (encoder delay and padding dropped), mono
    int16 at pocketsphinx's rate; only its first `seconds` if given."""
    limit = ["-t", str(seconds)] if seconds else []
    out = ["-ac", "1", "-ar", str(SPHINX_RATE), "-f", "s16le", "-"]
    pcm = subprocess.run(
        [ffmpeg, "-v", "error", "-i", str(path), *limit, *out],
        capture_output=True,
        check=True,
    ).stdout
    return np.frombuffer(pcm, dtype=np.int16)


def episode_words(
    audio: np.ndarray, segments: Sequence[Mapping[str, Any]]
) -> list[tuple[str, float]]:
    """What pocketsphinx hears in an episode's `audio` (mono at `SPHINX_RATE`), on the
    episode's timeline: cut in the middle of every gap of `PIECE_GAP` or more between the
    transcript's `segments`, each piece recognised on its own. The cuts fall in silence, so
    where pocketsphinx places a word does not depend on the times being checked."""
    cuts = [0]
    for before, after in itertools.pairwise(segments):
        end, start = before["endTime"], after["startTime"]
        if start - end >= PIECE_GAP:
            cuts.append(round((end + start) / 2 * SPHINX_RATE))
    cuts.append(len(audio))
    heard: list[tuple[str, float]] = []
    for start, end in itertools.pairwise(cuts):
        if end > start:
            offset = start / SPHINX_RATE
            heard += [(w, offset + t) for w, t in sphinx_words(audio[start:end], SPHINX_RATE)]
    return heard


def _plain(word: str) -> str:
    return re.sub(r"[^a-z0-9']", "", word.lower()).strip("'")


def matched_starts(
    ours: Sequence[tuple[str, float]], theirs: Sequence[tuple[str, float]]
) -> list[tuple[float, float]]:
    """(our start, their start) in seconds of each word both lists hold, matched in order
    (difflib over the lower-cased words)."""
    a, b = [_plain(w) for w, _ in ours], [_plain(w) for w, _ in theirs]
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return [
        (ours[block.a + k][1], theirs[block.b + k][1])
        for block in matcher.get_matching_blocks()
        for k in range(block.size)
        if a[block.a + k]
    ]


def signed_differences(
    ours: Sequence[tuple[str, float]], theirs: Sequence[tuple[str, float]]
) -> list[float]:
    """Our start minus theirs, in seconds, for each word both lists hold: positive where ours
    is later."""
    return [mine - other for mine, other in matched_starts(ours, theirs)]


def start_differences(
    ours: Sequence[tuple[str, float]], theirs: Sequence[tuple[str, float]]
) -> list[float]:
    """|start difference| in seconds of each word both lists hold, matched in order."""
    return [abs(d) for d in signed_differences(ours, theirs)]


def percentile(values: Sequence[float], share: float) -> float:
    return float(np.percentile(np.asarray(values), share))
