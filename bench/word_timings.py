"""Word timings from Piper's durations against an independent aligner, and what they cost.

    python bench/word_timings.py [--limit N] [--only clips|episode]

Clips: speaks London Daily's sentences (examples/london-daily.txt, as the build plans them)
with joe, prepared to decode in pieces, through `PiperEngine.synthesize`. pocketsphinx (its
own English model and language model) recognises each clip and places the words it heard;
the words it heard that match ours in order (difflib over the lower-cased words) are
compared by start time. Also timed, what finding the words costs against the synthesis:
each sentence is spoken plain (Piper as it ships, no durations asked for) and timed (the
engine, words found), in turn first, and the word finding alone (mapping the durations to
words, each written word phonemised alone included, from an empty store of those as a
build starts) is timed apart. The durations themselves come with the audio: the prepared
voice's front gives them on every run.

Episode: builds London Daily as a user would (`briefing build examples/london-daily.txt`,
an empty speech cache), decodes the whole MP3 with ffmpeg as a player would and compares its
``.transcript.json`` with what pocketsphinx hears, the episode cut into pieces in the
transcript's gaps (`tests/aligner.py`, shared with tests/test_word_accuracy.py).

Prints Markdown for bench/README.md: the median and 95th percentile of the absolute start
difference, the signed median (ours minus pocketsphinx's: a constant offset shows here), and
how many words were compared.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "examples" / "london-daily.txt"
sys.path.insert(0, str(ROOT))

from tests.aligner import (  # noqa: E402
    SPHINX_RATE,
    decode_mp3,
    episode_words,
    matched_starts,
    percentile,
    signed_differences,
    sphinx_words,
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    parser.add_argument("--only", choices=("clips", "episode"), help="one of the two measures")
    args = parser.parse_args()
    print(
        f"{dt.date.today()} · {platform.machine()} · {os.cpu_count()} cores · "
        f"Python {platform.python_version()}\n"
    )
    if args.only != "episode":
        clips(args.limit)
    if args.only != "clips":
        episode()


def clips(limit: int) -> None:
    """Each sentence's clip against pocketsphinx, and what finding the words costs."""
    sys.path.insert(0, str(ROOT / "src"))
    from briefing.engines.piper import PiperEngine, PiperSettings
    from briefing.engines.voices import load_voice
    from briefing.ingest import load_page
    from briefing.plan import BuildOptions, plan_episode

    sentences: list[str] = list(
        plan_episode(load_page(PAGE), None, BuildOptions()).script.sentences
    )
    sentences = sentences[:limit] if limit else sentences
    settings = load_voice("joe").settings
    assert isinstance(settings, PiperSettings)
    engine = PiperEngine(settings)
    assert engine.decodes_in_pieces, "joe should be prepared to decode in pieces"
    engine.synthesize("Good morning.")  # warm up onnxruntime

    plain_seconds = timed_seconds = 0.0
    late: list[float] = []
    words = 0
    for number, text in enumerate(sentences):
        for timed in (number % 2 == 0, number % 2 == 1):  # each first every other sentence
            started = time.perf_counter()
            if timed:
                clip = engine.synthesize(text)
                timed_seconds += time.perf_counter() - started
            else:  # Piper as it ships: no durations asked for, no words found
                list(engine._voice.synthesize(text, engine._config))
                plain_seconds += time.perf_counter() - started
        timings = clip.words
        assert not any(t.estimated for t in timings)
        words += len(timings)
        audio = np.frombuffer(clip.pcm, dtype=np.int16)
        ours = [(t.word, t.start / clip.sample_rate) for t in timings if t.end > t.start]
        late += signed_differences(ours, sphinx_words(audio, clip.sample_rate))

    mapping = _mapping_seconds(engine, sentences)
    print(f"Clips: joe, decoded in pieces · {len(sentences)} sentences, {words} words\n")
    _table(late, words)
    print(f"| synthesis, plain / timed | {plain_seconds:.1f} s / {timed_seconds:.1f} s | |")
    print(
        f"| finding the words (mapping, phonemising alone) | {mapping:.2f} s, "
        f"{100 * mapping / plain_seconds:.2f}% of synthesis | < 2% |\n"
    )


def episode() -> None:
    """The whole episode's MP3 against its JSON transcript."""
    from briefing.audio import find_ffmpeg

    with tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ, "BRIEFING_CACHE_DIR": str(Path(scratch) / "cache")}
        built = subprocess.run(
            [sys.executable, "-m", "briefing", "build", str(PAGE), "-o", scratch],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        mp3 = Path(built.stdout.strip())
        transcript = json.loads(mp3.with_suffix(".transcript.json").read_text(encoding="utf-8"))
        segments: list[dict[str, Any]] = transcript["segments"]
        audio = decode_mp3(find_ffmpeg(), mp3)
    started = time.perf_counter()
    heard = episode_words(audio, segments)
    recognising = time.perf_counter() - started
    ours = [(s["body"], s["startTime"]) for s in segments]
    pairs = matched_starts(ours, heard)
    late = [mine - other for mine, other in pairs]
    print(
        f"Episode: `briefing build examples/london-daily.txt`, "
        f"{len(audio) / SPHINX_RATE / 60:.1f} min of audio, "
        f"{len(segments)} words ({sum(bool(s.get('estimated')) for s in segments)} estimated); "
        f"pocketsphinx took {recognising:.0f} s\n"
    )
    _table(late, len(segments))
    third = len(audio) / SPHINX_RATE / 3
    drift = [
        f"{1000 * statistics.median(m - o for m, o in pairs if n <= m / third < n + 1):+.0f}"
        for n in range(3)
    ]
    print(f"| signed median, first / middle / last third | {' / '.join(drift)} ms | |\n")


def _table(late: Sequence[float], words: int) -> None:
    """The rows both measures share, from each compared word's signed difference."""
    off = np.abs(np.asarray(late))
    print("| measure | value | target |\n| --- | ---: | ---: |")
    print(f"| words compared (pocketsphinx heard them too) | {len(off)} of {words} | |")
    print(f"| median start difference | {1000 * np.median(off):.0f} ms | ≤ 50 ms |")
    print(f"| 95th percentile | {1000 * percentile(off, 95):.0f} ms | ≤ 150 ms |")
    print(f"| signed median (ours later: +) | {1000 * statistics.median(late):+.0f} ms | |")
    print(f"| within 50 ms | {100 * np.mean(off <= 0.05):.0f}% | |")


def _mapping_seconds(engine: Any, sentences: Sequence[str]) -> float:
    """Seconds `synthesize` spends on words beyond what synthesis does: each sentence
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
