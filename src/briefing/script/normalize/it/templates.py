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


WRITTEN = {
    "also": "Anche in questo episodio:",
    "synthetic_voice": "Letto da una voce sintetica.",
    "title_date": "{day} {month} {year}",
}
"""What the episode's written description says in this language: the round-up's lead-in,
the disclosure, and the date before the title ("{day}", "{month}", "{year}")."""
