"""Voice presets: one TOML file per voice in `voices/`, naming an engine and its settings."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from briefing.engines import SpeechEngine, create_engine
from briefing.errors import SpeechError

DEFAULT_VOICE = "joe"


@dataclass(frozen=True)
class VoicePreset:
    name: str
    engine: str
    """Registry name of the engine that speaks it."""
    language: str
    """BCP 47 language tag, such as "en-US"."""
    description: str
    path: Path
    """The preset file; relative model paths are taken from its directory."""
    settings: Mapping[str, Any] = field(default_factory=dict)
    """The engine's own table from the preset (``[piper]``)."""


def preset_dirs() -> list[Path]:
    """Where presets live: the ones shipped in the wheel, or `voices/` in a source checkout."""
    shipped = Path(str(resources.files("briefing"))) / "voices"
    checkout = Path(__file__).resolve().parents[3] / "voices"
    return [d for d in (shipped, checkout) if d.is_dir()]


def read_preset(path: Path) -> VoicePreset:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SpeechError(f"voice preset {path} cannot be read: {exc}") from None
    try:
        engine = str(data["engine"])
        return VoicePreset(
            name=str(data.get("name", path.stem)),
            engine=engine,
            language=str(data.get("language", "en")),
            description=str(data.get("description", "")),
            path=path,
            settings=dict(data.get(engine, {})),
        )
    except KeyError as exc:
        raise SpeechError(f"voice preset {path} has no {exc.args[0]!r}") from None


def load_presets() -> dict[str, VoicePreset]:
    """Every preset by name; an earlier directory wins over a later one."""
    presets: dict[str, VoicePreset] = {}
    for directory in preset_dirs():
        for path in sorted(directory.glob("*.toml")):
            preset = read_preset(path)
            presets.setdefault(preset.name, preset)
    return presets


def load_voice(name: str) -> VoicePreset:
    presets = load_presets()
    if name not in presets:
        known = ", ".join(sorted(presets)) or "none"
        raise SpeechError(f"no voice preset named {name!r}", hint=f"known voices: {known}")
    return presets[name]


def open_engine(preset: VoicePreset) -> SpeechEngine:
    """Load the engine for a preset, once per run."""
    return create_engine(preset.engine, {**preset.settings, "_base": preset.path.parent})
