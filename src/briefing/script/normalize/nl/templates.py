"""The show's default lines in Dutch (intro, headlines, outro, disclosure); a show file's
own wording still wins.
"""

TEMPLATES = {
    "intro": "Dit is {show} van {date}. {host_line} {tagline}",
    "host_line": "Ik ben {host}.",
    "headlines_intro": "En dan nu de koppen.",
    "transition": "",
    "outro": "Dat was {show} van {date}. Bedankt voor het luisteren.",
    "disclosure": "Deze aflevering wordt voorgelezen door een synthetische stem.",
}
"""The show's default lines in Dutch; a show file's own wording still wins."""


WRITTEN = {
    "also": "Ook in deze aflevering:",
    "synthetic_voice": "Voorgelezen door een synthetische stem.",
    "title_date": "{day} {month} {year}",
}
"""What the episode's written description says in this language: the round-up's lead-in,
the disclosure, and the date before the title ("{day}", "{month}", "{year}")."""
