"""What every speech engine provides: settings read from a preset, and the engine itself.

An engine's settings are a frozen dataclass read from the preset's engine table (``[piper]``,
``[gtts]``). They know, without loading anything heavy, what identifies the audio they would
make (for the cache), whether the engine can work right now, and its native sample rate.
`load()` then gives the engine, once per run.
"""

from __future__ import annotations

from typing import Any, ClassVar, Protocol, runtime_checkable

from briefing.models import Clip


@runtime_checkable
class SpeechEngine(Protocol):
    """Turns one sentence into audio."""

    name: str
    """The registry name ("piper", "gtts")."""
    sample_rate: int
    """Rate of the clips it returns."""
    concurrency: int
    """How many sentences may be synthesised at once; 1 means one after another."""

    def synthesize(self, text: str) -> Clip:
        """Audio for `text`, one non-empty sentence. Raises `SpeechError` on failure."""
        ...


class EngineSettings(Protocol):
    """A preset's engine table, parsed and checked."""

    engine: ClassVar[str]

    def identity(self) -> dict[str, Any]:
        """Everything besides the text that decides the audio: the speech cache's key."""
        ...

    def problem(self) -> str | None:
        """Why this voice cannot speak right now (a missing model, no network), or None."""
        ...

    def native_rate(self) -> int:
        """The sample rate the engine produces without resampling."""
        ...

    def chars_per_second(self) -> float:
        """Roughly how fast it speaks normalised text, to estimate an episode's length."""
        ...

    def load(self, sample_rate: int) -> SpeechEngine:
        """The engine, ready to speak, producing clips at `sample_rate` where it can."""
        ...
