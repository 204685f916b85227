"""gTTS: Google Translate's online speech, made dependable.

gTTS itself sends one request per 100-character piece, in turn, on a new connection each
time, without verifying TLS, with no timeout and no retry (see ../shared/FAILURES.md). Here
each sentence is cut at clause boundaries into pieces gTTS builds whole requests for; they
are sent on kept-alive, TLS-verified connections with a timeout; transient failures (429,
5xx, connection errors, timeouts) are retried with exponential backoff and jitter; a 200
without audio is a typed `NoAudioError`; at most `concurrency` requests are in flight.
The MP3 that comes back (24 kHz) is decoded by ffmpeg straight to the episode's rate.
"""

from __future__ import annotations

import base64
import logging
import random
import re
import socket
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from briefing.audio.ffmpeg import decode_to_pcm
from briefing.errors import ConfigError, NoAudioError, SpeechError
from briefing.models import Clip
from briefing.script.sentences import split_clauses

if TYPE_CHECKING:
    import requests

log = logging.getLogger(__name__)

MAX_CHARS = 100
"""gTTS sends text of up to 100 characters as one request."""
NATIVE_RATE = 24000
_AUDIO = re.compile(r'jQ1olc","\[\\"(.*)\\"]')


@dataclass(frozen=True)
class GttsSettings:
    """A gTTS voice preset's ``[gtts]`` table."""

    engine: ClassVar[str] = "gtts"

    lang: str = "en"
    """Language code gTTS knows (`gtts.lang.tts_langs()`), such as "en" or "de"."""
    tld: str = "com"
    """Google host: translate.google.<tld>; the accent follows it (co.uk, com.au, co.in)."""
    slow: bool = False
    concurrency: int = 4
    """Requests in flight at once."""
    timeout: float = 10.0
    """Seconds to wait for a connection, and for each read, before giving up on a request."""
    retries: int = 4
    """Retries of a failed request before the run fails."""
    backoff: float = 0.5
    """First retry delay in seconds; it doubles each time, with jitter."""

    def __post_init__(self) -> None:
        from gtts.lang import tts_langs

        if self.lang not in tts_langs():
            raise ConfigError(f"lang {self.lang!r} is not a language gTTS speaks")
        if not re.fullmatch(r"[a-z]{2,3}(\.[a-z]{2,3})?", self.tld):
            raise ConfigError(f"tld {self.tld!r} is not a top-level domain like com or co.uk")
        if self.concurrency < 1 or self.retries < 0 or self.timeout <= 0 or self.backoff < 0:
            raise ConfigError("concurrency must be ≥ 1, retries ≥ 0, timeout and backoff > 0")

    @property
    def host(self) -> str:
        return f"translate.google.{self.tld}"

    def identity(self) -> dict[str, Any]:
        return {"lang": self.lang, "tld": self.tld, "slow": self.slow}

    def native_rate(self) -> int:
        return NATIVE_RATE

    def problem(self) -> str | None:
        """Whether the service (or the HTTPS proxy in the way) accepts a connection."""
        proxy = urllib.request.getproxies().get("https")
        if proxy and not urllib.request.proxy_bypass(self.host):
            parsed = urllib.parse.urlsplit(proxy)
            target, port = parsed.hostname or "", parsed.port or 80
        else:
            target, port = self.host, 443
        try:
            with socket.create_connection((target, port), timeout=min(self.timeout, 3)):
                return None
        except OSError as exc:
            return f"needs the network: {target} is not reachable ({exc.strerror or exc})"

    def chars_per_second(self) -> float:
        return 10.0 if self.slow else 15.0

    def load(self, sample_rate: int) -> GttsEngine:
        return GttsEngine(self, sample_rate)


def chunk_text(text: str, limit: int = MAX_CHARS) -> list[str]:
    """Pieces gTTS sends whole: cut at clause boundaries, so gTTS never cuts a word."""
    return split_clauses(text, limit)


class GttsEngine:
    name = "gtts"

    def __init__(
        self,
        settings: GttsSettings,
        sample_rate: int = NATIVE_RATE,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self.sample_rate = sample_rate
        # Twice as many sentences in progress as requests in flight: while one sentence is
        # between requests (decoding, or on to its next piece) another can use the slot.
        self.concurrency = 2 * settings.concurrency
        self._slots = threading.BoundedSemaphore(settings.concurrency)
        self._local = threading.local()
        self._sleep = sleep

    def synthesize(self, text: str) -> Clip:
        mp3 = b"".join(self._request(piece) for piece in chunk_text(text))
        return Clip(pcm=decode_to_pcm(mp3, self.sample_rate), sample_rate=self.sample_rate)

    def _session(self) -> requests.Session:
        """One HTTP session per worker thread: connections (and TLS) are kept alive."""
        import requests  # here: reading a gTTS preset does not need it

        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = requests.Session()
        return session

    def _request(self, piece: str) -> bytes:
        """One piece's MP3, retried on transient failures.

        gTTS builds the request (`_prepare_requests`, one per piece of 100 characters or
        fewer); it is sent here rather than by `gTTS.stream()`, which opens a new connection
        per request, skips TLS verification and has no retry.
        """
        import requests
        from gtts import gTTS

        s = self.settings
        (prepared,) = gTTS(
            piece, lang=s.lang, tld=s.tld, slow=s.slow, lang_check=False
        )._prepare_requests()
        for attempt in range(s.retries + 1):
            session = self._session()
            environment = session.merge_environment_settings(prepared.url, {}, None, None, None)
            try:
                with self._slots:  # the bound on requests in flight
                    response = session.send(prepared, timeout=s.timeout, **environment)
                response.raise_for_status()
                return _audio_in(response.text, piece)
            except requests.RequestException as exc:
                reason, retry_after, transient = _diagnose(exc, s.host)
            if not transient:
                raise SpeechError(
                    f"gTTS failed: {reason}", hint="use --fallback joe or --voice joe"
                )
            if attempt == s.retries:
                raise SpeechError(
                    f"gTTS failed after {s.retries + 1} attempts: {reason}",
                    hint="check the network, try later, or use --fallback joe or --voice joe",
                )
            delay = retry_after or s.backoff * 2**attempt * random.uniform(0.5, 1.5)
            delay = min(delay, 30.0)
            log.warning("gTTS %s; retry %d of %d in %.1f s", reason, attempt + 1, s.retries, delay)
            self._sleep(delay)
        raise AssertionError("unreachable")


def _audio_in(body: str, piece: str) -> bytes:
    """The MP3 in a batchexecute answer: base64 in the ``jQ1olc`` line, as gTTS reads it."""
    for line in body.splitlines():
        if "jQ1olc" in line:
            found = _AUDIO.search(line)
            if found:
                return base64.b64decode(found.group(1))
    raise NoAudioError(
        f"gTTS answered 200 without audio for {piece[:60]!r}",
        hint="the service may have changed or not speak this language; use another voice",
    )


def _diagnose(exc: requests.RequestException, host: str) -> tuple[str, float | None, bool]:
    """(what happened, seconds the server asked us to wait, whether a retry may help)."""
    import requests

    if isinstance(exc, requests.HTTPError) and exc.response is not None:
        status = exc.response.status_code
        header = exc.response.headers.get("Retry-After", "").strip()
        retry_after = float(header) if header.isdigit() else None
        return f"HTTP {status} from {host}", retry_after, status == 429 or status >= 500
    if isinstance(exc, requests.exceptions.SSLError):
        return f"the TLS certificate of {host} is not trusted", None, False
    if isinstance(exc, requests.Timeout):
        return f"no answer from {host} within the timeout", None, True
    if isinstance(exc, requests.ConnectionError):
        return f"cannot connect to {host}", None, True
    return f"request to {host} failed: {exc}", None, False
