"""Letters with numbers: M25, A380, Q3, G7, 5G, B-52, PS5, H5N1, CO2, Boeing 737.

The letters stay as written for the voice to spell; the number is said as a number, and
three digits as aircraft and roads are said ("A380" → "A three eighty")."""

from __future__ import annotations

import re

from briefing.script.normalize.scanner import L, R, Rule
from briefing.script.normalize.words import cardinal_int, digits, three_digits, year

FORMULAS = {
    "CO2": "C O two",
    "H2O": "H two O",
    "NO2": "N O two",
    "SO2": "S O two",
    "CH4": "C H four",
    "N2O": "N two O",
    "PM2.5": "PM two point five",
}
"""Chemical formulas, said letter by letter."""

_PIECE = re.compile(r"(\d+)")


def code_number(text: str) -> str:
    """The number in a code: 25 → "twenty-five", 380 → "three eighty", 07 → "oh seven"."""
    if len(text) > 1 and text[0] == "0":
        return digits(text)
    if len(text) == 3:
        return three_digits(text)
    if len(text) == 4:
        value = int(text)
        return year(value) if 1100 <= value <= 2099 and value != 2000 else cardinal_int(value)
    return cardinal_int(int(text))


def _code(match: re.Match[str]) -> str | None:
    text = match[0]
    if text in FORMULAS:
        return FORMULAS[text]
    if len(match["n"]) > 4:
        return None
    parts = [p for p in _PIECE.split(text.replace("-", " ")) if p.strip()]
    return " ".join(code_number(p) if p.isdigit() else p.strip() for p in parts)


def _number_letters(match: re.Match[str]) -> str | None:
    if set(match["l"]) <= set("IVX"):
        return None  # "17II" is no code anyone says
    return f"{cardinal_int(int(match['n']))} {match['l']}"


def _boeing(match: re.Match[str]) -> str:
    spoken = f"{match['b']} {digits(match['n'])}" if match["b"] else digits(match["n"])
    if match["v"]:
        spoken += " " + cardinal_int(int(match["v"]))
    return spoken


RULES = (
    Rule("formula", r"(?<![\w-])(?:CO2|H2O|NO2|SO2|CH4|N2O|PM2\.5)(?![\w.]\w)", _code),
    Rule(
        "Boeing",
        r"\b(?:(?P<b>Boeing)\s|(?=7\d7 (?:Max|MAX|Dreamliner)\b))(?P<n>7[0-9]7)(?:-(?P<v>\d00))?"
        + R,
        _boeing,
    ),
    Rule(
        "letters and number",
        r"(?<![\w'’@#/.,:°%+&£$€¥₹-])(?:[A-Z]{1,5}|[A-Z][a-z]{1,6}[A-Z]{0,3})-?(?P<n>\d+)(?:[A-Z]{1,2}\d{1,2})*(?:[A-Z]{1,2}(?![a-z]))?"
        + R,
        _code,
    ),
    Rule(
        "number and letters",
        L + r"(?P<n>\d{1,2})(?P<l>[A-Z]{1,3})(?![\w'’]|-\d|\.\w)",
        _number_letters,
    ),
)
