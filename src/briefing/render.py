"""Script to levelled MP3: the sentences spoken, joined into the programme, levelled to the
target loudness and encoded, in one of two ways that make the same audio.

**Live**, when the voices' level is known (learned from earlier builds with the same voices,
kept in the cache's notes) or a player is waiting on `--stream`: each sentence is joined into
the programme as soon as it is spoken, and handed at once to the encoder, which levels it
with that gain. When the last sentence is spoken the MP3 is all but done; the encoder's own
measurement of it decides, as always, and in the rare case it is off target it is encoded
again from the programme file, corrected.

**After the speech**, when the level is not known yet (a voice's first build, `--no-cache`),
or the show has sound design (mixed over the whole programme) or a fallback voice: every
sentence is spoken, the programme joined and measured (`find_levelling`), then encoded.

Either way the level found is learned for the voices' next build, and for this exact
programme (`levels.py`: a rebuild measures nothing). And when the episode already in the
output directory has exactly this audio (the same programme key, its MP3 unchanged by its
checksum), its audio is taken as it is: an unchanged rebuild encodes nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from briefing.audio import Assembly, AudioFormat, assemble, encode_mp3
from briefing.audio.encode import Mp3Encoder, Mp3Settings, mp3_aligned_frames
from briefing.audio.loudness import (
    Levelling,
    Loudness,
    correction,
    find_levelling,
    levelling_key,
)
from briefing.audio.sound import apply_sound
from briefing.cache import SpeechCache
from briefing.config import ShowConfig
from briefing.engines.voices import load_voice
from briefing.levels import first_levelling, learned, programme_key, recall, voice_level_key
from briefing.models import Clip, Script, Story
from briefing.plan import BuildOptions, Note, Plan, left_out, script_for
from briefing.synth import Cast, InOrder, ProgressFn, synthesize
from briefing.tags import id3_size

log = logging.getLogger(__name__)

MAX_CORRECTIONS = 2


@dataclass(frozen=True)
class Rendered:
    """The episode's audio: the MP3 (untagged) and the programme it was made from."""

    mp3: Path
    assembly: Assembly
    """The programme as encoded (sound design and the MP3's end padding in)."""
    script: Script
    """The script as spoken (fewer headlines, if the length budget took some)."""
    measured: Loudness
    """The MP3's own measurement."""
    levelling: Levelling
    """The gain and limiter it was encoded with."""
    notes: tuple[Note, ...]
    key: str = ""
    """What its audio is made of (`programme_key`), where that is known before speaking."""
    reused: bool = False
    """Whether it is the episode already there's audio, unchanged, not encoded again."""

    def audio_sha256(self) -> str:
        """The untagged MP3's checksum: a rebuild finds out from it that the episode already
        there has this audio."""
        return hashlib.sha256(self.mp3.read_bytes()).hexdigest()


@dataclass(frozen=True)
class _Making:
    """What every way of making the audio works with."""

    work: Path
    """The build's work directory: the programme file and the MP3 go there."""
    options: BuildOptions
    cast: Cast
    cache: SpeechCache
    progress: ProgressFn | None
    plan: Plan | None
    mp3: Mp3Settings

    def join(
        self,
        script: Script,
        clips: Iterable[Clip],
        voices: Cast | None = None,
        fmt: AudioFormat | None = None,
        tee: Callable[[bytes], None] | None = None,
    ) -> Assembly:
        """`script`'s programme from `clips` (read by `voices`, default the cast), joined
        into the work directory."""
        speakers = _speakers(voices or self.cast, script, self.options.show)
        path = self.work / "voice.pcm"
        return assemble(script, clips, path, self.options.pauses, fmt, speakers, tee)


@dataclass(frozen=True)
class Previous:
    """The episode already at the build's target: its MP3 and its metadata."""

    mp3: Path
    meta: dict[str, Any]


def render(
    work: Path,
    script: Script,
    options: BuildOptions,
    cast: Cast,
    cache: SpeechCache,
    progress: ProgressFn | None = None,
    plan: Plan | None = None,
    stream: BinaryIO | None = None,
    previous: Previous | None = None,
) -> Rendered:
    """Speak `script` and make its MP3 in `work`; with `stream`, the MP3 is written there
    too, as it is made (a player's pipe). When the episode already there (`previous`) has
    exactly this audio, its audio is taken as it is, not encoded again."""
    stereo = options.show.stereo
    mp3 = Mp3Settings(channels=2 if stereo else 1)
    making = _Making(work, options, cast, cache, progress, plan, mp3)
    level_key = voice_level_key(cast, stereo)
    rendered = None
    # Sound design and a fallback voice make audio the script alone does not decide.
    keyed = options.show.sound_design().empty and options.fallback is None
    key = programme_key(script, cast, options) if keyed else ""
    if keyed:
        exact = recall(cache, key)
        if exact is not None:
            log.info("loudness (found for this audio before): %s", exact.describe())
            rendered = _reuse(making, script, key, previous, exact, stream)
        else:
            exact = recall(cache, level_key)
            if exact is not None:
                log.info("loudness (the voices' level, learned before): %s", exact.describe())
        if rendered is None and (exact is not None or stream is not None):
            rendered = _render_live(making, script, stream, exact or first_levelling(stereo))
            if rendered is None:  # longer than the budget: trimmed after the speech; a
                stream = None  # stream has had the whole of it already, not a second MP3
    if rendered is None:
        rendered = _render_after(making, script, stream)
    # This exact audio is encoded the same way again (a rebuild makes the same bytes); the
    # voices' next programme starts from the level that would have hit the target.
    if rendered.reused:
        return rendered
    used = rendered.levelling.to_note()
    cache.remember(levelling_key(rendered.assembly, stereo), used)
    if keyed:
        if rendered.script is not script:  # headlines left out for the length budget
            key = programme_key(rendered.script, cast, options)
        cache.remember(key, used)
        rendered = replace(rendered, key=key)
    cache.remember(level_key, learned(rendered.levelling, rendered.measured, stereo).to_note())
    return rendered


def _reuse(
    making: _Making,
    script: Script,
    key: str,
    previous: Previous | None,
    levelling: Levelling,
    stream: BinaryIO | None,
) -> Rendered | None:
    """The episode already there's audio, when it is this programme's, made with this
    levelling, and unchanged since (its checksum); None otherwise. The programme is still
    joined, from the making.cache, for the chapters and the transcript's times."""
    if previous is None or previous.meta.get("audio_key") != key:
        return None
    try:
        data = previous.mp3.read_bytes()
    except OSError:
        return None
    audio = data[id3_size(data) :]
    if hashlib.sha256(audio).hexdigest() != previous.meta.get("audio_sha256"):
        return None
    try:
        measured = Loudness(
            float(previous.meta["loudness_lufs"]), float(previous.meta["true_peak_dbtp"])
        )
    except (KeyError, TypeError, ValueError):
        return None
    speech = synthesize(script, making.cast, making.cache, making.progress)
    if speech.report.synthesised:
        return None  # the times come from the clips it was made of: spoken again, they differ
    assembly = making.join(script, speech.clips())
    assembly = assembly.padded_to(
        mp3_aligned_frames(assembly.frames, assembly.format.sample_rate, making.mp3)
    )
    out = making.work / "episode.mp3"
    out.write_bytes(audio)
    if stream is not None:
        with contextlib.suppress(BrokenPipeError, OSError):
            stream.write(audio)
            stream.flush()
    log.info("audio: the same as the episode already there; not encoded again")
    return Rendered(out, assembly, script, measured, levelling, (), key=key,
                    reused=True)  # fmt: skip


def _render_live(
    making: _Making, script: Script, stream: BinaryIO | None, levelling: Levelling
) -> Rendered | None:
    """Join and encode while speaking. None when the audio turns out longer than the length
    budget (the speech is cached: the caller trims and renders again)."""
    stereo = making.options.show.stereo
    fmt = AudioFormat(sample_rate=making.cast.anchor.settings.native_rate())
    out = making.work / "episode.mp3"
    encoder = Mp3Encoder(fmt, levelling.filters(stereo), out, making.mp3, stream=stream)
    spoken = InOrder(script, making.cast, making.cache, making.progress)
    try:
        assembly = making.join(script, spoken.clips(), fmt=fmt, tee=encoder.write)
        spoken.speech()
        budget_ms = (
            making.options.max_minutes * 60_000 if making.options.max_minutes is not None else None
        )
        if making.plan is not None and budget_ms is not None and assembly.duration_ms > budget_ms:
            encoder.abort()
            return None
        padded = mp3_aligned_frames(assembly.frames, fmt.sample_rate, making.mp3)
        encoder.write(bytes((padded - assembly.frames) * fmt.frame_bytes))
        assembly = assembly.padded_to(padded)
        measured = encoder.finish()
    except BaseException:
        spoken.close()
        encoder.abort()
        raise
    measured, levelling = _correct(assembly, levelling, measured, out, making.mp3, stereo)
    return Rendered(out, assembly, script, measured, levelling, ())


def _render_after(making: _Making, script: Script, stream: BinaryIO | None) -> Rendered:
    """Speak everything, then join, measure, level and encode."""
    stereo = making.options.show.stereo
    assembly, script, notes = _within_budget(making, script)
    intro_sentences = len(script.stories[0].sentences) if script.stories else 0
    intro_end_ms = assembly.cues[intro_sentences - 1].end_ms if intro_sentences else 0.0
    design = making.options.show.sound_design()
    assembly = apply_sound(assembly, design, intro_end_ms, making.work / "programme.pcm")
    assembly = assembly.padded_to(
        mp3_aligned_frames(assembly.frames, assembly.format.sample_rate, making.mp3)
    )
    note = making.cache.recall(levelling_key(assembly, stereo))
    levelling = Levelling.from_note(note) if note else None
    if levelling is None:
        levelling = find_levelling(assembly, stereo)
        log.info("loudness: %s", levelling.describe())
    else:
        log.info("loudness (found for this audio before): %s", levelling.describe())
    log.info(
        "encoding: %.1f minutes of audio to MP3, measured as it is written",
        assembly.duration_ms / 60_000,
    )
    out = making.work / "episode.mp3"
    encoder = Mp3Encoder(assembly.format, levelling.filters(stereo), out, making.mp3,
                         source=assembly, stream=stream)  # fmt: skip
    measured, levelling = _correct(assembly, levelling, encoder.finish(), out, making.mp3, stereo)
    return Rendered(out, assembly, script, measured, levelling, tuple(notes))


def _correct(
    assembly: Assembly,
    levelling: Levelling,
    measured: Loudness,
    out: Path,
    mp3: Mp3Settings,
    stereo: bool,
) -> tuple[Loudness, Levelling]:
    """The MP3's measurement and levelling, after encoding it again, corrected, while it is
    off target."""
    for attempt in range(MAX_CORRECTIONS + 1):
        better = correction(levelling, measured, stereo)
        if better is None:
            break
        figures = f"{measured.integrated_lufs:.1f} LUFS, peak {measured.true_peak_dbtp:.1f} dBTP"
        if attempt == MAX_CORRECTIONS:
            log.warning("loudness: the episode measures %s, off the target", figures)
            break
        log.info("loudness: the MP3 measured %s; encoding it again, corrected", figures)
        levelling = better
        measured = encode_mp3(assembly, levelling.filters(stereo), out, mp3)
    return measured, levelling


def _within_budget(making: _Making, script: Script) -> tuple[Assembly, Script, list[Note]]:
    """Speak and join `script`; with a length budget, drop headlines from the end until
    the audio fits (nothing is spoken twice: the clips stay in the making.cache)."""
    fallback = load_voice(making.options.fallback) if making.options.fallback else None

    def join(script: Script) -> Assembly:
        speech = synthesize(script, making.cast, making.cache, making.progress, fallback)
        voices = Cast(fallback) if speech.report.fallback and fallback else making.cast
        return making.join(script, speech.clips(), voices)

    assembly = join(script)
    notes: list[Note] = []
    if making.options.max_minutes is not None and making.plan is not None:
        budget_ms = making.options.max_minutes * 60_000
        kept = making.plan.selection
        lexicon = making.options.lexicon()
        while kept and assembly.duration_ms > budget_ms:
            kept = kept[:-1]
            script = script_for(making.plan.page, kept, making.options, script.date, lexicon)
            assembly = join(script)
        notes += left_out(
            making.plan.page,
            making.plan.selection[len(kept) :],
            making.options.max_minutes,
            "measured",
        )
        if assembly.duration_ms > budget_ms:
            notes.append(
                Note(
                    f"the lead story alone takes {assembly.duration_ms / 60_000:.1f} minutes, "
                    f"more than {making.options.max_minutes:g}"
                )
            )
    return assembly, script, notes


def _speakers(cast: Cast, script: Script, show: ShowConfig) -> list[str]:
    """The transcript's speaker label of every sentence."""
    return [_speaker(cast, story, show) for story in script.stories for _ in story.sentences]


def _speaker(cast: Cast, story: Story, show: ShowConfig) -> str:
    """The host's name for the anchor, else the voice's."""
    voice = cast.voice_for(story)
    if voice is cast.anchor and show.host:
        return show.host
    return voice.speaker or voice.name
