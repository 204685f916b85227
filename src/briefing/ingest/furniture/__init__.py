"""Page furniture: the words around an article that are not the article.

Lines are matched whole and case-insensitively, so "Close" is furniture but a sentence
containing "close" is not. Wording varies between sites and languages: each language's
wording is a module of its own here (`english.py`, `german.py`, `french.py`, `spanish.py`,
`italian.py`, `portuguese.py`, `dutch.py`, `polish.py`), and what no one language owns
(clock times, symbols, social networks, news agencies) is in `common.py`. Each gives four
tuples of patterns, one per kind of line below. Extend them, and add a page to the corpus
(tests/data/text/) that holds the new wording.
"""

from __future__ import annotations

import re
from enum import Enum

from briefing.ingest.furniture import (
    common,
    dutch,
    english,
    french,
    german,
    italian,
    polish,
    portuguese,
    spanish,
)

_LANGUAGES = (common, english, german, french, spanish, italian, portuguese, dutch, polish)


class LineKind(Enum):
    TEXT = "text"
    FURNITURE = "furniture"
    """Dropped wherever it appears: menus, share buttons, ads, cookie prompts, counters."""
    SECTION = "section"
    """Opens a list of other stories ("Related", "Most read"): their headlines follow."""
    LABEL = "label"
    """Opens a block that holds no stories ("Topics", "Tags", "Share this"): ends a list."""
    END = "end"
    """Opens what is neither article nor headlines: comments, the page footer."""

    @property
    def is_marker(self) -> bool:
        return self in (LineKind.SECTION, LineKind.LABEL, LineKind.END)


def _whole(kind: str) -> re.Pattern[str]:
    """One pattern of every language's patterns of a kind, matching a line as a whole (a
    trailing colon, full stop or arrow allowed)."""
    patterns = [pattern for language in _LANGUAGES for pattern in getattr(language, kind)]
    return re.compile(r"^(?:" + "|".join(patterns) + r")[\s:.!»›>…]*$", re.IGNORECASE)


_SECTION = _whole("SECTION")
_LABEL = _whole("LABEL")
_END = _whole("END")
_FURNITURE = _whole("FURNITURE")


def classify(line: str) -> LineKind:
    """What kind of line this is, judged by its wording alone."""
    text = line.strip()
    if not text:
        return LineKind.FURNITURE
    if _SECTION.match(text):
        return LineKind.SECTION
    if _LABEL.match(text):
        return LineKind.LABEL
    if _END.match(text):
        return LineKind.END
    if _FURNITURE.match(text):
        return LineKind.FURNITURE
    return LineKind.TEXT
