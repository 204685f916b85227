"""Italian page furniture."""

from __future__ import annotations

SECTION = (
    r"leggi anche|vedi anche|(?:ti )?potrebbe(?:ro)? interessar(?:ti|e)(?: anche)?",
    r"(?:articoli|notizie) correlat[ie]|correlati|(?:i )?più (?:letti|visti|condivisi|commentati)"
    r"|(?:le )?più (?:lette|viste|condivise|commentate)",
    r"(?:le )?ultime notizie|le ultime"
    r"|(?:altre notizie|altri articoli)(?: (?:da|di|su) [\w ]{1,40})?|dalla stessa sezione"
    r"|consigliati(?: per te)?|scelti per te|in evidenza|da non perdere",
)

LABEL = (
    r"argomenti|temi|parole chiave|categorie|in questo articolo",
    # comments
    r"commenti(?: \(\d+\))?(?: \d+)?|commenta|lascia un commento|scrivi un commento"
    r"|(?:mostra|leggi) (?:i |tutti i )?commenti",
    r"seguici(?: su [\w ]{1,30})?|l'autore|sull'autore",
)

END = (
    r".{0,60}tutti i diritti riservati.*",
    r"note legali|cookie policy|informativa (?:sulla )?(?:privacy|cookie)|chi siamo|contatti"
    r"|contattaci|lavora con noi|gerenza|mappa del sito|dichiarazione di accessibilità",
    r".{0,80}\b(?:partita iva|p\. ?iva)\b.*",
)

FURNITURE = (
    # player widgets, timestamps and counters
    r"durata\s*\d{1,2}:\d{2}(?::\d{2})?|(?:tempo di )?lettura:? \d+ min(?:uti|\.)?"
    r"|\d+ min(?:uti)? di lettura|ascolta(?: l'articolo| la notizia)?",
    r"\d+ commenti|\d+ (?:minuti|ore|giorni|settimane) fa|(?:un'ora|un minuto|un giorno) fa"
    r"|oggi|ieri|adesso|rispondi|segnala|mi piace",
    # navigation chrome
    r"(?:vai|salta) al contenuto(?: principale)?|vai alla navigazione|vai al menu|torna su"
    r"|torna all'inizio|cerca|chiudi|menu principale|sei in:?|ti trovi in:?",
    r"accedi|esci|registrati|il mio account|area riservata|abbonati(?: ora)?|abbonamenti|edicola"
    r"|sfoglia (?:il giornale|l'edizione digitale)|edizione digitale",
    r"mostra (?:altro|di più|tutto|tutti)|leggi (?:tutto|di più|l'articolo|altro)"
    r"|continua a leggere|carica altri|vedi (?:tutti|tutte|altro|di più)|altro",
    r"(?:©\s*)?riproduzione riservata",  # under the article, not the page's footer
    r"pagina \d+ di \d+|pagina (?:successiva|precedente)|articolo (?:successivo|precedente)",
    # newsletters, apps
    r"iscriviti(?: ora| gratis| alla newsletter)?|inserisci (?:il tuo )?(?:indirizzo )?e-?mail.*"
    r"|indirizzo e-?mail|scarica l'app",
    # sharing
    r"condividi(?: su [\w ]+| l'articolo| questo articolo)?|copia (?:il )?link|link copiato"
    r"|stampa|salva|invia(?: (?:per|via) e-?mail)?",
    r"(?:argomenti|tag)\s*:.{1,200}",
    # advertising
    r"pubblicità|contenuto (?:sponsorizzato|pubblicitario)|sponsorizzato|annuncio"
    r"|pubbliredazionale|in collaborazione con [\w ]{1,40}",
    # images
    r"(?:immagine|foto) \d+ di \d+.*|ingrandisci(?: immagine| foto)?"
    r"|(?:immagine|fotografia|fonte)\s*:.*|(?:foto)?gallery|galleria(?: fotografica)?",
    # cookies
    r"accetta(?: e chiudi| tutti| tutto| i cookie)?|rifiuta(?: tutti| tutto| i cookie)?"
    r"|personalizza|gestisci (?:le )?(?:preferenze|opzioni|cookie)|continua senza accettare"
    r"|impostazioni (?:dei )?cookie",
)
