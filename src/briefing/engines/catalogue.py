"""Piper voices by name: the catalogue of the Piper voices repository, and installing a voice
from it into the user's voices directory as a preset beside its model files.

The repository (``$BRIEFING_VOICES_URL``, default `DEFAULT_BASE_URL`) holds ``voices.json``,
which maps each voice's key (``en_GB-alan-medium``) to its language, quality, speakers and
files, each with its size and MD5; a file's URL is the base URL and the file's path.

The catalogue is kept in the speech cache (`SpeechCache.keep`, under ``files/``, one copy per
base URL) and fetched again when a day old; when the repository cannot be reached an older
copy is used, with a note saying from when.

A voice is downloaded into ``NAME.onnx.json.part`` and ``NAME.onnx.part`` beside the presets
(a rerun resumes them with a Range request), checked against the catalogue's sizes and MD5s,
renamed into place only when both are right, and the preset is written last: a failure or
Ctrl-C leaves no preset and no model files, at most a ``.part`` to resume.
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
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from briefing.cache import SpeechCache
from briefing.engines.base import EngineSettings
from briefing.errors import BriefingError, InputError, OutputError, SpeechError, UsageError
from briefing.files import atomic_path

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


def preset_text(voice: CatalogueVoice, speaker_id: int | None, speaker_name: str, url: str) -> str:
    """The preset for `voice`, in the form of the shipped ones; its model sits beside it."""
    import tomli_w

    title = voice.name.replace("_", " ").title()
    shown = f"{title} ({speaker_name})" if speaker_id is not None else title
    header: dict[str, Any] = {
        "name": voice.key,
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
        piper["speaker_id"] = speaker_id
    source = " ".join(url.split())
    return (
        f"# {voice.key}: a Piper voice from {source}, added by `briefing voices add`.\n"
        f"# `briefing voices remove {voice.key}` deletes this file and its model files.\n"
        + tomli_w.dumps({**header, "piper": piper})
    )


def part_path(final: Path) -> Path:
    return final.with_name(f"{final.name}.part")


def partial_downloads(voice: CatalogueVoice, directory: Path) -> list[Path]:
    """What an interrupted download of `voice` left to resume."""
    finals = (directory / voice.model_name, directory / f"{voice.model_name}.json")
    return [p for p in map(part_path, finals) if p.exists()]


def install(
    voice: CatalogueVoice,
    directory: Path,
    speaker: str | None = None,
    force: bool = False,
    progress: TransferFn | None = None,
) -> Path:
    """Download `voice` into `directory`, check it and write its preset there (last); return
    the preset's path.

    `force` starts the download again and replaces an installed copy. Faults are a
    `SpeechError` and leave no preset and no model files (a ``.part`` to resume, maybe)."""
    speaker_id, speaker_name = choose_speaker(voice, speaker)
    url = base_url()
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create {directory}: {exc.strerror or exc}") from None
    preset = directory / f"{voice.key}.toml"
    model = directory / voice.model_name
    finals = (model.with_name(f"{model.name}.json"), model)
    if force:  # start again; an installed copy stays until the new one is checked
        for final in finals:
            part_path(final).unlink(missing_ok=True)
    for final, file in zip(finals, (voice.config, voice.model), strict=True):
        part = part_path(final)
        _download(url + quote(file.path), part, file, progress)
        _check(part, file)
    try:
        for final in finals:
            os.replace(part_path(final), final)
        with atomic_path(preset) as temp:
            temp.write_text(preset_text(voice, speaker_id, speaker_name, url), encoding="utf-8")
    except BaseException:
        if not preset.exists():
            for final in finals:
                final.unlink(missing_ok=True)
        raise
    return preset


def _download(url: str, part: Path, file: VoiceFile, progress: TransferFn | None) -> None:
    """Fetch `url` into `part`, resuming what is there if the server allows. Faults are a
    `SpeechError` saying whether `part` is kept to resume."""
    import requests

    from briefing.ingest.fetch import TIMEOUT, USER_AGENT

    name = part.name.removesuffix(".part")
    have = part.stat().st_size if part.exists() else 0
    if have > file.size_bytes:
        part.unlink()
        have = 0
    if have == file.size_bytes:
        return  # an earlier run fetched it all; the check says whether it is right
    headers = {"User-Agent": USER_AGENT}
    if have:
        headers["Range"] = f"bytes={have}-"
    start = done = -1  # no answer yet
    try:
        with requests.get(url, headers=headers, stream=True, timeout=TIMEOUT) as response:
            if response.status_code == 416:  # what is there cannot be resumed: start again
                part.unlink()
                _download(url, part, file, progress)
                return
            if response.status_code >= 300:
                raise SpeechError(
                    f"cannot download {url}: the server answered HTTP {response.status_code}; "
                    "nothing was installed",
                    hint=f"check {URL_VARIABLE} (now {base_url()}) and the network",
                )
            resumed = response.status_code == 206 and _range_start(response) == have
            start = done = have if resumed else 0
            if progress:
                progress(Transfer(name, done, file.size_bytes, start))
            with part.open("ab" if resumed else "wb") as out:
                for chunk in response.iter_content(1 << 16):
                    done += len(chunk)
                    if done > file.size_bytes:
                        raise _TooLong
                    out.write(chunk)
                    if progress:
                        progress(Transfer(name, done, file.size_bytes, start))
    except _TooLong:
        part.unlink(missing_ok=True)
        raise SpeechError(
            f"{name}: the server sent more than the catalogue's {file.size_bytes} bytes; "
            "nothing was installed",
            hint=f"check {URL_VARIABLE} (now {base_url()})",
        ) from None
    except requests.exceptions.RequestException as exc:
        if done >= 0:
            why = f"the connection dropped after {_mb(done)} of {_mb(file.size_bytes)}"
        elif isinstance(exc, requests.exceptions.Timeout):
            why = f"cannot download {url}: no answer within {TIMEOUT:g} s"
        else:
            why = f"cannot download {url}: cannot connect to {urlsplit(url).hostname or url}"
        raise _failed(name if done >= 0 else "", why, part) from None
    except OSError as exc:
        raise OutputError(f"cannot write {part}: {exc.strerror or exc}") from None
    if done < file.size_bytes:
        why = f"the server closed the file after {_mb(done)} of {_mb(file.size_bytes)}"
        raise _failed(name, why, part)


class _TooLong(Exception):
    pass


def _range_start(response: Any) -> int:
    match = re.match(r"bytes (\d+)-", response.headers.get("Content-Range", ""))
    return int(match.group(1)) if match else -1


def _failed(name: str, why: str, part: Path) -> SpeechError:
    """A download that stopped: one line saying why, and what a rerun does."""
    size = part.stat().st_size if part.exists() else 0
    rerun = (
        f"{_mb(size)} is kept in {part}; run the command again to resume"
        if size
        else f"run the command again; {URL_VARIABLE} sets the voices repository, now {base_url()}"
    )
    prefix = f"{name}: " if name else ""
    return SpeechError(f"{prefix}{why}; nothing was installed", hint=rerun)


def _check(part: Path, file: VoiceFile) -> None:
    """`part` has the catalogue's size and MD5, or it is removed and a `SpeechError` says so."""
    name = part.name.removesuffix(".part")
    digest = hashlib.md5(usedforsecurity=False)
    with part.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    size = part.stat().st_size
    if size == file.size_bytes and digest.hexdigest() == file.md5_digest:
        return
    part.unlink()
    why = (
        f"is {size} bytes, not the catalogue's {file.size_bytes}"
        if size != file.size_bytes
        else f"has MD5 {digest.hexdigest()}, not the catalogue's {file.md5_digest}"
    )
    raise SpeechError(
        f"{name}: the download {why}; nothing was installed",
        hint="it was removed: run the command again to download it afresh, and if it fails "
        f"again, check {URL_VARIABLE} (now {base_url()}) and any proxy in between",
    )


def _mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def size_text(size: int) -> str:
    """``63.2 MB``, ``4.8 kB``."""
    return _mb(size) if size >= 1e6 else f"{size / 1e3:.1f} kB"


def remove_voice(name: str, directory: Path) -> list[Path]:
    """Delete the preset called `name` from `directory` (the user's voices), with the model
    files beside it that no other preset there uses and any partial downloads; return what
    was deleted. A name with no preset there is a `UsageError`."""
    from briefing.engines.voices import load_presets, read_preset

    mine: list[Path] = []
    kept_models: set[Path] = set()
    for path in sorted(directory.glob("*.toml")) if directory.is_dir() else []:
        try:
            preset = read_preset(path)
        except BriefingError:
            if path.stem == name:  # broken, but called so: the file goes
                mine.append(path)
            continue
        if preset.name == name:
            mine.append(path)
        else:
            kept_models.update(_model_files(preset.settings))
    if not mine:
        shipped = load_presets().get(name)
        if shipped is not None:
            raise UsageError(
                f"{name} is shipped with briefing ({shipped.path}), not one of your presets",
                hint="shipped voices cannot be removed; a preset of yours of the same name "
                "overrides one",
            )
        raise UsageError(
            f"no voice {name!r} among your presets in {directory}",
            hint="`briefing voices` lists them; shipped voices cannot be removed",
        )
    doomed = list(mine)
    for path in mine:
        with contextlib.suppress(BriefingError):
            models = _model_files(read_preset(path).settings)
            doomed += [
                p for p in models if p.parent == directory.resolve() and p not in kept_models
            ]
    for final in (directory / f"{name}.onnx", directory / f"{name}.onnx.json"):
        doomed.append(part_path(final))
    removed = []
    for path in dict.fromkeys(doomed):
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise OutputError(f"cannot remove {path}: {exc.strerror or exc}") from None
        removed.append(path)
    return removed


def _model_files(settings: EngineSettings) -> tuple[Path, ...]:
    """A Piper preset's model and config, resolved; nothing for other engines."""
    from briefing.engines.piper import PiperSettings

    if not isinstance(settings, PiperSettings):
        return ()
    try:
        model = settings.model_path().resolve()
    except BriefingError:
        return ()
    return model, Path(f"{model}.json")
