"""Commands about the tool itself and what it made: voices, cache, inspect."""

from __future__ import annotations

import dataclasses
import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from briefing.cli.group import cli
from briefing.errors import ExitCode

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
@click.option("--force", is_flag=True, help="Download it again, replacing an installed copy.")
@click.option("-q", "--quiet", is_flag=True, help="Only warnings and errors on stderr.")
def voices_add(name: str, speaker: str | None, force: bool, quiet: bool) -> None:
    """Download a Piper voice and write a preset for it.

    NAME is a voice of the repository (en_GB-alan-medium, de_DE-thorsten-medium, ...:
    `briefing voices search` lists them). It goes into your voices folder with a preset
    called NAME, so `--voice NAME` works from then on, offline.

    Both files are checked against the catalogue's sizes and MD5s before anything is
    installed; an interrupted download is resumed by running the command again.
    """
    from briefing.engines.catalogue import load_catalogue
    from briefing.engines.downloads import install, partial_downloads
    from briefing.engines.voices import user_voices_dir

    catalogue = load_catalogue()
    if not quiet:
        _say_unreachable(catalogue)
    voice = catalogue.find(name)
    directory = user_voices_dir()
    preset = directory / f"{voice.key}.toml"
    if preset.exists() and not force:
        click.echo(
            f"note: {voice.key} is already installed ({preset}); --force downloads it again",
            err=True,
        )
        return
    try:
        with _download_display(sys.stderr.isatty(), quiet) as progress:
            preset = install(voice, directory, speaker, force, progress)
    except KeyboardInterrupt:
        left = partial_downloads(voice, directory)
        resume = f"; what arrived is kept in {left[0]}: run the command again to resume"
        click.echo(f"error: interrupted; nothing was installed{resume if left else ''}", err=True)
        sys.exit(int(ExitCode.INTERRUPTED))
    click.echo(f"added {voice.key}: {preset}")


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


@cli.group()
def cache() -> None:
    """The speech cache: every spoken sentence, so rebuilds cost only the join and encode.

    It lives in $BRIEFING_CACHE_DIR or your cache directory (~/.cache/briefing/speech on
    Linux) and is kept under $BRIEFING_CACHE_MAX_MB megabytes (default 1024), oldest
    entries first out. Beside the sentences it keeps small notes (the gain found for an
    episode's exact audio, a page's language), so an unchanged rebuild measures nothing,
    and models made ready on first use (about 130 MB; --no-cache builds use them too): each
    Piper voice split for decoding long sentences in pieces, the language detector unpacked.
    """


@cache.command("info")
def cache_info() -> None:
    """Where the cache is, how many sentences it holds and its size."""
    from briefing.cache import SpeechCache

    store = SpeechCache.default()
    info = store.info()
    models = store.models()
    model_bytes = sum(
        f.stat().st_size for m in models for f in ([m] if m.is_file() else m.iterdir())
    )
    click.echo(f"location  {info.directory}")
    click.echo(f"entries   {info.entries}")
    click.echo(f"size      {info.bytes / 2**20:.1f} MiB of {info.max_bytes / 2**20:.0f} MiB")
    click.echo(f"models    {len(models)} prepared ({model_bytes / 2**20:.0f} MiB)")


@cache.command("clear")
def cache_clear() -> None:
    """Remove every cached sentence, the notes beside them and the prepared models."""
    from briefing.cache import SpeechCache

    store = SpeechCache.default()
    models = len(store.models())
    removed = store.clear()
    click.echo(
        f"removed {removed} cached sentences and {models} prepared "
        + ("model" if models == 1 else "models")
    )


def _clock(seconds: float) -> str:
    minutes, secs = divmod(seconds, 60)
    return f"{int(minutes)}:{secs:06.3f}"


@cli.command()
@click.argument("mp3", metavar="EPISODE.mp3")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
def inspect(mp3: str, as_json: bool) -> None:
    """Show an episode's audio format, loudness (measured now, per ITU BS.1770), tags and
    chapters."""
    from briefing.audio.loudness import measure_file
    from briefing.tags import read_episode

    info = read_episode(Path(mp3))
    loudness = measure_file(Path(mp3))
    if as_json:
        data = dataclasses.asdict(info)
        data["loudness"] = {
            "integrated_lufs": loudness.integrated_lufs,
            "true_peak_dbtp": loudness.true_peak_dbtp,
            "lra": loudness.lra,
        }
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.markup import escape
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
    summary.add_row(
        "loudness",
        f"{loudness.integrated_lufs:.1f} LUFS integrated, "
        f"true peak {loudness.true_peak_dbtp:.1f} dBTP, range {loudness.lra:.1f} LU",
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
        about = [chapter["url"]] if chapter.get("url") else []
        if chapter.get("picture_bytes"):
            about.append(f"picture {max(1, chapter['picture_bytes'] // 1024)} kB")
        title = escape(chapter["title"])
        if about:
            title += "\n[dim]" + escape(" · ".join(about)) + "[/dim]"
        chapters.add_row(str(n), _clock(chapter["start"]), _clock(chapter["end"]), title)
    console.print(chapters)
