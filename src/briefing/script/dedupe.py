"""Near-duplicate headlines: the same story told twice in one list.

Two headlines are near-duplicates when the rarer words of the shorter one are mostly in
the longer one. Each word is weighted by how rare it is in this page's own headlines
(inverse document frequency), so "UK" or "Trump" count for little and "Farage", "Meghan"
or "tanker" for much. On the London Daily page that separates the same story reworded
(0.63 to 0.87) from two stories on one topic (0.375 at most, "Prince Harry ... Invictus"
against "Prince Harry ... court hearing"); the threshold sits between.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

THRESHOLD = 0.5

_STOPWORDS = frozenset(
    """a an and are as at be by could for from has have he her his how if in into is it its
    likely may more new not of on only or over says said she than that the their this to
    was were what when while who will with without would""".split()
)


def _stem(word: str) -> str:
    word = word.lower().replace("’", "'")
    word = re.sub(r"'s?$", "", word)
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > 4 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> frozenset[str]:
    """The stems of a headline's content words: "U.S." and "US" alike."""
    text = re.sub(r"\b([A-Z])\.(?=[A-Z]\.)", r"\1", text).replace(".", " ")
    words = re.findall(r"[^\W\d_][\w'’-]*|\d+", text)
    return frozenset(_stem(w) for w in words if w.lower() not in _STOPWORDS)


@dataclass(frozen=True)
class Duplicate:
    dropped: int
    """Index of the dropped headline; the lead story is never dropped."""
    kept: int | None
    """Index of the headline kept in its place; None when it duplicates the lead story."""
    score: float


class Similarity:
    """IDF-weighted overlap between headlines of one page (and its lead title)."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.words = [content_words(t) for t in texts]
        frequency = Counter(w for words in self.words for w in words)
        total = len(self.words)
        self.idf = {w: math.log((total + 1) / (n + 0.5)) for w, n in frequency.items()}

    def weight(self, words: frozenset[str]) -> float:
        return sum(self.idf.get(w, 0.0) for w in words)

    def score(self, a: int, b: int) -> float:
        shared = self.weight(self.words[a] & self.words[b])
        smaller = min(self.weight(self.words[a]), self.weight(self.words[b]))
        return shared / smaller if smaller else 0.0


def drop_near_duplicates(
    lead_title: str,
    headlines: Sequence[str],
    selection: Sequence[int],
    limit: int | None = None,
) -> tuple[tuple[int, ...], list[Duplicate]]:
    """The selection without near-duplicates, and what was dropped for what.

    A headline that repeats the lead story is dropped. Of two headlines that repeat each
    other, the one that says more (more content words; the earlier on a tie) is kept, in
    the position of the first. With `limit`, the selection is read only until that many
    distinct headlines are kept.
    """
    similarity = Similarity([lead_title, *headlines])  # index 0 is the lead
    kept: list[int] = []
    dropped: list[Duplicate] = []
    for index in selection:
        if limit is not None and len(kept) >= limit:
            break
        lead_score = similarity.score(0, index + 1)
        if lead_score >= THRESHOLD:
            dropped.append(Duplicate(index, None, lead_score))
            continue
        rival = next((k for k in kept if similarity.score(k + 1, index + 1) >= THRESHOLD), None)
        if rival is None:
            kept.append(index)
            continue
        score = similarity.score(rival + 1, index + 1)
        if len(similarity.words[index + 1]) > len(similarity.words[rival + 1]):
            kept[kept.index(rival)] = index
            dropped.append(Duplicate(rival, index, score))
        else:
            dropped.append(Duplicate(index, rival, score))
    return tuple(kept), dropped
