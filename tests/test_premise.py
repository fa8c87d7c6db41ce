"""Tests for false premises: a visit question about a name the report mentions only in another role."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ingest import parse_document
from assistant.premise import unvisited

REPORT = (Path(__file__).parent / "fixtures" / "port-report.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def document():
    return parse_document("port-report.txt", REPORT)


@pytest.mark.parametrize(
    ("question", "flagged"),
    [
        ("訪團是哪一天去德國漢堡參訪的？", ["德國漢堡"]),  # only compared with, never visited
        ("訪團哪一天參訪鹿特丹港務局？", []),  # a heading and the itinerary name it
        ("范德堡是哪天接待訪團的？", []),  # named in a sentence that tells of the visit
        ("德國漢堡的港口有多大？", []),  # not a visit question
        ("他們有沒有去德國漢堡參訪？", ["德國漢堡"]),
    ],
)
def test_only_names_never_visited_are_flagged(document, question, flagged):
    assert [m.name for m in unvisited(question, document)] == flagged


def test_the_mention_points_at_where_the_report_names_it(document):
    [mention] = unvisited("訪團是哪一天去德國漢堡參訪的？", document)
    assert REPORT[mention.start : mention.end] == "德國漢堡"
