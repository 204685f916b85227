"""Links to other stories set inside a body: teaser cards, boxes, "Read more" labels."""

from __future__ import annotations

import re
from itertools import takewhile

from briefing.ingest.furniture import LineKind
from briefing.ingest.textpage.lines import BYLINE, KICKER_WORDS, Line, as_dropped, is_dated, words

_READ_MORE = re.compile(
    r"^(?:read|watch|see|listen)(?: (?:more|next|also))?\W*$|^(?:lire aussi|lesen sie auch"
    r"|(?:lee|lea) también|leer más|leggi anche|(?:leia|veja|ler) também|l(?:eia|er) mais"
    r"|lees (?:ook|meer)|(?:czytaj|zobacz) (?:także|też|również)|czytaj więcej)\W*$",
    re.IGNORECASE,
)
ENDS_STATEMENT = re.compile(r"[.…][\"'”’»“‘«)\]]*$")
_TEASER_WORDS = 45
TEASER_MIN_WORDS = 12


def without_inline_teasers(lines: list[Line]) -> list[Line]:
    """Links to other stories set inside a body, where prose stands just before them and
    goes on after them. They go, and the body is not cut there:

    - a teaser card: a kicker, a headline under it, one paragraph of teaser;
    - a box: a heading ("Related Coverage", "READ MORE") over one or two headlines;
    - a headline over a "Read more" label.
    """
    out = list(lines)
    for i in range(1, len(lines) - 2):
        if not _prose_before(lines, i) or lines[i].kind is LineKind.FURNITURE:
            continue
        following = [j for j in range(i + 1, min(i + 6, len(lines))) if not _is_widget(lines[j])]
        if len(following) < 2:
            continue
        first, second, third = lines[i], lines[following[0]], lines[following[1]]
        if (
            first.is_text
            and second.is_text
            and second.attached
            and words(first.text) <= KICKER_WORDS
            and not first.is_sentence
            and not any(ch.isdigit() for ch in first.text)  # a live blog's "07:20 GMT"
            and not second.is_sentence
            and 3 <= second.words <= 20
            and (third.prose or third.is_sentence or third.words >= TEASER_MIN_WORDS)
            and third.words <= _TEASER_WORDS
            and not any(
                x.byline or BYLINE.match(x.text) or is_dated(x)
                for x in lines[following[1] + 1 : following[1] + 4]
            )
        ):
            for j in (i, *following[:2]):
                out[j] = as_dropped(lines[j])
        elif first.kind is LineKind.SECTION and first.words <= KICKER_WORDS:
            under = range(i + 1, min(i + 4, len(lines)))
            box = list(takewhile(lambda j: not lines[j].prose, under))  # up to the prose
            after = i + len(box) + 1
            if 1 <= len(box) <= 2 and after < len(lines) and _goes_on(lines[after]):
                out[i] = as_dropped(first)
                for j in box:
                    out[j] = as_dropped(lines[j])
        elif (
            second.kind is LineKind.SECTION
            and _READ_MORE.match(second.text)
            and first.is_text
            and not first.prose
            and _goes_on(third)
        ):
            out[i], out[i + 1] = as_dropped(first), as_dropped(second)
    return out


def _is_widget(line: Line) -> bool:
    return line.kind is LineKind.FURNITURE


def _prose_before(lines: list[Line], index: int) -> bool:
    """The nearest line before `index` that is not furniture is prose, or a sentence."""
    before = next((x for x in reversed(lines[:index]) if not x.dropped), None)
    return before is not None and (before.prose or (before.is_sentence and before.words >= 2))


def _goes_on(line: Line) -> bool:
    """A paragraph of prose that ends as statements do (a question can be a headline)."""
    return line.prose and bool(ENDS_STATEMENT.search(line.text))
