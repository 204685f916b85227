"""Roman numerals, only where they are sure: monarchs and popes (Charles III → Charles the
Third), wars (World War II, WWII), Super Bowls, and sequels and series after a capitalised
word (Rocky IV, Part II, Apollo XI, Grand Theft Auto V). "I", "MIX", "CIA", "DC", "CV" and a
numeral on its own are left alone."""

from __future__ import annotations

import re

from briefing.script.normalize.abbreviations import TITLE_ABBREVIATIONS
from briefing.script.normalize.abbreviations import TITLES as SPOKEN_TITLES
from briefing.script.normalize.scanner import R, Rule
from briefing.script.normalize.words import NUMBER_WORDS, capitalise, cardinal_int, ordinal

_VALID = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

MONARCH_TITLES = (
    "King Queen Pope Emperor Empress Tsar Tsarina Kaiser Prince Princess Sultan Pharaoh"
)
REGNAL = frozenset(
    (
        "Charles Elizabeth Henry George Edward William James Richard John Louis Benedict "
        "Francis Leo Pius Gregory Paul Innocent Clement Urban Alexander Nicholas Peter Mary "
        "Anne Philip Felipe Frederick Ferdinand Constantine Ivan Napoleon Harald Margrethe "
        "Albert Leopold Ludwig Wilhelm Otto Haakon Olav Gustav Gustaf Christian Stephen "
        "Malcolm David Robert Alfonso Juan Carlos Pedro Manuel Umberto Rainier Ramesses "
        "Rama Hussein Abdullah Mohammed Willem Sixtus Boniface Celestine Adrian Julius Eugene "
        "Martin Victor Nero Catherine Edmund Harold Ethelred Alfred Canute Sigismund Casimir "
        "Sebastian Manfred Hans-Adam Carl Mohammad Faisal Mswati Letsie Tupou"
    ).split()
)
"""Names that, followed by a numeral, are a monarch or a pope."""

SEQUEL_STOP = frozenset(
    "The A An In On Of And At To For By With From As But Or If So Is It Its Not No Yes "
    "He She We They You My Our Your His Her Their This That These Those Mr Mrs Ms Dr "
    "Washington".split()
)
"""Capitalised words before a numeral that do not make it a sequel."""
_SPOKEN_CAPITALS = frozenset(
    {"Celsius", "Fahrenheit", "Street", "Saint", "Junior", "Senior", "Number", "Numbers"}
    | {"Midday", "Midnight", "Minus"}
    | {word for spoken in SPOKEN_TITLES.values() for word in spoken.split()}
)
"""Capitalised words the rules say, which a second pass must not take for a title."""
_NOT_SEQUELS = NUMBER_WORDS | TITLE_ABBREVIATIONS


def roman_value(numeral: str, limit: int = 4000) -> int | None:
    """ "XIV" → 14; None if it is no well-formed numeral below `limit` (the other languages'
    rules read numerals below 400: centuries, monarchs, districts)."""
    if not numeral or not _VALID.fullmatch(numeral):
        return None
    total = 0
    for here, following in zip(numeral, [*numeral[1:], ""], strict=True):
        value = _VALUES[here]
        total += -value if following and _VALUES[following] > value else value
    return total if total < limit else None


def _regnal(match: re.Match[str]) -> str | None:
    value = roman_value(match["r"])
    name = match["name"]
    if value is None or value > 40:
        return None
    titled = match["t"] is not None
    if not titled and (name.split()[-1] not in REGNAL or match["r"] in ("I", "X")):
        return None
    return f"{match['t'] or ''}{name} the {capitalise(ordinal(value))}"


def _sequel(match: re.Match[str]) -> str | None:
    value = roman_value(match["r"])
    word = match["w"]
    if value is None or match["r"] in ("I", "X"):
        return None
    if word in SEQUEL_STOP or word in _SPOKEN_CAPITALS or word.lower() in _NOT_SEQUELS:
        return None
    return f"{word} {capitalise(cardinal_int(value))}"


def _world_war(match: re.Match[str]) -> str | None:
    numeral = match["r"]
    value = int(numeral) if numeral.isdigit() else roman_value(numeral)
    if value not in (1, 2):
        return None
    return f"World War {capitalise(cardinal_int(value))}"


_END = r"(?![\w-]|['’](?!s\b))" + R

RULES = (
    Rule("world war", r"\b(?:World War |WW)(?P<r>III|II|I|1|2)\b" + _END, _world_war),
    Rule(
        "super bowl",
        r"\bSuper Bowl (?P<r>[IVXLC]{1,7})\b" + _END,
        lambda m: None if (v := roman_value(m["r"])) is None else f"Super Bowl {cardinal_int(v)}",
    ),
    Rule(
        "monarch",
        r"\b(?P<t>(?:"
        + "|".join(MONARCH_TITLES.split())
        + r")\s)?(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\s(?P<r>[IVXL]{1,6})\b"
        + _END,
        _regnal,
    ),
    Rule("sequel", r"\b(?P<w>[A-Z][a-z]+)\s(?P<r>[IVX]{1,5})\b" + _END, _sequel),
)
