"""End to end: the real CLI, real Piper, real ffmpeg, read back by mutagen and by ffmpeg."""

from __future__ import annotations

import itertools
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from mutagen.id3 import ID3, CTOCFlags
from mutagen.mp3 import MP3, BitrateMode

from briefing.ingest import load_page
from briefing.script.normalize import normalize, shipped_lexicon
from briefing.script.sentences import spoken_sentences

from .conftest import ENCODER_DELAY_MS, LONDON, TINY, ffmetadata_chapters, run_cli, snapshot


def test_build_prints_the_dated_episode_path(london_episode) -> None:
    path, run = london_episode
    assert path.name == "2026-01-14-london-daily.mp3"
    assert path.is_file()
    assert run.stdout.strip() == str(path)
    # Off a terminal, progress is plain lines; no warning (pydub's "couldn't find ffmpeg")
    lines = run.stderr.splitlines()
    assert lines[0] == "speech: 51 segments, 0 from the cache"
    progress = [re.sub(r"\d+ of", "N of", line) for line in lines if " sentences made" in line]
    assert progress == ["speech: N of 51 sentences made"] * 3
    done = r"speech: done in [\d.]+ s \(51 synthesised, 0 from the cache\)"
    assert any(re.fullmatch(done, line) for line in lines)
    assert any(re.fullmatch(r"loudness: .* \(linear(, limited)?\)", line) for line in lines)
    figures = r"[\d.]+ s, 6 chapters, -?[\d.]+ LUFS, peak -?[\d.]+ dBTP"
    assert re.fullmatch(rf"wrote {re.escape(str(path))} \({figures}\)", lines[-1])
    assert not [line for line in lines if line.startswith(("warning", "error"))]
    stem = path.stem
    listing = sorted(p.name for p in path.parent.iterdir() if p.name != ".briefing.lock")
    suffixes = [".mp3", ".jpg", ".chapters.json", ".vtt", ".srt", ".transcript.json"]
    suffixes += [".md", ".html", ".json"]
    assert listing == sorted(f"{stem}{suffix}" for suffix in suffixes)  # no temp files left


def test_stream_is_mono_44k_cbr_96k(london_episode) -> None:
    info = MP3(london_episode[0]).info
    assert (info.channels, info.sample_rate, info.bitrate) == (1, 44100, 96000)
    assert info.bitrate_mode == BitrateMode.CBR


def test_duration_matches_the_assembled_length(london_episode, ffmpeg: str) -> None:
    path, _ = london_episode
    id3 = ID3(path, v2_version=3)
    assembled_ms = int(id3["TLEN"].text[0])  # written from the assembled PCM's sample count
    assert abs(MP3(path).info.length * 1000 - assembled_ms) <= 50
    decoded = subprocess.run(
        [ffmpeg, "-v", "error", "-i", str(path), "-f", "s16le", "-ac", "1", "-ar", "44100", "-"],
        capture_output=True,
        check=True,
    ).stdout
    assert abs(len(decoded) / 2 / 44.1 - assembled_ms) <= 5  # gapless decoders: exact
    assert assembled_ms > 3 * 60 * 1000  # the whole article was spoken


def test_chapters_are_lead_then_five_headlines_contiguous(london_episode) -> None:
    path, _ = london_episode
    page = load_page(LONDON)
    id3 = ID3(path, v2_version=3)
    assert id3.version == (2, 3, 0)
    chaps = sorted(id3.getall("CHAP"), key=lambda c: c.start_time)
    titles = [c.sub_frames["TIT2"].text[0] for c in chaps]
    assert titles == [page.article.title] + [h.title for h in page.headlines[:5]]
    (toc,) = [t for t in id3.getall("CTOC") if t.flags & CTOCFlags.TOP_LEVEL]
    assert toc.flags & CTOCFlags.ORDERED
    assert list(toc.child_element_ids) == [c.element_id for c in chaps]
    assert chaps[0].start_time == 0
    for before, after in itertools.pairwise(chaps):
        assert before.end_time == after.start_time
        assert after.start_time > before.start_time
    assert abs(chaps[-1].end_time - int(id3["TLEN"].text[0])) <= 1
    assert abs(chaps[-1].end_time - MP3(path).info.length * 1000) <= 50


def test_ffmpeg_reads_the_same_chapters(london_episode, ffmpeg: str) -> None:
    path, _ = london_episode
    chaps = sorted(ID3(path).getall("CHAP"), key=lambda c: c.start_time)
    listed = ffmetadata_chapters(ffmpeg, path)
    assert [t for _, _, t in listed] == [c.sub_frames["TIT2"].text[0] for c in chaps]
    for (start, end, _), chap in zip(listed, chaps, strict=True):
        assert abs(start - max(0, chap.start_time - ENCODER_DELAY_MS)) <= 1
        assert abs(end - (chap.end_time - ENCODER_DELAY_MS)) <= 1


def test_tags(london_episode) -> None:
    id3 = ID3(london_episode[0], v2_version=3)
    assert id3["TIT2"].text == ["14 January 2026: Let British troops stay in Iraq, UK urges"]
    assert id3["TPE1"].text == ["London Daily"] and id3["TALB"].text == ["London Daily"]
    assert (id3["TYER"].text, id3["TDAT"].text) == (["2026"], ["1401"])
    assert id3["TCON"].text == ["Podcast"]
    assert id3.getall("COMM")[0].text[0].startswith("No 10 has urged Iraq")
    (cover,) = id3.getall("APIC")
    assert cover.mime == "image/jpeg" and 0 < len(cover.data) <= 500_000


def test_inspect_json_and_table(london_episode) -> None:
    path, _ = london_episode
    run = run_cli("inspect", path, "--json")
    assert run.code == 0, run.stderr
    info = json.loads(run.stdout)
    assert info["tags"]["artist"] == "London Daily"
    assert info["tags"]["date"] == "2026-01-14"
    assert len(info["chapters"]) == 6 and info["toc"] == [c["id"] for c in info["chapters"]]
    assert (info["sample_rate"], info["channels"], info["bitrate_kbps"]) == (44100, 1, 96)
    table = run_cli("inspect", path)
    assert table.code == 0
    assert "6 chapters" in table.stdout and "London Daily" in table.stdout
    assert "Let British troops stay in Iraq" in table.stdout


def test_headlines_command_numbers_the_list() -> None:
    run = run_cli("headlines", LONDON)
    assert run.code == 0
    lines = run.stdout.splitlines()
    assert len(lines) == 50
    number, title = lines[0].split(None, 1)
    assert number == "1"
    assert title.startswith("UK Intensifies Arctic Security Engagement as Trump’s Greenland")
    assert lines[49].startswith(" 50  Trump Threatens Strikes")


def test_script_command_prints_without_making_audio(tmp_path: Path) -> None:
    run = run_cli("script", LONDON, "-H", "2,4", cwd=tmp_path)
    assert run.code == 0, run.stderr
    page = load_page(LONDON)
    lines = run.stdout.splitlines()
    for paragraph in page.article.paragraphs:  # every sentence of it, as it will be said
        for sentence in spoken_sentences(normalize(paragraph, shipped_lexicon())):
            assert sentence in lines
    assert page.headlines[1].title in run.stdout and page.headlines[3].title in run.stdout
    assert page.headlines[0].title not in run.stdout
    for furniture in ("\nNewsletter\n", "\nRelated Articles\n", "0:00", "\nClose\n", "×"):
        assert furniture not in run.stdout
    assert not (tmp_path / "output").exists()


def test_default_output_dir_and_show_override(tmp_path: Path) -> None:
    run = run_cli("build", TINY, "-H", "none", "--show-name", "Morning Notes", "-q", cwd=tmp_path)
    assert run.code == 0, run.stderr
    path = tmp_path / "output" / "2026-03-02-morning-notes.mp3"
    assert run.stdout.strip() == "output/2026-03-02-morning-notes.mp3"
    chaps = ID3(path).getall("CHAP")
    assert [c.sub_frames["TIT2"].text[0] for c in chaps] == [
        "Harbour festival returns after three years"
    ]


def fake_ffmpeg(tmp_path: Path, ffmpeg: str, behaviour: str) -> Path:
    """An ffmpeg that does everything truly except encode the MP3: there it writes half a
    file, then `behaviour`: 'fail' exits 1; 'hang' touches a marker file and sleeps."""
    script = tmp_path / "ffmpeg"
    marker = tmp_path / "encoding"
    script.write_text(
        f"""#!/bin/sh
case " $* " in *" libmp3lame "*) ;; *) exec "{ffmpeg}" "$@";; esac
for last; do :; done
out=${{last#*]}}; out=${{out%%|*}}  # the MP3 the tee muxer would write: [opts]FILE|[opts]pipe:1
printf 'ID3 half an mp3' > "$out"
if [ "{behaviour}" = hang ]; then touch "{marker}"; exec sleep 60; fi
echo "Conversion failed: disk on fire" >&2
exit 1
"""
    )
    script.chmod(0o755)
    return script


@pytest.fixture
def published(tmp_path: Path) -> Path:
    """A previously published episode, to prove a failed rebuild leaves it untouched."""
    out = tmp_path / "out"
    run = run_cli("build", TINY, "-H", "1", "-o", out, "-q")
    assert run.code == 0, run.stderr
    return Path(run.stdout.strip())


def test_failed_encode_leaves_the_published_episode_untouched(
    tmp_path: Path, ffmpeg: str, published: Path
) -> None:
    before = snapshot(published.parent)
    fake = fake_ffmpeg(tmp_path, ffmpeg, "fail")
    run = run_cli(
        "build", TINY, "-H", "1-2", "-q", "-o", published.parent, env={"BRIEFING_FFMPEG": str(fake)}
    )
    assert run.code == 6
    assert run.stderr.startswith("error: ffmpeg could not encode the episode")
    assert len(run.stderr.strip().splitlines()) == 1
    assert snapshot(published.parent) == before


def test_sigterm_during_encode_leaves_nothing_behind(
    tmp_path: Path, ffmpeg: str, published: Path
) -> None:
    before = snapshot(published.parent)
    fake = fake_ffmpeg(tmp_path, ffmpeg, "hang")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "briefing",
            "build",
            TINY,
            "-H",
            "1-2",
            "-q",
            "-o",
            published.parent,
        ],
        env={**os.environ, "BRIEFING_FFMPEG": str(fake)},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not (tmp_path / "encoding").exists():
            assert process.poll() is None and time.monotonic() < deadline, process.stderr.read()
            time.sleep(0.1)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=30)
    finally:
        os.killpg(process.pid, signal.SIGKILL) if process.poll() is None else None
        subprocess.run(["pkill", "-f", str(fake)], check=False)
    assert process.returncode == 130
    assert stderr.strip() == "error: interrupted; nothing was written"
    assert snapshot(published.parent) == before
