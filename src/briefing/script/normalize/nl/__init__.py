"""Dutch script rules: numbers, dates, times, money, per cent and abbreviations as a Dutch
newsreader says them, for the same scanner as English (`languages.py`).

Dutch writes `1.234,5` (a full stop groups thousands, a comma marks the decimal, "komma"),
`14.30 uur`, `€ 5,50` (or `€ 25,-` for whole euros), `12%` and ordinals as `1e`, `2de`,
`21ste` ("eerste", "tweede", "eenentwintigste"). Number words are written as one word up to
a thousand, with a space after "duizend" ("tweeduizend negentien"); "één" has its accents
only alone ("honderdeen"). Dates are said with cardinals: `op 1 januari` is "op één
januari", `26-10-2019` "zesentwintig oktober tweeduizend negentien"; a year before 2000 is
said in hundreds ("negentienhonderdnegentig"). Times are "veertien uur dertig"; a score
`2-1` is "twee-een", a span `10-15` "tien tot vijftien". Abbreviations are spoken in full
(`o.a.` → "onder andere", `dhr.` → "de heer", `nr.` → "nummer", `mln` → "miljoen"), so no
abbreviation's full stop is left for the sentence splitter to end a sentence at; one stays
only where it also ends the text, or after "enz."/"etc." before a new sentence. The `'s` of
"'s ochtends" and "'s-Hertogenbosch" is a word and stays as written.

A token no rule reads with confidence ("7/2019", "CC BY-ND 2.0") stays as written, for the
voice to read; no English word is ever said.
"""

from __future__ import annotations

from briefing.script.normalize.nl.abbreviations import ABBREVIATION_RULES
from briefing.script.normalize.nl.dates import DATE_RULES, ORDINAL_RULES, ordinal_day, spoken_date
from briefing.script.normalize.nl.money import MONEY_RULES
from briefing.script.normalize.nl.numbers import ADDRESS_RULES, CODE_RULES, NUMBER_RULES
from briefing.script.normalize.nl.templates import TEMPLATES, WRITTEN
from briefing.script.normalize.nl.words import MONTHS, WEEKDAYS
from briefing.script.normalize.scanner import Rule

__all__ = ["MONTHS", "RULES", "TEMPLATES", "WEEKDAYS", "WRITTEN", "ordinal_day", "spoken_date"]

RULES: tuple[Rule, ...] = (
    *ADDRESS_RULES,
    *ABBREVIATION_RULES,
    *DATE_RULES,
    *MONEY_RULES,
    *ORDINAL_RULES,
    *CODE_RULES,
    *NUMBER_RULES,
)
"""Every Dutch rule, in the order the scanner asks them."""
