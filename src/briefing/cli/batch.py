"""Commands for many shows: batch (a morning's editions) and worker (a Celery worker)."""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path
from typing import Any

import click

from briefing.cli.group import cli
from briefing.errors import ExitCode, UsageError

BROKER_HELP = "The Celery broker and result store, redis://HOST:6379/0 (default $BRIEFING_BROKER)."


@cli.command()
@click.argument(
    "shows", nargs=-1, required=True, metavar="SHOW.toml...|DIR", type=click.Path(path_type=Path)
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    metavar="N",
    help="Shows built at once on this machine (default: one per core).",
)
@click.option(
    "--date",
    "day",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="The episodes' date (default: today, here, for every worker).",
)
@click.option("--broker", metavar="URL", envvar="BRIEFING_BROKER", help=BROKER_HELP)
@click.option("--no-wait", is_flag=True, help="With --broker: print the task ids and return.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=1),
    metavar="S",
    help="Stop a show still building after S seconds, cleanly (default 600 here; with "
    "--broker, the workers' --time-limit).",
)
@click.option("-q", "--quiet", is_flag=True, help="Only the table; no line as each show ends.")
@click.pass_context
def batch(
    ctx: click.Context,
    shows: tuple[Path, ...],
    jobs: int | None,
    day: Any,
    broker: str | None,
    no_wait: bool,
    timeout: float | None,
    quiet: bool,
) -> None:
    """Make each show's episode for the day, as `briefing daily` does, publishing included:
    on this machine in N processes, or with --broker on Celery workers on any machine
    (`briefing worker`). Prints a table: show, episode, audio length, seconds, status, note.

    SHOW.toml are show files; a DIR stands for every *.toml in it. Each show is built once
    per date whoever runs it: a show whose episode is made already is only published
    again ("already made"), and a second batch for the same day waits for the first's
    builds. A show that fails does not stop the others. Workers keep the voices they load
    for their next episodes and share the speech cache; shows sharing a source (a lead
    page, a feed) wait for the first of them, so what they share is spoken once.

    \b
    Exit codes: 0 every show made (or made already), 10 one or more failed or timed out
    (after all the others finished), 11 the broker cannot be reached, 2 usage,
    130 interrupted (the table shows what was made).
    """
    from briefing.batch.jobs import DEFAULT_LIMIT_S, ShowResult
    from briefing.batch.table import format_table

    show_files = _show_files(shows)
    date = day.date() if day else dt.date.today()

    def report(result: ShowResult) -> None:
        if not quiet:
            click.echo(result.log_line(), err=True)

    if broker:
        results, interrupted = _on_workers(ctx, broker, show_files, date, timeout, no_wait, report)
        if no_wait:
            return
    else:
        if no_wait:
            raise UsageError(
                "--no-wait needs --broker", hint="without it, batch waits for its shows"
            )
        from briefing.batch.local import run_local

        results, interrupted = run_local(
            show_files, date, jobs or os.cpu_count() or 1, timeout or DEFAULT_LIMIT_S, report
        )
    click.echo(format_table(results))
    if interrupted:
        ctx.exit(ExitCode.INTERRUPTED)
    if not all(r.ok for r in results):
        ctx.exit(ExitCode.SHOWS_FAILED)


def _on_workers(
    ctx: click.Context,
    broker: str,
    show_files: list[Path],
    date: dt.date,
    timeout: float | None,
    no_wait: bool,
    report: Any,
) -> tuple[list[Any], bool]:
    from briefing.batch.celery_app import (
        BrokerError,
        check_broker,
        make_app,
        run,
        send,
        without_password,
    )

    app = make_app(broker)
    try:
        check_broker(app)
        if no_wait:
            ids = send(app, show_files, date, timeout)
            for task_id, path in zip(ids, show_files, strict=True):
                click.echo(f"{task_id}  {path}")
            return [], False
        click.echo(f"sending {len(show_files)} shows to {without_password(broker)}", err=True)
        return run(
            app,
            show_files,
            date,
            timeout,
            report,
            lambda line: click.echo(f"note: {line}", err=True),
        )
    except BrokerError as exc:
        click.echo(f"error: {exc.one_line()}", err=True)
        ctx.exit(ExitCode.BROKER)
    raise AssertionError("unreachable")


def _show_files(given: tuple[Path, ...]) -> list[Path]:
    """The show files, absolute (a worker elsewhere reads them at the same path); a
    directory stands for its *.toml files."""
    found: list[Path] = []
    for path in given:
        if path.is_dir():
            inside = sorted(p for p in path.glob("*.toml") if p.is_file())
            if not inside:
                raise UsageError(f"{path} holds no show files (*.toml)")
            found += inside
        elif path.is_file():
            found.append(path)
        else:
            raise UsageError(
                f"{path} does not exist", hint="give show files or a directory of them"
            )
    unique = list(dict.fromkeys(p.resolve() for p in found))
    return unique


@cli.command()
@click.option("--broker", metavar="URL", envvar="BRIEFING_BROKER", required=True, help=BROKER_HELP)
@click.option(
    "--concurrency",
    "-c",
    type=click.IntRange(min=1),
    metavar="N",
    help="Shows built at once by this worker (default: one per core).",
)
@click.option(
    "--loglevel",
    "-l",
    type=click.Choice(["debug", "info", "warning", "error"], case_sensitive=False),
    default="info",
    show_default=True,
    help="info: a line per show (show, date, seconds, result); debug: the builds' own lines.",
)
@click.option(
    "--time-limit",
    type=click.FloatRange(min=1),
    default=600.0,
    show_default=True,
    metavar="S",
    help="Stop a show still building after S seconds, cleanly; the broker's visibility "
    "timeout follows from it.",
)
@click.option(
    "--retry-delay",
    type=click.FloatRange(min=0),
    default=30.0,
    show_default=True,
    metavar="S",
    help="Pause before a transient failure's second try (a site or gTTS not answering); "
    "it doubles before each next, three retries in all.",
)
@click.option("--hostname", "-n", metavar="NAME", help="The worker's name (default celery@HOST).")
def worker(
    broker: str,
    concurrency: int | None,
    loglevel: str,
    time_limit: float,
    retry_delay: float,
    hostname: str | None,
) -> None:
    """Build the shows `briefing batch --broker URL` sends: a Celery worker on Redis.

    Run it on any machine that sees the show files at the paths batch sends (a shared
    directory) and the shows' output directories (shared, as their episodes and feeds
    are). Logs a line per show: show, date, seconds, result. A show whose worker is killed
    is rebuilt by another, at once if only its build process died, after the visibility
    timeout if the whole worker did. Ctrl-C or SIGTERM: the shows being built finish (a
    second Ctrl-C stops them, and they go back to the queue).
    """
    from briefing.batch.celery_app import BrokerError, Limits, check_broker, make_app

    limits = Limits(soft_s=time_limit, retry_first_s=retry_delay)
    app = make_app(broker, limits)
    try:
        check_broker(app)
    except BrokerError as exc:
        click.echo(f"error: {exc.one_line()}", err=True)
        raise SystemExit(ExitCode.BROKER) from None
    level = loglevel.upper()
    logging.getLogger("briefing").setLevel(logging.DEBUG if level == "DEBUG" else logging.WARNING)
    logging.getLogger("briefing.batch").setLevel(level)
    if level != "DEBUG":  # the task's own line says it all
        for name in ("celery.app.trace", "celery.worker.strategy"):
            logging.getLogger(name).setLevel(logging.WARNING)
    click.echo(
        f"worker: time limit {limits.soft_s:g} s (hard {limits.hard_s:g} s), visibility "
        f"timeout {limits.visibility_timeout_s:g} s",
        err=True,
    )
    argv = [
        "worker",
        f"--loglevel={level}",
        f"--concurrency={concurrency or os.cpu_count() or 1}",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
    ]
    if hostname:
        argv.append(f"--hostname={hostname}")
    app.worker_main(argv)
