"""Ingest: turn a source (a file today; URLs and feeds later) into a `Page`.

Reading bytes is kept apart from parsing them, so every parser is testable offline.
"""

from __future__ import annotations

from pathlib import Path

from briefing.errors import ContentError, InputError
from briefing.ingest.textpage import parse_text_page
from briefing.models import Page

MAX_PAGE_BYTES = 20 * 1024 * 1024


def read_text(path: Path) -> str:
    """The text of a page file, decoded as UTF-8 (with or without a BOM)."""
    if path.is_dir():
        raise InputError(f"{path} is a directory, not a page", hint="give the path of a page file")
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_PAGE_BYTES + 1)  # bounded, even for a device or a pipe
    except FileNotFoundError:
        raise InputError(f"{path} does not exist") from None
    except PermissionError:
        raise InputError(f"{path} cannot be read: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path} cannot be read: {exc.strerror or exc}") from None
    if len(data) > MAX_PAGE_BYTES:
        raise InputError(
            f"{path} is over {MAX_PAGE_BYTES // (1024 * 1024)} MB, too large for an article page",
            hint="give the article page itself",
        )
    if b"\x00" in data[:8192]:
        raise InputError(f"{path} is a binary file, not a text page")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path} is not valid UTF-8 (byte {exc.start})", hint="save the page as UTF-8 text"
        ) from None


def load_page(path: Path) -> Page:
    """Read and parse a page file."""
    text = read_text(path)
    if not text.strip():
        raise ContentError(f"{path} is empty")
    return parse_text_page(text)
