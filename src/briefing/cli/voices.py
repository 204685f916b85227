"""`briefing voices`: the voices there are, and adding and removing Piper voices."""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from briefing.cli.group import cli
from briefing.errors import ExitCode, UsageError

if TYPE_CHECKING:
    from briefing.engines.catalogue import Catalogue, Transfer, TransferFn


@cli.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
def voices(ctx: click.Context, as_json: bool) -> None:
    """List voice presets: engine, language, and whether each works right now.

    Presets are TOML files in your config directory's voices/ folder (shown below) or
    shipped with briefing; yours override shipped ones of the same name.

    `briefing voices add NAME` downloads a voice of the Piper voices repository
    ($BRIEFING_VOICES_URL, default rhasspy/piper-voices on Hugging Face) into your folder
    with a preset for it; `briefing voices search` lists the voices there.
    """
    if ctx.invoked_subcommand is not None:
        return
    from briefing.engines.voices import preset_dirs, scan_presets, user_voices_dir

    presets, broken = scan_presets()
    rows = [
        {
            "name": p.name,
            "engine": p.engine,
            "language": p.language,
            "description": p.description,
            "problem": p.settings.problem(),
            "path": str(p.path),
        }
        for p in presets.values()
    ]
    rows += [
        {
            "name": path.stem,
            "engine": "?",
            "language": "?",
            "description": "",
            "problem": f"broken preset: {error.message}",
            "path": str(path),
        }
        for path, error in broken.items()
    ]
    if as_json:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table()
    for column in ("voice", "engine", "language", "description", "works now"):
        table.add_column(column)
    for row in rows:
        status = "yes" if row["problem"] is None else f"no: {row['problem']}"
        table.add_row(row["name"], row["engine"], row["language"], row["description"], status)
    console = Console(width=max(100, Console().width))
    console.print(table)
    console.print(f"Your presets go in {user_voices_dir()}")
    console.print("Read from: " + ", ".join(str(d) for d in preset_dirs()), soft_wrap=True)


@voices.command("search")
@click.argument("text", required=False, default="")
@click.option(
    "--language", metavar="CODE", help="Only voices of this language: de, de_DE or de-DE."
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def voices_search(text: str, language: str | None, as_json: bool) -> None:
    """List the voices of the Piper voices repository.

    With TEXT, only those whose name or language contains it. The catalogue is kept in the
    speech cache and fetched again when a day old; offline, the kept copy is used.
    $BRIEFING_VOICES_URL sets the repository (a mirror or proxy).
    """
    from briefing.engines.catalogue import load_catalogue
    from briefing.engines.voices import user_voices_dir

    catalogue = load_catalogue()
    _say_unreachable(catalogue)
    found = catalogue.search(text, language)
    installed = {p.stem for p in user_voices_dir().glob("*.toml")}
    rows = [
        {
            "name": v.key,
            "language": v.language,
            "language_name": v.language_label,
            "quality": v.quality,
            "speakers": v.num_speakers,
            "size_bytes": v.size_bytes,
            "installed": v.key in installed,
        }
        for v in found
    ]
    if as_json:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table()
    table.add_column("voice", no_wrap=True, min_width=max((len(v.key) for v in found), default=5))
    table.add_column("language", no_wrap=True)
    table.add_column("quality")
    table.add_column("speakers", justify="right")
    table.add_column("size", justify="right", no_wrap=True)
    table.add_column("installed")
    for v in found:
        table.add_row(
            v.key,
            f"{v.language}  {v.language_label}",
            v.quality,
            str(v.num_speakers),
            f"{v.size_bytes / 1e6:.0f} MB",
            "yes" if v.key in installed else "",
        )
    console = Console(width=max(100, Console().width))
    if rows:
        console.print(table)
    matching = " matching" if text or language else ""
    console.print(
        f"{len(rows)}{matching} of {len(catalogue.voices)} voices in {catalogue.url}; "
        "`briefing voices add NAME` downloads one",
        soft_wrap=True,
    )


def _say_unreachable(catalogue: Catalogue) -> None:
    if catalogue.unreachable:
        day = time.strftime("%Y-%m-%d %H:%M", time.localtime(catalogue.fetched))
        click.echo(
            f"note: catalogue from {day}, the repository could not be reached "
            f"({catalogue.unreachable})",
            err=True,
        )


@voices.command("add")
@click.argument("name")
@click.option(
    "--speaker",
    metavar="NAME|N",
    help="For a voice with several speakers: which one, by name or number (default the first).",
)
@click.option(
    "--as",
    "preset_name",
    metavar="PRESET",
    help="Call the preset PRESET instead of NAME: one per speaker of a voice with several.",
)
@click.option("--force", is_flag=True, help="Download it again, replacing an installed copy.")
@click.option("-q", "--quiet", is_flag=True, help="Only warnings and errors on stderr.")
def voices_add(
    name: str, speaker: str | None, preset_name: str | None, force: bool, quiet: bool
) -> None:
    """Download a Piper voice and write a preset for it.

    NAME is a voice of the repository (en_GB-alan-medium, de_DE-thorsten-medium, ...:
    `briefing voices search` lists them). It goes into your voices folder with a preset
    called NAME (or PRESET, with --as), so `--voice NAME` works from then on, offline.

    Both files are checked against the catalogue's sizes and MD5s before anything is
    installed; an interrupted download is resumed by running the command again. A second
    speaker of a voice already installed downloads nothing:

      briefing voices add en_GB-vctk-medium --speaker p225

      briefing voices add en_GB-vctk-medium --speaker p226 --as vctk-p226

    and then `--voice en_GB-vctk-medium --headline-voice vctk-p226` reads the round-up in
    the second speaker's voice, from one model loaded once.
    """
    from briefing.engines.catalogue import load_catalogue
    from briefing.engines.downloads import install, partial_downloads
    from briefing.engines.voices import user_voices_dir

    catalogue = load_catalogue()
    if not quiet:
        _say_unreachable(catalogue)
    voice = catalogue.find(name)
    directory = user_voices_dir()
    called = preset_name or voice.key
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", called):
        raise UsageError(
            f"{called!r} cannot name a preset",
            hint="use letters, digits, '-', '_' and '.', starting with a letter or digit",
        )
    preset = directory / f"{called}.toml"
    if preset.exists() and not force:
        click.echo(
            f"note: {called} is already installed ({preset}); --force downloads it again",
            err=True,
        )
        return
    try:
        with _download_display(sys.stderr.isatty(), quiet) as progress:
            preset = install(voice, directory, speaker, force, progress, called)
    except KeyboardInterrupt:
        left = partial_downloads(voice, directory)
        resume = f"; what arrived is kept in {left[0]}: run the command again to resume"
        click.echo(f"error: interrupted; nothing was installed{resume if left else ''}", err=True)
        sys.exit(int(ExitCode.INTERRUPTED))
    click.echo(f"added {called}: {preset}")


@contextmanager
def _download_display(interactive: bool, quiet: bool) -> Iterator[TransferFn | None]:
    """A bar per file on a terminal, a line per file and per quarter otherwise, nothing with
    --quiet."""
    if quiet:
        yield None
        return
    if not interactive:
        from briefing.engines.downloads import size_text

        said: dict[str, int] = {}

        def lines(state: Transfer) -> None:
            quarter = 4 * state.done // state.total if state.total else 4
            if state.name not in said:
                start = f" from {size_text(state.resumed_from)}" if state.resumed_from else ""
                verb = "resuming" if state.resumed_from else "downloading"
                click.echo(f"{verb} {state.name} ({size_text(state.total)}){start}", err=True)
            elif quarter > said[state.name] and state.total >= 4 << 20:
                click.echo(f"  {state.name}: {25 * quarter}%", err=True)
            said[state.name] = quarter

        yield lines
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TaskID,
        TextColumn,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def update(state: Transfer) -> None:
            if state.name not in tasks:
                tasks[state.name] = bar.add_task(
                    state.name, total=state.total, completed=state.resumed_from
                )
            bar.update(tasks[state.name], completed=state.done)

        yield update


@voices.command("remove")
@click.argument("name")
def voices_remove(name: str) -> None:
    """Delete one of your voices and its model files.

    The preset NAME goes, with the model files beside it that no other preset uses. Only
    presets in your voices folder are removed, never the ones shipped with briefing.
    """
    from briefing.engines.downloads import remove_voice
    from briefing.engines.voices import user_voices_dir

    removed = remove_voice(name, user_voices_dir())
    click.echo(f"removed {name}: " + ", ".join(p.name for p in removed))
