"""Page furniture: the words around an article that are not the article.

Lines are matched whole and case-insensitively, so "Close" is furniture but a sentence
containing "close" is not. Wording varies between sites and languages (English, German and
French here); extend the patterns, and add a page to the corpus (tests/data/text/) that
holds the new wording.
"""

from __future__ import annotations

import re
from enum import Enum


class LineKind(Enum):
    TEXT = "text"
    FURNITURE = "furniture"
    """Dropped wherever it appears: menus, share buttons, ads, cookie prompts, counters."""
    SECTION = "section"
    """Opens a list of other stories ("Related", "Most read"): their headlines follow."""
    LABEL = "label"
    """Opens a block that holds no stories ("Topics", "Tags", "Share this"): ends a list."""
    END = "end"
    """Opens what is neither article nor headlines: comments, the page footer."""

    @property
    def is_marker(self) -> bool:
        return self in (LineKind.SECTION, LineKind.LABEL, LineKind.END)


def _whole(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"^(?:" + "|".join(patterns) + r")[\s:.!»›>…]*$", re.IGNORECASE)


_SECTION = _whole(
    # English
    r"related(?: articles?| stories| news| content| coverage| reading| posts)?",
    r"related articles\s*more from author",
    r"more (?:stories|news|headlines|articles|long reads|like this|to read"
    r"|(?:from|in|on) [\w'’&.,: -]{1,40})",
    r"(?:read|watch) (?:more|next)",
    r"(?:you|you might|you may|we think you(?:'|’)ll) (?:also )?(?:like|enjoy)",
    r"recommended(?: for you| stories| reading| articles)?",
    r"(?:editors?['’]?s?['’]? )?(?:recommendations|picks|choice)",
    r"(?:most|top) (?:read|popular|viewed|shared|stories|watched)"
    r"(?: (?:stories|articles|now|today))?",
    r"(?:latest|top|trending) (?:news|stories|headlines|articles)",
    r"trending(?: now)?",
    r"what to read next|up next|next up(?: in \w+)?|popular posts",
    r"[\w.]+ recommends|.{0,30}\btop[- ]news\b.{0,40}|audios? and videos? on the topic",
    r"featured(?: stories| articles)?|headlines|more about [\w'’ ]{2,40}|(?:[\w&]+ ){0,4}articles",
    r"(?:unsere )?lesetipps|weitere infos? (?:zum|zur|zu) .{1,40}|mehr nachrichten|leser empfehlen",
    r"top|gelesen|verschickt|gesehen|letzte beiträge|aktuell bei .{1,30}",
    r"further reading|see also|in other news|explore further|also in the news",
    # German
    r"mehr zum thema(?: [\w-]+)?|zum thema|weitere (?:artikel|themen|nachrichten|meldungen)",
    r"(?:das )?könnte (?:sie|dich) auch interessieren|lesen sie (?:auch|mehr)|auch interessant",
    r"meistgelesen(?:e (?:artikel|nachrichten))?|top-?themen|topmeldungen|schlagzeilen",
    r"(?:die )?neuesten (?:artikel|nachrichten)|empfehlungen(?: der redaktion)?",
    # French
    r"(?:à )?lire (?:aussi|également)|sur le même (?:sujet|thème)|à (?:voir|découvrir) aussi",
    r"(?:articles )?les (?:plus )?(?:lus|consultés|partagés|populaires)|(?:dans )?la même rubrique",
    r"nos (?:dernières|derniers) (?:actualités|articles)|(?:à la )?une",
)

_LABEL = _whole(
    r"(?:related )?topics|tags?|tagged(?: with)?|filed under|categor(?:y|ies)|more about|explore",
    r"in this (?:article|story)|in diesem artikel|dans cet article",
    r"features|suggested topics|(?:more|latest) videos|videos|watch more|most viewed videos",
    r"related links|useful links|links|resources:?|translations|blog archive|archives?",
    r"notes|footnotes|references|sources|nos partenaires|our partners|partner content",
    r"recent (?:posts|comments|articles)|categories|meta|pages|blogroll|about me",
    r"where to find me\??",
    r"(?:ähnliche|verwandte) themen|kurse und finanzdaten.*|alle themen|.{0,40}karrierechancen.*"
    r"|(?:weitere )?stellenangebote|stellenmarkt|jobs|offres d'emploi|immer auf dem laufenden",
    r"share(?: this)?(?: with)?|follow us|follow [\w ]{1,30}",
    r"(?:themen|schlagwörter|stichwörter)(?: in diesem artikel)?",
    r"mots-clés|thèmes|sujets|(?:à )?découvrir",
    # comments: what follows is the readers', not the article's
    r"(?:comments?|kommentare?|commentaires?|reactions|ergänzungen)(?: \(\d+\))?(?: \d+)?",
    r"(?:view|show|read|see|hide) (?:all )?comments?(?: \(\d+\))?",
    r"(?:join|read) the (?:conversation|discussion|comments)|have your say",
    r"leave a (?:comment|reply)|post a comment|add a comment|write a comment",
    r"(?:schreibe|schreiben sie) einen kommentar|kommentar (?:verfassen|schreiben)",
    r"laisser un commentaire|réagir|commenter",
    r"\d+ thoughts? on .{1,120}",
    r"about the authors?|über (?:den|die) autor(?:in)?(?:/ die autorin)?|à propos de l'auteur",
    r"elsewhere (?:in|on|from) [\w ]{1,30}",
)

_END = _whole(
    # footer
    r"(?:©|\(c\)|copyright\b).*(?:\b\d{4}\b|\b(?:rights|rechte|droits)\b).*",
    r".{0,60}\ball rights reserved\b.*|.{0,60}alle rechte vorbehalten.*",
    r".{0,60}tous droits réservés.*",
    r"(?:about us|contact us|contact|terms(?: and conditions| & conditions| of (?:use|service))?"
    r"|privacy(?: policy| notice| settings)?|cookie (?:policy|settings)"
    r"|accessibility(?: statement)?"
    r"|advertise(?: with us)?|careers|work for us|site ?map|help|faq|corrections)",
    r"(?:impressum|datenschutz(?:erklärung)?|nutzungsbedingungen|agb|kontakt|barrierefreiheit"
    r"|mediadaten|cookie-einstellungen)",
    r"(?:mentions légales|politique de confidentialité|conditions générales[\w' ]*|nous contacter"
    r"|plan du site|gestion des cookies|qui sommes-nous)",
    r"do not sell (?:or share )?my personal information|your privacy choices",
    r"[\w ]{0,30}footer links|complaints(?: & corrections)?|tip us off|fcc public file",
)

_SOCIAL = (
    r"facebook|twitter|x|whatsapp|linkedin|reddit|pinterest|tumblr|viber|pocket|flipboard"
    r"|telegram|xing|messenger|email|e-mail|mail|threads|bluesky|mastodon|instagram|youtube"
    r"|tiktok|copy link|print"
)

_FURNITURE = _whole(
    # player widgets, timestamps and counters
    r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*/\s*\d{1,2}:\d{2}(?::\d{2})?)?",
    r"(?:duration|dauer|durée)\s*\d{1,2}:\d{2}(?::\d{2})?",
    r"(?:watch )?(?:video|audio|podcast)\s*\d{1,2}:\d{2}(?::\d{2})?",
    r"(?:listen|play|pause|mute|unmute|watch)(?: now| live)?(?: (?:to )?(?:this|the) "
    r"(?:article|story|episode))?(?: \d+ min(?:ute)?s?)?",
    r"\d+ ?min(?:ute)?s?\.?(?: read| listen)?|lesezeit:? \d+ min\.?|\d+ min(?:utes?)? de lecture",
    r"\d+ min read|reading time:? \d+ min(?:ute)?s?",
    r"new, \d+ comments|\d+ (?:beiträge|likes?|shares?|views?)|like \d+|\d+ ?followers ?follow",
    r"\d+ (?:comments?|kommentare?|commentaires?|reactions|ergänzungen)|load (?:more|comments)",
    r"teile(?:n)? diesen beitrag|zur [\w ]{1,30}startseite|(?:more|journal) information:.*",
    r"\d+ (?:hours?|minutes?|days?|weeks?|months?|years?) ago|\d+[hmd] ago|(?:just )?now",
    r"vor \d+ (?:stunden?|minuten?|tagen?)|il y a \d+ (?:heures?|minutes?|jours?)",
    r"reply|report|like|antworten|melden|répondre|signaler|best rated|worst rated|newest|oldest",
    r"[\d,.]+ (?:bei|from|sur) [\d.,]+ (?:bewertungen|ratings|votes|avis)|mit von \d+ sternen"
    r"|bewerten|rate this|noter|vielen dank\.?|danke\.?|schließen|fermer"
    r"|sie haben bereits abgestimmt\.?|you have already voted\.?|click to rate",
    r"sort by:?(?: \w+)?",
    # navigation chrome
    r"close|×|✕|✖|x|menu|main menu|search(?: \w+)?|suche|rechercher|home|navigation|loading\.*",
    r"skip (?:to|navigation)(?: (?:main )?(?:content|navigation))?|back to (?:top|home|blog)",
    r"(?:zum inhalt|zur navigation) springen|aller au contenu(?: principal)?|nach oben",
    r"haut de page",
    r"aller au (?:menu(?: principal)?|pied de page|contenu)|menu principal|hauptmenü"
    r"|discover [\w ]{1,30}",
    r"toggle (?:search|navigation|menu)(?:\s+search)?|open (?:menu|navigation)|show more|load more",
    r"view all|see all|see more|more|mehr|plus|weiterlesen|lire la suite|continue reading",
    r"(?:sign|log) (?:in|out|up)|register|my account|account|my news|anmelden|abmelden|login",
    r"se connecter|connexion|s'identifier|mein konto|mon compte|startseite|accueil|you are here:?",
    r"vous êtes ici ?:?|sie sind hier:?|(?:international|uk|us|europe|australia) edition"
    r"|current edition:?|edition",
    r"key events|show key events only|live(?: feed| updates)?|please turn on javascript.*",
    r"(?:previous|next|older|newer) (?:article|post|story|page)s?|« previous next »"
    r"|newer post older post home|pages?: [\d ]+|page \d+ of \d+|seite \d+ von \d+",
    r"nächste seite.*|vorherige seite|page suivante|page précédente|auf einer seite lesen",
    # newsletters, subscriptions, apps
    r"newsletters?|podcasts?|videos?|vidéos|abo|s'abonner|abonnieren|[\w.' ]{1,30} newsletter",
    r"(?:sign up|subscribe|register)(?: (?:now|here|today|for free))?|subscribe to [\w' ]{1,60}",
    r"(?:sign up|subscribe) (?:to|for) (?:our|the) [\w' ]{0,40}newsletters?.*",
    r"get (?:our|the) [\w' ]{0,40}newsletter.*|enter your email(?: address)?|email address",
    r"e-mail[- ]adresse|adresse e-mail|votre adresse (?:e-)?mail|your (?:e-?mail|name)\b.*",
    r"download (?:on|from) the app store|get it on google play|download our app"
    r"|available on the app store|jetzt im app store|disponible sur (?:l'app store|google play)",
    # sharing
    r"share(?: this)?(?: (?:article|story|page|post))?(?: (?:on|via|by) [\w ]+)?",
    r"share all sharing options(?: for: .*)?|share or comment on this article:?.*",
    rf"(?:(?:{_SOCIAL})\s*)+",
    r"tweet|pin it|link copied|copier le lien|lien copié|partager(?: sur [\w ]+)?|teilen"
    r"(?: (?:auf|per) [\w ]+)?|jetzt teilen auf:?|weitersagen(?: abbrechen)?",
    r"embed|code embed copié.*|copied to clipboard|bookmark|save(?: for later| article)?"
    r"|in pocket speichern|merken|vorlesen|drucken|pdf drucken|druckansicht|artikel drucken"
    r"|imprimer|artikel als pdf ansehen|email this|blogthis!?|email thisblogthis!?",
    r"reuse this content|report an error|feedback|fehler melden|about sharing|add to watchlist",
    r"print(?: print)? this page|keywords .*|schlagwörter:? .*|mots-clés ?: .*",
    r"(?:télécharger|download|herunterladen)\b.{0,40}|dieses skript als pdf herunterladen",
    r"in [\"“].{1,40}[\"”]|post navigation|view all posts by .*",
    r"(?:previous|next)(?: post| article)?:.*",
    r"by|von|par|jetzt anmelden|most recent|mehr anzeigen|alle anzeigen|afficher plus",
    r"(?:réécouter|écouter|listen again|nochmal hören|jetzt anhören)\b.{0,80}",
    r"(?:empfehlungen|kommentare|comments|likes|shares|réactions)\s*:\s*\d+\s*,?",
    r"video-seite öffnen|zur startseite|sie haben post!?|newsletter wählen|login abbrechen",
    r"inhalt|inhaltsverzeichnis|contents|table of contents|sommaire",
    r"(?:aktuelle|die besten) recherchen per mail|.{0,30} per (?:e-)?mail",
    r"(?:themen|topics|thèmes)\s*:.{1,200}",
    r"print subscriptions?|purchase licensing rights",
    # advertising
    r"advertisement|advertising|ad|sponsored(?: content)?|promoted|paid (?:content|post)"
    r"|anzeige|werbung|publicité|sponsorisé|[\w ]{1,30}anzeige",
    r"story continues below(?: (?:this )?(?:advertisement|photo gallery))?\.?",
    r"article continues below(?: this advertisement)?|lesen sie nach der anzeige weiter",
    # images
    r"image (?:caption|source|copyright)\b.*|bild vergrößern|zum vergrößern .*"
    r"|bildbeschreibung einblenden|agrandir l'image|enlarge(?: image)?|(?:photo )?gallery",
    r"(?:image|photo|bild|foto) \d+ (?:of|von|sur) \d+.*|item \d+ of \d+ .*|\[\d+/\d+\].*",
    r"slideshow \( ?\d+ images? ?\)|view (?:gallery|photos|slideshow)",
    r"(?:photo|image|picture|video|foto|bild)(?: credit)?\s*:.*",
    r"(?:getty images|reuters|ap photo|afp|pa media|dpa|epa)(?: via [\w ]+)?",
    # cookies
    r"(?:we use cookies|(?:accept|reject|manage) (?:all )?cookies|i accept)\b.*",
    r"(?:accept|reject|allow) all|manage (?:preferences|settings|choices)|privacy settings",
    r"alle akzeptieren|alle ablehnen|tout accepter|tout refuser|paramétrer les cookies",
)


def classify(line: str) -> LineKind:
    """What kind of line this is, judged by its wording alone."""
    text = line.strip()
    if not text:
        return LineKind.FURNITURE
    if _SECTION.match(text):
        return LineKind.SECTION
    if _LABEL.match(text):
        return LineKind.LABEL
    if _END.match(text):
        return LineKind.END
    if _FURNITURE.match(text):
        return LineKind.FURNITURE
    return LineKind.TEXT
