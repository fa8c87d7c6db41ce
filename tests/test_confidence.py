"""Deciding to answer: signals, the calibrated confidence, its band, and abstaining with the reason said."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant import confidence
from assistant.confidence import NO_SHARED_WORDS_NOTICE, ConfidenceModel
from assistant.config import Settings
from assistant.evidence import Evidence
from assistant.premise import LED, SCHEDULE, Mention
from assistant.retrieval import Hit
from assistant.sentence_scoring import ScoredSentence


@pytest.fixture
def model(assistant) -> ConfidenceModel:
    return ConfidenceModel(assistant.settings, assistant.composer.scorer)


@pytest.mark.parametrize(
    ("above_high", "abstained", "level"), [(0.01, False, "high"), (-0.01, False, "medium"), (0.01, True, "low")]
)
def test_the_band_shown_follows_the_confidence_and_an_abstention_is_low(model, above_high, abstained, level):
    assert model.level(model.settings.confidence_high + above_high, abstained) == level


def test_without_a_fitted_model_a_template_answer_is_given_the_template_confidence(assistant):
    plain = ConfidenceModel(replace(Settings(), confidence_weights=()), assistant.composer.scorer)
    signals = {"blend": 0.3, "coverage": 0.0, "missing": 0.0, "template": 1.0, "han": 1.0, "type": 0.0}
    assert plain.calibrated(signals) == Settings().template_confidence
    assert plain.calibrated(signals | {"template": 0.0}) == 0.3


def test_the_fitted_confidence_rises_with_coverage_and_falls_with_missing_words(model):
    base = {"blend": 0.5, "coverage": 0.5, "missing": 0.0, "template": 0.0, "han": 1.0, "type": 0.0}
    assert (
        model.calibrated(base | {"coverage": 1.0}) > model.calibrated(base) > model.calibrated(base | {"missing": 1.0})
    )


def test_a_question_without_words_has_no_signals_to_answer_on(model):
    best = ScoredSentence(0, 1.0, 0.95, 1.0)
    assert model.blend(best, [Hit(0, 1.0, 0.95)], "？？？") == 0.0
    assert model.blend(None, [Hit(0, 1.0, 0.95)], "Sigfox") == 0.0


def test_an_english_question_is_as_close_as_the_report_words_it_translates_to_that_the_best_sentence_holds(model):
    floor = model.settings.confidence_floor_other
    sharing, neither = ScoredSentence(0, 1.0, floor, 0.75), ScoredSentence(0, 1.0, floor, 0.0)
    hits = [Hit(0, 1.0, floor)]
    assert model.blend(sharing, hits, "What was the MoU they signed?") == model.settings.coverage_weight * 0.75
    assert model.blend(neither, hits, "What was the MoU they signed?") == 0.0  # neither close nor sharing words


def _evidence(**fields) -> Evidence:
    return Evidence("q", "Sigfox 在多少個國家提供服務？", None, [Hit(0, 1.0, 0.99)], "hybrid", **fields)


def test_a_confident_sentence_is_answered(model, assistant):
    # The sentence that answers it: it names Sigfox and gives a number of countries.
    index = assistant.index
    sid = next(
        i for i, s in enumerate(index.sentences) if "國家" in model.scorer.text(i) and "Sigfox" in model.scorer.text(i)
    )
    decision = model.decide(_evidence(question_words=["sigfox"]), ScoredSentence(sid, 1.0, 0.99, 1.0))
    assert not decision.abstained and decision.confidence >= model.settings.abstain_threshold
    assert decision.signals["type"] == 1.0 and decision.signals["asked"] == 1.0


def test_a_kind_asked_for_and_not_given_lowers_the_confidence(model):
    given = {"blend": 0.7, "coverage": 0.6, "missing": 0.0, "template": 0.0, "han": 1.0, "type": 1.0, "asked": 1.0}
    assert model.calibrated(given) > model.calibrated(given | {"asked": 0.0, "type": 0.0})  # nothing asked
    assert model.calibrated(given | {"asked": 0.0, "type": 0.0}) > model.calibrated(given | {"type": 0.0})


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ({"unknown_names": ["里昂"]}, "里昂"),
        ({"false_premises": [Mention("漢堡", "r.txt", 0, 2)]}, "漢堡"),
        ({"false_premises": [Mention("港務局", "r.txt", 0, 3, SCHEDULE, "3/6")]}, "does not put 港務局 on 3/6"),
        ({"false_premises": [Mention("港務局", "r.txt", 0, 3, SCHEDULE, "漢堡")]}, "does not put 港務局 in 漢堡"),
        ({"false_premises": [Mention("局長", "r.txt", 0, 3, LED, "處長")]}, "led by the 處長"),
        ({"shares_words": False}, NO_SHARED_WORDS_NOTICE),
    ],
)
def test_each_reason_to_abstain_abstains_and_is_said(model, fields, said):
    decision = model.decide(_evidence(**fields), ScoredSentence(0, 1.0, 0.99, 1.0))
    assert decision.abstained and decision.level == "low"
    assert any(said in notice for notice in decision.notices)


def _sentence_with(assistant, text: str) -> int:
    """Return the id of the report's first sentence holding `text`."""
    index = assistant.index
    return next(i for i, s in enumerate(index.sentences) if text in index.document(s.doc_id).text[s.start : s.end])


def test_nothing_to_quote_abstains(model):
    assert model.decide(_evidence(), None).abstained


@pytest.mark.parametrize(
    ("question", "word", "giving", "notice"),
    [
        ("法國企業聯盟的年度經費是多少？", "經費", "億元", "NO_AMOUNT_NOTICE"),  # a cost: an amount of money
        ("法國企業聯盟送了市長什麼禮物？", "禮物", "致贈", "NO_GIFT_NOTICE"),  # a gift: one given
    ],
)
def test_a_cost_or_gift_question_whose_best_sentence_gives_none_abstains_saying_so(
    model, assistant, question, word, giving, notice
):
    said = getattr(confidence, notice)
    without, with_it = _sentence_with(assistant, "成立於 1998 年"), _sentence_with(assistant, giving)
    evidence = Evidence("q", question, None, [Hit(0, 1.0, 0.99)], "hybrid", question_words=[word])
    refused = model.decide(evidence, ScoredSentence(without, 1.0, 0.99, 1.0))
    assert refused.abstained and said in refused.notices
    assert said not in model.decide(evidence, ScoredSentence(with_it, 1.0, 0.99, 1.0)).notices


def test_what_a_gift_was_asked_of_a_sentence_giving_it_unnamed_abstains_saying_the_report_does_not_tell(
    model, assistant
):
    unnamed = _sentence_with(assistant, "致贈紀念品")
    asked = Evidence("q", "那份紀念品是什麼東西？", None, [Hit(0, 1.0, 0.99)], "hybrid", question_words=["紀念品"])
    refused = model.decide(asked, ScoredSentence(unnamed, 1.0, 0.99, 1.0))
    assert refused.abstained and confidence.UNNAMED_GIFT_NOTICE in refused.notices
    assert confidence.NO_GIFT_NOTICE not in refused.notices
    whether = Evidence("q", "市長有送紀念品嗎？", None, [Hit(0, 1.0, 0.99)], "hybrid", question_words=["紀念品"])
    assert not model.decide(whether, ScoredSentence(unnamed, 1.0, 0.99, 1.0)).abstained


def test_a_count_question_whose_best_sentence_counts_something_else_abstains_saying_so(model, assistant):
    from assistant.confidence import NO_COUNT_NOTICE

    without, with_count = _sentence_with(assistant, "成立於 1998 年"), _sentence_with(assistant, "7,000 名雇員")
    for question in ("那個聯盟有多少員工？", "How many employees does the federation have?"):
        evidence = Evidence("q", question, None, [Hit(0, 1.0, 0.99)], "hybrid", question_words=["員工"])
        refused = model.decide(evidence, ScoredSentence(without, 1.0, 0.99, 1.0))
        assert refused.abstained and NO_COUNT_NOTICE in refused.notices
        assert NO_COUNT_NOTICE not in model.decide(evidence, ScoredSentence(with_count, 1.0, 0.99, 1.0)).notices
    floors = Evidence("q", "那個聯盟的總部有幾層樓？", None, [Hit(0, 1.0, 0.99)], "hybrid", question_words=["總部"])
    for sentence in (without, with_count):  # a year or a staff count is no count of floors
        assert NO_COUNT_NOTICE in model.decide(floors, ScoredSentence(sentence, 1.0, 0.99, 1.0)).notices
    place = Evidence("q", "那個聯盟總部在哪裡？", None, [Hit(0, 1.0, 0.99)], "hybrid", question_words=["總部"])
    assert NO_COUNT_NOTICE not in model.decide(place, ScoredSentence(without, 1.0, 0.99, 1.0)).notices
    # Goods come in tonnes, not in a count of goods: only counts of people, firms, years, floors… are held to it.
    goods = Evidence("q", "那個聯盟一年經手多少貨物？", None, [Hit(0, 1.0, 0.99)], "hybrid", question_words=["貨物"])
    assert NO_COUNT_NOTICE not in model.decide(goods, ScoredSentence(without, 1.0, 0.99, 1.0)).notices


def test_a_count_asked_with_which_ones_is_answered_by_the_list_without_a_count(model, assistant):
    from assistant.confidence import NO_COUNT_NOTICE

    listing = _sentence_with(assistant, "參展商包括")  # names the exhibitors, counts none
    for question in ("加拿大館參展的有幾家？是哪幾家？", "How many exhibitors were there, and which ones?"):
        evidence = Evidence("q", question, None, [Hit(0, 1.0, 0.99)], "hybrid", question_words=["加拿大館"])
        decision = model.decide(evidence, ScoredSentence(listing, 1.0, 0.99, 1.0))
        assert not decision.abstained and NO_COUNT_NOTICE not in decision.notices, question
    alone = Evidence("q", "加拿大館參展的有幾家？", None, [Hit(0, 1.0, 0.99)], "hybrid", question_words=["加拿大館"])
    refused = model.decide(alone, ScoredSentence(listing, 1.0, 0.99, 1.0))
    assert refused.abstained and NO_COUNT_NOTICE in refused.notices  # a count alone: the report gives none


def test_a_question_about_what_came_of_the_trip_later_abstains_saying_why(model, assistant):
    from assistant.confidence import LATER_OUTCOME_NOTICE

    sid = next(i for i, s in enumerate(assistant.index.sentences) if "Sigfox" in model.scorer.text(i))
    later = Evidence(
        "q", "Sigfox 後來真的有來設研發中心嗎？", None, [Hit(0, 1.0, 0.99)], "hybrid", question_words=["sigfox"]
    )
    decision = model.decide(later, ScoredSentence(sid, 1.0, 0.99, 1.0))
    assert decision.abstained and LATER_OUTCOME_NOTICE in decision.notices
    kept = model.decide(replace(later, query_text="Sigfox 有沒有提到研發中心？"), ScoredSentence(sid, 1.0, 0.99, 1.0))
    assert LATER_OUTCOME_NOTICE not in kept.notices


def test_an_age_length_or_time_of_day_asked_where_the_best_sentence_gives_none_abstains(model, assistant):
    from assistant.confidence import NO_UNIT_NOTICE

    founded = _sentence_with(assistant, "成立於 1998 年")  # a number, but no age or length of time
    for question in (
        "那位主席今年幾歲？",
        "跟那個聯盟談了多久？",
        "How long did the talks last?",
        "會談是幾點開始的？",
    ):
        evidence = Evidence("q", question, None, [Hit(0, 1.0, 0.99)], "hybrid", question_words=["聯盟"])
        decision = model.decide(evidence, ScoredSentence(founded, 1.0, 0.99, 1.0))
        assert decision.abstained and NO_UNIT_NOTICE in decision.notices, question
    # A year answers when it was founded and how long ago.
    for question in ("那個聯盟是哪一年成立的？", "那個聯盟成立多久了？"):
        asked = Evidence("q", question, None, [Hit(0, 1.0, 0.99)], "hybrid", question_words=["聯盟"])
        assert NO_UNIT_NOTICE not in model.decide(asked, ScoredSentence(founded, 1.0, 0.99, 1.0)).notices, question


def test_a_year_asked_where_the_best_sentence_writes_only_a_day_abstains(model, assistant):
    from assistant.confidence import NO_UNIT_NOTICE

    dated = _sentence_with(assistant, "於 6 月 22 日市長率團拜會")  # a day of the month, no year
    for question in ("那個組織是哪一年成立的？", "What year was that body founded?"):
        evidence = Evidence("q", question, None, [Hit(0, 1.0, 0.99)], "hybrid", question_words=["組織"])
        decision = model.decide(evidence, ScoredSentence(dated, 1.0, 0.99, 1.0))
        assert decision.abstained and NO_UNIT_NOTICE in decision.notices, question
    # A day asked, or the year of a step of the trip (its cover's year), is no year the sentence must write.
    for question in ("他們是哪一天去拜會的？", "他們是哪一年去拜會的？", "What year did they visit?"):
        asked = Evidence("q", question, None, [Hit(0, 1.0, 0.99)], "hybrid", question_words=["拜會"])
        assert NO_UNIT_NOTICE not in model.decide(asked, ScoredSentence(dated, 1.0, 0.99, 1.0)).notices, question


def test_a_question_naming_a_day_its_best_sentence_dates_otherwise_abstains_saying_which_day(model, assistant):
    dated = _sentence_with(assistant, "於 6 月 22 日市長率團拜會")

    def decide(question: str):
        evidence = Evidence("q", question, None, [Hit(0, 1.0, 0.99)], "hybrid", question_words=["組織"])
        return model.decide(evidence, ScoredSentence(dated, 1.0, 0.99, 1.0))

    wrong = decide("6月21號拜會那個組織時，主席談了什麼？")
    assert wrong.abstained and "The report dates it 6/22, not 6/21." in " ".join(wrong.notices)
    assert not decide("6月22號拜會那個組織時，主席談了什麼？").abstained
    assert not decide("6月21號之後拜會了哪個組織？").abstained  # counted from the day named, not of it


def test_an_undated_sentence_of_a_visit_the_itinerary_schedules_on_another_day_abstains(assistant):
    caption = _sentence_with(assistant, "致贈市長環法冠軍黃衫")  # a photo caption: no date of its own
    scheduled = ConfidenceModel(assistant.settings, assistant.composer.scorer, assistant.template.scheduled_days)

    def decide(model: ConfidenceModel, question: str):
        evidence = Evidence("q", question, None, [Hit(0, 1.0, 0.99)], "hybrid", question_words=["主席"])
        return model.decide(evidence, ScoredSentence(caption, 1.0, 0.99, 1.0))

    wrong = decide(scheduled, "6/23 那天主席送了市長什麼？")
    assert wrong.abstained and "The report dates it 6/22, not 6/23." in " ".join(wrong.notices)
    assert not decide(scheduled, "6/22 那天主席送了市長什麼？").abstained
    # A day the visit's own text writes (a caption dating a later article) is no other day.
    article = _sentence_with(assistant, "刊登該報 G 總編輯專訪市長報導")
    evidence = Evidence(
        "q", "6/29 刊登的那篇專訪寫了什麼？", None, [Hit(0, 1.0, 0.99)], "hybrid", question_words=["專訪"]
    )
    assert not scheduled.decide(evidence, ScoredSentence(article, 1.0, 0.99, 1.0)).abstained
    unscheduled = ConfidenceModel(assistant.settings, assistant.composer.scorer)
    assert not decide(unscheduled, "6/23 那天主席送了市長什麼？").abstained  # a sentence's own date alone: none
