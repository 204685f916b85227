"""gTTS: Google Translate's online speech, made dependable.

gTTS itself sends one request per 100-character piece, in turn, with no timeout and no retry
(see ../shared/FAILURES.md). Here each sentence is cut at clause boundaries into pieces gTTS
sends whole, every request has a timeout, transient failures (429, 5xx, connection errors,
timeouts) are retried with exponential backoff and jitter, a 200 without audio is a typed
`NoAudioError`, and the pipeline runs `concurrency` sentences at once. The MP3 that comes
back (24 kHz) is decoded by ffmpeg straight to the episode's sample rate.
"""

from __future__ import annotations

import logging
import random
import re
import socket
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from briefing.audio.ffmpeg import decode_to_pcm
from briefing.errors import ConfigError, NoAudioError, SpeechError
from briefing.models import Clip

log = logging.getLogger(__name__)

MAX_CHARS = 100
"""gTTS sends text of up to 100 characters as one request."""
NATIVE_RATE = 24000
_CLAUSE = re.compile(r"(?<=[,;:])\s+|\s+(?=[—–-]\s)|(?<=[—–])\s+")


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

    def load(self, sample_rate: int) -> GttsEngine:
        return GttsEngine(self, sample_rate)


def chunk_text(text: str, limit: int = MAX_CHARS) -> list[str]:
    """Pieces of at most `limit` characters, cut at clause boundaries where possible,
    else at a space, so gTTS never cuts a word or a clause itself."""
    text = " ".join(text.split())
    pieces: list[str] = []
    while len(text) > limit:
        window = text[: limit + 1]
        cuts = [m.start() for m in _CLAUSE.finditer(window) if 0 < m.start() <= limit]
        cut = cuts[-1] if cuts else window.rfind(" ")
        if cut <= 0:
            cut = limit  # one word longer than a request: gTTS would cut it too
        pieces.append(text[:cut].strip())
        text = text[cut:].strip()
    if text:
        pieces.append(text)
    return [p for p in pieces if any(ch.isalnum() for ch in p)]


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
        self.concurrency = settings.concurrency
        self._sleep = sleep

    def synthesize(self, text: str) -> Clip:
        mp3 = b"".join(self._request(piece) for piece in chunk_text(text))
        if not mp3:
            raise NoAudioError(f"gTTS returned no audio for {text[:60]!r}")
        return Clip(pcm=decode_to_pcm(mp3, self.sample_rate), sample_rate=self.sample_rate)

    def _request(self, piece: str) -> bytes:
        """One piece's MP3, retried on transient failures."""
        from gtts import gTTS, gTTSError

        s = self.settings
        for attempt in range(s.retries + 1):
            tts = gTTS(
                piece, lang=s.lang, tld=s.tld, slow=s.slow, lang_check=False, timeout=s.timeout
            )
            try:
                audio = b"".join(tts.stream())
            except gTTSError as exc:
                reason, retry_after, transient = _diagnose(exc, s.host)
                if not transient:
                    raise _final_error(exc, reason, s) from None
                if attempt == s.retries:
                    raise SpeechError(
                        f"gTTS failed after {s.retries + 1} attempts: {reason}",
                        hint="check the network, try later, or use --fallback joe or --voice joe",
                    ) from None
                delay = retry_after or s.backoff * 2**attempt * random.uniform(0.5, 1.5)
                delay = min(delay, 30.0)
                log.warning(
                    "gTTS %s; retry %d of %d in %.1f s", reason, attempt + 1, s.retries, delay
                )
                self._sleep(delay)
                continue
            if not audio:
                raise NoAudioError(
                    f"gTTS answered without audio for {piece[:60]!r}",
                    hint="the service may have changed; update gTTS or use another voice",
                )
            return audio
        raise AssertionError("unreachable")


def _diagnose(exc: Exception, host: str) -> tuple[str, float | None, bool]:
    """(what happened, seconds the server asked us to wait, whether a retry may help)."""
    import requests

    response = getattr(exc, "rsp", None)
    if response is not None:
        status = response.status_code
        retry_after = None
        header = response.headers.get("Retry-After", "")
        if header.strip().isdigit():
            retry_after = float(header)
        if status == 200:
            return "answered 200 without audio", None, False
        return f"HTTP {status} from {host}", retry_after, status == 429 or status >= 500
    cause = exc.__context__
    if isinstance(cause, requests.exceptions.Timeout):
        return f"no answer from {host} within the timeout", None, True
    if isinstance(cause, requests.exceptions.ConnectionError):
        return f"cannot connect to {host}", None, True
    return f"request to {host} failed: {cause or exc}", None, True


def _final_error(exc: Exception, reason: str, settings: GttsSettings) -> SpeechError:
    if "without audio" in reason:
        return NoAudioError(
            f"gTTS {reason} (lang {settings.lang!r})",
            hint="the service may have changed or not speak this language; use another voice",
        )
    return SpeechError(f"gTTS failed: {reason}", hint="use --fallback joe or --voice joe")
