"""Bylines, roles and timestamps: who wrote it and when, wherever a page prints it."""

from __future__ import annotations

import re

from briefing.ingest.cleanup import is_bio
from briefing.ingest.dates import is_date_only
from briefing.ingest.furniture import LineKind
from briefing.ingest.textpage.lines import BYLINE, NAMES, Line, as_dropped

_ROLE = re.compile(
    r"(?:^|[\s,])(?:(?:chief|senior|deputy|political|education|environment|health|economics"
    r"|business|consumer affairs|markets|home affairs|sports?|science|technology|foreign|security"
    r"|transport|arts|local democracy|staff)\s+)*(?:editor|correspondent|reporter|writer"
    r"|columnist|contributor|producer|presenter|analyst|reporting service|staff writer"
    r"|redakteur(?:in)?|korrespondent(?:in)?|autor(?:in)?|journaliste|rédact(?:eur|rice)"
    r"|correspondante?|redactora?|corresponsal|periodista|giornalista|corrispondente|redattore"
    r"|redattrice|jornalista|correspondente|redatora?|verslaggever|redacteur|dziennikar(?:z|ka)"
    r"|korespondent(?:ka)?|redaktor(?:ka)?)s?$|^bbc (?:news|sport|verify|weather)\b"
    r"|associated press$|^(?:enviad[oa] especial|inviat[oa]|redacción|redazione|redação|redactie"
    r"|redakcja)\b"
    r"|^(?:(?:senior|chief|deputy|managing|contributing|staff|executive)\s+)?"
    r"(?:redakteur(?:in)?|korrespondent(?:in)?|reporter(?:in)?|editor|correspondent|writer"
    r"|journaliste|rédact(?:eur|rice))\b[^.!?]{0,80}\.?$",
    re.IGNORECASE,
)
NAME = re.compile(rf"^{NAMES}$")
_DETERMINER = re.compile(
    r"^(?:the|a|an|ein|eine|der|die|das|le|la|les|un|une|el|los|las|il|lo|gli|os|as|um|uma|het"
    r"|een)\s",
    re.IGNORECASE,
)
_TIMESTAMP = re.compile(
    r"\b(?:ago|vor|il y a|published|updated|veröffentlicht|aktualisiert|publié|mis à jour|hace"
    r"|(?:minuti|ore|giorni) fa|há|geleden|temu|publicado|actualizado|pubblicato|aggiornato"
    r"|atualizado|gepubliceerd|bijgewerkt|opublikowano|aktualizacja)\b",
    re.IGNORECASE,
)
_ROLE_WORDS = 12


def is_byline(lines: list[Line], i: int, masthead: str | None) -> bool:
    """ "By Jane Smith", "Von …", "Par …", "Por …"; a name over a role or a date ("Lucy
    Hargreaves" / "Education Correspondent"); a role alone ("Environment Reporter")."""
    text = lines[i].text
    if BYLINE.match(text) and lines[i].words <= 16 and not text.endswith("."):
        return True
    if _ROLE.search(text) and lines[i].words <= 8:
        return True
    if not NAME.match(text) or not 2 <= lines[i].words <= 8:
        return False
    if i and lines[i - 1].text.casefold() in ("by", "von", "par", "by:", "por", "di", "door"):
        return True
    if _DETERMINER.match(text) or not any(x.is_text for x in lines[:i]):
        return False  # the page's first line of text is its name ("Jornal do Mondego"), or a title
    following = next((x for x in lines[i + 1 :] if x.kind is not LineKind.FURNITURE), None)
    return following is not None and (
        bool(_ROLE.search(following.text))
        or is_bio(following.text)
        or is_date_only(following.text)
        or is_timestamp(following.text)
        or (masthead is not None and following.text == masthead)
    )


def is_timestamp(text: str) -> bool:
    """When a story was published or updated, relative or not ("Vor 30 Minuten")."""
    return bool(_TIMESTAMP.search(text)) and any(ch.isdigit() for ch in text)


def without_bylines(lines: list[Line], masthead: str | None) -> list[Line]:
    """Bylines are furniture wherever they stand (some sites print them under the first
    paragraph), and so is an author's bio that opens with the name a byline just gave."""
    out = [
        as_dropped(line, byline=True)
        if line.kind is LineKind.TEXT
        and (not line.prose or line.words <= _ROLE_WORDS)
        and is_byline(lines, i, masthead)
        else line
        for i, line in enumerate(lines)
    ]
    for i in range(1, len(out)):
        name = BYLINE.sub("", out[i - 1].text).split(",")[0].strip()
        if out[i - 1].byline and out[i].prose and len(name) > 3 and out[i].text.startswith(name):
            out[i] = as_dropped(out[i])
    return out
