"""Reading settings tables (voice presets now, show files later) into typed dataclasses.

Every problem is a `ConfigError` naming the file and the field, so a user can fix it:
``voices/fast.toml: [piper] length_scale must be a number, not 'fast'``.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

from briefing.errors import ConfigError

T = TypeVar("T")

_TYPE_NAMES = {str: "text", int: "a whole number", float: "a number", bool: "true or false"}


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file as a dict; unreadable or malformed files are a `ConfigError`."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def _coerce(value: Any, expected: Any, where: str) -> Any:
    """`value` checked against a simple annotation: str, int, float, bool or X | None."""
    if typing.get_origin(expected) in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(expected) if a is not type(None)]
        return _coerce(value, options[0], where)
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if expected is int and isinstance(value, bool):
        raise ConfigError(f"{where} must be {_TYPE_NAMES[int]}, not {value!r}")
    if isinstance(value, expected):
        return value
    raise ConfigError(f"{where} must be {_TYPE_NAMES.get(expected, expected)}, not {value!r}")


def parse_table(cls: type[T], table: Mapping[str, Any], where: str, **extra: Any) -> T:
    """Build dataclass `cls` from a TOML table, checking names and types of every field.

    `where` prefixes every message ("voices/joe.toml: [piper]"). `extra` supplies fields that
    do not come from the file (such as the preset's directory).
    """
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(table) - set(fields) - set(extra))
    if unknown:
        known = ", ".join(name for name in fields if name not in extra)
        raise ConfigError(f"{where} has unknown setting {unknown[0]!r} (known: {known})")
    values = dict(extra)
    for name, field in fields.items():
        if name in extra:
            continue
        if name in table:
            values[name] = _coerce(table[name], hints[name], f"{where} {name}")
        elif field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
            raise ConfigError(f"{where} needs {name!r}")
    try:
        return cls(**values)
    except ConfigError as exc:  # a check in the dataclass itself; say where
        raise ConfigError(f"{where} {exc.message}") from None


def env_int(name: str) -> int | None:
    """An integer from the environment (BRIEFING_*), or None when unset."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return None
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(
            f"environment variable {name} must be a whole number, not {raw!r}"
        ) from None
