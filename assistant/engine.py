"""The Assistant: one object the CLI, UI and API call to ask the report a question."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace

import numpy as np

from .aliases import build_aliases, expand_aliases
from .answer import Answer, AnswerComposer
from .config import MODES, Settings, settings_from_env
from .embedding import Embedder
from .glossary import expand, mine_glossary
from .index import Index, open_index
from .ingest import Section
from .intent import Intent, follow, read_intent
from .premise import unvisited
from .question_check import NO_LANGUAGE_WORDS_NOTICE, has_report_language_words, question_problem
from .reports import ReportInfo, report_info
from .retrieval import Hit, Retriever, rrf
from .structured import TemplateAnswerer
from .text.normalize import has_han, normalize_query
from .text.tokens import content_tokens
from .translation_cache import load_translator

log = logging.getLogger(__name__)


class QuestionError(ValueError):
    """The question or its options cannot be answered as given (empty, bad mode, top-k out of range)."""


@dataclass(frozen=True)
class SectionView:
    """A whole section of a source file, for reading a quote in its surroundings."""

    source: str
    section: str
    start: int
    end: int
    text: str


class Assistant:
    """Answers questions about the indexed reports with verbatim, cited quotes."""

    def __init__(self, index: Index, embedder: Embedder, settings: Settings, notes: list[str] | None = None) -> None:
        self.index = index
        self.embedder = embedder
        self.settings = settings
        self.notes = list(notes or [])
        self.retriever = Retriever(index, settings)
        self.glossary = mine_glossary(list(index.documents.values()))
        self.translator = load_translator(
            self.retriever.document_frequency, settings.translations_per_word, index.manifest, settings.embeddings_dir
        )
        self.composer = AnswerComposer(index, settings)
        self.aliases = build_aliases(
            self.glossary, self.translator.name_glosses, self.retriever.document_frequency, self.translator.is_word
        )
        self.template = TemplateAnswerer(index, settings.lead_sentences, settings.lead_chars)

    @classmethod
    def load(
        cls,
        settings: Settings | None = None,
        rebuild: bool = False,
        embedder: Embedder | None = None,
        **overrides: object,
    ) -> Assistant:
        """Return an assistant over the corpus, loading the index or (re)building it when stale.

        Args:
            settings: paths and tuning; defaults to `settings_from_env()`.
            rebuild: build the index even when the saved one is current.
            embedder: an already loaded model for `settings.model`, to share between assistants.
            **overrides: Settings fields to replace (e.g. `model=`, `corpus_dir=`); None is ignored.
        """
        settings = (settings or settings_from_env()).with_overrides(**overrides)
        embedder = embedder or Embedder.load(settings)
        index, notes = open_index(settings, embedder, rebuild=rebuild)
        embedder.load_query_model()  # after any build, so the build never holds it
        return cls(index, embedder, settings, notes)

    def ask(
        self,
        question: str,
        top_k: int | None = None,
        mode: str | None = None,
        context: str | None = None,
        reports: list[str] | None = None,
    ) -> Answer:
        """Return the answer to `question`: verbatim quotes with sections, or an abstention, plus passages.

        Args:
            question: the question, in any of the report's languages.
            top_k: how many passages to return (1..settings.max_top_k).
            mode: "hybrid" (default), "dense" or "lexical".
            context: an earlier question this one follows up on; passages are retrieved for
                both together and for the question alone (fused), sentences are scored
                against the question itself.
            reports: answer only from these reports (names as `sources` lists them, or their file names);
                None or empty: from every report.

        Raises:
            QuestionError: the question is empty, `top_k`/`mode` are out of range, or a report is unknown.
        """
        top_k = self.settings.top_k if top_k is None else top_k
        mode = mode or self.settings.mode
        if mode not in MODES:
            raise QuestionError(f"unknown mode {mode!r}; choose one of {', '.join(MODES)}")
        if not isinstance(top_k, int) or not 1 <= top_k <= self.settings.max_top_k:
            raise QuestionError(f"top_k must be between 1 and {self.settings.max_top_k}, got {top_k!r}")
        only = self._chunks_of(reports) if reports else None
        question = question if isinstance(question, str) else ""
        if problem := question_problem(question, self.settings.max_question_input_chars):  # question_check.py
            raise QuestionError(problem)
        notices: list[str] = []
        words = has_report_language_words(question)  # paths, JSON, markup, code: abstain, saying so
        notices += [] if words else [NO_LANGUAGE_WORDS_NOTICE]
        query_text = normalize_query(question)
        if not query_text:
            raise QuestionError("the question is empty — type a question about the report")
        query_text = expand_aliases(query_text, self.aliases)
        limit = self.settings.max_question_chars
        if len(query_text) > limit:
            query_text = query_text[:limit]
            notices.append(f"問題過長，只使用前 {limit} 個字元。The question was cut to its first {limit} characters.")
        # The answer step scores sentences with the model in every mode, so the vector is always needed.
        query_vector = self.embedder.encode_queries([query_text])[0]
        latin = not has_han(query_text)
        lexical_text = self._lexical_text(query_text) if latin else query_text
        context_text = normalize_query(context)[:limit] if context else ""
        depth = self.settings.rerank_depth
        if context_text:
            joint_text = f"{context_text} {lexical_text}"
            joint_vector = self.embedder.encode_queries([joint_text])[0]
            hits = self._search_with_context(
                joint_text, joint_vector, lexical_text, query_vector, mode, max(top_k, depth), latin, only
            )
            # Sentences are judged against both readings: the follow-up alone and with its context.
            query_vector = query_vector + joint_vector
            query_vector = query_vector / np.linalg.norm(query_vector)
        else:
            hits = self.retriever.search(lexical_text, query_vector, mode, max(top_k, depth), latin, only)
        if mode == "hybrid" and depth:
            hits = self._rerank(lexical_text, query_vector, hits)
        unknown = self.translator.unknown_names(query_text) if self.settings.abstain_on_unknown_names else []
        intent = read_intent(query_text)
        if context_text:
            # A context may hold several earlier questions ("19 號早上呢？ 對方是誰？"): the latest that names a day
            # or asks of the template is what "那天" and "那邊" refer to.
            earlier = [read_intent(part) for part in re.split(r"(?<=[?？])\s*", context_text) if part.strip()]
            intent = follow(intent, next((i for i in reversed(earlier) if i.kind), Intent()))
        template, mentions = None, []
        if hits:
            top = self.index.chunks[hits[0].chunk_id]
            if intent.kind and words:  # data or markup ("{...}", a path) gets no template answer either
                template = self.template.answer(intent, top.doc_id, lexical_text, top.section)
            if self.settings.abstain_on_false_premise:
                # Every report among the passages found: one that tells of the visit clears the premise.
                reports = dict.fromkeys(self.index.chunks[h.chunk_id].doc_id for h in hits)
                documents = [self.index.document(d) for d in reports]
                mentions = unvisited(query_text, documents, lambda name: expand(name, self.glossary))
        return self.composer.compose(
            question,
            query_text,
            query_vector,
            hits[:top_k],
            mode,
            notices,
            unknown,
            self._question_words(query_text),
            shares_words=words and bool(self.retriever.indexed_tokens(lexical_text)),
            template=template,
            missing=self._missing_share(query_text),
            unvisited=mentions,
            lexical_text=lexical_text if latin else "",
        )

    def _missing_share(self, query_text: str) -> float:
        """Return the share of the question's words that the report never uses: Chinese words (two characters or
        more) no passage holds, English words with neither a passage using them nor a translation the report uses."""
        if has_han(query_text):
            words = [t for t in self._question_words(query_text) if len(t) >= 2]
            missing = [w for w in words if self.retriever.document_frequency(w) == 0]
        else:
            words = [t for t in content_tokens(query_text) if len(t) >= 3 and not t.isdigit()]
            missing = [
                w for w in words if self.retriever.document_frequency(w) == 0 and not self.translator.translate(w)
            ]
        return len(missing) / len(words) if words else 0.0

    def _question_words(self, query_text: str) -> list[str]:
        """Return the question's content tokens an answer should share: its Han pairs only when the report uses
        them or the dictionary knows them as words. 什麼活動 also yields 麼活, which no answer contains."""
        return [
            t
            for t in content_tokens(query_text)
            if len(t) != 2 or not has_han(t) or self.translator.is_word(t) or self.retriever.document_frequency(t) > 0
        ]

    def _rerank(self, lexical_text: str, query_vector: np.ndarray, hits: list[Hit]) -> list[Hit]:
        """Return `hits` with the top `rerank_depth` reordered by RRF of their order and their best sentences'.

        The passage whose best sentence answers best moves up: what the answer step will quote
        decides between passages the fused ranking nearly ties. Passages below the top keep their
        order and get the RRF score of that rank alone, so scores fall with rank on one scale.
        """
        s = self.settings
        head, tail = hits[: s.rerank_depth], hits[s.rerank_depth :]
        best = self.composer.best_sentence_scores(lexical_text, query_vector, [h.chunk_id for h in head])
        by_sentence = sorted(best, key=lambda c: (-best[c], c))
        fused = rrf([[h.chunk_id for h in head], by_sentence], s.rrf_k, [1.0, s.rerank_weight])
        by_id = {h.chunk_id: h for h in head}
        reranked = [replace(by_id[c], score=fused[c]) for c in sorted(fused, key=lambda c: (-fused[c], c))]
        return reranked + [replace(h, score=1.0 / (s.rrf_k + len(head) + i)) for i, h in enumerate(tail, start=1)]

    def _lexical_text(self, query_text: str) -> str:
        """Return what BM25 reads for a Latin-script question: it plus the Chinese names of the parties it
        names (glossary.py) and the report's words for its other words (translation.py). Dense retrieval,
        sentence scoring and confidence read the question as asked."""
        added = expand(query_text, self.glossary) if self.settings.glossary_expansion else []
        if self.settings.translations_per_word:
            added += [w for w in self.translator.translate(query_text) if w not in added]
        return f"{query_text} {' '.join(added)}" if added else query_text

    def _search_with_context(
        self,
        joint_text: str,
        joint_vector: np.ndarray,
        query_text: str,
        query_vector: np.ndarray,
        mode: str,
        top_k: int,
        latin: bool,
        only: np.ndarray | None = None,
    ) -> list[Hit]:
        depth = self.settings.max_top_k
        joint = self.retriever.search(joint_text, joint_vector, mode, depth, latin, only)
        alone = self.retriever.search(query_text, query_vector, mode, depth, latin, only)
        fused = rrf([[h.chunk_id for h in joint], [h.chunk_id for h in alone]], self.settings.rrf_k)
        by_id = {h.chunk_id: h for h in alone} | {h.chunk_id: h for h in joint}
        order = sorted(fused, key=lambda i: (-fused[i], i))[:top_k]
        return [replace(by_id[i], score=fused[i]) for i in order]

    def section_view(self, source: str, offset: int) -> SectionView:
        """Return the whole section of `source` that contains character `offset`.

        Raises:
            KeyError: `source` is not an indexed document.
        """
        document = self.index.document(source)
        section: Section = document.section_at(offset)
        return SectionView(
            source, section.label, section.start, section.end, document.text[section.start : section.end]
        )

    def report_names(self, names: list[str]) -> list[str]:
        """Return the indexed reports called `names` (a source name as `sources` lists it, or its file name).

        Raises:
            QuestionError: a name matches no report, or more than one.
        """
        chosen = []
        for name in names:
            found = [d for d in self.index.documents if name in (d, d.rsplit("/", 1)[-1])]
            if len(found) != 1:
                why = "matches no report" if not found else f"matches {len(found)} reports; give the full name"
                raise QuestionError(f"report {name!r} {why} (reports: {', '.join(self.sources)})")
            chosen.append(found[0])
        return list(dict.fromkeys(chosen))

    def _chunks_of(self, names: list[str]) -> np.ndarray:
        chosen = set(self.report_names(names))
        return np.array([i for i, c in enumerate(self.index.chunks) if c.doc_id in chosen], dtype=np.int64)

    def reports(self) -> list[ReportInfo]:
        """Return every indexed report with its cover fields (settings.report_fields), by source name."""
        return [report_info(self.index.document(s), self.settings.report_fields) for s in self.sources]

    @property
    def sources(self) -> list[str]:
        """Return the indexed documents' source names."""
        return sorted(self.index.documents)
