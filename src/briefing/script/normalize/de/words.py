"""German words and boundaries shared by every German rule: digits, weekdays, months, number
words (num2words wrappers), the noun agreement of "ein"/"eine", and the patterns and
context helpers (token boundaries, a sentence's start, the words around a match).
"""

from __future__ import annotations

import re
from functools import cache

from num2words import num2words

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


def starts_sentence(text: str, pos: int) -> bool:
    """Whether a sentence starts at `pos` (after any opening quotes or brackets)."""
    i = pos
    while i > 0 and text[i - 1] in "\"'([":
        i -= 1
    j = i
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == 0 or text[j - 1] == "\n":
        return True
    if j == i:
        return False
    k = j
    while k > 0 and text[k - 1] in "\"')]":
        k -= 1
    mark = text[k - 1] if k > 0 else ""
    if mark in "!?" or (mark == ":" and i < pos):
        return True
    if mark != ".":
        return False
    last = re.search(r"[^\W_]*$", text[: k - 1])
    word = last.group(0) if last else ""
    if word.isdigit():
        return len(word) > 2  # "bis 2030. Fünf …", but "am 26. Oktober" goes on
    return len(word) > 1 and word.lower() not in NOT_ENDING


def capital_at_start(spoken: str, match: re.Match[str]) -> str:
    """`spoken` with a capital when it starts a sentence."""
    if spoken[:1].islower() and starts_sentence(match.string, match.start()):
        return spoken[0].upper() + spoken[1:]
    return spoken


def words_before(match: re.Match[str], count: int = 2, start: int | None = None) -> list[str]:
    """The `count` words before the match in its sentence, lower case, nearest last."""
    start = match.start() if start is None else start
    head = match.string[max(0, start - 80) : start]
    head = re.split(r"[!?;\n\"]|(?<=[^\W\d_]{3})\.\s", head)[-1]
    return [w.lower() for w in re.findall(r"[^\W_]+", head)][-count:]


def word_after(match: re.Match[str]) -> str:
    """The word after the match as written (a full stop it ends with kept), or ""."""
    found = re.match(r"\s+([^\W_][\w-]*\.?)", match.string[match.end() : match.end() + 60])
    return found.group(1) if found else ""


def _keep_stop(spoken: str, match: re.Match[str], before_capital: bool = False) -> str:
    """`spoken` for a token written with a final full stop: the stop stays where it also
    ends the text, or, for "usw." and the like, where a new sentence follows."""
    if not match[0].endswith("."):
        return spoken
    rest = match.string[match.end() :]
    if re.fullmatch(r"[\"')\]]*\s*", rest):
        return spoken + "."
    if before_capital and re.match(rf"\s+[\"'(]?[{_UPPER}]", rest):
        return spoken + "."
    return spoken


def _as_written_case(spoken: str, written: str) -> str:
    if written[:1].isupper() and spoken[:1].islower():
        return spoken[0].upper() + spoken[1:]
    return spoken
