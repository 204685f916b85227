"""From feeds to a news briefing: a feed read as a page, round-up stories told in briefs,
chapters with links and pictures, topics, and faults that stay small.

Everything is fetched from a loopback news site (`newssite.py`) serving the feeds in
tests/data/feeds/, the corpus pages they link to, pictures, and slow or failing links.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from mutagen.id3 import ID3
from PIL import Image

from briefing.art import fit_chapter_picture
from briefing.errors import ContentError
from briefing.ingest import load_headlines
from briefing.models import Headline
from briefing.script.brief import brief, prose_summary, summary_text
from briefing.script.dedupe import content_words

from .conftest import DATA, ffmetadata_chapters, run_cli
from .newssite import NewsSite


@pytest.fixture(scope="module")
def site() -> Iterator[NewsSite]:
    with NewsSite() as news:
        yield news


def sections(script: str) -> dict[str, list[str]]:
    """Each `## ` section of a printed script: its spoken lines."""
    found: dict[str, list[str]] = {}
    for block in script.split("\n## ")[1:]:
        heading, _, body = block.partition("\n")
        found[heading] = [
            line for line in body.splitlines() if line.strip() and not line.startswith("<!--")
        ]
    return found


def headline_sections(script: str) -> dict[str, list[str]]:
    return {k[len("Headline: ") :]: v for k, v in sections(script).items() if k.startswith("Head")}


def page_hits(site: NewsSite) -> int:
    return sum(n for path, n in site.hits.items() if not path.startswith("/feeds/"))


def write_feed(path: Path, items: list[str], title: str = "Test Wire") -> Path:
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{title}</title><link>http://127.0.0.1/</link>"
        "<description>Test</description>" + "".join(items) + "</channel></rss>",
        encoding="utf-8",
    )
    return path


def item(title: str, link: str, summary: str = "", content: str = "") -> str:
    parts = [f"<title>{title}</title>", f"<link>{link}</link>"]
    if summary:
        parts.append(f"<description>{summary}</description>")
    if content:
        parts.append(f"<content:encoded><![CDATA[{content}]]></content:encoded>")
    return "<item>" + "".join(parts) + "</item>"


# --- a feed is a page ---------------------------------------------------------------------


def test_a_feed_url_is_a_page_lead_read_in_full_and_every_story_in_brief(
    site: NewsSite, fresh_cache: Path
) -> None:
    run = run_cli("script", site.url("/feeds/world.rss"), "-H", "all")
    assert run.code == 0, run.stderr
    parts = sections(run.stdout)
    lead = parts["Lead: Thousands of UK academics 'treated as second-class citizens'"]
    # the linked article, not the feed's summary: paragraphs the feed does not hold
    assert any(line.startswith("The report by the University and College Union") for line in lead)
    assert any("Jo Grady, the UCU general secretary" in line for line in lead)
    stories = headline_sections(run.stdout)
    assert list(stories) == [
        "'Parasite' scores historic upset at SAG awards, boosting Oscar chances",
        "Berlin confronts Germany's colonial past with new initiative",
        "iOS 13 will fix the FaceTime eye contact problem",
        "Ferry crossings halted after engine fault on flagship vessel",
        "Central bank warns households of higher borrowing costs next year",
        "Access to Wikipedia restored in Turkey after more than two and a half years",
    ]
    for title, lines in stories.items():
        told = [line for line in lines if line != "Now, the headlines."]
        # the headline, then two sentences of brief (a long one is read in two pieces)
        assert len(told) >= 3, (title, told)
        assert told[-1][-1] in ".!?\"'”’", told  # whole sentences, never cut off
        assert sum(map(len, told[1:])) > len(title)
    assert stories["'Parasite' scores historic upset at SAG awards, boosting Oscar chances"][
        2
    ].startswith("The South Korean thriller became the first foreign-language film")
    assert "Daily Planet" in run.stdout.split("## Intro")[1].splitlines()[1]


def test_lead_picks_another_item_and_says_which_exist(site: NewsSite, fresh_cache: Path) -> None:
    run = run_cli("script", site.url("/feeds/world.rss"), "--lead", "4", "-H", "none")
    assert run.code == 0, run.stderr
    lead = sections(run.stdout)["Lead: iOS 13 will fix the FaceTime eye contact problem"]
    assert any("Dave Schukin explains" in line for line in lead)
    run = run_cli("script", site.url("/feeds/world.rss"), "--lead", "8")
    assert run.code == 2
    assert "--lead 8: the feed 'Daily Planet - World' has 7 items" in run.stderr
    run = run_cli("script", site.url("/pages/phys.org.tool.html"), "--lead", "2")
    assert run.code == 2 and "--lead picks an item of a feed" in run.stderr


def test_a_lead_whose_link_fails_is_read_from_the_feeds_text(
    site: NewsSite, tmp_path: Path, fresh_cache: Path
) -> None:
    feed = write_feed(
        tmp_path / "feed.xml",
        [
            item(
                "Bridge reopens after repairs",
                site.url("/status/503"),
                "Short summary.",
                "<p>The Tay Road Bridge reopened on Monday after six weeks of repairs.</p>"
                "<p>Tolls will not return, the council said.</p>",
            ),
            item(
                "Budget report published",
                site.url("/binary"),
                "The council has published next year's budget, with cuts to libraries.",
            ),
        ],
    )
    run = run_cli("script", feed, "-H", "none")
    assert run.code == 0, run.stderr
    lead = sections(run.stdout)["Lead: Bridge reopens after repairs"]
    assert lead[1] == "The Tay Road Bridge reopened on Monday after six weeks of repairs."
    assert "Tolls will not return, the council said." in lead
    assert "the lead story is read from the feed's full text" in run.stderr
    assert "HTTP 503" in run.stderr
    run = run_cli("script", feed, "--lead", "2", "-H", "none")
    assert run.code == 0, run.stderr
    assert "the lead story is read from the feed's summary" in run.stderr
    assert "application/pdf" in run.stderr
    assert "with cuts to libraries." in run.stdout


def test_rss_1_0_with_relative_links_and_a_list_that_does_not_fetch_the_lead(
    site: NewsSite, tmp_path: Path, fresh_cache: Path
) -> None:
    feed = tmp_path / "rdf.xml"
    feed.write_text(
        '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x"><title>RDF Wire</title>'
        "<link>http://127.0.0.1/</link><description>d</description></channel>"
        '<item rdf:about="a"><title>Flint tool found</title>'
        f"<link>{site.url('/pages/phys.org.tool.html')}</link></item>"
        '<item rdf:about="b"><title>Forests and climate</title>'
        f"<link>{site.url('/pages/theplanetarypress.com.forestlands.html')}</link></item>"
        "</rdf:RDF>",
        encoding="utf-8",
    )
    site.reset()
    listing = run_cli("headlines", feed)
    assert listing.code == 0, listing.stderr
    assert listing.stdout.splitlines() == ["  1  Forests and climate"]
    assert page_hits(site) == 0  # listing the round-up does not read the lead's article
    run = run_cli("script", feed)
    assert run.code == 0, run.stderr
    assert "## Lead: Flint tool found" in run.stdout
    assert "A team of researchers affiliated with several institutions" in run.stdout

    # a served feed's relative links are read against the feed's own address
    items = load_headlines(site.url("/feeds/relative.rss"))
    assert [h.url for h in items] == [
        site.url("/pages/phys.org.tool.html"),
        site.url("/pages/captions-bios.html"),
    ]
    run = run_cli("script", site.url("/feeds/relative.rss"))
    assert run.code == 0, run.stderr
    assert "Twelve years after the worst floods" in run.stdout  # the story's brief, fetched


def test_one_feed_failing_among_several_is_a_note_and_all_failing_is_an_error(
    site: NewsSite, tmp_path: Path, fresh_cache: Path
) -> None:
    page = site.url("/pages/phys.org.tool.html")
    run = run_cli(
        "script",
        page,
        "--headlines-from",
        site.url("/status/404"),
        "--headlines-from",
        site.url("/feeds/tech.atom"),
        "--brief",
        "0",
    )
    assert run.code == 0, run.stderr
    assert "note: left out the feed " in run.stderr and "HTTP 404" in run.stderr
    assert "## Headline: Python 3.6.0 is now available!" in run.stdout
    run = run_cli(
        "script",
        page,
        "--headlines-from",
        site.url("/status/404"),
        "--headlines-from",
        site.url("/status/503"),
    )
    assert run.code == 3
    assert "no feed could be read" in run.stderr
    assert "HTTP 404" in run.stderr and "HTTP 503" in run.stderr
    empty = write_feed(tmp_path / "empty.xml", [])
    run = run_cli("script", page, "--headlines-from", empty, "--headlines-from", empty)
    assert run.code == 4 and "no feed holds any items" in run.stderr


# --- briefs ---------------------------------------------------------------------------------


def test_briefs_come_from_the_linked_articles_and_a_rebuild_fetches_nothing(
    site: NewsSite, fresh_cache: Path
) -> None:
    site.reset()
    run = run_cli("script", site.url("/feeds/bare.rss"), "-H", "all")
    assert run.code == 0, run.stderr
    stories = headline_sections(run.stdout)
    assert len(stories) == 3
    openings = {
        "Estuary marshes return": "Twelve years after the worst floods in living memory",
        "Flint flake tool": "A team of researchers affiliated with several institutions",
        "Management of Intact Forestlands": "Indigenous Peoples have had a track record",
    }
    for title, lines in stories.items():
        opening = next(v for k, v in openings.items() if title.startswith(k))
        told = [line for line in lines if line != "Now, the headlines."]
        assert len(told) == 3 and told[1].startswith(opening), told
        title_words = content_words(title)
        for sentence in told[1:]:
            words = content_words(sentence)
            assert len(words & title_words) / len(words) < 0.7  # never the title again
    fetched = page_hits(site)
    assert fetched == 4  # the lead's page and the three stories', each once
    assert max(site.hits.values()) == 1

    site.reset()
    again = run_cli("script", site.url("/feeds/bare.rss"), "-H", "all")
    assert again.stdout == run.stdout
    assert page_hits(site) == 0  # the articles were kept in the cache's notes
    assert site.hits["/feeds/bare.rss"] == 1  # the feed itself is read afresh


def test_max_minutes_counts_the_briefs(site: NewsSite, fresh_cache: Path) -> None:
    kept = {}
    for sentences in ("0", "2"):
        run = run_cli(
            "script",
            site.url("/feeds/world.rss"),
            "-H",
            "all",
            "--brief",
            sentences,
            "--max-minutes",
            "4.5",
        )
        assert run.code == 0, run.stderr
        kept[sentences] = len(headline_sections(run.stdout))
    assert kept["2"] < kept["0"]


@pytest.mark.parametrize(("brief", "sentences"), [("0", 1), ("1", 2)])
def test_brief_sets_the_sentences_after_each_headline(
    site: NewsSite, fresh_cache: Path, brief: str, sentences: int
) -> None:
    run = run_cli("script", site.url("/feeds/world.rss"), "-H", "1-3", "--brief", brief)
    assert run.code == 0, run.stderr
    for lines in headline_sections(run.stdout).values():
        assert len([line for line in lines if line != "Now, the headlines."]) == sentences


def test_links_that_fail_give_the_summary_or_the_title_and_a_note(
    site: NewsSite, tmp_path: Path, fresh_cache: Path
) -> None:
    lead = item("Lead story", site.url("/pages/phys.org.tool.html"))
    feed = write_feed(
        tmp_path / "faults.xml",
        [
            lead,
            item("Slow story", site.url("/slow/5000/pages/lemire.me.json.html")),
            item("Huge story", site.url("/big")),
            item("Document story", site.url("/binary")),
            item("Broken story", site.url("/status/500"), "Live updates"),
            item("Missing story", site.url("/status/404")),
            item("Empty story", site.url("/empty")),
            item("Good story", site.url("/pages/captions-bios.html")),
        ],
    )
    run = run_cli("script", feed, "-H", "all", "--fetch-timeout", "2")
    assert run.code == 0, run.stderr
    notes = [line for line in run.stderr.splitlines() if line.startswith("note: headline")]
    expected = {
        "Slow story": "not back within 2 s (--fetch-timeout); its title alone is read",
        "Huge story": "over the 10 MB limit; its title alone is read",
        "Document story": "application/pdf, not an article or a feed; its title alone",
        "Broken story": "HTTP 500; its summary is read",
        "Missing story": "HTTP 404; its title alone is read",
        "Empty story": "no article found in the HTML page; its title alone is read",
    }
    for title, reason in expected.items():
        assert any(title in note and reason in note for note in notes), (title, notes)
    stories = headline_sections(run.stdout)
    assert stories["Slow story"] == ["Now, the headlines.", "Slow story."]
    assert stories["Broken story"] == ["Broken story.", "Live updates"]
    assert stories["Good story"][1].startswith("Twelve years after the worst floods")


# --- topics ---------------------------------------------------------------------------------


def test_topics_pick_stories_mixed_with_numbers_and_exclude_leaves_out(
    site: NewsSite, fresh_cache: Path
) -> None:
    feed = site.url("/feeds/world.rss")
    run = run_cli("script", feed, "-H", "borrowing,'eye contact',1", "--brief", "0")
    assert run.code == 0, run.stderr
    assert list(headline_sections(run.stdout)) == [  # in feed order
        "'Parasite' scores historic upset at SAG awards, boosting Oscar chances",
        "iOS 13 will fix the FaceTime eye contact problem",
        "Central bank warns households of higher borrowing costs next year",
    ]
    run = run_cli("script", feed, "-H", "all", "--exclude", "berlin, 'engine fault'")
    assert run.code == 0, run.stderr
    titles = list(headline_sections(run.stdout))
    assert len(titles) == 4
    assert not any("Berlin" in t or "Ferry" in t for t in titles)

    listing = run_cli("headlines", feed, "-H", "households,awards", "--exclude", "ferry")
    assert listing.code == 0, listing.stderr
    lines = listing.stdout.splitlines()
    assert (
        lines[0]
        == "  1 * 'Parasite' scores historic upset at SAG awards, boosting Oscar chances  [awards]"
    )
    assert lines[3].startswith("  4 - Ferry crossings halted")
    assert lines[4].endswith("[households]") and lines[4].startswith("  5 *")

    missing = run_cli("script", feed, "-H", "cricket,'test match'")
    assert missing.code == 2
    assert "no headline mentions cricket or 'test match' (searched 6 items)" in missing.stderr


def test_two_feeds_merge_newest_first_with_a_shared_story_once(
    site: NewsSite, tmp_path: Path, fresh_cache: Path
) -> None:
    show = tmp_path / "show.toml"
    show.write_text('transition = "From {source}."\nbrief = 0\n')
    run = run_cli(
        "script",
        site.url("/pages/phys.org.tool.html"),
        "--headlines-from",
        site.url("/feeds/world.rss"),
        "--headlines-from",
        site.url("/feeds/tech.atom"),
        "-H",
        "all",
        "--show",
        show,
    )
    assert run.code == 0, run.stderr
    stories = headline_sections(run.stdout)
    ios = [t for t in stories if "FaceTime eye contact" in t]
    assert len(ios) == 1
    assert "the same story as" in run.stderr and "Circuit Weekly" in run.stderr
    titles = list(stories)
    assert titles[0] == "JSON parsing: simdjson vs. JSON for Modern C++"  # newest of all
    assert titles[1] == "Thousands of UK academics 'treated as second-class citizens'"
    assert titles[-1] == "Python 3.6.0 is now available!"  # oldest of all
    assert stories[titles[1]][0] == "From Daily Planet, World."
    assert "From Circuit Weekly." in stories[ios[0]]


# --- an episode from a feed -----------------------------------------------------------------


def test_episode_chapters_carry_links_and_pictures_and_a_rebuild_fetches_nothing(
    site: NewsSite, tmp_path: Path, fresh_cache: Path, ffmpeg: str
) -> None:
    site.reset()
    feed = site.url("/feeds/world.rss")
    out = tmp_path / "out"
    run = run_cli("build", feed, "--lead", "2", "-H", "1-4", "--brief", "1", "-o", out)
    assert run.code == 0, run.stderr
    mp3 = Path(run.stdout.strip())
    chapters = sorted(ID3(mp3).getall("CHAP"), key=lambda c: c.start_time)
    links = [c.sub_frames.getall("WXXX")[0].url for c in chapters]
    assert links == [
        site.url("/pages/reuters.com.parasite.html"),
        site.url("/pages/theguardian.com.academics.html"),
        site.url("/pages/dw.com.colonial.html"),
        site.url("/pages/theverge.com.ios13.html"),
        site.url("/status/404"),
    ]
    pictured = [bool(c.sub_frames.getall("APIC")) for c in chapters]
    assert pictured == [True, True, False, True, True]  # the third's picture is broken
    assert 'chapter 3 ("Berlin confronts' in run.stderr and "not a picture" in run.stderr
    listed = ffmetadata_chapters(ffmpeg, mp3)
    assert [title for _, _, title in listed] == [c.sub_frames["TIT2"].text[0] for c in chapters]

    meta = json.loads(mp3.with_suffix(".json").read_text())
    chapters_json = json.loads((out / meta["files"]["chapters"]).read_text())["chapters"]
    assert [c.get("url") for c in chapters_json] == links
    for chapter, frame in zip(chapters_json, chapters, strict=True):
        if not frame.sub_frames.getall("APIC"):
            assert "img" not in chapter
            continue
        picture = out / chapter["img"]
        assert picture.read_bytes() == frame.sub_frames.getall("APIC")[0].data
        assert picture.stat().st_size <= 200_000
        with Image.open(picture) as image:
            assert image.format == "JPEG" and image.mode == "RGB"
            assert image.width == image.height <= 1400
    # each round-up story is told, not just named: its chapter's cues hold more than its title
    cues = re.findall(
        r"(\d\d):(\d\d):(\d\d\.\d\d\d) --> .*\n((?:.+\n)+)",
        re.sub(r"<[^>]*>", "", (out / meta["files"]["vtt"]).read_text()),  # speakers, word times
    )
    for chapter in chapters_json[1:]:
        said = " ".join(
            text.replace("\n", " ")
            for h, m, sec, text in cues
            if chapter["startTime"] <= int(h) * 3600 + int(m) * 60 + float(sec) < chapter["endTime"]
        )
        assert len(said) > 2 * len(chapter["title"]), (chapter["title"], said)
    assert "A union report says British universities" in " ".join(t for *_, t in cues)

    site.reset()
    again = run_cli("build", feed, "--lead", "2", "-H", "1-4", "--brief", "1", "-q", "-o", out)
    assert again.code == 0, again.stderr
    assert page_hits(site) == 0  # articles and pictures come from the cache


def test_daily_runs_from_a_show_file_that_lists_feeds(
    site: NewsSite, tmp_path: Path, fresh_cache: Path
) -> None:
    show = tmp_path / "show.toml"
    common = (
        f'feeds = ["{site.url("/feeds/world.rss")}", "{site.url("/feeds/tech.atom")}"]\n'
        'base_url = "https://example.org/pod/"\nbrief = 1\noutput_dir = "out"\n'
    )
    show.write_text(common + 'topics = ["cricket"]\n')
    run = run_cli("daily", "--show", show, "--date", "2026-12-01")
    assert run.code == 0, run.stderr
    assert "no headline mentions cricket" in run.stderr and "round-up is left out" in run.stderr
    meta = json.loads(Path(run.stdout.strip()).with_suffix(".json").read_text())
    assert [c["title"] for c in meta["chapters"]] == [
        "Thousands of UK academics 'treated as second-class citizens'"
    ]

    show.write_text(common + 'headlines = "1-40"\n')
    run = run_cli("daily", "--show", show, "--date", "2026-12-03")
    assert run.code == 0, run.stderr
    assert "headline 40 does not exist today" in run.stderr
    assert "the lead story is from 2026-12-01, 2 days before" in run.stderr
    meta = json.loads(Path(run.stdout.strip()).with_suffix(".json").read_text())
    titles = [c["title"] for c in meta["chapters"]]
    assert titles[0] == "Thousands of UK academics 'treated as second-class citizens'"
    assert len(titles) == 1 + 9  # 7 + 4 items, less the lead and the shared story
    assert sum("FaceTime eye contact" in t for t in titles) == 1

    show.write_text(common + "max_age = 24\n")
    before = sorted(p.name for p in (tmp_path / "out").iterdir())
    run = run_cli("daily", "--show", show, "--date", "2026-12-05")
    assert run.code == 4
    assert "more than 24 hours before the episode's date 2026-12-05" in run.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == before


# --- the parts ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("summary", "expected"),
    [
        ("Rents rose again. Continue reading...", "Rents rose again."),
        ("Rents rose again. [&#8230;]".replace("&#8230;", "…"), "Rents rose again."),
        (
            "Rents rose again in May. The post Rents rise appeared first on City Blog.",
            "Rents rose again in May.",
        ),
        ("Rents rose again. Read more", "Rents rose again."),
    ],
)
def test_what_feeds_append_to_a_summary_is_not_read(summary: str, expected: str) -> None:
    assert summary_text(summary) == expected


@pytest.mark.parametrize(
    ("summary", "told"),
    [
        (
            "Rents rose again in every city in May. The council said it would...",
            "Rents rose again in every city in May.",
        ),
        ("The council said that it would consider the…", None),  # cut off: the article
        ("Opinion | Politics", None),  # a label
        (
            "Rents rose by 4% in May, the fastest in a decade.",
            "Rents rose by 4% in May, the fastest in a decade.",
        ),
    ],
)
def test_a_summary_tells_the_story_only_in_whole_sentences(summary: str, told: str | None) -> None:
    assert prose_summary(Headline("Rents", summary=summary)) == told


def test_a_brief_never_restates_the_headline() -> None:
    story = Headline(
        "Ferry crossings halted after engine fault",
        summary="Ferry crossings halted after an engine fault. Repairs will take a week.",
    )
    told = brief(story, 2, "Ferry crossings halted after engine fault.", by_full_stops)
    assert told == ["Repairs will take a week."]
    assert brief(story, 0, "x", by_full_stops) == []
    label = Headline("Budget 2026", summary="Live", body=("The Chancellor spoke. Tax rose.",))
    assert brief(label, 1, "Budget 2026.", by_full_stops) == ["The Chancellor spoke"]
    # a long sentence read in two pieces is still one sentence of the brief
    long = Headline("Court ruling", body=("A long one, read in two pieces. A second.",))
    assert brief(long, 1, "Court ruling.", by_full_stops_and_commas) == [
        "A long one",
        "read in two pieces",
    ]


def by_full_stops(text: str) -> list[list[str]]:
    return [[sentence] for sentence in text.split(". ")]


def by_full_stops_and_commas(text: str) -> list[list[str]]:
    return [sentence.split(", ") for sentence in text.split(". ")]


@pytest.mark.parametrize("name", ["wide.jpg", "tall.png", "small.jpg", "cmyk.jpg"])
def test_chapter_pictures_are_square_safe_and_small(name: str) -> None:
    data = (DATA / "feeds" / "images" / name).read_bytes()
    with Image.open(io.BytesIO(data)) as original:
        longest = max(original.size)
    fitted = fit_chapter_picture(data)
    assert len(fitted) <= 200_000
    with Image.open(io.BytesIO(fitted)) as image:
        assert image.format == "JPEG" and image.mode == "RGB"
        assert image.width == image.height == min(longest, 1400)  # all of it, never cropped


def test_a_file_that_is_not_a_picture_is_a_content_error() -> None:
    with pytest.raises(ContentError, match="not a picture"):
        fit_chapter_picture((DATA / "feeds" / "images" / "photo.broken.jpg").read_bytes())
