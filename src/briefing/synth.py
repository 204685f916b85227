"""Synthesis: one clip per script sentence, from the cast's voices, through the speech cache.

Sentences found in the cache are not synthesised again, and an engine is loaded only if some
sentence needs it, so a rebuild of an unchanged episode loads no model at all. Engines that
allow it (gTTS) run several sentences at once, bounded by their `concurrency`.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import dataclass, replace

from briefing.cache import SpeechCache, cache_key
from briefing.engines.voices import VoicePreset
from briefing.errors import SpeechError
from briefing.models import Clip, Script, Story, StoryKind

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Cast:
    """Who reads what: the anchor reads the intro, lead story and outro; the headline voice
    reads the round-up. One voice for everything unless a headline voice is given."""

    anchor: VoicePreset
    headlines: VoicePreset | None = None

    def voice_for(self, story: Story) -> VoicePreset:
        if story.kind is StoryKind.HEADLINE and self.headlines is not None:
            return self.headlines
        return self.anchor

    @property
    def voices(self) -> list[VoicePreset]:
        return [self.anchor] + ([self.headlines] if self.headlines else [])


@dataclass(frozen=True)
class SynthProgress:
    done: int
    total: int
    cached: int


@dataclass(frozen=True)
class SynthReport:
    segments: int
    cached: int
    seconds: float
    fallback: str | None = None
    """The voice that re-voiced the episode after the cast's voice failed, if any."""

    @property
    def synthesised(self) -> int:
        return self.segments - self.cached


ProgressFn = Callable[[SynthProgress], None]


@dataclass(frozen=True)
class _Job:
    index: int
    text: str
    voice: VoicePreset
    key: str


def synthesize(
    script: Script,
    cast: Cast,
    cache: SpeechCache | None = None,
    progress: ProgressFn | None = None,
    fallback: VoicePreset | None = None,
) -> tuple[list[Clip], SynthReport]:
    """A clip for every sentence of `script`, in order, and what it took.

    If a voice fails for good and `fallback` is given, the whole episode is re-voiced with
    the fallback voice, so voices never mix within a story.
    """
    try:
        return _synthesize(script, cast, cache, progress)
    except SpeechError as exc:
        if fallback is None:
            raise
        log.warning("%s; re-voicing the whole episode with %s", exc.message, fallback.name)
        clips, report = _synthesize(script, Cast(fallback), cache, progress)
        return clips, replace(report, fallback=fallback.name)


def _synthesize(
    script: Script, cast: Cast, cache: SpeechCache | None, progress: ProgressFn | None
) -> tuple[list[Clip], SynthReport]:
    started = time.monotonic()
    rate = cast.anchor.settings.native_rate()
    identities = {v.name: v.settings.identity() for v in cast.voices}
    jobs: list[_Job] = []
    for story in script.stories:
        voice = cast.voice_for(story)
        for sentence in story.sentences:
            key = cache_key(voice.engine, identities[voice.name], rate, sentence)
            jobs.append(_Job(len(jobs), sentence, voice, key))

    clips: list[Clip | None] = [None] * len(jobs)
    pending: dict[str, list[_Job]] = defaultdict(list)
    for job in jobs:
        hit = cache.get(job.key) if cache else None
        if hit is not None:
            clips[job.index] = hit
        else:
            pending[job.voice.name].append(job)
    cached = len(jobs) - sum(len(v) for v in pending.values())
    done = cached
    log.info("speech: %d segments, %d from the cache", len(jobs), cached)
    if progress:
        progress(SynthProgress(done, len(jobs), cached))

    def finished(job: _Job, clip: Clip) -> None:
        nonlocal done
        clips[job.index] = clip
        if cache:
            cache.put(job.key, clip)
        done += 1
        log.debug("spoke %d/%d with %s: %s", done, len(jobs), job.voice.name, job.text[:70])
        if progress:
            progress(SynthProgress(done, len(jobs), cached))

    for voice_jobs in pending.values():
        voice = voice_jobs[0].voice
        engine = voice.settings.load(rate)
        if engine.concurrency <= 1:
            for job in voice_jobs:
                finished(job, engine.synthesize(job.text))
            continue
        with ThreadPoolExecutor(
            max_workers=engine.concurrency, thread_name_prefix=voice.name
        ) as pool:
            futures = {pool.submit(engine.synthesize, job.text): job for job in voice_jobs}
            remaining = set(futures)
            while remaining:
                completed, remaining = wait(remaining, return_when=FIRST_EXCEPTION)
                for future in completed:
                    if future.exception() is not None:
                        for other in remaining:
                            other.cancel()
                        raise future.exception()  # type: ignore[misc]
                    finished(futures[future], future.result())

    seconds = time.monotonic() - started
    log.info(
        "speech: done in %.1f s (%d synthesised, %d from the cache)",
        seconds,
        len(jobs) - cached,
        cached,
    )
    missing = [job.index for job in jobs if clips[job.index] is None]
    if missing:
        raise RuntimeError(f"no audio for sentences {missing[:5]}")  # a bug, not a user error
    return [c for c in clips if c is not None], SynthReport(len(jobs), cached, seconds)
