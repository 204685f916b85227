"""Choosing headlines with -H."""

from __future__ import annotations

import pytest

from briefing.errors import UsageError
from briefing.models import Headline
from briefing.script import parse_selection
from briefing.script.select import choose


@pytest.mark.parametrize(
    ("spec", "available", "expected"),
    [
        (None, 50, (0, 1, 2, 3, 4)),
        (None, 3, (0, 1, 2)),
        ("1-5", 50, (0, 1, 2, 3, 4)),
        ("1,3,5-7", 10, (0, 2, 4, 5, 6)),
        (" 2 , 4 - 5 ", 10, (1, 3, 4)),
        ("3,1", 5, (2, 0)),
        ("1-3,2", 5, (0, 1, 2)),
        ("all", 4, (0, 1, 2, 3)),
        ("ALL", 2, (0, 1)),
        ("none", 50, ()),
        ("none", 0, ()),
    ],
)
def test_specs(spec: str | None, available: int, expected: tuple[int, ...]) -> None:
    assert parse_selection(spec, available) == expected


@pytest.mark.parametrize("spec", ["1-", "a", "1;2", "-3", "1..3", "two"])
def test_unreadable_spec(spec: str) -> None:
    with pytest.raises(UsageError, match="cannot read headline spec"):
        parse_selection(spec, 10)


def test_out_of_range_names_the_valid_range() -> None:
    with pytest.raises(UsageError, match="valid headlines are 1-50"):
        parse_selection("48-51", 50)


def test_backwards_range() -> None:
    with pytest.raises(UsageError, match="runs backwards"):
        parse_selection("5-3", 10)


def test_page_without_headlines() -> None:
    with pytest.raises(UsageError, match="the page has no headlines"):
        parse_selection("1", 0)


# --- topics ------------------------------------------------------------------------------

STORIES = [
    Headline("Bank of England holds interest rates at 4%"),
    Headline("Climate talks stall in Bonn", summary="Delegates failed to agree on coal."),
    Headline("Rate of new homes built falls"),
    Headline("Taxes on sugary drinks to rise"),
    Headline("Scientists map the climate of Mars", summary="A rover's weather station."),
    Headline("Cricket: England win the Ashes"),
]


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("climate", (1, 4)),  # in the title or the summary, in feed order
        ("CLIMATE,6", (1, 4, 5)),  # case does not matter; numbers mix in
        ("'interest rates'", (0,)),  # a quoted phrase
        ("rates", (0, 2)),  # a plural finds its singular and itself
        ("rate", (0, 2)),
        ("tax", (3,)),  # "taxes"
        ("coal", (1,)),  # from a summary
        ("clim", ()),  # whole words only: not "climate"; nothing found is an error
    ],
)
def test_topics_pick_stories_by_whole_words_and_plurals(
    spec: str, expected: tuple[int, ...]
) -> None:
    if not expected:
        with pytest.raises(UsageError, match=r"no headline mentions clim \(searched 6 items\)"):
            choose(spec, STORIES)
        return
    assert choose(spec, STORIES).indexes == expected


def test_exclude_leaves_out_and_topics_are_reported() -> None:
    choice = choose("climate,'interest rates'", STORIES, exclude=["mars"])
    assert choice.indexes == (0, 1)
    assert choice.topics == {0: ("interest rates",), 1: ("climate",), 4: ("climate",)}
    assert choose(None, STORIES, exclude=["cricket"]).indexes == (0, 1, 2, 3, 4)


def test_an_unattended_choice_bends_with_notes() -> None:
    bent = choose("1-9", STORIES, lenient=True)
    assert bent.indexes == (0, 1, 2, 3, 4, 5)
    assert "headline 9 does not exist today (6 to choose from)" in bent.notes[0]
    nothing = choose("hockey", STORIES, lenient=True)
    assert nothing.indexes == () and "the round-up is left out" in nothing.notes[0]
    with pytest.raises(UsageError, match="headline 9 does not exist"):
        choose("1-9", STORIES)
