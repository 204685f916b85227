"""JSON articles: ``{"title": ..., "body": ...}`` with optional fields.

{
  "title": "Harbour festival returns",
  "body": "First paragraph.\\n\\nSecond paragraph.",       (or a list of paragraphs)
  "date": "2026-03-02", "publication": "The Tiny Times", "url": "https://...",
  "author": "...", "headlines": ["...", {"title": "...", "url": "...", "summary": "..."}]
}
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from briefing.errors import ContentError
from briefing.ingest.textpage import clean_line
from briefing.models import Article, Headline, Page


def _text(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ContentError(f"the JSON article's {key!r} must be text, not {type(value).__name__}")
    return clean_line(value) or None


def parse_json(text: str) -> Page:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ContentError(f"the JSON article cannot be read: {exc}") from None
    if not isinstance(data, dict):
        raise ContentError("a JSON article is an object with a title and a body")
    title = _text(data, "title")
    body = data.get("body")
    if isinstance(body, str):
        paragraphs = [clean_line(p) for p in body.split("\n\n")]
    elif isinstance(body, list) and all(isinstance(p, str) for p in body):
        paragraphs = [clean_line(p) for p in body]
    else:
        raise ContentError("the JSON article needs a 'body': text, or a list of paragraphs")
    paragraphs = [p for p in paragraphs if p]
    if not title or not paragraphs:
        raise ContentError("the JSON article needs a 'title' and a non-empty 'body'")
    date = None
    if _text(data, "date"):
        try:
            date = dt.date.fromisoformat(str(data["date"])[:10])
        except ValueError:
            raise ContentError(
                f"the JSON article's date {data['date']!r} is not YYYY-MM-DD"
            ) from None
    headlines = []
    for item in data.get("headlines", []) or []:
        if isinstance(item, str) and clean_line(item):
            headlines.append(Headline(clean_line(item)))
        elif isinstance(item, dict) and _text(item, "title"):
            headlines.append(
                Headline(_text(item, "title") or "", _text(item, "url"), _text(item, "summary"))
            )
    return Page(
        Article(
            title=title,
            paragraphs=tuple(paragraphs),
            publication=_text(data, "publication") or _text(data, "site"),
            date=date,
            url=_text(data, "url"),
            author=_text(data, "author"),
        ),
        tuple(headlines),
    )
