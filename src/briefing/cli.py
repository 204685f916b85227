"""The `briefing` command line: the only module that prints or exits."""

from __future__ import annotations

import dataclasses
import json
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from briefing import __version__
from briefing.errors import BriefingError, ExitCode
from briefing.ingest import load_page
from briefing.models import Page
from briefing.pipeline import DEFAULT_OUTPUT_DIR, BuildOptions, build_episode, make_script
from briefing.script import parse_selection, render_text

HEADLINES_HELP = (
    "Headlines for the round-up, numbered as `briefing headlines` shows them: "
    "numbers and ranges (1,3,5-7), 'all' or 'none'. Default: the first five."
)


class BriefingGroup(click.Group):
    """Turns a `BriefingError` into one line on stderr and its exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BriefingError as exc:
            click.echo(f"error: {exc.one_line()}", err=True)
            ctx.exit(int(exc.exit_code))
        except KeyboardInterrupt:
            click.echo("error: interrupted; nothing was written", err=True)
            ctx.exit(int(ExitCode.INTERRUPTED))


def _raise_interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


@click.group(cls=BriefingGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefing")
def cli() -> None:
    """Turn a news page into a podcast episode: a lead story read in full, then a round-up
    of headlines, as one chaptered, tagged MP3.

    \b
    Quick start:
      briefing headlines examples/london-daily.txt     # what the round-up can include
      briefing build examples/london-daily.txt -H 1-5  # → output/2026-01-14-london-daily.mp3
      briefing inspect output/2026-01-14-london-daily.mp3

    Speech is made offline with the Piper voice "joe". Exit codes: 0 ok, 1 bug, 2 usage,
    3 input unreadable, 4 no article in input, 5 speech failed, 6 ffmpeg missing or failed,
    7 output not writable, 130 interrupted.
    """


def _page(path: str) -> Page:
    return load_page(Path(path))


@cli.command()
@click.argument("page", metavar="PAGE")
def headlines(page: str) -> None:
    """List the numbered headlines of PAGE that a round-up can include."""
    parsed = _page(page)
    if not parsed.headlines:
        click.echo("(the page lists no headlines)", err=True)
    for number, headline in enumerate(parsed.headlines, start=1):
        click.echo(f"{number:>3}  {headline.title}")


def _shared_options(command: Callable[..., Any]) -> Callable[..., Any]:
    command = click.option(
        "--show", metavar="NAME", help="Show name (default: the page's masthead)."
    )(command)
    command = click.option("-H", "--headlines", "spec", metavar="SPEC", help=HEADLINES_HELP)(
        command
    )
    return command


@cli.command()
@click.argument("page", metavar="PAGE")
@_shared_options
def script(page: str, spec: str | None, show: str | None) -> None:
    """Print the exact words an episode of PAGE would speak, without making audio."""
    parsed = _page(page)
    options = BuildOptions(show=show)
    click.echo(
        render_text(make_script(parsed, parse_selection(spec, len(parsed.headlines)), options)),
        nl=False,
    )


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("speaking"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("speech", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


@cli.command()
@click.argument("page", metavar="PAGE")
@_shared_options
@click.option(
    "--voice", default="joe", show_default=True, metavar="NAME", help="Voice preset from voices/."
)
@click.option(
    "-o",
    "--output-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_OUTPUT_DIR,
    show_default=True,
    help="Where the episode is written.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def build(
    page: str, spec: str | None, show: str | None, voice: str, output_dir: Path, quiet: bool
) -> None:
    """Make an episode of PAGE: its lead story, then the chosen headlines.

    Writes OUTPUT_DIR/DATE-SHOW.mp3 (mono, 44.1 kHz, 96 kbps CBR) with ID3v2.3 tags, cover
    art and one chapter per story, and prints its path. An existing episode is replaced
    only once the new one is complete.
    """
    parsed = _page(page)
    options = BuildOptions(output_dir=output_dir, voice=voice, show=show)
    selection = parse_selection(spec, len(parsed.headlines))
    episode_script = make_script(parsed, selection, options)
    with _progress(not quiet and sys.stderr.isatty()) as progress:
        episode = build_episode(episode_script, options, progress)
    click.echo(str(episode.path))


def _clock(seconds: float) -> str:
    minutes, secs = divmod(seconds, 60)
    return f"{int(minutes)}:{secs:06.3f}"


@cli.command()
@click.argument("mp3", metavar="EPISODE.mp3")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
def inspect(mp3: str, as_json: bool) -> None:
    """Show an episode's audio format, tags and chapters."""
    from briefing.tags import read_episode

    info = read_episode(Path(mp3))
    if as_json:
        click.echo(json.dumps(dataclasses.asdict(info), indent=2, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    console = Console(width=max(100, Console().width))
    channels = {1: "mono", 2: "stereo"}.get(info.channels, f"{info.channels} channels")
    summary = Table.grid(padding=(0, 2))
    summary.add_column(style="bold")
    summary.add_column()
    summary.add_row("file", info.path)
    summary.add_row(
        "audio",
        f"{_clock(info.duration_s)}  "
        f"MP3 {info.bitrate_kbps} kbps, {info.sample_rate} Hz, {channels}",
    )
    summary.add_row("tag", f"ID3v{info.id3_version}")
    for key, value in info.tags.items():
        summary.add_row(key, value)
    if info.cover:
        summary.add_row("cover", f"{info.cover['mime']}, {info.cover['bytes'] // 1024} kB")
    console.print(summary)
    chapters = Table(title=f"{len(info.chapters)} chapters", title_justify="left")
    for column, justify in (
        ("#", "right"),
        ("start", "right"),
        ("end", "right"),
        ("title", "left"),
    ):
        chapters.add_column(column, justify=justify)  # type: ignore[arg-type]
    for n, chapter in enumerate(info.chapters, start=1):
        chapters.add_row(str(n), _clock(chapter["start"]), _clock(chapter["end"]), chapter["title"])
    console.print(chapters)


def main() -> None:
    """Entry point of the `briefing` console script."""
    signal.signal(signal.SIGTERM, _raise_interrupt)
    cli(prog_name="briefing")
