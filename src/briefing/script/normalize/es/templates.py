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
