"""Script rules in other languages than English: the golden sets (tests/data/golden-de.tsv,
golden-fr.tsv, golden-es.tsv, …) and properties over every corpus page in those languages
(the German and French pages, and a news page each in tests/data/languages/).

Each golden case is a sentence from a corpus page (or, for a form the pages lack, one
written like them) and what the voice should say. The properties: no English word is ever
said in such a script, normalising twice changes nothing, the full stop of an
ordinal or an abbreviation never ends a sentence, a language without rules keeps its digits
as written, and the show's own lines come in the page's language.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import pytest
from num2words import num2words

from briefing.config import ShowConfig
from briefing.ingest import load_page
from briefing.models import Page, StoryKind
from briefing.script.build import build_script
from briefing.script.normalize import clean_unicode, normalize
from briefing.script.normalize.languages import has_rules, rules_module
from briefing.script.normalize.words import NUMBER_WORDS
from briefing.script.sentences import spoken_sentences

DATA = Path(__file__).parent / "data"
LANGUAGES = tuple(sorted(p.stem.removeprefix("golden-") for p in DATA.glob("golden-*.tsv")))
"""Every language with a golden set (tests/data/golden-<code>.tsv; English's is golden.tsv)."""
CLASSES = "numbers years dates ordinals times money percent abbreviations plain".split()
"""Every class each golden set must have at least five cases of (more may appear: codes)."""


class Case(NamedTuple):
    """One line of a golden set."""

    language: str
    written: str
    spoken: tuple[str, ...]
    """What may be said; more than one where either is right."""
    kind: str


def read_golden(language: str) -> list[Case]:
    """The cases of `golden-<language>.tsv` (`written<TAB>spoken<TAB>class`; lines starting
    "# " are comments)."""
    cases = []
    path = DATA / f"golden-{language}.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("# "):
            continue
        written, spoken, kind = line.split("\t")
        cases.append(Case(language, written, tuple(spoken.split(" || ")), kind))
    return cases


GOLDEN = [case for language in LANGUAGES for case in read_golden(language)]


def _id(case: Case) -> str:
    return f"{case.language} {case.kind}: {case.written[:60]}"


@pytest.mark.parametrize("case", GOLDEN, ids=[_id(c) for c in GOLDEN])
def test_golden(case: Case) -> None:
    assert normalize(case.written, language=case.language) in case.spoken


@pytest.mark.parametrize("language", LANGUAGES)
def test_golden_set_covers_every_class(language: str) -> None:
    cases = read_golden(language)
    counts = Counter(case.kind for case in cases)
    assert len(cases) >= 60, len(cases)
    assert all(counts[kind] >= 5 for kind in CLASSES), counts
    assert len({case.written for case in cases}) == len(cases), "a case is written twice"


# --- the corpus ---------------------------------------------------------------------------------


def _corpus_pages() -> list[tuple[str, Path]]:
    """Every page of the corpus in a language with rules, as (language, path): the German and
    French pages, and a news page in each other language (tests/data/languages/<code>.txt)."""
    pages = []
    for folder in ("html", "text/browser", "text/written"):
        expected = json.loads((DATA / folder / "expected.json").read_text(encoding="utf-8"))
        for name, facts in sorted(expected.items()):
            if facts.get("lang") in LANGUAGES:
                pages.append((facts["lang"], DATA / folder / name))
    pages += [(path.stem, path) for path in sorted((DATA / "languages").glob("*.txt"))]
    return pages


CORPUS = _corpus_pages()


def _paragraphs(page: Page) -> list[str]:
    article = page.article
    return [article.title, *article.paragraphs, *(h.title for h in page.headlines)]


def _words(text: str) -> Counter[str]:
    return Counter(w.lower() for w in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text))


def _own_words(language: str) -> frozenset[str]:
    """Words `language` says that English says too: its number words ("six", "million" in
    French; "minus" in German), its months ("April", "November") and the Latin "et
    cetera"."""
    module = rules_module(language)
    assert module is not None
    said = [
        str(num2words(n, lang=language, to=to))
        for n in (*range(101), 1000, 10**6, 2 * 10**6, 10**9, 2 * 10**9)
        for to in ("cardinal", "ordinal")
    ]
    said += [*module.MONTHS, *module.WEEKDAYS, "minus et cetera"]
    return frozenset(w.lower() for text in said for w in re.findall(r"[^\W\d_]+", text))


def test_the_corpus_has_pages_in_every_language() -> None:
    assert {language for language, _ in CORPUS} == set(LANGUAGES)
    assert len(CORPUS) >= 20


@pytest.mark.parametrize(
    ("language", "path"), CORPUS, ids=[f"{lang}:{p.parent.name}/{p.name}" for lang, p in CORPUS]
)
def test_no_english_word_is_said(language: str, path: Path) -> None:
    """No English number word, and no other word the English rules would say (the "per
    cent", "point", "and", "o'clock" of an English reading of the same paragraph), appears
    in a German or French script unless the page itself has it or the language shares it;
    and normalising twice changes nothing."""
    english = NUMBER_WORDS - _own_words(language)
    for paragraph in _paragraphs(load_page(path)):
        spoken = normalize(paragraph, language=language)
        written, said = _words(clean_unicode(paragraph)), _words(spoken)
        added = {w for w in said if said[w] > written[w]}
        assert not added & english, (added & english, paragraph[:200], spoken[:200])
        english_reading = _words(normalize(paragraph))
        english_only = {w for w in english_reading if english_reading[w] > written[w]}
        foreign = (added & english_only) - _own_words(language)
        assert not foreign, (foreign, paragraph[:200], spoken[:200])
        assert normalize(spoken, language=language) == spoken, paragraph[:200]


_WEB = re.compile(r"\S+@\S+|https?://\S+|www\.\S+")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_number_of_the_corpus_is_said_or_left_whole(language: str) -> None:
    """Digits that remain are whole tokens left for the voice ("7/2019", "CC BY-ND 2.0", a
    table's "2.9"), never half a token next to words; and most numbers are said."""
    written_numbers = said_numbers = 0
    for _, path in (item for item in CORPUS if item[0] == language):
        for paragraph in _paragraphs(load_page(path)):
            spoken = normalize(paragraph, language=language)
            written_numbers += len(re.findall(r"\d+", paragraph))
            said_numbers += len(re.findall(r"\d+", spoken))
            glued = re.search(r"[^\W\d_]\d|\d[^\W\d_]", _WEB.sub(" ", spoken))
            assert glued is None, spoken[max(0, glued.start() - 80) : glued.end() + 80]
    assert said_numbers < written_numbers * 0.2, (said_numbers, written_numbers)


# --- sentences ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "count"),
    [
        ("de", "Das gilt z. B. für alle, die am 26. Oktober kommen.", 1),
        ("de", "Das gilt z.B. für alle. Am 26. Oktober beginnt die Geschichte.", 2),
        ("de", "Es ist der 13. November. Relotius ignoriert Morenos Warnungen.", 2),
        ("de", "Zuständig ist Dr. André Geicke, seit 1986 beim Heft.", 1),
        ("de", "Der Schaden beträgt 1,2 Mrd. Euro, sagt Prof. Müller.", 1),
        ("de", "Die Kirche St. Michael stammt aus dem 12. Jh. und steht in Nr. 5.", 1),
        ("de", "Wir klingeln im 1. Stock, u. a. bei Sebastian K. und d. h. bei allen.", 1),
        ("de", "Es gab Kuchen, Kaffee, Saft usw. Danach gingen alle.", 2),
        ("fr", "M. Dupont et Mme Martin arrivent le 1er janvier.", 1),
        ("fr", "La ville fut fondée vers 52 av. J.-C. par les Romains.", 1),
        ("fr", "Russes, suisses etc. Au total, ils sont vingt.", 2),
        ("es", "El Sr. García y la Dra. López llegaron a Madrid el 1.º de mayo.", 1),
        ("es", "La muralla se levantó hacia el año 300 a. C. y aún se conserva.", 1),
        (
            "es",
            "El presidente de EE. UU. visitó la 2.ª planta del n.º 5, p. ej. con la ministra.",
            1,
        ),
        ("es", "Se vendieron frutas, verduras, etc. Los precios subieron un 12 %.", 2),
        ("es", "El equipo terminó 3.º en la Liga. El 1.er clasificado fue el Barça.", 2),
        ("it", "Il Sig. Rossi e la Dott.ssa Bianchi arrivano il 1° maggio alla 3ª edizione.", 1),
        ("it", "Roma fu fondata nel 753 a.C. secondo la tradizione, come scrive il Prof. Neri.", 1),
        (
            "it",
            "L'On. Ricci ha firmato l'ordinanza n. 14 ai sensi dell'art. 3 con la Hera S.p.A.",
            1,
        ),
        (
            "it",
            "Hanno perso grano, frutta, ortaggi ecc. Poi è arrivata la piena del XXI secolo.",
            2,
        ),
        ("pt", "O Sr. Silva e a Dra. Costa chegaram no 1.º dia de março.", 1),
        ("pt", "A Galp lucrou 1,2 mil milhões de euros no 2.º trimestre, diz o Prof. Marques.", 1),
        ("pt", "O documento n.º 5, na pág. 12, refere o ano 52 a.C. e a 2.ª Guerra.", 1),
        ("pt", "Chegaram frutas, legumes, peixe, etc. Depois abriu o mercado.", 2),
        ("nl", "Dhr. Jansen en mevr. De Vries komen op 1 januari naar de 2e vergadering.", 1),
        ("nl", "Prof. dr. ir. De Boer sprak m.b.t. blz. 12 van rapport nr. 5 met mr. Bakker.", 1),
        (
            "nl",
            "Het debat is op di. 3 sept. in de 2de Kamer, aldus Shell Nederland B.V. vandaag.",
            1,
        ),
        ("nl", "Er lagen appels, peren enz. Daarna was alles op.", 2),
    ],
)
def test_sentences_are_never_split_at_an_ordinal_or_abbreviation(
    language: str, text: str, count: int
) -> None:
    sentences = spoken_sentences(normalize(text, language=language))
    assert len(sentences) == count, sentences
    assert not any(re.search(r"\d", s) for s in sentences), sentences


def test_am_26_oktober_stays_one_sentence() -> None:
    spoken = normalize("Die Geschichte beginnt am 26. Oktober, einem Freitag.", language="de")
    assert spoken == "Die Geschichte beginnt am sechsundzwanzigsten Oktober, einem Freitag."
    assert spoken_sentences(spoken) == [spoken]


# --- languages without rules ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Den 26 oktober 2019 kl. 14.30 anslog regeringen 1,2 miljarder euro (12 %).",
        "Dr. Andersson, född 1986, är 63 år gammal.",
    ],
)
def test_a_language_without_rules_keeps_its_digits(text: str) -> None:
    assert not has_rules("sv") and rules_module("sv") is None
    spoken = normalize(text, language="sv")
    assert re.findall(r"\d+", spoken) == re.findall(r"\d+", text)
    assert not set(_words(spoken)) - set(_words(text))  # no word added, English or other


def test_the_shipped_languages_have_rules() -> None:
    assert has_rules("de") and has_rules("de-AT") and has_rules("fr_CA")
    assert all(has_rules(code) for code in ("es", "es-MX", "it", "pt-BR", "nl-BE"))
    assert set(LANGUAGES) >= {"de", "fr", "es", "it", "pt", "nl"}


# --- the show's own lines -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "date", "spoken"),
    [
        ("de", dt.date(2026, 1, 14), "Mittwoch, den vierzehnten Januar"),
        ("de", dt.date(2026, 10, 3), "Samstag, den dritten Oktober"),
        ("fr", dt.date(2026, 1, 14), "mercredi quatorze janvier"),
        ("fr", dt.date(2026, 1, 1), "jeudi premier janvier"),
    ],
)
def test_spoken_date(language: str, date: dt.date, spoken: str) -> None:
    module = rules_module(language)
    assert module is not None
    assert module.spoken_date(date) == spoken
    assert module.WEEKDAYS[date.weekday()] in spoken and module.MONTHS[date.month - 1] in spoken
    assert module.ordinal_day(date.day) in spoken


@pytest.mark.parametrize("language", LANGUAGES)
def test_spoken_date_names_weekday_day_and_month(language: str) -> None:
    module = rules_module(language)
    assert module is not None
    for date in (dt.date(2026, 1, 1), dt.date(2026, 3, 14), dt.date(2026, 12, 31)):
        spoken = module.spoken_date(date)
        assert module.WEEKDAYS[date.weekday()].lower() in spoken.lower(), spoken
        assert module.MONTHS[date.month - 1].lower() in spoken.lower(), spoken
        assert module.ordinal_day(date.day) in spoken and not re.search(r"\d", spoken), spoken


@pytest.mark.parametrize("language", LANGUAGES)
def test_templates_are_the_shows_own_and_in_the_language(language: str) -> None:
    module = rules_module(language)
    assert module is not None
    assert set(module.TEMPLATES) == set(ShowConfig.TEMPLATES)
    english = {getattr(ShowConfig(), name) for name in ShowConfig.TEMPLATES} - {""}
    assert not english & set(module.TEMPLATES.values())


def _intro_and_outro(page: Page, language: str, show: ShowConfig | None = None) -> list[str]:
    script = build_script(
        page, [], today=dt.date(2026, 1, 14), show=show or ShowConfig(), language=language
    )
    return [
        " ".join(s for paragraph in story.paragraphs for s in paragraph)
        for story in script.stories
        if story.kind in (StoryKind.INTRO, StoryKind.OUTRO)
    ]


def test_a_german_episode_is_introduced_in_german() -> None:
    page = load_page(DATA / "german-page.txt")
    intro, outro = _intro_and_outro(page, "de")
    assert "für Mittwoch, den vierzehnten Januar." in intro
    assert "Diese Folge wird von einer synthetischen Stimme gelesen." in intro
    assert outro.startswith("Das war ") and outro.endswith("Danke fürs Zuhören.")
    own = ShowConfig(name="Morgenpost", outro="Bis morgen bei {show}.")
    assert _intro_and_outro(page, "de", own)[1] == "Bis morgen bei Morgenpost."


def test_a_french_episode_is_introduced_in_french() -> None:
    page = load_page(DATA / "text" / "written" / "french-page.txt")
    intro, outro = _intro_and_outro(page, "fr")
    assert "Cet épisode est lu par une voix de synthèse." in intro
    assert outro.endswith("Merci de votre écoute.") and "du mercredi quatorze janvier" in outro


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_written_description_is_in_the_language(language: str) -> None:
    """The episode's title and description (ID3, feed, show notes) use the language's own
    words for the date, the round-up's lead-in and the disclosure."""
    module = rules_module(language)
    assert module is not None
    pages = (load_page(path) for code, path in CORPUS if code == language)
    page = next(page for page in pages if page.headlines)
    script = build_script(page, [0], today=dt.date(2026, 1, 14), language=language)
    month = module.MONTHS[script.date.month - 1]
    assert script.title.startswith(f"{script.date.day}") and month in script.title.split(":")[0]
    assert f" {module.WRITTEN['also']} " in script.summary
    assert script.summary.endswith(module.WRITTEN["synthetic_voice"])
    english = {"also", "this", "episode", "read", "by", "synthetic", "voice"}  # not "in", "a"
    english |= {m.lower() for m in ("January February March May June July August".split())}
    written = set(_words(script.title.split(":")[0])) | set(_words(module.WRITTEN["also"]))
    assert not written & english, written


def test_a_language_without_rules_says_no_english_line() -> None:
    """A Polish page: no intro, headlines lead-in, disclosure or outro in English (a show
    file's own lines are still said); its title is dated by the ISO date."""
    page = load_page(DATA / "text" / "written" / "polish-page.txt")
    script = build_script(page, [0], today=dt.date(2026, 1, 14), language="pl")
    said = " ".join(script.sentences)
    english = {"this", "is", "for", "the", "now", "headlines", "thanks", "listening", "episode"}
    assert not set(_words(said)) & english, said[:300]
    assert [s.kind for s in script.stories if not s.sentences] == [StoryKind.INTRO, StoryKind.OUTRO]
    assert script.title.startswith("2026-01-14: ")
    own = ShowConfig(name="Kurier", intro="Dzień dobry, tu {show}.")
    assert _intro_and_outro(page, "pl", own)[0] == "Dzień dobry, tu Kurier."
