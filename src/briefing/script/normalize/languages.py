"""Script rules by language: which rules speak a page's numbers, dates and symbols.

English has the full set (`normalize/__init__.py`). Another language has a module of its own
here when one is written (the `de` and `fr` packages, …: a `RULES` tuple for the same scanner, a
`spoken_date` and the show's default `TEMPLATES` in that language), registered in
`_MODULES`. A language without rules keeps its digits as written, for its voice to read:
English number words never appear in a script in another language.
"""

from __future__ import annotations

import functools
import importlib
from types import ModuleType

from briefing.script.normalize.scanner import Scanner

_MODULES: dict[str, str] = {"de": "de", "fr": "fr"}
"""Language code (ISO 639-1) → the module below `briefing.script.normalize` with its rules."""


def family(language: str | None) -> str:
    """ "en-GB", "en_GB", "EN" → "en"; None → "en" (the voices' and rules' default)."""
    return (language or "en").replace("_", "-").split("-")[0].lower() or "en"


@functools.cache
def rules_module(language: str) -> ModuleType | None:
    """The module with `language`'s rules, or None when it has none (yet)."""
    name = _MODULES.get(family(language))
    return importlib.import_module(f"briefing.script.normalize.{name}") if name else None


@functools.cache
def scanner_for(language: str) -> Scanner | None:
    """A scanner of `language`'s rules; None when the language has none."""
    module = rules_module(language)
    return Scanner(module.RULES) if module is not None else None


def has_rules(language: str | None) -> bool:
    return family(language) == "en" or family(language) in _MODULES


def register(language: str, module: str) -> None:
    """Name the module of `language`'s rules (a module below `briefing.script.normalize`)."""
    _MODULES[family(language)] = module
    rules_module.cache_clear()
    scanner_for.cache_clear()
