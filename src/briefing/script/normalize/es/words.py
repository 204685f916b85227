"""Spanish words and boundaries shared by every Spanish rule: weekdays, months, number words
(num2words wrappers, with "veintiún mil" and the ordinals it gets wrong put right), the
agreement of a number with the noun after it ("veintiún años", "veintiuna personas",
"doscientas casas"), and the patterns and context helpers (token boundaries, a sentence's
start, the word after a match).
"""

from __future__ import annotations

import re
from functools import cache

from num2words import num2words

from briefing.script.normalize.context import SentenceContext
from briefing.script.normalize.context import word_after as _word_after

WEEKDAYS = "lunes martes miércoles jueves viernes sábado domingo".split()
MONTHS = (
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
).split()

_LARGE = frozenset({"millón", "millones", "billón", "billones"})


@cache
def cardinal_int(number: int) -> str:
    """42 → "cuarenta y dos"; 21 000 → "veintiún mil" (num2words: "veintiuno mil");
    -3 → "menos tres"."""
    if number < 0:
        return "menos " + cardinal_int(-number)
    words = str(num2words(number, lang="es")).split()
    for i, word in enumerate(words[:-1]):
        if words[i + 1] in _LARGE or words[i + 1] == "mil":
            words[i] = _apocope(word)
    return " ".join(words)


def _apocope(word: str) -> str:
    return {"uno": "un", "veintiuno": "veintiún"}.get(word, word)


def cardinal(text: str) -> str:
    """ "1.234,5" → "mil doscientos treinta y cuatro coma cinco"; "0,05" → "cero coma cero
    cinco" (after the comma, up to three digits are read as a number, any leading zero said;
    more, digit by digit)."""
    whole, _, fraction = text.replace(".", "").replace(" ", "").partition(",")
    words = cardinal_int(int(whole or "0"))
    if fraction:
        zeros = len(fraction) - len(fraction.lstrip("0"))
        rest = fraction[zeros:]
        if len(rest) > 3:
            said = " ".join(cardinal_int(int(d)) for d in fraction)
        else:
            said = " ".join(["cero"] * zeros + ([cardinal_int(int(rest))] if rest else []))
        words += " coma " + said
    return words


def value(text: str) -> float:
    return float(text.replace(".", "").replace(" ", "").replace(",", "."))


# --- ordinals: num2words says "décimoprimero", "décimo tercero"; the RAE's forms are these --

_UNITS = "primero segundo tercero cuarto quinto sexto séptimo octavo noveno".split()
_TENS = (
    "décimo vigésimo trigésimo cuadragésimo quincuagésimo sexagésimo septuagésimo octogésimo "
    "nonagésimo"
).split()
_HUNDREDS = (
    "centésimo ducentésimo tricentésimo cuadringentésimo quingentésimo sexcentésimo "
    "septingentésimo octingentésimo noningentésimo"
).split()
_TEENS = {11: "undécimo", 12: "duodécimo"}


@cache
def ordinal(number: int, feminine: bool = False, short: bool = False, plural: bool = False) -> str:
    """1 → "primero" ("primera"; `short`, before a masculine noun: "primer"); 13 →
    "decimotercero"; 21 → "vigésimo primero" ("vigésima primera"); up to 999, else the
    cardinal."""
    if not 0 < number < 1000:
        return cardinal_int(number)
    hundreds, rest = divmod(number, 100)
    parts = [_HUNDREDS[hundreds - 1]] if hundreds else []
    tens, units = divmod(rest, 10)
    if rest in _TEENS:
        parts.append(_TEENS[rest])
    elif tens == 1 and units:
        parts.append("decimo" + _UNITS[units - 1].replace("octavo", "ctavo"))
    else:
        parts += [_TENS[tens - 1]] if tens else []
        parts += [_UNITS[units - 1]] if units else []
    if feminine:
        parts = [p[:-1] + "a" for p in parts]
    elif short and parts[-1].endswith(("primero", "tercero")) and not plural:
        parts[-1] = parts[-1][:-1]
    return " ".join(p + "s" for p in parts) if plural else " ".join(parts)


# --- agreement -----------------------------------------------------------------------------------

FEMININE = frozenset(
    "persona vez mujer hora noche muerte calle ley red sede parte clase frase base fuente "
    "llave nave crisis tesis dosis hipótesis imagen gente madre flor cárcel piel sal col "
    "torre nube carne leche suerte tarde muerte serie especie superficie especie tonelada "
    "hectárea libra plaza gente capital orden catedral señal".split()
)
"""Feminine nouns whose ending does not say so ("veintiuna veces", "doscientas mujeres")."""
MASCULINE = frozenset(
    "día problema programa tema sistema mapa idioma clima planeta poema drama dilema esquema "
    "mapa sofá tranvía pijama fantasma cometa lema enigma dogma diploma panorama telegrama "
    "kilogramo gramo kilo kilómetro metro euro dólar punto voto gol juez pez ajedrez atleta "
    "astronauta pirata homicida demócrata policía guía colega café sofá bebé comité menú".split()
)
"""Masculine nouns that end as feminine ones do ("veintiún días")."""
_FEMININE_ENDINGS = ("a", "ción", "sión", "dad", "tad", "tud", "umbre", "ie", "ez", "triz")

NOT_A_NOUN = frozenset(
    "de del a al y e o u ni en con por para que se su sus lo la las el los le les es son fue "
    "fueron ha han hay había habían era eran será serán sería está están estaba estaban según "
    "sobre entre hasta desde tras ante como cuando donde más menos pero sino también tan muy "
    "ya no sí si contra sin hacia bajo durante mediante mientras cada este esta estos estas "
    "ese esa esos esas aquel aquella sobre frente antes después aunque porque pues ante "
    "h hrs horas hora".split()
)
"""Words after which a number is not a noun's: "el 21 de mayo", "los 21 que votaron"."""


def _singular(noun: str) -> str:
    if noun.endswith("ces"):
        return noun[:-3] + "z"
    if noun.endswith(("iones", "dades", "tades", "tudes", "umbres")):
        return noun[:-2]
    if noun.endswith("es") and noun[:-2].endswith(("r", "l", "n", "d", "z", "y", "j", "s")):
        return noun[:-2]
    return noun[:-1] if noun.endswith("s") else noun


def gender(noun: str) -> str | None:
    """ "personas" → "f", "años" → "m"; None where the word is no noun a number counts."""
    noun = noun.lower().rstrip(".")
    if not noun or not noun.isalpha() or noun in NOT_A_NOUN:
        return None
    single = _singular(noun)
    if (
        noun.endswith(("aron", "ieron", "á", "é", "í", "ó", "ú"))
        and noun not in FEMININE | MASCULINE
    ):
        return None  # a verb: "los 21 votaron", "la 1 emitirá", "murió"
    for word in (noun, single, noun[:-1] if noun.endswith("s") else noun):
        if word in FEMININE:
            return "f"
        if word in MASCULINE:
            return "m"
    if single.endswith("ista"):
        return "m"  # "veintiún periodistas": the masculine is the generic
    return "f" if single.endswith(_FEMININE_ENDINGS) else "m"


def agree(words: str, noun_gender: str | None) -> str:
    """A cardinal said before a noun: "veintiuno" → "veintiún" (masculine) or "veintiuna",
    and before a feminine noun "doscientos" → "doscientas" (not before "millones", which is
    masculine: "doscientos millones de personas")."""
    if noun_gender is None:
        return words
    parts = words.split()
    large = max((i for i, w in enumerate(parts) if w in _LARGE), default=-1)
    for i in range(large + 1, len(parts)):
        word = parts[i]
        if noun_gender == "f":
            if word in ("uno", "un", "veintiuno", "veintiún"):
                parts[i] = "una" if word in ("uno", "un") else "veintiuna"
            elif word.endswith("ientos"):
                parts[i] = word[:-2] + "as"
        elif i == len(parts) - 1:
            parts[i] = _apocope(word)
    return " ".join(parts)


def noun_gender_after(match: re.Match[str]) -> str | None:
    """The gender of the noun after the match (looking past one adjective such as "grandes"
    whose ending does not tell), or None."""
    first = _word_after(match)
    found = gender(first)
    if found == "m" and first.lower().endswith("es") and _singular(first.lower()) not in MASCULINE:
        rest = match.string[match.end() :]
        second = re.match(r"\s+[^\W\d_]+\s+([^\W\d_]+)", rest)
        if second and gender(second[1]) == "f" and first.lower() in _ADJECTIVES:
            return "f"
    return found


_ADJECTIVES = frozenset(
    "grandes principales mayores menores mejores peores jóvenes diferentes distintas "
    "importantes anteriores posteriores siguientes recientes".split()
)


NUM = r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?: \d{3})+(?:,\d+)?(?! ?\d)|\d+(?:,\d+)?)"
"""A number as Spanish writes it: full stops (or, as the RAE prefers from five digits,
spaces) before exactly three digits group thousands (`1.234`, `10 000`, but not a row of
numbers: `316 630 18`), a comma marks the decimal (`3,5`)."""
L = r"(?<![\w.,/:€$£#@+\-–'])"
"""A token starts here: not inside a word, a number, an address or a code."""
R = r"(?![\w%€$£°º‰]|[.,:/\-–]\d|[.,][^\W\d_])"
"""A token ends here: no letter, digit or symbol glued on ("2.9", "15/20", "3.Madrid")."""
_UPPER = "A-ZÁÉÍÓÚÑÜ"

NOT_ENDING = frozenset(
    "sr sra srta sres dr dra d dña núm nro pág págs art arts cap vol tel aprox ej p ee uu ff "
    "aa cc rr hh jj oo avda av pza gral cía dpto excmo excma ilmo ilma sto sta mons vs máx "
    "mín ud uds vd s ss lic ing prof profa pdte mill mll n c".split()
)
"""Words whose full stop does not end a sentence (for a capital at a sentence's start)."""

_CONTEXT = SentenceContext(NOT_ENDING)
"""Sentence starts in Spanish."""
starts_sentence = _CONTEXT.starts_sentence
capital_at_start = _CONTEXT.capital_at_start
