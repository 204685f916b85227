"""Draw the feed fixtures' pictures into this folder: `python make_images.py`.

The pictures are plain gradients with a shape, drawn the same way on every run:
wide.jpg (1600x900 RGB), tall.png (600x1000 RGBA, partly transparent), small.jpg (320x240),
cmyk.jpg (800x800 CMYK) and photo.broken.jpg (not a picture at all).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent


def gradient(size: tuple[int, int], top: tuple[int, ...], bottom: tuple[int, ...]) -> Image.Image:
    """A vertical gradient from `top` to `bottom` (RGB or RGBA colours)."""
    mode = "RGBA" if len(top) == 4 else "RGB"
    strip = Image.new(mode, (1, size[1]))
    for y in range(size[1]):
        share = y / max(size[1] - 1, 1)
        strip.putpixel(
            (0, y), tuple(round(a + (b - a) * share) for a, b in zip(top, bottom, strict=True))
        )
    return strip.resize(size)


def wide() -> Image.Image:
    """A sky over a hill with a sun: 1600x900, RGB."""
    image = gradient((1600, 900), (40, 90, 170), (230, 180, 120))
    draw = ImageDraw.Draw(image)
    draw.ellipse((1150, 150, 1400, 400), fill=(250, 220, 90))
    draw.polygon(
        [(0, 900), (0, 640), (500, 520), (1000, 660), (1600, 560), (1600, 900)], (40, 110, 60)
    )
    return image


def tall() -> Image.Image:
    """A see-through column with an opaque disc: 600x1000, RGBA."""
    image = gradient((600, 1000), (200, 30, 60, 0), (30, 60, 200, 255))
    draw = ImageDraw.Draw(image)
    draw.ellipse((150, 350, 450, 650), fill=(255, 255, 255, 255))
    return image


def small() -> Image.Image:
    """A green gradient with a box: 320x240, RGB."""
    image = gradient((320, 240), (20, 120, 80), (200, 240, 200))
    ImageDraw.Draw(image).rectangle((100, 70, 220, 170), fill=(20, 40, 30))
    return image


def cmyk() -> Image.Image:
    """A square with a triangle, in CMYK as print workflows save it: 800x800."""
    image = gradient((800, 800), (120, 20, 20), (250, 200, 60))
    ImageDraw.Draw(image).polygon([(400, 120), (700, 680), (100, 680)], fill=(30, 30, 90))
    return image.convert("CMYK")


def main() -> None:
    """Write every picture next to this script."""
    wide().save(HERE / "wide.jpg", quality=80, optimize=True)
    tall().save(HERE / "tall.png", optimize=True)
    small().save(HERE / "small.jpg", quality=85, optimize=True)
    cmyk().save(HERE / "cmyk.jpg", quality=80)
    (HERE / "photo.broken.jpg").write_bytes(b"not really a jpeg\n")
    for path in sorted(HERE.iterdir()):
        if path.suffix in (".jpg", ".png"):
            assert path.stat().st_size < 200_000, path


if __name__ == "__main__":
    main()
