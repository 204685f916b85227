"""The show's default lines in French (intro, headlines, outro, disclosure); a show file's
own wording still wins.
"""

TEMPLATES = {
    "intro": "Voici {show} du {date}. {host_line} {tagline}",
    "host_line": "Je suis {host}.",
    "headlines_intro": "Et maintenant, les titres.",
    "transition": "",
    "outro": "C'était {show} du {date}. Merci de votre écoute.",
    "disclosure": "Cet épisode est lu par une voix de synthèse.",
}
"""The show's default lines in French; a show file's own wording still wins."""


WRITTEN = {
    "also": "Aussi dans cet épisode :",
    "synthetic_voice": "Lu par une voix de synthèse.",
    "title_date": "{day} {month} {year}",
}
"""What the episode's written description says in this language: the round-up's lead-in,
the disclosure, and the date before the title ("{day}", "{month}", "{year}")."""
