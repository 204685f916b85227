"""Transcripts from cues and their words: the VTT's inline word times, the JSON transcript,
the written words a spoken run stands for, and cues split at words."""

from __future__ import annotations

import datetime as dt
import html
import itertools
import json
import re

import webvtt

from briefing.ingest import load_page
from briefing.models import Cue, Word
from briefing.plan import BuildOptions, plan_episode
from briefing.publish.transcript import (
    ESTIMATED_NOTE,
    split_cues,
    transcript_json,
    transcript_srt,
    transcript_vtt,
    written_runs,
)

from .conftest import LONDON


def timed(text: str, start: float, step: float = 300.0, speaker: str = "Joe") -> Cue:
    """A cue whose words are `step` ms apart, each 250 ms long."""
    words = tuple(
        Word(w, start + n * step, start + n * step + 250) for n, w in enumerate(text.split())
    )
    return Cue(start, words[-1].end_ms + 50, text, speaker, words)


def test_vtt_gives_every_word_after_the_first_its_start() -> None:
    vtt = transcript_vtt([timed("Prices rose & fell <sharply>.", 1000)])
    (caption,) = webvtt.from_string(vtt)
    assert caption.raw_text == (
        "<v Joe>Prices <00:00:01.300>rose <00:00:01.600>&amp; "
        "<00:00:01.900>fell <00:00:02.200>&lt;sharply&gt;."
    )
    assert html.unescape(caption.text) == "Prices rose & fell <sharply>."


def test_a_timestamp_that_would_not_rise_is_left_out() -> None:
    """A silent dash has no length: the word after it starts at the same millisecond."""
    words = (
        Word("Rain", 0, 300),
        Word("—", 300, 300),
        Word("then", 300, 600),
        Word("sun.", 650, 900),
    )
    vtt = transcript_vtt([Cue(0, 950, "Rain — then sun.", "", words)])
    (caption,) = webvtt.from_string(vtt)
    assert caption.raw_text == "Rain <00:00:00.300>— then <00:00:00.650>sun."


def test_estimated_words_are_said_to_be_estimated() -> None:
    cue = timed("One two.", 0)
    guessed = Cue(
        0, 1000, "One two.", "", tuple(Word(w.text, w.start_ms, w.end_ms, True) for w in cue.words)
    )
    assert ESTIMATED_NOTE not in transcript_vtt([cue])
    vtt = transcript_vtt([guessed])
    assert ESTIMATED_NOTE in vtt and len(webvtt.from_string(vtt).captions) == 1
    segments = json.loads(transcript_json([guessed]))["segments"]
    assert all(s["estimated"] is True for s in segments)


def test_cues_without_words_are_written_as_before() -> None:
    vtt = transcript_vtt([Cue(0, 2000, "No word times here.", "Ann")])
    assert "<v Ann>No word times here." in vtt and "<00:" not in vtt


def test_a_long_sentence_is_split_where_its_next_word_starts() -> None:
    text = " ".join(f"word{n:02d}" for n in range(40))  # 279 characters: three cues
    cue = timed(text, 500)
    pieces = list(split_cues([cue]))
    assert len(pieces) == 3
    assert " ".join(p.text for p in pieces) == text
    assert all(len(p.text) <= 120 for p in pieces)
    assert pieces[0].start_ms == 500 and pieces[-1].end_ms == cue.end_ms
    for before, after in itertools.pairwise(pieces):
        assert before.end_ms == after.start_ms == after.words[0].start_ms
    srt_text = transcript_srt([cue])  # SubRip: the same cues, no word times
    assert "<" not in srt_text and srt_text.count(" --> ") == 3


def test_json_transcript_segments() -> None:
    document = json.loads(transcript_json([timed("Hello there.", 250), timed("Bye.", 2000)]))
    assert document["version"] == "1.0.0"
    assert document["segments"] == [
        {"speaker": "Joe", "startTime": 0.25, "endTime": 0.5, "body": "Hello"},
        {"speaker": "Joe", "startTime": 0.55, "endTime": 0.8, "body": "there."},
        {"speaker": "Joe", "startTime": 2.0, "endTime": 2.25, "body": "Bye."},
    ]


def test_written_runs_map_expansions_back() -> None:
    spoken = "The deal is worth one point two billion pounds, Mister Smith said.".split()
    runs = written_runs("The deal is worth £1.2bn, Mr Smith said.", spoken)
    assert {n: (r.text, r.words) for n, r in runs.items()} == {
        4: ("£1.2bn,", 5),
        9: ("Mr", 1),
    }
    assert written_runs("Nothing changed.", "Nothing changed.".split()) == {}
    spoken = "on the fourteenth of January twenty twenty-six, at half past three".split()
    runs = written_runs("on 14 January 2026, at 15:30", spoken)
    assert {n: (r.text, r.words) for n, r in runs.items()} == {
        1: ("14", 3),
        5: ("2026,", 2),
        8: ("15:30", 3),
    }
    runs = written_runs("5% 10%", "five per cent ten per cent".split())  # cannot be told apart
    assert {n: (r.text, r.words) for n, r in runs.items()} == {0: ("5% 10%", 6)}
    runs = written_runs("U. S. troops", ["US", "troops"])  # two written words said as one
    assert {n: (r.text, r.words) for n, r in runs.items()} == {0: ("U. S.", 1)}


def test_a_built_script_keeps_what_was_written() -> None:
    """London Daily as planned: its paragraphs as written, and the JSON's runs from them."""
    plan = plan_episode(
        load_page(LONDON), "1-5", BuildOptions(keep_duplicates=True), today=dt.date(2026, 1, 14)
    )
    script = plan.script
    lead = script.lead_stories[0]
    assert len(lead.written) == len(lead.paragraphs)
    assert any("No 10" in paragraph for paragraph in lead.written)
    cues = [timed(sentence, 1000.0 * n) for n, sentence in enumerate(script.sentences)]
    segments = json.loads(transcript_json(cues, script))["segments"]
    assert " ".join(s["body"] for s in segments) == " ".join(script.sentences)
    written = {
        s["written"]: " ".join(x["body"] for x in segments[n : n + s["writtenWords"]])
        for n, s in enumerate(segments)
        if "written" in s
    }
    assert (written["No"], written["10"]) == ("Number", "ten")
    plain = re.compile(r"[^a-z0-9]")  # a run is always something said otherwise
    assert all(plain.sub("", w.lower()) != plain.sub("", s.lower()) for w, s in written.items())
