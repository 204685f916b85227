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
    ],
)
def test_furniture_is_judged_by_whole_line(line: str, kind: LineKind) -> None:
    assert classify(line) is kind


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
