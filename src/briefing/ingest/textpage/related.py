"""After the body: the headlines of other stories a page lists, for the round-up."""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.ingest.cleanup import is_bio
from briefing.ingest.dates import find_date, is_date_only
from briefing.ingest.furniture import LineKind
from briefing.ingest.textpage.bylines import NAME
from briefing.ingest.textpage.lines import (
    BULLET,
    KICKER_WORDS,
    MAX_HEADLINE_CHARS,
    TRAILING_STAMP,
    Line,
    words,
)
from briefing.ingest.textpage.teasers import ENDS_STATEMENT, TEASER_MIN_WORDS
from briefing.models import Headline

_NOT_A_HEADLINE = re.compile(r"^(?:\(|(?:zu|re|aw|à propos de)\s*:)", re.IGNORECASE)
"""A parenthesis, or a reply to a comment ("Zu: …")."""
_RANK = re.compile(r"^\d{1,2}\.?$")
_CUT_SHORT = re.compile(r"(?:\.\.\.|…)$")
_MIN_HEADLINE_WORDS = 3
_MAX_HEADLINE_WORDS = 40
_FOOTER_LINK_WORDS = 12
"""A footer's links are short; a syndication notice under the article is not the footer."""


def headlines(lines: Sequence[Line], title: str, masthead: str | None) -> list[Headline]:
    """Headlines under a heading that offers other stories, until another kind of heading
    or the footer (its first line is often the site's name again); each once, never the
    article's own, never a date. Where prose stands among the headlines, a paragraph that
    ends as a statement is a story's teaser, not a headline (a question can be one); in a
    list of headlines alone, a long one is still a headline. A two-word line is a kicker or a
    tag unless headlines stand on both sides of it."""
    found: list[Headline] = []
    seen = {_fold(title)}
    for block in _related_blocks(lines, masthead):
        block = _within_ranking(block)
        menu = _menu_lines(block)
        listed = [line for n, line in enumerate(block) if n not in menu]
        teasers = sum(line.prose for line in listed) * 3 >= len(listed)
        for n, line in enumerate(block):
            if n in menu:
                continue
            statement = ENDS_STATEMENT.search(TRAILING_STAMP.sub("", line.text))
            long = line.prose or line.words >= TEASER_MIN_WORDS
            under_headline = n > 0 and not line.attached and not block[n - 1].prose
            if statement and long and (teasers or under_headline):
                continue
            if (n and block[n - 1].bylined) or _CUT_SHORT.search(line.text):
                continue  # the teaser under a headline and its byline, or one cut short "…"
            if n and teasers and block[n - 1].prose and NAME.match(line.text) and line.words <= 6:
                continue  # the teaser's author
            ranked_after = n + 1 < len(block) and _RANK.match(block[n + 1].text)
            if n and ranked_after and not _RANK.match(block[0].text):
                continue  # "Title" / "Programme" / "3": the line over a rank names the section
            if not _is_headline(line, masthead):
                continue
            few = words(line.text) < _MIN_HEADLINE_WORDS
            if few and not _between_headlines(block, n, masthead):
                continue
            key = _fold(line.text)
            if key not in seen:
                seen.add(key)
                found.append(Headline(title=BULLET.sub("", line.text)))
    return found


def _within_ranking(block: list[Line]) -> list[Line]:
    """A numbered list ("1" … "10") ends at its last number (and the item it numbers): the
    site's links that follow are not stories."""
    ranks = [n for n, line in enumerate(block) if _RANK.match(line.text)]
    if len(ranks) < 3:
        return block
    last = ranks[-1] + 1 if _RANK.match(block[0].text) else ranks[-1]
    return block[: last + 1]


def _menu_lines(block: list[Line]) -> set[int]:
    """Indexes of lines in runs of three or more short ones: a menu, not headlines."""
    short = [words(line.text) <= KICKER_WORDS for line in block]
    found: set[int] = set()
    n = 0
    while n < len(block):
        end = n
        while end < len(block) and short[end]:
            end += 1
        if end - n >= 3:
            found.update(range(n, end))
        n = max(end, n + 1)
    return found


def _is_caps_heading(line: Line) -> bool:
    """A heading set in capitals over a block of another kind ("HARDWARE BUYING GUIDES")."""
    return line.text.isupper() and 2 <= words(line.text) <= 5 and not line.is_sentence


def _between_headlines(block: list[Line], n: int, masthead: str | None) -> bool:
    neighbours = [block[n - 1] if n else None, block[n + 1] if n + 1 < len(block) else None]
    return all(
        x is not None
        and not x.prose
        and words(x.text) >= _MIN_HEADLINE_WORDS
        and _is_headline(x, masthead)
        for x in neighbours
    )


def _related_blocks(lines: Sequence[Line], masthead: str | None) -> list[list[Line]]:
    """The text lines under each heading that offers other stories."""
    blocks: list[list[Line]] = []
    block: list[Line] | None = None
    for line in lines:
        footer = line.kind is LineKind.END and line.words <= _FOOTER_LINK_WORDS
        if footer or (masthead and _fold(line.text) == _fold(masthead)):
            break
        if line.kind is LineKind.SECTION:
            block = []
            blocks.append(block)
        elif line.kind is LineKind.LABEL or _is_caps_heading(line):
            block = None
        elif block is not None and line.is_text:
            block.append(line)
        elif block is not None and line.byline and block:
            block[-1] = Line(**{**block[-1].__dict__, "bylined": True})
    return blocks


def _is_headline(line: Line, masthead: str | None = None) -> bool:
    """Headline-like: a few words to a long sentence, not a date, a bio or the site
    promoting itself ("WPTL 8 News at 6 p.m.")."""
    return (
        not (masthead and line.text.startswith(masthead))
        and not _NOT_A_HEADLINE.match(line.text)
        and line.is_text
        and line.words >= 2
        and len(line.text) <= MAX_HEADLINE_CHARS
        and not is_date_only(line.text)
        and not (line.words <= KICKER_WORDS + 3 and find_date(line.text))  # "News  June 11, 2019"
        and not is_bio(line.text)
        and not (line.is_sentence and line.words > _MAX_HEADLINE_WORDS)
    )


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())
