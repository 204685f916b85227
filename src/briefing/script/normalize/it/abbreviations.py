"""Italian abbreviations and titles spoken in full: "ecc." → "eccetera", "Sig.ra Rossi" →
"signora Rossi", "Dott. Bianchi" → "dottor Bianchi", "n. 5" → "numero cinque", "a.C." →
"avanti Cristo", "S.p.A." → "spa", "il c.d. decreto" → "il cosiddetto decreto".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefing.script.normalize.context import keep_stop as _keep_stop
from briefing.script.normalize.context import words_before
from briefing.script.normalize.it.words import (
    _UPPER,
    R,
    cardinal,
    starts_sentence,
)
from briefing.script.normalize.scanner import Rule

WORDS = {
    "ecc.": "eccetera",
    "etc.": "eccetera",
    "ca.": "circa",
    "cfr.": "confronta",
    "p.es.": "per esempio",
    "ad es.": "ad esempio",
    "a.C.": "avanti Cristo",
    "d.C.": "dopo Cristo",
    "S.p.A.": "spa",
    "S.r.l.": "esse erre elle",
    "d.l.": "decreto legge",
    "D.L.": "decreto legge",
    "d.lgs.": "decreto legislativo",
    "D.Lgs.": "decreto legislativo",
    "D.lgs.": "decreto legislativo",
    "c.p.": "codice penale",
    "c.p.p.": "codice di procedura penale",
    "c.c.": "codice civile",
    "tel.": "telefono",
    "N.B.": "nota bene",
    "vs.": "contro",
    "vs": "contro",
}
"""Abbreviations said wherever they stand."""

BEFORE_NAME = {
    "Sig.": "signor",
    "Sig.ra": "signora",
    "Sig.na": "signorina",
    "Sigg.": "signori",
    "Sig.ri": "signori",
    "Dott.": "dottor",
    "Dott.ssa": "dottoressa",
    "Dr.": "dottor",
    "Dr.ssa": "dottoressa",
    "Prof.": "professor",
    "Prof.ssa": "professoressa",
    "Avv.": "avvocato",
    "Ing.": "ingegner",
    "Arch.": "architetto",
    "Geom.": "geometra",
    "Rag.": "ragionier",
    "On.": "onorevole",
    "Sen.": "senatore",
    "Mons.": "monsignor",
    "Card.": "cardinale",
    "Gen.": "generale",
    "Col.": "colonnello",
    "Magg.": "maggiore",
    "Cap.": "capitano",
    "Ten.": "tenente",
    "Cav.": "cavalier",
    "Comm.": "commendator",
    "Pres.": "presidente",
    "Egr.": "egregio",
    "V.le": "viale",
    "P.za": "piazza",
    "P.zza": "piazza",
    "C.so": "corso",
    "L.go": "largo",
    "Loc.": "località",
    "Fraz.": "frazione",
}
"""Titles and street words, said before a capitalised name: "Sig. Rossi" → "signor Rossi"."""

BEFORE_NUMBER = {
    "n.": "numero",
    "N.": "numero",
    "nn.": "numeri",
    "n°": "numero",
    "N°": "numero",
    "nº": "numero",
    "pag.": "pagina",
    "pagg.": "pagine",
    "p.": "pagina",
    "pp.": "pagine",
    "art.": "articolo",
    "Art.": "articolo",
    "artt.": "articoli",
    "c.": "comma",
    "co.": "comma",
    "cap.": "capitolo",
    "vol.": "volume",
    "fig.": "figura",
    "tab.": "tabella",
}
"""Said only before a number: "n. 5" → "numero cinque", "art. 3" → "articolo tre"."""

SENTENCE_FINAL = frozenset(
    {"ecc.", "etc.", "a.C.", "d.C.", "S.p.A.", "S.r.l.", "c.p.", "c.p.p.", "c.c."}
)
"""Abbreviations that often end a sentence: their stop stays before a new sentence."""


def _pattern(abbreviation: str) -> str:
    """ "p.es." matches "p. es." too; "ecc." matches "Ecc."."""
    first, rest = abbreviation[0], abbreviation[1:]
    start = f"[{first.lower()}{first.upper()}]" if first.isalpha() else re.escape(first)
    pattern = start + re.escape(rest).replace(r"\.", r"\.\s?").replace(r"\ ", r"\s?")
    return pattern.removesuffix(r"\s?")


def _at_start(spoken: str, match: re.Match[str]) -> str:
    if starts_sentence(match.string, match.start()):
        return spoken[0].upper() + spoken[1:]
    return spoken


_SPOKEN = {re.sub(r"\s", "", k): v for k, v in WORDS.items()}


def _abbreviation(match: re.Match[str]) -> str:
    """ "ecc." → "eccetera" (its stop kept where a new sentence follows); "a.C." →
    "avanti Cristo"."""
    written = re.sub(r"\s", "", match[0])
    spoken = _SPOKEN.get(written) or _SPOKEN[written[0].swapcase() + written[1:]]
    if spoken.startswith("codice") and re.search(r"\d\s$", match.string[: match.start()]):
        spoken = "del " + spoken  # "art. 575 c.p." → "articolo … del codice penale"
    final = written in ("ecc.", "etc.") or (written in SENTENCE_FINAL and _opens_sentence(match))
    return _keep_stop(_at_start(spoken, match), match, before_capital=final)


OPENERS = frozenset(
    "il lo la i gli le l un una uno nel nella nei negli nelle in per secondo da dal dalla "
    "con ma e ed è questo questa questi quello quella ci si non a al alla dopo prima tra fra "
    "oggi ieri domani già anche poi così ora qui lì sono era fu".split()
)
"""Words that open a sentence after "a.C." or "S.p.A." (a name after them does not)."""


def _opens_sentence(match: re.Match[str]) -> bool:
    """Whether the capitalised word after the match opens a new sentence: "nel 79 d.C. La
    città …", but not "nel 79 d.C. Pompei fu distrutta"."""
    after = re.match(r"\s+[\"'(]?\s?([^\W\d_]+)", match.string[match.end() :])
    return after is not None and after[1][0].isupper() and after[1].lower() in OPENERS


FEMININE_TITLES = {
    "Sen.": "senatrice",
    "Prof.": "professoressa",
    "Dott.": "dottoressa",
    "Dr.": "dottoressa",
    "Sig.": "signora",
    "Pres.": "presidente",
}
"""Titles after a feminine article: "la Sen. Segre" → "la senatrice Segre"."""
_FEMININE_ARTICLES = frozenset("la della alla dalla nella sulla una".split())


def _title(match: re.Match[str]) -> str:
    """ "il Dott. Bianchi" → "il dottor Bianchi"; "la Sen. Segre" → "la senatrice Segre";
    "Sig.ra Rossi" at a sentence's start → "Signora Rossi"."""
    key = re.sub(r"\s", "", match["t"])
    key = key[0].upper() + key[1:]
    before = words_before(match, 1)
    if key in FEMININE_TITLES and before and before[-1] in _FEMININE_ARTICLES:
        return FEMININE_TITLES[key]
    return _at_start(BEFORE_NAME[key], match)


def _before_number(spoken: str) -> Callable[[re.Match[str]], str]:
    """ "n. 5" → "numero" (the number is read on its own); "n.5" → "numero cinque"; "Art. 3"
    at a sentence's start → "Articolo"."""

    def handler(match: re.Match[str]) -> str:
        word = _at_start(spoken, match)
        return f"{word} {cardinal(match['n'])}" if match["n"] else word

    return handler


_SO_CALLED = {"f": "cosiddetta", "fp": "cosiddette", "mp": "cosiddetti"}
_ARTICLES = {
    **dict.fromkeys("la una della alla nella dalla sulla questa".split(), "f"),
    **dict.fromkeys("le delle alle nelle dalle sulle queste".split(), "fp"),
    **dict.fromkeys("i gli dei degli ai agli nei negli dai dagli sui sugli questi".split(), "mp"),
}


def _so_called(match: re.Match[str]) -> str:
    """ "il c.d. decreto" → "il cosiddetto decreto"; "la c.d. riforma" → "la cosiddetta
    riforma": the ending follows the article."""
    before = words_before(match, 1)
    kind = _ARTICLES.get(before[-1], "") if before else ""
    return _at_start(_SO_CALLED.get(kind, "cosiddetto"), match)


ABBREVIATION_RULES: tuple[Rule, ...] = (
    Rule("so-called", r"(?<![\w.])[cC]\.\s?d\.", _so_called),
    *(
        Rule(f"abbreviation {k}", r"(?<![\w.])" + _pattern(k) + r"(?![\w])", _abbreviation)
        for k in sorted(WORDS, key=len, reverse=True)
    ),
    Rule(
        "title",
        r"(?<![\w.])(?P<t>"
        + "|".join(_pattern(k) for k in sorted(BEFORE_NAME, key=len, reverse=True))
        + rf")(?=\s+[{_UPPER}])",
        _title,
    ),
    *(
        Rule(
            f"before a number {k}",
            r"(?<![\w.])" + re.escape(k) + r"(?:(?P<n>\d+)" + R + r"|(?=\s\d))",
            _before_number(v),
        )
        for k, v in sorted(BEFORE_NUMBER.items(), key=lambda kv: len(kv[0]), reverse=True)
    ),
)
"""The abbreviation and title rules, in the order the scanner asks them."""
