"""Italian script rules: numbers, dates, times, money, per cent and abbreviations as an
Italian newsreader says them, for the same scanner as English (`languages.py`).

Italian writes `1.234,5` (a full stop groups thousands, a comma marks the decimal, said
"virgola"), `alle 14.30` or `14:30` ("alle quattordici e trenta"), `5,50 euro` or `€ 5,50`
("cinque euro e cinquanta"), `1,2 miliardi`, `mln`, `mld`, `12%` ("dodici percento") and
ordinals with a sign: `1°` "primo", `2ª` "seconda", `XXI secolo` "ventunesimo secolo", and
after a sovereign's name `Carlo III` "Carlo terzo". Number words are joined
("duemiladiciannove"); a number ending in one agrees with the noun after it (`1 anno` "un
anno", `1 persona` "una persona", `21 anni` "ventun anni"). Years are cardinals ("nel
millenovecentonovanta"); dates too, except the first of the month, which is "primo" (`il 1°
maggio`, `l'8 marzo` "l'otto marzo"). Titles and abbreviations are spoken in full (`Sig.ra`
"signora", `Dott.` "dottor", `n. 5` "numero cinque", `a.C.` "avanti Cristo"), so no
abbreviation's full stop is left for the sentence splitter; "ecc." and the like keep theirs
where they also end the sentence. Phone numbers are said digit by digit, in their groups.

A token no rule reads with confidence ("2.9" in a table, "III" alone) stays as written, for
the voice to read; no English word is ever said.
"""

from __future__ import annotations

from briefing.script.normalize.it.abbreviations import ABBREVIATION_RULES
from briefing.script.normalize.it.dates import DATE_RULES, ORDINAL_RULES, ordinal_day, spoken_date
from briefing.script.normalize.it.money import MONEY_RULES
from briefing.script.normalize.it.numbers import ADDRESS_RULES, NUMBER_RULES
from briefing.script.normalize.it.roman import ROMAN_RULES
from briefing.script.normalize.it.templates import TEMPLATES, WRITTEN
from briefing.script.normalize.it.words import MONTHS, WEEKDAYS
from briefing.script.normalize.scanner import Rule

__all__ = ["MONTHS", "RULES", "TEMPLATES", "WEEKDAYS", "WRITTEN", "ordinal_day", "spoken_date"]

RULES: tuple[Rule, ...] = (
    *ADDRESS_RULES,
    *ABBREVIATION_RULES,
    *ROMAN_RULES,
    *DATE_RULES,
    *MONEY_RULES,
    *ORDINAL_RULES,
    *NUMBER_RULES,
)
"""Every Italian rule, in the order the scanner asks them."""
