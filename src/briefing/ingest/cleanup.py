"""What is left around an article once a page is parsed, and has to go before it is read.

Both parsers (plain text and HTML) find the body by structure; inside it, sites still put
lines no listener should hear: a photo's caption and credit, the author's one-line bio, a
call to action ("Read more: …", "Submit your letter…"), the headline printed again as the
first paragraph, a date or "Updated …" line, a pull quote repeating a paragraph. Each is
recognised here by its wording, in English, German, French, Spanish, Italian, Portuguese,
Dutch and Polish, never by its position in one site's layout. Line-level furniture (menus,
share buttons) is `furniture.py`'s job.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefing.ingest.dates import is_date_only
from briefing.ingest.furniture import LineKind, classify

_MAX_CAPTION_WORDS = 45
_MAX_BIO_WORDS = 40
_MAX_CALL_WORDS = 30


def _pattern(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(alternatives), re.IGNORECASE)


_CREDIT_WORDS = (
    r"(?:photo(?:graph)?s?|pictures?|images?|video|graphic|illustration|credit|credits|source"
    r"|foto|fotos|bild|bilder|beitragsbild|titelbild|grafik|quelle"
    r"|crédits?(?: photo)?|légende|visuel"
    r"|fotografía|imagen|fuente|immagine|fotografia|fonte|imagem|beeld|bron|zdjęcie|źródło)"
)
CREDIT_LABEL = re.compile(
    rf"^\(?(?:{_CREDIT_WORDS}(?: (?:credit|caption|source|copyright))?\s*:|fot\.\s)",
    re.IGNORECASE,
)
"""A picture credit's label: "Photo: AP", "Bild: dpa", "(Foto: privat)", "Fot. PAP"."""
_AGENCIES = (
    r"(?:getty images|reuters|ap|afp|pa|epa|dpa|istock|shutterstock|efe|europa press|ansa|lapresse"
    r"|lusa|anp|belga|pap)"
)
# The whole paragraph is a caption or credit: it starts with a credit label, or is a short
# line ending in one ("… gehört zu den Unterstützern. Bild: dpa"; "… Photograph: Jo Ng/PA").
_CAPTION = _pattern(
    CREDIT_LABEL.pattern,
    r"^(?:image|photo|picture|video) (?:caption|source|copyright|credit)\b",
    r"(?:^|[.!?)\s•])(?:photo(?:graph)?|picture|credits?|foto|bild|crédits?(?: photo)?)\s*:"
    r"\s*[^!?:]{1,80}$",
    r"\bzum vergrößern\b|\bclick to enlarge\b|\bcliquez pour agrandir\b",
    rf"\([^()]{{0,60}}\b{_AGENCIES}\b[^()]{{0,40}}\)\.?$",
    rf"(?:^|[.!?]\s)[\w.'’ -]{{0,40}}\b{_AGENCIES}\s?/\s?[\w.'’ -]{{1,40}}$"
    rf"|(?:^|[.!?]\s)[\w.'’ -]{{1,40}}\s?/\s?{_AGENCIES}$",  # "… EFE/Name", "… Name/Lusa"
    r"^(?:photo(?:graph)?s?|pictures?|images?|illustrations?|graphics?|video) by\b",
    r"^(?:courtesy(?: of)?|mit freundlicher genehmigung)\b.{0,80}$",
    r"©|\(c\) ?\d{4}|^copyright\b|\bcopyright \d{4}",
    r"^\([\w/,.&;: -]{0,24}\)$",  # the author's or agency's initials: "(grh)", "(dpa/AFP)"
)
# A one-paragraph author biography or a way to reach the author.
_BIO = _pattern(
    r"^(?:[A-ZÀ-Þ][\w.'’-]+ ){1,4}(?:is|was) (?:an?|the|our) (?:[\w'’-]+ ){0,6}?"
    r"(?:writer|reporter|journalist|correspondent|editor|columnist|contributor|author"
    r"|freelancer|producer|presenter|photographer|blogger|critic|analyst)s?\b",
    r"^(?:written|reported|words|text) by\s*:",
    r"^(?:author|autor(?:in)?|auteure?)\s*:",
    r"^(?:[A-ZÀ-Þ][\w.'’-]+ ){1,4}(?:covers|writes about|reports on|is based in|has covered)\b",
    r"^(?:reach|contact|email|e-mail) (?:him|her|them|the author|me) at\b",
    r"^(?:[A-ZÄÖÜ][\w'’.-]+ ){1,3}(?:kam|ist seit|arbeitet seit|schreibt seit)\b.{0,160}"
    r"\b(?:zeitung|redaktion|journalist|korrespondent|redakteur|ressort)",
    r"^(?:(?:senior|chief|deputy|managing|contributing|staff|executive) )?(?:editor|writer"
    r"|reporter|correspondent) (?:with|who|at|for|covering)\b",
    r"^(?:you can )?(?:keep up with|follow|reach|contact|e-?mail|write to) "
    r"(?:me|him|her|them|the author|the writer)\b",
    r"^(?:redakteur|redakteurin|korrespondent|korrespondentin|autor|autorin|volontär|volontärin"
    r"|reporter|reporterin|ressortleiter|ressortleiterin)\b",
    r"^(?:[A-ZÀ-Þ][\w.'’-]+ ){1,4}(?:ist|war) (?:\w+ ){0,4}?(?:redakteur|redakteurin"
    r"|korrespondent|korrespondentin|autor|autorin|journalist|journalistin)\b",
    r"^(?:[A-ZÀ-Þ][\w.'’-]+ ){1,4}est (?:\w+ ){0,4}?(?:journaliste|rédacteur|rédactrice"
    r"|correspondant|correspondante|chroniqueur|chroniqueuse)\b",
    r"^(?-i:(?:[A-ZÀ-ÞŁŚŻ][\w.'’-]+ |(?:van|de|der|den|da|do|dos|del|di) ){1,5})(?:es|è|é|is"
    r"|jest) (?:\w+ ){0,4}?(?:periodista|redactora?"
    r"|corresponsal|giornalista|redattore|redattrice|corrispondente|jornalista|redatora?"
    r"|correspondente|journalist|verslaggever|redacteur|correspondent|dziennikar\w*|redaktor\w*)\b",
)
# A call to the reader rather than news.
_CALL = _pattern(
    r"^(?:read|see|watch|listen|view) (?:more|next|also|the full|our|here)\b",
    r"^(?:read more|read next|related|more on this|more from|see also|also read)\b",
    r"^(?:click|tap) here\b|^learn more\b|^read further\b|^help us\b|^donate\b|^check out\b",
    r"\bsign up (?:for|to) (?:the|our)\b.{0,40}\bnewsletter\b|^wir informieren sie\b",
    r"\bnewsletters?\b.{0,120}\b(?:kostenlos|free|abonn|subscribe|sign up|versand|inbox|anmelden"
    r"|inscri|every|jeden|chaque)",
    r"^(?:bleiben sie|restez) (?:auf dem laufenden|informiert|informés)",
    r"^ja, ich möchte\b|^yes, i (?:would like|want)\b|^send (?:this|it) to a friend\b|^retrouvez\b",
    r"^s'abonner\b|^abonnez-vous\b",
    r"^stay (?:up[- ]to[- ]date|informed|in touch|connected)\b|^get in touch\b|^contact (?:us|a)\b",
    r"^(?:sign up|subscribe|register|join) (?:to|for|now|here|today|our|us)\b",
    r"^(?:follow|like) us\b",
    r"^(?:download|get) (?:our|the) (?:free )?(?:app|newsletter)\b",
    r"^(?:get|receive|sign up for)\b.{0,60}\b(?:newsletters?|briefing|bulletin|digest|email|app"
    r"|alerts?)\b",
    r"\b(?:in|to|into) your inbox\b|\bstraight to your inbox\b|in ihrem postfach\b",
    r"^for the latest\b|\bhead to [\w ]{1,40}\.?$|\bdirect from the [\w ]{1,30} every \w+",
    r"\bsign-?up to provide content\b|\bconsented to\b",
    r"^(?:watch|listen|video|gallery|photos|see photos|audio)\s*:",
    r"^(?:submit|send) (?:your|us)\b",
    r"^share (?:this|your|on)\b",
    r"^(?:don'?t|do not) miss\b",
    r"^(?:support|fund) (?:us|our|independent)\b",
    r"^make a (?:contribution|donation)\b",
    r"^(?:permalink|kurzlink|short ?link)\s*:?\s",
    r"^feedback\b|^send us your feedback\b|^forum zum thema\b",
    r"^(?:additional )?(?:reporting|writing|editing|compiled|translated|additional reporting)"
    r"(?: by)?\b.{0,200}\b(?:editing|edited|reporting) by\b|^(?:additional )?reporting by\b",
    r"^auf \w+ folgen$|^(?:eine )?e-mail senden$|^suivre sur \w+$",
    r"\baffiliate commission\b|^by submitting (?:your|this)\b|^contact me with\b",
    r"^(?:lesen sie (?:auch|mehr|hier)|mehr zum thema|auch interessant|zum thema|weiterlesen"
    r"|jetzt (?:abonnieren|lesen|testen)|hier (?:abonnieren|anmelden))\b",
    r"^(?:lire (?:aussi|la suite|également)|à lire (?:aussi|également)|voir aussi"
    r"|abonnez-vous|inscrivez-vous|suivez-nous)\b",
    # Spanish, Italian, Portuguese, Dutch, Polish: "read also" links, sign-ups, follow us
    r"^(?:(?:lee|lea) también|leer más|te puede interesar|suscríbete|apúntate|síguenos"
    r"|leggi anche|iscriviti|abbonati|seguici|(?:leia|veja|ler) também|leia mais|ler mais"
    r"|subscreva|assine|siga-nos|lees ook|lees meer|schrijf je in|meld je aan|word abonnee"
    r"|volg ons|czytaj (?:także|też|również|więcej)|zobacz (?:także|też|również)|zapisz się"
    r"|subskrybuj|obserwuj nas)\b",
    r"^(?:recibe|ricevi|receba|ontvang|otrzymuj)\b.{0,80}\b(?:boletín|newsletter|correo|e-?mail"
    r"|casella|caixa|mailbox|inbox|skrzynk)",
    r"\b(?:en tu (?:correo|bandeja)|nella tua casella|no seu e-?mail|na sua caixa|in je mailbox"
    r"|in je inbox|na (?:twoją|swoją) skrzynkę)\b",
)
_UPDATED_LABEL = (
    r"(?:updated|last updated|last modified|published|first published|posted"
    r"|aktualisiert(?: am)?|veröffentlicht(?: am)?|stand|erstellt(?: am)?"
    r"|mis à jour(?: le)?|publié(?: le)?|modifié(?: le)?"
    r"|actualizado(?: el)?|publicado(?: el| a| em)?|última actualización|pubblicato(?: il)?"
    r"|aggiornato(?: il)?|ultimo aggiornamento|atualizado(?: a| em)?|última atualização"
    r"|gepubliceerd(?: op)?|bijgewerkt(?: op)?|laatst bijgewerkt|opublikowano|aktualizacja"
    r"|zaktualizowano)"
)
# "Updated 3 hours ago", "Aktualisiert am 28.01.2020", or the label alone (its time was an
# element of its own); the lookahead keeps "Published in Nature, the study…" as prose.
_UPDATED = _pattern(
    rf"^[-–—\s]*{_UPDATED_LABEL}\s*[:.]?\s*$",
    rf"^[-–—\s]*{_UPDATED_LABEL}\b(?=.*(?:\d|\b(?:ago|gestern|heute|hier|aujourd|hace|ayer|hoy"
    r"|fa|ieri|oggi|há|ontem|hoje|geleden|gisteren|vandaag|temu|wczoraj|dziś|dzisiaj)\b))"
    r".{0,60}$",
)
# Short lines that only a site's own footer or badge says.
_HOUSE = _pattern(
    r"\ball rights reserved\b",
    r"\btrust principles\b",
    r"^our standards\b",
    r", opens new tab$",
)
_MAX_HOUSE_WORDS = 20
_COOKIES = _pattern(
    r"\bcookies?\b.{0,200}\b(?:partners|consent|your device|personalis|personaliz|privacy"
    r"|preferences|terceros|preferencias|consentimiento|privacidad|navegación|terze parti"
    r"|consenso|preferenze|navigazione|terceiros|consentimento|navegação|toestemming|voorkeuren"
    r"|statystycznych|reklamowych|przeglądar\w*|zgod\w*)",
    r"\b(?:partners|consent|your device)\b.{0,200}\bcookies?\b",
)
_MAX_COOKIE_WORDS = 80
_HASHTAG_LINE = re.compile(r"^(?:#\w+\s*)+$")
# A wire dateline: "LONDON (Reuters) - ", "WASHINGTON (AP) — ": where and who filed it.
_DATELINE = re.compile(
    r"^(?:[A-ZÀ-Þ][\w .,'’/-]{1,40}\s)?\((?:Reuters|AP|AFP|dpa|PA|Bloomberg|AAP|UPI|Xinhua"
    r"|EFE|ANSA|CNN|BBC|epd|KNA|SDA|APA|Europa Press|Lusa|ANP|Belga|PAP)\)\s*[-–—:]\s*"
)
_PHOTO_LINK = re.compile(r"\s*\bpic\.twitter\.com/\w+")
# The signature under an embedded post: "— Dave Schukin (@schukin) July 3, 2019" (X/Twitter),
# "A post shared by Jane Doe (@janedoe)" (Instagram). The article says who posted.
_SIGNATURE = (
    r"(?:[—–-]\s*[^()—–]{1,60}\(@[\w.]{1,30}\)\s+\w{3,9}\.? \d{1,2}, \d{4}"
    r"|\ba post shared by\b.{0,60}\(@[\w.]{1,30}\))"
)
_POST_SIGNATURE = _pattern(rf"^{_SIGNATURE}$")
_SIGNED_POST = _pattern(rf"\s*{_SIGNATURE}$")
"""The same signature run onto the end of the post's text."""
_GLUED_SENTENCE = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z]{2})")
"""Two sentences of an embedded post whose line break was lost: "accordingly.Notice"."""
_FILE_SIZE = re.compile(r"^\(?\d+(?:[.,]\d+)?\s?(?:[kKMG]B|[kKMG]iB|Ko|Mo)\)?$")
"""A download's size left alone on a line ("123 KB") by a link to a PDF or an MP3."""
_CLOCK_END = re.compile(r"\s*[ap]\.m\.$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")
_DATE_LABEL = re.compile(r"\s+(?:report|feature|analysis|interview|update|news)$", re.IGNORECASE)


def _words(text: str) -> int:
    return len(text.split())


def is_caption(text: str) -> bool:
    """A photo caption, a picture credit or a copyright line."""
    return _words(text) <= _MAX_CAPTION_WORDS and bool(_CAPTION.search(text))


def is_bio(text: str) -> bool:
    """An author's one-paragraph biography, or how to follow or reach them (judged by its
    opening when the paragraph is long)."""
    opening = text if _words(text) <= _MAX_BIO_WORDS else " ".join(text.split()[:_MAX_BIO_WORDS])
    return bool(_BIO.search(opening))


def is_call_to_action(text: str) -> bool:
    """A line that asks the reader to do something: read more, sign up, share, submit."""
    return _words(text) <= _MAX_CALL_WORDS and bool(_CALL.search(text))


def is_date_line(text: str) -> bool:
    """A line that only dates the article: "Updated 3 hours ago", "October 22, 2019 report".
    A sentence that mentions a date ends with a full stop and is not one."""
    if _UPDATED.match(text):
        return True
    bare = _CLOCK_END.sub("", text)
    return not _SENTENCE_END.search(bare) and is_date_only(_DATE_LABEL.sub("", bare))


def is_boilerplate(text: str) -> bool:
    """A line or paragraph that is not the article by its wording: a caption or credit, a
    call to action, a date line, a cookie notice, hashtags, a site's standard footer line."""
    words = _words(text)
    return (
        is_caption(text)
        or is_call_to_action(text)
        or is_date_line(text)
        or bool(_HASHTAG_LINE.match(text))
        or bool(_POST_SIGNATURE.search(text))
        or bool(_FILE_SIZE.match(text))
        or (words <= _MAX_HOUSE_WORDS and bool(_HOUSE.search(text)))
        or (words <= _MAX_COOKIE_WORDS and bool(_COOKIES.search(text)))
    )


def is_furniture(text: str) -> bool:
    """A paragraph that is not the article wherever it stands: menus, headings of other
    blocks, and everything `is_boilerplate` knows."""
    return classify(text) is not LineKind.TEXT or is_boilerplate(text)


def _about_the_site(text: str, publication: str | None) -> bool:
    """The site describing itself ("CORRECTIV ist das erste gemeinnützige …"): a pitch, not
    the article."""
    if not publication:
        return False
    name = re.split(r"[.\s]", publication.strip())[0]
    return len(name) > 3 and bool(
        re.match(rf"{re.escape(name)}\b\S*\s+(?:is|ist|est|was|war)\b", text, re.IGNORECASE)
    )


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def tidy(
    paragraphs: Iterable[str], title: str | None = None, publication: str | None = None
) -> list[str]:
    """The article's paragraphs without furniture; without the headline printed again as
    the first paragraph (alone or after a kicker: "Tech: Title"); without a paragraph
    repeated word for word (a pull quote); and without an author's bio at either end (only
    there: "Johnson is a former journalist…" in the middle of a story is news)."""
    kept: list[str] = []
    seen: set[str] = set()
    title_key = _key(title) if title else None
    for paragraph in paragraphs:
        text = _DATELINE.sub("", _PHOTO_LINK.sub("", paragraph)).strip()
        text = _GLUED_SENTENCE.sub(" ", _SIGNED_POST.sub("", text))
        if not text or is_furniture(text) or _about_the_site(text, publication):
            continue
        key = _key(text)
        if key in seen:
            continue
        if not kept and title_key and (key == title_key or key.endswith(f" {title_key}")):
            continue
        if not kept and title and text.startswith(f"{title} ") and len(text) > 2 * len(title):
            text = text[len(title) :].strip()  # the headline run into the first paragraph
            key = _key(text)
        seen.add(key)
        kept.append(text)
    while kept and is_bio(kept[-1]):
        kept.pop()
    while kept and is_bio(kept[0]):
        kept.pop(0)
    return kept
