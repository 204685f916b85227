"""gTTS against a loopback stand-in of its endpoint: success, faults, retries and bounds."""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

import pytest

from briefing.config import parse_table
from briefing.engines.gtts import GttsEngine, GttsSettings, chunk_text
from briefing.errors import ConfigError, NoAudioError, SpeechError

from .conftest import TINY, run_cli
from .gtts_standin import StandIn


def engine(sample_rate: int = 22050, **settings: object) -> tuple[GttsEngine, list[float]]:
    """A gTTS engine whose backoff sleeps are recorded (and shortened)."""
    delays: list[float] = []
    table = {"tld": "co.uk", "timeout": 2.0, "retries": 3, "backoff": 0.2, **settings}
    parsed = parse_table(GttsSettings, table, "test: [gtts]")
    return GttsEngine(parsed, sample_rate, sleep=delays.append), delays


def test_a_sentence_is_spoken_decoded_and_resampled(standin: StandIn) -> None:
    gtts, _ = engine(sample_rate=22050)
    clip = gtts.synthesize("The harbour festival returns this weekend after a three-year break.")
    assert clip.sample_rate == 22050 and clip.channels == 1
    assert 2500 < clip.duration_ms < 3600  # the stand-in speaks 45 ms a character, 24 kHz MP3
    (request,) = standin.requests
    assert request.host == "translate.google.co.uk" and request.lang == "en"


def test_long_sentences_go_in_pieces_cut_at_clauses(standin: StandIn) -> None:
    gtts, _ = engine()
    text = (
        "Meanwhile, a British frigate and destroyer - HMS Montrose and HMS Defender - are to "
        "start accompanying UK-flagged ships through the Strait of Hormuz in the Gulf, where "
        "a tanker was seized by Iran last July."
    )
    gtts.synthesize(text)
    sent = [r.text for r in standin.requests]
    assert len(sent) >= 2 and all(len(piece) <= 100 for piece in sent)

    def letters(t: str) -> str:
        return "".join(ch for ch in t if ch.isalnum())

    assert letters(" ".join(sent)) == letters(text)  # every word sent once, in order
    assert sent[0] == "Meanwhile, a British frigate and destroyer - HMS Montrose and HMS Defender"


def test_429s_are_retried_with_growing_delays_and_logged(standin: StandIn, caplog) -> None:
    standin.plan = ["429", "429", "ok"]
    gtts, delays = engine(backoff=0.2)
    with caplog.at_level(logging.WARNING, logger="briefing"):
        clip = gtts.synthesize("Ferry timetable changes from April.")
    assert clip.pcm
    assert [r.answer for r in standin.requests] == ["429", "429", "ok"]
    assert len(delays) == 2 and 0.1 <= delays[0] <= 0.3 and 0.2 <= delays[1] <= 0.6
    messages = [r.getMessage() for r in caplog.records]
    assert messages[0].startswith("gTTS HTTP 429 from translate.google.co.uk; retry 1 of 3 in ")


@pytest.mark.parametrize("fault", ["500", "503", "reset"])
def test_server_errors_and_resets_are_retried(standin: StandIn, fault: str) -> None:
    standin.plan = [fault, "ok"]
    gtts, delays = engine()
    assert gtts.synthesize("New cycle lane opens on the seafront.").pcm
    assert len(standin.requests) == 2 and len(delays) == 1


def test_persistent_failure_ends_with_a_clear_error(standin: StandIn) -> None:
    standin.plan = ["500"] * 10
    gtts, delays = engine(retries=2)
    with pytest.raises(SpeechError, match=r"gTTS failed after 3 attempts: HTTP 500"):
        gtts.synthesize("Ferry timetable changes.")
    assert len(standin.requests) == 3 and len(delays) == 2


def test_a_request_that_never_answers_times_out(standin: StandIn) -> None:
    standin.plan = ["hang", "hang"]
    gtts, _ = engine(timeout=0.5, retries=1)
    started = time.monotonic()
    with pytest.raises(
        SpeechError, match=r"no answer from translate\.google\.co\.uk within the timeout"
    ):
        gtts.synthesize("Ferry timetable changes.")
    assert time.monotonic() - started < 10  # two 0.5 s timeouts, not the stand-in's 30 s hang


def test_200_without_audio_is_a_typed_error_and_not_retried(standin: StandIn) -> None:
    standin.plan = ["noaudio"]
    gtts, delays = engine()
    with pytest.raises(NoAudioError, match="answered 200 without audio"):
        gtts.synthesize("Ferry timetable changes.")
    assert len(standin.requests) == 1 and delays == []


def test_403_is_not_retried(standin: StandIn) -> None:
    standin.plan = ["403"]
    gtts, delays = engine()
    with pytest.raises(SpeechError, match="HTTP 403"):
        gtts.synthesize("Ferry timetable changes.")
    assert delays == []


def test_tls_is_verified(standin: StandIn, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REQUESTS_CA_BUNDLE")  # the stand-in's certificate is not trusted now
    gtts, delays = engine()
    with pytest.raises(
        SpeechError, match=r"TLS certificate of translate\.google\.co\.uk is not trusted"
    ):
        gtts.synthesize("Ferry timetable changes.")
    assert delays == []


def test_connections_are_reused(standin: StandIn) -> None:
    gtts, _ = engine()
    for n in range(3):
        gtts.synthesize(f"Sentence number {n} is here.")
    assert len(standin.requests) == 3 and standin.connections == 1


def test_unreachable_service_is_reported_by_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")  # discard port: nothing listens
    settings = parse_table(GttsSettings, {"tld": "co.uk"}, "t")
    assert "not reachable" in (settings.problem() or "")


def test_reachable_service_has_no_problem(standin: StandIn) -> None:
    assert parse_table(GttsSettings, {}, "t").problem() is None


@pytest.mark.parametrize(
    ("table", "field"),
    [({"lang": "xx"}, "lang"), ({"tld": "co uk"}, "tld"), ({"slow": "yes"}, "slow")],
)
def test_bad_settings_name_the_field(table: dict[str, object], field: str) -> None:
    with pytest.raises(ConfigError, match=rf"voices/x.toml: \[gtts\] {field}"):
        parse_table(GttsSettings, table, "voices/x.toml: [gtts]")


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("Short sentence.", ["Short sentence."]),
        ("a" * 250, ["a" * 100, "a" * 100, "a" * 50]),
        ("word " * 40, None),
        ("One clause, " * 12 + "end.", None),
    ],
)
def test_chunk_text(text: str, pieces: list[str] | None) -> None:
    chunks = chunk_text(text)
    assert all(len(c) <= 100 for c in chunks)
    assert "".join(chunks).replace(" ", "") == text.replace(" ", "")
    if pieces is not None:
        assert chunks == pieces
    if "clause" in text:
        assert all(c.endswith(",") or c.endswith("end.") for c in chunks)


# --- the whole product against the stand-in --------------------------------------------------


def fast_gtts_preset(voices: Path, name: str = "gtts-test", **extra: object) -> None:
    """A gTTS preset in the user's voices directory with short timeouts for tests."""
    settings = {
        "lang": '"en"',
        "tld": '"co.uk"',
        "timeout": "2.0",
        "retries": "3",
        "backoff": "0.05",
    }
    settings.update({k: str(v) for k, v in extra.items()})
    body = "\n".join(f"{k} = {v}" for k, v in settings.items())
    (voices / f"{name}.toml").write_text(
        f'name = "{name}"\nengine = "gtts"\nlanguage = "en-GB"\n\n[gtts]\n{body}\n'
    )


def test_episode_with_shipped_gtts_uk_voice(
    standin: StandIn, tmp_path: Path, fresh_cache: Path
) -> None:
    run = run_cli("build", TINY, "--voice", "gtts-uk", "-o", tmp_path)
    assert run.code == 0, run.stderr
    episode = Path(run.stdout.strip())
    assert episode.is_file()
    # The service gives no word times: the words are spread by an estimate, and say so.
    transcript = json.loads(episode.with_suffix("").with_suffix(".transcript.json").read_text())
    assert transcript["segments"] and all(s["estimated"] for s in transcript["segments"])
    assert "NOTE Some word times here are estimated" in episode.with_suffix(".vtt").read_text()
    assert {r.host for r in standin.requests} == {"translate.google.co.uk"}
    assert 1 < standin.max_in_flight <= 4  # in parallel, within the default bound
    assert any("Harbour festival" in r.text for r in standin.requests)


def test_429s_during_a_build_are_retried_and_logged(
    standin: StandIn, tmp_path: Path, fresh_cache: Path, user_voices: Path
) -> None:
    fast_gtts_preset(user_voices, concurrency=1)
    standin.plan = ["ok", "429", "ok", "429", "429"]
    run = run_cli("build", TINY, "--voice", "gtts-test", "-o", tmp_path)
    assert run.code == 0, run.stderr
    retries = [
        line for line in run.stderr.splitlines() if line.startswith("warning: gTTS HTTP 429")
    ]
    assert len(retries) == 3
    assert [r.answer for r in standin.requests].count("429") == 3


def test_concurrency_never_exceeds_the_bound(
    standin: StandIn, tmp_path: Path, fresh_cache: Path, user_voices: Path
) -> None:
    fast_gtts_preset(user_voices, concurrency=3)
    standin.latency = 0.15
    run = run_cli("build", TINY, "--voice", "gtts-test", "-H", "all", "-o", tmp_path)
    assert run.code == 0, run.stderr
    assert len(standin.requests) >= 8
    assert standin.max_in_flight == 3


def test_a_second_voice_reads_the_round_up(
    standin: StandIn, tmp_path: Path, fresh_cache: Path
) -> None:
    run = run_cli("build", TINY, "--voice", "joe", "--headline-voice", "gtts-us", "-o", tmp_path)
    assert run.code == 0, run.stderr
    sent = " ".join(r.text for r in standin.requests)
    assert "Ferry timetable changes from April" in sent and "New cycle lane" in sent
    assert "Harbour festival" not in sent and "This is The Tiny Times" not in sent
    assert {r.host for r in standin.requests} == {"translate.google.com"}


def test_hard_failure_stops_the_build_without_output(
    standin: StandIn, tmp_path: Path, fresh_cache: Path, user_voices: Path
) -> None:
    fast_gtts_preset(user_voices, retries=1)
    standin.plan = ["500"] * 100
    run = run_cli("build", TINY, "--voice", "gtts-test", "-q", "-o", tmp_path / "out")
    assert run.code == 5
    assert run.stderr.splitlines()[-1].startswith("error: gTTS failed after 2 attempts: HTTP 500")
    assert [
        line for line in run.stderr.splitlines() if line.startswith("error:")
    ] == run.stderr.splitlines()[-1:]
    assert not list((tmp_path / "out").glob("*.mp3"))


def test_fallback_revoices_the_whole_episode_with_one_voice(
    standin: StandIn, tmp_path: Path, fresh_cache: Path, user_voices: Path, ffmpeg: str
) -> None:
    import subprocess

    # The joe-only episode first: its sentences are then in the cache, so a re-voiced
    # episode made only of joe's speech decodes to exactly the same audio.
    joe = run_cli("build", TINY, "-H", "all", "-o", tmp_path / "joe")
    assert joe.code == 0, joe.stderr
    fast_gtts_preset(user_voices, retries=1)
    standin.plan = ["ok", "ok"] + ["500"] * 100  # fails part-way through
    run = run_cli(
        "build",
        TINY,
        "-H",
        "all",
        "--voice",
        "gtts-test",
        "--fallback",
        "joe",
        "-o",
        tmp_path / "fb",
    )
    assert run.code == 0, run.stderr
    assert "re-voicing the whole episode with joe" in run.stderr

    def pcm(path: str) -> bytes:
        return subprocess.run(
            [ffmpeg, "-v", "error", "-i", path, "-f", "s16le", "-"], capture_output=True, check=True
        ).stdout

    assert pcm(run.stdout.strip()) == pcm(joe.stdout.strip())
