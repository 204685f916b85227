"""Rule shapes every language's rules share (`de`, `fr`, `es`, …): web addresses kept as
written, and codes whose digits are read and letters spelled ("A10", "5G", "Covid-19"), each
with the language's own token boundaries."""

from __future__ import annotations

import re
from collections.abc import Callable

from briefing.script.normalize.scanner import Rule

WEB_ADDRESS = r"(?:https?://|www\.)[^\s\"'<>]+[^\s\"'<>.,;:!?)]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
"""A web or e-mail address: left as written, for the voice to spell or say."""


def _unchanged(match: re.Match[str]) -> str:
    return match[0]


WEB_ADDRESS_RULE = Rule("web address", WEB_ADDRESS, _unchanged)


def code_rule(left: str, right: str, speak: Callable[[re.Match[str]], str | None]) -> Rule:
    """Digits glued to letters: after a word ("Covid-19": `h` the hyphen, `n` the digits,
    `glued` set when letters follow) or leading a short capital code ("5G": `lead`, `n2`);
    `left` and `right` are the language's token boundaries."""
    return Rule(
        "code",
        r"(?:(?<=[^\W\d_])(?P<h>-)?(?P<n>\d+)(?:(?P<glued>(?=[^\W\d_]))|"
        + right
        + r")|"
        + left
        + r"(?P<lead>(?=\d+[A-Z]{1,3}\b))(?P<n2>\d+))",
        speak,
    )
