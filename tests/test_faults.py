"""The fault and bad-input catalogue (docs/reliability.md): a one-line error and its exit
code, nothing partial left behind, everything published before byte-identical, and the next
run succeeds. Faults tested elsewhere are listed in docs/reliability.md with their tests."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from lxml import etree

from briefing.errors import ExitCode

from .conftest import LONDON, TINY, run_cli, snapshot


@pytest.fixture
def published(tmp_path: Path) -> Path:
    """An output directory holding a published episode and its feed."""
    out = tmp_path / "out"
    run = run_cli("build", TINY, "-H", "1", "-q", "-o", out)
    assert run.code == 0, run.stderr
    assert run_cli("publish", out, "--base-url", "https://e.org/").code == 0
    return out


def one_line(run, code: ExitCode) -> str:  # type: ignore[no-untyped-def]
    assert run.code == code, (run.code, run.stderr)
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "Traceback" not in run.stderr, run.stderr
    return errors[0]


def next_run_succeeds(out: Path) -> None:
    run = run_cli("build", TINY, "-H", "1", "-q", "-o", out)
    assert run.code == 0, run.stderr


@pytest.mark.parametrize(
    ("name", "content", "code", "phrase"),
    [
        ("whitespace.txt", b" \n\t \n", ExitCode.CONTENT, "is empty"),
        (
            "no-article.html",
            b"<html><body><nav>Home</nav><p>Menu</p></body></html>",
            ExitCode.CONTENT,
            "no article found in the HTML page",
        ),
        (
            "no-title.txt",
            b"The council voted on Monday night to approve a new tram line for the city.\n",
            ExitCode.CONTENT,
            "no headline found",
        ),
    ],
)
def test_bad_inputs(
    published: Path, tmp_path: Path, name: str, content: bytes, code: ExitCode, phrase: str
) -> None:
    before = snapshot(published)
    page = tmp_path / name
    page.write_bytes(content)
    assert phrase in one_line(run_cli("build", page, "-o", published), code)
    assert snapshot(published) == before
    next_run_succeeds(published)


def briefing(*args: str | os.PathLike[str]) -> list[str]:
    """The command line of the real CLI in a child process, for tests that signal it."""
    return [sys.executable, "-m", "briefing", *map(str, args)]


def test_a_50_mb_file(published: Path, tmp_path: Path) -> None:
    page = tmp_path / "huge.txt"
    with page.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: quick to make
    handle_bytes = page.read_bytes()[:10]
    assert handle_bytes == b"\0" * 10
    before = snapshot(published)
    assert "too large" in one_line(run_cli("build", page, "-o", published), ExitCode.INPUT)
    assert snapshot(published) == before


def test_article_without_title_builds_with_title_option(tmp_path: Path) -> None:
    page = tmp_path / "story.txt"
    page.write_text("The council voted on Monday night to approve a new tram line for the city.\n")
    run = run_cli("script", page, "--title", "Tram line approved")
    assert run.code == 0 and "## Lead: Tram line approved" in run.stdout


def test_a_thousand_headlines(tmp_path: Path) -> None:
    headlines = tmp_path / "headlines.txt"
    headlines.write_text("\n".join(f"Story number {n} about the harbour" for n in range(1000)))
    run = run_cli("script", TINY, "--headlines-from", headlines, "-H", "all", "--keep-duplicates")
    assert run.code == 0, run.stderr
    assert run.stdout.count("## Headline:") == 1000


def test_hostile_titles_stay_inside_and_stay_well_formed(tmp_path: Path) -> None:
    page = tmp_path / "story.json"
    long_word = "x" * 300
    page.write_text(
        json.dumps(
            {
                "title": f'../../etc/passwd \x07 AT&T <b>"Q&A"</b> {long_word}',
                "body": f"The harbour festival returns after a break. {long_word} ends here.",
                "date": "2026-06-01",
                "publication": "../../../tmp/evil <show> & co",
            }
        )
    )
    out = tmp_path / "out"
    run = run_cli("build", page, "-q", "-o", out)
    assert run.code == 0, run.stderr
    made = Path(run.stdout.strip())
    assert made.parent == out and made.name.isascii() and ".." not in made.name
    assert run_cli("publish", out, "--base-url", "https://e.org/").code == 0
    root = etree.fromstring((out / "feed.xml").read_bytes(), etree.XMLParser(recover=False))
    assert "AT&T <b>" in root.findtext("channel/item/title")


def test_disk_full_during_encode(published: Path) -> None:
    """A file-size limit stands in for a full disk: the MP3 cannot be written."""
    before = snapshot(published)

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))

    done = subprocess.run(
        briefing("build", TINY, "-H", "1-2", "-q", "-o", published),
        capture_output=True,
        text=True,
        preexec_fn=limit,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert done.returncode in (ExitCode.AUDIO, ExitCode.OUTPUT), done.stderr
    assert len([line for line in done.stderr.splitlines() if line.startswith("error:")]) == 1
    assert snapshot(published) == before
    next_run_succeeds(published)


def test_sigint_during_synthesis(published: Path) -> None:
    before = snapshot(published)
    process = subprocess.Popen(
        briefing("build", LONDON, "--no-cache", "-o", published),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    line = ""
    while "segments" not in line:  # synthesis has started
        line = process.stderr.readline()
        assert line or process.poll() is None
    time.sleep(1.0)
    process.send_signal(signal.SIGINT)
    _, rest = process.communicate(timeout=60)
    assert process.returncode == ExitCode.INTERRUPTED
    assert "error: interrupted; nothing was written" in rest
    assert snapshot(published) == before
    next_run_succeeds(published)


def test_sigterm_while_waiting_to_write_the_feed(published: Path) -> None:
    """A publisher stopped while another holds the directory's lock leaves the feed as it was."""
    from briefing.publish.publisher import lock

    before = snapshot(published)
    with lock(published):
        process = subprocess.Popen(
            briefing("publish", published, "--base-url", "https://e.org/"),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(2.0)  # it is waiting for the lock
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=30)
    assert process.returncode == ExitCode.INTERRUPTED and "interrupted" in stderr
    assert snapshot(published) == before


def test_two_builds_of_the_same_episode_at_once(published: Path) -> None:
    processes = [
        subprocess.Popen(
            briefing("build", TINY, "-H", "1-2", "-q", "-o", published),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [p.communicate(timeout=300) for p in processes]
    assert [p.returncode for p in processes] == [0, 0], results
    names = {p.name for p in published.iterdir()}
    assert not [n for n in names if n.endswith(".part")]
    meta = json.loads((published / "2026-03-02-the-tiny-times.json").read_text())
    assert meta["bytes"] == (published / meta["audio"]).stat().st_size  # one build's files, whole
    assert meta["episode"] == 1


def test_unwritable_output_directory(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        blocker = tmp_path / "file"
        blocker.write_text("")
        target = blocker / "out"  # root can write anywhere: a path through a file cannot be made
    else:
        target = tmp_path / "ro"
        target.mkdir(mode=0o500)
    assert "cannot write to" in one_line(run_cli("build", TINY, "-o", target), ExitCode.OUTPUT)


def test_a_killed_builds_work_directory_is_cleared_later(tmp_path: Path) -> None:
    """SIGKILL leaves the hidden work directory; the next build removes it once it is stale,
    and leaves a recent one (another build may be using it) alone."""
    out = tmp_path / "out"
    stale, recent = out / ".briefing-work-killed", out / ".briefing-work-running"
    for work in (stale, recent):
        work.mkdir(parents=True)
        (work / "voice.pcm").write_bytes(bytes(1000))
    old = time.time() - 7 * 3600
    os.utime(stale / "voice.pcm", (old, old))
    os.utime(stale, (old, old))
    run = run_cli("build", TINY, "-H", "1", "-q", "-o", out)
    assert run.code == 0, run.stderr
    assert not stale.exists() and (recent / "voice.pcm").is_file()
