"""Speech engines behind one protocol and an explicit registry.

Built-in engines are registered by import path, so onnxruntime or requests are imported only
when a voice that needs them is used. Third-party engines call `register()` with a factory.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

from briefing.engines.base import SpeechEngine
from briefing.errors import SpeechError

EngineFactory = Callable[[Mapping[str, Any]], SpeechEngine]
"""Builds an engine from a voice preset's engine settings (a ``[piper]`` table, say)."""

_BUILTIN: dict[str, str] = {
    "piper": "briefing.engines.piper:PiperEngine",
}
_registered: dict[str, EngineFactory] = {}


def register(name: str, factory: EngineFactory) -> None:
    """Make an engine available to voice presets under `name`."""
    _registered[name] = factory


def engine_names() -> list[str]:
    return sorted(set(_BUILTIN) | set(_registered))


def _factory(name: str) -> EngineFactory:
    if name in _registered:
        return _registered[name]
    if name not in _BUILTIN:
        raise SpeechError(
            f"unknown speech engine {name!r}",
            hint=f"a voice preset's engine must be one of: {', '.join(engine_names())}",
        )
    module_name, _, attr = _BUILTIN[name].partition(":")
    factory = getattr(importlib.import_module(module_name), attr).from_settings
    _registered[name] = factory
    return factory


def create_engine(name: str, settings: Mapping[str, Any]) -> SpeechEngine:
    """An engine instance for a voice preset's settings."""
    return _factory(name)(settings)


__all__ = ["EngineFactory", "SpeechEngine", "create_engine", "engine_names", "register"]
