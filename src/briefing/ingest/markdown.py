"""Markdown articles: the first heading is the title, paragraphs are the body; list items
count as paragraphs; links, emphasis and code marks are read as their text."""

from __future__ import annotations

from markdown_it import MarkdownIt

from briefing.errors import ContentError
from briefing.ingest.furniture import LineKind, classify
from briefing.ingest.textpage import clean_line
from briefing.models import Article, Page


def parse_markdown(text: str) -> Page:
    tokens = MarkdownIt("commonmark").parse(text)
    title: str | None = None
    paragraphs: list[str] = []
    for n, token in enumerate(tokens):
        if token.type != "inline":
            continue
        words = clean_line(
            " ".join(child.content for child in token.children or [] if child.content)
        )
        if not words:
            continue
        opener = tokens[n - 1] if n else None
        if opener is not None and opener.type == "heading_open" and title is None:
            title = words
        elif classify(words) is LineKind.TEXT:
            paragraphs.append(words)
    if not paragraphs:
        raise ContentError("no article found in the Markdown: it has no paragraphs")
    if title is None:
        raise ContentError(
            "the Markdown has no title", hint="start it with a '# Title' heading, or give --title"
        )
    return Page(Article(title=title, paragraphs=tuple(paragraphs)))
