"""Shared helpers for the benchmark scripts: timing, percentiles, memory, tables and JSON output."""

from __future__ import annotations

import json
import os
import resource
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
sys.path.insert(0, str(ROOT))


def percentile(values: list[float], q: float) -> float:
    """Return the q-th percentile (0..100) of `values`, nearest-rank."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = max(0, min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


def peak_rss_mb(children: bool = False) -> float:
    """Return the peak resident memory of this process (or of its finished children), in MB."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024


def timed(fn, *args, **kwargs):
    """Return (result, seconds) of one call."""
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - started


def free_port() -> int:
    """Return a free TCP port on loopback."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def dir_size_mb(path: Path) -> float:
    """Return the total size of the files under `path`, in MB."""
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file()) / 1e6


def print_table(title: str, rows: list[dict]) -> None:
    """Print rows (dicts with the same keys) as a Markdown table."""
    if not rows:
        return
    keys = list(rows[0])
    print(f"\n### {title}\n")
    print("| " + " | ".join(keys) + " |")
    print("|" + "---|" * len(keys))
    for row in rows:
        print("| " + " | ".join(_cell(row[k]) for k in keys) + " |")


def _cell(value) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
    return str(value)


def write_json(name: str, data: dict) -> Path:
    """Write `data` to benchmarks/results/<name>.json, with the machine's basics, and return the path."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    data = {
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        **data,
    }
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def serve_until_answered(
    cmd: list[str], question: str, cwd: Path, env: dict | None = None, poll: float = 0.05
) -> float:
    """Start `trip-assistant serve` as `cmd` (its --port included) and return the seconds until its /ask answers."""
    from gradio_client import Client

    port = cmd[cmd.index("--port") + 1]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/"
        while True:
            try:
                urllib.request.urlopen(url, timeout=2).close()
                break
            except OSError:
                if proc.poll() is not None or time.perf_counter() - started > 300:
                    raise RuntimeError("server did not start") from None
                time.sleep(poll)
        Client(url, verbose=False).predict(question, 5, "hybrid", api_name="/ask")
        return time.perf_counter() - started
    finally:
        proc.terminate()
        proc.wait(timeout=30)
