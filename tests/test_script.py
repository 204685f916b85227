"""The script stage: a pure function from page and selection to the words spoken."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.ingest import load_page
from briefing.models import StoryKind
from briefing.script import build_script, parse_selection, render_text, split_sentences

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
    intro = " ".join(script.stories[0].sentences)
    assert "London Daily" in intro and "Wednesday, 14 January 2026" in intro
    lead = script.stories[1]
    assert lead.title == london.article.title
    assert lead.sentences[0] == london.article.title + "."
    assert [s.title for s in script.stories[2:7]] == [h.title for h in london.headlines[:5]]


def test_every_body_paragraph_is_spoken_whole(london) -> None:
    script = build_script(london, (), today=TODAY)
    lead = script.stories[1]
    spoken = [" ".join(p) for p in lead.paragraphs[1:]]
    assert spoken == list(london.article.paragraphs)


@pytest.mark.parametrize("word", ["Newsletter", "Related Articles", "0:00", "Close", "×"])
def test_no_furniture_in_the_spoken_script(london, word: str) -> None:
    script = build_script(london, parse_selection("all", len(london.headlines)), today=TODAY)
    assert all(
        word not in sentence.split(" ") and sentence != word for sentence in script.sentences
    )
    assert f"\n{word}\n" not in render_text(script)


def test_build_script_is_pure(london) -> None:
    a = build_script(london, (0, 2), today=TODAY)
    b = build_script(london, (0, 2), today=TODAY)
    assert a == b


def test_show_override_and_missing_date(london) -> None:
    from dataclasses import replace

    page = replace(london, article=replace(london.article, date=None))
    script = build_script(page, (), today=TODAY, show="Morning Notes")
    assert script.show == "Morning Notes"
    assert script.date == TODAY
    assert [s.kind for s in script.stories] == [StoryKind.INTRO, StoryKind.LEAD, StoryKind.OUTRO]


def test_render_text_shows_each_story(london) -> None:
    text = render_text(build_script(london, (0,), today=TODAY))
    assert text.startswith("# 14 January 2026: Let British troops stay in Iraq, UK urges\n")
    assert f"## {london.headlines[0].title}\n" in text
    assert "## INTRO\n" in text and "## OUTRO\n" in text


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
        ("... . !", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected
