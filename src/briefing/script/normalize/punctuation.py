"""Characters and pauses: unicode clean-up before the rules, dashes and brackets made into
the commas a reader pauses at after them.

Only brackets and dashes become commas; the commas, stops, colons and question marks the
writer put in are never added to, moved or dropped.
"""

from __future__ import annotations

import re
import unicodedata

from briefing.script.normalize.scanner import Rule

_TRANSLATE = {
    **dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u3000"), " "),
    **dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None),
    **dict.fromkeys(map(ord, "“”„‟«»″"), '"'),
    **dict.fromkeys(map(ord, "‘’‚‛′"), "'"),
    ord("…"): "...",
    ord("‐"): "-",
    ord("‑"): "-",
    ord("−"): "-",
    ord("\t"): " ",
}
_PAUSE = "\ue000"  # a private-use character: where a pause comma may go


_ZERO_WIDTH_SPACE = re.compile(
    r"(?<=[^\w\s([{\"'])\u200b(?=[^\s.,;:!?)\]}\"'])"
    r"|(?<=\S)(?<![([{\"'])\u200b(?=[^\w\s.,;:!?)\]}\"'])"
)
"""A zero-width space (U+200B) between a word and a sign ("km/h", U+200B, "£1.2bn": a speed,
then a sum) breaks two tokens: a space. Inside a word or a number, or beside a bracket, a quote or a
stop, it only let a line wrap, and goes with the other invisible characters."""
_SPACE_BEFORE_MARK = re.compile(r"(?<=\S) +(?=[,;:!?](?:\s|$))")
_FOOTNOTE_MARK = re.compile(r"(?<=[^\W_]|[.!?,;:\"')])[*†‡]+(?=\s|$)|^[*†‡]+\s+")
"""A footnote's mark, after a word or a stop ("restored.* This") or opening the footnote
itself: not said, and never in the way of a sentence's end."""


def clean_unicode(text: str) -> str:
    """NFC (accents kept), straight quotes, plain spaces, no invisible characters, no
    footnote marks, and no space before a comma or other clause mark (a typo: "on Sunday ,
    January 30")."""
    if not text.isascii():
        if "\u200b" in text:
            text = _ZERO_WIDTH_SPACE.sub(" ", text)
        text = unicodedata.normalize("NFC", text).translate(_TRANSLATE)
    text = text.replace("\t", " ")
    if "*" in text or "†" in text or "‡" in text:
        text = _FOOTNOTE_MARK.sub("", text)
    return _SPACE_BEFORE_MARK.sub("", text) if " " in text else text


_DASH_PAUSE = re.compile(r"—+|(?<!\S)[-–]+(?!\S)|(?<=[^\W\d_])–+(?=[^\W\d_])")
_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_SPACED_SPAN = re.compile(
    r"(?<![\d,.])(?P<a>"
    + _NUMBER
    + r")(?P<th>st|nd|rd|th)? [-–] (?P<b>"
    + _NUMBER
    + r")(?![\d,.]\d)"
)
"""A hyphen spaced between two numbers, the second the larger ("60 - 80 mph", "18th - 26th
October") or both under 100 (a score, "2 - 1"), joins them; between others ("3,026,695 –
2,770,939 of whom") it is a pause."""


def _spaced_span(match: re.Match[str]) -> str:
    first, second = (float(match[k].replace(",", "")) for k in "ab")
    small = all(re.fullmatch(r"\d{1,2}", match[k]) for k in "ab")  # "Arsenal 2 - 1 Chelsea"
    if second <= first and not small:
        return match[0]
    return f"{match['a']}{match['th'] or ''}-{match['b']}"


_BRACKET = re.compile(r"(?P<phone>\s*\(\d{3}\)\s?\d{3}-\d{4})|\s*[(\[]\s*|\s*[)\]]")
"""Brackets, but not those of an American area code: "(555) 123-4567"."""


def _bracket(match: re.Match[str]) -> str:
    return match["phone"] or _PAUSE


_RUN = re.compile(r"(?:\s*" + _PAUSE + r")+\s*")
_UNSPOKEN = (
    (re.compile(r"^([\"']?)" + _PAUSE), r"\1"),  # nothing to pause after
    (re.compile(_PAUSE + r"$"), ""),
    (re.compile(_PAUSE + r"(?=[,.;:!?]|[\"'](?:\s|$|[,.;:!?]))"), ""),  # the writer's mark wins
    (re.compile(r"(?<=[,.;:!?])" + _PAUSE), " "),
)


def pauses(text: str) -> str:
    """Dashes used as pauses and brackets become commas; an ellipsis stays "...".

    Where a pause meets the writer's own punctuation or the text's edge it is dropped, so
    the writer's commas and stops are never doubled, moved or lost.
    """
    if not any(ch in text for ch in "—–-()[]"):
        return text
    text = _SPACED_SPAN.sub(_spaced_span, text)
    marked = _BRACKET.sub(_bracket, _DASH_PAUSE.sub(_PAUSE, text))
    if _PAUSE not in marked:
        return text
    marked = _RUN.sub(_PAUSE, marked)
    for pattern, replacement in _UNSPOKEN:
        marked = pattern.sub(replacement, marked)
    return marked.replace(_PAUSE, ", ").strip()


_PRONOUNS = frozenset("he she his her hers him they them their".split())


def _word_slash(match: re.Match[str]) -> str:
    """ "his/her" is "his or her"; between other words ("the Walesby/Tealby area", "and/or",
    "AC/DC") the slash is not said: a voice would read it as "slash"."""
    first, second = match["a"], match["b"]
    if first.lower() in _PRONOUNS and second.lower() in _PRONOUNS:
        return f"{first} or {second}"
    return f"{first} {second}"


RULES = (
    Rule(
        "word slash",
        r"(?<![\w/.@#-])(?P<a>[A-Za-z][A-Za-z'-]*[A-Za-z])/(?P<b>[A-Za-z][A-Za-z'-]*[A-Za-z])(?![\w/.@]\w)",
        _word_slash,
    ),
)
"""Rules the scanner asks last, once no address, code or number has taken the text."""
