"""Script rules by language: which rules speak a page's numbers, dates and symbols.

English has the full set (`normalize/__init__.py`). Another language has rules when a package
named by its code is here (`de`, `fr`, `es`, …: a `RULES` tuple for the same scanner, a
`spoken_date`, `WEEKDAYS`, `MONTHS`, `ordinal_day` and the show's default `TEMPLATES` in that
language); `register()` names another module for a language. A language without rules keeps
its digits as written, for its voice to read: English number words never appear in a script
in another language.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
from types import ModuleType

from briefing.script.normalize.scanner import Scanner

_MODULES: dict[str, str] = {}
"""Language code (ISO 639-1) → a module below `briefing.script.normalize` with its rules, for
a language whose package is not named by its code."""


@functools.cache
def _module_name(code: str) -> str | None:
    if code in _MODULES:
        return _MODULES[code]
    known = len(code) == 2 and code.isalpha() and code != "en"
    return code if known and importlib.util.find_spec(f"{__package__}.{code}") else None


def family(language: str | None) -> str:
    """ "en-GB", "en_GB", "EN" → "en"; None → "en" (the voices' and rules' default)."""
    return (language or "en").replace("_", "-").split("-")[0].lower() or "en"


@functools.cache
def rules_module(language: str) -> ModuleType | None:
    """The module with `language`'s rules, or None when it has none (yet)."""
    name = _module_name(family(language))
    return importlib.import_module(f"{__package__}.{name}") if name else None


@functools.cache
def scanner_for(language: str) -> Scanner | None:
    """A scanner of `language`'s rules; None when the language has none."""
    module = rules_module(language)
    return Scanner(module.RULES) if module is not None else None


def has_rules(language: str | None) -> bool:
    return family(language) == "en" or _module_name(family(language)) is not None


def register(language: str, module: str) -> None:
    """Name the module of `language`'s rules (a module below `briefing.script.normalize`)."""
    _MODULES[family(language)] = module
    _module_name.cache_clear()
    rules_module.cache_clear()
    scanner_for.cache_clear()
