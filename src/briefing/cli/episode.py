"""Commands that read a page and make an episode of it: headlines, script, build, listen."""

from __future__ import annotations

import functools
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import click

from briefing.cli.console import configure_logging, progress_display
from briefing.cli.group import cli
from briefing.cli.options import (
    HEADLINES_HELP,
    making_options,
    options_from,
    page_options,
    read_page,
    say_notes,
    script_options,
    words,
)
from briefing.files import atomic_path
from briefing.ingest.language import article_text, page_region
from briefing.pipeline import build_episode, speak_ahead
from briefing.plan import DEFAULT_OUTPUT_DIR, check_language, in_page_language, plan_episode
from briefing.script.scriptfile import load_script, write_script
from briefing.script.select import choose, matches


@cli.command()
@click.argument("page", metavar="PAGE")
@page_options
@click.option("-H", "--headlines", "spec", metavar="SPEC", help=HEADLINES_HELP)
@click.option(
    "--exclude",
    metavar="WORDS",
    help="Mark the stories that mention any of these words as left out (comma-separated).",
)
def headlines(
    page: str,
    fmt: str | None,
    title: str | None,
    lead: int | None,
    headlines_from: tuple[str, ...],
    spec: str | None,
    exclude: str | None,
) -> None:
    """List the numbered headlines of PAGE that a round-up can include.

    PAGE is a file (plain text, HTML, Markdown, JSON, or an RSS or Atom feed), "-" for
    standard input, or a URL. Each line gives the number to use with -H, the headline and,
    from feeds, its source. With -H, the chosen ones are marked with * and each topic a
    story matched is shown in [brackets]; with --exclude, the ones left out with -.
    """
    parsed, notes = read_page(page, fmt, title, headlines_from, lead, fetch_lead=False)
    say_notes(notes)
    if not parsed.headlines:
        click.echo("(the page lists no headlines)", err=True)
        return
    choice = (
        choose(spec, parsed.headlines, exclude=words(exclude or "")) if spec or exclude else None
    )
    left_out = {i for i, h in enumerate(parsed.headlines) if exclude and matches(h, words(exclude))}
    for number, headline in enumerate(parsed.headlines, start=1):
        index = number - 1
        mark = " "
        if index in left_out:
            mark = "-"
        elif choice is not None and not choice.by_default and index in choice.indexes:
            mark = "*"
        line = (
            f"{number:>3} {mark} {headline.title}"
            if spec or exclude
            else f"{number:>3}  {headline.title}"
        )
        if headline.source and headline.source != parsed.article.publication:
            line += f"  ({headline.source})"
        if choice is not None and index in choice.topics:
            line += "  [" + ", ".join(choice.topics[index]) + "]"
        click.echo(line)


@cli.command()
@click.argument("page", metavar="PAGE")
@page_options
@script_options
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
    lead: int | None,
    headlines_from: tuple[str, ...],
    spec: str | None,
    show_file: Path | None,
    show_name: str | None,
    keep_duplicates: bool,
    exclude: str | None,
    brief: int | None,
    fetch_timeout: float | None,
    max_minutes: float | None,
    output: Path | None,
) -> None:
    """Print the exact words an episode of PAGE would speak, without making audio.

    Numbers, money, dates, times, units and titles are written as they will be said. With
    -o, the script goes to an editable file instead: one sentence per line, a heading per
    story. Fix a sentence or a pronunciation, then `briefing build --script FILE`.
    """
    parsed, notes = read_page(page, fmt, title, headlines_from, lead)
    say_notes(notes)
    options = options_from(
        show_file,
        show_name,
        keep_duplicates=keep_duplicates,
        max_minutes=max_minutes,
        exclude=exclude,
        brief=brief,
        fetch_timeout=fetch_timeout,
    )
    options = in_page_language(article_text(parsed.article), options)
    plan = plan_episode(parsed, spec, options)
    say_notes(plan.notes)
    text = write_script(plan.script)
    if output is None:
        click.echo(text, nl=False)
        return
    with atomic_path(output) as temp:
        temp.write_text(text, encoding="utf-8")
    click.echo(str(output))


@cli.command()
@click.argument("page", metavar="[PAGE]", required=False)
@click.option(
    "--script",
    "script_file",
    metavar="FILE",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Build exactly this script (from `briefing script -o FILE`) instead of a PAGE.",
)
@page_options
@script_options
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
@making_options
def build(
    page: str | None,
    script_file: Path | None,
    fmt: str | None,
    title: str | None,
    lead: int | None,
    headlines_from: tuple[str, ...],
    spec: str | None,
    show_file: Path | None,
    show_name: str | None,
    keep_duplicates: bool,
    exclude: str | None,
    brief: int | None,
    fetch_timeout: float | None,
    max_minutes: float | None,
    voice: str | None,
    headline_voice: str | None,
    fallback: str | None,
    language: str | None,
    output_dir: Path | None,
    stream: bool,
    no_cache: bool,
    quiet: bool,
    verbose: bool,
) -> None:
    """Make an episode of PAGE: its lead story, then the chosen headlines; or of a script
    file you edited (--script FILE).

    PAGE is a file (plain text, HTML, Markdown or JSON), "-" for standard input, or a URL.
    A feed (RSS or Atom) is a page too: its first item (--lead N picks another) is the lead
    story, read from its linked article, and the other items are the round-up, each told
    in --brief sentences. Each chapter carries its story's link and picture.

    Near-duplicate headlines are left out (and said so) unless --keep-duplicates. Writes
    OUTPUT_DIR/DATE-SHOW.mp3 (mono, 44.1 kHz, 96 kbps CBR) with ID3v2.3 tags, cover
    art and one chapter per story, and prints its path; beside it, with the same name,
    its cover, chapters (.chapters.json), transcripts with every word's time (.vtt,
    .transcript.json; .srt by sentence), show notes (.md, .html) and metadata (.json).
    An existing episode is replaced only once the new one is complete. Progress goes to
    stderr: a bar on a terminal, plain lines otherwise.

    With --stream the MP3 goes to standard output as it is made, to play at once
    (`briefing build PAGE --stream | mpv -`); the episode's files are written too only
    with -o.
    """
    if (page is None) == (script_file is None):
        raise click.UsageError("give either a PAGE or --script FILE")
    if script_file and (
        spec or max_minutes or show_name or keep_duplicates or exclude or brief is not None
    ):
        raise click.UsageError(
            "-H, --exclude, --brief, --max-minutes, --show-name and --keep-duplicates shape a "
            "script from a page; a --script file is built as written"
        )
    if stream and sys.stdout.isatty():
        raise click.UsageError("--stream writes MP3 to standard output: pipe it to a player")
    interactive = sys.stderr.isatty() and not verbose
    configure_logging(verbose, quiet, interactive)
    sink = sys.stdout.buffer if stream else None
    with ExitStack() as scratch:
        if output_dir is None:  # --stream alone: the files are made, then go nowhere
            scratched = stream and scratch.enter_context(
                tempfile.TemporaryDirectory(prefix="briefing-stream-")
            )
            output_dir = Path(scratched) if scratched else DEFAULT_OUTPUT_DIR
        options = options_from(
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
            exclude=exclude,
            brief=brief,
            fetch_timeout=fetch_timeout,
        )
        if script_file is not None:
            episode_script = load_script(script_file)
            options, language_notes = check_language(" ".join(episode_script.sentences), options)
            say_notes(language_notes, quiet)
            with progress_display(interactive, quiet) as progress:
                episode, notes = build_episode(episode_script, options, progress, stream=sink)
        else:
            assert page is not None
            parsed, read_notes = read_page(page, fmt, title, headlines_from, lead, not no_cache)
            say_notes(read_notes, quiet)
            choose(spec, parsed.headlines)  # a bad spec fails before anything else
            options, language_notes = check_language(
                article_text(parsed.article), options, page_region(parsed.article)
            )
            say_notes(language_notes, quiet)
            with progress_display(interactive, quiet) as progress:
                # the lead story is spoken while the round-up's stories are fetched
                ahead = speak_ahead(options, progress)
                plan = plan_episode(parsed, spec, options, while_fetching=ahead)
                say_notes(plan.notes, quiet)
                episode, notes = build_episode(plan.script, options, progress, plan, sink)
        say_notes(notes, quiet)
    if not stream:  # (streaming, standard output is the audio)
        click.echo(str(episode.path))


@cli.command()
@click.argument("page", metavar="PAGE")
@functools.partial(page_options, round_up=False)
@click.option(
    "--show",
    "show_file",
    metavar="FILE",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Show file (show.toml).",
)
@click.option("--voice", metavar="NAME", help="The voice (default: the show's, else joe).")
@making_options
@click.pass_context
def listen(ctx: click.Context, **params: Any) -> None:
    """Make a single-article episode of PAGE: the article read in full, no round-up.

    The same episode and files as `briefing build PAGE -H none`. To hear it as it is made:
    `briefing listen URL --stream | mpv -`.
    """
    ctx.invoke(
        build,
        spec="none",
        headlines_from=(),
        exclude=None,
        brief=None,
        fetch_timeout=None,
        **params,
    )
