"""`briefing daily`: the day's episode from the show's sources, built once and published.

The lead story is the show's `lead` (a page, a URL, a directory of pages: the newest), or,
with none, the first item of the first of its `feeds`. The round-up is every feed's items
merged (and `headlines_from`), else the lead page's own list. An unattended run bends
rather than fails: a headline choice that today's feeds cannot meet is taken as far as it
goes, with a note; a lead story more than a day older than the episode is a warning, or a
refusal when the show sets `max_age`.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace
from pathlib import Path

from briefing.cache import SpeechCache
from briefing.config import ShowConfig
from briefing.errors import ContentError, UsageError
from briefing.ingest import load, load_feeds, load_page, round_up
from briefing.ingest.feedpage import page_from_feed
from briefing.ingest.language import article_text, page_region
from briefing.ingest.linked import cached_article_reader
from briefing.models import Article, Page
from briefing.pipeline import build_episode, episode_file, speak_ahead
from briefing.plan import BuildOptions, Note, check_language, plan_episode
from briefing.publish.publisher import publish
from briefing.script.build import DEFAULT_SHOW

log = logging.getLogger(__name__)
PAGE_SUFFIXES = (".html", ".htm", ".txt", ".md", ".markdown", ".json")
STALE_AFTER = dt.timedelta(days=1)


def _lead_source(show: ShowConfig) -> str:
    source = show.resolve(show.lead) or (show.resolve(show.feeds[0]) if show.feeds else "")
    if not source:
        raise UsageError(
            "the show file names no lead source",
            hint='add lead = "pages/" (a page, a URL or a directory of pages) or feeds = [...]',
        )
    path = Path(source)
    if "://" not in source and path.is_dir():
        pages = [p for p in path.iterdir() if p.suffix.lower() in PAGE_SUFFIXES and p.is_file()]
        if not pages:
            raise ContentError(f"{path} holds no pages ({', '.join(PAGE_SUFFIXES)})")
        return str(max(pages, key=lambda p: (p.stat().st_mtime, p.name)))
    return source


def todays_page(show: ShowConfig) -> tuple[Page, tuple[Note, ...]]:
    """The lead story and the round-up the show's sources give today. Each feed is read
    once; with no `lead`, the first feed that can be read gives it its first item."""
    sources = [show.resolve(f) for f in show.feeds]
    if show.headlines_from:
        sources.append(show.resolve(show.headlines_from))
    feeds, feed_notes = load_feeds(sources) if sources else ([], ())
    notes = list(feed_notes)
    cache = SpeechCache.default()
    if show.lead or not feeds:
        loaded = load(_lead_source(show), cache=cache)
        page, lead_notes = loaded.page, loaded.notes
    else:
        page, lead_notes = page_from_feed(feeds[0], 1, cached_article_reader(cache, load_page))
    notes += lead_notes
    if feeds:
        items, repeats = round_up(feeds)
        lead = page.article
        items = tuple(h for h in items if not (h.url and h.url == lead.url))  # not twice
        page = replace(page, headlines=items)
        notes += repeats
    return page, tuple(Note(n) for n in notes)


def check_age(article: Article, day: dt.date, max_age_hours: float) -> tuple[Note, ...]:
    """A lead story more than a day older than the episode is yesterday's news read as
    today's: a note, or with `max_age_hours`, a `ContentError` when it is older than that."""
    if article.date is None:
        return ()
    age = dt.datetime.combine(day, dt.time()) - dt.datetime.combine(article.date, dt.time())
    hours = age.total_seconds() / 3600
    if max_age_hours and hours > max_age_hours:
        raise ContentError(
            f"the lead story {article.title!r} is from {article.date}, more than "
            f"{max_age_hours:g} hours before the episode's date {day}",
            hint="check that the lead source is updated, or raise max_age in the show file",
        )
    if age > STALE_AFTER:
        return (
            Note(
                f"the lead story is from {article.date}, {age.days} days before the "
                f"episode's date {day}: is the lead source still updated?"
            ),
        )
    return ()


def run_daily(
    show: ShowConfig, day: dt.date | None = None, force: bool = False, base_url: str | None = None
) -> tuple[Path, tuple[Note, ...]]:
    """Build the episode for `day` (default today) unless it exists, then publish."""
    day = day or dt.date.today()
    output_dir = Path(show.resolve(show.output_dir) or "output")
    options = BuildOptions(output_dir=output_dir, show=show, lenient=True)
    page, read_notes = todays_page(show)
    notes = [*read_notes, *check_age(page.article, day, show.max_age)]
    page = replace(page, article=replace(page.article, date=day))  # the day's episode
    show_name = show.name or page.article.publication or DEFAULT_SHOW
    target = episode_file(show_name, day, output_dir)
    if target.with_suffix(".json").is_file() and not force:
        notes.append(
            Note(f"{target.name} is already made for {day}; publishing only (--force rebuilds)")
        )
    else:
        options, language_notes = check_language(
            article_text(page.article), options, page_region(page.article)
        )
        notes += language_notes
        plan = plan_episode(page, None, options, today=day, while_fetching=speak_ahead(options))
        notes += plan.notes
        episode, built_notes = build_episode(plan.script, options, plan=plan)
        notes += built_notes
        target = episode.path
    publish(output_dir, show, base_url)
    if show.to:
        from briefing.publish.remote import publish_remote

        _, sent = publish_remote(
            output_dir, show.to, base_url or show.base_url, endpoint_url=show.endpoint_url or None
        )
        if sent is not None:
            notes.append(
                Note(
                    f"sent {len(sent.sent)} files to {show.to}, deleted {len(sent.deleted)}, "
                    f"{sent.unchanged} unchanged"
                )
            )
    return target, tuple(notes)
