"""Cover art made in code: a square image with the show's name and the date.

Podcast apps want square RGB art of 1400-3000 px; embedded art should stay small
(about 500 kB at most), so the image is a flat design saved as a JPEG.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from briefing.errors import ConfigError

SIZE = 1400
MAX_EMBED_BYTES = 500_000


def _palette(show: str) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """A dark background and a bright accent, stable per show name."""
    digest = hashlib.sha256(show.encode("utf-8")).digest()
    background = tuple(24 + b % 40 for b in digest[:3])
    accent = tuple(160 + b % 96 for b in digest[3:6])
    return background, accent  # type: ignore[return-value]


def make_cover(show: str, date: dt.date, size: int = SIZE) -> bytes:
    """A JPEG cover for one episode of `show`."""
    background, accent = _palette(show)
    image = Image.new("RGB", (size, size), background)
    draw = ImageDraw.Draw(image)
    margin = size // 10
    draw.rectangle([margin, margin, size - margin, margin + size // 60], fill=accent)

    title_font = ImageFont.load_default(size=size // 9)
    lines = textwrap.wrap(show, width=12)[:4] or ["Briefing"]
    y = margin * 2
    for line in lines:
        draw.text((margin, y), line, font=title_font, fill=(245, 245, 245))
        y += int(size / 8)

    date_font = ImageFont.load_default(size=size // 18)
    draw.text((margin, size - margin * 2), f"{date:%A}", font=date_font, fill=accent)
    draw.text(
        (margin, size - margin * 2 + size // 14),
        f"{date.day} {date:%B %Y}",
        font=date_font,
        fill=(230, 230, 230),
    )

    return _jpeg_under_limit(image)


def _jpeg_under_limit(image: Image.Image) -> bytes:
    for quality in (90, 85, 80, 70, 60, 50):
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=quality, optimize=True)
        if buffer.tell() <= MAX_EMBED_BYTES:
            break
    return buffer.getvalue()


def load_artwork(path: Path) -> bytes:
    """A user's show artwork as podcast apps want it: a square RGB JPEG of 1400-3000 px,
    small enough to embed. A non-square image is centre-cropped."""
    try:
        with Image.open(path) as opened:
            image = opened.convert("RGB")
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: the show's artwork cannot be read as an image: {exc}") from None
    side = min(image.size)
    left, top = (image.width - side) // 2, (image.height - side) // 2
    image = image.crop((left, top, left + side, top + side))
    target = min(max(side, SIZE), 3000)
    if target != side:
        image = image.resize((target, target), Image.Resampling.LANCZOS)
    return _jpeg_under_limit(image)
