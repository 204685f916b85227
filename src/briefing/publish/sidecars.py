"""The files beside each episode, same stem as the MP3:

- ``.chapters.json``: Podcasting 2.0 JSON chapters (version 1.2.0), the ID3 chapter starts;
- ``.vtt`` and ``.srt``: the transcript, one cue per sentence (long ones split), timed from
  the exact sentence boundaries, the VTT with speaker labels;
- ``.md`` and ``.html``: show notes, each story with its timestamp and link;
- ``.jpg``: the cover art;
- ``.json``: the episode's metadata, written last: its presence means the episode is whole.

Each is rendered here as text; the pipeline writes them.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import srt
import webvtt
from markdown_it import MarkdownIt

from briefing.models import Chapter, Cue, Script

CUE_LINE_CHARS = 60
CUE_LINES = 2


def chapters_json(chapters: Sequence[Chapter], images: Sequence[str | None] = ()) -> str:
    """Podcasting 2.0 chapters: start times in float seconds, equal to the ID3 chapter starts;
    each chapter's link, and its picture (`images`, in the chapters' order: a file name
    beside this one, which a reader resolves against this file's own URL)."""
    items: list[dict[str, Any]] = []
    for n, chapter in enumerate(chapters):
        item: dict[str, Any] = {"startTime": chapter.start_ms / 1000, "title": chapter.title}
        item["endTime"] = chapter.end_ms / 1000
        if chapter.url:
            item["url"] = chapter.url
        image = images[n] if n < len(images) else None
        if image:
            item["img"] = image
        items.append(item)
    return json.dumps({"version": "1.2.0", "chapters": items}, indent=2, ensure_ascii=False) + "\n"


def split_cues(cues: Sequence[Cue]) -> Iterator[Cue]:
    """Cues of at most two lines of 60 characters: a longer sentence is split at word
    boundaries into consecutive cues, its time shared out by characters."""
    limit = CUE_LINE_CHARS * CUE_LINES
    for cue in cues:
        if len(cue.text) <= limit:
            yield cue
            continue
        pieces = textwrap.wrap(cue.text, limit, break_long_words=True, break_on_hyphens=False)
        total = sum(len(p) for p in pieces)
        start = cue.start_ms
        for n, piece in enumerate(pieces):
            end = (
                cue.end_ms
                if n == len(pieces) - 1
                else start + (cue.end_ms - cue.start_ms) * len(piece) / total
            )
            yield Cue(start, end, piece, cue.speaker)
            start = end


def _lines(text: str) -> list[str]:
    return textwrap.wrap(text, CUE_LINE_CHARS, break_long_words=True, break_on_hyphens=False) or [
        text
    ]


def _vtt_time(ms: float) -> str:
    return srt.timedelta_to_srt_timestamp(dt.timedelta(milliseconds=round(ms))).replace(",", ".")


def transcript_vtt(cues: Sequence[Cue]) -> str:
    vtt = webvtt.WebVTT()
    for cue in split_cues(cues):
        lines = _lines(cue.text)
        if cue.speaker:
            lines[0] = f"<v {cue.speaker}>{lines[0]}"
        vtt.captions.append(
            webvtt.Caption(start=_vtt_time(cue.start_ms), end=_vtt_time(cue.end_ms), text=lines)
        )
    return vtt.content


def transcript_srt(cues: Sequence[Cue]) -> str:
    subtitles = [
        srt.Subtitle(
            index=n,
            start=dt.timedelta(milliseconds=round(cue.start_ms)),
            end=dt.timedelta(milliseconds=round(cue.end_ms)),
            content="\n".join(_lines(cue.text)),
        )
        for n, cue in enumerate(split_cues(cues), start=1)
    ]
    return srt.compose(subtitles)


def clock(ms: float) -> str:
    """ "6:05" or "1:02:03"."""
    seconds = int(ms // 1000)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def _escape(text: str) -> str:
    """Markdown-safe text: no markup characters taken literally as markup."""
    return "".join("\\" + ch if ch in "\\`*_{}[]<>()#+!|" else ch for ch in text)


def show_notes_md(script: Script, chapters: Sequence[Chapter]) -> str:
    lines = [
        f"# {_escape(script.title)}",
        "",
        f"{_escape(script.show)} · {script.date:%A %-d %B %Y}",
        "",
    ]
    lines += [_escape(script.summary), "", "## In this episode", ""]
    for chapter in chapters:
        title = _escape(chapter.title)
        linked = f"[{title}]({chapter.url})" if chapter.url else title
        lines.append(f"- {clock(chapter.start_ms)} {linked}")
    return "\n".join(lines) + "\n"


def show_notes_html(markdown: str, title: str) -> str:
    body = MarkdownIt("commonmark", {"html": False}).render(markdown)
    from html import escape

    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )


@dataclass(frozen=True)
class EpisodeMetadata:
    """What the feed and `briefing inspect` need, written beside the MP3 last."""

    guid: str
    title: str
    show: str
    date: str
    summary: str
    audio: str
    """The MP3's file name."""
    bytes: int
    duration_s: float
    loudness_lufs: float
    true_peak_dbtp: float
    loudness_mode: str
    voices: list[str]
    chapters: list[dict[str, Any]]
    files: dict[str, str]
    """Sidecar kind → file name: chapters, vtt, srt, notes_md, notes_html, cover."""
    made: str
    episode: int = 1
    """The episode's number in the show: kept when it is rebuilt."""
    audio_key: str = ""
    """What the audio is made of (the sentences' speech, pauses, format, level targets), where
    known: a rebuild with the same key and an unchanged MP3 takes its audio as it is."""
    audio_sha256: str = ""
    """The untagged MP3's checksum, to tell that it is unchanged."""

    def to_json(self) -> str:
        return json.dumps(self.__dict__, indent=2, ensure_ascii=False) + "\n"


# --- reading a transcript back (the show's page lists its cues) ---------------------------

_TIMING = re.compile(
    r"^\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s+-->\s+((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})"
)
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?\s+([^>]*)>")
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class VttCue:
    """One transcript cue: seconds, its words (tags removed) and who says them."""

    start: float
    end: float
    text: str
    speaker: str = ""


def _seconds(stamp: str) -> float:
    parts = stamp.replace(",", ".").split(":")
    return sum(float(part) * 60**n for n, part in enumerate(reversed(parts)))


def read_cues(text: str) -> list[VttCue]:
    """The cues of a WebVTT file, in file order: voice (``<v Name>``) and other tags
    removed, entities decoded, lines joined; NOTE, STYLE and header blocks skipped."""
    cues = []
    for block in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = block.split("\n")
        at = next((n for n, line in enumerate(lines) if _TIMING.match(line)), None)
        if at is None:
            continue
        timing = _TIMING.match(lines[at])
        if timing is None:  # found above: never
            continue
        body = "\n".join(lines[at + 1 :])
        voice = _VOICE.search(body)
        words = " ".join(html.unescape(_TAG.sub("", body)).split())
        if words:
            speaker = html.unescape(voice.group(1)).strip() if voice else ""
            cues.append(
                VttCue(_seconds(timing.group(1)), _seconds(timing.group(2)), words, speaker)
            )
    return cues
