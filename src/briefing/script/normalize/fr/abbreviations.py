"""French abbreviations and titles spoken in full: "etc." → "et cetera", "M. Dupont" →
"Monsieur Dupont", "n° 5" → "numéro cinq", "av. J.-C." → "avant Jésus-Christ".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefing.script.normalize.context import keep_stop as _keep_stop
from briefing.script.normalize.fr.words import (
    _UPPER,
    R,
    cardinal,
    starts_sentence,
)
from briefing.script.normalize.scanner import Rule

WORDS = {
    "etc.": "et cetera",
    "c.-à-d.": "c'est-à-dire",
    "av. J.-C.": "avant Jésus-Christ",
    "apr. J.-C.": "après Jésus-Christ",
    "J.-C.": "Jésus-Christ",
    "cf.": "confer",
    "env.": "environ",
}
"""Abbreviations said wherever they stand."""

BEFORE_NAME = {
    "M.": "Monsieur",
    "MM.": "Messieurs",
    "Mme": "Madame",
    "Mmes": "Mesdames",
    "Mlle": "Mademoiselle",
    "Mlles": "Mesdemoiselles",
    "Dr": "Docteur",
    "Dr.": "Docteur",
    "Drs": "Docteurs",
    "Pr": "Professeur",
    "Pr.": "Professeur",
    "Prof.": "Professeur",
    "Me": "Maître",
    "Mgr": "Monseigneur",
    "St": "Saint",
    "Ste": "Sainte",
}
"""Titles, said before a capitalised name: "M. Macron" → "Monsieur Macron"."""

BEFORE_NUMBER = {
    "p.": "page",
    "pp.": "pages",
    "vol.": "volume",
    "t.": "tome",
    "art.": "article",
    "chap.": "chapitre",
    "n°": "numéro",
    "nº": "numéro",
    "N°": "numéro",
    "Nº": "numéro",
    "no": "numéro",
    "nos": "numéros",
}
"""Said only before a number: "p. 3" → "page trois", "n° 5" → "numéro cinq"."""

SENTENCE_FINAL = frozenset({"etc.", "av. J.-C.", "apr. J.-C.", "J.-C."})
"""Abbreviations that often end a sentence: their stop stays before a new sentence."""


def _abbreviation(match: re.Match[str]) -> str:
    written = match[0]
    spoken = WORDS[written]
    return _keep_stop(spoken, match, before_capital=written in SENTENCE_FINAL)


def _before_number(spoken: str) -> Callable[[re.Match[str]], str]:
    """ "n° 5" → "numéro" (the number is read on its own); "n°5" → "numéro cinq"; "N° 5" at
    a sentence's start → "Numéro"."""

    def handler(match: re.Match[str]) -> str:
        word = spoken
        if match[0][:1].isupper() and starts_sentence(match.string, match.start()):
            word = spoken[0].upper() + spoken[1:]
        return f"{word} {cardinal(match['n'])}" if match["n"] else word

    return handler


_DETERMINERS = frozenset("le la les l du de des au aux un une ce cette son sa ses leur".split())


def _title(match: re.Match[str]) -> str:
    """ "M. Macron" → "Monsieur Macron"; after an article, as French writes it out, in lower
    case: "le Dr Martin" → "le docteur Martin"."""
    spoken = BEFORE_NAME[match["t"]]
    before = match.string[max(0, match.start() - 20) : match.start()]
    head = re.findall(r"[^\W\d_]+", before)
    if head and head[-1].lower() in _DETERMINERS and before.rstrip()[-1:].isalpha():
        return spoken.lower()
    return spoken


_NAME = rf"(?=\s+[{_UPPER}])"


ABBREVIATION_RULES: tuple[Rule, ...] = (
    Rule("etc", r"(?<![\w.])etc(?=\.\.\.|…|\s|,|$)", lambda m: "et cetera"),
    *(
        Rule(
            f"abbreviation {k}",
            r"(?<![\w.])" + re.escape(k).replace(r"\ ", r"\s?") + r"(?![\w])",
            _abbreviation,
        )
        for k in sorted(WORDS, key=len, reverse=True)
    ),
    Rule(
        "title",
        r"(?<![\w.])(?P<t>"
        + "|".join(re.escape(k) for k in sorted(BEFORE_NAME, key=len, reverse=True))
        + r")(?![\w.])"
        + _NAME,
        _title,
    ),
    Rule(
        "saint",
        r"(?<![\w.])(?P<t>St|Ste)(?=-[" + _UPPER + r"])",
        lambda m: "Saint" if m["t"] == "St" else "Sainte",
    ),
    *(
        Rule(
            f"before a number {k}",
            r"(?<![\w.])" + re.escape(k) + r"(?:(?=\s\d)|(?P<n>\d+)" + R + ")",
            _before_number(v),
        )
        for k, v in sorted(BEFORE_NUMBER.items(), key=lambda kv: len(kv[0]), reverse=True)
    ),
)
"""The abbreviation and title rules, in the order the scanner asks them."""
