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
import re
from pathlib import Path
from typing import Any

import pytest

from briefing.ingest import load_page
from briefing.ingest.textpage import parse_text_page
from briefing.models import Page
from briefing.plan import BuildOptions, plan_episode
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


def says(said: str, phrase: str) -> bool:
    """`phrase`, as it would be spoken, is said: as whole words ("(AP)" is not "happy")."""
    words = as_spoken(phrase).strip(" .,;:!?")
    return bool(words) and re.search(rf"(?<!\w){re.escape(words)}(?!\w)", said) is not None


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
        assert says(said, phrase), f"not said: {phrase!r}"
    for phrase in expected_phrases(path, expected, "without"):
        assert not says(said, phrase), f"said: {phrase!r}"


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


# --- text pages: as a browser copies them, and written by hand in other house styles -----------

BROWSER = DATA / "text" / "browser"
WRITTEN_TEXT = DATA / "text" / "written"
BROWSER_CASES = _cases(BROWSER)
BROWSER_DEPARTURES = json.loads((BROWSER / "departures.json").read_text(encoding="utf-8"))
TEXT_PAGES = [(BROWSER / n, e) for n, e in BROWSER_CASES.items()] + [
    (WRITTEN_TEXT / n, e) for n, e in _cases(WRITTEN_TEXT).items()
]


def text_page(path: Path) -> Page:
    return parse_text_page(path.read_text(encoding="utf-8"))


def departing(path: Path, key: str) -> dict[str, str]:
    return BROWSER_DEPARTURES.get(path.name, {}).get(key, {}) if path.parent == BROWSER else {}


def matches(found: str, expected: str) -> bool:
    """A headline as found matches the expected one, or holds it with a label or teaser the
    browser ran onto the same line (expected.json gives the headline part only)."""
    return squeezed(expected) in squeezed(found)


@pytest.mark.parametrize(("path", "expected"), TEXT_PAGES, ids=[p.name for p, _ in TEXT_PAGES])
def test_text_page_headline_article_and_no_furniture(path: Path, expected: dict) -> None:  # type: ignore[type-arg]
    """The headline, the whole article (standfirst to last paragraph), and not a word of
    menu, byline, caption, call to action, bio, comment or footer, in what is said."""
    page = text_page(path)
    article = page.article
    assert squeezed(article.title) == squeezed(expected["title"])
    offered = page_text(page)
    for phrase in expected["with"]:
        if phrase not in departing(path, "with"):
            assert squeezed(phrase) in offered, f"lost: {phrase!r}"
    said = [article.title, *article.paragraphs, article.tagline or "", article.publication or ""]
    body = squeezed("\n".join(said))
    limits = departing(path, "limits")
    for phrase in expected["without"]:
        if phrase not in limits:
            assert squeezed(phrase) not in body, f"read as the article: {phrase!r}"
    if "publication" in expected:
        assert article.publication == expected["publication"]
    if expected.get("date"):
        assert article.date == dt.date.fromisoformat(expected["date"])


@pytest.mark.parametrize(("path", "expected"), TEXT_PAGES, ids=[p.name for p, _ in TEXT_PAGES])
def test_text_page_episode_says_no_furniture(path: Path, expected: dict) -> None:  # type: ignore[type-arg]
    """The script of a default build (intro, article, the first five distinct headlines,
    outro) says no must-not phrase, except a known limit."""
    said = spoken(text_page(path))
    limits = departing(path, "limits")
    named = loosely(f"{expected['title']} {expected.get('publication') or ''}")
    for phrase in expected["without"]:
        if phrase in limits or any(matches(h, phrase) for h in expected["headlines"]):
            continue
        if as_spoken(phrase).strip(" .,;:!?()") in named:
            continue  # "(Reuters)" in a dateline, and Reuters as the show's name
        assert not says(said, phrase), f"said: {phrase!r}"


WRITTEN_CASES = [(p, e) for p, e in TEXT_PAGES if p.parent == WRITTEN_TEXT]


@pytest.mark.parametrize(
    ("path", "expected"), WRITTEN_CASES, ids=[p.name for p, _ in WRITTEN_CASES]
)
def test_written_page_headlines_exactly(path: Path, expected: dict) -> None:  # type: ignore[type-arg]
    """Hand-written pages say precisely which lines are related headlines: all of them, in
    order, and nothing else (not the footer, not a comment, not a menu)."""
    assert [h.title for h in text_page(path).headlines] == expected["headlines"]


def _headline_scores() -> tuple[float, float, list[str]]:
    """Over the browser pages: the share of headlines found that are expected (precision),
    the share of each page's first five expected headlines found (what a default round-up
    reads), and the pages with a headline that is not expected."""
    found_total = right = wanted = got = 0
    wrong_pages = []
    for path, expected in TEXT_PAGES:
        if path.parent != BROWSER:
            continue
        found = [h.title for h in text_page(path).headlines]
        good = [f for f in found if any(matches(f, e) for e in expected["headlines"])]
        found_total += len(found)
        right += len(good)
        first = expected["headlines"][:5]
        wanted += len(first)
        got += sum(any(matches(f, e) for f in found) for e in first)
        if len(good) < len(found):
            wrong_pages.append(path.name)
    return right / max(1, found_total), got / max(1, wanted), wrong_pages


def test_browser_pages_related_headlines() -> None:
    """Whole pages copied from a browser hold menus, tags, teasers and footers around their
    lists of other stories: the round-up takes almost only real headlines from them, and
    most of the first five. (Per-page figures: bench/README.md, `python bench/headlines.py`.)"""
    precision, recall, wrong = _headline_scores()
    assert precision >= 0.9, f"headlines that are not headlines on {wrong}"
    assert recall >= 0.6


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        (n, p)
        for n, d in BROWSER_DEPARTURES.items()
        if not n.startswith("_")
        for p in d.get("limits", {})
    ],
)
def test_known_limits_are_still_limits(name: str, phrase: str) -> None:
    """A known limit is a phrase the parser still reads; once it no longer does, the limit
    goes from departures.json and the page is held to its expectation again."""
    page = text_page(BROWSER / name)
    assert squeezed(phrase) in squeezed("\n".join(page.article.paragraphs))


def test_text_corpus_is_large() -> None:
    assert len(TEXT_PAGES) >= 40
    assert len(WRITTEN_CASES) >= 5
