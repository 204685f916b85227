"""Would a podcast directory take this feed? What Apple Podcasts and the Podcasting 2.0
namespace require of a channel and its items, checked before anything is sent.

Each missing or wrong element is named with the show-file setting that fills it, so one
message says everything to fix.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree
from PIL import Image

from briefing.errors import ConfigError

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
ARTWORK_PX = (1400, 3000)
_NS = {"itunes": ITUNES, "podcast": PODCAST}


def feed_problems(feed: bytes, directory: Path) -> list[str]:
    """What a directory would refuse in `feed` (the feed of `directory`), each with its fix;
    empty when it would take it."""
    root = etree.fromstring(feed)
    channel = root.find("channel")
    if channel is None:
        return ["the feed has no <channel>"]
    problems: list[str] = []

    def need(path: str, what: str, fix: str) -> etree._Element | None:
        found = channel.find(path, _NS)
        if found is None or not ((found.text or "").strip() or found.attrib):
            problems.append(f"{what} ({fix})")
            return None
        return found

    need("title", "channel title", "name in the show file")
    need("description", "channel description", "description in the show file")
    need("language", "language", "language in the show file")
    need("itunes:category", "itunes:category", "category in the show file")
    need("itunes:explicit", "itunes:explicit", "explicit in the show file")
    need("itunes:owner/itunes:email", "owner email", "owner_email in the show file")
    image = need("itunes:image", "channel artwork", "build an episode, or artwork in the show file")
    if image is not None:
        problems += _artwork_problems(image.get("href", ""), directory)
    for n, item in enumerate(channel.findall("item"), start=1):
        label = f"episode {n} ({(item.findtext('title') or '').strip()[:40]!r})"
        if not (item.findtext("guid") or "").strip():
            problems.append(f"{label}: no guid")
        enclosure = item.find("enclosure")
        if enclosure is None or not enclosure.get("url"):
            problems.append(f"{label}: no enclosure URL")
        else:
            if enclosure.get("type") != "audio/mpeg":
                problems.append(f"{label}: enclosure type is not audio/mpeg")
            if not (enclosure.get("length") or "0").isdigit() or enclosure.get("length") == "0":
                problems.append(f"{label}: enclosure length missing or 0")
        if not (item.findtext(f"{{{ITUNES}}}duration") or "").strip():
            problems.append(f"{label}: no itunes:duration")
    return problems


def _artwork_problems(href: str, directory: Path) -> list[str]:
    """The channel artwork must be square and 1400-3000 px (checked on the local file)."""
    path = directory / unquote(Path(urlsplit(href).path).name)
    try:
        with Image.open(path) as image:
            width, height = image.size
    except (OSError, ValueError):
        return [f"channel artwork {path.name} cannot be read"]
    low, high = ARTWORK_PX
    if width != height or not low <= width <= high:
        return [
            f"channel artwork is {width}x{height} px, not square and {low}-{high} px "
            "(artwork in the show file)"
        ]
    return []


def check_feed(feed: bytes, directory: Path, base_url: str) -> list[str]:
    """`ConfigError` (exit 9) naming every problem a directory would refuse the feed for;
    warnings (an http: base URL) come back to be said."""
    problems = feed_problems(feed, directory)
    if problems:
        raise ConfigError(
            "the feed would be refused by podcast directories: missing or wrong: "
            + "; ".join(problems),
            hint="fix the show file and publish again; nothing was sent",
        )
    if base_url.startswith("http:"):
        return [f"--base-url {base_url} is http:, not https: Apple Podcasts asks for https"]
    return []
