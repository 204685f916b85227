"""The stages in order: page → script → speech → assembly → tagged MP3. No printing here.

ingest.load_page ─▶ script.build_script ─▶ engine.synthesize (per sentence)
    ─▶ audio.assemble ─▶ audio.export_mp3 ─▶ tags.write_tags ─▶ os.replace into place
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from briefing.art import make_cover
from briefing.audio import Pauses, assemble, export_mp3, find_ffmpeg
from briefing.audio.encode import mp3_aligned_frames
from briefing.engines.voices import DEFAULT_VOICE, load_voice, open_engine
from briefing.files import atomic_path, ensure_writable_dir, slug
from briefing.models import Clip, Episode, Page, Script
from briefing.script import build_script
from briefing.tags import EpisodeTags, write_tags

DEFAULT_OUTPUT_DIR = Path("output")

Progress = Callable[[int, int], None]
"""Called with (sentences done, sentences in all) as speech is made."""


@dataclass(frozen=True)
class BuildOptions:
    """How to make an episode; every field has a default a user can override."""

    output_dir: Path = DEFAULT_OUTPUT_DIR
    voice: str = DEFAULT_VOICE
    show: str | None = None
    """Overrides the show name taken from the page's masthead."""
    pauses: Pauses = field(default_factory=Pauses)


def episode_path(script: Script, output_dir: Path) -> Path:
    """``output/2026-01-14-london-daily.mp3``: the date, then the show as an ASCII slug."""
    return output_dir / f"{script.date.isoformat()}-{slug(script.show)}.mp3"


def make_script(
    page: Page, selection: tuple[int, ...], options: BuildOptions, today: dt.date | None = None
) -> Script:
    return build_script(page, selection, today=today or dt.date.today(), show=options.show)


def synthesize(script: Script, voice: str, progress: Progress | None = None) -> list[Clip]:
    """One clip per sentence of the script, from one engine loaded once."""
    engine = open_engine(load_voice(voice))
    sentences = script.sentences
    clips = []
    for done, sentence in enumerate(sentences, start=1):
        clips.append(engine.synthesize(sentence))
        if progress:
            progress(done, len(sentences))
    return clips


def build_episode(
    script: Script, options: BuildOptions, progress: Progress | None = None
) -> Episode:
    """Make the tagged MP3 for `script` in `options.output_dir`; return what was made.

    ffmpeg and the output directory are checked before any speech is made; the MP3 is
    encoded and tagged in a temp file that replaces the target only when complete.
    """
    find_ffmpeg()
    target = episode_path(script, ensure_writable_dir(options.output_dir))
    clips = synthesize(script, options.voice, progress)
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
    return Episode(
        path=target,
        title=script.title,
        show=script.show,
        date=script.date,
        duration_ms=duration_ms,
        chapters=assembly.chapters,
    )
