"""Where each word of a sentence is in its clip, from the durations Piper's model gave.

A Piper voice decides each phoneme id's duration (in frames of ``hop_length`` samples) before
it makes a sample; `ChunkedSession` hands them to Piper as a voice patched for alignments
would, and Piper turns them into samples per phoneme id. Here those become words:

1. `spoken_words`: the phoneme ids are laid out as Piper builds them (BOS, PAD, then each
   phoneme's ids and a PAD, then EOS), so each phoneme gets its samples; espeak's word
   boundaries (the space phoneme) group them into the words espeak spoke. A word ends with
   its last sounded phoneme: a punctuation phoneme's pause is no word's. It starts where the
   break before it starts, the break being the model's transition into it (pocketsphinx
   agrees: starting at the first phoneme instead was 50 ms late, median, on London Daily),
   except after a pause, where it starts with its first phoneme.
2. `align_words`: espeak's words are not always the written ones. It merges some ("in the"
   is one word, ``ɪnðə``; "twenty-six" too), splits others and says nothing for a lone dash.
   Each written word is also phonemised alone (the engine keeps these): words said the same
   both ways anchor the match (difflib), and between anchors a small dynamic programme
   matches groups of up to three words on either side, each group costing how unlike its two
   phonemisations are (or, without them, how far their lengths stray), and more for every
   group that is not one word to one. Inside a group, the time is shared by letters.

Where there are no durations (a voice run whole, or a service such as gTTS), `estimate_words`
spreads the words over the speech by their letters, and marks them estimated.
"""

from __future__ import annotations

import difflib
import math
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from briefing.models import WordTiming

BOS, EOS, PAD = "^", "$", "_"
"""Piper's markers (``piper.const``) around and between phoneme ids."""
WORD_BREAK = " "
"""The phoneme espeak puts between words."""
MAX_GROUP = 3
"""Most words on either side of one matched group (espeak merges "in the", splits "U.S.")."""
UNMATCHED_COST = 2.0
"""Cost of a word matched to nothing, and (halved, per extra word) of a group that is not one
written word to one spoken word: one to one wins unless the words say otherwise."""


@dataclass(frozen=True)
class SpokenWord:
    """A word as espeak phonemised it, placed in the audio."""

    phonemes: str
    start: int
    end: int


def _is_punctuation(phoneme: str) -> bool:
    return all(unicodedata.category(ch)[0] in "PSZ" for ch in phoneme)


def spoken_words(
    phonemes: Sequence[str],
    id_map: Mapping[str, Sequence[int]],
    samples: Sequence[int],
    offset: int = 0,
) -> list[SpokenWord]:
    """The words espeak spoke in one of Piper's sentences, in samples from `offset`.

    `phonemes` is the sentence as Piper phonemised it, `samples` the samples of each of its
    phoneme ids (``AudioChunk.phoneme_id_samples``). Raises `ValueError` if they disagree.
    """
    pad = len(id_map.get(PAD, ()))
    widths = [len(id_map.get(phoneme, ())) for phoneme in phonemes]  # Piper skips unknown ones
    expected = len(id_map[BOS]) + pad + sum(w + pad for w in widths if w) + len(id_map[EOS])
    if expected != len(samples):
        raise ValueError(f"{len(samples)} phoneme id durations for {expected} phoneme ids")
    edges = np.concatenate([[0], np.cumsum(np.asarray(samples, dtype=np.int64))]) + offset
    index = len(id_map[BOS]) + pad
    words: list[SpokenWord] = []
    text, start, end = "", -1, -1
    joined = -1  # where the break before this word began, unless it followed a pause
    paused = True
    for phoneme, width in zip(phonemes, widths, strict=True):
        if not width:
            continue
        first, index = index, index + width + pad
        if phoneme == WORD_BREAK:
            if text:
                words.append(SpokenWord(text, start, end))
            text, start, end = "", -1, -1
            joined = -1 if paused else int(edges[first])
        elif _is_punctuation(phoneme):
            paused = True
        else:
            if not text:
                start = joined if joined >= 0 else int(edges[first])
            text += phoneme
            end = int(edges[first + width])  # its PAD, a transition, goes to what follows
            paused = False
    if text:
        words.append(SpokenWord(text, start, end))
    return words


def _letters(word: str) -> int:
    """A written word's length for comparing with its sounds: digits say several."""
    return sum(3 if ch.isdigit() else 1 for ch in word if ch.isalnum())


def _share(words: Sequence[str], start: int, end: int, estimated: bool) -> list[WordTiming]:
    """`words` placed one after another over [start, end), each by its letters."""
    weights = [_letters(word) for word in words]
    if not any(weights):
        weights = [1] * len(words)
    total = sum(weights)
    timings, before = [], 0
    for word, weight in zip(words, weights, strict=True):
        first = start + round((end - start) * before / total)
        before += weight
        timings.append(
            WordTiming(word, first, start + round((end - start) * before / total), estimated)
        )
    return timings


def _plain(phonemes: str) -> str:
    """Phonemes without stress, length or punctuation: what two phonemisations share."""
    return "".join(
        ch
        for ch in phonemes
        if unicodedata.category(ch) not in ("Lm", "Sk", "Mn") and not _is_punctuation(ch)
    )


def align_words(
    written: Sequence[str],
    spoken: Sequence[SpokenWord],
    alone: Sequence[str] | None = None,
) -> list[WordTiming]:
    """Each of `written` placed where `spoken` (espeak's words, in order) put it.

    `alone` is each written word phonemised on its own, if known: words said the same
    both ways anchor the match, and the rest are matched by how alike they sound; without
    it, by their lengths. A written word with no letters may match nothing (it is given no
    length, where its neighbours meet), and a spoken word may be left over (its time goes
    to no word). Every written word gets a timing, in order.
    """
    if not written:
        return []
    if not spoken:
        return [WordTiming(word, 0, 0) for word in written]
    heard = [_plain(word.phonemes) for word in spoken]
    said = [_plain(word) for word in alone] if alone is not None else None
    groups: list[tuple[int, int, int, int]] = []
    i = j = 0
    anchors = (
        difflib.SequenceMatcher(None, said, heard, autojunk=False).get_matching_blocks()
        if said is not None
        else [difflib.Match(len(written), len(spoken), 0)]
    )
    for anchor in anchors:
        groups += _match(written, heard, said, (i, anchor.a), (j, anchor.b))
        groups += [(anchor.a + k, 1, anchor.b + k, 1) for k in range(anchor.size)]
        i, j = anchor.a + anchor.size, anchor.b + anchor.size
    timings: list[WordTiming] = []
    here = spoken[0].start
    for i, a, j, b in groups:
        if b:
            here = max(here, spoken[j].start)
            end = max(here, spoken[j + b - 1].end)
            timings.extend(_share(written[i : i + a], here, end, estimated=False))
            here = end
        else:
            timings.extend(WordTiming(word, here, here) for word in written[i : i + a])
    return timings


def _match(
    written: Sequence[str],
    heard: Sequence[str],
    said: Sequence[str] | None,
    rows: tuple[int, int],
    columns: tuple[int, int],
) -> list[tuple[int, int, int, int]]:
    """Written words ``rows`` matched to spoken ones ``columns`` in groups ``(i, a, j, b)``
    (``a`` written words from ``i`` to ``b`` spoken from ``j``), by a dynamic programme."""
    (i0, n), (j0, m) = rows, columns
    if i0 == n and j0 == m:
        return []
    if said is not None:
        lengths = [len(word) for word in said]
        rate = 1.0
    else:
        lengths = [_letters(word) for word in written]
        rate = max(1, sum(map(len, heard))) / max(1, sum(lengths))  # sounds per letter

    def cost(i: int, a: int, j: int, b: int) -> float:
        wrote = rate * sum(lengths[i : i + a])
        if b == 0:  # written, not spoken: free for a dash, dear for a word
            return 0.0 if wrote == 0 else UNMATCHED_COST + wrote
        sounds = "".join(heard[j : j + b])
        if a == 0:
            return UNMATCHED_COST + len(sounds)
        if said is not None:
            alike = difflib.SequenceMatcher(None, "".join(said[i : i + a]), sounds).ratio()
            stray = 3 * (1 - alike)
        else:
            stray = abs(math.log((len(sounds) + 1) / (wrote + 1)))
        return stray + (0.0 if a == b == 1 else UNMATCHED_COST * (a + b - 2) / 2 + 0.25)

    best = {(i0, j0): 0.0}
    step: dict[tuple[int, int], tuple[int, int]] = {}
    for i in range(i0, n + 1):
        for j in range(j0, m + 1):
            if (i, j) not in best:
                continue
            for a in range(min(MAX_GROUP, n - i) + 1):
                for b in range(min(MAX_GROUP, m - j) + 1):
                    if a == b == 0:
                        continue
                    total = best[(i, j)] + cost(i, a, j, b)
                    if total < best.get((i + a, j + b), math.inf):
                        best[(i + a, j + b)] = total
                        step[(i + a, j + b)] = (a, b)
    groups: list[tuple[int, int, int, int]] = []
    i, j = n, m
    while (i, j) != (i0, j0):
        a, b = step[(i, j)]
        i, j = i - a, j - b
        groups.append((i, a, j, b))
    return groups[::-1]


def speech_bounds(audio: np.ndarray, threshold: float = 0.02) -> tuple[int, int]:
    """The first and just-after-last samples of `audio` louder than `threshold` of its peak
    (the whole clip if it is silent)."""
    level = np.abs(np.asarray(audio, dtype=np.float32))
    peak = float(level.max()) if level.size else 0.0
    if peak <= 0.0:
        return 0, int(level.size)
    loud = np.flatnonzero(level > threshold * peak)
    return int(loud[0]), int(loud[-1]) + 1


def estimate_words(written: Sequence[str], audio: np.ndarray) -> list[WordTiming]:
    """`written` spread over the speech in `audio` (its leading and trailing silence left
    out) by their letters, marked estimated: for voices that give no durations."""
    start, end = speech_bounds(audio)
    return _share(written, start, end, estimated=True)


@dataclass(frozen=True)
class Spoken:
    """One of the pieces Piper spoke a text in (espeak's sentences): what `time_words` needs
    of ``piper.AudioChunk``."""

    phonemes: Sequence[str]
    samples: Sequence[int] | None
    """Samples of each phoneme id, or None where the voice gave no durations."""
    length: int
    """Samples of the piece's audio."""


def time_words(
    written: Sequence[str],
    pieces: Sequence[Spoken],
    id_map: Mapping[str, Sequence[int]],
    alone: Sequence[str] | None = None,
) -> list[WordTiming] | None:
    """`written` placed in the audio of `pieces` one after another, or None where a piece has
    no durations or durations that do not add up to its audio (then estimate). `alone`: as
    for `align_words`."""
    spoken: list[SpokenWord] = []
    offset = 0
    for piece in pieces:
        if piece.samples is None or int(np.sum(piece.samples)) != piece.length:
            return None
        try:
            spoken.extend(spoken_words(piece.phonemes, id_map, piece.samples, offset))
        except ValueError:
            return None
        offset += piece.length
    return align_words(written, spoken, alone)
