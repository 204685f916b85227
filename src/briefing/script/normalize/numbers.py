"""Plain numbers and the ways news writes them: separators, signs, per cent, scales
(3m, 10bn), fractions, slashes (9/11, 24/7, 2025/26), spans and scores (2019-21, 10-15,
3-1), decades, ordinals, "No 10", and the year reading of four digits."""

from __future__ import annotations

import re

from briefing.script.normalize.scanner import NUM, L, R, Rule, words_after, words_before
from briefing.script.normalize.words import (
    cardinal,
    cardinal_int,
    decade,
    digits,
    fraction,
    ordinal,
    year,
)

YEAR_WORDS = frozenset("in by since from until till of before after during circa c around".split())
"""Words after which 1000-1099 is a year too ("since 1066")."""

SCALES = {
    "k": "thousand",
    "m": "million",
    "mn": "million",
    "bn": "billion",
    "tn": "trillion",
}
SCALE = r"(?:k|mn|m|bn|tn)"
_SCALE_WORD = "million|billion|trillion"  # glued on: "6.2million"

COUNT_NOUNS = frozenset(
    "years months weeks days hours minutes seconds people children men women staff workers "
    "employees jobs homes houses households families residents pupils students patients cases "
    "deaths votes voters members troops soldiers passengers visitors fans miles metres meters "
    "kilometres feet tonnes acres hectares pence pounds dollars euros times".split()
)
"""Nouns after which four digits count things ("1272 years") rather than name a year."""

SPORT = frozenset(
    "won win wins winning beat beats beaten beating drew draw draws drawn lost lose loses "
    "losing victory victories defeat defeats defeated lead leads led leading score scores "
    "scored scoreline trailing trailed thrashing thrashed half-time halftime aggregate goal goals "
    "match game final semi-final quarter-final equaliser winner rout hammered edged "
    "came comeback".split()
)
"""Words near a score that make `3-1` a score ("three-one") rather than a span."""

CRICKET = frozenset(
    "wicket wickets overs innings bowled bowler bowling batted batting batsman batter "
    "declared runs test tests odi t20 cricket".split()
)
"""Words near `4-32` or `138-6` that make it wickets and runs: "four for thirty-two"."""

VULGAR = {
    "½": (1, 2),
    "¼": (1, 4),
    "¾": (3, 4),
    "⅓": (1, 3),
    "⅔": (2, 3),
    "⅕": (1, 5),
    "⅛": (1, 8),
    "⅜": (3, 8),
    "⅝": (5, 8),
    "⅞": (7, 8),
}
FRACTION_DENOMINATORS = frozenset((*range(2, 11), 12, 16, 100))


def is_year(text: str, before: str = "") -> bool:
    """Four digits said as a year: 1100-2099 but not 2000, or 1000-1099 after "in", "since"..."""
    if not re.fullmatch(r"\d{4}", text):
        return False
    value = int(text)
    if 1100 <= value <= 2099 and value != 2000:
        return True
    return 1000 <= value < 1100 and before in YEAR_WORDS


def number(text: str, before: str = "") -> str:
    """A number token said as a newsreader would: a year, digits with a leading zero, or a
    cardinal."""
    if is_year(text, before):
        return year(int(text))
    if len(text) > 1 and text[0] == "0" and text.isdigit():
        return digits(text)
    return cardinal(text)


def _last_word(match: re.Match[str]) -> str:
    words = words_before(match)
    return words[0] if words else ""


def _number_sign(match: re.Match[str]) -> str:
    word = match["no"].rstrip(".")
    spoken = {"No": "Number", "Nos": "Numbers", "no": "number", "nos": "numbers", "#": "number"}
    return f"{spoken[word]} {cardinal(match['n'])}"


def _negative(match: re.Match[str]) -> str:
    return "minus " + number(match["n"])


def _percent(match: re.Match[str]) -> str:
    return ("minus " if match["neg"] else "") + cardinal(match["n"]) + " per cent"


def _scale(match: re.Match[str]) -> str:
    """ "5m", "5bn", and a scale word glued on: "6.2million"."""
    return f"{cardinal(match['n'])} {SCALES[match['s']] if match['s'] else match['w']}"


def _times(match: re.Match[str]) -> str:
    if match["by"]:
        return f"{cardinal(match['n'])} by {cardinal(match['by'])}"
    return f"{cardinal(match['n'])} times"


def _plus(match: re.Match[str]) -> str:
    return cardinal(match["n"]) + " plus"


def _vulgar(match: re.Match[str]) -> str:
    top, bottom = VULGAR[match["v"]]
    part = fraction(top, bottom)
    if top == 1:
        part = ("an " if bottom == 8 else "a ") + part.split(" ", 1)[1]
    if match["w"]:
        return f"{cardinal(match['w'])} and {part}"
    return part


def _mixed(match: re.Match[str]) -> str | None:
    top, bottom = int(match["a"]), int(match["b"])
    if not 0 < top < bottom or bottom not in FRACTION_DENOMINATORS:
        return None
    part = fraction(top, bottom)
    if top == 1:
        part = ("an " if bottom == 8 else "a ") + part.split(" ", 1)[1]
    return f"{cardinal(match['w'])} and {part}"


def _end_year(first: str, second: str) -> int | None:
    """The year a span from `first` ends in, the second year said in full as a reader does:
    2019-20 and 2019/20 end in 2020, 1999-00 in 2000, 2019-2021 in 2021; None if not a span
    of years."""
    if len(first) != 4 or not is_year(first) or not re.fullmatch(r"\d{2}|\d{4}", second):
        return None
    start = int(first)
    end = int(second) if len(second) == 4 else start // 100 * 100 + int(second)
    if len(second) == 2 and end <= start:
        end += 100  # 1999-00
    return end if end > start else None


def _slash(match: re.Match[str]) -> str | None:
    """2/3 a fraction, 2025/26 a season, 5/1 odds, 9/11 and 24/7 said as two numbers."""
    first, second = match["a"], match["b"]
    top, bottom = int(first), int(second)
    end = _end_year(first, second)
    if end is not None:
        return f"{year(top)} to {year(end)}"
    after = [w.lower() for w in words_after(match, 2)]
    if _last_word(match) in ("at", "odds") or "odds" in (*words_before(match, 4), *after):
        return f"{cardinal_int(top)} to {cardinal_int(bottom)}"
    if (
        0 < top < bottom
        and bottom in FRACTION_DENOMINATORS
        and len(first) == len(first.lstrip("0"))
    ):
        return fraction(top, bottom)
    if first[0] == "0" or second[0] == "0":
        return None
    if top == bottom and top % 10 == 0:
        return f"{cardinal_int(top)}-{cardinal_int(top)}"
    return f"{cardinal_int(top)} {cardinal_int(bottom)}"


def _is_score(match: re.Match[str]) -> bool:
    after = [w.lower() for w in words_after(match, 3)]
    if after[:1] in (["up"], ["down"]):
        return True  # "still 1-0 up", "from 2-0 down"
    if bool({*words_before(match, 5), *after} & SPORT):
        return True
    if re.search(r"\bhalf[- ]?time\b", match.string, re.IGNORECASE):
        return True
    if _TEAM_BEFORE.search(match.string, 0, match.start()) and _TEAM_AFTER.match(
        match.string, match.end()
    ):
        return True  # "Arsenal 2-1 Chelsea": a result between two names
    if _SCORE_AFTER.match(match.string, match.end()):
        return True  # "4-6 7-5": the first set's score
    return bool(_SCORE_BEFORE.search(match.string[: match.start()]))  # "6-4 6-3": a set's score


_SCORE_BEFORE = re.compile(r"\b\d{1,2}[-–]\d{1,2}\)?,?\s+$")
_TEAM_BEFORE = re.compile(r"\b[A-Z][\w'’.-]*\s$")
_TEAM_AFTER = re.compile(r"\s[A-Z]")
_SCORE_AFTER = re.compile(r",?\s+\d{1,2}[-–]\d{1,2}\b")


_SPAN_BEFORE = frozenset("aged ages age from between rose fell up down by".split())


def _is_cricket(match: re.Match[str]) -> bool:
    """Bowling figures (4-32) and a total (138-6) in a cricket report: wickets are one side,
    at most ten, and runs the other, more than ten."""
    low, high = sorted((int(match["a"]), int(match["b"])))
    if low > 10 or high <= 10 or high > 999:
        return False
    after = words_after(match, 1)
    if _last_word(match) in _SPAN_BEFORE or (after and after[0].lower() in COUNT_NOUNS):
        return False  # "aged 5-11", "from 5-15", "5-15 years": a span even in a cricket report
    near = {*words_before(match, 12), *(w.lower() for w in words_after(match, 12))}
    return bool(near & CRICKET)


def _score_number(value: int) -> str:
    return "nil" if value == 0 else cardinal_int(value)


def _span(match: re.Match[str]) -> str | None:
    """2019-2021 and 2019-20 spans of years, 10-15 a span, 3-1 a score near a sporting word."""
    first, second = match["a"], match["b"]
    suffix = " per cent" if match["pc"] else ""
    end = _end_year(first, second)
    if end is not None:
        return f"{year(int(first))} to {year(end)}"
    plain = first.isdigit() and second.isdigit()
    if plain and not suffix and _is_cricket(match):
        return f"{cardinal_int(int(first))} for {cardinal_int(int(second))}"
    if plain and not suffix and len(first) <= 2 and len(second) <= 2 and _is_score(match):
        a, b = int(first), int(second)
        if a == b:
            return f"{_score_number(a)}-all"
        return f"{_score_number(a)}-{_score_number(b)}"
    before = _last_word(match)
    joiner = "and" if before == "between" else "to"  # "between ten and fifteen"
    return f"{number(first, before)} {joiner} {number(second)}{suffix}"


def _decade(match: re.Match[str]) -> str:
    return decade(int(match["d"]))


def _ordinal(match: re.Match[str]) -> str:
    return ordinal(int(match["n"]))


def _plain(match: re.Match[str]) -> str:
    after = words_after(match, 1)
    if after and after[0].lower() in COUNT_NOUNS:
        return cardinal(match["n"])  # "in 1272 years", "1500 people": a count, not a year
    return number(match["n"], _last_word(match))


RULES = (
    Rule(
        "number sign",
        r"(?:\b(?P<no>No|Nos|no|nos)\.?\s?|(?<![\w&])(?P<hash>#))(?P<n>\d+)" + R,
        lambda m: _number_sign(m) if not m["hash"] else f"number {cardinal(m['n'])}",
    ),
    Rule("vulgar fraction", L + r"(?:(?P<w>\d+)\s?)?(?P<v>[½¼¾⅓⅔⅕⅛⅜⅝⅞])" + R, _vulgar),
    Rule("mixed fraction", L + r"(?P<w>\d+) (?P<a>\d{1,2})/(?P<b>\d{1,3})" + R, _mixed),
    Rule("percent", L + r"(?P<neg>[-−])?(?P<n>" + NUM + r")\s?(?:%|pc\b|percent\b)" + R, _percent),
    Rule("slash", L + r"(?P<a>\d{1,4})/(?P<b>\d{1,4})" + R, _slash),
    Rule(
        "span",
        L + r"(?P<a>" + NUM + r")[-–](?P<b>" + NUM + r")(?P<pc>%|pc\b)?" + R,
        _span,
    ),
    Rule("negative", r"(?<![\w.,)])[-−](?P<n>" + NUM + r")" + R, _negative),
    Rule("decade", L + r"['’]?(?P<d>(?:1\d|20)\d0|[1-9]0)['’]?s\b" + R, _decade),
    Rule("ordinal", L + r"(?P<n>\d+)(?:st|nd|rd|th)" + R, _ordinal),
    Rule(
        "scale",
        L + r"(?P<n>" + NUM + r")(?:\s?(?P<s>" + SCALE + r")|(?P<w>" + _SCALE_WORD + r"))\b" + R,
        _scale,
    ),
    Rule("times", L + r"(?P<n>" + NUM + r")x(?:(?P<by>\d+)\b)?" + R, _times),
    Rule("plus", L + r"(?P<n>" + NUM + r")\+(?![\w+])", _plus),
    Rule("number", L + r"(?P<n>" + NUM + r")" + R, _plain),
)
