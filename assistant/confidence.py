"""Decide whether to answer: the best sentence's signals, a calibrated confidence, its band, and abstention."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from .answer_type import (
    GIFT,
    HEADCOUNT_NOUNS,
    MONEY,
    NAMED_GIFT,
    NUMBER,
    RETURN_GIFT,
    answers_kind,
    asked_kinds,
    asks_a_unit,
    asks_later_outcome,
    asks_which_ones,
    counted_nouns,
    counts,
    gives_a_number,
    gives_the_unit,
)
from .calibration import logistic
from .config import Settings
from .evidence import Evidence
from .intent import counts_from_a_day
from .premise import AGREEMENT, LED, NO_DAY, NOT_AT, SCHEDULE, TITLED, TOGETHER, VISIT
from .retrieval import Hit
from .sentence_scoring import ScoredSentence, SentenceScorer
from .text.normalize import has_han
from .text.tokens import content_tokens

NO_SHARED_WORDS_NOTICE = "問題中的字詞都不在報告裡。None of the question's words occur in the report."
NO_AMOUNT_NOTICE = "報告中找不到這筆金額。The report states no such amount of money."
NO_COUNT_NOTICE = "報告中找不到這個數目。The report gives no such count."
NO_PERSON_NOTICE = (
    "報告提到「{name}」，但找到的句子都沒有提到這個人。The report mentions {name}, but none of the sentences found for "
    "this question do."
)
NO_GIFT_NOTICE = "報告中沒有記載這份禮物。The report tells of no such gift."
UNNAMED_GIFT_NOTICE = "報告只寫到致贈禮物，沒有寫是什麼。The report tells of a gift given, not what it was."
OTHER_DAY_NOTICE = "報告記載的日期是 {told}，不是 {asked}。The report dates it {told}, not {asked}."
NO_UNIT_NOTICE = (
    "報告中沒有寫出這個年份、年齡、時長或時刻。The report states no such year, age, length of time or time of day."
)
LATER_OUTCOME_NOTICE = (
    "報告寫於出訪結束時，沒有記載後來的結果。The report was written at the end of the trip; it does not tell what "
    "came of it later."
)


@dataclass(frozen=True)
class Decision:
    """Whether to answer, how sure, and what to tell the user about it."""

    abstained: bool
    confidence: float
    level: str  # "high", "medium" or "low": the band shown to users
    signals: dict[str, float]
    notices: list[str]


def without_person(decision: Decision, name: str) -> Decision:
    """Return `decision` turned into an abstention because no quote names `name`, the person the question asks of."""
    notices = [*decision.notices, NO_PERSON_NOTICE.format(name=name)]
    return replace(decision, abstained=True, level="low", notices=notices)


class ConfidenceModel:
    """Turns what the answer step found into one calibrated confidence and the decision to answer or abstain."""

    def __init__(
        self,
        settings: Settings,
        scorer: SentenceScorer,
        scheduled_days: Callable[[str, str], tuple[str, ...]] | None = None,
    ) -> None:
        self.settings = settings
        self.scorer = scorer
        # The days the itinerary gives a section's visit (structured.TemplateAnswerer.scheduled_days).
        self.scheduled_days = scheduled_days

    def decide(self, evidence: Evidence, best: ScoredSentence | None) -> Decision:
        """Return whether to abstain (low confidence, unknown names, a false premise, no shared words, nothing to
        quote), the confidence and its band, and the notices that say why."""
        e, replaces = evidence, evidence.template_replaces
        signals = self.signals(best, e.hits, e.query_text, e.question_words, e.missing, replaces)
        confidence = self.calibrated(signals)
        no_words = not e.shares_words and not replaces
        no_amount = self._lacks_amount(e, best) and not replaces
        no_gift = self._lacks_gift(e, best) and not replaces
        no_count = (self._lacks_count(e, best) or self._lacks_number(e, best)) and not replaces
        no_unit = self._lacks_unit(e, best) and not replaces and not no_count
        other_day = self._dated_otherwise(e, best) if not replaces else None
        later = self.settings.abstain_on_later_outcome and asks_later_outcome(e.query_text) and not replaces
        abstained = (
            (best is None and not replaces)
            or confidence < self.settings.abstain_threshold
            or bool(e.unknown_names)
            or bool(e.false_premises)
            or no_words
            or no_amount
            or no_gift
            or no_count
            or no_unit
            or bool(other_day)
            or later
        )
        notices = [*e.notices, *([NO_SHARED_WORDS_NOTICE] if no_words else []), *_why_notices(e)]
        notices += [NO_AMOUNT_NOTICE] if no_amount else []
        if no_gift:
            told = best is not None and GIFT in self.scorer.reading(best.sentence_id).kinds
            notices.append(UNNAMED_GIFT_NOTICE if told else NO_GIFT_NOTICE)
        notices += [NO_COUNT_NOTICE] if no_count else []
        notices += [NO_UNIT_NOTICE] if no_unit else []
        notices += [OTHER_DAY_NOTICE.format(asked=other_day[0], told="、".join(other_day[1]))] if other_day else []
        notices += [LATER_OUTCOME_NOTICE] if later else []
        signals = {k: round(v, 4) for k, v in signals.items()}
        return Decision(abstained, confidence, self.level(confidence, abstained), signals, notices)

    def _lacks_amount(self, evidence: Evidence, best: ScoredSentence | None) -> bool:
        """Return True when the question asks what something cost and the best sentence gives no amount of money:
        a budget the report never states must not be answered with whatever sentence shares its words."""
        if best is None or not self.settings.abstain_without_amount:
            return False
        return MONEY in asked_kinds(evidence.query_text) and MONEY not in self.scorer.reading(best.sentence_id).kinds

    def _lacks_gift(self, evidence: Evidence, best: ScoredSentence | None) -> bool:
        """Return True when the question asks what was given as a gift and the best sentence tells of none: a gift
        the report never mentions must not be answered with the meeting the question names."""
        if best is None or not self.settings.abstain_without_gift:
            return False
        asked = asked_kinds(evidence.query_text)
        return GIFT in asked and not answers_kind(
            asked & {GIFT, RETURN_GIFT, NAMED_GIFT}, self.scorer.reading(best.sentence_id).kinds
        )

    def _lacks_count(self, evidence: Evidence, best: ScoredSentence | None) -> bool:
        """Return True when the question counts people, firms or years ("有多少員工？", "how many reporters…",
        "有效期是幾年？") and the best sentence gives no number of them: a headcount the report never states."""
        if best is None or not self.settings.abstain_without_count:
            return False
        nouns = counted_nouns(evidence.query_text)
        if not nouns or any(n not in HEADCOUNT_NOUNS for n in nouns):  # "吞吐多少貨物？": goods come in tonnes
            return False
        return not any(counts(n, self.scorer.text(best.sentence_id)) for n in nouns)

    def _lacks_number(self, evidence: Evidence, best: ScoredSentence | None) -> bool:
        """Return True when the question asks how many or how much ("一年可以省多少電？") and the best sentence writes
        no number at all (its date is none): a figure the report never gives."""
        if best is None or not self.settings.abstain_without_count:
            return False
        if asks_which_ones(evidence.query_text):  # "有幾家？是哪幾家？": the list answers it
            return False
        return NUMBER in asked_kinds(evidence.query_text) and not gives_a_number(self.scorer.text(best.sentence_id))

    def _lacks_unit(self, evidence: Evidence, best: ScoredSentence | None) -> bool:
        """Return True when the question asks a year, an age, a length of time or a time of day ("哪一年蓋的？",
        "今年幾歲？", "談了多久？", "幾點到的？") and the best sentence writes none: the report records days and
        half-days, not hours."""
        if best is None or not self.settings.abstain_without_count or not asks_a_unit(evidence.query_text):
            return False
        return not gives_the_unit(evidence.query_text, self.scorer.text(best.sentence_id))

    def _dated_otherwise(self, evidence: Evidence, best: ScoredSentence | None) -> tuple[str, list[str]] | None:
        """Return (the day asked, the days told) when a question names one day ("6月21號去<party>時…") and the best
        sentence dates what it tells on other days only: the question's day is wrong, or the answer is; None
        otherwise, and for a time counted from the day ("6/21 之後", "隔天")."""
        if best is None or not self.settings.abstain_on_false_premise or counts_from_a_day(evidence.query_text):
            return None
        asked = list(dict.fromkeys(t for t in content_tokens(evidence.query_text) if "/" in t))
        told = sorted(t for t in self.scorer.reading(best.sentence_id).tokens if "/" in t)
        if not told and self.scheduled_days is not None:  # an undated sentence (a caption) of a scheduled visit
            sentence = self.scorer.index.sentences[best.sentence_id]
            told = sorted(self.scheduled_days(sentence.doc_id, sentence.section))
        return (asked[0], told) if len(asked) == 1 and told and asked[0] not in told else None

    def blend(
        self, best: ScoredSentence | None, hits: list[Hit], query_text: str, question_words: list[str] | None = None
    ) -> float:
        """Return a 0..1 blend of how close the best sentence is to the question and how many of its words it holds.

        e5 cosines sit in a language-dependent band (Chinese questions against this Chinese
        report score higher than English ones), so the similarity is rescaled from a floor that
        depends on whether the question has Han characters. For Chinese questions the share of
        `question_words` (default: its content tokens) found in the sentence is blended in; for others, whose
        words the report writes in Chinese, the sentence's share of their words and the report's words for them
        (`best.coverage`) counts when it says more than the similarity.
        """
        if best is None or not hits or not content_tokens(query_text):
            return 0.0  # nothing to match: no passages, or a question without words (e.g. only emoji)
        s = self.settings
        top_dense = hits[0].dense_score if hits[0].dense_score is not None else best.dense
        han = has_han(query_text)
        floor = s.confidence_floor_han if han else s.confidence_floor_other
        dense_part = float(np.clip((max(top_dense, best.dense) - floor) / s.confidence_band, 0.0, 1.0))
        if not han:
            return max(dense_part, s.coverage_weight * best.coverage)
        coverage = best.coverage
        words = set(question_words or ())
        if words:
            coverage = len(words & self.scorer.reading(best.sentence_id).tokens) / len(words)
        return (1 - s.coverage_weight) * dense_part + s.coverage_weight * coverage

    def signals(
        self,
        best: ScoredSentence | None,
        hits: list[Hit],
        query_text: str,
        question_words: list[str] | None,
        missing: float,
        template: bool,
    ) -> dict[str, float]:
        """Return what the confidence is computed from: the rescaled similarity and the word coverage of the best
        sentence (as in `blend`), the share of the question's words the report never uses, whether the
        answer was read off a template record, whether the question is Chinese, whether the best sentence
        offers the kind of answer asked for, and whether the question asks for a kind at all."""
        han = has_han(query_text)
        out = {"blend": 0.0, "coverage": 0.0, "missing": missing, "template": float(template), "han": float(han)}
        out["type"] = 0.0
        out["asked"] = 0.0
        if best is None or not hits or not content_tokens(query_text):
            return out
        out["blend"] = self.blend(best, hits, query_text, question_words)
        words = set(question_words or ()) or set(content_tokens(query_text))
        reading = self.scorer.reading(best.sentence_id)
        out["coverage"] = len(words & reading.tokens) / len(words) if words else 0.0
        asked = asked_kinds(query_text)
        nouns = counted_nouns(query_text)
        counted = not nouns or any(counts(n, self.scorer.text(best.sentence_id)) for n in nouns)
        out["type"] = 1.0 if answers_kind(asked, reading.kinds) and counted else 0.0
        out["asked"] = 1.0 if asked else 0.0  # with type: asked for a kind the answer does not give
        return out

    def calibrated(self, signals: dict[str, float]) -> float:
        """Return the probability that the answer is right: a logistic model of the signals fitted on the dev
        split (`trip-assistant eval --fit-confidence`); the plain blend when no model is set."""
        weights = dict(self.settings.confidence_weights)
        if not weights:
            return max(signals["blend"], self.settings.template_confidence * signals["template"])
        return logistic(signals, weights, self.settings.confidence_bias)

    def level(self, confidence: float, abstained: bool) -> str:
        """Return the confidence band shown to users: "low" for an abstention, else "high" or "medium"."""
        if abstained:
            return "low"
        return "high" if confidence >= self.settings.confidence_high else "medium"


def _why_notices(evidence: Evidence) -> list[str]:
    """Return the notices naming what the report never mentions, or does not say as the question presumes."""
    notices = []
    if evidence.unknown_names:
        names = evidence.unknown_names
        notices.append(f"報告中沒有提到：{'、'.join(names)}。The report never mentions: {', '.join(names)}.")
    visits = [m.name for m in evidence.false_premises if m.reason == VISIT]
    if visits:
        notices.append(
            f"報告提到「{'、'.join(visits)}」，但不是訪團去過或會見的對象。"
            f"The report mentions {', '.join(visits)}, but not as a place or party the delegation visited or met."
        )
    agreements = [m.name for m in evidence.false_premises if m.reason == AGREEMENT]
    if agreements:
        notices.append(
            f"報告提到「{'、'.join(agreements)}」，但沒有提到與其簽署的協議或備忘錄。"
            f"The report mentions {', '.join(agreements)}, but no agreement or memorandum signed with them."
        )
    for m in (m for m in evidence.false_premises if m.reason == TOGETHER):
        notices.append(
            f"報告提到「{m.name}」和「{m.other}」，但從未一起提到。The report mentions {m.name} and {m.other}, "
            "but never together."
        )
    for m in (m for m in evidence.false_premises if m.reason == TITLED):
        notices.append(
            f"報告中「{m.name}」的職稱是「{m.where}」，不是「{m.other}」。The report titles {m.name} {m.where}, not {m.other}."
        )
    for m in (m for m in evidence.false_premises if m.reason == NOT_AT):
        notices.append(
            f"報告提到「{m.name}」，但「{m.other}」的參訪紀錄中沒有他。The report mentions {m.name}, but not in its "
            f"account of the visit to {m.other}."
        )
    for m in (m for m in evidence.false_premises if m.reason == SCHEDULE):
        day = m.other.replace(" 上午", " (morning)").replace(" 下午", " (afternoon)")
        if m.where:  # the delegation put in a city on a day it spent elsewhere: say where it was
            notices.append(
                f"報告的行程 {m.other}在「{m.where}」，不在「{m.name}」。The report's itinerary has the delegation in "
                f"{m.where} on {day}, not in {m.name}."
            )
            continue
        where = f"on {day}" if "/" in m.other else f"in {m.other}"
        notices.append(
            f"報告的行程沒有把「{m.name}」排在「{m.other}」。The report's itinerary does not put {m.name} {where}."
        )
    for m in (m for m in evidence.false_premises if m.reason == NO_DAY):
        notices.append(f"報告的行程沒有 {m.name} 這一天。The report's itinerary has no {m.name}.")
    for m in (m for m in evidence.false_premises if m.reason == LED):
        notices.append(
            f"報告中這一段由{m.other}率團，沒有提到{m.name}。The report has this visit led by the {m.other}; it does not "
            f"put the {m.name} there."
        )
    return notices
