"""Turn a page and a headline selection into a `Script`: a pure function, no I/O."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from briefing.models import Article, Headline, Page, Script, Story, StoryKind
from briefing.script.sentences import split_sentences

DEFAULT_SHOW = "Briefing"
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")


def spoken_date(date: dt.date) -> str:
    """ "Wednesday, 14 January 2026"."""
    return f"{date:%A}, {date.day} {date:%B %Y}"


def as_sentence(text: str) -> str:
    """A headline made into a sentence: it gets a full stop unless it already ends one."""
    text = text.strip()
    return text if _TERMINAL.search(text) else f"{text}."


def _story(
    kind: StoryKind, title: str, paragraphs: Sequence[Sequence[str]], url: str | None = None
) -> Story:
    return Story(
        kind=kind,
        title=title,
        paragraphs=tuple(tuple(p) for p in paragraphs if p),
        url=url,
    )


def _lead(article: Article) -> Story:
    body = [split_sentences(paragraph) for paragraph in article.paragraphs]
    return _story(StoryKind.LEAD, article.title, [[as_sentence(article.title)], *body], article.url)


def _headline(headline: Headline, first: bool) -> Story:
    paragraphs: list[list[str]] = []
    if first:
        paragraphs.append(["Now, the headlines."])
    spoken = [as_sentence(headline.title)]
    if headline.summary:
        spoken += split_sentences(headline.summary)
    paragraphs.append(spoken)
    return _story(StoryKind.HEADLINE, headline.title, paragraphs, headline.url)


def build_script(
    page: Page,
    selection: Sequence[int],
    *,
    today: dt.date,
    show: str | None = None,
) -> Script:
    """The spoken script: intro, the lead story in full, one story per chosen headline, outro.

    `selection` holds zero-based indexes into `page.headlines` (see `parse_selection`).
    `today` stands in for the date when the page gives none.
    """
    article = page.article
    show_name = show or article.publication or DEFAULT_SHOW
    date = article.date or today
    when = spoken_date(date)
    chosen = [page.headlines[i] for i in selection]

    intro = [f"This is {show_name} for {when}."]
    if article.tagline and not show:
        intro.append(as_sentence(article.tagline))
    stories = [
        _story(StoryKind.INTRO, "Introduction", [intro]),
        _lead(article),
        *(_headline(h, first=(n == 0)) for n, h in enumerate(chosen)),
        _story(
            StoryKind.OUTRO,
            "Outro",
            [[f"That was {show_name} for {when}.", "Thanks for listening."]],
        ),
    ]

    summary = article.paragraphs[0] if article.paragraphs else article.title
    if chosen:
        summary += " Also in this episode: " + "; ".join(h.title for h in chosen) + "."
    return Script(
        show=show_name,
        title=f"{date.day} {date:%B %Y}: {article.title}",
        date=date,
        summary=summary,
        stories=tuple(stories),
    )


def render_text(script: Script) -> str:
    """The script as readable text: a heading per story, one paragraph per line."""
    lines = [f"# {script.title}", f"{script.show} · {script.date.isoformat()}", ""]
    for story in script.stories:
        label = story.kind.value.upper() if not story.is_chapter else story.title
        lines.append(f"## {label}")
        lines.extend(" ".join(paragraph) for paragraph in story.paragraphs)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
