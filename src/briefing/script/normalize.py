"""Normalise English news text for speech: what a careful newsreader would say.

TTS front ends read "£1.2bn" as "pound one point two b n", "St" in "Downing St" as "Saint",
"2019-2021" as "two thousand nineteen dash ...", and "MPs’" with a curly apostrophe as
letters (see ../shared/FAILURES.md). Each rule below rewrites one kind of token into words;
numbers become words with num2words. The rules run in order on a paragraph, before it is
split into sentences, and their output holds no digits or symbols, so normalising twice
changes nothing.

Words a user wants said differently go in a lexicon (`Lexicon`), applied first:
the shipped `lexicon.toml`, then the user's own, then a show's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from num2words import num2words

from briefing.config import read_toml
from briefing.errors import ConfigError

Rule = Callable[[str], str]

# --- the lexicon -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Lexicon:
    """Written form → spoken form, for whole words (or phrases), case-sensitive."""

    entries: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> Lexicon:
        """A lexicon file: a TOML ``[words]`` table of ``"written" = "spoken"``."""
        data = read_toml(path)
        words = data.get("words", {})
        if not isinstance(words, dict) or set(data) - {"words"}:
            raise ConfigError(f"{path}: a lexicon holds one [words] table of written = spoken")
        for written, spoken in words.items():
            if not isinstance(spoken, str) or not written.strip():
                raise ConfigError(f"{path}: [words] {written!r} must map to text, not {spoken!r}")
        return cls(dict(words))

    def __or__(self, other: Lexicon) -> Lexicon:
        """This lexicon with `other`'s entries added, `other` winning."""
        return Lexicon({**self.entries, **other.entries})

    def apply(self, text: str) -> str:
        if not self.entries:
            return text
        return _lexicon_pattern(tuple(sorted(self.entries, key=len, reverse=True))).sub(
            lambda m: self.entries[m.group(0)], text
        )


@cache
def _lexicon_pattern(keys: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, keys)) + r")(?![\w-])")


def shipped_lexicon() -> Lexicon:
    return Lexicon.read(Path(str(resources.files("briefing.script") / "lexicon.toml")))


# --- number words ----------------------------------------------------------------------------

_NUMBER = r"\d[\d,]*(?:\.\d+)?"


def _plain(words: str) -> str:
    return words.replace(",", "")


def cardinal(number: str) -> str:
    """ "5,200" → "five thousand two hundred"; "3.5" → "three point five"."""
    value = number.replace(",", "")
    if "." in value:
        whole, _, fraction = value.partition(".")
        digits = " ".join(_plain(num2words(int(d))) for d in fraction)
        return f"{_plain(num2words(int(whole or 0)))} point {digits}"
    return _plain(num2words(int(value)))


def year(number: str) -> str:
    """ "2015" → "twenty fifteen"; "2005" → "two thousand and five"; "1905" → "nineteen oh-five"."""
    return _plain(num2words(int(number), to="year"))


def ordinal(number: int) -> str:
    return _plain(num2words(number, to="ordinal"))


def _is_one(number: str) -> bool:
    return number.replace(",", "") in ("1", "1.0")


# --- the rules -------------------------------------------------------------------------------

_TRANSLATE = {
    **dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u3000"), " "),
    **dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None),
    **dict.fromkeys(map(ord, "“”„‟«»"), '"'),
    **dict.fromkeys(map(ord, "‘’‚‛′"), "'"),
    ord("…"): "...",
    ord("‐"): "-",
    ord("‑"): "-",
}


def clean_unicode(text: str) -> str:
    """NFC (accents kept), straight quotes, plain spaces, no invisible characters."""
    return unicodedata.normalize("NFC", text).translate(_TRANSLATE)


def _sub(pattern: str, replace: str | Callable[[re.Match[str]], str], flags: int = 0) -> Rule:
    compiled = re.compile(pattern, flags)
    return lambda text: compiled.sub(replace, text)


def _dotted_acronym(match: re.Match[str]) -> str:
    letters = match.group(0).replace(".", "")
    end = match.end()
    at_end = end >= len(match.string) or match.string[end:].strip() == ""
    return letters + ("." if at_end else "")


TITLES = {
    "Mr": "Mister",
    "Mrs": "Missus",
    "Ms": "Miz",
    "Dr": "Doctor",
    "Prof": "Professor",
    "Gen": "General",
    "Lt": "Lieutenant",
    "Col": "Colonel",
    "Capt": "Captain",
    "Sgt": "Sergeant",
    "Cpl": "Corporal",
    "Maj": "Major",
    "Adm": "Admiral",
    "Rev": "Reverend",
    "Sen": "Senator",
    "Rep": "Representative",
    "Gov": "Governor",
    "Cllr": "Councillor",
    "Insp": "Inspector",
    "Supt": "Superintendent",
    "Fr": "Father",
}
_TITLE = re.compile(r"\b(" + "|".join(TITLES) + r")\.?(?= +[A-Z])")

MONTHS = {
    "Jan": "January",
    "Feb": "February",
    "Mar": "March",
    "Apr": "April",
    "May": "May",
    "Jun": "June",
    "Jul": "July",
    "Aug": "August",
    "Sep": "September",
    "Sept": "September",
    "Oct": "October",
    "Nov": "November",
    "Dec": "December",
}
_MONTH_NAMES = "|".join(sorted(set(MONTHS.values())))

CURRENCIES = {
    "£": ("pound", "pounds", "penny", "pence"),
    "$": ("dollar", "dollars", "cent", "cents"),
    "€": ("euro", "euros", "cent", "cents"),
    "¥": ("yen", "yen", "", ""),
}
SCALES = {
    "k": "thousand",
    "thousand": "thousand",
    "m": "million",
    "mn": "million",
    "million": "million",
    "bn": "billion",
    "billion": "billion",
    "tn": "trillion",
    "trillion": "trillion",
}


def _money(match: re.Match[str]) -> str:
    one, many, sub_one, sub_many = CURRENCIES[match.group("cur")]
    amount, scale = match.group("num"), match.group("scale")
    if scale:
        return f"{cardinal(amount)} {SCALES[scale.lower()]} {many}"
    whole, _, fraction = amount.replace(",", "").partition(".")
    words = f"{cardinal(whole)} {one if whole == '1' else many}"
    if fraction and int(fraction) and sub_one:
        cents = int(fraction.ljust(2, "0")[:2])
        words += (
            f" {cardinal(str(cents))}"
            if match.group("cur") == "£"
            else (f" and {cardinal(str(cents))} {sub_one if cents == 1 else sub_many}")
        )
    return words


UNITS = {
    "km": ("kilometre", "kilometres"),
    "kg": ("kilogram", "kilograms"),
    "mph": ("mile per hour", "miles per hour"),
    "km/h": ("kilometre per hour", "kilometres per hour"),
    "kph": ("kilometre per hour", "kilometres per hour"),
    "cm": ("centimetre", "centimetres"),
    "mm": ("millimetre", "millimetres"),
    "ft": ("foot", "feet"),
    "mi": ("mile", "miles"),
    "lb": ("pound", "pounds"),
    "lbs": ("pound", "pounds"),
    "g": ("gram", "grams"),
    "ml": ("millilitre", "millilitres"),
    "l": ("litre", "litres"),
    "GW": ("gigawatt", "gigawatts"),
    "MW": ("megawatt", "megawatts"),
    "kW": ("kilowatt", "kilowatts"),
    "kWh": ("kilowatt hour", "kilowatt hours"),
    "°C": ("degree Celsius", "degrees Celsius"),
    "°F": ("degree Fahrenheit", "degrees Fahrenheit"),
    "ha": ("hectare", "hectares"),
}
_UNIT = "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True))


def _unit(match: re.Match[str]) -> str:
    one, many = UNITS[match.group("unit")]
    return f"{cardinal(match.group('num'))} {one if _is_one(match.group('num')) else many}"


def _clock(match: re.Match[str]) -> str:
    hour, minute, half = int(match.group("h")), match.group("m"), match.group("ap").lower()
    words = cardinal(str(hour))
    if minute and int(minute):
        words += f" {'oh ' if int(minute) < 10 else ''}{cardinal(str(int(minute)))}"
    return f"{words} {half}.m."


def _24h(match: re.Match[str]) -> str:
    hour, minute = int(match.group("h")), int(match.group("m"))
    if minute == 0:
        return (
            f"{cardinal(str(hour))} hundred"
            if hour > 12 or match.group("h").startswith("0")
            else f"{cardinal(str(hour))} o'clock"
        )
    return f"{cardinal(str(hour))} {'oh ' if minute < 10 else ''}{cardinal(str(minute))}"


def _day_month(match: re.Match[str]) -> str:
    return f"the {ordinal(int(match.group('day')))} of {match.group('month')}"


def _month_day(match: re.Match[str]) -> str:
    return f"{match.group('month')} {ordinal(int(match.group('day')))}"


def _decade(match: re.Match[str]) -> str:
    spoken = year(match.group("y")) if match.group("y") else cardinal(match.group("d"))
    spoken = spoken.split()[-1] if not match.group("y") else spoken
    return re.sub(r"y$", "ies", spoken) if spoken.endswith("y") else spoken + "s"


def _number(match: re.Match[str]) -> str:
    """Four digits without a comma between 1001 and 2099 are read as a year ("twenty
    fifteen", "ten sixty-six", "fifteen hundred"), except round thousands."""
    text = match.group(0)
    if re.fullmatch(r"1\d\d\d|20\d\d", text) and int(text) % 1000:
        return year(text)
    return cardinal(text)


def _range(match: re.Match[str]) -> str:
    """ "2019-2021" → "2019 to 2021"; "2019-20" → "2019 to 2020" (a span of years)."""
    first, second = match.group(1), match.group(2)
    if re.fullmatch(r"(1\d|20)\d\d", first) and re.fullmatch(r"\d\d", second):
        second = first[:2] + second
    return f"{first} to {second}"


def _symbols(text: str) -> str:
    text = re.sub(r"\s*&\s*", " and ", text)
    text = re.sub(r"(?<=\s)\+(?=\s)", "plus", text)
    text = re.sub(r"#(?=\w)", "number ", text)
    return re.sub(r"(?<=\w)@(?=\w)", " at ", text)


def _pauses(text: str) -> str:
    """Dashes, brackets and ellipses become the pauses they mark (run until stable: one
    clean-up can expose another, as in "a (–")."""
    for _ in range(5):
        cleaned = _pauses_once(text)
        if cleaned == text:
            break
        text = cleaned
    return text


def _pauses_once(text: str) -> str:
    text = re.sub(r"\s*[–—]+\s*$", "", text)
    text = re.sub(r"\s+[-–—]+\s+|(?<=\w)[–—]+(?=\w)|\s[–—]|[–—]\s", ", ", text)
    text = re.sub(r"\s*[(\[]\s*", ", ", text)
    text = re.sub(r"\s*[)\]]", ",", text)
    text = re.sub(r"\.{3,}", "...", text)
    text = re.sub(r",\s*([,.;:!?])", r"\1", text)  # ", ." → "."
    text = re.sub(r",\s*([\"'])\s*(?=[.,;:!?]|$)", r"\1", text)  # 'group, ".' → 'group".'
    text = re.sub(r",\s*$", "", text)
    text = re.sub(r"^\s*,\s*", "", text)  # no comma opening the text
    text = re.sub(r",(?=[^\s\d\"'])", ", ", text)
    return re.sub(r"\s{2,}", " ", text).strip()


def _capitalise_sentences(text: str) -> str:
    """A sentence that now starts with a number word starts with a capital, as sentences do."""
    text = re.sub(r"^([\"']?)([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)
    return re.sub(
        r"(?<![ap]\.m)([.!?][\"')\]]*\s+[\"']?)([a-z])",  # not after a.m. / p.m.
        lambda m: m.group(1) + m.group(2).upper(),
        text,
    )


RULES: tuple[Rule, ...] = (
    _sub(r"\be\.g\.,?", "for example,"),
    _sub(r"\bi\.e\.,?", "that is,"),
    _sub(r"\betc\.(?=\s+[a-z])", "et cetera"),
    _sub(r"\betc\.", "et cetera."),
    _sub(r"\b(?:[A-Z]\.){2,}", _dotted_acronym),  # U.S. → US (read as letters)
    _sub(r"\b([A-Z][a-z]+) St\b(?! +[A-Z])", r"\1 Street"),  # Downing St
    _sub(r"\bSt\.?(?= +[A-Z])", "Saint"),  # St Paul's
    lambda text: _TITLE.sub(lambda m: TITLES[m.group(1)], text),  # Mr → Mister
    _sub(r"\bNo\.? ?(?=\d)", "Number "),  # No 10 → Number 10
    _sub(r"\bNos\.? ?(?=\d)", "Numbers "),
    _sub(r"\b(vs?)\.?(?= )", "versus"),
    _sub(r"(?<=[\dmnk])\s?[-–]\s?(?=[£$€¥]\d)", " to "),  # £50m-£60m
    _sub(
        r"(?P<cur>[£$€¥])\s?(?P<num>"
        + _NUMBER
        + r")(?:\s?(?P<scale>bn|billion|mn|m|million|tn|trillion|k|thousand)\b)?",
        _money,
    ),
    _sub(
        r"\b(?P<num>\d+)p\b",
        lambda m: f"{cardinal(m.group('num'))} {'penny' if m.group('num') == '1' else 'pence'}",
    ),
    _sub(r"(?P<num>" + _NUMBER + r")\s?%", lambda m: f"{cardinal(m.group('num'))} per cent"),
    _sub(
        r"\b(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))? ?(?P<ap>[ap])\.?m\b\.?",
        _clock,
        re.IGNORECASE,
    ),
    _sub(r"\b(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)\b", _24h),
    _sub(r"\b(" + "|".join(MONTHS) + r")\.?(?= \d)", lambda m: MONTHS[m.group(1)]),
    _sub(
        r"\b(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)? (?P<month>" + _MONTH_NAMES + r")\b",
        _day_month,
    ),
    _sub(
        r"\b(?P<month>" + _MONTH_NAMES + r") (?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b",
        _month_day,
    ),
    _sub(r"\b(\d+)(?:st|nd|rd|th)\b", lambda m: ordinal(int(m.group(1)))),
    _sub(r"'(?=[1-9]0s\b)", ""),  # the '90s
    _sub(r"\b(?:(?P<y>1[1-9]\d0|20\d0)|(?P<d>[1-9]0))s\b", _decade),
    _sub(r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)\s?[-–]\s?(\d[\d,]*(?:\.\d+)?)(?![\d.,])", _range),
    _sub(
        r"(?P<num>" + _NUMBER + r") ?m(?= (?:tall|high|long|wide|deep|sprint|race|hurdles)\b)",
        lambda m: f"{cardinal(m.group('num'))} metres",
    ),
    _sub(
        r"(?P<num>" + _NUMBER + r")(?P<scale>bn|mn|m|tn|k)\b",
        lambda m: f"{cardinal(m.group('num'))} {SCALES[m.group('scale')]}",
    ),
    _sub(r"(?P<num>" + _NUMBER + r") ?(?P<unit>" + _UNIT + r")(?![\w/])", _unit),
    _sub(r"(?<![\w.])-(?=\d)", "minus "),
    _sub(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w])|\d+", _number),
    _symbols,
    _pauses,
)
FINAL: Rule = _capitalise_sentences


def normalize(text: str, lexicon: Lexicon | None = None) -> str:
    """`text` as it should be spoken: numbers, money, dates, times, units, titles and
    symbols in words; letter acronyms (UK, MPs) kept for the voice to spell; the lexicon's
    words replaced first."""
    text = clean_unicode(text)
    if lexicon is not None:
        text = lexicon.apply(text)
    for rule in RULES:
        text = rule(text)
    return FINAL(text)
