"""Which language an article is written in, detected from its text (py3langid)."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any, Literal

import numpy as np

from briefing.models import Article

log = logging.getLogger(__name__)

_FORMAT = 2
"""Bumped when what `_identifier` unpacks changes."""
_SAMPLE_CHARS = 5000
_MIN_CHARS = 40


def article_text(article: Article) -> str:
    return " ".join([article.title, *article.paragraphs])


def detect_language(text: str, models: Path | None = None) -> str | None:
    """The ISO 639-1 code of the text's language ("en", "de"), or None for too little text.

    py3langid's model is loaded for each call and let go after it: its tables take about
    100 MB, which the speech engine loaded next can use instead. It ships LZMA-packed
    (unpacking is 0.3 of the 0.5 s a load takes), so with `models` (the cache's prepared
    models) the tables are unpacked there once, and mapped from there after: a text reads
    only the few MB of them it walks.
    """
    text = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in text) < _MIN_CHARS:
        return None
    try:
        code, _score = _identifier(models).classify(text)
    except OSError as exc:  # its model is unpacked to a temp file: a full disk stops it
        log.warning("the page's language could not be detected (%s); not checking it", exc)
        return None
    return str(code)


def _identifier(models: Path | None) -> Any:
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    if models is None:
        return LanguageIdentifier.from_model_file(MODEL_FILE)
    packed = (MODEL_DIR / MODEL_FILE).stat()
    unpacked = models / f"py3langid-{packed.st_size}-{packed.st_mtime_ns}-{_FORMAT}"
    try:
        return _mapped(unpacked, LanguageIdentifier)
    except (OSError, ValueError, KeyError):  # not unpacked yet, or damaged: unpack it again
        _remove(unpacked)
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    try:
        models.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(dir=models, prefix=".py3langid-"))
    except OSError as exc:
        log.debug("cannot keep the language detector unpacked in %s: %s", models, exc)
        return identifier
    try:
        tables = {
            "ptc": np.asarray(identifier.nb_ptc),
            "pc": np.asarray(identifier.nb_pc),
            "classes": np.array(identifier.nb_classes),
            "nextmove": np.asarray(identifier.tk_nextmove),
            "output": np.asarray(identifier.tk_output, dtype=np.int32),
            "row": np.asarray(identifier.tk_row),
        }
        for name, table in tables.items():
            np.save(temp / f"{name}.npy", table, allow_pickle=False)
        os.replace(temp, unpacked)
        for old in models.glob("py3langid-*"):  # an earlier format, or an earlier py3langid
            if old != unpacked:
                _remove(old)
    except OSError as exc:
        log.debug("cannot keep the language detector unpacked in %s: %s", models, exc)
        _remove(temp)
    return identifier


def _mapped(unpacked: Path, identifier_class: Any) -> Any:
    """The detector on tables mapped from `unpacked` (not read: the pages a text needs are
    what is loaded, a few MB, where reading them all took 100 MB and 0.2 s)."""

    def table(name: str) -> np.ndarray:
        return np.load(unpacked / f"{name}.npy", mmap_mode="r", allow_pickle=False)

    return identifier_class(
        table("ptc"),
        np.array(table("pc")),
        table("classes").tolist(),
        _walkable(table("nextmove")),
        _walkable(table("output")),
        tk_row=_walkable(table("row")),
    )


def _walkable(values: np.ndarray) -> memoryview:
    """A DFA table as py3langid walks it, one element at a time: a memoryview of the mapped
    file (indexing a numpy array one byte of text at a time would be many times slower)."""
    code: dict[tuple[int, str], Literal["H", "I", "i", "Q", "q"]] = {
        (2, "u"): "H",
        (4, "u"): "I",
        (4, "i"): "i",
        (8, "u"): "Q",
        (8, "i"): "q",
    }
    raw = memoryview(values.data).cast("B")
    return raw.cast(code[values.dtype.itemsize, values.dtype.kind])


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            path.unlink()


def language_name(code: str) -> str:
    """ "German" for "de", as gTTS names it; the code itself if unknown."""
    from gtts.lang import tts_langs

    return tts_langs().get(code, code)


_REGION_BY_HOST = (
    (".co.uk", "GB"),
    (".uk", "GB"),
    (".com.au", "AU"),
    (".au", "AU"),
    (".ie", "IE"),
    (".co.nz", "NZ"),
    (".nz", "NZ"),
    (".ca", "CA"),
    (".co.in", "IN"),
    (".in", "IN"),
    (".co.za", "ZA"),
    (".za", "ZA"),
)
_CURRENCY_REGION = (("£", "GB"), ("₹", "IN"))


def page_region(article: Article) -> str | None:
    """Where an English-language page is from, for the voice that reads it: its address
    (".co.uk"), else the currency its text counts in (pounds); None when nothing says."""
    from urllib.parse import urlsplit

    host = (urlsplit(article.url or "").hostname or "").lower()
    for suffix, region in _REGION_BY_HOST:
        if host.endswith(suffix):
            return region
    text = " ".join(article.paragraphs[:20])
    for symbol, region in _CURRENCY_REGION:
        if text.count(symbol) >= 2 and text.count(symbol) > text.count("$"):
            return region
    return None
