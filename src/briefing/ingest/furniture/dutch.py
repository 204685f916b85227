"""Dutch page furniture."""

from __future__ import annotations

SECTION = (
    r"lees ook|lees meer|bekijk ook|ook interessant|(?:dit )?(?:vind|vindt) (?:je|u) misschien ook"
    r" (?:interessant|leuk)|misschien ook interessant|aanbevolen(?: voor (?:jou|u))?|uitgelicht",
    r"gerelateerde? (?:artikelen|berichten|nieuws)|gerelateerd"
    r"|meer (?:nieuws|artikelen)(?: (?:uit|over|van) [\w ]{1,40})?|meer over [\w'’ ]{2,40}",
    r"(?:meest|best) (?:gelezen|bekeken|gedeeld)|populair|net binnen|(?:het )?laatste nieuws"
    r"|nieuwste artikelen|ander nieuws",
)

LABEL = (
    r"onderwerpen|trefwoorden|thema's|categorieën|in dit artikel|gerelateerde onderwerpen",
    # comments
    r"reacties?(?: \(\d+\))?(?: \d+)?|reageer op (?:dit|het) artikel|plaats een reactie"
    r"|schrijf een reactie|bekijk (?:alle )?reacties",
    r"volg ons(?: op [\w ]{1,30})?|over de auteur",
)

END = (
    r".{0,60}alle rechten voorbehouden.*",
    r"colofon|privacyverklaring|privacybeleid|privacy-instellingen|cookieverklaring|cookiebeleid"
    r"|cookie-?instellingen|algemene voorwaarden|gebruiksvoorwaarden|klantenservice|adverteren"
    r"|vacatures|over ons|disclaimer|toegankelijkheid",
)

FURNITURE = (
    # player widgets, timestamps and counters
    r"duur\s*\d{1,2}:\d{2}(?::\d{2})?|leestijd:? \d+ min(?:uten|\.)?|\d+ min(?:uten)? leestijd"
    r"|luister(?: naar)?(?: dit artikel)?|voorlezen",
    r"\d+ reacties|\d+ (?:minuten|min|uur|dagen|weken) geleden|vandaag|gisteren|zojuist",
    r"reageren|reageer|rapporteren|vind ik leuk",
    # navigation chrome
    r"ga (?:direct )?naar (?:de )?(?:inhoud|hoofdinhoud|navigatie|zoekfunctie)"
    r"|(?:spring|direct) naar (?:de )?(?:inhoud|navigatie)|(?:terug )?naar boven|zoeken|sluiten"
    r"|hoofdmenu|(?:je|u) bent hier:?",
    r"inloggen|uitloggen|registreren|mijn account|abonneren|abonnement|word abonnee"
    r"|neem een abonnement|e-paper|digitale krant|aanmelden",
    r"toon meer|(?:meer|laad meer) laden|laad meer|bekijk (?:alles|meer|alle)|lees verder"
    r"|verder lezen|meer",
    r"pagina \d+ van \d+|(?:volgende|vorige) pagina|(?:volgend|vorig) artikel",
    # newsletters, apps
    r"nieuwsbrie(?:f|ven)|schrijf je in(?: voor (?:de|onze) nieuwsbrief)?|inschrijven"
    r"|vul je e-?mailadres in.*|(?:je |uw )?e-?mailadres|download (?:de|onze) app",
    # sharing
    r"delen(?: (?:via|op) [\w ]+)?|deel(?: dit artikel| dit bericht| via [\w ]+| op [\w ]+)?"
    r"|link kopiëren|kopieer (?:de )?link|link gekopieerd|printen|afdrukken|opslaan|bewaren"
    r"|bewaar artikel|e-?mailen",
    r"(?:onderwerpen|trefwoorden)\s*:.{1,200}",
    # advertising
    r"advertentie|gesponsord(?:e (?:inhoud|content))?|partnercontent"
    r"|in samenwerking met [\w ]{1,40}|lees verder na de advertentie",
    # images
    r"(?:afbeelding|foto) \d+ van \d+.*|vergroot(?: afbeelding)?|(?:beeld|afbeelding|bron)\s*:.*"
    r"|fotoserie|fotogalerij",
    # cookies
    r"akkoord|(?:alle )?cookies accepteren|(?:alles )?accepteren|(?:alles )?weigeren"
    r"|instellingen(?: aanpassen| wijzigen)?|ja, ik ga akkoord|voorkeuren beheren",
)
