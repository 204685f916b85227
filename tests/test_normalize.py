"""Speech normalisation: a golden table of written → spoken forms, and properties."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.errors import ConfigError
from briefing.script.normalize import Lexicon, normalize, shipped_lexicon

LEXICON = shipped_lexicon()

GOLDEN = [
    # money, with currency and scale
    ("£1.2bn", "One point two billion pounds"),
    ("$350m", "Three hundred and fifty million dollars"),
    ("€5,000", "Five thousand euros"),
    ("£5.50", "Five pounds fifty"),
    ("$1.99", "One dollar and ninety-nine cents"),
    ("£1", "One pound"),
    ("50p", "Fifty pence"),
    ("€2.5m", "Two point five million euros"),
    ("£50m-£60m", "Fifty million pounds to sixty million pounds"),
    ("5m people", "Five million people"),
    # percentages
    ("50%", "Fifty per cent"),
    ("1.5%", "One point five per cent"),
    # units
    ("3.5km", "Three point five kilometres"),
    ("10kg", "Ten kilograms"),
    ("70mph", "Seventy miles per hour"),
    ("1 km", "One kilometre"),
    ("100 km/h", "One hundred kilometres per hour"),
    ("30°C", "Thirty degrees Celsius"),
    ("100m sprint", "One hundred metres sprint"),
    # times
    ("10:30am", "Ten thirty a.m."),
    ("10am", "Ten a.m."),
    ("8.30pm", "Eight thirty p.m."),
    ("14:00 GMT", "Fourteen hundred GMT"),
    ("09:05", "Nine oh five"),
    ("12:00", "Twelve o'clock"),
    # dates and ordinals
    ("Wednesday, Jan 14, 2026", "Wednesday, January fourteenth, twenty twenty-six"),
    ("17 April", "The seventeenth of April"),
    ("April 17", "April seventeenth"),
    ("Sept 5", "September fifth"),
    ("1st", "First"),
    ("3rd", "Third"),
    ("21st century", "Twenty-first century"),
    # years and numbers
    ("in 2015", "In twenty fifteen"),
    ("its 2015 nuclear deal", "Its twenty fifteen nuclear deal"),
    ("1999", "Nineteen ninety-nine"),
    ("2005", "Two thousand and five"),
    ("since 1066", "Since ten sixty-six"),
    ("1000 people", "One thousand people"),
    ("the 1990s", "The nineteen nineties"),
    ("the '90s", "The nineties"),
    ("5,200", "Five thousand two hundred"),
    ("25,000", "Twenty-five thousand"),
    ("About 400 British troops", "About four hundred British troops"),
    # ranges and decimals
    ("2019-2021", "Twenty nineteen to twenty twenty-one"),
    ("2019–20", "Twenty nineteen to twenty twenty"),
    ("10-15 people", "Ten to fifteen people"),
    ("3.5", "Three point five"),
    ("0.25", "Zero point two five"),
    ("-5 degrees", "Minus five degrees"),
    # titles, Saint and Street
    ("Mr Johnson", "Mister Johnson"),
    ("Mr Esper said", "Mister Esper said"),
    ("Mrs May", "Missus May"),
    ("Ms Smith", "Miz Smith"),
    ("Dr Jones", "Doctor Jones"),
    ("Sir Simon Mayall", "Sir Simon Mayall"),
    ("Gen Smith", "General Smith"),
    ("St Paul's Cathedral", "Saint Paul's Cathedral"),
    ("Downing St said", "Downing Street said"),
    # No 10
    ("No 10 has urged", "Number ten has urged"),
    ("No. 10 Downing Street", "Number ten Downing Street"),
    # acronyms: letters kept for the voice to spell, words as words
    ("US Defence Secretary", "US Defence Secretary"),
    ("the UK troops", "The UK troops"),
    ("NHS and BBC", "NHS and BBC"),
    ("EU MPs", "EU MPs"),
    ("the U.S. State Department", "The US State Department"),
    ("in the U.S.", "In the US."),
    ("let us go", "Let us go"),
    ("NATO", "Nato"),
    ("Nato Secretary General", "Nato Secretary General"),
    ("NASA", "Nasa"),
    ("COVID-19", "Covid nineteen"),
    ("Daesh [the Islamic State group]", "Dah-esh, the Islamic State group"),
    ("HMS Montrose", "HMS Montrose"),
    # quotes, dashes, ellipses, spaces
    ("“Hello,” she said", '"Hello," she said'),
    ("MPs’ vote", "MPs' vote"),
    ("it’s", "It's"),
    ("Wait…", "Wait..."),
    ("war – again", "War, again"),
    (
        "destroyer - HMS Montrose and HMS Defender - are",
        "Destroyer, HMS Montrose and HMS Defender, are",
    ),
    ("non\u00a0stop", "Non stop"),
    ("zero\u200bwidth", "Zerowidth"),
    # names with accents and hyphens intact
    ("Béla Tarr", "Béla Tarr"),
    ("Nazanin Zaghari-Ratcliffe", "Nazanin Zaghari-Ratcliffe"),
    ("Qasem Soleimani", "Qasem Soleimani"),
    # symbols and abbreviations
    ("AT&T", "AT and T"),
    ("Liverpool v Chelsea", "Liverpool versus Chelsea"),
    ("e.g. this", "For example, this"),
    ("5 people died. 3 were hurt.", "Five people died. Three were hurt."),
]


@pytest.mark.parametrize(("written", "spoken"), GOLDEN, ids=[w for w, _ in GOLDEN])
def test_golden(written: str, spoken: str) -> None:
    assert normalize(written, LEXICON) == spoken


def test_golden_table_is_large() -> None:
    assert len(GOLDEN) >= 60


def test_user_lexicon_wins_and_phrases_work(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.toml"
    path.write_text('[words]\nNATO = "the alliance"\n"No 10" = "Downing Street"\nRaab = "Rahb"\n')
    lexicon = LEXICON | Lexicon.read(path)
    assert normalize("NATO and No 10 met Mr Raab", lexicon) == (
        "The alliance and Downing Street met Mister Rahb"
    )


def test_lexicon_errors_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.toml"
    path.write_text("[words]\nNATO = 3\n")
    with pytest.raises(ConfigError, match=r"lexicon\.toml"):
        Lexicon.read(path)


_PIECES = [
    *"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
    *" .,;:!?'\"-–—…%£$€&()[]/°’“”\u00a0",
    "Mr ",
    "St ",
    "No ",
    "U.S.",
    "bn",
    "km",
    "am",
    "pm",
    "1990s",
    "2019-2021",
    "£1.2bn",
    "NATO",
    "e.g.",
    "10:30",
    "3.5",
    "1st",
]
news_text = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(news_text)
def test_never_crashes_and_keeps_words(text: str) -> None:
    spoken = normalize(text, LEXICON)
    assert isinstance(spoken, str)
    if any(ch.isalpha() for ch in text):
        assert any(ch.isalpha() for ch in spoken)


@settings(max_examples=300, deadline=None)
@given(news_text)
def test_idempotent(text: str) -> None:
    once = normalize(text, LEXICON)
    assert normalize(once, LEXICON) == once


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**9))
def test_any_number_becomes_words(number: int) -> None:
    spoken = normalize(f"{number:,}", LEXICON)
    assert spoken and not any(ch.isdigit() for ch in spoken)
