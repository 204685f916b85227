"""Italian ordinals, dates and times: "1°" → "primo", "2ª" → "seconda", "26 ottobre 2019",
"l'8 marzo" → "l'otto marzo", "26/10/2019", "alle 14.30" → "alle quattordici e trenta", and
the show's `spoken_date` (Roman numerals are in `roman.py`).
"""

from __future__ import annotations

import datetime as dt
import re

from briefing.script.normalize.context import keep_stop as _keep_stop
from briefing.script.normalize.context import word_after, words_before
from briefing.script.normalize.it.words import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    WEEKDAYS,
    L,
    R,
    capital_at_start,
    cardinal_int,
    is_feminine,
    ordinal,
)
from briefing.script.normalize.scanner import Rule


def ordinal_day(day: int) -> str:
    """14 → "quattordici"; 1 → "primo", as in "il primo maggio"."""
    return "primo" if day == 1 else cardinal_int(day)


def spoken_date(date: dt.date) -> str:
    """ "mercoledì quattordici gennaio"; "giovedì primo gennaio"."""
    return f"{WEEKDAYS[date.weekday()]} {ordinal_day(date.day)} {MONTHS[date.month - 1]}"


ORDINAL_NOUNS = frozenset(
    "posto piano turno giorno anno mese grado livello tempo set round giro tappa classe "
    "categoria serie fila media elementare gara partita giornata stagione volta posizione "
    "classificato classificata volume lotto fase".split()
)
"""Nouns whose gender an ordinal written "1°" takes ("la 3° tappa" → "la terza tappa")."""


_FEMININE_ARTICLES = frozenset(
    "la le una della delle alla alle nella nelle dalla dalle sulla sulle questa quella ogni".split()
)


def _is_feminine_here(match: re.Match[str], noun: str) -> bool:
    """Whether the ordinal at `match` agrees with a feminine noun: by the noun after it, or,
    for an unknown one, by the article before it ("la 3° classificata")."""
    before = words_before(match, 1)
    if noun.lower() in ORDINAL_NOUNS:
        return is_feminine(noun)
    return bool(before) and before[-1] in _FEMININE_ARTICLES


# --- ordinals written with digits ----------------------------------------------------------------

TEMPERATURE = frozenset(
    "temperatura temperature gradi grado termometro minima minime massima massime caldo "
    "freddo gelo afa punte punta colonnina meteo percepiti percepita acqua mare zero "
    "sopra sotto".split()
)


def _ordinal(match: re.Match[str]) -> str | None:
    """ "1°" → "primo", "2ª" → "seconda", "il 3° posto" → "il terzo posto"; "30°" after a
    word of the weather ("temperature fino a 30°") → "trenta gradi"."""
    number = int(match["n"])
    noun = word_after(match)
    warm = set(words_before(match, 8)) & TEMPERATURE or number > 100 or match["neg"]
    if match["s"] in "°º" and warm:
        said = "un grado" if number == 1 else cardinal_int(number) + " gradi"
        return capital_at_start(("meno " if match["neg"] else "") + said, match)
    feminine = match["s"] == "ª" or (match["s"] in "°º" and _is_feminine_here(match, noun))
    return capital_at_start(ordinal(number, feminine), match)


# --- dates and times ----------------------------------------------------------------------------


def _year(text: str) -> str:
    number = int(text)
    if len(text) == 2:
        number += 2000 if number < 50 else 1900
    return cardinal_int(number)


def _month(written: str) -> int:
    written = written.lower().rstrip(".")
    if written in MONTHS:
        return MONTHS.index(written) + 1
    return MONTH_ABBREVIATIONS[written]


def _day_month(match: re.Match[str]) -> str | None:
    """ "26 ottobre 2019" → "ventisei ottobre duemiladiciannove"; "1° maggio" → "primo
    maggio"; "l'8 marzo" → "l'otto marzo"."""
    day = int(match["d"])
    if not 1 <= day <= 31:
        return None
    spoken = f"{ordinal_day(day)} {MONTHS[_month(match['m']) - 1]}"
    if match["y"]:
        spoken += " " + cardinal_int(int(match["y"]))
    return capital_at_start(_keep_stop(spoken, match), match)


def _numeric_date(match: re.Match[str]) -> str | None:
    """ "26/10/2019" → "ventisei ottobre duemiladiciannove"; "01.05.20" → "primo maggio
    duemilaventi"; "il 26/10" → "il ventisei ottobre"."""
    day, month = int(match["d"]), int(match["m"])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    spoken = f"{ordinal_day(day)} {MONTHS[month - 1]}"
    if match["y"]:
        spoken += " " + _year(match["y"])
    else:
        before = words_before(match, 1)
        if match["sep"] != "/" or not before or before[-1] not in _DATE_WORDS:
            return None
    return capital_at_start(spoken, match)


def _iso_date(match: re.Match[str]) -> str | None:
    day, month = int(match["d"]), int(match["m"])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    spoken = f"{ordinal_day(day)} {MONTHS[month - 1]} {cardinal_int(int(match['y']))}"
    return capital_at_start(spoken, match)


def hour(number: int) -> str:
    """13 → "tredici"; 1 → "una" (as in "all'una"); 0 → "zero"."""
    return "una" if number == 1 else cardinal_int(number)


TIME_WORDS = frozenset(
    "alle all ore le dalle delle dall entro verso fino tra fra e partire dopo prima intorno "
    "attorno orario apertura chiusura inizio fine ora sera mattina pomeriggio notte "
    "oggi domani ieri stamattina stasera".split()
)
"""Words after which "14.30" is a time: "alle 14.30", "dalle 9.30", "ore 8.15"."""


def _time(match: re.Match[str]) -> str | None:
    """ "alle 14.30", "ore 9:05", "14:30" → "quattordici e trenta", "quattordici e cinque";
    "14.00" → "quattordici". With a full stop, only after a word of time: "14.30" alone may
    be a figure."""
    before = words_before(match, 1)
    if match["sep"] == "." and not (before and before[-1] in TIME_WORDS):
        return None
    spoken = hour(int(match["h"]))
    minutes = int(match["m"])
    if minutes:
        spoken += f" e {cardinal_int(minutes)}"
    return capital_at_start(spoken, match)


_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_MONTH_NAME = (
    r"(?P<m>(?i:"
    + "|".join(MONTHS)
    + r")(?![\w-])|(?:"
    + "|".join(sorted(MONTH_ABBREVIATIONS, key=len, reverse=True))
    + r")\.)"
)


_DATE_WORDS = frozenset("il dal al del nel entro fino sabato domenica".split()) | frozenset(
    WEEKDAYS
)


DATE_RULES: tuple[Rule, ...] = (
    Rule(
        "day month",
        L
        + r"(?P<d>"
        + _DAY
        + r")[°º]?\s"
        + _MONTH_NAME
        + r"(?:\s(?P<y>\d{4})(?!\d))?(?![\w%€]|[.,:/-]\d)",
        _day_month,
    ),
    Rule(
        "numeric date",
        L + r"(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?:[/.-](?P<y>\d{4}|\d{2}))?" + R,
        _numeric_date,
    ),
    Rule("iso date", L + r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})" + R, _iso_date),
    Rule("time", L + r"(?P<h>[01]?\d|2[0-3])(?P<sep>[.:])(?P<m>[0-5]\d)" + R, _time),
)
"""Dates and times, in the scanner's order."""


ORDINAL_RULES: tuple[Rule, ...] = (
    Rule(
        "ordinal",
        r"(?:(?<![\w.,)])(?P<neg>-)|" + L + r")(?P<n>\d{1,3})(?P<s>[°ºª])(?![\w°ºª])",
        _ordinal,
    ),
)
"""The ordinal rule ("1°", "2ª", or degrees in the weather), asked after units."""
