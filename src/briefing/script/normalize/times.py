"""Clock times: 10:30am, 2.30pm, 12pm (midday), 08:00 BST (eight a.m. BST), at 18:45."""

from __future__ import annotations

import re

from briefing.script.normalize.scanner import (
    L,
    R,
    Rule,
    alternatives,
    keep_stop,
    word_after,
    word_before,
)
from briefing.script.normalize.words import cardinal, cardinal_int

ZONES = frozenset(
    "BST GMT UTC ET EST EDT PT PST PDT CT CST CDT MT MST MDT CET CEST EET EEST WET IST JST "
    "AEST AEDT ACST AWST HKT SGT MSK NZST NZDT".split()
)
TIME_WORDS = frozenset(
    "at from until till to by before after between and around about since approximately".split()
)
"""Words after which a 24-hour time (18:45) is said with a.m. or p.m."""


def clock(hour: int, minute: int) -> str:
    """ "ten", "ten thirty", "nine oh five"."""
    words = cardinal_int(hour)
    if minute:
        words += (" oh " if minute < 10 else " ") + cardinal_int(minute)
    return words


def twelve_hour(hour: int, minute: int) -> str:
    """A 24-hour time said the twelve-hour way: 18:45 → "six forty-five p.m."."""
    if minute == 0 and hour in (0, 24):
        return "midnight"
    if minute == 0 and hour == 12:
        return "midday"
    half = "a.m." if hour < 12 or hour == 24 else "p.m."
    return f"{clock(hour % 12 or 12, minute)} {half}"


def _ampm(match: re.Match[str], h: str, m: str, ap: str) -> str | None:
    hour, minute = int(match[h]), int(match[m] or 0)
    if not 1 <= hour <= 12 or minute > 59:
        return None
    half = "a.m." if match[ap].lower().startswith("a") else "p.m."
    if hour == 12 and minute == 0:
        return "midday" if half == "p.m." else "midnight"
    return f"{clock(hour, minute)} {half}"


def _twelve(match: re.Match[str]) -> str | None:
    second = _ampm(match, "h2", "m2", "ap2")
    if second is None:
        return None
    if match["h1"] is None:
        return keep_stop(second, match)
    if match["ap1"]:
        first = _ampm(match, "h1", "m1", "ap1")
    else:
        hour, minute = int(match["h1"]), int(match["m1"] or 0)
        first = clock(hour, minute) if 1 <= hour <= 12 and minute < 60 else None
    return None if first is None else keep_stop(f"{first} to {second}", match)


def _twenty_four(match: re.Match[str]) -> str | None:
    hour, minute = int(match["h"]), int(match["m"])
    if hour > 24 or minute > 59:
        return None
    if (hour, minute) in ((0, 0), (24, 0)):
        return "midnight"
    if (hour, minute) == (12, 0):
        return "midday"
    if word_after(match) in ZONES or word_before(match) in TIME_WORDS or hour > 12:
        return twelve_hour(hour, minute)
    if minute == 0:
        return f"{cardinal_int(hour)} o'clock"
    return clock(hour, minute)


def _military(match: re.Match[str]) -> str | None:
    """ "1820 BST": four digits before a time zone."""
    hour, minute = int(match["h"]), int(match["m"])
    if hour > 24 or minute > 59:
        return None
    return twelve_hour(hour, minute)


_AP = r"(?:[ap]\.m\.|[ap]\.m\b|[ap]m\b|[AP]\.M\.|[AP]M\b)"
_TWELVE = (
    L
    + r"(?:(?P<h1>\d{1,2})(?:[:.](?P<m1>\d{2}))?\s?(?P<ap1>"
    + _AP
    + r")?\s?[-–]\s?)?(?P<h2>\d{1,2})(?:[:.](?P<m2>\d{2}))?\s?(?P<ap2>"
    + _AP
    + r")(?![/-])"
    + R
)


def _seconds(match: re.Match[str]) -> str:
    """ "0.142s" → "zero point one four two seconds"; "1m28.659s" and "1:28.659s" → "one
    minute twenty-eight point six five nine seconds"."""
    seconds = f"{cardinal(match['s'])} {'second' if match['s'] == '1' else 'seconds'}"
    if match["min"] is None:
        return seconds
    minutes = int(match["min"])
    return f"{cardinal_int(minutes)} {'minute' if minutes == 1 else 'minutes'} {seconds}"


RULES = (
    Rule(
        "seconds",
        L + r"(?:(?P<min>\d{1,2})[m:](?=\d))?(?P<s>\d+\.\d+|(?<=m)\d{1,2})s\b" + R,
        _seconds,
    ),
    Rule("twelve-hour time", _TWELVE, _twelve),
    Rule("24-hour time", L + r"(?P<h>[0-2]?\d):(?P<m>[0-5]\d)" + R, _twenty_four),
    Rule(
        "time before a zone",
        L + r"(?P<h>[0-2]\d)(?P<m>[0-5]\d)(?= (?:" + alternatives(ZONES) + r")\b)",
        _military,
    ),
)
