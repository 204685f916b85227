"""What every language's rules ask about a match's surroundings: does a sentence start here
(for a capital), does the token's full stop also end the sentence, which words stand before
and after it.

Each language's `words.py` makes one `SentenceContext` with its own abbreviations (the words
whose full stop ends no sentence) and uses its methods; the helpers that need no language
are plain functions.
"""

from __future__ import annotations

import re
from collections.abc import Callable

UPPER = "A-ZÀ-ÖØ-Þ"
"""Capital letters of the Latin alphabets the rules serve (for character classes)."""


def _any_number(word: str) -> bool:
    return True


class SentenceContext:
    """Sentence starts and ends in one language.

    `not_ending`: lower-case words whose full stop ends no sentence ("dr", "z", "sr").
    `number_ends`: whether a number's full stop ends a sentence (German: "bis 2030. Fünf"
    does, "am 26. Oktober" does not). `colon_starts`: whether a colon before an opening
    quote starts a sentence (German quotes: `sagte: "Wir …"`).
    """

    def __init__(
        self,
        not_ending: frozenset[str],
        *,
        number_ends: Callable[[str], bool] = _any_number,
        colon_starts: bool = False,
    ) -> None:
        self.not_ending = not_ending
        self.number_ends = number_ends
        self.colon_starts = colon_starts

    def starts_sentence(self, text: str, pos: int) -> bool:
        """Whether a sentence starts at `pos` (after any opening quotes or brackets)."""
        i = pos
        while i > 0 and text[i - 1] in "\"'([":
            i -= 1
        while i > 0 and text[i - 1] == " " and i - 2 >= 0 and text[i - 2] == '"':
            i -= 2  # "« Nous" is '" Nous' once the quotes are plain
        j = i
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        if j == 0 or text[j - 1] == "\n":
            return True
        if j == i:
            return False
        k = j
        while k > 0 and text[k - 1] in "\"')] ":
            k -= 1
        mark = text[k - 1] if k > 0 else ""
        if mark in "!?" or (self.colon_starts and mark == ":" and i < pos):
            return True
        if mark != ".":
            return False
        last = re.search(r"[^\W_]*$", text[: k - 1])
        word = last.group(0) if last else ""
        if word.isdigit():
            return self.number_ends(word)
        return len(word) > 1 and word.lower() not in self.not_ending

    def capital_at_start(self, spoken: str, match: re.Match[str]) -> str:
        """`spoken` with a capital when it starts a sentence."""
        if spoken[:1].islower() and self.starts_sentence(match.string, match.start()):
            return spoken[0].upper() + spoken[1:]
        return spoken


def keep_stop(spoken: str, match: re.Match[str], before_capital: bool = False) -> str:
    """`spoken` for a token written with a final full stop: the stop stays where it also
    ends the text, or, for "etc." and the like (`before_capital`), where a new sentence
    follows."""
    if not match[0].endswith("."):
        return spoken
    rest = match.string[match.end() :]
    if re.fullmatch(r"[\"')\]]*\s*", rest):
        return spoken + "."
    if before_capital and re.match(rf"\s+[\"'(]?\s?[{UPPER}]", rest):
        return spoken + "."
    return spoken


def words_before(match: re.Match[str], count: int = 2, start: int | None = None) -> list[str]:
    """The `count` words before the match in its sentence, lower case, nearest last."""
    start = match.start() if start is None else start
    head = match.string[max(0, start - 80) : start]
    head = re.split(r"[!?;\n\"]|(?<=[^\W\d_]{3})\.\s", head)[-1]
    return [w.lower() for w in re.findall(r"[^\W_]+", head)][-count:]


def word_after(match: re.Match[str], with_stop: bool = False) -> str:
    """The word after the match as written (with the full stop it ends with when
    `with_stop`), or ""."""
    stop = r"\.?" if with_stop else ""
    found = re.match(rf"\s+([^\W_][\w-]*{stop})", match.string[match.end() : match.end() + 60])
    return found.group(1) if found else ""


def as_written_case(spoken: str, written: str) -> str:
    """`spoken` with a capital where `written` has one."""
    if written[:1].isupper() and spoken[:1].islower():
        return spoken[0].upper() + spoken[1:]
    return spoken
