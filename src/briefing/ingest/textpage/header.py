"""Above the body: the headline and standfirst, the masthead and its tagline, the date."""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise

from briefing.ingest.dates import find_date
from briefing.ingest.furniture import LineKind
from briefing.ingest.textpage.lines import KICKER_WORDS, MAX_HEADLINE_CHARS, Line, is_dated, words

_HOME_LINK = re.compile(r"\s*(?:[-–|]\s*)?(?:back to )?home(?: ?page)?$", re.IGNORECASE)
_HEADER_WINDOW = 30
_BYLINE_WINDOW = 30
_MAX_CANDIDATES = 8
_GLUED_CASE = re.compile(r"[a-z][A-Z]")
_SECTION_WORDS = frozenset(
    "news about services home menu sport sports business opinion politics world more contact"
    " search latest blog blogs startseite accueil nachrichten actualités portada noticias"
    " actualidad deportes opinión cronaca notizie politica economia início notícias desporto"
    " opinião nieuws binnenland regio wiadomości".split()
)
_STANDFIRST_WORDS = 10
_MASTHEAD_LINES = 3
"""The masthead is among the first lines of text (a promotion banner may come first)."""
_STACK_GAP = 2
"""Lines (a counter, a date) that may stand between a headline and its standfirst."""
_MAX_LABELS = 2
"""One- or two-word lines skipped over on the way up to a longer headline."""


def _skipped_in_header(line: Line) -> bool:
    """Lines between a headline and its body that are neither: bylines, dates, captions,
    share buttons, counters, labels, tags ("python," "webcast,")."""
    return (
        line.dropped or line.kind is not LineKind.TEXT or is_dated(line) or line.text.endswith(",")
    )


def find_headline(
    lines: list[Line], start: int, masthead: str | None
) -> tuple[int | None, int | None]:
    """(index of the headline, index of a standfirst) above the body starting at `start`.

    Headlines stand above their byline, so the search starts at the nearest byline above the
    body (else at the body). Above it, a line or two of one or two words are labels
    ("Features", a tag) unless nothing longer is near. Longer lines directly on top of one
    another form a stack: kicker, headline, standfirst, or a tabloid's headline over its
    bullet summary. The headline is the one line of the stack the page prints again
    elsewhere (a breadcrumb, a share button), else the lowest line that does not read as a
    standfirst (long, or a sentence), else the top; a single line under it is the
    standfirst, read as the first paragraph.
    """
    floor = max(0, start - _HEADER_WINDOW)
    anchor = next(
        (
            i
            for i in range(start - 1, max(0, start - _BYLINE_WINDOW) - 1, -1)
            if lines[i].byline and lines[i].words >= 2  # not a lone "Autor" in a search form
        ),
        start,
    )
    candidates: list[int] = []
    for i in range(anchor - 1, floor - 1, -1):
        line = lines[i]
        if line.prose and line.is_text and candidates and _in_prose_block(lines, i):
            break  # paragraphs above the headline belong to another part of the page
        if line.kind is LineKind.LABEL and all(words(lines[c].text) <= 2 for c in candidates):
            candidates.clear()  # what stood under it were its tags, not a headline
            continue
        if _skipped_in_header(line) or (len(line.text) > MAX_HEADLINE_CHARS and not line.prose):
            continue
        if line.text == masthead:
            break
        if candidates and line.text == lines[candidates[-1]].text:
            candidates[-1] = i  # the headline printed twice
            continue
        candidates.append(i)
        if len(candidates) == _MAX_CANDIDATES:
            break
    if not candidates:
        return None, None
    first_long = next(
        (n for n, i in enumerate(candidates[: _MAX_LABELS + 1]) if lines[i].words >= 3), None
    )
    if first_long is None:
        return candidates[0], None
    stack = [candidates[first_long]]
    for i in candidates[first_long + 1 :]:
        between = lines[i + 1 : stack[-1]]
        adjacent = len(between) <= _STACK_GAP and not any(map(is_dated, between))
        if not adjacent or words(lines[i].text) <= KICKER_WORDS or lines[i].text.endswith("."):
            break  # a kicker ("Markets | Market report") or a line of something else
        stack.append(i)
    repeated = [n for n, i in enumerate(stack) if _printed_again(lines, i)]
    at = next((n for n, i in enumerate(stack) if not _reads_as_standfirst(lines[i])), None)
    at = repeated[0] if len(repeated) == 1 else len(stack) - 1 if at is None else at
    title = stack[at]
    under = stack[:at]
    standfirst = under[0] if len(under) == 1 else None
    return title, standfirst


def _printed_again(lines: list[Line], index: int) -> bool:
    """The page prints this line's text again elsewhere (in a breadcrumb, a share button,
    a list of stories): pages repeat their headline, not their standfirst."""
    text = lines[index].text.casefold()
    if words(text) < KICKER_WORDS:
        return False
    return any(
        j != index and j != index - 1 and j != index + 1 and text in line.text.casefold()
        for j, line in enumerate(lines)
    )


def _reads_as_standfirst(line: Line) -> bool:
    """Long, or a sentence: a standfirst or a summary bullet rather than a headline."""
    return line.words >= _STANDFIRST_WORDS or (line.text.endswith(".") and line.words >= 6)


def _in_prose_block(lines: list[Line], i: int) -> bool:
    """A line of prose with another just above it: paragraphs, not a lone standfirst."""
    above = next((x for x in reversed(lines[:i]) if not x.dropped), None)
    return above is not None and above.prose


def masthead_of(lines: list[Line], start: int) -> tuple[str | None, int | None]:
    """The publication's name, and where its tagline may stand (the next line of text).

    The name is among the page's first lines of text, reads as a name (a few words, no
    sentence; a logo's "- Back to home" left off), and is confirmed: the page names itself
    again further down (its footer, a byline, "More from …"), or the page is short enough
    above its article that its first line can be nothing else. An unconfirmed first line of
    a copied web page is too often a menu or a promotion to say as the show's name.
    """
    texts = [i for i in range(start) if lines[i].is_text and not is_dated(lines[i])]
    if len(texts) < 2:
        return None, None  # a single line of text above the body is its headline
    first = next(
        (i for i in texts[:_MASTHEAD_LINES] if lines[i].words <= 6 and not lines[i].is_sentence),
        None,
    )
    if first is None or first == texts[-1]:
        return None, None
    name = _HOME_LINK.sub("", lines[first].text)
    short_header = sum(1 for line in lines[:start] if line.kind is not LineKind.FURNITURE) <= 8
    if not _plausible_name(name) or not (short_header or _named_again(lines, first, name)):
        return None, None
    return name, texts[texts.index(first) + 1]


def _plausible_name(name: str) -> bool:
    """Not a link, a section's name or menu items run together ("sitesLoginContactSupport")."""
    words = name.split()
    return bool(
        words
        and "://" not in name
        and not (len(words) == 1 and name.casefold() in _SECTION_WORDS)
        and not any(len(_GLUED_CASE.findall(word)) >= 2 for word in words)
    )


def _named_again(lines: list[Line], index: int, name: str) -> bool:
    """Further down, the page names itself again: two words of the name together ("Daily
    Mail"), its initials ("BBC" for British Broadcasting Corporation), or its first word in
    the copyright line ("© 2026 Pennywise Media Ltd")."""
    words = name.split()
    later = [line.text for line in lines[index + 1 :] if line.text != name]
    folded = " ".join(later).casefold()
    pairs = [f"{a} {b}".casefold() for a, b in pairwise(words)]
    if any(pair in folded for pair in pairs):
        return True
    if len(words) == 1 and len(name) >= 4 and name.casefold() in folded:
        return True
    initials = "".join(w[0] for w in words if w[0].isupper())
    if len(initials) >= 3 and re.search(rf"\b{initials}\b", " ".join(later)):
        return True
    copyright = " ".join(t for t in later if "©" in t or "copyright" in t.casefold())
    return len(words[0]) >= 5 and words[0].casefold() in copyright.casefold()


def tagline_of(lines: list[Line], at: int | None, title_at: int) -> str | None:
    """The masthead's slogan: the line under it, when the date or the headline comes next
    (a menu between them means it is something else)."""
    if at is None or at >= title_at:
        return None
    after = next(
        (i for i in range(at + 1, title_at + 1) if lines[i].kind is not LineKind.FURNITURE),
        title_at,
    )
    line = lines[at]
    if (is_dated(lines[after]) or after == title_at) and 3 <= line.words <= 12:
        return line.text
    return None


def date_of(lines: list[Line], title_at: int, start: int) -> dt.date | None:
    """The article's date: the one nearest its headline (the byline's, between headline and
    body, first), else the first date at the top of the page."""
    near = [*range(title_at + 1, start), *range(title_at - 1, max(-1, title_at - 8), -1)]
    for i in [*near, *range(title_at)]:
        found = find_date(lines[i].text) if lines[i].words <= 16 else None
        if found is not None:
            return found
    return None
