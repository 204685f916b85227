"""Spanish abbreviations and titles spoken in full: "etc." → "etcétera", "EE. UU." →
"Estados Unidos", "p. ej." → "por ejemplo", "el Sr. García" → "el señor García", "n.º 5"
→ "número cinco", "a. C." → "antes de Cristo", "S.A." → "sociedad anónima".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefing.script.normalize.context import as_written_case
from briefing.script.normalize.context import keep_stop as _keep_stop
from briefing.script.normalize.es.words import (
    _UPPER,
    R,
    cardinal,
    starts_sentence,
)
from briefing.script.normalize.scanner import Rule

WORDS = {
    "etc.": "etcétera",
    "EE. UU.": "Estados Unidos",
    "EE.UU.": "Estados Unidos",
    "EEUU": "Estados Unidos",
    "FF. AA.": "Fuerzas Armadas",
    "CC. AA.": "comunidades autónomas",
    "CC. OO.": "Comisiones Obreras",
    "RR. HH.": "recursos humanos",
    "JJ. OO.": "Juegos Olímpicos",
    "SS. MM.": "Sus Majestades",
    "p. ej.": "por ejemplo",
    "aprox.": "aproximadamente",
    "a. C.": "antes de Cristo",
    "d. C.": "después de Cristo",
    "a. m.": "de la mañana",
    "p. m.": "de la tarde",
    "S.A.": "sociedad anónima",
    "S. A.": "sociedad anónima",
    "S.L.": "sociedad limitada",
    "S. L.": "sociedad limitada",
    "vs.": "contra",
    "máx.": "máximo",
    "mín.": "mínimo",
    "Avda.": "avenida",
    "avda.": "avenida",
    "Pza.": "plaza",
    "Cía.": "compañía",
    "Dpto.": "departamento",
    "Uds.": "ustedes",
    "Ud.": "usted",
    "Vd.": "usted",
}
"""Abbreviations said wherever they stand (the spaced ones also written without spaces)."""

BEFORE_NAME = {
    "Sr.": "señor",
    "Sra.": "señora",
    "Srta.": "señorita",
    "Sres.": "señores",
    "Dr.": "doctor",
    "Dra.": "doctora",
    "D.": "don",
    "Dña.": "doña",
    "D.ª": "doña",
    "Prof.": "profesor",
    "Profa.": "profesora",
    "Lic.": "licenciado",
    "Ing.": "ingeniero",
    "Gral.": "general",
    "Excmo.": "excelentísimo",
    "Excma.": "excelentísima",
    "Mons.": "monseñor",
    "Pdte.": "presidente",
    "Sto.": "santo",
    "Sta.": "santa",
    "c/": "calle",
    "C/": "calle",
    "Av.": "avenida",
}
"""Titles, said before a capitalised name: "el Dr. Sánchez" → "el doctor Sánchez"."""

BEFORE_NUMBER = {
    "n.º": "número",
    "N.º": "número",
    "nº": "número",
    "Nº": "número",
    "núm.": "número",
    "Núm.": "número",
    "nro.": "número",
    "pág.": "página",
    "págs.": "páginas",
    "p.": "página",
    "art.": "artículo",
    "Art.": "artículo",
    "arts.": "artículos",
    "cap.": "capítulo",
    "vol.": "volumen",
    "tel.": "teléfono",
    "Tel.": "teléfono",
    "tfno.": "teléfono",
    "km": "kilómetro",
}
"""Said only before a number: "pág. 12" → "página doce", "art. 155" → "artículo ciento
cincuenta y cinco"."""

SENTENCE_FINAL = frozenset(
    {"etc.", "EE. UU.", "EE.UU.", "a. C.", "d. C.", "S.A.", "S. A.", "S.L.", "S. L.", "a. m."}
    | {"p. m.", "CC. AA.", "FF. AA.", "RR. HH.", "JJ. OO.", "CC. OO."}
)
"""Abbreviations that often end a sentence: their stop stays before a new sentence."""

_BY_KEY = {re.sub(r"\s", "", k).lower(): (k, v) for k, v in WORDS.items()}
_FINAL = {re.sub(r"\s", "", k).lower() for k in SENTENCE_FINAL}


def _abbreviation(match: re.Match[str]) -> str | None:
    key = re.sub(r"\s", "", match[0]).lower()
    written, spoken = _BY_KEY[key]
    start = starts_sentence(match.string, match.start())
    if match[0][0] != written[0] and not start:
        return None  # "A. C. Milan": initials, unless a sentence opens with "P. ej."
    if key == "p.m." and (
        hour := re.search(r"(\d{1,2})(?:[.:]\d\d)?\s*$", match.string[: match.start()])
    ):
        spoken = "de la noche" if 8 <= int(hour[1]) <= 11 else spoken  # "9 p. m."
    if spoken[0].islower() and start:
        spoken = spoken[0].upper() + spoken[1:]
    return _keep_stop(spoken, match, before_capital=key in _FINAL)


def _pattern(abbreviation: str) -> str:
    """ "EE. UU." matches "EE. UU." and "EE.UU."; "p. ej." also "p.ej." and, opening a
    sentence, "P. ej."."""
    first, rest = abbreviation[0], abbreviation[1:]
    start = f"[{first}{first.upper()}]" if first.islower() else re.escape(first)
    return start + re.escape(rest).replace(r"\ ", r"\s?")


def _title(match: re.Match[str]) -> str | None:
    """ "Sr. García" → "señor García" ("Señor" at a sentence's start); "D." after a name is
    an initial ("José D. Pérez"), not "don"."""
    written = match["t"]
    if written == "D.":
        before = match.string[max(0, match.start() - 30) : match.start()]
        name = re.search(rf"[{_UPPER}]\w*\s$", before)
        if name and not name[0].rstrip().endswith(("ó", "á", "aron", "ieron")):
            return None  # "José D. Pérez"; but "Llegó D. Juan Carlos"
    spoken = BEFORE_NAME[written]
    if starts_sentence(match.string, match.start()):
        spoken = spoken[0].upper() + spoken[1:]
    return spoken


def _before_number(spoken: str) -> Callable[[re.Match[str]], str]:
    """ "n.º 5" → "número" (the number is read on its own); "nº5" → "número cinco"."""

    def handler(match: re.Match[str]) -> str:
        word = spoken
        if match[0][:1].isupper() and starts_sentence(match.string, match.start()):
            word = as_written_case(spoken, match[0])
        return f"{word} {cardinal(match['n'])}" if match["n"] else word

    return handler


ABBREVIATION_RULES: tuple[Rule, ...] = (
    *(
        Rule(f"abbreviation {k}", r"(?<![\w.])" + _pattern(k) + r"(?![\w])", _abbreviation)
        for k in sorted(WORDS, key=len, reverse=True)
    ),
    *(
        Rule(
            f"before a number {k}",
            r"(?<![\w.])" + re.escape(k) + r"(?:(?=\s\d)|(?P<n>\d+)" + R + ")",
            _before_number(v),
        )
        for k, v in sorted(BEFORE_NUMBER.items(), key=lambda kv: len(kv[0]), reverse=True)
    ),
    Rule(
        "title",
        r"(?<![\w.])(?P<t>"
        + "|".join(re.escape(k) for k in sorted(BEFORE_NAME, key=len, reverse=True))
        + rf")(?=\s*[{_UPPER}])",
        _title,
    ),
)
"""The abbreviation and title rules, in the order the scanner asks them."""
