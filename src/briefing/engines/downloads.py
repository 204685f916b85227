"""Installing a Piper voice of the catalogue (`catalogue.py`) into the user's voices folder,
and removing one.

Each file is downloaded into `NAME.part` beside its final name (resumed with a Range
request when one is there), checked against the catalogue's size and MD5, and renamed
into place only then; the preset is written last. A wrong checksum, a dropped connection
or Ctrl-C leaves nothing installed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from briefing.engines.base import EngineSettings
from briefing.engines.catalogue import (
    URL_VARIABLE,
    CatalogueVoice,
    Transfer,
    TransferFn,
    VoiceFile,
    base_url,
    choose_speaker,
    preset_text,
)
from briefing.errors import BriefingError, OutputError, SpeechError, UsageError
from briefing.files import atomic_path


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
    name: str | None = None,
) -> Path:
    """Download `voice` into `directory`, check it and write its preset there (last), called
    `name` (default the voice's key); return the preset's path.

    Model files already installed and matching the catalogue are used as they are (a second
    speaker of a voice downloads nothing). `force` starts the download again and replaces an
    installed copy. Faults are a `SpeechError` and leave no new preset and no model files
    that were not there (a ``.part`` to resume, maybe)."""
    speaker_id, speaker_name = choose_speaker(voice, speaker)
    url = base_url()
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create {directory}: {exc.strerror or exc}") from None
    preset = directory / f"{name or voice.key}.toml"
    model = directory / voice.model_name
    finals = (model.with_name(f"{model.name}.json"), model)
    files = (voice.config, voice.model)
    fetched = [
        final
        for final, file in zip(finals, files, strict=True)
        if force or not _matches(final, file)
    ]
    if force:  # start again; an installed copy stays until the new one is checked
        for final in finals:
            part_path(final).unlink(missing_ok=True)
    for final, file in zip(finals, files, strict=True):
        if final in fetched:
            part = part_path(final)
            _download(url + quote(file.path), part, file, progress)
            _check(part, file)
    try:
        for final in fetched:
            os.replace(part_path(final), final)
        text = preset_text(voice, speaker_id, speaker_name, url, name)
        with atomic_path(preset) as temp:
            temp.write_text(text, encoding="utf-8")
    except BaseException:
        if not preset.exists():
            for final in fetched:
                final.unlink(missing_ok=True)
        raise
    return preset


def _matches(final: Path, file: VoiceFile) -> bool:
    """Whether an installed file is the catalogue's (size, then MD5)."""
    if not final.is_file() or final.stat().st_size != file.size_bytes:
        return False
    return _md5(final) == file.md5_digest


def _md5(path: Path) -> str:
    digest = hashlib.md5(usedforsecurity=False)
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


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
    digest = _md5(part)
    size = part.stat().st_size
    if size == file.size_bytes and digest == file.md5_digest:
        return
    part.unlink()
    why = (
        f"is {size} bytes, not the catalogue's {file.size_bytes}"
        if size != file.size_bytes
        else f"has MD5 {digest}, not the catalogue's {file.md5_digest}"
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
