"""German ordinals, dates and times: the ordinal's ending from the words before it
("am 26." → "sechsundzwanzigsten"), day-month, numeric and ISO dates, regnal numbers,
clock times, and the show's `spoken_date`.
"""

from __future__ import annotations

import datetime as dt
import re

from briefing.script.normalize.context import keep_stop as _keep_stop
from briefing.script.normalize.context import words_before
from briefing.script.normalize.de.words import (
    _MONTH_ABBREVIATIONS,
    MONTHS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    L,
    R,
    capital_at_start,
    cardinal_int,
    ordinal,
    word_after,
    year,
)
from briefing.script.normalize.roman import roman_value as _roman_value
from briefing.script.normalize.scanner import Rule


def ordinal_day(day: int) -> str:
    """14 → "vierzehnten", as in "am vierzehnten Januar"."""
    return ordinal(day, "n")


def spoken_date(date: dt.date) -> str:
    """ "Mittwoch, den vierzehnten Januar"."""
    return f"{WEEKDAYS[date.weekday()]}, den {ordinal_day(date.day)} {MONTHS[date.month - 1]}"


MASCULINE = frozenset(
    "Platz Stock Rang Weltkrieg Spieltag Geburtstag Jahrestag Todestag Advent Tag Monat Teil "
    "Band Lauf Satz Durchgang Versuch Anlauf Wahlgang Parteitag Bezirk Kongress Bürgermeister "
    "Vorsitzender Senat Grad FC Preis Sieg Titel Abschnitt Juli".split()
) | frozenset(MONTHS)
NEUTER = frozenset(
    "Mal Jahrhundert Jh Jhd Jahrtausend Jahr Jahrzehnt Kapitel Obergeschoss OG Quartal "
    "Halbjahr Semester Rennen Spiel Buch Gebot Programm Gesetz Album Treffen Viertel Finale "
    "Konzert Festival Lebensjahr Schuljahr".split()
)
FEMININE_ORDINAL = frozenset(
    "Liga Bundesliga Klasse Etage Runde Auflage Ausgabe Lesung Stelle Sinfonie Symphonie "
    "Staffel Folge Woche Halbzeit Minute Kammer Division Armee Republik Sitzung Instanz Reihe "
    "Stufe Welle Saison Strophe Wahl Legislaturperiode Amtszeit Generation Etappe".split()
)
_ORDINAL_NOUNS = MASCULINE | NEUTER | FEMININE_ORDINAL

_WEAK_N = frozenset(
    "am im vom zum zur beim dem den des einem einen einer eines ab bis jedem jeden jeder "
    "diesem diesen dieser dieses seinem seinen seiner seines ihrem ihren ihrer ihres unserem "
    "unseren unserer unseres ihr sein unser".split()
)
"""Words after which the ordinal ends in -en ("am ersten", "bis zum dritten", "ab ersten")."""
_WEAK_E = frozenset("die das ins ans aufs fürs ums diese jede jedes seine ihre unsere eine".split())
_STRONG_M = frozenset("seit nach vor mit von aus bei zu gegenüber".split())
"""Prepositions with the dative and no article: "seit erstem Januar"."""
_PREPOSITIONS = _STRONG_M | frozenset("in an auf für über unter um durch gegen ohne hinter".split())
_WEEKDAY_WORDS = frozenset(w.lower() for w in WEEKDAYS) | frozenset(
    w.lower() for w in WEEKDAY_ABBREVIATIONS
)


def _gender(noun: str) -> str:
    noun = noun.rstrip(".")
    if noun in NEUTER:
        return "n"
    if noun in FEMININE_ORDINAL:
        return "f"
    return "m"


def _ending(before: list[str], gender: str = "m") -> str:
    """The ending of an ordinal after `before` (lower case, nearest last): "n" after "am",
    "" after "der", "m" after "seit", and alone "r" (masculine, as months are), "s"
    (neuter) or "" (feminine)."""
    word = before[-1] if before else ""
    if word in _WEAK_N:
        return "n"
    if word == "der":
        return "n" if len(before) > 1 and before[-2] in _PREPOSITIONS else ""
    if word in _WEAK_E:
        return ""
    if word in _STRONG_M:
        return "m"
    return {"m": "r", "n": "s", "f": ""}[gender]


_CHAIN = re.compile(r"\d{1,2}\.\s*(?:und|oder|sowie|bis|bzw\.|,|[-–])\s*$")
"""An ordinal before this one in a list or span: "am 5. und 6. Mai" ends both like "am"."""
_WEEKDAY_BEFORE = re.compile(
    r"\b(?:" + "|".join(WEEKDAYS) + r"|(?:Mo|Di|Mi|Do|Fr|Sa|So)\.),?\s*$", re.IGNORECASE
)


def ordinal_ending(match: re.Match[str], gender: str = "m") -> str:
    """The ending of the ordinal the match starts with, from the words before it, looking
    past earlier ordinals of a list ("am 5. und 6.") and a weekday ("am Freitag, 16.")."""
    start = match.start()
    text = match.string
    while chain := _CHAIN.search(text, max(0, start - 30), start):
        start = chain.start()
    before = words_before(match, 2, start)
    if before and before[-1] in _WEEKDAY_WORDS:
        weekday = _WEEKDAY_BEFORE.search(text, max(0, start - 30), start)
        if weekday is not None:
            earlier = words_before(match, 2, weekday.start())
            known = earlier and (earlier[-1] in _WEAK_N or earlier[-1] in _STRONG_M)
            return _ending(earlier, gender) if known else "r"
    return _ending(before, gender)


def _month(written: str) -> int:
    written = written.rstrip(".")
    if written in MONTHS:
        return MONTHS.index(written) + 1
    return 1 if written == "Jänner" else _MONTH_ABBREVIATIONS[written]


def _year_words(text: str) -> str:
    value = int(text)
    if len(text) == 2:
        value += 2000 if value < 50 else 1900
    return year(value)


def _day_month(match: re.Match[str]) -> str:
    ending = ordinal_ending(match)
    spoken = ordinal(int(match["d"]), ending)
    if match["d2"]:
        spoken += f" bis {ordinal(int(match['d2']), 'n' if ending == 'r' else ending)}"
    spoken += " " + MONTHS[_month(match["m"]) - 1]
    if match["y"]:
        spoken += " " + year(int(match["y"]))
    return capital_at_start(_keep_stop(spoken, match), match)


_DATE_WORDS = _WEAK_N | _WEAK_E | _STRONG_M | {"der"} | _WEEKDAY_WORDS


def _numeric_date(match: re.Match[str]) -> str | None:
    day, month = int(match["d"]), int(match["m"])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    before = words_before(match, 1)
    if not match["y"] and not (before and before[-1] in _DATE_WORDS):
        return None  # "26.10." alone may be something else
    spoken = f"{ordinal(day, ordinal_ending(match))} {MONTHS[month - 1]}"
    if match["y"]:
        spoken += " " + _year_words(match["y"])
    return capital_at_start(_keep_stop(spoken, match), match)


def _iso_date(match: re.Match[str]) -> str | None:
    day, month = int(match["d"]), int(match["m"])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    spoken = f"{ordinal(day, ordinal_ending(match))} {MONTHS[month - 1]} {year(int(match['y']))}"
    return capital_at_start(spoken, match)


def _ordinal(match: re.Match[str]) -> str | None:
    """ "im 1. Stock", "der 3. Platz", "am 5. und 6." (a small word after the stop is no new
    sentence); None where the stop may end a sentence ("Er wurde 50. Die …")."""
    noun = word_after(match)
    before = words_before(match, 2)
    article = bool(before) and (
        before[-1] in _WEAK_N or before[-1] in _WEAK_E or before[-1] in {"der", "ein"}
    )
    if not (noun[:1].islower() or noun.rstrip(".") in _ORDINAL_NOUNS or article):
        return None
    gender = _gender(noun)
    if before and before[-1] == "ein":
        ending = {"m": "r", "n": "s", "f": ""}[gender]
    else:
        ending = ordinal_ending(match, gender)
    return capital_at_start(ordinal(int(match["n"]), ending), match)


REGNAL = (
    "Ludwig Karl Friedrich Wilhelm Heinrich Otto Elisabeth Benedikt Johannes Paul Pius Leo "
    "Georg Konrad Maximilian Rudolf Albrecht Philipp Gregor Innozenz Clemens Franz Joseph "
    "Ferdinand Leopold Gustav Christian Karl-Gustav Edward Eduard Richard Henry Charles Louis"
).split()


def roman_value(text: str) -> int | None:
    """ "XXI" → 21; None if `text` is no well-formed Roman numeral below 400."""
    return _roman_value(text, limit=400)


def _regnal(match: re.Match[str]) -> str | None:
    """ "Ludwig XIV." → "Ludwig der Vierzehnte"; after a preposition "dem Vierzehnten"."""
    value = roman_value(match["r"])
    if value is None:
        return None
    before = words_before(match, 1)
    if before and before[-1] in _PREPOSITIONS:
        title = "dem " + ordinal(value, "n").capitalize()
    else:
        title = "der " + ordinal(value).capitalize()
    return _keep_stop(f"{match['name']} {title}", match)


def _hour(hours: int) -> str:
    return "ein" if hours == 1 else cardinal_int(hours)


def _clock(hours: int, minutes: int) -> str:
    spoken = f"{_hour(hours)} Uhr"
    return spoken + (f" {cardinal_int(minutes)}" if minutes else "")


def _time_uhr(match: re.Match[str]) -> str:
    return capital_at_start(_clock(int(match["h"]), int(match["m"] or 0)), match)


_TIME_WORDS = frozenset("um ab gegen bis von seit zwischen nach vor und oder".split())
_SPORT = frozenset(
    "gewann gewannen gewinnt siegte siegten siegt verlor verloren verliert sieg niederlage "
    "endstand halbzeit spiel spielte spielten unentschieden remis tore tor".split()
)


def _time_bare(match: re.Match[str]) -> str | None:
    """ "um 14:30", "ab 9.15": a time where a time word comes before (or a colon, which a
    score would need a sporting word for)."""
    before = words_before(match, 6)
    if before and before[-1] in _TIME_WORDS:
        return capital_at_start(_clock(int(match["h"]), int(match["m"])), match)
    if match["sep"] == ":" and not set(before) & _SPORT:
        return capital_at_start(_clock(int(match["h"]), int(match["m"])), match)
    return None


_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_MONTH_NAME = (
    r"(?P<m>(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|"
    r"November|Dezember)(?![\w-])|(?:"
    + "|".join(sorted(_MONTH_ABBREVIATIONS, key=len, reverse=True))
    + r")\.)"
)


DATE_RULES: tuple[Rule, ...] = (
    Rule(
        "regnal number",
        r"\b(?P<name>" + "|".join(REGNAL) + r") (?P<r>[IVXLC]+)\.(?=\s|$)",
        _regnal,
    ),
    Rule(
        "day month",
        L
        + r"(?P<d>"
        + _DAY
        + r")\.(?:\s?[-–]\s?(?P<d2>"
        + _DAY
        + r")\.)?\s"
        + _MONTH_NAME
        + r"(?:\s(?P<y>\d{4})(?!\d))?"
        + r"(?![\w%€]|[.,:/-]\d)",
        _day_month,
    ),
    Rule(
        "numeric date",
        L + r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?:(?P<y>\d{4}|\d{2})" + R + r"|(?!\d))",
        _numeric_date,
    ),
    Rule("iso date", L + r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})" + R, _iso_date),
    Rule(
        "time",
        L + r"(?P<h>[01]?\d|2[0-4])(?:[.:](?P<m>[0-5]\d))?\s?(?:Uhr\b|h\b)",
        _time_uhr,
    ),
    Rule("bare time", L + r"(?P<h>[01]?\d|2[0-3])(?P<sep>[.:])(?P<m>[0-5]\d)" + R, _time_bare),
)
"""Regnal numbers, dates and times, in the order the scanner asks them."""


ORDINAL_RULES: tuple[Rule, ...] = (Rule("ordinal", L + r"(?P<n>\d{1,3})\.(?=[ \t]+\S)", _ordinal),)
"""The ordinal rule, asked after codes and before scores and spans."""
