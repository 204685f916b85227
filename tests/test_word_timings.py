"""Word timings: Piper's phoneme durations mapped to the written words of a sentence, and an
estimate where a voice gives none; checked against pocketsphinx on the real voice."""

from __future__ import annotations

import itertools
import statistics
from pathlib import Path

import numpy as np
import pytest

from briefing.engines.piper import PiperEngine
from briefing.engines.piper_decoder import ChunkedSession
from briefing.engines.piper_prepare import prepare
from briefing.engines.word_timings import (
    Spoken,
    SpokenWord,
    WordTiming,
    align_words,
    estimate_words,
    spoken_words,
    time_words,
)

from .aligner import sphinx_words, start_differences
from .conftest import joe

ID_MAP = {
    "^": [1],
    "_": [0],
    "$": [2],
    " ": [3],
    ",": [4],
    ".": [5],
    "ˈ": [6],
    **{ch: [10 + i] for i, ch in enumerate("abdeiklmnostuwðəɪʌ")},
}


def ids_for(phonemes: str) -> int:
    """How many phoneme ids Piper makes of `phonemes`: BOS, PAD, each and a PAD, EOS."""
    return 2 + 2 * len(phonemes) + 1


def test_phonemes_become_words_with_their_samples() -> None:
    # ^ _ | a _ b _ , _ " " _ d _ e _ . _ | $ ; 10 samples an id, the comma's pause 50.
    samples = [10, 10, 10, 10, 10, 10, 50, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10]
    assert len(samples) == ids_for("ab, de.")
    words = spoken_words(list("ab, de."), ID_MAP, samples, offset=1000)
    # "ab" from a to b (its trailing PAD is the transition, not the word); the comma's pause
    # is no word's; "de" starts at its first phoneme, the break after a pause being the pause.
    assert words == [SpokenWord("ab", 1020, 1050), SpokenWord("de", 1140, 1170)]


def test_a_word_in_fluent_speech_starts_where_the_break_before_it_does() -> None:
    samples = [10] * ids_for("ab de")
    words = spoken_words(list("ab de"), ID_MAP, samples)
    # ^ _ a _ b _ " " _ d _ e _ $: the break (at 60) is where "de" begins.
    assert words == [SpokenWord("ab", 20, 50), SpokenWord("de", 60, 110)]


def test_phonemes_the_voice_does_not_know_are_skipped_as_piper_skips_them() -> None:
    samples = [10] * ids_for("ab")
    assert spoken_words(list("aXb"), ID_MAP, samples) == [SpokenWord("ab", 20, 50)]
    with pytest.raises(ValueError, match="phoneme id durations"):
        spoken_words(list("ab"), ID_MAP, samples[:-1])


def spoken(*words: str) -> list[SpokenWord]:
    """`words` one after another, 100 samples a character, 50 between words."""
    made, at = [], 0
    for word in words:
        made.append(SpokenWord(word, at, at + 100 * len(word)))
        at += 100 * len(word) + 50
    return made


def spans(timings: list[WordTiming]) -> list[tuple[str, int, int]]:
    return [(t.word, t.start, t.end) for t in timings]


def test_one_written_word_to_one_spoken_word() -> None:
    said = spoken("ɪt", "wʌz", "lˈeɪt")
    timings = align_words(["It", "was", "late."], said, ["ˈɪt", "wʌz", "lˈeɪt"])
    assert spans(timings) == [
        (w, s.start, s.end) for w, s in zip(["It", "was", "late."], said, strict=True)
    ]
    assert not any(t.estimated for t in timings)


def test_words_espeak_merges_share_the_merged_word_by_letters() -> None:
    said = spoken("ɪnðə", "sˈɪti")
    timings = align_words(["in", "the", "city"], said, ["ˈɪn", "ðə", "sˈɪti"])
    assert spans(timings) == [("in", 0, 160), ("the", 160, 400), ("city", 450, 950)]


def test_a_written_word_espeak_splits_spans_both_spoken_words() -> None:
    said = spoken("ðə", "jˌuː", "ˈɛs", "sˈɛd")
    timings = align_words(["the", "U.S.", "said"], said, ["ðə", "jˌuːˈɛs", "sˈɛd"])
    assert spans(timings) == [("the", 0, 200), ("U.S.", 250, 1000), ("said", 1050, 1450)]


def test_a_lone_dash_is_given_no_length_where_its_neighbours_meet() -> None:
    said = spoken("stˈɑːpt", "ʌv")
    timings = align_words(['stopped"', "-", "of"], said, ["stˈɑːpt", "", "ʌv"])
    assert spans(timings) == [('stopped"', 0, 700), ("-", 700, 700), ("of", 750, 950)]


def test_without_words_said_alone_lengths_decide_the_match() -> None:
    said = spoken("ɪnðə", "sˈɪti", "hɔːl")
    timings = align_words(["in", "the", "city", "hall."], said)
    assert [t.word for t in timings] == ["in", "the", "city", "hall."]
    assert timings[1].end == said[0].end and timings[2].start == said[1].start
    assert (timings[3].start, timings[3].end) == (said[2].start, said[2].end)


def test_a_sentence_of_one_word() -> None:
    (timing,) = align_words(["One."], spoken("wˌʌn"), ["wˈʌn"])
    assert (timing.word, timing.start, timing.end) == ("One.", 0, 400)
    assert align_words([], spoken("wˌʌn")) == []


def test_without_durations_words_are_spread_over_the_speech_by_their_letters() -> None:
    audio = np.zeros(10_000, dtype=np.float32)
    audio[1000:9000] = 0.5  # speech between two silences
    timings = estimate_words(["a", "bcd", "--", "efgh"], audio)
    assert spans(timings) == [
        ("a", 1000, 2000),
        ("bcd", 2000, 5000),
        ("--", 5000, 5000),
        ("efgh", 5000, 9000),
    ]
    assert all(t.estimated for t in timings)
    pieces = [Spoken(list("ab"), None, 5000)]
    assert time_words(["ab"], pieces, ID_MAP) is None  # the engine then estimates
    pieces = [Spoken(list("ab"), [10] * ids_for("ab"), 5000)]
    assert time_words(["ab"], pieces, ID_MAP) is None  # durations that miss the audio


# The real voice, prepared to decode in pieces.

SENTENCES = [
    "This is London Daily for Wednesday the fourteenth of January.",
    "In a joint statement issued on Sunday night, Mister Johnson, Germany's Angela Merkel "
    'and France\'s Emmanuel Macron said the current cycle of violence "must be stopped".',
    "About four hundred British troops are stationed in Iraq, while the US has five "
    "thousand two hundred.",
    "Hello.",
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> PiperEngine:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFING_CACHE_DIR", str(tmp_path_factory.mktemp("speech")))
        made = PiperEngine(joe())
    assert made.decodes_in_pieces
    return made


def test_the_prepared_voice_gives_each_phoneme_ids_duration(tmp_path: Path) -> None:
    import onnxruntime

    voice = prepare(joe().model_path(), tmp_path)
    assert voice is not None and voice.durations
    session = ChunkedSession(voice, lambda threads: onnxruntime.SessionOptions())
    ids = np.array([[1, 0, 20, 0, 59, 0, 24, 0, 2]], dtype=np.int64)
    feeds = {
        "input": ids,
        "input_lengths": np.array([ids.shape[1]], dtype=np.int64),
        "scales": np.array([0.667, 1.0, 0.8], dtype=np.float32),
    }
    audio, durations = session.run(None, feeds)
    assert durations.size == ids.shape[1]
    assert audio.shape[-1] == int(durations.sum()) * 256  # joe's hop: 256 samples a frame
    assert len(session.run(["output"], feeds)) == 1  # asked for the audio only


def test_every_word_is_timed_in_order_inside_its_clip(engine: PiperEngine) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(2) as pool:  # as a build runs them: two sentences at once
        made = list(pool.map(engine.synthesize, SENTENCES))
    for text, clip in zip(SENTENCES, made, strict=True):
        timings = clip.words
        length = len(clip.pcm) // 2
        assert [t.word for t in timings] == text.split()
        assert not any(t.estimated for t in timings)
        assert all(0 <= t.start < t.end <= length for t in timings)
        assert all(a.end <= b.start for a, b in itertools.pairwise(timings))


def test_word_starts_agree_with_pocketsphinx(engine: PiperEngine) -> None:
    clip = engine.synthesize(SENTENCES[1])
    timings = clip.words
    ours = [(t.word, t.start / clip.sample_rate) for t in timings]
    audio = np.frombuffer(clip.pcm, dtype=np.int16)
    differences = start_differences(ours, sphinx_words(audio, clip.sample_rate))
    assert len(differences) >= len(ours) // 2  # it heard most of the words
    assert statistics.median(differences) <= 0.050  # measured: about 0.016 (bench/README.md)


def test_a_voice_run_whole_estimates_its_word_timings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "file").write_text("a file where the cache directory should be")
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "file" / "speech"))
    whole = PiperEngine(joe())
    assert not whole.decodes_in_pieces
    clip = whole.synthesize(SENTENCES[0])
    timings = clip.words
    assert [t.word for t in timings] == SENTENCES[0].split()
    assert all(t.estimated for t in timings)
    assert timings[0].start > 0 and timings[-1].end < len(clip.pcm) // 2
