"""Extractive answers: pick the report's own sentences, quote them verbatim, cite them, or abstain."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache

import numpy as np

from .answer_type import asked_kinds, offered_kinds
from .calibration import logistic
from .chunking import Chunk
from .config import Settings
from .dedupe import collapse_duplicates
from .index import Index
from .ingest import SECTION_SEPARATOR
from .premise import Mention
from .retrieval import Hit
from .structured import TemplateAnswer
from .text.layout import row_key, table_span
from .text.normalize import has_han
from .text.tokens import content_tokens, tokenize

NO_ANSWER_MESSAGE = "報告中找不到可靠的答案。No reliable answer was found in the report."
NO_SHARED_WORDS_NOTICE = "問題中的字詞都不在報告裡。None of the question's words occur in the report."


@dataclass(frozen=True)
class Quote:
    """A verbatim sentence of the report: `source text[start:end] == quote`."""

    quote: str
    source: str
    section: str
    start: int
    end: int
    score: float
    pages: tuple[int, int] | None = None  # a PDF's real pages, else from the table of contents: (first, last)


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with its rank, score and the quoted spans inside it (absolute offsets)."""

    rank: int
    text: str
    source: str
    section: str
    start: int
    end: int
    score: float
    highlights: list[tuple[int, int]] = field(default_factory=list)
    pages: tuple[int, int] | None = None
    # The other places the same (or nearly the same) text occurs: (source, section, start, end).
    also_at: list[tuple[str, str, int, int]] = field(default_factory=list)


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


@dataclass(frozen=True)
class ScoredSentence:
    """A candidate sentence and how well it answers the question."""

    sentence_id: int
    score: float
    dense: float
    coverage: float


@dataclass(frozen=True)
class _SentenceReading:
    """What the answer step reads in one sentence: its tokens in context and the kinds of answer it offers."""

    tokens: frozenset[str]
    kinds: frozenset[str]
    caption: bool = False  # a photo caption: quoted only when no sentence of the text answers as well


class AnswerComposer:
    """Scores the sentences of the top passages and decides whether to answer at all."""

    # Weights of the sentence score: embedding similarity, share of the question's content
    # tokens found in the sentence, and a small preference for the best-ranked passages.
    DENSE_WEIGHT, COVERAGE_WEIGHT, RANK_WEIGHT = 1.0, 0.25, 0.04

    def __init__(self, index: Index, settings: Settings) -> None:
        self.index = index
        self.settings = settings
        # Reranking and answering read the same sentences of one question's top passages, and the
        # same sentences come back for related questions: read each once.
        self._sentence = lru_cache(maxsize=8192)(self._read_sentence)
        self._chunks: dict[str, list[tuple[int, Chunk]]] = {}  # each document's (chunk id, chunk), read once
        for i, chunk in enumerate(index.chunks):
            self._chunks.setdefault(chunk.doc_id, []).append((i, chunk))

    def score_sentences(
        self, query_text: str, query_vector: np.ndarray | None, hits: list[Hit]
    ) -> list[ScoredSentence]:
        """Return the sentences of the top passages, best answer first."""
        best_rank: dict[int, int] = {}
        for rank, hit in enumerate(hits[: self.settings.answer_passages], start=1):
            for sid in self.index.chunk_sentences[hit.chunk_id]:
                best_rank.setdefault(sid, rank)
        if not best_rank:
            return []
        ids = list(best_rank)
        scored = [
            replace(s, score=s.score + self.RANK_WEIGHT / best_rank[s.sentence_id])
            for s in self._score(query_text, query_vector, ids)
        ]
        scored.sort(key=lambda x: (-x.score, x.sentence_id))
        return scored

    def best_sentence_scores(self, query_text: str, query_vector: np.ndarray, chunk_ids: list[int]) -> dict[int, float]:
        """Return {chunk id: score of its best sentence as an answer to the question} (-inf for a chunk without one)."""
        ids = sorted({sid for c in chunk_ids for sid in self.index.chunk_sentences[c]})
        by_sentence = {s.sentence_id: s.score for s in self._score(query_text, query_vector, ids)}
        return {
            c: max((by_sentence[sid] for sid in self.index.chunk_sentences[c]), default=float("-inf"))
            for c in chunk_ids
        }

    def _score(self, query_text: str, query_vector: np.ndarray | None, ids: list[int]) -> list[ScoredSentence]:
        """Return the sentences `ids` scored by similarity to the question, coverage of its words and whether they
        offer the kind of answer it asks for (no rank bonus)."""
        wanted = set(content_tokens(query_text))
        asked = asked_kinds(query_text)
        if query_vector is not None and ids:
            dense = self.index.sentence_vectors[ids] @ query_vector.astype(np.float32)
        else:
            dense = np.zeros(len(ids), dtype=np.float32)
        scored = []
        for sid, d in zip(ids, dense):
            reading = self._sentence(sid)
            coverage = len(wanted & reading.tokens) / len(wanted) if wanted else 0.0
            score = self.DENSE_WEIGHT * float(d) + self.COVERAGE_WEIGHT * coverage
            if asked & reading.kinds:
                score += self.settings.answer_type_weight
            if reading.caption:
                score -= self.settings.caption_penalty
            scored.append(ScoredSentence(sid, score, float(d), coverage))
        return scored

    def _read_sentence(self, sid: int) -> _SentenceReading:
        """Return a sentence's tokens (its own, its heading's and, for a table row continuing the row
        above, that row's first cell's) and the kinds of answer it offers.

        A sentence is read under its heading: "招商晚宴" in the heading covers the question's words too;
        and "\t下午 港區\t參訪港務局" under "3/5 (二)" covers 3月5日下午.
        """
        s = self.index.sentences[sid]
        source = self.index.document(s.doc_id).text
        text = source[s.start : s.end]
        context = f"{s.section.split(SECTION_SEPARATOR)[-1]} {row_key(source, s.start)}"
        caption = any(c0 <= s.start and s.end <= c1 for c0, c1 in self.index.document(s.doc_id).template.captions)
        return _SentenceReading(frozenset(tokenize(text)) | frozenset(tokenize(context)), offered_kinds(text), caption)

    def confidence(
        self, best: ScoredSentence | None, hits: list[Hit], query_text: str, question_words: list[str] | None = None
    ) -> float:
        """Return a 0..1 confidence that the best sentence answers the question.

        e5 cosines sit in a language-dependent band (Chinese questions against this Chinese
        report score higher than English ones), so the similarity is rescaled from a floor that
        depends on whether the question has Han characters. For Chinese questions the share of
        `question_words` (default: its content tokens) found in the sentence is blended in.
        """
        if best is None or not hits or not content_tokens(query_text):
            return 0.0  # nothing to match: no passages, or a question without words (e.g. only emoji)
        s = self.settings
        top_dense = hits[0].dense_score if hits[0].dense_score is not None else best.dense
        han = has_han(query_text)
        floor = s.confidence_floor_han if han else s.confidence_floor_other
        dense_part = float(np.clip((max(top_dense, best.dense) - floor) / s.confidence_band, 0.0, 1.0))
        if not han:
            return dense_part
        coverage = best.coverage
        words = set(question_words or ())
        if words:
            coverage = len(words & self._sentence(best.sentence_id).tokens) / len(words)
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
        sentence (as in `confidence`), the share of the question's words the report never uses, whether the
        answer was read off a template record, whether the question is Chinese, and whether the best sentence
        offers the kind of answer asked for."""
        han = has_han(query_text)
        out = {"blend": 0.0, "coverage": 0.0, "missing": missing, "template": float(template), "han": float(han)}
        out["type"] = 0.0
        if best is None or not hits or not content_tokens(query_text):
            return out
        out["blend"] = self.confidence(best, hits, query_text, question_words)
        words = set(question_words or ()) or set(content_tokens(query_text))
        reading = self._sentence(best.sentence_id)
        out["coverage"] = len(words & reading.tokens) / len(words) if words else 0.0
        asked = asked_kinds(query_text)
        out["type"] = 1.0 if asked and asked & reading.kinds else 0.0
        return out

    def calibrated(self, signals: dict[str, float]) -> float:
        """Return the probability that the answer is right: a logistic model of the signals fitted on the dev
        split (`trip-assistant eval --fit-confidence`); the plain blend when no model is set."""
        weights = dict(self.settings.confidence_weights)
        if not weights:
            return max(signals["blend"], self.settings.template_confidence * signals["template"])
        return logistic(signals, weights, self.settings.confidence_bias)

    def compose(
        self,
        question: str,
        query_text: str,
        query_vector: np.ndarray | None,
        hits: list[Hit],
        mode: str,
        notices: list[str],
        unknown_names: list[str] | None = None,
        question_words: list[str] | None = None,
        shares_words: bool = True,
        template: TemplateAnswer | None = None,
        missing: float = 0.0,
        unvisited: list[Mention] | None = None,
        lexical_text: str = "",
    ) -> Answer:
        """Return the answer: quotes from the best sentences, or an abstention that still lists passages.

        `unknown_names` are names in the question the report never mentions (translation.py): the
        nearest passage is about something else, so the answer abstains and says which names.
        `question_words` are the tokens confidence looks for in the best sentence (see `confidence`).
        `shares_words` is False when not one of the question's words (nor their translations) occurs
        in the report ("asdfgh", a line of x): the embedding still finds a nearest passage, but
        quoting it would be quoting noise, so the answer abstains and says why.
        `unvisited` are names a visit question presumes were visited that the report mentions only in another
        role (premise.py): the answer abstains, says so, and ranks first the passage where the name occurs.
        `lexical_text` is what BM25 read for an English question (it with the report's Chinese words for its
        words): its sentences are scored against that too, so "architect" finds the sentence with 建築師.
        `template` is an answer read off the report's template records (structured.py): its spans are quoted
        instead of the best sentences (or beside them, for a visit's lead), and its passage ranks first.
        """
        scored = self.score_sentences(lexical_text or query_text, query_vector, hits)
        best = scored[0] if scored else None
        replaces = template is not None and not template.supplements
        signals = self.signals(best, hits, query_text, question_words, missing, replaces)
        confidence = self.calibrated(signals)
        abstained = (
            (best is None and not replaces)
            or confidence < self.settings.abstain_threshold
            or bool(unknown_names)
            or bool(unvisited)
            or (not shares_words and not replaces)
        )
        if not shares_words and not replaces:
            notices = [*notices, NO_SHARED_WORDS_NOTICE]
        if unknown_names:
            names = "、".join(unknown_names)
            notices = [*notices, f"報告中沒有提到：{names}。The report never mentions: {', '.join(unknown_names)}."]
        if unvisited:
            names = "、".join(m.name for m in unvisited)
            notices = [
                *notices,
                f"報告提到「{names}」，但不是訪團去過或會見的對象。"
                f"The report mentions {', '.join(m.name for m in unvisited)}, but not as a place or party "
                "the delegation visited or met.",
            ]
            hits = self._lead_with(hits, unvisited[0].doc_id, unvisited[0].start, unvisited[0].end)
        quotes: list[Quote] = []
        if not abstained:
            spans = [(template.doc_id, start, end, 1.0) for start, end in template.spans] if template else []
            if not replaces:
                spans += self._best_spans(scored)
            quotes = self._quotes(spans)
            # The passage that holds the answer's first quote is the first source: what is quoted is cited first
            # (for a visit's lead beside the best sentences, the best sentence's passage).
            lead = (
                spans[len(template.spans)]
                if template and template.supplements and len(spans) > len(template.spans)
                else spans[0]
            )
            hits = self._lead_with(hits, lead[0], lead[1], lead[2])
        return Answer(
            question=question,
            abstained=abstained,
            quotes=quotes,
            passages=self._passages(hits, quotes),
            mode=mode,
            confidence=confidence,
            message=NO_ANSWER_MESSAGE if abstained else "",
            notices=notices,
            matched_question=query_text,
            level=self.level(confidence, abstained),
            signals={k: round(v, 4) for k, v in signals.items()},
        )

    def _best_spans(self, scored: list[ScoredSentence]) -> list[tuple[str, int, int, float]]:
        """Return the spans of the best sentences to quote: up to `max_quotes`, a second one only when it scores
        nearly as well, each table row widened to read as an answer (`text.table_span`)."""
        spans = []
        for cand in scored[: self.settings.max_quotes]:
            if spans and cand.score < scored[0].score * self.settings.second_quote_ratio:
                break
            s = self.index.sentences[cand.sentence_id]
            start, end = s.start, s.end
            if self.settings.table_quote_chars:
                start, end = table_span(self.index.document(s.doc_id).text, start, end, self.settings.table_quote_chars)
            spans.append((s.doc_id, start, end, round(cand.score, 4)))
        return spans

    def _quotes(self, spans: list[tuple[str, int, int, float]]) -> list[Quote]:
        """Return the quotes for spans of the sources, overlapping ones merged (rows of one table or one day
        become one quote), in reading order."""
        merged: list[list] = []
        for doc_id, start, end, score in sorted(spans, key=lambda x: (x[0], x[1])):
            for m in merged[-1:]:  # sorted: a span can only overlap the last quote so far
                if m[0] == doc_id and m[1] < end and start < m[2]:
                    m[1], m[2] = min(start, m[1]), max(end, m[2])
                    break
            else:
                merged.append([doc_id, start, end, score])
        quotes = []
        for doc_id, start, end, score in sorted(merged, key=lambda m: (m[0], m[1])):
            document = self.index.document(doc_id)
            section = document.section_at(start).label
            quotes.append(
                Quote(document.text[start:end], doc_id, section, start, end, score, document.pages_at(start, end))
            )
        return quotes

    def _lead_with(self, hits: list[Hit], doc_id: str, start: int, end: int) -> list[Hit]:
        """Return `hits` with the passage holding most of `doc_id`'s text[start:end] first (added when missing):
        a day's rows quoted from the row naming the day are cited by the passage holding the rows asked for."""
        overlap = {
            i: min(end, c.end) - max(start, c.start)
            for i, c in self._chunks.get(doc_id, [])
            if c.start < max(end, start + 1) and start < c.end
        }
        if not overlap:
            return hits
        chunk_id = max(overlap, key=lambda i: (overlap[i], -i))
        top = hits[0].score if hits else 1.0
        rest = [h for h in hits if h.chunk_id != chunk_id]
        return [Hit(chunk_id, top)] + rest[: max(len(hits) - 1, 0)]

    def _passages(self, hits: list[Hit], quotes: list[Quote]) -> list[Passage]:
        """Return the ranked passages, each with the quoted spans inside it marked; a passage whose text occurs
        again lower down (the same paragraph in two places or two reports) is shown once, listing the others."""
        passages = []
        collapsed = collapse_duplicates(hits, self.index.chunks, self.settings.near_duplicate_similarity)
        for rank, item in enumerate(collapsed, start=1):
            hit = item.hit
            chunk = self.index.chunks[hit.chunk_id]
            marks = [
                (max(q.start, chunk.start), min(q.end, chunk.end))
                for q in quotes
                if q.source == chunk.doc_id and q.start < chunk.end and q.end > chunk.start
            ]
            passages.append(
                Passage(
                    rank,
                    chunk.text,
                    chunk.doc_id,
                    chunk.section,
                    chunk.start,
                    chunk.end,
                    round(hit.score, 6),
                    marks,
                    self.index.document(chunk.doc_id).pages_at(chunk.start, chunk.end),
                    [(a.doc_id, a.section, a.start, a.end) for a in item.also_at],
                )  # fmt: skip
            )
        return passages

    def level(self, confidence: float, abstained: bool) -> str:
        """Return the confidence band shown to users: "low" for an abstention, else "high" or "medium"."""
        if abstained:
            return "low"
        return "high" if confidence >= self.settings.confidence_high else "medium"
