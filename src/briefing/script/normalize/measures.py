"""Units, temperatures and measures used as adjectives: 3.5km, 70mph, 6ft 2in, -5C, 30°C,
a 5kg bag, the 100m sprint."""

from __future__ import annotations

import re

from briefing.script.normalize.money import NOT_A_NOUN
from briefing.script.normalize.scanner import NUM, L, R, Rule, alternatives, word_after, word_before
from briefing.script.normalize.words import cardinal

UNITS = {
    "km": ("kilometre", "kilometres"),
    "kms": ("kilometre", "kilometres"),
    "kg": ("kilogram", "kilograms"),
    "kgs": ("kilogram", "kilograms"),
    "mph": ("mile per hour", "miles per hour"),
    "km/h": ("kilometre per hour", "kilometres per hour"),
    "kmh": ("kilometre per hour", "kilometres per hour"),
    "kph": ("kilometre per hour", "kilometres per hour"),
    "m/s": ("metre per second", "metres per second"),
    "cm": ("centimetre", "centimetres"),
    "mm": ("millimetre", "millimetres"),
    "ft": ("foot", "feet"),
    "mi": ("mile", "miles"),
    "lb": ("pound", "pounds"),
    "lbs": ("pound", "pounds"),
    "oz": ("ounce", "ounces"),
    "mg": ("milligram", "milligrams"),
    "ml": ("millilitre", "millilitres"),
    "GW": ("gigawatt", "gigawatts"),
    "MW": ("megawatt", "megawatts"),
    "kW": ("kilowatt", "kilowatts"),
    "kWh": ("kilowatt hour", "kilowatt hours"),
    "MWh": ("megawatt hour", "megawatt hours"),
    "GWh": ("gigawatt hour", "gigawatt hours"),
    "TWh": ("terawatt hour", "terawatt hours"),
    "ha": ("hectare", "hectares"),
    "sq km": ("square kilometre", "square kilometres"),
    "km2": ("square kilometre", "square kilometres"),
    "km²": ("square kilometre", "square kilometres"),
    "m²": ("square metre", "square metres"),
    "sq ft": ("square foot", "square feet"),
    "GB": ("gigabyte", "gigabytes"),
    "TB": ("terabyte", "terabytes"),
    "MB": ("megabyte", "megabytes"),
    "GB/s": ("gigabyte per second", "gigabytes per second"),
    "GHz": ("gigahertz", "gigahertz"),
    "MHz": ("megahertz", "megahertz"),
    "Mbps": ("megabit per second", "megabits per second"),
    "mpg": ("mile per gallon", "miles per gallon"),
    "°C": ("degree Celsius", "degrees Celsius"),
    "°F": ("degree Fahrenheit", "degrees Fahrenheit"),
    "°": ("degree", "degrees"),
}
GLUED_UNITS = {
    "m": ("metre", "metres"),
    "in": ("inch", "inches"),
    "g": ("gram", "grams"),
    "l": ("litre", "litres"),
    "C": ("degree Celsius", "degrees Celsius"),
    "F": ("degree Fahrenheit", "degrees Fahrenheit"),
    "st": ("stone", "stone"),
    "hr": ("hour", "hours"),
    "hrs": ("hour", "hours"),
    "mins": ("minute", "minutes"),
    "min": ("minute", "minutes"),
}
"""Units read only when written against the number (`12in`, `5g`, `30C`): with a space
they are words ("5 in 10", "Plan C")."""

METRES_WORDS = frozenset(
    "sprint hurdles race freestyle backstroke breaststroke butterfly medley relay "
    "steeplechase final dash title record champion heat semi-final tall high long wide "
    "deep away above below from across".split()
)
"""Words after `100m` that make the m metres rather than million."""
ATHLETICS = frozenset(
    "sprint hurdles race freestyle backstroke breaststroke butterfly medley relay "
    "steeplechase final dash title record champion heat semi-final".split()
)

_SPAN = r"(?:(?P<a>" + NUM + r")\s?[-–]\s?)?"
_UNIT = (
    L
    + r"(?P<sign>[-−])?"
    + _SPAN
    + r"(?P<n>"
    + NUM
    + r")(?:(?P<glue>"
    + alternatives(GLUED_UNITS)
    + r")|(?P<hy>-)?\s?(?P<u>"
    + alternatives(UNITS)
    + r"))(?![/²])"
    + R
)


def _adjective(match: re.Match[str], unit: str) -> bool:
    after = word_after(match)
    return (
        word_before(match) in ("a", "an", "the", "this", "that", "its", "their", "his", "her")
        and after.isalpha()
        and after.islower()
        and after not in NOT_A_NOUN
        and " per " not in unit
        and after not in ATHLETICS
    )


def _metres(match: re.Match[str]) -> bool:
    """Whether the m of "100m" is metres: before an event or a dimension, or a distance
    run on a track ("the 1500m")."""
    if word_after(match).lower() in METRES_WORDS:
        return True
    track = match["n"].replace(",", "") in ("1500", "3000", "5000", "10000")
    return track or (word_before(match) == "the" and match["n"] in ("100", "200", "400", "800"))


def _say(number: str, sign: str | None, symbol: str = "") -> str:
    words = cardinal(number)
    if symbol == "m" and re.fullmatch(r"1[1-9]00", number):
        words = cardinal(number[:2]) + " hundred"
    return ("minus " if sign else "") + words


def _unit(match: re.Match[str]) -> str | None:
    symbol = match["glue"] or match["u"]
    one, many = GLUED_UNITS.get(symbol) or UNITS[symbol]
    number = match["n"]
    if symbol == "m" and not _metres(match):
        return None
    if symbol == "in" and not number.isdigit():
        return None
    if symbol == "st" and number.endswith("1") and not number.endswith("11"):
        return None  # "21st" is an ordinal
    adjective = bool(match["hy"]) or (symbol != "m" and _adjective(match, one))
    spoken = _say(number, match["sign"] if not match["a"] else None, symbol)
    if match["a"]:
        spoken = f"{_say(match['a'], match['sign'], symbol)} to {spoken}"
    if adjective and not match["a"]:
        return f"{spoken}-{one.replace(' ', '-')}"
    plural = many if match["a"] or number.replace(",", "") not in ("1", "1.0") else one
    return f"{spoken} {plural}"


def _feet_inches(match: re.Match[str]) -> str:
    feet = f"{cardinal(match['ft'])} {'foot' if match['ft'] == '1' else 'feet'}"
    inches = match["in"]
    return f"{feet} {cardinal(inches)} {'inch' if inches == '1' else 'inches'}"


RULES = (
    Rule(
        "feet and inches",
        L + r"(?P<ft>\d{1,2})\s?(?:ft|')\s?(?P<in>\d{1,2}(?:\.\d)?)\s?(?:in\b|ins\b|\"|'')" + R,
        _feet_inches,
    ),
    Rule("unit", _UNIT, _unit),
)
