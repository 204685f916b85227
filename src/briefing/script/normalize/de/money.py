"""German money, per cent and units: "5,50 €" → "fünf Euro fünfzig", "1,2 Mrd." → "eins
Komma zwei Milliarden", "12 %" → "zwölf Prozent", "5 km" → "fünf Kilometer".
"""

from __future__ import annotations

import re
from typing import NamedTuple

from briefing.script.normalize.context import keep_stop as _keep_stop
from briefing.script.normalize.de.words import (
    NUM,
    L,
    before_noun,
    capital_at_start,
    cardinal,
    cardinal_int,
)
from briefing.script.normalize.scanner import Rule


class Currency(NamedTuple):
    """How one currency is said: "Euro" and its "Cent"."""

    name: str
    sub: str


EURO = Currency("Euro", "Cent")
CURRENCIES = {
    "€": EURO,
    "EUR": EURO,
    "Euro": EURO,
    "$": Currency("Dollar", "Cent"),
    "US$": Currency("US-Dollar", "Cent"),
    "USD": Currency("US-Dollar", "Cent"),
    "Dollar": Currency("Dollar", "Cent"),
    "£": Currency("Pfund", "Pence"),
    "Pfund": Currency("Pfund", "Pence"),
    "CHF": Currency("Franken", "Rappen"),
    "Franken": Currency("Franken", "Rappen"),
}
_CURRENCY = r"(?:US\$|€|\$|£|\bEUR\b|\bUSD\b|\bCHF\b|\bEuro\b|\bDollar\b|\bPfund\b|\bFranken\b)"
SCALES = {
    "Mio.": ("Million", "Millionen"),
    "Mio": ("Million", "Millionen"),
    "Million": ("Million", "Millionen"),
    "Millionen": ("Million", "Millionen"),
    "Mrd.": ("Milliarde", "Milliarden"),
    "Mrd": ("Milliarde", "Milliarden"),
    "Milliarde": ("Milliarde", "Milliarden"),
    "Milliarden": ("Milliarde", "Milliarden"),
    "Bio.": ("Billion", "Billionen"),
    "Billion": ("Billion", "Billionen"),
    "Billionen": ("Billion", "Billionen"),
    "Tsd.": ("tausend", "tausend"),
}
_SCALE = (
    r"(?:Mio\.|Mrd\.|Bio\.|Tsd\.|"
    r"(?:Mio|Mrd|Millionen|Million|Milliarden|Milliarde|Billionen|Billion)\b)"
)


def _scaled(number: str, scale: str) -> str:
    """ "1,2" "Mrd." → "eins Komma zwei Milliarden"; "1" "Mio." → "eine Million"."""
    one, many = SCALES[scale]
    if one == "tausend":
        return f"{cardinal(number)} tausend" if "," in number else cardinal(number) + "tausend"
    if number == "1":
        return f"eine {one}"
    return f"{cardinal(number)} {many}"


def _money(match: re.Match[str]) -> str:
    """ "5,50 €" → "fünf Euro fünfzig"; "0,80 €" → "achtzig Cent"; "1,2 Mrd. Euro" → "eins
    Komma zwei Milliarden Euro"; "€ 5" → "fünf Euro"."""
    currency = CURRENCIES[match["c"] or match["c2"]]
    number, scale = match["n"] or match["n2"], match["s"] or match["s2"]
    if scale:
        return capital_at_start(f"{_scaled(number, scale)} {currency.name}", match)
    whole, _, cents = number.replace(".", "").replace(" ", "").partition(",")
    if cents and len(cents) != 2:
        return capital_at_start(f"{cardinal(number)} {currency.name}", match)
    euros, sub = int(whole or "0"), int(cents or "0")
    if euros == 0 and sub:
        spoken = f"{before_noun(cardinal_int(sub), currency.sub)} {currency.sub}"
    else:
        spoken = f"{before_noun(cardinal_int(euros), currency.name)} {currency.name}"
        if sub:
            spoken += f" {cardinal_int(sub)}"
    return capital_at_start(spoken, match)


def _scale(match: re.Match[str]) -> str:
    return capital_at_start(_keep_stop(_scaled(match["n"], match["s"]), match), match)


def _percent(match: re.Match[str]) -> str:
    number = match["n"]
    words = "ein" if number == "1" else cardinal(number)
    unit = "Promille" if match["u"] == "‰" else "Prozent"
    return capital_at_start(("minus " if match["neg"] else "") + f"{words} {unit}", match)


UNITS = {
    "km/h": "Kilometer pro Stunde",
    "km²": "Quadratkilometer",
    "m²": "Quadratmeter",
    "m³": "Kubikmeter",
    "km": "Kilometer",
    "kg": "Kilogramm",
    "cm": "Zentimeter",
    "mm": "Millimeter",
    "°C": "Grad Celsius",
    "°": "Grad",
    "ha": "Hektar",
    "kWh": "Kilowattstunden",
    "MW": "Megawatt",
    "GW": "Gigawatt",
    "kW": "Kilowatt",
}
_UNIT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))


def _unit(match: re.Match[str]) -> str:
    unit = UNITS[match["u"]]
    number = match["n"]
    if number == "1":
        words = "eine" if unit == "Kilowattstunden" else "ein"
        unit = "Kilowattstunde" if unit == "Kilowattstunden" else unit
    else:
        words = cardinal(number)
    return capital_at_start(("minus " if match["neg"] else "") + f"{words} {unit}", match)


MONEY_RULES: tuple[Rule, ...] = (
    Rule(
        "money",
        r"(?:"
        + L
        + r"(?P<n>"
        + NUM
        + r")\s?(?:(?P<s>"
        + _SCALE
        + r")\s?)?(?P<c>"
        + _CURRENCY
        + r")|(?<![\w.,])(?P<c2>US\$|€|\$|£|\bCHF\b|\bEUR\b)\s?(?P<n2>"
        + NUM
        + r")(?:\s?(?P<s2>"
        + _SCALE
        + r"))?)(?![\w%]|[.,]\d)",
        _money,
    ),
    Rule(
        "per cent",
        r"(?:(?<![\w.,)])(?P<neg>-)|"
        + L
        + r")(?P<n>"
        + NUM
        + r")\s?(?:(?P<u>%|‰)|Prozent\b)(?![\w%])",
        _percent,
    ),
    Rule("scale", L + r"(?P<n>" + NUM + r")\s?(?P<s>" + _SCALE + r")", _scale),
    Rule(
        "unit",
        r"(?:(?<![\w.,)])(?P<neg>-)|"
        + L
        + r")(?P<n>"
        + NUM
        + r")\s?(?P<u>"
        + _UNIT
        + r")(?![\w²³/])",
        _unit,
    ),
)
"""Money, per cent, scale and unit rules, in the scanner's order."""
