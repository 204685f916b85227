"""French money, per cent and units: "5,50 €" → "cinq euros cinquante", "1,2 M€", "12 %"
→ "douze pour cent", "5 km" → "cinq kilomètres".
"""

from __future__ import annotations

import re
from typing import NamedTuple

from briefing.script.normalize.fr.words import (
    NUM,
    L,
    agree,
    capital_at_start,
    cardinal,
    cardinal_int,
    value,
)
from briefing.script.normalize.scanner import Rule


class Currency(NamedTuple):
    """How one currency is said: "euro", "euros" and its "centime(s)"."""

    one: str
    many: str
    sub_one: str
    sub_many: str


EURO = Currency("euro", "euros", "centime", "centimes")
DOLLAR = Currency("dollar", "dollars", "cent", "cents")
CURRENCIES = {
    "€": EURO,
    "EUR": EURO,
    "euros": EURO,
    "euro": EURO,
    "$": DOLLAR,
    "US$": Currency("dollar américain", "dollars américains", "cent", "cents"),
    "dollars": DOLLAR,
    "£": Currency("livre", "livres", "penny", "pence"),
    "CHF": Currency("franc suisse", "francs suisses", "centime", "centimes"),
}
_CURRENCY = r"(?:US\$|€|\$|£|\bEUR\b|\bCHF\b|\beuros?\b|\bdollars\b)"
SCALES = {
    "M": ("million", "millions"),
    "Md": ("milliard", "milliards"),
    "Mds": ("milliard", "milliards"),
    "Mrd": ("milliard", "milliards"),
    "Mrds": ("milliard", "milliards"),
    "million": ("million", "millions"),
    "millions": ("million", "millions"),
    "milliard": ("milliard", "milliards"),
    "milliards": ("milliard", "milliards"),
    "k": ("mille", "mille"),
}
_SCALE = r"(?:Mds|Mrds|Md|Mrd|M|k|millions|million|milliards|milliard)"


def _money(match: re.Match[str]) -> str:
    """ "5,50 €" → "cinq euros cinquante"; "10 000 €" → "dix mille euros"; "0,50 €" →
    "cinquante centimes"; "1,2 M€" → "un virgule deux million d'euros"."""
    currency = CURRENCIES[match["c"] or match["c2"]]
    number, scale = match["n"] or match["n2"], match["s"] or match["s2"]
    amount = value(number)
    if scale:
        one, many = SCALES[scale]
        if one == "mille":
            words = cardinal(number)
            unit = currency.many if amount * 1000 >= 2 else currency.one
            return capital_at_start(f"{'' if words == 'un' else words + ' '}mille {unit}", match)
        noun = many if amount >= 2 else one
        link = "d'" if currency.many[0] in "aeiouéè" else "de "
        return capital_at_start(f"{cardinal(number)} {noun} {link}{currency.many}", match)
    whole, _, cents = number.replace(" ", "").partition(",")
    if cents and len(cents) != 2:
        unit = currency.many if amount >= 2 else currency.one
        return capital_at_start(f"{cardinal(number)} {unit}", match)
    units, sub = int(whole or "0"), int(cents or "0")
    if units == 0 and sub:
        unit = currency.sub_one if sub == 1 else currency.sub_many
        return capital_at_start(f"{cardinal_int(sub)} {unit}", match)
    unit = currency.one if units < 2 else currency.many
    spoken = f"{cardinal_int(units)} {unit}"
    if sub:
        spoken += f" {cardinal_int(sub)}"
    return capital_at_start(spoken, match)


def _percent(match: re.Match[str]) -> str:
    sign = "moins " if match["neg"] else ""
    return capital_at_start(f"{sign}{cardinal(match['n'])} pour cent", match)


UNITS = {
    "km/h": ("kilomètre-heure", "kilomètres-heure"),
    "km²": ("kilomètre carré", "kilomètres carrés"),
    "m²": ("mètre carré", "mètres carrés"),
    "m³": ("mètre cube", "mètres cubes"),
    "km": ("kilomètre", "kilomètres"),
    "kg": ("kilo", "kilos"),
    "cm": ("centimètre", "centimètres"),
    "mm": ("millimètre", "millimètres"),
    "°C": ("degré", "degrés"),
    "°": ("degré", "degrés"),
    "ha": ("hectare", "hectares"),
    "kWh": ("kilowattheure", "kilowattheures"),
    "MW": ("mégawatt", "mégawatts"),
    "GW": ("gigawatt", "gigawatts"),
    "min": ("minute", "minutes"),
}
_UNIT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))


def _unit(match: re.Match[str]) -> str:
    one, many = UNITS[match["u"]]
    number = match["n"]
    noun = one if value(number) < 2 else many
    words = cardinal(number)
    if match["u"] == "min":
        words = agree(words, "minute")
    sign = "moins " if match["neg"] else ""
    return capital_at_start(f"{sign}{words} {noun}", match)


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
        + r")\b)?)(?![\w%]|[.,]\d)",
        _money,
    ),
    Rule(
        "per cent",
        r"(?:(?<![\w.,)])(?P<neg>-)|" + L + r")(?P<n>" + NUM + r")\s?%",
        _percent,
    ),
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
"""Money, per cent and unit rules, in the scanner's order."""
