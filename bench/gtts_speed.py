"""Benchmark: gTTS through briefing (parallel, cached) against plain sequential gTTS.

Both talk to the loopback stand-in of Google's endpoint (tests/gtts_standin.py) with a
fixed latency per request, so the figures measure the client, not the network:

    python bench/gtts_speed.py [--latency 0.3] [--repeat 3]

Cases, all for the London Daily episode (lead story + headlines 1-5):
  sequential  gTTS(sentence).save() for every sentence, one after another (the baseline)
  cold        `briefing build --voice gtts-uk` with an empty speech cache (concurrency 4)
  warm        the same build again: every sentence from the cache
Prints a Markdown table; paste it into bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.gtts_standin import StandIn  # noqa: E402

from briefing.audio import find_ffmpeg  # noqa: E402
from briefing.ingest import load_page  # noqa: E402
from briefing.script import build_script, parse_selection  # noqa: E402

PAGE = ROOT / "examples" / "london-daily.txt"


def sequential(sentences: list[str], out: Path) -> None:
    from gtts import gTTS

    for n, sentence in enumerate(sentences):
        gTTS(sentence, tld="co.uk", lang_check=False).save(str(out / f"{n}.mp3"))


def build(out: Path, env: dict[str, str]) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "briefing",
            "build",
            str(PAGE),
            "-H",
            "1-5",
            "--voice",
            "gtts-uk",
            "-q",
            "-o",
            str(out),
        ],
        check=True,
        env=env,
        stdin=subprocess.DEVNULL,
    )


def timed(action: Callable[[], None]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--latency", type=float, default=0.3, help="seconds per request (default 0.3)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs of each case (default 3)")
    args = parser.parse_args()

    page = load_page(PAGE)
    script = build_script(page, parse_selection("1-5", len(page.headlines)), today=dt.date.today())
    sentences = list(script.sentences)

    standin = StandIn(find_ffmpeg(), latency=args.latency)
    proxy = standin.start()
    bundle = Path(tempfile.mkdtemp()) / "ca.pem"
    bundle.write_bytes(standin.ca_pem)
    os.environ["HTTPS_PROXY"] = proxy
    os.environ["REQUESTS_CA_BUNDLE"] = str(bundle)
    results: dict[str, list[float]] = {"sequential": [], "cold": [], "warm": []}
    requests: dict[str, int] = {}
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            env = {**os.environ, "BRIEFING_CACHE_DIR": str(work / "cache")}
            (work / "seq").mkdir()
            before = len(standin.requests)
            cases = {
                "sequential": partial(sequential, sentences, work / "seq"),
                "cold": partial(build, work / "out", env),
                "warm": partial(build, work / "out", env),  # the cold build filled the cache
            }
            for name, action in cases.items():
                before = len(standin.requests)
                results[name].append(timed(action))
                requests[name] = len(standin.requests) - before
    standin.stop()

    base = statistics.median(results["sequential"])
    print(
        f"{dt.date.today()} · {platform.machine()} · {os.cpu_count()} cores · Python "
        f"{platform.python_version()} · stand-in latency {args.latency * 1000:.0f} ms · "
        f"{len(sentences)} sentences · median of {args.repeat}\n"
    )
    print("| case | requests | seconds (median) | vs sequential |")
    print("| --- | ---: | ---: | ---: |")
    for name, label in (
        ("sequential", "plain gTTS, sequential"),
        ("cold", "briefing build, cold cache (concurrency 4)"),
        ("warm", "briefing build, warm cache"),
    ):
        seconds = statistics.median(results[name])
        print(f"| {label} | {requests[name]} | {seconds:.2f} | {base / seconds:.1f}x faster |")


if __name__ == "__main__":
    main()
