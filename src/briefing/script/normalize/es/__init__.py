"""Spanish script rules: numbers, dates, times, money, per cent and abbreviations as a
Spanish newsreader says them, for the same scanner as English (`languages.py`).

Spanish groups thousands with a full stop (`1.234,5`; the RAE prefers a space from five
digits, `10 000`, and none in four, `2458`), marks the decimal with a comma ("coma": `3,5` →
"tres coma cinco"), writes `14.30 h` or `14:30` ("catorce treinta"; `a las 9.00` → "a las
nueve"), `5,50 €` ("cinco euros con cincuenta céntimos"), `12 %` ("doce por ciento") and
ordinals with a raised letter: `1.º` "primero", `2.ª` "segunda", `3.er` "tercer", apocopated
before a masculine noun ("el 1.º clasificado" → "el primer clasificado"). Numbers agree
with the noun after them: "uno" is "un" before a masculine noun and "una" before a
feminine one (`21 años` → "veintiún años", `21 personas` → "veintiuna personas"), and the
hundreds agree too (`200 personas` → "doscientas personas", but "doscientos millones").
Years are cardinals ("dos mil diecinueve", "mil novecientos noventa"). Dates are said with
cardinals, the first of the month too, as Spain says it: `el 1 de enero` → "el uno de
enero" (written `1.º de mayo`, "primero de mayo"); `26/10/2019` → "veintiséis de octubre
de dos mil diecinueve". Kings, popes and centuries take an ordinal up to ten and a cardinal
above ("Felipe sexto", "Alfonso trece", "siglo veintiuno"). Titles and abbreviations are
spoken in full (`Sr.` → "señor", `EE. UU.` → "Estados Unidos", `n.º 5` → "número cinco",
`a. C.` → "antes de Cristo"), so no full stop of an ordinal or an abbreviation is left for
the sentence splitter; one stays only where it also ends the text, or after "etc.",
"EE. UU.", "a. C." and company forms before a new sentence. Phone numbers are said in the
groups they are written in ("91 123 45 67").

A token no rule reads with confidence ("2.9" in a table, "24/7") stays as written, for the
voice to read; no English word is ever said.
"""

from __future__ import annotations

from briefing.script.normalize.es.abbreviations import ABBREVIATION_RULES
from briefing.script.normalize.es.dates import DATE_RULES, ordinal_day, spoken_date
from briefing.script.normalize.es.money import MONEY_RULES
from briefing.script.normalize.es.numbers import ADDRESS_RULES, NUMBER_RULES, ORDINAL_RULES
from briefing.script.normalize.es.templates import TEMPLATES, WRITTEN
from briefing.script.normalize.es.words import MONTHS, WEEKDAYS
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
"""Every Spanish rule, in the order the scanner asks them."""
