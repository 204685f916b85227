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
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from briefing.errors import ConfigError

if typing.TYPE_CHECKING:
    from briefing.audio.sound import SoundDesign

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
    """`value` checked against a simple annotation: str, int, float, bool, X | Y | None (the
    first that fits), or tuple[str, ...] (a list of text, or one text)."""
    if typing.get_origin(expected) is tuple:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
            raise ConfigError(f"{where} must be a list of text, not {value!r}")
        return tuple(items)
    if typing.get_origin(expected) in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(expected) if a is not type(None)]
        for option in options[:-1]:
            try:
                return _coerce(value, option, where)
            except ConfigError:
                continue
        if len(options) > 1 and all(o in _TYPE_NAMES for o in options):
            names = " or ".join(_TYPE_NAMES[o] for o in options)
            try:
                return _coerce(value, options[-1], where)
            except ConfigError:
                raise ConfigError(f"{where} must be {names}, not {value!r}") from None
        return _coerce(value, options[-1], where)
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


# --- the show -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ShowConfig:
    """A show file (``show.toml``): what the show is called, who hosts it, what it says
    between stories, and which voices read it. Every field is optional.

    Templates may use {show}, {date} ("Wednesday the fourteenth of January"), {weekday},
    {day}, {month}, {year}, {host}, {host_line}, {tagline}, {lead_title}, {story_count},
    {headline_count} and {source} (in the headlines intro and transitions, the feed the
    next headline came from; elsewhere the lead's); an unknown name is an error that names
    the field.
    """

    name: str | None = None
    """The show's name; default the page's masthead."""
    host: str | None = None
    """Who presents it; fills {host} and {host_line}."""
    intro: str = "This is {show} for {date}. {host_line} {tagline}"
    host_line: str = "I'm {host}."
    """Said in the intro only when a host is set."""
    headlines_intro: str = "Now, the headlines."
    """Said before the first headline of the round-up."""
    transition: str = ""
    """Said before each later headline ("Next.", "Also today."); nothing by default."""
    outro: str = "That was {show} for {date}. Thanks for listening."
    disclosure: str = "This episode is read by a synthetic voice."
    """Said after the intro: listeners, and Apple Podcasts, are owed it. It can be
    reworded; "" leaves it out, with a warning at every build."""
    voice: str | None = None
    """The anchor's voice preset; --voice overrides it."""
    headline_voice: str | None = None
    lexicon: str | None = None
    """A lexicon file of your own, relative to the show file."""
    artwork: str | None = None
    """Your show's cover art (square, 1400-3000 px), relative to the show file; default: one
    is made with the show's name and the date."""
    intro_sting: str = "none"
    """"default" (a chime made in code), "none", or an audio file played before the intro."""
    outro_sting: str = "none"
    music_bed: str = "none"
    """"default", "none", or an audio file played under the intro, ducked under the voice."""
    stereo: bool = False
    """Stereo MP3 (at -16 LUFS) instead of mono (-19 LUFS); the voice is centred."""
    # --- the feed (briefing publish) ---
    description: str = ""
    """What the show is about, for podcast apps (up to 4000 bytes)."""
    author: str = ""
    owner_name: str = ""
    owner_email: str = ""
    language: str = "en"
    category: str = "News"
    subcategory: str = "Daily News"
    explicit: bool = False
    website: str = ""
    """The show's web page (the feed's <link>); default the base URL."""
    base_url: str = ""
    """Where the output directory is served from; --base-url overrides it."""
    locked: bool = True
    """podcast:locked: other hosts may not import the feed."""
    keep: int = 0
    """Episodes to keep when publishing (the newest); 0 keeps all."""
    to: str = ""
    """Where `publish` and `daily` send the episodes and feed: s3://BUCKET/PREFIX or
    sftp://USER@HOST[:PORT]/PATH; empty keeps them in the output directory only."""
    endpoint_url: str = ""
    """An S3-compatible store's endpoint (Cloudflare R2, Backblaze B2, MinIO); default
    AWS_ENDPOINT_URL, else AWS itself. Never credentials: those come from the environment
    or AWS profiles."""
    # --- daily episodes (briefing daily) ---
    lead: str = ""
    """Where the day's lead article comes from: a page, a URL, or a directory of pages (the
    newest is used); relative to the show file."""
    headlines_from: str = ""
    """Where the round-up's headlines come from: a feed or list (path or URL); default the
    lead page's own list."""
    feeds: tuple[str, ...] = ()
    """Feeds for the round-up (paths or URLs), merged newest first; with no `lead`, the
    first feed's first item is the lead story."""
    headlines: str = ""
    """Which headlines (-H): numbers, ranges, topic words; default the first five distinct."""
    topics: tuple[str, ...] = ()
    """Words or phrases a round-up story must mention (title or summary)."""
    exclude: tuple[str, ...] = ()
    """Words or phrases that leave a round-up story out."""
    brief: int = 2
    """Sentences read after each round-up headline (0: the headline alone)."""
    fetch_timeout: float = 30.0
    """Seconds for all of a build's fetching of linked stories and pictures together."""
    max_age: float = 0.0
    """Hours: refuse a lead story older than this before the episode's date (0: only warn
    when it is more than a day old)."""
    output_dir: str = "output"
    """Where episodes and the feed go, relative to the show file."""
    base: Path = Path(".")
    """The show file's directory (not read from the file)."""

    TEMPLATES: ClassVar[tuple[str, ...]] = (
        "intro",
        "disclosure",
        "host_line",
        "headlines_intro",
        "transition",
        "outro",
    )
    VARIABLES: ClassVar[frozenset[str]] = frozenset(
        "show date weekday day month year host host_line tagline lead_title story_count "
        "headline_count source".split()
    )

    def __post_init__(self) -> None:
        import string

        if self.brief < 0:
            raise ConfigError(f"brief must be 0 or more sentences, not {self.brief}")
        if self.fetch_timeout <= 0 or self.max_age < 0:
            raise ConfigError("fetch_timeout must be above 0 and max_age 0 or more")

        for name in self.TEMPLATES:
            try:
                fields = [f for _, f, _, _ in string.Formatter().parse(getattr(self, name)) if f]
            except ValueError as exc:
                raise ConfigError(f"{name} is not a valid template: {exc}") from None
            unknown = sorted(set(fields) - self.VARIABLES)
            if unknown:
                raise ConfigError(
                    f"{name} uses {{{unknown[0]}}}, which is not one of "
                    + ", ".join("{" + v + "}" for v in sorted(self.VARIABLES))
                )

    def lexicon_path(self) -> Path | None:
        return None if self.lexicon is None else self.base / Path(self.lexicon).expanduser()

    def sound_design(self) -> SoundDesign:
        from briefing.audio.sound import SoundDesign

        return SoundDesign(self.intro_sting, self.outro_sting, self.music_bed, self.base)

    def resolve(self, value: str) -> str:
        """A path from the show file, relative to it; URLs as they are."""
        if not value or "://" in value[:12]:
            return value
        return str(self.base / Path(value).expanduser())

    def artwork_path(self) -> Path | None:
        return None if self.artwork is None else self.base / Path(self.artwork).expanduser()


def load_show(path: Path) -> ShowConfig:
    """Read a show file; problems are a `ConfigError` naming the file and field."""
    return parse_table(ShowConfig, read_toml(path), f"{path}:", base=path.parent)
