"""Split text into whole sentences: each sentence becomes one speech segment."""

from __future__ import annotations

import re

from briefing.script.normalize.abbreviations import TITLE_ABBREVIATIONS

# Words that end with a full stop without ending the sentence: every title and rank the
# normaliser knows ("Lt Col.", "Det Insp."), and other common abbreviations.
ABBREVIATIONS = TITLE_ABBREVIATIONS | frozenset(
    (
        "sir st jr sr vs etc approx est dept univ inc ltd corp co fig vol ed eds al "
        "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun "
        "e.g i.e a.m p.m u.s u.k u.n e.u"
    ).split()
)

# A candidate boundary: terminal punctuation, closing quotes/brackets, whitespace, and then
# something that can start a sentence (`_starts_sentence`: a capital in any alphabet, "Über",
# "Élisabeth", "Łódź", or a digit).
_BOUNDARY = re.compile(r"([.!?…]+[\"'”’)\]]*)\s+(?=[\"'“‘„«(\[]?\s?\w)")
_LAST_WORD = re.compile(r"(\S+)$")


def _ends_with_abbreviation(text: str, following: str) -> bool:
    match = _LAST_WORD.search(text)
    if not match:
        return False
    word = match.group(1).rstrip(".").lstrip("\"'“‘([").lower()
    if word in ABBREVIATIONS:
        return True
    if word in ("no", "nos") and following[:1].isdigit():  # "No. 10", not "said no. Then"
        return True
    # Initials and dotted acronyms: "J.", "U.S.", "J.R.R."
    return bool(re.fullmatch(r"(?:[a-z]\.)*[a-z]", word))


def split_sentences(text: str) -> list[str]:
    """Sentences of `text`, each with its own punctuation, none empty.

    A full stop after an abbreviation (Mr., U.S.) or an initial does not end a sentence;
    decimals (3.5) never do, because a boundary needs whitespace after the stop.
    """
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        following = text[match.end() :].lstrip("\"'“‘„«([ ")[:1]
        if not (following.isupper() or following.isdigit()):
            continue
        end = match.end(1)
        candidate = text[start:end]
        single_stop = match.group(1).rstrip("\"'”’)]") == "."
        if single_stop and _ends_with_abbreviation(candidate.rstrip("."), text[match.end() :]):
            continue
        sentences.append(candidate.strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return [s for s in sentences if any(ch.isalnum() for ch in s)]


MAX_SENTENCE_CHARS = 250
"""Longer sentences are cut at clause boundaries: one breath, one segment, one transcript cue."""

_CLAUSE = re.compile(r"(?<=[,;:])\s+|\s+(?=[—–-]\s)|(?<=[—–])\s+")


def split_clauses(text: str, limit: int) -> list[str]:
    """Pieces of at most `limit` characters, cut at the last clause boundary (comma,
    semicolon, colon, dash) that fits, else at the last space, else mid-word."""
    text = " ".join(text.split())
    pieces: list[str] = []
    while len(text) > limit:
        window = text[: limit + 1]
        cuts = [m.start() for m in _CLAUSE.finditer(window) if 0 < m.start() <= limit]
        cut = cuts[-1] if cuts else window.rfind(" ")
        if cut <= 0:
            cut = limit  # one word longer than the limit
        pieces.append(text[:cut].strip())
        text = text[cut:].strip()
    if text:
        pieces.append(text)
    return [p for p in pieces if any(ch.isalnum() for ch in p)]


def spoken_sentences(text: str, limit: int = MAX_SENTENCE_CHARS) -> list[str]:
    """Sentences of `text`, with any longer than `limit` cut at clause boundaries."""
    return [piece for sentence in split_sentences(text) for piece in split_clauses(sentence, limit)]
