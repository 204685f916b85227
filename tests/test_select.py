"""Choosing headlines with -H."""

from __future__ import annotations

import pytest

from briefing.errors import UsageError
from briefing.script import parse_selection


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
