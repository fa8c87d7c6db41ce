"""The answer step as a whole: template answers quoted and cited first, abstentions that still list passages."""

from __future__ import annotations

from dataclasses import replace

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


def test_a_which_day_answer_is_judged_by_the_visits_dated_sentence_it_quotes(port_assistant):
    from assistant.intent import VISIT_DAY
    from assistant.retrieval import Hit
    from assistant.sentence_scoring import ScoredSentence

    index = port_assistant.index
    text = index.document(port_assistant.sources[0]).text
    dated = next(i for i, s in enumerate(index.sentences) if "3 月 6 日拜會" in text[s.start : s.end])
    other = next(i for i, s in enumerate(index.sentences) if "近年以限制郵輪" in text[s.start : s.end])
    span = (index.sentences[dated].start, index.sentences[dated].end)
    day = TemplateAnswer(port_assistant.sources[0], [span], VISIT_DAY, supplements=True)
    scored = [ScoredSentence(other, 0.9, 0.9, 0.5), ScoredSentence(dated, 0.8, 0.8, 0.5)]
    evidence = Evidence("q", "哪天去市議會？", None, [Hit(0, 1.0, 0.9)], "hybrid", template=day)
    assert port_assistant.composer._judged(evidence, scored).sentence_id == dated  # the day's sentence, not the best
    assert port_assistant.composer._judged(replace(evidence, template=None), scored).sentence_id == other


def test_the_best_sentence_is_quoted_first_even_when_a_weaker_one_comes_earlier_in_the_report(assistant):
    answer = assistant.ask("代表團在法國電力集團總部跟誰會面？")
    assert len(answer.quotes) == 2
    assert "Didier Cordero" in answer.quotes[0].quote  # the visit, not the earlier dinner's guest list
    assert answer.quotes[0].score >= answer.quotes[1].score
    assert answer.quotes[0].start > answer.quotes[1].start  # a weaker quote from earlier pages comes second
    assert answer.passages[0].start <= answer.quotes[0].start < answer.passages[0].end  # and is cited first


def test_an_overview_of_a_visit_quotes_no_photo_caption_beside_its_lead(assistant):
    answer = assistant.ask("Tell me about the visit to EDF.")  # the caption "EDF 向張副市長說明" scores well
    captions = assistant.index.document(answer.quotes[0].source).template.captions
    assert answer.quotes and not any(c0 <= q.start and q.end <= c1 for q in answer.quotes for c0, c1 in captions)


def test_the_passage_holding_the_first_quote_is_cited_first(assistant):
    # A quote naming the person asked for (誰) leads a better-scored one that names none: its passage leads too.
    for question in ("費里耶爾的市長叫什麼名字？", "為什麼要專門去空中巴士總部參觀？"):
        answer = assistant.ask(question)
        first, cited = answer.quotes[0], answer.passages[0]
        assert (cited.source, cited.start <= first.start < cited.end) == (first.source, True), question


def test_an_answer_quoting_no_person_the_question_names_abstains_and_cites_where_they_are_named(port_assistant):
    from assistant.premise import NAMED, Mention

    source = port_assistant.sources[0]
    text = port_assistant.index.document(source).text

    def asked_of(name: str):
        at = text.index(name)
        return _evidence(port_assistant, "港務局由誰接待？", persons=[Mention(name, source, at, at + len(name), NAMED)])

    named = port_assistant.composer.compose(asked_of("范德堡"))  # the quote names him: answered
    assert not named.abstained and any("范德堡" in q.quote for q in named.quotes)
    at = text.index("范德堡")
    glossed = Mention("Jan Visser", source, at, at + 3, NAMED, spellings=("Jan Visser", "Jan", "Visser", "范德堡"))
    evidence = _evidence(port_assistant, "港務局由誰接待？", persons=[glossed])  # asked by the Latin name he is glossed
    assert not port_assistant.composer.compose(evidence).abstained  # with: the quote's Chinese name is his
    other = port_assistant.composer.compose(asked_of("林美玲"))  # a member row's name no quote holds
    assert other.abstained and other.quotes == [] and other.level == "low"
    assert any("林美玲" in n and "none of the sentences found" in n for n in other.notices)
    first = other.passages[0]
    assert first.start <= text.index("林美玲") < first.end  # where the report names the person comes first


def test_a_person_asked_of_is_named_by_surname_or_in_full_and_otherwise_not_answered(assistant):
    answer = assistant.ask("What did Gerard Wolf say about working with Taiwan?")
    assert not answer.abstained and "Wolf" in answer.quotes[0].quote  # "Wolf 主席於會議中表示…": his surname
    answer = assistant.ask("Sigfox 的 Romain Guillot 介紹物聯網時講了什麼？")  # an editor who interviewed the mayor
    assert answer.abstained and any("Romain Guillot" in n for n in answer.notices)
    assert "Romain Guillot" in answer.passages[0].text
