"""Progress of a long job on the command line: a bar on a terminal, periodic lines with time remaining otherwise."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

ProgressCallback = Callable[[int, int], None]


def format_duration(seconds: float) -> str:
    """Return `seconds` as a short human duration: 45s, 3m05s, 1h02m."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"


def progress_line(label: str, done: int, total: int, elapsed: float, unit: str = "texts") -> str:
    """Return one plain progress line: count, share, rate and the estimated time remaining."""
    share = done / total if total else 1.0
    rate = done / elapsed if elapsed > 0 else 0.0
    line = f"{label}: {done:,}/{total:,} {unit} ({share:.0%})"
    if done < total and rate > 0:
        line += f", {rate:,.0f}/s, about {format_duration((total - done) / rate)} left"
    elif done >= total:
        line += f" in {format_duration(elapsed)}"
    return line


def line_reporter(
    label: str,
    stream: TextIO,
    interval: float = 10.0,
    unit: str = "texts",
    clock: Callable[[], float] = time.monotonic,
) -> ProgressCallback:
    """Return a callback `(done, total)` printing a progress line at most every `interval` seconds, and at the end."""
    started: float | None = None
    last = float("-inf")

    def report(done: int, total: int) -> None:
        nonlocal started, last
        now = clock()
        if started is None:
            started = now
        finished = done >= total
        if (finished and last != float("inf")) or (not finished and now - last >= interval and done > 0):
            stream.write(progress_line(label, done, total, now - started, unit) + "\n")
            stream.flush()
            last = float("inf") if finished else now

    return report


def bar_reporter(label: str, stream: TextIO, unit: str = "texts") -> ProgressCallback:
    """Return a callback `(done, total)` drawing a tqdm bar (with rate and time remaining) on `stream`."""
    from tqdm import tqdm

    bar: tqdm | None = None

    def report(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = tqdm(total=total, desc=label, unit=f" {unit}", file=stream, dynamic_ncols=True, smoothing=0.1)
        bar.update(done - bar.n)
        if done >= total:
            bar.close()

    return report


def reporter(label: str, stream: TextIO | None = None, interval: float = 10.0, unit: str = "texts") -> ProgressCallback:
    """Return the progress callback for a long job: a bar when `stream` (default stderr) is a terminal, else lines."""
    stream = stream or sys.stderr
    if stream.isatty():
        return bar_reporter(label, stream, unit)
    return line_reporter(label, stream, interval, unit)
