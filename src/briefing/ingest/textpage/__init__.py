"""Parse a news page saved as plain text: what a reader app or a browser's copy keeps.

A whole page copied from a browser holds far more than the article: the site's menus, a
cookie banner, share buttons, captions, a byline and dates, links to other stories, reader
comments, the footer. The article is found in four steps, each by what lines say and how
they read, never by where one site puts them:

1. **Lines** (`lines.py`, `bylines.py`, `teasers.py`): each is cleaned; a paragraph
   hard-wrapped over several lines is joined again; a table copied as tab-separated cells
   is read row by row. Each line gets its kind by wording (`furniture.py`: menu, share
   button, section heading, footer, …) and jusText's prose class (`prose.py`); bylines
   and links to other stories set inside the body are marked.
2. **The body** (`body.py`) is the first stretch of prose that weighs at least half as
   much as the heaviest (pages that scroll on into other articles hold more than one):
   prose lines, with sub-headings and furniture between them, up to a heading that opens
   other stories, tags, comments or the footer, or the next article's byline.
3. **The header** (`header.py`) above it: the headline stands above the byline, the top
   of a stack of headline, standfirst or summary; a standfirst becomes the first
   paragraph; the masthead (when the page confirms it), its tagline and the date come
   from the top of the page.
4. **Headlines** (`related.py`) for the round-up are the lines under a heading that
   offers other stories ("Related", "More on this story", "Mehr zum Thema"), until a
   heading of another kind or the footer; teasers, kickers, authors and menus left out.

Inside the body, captions, credits, calls to action and the like go (`cleanup.py`).
"""

from __future__ import annotations

from briefing.errors import ContentError
from briefing.ingest.cleanup import tidy
from briefing.ingest.textpage.body import after_opening_byline, body_span, paragraphs
from briefing.ingest.textpage.bylines import without_bylines
from briefing.ingest.textpage.header import date_of, find_headline, masthead_of, tagline_of
from briefing.ingest.textpage.lines import clean_line, read_lines
from briefing.ingest.textpage.related import headlines
from briefing.ingest.textpage.teasers import without_inline_teasers
from briefing.models import Article, Page

__all__ = ["clean_line", "parse_text_page"]


def parse_text_page(text: str) -> Page:
    """Parse a plain-text news page into its article and related headlines.

    Raises `ContentError` when there is no prose to read, or no headline above it.
    """
    lines = without_bylines(without_inline_teasers(read_lines(text)), None)
    span = body_span(lines)
    if span is None:
        raise ContentError("no article body found: the page has no paragraph of prose")
    start, end = span
    masthead, tagline_at = masthead_of(lines, start)
    lines = without_bylines(lines, masthead)
    start = after_opening_byline(lines, start, end)
    title_at, standfirst_at = find_headline(lines, start, masthead)
    if title_at is None:
        raise ContentError(
            "no headline found above the article body",
            hint="put the article's headline on its own line before the first paragraph",
        )
    title = lines[title_at].text
    body = [lines[standfirst_at].text] if standfirst_at is not None else []
    body += paragraphs(lines[start:end])
    kept = tidy(body, title, masthead)
    if not kept:
        raise ContentError("no article body found: the page has no paragraph of prose")
    article = Article(
        title=title,
        paragraphs=tuple(kept),
        publication=masthead,
        tagline=tagline_of(lines, tagline_at, title_at),
        date=date_of(lines, title_at, start),
    )
    return Page(article=article, headlines=tuple(headlines(lines[end:], title, masthead)))
