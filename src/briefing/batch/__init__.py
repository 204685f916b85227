"""Many shows at once: each show's day built as `briefing daily` builds it, in a pool of
processes on one machine or as Celery tasks on many.

jobs.py        one show's day as a job: idempotent, reported as a `ShowResult`
locks.py       one build per show at a time; what killed builds left behind, removed
local.py       the process pool of `briefing batch --jobs N`
celery_app.py  the Celery app and task of `briefing batch --broker` and `briefing worker`
table.py       the results as the table `briefing batch` prints

Nothing in the stages knows it runs here: a job calls `daily.run_daily`, as the `daily`
command does.
"""
