"""Normalise English news text for speech: what a careful newsreader would say.

The house style is docs/spoken-style.md. A paragraph goes through four steps, in order:

1. **Characters** (`punctuation.clean_unicode`): curly quotes straight, odd spaces plain,
   invisible characters gone, so every later pattern sees one spelling of each mark.
2. **Pauses** (`punctuation.pauses`): dashes and brackets become commas before the scan,
   so that every rule reads its neighbours as they will be spoken ("Smith (42) said" is
   "Smith, 42, said" to the age) and a second pass sees exactly what the first saw.
3. **The lexicon** (`lexicon.Lexicon`): the user's whole-word replacements come before any
   rule, so "COVID-19" can be "Covid nineteen" and "No 10" can be "Downing Street"; and
   once more at the end, for words the rules set apart ("NATO5" → "Nato five").
4. **One scan** (`scanner.Scanner`): a single compiled pattern finds every token that
   needs work, and the first rule, in the order below, that can read it says it. The
   order settles tokens that more than one rule could take: a rule for a longer or more
   specific form comes before one for its parts.
   - web addresses, emails, handles, hashtags (`web`): before anything reads their dots,
     digits or @;
   - titles, Saint/Street, e.g., etc., vs, &, U.S. (`abbreviations`): before dates, so
     "Dr" and "St" are settled and "c. 1850" becomes "circa" before the year;
   - Roman numerals (`roman`): whole names ("King Charles III"), before codes;
   - phone and emergency numbers (`web`): before times, dates and spans read their groups;
   - dates (`dates`): "17 April 2026", "14/01/2026", before times, money and spans;
   - times (`times`): "10.30am", "08:00 BST", before decimals and ratios;
   - money (`money`): the currency owns its amount, scale and span ("£50m-£60m");
   - measures and temperatures (`measures`): "5kg", "-5C", "6ft 2in", before codes read
     "5C" as letters and before scales read "100m" as a million;
   - codes (`codes`): letters with numbers, "M25", "5G", "Boeing 737";
   - numbers (`numbers`): fractions, slashes, spans and scores, signs, decades,
     ordinals, per cent, scales, and last a plain number;
   - a slash between words (`punctuation`): "his/her" is "his or her", "and/or" is "and or".
   A token no rule can read with confidence is left exactly as written.

A sentence that now starts with a number word gets a capital (the scanner does it where
it replaces a token); nothing else changes case. The output of every rule holds no digits
and no symbol any rule reads, so normalising twice changes nothing.
"""

from __future__ import annotations

from briefing.script.normalize import (
    abbreviations,
    codes,
    dates,
    measures,
    money,
    numbers,
    punctuation,
    roman,
    times,
    web,
)
from briefing.script.normalize.languages import family, scanner_for
from briefing.script.normalize.lexicon import Lexicon, shipped_lexicon
from briefing.script.normalize.punctuation import clean_unicode, pauses
from briefing.script.normalize.scanner import Rule, Scanner
from briefing.script.normalize.words import cardinal, ordinal, year

__all__ = [
    "RULES",
    "Lexicon",
    "cardinal",
    "clean_unicode",
    "normalize",
    "ordinal",
    "shipped_lexicon",
    "year",
]

_WEB_ADDRESSES = tuple(r for r in web.RULES if r.name in ("url", "email", "handle", "hashtag"))
_PHONES = tuple(r for r in web.RULES if r not in _WEB_ADDRESSES)

RULES: tuple[Rule, ...] = (
    *_WEB_ADDRESSES,
    *abbreviations.RULES,
    *roman.RULES,
    *_PHONES,
    *dates.RULES,
    *times.RULES,
    *money.RULES,
    *measures.RULES,
    *codes.RULES,
    *numbers.RULES,
    *punctuation.RULES,
)
"""Every rule, in the order the scanner asks them."""

_SCANNER = Scanner(RULES)


def normalize(text: str, lexicon: Lexicon | None = None, language: str = "en") -> str:
    """`text` as it should be spoken: numbers, money, dates, times, units, titles and
    symbols in words; letter acronyms (UK, MPs) kept for the voice to spell; the lexicon's
    words replaced first. In another `language`, its own rules (`languages.py`) speak
    them; a language without rules keeps its digits as written, for its voice to read."""
    text = pauses(clean_unicode(text))
    scanner: Scanner | None = _SCANNER
    if family(language) != "en":
        scanner = scanner_for(language)
    if scanner is None:
        return lexicon.apply(text) if lexicon is not None else text
    if lexicon is None:
        return scanner.sub(text)
    text = scanner.sub(lexicon.apply(text))
    return lexicon.apply(text)  # letters a code gave up ("NATO5" → "NATO five") are words too
