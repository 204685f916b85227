"""Parse a news page saved as plain text: what a reader app or a browser's copy keeps.

A whole page copied from a browser holds far more than the article: the site's menus, a
cookie banner, share buttons, captions, a byline and dates, links to other stories, reader
comments, the footer. The article is found in four steps, each by what lines say and how
they read, never by where one site puts them:

1. **Lines.** Each line is cleaned; a paragraph hard-wrapped over several lines is joined
   again; a table copied as tab-separated cells is read row by row. Each line gets its
   kind by wording (`furniture.py`: menu, share button, section heading, footer, …) and
   jusText's prose class (`prose.py`).
2. **The body** is the first stretch of prose that is at least half as long as the
   longest (pages that scroll on into other articles hold more than one): prose lines,
   with sub-headings and furniture between them, up to a heading that opens other
   stories, tags, comments or the footer.
3. **The header** above it: the headline is the nearest headline-like line above the body,
   skipping bylines, dates, captions and share widgets; a standfirst between headline and
   body becomes the first paragraph; the masthead, its tagline and the date come from the
   top of the page.
4. **Headlines** for the round-up are the lines under a heading that offers other stories
   ("Related", "More on this story", "Mehr zum Thema"), until a heading of another kind or
   the footer.

Inside the body, captions, credits, calls to action and the like go (`cleanup.py`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from briefing.errors import ContentError
from briefing.ingest import prose
from briefing.ingest.cleanup import is_bio, is_boilerplate, tidy
from briefing.ingest.dates import find_date, is_date_only
from briefing.ingest.furniture import LineKind, classify
from briefing.models import Article, Headline, Page

_TWEET_PICTURE = re.compile(r"\s*\bpic\.twitter\.com/\w+")
_SOCIAL_HANDLE = re.compile(
    r"\s+(?:twitter|instagram|facebook|x|threads|tiktok|bluesky)\s*:\s*@[\w.]+$", re.IGNORECASE
)
"""A profile's handle run onto the end of a paragraph ("… Check it out!  Twitter: @x")."""
_MORE_LINK = re.compile(
    r"(?<=[.!?…])\s+(?:mehr|more|weiterlesen|lire la suite|read more)$", re.IGNORECASE
)
"""A teaser's "more" link run onto its last sentence ("… Antworten auf viele Fragen. mehr")."""
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_TERMINAL = re.compile(r"[.!?…][\"'”’»“‘«)\]]*$")
_BULLET = re.compile(r"^\s*[-*•·▪–►▼]\s+")
"""A list's bullet (a numbered item keeps its number: a ranking is part of what is said)."""
_MENU = re.compile(
    r"^(?:[^/|•·»›>:\s]+(?: [^/|•·»›>:\s]+){0,2}\s*[/|•·»›>]\s*){2,}"
    r"[^/|•·»›>:\s]+(?: [^/|•·»›>:\s]+){0,2}$"
)
_BYLINE = re.compile(
    r"^(?:by:?|von|par|de|text:?|texte ?:|words|words by|written by:?|reporting by|author:?"
    r"|posted(?: on .*)?"
    r" by|analyse von|eine analyse von|ein kommentar von|match report by|report by)\s+\S"
    r"|\bautor(?:/in|in)?:\s*\S",
    re.IGNORECASE,
)
_ROLE = re.compile(
    r"(?:^|[\s,])(?:(?:chief|senior|deputy|political|education|environment|health|economics"
    r"|business|consumer affairs|markets|home affairs|sports?|science|technology|foreign|security"
    r"|transport|arts|local democracy|staff)\s+)*(?:editor|correspondent|reporter|writer"
    r"|columnist|contributor|producer|presenter|analyst|reporting service|staff writer"
    r"|redakteur(?:in)?|korrespondent(?:in)?|autor(?:in)?|journaliste|rédact(?:eur|rice)"
    r"|correspondante?)s?$|^bbc (?:news|sport|verify|weather)\b|associated press$"
    r"|^(?:(?:senior|chief|deputy|managing|contributing|staff|executive)\s+)?"
    r"(?:redakteur(?:in)?|korrespondent(?:in)?|reporter(?:in)?|editor|correspondent|writer"
    r"|journaliste|rédact(?:eur|rice))\b[^.!?]{0,80}\.?$",
    re.IGNORECASE,
)
_NAME = re.compile(
    r"^(?:[A-ZÀ-Þ][\w'’.-]*\s?){1,4}(?:(?:and|und|et|&|,)\s+(?:[A-ZÀ-Þ][\w'’.-]*\s?){1,4})*$"
)
_DETERMINER = re.compile(r"^(?:the|a|an|ein|eine|der|die|das|le|la|les|un|une)\s", re.IGNORECASE)
_HOME_LINK = re.compile(r"\s*(?:[-–|]\s*)?(?:back to )?home(?: ?page)?$", re.IGNORECASE)
_TIMESTAMP = re.compile(
    r"\b(?:ago|vor|il y a|published|updated|veröffentlicht|aktualisiert|publié|mis à jour)\b",
    re.IGNORECASE,
)
_TRAILING_STAMP = re.compile(r"\s*\((?=[^()]*\d)[^()]{1,24}\)$")
"""A date or time after a teaser's last sentence: "… commemorates the petition. (25.07.2019)"."""
_READ_MORE = re.compile(
    r"^(?:read|watch|see|listen)(?: (?:more|next|also))?\W*$|^(?:lire aussi|lesen sie auch)\W*$",
    re.IGNORECASE,
)
_ENDS_STATEMENT = re.compile(r"[.…][\"'”’»“‘«)\]]*$")
_CODE = re.compile(
    r"^(?:from [\w.]+ import\b|import [\w.]+$|def \w+\(|class \w+[(:]|@\w+|\.\.\.$"
    r"|[\w.]+\s*=\s*\S+$|[\w.]+\(.*\)\)*:?$|\"\"\"|\$ |>>> |[})\]];?$)"
)
_CODE_SYMBOLS = frozenset("()[]{}=_;<>\\/*+$#@")
_LOWER_WORD = re.compile(r"[a-zäöüßéèàçâêîôû]+\s")
_CELL_GAP = re.compile(r"\s{2,}")
_FURNITURE_WORDS = re.compile(
    r"^(?:kommentare lesen(?: \(\d+\))?|zur startseite|\d+ beiträge|druckansicht|vorlesen)$",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"^(?:photo(?:graph)?s?|pictures?|images?|foto|bild|credits?|crédits?|quelle|source)\s*:"
    r"|^\((?:photo|foto|bild|image)\s*:",
    re.IGNORECASE,
)
_CAPTION_LABEL = re.compile(
    r"^(?:image caption|caption|bildunterschrift|légende)\s*[,:]?$", re.IGNORECASE
)
_WRAP_MIN_CHARS = 40
_WRAP_MAX_CHARS = 100
_MAX_GAP = 6
"""Non-prose lines (sub-headings, captions) a body may hold between two paragraphs."""
_PARAGRAPHS_BEFORE_BYLINE = 3
_OPENING_PARAGRAPHS = 2
"""A byline after at most this many paragraphs of prose ends the page's header."""
"""A byline or date after this many paragraphs starts another article."""
_COMMENTS = re.compile(
    r"\b(?:comments?|kommentar\w*|commentaires?|ergänzungen|thoughts? on|reactions|leave a reply"
    r"|über den autor)\b",
    re.IGNORECASE,
)
_CAPTION_WORDS = 12
_LABELLED = re.compile(r"^[^:]{1,30}:\s")
"""A label and its value ("Truth: 45% of NFL fans…", "Q3 revenue: £6.41bn"), not a caption."""
_QUOTES = re.compile(r"[«»„“”]")
_INITIALS = re.compile(r"^(?:[A-ZÄÖÜ]\.){2,}$|^[A-ZÄÖÜ]{2,5}\.$")
_TEASER_WORDS = 45
_TEASER_MIN_WORDS = 12
_NOT_A_HEADLINE = re.compile(r"^(?:\(|(?:zu|re|aw|à propos de)\s*:)", re.IGNORECASE)
"""A parenthesis, or a reply to a comment ("Zu: …")."""
_SENTENCE_BREAK = re.compile(r"[.!?] +[A-ZÄÖÜ]")
_RANK = re.compile(r"^\d{1,2}\.?$")
_CUT_SHORT = re.compile(r"(?:\.\.\.|…)$")
_ROLE_WORDS = 12
_MAX_TAIL = 3
"""Short lines of sentences after the last paragraph of prose that still belong to it."""
_LONG_PROSE_WORDS = 40
"""A line this long and as rich in stopwords as prose is prose even without a full stop."""
_HEADER_WINDOW = 30
_BYLINE_WINDOW = 30
_MAX_CANDIDATES = 8
_KICKER_WORDS = 3
_GLUED_CASE = re.compile(r"[a-z][A-Z]")
_SECTION_WORDS = frozenset(
    "news about services home menu sport sports business opinion politics world more contact"
    " search latest blog blogs startseite accueil nachrichten actualités".split()
)
_STANDFIRST_WORDS = 10
_MASTHEAD_LINES = 3
"""The masthead is among the first lines of text (a promotion banner may come first)."""
_STACK_GAP = 2
"""Lines (a counter, a date) that may stand between a headline and its standfirst."""
_MAX_LABELS = 2
"""One- or two-word lines skipped over on the way up to a longer headline."""
_MIN_HEADLINE_WORDS = 3
_MAX_HEADLINE_WORDS = 40
_FOOTER_LINK_WORDS = 12
"""A footer's links are short; a syndication notice under the article is not the footer."""
_MAX_HEADLINE_CHARS = 300


def clean_line(line: str) -> str:
    """A line with Unicode normalised (NFC), invisible characters removed, spaces collapsed."""
    line = unicodedata.normalize("NFC", line).translate(_INVISIBLE)
    line = _MORE_LINK.sub("", _SOCIAL_HANDLE.sub("", _TWEET_PICTURE.sub("", line)))
    return " ".join(line.split())


@dataclass(frozen=True)
class _Line:
    text: str
    kind: LineKind
    prose: bool
    """jusText takes it for prose."""
    dropped: bool
    """Furniture wherever it stands: a menu, a caption, a call to action, a date line."""
    byline: bool = False
    attached: bool = False
    """It follows the line before without a blank line between them."""
    bylined: bool = False
    """A byline follows it: in a list of stories, it is a headline and what comes next its
    teaser."""

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def is_sentence(self) -> bool:
        return bool(_TERMINAL.search(_TRAILING_STAMP.sub("", self.text)))

    @property
    def is_text(self) -> bool:
        return self.kind is LineKind.TEXT and not self.dropped


def parse_text_page(text: str) -> Page:
    """Parse a plain-text news page into its article and related headlines.

    Raises `ContentError` when there is no prose to read, or no headline above it.
    """
    lines = _without_bylines(_lines(text), None)
    span = _body_span(lines)
    if span is None:
        raise ContentError("no article body found: the page has no paragraph of prose")
    start, end = span
    masthead, tagline_at = _masthead(lines, start)
    lines = _without_bylines(lines, masthead)
    start = _after_opening_byline(lines, start, end)
    title_at, standfirst_at = _headline(lines, start, masthead)
    if title_at is None:
        raise ContentError(
            "no headline found above the article body",
            hint="put the article's headline on its own line before the first paragraph",
        )
    title = lines[title_at].text
    body = [lines[standfirst_at].text] if standfirst_at is not None else []
    body += _paragraphs(lines[start:end])
    paragraphs = tidy(body, title, masthead)
    if not paragraphs:
        raise ContentError("no article body found: the page has no paragraph of prose")
    article = Article(
        title=title,
        paragraphs=tuple(paragraphs),
        publication=masthead,
        tagline=_tagline(lines, tagline_at, title_at),
        date=_date(lines, title_at, start),
    )
    return Page(article=article, headlines=tuple(_headlines(lines[end:], title, masthead)))


# --- 1. lines ----------------------------------------------------------------------------------


def _lines(text: str) -> list[_Line]:
    joined = _joined(text)
    texts = [t for t, _ in joined]
    classes = prose.classes(texts)
    lines: list[_Line] = []
    for (text, attached), found in zip(joined, classes, strict=True):
        kind = classify(text)
        sentence = bool(_TERMINAL.search(_TRAILING_STAMP.sub("", text)))
        reads = (found in (prose.GOOD, prose.NEAR_GOOD) and sentence) or (
            found == prose.GOOD and len(text.split()) >= _LONG_PROSE_WORDS
        )
        dropped = kind is LineKind.TEXT and (
            is_boilerplate(text) or bool(_MENU.match(text)) or _is_code(text)
        )
        if lines and _CAPTION_LABEL.match(lines[-1].text):
            dropped = True  # the caption under an "Image caption," label
        if attached and lines and _CREDIT.match(text) and not lines[-1].dropped:
            lines[-1] = _dropped(lines[-1])  # a caption, and its credit on the next line
        lines.append(_Line(text, kind, reads, dropped, attached=attached))
    return _without_inline_teasers(lines)


def _joined(text: str) -> list[tuple[str, bool]]:
    """Non-blank lines, cleaned, each with whether it follows the line before without a
    blank line; a hard-wrapped paragraph joined; tab-separated rows read."""
    out: list[tuple[str, bool]] = []
    block: list[str] = []
    table: list[list[str]] = []
    for raw in [*text.splitlines(), ""]:
        if "\t" in raw and raw.strip():
            table.append([clean_line(cell) for cell in raw.split("\t")])
            continue
        if table:
            out.extend((sentence, True) for sentence in _table_sentences(table))
            table = []
        if _all_furniture_cells(raw) or _is_breadcrumb(raw):
            continue
        line = clean_line(raw)
        if line and block and _continues_heading(block[-1], line):
            block[-1] = f"{block[-1]} {line}"  # a heading broken over two lines
            continue
        if line:
            block.append(line)
            continue
        lines = [" ".join(block)] if _is_wrapped(block) else block
        out.extend((line, n > 0) for n, line in enumerate(lines))
        block = []
    return out


def _continues_heading(previous: str, line: str) -> bool:
    """A heading broken over two lines ("Alameda County DA" / "is coddling criminals"): the
    next line goes on with a plain lower-case word, the first ends without punctuation."""
    return (
        bool(_LOWER_WORD.match(line))
        and len(previous.split()) >= 3
        and len(line.split()) >= 3
        and not _TERMINAL.search(previous)
        and not previous.endswith((",", ":", ";"))
        and classify(previous) is LineKind.TEXT
        and not is_boilerplate(previous)
        and not _BYLINE.match(line)
        and find_date(line) is None
    )


def _all_furniture_cells(raw: str) -> bool:
    """A toolbar the browser copied as one line, its buttons apart by two spaces or more
    ("vorlesen  Druckansicht  Kommentare lesen  128 Beiträge")."""
    cells = [clean_line(cell) for cell in _CELL_GAP.split(raw) if cell.strip()]
    return len(cells) > 1 and all(
        classify(cell) is not LineKind.TEXT or is_boilerplate(cell) or _FURNITURE_WORDS.match(cell)
        for cell in cells
    )


def _is_breadcrumb(raw: str) -> bool:
    """A trail of section links copied as one line: three or more short cells apart by two
    spaces or more ("Games  RPG  The Elder Scrolls")."""
    cells = [cell for cell in _CELL_GAP.split(raw.strip()) if cell]
    return len(cells) >= 3 and all(len(cell.split()) <= 3 for cell in cells)


def _is_code(text: str) -> bool:
    """A line of program code, copied from a code block: not something to read aloud."""
    if _CODE.match(text):
        return True
    visible = [ch for ch in text if not ch.isspace()]
    symbols = sum(ch in _CODE_SYMBOLS for ch in visible)
    return len(visible) >= 8 and symbols >= 0.12 * len(visible) and not _TERMINAL.search(text)


def _is_wrapped(block: Sequence[str]) -> bool:
    """A paragraph hard-wrapped at a fixed width: lines of a similar length, at least one
    break in mid-sentence (the next line going on in lower case)."""
    if len(block) < 2:
        return False
    body = block[:-1]
    continued = sum(line[:1].islower() for line in block[1:])
    return (
        all(_WRAP_MIN_CHARS <= len(line) <= _WRAP_MAX_CHARS for line in body)
        and continued >= max(1, len(body) // 3)
        and not all(_TERMINAL.search(line) for line in body)
    )


def _table_sentences(rows: list[list[str]]) -> list[str]:
    """Rows copied from a table, one sentence each, values named by the header row's cells."""
    header, *data = rows
    if not data:
        return [", ".join(c for c in header if c) + "."]
    sentences = []
    for row in data:
        named = [f"{h} {v}".strip() for h, v in zip(header[1:], row[1:], strict=False) if v]
        first = row[0] if row else ""
        sentences.append(f"{first}: {', '.join(named)}." if first else f"{', '.join(named)}.")
    return sentences


def _without_inline_teasers(lines: list[_Line]) -> list[_Line]:
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
            and _words(first.text) <= _KICKER_WORDS
            and not first.is_sentence
            and not any(ch.isdigit() for ch in first.text)  # a live blog's "07:20 GMT"
            and not second.is_sentence
            and 3 <= second.words <= 20
            and (third.prose or third.is_sentence or third.words >= _TEASER_MIN_WORDS)
            and third.words <= _TEASER_WORDS
            and not any(
                x.byline or _BYLINE.match(x.text) or _is_dated(x)
                for x in lines[following[1] + 1 : following[1] + 4]
            )
        ):
            for j in (i, *following[:2]):
                out[j] = _dropped(lines[j])
        elif first.kind is LineKind.SECTION and first.words <= _KICKER_WORDS:
            box = [j for j in range(i + 1, min(i + 4, len(lines))) if not lines[j].prose]
            after = i + len(box) + 1
            if 1 <= len(box) <= 2 and after < len(lines) and _goes_on(lines[after]):
                out[i] = _dropped(first)
                for j in box:
                    out[j] = _dropped(lines[j])
        elif (
            second.kind is LineKind.SECTION
            and _READ_MORE.match(second.text)
            and first.is_text
            and not first.prose
            and _goes_on(third)
        ):
            out[i], out[i + 1] = _dropped(first), _dropped(second)
    return out


def _is_widget(line: _Line) -> bool:
    return line.kind is LineKind.FURNITURE


def _prose_before(lines: list[_Line], index: int) -> bool:
    """The nearest line before `index` that is not furniture is prose, or a sentence."""
    before = next((x for x in reversed(lines[:index]) if not x.dropped), None)
    return before is not None and (before.prose or (before.is_sentence and before.words >= 2))


def _goes_on(line: _Line) -> bool:
    """A paragraph of prose that ends as statements do (a question can be a headline)."""
    return line.prose and bool(_ENDS_STATEMENT.search(line.text))


def _dropped(line: _Line, byline: bool = False) -> _Line:
    return _Line(line.text, LineKind.TEXT, False, True, byline, line.attached)


# --- 2. the body --------------------------------------------------------------------------------


@dataclass
class _Run:
    """A stretch of prose with what stands between its paragraphs."""

    start: int
    end: int = 0
    prose_chars: int = 0
    all_chars: int = 0
    paragraphs: int = 0

    @property
    def weight(self) -> float:
        """Characters of prose, weighed by how much of the stretch is prose: the article
        rather than a sidebar of short bios and link lists."""
        return self.prose_chars * self.prose_chars / max(1, self.all_chars)


def _body_span(lines: list[_Line]) -> tuple[int, int] | None:
    """[start, end) of the article's body: see the module's docstring.

    A stretch of prose ends at a heading that opens something else (not one straight
    followed by prose), at more than a few lines of other text in a row, or at a new byline
    or date once it has paragraphs (the next article of a page that scrolls on). The body
    is the first stretch that weighs at least half as much as the heaviest; stretches after
    the reader comments are comments.
    """
    runs: list[_Run] = []
    run: _Run | None = None
    gap = 0
    comments = False
    for i, line in enumerate(lines):
        if line.prose and line.is_text:
            if run is None:
                run = _Run(i)
            run.end, gap = i + 1, 0
            run.prose_chars += len(line.text)
            run.all_chars += len(line.text)
            run.paragraphs += 1
            continue
        if run is None:
            continue
        if _opens_article(lines, i) and run.paragraphs >= _PARAGRAPHS_BEFORE_BYLINE:
            runs.append(run)  # the next article of a page that scrolls on
            run, gap = None, 0
            continue
        if line.kind is LineKind.FURNITURE or (line.dropped and not _is_dated(line)):
            continue
        ends = line.kind.is_marker and not _prose_follows(lines, i)
        gap += not (line.is_text and line.is_sentence and line.words >= 4)
        run.all_chars += len(line.text)
        if ends or gap > _MAX_GAP:
            if not comments:
                runs.append(run)
            comments = comments or (ends and _opens_comments(line))
            run, gap = None, 0
    if run is not None and not comments:
        runs.append(run)
    if not runs:
        return None
    heaviest = max(r.weight for r in runs)
    body = next(r for r in runs if 2 * r.weight >= heaviest)
    return body.start, _with_tail(lines, body.end)


def _opens_article(lines: list[_Line], index: int) -> bool:
    """A byline with its date: the header of an article."""
    return lines[index].byline and any(_is_dated(x) for x in lines[index + 1 : index + 3])


def _opens_comments(line: _Line) -> bool:
    """A heading over this page's reader comments (not a sidebar's "Recent Comments")."""
    return (
        line.kind in (LineKind.END, LineKind.LABEL)
        and bool(_COMMENTS.search(line.text))
        and not line.text.casefold().startswith("recent")
    )


def _after_opening_byline(lines: list[_Line], start: int, end: int) -> int:
    """Where the body starts when a byline and its date, or a date line, stand among its
    first lines: after them. What
    came before is the headline's part of the page (a standfirst, a site's blurb about its
    articles), and is read as the headline's, or not at all."""
    prose_seen = 0
    for i in range(start, end):
        bylined = lines[i].byline and any(_is_dated(x) for x in lines[i : i + 3])
        if bylined or (_is_dated(lines[i]) and not lines[i].prose and lines[i].words <= 12):
            return next((j for j in range(i + 1, end) if lines[j].prose), start)
        prose_seen += lines[i].prose
        if prose_seen > _OPENING_PARAGRAPHS:
            break
    return start


def _prose_follows(lines: list[_Line], index: int) -> bool:
    """A heading straight followed by prose does not end the body ("COMMENTS" printed as a
    counter above the article; "Read more" after a teaser in it)."""
    following = next((x for x in lines[index + 1 :] if not x.dropped), None)
    return following is not None and following.prose


def _with_tail(lines: list[_Line], end: int) -> int:
    """Short closing lines of the article ("Gerne. Bis morgen.") after its last long one."""
    taken = 0
    while end < len(lines) and taken < _MAX_TAIL:
        line = lines[end]
        if line.byline or _is_dated(line):
            break  # another article's header
        if line.dropped or line.kind is LineKind.FURNITURE:
            end += 1
            continue
        if not (line.is_text and line.is_sentence and line.words >= 2):
            break
        end += 1
        taken += 1
    while end > 0 and (lines[end - 1].dropped or lines[end - 1].kind is LineKind.FURNITURE):
        end -= 1
    return end


def _paragraphs(lines: Sequence[_Line]) -> list[str]:
    """The body's lines that are article: prose, sentences and sub-headings. A long line
    that is not a sentence is a photo's caption (sub-headings are short)."""
    return [
        _BULLET.sub("", line.text)
        for line in lines
        if line.is_text
        and (
            line.prose
            or line.is_sentence
            or line.words < _CAPTION_WORDS
            or _LABELLED.match(line.text)
            or _QUOTES.search(line.text)  # a heading that quotes, not a photo's caption
        )
        and not _INITIALS.match(line.text)  # a paper's initials under a byline ("F.A.Z.")
    ]


# --- 3. the header ------------------------------------------------------------------------------


def _is_byline(lines: list[_Line], i: int, masthead: str | None) -> bool:
    """ "By Jane Smith", "Von …", "Par …"; a name over a role or a date ("Lucy Hargreaves" /
    "Education Correspondent"); a role alone ("Environment Reporter")."""
    text = lines[i].text
    if _BYLINE.match(text) and lines[i].words <= 16 and not text.endswith("."):
        return True
    if _ROLE.search(text) and lines[i].words <= 8:
        return True
    if not _NAME.match(text) or not 2 <= lines[i].words <= 8:
        return False
    if i and lines[i - 1].text.casefold() in ("by", "von", "par", "by:"):
        return True
    if _DETERMINER.match(text):
        return False
    following = next((x for x in lines[i + 1 :] if x.kind is not LineKind.FURNITURE), None)
    return following is not None and (
        bool(_ROLE.search(following.text))
        or is_bio(following.text)
        or is_date_only(following.text)
        or _is_timestamp(following.text)
        or (masthead is not None and following.text == masthead)
    )


def _is_timestamp(text: str) -> bool:
    """When a story was published or updated, relative or not ("Vor 30 Minuten")."""
    return bool(_TIMESTAMP.search(text)) and any(ch.isdigit() for ch in text)


def _is_dated(line: _Line) -> bool:
    return line.words <= 16 and find_date(line.text) is not None


def _without_bylines(lines: list[_Line], masthead: str | None) -> list[_Line]:
    """Bylines are furniture wherever they stand (some sites print them under the first
    paragraph), and so is an author's bio that opens with the name a byline just gave."""
    out = [
        _dropped(line, byline=True)
        if line.kind is LineKind.TEXT
        and (not line.prose or line.words <= _ROLE_WORDS)
        and _is_byline(lines, i, masthead)
        else line
        for i, line in enumerate(lines)
    ]
    for i in range(1, len(out)):
        name = _BYLINE.sub("", out[i - 1].text).split(",")[0].strip()
        if out[i - 1].byline and out[i].prose and len(name) > 3 and out[i].text.startswith(name):
            out[i] = _dropped(out[i])
    return out


def _skipped_in_header(line: _Line) -> bool:
    """Lines between a headline and its body that are neither: bylines, dates, captions,
    share buttons, counters, labels, tags ("python," "webcast,")."""
    return (
        line.dropped or line.kind is not LineKind.TEXT or _is_dated(line) or line.text.endswith(",")
    )


def _words(text: str) -> int:
    """Words, not counting separators such as "|" or "/"."""
    return sum(1 for word in text.split() if any(ch.isalnum() for ch in word))


def _headline(
    lines: list[_Line], start: int, masthead: str | None
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
        if line.kind is LineKind.LABEL and all(_words(lines[c].text) <= 2 for c in candidates):
            candidates.clear()  # what stood under it were its tags, not a headline
            continue
        if _skipped_in_header(line) or (len(line.text) > _MAX_HEADLINE_CHARS and not line.prose):
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
        adjacent = len(between) <= _STACK_GAP and not any(map(_is_dated, between))
        if not adjacent or _words(lines[i].text) <= _KICKER_WORDS or lines[i].text.endswith("."):
            break  # a kicker ("Markets | Market report") or a line of something else
        stack.append(i)
    repeated = [n for n, i in enumerate(stack) if _printed_again(lines, i)]
    at = next((n for n, i in enumerate(stack) if not _reads_as_standfirst(lines[i])), None)
    at = repeated[0] if len(repeated) == 1 else len(stack) - 1 if at is None else at
    title = stack[at]
    under = stack[:at]
    standfirst = under[0] if len(under) == 1 else None
    return title, standfirst


def _printed_again(lines: list[_Line], index: int) -> bool:
    """The page prints this line's text again elsewhere (in a breadcrumb, a share button,
    a list of stories): pages repeat their headline, not their standfirst."""
    text = lines[index].text.casefold()
    if _words(text) < _KICKER_WORDS:
        return False
    return any(
        j != index and j != index - 1 and j != index + 1 and text in line.text.casefold()
        for j, line in enumerate(lines)
    )


def _reads_as_standfirst(line: _Line) -> bool:
    """Long, or a sentence: a standfirst or a summary bullet rather than a headline."""
    return line.words >= _STANDFIRST_WORDS or (line.text.endswith(".") and line.words >= 6)


def _in_prose_block(lines: list[_Line], i: int) -> bool:
    """A line of prose with another just above it: paragraphs, not a lone standfirst."""
    above = next((x for x in reversed(lines[:i]) if not x.dropped), None)
    return above is not None and above.prose


def _masthead(lines: list[_Line], start: int) -> tuple[str | None, int | None]:
    """The publication's name, and where its tagline may stand (the next line of text).

    The name is among the page's first lines of text, reads as a name (a few words, no
    sentence; a logo's "- Back to home" left off), and is confirmed: the page names itself
    again further down (its footer, a byline, "More from …"), or the page is short enough
    above its article that its first line can be nothing else. An unconfirmed first line of
    a copied web page is too often a menu or a promotion to say as the show's name.
    """
    texts = [i for i in range(start) if lines[i].is_text and not _is_dated(lines[i])]
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


def _named_again(lines: list[_Line], index: int, name: str) -> bool:
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


def _tagline(lines: list[_Line], at: int | None, title_at: int) -> str | None:
    """The masthead's slogan: the line under it, when the date or the headline comes next
    (a menu between them means it is something else)."""
    if at is None or at >= title_at:
        return None
    after = next(
        (i for i in range(at + 1, title_at + 1) if lines[i].kind is not LineKind.FURNITURE),
        title_at,
    )
    line = lines[at]
    if (_is_dated(lines[after]) or after == title_at) and 3 <= line.words <= 12:
        return line.text
    return None


def _date(lines: list[_Line], title_at: int, start: int) -> dt.date | None:
    """The article's date: the one nearest its headline (the byline's, between headline and
    body, first), else the first date at the top of the page."""
    near = [*range(title_at + 1, start), *range(title_at - 1, max(-1, title_at - 8), -1)]
    for i in [*near, *range(title_at)]:
        found = find_date(lines[i].text) if lines[i].words <= 16 else None
        if found is not None:
            return found
    return None


# --- 4. headlines -------------------------------------------------------------------------------


def _headlines(lines: Sequence[_Line], title: str, masthead: str | None) -> list[Headline]:
    """Headlines under a heading that offers other stories, until another kind of heading
    or the footer (its first line is often the site's name again); each once, never the
    article's own, never a date. Where prose stands among the headlines, a paragraph that
    ends as a statement is a story's teaser, not a headline (a question can be one); in a
    list of headlines alone, a long one is still a headline. A two-word line is a kicker or a
    tag unless headlines stand on both sides of it."""
    found: list[Headline] = []
    seen = {_key(title)}
    for block in _related_blocks(lines, masthead):
        block = _within_ranking(block)
        menu = _menu_lines(block)
        listed = [line for n, line in enumerate(block) if n not in menu]
        teasers = sum(line.prose for line in listed) * 3 >= len(listed)
        for n, line in enumerate(block):
            if n in menu:
                continue
            statement = _ENDS_STATEMENT.search(_TRAILING_STAMP.sub("", line.text))
            long = line.prose or line.words >= _TEASER_MIN_WORDS
            under_headline = n > 0 and not line.attached and not block[n - 1].prose
            if statement and long and (teasers or under_headline):
                continue
            if (n and block[n - 1].bylined) or _CUT_SHORT.search(line.text):
                continue  # the teaser under a headline and its byline, or one cut short "…"
            if n and teasers and block[n - 1].prose and _NAME.match(line.text) and line.words <= 6:
                continue  # the teaser's author
            ranked_after = n + 1 < len(block) and _RANK.match(block[n + 1].text)
            if n and ranked_after and not _RANK.match(block[0].text):
                continue  # "Title" / "Programme" / "3": the line over a rank names the section
            if not _is_headline(line, masthead):
                continue
            few = _words(line.text) < _MIN_HEADLINE_WORDS
            if few and not _between_headlines(block, n, masthead):
                continue
            key = _key(line.text)
            if key not in seen:
                seen.add(key)
                found.append(Headline(title=_BULLET.sub("", line.text)))
    return found


def _within_ranking(block: list[_Line]) -> list[_Line]:
    """A numbered list ("1" … "10") ends at its last number (and the item it numbers): the
    site's links that follow are not stories."""
    ranks = [n for n, line in enumerate(block) if _RANK.match(line.text)]
    if len(ranks) < 3:
        return block
    last = ranks[-1] + 1 if _RANK.match(block[0].text) else ranks[-1]
    return block[: last + 1]


def _menu_lines(block: list[_Line]) -> set[int]:
    """Indexes of lines in runs of three or more short ones: a menu, not headlines."""
    short = [_words(line.text) <= _KICKER_WORDS for line in block]
    found: set[int] = set()
    n = 0
    while n < len(block):
        end = n
        while end < len(block) and short[end]:
            end += 1
        if end - n >= 3:
            found.update(range(n, end))
        n = max(end, n + 1)
    return found


def _is_caps_heading(line: _Line) -> bool:
    """A heading set in capitals over a block of another kind ("HARDWARE BUYING GUIDES")."""
    return line.text.isupper() and 2 <= _words(line.text) <= 5 and not line.is_sentence


def _between_headlines(block: list[_Line], n: int, masthead: str | None) -> bool:
    neighbours = [block[n - 1] if n else None, block[n + 1] if n + 1 < len(block) else None]
    return all(
        x is not None
        and not x.prose
        and _words(x.text) >= _MIN_HEADLINE_WORDS
        and _is_headline(x, masthead)
        for x in neighbours
    )


def _related_blocks(lines: Sequence[_Line], masthead: str | None) -> list[list[_Line]]:
    """The text lines under each heading that offers other stories."""
    blocks: list[list[_Line]] = []
    block: list[_Line] | None = None
    for line in lines:
        footer = line.kind is LineKind.END and line.words <= _FOOTER_LINK_WORDS
        if footer or (masthead and _key(line.text) == _key(masthead)):
            break
        if line.kind is LineKind.SECTION:
            block = []
            blocks.append(block)
        elif line.kind is LineKind.LABEL or _is_caps_heading(line):
            block = None
        elif block is not None and line.is_text:
            block.append(line)
        elif block is not None and line.byline and block:
            block[-1] = _Line(**{**block[-1].__dict__, "bylined": True})
    return blocks


def _is_headline(line: _Line, masthead: str | None = None) -> bool:
    """Headline-like: a few words to a long sentence, not a date, a bio or the site
    promoting itself ("WPTL 8 News at 6 p.m.")."""
    return (
        not (masthead and line.text.startswith(masthead))
        and not _NOT_A_HEADLINE.match(line.text)
        and line.is_text
        and line.words >= 2
        and len(line.text) <= _MAX_HEADLINE_CHARS
        and not is_date_only(line.text)
        and not (line.words <= _KICKER_WORDS + 3 and find_date(line.text))  # "News  June 11, 2019"
        and not is_bio(line.text)
        and not (line.is_sentence and line.words > _MAX_HEADLINE_WORDS)
    )


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())
