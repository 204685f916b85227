"""Portuguese ordinals, dates and times: "1.º" → "primeiro", "2.ª" → "segunda", "26 de
outubro de 2019", "26/10/2019", "14h30" → "catorze horas e trinta minutos", "9h-13h" → "das
nove horas às treze horas", and the show's `spoken_date`.
"""

from __future__ import annotations

import datetime as dt
import re

from briefing.script.normalize.context import words_before
from briefing.script.normalize.pt.words import (
    MONTH,
    MONTH_ABBREVIATIONS,
    MONTHS,
    WEEKDAYS,
    L,
    R,
    capital_at_start,
    cardinal_int,
    feminine,
    is_temperature,
    ordinal,
)
from briefing.script.normalize.scanner import Rule


def ordinal_day(day: int) -> str:
    """14 → "catorze"; 1 → "primeiro", as both Portugal and Brazil say the first of a month
    in the show's own lines ("quinta-feira, primeiro de janeiro")."""
    return "primeiro" if day == 1 else cardinal_int(day)


def spoken_date(date: dt.date) -> str:
    """ "quarta-feira, catorze de janeiro"; "quinta-feira, primeiro de janeiro"."""
    return f"{WEEKDAYS[date.weekday()]}, {ordinal_day(date.day)} de {MONTHS[date.month - 1]}"


# --- dates and times ----------------------------------------------------------------------------


def _year(text: str) -> str:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 50 else 1900
    return cardinal_int(year)


def _month(written: str) -> str:
    """The month as said: "Outubro" stays as written; "out." → "outubro"."""
    return MONTH_ABBREVIATIONS.get(written.lower().rstrip("."), written)


def _day_month(match: re.Match[str]) -> str | None:
    """ "26 de outubro de 2019" → "vinte e seis de outubro de dois mil e dezanove"; "1 de
    janeiro" → "um de janeiro"; "1.º de maio" → "primeiro de maio"."""
    day = int(match["d"])
    if not 1 <= day <= 31:
        return None
    said = ordinal(day) if match["o"] else cardinal_int(day)
    spoken = f"{said} de {_month(match['m'] or match['ma'])}"
    if match["y"] or match["y2"]:
        spoken += " de " + _year(match["y"] or match["y2"])
    return capital_at_start(spoken, match)


def _numeric_date(match: re.Match[str]) -> str | None:
    """ "26/10/2019" → "vinte e seis de outubro de dois mil e dezanove"; "01-02-20" → "um de
    fevereiro de dois mil e vinte"."""
    day, month = int(match["d"]), int(match["m"])
    if not (1 <= day <= 31 and 1 <= month <= 12) or match["sep"] != match["sep2"]:
        return None
    spoken = f"{cardinal_int(day)} de {MONTHS[month - 1]} de {_year(match['y'])}"
    return capital_at_start(spoken, match)


_DATE_WORDS = frozenset("dia a até desde em para entre".split())


def _day_and_month(match: re.Match[str]) -> str | None:
    """ "20/07" → "vinte de julho"; "a 3/10" → "a três de outubro"; but "3/10" alone is a
    fraction."""
    day, month = int(match["d"]), int(match["m"])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    if match["m"][0] != "0" and not set(words_before(match, 1)) & _DATE_WORDS:
        return None
    return capital_at_start(f"{cardinal_int(day)} de {MONTHS[month - 1]}", match)


def hours(number: int) -> str:
    """0 → "zero horas"; 1 → "uma hora"; 21 → "vinte e uma horas"."""
    return feminine(cardinal_int(number)) + (" hora" if number == 1 else " horas")


def _clock(hour: int, minutes: int) -> str:
    spoken = hours(hour)
    if minutes:
        spoken += f" e {cardinal_int(minutes)} minuto{'s' if minutes > 1 else ''}"
    return spoken


def _time(match: re.Match[str]) -> str | None:
    """ "14h30", "14:30", "14h30min" → "catorze horas e trinta minutos"; "9h" → "nove
    horas"; "à 1h" → "à uma hora"; "9h-13h" → "das nove horas às treze horas"."""
    hour = int(match["h"])
    spoken = _clock(hour, int(match["m"] or 0))
    if match["at"]:  # "às 1h" → "à uma hora"
        at = match["at"]
        spoken = (at[:-1] if hour == 1 and at[-1] == "s" else at) + " " + spoken
    if match.groupdict().get("h2"):
        second = int(match["h2"])
        after = _clock(second, int(match["m2"] or 0))
        spoken += (" à " if second == 1 else " às ") + after
        if not re.search(r"\bd[ao]s?\s$", match.string[max(0, match.start() - 4) : match.start()]):
            spoken = ("da " if hour == 1 else "das ") + spoken
    return capital_at_start(spoken, match)


def _weekday(match: re.Match[str]) -> str:
    """ "2.ª feira", "2.ª-feira", "6ª feira" → "segunda-feira"... "sexta-feira"."""
    return capital_at_start(WEEKDAYS[int(match["n"]) - 2], match)


_LAWS = re.compile(r"\b(?:[Aa]rtigos?|[Aa]rts?\.)\s$")
"""After these an ordinal above ten is said as a cardinal ("artigo onze"), as lawyers do."""
_SUFFIX = r"(?:\.?(?P<s>[ºª])(?P<p>s)?|\.(?P<s2>[oa])(?P<p2>s)?)(?![\w])"


def _ordinal(match: re.Match[str]) -> str | None:
    """ "1.º" → "primeiro", "2.ª" → "segunda", "3º" → "terceiro", "1.os" → "primeiros";
    "30º" after "máxima de" is a temperature (the unit rule says "graus")."""
    if is_temperature(match):
        return None
    suffix = match["s"] or match["s2"]
    plural = bool(match["p"] or match["p2"])
    number = int(match["n"])
    if number > 10 and _LAWS.search(match.string, max(0, match.start() - 12), match.start()):
        return capital_at_start(cardinal_int(number), match)  # "artigo 131.º": "cento e …"
    spoken = ordinal(number, suffix in ("ª", "a"), plural)
    return capital_at_start(spoken, match)


_DAY = r"(?P<d>[0-2]?\d|3[01])"
_AT = r"(?:\b(?P<at>[àÀ]s|[dD]as|[pP]elas)\s(?=1\s?[hH:]))?"
"""The "às" before one o'clock, said "à uma hora"."""

DATE_RULES: tuple[Rule, ...] = (
    Rule(
        "day and month",
        L
        + _DAY
        + r"(?P<o>\.?[ºª°])?\s(?:de\s(?P<m>"
        + MONTH
        + r")(?:\s(?:de\s)?(?P<y>\d{4}))?|(?P<ma>(?i:jan|fev|mar|abr|mai|jun|jul|ago|set|out|nov|"
        r"dez)\.?|" + MONTH + r")\s(?P<y2>\d{4}))" + R,
        _day_month,
    ),
    Rule(
        "numeric date",
        L + _DAY + r"(?P<sep>[/.-])(?P<m>0?[1-9]|1[0-2])(?P<sep2>[/.-])(?P<y>\d{4}|\d{2})" + R,
        _numeric_date,
    ),
    Rule("day/month", L + _DAY + r"/(?P<m>0[1-9]|1[0-2])" + R, _day_and_month),
    Rule(
        "iso date",
        L + r"(?P<y>\d{4})(?P<sep>-)(?P<m>\d{2})(?P<sep2>-)(?P<d>\d{2})" + R,
        _numeric_date,
    ),
    Rule(
        "time",
        _AT
        + L
        + r"(?P<h>[01]?\d|2[0-4])\s?[hH](?:\s?(?P<m>[0-5]\d)(?:\s?min\b|m\b)?)?"
        + r"(?:\s?[-–]\s?(?P<h2>[01]?\d|2[0-4])\s?[hH](?P<m2>[0-5]\d)?)?(?![\w/])",
        _time,
    ),
    Rule("clock", _AT + L + r"(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?:\s?h\b)?" + R, _time),
)
"""Dates and times, in the scanner's order."""


ORDINAL_RULES: tuple[Rule, ...] = (
    Rule("weekday", L + r"(?P<n>[2-6])\.?ª[\s-]feira\b", _weekday),
    Rule("ordinal", L + r"(?P<n>\d{1,3}|1000)" + _SUFFIX, _ordinal),
)
"""The weekday ("2.ª feira") and ordinal ("1.º", "2.ª") rules, asked after units."""
