"""The `briefing` command group: its help, and one line on stderr and an exit code for every
`BriefingError`."""

from __future__ import annotations

from typing import Any

import click

from briefing import __version__
from briefing.errors import BriefingError, ExitCode


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


@click.group(cls=BriefingGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefing")
def cli() -> None:
    """Turn a news page or feed into a podcast episode: a lead story read in full, then a
    round-up of the other stories, each in a sentence or two, as one chaptered, tagged MP3.

    \b
    Quick start:
      briefing headlines examples/london-daily.txt     # what the round-up can include
      briefing build examples/london-daily.txt -H 1-5  # → output/2026-01-14-london-daily.mp3
      briefing inspect output/2026-01-14-london-daily.mp3

    PAGE is a plain-text, HTML, Markdown or JSON file, an RSS or Atom feed, "-" for
    standard input, or a URL. Speech is made offline by the Piper voice "joe" unless you
    choose another with --voice (`briefing voices` lists them); speech is cached, so
    rebuilding costs little. `briefing publish` writes the podcast feed and page, and with
    --to sends them to S3-compatible storage or SFTP; `briefing serve` previews them.
    `briefing listen URL --stream | mpv -` plays an article as it is made. `briefing batch`
    makes many shows' episodes at once, here or on Celery workers (`briefing worker`).

    \b
    Exit codes: 0 ok, 1 bug, 2 usage, 3 input unreadable, 4 no article in input,
    5 speech failed, 6 ffmpeg missing or failed, 7 output not writable or publishing failed,
    8 no chosen voice speaks the page's language, 9 bad preset, show file or lexicon, or a
    feed podcast directories would refuse, 10 a batch's show failed, 11 broker unreachable,
    130 interrupted.
    """
