"""ID3 tags and chapters on a real MP3, read back by mutagen and by ffmpeg."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from mutagen.id3 import ID3, CTOCFlags
from mutagen.mp3 import MP3

from briefing.art import make_cover
from briefing.audio import Assembly, AudioFormat, encode_mp3
from briefing.models import Chapter
from briefing.tags import EpisodeTags, read_episode, write_tags

from .conftest import ENCODER_DELAY_MS, ffmetadata_chapters


def silent_mp3(tmp_path: Path, seconds: float) -> tuple[Path, int]:
    frames = int(seconds * 44100)
    (tmp_path / "silence.pcm").write_bytes(bytes(frames * 2))
    programme = Assembly(tmp_path / "silence.pcm", AudioFormat(44100), frames, chapters=())
    path = tmp_path / "ep.mp3"
    encode_mp3(programme, [], path)
    return path, round(seconds * 1000)


def chapters_for(duration_ms: int, titles: list[str]) -> tuple[Chapter, ...]:
    step = duration_ms // len(titles)
    bounds = [i * step for i in range(len(titles))] + [duration_ms]
    return tuple(
        Chapter(title=t, start_ms=bounds[i], end_ms=bounds[i + 1], url=f"https://example.org/{i}")
        for i, t in enumerate(titles)
    )


def tags_for(duration_ms: int, chapters: tuple[Chapter, ...]) -> EpisodeTags:
    return EpisodeTags(
        title="AT&T <CEO> 'Q&A' — ünïcode",
        show="Test Show",
        date=dt.date(2026, 1, 14),
        summary="A summary.",
        duration_ms=duration_ms,
        chapters=chapters,
        cover=make_cover("Test Show", dt.date(2026, 1, 14)),
    )


def test_tags_are_id3v23_with_every_frame(tmp_path: Path) -> None:
    path, duration = silent_mp3(tmp_path, 6)
    titles = [
        "Short",
        "A" * 20 + " long chapter title that goes well past eighty characters " + "B" * 20,
        "Béla Tarr",
    ]
    write_tags(path, tags_for(duration, chapters_for(duration, titles)))

    id3 = ID3(path, v2_version=3)  # as saved; mutagen would otherwise upgrade frames to v2.4
    assert id3.version == (2, 3, 0)
    assert id3["TIT2"].text == ["AT&T <CEO> 'Q&A' — ünïcode"]
    assert id3["TPE1"].text == ["Test Show"] and id3["TALB"].text == ["Test Show"]
    assert id3["TYER"].text == ["2026"] and id3["TDAT"].text == ["1401"]
    assert "TDRC" not in id3
    assert id3["TCON"].text == ["Podcast"]
    assert id3.getall("COMM")[0].text == ["A summary."]
    (apic,) = id3.getall("APIC")
    assert apic.type == 3 and apic.mime == "image/jpeg" and len(apic.data) <= 500_000

    chaps = sorted(id3.getall("CHAP"), key=lambda c: c.start_time)
    (toc,) = id3.getall("CTOC")
    assert toc.flags == CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED
    assert list(toc.child_element_ids) == [c.element_id for c in chaps] == ["chp0", "chp1", "chp2"]
    assert [c.sub_frames["TIT2"].text[0] for c in chaps] == titles
    assert chaps[1].sub_frames.getall("WXXX")[0].url == "https://example.org/1"


@pytest.mark.parametrize("with_images", [False, True])
def test_ffmpeg_reads_every_chapter_in_playback_order(
    tmp_path: Path, ffmpeg: str, with_images: bool
) -> None:
    path, duration = silent_mp3(tmp_path, 4)
    # Titles of very different sizes (80+ characters among them): mutagen alone would write
    # them ordered by size; in a v2.4 tag ffmpeg would drop those of 128 bytes or more.
    titles = ["x" * 90, "short", "m" * 40, "Long title with an ampersand & ümlauts " * 3, "z"]
    chapters = chapters_for(duration, titles)
    image = make_cover("Show", dt.date(2026, 1, 14), size=300) if with_images else None
    pictures = (image,) * len(chapters)
    write_tags(path, dataclasses.replace(tags_for(duration, chapters), chapter_pictures=pictures))
    if with_images:
        assert all(c.sub_frames.getall("APIC") for c in ID3(path).getall("CHAP"))
    listed = ffmetadata_chapters(ffmpeg, path)
    assert [title for _, _, title in listed] == [c.title for c in chapters]
    for (start, end, _), chapter in zip(listed, chapters, strict=True):
        assert abs(start - max(0, chapter.start_ms - ENCODER_DELAY_MS)) <= 1
        assert abs(end - (chapter.end_ms - ENCODER_DELAY_MS)) <= 1


def test_more_than_255_chapters_nest_under_the_top_level_toc(tmp_path: Path) -> None:
    path, duration = silent_mp3(tmp_path, 3)
    chapters = chapters_for(duration, [f"Story {n}" for n in range(300)])
    write_tags(path, tags_for(duration, chapters))
    id3 = ID3(path)
    tocs = {t.element_id: t for t in id3.getall("CTOC")}
    top = [t for t in tocs.values() if t.flags & CTOCFlags.TOP_LEVEL]
    assert len(top) == 1
    listed = [child for sub in top[0].child_element_ids for child in tocs[sub].child_element_ids]
    assert listed == [f"chp{n}" for n in range(300)]
    assert all(len(t.child_element_ids) <= 255 for t in tocs.values())


def test_read_episode_reports_stream_tags_and_sorted_chapters(tmp_path: Path) -> None:
    path, duration = silent_mp3(tmp_path, 5)
    chapters = chapters_for(duration, ["Big " * 30, "b", "c"])
    write_tags(path, tags_for(duration, chapters))
    info = read_episode(path)
    assert (info.sample_rate, info.channels, info.bitrate_kbps, info.id3_version) == (
        44100,
        1,
        96,
        "2.3.0",
    )
    assert abs(info.duration_s - MP3(path).info.length) < 0.002
    assert info.tags["date"] == "2026-01-14"
    assert [c["title"] for c in info.chapters] == [c.title for c in chapters]
    assert info.toc == ["chp0", "chp1", "chp2"]
    assert info.cover is not None and info.cover["mime"] == "image/jpeg"


def test_retagging_replaces_the_old_tag(tmp_path: Path) -> None:
    path, duration = silent_mp3(tmp_path, 2)
    write_tags(path, tags_for(duration, chapters_for(duration, ["one", "two", "three"])))
    write_tags(path, tags_for(duration, chapters_for(duration, ["only"])))
    assert [c.element_id for c in ID3(path).getall("CHAP")] == ["chp0"]


@pytest.mark.parametrize(
    "show", ["London Daily", "A very long show name that wraps over several lines", "Ümlaut Ñews"]
)
def test_cover_is_square_rgb_and_small(show: str) -> None:
    import io

    from PIL import Image

    data = make_cover(show, dt.date(2026, 1, 14))
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG" and image.mode == "RGB"
    assert image.size[0] == image.size[1] and 1400 <= image.size[0] <= 3000
    assert len(data) <= 500_000
