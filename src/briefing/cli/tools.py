"""Commands about the tool itself and what it made: cache, inspect."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from briefing.cli.group import cli

if TYPE_CHECKING:
    pass


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
