"""French ordinals, Roman numerals, dates and times: "1er" → "premier", "XXIe siècle",
"Louis XIV" → "Louis quatorze", "26/10/2019", "14 h 30" → "quatorze heures trente",
and the show's `spoken_date`.
"""

from __future__ import annotations

import datetime as dt
import re

from briefing.script.normalize.context import keep_stop as _keep_stop
from briefing.script.normalize.context import word_after
from briefing.script.normalize.fr.words import (
    MONTHS,
    WEEKDAYS,
    L,
    R,
    agree,
    capital_at_start,
    cardinal_int,
    ordinal,
)
from briefing.script.normalize.roman import roman_value as _roman_value
from briefing.script.normalize.scanner import Rule


def ordinal_day(day: int) -> str:
    """14 → "quatorze"; 1 → "premier", as in "le premier janvier"."""
    return "premier" if day == 1 else cardinal_int(day)


def spoken_date(date: dt.date) -> str:
    """ "mercredi quatorze janvier"; "jeudi premier janvier"."""
    return f"{WEEKDAYS[date.weekday()]} {ordinal_day(date.day)} {MONTHS[date.month - 1]}"


_FEMININE_SUFFIXES = frozenset({"re", "ère", "ière", "ʳᵉ", "nde", "de"})
_SUFFIX = (
    r"(?P<s>ers|er|res|re|ères|ère|ières|ière|ièmes|ième|èmes|ème|eme|e|è|nde|nd|ᵉʳ|ʳᵉ|ᵉ|ᵈᵉ|ᵈ)"
)


def _ordinal_words(number: int, suffix: str) -> str:
    if number == 2 and suffix in ("nd", "nde", "ᵈ", "ᵈᵉ"):
        return "seconde" if suffix in ("nde", "ᵈᵉ") else "second"
    words = ordinal(number, suffix.rstrip("s") in _FEMININE_SUFFIXES)
    return words + "s" if suffix.endswith("s") else words


def _ordinal(match: re.Match[str]) -> str:
    """ "1er" → "premier", "1re" → "première", "2e" → "deuxième", "2nd" → "second"."""
    return capital_at_start(_ordinal_words(int(match["n"]), match["s"]), match)


def roman_value(text: str) -> int | None:
    """ "XXI" → 21; None if `text` is no well-formed Roman numeral below 400."""
    return _roman_value(text, limit=400)


ROMAN_NOUNS = frozenset(
    "siècle siècles s République Empire Reich millénaire arrondissement Internationale "
    "Concile concile législature dynastie Assemblée Plan plan Congrès congrès Biennale "
    "Festival festival Sommet sommet Rencontres édition".split()
)
"""Nouns after which a one-letter Roman ordinal ("Ve République", "Xe siècle") is one:
"Ce" and "Le" alone are words."""


def _roman_ordinal(match: re.Match[str]) -> str | None:
    number = roman_value(match["r"])
    if number is None:
        return None
    alone = len(match["r"]) == 1 and match["s"] not in ("er", "re", "ᵉʳ", "ʳᵉ")
    if alone and word_after(match).rstrip(".") not in ROMAN_NOUNS:
        return None  # "Ce", "Le": words, unless a noun such as "siècle" follows
    spoken = _ordinal_words(number, match["s"])
    if match["c"]:
        spoken += " siècle"
    return capital_at_start(_keep_stop(spoken, match), match)


REGNAL = (
    "Louis Henri Charles François Napoléon Philippe Jean Jean-Paul Benoît Pie Léon Guillaume "
    "Frédéric Nicolas Pierre Alexandre George Georges Édouard Richard Elizabeth Élisabeth "
    "Victor-Emmanuel Jacques Paul Grégoire Innocent Clément Boniface Urbain Alphonse "
    "Ferdinand Felipe Albert Baudouin Léopold Rainier Harald Olav Gustave Christian Charles-Quint"
).split()


def _regnal(match: re.Match[str]) -> str | None:
    """ "Louis XIV" → "Louis quatorze"; "François Ier" → "François premier"; "le pont
    George-V" → "le pont George-cinq"."""
    number = roman_value(match["r"])
    if number is None or number > 40 or match["r"] in ("L", "C"):
        return None
    if match["er"] or number == 1:
        said = "première" if match["name"] in ("Elizabeth", "Élisabeth") else "premier"
    else:
        said = cardinal_int(number)
    return f"{match['name']}{match['sep']}{said}"


# --- dates and times ----------------------------------------------------------------------------


def _numeric_date(match: re.Match[str]) -> str | None:
    """ "26/10/2019" → "vingt-six octobre deux mille dix-neuf"; "01/02/20" → "premier février
    deux mille vingt"."""
    day, month = int(match["d"]), int(match["m"])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    year = int(match["y"])
    if len(match["y"]) == 2:
        year += 2000 if year < 50 else 1900
    spoken = f"{ordinal_day(day)} {MONTHS[month - 1]} {cardinal_int(year)}"
    return capital_at_start(spoken, match)


def _iso_date(match: re.Match[str]) -> str | None:
    day, month = int(match["d"]), int(match["m"])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    spoken = f"{ordinal_day(day)} {MONTHS[month - 1]} {cardinal_int(int(match['y']))}"
    return capital_at_start(spoken, match)


def hours(number: int) -> str:
    """0 → "zéro heure"; 1 → "une heure"; 21 → "vingt et une heures"."""
    if number == 0:
        return "zéro heure"
    return agree(cardinal_int(number), "heure") + (" heure" if number == 1 else " heures")


def _time(match: re.Match[str]) -> str:
    """ "14 h 30", "14h30", "9h15", "14:30", "14 h" → "quatorze heures trente"."""
    spoken = hours(int(match["h"]))
    if match["m"] and int(match["m"]):
        spoken += " " + agree(cardinal_int(int(match["m"])), "minute")
    return capital_at_start(spoken, match)


def _around_the_clock(match: re.Match[str]) -> str | None:
    """ "24h/24" → "vingt-quatre heures sur vingt-quatre"; "7j/7" → "sept jours sur sept"."""
    if match["a"] != match["b"]:
        return None
    number = cardinal_int(int(match["a"]))
    unit = "heures" if match["u"] == "h" else "jours"
    return f"{agree(number, 'heure') if unit == 'heures' else number} {unit} sur {number}"


DATE_RULES: tuple[Rule, ...] = (
    Rule(
        "regnal number",
        r"\b(?P<name>"
        + "|".join(sorted(REGNAL, key=len, reverse=True))
        + r")(?P<sep>[ -])(?P<r>[IVXL]+)(?P<er>er|re)?(?![\w'’])",
        _regnal,
    ),
    Rule(
        "roman ordinal",
        r"\b(?P<r>[IVXLC]+)" + _SUFFIX + r"(?![\w])(?P<c>\s?s\.(?=\s|$))?",
        _roman_ordinal,
    ),
    Rule(
        "numeric date",
        L + r"(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4}|\d{2})" + R,
        _numeric_date,
    ),
    Rule("iso date", L + r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})" + R, _iso_date),
    Rule(
        "around the clock", L + r"(?P<a>24|7)\s?(?P<u>h|j)\s?/\s?(?P<b>24|7)" + R, _around_the_clock
    ),
    Rule(
        "time",
        L + r"(?P<h>[01]?\d|2[0-4])\s?h\s?(?P<m>[0-5]\d)?(?![\w/])",
        _time,
    ),
    Rule("clock", L + r"(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)" + R, _time),
)
"""Regnal numbers, Roman ordinals, dates and times, in the scanner's order."""


ORDINAL_RULES: tuple[Rule, ...] = (
    Rule("ordinal", L + r"(?P<n>\d+)" + _SUFFIX + r"(?![\w])", _ordinal),
)
"""The ordinal rule ("1er", "2e"), asked after units and before codes."""
