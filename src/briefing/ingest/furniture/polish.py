"""Polish page furniture."""

from __future__ import annotations

SECTION = (
    r"(?:czytaj|przeczytaj|zobacz) (?:także|też|również)|czytaj więcej|polecamy"
    r"|polecane(?: artykuły)?|warto przeczytać|(?:to )?może (?:cię|was|państwa) (?:też |także )?"
    r"zainteresować",
    r"(?:najczęściej )?(?:czytane|komentowane)|najpopularniejsze(?: artykuły)?"
    r"|najnowsze(?: wiadomości| artykuły)?|podobne artykuły|powiązane(?: artykuły)?"
    r"|(?:ostatnie|inne|więcej) (?:wiadomości|artykuły|artykułów|informacji)(?: z [\w ]{1,40})?",
)

LABEL = (
    r"tagi|tematy|słowa kluczowe|kategorie|w tym artykule",
    # comments
    r"komentarze(?: \(\d+\))?(?: \d+)?|skomentuj|(?:dodaj|napisz) komentarz"
    r"|(?:zobacz|pokaż) (?:wszystkie )?komentarze",
    r"(?:obserwuj|śledź) nas(?: (?:w|na) [\w ]{1,30})?|o autorze|o autorce",
)

END = (
    r".{0,60}wszelkie prawa zastrzeżone.*",
    r"regulamin(?: serwisu)?|polityka prywatności|polityka (?:plików )?cookies"
    r"|ustawienia (?:plików )?cookies|o nas|mapa (?:strony|serwisu)|deklaracja dostępności",
)

FURNITURE = (
    # player widgets, timestamps and counters
    r"czas trwania\s*\d{1,2}:\d{2}(?::\d{2})?|czas czytania:? (?:ok\. )?\d+ min(?:\.|ut[y]?)?"
    r"|\d+ min(?:\.|ut[y]?)? czytania|(?:posłuchaj|odsłuchaj)(?: artykułu| artykuł)?",
    r"\d+ komentarz(?:e|y)?|\d+ (?:minut[ay]?|godzin[ay]?|godz\.|dni) temu|(?:godzinę|minutę) temu"
    r"|dziś|dzisiaj|wczoraj|teraz|odpowiedz|zgłoś|lubię to",
    # navigation chrome
    r"przejdź do (?:głównej )?(?:treści|zawartości|nawigacji|menu|wyszukiwarki)(?: głównej)?"
    r"|pomiń nawigację|(?:powrót )?do góry|szukaj|wyszukaj|zamknij|menu główne|strona główna"
    r"|jesteś tutaj:?",
    r"zaloguj(?: się)?|wyloguj(?: się)?|zarejestruj(?: się)?|moje konto|konto|prenumerata"
    r"|prenumeruj|subskrybuj|kup (?:subskrypcję|dostęp|prenumeratę)|e-wydanie",
    r"pokaż więcej|zobacz więcej|załaduj więcej|więcej|czytaj dalej|rozwiń",
    r"strona \d+ z \d+|(?:następna|poprzednia) strona|(?:następny|poprzedni) artykuł",
    # newsletters, apps
    r"zapisz się(?: do newslettera| na newsletter)?|wpisz (?:swój )?(?:adres )?e-?mail.*"
    r"|(?:twój )?adres e-?mail|pobierz aplikację",
    # sharing
    r"udostępnij(?: (?:na|w|przez) [\w ]+)?|s?kopiuj link|link skopiowany|drukuj|zapisz"
    r"|wyślij(?: e-?mailem)?",
    r"(?:tagi|tematy|słowa kluczowe)\s*:.{1,200}",
    # advertising
    r"reklama|materiał (?:sponsorowany|partnera|promocyjny|reklamowy)|artykuł sponsorowany"
    r"|sponsorowane|dalsza część artykułu pod reklamą",
    # images
    r"(?:zdjęcie|fot\.|foto) \d+ z \d+.*|powiększ(?: zdjęcie)?|(?:fot|zdjęcie|źródło)(?:\.|:).*"
    r"|galeria(?: zdjęć)?",
    # cookies
    r"(?:za)?akceptuj(?:ę)?(?: wszystkie)?|odrzuć(?: wszystkie)?"
    r"|ustawienia(?: prywatności| cookies)?|zarządzaj (?:zgodami|ustawieniami|preferencjami)"
    r"|przejdź do serwisu|zgadzam się",
)
