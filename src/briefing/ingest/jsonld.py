"""schema.org JSON-LD in HTML pages: the article a page describes about itself.

News sites put a `NewsArticle` (or `Article`, `ReportageNewsArticle`, `BlogPosting`, …) in
`<script type="application/ld+json">`, alone, in a list, or inside an `@graph`. Some put
the whole text there as `articleBody` and draw the page with JavaScript, so that the HTML
itself holds little more than a photo caption. This module reads what such a block says;
`html.py` decides whether to trust it over the extracted HTML.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "AskPublicQuestionArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "Report",
        "ScholarlyArticle",
        "TechArticle",
        "SatiricalArticle",
    }
)

_SCRIPT = re.compile(
    r"<script\b[^>]*type\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script>",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(r"<[^>]+>")
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|h[1-6]|li|blockquote)\b[^>]*>", re.IGNORECASE)
# A paragraph boundary that lost its newline: a sentence's end glued to the next one's start
# ("…the council said.The plan…"). Initials and decimals have no capital after the stop.
_GLUED = re.compile(r"(?<=[a-z0-9%)][.!?])(?=[\"“‘']?[A-Z][a-z])|(?<=[.!?][\"”’'])(?=[A-Z][a-z])")
_SENTENCE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’']))\s+(?=[\"“‘']?[A-Z])")
_PARAGRAPH_CHARS = 600


@dataclass(frozen=True)
class LinkedArticle:
    """What a page's JSON-LD says about its article."""

    type: str
    headline: str | None
    body: tuple[str, ...]
    """`articleBody` split into paragraphs; empty when the page gives none."""
    date_published: dt.date | None
    author: str | None


def _types(node: dict[str, Any]) -> set[str]:
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return {v.rsplit("/", 1)[-1] for v in values if isinstance(v, str)}


def _nodes(value: Any) -> Iterator[dict[str, Any]]:
    """Every object in a JSON-LD document, depth first: lists, `@graph` and nesting."""
    if isinstance(value, list):
        for item in value:
            yield from _nodes(item)
    elif isinstance(value, dict):
        yield value
        for item in value.values():
            if isinstance(item, (dict, list)):
                yield from _nodes(item)


def _documents(page: str) -> Iterator[Any]:
    for match in _SCRIPT.finditer(page):
        raw = match.group(1).strip()
        if raw.startswith("<!--"):
            raw = raw.removeprefix("<!--").removesuffix("-->").strip()
        try:
            yield json.loads(raw, strict=False)  # strict=False: raw newlines inside strings
        except (json.JSONDecodeError, RecursionError):
            continue  # a broken block is common and never fatal


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, (str, dict))), None)
    if isinstance(value, dict):
        value = value.get("name")
    if not isinstance(value, str):
        return None
    return " ".join(html.unescape(_TAG.sub(" ", value)).split()) or None


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def split_body(body: str) -> tuple[str, ...]:
    """`articleBody` as paragraphs.

    Sites separate paragraphs with newlines, with HTML tags, or with nothing at all ("…said.The
    next…"); when the text gives no boundaries, sentences are grouped into paragraphs of a few
    hundred characters, so the episode still pauses between them.
    """
    text = html.unescape(_BLOCK_TAG.sub("\n", body))
    text = _TAG.sub(" ", text).replace("\r", "\n")
    if "\n" not in text.strip():
        text = _GLUED.sub("\n", text)
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n+", text)]
    paragraphs = [p for p in paragraphs if p]
    if len(paragraphs) == 1 and len(paragraphs[0]) > 2 * _PARAGRAPH_CHARS:
        paragraphs = _grouped(_SENTENCE.split(paragraphs[0]))
    return tuple(paragraphs)


def _grouped(sentences: list[str]) -> list[str]:
    paragraphs: list[str] = []
    current = ""
    for sentence in sentences:
        current = f"{current} {sentence}".strip()
        if len(current) >= _PARAGRAPH_CHARS:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def linked_article(page: str) -> LinkedArticle | None:
    """The page's own article as its JSON-LD describes it: the first article-typed object,
    preferring one that carries an `articleBody`; None when there is none."""
    found: list[dict[str, Any]] = [
        node
        for document in _documents(page)
        for node in _nodes(document)
        if _types(node) & ARTICLE_TYPES
    ]
    if not found:
        return None
    node = next((n for n in found if isinstance(n.get("articleBody"), str)), found[0])
    body = node.get("articleBody")
    return LinkedArticle(
        type=sorted(_types(node) & ARTICLE_TYPES)[0],
        headline=_text(node.get("headline") or node.get("name")),
        body=split_body(body) if isinstance(body, str) else (),
        date_published=_date(node.get("datePublished")),
        author=_text(node.get("author")),
    )
