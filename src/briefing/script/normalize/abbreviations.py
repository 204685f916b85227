"""Titles and ranks before a name (Mr, Prof, Lt Col, Det Insp), Saint and Street, Jr and
Sr, e.g., i.e., etc., vs, approx., c., &; dotted acronyms (U.S.) stay as written."""

from __future__ import annotations

import re

from briefing.script.normalize.scanner import Rule, keep_stop
from briefing.script.normalize.words import NUMBER_WORDS

TITLES = {
    "Mr": "Mister",
    "Mrs": "Missus",
    "Ms": "Miz",
    "Dr": "Doctor",
    "Prof": "Professor",
    "Gen": "General",
    "Lt Gen": "Lieutenant General",
    "Maj Gen": "Major General",
    "Brig Gen": "Brigadier General",
    "Brig": "Brigadier",
    "Col": "Colonel",
    "Lt Col": "Lieutenant Colonel",
    "Maj": "Major",
    "Capt": "Captain",
    "Lt": "Lieutenant",
    "Sgt": "Sergeant",
    "Staff Sgt": "Staff Sergeant",
    "Cpl": "Corporal",
    "L/Cpl": "Lance Corporal",
    "Lance Cpl": "Lance Corporal",
    "Pte": "Private",
    "Adm": "Admiral",
    "Rear Adm": "Rear Admiral",
    "Vice Adm": "Vice Admiral",
    "Cdr": "Commander",
    "Cmdr": "Commander",
    "Det": "Detective",
    "Det Insp": "Detective Inspector",
    "Det Ch Insp": "Detective Chief Inspector",
    "Det Chief Insp": "Detective Chief Inspector",
    "Det Sgt": "Detective Sergeant",
    "Det Con": "Detective Constable",
    "Det Supt": "Detective Superintendent",
    "Det Ch Supt": "Detective Chief Superintendent",
    "Det Chief Supt": "Detective Chief Superintendent",
    "Insp": "Inspector",
    "Ch Insp": "Chief Inspector",
    "Chief Insp": "Chief Inspector",
    "Supt": "Superintendent",
    "Ch Supt": "Chief Superintendent",
    "Chief Supt": "Chief Superintendent",
    "Ch Con": "Chief Constable",
    "Rev": "Reverend",
    "Revd": "Reverend",
    "Fr": "Father",
    "Sen": "Senator",
    "Rep": "Representative",
    "Gov": "Governor",
    "Cllr": "Councillor",
    "Rt Hon": "Right Honourable",
}
"""Titles and ranks said in full before a name; PC, DC and DCI stay as letters."""

_SPOKEN_WORDS = {w.lower() for spoken in TITLES.values() for w in spoken.split()}
TITLE_ABBREVIATIONS = frozenset(
    w.lower() for title in TITLES for w in title.split() if w.lower() not in _SPOKEN_WORDS
)
"""The shortened words of titles ("lt", "col", "det", "insp"): their full stop does not end
a sentence ("Lt Col. Smith"), for the sentence splitter."""


def _title_pattern() -> str:
    parts = []
    for title in sorted(TITLES, key=len, reverse=True):
        words = [re.escape(w) for w in title.split()]
        parts.append(r"\.?[ -]".join(words))
    return (
        r"\b(?P<t>" + "|".join(parts) + r")(?:\.(?!\.))?(?=\s+(?:[A-Z][a-z]|[A-Z]\.|[A-Z]'|Mc|Mac))"
    )


def _title(match: re.Match[str]) -> str:
    written = re.sub(r"\.?[ -]", " ", match["t"])
    return TITLES[written]


def _street(match: re.Match[str]) -> str | None:
    """ "Downing St" → "Downing Street": St after a capitalised word and before no name."""
    before = match.string[: match.start()].split()
    if not before or not re.fullmatch(r"[A-Z][a-z]+\.?", before[-1]):
        return None
    if before[-1].rstrip(".").lower() in NUMBER_WORDS:
        return None
    return keep_stop("Street", match)


_FOLLOWED = r"(?=[\s,;:)\]\"']|$)"

IRISH_COUNTIES = (
    "Antrim Armagh Carlow Cavan Clare Cork Derry Donegal Down Dublin Fermanagh Galway Kerry "
    "Kildare Kilkenny Laois Leitrim Limerick Londonderry Longford Louth Mayo Meath Monaghan "
    "Offaly Roscommon Sligo Tipperary Tyrone Waterford Westmeath Wexford Wicklow"
).split()
"""After which "Co" or "Co." is "County" ("Co. Derry"); elsewhere it may be a company."""

RULES = (
    Rule("title", _title_pattern(), _title),
    Rule("street", r"(?<=\S )St\b(?:\.(?!\.))?(?!\s+[A-Z])", _street),
    Rule("saint", r"\bSt\b(?:\.(?!\.))?(?=\s+[A-Z])", lambda m: "Saint"),
    Rule(
        "junior",
        r"(?:(?<=[A-Za-z] )|(?<=[A-Za-z], ))(?P<w>Jr|Sr)\b(?:\.(?!\.))?",
        lambda m: keep_stop("Junior" if m["w"] == "Jr" else "Senior", m),
    ),
    Rule("for example", r"(?<![\w./])(?:e\.g\.|eg(?=,))" + _FOLLOWED, lambda m: "for example"),
    Rule("that is", r"(?<![\w./])(?:i\.e\.|ie(?=,))" + _FOLLOWED, lambda m: "that is"),
    Rule("et cetera", r"(?<![\w.])etc\." + _FOLLOWED, lambda m: keep_stop("et cetera", m)),
    Rule("versus", r"\b(?:vs\b\.?|(?<=[A-Za-z] )v\.?(?= [A-Z]))(?=\s)", lambda m: "versus"),
    Rule("county", r"\bCo\b\.?(?= (?:" + "|".join(IRISH_COUNTIES) + r")\b)", lambda m: "County"),
    Rule("approximately", r"\bapprox\b(?:\.(?!\.))?(?=\s)", lambda m: "approximately"),
    Rule("circa", r"\b(?:c|ca)\.\s?(?=\d)", lambda m: "circa "),
    Rule(
        "and",
        r"(?<=[\w)])&(?=\w)|(?<=\s)&(?=\s)",
        lambda m: "and" if m.string[m.start() - 1] == " " else " and ",
    ),
    Rule("plus", r"(?<=\s)\+(?=\s)", lambda m: "plus"),
    Rule("copyright", r"©\s?", lambda m: "copyright "),
    Rule("and or", r"\band/or\b", lambda m: "and or"),
    Rule(
        "or",
        r"\b(?P<a>(?i:he|she|his|her|him|hers|they))/(?P<b>he|she|his|her|him|hers|they)\b",
        lambda m: f"{m['a']} or {m['b']}",
    ),
    Rule(
        "per",
        r"(?<![\w/.])(?P<u>km|m)/(?P<t>h|s)\b(?!/)",
        lambda m: (
            ("kilometres" if m["u"] == "km" else "metres")
            + (" per hour" if m["t"] == "h" else " per second")
        ),
    ),
)
