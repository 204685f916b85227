"""Pictures in an episode: cover art made in code (a square image with the show's name and
the date), the show's own artwork, and each chapter's picture.

Podcast apps want square RGB art of 1400-3000 px; embedded art should stay small
(about 500 kB at most), so the cover is a flat design saved as a JPEG. A chapter's picture
(a news photo, mostly wide) is made square-safe: the whole photo, centred on a blurred,
darkened copy of itself filling the square, so an app that shows it square crops nothing;
at most 1400 px a side and 200 kB.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont, UnidentifiedImageError

from briefing.errors import ConfigError, ContentError

SIZE = 1400
MAX_EMBED_BYTES = 500_000
MAX_CHAPTER_BYTES = 200_000
MAX_SOURCE_PIXELS = 40_000_000
"""A picture larger than this is refused rather than decoded (a decompression bomb)."""


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


def _jpeg_under_limit(image: Image.Image, limit: int = MAX_EMBED_BYTES) -> bytes:
    while True:
        for quality in (90, 85, 80, 70, 60, 50):
            buffer = io.BytesIO()
            image.save(buffer, format="JPEG", quality=quality, optimize=True)
            if buffer.tell() <= limit:
                return buffer.getvalue()
        if image.width <= 200:
            return buffer.getvalue()
        image = image.resize(
            (image.width * 3 // 4, image.height * 3 // 4), Image.Resampling.LANCZOS
        )


def fit_chapter_picture(data: bytes) -> bytes:
    """A chapter's picture from a downloaded image: square-safe, RGB, at most 1400 px a
    side and `MAX_CHAPTER_BYTES`; `ContentError` when it is not a picture Pillow reads."""
    try:
        with Image.open(io.BytesIO(data)) as opened:
            if opened.width * opened.height > MAX_SOURCE_PIXELS:
                raise ContentError(f"the picture is too large ({opened.width}x{opened.height})")
            opened.draft("RGB", (SIZE, SIZE))  # a big JPEG decodes at a fraction of its size
            image = _flattened(opened)
    except UnidentifiedImageError:
        raise ContentError("not a picture: neither JPEG, PNG, WebP nor GIF") from None
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ContentError(f"a picture that cannot be read ({exc})") from None
    side = min(max(image.size), SIZE)
    image.thumbnail((side, side), Image.Resampling.LANCZOS)
    if image.width != image.height:
        fill = image.resize((side, side), Image.Resampling.BILINEAR)
        fill = fill.filter(ImageFilter.GaussianBlur(side // 30))
        square = Image.blend(fill, Image.new("RGB", fill.size), 0.45)
        square.paste(image, ((side - image.width) // 2, (side - image.height) // 2))
        image = square
    return _jpeg_under_limit(image, MAX_CHAPTER_BYTES)


def _flattened(image: Image.Image) -> Image.Image:
    """RGB, with any transparency laid on white and CMYK or palette pictures converted."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


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
