"""Page furniture: the words around an article that are not the article.

Lines are matched whole and case-insensitively, so "Close" is furniture but a sentence
containing "close" is not. Wording varies between sites; extend the patterns here, each
with a test in `tests/test_ingest_textpage.py`.
"""

from __future__ import annotations

import re
from enum import Enum


class LineKind(Enum):
    TEXT = "text"
    FURNITURE = "furniture"  # dropped wherever it appears
    SECTION = "section"  # opens a list of related headlines; ends the body
    END = "end"  # opens something that is neither body nor headlines (comments, footer)

    @property
    def is_marker(self) -> bool:
        return self in (LineKind.SECTION, LineKind.END)


def _whole(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"^(?:" + "|".join(patterns) + r")[\s:.!]*$", re.IGNORECASE)


_SECTION = _whole(
    r"related(?: articles?| stories| news| content| links| coverage| reading| topics)?",
    r"more (?:stories|news|headlines|articles|from [\w' ]{1,40}|on this (?:story|topic))",
    r"(?:read|watch) (?:more|next)",
    r"(?:you|you might|you may) (?:also )?like",
    r"recommended(?: for you| stories| reading)?",
    r"(?:editors?['’]?s?['’]? )?(?:recommendations|picks)",
    r"(?:most|top) (?:read|popular|viewed|shared|stories)",
    r"(?:latest|top|trending) (?:news|stories|headlines)",
    r"trending(?: now)?",
    r"what to read next",
    r"further reading",
    r"see also",
    r"in other news",
)

_END = _whole(
    r"(?:\d+ )?comments?(?: \(\d+\))?",
    r"(?:join|read) the (?:conversation|discussion|comments)",
    r"about the authors?",
    r"(?:©|\(c\)|copyright\b).*",
    r"all rights reserved",
)

_FURNITURE = _whole(
    # player widgets and timestamps
    r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*/\s*\d{1,2}:\d{2}(?::\d{2})?)?",
    r"(?:listen|play|pause|mute|unmute)(?: (?:to )?(?:this|the) (?:article|story|episode))?"
    r"(?: \d+ min(?:ute)?s?)?",
    r"\d+ min(?:ute)?s? (?:read|listen)",
    # closing and navigation chrome
    r"close|×|✕|✖|x",
    r"menu|search|home|navigation|back to top|skip to (?:main )?content|loading\.*",
    # newsletters and subscriptions
    r"newsletters?",
    r"(?:sign up|subscribe|register)(?: (?:now|here|today|for free))?",
    r"(?:sign up|subscribe) (?:to|for) (?:our|the) [\w' ]{0,40}newsletters?.*",
    r"get (?:our|the) [\w' ]{0,40}newsletter.*",
    # sharing
    r"share(?: this)?(?: (?:article|story|page|post))?(?: (?:on|via) \w+)?",
    r"facebook|twitter|x \(formerly twitter\)|whatsapp|linkedin|reddit",
    r"email|e-mail|print|copy link",
    # advertising
    r"advertisement|advertising|ad|sponsored(?: content)?|promoted|paid (?:content|post)",
    r"story continues below(?: (?:this )?advertisement)?",
    # captions, credits, cookies
    r"image (?:caption|source|copyright)\b.*",
    r"(?:photo|image|picture|video)(?: credit)?\s*:.*",
    r"(?:getty images|reuters|ap photo|afp|pa media)(?: via [\w ]+)?",
    r"(?:we use cookies|(?:accept|reject|manage) (?:all )?cookies)\b.*",
    r"cookie (?:settings|preferences|policy)",
)


def classify(line: str) -> LineKind:
    """What kind of line this is, judged by its wording alone."""
    text = line.strip()
    if not text:
        return LineKind.FURNITURE
    if _SECTION.match(text):
        return LineKind.SECTION
    if _END.match(text):
        return LineKind.END
    if _FURNITURE.match(text):
        return LineKind.FURNITURE
    return LineKind.TEXT
