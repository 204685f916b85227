"""The one pass over the text: a compiled alternation of every rule, and its dispatch.

Each rule is a pattern and a handler. The scanner joins all patterns, in the order given,
into one regular expression and walks the text once: at each place where some rule
matches, the first rule in order that matches there is asked for the spoken form. A
handler that cannot read its token with confidence returns None, and the later rules that
match at the same place are asked in turn; if none can, the token stays exactly as written.
Handlers look at their neighbours through the helpers here (`words_before`,
`words_after`), which read the text as written, so a second pass sees the same context.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from briefing.script.normalize.words import NUMBER_WORDS

Handler = Callable[[re.Match[str]], "str | None"]

NUM = r"(?:\d{1,2}(?:,\d{2})+,\d{3}(?!\d)|\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)"
"""A number as written: separators are commas before exactly three digits (`1,234`); any
other comma after a number is punctuation (`in 2014, 2015`). Indian grouping (`3,94,493`)
is a number too."""

PREFIXES = (
    "mid pre post anti non over under early late sub ex all top pro then once former near"
    " record semi multi"
).split()
"""Words a number may be joined to by a hyphen: "mid-2026", "pre-2008", "under-21s",
"the then-164 Apple Stores"."""
L = (
    r"(?=[-−'’\d½¼¾⅓⅔⅕⅛⅜⅝⅞])"  # cheap first: every token L starts is a number
    r"(?:(?<![\w.,/:$£€¥₹#@+°−–-])(?<![^\s(\[\"]['’])|"
    + "|".join(rf"(?<=\b{p}-)|(?<=\b{p.capitalize()}-)" for p in PREFIXES)
    + ")"
)
"""A token starts here: not inside a word or a number (`mid-2026` may keep its prefix).
Every rule that uses it starts with a digit, a sign, an apostrophe ('90s) or a fraction."""

R = (
    r"(?![\w%°′″£$€¥₹#@+]"  # a letter, digit, unit or symbol glued on
    r"|[.,:/'’–-][\d½¼¾⅓⅔⅕⅛⅜⅝⅞]"  # more number: "3.6.0", "1,2345", "9/11", "6'2"
    r"|[-–][£$€¥]|\.[^\W\d_]|\.[£$€¥₹#@&%]|/\w"  # "£5-£6", "3.Charlotte", "Q3/Q4"
    r"|[-–][A-Za-z-]*\d"  # "42-year-oldQ3"
    r"|['’](?!s\b)[^\W\d_])"  # "Q3'the" (but "2014's" is fine)
)
"""A token ends here: no letter, digit or unit glued on (a hyphenated word may follow)."""


@dataclass(frozen=True)
class Rule:
    """A pattern and what to say for it; `name` is for reading and debugging."""

    name: str
    pattern: str
    handler: Handler

    @functools.cached_property
    def compiled(self) -> re.Pattern[str]:
        """Compiled on first use, so that commands which never normalise (publish, serve,
        --help) do not pay for it at start-up."""
        return re.compile(self.pattern)


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
CAPITALISED = NUMBER_WORDS | {"the", "a", "an", "midday", "midnight", "number", "numbers"}
"""First words of a spoken token that take a capital at a sentence's start: number words
and what dates and times start with ("The seventeenth of April", "Midday"); "at",
"hashtag" or "for example" keep the writer's case."""


class Scanner:
    """All rules as one regular expression, asked in order at each match."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = tuple(rules)

    @functools.cached_property
    def master(self) -> re.Pattern[str]:
        """Every rule in one alternation, compiled on first use (about 50 ms; each rule's
        own pattern is compiled when it first matches, as many never do on a page)."""
        alternatives = (
            f"(?P<r{i}>{_NAMED_GROUP.sub('(?:', rule.pattern)})"
            for i, rule in enumerate(self.rules)
        )
        master = re.compile("|".join(alternatives))
        if master.groups != len(self.rules):  # a rule's unnamed group would shift the rest
            for rule in self.rules:
                if rule.compiled.groups != len(rule.compiled.groupindex):
                    raise ValueError(f"rule {rule.name!r}: every group must be named or (?:...)")
        return master

    def _spoken(self, text: str, match: re.Match[str]) -> tuple[str, int] | None:
        start = match.start()
        first = int((match.lastgroup or "r0")[1:])
        for rule in self.rules[first:]:
            own = rule.compiled.match(text, start)
            if own is None or own.end() == start:
                continue
            spoken = rule.handler(own)
            if spoken is not None:
                return spoken, own.end()
        return None

    def sub(self, text: str) -> str:
        """`text` with every token some rule can read replaced by its spoken form."""
        out: list[str] = []
        pos = 0
        while (match := self.master.search(text, pos)) is not None:
            found = self._spoken(text, match)
            if found is None:  # leave the token as written; rules may match inside it
                end = match.start() + 1
                while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
                    end += 1
                out.append(text[pos:end])
                pos = end
                continue
            spoken, end = found
            if spoken.endswith(("a.m.", "p.m.")) and text[end : end + 1] == ".":
                end += 1  # "at 10am." → "at ten a.m.", not "a.m.."
            start = match.start()
            out.append(text[pos:start])
            if (
                re.split(r"[ -]", spoken, maxsplit=1)[0] in CAPITALISED
                and not text[start].islower()
                and starts_sentence(text, start)
            ):
                spoken = spoken[0].upper() + spoken[1:]
            out.append(spoken)
            pos = end
        out.append(text[pos:])
        return "".join(out)


# --- context ---------------------------------------------------------------------------------

_WORD = re.compile(r"[\w'’.&/-]+")
_OPENERS = "\"'“‘([{"
_CLOSERS = "\"'”’)]}"
NOT_ENDING = frozenset(
    "mr mrs ms dr prof st gen col lt maj capt sgt cpl pte brig adm cdr cmdr det insp supt ch "
    "con cllr rev revd fr sen rep gov rt hon l/cpl jr sr no nos vs v e.g i.e a.m p.m approx c "
    "ca jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k".split()
)
"""Words whose full stop does not end a sentence (for capitalising a sentence's first word);
every shortened word of a title is one (`abbreviations.TITLE_ABBREVIATIONS`)."""


def starts_sentence(text: str, pos: int) -> bool:
    """Whether a sentence starts at `pos` (after opening quotes or brackets); a quotation
    after a colon or comma starts one too ("He said: "Two of them..."")."""
    i = pos
    while i > 0 and text[i - 1] in _OPENERS:
        i -= 1
    if i == 0 or text[i - 1] == "\n":
        return True
    quoted = i < pos and text[i] in '"“'
    j = i
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == i or j == 0:
        return j == 0
    if text[j - 1] == "\n" or (quoted and text[j - 1] in ":,"):
        return True
    while j > 0 and text[j - 1] in _CLOSERS:
        j -= 1
    if j == 0 or text[j - 1] not in ".!?…":
        return False
    if text[j - 1] != ".":
        return True
    last = re.search(r"[A-Za-z][A-Za-z.]*$", text[: j - 1])
    word = last.group(0).lower() if last else ""
    return word not in NOT_ENDING and not re.fullmatch(r"(?:[a-z]\.)*[a-z]", word)


def words_before(match: re.Match[str], count: int = 1) -> list[str]:
    """The `count` words before the match within its sentence, lower case, nearest last."""
    head = match.string[max(0, match.start() - 80) : match.start()]
    head = re.split(r"[.!?;:]\s|[\n()]", head)[-1]
    return [w.lower().strip(".'’-") for w in _WORD.findall(head)][-count:]


def words_after(match: re.Match[str], count: int = 1) -> list[str]:
    """The `count` words after the match within its sentence, as written, nearest first."""
    tail = match.string[match.end() : match.end() + 80]
    tail = re.split(r"[.!?;:]\s|[\n()]|[.!?]$", tail)[0]
    return [w.strip(".'’-") for w in _WORD.findall(tail)][:count]


def word_before(match: re.Match[str]) -> str:
    """The word just before the match (lower case), or ""."""
    words = words_before(match)
    return words[0] if words else ""


def word_after(match: re.Match[str]) -> str:
    """The word just after the match (as written), or ""."""
    words = words_after(match)
    return words[0] if words else ""


def keep_stop(spoken: str, match: re.Match[str]) -> str:
    """`spoken` for a token written with a final full stop ("etc.", "St."): the stop stays
    where it also ends the sentence (before a capital, a closing quote or the end)."""
    if not match[0].endswith(".") or spoken.endswith("."):
        return spoken
    rest = match.string[match.end() :]
    if rest.startswith("."):
        return spoken
    if rest.strip() == "" or re.match(r"\s+[\"'(]?[A-Z]|[\"')\]]", rest):
        return spoken + "."
    return spoken


def alternatives(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first, escaped."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))
