"""Numbers as words: cardinals, years, ordinals, digit by digit, decades and fractions.

Everything else in the package says numbers through these functions, so "and" inside
numbers, hyphens ("forty-two") and the absence of commas are decided here once.
"""

from __future__ import annotations

from functools import cache

from num2words import num2words

ONES = "zero one two three four five six seven eight nine".split()
"""Digit names; `digits` says 0 as "oh"."""


@cache
def cardinal_int(number: int) -> str:
    """42 → "forty-two"; 1234567 → "one million two hundred and thirty-four thousand ..."."""
    if number < 0:
        return "minus " + cardinal_int(-number)
    return str(num2words(number)).replace(",", "")


def cardinal(number: str) -> str:
    """ "5,200" → "five thousand two hundred"; "3.5" → "three point five"; "-3" → "minus three".

    Digits after a decimal point are said one by one ("zero point two five").
    """
    value = number.replace(",", "")
    sign = ""
    if value[:1] in "-−":
        sign, value = "minus ", value[1:]
    whole, _, fraction = value.partition(".")
    words = cardinal_int(int(whole or "0"))
    if fraction:
        words += " point " + " ".join(ONES[int(d)] for d in fraction)
    return sign + words


@cache
def year(number: int) -> str:
    """2015 → "twenty fifteen"; 2005 → "two thousand and five"; 1905 → "nineteen oh-five";
    1900 → "nineteen hundred"; 2000 → "two thousand"."""
    return str(num2words(number, to="year")).replace(",", "")


@cache
def ordinal(number: int) -> str:
    """21 → "twenty-first"; 100 → "one hundredth"."""
    return str(num2words(number, to="ordinal")).replace(",", "")


def digits(text: str) -> str:
    """ "0958" → "oh nine five eight": digit by digit, 0 as "oh" (phone numbers, codes)."""
    return " ".join("oh" if d == "0" else ONES[int(d)] for d in text if d.isdigit())


def plural(words: str) -> str:
    """The plural of a number's last word: "ninety" → "nineties", "hundred" → "hundreds"."""
    return words[:-1] + "ies" if words.endswith("y") else words + "s"


def decade(number: int) -> str:
    """1990 → "nineteen nineties"; 2000 → "two thousands"; 2010 → "twenty tens"; 90 → "nineties"."""
    return plural(year(number) if number >= 1000 else cardinal_int(number))


def three_digits(text: str) -> str:
    """A three-digit model or road number as it is said: "380" → "three eighty",
    "303" → "three oh three", "300" → "three hundred"."""
    head, tail = int(text[0]), int(text[1:])
    if tail == 0:
        return cardinal_int(int(text))
    rest = cardinal_int(tail) if tail >= 10 else "oh " + ONES[tail]
    return f"{ONES[head]} {rest}"


_DENOMINATORS = {
    2: ("half", "halves"),
    4: ("quarter", "quarters"),
}


def fraction(numerator: int, denominator: int) -> str:
    """2/3 → "two thirds"; 1/4 → "one quarter"; 1/2 → "one half"; 3/8 → "three eighths"."""
    one, many = _DENOMINATORS.get(denominator) or (
        ordinal(denominator),
        ordinal(denominator) + "s",
    )
    return f"{cardinal_int(numerator)} {one if numerator == 1 else many}"


def capitalise(words: str) -> str:
    """The first letter upper case, the rest as it is."""
    return words[:1].upper() + words[1:]


NUMBER_WORDS = frozenset(
    part
    for n in range(100)
    for word in (cardinal_int(n), ordinal(n + 1))
    for part in word.split("-")
) | {"hundred", "thousand", "million", "billion", "trillion", "minus", "point", "oh", "nil"}
"""Every word a number is said with, in lower case ("Seventeen II" is no sequel)."""
