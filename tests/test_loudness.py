"""Levelling: one gain and a limiter, found by measurement, applied inside the encoder, and
the MP3 checked by an independent ebur128 run. Programmes are made in code."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from mutagen.mp3 import MP3

from briefing.audio import Assembly, AudioFormat, encode_mp3
from briefing.audio.encode import Mp3Settings
from briefing.audio.loudness import (
    Levelling,
    Loudness,
    correction,
    find_levelling,
    measure_file,
    rough_loudness,
)

from .conftest import TINY, run_cli
from .test_episode_files import ebur128

RATE = 22050


def programme(tmp_path: Path, samples: np.ndarray) -> Assembly:
    """A programme file holding `samples` (floats in -1..1)."""
    path = tmp_path / "programme.pcm"
    path.write_bytes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())
    return Assembly(path, AudioFormat(RATE), len(samples), chapters=())


def speechlike(seconds: float, level: float, clicks: float = 0.0) -> np.ndarray:
    """A 220 Hz tone shaped into 4 Hz syllables (a low crest factor: a gain alone levels
    it); `clicks` puts a short spike of that height every half second, the kind of peak
    that leaves no room for the gain without a limiter."""
    t = np.arange(int(seconds * RATE)) / RATE
    envelope = np.clip(np.sin(2 * np.pi * 4 * t), 0, None) ** 2
    signal = level * envelope * np.sin(2 * np.pi * 220 * t)
    if clicks:
        for start in range(RATE // 4, len(t) - 40, RATE // 2):
            signal[start : start + 40] = clicks * np.sin(np.linspace(0, np.pi, 40))
    return signal


def test_a_quiet_programme_needs_only_a_gain(tmp_path: Path, ffmpeg: str) -> None:
    source = programme(tmp_path, speechlike(20, 0.05))
    levelling = find_levelling(source)
    assert not levelling.limited
    assert levelling.gain_db == pytest.approx(-19.0 - levelling.input_lufs)
    out = tmp_path / "ep.mp3"
    measured = encode_mp3(source, levelling.filters(stereo=False), out)
    independent = ebur128(ffmpeg, out)
    assert measured.integrated_lufs == pytest.approx(independent[0], abs=0.05)
    assert -20.0 <= independent[0] <= -18.0 and independent[1] <= -1.0


def test_peaks_go_through_the_limiter_and_the_loudness_still_lands(
    tmp_path: Path, ffmpeg: str
) -> None:
    source = programme(tmp_path, speechlike(20, 0.05, clicks=0.95))
    levelling = find_levelling(source)
    assert levelling.limited
    assert levelling.gain_db > -19.0 - levelling.input_lufs  # more, for what the limiter takes
    out = tmp_path / "ep.mp3"
    encode_mp3(source, levelling.filters(stereo=False), out)
    integrated, peak = ebur128(ffmpeg, out)
    assert -20.0 <= integrated <= -18.0  # -19 LUFS ± 1 (MP3 encoding takes a few tenths)
    assert peak <= -1.0
    assert MP3(out).info.length == pytest.approx(20, abs=0.1)


def test_stereo_is_dual_mono_at_minus_16(tmp_path: Path, ffmpeg: str) -> None:
    source = programme(tmp_path, speechlike(10, 0.05, clicks=0.95))
    levelling = find_levelling(source, stereo=True)
    out = tmp_path / "ep.mp3"
    encode_mp3(source, levelling.filters(stereo=True), out, Mp3Settings(channels=2))
    integrated, peak = ebur128(ffmpeg, out)
    assert MP3(out).info.channels == 2
    assert -17.0 <= integrated <= -15.0 and peak <= -1.0


def test_correction_lowers_the_ceiling_for_a_hot_peak_and_fixes_the_gain() -> None:
    levelling = Levelling(4.0, -2.5, -22.0, -1.4, -19.0, True)
    assert correction(levelling, Loudness(-19.3, -1.8), stereo=False) is None
    hot = correction(levelling, Loudness(-19.0, -0.6), stereo=False)
    assert hot is not None and hot.ceiling_db == pytest.approx(-2.5 - 0.9)
    quiet = correction(levelling, Loudness(-20.0, -2.0), stereo=False)
    assert quiet is not None and quiet.gain_db == pytest.approx(5.0)


def test_a_levelling_survives_its_note() -> None:
    levelling = Levelling(4.1, -2.5, -22.1, -1.4, -19.0, True)
    assert Levelling.from_note(levelling.to_note()) == levelling
    assert Levelling.from_note({"gain_db": "loud"}) is None


def test_a_rebuild_reuses_the_levelling_and_makes_the_same_audio(
    tmp_path: Path, fresh_cache: Path
) -> None:
    first = run_cli("build", TINY, "-H", "1", "-o", tmp_path / "a")
    second = run_cli("build", TINY, "-H", "1", "-o", tmp_path / "b")
    assert first.code == second.code == 0, first.stderr + second.stderr
    assert any(line.startswith("loudness: ") for line in first.stderr.splitlines())
    assert any(
        line.startswith("loudness (found for this audio before): ")
        for line in second.stderr.splitlines()
    )
    a, b = Path(first.stdout.strip()), Path(second.stdout.strip())
    assert a.read_bytes() == b.read_bytes()  # same audio, same tags
    assert (
        first.stderr.splitlines()[-1].split("(")[1] == second.stderr.splitlines()[-1].split("(")[1]
    )


def test_no_cache_remembers_nothing(tmp_path: Path, fresh_cache: Path) -> None:
    run = run_cli("build", TINY, "-H", "1", "--no-cache", "-q", "-o", tmp_path / "out")
    assert run.code == 0, run.stderr
    models = fresh_cache / "models"  # made from the installed packages, not from the episode
    assert [p for p in fresh_cache.rglob("*.*") if not p.is_relative_to(models)] == []
    assert [p.name for p in (tmp_path / "out").iterdir() if p.name.startswith(".briefing-")] == []


def test_new_audio_in_learned_voices_is_encoded_live_and_lands_on_target(
    tmp_path: Path, fresh_cache: Path
) -> None:
    """A voice's first build measures its programme and learns the voices' level; a new
    programme in the same voices is levelled at that level as it is spoken (nothing measured
    before the encode), and the independent measurement of its MP3 is on target."""
    from briefing.audio import find_ffmpeg

    first = run_cli("build", TINY, "-H", "1", "-o", tmp_path / "a")
    assert any(line.startswith("loudness: ") for line in first.stderr.splitlines())
    for name in ("Other Times", "Third Times"):
        edited = run_cli("build", TINY, "-H", "1", "--show-name", name, "-o", tmp_path / "b")
        assert edited.code == 0, edited.stderr
        lines = edited.stderr.splitlines()
        assert any(
            line.startswith("loudness (the voices' level, learned before): ") for line in lines
        )
        assert not any(line.startswith("loudness: ") for line in lines)  # nothing measured first
        assert not any("found for this audio before" in line for line in lines)
        integrated, peak = ebur128(find_ffmpeg(), Path(edited.stdout.strip()))
        assert abs(integrated - -19.0) <= 0.5 and peak <= -1.0, (integrated, peak)


def test_notes_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing import cache as cache_module

    monkeypatch.setattr(cache_module, "MAX_NOTES", 3)
    store = cache_module.SpeechCache(tmp_path)
    for n in range(6):
        store.remember(f"{n:064x}", {"n": n})
    assert len(list((tmp_path / "notes").glob("*.json"))) == 3
    assert store.recall(f"{5:064x}") == {"n": 5}


def test_a_pages_language_is_detected_once(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing import plan

    calls: list[str] = []
    real = plan.detect_language

    def counting(text: str, models: Path | None = None) -> str | None:
        calls.append(text)
        return real(text, models)

    monkeypatch.setattr(plan, "detect_language", counting)
    text = "The council voted on Tuesday to rebuild the bridge over the river by spring. " * 3
    for _ in range(2):
        options, notes = plan.check_language(text, plan.BuildOptions())
        # English: joe reads it, and the script's rules are English ones
        assert (options, notes) == (plan.BuildOptions(language="en"), ())
    assert len(calls) == 1
    plan.check_language(text, plan.BuildOptions(use_cache=False))
    assert len(calls) == 2  # --no-cache: nothing remembered, nothing read back


def test_an_mp3_off_target_is_encoded_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The MP3's own measurement decides: a true peak over -1 dBTP (as a harsher encoder
    might make) is encoded again under a lower ceiling, and that levelling is the one kept."""
    from briefing import render

    source = programme(tmp_path, speechlike(10, 0.05, clicks=0.95))
    levelling = find_levelling(source)
    harsh = Loudness(levelling.expected_lufs, -0.4)
    with caplog.at_level("INFO", logger="briefing"):
        measured, used = render._correct(
            source, levelling, harsh, tmp_path / "ep.mp3", Mp3Settings(), False
        )
    assert "encoding it again, corrected" in caplog.text
    assert used.ceiling_db < levelling.ceiling_db  # a lower ceiling
    assert measured.true_peak_dbtp <= -1.0
    again = measure_file(tmp_path / "ep.mp3")  # the MP3 that was encoded again
    assert (again.integrated_lufs, again.true_peak_dbtp) == pytest.approx(
        (measured.integrated_lufs, measured.true_peak_dbtp), abs=0.11
    )


def test_the_rough_estimate_that_places_the_first_candidate(tmp_path: Path) -> None:
    source = programme(tmp_path, speechlike(20, 0.05, clicks=0.95))
    levelling = find_levelling(source)
    rough = rough_loudness(source)
    assert abs(rough - levelling.input_lufs) < 2.0  # near enough to place a guess
    assert rough_loudness(source, stereo=True) == pytest.approx(rough + 3.01, abs=0.01)
    silent = programme(tmp_path, np.zeros(RATE))
    assert rough_loudness(silent) == -70.0


def test_an_ffmpeg_without_alimiters_latency_option_still_levels(
    tmp_path: Path, ffmpeg: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ffmpeg 4.4 (Ubuntu 22.04) has no `latency` on alimiter: it is left out, not failed."""
    from briefing.audio import loudness

    monkeypatch.setattr(loudness, "filter_has_option", lambda name, option: False)
    source = programme(tmp_path, speechlike(10, 0.05, clicks=0.95))
    levelling = find_levelling(source)
    assert not any("latency" in f for f in levelling.filters(stereo=False))
    encode_mp3(source, levelling.filters(stereo=False), tmp_path / "ep.mp3")
    integrated, peak = ebur128(ffmpeg, tmp_path / "ep.mp3")
    assert -20.0 <= integrated <= -18.0 and peak <= -1.0


def test_an_unchanged_rebuild_takes_the_episodes_audio_and_a_damaged_one_is_made_again(
    tmp_path: Path, fresh_cache: Path
) -> None:
    """The same episode built again into its own directory: its audio is the one there
    (checked by its checksum, not encoded again) and every file is the same; once the MP3 is
    damaged, the next rebuild encodes it again and the episode is whole."""
    from briefing.audio import find_ffmpeg

    out = tmp_path / "out"
    first = run_cli("build", TINY, "-H", "1", "-o", out)
    assert first.code == 0, first.stderr
    mp3 = Path(first.stdout.strip())

    def files() -> dict[str, bytes]:  # all but the metadata, which says when it was made
        return {p.name: p.read_bytes() for p in out.iterdir() if p.suffixes != [".json"]}

    made = files()
    assert mp3.name.replace(".mp3", ".transcript.json") in made
    again = run_cli("build", TINY, "-H", "1", "-o", out)
    assert again.code == 0, again.stderr
    assert "audio: the same as the episode already there; not encoded again" in again.stderr
    assert files() == made  # the word times too, joined again from the cache

    clips = list(fresh_cache.glob("[0-9a-f][0-9a-f]/*"))
    assert clips
    for clip in clips:  # the speech gone: spoken again, its times would differ from the
        clip.unlink()  # audio there, which is not taken
    respoken = run_cli("build", TINY, "-H", "1", "-o", out)
    assert respoken.code == 0 and "not encoded again" not in respoken.stderr
    made = files()

    data = bytearray(mp3.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one byte of the audio changed
    mp3.write_bytes(bytes(data))
    mended = run_cli("build", TINY, "-H", "1", "-o", out)
    assert mended.code == 0, mended.stderr
    assert "not encoded again" not in mended.stderr
    assert mp3.read_bytes() == made[mp3.name]  # encoded again: the same bytes as first made
    integrated, peak = ebur128(find_ffmpeg(), mp3)
    assert abs(integrated - -19.0) <= 0.5 and peak <= -1.0
