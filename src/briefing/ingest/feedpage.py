"""A feed read as a page: one item is the lead story, the others are the round-up.

The lead's article is fetched from the item's link and extracted like any HTML page; when
that fails or finds no article, the feed's own full text (content:encoded) is read, else its
summary, and a note says why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from briefing.errors import BriefingError, ContentError, UsageError
from briefing.ingest.feeds import Feed
from briefing.models import Article, Headline, Page


def page_from_feed(
    feed: Feed, lead: int, read_article: Callable[[str], Page] | None
) -> tuple[Page, tuple[str, ...]]:
    """The page for `feed` with item `lead` (1-based) as its lead story, and notes. With no
    `read_article`, the lead is not fetched: it is what the feed says of it (for a list of
    the round-up's headlines, which does not read the lead)."""
    count = len(feed.items)
    if not 1 <= lead <= count:
        raise UsageError(
            f"--lead {lead}: the feed {feed.title!r} has {count} item{'s' * (count != 1)}",
            hint=f"pick one of 1-{count}; `briefing headlines FEED` lists them",
        )
    item = feed.items[lead - 1]
    if read_article is None:
        text = item.body or ((item.summary,) if item.summary else (item.title,))
        article = Article(item.title, text, item.source, url=item.url, image=item.image)
        notes: tuple[str, ...] = ()
    else:
        article, notes = lead_article(item, read_article)
    others = tuple(h for n, h in enumerate(feed.items) if n != lead - 1)
    return Page(article, others), notes


def lead_article(
    item: Headline, read_article: Callable[[str], Page]
) -> tuple[Article, tuple[str, ...]]:
    """The article of a feed item: its linked page, else the feed's text, with a note."""
    reason = "the item has no link"
    if item.url:
        try:
            found = read_article(item.url).article
        except BriefingError as exc:
            reason = exc.message
        else:
            article = replace(
                found,
                title=item.title,
                publication=item.source or found.publication,
                date=item.published.date() if item.published else found.date,
                url=item.url,
                image=item.image or found.image,
            )
            return article, ()
    if item.body:
        paragraphs, what = item.body, "the feed's full text"
    elif item.summary:
        paragraphs, what = (item.summary,), "the feed's summary"
    else:
        raise ContentError(
            f"the lead story {item.title!r} cannot be read: {reason}, and the feed gives no "
            "text for it",
            hint="pick another item with --lead N",
        )
    article = Article(
        title=item.title,
        paragraphs=paragraphs,
        publication=item.source,
        date=item.published.date() if item.published else None,
        url=item.url,
        image=item.image,
    )
    return article, (f"the lead story is read from {what}: {reason}",)
