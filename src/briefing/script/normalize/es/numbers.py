"""Spanish numbers: web addresses and phone numbers (said in the groups they are written
in), cardinals that agree with the noun after them, ordinals ("1.º", "2.ª", "3.er"), Roman
numerals' values, codes ("COVID-19", "5G", "A-6"), year pairs, laws' numbers ("7/2021"),
spans and scores ("2-1" → "dos a uno"), negatives.
"""

from __future__ import annotations

import re

from briefing.script.normalize.context import word_after, words_before
from briefing.script.normalize.es.words import (
    NUM,
    L,
    R,
    agree,
    capital_at_start,
    cardinal,
    cardinal_int,
    gender,
    noun_gender_after,
    ordinal,
)
from briefing.script.normalize.roman import roman_value as _roman_value
from briefing.script.normalize.scanner import Rule
from briefing.script.normalize.shapes import WEB_ADDRESS_RULE, code_rule


def _group(digits: str) -> str:
    """ "045" → "cero cuarenta y cinco"; "600" → "seiscientos"."""
    zeros = len(digits) - len(digits.lstrip("0"))
    rest = digits[zeros:]
    return " ".join(["cero"] * zeros + ([cardinal_int(int(rest))] if rest else []))


def _phone(match: re.Match[str]) -> str | None:
    """ "91 123 45 67" → "noventa y uno, ciento veintitrés, cuarenta y cinco, sesenta y
    siete"; "600 123 456" → "seiscientos, ciento veintitrés, cuatrocientos cincuenta y seis":
    in the groups written, as Spain says them; "+34" → "más treinta y cuatro"."""
    found = re.fullmatch(r"(?:\+(?P<c>\d{2,3}(?=\s)|\d{2})\s?)?(?P<rest>.+)", match[0])
    assert found is not None
    groups = found["rest"].split()
    if len(groups) == 1:
        groups = re.findall(r"\d{3}", groups[0])
    head = [f"más {cardinal_int(int(found['c']))}"] if found["c"] else []
    if len(groups) > 1 and all(set(g) == {"0"} for g in groups[1:]):
        return None  # "600 000 000": a number, not a phone
    return ", ".join(head + [_group(g) for g in groups])


def _year_pair(match: re.Match[str]) -> str | None:
    """ "2019/2020", "2019-2020", "2019-20" → "dos mil diecinueve a dos mil veinte"."""
    first, second = int(match["a"]), int(match["b"])
    if len(match["b"]) == 2:
        second += first - first % 100
    if not (1100 <= first < second <= first + 10):
        return None
    return capital_at_start(f"{cardinal_int(first)} a {cardinal_int(second)}", match)


def _number_of_year(match: re.Match[str]) -> str | None:
    """ "la Ley 7/2021" → "la ley siete de dos mil veintiuno", as laws and decrees are
    said."""
    if not 1900 <= int(match["y"]) <= 2099 or match["n"].startswith("0"):
        return None
    return capital_at_start(
        f"{cardinal_int(int(match['n']))} de {cardinal_int(int(match['y']))}", match
    )


def _span(match: re.Match[str]) -> str:
    """ "10-15" → "diez a quince"; "ganó 2-1" → "dos a uno"; "entre 10-15" → "entre diez y
    quince"."""
    before = words_before(match, 1)
    link = "y" if before and before[-1] == "entre" else "a"
    return capital_at_start(f"{cardinal(match['a'])} {link} {cardinal(match['b'])}", match)


def _negative(match: re.Match[str]) -> str:
    return capital_at_start("menos " + cardinal(match["n"]), match)


def _code(match: re.Match[str]) -> str:
    """ "COVID-19" → "COVID-diecinueve", "G20" → "G veinte", "5G" → "cinco G": letters kept
    for the voice, numbers in words."""
    if match["lead"] is not None:
        return capital_at_start(f"{cardinal(match['n2'])} ", match)
    words = cardinal(match["n"])
    joiner = "-" if match["h"] or match.string.startswith("-", match.end()) else " "
    return joiner + words + (" " if match["glued"] is not None else "")


_SINGULAR_BEFORE = frozenset("el la su este esta del al nuestro nuestra cuyo cuya".split())
"""Words before a number said as an ordinal: "el 21 aniversario" → "el veintiún aniversario"."""
_EACH = re.compile(r"\s+de\s+cada\s+\S+\s+(?P<noun>[^\W\d_]+)")
_EMERGENCY = frozenset({"112"})
"""Numbers said digit by digit where they name no count: "llame al 112" → "uno uno dos"."""
_YEAR_WORDS = frozenset(
    "en de del desde hasta año años para antes después durante entre y o el hacia".split()
)


def _number(match: re.Match[str]) -> str:
    """A number: a leading zero said ("016" → "cero dieciséis"), a year as it is ("en 2021
    murieron"), else a cardinal that agrees with the noun after it ("veintiún años",
    "veintiuna personas", "doscientas viviendas")."""
    text = match["n"]
    if len(text) > 1 and text[0] == "0" and text.isdigit():
        return capital_at_start(_group(text), match)
    noun = noun_gender_after(match)
    before = words_before(match, 1)
    ordinal_use = bool(before) and before[-1] in _SINGULAR_BEFORE
    if noun and text != "1" and not word_after(match).endswith("s") and not ordinal_use:
        noun = None  # "los 21 votan": after a number other than one, nouns are plural
    each = _EACH.match(match.string, match.end())
    if each:  # "1 de cada 10 personas" → "una de cada diez personas"
        noun = gender(each["noun"]) or None
    if text in _EMERGENCY and noun is None:
        return " ".join(cardinal_int(int(d)) for d in text)
    spoken = cardinal(text)
    year = re.fullmatch(r"1[1-9]\d\d|20\d\d", text) and before and before[-1] in _YEAR_WORDS
    if "," not in text and not year:
        spoken = agree(spoken, noun)
    return capital_at_start(spoken, match)


# --- ordinals and Roman numerals ------------------------------------------------------------

_RANK_BEFORE = frozenset(
    "terminó termina quedó queda acabó acaba finalizó finaliza llegó llega entró entra es fue "
    "era está estaba ocupa ocupó el la los las su sus del al puesto".split()
)
"""Words after which "15º" is a place ("terminó 15º"); elsewhere, with no noun after it,
"40º" is a temperature ("se esperan 40º en Sevilla")."""
_SUFFIX = r"(?P<s>\.?[ºª]s?|\.(?:er|os|as)|er|ro|ra|do|da|to|ta|vo|va|no|na|mo|ma)"


def _ordinal(match: re.Match[str]) -> str | None:
    """ "1.º" → "primero", "2.ª" → "segunda", "3.er puesto" → "tercer puesto", "el 1.º
    clasificado" → "el primer clasificado", "21.ª edición" → "vigésima primera edición",
    "2do" → "segundo"; "40º" after "de" or "hasta" is a temperature: "cuarenta grados"."""
    number, suffix = int(match["n"]), match["s"]
    noun = noun_gender_after(match)
    if suffix == "º" and noun is None:
        before = words_before(match, 1)
        if not (before and before[-1] in _RANK_BEFORE):
            words = agree(cardinal_int(number), "m")
            return capital_at_start(f"{words} {'grado' if number == 1 else 'grados'}", match)
    bare = suffix.lstrip(".")
    feminine = "ª" in bare or bare.rstrip("s").endswith("a")
    plural = bare.endswith("s") and bare != "s"
    short = noun == "m" and not feminine and not plural
    spoken = ordinal(number, feminine, short=short, plural=plural)
    written = bare.isascii() and bare not in ("er", "os", "as")
    if written and not ordinal(number, feminine).endswith(bare):
        return None  # "2ro" is no ordinal
    return capital_at_start(spoken, match)


def roman_value(text: str) -> int | None:
    """ "XXI" → 21; None if `text` is no well-formed Roman numeral below 400."""
    return _roman_value(text, limit=400)


ADDRESS_RULES: tuple[Rule, ...] = (
    WEB_ADDRESS_RULE,
    Rule(
        "phone",
        r"(?:\+\d{2,3}\s?|(?<![\w.,/:+-]))"
        r"(?:[6-9]\d{2}(?: \d{3}){2}|[6-9]\d{2}(?: \d{2}){3}|[89]\d(?: \d{3})(?: \d{2}){2}"
        r"|(?<=\+34)[6-9]\d{8}|[6-9]\d{8}(?=\s*[.,;)]|\s+(?:o|y)\s|$))"
        r"(?![\w%€]|[.,:]\d| ?\d)",
        _phone,
    ),
)
"""Web addresses (kept as written) and phone numbers, asked first."""


NUMBER_RULES: tuple[Rule, ...] = (
    code_rule(L, R, _code),
    Rule("year pair", L + r"(?P<a>\d{4})[/\-–](?P<b>\d{4}|\d{2})" + R, _year_pair),
    Rule("number of a year", L + r"(?P<n>\d{1,4})/(?P<y>\d{4})" + R, _number_of_year),
    Rule("span", L + r"(?P<a>" + NUM + r")[-–](?P<b>" + NUM + r")" + R, _span),
    Rule("negative", r"(?<![\w.,)])-(?P<n>" + NUM + r")" + R, _negative),
    Rule("number", L + r"(?P<n>" + NUM + r")" + R, _number),
)
"""Codes, year pairs, spans, negatives and plain numbers, asked last."""


ORDINAL_RULES: tuple[Rule, ...] = (
    Rule("ordinal", L + r"(?P<n>\d{1,3})" + _SUFFIX + r"(?![\w])", _ordinal),
)
"""The ordinal rule ("1.º", "2.ª", "3.er"), asked after money and units, before codes."""
