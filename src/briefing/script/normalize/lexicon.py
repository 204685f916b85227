"""Words a user wants said differently: the shipped lexicon, the user's own, a show's.

A lexicon is applied first, before any rule, to whole words (or phrases), case-sensitive.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from briefing.config import read_toml
from briefing.errors import ConfigError


@dataclass(frozen=True)
class Lexicon:
    """Written form → spoken form, for whole words (or phrases), case-sensitive."""

    entries: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> Lexicon:
        """A lexicon file: a TOML ``[words]`` table of ``"written" = "spoken"``."""
        data = read_toml(path)
        words = data.get("words", {})
        if not isinstance(words, dict) or set(data) - {"words"}:
            raise ConfigError(f"{path}: a lexicon holds one [words] table of written = spoken")
        for written, spoken in words.items():
            if not isinstance(spoken, str) or not written.strip():
                raise ConfigError(f"{path}: [words] {written!r} must map to text, not {spoken!r}")
        return cls(dict(words))

    def __or__(self, other: Lexicon) -> Lexicon:
        """This lexicon with `other`'s entries added, `other` winning."""
        return Lexicon({**self.entries, **other.entries})

    def apply(self, text: str) -> str:
        """`text` with every whole-word entry replaced by its spoken form."""
        if not self.entries:
            return text
        return _pattern(tuple(sorted(self.entries, key=len, reverse=True))).sub(
            lambda m: self.entries[m.group(0)], text
        )


@cache
def _pattern(keys: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(map(re.escape, keys))
    return re.compile(r"(?<![^\s\"'(\[])(?:" + words + r")(?=(?:['’]s)?[.,;:!?\"')\]]*(?:\s|$))")


@cache
def _shipped() -> Lexicon:
    return Lexicon.read(Path(str(resources.files("briefing.script") / "lexicon.toml")))


def shipped_lexicon() -> Lexicon:
    """The lexicon that ships with briefing (`script/lexicon.toml`)."""
    return _shipped()
