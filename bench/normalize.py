"""Speech normalisation: speed per sentence and accuracy on the golden, dev and unseen sets.

    python bench/normalize.py [--repeat 20] [--wrong]

Normalises every sentence of tests/data/golden.tsv and of bench/data/news-dev.tsv,
news-unseen-1.tsv and news-unseen-2.tsv (all `written<TAB>spoken<TAB>...`, `#` lines
skipped) `--repeat` times with the shipped
lexicon, and prints Markdown: per-sentence mean, median and p95 in milliseconds (each
sentence's time is its median over the repeats), and the share of sentences fully right
(exact string match; a spoken column may hold alternatives separated by ` || `, any of
which counts). `--wrong` lists the cases it gets wrong, with what it said.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "golden": ROOT / "tests" / "data" / "golden.tsv",
    "news-dev": ROOT / "bench" / "data" / "news-dev.tsv",
    "news-unseen-1": ROOT / "bench" / "data" / "news-unseen-1.tsv",
    "news-unseen-2": ROOT / "bench" / "data" / "news-unseen-2.tsv",
}


def read_cases(path: Path) -> list[tuple[str, tuple[str, ...]]]:
    """(written, accepted spoken forms) for each line of a TSV set."""
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("# "):
            continue
        written, spoken, *_ = line.split("\t")
        cases.append((written, tuple(spoken.split(" || "))))
    return cases


def timings(sentences: list[str], repeat: int) -> list[float]:
    """Each sentence's median time in milliseconds over `repeat` runs."""
    from briefing.script.normalize import normalize, shipped_lexicon

    lexicon = shipped_lexicon()
    runs: list[list[float]] = [[] for _ in sentences]
    for _ in range(repeat):
        for i, sentence in enumerate(sentences):
            started = time.perf_counter()
            normalize(sentence, lexicon)
            runs[i].append((time.perf_counter() - started) * 1000)
    return [statistics.median(r) for r in runs]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--wrong", action="store_true", help="list the cases it gets wrong")
    args = parser.parse_args()

    from briefing.script.normalize import normalize, shipped_lexicon

    lexicon = shipped_lexicon()
    normalize("Warm up: £1.2bn on 17 April 2026 at 10am.", lexicon)
    print(f"{dt.date.today()} · {platform.machine()} · Python {platform.python_version()}")
    print()
    print("| set | sentences | mean (ms) | median (ms) | p95 (ms) | fully right |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    wrong: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {}
    for name, path in SETS.items():
        if not path.exists():
            print(f"| {name} | (missing: {path.relative_to(ROOT)}) | | | | |")
            continue
        cases = read_cases(path)
        ms = sorted(timings([w for w, _ in cases], args.repeat))
        p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
        said = [(w, normalize(w, lexicon), spoken) for w, spoken in cases]
        wrong[name] = [(w, s, spoken) for w, s, spoken in said if s not in spoken]
        right = len(cases) - len(wrong[name])
        print(
            f"| {name} | {len(cases)} | {statistics.mean(ms):.3f} | {statistics.median(ms):.3f}"
            f" | {p95:.3f} | {right}/{len(cases)} ({100 * right / len(cases):.1f}%) |"
        )
    if args.wrong:
        for name, cases in wrong.items():
            print(f"\n## Wrong on {name} ({len(cases)})\n")
            for written, said, spoken in cases:
                print(f"- written:  {written}\n  said:     {said}\n  expected: {spoken[0]}")
                for other in spoken[1:]:
                    print(f"        or: {other}")


if __name__ == "__main__":
    sys.exit(main())
