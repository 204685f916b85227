"""Spanish ordinals, Roman numerals, dates and times: "1.º" → "primero", "3.er puesto" →
"tercer puesto", "siglo XXI" → "siglo veintiuno", "Felipe VI" → "Felipe sexto", "26 de
octubre de 2019", "26/10/2019", "14.30 h" → "catorce treinta", and the show's
`spoken_date`.
"""

from __future__ import annotations

import datetime as dt
import re

from briefing.script.normalize.context import keep_stop as _keep_stop
from briefing.script.normalize.context import words_before
from briefing.script.normalize.es.numbers import roman_value
from briefing.script.normalize.es.words import (
    MONTHS,
    WEEKDAYS,
    L,
    R,
    agree,
    capital_at_start,
    cardinal_int,
    gender,
    ordinal,
)
from briefing.script.normalize.scanner import Rule


def ordinal_day(day: int) -> str:
    """14 → "catorce"; 1 → "uno", as Spain says "el uno de enero" (the RAE allows
    "primero" too, more usual in America)."""
    return cardinal_int(day)


def spoken_date(date: dt.date) -> str:
    """ "miércoles catorce de enero"; "jueves uno de enero"."""
    return f"{WEEKDAYS[date.weekday()]} {ordinal_day(date.day)} de {MONTHS[date.month - 1]}"


# --- Roman numerals ---------------------------------------------------------------------------


def _roman_said(number: int, feminine: bool = False) -> str:
    """Kings, popes and centuries: an ordinal up to ten ("Felipe sexto", "Alfonso décimo"),
    a cardinal above ("Alfonso trece", "siglo veintiuno")."""
    return ordinal(number, feminine) if number <= 10 else cardinal_int(number)


REGNAL = (
    "Felipe Carlos Alfonso Fernando Enrique Pedro Jaime Juan Pablo Benedicto León Pío Gregorio "
    "Inocencio Clemente Luis Napoleón Jorge Eduardo Guillermo Federico Ricardo Sancho Ramiro "
    "Alejandro Nicolás Francisco Isabel María Juana Catalina Leonor Urbano Bonifacio Sixto "
    "Pablo Amadeo Constantino Gustavo Harald Olaf Balduino Alberto Rainiero Victoria"
).split()
_FEMININE_NAMES = frozenset("Isabel María Juana Catalina Leonor Victoria".split())


def _regnal(match: re.Match[str]) -> str | None:
    """ "Felipe VI" → "Felipe sexto"; "Alfonso XIII" → "Alfonso trece"; "Isabel II" →
    "Isabel segunda"."""
    number = roman_value(match["r"])
    if number is None or number > 40:
        return None
    return f"{match['name']} {_roman_said(number, match['name'] in _FEMININE_NAMES)}"


def _century(match: re.Match[str]) -> str | None:
    """ "siglo XXI" → "siglo veintiuno"; "s. XIX" → "siglo diecinueve"; "siglos XIX y XX"."""
    first = roman_value(match["r"])
    second = roman_value(match["r2"]) if match["r2"] else 0
    if first is None or second is None or first > 30 or second > 30:
        return None
    word = match["w"]
    plural = word.startswith("siglos") or word.startswith("ss") or word.startswith("Siglos")
    noun = ("Siglo" if word[0] == "S" else "siglo") + ("s" if plural else "")
    spoken = f"{noun} {_roman_said(first)}"
    if match["r2"]:
        spoken += f" {match['sep'] if match['sep'] in ('y', 'al', 'a') else 'al'} "
        spoken += _roman_said(second)
    return capital_at_start(spoken, match)


ROMAN_NOUNS = (
    "Guerra Guerras República Legislatura Congreso Juegos Cumbre Premio Festival Edición "
    "Conferencia Encuentro Asamblea Concilio Plan Jornada Jornadas Campeonato Reich "
    "Internacional Bienal Gala Feria Salón Foro Semana Maratón Centenario Aniversario "
    "Olimpiada Olimpiadas Copa Cruzada Mundial Distrito Edad Dinastía Festival Gobierno"
).split()
"""Nouns a Roman ordinal comes before: "la II Guerra Mundial" → "la Segunda Guerra Mundial"."""


def _roman_before_noun(match: re.Match[str]) -> str | None:
    number = roman_value(match["r"])
    if number is None:
        return None
    noun = match["noun"]
    spoken = ordinal(number, gender(noun) == "f", plural=noun.endswith("s"))
    if number in (1, 3) and gender(noun) == "m" and not noun.endswith("s"):
        spoken = spoken[:-1]  # "el III Congreso" → "el Tercer Congreso"
    return f"{spoken[0].upper()}{spoken[1:]} {noun}"


# --- dates ----------------------------------------------------------------------------------------

_SHORT_MONTHS = {m[:3]: m for m in MONTHS} | {"sept": "septiembre", "set": "septiembre"}
_MONTH = (
    r"(?:de\s+(?P<m>(?i:" + "|".join(MONTHS) + r"|setiembre))(?![\w-])"
    r"|(?P<ab>(?i:" + "|".join(sorted(_SHORT_MONTHS, key=len, reverse=True)) + r"))\.)"
)


def _month(written: str) -> str:
    written = written.lower()
    return "septiembre" if written == "setiembre" else _SHORT_MONTHS.get(written, written)


def _year_words(text: str) -> str:
    number = int(text)
    if len(text) == 2:
        number += 2000 if number < 50 else 1900
    return cardinal_int(number)


def _day_month(match: re.Match[str]) -> str:
    """ "26 de octubre de 2019" → "veintiséis de octubre de dos mil diecinueve"; "1 de
    enero" → "uno de enero"; "1.º de mayo" → "primero de mayo"."""
    day = int(match["d"])
    spoken = ordinal(day) if match["o"] else ordinal_day(day)
    spoken += f" de {_month(match['m'] or match['ab'])}"
    if match["y"]:
        spoken += f" {match['de']} {_year_words(match['y'])}"
    return capital_at_start(_keep_stop(spoken, match), match)


def _numeric_date(match: re.Match[str]) -> str | None:
    """ "26/10/2019" → "veintiséis de octubre de dos mil diecinueve"."""
    day, month = int(match["d"]), int(match["m"])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    spoken = f"{ordinal_day(day)} de {MONTHS[month - 1]} de {_year_words(match['y'])}"
    return capital_at_start(spoken, match)


# --- times ----------------------------------------------------------------------------------------


def _clock(hours: int, minutes: int, unit: bool = False, alone: bool = False) -> str:
    """14, 30 → "catorce treinta"; 9, 5 → "nueve cero cinco"; 21, 0 → "veintiuna"; with the
    written "h" and no minutes: "catorce horas"."""
    spoken = agree(cardinal_int(hours), "f")
    if minutes:
        return f"{spoken} {'cero ' if minutes < 10 else ''}{cardinal_int(minutes)}"
    if unit and hours != 1:
        return spoken + " horas"
    return spoken + " hora" if unit and alone else spoken


_ARTICLE = frozenset({"la", "las"})


def _time_h(match: re.Match[str]) -> str:
    """ "14.30 h" → "catorce treinta"; "14 h" → "catorce horas"; "a la 1 h" → "a la una";
    "durante 1 h" → "una hora"."""
    minutes = int(match["m"] or match["m2"] or 0)
    before = words_before(match, 1)
    alone = not (before and before[-1] in _ARTICLE)
    return capital_at_start(_clock(int(match["h"]), minutes, unit=True, alone=alone), match)


def _time_colon(match: re.Match[str]) -> str:
    return capital_at_start(_clock(int(match["h"]), int(match["m"])), match)


_TIME_BEFORE = frozenset("la las de desde hasta a y entre sobre hacia".split())
_TIME_AFTER = frozenset("a y e o u de del en para cuando hasta se el la los las con por".split())


def _time_dot(match: re.Match[str]) -> str | None:
    """ "a las 9.00" → "a las nueve"; "de 9.30 a 14.00" → "de nueve treinta a catorce":
    only after a word that asks for a time, and not before a unit ("1.50 metros")."""
    before = words_before(match, 1)
    after = re.match(r"\s+([^\W\d_]+)", match.string[match.end() :])
    if not (before and before[-1] in _TIME_BEFORE):
        return None
    if after and after[1].lower() not in _TIME_AFTER and not after[1].startswith("hora"):
        return None
    return capital_at_start(_clock(int(match["h"]), int(match["m"])), match)


def _race_time(match: re.Match[str]) -> str:
    """ "2:05:30" → "dos horas, cinco minutos y treinta segundos"."""
    hours, minutes, seconds = (int(match[k]) for k in ("h", "m", "s"))
    parts = [f"{agree(cardinal_int(hours), 'f')} {'hora' if hours == 1 else 'horas'}"]
    if minutes:
        parts.append(f"{agree(cardinal_int(minutes), 'm')} minuto{'s' if minutes != 1 else ''}")
    if seconds:
        parts.append(f"{agree(cardinal_int(seconds), 'm')} segundo{'s' if seconds != 1 else ''}")
    spoken = ", ".join(parts[:-1]) + " y " + parts[-1] if len(parts) > 1 else parts[0]
    return capital_at_start(spoken, match)


DATE_RULES: tuple[Rule, ...] = (
    Rule(
        "regnal number",
        r"\b(?P<name>" + "|".join(sorted(set(REGNAL), key=len, reverse=True)) + r")"
        r" (?P<r>[IVXL]+)(?![\w'’])",
        _regnal,
    ),
    Rule(
        "century",
        r"(?<![\w.])(?P<w>[sS]iglos?|ss?\.)\s?(?P<r>[IVXL]+)"
        r"(?:\s?(?P<sep>y|al|a|-|–)\s?(?P<r2>[IVXL]+))?(?![\w'’])",
        _century,
    ),
    Rule(
        "roman before a noun",
        r"\b(?P<r>[IVXLC]+) (?P<noun>" + "|".join(ROMAN_NOUNS) + r")\b",
        _roman_before_noun,
    ),
    Rule(
        "day month",
        L + r"(?P<d>[12]\d|3[01]|0?[1-9])(?P<o>\.?º)?\s+" + _MONTH + r"(?:\s+(?P<de>de|del)"
        r"\s+(?P<y>\d{4})" + R + ")?",
        _day_month,
    ),
    Rule(
        "numeric date",
        L + r"(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4}|\d{2})" + R,
        _numeric_date,
    ),
    Rule(
        "iso date",
        L + r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})" + R,
        _numeric_date,
    ),
    Rule(
        "race time",
        L + r"(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)" + R,
        _race_time,
    ),
    Rule(
        "time h",
        L + r"(?P<h>[01]?\d|2[0-4])(?:[.:](?P<m>[0-5]\d))?\s?(?:h|hs|hrs)(?P<m2>[0-5]\d)?(?![\w/])",
        _time_h,
    ),
    Rule("clock", L + r"(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)" + R, _time_colon),
    Rule("dot time", L + r"(?P<h>[01]?\d|2[0-3])\.(?P<m>[0-5]\d)" + R, _time_dot),
)
"""Regnal numbers, centuries, Roman ordinals, dates and times, in the scanner's order."""
