"""HTML article pages: trafilatura finds the article; what it lets through is tidied here.

trafilatura does the hard part (finding the article among navigation, ads, comments and
related links) and reads the metadata. Around it:

- before extraction, elements no listener should hear are pruned by XPath (trafilatura's
  own `prune_xpath`): code blocks, captions, link cards ("more about" teasers wrapped in a
  link), paragraphs that are only a link, and boxes whose class or id says they hold an
  author's bio, a newsletter prompt, a promotion or related stories;
- a small table is read row by row ("gsoc-2018: simdjson 3.3 GB/s, …"), a large one left out;
- a related-stories list inside the body ("Editors' Recommendations:") becomes the page's
  headlines for the round-up instead of part of the article;
- paragraphs are tidied by the same rules as text pages (`cleanup.py`): captions, credits,
  bios, calls to action, date lines, the headline repeated, pull quotes;
- when the page's schema.org JSON-LD carries an `articleBody` and what was extracted is much
  shorter (a page drawn by JavaScript, whose HTML holds only a photo caption), the
  `articleBody` is read instead (`jsonld.py`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from briefing.errors import ContentError
from briefing.ingest.cleanup import is_furniture, tidy
from briefing.ingest.furniture import LineKind, classify
from briefing.ingest.jsonld import LinkedArticle, linked_article
from briefing.ingest.text import declared_charset, decode
from briefing.models import Article, Headline, Page


def _class_or_id(*tokens: str) -> str:
    lower = "translate({}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
    tests = [
        f"contains({lower.format(attribute)}, '{token}')"
        for token in tokens
        for attribute in ("@class", "@id")
    ]
    return f"//*[{' or '.join(tests)}]"


PRUNE_XPATH = [
    "//pre",  # code: nothing a listener can follow
    "//figcaption",
    "//a[@href][.//p or .//h2 or .//h3 or .//h4 or .//div[normalize-space(.)]]",  # a teaser card
    "//p[count(*) = 1][a/@href][normalize-space(.) = normalize-space(a)]",  # only a link
    _class_or_id(
        "author-bio",
        "author_bio",
        "authorbio",
        "author-description",
        "about-author",
        "about-the-author",
        "author_position",
        "bio-box",
        "imagedescription",
        "image-description",
        "newsletter",
        "promo",
        "related",
        "recommend",
        "more-about",
        "read-more",
        "readmore",
    ),
]
_MAX_TABLE_ROWS = 12
_MAX_TABLE_COLUMNS = 5
_TITLE_SEPARATORS = re.compile(r"\s+[-|–—»·:]\s+")
_DATE_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"(\d{4}-\d{2}-\d{2})')
_SHORTER_THAN_LINKED = 0.5


def parse_html(data: bytes, url: str | None = None, charset: str | None = None) -> Page:
    """The article in an HTML page, and any related headlines in it; `ContentError` if there
    is no article."""
    import trafilatura

    html = decode(data, charset or declared_charset(data))
    document: Any = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        deduplicate=False,  # True keeps a process-wide memory: a second read would come out empty
        date_extraction_params={"original_date": True, "extensive_search": True},
        prune_xpath=PRUNE_XPATH,
    )
    linked = linked_article(html)
    title = (getattr(document, "title", None) or "").strip() or (linked and linked.headline)
    publication = (getattr(document, "sitename", None) or "").strip() or None
    body, related = _split_related(_blocks(getattr(document, "body", None)))
    paragraphs = tidy(body, title or None)
    if linked and _prefer_linked(paragraphs, linked):
        paragraphs = tidy(linked.body, title or None)
    standfirst = _standfirst(html, getattr(document, "description", None), paragraphs)
    if standfirst:
        paragraphs.insert(0, standfirst)
    if not any(_reads(p) for p in paragraphs):
        raise ContentError(
            "no article found in the HTML page",
            hint="give the page of a single article, not a home or index page",
        )
    title = _without_site(title or paragraphs[0][:80], publication)
    return Page(
        Article(
            title=title,
            paragraphs=tuple(paragraphs),
            publication=publication,
            date=_date(html, linked, getattr(document, "date", None)),
            url=getattr(document, "url", None) or url,
            author=(getattr(document, "author", None) or "").strip() or None,
            image=(getattr(document, "image", None) or "").strip() or None,
        ),
        tuple(Headline(line) for line in related),
    )


@dataclass(frozen=True)
class _Block:
    """One block of trafilatura's extracted tree: a paragraph, a heading or a list item."""

    text: str
    is_item: bool = False


def _text(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


def _blocks(body: Any) -> list[_Block]:
    """The extracted tree (trafilatura's XML: p, head, list/item, table/row/cell, quote) as
    blocks of text, whitespace collapsed (a line break in a paragraph's source is a space),
    tables read as sentences."""
    blocks: list[_Block] = []
    for element in body if body is not None else ():
        if element.tag == "list":
            blocks.extend(_Block(_text(item), is_item=True) for item in element.iter("item"))
        elif element.tag == "table":
            blocks.extend(_Block(sentence) for sentence in _table_sentences(element))
        elif element.tag != "code":
            blocks.append(_Block(_text(element)))
    return [block for block in blocks if block.text]


def _table_sentences(table: Any) -> list[str]:
    """A small table as one sentence per row, each value named by its column's header
    ("apache_builds: simdjson 2.3 GB/s, JSON for Modern C++ 0.098 GB/s."); a large table is
    not something to listen to, and is left out."""
    rows = [[_text(cell) for cell in row.iter("cell")] for row in table.iter("row")]
    rows = [row for row in rows if any(row)]
    if not rows or len(rows) > _MAX_TABLE_ROWS + 1 or max(map(len, rows)) > _MAX_TABLE_COLUMNS:
        return []
    first = next(table.iter("row"))
    header = rows[0] if all(c.get("role") == "head" for c in first.iter("cell")) else None
    sentences = []
    for row in rows[1:] if header else rows:
        if header and row[0]:
            named = [f"{h} {v}".strip() for h, v in zip(header[1:], row[1:], strict=False) if v]
            sentences.append(f"{row[0]}: {', '.join(named)}." if named else f"{row[0]}.")
        else:
            sentences.append(", ".join(cell for cell in row if cell) + ".")
    return sentences


def _split_related(blocks: list[_Block]) -> tuple[list[str], list[str]]:
    """Body paragraphs, and the headlines of a related-stories list found among them.

    A section marker ("Related", "Editors' Recommendations:") opens the list; the list items
    or short lines after it are its headlines; prose after them is the article again; an
    end marker ("Comments") ends both.
    """
    body: list[str] = []
    related: list[str] = []
    in_list = False
    for block in blocks:
        kind = classify(block.text)
        if kind is LineKind.SECTION:
            in_list = True
            continue
        if kind is LineKind.END:
            break
        if in_list and (block.is_item or not _is_prose(block.text)):
            if not is_furniture(block.text) and len(block.text.split()) >= 3:
                related.append(block.text)
            continue
        in_list = False
        body.append(block.text)
    return body, related


def _reads(paragraph: str) -> bool:
    """A sentence of some words: there is something to read, not only labels."""
    words = len(paragraph.split())
    return words >= 20 or (words >= 6 and paragraph.rstrip("\"'”’)").endswith((".", "!", "?")))


def _is_prose(line: str) -> bool:
    return len(line.split()) >= 12 and line.rstrip("\"'”’)").endswith((".", "!", "?"))


def _standfirst(html: str, description: str | None, paragraphs: list[str]) -> str | None:
    """The standfirst printed above the article ("Seit Dezember 2015 verschickt …"), which
    trafilatura leaves out: the page's description, when it is prose that the page also
    shows as an element of its own and the body does not already hold."""
    description = " ".join((description or "").split())
    if not _is_prose(description) or description.endswith(("…", "...")):
        return None
    if any(description[:60] in paragraph for paragraph in paragraphs):
        return None
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, TypeError):
        return None
    shown = tree.xpath(
        "//body//*[self::p or self::div or self::h2 or self::span]"
        "[starts-with(normalize-space(.), $start)][string-length(normalize-space(.)) < $limit]",
        start=description[:60],
        limit=len(description) + 40,
    )
    return description if shown else None


def _prefer_linked(paragraphs: list[str], linked: LinkedArticle) -> bool:
    """Read the JSON-LD `articleBody` when the HTML gave much less (its text drawn by
    JavaScript), or when it gave the same text with fewer paragraph breaks (trafilatura
    itself falls back to `articleBody`, and joins its paragraphs)."""
    if not linked.body:
        return False
    extracted = sum(map(len, paragraphs))
    if extracted < _SHORTER_THAN_LINKED * sum(map(len, linked.body)):
        return True
    return len(linked.body) > len(paragraphs) and _squeezed(paragraphs) == _squeezed(linked.body)


def _squeezed(paragraphs: Sequence[str]) -> str:
    return re.sub(r"\W+", "", "".join(paragraphs)).casefold()


def _without_site(title: str, publication: str | None) -> str:
    """ "Story - The Planetary Press" → "Story" when the tail is the site's name."""
    if not publication:
        return title
    parts = _TITLE_SEPARATORS.split(title)
    site = re.sub(r"\W+", "", publication.casefold()).removeprefix("the")
    if len(parts) > 1 and re.sub(r"\W+", "", parts[-1].casefold()).removeprefix("the") == site:
        return title[: title.rfind(parts[-1])].rstrip(" -|–—»·:")
    return title


def _date(html: str, linked: LinkedArticle | None, extracted: str | None) -> dt.date | None:
    """The publication date: schema.org's datePublished when the page states it (a page's
    other dates are often when it was last modified), else trafilatura's."""
    if linked and linked.date_published:
        return linked.date_published
    found = _DATE_PUBLISHED.search(html)
    text = found.group(1) if found else extracted
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None
