"""Italian Roman numerals, said as ordinals: "XXI secolo" → "ventunesimo secolo", "la II
guerra mondiale" → "la seconda guerra mondiale", "canto XXVI" → "canto ventiseiesimo", and
after a sovereign's or a pope's name "Carlo III" → "Carlo terzo", "Elisabetta II" →
"Elisabetta seconda". A numeral with no such noun or name ("III" alone, "su X") stays.
"""

from __future__ import annotations

import re

from briefing.script.normalize.context import keep_stop as _keep_stop
from briefing.script.normalize.context import words_before
from briefing.script.normalize.it.words import capital_at_start, ordinal
from briefing.script.normalize.roman import roman_value as _roman_value
from briefing.script.normalize.scanner import Rule


def roman_value(text: str) -> int | None:
    """ "XXI" → 21; None if `text` is no well-formed Roman numeral below 400."""
    return _roman_value(text, limit=400)


ROMAN_NOUNS = {
    **dict.fromkeys("secolo millennio municipio congresso canto libro atto capitolo".split(), "m"),
    **dict.fromkeys("reich festival convegno vertice reggimento".split(), "m"),
    **dict.fromkeys("secoli giochi".split(), "mp"),
    **dict.fromkeys("legislatura repubblica guerra edizione giornata conferenza".split(), "f"),
    **dict.fromkeys("dinastia circoscrizione commissione biennale olimpiade".split(), "f"),
    **dict.fromkeys("armata flotta divisione crociata".split(), "f"),
    "olimpiadi": "fp",
    "sec.": "m",
}
"""Nouns a Roman numeral is an ordinal with, before it ("XXI secolo") or after it
("Municipio VII"), and their gender ("f") and number ("p")."""
_BEFORE_ROMAN = "municipio legislatura canto libro atto capitolo congresso".split()
"""Nouns a Roman numeral may follow: "Municipio VII", "canto XXVI"."""
_ARTICLES = frozenset(
    "il lo la i gli le l del dello della dei degli delle dell nel nello nella nei negli "
    "nelle nell al allo alla ai agli alle all dal dalla dai dall sul sulla sui un una".split()
)


def _roman_ordinal(match: re.Match[str]) -> str | None:
    """ "il XXI secolo" → "il ventunesimo secolo"; "la II guerra mondiale" → "la seconda
    guerra mondiale"; "Municipio VII" → "Municipio settimo"; "XV sec." → "quindicesimo
    secolo"."""
    number = roman_value(match["r"])
    if number is None or (len(match["r"]) == 1 and number >= 50):
        return None
    if match["sec"]:
        return capital_at_start(_keep_stop(f"{ordinal(number)} secolo", match), match)
    noun = (match["noun"] or match["after"] or "").lower()
    if noun not in ROMAN_NOUNS:
        return None
    before = words_before(match, 1)
    if len(match["r"]) == 1 and not match["noun"] and not (before and before[-1] in _ARTICLES):
        return None  # "I Giochi": the article, unless "il I secolo"
    kind = ROMAN_NOUNS[noun]
    spoken = ordinal(number, "f" in kind, "p" in kind)
    if match["noun"]:
        return f"{'secolo' if noun == 'sec.' else match['noun']} {spoken}"
    return capital_at_start(spoken, match)


REGNAL = (
    "Giovanni Paolo Benedetto Pio Leone Gregorio Innocenzo Clemente Bonifacio Urbano Sisto "
    "Alessandro Niccolò Nicola Giulio Adriano Celestino Martino Eugenio Vittorio Emanuele "
    "Umberto Carlo Luigi Enrico Federico Filippo Ferdinando Francesco Giuseppe Guglielmo "
    "Giorgio Edoardo Riccardo Napoleone Pietro Alfonso Felipe Juan Carlos Lorenzo Cosimo "
    "Ottone Rodolfo Massimiliano Amedeo Elisabetta Caterina Maria Vittoria Isabella Giovanna "
    "Margherita Cristina Margrethe Beatrice"
).split()
_FEMININE_NAMES = frozenset(
    "Elisabetta Caterina Maria Vittoria Isabella Giovanna Margherita Cristina Margrethe "
    "Beatrice".split()
)


def _regnal(match: re.Match[str]) -> str | None:
    """ "Carlo III" → "Carlo terzo"; "Elisabetta II" → "Elisabetta seconda"; "Papa Leone
    XIV" → "Papa Leone quattordicesimo"."""
    number = roman_value(match["r"])
    if number is None or number > 40 or match["r"] in ("L", "C"):
        return None
    if len(match["r"]) == 1 and match.string.startswith(".", match.end()):
        return None  # "Giorgio V. Rossi": an initial
    said = ordinal(number, match["name"] in _FEMININE_NAMES)
    return f"{match['name']} {said}"


_ROMAN_NUMERAL = r"(?P<r>[IVXLC]+)"


ROMAN_RULES: tuple[Rule, ...] = (
    Rule(
        "regnal number",
        r"\b(?P<name>"
        + "|".join(sorted(REGNAL, key=len, reverse=True))
        + r") "
        + _ROMAN_NUMERAL
        + r"(?![\w'-])",
        _regnal,
    ),
    Rule(
        "roman ordinal",
        r"(?:(?<![\w.])(?P<noun>(?i:"
        + "|".join(_BEFORE_ROMAN)
        + r")|sec\.) )?(?<![\w.'-])"
        + _ROMAN_NUMERAL
        + r"(?![\w'-])(?:(?P<sec>\s?sec\.)"
        + r"|(?=(?:\s+e\s+(?:il\s+|la\s+)?[IVXLC]+)?\s+(?P<after>[^\W\d_]+)))?",
        _roman_ordinal,
    ),
)
"""Regnal numbers and Roman ordinals, asked before dates."""
