"""Score the sentences of the top passages as answers to a question, and pick the spans to quote."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache

import numpy as np

from .answer_type import (
    ALIAS,
    CAUSE,
    DATE,
    DAY,
    DISTINCTION,
    ITEMS,
    OTHER_HOLDER,
    PERSON,
    PLANNED,
    PURPOSE,
    answers_kind,
    asked_kinds,
    counted_noun,
    counts,
    holders_asked,
    items_asked,
    offered_kinds,
    planned_asked,
)
from .chunking import Sentence
from .config import Settings
from .index import Index
from .ingest import SECTION_SEPARATOR
from .parties import PartyScope, heads
from .retrieval import Hit
from .template import OWN_CITY_WORD, compact
from .text.acts import act_tokens, asked_acts, dated_acts
from .text.layout import caption_span, is_heading_line, row_key, table_span
from .text.normalize import HAN_RUN_RE, fold
from .text.tokens import content_tokens, tokenize


@dataclass(frozen=True)
class ScoredSentence:
    """A candidate sentence and how well it answers the question."""

    sentence_id: int
    score: float
    dense: float
    coverage: float


@dataclass(frozen=True)
class SentenceReading:
    """What the answer step reads in one sentence: its tokens in context and the kinds of answer it offers."""

    tokens: frozenset[str]
    kinds: frozenset[str]
    caption: bool = False  # a photo caption: quoted only when no sentence of the text answers as well
    row: bool = False  # an itinerary row: an answer to when, seldom to anything else
    dated: frozenset[str] = frozenset()  # the acts it tells of in a clause giving a date (text.acts.dated_acts)


_DAY_WORD = re.compile(r"天|\bdays?\b", re.I)
# Acts a question asks who did that a visit tells once, naming the doer: who received the delegation, who led it.
_DONE_BY_A_PERSON = frozenset(("<received>", "<led>"))


class SentenceScorer:
    """Scores sentences by similarity to the question, coverage of its words and the kind of answer they offer."""

    def __init__(
        self,
        index: Index,
        settings: Settings,
        parties: Callable[[str], Sequence[tuple[str, ...]]] | None = None,
        elsewhere: Callable[[str], frozenset[tuple[str, int, int]]] | None = None,
    ) -> None:
        self.index = index
        self.settings = settings
        self.parties = parties  # the parties a question names (parties.named_parties with the glossary)
        # The visits placed in other cities than a question names (structured.TemplateAnswerer.visits_elsewhere).
        self.elsewhere = elsewhere
        self.scope = PartyScope(index, settings.named_party_max_share)
        # Reranking and answering read the same sentences of one question's top passages, and the
        # same sentences come back for related questions: read each once.
        self.reading = lru_cache(maxsize=8192)(self._read_sentence)
        self.compacted_document = lru_cache(maxsize=64)(self._compact_document)

    def score_sentences(
        self, query_text: str, query_vector: np.ndarray | None, hits: list[Hit], asked_text: str | None = None
    ) -> list[ScoredSentence]:
        """Return the sentences of the top passages (more of them when the question asks for a kind of answer, and
        for which holder of a title or who received or led them, those in their visits naming one or telling the act:
        `_pooled`), best answer first. `asked_text`
        is the question as asked, when `query_text` adds words to it (an English question's translations): the acts
        it asks about are read there (see `_score`)."""
        best_rank: dict[int, int] = {}
        s = self.settings
        asked = asked_kinds(query_text)
        # A plan asked ("之後會幫我們做什麼？") is told by one sentence too, maybe of a lower passage.
        typed = asked or planned_asked(fold(query_text if asked_text is None else asked_text))
        depth = s.typed_answer_passages if typed else s.answer_passages
        for rank, hit in enumerate(hits[:depth], start=1):
            for sid in self._read_with(hit.chunk_id):
                best_rank.setdefault(sid, rank)
        if not best_rank:
            return []
        for sid in self._pooled(query_text, asked, hits[:depth], asked_text):
            best_rank.setdefault(sid, depth + 1)
        ids = list(best_rank)
        scored = [
            replace(s, score=s.score + self.settings.sentence_rank_weight / best_rank[s.sentence_id])
            for s in self._score(query_text, query_vector, ids, asked_text)
        ]
        scored.sort(key=lambda x: (-x.score, x.sentence_id))
        return scored

    def _read_with(self, chunk_id: int) -> list[int]:
        """Return the sentences of a passage, and of the next one in its part when it is the part's heading alone: a
        heading found ("三、參訪<party>暨簽署…") tells what its part's lead sentence tells, which answers."""
        chunks, ids = self.index.chunks, list(self.index.chunk_sentences[chunk_id])
        chunk, after = chunks[chunk_id], chunk_id + 1
        if after < len(chunks) and "\n" not in chunk.text.strip() and is_heading_line(chunk.text):
            lead = chunks[after]
            if (lead.doc_id, lead.section) == (chunk.doc_id, chunk.section):
                ids += self.index.chunk_sentences[after]
        return ids

    def _pooled(self, query_text: str, asked: frozenset[str], hits: list[Hit], asked_text: str | None) -> list[int]:
        """Return the sentences naming the holder of a title the question asks which one held ("哪位副市長"; `asked`:
        its kinds) in the parts of the reports (a visit with its subsections) holding `hits`, and those telling the
        act of one it asks who did ("出來接的是誰？", "誰帶隊？") in the part holding the first and in the parts whose
        heading names a party the question names (`_headed`): a passage of that visit ranked below them may be the
        only one naming them. No holder of a title asked of another place than the writers' own."""
        s = self.settings
        titles = holders_asked(query_text) if OTHER_HOLDER not in asked and s.title_holders_pooled else frozenset()
        acts = frozenset()
        if PERSON in asked and s.doers_pooled:
            acts = asked_acts(fold(query_text if asked_text is None else asked_text)) & _DONE_BY_A_PERSON
        if not hits or not (titles or acts):
            return []
        parts = sorted({self._part(hit) for hit in hits}) if titles else []
        holders = [i for part in parts for i in self.index.sentences_within(*part) if titles & self.reading(i).kinds]
        acted = [self._part(hits[0]), *self._headed(query_text, hits)] if acts else []
        doers = [
            i
            for part in dict.fromkeys(acted)
            for i in self.index.sentences_within(*part)
            if acts & self.reading(i).tokens
        ]
        return holders + doers

    def _headed(self, query_text: str, hits: list[Hit]) -> list[tuple[str, int, int]]:
        """Return the parts (doc id, start, end) of the reports holding `hits` whose heading names a party the question
        names ("在<city>看<company>時…" asks of the company's visit, whichever part the city's name ranks first)."""
        parties = self.parties(query_text) if self.parties else ()
        out = []
        for doc_id in dict.fromkeys(self.index.chunks[h.chunk_id].doc_id for h in hits) if parties else ():
            document = self.index.document(doc_id)
            out += [(doc_id, start, end) for head, start, end in document.parts if any(heads(head, p) for p in parties)]
        return out

    def _part(self, hit: Hit) -> tuple[str, int, int]:
        """Return the part of its report (a visit with its subsections) holding a passage: (doc id, start, end)."""
        chunk = self.index.chunks[hit.chunk_id]
        document = self.index.document(chunk.doc_id)
        return (chunk.doc_id, *document.parts[document.part_at(chunk.start)][1:])

    def best_sentence_scores(
        self, query_text: str, query_vector: np.ndarray, chunk_ids: list[int], asked_text: str | None = None
    ) -> dict[int, float]:
        """Return {chunk id: score of its best sentence as an answer to the question} (-inf for a chunk without one)."""
        ids = sorted({sid for c in chunk_ids for sid in self.index.chunk_sentences[c]})
        by_sentence = {s.sentence_id: s.score for s in self._score(query_text, query_vector, ids, asked_text)}
        return {
            c: max((by_sentence[sid] for sid in self.index.chunk_sentences[c]), default=float("-inf"))
            for c in chunk_ids
        }

    def best_spans(self, scored: list[ScoredSentence], question: str = "") -> list[tuple[str, int, int, float]]:
        """Return the spans of the best sentences to quote: up to `max_quotes`, a second one only when it scores
        nearly as well, each table row widened to read as an answer (`text.layout.table_span`) and a caption's line
        to the whole caption (`text.layout.caption_span`), then the best one's restatement elsewhere in its report
        (`_restatement`) or, for why a step of the trip was taken, the purpose the reflections give it
        (`_reflected_purpose`), one more."""
        spans = []
        for cand in scored[: self.settings.max_quotes]:
            if spans and cand.score < scored[0].score * self.settings.second_quote_ratio:
                break
            s = self.index.sentences[cand.sentence_id]
            document, start, end = self.index.document(s.doc_id), s.start, s.end
            if self.settings.table_quote_chars:
                start, end = table_span(document.text, start, end, self.settings.table_quote_chars)
            if self.reading(cand.sentence_id).caption:  # a caption broken over lines is quoted whole
                start, end = caption_span(document.text, start, end, document.template.captions)
            spans.append((s.doc_id, start, end, round(cand.score, 4)))
        restated = self._restatement(scored, spans) or self._reflected_purpose(question, scored, spans)
        return spans + [restated] if restated else spans

    def _reflected_purpose(
        self, question: str, scored: list[ScoredSentence], spans: list[tuple[str, int, int, float]]
    ) -> tuple[str, int, int, float] | None:
        """Return the span of a sentence in another part of the best one's report (the reflections beside a visit's
        account) that gives a purpose and names a party the question names, scoring nearly as well as the best,
        when the question asks why a step of the trip was taken; else None."""
        if not question or not scored or PURPOSE not in asked_kinds(question) or not self.parties:
            return None
        spellings = [fold(sp) for party in self.parties(question) for sp in party if sp]
        first = self.index.sentences[scored[0].sentence_id]
        part = self.index.document(first.doc_id).section_at(first.start).path[:1]
        for cand, sentence in self._near_best(scored, spans):
            if PURPOSE not in self.reading(cand.sentence_id).kinds:
                continue
            if self.index.document(sentence.doc_id).section_at(sentence.start).path[:1] == part:
                continue  # the same part: the account's own purpose, not the reflections'
            if any(sp in fold(self.text(cand.sentence_id)) for sp in spellings):
                return (sentence.doc_id, sentence.start, self._purpose_end(cand.sentence_id), round(cand.score, 4))
        return None

    def _near_best(
        self, scored: list[ScoredSentence], spans: list[tuple[str, int, int, float]]
    ) -> Iterator[tuple[ScoredSentence, Sentence]]:
        """Yield the candidates for one more quote beside the best sentence: among the best `restatement_candidates`,
        scoring at least `restatement_ratio` of it, in its report, no caption, not quoted yet."""
        s = self.settings
        first = self.index.sentences[scored[0].sentence_id]
        for cand in scored[1 : s.restatement_candidates]:
            if cand.score < scored[0].score * s.restatement_ratio:
                break
            sentence = self.index.sentences[cand.sentence_id]
            if (
                sentence.doc_id == first.doc_id
                and not self.reading(cand.sentence_id).caption
                and not any(d == sentence.doc_id and a < sentence.end and sentence.start < b for d, a, b, _ in spans)
            ):
                yield cand, sentence

    def _purpose_end(self, sentence_id: int) -> int:
        """Return where the purposes a sentence starts end: the clauses after its 「；」 that give a purpose too
        ("…可作為<A>之參考；…亦可作為<B>的參考。") belong to it."""
        sentences, text = self.index.sentences, self.index.document(self.index.sentences[sentence_id].doc_id).text
        end, i = sentences[sentence_id].end, sentence_id
        while (
            i + 1 < len(sentences)
            and sentences[i + 1].doc_id == sentences[i].doc_id
            and text[sentences[i].start : sentences[i].end].rstrip().endswith("；")
            and PURPOSE in self.reading(i + 1).kinds
        ):
            i += 1
            end = sentences[i].end
        return end

    def _restatement(
        self, scored: list[ScoredSentence], spans: list[tuple[str, int, int, float]]
    ) -> tuple[str, int, int, float] | None:
        """Return the span of a sentence elsewhere in the report that says again what the best one says (a visit's
        account and the report's reflections telling the same fact; not another visit), scoring nearly as well, or
        None."""
        s = self.settings
        if not s.restatement_chars or not scored:
            return None
        first = self.index.sentences[scored[0].sentence_id]
        best, document = compact(self.text(scored[0].sentence_id)), self.index.document(first.doc_id)
        part = document.section_at(first.start).path[:2]
        for cand, sentence in self._near_best(scored, spans):
            # Two visits (two items of one part) writing one phrase tell two facts in the same words, not one twice.
            other = document.section_at(sentence.start).path[:2]
            if other[:1] == part[:1] and other != part:
                continue
            text = compact(self.text(cand.sentence_id))
            report = self.compacted_document(sentence.doc_id)
            blocks = SequenceMatcher(None, best, text, autojunk=False).get_matching_blocks()
            runs = (run for b in blocks for run in HAN_RUN_RE.findall(best[b.a : b.a + b.size]))
            # Written twice, a fact; written again and again, a name (a town's, an institute's).
            if any(len(run) >= s.restatement_chars and report.count(run) <= 2 for run in runs):
                return (sentence.doc_id, sentence.start, sentence.end, round(cand.score, 4))
        return None

    def _compact_document(self, doc_id: str) -> str:
        """Return a document's text as `compact` leaves it."""
        return compact(self.index.document(doc_id).text)

    def _score(
        self, query_text: str, query_vector: np.ndarray | None, ids: list[int], asked_text: str | None = None
    ) -> list[ScoredSentence]:
        """Return the sentences `ids` scored by similarity to the question, coverage of its words, whether they
        offer the kind of answer it asks for, tell of the act it asks about (`text.acts`: the dictionary's words
        for an English question's, "head" -> 率領, ask of none) and lie in the part of a report mentioning a party
        the question names (no rank bonus)."""
        s = self.settings
        as_asked = fold(query_text if asked_text is None else asked_text)
        planned = planned_asked(as_asked)  # "之後會幫本市做什麼？"
        # What is to be done after an act ("簽完之後會幫本市做什麼？") asks of the plan, the act only dating it.
        acts = frozenset() if planned else asked_acts(as_asked)
        wanted = set(content_tokens(query_text)) | acts
        asked = asked_kinds(query_text)
        day_asked = bool(_DAY_WORD.search(query_text))  # "第幾天", "how many days": the itinerary counts days
        parties = self.parties(query_text) if self.parties and s.named_party_weight else []
        days = {t for t in wanted if "/" in t}  # the days the question names ("6/22")
        noun = counted_noun(query_text)  # what "有多少員工？" counts
        away = self.elsewhere(query_text) if self.elsewhere and s.other_place_penalty else frozenset()
        holders = holders_asked(query_text)  # "哪位副市長": a sentence naming one
        items = items_asked(query_text)  # "有哪些景點？": a sentence naming several
        if query_vector is not None and ids:
            dense = self.index.sentence_vectors[ids] @ query_vector.astype(np.float32)
        else:
            dense = np.zeros(len(ids), dtype=np.float32)
        scored = []
        for sid, d in zip(ids, dense):
            reading, sentence = self.reading(sid), self.index.sentences[sid]
            coverage = len(wanted & reading.tokens) / len(wanted) if wanted else 0.0
            score = s.sentence_dense_weight * float(d) + s.sentence_coverage_weight * coverage
            if answers_kind(asked, reading.kinds) and counts(noun, self.text(sid)):
                score += s.answer_type_weight
                if DAY in asked and DAY in reading.kinds:
                    score += s.day_answer_weight
                if PURPOSE in asked and PURPOSE in reading.kinds:
                    score += s.purpose_weight
                if DISTINCTION in asked and DISTINCTION in reading.kinds:
                    score += s.distinction_weight
                if CAUSE in asked and CAUSE in reading.kinds:
                    score += s.cause_weight
                if ALIAS in asked and ALIAS in reading.kinds:
                    score += s.alias_weight
                if holders & reading.kinds:
                    score += s.title_holder_weight
            if acts & reading.tokens and (not asked or answers_kind(asked, reading.kinds)):
                score += s.act_weight
                if DATE in asked and acts & reading.dated:  # the date of the act asked, not of another it tells
                    score += s.dated_act_weight
            if items and ITEMS in reading.kinds:
                score += s.items_weight
            if planned and PLANNED in reading.kinds:
                score += s.planned_weight
                if parties and _planned_by(fold(self.text(sid)), parties):  # "未來<party>將協助本市…"
                    score += s.planned_by_party_weight
            if reading.caption:
                score -= s.caption_penalty
            if reading.row and DATE not in asked and not day_asked:
                score -= s.itinerary_row_penalty
            if days and (told := {t for t in reading.tokens if "/" in t}) and not days & told:
                score -= s.other_day_penalty
            if any(doc == sentence.doc_id and a <= sentence.start < b for doc, a, b in away):
                score -= s.other_place_penalty
            if parties and self.scope.in_scope(sentence.doc_id, sentence.start, parties):
                score += s.named_party_weight
            scored.append(ScoredSentence(sid, score, float(d), coverage))
        return scored

    def text(self, sid: int) -> str:
        """Return sentence `sid`'s text."""
        s = self.index.sentences[sid]
        return self.index.document(s.doc_id).text[s.start : s.end]

    def _read_sentence(self, sid: int) -> SentenceReading:
        """Return a sentence's tokens (its own, its heading's and, for a table row continuing the row
        above, that row's first cell's) and the kinds of answer it offers.

        A sentence is read under its heading: "招商晚宴" in the heading covers the question's words too;
        and "\t下午 港區\t參訪港務局" under "3/5 (二)" covers 3月5日下午.
        """
        s = self.index.sentences[sid]
        document = self.index.document(s.doc_id)
        text = document.text[s.start : s.end]
        context = f"{s.section.split(SECTION_SEPARATOR)[-1]} {row_key(document.text, s.start)}"
        caption = any(c0 <= s.start and s.end <= c1 for c0, c1 in document.template.captions)
        row = any(r.start <= s.start < r.end for r in document.template.itinerary)
        if caption:  # a caption broken over lines is read whole, as it is quoted
            start, end = caption_span(document.text, s.start, s.end, document.template.captions)
            text = document.text[start:end]
        tokens = frozenset(tokenize(text)) | frozenset(tokenize(context)) | act_tokens(fold(text))
        if (city := document.template.own_city) and OWN_CITY_WORD in text:  # the report's 本市 is the city filing it
            tokens |= frozenset(tokenize(city))
        # A row continuing a dated row ("\t下午 港區\t參訪港務局") gives that day as much as the row above does.
        kinds = offered_kinds(text) | (offered_kinds(row_key(document.text, s.start)) & {DATE, DAY} if row else set())
        return SentenceReading(tokens, frozenset(kinds), caption, row, dated_acts(fold(text)))


def _planned_by(folded: str, parties: list[tuple[str, ...]]) -> bool:
    """Return True when a folded sentence tells a plan the party asked of will carry out: one of its spellings
    just before 將 or 會 ("未來<party>將協助本市…", "<party>亦將…"), not a plan of the writers' about it ("期盼…運用
    <party>的軟體", "與<party>召開會議"), nor what it will not do ("<party>不會…")."""
    return any(re.search(re.escape(spelling) + _WILL_DO, folded) for party in parties for spelling in party if spelling)


# Will, just after a party's name: 將, or 會 that is no meeting or gathering (會議, 會談, 會見…) and not 不會.
_WILL_DO = r"[^，。；,]{0,2}?(?:將|(?<!不)會(?![議談見晤面長員場展]))"
