"""The speech engine protocol every engine implements."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from briefing.models import Clip


@runtime_checkable
class SpeechEngine(Protocol):
    """Turns one sentence into audio. Loaded once per run and reused for every sentence."""

    name: str
    """The registry name ("piper", "gtts")."""

    def synthesize(self, text: str) -> Clip:
        """Audio for `text`, a single non-empty sentence. Raises `SpeechError` on failure."""
        ...
