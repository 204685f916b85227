"""Encoding the programme to MP3, through the ffmpeg we found, from its PCM file or as the
programme is joined.

pydub's export would need the whole programme in memory as one AudioSegment (and writes it
to a temp WAV first: an hour of speech is 160 MB twice over), so the encoder reads the file
the assembly wrote, or is handed each piece of it as it is written (`Mp3Encoder.write`),
and the levelling filters run inside the same ffmpeg.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import subprocess
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from briefing.audio.assemble import Assembly, AudioFormat
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
    (a temp file the caller owns), and measure the MP3 as it is written."""
    encoder = Mp3Encoder(programme.format, filters, path, settings, source=programme)
    return encoder.finish()


class Mp3Encoder:
    """One ffmpeg levelling and encoding a programme to an untagged CBR MP3 at `path` (a temp
    file the caller owns), from its PCM file (`source`) or from PCM `write`n to it as the
    programme is made; and a second ffmpeg measuring the MP3 as it is written.

    The encoder's tee muxer writes the MP3 both to `path` and to a pipe, read by the checker
    (which decodes it and measures it with ebur128, true peak included, on the other core).
    With `stream` (a player reading standard output), a thread here reads the pipe instead
    and hands every packet, as it is made, both to the checker and to the stream: the
    stream is the file's audio, byte for byte. A stream closed by its reader stops being
    written to; the file goes on.
    ffmpeg writes no ID3 tag of its own: `tags.write_tags` writes the only one.
    """

    def __init__(
        self,
        fmt: AudioFormat,
        filters: Sequence[str],
        path: Path,
        settings: Mp3Settings = Mp3Settings(),
        *,
        source: Assembly | None = None,
        stream: BinaryIO | None = None,
    ) -> None:
        if not _TEE_SAFE.fullmatch(path.name):
            raise ValueError(f"{path.name!r} cannot be named in ffmpeg's tee muxer")
        ffmpeg = find_ffmpeg()
        self.stream = stream
        self.stream_closed = False
        """Whether the stream's reader went away (a player quit)."""
        mp3 = "f=mp3:id3v2_version=0:write_id3v1=0"
        source_args = source.ffmpeg_input() if source else fmt.ffmpeg_input("pipe:0")
        encoder_args = [
            ffmpeg,
            "-hide_banner",
            "-nostdin" if source else "-stdin",
            "-loglevel",
            "error",
            *source_args,
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
            *(("-flush_packets", "1") if stream is not None else ()),
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
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in abort()
        self.encoder = subprocess.Popen(
            encoder_args,
            cwd=path.parent,  # the tee muxer is given a bare file name
            stdin=subprocess.DEVNULL if source else subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
        )
        try:
            self.checker = subprocess.Popen(
                checker_args,
                stdin=subprocess.PIPE if stream is not None else self.encoder.stdout,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
        except OSError:
            self.encoder.kill()
            self.encoder.wait()
            raise
        self._checker_err = b""
        self._threads = [threading.Thread(target=self._read_checker, name="mp3-check", daemon=True)]
        if stream is not None:
            self._threads.append(threading.Thread(target=self._pump, name="mp3-pump", daemon=True))
        else:
            assert self.encoder.stdout is not None
            self.encoder.stdout.close()  # the checker reads it
        for thread in self._threads:
            thread.start()

    def _pump(self) -> None:
        """The encoder's MP3, piece by piece, to the checker and the stream."""
        assert self.encoder.stdout is not None and self.checker.stdin is not None
        checker = self.checker.stdin
        mp3 = self.encoder.stdout.fileno()
        try:
            while piece := os.read(mp3, 1 << 16):
                with contextlib.suppress(BrokenPipeError):
                    checker.write(piece)
                if self.stream is not None and not self.stream_closed:
                    try:
                        self.stream.write(piece)
                        self.stream.flush()
                    except (BrokenPipeError, ValueError, OSError):
                        self.stream_closed = True
        finally:
            with contextlib.suppress(BrokenPipeError, OSError):
                checker.close()

    def _read_checker(self) -> None:
        assert self.checker.stderr is not None
        self._checker_err = self.checker.stderr.read()

    def write(self, pcm: bytes) -> None:
        """More of the programme (live input only)."""
        assert self.encoder.stdin is not None
        try:
            self.encoder.stdin.write(pcm)
        except BrokenPipeError:
            self.encoder.wait()
            raise self._encoder_error() from None

    def finish(self) -> Loudness:
        """Wait for the end of the MP3 (closing the live input); the MP3's own measurement."""
        try:
            if self.encoder.stdin is not None:
                with contextlib.suppress(BrokenPipeError):
                    self.encoder.stdin.close()
            try:
                self.encoder.wait(timeout=_TIMEOUT_S)
                for thread in self._threads:
                    thread.join(timeout=_TIMEOUT_S)
                self.checker.wait(timeout=_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                raise AudioError("ffmpeg took too long to encode the episode") from None
            if self.encoder.returncode != 0:
                raise self._encoder_error()
        finally:
            self.abort()
        text = self._checker_err.decode("utf-8", "replace")
        if self.checker.returncode != 0:
            last = text.strip().splitlines()[-1] if text.strip() else "no reason given"
            raise AudioError(f"ffmpeg could not measure the encoded episode: {last[:200]}")
        return summary(text, "the encoded episode")

    def abort(self) -> None:
        """Stop both processes (if still running) and let go of their pipes."""
        for process in (self.encoder, self.checker):
            if process.poll() is None:
                process.kill()
                process.wait()
        for thread in self._threads:
            thread.join(timeout=5)
        for pipe in (self.encoder.stdin, self.encoder.stdout, self.checker.stderr):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()
        self._log.close()

    def _encoder_error(self) -> AudioError:
        self._log.seek(0)
        text = self._log.read().decode("utf-8", "replace").strip()
        last = text.splitlines()[-1] if text else f"exit status {self.encoder.returncode}"
        return AudioError(
            f"ffmpeg could not encode the episode: {last[:200]}",
            hint="check free disk space; the previous episode, if any, is untouched",
        )
