"""French words and boundaries shared by every French rule: weekdays, months, number words
(num2words wrappers), the agreement of "un" with a feminine noun, and the patterns and
context helpers (token boundaries, a sentence's start, the word after a match).
"""

from __future__ import annotations

import re
from functools import cache

from num2words import num2words

from briefing.script.normalize.context import SentenceContext

WEEKDAYS = "lundi mardi mercredi jeudi vendredi samedi dimanche".split()
MONTHS = (
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
).split()


@cache
def cardinal_int(number: int) -> str:
    """42 → "quarante-deux"; 71 → "soixante et onze"; -3 → "moins trois"."""
    if number < 0:
        return "moins " + cardinal_int(-number)
    return str(num2words(number, lang="fr"))


def cardinal(text: str) -> str:
    """ "1 234,5" → "mille deux cent trente-quatre virgule cinq"; "4,12" → "quatre virgule
    douze"; "0,05" → "zéro virgule zéro cinq" (after the comma, up to three digits are read
    as a number, with any leading zero said)."""
    whole, _, fraction = text.replace(" ", "").partition(",")
    words = cardinal_int(int(whole or "0"))
    if fraction:
        zeros = len(fraction) - len(fraction.lstrip("0"))
        rest = fraction[zeros:]
        if len(rest) > 3:
            said = " ".join(cardinal_int(int(d)) for d in fraction)
        else:
            said = " ".join(["zéro"] * zeros + ([cardinal_int(int(rest))] if rest else []))
        words += " virgule " + said
    return words


def value(text: str) -> float:
    return float(text.replace(" ", "").replace(",", "."))


@cache
def ordinal(number: int, feminine: bool = False) -> str:
    """1 → "premier" ("première"); 2 → "deuxième"; 21 → "vingt et unième"."""
    if number == 1:
        return "première" if feminine else "premier"
    return str(num2words(number, lang="fr", to="ordinal"))


FEMININE = frozenset(
    "heure fois personne femme fille page revue année semaine minute seconde tonne journée "
    "victime maison habitation voiture place classe voix étoile entreprise commune région "
    "ville nuit vie édition saison étape manche victoire défaite médaille voie ligne rue "
    "route école université famille espèce mesure décision loi élection circonscription "
    "chambre proposition question réponse voiture centaine dizaine vague équipe "
    "association".split()
)
"""Nouns a number ending in one agrees with: "une", "vingt et une"."""


def agree(words: str, noun: str) -> str:
    """ "vingt et un" before "heures" → "vingt et une"; "un" before "fois" → "une"."""
    noun = noun.lower()
    plural = noun.endswith(("s", "x")) and noun not in ("fois", "voix")
    singular = noun[:-1] if plural else noun
    if noun in FEMININE or singular in FEMININE:
        return re.sub(r"(?<![\w-])un$|(?<=-)un$", "une", words)
    return words


NUM = r"(?:\d{1,3}(?: \d{3})+(?:,\d+)?(?! \d)|\d+(?:,\d+)?)"
"""A number as French writes it: spaces before exactly three digits group thousands
(`1 256`, `10 000`), unless another number follows, as in a table's row (`316 630 18`); a
comma marks the decimal (`4,12`)."""
L = r"(?<![\w.,/:€$£#@+\-–])"
"""A token starts here: not inside a word, a number, an address or a code."""
R = r"(?![\w%€$£°]|[.,:/\-–]\d|[.,][^\W\d_])"
"""A token ends here: no letter, digit or symbol glued on ("2.9", "15/20", "3.Paris")."""
_UPPER = "A-ZÀ-ÖØ-Þ"

NOT_ENDING = frozenset(
    "m mm dr pr st ste p pp vol art cf env chap t mgr me mme prof n no av apr".split()
)
"""Words whose full stop does not end a sentence (for a capital at a sentence's start)."""

_CONTEXT = SentenceContext(NOT_ENDING)
"""Sentence starts in French."""
starts_sentence = _CONTEXT.starts_sentence
capital_at_start = _CONTEXT.capital_at_start
