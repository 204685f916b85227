"""Options that several commands share, and reading PAGE with them."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from briefing.cache import SpeechCache
from briefing.config import ShowConfig, load_show
from briefing.ingest import FORMATS, load, load_round_up
from briefing.models import Page
from briefing.plan import DEFAULT_OUTPUT_DIR, BuildOptions, Note, with_show_name

HEADLINES_HELP = (
    "Headlines for the round-up, numbered as `briefing headlines` shows them: numbers and "
    "ranges (1,3,5-7), 'all' or 'none', and topic words or quoted phrases, which pick every "
    "story whose title or summary mentions them (\"climate,'interest rates',1-3\"). "
    "Default: the first five distinct ones."
)


def read_page(
    source: str,
    fmt: str | None = None,
    title: str | None = None,
    headlines_from: Sequence[str] = (),
    lead: int | None = None,
    use_cache: bool = True,
    fetch_lead: bool = True,
) -> tuple[Page, tuple[Note, ...]]:
    """The page (a feed's item `lead` as its lead story), its round-up from
    `headlines_from` when given (merged newest first), and notes on how it was read."""
    cache = SpeechCache.default() if use_cache else None
    loaded = load(source, fmt, title, lead, cache, fetch_lead)
    page, notes = loaded.page, loaded.notes
    if headlines_from:
        items, merged_notes = load_round_up(headlines_from)
        page = dataclasses.replace(page, headlines=items)
        notes += merged_notes
    return page, tuple(Note(text) for text in notes)


def page_options(command: Callable[..., Any], round_up: bool = True) -> Callable[..., Any]:
    """Options that say how to read PAGE (and, with `round_up`, where its headlines come
    from), shared by every command that reads one."""
    options = [
        click.option(
            "--format",
            "fmt",
            type=click.Choice(FORMATS),
            help="The page's format (default: detected).",
        ),
        click.option(
            "--title", metavar="TEXT", help="The article's headline (for text without one)."
        ),
        click.option(
            "--lead",
            type=click.IntRange(min=1),
            metavar="N",
            help="When PAGE is a feed: item N is the lead story (default 1, the first).",
        ),
    ]
    if round_up:
        options.append(
            click.option(
                "--headlines-from",
                metavar="SOURCE",
                multiple=True,
                help="Headlines for the round-up from an RSS/Atom feed or a text file (one per "
                "line), a path or a URL, instead of the page's own list. Give it again for "
                "more feeds: their items are merged newest first, a story in two kept once.",
            )
        )
    for option in reversed(options):
        command = option(command)
    return command


def script_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Options that shape the script, shared by `script` and `build`."""
    options = [
        click.option("-H", "--headlines", "spec", metavar="SPEC", help=HEADLINES_HELP),
        click.option(
            "--show",
            "show_file",
            metavar="FILE",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Show file (show.toml): name, host, templates, voices, lexicon.",
        ),
        click.option(
            "--show-name", metavar="NAME", help="Show name (default: the page's masthead)."
        ),
        click.option(
            "--keep-duplicates",
            is_flag=True,
            help="Keep headlines that repeat another chosen one or the lead story.",
        ),
        click.option(
            "--exclude",
            metavar="WORDS",
            help="Leave out round-up stories that mention any of these words or quoted "
            "phrases (comma-separated).",
        ),
        click.option(
            "--brief",
            type=click.IntRange(min=0),
            metavar="N",
            help="Sentences read after each round-up headline: its feed summary when that is "
            "prose, else the opening of its article, fetched (default: the show's, 2; 0 reads "
            "headlines alone).",
        ),
        click.option(
            "--fetch-timeout",
            type=click.FloatRange(min=0, min_open=True),
            metavar="S",
            help="Seconds for all fetching of round-up stories and chapter pictures together; "
            "what is not back by then is read from its summary (default: the show's, 30).",
        ),
        click.option(
            "--max-minutes",
            type=click.FloatRange(min=0, min_open=True),
            metavar="N",
            help="Keep the lead story and as many headlines as fit in N minutes (briefs included).",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def options_from(show_file: Path | None, show_name: str | None, **fields: Any) -> BuildOptions:
    show = load_show(show_file) if show_file else ShowConfig()
    if isinstance(fields.get("exclude"), str):
        fields["exclude"] = words(fields["exclude"])
    elif fields.get("exclude") is None:
        fields.pop("exclude", None)
    return with_show_name(BuildOptions(show=show, **fields), show_name)


def words(text: str) -> tuple[str, ...]:
    """Comma-separated words or quoted phrases: "sport, 'transfer window'"."""
    return tuple(w.strip().strip("'\"").strip() for w in text.split(",") if w.strip())


def making_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Options of commands that make an episode: `build` and `listen`."""
    options = [
        click.option(
            "--lang",
            "language",
            metavar="CODE",
            help="The page's language (en, de, ...) instead of detecting it.",
        ),
        click.option(
            "-o",
            "--output-dir",
            type=click.Path(file_okay=False, path_type=Path),
            help=f"Where the episode is written  [default: {DEFAULT_OUTPUT_DIR}; with "
            "--stream, nowhere]",
        ),
        click.option(
            "--stream",
            is_flag=True,
            help="Write the MP3 to standard output as it is made, to play at once "
            "(`| mpv -`): untagged, levelled at the voices' learned level. With -o the "
            "episode and its files are written too.",
        ),
        click.option(
            "--no-cache",
            is_flag=True,
            help="Synthesise every sentence again; store no speech or notes.",
        ),
        click.option("-q", "--quiet", is_flag=True, help="Only warnings and errors on stderr."),
        click.option("-v", "--verbose", is_flag=True, help="Log every sentence as it is spoken."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def say_notes(notes: tuple[Note, ...], quiet: bool = False) -> None:
    if not quiet:
        for note in notes:
            click.echo(f"note: {note.text}", err=True)
