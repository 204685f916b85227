"""The script stage: a pure function from page and selection to the words spoken."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from briefing.config import ShowConfig, load_show
from briefing.errors import ConfigError
from briefing.ingest import load_page
from briefing.models import StoryKind
from briefing.script import build_script, parse_selection, split_sentences
from briefing.script.build import spoken_date
from briefing.script.normalize import normalize, shipped_lexicon
from briefing.script.sentences import MAX_SENTENCE_CHARS, spoken_sentences

from .conftest import LONDON

TODAY = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def london():
    return load_page(LONDON)


def test_script_order_intro_lead_headlines_outro(london) -> None:
    script = build_script(london, parse_selection("1-5", 50), today=TODAY)
    kinds = [s.kind for s in script.stories]
    assert kinds == [StoryKind.INTRO, StoryKind.LEAD] + [StoryKind.HEADLINE] * 5 + [StoryKind.OUTRO]
    assert script.show == "London Daily"
    assert script.date == dt.date(2026, 1, 14)
    assert script.stories[0].sentences == (
        "This is London Daily for Wednesday the fourteenth of January.",
        "Focus on the big picture.",
        "This episode is read by a synthetic voice.",  # the disclosure, its own paragraph
    )
    assert script.stories[0].paragraphs[1] == ("This episode is read by a synthetic voice.",)
    assert script.summary.endswith("Read by a synthetic voice.")
    lead = script.stories[1]
    assert lead.title == london.article.title
    assert lead.sentences[0] == "Let British troops stay in Iraq, UK urges."
    assert [s.title for s in script.stories[2:7]] == [h.title for h in london.headlines[:5]]
    assert script.stories[2].sentences[0] == "Now, the headlines."


def test_every_body_paragraph_is_spoken_whole_and_normalised(london) -> None:
    lexicon = shipped_lexicon()
    script = build_script(london, (), today=TODAY, lexicon=lexicon)
    spoken = [list(p) for p in script.stories[1].paragraphs[1:]]
    expected = [spoken_sentences(normalize(p, lexicon)) for p in london.article.paragraphs]
    assert spoken == expected
    text = " ".join(script.sentences)
    assert "Number ten has urged Iraq" in text and "Mister Esper" in text
    assert "five thousand two hundred" in text and "twenty-five thousand" in text
    assert "its twenty fifteen nuclear deal" in text and "Dah-esh" in text
    assert not any(ch.isdigit() for ch in text)


@pytest.mark.parametrize("word", ["Newsletter", "Related Articles", "0:00", "Close", "×"])
def test_no_furniture_in_the_spoken_script(london, word: str) -> None:
    script = build_script(london, parse_selection("all", len(london.headlines)), today=TODAY)
    assert all(
        word not in sentence.split(" ") and sentence != word for sentence in script.sentences
    )


def test_build_script_is_pure(london) -> None:
    a = build_script(london, (0, 2), today=TODAY)
    b = build_script(london, (0, 2), today=TODAY)
    assert a == b


def test_show_templates_host_and_missing_date(london) -> None:
    page = replace(london, article=replace(london.article, date=None))
    show = ShowConfig(
        name="Morning Notes",
        host="Sam",
        intro="Good morning. This is {show} on {date}, {year}. {host_line} {story_count} stories.",
        headlines_intro="Now {headline_count} headlines.",
        transition="Next.",
        outro="{show} is back tomorrow.",
    )
    script = build_script(page, (0, 1), today=TODAY, show=show)
    assert script.show == "Morning Notes" and script.date == TODAY
    assert script.stories[0].sentences == (
        "Good morning.",
        "This is Morning Notes on Wednesday the twenty-fifth of November, twenty twenty-six.",
        "I'm Sam.",
        "Three stories.",
        "This episode is read by a synthetic voice.",
    )
    assert script.stories[2].sentences[0] == "Now two headlines."
    assert script.stories[3].sentences[0] == "Next."
    assert script.stories[-1].sentences == ("Morning Notes is back tomorrow.",)


def test_show_file_errors_name_the_field(tmp_path: Path) -> None:
    path = tmp_path / "show.toml"
    path.write_text('name = "X"\nintro = "Hello {listener}"\n')
    with pytest.raises(ConfigError, match=r"show.toml: intro uses \{listener\}"):
        load_show(path)
    path.write_text('name = "X"\nhost = 3\n')
    with pytest.raises(ConfigError, match=r"show\.toml: host must be text"):
        load_show(path)
    path.write_text('name = "X"\ncolour = "red"\n')
    with pytest.raises(ConfigError, match="unknown setting 'colour'"):
        load_show(path)


def test_spoken_dates() -> None:
    assert spoken_date(dt.date(2026, 1, 14)) == "Wednesday the fourteenth of January"
    assert spoken_date(dt.date(2026, 3, 1)) == "Sunday the first of March"
    assert spoken_date(dt.date(2026, 11, 22)) == "Sunday the twenty-second of November"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two! Three?", ["One.", "Two!", "Three?"]),
        ("Mr. Esper said no. Then he left.", ["Mr. Esper said no.", "Then he left."]),
        ("It rose 3.5 per cent. Then it fell.", ["It rose 3.5 per cent.", "Then it fell."]),
        ("The U.S. State Department agreed.", ["The U.S. State Department agreed."]),
        ("He met J. R. Smith today. Fine.", ["He met J. R. Smith today.", "Fine."]),
        ('"We are not idiots." He said so.', ['"We are not idiots."', "He said so."]),
        ("He lives at No. 10 now.", ["He lives at No. 10 now."]),
        ("She said: 'Stop.' Then left.", ["She said: 'Stop.'", "Then left."]),
        ("Dr. Who? No.", ["Dr. Who?", "No."]),
        ("Prices rose (sharply.) Then fell.", ["Prices rose (sharply.)", "Then fell."]),
        ("It ends at 10 a.m. tomorrow.", ["It ends at 10 a.m. tomorrow."]),
        ("Wait... Really?", ["Wait...", "Really?"]),
        ("e.g. this one. And that.", ["e.g. this one.", "And that."]),
        ("... . !", []),
        # a sentence may open with a capital of any alphabet, or a quote before it
        ("Die Regierung tagte. Über 50 kamen.", ["Die Regierung tagte.", "Über 50 kamen."]),
        ("Il a voté. Élisabeth a parlé.", ["Il a voté.", "Élisabeth a parlé."]),
        ("Most zamknięto. Łódź czeka.", ["Most zamknięto.", "Łódź czeka."]),
        ('Er ging. „Nein", sagte sie.', ["Er ging.", '„Nein", sagte sie.']),
        ("He said no. then left.", ["He said no. then left."]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_very_long_sentences_are_cut_at_clauses() -> None:
    clause = "the minister said, after a long pause, that nothing had been decided yet"
    sentence = "; ".join([clause] * 8) + "."
    pieces = spoken_sentences(sentence)
    assert len(pieces) > 1 and all(len(p) <= MAX_SENTENCE_CHARS for p in pieces)
    assert all(p.endswith((";", ",", ".")) for p in pieces)
    assert " ".join(pieces) == sentence
