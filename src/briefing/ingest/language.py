"""Which language an article is written in, detected from its text (py3langid)."""

from __future__ import annotations

import logging

from briefing.models import Article

log = logging.getLogger(__name__)

_SAMPLE_CHARS = 5000
_MIN_CHARS = 40


def article_text(article: Article) -> str:
    return " ".join([article.title, *article.paragraphs])


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language ("en", "de"), or None for too little text.

    py3langid's model is loaded for each call (about half a second) and let go after it:
    its tables take about 100 MB, which the speech engine loaded next can use instead.
    """
    text = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in text) < _MIN_CHARS:
        return None
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    try:
        identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
        code, _score = identifier.classify(text)
    except OSError as exc:  # its model is unpacked to a temp file: a full disk stops it
        log.warning("the page's language could not be detected (%s); not checking it", exc)
        return None
    return str(code)


def language_name(code: str) -> str:
    """ "German" for "de", as gTTS names it; the code itself if unknown."""
    from gtts.lang import tts_langs

    return tts_langs().get(code, code)
