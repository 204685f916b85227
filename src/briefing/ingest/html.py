"""HTML article pages, extracted by trafilatura: title, author, date, site name, body.

trafilatura does the hard part (finding the article among navigation, ads, comments and
related links). What it lets through that a listener should not hear is filtered here by
the same furniture rules as text pages, plus lines typical of web pages ("Read more: …").
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from briefing.errors import ContentError
from briefing.ingest.furniture import LineKind, classify
from briefing.ingest.text import declared_charset, decode
from briefing.models import Article, Page

_WEB_FURNITURE = re.compile(
    r"^(?:read (?:more|also|next)|see also|related|more on this|watch|listen|advertisement"
    r"|our standards|sign up|subscribe)\b.{0,200}$"
    r"|^.{0,80}\b(?:trust principles|all rights reserved|newsletter)\b.{0,80}$",
    re.IGNORECASE,
)
_DATE_PUBLISHED = re.compile(rb'"datePublished"\s*:\s*"(\d{4}-\d{2}-\d{2})')


def _is_body(paragraph: str) -> bool:
    return classify(paragraph) is LineKind.TEXT and not _WEB_FURNITURE.match(paragraph)


def parse_html(data: bytes, url: str | None = None, charset: str | None = None) -> Page:
    """The article in an HTML page; `ContentError` if there is none."""
    import trafilatura

    html = decode(data, charset or declared_charset(data))
    document: Any = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        deduplicate=False,  # True keeps a process-wide memory: a second read would come out empty
        date_extraction_params={"original_date": True, "extensive_search": True},
    )
    text = document.text if document is not None else None
    paragraphs = [" ".join(p.split()) for p in (text or "").split("\n")]
    paragraphs = [p for p in paragraphs if p and _is_body(p)]
    if not paragraphs:
        raise ContentError(
            "no article found in the HTML page",
            hint="give the page of a single article, not a home or index page",
        )
    title = (document.title or "").strip() or paragraphs[0][:80]
    return Page(
        Article(
            title=title,
            paragraphs=tuple(paragraphs),
            publication=(document.sitename or "").strip() or None,
            date=_date(data, document.date),
            url=document.url or url,
            author=(document.author or "").strip() or None,
        )
    )


def _date(data: bytes, extracted: str | None) -> dt.date | None:
    """The publication date: schema.org's datePublished when the page states it (a page's
    other dates are often when it was last modified), else trafilatura's."""
    found = _DATE_PUBLISHED.search(data)
    text = found.group(1).decode() if found else extracted
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None
