"""The show's default lines in Italian (intro, headlines, outro, disclosure); a show file's
own wording still wins.
"""

TEMPLATES = {
    "intro": "Ecco {show} di {date}. {host_line} {tagline}",
    "host_line": "Sono {host}.",
    "headlines_intro": "E ora, i titoli.",
    "transition": "",
    "outro": "Era {show} di {date}. Grazie per l'ascolto.",
    "disclosure": "Questo episodio è letto da una voce sintetica.",
}
"""The show's default lines in Italian; a show file's own wording still wins."""
