"""Dates: 17 April, 17th April 2026, April 17, Apr. 17, 2026, Jan 2026, 14/01/2026,
2026-01-14. British order says "the seventeenth of April"; American order "April
seventeenth"; a numeric date is day first unless its second number is over 12."""

from __future__ import annotations

import re

from briefing.script.normalize.numbers import is_year
from briefing.script.normalize.scanner import L, R, Rule, keep_stop, word_before, words_after
from briefing.script.normalize.words import cardinal, ordinal, year

MONTHS = (
    "January February March April May June July August September October November December"
).split()
ABBREVIATED = {
    "Jan": 1,
    "Feb": 2,
    "Mar": 3,
    "Apr": 4,
    "Jun": 6,
    "Jul": 7,
    "Aug": 8,
    "Sep": 9,
    "Sept": 9,
    "Oct": 10,
    "Nov": 11,
    "Dec": 12,
}
_MONTH = r"(?P<{0}>" + "|".join(MONTHS) + r"|(?:Sept|" + "|".join(ABBREVIATED) + r")\b\.?)"
_DAY = r"(?P<{0}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>\d{4})" + R
DETERMINERS = frozenset("the a an this that its last next every".split())
"""Words before a day-month date that take the place of its "the"."""


def month_name(written: str) -> str:
    """ "Sept." → "September"."""
    written = written.rstrip(".")
    return MONTHS[ABBREVIATED[written] - 1] if written in ABBREVIATED else written


def _year(text: str | None) -> str:
    if text is None:
        return ""
    return year(int(text)) if is_year(text) else cardinal(text)


def _the(match: re.Match[str]) -> str:
    return "" if word_before(match) in DETERMINERS else "the "


def _day_month(match: re.Match[str]) -> str | None:
    day = int(match["d"])
    month = month_name(match["m"])
    spoken = f"{_the(match)}{ordinal(day)}"
    if match["d2"]:
        spoken += f" to the {ordinal(int(match['d2']))}"
    spoken += f" of {month}"
    if match["y"]:
        spoken += f"{match['c'] or ''} {_year(match['y'])}"
    return keep_stop(spoken, match)  # "on 15 Jan." ends a sentence


def _month_day(match: re.Match[str]) -> str:
    spoken = f"{month_name(match['m'])} {ordinal(int(match['d']))}"
    if match["d2"]:
        spoken += f" to {ordinal(int(match['d2']))}"
    if match["m3"]:  # "May 5-August 24"
        spoken += f" to {month_name(match['m3'])} {ordinal(int(match['d3']))}"
    if match["more"]:  # "June 21, 23 and 25", "September 6 and 8", "June 1 to 12"
        spoken += _LIST_DAY.sub(lambda m: m[1] + ordinal(int(m[2])), match["more"])
    if match["y"]:
        spoken += f"{match['c'] or ''} {_year(match['y'])}"
    return spoken


def _month_year(match: re.Match[str]) -> str:
    return f"{month_name(match['m'])} {_year(match['y'])}"


def spoken_date(day: int, month: int, year_text: str, *, british: bool = True) -> str | None:
    """A numeric date in words, or None if it is no date."""
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if len(year_text) == 2:
        year_text = "20" + year_text
    if british:
        return f"the {ordinal(day)} of {MONTHS[month - 1]} {_year(year_text)}"
    return f"{MONTHS[month - 1]} {ordinal(day)}, {_year(year_text)}"


def _numeric(match: re.Match[str]) -> str | None:
    first, second = int(match["a"]), int(match["b"])
    spoken = (
        spoken_date(second, first, match["y"], british=False)
        if second > 12
        else spoken_date(first, second, match["y"])
    )
    if spoken and spoken.startswith("the ") and not _the(match):
        spoken = spoken[4:]
    return spoken


def _iso(match: re.Match[str]) -> str | None:
    spoken = spoken_date(int(match["d"]), int(match["m"]), match["y"])
    if spoken and not _the(match):
        spoken = spoken[4:]
    return spoken


WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def _weekday_day(match: re.Match[str]) -> str | None:
    """ "Saturday 5, Monday 7 and Saturday 9 November": a weekday and a day whose month
    comes later in the sentence is "Saturday the fifth"."""
    if not any(month_name(w) in MONTHS for w in words_after(match, 12)):
        return None
    return f"{match['w']} the {ordinal(int(match['d']))}"


def _day_list(match: re.Match[str]) -> str:
    """ "5 and 9 November" → "the fifth and ninth of November"."""
    first, second = ordinal(int(match["d"])), ordinal(int(match["d2"]))
    spoken = f"{_the(match)}{first} {match['j']} {second} of {month_name(match['m'])}"
    if match["y"]:
        spoken += f"{match['c'] or ''} {_year(match['y'])}"
    return keep_stop(spoken, match)


_DAY_SPAN = r"(?:(?:\s?[-–]\s?|\sto\s)(?P<d2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)?"
_DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_MORE_DAYS = (
    r"(?P<more>(?:,\s"
    + _DAY_NUMBER
    + r"(?![\d,.]\d))*\s(?:and|or|to|until|through)\s"
    + _DAY_NUMBER
    + r"\b(?![:.]\d|\s?[ap]\.?m\b|\s?o'clock)(?!\s(?:"
    + "|".join(MONTHS)
    + r")))?"
)
"""More days of the same month after the first: "June 21, 23 and 25", "from June 1 to 12"."""
_LIST_DAY = re.compile(r"(\s|,\s)(" + r"[12]\d|3[01]|0?[1-9]" + r")(?:st|nd|rd|th)?\b")
_OTHER_MONTH = (
    r"(?:[-–](?P<m3>" + "|".join(MONTHS) + r")\s(?P<d3>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)?"
)

RULES = (
    Rule(
        "day and day month",
        L
        + _DAY.format("d")
        + r" (?P<j>and|or) "
        + _DAY.format("d2")
        + r"\s(?:of\s)?"
        + _MONTH.format("m")
        + r"(?:(?P<c>,)?\s"
        + _YEAR
        + r")?"
        + R,
        _day_list,
    ),
    Rule(
        "weekday and day",
        r"\b(?P<w>" + "|".join(WEEKDAYS) + r") " + _DAY.format("d") + R + r"(?!\s(?:of\s)?[A-Z])",
        _weekday_day,
    ),
    Rule(
        "day month",
        L
        + _DAY.format("d")
        + _DAY_SPAN
        + r"\s(?:of\s)?"
        + _MONTH.format("m")
        + r"(?:(?P<c>,)?\s"
        + _YEAR
        + r")?"
        + R,
        _day_month,
    ),
    Rule(
        "month day",
        r"\b"
        + _MONTH.format("m")
        + r"\s"
        + _DAY.format("d")
        + _DAY_SPAN
        + _OTHER_MONTH
        + R
        + _MORE_DAYS
        + r"(?:(?P<c>,)?\s"
        + _YEAR
        + r")?",
        _month_day,
    ),
    Rule("month year", r"\b" + _MONTH.format("m") + r"\s" + _YEAR, _month_year),
    Rule("numeric date", L + r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})" + R, _numeric),
    Rule("dotted date", L + r"(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?P<y>\d{4})" + R, _numeric),
    Rule("dashed date", L + r"(?P<a>\d{1,2})-(?P<b>\d{1,2})-(?P<y>\d{4})" + R, _numeric),
    Rule("iso date", L + r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})" + R, _iso),
)
