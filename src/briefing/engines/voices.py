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

import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from platformdirs import user_config_dir

from briefing.config import parse_table, read_toml
from briefing.engines import EngineSettings, engine_names, settings_class
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


_Scan = tuple[dict[str, VoicePreset], dict[Path, ConfigError]]
_scanned: tuple[tuple[object, ...], _Scan] | None = None
_scan_turn = threading.Lock()


def scan_presets() -> _Scan:
    """Every readable preset by name (the user's override shipped ones of the same name),
    and the files that could not be read, with why. Read again only when a preset file, a
    preset directory or the engines registered change (a build asks several times)."""
    global _scanned
    paths = [path for directory in preset_dirs() for path in sorted(directory.glob("*.toml"))]
    signature = (tuple(engine_names()), *(_stamp(path) for path in paths))
    with _scan_turn:
        if _scanned is not None and _scanned[0] == signature:
            presets, broken = _scanned[1]
            return dict(presets), dict(broken)
    presets = {}
    broken = {}
    for path in paths:
        try:
            preset = read_preset(path)
        except ConfigError as exc:
            broken[path] = exc
            continue
        presets.setdefault(preset.name, preset)
    with _scan_turn:
        _scanned = (signature, (presets, broken))
    return dict(presets), dict(broken)


def _stamp(path: Path) -> tuple[str, bytes | None]:
    """A preset file as it is now: its bytes (a file rewritten within the same tick of the
    clock keeps its modification time)."""
    try:
        return (str(path), path.read_bytes())
    except OSError:
        return (str(path), None)


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
