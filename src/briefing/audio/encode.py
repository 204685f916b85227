"""Encoding the joined programme to MP3 with pydub, through the ffmpeg we found."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from briefing.audio.assemble import pydub_audio_segment
from briefing.audio.ffmpeg import find_ffmpeg
from briefing.errors import AudioError, OutputError


@dataclass(frozen=True)
class Mp3Settings:
    """Spoken-word podcast defaults: mono, 44.1 kHz, constant 96 kbps (Apple suggests 96-128)."""

    bitrate_kbps: int = 96
    sample_rate: int = 44100
    channels: int = 1


MP3_FRAME_SAMPLES = 1152
LAME_INITIAL_PADDING = 1105
"""Samples ffmpeg's libmp3lame puts before the audio: encoder delay 576 + decoder delay 529."""
_END_PADDING = 128
"""End padding to aim for: libmp3lame adds a whole frame when fewer than ~50 samples are left."""


def mp3_aligned_frames(frames: int, source_rate: int, settings: Mp3Settings = Mp3Settings()) -> int:
    """The smallest length ≥ `frames` (at `source_rate`) whose MP3 ends with a full last frame.

    An MP3 holds whole frames of 1152 samples. ffmpeg records the encoder delay and the end
    padding in the LAME tag, but writes "Lavc" where mutagen expects "LAME", so mutagen (and
    any reader like it) counts the padding as audio: up to 51 ms more than the episode. A tail
    of silence that fills the last frame keeps that error near the delay alone:
    1105 + 128 samples, 28 ms at 44.1 kHz.
    """
    ratio = settings.sample_rate / source_rate
    used = round(frames * ratio) + LAME_INITIAL_PADDING + _END_PADDING
    full = math.ceil(used / MP3_FRAME_SAMPLES) * MP3_FRAME_SAMPLES
    return max(frames, math.ceil((full - LAME_INITIAL_PADDING - _END_PADDING) / ratio))


def export_mp3(
    pcm: bytes, sample_rate: int, path: Path, settings: Mp3Settings = Mp3Settings()
) -> None:
    """Encode signed 16-bit PCM (`settings.channels` channels) to an untagged CBR MP3 at
    `path`, a temp file the caller owns. pydub drives ffmpeg (found by `find_ffmpeg`); ffmpeg
    writes no ID3 tag of its own: `tags.write_tags` writes the only one."""
    segment_class = pydub_audio_segment()  # first: importing pydub at all looks for ffmpeg
    from pydub.exceptions import CouldntEncodeError

    segment_class.converter = find_ffmpeg()
    segment = segment_class(
        data=pcm, sample_width=2, frame_rate=sample_rate, channels=settings.channels
    )
    try:
        handle = segment.export(
            str(path),
            format="mp3",
            codec="libmp3lame",
            bitrate=f"{settings.bitrate_kbps}k",
            parameters=[
                "-ar",
                str(settings.sample_rate),
                "-ac",
                str(settings.channels),
                "-map_metadata",
                "-1",
                "-id3v2_version",
                "0",
                "-write_id3v1",
                "0",
            ],
        )
        handle.close()
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    except CouldntEncodeError as exc:  # it carries ffmpeg's whole stderr; the last line says why
        last = str(exc).strip().splitlines()[-1] if str(exc).strip() else "no reason given"
        raise AudioError(
            f"ffmpeg could not encode the episode: {last[:200]}",
            hint="check free disk space; the previous episode, if any, is untouched",
        ) from None
