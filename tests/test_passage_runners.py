"""The passage runners: which one the CPU allows, and each turning padded batches into unit vectors from any worker thread."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from assistant.batching import padded
from assistant.config import PROJECT_ROOT
from assistant.onnx_export import onnx_path, query_onnx_path
from assistant.passage_runners import OnnxRuntimeRunner, OpenVinoRunner, bf16_available

HAS_OPENVINO = importlib.util.find_spec("openvino") is not None
CPUINFO = "processor\t: 0\nmodel name\t: Some CPU\nflags\t\t: fpu sse sse2 avx avx2 avx512f {extra}\n\nprocessor\t: 1\n"


def write_cpuinfo(tmp_path, extra: str):
    path = tmp_path / "cpuinfo"
    path.write_text(CPUINFO.format(extra=extra), encoding="utf-8")
    return path


@pytest.mark.skipif(not HAS_OPENVINO, reason="OpenVINO is not installed")
@pytest.mark.parametrize("flag", ["amx_bf16", "avx512_bf16"])
def test_bfloat16_is_taken_when_the_cpu_lists_a_bfloat16_instruction_set(tmp_path, flag):
    assert bf16_available(write_cpuinfo(tmp_path, f"avx512_vnni {flag}"))


def test_bfloat16_is_not_taken_without_the_cpu_flags_or_without_cpuinfo(tmp_path):
    # avx512_fp16 and amx_int8 are other number formats: OpenVINO would emulate bfloat16 there.
    assert not bf16_available(write_cpuinfo(tmp_path, "avx512_vnni avx512_fp16 amx_int8"))
    assert not bf16_available(tmp_path / "missing")


def batches() -> list[dict[str, np.ndarray]]:
    """Padded batches of token ids of different lengths and sizes (ids from the model's vocabulary)."""
    rng = np.random.default_rng(7)
    rows = [[0, *rng.integers(1000, 90000, size=n).tolist(), 2] for n in (3, 5, 8, 40, 41, 120)]
    return [padded(rows[:2], 1), padded(rows[2:3], 1), padded(rows[3:], 1)]


@pytest.mark.parametrize("kind", ["onnx-int8", "openvino-bf16"])
def test_a_runner_gives_unit_vectors_the_same_from_any_worker_thread(model_dir, kind):
    if kind == "openvino-bf16" and not bf16_available():
        pytest.skip("the CPU has no bfloat16 instructions or OpenVINO is not installed")
    runner = (
        OnnxRuntimeRunner(onnx_path(model_dir))
        if kind == "onnx-int8"
        else OpenVinoRunner(query_onnx_path(model_dir), 2)
    )
    feeds = batches() * 4
    alone = [runner.run(f) for f in feeds[:3]]
    with ThreadPoolExecutor(max_workers=2) as pool:
        threaded = list(pool.map(runner.run, feeds))
    for i, vectors in enumerate(threaded):
        assert vectors.shape == (len(feeds[i]["input_ids"]), 384) and vectors.dtype == np.float32
        np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
        np.testing.assert_array_equal(vectors, alone[i % 3])


FIRST_RUNS_TOGETHER = """
import sys, threading
import numpy as np
from assistant.batching import padded
from assistant.config import PROJECT_ROOT
from assistant.passage_runners import OpenVinoRunner
runner = OpenVinoRunner(sys.argv[1], 2)
ready = threading.Barrier(2)
def first_run():
    ready.wait()
    runner.run(padded([[0, 100, 2]], 1))
threads = [threading.Thread(target=first_run) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("done")
"""


@pytest.mark.skipif(not bf16_available(), reason="the CPU has no bfloat16 instructions or OpenVINO is not installed")
def test_two_workers_making_their_first_runs_together_in_a_fresh_process_both_finish(model_dir):
    # A fresh process: the bindings' one-time setup is what two first runs once raced on (and hung).
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", FIRST_RUNS_TOGETHER, str(query_onnx_path(model_dir))],
            cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert out.returncode == 0 and out.stdout.strip() == "done", out.stderr
