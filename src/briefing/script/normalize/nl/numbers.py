"""Dutch numbers: web addresses and phone numbers, cardinals, years, decades ("jaren '80"),
codes ("A2", "Covid-19", "5G"), compounds ("48-jarige" → "achtenveertigjarige"), scores
("2-1" → "twee-een"), spans, slashes, negatives and "3x".
"""

from __future__ import annotations

import re

from briefing.script.normalize.context import words_before
from briefing.script.normalize.nl.words import (
    DIGITS,
    NUM,
    L,
    R,
    capital_at_start,
    cardinal,
    cardinal_int,
    word_after,
    year,
)
from briefing.script.normalize.scanner import Rule
from briefing.script.normalize.shapes import WEB_ADDRESS_RULE, code_rule


def _digits(text: str) -> str:
    return " ".join(DIGITS[int(d)] for d in text)


def _pairs(text: str) -> list[str]:
    """ "12345678" → "twaalf", "vierendertig", …; a pair with a leading zero digit by
    digit ("nul vier"); an odd length starts with three digits one by one."""
    head = [_digits(text[:3])] if len(text) % 2 else []
    rest = text[3:] if len(text) % 2 else text
    pairs = [rest[i : i + 2] for i in range(0, len(rest), 2)]
    return head + [_digits(p) if p[0] == "0" else cardinal_int(int(p)) for p in pairs]


def _area(code: str) -> str:
    """An area code: "020" → "nul twintig", "06" → "nul zes", "0800" → "nul
    achthonderd"; a four-digit code ("0111") digit by digit."""
    if len(code) <= 3 or code.endswith("00"):
        return "nul " + cardinal_int(int(code[1:]))
    return _digits(code)


def _phone(match: re.Match[str]) -> str | None:
    """ "020-123 45 67" → "nul twintig, één twee drie, vijfenveertig, zevenenzestig";
    "06-12345678" → "nul zes, twaalf, vierendertig, zesenvijftig, achtenzeventig"; "+31 20
    …" → "plus eenendertig, twintig, …". A group of three is read digit by digit, any
    other in pairs, as Dutch reads out a number it gives."""
    groups = re.findall(r"\d+", match[0])
    digits = "".join(groups)
    international = match[0].startswith("+")
    service = re.fullmatch(r"0[89]00", groups[0]) is not None
    if not international and not service and len(digits) != 10:
        return None  # "01-02-2020" is a date
    spoken: list[str] = []
    if international:
        spoken.append("plus " + cardinal_int(int(groups[0])))
        groups = [g for g in groups[1:] if g != "0"]
        if groups:
            spoken.append(cardinal_int(int(groups[0])))
            groups = groups[1:]
    else:
        spoken.append(_area(groups[0]))
        groups = groups[1:]
    for group in groups:
        spoken.extend([_digits(group)] if len(group) in (1, 3) else _pairs(group))
    return ", ".join(spoken)


_EMERGENCY_BEFORE = frozenset(
    "bel belt belde belden bellen gebeld alarmnummer noodnummer alarmcentrale via".split()
)


def _emergency(match: re.Match[str]) -> str | None:
    """ "bel 112", "belt u 112", "112-melding" → "één één twee", as the alarm number is
    said; "naar 112" may be a count ("honderdtwaalf")."""
    if not set(words_before(match, 3)) & _EMERGENCY_BEFORE and not match["h"]:
        return None
    return capital_at_start("één één twee", match) + ("-" if match["h"] else "")


COUNT_NOUNS = frozenset(
    "euro cent dollar pond mensen personen inwoners bewoners werknemers medewerkers banen "
    "kilometer meter ton stuks pagina's bladzijden auto's woningen huizen stemmen gevallen "
    "doden slachtoffers gewonden militairen soldaten leerlingen studenten kinderen bezoekers "
    "toeschouwers deelnemers exemplaren jaar jaren dagen uur minuten seconden keer procent "
    "asielzoekers vluchtelingen boeren agenten vrachtwagens bedrijven huishoudens zetels "
    "leden patiënten arrestaties boetes klachten meldingen euro's kilo liter hectare".split()
)
"""Words after which four digits count things ("1500 euro") rather than name a year."""


def is_year(match: re.Match[str], text: str) -> bool:
    """Whether the four digits `text` at `match` are a year: not when they count a noun
    ("1500 mensen"), else from 1100 to 2099."""
    if not re.fullmatch(r"\d{4}", text) or not 1100 <= int(text) <= 2099:
        return False
    after = word_after(match).rstrip(".").lower()
    return after not in COUNT_NOUNS


def _number(match: re.Match[str]) -> str:
    """A number: digit by digit with a leading zero, a year where it names one, else a
    cardinal."""
    text = match["n"]
    if len(text) > 1 and text[0] == "0" and text.isdigit():
        return _digits(text)
    spoken = year(int(text)) if is_year(match, text) else cardinal(text)
    return capital_at_start(spoken, match)


_DECADE_BEFORE = frozenset(
    "jaren in sinds van tot vanaf na voor begin eind medio zomer winter voorjaar najaar "
    "lente herfst seizoen editie".split()
)


def _decade(match: re.Match[str]) -> str | None:
    """ "de jaren '80" → "de jaren tachtig"; "in '95" → "in vijfennegentig"; not after other
    words, where the apostrophe may open a quotation ("'12 doden'")."""
    before = words_before(match, 1)
    if not (before and before[-1] in _DECADE_BEFORE):
        return None
    return cardinal_int(int(match["d"]))


def _hyphenated(match: re.Match[str]) -> str:
    """ "48-jarige" → "achtenveertigjarige", "65-plussers" → "vijfenzestigplussers",
    "10-puntenplan" → "tienpuntenplan": Dutch writes such compounds as one word in letters;
    before a capital ("5-Sterrenhotel") the hyphen stays."""
    spoken = cardinal(match["n"]).replace("één", "een")
    word = match["w"]
    joined = f"{spoken}-{word}" if word[:1].isupper() or "," in match["n"] else spoken + word
    return capital_at_start(joined, match)


_SPORT = frozenset(
    "won wint winnen gewonnen verloor verliest verloren zege overwinning nederlaag "
    "gelijkspel gelijk stand eindstand ruststand wedstrijd duel thuis uit competitie "
    "eredivisie finale halve kwartfinale doelpunt goal goals scoorde setstand sets".split()
)


def _span(match: re.Match[str]) -> str:
    """ "2-1" after a win → "twee-een" (a score); "10-15" → "tien tot vijftien"; "2019-2020"
    → "tweeduizend negentien tot tweeduizend twintig" ("tussen 1940-1945": "… en …")."""
    first, second = match["a"], match["b"]
    small = all(re.fullmatch(r"\d{1,2}", x) for x in (first, second))
    before = set(words_before(match, 12))
    if small and (int(second) <= int(first) or before & _SPORT):
        score = f"{cardinal_int(int(first))}-{cardinal_int(int(second))}"
        return capital_at_start(score.replace("één", "een"), match)
    to = "en" if before and words_before(match, 1) == ["tussen"] else "tot"
    if re.fullmatch(r"\d{4}", first) and 1100 <= int(first) <= 2099:
        if re.fullmatch(r"\d{4}", second):
            return capital_at_start(f"{year(int(first))} {to} {year(int(second))}", match)
        if re.fullmatch(r"\d{2}", second):
            return capital_at_start(f"{year(int(first))}-{cardinal_int(int(second))}", match)
    return capital_at_start(f"{cardinal(first)} {to} {cardinal(second)}", match)


def _slash(match: re.Match[str]) -> str | None:
    """ "2023/2024" → "tweeduizend drieëntwintig-tweeduizend vierentwintig", "2023/24" →
    "tweeduizend drieëntwintig-vierentwintig" (a season), "24/7" → "vierentwintig uur per
    dag, zeven dagen per week"; other slashes stay as written."""
    first, second = match["a"], match["b"]
    if first == "24" and second == "7":
        return "vierentwintig uur per dag, zeven dagen per week"
    if len(first) == 4 and 1100 <= int(first) <= 2099:
        if len(second) == 4 and int(second) == int(first) + 1:
            return capital_at_start(f"{year(int(first))}-{year(int(second))}", match)
        if len(second) == 2 and int(second) == (int(first) + 1) % 100:
            return capital_at_start(f"{year(int(first))}-{cardinal_int(int(second))}", match)
    return None


def _negative(match: re.Match[str]) -> str:
    return capital_at_start("min " + cardinal(match["n"]), match)


def _times(match: re.Match[str]) -> str:
    """ "3x per week" → "drie keer per week"."""
    return capital_at_start(f"{cardinal(match['n'])} keer", match)


def _code(match: re.Match[str]) -> str:
    """ "A2" → "A twee", "Covid-19" → "Covid-negentien", "CO2-uitstoot" →
    "CO-twee-uitstoot", "5G" → "vijf G": letters kept for the voice, numbers in words."""
    if match["lead"] is not None:
        return capital_at_start(f"{cardinal(match['n2'])} ", match)
    words = cardinal(match["n"])
    joiner = "-" if match["h"] or match.string.startswith("-", match.end()) else " "
    return joiner + words + (" " if match["glued"] is not None else "")


ADDRESS_RULES: tuple[Rule, ...] = (
    WEB_ADDRESS_RULE,
    Rule(
        "phone",
        r"(?:\+\d{2}(?:[ -]?\(0\))?(?:[ -]?\d{1,8}){2,5}"
        r"|(?<![\w.,/:+-])0\d{1,3}(?:[ -]\d{2,8}){1,4})"
        r"(?![\w%€]|[.,:/-]\d)",
        _phone,
    ),
    Rule("emergency", L + r"112(?:(?P<h>-)(?=[^\W\d_])|" + R + ")", _emergency),
)
"""Web addresses (kept as written), phone numbers and the alarm number, asked first."""


CODE_RULES: tuple[Rule, ...] = (
    Rule("decade", r"(?<![\w'])'(?P<d>\d\d)(?![\w']|[.,-]\d)", _decade),
    Rule("times", L + r"(?P<n>\d+)x(?![\w])", _times),
    code_rule(L, R, _code),
)
"""Decades, "3x" and codes, asked after units and before ordinals."""


NUMBER_RULES: tuple[Rule, ...] = (
    Rule("slash", L + r"(?P<a>\d{1,4})/(?P<b>\d{1,4})" + R, _slash),
    Rule("span", L + r"(?P<a>" + NUM + r")\s?[-–]\s?(?P<b>" + NUM + r")" + R, _span),
    Rule("negative", r"(?<![\w.,)])-(?P<n>" + NUM + r")" + R, _negative),
    Rule("hyphenated", L + r"(?P<n>" + NUM + r")-(?P<w>[^\W\d_][\w]*)", _hyphenated),
    Rule("number", L + r"(?P<n>" + NUM + r")" + R, _number),
)
"""Slashes, scores and spans, negatives, compounds and plain numbers, asked last."""
