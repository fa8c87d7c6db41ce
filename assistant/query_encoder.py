"""Embed questions with the float32 ONNX export: the model's query vectors from tokenizers and onnxruntime alone."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from .batching import padded


class QueryEncoder:
    """Encodes short texts (questions) through a float32 ONNX graph that pools and normalizes itself.

    Loading it imports neither torch nor transformers: a cold start pays for onnxruntime and the
    graph only (see README, Benchmarks).
    """

    def __init__(self, graph: Path, tokenize, pad_id: int, prefix: str = "", threads: int = 0) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self._session = ort.InferenceSession(str(graph), options, providers=["CPUExecutionProvider"])
        self._tokenize = tokenize
        self._pad_id = pad_id
        self._prefix = prefix

    def encode(self, texts: list[str]) -> np.ndarray:
        """Return L2-normalized float32 vectors for `texts`, one run per text (no padding to change them)."""
        rows = self._tokenize([self._prefix + t for t in texts])
        out = [self._session.run(None, padded([row], self._pad_id))[0][0] for row in rows]
        return np.ascontiguousarray(np.stack(out) if out else np.zeros((0, 0)), dtype=np.float32)
