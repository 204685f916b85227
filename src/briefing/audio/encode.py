"""Encoding the programme to MP3, through the ffmpeg we found, straight from its PCM file.

pydub's export would need the whole programme in memory as one AudioSegment (and writes it
to a temp WAV first: an hour of speech is 160 MB twice over), so the encoder reads the file
the assembly wrote, and the levelling filters run inside the same ffmpeg.
"""

from __future__ import annotations

import math
import re
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.audio.assemble import Assembly
from briefing.audio.ffmpeg import find_ffmpeg
from briefing.audio.loudness import Loudness, ebur128, summary
from briefing.errors import AudioError


@dataclass(frozen=True)
class Mp3Settings:
    """Spoken-word podcast defaults: mono, 44.1 kHz, constant 96 kbps (Apple suggests 96-128)."""

    bitrate_kbps: int = 96
    sample_rate: int = 44100
    channels: int = 1


_TEE_SAFE = re.compile(r"[A-Za-z0-9._-]+")
_TIMEOUT_S = 3600

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


def encode_mp3(
    programme: Assembly,
    filters: Sequence[str],
    path: Path,
    settings: Mp3Settings = Mp3Settings(),
) -> Loudness:
    """Encode the programme's PCM file through `filters` to an untagged CBR MP3 at `path`
    (a temp file the caller owns), and measure the MP3 as it is written.

    One ffmpeg reads the file, applies the filters, resamples and encodes, and its tee
    muxer writes the MP3 both to `path` and to a pipe; a second ffmpeg decodes the pipe and
    measures it with ebur128 (true peak included), on the other core, at the same time.
    ffmpeg writes no ID3 tag of its own: `tags.write_tags` writes the only one.
    """
    if not _TEE_SAFE.fullmatch(path.name):
        raise ValueError(f"{path.name!r} cannot be named in ffmpeg's tee muxer")
    ffmpeg = find_ffmpeg()
    mp3 = "f=mp3:id3v2_version=0:write_id3v1=0"
    encoder_args = [
        ffmpeg,
        "-hide_banner",
        "-nostdin",
        "-loglevel",
        "error",
        *programme.ffmpeg_input(),
        "-map",
        "0:a",
        "-af",
        ",".join(filters) or "anull",
        "-c:a",
        "libmp3lame",
        "-b:a",
        f"{settings.bitrate_kbps}k",
        "-ar",
        str(settings.sample_rate),
        "-ac",
        str(settings.channels),
        "-map_metadata",
        "-1",
        "-f",
        "tee",
        f"[{mp3}:onfail=abort]{path.name}|[{mp3}:onfail=ignore]pipe:1",
    ]
    checker_args = [
        ffmpeg,
        "-hide_banner",
        "-nostdin",
        "-nostats",
        "-f",
        "mp3",
        "-i",
        "pipe:0",
        "-af",
        ebur128("true"),
        "-f",
        "null",
        "-",
    ]
    with tempfile.TemporaryFile() as encoder_log:
        encoder = subprocess.Popen(
            encoder_args,
            cwd=path.parent,  # the tee muxer is given a bare file name
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=encoder_log,
        )
        try:
            checker = subprocess.Popen(
                checker_args,
                stdin=encoder.stdout,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
        except OSError:
            encoder.kill()
            raise
        assert encoder.stdout is not None
        encoder.stdout.close()  # the checker holds the pipe now: it sees the end of the MP3
        try:
            _, checker_err = checker.communicate(timeout=_TIMEOUT_S)
            encoder.wait(timeout=_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            raise AudioError("ffmpeg took too long to encode the episode") from None
        finally:
            for process in (encoder, checker):
                if process.poll() is None:
                    process.kill()
                    process.wait()
        if encoder.returncode != 0:
            encoder_log.seek(0)
            text = encoder_log.read().decode("utf-8", "replace").strip()
            last = text.splitlines()[-1] if text else f"exit status {encoder.returncode}"
            raise AudioError(
                f"ffmpeg could not encode the episode: {last[:200]}",
                hint="check free disk space; the previous episode, if any, is untouched",
            )
    text = checker_err.decode("utf-8", "replace")
    if checker.returncode != 0:
        last = text.strip().splitlines()[-1] if text.strip() else "no reason given"
        raise AudioError(f"ffmpeg could not measure the encoded episode: {last[:200]}")
    return summary(text, "the encoded episode")
