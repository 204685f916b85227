"""Furniture no one language owns: clock times and player counters, close buttons, the
words every site borrows (menu, home, newsletter), social networks, news agencies."""

from __future__ import annotations

_SOCIAL = (
    r"facebook|twitter|x|whatsapp|linkedin|reddit|pinterest|tumblr|viber|pocket|flipboard"
    r"|telegram|xing|messenger|email|e-mail|mail|threads|bluesky|mastodon|instagram|youtube"
    r"|tiktok|copy link|print"
)
_AGENCIES = (
    r"(?:getty images|reuters|ap photo|afp|pa media|dpa|epa|efe|europa press|ansa|lapresse|lusa"
    r"|anp|belga|pap|apa|keystone)"
)
_CREDITED = r"[\w.'’-]+(?: [\w.'’-]+){0,3}"
"""The photographer's name beside an agency's in a credit ("EFE/José Manuel Vidal")."""

SECTION: tuple[str, ...] = ()

LABEL = (r"tags?",)

END = (
    r"(?:©|\(c\)|copyright\b).*(?:\b\d{4}\b|\b(?:rights|rechte|droits|derechos|diritti|direitos"
    r"|rechten|prawa)\b).*",
)

FURNITURE = (
    # player widgets and timestamps
    r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*/\s*\d{1,2}:\d{2}(?::\d{2})?)?",
    # navigation chrome
    r"×|✕|✖|x|menu|home|login",
    # words sites borrow from English in every language
    r"newsletters?|podcasts?|videos?",
    # sharing
    rf"(?:(?:{_SOCIAL})\s*)+",
    # images: galleries, credits
    r"\[\d+/\d+\].*",
    r"fotos?(?: credit)?\s*:.*",
    rf"{_AGENCIES}(?: via [\w ]+)?",
    rf"{_AGENCIES}\s?/\s?{_CREDITED}|{_CREDITED}\s?/\s?{_AGENCIES}",
)
