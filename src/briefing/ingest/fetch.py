"""Fetching a URL: the only network access ingest does, kept apart so parsing is testable
offline. Bounded in every way: time, size, redirects; honest about who is asking."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from briefing import __version__
from briefing.errors import InputError

USER_AGENT = f"briefing/{__version__} (podcast maker; +https://github.com/briefing)"
TIMEOUT = 15.0
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
ACCEPTED = (
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "text/markdown",
    "application/json",
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
)


@dataclass(frozen=True)
class Fetched:
    data: bytes
    url: str
    """The final URL, after redirects."""
    content_type: str
    charset: str | None


def is_url(source: str) -> bool:
    return "://" in source[:12]


IMAGES = ("image/jpeg", "image/png", "image/webp", "image/gif")


def fetch(
    url: str,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    accept: tuple[str, ...] = ACCEPTED,
) -> Fetched:
    """GET `url`; `InputError` saying what failed (scheme, DNS, status, size, type).
    `accept` holds the content types wanted (default: pages and feeds)."""
    import requests

    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise InputError(
            f"{url}: only http and https URLs are fetched, not {scheme}:",
            hint="save the page and give its path",
        )
    host = urlsplit(url).hostname or url
    session = requests.Session()
    session.max_redirects = MAX_REDIRECTS
    try:
        with session.get(
            url,
            timeout=timeout,
            stream=True,
            headers={"User-Agent": USER_AGENT, "Accept": ", ".join(accept)},
        ) as response:
            if response.status_code >= 400:
                raise InputError(
                    f"{url}: the server answered HTTP {response.status_code}",
                    hint="check the address",
                )
            content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
            if content_type and not content_type.startswith(accept):
                wanted = "a picture" if accept == IMAGES else "an article or a feed"
                raise InputError(
                    f"{url} is {content_type}, not {wanted}",
                    hint="give the address of the article page",
                )
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise InputError(
                    f"{url} is {int(declared) // 1024} kB, over the {_size(max_bytes)} limit"
                )
            chunks, size = [], 0
            for chunk in response.iter_content(65536):
                size += len(chunk)
                if size > max_bytes:
                    raise InputError(f"{url} is over the {_size(max_bytes)} limit")
                chunks.append(chunk)
            return Fetched(
                b"".join(chunks),
                response.url,
                content_type,
                response.encoding
                if "charset" in response.headers.get("Content-Type", "").lower()
                else None,
            )
    except requests.exceptions.TooManyRedirects:
        raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects") from None
    except requests.exceptions.Timeout:
        raise InputError(f"{url}: no answer within {timeout:g} s", hint="try again later") from None
    except requests.exceptions.ConnectionError as exc:
        reason = "cannot resolve the host name" if _unresolved(exc) else "cannot connect"
        raise InputError(
            f"{url}: {reason} {host}", hint="check the address and the network"
        ) from None
    except requests.exceptions.RequestException as exc:
        raise InputError(f"{url}: the request failed: {exc}") from None


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit // 1024} kB"


def _unresolved(exc: BaseException) -> bool:
    """Whether a connection failed because the host name has no address (not merely
    because "resolve" is in the URL, as in Hugging Face's /resolve/ paths)."""
    from urllib3.exceptions import NameResolutionError

    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, NameResolutionError):
            return True
        reason = getattr(current, "reason", None)
        current = reason if isinstance(reason, BaseException) else current.__context__
    text = str(exc).lower()
    return "name or service not known" in text or "failed to resolve" in text
