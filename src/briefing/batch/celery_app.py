"""`briefing batch --broker URL` and `briefing worker`: one Celery task per show, on Redis.

The task is `jobs.run_show`, so it is idempotent: run twice, it makes one episode. That
is what makes Celery's "at least once" safe here, and these settings make it at least once:

- `acks_late` with `reject_on_worker_lost`: a task is acknowledged when it ends, and one
  whose process died (SIGKILL, out of memory) goes back to the queue at once, for another
  process or machine. A task whose process died `MAX_STARTS` times is reported, not
  requeued again.
- The visibility timeout: a task taken by a worker that vanished whole (its machine lost)
  is handed out again once this long has passed since it was taken. It must be longer
  than any build can run, or a slow build is handed out again while it runs: it is the
  hard time limit, plus the longest pause before a retry (a retried task waits in the
  worker that took it), plus a margin for clocks and queueing. `Limits` derives it from
  the one figure a user gives, the time limit.
- A soft time limit per task, which stops a build where it is (the build unwinds, removing
  its temp files; the previous episode is untouched), and a hard one a little later, for a
  build stuck outside Python.
- Transient failures (a site or gTTS not answering) are retried with a pause that
  doubles; a show's own error (a broken show file) is reported once.
- One message per process at a time (prefetch 1), JSON only.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from briefing.batch.jobs import (
    DEFAULT_LIMIT_S,
    FAILED,
    TIMED_OUT,
    ShowResult,
    first_builds,
    keep_voices_loaded,
    retry_delay,
    run_show,
    unfinished,
)
from briefing.errors import BriefingError

log = logging.getLogger(__name__)

TASK_NAME = "briefing.build_show"
QUEUE = "briefing"
MAX_STARTS = 3
"""Times a task may lose its process before it is reported as failed rather than requeued."""
NO_WORKER_S = 60.0
"""With no result after this long, the batch asks whether any worker is listening."""


class BrokerError(BriefingError):
    """The broker cannot be reached."""

    hint = "check the address, and that Redis runs there and lets this machine in"


@dataclass(frozen=True)
class Limits:
    """A worker's time limits, and the visibility timeout that follows from them."""

    soft_s: float = DEFAULT_LIMIT_S
    """A build still running after this long is stopped cleanly (`--time-limit`)."""
    retry_first_s: float = 30.0
    """The pause before a transient failure's second try; it doubles before each next."""
    tries: int = 4

    @property
    def hard_s(self) -> float:
        """Past the soft limit by a tenth of it (5 to 60 s): time to unwind."""
        return self.soft_s + max(5.0, min(60.0, self.soft_s / 10))

    @property
    def longest_pause_s(self) -> float:
        return retry_delay(self.tries - 1, self.retry_first_s)

    @property
    def visibility_timeout_s(self) -> float:
        margin = min(60.0, self.soft_s)
        return self.hard_s + self.longest_pause_s + margin


def make_app(broker: str, limits: Limits | None = None) -> Any:
    """The Celery app on `broker` (a redis:// URL, also the result store), with the task."""
    from celery import Celery

    limits = limits or Limits()
    app = Celery("briefing", broker=broker, backend=broker, set_as_current=False)
    app.conf.update(
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        task_default_queue=QUEUE,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        task_track_started=True,
        task_soft_time_limit=limits.soft_s,
        task_time_limit=limits.hard_s,
        worker_prefetch_multiplier=1,
        worker_cancel_long_running_tasks_on_connection_loss=False,
        broker_connection_retry_on_startup=True,
        broker_transport_options={
            "visibility_timeout": limits.visibility_timeout_s,
            # a vanished worker's task is looked for this often (default: every ~100 s)
            "unacked_restore_interval": max(1, min(10, round(limits.visibility_timeout_s / 20))),
            "unacked_restore_throttle": 1,
        },
        result_expires=dt.timedelta(days=2),
        worker_log_format="[%(asctime)s] %(message)s",
        worker_task_log_format="[%(asctime)s] %(message)s",
    )
    _add_task(app, limits)
    return app


def _add_task(app: Any, limits: Limits) -> None:
    @app.task(bind=True, name=TASK_NAME, max_retries=None)  # type: ignore[untyped-decorator]
    def build_show(self: Any, show_file: str, day: str) -> dict[str, Any]:
        from celery.exceptions import SoftTimeLimitExceeded

        request = self.request
        tries = request.retries + 1
        _, soft = request.timelimit or (None, None)
        soft = float(soft or limits.soft_s)
        path, date = Path(show_file), dt.date.fromisoformat(day)
        refused = _refusal(app, request.id, tries, soft, limits)
        if refused:
            result = ShowResult(path.stem, show_file, day, FAILED, note=refused, tries=tries)
        else:
            result = run_show(path, date, timeouts=(SoftTimeLimitExceeded,), limit_s=soft)
            result = replace(result, tries=tries)
            if result.transient and tries < limits.tries:
                pause = retry_delay(tries, limits.retry_first_s)
                log.info("%s; trying again in %.0f s", result.log_line(), pause)
                raise self.retry(countdown=pause)
            keep_voices_loaded()
        log.info("%s", result.log_line())
        return result.to_dict()


def _refusal(app: Any, task_id: str, tries: int, soft_s: float, limits: Limits) -> str:
    """Why this worker will not run the task, or ""."""
    if soft_s > limits.soft_s:
        return (
            f"it asks for {soft_s:g} s and this worker allows at most {limits.soft_s:g} "
            f"(start workers with --time-limit {soft_s:g}, or give batch a smaller --timeout)"
        )
    key = f"briefing:starts:{task_id}:{tries}"
    client = app.backend.client
    starts = int(client.incr(key))
    client.expire(key, 2 * 86400)
    if starts > MAX_STARTS:
        return (
            f"its build process died {starts - 1} times (killed, or out of memory?); "
            "not tried again (build it alone with `briefing daily` to see why)"
        )
    return ""


def check_broker(app: Any) -> None:
    """`BrokerError` unless the broker answers now."""
    from kombu.exceptions import OperationalError

    try:
        with app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=1, interval_start=0.2, timeout=5)
    except (OperationalError, OSError) as exc:
        raise BrokerError(f"cannot reach the broker at {_safe(app)}: {exc}") from None


def send(app: Any, show_files: Sequence[Path], day: dt.date, limit_s: float | None) -> list[str]:
    """One task per show, all at once; their ids, in order (`batch --no-wait`)."""
    return [_send(app, path, day, limit_s) for path in show_files]


def _send(app: Any, path: Path, day: dt.date, limit_s: float | None) -> str:
    options: dict[str, Any] = {}
    if limit_s:  # else the worker's own
        options = {"soft_time_limit": limit_s, "time_limit": Limits(limit_s).hard_s}
    return str(
        app.send_task(TASK_NAME, args=(str(path), day.isoformat()), queue=QUEUE, **options).id
    )


def run(
    app: Any,
    show_files: Sequence[Path],
    day: dt.date,
    limit_s: float | None,
    report: Callable[[ShowResult], None] | None = None,
    said: Callable[[str], None] | None = None,
) -> tuple[list[ShowResult], bool]:
    """Send a task per show and wait for each one's result: in the order given, and
    whether Ctrl-C stopped the waiting (the tasks sent go on; their rows say so).

    Shows sharing a source are sent once the first of them has ended (`jobs.first_builds`),
    so what they share is spoken once and read from the cache after."""
    from kombu.exceptions import OperationalError
    from redis.exceptions import RedisError

    held = first_builds(show_files)
    sent: dict[int, str] = {}
    for index, path in enumerate(show_files):
        if index not in held:
            sent[index] = _send(app, path, day, limit_s)
    index_of = {task_id: index for index, task_id in sent.items()}
    results: dict[int, ShowResult] = {}
    started = time.monotonic()
    warned = False
    interrupted = False
    try:
        while len(results) < len(show_files):
            waiting = {task_id for task_id, i in index_of.items() if i not in results}
            for task_id, meta in app.backend.get_many(waiting, interval=0.5, max_iterations=1):
                index = index_of[task_id]
                results[index] = _result(meta["result"], show_files[index], day)
                if report:
                    report(results[index])
                for follower, first in held.items():
                    if first == index and follower not in sent:
                        sent[follower] = _send(app, show_files[follower], day, limit_s)
                        index_of[sent[follower]] = follower
            if not warned and not results and time.monotonic() - started > NO_WORKER_S:
                warned = True
                if said and not app.control.ping(timeout=1.0):
                    said(f"no worker answers on {_safe(app)}: start one (briefing worker)")
    except KeyboardInterrupt:
        interrupted = True
    except (OperationalError, RedisError, OSError) as exc:
        raise BrokerError(
            f"lost the broker at {_safe(app)} while waiting: {exc}",
            hint="the tasks sent go on; their results stay in Redis for two days",
        ) from None
    for index, path in enumerate(show_files):
        if index not in results:
            note = (
                f"still to come from the workers: task {sent[index]}"
                if index in sent
                else "not sent: the batch was interrupted before the show it waits for ended"
            )
            results[index] = unfinished(path, day, "waiting", note)
    return [results[i] for i in range(len(show_files))], interrupted


def _result(value: Any, path: Path, day: dt.date) -> ShowResult:
    if isinstance(value, dict):
        return ShowResult.from_dict(value)
    name = type(value).__name__
    if name == "TimeLimitExceeded":
        return ShowResult(
            path.stem,
            str(path),
            day.isoformat(),
            TIMED_OUT,
            note="killed at its hard time limit: it did not stop at the soft one",
        )
    return ShowResult(path.stem, str(path), day.isoformat(), FAILED, note=f"{name}: {value}")


def _safe(app: Any) -> str:
    return without_password(str(app.conf.broker_url))


def without_password(url: str) -> str:
    """`url` with its password, if any, as ***: for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))
