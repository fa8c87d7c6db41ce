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
    assert [m.name for m in unvisited(question, [document])] == flagged


def test_the_mention_points_at_where_the_report_names_it(document):
    [mention] = unvisited("訪團是哪一天去德國漢堡參訪的？", [document])
    assert REPORT[mention.start : mention.end] == "德國漢堡"


def test_offsets_point_into_the_text_as_written_even_after_characters_that_fold_longer(document):
    text = "封面\n\n壹、過程\n\n㈠ 說明…本案參考 Lisbon 的經驗。\n"
    doc = parse_document("r.txt", text)
    [mention] = unvisited("Did they visit Lisbon?", [doc])
    assert text[mention.start : mention.end] == "Lisbon"


def test_a_visit_told_in_another_report_clears_the_premise(document):
    other = parse_document("other.txt", "封面\n\n壹、過程\n\n局長於 4 月 2 日參訪德國漢堡港務局。\n")
    assert unvisited("訪團是哪一天去德國漢堡參訪的？", [document, other]) == []


@pytest.mark.parametrize("question", ["Is this a good method for government visits?", "When did the method seem good?"])
def test_english_words_containing_a_visit_verb_do_not_make_a_visit_question(document, question):
    assert unvisited(question, [document]) == []
