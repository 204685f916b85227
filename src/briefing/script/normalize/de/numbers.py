"""German numbers: web addresses and phone numbers, cardinals, years, decades, codes
("PSD2", "5G"), scores, spans, negatives and hyphenated compounds.
"""

from __future__ import annotations

import re

from briefing.script.normalize.context import words_before
from briefing.script.normalize.de.words import (
    DIGITS,
    MONTHS,
    NUM,
    L,
    R,
    before_noun,
    capital_at_start,
    cardinal,
    word_after,
    year,
)
from briefing.script.normalize.scanner import Rule
from briefing.script.normalize.shapes import WEB_ADDRESS_RULE, code_rule


def _digits(text: str) -> str:
    return " ".join(DIGITS[int(d)] for d in text)


def _phone(match: re.Match[str]) -> str:
    groups = re.findall(r"\d+", match[0])
    spoken = ", ".join(_digits(g) for g in groups)
    return ("plus " if match[0].startswith("+") else "") + spoken


YEAR_BEFORE = frozenset(
    "jahr jahre jahren jahres jahrgang seit bis von ab nach vor um zwischen anfang ende mitte "
    "frühjahr frühling sommer herbst winter saison anno bereits schon erst noch damals im "
    "wahljahr".split()
) | frozenset(m.lower() for m in MONTHS)
"""Words after which four digits are a year ("seit 1986", "im Juni 2018")."""
COUNT_NOUNS = frozenset(
    "Euro Cent Dollar Pfund Franken Menschen Personen Leute Einwohner Mitarbeiter Beschäftigte "
    "Kilometer Kilometern Meter Metern Tonnen Stück Seiten Fahrzeuge Autos Wohnungen Stimmen "
    "Fälle Tote Verletzte Soldaten Schüler Studenten Kinder Besucher Zuschauer Teilnehmer "
    "Exemplare Jahre Tage Stunden Minuten Euros".split()
)
"""Nouns after which four digits count things ("1600 Euro") rather than name a year."""


def is_year(match: re.Match[str], text: str) -> bool:
    """Whether the four digits `text` at `match` are a year: after a word such as "seit",
    "im Jahr" or a month, or, when not counting a noun, anywhere 1100-2099 is."""
    if not re.fullmatch(r"\d{4}", text) or not 1100 <= int(text) <= 2099:
        return False
    before = words_before(match, 2)
    after = word_after(match).rstrip(".")
    if after in COUNT_NOUNS:
        return False
    if before and (before[-1] in YEAR_BEFORE or before[-1] in {"und", "oder", "bzw"}):
        return True
    return not after[:1].isupper()  # "1600 Euro", "2300 Lastwagen" count


def _hyphenated(match: re.Match[str]) -> str:
    """ "30-Minuten-Takt" → "Dreißig-Minuten-Takt"; "48-Jährige" → "Achtundvierzigjährige";
    "1-Zimmer-Wohnung" → "Ein-Zimmer-Wohnung"."""
    spoken, word = cardinal(match["n"]), match["w"]
    if spoken.endswith("eins"):
        spoken = spoken[:-1]
    joined = spoken + word.lower() if re.match(r"[jJ]ährig", word) else f"{spoken}-{word}"
    if word[:1].isupper():
        return joined[0].upper() + joined[1:]
    return capital_at_start(joined, match)


def _number(match: re.Match[str]) -> str:
    """A number: digit by digit with a leading zero, a year where it names one, else a
    cardinal ("ein" before a noun)."""
    text = match["n"]
    if len(text) > 1 and text[0] == "0" and text.isdigit():
        return _digits(text)
    if is_year(match, text):
        spoken = year(int(text))
    else:
        spoken = cardinal(text)
        noun = word_after(match)
        if noun[:1].isupper() and "," not in text:
            spoken = before_noun(spoken, noun.rstrip("."))
    return capital_at_start(spoken, match)


def _decade(match: re.Match[str]) -> str:
    """ "60er-Jahren" → "Sechzigerjahren"; "60er Jahre" → "sechziger Jahre"; "in den 90ern"
    → "in den Neunzigern"."""
    words = year(int(match["d"])) + "er"
    if match["j"]:
        return words.capitalize() + match["j"][1:].lower()
    if match["n"] or not word_after(match).startswith("Jahr"):
        return capital_at_start(words.capitalize() + (match["n"] or ""), match)
    return capital_at_start(words, match)


def _span(match: re.Match[str]) -> str:
    first, second = match["a"], match["b"]
    if (
        re.fullmatch(r"\d{4}", first)
        and 1100 <= int(first) <= 2099
        and re.fullmatch(r"\d{2}|\d{4}", second)
    ):
        end = year(int(second)) if len(second) == 4 else cardinal(second)
        return capital_at_start(f"{year(int(first))} bis {end}", match)
    return capital_at_start(f"{cardinal(first)} bis {cardinal(second)}", match)


def _score(match: re.Match[str]) -> str:
    return capital_at_start(f"{cardinal(match['a'])} zu {cardinal(match['b'])}", match)


def _negative(match: re.Match[str]) -> str:
    return capital_at_start("minus " + cardinal(match["n"]), match)


def _code(match: re.Match[str]) -> str:
    """ "PSD2" → "PSD zwei", "SARS-CoV-2" → "SARS-CoV-zwei", "CO2-Fußabdruck" →
    "CO-zwei-Fußabdruck", "5G" → "fünf G": letters kept for the voice, numbers in words."""
    if match["lead"] is not None:
        return capital_at_start(f"{cardinal(match['n2'])} ", match)
    words = cardinal(match["n"])
    joiner = "-" if match["h"] or match.string.startswith("-", match.end()) else " "
    return joiner + words + (" " if match["glued"] is not None else "")


ADDRESS_RULES: tuple[Rule, ...] = (
    WEB_ADDRESS_RULE,
    Rule(
        "phone",
        r"(?:\+\d{2,3}(?:[ /-]?\(?0?\)?\d{2,5}){2,5}|(?<![\w.,/:+-])0\d{2,5}(?:[ /-]\d{1,6})+)"
        r"(?![\w%€]|[.,:]\d)",
        _phone,
    ),
)
"""Web addresses (kept as written) and phone numbers, asked first."""


CODE_RULES: tuple[Rule, ...] = (
    Rule(
        "decade",
        L + r"(?P<d>(?:1[1-9]|20)?[1-9]0)er(?P<n>n)?(?P<j>-Jahre\w*)?(?![\w-])",
        _decade,
    ),
    code_rule(L, R, _code),
)
"""Decades and codes, asked after units and before ordinals."""


NUMBER_RULES: tuple[Rule, ...] = (
    Rule("score", L + r"(?P<a>\d{1,3}):(?P<b>\d{1,3})" + R, _score),
    Rule("span", L + r"(?P<a>" + NUM + r")\s?[-–]\s?(?P<b>" + NUM + r")" + R, _span),
    Rule("negative", r"(?<![\w.,)])-(?P<n>" + NUM + r")" + R, _negative),
    Rule("hyphenated", L + r"(?P<n>\d+)-(?P<w>[^\W\d_]\w*)", _hyphenated),
    Rule("number", L + r"(?P<n>" + NUM + r")" + R, _number),
)
"""Scores, spans, negatives, hyphenated compounds and plain numbers, asked last."""
