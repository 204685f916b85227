"""Piper voices by name: `briefing voices add`, `search` and `remove` against a loopback
stand-in of the Piper voices repository (`voicerepo.VoiceRepo`)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.engines.catalogue import (
    DEFAULT_BASE_URL,
    base_url,
    choose_speaker,
    parse_catalogue,
    preset_text,
)
from briefing.engines.piper import PiperEngine, PiperSettings
from briefing.engines.voices import read_preset
from briefing.errors import UsageError

from .conftest import TINY, run_cli
from .voicerepo import (
    SLOWER_PER_SPEAKER,
    VoiceRepo,
    catalogue_and_files,
    joe_files,
    sample_voices,
)

GB = "en_GB-testvoice-medium"
DE = "de_DE-testvoice-medium"
CHOIR = "en_US-testchoir-medium"


@pytest.fixture
def repo(
    user_voices: Path, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[VoiceRepo]:
    """The stand-in repository, named by $BRIEFING_VOICES_URL; the user's voices directory
    and the cache are this test's own."""
    server = VoiceRepo()
    monkeypatch.setenv("BRIEFING_VOICES_URL", server.start())
    yield server
    server.stop()


def md5(path: Path) -> str:
    return hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()


def installed(directory: Path) -> list[str]:
    """What is installed in the voices directory: everything but partial downloads."""
    return sorted(p.name for p in directory.iterdir() if not p.name.endswith(".part"))


def one_error_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("error: ")
    return lines[0]


def test_add_then_build_offline(repo: VoiceRepo, user_voices: Path, tmp_path: Path) -> None:
    run = run_cli("voices", "add", GB)
    assert run.code == 0, run.stderr
    assert run.stdout.strip() == f"added {GB}: {user_voices / f'{GB}.toml'}"
    assert f"downloading {GB}.onnx (63.2 MB)" in run.stderr  # plain lines off a terminal
    assert installed(user_voices) == [f"{GB}.onnx", f"{GB}.onnx.json", f"{GB}.toml"]
    model, config, _ = joe_files()
    assert md5(user_voices / f"{GB}.onnx") == md5(model)
    assert md5(user_voices / f"{GB}.onnx.json") == md5(config)
    preset = read_preset(user_voices / f"{GB}.toml")
    assert (preset.name, preset.engine, preset.language) == (GB, "piper", "en-GB")
    assert preset.settings.model == f"{GB}.onnx"  # type: ignore[attr-defined]
    assert preset.settings.speaker_id is None  # type: ignore[attr-defined]
    assert {r.user_agent for r in repo.requests} == {repo.requests[0].user_agent}
    assert repo.requests[0].user_agent.startswith("briefing/")

    rows = {r["name"]: r for r in json.loads(run_cli("voices", "--json").stdout)}
    assert rows[GB]["problem"] is None and rows[GB]["language"] == "en-GB"
    again = run_cli("voices", "add", GB)
    assert again.code == 0 and "already installed" in again.stderr
    assert len(repo.file_requests(GB)) == 1  # nothing downloaded twice
    forced = run_cli("voices", "add", GB, "--force", "-q")
    assert forced.code == 0 and len(repo.file_requests(GB)) == 2
    assert installed(user_voices) == [f"{GB}.onnx", f"{GB}.onnx.json", f"{GB}.toml"]

    repo.stop()
    build = run_cli("build", TINY, "-H", "none", "--voice", GB, "-q", "-o", tmp_path)
    assert build.code == 0, build.stderr
    assert Path(build.stdout.strip()).is_file()


def test_search_lists_filters_and_works_offline(
    repo: VoiceRepo, fresh_cache: Path, user_voices: Path
) -> None:
    every = json.loads(run_cli("voices", "search", "--json").stdout)
    assert [v["name"] for v in every] == [DE, GB, CHOIR]
    assert every[0]["language"] == "de-DE" and every[0]["language_name"] == "German (Germany)"
    for language in ("de", "de_DE", "de-DE"):
        found = json.loads(run_cli("voices", "search", "--language", language, "--json").stdout)
        assert [v["name"] for v in found] == [DE]
    deutsch = run_cli("voices", "search", "Deutsch")
    assert DE in deutsch.stdout and GB not in deutsch.stdout
    assert "1 matching of 3 voices" in deutsch.stdout
    choir = json.loads(run_cli("voices", "search", "choir", "--json").stdout)
    assert [(v["name"], v["speakers"]) for v in choir] == [(CHOIR, 3)]
    assert [r.path for r in repo.requests] == ["voices.json"]  # kept for a day

    repo.stop()
    offline = run_cli("voices", "search", "--language", "en")
    assert offline.code == 0 and GB in offline.stdout and DE not in offline.stdout
    assert offline.stderr == ""
    download = run_cli("voices", "add", GB, "-q")  # the catalogue is kept, the files are not
    assert download.code == 5
    line = one_error_line(download.stderr)
    assert f"cannot download {base_url()}" in line and "cannot connect to 127.0.0.1" in line
    assert installed(user_voices) == []

    for kept in fresh_cache.glob("files/*"):  # two days old: due to be fetched again
        old = time.time() - 2 * 86400
        os.utime(kept, (old, old))
    stale = run_cli("voices", "search", "--language", "de")
    assert stale.code == 0 and DE in stale.stdout
    fetched = time.strftime("%Y-%m-%d", time.localtime())  # when it was, not when kept last
    assert stale.stderr.startswith(f"note: catalogue from {fetched} ")
    assert ", the repository could not be reached (" in stale.stderr
    assert len(stale.stderr.splitlines()) == 1


def test_offline_without_a_kept_catalogue_names_the_url(repo: VoiceRepo) -> None:
    url = base_url()
    repo.stop()
    for args in (("search",), ("add", GB)):
        run = run_cli("voices", *args)
        assert run.code == 3
        line = one_error_line(run.stderr)
        assert f"{url}voices.json" in line and "BRIEFING_VOICES_URL" in line


def test_unknown_name_suggests_close_ones(repo: VoiceRepo, user_voices: Path) -> None:
    run = run_cli("voices", "add", "en_GB-testvoise-medium")
    assert run.code == 2
    line = one_error_line(run.stderr)
    assert f"did you mean {GB}" in line and "`briefing voices search`" in line
    assert installed(user_voices) == []


def test_remove(repo: VoiceRepo, user_voices: Path) -> None:
    assert run_cli("voices", "add", GB, "-q").code == 0
    assert run_cli("voices", "add", DE, "-q").code == 0
    # a preset of the user's own that uses the German model keeps it when the voice goes
    (user_voices / "slow-german.toml").write_text(
        f"name = 'slow-german'\nengine = 'piper'\nlanguage = 'de'\n"
        f"[piper]\nmodel = '{DE}.onnx'\nlength_scale = 1.3\n"
    )
    run = run_cli("voices", "remove", GB)
    assert run.code == 0, run.stderr
    assert run.stdout.strip() == f"removed {GB}: {GB}.toml, {GB}.onnx, {GB}.onnx.json"
    gone = run_cli("voices", "remove", DE)
    assert gone.stdout.strip() == f"removed {DE}: {DE}.toml"
    assert installed(user_voices) == [f"{DE}.onnx", f"{DE}.onnx.json", "slow-german.toml"]
    names = {r["name"] for r in json.loads(run_cli("voices", "--json").stdout)}
    assert GB not in names and DE not in names and "slow-german" in names

    again = run_cli("voices", "remove", GB)
    assert again.code == 2 and "no voice" in one_error_line(again.stderr)
    shipped = run_cli("voices", "remove", "joe")
    assert shipped.code == 2 and "shipped with briefing" in one_error_line(shipped.stderr)
    assert run_cli("voices", "--json").stdout.count('"joe"') == 1


def test_wrong_checksum_installs_nothing(repo: VoiceRepo, user_voices: Path) -> None:
    repo.corrupt.add(repo.path_of(GB))
    run = run_cli("voices", "add", GB, "-q")
    assert run.code == 5
    line = one_error_line(run.stderr)
    assert f"{GB}.onnx: the download has MD5" in line and "nothing was installed" in line
    assert installed(user_voices) == []
    assert not (user_voices / f"{GB}.onnx.part").exists()  # no use resuming a wrong file
    assert GB not in run_cli("voices").stdout


@pytest.mark.parametrize("ranges", [True, False], ids=["resumed", "started-again"])
def test_dropped_connection_installs_nothing_and_a_rerun_completes(
    repo: VoiceRepo, user_voices: Path, ranges: bool
) -> None:
    repo.cut[repo.path_of(GB)] = 20_000_000
    run = run_cli("voices", "add", GB, "-q")
    assert run.code == 5
    line = one_error_line(run.stderr)
    part = user_voices / f"{GB}.onnx.part"
    assert "the connection dropped after" in line and "of 63.2 MB" in line
    assert f"kept in {part}" in line and "run the command again to resume" in line
    assert installed(user_voices) == []
    kept = part.stat().st_size
    assert 0 < kept <= 20_000_000

    repo.ranges = ranges
    rerun = run_cli("voices", "add", GB)
    assert rerun.code == 0, rerun.stderr
    first, second = repo.file_requests(GB)
    assert (first.range, second.range) == (None, f"bytes={kept}-")
    assert second.status == (206 if ranges else 200)
    assert ("resuming" in rerun.stderr) == ranges
    assert md5(user_voices / f"{GB}.onnx") == md5(joe_files()[0])
    assert installed(user_voices) == [f"{GB}.onnx", f"{GB}.onnx.json", f"{GB}.toml"]
    json_requests = [r for r in repo.requests if r.path.endswith(".onnx.json")]
    assert len(json_requests) == 1  # checked the first time, kept for the rerun


def test_ctrl_c_during_download_installs_nothing(repo: VoiceRepo, user_voices: Path) -> None:
    repo.hold[repo.path_of(GB)] = 5_000_000
    child = subprocess.Popen(
        [sys.executable, "-m", "briefing", "voices", "add", GB, "-q"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert repo.held.wait(30), "the download never started"
        time.sleep(0.2)  # the child is waiting for the rest
        child.send_signal(signal.SIGINT)
        _, stderr = child.communicate(timeout=30)
    finally:
        child.kill()
    assert child.returncode == 130
    line = one_error_line(stderr)
    assert line.startswith("error: interrupted; nothing was installed")
    assert "run the command again to resume" in line
    assert installed(user_voices) == []


def test_speakers_of_a_voice_with_several(repo: VoiceRepo, user_voices: Path) -> None:
    unknown = run_cli("voices", "add", CHOIR, "--speaker", "bas")
    assert unknown.code == 2 and "did you mean bass" in one_error_line(unknown.stderr)
    single = run_cli("voices", "add", GB, "--speaker", "bass")
    assert single.code == 2 and "single speaker" in one_error_line(single.stderr)
    assert repo.file_requests(CHOIR) == [] and repo.file_requests(GB) == []

    run = run_cli("voices", "add", CHOIR, "--speaker", "tenor", "-q")
    assert run.code == 0, run.stderr
    preset = read_preset(user_voices / f"{CHOIR}.toml")
    assert isinstance(preset.settings, PiperSettings)
    assert preset.settings.speaker == "tenor" and preset.settings.speaker_number() == 2
    assert preset.speaker == "Testchoir (tenor)"


def test_two_speakers_of_one_voice_read_anchor_and_headlines(
    repo: VoiceRepo, user_voices: Path, tmp_path: Path
) -> None:
    """The issue's point 4: a second speaker of an installed voice is a second preset that
    downloads nothing; the two read the lead and the round-up of one episode."""
    import webvtt

    assert run_cli("voices", "add", CHOIR, "--speaker", "alto", "-q").code == 0
    fetched = len(repo.requests)
    second = run_cli("voices", "add", CHOIR, "--speaker", "bass", "--as", "choir-bass")
    assert second.code == 0, second.stderr
    assert second.stdout.strip() == f"added choir-bass: {user_voices / 'choir-bass.toml'}"
    assert len(repo.requests) == fetched  # the model is the one installed: nothing fetched
    bad = run_cli("voices", "add", CHOIR, "--as", "../elsewhere")
    assert bad.code == 2 and "cannot name a preset" in one_error_line(bad.stderr)
    repo.stop()

    listed = {v["name"]: v for v in json.loads(run_cli("voices", "--json").stdout)}
    assert listed["choir-bass"]["description"].startswith("Testchoir (bass)")
    run = run_cli(
        "build", TINY, "-H", "1,2", "--voice", CHOIR, "--headline-voice", "choir-bass",
        "-o", tmp_path,
    )  # fmt: skip
    assert run.code == 0, run.stderr
    cues = list(webvtt.read(str(Path(run.stdout.strip()).with_suffix(".vtt"))))
    by_voice = {c.voice for c in cues}
    assert by_voice == {"Testchoir (alto)", "Testchoir (bass)"}, by_voice
    headline_cues = [c for c in cues if c.voice == "Testchoir (bass)"]
    assert [c.text for c in headline_cues][:2] == [
        "Now, the headlines.",
        "Ferry timetable changes from April.",
    ]

    # the bass is the model's speaker 1: the same words take longer in its voice
    (user_voices / "choir-one.toml").write_text(
        (user_voices / "choir-bass.toml").read_text().replace('speaker = "bass"', "speaker = 1")
        .replace('name = "choir-bass"', 'name = "choir-one"'),
        encoding="utf-8",
    )  # fmt: skip
    alto, bass, one = (
        PiperEngine(read_preset(user_voices / f"{name}.toml").settings)  # type: ignore[arg-type]
        for name in (CHOIR, "choir-bass", "choir-one")
    )
    sentence = "Ferry timetable changes from April."
    # Piper draws durations with noise: one sentence's length varies by a few per cent from
    # run to run (alto 90-97 k samples, bass 112-119 k), so each voice's median of three
    lengths = [
        statistics.median(len(engine.synthesize(sentence).pcm) for _ in range(3))
        for engine in (alto, bass, one)
    ]
    assert min(lengths[1:]) > lengths[0] * (1 + SLOWER_PER_SPEAKER / 2), lengths
    assert alto._voice is bass._voice  # one model loaded for both


def test_a_preset_naming_a_speaker_the_voice_lacks_is_one_line(
    repo: VoiceRepo, user_voices: Path, tmp_path: Path
) -> None:
    assert run_cli("voices", "add", CHOIR, "-q").code == 0
    preset = user_voices / f"{CHOIR}.toml"
    preset.write_text(preset.read_text().replace('speaker = "alto"', 'speaker = "altos"'))
    out = tmp_path / "out"
    run = run_cli("build", TINY, "--voice", CHOIR, "-o", out)
    assert run.code == 5, run.stderr  # a speech error, as for a missing model
    assert one_error_line(run.stderr) == (
        f"error: {CHOIR}.onnx has no speaker 'altos' (did you mean alto? give a number from 0 "
        "to 2 or a name (alto, bass, tenor))"
    )
    assert not out.exists() or list(out.iterdir()) == []
    listed = run_cli("voices")
    assert "no speaker 'altos'" in listed.stdout + listed.stderr


def test_catalogue_speakers_and_preset_text() -> None:
    catalogue, _ = catalogue_and_files(sample_voices())
    catalogue["../escape"] = catalogue[GB]
    catalogue["no-model"] = {**catalogue[GB], "files": {}}
    voices = parse_catalogue(catalogue)
    assert sorted(voices) == [DE, GB, CHOIR]
    choir = voices[CHOIR]
    assert choose_speaker(choir, None) == (0, "alto")
    assert choose_speaker(choir, "1") == (1, "bass")
    assert choose_speaker(choir, "tenor") == (2, "tenor")
    with pytest.raises(UsageError) as caught:
        choose_speaker(choir, "3")
    assert "a number from 0 to 2" in caught.value.one_line()
    assert choose_speaker(voices[GB], None) == (None, "")

    text = preset_text(voices[DE], None, "", DEFAULT_BASE_URL)
    assert text.startswith(f"# {DE}: a Piper voice from {DEFAULT_BASE_URL}")
    assert 'language = "de-DE"' in text and f'model = "{DE}.onnx"' in text
    assert "speaker" not in text.split("[piper]")[1]
    assert 'speaker = "bass"' in preset_text(choir, 1, "bass", DEFAULT_BASE_URL)
    named = preset_text(choir, 1, "bass", DEFAULT_BASE_URL, "choir-bass")
    assert 'name = "choir-bass"' in named and "voices remove choir-bass" in named


def test_base_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BRIEFING_VOICES_URL", raising=False)
    assert base_url() == "https://huggingface.co/rhasspy/piper-voices/resolve/v1.0.0/"
    monkeypatch.setenv("BRIEFING_VOICES_URL", "http://mirror.example/piper")
    assert base_url() == "http://mirror.example/piper/"


def test_a_german_page_speaks_german_throughout_with_a_voice_added_by_one_command(
    repo: VoiceRepo, user_voices: Path, tmp_path: Path
) -> None:
    """The issue's 'done when': one command installs a German voice; a German page then
    becomes an episode in German, intro to outro, its numbers and date said in German."""
    import webvtt

    from briefing.script.normalize.words import NUMBER_WORDS

    assert run_cli("voices", "add", DE, "-q").code == 0
    repo.stop()  # offline from here on
    german = Path(__file__).parent / "data" / "german-page.txt"
    run = run_cli("build", german, "-o", tmp_path)
    assert run.code == 0, run.stderr
    assert f"the page is in German; {DE} reads it" in run.stderr
    cues = [c.text for c in webvtt.read(str(Path(run.stdout.strip()).with_suffix(".vtt")))]
    said = " ".join(cues)
    assert cues[0].startswith("Hier ist Der Tagesbote für Mittwoch, den vierzehnten Januar.")
    assert "Diese Folge wird von einer synthetischen Stimme gelesen." in said
    assert cues[-1].endswith("Danke fürs Zuhören.")
    english = {w for w in re.findall(r"[a-z]+", said.lower()) if w in NUMBER_WORDS}
    assert not english - {"minus"}, english
    assert not re.search(r"\d", said)  # every number said in words
