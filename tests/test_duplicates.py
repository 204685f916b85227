"""Near-duplicate headlines on the London Daily page: which pairs are found, which are not."""

from __future__ import annotations

import itertools

import pytest

from briefing.ingest import load_page
from briefing.script.dedupe import THRESHOLD, Similarity, drop_near_duplicates

from .conftest import LONDON, run_cli

PAGE = load_page(LONDON)
TITLES = [h.title for h in PAGE.headlines]


def number(start: str) -> int:
    """1-based number of the headline that starts with `start`."""
    return next(n for n, t in enumerate(TITLES, start=1) if t.startswith(start))


def test_the_same_story_reworded_is_found() -> None:
    _, dropped = drop_near_duplicates(PAGE.article.title, TITLES, range(len(TITLES)))
    pairs = {(d.kept + 1, d.dropped + 1) for d in dropped if d.kept is not None}
    assert pairs == {
        (number("Meghan Markle Could Return"), number("Meghan Markle Likely")),
        (
            number("EU Seeks ‘Farage Clause’ in Brexit Reset Talks to"),
            number("EU Seeks ‘Farage Clause’ in Brexit Reset Talks With"),
        ),
        (number("UK Support Bolsters U.S. Seizure"), number("UK Confirms Support for US Seizure")),
    }


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Prince Harry Seeks King Charles", "Prince Harry to Return to UK for Court Hearing"),
        ("Prince Harry to Return to UK for Court Hearing", "Prince Harry Poised to Regain"),
        ("Elon Musk Accuses UK Government", "UK Data Watchdog Probes Elon Musk"),
        ("The Claim That Maduro", "Maduro’s Arrest Without The Hague"),
    ],
)
def test_one_topic_two_stories_is_not_a_duplicate(a: str, b: str) -> None:
    similarity = Similarity([PAGE.article.title, *TITLES])
    assert similarity.score(number(a), number(b)) < THRESHOLD


def test_only_three_pairs_on_the_whole_page() -> None:
    similarity = Similarity([PAGE.article.title, *TITLES])
    close = [
        (i, j)
        for i, j in itertools.combinations(range(len(TITLES) + 1), 2)
        if similarity.score(i, j) >= THRESHOLD
    ]
    assert len(close) == 3


def test_the_fuller_headline_is_kept_in_the_first_ones_place() -> None:
    eu_short = number("EU Seeks ‘Farage Clause’ in Brexit Reset Talks With") - 1
    eu_long = number("EU Seeks ‘Farage Clause’ in Brexit Reset Talks to") - 1
    kept, dropped = drop_near_duplicates(PAGE.article.title, TITLES, [eu_short, 0, eu_long])
    assert kept == (eu_long, 0)
    assert [(d.dropped, d.kept) for d in dropped] == [(eu_short, eu_long)]


def test_a_headline_repeating_the_lead_story_is_dropped() -> None:
    titles = ["UK Urges Iraq to Let British Troops Stay", *TITLES[:3]]
    kept, dropped = drop_near_duplicates(PAGE.article.title, titles, [0, 1, 2])
    assert kept == (1, 2) and dropped[0].kept is None


def test_cli_says_what_was_dropped_and_keep_duplicates_keeps_it() -> None:
    run = run_cli("script", LONDON, "-H", "1-5")
    assert run.code == 0
    assert run.stderr.strip() == (
        "note: left out headline 3 as a near-duplicate of headline 2: "
        "'Meghan Markle Likely to Return to UK Only if Harry Secures Official Security Cover' "
        "(--keep-duplicates keeps it)"
    )
    assert run.stdout.count("## Headline:") == 4
    kept = run_cli("script", LONDON, "-H", "1-5", "--keep-duplicates")
    assert kept.stderr == "" and kept.stdout.count("## Headline:") == 5


def test_default_choice_fills_five_distinct_headlines() -> None:
    run = run_cli("script", LONDON)
    headings = [line for line in run.stdout.splitlines() if line.startswith("## Headline:")]
    assert len(headings) == 5
    assert headings[-1] == f"## Headline: {TITLES[5]}"  # the sixth takes the duplicate's place
