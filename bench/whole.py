"""Whole processes side by side, as a user would time them: the build against the tool a user
would otherwise run.

    python bench/whole.py [--pairs 5] [--skip-stream]

- **Cold build** (`briefing build examples/london-daily.txt`, no speech cached) against
  **Piper's own command line** (`piper -m en_US-joe-medium.onnx -f out.wav`, the same
  sentences one per line on standard input; Piper writes only a WAV). As on any machine that
  has made an episode before, the models are prepared and the voice's level is known (from
  a first build of another show); the build encodes as it speaks. Also, as a second row, a
  voice's very first build (no notes: the programme is measured after the speech).
- **Warm rebuild** (the same build again, every sentence cached) against **one ffmpeg encode**
  of the same audio to MP3; and the same into another directory, where there is no episode
  whose audio it can take, so it encodes.
- **Sound within a second**: `briefing listen PAGE --stream` (cold), the time from starting it
  to the first 8 kB of MP3 on its standard output.

Each pair runs its two processes one after the other, alternating which goes first, `--pairs`
times; the ratio is taken pair by pair and the median and range are printed. Wall time is
measured around the process; peak RSS is the process tree's largest (`/usr/bin/time`-style,
from `wait4`). Prints Markdown for bench/README.md.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "examples" / "london-daily.txt"
BIN = Path(sys.executable).parent
FIRST_BYTES = 8192


def run(args: list[str], env: dict[str, str], stdin: bytes | None = None) -> tuple[float, float]:
    """Run a whole process; its wall seconds and peak RSS in MB (its own or a child's)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        args,
        env={**os.environ, **env},
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    if stdin is not None:
        assert process.stdin is not None
        process.stdin.write(stdin)
        process.stdin.close()
    assert process.stderr is not None
    err = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{args[0]} failed: {err.decode(errors='replace')[-500:]}")
    return seconds, usage.ru_maxrss / 1024


def first_bytes(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from starting `args` to the first `FIRST_BYTES` on its stdout, and to its end."""
    started = time.perf_counter()
    process = subprocess.Popen(
        args, env={**os.environ, **env}, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    assert process.stdout is not None
    got = 0
    first = None
    while chunk := process.stdout.read1(65536):
        got += len(chunk)
        if first is None and got >= FIRST_BYTES:
            first = time.perf_counter() - started
    if process.wait() != 0 or first is None:
        raise SystemExit(f"{' '.join(args)} failed or wrote under {FIRST_BYTES} bytes")
    return first, time.perf_counter() - started


def pairs(
    count: int,
    ours: Callable[[int], tuple[float, float]],
    floor: Callable[[int], tuple[float, float]],
) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """`count` pairs (ours, floor), alternating which runs first."""
    results = []
    for n in range(count):
        if n % 2:
            f = floor(n)
            o = ours(n)
        else:
            o = ours(n)
            f = floor(n)
        results.append((o, f))
        print(f"  pair {n + 1}: {o[0]:.2f} s against {f[0]:.2f} s", file=sys.stderr)
    return results


def row(
    name: str,
    floor_name: str,
    results: list[tuple[tuple[float, float], tuple[float, float]]],
    target: str,
) -> str:
    ratios = [o[0] / f[0] for o, f in results]
    ours = statistics.median(o[0] for o, _ in results)
    floor = statistics.median(f[0] for _, f in results)
    rss = statistics.median(o[1] for o, _ in results)
    floor_rss = statistics.median(f[1] for _, f in results)
    return (
        f"| {name} | {ours:.2f} | {floor:.2f} ({floor_name}) | {statistics.median(ratios):.3f}x "
        f"({min(ratios):.3f}-{max(ratios):.3f}) | {target} | {rss:.0f} ({floor_rss:.0f}) |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--skip-stream", action="store_true")
    args = parser.parse_args()

    from briefing.audio import find_ffmpeg
    from briefing.engines.voices import load_voice
    from briefing.ingest import load_page
    from briefing.plan import BuildOptions, plan_episode

    ffmpeg = find_ffmpeg()
    # An installed package has its modules compiled (pip does it); a checkout run with
    # PYTHONDONTWRITEBYTECODE would compile briefing's at every start, Piper's never.
    compileall.compile_dir(ROOT / "src", quiet=1)
    joe = load_voice("joe").settings
    model = joe.model_path()  # type: ignore[attr-defined]
    briefing = str(BIN / "briefing")
    piper = str(BIN / "piper")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        models = work / "prepared"
        first_env = {"BRIEFING_CACHE_DIR": str(models)}
        # models made, the voice's level learned; as by another show's page, so London
        # Daily's language is not known yet (--lang: its page is not asked for it)
        first = [briefing, "build", str(PAGE), "-q", "--show-name", "Warm-up Edition"]
        run([*first, "--lang", "en", "-o", str(work / "first")], first_env)
        sentences = plan_episode(load_page(PAGE), None, BuildOptions()).script.sentences
        text = "".join(s.replace("\n", " ") + "\n" for s in sentences).encode()

        def fresh(n: int, name: str, notes: bool = True) -> dict[str, str]:
            """A cache with no speech: the models, and (with `notes`) what earlier builds
            learned (the voice's level, the page's language)."""
            cache = work / f"{name}-{n}"
            cache.mkdir()
            (cache / "models").symlink_to(models / "models")
            if notes:
                shutil.copytree(models / "notes", cache / "notes")
            return {"BRIEFING_CACHE_DIR": str(cache)}

        print(f"cold build against piper, {len(sentences)} sentences", file=sys.stderr)
        cold = pairs(
            args.pairs,
            lambda n: run(
                [briefing, "build", str(PAGE), "-q", "-o", str(work / f"cold-{n}")],
                fresh(n, "cold"),
            ),
            lambda n: run(
                [piper, "-m", str(model), "-f", str(work / f"piper-{n}.wav")], {}, stdin=text
            ),
        )
        rows.append(row("cold build, London Daily", "Piper's CLI", cold, "≤ 1.05x"))
        print("a voice's first build against piper", file=sys.stderr)
        first_ever = pairs(
            args.pairs,
            lambda n: run(
                [briefing, "build", str(PAGE), "-q", "-o", str(work / f"new-{n}")],
                fresh(n, "new", notes=False),
            ),
            lambda n: run(
                [piper, "-m", str(model), "-f", str(work / f"piper-{n}.wav")], {}, stdin=text
            ),
        )
        rows.append(row("cold build, the voice's first", "Piper's CLI", first_ever, "—"))

        warm_env = {"BRIEFING_CACHE_DIR": str(models)}
        out = work / "warm"
        run([briefing, "build", str(PAGE), "-q", "-o", str(out)], warm_env)
        mp3 = next(out.glob("*.mp3"))
        pcm = work / "programme.pcm"
        subprocess.run(
            [ffmpeg, "-v", "error", "-i", str(mp3), "-f", "s16le", "-ac", "1", "-ar", "22050",
             str(pcm)],
            check=True,
        )  # fmt: skip
        encode = [ffmpeg, "-v", "error", "-y", *("-f", "s16le", "-ar", "22050", "-ac", "1")]
        encode += ["-i", str(pcm), "-ar", "44100", "-c:a", "libmp3lame", "-b:a", "96k"]

        def one_encode(n: int) -> tuple[float, float]:
            return run([*encode, str(work / "encode.mp3")], {})

        print("warm rebuild against one encode", file=sys.stderr)
        warm = pairs(
            args.pairs,
            lambda n: run([briefing, "build", str(PAGE), "-q", "-o", str(out)], warm_env),
            one_encode,
        )
        rows.append(row("warm rebuild", "one ffmpeg encode", warm, "≤ 1.5x"))
        print("warm rebuild elsewhere (encoded again) against one encode", file=sys.stderr)
        elsewhere = pairs(
            args.pairs,
            lambda n: run(
                [briefing, "build", str(PAGE), "-q", "-o", str(work / f"elsewhere-{n}")],
                warm_env,
            ),
            one_encode,
        )
        rows.append(row("warm rebuild elsewhere", "one ffmpeg encode", elsewhere, "—"))

        streams = []
        if not args.skip_stream:
            print("time to the first 8 kB of `listen --stream`", file=sys.stderr)
            for n in range(args.pairs):
                env = fresh(n, "stream")
                streams.append(first_bytes([briefing, "listen", str(PAGE), "--stream"], env))
                print(f"  run {n + 1}: {streams[-1][0]:.2f} s", file=sys.stderr)
        shutil.rmtree(work, ignore_errors=True)

    print(
        f"{dt.date.today()} · {platform.machine()} · {os.cpu_count()} cores · Python "
        f"{platform.python_version()} · {args.pairs} alternating pairs, median (range)"
    )
    print()
    print("| case | seconds | floor (s) | ratio | target | peak RSS MB (floor) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    print("\n".join(rows))
    if streams:
        firsts = [s[0] for s in streams]
        print()
        print("| stream | first 8 kB (s) | range | whole stream (s) | target |")
        print("| --- | ---: | ---: | ---: | ---: |")
        print(
            f"| `listen --stream`, London Daily, cold | {statistics.median(firsts):.2f} | "
            f"{min(firsts):.2f}-{max(firsts):.2f} | "
            f"{statistics.median(s[1] for s in streams):.1f} | ≤ 1.5 s |"
        )


if __name__ == "__main__":
    main()
