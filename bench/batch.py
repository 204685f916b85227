"""Benchmark: a morning's editions with `briefing batch --jobs`, and what capacity follows.

    python bench/batch.py [--repeat 3] [--jobs 2]

Ten editions of one show, as a newsroom makes regional editions: each reads the same lead
story (London Daily's, a page on disk) and a round-up of ten stories told in briefs of two
sentences, from a feed of its own on disk. Eight of each edition's ten stories are the
same in every edition and two are its own: the round-ups overlap by 80%. Each edition has
its own name (so its intro and outro are its own) and output directory.

Cases, each a whole `briefing batch` process from a cold speech cache (the prepared models
copied in, as on a machine that has built before, so only the day's speech is new):

  one     the first edition alone (it shares nothing: ten editions sharing nothing would
          cost ten of these)
  ten     the ten editions, --jobs N

Wall time, and CPU time (user + system of the batch and everything it ran, ffmpeg
included) per minute of audio made: the figure a capacity estimate needs. Goal: ten
editions overlapping by 80% cost at most 3x one. Prints Markdown tables; progress to stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
LEAD = ROOT / "examples" / "london-daily.txt"
DAY = "2026-01-14"
EDITIONS = 10
SHARED = 8
STORIES = 10

# Round-up stories: a headline and two sentences, each unlike the others (near-duplicate
# headlines would be left out of a round-up).
ITEMS = [
    ("Harbour wall to be rebuilt after winter storms",
     "Engineers will replace forty metres of the old harbour wall before the summer. "
     "The work is expected to keep the fishing fleet in port for six weeks."),
    ("Rail fares to rise by four per cent in March",
     "Season tickets on most commuter routes will cost more from the first of March. "
     "Passenger groups say the rise comes as services are still running late."),
    ("Museum returns bronze heads to Nigeria",
     "Twelve bronze heads taken in the nineteenth century are being sent back to Benin City. "
     "The museum says the decision followed three years of talks."),
    ("Heatwave warning issued for the south-east",
     "Temperatures could reach thirty-four degrees on Thursday afternoon. "
     "Health officials have asked people to check on elderly neighbours."),
    ("Library opening hours cut across the county",
     "Fourteen branch libraries will close on Mondays from next month. "
     "The council says the change saves money without closing any building."),
    ("Electric buses join the city fleet",
     "Thirty new electric buses start running on the busiest routes this week. "
     "The operator hopes to replace every diesel bus within five years."),
    ("Football club appoints new manager",
     "The club has named its former captain as manager on a two-year contract. "
     "He takes charge for the first time at Saturday's home match."),
    ("Hospital waiting lists fall for third month",
     "The number of patients waiting more than a year for treatment has dropped again. "
     "Managers credit extra weekend clinics for the improvement."),
    ("Wildflower verges planned along the ring road",
     "Grass verges on the ring road will be sown with native wildflowers this spring. "
     "Cutting them less often is expected to help bees and butterflies."),
    ("Tech firm opens office with two hundred jobs",
     "A software company is moving into the old post office building. "
     "It plans to hire graduates from the local university first."),
    ("Ferry returns to Cromarty after three-year gap",
     "The small passenger ferry across the firth will run again from May. "
     "A community group raised the money to repair its engine."),
    ("Estuary marshes return as sea walls are breached",
     "Farmland behind the old sea wall has been handed back to the tides. "
     "Wading birds arrived within weeks of the breach."),
    ("Market hall reopens after restoration",
     "The Victorian market hall has reopened with forty traders under its glass roof. "
     "The restoration took two years and kept the original iron columns."),
    ("Cyclists get a segregated lane on the bridge",
     "A kerb now separates bicycles from traffic on the river crossing. "
     "Counts show cycling across the bridge has doubled since the trial began."),
    ("Water company fined over sewage spills",
     "The regulator has fined the water company for releasing sewage into two rivers. "
     "The money will pay for new storage tanks at three treatment works."),
    ("School meals to include more local produce",
     "Kitchens in primary schools will buy vegetables from farms within thirty miles. "
     "Parents welcomed the change at a meeting on Tuesday evening."),
    ("Airport passenger numbers pass pre-pandemic level",
     "The airport handled more travellers last year than in any year before. "
     "Two new routes to Spain and Portugal open in April."),
    ("Theatre wins national award for youth work",
     "The theatre's programme for teenagers has won this year's national prize. "
     "More than three hundred young people took part in its workshops."),
    ("Potholes repaired faster under new contract",
     "Road crews now have five days to fix a reported pothole. "
     "The council says complaints have fallen by a third."),
    ("Rare orchid found on railway embankment",
     "Botanists have found a colony of lizard orchids beside the line. "
     "Network engineers will change their mowing plans to protect it."),
    ("Swimming pool roof to be replaced",
     "The leisure centre pool will close for the summer while its roof is renewed. "
     "Swimmers can use the pool at the college in the meantime."),
    ("Census shows town's population growing",
     "The town has gained four thousand residents in ten years. "
     "Most of the growth has come from young families moving from the city."),
    ("Lifeboat crew rescues stranded walkers",
     "Two walkers cut off by the tide were brought to safety on Sunday. "
     "The crew reminded visitors to check tide times before setting out."),
    ("Orchestra announces free concerts in parks",
     "The city orchestra will play six free concerts in parks this summer. "
     "The first takes place at the botanic gardens in June."),
    ("Charity shop volunteers honoured",
     "Volunteers who have run the hospice shop for twenty years received awards. "
     "The shop has raised more than a million pounds in that time."),
    ("Farmers warn of dry spring",
     "Rainfall since February has been half the usual amount. "
     "Growers say some crops may need watering earlier than ever."),
    ("New footbridge links the two halves of the park",
     "A timber footbridge now crosses the lake in the middle of the park. "
     "It replaces a crossing washed away in the floods."),
    ("Castle ruins open to visitors again",
     "Stonework at the castle has been made safe after a year of repairs. "
     "Guided tours begin again at Easter."),
    ("Bakery chain to pay staff the living wage",
     "The bakery chain will raise the pay of its nine hundred staff in April. "
     "Its owners say the cost will not be passed on in prices."),
    ("Night bus service extended to the suburbs",
     "Night buses will run to three more suburbs at weekends. "
     "The change follows a campaign by students and shift workers."),
]  # fmt: skip


def write_editions(root: Path) -> Path:
    """Ten show files and their feeds: eight stories in every round-up, two in each alone."""
    shows, feeds = root / "shows", root / "feeds"
    shows.mkdir(parents=True)
    feeds.mkdir()
    own = STORIES - SHARED
    for k in range(EDITIONS):
        items = ITEMS[:SHARED] + ITEMS[SHARED + k * own : SHARED + (k + 1) * own]
        feed = feeds / f"edition-{k + 1:02d}.rss"
        feed.write_text(_rss(f"Edition {k + 1}", items), encoding="utf-8")
        (shows / f"edition-{k + 1:02d}.toml").write_text(
            f'name = "Morning Edition {k + 1}"\nlead = "{LEAD}"\n'
            f'feeds = ["../feeds/{feed.name}"]\nheadlines = "all"\nbrief = 2\n'
            f'base_url = "https://example.org/edition-{k + 1}/"\n'
            f'output_dir = "../out/edition-{k + 1:02d}"\n'
        )
    return shows


def _rss(title: str, items: list[tuple[str, str]]) -> str:
    when = dt.datetime(2026, 1, 14, 6, 0, tzinfo=dt.UTC)
    entries = "".join(
        f"<item><title>{escape(t)}</title><description>{escape(s)}</description>"
        f'<guid isPermaLink="false">{escape(title)}-{n}</guid>'
        f"<pubDate>{(when - dt.timedelta(minutes=n)).strftime('%a, %d %b %Y %H:%M:%S +0000')}"
        "</pubDate></item>"
        for n, (t, s) in enumerate(items)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>https://example.org/</link>"
        f"<description>Bench</description><language>en-gb</language>{entries}"
        "</channel></rss>"
    )


def prepared_models() -> Path:
    """A cache holding only the prepared models: made by one throwaway build."""
    cache = Path(tempfile.mkdtemp(prefix="bench-models-"))
    out = Path(tempfile.mkdtemp(prefix="bench-warm-"))
    run = subprocess.run(
        [sys.executable, "-m", "briefing", "build", str(ROOT / "tests" / "data" / "tiny-page.txt"),
         "-q", "-o", str(out)],
        env={**os.environ, "BRIEFING_CACHE_DIR": str(cache)},
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if run.returncode:
        sys.exit(f"the warm-up build failed: {run.stderr}")
    shutil.rmtree(out)
    for entry in cache.iterdir():
        if entry.name != "models":
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    return cache


def run_batch(shows: list[Path], jobs: int, models: Path) -> dict[str, float]:
    """One `briefing batch` from a cold cache: wall and CPU seconds, audio minutes made."""
    cache = Path(tempfile.mkdtemp(prefix="bench-cache-"))
    shutil.copytree(models / "models", cache / "models")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "briefing", "batch", *map(str, shows), "--jobs", str(jobs),
         "--date", DAY, "-q"],
        env={**os.environ, "BRIEFING_CACHE_DIR": str(cache)},
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    shutil.rmtree(cache)
    if run.returncode:
        sys.exit(f"the batch failed ({run.returncode}):\n{run.stdout}\n{run.stderr}")
    audio_s = 0.0
    for show in shows:
        out = show.parent.parent / "out" / show.stem
        for meta in out.glob(f"{DAY}-*.json"):
            if not meta.name.endswith(".chapters.json"):
                audio_s += json.loads(meta.read_text())["duration_s"]
        shutil.rmtree(out)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, "audio_min": audio_s / 60}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()

    root = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    shows = sorted(write_editions(root).glob("*.toml"))
    models = prepared_models()
    cases = [("one", shows[:1], 1), ("ten", shows, args.jobs)]
    runs: dict[str, list[dict[str, float]]] = {name: [] for name, _, _ in cases}
    for n in range(args.repeat):
        for name, editions, jobs in cases:
            figures = run_batch(editions, jobs, models)
            runs[name].append(figures)
            print(f"run {n + 1} {name}: {figures}", file=sys.stderr)

    def median(name: str, key: str) -> float:
        return statistics.median(r[key] for r in runs[name])

    print(
        f"{dt.date.today()} · {platform.machine()} · {os.cpu_count()} cores · Python "
        f"{platform.python_version()} · median of {args.repeat} · --jobs {args.jobs}\n"
    )
    print("| case | editions | audio (min) | wall (s) | vs one | CPU (s) | CPU s per audio min |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    labels = {"one": "one edition", "ten": "ten editions, round-ups 80% shared"}
    one_wall = median("one", "wall")
    for name, editions, _ in cases:
        audio, wall, cpu = median(name, "audio_min"), median(name, "wall"), median(name, "cpu")
        print(
            f"| {labels[name]} | {len(editions)} | {audio:.1f} | {wall:.1f} | "
            f"{wall / one_wall:.2f}x | {cpu:.1f} | {cpu / audio:.2f} |"
        )
    per_min = median("one", "cpu") / median("one", "audio_min")
    shared_per_min = median("ten", "cpu") / median("ten", "audio_min")
    print("\nCapacity: 1,000 ten-minute editions in an hour is 10,000 audio minutes an hour.\n")
    print("| editions | CPU s per audio min | CPU hours | cores busy for the hour |")
    print("| --- | ---: | ---: | ---: |")
    for label, figure in (("nothing shared", per_min), ("80% of round-ups shared", shared_per_min)):
        cpu_hours = 10_000 * figure / 3600
        print(f"| {label} | {figure:.2f} | {cpu_hours:.1f} | {cpu_hours:.0f} |")
    shutil.rmtree(root)
    shutil.rmtree(models)


if __name__ == "__main__":
    main()
