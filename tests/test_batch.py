"""Many shows: `briefing batch` in a pool of processes (--jobs) and on Celery workers.

The Celery tests run a real Redis (`redisserver.py`) and two real `briefing worker`
processes, building with real Piper into real output directories; workers are killed
with SIGKILL in the middle of a build. Shows are tiny pages read from disk, or the loopback
news site: nothing reaches the internet.
"""

from __future__ import annotations

import gc
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from briefing.batch.celery_app import Limits
from briefing.batch.jobs import ShowResult, first_builds, is_transient, keep_voices_loaded
from briefing.batch.table import format_table
from briefing.errors import ConfigError, InputError, SpeechError

from .conftest import TINY, run_cli
from .newssite import NewsSite
from .redisserver import RedisServer

BASE = "https://example.org/{name}/"
WAIT_S = 180.0
"""The longest any test waits for workers: generous, never a measurement."""
LEFT_BEHIND = re.compile(r"^\.briefing-work-|\.part$|^\.briefing-probe-")
NUMBERS = ["one", "two", "three", "four", "five", "six"]


def make_shows(root: Path, names: list[str], lead: str | None = None) -> Path:
    """A directory of show files, each with its own tiny page (its headline names the
    show, so each speaks something of its own) and its own output directory."""
    shows, pages = root / "shows", root / "pages"
    shows.mkdir(parents=True, exist_ok=True)
    pages.mkdir(exist_ok=True)
    for name in names:
        page = pages / f"{name}.txt"
        page.write_text(
            TINY.read_text().replace("Harbour festival returns", f"Harbour festival {name} returns")
        )
        shows.joinpath(f"{name}.toml").write_text(
            f'name = "Tiny {name}"\nlead = "{lead or f"../pages/{name}.txt"}"\n'
            f'base_url = "{BASE.format(name=name)}"\noutput_dir = "../out/{name}"\n'
            'headlines = "1"\n'
        )
    return shows


def break_show(shows: Path, name: str = "broken") -> Path:
    path = shows / f"{name}.toml"
    path.write_text('name = "Broken"\nlead = [1,\n')
    return path


def table(stdout: str) -> dict[str, tuple[str, str]]:
    """The printed table: each show's (status, note)."""
    rows = {}
    for line in stdout.splitlines()[1:]:
        cells = re.split(r"\s{2,}", line.strip())
        if len(cells) >= 5:
            rows[cells[0]] = (cells[4], cells[5] if len(cells) > 5 else "")
    return rows


def assert_one_episode(out: Path, day: str) -> dict[str, object]:
    """Exactly one episode in `out`, for `day`, complete, in a feed that parses, and no
    temp file or work directory left behind. Its metadata."""
    mp3s = sorted(p.name for p in out.glob("*.mp3"))
    assert len(mp3s) == 1 and mp3s[0].startswith(day), mp3s
    meta = json.loads((out / mp3s[0]).with_suffix(".json").read_text())
    assert meta["bytes"] == (out / mp3s[0]).stat().st_size
    feed = etree.fromstring((out / "feed.xml").read_bytes(), etree.XMLParser(recover=False))
    items = feed.findall("channel/item")
    assert [i.findtext("guid") for i in items] == [meta["guid"]]
    assert int(items[0].find("enclosure").get("length")) == meta["bytes"]
    left = [p.name for p in out.iterdir() if LEFT_BEHIND.search(p.name)]
    assert left == [], left
    return meta


# --- what a job is ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "transient"),
    [
        (InputError("http://x/feed: cannot connect x", hint="check the network"), True),
        (InputError("http://x/a: no answer within 15 s"), True),
        (InputError("http://x/a: the server answered HTTP 503"), True),
        (InputError("http://x/a: the server answered HTTP 429"), True),
        (SpeechError("gTTS failed after 4 attempts: HTTP 429 from translate.google.com"), True),
        (InputError("http://x/a: the server answered HTTP 404"), False),
        (InputError("pages/today.txt does not exist"), False),
        (ConfigError("show.toml: not valid TOML"), False),
        (SpeechError("gTTS failed: the TLS certificate of x is not trusted"), False),
    ],
)
def test_only_failures_a_later_try_may_not_meet_are_retried(
    error: Exception, transient: bool
) -> None:
    assert is_transient(error) is transient  # type: ignore[arg-type]


def test_the_visibility_timeout_outlasts_the_longest_build_and_its_retries() -> None:
    for limits in (Limits(), Limits(soft_s=12, retry_first_s=1), Limits(soft_s=3600)):
        longest = limits.hard_s + limits.longest_pause_s
        assert limits.visibility_timeout_s > longest
        assert limits.hard_s > limits.soft_s


def test_shows_sharing_a_source_wait_for_the_first_of_them(tmp_path: Path) -> None:
    files = []
    for name, text in [
        ("a", 'lead = "lead.txt"\nfeeds = ["https://example.org/a.rss"]\n'),
        ("b", 'lead = "other.txt"\n'),
        ("c", 'lead = "./lead.txt"\n'),  # the same page as a's
        ("d", 'lead = "d.txt"\nfeeds = ["https://example.org/a.rss"]\n'),
        ("e", "lead = [\n"),  # unreadable: shares nothing
        ("f", 'lead = "f.txt"\nheadlines_from = "other.txt"\n'),
    ]:
        files.append(tmp_path / f"{name}.toml")
        files[-1].write_text(text)
    assert first_builds(files) == {2: 0, 3: 0, 5: 1}


def test_the_table_has_a_row_per_show_and_a_summary() -> None:
    results = [
        ShowResult("Tiny", "/s/tiny.toml", "2026-05-01", "made", "/o/2026-05-01-tiny.mp3", 92.4,
                   3.21, "a note", ("a note", "another")),
        ShowResult("broken", "/s/broken.toml", "2026-05-01", "failed", note="bad (fix it)",
                   tries=2),
    ]  # fmt: skip
    lines = format_table(results).splitlines()
    assert re.split(r"\s{2,}", lines[0]) == [
        "show",
        "episode",
        "audio",
        "seconds",
        "status",
        "note",
    ]
    assert re.split(r"\s{2,}", lines[1]) == [
        "Tiny", "2026-05-01-tiny.mp3", "1:32", "3.2", "made", "a note (+1 more)"
    ]  # fmt: skip
    assert re.split(r"\s{2,}", lines[2]) == [
        "broken", "-", "-", "0.0", "failed", "bad (fix it) (after 2 tries)"
    ]  # fmt: skip
    assert lines[3] == "2 shows: 1 made, 1 failed"


def test_a_worker_keeps_the_voices_it_loaded_for_its_next_episodes() -> None:
    from briefing.batch import jobs
    from briefing.engines import piper
    from briefing.engines.voices import load_voice

    voice = load_voice("joe")
    rate = voice.settings.native_rate()
    jobs._held.clear()
    engine = voice.settings.load(rate)
    loaded = id(engine._loaded)  # type: ignore[attr-defined]
    del engine
    gc.collect()
    assert loaded not in map(id, piper._open_voices.values())  # a one-off build lets it go

    engine = voice.settings.load(rate)
    kept = engine._loaded  # type: ignore[attr-defined]
    keep_voices_loaded()
    del engine
    gc.collect()
    assert voice.settings.load(rate)._loaded is kept  # type: ignore[attr-defined]
    jobs._held.clear()


# --- on one machine: --jobs -----------------------------------------------------------------


def test_jobs_2_builds_every_show_and_a_broken_show_fails_alone(
    tmp_path: Path, fresh_cache: Path
) -> None:
    shows = make_shows(tmp_path, ["one", "two", "three"])
    break_show(shows)
    run = run_cli("batch", shows, "--jobs", "2", "--date", "2026-05-01")
    assert run.code == 10, run.stderr  # a show failed, after the others were made
    rows = table(run.stdout)
    assert rows["broken"][0] == "failed"
    assert "not valid TOML" in rows["broken"][1] and "fix the file" in rows["broken"][1]
    assert {rows[f"Tiny {n}"][0] for n in ("one", "two", "three")} == {"made"}
    assert run.stdout.splitlines()[-1] == "4 shows: 1 failed, 3 made"
    episodes = {}
    for name in ("one", "two", "three"):
        assert_one_episode(tmp_path / "out" / name, "2026-05-01")
        episodes[name] = (tmp_path / "out" / name / f"2026-05-01-tiny-{name}.mp3").read_bytes()
        assert f"Tiny {name} 2026-05-01" in run.stderr  # a line as each show ends

    again = run_cli("batch", shows, "--jobs", "2", "--date", "2026-05-01", "-q")
    assert again.code == 10 and again.stderr == ""
    rows = table(again.stdout)
    assert {rows[f"Tiny {n}"][0] for n in ("one", "two", "three")} == {"already made"}
    for name, audio in episodes.items():
        assert_one_episode(tmp_path / "out" / name, "2026-05-01")
        assert (tmp_path / "out" / name / f"2026-05-01-tiny-{name}.mp3").read_bytes() == audio


def test_a_show_past_its_time_limit_stops_cleanly_leaving_the_last_episode(
    tmp_path: Path, fresh_cache: Path
) -> None:
    from .conftest import LONDON

    shows = make_shows(tmp_path, ["slow"], lead="../pages/slow")
    (tmp_path / "pages" / "slow").mkdir()
    (tmp_path / "pages" / "slow.txt").rename(tmp_path / "pages" / "slow" / "a.txt")
    first = run_cli("batch", shows, "--date", "2026-05-01", "-q")
    assert first.code == 0, first.stdout + first.stderr
    out = tmp_path / "out" / "slow"
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    longer = tmp_path / "pages" / "slow" / "b.txt"  # the newest page: London Daily, 7 minutes
    longer.write_text(LONDON.read_text())
    os.utime(longer, (time.time() + 60, time.time() + 60))
    run = run_cli("batch", shows, "--date", "2026-05-02", "--timeout", "3")
    assert run.code == 10, run.stderr
    status, note = table(run.stdout)["Tiny slow"]
    assert status == "timed out" and "--timeout" in note and "nothing half-written" in note
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_no_wait_needs_a_broker_and_an_unreachable_broker_is_its_own_exit_code(
    tmp_path: Path,
) -> None:
    shows = make_shows(tmp_path, ["one"])
    run = run_cli("batch", shows, "--no-wait")
    assert run.code == 2 and "--no-wait needs --broker" in run.stderr
    closed = "redis://127.0.0.1:1/0"
    run = run_cli("batch", shows, "--broker", closed)
    assert run.code == 11 and "cannot reach the broker at redis://127.0.0.1:1/0" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
    run = run_cli("worker", "--broker", closed)
    assert run.code == 11 and "cannot reach the broker" in run.stderr
    assert not (tmp_path / "out").exists()


# --- on many machines: Celery workers ---------------------------------------------------------


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _show_being_built(pid: int) -> Path | None:
    """The output directory `pid` is building an episode in: it holds a show's lock there
    and its build's work directory exists."""
    try:
        links = [os.readlink(fd) for fd in Path(f"/proc/{pid}/fd").iterdir()]
    except OSError:
        return None
    for link in links:
        if "/.briefing-batch-" in link and any(Path(link).parent.glob(".briefing-work-*")):
            return Path(link).parent
    return None


class Worker:
    """`briefing worker` in a process of its own, its log in a file."""

    def __init__(self, name: str, broker: str, root: Path, cache: Path) -> None:
        self.name = name
        self.log = root / f"{name}.log"
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "briefing",
                    "worker",
                    "--broker",
                    broker,
                    "--concurrency",
                    "1",
                    "--hostname",
                    f"{name}@%h",
                    "--time-limit",
                    "12",
                    "--retry-delay",
                    "1",
                ],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                cwd=root,
                env={**os.environ, "BRIEFING_CACHE_DIR": str(cache)},
                start_new_session=True,
            )

    def wait_ready(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if f"{self.name}@" in self.text() and " ready." in self.text():
                return
            assert self.process.poll() is None, self.text()
            time.sleep(0.05)
        raise AssertionError(f"{self.name} did not start:\n{self.text()}")

    def text(self) -> str:
        return self.log.read_text(errors="replace")

    def lines(self, show: str, day: str) -> list[str]:
        """This worker's line for each task of `show` for `day` it ended (or tried again)."""
        return [line for line in self.text().splitlines() if f"] {show} {day} " in line]

    def building(self) -> tuple[int, Path] | None:
        """A build process of this worker in the middle of a build, and where."""
        for child in _children(self.process.pid):
            where = _show_being_built(child)
            if where:
                return child, where
        return None

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # warm shutdown: finish, then go
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


@pytest.fixture(scope="module")
def broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with RedisServer(tmp_path_factory.mktemp("broker")) as server:
        yield server.url


@pytest.fixture(scope="module")
def workers(broker: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Worker]]:
    """Two workers on one speech cache, its models prepared (as on a machine that has
    built before), one build process each."""
    root = tmp_path_factory.mktemp("workers")
    cache = root / "speech-cache"
    warm = run_cli("build", TINY, "-q", "-o", root / "warm", env={"BRIEFING_CACHE_DIR": str(cache)})
    assert warm.code == 0, warm.stderr
    started = [Worker(name, broker, root, cache) for name in ("w1", "w2")]
    try:
        for worker in started:
            worker.wait_ready()
        yield started
    finally:
        for worker in started:
            worker.stop()


def start_batch(*args: str | Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "briefing", "batch", *map(str, args)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(batch: subprocess.Popen[str]) -> tuple[int, str, str]:
    stdout, stderr = batch.communicate(timeout=WAIT_S)
    return batch.returncode, stdout, stderr


def kill_mid_build(workers: list[Worker], whole: bool = False) -> tuple[Worker, Path]:
    """SIGKILL a build process in the middle of a build (with `whole`, its worker too, as
    when a machine is lost); the worker and the show's output directory."""
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        for worker in workers:
            found = worker.building()
            if found:
                child, where = found
                if whole:
                    os.killpg(worker.process.pid, signal.SIGKILL)
                    worker.process.wait()
                else:
                    os.kill(child, signal.SIGKILL)
                return worker, where
        time.sleep(0.005)
    raise AssertionError("no build was seen in progress")


def test_six_shows_on_two_workers_one_killed_mid_build_make_six_episodes_once(
    tmp_path: Path, broker: str, workers: list[Worker]
) -> None:
    shows = make_shows(tmp_path, NUMBERS)
    batch = start_batch(shows, "--broker", broker, "--date", "2026-06-01")
    _killer, killed = kill_mid_build(workers)
    code, stdout, stderr = finish(batch)
    assert code == 0, stdout + stderr
    rows = table(stdout)
    assert sorted(rows) == sorted(f"Tiny {n}" for n in NUMBERS)
    assert {status for status, _ in rows.values()} <= {"made", "already made"}
    assert stdout.splitlines()[-1].startswith("6 shows: ")
    for name in NUMBERS:
        assert_one_episode(tmp_path / "out" / name, "2026-06-01")
        ended = [line for w in workers for line in w.lines(f"Tiny {name}", "2026-06-01")]
        assert len(ended) == 1, ended  # each show's task ended once, the killed one too
    logs = "".join(w.text() for w in workers)
    assert "WorkerLostError" in logs and "signal 9 (SIGKILL)" in logs
    assert killed.name in NUMBERS


def test_a_broken_show_fails_once_and_a_site_not_answering_is_tried_again(
    tmp_path: Path, broker: str, workers: list[Worker]
) -> None:
    with NewsSite() as site:
        shows = make_shows(tmp_path, ["good"])
        make_shows(tmp_path, ["flaky"], lead=site.url("/status/503"))
        break_show(shows)
        run = run_cli("batch", shows, "--broker", broker, "--date", "2026-06-02")
        tried = site.hits["/status/503"]
    assert run.code == 10, run.stdout + run.stderr
    rows = table(run.stdout)
    assert rows["Tiny good"][0] == "made"
    assert rows["broken"][0] == "failed" and "not valid TOML" in rows["broken"][1]
    assert "after" not in rows["broken"][1]
    assert rows["Tiny flaky"][0] == "failed"
    assert "HTTP 503" in rows["Tiny flaky"][1] and "after 4 tries" in rows["Tiny flaky"][1]
    assert tried == 4
    assert sum(len(w.lines("broken", "2026-06-02")) for w in workers) == 1  # once, not retried
    flaky = [line for w in workers for line in w.lines("Tiny flaky", "2026-06-02")]
    assert len(flaky) == 4 and sum("trying again in" in line for line in flaky) == 3
    assert_one_episode(tmp_path / "out" / "good", "2026-06-02")


def test_two_batches_for_the_same_day_at_once_make_each_episode_once(
    tmp_path: Path, broker: str, workers: list[Worker]
) -> None:
    names = NUMBERS[:4]
    shows = make_shows(tmp_path, names)
    first = start_batch(shows, "--broker", broker, "--date", "2026-06-03")
    second = start_batch(shows, "--broker", broker, "--date", "2026-06-03")
    runs = [finish(first), finish(second)]
    assert [code for code, _, _ in runs] == [0, 0], runs
    tables = [table(stdout) for _, stdout, _ in runs]
    for name in names:
        statuses = sorted(rows[f"Tiny {name}"][0] for rows in tables)
        assert statuses == ["already made", "made"], (name, statuses)
        assert_one_episode(tmp_path / "out" / name, "2026-06-03")


def test_no_wait_prints_the_task_ids_and_the_workers_build_the_shows(
    tmp_path: Path, broker: str, workers: list[Worker]
) -> None:
    from briefing.batch.celery_app import make_app

    shows = make_shows(tmp_path, ["one", "two"])
    run = run_cli("batch", shows, "--broker", broker, "--date", "2026-06-04", "--no-wait")
    assert run.code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert [line.split("  ")[1] for line in lines] == [
        str(shows.resolve() / "one.toml"), str(shows.resolve() / "two.toml")
    ]  # fmt: skip
    backend = make_app(broker).backend
    for line, name in zip(lines, ("one", "two"), strict=True):
        task_id = line.split("  ")[0]
        assert re.fullmatch(r"[0-9a-f-]{36}", task_id)
        deadline = time.monotonic() + WAIT_S
        while backend.get_task_meta(task_id)["status"] != "SUCCESS":
            assert time.monotonic() < deadline, f"task {task_id} did not end"
            time.sleep(0.2)
        result = ShowResult.from_dict(backend.get_task_meta(task_id)["result"])
        assert result.status == "made" and result.show == f"Tiny {name}"
        assert_one_episode(tmp_path / "out" / name, "2026-06-04")


def test_a_worker_lost_whole_has_its_show_built_by_another(
    tmp_path: Path, broker: str, workers: list[Worker]
) -> None:
    """Last: it kills a worker for good. Its task waits in Redis until the visibility
    timeout (33 s with --time-limit 12) and is then built by the other."""
    names = ["seven", "eight", "nine"]
    shows = make_shows(tmp_path, names)
    batch = start_batch(shows, "--broker", broker, "--date", "2026-06-05")
    lost, killed = kill_mid_build(workers, whole=True)
    code, stdout, stderr = finish(batch)
    assert code == 0, stdout + stderr
    rows = table(stdout)
    assert {rows[f"Tiny {n}"][0] for n in names} <= {"made", "already made"}
    for name in names:
        assert_one_episode(tmp_path / "out" / name, "2026-06-05")
    (other,) = [w for w in workers if w is not lost]
    assert len(other.lines(f"Tiny {killed.name}", "2026-06-05")) == 1
    assert f"removed {killed.name}/.briefing-work-" in other.text()  # what the killed one left
