"""Dutch money, per cent and units: "€ 5,50" → "vijf euro vijftig", "€ 25,-" →
"vijfentwintig euro", "1,2 mld. euro" → "één komma twee miljard euro", "12%" → "twaalf
procent", "120 km/u" → "honderdtwintig kilometer per uur".
"""

from __future__ import annotations

import re
from typing import NamedTuple

from briefing.script.normalize.context import keep_stop as _keep_stop
from briefing.script.normalize.nl.words import (
    NUM,
    L,
    capital_at_start,
    cardinal,
    cardinal_int,
    value,
)
from briefing.script.normalize.scanner import Rule


class Currency(NamedTuple):
    """How one currency is said: "euro" and its "cent" (Dutch says neither in the
    plural after a number)."""

    name: str
    sub: str


EURO = Currency("euro", "cent")
DOLLAR = Currency("dollar", "cent")
POUND = Currency("pond", "pence")
CURRENCIES = {
    "€": EURO,
    "EUR": EURO,
    "euro": EURO,
    "$": DOLLAR,
    "US$": Currency("Amerikaanse dollar", "cent"),
    "USD": Currency("Amerikaanse dollar", "cent"),
    "dollar": DOLLAR,
    "£": POUND,
    "pond": POUND,
    "CHF": Currency("Zwitserse frank", "rappen"),
}
_CURRENCY = r"(?:US\$|€|\$|£|\bEUR\b|\bUSD\b|\bCHF\b|\beuro\b|\bdollar\b|\bpond\b)"
_SIGN = r"(?P<c2>US\$|€|\$|£|\bCHF\b|\bEUR\b)"

SCALES = {
    "duizend": "duizend",
    "mln": "miljoen",
    "mln.": "miljoen",
    "miljoen": "miljoen",
    "mld": "miljard",
    "mld.": "miljard",
    "mrd": "miljard",
    "mrd.": "miljard",
    "miljard": "miljard",
    "bln": "biljoen",
    "bln.": "biljoen",
    "biljoen": "biljoen",
}
"""Scale words and their shortenings; Dutch never puts them in the plural after a number
("twee miljoen")."""
_SCALE = r"(?:(?:mln|mld|mrd|bln)\.|(?:mln|mld|mrd|bln|miljoen|miljard|biljoen|duizend)\b)"


def _scaled(number: str, scale: str) -> str:
    """ "1,2" "mld." → "één komma twee miljard"; "3" "mln" → "drie miljoen"."""
    return f"{cardinal(number)} {SCALES[scale]}"


def _money(match: re.Match[str]) -> str:
    """ "€ 5,50" → "vijf euro vijftig"; "€ 0,80" → "tachtig cent"; "€ 25,-" → "vijfentwintig
    euro"; "1,2 miljard euro" → "één komma twee miljard euro"; "€ 3 mln." → "drie miljoen
    euro"."""
    currency = CURRENCIES[match["c"] or match["c2"]]
    number, scale = match["n"] or match["n2"], match["s"] or match["s2"]
    if scale:
        spoken = f"{_scaled(number, scale)} {currency.name}"
        return capital_at_start(_keep_stop(spoken, match), match)
    whole, _, cents = number.replace(".", "").partition(",")
    if cents and len(cents) != 2:
        return capital_at_start(f"{cardinal(number)} {currency.name}", match)
    units, sub = int(whole or "0"), int(cents or "0")
    if units == 0 and sub:
        return capital_at_start(f"{cardinal_int(sub)} {currency.sub}", match)
    spoken = f"{cardinal_int(units)} {currency.name}"
    if sub:
        spoken += f" {cardinal_int(sub)}"
    return capital_at_start(spoken, match)


def _scale(match: re.Match[str]) -> str:
    """ "3 mln. inwoners" → "drie miljoen inwoners"."""
    return capital_at_start(_keep_stop(_scaled(match["n"], match["s"]), match), match)


def _percent(match: re.Match[str]) -> str:
    unit = "promille" if match["u"] == "‰" else "procent"
    sign = "min " if match["neg"] else ""
    return capital_at_start(f"{sign}{cardinal(match['n'])} {unit}", match)


UNITS = {
    "km/u": ("kilometer per uur", "kilometer per uur"),
    "km/h": ("kilometer per uur", "kilometer per uur"),
    "km²": ("vierkante kilometer", "vierkante kilometer"),
    "km2": ("vierkante kilometer", "vierkante kilometer"),
    "m²": ("vierkante meter", "vierkante meter"),
    "m2": ("vierkante meter", "vierkante meter"),
    "m³": ("kubieke meter", "kubieke meter"),
    "m3": ("kubieke meter", "kubieke meter"),
    "km": ("kilometer", "kilometer"),
    "kg": ("kilo", "kilo"),
    "cm": ("centimeter", "centimeter"),
    "mm": ("millimeter", "millimeter"),
    "m": ("meter", "meter"),
    "°C": ("graad", "graden"),
    "°": ("graad", "graden"),
    "ha": ("hectare", "hectare"),
    "kWh": ("kilowattuur", "kilowattuur"),
    "MW": ("megawatt", "megawatt"),
    "GW": ("gigawatt", "gigawatt"),
    "kW": ("kilowatt", "kilowatt"),
    "min.": ("minuut", "minuten"),
    "min": ("minuut", "minuten"),
}
"""Units after a number: one and more (Dutch keeps most measures singular: "vijf
kilometer"); "°C" is "graden", as the weather forecast says it."""
_UNIT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))


def _unit(match: re.Match[str]) -> str:
    """ "5 km" → "vijf kilometer"; "-5 °C" → "min vijf graden"; "1,5 °C" → "één komma vijf
    graad" (a measure under two is singular)."""
    one, many = UNITS[match["u"]]
    number = match["n"]
    noun = one if value(number) < 2 and not match["neg"] else many
    sign = "min " if match["neg"] else ""
    return capital_at_start(_keep_stop(f"{sign}{cardinal(number)} {noun}", match), match)


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
        + r")|(?<![\w.,])"
        + _SIGN
        + r"\s?(?P<n2>"
        + NUM
        + r")(?:,-{1,2}|(?:\s?(?P<s2>"
        + _SCALE
        + r")))?)(?![\w%]|[.,]\d)",
        _money,
    ),
    Rule(
        "per cent",
        r"(?:(?<![\w.,)])(?P<neg>-)|"
        + L
        + r")(?P<n>"
        + NUM
        + r")\s?(?:(?P<u>%|‰)|procent\b)(?![\w%])",
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
