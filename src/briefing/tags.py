"""ID3 tags and chapters, written and read with mutagen.

Saved as ID3v2.3 (see ../shared/STANDARDS.md §1): ffmpeg and Apple mis-read chapter
sub-frames of 128 bytes or more in v2.4 tags. Chapters are CHAP frames ``chp0``, ``chp1``...
listed in playback order by one top-level, ordered CTOC, which Overcast needs to show them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mutagen.id3 import (
    APIC,
    CHAP,
    COMM,
    CTOC,
    ID3,
    TALB,
    TCON,
    TDRC,
    TIT2,
    TLEN,
    TPE1,
    WXXX,
    CTOCFlags,
    ID3NoHeaderError,
)
from mutagen.id3._tags import save_frame
from mutagen.mp3 import MP3, HeaderNotFoundError

from briefing.errors import InputError, OutputError
from briefing.models import Chapter

NO_OFFSET = 0xFFFFFFFF
MAX_TOC_CHILDREN = 255
GENRE = "Podcast"


@dataclass(frozen=True)
class EpisodeTags:
    """What the ID3 tag says about an episode."""

    title: str
    show: str
    date: dt.date
    summary: str
    duration_ms: int
    chapters: tuple[Chapter, ...]
    cover: bytes | None = None
    cover_mime: str = "image/jpeg"
    chapter_pictures: tuple[bytes | None, ...] = ()
    """A small JPEG per chapter (in the chapters' order; None or missing: no picture)."""


class _PlaybackOrderID3(ID3):
    """An ID3 tag that writes its CHAP frames last and in playback order.

    mutagen orders frames of equal priority by their size (mutagen issue 506, still open),
    so chapters land in the file shuffled, and tools that read them in file order, ffmpeg
    among them, list them shuffled. Everything else keeps mutagen's own order.
    """

    def _write(self, config: Any) -> bytes:
        chapters = sorted(self.getall("CHAP"), key=lambda frame: frame.start_time)
        self.delall("CHAP")
        try:
            data = super()._write(config)
        finally:
            for frame in chapters:
                self.add(frame)
        return bytes(data) + b"".join(save_frame(frame, config=config) for frame in chapters)


def _text(frame_class: type, text: str, **kwargs: Any) -> Any:
    return frame_class(encoding=3, text=[text], **kwargs)


def _chapter_frames(
    chapters: tuple[Chapter, ...], pictures: tuple[bytes | None, ...] = ()
) -> list[Any]:
    frames: list[Any] = []
    ids = [f"chp{n}" for n in range(len(chapters))]
    for n, (element_id, chapter) in enumerate(zip(ids, chapters, strict=True)):
        sub_frames = [_text(TIT2, chapter.title)]
        if chapter.url:
            sub_frames.append(WXXX(encoding=0, desc="", url=chapter.url))
        image = pictures[n] if n < len(pictures) else None
        if image:
            sub_frames.append(APIC(encoding=3, mime="image/jpeg", type=0, desc="", data=image))
        frames.append(
            CHAP(
                element_id=element_id,
                start_time=chapter.start_ms,
                end_time=chapter.end_ms,
                start_offset=NO_OFFSET,
                end_offset=NO_OFFSET,
                sub_frames=sub_frames,
            )
        )
    top_children = ids
    if len(ids) > MAX_TOC_CHILDREN:
        # A CTOC holds at most 255 children: nest ordered sub-tables under the top level.
        groups = [ids[i : i + MAX_TOC_CHILDREN] for i in range(0, len(ids), MAX_TOC_CHILDREN)]
        top_children = [f"toc{n}" for n in range(len(groups))]
        for sub_id, group in zip(top_children, groups, strict=True):
            frames.append(
                CTOC(
                    element_id=sub_id,
                    flags=CTOCFlags.ORDERED,
                    child_element_ids=group,
                    sub_frames=[],
                )
            )
    frames.append(
        CTOC(
            element_id="toc",
            flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
            child_element_ids=top_children,
            sub_frames=[_text(TIT2, "Chapters")],
        )
    )
    return frames


def write_tags(path: Path, tags: EpisodeTags) -> None:
    """Replace any tag on the MP3 at `path` with a fresh ID3v2.3 tag holding `tags`."""
    id3 = _PlaybackOrderID3()
    id3.add(_text(TIT2, tags.title))
    id3.add(_text(TPE1, tags.show))
    id3.add(_text(TALB, tags.show))
    id3.add(_text(TCON, GENRE))
    id3.add(TDRC(encoding=3, text=[tags.date.isoformat()]))
    id3.add(_text(TLEN, str(tags.duration_ms)))
    id3.add(COMM(encoding=3, lang="eng", desc="", text=[tags.summary]))
    if tags.cover:
        id3.add(APIC(encoding=3, mime=tags.cover_mime, type=3, desc="Cover", data=tags.cover))
    for frame in _chapter_frames(tags.chapters, tags.chapter_pictures):
        id3.add(frame)
    id3.update_to_v23()  # turns TDRC into TYER + TDAT; save(v2_version=3) alone would not
    try:
        id3.save(str(path), v1=0, v2_version=3)
    except OSError as exc:
        raise OutputError(f"cannot tag {path}: {exc.strerror or exc}") from None


# --- reading ---------------------------------------------------------------------------


@dataclass
class EpisodeInfo:
    """What `briefing inspect` shows: the stream, the tags and the chapters."""

    path: str
    duration_s: float
    bitrate_kbps: int
    sample_rate: int
    channels: int
    id3_version: str
    tags: dict[str, str] = field(default_factory=dict)
    cover: dict[str, Any] | None = None
    chapters: list[dict[str, Any]] = field(default_factory=list)
    toc: list[str] = field(default_factory=list)


def _first_text(id3: Any, key: str) -> str | None:
    frame = id3.get(key)
    return str(frame.text[0]) if frame is not None and frame.text else None


def _date(id3: ID3) -> str | None:
    year = _first_text(id3, "TYER")
    ddmm = _first_text(id3, "TDAT")
    if year and ddmm and len(ddmm) == 4:
        return f"{year}-{ddmm[2:]}-{ddmm[:2]}"
    return year or _first_text(id3, "TDRC")


def read_episode(path: Path) -> EpisodeInfo:
    """Read an MP3's stream info, tags and chapters (sorted by start time)."""
    try:
        audio = MP3(str(path))
    except FileNotFoundError:
        raise InputError(f"{path} does not exist") from None
    except (HeaderNotFoundError, OSError) as exc:
        raise InputError(f"{path} is not a readable MP3: {exc}") from None
    if audio.info is None:
        raise InputError(f"{path} is not a readable MP3: no audio stream")
    try:
        id3 = ID3(str(path))
    except ID3NoHeaderError:
        id3 = ID3()
    version = ".".join(map(str, id3.version)) if id3.version else "none"
    tags = {
        "title": _first_text(id3, "TIT2"),
        "artist": _first_text(id3, "TPE1"),
        "album": _first_text(id3, "TALB"),
        "date": _date(id3),
        "genre": _first_text(id3, "TCON"),
        "comment": next((str(f.text[0]) for f in id3.getall("COMM") if f.text), None),
    }
    covers = id3.getall("APIC")
    chapters = sorted(id3.getall("CHAP"), key=lambda c: c.start_time)
    tops = [t for t in id3.getall("CTOC") if t.flags & CTOCFlags.TOP_LEVEL]
    return EpisodeInfo(
        path=str(path),
        duration_s=round(audio.info.length, 3),
        bitrate_kbps=audio.info.bitrate // 1000,
        sample_rate=audio.info.sample_rate,
        channels=audio.info.channels,
        id3_version=version,
        tags={k: v for k, v in tags.items() if v is not None},
        cover={"mime": covers[0].mime, "bytes": len(covers[0].data)} if covers else None,
        chapters=[
            {
                "id": c.element_id,
                "title": _first_text(c.sub_frames, "TIT2") or "",
                "start": c.start_time / 1000,
                "end": c.end_time / 1000,
                "url": next((w.url for w in c.sub_frames.getall("WXXX")), None),
                "picture_bytes": next((len(a.data) for a in c.sub_frames.getall("APIC")), None),
            }
            for c in chapters
        ],
        toc=list(tops[0].child_element_ids) if tops else [],
    )


def id3_size(data: bytes) -> int:
    """The length of the ID3v2 tag `data` starts with (header, frames, footer), or 0."""
    if len(data) < 10 or data[:3] != b"ID3":
        return 0
    size = 0
    for byte in data[6:10]:
        size = (size << 7) | (byte & 0x7F)
    footer = 10 if data[5] & 0x10 else 0
    return 10 + size + footer
