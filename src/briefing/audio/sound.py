"""Sound design: an intro and an outro sting, and a music bed under the intro, ducked
under the voice. All optional (a show file turns them on); the default sting and bed are
made here in code, so nothing is downloaded and nothing is under copyright.
"""

from __future__ import annotations

import dataclasses
import shutil
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from briefing.audio.assemble import Assembly, writing
from briefing.audio.ffmpeg import decode_to_pcm
from briefing.models import Chapter, Cue

DEFAULT = "default"
NONE = "none"
BED_LEVEL_DB = -20.0
"""The bed's level between phrases, relative to full scale."""
DUCK_DB = -14.0
"""How much further the bed drops while the voice speaks."""
RAMP_MS = 120.0
BED_TAIL_MS = 1500.0
"""How long the bed plays on after the intro's last word, fading out."""


@dataclass(frozen=True)
class SoundDesign:
    intro_sting: str = NONE
    """"default" (made in code), "none", or a path to an audio file."""
    outro_sting: str = NONE
    music_bed: str = NONE
    """Under the intro: "default", "none", or a path to an audio file (looped)."""
    base: Path = Path(".")
    """Directory that relative paths are read from (the show file's)."""

    @property
    def empty(self) -> bool:
        return {self.intro_sting, self.outro_sting, self.music_bed} == {NONE}


def chime(sample_rate: int, falling: bool = False) -> np.ndarray:
    """A short three-note chime (about 1.6 s), rising or falling; float samples in -1..1."""
    total = int(1.6 * sample_rate)
    t = np.arange(total) / sample_rate
    out = np.zeros(total)
    notes = (523.25, 659.25, 783.99)  # C5, E5, G5
    for n, freq in enumerate(notes[::-1] if falling else notes):
        start = 0.18 * n
        local = np.clip(t - start, 0, None)
        envelope = np.where(t >= start, np.exp(-local * 3.2) * np.minimum(local / 0.01, 1), 0)
        out += envelope * (
            np.sin(2 * np.pi * freq * local) + 0.3 * np.sin(4 * np.pi * freq * local)
        )
    return 0.5 * out / np.max(np.abs(out))


def pad(frames: int, sample_rate: int) -> np.ndarray:
    """A soft sustained chord that breathes slowly, for a bed; float samples in -1..1."""
    t = np.arange(frames) / sample_rate
    chord = sum(np.sin(2 * np.pi * f * t) for f in (130.81, 196.0, 261.63, 329.63))
    swell = 0.75 + 0.25 * np.sin(2 * np.pi * 0.2 * t)
    out = chord * swell
    return out / max(np.max(np.abs(out)), 1e-9)


def _load(source: str, sample_rate: int, base: Path) -> np.ndarray:
    path = Path(source).expanduser()
    pcm = decode_to_pcm(
        (path if path.is_absolute() else base / path).read_bytes(), sample_rate, fmt=None
    )
    return np.frombuffer(pcm, dtype="<i2").astype(np.float64) / 32768


def _to_pcm(samples: np.ndarray) -> bytes:
    return np.clip(np.round(samples * 32768), -32768, 32767).astype("<i2").tobytes()


def _ducking(frames: int, sample_rate: int, cues: tuple[Cue, ...]) -> np.ndarray:
    """Gain per frame: the bed's level, lower while a cue is spoken, with short ramps."""
    speaking = np.zeros(frames)
    for cue in cues:
        speaking[int(cue.start_ms * sample_rate / 1000) : int(cue.end_ms * sample_rate / 1000)] = 1
    ramp = max(1, int(RAMP_MS * sample_rate / 1000))
    smooth = np.convolve(speaking, np.ones(ramp) / ramp, mode="same")
    level_db = BED_LEVEL_DB + DUCK_DB * smooth
    return 10 ** (level_db / 20)


def apply_sound(
    assembly: Assembly, design: SoundDesign, intro_end_ms: float, path: Path
) -> Assembly:
    """The programme, written to `path`, with stings around it and a ducked bed under the
    intro (up to `intro_end_ms` on the programme's own timeline); chapters and cues move
    with it. Only the intro is mixed in memory; the rest of the voice is copied as it is."""
    if design.empty:
        return assembly
    if assembly.format.channels != 1 or assembly.format.sample_width != 2:
        raise ValueError("sound design works on mono 16-bit programmes")
    rate = assembly.format.sample_rate

    def source(name: str, made: np.ndarray) -> np.ndarray:
        if name == NONE:
            return np.zeros(0)
        return made if name == DEFAULT else _load(name, rate, design.base)

    intro = source(design.intro_sting, chime(rate))
    outro = source(design.outro_sting, chime(rate, falling=True))
    bed_end, under = 0, np.zeros(0)
    if design.music_bed != NONE:
        bed_end = min(assembly.frames, int((intro_end_ms + BED_TAIL_MS) * rate / 1000))
        bed = np.resize(source(design.music_bed, pad(bed_end, rate)), bed_end)  # loops or cuts
        gain = _ducking(bed_end, rate, assembly.cues)
        fade = np.minimum(1, np.arange(bed_end)[::-1] / max(1, int(BED_TAIL_MS * rate / 1000)))
        under = bed * gain * fade
    gap = np.zeros(int(0.3 * rate)) if len(intro) else np.zeros(0)
    with assembly.path.open("rb") as voice:
        head = np.frombuffer(voice.read(2 * bed_end), dtype="<i2").astype(np.float64) / 32768
        with writing(path) as out:
            out.write(_to_pcm(np.concatenate([intro, gap])))
            if bed_end:
                out.write(_to_pcm(head + under))
            shutil.copyfileobj(voice, out, 1 << 20)
            out.write(_to_pcm(outro))
    frames = len(intro) + len(gap) + assembly.frames + len(outro)
    shift_ms = 1000 * (len(intro) + len(gap)) / rate
    total_ms = 1000 * frames / rate
    return dataclasses.replace(
        assembly,
        path=path,
        frames=frames,
        chapters=_shift_chapters(assembly.chapters, shift_ms, total_ms),
        cues=tuple(c.shifted(shift_ms) for c in assembly.cues),
    )


def _shift_chapters(
    chapters: tuple[Chapter, ...], shift_ms: float, total_ms: float
) -> tuple[Chapter, ...]:
    """Later chapters move with the programme; the first still starts at 0, the last still
    ends at the end."""
    moved = [
        dataclasses.replace(
            c,
            start_ms=0 if n == 0 else round(c.start_ms + shift_ms),
            end_ms=round(c.end_ms + shift_ms),
        )
        for n, c in enumerate(chapters)
    ]
    if moved:
        moved[-1] = dataclasses.replace(moved[-1], end_ms=round(total_ms))
    return tuple(moved)
