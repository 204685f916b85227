"""Reading plain-text pages: the sample page and variants written to differ from it."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.errors import ContentError
from briefing.ingest.dates import parse_date_line
from briefing.ingest.furniture import LineKind, classify
from briefing.ingest.textpage import parse_text_page

from .conftest import LONDON

FURNITURE = ["Newsletter", "Related Articles", "0:00", "Close", "×"]


def london_body_lines() -> list[str]:
    """The sample's body, read independently: non-blank lines between headline and 'Newsletter'."""
    lines = [line.strip() for line in LONDON.read_text(encoding="utf-8").splitlines()]
    start = lines.index("Let British troops stay in Iraq, UK urges") + 1
    end = lines.index("Newsletter")
    return [line for line in lines[start:end] if line]


def test_london_daily_article() -> None:
    page = parse_text_page(LONDON.read_text(encoding="utf-8"))
    article = page.article
    assert article.publication == "London Daily"
    assert article.tagline == "Focus on the big picture."
    assert article.date == dt.date(2026, 1, 14)
    assert article.title == "Let British troops stay in Iraq, UK urges"
    assert list(article.paragraphs) == london_body_lines()


def test_london_daily_headlines_hold_no_furniture() -> None:
    page = parse_text_page(LONDON.read_text(encoding="utf-8"))
    titles = [h.title for h in page.headlines]
    assert len(titles) == 50
    assert titles[0].startswith("UK Intensifies Arctic Security Engagement")
    assert titles[-1] == "Trump Threatens Strikes Against Iran if Nuclear Programme Is Restarted"
    assert (
        titles[20] == "Béla Tarr, Visionary Hungarian Filmmaker, Dies at Seventy After Long Illness"
    )
    for word in FURNITURE:
        assert word not in titles
        assert word not in page.article.paragraphs


VARIANT_A = """\
THE NORTHERN ECHO
Independent news since 1870
Tuesday 3 March 2026

Skip to content
Council approves new tram line for the city centre
By Jane Smith

Listen to this article
2:41

The city council voted on Monday night to approve a new tram line that will run through \
the centre, ending years of debate.

Advertisement

Work is expected to begin next spring and take about three years, officials said at the meeting.

Share this article
Sign up to our newsletter

More stories
Flood warnings issued for the river valley
Local school wins national science prize
Flood warnings issued for the river valley
Comments (12)
Great news for the city, finally!
"""


def test_variant_with_other_masthead_date_format_and_furniture() -> None:
    page = parse_text_page(VARIANT_A)
    article = page.article
    assert article.publication == "THE NORTHERN ECHO"
    assert article.tagline == "Independent news since 1870"
    assert article.date == dt.date(2026, 3, 3)
    assert article.title == "Council approves new tram line for the city centre"
    assert len(article.paragraphs) == 2
    assert article.paragraphs[1].startswith("Work is expected")
    # duplicates collapse; comments after "Comments (12)" are not headlines
    assert [h.title for h in page.headlines] == [
        "Flood warnings issued for the river valley",
        "Local school wins national science prize",
    ]


VARIANT_B = """\r
\ufeffMarket Watch Weekly\r
\r
Chip maker shares jump after record quarter\r
2026-03-03\r
\r
Shares in the chip maker rose\u00a0sharply on Tuesday after it reported record\r
quarterly revenue, beating analysts' forecasts by a wide margin and lifting\r
the wider technology sector in early trading.\r
\r
The company said demand from data centres would stay strong this year.\r
"""


def test_variant_crlf_bom_nbsp_wrapped_paragraph_and_iso_date_after_title() -> None:
    page = parse_text_page(VARIANT_B)
    article = page.article
    assert article.publication == "Market Watch Weekly"
    assert article.tagline is None
    assert article.date == dt.date(2026, 3, 3)
    assert article.title == "Chip maker shares jump after record quarter"
    assert article.paragraphs[0].startswith("Shares in the chip maker rose sharply on Tuesday")
    assert article.paragraphs[0].endswith("in early trading.")
    assert len(article.paragraphs) == 2
    assert page.headlines == ()


def test_page_without_masthead_or_date() -> None:
    page = parse_text_page(
        "Storm closes coastal roads\n\n"
        "Heavy rain and high winds closed several coastal roads overnight, police said.\n"
    )
    assert page.article.title == "Storm closes coastal roads"
    assert page.article.publication is None
    assert page.article.date is None


def test_one_paragraph_per_line_without_blank_lines() -> None:
    page = parse_text_page(
        "Daily Bugle\nHeadline about a thing\n"
        "First paragraph is a complete sentence with enough words in it.\n"
        "Second paragraph is another complete sentence with plenty of words.\n"
    )
    assert page.article.title == "Headline about a thing"
    assert len(page.article.paragraphs) == 2


@pytest.mark.parametrize(
    "text",
    ["", "London Daily\n\nJust a headline\n", "Newsletter\n0:00\nClose\n×\n"],
)
def test_page_without_body_is_a_content_error(text: str) -> None:
    with pytest.raises(ContentError):
        parse_text_page(text)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Wednesday, Jan 14, 2026", dt.date(2026, 1, 14)),
        ("Tuesday 3 March 2026", dt.date(2026, 3, 3)),
        ("2026-03-03", dt.date(2026, 3, 3)),
        ("Published: 14 January 2026, 10:30 GMT", dt.date(2026, 1, 14)),
        ("Updated 5 Feb 2026 09:12 BST", dt.date(2026, 2, 5)),
        ("March 3, 2026", dt.date(2026, 3, 3)),
        ("Focus on the big picture.", None),
        ("Top Stocks and Themes to Watch in 2026 as Markets Enter New Year", None),
        ("HSBC Leads 2026 Mortgage Rate Cuts as UK Lending Costs Ease", None),
        ("London Daily", None),
        ("Sevilla, 14 de enero de 2026 - 10:30", dt.date(2026, 1, 14)),
        ("miércoles, 14 de enero de 2026", dt.date(2026, 1, 14)),
        ("Pubblicato il 14 gennaio 2026 alle 10:30", dt.date(2026, 1, 14)),
        ("Publicado a 10 de outubro de 2025, 10h30", dt.date(2025, 10, 10)),
        ("Atualizado a 10 out. 2025, 17:05", dt.date(2025, 10, 10)),
        ("Gepubliceerd: 14 januari 2026, 10.30 uur", dt.date(2026, 1, 14)),
        ("14 mrt. 2026 om 10.30 uur", dt.date(2026, 3, 14)),
        ("Opublikowano: 14 stycznia 2026 r., godz. 10:30", dt.date(2026, 1, 14)),
        ("La marca española crece en 2026", None),  # "marca" is March in Polish
    ],
)
def test_date_lines(line: str, expected: dt.date | None) -> None:
    assert parse_date_line(line) == expected


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Newsletter", LineKind.FURNITURE),
        ("0:00", LineKind.FURNITURE),
        ("1:02:03 / 4:05", LineKind.FURNITURE),
        ("Close", LineKind.FURNITURE),
        ("×", LineKind.FURNITURE),
        ("Advertisement", LineKind.FURNITURE),
        ("Share this article", LineKind.FURNITURE),
        ("Photo: Getty Images", LineKind.FURNITURE),
        ("Related Articles", LineKind.SECTION),
        ("More from London Daily", LineKind.SECTION),
        ("You may also like", LineKind.SECTION),
        ("Comments (3)", LineKind.LABEL),
        ("© 2026 The Tiny Times. All rights reserved.", LineKind.END),
        ("Close the door on the past, minister says", LineKind.TEXT),
        ("Share prices fall sharply", LineKind.TEXT),
        # Spanish, Italian, Portuguese, Dutch, Polish
        ("Ir al contenido principal", LineKind.FURNITURE),
        ("Copiar enlace", LineKind.FURNITURE),
        ("Lee también", LineKind.SECTION),
        ("Más de mil personas se manifiestan en Sevilla", LineKind.TEXT),
        ("Condividi", LineKind.FURNITURE),
        ("I più letti", LineKind.SECTION),
        ("© Riproduzione riservata", LineKind.FURNITURE),  # under the article, not the footer
        ("Saltar para o conteúdo principal", LineKind.FURNITURE),
        ("Notícias relacionadas", LineKind.SECTION),
        ("Comentários (3)", LineKind.LABEL),
        ("Ga naar de inhoud", LineKind.FURNITURE),
        ("Meer nieuws uit Deventer", LineKind.SECTION),
        ("Colofon", LineKind.END),
        ("Przejdź do treści", LineKind.FURNITURE),
        ("Zobacz także", LineKind.SECTION),
        ("Wszelkie prawa zastrzeżone.", LineKind.END),
        ("Paulo Novais/Lusa", LineKind.FURNITURE),
    ],
)
def test_furniture_is_judged_by_whole_line(line: str, kind: LineKind) -> None:
    assert classify(line) is kind


@pytest.mark.parametrize(
    ("byline", "headline"),
    [
        ("Por Lucía Martínez Gil", "Por qué el aceite de oliva vuelve a subir en 2026"),
        ("di Marco Bellini", "Di Maio: «Il governo deve cambiare passo sulle bollette»"),
        ("Door Sanne de Vries", "Door storm vallen bomen om in heel Overijssel"),
        ("Autorka: Anna Wiśniewska", "Autobusy pojadą objazdem przez Bydgoskie Przedmieście"),
    ],
)
def test_bylines_in_other_languages_and_headlines_that_open_alike(
    byline: str, headline: str
) -> None:
    """ "Por", "di" and "Door" open a byline before a name, and a headline before other words."""
    page = parse_text_page(
        f"Gazeta\n\n{headline}\n\n{byline}\n14.01.2026\n\n"
        "Het is de derde keer sinds 2021 dat het water zo hoog staat, en de bewoners zijn het"
        " zat. Ze willen dat het kabinet nu eindelijk geld uittrekt voor hogere dijken.\n"
    )
    assert page.article.title == headline
    assert byline not in page.article.paragraphs


def test_a_masthead_over_the_editions_date_is_not_a_byline() -> None:
    """ "Jornal do Mondego" over a date reads like "Maria do Carmo" over hers: a page's first
    line of text is its name, never a byline."""
    page = parse_text_page(
        "Saltar para o conteúdo principal\nJornal do Mondego\nsexta-feira, 10 de outubro de 2025\n"
        "Início\nCoimbra\n\nCâmara aprova plano para a Baixa\n\nMaria do Carmo Pires\n"
        "10/10/2025\n\nA Câmara Municipal de Coimbra aprovou na quinta-feira, por unanimidade, um"
        " plano para recuperar a Baixa da cidade, inundada em setembro.\n\n"
        "© 2025 Jornal do Mondego. Todos os direitos reservados.\n"
    )
    assert page.article.publication == "Jornal do Mondego"
    assert page.article.title == "Câmara aprova plano para a Baixa"
    assert page.article.date == dt.date(2025, 10, 10)


_FEATURE = (
    "Harbour Times\n\n"
    "Lifeboat crew mark 150 years of rescues on the Tyne\n\n"
    "The station at Tynemouth launched its first boat in 1876, and its volunteers have saved "
    "more than 1,000 lives since.\n\n"
    "Jo Pike: Coxswain since 2019.\n\n"
    "Jo Pike joined the crew at 17 and has been on more than 300 shouts. She still works full "
    "time as an electrician in North Shields.\n\n"
    "{turns}"
    "The anniversary will be marked with a service at the priory on Saturday and an open day "
    "at the station, where the new boat will be on show.\n"
)


def test_a_name_and_a_role_alone_is_a_portraits_caption() -> None:
    page = parse_text_page(_FEATURE.format(turns="Jo Pike: We go out whatever the weather.\n\n"))
    said = " ".join(page.article.paragraphs)
    assert "Coxswain since 2019" not in said
    assert "Jo Pike: We go out whatever the weather." in said  # a quote: it has a verb
    assert "has been on more than 300 shouts" in said


def test_in_a_transcript_a_name_and_a_short_phrase_is_a_turn() -> None:
    turns = "".join(
        f"{name}: {words}\n\n"
        for name, words in [
            ("Sam Hale", "How did the first launch go?"),
            ("Jo Pike", "It was rough, we had a force eight on the bar and the boat was new."),
            ("Sam Hale", "And the second?"),
            ("Jo Pike", "Much calmer, and we were home by ten."),
        ]
    )
    page = parse_text_page(_FEATURE.format(turns=turns))
    said = " ".join(page.article.paragraphs)
    assert "Jo Pike: Coxswain since 2019." in said
    assert "Sam Hale: And the second?" in said


_PROSE = {
    "Polish": "Minister finansów przedstawił w środę projekt budżetu, który zakłada wyższe "
    "wydatki na ochronę zdrowia i edukację. Według ministerstwa deficyt ma spaść poniżej "
    "trzech procent, a opozycja twierdzi, że prognozy są zbyt optymistyczne.",
    "Swedish": "Regeringen presenterade på onsdagen en ny budget för nästa år. Enligt "
    "finansministern ska underskottet minska, men oppositionen menar att prognoserna är "
    "alldeles för optimistiska och att välfärden får betala priset.",
    "Czech": "Vláda ve středu představila nový rozpočet na příští rok. Podle ministra financí "
    "se má schodek snížit, ale opozice tvrdí, že prognózy jsou příliš optimistické a že za to "
    "zaplatí sociální stát.",
    "Turkish": "Hükümet çarşamba günü gelecek yıl için yeni bir bütçe sundu. Maliye bakanına "
    "göre açık azalacak, ancak muhalefet tahminlerin fazla iyimser olduğunu ve bedeli sosyal "
    "devletin ödeyeceğini söylüyor.",
}


@pytest.mark.parametrize("language", sorted(_PROSE))
def test_prose_in_any_language_is_prose(language: str) -> None:
    """A page in a language beyond the common news ones is judged by its own stopwords:
    before, a Polish page had 'no paragraph of prose'."""
    import justext

    from briefing.ingest.prose import stoplist_for

    assert stoplist_for([_PROSE[language]]) == frozenset(justext.get_stoplist(language))
    headline = {
        "Polish": "Rząd ogłosił nowy plan budżetowy",
        "Swedish": "Regeringen lägger fram ny budget",
        "Czech": "Vláda představila nový rozpočet",
        "Turkish": "Hükümet yeni bütçeyi açıkladı",
    }[language]
    page = parse_text_page(f"Gazeta\n\n{headline}\n\n{_PROSE[language]}\n")
    assert list(page.article.paragraphs) == [_PROSE[language]]
