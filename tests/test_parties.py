"""The parties a question names, and the part of a report that mentions them (on a report of another trip)."""

from __future__ import annotations

from pathlib import Path

from assistant.ingest import parse_document
from assistant.parties import PartyScope, heads, holds, named_parties

GLOSSARY = {"port of rotterdam": "鹿特丹港", "vdb": "范德堡處長", "ns": "國鐵"}


def test_a_party_is_named_in_either_script_or_by_a_capitalized_name():
    assert named_parties("What did the Port of Rotterdam show them?", GLOSSARY) == [("鹿特丹港", "port", "rotterdam")]
    assert named_parties("鹿特丹港的年吞吐量是多少？", GLOSSARY) == [("鹿特丹港",)]
    assert named_parties("Maersk 在哪裡？", GLOSSARY) == [("maersk",)]


def test_an_acronym_written_with_dots_is_a_spelling_of_its_party():
    glossary = {**GLOSSARY, "p d i": "港口數據研究院"}
    assert named_parties("跟 P.D.I. 簽了什麼？", glossary) == [("港口數據研究院", "p.d.i")]
    assert named_parties("港口數據研究院在哪？", glossary) == [("港口數據研究院",)]


def test_a_name_too_short_to_tell_a_party_and_a_question_naming_none_name_no_party():
    assert named_parties("國鐵怎麼走？", GLOSSARY) == []  # two characters: a common word, not one party
    assert named_parties("港口有多大？", GLOSSARY) == []


def test_a_sentence_is_in_scope_only_in_a_part_mentioning_a_rarely_named_party(port_assistant):
    doc = port_assistant.sources[0]
    text = port_assistant.index.document(doc).text
    scope = PartyScope(port_assistant.index, max_share=0.34)
    in_visit = text.index("局長於 3 月 5 日")  # the port authority's visit, which names its host
    in_other_visit = text.index("局長於 3 月 6 日")
    assert scope.in_scope(doc, in_visit, [("范德堡",)])
    assert not scope.in_scope(doc, in_other_visit, [("范德堡",)])
    assert not scope.in_scope(doc, in_visit, [("港",)])  # written in most parts: tells none apart


def test_a_capitalized_word_for_a_kind_of_place_names_no_party():
    assert named_parties("How big is Parc de Bercy?", {}) == [("bercy",)]


def test_a_latin_spelling_is_held_only_as_a_whole_word():
    assert holds("the air show", "air") and not holds("airbus", "air")
    assert holds("參訪鹿特丹港務局", "鹿特丹港")
    assert not holds("les systèmes du port", "mes") and not holds("mésa", "sa")  # an accented letter is a letter
    assert holds("à rotterdam", "rotterdam") and holds("3×mes", "mes")  # × is no letter


def test_a_part_is_headed_by_a_party_its_visits_heading_names_not_by_a_top_section():
    report = (Path(__file__).parent / "fixtures" / "port-report.txt").read_text(encoding="utf-8")
    parts = [head for head, _, _ in parse_document("port-report.txt", report).parts]
    headed = [head.path[-1] for head in parts if heads(head, ("港務局",))]
    assert headed == ["二、參訪鹿特丹港務局"]  # the visit, not the contents or the itinerary that also name it
    assert not any(heads(head, ("",)) for head in parts)  # an empty spelling names nothing
