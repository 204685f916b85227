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
