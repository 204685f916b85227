"""Preparing a Piper voice to be decoded in pieces: its graph split once into its two halves.

A Piper voice is one ONNX graph: text to latent frames (encoder, durations, flow), then a
HiFi-GAN decoder that turns each frame into 256 samples. `prepare` cuts it, once per
machine, into the front (the voice's inputs to the latent frames, and each phoneme id's
duration in frames, as a voice patched by Piper's `patch_voice_with_alignment` gives them)
and the decoder (latent frames to audio), rewrites their convolutions as 2-D ones
(`conv2d`), and keeps each half as onnxruntime optimises it for this machine, with how far
the decoder reaches (`receptive_field`): the context each piece needs (`piper_decoder`).

The work is done once, in a child process: loading the graph and optimising it take memory
(about 280 MB at the peak) that the build itself never holds.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.engines.conv2d import rewrite_as_2d

log = logging.getLogger(__name__)

FORMAT = 4
"""Bumped when what `prepare` writes changes, so older prepared voices are not read
(2: the front also gives the phoneme durations; 3: the convolutions are 2-D, `conv2d`;
4: each half is kept as onnxruntime optimises it, for this machine, and the context is the
decoder's exact reach)."""
_DECODER_PREFIX = "/dec/"
"""Piper's exporter names every decoder node /dec/… (VITS's `dec` module)."""


@dataclass(frozen=True)
class PreparedVoice:
    """A Piper voice split in two on disk, and how to join the halves."""

    front: Path
    """Text to latent frames: the voice's inputs in, `links` (and `durations`) out."""
    decoder: Path
    """`links` in, audio out."""
    links: tuple[str, ...]
    """Tensors the front passes to the decoder."""
    frames: str
    """The one of `links` that has a time axis (the latent frames)."""
    context: int
    """Frames of context each piece needs either side: the decoder's receptive field."""
    durations: str | None = None
    """The front's output of each phoneme id's duration in latent frames (the duration
    predictor's rounded-up widths), or None where the graph has no such tensor."""


def prepare(model: Path, directory: Path) -> PreparedVoice | None:
    """The split form of `model`, from `directory` or made there now (about 2.5 s, once a
    machine).

    None when the voice cannot be split or the directory cannot be written: the caller runs
    the voice whole.
    """
    try:
        stat = model.stat()
    except OSError:
        return None
    identity = f"{model.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{FORMAT}|{_machine()}"
    digest = hashlib.blake2b(identity.encode(), digest_size=8).hexdigest()
    target = directory / f"{model.stem}-{digest}"
    found = _read(target)
    if found is not None:
        return found
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".preparing-", dir=directory) as tmp:
            staging = Path(tmp) / "voice"
            staging.mkdir()
            if not _split_apart(model, staging):
                return None
            shutil.rmtree(target, ignore_errors=True)  # an unreadable one from before
            with contextlib.suppress(OSError):  # another build got there first: theirs is equal
                os.replace(staging, target)
    except Exception as exc:  # noqa: BLE001 - failing here costs memory, never the episode
        log.debug("cannot prepare %s to decode in pieces (%s); running it whole", model.name, exc)
        return None
    return _read(target)


def _split_apart(model: Path, into: Path) -> bool:
    """`_split` in a child process, which peaks at about 280 MB (the graph and its halves as
    protobufs, then onnxruntime's optimiser) that the build's own memory never holds: a
    machine's first build peaked at 396 MB with it done in the build, 292 MB without.
    False when the graph cannot be split."""
    code = (
        "import sys; from pathlib import Path; from briefing.heap import return_freed_memory; "
        "return_freed_memory(); from briefing.engines.piper_prepare import _split; "
        "sys.exit(0 if _split(Path(sys.argv[1]), Path(sys.argv[2])) else 3)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(model), str(into)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=900,
        check=False,
    )
    if done.returncode == 3:
        return False
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(lines[-1] if lines else f"exit status {done.returncode}")
    return True


def _machine() -> str:
    """What an optimised graph was made for: onnxruntime's version and the CPU's features
    (its blocked kernels are chosen for them), so a cache shared with another machine, or
    kept over an upgrade, is prepared again rather than read."""
    import onnxruntime

    flags = platform.machine()
    with (
        contextlib.suppress(OSError),
        open("/proc/cpuinfo", encoding="utf-8", errors="replace") as cpuinfo,
    ):
        flags += next((line for line in cpuinfo if line.startswith("flags")), "")
    return f"{onnxruntime.__version__}|{hashlib.blake2b(flags.encode()).hexdigest()[:16]}"


def _read(target: Path) -> PreparedVoice | None:
    try:
        meta = json.loads((target / "voice.json").read_text(encoding="utf-8"))
        voice = PreparedVoice(
            front=target / "front.onnx",
            decoder=target / "decoder.onnx",
            links=tuple(meta["links"]),
            frames=str(meta["frames"]),
            context=int(meta["context"]),
            durations=meta["durations"],
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return voice if voice.front.is_file() and voice.decoder.is_file() else None


def _split(model: Path, into: Path) -> bool:
    """Write front.onnx, decoder.onnx and voice.json for `model` into `into`.

    Each half is cut from a freshly loaded copy of the graph, in place, so preparing needs
    about 200 MB rather than three copies of the weights. False when the graph is not a
    VITS voice with a /dec/ decoder at its end.
    """
    import onnx

    proto = onnx.load(str(model))
    graph = proto.graph
    nodes = list(graph.node)
    first = next((i for i, n in enumerate(nodes) if n.name.startswith(_DECODER_PREFIX)), None)
    if first is None:
        return False
    made_before = {name for node in nodes[:first] for name in node.output}
    made_after = {name for node in nodes[first:] for name in node.output}
    read_after = {name for node in nodes[first:] for name in node.input}
    weights = {init.name for init in graph.initializer}
    links = sorted(read_after & made_before)
    inputs = {value.name for value in graph.input}
    outputs = [value.name for value in graph.output]
    conv_pre = nodes[first]
    if (
        read_after & inputs  # the decoder reads a voice input directly (no such voice known)
        or not all(name in made_after for name in outputs)  # e.g. durations from the front
        or conv_pre.op_type != "Conv"
        or conv_pre.input[0] not in links
    ):
        return False
    context = receptive_field(nodes[first:])
    durations = _durations(nodes[:first])
    del nodes, graph

    for half in ("front", "decoder"):
        if half == "decoder":
            proto = onnx.load(str(model))
        extra = [durations] if durations and half == "front" else []
        _keep_half(proto.graph, first, front=half == "front", links=links + extra, weights=weights)
        rewrite_as_2d(proto.graph, _opset(proto))
        onnx.save(proto, str(into / f"{half}.plain.onnx"))
        del proto
        _optimise(into / f"{half}.plain.onnx", into / f"{half}.onnx")
    (into / "voice.json").write_text(
        json.dumps(
            {
                "links": links,
                "frames": conv_pre.input[0],
                "context": context,
                "durations": durations,
            }
        ),
        encoding="utf-8",
    )
    return True


def _optimise(plain: Path, into: Path) -> None:
    """`plain` as onnxruntime optimises it on this machine (its blocked NCHWc convolutions,
    fused nodes), saved to `into` so a build loads it without optimising it again: joe's front
    took 0.4-0.7 s to optimise at every build, 0.1 s to load optimised."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.optimized_model_filepath = str(into)
    options.log_severity_level = 3  # its warning that the result suits this machine: it does
    onnxruntime.InferenceSession(str(plain), options, providers=["CPUExecutionProvider"])
    plain.unlink()


def _opset(proto: Any) -> int:
    """The model's version of the standard operators."""
    return max((o.version for o in proto.opset_import if o.domain in ("", "ai.onnx")), default=0)


def _durations(nodes: Any) -> str | None:
    """The tensor of each phoneme id's duration in frames: VITS rounds the predicted widths
    up (``ceil(exp(logw) * x_mask * length_scale)``) and sums them into the alignment. The one
    `Ceil` that feeds a `CumSum`, as Piper's own `patch_voice_with_alignment` finds it."""
    ceils = {name for node in nodes if node.op_type == "Ceil" for name in node.output}
    summed = {name for node in nodes if node.op_type == "CumSum" for name in node.input}
    found = sorted(ceils & summed)
    return found[0] if len(found) == 1 else None


def _keep_half(graph: Any, first: int, *, front: bool, links: list[str], weights: set[str]) -> None:
    """Cut `graph` down, in place, to its nodes before `first` (front) or from it (decoder)."""
    from onnx import TensorProto, helper

    if front:
        del graph.node[first:]
    else:
        del graph.node[:first]
    read = {name for node in graph.node for name in node.input} & weights
    for i in reversed(range(len(graph.initializer))):
        if graph.initializer[i].name not in read:
            del graph.initializer[i]
    linked = [helper.make_tensor_value_info(name, TensorProto.FLOAT, None) for name in links]
    if front:
        del graph.output[:]
        graph.output.extend(linked)
    else:
        del graph.input[:]
        graph.input.extend(linked)
    del graph.value_info[:]


def receptive_field(nodes: Any) -> int:
    """Latent frames either side that one output sample of the decoder can depend on.

    Follows the decoder's graph from its first node's input, keeping each tensor's reach to
    the left and to the right in latent frames: the farthest of its inputs' (branches that
    run side by side and are then added reach only as far as the farther), plus each
    convolution's own, in its input's samples (a transposed convolution multiplies the
    samples a frame has become by its stride). joe's decoder reaches 11.1 frames to the left
    and 10.1 to the right: 12 frames of context (decoding with 11 already gives the same
    samples; a sum over the branches gave 16).
    """
    from onnx import helper

    nodes = list(nodes)
    reach: dict[str, tuple[float, float, int]] = {nodes[0].input[0]: (0.0, 0.0, 1)} if nodes else {}
    for node in nodes:
        inputs = [reach[name] for name in node.input if name in reach]
        if not inputs:
            continue
        left = max(r[0] for r in inputs)
        right = max(r[1] for r in inputs)
        scale = max(r[2] for r in inputs)  # samples a latent frame has become
        attrs = {a.name: helper.get_attribute_value(a) for a in node.attribute}
        kernel = int(attrs.get("kernel_shape", [1])[0])
        before = int(attrs.get("pads", [0, 0])[0])
        if node.op_type == "Conv":
            # y[j] reads x[j - before + m * dilation] for m < kernel
            span = (kernel - 1) * int(attrs.get("dilations", [1])[0])
            left, right = left + before / scale, right + (span - before) / scale
        elif node.op_type == "ConvTranspose":
            # y[j] reads each x[i] with 0 <= j + before - i * stride < kernel
            stride = int(attrs.get("strides", [1])[0])
            left += (kernel - 1 - before) / stride / scale
            right += before / stride / scale
            scale *= stride
        for name in node.output:
            reach[name] = (left, right, scale)
    return math.ceil(max((max(r[0], r[1]) for r in reach.values()), default=0.0))
