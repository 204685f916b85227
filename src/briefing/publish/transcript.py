"""The episode's transcripts, from the cues (one per sentence) and their words:

- ``.vtt``: WebVTT, one cue per sentence (a long one split at word boundaries, at the time
  its next word starts), the speaker in a ``<v>`` tag, and an inline timestamp
  (``<00:01:02.340>``) before every word after the first: players that know them (karaoke
  style captions) follow the word, the rest show the cue as before;
- ``.srt``: SubRip, the same cues without speakers or word times;
- ``.transcript.json``: the Podcasting 2.0 JSON transcript (version 1.0.0), one segment per
  spoken word (``speaker``, ``startTime``, ``endTime``, ``body``). Two fields of its own, which
  readers that do not know them pass over: ``"estimated": true`` on a word whose time was
  spread by an estimate (a voice that gives no durations, such as gTTS), and on the first
  word of a run that stands for something written differently (``£1.2bn`` said as "one point
  two billion pounds"), ``"written": "£1.2bn"`` and ``"writtenWords": 5``, the run's length.

Times are the episode's, in seconds (milliseconds in the VTT and SRT): the words' own, carried
from the voice's phoneme durations through joining, pauses and sound design.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import textwrap
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import srt
import webvtt

from briefing.models import Cue, Script, Word

CUE_LINE_CHARS = 60
CUE_LINES = 2
JSON_VERSION = "1.0.0"
ESTIMATED_NOTE = (
    "NOTE Some word times here are estimated: the voice that spoke them gave no durations, "
    "so their sentence's time is shared out by their letters."
)


def split_cues(cues: Sequence[Cue]) -> Iterator[Cue]:
    """Cues of at most two lines of 60 characters: a longer sentence is split into
    consecutive cues, each starting where its first word starts (with no word times, at
    word boundaries with the time shared out by characters)."""
    limit = CUE_LINE_CHARS * CUE_LINES
    for cue in cues:
        if len(cue.text) <= limit:
            yield cue
        elif len(cue.words) == len(cue.text.split()) and cue.words:
            yield from _split_by_words(cue, limit)
        else:
            yield from _split_by_characters(cue, limit)


def _split_by_words(cue: Cue, limit: int) -> Iterator[Cue]:
    groups: list[list[Word]] = [[]]
    for word in cue.words:
        line = " ".join(w.text for w in [*groups[-1], word])
        if groups[-1] and len(line) > limit:
            groups.append([])
        groups[-1].append(word)
    for n, group in enumerate(groups):
        start = cue.start_ms if n == 0 else group[0].start_ms
        end = cue.end_ms if n == len(groups) - 1 else groups[n + 1][0].start_ms
        yield Cue(start, end, " ".join(w.text for w in group), cue.speaker, tuple(group))


def _split_by_characters(cue: Cue, limit: int) -> Iterator[Cue]:
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


def _escape_vtt(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _timed_lines(cue: Cue) -> list[str]:
    """The cue's words in lines of at most 60 characters, each word after the first with its
    start as an inline timestamp. A timestamp must fall after the cue's start and every
    earlier one, and before its end: a word that would break that (a silent dash, a word
    rounded onto its neighbour's millisecond) goes without, read with the word before."""
    lines: list[list[str]] = [[]]
    width = 0
    last = round(cue.start_ms)
    end = round(cue.end_ms)
    for n, word in enumerate(cue.words):
        if lines[-1] and width + 1 + len(word.text) > CUE_LINE_CHARS:
            lines.append([])
            width = 0
        text = _escape_vtt(word.text)
        at = round(word.start_ms)
        if n and last < at < end:
            text = f"<{_vtt_time(at)}>{text}"
            last = at
        width += len(word.text) + (1 if lines[-1] else 0)
        lines[-1].append(text)
    return [" ".join(line) for line in lines]


def transcript_vtt(cues: Sequence[Cue]) -> str:
    vtt = webvtt.WebVTT()
    for cue in split_cues(cues):
        if len(cue.words) == len(cue.text.split()) and cue.words:
            lines = _timed_lines(cue)
        else:
            lines = [_escape_vtt(line) for line in _lines(cue.text)]
        if cue.speaker:
            lines[0] = f"<v {_escape_vtt(cue.speaker)}>{lines[0]}"
        vtt.captions.append(
            webvtt.Caption(start=_vtt_time(cue.start_ms), end=_vtt_time(cue.end_ms), text=lines)
        )
    content: str = vtt.content
    if any(word.estimated for cue in cues for word in cue.words):
        head, _, rest = content.partition("\n\n")
        content = f"{head}\n\n{ESTIMATED_NOTE}\n\n{rest}"
    return content


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


@dataclass(frozen=True)
class Written:
    """A run of spoken words that stands for other written words."""

    text: str
    """What was written ("£1.2bn")."""
    words: int
    """How many spoken words say it."""


def _key(token: str) -> str:
    """A token as compared between the written and the spoken text: letters and digits,
    case folded."""
    return "".join(ch for ch in unicodedata.normalize("NFC", token).casefold() if ch.isalnum())


def written_runs(written: str, spoken: Sequence[str]) -> dict[int, Written]:
    """Where the words `spoken` (one paragraph's, in order) say something written otherwise
    in `written` (the paragraph before normalisation): by the index of each run's first
    spoken word. Words said as written (punctuation and case aside) are not listed, nor
    words the written text does not have (a template's, a brief's)."""
    tokens = written.split()
    runs: dict[int, Written] = {}
    matcher = difflib.SequenceMatcher(
        None, [_key(t) for t in tokens], [_key(w) for w in spoken], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace":
            for at, run in _split_run(tokens[i1:i2], spoken[j1:j2]):
                runs[j1 + at] = run
    return runs


def _split_run(tokens: Sequence[str], spoken: Sequence[str]) -> list[tuple[int, Written]]:
    """Written `tokens` said as the words `spoken` (none said as written), shared out where it
    can be told which said which: a written word of letters alone ("Mr") is said by a word
    with its first letter ("Mister"), and the words before it say what comes before it
    ("£1.2bn" before "Mr": "one point two billion pounds"). Where it cannot, one run."""
    runs: list[tuple[int, Written]] = []
    i = j = 0
    while i < len(tokens) - 1:
        here, after = tokens[i], _key(tokens[i + 1])
        left = len(tokens) - i - 1  # written words after this one, each said by a word at least
        if _key(here).isalpha() and _starts_alike(here, spoken[j]):
            count = 1 if len(spoken) - j - 1 >= left else 0  # each word after needs one
        elif after.isalpha():
            found = (
                k
                for k in range(j + 1, len(spoken) - left + 1)
                if _starts_alike(tokens[i + 1], spoken[k])
            )
            count = next(found, j) - j
        else:
            count = 0
        if count < 1:
            break
        runs.append((j, Written(here, count)))
        i, j = i + 1, j + count
    runs.append((j, Written(" ".join(tokens[i:]), len(spoken) - j)))
    return runs


def _starts_alike(written: str, spoken: str) -> bool:
    first, said = _key(written), _key(spoken)
    return bool(first) and bool(said) and first[0] == said[0]


def transcript_json(cues: Sequence[Cue], script: Script | None = None) -> str:
    """The Podcasting 2.0 JSON transcript: one segment per spoken word. With `script` (the
    one the cues were spoken from, a cue per sentence), words that say something written
    otherwise carry what was written."""
    runs: dict[int, Written] = {}
    if script is not None and len(cues) == len(script.sentences):
        at = 0
        for story in script.stories:
            for n, paragraph in enumerate(story.paragraphs):
                words = [w for sentence in paragraph for w in sentence.split()]
                if n < len(story.written):
                    found = written_runs(story.written[n], words)
                    runs.update({at + i: run for i, run in found.items()})
                at += len(words)
    segments: list[dict[str, Any]] = []
    for cue in cues:
        for word in cue.words:
            segment: dict[str, Any] = {
                "speaker": cue.speaker,
                "startTime": round(word.start_ms / 1000, 3),
                "endTime": round(word.end_ms / 1000, 3),
                "body": word.text,
            }
            if word.estimated:
                segment["estimated"] = True
            run = runs.get(len(segments))
            if run is not None:
                segment["written"] = run.text
                segment["writtenWords"] = run.words
            segments.append(segment)
    rows = ",\n".join(f"  {json.dumps(segment, ensure_ascii=False)}" for segment in segments)
    return f'{{\n "version": "{JSON_VERSION}",\n "segments": [\n{rows}\n ]\n}}\n'  # a word a line
