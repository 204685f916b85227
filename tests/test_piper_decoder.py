"""Piper's decoder run in pieces: the same audio as decoding whole, prepared once, and a voice
that cannot be split still speaks."""

from __future__ import annotations

import json
import platform
from dataclasses import replace
from pathlib import Path

import numpy as np
import onnxruntime
import pytest
from piper import PiperVoice
from piper.config import PiperConfig

from briefing.engines.piper import PiperEngine
from briefing.engines.piper_decoder import CHUNK_FRAMES, ChunkedSession
from briefing.engines.piper_prepare import PreparedVoice, prepare

from .conftest import joe

# London Daily's longest sentence (examples/london-daily.txt): 13.7 s of speech, four pieces.
LONG = (
    "In a joint statement issued on Sunday night, Mister Johnson, Germany's Angela Merkel and "
    'France\'s Emmanuel Macron said the current cycle of violence "must be stopped" and called '
    "on Iran to refrain from further violent action and proliferation."
)


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> PreparedVoice:
    voice = prepare(joe().model_path(), tmp_path_factory.mktemp("voices"))
    assert voice is not None
    return voice


def feeds(text: str) -> dict[str, np.ndarray]:
    """Piper's own inputs for `text`, with noise off so two decodings can be compared."""
    settings = joe()
    voice = PiperVoice(
        config=PiperConfig.from_dict(json.loads(settings.config_path().read_text())),
        session=None,  # type: ignore[arg-type]
    )
    (phonemes,) = voice.phonemize(text)
    ids = np.array([voice.phonemes_to_ids(phonemes)], dtype=np.int64)
    return {
        "input": ids,
        "input_lengths": np.array([ids.shape[1]], dtype=np.int64),
        "scales": np.array([0.0, 1.0, 0.0], dtype=np.float32),
    }


def in_pieces(voice: PreparedVoice) -> ChunkedSession:
    return ChunkedSession(voice, lambda threads: onnxruntime.SessionOptions())


def decoded_whole(inputs: dict[str, np.ndarray]) -> np.ndarray:
    """The audio Piper's own graph makes, decoding the sentence whole."""
    session = onnxruntime.InferenceSession(
        str(joe().model_path()), providers=["CPUExecutionProvider"]
    )
    return session.run(None, inputs)[0]


def test_pieces_decode_to_the_same_audio_as_the_whole_sentence(prepared: PreparedVoice) -> None:
    inputs = feeds(LONG)
    whole = decoded_whole(inputs)
    chunked = in_pieces(prepared)
    latent = chunked.front.run([prepared.frames], inputs)[0]
    assert latent.shape[2] > 2 * CHUNK_FRAMES  # really decoded in three pieces or more
    pieces = chunked.run(None, inputs)[0]
    assert pieces.shape == whole.shape
    assert float(np.max(np.abs(pieces - whole))) < 1e-4  # measured: about 1e-6
    assert float(np.max(np.abs(whole))) > 0.3  # speech, not silence

    # Without the receptive field's context the joins are audibly different: the context
    # is what makes the pieces equal.
    blind = in_pieces(replace(prepared, context=0))
    assert float(np.max(np.abs(blind.run(None, inputs)[0] - whole))) > 1e-3


def test_a_short_sentence_is_decoded_in_one_piece(prepared: PreparedVoice) -> None:
    inputs = feeds("Good morning.")
    chunked = in_pieces(prepared)
    assert chunked.front.run([prepared.frames], inputs)[0].shape[2] < CHUNK_FRAMES
    np.testing.assert_allclose(chunked.run(None, inputs)[0], decoded_whole(inputs), atol=1e-5)


def test_a_voice_is_prepared_once_and_a_damaged_one_again(tmp_path: Path) -> None:
    model = joe().model_path()
    first = prepare(model, tmp_path)
    assert first is not None and first.front.parent.parent == tmp_path
    assert first.context == 12  # joe's decoder reaches 11.1 frames (the test above: exact)
    stamp = first.front.stat().st_mtime_ns
    again = prepare(model, tmp_path)
    assert again == first and first.front.stat().st_mtime_ns == stamp
    (first.front.parent / "voice.json").write_text("{")  # a build killed while writing
    mended = prepare(model, tmp_path)
    assert mended == first and json.loads((first.front.parent / "voice.json").read_text())
    assert [p.name for p in tmp_path.iterdir()] == [first.front.parent.name]  # no staging left


def test_a_graph_without_a_decoder_is_run_whole(tmp_path: Path) -> None:
    import onnx
    from onnx import TensorProto, helper

    graph = helper.make_graph(
        [helper.make_node("Identity", ["x"], ["y"], name="/identity")],
        "plain",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1])],
    )
    onnx.save(helper.make_model(graph), str(tmp_path / "plain.onnx"))
    assert prepare(tmp_path / "plain.onnx", tmp_path / "voices") is None
    assert list((tmp_path / "voices").iterdir()) == []


def test_the_engine_speaks_when_the_voice_cannot_be_prepared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "file").write_text("a file where the cache directory should be")
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "file" / "speech"))
    engine = PiperEngine(joe())
    assert not engine.decodes_in_pieces
    assert engine.synthesize("Good morning.").duration_ms > 500


def test_the_engine_decodes_in_pieces_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "speech"))
    engine = PiperEngine(joe())
    assert engine.decodes_in_pieces
    (kept,) = (tmp_path / "speech" / "models").iterdir()
    assert kept.name.startswith("en_US-joe-medium-")
    clip = engine.synthesize(LONG)
    assert 12_000 < clip.duration_ms < 16_000  # 13.7 s, give or take Piper's duration noise


def test_an_unloadable_prepared_voice_is_removed_and_the_voice_run_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "speech"))
    voice = prepare(joe().model_path(), tmp_path / "speech" / "models")
    assert voice is not None
    voice.decoder.write_bytes(b"not onnx" * 1000)  # damaged on disk after it was made
    engine = PiperEngine(joe())
    assert not engine.decodes_in_pieces
    assert engine.synthesize("Good morning.").duration_ms > 500
    assert not voice.front.parent.exists()  # the next build prepares it again
    del engine  # (engines alive at once share one loaded model)
    assert PiperEngine(joe()).decodes_in_pieces


def test_two_sentences_at_once_give_what_each_gives_alone(prepared: PreparedVoice) -> None:
    """The engine takes two sentences at a time (one in each half); they must not mix."""
    from concurrent.futures import ThreadPoolExecutor

    texts = [LONG, "Good morning.", "Here are the headlines.", "That was London Daily."]
    session = in_pieces(prepared)
    alone = [session.run(None, feeds(text))[0] for text in texts]
    with ThreadPoolExecutor(2) as pool:
        together = list(pool.map(lambda text: session.run(None, feeds(text))[0], texts * 2))
    for made, expected in zip(together, alone * 2, strict=True):
        assert made.shape == expected.shape
        assert float(np.max(np.abs(made - expected))) < 1e-5


def test_half_made_models_of_a_killed_build_go_once_an_hour_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import time

    from briefing.cache import prepared_models_dir

    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "speech"))
    models = tmp_path / "speech" / "models"
    (models / ".preparing-old" / "voice").mkdir(parents=True)
    (models / ".preparing-old" / "voice" / "front.onnx").write_bytes(b"half")
    (models / ".unpacking.npz").write_bytes(b"half")
    (models / ".preparing-now").mkdir()  # another build at work on it
    hours_ago = time.time() - 7200
    for path in (
        models / ".preparing-old",
        models / ".preparing-old" / "voice",
        models / ".unpacking.npz",
    ):
        os.utime(path, (hours_ago, hours_ago))
    assert prepared_models_dir() == models
    assert sorted(p.name for p in models.iterdir()) == [".preparing-now"]


def test_the_prepared_halves_are_kept_optimised_with_blocked_2d_convolutions(
    prepared: PreparedVoice,
) -> None:
    """Its 2-D convolutions (engines/conv2d.py) run in onnxruntime's blocked kernels, and
    each half is kept as onnxruntime optimised it, so a build does not optimise it again
    (the audio is checked equal above)."""
    import onnx

    decoder = onnx.load(str(prepared.decoder))
    convolutions = [n for n in decoder.graph.node if n.op_type in ("Conv", "ConvTranspose")]
    kernels = {w.name: len(w.dims) for w in decoder.graph.initializer}
    assert len(convolutions) == 23 and all(kernels[n.input[1]] == 4 for n in convolutions)
    assert [p.name for p in prepared.front.parent.iterdir() if "plain" in p.name] == []
    if platform.machine().lower() not in ("x86_64", "amd64"):
        return  # onnxruntime's blocked (NCHWc) kernels are x86's (AVX2, AVX-512)
    blocked = [n for n in convolutions if n.domain == "com.microsoft.nchwc"]
    assert len(blocked) == 20  # all but the three transposed ones
    front = onnx.load(str(prepared.front), load_external_data=False)
    assert any(n.domain == "com.microsoft.nchwc" for n in front.graph.node)


def test_sentences_decoded_at_once_are_each_what_they_are_alone(prepared: PreparedVoice) -> None:
    """Two sentences in the decoder together, one thread each, as a build speaks them."""
    import threading

    def one_thread(threads: int) -> onnxruntime.SessionOptions:
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        return options

    chunked = ChunkedSession(prepared, one_thread, parallel=2)
    assert chunked.parallel == 2
    texts = [LONG, "Short and sweet."]
    alone = [chunked.run(None, feeds(text))[0] for text in texts]
    together: list[np.ndarray] = [np.zeros(0), np.zeros(0)]
    start = threading.Barrier(2)

    def speak(n: int) -> None:
        start.wait()
        together[n] = chunked.run(None, feeds(texts[n]))[0]

    threads = [threading.Thread(target=speak, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for a, b in zip(alone, together, strict=True):
        np.testing.assert_array_equal(a, b)


def test_a_voice_prepared_for_another_machine_is_prepared_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The halves are optimised for this CPU and this onnxruntime: a cache shared with
    another machine, or kept over an upgrade, is not read as if made here."""
    from briefing.engines import piper_prepare

    here = prepare(joe().model_path(), tmp_path)
    monkeypatch.setattr(piper_prepare, "_machine", lambda: "1.99.0|another CPU's features")
    there = prepare(joe().model_path(), tmp_path)
    assert here is not None and there is not None
    assert here.front.parent != there.front.parent
    assert here.front.is_file() and there.front.is_file()


def test_a_voice_is_prepared_in_a_child_process(tmp_path: Path) -> None:
    """The graph work (onnx's protobufs, onnxruntime's optimiser: about 280 MB) is done in a
    process of its own, so a machine's first build never holds it."""
    import subprocess
    import sys

    code = (
        "import sys; from pathlib import Path; from briefing.engines.piper_prepare import prepare;"
        "voice = prepare(Path(sys.argv[1]), Path(sys.argv[2]));"
        "print(voice is not None, 'onnx' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(joe().model_path()), str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.split() == ["True", "False"]  # prepared, and onnx never imported here
