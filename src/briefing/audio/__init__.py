"""Audio: assembly, sound design, loudness and encoding. The only place that runs ffmpeg."""

from briefing.audio.assemble import Assembly, AudioFormat, Pauses, assemble
from briefing.audio.encode import Mp3Settings, encode_mp3
from briefing.audio.ffmpeg import find_ffmpeg

__all__ = [
    "Assembly",
    "AudioFormat",
    "Mp3Settings",
    "Pauses",
    "assemble",
    "encode_mp3",
    "find_ffmpeg",
]
