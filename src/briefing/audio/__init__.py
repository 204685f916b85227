"""Audio: assembly, encoding and (later) loudness. The only place that runs ffmpeg."""

from briefing.audio.assemble import Assembly, AudioFormat, Pauses, assemble
from briefing.audio.encode import Mp3Settings, export_mp3
from briefing.audio.ffmpeg import find_ffmpeg

__all__ = [
    "Assembly",
    "AudioFormat",
    "Mp3Settings",
    "Pauses",
    "assemble",
    "export_mp3",
    "find_ffmpeg",
]
