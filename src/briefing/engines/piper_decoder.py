"""Piper's decoder, run a few seconds of audio at a time, so memory does not grow with a sentence.

onnxruntime holds every decoder layer's output for the whole sentence at once: about 22 MB
per second of speech, so the longest sentence in an episode (14 s in London Daily) set the
build's peak memory near 500 MB.

The decoder is convolutional: an output sample depends only on latent frames within its
receptive field (12 frames either side for joe). So the voice is split once into its two
halves (`piper_prepare`), and `ChunkedSession` decodes a long sentence in pieces of at most
`CHUNK_FRAMES` frames, each with the receptive field's worth of frames either side as
context, keeping only each piece's own samples. What comes out is the same audio as
decoding the sentence whole, but for float rounding in a different order (tested).

`ChunkedSession` stands in for the onnxruntime session that `piper.PiperVoice` runs, so
Piper's phonemisation, normalisation and volume apply as they always do, and Piper's
``include_alignments`` works (the front gives each phoneme id's duration). A voice whose
graph does not have this shape, or a cache that cannot be written, is run whole as before.
"""

from __future__ import annotations

import logging
import math
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefing.engines.piper_prepare import PreparedVoice, prepare

log = logging.getLogger(__name__)

CHUNK_FRAMES = 160
"""Latent frames decoded at once by one decoder (1.9 s of audio at 22.05 kHz): with joe's
context, 184 frames, about 45 MB of onnxruntime memory (41 MB for 128, 51 MB for 192), so
two decoding at once take about what one piece of 256 did (384 took 100 MB). Each frame
costs the same to decode, so smaller pieces cost their context: on London Daily 13% more
frames than the speech has, 17% with pieces of 128, 10% with 192."""


def open_in_pieces(
    model: Path, directory: Path, options: Callable[[int], Any], parallel: int = 2
) -> ChunkedSession | None:
    """`model` ready to decode in pieces (prepared in `directory` if need be), `parallel`
    pieces at once, or None: run it whole. `options(threads)` makes a session's options. A
    prepared voice onnxruntime cannot load is removed, to be made again."""
    voice = prepare(model, directory)
    if voice is None:
        return None
    try:
        return ChunkedSession(voice, options, parallel)
    except Exception as exc:  # noqa: BLE001 - the model itself is loaded whole instead
        log.warning(
            "the prepared copy of %s is unreadable (%s); removed, to be made again",
            model.name,
            str(exc).strip().splitlines()[0][:120] if str(exc).strip() else type(exc).__name__,
        )
        shutil.rmtree(voice.front.parent, ignore_errors=True)
        return None


class ChunkedSession:
    """Runs a prepared voice where Piper expects its onnxruntime session (`run` only).

    Several sentences can be in `run` at once: the front takes one at a time, on one thread
    (two fronts at once made a cold build about 5% slower, not faster), and the decoder
    `parallel` at a time, each on one thread, where its blocked 2-D kernels (`conv2d`) run
    best: on two cores London Daily's sentences take about 12% less time so than with one
    decoder on two threads, in about the same memory (two pieces of `CHUNK_FRAMES` against
    one of 256 frames; bench/README.md).
    """

    def __init__(
        self, voice: PreparedVoice, options: Callable[[int], Any], parallel: int = 2
    ) -> None:
        import onnxruntime

        self.voice = voice
        self.parallel = max(1, parallel)
        providers = ["CPUExecutionProvider"]
        ready = options(1)
        ready.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_DISABLE_ALL
        self.front = onnxruntime.InferenceSession(str(voice.front), ready, providers=providers)
        self.decoder = onnxruntime.InferenceSession(str(voice.decoder), ready, providers=providers)
        self._front_turn = threading.Lock()
        self._decoder_turn = threading.BoundedSemaphore(self.parallel)

    def run(self, output_names: Any, feeds: dict[str, Any]) -> list[Any]:
        """The audio, and where the voice gives them (``output_names`` None), each phoneme
        id's duration in frames after it: what Piper reads from a voice patched for
        alignments (`piper.patch_voice_with_alignment`), so ``synthesize(...,
        include_alignments=True)`` gives each sentence its own, whichever thread asks."""
        import numpy as np

        voice = self.voice
        wanted = list(voice.links) + ([voice.durations] if voice.durations else [])
        with self._front_turn:
            made = self.front.run(wanted, feeds)
        links = dict(zip(voice.links, made[: len(voice.links)], strict=True))
        latent = links[voice.frames]
        frames = latent.shape[2]
        size = math.ceil(frames / max(1, math.ceil(frames / CHUNK_FRAMES)))
        pieces = []
        with self._decoder_turn:
            for start in range(0, max(frames, 1), size):
                end = min(frames, start + size)
                low, high = max(0, start - voice.context), min(frames, end + voice.context)
                links[voice.frames] = np.ascontiguousarray(latent[:, :, low:high])
                audio = self.decoder.run(None, links)[0]
                per_frame = audio.shape[-1] // max(1, high - low)
                pieces.append(audio[..., (start - low) * per_frame : (end - low) * per_frame])
        audio = np.concatenate(pieces, axis=-1)
        if voice.durations and output_names is None:
            return [audio, made[-1]]
        return [audio]
