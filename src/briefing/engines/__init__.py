"""Speech engines behind one protocol and an explicit registry.

Built-in engines are registered by import path, so onnxruntime or requests are imported only
when a voice that needs them is used. A third-party engine calls `register()` with its
settings class (see `base.EngineSettings`).
"""

from __future__ import annotations

import importlib

from briefing.engines.base import EngineSettings, SpeechEngine
from briefing.errors import ConfigError

_BUILTIN: dict[str, str] = {
    "piper": "briefing.engines.piper:PiperSettings",
    "gtts": "briefing.engines.gtts:GttsSettings",
}
_registered: dict[str, type[EngineSettings]] = {}


def register(name: str, settings_class: type[EngineSettings]) -> None:
    """Make an engine available to voice presets as ``engine = "<name>"``."""
    _registered[name] = settings_class


def engine_names() -> list[str]:
    return sorted(set(_BUILTIN) | set(_registered))


def settings_class(name: str, where: str = "voice preset") -> type[EngineSettings]:
    """The settings class of engine `name`; an unknown name is a `ConfigError`."""
    if name not in _registered:
        if name not in _BUILTIN:
            raise ConfigError(
                f"{where} engine {name!r} is not a speech engine "
                f"(known: {', '.join(engine_names())})"
            )
        module_name, _, attr = _BUILTIN[name].partition(":")
        _registered[name] = getattr(importlib.import_module(module_name), attr)
    return _registered[name]


__all__ = ["EngineSettings", "SpeechEngine", "engine_names", "register", "settings_class"]
