"""Dutch abbreviations spoken in full: "o.a." → "onder andere", "dhr." → "de heer", "nr. 5"
→ "nummer vijf", "t/m" → "tot en met", titles before a name ("mr." → "meester"), and the
company forms "B.V." and "N.V." said as their letters.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefing.script.normalize.context import as_written_case as _as_written_case
from briefing.script.normalize.context import keep_stop as _keep_stop
from briefing.script.normalize.context import words_before
from briefing.script.normalize.nl.dates import MONTH_NAME
from briefing.script.normalize.nl.words import UPPER, WEEKDAYS, R, cardinal, starts_sentence
from briefing.script.normalize.scanner import Rule

DOTTED = {
    "n.v.t.": "niet van toepassing",
    "m.b.t.": "met betrekking tot",
    "d.w.z.": "dat wil zeggen",
    "i.p.v.": "in plaats van",
    "i.v.m.": "in verband met",
    "m.i.v.": "met ingang van",
    "t.a.v.": "ten aanzien van",
    "t.o.v.": "ten opzichte van",
    "o.l.v.": "onder leiding van",
    "i.s.m.": "in samenwerking met",
    "z.s.m.": "zo snel mogelijk",
    "t.z.t.": "te zijner tijd",
    "Z.K.H.": "Zijne Koninklijke Hoogheid",
    "H.K.H.": "Hare Koninklijke Hoogheid",
    "n.Chr.": "na Christus",
    "v.Chr.": "voor Christus",
    "o.a.": "onder andere",
    "o.m.": "onder meer",
    "m.n.": "met name",
    "b.v.": "bijvoorbeeld",
    "e.a.": "en anderen",
    "e.d.": "en dergelijke",
    "c.q.": "casu quo",
    "a.s.": "aanstaande",
    "j.l.": "jongstleden",
    "p.p.": "per persoon",
    "B.V.": "BV",
    "N.V.": "NV",
}
"""Abbreviations of more than one letter group, written with or without the spaces
("o.a.", "o. a.")."""

WORDS = {
    "bijv.": "bijvoorbeeld",
    "enz.": "enzovoort",
    "etc.": "et cetera",
    "ca.": "circa",
    "dhr.": "de heer",
    "mevr.": "mevrouw",
    "mw.": "mevrouw",
    "nr.": "nummer",
    "nrs.": "nummers",
    "blz.": "bladzijde",
    "pag.": "pagina",
    "jl.": "jongstleden",
    "resp.": "respectievelijk",
    "evt.": "eventueel",
    "incl.": "inclusief",
    "excl.": "exclusief",
    "ong.": "ongeveer",
    "max.": "maximaal",
    "vnl.": "voornamelijk",
    "tel.": "telefoon",
    "vs.": "versus",
    "nl.": "namelijk",
    "t/m": "tot en met",
}
"""One-word abbreviations, said wherever they stand."""

BEFORE_NAME = {
    "dr.": "doctor",
    "drs.": "doctorandus",
    "mr.": "meester",
    "ir.": "ingenieur",
    "ing.": "ingenieur",
    "prof.": "professor",
    "St.": "Sint",
    "jr.": "junior",
    "sr.": "senior",
}
"""Titles said before a name or another title ("prof. dr. ir. Jansen"); "jr." and "sr."
after one ("Jansen jr.")."""

BEFORE_NUMBER = {"art.": "artikel", "hfst.": "hoofdstuk", "afl.": "aflevering"}
"""Said only before a number: "art. 12" is "artikel twaalf"."""

SENTENCE_FINAL = frozenset({"enz.", "etc.", "e.a.", "e.d.", "jr.", "sr.", "B.V.", "N.V."})
"""Abbreviations that often end a sentence: their stop stays before a new sentence."""
_ARTICLES = frozenset("een de die deze haar zijn hun eigen".split())


def _dotted_pattern(abbreviation: str) -> str:
    first, rest = abbreviation[0], abbreviation[1:]
    start = f"[{first.lower()}{first.upper()}]" if first.isalpha() else re.escape(first)
    return start + re.escape(rest).replace(r"\.", r"\.\s?").removesuffix(r"\s?")


_ALL = {**DOTTED, **WORDS, **BEFORE_NAME, **BEFORE_NUMBER}


def _lookup(written: str) -> tuple[str, str] | None:
    """The abbreviation `written` stands for, and how it is said: as written, or with a
    capital that only a sentence's start gives it ("O.a." for "o.a.")."""
    key = re.sub(r"\s", "", written)
    if key in _ALL:
        return key, _ALL[key]
    lower = key[0].lower() + key[1:]
    if lower in _ALL:
        return lower, _ALL[lower]
    return None


def _abbreviation(match: re.Match[str]) -> str | None:
    """ "o.a." → "onder andere"; "O.a." at a sentence's start → "Onder andere"; "enz." at the
    end keeps its stop."""
    written = match[0]
    found = _lookup(written)
    if found is None:
        return None
    key, spoken = found
    start = starts_sentence(match.string, match.start())
    title = key in BEFORE_NAME and key != "mr."  # "Dr. Jansen", as some write it
    if written[0] != key[0] and not title and not start:
        return None
    if spoken[0].islower() and written[0].isupper() and start:
        spoken = spoken[0].upper() + spoken[1:]
    return _keep_stop(spoken, match, before_capital=key in SENTENCE_FINAL)


def _bv(match: re.Match[str]) -> str | None:
    """ "bv." is "bijvoorbeeld", but "een bv." or "de bv." a company (said as letters)."""
    before = words_before(match, 1)
    if before and before[-1] in _ARTICLES:
        return _keep_stop("bv", match, before_capital=True)
    return _keep_stop(_as_written_case("bijvoorbeeld", match[0]), match)


def _before_number(spoken: str) -> Callable[[re.Match[str]], str]:
    """ "art. 5" → "artikel" (the number is read on its own); "art.5" → "artikel vijf"."""

    def handler(match: re.Match[str]) -> str:
        word = _as_written_case(spoken, match[0])
        return f"{word} {cardinal(match['n'])}" if match["n"] else word

    return handler


WEEKDAY_ABBREVIATIONS = dict(zip("ma di wo do vr za zo".split(), WEEKDAYS, strict=True))
_WEEKDAY = r"(?:[mM]a|[dD]i|[wW]o|[dD]o|[vV]r|[zZ]a|[zZ]o)"


def _weekday(match: re.Match[str]) -> str | None:
    """ "di. 3 sept." → "dinsdag"; "ma t/m vr" → "maandag tot en met vrijdag"."""
    if match["b"] is None and match[0] == "zo.":
        return None  # "Het is zo. 12 mei …" may end a sentence
    first = WEEKDAY_ABBREVIATIONS[match["a"].lower()]
    if starts_sentence(match.string, match.start()):
        first = first.capitalize()
    if match["b"] is None:
        return first
    link = "tot en met" if "/" in match["to"] else "tot"
    return f"{first} {link} {WEEKDAY_ABBREVIATIONS[match['b'].lower()]}"


def _sorted(table: dict[str, str]) -> list[str]:
    return sorted(table, key=len, reverse=True)


_TITLE_NEXT = rf"(?=\s+(?:[{UPPER}]|(?:{'|'.join(re.escape(t) for t in _sorted(BEFORE_NAME))})))"
_SUFFIX_NAME = r"(?<=[^\W\d_] )"


ABBREVIATION_RULES: tuple[Rule, ...] = (
    Rule(
        "weekday abbreviation",
        rf"(?<![\w.])(?P<a>{_WEEKDAY})(?:\.?(?=,?\s\d{{1,2}}\s{MONTH_NAME})|\.?\s?(?P<to>t/m|-|–)\s?"
        rf"(?P<b>{_WEEKDAY})\b\.?)",
        _weekday,
    ),
    *(
        Rule(f"abbreviation {k}", r"(?<![\w.])" + _dotted_pattern(k) + r"(?![\w])", _abbreviation)
        for k in _sorted(DOTTED)
    ),
    Rule("bv", r"(?<![\w.])[bB]v\.", _bv),
    *(
        Rule(
            f"before a number {k}",
            r"(?<![\w.])" + _dotted_pattern(k) + r"(?:(?=\s\d)|(?P<n>\d+)" + R + ")",
            _before_number(v),
        )
        for k, v in BEFORE_NUMBER.items()
    ),
    *(
        Rule(
            f"title {k}",
            (r"(?<![\w.])" if k not in ("jr.", "sr.") else _SUFFIX_NAME)
            + _dotted_pattern(k)
            + (_TITLE_NEXT if k not in ("jr.", "sr.") else r"(?![\w])"),
            _abbreviation,
        )
        for k in _sorted(BEFORE_NAME)
    ),
    *(
        Rule(f"abbreviation {k}", r"(?<![\w./])" + _dotted_pattern(k) + r"(?![\w/])", _abbreviation)
        for k in _sorted(WORDS)
    ),
)
"""The abbreviation rules, in the order the scanner asks them."""
