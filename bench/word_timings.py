"""Word timings from Piper's durations against an independent aligner, and what they cost.

    python bench/word_timings.py [--limit N]

Speaks London Daily's sentences (examples/london-daily.txt, as the build plans them) with
joe, prepared to decode in pieces, through `PiperEngine.synthesize_timed`. pocketsphinx
(its own English model and language model) recognises each clip and places the words it
heard; the words it heard that match ours in order (difflib over the lower-cased words) are
compared by start time. Prints Markdown for bench/README.md: the median and 95th percentile
of the absolute difference, how many words were compared, and what finding the words cost
against the synthesis: each sentence is spoken plain and timed, in turn first, and the word
finding alone (mapping the durations to words, each written word phonemised alone included,
from an empty store of those as a build starts) is timed apart. The durations themselves
come with the audio: the prepared voice's front gives them on every run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import platform
import re
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "examples" / "london-daily.txt"
SPHINX_RATE = 16_000


def sphinx_words(audio: np.ndarray, sample_rate: int) -> list[tuple[str, float]]:
    """(word, start in seconds) of each word pocketsphinx recognises in `audio` (int16)."""
    from pocketsphinx import Decoder

    times = np.arange(round(len(audio) * SPHINX_RATE / sample_rate)) * sample_rate / SPHINX_RATE
    resampled = np.interp(times, np.arange(len(audio)), audio.astype(np.float32))
    decoder = Decoder(samprate=SPHINX_RATE, loglevel="FATAL")
    decoder.start_utt()
    decoder.process_raw(resampled.astype(np.int16).tobytes(), full_utt=True)
    decoder.end_utt()
    frame_rate = int(decoder.config["frate"])
    return [
        (re.sub(r"\(\d+\)$", "", seg.word), seg.start_frame / frame_rate)
        for seg in decoder.seg()
        if not seg.word.startswith(("<", "["))
    ]


def _plain(word: str) -> str:
    return re.sub(r"[^a-z0-9']", "", word.lower()).strip("'")


def start_differences(
    ours: Sequence[tuple[str, float]], theirs: Sequence[tuple[str, float]]
) -> list[float]:
    """|start difference| in seconds of each word both lists hold, matched in order."""
    a, b = [_plain(w) for w, _ in ours], [_plain(w) for w, _ in theirs]
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return [
        abs(ours[block.a + k][1] - theirs[block.b + k][1])
        for block in matcher.get_matching_blocks()
        for k in range(block.size)
        if a[block.a + k]
    ]


def percentile(values: Sequence[float], share: float) -> float:
    return float(np.percentile(np.asarray(values), share))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from briefing.engines.piper import PiperEngine, PiperSettings
    from briefing.engines.voices import load_voice
    from briefing.ingest import load_page
    from briefing.plan import BuildOptions, plan_episode

    sentences: list[str] = list(
        plan_episode(load_page(PAGE), None, BuildOptions()).script.sentences
    )
    sentences = sentences[: args.limit] if args.limit else sentences
    settings = load_voice("joe").settings
    assert isinstance(settings, PiperSettings)
    engine = PiperEngine(settings)
    assert engine.decodes_in_pieces, "joe should be prepared to decode in pieces"
    engine.synthesize("Good morning.")  # warm up onnxruntime

    plain_seconds = timed_seconds = 0.0
    differences: list[float] = []
    words = 0
    for number, text in enumerate(sentences):
        for timed in (number % 2 == 0, number % 2 == 1):  # each first every other sentence
            started = time.perf_counter()
            if timed:
                clip, timings = engine.synthesize_timed(text)
                timed_seconds += time.perf_counter() - started
            else:
                engine.synthesize(text)
                plain_seconds += time.perf_counter() - started
        assert not any(t.estimated for t in timings)
        words += len(timings)
        audio = np.frombuffer(clip.pcm, dtype=np.int16)
        ours = [(t.word, t.start / clip.sample_rate) for t in timings if t.end > t.start]
        differences += start_differences(ours, sphinx_words(audio, clip.sample_rate))

    mapping = _mapping_seconds(engine, sentences)
    median_ms = 1000 * statistics.median(differences)
    p95_ms = 1000 * percentile(differences, 95)
    print(
        f"{dt.date.today()} · {platform.machine()} · Python {platform.python_version()} · "
        f"joe, decoded in pieces · {len(sentences)} sentences, {words} words\n"
    )
    print("| measure | value | target |\n| --- | ---: | ---: |")
    print(f"| words compared (pocketsphinx heard them too) | {len(differences)} of {words} | |")
    print(f"| median start difference | {median_ms:.0f} ms | ≤ 50 ms |")
    print(f"| 95th percentile | {p95_ms:.0f} ms | ≤ 150 ms |")
    print(f"| within 50 ms | {100 * np.mean(np.asarray(differences) <= 0.05):.0f}% | |")
    print(f"| synthesis, plain / timed | {plain_seconds:.1f} s / {timed_seconds:.1f} s | |")
    print(
        f"| finding the words (mapping, phonemising alone) | {mapping:.2f} s, "
        f"{100 * mapping / plain_seconds:.2f}% of synthesis | < 2% |"
    )


def _mapping_seconds(engine: Any, sentences: Sequence[str]) -> float:
    """Seconds `synthesize_timed` spends on words beyond what synthesis does: each sentence
    run through Piper with alignments, then only the word finding timed."""
    total = 0.0
    engine._said.clear()  # as a build starts: no word phonemised alone yet
    for text in sentences:
        chunks = list(engine._voice.synthesize(text, engine._config, include_alignments=True))
        started = time.perf_counter()
        timings = engine._find_words(text, chunks)
        total += time.perf_counter() - started
        assert not any(timing.estimated for timing in timings)
    return total


if __name__ == "__main__":
    main()
