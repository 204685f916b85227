"""Fetching what a round-up links to, many at once: the stories' articles (for their briefs
and pictures) and the chapters' pictures.

Each URL is fetched once per build, at most `WORKERS` at once and `PER_HOST` from any one
host, with the limits of `fetch` (time, size, redirects, http and https only); the whole
batch gets `budget_s` seconds, and what is not back by then counts as failed. What a page
gave is kept in the cache for a day, so a rebuild fetches nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar
from urllib.parse import urljoin, urlsplit

from briefing.cache import SpeechCache
from briefing.errors import BriefingError, ContentError
from briefing.ingest.fetch import ACCEPTED, IMAGES, TIMEOUT, Fetched, fetch
from briefing.models import Article, Headline, Page

WORKERS = 8
PER_HOST = 2
FETCH_BUDGET_S = 30.0
"""Default time for all of a build's fetching together (--fetch-timeout)."""
KEEP_S = 24 * 3600
"""How long what a link gave is kept: a day's news."""
MAX_PICTURE_BYTES = 8 * 1024 * 1024
LEDE_PARAGRAPHS = 6
"""Paragraphs of a linked article kept: enough for any brief."""

T = TypeVar("T")


@dataclass(frozen=True)
class LinkedStory:
    """What a round-up story's own page gave: its opening paragraphs and its picture."""

    paragraphs: tuple[str, ...]
    image: str | None = None


@dataclass(frozen=True)
class Results(Generic[T]):
    """What each URL gave, or why it gave nothing."""

    found: dict[str, T]
    failed: dict[str, str]


def fetch_many(
    urls: Iterable[str],
    read: Callable[[Fetched], T],
    *,
    budget_s: float = FETCH_BUDGET_S,
    accept: tuple[str, ...] = ACCEPTED,
    max_bytes: int | None = None,
    fetcher: Callable[..., Fetched] = fetch,
) -> Results[T]:
    """Fetch each distinct URL once and `read` what came back; failures by reason."""
    wanted = list(dict.fromkeys(u for u in urls if u))
    found: dict[str, T] = {}
    failed: dict[str, str] = {}
    if not wanted:
        return Results(found, failed)
    deadline = time.monotonic() + budget_s
    hosts: defaultdict[str, threading.BoundedSemaphore] = defaultdict(
        lambda: threading.BoundedSemaphore(PER_HOST)
    )
    lock = threading.Lock()

    def one(url: str) -> T:
        with lock:
            gate = hosts[(urlsplit(url).hostname or "").lower()]
        if not gate.acquire(timeout=max(0.0, deadline - time.monotonic())):
            raise TimeoutError
        try:  # the host's slot is held while its server is asked, not while we read
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            extra: dict[str, Any] = {"max_bytes": max_bytes} if max_bytes else {}
            fetched = fetcher(url, timeout=min(TIMEOUT, left), accept=accept, **extra)
        finally:
            gate.release()
        return read(fetched)

    pool = ThreadPoolExecutor(max_workers=min(WORKERS, len(wanted)), thread_name_prefix="fetch")
    futures: dict[Future[T], str] = {pool.submit(one, url): url for url in wanted}
    pending = set(futures)
    while pending:
        done, pending = wait(
            pending, timeout=max(0.0, deadline - time.monotonic()), return_when=FIRST_COMPLETED
        )
        if not done:
            break
        for future in done:
            url = futures[future]
            try:
                found[url] = future.result()
            except TimeoutError:
                failed[url] = f"not back within {budget_s:.3g} s (--fetch-timeout)"
            except BriefingError as exc:
                failed[url] = exc.message
            except Exception as exc:  # noqa: BLE001 - one bad link never fails the build
                failed[url] = f"unreadable ({type(exc).__name__}: {exc})"
    for future in pending:
        failed[futures[future]] = f"not back within {budget_s:.3g} s (--fetch-timeout)"
    pool.shutdown(wait=False, cancel_futures=True)
    return Results(found, failed)


def _key(kind: str, url: str) -> str:
    return hashlib.sha256(f"{kind}:{url}".encode()).hexdigest()


_asked: dict[str, tuple[float, LinkedStory | str]] = {}
"""What each link gave this process (a story, or why not), so that a build asks once even
without the cache: the plan fetches for briefs, the pictures stage may ask again."""
ASKED_S = 600.0


def linked_stories(
    urls: Iterable[str], cache: SpeechCache | None, budget_s: float = FETCH_BUDGET_S
) -> Results[LinkedStory]:
    """The opening paragraphs and picture of each linked article; from the cache when
    fetched within a day."""
    found: dict[str, LinkedStory] = {}
    failed: dict[str, str] = {}
    missing = []
    now = time.monotonic()
    for url in dict.fromkeys(urls):
        asked = _asked.get(url)
        note = cache.recall(_key("story", url), KEEP_S) if cache and not asked else None
        if asked and now - asked[0] < ASKED_S:
            if isinstance(asked[1], str):
                failed[url] = asked[1]
            else:
                found[url] = asked[1]
        elif note and isinstance(note.get("paragraphs"), list):
            found[url] = LinkedStory(tuple(note["paragraphs"]), note.get("image"))
        elif note and isinstance(note.get("failed"), str):
            failed[url] = note["failed"]
        else:
            missing.append(url)
    results = fetch_many(missing, _read_story, budget_s=budget_s)
    for url, story in results.found.items():
        _asked[url] = (time.monotonic(), story)
        if cache:
            cache.remember(
                _key("story", url), {"paragraphs": list(story.paragraphs), "image": story.image}
            )
    for url, reason in results.failed.items():
        _asked[url] = (time.monotonic(), reason)
        if cache and lasting(reason):
            cache.remember(_key("story", url), {"failed": reason})
    return Results({**found, **results.found}, {**failed, **results.failed})


_PASSING = re.compile(
    r"HTTP 5\d\d|HTTP 429|HTTP 408|no answer within|not back within|cannot connect|cannot resolve"
    r"|the request failed|unreadable \("
)


def lasting(reason: str) -> bool:
    """Whether a failure will be the same tomorrow (a 404, a PDF, not a picture), and so is
    kept for a day like a success; a timeout or a server error is tried again next time."""
    return not _PASSING.search(reason)


def _read_story(fetched: Fetched) -> LinkedStory:
    from briefing.ingest.html import parse_html

    if "html" not in fetched.content_type and fetched.content_type:
        raise ContentError(f"{fetched.url} is {fetched.content_type}, not an article page")
    page = parse_html(fetched.data, fetched.url, fetched.charset)
    image = urljoin(fetched.url, page.article.image) if page.article.image else None
    return LinkedStory(page.article.paragraphs[:LEDE_PARAGRAPHS], image)


def pictures(
    urls: Iterable[str],
    fit: Callable[[bytes], bytes],
    cache: SpeechCache | None,
    budget_s: float = FETCH_BUDGET_S,
) -> Results[bytes]:
    """Each picture fetched and made ready by `fit`; from the cache when made within a day."""
    found: dict[str, bytes] = {}
    missing = []
    failed: dict[str, str] = {}
    for url in dict.fromkeys(urls):
        data = cache.kept(_key("picture", url), KEEP_S) if cache else None
        note = cache.recall(_key("no picture", url), KEEP_S) if cache and not data else None
        if data:
            found[url] = data
        elif note and isinstance(note.get("failed"), str):
            failed[url] = note["failed"]
        else:
            missing.append(url)
    results = fetch_many(
        missing,
        lambda fetched: fit(fetched.data),
        budget_s=budget_s,
        accept=IMAGES,
        max_bytes=MAX_PICTURE_BYTES,
    )
    for url, data in results.found.items():
        if cache:
            cache.keep(_key("picture", url), data)
    for url, reason in results.failed.items():
        if cache and lasting(reason):
            cache.remember(_key("no picture", url), {"failed": reason})
    return Results({**found, **results.found}, {**failed, **results.failed})


def with_linked_stories(
    headlines: Sequence[Headline],
    chosen: Sequence[int],
    needs_text: Callable[[Headline], bool],
    cache: SpeechCache | None,
    budget_s: float = FETCH_BUDGET_S,
) -> tuple[tuple[Headline, ...], tuple[str, ...]]:
    """`headlines` with the chosen ones' own articles fetched where they link to one and
    need it for a brief: the article's opening paragraphs become the headline's body, and
    its og:image its picture when the feed gives none. A link that fails is a note; the
    headline keeps its summary, or its title alone."""
    wanted = {i: headlines[i].url for i in chosen if headlines[i].url and needs_text(headlines[i])}
    results = linked_stories([u for u in wanted.values() if u], cache, budget_s)
    updated = list(headlines)
    notes: list[str] = []
    for i, url in wanted.items():
        headline = headlines[i]
        story = results.found.get(url or "")
        if story is not None:
            updated[i] = replace(
                headline,
                body=story.paragraphs or headline.body,
                image=headline.image or story.image,
            )
        elif needs_text(headline):
            instead = "its summary is read" if headline.summary else "its title alone is read"
            notes.append(
                f"headline {i + 1} ({headline.title!r}): {results.failed.get(url or '')}; {instead}"
            )
    return tuple(updated), tuple(notes)


def story_pictures(
    stories: Sequence[tuple[str | None, str | None]],
    fit: Callable[[bytes], bytes],
    cache: SpeechCache | None,
    budget_s: float = FETCH_BUDGET_S,
) -> list[tuple[bytes | None, str | None]]:
    """For each story's (link, picture URL): its picture made ready by `fit`, or why there
    is none. A story whose feed named no picture gets its article's og:image."""
    started = time.monotonic()
    unnamed = [url for url, image in stories if url and not image]
    found = linked_stories(unnamed, cache, budget_s).found if unnamed else {}
    images = [image or (found[url].image if url in found else None) for url, image in stories]
    left = max(0.1, budget_s - (time.monotonic() - started))
    fetched = pictures([i for i in images if i], fit, cache, left)
    return [
        (fetched.found.get(image), fetched.failed.get(image)) if image else (None, None)
        for image in images
    ]


def cached_article_reader(
    cache: SpeechCache | None, read: Callable[[str], Page]
) -> Callable[[str], Page]:
    """`read` (a URL to its page) with what it gives kept in the cache's notes for a day:
    a feed's lead story, so that a rebuild fetches nothing."""

    def reader(url: str) -> Page:
        key = _key("lead", url)
        note = cache.recall(key, KEEP_S) if cache else None
        if note and isinstance(note.get("paragraphs"), list) and note.get("title"):
            date = note.get("date")
            return Page(
                Article(
                    title=str(note["title"]),
                    paragraphs=tuple(str(p) for p in note["paragraphs"]),
                    publication=note.get("publication"),
                    date=dt.date.fromisoformat(date) if date else None,
                    url=note.get("url"),
                    author=note.get("author"),
                    image=note.get("image"),
                )
            )
        page = read(url)
        if cache:
            article = page.article
            cache.remember(
                key,
                {
                    "title": article.title,
                    "paragraphs": list(article.paragraphs),
                    "publication": article.publication,
                    "date": article.date.isoformat() if article.date else None,
                    "url": article.url,
                    "author": article.author,
                    "image": article.image,
                },
            )
        return page

    return reader
