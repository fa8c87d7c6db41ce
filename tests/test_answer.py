"""The answer step as a whole: template answers quoted and cited first, abstentions that still list passages."""

from __future__ import annotations

from assistant.evidence import Evidence
from assistant.structured import TemplateAnswer


def _evidence(assistant, question: str, **fields) -> Evidence:
    vector = assistant.embedder.encode_queries([question])[0]
    hits = assistant.retriever.search(question, vector, "hybrid", 5)
    return Evidence(question, question, vector, hits, "hybrid", **fields)


def test_a_template_answer_is_quoted_instead_of_sentences_and_its_passage_is_cited_first(assistant):
    source = assistant.sources[0]
    text = assistant.index.document(source).text
    start = text.index("服務機關")
    end = text.index("\n", start)
    evidence = _evidence(
        assistant, "這份報告是哪個機關寫的？", template=TemplateAnswer(source, [(start, end)], "cover")
    )
    answer = assistant.composer.compose(evidence)
    assert not answer.abstained
    assert [q.quote for q in answer.quotes] == [text[start:end]]
    first = answer.passages[0]
    assert first.start <= start and end <= first.end and first.highlights == [(start, end)]


def test_an_unknown_name_abstains_without_quotes_but_keeps_the_passages(assistant):
    answer = assistant.composer.compose(_evidence(assistant, "Sigfox 在里昂有分公司嗎？", unknown_names=["里昂"]))
    assert answer.abstained and answer.quotes == [] and answer.level == "low"
    assert len(answer.passages) == 5
    assert any("里昂" in n for n in answer.notices)
