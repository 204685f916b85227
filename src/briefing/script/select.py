"""Choosing headlines: a spec such as "1,3,5-7", "all", "none", or topics mixed with numbers
("climate,'interest rates',1-3"), and words that leave stories out.

A topic picks every story whose title or summary mentions it: case does not matter, words
are whole words, and a plural matches its singular ("rates" finds "rate" and "rates").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from briefing.errors import UsageError
from briefing.models import Headline

DEFAULT_HEADLINES = 5
_PART = re.compile(r"^(\d+)(?:\s*-\s*(\d+))?$")
_SPLIT = re.compile(r"""\s*,\s*(?=(?:[^'"]*['"][^'"]*['"])*[^'"]*$)""")
"""Commas outside quotes."""


@dataclass(frozen=True)
class Choice:
    """The chosen headlines (zero-based, in reading order) and how they were chosen."""

    indexes: tuple[int, ...]
    by_default: bool = False
    """No spec: the first distinct ones, up to `DEFAULT_HEADLINES`."""
    topics: dict[int, tuple[str, ...]] = field(default_factory=dict)
    """The topics each headline matched."""
    notes: tuple[str, ...] = ()
    """What a lenient choice bent (numbers past the end, topics matching nothing)."""


def parse_selection(spec: str | None, available: int) -> tuple[int, ...]:
    """Zero-based indexes of the chosen headlines, in the order given, without repeats.

    Numbers in the spec are 1-based, as `briefing headlines` shows them. The default (None)
    is the first five, or fewer when the page has fewer. A number outside 1..available is
    a `UsageError` that names the valid range; a topic is a `UsageError` too (it needs the
    headlines: see `choose`).
    """
    numbers, topics = _parts(spec)
    if topics:
        raise UsageError(f"cannot read headline spec {spec!r} at {topics[0]!r}")
    if numbers is None:
        return tuple(range(min(DEFAULT_HEADLINES, available)))
    return _numbers(numbers, available, lenient=False)[0]


def choose(
    spec: str | None,
    headlines: Sequence[Headline],
    exclude: Sequence[str] = (),
    extra_topics: Sequence[str] = (),
    lenient: bool = False,
) -> Choice:
    """The headlines `spec` and `extra_topics` choose, less those mentioning an `exclude`
    word. Numbers keep the order given; with topics, the choice is in feed order.

    Strict (the command line): a number past the end, or topics that match nothing, is a
    `UsageError`. Lenient (unattended `daily` runs): they become notes, and what is there
    is taken.
    """
    numbers, topics = _parts(spec)
    topics = [*topics, *extra_topics]
    excluded = {i for i, h in enumerate(headlines) if matches(h, exclude)}
    notes: list[str] = []
    if numbers is None and not topics:
        kept = tuple(i for i in range(len(headlines)) if i not in excluded)
        return Choice(kept, by_default=True, notes=tuple(notes))
    chosen: list[int] = []
    if numbers is not None:
        picked, bent = _numbers(numbers, len(headlines), lenient)
        chosen += picked
        notes += bent
    matched: dict[int, tuple[str, ...]] = {}
    if topics:
        for i, headline in enumerate(headlines):
            found = tuple(t for t in topics if matches(headline, [t]))
            if found:
                matched[i] = found
        if not matched:
            message = (
                f"no headline mentions {_listed(topics)} "
                f"(searched {len(headlines)} item{'s' * (len(headlines) != 1)})"
            )
            if not lenient:
                raise UsageError(
                    message, hint="try other words, or numbers from `briefing headlines`"
                )
            notes.append(f"{message}; the round-up is left out")
        chosen = sorted(set(chosen) | set(matched))
    kept = tuple(dict.fromkeys(i for i in chosen if i not in excluded))
    return Choice(kept, topics=matched, notes=tuple(notes))


def matches(headline: Headline, words: Sequence[str]) -> bool:
    """Whether the headline's title or summary mentions any of `words`."""
    text = f"{headline.title} {headline.summary or ''}"
    return any(_topic(word).search(text) for word in words if word.strip())


def _topic(phrase: str) -> re.Pattern[str]:
    words = [re.escape(_singular(w)) + r"(?:s|es)?" for w in phrase.split()]
    return re.compile(r"\b" + r"[\s-]+".join(words) + r"\b", re.IGNORECASE)


def _singular(word: str) -> str:
    lower = word.lower()
    if len(lower) > 4 and lower.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if len(lower) > 3 and lower.endswith("s") and not lower.endswith("ss"):
        return word[:-1]
    return word


def _listed(topics: Sequence[str]) -> str:
    quoted = [repr(t) if " " in t else t for t in topics]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def _parts(spec: str | None) -> tuple[list[str] | None, list[str]]:
    """The spec's numbers and ranges (None when it names none: the default), and topics."""
    if spec is None:
        return None, []
    text = spec.strip()
    if text.lower() == "all":
        return ["all"], []
    if text.lower() in ("none", "0", ""):
        return [], []
    numbers: list[str] = []
    topics: list[str] = []
    for part in _SPLIT.split(text):
        part = part.strip()
        if not part:
            continue
        if _PART.match(part):
            numbers.append(part)
        elif re.match(r"\d+\s*-", part) or not re.search(r"[^\W\d_]", part):
            raise UsageError(
                f"cannot read headline spec {spec!r} at {part!r}",
                hint="use numbers and ranges like 1,3,5-7, topic words, or all, or none",
            )
        else:
            topics.append(part.strip("'\" "))
    return (numbers if numbers else (None if topics else [])), topics


def _numbers(parts: list[str], available: int, lenient: bool) -> tuple[tuple[int, ...], list[str]]:
    if parts == ["all"]:
        return tuple(range(available)), []
    chosen: list[int] = []
    notes: list[str] = []
    for part in parts:
        match = _PART.match(part)
        if match is None:  # _parts keeps only numbers and ranges here
            continue
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if first > last:
            raise UsageError(
                f"headline range {first}-{last} runs backwards", hint=f"write it as {last}-{first}"
            )
        for number in (first, last):
            if not 1 <= number <= available:
                valid = f"1-{available}" if available else "none: the page has no headlines"
                if lenient and number >= 1:
                    notes.append(
                        f"headline {number} does not exist today ({available} to choose from); "
                        "taking what there is"
                    )
                    break
                raise UsageError(
                    f"headline {number} does not exist; valid headlines are {valid}",
                    hint="run `briefing headlines PAGE` to see them",
                )
        for number in range(first, min(last, available) + 1):
            if number - 1 not in chosen:
                chosen.append(number - 1)
    return tuple(chosen), notes
