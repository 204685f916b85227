"""Phone numbers, emergency numbers, web addresses, email addresses, handles and hashtags."""

from __future__ import annotations

import re

from briefing.script.normalize.scanner import L, R, Rule, word_before, words_before
from briefing.script.normalize.words import cardinal_int, digits

CALL_WORDS = frozenset(
    "call calls calling called dial dials dialling dialled dialing dialed ring ringing rang "
    "on phone phoned phoning text contact contacting contacted".split()
)
"""Words after which 999, 911, 111 and 112 are numbers to call, said digit by digit."""

TLDS = (
    "com org net gov edu io co uk us eu de fr es it nl ie info biz tv ly me ai app dev "
    "news int ac au ca nz in jp cn ru ch se no dk fi be at pl pt gr za sg hk"
).split()
_DOMAIN = (
    r"[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
    r"\.(?:" + "|".join(TLDS) + r")\b"
)
_SAID = {".": "dot", "/": "slash", "-": "dash", "_": "underscore", "@": "at", "+": "plus"}
_PART = re.compile(r"([./_@+-])")


def say_address(text: str) -> str:
    """ "bbc.co.uk/news" → "bbc dot co dot uk slash news"; a number in it is said as a
    number, an identifier mixing letters and digits is left as written."""
    words = []
    for part in _PART.split(text):
        if not part:
            continue
        if part in _SAID:
            words.append(_SAID[part])
        elif part.isdigit():
            words.append(
                cardinal_int(int(part)) if len(part) <= 4 and part[0] != "0" else digits(part)
            )
        else:  # words, and identifiers as written ("5lZc4ufFWk")
            words.append(part)
    return " ".join(words)


def _url(match: re.Match[str]) -> str | None:
    path = (match["path"] or "").rstrip("/")
    return say_address(match["host"] + path)


def _email(match: re.Match[str]) -> str | None:
    return say_address(match[0])


def _handle(match: re.Match[str]) -> str:
    return f"at {say_address(match['h'])}"


def _hashtag(match: re.Match[str]) -> str:
    return "hashtag " + match["t"]  # the tag as written: "#dday80" is "hashtag dday80"


def _phone(match: re.Match[str]) -> str | None:
    text = match[0]
    groups = re.findall(r"\d+", text)
    count = sum(map(len, groups))
    if count < (8 if text.startswith("0") else 9) or count > 15:
        return None  # "0800 1111" has eight digits; "1-800-273-8255" eleven
    spoken = ", ".join(digits(g) for g in groups)
    return ("plus " if text.startswith("+") else "") + spoken


def _local_phone(match: re.Match[str]) -> str | None:
    """A number without its area code after "call", "ring" or "on": "call the council 237 5089"."""
    if not set(words_before(match, 3)) & CALL_WORDS:
        return None
    return ", ".join(digits(g) for g in match[0].split())


def _emergency(match: re.Match[str]) -> str | None:
    if word_before(match) not in CALL_WORDS:
        return None
    return ", ".join(digits(g) for g in match[0].split())


_GROUP = r"\d{2,5}"
RULES = (
    Rule(
        "url",
        r"(?<![\w@#.,/+%&°$£€¥₹-])(?:https?://)?(?:www\.)?(?P<host>"
        + _DOMAIN
        + r")(?P<path>/[\w./%~-]*[\w/])?(?![\w@]|\.\w)"
        + R,
        _url,
    ),
    Rule("email", r"(?<![\w.+-])[\w.+-]+@" + _DOMAIN + r"(?![\w@]|\.\w)" + R, _email),
    Rule(
        "handle", r"(?<![\w@&.+%°$£€¥₹])@(?P<h>[A-Za-z_][A-Za-z0-9_]{0,30})(?![\w@])" + R, _handle
    ),
    Rule("hashtag", r"(?<![\w&#.+%°$£€¥₹])#(?P<t>[A-Za-z_]\w*)(?![\w@#])", _hashtag),
    Rule(
        "phone",
        r"(?<![\w+])(?:\+\d{1,3}(?:\s\(0\))?(?:[\s-]" + _GROUP + r"){2,4}"
        r"|0\d{2,4}(?:[\s-]\d{3,6}){1,3}"
        r"|0\d{9,10}"
        r"|1(?:800|850|890|300)(?:[\s-]\d{3}){2}"  # Irish and Australian: "1800 666 111"
        r"|\(\d{3}\)\s?\d{3}-\d{4}"
        r"|(?:1-)?\d{3}-\d{3}-\d{4})" + R,
        _phone,
    ),
    Rule("emergency number", L + r"(?:999|911|111|112|101|116\s123)" + R, _emergency),
    Rule("local phone", L + r"\d{3,4} \d{4}" + R, _local_phone),
)
