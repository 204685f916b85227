"""What a build knows of loudness before it speaks: the level its voices were found at
before (learned from each build, kept in the cache's notes), and the levelling of one exact
programme (so a rebuild encodes it the same way), each under a key known from the script.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, replace

from briefing.audio.loudness import (
    LIMITER_MARGIN_DB,
    TRUE_PEAK_TARGET,
    Levelling,
    Loudness,
    target_lufs,
)
from briefing.cache import SpeechCache
from briefing.models import Script
from briefing.plan import BuildOptions
from briefing.synth import Cast, speech_keys

FIRST_GAIN_DB = 4.2
"""The gain a stream starts with when its voices have no learned level: a Piper voice's
peak-normalised speech (London Daily at -22.2 LUFS) through the limiter to -19 LUFS."""
_LEVEL_VERSION = 1
"""Part of the keys: bump it when what a kept level means changes."""


def voice_level_key(cast: Cast, stereo: bool) -> str:
    """What the level learned for these voices is kept under: their identities (model,
    settings), the layout and targets."""
    voices = [[v.engine, v.settings.identity()] for v in cast.voices]
    what = [_LEVEL_VERSION, voices, stereo, target_lufs(stereo), TRUE_PEAK_TARGET]
    text = json.dumps([*what, LIMITER_MARGIN_DB], sort_keys=True, default=str)
    return hashlib.sha256(f"voice-level:{text}".encode()).hexdigest()


def programme_key(script: Script, cast: Cast, options: BuildOptions) -> str:
    """What the levelling of one exact programme is kept under, known before it is spoken:
    its sentences' audio (their speech cache keys: voice, settings, text), where the pauses
    fall and how long they are, the format and the targets."""
    stereo = options.show.stereo
    keys = speech_keys(script, cast)
    shape = [[len(paragraph) for paragraph in story.paragraphs] for story in script.stories]
    what = [_LEVEL_VERSION, keys, shape, asdict(options.pauses), cast.anchor.settings.native_rate()]
    what += [stereo, target_lufs(stereo), TRUE_PEAK_TARGET, LIMITER_MARGIN_DB]
    text = json.dumps(what, sort_keys=True)
    return hashlib.sha256(f"programme-level:{text}".encode()).hexdigest()


def recall(cache: SpeechCache, key: str) -> Levelling | None:
    note = cache.recall(key)
    return Levelling.from_note(note) if note else None


def first_levelling(stereo: bool) -> Levelling:
    """The level a stream starts with when its voices have none learned yet."""
    target = target_lufs(stereo)
    ceiling = TRUE_PEAK_TARGET - LIMITER_MARGIN_DB
    return Levelling(FIRST_GAIN_DB, ceiling, target - FIRST_GAIN_DB, -1.4, target, True)


def learned(used: Levelling, measured: Loudness, stereo: bool) -> Levelling:
    """The levelling that would have put an MP3 encoded with `used` on target: its gain moved
    by how far the MP3 measured from the target, so the voices' next build lands closer."""
    if measured.integrated_lufs <= -70:  # silence: nothing learned
        return used
    shift = max(-3.0, min(3.0, target_lufs(stereo) - measured.integrated_lufs))
    return replace(
        used, gain_db=used.gain_db + shift, expected_lufs=measured.integrated_lufs + shift
    )
