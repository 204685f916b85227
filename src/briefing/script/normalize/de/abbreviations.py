"""German abbreviations spoken in full: "z. B." → "zum Beispiel", "Nr. 5" → "Nummer",
"sog." with the ending its article asks for, titles before a name, weekday
abbreviations before a date and the paragraph sign.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefing.script.normalize.context import as_written_case as _as_written_case
from briefing.script.normalize.context import keep_stop as _keep_stop
from briefing.script.normalize.context import words_before
from briefing.script.normalize.de.dates import FEMININE_ORDINAL, _ending, _gender
from briefing.script.normalize.de.words import (
    _UPPER,
    FEMININE,
    WEEKDAY_ABBREVIATIONS,
    R,
    cardinal,
    starts_sentence,
    word_after,
)
from briefing.script.normalize.scanner import Rule

DOTTED = {
    "z. B.": "zum Beispiel",
    "u. a.": "unter anderem",
    "d. h.": "das heißt",
    "u. U.": "unter Umständen",
    "v. a.": "vor allem",
    "o. Ä.": "oder Ähnliches",
    "o. ä.": "oder Ähnliches",
    "u. Ä.": "und Ähnliches",
    "z. T.": "zum Teil",
    "i. d. R.": "in der Regel",
    "s. o.": "siehe oben",
    "s. u.": "siehe unten",
    "a. D.": "außer Dienst",
    "i. A.": "im Auftrag",
    "e. V.": "eingetragener Verein",
    "v. Chr.": "vor Christus",
    "n. Chr.": "nach Christus",
    "u. v. m.": "und vieles mehr",
    "u. s. w.": "und so weiter",
    "m. E.": "meines Erachtens",
    "Dipl.-Ing.": "Diplomingenieur",
}
"""Abbreviations of more than one word, written with or without the spaces."""

WORDS = {
    "bzw.": "beziehungsweise",
    "ca.": "circa",
    "usw.": "und so weiter",
    "etc.": "et cetera",
    "vgl.": "vergleiche",
    "ggf.": "gegebenenfalls",
    "evtl.": "eventuell",
    "inkl.": "inklusive",
    "exkl.": "exklusive",
    "zzgl.": "zuzüglich",
    "bzgl.": "bezüglich",
    "bspw.": "beispielsweise",
    "insb.": "insbesondere",
    "Jh.": "Jahrhundert",
    "Jhd.": "Jahrhundert",
    "Hrsg.": "Herausgeber",
    "Tel.": "Telefon",
    "Str.": "Straße",
    "geb.": "geboren",
    "gest.": "gestorben",
    "max.": "maximal",
    "mind.": "mindestens",
    "rd.": "rund",
    "Std.": "Stunden",
    "Prof.": "Professor",
    "Nr.": "Nummer",
    "Nrn.": "Nummern",
    "Mio.": "Millionen",
    "Mrd.": "Milliarden",
    "Tsd.": "Tausend",
    "Bio.": "Billionen",
}
"""One-word abbreviations, said wherever they stand."""

BEFORE_NUMBER = {
    "Nr.": "Nummer",
    "Nrn.": "Nummern",
    "S.": "Seite",
    "Art.": "Artikel",
    "Abs.": "Absatz",
    "Bd.": "Band",
    "Kap.": "Kapitel",
}
"""Said only before a number: "S. 47" is "Seite siebenundvierzig", "Lutz S." a name; with
the number when glued to it ("Nr.5")."""

BEFORE_NAME = {"St.": "Sankt", "Fr.": "Frau", "Hr.": "Herr", "Hrn.": "Herrn"}
"""Said only before a capital: "St. Pauli", "Fr. Müller"."""


SENTENCE_OPENERS = frozenset({"z. B.", "u. a.", "d. h.", "v. a.", "z. T.", "i. d. R."})
"""Abbreviations that may open a sentence, with a capital: "Z. B. kostet …"."""
SENTENCE_FINAL = frozenset({"usw.", "etc.", "u. v. m.", "o. Ä.", "o. ä.", "u. Ä.", "u. s. w."})
"""Abbreviations that often end a sentence: their stop stays before a new sentence."""


def _dotted_pattern(abbreviation: str) -> str:
    first, rest = abbreviation[0], abbreviation[1:]
    start = f"[{first.lower()}{first.upper()}]" if first.isalpha() else re.escape(first)
    return start + re.escape(rest).replace(r"\ ", r"\s?")


_ABBREVIATIONS = {re.sub(r"\s", "", k).lower(): (k, v) for k, v in {**DOTTED, **WORDS}.items()}


def _abbreviation(match: re.Match[str]) -> str | None:
    """ "z. B." → "zum Beispiel"; "Z. B." at a sentence's start → "Zum Beispiel", but "Max."
    in the middle of one is a name."""
    written = match[0]
    key, spoken = _ABBREVIATIONS[re.sub(r"\s", "", written).lower()]
    if written[0] != key[0] and (
        not starts_sentence(match.string, match.start())
        or (" " in key and key not in SENTENCE_OPENERS)
        or (" " not in key and re.match(rf"\s*[{_UPPER}]", match.string[match.end() :]))
    ):
        return None  # "Max. Mustermann" and "A. D. Smith" are names; "Max. 5 Personen" is not
    final = key in SENTENCE_FINAL
    return _keep_stop(_as_written_case(spoken, written), match, before_capital=final)


def _street(match: re.Match[str]) -> str:
    return _keep_stop("straße", match)


def _doctor(match: re.Match[str]) -> str:
    return _keep_stop("Doktor", match)


def _sogenannt(match: re.Match[str]) -> str:
    """ "die sog. Experten" → "die sogenannten Experten": the ending follows the article."""
    before = words_before(match, 2)
    noun = word_after(match)
    ending = _ending(before, _gender(noun))
    if before and before[-1] == "die" and not _singular_feminine(noun):
        ending = "n"  # "die sogenannten Experten", but "die sogenannte Expertin"
    spoken = "sogenannt" + ("e" + ending if ending else "e")
    return _as_written_case(spoken, match[0])


def _singular_feminine(noun: str) -> bool:
    return noun in FEMININE or noun in FEMININE_ORDINAL or noun.endswith(_FEMININE_ENDINGS)


_FEMININE_ENDINGS = ("ung", "heit", "keit", "schaft", "ion", "tät", "in", "ik", "ur", "enz")


def _paragraph(match: re.Match[str]) -> str:
    return "Paragrafen " if match[0].startswith("§§") else "Paragraf "


def _before_number(spoken: str) -> Callable[[re.Match[str]], str]:
    """ "Nr. 5" → "Nummer" (the number is read on its own); "Nr.5" → "Nummer fünf"."""

    def handler(match: re.Match[str]) -> str:
        word = _as_written_case(spoken, match[0])
        return f"{word} {cardinal(match['n'])}" if match["n"] else word

    return handler


def _with_stop(spoken: str) -> Callable[[re.Match[str]], str]:
    def handler(match: re.Match[str]) -> str:
        return _keep_stop(_as_written_case(spoken, match[0]), match)

    return handler


ABBREVIATION_RULES: tuple[Rule, ...] = (
    *(
        Rule(f"abbreviation {k}", r"(?<![\w.])" + _dotted_pattern(k), _abbreviation)
        for k in sorted(DOTTED, key=len, reverse=True)
    ),
    Rule(
        "doctor",
        r"(?<![\w.])Dr\.(?:\s?(?:med|phil|jur|rer\.\s?nat|rer\.\s?pol|h\.\s?c|ing|oec|theol)\.)*",
        _doctor,
    ),
    Rule("so-called", r"(?<![\w.])[sS]og\.", _sogenannt),
    *(
        Rule(
            f"before a number {k}",
            r"(?<![\w.])" + re.escape(k) + r"(?:(?=\s\d)|(?P<n>\d+)" + R + ")",
            _before_number(v),
        )
        for k, v in BEFORE_NUMBER.items()
    ),
    *(
        Rule(f"abbreviation {k}", r"(?<![\w.])" + _dotted_pattern(k), _abbreviation)
        for k in sorted(WORDS, key=len, reverse=True)
    ),
    Rule("street", r"(?<=[^\W\d_])str\.", _street),
    *(
        Rule(
            f"before a name {k}", r"(?<![\w.])" + re.escape(k) + rf"(?=\s[{_UPPER}])", _with_stop(v)
        )
        for k, v in BEFORE_NAME.items()
    ),
    Rule(
        "weekday abbreviation",
        r"(?<![\w.])(?P<w>Mo|Di|Mi|Do|Fr|Sa|So)\.(?=,?\s\d)",
        lambda m: WEEKDAY_ABBREVIATIONS[m["w"]],
    ),
    Rule("paragraph sign", r"§§?\s?(?=\d)", _paragraph),
)
"""The abbreviation rules, in the order the scanner asks them."""
