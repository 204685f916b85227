"""German page furniture."""

from __future__ import annotations

SECTION = (
    r"(?:unsere )?lesetipps|weitere infos? (?:zum|zur|zu) .{1,40}|mehr nachrichten|leser empfehlen",
    r"gelesen|verschickt|gesehen|letzte beiträge|aktuell bei .{1,30}",
    r"mehr zum thema(?: [\w-]+)?|zum thema|weitere (?:artikel|themen|nachrichten|meldungen)",
    r"(?:das )?könnte (?:sie|dich) auch interessieren|lesen sie (?:auch|mehr)|auch interessant",
    r"meistgelesen(?:e (?:artikel|nachrichten))?|top-?themen|topmeldungen|schlagzeilen",
    r"(?:die )?neuesten (?:artikel|nachrichten)|empfehlungen(?: der redaktion)?",
)

LABEL = (
    r"in diesem artikel",
    r"(?:ähnliche|verwandte) themen|kurse und finanzdaten.*|alle themen|.{0,40}karrierechancen.*"
    r"|(?:weitere )?stellenangebote|stellenmarkt|immer auf dem laufenden",
    r"(?:themen|schlagwörter|stichwörter)(?: in diesem artikel)?",
    # comments
    r"(?:kommentare?|ergänzungen)(?: \(\d+\))?(?: \d+)?",
    r"(?:schreibe|schreiben sie) einen kommentar|kommentar (?:verfassen|schreiben)",
    r"über (?:den|die) autor(?:in)?(?:/ die autorin)?",
)

END = (
    r".{0,60}alle rechte vorbehalten.*",
    r"(?:impressum|datenschutz(?:erklärung)?|nutzungsbedingungen|agb|kontakt|barrierefreiheit"
    r"|mediadaten|cookie-einstellungen)",
)

FURNITURE = (
    # player widgets, timestamps and counters
    r"dauer\s*\d{1,2}:\d{2}(?::\d{2})?|lesezeit:? \d+ min\.?",
    r"\d+ (?:beiträge|kommentare?|ergänzungen)",
    r"teile(?:n)? diesen beitrag|zur [\w ]{1,30}startseite",
    r"vor \d+ (?:stunden?|minuten?|tagen?)",
    r"antworten|melden",
    r"[\d,.]+ bei [\d.,]+ bewertungen|mit von \d+ sternen|bewerten|vielen dank\.?|danke\.?"
    r"|schließen|sie haben bereits abgestimmt\.?",
    # navigation chrome
    r"suche|(?:zum inhalt|zur navigation) springen|nach oben|hauptmenü",
    r"mehr|weiterlesen|anmelden|abmelden|mein konto|startseite|sie sind hier:?",
    r"seite \d+ von \d+|nächste seite.*|vorherige seite|auf einer seite lesen",
    # newsletters, subscriptions, apps
    r"abo|abonnieren|e-mail[- ]adresse|jetzt im app store",
    # sharing
    r"teilen(?: (?:auf|per) [\w ]+)?|jetzt teilen auf:?|weitersagen(?: abbrechen)?",
    r"in pocket speichern|merken|vorlesen|drucken|pdf drucken|druckansicht|artikel drucken"
    r"|artikel als pdf ansehen",
    r"fehler melden|schlagwörter:? .*",
    r"herunterladen\b.{0,40}|dieses skript als pdf herunterladen",
    r"von|jetzt anmelden|mehr anzeigen|alle anzeigen",
    r"(?:nochmal hören|jetzt anhören)\b.{0,80}",
    r"(?:empfehlungen|kommentare)\s*:\s*\d+\s*,?",
    r"video-seite öffnen|zur startseite|sie haben post!?|newsletter wählen|login abbrechen",
    r"inhalt|inhaltsverzeichnis",
    r"(?:aktuelle|die besten) recherchen per mail|.{0,30} per (?:e-)?mail",
    r"themen\s*:.{1,200}",
    # advertising
    r"anzeige|werbung|[\w ]{1,30}anzeige|lesen sie nach der anzeige weiter",
    # images
    r"bild vergrößern|zum vergrößern .*|bildbeschreibung einblenden",
    r"(?:bild|foto) \d+ von \d+.*|bild(?: credit)?\s*:.*",
    # cookies
    r"alle akzeptieren|alle ablehnen",
)
