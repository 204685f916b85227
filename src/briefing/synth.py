"""Synthesis: one clip per script sentence, from the cast's voices, into the speech cache.

Sentences found in the cache are not synthesised again, and an engine is loaded only if some
sentence needs it, so a rebuild of an unchanged episode loads no model at all. Engines that
allow it (gTTS) run several sentences at once, bounded by their `concurrency`.

Clips are kept in the cache (a scratch one for --no-cache), not in memory: the result is
where each sentence's clip is, read back one at a time when the programme is joined, so an
hour-long episode never holds an hour of speech.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace

from briefing.cache import SpeechCache, cache_key
from briefing.engines.base import SpeechEngine
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

_preloaded: dict[tuple[str, int], Future[SpeechEngine]] = {}
_preload_lock = threading.Lock()
_preloader: ThreadPoolExecutor | None = None
"""The thread `preload` loads engines on, made on first use and kept."""


def preload(cast: Cast) -> None:
    """Start loading the cast's engines in the background (a neural voice takes half a
    second), for the next `synthesize` to take: while the page's language is detected and
    the script written, say. Engines loaded for voices that then go unused are let go by
    `forget_preloaded`."""
    global _preloader
    rate = cast.anchor.settings.native_rate()
    with _preload_lock:
        if _preloader is None:
            _preloader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="preload")
        for voice in cast.voices:
            key = (voice.name, rate)
            if key not in _preloaded:
                _preloaded[key] = _preloader.submit(voice.settings.load, rate)


def forget_preloaded(keep: Cast | None = None) -> None:
    """Let go of preloaded engines, except those of `keep`'s voices."""
    names = {v.name for v in keep.voices} if keep else set()
    with _preload_lock:
        for key in [k for k in _preloaded if k[0] not in names]:
            del _preloaded[key]


def _engine(voice: VoicePreset, rate: int) -> SpeechEngine:
    """The voice's engine: the preloaded one if there is one (once), else loaded now."""
    with _preload_lock:
        future = _preloaded.pop((voice.name, rate), None)
    if future is not None:
        try:
            return future.result()
        except Exception:  # noqa: BLE001 - loading again raises the error in this thread
            log.debug("preloading %s failed; loading it again", voice.name)
    return voice.settings.load(rate)


def _keep(voice: VoicePreset, rate: int, engine: SpeechEngine) -> None:
    """Hand `engine` to the next `synthesize`, as a preloaded one."""
    loaded: Future[SpeechEngine] = Future()
    loaded.set_result(engine)
    with _preload_lock:
        _preloaded[(voice.name, rate)] = loaded


@dataclass(frozen=True)
class Speech:
    """One clip per sentence, in script order: in `store`, or held here if it could not be
    stored (a full or read-only cache)."""

    keys: tuple[str, ...]
    store: SpeechCache
    report: SynthReport
    held: dict[str, Clip] = field(default_factory=dict)

    def clips(self) -> Iterator[Clip]:
        """The clips in order, read one at a time."""
        for key in self.keys:
            clip = self.held.get(key) or self.store.get(key)
            if clip is None:  # removed since it was made: another build pruned the cache
                raise SpeechError(
                    "a sentence's audio left the speech cache during the build",
                    hint="run the build again, or raise BRIEFING_CACHE_MAX_MB",
                )
            yield clip


@dataclass(frozen=True)
class _Job:
    index: int
    text: str
    voice: VoicePreset
    key: str


def synthesize(
    script: Script,
    cast: Cast,
    cache: SpeechCache,
    progress: ProgressFn | None = None,
    fallback: VoicePreset | None = None,
    keep_engines: bool = False,
) -> Speech:
    """A clip for every sentence of `script`, stored in `cache`, and what it took.

    If a voice fails for good and `fallback` is given, the whole episode is re-voiced with
    the fallback voice, so voices never mix within a story. With `keep_engines`, the engines
    loaded are kept for the next `synthesize` (part of an episode spoken ahead).
    """
    try:
        return _synthesize(script, cast, cache, progress, keep_engines)
    except SpeechError as exc:
        if fallback is None:
            raise
        log.warning("%s; re-voicing the whole episode with %s", exc.message, fallback.name)
        speech = _synthesize(script, Cast(fallback), cache, progress)
        return replace(speech, report=replace(speech.report, fallback=fallback.name))


def _synthesize(
    script: Script,
    cast: Cast,
    cache: SpeechCache,
    progress: ProgressFn | None,
    keep_engines: bool = False,
    held: dict[str, Clip] | None = None,
    on_ready: Callable[[int], None] | None = None,
    stop: threading.Event | None = None,
) -> Speech:
    """Speak `script`'s sentences into `cache` (or `held`, where the cache cannot store
    one). `on_ready(i)` is called as sentence i's clip can be read; setting `stop` ends the
    work at the next sentence (`SpeechStopped`)."""
    started = time.monotonic()
    jobs = _jobs(script, cast)
    rate = cast.anchor.settings.native_rate()
    held = {} if held is None else held
    ready = [False] * len(jobs)
    pending: dict[str, list[_Job]] = defaultdict(list)
    for job in jobs:
        if cache.contains(job.key):
            ready[job.index] = True
            if on_ready:
                on_ready(job.index)
        else:
            pending[job.voice.name].append(job)
    cached = len(jobs) - sum(len(v) for v in pending.values())
    done = cached
    log.info("speech: %d segments, %d from the cache", len(jobs), cached)
    if progress:
        progress(SynthProgress(done, len(jobs), cached))

    def finished(job: _Job, clip: Clip) -> None:
        nonlocal done
        if not cache.put(job.key, clip):
            held[job.key] = clip
        ready[job.index] = True
        done += 1
        log.debug("spoke %d/%d with %s: %s", done, len(jobs), job.voice.name, job.text[:70])
        if on_ready:
            on_ready(job.index)
        if progress:
            progress(SynthProgress(done, len(jobs), cached))
        if stop is not None and stop.is_set():
            raise SpeechStopped

    for voice_jobs in pending.values():
        voice = voice_jobs[0].voice
        engine = _engine(voice, rate)
        if keep_engines:
            _keep(voice, rate, engine)
        if engine.concurrency <= 1:
            for job in voice_jobs:
                finished(job, engine.synthesize(job.text))
            continue
        pool = ThreadPoolExecutor(max_workers=engine.concurrency, thread_name_prefix=voice.name)
        try:
            queue = deque((job, pool.submit(engine.synthesize, job.text)) for job in voice_jobs)
            # Taken in order, and each let go once its audio is stored: holding them all
            # would keep the whole episode's audio in memory until the last sentence.
            while queue:
                job, future = queue.popleft()
                finished(job, future.result())
        finally:
            # On a failure or Ctrl-C, sentences not yet started are dropped: only those
            # being spoken are waited for.
            pool.shutdown(wait=True, cancel_futures=True)

    seconds = time.monotonic() - started
    log.info(
        "speech: done in %.1f s (%d synthesised, %d from the cache)",
        seconds,
        len(jobs) - cached,
        cached,
    )
    missing = [job.index for job in jobs if not ready[job.index]]
    if missing:
        raise RuntimeError(f"no audio for sentences {missing[:5]}")  # a bug, not a user error
    keys = tuple(job.key for job in jobs)
    return Speech(keys, cache, SynthReport(len(jobs), cached, seconds), held)


def _jobs(script: Script, cast: Cast) -> list[_Job]:
    """One job per sentence, in script order, keyed by what its audio depends on."""
    rate = cast.anchor.settings.native_rate()
    identities = {v.name: v.settings.identity() for v in cast.voices}
    jobs: list[_Job] = []
    for story in script.stories:
        voice = cast.voice_for(story)
        for sentence in story.sentences:
            key = cache_key(voice.engine, identities[voice.name], rate, sentence)
            jobs.append(_Job(len(jobs), sentence, voice, key))
    return jobs


def speech_keys(script: Script, cast: Cast) -> list[str]:
    """The speech cache key of every sentence of `script`, in order."""
    return [job.key for job in _jobs(script, cast)]


class SpeechStopped(Exception):
    """Synthesis ended early because its reader stopped (`InOrder.close`)."""


class InOrder:
    """Synthesis running in a thread, its clips read in script order as each is made: the
    programme is joined (and encoded) while the rest is still being spoken.

    `clips()` waits for each sentence in turn; an error in the synthesis is raised there.
    `speech()` waits for the end and gives what `synthesize` would have. `close()` stops
    the synthesis at its next sentence (the clips made stay in the cache).
    """

    def __init__(
        self,
        script: Script,
        cast: Cast,
        cache: SpeechCache,
        progress: ProgressFn | None = None,
        keep_engines: bool = False,
    ) -> None:
        self.keys = tuple(job.key for job in _jobs(script, cast))
        self._cache = cache
        self._held: dict[str, Clip] = {}
        self._ready: set[int] = set()
        self._turn = threading.Condition()
        self._stop = threading.Event()
        self._result: Speech | None = None
        self._error: BaseException | None = None

        def run() -> None:
            try:
                result = _synthesize(
                    script, cast, cache, progress, keep_engines, self._held, self._on_ready,
                    self._stop,
                )  # fmt: skip
            except BaseException as exc:  # noqa: BLE001 - handed to the reader
                with self._turn:
                    self._error = exc
                    self._turn.notify_all()
                return
            with self._turn:
                self._result = result
                self._turn.notify_all()

        self._thread = threading.Thread(target=run, name="speech", daemon=True)
        self._thread.start()

    def _on_ready(self, index: int) -> None:
        with self._turn:
            self._ready.add(index)
            self._turn.notify_all()

    def clips(self) -> Iterator[Clip]:
        for index, key in enumerate(self.keys):
            with self._turn:
                while index not in self._ready and self._error is None:
                    self._turn.wait()
                if index not in self._ready:
                    assert self._error is not None
                    raise self._error
            clip = self._held.get(key) or self._cache.get(key)
            if clip is None:
                raise SpeechError(
                    "a sentence's audio left the speech cache during the build",
                    hint="run the build again, or raise BRIEFING_CACHE_MAX_MB",
                )
            yield clip

    def speech(self) -> Speech:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._result is not None
        return self._result

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
