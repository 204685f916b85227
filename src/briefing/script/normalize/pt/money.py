"""Portuguese money, per cent and units: "5,50 €" → "cinco euros e cinquenta cêntimos",
"R$ 20" → "vinte reais", "3 M€" → "três milhões de euros", "12 %" → "doze por cento",
"2 p.p." → "dois pontos percentuais", "120 km/h" → "cento e vinte quilómetros por hora".
"""

from __future__ import annotations

import re
from typing import NamedTuple

from briefing.script.normalize.context import keep_stop
from briefing.script.normalize.pt.words import (
    NUM,
    L,
    agree,
    capital_at_start,
    cardinal,
    cardinal_int,
    feminine,
    is_temperature,
    span_word,
    value,
)
from briefing.script.normalize.scanner import Rule


class Currency(NamedTuple):
    """How one currency is said: "euro", "euros", its "cêntimo(s)", and its gender."""

    one: str
    many: str
    sub_one: str
    sub_many: str
    female: bool = False


EURO = Currency("euro", "euros", "cêntimo", "cêntimos")
REAL = Currency("real", "reais", "centavo", "centavos")
DOLLAR = Currency("dólar", "dólares", "cêntimo", "cêntimos")
POUND = Currency("libra", "libras", "", "", True)
CURRENCIES = {
    "€": EURO,
    "EUR": EURO,
    "euros": EURO,
    "euro": EURO,
    "R$": REAL,
    "BRL": REAL,
    "reais": REAL,
    "real": REAL,
    "US$": Currency("dólar americano", "dólares americanos", "cêntimo", "cêntimos"),
    "USD": DOLLAR,
    "$": DOLLAR,
    "dólares": DOLLAR,
    "dólar": DOLLAR,
    "£": POUND,
    "GBP": POUND,
    "libras": POUND,
    "CHF": Currency("franco suíço", "francos suíços", "cêntimo", "cêntimos"),
}
_SYMBOL = r"US\$|R\$|€|\$|£|\b(?:EUR|BRL|USD|GBP|CHF)\b"
_CURRENCY = _SYMBOL + r"|\b(?:euros?|reais|real|dólares|dólar|libras)\b"
SCALES = {
    "mil": ("mil", "mil"),
    "M": ("milhão", "milhões"),
    "milhão": ("milhão", "milhões"),
    "milhões": ("milhão", "milhões"),
    "mil milhões": ("mil milhões", "mil milhões"),
    "bilhão": ("bilhão", "bilhões"),
    "bilhões": ("bilhão", "bilhões"),
    "bilião": ("bilião", "biliões"),
    "biliões": ("bilião", "biliões"),
}
_SCALE = r"(?:mil milhões|milhões|milhão|bilhões|bilhão|biliões|bilião|mil|M)"


def _amount(number: str, currency: Currency) -> str:
    words = cardinal(number)
    return feminine(words) if currency.female else words


def _scaled(number: str, scale: str, currency: Currency) -> str:
    """ "1,2" "mil milhões" → "um vírgula dois mil milhões de euros"; "20" "mil" → "vinte
    mil euros"; "2" "mil" in pounds → "duas mil libras"."""
    one, many = SCALES[scale]
    if one == "mil":
        return f"{_amount(number, currency)} mil {currency.many}"
    noun = scale if scale != "M" else one if number == "1" else many
    return f"{cardinal(number)} {noun} de {currency.many}"


def _money(match: re.Match[str]) -> str:
    """ "5,50 €" → "cinco euros e cinquenta cêntimos"; "0,50 €" → "cinquenta cêntimos";
    "R$ 1,5 bilhão" → "um vírgula cinco bilhão de reais"; "5-10 €" → "cinco a dez euros"."""
    currency = CURRENCIES[match["c"] or match["c2"]]
    number, scale = match["n"] or match["n2"], match["s"] or match["s2"]
    start = f"{_amount(match['a'], currency)} {span_word(match)} " if match["a"] else ""
    if scale:
        return capital_at_start(start + _scaled(number, scale, currency), match)
    whole, _, cents = number.replace(".", "").replace(" ", "").partition(",")
    if cents and len(cents) != 2:
        unit = currency.one if value(number) < 2 else currency.many
        return capital_at_start(f"{start}{cardinal(number)} {unit}", match)
    units, sub = int(whole or "0"), int(cents or "0")
    if units == 0 and sub and not start and currency.sub_many:
        return capital_at_start(f"{cardinal_int(sub)} {_sub(currency, sub)}", match)
    unit = currency.one if units == 1 else currency.many
    spoken = f"{start}{_amount(str(units), currency)} {unit}"
    if sub:
        spoken += f" e {cardinal_int(sub)} {_sub(currency, sub)}".rstrip()
    return capital_at_start(spoken, match)


def _sub(currency: Currency, count: int) -> str:
    return currency.sub_one if count == 1 else currency.sub_many


def _percent(match: re.Match[str]) -> str:
    """ "12%" → "doze por cento"; "-0,5 %" → "menos zero vírgula cinco por cento"; "5-10%"
    → "cinco a dez por cento"; "2 p.p." → "dois pontos percentuais"."""
    sign = "menos " if match["neg"] else ""
    span = f"{cardinal(match['a'])} {span_word(match)} " if match["a"] else ""
    number = cardinal(match["n"])
    if match["u"] == "‰":
        return capital_at_start(f"{sign}{span}{number} por mil", match)
    if not match["pp"]:
        return capital_at_start(f"{sign}{span}{number} por cento", match)
    noun = "ponto percentual" if match["n"] == "1" else "pontos percentuais"
    spoken = keep_stop(f"{sign}{span}{number} {noun}", match, before_capital=True)
    return capital_at_start(spoken, match)


UNITS = {
    "km/h": ("quilómetro por hora", "quilómetros por hora"),
    "km²": ("quilómetro quadrado", "quilómetros quadrados"),
    "m²": ("metro quadrado", "metros quadrados"),
    "m³": ("metro cúbico", "metros cúbicos"),
    "km": ("quilómetro", "quilómetros"),
    "kg": ("quilo", "quilos"),
    "g": ("grama", "gramas"),
    "mg": ("miligrama", "miligramas"),
    "cm": ("centímetro", "centímetros"),
    "mm": ("milímetro", "milímetros"),
    "m": ("metro", "metros"),
    "ºC": ("grau", "graus"),
    "°C": ("grau", "graus"),
    "º C": ("grau", "graus"),
    "° C": ("grau", "graus"),
    "°": ("grau", "graus"),
    "º": ("grau", "graus"),
    "ha": ("hectare", "hectares"),
    "kWh": ("quilowatt-hora", "quilowatts-hora"),
    "kW": ("quilowatt", "quilowatts"),
    "MW": ("megawatt", "megawatts"),
    "GW": ("gigawatt", "gigawatts"),
    "min": ("minuto", "minutos"),
    "h": ("hora", "horas"),
    "s": ("segundo", "segundos"),
    "hm³": ("hectómetro cúbico", "hectómetros cúbicos"),
}
_UNIT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))


def _unit(match: re.Match[str]) -> str | None:
    """ "5 km" → "cinco quilómetros"; "-2 ºC" → "menos dois graus"; "1 h" → "uma hora"; "3
    mil km" → "três mil quilómetros"; "30º" only after "máxima de" and the like."""
    unit = match["u"]
    if unit == "º" and not is_temperature(match):
        return None  # "3º": an ordinal
    if unit == "h" and value(match["n"]) <= 24 and not match["sc"]:
        return None  # "14h": a time
    one, many = UNITS[unit]
    number = match["n"]
    noun = one if number == "1" and not match["sc"] else many
    words = agree(cardinal(number), many.split()[0])
    if match["sc"]:
        words += " " + match["sc"]
        noun = many if match["sc"] == "mil" else f"de {many}"
    sign = "menos " if match["neg"] else ""
    return capital_at_start(f"{sign}{words} {noun}", match)


def _times(match: re.Match[str]) -> str:
    """ "4x100 m" → "quatro por cem metros"; "3x4" → "três por quatro"; a score written
    "2 x 1" → "dois a um"."""
    first, second = cardinal(match["a"]), cardinal(match["b"])
    unit = f" {UNITS[match['u']][1]}" if match["u"] else ""
    score = " x " in match[0] and not unit and max(value(match["a"]), value(match["b"])) < 20
    return capital_at_start(f"{first} {'a' if score else 'por'} {second}{unit}", match)


_SPAN = r"(?:(?P<a>" + NUM + r")\s?[-–]\s?)?"

MONEY_RULES: tuple[Rule, ...] = (
    Rule(
        "money",
        r"(?:"
        + L
        + _SPAN
        + r"(?P<n>"
        + NUM
        + r")\s?(?:(?P<s>"
        + _SCALE
        + r")\s?)?(?P<c>"
        + _CURRENCY
        + r")|(?<![\w.,])(?P<c2>"
        + _SYMBOL
        + r")\s?(?P<n2>"
        + NUM
        + r")(?:\s(?P<s2>"
        + _SCALE
        + r")\b)?)(?![\w%]|[.,]\d|[-–]\d)",
        _money,
    ),
    Rule(
        "per cent",
        r"(?:(?<![\w.,)])(?P<neg>-)|"
        + L
        + r")"
        + _SPAN
        + r"(?P<n>"
        + NUM
        + r")\s?(?:(?P<u>%|‰)|(?P<pp>p\.\s?p\.))",
        _percent,
    ),
    Rule(
        "times",
        L
        + r"(?P<a>"
        + NUM
        + r")\s?[x×]\s?(?P<b>"
        + NUM
        + r")(?:\s?(?P<u>"
        + _UNIT
        + r"))?(?![\w²³/])",
        _times,
    ),
    Rule(
        "unit",
        r"(?:(?<![\w.,)])(?P<neg>-)|"
        + L
        + r")(?P<n>"
        + NUM
        + r")(?:\s(?P<sc>mil|milhões|milhão)\s)?\s?(?P<u>"
        + _UNIT
        + r")(?![\w²³/])",
        _unit,
    ),
)
"""Money, per cent and unit rules, in the scanner's order."""
