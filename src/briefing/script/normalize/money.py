"""Money: £1.2bn, $350m, €5.50, 50p, US$5m, ¥500, Rs 200, CHF 40, £50m-£60m.

Pounds keep their pence without "and" ("five pounds fifty"); dollars and euros take "and"
and their cents ("one dollar and ninety-nine cents"). An amount before a noun, after "a"
or "the", is an adjective and takes the singular ("a five million pound contract").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from briefing.script.normalize.numbers import SCALE, SCALES
from briefing.script.normalize.scanner import NUM, L, R, Rule, word_after, words_before
from briefing.script.normalize.words import cardinal, cardinal_int


class Currency(NamedTuple):
    """How one currency is said."""

    one: str
    many: str
    sub_one: str = ""
    sub_many: str = ""
    and_sub: bool = True
    """ "one dollar and ninety-nine cents", against "five pounds fifty"."""


POUND = Currency("pound", "pounds", "penny", "pence", and_sub=False)
DOLLAR = Currency("dollar", "dollars", "cent", "cents")
EURO = Currency("euro", "euros", "cent", "cents")


def _dollars(country: str) -> Currency:
    return Currency(f"{country} dollar", f"{country} dollars", "cent", "cents")


CURRENCIES = {
    "£": POUND,
    "$": DOLLAR,
    "€": EURO,
    "US$": _dollars("US"),
    "A$": _dollars("Australian"),
    "AU$": _dollars("Australian"),
    "C$": _dollars("Canadian"),
    "CA$": _dollars("Canadian"),
    "HK$": _dollars("Hong Kong"),
    "NZ$": _dollars("New Zealand"),
    "S$": _dollars("Singapore"),
    "¥": Currency("yen", "yen"),
    "₹": Currency("rupee", "rupees"),
    "Rs": Currency("rupee", "rupees"),
    "Rs.": Currency("rupee", "rupees"),
    "CHF": Currency("Swiss franc", "Swiss francs"),
}
_CUR = r"(?:US\$|AU\$|CA\$|HK\$|NZ\$|A\$|C\$|S\$|£|\$|€|¥|₹|\bRs\.?\s?|\bCHF\s?)"
_SCALE = r"(?:\s?(?:" + SCALE + r"|thousand|million|billion|trillion)\b)"


def _amount(tag: str, currency_required: bool) -> str:
    optional = "" if currency_required else "?"
    return rf"(?P<c{tag}>{_CUR}){optional}(?P<n{tag}>{NUM})(?P<s{tag}>{_SCALE})?"


ADJECTIVE_AFTER = frozenset("a an the this that its his her their our your every each".split())
NOT_A_NOUN = frozenset(
    "a an the of for to in on at by from with and or but than as is was are were be been "
    "has have had will would could can may might should must do does did over under per "
    "each more less deal which who that it this these those they he she we you i "
    "rise fall increase cut boost drop jump loss profit".split()
)
"""Words after an amount that show it is not an adjective (the last few are nouns a "£5m
rise" would take, but "a £5m rise" is said with the plural in news too)."""


def _scale_word(scale: str | None) -> str:
    if not scale:
        return ""
    scale = scale.strip()
    return " " + SCALES.get(scale, scale)


def _is_adjective(match: re.Match[str]) -> bool:
    """ "a £5m contract", "the council's £2m scheme", "an extra £9m grant": an amount
    between a determiner (perhaps with one adjective after it) and a noun."""
    after = word_after(match)
    before = words_before(match, 2)
    determined = bool(before) and (
        before[-1] in ADJECTIVE_AFTER
        or before[-1].endswith(("'s", "’s"))
        or (len(before) == 2 and before[0] in ("a", "an") and before[1].isalpha())
    )
    return (
        determined
        and after.isalpha()
        and after.lower() not in NOT_A_NOUN
        and not after.lower().endswith("ed")  # "the £575m needed": a participle, not a noun
        and not after.isupper()
    )


def amount(currency: Currency, number: str, scale: str | None, *, adjective: bool = False) -> str:
    """One amount in words: "one point two billion pounds", "five pounds fifty"."""
    if scale:
        return (
            f"{cardinal(number)}{_scale_word(scale)} {currency.one if adjective else currency.many}"
        )
    whole, _, cents = number.replace(",", "").partition(".")
    if len(cents) > 2 or (cents and not currency.sub_many):
        return f"{cardinal(number)} {currency.many}"
    value = int(whole or "0")
    sub = int(cents.ljust(2, "0")) if cents else 0
    unit = currency.one if value == 1 or adjective else currency.many
    if value == 0 and sub:
        return f"{cardinal_int(sub)} {currency.sub_one if sub == 1 else currency.sub_many}"
    words = f"{cardinal_int(value)} {unit}"
    if sub:
        if currency.and_sub:
            words += (
                f" and {cardinal_int(sub)} {currency.sub_one if sub == 1 else currency.sub_many}"
            )
        else:
            words += f" {cardinal_int(sub)}"
    return words


def _currency(symbol: str) -> Currency:
    return CURRENCIES[symbol.strip()]


def _money(match: re.Match[str]) -> str:
    currency = _currency(match["c1"])
    adjective = _is_adjective(match)
    if match["n2"] is None:
        return amount(currency, match["n1"], match["s1"], adjective=adjective)
    if match["c2"]:
        second = _currency(match["c2"])
        first = amount(currency, match["n1"], match["s1"])
        return f"{first} to {amount(second, match['n2'], match['s2'], adjective=adjective)}"
    first = cardinal(match["n1"]) + _scale_word(match["s1"])
    return f"{first} to {amount(currency, match['n2'], match['s2'], adjective=adjective)}"


def _pence(match: re.Match[str]) -> str:
    value = match["n"]
    if match["unit"] == "p":
        return f"{cardinal(value)} {'penny' if value == '1' else 'pence'}"
    return f"{cardinal(value)} {'cent' if value == '1' else 'cents'}"


_MONEY = (
    r"(?<![\w.°+$£€¥₹])" + _amount("1", True) + r"(?:\s?[-–]\s?" + _amount("2", False) + r")?" + R
)

RULES = (
    Rule("money", _MONEY, _money),
    Rule("pence", L + r"(?P<n>" + NUM + r")(?P<unit>p|c)\b" + R, _pence),
)
