"""The files beside each episode, same stem as the MP3:

- ``.chapters.json``: Podcasting 2.0 JSON chapters (version 1.2.0), the ID3 chapter starts;
- ``.vtt``, ``.srt`` and ``.transcript.json``: the transcripts (`publish.transcript`);
- ``.md`` and ``.html``: show notes, each story with its timestamp and link;
- ``.jpg``: the cover art;
- ``.json``: the episode's metadata, written last: its presence means the episode is whole.

Each is rendered here as text; the pipeline writes them.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from markdown_it import MarkdownIt

from briefing.models import Chapter, Script


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


# --- reading a transcript back (the show's page lists its cues and their words) ----------

_TIMING = re.compile(
    r"^\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s+-->\s+((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})"
)
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?\s+([^>]*)>")
_TAG = re.compile(r"<[^>]*>")
_STAMP = re.compile(r"<((?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3})>")
"""An inline timestamp, as WebVTT writes it: the start of the word after it."""


@dataclass(frozen=True)
class VttCue:
    """One transcript cue: seconds, its words (tags removed) and who says them."""

    start: float
    end: float
    text: str
    speaker: str = ""
    words: tuple[tuple[float, str], ...] = ()
    """(start in seconds, word) for each timed word, where the file has word times (inline
    timestamps): the first at the cue's start, a word without a timestamp (a silent dash)
    joined to the one before; joined with spaces, they are `text`. Empty where the times
    of the cue's words are not known."""


def _seconds(stamp: str) -> float:
    parts = stamp.replace(",", ".").split(":")
    return sum(float(part) * 60**n for n, part in enumerate(reversed(parts)))


def _words(body: str, start: float, end: float) -> tuple[list[tuple[float, str]], bool]:
    """A cue body's words with their starts, and whether any start came from a timestamp.
    A timestamp counts where a word begins after it (not inside a word), within the cue
    and not before the word it follows; other timestamps and other tags are passed over."""
    words: list[tuple[float, str]] = []
    timed = False
    pending: float | None = None
    apart = True  # the next text begins a word
    for piece in re.split(r"(<[^>]*>)", body):
        if _TAG.fullmatch(piece):
            stamp = _STAMP.fullmatch(piece)
            if stamp:
                at = _seconds(stamp.group(1))
                pending = at if (words[-1][0] if words else start) <= at <= end else None
            continue
        for text in re.split(r"(\s+)", html.unescape(piece)):  # an entity may be a space
            if not text:
                continue
            if text.isspace():
                apart = True
                continue
            if not words:
                words.append((start, text))
            elif not apart:
                words[-1] = (words[-1][0], words[-1][1] + text)
            elif pending is not None:
                words.append((pending, text))
                timed = True
            else:
                words[-1] = (words[-1][0], f"{words[-1][1]} {text}")
            pending, apart = None, False
    return words, timed


def read_cues(text: str) -> list[VttCue]:
    """The cues of a WebVTT file, in file order: voice (``<v Name>``) and other tags
    removed, entities decoded, lines joined; NOTE, STYLE and header blocks skipped. Where
    the file has word times, each cue's words with their starts (`VttCue.words`): a cue of
    one word needs no timestamp for it, a cue of several untimed words gets none."""
    found: list[tuple[VttCue, list[tuple[float, str]], bool]] = []
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
        joined = " ".join(html.unescape(_TAG.sub("", body)).split())
        if joined:
            speaker = html.unescape(voice.group(1)).strip() if voice else ""
            start, end = _seconds(timing.group(1)), _seconds(timing.group(2))
            cue = VttCue(start, end, joined, speaker)
            found.append((cue, *_words(body, start, end)))
    if not any(timed for _, _, timed in found):
        return [cue for cue, _, _ in found]
    return [
        replace(cue, words=tuple(words)) if timed or len(cue.text.split()) == 1 else cue
        for cue, words, timed in found
    ]
