"""Piper: offline neural speech, run through onnxruntime on the CPU."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from briefing.errors import SpeechError
from briefing.models import Clip

_PACKAGE_PREFIX = "package:"


@dataclass(frozen=True)
class PiperSettings:
    """A Piper voice preset's ``[piper]`` table."""

    model: Path
    """The voice's .onnx file; its .onnx.json config sits beside it."""
    length_scale: float = 1.0
    """Speaking rate: above 1 is slower, below 1 faster."""
    volume: float = 0.85
    """Gain applied to each peak-normalised sentence; below 1 leaves headroom for encoding."""
    speaker_id: int | None = None
    """Speaker of a multi-speaker voice."""


def resolve_model(spec: str, base: Path | None = None) -> Path:
    """The .onnx path for a preset's `model`: ``package:NAME`` or a path beside the preset."""
    if spec.startswith(_PACKAGE_PREFIX):
        package = spec[len(_PACKAGE_PREFIX) :]
        try:
            importlib.import_module(package)
        except ImportError:
            raise SpeechError(
                f"the Piper voice package {package!r} is not installed",
                hint=f"pip install {package.replace('_', '-')}",
            ) from None
        models = sorted(Path(str(resources.files(package))).rglob("*.onnx"))
        if not models:
            raise SpeechError(f"the package {package!r} holds no .onnx voice model")
        return models[0]
    path = Path(spec).expanduser()
    if not path.is_absolute() and base is not None:
        path = base / path
    return path


class PiperEngine:
    """One loaded Piper voice. Loading takes a fraction of a second; synthesis is the cost."""

    name = "piper"

    def __init__(self, settings: PiperSettings) -> None:
        self.settings = settings
        model = settings.model
        config = Path(f"{model}.json")
        for needed in (model, config):
            if not needed.is_file():
                raise SpeechError(
                    f"Piper voice file {needed} is missing",
                    hint="a Piper voice needs both its .onnx model and its .onnx.json config",
                )
        try:
            from piper import PiperVoice, SynthesisConfig

            self._voice = PiperVoice.load(model, config_path=config)
        except Exception as exc:  # onnxruntime raises its own untyped errors for bad models
            raise SpeechError(
                f"cannot load Piper voice {model.name}: {str(exc).splitlines()[0][:200]}",
                hint="the model file may be corrupt; download it again",
            ) from exc
        self._config = SynthesisConfig(
            length_scale=settings.length_scale,
            volume=settings.volume,
            speaker_id=settings.speaker_id,
        )
        self.sample_rate: int = self._voice.config.sample_rate

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> PiperEngine:
        known = {"model", "length_scale", "volume", "speaker_id", "_base"}
        unknown = set(settings) - known
        if unknown:
            raise SpeechError(f"unknown Piper settings: {', '.join(sorted(unknown))}")
        if "model" not in settings:
            raise SpeechError("a Piper voice preset needs a `model`")
        return cls(
            PiperSettings(
                model=resolve_model(str(settings["model"]), settings.get("_base")),
                length_scale=float(settings.get("length_scale", 1.0)),
                volume=float(settings.get("volume", 0.85)),
                speaker_id=settings.get("speaker_id"),
            )
        )

    def synthesize(self, text: str) -> Clip:
        try:
            chunks = list(self._voice.synthesize(text, self._config))
        except Exception as exc:
            raise SpeechError(f"Piper failed on {text[:60]!r}: {exc}") from exc
        return Clip(
            pcm=b"".join(chunk.audio_int16_bytes for chunk in chunks),
            sample_rate=self.sample_rate,
        )
