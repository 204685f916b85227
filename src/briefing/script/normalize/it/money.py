"""Italian money, per cent and units: "5,50 euro" and "€ 5,50" → "cinque euro e cinquanta",
"1,2 miliardi di euro" → "uno virgola due miliardi di euro", "1,5 mln" → "un milione e
mezzo", "12%" → "dodici percento", "5 km" → "cinque chilometri".
"""

from __future__ import annotations

import re
from typing import NamedTuple

from briefing.script.normalize.context import keep_stop as _keep_stop
from briefing.script.normalize.it.words import (
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
    """How one currency is said: "euro", "euro" and its "centesimo", "centesimi"."""

    one: str
    many: str
    sub_one: str
    sub_many: str


EURO = Currency("euro", "euro", "centesimo", "centesimi")
DOLLAR = Currency("dollaro", "dollari", "centesimo", "centesimi")
POUND = Currency("sterlina", "sterline", "penny", "pence")
FRANC = Currency("franco svizzero", "franchi svizzeri", "centesimo", "centesimi")
CURRENCIES = {
    "€": EURO,
    "EUR": EURO,
    "euro": EURO,
    "$": DOLLAR,
    "USD": DOLLAR,
    "dollari": DOLLAR,
    "dollaro": DOLLAR,
    "£": POUND,
    "sterline": POUND,
    "sterlina": POUND,
    "CHF": FRANC,
}
_CURRENCY = r"(?:€|\$|£|\bEUR\b|\bUSD\b|\bCHF\b|\beuro\b|\bdollar[io]\b|\bsterlin[ae]\b)"
_SYMBOL = r"(?:€|\$|£|\bEUR\b|\bUSD\b|\bCHF\b)"
SCALES = {
    "mila": ("mila", "mila"),
    "milione": ("milione", "milioni"),
    "milioni": ("milione", "milioni"),
    "mln": ("milione", "milioni"),
    "miliardo": ("miliardo", "miliardi"),
    "miliardi": ("miliardo", "miliardi"),
    "mld": ("miliardo", "miliardi"),
    "mrd": ("miliardo", "miliardi"),
}
_SCALE = r"(?:mila|milion[ei]|miliard[oi]|mln|mld|mrd)\b\.?"


def scaled(number: str, scale: str) -> str:
    """ "1,2" "miliardi" → "uno virgola due miliardi"; "1" "mln" → "un milione"; "2,5"
    "milioni" → "due milioni e mezzo"; "0,5" "milioni" → "mezzo milione"; "50" "mila" →
    "cinquantamila"; "1,5" "mila" → "millecinquecento"."""
    one, many = SCALES[scale.rstrip(".").lower()]
    amount = value(number)
    if one == "mila":
        if (amount * 1000).is_integer():
            return cardinal_int(int(amount * 1000))
        return f"{cardinal(number)} mila"
    whole, _, fraction = number.replace(".", "").partition(",")
    if fraction == "5":
        if whole in ("", "0"):
            return f"mezzo {one}"
        head = f"un {one}" if whole == "1" else f"{agree(cardinal_int(int(whole)), many)} {many}"
        return head + " e mezzo"
    if number == "1":
        return f"un {one}"
    return f"{agree(cardinal(number), many)} {many}"


def _money(match: re.Match[str]) -> str:
    """ "5,50 euro" → "cinque euro e cinquanta"; "€ 10.000" → "diecimila euro"; "0,50 €" →
    "cinquanta centesimi"; "1,2 mld di euro" → "uno virgola due miliardi di euro"."""
    currency = CURRENCIES[match["c"] or match["c2"]]
    number, scale = match["n"] or match["n2"], match["s"] or match["s2"]
    if scale:
        words = scaled(number, scale)
        big = words.endswith(("milione", "milioni", "miliardo", "miliardi", "mezzo"))
        link = " di " if big else " "
        return capital_at_start(f"{words}{link}{currency.many}", match)
    whole, _, cents = number.replace(".", "").partition(",")
    if cents and len(cents) != 2:
        return capital_at_start(f"{cardinal(number)} {currency.many}", match)
    units, sub = int(whole or "0"), int(cents or "0")
    if units == 0 and sub:
        noun = currency.sub_one if sub == 1 else currency.sub_many
        return capital_at_start(f"{agree(cardinal_int(sub), noun)} {noun}", match)
    noun = currency.one if units == 1 else currency.many
    spoken = f"{agree(cardinal_int(units), noun)} {noun}"
    if sub:
        spoken += f" e {cardinal_int(sub)}"
    return capital_at_start(spoken, match)


def _scale(match: re.Match[str]) -> str:
    """ "3 mln." at a sentence's end keeps its stop; "1,5 milioni" → "un milione e mezzo"."""
    spoken = _keep_stop(scaled(match["n"], match["s"]), match, before_capital=True)
    return capital_at_start(spoken, match)


def _percent(match: re.Match[str]) -> str:
    """ "12%" → "dodici percento"; "+2,3%" → "più due virgola tre percento"; "10-15%" →
    "dieci-quindici percento"."""
    sign = {"-": "meno ", "–": "meno ", "+": "più "}.get(match["sign"] or "", "")
    first = f"{cardinal(match['a'])}-" if match["a"] else ""
    return capital_at_start(f"{sign}{first}{cardinal(match['n'])} percento", match)


UNITS = {
    "km/h": ("chilometro orario", "chilometri orari"),
    "km²": ("chilometro quadrato", "chilometri quadrati"),
    "kmq": ("chilometro quadrato", "chilometri quadrati"),
    "m²": ("metro quadrato", "metri quadrati"),
    "mq": ("metro quadrato", "metri quadrati"),
    "m³": ("metro cubo", "metri cubi"),
    "mc": ("metro cubo", "metri cubi"),
    "km": ("chilometro", "chilometri"),
    "kg": ("chilo", "chili"),
    "cm": ("centimetro", "centimetri"),
    "mm": ("millimetro", "millimetri"),
    "m": ("metro", "metri"),
    "°C": ("grado", "gradi"),
    "° C": ("grado", "gradi"),
    "ha": ("ettaro", "ettari"),  # only before a stop or "di": "5 ha perso" is a verb
    "kWh": ("chilowattora", "chilowattora"),
    "kW": ("chilowatt", "chilowatt"),
    "MW": ("megawatt", "megawatt"),
    "GW": ("gigawatt", "gigawatt"),
    "min": ("minuto", "minuti"),
}
_UNIT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True) if u != "ha") + (
    r"|ha(?=[,.;:)]|$|\s+di\s)"
)


def _unit(match: re.Match[str]) -> str:
    """ "5 km" → "cinque chilometri"; "1 kg" → "un chilo"; "2,5 km" → "due chilometri e
    mezzo"; "-3 °C" → "meno tre gradi"."""
    one, many = UNITS[match["u"]]
    number = match["n"]
    sign = "meno " if match["neg"] else ""
    whole, _, fraction = number.replace(".", "").partition(",")
    if fraction == "5" and whole not in ("", "0"):
        noun = one if whole == "1" else many
        words = agree(cardinal_int(int(whole)), noun.split()[0])
        return capital_at_start(f"{sign}{words} {noun} e mezzo", match)
    if number == "1":
        return capital_at_start(f"{sign}{agree('uno', one.split()[0])} {one}", match)
    return capital_at_start(f"{sign}{agree(cardinal(number), many.split()[0])} {many}", match)


MONEY_RULES: tuple[Rule, ...] = (
    Rule(
        "money",
        r"(?:"
        + L
        + r"(?P<n>"
        + NUM
        + r")\s?(?:(?P<s>"
        + _SCALE
        + r")(?:\s+di)?\s?)?(?P<c>"
        + _CURRENCY
        + r")|(?<![\w.,])(?P<c2>"
        + _SYMBOL
        + r")\s?(?P<n2>"
        + NUM
        + r")(?:\s?(?P<s2>"
        + _SCALE
        + r"))?)(?![\w%]|[.,]\d)",
        _money,
    ),
    Rule(
        "per cent",
        r"(?:(?<![\w.,)])(?P<sign>[-–+])|"
        + L
        + r")(?:(?P<a>"
        + NUM
        + r")[-–])?(?P<n>"
        + NUM
        + r")\s?%",
        _percent,
    ),
    Rule("scale", L + r"(?P<n>" + NUM + r")\s?(?P<s>" + _SCALE + r")", _scale),
    Rule(
        "unit",
        r"(?:(?<![\w.,)])(?P<neg>[-–])|"
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
