"""Join sentence clips into one programme with pauses, and work out the chapters.

Joining is linear in the number of clips: the PCM of every clip and pause is collected in a
list and joined once, never with a repeated ``+=`` on a growing segment. Chapter times come
from exact sample counts, so they match the audio to the sample.
"""

from __future__ import annotations

import dataclasses
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.models import Chapter, Clip, Cue, Script, Story

if TYPE_CHECKING:
    from pydub import AudioSegment


@dataclass(frozen=True)
class Pauses:
    """Silences in milliseconds: longer pauses mark bigger boundaries."""

    sentence_ms: int = 300
    paragraph_ms: int = 700
    story_ms: int = 1400
    lead_in_ms: int = 250
    """How far before a story's first word its chapter starts (inside the story pause)."""
    head_ms: int = 300
    tail_ms: int = 1200


@dataclass(frozen=True)
class AudioFormat:
    """The one format every clip is converted to before joining."""

    sample_rate: int
    channels: int = 1
    sample_width: int = 2

    @property
    def bytes_per_ms(self) -> float:
        return self.sample_rate * self.channels * self.sample_width / 1000


@dataclass(frozen=True)
class Assembly:
    """The joined programme: raw PCM in `format`, and its chapters."""

    pcm: bytes
    format: AudioFormat
    chapters: tuple[Chapter, ...]
    cues: tuple[Cue, ...] = ()
    """Where each sentence is spoken, exactly, from the clips' sample counts."""

    @property
    def frames(self) -> int:
        return len(self.pcm) // (self.format.channels * self.format.sample_width)

    @property
    def duration_ms(self) -> float:
        return 1000.0 * self.frames / self.format.sample_rate

    def padded_to(self, frames: int) -> Assembly:
        """The same programme with silence added at the end to make it `frames` long."""
        extra = frames - self.frames
        if extra <= 0:
            return self
        end_ms = round(1000 * frames / self.format.sample_rate)
        chapters = (*self.chapters[:-1], dataclasses.replace(self.chapters[-1], end_ms=end_ms))
        frame_bytes = self.format.channels * self.format.sample_width
        return dataclasses.replace(
            self, pcm=self.pcm + bytes(extra * frame_bytes), chapters=chapters
        )


def pydub_audio_segment() -> type[AudioSegment]:
    """pydub's AudioSegment, imported without its "couldn't find ffmpeg" warning.

    pydub looks for ffmpeg when imported; we find it ourselves (`find_ffmpeg`) and hand
    it over explicitly before exporting.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        warnings.simplefilter("ignore", DeprecationWarning)  # pydub imports audioop
        from pydub import AudioSegment
    return AudioSegment


def _convert(clip: Clip, fmt: AudioFormat) -> bytes:
    if (clip.sample_rate, clip.channels, clip.sample_width) == (
        fmt.sample_rate,
        fmt.channels,
        fmt.sample_width,
    ):
        return clip.pcm
    segment = pydub_audio_segment()(
        data=clip.pcm,
        sample_width=clip.sample_width,
        frame_rate=clip.sample_rate,
        channels=clip.channels,
    )
    segment = segment.set_sample_width(fmt.sample_width).set_channels(fmt.channels)
    return segment.set_frame_rate(fmt.sample_rate).raw_data


def assemble(
    script: Script,
    clips: Sequence[Clip],
    pauses: Pauses = Pauses(),
    fmt: AudioFormat | None = None,
    speakers: Sequence[str] | None = None,
) -> Assembly:
    """Join one clip per script sentence (in order) with pauses; chapters per story, and a
    transcript cue per sentence (`speakers` names the voice of each).

    The intro belongs to the first chapter and the outro to the last, so chapters are
    contiguous from 0 to the end of the audio.
    """
    sentences = script.sentences
    if len(clips) != len(sentences):
        raise ValueError(f"{len(clips)} clips for {len(sentences)} sentences")
    if fmt is None:
        fmt = AudioFormat(sample_rate=clips[0].sample_rate if clips else 22050)
    frame_bytes = fmt.channels * fmt.sample_width

    def frames_in(ms: int) -> int:
        return round(ms * fmt.sample_rate / 1000)

    parts: list[bytes] = []
    frames = 0

    def add(pcm: bytes) -> None:
        nonlocal frames
        parts.append(pcm)
        frames += len(pcm) // frame_bytes

    def silence(ms: int) -> None:
        add(bytes(frames_in(ms) * frame_bytes))

    chapter_starts: list[tuple[Story, int]] = []  # (story, frame where its chapter starts)
    cues: list[Cue] = []
    clip_iter = iter(clips)
    speaker_iter = iter(speakers or [""] * len(sentences))
    silence(pauses.head_ms)
    for index, story in enumerate(script.stories):
        if index:
            silence(pauses.story_ms)
        if story.is_chapter:
            chapter_starts.append((story, max(0, frames - frames_in(pauses.lead_in_ms))))
        for p_index, paragraph in enumerate(story.paragraphs):
            if p_index:
                silence(pauses.paragraph_ms)
            for s_index, sentence in enumerate(paragraph):
                if s_index:
                    silence(pauses.sentence_ms)
                start = frames
                add(_convert(next(clip_iter), fmt))
                ms = 1000 / fmt.sample_rate
                cues.append(Cue(start * ms, frames * ms, sentence, next(speaker_iter)))
    silence(pauses.tail_ms)

    return Assembly(
        pcm=b"".join(parts),
        format=fmt,
        chapters=_chapters(script, chapter_starts, frames, fmt.sample_rate),
        cues=tuple(cues),
    )


def _chapters(
    script: Script, starts: list[tuple[Story, int]], total_frames: int, sample_rate: int
) -> tuple[Chapter, ...]:
    """Contiguous chapters: the first starts at 0 (taking in the intro), the last ends at
    the end of the audio (taking in the outro)."""

    def ms(frame: int) -> int:
        return round(1000 * frame / sample_rate)

    if not starts:  # nothing but intro and outro: one chapter for the whole episode
        return (Chapter(title=script.title, start_ms=0, end_ms=ms(total_frames)),)
    bounds = [0] + [frame for _, frame in starts[1:]] + [total_frames]
    return tuple(
        Chapter(title=story.title, start_ms=ms(bounds[n]), end_ms=ms(bounds[n + 1]), url=story.url)
        for n, (story, _) in enumerate(starts)
    )
