"""The stages in order: page → script → speech → assembly → tagged MP3. No printing here.

ingest.load_page ─▶ script.build_script ─▶ synth.synthesize (cache, engines)
    ─▶ audio.assemble ─▶ audio.export_mp3 ─▶ tags.write_tags ─▶ os.replace into place
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path

from briefing.art import make_cover
from briefing.audio import Pauses, assemble, export_mp3, find_ffmpeg
from briefing.audio.encode import mp3_aligned_frames
from briefing.cache import SpeechCache
from briefing.engines.voices import DEFAULT_VOICE, load_presets, load_voice
from briefing.errors import LanguageError
from briefing.files import atomic_path, ensure_writable_dir, slug
from briefing.ingest.language import detect_language, language_name
from briefing.models import Article, Episode, Page, Script
from briefing.script import build_script
from briefing.synth import Cast, ProgressFn, synthesize
from briefing.tags import EpisodeTags, write_tags

log = logging.getLogger(__name__)

DEFAULT_OUTPUT_DIR = Path("output")


@dataclass(frozen=True)
class BuildOptions:
    """How to make an episode; every field has a default a user can override."""

    output_dir: Path = DEFAULT_OUTPUT_DIR
    voice: str = DEFAULT_VOICE
    """The anchor: intro, lead story and outro."""
    headline_voice: str | None = None
    """Reads the headline round-up; default the anchor."""
    fallback: str | None = None
    """Re-voices the whole episode if a voice fails for good."""
    show: str | None = None
    """Overrides the show name taken from the page's masthead."""
    language: str | None = None
    """The page's language (ISO 639-1), instead of detecting it."""
    use_cache: bool = True
    pauses: Pauses = field(default_factory=Pauses)

    def cast(self) -> Cast:
        headlines = load_voice(self.headline_voice) if self.headline_voice else None
        return Cast(anchor=load_voice(self.voice), headlines=headlines)


def episode_path(script: Script, output_dir: Path) -> Path:
    """``output/2026-01-14-london-daily.mp3``: the date, then the show as an ASCII slug."""
    return output_dir / f"{script.date.isoformat()}-{slug(script.show)}.mp3"


def make_script(
    page: Page, selection: tuple[int, ...], options: BuildOptions, today: dt.date | None = None
) -> Script:
    return build_script(page, selection, today=today or dt.date.today(), show=options.show)


def check_language(article: Article, options: BuildOptions) -> str | None:
    """The article's language; a `LanguageError` if a chosen voice does not speak it."""
    code = options.language or detect_language(article)
    if code is None:
        return None
    voices = options.cast().voices + ([load_voice(options.fallback)] if options.fallback else [])
    for voice in voices:
        if voice.language_code == code:
            continue
        name = language_name(code)
        speakers = sorted(p.name for p in load_presets().values() if p.language_code == code)
        if speakers:
            hint = (
                f"voices that speak {name}: {', '.join(speakers)}; or --lang to override detection"
            )
        else:
            hint = (
                f"no voice preset speaks {name}; add one (gTTS speaks it with lang = {code!r}) "
                "or give --lang to override detection"
            )
        raise LanguageError(
            f"the page is in {name} ({code}) but voice {voice.name!r} speaks {voice.language}",
            hint=hint,
        )
    return code


def build_episode(
    script: Script, options: BuildOptions, progress: ProgressFn | None = None
) -> Episode:
    """Make the tagged MP3 for `script` in `options.output_dir`; return what was made.

    ffmpeg, the voices and the output directory are checked before any speech is made;
    the MP3 is encoded and tagged in a temp file that replaces the target only when complete.
    """
    find_ffmpeg()
    cast = options.cast()
    fallback = load_voice(options.fallback) if options.fallback else None
    target = episode_path(script, ensure_writable_dir(options.output_dir))
    cache = SpeechCache.default() if options.use_cache else None

    clips, _report = synthesize(script, cast, cache, progress, fallback)
    if cache:
        cache.prune()
    assembly = assemble(script, clips, options.pauses)
    assembly = assembly.padded_to(mp3_aligned_frames(assembly.frames, assembly.format.sample_rate))
    duration_ms = round(assembly.duration_ms)
    tags = EpisodeTags(
        title=script.title,
        show=script.show,
        date=script.date,
        summary=script.summary,
        duration_ms=duration_ms,
        chapters=assembly.chapters,
        cover=make_cover(script.show, script.date),
    )
    with atomic_path(target) as temp:
        export_mp3(assembly, temp)
        write_tags(temp, tags)
    log.info("wrote %s (%.1f s, %d chapters)", target, duration_ms / 1000, len(assembly.chapters))
    return Episode(
        path=target,
        title=script.title,
        show=script.show,
        date=script.date,
        duration_ms=duration_ms,
        chapters=assembly.chapters,
    )
