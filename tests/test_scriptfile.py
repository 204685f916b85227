"""Editable scripts: script → file → script is identical; a build uses exactly the file."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from mutagen.id3 import ID3

from briefing.errors import ContentError
from briefing.ingest import load_page
from briefing.models import Headline, Script, Story, StoryKind
from briefing.script import build_script
from briefing.script.normalize import shipped_lexicon
from briefing.script.scriptfile import read_script, write_script

from .conftest import LONDON, TINY, run_cli


def test_round_trip_of_the_london_script() -> None:
    page = load_page(LONDON)
    script = build_script(page, range(10), today=dt.date(2026, 1, 14), lexicon=shipped_lexicon())
    assert read_script(write_script(script)) == script


def test_round_trip_of_awkward_text() -> None:
    script = Script(
        show='Quotes "and" \\ backslashes',
        title="# Not a heading",
        date=dt.date(2026, 2, 3),
        summary="Line one.\nLine two.",
        stories=(
            Story(StoryKind.INTRO, "Intro", ()),
            Story(
                StoryKind.LEAD,
                "Lead: with a colon",
                (("# hash first.", "<!-- not a comment -->"), ("\\ back.",)),
                "https://example.org/a?b=c&d",
            ),
            Story(StoryKind.HEADLINE, "Ünïcödé ‘quotes’", (("+++ fence.",),)),
            Story(StoryKind.OUTRO, "Outro", (("Bye.",),)),
        ),
    )
    assert read_script(write_script(script)) == script


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("## Lead: x\nHello.\n", "starts with a +++ block"),
        ("+++\nshow = 'x'\n+++\n## Lead: x\nHi.\n", "needs show, title and date"),
        (
            "+++\nshow='x'\ntitle='t'\ndate=2026-01-01\n+++\n## Story: x\nHi.\n",
            "line 6: 'Story' is not a story kind",
        ),
        (
            "+++\nshow='x'\ntitle='t'\ndate=2026-01-01\n+++\nHi.\n",
            "line 6: text before the first ## heading",
        ),
        ("+++\nshow='x'\ntitle='t'\ndate=2026-01-01\n+++\n## Intro\nHi.\n", "no ## Lead: story"),
        (
            "+++\nshow='x'\ntitle='t'\ndate=2026-01-01\n+++\n## Lead\nHi.\n",
            "a lead heading needs a title",
        ),
    ],
)
def test_mistakes_name_the_line(text: str, message: str) -> None:
    with pytest.raises(ContentError, match=re.escape(message)):
        read_script(text, "ep.script.md")


def test_edit_and_build_exactly_that(tmp_path: Path, fresh_cache: Path) -> None:
    path = tmp_path / "ep.script.md"
    run = run_cli("script", TINY, "-H", "1", "-o", path)
    assert run.code == 0 and run.stdout.strip() == str(path)
    text = path.read_text()
    assert "## Lead: Harbour festival returns after three years" in text
    edited = text.replace("with boats, music and food stalls", "with boats and brass bands")
    edited = edited.replace(
        "## Headline: Ferry timetable changes from April", "## Headline: Ferries change"
    )
    path.write_text(edited)

    build = run_cli("build", "--script", path, "-o", tmp_path / "out")
    assert build.code == 0, build.stderr
    assert "speech: 9 segments" in build.stderr
    mp3 = Path(build.stdout.strip())
    chapters = [
        c.sub_frames["TIT2"].text[0]
        for c in sorted(ID3(mp3).getall("CHAP"), key=lambda c: c.start_time)
    ]
    assert chapters == ["Harbour festival returns after three years", "Ferries change"]
    again = run_cli("build", "--script", path, "-o", tmp_path / "out")
    assert "9 from the cache" in again.stderr  # nothing spoken twice


def test_build_needs_a_page_or_a_script(tmp_path: Path) -> None:
    assert run_cli("build").code == 2
    path = tmp_path / "x.md"
    path.write_text("x")
    both = run_cli("build", TINY, "--script", path)
    assert both.code == 2 and "either a PAGE or --script" in both.stderr


def test_headline_summaries_are_read_after_the_title() -> None:
    page = load_page(TINY)
    page = page.__class__(
        page.article,
        (Headline("Ferry times change", summary="From April, the first ferry leaves at 6am."),),
    )
    script = build_script(page, (0,), today=dt.date(2026, 3, 2))
    assert script.stories[2].paragraphs[-1] == (
        "Ferry times change.",
        "From April, the first ferry leaves at six a.m.",
    )
