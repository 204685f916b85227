"""The show's page follows the word being read: `read_cues` keeps each cue's words with their
starts (WebVTT inline timestamps), the page gives each word a span with its start, and in a
real browser the word at the player's time is highlighted and a click on a word seeks to it.
The episode is the London Daily one, built once per run with real Piper (conftest)."""

from __future__ import annotations

import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import html as lxml_html

from briefing.publish.page import index_page, read_cues
from briefing.publish.server import make_server
from briefing.publish.sidecars import VttCue

from .conftest import CHROMIUM, CHROMIUM_ARGS, Run

SAMPLE = """\
WEBVTT

NOTE Some word times here are estimated: the voice that spoke them gave no durations,
so their sentence's time is shared out by their letters.

00:00:00.300 --> 00:00:03.655
<v Joe>This <00:00:00.521>is <00:00:00.648>London <00:00:01.066>Daily <00:00:01.473>for \
<00:00:01.693>Wednesday <00:00:02.158>the <00:00:02.274>fourteenth <00:00:02.738>of
<00:00:02.854>January.

00:00:03.955 --> 00:00:05.569
<v Joe>Focus <00:00:04.373>on <00:00:04.452>the <00:00:04.617>big <00:00:04.826>picture.
"""


def cue(body: str, start: str = "00:00:10.000", end: str = "00:00:20.000") -> str:
    return f"WEBVTT\n\n{start} --> {end}\n{body}\n"


def only(text: str) -> VttCue:
    (found,) = read_cues(text)
    assert " ".join(word for _, word in found.words) == found.text
    return found


# --- reading the words ------------------------------------------------------------------


def test_each_word_keeps_its_start() -> None:
    first, second = read_cues(SAMPLE)  # the NOTE block is not a cue
    assert first.text == "This is London Daily for Wednesday the fourteenth of January."
    assert (first.start, first.end, first.speaker) == (0.3, 3.655, "Joe")
    assert first.words == (
        (0.3, "This"),  # the first word: the cue's start
        (0.521, "is"),
        (0.648, "London"),
        (1.066, "Daily"),
        (1.473, "for"),
        (1.693, "Wednesday"),
        (2.158, "the"),
        (2.274, "fourteenth"),
        (2.738, "of"),
        (2.854, "January."),  # across the line break
    )
    assert second.words == (
        (3.955, "Focus"),
        (4.373, "on"),
        (4.452, "the"),
        (4.617, "big"),
        (4.826, "picture."),
    )


def test_a_word_without_a_timestamp_goes_with_the_word_before() -> None:
    found = only(
        cue("<v Joe>Prices <00:00:11.000>rose — <00:00:12.000>sharply <00:00:13.000>today.")
    )
    assert found.words == ((10.0, "Prices"), (11.0, "rose —"), (12.0, "sharply"), (13.0, "today."))


def test_escaped_text_is_decoded() -> None:
    found = only(
        cue("<v A&amp;B>Fish &amp; <00:00:11.000>chips &lt;3 <00:00:12.000>&quot;now&quot;")
    )
    assert found.speaker == "A&B"
    assert found.text == 'Fish & chips <3 "now"'
    assert found.words == ((10.0, "Fish &"), (11.0, "chips <3"), (12.0, '"now"'))


def test_without_timestamps_no_words() -> None:
    old = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Joe>Hello there.\n\n"
    old += "00:00:02.500 --> 00:00:03.000\n<v Joe>Bye.\n"
    assert [(c.text, c.words) for c in read_cues(old)] == [("Hello there.", ()), ("Bye.", ())]


def test_in_a_timed_file_a_one_word_cue_has_its_word() -> None:
    timed = SAMPLE + "\n00:00:06.000 --> 00:00:07.000\n<v Joe>Goodbye.\n"
    timed += "\n00:00:07.500 --> 00:00:09.000\n<v Joe>Words without times.\n"
    *_, one, several = read_cues(timed)
    assert one.words == ((6.0, "Goodbye."),)
    assert several.text == "Words without times." and several.words == ()


def test_malformed_and_impossible_timestamps_are_passed_over() -> None:
    found = only(
        cue(
            "<v.loud Joe>One <00:00:xx.000>two <00:00:61.000>three <0:11.000>four "
            "<00:00:12.000><b>five</b> <00:00:11.500>six <00:00:25.000>seven "
            "<00:00:13.000>eight<00:00:14.000>nine </v><c.x>ten</c>"
        )
    )
    assert found.words == (
        (10.0, "One two three four"),  # not a timestamp; 61 seconds; one digit for minutes
        (12.0, "five six seven"),  # earlier than the word before it; after the cue's end
        (13.0, "eightnine ten"),  # inside a word: no word starts there
    )


def test_the_first_word_starts_with_the_cue() -> None:
    found = only(cue("<00:00:11.000>Early <00:00:09.000>and <00:00:12.000>late"))
    assert found.words == ((10.0, "Early and"), (12.0, "late"))


# --- the page -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(london_episode: tuple[Path, Run], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the London Daily episode's directory (the session's own stays as built)."""
    mp3, _ = london_episode
    return Path(shutil.copytree(mp3.parent, tmp_path_factory.mktemp("words") / "site"))


@pytest.fixture(scope="module")
def vtt(site: Path) -> Path:
    (path,) = site.glob("*.vtt")
    return path


def test_each_timed_word_is_a_span_with_its_start(site: Path, vtt: Path) -> None:
    cues = read_cues(vtt.read_text(encoding="utf-8"))
    assert sum(len(c.words) for c in cues) > 100
    assert all(c.words for c in cues)  # Piper gives every word its time
    page = lxml_html.fromstring(index_page(site))
    items = page.xpath("//ol[@class='transcript']/li[@class='cue']")
    assert len(items) == len(cues)
    for item, expected in zip(items, cues, strict=True):
        spans = item.xpath("span[@class='words']/span[@class='w']")
        assert [(float(s.get("data-t")), s.text) for s in spans] == [
            pytest.approx(word) for word in expected.words
        ]
        words = item.xpath("string(span[@class='words'])")
        assert words.removeprefix(f"{expected.speaker} ") == expected.text
    # the words are not tab stops: the cues' buttons are the keyboard's way in
    transcript = page.xpath("//ol[@class='transcript']")[0]
    assert len(transcript.xpath(".//button")) == len(cues)
    assert not transcript.xpath(".//*[@tabindex]|.//span[@class='w']/*")


def test_tricky_words_are_escaped_and_untimed_cues_stay_plain(site: Path, tmp_path: Path) -> None:
    copy = Path(shutil.copytree(site, tmp_path / "copy"))
    (vtt,) = copy.glob("*.vtt")
    timed = vtt.read_text(encoding="utf-8")
    first = re.compile(r"<v Joe>\S+ <")  # the first cue's first word
    tricky = first.sub("<v Joe>AT&amp;T &lt;b&gt;x&lt;/b&gt; <", timed, count=1)
    vtt.write_text(tricky, encoding="utf-8")
    text = index_page(copy)
    assert '<span class="w" data-t="' in text
    assert "AT&amp;T &lt;b&gt;x&lt;/b&gt;</span>" in text and "<b>x" not in text
    assert lxml_html.fromstring(text).xpath("//span[@class='w']")[0].text == "AT&T <b>x</b>"

    vtt.write_text(re.sub(r"<\d\d:\d\d:\d\d\.\d{3}>", "", timed), encoding="utf-8")  # an old one
    page = lxml_html.fromstring(index_page(copy))
    assert not page.xpath("//span[@class='w']")
    cues = read_cues(vtt.read_text(encoding="utf-8"))
    items = page.xpath("//li[@class='cue']")
    for item, expected in zip(items, cues, strict=True):
        words = item.xpath("string(span[@class='words'])")
        assert words.removeprefix(f"{expected.speaker} ") == expected.text


# --- in a real browser --------------------------------------------------------------------


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    server = make_server(site, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


NOW = "() => { const n = document.querySelectorAll('.w.now'); return n.length === 1 && n[0]; }"


@pytest.mark.skipif(
    not CHROMIUM and not os.environ.get("CI"),
    reason="Debian's chromium is not installed (.ci/run installs it)",
)
def test_the_word_being_read_in_a_real_browser(served: str, vtt: Path) -> None:
    """Headless Chromium: at a time in a word, exactly that word is highlighted (and after a
    cue's last word, in the pause, still that one); a click on a word seeks to its start and
    plays, and the highlight then follows playback."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM, "CI must have chromium: .ci/run installs it"
    cues = read_cues(vtt.read_text(encoding="utf-8"))
    index, chosen = next((n, c) for n, c in enumerate(cues) if len(c.words) >= 5)
    pause = next(n for n in range(index, len(cues) - 1) if cues[n].end < cues[n + 1].start)
    errors: list[str] = []
    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 390, "height": 844})
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(served)
            audio = page.locator("article.entry audio")
            page.wait_for_function(
                "a => a.readyState >= 1 && a.duration > 0", arg=audio.element_handle()
            )

            def seek(time: float) -> None:
                """Paused, to `time`; back once the page has had the seek."""
                audio.evaluate(
                    """(a, t) => new Promise(done => {
                        a.addEventListener('seeked', () => setTimeout(done), {once: true});
                        a.currentTime = t;
                    })""",
                    time,
                )

            def highlighted() -> tuple[float, str, str]:
                """The one word highlighted: its start, its text, and its cue's start."""
                word = page.wait_for_function(NOW).as_element()
                assert word is not None
                return tuple(
                    word.evaluate(
                        "w => [parseFloat(w.dataset.t), w.textContent, "
                        "parseFloat(w.closest('li.cue').dataset.start)]"
                    )
                )

            (at, word), (after, _) = chosen.words[2], chosen.words[3]
            seek((at + after) / 2)
            assert highlighted() == (pytest.approx(at), word, pytest.approx(chosen.start))
            assert page.locator("li.cue.current").count() == 1

            later = cues[index + 1]
            seek(later.start)  # its first word, at the cue's own start
            assert highlighted() == (
                pytest.approx(later.start),
                later.words[0][1],
                pytest.approx(later.start),
            )
            seek((cues[pause].end + cues[pause + 1].start) / 2)  # in a pause: the last word
            assert highlighted()[:2] == pytest.approx(cues[pause].words[-1])

            # a click on a word (not a cue's first) seeks to its start and plays
            target = cues[index + 2]
            audio.evaluate(
                "a => { window.seeks = [];"
                " a.addEventListener('seeking', () => seeks.push(a.currentTime)); }"
            )
            page.locator("li.cue").nth(index + 2).locator("span.w").nth(1).click()
            page.wait_for_function("() => window.seeks.length > 0")
            assert page.evaluate("window.seeks[0]") == pytest.approx(target.words[1][0], abs=1e-3)
            page.wait_for_function("a => !a.paused", arg=audio.element_handle())
            page.wait_for_function(  # playing, the highlight moves on to later words
                f"() => {{ const n = ({NOW})(); return n && parseFloat(n.dataset.t) > "
                f"{target.words[1][0]}; }}"
            )
            audio.evaluate("a => a.pause()")
            assert page.locator(".w.now").count() == 1
        finally:
            browser.close()
    assert not errors
    assert requests and all(url.startswith(served) for url in requests), requests
