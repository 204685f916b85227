"""Piper voices by name: the catalogue of the Piper voices repository, and the preset a voice
of it gets (installing it is `downloads.py`).

The repository (``$BRIEFING_VOICES_URL``, default `DEFAULT_BASE_URL`) holds ``voices.json``,
which maps each voice's key (``en_GB-alan-medium``) to its language, quality, speakers and
files, each with its size and MD5; a file's URL is the base URL and the file's path.

The catalogue is kept in the speech cache (`SpeechCache.keep`, under ``files/``, one copy per
base URL) and fetched again when a day old; when the repository cannot be reached an older
copy is used, with a note saying from when.
"""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from briefing.cache import SpeechCache
from briefing.errors import InputError, UsageError

DEFAULT_BASE_URL = "https://huggingface.co/rhasspy/piper-voices/resolve/v1.0.0/"
URL_VARIABLE = "BRIEFING_VOICES_URL"
MAX_AGE_S = 24 * 3600
"""A kept catalogue younger than this is used without asking the repository."""
MAX_CATALOGUE_BYTES = 32 * 1024 * 1024
_SAFE_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.+-]*")
"""Keys become file names; one that could climb out of the voices directory is skipped."""


@dataclass(frozen=True)
class VoiceFile:
    """One file of a voice, as the catalogue lists it."""

    path: str
    """Relative to the base URL: ``en/en_GB/alan/medium/en_GB-alan-medium.onnx``."""
    size_bytes: int
    md5_digest: str


@dataclass(frozen=True)
class CatalogueVoice:
    """One voice of the catalogue."""

    key: str
    """Its name, and the name of the preset made for it: ``en_GB-alan-medium``."""
    name: str
    """The dataset's name: ``alan``."""
    language_code: str
    """Piper's form, ``en_GB``; `language` is the preset's (BCP 47) form."""
    language_family: str
    language_english: str
    country_english: str
    language_native: str
    quality: str
    num_speakers: int
    speakers: Mapping[str, int]
    """Speaker name to id, for voices with more than one."""
    model: VoiceFile
    config: VoiceFile
    aliases: tuple[str, ...] = ()

    @property
    def language(self) -> str:
        """``en-GB``: the language tag presets use."""
        return self.language_code.replace("_", "-")

    @property
    def language_label(self) -> str:
        """``English (Great Britain)``."""
        country = f" ({self.country_english})" if self.country_english else ""
        return f"{self.language_english or self.language}{country}"

    @property
    def size_bytes(self) -> int:
        return self.model.size_bytes + self.config.size_bytes

    @property
    def model_name(self) -> str:
        """The model's file name in the voices directory; its config is this plus ``.json``."""
        return f"{self.key}.onnx"


@dataclass(frozen=True)
class Catalogue:
    """The voices of one repository, as fetched at `fetched`."""

    url: str
    """The ``voices.json`` it came from."""
    fetched: float
    """When it was fetched (seconds since the epoch)."""
    voices: Mapping[str, CatalogueVoice]
    unreachable: str | None = None
    """Why the repository could not be reached, when an older kept copy is used instead."""

    def find(self, name: str) -> CatalogueVoice:
        """The voice called `name` (a key or an alias); `UsageError` suggesting close names."""
        if name in self.voices:
            return self.voices[name]
        for voice in self.voices.values():
            if name in voice.aliases:
                return voice
        by_lower = {key.lower(): key for key in self.voices}
        if name.lower() in by_lower:
            return self.voices[by_lower[name.lower()]]
        close = difflib.get_close_matches(name, list(self.voices), n=3, cutoff=0.6)
        maybe = f"did you mean {', '.join(close)}? " if close else ""
        raise UsageError(
            f"no voice named {name!r} in the Piper voices catalogue",
            hint=f"{maybe}`briefing voices search` lists them",
        )

    def search(self, text: str = "", language: str | None = None) -> list[CatalogueVoice]:
        """Voices whose key or language names contain `text`, speaking `language` (``de``,
        ``de_DE`` or ``de-DE``), by key."""
        wanted = (language or "").replace("-", "_").lower()
        needle = text.lower()
        found = []
        for voice in self.voices.values():
            if wanted and wanted not in (
                voice.language_family.lower(),
                voice.language_code.lower(),
            ):
                continue
            words = (
                voice.key,
                voice.language_english,
                voice.language_native,
                voice.country_english,
                *voice.aliases,
            )
            if needle and not any(needle in word.lower() for word in words):
                continue
            found.append(voice)
        return sorted(found, key=lambda v: v.key)


@dataclass(frozen=True)
class Transfer:
    """How far the download of one file has gone, for a progress display."""

    name: str
    done: int
    total: int
    resumed_from: int
    """Bytes already there from an earlier run (0: a fresh download)."""


TransferFn = Callable[[Transfer], None]


def base_url() -> str:
    """The voices repository: ``$BRIEFING_VOICES_URL`` or `DEFAULT_BASE_URL`, ending in /."""
    url = os.environ.get(URL_VARIABLE, "").strip() or DEFAULT_BASE_URL
    return url if url.endswith("/") else f"{url}/"


def parse_catalogue(data: Any) -> dict[str, CatalogueVoice]:
    """The voices of a decoded ``voices.json``; entries that are not usable voices (no
    model, no config, an unsafe key) are left out. `ValueError` if it is no catalogue."""
    if not isinstance(data, dict):
        raise ValueError("not a JSON object of voices")
    voices = {}
    for key, entry in data.items():
        with contextlib.suppress(KeyError, TypeError, ValueError, AttributeError, StopIteration):
            voices[key] = _voice(key, entry)
    if data and not voices:
        raise ValueError("no entry in it is a Piper voice")
    return voices


def _voice(key: str, entry: Mapping[str, Any]) -> CatalogueVoice:
    if not _SAFE_KEY.fullmatch(key):
        raise ValueError(key)
    files = {
        path: VoiceFile(path, int(info["size_bytes"]), str(info["md5_digest"]).lower())
        for path, info in entry["files"].items()
    }
    model = next(f for p, f in files.items() if p.endswith(".onnx"))
    config = files[f"{model.path}.json"]
    language = entry.get("language") or {}
    speakers = {str(k): int(v) for k, v in (entry.get("speaker_id_map") or {}).items()}
    return CatalogueVoice(
        key=key,
        name=str(entry.get("name", key)),
        language_code=str(language["code"]),
        language_family=str(language.get("family", str(language["code"]).split("_")[0])),
        language_english=str(language.get("name_english", "")),
        country_english=str(language.get("country_english", "")),
        language_native=str(language.get("name_native", "")),
        quality=str(entry.get("quality", "")),
        num_speakers=int(entry.get("num_speakers") or max(1, len(speakers))),
        speakers=speakers,
        model=model,
        config=config,
        aliases=tuple(str(a) for a in entry.get("aliases") or ()),
    )


def _cache_key(url: str) -> str:
    return "piper-voices-" + hashlib.sha256(url.encode("utf-8")).hexdigest()[:16] + ".json"


def load_catalogue(cache: SpeechCache | None = None, max_age_s: float = MAX_AGE_S) -> Catalogue:
    """The catalogue of `base_url()`: the kept copy if younger than `max_age_s`, else fetched
    and kept. If the repository cannot be reached, an older copy with `unreachable` set;
    with no copy, an `InputError` naming the URL and ``$BRIEFING_VOICES_URL``."""
    from briefing.ingest.fetch import fetch

    url = base_url() + "voices.json"
    cache = cache or SpeechCache.default()
    key = _cache_key(url)
    kept = _read_kept(cache.kept(key, max_age_s), url)
    if kept is not None:
        return kept
    try:
        fetched = fetch(
            url,
            max_bytes=MAX_CATALOGUE_BYTES,
            accept=("application/json", "text/plain", "application/octet-stream"),
        )
        try:
            raw = json.loads(fetched.data)
            voices = parse_catalogue(raw)
        except ValueError as exc:
            raise InputError(f"{url} is not a Piper voices catalogue: {exc}") from None
    except InputError as exc:
        older = _read_kept(cache.kept(key, float("inf")), url)
        if older is not None:
            return Catalogue(older.url, older.fetched, older.voices, unreachable=exc.message)
        raise InputError(
            f"cannot read the Piper voices catalogue: {exc.message}",
            hint=f"check the network; {URL_VARIABLE} sets the voices repository "
            f"(a mirror or proxy), now {base_url()}",
        ) from None
    now = time.time()
    cache.keep(key, json.dumps({"url": url, "fetched": now, "voices": raw}).encode("utf-8"))
    return Catalogue(url, now, voices)


def _read_kept(data: bytes | None, url: str) -> Catalogue | None:
    if data is None:
        return None
    try:
        kept = json.loads(data)
        return Catalogue(url, float(kept["fetched"]), parse_catalogue(kept["voices"]))
    except (ValueError, KeyError, TypeError):
        return None


def choose_speaker(voice: CatalogueVoice, speaker: str | None) -> tuple[int | None, str]:
    """The speaker id and name for `speaker` (a name or a number; default the first) of a
    voice with several, or (None, "") for a voice with one. Unknown: `UsageError`."""
    by_id = {number: name for name, number in sorted(voice.speakers.items(), reverse=True)}
    if voice.num_speakers <= 1:
        if speaker not in (None, "0"):
            raise UsageError(f"{voice.key} has a single speaker; leave out --speaker")
        return None, ""
    if speaker is None:
        number = min(by_id, default=0)
        return number, by_id.get(number, str(number))
    if speaker in voice.speakers:
        return voice.speakers[speaker], speaker
    if speaker.isdigit() and int(speaker) < voice.num_speakers:
        return int(speaker), by_id.get(int(speaker), speaker)
    close = difflib.get_close_matches(speaker, list(voice.speakers), n=3, cutoff=0.6)
    raise UsageError(
        f"{voice.key} has no speaker {speaker!r}",
        hint=(f"did you mean {', '.join(close)}? " if close else "")
        + f"give a name from its speaker list or a number from 0 to {voice.num_speakers - 1}",
    )


def preset_text(
    voice: CatalogueVoice,
    speaker_id: int | None,
    speaker_name: str,
    url: str,
    name: str | None = None,
) -> str:
    """The preset for `voice` (called `name`, default its key), in the form of the shipped
    ones; its model sits beside it. A speaker is named as the model names it ("p225"), or
    by number where it has no name."""
    import tomli_w

    title = voice.name.replace("_", " ").title()
    shown = f"{title} ({speaker_name})" if speaker_id is not None else title
    header: dict[str, Any] = {
        "name": name or voice.key,
        "engine": "piper",
        "language": voice.language,
        "description": ", ".join(
            filter(None, (shown, voice.language_english or voice.language, voice.country_english))
        )
        + f" (Piper {voice.quality}, offline)",
        "speaker": shown,
    }
    piper: dict[str, Any] = {"model": voice.model_name}
    if speaker_id is not None:
        named = voice.speakers.get(speaker_name) == speaker_id
        piper["speaker"] = speaker_name if named else speaker_id
    source = " ".join(url.split())
    return (
        f"# {name or voice.key}: a Piper voice from {source}, added by `briefing voices add`.\n"
        f"# `briefing voices remove {name or voice.key}` deletes this file, and its model "
        "files when no other preset uses them.\n" + tomli_w.dumps({**header, "piper": piper})
    )
