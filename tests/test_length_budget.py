"""--max-minutes: the lead story and as many headlines as fit, estimated then measured."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from mutagen.mp3 import MP3

from briefing.ingest import load_page
from briefing.plan import BuildOptions, estimate_ms, plan_episode

from .conftest import LONDON, TINY, run_cli


def test_estimate_is_close_to_the_measured_length(london_episode) -> None:
    options = BuildOptions(keep_duplicates=True)
    plan = plan_episode(load_page(LONDON), "1-5", options, today=dt.date(2026, 1, 14))
    rates = {"anchor": 18.5, "headlines": 18.5}
    estimate = estimate_ms(plan.script, rates, options.pauses)
    measured = MP3(london_episode[0]).info.length * 1000
    assert abs(estimate - measured) / measured < 0.15


def test_plan_keeps_the_lead_and_as_many_headlines_as_fit() -> None:
    page = load_page(LONDON)
    roomy = plan_episode(page, "all", BuildOptions(keep_duplicates=True))
    tight = plan_episode(page, "all", BuildOptions(keep_duplicates=True, max_minutes=7))
    assert len(tight.selection) < len(roomy.selection) == 50
    assert tight.selection == roomy.selection[: len(tight.selection)]
    assert len(tight.notes) == 50 - len(tight.selection)
    assert all("to keep within 7 minutes (estimated)" in n.text for n in tight.notes)


def test_build_fits_the_budget_and_says_what_was_left_out(tmp_path: Path) -> None:
    def seconds(*args: str) -> float:
        run = run_cli("build", TINY, *args, "-q", "-o", tmp_path / "sizes")
        assert run.code == 0, run.stderr
        return MP3(run.stdout.strip()).info.length

    lead_only, everything = seconds("-H", "none"), seconds("-H", "all")
    budget = (everything - 1) / 60  # room for the lead and the first headline, not both
    run = run_cli("build", TINY, "-H", "all", "--max-minutes", f"{budget:.4f}", "-o", tmp_path)
    assert run.code == 0, run.stderr
    episode = Path(run.stdout.strip())
    duration = MP3(episode).info.length
    assert lead_only < duration <= budget * 60
    # The cut falls between words: the last word ends, then the outro's pause, then the end.
    words = json.loads(episode.with_name(f"{episode.stem}.transcript.json").read_text())
    last = words["segments"][-1]
    assert last["endTime"] <= duration - 0.5 and last["body"].endswith(".")
    notes = [line for line in run.stderr.splitlines() if line.startswith("note: left out headline")]
    assert len(notes) == 1 and "headline 2" in notes[0]


def test_lead_alone_over_budget_is_said(tmp_path: Path) -> None:
    run = run_cli("build", TINY, "-H", "all", "--max-minutes", "0.05", "-o", tmp_path)
    assert run.code == 0, run.stderr
    assert "note: the lead story alone takes" in run.stderr
    assert "left out headline 2" in run.stderr
