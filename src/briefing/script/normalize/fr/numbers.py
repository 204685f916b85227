"""French numbers: web addresses and phone numbers (said in pairs), cardinals that agree
with a feminine noun, codes ("A10", "5G"), slashes, spans and negatives.
"""

from __future__ import annotations

import re

from briefing.script.normalize.context import word_after
from briefing.script.normalize.fr.words import (
    NUM,
    L,
    R,
    agree,
    capital_at_start,
    cardinal,
    cardinal_int,
)
from briefing.script.normalize.scanner import Rule
from briefing.script.normalize.shapes import WEB_ADDRESS_RULE, code_rule


def _pair(digits: str) -> str:
    return f"zéro {cardinal_int(int(digits[1]))}" if digits[0] == "0" else cardinal_int(int(digits))


def _phone(match: re.Match[str]) -> str:
    """ "02 61 91 04 37" → "zéro deux, soixante et un, quatre-vingt-onze, zéro quatre,
    trente-sept": French numbers in pairs."""
    digits = re.sub(r"\D", "", match[0])
    if match[0].startswith("+"):
        code, rest = digits[:2], digits[2:]
        head = [f"plus {cardinal_int(int(code))}", cardinal_int(int(rest[0]))]
        return ", ".join(head + [_pair(rest[i : i + 2]) for i in range(1, len(rest), 2)])
    return ", ".join(_pair(digits[i : i + 2]) for i in range(0, len(digits), 2))


def _slash(match: re.Match[str]) -> str | None:
    """ "23/43" → "vingt-trois sur quarante-trois"; "2007/2008" → "deux mille sept à deux
    mille huit"; other slashes stay as written."""
    first, second = int(match["a"]), int(match["b"])
    if len(match["a"]) == 4 and len(match["b"]) == 4 and second == first + 1:
        return capital_at_start(f"{cardinal_int(first)} à {cardinal_int(second)}", match)
    if 0 < first < second <= 100 and match["a"][0] != "0":
        return capital_at_start(f"{cardinal_int(first)} sur {cardinal_int(second)}", match)
    return None


def _span(match: re.Match[str]) -> str:
    """ "10-15" → "dix à quinze"; "2019-2020" → "deux mille dix-neuf à deux mille vingt"."""
    return capital_at_start(f"{cardinal(match['a'])} à {cardinal(match['b'])}", match)


def _negative(match: re.Match[str]) -> str:
    return capital_at_start("moins " + cardinal(match["n"]), match)


def _code(match: re.Match[str]) -> str:
    """ "l'A10" → "l'A dix", "Covid-19" → "Covid-dix-neuf", "5G" → "cinq G": letters kept
    for the voice, numbers in words."""
    if match["lead"] is not None:
        return capital_at_start(f"{cardinal(match['n2'])} ", match)
    words = cardinal(match["n"])
    joiner = "-" if match["h"] or match.string.startswith("-", match.end()) else " "
    return joiner + words + (" " if match["glued"] is not None else "")


def _number(match: re.Match[str]) -> str:
    """A number: in pairs of digits with a leading zero ("06"), else a cardinal that agrees
    with a feminine noun after it."""
    text = match["n"]
    if len(text) > 1 and text[0] == "0" and text.isdigit():
        return " ".join(_pair(text[i : i + 2]) for i in range(0, len(text), 2))
    spoken = cardinal(text)
    if "," not in text:
        spoken = agree(spoken, word_after(match))
    return capital_at_start(spoken, match)


ADDRESS_RULES: tuple[Rule, ...] = (
    WEB_ADDRESS_RULE,
    Rule(
        "phone",
        r"(?:\+33\s?\(?0?\)?\s?[1-9]|(?<![\w.,/:+-])0[1-9])(?:[ .]?\d{2}){4}(?![\w%€]|[.,:]\d)",
        _phone,
    ),
)
"""Web addresses (kept as written) and phone numbers, asked first."""


NUMBER_RULES: tuple[Rule, ...] = (
    code_rule(L, R, _code),
    Rule("slash", L + r"(?P<a>\d{1,4})/(?P<b>\d{1,4})" + R, _slash),
    Rule("span", L + r"(?P<a>" + NUM + r")[-–](?P<b>" + NUM + r")" + R, _span),
    Rule("negative", r"(?<![\w.,)])-(?P<n>" + NUM + r")" + R, _negative),
    Rule("number", L + r"(?P<n>" + NUM + r")" + R, _number),
)
"""Codes, slashes, spans, negatives and plain numbers, asked last."""
