"""Fuzzing with hypothesis: the parsers and writers never crash outside their typed errors,
and their invariants hold."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from briefing.config import ShowConfig
from briefing.engines.voices import read_preset
from briefing.errors import BriefingError, ConfigError, ContentError
from briefing.ingest.textpage import parse_text_page
from briefing.models import Script, Story, StoryKind
from briefing.publish.feed import FeedEpisode, build_feed
from briefing.script import build_script
from briefing.script.scriptfile import read_script, write_script

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

lines = st.lists(
    st.one_of(
        st.text(max_size=120),
        st.sampled_from(
            [
                "",
                "Newsletter",
                "Related Articles",
                "0:00",
                "Close",
                "×",
                "Comments",
                "Wednesday, Jan 14, 2026",
                "A headline here",
                "A sentence of prose with more than eight words in it, as articles have.",
            ]
        ),
    ),
    max_size=30,
)


@FUZZ
@given(lines)
def test_page_parser(page_lines: list[str]) -> None:
    try:
        page = parse_text_page("\n".join(page_lines))
    except ContentError:
        return
    assert page.article.title and page.article.paragraphs
    script = build_script(page, range(len(page.headlines)), today=dt.date(2026, 1, 1))
    lead = next(s for s in script.stories if s.kind is StoryKind.LEAD)
    if any(ch.isalpha() for ch in " ".join(page.article.paragraphs)):
        # an article with words always has something to say beyond its title (which is
        # left out when it has nothing to say: a title of ":" is not read)
        titled = any(ch.isalpha() or ch.isdigit() for ch in page.article.title)
        body = lead.sentences[1:] if titled else lead.sentences
        assert any(any(ch.isalpha() for ch in s) for s in body)


sentence = (
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cs",),
            blacklist_characters="\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029",
        ),
        min_size=1,
        max_size=60,
    )
    .map(str.strip)
    .filter(bool)
)


@FUZZ
@given(
    st.lists(st.lists(sentence, min_size=1, max_size=3), min_size=1, max_size=3),
    st.text(max_size=40).map(lambda t: " ".join(t.split())).filter(bool),
)
def test_script_file_round_trip(paragraphs: list[list[str]], title: str) -> None:
    script = Script(
        show=title,
        title=title,
        date=dt.date(2026, 1, 14),
        summary=title,
        stories=(
            Story(StoryKind.INTRO, "Intro", ()),
            Story(StoryKind.LEAD, title, tuple(tuple(p) for p in paragraphs)),
            Story(StoryKind.OUTRO, "Outro", ()),
        ),
    )
    assert read_script(write_script(script)) == script


@FUZZ
@given(st.text(max_size=400))
def test_script_file_reader(text: str) -> None:
    try:
        script = read_script(text)
    except ContentError:
        return
    assert any(s.kind is StoryKind.LEAD for s in script.stories)


@FUZZ
@given(st.text(max_size=300))
def test_preset_reader(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "voice.toml"
        path.write_text(text, encoding="utf-8")
        try:
            preset = read_preset(path)
        except (ConfigError, BriefingError):
            return
        assert preset.name and preset.engine


nasty = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80
) | st.sampled_from(["AT&T <CEO> 'Q&A'", "\x00\x0b\x1f", "]]>", "&amp;", "<![CDATA[x]]>"])


@FUZZ
@given(nasty, nasty, nasty)
def test_feed_is_always_well_formed(title: str, summary: str, show: str) -> None:
    meta = {
        "guid": "g",
        "title": title,
        "show": show,
        "date": "2026-01-14",
        "summary": summary,
        "audio": "a.mp3",
        "duration_s": 1.0,
        "episode": 1,
        "files": {"cover": "a.jpg", "chapters": "a.chapters.json", "vtt": "a.vtt", "srt": "a.srt"},
    }
    xml = build_feed(
        [FeedEpisode(meta, 10, summary)], ShowConfig(name=show or None), "https://e.org/"
    )
    root = etree.fromstring(xml, etree.XMLParser(recover=False))
    assert len(root.findall("channel/item")) == 1
    json.dumps(meta)  # the metadata itself stays JSON-serialisable
