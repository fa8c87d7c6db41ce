"""Run every benchmark: old path against new (speed), the default corpus, the side-by-side baseline and the scale series.

Usage: python benchmarks/run_all.py [N ...]   (scale sizes; default 10 100 1000, about an hour)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    runs = (
        ("bench_speed.py", []),
        ("bench_default.py", []),
        ("bench_baseline.py", []),
        ("bench_scale.py", sys.argv[1:]),
    )
    for i, (script, args) in enumerate(runs, start=1):
        print(f"\n## {script} ({i}/{len(runs)})", flush=True)
        subprocess.run([sys.executable, str(HERE / script), *args], check=True)
