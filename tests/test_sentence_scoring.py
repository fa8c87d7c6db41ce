"""Sentence scoring: similarity, word coverage, the kind of answer asked for, captions last, which spans to quote."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant import Assistant
from assistant.sentence_scoring import ScoredSentence, SentenceScorer


def _sentence(scorer: SentenceScorer, fragment: str, end: bool = False) -> int:
    """Return the id of the first sentence holding (or, with `end`, ending with) `fragment`."""
    sentences = range(len(scorer.index.sentences))
    return next(i for i in sentences if (scorer.text(i).endswith(fragment) if end else fragment in scorer.text(i)))


def _chunk_holding(index, sentence_id: int) -> int:
    """Return the id of the passage holding a sentence."""
    return next(c for c, sentences in enumerate(index.chunk_sentences) if sentence_id in sentences)


def test_a_second_quote_is_taken_only_when_it_scores_nearly_as_well(assistant):
    scorer = SentenceScorer(assistant.index, replace(assistant.settings, max_quotes=2, second_quote_ratio=0.9))
    close = [ScoredSentence(0, 1.0, 0.9, 0.5), ScoredSentence(1, 0.95, 0.9, 0.5)]
    far = [ScoredSentence(0, 1.0, 0.9, 0.5), ScoredSentence(1, 0.5, 0.9, 0.5)]
    assert len(scorer.best_spans(close)) == 2
    assert len(scorer.best_spans(far)) == 1


def test_best_sentence_scores_give_each_passage_its_best_sentence(assistant):
    scorer = SentenceScorer(assistant.index, assistant.settings)
    question = "Sigfox 在多少個國家提供服務？"
    vector = assistant.embedder.encode_queries([question])[0]
    hits = assistant.retriever.search(question, vector, "hybrid", 3)
    best = scorer.best_sentence_scores(question, vector, [h.chunk_id for h in hits])
    scored = scorer.score_sentences(question, vector, hits[:1])
    rank_bonus = assistant.settings.sentence_rank_weight
    assert abs(best[hits[0].chunk_id] - (scored[0].score - rank_bonus)) < 1e-6


def test_a_when_question_is_answered_by_the_sentence_with_the_date(assistant):
    no_type = replace(assistant.settings, answer_type_weight=0.0, day_answer_weight=0.0)
    without = Assistant(assistant.index, assistant.embedder, no_type)
    question, evidence = "市长接受航空日报专访是哪一天？", "6 月 20 日接受法國「航空日報」總編輯"  # a date for 哪一天
    assert not any(evidence in q.quote for q in without.ask(question).quotes)
    assert any(evidence in q.quote for q in assistant.ask(question).quotes)


def test_a_photo_caption_is_quoted_only_when_no_sentence_answers_as_well(assistant):
    from dataclasses import replace

    question = "巴黎市政府由哪位副市長接待？"
    # The title asked for (answer_type) also tells the caption from the sentence, and so does the act of receiving,
    # which counts only where the title is given: leave them out to see the penalty.
    settings = replace(assistant.settings, answer_type_weight=0.0, title_holder_weight=0.0, act_weight=0.0)
    assistant = Assistant(assistant.index, assistant.embedder, settings)
    without = Assistant(assistant.index, assistant.embedder, replace(settings, caption_penalty=0.0))
    captions = assistant.index.document(assistant.sources[0]).template.captions

    def quotes_caption(answer) -> bool:
        return any(any(c0 <= q.start < c1 for c0, c1 in captions) for q in answer.quotes)  # a caption, maybe whole

    assert quotes_caption(without.ask(question))  # the caption beside the photo is quoted without the penalty
    answer = assistant.ask(question)
    assert not quotes_caption(answer) and any("Pénélope Komites" in q.quote for q in answer.quotes)


def test_a_question_asking_for_a_day_quotes_a_sentence_with_the_day_not_a_year(assistant):
    from assistant.answer_type import DAY, offered_kinds

    answer = assistant.ask("去臺中精機是行程裡的哪一天？")  # its section also dates the company's founding (a year)
    assert not answer.abstained and DAY in offered_kinds(answer.quotes[0].quote)


def test_a_question_asking_a_holders_name_is_answered_by_a_sentence_naming_one(assistant):
    question = (
        "臺中精機分公司所在那個小鎮，市長叫什麼名字？"  # not the writers' own 市長, who opens many sentences there
    )
    without = Assistant(assistant.index, assistant.embedder, replace(assistant.settings, title_holder_weight=0.0))
    assert "Munch" not in without.ask(question).quotes[0].quote
    answer = assistant.ask(question)
    assert not answer.abstained and "Munch" in answer.quotes[0].quote


def test_a_nickname_asked_is_answered_by_the_sentence_giving_it(assistant):
    question = "土魯斯的外號叫什麼？"  # the report writes 暱稱, not 外號
    without = Assistant(assistant.index, assistant.embedder, replace(assistant.settings, alias_weight=0.0))
    assert without.ask(question).abstained
    answer = assistant.ask(question)
    assert not answer.abstained and "暱稱為「玫瑰之城」" in answer.quotes[0].quote


def test_a_question_naming_a_party_is_answered_from_the_part_that_mentions_it(assistant):
    question = "MEDEF 是什麼組織？"  # another visit's sentence describes another 組織 at length
    without = Assistant(assistant.index, assistant.embedder, replace(assistant.settings, named_party_weight=0.0))
    assert not any("MEDEF" in q.section for q in without.ask(question).quotes)
    assert any("MEDEF" in q.section for q in assistant.ask(question).quotes)


def test_an_itinerary_row_answers_when_not_what(port_assistant):
    question = "鹿特丹是個怎樣的地方？"  # the row of the day spent there names the city too
    rows = port_assistant.index.document(port_assistant.sources[0]).template.itinerary
    without = Assistant(
        port_assistant.index, port_assistant.embedder, replace(port_assistant.settings, itinerary_row_penalty=0.0)
    )

    def quotes_a_row(answer) -> bool:
        return any(r.start <= q.start < r.end for q in answer.quotes for r in rows)

    assert quotes_a_row(without.ask(question))
    assert not quotes_a_row(port_assistant.ask(question))


def test_a_question_naming_a_day_is_not_answered_by_a_sentence_dated_another_day(port_assistant):
    question = "局長 3 月 6 日率團參訪時，是由誰接待的？"  # the 3/5 sentence shares more words (率團參訪)
    vector = port_assistant.embedder.encode_queries([question])[0]
    hits = port_assistant.retriever.search(question, vector, "hybrid", 10)
    text = port_assistant.index.document(port_assistant.sources[0]).text

    def first(settings) -> str:
        best = SentenceScorer(port_assistant.index, settings).score_sentences(question, vector, hits)[0]
        return text[port_assistant.index.sentences[best.sentence_id].start :][:12]

    assert first(replace(port_assistant.settings, other_day_penalty=0.0)) == "局長於 3 月 5 日率"
    assert first(port_assistant.settings) == "局長於 3 月 6 日拜"


def test_a_visit_the_itinerary_places_in_another_city_than_the_question_names_scores_less(port_assistant):
    text = port_assistant.index.document(port_assistant.sources[0]).text
    elsewhere = port_assistant.template.visits_elsewhere
    penalty = port_assistant.settings.other_place_penalty

    def scores(question: str, settings) -> dict[str, float]:
        vector = port_assistant.embedder.encode_queries([question])[0]
        hits = port_assistant.retriever.search(question, vector, "hybrid", 10)
        scored = SentenceScorer(port_assistant.index, settings, None, elsewhere).score_sentences(question, vector, hits)
        return {text[port_assistant.index.sentences[x.sentence_id].start :][:12]: x.score for x in scored}

    off = replace(port_assistant.settings, other_place_penalty=0.0)
    named, plain = (
        scores("在阿姆斯特丹是由誰接待的？", port_assistant.settings),
        scores("在阿姆斯特丹是由誰接待的？", off),
    )
    assert abs(plain["局長於 3 月 5 日率"] - named["局長於 3 月 5 日率"] - penalty) < 1e-6  # the 鹿特丹 visit
    assert named["局長於 3 月 6 日拜"] == plain["局長於 3 月 6 日拜"]  # the visit in the city named
    assert named["本局為汲取歐洲港灣城市經"] == plain["本局為汲取歐洲港灣城市經"]  # no visit: placed nowhere
    assert scores("是由誰接待的？", port_assistant.settings) == scores("是由誰接待的？", off)  # no city named
    assert elsewhere("從高雄出發是哪天？") == frozenset()  # a city only travelled through places no visit


def test_a_question_asking_for_a_kind_of_answer_reads_deeper_passages(assistant):
    scorer = SentenceScorer(assistant.index, replace(assistant.settings, title_holders_pooled=False))
    s = assistant.settings
    question = "那邊是哪位副市長出面？"  # asks a person with a title
    vector = assistant.embedder.encode_queries([question])[0]
    hits = assistant.retriever.search(question, vector, "hybrid", s.typed_answer_passages)
    assert len(hits) == s.typed_answer_passages > s.answer_passages

    def sentences_of(chosen):
        return {sid for h in chosen for sid in assistant.index.chunk_sentences[h.chunk_id]}

    assert {x.sentence_id for x in scorer.score_sentences(question, vector, hits)} == sentences_of(hits)
    plain = "那邊的情形怎麼樣？"  # asks no kind of answer
    read = {x.sentence_id for x in scorer.score_sentences(plain, vector, hits)}
    assert read == sentences_of(hits[: s.answer_passages])


def test_a_day_asked_ranks_the_sentence_with_the_day_over_one_sharing_more_words(assistant):
    from assistant.answer_type import DAY, offered_kinds

    question = "他們是哪天去看臺中精機在法國的分廠？"  # the company's own paragraph shares more words, and a year
    vector = assistant.embedder.encode_queries([question])[0]
    hits = assistant.retriever.search(question, vector, "hybrid", 10)

    def first(settings) -> str:
        best = SentenceScorer(assistant.index, settings).score_sentences(question, vector, hits)[0]
        s = assistant.index.sentences[best.sentence_id]
        return assistant.index.document(s.doc_id).text[s.start : s.end]

    assert DAY not in offered_kinds(first(replace(assistant.settings, day_answer_weight=0.0)))
    assert DAY in offered_kinds(first(assistant.settings))


def test_an_itinerary_row_continuing_a_dated_row_gives_its_day(port_assistant):
    from assistant.answer_type import DAY

    scorer = SentenceScorer(port_assistant.index, port_assistant.settings)
    document = port_assistant.index.document(port_assistant.sources[0])
    text = document.text
    [afternoon] = [
        i
        for i, s in enumerate(port_assistant.index.sentences)
        if text[s.start : s.end].strip().startswith("下午 鹿特丹")
    ]
    assert DAY in scorer.reading(afternoon).kinds  # "\t下午 鹿特丹\t參觀自動化貨櫃碼頭" under "3/5 (二)"


def test_a_sentence_writing_the_reports_own_city_as_its_city_covers_the_citys_name(port_assistant):
    index = port_assistant.index
    text = index.document(port_assistant.sources[0]).text
    scorer = SentenceScorer(index, port_assistant.settings)
    own = next(s for s in range(len(index.sentences)) if scorer.text(s).startswith("荷蘭港口以數據驅動營運"))
    other = next(s for s in range(len(index.sentences)) if scorer.text(s).startswith("鹿特丹港是歐洲最大"))
    assert "本市" in scorer.text(own) and "高雄" not in scorer.text(own)
    assert "高雄" in scorer.reading(own).tokens  # 服務機關：高雄市政府海洋局 files it: its 本市 is 高雄市
    assert "高雄" not in scorer.reading(other).tokens
    assert "高雄" in text


def test_a_fact_the_report_tells_again_elsewhere_is_quoted_in_both_places(assistant):
    question = "市長希望 Sigfox 在臺中設立什麼？"
    restated = "未來將積極邀請 Sigfox 來本市設立研發中心"  # the reflections tell the visit's invitation again
    without = Assistant(assistant.index, assistant.embedder, replace(assistant.settings, restatement_chars=0))
    assert not any(restated in q.quote for q in without.ask(question).quotes)
    quotes = assistant.ask(question).quotes
    assert any(restated in q.quote for q in quotes) and any("邀請 Sigfox 至本市設立研發中心" in q.quote for q in quotes)
    assert all(assistant.index.document(q.source).text[q.start : q.end] == q.quote for q in quotes)


def test_a_sentence_sharing_only_a_name_written_again_and_again_is_no_restatement(assistant):
    scorer = SentenceScorer(assistant.index, assistant.settings)

    def sentence(words: str) -> int:
        return _sentence(scorer, words)

    def quoted(first: int, second: int) -> int:  # the second scores too little for a second quote of its own
        return len(scorer.best_spans([ScoredSentence(first, 1.0, 0.9, 0.5), ScoredSentence(second, 0.9, 0.9, 0.5)]))

    # Both name the town the report writes in several sentences; nothing else they say is the same.
    assert quoted(sentence("黃明和董事長及蔡國泰總經理"), sentence("位於法國法蘭西島大區")) == 1
    assert quoted(sentence("邀請 Sigfox 至本市設立研發中心"), sentence("邀請 Sigfox 來本市設立研發中心")) == 2
    # Two visits' accounts end in the same purpose phrase (做為本市大車站計畫中綠空鐵道…): two facts, not one told twice.
    assert quoted(sentence("張副市長率本府團隊步行走訪"), sentence("為請益巴黎左岸第 13 區")) == 1


def test_why_a_visit_was_made_quotes_the_purpose_the_reflections_give_it_too(assistant):
    scorer = SentenceScorer(assistant.index, assistant.settings, parties=assistant.parties)

    def sentence(words: str) -> int:
        return _sentence(scorer, words)

    account, reflection = sentence("張副市長率本府團隊步行走訪"), sentence("此行透過實地踏勘巴黎綠蔭步道")
    scored = [ScoredSentence(account, 1.0, 0.9, 0.5), ScoredSentence(reflection, 0.9, 0.9, 0.5)]
    spans = scorer.best_spans(scored, "為什麼要去走巴黎綠蔭步道？")  # the name as the report writes it
    assert len(spans) == 2
    doc_id, start, end, _ = spans[1]
    quote = assistant.index.document(doc_id).text[start:end]
    # The purpose clauses after its 「；」 come with it.
    assert quote.startswith("此行透過實地踏勘巴黎綠蔭步道") and quote.endswith("辦理綠空鐵道公園的規劃設計參考。")
    assert len(scorer.best_spans(scored, "巴黎綠蔭步道有多長？")) == 1  # no why asked
    assert len(scorer.best_spans(scored, "為什麼要去參訪空中巴士？")) == 1  # the reflection names another party
    assert len(scorer.best_spans(scored)) == 1
    weaker = [ScoredSentence(account, 1.0, 0.9, 0.5), ScoredSentence(reflection, 0.8, 0.9, 0.5)]
    assert len(scorer.best_spans(weaker, "為什麼要去走巴黎綠蔭步道？")) == 1  # under 0.85 of the best


def test_what_sets_a_place_apart_is_answered_by_the_sentence_telling_a_first(assistant):
    question, evidence = "綠蔭步道有什麼特別的地方？", "世界上第一個利用舊有軌道線路改造成的鐵道線狀公園"
    without = Assistant(assistant.index, assistant.embedder, replace(assistant.settings, distinction_weight=0.0))
    assert not any(evidence in q.quote for q in without.ask(question).quotes)
    assert any(evidence in q.quote for q in assistant.ask(question).quotes)


def test_why_one_was_sent_and_not_another_is_answered_by_the_sentence_giving_a_cause(assistant):
    question, cause = "巴黎那邊為什麼是副市長出來，不是市長本人？", "此行適逢法國國會大選"
    without = Assistant(assistant.index, assistant.embedder, replace(assistant.settings, cause_weight=0.0))
    assert not without.ask(question).quotes[0].quote.startswith(cause)
    assert assistant.ask(question).quotes[0].quote.startswith(cause)


def _passage_whose_part_alone_has(index, marked: set[int]) -> tuple[int, set[int]]:
    """Return a passage of a visit (a part) holding none of the `marked` sentences though another passage of the
    part does, and the marked sentences of that part."""

    def part(chunk_id: int) -> tuple:
        chunk = index.chunks[chunk_id]
        document = index.document(chunk.doc_id)
        return chunk.doc_id, document.parts[document.part_at(chunk.start)][1:]

    chunk_id = next(
        c
        for c in range(len(index.chunks))
        if index.chunk_sentences[c]
        and not marked & set(index.chunk_sentences[c])
        and any(part(o) == part(c) and marked & set(index.chunk_sentences[o]) for o in range(len(index.chunks)))
    )
    doc_id, (start, end) = part(chunk_id)
    return chunk_id, {
        i for i in marked if index.sentences[i].doc_id == doc_id and start <= index.sentences[i].start < end
    }


def test_which_holder_of_a_title_also_reads_the_sentences_naming_one_in_the_visits_found(assistant):
    from assistant.answer_type import NAMED_TITLE
    from assistant.retrieval import Hit

    index, question = assistant.index, "那邊是哪位副市長出面？"
    scorer = SentenceScorer(index, assistant.settings)
    named = {i for i in range(len(index.sentences)) if NAMED_TITLE + "副市長" in scorer.reading(i).kinds}
    chunk_id, in_part = _passage_whose_part_alone_has(index, named)  # a deputy mayor named in another passage
    vector = assistant.embedder.encode_queries([question])[0]
    read = {x.sentence_id for x in scorer.score_sentences(question, vector, [Hit(chunk_id, 1.0)])}
    assert in_part and read == set(index.chunk_sentences[chunk_id]) | in_part  # that visit's holders, no other's
    plain = {x.sentence_id for x in scorer.score_sentences("那邊的情形怎麼樣？", vector, [Hit(chunk_id, 1.0)])}
    assert plain == set(index.chunk_sentences[chunk_id])  # no title asked: the passage alone


def test_who_received_them_also_reads_the_sentences_telling_it_in_the_visit_found_first(assistant):
    from assistant.retrieval import Hit

    index, question = assistant.index, "那邊出來接的是誰？"
    scorer = SentenceScorer(index, assistant.settings)
    told = {i for i in range(len(index.sentences)) if "<received>" in scorer.reading(i).tokens}
    chunk_id, in_part = _passage_whose_part_alone_has(index, told)  # the receiving told in another passage
    vector = assistant.embedder.encode_queries([question])[0]
    alone = {x.sentence_id for x in scorer.score_sentences(question, vector, [Hit(chunk_id, 1.0)])}
    assert in_part and alone == set(index.chunk_sentences[chunk_id]) | in_part  # that visit's, no other's
    plain = {x.sentence_id for x in scorer.score_sentences("那邊的情形怎麼樣？", vector, [Hit(chunk_id, 1.0)])}
    assert plain == set(index.chunk_sentences[chunk_id])  # no one asked for: the passage alone
    off = SentenceScorer(index, replace(assistant.settings, doers_pooled=False))
    assert {x.sentence_id for x in off.score_sentences(question, vector, [Hit(chunk_id, 1.0)])} == plain


def test_a_question_asking_for_several_things_ranks_the_sentence_naming_them_first(assistant):
    question = "綠蔭步道分成哪幾段？"
    vector = assistant.embedder.encode_queries([question])[0]
    hits = assistant.retriever.search(question, vector, "hybrid", 10)
    scorer = SentenceScorer(assistant.index, assistant.settings)
    listing = _sentence(scorer, "主要包括藝術高架橋")
    plain = SentenceScorer(assistant.index, replace(assistant.settings, items_weight=0.0))
    assert scorer.score_sentences(question, vector, hits)[0].sentence_id == listing
    assert plain.score_sentences(question, vector, hits)[0].sentence_id != listing


def test_what_is_to_be_done_ranks_the_sentence_telling_a_plan_first(assistant):
    from assistant.retrieval import Hit

    question = "達梭簽完備忘錄之後會幫臺中做什麼？"
    vector = assistant.embedder.encode_queries([question])[0]
    scorer = SentenceScorer(assistant.index, assistant.settings)
    plan = _sentence(scorer, "全力推動達梭系統與本市")
    chunk = _chunk_holding(assistant.index, plan)
    hits = [
        Hit(chunk, 1.0),
        *(h for h in assistant.retriever.search(question, vector, "hybrid", 3) if h.chunk_id != chunk),
    ]
    plain = SentenceScorer(assistant.index, replace(assistant.settings, planned_weight=0.0))
    with_plan = {s.sentence_id: s.score for s in scorer.score_sentences(question, vector, hits)}
    without = {s.sentence_id: s.score for s in plain.score_sentences(question, vector, hits)}
    assert with_plan[plan] - without[plan] == pytest.approx(assistant.settings.planned_weight)
    assert max(with_plan, key=with_plan.get) == plan


def test_a_plan_the_party_asked_of_will_carry_out_ranks_above_the_writers_plan_about_it(assistant):
    question = "跟達梭系統簽的備忘錄，他們之後要幫臺中做什麼？"
    vector = assistant.embedder.encode_queries([question])[0]
    scorer = SentenceScorer(assistant.index, assistant.settings, assistant.parties)
    plain = SentenceScorer(assistant.index, replace(assistant.settings, planned_by_party_weight=0.0), assistant.parties)
    theirs = _sentence(scorer, "未來達梭系統將提供本市")  # the party will provide
    ours = _sentence(scorer, "期盼未來可進一步運用達梭")  # the writers hope to use its software
    ids = [theirs, ours]
    by = {x.sentence_id: x.score for x in scorer._score(question, vector, ids)}
    without = {x.sentence_id: x.score for x in plain._score(question, vector, ids)}
    assert by[theirs] - without[theirs] == pytest.approx(assistant.settings.planned_by_party_weight)
    assert by[ours] == pytest.approx(without[ours])
    assert by[theirs] > by[ours]


@pytest.mark.parametrize(
    ("sentence", "by_party"),
    [
        ("未來港務局將協助本市建置數據平臺", True),
        ("港務局亦將派員來訪", True),
        ("期盼未來與港務局召開會議", False),  # 會議: a meeting, no will
        ("後續將邀請港務局參加博覽會", False),  # the writers invite it
        ("港務局不會提供補助", False),  # will not
    ],
)
def test_a_plan_is_the_partys_only_when_it_will_carry_it_out(sentence, by_party):
    from assistant.sentence_scoring import _planned_by

    assert _planned_by(sentence, [("港務局",)]) is by_party


def test_a_plan_asked_reads_deeper_passages_and_its_act_only_dates_it(assistant):
    from assistant.retrieval import Hit

    question = "達梭簽了備忘錄，那他們往後要幫臺中做哪些事？"
    vector = assistant.embedder.encode_queries([question])[0]
    scorer = SentenceScorer(assistant.index, assistant.settings)
    plan = _sentence(scorer, "全力推動達梭系統與本市")
    chunk = _chunk_holding(assistant.index, plan)
    above = [h for h in assistant.retriever.search(question, vector, "hybrid", 10) if h.chunk_id != chunk][:4]
    hits = [*above, Hit(chunk, 0.1)]  # the plan's passage fifth: below answer_passages, within typed_answer_passages
    assert len(hits) > assistant.settings.answer_passages
    assert plan in {x.sentence_id for x in scorer.score_sentences(question, vector, hits)}
    # Signing frames the plan: a sentence telling of the signing gains nothing for it.
    signing = _sentence(scorer, "共同簽署合作備忘錄")
    no_acts = SentenceScorer(assistant.index, replace(assistant.settings, act_weight=0.0))
    hits = [Hit(c, 1.0) for c, ids in enumerate(assistant.index.chunk_sentences) if signing in ids]
    scores = {x.sentence_id: x.score for x in scorer.score_sentences(question, vector, hits)}
    assert scores[signing] == pytest.approx(
        {x.sentence_id: x.score for x in no_acts.score_sentences(question, vector, hits)}[signing]
    )
    assert "<signed>" in scorer.reading(signing).tokens


def test_a_caption_over_two_lines_is_read_whole_and_dates_the_act_it_tells(assistant):
    # The caption beside the clipping: "…產業與科技版 6 月 29 日" over "刊登該報…專訪市長報導".
    scorer = SentenceScorer(assistant.index, assistant.settings)
    first = _sentence(scorer, "產業與科技版 6 月 29 日", end=True)
    reading = scorer.reading(first)
    assert reading.caption and "<published>" in reading.tokens and reading.dated == {"<published>"}
    # The account dates the interview, not its publication ("6 月 20 日接受…專訪，並刊登於…").
    account = _sentence(scorer, "並刊登於該報")
    assert "<published>" in scorer.reading(account).tokens and not scorer.reading(account).dated


def test_when_an_act_was_done_ranks_the_sentence_dating_that_act_higher(assistant):
    from assistant.retrieval import Hit

    question = "市長受訪的那篇哪天登出來？"
    vector = assistant.embedder.encode_queries([question])[0]
    scorer = SentenceScorer(assistant.index, assistant.settings)
    plain = SentenceScorer(assistant.index, replace(assistant.settings, dated_act_weight=0.0))
    caption = next(
        i for i in range(len(assistant.index.sentences)) if scorer.text(i).endswith("產業與科技版 6 月 29 日")
    )
    account = _sentence(scorer, "並刊登於該報")
    hits = [Hit(c, 1.0) for c, ids in enumerate(assistant.index.chunk_sentences) if caption in ids or account in ids]
    with_dates = {x.sentence_id: x.score for x in scorer.score_sentences(question, vector, hits)}
    without = {x.sentence_id: x.score for x in plain.score_sentences(question, vector, hits)}
    assert with_dates[caption] - without[caption] == pytest.approx(assistant.settings.dated_act_weight)
    assert with_dates[account] == pytest.approx(without[account])
    assert any("6 月 29 日" in q.quote for q in assistant.ask(question).quotes)


def test_an_act_asked_beside_a_kind_of_answer_counts_only_for_a_sentence_giving_that_kind(assistant):
    from assistant.retrieval import Hit

    question = "綠蔭步道總長幾公里？他們步行走了多遠？"
    vector = assistant.embedder.encode_queries([question])[0]
    scorer = SentenceScorer(assistant.index, assistant.settings)
    no_acts = SentenceScorer(assistant.index, replace(assistant.settings, act_weight=0.0))
    walk = _sentence(scorer, "率本府團隊步行走訪")
    assert "<walked>" in scorer.reading(walk).tokens  # tells of the walk, gives no length
    hits = [Hit(c, 1.0) for c, ids in enumerate(assistant.index.chunk_sentences) if walk in ids]
    with_acts = {x.sentence_id: x.score for x in scorer.score_sentences(question, vector, hits)}
    without = {x.sentence_id: x.score for x in no_acts.score_sentences(question, vector, hits)}
    assert with_acts[walk] == pytest.approx(without[walk])


def test_who_received_them_at_a_party_named_reads_its_visit_whichever_part_the_passages_found_hold(assistant):
    import re

    from assistant.retrieval import Hit

    index = assistant.index
    scorer = SentenceScorer(index, assistant.settings, assistant.parties)
    doc_id = index.chunks[0].doc_id
    document = index.document(doc_id)
    # A visit whose heading names a party in Latin letters, and the sentences of that visit telling who received.
    named = [
        (m.group(0), start, end)
        for head, start, end in document.parts
        if len(head.path) > 1 and (m := re.search(r"[A-Z][a-z]{3,}", head.path[-1]))
    ]
    name, start, end = next(
        (n, a, b)
        for n, a, b in named
        if any("<received>" in scorer.reading(i).tokens for i in index.sentences_within(doc_id, a, b))
    )
    told = {i for i in index.sentences_within(doc_id, start, end) if "<received>" in scorer.reading(i).tokens}
    elsewhere = next(
        c for c, chunk in enumerate(index.chunks) if chunk.doc_id == doc_id and not start <= chunk.start < end
    )
    question = f"去 {name} 的時候，對方是誰全程陪同？"
    vector = assistant.embedder.encode_queries([question])[0]
    read = {x.sentence_id for x in scorer.score_sentences(question, vector, [Hit(elsewhere, 1.0)])}
    assert told <= read  # the party's visit read, though the passage found is another's
    unnamed = "那時候對方是誰全程陪同？"  # no party named: the visit found alone
    assert not told & {x.sentence_id for x in scorer.score_sentences(unnamed, vector, [Hit(elsewhere, 1.0)])}


def test_a_passage_that_is_a_parts_heading_alone_is_read_with_the_parts_first_passage(assistant):
    from assistant.retrieval import Hit
    from assistant.text.layout import is_heading_line

    index, scorer = assistant.index, SentenceScorer(assistant.index, assistant.settings)
    chunks = index.chunks
    heading = next(
        i
        for i, c in enumerate(chunks[:-1])
        if is_heading_line(c.text)
        and "\n" not in c.text.strip()
        and (chunks[i + 1].doc_id, chunks[i + 1].section) == (c.doc_id, c.section)
    )
    vector = assistant.embedder.encode_queries([chunks[heading].text])[0]
    read = {s.sentence_id for s in scorer.score_sentences(chunks[heading].text, vector, [Hit(heading, 1.0)])}
    assert set(index.chunk_sentences[heading + 1]) <= read  # the heading's lead, which tells what it names
    body = next(i for i, c in enumerate(chunks[:-1]) if not is_heading_line(c.text) and i != heading + 1)
    vector = assistant.embedder.encode_queries([chunks[body].text])[0]
    read = {s.sentence_id for s in scorer.score_sentences(chunks[body].text, vector, [Hit(body, 1.0)])}
    assert not read & set(index.chunk_sentences[body + 1])  # a passage of text is read alone
