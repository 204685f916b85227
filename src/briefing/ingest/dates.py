"""Recognise a date line, in the many ways news sites print one: in English, German and French
as dateutil reads them, and in Spanish, Italian, Portuguese, Dutch and Polish, whose months are
put into English first."""

from __future__ import annotations

import datetime as dt
import re
import warnings

from dateutil import parser as dateparser

_LABELS = (
    r"published|updated|last\s+updated|last\s+modified(?:\s+on)?|posted|first\s+published|date"
    r"|aktualisiert|veröffentlicht|erstellt|stand|publié|mis\s+à\s+jour|modifié"
    # Spanish, Italian, Portuguese, Dutch, Polish
    r"|publicado|actualizado|última\s+actualización|fecha|pubblicato|aggiornato"
    r"|ultimo\s+aggiornamento|modificato|atualizado|última\s+atualização|gepubliceerd"
    r"|bijgewerkt|laatst\s+bijgewerkt|laatste\s+update|geplaatst|opublikowano|aktualizacja"
    r"|zaktualizowano|data\s+publikacji|dodano"
)
_PREFIX = re.compile(
    rf"^\s*(?:[-–—|]\s*)?(?:{_LABELS})\s*(?:on|at|am|le|el|il|a|em|op|dnia|:)?\s*[:\-–—]?\s*",
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
_MONTHS_ELSEWHERE = (
    "enero gennaio janeiro januari stycznia styczeń ene gen sty",
    "febrero febbraio fevereiro februari lutego luty fev lut",
    "marzo março maart marca marzec mrt",
    "abril aprile kwietnia kwiecień abr kwi",
    "mayo maggio maio mei maja maj mag",
    "junio giugno junho czerwca czerwiec giu cze",
    "julio luglio julho lipca lipiec lug lip",
    "agosto augustus sierpnia sierpień ago sie",
    "septiembre setiembre settembre setembro września wrzesień set wrz",
    "octubre ottobre outubro oktober października październik ott out paź",
    "noviembre novembro listopada listopad lis",
    "diciembre dicembre dezembro grudnia grudzień dic gru",
)
"""Months in Spanish, Italian, Portuguese, Dutch and Polish (Polish's "of" form, "14
stycznia", first), with their short forms."""
_ENGLISH_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_TO_ENGLISH = {
    name: english
    for names, english in zip(_MONTHS_ELSEWHERE, _ENGLISH_MONTHS, strict=True)
    for name in names.split()
}
_DAY_MONTH_YEAR = re.compile(
    r"(?<![\w.])(?P<day>\d{1,2})(?:\.?º|°|\.)?\s*(?:de\s+|di\s+)?"
    rf"(?P<month>{'|'.join(sorted(_TO_ENGLISH, key=len, reverse=True))})\.?,?\s*"
    r"(?:de\s+|del\s+)?(?P<year>(?:19|20)\d{2})(?!\d)(?:\s*r\.)?",
    re.IGNORECASE,
)
"""A date as these languages write it: "14 de enero de 2026", "14 gennaio 2026", "10 out.
2025", "14 stycznia 2026 r.". Only between a day and a year is a short month a month: "set",
"ago" and "sie" are words too."""
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
    r"\s+\d+\s+(?:kommentare?|comments?|commentaires?|ergänzungen|beiträge|comentarios?|commenti"
    r"|comentários?|reacties|komentarz\w*)\s*$",
    re.IGNORECASE,
)


def parse_date_line(line: str) -> dt.date | None:
    """The date a short line states, or None if the line is not a date line.

    Accepts "Wednesday, Jan 14, 2026", "Tuesday 3 March 2026", "2026-03-03",
    "Published: 14/01/2026 10:30 GMT", "14.01.2026, 10:30 Uhr", "Publié le 14 janvier 2026 à
    10h30" and the like. A line must name a year and a month (or be numeric) and be short, so
    a headline that merely mentions a year is not taken for a date.
    """
    text = _DAY_MONTH_YEAR.sub(_in_english, _PREFIX.sub("", line)).strip()
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


def _in_english(date: re.Match[str]) -> str:
    return f"{date['day']} {_TO_ENGLISH[date['month'].lower()]} {date['year']}"


def find_date(line: str) -> dt.date | None:
    """The date a line states, even inside a byline ("Posted on 12 February 2026 by …") or
    a publication line with two dates ("PUBLISHED: 10:31 GMT, 3 March 2026 | UPDATED: …"):
    the first date found."""
    line = _COUNTER.sub("", line)
    parts = re.split(
        r"\s*[|•]\s*|\s+[-–]\s+|\s+(?:by|von|par|por|door)\s+", line, flags=re.IGNORECASE
    )
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
    rf"|(?<!\w)(?:{_LABELS}"
    r"|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì"
    r"|venerdì|sabato|domenica|segunda|terça|quarta|quinta|sexta|feira|maandag|dinsdag|woensdag"
    r"|donderdag|vrijdag|zaterdag|zondag|poniedziałek|wtorek|środa|czwartek|piątek|sobota|niedziela"
    r"|de|del|di|el|il|las|às|alle|ore|em|op|om|uur|godz|r|dnia|h)(?!\w)\.?"
    r"|\b[ap]\.m\.|\b\d{1,2}h(?:\d{2})?\b|[\d:.,/|•·()-]+"
)


def is_date_only(line: str) -> bool:
    """A line that is a date and nothing else ("August 21, 2019", "Tue 3 Mar 2026 06.58
    GMT", "Published: 14 January 2026"), not a headline that holds one ("Best fixed deals
    for March 2026", "Science and Technology links (December 14th 2019)")."""
    if find_date(line) is None:
        return False
    rest = _DATE_WORDS.sub(" ", _DAY_MONTH_YEAR.sub(_in_english, line))
    return sum(1 for word in rest.split() if any(ch.isalpha() for ch in word)) <= 1
