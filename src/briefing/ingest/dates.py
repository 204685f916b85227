"""Recognise a date line, in the many ways news sites print one."""

from __future__ import annotations

import datetime as dt
import re
import warnings

from dateutil import parser as dateparser

_PREFIX = re.compile(
    r"^\s*(?:published|updated|last\s+updated|posted|first\s+published|date)\s*(?:on|at)?\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_MONTH = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b", re.IGNORECASE
)
_NUMERIC = re.compile(r"\b\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b")
_MAX_WORDS = 9


def parse_date_line(line: str) -> dt.date | None:
    """The date a short line states, or None if the line is not a date line.

    Accepts "Wednesday, Jan 14, 2026", "Tuesday 3 March 2026", "2026-03-03",
    "Published: 14/01/2026 10:30 GMT" and the like. A line must name a year and a month (or be
    numeric) and be short, so a headline that merely mentions a year is not taken for a date.
    """
    text = _PREFIX.sub("", line).strip()
    if not text or len(text) > 60 or len(text.split()) > _MAX_WORDS:
        return None
    if not _YEAR.search(text) or not (_MONTH.search(text) or _NUMERIC.search(text)):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unknown time zones such as "BST" are irrelevant
            parsed = dateparser.parse(text, fuzzy=True, ignoretz=True)
    except (ValueError, OverflowError):
        return None
    return parsed.date()
