"""The stages in order: page → script → speech → assembly → tagged MP3. No printing here.

    ingest.load_page ─▶ plan.plan_episode (headlines, duplicates, length budget, script)
        ─▶ render.render: synth (cache, engines) ─▶ audio.assemble ─▶ levelled and encoded
           (as each sentence is spoken, at the voices' learned level, levels.py; or after
           the speech: audio.apply_sound ─▶ audio.find_levelling ─▶ audio.encode_mp3; or
           the episode already there's audio, when it is exactly this)
        ─▶ tags.write_tags ─▶ publish.sidecars ─▶ all moved into place, metadata last

Audio never lives whole in memory: clips wait in the speech cache (a scratch one with
--no-cache), the programme is joined into a PCM file in a hidden work directory beside the
episode, and the encoder reads that file.

What a user should hear about (headlines dropped for length as measured) comes back as
`Note`s for the CLI to print.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import tempfile
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from briefing.art import fit_chapter_picture, load_artwork, make_cover
from briefing.audio import find_ffmpeg
from briefing.cache import SpeechCache
from briefing.errors import BriefingError, OutputError
from briefing.files import ensure_writable_dir, remove_left_behind, slug, staged
from briefing.ingest.linked import story_pictures
from briefing.models import Episode, Script
from briefing.plan import BuildOptions, Note, Plan
from briefing.publish.publisher import lock, read_episodes
from briefing.publish.sidecars import (
    EpisodeMetadata,
    chapters_json,
    show_notes_html,
    show_notes_md,
)
from briefing.publish.transcript import transcript_json, transcript_srt, transcript_vtt
from briefing.render import Previous, render
from briefing.synth import Cast, ProgressFn, synthesize
from briefing.tags import EpisodeTags, write_tags

log = logging.getLogger(__name__)


def speak_ahead(
    options: BuildOptions, progress: ProgressFn | None = None
) -> Callable[[Script], None] | None:
    """Something for `plan_episode` to do while the round-up's stories are fetched: speak
    the lead story into the speech cache, where the build then finds it. None with
    --no-cache (a build's scratch cache does not exist yet)."""
    if not options.use_cache:
        return None

    def speak(part: Script) -> None:
        try:
            synthesize(part, options.cast(), SpeechCache.default(), progress, keep_engines=True)
        except BriefingError as exc:  # the build meets it again, and says so
            log.debug("speaking ahead stopped: %s", exc.message)

    return speak


def episode_path(script: Script, output_dir: Path) -> Path:
    """``output/2026-01-14-london-daily.mp3``: the date, then the show as an ASCII slug."""
    return episode_file(script.show, script.date, output_dir)


def episode_file(show: str, date: dt.date, output_dir: Path) -> Path:
    return output_dir / f"{date.isoformat()}-{slug(show)}.mp3"


def build_episode(
    script: Script,
    options: BuildOptions,
    progress: ProgressFn | None = None,
    plan: Plan | None = None,
    stream: BinaryIO | None = None,
) -> tuple[Episode, tuple[Note, ...]]:
    """Make the tagged MP3 for `script`, and its sidecars, in `options.output_dir`; with
    `stream`, the MP3's audio is written there too as it is made (untagged).

    ffmpeg, the voices and the output directory are checked before any speech is made.
    With a length budget (and the `plan` it came from), headlines are dropped from the end
    until the rendered audio fits. Everything is written to temp files first and moved into
    place together, the metadata file last; a failure leaves the previous episode as it was.
    """
    find_ffmpeg()
    cast = options.cast()  # a broken voice preset stops the build before anything is made
    output_dir = ensure_writable_dir(options.output_dir)
    _remove_stale_work(output_dir)
    try:
        work = tempfile.TemporaryDirectory(dir=output_dir, prefix=WORK_PREFIX)
    except OSError as exc:
        raise OutputError(f"cannot write to {output_dir}: {exc.strerror or exc}") from None
    with work:
        return _build_in(Path(work.name), script, options, cast, progress, plan, stream)


WORK_PREFIX = ".briefing-work-"
STALE_WORK_S = 6 * 3600
"""A work directory untouched this long was left by a build that was killed."""


def _remove_stale_work(output_dir: Path) -> None:
    """Remove work directories that killed builds left (an hour of audio is 160 MB);
    a build in progress writes to its own every second, so it is never taken for one."""
    for name in remove_left_behind(output_dir, f"{WORK_PREFIX}*", STALE_WORK_S):
        log.info("removing %s, left by a build that did not finish", name)


def _build_in(
    work: Path,
    script: Script,
    options: BuildOptions,
    cast: Cast,
    progress: ProgressFn | None,
    plan: Plan | None,
    stream: BinaryIO | None,
) -> tuple[Episode, tuple[Note, ...]]:
    cache = SpeechCache.default() if options.use_cache else SpeechCache.scratch(work / "speech")
    chapter_stories = [s for s in script.stories if s.is_chapter]
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pictures") as pool:
        fetching = pool.submit(  # while the speech is made
            story_pictures,
            [(story.url, story.image) for story in chapter_stories],
            fit_chapter_picture,
            cache if options.use_cache else None,
            max(0.0, options.fetch_budget_s - (plan.fetch_s if plan else 0.0)),
        )
        previous = _previous(episode_path(script, options.output_dir))
        rendered = render(work, script, options, cast, cache, progress, plan, stream, previous)
        found = fetching.result() if chapter_stories else []  # chapter n is story n
    cache.prune()
    assembly, script, measured = rendered.assembly, rendered.script, rendered.measured
    chapter_pictures = tuple(picture for picture, _ in found[: len(assembly.chapters)])
    notes = [*rendered.notes]
    notes += [
        Note(f"chapter {n} ({c.title!r}) has no picture: {why}")
        for n, (c, (_, why)) in enumerate(zip(assembly.chapters, found, strict=False), start=1)
        if why
    ]

    artwork = options.show.artwork_path()
    cover = load_artwork(artwork) if artwork else make_cover(script.show, script.date)

    output_dir = options.output_dir
    target = episode_path(script, output_dir)
    names = sidecar_names(target)
    picture_names = [
        f"{target.stem}.chapter{n}.jpg" if picture else None
        for n, picture in enumerate(chapter_pictures, start=1)
    ]
    names.update({f"chapter{n}": name for n, name in enumerate(picture_names, start=1) if name})
    duration_ms = round(assembly.duration_ms)
    with staged() as files:
        audio = files.path(target)
        audio_sha256 = rendered.audio_sha256()  # before the tags: what a rebuild compares
        os.replace(rendered.mp3, audio)
        write_tags(
            audio,
            EpisodeTags(
                title=script.title,
                show=script.show,
                date=script.date,
                summary=script.summary,
                duration_ms=duration_ms,
                chapters=assembly.chapters,
                cover=cover,
                chapter_pictures=chapter_pictures,
            ),
        )
        files.write_bytes(output_dir / names["cover"], cover)
        for name, picture in zip(picture_names, chapter_pictures, strict=True):
            if name and picture:
                files.write_bytes(output_dir / name, picture)
        base = options.show.base_url.rstrip("/") + "/" if options.show.base_url else ""
        files.write_text(
            output_dir / names["chapters"],
            chapters_json(assembly.chapters, [base + n if n else None for n in picture_names]),
        )
        files.write_text(output_dir / names["vtt"], transcript_vtt(assembly.cues))
        files.write_text(output_dir / names["srt"], transcript_srt(assembly.cues))
        files.write_text(output_dir / names["transcript"], transcript_json(assembly.cues, script))
        notes_md = show_notes_md(script, assembly.chapters)
        files.write_text(output_dir / names["notes_md"], notes_md)
        files.write_text(output_dir / names["notes_html"], show_notes_html(notes_md, script.title))
        metadata = EpisodeMetadata(
            guid=episode_guid(script),
            title=script.title,
            show=script.show,
            date=script.date.isoformat(),
            summary=script.summary,
            audio=target.name,
            bytes=audio.stat().st_size,
            duration_s=round(duration_ms / 1000, 3),
            loudness_lufs=measured.integrated_lufs,
            true_peak_dbtp=measured.true_peak_dbtp,
            loudness_mode="linear",  # one constant gain; the limiter only touches peaks
            audio_key=rendered.key,
            audio_sha256=audio_sha256,
            voices=sorted({v.name for v in cast.voices}),
            chapters=[
                {
                    "start": c.start_ms / 1000,
                    "end": c.end_ms / 1000,
                    "title": c.title,
                    "url": c.url,
                    "image": picture_names[n],
                }
                for n, c in enumerate(assembly.chapters)
            ],
            files=names,
            made=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        )
        with lock(output_dir):  # numbering and moving into place, one build at a time
            metadata = replace(metadata, episode=episode_number(output_dir, metadata.guid))
            files.write_text(target.with_suffix(".json"), metadata.to_json())  # last: complete
            files.commit()
    log.info(
        "wrote %s (%.1f s, %d chapters, %.1f LUFS, peak %.1f dBTP)",
        target,
        duration_ms / 1000,
        len(assembly.chapters),
        measured.integrated_lufs,
        measured.true_peak_dbtp,
    )
    episode = Episode(
        path=target,
        title=script.title,
        show=script.show,
        date=script.date,
        duration_ms=duration_ms,
        chapters=assembly.chapters,
    )
    return episode, tuple(notes)


def _previous(target: Path) -> Previous | None:
    """The episode already at `target`, if its metadata can be read."""
    try:
        meta = json.loads(target.with_suffix(".json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return Previous(target, meta) if isinstance(meta, dict) else None


def episode_number(directory: Path, guid: str) -> int:
    """The number an episode keeps when rebuilt, else one more than any other's."""
    episodes, _ = read_episodes(directory, notes=False)
    existing = {e.meta["guid"]: int(e.meta.get("episode", 0)) for e in episodes}
    return existing.get(guid) or max(existing.values(), default=0) + 1


def sidecar_names(target: Path) -> dict[str, str]:
    stem = target.stem
    return {
        "cover": f"{stem}.jpg",
        "chapters": f"{stem}.chapters.json",
        "vtt": f"{stem}.vtt",
        "srt": f"{stem}.srt",
        "transcript": f"{stem}.transcript.json",
        "notes_md": f"{stem}.md",
        "notes_html": f"{stem}.html",
    }


def episode_guid(script: Script) -> str:
    """Stable across rebuilds of the same show and date, so apps never download it twice."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"briefing:{slug(script.show)}:{script.date}"))
