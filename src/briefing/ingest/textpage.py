"""Parse a news page saved as plain text: the way a reader app or a browser copy-paste keeps it.

The layout such pages share, whatever the site:

    Masthead                       ← publication
    Tagline                        ← optional
    Date line                      ← any common format, before or after the headline
    Headline
    Body paragraphs …              ← prose, one paragraph per line or hard-wrapped
    Furniture (Newsletter, Share, 0:00, Close, ×, …)
    Related Articles               ← a section marker
    Headline list, one per line

The parser finds the first prose paragraph; the line before it is the headline and the lines
above that are the masthead, tagline and date. The body runs until a section marker or a
list of short lines. Furniture is recognised by its wording (see `furniture.py`), never by
its position in one particular file.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from briefing.errors import ContentError
from briefing.ingest.dates import parse_date_line
from briefing.ingest.furniture import LineKind, classify
from briefing.models import Article, Headline, Page

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_BULLET = re.compile(r"^\s*(?:[-*•·▪–]|\d{1,2}[.)])\s+")
_BYLINE = re.compile(r"^(?:by|words by|written by|reporting by)\s+\S", re.IGNORECASE)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_MIN_PROSE_WORDS = 8
_MIN_HEADLINE_WORDS = 2
_MAX_HEADLINE_CHARS = 300
_WRAP_MIN_CHARS = 50
_WRAP_MAX_CHARS = 100


@dataclass(frozen=True)
class _Block:
    """Consecutive non-blank lines: a paragraph, a list, or a run of header lines."""

    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.lines)

    def is_prose(self) -> bool:
        return _is_prose(self.text) and not self.is_list()

    def is_list(self) -> bool:
        """Three or more short lines, none a sentence: a list of headlines or links."""
        if len(self.lines) < 3:
            return False
        return not any(_SENTENCE_END.search(line) or _BULLET.match(line) for line in self.lines)

    def is_wrapped(self) -> bool:
        """A paragraph hard-wrapped at a fixed width rather than one paragraph per line."""
        body = self.lines[:-1]
        return (
            len(self.lines) > 1
            and all(_WRAP_MIN_CHARS <= len(line) <= _WRAP_MAX_CHARS for line in body)
            and not all(_SENTENCE_END.search(line) for line in body)
        )


def _is_prose(text: str) -> bool:
    return len(text.split()) >= _MIN_PROSE_WORDS and bool(_SENTENCE_END.search(text))


def clean_line(line: str) -> str:
    """A line with Unicode normalised (NFC), invisible characters removed, spaces collapsed."""
    line = unicodedata.normalize("NFC", line).translate(_INVISIBLE)
    return " ".join(line.split())


def _blocks(text: str) -> list[_Block]:
    blocks: list[_Block] = []
    current: list[str] = []
    for raw in text.splitlines():
        line = clean_line(raw)
        if line:
            current.append(line)
        elif current:
            blocks.append(_Block(tuple(current)))
            current = []
    if current:
        blocks.append(_Block(tuple(current)))
    return blocks


def _split_at_prose(block: _Block) -> list[_Block]:
    """Split off short lines (masthead, headline) that open a block of prose.

    Pages pasted without blank lines put the masthead, headline and body in one block.
    """
    for i in range(len(block.lines)):
        rest = _Block(block.lines[i:])
        if _is_prose(block.lines[i]) or (len(rest.lines) > 1 and rest.is_wrapped()):
            return [_Block(block.lines[:i]), rest] if i else [block]
    return [block]


def _without_furniture(block: _Block) -> _Block:
    """The block without lines that are furniture; section markers stay, they carry structure."""
    return _Block(tuple(line for line in block.lines if classify(line) is not LineKind.FURNITURE))


def _paragraphs(block: _Block) -> list[str]:
    """Split a body block into paragraphs: wrapped lines join, sentence-ending lines break."""
    if block.is_wrapped():
        return [block.text]
    paragraphs: list[str] = []
    current: list[str] = []
    for line in block.lines:
        current.append(_BULLET.sub("", line) if _BULLET.match(line) else line)
        if _SENTENCE_END.search(line):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def parse_text_page(text: str) -> Page:
    """Parse a plain-text news page into its article and related headlines.

    Raises `ContentError` when there is no prose paragraph to read or no headline above it.
    """
    blocks = [_without_furniture(b) for b in _blocks(text)]
    blocks = [part for b in blocks if b.lines for part in _split_at_prose(b)]

    first_body = next((i for i, b in enumerate(blocks) if b.is_prose()), None)
    if first_body is None:
        raise ContentError("no article body found: the page has no paragraph of prose")

    header_lines = [line for b in blocks[:first_body] for line in b.lines]
    header_lines = [line for line in header_lines if classify(line) is LineKind.TEXT]
    date = next((d for d in map(parse_date_line, header_lines) if d is not None), None)
    candidates = [
        line for line in header_lines if parse_date_line(line) is None and not _BYLINE.match(line)
    ]
    if not candidates:
        raise ContentError(
            "no headline found above the article body",
            hint="put the article's headline on its own line before the first paragraph",
        )
    title = candidates[-1]
    masthead = candidates[:-1]

    body, rest = _split_body(blocks[first_body:])
    article = Article(
        title=title,
        paragraphs=tuple(body),
        publication=masthead[0] if masthead else None,
        tagline=masthead[1] if len(masthead) > 1 else None,
        date=date,
    )
    return Page(article=article, headlines=tuple(_headlines(rest)))


def _split_body(blocks: list[_Block]) -> tuple[list[str], list[str]]:
    """Body paragraphs, and the lines after the body (where related headlines live).

    The body ends at a section or end marker ("Related Articles", "Comments") or at a list
    of short lines; prose before a marker in the same block still belongs to the body.
    """
    paragraphs: list[str] = []
    for index, block in enumerate(blocks):
        cut: int | None = (
            0
            if block.is_list()
            else next((i for i, line in enumerate(block.lines) if classify(line).is_marker), None)
        )
        if cut is not None:
            if cut:
                paragraphs.extend(_paragraphs(_Block(block.lines[:cut])))
            rest = list(block.lines[cut:]) + [line for b in blocks[index + 1 :] for line in b.lines]
            return paragraphs, rest
        paragraphs.extend(_paragraphs(block))
    return paragraphs, []


def _headlines(lines: list[str]) -> list[Headline]:
    """Headline-like lines after the body, up to an end marker such as "Comments"."""
    headlines: list[Headline] = []
    seen: set[str] = set()
    collecting = True
    for line in lines:
        kind = classify(line)
        if kind is LineKind.SECTION:
            collecting = True
            continue
        if kind is LineKind.END:
            collecting = False
            continue
        if not collecting or kind is not LineKind.TEXT:
            continue
        if len(line.split()) < _MIN_HEADLINE_WORDS or len(line) > _MAX_HEADLINE_CHARS:
            continue
        key = line.casefold()
        if key not in seen:
            seen.add(key)
            headlines.append(Headline(title=line))
    return headlines
