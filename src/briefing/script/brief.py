"""A round-up story told in a few sentences: its brief.

After a headline, N sentences: the item's own summary when it is prose, else the opening
sentences of its article (the lede), else whatever summary there is. A sentence that only
says the headline again is never read. Sentences are spoken ones: normalised and split
like any text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from briefing.models import Headline
from briefing.script.dedupe import content_words

DEFAULT_BRIEF = 2
_PROSE_WORDS = 5
_TERMINAL = re.compile(r"[.!?…][\"'”’)]*$")
# What feeds append to a summary: WordPress's "The post … appeared first on …", the
# Guardian's "Continue reading...", "[…]", "Read more".
_SUMMARY_TAILS = re.compile(
    r"\s*(?:the post\b.{1,300}\bappeared first on\b.{1,120}"
    r"|continue reading(?:\.\.\.|…)?|read more(?:\.\.\.|…)?|\[(?:\.\.\.|…)\]|\[\+\d+ chars\])\s*$",
    re.IGNORECASE,
)
_CUT_OFF = re.compile(r"\s*(?:\.\.\.|…)$")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s)")
_REPEATS_TITLE = 0.7
"""Share of a sentence's content words that are the headline's: above it, it says nothing
the headline did not."""


def summary_text(summary: str | None) -> str:
    """A feed's summary without what feeds append to it ("Continue reading...")."""
    text = (summary or "").strip()
    while True:
        shorter = _SUMMARY_TAILS.sub("", text).strip()
        if shorter == text:
            return text
        text = shorter


def whole_sentences(text: str) -> str:
    """A summary without the sentence a feed cut off ("… the council said it would..."):
    what comes before it, or nothing when it is all there is."""
    cut = _CUT_OFF.search(text)
    if cut is None:
        return text
    ends = list(_SENTENCE_END.finditer(text[: cut.start()]))
    return text[: ends[-1].end()].strip() if ends else ""


def prose_summary(headline: Headline) -> str | None:
    """The headline's summary when it tells the story in whole sentences, else None (the
    brief then comes from the story's article)."""
    text = whole_sentences(summary_text(headline.summary))
    return text if is_prose(text) else None


def is_prose(text: str) -> bool:
    """A summary that is sentences, not a label, a list of tags or a cut-off line."""
    return len(text.split()) >= _PROSE_WORDS and bool(_TERMINAL.search(text))


def repeats_title(sentence: str, title_words: frozenset[str]) -> bool:
    words = content_words(sentence)
    return not words or len(words & title_words) / len(words) >= _REPEATS_TITLE


def brief(
    headline: Headline,
    count: int,
    spoken_title: str,
    speak: Callable[[str], list[list[str]]],
) -> list[str]:
    """Up to `count` sentences about `headline` beyond what its title says, as the spoken
    pieces they are read in. `speak` turns text into its spoken sentences, each a list of
    pieces (a long sentence is read in several); a sentence counts once, whole."""
    if count <= 0:
        return []
    title_words = content_words(spoken_title)
    told = prose_summary(headline)
    sources = [told] if told else [*headline.body, summary_text(headline.summary)]
    chosen: list[str] = []
    taken = 0
    for pieces in _sentences(sources, speak):
        if not repeats_title(" ".join(pieces), title_words):
            chosen += pieces
            taken += 1
            if taken == count:
                break
    return chosen


def _sentences(texts: list[str], speak: Callable[[str], list[list[str]]]) -> Iterator[list[str]]:
    """The texts' sentences in order, made only as far as they are read."""
    for text in texts:
        if text:
            yield from speak(text)
