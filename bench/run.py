"""Benchmarks for issue 8: where the time and memory of an episode go.

    python bench/run.py [--lengths 5,15,30,60] [--skip-lengths]

Measures, on this machine:
- a cold build of the London Daily episode (lead + 5 headlines) with Piper, next to Piper
  alone synthesising the same sentences in one process (the floor: `PiperVoice` as it
  ships), and the first build on a machine, which also prepares its models;
- a warm rebuild (all speech cached), next to one ffmpeg encode of the same audio (the floor),
  and a rebuild after an edit (a new show name: the intro is spoken again, the audio is new);
- episodes of about 5, 15, 30 and 60 minutes made from the corpus (every sentence unique,
  no cache): wall time per audio minute and peak memory.
Prints Markdown to paste into bench/README.md. The gTTS comparison is bench/gtts_speed.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "examples" / "london-daily.txt"
CORPUS = ROOT / "tests" / "data" / "html"


def measure(*args: str, env: dict[str, str] | None = None) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "_measure.py"), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=True,
    )
    return json.loads(done.stderr.strip().splitlines()[-1])


def median_run(runs: list[dict[str, float]]) -> dict[str, float]:
    """The run of median time (its own peak memory with it)."""
    return sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2]


def audio_seconds(mp3: Path) -> float:
    from mutagen.mp3 import MP3

    return MP3(str(mp3)).info.length


def long_page(minutes: float, out: Path) -> Path:
    """A JSON article of about `minutes` of speech, every sentence unique."""
    from briefing.ingest import load_page

    paragraphs = list(load_page(PAGE).article.paragraphs)
    for html in sorted(CORPUS.glob("*.html")):
        if "spiegel" not in html.name:
            paragraphs += load_page(html).article.paragraphs
    chars_needed = minutes * 60 * 18.5
    body, n = [], 0
    while sum(len(p) for p in body) < chars_needed:
        body.append(f"Part {n + 1}. {paragraphs[n % len(paragraphs)]}")
        n += 1
    path = out / f"long-{minutes:g}.json"
    path.write_text(
        json.dumps(
            {
                "title": f"A {minutes:g}-minute episode",
                "body": body,
                "date": "2026-01-14",
                "publication": "Bench",
            }
        )
    )
    return path


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--lengths", default="5,15,30,60")
    parser.add_argument("--skip-lengths", action="store_true")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of each London Daily case (median)"
    )
    args = parser.parse_args()
    from briefing.audio import find_ffmpeg
    from briefing.ingest import load_page
    from briefing.plan import BuildOptions, plan_episode

    ffmpeg = find_ffmpeg()
    rows: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env = {"BRIEFING_CACHE_DIR": str(work / "cache")}
        plan = plan_episode(load_page(PAGE), None, BuildOptions())
        (work / "sentences.json").write_text(json.dumps(list(plan.script.sentences)))
        build = ("briefing", "build", str(PAGE), "-q")
        floors, colds, warms, edits = [], [], [], []
        # The first build on a machine prepares its models (the voice split for decoding in
        # pieces, the language detector unpacked), once; a cold build has no speech cached.
        first = measure(*build, "-o", str(work / "first"), env=env)
        for n in range(args.repeat):  # interleaved, so drift in the machine hits all alike
            floors.append(measure("piper-floor", str(work / "sentences.json")))
            fresh = {"BRIEFING_CACHE_DIR": str(work / f"cache-{n}")}
            (work / f"cache-{n}").mkdir()
            (work / f"cache-{n}" / "models").symlink_to(work / "cache" / "models")
            colds.append(measure(*build, "-o", str(work / f"cold-{n}"), env=fresh))
        measure(*build, "-o", str(work / "out"), env=env)  # the same episode again
        for n in range(args.repeat):
            warms.append(measure(*build, "-o", str(work / "out"), env=env))
            edits.append(
                measure(*build, "--show-name", f"London Daily {n}", "-o", str(work / "ed"), env=env)
            )
        floor, cold, warm, edited = map(median_run, (floors, colds, warms, edits))
        mp3 = next((work / "out").glob("*.mp3"))
        subprocess.run(
            [ffmpeg, "-v", "error", "-i", str(mp3), "-ar", "22050", str(work / "a.wav")], check=True
        )
        encodes = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            subprocess.run(
                [
                    ffmpeg,
                    "-v",
                    "error",
                    "-y",
                    "-i",
                    str(work / "a.wav"),
                    "-ar",
                    "44100",
                    "-c:a",
                    "libmp3lame",
                    "-b:a",
                    "96k",
                    str(work / "floor.mp3"),
                ],
                check=True,
            )
            encodes.append(time.perf_counter() - started)
        encode = sorted(encodes)[len(encodes) // 2]
        minutes = audio_seconds(mp3) / 60
        rows += [
            f"Median of {args.repeat} runs of each.",
            "",
            "| case | seconds | floor (s) | ratio | target | peak RSS (MB) |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
            f"| cold build, London Daily ({minutes:.1f} min) | {cold['seconds']:.1f} | "
            f"{floor['seconds']:.1f} (Piper alone) | "
            f"{cold['seconds'] / floor['seconds']:.2f}x | ≤ 1.2x | "
            f"{cold['rss_mb']:.0f} (Piper alone {floor['rss_mb']:.0f}) |",
            f"| first build on a machine (prepares models) | {first['seconds']:.1f} | "
            f"{floor['seconds']:.1f} (Piper alone) | {first['seconds'] / floor['seconds']:.2f}x "
            f"| — | {first['rss_mb']:.0f} |",
            f"| warm rebuild | {warm['seconds']:.1f} | {encode:.2f} (one encode) | "
            f"{warm['seconds'] / encode:.2f}x | ≤ 1.5x | {warm['rss_mb']:.0f} |",
            f"| rebuild after an edit (intro re-spoken) | {edited['seconds']:.1f} | "
            f"{encode:.2f} (one encode) | {edited['seconds'] / encode:.2f}x | — | "
            f"{edited['rss_mb']:.0f} |",
        ]
        if not args.skip_lengths:
            rows += [
                "",
                "| episode | audio (min) | seconds | seconds per audio minute | peak RSS (MB) |",
                "| --- | ---: | ---: | ---: | ---: |",
            ]
            for length in [float(x) for x in args.lengths.split(",")]:
                page = long_page(length, work)
                result = measure(
                    "briefing",
                    "build",
                    str(page),
                    "-q",
                    "--no-cache",
                    "-o",
                    str(work / f"len-{length:g}"),
                    env=env,
                )
                produced = audio_seconds(next((work / f"len-{length:g}").glob("*.mp3"))) / 60
                rows.append(
                    f"| ~{length:g} min | {produced:.1f} | {result['seconds']:.0f} | "
                    f"{result['seconds'] / produced:.1f} | {result['rss_mb']:.0f} |"
                )
    print(
        f"{dt.date.today()} · {platform.machine()} · {os.cpu_count()} cores · "
        f"Python {platform.python_version()}\n"
    )
    print("\n".join(rows))


if __name__ == "__main__":
    main()
