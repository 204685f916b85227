"""Italian words and boundaries shared by every Italian rule: weekdays, months, number words
(num2words wrappers with their slips corrected), the agreement of "uno" with the noun after
it, and the patterns and context helpers (token boundaries, a sentence's start).
"""

from __future__ import annotations

import re
from functools import cache

from num2words import num2words

from briefing.script.normalize.context import SentenceContext

DIGITS = "zero uno due tre quattro cinque sei sette otto nove".split()
WEEKDAYS = "lunedì martedì mercoledì giovedì venerdì sabato domenica".split()
MONTHS = (
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre"
).split()
MONTH_ABBREVIATIONS = {
    "gen": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "mag": 5,
    "giu": 6,
    "lug": 7,
    "ago": 8,
    "sett": 9,
    "ott": 10,
    "nov": 11,
    "dic": 12,
}


def _corrected(words: str) -> str:
    """num2words' slips: "trentatre milioni" → "trentatré milioni" (a final -tre of a compound
    takes the accent), "centodicotto" → "centodiciotto", "ventunomila" → "ventunmila",
    "ventuno milioni" → "ventun milioni"."""
    words = words.replace("dicott", "diciott")
    words = re.sub(r"(?<=[^\W\d_])tre\b", "tré", words)
    words = re.sub(r"uno(?=mila)", "un", words)
    return re.sub(r"(?<=[^\W\d_])uno(?= mili)", "un", words)


@cache
def cardinal_int(number: int) -> str:
    """42 → "quarantadue"; 1990 → "millenovecentonovanta"; 123 → "centoventitré"; -3 →
    "meno tre"."""
    if number < 0:
        return "meno " + cardinal_int(-number)
    return _corrected(str(num2words(number, lang="it")))


def cardinal(text: str) -> str:
    """ "1.234,5" → "milleduecentotrentaquattro virgola cinque"; "4,12" → "quattro virgola
    dodici"; "0,05" → "zero virgola zero cinque" (after the comma, up to three digits are
    read as a number, with any leading zero said; longer tails digit by digit)."""
    whole, _, fraction = text.replace(".", "").partition(",")
    words = cardinal_int(int(whole or "0"))
    if fraction:
        zeros = len(fraction) - len(fraction.lstrip("0"))
        rest = fraction[zeros:]
        if len(rest) > 3:
            said = " ".join(DIGITS[int(d)] for d in fraction)
        else:
            said = " ".join(["zero"] * zeros + ([cardinal_int(int(rest))] if rest else []))
        words += " virgola " + said
    return words


def value(text: str) -> float:
    return float(text.replace(".", "").replace(",", "."))


@cache
def ordinal(number: int, feminine: bool = False, plural: bool = False) -> str:
    """1 → "primo" ("prima", "primi", "prime"); 21 → "ventunesimo"; 23 → "ventitreesimo"."""
    words = _corrected(str(num2words(number, lang="it", to="ordinal"))).replace(" ", "")
    words = re.sub(r"^un(?=mili)", "", words)  # "unmilionesimo" → "milionesimo"
    stem = words[:-1]
    if plural:
        return stem + ("e" if feminine else "i")
    return stem + ("a" if feminine else "o")


# --- agreement ------------------------------------------------------------------------------

FEMININE = frozenset(
    "ora ore volta volte persona persone donna donne settimana settimane giornata giornate "
    "notte notti parte parti classe classi fase fasi crisi analisi tesi chiave chiavi rete "
    "reti sede sedi nave navi frase frasi torre torri legge leggi fonte fonti morte morti "
    "vittima vittime tonnellata tonnellate pagina pagine regione regioni nazione nazioni "
    "elezione elezioni sterlina sterline lira lire medaglia medaglie tappa tappe città "
    "università età società unità attività novità gara gare partita partite rete squadra "
    "squadre stagione stagioni edizione edizioni famiglia famiglie azienda aziende impresa "
    "imprese scuola scuole casa case camera camere".split()
)
"""Nouns a number ending in one agrees with (others by their ending: -a, -zione, -tà)."""
MASCULINE = frozenset(
    "problema problemi sistema sistemi programma programmi tema temi clima pianeta poeta "
    "euro papa dramma schema cinema diploma telegramma panorama milioni miliardi".split()
)
"""Nouns whose ending would say feminine, but which are not."""
NOT_NOUNS = frozenset(
    "a ad e ed o od di da in con su per tra fra il lo la i gli le l un una uno al allo alla "
    "ai agli alle del dello della dei degli delle dal dallo dalla dai dagli dalle nel nello "
    "nella nei negli nelle sul sullo sulla sui sugli sulle che chi non né ma se come anche "
    "è sono era erano ha hanno più meno solo soltanto già ieri oggi domani contro circa "
    "mentre dopo prima entro oltre su fino verso quando dove però poi".split()
)
"""Words after a number that are no noun it counts ("1 a 0", "21 in casa")."""


def is_feminine(noun: str, plural: bool = False) -> bool:
    """ "ora", "persone", "elezioni", "città" → True; "anno", "problema", "milioni" →
    False. A plural in -e is feminine; a singular by its ending (-a, -zione, -tà)."""
    noun = noun.lower()
    if noun in FEMININE:
        return True
    if noun in MASCULINE:
        return False
    if noun.endswith(("zione", "sione", "gione", "zioni", "sioni", "gioni", "tà", "tù")):
        return True
    return noun.endswith(("e", "a") if plural else ("a", "trice"))


def _impure(noun: str) -> bool:
    """Whether `noun` takes "uno", not "un": s + consonant, z, gn, ps, pn, x, y."""
    return bool(re.match(r"(?:s[^aeiouàèéìòù]|z|gn|ps|pn|x|y)", noun.lower()))


def agree(words: str, noun: str) -> str:
    """A cardinal said before `noun`: "uno" is "un anno", "una persona", "uno studente";
    "ventuno" is "ventun anni", but "ventuno persone", "centouno anni"."""
    if not words.endswith("uno") or not noun[:1].isalpha() or noun.lower() in NOT_NOUNS:
        return words
    if words == "uno":
        if is_feminine(noun):
            return "una"
        return words if _impure(noun) else "un"
    if (
        not words.endswith("ntuno")  # "centouno anni", not "centoun"
        or is_feminine(noun, plural=True)
        or _impure(noun)
        or noun.endswith(_PARTICIPLES)  # "ventuno ospitati"
        or noun.lower() in _ADJECTIVES  # "ventuno nuovi cardinali"
    ):
        return words
    return words[:-1]


_PARTICIPLES = ("ati", "iti", "uti", "osi", "enti", "anti")
_ADJECTIVES = frozenset(
    "nuovi altri grandi piccoli giovani diversi soli primi ultimi veri vecchi ex".split()
)


# --- patterns and sentences -----------------------------------------------------------------

NUM = r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
"""A number as Italian writes it: full stops before exactly three digits group thousands
(`1.234`, `28.000`), a comma marks the decimal (`23,7`)."""
L = r"(?<![\w.,/:€$£#@+\-–])"
"""A token starts here: not inside a word, a number, an address or a code (after an
apostrophe it may: "l'8 marzo")."""
R = r"(?![\w%€$£°ºª]|[.,:/\-–]\d|[.,][^\W\d_])"
"""A token ends here: no letter, digit or symbol glued on ("2.9", "15/20", "3.Roma")."""
_UPPER = "A-ZÀ-ÖØ-Þ"

NOT_ENDING = frozenset(
    "sig sigg dott dr prof avv ing arch geom rag on sen mons card gen col cav comm egr gent "
    "pres n nn pag pagg p art artt cap vol fig tab c ca cfr es tel sec feb mar apr mag giu "
    "lug ago set sett ott nov dic".split()
)
"""Words whose full stop does not end a sentence (for a capital at a sentence's start)."""

_CONTEXT = SentenceContext(NOT_ENDING)
"""Sentence starts in Italian."""
starts_sentence = _CONTEXT.starts_sentence
capital_at_start = _CONTEXT.capital_at_start
