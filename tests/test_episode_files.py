"""A podcast-grade episode: loudness, transcripts, chapters JSON, show notes, cover, metadata.

Checked the way STANDARDS.md §1, §2 and §5 say: ffmpeg's ebur128 on the MP3 for loudness
(independent of the measurement that set the gain), webvtt-py and srt for transcripts.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
import re
import subprocess
from pathlib import Path

import pytest
import srt
import webvtt
from mutagen.id3 import ID3
from mutagen.mp3 import MP3
from PIL import Image

from briefing.ingest import load_page
from briefing.plan import BuildOptions, plan_episode

from .conftest import LONDON, TINY, ffmetadata_chapters, run_cli


def ebur128(ffmpeg: str, path: Path) -> tuple[float, float]:
    """(integrated LUFS, true peak dBTP) of a file, by ffmpeg's ebur128 filter."""
    out = subprocess.run(
        [ffmpeg, "-nostats", "-i", str(path), "-af", "ebur128=peak=true", "-f", "null", "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    summary = out[out.rfind("Summary:") :]
    integrated = float(re.search(r"I:\s+(-?[\d.]+) LUFS", summary).group(1))  # type: ignore[union-attr]
    peak = float(re.search(r"Peak:\s+(-?[\d.]+) dBFS", summary).group(1))  # type: ignore[union-attr]
    return integrated, peak


def seconds(timestamp: str) -> float:
    """ "00:05:56.331" → 356.331 (webvtt-py's *_in_seconds drop the milliseconds)."""
    hours, minutes, rest = timestamp.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(rest)


def sidecar(episode: Path, suffix: str) -> Path:
    return episode.with_name(episode.stem + suffix)


def spoken_script() -> list[str]:
    plan = plan_episode(
        load_page(LONDON), "1-5", BuildOptions(keep_duplicates=True), today=dt.date(2026, 1, 14)
    )
    return list(plan.script.sentences)


def test_loudness_and_true_peak_of_the_mp3(london_episode, ffmpeg: str) -> None:
    integrated, peak = ebur128(ffmpeg, london_episode[0])
    assert -20.0 <= integrated <= -18.0  # mono: -19 LUFS ± 1
    assert peak <= -1.0


def test_chapters_json_matches_the_id3_chapters(london_episode) -> None:
    path = london_episode[0]
    data = json.loads(sidecar(path, ".chapters.json").read_text())
    assert data["version"] == "1.2.0"
    id3 = sorted(ID3(path).getall("CHAP"), key=lambda c: c.start_time)
    assert [c["startTime"] for c in data["chapters"]] == [c.start_time / 1000 for c in id3]
    assert [c["title"] for c in data["chapters"]] == [c.sub_frames["TIT2"].text[0] for c in id3]
    assert all(isinstance(c["startTime"], float) for c in data["chapters"])
    starts = [c["startTime"] for c in data["chapters"]]
    assert starts == sorted(starts) and starts[0] == 0.0


def test_vtt_transcript(london_episode) -> None:
    path = london_episode[0]
    raw = sidecar(path, ".vtt").read_text(encoding="utf-8")
    assert raw.startswith("WEBVTT\n\n")
    captions = list(webvtt.from_string(raw))
    duration = MP3(path).info.length
    starts = [seconds(c.start) for c in captions]
    assert starts == sorted(starts)
    for caption in captions:
        assert seconds(caption.end) > seconds(caption.start)
        assert seconds(caption.start) >= 0 and seconds(caption.end) <= duration
        assert all(len(re.sub(r"<[^>]+>", "", line)) <= 65 for line in caption.lines)
        assert caption.voice == "Joe"
    spoken = " ".join(c.text.replace("\n", " ") for c in captions)
    assert spoken == " ".join(spoken_script())


def test_srt_transcript(london_episode) -> None:
    path = london_episode[0]
    subtitles = list(srt.parse(sidecar(path, ".srt").read_text(encoding="utf-8")))
    duration = MP3(path).info.length
    assert [s.start for s in subtitles] == sorted(s.start for s in subtitles)
    assert all(s.start < s.end and s.end.total_seconds() <= duration for s in subtitles)
    assert " ".join(s.content.replace("\n", " ") for s in subtitles) == " ".join(spoken_script())


def words_of(episode: Path) -> list[dict]:
    document = json.loads(sidecar(episode, ".transcript.json").read_text(encoding="utf-8"))
    assert document["version"] == "1.0.0"
    return document["segments"]


def test_json_transcript_has_every_spoken_word_in_order(london_episode) -> None:
    """Podcasting 2.0 JSON: a segment per word, ordered, inside the audio, the words joined
    are the spoken script; Piper's times are exact, not estimated."""
    path = london_episode[0]
    words = words_of(path)
    duration = MP3(path).info.length
    assert " ".join(w["body"] for w in words) == " ".join(spoken_script())
    assert all(set(w) >= {"speaker", "startTime", "endTime", "body"} for w in words)
    assert all(w["speaker"] == "Joe" and "estimated" not in w for w in words)
    assert all(0 <= w["startTime"] <= w["endTime"] <= duration for w in words)
    for before, after in itertools.pairwise(words):
        assert before["endTime"] <= after["startTime"] + 0.001
    assert sum(w["endTime"] > w["startTime"] for w in words) >= 0.99 * len(words)


def test_json_transcript_maps_spoken_words_back_to_the_written(london_episode) -> None:
    words = words_of(london_episode[0])
    runs = {
        w["written"]: " ".join(x["body"] for x in words[n : n + w["writtenWords"]])
        for n, w in enumerate(words)
        if "written" in w
    }
    assert (runs["No"], runs["10"]) == ("Number", "ten")
    assert runs["Mr"] == "Mister"
    assert runs["25,000"].rstrip(".,") == "twenty-five thousand"


def test_vtt_words_carry_their_start_as_inline_timestamps(london_episode) -> None:
    """Each cue's inline timestamps rise inside the cue and are its words' starts."""
    path = london_episode[0]
    starts = {round(w["startTime"], 3) for w in words_of(path)}
    stamps_seen = 0
    for caption in webvtt.from_string(sidecar(path, ".vtt").read_text()):
        stamps = [seconds(t) for t in re.findall(r"<(\d\d:\d\d:\d\d\.\d{3})>", caption.raw_text)]
        bounds = [seconds(caption.start), *stamps, seconds(caption.end)]
        assert bounds == sorted(bounds) and len(set(bounds)) == len(bounds)
        assert all(round(t, 3) in starts for t in stamps)
        stamps_seen += len(stamps)
    assert stamps_seen >= 0.9 * (len(starts) - len(spoken_script()))


def test_chapters_start_between_words(london_episode, ffmpeg: str) -> None:
    """No chapter starts inside a word, as an independent reader of the MP3 sees them."""
    path = london_episode[0]
    starts = [start / 1000 for start, _, _ in ffmetadata_chapters(ffmpeg, path)]
    assert len(starts) == 6
    for start in starts:
        assert not any(w["startTime"] < start < w["endTime"] for w in words_of(path))


def test_cues_start_where_sentences_start(london_episode) -> None:
    """The lead story's chapter starts 250 ms before its first cue: cues are exact."""
    path = london_episode[0]
    captions = list(webvtt.from_string(sidecar(path, ".vtt").read_text()))
    chapters = json.loads(sidecar(path, ".chapters.json").read_text())["chapters"]
    title_cue = next(
        c
        for c in captions
        if c.text.startswith("UK Intensifies") or "Now, the headlines." in c.text
    )
    assert abs(seconds(title_cue.start) - (chapters[1]["startTime"] + 0.25)) < 0.002


def test_show_notes(london_episode) -> None:
    path = london_episode[0]
    notes = sidecar(path, ".md").read_text()
    assert notes.startswith("# 14 January 2026: Let British troops stay in Iraq, UK urges\n")
    for chapter in json.loads(sidecar(path, ".chapters.json").read_text())["chapters"]:
        minutes, seconds = divmod(int(chapter["startTime"]), 60)
        assert f"- {minutes}:{seconds:02d} " in notes
    html = sidecar(path, ".html").read_text()
    assert html.startswith("<!DOCTYPE html>") and "<li>" in html and "No 10 has urged" in html


def test_cover_beside_and_embedded(london_episode) -> None:
    path = london_episode[0]
    cover = sidecar(path, ".jpg").read_bytes()
    image = Image.open(io.BytesIO(cover))
    assert image.size == (1400, 1400) and image.mode == "RGB" and image.format == "JPEG"
    (embedded,) = ID3(path).getall("APIC")
    assert embedded.data == cover and len(cover) <= 500_000


def test_metadata_is_complete_and_true(london_episode) -> None:
    path = london_episode[0]
    meta = json.loads(path.with_suffix(".json").read_text())
    assert meta["audio"] == path.name and meta["bytes"] == path.stat().st_size
    assert abs(meta["duration_s"] - MP3(path).info.length) < 0.05
    assert meta["loudness_mode"] == "linear" and -20 <= meta["loudness_lufs"] <= -18
    assert len(meta["chapters"]) == 6 and meta["voices"] == ["joe"]
    for kind, name in meta["files"].items():
        assert (path.parent / name).is_file(), kind


def test_inspect_reports_loudness(london_episode) -> None:
    info = json.loads(run_cli("inspect", london_episode[0], "--json").stdout)
    assert -20 <= info["loudness"]["integrated_lufs"] <= -18
    assert info["loudness"]["true_peak_dbtp"] <= -1.0
    table = run_cli("inspect", london_episode[0]).stdout
    assert re.search(r"loudness\s+-1\d\.\d LUFS integrated, true peak -\d\.\d dBTP", table)


@pytest.fixture(scope="module")
def produced(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """TINY as a stereo show with stings, a music bed, a host and its own artwork."""
    work = tmp_path_factory.mktemp("produced")
    Image.new("RGB", (2000, 1600), (200, 30, 30)).save(work / "art.png")
    (work / "show.toml").write_text(
        'name = "Harbour Radio"\nhost = "Sam"\nartwork = "art.png"\nstereo = true\n'
        'intro_sting = "default"\noutro_sting = "default"\nmusic_bed = "default"\n'
    )
    run = run_cli("build", TINY, "--show", work / "show.toml", "-o", work / "out")
    assert run.code == 0, run.stderr
    return Path(run.stdout.strip())


def test_stereo_episode_at_the_stereo_target(produced: Path, ffmpeg: str) -> None:
    info = MP3(produced).info
    assert info.channels == 2 and info.sample_rate == 44100
    integrated, peak = ebur128(ffmpeg, produced)
    assert -17.0 <= integrated <= -15.0 and peak <= -1.0


def test_stings_and_bed_keep_chapters_and_cues_true(produced: Path) -> None:
    chapters = json.loads(sidecar(produced, ".chapters.json").read_text())["chapters"]
    captions = list(webvtt.from_string(sidecar(produced, ".vtt").read_text()))
    assert chapters[0]["startTime"] == 0.0
    assert seconds(captions[0].start) > 1.5  # after the intro sting
    assert abs(chapters[-1]["endTime"] - MP3(produced).info.length) < 0.05
    assert captions[0].voice == "Sam"  # the host's name labels the anchor
    assert seconds(captions[-1].end) < chapters[-1]["endTime"] - 1.0  # the outro sting follows
    words = words_of(produced)  # the words moved with their sentences, after the sting
    assert seconds(captions[0].start) <= words[0]["startTime"] < seconds(captions[0].end)
    assert words[-1]["endTime"] <= seconds(captions[-1].end)


def test_own_artwork_made_square(produced: Path) -> None:
    image = Image.open(io.BytesIO(sidecar(produced, ".jpg").read_bytes()))
    assert image.size == (1600, 1600) and image.mode == "RGB"
    assert image.getpixel((800, 800))[0] > 150  # it is the user's red picture, not ours


def test_bad_artwork_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "art.png").write_text("not an image")
    (tmp_path / "show.toml").write_text('artwork = "art.png"\n')
    run = run_cli("build", TINY, "--show", tmp_path / "show.toml", "-q", "-o", tmp_path / "out")
    assert run.code == 9 and "art.png: the show's artwork cannot be read" in run.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
