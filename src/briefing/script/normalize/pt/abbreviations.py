"""Portuguese abbreviations and titles spoken in full: "etc." → "etcétera", "p. ex." → "por
exemplo", "Sr. Silva" → "senhor Silva", "n.º 5" → "número cinco", "a.C." → "antes de
Cristo", "S.A." → "sociedade anónima", "D. João" → "Dom João".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefing.script.normalize.context import keep_stop
from briefing.script.normalize.pt.roman import REGNAL
from briefing.script.normalize.pt.words import (
    _UPPER,
    R,
    cardinal,
    starts_sentence,
)
from briefing.script.normalize.scanner import Rule

WORDS = {
    "etc.": "etcétera",
    "p. ex.": "por exemplo",
    "i. e.": "isto é",
    "a.C.": "antes de Cristo",
    "d.C.": "depois de Cristo",
    "S.A.": "sociedade anónima",
    "Lda.": "limitada",
    "Ltda.": "limitada",
    "Cia.": "companhia",
    "aprox.": "aproximadamente",
    "séc.": "século",
    "sécs.": "séculos",
    "vs.": "contra",
    "esq.": "esquerdo",
    "dto.": "direito",
}
"""Abbreviations said wherever they stand ("p. ex." also without its space)."""

BEFORE_NAME = {
    "Sr.": "senhor",
    "Srs.": "senhores",
    "Sra.": "senhora",
    "Sr.ª": "senhora",
    "Sras.": "senhoras",
    "Dr.": "doutor",
    "Drs.": "doutores",
    "Dra.": "doutora",
    "Dr.ª": "doutora",
    "Prof.": "professor",
    "Prof.ª": "professora",
    "Profa.": "professora",
    "Eng.": "engenheiro",
    "Eng.ª": "engenheira",
    "Enga.": "engenheira",
    "Arq.": "arquiteto",
    "Arq.ª": "arquiteta",
    "Pe.": "padre",
    "Sto.": "santo",
    "Sta.": "santa",
    "Exmo.": "excelentíssimo",
    "Exma.": "excelentíssima",
    "Gen.": "general",
    "Dep.": "deputado",
    "Sen.": "senador",
    "Av.": "avenida",
}
"""Titles, said before a word ("Sr. Silva", "a Sra. ministra"); lower case in a sentence,
as Portuguese writes them out."""

BEFORE_NUMBER = {
    "n.º": "número",
    "n.o": "número",
    "nº": "número",
    "N.º": "número",
    "Nº": "número",
    "n.os": "números",
    "n.ºs": "números",
    "pág.": "página",
    "págs.": "páginas",
    "p.": "página",
    "pp.": "páginas",
    "art.": "artigo",
    "arts.": "artigos",
    "cap.": "capítulo",
    "vol.": "volume",
    "al.": "alínea",
    "tel.": "telefone",
    "km": "quilómetro",
}
"""Said only before a number: "n.º 5" → "número cinco", "pág. 3" → "página três"."""

SENTENCE_FINAL = frozenset({"etc.", "a.C.", "d.C.", "S.A.", "Lda.", "Ltda.", "Cia."})
"""Abbreviations that often end a sentence: their stop stays before a new sentence."""

_ABBREVIATIONS = {re.sub(r"\s", "", k): v for k, v in WORDS.items()}


def _abbreviation(match: re.Match[str]) -> str:
    written = re.sub(r"\s", "", match[0])
    spoken = _ABBREVIATIONS[written]
    if spoken[:1].islower() and starts_sentence(match.string, match.start()):
        spoken = spoken[0].upper() + spoken[1:]
    return keep_stop(spoken, match, before_capital=written in SENTENCE_FINAL)


def _title(match: re.Match[str]) -> str:
    """ "Sr. Silva" → "senhor Silva"; at a sentence's start "Senhor Silva"."""
    spoken = BEFORE_NAME[match["t"]]
    if starts_sentence(match.string, match.start()):
        return spoken[0].upper() + spoken[1:]
    return spoken


_QUEENS = frozenset("Maria Isabel Catarina Leonor Beatriz Amélia Filipa Teresa Vitória".split())


def _dom(match: re.Match[str]) -> str:
    """ "D. João" → "Dom João"; "D. Maria" → "Dona Maria"."""
    return "Dona" if match["name"] in _QUEENS else "Dom"


_PLURAL_BEFORE = re.compile(r"\b(?:[dn]?[oa]s|aos|pel[oa]s)\s$")


def _before_number(spoken: str) -> Callable[[re.Match[str]], str]:
    """ "n.º 5" → "número" (the number is read on its own); "n.º5" → "número cinco"; "N.º 5"
    at a sentence's start → "Número"."""

    def handler(match: re.Match[str]) -> str:
        word = spoken
        if _PLURAL_BEFORE.search(match.string, max(0, match.start() - 8), match.start()):
            word = spoken if spoken.endswith("s") else spoken + "s"  # "os km 12 e 20"
        if starts_sentence(match.string, match.start()):
            word = word[0].upper() + word[1:]
        return f"{word} {cardinal(match['n'])}" if match["n"] else word

    return handler


_ROMAN = r"(?!\s?[IVXLC]+\b)"
"""Not before a Roman numeral: "séc. XX" is the century rule's."""


def _pattern(abbreviation: str) -> str:
    return re.escape(abbreviation).replace(r"\ ", r"\s?")


ABBREVIATION_RULES: tuple[Rule, ...] = (
    *(
        Rule(
            f"before a number {k}",
            r"(?<![\w.])" + re.escape(k) + r"(?:(?=\s\d)|(?P<n>\d+)" + R + ")",
            _before_number(v),
        )
        for k, v in sorted(BEFORE_NUMBER.items(), key=lambda kv: len(kv[0]), reverse=True)
    ),
    *(
        Rule(
            f"abbreviation {k}",
            r"(?<![\w.])" + _pattern(k) + r"(?![\w])" + (_ROMAN if k.startswith("séc") else ""),
            _abbreviation,
        )
        for k in sorted(WORDS, key=len, reverse=True)
    ),
    Rule(
        "title",
        r"(?<![\w.])(?P<t>"
        + "|".join(re.escape(k) for k in sorted(BEFORE_NAME, key=len, reverse=True))
        + r")(?![\w.])(?=\s+[\w"
        + _UPPER
        + r"])",
        _title,
    ),
    Rule(
        "dom",
        r"(?<![\w.])D\.(?=\s(?P<name>" + "|".join(sorted({*REGNAL, *_QUEENS})) + r")\b)",
        _dom,
    ),
)
"""The abbreviation and title rules, in the order the scanner asks them."""
