"""French script rules: numbers, dates, times, money, per cent and abbreviations as a French
newsreader says them, for the same scanner as English (`languages.py`).

French groups thousands with a space (`1 234,5`; the no-break and narrow no-break spaces
the typography wants are plain spaces by the time the rules run), marks the decimal with a
comma ("virgule"), writes `14 h 30` or `14h30`, `5,50 €`, `12 %` and ordinals as `1er`,
`2e`, `XXIe siècle`. Dates are said with cardinals, but the first of the month is "premier":
`le 1er janvier`, `26/10/2019` → "vingt-six octobre deux mille dix-neuf". A number ending in
one agrees with a feminine noun ("21 heures" → "vingt et une heures"). Titles and
abbreviations are spoken in full (`M. Dupont` → "Monsieur Dupont", `n° 5` → "numéro
cinq", `av. J.-C.` → "avant Jésus-Christ"), so no abbreviation's full stop is left for the
sentence splitter; "etc." keeps its stop where it also ends the sentence.

A token no rule reads with confidence ("2.9" in a table, "CC BY 2.0") stays as written, for
the voice to read; no English word is ever said.
"""

from __future__ import annotations

from briefing.script.normalize.fr.abbreviations import ABBREVIATION_RULES
from briefing.script.normalize.fr.dates import DATE_RULES, ORDINAL_RULES, ordinal_day, spoken_date
from briefing.script.normalize.fr.money import MONEY_RULES
from briefing.script.normalize.fr.numbers import ADDRESS_RULES, NUMBER_RULES
from briefing.script.normalize.fr.templates import TEMPLATES, WRITTEN
from briefing.script.normalize.fr.words import MONTHS, WEEKDAYS
from briefing.script.normalize.scanner import Rule

__all__ = ["MONTHS", "RULES", "TEMPLATES", "WEEKDAYS", "WRITTEN", "ordinal_day", "spoken_date"]

RULES: tuple[Rule, ...] = (
    *ADDRESS_RULES,
    *ABBREVIATION_RULES,
    *DATE_RULES,
    *MONEY_RULES,
    *ORDINAL_RULES,
    *NUMBER_RULES,
)
"""Every French rule, in the order the scanner asks them."""
