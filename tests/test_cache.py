"""The speech cache: rebuilds synthesise nothing, edits only what changed, damage is re-made."""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from briefing.cache import SpeechCache, cache_key
from briefing.engines.piper import PiperEngine
from briefing.engines.voices import load_voice
from briefing.ingest import load_page
from briefing.models import Clip, WordTiming
from briefing.script import build_script
from briefing.synth import Cast, synthesize

from .conftest import TINY, run_cli


@pytest.fixture
def piper_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every sentence real Piper is asked to speak, in order."""
    calls: list[str] = []
    original = PiperEngine.synthesize

    def counting(self: PiperEngine, text: str) -> Clip:
        calls.append(text)
        return original(self, text)

    monkeypatch.setattr(PiperEngine, "synthesize", counting)
    return calls


@pytest.fixture
def tiny_script():
    return build_script(load_page(TINY), (0, 1), today=dt.date(2026, 3, 2))


def test_rebuild_synthesises_nothing_and_an_edit_only_itself(
    tmp_path: Path, piper_calls: list[str], tiny_script
) -> None:
    cache = SpeechCache(tmp_path / "cache")
    cast = Cast(load_voice("joe"))
    first = synthesize(tiny_script, cast, cache)
    assert len(piper_calls) == len(tiny_script.sentences) == first.report.synthesised

    piper_calls.clear()
    second = synthesize(tiny_script, cast, cache)
    assert piper_calls == [] and second.report.cached == len(tiny_script.sentences)
    assert [c.pcm for c in second.clips()] == [c.pcm for c in first.clips()]

    lead = tiny_script.stories[1]
    edited_paragraph = (lead.paragraphs[1][0].replace("this weekend", "next weekend"),)
    edited_lead = replace(lead, paragraphs=(lead.paragraphs[0], edited_paragraph))
    edited = replace(
        tiny_script, stories=(tiny_script.stories[0], edited_lead, *tiny_script.stories[2:])
    )
    synthesize(edited, cast, cache)
    assert piper_calls == [edited_paragraph[0]]


def test_truncated_entry_is_detected_and_remade(
    tmp_path: Path, piper_calls: list[str], tiny_script, caplog
) -> None:
    cache = SpeechCache(tmp_path / "cache")
    cast = Cast(load_voice("joe"))
    synthesize(tiny_script, cast, cache)
    entry = max((tmp_path / "cache").glob("*/*.clip"), key=lambda p: p.stat().st_size)
    entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])
    piper_calls.clear()
    with caplog.at_level(logging.WARNING, logger="briefing"):
        report = synthesize(tiny_script, cast, cache).report
    assert len(piper_calls) == 1 and report.synthesised == 1
    assert "is corrupt; making it again" in caplog.text
    assert SpeechCache(tmp_path / "cache").get(entry.stem) is not None  # re-made whole


def test_flipped_byte_is_detected(tmp_path: Path) -> None:
    cache = SpeechCache(tmp_path)
    clip = Clip(pcm=bytes(range(256)) * 10, sample_rate=22050)
    cache.put("ab" * 32, clip)
    assert cache.get("ab" * 32) == clip
    path = next(tmp_path.glob("*/*.clip"))
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF
    path.write_bytes(bytes(data))
    assert cache.get("ab" * 32) is None
    assert not path.exists()


def test_word_timings_are_kept_with_the_clip(tmp_path: Path) -> None:
    cache = SpeechCache(tmp_path)
    words = (
        WordTiming("Señor", 10, 900),
        WordTiming("—", 900, 900),
        WordTiming("Ruiz.", 950, 2000),
    )
    clip = Clip(pcm=bytes(4200), sample_rate=22050, words=words)
    cache.put("cd" * 32, clip)
    assert cache.get("cd" * 32) == clip
    path = next(tmp_path.glob("*/*.clip"))
    data = bytearray(path.read_bytes())
    data[data.index(b"Ruiz")] ^= 0x20  # the words are under the checksum too
    path.write_bytes(bytes(data))
    assert cache.get("cd" * 32) is None


def test_a_clip_cached_before_word_timings_is_still_read(tmp_path: Path) -> None:
    """The first format (no words): its clip is used, its words estimated when joined."""
    import hashlib
    import struct

    pcm = bytes(range(256)) * 4
    entry = struct.pack("<5sIBB32s", b"BRSC1", 22050, 1, 2, hashlib.sha256(pcm).digest()) + pcm
    path = tmp_path / "ef" / f"{'ef' * 32}.clip"
    path.parent.mkdir()
    path.write_bytes(entry)
    assert SpeechCache(tmp_path).get("ef" * 32) == Clip(pcm=pcm, sample_rate=22050)


def test_key_depends_on_engine_voice_rate_and_exact_text() -> None:
    base = cache_key("piper", {"model": "a"}, 22050, "Hello.")
    assert base == cache_key("piper", {"model": "a"}, 22050, "Hello.")
    others = {
        cache_key("gtts", {"model": "a"}, 22050, "Hello."),
        cache_key("piper", {"model": "b"}, 22050, "Hello."),
        cache_key("piper", {"model": "a"}, 24000, "Hello."),
        cache_key("piper", {"model": "a"}, 22050, "Hello!"),
    }
    assert base not in others and len(others) == 4


def test_prune_keeps_the_most_recently_used_within_the_bound(tmp_path: Path) -> None:
    import os

    cache = SpeechCache(tmp_path, max_bytes=25_000)
    for n in range(5):
        cache.put(f"{n:02d}" * 32, Clip(pcm=bytes(10_000), sample_rate=22050))
        path = tmp_path / f"{n:02d}" / f"{f'{n:02d}' * 32}.clip"
        os.utime(path, (1_000_000 + n, 1_000_000 + n))
    assert cache.get("00" * 32) is not None  # used now: the newest
    assert cache.prune() == 3
    assert cache.info().entries == 2 and cache.info().bytes <= 25_000
    assert cache.get("00" * 32) is not None and cache.get("04" * 32) is not None


def _fill(directory: Path, count: int, size: int) -> list[str]:
    """`count` entries of `size` bytes of audio, the first the least recently used."""
    cache = SpeechCache(directory)
    keys = [f"{n:04x}" * 16 for n in range(count)]
    for n, key in enumerate(keys):
        cache.put(key, Clip(pcm=bytes(size), sample_rate=22050))
        os.utime(cache._path(key), (1_000_000 + n, 1_000_000 + n))
    return keys


def _prune_when_told(directory: str, max_bytes: int, start: Any, out: Any) -> None:
    start.wait()
    out.put(SpeechCache(Path(directory), max_bytes).prune())


def test_two_processes_pruning_at_once_remove_only_the_excess(tmp_path: Path) -> None:
    import multiprocessing

    _fill(tmp_path, 40, 10_000)
    entry = SpeechCache(tmp_path).info().bytes // 40
    bound = 20 * entry
    context = multiprocessing.get_context("spawn")
    start, out = context.Event(), context.Queue()
    pruners = [
        context.Process(target=_prune_when_told, args=(str(tmp_path), bound, start, out))
        for _ in range(2)
    ]
    for process in pruners:
        process.start()
    start.set()
    for process in pruners:
        process.join(60)
    assert [p.exitcode for p in pruners] == [0, 0]
    assert sorted([out.get(timeout=5), out.get(timeout=5)]) in ([0, 20], [20, 0])
    assert SpeechCache(tmp_path).info().entries == 20  # the excess, not twice the excess


def test_an_entry_used_while_the_cache_is_pruned_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = _fill(tmp_path, 5, 10_000)
    cache = SpeechCache(tmp_path, max_bytes=3 * SpeechCache(tmp_path).info().bytes // 5)
    listing = cache._entries

    def listed_then_used() -> list[tuple[Path, os.stat_result]]:
        entries = listing()
        assert cache.get(keys[0]) is not None  # a build finds the oldest, to read it soon
        return entries

    monkeypatch.setattr(cache, "_entries", listed_then_used)
    assert cache.prune() == 2
    assert cache.get(keys[0]) is not None
    assert [cache.get(k) is not None for k in keys[1:]] == [False, False, True, True]


def test_prune_removes_temp_files_killed_writers_left(tmp_path: Path) -> None:
    _fill(tmp_path, 2, 100)
    old, fresh = tmp_path / "00" / ".old.part", tmp_path / "00" / ".fresh.part"
    for path in (old, fresh):
        path.write_bytes(b"half a clip")
    os.utime(old, (1_000_000, 1_000_000))
    SpeechCache(tmp_path).prune()
    assert not old.exists() and fresh.exists()  # a writer may be writing that one now


def test_unwritable_cache_warns_and_the_build_goes_on(tmp_path: Path, caplog) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = SpeechCache(blocker / "cache")
    with caplog.at_level(logging.WARNING, logger="briefing"):
        cache.put("cd" * 32, Clip(pcm=b"\0\0", sample_rate=22050))
        cache.put("ef" * 32, Clip(pcm=b"\0\0", sample_rate=22050))
    assert caplog.text.count("cannot be written") == 1


def test_a_build_with_an_unwritable_cache_still_makes_the_episode(tmp_path: Path) -> None:
    """Clips that cannot be stored are held for the build instead."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    env = {"BRIEFING_CACHE_DIR": str(blocker / "cache")}
    run = run_cli("build", TINY, "-H", "1", "-o", tmp_path / "out", env=env)
    assert run.code == 0, run.stderr
    assert run.stderr.count("cannot be written") == 1
    assert Path(run.stdout.strip()).stat().st_size > 50_000


def test_cli_second_build_reads_everything_from_the_cache(
    tmp_path: Path, fresh_cache: Path
) -> None:
    first = run_cli("build", TINY, "-o", tmp_path)
    assert first.code == 0, first.stderr
    second = run_cli("build", TINY, "-o", tmp_path)
    assert "speech: 10 segments, 10 from the cache" in second.stderr
    info = run_cli("cache", "info")
    assert f"location  {fresh_cache}" in info.stdout and "entries   10" in info.stdout
    assert "models    2 prepared" in info.stdout  # joe split in two, the language detector
    cleared = run_cli("cache", "clear")
    assert cleared.stdout.strip() == "removed 10 cached sentences and 2 prepared models"
    after = run_cli("cache", "info").stdout
    assert "entries   0" in after and "models    0 prepared" in after
    assert not (fresh_cache / "models").exists()


def test_no_cache_flag_stores_nothing(tmp_path: Path, fresh_cache: Path) -> None:
    run = run_cli("build", TINY, "-H", "none", "--no-cache", "-o", tmp_path)
    assert run.code == 0, run.stderr
    assert not list(fresh_cache.glob("*/*.clip"))


def test_spoken_clips_are_let_go_once_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tiny_script
) -> None:
    """Sentences are spoken two at a time; each clip must leave memory once it is in the
    cache, or an hour-long episode's audio would all be held until the last sentence."""
    import weakref

    original = PiperEngine.synthesize
    made: list[weakref.ref[Clip]] = []
    held_at_once: list[int] = []

    def tracking(self: PiperEngine, text: str) -> Clip:
        assert self.concurrency == 2  # the split voice, two sentences at once
        held_at_once.append(sum(ref() is not None for ref in made))
        clip = original(self, text)
        made.append(weakref.ref(clip))
        return clip

    monkeypatch.setattr(PiperEngine, "synthesize", tracking)
    speech = synthesize(tiny_script, Cast(load_voice("joe")), SpeechCache(tmp_path / "cache"))
    assert speech.report.synthesised == len(tiny_script.sentences) == len(made) >= 8
    assert max(held_at_once) <= 3
