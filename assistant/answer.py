"""Extractive answers: decide to answer, quote the report's own best sentences verbatim and cite them, or abstain.

The steps live in their own modules: sentence_scoring (selecting), confidence (deciding), citations (presenting).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field

from .answer_type import answers_kind, asked_kinds, offered_kinds
from .citations import Citer, Passage, Quote
from .confidence import ConfidenceModel, without_person
from .config import Settings
from .evidence import Evidence
from .glossary import fold_latin
from .index import Index
from .intent import VISIT_DAY
from .sentence_scoring import ScoredSentence, SentenceScorer
from .text.normalize import has_han

NO_ANSWER_MESSAGE = "報告中找不到可靠的答案。No reliable answer was found in the report."


@dataclass(frozen=True)
class Answer:
    """What `ask` returns: quotes (empty when abstaining), the ranked passages and notices."""

    question: str
    abstained: bool
    quotes: list[Quote]
    passages: list[Passage]
    mode: str
    confidence: float
    message: str = ""
    notices: list[str] = field(default_factory=list)
    matched_question: str = ""
    level: str = ""  # "high", "medium" or "low": the confidence band shown to users (config.Settings)
    signals: dict[str, float] = field(default_factory=dict)  # what the confidence was computed from
    refuted: tuple[str, ...] = ()  # why the question's presumptions are false (premise.Mention reasons), if any

    def to_dict(self) -> dict:
        """Return the JSON shape printed by `ask --json` and returned by the `/ask` API."""
        return {
            "question": self.question,
            "abstained": self.abstained,
            "answer": [
                {"quote": q.quote, "source": q.source, "section": q.section, "start": q.start, "end": q.end}
                | {"pages": list(q.pages) if q.pages else None}
                for q in self.quotes
            ],
            "passages": [
                {k: v for k, v in asdict(p).items() if k not in ("highlights", "pages", "also_at")}
                | {"highlights": [list(h) for h in p.highlights], "pages": list(p.pages) if p.pages else None}
                | {"also_at": [{"source": a[0], "section": a[1], "start": a[2], "end": a[3]} for a in p.also_at]}
                for p in self.passages
            ],
            "mode": self.mode,
            "confidence": round(self.confidence, 4),
            "level": self.level,
            "signals": dict(self.signals),
            "message": self.message,
            "notices": list(self.notices),
            "matched_question": self.matched_question,
        }


def _names_none(evidence: Evidence, quotes: Sequence[Quote]) -> bool:
    """Return True when the question names persons (`Evidence.persons`) and no quote of a non-template answer
    writes any of them in any of their spellings: in full, by one of their names ("Dupont 主席於會議中表示…"), or
    by the Chinese name a report glosses them with."""
    if not evidence.persons or evidence.template is not None:
        return False
    quoted = " ".join(q.quote for q in quotes)
    latin = fold_latin(quoted)
    return not any(
        s in quoted if has_han(s) else re.search(rf"(?<![a-z]){re.escape(fold_latin(s))}(?![a-z])", latin)
        for person in evidence.persons
        for s in person.spellings or (person.name,)
    )


class AnswerComposer:
    """Scores the sentences of the top passages, decides whether to answer at all, and quotes and cites."""

    def __init__(
        self,
        index: Index,
        settings: Settings,
        parties: Callable[[str], Sequence[tuple[str, ...]]] | None = None,
        scheduled_days: Callable[[str, str], tuple[str, ...]] | None = None,
        elsewhere: Callable[[str], frozenset[tuple[str, int, int]]] | None = None,
    ) -> None:
        self.scorer = SentenceScorer(index, settings, parties, elsewhere)
        self.confidence = ConfidenceModel(settings, self.scorer, scheduled_days)
        self.citer = Citer(index, settings)

    def _judged(self, evidence: Evidence, scored: list[ScoredSentence]) -> ScoredSentence | None:
        """Return the sentence the confidence judges: the best one, or the visit's dated sentence a "which day"
        answer quotes beside the best ones (it, not the best match of the words, answers the day)."""
        template = evidence.template
        if template is not None and template.kind == VISIT_DAY:
            inside = (
                x
                for x in scored
                for start, end in template.spans
                if (s := self.scorer.index.sentences[x.sentence_id]).doc_id == template.doc_id
                and start <= s.start < end
            )
            return next(inside, scored[0] if scored else None)
        return scored[0] if scored else None

    def compose(self, evidence: Evidence) -> Answer:
        """Return the answer: quotes from the best sentences, or an abstention that still lists passages.

        Names the report never mentions or mentions only in another role, no shared words, or a confidence
        under the threshold abstain (confidence.py). A template answer's spans are quoted instead of the best
        sentences (or beside them, for a visit's lead), and the passage holding the first quote ranks first.
        """
        e = evidence
        scored = self.scorer.score_sentences(
            e.lexical_text or e.query_text, e.query_vector, e.pool or e.hits, e.query_text
        )
        decision = self.confidence.decide(e, self._judged(e, scored))
        hits, quotes = e.hits, []
        if e.false_premises:  # the passage where the presumed name does occur comes first
            first = e.false_premises[0]
            hits = self.citer.lead_with(hits, [(first.doc_id, first.start, first.end)])
        if not decision.abstained:
            quotes, lead = self._quoted(e, scored)
            others = [(q.source, q.start, q.end) for q in quotes]
            hits = self.citer.lead_with(hits, [lead[:3]] + others)
        if not decision.abstained and _names_none(e, quotes):  # the sentences found tell of someone else
            person = e.persons[0]
            decision, quotes = without_person(decision, person.name), []
            hits = self.citer.lead_with(e.hits, [(person.doc_id, person.start, person.end)])
        return Answer(
            question=e.question,
            abstained=decision.abstained,
            quotes=quotes,
            passages=self.citer.passages(hits, quotes),
            mode=e.mode,
            confidence=decision.confidence,
            message=NO_ANSWER_MESSAGE if decision.abstained else "",
            notices=decision.notices,
            matched_question=e.query_text,
            level=decision.level,
            signals=decision.signals,
            refuted=tuple(dict.fromkeys(m.reason for m in e.false_premises)),
        )

    def _quoted(self, e: Evidence, scored: list[ScoredSentence]) -> tuple[list[Quote], tuple[str, int, int, float]]:
        """Return an answer's quotes in the order staff cite them, and the span whose passage is cited first."""
        template_spans = (
            [(e.template.doc_id, start, end, 1.0) for start, end in e.template.spans]
            + [(doc_id, start, end, 1.0) for doc_id, start, end in e.template.also]
            if e.template
            else []
        )
        if e.template is not None and e.template.supplements:  # beside a visit's lead a caption adds nothing
            scored = [x for x in scored if not self.scorer.reading(x.sentence_id).caption]
        spans = template_spans + (
            [] if e.template_replaces else self.scorer.best_spans(scored, e.lexical_text or e.query_text)
        )
        quotes = self.citer.quotes(spans)
        # Records are read in order, sentences best first, and a record's quotes (a visit's lead or dated sentence)
        # before the best sentences quoted beside it; a quote giving the kind of answer asked (a person for 誰)
        # before a better-scored one that does not.
        if not template_spans or e.template.supplements:
            asked = asked_kinds(e.lexical_text or e.query_text)
            quotes.sort(key=lambda q: _citing_order(q, template_spans, asked))
        # The passage that holds the answer's first quote is cited first (for a visit's lead beside the best
        # sentences, the best sentence's passage).
        if not template_spans and quotes:
            return quotes, (quotes[0].source, quotes[0].start, quotes[0].end, quotes[0].score)
        supplemented = e.template and e.template.supplements and len(spans) > len(template_spans)
        return quotes, spans[len(template_spans)] if supplemented else spans[0]


def _citing_order(quote: Quote, records: list[tuple[str, int, int, float]], asked: frozenset[str]) -> tuple:
    """Return a quote's place among an answer's quotes: a record's first (in reading order, as sorted), then those
    giving the kind of answer asked, then the rest, each best first."""
    if _within(quote, records):
        return (0, 0.0)
    return (1 + (bool(asked) and not answers_kind(asked, offered_kinds(quote.quote))), -quote.score)


def _within(quote: Quote, spans: list[tuple[str, int, int, float]]) -> bool:
    """Return True when `quote` overlaps one of the (document, start, end, score) `spans`."""
    return any(quote.source == d and quote.start < end and start < quote.end for d, start, end, _ in spans)
