"""Run a passage encoder graph on padded token batches: onnxruntime (the int8 export) or OpenVINO (bfloat16)."""

from __future__ import annotations

import importlib.util
import threading
from pathlib import Path
from typing import Protocol

import numpy as np


class PassageRunner(Protocol):
    """Turns one padded batch (`batching.padded`) into its pooled, normalized vectors; callable from `workers` threads."""

    def run(self, feeds: dict[str, np.ndarray]) -> np.ndarray:
        """Return the vectors of one padded batch."""
        ...


class OnnxRuntimeRunner:
    """One onnxruntime session with one thread per run: the int8 graph, one run per worker thread at a time."""

    def __init__(self, graph: Path) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self._session = ort.InferenceSession(str(graph), options, providers=["CPUExecutionProvider"])

    def run(self, feeds: dict[str, np.ndarray]) -> np.ndarray:
        """Return the graph's vectors for one padded batch."""
        return self._session.run(None, feeds)[0]


class OpenVinoRunner:
    """The float32 graph compiled by OpenVINO to run in bfloat16, one stream (and infer request) per worker thread.

    On a CPU with bfloat16 matrix units (AMX, AVX512-BF16) this embeds about 1.25x more texts a second
    than the int8 graph on onnxruntime, with vectors closer to float32 (see README, Benchmarks).
    """

    def __init__(self, graph: Path, workers: int) -> None:
        import openvino as ov

        config = {"INFERENCE_PRECISION_HINT": "bf16", "NUM_STREAMS": workers, "INFERENCE_NUM_THREADS": workers}
        self._compiled = ov.Core().compile_model(str(graph), "CPU", config)
        self._local = threading.local()
        # The bindings set up their numpy bridge on first use, and two worker threads doing that at once
        # deadlocked (seen once in the test suite): the first run is made here, on the calling thread.
        self.run({port.any_name: np.ones((1, 2), dtype=np.int64) for port in self._compiled.inputs})

    def run(self, feeds: dict[str, np.ndarray]) -> np.ndarray:
        """Return the graph's vectors for one padded batch (a copy: the request's buffer is reused)."""
        request = getattr(self._local, "request", None)
        if request is None:
            request = self._local.request = self._compiled.create_infer_request()
        request.infer(feeds)
        return np.array(request.get_output_tensor(0).data, dtype=np.float32)


# CPU flags (as Linux names them) of the instructions OpenVINO computes bfloat16 with; elsewhere it
# would emulate bfloat16 more slowly than onnxruntime runs the int8 graph.
BF16_FLAGS = frozenset({"avx512_bf16", "amx_bf16"})


def bf16_available(cpuinfo: Path = Path("/proc/cpuinfo")) -> bool:
    """Return True when OpenVINO is installed and the CPU computes in bfloat16 natively.

    Decided from the CPU's flags without importing OpenVINO, since every index load asks (the
    manifest records the passage encoder) and a cold answer should not pay for the runtime.
    """
    if importlib.util.find_spec("openvino") is None:
        return False
    try:
        with cpuinfo.open(encoding="utf-8", errors="replace") as lines:
            flags = next((line.split(":", 1)[1].split() for line in lines if line.startswith("flags")), [])
    except OSError:
        return False
    return not BF16_FLAGS.isdisjoint(flags)
