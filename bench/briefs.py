"""Benchmark: what fetching ten round-up stories' articles adds to a feed's build.

    python bench/briefs.py [--pairs 5] [--speech cached|cold] [--quiet-wait 300]

A feed of 11 items is written to a temp dir: item 1, the lead, links to a short page;
items 2-11 have no description (so each brief must come from the linked article) and a
`media:content` picture, and link to English corpus pages served by the loopback news
site (tests/newssite.py) behind `/slow/300/`, so each page takes 300 ms to answer.

Each pair runs, in alternating order, the same `briefing build FEED -H all --brief 2 -q`
as a whole process:
  cold  the articles, the lead and the pictures not cached (their notes and files removed
        from a copy of a filled cache), every sentence's speech and every other note
        (the programme's gain, the page's language) cached: only fetching differs
  warm  a copy of the full cache: nothing is fetched
Three variants: "one host" (all ten pages on 127.0.0.1, from which briefing fetches 2 at
a time), "five hosts" (2 pages on each of 127.0.0.2-127.0.0.6, other hosts to briefing),
and the five hosts answering at once (what fetching costs beside the waiting: parsing the
pages, loading the parser).

It checks that each cold build asks for the ten story pages and each warm one for nothing,
and that `briefing script FEED -H all` gives every story a brief. Before each timed run it
waits (up to --quiet-wait seconds) until no other process keeps a core busy, and it shows
the CPU other processes took during each run. Prints Markdown tables; progress, each cold
build's request times and anything the builds said go to stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.newssite import NewsSite, _Handler, _Server  # noqa: E402

from briefing.ingest.linked import PER_HOST, WORKERS  # noqa: E402

DELAY_MS = 300
"""How long each round-up page takes to answer."""
LEAD = ("phys.org.tool.html", "Flint flake tool adds to evidence of Neanderthal thinking")
STORIES = [  # English pages of tests/data/html and tests/data/html-written, with headlines
    ("theguardian.com.academics.html", "Thousands of UK academics 'second-class citizens'"),
    ("reuters.com.parasite.html", "'Parasite' scores historic upset at SAG awards"),
    ("dw.com.colonial.html", "Berlin confronts Germany's colonial past"),
    ("theverge.com.ios13.html", "iOS 13 will fix the FaceTime eye contact problem"),
    ("wikimediafoundation.org.turkey.html", "Access to Wikipedia restored in Turkey"),
    ("theplanetarypress.com.forestlands.html", "Indigenous peoples key to intact forests"),
    ("jsonld-graph.html", "Harbour wall to be rebuilt after winter storms"),
    ("jsonld-glued.html", "Rail fares to rise by 4.6% in March"),
    ("captions-bios.html", "Estuary marshes return as sea walls are breached"),
    ("embedded-posts.html", "Ferry returns to Cromarty after three-year gap"),
]
HOSTS = [f"127.0.0.{n}" for n in range(2, 7)]


class TimedSite(NewsSite):
    """The news site, noting when each request came (perf_counter, path)."""

    def __init__(self) -> None:
        super().__init__()
        self.log: list[tuple[float, str]] = []

    def __enter__(self) -> TimedSite:
        super().__enter__()
        return self

    def _count(self, path: str) -> None:
        super()._count(path)
        with self._lock:
            self.log.append((time.perf_counter(), path))

    def reset(self) -> None:
        super().reset()
        with self._lock:
            self.log.clear()


class HostSite(TimedSite):
    """The news site on another loopback address (127.0.0.2 ...): another host to briefing."""

    def __init__(self, host: str) -> None:
        super().__init__()
        self.host = host

    def __enter__(self) -> HostSite:
        server = _Server((self.host, 0), _Handler)
        server.site = self
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, daemon=True)
        self._thread.start()
        return self

    @property
    def base(self) -> str:
        if self._server is None:
            raise RuntimeError("HostSite is not running")
        return f"http://{self.host}:{self._server.server_address[1]}"


def write_feed(path: Path, lead_base: str, story_bases: list[str], delay_ms: int) -> None:
    """An RSS 2.0 feed: the lead, then one item per story on its site, `delay_ms` slow."""
    now = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)
    picture = f"{lead_base}/images/small.jpg"
    items = [(LEAD[1], f"{lead_base}/pages/{LEAD[0]}")]
    items += [
        (title, f"{base}/slow/{delay_ms}/pages/{page}")
        for (page, title), base in zip(STORIES, story_bases, strict=True)
    ]
    xml = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">',
        "<channel>",
        "<title>Bench Daily</title>",
        f"<link>{escape(lead_base)}/</link>",
        "<description>Round-up briefs bench</description>",
        "<language>en-gb</language>",
    ]
    for n, (title, link) in enumerate(items):
        xml += [
            "<item>",
            f"<title>{escape(title)}</title>",
            f"<link>{escape(link)}</link>",
            f'<guid isPermaLink="false">urn:bench:{n}</guid>',
            f"<pubDate>{format_datetime(now - dt.timedelta(minutes=10 * n))}</pubDate>",
        ]
        if n:  # round-up items: no description, a picture of their own
            xml.append(f'<media:content medium="image" url={quoteattr(picture)}/>')
        xml.append("</item>")
    xml += ["</channel>", "</rss>", ""]
    path.write_text("\n".join(xml), encoding="utf-8")


def briefing_command() -> list[str]:
    exe = Path(sys.executable).parent / "briefing"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "briefing"]


TIME = shutil.which("time", path="/usr/bin")


@dataclass
class Run:
    seconds: float
    rss_mb: float | None
    slow_hits: int
    messages: str
    requests: list[tuple[float, str]]
    """(seconds after the process started, path) of each request it made."""
    other_cpu: float | None
    """CPU seconds the machine spent on other processes meanwhile (another build, tests)."""


def busy_cpu() -> float | None:
    """CPU seconds the whole machine has been busy (all cores, /proc/stat), else None."""
    try:
        fields = Path("/proc/stat").read_text().split("\n")[0].split()[1:]
    except OSError:
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(f) for f in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def wait_quiet(limit_s: float) -> float:
    """Wait (up to `limit_s`) until the machine is nearly idle: under a tenth of a core busy
    over half a second. Returns the seconds waited."""
    started = time.perf_counter()
    while time.perf_counter() - started < limit_s:
        before = busy_cpu()
        time.sleep(0.5)
        after = busy_cpu()
        if before is None or after is None or after - before < 0.05:
            break
        time.sleep(2)
    return time.perf_counter() - started


QUIET_S = 300.0
"""How long a run may wait for other processes to go idle (--quiet-wait)."""


def build(
    feed: Path, cache: Path, out: Path, sites: list[TimedSite], quiet_s: float = QUIET_S
) -> Run:
    """One `briefing build` as a whole process (under /usr/bin/time -v when there is one)."""
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(cache)}
    command = [*briefing_command(), "build", str(feed), "-H", "all", "--brief", "2", "-q"]
    command += ["-o", str(out)]
    for site in sites:
        site.reset()
    if (waited := wait_quiet(quiet_s)) > 1:
        say(f"  (waited {waited:.0f} s for the machine to be idle)")
    busy, own = busy_cpu(), resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    done = subprocess.run(
        [TIME, "-v", *command] if TIME else command, env=env, capture_output=True, text=True
    )
    seconds = time.perf_counter() - started
    busy_after, own_after = busy_cpu(), resource.getrusage(resource.RUSAGE_SELF)
    if done.returncode:
        sys.exit(f"build failed ({done.returncode}):\n{done.stderr}")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    messages = done.stderr.split("\tCommand being timed:")[0].strip()
    slow = sum(n for s in sites for path, n in s.hits.items() if path.startswith("/slow/"))
    requests = sorted((t - started, path) for s in sites for t, path in s.log)
    cpu = re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", done.stderr)
    other = None
    if busy is not None and busy_after is not None and len(cpu) == 2:
        served = sum(getattr(own_after, f) - getattr(own, f) for f in ("ru_utime", "ru_stime"))
        other = max(0.0, busy_after - busy - float(cpu[0]) - float(cpu[1]) - served)
    mb = int(rss.group(1)) / 1024 if rss else None
    return Run(seconds, mb, slow, messages, requests, other)


def copy_cache(source: Path, target: Path, fetched: bool, speech: bool = True) -> None:
    """`source` copied to `target` (hard links: the cache replaces files, never rewrites
    them); without `fetched`, the notes of what pages gave (the lead's and the stories',
    which hold "paragraphs", or a lasting "failed") and the kept pictures (`files/`) are
    left out, while the programme's gain and the page's language, also notes, stay.
    Without `speech`, every spoken sentence and every other note is left out too (the
    first build of a day's new stories): only the prepared models stay."""
    try:
        shutil.copytree(source, target, copy_function=os.link)
    except OSError:
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(source, target)
    for note in (target / "notes").glob("*.json"):
        held = json.loads(note.read_text(encoding="utf-8"))
        fetched_note = "paragraphs" in held or "failed" in held
        if (fetched_note and not fetched) or (not fetched_note and not speech):
            note.unlink()
    if not fetched:
        shutil.rmtree(target / "files", ignore_errors=True)
    if not speech:
        for clips in target.glob("[0-9a-f][0-9a-f]"):
            shutil.rmtree(clips)


def check_briefs(feed: Path, cache: Path) -> list[tuple[str, int, bool]]:
    """`briefing script FEED -H all`: for each round-up story, its headline, the lines read
    after its title, and whether the last of them ends a sentence."""
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(cache)}
    done = subprocess.run(
        [*briefing_command(), "script", str(feed), "-H", "all"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    found = []
    for section in re.split(r"^## ", done.stdout, flags=re.MULTILINE)[1:]:
        heading, _, body = section.partition("\n")
        if not heading.startswith("Headline"):
            continue
        story = body.strip().split("\n\n")[-1]  # after "Now, the headlines." in the first
        lines = [line for line in story.splitlines() if line and not line.startswith("<!--")]
        ends = bool(lines) and lines[-1].rstrip().endswith((".", "!", "?", '"', "\u201d"))
        found.append((heading.partition(": ")[2], len(lines) - 1, ends))
    return found


@dataclass
class Variant:
    name: str
    delay_ms: int
    floor_s: float
    cold: list[Run]
    warm: list[Run]
    briefs: list[tuple[str, int, bool]]


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def variant(
    name: str,
    delay_ms: int,
    floor_s: float,
    pairs: int,
    quiet_s: float,
    work: Path,
    main: TimedSite,
    hosts: list[TimedSite],
    speech: bool = True,
) -> Variant:
    """Warm-up build, the script's check, then `pairs` cold/warm pairs in alternating order;
    the ten stories' pages spread evenly over `hosts`."""
    sites = list({id(s): s for s in [main, *hosts]}.values())
    folder = work / re.sub(r"\W+", "-", name)
    folder.mkdir()
    feed = folder / "feed.rss"
    bases = [hosts[n * len(hosts) // len(STORIES)].base for n in range(len(STORIES))]
    write_feed(feed, main.base, bases, delay_ms)
    filled = folder / "filled"
    say(f"\n{name}: warm-up build (fills the speech cache) ...")
    first = build(feed, filled, folder / "out-0", sites, quiet_s=0)
    say(f"  {first.seconds:.1f} s, {first.slow_hits} slow requests")
    if first.messages:
        say(f"  it said:\n{first.messages}")
    briefs = check_briefs(feed, filled)
    for title, lines, ends in briefs:
        if lines < 1 or not ends:
            say(f"  script: {title!r}: {lines} lines of brief, the last ends a sentence: {ends}")
    cold: list[Run] = []
    warm: list[Run] = []
    for pair in range(pairs):
        for kind in ("cold", "warm") if pair % 2 == 0 else ("warm", "cold"):
            cache = folder / f"cache-{pair}-{kind}"
            copy_cache(filled, cache, fetched=kind == "warm", speech=speech)
            run = build(feed, cache, folder / f"out-{pair}-{kind}", sites, quiet_s)
            (cold if kind == "cold" else warm).append(run)
            say(
                f"  pair {pair + 1} {kind}: {run.seconds:.2f} s, {run.slow_hits} slow requests, "
                f"{len(run.requests)} in all, other processes' CPU {cpu_text(run.other_cpu)} s"
                + (f"; it said: {run.messages!r}" if run.messages else "")
            )
            if kind == "cold":  # it made again exactly the notes that were removed
                asked = " ".join(f"{t:.2f}" for t, path in run.requests if "/pages/" in path)
                say(f"    pages asked for at (s): {asked}")
                made = {p.name for p in (cache / "notes").glob("*")}
                if made != {p.name for p in (filled / "notes").glob("*")}:
                    say("  (its notes differ from the filled cache's)")
            shutil.rmtree(cache)
    return Variant(name, delay_ms, floor_s, cold, warm, briefs)


def cpu_text(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds:.1f}"


def fmt(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f})"


def timeline(runs: list[Run]) -> str:
    """When the cold builds asked for the lead, the stories and the picture (medians)."""

    def at(run: Run, prefix: str, last: bool = False) -> float | None:
        times = [t for t, path in run.requests if path.startswith(prefix)]
        return (times[-1] if last else times[0]) if times else None

    def median(prefix: str, last: bool = False) -> str:
        times = [t for r in runs if (t := at(r, prefix, last)) is not None]
        return f"{statistics.median(times):.2f}" if times else "-"

    return (
        f"lead page asked for at {median('/pages/')} s, first story page {median('/slow/')} s, "
        f"last {median('/slow/', last=True)} s, picture {median('/images/')} s; "
        f"process ended at {statistics.median(r.seconds for r in runs):.2f} s"
    )


def report(result: Variant) -> None:
    cold, warm = result.cold, result.warm
    diffs = [c.seconds - w.seconds for c, w in zip(cold, warm, strict=True)]
    print(f"\n#### {result.name}\n")
    print(
        "| pair | cold (s) | warm (s) | difference (s) | ratio "
        "| story pages fetched cold/warm | other processes' CPU cold/warm (s) |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n, (c, w) in enumerate(zip(cold, warm, strict=True), 1):
        print(
            f"| {n} | {c.seconds:.2f} | {w.seconds:.2f} | {c.seconds - w.seconds:+.2f} "
            f"| {c.seconds / w.seconds:.2f}x | {c.slow_hits}/{w.slow_hits} "
            f"| {cpu_text(c.other_cpu)}/{cpu_text(w.other_cpu)} |"
        )
    print()
    print(f"- cold, median (range): {fmt([r.seconds for r in cold])} s")
    print(f"- warm, median (range): {fmt([r.seconds for r in warm])} s")
    print(
        f"- added by fetching, median (range): {fmt(diffs)} s; "
        f"floor of the waiting alone: {result.floor_s:.1f} s"
    )
    rss_cold = [r.rss_mb for r in cold if r.rss_mb is not None]
    rss_warm = [r.rss_mb for r in warm if r.rss_mb is not None]
    if rss_cold and rss_warm:
        print(
            f"- peak RSS (largest process), median: cold {statistics.median(rss_cold):.0f} MB, "
            f"warm {statistics.median(rss_warm):.0f} MB"
        )
    print(f"- cold builds' requests: {timeline(cold)}")
    briefs = result.briefs
    print(
        f"- round-up stories with a brief: {sum(n >= 1 for _, n, _ in briefs)}/{len(briefs)}"
        f" ({sum(n >= 2 for _, n, _ in briefs)} of 2 lines or more,"
        f" {sum(not e for _, _, e in briefs)} ending mid-sentence)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument(
        "--speech",
        choices=("cached", "cold"),
        default="cached",
        help="cached: every sentence's speech cached in both runs of a pair, so only "
        "fetching differs; cold: no speech cached in either (a day's first build, where "
        "briefing speaks the lead story while it fetches), one host only",
    )
    parser.add_argument(
        "--quiet-wait",
        type=float,
        default=QUIET_S,
        help="seconds each run may wait for other processes to go idle (0: never wait)",
    )
    args = parser.parse_args()
    wait = DELAY_MS / 1000
    rounds_one_host = -(-len(STORIES) // PER_HOST)
    rounds_spread = -(-len(STORIES) // min(WORKERS, PER_HOST * len(HOSTS)))
    results = []
    load_before = os.getloadavg()[0]
    with contextlib.ExitStack() as stack:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="briefs-bench-")))
        main_site = stack.enter_context(TimedSite())
        spread: list[TimedSite] = [stack.enter_context(HostSite(h)) for h in HOSTS]
        cases: list[tuple[str, int, list[TimedSite], float]] = [
            ("one host", DELAY_MS, [main_site], rounds_one_host * wait),
            ("five hosts, 2 pages each", DELAY_MS, spread, rounds_spread * wait),
            ("five hosts, pages answered at once", 0, spread, 0.0),
        ]
        speech = args.speech == "cached"
        if not speech:
            cases = [("one host, no speech cached", DELAY_MS, [main_site], rounds_one_host * wait)]
        for name, delay, hosts, floor in cases:
            results.append(
                variant(
                    name, delay, floor, args.pairs, args.quiet_wait, work, main_site, hosts, speech
                )
            )
    print(
        f"\n{dt.date.today()} · {platform.machine()} · {os.cpu_count()} cores · "
        f"Python {platform.python_version()} · {args.pairs} pairs · "
        f"story pages answer after {DELAY_MS} ms (but the last variant) · "
        f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after"
    )
    for result in results:
        report(result)
    print(
        f"\nFloor of the waiting: {len(STORIES)} pages x {DELAY_MS} ms one after another "
        f"{len(STORIES) * wait:.1f} s; {PER_HOST} at a time from one host "
        f"{rounds_one_host * wait:.1f} s; {WORKERS} at a time over five hosts "
        f"{rounds_spread * wait:.1f} s."
    )


if __name__ == "__main__":
    main()
