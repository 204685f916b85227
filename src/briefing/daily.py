"""`briefing daily`: the day's episode from the show's sources, built once and published."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace
from pathlib import Path

from briefing.config import ShowConfig
from briefing.errors import ContentError, UsageError
from briefing.ingest import load_headlines, load_page
from briefing.ingest.language import article_text
from briefing.pipeline import build_episode, episode_file
from briefing.plan import BuildOptions, Note, check_language, plan_episode
from briefing.publish.publisher import publish
from briefing.script.build import DEFAULT_SHOW

log = logging.getLogger(__name__)
PAGE_SUFFIXES = (".html", ".htm", ".txt", ".md", ".markdown", ".json")


def _lead_source(show: ShowConfig) -> str:
    source = show.resolve(show.lead)
    if not source:
        raise UsageError(
            "the show file names no lead source",
            hint='add lead = "pages/" (a page, a URL or a directory of pages)',
        )
    path = Path(source)
    if "://" not in source and path.is_dir():
        pages = [p for p in path.iterdir() if p.suffix.lower() in PAGE_SUFFIXES and p.is_file()]
        if not pages:
            raise ContentError(f"{path} holds no pages ({', '.join(PAGE_SUFFIXES)})")
        return str(max(pages, key=lambda p: (p.stat().st_mtime, p.name)))
    return source


def run_daily(
    show: ShowConfig, day: dt.date | None = None, force: bool = False, base_url: str | None = None
) -> tuple[Path, tuple[Note, ...]]:
    """Build the episode for `day` (default today) unless it exists, then publish."""
    day = day or dt.date.today()
    output_dir = Path(show.resolve(show.output_dir) or "output")
    options = BuildOptions(output_dir=output_dir, show=show)
    page = load_page(_lead_source(show))
    page = replace(page, article=replace(page.article, date=day))  # the day's episode
    if show.headlines_from:
        page = replace(page, headlines=tuple(load_headlines(show.resolve(show.headlines_from))))
    show_name = show.name or page.article.publication or DEFAULT_SHOW
    target = episode_file(show_name, day, output_dir)
    notes: list[Note] = []
    if target.with_suffix(".json").is_file() and not force:
        notes.append(
            Note(f"{target.name} is already made for {day}; publishing only (--force rebuilds)")
        )
    else:
        options, language_notes = check_language(article_text(page.article), options)
        notes += language_notes
        plan = plan_episode(page, show.headlines or None, options, today=day)
        notes += plan.notes
        episode, built_notes = build_episode(plan.script, options, plan=plan)
        notes += built_notes
        target = episode.path
    publish(output_dir, show, base_url)
    return target, tuple(notes)
