"""Progress of long jobs: plain lines with time remaining when not on a terminal, a bar on one."""

from __future__ import annotations

import io

import pytest

from assistant.progress import format_duration, line_reporter, progress_line, reporter


@pytest.mark.parametrize(("seconds", "expected"), [(0, "0s"), (45.4, "45s"), (185, "3m05s"), (3720, "1h02m")])
def test_durations_read_as_seconds_minutes_or_hours(seconds, expected):
    assert format_duration(seconds) == expected


def test_a_line_gives_count_share_rate_and_time_left():
    assert progress_line("embedding", 250, 1000, 10.0) == ("embedding: 250/1,000 texts (25%), 25/s, about 30s left")
    assert progress_line("embedding", 1000, 1000, 40.0) == "embedding: 1,000/1,000 texts (100%) in 40s"


def test_lines_come_at_most_once_an_interval_and_always_at_the_end():
    out, now = io.StringIO(), [0.0]
    report = line_reporter("embedding", out, interval=10.0, clock=lambda: now[0])
    for step in range(0, 101):  # one text a second, 100 texts
        now[0] = float(step)
        report(step, 100)
    lines = out.getvalue().splitlines()
    assert len(lines) == 11  # at the first text, then 10 s apart (11 s, 21 s, ... 91 s), and the end
    assert lines[0] == "embedding: 1/100 texts (1%), 1/s, about 1m39s left"
    assert lines[1] == "embedding: 11/100 texts (11%), 1/s, about 1m29s left"
    assert lines[-1] == "embedding: 100/100 texts (100%) in 1m40s"
    report(100, 100)
    assert len(out.getvalue().splitlines()) == 11  # the end is told once


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_a_bar_with_time_remaining():
    out = Terminal()
    report = reporter("embedding", out)
    for done in (0, 30, 60, 100):
        report(done, 100)
    shown = out.getvalue()
    assert "\r" in shown and "100/100" in shown and "<" in shown  # tqdm's elapsed<remaining
