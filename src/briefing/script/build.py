"""Turn a page and a headline selection into a `Script`: a pure function, no I/O.

Every spoken sentence is normalised for speech (the `normalize/` package) and split into whole
sentences; titles stay as written, for chapters and show notes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from briefing.config import ShowConfig
from briefing.models import Article, Headline, Page, Script, Story, StoryKind
from briefing.script.brief import DEFAULT_BRIEF, brief
from briefing.script.normalize import Lexicon, normalize, ordinal
from briefing.script.normalize.languages import family, rules_module
from briefing.script.sentences import (
    MAX_SENTENCE_CHARS,
    split_clauses,
    split_sentences,
    spoken_sentences,
)

DEFAULT_SHOW = "Briefing"
SYNTHETIC_VOICE = "Read by a synthetic voice."
"""Said in every episode's description, notes and ID3 comment: the voices are made."""
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")


def spoken_date(date: dt.date) -> str:
    """ "Wednesday the fourteenth of January"."""
    return f"{date:%A} the {ordinal(date.day)} of {date:%B}"


def as_sentence(text: str) -> str:
    """A headline made into a sentence: it gets a full stop unless it already ends one."""
    text = text.strip()
    return text if _TERMINAL.search(text) else f"{text}."


@dataclass(frozen=True)
class _Speaker:
    """Turns written text into spoken sentences with one lexicon, in one language."""

    lexicon: Lexicon | None
    language: str = "en"

    def sentences(self, text: str) -> list[str]:
        if not text.strip():
            return []
        return spoken_sentences(normalize(text, self.lexicon, self.language))

    def paragraph(self, text: str) -> tuple[str, list[str]]:
        """`text` as written, and as spoken sentences."""
        return text, self.sentences(text)

    def whole_sentences(self, text: str) -> list[list[str]]:
        """Each sentence of `text` as the pieces it is spoken in (a long one in several)."""
        if not text.strip():
            return []
        return [
            split_clauses(s, MAX_SENTENCE_CHARS)
            for s in split_sentences(normalize(text, self.lexicon, self.language))
        ]


def _story(
    kind: StoryKind,
    title: str,
    paragraphs: Sequence[tuple[str, Sequence[str]]],
    url: str | None = None,
    image: str | None = None,
) -> Story:
    """A story of `paragraphs`, each (as written, as spoken sentences); a paragraph with
    nothing to say is left out."""
    kept = [(written, tuple(spoken)) for written, spoken in paragraphs if spoken]
    return Story(
        kind=kind,
        title=title,
        paragraphs=tuple(spoken for _, spoken in kept),
        url=url,
        image=image,
        written=tuple(written for written, _ in kept),
    )


def _in_language(show: ShowConfig, language: str) -> ShowConfig:
    """The show with its templates in `language` where the show file left them as they
    come (English): its own wording always wins. A language with no lines of its own here
    has none said (rather than English ones) unless the show file words them."""
    if family(language) == "en":
        return show
    module = rules_module(language)
    translated = getattr(module, "TEMPLATES", {}) if module else {}
    default = ShowConfig()
    changes = {
        name: translated.get(name, "")
        for name in ShowConfig.TEMPLATES
        if getattr(show, name) == getattr(default, name)
    }
    return replace(show, **changes) if changes else show


_WRITTEN = {
    "also": "Also in this episode:",
    "synthetic_voice": SYNTHETIC_VOICE,
    "title_date": "{day} {month} {year}",
}
"""The episode's written description in English; a language with rules has its own."""


_NEUTRAL = {**_WRITTEN, "also": "+", "title_date": "{iso}"}
"""For a language with no words of its own here: no English words but the disclosure."""


def _written(language: str) -> dict[str, str]:
    if family(language) == "en":
        return _WRITTEN
    module = rules_module(language)
    return getattr(module, "WRITTEN", _WRITTEN) if module else _NEUTRAL


def _render(template: str, variables: dict[str, str]) -> str:
    return " ".join(template.format(**variables).split())


def build_script(
    page: Page,
    selection: Sequence[int],
    *,
    today: dt.date,
    show: ShowConfig | None = None,
    lexicon: Lexicon | None = None,
    brief_sentences: int = DEFAULT_BRIEF,
    language: str = "en",
) -> Script:
    """The spoken script: intro, the lead story in full, one story per chosen headline (its
    title, then up to `brief_sentences` sentences of its brief), outro.

    `selection` holds zero-based indexes into `page.headlines` (see `parse_selection`).
    `today` stands in for the date when the page gives none. The show's templates say the
    intro, the way into the round-up, the transitions and the outro; in the ones said
    before a headline, {source} is where that headline came from. In another `language`
    with rules of its own, its numbers and dates are spoken in it, and so are the show's
    templates, unless the show file words them itself.
    """
    show = _in_language(show or ShowConfig(), language)
    speak = _Speaker(lexicon, language)
    words = rules_module(language) if family(language) != "en" else None
    article = page.article
    show_name = show.name or article.publication or DEFAULT_SHOW
    date = article.date or today
    chosen = [page.headlines[i] for i in selection]
    tagline = article.tagline if article.tagline and show_name == article.publication else ""
    variables = {
        "show": show_name,
        "date": words.spoken_date(date) if words else spoken_date(date),
        "weekday": words.WEEKDAYS[date.weekday()] if words else f"{date:%A}",
        "day": words.ordinal_day(date.day) if words else ordinal(date.day),
        "month": words.MONTHS[date.month - 1] if words else f"{date:%B}",
        "year": str(date.year),
        "host": show.host or "",
        "tagline": as_sentence(tagline) if tagline else "",
        "lead_title": article.title,
        "story_count": str(1 + len(chosen)),
        "headline_count": str(len(chosen)),
        "source": article.publication or "",
    }
    variables["host_line"] = _render(show.host_line, variables) if show.host else ""

    stories = [
        _story(
            StoryKind.INTRO,
            "Intro",
            [
                speak.paragraph(_render(show.intro, variables)),
                speak.paragraph(_render(show.disclosure, variables)),
            ],
        ),
        _lead(article, speak),
        *(
            _headline(
                h,
                speak,
                _render(
                    show.headlines_intro if n == 0 else show.transition,
                    {**variables, "source": h.source or ""},
                ),
                brief_sentences,
            )
            for n, h in enumerate(chosen)
        ),
        _story(StoryKind.OUTRO, "Outro", [speak.paragraph(_render(show.outro, variables))]),
    ]
    written = _written(language)
    summary = article.paragraphs[0] if article.paragraphs else article.title
    if chosen:
        summary += f" {written['also']} " + "; ".join(h.title for h in chosen) + "."
    summary += f" {written['synthetic_voice']}"
    month = words.MONTHS[date.month - 1] if words else f"{date:%B}"
    dated = written["title_date"].format(
        day=date.day, month=month, year=date.year, iso=date.isoformat()
    )
    return Script(
        show=show_name,
        title=f"{dated}: {article.title}",
        date=date,
        summary=summary,
        stories=tuple(stories),
    )


def _lead(article: Article, speak: _Speaker) -> Story:
    body = [speak.paragraph(paragraph) for paragraph in article.paragraphs]
    title = speak.paragraph(as_sentence(article.title))
    return _story(StoryKind.LEAD, article.title, [title, *body], article.url, article.image)


def _headline(headline: Headline, speak: _Speaker, lead_in: str, brief_sentences: int) -> Story:
    written, spoken = speak.paragraph(as_sentence(headline.title))
    told = brief(headline, brief_sentences, " ".join(spoken), speak.whole_sentences)
    return _story(
        StoryKind.HEADLINE,
        headline.title,
        [speak.paragraph(lead_in), (written, spoken + told)],
        headline.url,
        headline.image,
    )
