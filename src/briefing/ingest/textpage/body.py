"""Where a text page's article body runs, and which of its lines are the article."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.ingest.furniture import LineKind
from briefing.ingest.textpage.lines import BULLET, Line, is_dated

_MAX_GAP = 6
"""Non-prose lines (sub-headings, captions) a body may hold between two paragraphs."""
_PARAGRAPHS_BEFORE_BYLINE = 3
"""A byline or date after this many paragraphs starts another article."""
_OPENING_PARAGRAPHS = 2
"""A byline after at most this many paragraphs of prose ends the page's header."""
_COMMENTS = re.compile(
    r"\b(?:comments?|kommentar\w*|commentaires?|ergänzungen|thoughts? on|reactions|leave a reply"
    r"|über den autor|comentarios?|commenti|comentários?|reacties|reageer|komentarz\w*)\b",
    re.IGNORECASE,
)
_CAPTION_WORDS = 12
_LABELLED = re.compile(r"^[^:]{1,30}:\s")
"""A label and its value ("Truth: 45% of NFL fans…", "Q3 revenue: £6.41bn"), not a caption."""
_NAME = r"(?P<name>[A-ZÀ-ÞĄĆĘŁŃŚŹŻ][\w'’-]+(?: [A-ZÀ-ÞĄĆĘŁŃŚŹŻ][\w'’-]+){1,3}): "
_NAME_LABEL = re.compile(_NAME)
_PORTRAIT = re.compile(_NAME + r"(?P<role>[^:?!\"“”]{3,100}?)\.?$")
"""A portrait's caption: a person's name and who they are ("Facundo Pieres: Professional
Argentine polo player.")."""
_SAYS = frozenset(
    "i we you he she it they this that is are was were be been will would can could has have "
    "had do does did must should may might not ich wir sie er es ist sind war hat haben wird "
    "nicht je nous vous il elle est sont était a ont sera pas es son fue era ha han será no yo "
    "è sono ha hanno sarà non io noi é são foi tem têm não eu nós zijn heeft hebben wordt niet "
    "ik wij jest są był była ma mają będzie nie".split()
)
"""Words that make a name's line a quote or a speaker's turn ("Smith: We will win.")."""
_TURNS = 3
"""Lines giving a speaker's name and their words that make a page a transcript, where a name
and a short phrase is a turn too ("Korinna Hennig: Aus China.")."""
_QUOTES = re.compile(r"[«»„“”]")
_LEAD_IN = re.compile(r"\w{2,}:$")
"""A line that leads into a quote, a post or a list ("…welcomed the vote on social
media:"): captions do not end so."""
_INITIALS = re.compile(r"^(?:[A-ZÄÖÜ]\.){2,}$|^[A-ZÄÖÜ]{2,5}\.$")
_MAX_TAIL = 3
"""Short lines of sentences after the last paragraph of prose that still belong to it."""
_FULL_NAME = re.compile(r"^(?P<given>[A-Z][a-z]+) (?P<surname>[A-Z][\w’'-]+) (?=[a-z])")
"""A line that opens with someone's given name and surname and goes on in lower case:
"Tahir Della helped organize Berlin's new initiative". Captions name people in full;
headlines and sub-headings call them by surname ("Della: the street names must go")."""
_NOT_GIVEN_NAMES = frozenset(
    "the a an this that these those our their his her its my your new old how why what when "
    "where who after before as at in on for from with by der die das ein eine le la les un une "
    "des el los las una il lo gli uno os um uma het een".split()
)
_GALLERY_SLIDES = 3
"""Times a gallery's title repeats, each over a slide's title and caption."""
_SLIDE_LINES = 5
"""Lines from one slide's repeated title to the next: the title, the slide's own title, a
caption, a credit, a "read on" link."""
"""Short lines of sentences after the last paragraph of prose that still belong to it."""


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


def body_span(lines: list[Line]) -> tuple[int, int] | None:
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
        if opens_article(lines, i) and run.paragraphs >= _PARAGRAPHS_BEFORE_BYLINE:
            runs.append(run)  # the next article of a page that scrolls on
            run, gap = None, 0
            continue
        if line.kind is LineKind.FURNITURE or (line.dropped and not is_dated(line)):
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


def opens_article(lines: list[Line], index: int) -> bool:
    """A byline with its date: the header of an article."""
    return lines[index].byline and any(is_dated(x) for x in lines[index + 1 : index + 3])


def _opens_comments(line: Line) -> bool:
    """A heading over this page's reader comments (not a sidebar's "Recent Comments")."""
    return (
        line.kind in (LineKind.END, LineKind.LABEL)
        and bool(_COMMENTS.search(line.text))
        and not line.text.casefold().startswith("recent")
    )


def after_opening_byline(lines: list[Line], start: int, end: int) -> int:
    """Where the body starts when a byline and its date, or a date line, stand among its
    first lines: after them. What came before is the headline's part of the page (a
    standfirst, a site's blurb about its articles), and is read as the headline's, or not
    at all."""
    prose_seen = 0
    for i in range(start, end):
        bylined = lines[i].byline and any(is_dated(x) for x in lines[i : i + 3])
        if bylined or (is_dated(lines[i]) and not lines[i].prose and lines[i].words <= 12):
            return next((j for j in range(i + 1, end) if lines[j].prose), start)
        prose_seen += lines[i].prose
        if prose_seen > _OPENING_PARAGRAPHS:
            break
    return start


def _prose_follows(lines: list[Line], index: int) -> bool:
    """A heading straight followed by prose does not end the body ("COMMENTS" printed as a
    counter above the article; "Read more" after a teaser in it)."""
    following = next((x for x in lines[index + 1 :] if not x.dropped), None)
    return following is not None and following.prose


def _with_tail(lines: list[Line], end: int) -> int:
    """Short closing lines of the article ("Gerne. Bis morgen.") after its last long one."""
    taken = 0
    while end < len(lines) and taken < _MAX_TAIL:
        line = lines[end]
        if line.byline or is_dated(line):
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


def paragraphs(lines: Sequence[Line]) -> list[str]:
    """The body's lines that are article: prose, sentences and sub-headings. A long line
    that is not a sentence is a photo's caption (sub-headings are short), and so is a
    name and a role, unless the page is a transcript, and a line that names someone in
    full and says what they do. A picture gallery set in the body is left out."""
    lines = _without_gallery(lines)
    transcript = sum(_is_turn(line.text) for line in lines) >= _TURNS
    return [
        BULLET.sub("", line.text)
        for i, line in enumerate(lines)
        if line.is_text
        and (
            line.prose
            or line.is_sentence
            or line.words < _CAPTION_WORDS
            or _LABELLED.match(line.text)
            or _QUOTES.search(line.text)  # a heading that quotes, not a photo's caption
            or _LEAD_IN.search(line.text)
        )
        and not _INITIALS.match(line.text)  # a paper's initials under a byline ("F.A.Z.")
        and not (not transcript and _is_portrait(line.text))
        and not _is_named_caption(lines, i)
    ]


def _without_gallery(lines: Sequence[Line]) -> Sequence[Line]:
    """The body without a picture gallery or a row of story cards copied into it: a title
    or kicker repeated over every slide or card, each time straight followed by the slide's
    or card's own title, then its caption or teaser. Everything from the first repeat to
    the last one's caption goes."""
    gone: set[int] = set()
    for text in {line.text for line in lines if not line.is_sentence}:
        repeats = [
            i
            for i in range(len(lines) - 1)
            if lines[i].text == text and lines[i + 1].attached and i not in gone
        ]
        for run in _runs(repeats):
            last = run[-1] + 2  # past the last slide's title
            end = next((j + 1 for j in range(last, len(lines)) if lines[j].prose), last)
            gone.update(range(run[0], end))
    return [line for i, line in enumerate(lines) if i not in gone]


def _runs(indexes: list[int]) -> list[list[int]]:
    """Runs of at least `_GALLERY_SLIDES` indexes, each at most `_SLIDE_LINES` after the
    one before: slides one after another, not a kicker that comes back pages later."""
    runs: list[list[int]] = []
    for i in indexes:
        if runs and i - runs[-1][-1] <= _SLIDE_LINES:
            runs[-1].append(i)
        else:
            runs.append([i])
    return [run for run in runs if len(run) >= _GALLERY_SLIDES]


def _is_named_caption(lines: Sequence[Line], index: int) -> bool:
    """A short line between paragraphs, not a sentence, that opens with someone's given
    name and surname, when the article names them so too and then by surname alone
    ("ISD spokesman Tahir Della told DW", "said Della"): a photo's caption. A company
    ("Network Rail closes…") is not called by half its name."""
    line = lines[index]
    match = _FULL_NAME.match(line.text)
    if (
        match is None
        or line.is_sentence
        or line.words >= _CAPTION_WORDS
        or match["given"].lower() in _NOT_GIVEN_NAMES
        or not 0 < index < len(lines) - 1
    ):
        return False
    given, surname = match["given"], re.escape(match["surname"])
    prose = [x.text for x in lines if x is not line and x.prose]
    in_full = re.compile(rf"\b{given} {surname}\b")
    alone = re.compile(rf"(?<!\b{given} )\b{surname}\b")
    return any(in_full.search(x) for x in prose) and any(alone.search(x) for x in prose)


def _is_portrait(text: str) -> bool:
    """ "Malcolm Borwick: World Polo Ambassador for Royal Salute.": a name and who they are,
    no verb or pronoun that would make it a quote ("Smith: We will win.")."""
    match = _PORTRAIT.match(text)
    if match is None:
        return False
    role = match["role"].lower().split()
    return len(role) <= 12 and not _SAYS & set(role)


def _is_turn(text: str) -> bool:
    """A speaker's name and what they said: "Christian Drosten: Na ja, es ist einfach…"."""
    return _NAME_LABEL.match(text) is not None and not _is_portrait(text)
