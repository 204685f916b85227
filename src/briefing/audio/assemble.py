"""Join sentence clips into one programme with pauses, and work out the chapters.

The programme is written to a raw PCM file as it is joined, one clip at a time, so memory
does not grow with the episode's length: every later stage (sound design, loudness, the
encoder) reads that file. pydub puts each clip in the programme's format. Chapter times
come from exact sample counts, so they match the audio to the sample.

Each sentence's cue carries its words: where the clip says they are (Piper's durations),
moved to the programme's timeline; or, for a clip that does not say (gTTS, a clip cached
before word timings), spread over its speech by their letters and marked estimated. A
chapter never starts before the last word of the story ahead of it has ended.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from briefing.errors import OutputError
from briefing.models import Chapter, Clip, Cue, Script, Story, Word, WordTiming

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
    def frame_bytes(self) -> int:
        return self.channels * self.sample_width

    def ffmpeg_input(self, where: str) -> list[str]:
        """ffmpeg arguments that read raw PCM in this format from `where` (a path, "pipe:0")."""
        return [
            "-f",
            f"s{8 * self.sample_width}le",
            "-ar",
            str(self.sample_rate),
            "-ac",
            str(self.channels),
            "-i",
            where,
        ]


@dataclass(frozen=True)
class Assembly:
    """The joined programme: a raw PCM file in `format`, and its chapters."""

    path: Path
    format: AudioFormat
    frames: int
    chapters: tuple[Chapter, ...]
    cues: tuple[Cue, ...] = ()
    """Where each sentence is spoken, exactly, from the clips' sample counts."""

    @property
    def duration_ms(self) -> float:
        return 1000.0 * self.frames / self.format.sample_rate

    def ffmpeg_input(self) -> list[str]:
        """ffmpeg arguments that read the programme file."""
        return self.format.ffmpeg_input(str(self.path.absolute()))  # from any directory

    def padded_to(self, frames: int) -> Assembly:
        """The programme with silence appended to its file to make it `frames` long."""
        extra = frames - self.frames
        if extra <= 0:
            return self
        end_ms = round(1000 * frames / self.format.sample_rate)
        chapters = (*self.chapters[:-1], dataclasses.replace(self.chapters[-1], end_ms=end_ms))
        with writing(self.path, append=True) as out:
            out.write(bytes(extra * self.format.frame_bytes))
        return dataclasses.replace(self, frames=frames, chapters=chapters)


@contextlib.contextmanager
def writing(path: Path, append: bool = False) -> Iterator[BinaryIO]:
    """A programme file opened to write (or `append` to); a failed write (a full disk, say) is an
    `OutputError`. Read everything the block needs before it: any OSError inside is
    taken for a write failure."""
    try:
        with open(path, "ab" if append else "wb") as out:
            yield out
    except OSError as exc:
        raise _write_error(path, exc) from None


def _write_error(path: Path, exc: OSError) -> OutputError:
    return OutputError(
        f"cannot write the episode's audio in {path.parent}: {exc.strerror or exc}",
        hint="free some disk space (an hour of speech needs about 400 MB while it is made)",
    )


def pydub_audio_segment() -> type[AudioSegment]:
    """pydub's AudioSegment, imported without its "couldn't find ffmpeg" warning.

    pydub looks for ffmpeg when imported; it needs none for what it does here (changing a
    clip's rate, channels and sample width), and we find ffmpeg ourselves (`find_ffmpeg`).
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
    clips: Iterable[Clip],
    path: Path,
    pauses: Pauses = Pauses(),
    fmt: AudioFormat | None = None,
    speakers: Sequence[str] | None = None,
    tee: Callable[[bytes], None] | None = None,
) -> Assembly:
    """Join one clip per script sentence (in order) with pauses into the PCM file `path`;
    chapters per story, and a transcript cue per sentence (`speakers` names the voice of
    each). Clips are read from `clips` one at a time; with `tee`, every piece written to the
    file is handed to it too (a live encoder).

    The intro belongs to the first chapter and the outro to the last, so chapters are
    contiguous from 0 to the end of the audio.
    """
    sentences = script.sentences
    clip_iter = iter(clips)
    first = next(clip_iter, None)
    if first is not None:
        clip_iter = itertools.chain([first], clip_iter)
    if fmt is None:
        fmt = AudioFormat(sample_rate=first.sample_rate if first else 22050)
    with writing(path) as out:
        cues, chapter_starts = _join(script, clip_iter, pauses, fmt, speakers, out, tee)
        frames = out.tell() // fmt.frame_bytes
    if len(cues) != len(sentences) or next(clip_iter, None) is not None:
        raise ValueError(f"the clips do not match the script's {len(sentences)} sentences")
    return Assembly(
        path=path,
        format=fmt,
        frames=frames,
        chapters=_chapters(script, chapter_starts, frames, fmt.sample_rate),
        cues=tuple(cues),
    )


def _join(
    script: Script,
    clip_iter: Iterable[Clip],
    pauses: Pauses,
    fmt: AudioFormat,
    speakers: Sequence[str] | None,
    out: BinaryIO,
    tee: Callable[[bytes], None] | None = None,
) -> tuple[list[Cue], list[tuple[Story, int]]]:
    """Write the clips and pauses to `out`; return the cues and where chapters start."""
    frame_bytes = fmt.frame_bytes
    clip_iter = iter(clip_iter)
    sentences = script.sentences

    def frames_in(ms: int) -> int:
        return round(ms * fmt.sample_rate / 1000)

    frames = 0

    def add(pcm: bytes) -> None:
        nonlocal frames
        out.write(pcm)
        if tee is not None:
            tee(pcm)
        frames += len(pcm) // frame_bytes

    def silence(ms: int) -> None:
        add(bytes(frames_in(ms) * frame_bytes))

    chapter_starts: list[tuple[Story, int]] = []  # (story, frame where its chapter starts)
    cues: list[Cue] = []
    spoken_until = 0  # the frame where the last word so far ended
    speaker_iter = iter(speakers or [""] * len(sentences))
    silence(pauses.head_ms)
    said = False  # a story with nothing to say (no intro in a language without one) adds no pause
    for story in script.stories:
        if said and story.sentences:
            silence(pauses.story_ms)
        said = said or bool(story.sentences)
        if story.is_chapter:
            chapter_at = max(spoken_until, frames - frames_in(pauses.lead_in_ms))
            chapter_starts.append((story, chapter_at))
        for p_index, paragraph in enumerate(story.paragraphs):
            if p_index:
                silence(pauses.paragraph_ms)
            for s_index, sentence in enumerate(paragraph):
                if s_index:
                    silence(pauses.sentence_ms)
                clip = next(clip_iter, None)
                if clip is None:
                    return cues, chapter_starts  # too few clips: the caller says so
                start = frames
                add(_convert(clip, fmt))
                ms = 1000 / fmt.sample_rate
                words = _words(clip, sentence, start, frames, fmt.sample_rate)
                if words:
                    spoken_until = max(spoken_until, round(words[-1].end_ms / ms))
                cues.append(Cue(start * ms, frames * ms, sentence, next(speaker_iter), words))
    silence(pauses.tail_ms)
    return cues, chapter_starts


def _words(clip: Clip, sentence: str, start: int, end: int, rate: int) -> tuple[Word, ...]:
    """The words of `sentence`, spoken by `clip` joined at frame `start` (to `end`) of a
    programme at `rate`, on the programme's timeline in milliseconds."""
    written = sentence.split()
    timings: Sequence[WordTiming] = clip.words
    if [t.word for t in timings] != written:
        import numpy as np

        from briefing.engines.word_timings import estimate_words

        audio = np.frombuffer(clip.pcm, dtype=f"<i{clip.sample_width}")[:: clip.channels]
        timings = estimate_words(written, audio)
    scale = rate / clip.sample_rate
    ms = 1000 / rate

    def at(sample: int) -> float:
        return min(end, start + round(sample * scale)) * ms

    return tuple(Word(t.word, at(t.start), at(t.end), t.estimated) for t in timings)


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
        Chapter(
            title=story.title,
            start_ms=ms(bounds[n]),
            end_ms=ms(bounds[n + 1]),
            url=story.url,
            image=story.image,
        )
        for n, (story, _) in enumerate(starts)
    )
