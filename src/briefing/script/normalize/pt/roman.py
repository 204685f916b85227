"""Portuguese Roman numerals: "século XXI" → "século vinte e um", "D. João VI" → "D. João
sexto", "Bento XVI" → "Bento dezasseis", "II Guerra Mundial" → "segunda Guerra Mundial".
"""

from __future__ import annotations

import re

from briefing.script.normalize.pt.words import capital_at_start, cardinal_int, ordinal
from briefing.script.normalize.roman import roman_value
from briefing.script.normalize.scanner import Rule


def _regnal_words(number: int, female: bool = False) -> str:
    """Kings, popes and centuries: an ordinal up to ten ("segundo"), then a cardinal
    ("catorze"): "Isabel II" is "Isabel segunda", "Bento XVI" "Bento dezasseis"."""
    return ordinal(number, female) if number <= 10 else cardinal_int(number)


_ROMAN_LIST = r"(?P<r>[IVXLC]+)(?:(?P<j>\s(?:e|a|ou)\s|-|–)(?P<r2>[IVXLC]+))?\b"


def _century(match: re.Match[str]) -> str | None:
    """ "século XXI" → "século vinte e um"; "séculos XIX e XX" → "séculos dezanove e
    vinte"; "séc. V" → "século quinto"."""
    first, second = roman_value(match["r"]), roman_value(match["r2"] or "I")
    if first is None or second is None:
        return None
    word = {"séc.": "século", "sécs.": "séculos"}.get(match["w"].lower(), match["w"])
    spoken = f"{word} {_regnal_words(first)}"
    if match["r2"]:
        joiner = " a " if match["j"] in ("-", "–") else match["j"]
        spoken += f"{joiner}{_regnal_words(second)}"
    return capital_at_start(spoken, match)


REGNAL = (
    "João Pedro Manuel Afonso Sancho Dinis Fernando Duarte Sebastião Henrique Filipe Carlos "
    "Luís Miguel José Bento Pio Leão Gregório Clemente Paulo Inocêncio Urbano Jorge Eduardo "
    "Guilherme Ricardo Napoleão Frederico Alexandre Nicolau Juan Felipe Isabel Maria Catarina "
    "Leonor Vitória Beatriz Elizabeth"
).split()
_QUEENS = frozenset("Isabel Maria Catarina Leonor Vitória Beatriz Elizabeth".split())


def _regnal(match: re.Match[str]) -> str | None:
    """ "D. João VI" → "D. João sexto"; "Bento XVI" → "Bento dezasseis"; "Isabel II" →
    "Isabel segunda"."""
    number = roman_value(match["r"])
    if number is None or number > 40 or match["r"] in ("L", "C"):
        return None
    return f"{match['name']} {_regnal_words(number, match['name'] in _QUEENS)}"


_FEMININE_ROMAN_NOUNS = frozenset(
    "Guerra República Cimeira Conferência Legislatura Bienal Assembleia Jornada Jornadas "
    "Dinastia".split()
)
ROMAN_NOUNS = _FEMININE_ROMAN_NOUNS | frozenset(
    "Governo Congresso Encontro Festival Concílio Plano Reich Império Fórum Salão".split()
)
"""Nouns a Roman ordinal stands before: "II Guerra Mundial", "XXIV Governo"."""


def _roman_ordinal(match: re.Match[str]) -> str | None:
    """ "II Guerra Mundial" → "Segunda Guerra Mundial"; "XXIII Governo" → "vigésimo
    terceiro Governo"."""
    number = roman_value(match["r"])
    if number is None:
        return None
    noun = match["noun"]
    spoken = ordinal(number, noun in _FEMININE_ROMAN_NOUNS, noun.endswith("s"))
    return capital_at_start(spoken + " ", match)


ROMAN_RULES: tuple[Rule, ...] = (
    Rule(
        "regnal number",
        r"\b(?P<name>" + "|".join(REGNAL) + r") (?P<r>[IVXL]+)\b(?![\w'-])",
        _regnal,
    ),
    Rule("century", r"(?P<w>\b[Ss]éculos?|\b[Ss]écs?\.)\s" + _ROMAN_LIST, _century),
    Rule(
        "roman ordinal",
        r"\b(?P<r>[IVXLC]+) (?=(?P<noun>" + "|".join(sorted(ROMAN_NOUNS)) + r")\b)",
        _roman_ordinal,
    ),
)
"""Regnal numbers, centuries and Roman ordinals, asked before dates."""
