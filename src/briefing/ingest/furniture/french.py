"""French page furniture."""

from __future__ import annotations

SECTION = (
    r"(?:à )?lire (?:aussi|également)|sur le même (?:sujet|thème)|à (?:voir|découvrir) aussi",
    r"(?:articles )?les (?:plus )?(?:lus|consultés|partagés|populaires)|(?:dans )?la même rubrique",
    r"nos (?:dernières|derniers) (?:actualités|articles)|(?:à la )?une",
)

LABEL = (
    r"dans cet article|nos partenaires|offres d'emploi",
    r"mots-clés|thèmes|sujets|(?:à )?découvrir",
    # comments
    r"commentaires?(?: \(\d+\))?(?: \d+)?",
    r"laisser un commentaire|réagir|commenter",
    r"à propos de l'auteur",
)

END = (
    r".{0,60}tous droits réservés.*",
    r"(?:mentions légales|politique de confidentialité|conditions générales[\w' ]*|nous contacter"
    r"|plan du site|gestion des cookies|qui sommes-nous)",
)

FURNITURE = (
    # player widgets, timestamps and counters
    r"durée\s*\d{1,2}:\d{2}(?::\d{2})?|\d+ min(?:utes?)? de lecture",
    r"\d+ commentaires?|il y a \d+ (?:heures?|minutes?|jours?)",
    r"répondre|signaler|[\d,.]+ sur [\d.,]+ (?:votes|avis)|noter|fermer",
    # navigation chrome
    r"rechercher|aller au contenu(?: principal)?|haut de page",
    r"aller au (?:menu(?: principal)?|pied de page|contenu)|menu principal",
    r"plus|lire la suite|se connecter|connexion|s'identifier|mon compte|accueil|vous êtes ici ?:?",
    r"page suivante|page précédente",
    # newsletters, subscriptions, apps
    r"vidéos|s'abonner|adresse e-mail|votre adresse (?:e-)?mail",
    r"disponible sur (?:l'app store|google play)",
    # sharing
    r"copier le lien|lien copié|partager(?: sur [\w ]+)?|code embed copié.*|imprimer",
    r"mots-clés ?: .*|télécharger\b.{0,40}",
    r"par|afficher plus|(?:réécouter|écouter)\b.{0,80}|réactions\s*:\s*\d+\s*,?",
    r"sommaire|thèmes\s*:.{1,200}",
    # advertising
    r"publicité|sponsorisé",
    # images
    r"agrandir l'image|(?:image|photo) \d+ sur \d+.*",
    # cookies
    r"tout accepter|tout refuser|paramétrer les cookies",
)
