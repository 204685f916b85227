"""Turn a page and a headline selection into a `Script`: a pure function, no I/O.

Every spoken sentence is normalised for speech (the `normalize/` package) and split into whole
sentences; titles stay as written, for chapters and show notes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.config import ShowConfig
from briefing.models import Article, Headline, Page, Script, Story, StoryKind
from briefing.script.brief import DEFAULT_BRIEF, brief
from briefing.script.normalize import Lexicon, normalize, ordinal
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
    """Turns written text into spoken sentences with one lexicon."""

    lexicon: Lexicon | None

    def sentences(self, text: str) -> list[str]:
        return spoken_sentences(normalize(text, self.lexicon)) if text.strip() else []

    def whole_sentences(self, text: str) -> list[list[str]]:
        """Each sentence of `text` as the pieces it is spoken in (a long one in several)."""
        if not text.strip():
            return []
        return [
            split_clauses(s, MAX_SENTENCE_CHARS)
            for s in split_sentences(normalize(text, self.lexicon))
        ]


def _story(
    kind: StoryKind,
    title: str,
    paragraphs: Sequence[Sequence[str]],
    url: str | None = None,
    image: str | None = None,
) -> Story:
    return Story(
        kind=kind,
        title=title,
        paragraphs=tuple(tuple(p) for p in paragraphs if p),
        url=url,
        image=image,
    )


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
) -> Script:
    """The spoken script: intro, the lead story in full, one story per chosen headline (its
    title, then up to `brief_sentences` sentences of its brief), outro.

    `selection` holds zero-based indexes into `page.headlines` (see `parse_selection`).
    `today` stands in for the date when the page gives none. The show's templates say the
    intro, the way into the round-up, the transitions and the outro; in the ones said
    before a headline, {source} is where that headline came from.
    """
    show = show or ShowConfig()
    speak = _Speaker(lexicon)
    article = page.article
    show_name = show.name or article.publication or DEFAULT_SHOW
    date = article.date or today
    chosen = [page.headlines[i] for i in selection]
    tagline = article.tagline if article.tagline and show_name == article.publication else ""
    variables = {
        "show": show_name,
        "date": spoken_date(date),
        "weekday": f"{date:%A}",
        "day": ordinal(date.day),
        "month": f"{date:%B}",
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
                speak.sentences(_render(show.intro, variables)),
                speak.sentences(_render(show.disclosure, variables)),
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
        _story(StoryKind.OUTRO, "Outro", [speak.sentences(_render(show.outro, variables))]),
    ]
    summary = article.paragraphs[0] if article.paragraphs else article.title
    if chosen:
        summary += " Also in this episode: " + "; ".join(h.title for h in chosen) + "."
    summary += f" {SYNTHETIC_VOICE}"
    return Script(
        show=show_name,
        title=f"{date.day} {date:%B %Y}: {article.title}",
        date=date,
        summary=summary,
        stories=tuple(stories),
    )


def _lead(article: Article, speak: _Speaker) -> Story:
    body = [speak.sentences(paragraph) for paragraph in article.paragraphs]
    title = speak.sentences(as_sentence(article.title))
    return _story(StoryKind.LEAD, article.title, [title, *body], article.url, article.image)


def _headline(headline: Headline, speak: _Speaker, lead_in: str, brief_sentences: int) -> Story:
    spoken = speak.sentences(as_sentence(headline.title))
    told = brief(headline, brief_sentences, " ".join(spoken), speak.whole_sentences)
    return _story(
        StoryKind.HEADLINE,
        headline.title,
        [speak.sentences(lead_in), spoken + told],
        headline.url,
        headline.image,
    )
