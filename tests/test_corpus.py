"""Every corpus page, HTML and text: what an episode of it says, and what it never says.

Pages and expectations are data (tests/data/): the shared HTML corpus with its expected.json
(and departures.json, where briefing departs from it on purpose, each with its reason),
HTML pages written for patterns the shared corpus lacks, the text Chromium gives for every
HTML page (select-all and copy), and text pages written by hand in other house styles.
One test per page and check; a new pattern met in the field becomes a page here.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from briefing.ingest import load_page
from briefing.models import Page
from briefing.pipeline import BuildOptions, plan_episode
from briefing.script.normalize import normalize, shipped_lexicon

from .conftest import DATA

LEXICON = shipped_lexicon()
TODAY = dt.date(2026, 1, 1)


def _cases(directory: Path) -> dict[str, dict[str, Any]]:
    return json.loads((directory / "expected.json").read_text(encoding="utf-8"))


SHARED_HTML = DATA / "html"
SHARED = _cases(SHARED_HTML)
DEPARTURES = json.loads((SHARED_HTML / "departures.json").read_text(encoding="utf-8"))
WRITTEN_HTML = DATA / "html-written"
WRITTEN = _cases(WRITTEN_HTML)
HTML_PAGES = [(SHARED_HTML / name, SHARED[name]) for name in SHARED] + [
    (WRITTEN_HTML / name, WRITTEN[name]) for name in WRITTEN
]


def squeezed(text: str) -> str:
    return " ".join(text.split())


def loosely(text: str) -> str:
    """Spoken text compared without quotes, case or spacing: a phrase said as words."""
    return " ".join(text.replace('"', "").replace("'", "").split()).casefold()


def as_spoken(phrase: str) -> str:
    return loosely(normalize(phrase, LEXICON))


def page_text(page: Page) -> str:
    """Everything a page's parse offers to be said: title, body and headlines."""
    article = page.article
    return squeezed(
        "\n".join([article.title, *article.paragraphs, *(h.title for h in page.headlines)])
    )


def spoken(page: Page) -> str:
    """What `briefing build PAGE` would say: intro, the article, the default round-up, outro."""
    plan = plan_episode(page, None, BuildOptions(), today=TODAY)
    return loosely(" ".join(plan.script.sentences))


def expected_phrases(path: Path, expected: dict[str, Any], key: str) -> list[str]:
    departing = DEPARTURES.get(path.name, {}).get(key, {}) if path.parent == SHARED_HTML else {}
    return [phrase for phrase in expected[key] if phrase not in departing]


@pytest.mark.parametrize(("path", "expected"), HTML_PAGES, ids=[p.name for p, _ in HTML_PAGES])
def test_html_page_keeps_the_article_and_drops_furniture(path: Path, expected: dict) -> None:  # type: ignore[type-arg]
    page = load_page(path)
    offered = page_text(page)
    body = squeezed("\n".join(page.article.paragraphs))
    for phrase in expected_phrases(path, expected, "with"):
        assert phrase in offered, f"lost: {phrase!r}"
    for phrase in expected_phrases(path, expected, "without"):
        assert phrase not in body, f"read as the article: {phrase!r}"
    if expected.get("title"):
        assert page.article.title.startswith(expected["title"])
    if expected.get("date"):
        assert page.article.date == dt.date.fromisoformat(expected["date"])
    if expected.get("author"):
        assert page.article.author == expected["author"]
    if expected.get("paragraphs"):
        assert len(page.article.paragraphs) == expected["paragraphs"]


ENGLISH_HTML = [(p, e) for p, e in HTML_PAGES if e.get("lang") == "en"]


@pytest.mark.parametrize(("path", "expected"), ENGLISH_HTML, ids=[p.name for p, _ in ENGLISH_HTML])
def test_html_page_episode_says_the_article_and_no_furniture(path: Path, expected: dict) -> None:  # type: ignore[type-arg]
    said = spoken(load_page(path))
    for phrase in expected_phrases(path, expected, "with"):
        assert as_spoken(phrase) in said, f"not said: {phrase!r}"
    for phrase in expected_phrases(path, expected, "without"):
        assert as_spoken(phrase) not in said, f"said: {phrase!r}"


@pytest.mark.parametrize("name", [n for n in DEPARTURES if not n.startswith("_")])
def test_each_departure_from_the_shared_corpus_holds(name: str) -> None:
    """A phrase briefing chooses not to say is indeed not said; a "without" phrase it says
    anyway is the page's own headline, said once as the lead story's title."""
    page = load_page(SHARED_HTML / name)
    body = squeezed("\n".join(page.article.paragraphs))
    for phrase in DEPARTURES[name].get("with", {}):
        assert phrase not in page_text(page)
    for phrase in DEPARTURES[name].get("without", {}):
        assert page.article.title.startswith(phrase) and phrase not in body


def test_no_mojibake_or_replacement_characters_in_any_corpus_page() -> None:
    for path, _ in HTML_PAGES:
        text = page_text(load_page(path))
        assert "â€" not in text and "\ufffd" not in text and "Ã" not in text
