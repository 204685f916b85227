"""Run one command in this process and report its wall time and peak memory as JSON.

    python bench/_measure.py briefing build PAGE ...    # the briefing CLI, in-process
    python bench/_measure.py piper-floor SENTENCES.json  # Piper alone on the same sentences

Peak RSS is this process's (where the audio lives); ffmpeg children are reported apart.
"""

from __future__ import annotations

import json
import resource
import sys
import time


def piper_floor(path: str) -> None:
    """Piper as it ships (`PiperVoice.load`, the whole graph per sentence), joe's settings."""
    from piper import PiperVoice, SynthesisConfig

    from briefing.engines.voices import load_voice

    with open(path, encoding="utf-8") as handle:
        sentences = json.load(handle)
    joe = load_voice("joe").settings
    voice = PiperVoice.load(joe.model_path())  # type: ignore[attr-defined]
    config = SynthesisConfig(length_scale=joe.length_scale, volume=joe.volume)  # type: ignore[attr-defined]
    for sentence in sentences:
        b"".join(chunk.audio_int16_bytes for chunk in voice.synthesize(sentence, config))


def main() -> None:
    started = time.perf_counter()
    code = 0
    if sys.argv[1] == "piper-floor":
        piper_floor(sys.argv[2])
    else:
        from briefing.cli import cli

        try:
            cli.main(args=sys.argv[2:], prog_name="briefing", standalone_mode=False)
        except SystemExit as exc:
            code = int(exc.code or 0)
    seconds = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        json.dumps({"seconds": seconds, "rss_mb": own, "children_rss_mb": children, "code": code}),
        file=sys.__stderr__,
    )


if __name__ == "__main__":
    main()
