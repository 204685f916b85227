"""Spanish money, per cent and units: "5,50 €" → "cinco euros con cincuenta céntimos",
"1,2 M€" → "uno coma dos millones de euros", "US$ 20" → "veinte dólares estadounidenses",
"12 %" → "doce por ciento", "21 ha" → "veintiuna hectáreas", "-3 ºC" → "tres grados bajo
cero".
"""

from __future__ import annotations

import re
from typing import NamedTuple

from briefing.script.normalize.context import keep_stop as _keep_stop
from briefing.script.normalize.context import words_before
from briefing.script.normalize.es.words import (
    NUM,
    L,
    agree,
    capital_at_start,
    cardinal,
    cardinal_int,
)
from briefing.script.normalize.scanner import Rule


class Currency(NamedTuple):
    """How one currency is said: "euro", "euros", its "céntimo(s)" and its gender."""

    one: str
    many: str
    sub_one: str
    sub_many: str
    gender: str = "m"


EURO = Currency("euro", "euros", "céntimo", "céntimos")
DOLLAR = Currency("dólar", "dólares", "centavo", "centavos")
US_DOLLAR = Currency("dólar estadounidense", "dólares estadounidenses", "centavo", "centavos")
POUND = Currency("libra", "libras", "penique", "peniques", "f")
CURRENCIES = {
    "€": EURO,
    "EUR": EURO,
    "euros": EURO,
    "euro": EURO,
    "$": DOLLAR,
    "dólares": DOLLAR,
    "dólar": DOLLAR,
    "US$": US_DOLLAR,
    "USD": US_DOLLAR,
    "£": POUND,
    "libras": POUND,
    "CHF": Currency("franco suizo", "francos suizos", "céntimo", "céntimos"),
    "¥": Currency("yen", "yenes", "sen", "sen"),
}
_CURRENCY = r"(?:US\$|€|\$|£|¥|\bEUR\b|\bUSD\b|\bCHF\b|\beuros?\b|\bdólar(?:es)?\b|\blibras\b)"
_SYMBOL = r"(?:US\$|€|\$|£|¥|\bEUR\b|\bUSD\b|\bCHF\b)"
SCALES = {
    "M": ("millón", "millones"),
    "mill.": ("millón", "millones"),
    "mll.": ("millón", "millones"),
    "millón": ("millón", "millones"),
    "millones": ("millón", "millones"),
    "mil millones": ("mil millones", "mil millones"),
    "k": ("mil", "mil"),
}
_SCALE = r"(?:mil millones|millones|millón|mill\.|mll\.|M|k)"


def _scaled(number: str, scale: str) -> str:
    """ "1,2" "M" → "uno coma dos millones"; "1" "M" → "un millón"; "20" "k" → "veinte
    mil"."""
    one, many = SCALES[scale]
    if one == "mil":
        return "mil" if number == "1" else f"{agree(cardinal(number), 'm')} mil"
    if number == "1":
        return "un " + one if one == "millón" else one
    words = cardinal(number) if "," in number else agree(cardinal(number), "m")
    return f"{words} {many}"


def _amount(number: str, currency: Currency) -> str:
    """ "5,50" → "cinco euros con cincuenta céntimos"; "0,50" → "cincuenta céntimos";
    "2.000.000" → "dos millones de euros"; "21" → "veintiún euros"."""
    whole, _, cents = number.replace(".", "").replace(" ", "").partition(",")
    if cents and len(cents) != 2:
        return f"{cardinal(number)} {currency.many}"
    units, sub = int(whole or "0"), int(cents or "0")
    sub_words = (
        f"{agree(cardinal_int(sub), 'm')} {currency.sub_one if sub == 1 else currency.sub_many}"
    )
    if units == 0 and sub:
        return sub_words
    words = agree(cardinal_int(units), currency.gender)
    name = currency.one if units == 1 else currency.many
    link = " de " if words.endswith(("millón", "millones")) else " "
    return f"{words}{link}{name}" + (f" con {sub_words}" if sub else "")


def _money(match: re.Match[str]) -> str:
    """ "5,50 €", "€ 5", "US$ 20", "1,2 M€", "3.000 mill. de euros", "$ 1,5 millones"."""
    currency = CURRENCIES[match["c"] or match["c2"]]
    number, scale = match["n"] or match["n2"], match["s"] or match["s2"]
    if scale:
        spoken = f"{_scaled(number, scale)} de {currency.many}"
        if SCALES[scale][0] == "mil":
            spoken = spoken.replace(" de ", " ")
    else:
        spoken = _amount(number, currency)
    if match["per"]:
        spoken += " por " + PER[match["per"]]
    return capital_at_start(spoken, match)


PER = {
    "MWh": "megavatio hora",
    "kWh": "kilovatio hora",
    "kg": "kilo",
    "l": "litro",
    "m²": "metro cuadrado",
    "m2": "metro cuadrado",
    "mes": "mes",
    "año": "año",
    "h": "hora",
}
"""What an amount is per: "150 €/MWh" → "ciento cincuenta euros por megavatio hora"."""


def _scale(match: re.Match[str]) -> str:
    """ "3.000 mill. de euros" → "tres mil millones de euros"."""
    return capital_at_start(_keep_stop(_scaled(match["n"], match["s"]), match), match)


def _percent(match: re.Match[str]) -> str:
    """ "12 %" → "doce por ciento"; "100 %" → "cien por cien"; "-0,5 %" → "menos cero coma
    cinco por ciento"; "3 ‰" → "tres por mil"."""
    number = match["n"]
    sign = "menos " if match["neg"] else ""
    if match["u"] == "‰":
        return capital_at_start(f"{sign}{cardinal(number)} por mil", match)
    unit = "por cien" if number == "100" else "por ciento"
    return capital_at_start(f"{sign}{cardinal(number)} {unit}", match)


UNITS = {
    "km/h": ("kilómetro por hora", "kilómetros por hora", "m"),
    "km²": ("kilómetro cuadrado", "kilómetros cuadrados", "m"),
    "km2": ("kilómetro cuadrado", "kilómetros cuadrados", "m"),
    "l/m²": ("litro por metro cuadrado", "litros por metro cuadrado", "m"),
    "l/m2": ("litro por metro cuadrado", "litros por metro cuadrado", "m"),
    "m²": ("metro cuadrado", "metros cuadrados", "m"),
    "m2": ("metro cuadrado", "metros cuadrados", "m"),
    "m³": ("metro cúbico", "metros cúbicos", "m"),
    "m3": ("metro cúbico", "metros cúbicos", "m"),
    "km": ("kilómetro", "kilómetros", "m"),
    "kg": ("kilo", "kilos", "m"),
    "cm": ("centímetro", "centímetros", "m"),
    "mm": ("milímetro", "milímetros", "m"),
    "mg": ("miligramo", "miligramos", "m"),
    "m": ("metro", "metros", "m"),
    "g": ("gramo", "gramos", "m"),
    "ha": ("hectárea", "hectáreas", "f"),
    "°C": ("grado", "grados", "m"),
    "ºC": ("grado", "grados", "m"),
    "° C": ("grado", "grados", "m"),
    "º C": ("grado", "grados", "m"),
    "°": ("grado", "grados", "m"),
    "kWh": ("kilovatio hora", "kilovatios hora", "m"),
    "MWh": ("megavatio hora", "megavatios hora", "m"),
    "kW": ("kilovatio", "kilovatios", "m"),
    "MW": ("megavatio", "megavatios", "m"),
    "GW": ("gigavatio", "gigavatios", "m"),
    "min": ("minuto", "minutos", "m"),
    "p. p.": ("punto porcentual", "puntos porcentuales", "m"),
    "p.p.": ("punto porcentual", "puntos porcentuales", "m"),
}
_UNIT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))


def _unit(match: re.Match[str]) -> str:
    """ "5 km" → "cinco kilómetros"; "1 km" → "un kilómetro"; "21 ha" → "veintiuna
    hectáreas"; "-3 ºC" → "tres grados bajo cero"."""
    one, many, noun_gender = UNITS[match["u"]]
    number = match["n"]
    noun = one if number == "1" else many
    words = cardinal(number) if "," in number else agree(cardinal(number), noun_gender)
    if match["neg"] and one == "grado" and match["u"] != "°":
        return capital_at_start(f"{words} {noun} bajo cero", match)
    sign = "menos " if match["neg"] else ""
    if match["a"]:
        link = "y" if words_before(match, 1) == ["entre"] else "a"
        sign = f"{sign}{cardinal(match['a'])} {link} "
    return capital_at_start(_keep_stop(f"{sign}{words} {noun}", match), match)


def _per_area(match: re.Match[str]) -> str:
    """ "5,50 € por m²" → "… por metro cuadrado"."""
    return {"m²": "metro cuadrado", "m2": "metro cuadrado", "km²": "kilómetro cuadrado"}[match[0]]


MONEY_RULES: tuple[Rule, ...] = (
    Rule(
        "money",
        r"(?:"
        + L
        + r"(?P<n>"
        + NUM
        + r")\s?(?:(?P<s>"
        + _SCALE
        + r")\s?(?:de\s)?)?(?P<c>"
        + _CURRENCY
        + r")|(?<![\w.,])(?P<c2>"
        + _SYMBOL
        + r")\s?(?P<n2>"
        + NUM
        + r")(?:\s?(?P<s2>"
        + _SCALE
        + r")(?![\w]))?)(?:/(?P<per>MWh|kWh|kg|l|m²|m2|mes|año|h)(?![\w²]))?(?![\w%]|[.,]\d)",
        _money,
    ),
    Rule(
        "per cent",
        r"(?:(?<![\w.,)])(?P<neg>-)|" + L + r")(?P<n>" + NUM + r")\s?(?P<u>%|‰)",
        _percent,
    ),
    Rule("scale", L + r"(?P<n>" + NUM + r")\s?(?P<s>mill\.|mll\.)", _scale),
    Rule(
        "unit",
        r"(?:(?<![\w.,)])(?P<neg>-)|"
        + L
        + r")(?:(?P<a>"
        + NUM
        + r")\s?[-–]\s?)?(?P<n>"
        + NUM
        + r")\s?(?P<u>"
        + _UNIT
        + r")(?![\w²³/])",
        _unit,
    ),
    Rule("per area", r"(?<=\bpor )(?:km²|m²|m2)(?![\w²³/])", _per_area),
)
"""Money, per cent, scale and unit rules, in the scanner's order."""
