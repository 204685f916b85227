"""Voice presets: one TOML file per voice, naming an engine and its settings.

Presets are found, first match wins, in:

1. the user's config directory: ``~/.config/briefing/voices/`` on Linux (platformdirs);
2. the presets shipped with briefing (``voices/`` in the repository).

A preset:

    name = "gtts-uk"
    engine = "gtts"
    language = "en-GB"
    description = "British English (Google, online)"

    [gtts]
    lang = "en"
    tld = "co.uk"
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from platformdirs import user_config_dir

from briefing.config import parse_table, read_toml
from briefing.engines import EngineSettings, settings_class
from briefing.errors import ConfigError, SpeechError

DEFAULT_VOICE = "joe"
APP_NAME = "briefing"


@dataclass(frozen=True)
class VoicePreset:
    name: str
    engine: str
    """Registry name of the engine that speaks it."""
    language: str
    """BCP 47 language tag, such as "en-GB"; its first part is matched against the page's."""
    description: str
    path: Path
    """The preset file."""
    settings: EngineSettings
    speaker: str = ""
    """The name transcripts show for this voice; default the preset's name."""
    """The engine's own table, parsed and checked."""

    @property
    def language_code(self) -> str:
        """ "en" for "en-GB": what a page's detected language is compared with."""
        return self.language.split("-")[0].lower()


@dataclass(frozen=True)
class _Header:
    name: str
    engine: str
    language: str
    description: str = ""
    speaker: str = ""


def user_voices_dir() -> Path:
    return Path(user_config_dir(APP_NAME)) / "voices"


def preset_dirs() -> list[Path]:
    """Where presets are looked for, in order of precedence."""
    shipped = Path(str(resources.files("briefing"))) / "voices"  # inside an installed wheel
    checkout = Path(__file__).resolve().parents[3] / "voices"  # an editable install
    return [d for d in (user_voices_dir(), shipped, checkout) if d.is_dir()]


def read_preset(path: Path) -> VoicePreset:
    """Parse one preset; every problem is a `ConfigError` naming the file and field."""
    data = read_toml(path)
    header_table = {k: v for k, v in data.items() if not isinstance(v, dict)}
    header = parse_table(_Header, header_table, f"{path}:")
    engine_class = settings_class(header.engine, where=f"{path}:")
    extra_tables = sorted(k for k, v in data.items() if isinstance(v, dict) and k != header.engine)
    if extra_tables:
        raise ConfigError(
            f"{path}: table [{extra_tables[0]}] does not belong to engine {header.engine!r}"
        )
    extra = (
        {"base": path.parent} if "base" in getattr(engine_class, "__dataclass_fields__", {}) else {}
    )
    settings = parse_table(
        engine_class, data.get(header.engine, {}), f"{path}: [{header.engine}]", **extra
    )
    return VoicePreset(
        name=header.name,
        engine=header.engine,
        language=header.language,
        description=header.description,
        path=path,
        settings=settings,
        speaker=header.speaker or header.name,
    )


def scan_presets() -> tuple[dict[str, VoicePreset], dict[Path, ConfigError]]:
    """Every readable preset by name (the user's override shipped ones of the same name),
    and the files that could not be read, with why."""
    presets: dict[str, VoicePreset] = {}
    broken: dict[Path, ConfigError] = {}
    for directory in preset_dirs():
        for path in sorted(directory.glob("*.toml")):
            try:
                preset = read_preset(path)
            except ConfigError as exc:
                broken[path] = exc
                continue
            presets.setdefault(preset.name, preset)
    return presets, broken


def load_presets() -> dict[str, VoicePreset]:
    return scan_presets()[0]


def load_voice(name: str) -> VoicePreset:
    """The preset called `name`. If it is missing because its file is broken, say why."""
    presets, broken = scan_presets()
    if name in presets:
        return presets[name]
    for path, error in broken.items():
        if path.stem == name:
            raise error
    known = ", ".join(sorted(presets)) or "none"
    raise SpeechError(f"no voice preset named {name!r}", hint=f"known voices: {known}")
