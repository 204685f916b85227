"""Dutch words and boundaries shared by every Dutch rule: digits, weekdays, months, number
words (num2words wrappers, with the spelling num2words gets wrong put right), and the
patterns and context helpers (token boundaries, a sentence's start, the words around a
match).
"""

from __future__ import annotations

import re
from functools import cache

from num2words import num2words

from briefing.script.normalize import context
from briefing.script.normalize.context import SentenceContext

DIGITS = "nul één twee drie vier vijf zes zeven acht negen".split()
WEEKDAYS = "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag".split()
MONTHS = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()

MONTH_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "febr": 2,
    "mrt": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "dec": 12,
}
"""Months as Dutch shortens them, with a full stop ("12 okt. 2019")."""

_HUNDREDS = "elf twaalf dertien veertien vijftien zestien zeventien achttien negentien".split()


def _spelled(words: str) -> str:
    """num2words' Dutch spelled as the Taalunie wants it: "één" only alone ("honderdéén" is
    "honderdeen"), and a space after "duizend" ("duizendtweehonderd" is "duizend
    tweehonderd", "tweeduizendnegentien" is "tweeduizend negentien")."""
    words = re.sub(r"(?<=\w)één|één(?=\w)", "een", words)
    return re.sub(r"duizend(?=\w)(?!ste\b)", "duizend ", words)


@cache
def cardinal_int(number: int) -> str:
    """42 → "tweeënveertig"; 1 → "één"; 101 → "honderdeen"; 1234 → "duizend
    tweehonderdvierendertig"; 1100 → "elfhonderd"; -3 → "min drie"."""
    if number < 0:
        return "min " + cardinal_int(-number)
    if 1100 <= number < 2000 and number % 100 == 0:
        return _HUNDREDS[number // 100 - 11] + "honderd"
    return _spelled(str(num2words(number, lang="nl")))


def fraction_words(fraction: str) -> str:
    """The digits after the decimal comma: up to two read as a number, with a leading zero
    said ("5" → "vijf", "25" → "vijfentwintig", "05" → "nul vijf"); more one by one."""
    if len(fraction) > 2:
        return " ".join(DIGITS[int(d)] for d in fraction)
    if fraction.startswith("0"):
        return " ".join(DIGITS[int(d)] for d in fraction)
    return cardinal_int(int(fraction))


def cardinal(text: str) -> str:
    """ "1.234,5" → "duizend tweehonderdvierendertig komma vijf"; "3,25" → "drie komma
    vijfentwintig"."""
    whole, _, fraction = text.replace(".", "").partition(",")
    words = cardinal_int(int(whole or "0"))
    if fraction:
        words += " komma " + fraction_words(fraction)
    return words


def value(text: str) -> float:
    """ "1.234,5" → 1234.5."""
    return float(text.replace(".", "").replace(",", "."))


@cache
def year(number: int) -> str:
    """1990 → "negentienhonderdnegentig"; 1900 → "negentienhonderd"; 2019 → "tweeduizend
    negentien"; 2000 → "tweeduizend"."""
    if 1100 <= number < 2000:
        century, rest = divmod(number, 100)
        head = _HUNDREDS[century - 11] + "honderd"
        return head + (cardinal_int(rest).replace("één", "een") if rest else "")
    return cardinal_int(number)


@cache
def ordinal(number: int) -> str:
    """1 → "eerste"; 2 → "tweede"; 8 → "achtste"; 21 → "eenentwintigste"; 1000 →
    "duizendste"."""
    words = _spelled(str(num2words(number, lang="nl", to="ordinal")))
    return words[4:] if words in ("een miljoenste", "een miljardste") else words


NUM = r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
"""A number as Dutch writes it: full stops before exactly three digits group thousands
(`28.000`), a comma marks the decimal (`3,5`)."""
L = r"(?<![\w.,/:€$£#@+\-–'])"
"""A token starts here: not inside a word, a number, an address or a code."""
R = r"(?![\w%€$£°‰]|[.,:/\-–]\d|[.,][^\W\d_])"
"""A token ends here: no letter, digit or symbol glued on ("1.2.3", "7/2019", "3.Ajax")."""
UPPER = "A-ZÀ-ÖØ-Þ"

NOT_ENDING = frozenset(
    "dhr mevr mw dr drs ir ing mr prof nr nrs blz bijv bv ca enz jl jr sr st tel resp evt incl "
    "excl ong max vnl nl art hfst afl pag mln mld mrd jan feb febr mrt apr jun jul aug sep "
    "sept okt nov dec chr".split()
)
"""Words whose full stop does not end a sentence (for a capital at a sentence's start)."""

_CONTEXT = SentenceContext(NOT_ENDING)
"""Sentence starts in Dutch: a number's full stop ends one (Dutch ordinals have none)."""
starts_sentence = _CONTEXT.starts_sentence
capital_at_start = _CONTEXT.capital_at_start


def word_after(match: re.Match[str]) -> str:
    """The word after the match as written (a full stop it ends with kept), or ""."""
    return context.word_after(match, with_stop=True)
