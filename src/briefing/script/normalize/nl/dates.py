"""Dutch ordinals, dates and times: "21ste" → "eenentwintigste", "op 1 januari" → "op één
januari" (Dutch says the day as a cardinal), "26-10-2019", "14.30 uur" → "veertien uur
dertig", regnal numbers ("Willem III" → "Willem de Derde"), and the show's `spoken_date`.
"""

from __future__ import annotations

import datetime as dt
import re

from briefing.script.normalize.context import keep_stop as _keep_stop
from briefing.script.normalize.context import words_before
from briefing.script.normalize.nl.words import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    WEEKDAYS,
    L,
    R,
    capital_at_start,
    cardinal_int,
    ordinal,
    year,
)
from briefing.script.normalize.roman import roman_value as _roman_value
from briefing.script.normalize.scanner import Rule


def ordinal_day(day: int) -> str:
    """14 → "veertien"; 1 → "één", as in "op één januari": Dutch says dates with
    cardinals."""
    return cardinal_int(day)


def spoken_date(date: dt.date) -> str:
    """ "woensdag veertien januari"; "donderdag één januari"."""
    return f"{WEEKDAYS[date.weekday()]} {ordinal_day(date.day)} {MONTHS[date.month - 1]}"


def _ordinal(match: re.Match[str]) -> str:
    """ "1e" → "eerste", "2de" → "tweede", "8ste" → "achtste", "21ste" →
    "eenentwintigste"."""
    return capital_at_start(ordinal(int(match["n"])), match)


def _month(written: str) -> int:
    written = written.rstrip(".").lower()
    if written in MONTHS:
        return MONTHS.index(written) + 1
    return MONTH_ABBREVIATIONS[written]


def _year_words(text: str) -> str:
    number = int(text)
    if len(text) == 2:
        number += 2000 if number < 50 else 1900
    return year(number)


def _day_month(match: re.Match[str]) -> str | None:
    """ "26 oktober 2019" → "zesentwintig oktober tweeduizend negentien"; "3-5 mei" → "drie
    tot vijf mei"; "12 okt." → "twaalf oktober"."""
    day = int(match["d"])
    if not 1 <= day <= 31:
        return None
    spoken = ordinal_day(day)
    if match["d2"]:
        if not day < int(match["d2"]) <= 31:
            return None
        spoken += f" tot {ordinal_day(int(match['d2']))}"
    spoken += " " + MONTHS[_month(match["m"]) - 1]
    if match["y"]:
        spoken += " " + year(int(match["y"]))
    if _AFTER_WEEKDAY.search(match.string, max(0, match.start() - 6), match.start()):
        return _keep_stop(spoken, match)  # "di. 3 sept.": no new sentence after "di."
    return capital_at_start(_keep_stop(spoken, match), match)


def _numeric_date(match: re.Match[str]) -> str | None:
    """ "26-10-2019", "26/10/2019", "26.10.19" → "zesentwintig oktober tweeduizend
    negentien"."""
    day, month = int(match["d"]), int(match["m"])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    spoken = f"{ordinal_day(day)} {MONTHS[month - 1]} {_year_words(match['y'])}"
    return capital_at_start(spoken, match)


def _iso_date(match: re.Match[str]) -> str | None:
    day, month = int(match["d"]), int(match["m"])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    spoken = f"{ordinal_day(day)} {MONTHS[month - 1]} {year(int(match['y']))}"
    return capital_at_start(spoken, match)


REGNAL = (
    "Willem Willem-Alexander Lodewijk Karel Filips Hendrik Frederik Napoleon Leopold "
    "Boudewijn Albert Elizabeth Elisabeth Charles George Edward Richard Johannes Paulus Pius "
    "Leo Benedictus Gregorius Clemens Innocentius Bonifatius Urbanus Alexander Nicolaas "
    "Frans Ferdinand Jozef Maximiliaan Gustaaf Christiaan Harald Olav Juan Felipe Alfonso"
).split()


def roman_value(text: str) -> int | None:
    """ "XXI" → 21; None if `text` is no well-formed Roman numeral below 400."""
    return _roman_value(text, limit=400)


def _regnal(match: re.Match[str]) -> str | None:
    """ "Willem III" → "Willem de Derde"; "Lodewijk XIV" → "Lodewijk de Veertiende"."""
    number = roman_value(match["r"])
    if number is None or number > 40:
        return None
    return _keep_stop(f"{match['name']} de {ordinal(number).capitalize()}", match)


def _clock(hours: int, minutes: int) -> str:
    """(14, 30) → "veertien uur dertig"; (9, 0) → "negen uur"."""
    spoken = f"{cardinal_int(hours)} uur"
    return spoken + (f" {cardinal_int(minutes)}" if minutes else "")


def _time_uur(match: re.Match[str]) -> str | None:
    hours, minutes = int(match["h"]), int(match["m"] or 0)
    if hours == 24 and minutes:
        return None
    return capital_at_start(_keep_stop(_clock(hours, minutes), match), match)


def _time_belgian(match: re.Match[str]) -> str:
    """ "14u30" and "14.30 u." (as Flemish papers write them) → "veertien uur dertig"."""
    spoken = _clock(int(match["h"]), int(match["m"] or match["m2"]))
    return capital_at_start(_keep_stop(spoken, match), match)


_TIME_WORDS = frozenset(
    "om vanaf tot tussen en rond omstreeks sinds na voor tegen van uiterlijk uur "
    "vanochtend vanmiddag vanavond vannacht".split()
)
_SPORT = frozenset(
    "won wint winnen gewonnen verloor verliest verloren zege nederlaag gelijkspel stand "
    "eindstand ruststand wedstrijd duel thuis uitwedstrijd doelpunt goal set sets".split()
)


def _time_bare(match: re.Match[str]) -> str | None:
    """ "om 14.30", "vanaf 9.15": a time where a time word comes before (or a colon, which a
    score would need a sporting word for)."""
    before = words_before(match, 6)
    if before and before[-1] in _TIME_WORDS:
        return capital_at_start(_clock(int(match["h"]), int(match["m"])), match)
    if match["sep"] == ":" and not set(before) & _SPORT:
        return capital_at_start(_clock(int(match["h"]), int(match["m"])), match)
    return None


_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
MONTH_NAME = (
    r"(?:(?:"
    + "|".join(f"[{m[0]}{m[0].upper()}]{m[1:]}" for m in MONTHS)
    + r")(?![\w-])|(?:"
    + "|".join(sorted(MONTH_ABBREVIATIONS, key=len, reverse=True))
    + r")\.)"
)
"""A month as written: "oktober", "Oktober" or "okt."."""
_MONTH_NAME = f"(?P<m>{MONTH_NAME})"
_AFTER_WEEKDAY = re.compile(r"\b(?:(?:[mM]a|[dD]i|[wW]o|[dD]o|[vV]r|[zZ]a|Zo)\.?|zo),?\s*$")
"""A weekday's abbreviation before a date ("di. 3 sept."), but not "zo." (a sentence may
end with the word)."""


DATE_RULES: tuple[Rule, ...] = (
    Rule(
        "regnal number",
        r"\b(?P<name>"
        + "|".join(sorted(REGNAL, key=len, reverse=True))
        + r") (?P<r>[IVXLC]+)(?![\w'-])\.?",
        _regnal,
    ),
    Rule(
        "day month",
        L
        + r"(?P<d>"
        + _DAY
        + r")(?:\s?[-–]\s?(?P<d2>"
        + _DAY
        + r"))?\s"
        + _MONTH_NAME
        + r"(?:\s(?P<y>\d{4})(?!\d))?"
        + r"(?![\w%€]|[.,:/-]\d)",
        _day_month,
    ),
    *(
        Rule(
            f"numeric date {sep}",
            L + rf"(?P<d>\d{{1,2}}){sep}(?P<m>\d{{1,2}}){sep}(?P<y>\d{{4}}|\d{{2}})" + R,
            _numeric_date,
        )
        for sep in ("-", "/", r"\.")
    ),
    Rule("iso date", L + r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})" + R, _iso_date),
    Rule(
        "time",
        L + r"(?P<h>[01]?\d|2[0-4])(?:[.:](?P<m>[0-5]\d))?\s?uur\b",
        _time_uur,
    ),
    Rule(
        "belgian time",
        L + r"(?P<h>[01]?\d|2[0-3])(?:u(?P<m>[0-5]\d)|[.:](?P<m2>[0-5]\d)\s?u\b\.?)" + R,
        _time_belgian,
    ),
    Rule("bare time", L + r"(?P<h>[01]?\d|2[0-3])(?P<sep>[.:])(?P<m>[0-5]\d)" + R, _time_bare),
)
"""Regnal numbers, dates and times, in the order the scanner asks them."""


ORDINAL_RULES: tuple[Rule, ...] = (
    Rule("ordinal", L + r"(?P<n>\d{1,4})(?:ste|de|e)(?![\w])", _ordinal),
)
"""The ordinal rule ("1e", "2de", "21ste"), asked after units and before codes."""
