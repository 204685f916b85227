"""The show's default lines in Portuguese (intro, headlines, outro, disclosure), worded for
Portugal and Brazil alike; a show file's own wording still wins.
"""

TEMPLATES = {
    "intro": "{show}, edição de {date}. {host_line} {tagline}",
    "host_line": "Sou {host}.",
    "headlines_intro": "E agora, os destaques.",
    "transition": "",
    "outro": "Foi {show}, edição de {date}. Obrigado por nos acompanhar.",
    "disclosure": "Este episódio é lido por uma voz sintética.",
}
"""The show's default lines in Portuguese; a show file's own wording still wins."""


WRITTEN = {
    "also": "Também neste episódio:",
    "synthetic_voice": "Lido por uma voz sintética.",
    "title_date": "{day} de {month} de {year}",
}
"""What the episode's written description says in this language: the round-up's lead-in,
the disclosure, and the date before the title ("{day}", "{month}", "{year}")."""
