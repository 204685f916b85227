"""Which lines of a text page are prose, by jusText's paragraph classes.

A page copied from a browser is mostly not the article: menus, labels, captions, lists of
links. jusText (the boilerplate classifier trafilatura builds on) tells prose from the rest
by length and by the share of the language's stopwords, and then by context: a short line
between two paragraphs of prose is prose too. Every line becomes a paragraph of a minimal
HTML document for it. The thresholds are lower than jusText's defaults, which were set for
the long paragraphs of web pages of 2010; news is written in short paragraphs.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from functools import cache

GOOD = "good"
NEAR_GOOD = "neargood"

LANGUAGES = ("English", "German", "French", "Spanish", "Italian", "Dutch", "Portuguese")
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE_WORDS = 4000
_PARAMETERS = {"length_low": 40, "length_high": 100, "stopwords_low": 0.25, "stopwords_high": 0.30}


@cache
def _stoplist(language: str) -> frozenset[str]:
    import justext  # on first use: 20 ms that commands reading no text page need not pay

    return frozenset(justext.get_stoplist(language))


def stoplist_for(lines: Sequence[str]) -> frozenset[str]:
    """The stopwords of the language whose stopwords the text uses most: of the common
    news languages first, and of all jusText knows (100) when none of those is the text's
    (Polish, Swedish, Turkish, … prose uses few of their words)."""
    words = [w.lower() for line in lines for w in _WORD.findall(line)][:_SAMPLE_WORDS]

    def hits(stopwords: frozenset[str]) -> int:
        return sum(word in stopwords for word in words)

    best = max((_stoplist(language) for language in LANGUAGES), key=hits)
    if hits(best) >= _FOREIGN_SHARE * len(words):
        return best
    return max((_stoplist(language) for language in _every_language()), key=hits)


_FOREIGN_SHARE = 0.15
"""Prose uses 30-50% stopwords; under this share of a common language's, it is not in it."""


@cache
def _every_language() -> tuple[str, ...]:
    import justext

    return tuple(sorted(set(justext.get_stoplists()) - {"Simple_English"}))


def classes(lines: Sequence[str]) -> list[str]:
    """jusText's class for every line, judged by the line alone (its context-free class):
    "good" (long, and as rich in stopwords as prose), "neargood", "short" or "bad".

    jusText's context-sensitive pass would call the short lines next to prose good, and so
    the tags and related headlines under an article; the page parser weighs context itself.
    """
    if not lines:
        return []
    document = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    import justext

    paragraphs = justext.justext(
        f"<html><body>{document}</body></html>".encode(), stoplist_for(lines), **_PARAMETERS
    )
    found = [p.cf_class for p in paragraphs]
    if len(found) != len(lines):  # never seen; jusText keeps one paragraph per <p>
        raise RuntimeError(f"jusText returned {len(found)} paragraphs for {len(lines)} lines")
    return found
