"""The show's default lines in German (intro, headlines, outro, disclosure); a show file's
own wording still wins.
"""

TEMPLATES = {
    "intro": "Hier ist {show} für {date}. {host_line} {tagline}",
    "host_line": "Ich bin {host}.",
    "headlines_intro": "Und nun die Schlagzeilen.",
    "transition": "",
    "outro": "Das war {show} für {date}. Danke fürs Zuhören.",
    "disclosure": "Diese Folge wird von einer synthetischen Stimme gelesen.",
}
"""The show's default lines in German; a show file's own wording still wins."""


WRITTEN = {
    "also": "Außerdem in dieser Folge:",
    "synthetic_voice": "Gelesen von einer synthetischen Stimme.",
    "title_date": "{day}. {month} {year}",
}
"""What the episode's written description says in this language: the round-up's lead-in,
the disclosure, and the date before the title ("{day}", "{month}", "{year}")."""
