"""Portuguese numbers: web addresses and phone numbers (said in their groups), cardinals
that agree with a feminine noun ("22 pessoas" → "vinte e duas pessoas"), codes ("A1",
"Covid-19", "5G"), fractions, spans and scores, and negatives.
"""

from __future__ import annotations

import re

from briefing.script.normalize.context import words_before
from briefing.script.normalize.pt.words import (
    DIGITS,
    NUM,
    L,
    R,
    agree_count,
    capital_at_start,
    cardinal,
    cardinal_int,
    noun_after,
    ordinal,
    span_word,
)
from briefing.script.normalize.scanner import Rule
from briefing.script.normalize.shapes import WEB_ADDRESS_RULE, code_rule


def _group(digits: str) -> str:
    """ "213" → "duzentos e treze"; "08" → "zero oito" (a leading zero, digit by digit)."""
    if digits[0] == "0":
        return " ".join(DIGITS[int(d)] for d in digits)
    return cardinal_int(int(digits))


def _phone(match: re.Match[str]) -> str | None:
    """ "213 456 789" → "duzentos e treze, quatrocentos e cinquenta e seis, setecentos e
    oitenta e nove"; "+351 912 345 678" → "mais três cinco um, novecentos e doze, …": the
    nine digits in the groups written, or in threes."""
    groups = re.findall(r"\d+", match["local"])
    digits = "".join(groups)
    if len(digits) != 9 or (len(groups) > 1 and groups[-1] == "000"):
        return None  # "200 000 000" counts
    if len(groups) == 1:
        groups = [digits[i : i + 3] for i in range(0, 9, 3)]
    spoken = ", ".join(_group(g) for g in groups)
    if match["cc"]:
        spoken = f"mais {' '.join(DIGITS[int(d)] for d in match['cc'] if d.isdigit())}, {spoken}"
    return spoken


PHONE_WORDS = frozenset(
    "telefone telefones tel telemóvel telemóveis celular número números linha contacto "
    "contato ligar ligue liguem pelo para whatsapp".split()
)


def _brazilian_phone(match: re.Match[str]) -> str | None:
    """ "(11) 98765-4321" (its brackets already commas) → "um um, nove oito sete seis cinco,
    quatro três dois um"; "3456-7890" only after "telefone", "ligue" and the like."""
    known = match["cc"] or match["ddd"] or len(match["a"]) == 5
    if not known and not PHONE_WORDS & set(words_before(match, 3)):
        return None  # "2019-2020" is a span
    groups = [g for g in (match["ddd"], match["a"], match["b"]) if g]
    spoken = ", ".join(" ".join(DIGITS[int(d)] for d in g) for g in groups)
    return ("mais cinco cinco, " if match["cc"] else "") + spoken


_FRACTIONS = {2: ("meio", "meios"), 3: ("terço", "terços")}


def _slash(match: re.Match[str]) -> str | None:
    """ "2/3" → "dois terços"; "3/4" → "três quartos"; "2019/2020" → "dois mil e dezanove
    a dois mil e vinte"; "24/7" → "vinte e quatro horas por dia, sete dias por semana";
    other slashes stay as written."""
    first, second = int(match["a"]), int(match["b"])
    if (first, second) == (24, 7):
        return "vinte e quatro horas por dia, sete dias por semana"
    if len(match["a"]) == 4 and len(match["b"]) in (2, 4) and second % 100 == (first + 1) % 100:
        end = second if len(match["b"]) == 4 else first + 1
        return capital_at_start(f"{cardinal_int(first)} a {cardinal_int(end)}", match)
    if len(match["b"]) == 4 and 1900 <= second < 2100 and match["a"][0] != "0":
        return f"{cardinal_int(first)} barra {cardinal_int(second)}"  # "Lei n.º 23/2019"
    if 0 < first < second <= 10 and match["a"][0] != "0":
        one, many = _FRACTIONS.get(second, (ordinal(second), ordinal(second, plural=True)))
        return capital_at_start(f"{cardinal_int(first)} {one if first == 1 else many}", match)
    return None


def _span(match: re.Match[str]) -> str:
    """ "10-15" → "dez a quinze"; "3-1" → "três a um"; "2-3 pessoas" → "duas a três
    pessoas"; "2019-2020" → "dois mil e dezanove a dois mil e vinte"."""
    noun = noun_after(match)
    first = agree_count(cardinal(match["a"]), match["a"], noun)
    second = agree_count(cardinal(match["b"]), match["b"], noun)
    return capital_at_start(f"{first} {span_word(match)} {second}", match)


def _negative(match: re.Match[str]) -> str:
    return capital_at_start("menos " + cardinal(match["n"]), match)


def _code(match: re.Match[str]) -> str:
    """ "A1" → "A um", "Covid-19" → "Covid-dezanove", "5G" → "cinco G", "G20" → "G vinte":
    letters kept for the voice, numbers in words."""
    if match["lead"] is not None:
        return capital_at_start(f"{cardinal(match['n2'])} ", match)
    words = cardinal(match["n"])
    joiner = "-" if match["h"] or match.string.startswith("-", match.end()) else " "
    return joiner + words + (" " if match["glued"] is not None else "")


def _number(match: re.Match[str]) -> str:
    """A number: digit by digit with a leading zero ("007"), else a cardinal that agrees
    with the noun it counts ("1 pessoa" → "uma pessoa", "200 casas" → "duzentas casas")."""
    text = match["n"]
    if len(text) > 1 and text[0] == "0" and text.isdigit():
        return " ".join(DIGITS[int(d)] for d in text)
    spoken = agree_count(cardinal(text), text, noun_after(match))
    return capital_at_start(spoken, match)


ADDRESS_RULES: tuple[Rule, ...] = (
    WEB_ADDRESS_RULE,
    Rule(
        "phone",
        r"(?:(?P<cc>\+351)\s?|(?<![\w.,/:+-]))(?P<local>(?:[29]\d{2}|80[08]|707|760)"
        r"(?:[ .]?\d{2,4}){1,3}|[29]\d \d{3} \d{4})(?![\w%€$]|[.,:]\d)",
        _phone,
    ),
    Rule(
        "brazilian phone",
        r"(?:(?P<cc>\+55)\s?|(?<![\w.,/:+-]))(?:(?P<ddd>\d{2}),?\s)?(?P<a>\d{4,5})-(?P<b>\d{4})"
        r"(?![\w%€$]|[.,:]\d)",
        _brazilian_phone,
    ),
)
"""Web addresses (kept as written) and phone numbers, asked first."""


NUMBER_RULES: tuple[Rule, ...] = (
    code_rule(L, R, _code),
    Rule("slash", L + r"(?P<a>\d{1,4})/(?P<b>\d{1,4})" + R, _slash),
    Rule("span", L + r"(?P<a>" + NUM + r")\s?[-–]\s?(?P<b>" + NUM + r")" + R, _span),
    Rule("negative", r"(?<![\w.,)])-(?P<n>" + NUM + r")" + R, _negative),
    Rule("number", L + r"(?P<n>" + NUM + r")" + R, _number),
)
"""Codes, slashes, spans, negatives and plain numbers, asked last."""
