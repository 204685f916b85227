"""Recognise a date line, in the many ways news sites print one, in English, German and French."""

from __future__ import annotations

import datetime as dt
import re
import warnings

from dateutil import parser as dateparser

_PREFIX = re.compile(
    r"^\s*(?:[-–—|]\s*)?(?:published|updated|last\s+updated|last\s+modified(?:\s+on)?|posted"
    r"|first\s+published|date|aktualisiert|veröffentlicht|erstellt|stand|publié|mis\s+à\s+jour"
    r"|modifié)\s*(?:on|at|am|le|:)?\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_MONTH = re.compile(
    r"(?<!\w)(?:jan(?:uary|uar)?|jänner|feb(?:ruary|ruar)?|mar(?:ch)?|märz|apr(?:il)?|may|mai"
    r"|jun[ie]?|jul[iy]?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?"
    r"|dec(?:ember)?|dez(?:ember)?|janvier|février|mars|avril|juin|juillet|août|septembre"
    r"|octobre|novembre|décembre)\.?(?!\w)",
    re.IGNORECASE,
)
_NUMERIC = re.compile(r"\b\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b")
_NOISE = re.compile(
    r"\b(?:uhr|um|à|le|am|on|at|by|von|par|gmt|bst|utc|cet|cest|et|est|edt|pt|pdt)\b|[|•·]",
    re.IGNORECASE,
)
_FRENCH_TIME = re.compile(r"\b(\d{1,2})h(\d{2})?\b")
_DOTTED_TIME = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{2})(?![.\d])")
_MAX_WORDS = 14
_MAX_CHARS = 90


class _Words(dateparser.parserinfo):
    """English, German and French month and weekday names for dateutil."""

    MONTHS = [  # noqa: RUF012 - dateutil reads these class attributes
        ("Jan", "January", "Januar", "Jänner", "janvier"),
        ("Feb", "February", "Februar", "février", "fevrier"),
        ("Mar", "March", "März", "Maerz", "mars"),
        ("Apr", "April", "avril"),
        ("May", "Mai"),
        ("Jun", "June", "Juni", "juin"),
        ("Jul", "July", "Juli", "juillet"),
        ("Aug", "August", "août", "aout"),
        ("Sep", "Sept", "September", "septembre"),
        ("Oct", "October", "Okt", "Oktober", "octobre"),
        ("Nov", "November", "novembre"),
        ("Dec", "December", "Dez", "Dezember", "décembre", "decembre"),
    ]
    WEEKDAYS = [  # noqa: RUF012
        ("Mon", "Monday", "Montag", "lundi"),
        ("Tue", "Tuesday", "Tues", "Dienstag", "mardi"),
        ("Wed", "Wednesday", "Mittwoch", "mercredi"),
        ("Thu", "Thursday", "Thurs", "Donnerstag", "jeudi"),
        ("Fri", "Friday", "Freitag", "vendredi"),
        ("Sat", "Saturday", "Samstag", "Sonnabend", "samedi"),
        ("Sun", "Sunday", "Sonntag", "dimanche"),
    ]


_INFO = _Words(dayfirst=True)
_COUNTER = re.compile(
    r"\s+\d+\s+(?:kommentare?|comments?|commentaires?|ergänzungen|beiträge)\s*$", re.IGNORECASE
)


def parse_date_line(line: str) -> dt.date | None:
    """The date a short line states, or None if the line is not a date line.

    Accepts "Wednesday, Jan 14, 2026", "Tuesday 3 March 2026", "2026-03-03",
    "Published: 14/01/2026 10:30 GMT", "14.01.2026, 10:30 Uhr", "Publié le 14 janvier 2026 à
    10h30" and the like. A line must name a year and a month (or be numeric) and be short, so
    a headline that merely mentions a year is not taken for a date.
    """
    text = _PREFIX.sub("", line).strip()
    if not text or len(text) > _MAX_CHARS or len(text.split()) > _MAX_WORDS:
        return None
    if not _YEAR.search(text) or not (_MONTH.search(text) or _NUMERIC.search(text)):
        return None
    text = _FRENCH_TIME.sub(lambda m: f"{m.group(1)}:{m.group(2) or '00'}", text)
    text = _DOTTED_TIME.sub(r"\1:\2", text)  # "06.58 GMT": a time, not a date
    text = " ".join(_NOISE.sub(" ", text).split())
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unknown time zones such as "BST" are irrelevant
            parsed = dateparser.parse(text, parserinfo=_INFO, fuzzy=True, ignoretz=True)
    except (ValueError, OverflowError):
        return None
    return parsed.date()


def find_date(line: str) -> dt.date | None:
    """The date a line states, even inside a byline ("Posted on 12 February 2026 by …") or
    a publication line with two dates ("PUBLISHED: 10:31 GMT, 3 March 2026 | UPDATED: …"):
    the first date found."""
    line = _COUNTER.sub("", line)
    parts = re.split(r"\s*[|•]\s*|\s+[-–]\s+|\s+(?:by|von|par)\s+", line, flags=re.IGNORECASE)
    for part in parts:
        found = parse_date_line(part)
        if found is not None:
            return found
    return None


_DATE_WORDS = re.compile(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)"
    r"[a-zäéû]*\.?|\b(?:januar|februar|märz|mai|juni|juli|oktober|dezember|montag|dienstag"
    r"|mittwoch|donnerstag|freitag|samstag|sonntag|janvier|février|mars|avril|juin|juillet|août"
    r"|septembre|octobre|novembre|décembre|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|am|pm|gmt|bst|utc|et|edt|est|cet|uhr|um|à|le|on|at|published|updated"
    r"|posted|first|last|modified|veröffentlicht|aktualisiert|publié|mis à jour|st|nd|rd|th)\b"
    r"|\b[ap]\.m\.|[\d:.,/|•·()-]+"
)


def is_date_only(line: str) -> bool:
    """A line that is a date and nothing else ("August 21, 2019", "Tue 3 Mar 2026 06.58
    GMT", "Published: 14 January 2026"), not a headline that holds one ("Best fixed deals
    for March 2026", "Science and Technology links (December 14th 2019)")."""
    if find_date(line) is None:
        return False
    rest = _DATE_WORDS.sub(" ", line)
    return sum(1 for word in rest.split() if any(ch.isalpha() for ch in word)) <= 1
