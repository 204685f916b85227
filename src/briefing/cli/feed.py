"""Commands that publish episodes: publish (the feed), daily (the cron job), serve."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from briefing.cli.console import configure_logging
from briefing.cli.group import cli
from briefing.cli.options import say_notes
from briefing.config import ShowConfig, load_show
from briefing.plan import DEFAULT_OUTPUT_DIR


@cli.command()
@click.argument(
    "directory",
    metavar="DIRECTORY",
    default=str(DEFAULT_OUTPUT_DIR),
    type=click.Path(file_okay=False, path_type=Path),
)
@click.option(
    "--base-url", metavar="URL", help="Where DIRECTORY is served from (default: the show's)."
)
@click.option(
    "--show",
    "show_file",
    metavar="FILE",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Show file: the feed's title, description, owner, category, artwork.",
)
@click.option(
    "--keep",
    type=click.IntRange(min=0),
    metavar="N",
    help="Keep only the newest N episodes, removing the others' files (0: all).",
)
def publish(
    directory: Path, base_url: str | None, show_file: Path | None, keep: int | None
) -> None:
    """(Re)write DIRECTORY/feed.xml, the podcast feed, from the episodes in DIRECTORY.

    RSS 2.0 with the itunes and podcast namespaces: every episode with its enclosure, GUID,
    date, duration, chapters and transcripts. Prints the feed's path.
    """
    from briefing.publish.publisher import publish as write_feed

    show = load_show(show_file) if show_file else ShowConfig()
    result = write_feed(directory, show, base_url, keep)
    for name in result.pruned:
        click.echo(
            f"note: removed {name} (--keep {keep if keep is not None else show.keep})", err=True
        )
    for reason in result.skipped:
        click.echo(f"note: left out {reason}", err=True)
    click.echo(str(result.feed))


@cli.command()
@click.option(
    "--show",
    "show_file",
    required=True,
    metavar="FILE",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Show file naming the day's sources (feeds, lead, headlines_from) and base_url.",
)
@click.option(
    "--date",
    "day",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="The episode's date (default: today).",
)
@click.option(
    "--force", is_flag=True, help="Rebuild the day's episode even if it exists (same GUID)."
)
@click.option("--base-url", metavar="URL", help="Where the output directory is served from.")
@click.option("-q", "--quiet", is_flag=True, help="Only warnings and errors on stderr.")
@click.pass_context
def daily(
    ctx: click.Context, show_file: Path, day: Any, force: bool, base_url: str | None, quiet: bool
) -> None:
    """Build today's episode from the show's sources and publish it: the cron job.

    The lead story is the show's lead page, or the first item of its first feed; the
    round-up is its feeds' items merged, told in briefs. Unattended, it bends rather than
    fails: a headline choice today's feeds cannot meet is taken as far as it goes, with a
    note; a lead more than a day old is a warning (a refusal past the show's max_age).
    Idempotent: run twice, one episode (the second run only republishes); --force rebuilds
    it, keeping its GUID. Prints the episode's path.
    """
    from briefing.daily import run_daily

    configure_logging(False, quiet, False)
    show = load_show(show_file)
    episode, notes = run_daily(show, day.date() if day else None, force, base_url)
    say_notes(notes, quiet)
    click.echo(str(episode))


@cli.command()
@click.argument(
    "directory",
    metavar="DIRECTORY",
    default=str(DEFAULT_OUTPUT_DIR),
    type=click.Path(file_okay=False, exists=True, path_type=Path),
)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; 0.0.0.0 makes it reachable from other machines.",
)
def serve(directory: Path, port: int, host: str) -> None:
    """Serve DIRECTORY: the feed, episodes (with HEAD and byte ranges, as podcast apps need)
    and an index page with a player and clickable chapters. Ctrl-C stops it."""
    from briefing.publish.server import make_server

    server = make_server(directory, host, port)
    address = f"http://{host}:{server.server_address[1]}/"
    click.echo(f"serving {directory} at {address} (Ctrl-C stops)", err=True)
    click.echo(address)
    try:
        server.serve_forever()
    finally:
        server.server_close()
