"""Italian numbers: web addresses and phone numbers (said in their groups), cardinals that
agree with the noun after them, codes ("A1", "Covid-19", "5G"), fractions and slashes,
scores ("3-1" → "tre a uno"), spans, signs and years written with an apostrophe ("'90").
"""

from __future__ import annotations

import re

from briefing.script.normalize.context import word_after, words_before
from briefing.script.normalize.it.words import (
    DIGITS,
    NOT_NOUNS,
    NUM,
    L,
    R,
    agree,
    capital_at_start,
    cardinal,
    cardinal_int,
    ordinal,
)
from briefing.script.normalize.scanner import Rule
from briefing.script.normalize.shapes import WEB_ADDRESS_RULE, code_rule


def digits(text: str) -> str:
    """ "06" → "zero sei": digit by digit."""
    return " ".join(DIGITS[int(d)] for d in text)


def _phone(match: re.Match[str]) -> str | None:
    """ "06 4567 8910" → "zero sei, quattro cinque sei sette, otto nove uno zero": each group
    as written, digit by digit; a toll-free "800" is "ottocento"; "+39" is "più trentanove"."""
    written = match[0]
    if re.fullmatch(r"\d{2}([./-])\d{2}\1\d{2,4}", written):
        return None  # "01.02.2020" is a date
    if not 6 <= len(re.sub(r"\D", "", written)) <= 12:
        return None
    head = ""
    if written.startswith("+39"):
        head, written = "più trentanove, ", written[3:]
    groups = re.findall(r"\d+", written)
    said = [cardinal_int(int(g)) if g in ("800", "803") else digits(g) for g in groups]
    return capital_at_start(head + ", ".join(said), match)


_DENOMINATORS = {2: ("mezzo", "mezzi")}


def _fraction(numerator: int, denominator: int) -> str:
    """1/2 → "un mezzo"; 2/3 → "due terzi"; 3/10 → "tre decimi"."""
    one, many = _DENOMINATORS.get(denominator) or (
        ordinal(denominator),
        ordinal(denominator, plural=True),
    )
    return f"un {one}" if numerator == 1 else f"{cardinal_int(numerator)} {many}"


ACT_WORDS = frozenset(
    "n numero legge decreto sentenza ordinanza delibera circolare regolamento dl dpcm lgs "
    "direttiva provvedimento".split()
)
"""Words after which "18/2020" is an act's number and year: "diciotto del duemilaventi"."""


def _slash(match: re.Match[str]) -> str | None:
    """ "2019/2020" → "duemiladiciannove-duemilaventi"; "2023/24" → "duemilaventitré-
    ventiquattro"; "2/3" → "due terzi"; "23/43" → "ventitré su quarantatré"; other slashes
    stay as written."""
    first, second = int(match["a"]), int(match["b"])
    a, b = match["a"], match["b"]
    before = words_before(match, 1)
    if len(b) == 4 and 1900 <= second <= 2099 and before and before[-1] in ACT_WORDS:
        return f"{cardinal_int(first)} del {cardinal_int(second)}"
    if len(a) == 4 and (
        (len(b) == 4 and second == first + 1) or (len(b) == 2 and second == (first + 1) % 100)
    ):
        return capital_at_start(f"{cardinal_int(first)}-{cardinal_int(second)}", match)
    if a[0] == "0" or b[0] == "0" or not 0 < first < second <= 100:
        return None
    if second <= 10:
        return capital_at_start(_fraction(first, second), match)
    return capital_at_start(f"{cardinal_int(first)} su {cardinal_int(second)}", match)


SPORT = frozenset(
    "vinto vince vincono vittoria vincere pareggio pareggiato pareggia sconfitta sconfitto "
    "perso perde battuto batte battono partita match gol gara risultato punteggio finale "
    "derby campionato trasferta casa set semifinale andata ritorno successo".split()
)
"""Words that make "3-1" a score ("tre a uno") rather than a span."""


def _span(match: re.Match[str]) -> str:
    """ "3-1" after a sporting word or "per" → "tre a uno"; "10-15" and "per 2-3 settimane"
    → "dieci-quindici", "due-tre"; "2019-2020" → "duemiladiciannove-duemilaventi"."""
    before = words_before(match, 8)
    after = word_after(match)
    counted = after[:1].islower() and after not in NOT_NOUNS  # "per 2-3 settimane"
    small = len(match["a"]) <= 2 and len(match["b"]) <= 2 and "," not in match[0]
    played = bool(set(before) & SPORT)  # "ha battuto il Milan 2-0 sabato": a score
    article = bool(before) and before[-1] in ("per", "il", "al")  # "per 2-3 settimane": not
    if small and (played or (article and not counted)):
        return capital_at_start(f"{cardinal(match['a'])} a {cardinal(match['b'])}", match)
    return capital_at_start(f"{cardinal(match['a'])}-{cardinal(match['b'])}", match)


def _signed(match: re.Match[str]) -> str:
    sign = "meno " if match["s"] in "-–" else "più "
    return capital_at_start(sign + cardinal(match["n"]), match)


def _short_year(match: re.Match[str]) -> str:
    """ "gli anni '90" → "gli anni novanta"; "il '68" → "il sessantotto"; "il '900" → "il
    novecento"."""
    return capital_at_start(cardinal_int(int(match["y"])), match)


_MINUTE_WORDS = frozenset("al dal del nel fino dopo entro prima minuto".split())


def _minute(match: re.Match[str]) -> str | None:
    """ "al 45'" → "al quarantacinquesimo": a match's minute."""
    before = words_before(match, 1)
    if not before or before[-1] not in _MINUTE_WORDS:
        return None
    return ordinal(int(match["n"]))


def _aged(match: re.Match[str]) -> str:
    """ "21enne" → "ventunenne", "45enni" → "quarantacinquenni", "33enne" → "trentatreenne",
    "22enne" → "ventiduenne", "18enne" → "diciottenne"."""
    words = cardinal_int(int(match["n"])).replace("tré", "tre")
    if not words.endswith(("tre", "sei")):
        words = words[:-1]
    return capital_at_start(words + "enn" + match["e"], match)


def _code(match: re.Match[str]) -> str:
    """ "l'A1" → "l'A uno", "Covid-19" → "Covid-diciannove", "5G" → "cinque G": letters kept
    for the voice, numbers in words."""
    if match["lead"] is not None:
        return capital_at_start(f"{cardinal(match['n2'])} ", match)
    words = cardinal(match["n"])
    joiner = "-" if match["h"] or match.string.startswith("-", match.end()) else " "
    return joiner + words + (" " if match["glued"] is not None else "")


def _number(match: re.Match[str]) -> str:
    """A number: digit by digit with a leading zero ("007"), else a cardinal that agrees with
    the noun after it ("1 anno" → "un anno", "21 anni" → "ventun anni")."""
    text = match["n"]
    if len(text) > 1 and text[0] == "0" and text.isdigit():
        return digits(text)
    spoken = cardinal(text)
    if "," not in text:
        spoken = agree(spoken, word_after(match))
    return capital_at_start(spoken, match)


_VOWEL = "aeiouàèéìòùAEIOU"


def _one_before_vowel(match: re.Match[str]) -> str | None:
    """ "1 ora" → "un'ora", "1 ondata" → "un'ondata": "una" elides before a vowel."""
    noun = re.match(r"[^\W\d_]+", match.string[match.end() :])
    if noun is None or agree("uno", noun[0]) != "una":
        return None
    return capital_at_start("un'", match)


ADDRESS_RULES: tuple[Rule, ...] = (
    WEB_ADDRESS_RULE,
    Rule(
        "phone",
        r"(?:\+39\s?|(?<![\w.,/:+\-–]))"
        r"(?:0\d{1,3}(?:[ .\-]?\d{2,4}){1,3}|3\d{2} \d{3} \d{3,4}|3\d{2} \d{6,7}|3\d{9}"
        r"|80[03] \d{3} \d{3})"
        r"(?![\w%€]|[.,:]\d)",
        _phone,
    ),
)
"""Web addresses (kept as written) and phone numbers, asked first."""


NUMBER_RULES: tuple[Rule, ...] = (
    code_rule(L, R, _code),
    Rule("slash", L + r"(?P<a>\d{1,4})/(?P<b>\d{1,4})" + R, _slash),
    Rule("span", L + r"(?P<a>" + NUM + r")[-–](?P<b>" + NUM + r")" + R, _span),
    Rule("signed", r"(?<![\w.,)])(?P<s>[-–+])(?P<n>" + NUM + r")" + R, _signed),
    Rule("aged", L + r"(?P<n>\d{2,3})enn(?P<e>[ei])\b", _aged),
    Rule("minute", L + r"(?P<n>\d{1,3})'(?![\w'])", _minute),
    Rule("short year", r"(?<![\w'])'(?P<y>\d{2}|[1-9]00)" + R, _short_year),
    Rule("one before a vowel", L + r"1 (?=[" + _VOWEL + r"])", _one_before_vowel),
    Rule("number", L + r"(?P<n>" + NUM + r")" + R, _number),
)
"""Codes, slashes, spans, signs, minutes, short years and plain numbers, asked last."""
