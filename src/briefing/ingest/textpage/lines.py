"""A text page's lines: cleaned, joined where a paragraph or heading was broken, tables read,
and each one's kind (`furniture.py`), prose class (`prose.py`) and whether it is furniture
wherever it stands (a caption, a call to action, a menu, code)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.ingest import prose
from briefing.ingest.cleanup import CREDIT_LABEL, is_boilerplate
from briefing.ingest.dates import find_date
from briefing.ingest.furniture import LineKind, classify

_CAPITALISED = r"[A-ZÀ-ÞĄĆĘŁŃŚŹŻ][\w'’.-]*"
_PARTICLE = r"(?:van(?: de| der| den| het)?|von(?: der)?|de(?: la| los)?|del|della|da|dos?|ter|ten)"
_NAME = rf"{_CAPITALISED}(?:\s+(?:{_PARTICLE}\s+)?{_CAPITALISED}){{0,3}}"
NAMES = rf"{_NAME}(?:\s*(?:,|and|und|et|&|y|e|en|i|oraz)\s+{_NAME})*"
"""One or more people's names: up to four capitalised words each, with the particles between
them ("Marloes van den Heuvel", "Maria do Carmo Pires", "Lucía Martínez y Pablo Gil")."""
BYLINE = re.compile(
    r"^(?:by:?|von|par|text:?|texte ?:|words|words by|written by:?|reporting by|author:?"
    r"|posted(?: on .*)?"
    r" by|analyse von|eine analyse von|ein kommentar von|match report by|report by"
    r"|textos? de|texto y fotos? de|texto e fotos? de|fotografía de|fotografia de|testo di"
    r"|testo e foto di|tekst(?: en foto)?:|oprac\.|opracowanie:|auteur:)\s+\S"
    r"|^(?:de nuestro|dal nostro|door onze) (?:enviad[oa] especial|corresponsal|inviat[oa]"
    r"|corrispondente|verslaggever|correspondent)"
    rf"|^(?-i:[Pp]or|de|di|[Dd]oor)\s+(?=(?-i:{NAMES})(?:\s*[|,/·–-].*)?$)"
    r"|\bautor(?:/in|in|a|ka|e)?:\s*\S",
    re.IGNORECASE,
)
"""A byline's opening: "By …", "Von …", "Par …", "Por …", "di …", "Door …", "Autor: …".
"Por", "de", "di" and "Door" are everyday words too ("Door storm…", "De Telegraaf", "Di Maio…"):
they open a byline only when a name follows, and "de" and "di" only in lower case."""
MAX_HEADLINE_CHARS = 300


_TWEET_PICTURE = re.compile(r"\s*\bpic\.twitter\.com/\w+")
_SOCIAL_HANDLE = re.compile(
    r"\s+(?:twitter|instagram|facebook|x|threads|tiktok|bluesky)\s*:\s*@[\w.]+$", re.IGNORECASE
)
"""A profile's handle run onto the end of a paragraph ("… Check it out!  Twitter: @x")."""
_MORE_LINK = re.compile(
    r"(?<=[.!?…])\s+(?:mehr|more|weiterlesen|lire la suite|read more|leer más|seguir leyendo"
    r"|continua a leggere|ler mais|continuar a ler|lees verder|lees meer|czytaj dalej|więcej)$",
    re.IGNORECASE,
)
"""A teaser's "more" link run onto its last sentence ("… Antworten auf viele Fragen. mehr")."""
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
TERMINAL = re.compile(r"[.!?…][\"'”’»“‘«)\]]*$")
BULLET = re.compile(r"^\s*[-*•·▪–►▼]\s+")
"""A list's bullet (a numbered item keeps its number: a ranking is part of what is said)."""
_MENU = re.compile(
    r"^(?:[^/|•·»›>:\s]+(?: [^/|•·»›>:\s]+){0,2}\s*[/|•·»›>]\s*){2,}"
    r"[^/|•·»›>:\s]+(?: [^/|•·»›>:\s]+){0,2}$"
)
TRAILING_STAMP = re.compile(r"\s*\((?=[^()]*\d)[^()]{1,24}\)$")
"""A date or time after a teaser's last sentence: "… commemorates the petition. (25.07.2019)"."""
_CODE = re.compile(
    r"^(?:from [\w.]+ import\b|import [\w.]+$|def \w+\(|class \w+[(:]|@\w+|\.\.\.$"
    r"|[\w.]+\s*=\s*\S+$|[\w.]+\(.*\)\)*:?$|\"\"\"|\$ |>>> |[})\]];?$)"
)
_CODE_SYMBOLS = frozenset("()[]{}=_;<>\\/*+$#@")
_LOWER_WORD = re.compile(r"[a-zäöüßéèàçâêîôûñáíóúìòùãõąćęłńśźż]+\s")
_CELL_GAP = re.compile(r"\s{2,}")
_FURNITURE_WORDS = re.compile(
    r"^(?:kommentare lesen(?: \(\d+\))?|zur startseite|\d+ beiträge|druckansicht|vorlesen)$",
    re.IGNORECASE,
)
_CAPTION_LABEL = re.compile(
    r"^(?:image caption|caption|bildunterschrift|légende|pie de foto|didascalia|legenda|bijschrift"
    r"|podpis)\s*[,:]?$",
    re.IGNORECASE,
)
_WRAP_MIN_CHARS = 40
_WRAP_MAX_CHARS = 100
_LONG_PROSE_WORDS = 40
"""A line this long and as rich in stopwords as prose is prose even without a full stop."""
KICKER_WORDS = 3


def clean_line(line: str) -> str:
    """A line with Unicode normalised (NFC), invisible characters removed, spaces collapsed."""
    line = unicodedata.normalize("NFC", line).translate(_INVISIBLE)
    line = _MORE_LINK.sub("", _SOCIAL_HANDLE.sub("", _TWEET_PICTURE.sub("", line)))
    return " ".join(line.split())


@dataclass(frozen=True)
class Line:
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
        return bool(TERMINAL.search(TRAILING_STAMP.sub("", self.text)))

    @property
    def is_text(self) -> bool:
        return self.kind is LineKind.TEXT and not self.dropped


def read_lines(text: str) -> list[Line]:
    joined = _joined(text)
    texts = [t for t, _ in joined]
    classes = prose.classes(texts)
    lines: list[Line] = []
    for (text, attached), found in zip(joined, classes, strict=True):
        kind = classify(text)
        sentence = bool(TERMINAL.search(TRAILING_STAMP.sub("", text)))
        reads = (found in (prose.GOOD, prose.NEAR_GOOD) and sentence) or (
            found == prose.GOOD and len(text.split()) >= _LONG_PROSE_WORDS
        )
        dropped = kind is LineKind.TEXT and (
            is_boilerplate(text) or bool(_MENU.match(text)) or _is_code(text)
        )
        if lines and _CAPTION_LABEL.match(lines[-1].text):
            dropped = True  # the caption under an "Image caption," label
        if attached and lines and CREDIT_LABEL.match(text) and not lines[-1].dropped:
            lines[-1] = as_dropped(lines[-1])  # a caption, and its credit on the next line
        lines.append(Line(text, kind, reads, dropped, attached=attached))
    return lines


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
        and not TERMINAL.search(previous)
        and not previous.endswith((",", ":", ";"))
        and classify(previous) is LineKind.TEXT
        and not is_boilerplate(previous)
        and not BYLINE.match(line)
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
    return len(visible) >= 8 and symbols >= 0.12 * len(visible) and not TERMINAL.search(text)


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
        and not all(TERMINAL.search(line) for line in body)
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


def as_dropped(line: Line, byline: bool = False) -> Line:
    return Line(line.text, LineKind.TEXT, False, True, byline, line.attached)


def is_dated(line: Line) -> bool:
    return line.words <= 16 and find_date(line.text) is not None


def words(text: str) -> int:
    """Words, not counting separators such as "|" or "/"."""
    return sum(1 for word in text.split() if any(ch.isalnum() for ch in word))
