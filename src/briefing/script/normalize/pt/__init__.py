"""Portuguese script rules: numbers, dates, times, money, per cent and abbreviations as a
Portuguese newsreader says them, for the same scanner as English (`languages.py`).

Written for European Portuguese news, reading Brazilian forms too. Portuguese groups
thousands with a full stop or a space (`1.234,5`, `10 000`) and marks the decimal with a
comma ("vírgula"); it writes `14h30` or `14:30`, `5,50 €` (Brazil: `R$ 20`), `12%` and the
ordinal with a superscript letter: `1.º`, `2.ª` (Brazil: `1º`). A number agrees with a
feminine noun: "22 pessoas" → "vinte e duas pessoas", "200 casas" → "duzentas casas", "21h"
→ "vinte e uma horas". Dates are said with cardinals, as written: `1 de janeiro` is "um de
janeiro" (Portugal; Brazil says "primeiro", and writes `1º de janeiro`, which is read so),
`26/10/2019` → "vinte e seis de outubro de dois mil e dezanove"; the show's own date says
"primeiro" for the first, right on both sides of the Atlantic. Years are cardinals ("dois
mil e dezanove"); large numbers follow the European long scale ("mil milhões") as written.

The number words are Portugal's (num2words lang="pt": "dezanove", "dezasseis", "catorze").
The rules do not know whether a page is from Brazil: the scanner asks one rule set per
language family (`pt-BR` and `pt` both reach this package), so a Brazilian page is read
with European number words ("dezanove" for "dezenove"); its own forms (`R$`, `1º`, `US$`,
"bilhão", `(11) 98765-4321`) are read all the same.

Titles and abbreviations are spoken in full (`Sr.` → "senhor", `n.º 5` → "número cinco",
`a.C.` → "antes de Cristo"), so no abbreviation's or ordinal's full stop is left for the
sentence splitter; "etc." and a company's "S.A." keep their stop where a new sentence
follows. A token no rule reads with confidence ("3.5", "CC BY 2.0") stays as written, for
the voice to read; no English word is ever said.
"""

from __future__ import annotations

from briefing.script.normalize.pt.abbreviations import ABBREVIATION_RULES
from briefing.script.normalize.pt.dates import DATE_RULES, ORDINAL_RULES, ordinal_day, spoken_date
from briefing.script.normalize.pt.money import MONEY_RULES
from briefing.script.normalize.pt.numbers import ADDRESS_RULES, NUMBER_RULES
from briefing.script.normalize.pt.roman import ROMAN_RULES
from briefing.script.normalize.pt.templates import TEMPLATES, WRITTEN
from briefing.script.normalize.pt.words import MONTHS, WEEKDAYS
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
"""Every Portuguese rule, in the order the scanner asks them."""
