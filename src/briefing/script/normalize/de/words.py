"""German words and boundaries shared by every German rule: digits, weekdays, months, number
words (num2words wrappers), the noun agreement of "ein"/"eine", and the patterns and
context helpers (token boundaries, a sentence's start, the words around a match).
"""

from __future__ import annotations

import re
from functools import cache

from num2words import num2words

from briefing.script.normalize import context
from briefing.script.normalize.context import SentenceContext

DIGITS = "null eins zwei drei vier fünf sechs sieben acht neun".split()
WEEKDAYS = "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag".split()
MONTHS = (
    "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"
).split()


_MONTH_ABBREVIATIONS = {
    "Jan": 1,
    "Jän": 1,
    "Feb": 2,
    "Febr": 2,
    "Mär": 3,
    "Mrz": 3,
    "Apr": 4,
    "Jun": 6,
    "Jul": 7,
    "Aug": 8,
    "Sep": 9,
    "Sept": 9,
    "Okt": 10,
    "Nov": 11,
    "Dez": 12,
}


WEEKDAY_ABBREVIATIONS = dict(zip("Mo Di Mi Do Fr Sa So".split(), WEEKDAYS, strict=True))


@cache
def cardinal_int(number: int) -> str:
    """42 → "zweiundvierzig"; 1 → "eins"; -3 → "minus drei"."""
    if number < 0:
        return "minus " + cardinal_int(-number)
    return str(num2words(number, lang="de"))


def cardinal(text: str) -> str:
    """ "1.234,5" → "eintausendzweihundertvierunddreißig Komma fünf": the digits after the
    comma one by one, as German reads them."""
    whole, _, fraction = text.replace(".", "").replace(" ", "").partition(",")
    words = cardinal_int(int(whole or "0"))
    if fraction:
        words += " Komma " + " ".join(DIGITS[int(d)] for d in fraction)
    return words


@cache
def year(number: int) -> str:
    """1990 → "neunzehnhundertneunzig"; 2020 → "zweitausendzwanzig"."""
    if 1100 <= number < 2000:
        return str(num2words(number, lang="de", to="year"))
    return cardinal_int(number)


@cache
def ordinal(number: int, ending: str = "") -> str:
    """26 → "sechsundzwanzigste"; with `ending` "n": "sechsundzwanzigsten"."""
    return str(num2words(number, lang="de", to="ordinal")) + ending


FEMININE = frozenset(
    "Million Milliarde Billion Stunde Minute Sekunde Woche Person Frau Stimme Tonne Seite "
    "Kilowattstunde Stelle Nacht Partei Mark Krone Folge Runde Ausgabe Klasse Etage Liga "
    "Tochter Schwester Mutter Familie Firma Stadt Gemeinde Frage Antwort Niederlage".split()
)
"""Nouns that take "eine" for a written 1 ("1 Stunde" → "eine Stunde")."""


def before_noun(words: str, noun: str) -> str:
    """A cardinal said before `noun`: "eins" is "ein" or "eine" ("ein Euro", "eine
    Million"), and a number ending in one drops its s ("einhundertein Euro")."""
    if words == "eins":
        return "eine" if noun in FEMININE else "ein"
    return words[:-1] if words.endswith("eins") else words


NUM = r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?: \d{3})+(?:,\d+)?(?! ?\d)|\d+(?:,\d+)?)"
"""A number as German writes it: full stops (or, as DIN 5008 allows, spaces) before exactly
three digits group thousands (`28.000`, `10 000`, but not a row of numbers: `316 630 18`), a
comma marks the decimal (`23,7`)."""
L = r"(?<![\w.,/:€$£#@+\-–'])"
"""A token starts here: not inside a word, a number, an address or a code."""
R = r"(?![\w%€$£°‰]|[.,:/\-–]\d|[.,][^\W\d_])"
"""A token ends here: no letter, digit or symbol glued on ("1.2.3", "7/2019", "3.Liga")."""
_UPPER = "A-ZÄÖÜ"

NOT_ENDING = frozenset(
    "z b u a d h bzw ca usw nr nrn dr prof st vgl ggf evtl inkl zzgl bzgl bspw insb sog jh jhd "
    "hrsg tel str geb gest abs art bd kap mio mrd tsd bio max mind rd std fr hr hrn mo di mi do "
    "sa so jan feb febr mär mrz apr jun jul aug sep sept okt nov dez med phil jur rer nat "
    "ing".split()
)
"""Words whose full stop does not end a sentence (for a capital at a sentence's start)."""

_CONTEXT = SentenceContext(NOT_ENDING, number_ends=lambda word: len(word) > 2, colon_starts=True)
"""Sentence starts in German: "bis 2030. Fünf …" ends a sentence, "am 26. Oktober" does not."""
starts_sentence = _CONTEXT.starts_sentence
capital_at_start = _CONTEXT.capital_at_start


def word_after(match: re.Match[str]) -> str:
    """The word after the match as written (a full stop it ends with kept), or ""."""
    return context.word_after(match, with_stop=True)
