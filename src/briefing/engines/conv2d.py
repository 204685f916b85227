"""A voice's 1-D convolutions, rewritten as 2-D ones of height 1.

onnxruntime runs a 2-D convolution in MLAS's blocked (NCHWc) kernels, and a 1-D one through
im2col and a matrix product. On one thread the blocked kernels are faster for a Piper
voice: on 25 of London Daily's sentences joe's front (text encoder, duration predictor and
flow, two thirds of its time in convolutions) took 2.15-2.33 s against 2.39-2.62 s, and its
HiFi-GAN decoder 5.09-5.50 s against 5.43-5.91 s. (On two threads the 1-D form is the
faster, which is why `ChunkedSession` decodes several pieces at once, one thread each.) The
audio is the same but for float sums taken in another order: the decoder's output to 2e-7,
the latent frames to 5e-4.

The rewrite is local, so it holds whatever surrounds a convolution: each Conv or
ConvTranspose whose weights are (O, I, K) becomes an Unsqueeze of its input to (N, C, 1, T),
the convolution with weights (O, I, 1, K) and its attributes given a height of 1, and a
Squeeze of its output back to (N, C, T). `piper_prepare.prepare` writes both halves of a
voice this way.
"""

from __future__ import annotations

from typing import Any

CONVOLUTIONS = frozenset({"Conv", "ConvTranspose"})
HEIGHT_AXIS = 2
_AXES = "/height/axes"


def rewrite_as_2d(graph: Any, opset: int) -> int:
    """Rewrite every 1-D convolution of `graph` (an ONNX GraphProto) in place as above; how
    many there were. None is rewritten where the opset names Unsqueeze's axes as an
    attribute (before 13)."""
    from onnx import helper, numpy_helper

    weights = {w.name: w for w in graph.initializer}
    flat = {name for name, w in weights.items() if len(w.dims) == 3}
    found = [
        node
        for node in graph.node
        if node.op_type in CONVOLUTIONS and len(node.input) > 1 and node.input[1] in flat
    ]
    if opset < 13 or not found:
        return 0
    graph.initializer.append(numpy_helper.from_array(_axes(), _AXES))
    for name in flat & {node.input[1] for node in found}:  # each kernel once, if shared
        out, into, width = weights[name].dims  # the same values in the same order: only
        weights[name].dims[:] = [out, into, 1, width]  # the shape changes, nothing is copied
    rewritten = {id(node) for node in found}
    nodes = []
    for n, node in enumerate(graph.node):
        if id(node) not in rewritten:
            nodes.append(node)
            continue
        tall_in, tall_out = f"{node.input[0]}/height{n}", f"{node.output[0]}/height"
        nodes.append(helper.make_node("Unsqueeze", [node.input[0], _AXES], [tall_in]))
        _attributes_2d(node, weights[node.input[1]])
        node.input[0] = tall_in
        squeezed = node.output[0]
        node.output[0] = tall_out
        nodes.append(node)
        nodes.append(helper.make_node("Squeeze", [tall_out, _AXES], [squeezed]))
    del graph.node[:]
    graph.node.extend(nodes)
    del graph.value_info[:]  # the shapes found before no longer hold inside
    return len(found)


def _axes() -> Any:
    import numpy as np

    return np.array([HEIGHT_AXIS], dtype=np.int64)


def _attributes_2d(node: Any, kernel: Any) -> None:
    """A convolution's attributes with a height of 1 (`kernel` already 4-D)."""
    from onnx import helper

    attributes = {a.name: helper.get_attribute_value(a) for a in node.attribute}
    attributes.setdefault("kernel_shape", [kernel.dims[-1]])
    del node.attribute[:]
    for name, value in attributes.items():
        if name == "pads":
            value = [0, value[0], 0, value[1]]
        elif name in ("kernel_shape", "strides", "dilations"):
            value = [1, value[0]]
        elif name == "output_padding":
            value = [0, value[0]]
        elif name == "output_shape":
            value = [1, value[0]]
        node.attribute.append(helper.make_attribute(name, value))
