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
@click.option(
    "--to",
    metavar="URL",
    help="Also send the episodes and feed to s3://BUCKET/PREFIX or "
    "sftp://USER@HOST[:PORT]/PATH (default: the show's `to`); only what changed is sent.",
)
@click.option(
    "--endpoint-url",
    metavar="URL",
    help="The S3-compatible store's endpoint (R2, B2, MinIO; default AWS_ENDPOINT_URL, else AWS).",
)
@click.option(
    "--dry-run", is_flag=True, help="With --to: list what would be sent and deleted, send nothing."
)
@click.option(
    "--set-cors",
    is_flag=True,
    help="With --to s3://: let web players on any site read the files (a CORS rule for GET).",
)
def publish(
    directory: Path,
    base_url: str | None,
    show_file: Path | None,
    keep: int | None,
    to: str | None,
    endpoint_url: str | None,
    dry_run: bool,
    set_cors: bool,
) -> None:
    """(Re)write DIRECTORY/feed.xml, the podcast feed, and DIRECTORY/index.html from the
    episodes in DIRECTORY; with --to, send them where listeners get them.

    RSS 2.0 with the itunes and podcast namespaces: every episode with its enclosure, GUID,
    date, duration, chapters and transcripts. Remotely, new and changed files go first and
    feed.xml last, so the feed never names a file not yet there; then the files of episodes
    --keep removed are deleted. Credentials come only from the environment, AWS profiles,
    the SSH agent and keys. Prints the feed's path, or its remote place.
    """
    from briefing.publish.publisher import publish as write_feed
    from briefing.publish.remote import publish_remote

    show = load_show(show_file) if show_file else ShowConfig()
    to = to or show.to or None
    result = write_feed(directory, show, base_url, 0 if dry_run else keep)
    for name in result.pruned:
        click.echo(
            f"note: removed {name} (--keep {keep if keep is not None else show.keep})", err=True
        )
    for reason in result.skipped:
        click.echo(f"note: left out {reason}", err=True)
    if not to:
        click.echo(str(result.feed))
        return
    plan, sent = publish_remote(
        directory,
        to,
        base_url or show.base_url,
        endpoint_url=endpoint_url or show.endpoint_url or None,
        dry_run=dry_run,
        set_cors=set_cors,
        said=lambda line: click.echo(line, err=True),
    )
    if sent is None:
        for upload in plan.uploads:
            click.echo(
                f"would send {upload.name} ({upload.size // 1024} kB, {upload.content_type})"
            )
        for name in plan.deletes:
            click.echo(f"would delete {name}")
        click.echo(f"{len(plan.unchanged)} files unchanged", err=True)
        return
    click.echo(
        f"note: sent {len(sent.sent)} files, deleted {len(sent.deleted)}, "
        f"{sent.unchanged} unchanged",
        err=True,
    )
    click.echo(f"{to.rstrip('/')}/feed.xml")


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
    """Serve DIRECTORY: the feed, episodes (with HEAD and byte ranges, as podcast apps need,
    and CORS headers, as web players need) and the show's page: each episode's player,
    chapters and a transcript that follows playback word by word (a click on a word
    seeks there). Ctrl-C stops it."""
    from briefing.publish.server import make_server

    server = make_server(directory, host, port)
    address = f"http://{host}:{server.server_address[1]}/"
    click.echo(f"serving {directory} at {address} (Ctrl-C stops)", err=True)
    click.echo(address)
    try:
        server.serve_forever()
    finally:
        server.server_close()
