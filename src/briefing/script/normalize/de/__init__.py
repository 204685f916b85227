"""German script rules: numbers, dates, times, money, per cent and abbreviations as a German
newsreader says them, for the same scanner as English (`languages.py`).

German writes `1.234,5` (a full stop groups thousands, a comma marks the decimal), `14.30
Uhr`, `5,50 €`, `12 %` and the ordinal with a full stop: `am 26. Oktober` is "am
sechsundzwanzigsten Oktober", and the ending follows the word before (`der 26.` → "der
sechsundzwanzigste", `am`/`vom`/`zum`/`bis` → "-ten", `seit`/`nach` → "-tem", and alone, as
in a dateline, "sechsundzwanzigster"). A four-digit number is a year ("neunzehnhundert­
neunzig") after "im Jahr", "seit", "bis", a month and the like, or before a small word or a
stop; before a noun ("1600 Euro") it counts. Abbreviations are spoken in full (`z. B.` →
"zum Beispiel", `Nr.` → "Nummer", `Mio.` → "Millionen"), so no full stop of an ordinal or an
abbreviation is left for the sentence splitter to end a sentence at; one stays only where
it also ends the text, or after "usw."/"etc." before a new sentence.

A token no rule reads with confidence ("7/2019", "CC BY-ND 2.0") stays as written, for the
voice to read; no English word is ever said.
"""

from __future__ import annotations

from briefing.script.normalize.de.abbreviations import ABBREVIATION_RULES
from briefing.script.normalize.de.dates import DATE_RULES, ORDINAL_RULES, ordinal_day, spoken_date
from briefing.script.normalize.de.money import MONEY_RULES
from briefing.script.normalize.de.numbers import ADDRESS_RULES, CODE_RULES, NUMBER_RULES
from briefing.script.normalize.de.templates import TEMPLATES, WRITTEN
from briefing.script.normalize.de.words import MONTHS, WEEKDAYS
from briefing.script.normalize.scanner import Rule

__all__ = ["MONTHS", "RULES", "TEMPLATES", "WEEKDAYS", "WRITTEN", "ordinal_day", "spoken_date"]

RULES: tuple[Rule, ...] = (
    *ADDRESS_RULES,
    *ABBREVIATION_RULES,
    *DATE_RULES,
    *MONEY_RULES,
    *CODE_RULES,
    *ORDINAL_RULES,
    *NUMBER_RULES,
)
"""Every German rule, in the order the scanner asks them."""
