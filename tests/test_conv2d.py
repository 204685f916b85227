"""A decoder's 1-D convolutions as 2-D ones: the same output, and graphs it does not fit left
alone."""

from __future__ import annotations

import numpy as np
import onnx
import onnxruntime
import pytest
from onnx import TensorProto, helper, numpy_helper

from briefing.engines.conv2d import rewrite_as_2d

RNG = np.random.default_rng(7)


def weights(name: str, *shape: int) -> onnx.TensorProto:
    return numpy_helper.from_array(RNG.standard_normal(shape).astype(np.float32) * 0.2, name)


def small_decoder(tail: str = "Unsqueeze") -> onnx.ModelProto:
    """conv_pre, an upsampling ConvTranspose, a dilated resblock (LeakyRelu, Conv, Add),
    averaged (Div by a constant), conditioned by a second input through a 1x1 Conv,
    conv_post, Tanh, then `tail` (an Unsqueeze as Piper's graph ends, or a Reshape)."""
    nodes = [
        helper.make_node("Conv", ["z", "w_pre", "b_pre"], ["x0"], kernel_shape=[7], pads=[3, 3]),
        helper.make_node("Conv", ["g", "w_cond"], ["c"], kernel_shape=[1]),
        helper.make_node("Add", ["x0", "c"], ["x1"]),
        helper.make_node(
            "ConvTranspose", ["x1", "w_up"], ["x2"], kernel_shape=[4], strides=[2], pads=[1, 1]
        ),
        helper.make_node("LeakyRelu", ["x2"], ["x3"], alpha=0.1),
        helper.make_node(
            "Conv", ["x3", "w_res"], ["x4"], kernel_shape=[3], dilations=[3], pads=[3, 3]
        ),
        helper.make_node("Add", ["x4", "x2"], ["x5"]),
        helper.make_node("Constant", [], ["two"], value=numpy_helper.from_array(np.float32(2))),
        helper.make_node("Div", ["x5", "two"], ["x6"]),
        helper.make_node("Conv", ["x6", "w_post"], ["x7"], kernel_shape=[7], pads=[3, 3]),
        helper.make_node("Tanh", ["x7"], ["x8"]),
    ]
    if tail == "Unsqueeze":
        nodes.append(helper.make_node("Unsqueeze", ["x8", "one"], ["audio"]))
    else:
        nodes.append(helper.make_node("Reshape", ["x8", "flat"], ["audio"]))
    graph = helper.make_graph(
        nodes,
        "decoder",
        [
            helper.make_tensor_value_info("z", TensorProto.FLOAT, None),
            helper.make_tensor_value_info("g", TensorProto.FLOAT, None),
        ],
        [helper.make_tensor_value_info("audio", TensorProto.FLOAT, None)],
        [
            weights("w_pre", 16, 8, 7),
            weights("b_pre", 16),
            weights("w_cond", 16, 4, 1),
            weights("w_up", 16, 8, 4),
            weights("w_res", 8, 8, 3),
            weights("w_post", 1, 8, 7),
            numpy_helper.from_array(np.array([1], dtype=np.int64), "one"),
            numpy_helper.from_array(np.array([1, -1], dtype=np.int64), "flat"),
        ],
    )
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])


def run(model: onnx.ModelProto, **feeds: np.ndarray) -> np.ndarray:
    session = onnxruntime.InferenceSession(
        model.SerializeToString(), providers=["CPUExecutionProvider"]
    )
    return np.asarray(session.run(None, feeds)[0])


def feeds(frames: int) -> dict[str, np.ndarray]:
    return {
        "z": RNG.standard_normal((1, 8, frames)).astype(np.float32),
        "g": RNG.standard_normal((1, 4, 1)).astype(np.float32),
    }


@pytest.mark.parametrize("tail", ["Unsqueeze", "Reshape"])
def test_the_2d_graph_makes_the_same_audio(tail: str) -> None:
    model = small_decoder(tail)
    inputs = feeds(40)
    before = run(model, **inputs)
    assert rewrite_as_2d(model.graph, 17) == 5
    kernels = [w for w in model.graph.initializer if w.name.startswith("w_")]
    assert all(len(w.dims) == 4 and w.dims[2] == 1 for w in kernels)
    after = run(model, **inputs)
    assert after.shape == before.shape
    assert float(np.max(np.abs(after - before))) < 1e-5


def test_a_kernel_two_convolutions_share_is_reshaped_once() -> None:
    model = small_decoder()
    model.graph.node[9].input[1] = "w_res"  # conv_post would take w_res's (8, 8, 3) ...
    model.graph.node[9].attribute[0].ints[:] = [3]  # kernel_shape
    model.graph.node[9].attribute[1].ints[:] = [1, 1]  # pads
    inputs = feeds(20)
    before = run(model, **inputs)
    assert rewrite_as_2d(model.graph, 17) == 5
    after = run(model, **inputs)
    assert float(np.max(np.abs(after - before))) < 1e-5


@pytest.mark.parametrize("why", ["no 1-D convolution", "an old opset"])
def test_a_graph_it_does_not_fit_is_left_as_it_is(why: str) -> None:
    model = small_decoder()
    opset = 11 if why == "an old opset" else 17
    if why == "no 1-D convolution":
        kept = [n for n in model.graph.node if n.op_type not in ("Conv", "ConvTranspose")]
        del model.graph.node[:]
        model.graph.node.extend(kept)
    before = model.SerializeToString()
    assert rewrite_as_2d(model.graph, opset) == 0
    assert model.SerializeToString() == before
