"""The show's default lines in Spanish (intro, headlines, outro, disclosure); a show file's
own wording still wins.
"""

TEMPLATES = {
    "intro": "Esto es {show} del {date}. {host_line} {tagline}",
    "host_line": "Soy {host}.",
    "headlines_intro": "Y ahora, los titulares.",
    "transition": "",
    "outro": "Esto ha sido {show} del {date}. Gracias por escucharnos.",
    "disclosure": "Este episodio lo lee una voz sintética.",
}
"""The show's default lines in Spanish; a show file's own wording still wins."""


WRITTEN = {
    "also": "También en este episodio:",
    "synthetic_voice": "Leído por una voz sintética.",
    "title_date": "{day} de {month} de {year}",
}
"""What the episode's written description says in this language: the round-up's lead-in,
the disclosure, and the date before the title ("{day}", "{month}", "{year}")."""
