"""The `briefing` command line: the only module that prints or exits."""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from briefing import __version__
from briefing.config import ShowConfig, load_show
from briefing.errors import BriefingError, ExitCode
from briefing.files import atomic_path
from briefing.ingest import FORMATS, load_headlines, load_page
from briefing.ingest.language import article_text
from briefing.models import Page
from briefing.pipeline import (
    DEFAULT_OUTPUT_DIR,
    BuildOptions,
    Note,
    build_episode,
    check_language,
    plan_episode,
    with_show_name,
)
from briefing.script import parse_selection
from briefing.script.scriptfile import load_script, write_script
from briefing.synth import ProgressFn, SynthProgress

HEADLINES_HELP = (
    "Headlines for the round-up, numbered as `briefing headlines` shows them: "
    "numbers and ranges (1,3,5-7), 'all' or 'none'. Default: the first five distinct ones."
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

    PAGE is a plain-text, HTML, Markdown or JSON file, "-" for standard input, or a URL.
    Speech is made offline by the Piper voice "joe" unless you choose another with --voice
    (`briefing voices` lists them); speech is cached, so rebuilding costs little.
    `briefing publish` writes the podcast feed; `briefing serve` previews it.

    \b
    Exit codes: 0 ok, 1 bug, 2 usage, 3 input unreadable, 4 no article in input,
    5 speech failed, 6 ffmpeg missing or failed, 7 output not writable,
    8 no chosen voice speaks the page's language, 9 bad preset, show file or lexicon,
    130 interrupted.
    """


def _page(
    source: str, fmt: str | None = None, title: str | None = None, headlines_from: str | None = None
) -> Page:
    page = load_page(source, fmt, title)
    if headlines_from:
        page = dataclasses.replace(page, headlines=tuple(load_headlines(headlines_from)))
    return page


def _page_options(command: Callable[..., Any], round_up: bool = True) -> Callable[..., Any]:
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
    ]
    if round_up:
        options.append(
            click.option(
                "--headlines-from",
                metavar="SOURCE",
                help="Headlines for the round-up from an RSS/Atom feed or a text file (one per "
                "line), a path or a URL, instead of the page's own list.",
            )
        )
    for option in reversed(options):
        command = option(command)
    return command


@cli.command()
@click.argument("page", metavar="PAGE")
@_page_options
def headlines(page: str, fmt: str | None, title: str | None, headlines_from: str | None) -> None:
    """List the numbered headlines of PAGE that a round-up can include.

    PAGE is a file (plain text, HTML, Markdown or JSON), "-" for standard input, or a URL.
    """
    parsed = _page(page, fmt, title, headlines_from)
    if not parsed.headlines:
        click.echo("(the page lists no headlines)", err=True)
    for number, headline in enumerate(parsed.headlines, start=1):
        click.echo(f"{number:>3}  {headline.title}")


def _script_options(command: Callable[..., Any]) -> Callable[..., Any]:
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
            "--max-minutes",
            type=click.FloatRange(min=0, min_open=True),
            metavar="N",
            help="Keep the lead story and as many headlines as fit in N minutes.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _options(show_file: Path | None, show_name: str | None, **fields: Any) -> BuildOptions:
    show = load_show(show_file) if show_file else ShowConfig()
    return with_show_name(BuildOptions(show=show, **fields), show_name)


def _making_options(command: Callable[..., Any]) -> Callable[..., Any]:
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
            default=DEFAULT_OUTPUT_DIR,
            show_default=True,
            help="Where the episode is written.",
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


def _notes(notes: tuple[Note, ...], quiet: bool = False) -> None:
    if not quiet:
        for note in notes:
            click.echo(f"note: {note.text}", err=True)


@cli.command()
@click.argument("page", metavar="PAGE")
@_page_options
@_script_options
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Write the script to FILE (Markdown you can edit and build with --script).",
)
def script(
    page: str,
    fmt: str | None,
    title: str | None,
    headlines_from: str | None,
    spec: str | None,
    show_file: Path | None,
    show_name: str | None,
    keep_duplicates: bool,
    max_minutes: float | None,
    output: Path | None,
) -> None:
    """Print the exact words an episode of PAGE would speak, without making audio.

    Numbers, money, dates, times, units and titles are written as they will be said. With
    -o, the script goes to an editable file instead: one sentence per line, a heading per
    story. Fix a sentence or a pronunciation, then `briefing build --script FILE`.
    """
    parsed = _page(page, fmt, title, headlines_from)
    options = _options(
        show_file, show_name, keep_duplicates=keep_duplicates, max_minutes=max_minutes
    )
    plan = plan_episode(parsed, spec, options)
    _notes(plan.notes)
    text = write_script(plan.script)
    if output is None:
        click.echo(text, nl=False)
        return
    with atomic_path(output) as temp:
        temp.write_text(text, encoding="utf-8")
    click.echo(str(output))


# --- progress and logging ------------------------------------------------------------------


def _configure_logging(verbose: bool, quiet: bool, interactive: bool) -> None:
    """Warnings always; progress lines when stderr is not a terminal (a bar when it is);
    every segment with --verbose; only warnings and errors with --quiet."""
    if verbose:
        level = logging.DEBUG
    elif quiet or interactive:
        level = logging.WARNING
    else:
        level = logging.INFO
    handler = _StderrHandler()
    handler.setFormatter(_PlainFormatter())
    logger = logging.getLogger("briefing")
    logger.handlers[:] = [handler]
    logger.setLevel(level)
    logger.propagate = False


class _StderrHandler(logging.Handler):
    """Writes to whatever sys.stderr is at the time, so lines logged while the progress bar
    is showing are printed above it rather than through it."""

    def emit(self, record: logging.LogRecord) -> None:
        sys.stderr.write(self.format(record) + "\n")


class _PlainFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        return (
            message
            if record.levelno < logging.WARNING
            else f"{record.levelname.lower()}: {message}"
        )


def _progress_lines(state: SynthProgress) -> None:
    """Off a terminal: a line at each quarter of the sentences made."""
    made, to_make = state.done - state.cached, state.total - state.cached
    if to_make >= 8 and made and made < to_make and made * 4 // to_make > (made - 1) * 4 // to_make:
        logging.getLogger("briefing").info("speech: %d of %d sentences made", made, to_make)


@contextmanager
def _progress(interactive: bool, quiet: bool) -> Iterator[ProgressFn | None]:
    """A bar on a terminal, plain lines otherwise, nothing with --quiet."""
    if quiet:
        yield None
        return
    if not interactive:
        yield _progress_lines
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    with Progress(
        TextColumn("speaking"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("({task.fields[cached]} cached)"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("speech", total=None, cached=0)

        def update(state: SynthProgress) -> None:
            bar.update(task, completed=state.done, total=state.total, cached=state.cached)

        yield update


@cli.command()
@click.argument("page", metavar="[PAGE]", required=False)
@click.option(
    "--script",
    "script_file",
    metavar="FILE",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Build exactly this script (from `briefing script -o FILE`) instead of a PAGE.",
)
@_page_options
@_script_options
@click.option(
    "--voice",
    metavar="NAME",
    help="Voice of the anchor: intro, lead story and outro (default: the show's, else joe).",
)
@click.option(
    "--headline-voice", metavar="NAME", help="Voice for the headline round-up (default: --voice)."
)
@click.option(
    "--fallback",
    metavar="NAME",
    help="If a voice fails for good (gTTS offline, say), re-voice the whole episode with NAME.",
)
@_making_options
def build(
    page: str | None,
    script_file: Path | None,
    fmt: str | None,
    title: str | None,
    headlines_from: str | None,
    spec: str | None,
    show_file: Path | None,
    show_name: str | None,
    keep_duplicates: bool,
    max_minutes: float | None,
    voice: str | None,
    headline_voice: str | None,
    fallback: str | None,
    language: str | None,
    output_dir: Path,
    no_cache: bool,
    quiet: bool,
    verbose: bool,
) -> None:
    """Make an episode of PAGE: its lead story, then the chosen headlines; or of a script
    file you edited (--script FILE).

    PAGE is a file (plain text, HTML, Markdown or JSON), "-" for standard input, or a URL.

    Near-duplicate headlines are left out (and said so) unless --keep-duplicates. Writes
    OUTPUT_DIR/DATE-SHOW.mp3 (mono, 44.1 kHz, 96 kbps CBR) with ID3v2.3 tags, cover
    art and one chapter per story, and prints its path. An existing episode is replaced
    only once the new one is complete. Progress goes to stderr: a bar on a terminal,
    plain lines otherwise.
    """
    if (page is None) == (script_file is None):
        raise click.UsageError("give either a PAGE or --script FILE")
    if script_file and (spec or max_minutes or show_name or keep_duplicates):
        raise click.UsageError(
            "-H, --max-minutes, --show-name and --keep-duplicates shape a "
            "script from a page; a --script file is built as written"
        )
    interactive = sys.stderr.isatty() and not verbose
    _configure_logging(verbose, quiet, interactive)
    options = _options(
        show_file,
        show_name,
        output_dir=output_dir,
        voice=voice,
        headline_voice=headline_voice,
        fallback=fallback,
        language=language,
        keep_duplicates=keep_duplicates,
        max_minutes=max_minutes,
        use_cache=not no_cache,
    )
    plan = None
    if script_file is not None:
        episode_script = load_script(script_file)
        options, language_notes = check_language(" ".join(episode_script.sentences), options)
        _notes(language_notes, quiet)
    else:
        assert page is not None
        parsed = _page(page, fmt, title, headlines_from)
        parse_selection(spec, len(parsed.headlines))  # a bad spec fails before anything else
        options, language_notes = check_language(article_text(parsed.article), options)
        _notes(language_notes, quiet)
        plan = plan_episode(parsed, spec, options)
        _notes(plan.notes, quiet)
        episode_script = plan.script
    with _progress(interactive, quiet) as progress:
        episode, notes = build_episode(episode_script, options, progress, plan)
    _notes(notes, quiet)
    click.echo(str(episode.path))


@cli.command()
@click.argument("page", metavar="PAGE")
@functools.partial(_page_options, round_up=False)
@click.option(
    "--show",
    "show_file",
    metavar="FILE",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Show file (show.toml).",
)
@click.option("--voice", metavar="NAME", help="The voice (default: the show's, else joe).")
@_making_options
@click.pass_context
def listen(ctx: click.Context, **params: Any) -> None:
    """Make a single-article episode of PAGE: the article read in full, no round-up.

    The same episode and files as `briefing build PAGE -H none`.
    """
    ctx.invoke(build, spec="none", headlines_from=None, **params)


# --- publishing ---------------------------------------------------------------------------


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
    help="Show file naming the day's sources (lead, headlines_from) and base_url.",
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

    Idempotent: run twice, one episode (the second run only republishes); --force rebuilds
    it, keeping its GUID. Prints the episode's path.
    """
    from briefing.daily import run_daily

    _configure_logging(False, quiet, False)
    show = load_show(show_file)
    episode, notes = run_daily(show, day.date() if day else None, force, base_url)
    _notes(notes, quiet)
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


# --- voices and cache ---------------------------------------------------------------------


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def voices(as_json: bool) -> None:
    """List voice presets: engine, language, and whether each works right now.

    Presets are TOML files in your config directory's voices/ folder (shown below) or
    shipped with briefing; yours override shipped ones of the same name.
    """
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


# --- inspect -------------------------------------------------------------------------------


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
        chapters.add_row(str(n), _clock(chapter["start"]), _clock(chapter["end"]), chapter["title"])
    console.print(chapters)


def main() -> None:
    """Entry point of the `briefing` console script."""
    signal.signal(signal.SIGTERM, _raise_interrupt)
    cli(prog_name="briefing")
