"""The Assistant: one object the CLI, UI and API call to ask the report a question."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from .aliases import build_aliases
from .answer import Answer, AnswerComposer
from .chunking import Chunk
from .config import MODES, Settings, settings_from_env
from .embedding import Embedder
from .evidence import Evidence
from .glossary import fold_latin, mine_glossary, plain_names
from .index import Index, open_index
from .ingest import SECTION_SEPARATOR, Section, require_corpus_dir
from .intent import (
    COVER,
    ITINERARY,
    LEADER_FIELD,
    MEMBERS,
    OVERVIEW,
    PURPOSE_SECTION,
    SUMMARY_SECTION,
    VISIT_DAY,
    Intent,
    asks_who_else,
    follow,
    is_cue_word,
    names_the_trip,
    only_a_place_beside,
    read_intent,
    section_named,
)
from .parties import holds, named_parties
from .premise import (
    Mention,
    days_off_the_itinerary,
    elsewhere_that_day,
    led_by_another,
    names_visit_heading,
    off_schedule,
    persons_asked,
    persons_elsewhere,
    persons_not_at,
    persons_not_met,
    titled_otherwise,
    unsupported,
    unvisited,
)
from .query import Query, QueryReader
from .question_check import EMPTY_QUESTION, QuestionError, question_problem
from .reports import ReportInfo, report_info
from .rerank import rerank_by_sentences
from .retrieval import Hit, Retriever
from .structured import TemplateAnswer, TemplateAnswerer
from .subjects import PLACE, SubjectFinder
from .template import OWN_CITY_WORD, is_travel, named_sections, row_places, stop_place
from .text.normalize import HAN_RUN_RE, fold, has_han
from .text.words import capitalized_names
from .translation_cache import load_translator

log = logging.getLogger(__name__)

OTHER_REPORTS_NOTICE = (
    "每份報告各有這一項，這裡引的是其中一份；可在「報告」中選擇要問哪一份。"
    "Each report has its own answer to this; the quote is from one of them. Choose reports to ask another."
)
EACH_REPORT_NOTICE = (
    "每份報告各有這一項，以下每份各引一句。Each report has its own answer to this: one quote from each report."
)
FIRST_REPORTS_NOTICE = (
    "每份報告各有這一項，以下引其中 {n} 份（共 {total} 份）；可在「報告」中選擇其他報告。"
    "Each report has its own answer to this: quotes from {n} of the {total} reports; choose reports to ask others."
)


# An English question placing itself at one event ("at the forum in <city>", "during the <Name> visit"): the
# event's words, up to a place, a date or a clause, whose noun in a report's words may be a visit's heading's.
_AT_AN_EVENT = re.compile(
    r"\b(?:at|during)\s+(?:(?:the|our|that|this)\s+)?((?:(?!\b(?:in|on|with|of|from|to)\b)[^?.!,;\d])+)", re.I
)
# A follow-up pointing at the visit just talked about ("那天", "那裡", "there").
_POINTS_AT_A_VISIT = re.compile(r"那天|當天|那裡|那邊|那兒|\bthere\s*\??$|\bthat (?:day|visit)\b", re.I)


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
        self.translator = load_translator(
            self.retriever.document_frequency, settings.translations_per_word, index.manifest, settings.embeddings_dir
        )
        mined = mine_glossary(list(index.documents.values()))
        self.glossary = plain_names(mined, self.translator.translate, self.retriever.document_frequency)
        # The parties a question names: read by reranking, sentence scoring and the premise check alike, once.
        self.parties = functools.lru_cache(maxsize=1024)(lambda text: tuple(named_parties(text, self.glossary)))
        self.party_names = tuple(fold(name) for name in self.glossary.values())  # the reports' names, folded
        # Each name with its Latin spellings (港務局, port authority): whose a guest on a list is (premise.unsupported).
        spellings: dict[str, list[str]] = {}
        for latin, name in self.glossary.items():
            spellings.setdefault(fold(name), [fold(name)]).append(latin)
        self.party_spellings = tuple(tuple(group) for group in spellings.values())
        self.template = TemplateAnswerer(index, settings)
        # The visits placed in other cities than a question names: read by reranking and sentence scoring alike, once.
        elsewhere = functools.lru_cache(maxsize=1024)(self.template.visits_elsewhere)
        self.composer = AnswerComposer(index, settings, self.parties, self.template.scheduled_days, elsewhere)
        text = "\n".join(d.text for d in index.documents.values())
        self.aliases = build_aliases(
            self.glossary,
            self.translator.name_glosses,
            self.retriever.document_frequency,
            self.translator.is_word,
            self.translator.translate,
            fold(text),
        )
        rows = (d.text[r.start : r.end] for d in index.documents.values() for r in d.template.itinerary)
        # The places and parties a follow-up may switch to ("那<city>那邊呢？"): chat.Conversation swaps them.
        self.subjects = SubjectFinder(set().union(*(row_places(row) for row in rows)), self.glossary)
        self.reader = QueryReader(
            settings, self.glossary, self.translator, self.aliases, self.retriever.document_frequency, text
        )

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
        require_corpus_dir(settings.corpus_dir)  # before the model is converted or loaded: a typo fails at once
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
        sections: list[tuple[str, str]] | None = None,
        days: Sequence[tuple[str, str]] = (),
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
            sections: answer from these (document, section label) only, and their subsections, when they hold
                any passage (a follow-up pointing back at what the previous answer was about: focus.py).
            days: the (document, day) pairs ("6/19") the previous answer was about: what "那天下午呢？" and "隔天呢？"
                count from.

        Raises:
            QuestionError: the question is empty, `top_k`/`mode` are out of range, or a report is unknown.
        """
        top_k, mode = self._options(top_k, mode)
        question = question if isinstance(question, str) else ""
        query = self._read(question)
        days = [(doc_id, day) for doc_id, day in days if doc_id in self.index.documents]  # a report since removed
        on_day = self._day_sections(query.text, days)
        asked = self.report_names(reports) if reports else self.sources  # the reports asked, by source name
        chosen = self._chunks_of(asked) if reports else None
        if on_day:  # the day the question points at holds, whatever else it names
            only = self._within(on_day, chosen, query.text, release=False)
        elif word := section_named(query.text):  # "心得裡說…": that section, whatever else it names
            only = self._within(self._top_sections(word), chosen, query.text, release=False)
        else:
            only = self._within(sections, chosen, query.text) if sections else chosen
        # The answer step scores sentences with the model in every mode, so the vector is always needed.
        context_text = self.reader.context(context)
        vectors = self._vectors(query, bool(context_text))
        hits, query_vector = self._retrieve(
            query, vectors, context_text, mode, max(top_k, self.settings.rerank_depth), only
        )
        intent = self._placed_intent(query.text, context_text, bool(days), bool(sections))
        intent = self._anchored(intent, hits, days)
        template, mentions = self._read_structure(query, hits, intent)
        persons = self._persons(query, hits)
        if template is not None and template.kind == ITINERARY and template.supplements:
            # Whom a day's visits met: the rows' sentences are read from those visits only, or the rows stand alone.
            visits = self._within(self._row_visits(template, intent, query), chosen, query.text, release=False)
            if visits is None or visits is chosen:
                template = replace(template, supplements=False)
            else:
                depth = max(top_k, self.settings.rerank_depth)
                hits, query_vector = self._retrieve(query, vectors, context_text, mode, depth, visits)
        template = self._from_each_report(template, intent, query, asked)
        evidence = self._evidence(question, query, query_vector, (hits, top_k), mode, template, mentions)
        evidence = replace(evidence, persons=persons)
        return self.composer.compose(self._scoped(evidence, query.text, asked, limited=bool(reports)))

    def _evidence(
        self,
        question: str,
        query: Query,
        query_vector: np.ndarray,
        found: tuple[list[Hit], int],
        mode: str,
        template: TemplateAnswer | None,
        mentions: list[Mention],
    ) -> Evidence:
        """Return what was found for the question, as the answer step reads it: of `found` (the passages
        retrieved, how many to show), the top ones shown and the pool its sentences are read from."""
        hits, top_k = found
        depth = max(self.settings.answer_passages, self.settings.typed_answer_passages)
        return Evidence(
            question=question,
            query_text=query.text,
            query_vector=query_vector,
            hits=hits[:top_k],
            pool=hits[:depth],  # the same passages however many the page shows
            mode=mode,
            notices=query.notices,
            unknown_names=list(
                dict.fromkeys(self.reader.unknown_names(query.text) + self._absent_roles(query, template))
            ),
            question_words=self.reader.question_words(query.text),
            shares_words=query.has_words and bool(self.retriever.indexed_tokens(query.lexical_text)),
            template=template,
            missing=self.reader.missing_share(query.text),
            false_premises=mentions,
            lexical_text=query.lexical_text if query.latin else "",
        )

    def _absent_roles(self, query: Query, template: TemplateAnswer | None) -> list[str]:
        """Return the roles a question asks who held that the reports never name; none when a cover field answers
        it ("報告署名是誰？" asks the cover's name field, whatever word the report uses for it)."""
        return [] if template is not None and template.kind == COVER else self.reader.absent_roles(query.text)

    def _read(self, question: str) -> Query:
        """Return the question as matched, or raise QuestionError when it is too long or empty."""
        if problem := question_problem(question, self.settings.max_question_input_chars):  # question_check.py
            raise QuestionError(problem)
        query = self.reader.read(question)
        if query is None:
            raise QuestionError(EMPTY_QUESTION)
        return query

    def _options(self, top_k: int | None, mode: str | None) -> tuple[int, str]:
        """Return (top_k, mode) with the settings' defaults filled in, checked."""
        top_k = self.settings.top_k if top_k is None else top_k
        mode = mode or self.settings.mode
        if mode not in MODES:
            raise QuestionError(f"unknown mode {mode!r}; choose one of {', '.join(MODES)}")
        if not isinstance(top_k, int) or not 1 <= top_k <= self.settings.max_top_k:
            raise QuestionError(f"top_k must be between 1 and {self.settings.max_top_k}, got {top_k!r}")
        return top_k, mode

    def _vectors(self, query: Query, follows: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """Return the question's vector, which its sentences are judged against, and the one passages are searched
        with: for a question in another script that BM25 reads with the report's words for its words
        (`search_with_report_words`), the mean of its vector and that of it read so; a follow-up (`follows`) is
        searched as `_retrieve` says."""
        wanted = self.settings.search_with_report_words and query.latin and not follows
        if not (wanted and query.lexical_text != query.text):
            vector = self.embedder.encode_queries([query.text])[0]
            return vector, vector
        vector, read = self.embedder.encode_queries([query.text, query.lexical_text])
        mean = vector + read
        return vector, mean / np.linalg.norm(mean)

    def _retrieve(
        self,
        query: Query,
        vectors: tuple[np.ndarray, np.ndarray],
        context_text: str,
        mode: str,
        depth: int,
        only: np.ndarray | None,
    ) -> tuple[list[Hit], np.ndarray]:
        """Return the ranked passages and the vector sentences are judged against. A question is searched with
        `vectors`' second (`_vectors`) and judged against the first; a follow-up is searched read with its context and
        alone (by the first: the second lost three follow-ups for one on dev) and judged against both, averaged."""
        query_vector, search_vector = vectors
        if context_text:
            joint_text = f"{context_text} {query.lexical_text}"
            joint_vector = self.embedder.encode_queries([joint_text])[0]
            alone = (query.lexical_text, query_vector)
            hits = self.retriever.search_with_context((joint_text, joint_vector), alone, mode, depth, query.latin, only)
            query_vector = query_vector + joint_vector
            query_vector = query_vector / np.linalg.norm(query_vector)
        else:
            hits = self.retriever.search(query.lexical_text, search_vector, mode, depth, query.latin, only)
        if mode == "hybrid" and self.settings.rerank_depth:
            head = [h.chunk_id for h in hits[: self.settings.rerank_depth]]
            best = self.composer.scorer.best_sentence_scores(query.lexical_text, query_vector, head, query.text)
            hits = rerank_by_sentences(hits, best, self.settings)
        return hits, query_vector

    @staticmethod
    def _intent(query_text: str, context_text: str, days_known: bool = False, places: bool = True) -> Intent:
        """Return what the question asks of the template; a follow-up keeps what its context asked of it, unless
        it asks of a day the conversation already knows ("隔天呢？": the day of the last answer). With `places`
        false, not what was done in a place."""
        intent = read_intent(query_text, places)
        if context_text and not (intent.anchored and intent.bare and days_known):
            # A context may hold several earlier questions ("19 號早上呢？ 對方是誰？"): the latest that names a day
            # or asks of the template is what "那天" and "那邊" refer to.
            earlier = [read_intent(part) for part in re.split(r"(?<=[?？])\s*", context_text) if part.strip()]
            intent = follow(intent, next((i for i in reversed(earlier) if i.kind), Intent()))
        if intent.then and intent.bare and not intent.kind and days_known:  # "看完之後去哪了？" after a visit's answer
            intent = replace(intent, kind=ITINERARY, anchored=True)
        return intent

    def _placed_intent(self, query_text: str, context_text: str, days_known: bool, visits_known: bool) -> Intent:
        """Return the question's intent (`_intent`), what was done in a place only when it names one; who led, of
        the visits a follow-up pointing back is held to (`visits_known`), unless it names the whole trip."""
        intent = self._intent(query_text, context_text, days_known)
        # A gist asked "in" the trip's country names no place of the itineraries: the trip's gist, read without places.
        unplaced = intent.kind == OVERVIEW and not intent.section and not self._places_named(query_text)
        if unplaced or (intent.in_place and not self._names_one_place(query_text)):
            intent = self._intent(query_text, context_text, days_known, places=False)
        # "what did the delegation get done at <party>?", "這趟去<city>的重點？": that visit's or place's gist
        named = intent.kind == OVERVIEW and intent.section == SUMMARY_SECTION
        if named and (self._names_a_visit(query_text) or self._names_a_visit_place(query_text)):
            return Intent(OVERVIEW)
        if intent.kind == COVER and intent.field == LEADER_FIELD and self._names_a_visit(query_text):
            return Intent()  # "去港務局那天由誰帶隊？" asks who led that visit, which the cover does not say
        # "為什麼要去港務局？", "為什麼要去那兒？" ask why that visit was made, not the trip's purpose.
        held = visits_known and not names_the_trip(query_text)  # "那是誰帶隊？", not "這趟是誰帶隊？"
        pointed = bool(context_text and (_POINTS_AT_A_VISIT.search(query_text) or held))
        if (
            intent.kind == OVERVIEW
            and intent.section == PURPOSE_SECTION
            and (self._names_a_visit(query_text) or pointed)
        ):
            return Intent()
        if intent.kind == MEMBERS and context_text and asks_who_else(query_text):
            return Intent()  # "還有誰也去了？" after a visit's answer asks who else was at that visit
        if intent.kind == COVER and intent.field == LEADER_FIELD and context_text and pointed:
            return Intent()  # "那天是誰帶隊去那裡的？", "那是誰帶隊？" after a visit's answer ask who led that visit
        return intent

    def _names_a_visit(self, text: str) -> bool:
        """Return True when `text` names a party whose dated visit a report tells of (see `named_visits`), or goes
        to a dated visit named by its heading's words, or opens with them ("去港務局那天", "港務局那場…" of
        "二、參訪鹿特丹港務局": `premise.names_visit_heading`), or, in English, is set at an event whose words (in the
        report's) a dated visit's heading holds ("at the logistics forum": 論壇)."""
        if any(self.named_visits(doc_id, text) for doc_id in self.index.documents):
            return True
        folded = fold(text)
        at = None if has_han(text) else _AT_AN_EVENT.search(text)
        head = at.group(1).split()[-1] if at and at.group(1).split() else ""  # the event's noun: "forum"
        words = {w for w in HAN_RUN_RE.findall(self.reader.lexical_text(head)) if len(w) >= 2} if head else set()
        words = {w for w in words if not self.subjects.is_place(w)}
        return any(
            (
                names_visit_heading(folded, section.path[-1], document, subject=True)
                or any(w in section.path[-1] for w in words)
            )
            and self.template.visit_days(doc_id, section.label)
            for doc_id, document in self.index.documents.items()
            for section in document.sections
            if section.kind == "body" and len(section.path) == 2
        )

    def _names_one_place(self, text: str) -> bool:
        """Return True when a question names one place of the itineraries and nothing else beside the words asking
        what was done there (intent.only_a_place_beside)."""
        found = self._places_named(text)
        return len({name for _, name in found}) == 1 and only_a_place_beside(text, min(found)[0])

    def _names_a_visit_place(self, text: str) -> bool:
        """Return True when a question names a place of the itineraries where visits are made, not one only travelled
        from (the home country of "臺灣→<city>")."""
        # As the question writes it, or by a name the reports give it (a Latin one), not the dictionary's words for
        # an English word (a country's cities for its name).
        places = {fold(s.name) for s in self.subjects.find(text) if s.kind == PLACE}
        return any(p in v or v in p for p in places for v in self._visit_places)

    @functools.cached_property
    def _visit_places(self) -> frozenset[str]:
        """The places (folded) of every itinerary row telling of a visit."""
        rows = (d.text[r.start : r.end] for d in self.index.documents.values() for r in d.template.itinerary)
        return frozenset(p for row in rows if not is_travel(row) and (p := stop_place(row)))

    def _places_named(self, text: str) -> set[tuple[str, str]]:
        """Return the places of the itineraries a question names: (as written, as the itineraries write it)."""
        found = {(text[s.start : s.end], s.name) for s in self.subjects.find(text) if s.kind == PLACE}
        if not has_han(text):  # an English name the reports write only in Chinese: the dictionary's word for it
            words = capitalized_names(text)
            found |= {(w, t) for w in words for t in self.translator.translate(w) if self.subjects.is_place(t)}
        return found

    def _anchored(self, intent: Intent, hits: list[Hit], days: Sequence[tuple[str, str]]) -> Intent:
        """Return the intent with the day "那天" or "隔天" is counted from: the previous answer's (`days`: (document,
        day) pairs) for a question naming nothing else, else the day of the visit holding the best passages
        ("去港務局那天還去了哪？"); no template question when neither is known."""
        if (
            not intent.anchored
            or intent.days
            or intent.day_numbers
            or intent.weekdays
            or intent.trip_day
            or intent.edge
        ):
            return intent
        if not intent.bare:  # the best passages standing in a visit (the summary may rank above it)
            chunks = [self.index.chunks[h.chunk_id] for h in hits[: self.settings.answer_passages]]
            found = ((c.doc_id, self.template.visit_days(c.doc_id, c.section)) for c in chunks)
            days = next((((doc_id, d[0]),) for doc_id, d in found if d), ())
        if not days:
            return Intent()
        report, day = days[0]
        return replace(intent, days=(day,), report=report)

    def _row_visits(self, template: TemplateAnswer, intent: Intent, query: Query) -> list[tuple[str, str]]:
        """Return the visits (document, section label) whose headings the itinerary rows asked of name (the
        half-day's, not the whole day the answer shows)."""
        document = self.index.document(template.doc_id)
        rows = self.template.itinerary_rows(document, intent, query.lexical_text)
        return [(template.doc_id, label) for label in named_sections(document.text, document.sections, rows)]

    def _day_sections(self, query_text: str, days: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
        """Return the visits (document, section label) of the day a follow-up points at ("隔天早上去拜會了誰？":
        the morning after the previous answer's day), as its itinerary rows name them; [] for any other question."""
        intent = read_intent(query_text)
        if not intent.of_day or not days:
            return []
        doc_id, day = days[0]
        document = self.index.document(doc_id)
        on_day = Intent(ITINERARY, days=(day,), half=intent.half, shift=intent.shift)
        return [
            (doc_id, label)
            for label in named_sections(document.text, document.sections, self.template.day_rows(document, on_day))
        ]

    def _read_structure(
        self, query: Query, hits: list[Hit], intent: Intent
    ) -> tuple[TemplateAnswer | None, list[Mention]]:
        """Return the answer the top report's template records give (if the question asks of them) and the question's
        false premises in the retrieved reports: a name presumed visited that they mention only elsewhere, an
        agreement or a person at a party they never tell of, a visit on a day or in a city their itinerary never
        puts it, a head put at a visit another led (premise.py)."""
        if not hits:
            return None, []
        top = self.index.chunks[hits[0].chunk_id]
        if intent.kind == VISIT_DAY:  # the day of the visit the question names, when a passage's heading names it
            top = self._named_visit(query.text, hits) or top
        elif intent.kind == OVERVIEW and not intent.section and not self._heads(top, query.text):
            top = self._named_visit(query.text, hits) or top  # the gist of the visit named, not of another part
        template = None
        if intent.kind and query.has_words:  # data or markup ("{...}", a path) gets no template answer either
            template = self.template.answer(intent, intent.report or top.doc_id, query.lexical_text, top.section)
        mentions: list[Mention] = []
        if self.settings.abstain_on_false_premise:
            # Every report among the passages found: one that tells of the visit clears the premise.
            reports = dict.fromkeys(self.index.chunks[h.chunk_id].doc_id for h in hits)
            documents = [self.index.document(d) for d in reports]
            parties = self.parties(query.text)
            mentions = unvisited(query.text, documents, self.reader.other_names)
            words = (self.party_spellings, self.other_names, self.translator.is_word)
            mentions += unsupported(query.text, documents, parties, *words)
            mentions += off_schedule(query.text, documents, parties, self.party_names)
            mentions += elsewhere_that_day(query.text, documents)
            if intent.kind == ITINERARY and template is None:
                mentions += days_off_the_itinerary(intent.days, documents)
            mentions += led_by_another(query.text, documents, parties)
            places = [s for p in parties if self.subjects.is_place(p[0]) for s in p if has_han(s)]
            respelled = self._respelled_persons(query.text)
            mentions += persons_elsewhere(query.text, documents, places, respelled)
            mentions += persons_not_met(query.text, documents, respelled)
            mentions += titled_otherwise(query.text, documents)
            visited = [p for p in parties if not self.subjects.is_place(p[0])]
            mentions += persons_not_at(query.text, documents, visited, respelled)
        return template, mentions

    def _persons(self, query: Query, hits: list[Hit]) -> list[Mention]:
        """Return the persons the question names that the retrieved reports name with a title (premise.persons_asked):
        an answer must quote one of them."""
        if not hits or not self.settings.abstain_without_named_person:
            return []
        reports = dict.fromkeys(self.index.chunks[h.chunk_id].doc_id for h in hits)
        documents = [self.index.document(d) for d in reports]
        return persons_asked(query.text, documents, self._respelled_persons(query.text), self.other_names)

    def other_names(self, name: str) -> list[str]:
        """Return a name's other names: the reports' (`QueryReader.other_names`), else the dictionary's (Taiwan: 臺灣)."""
        return self.reader.other_names(name) or self.translator.translate(name)

    def _respelled_persons(self, text: str) -> list[str]:
        """Return the Latin names (folded as the reports write them, accents kept, two words or more) of the persons
        a question writes in Han as the reports transliterate them ("<譯名>（<First Last>）"): the premise checks
        read Latin names, whose edges are sure."""
        folded = fold(text)
        keys = [
            latin
            for latin, name in self.glossary.items()
            if " " in latin.strip() and has_han(name) and len(name) >= 3 and fold(name) in folded
        ]
        out: list[str] = []
        for key in keys:  # the glossary's key is accent-free ("Benoît" is benoit): find it as written
            pattern = r"(?<![a-z])" + r"[^a-z]{1,3}".join(map(re.escape, key.split())) + r"(?![a-z])"
            for document in self.index.documents.values():
                plain = fold_latin(document.text)
                m = re.search(pattern, plain) if len(plain) == len(document.text) else None
                if m:
                    out.append(fold(document.text[m.start() : m.end()]))
                    break
        return list(dict.fromkeys(out))

    def _named_visit(self, text: str, hits: list[Hit]) -> Chunk | None:
        """Return the best of `hits`' passages whose heading names a party (not a place) the question names, or None."""
        chunks = (self.index.chunks[hit.chunk_id] for hit in hits[: self.settings.rerank_depth])
        return next((chunk for chunk in chunks if self._heads(chunk, text)), None)

    def _heads(self, chunk: Chunk, text: str) -> bool:
        """Return True when `chunk`'s section heading names a party (not a place) that `text` names."""
        return any(holds(fold(chunk.section), s) for s in self._party_spellings(text))

    def _party_spellings(self, text: str) -> list[str]:
        """Return every spelling of the parties (not places) `text` names."""
        return [s for party in self.parties(text) if not self.subjects.is_place(party[0]) for s in party if s]

    def named_visits(self, doc_id: str, text: str) -> list[str]:
        """Return the labels of `doc_id`'s dated visit sections whose heading names a party (not a place) that `text`
        names: what a quote naming that party (a closing section's point, or one of its visits) is about, for a
        follow-up ("他們那邊", "their head office")."""
        spellings = self._party_spellings(text)
        if not spellings:
            return []
        return [
            s.label
            for s in self.index.document(doc_id).sections
            if s.kind == "body"
            and len(s.path) == 2
            and any(holds(fold(s.path[-1]), spelling) for spelling in spellings)
            and self.template.visit_days(doc_id, s.label)
        ]

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

    def _chunks_of(self, sources: list[str]) -> np.ndarray:
        chosen = set(sources)
        return np.array([i for i, c in enumerate(self.index.chunks) if c.doc_id in chosen], dtype=np.int64)

    def _from_each_report(
        self, template: TemplateAnswer | None, intent: Intent, query: Query, asked: list[str]
    ) -> TemplateAnswer | None:
        """Return a cover answer with the same field of every other report `asked` (the chosen ones, else all, up to
        `settings.cover_answer_reports` in all): "Who led the delegation?" over an archive has one in each report.
        Any other record answer says whether another report asked has its own."""
        if template is None:
            return None
        if template.kind != COVER:
            # Any report asked, found among the passages or not: a member list is in every report.
            elsewhere = any(self.template.answer(intent, d, query.lexical_text) for d in asked if d != template.doc_id)
            return replace(template, elsewhere=elsewhere)
        others = [d for d in asked if d != template.doc_id][: max(0, self.settings.cover_answer_reports - 1)]
        also = [
            (doc_id, start, end)
            for doc_id in others
            if (found := self.template.answer(intent, doc_id, query.lexical_text)) is not None
            for start, end in found.spans
        ]
        return replace(template, also=tuple(also))

    def _scoped(self, evidence: Evidence, query_text: str, asked: list[str], limited: bool) -> Evidence:
        """Return the evidence with what the reports `asked` imply: when `limited` to a choice, names only other
        reports write (the chosen ones cannot answer); a notice that a cover answer quotes each report (or the first
        few), or, with no choice, that another report has a record of its own for the question."""
        template = evidence.template
        if template is not None and template.kind == COVER and len(asked) > 1:
            quoted = 1 + len(dict.fromkeys(d for d, _, _ in template.also))
            total = len(asked)
            notice = EACH_REPORT_NOTICE if quoted >= total else FIRST_REPORTS_NOTICE.format(n=quoted, total=total)
            evidence = replace(evidence, notices=[*evidence.notices, notice])
        if limited:
            absent = self._absent(query_text, asked)
            return replace(evidence, unknown_names=[*evidence.unknown_names, *absent])
        if template is not None and template.elsewhere:
            return replace(evidence, notices=[*evidence.notices, OTHER_REPORTS_NOTICE])
        return evidence

    def _absent(self, query_text: str, chosen: list[str]) -> list[str]:
        """Return the names in the question (capitalized words) the chosen reports never write though another
        report does: asked of the wrong report, its nearest passage would be quoted as if it answered."""
        return [
            name
            for name in capitalized_names(query_text, min_chars=3)
            if not any(fold(name) in self.index.document(d).folded for d in chosen)
            and self.retriever.document_frequency(fold(name))
        ]

    def _top_sections(self, word: str) -> list[tuple[str, str]]:
        """Return the (document, label) of every report's top-level sections whose heading holds `word` (心得)."""
        return [(d.doc_id, s.label) for d in self.index.documents.values() for s in d.top_sections(word)]

    def _within(
        self, sections: list[tuple[str, str]], only: np.ndarray | None, query_text: str, release: bool = True
    ) -> np.ndarray | None:
        """Return the chunk ids (among `only`, when given) inside the given sections or their subsections; `only`
        unchanged when none is, or (with `release`) when the question names something those sections never write
        ("港務局那邊呢？" after a meeting elsewhere): then it is about that, not about what was said before."""
        allowed = None if only is None else set(only.tolist())
        inside = [i for i in self.chunks_in(sections) if allowed is None or i in allowed]
        if not inside:
            return only
        if release:
            written = fold(" ".join(self.index.chunks[i].text for i in inside))
            # The city filing a report is its 本市: "它對<city>有什麼參考？" names no other subject.
            cities = {self.index.document(d).template.own_city for d, _ in sections} if OWN_CITY_WORD in written else ()
            written += "".join(f" {fold(c)}" for c in cities if c)
            words = [
                w for w in self.reader.question_words(query_text) if len(w) >= 2 and has_han(w) and not is_cue_word(w)
            ]
            # Only a name counts: a party or place found in the question, or a word of a section's heading ("雙方",
            # "議題" name nothing, and the sections talked about need not write them).
            subjects = [query_text[x.start : x.end] for x in self.subjects.find(query_text)]
            named = [w for w in words if self._names_a_heading(w) or any(w in subject for subject in subjects)]
            if any(self.retriever.document_frequency(w) and w not in written for w in named):
                return only
        return np.array(inside, dtype=np.int64)

    def chunks_in(self, sections: Sequence[tuple[str, str]]) -> list[int]:
        """Return the ids of the chunks inside the given (document, section label) sections or their subsections."""
        return [
            i
            for i, c in enumerate(self.index.chunks)
            if any(
                c.doc_id == d and (c.section == s or c.section.startswith(s + SECTION_SEPARATOR)) for d, s in sections
            )
        ]

    @functools.cached_property
    def _headings(self) -> tuple[tuple[str, ...], ...]:
        """Each report's section headings, folded, each once."""
        return tuple(tuple(dict.fromkeys(fold(s.path[-1]) for s in d.sections)) for d in self.index.documents.values())

    def _names_a_heading(self, word: str) -> bool:
        """Return True when a (folded) word is in a heading of a report, and in a few of its headings at most
        (`settings.named_headings`): a name, not a kind of visit every report heads many sections with."""
        counts = [sum(word in h for h in headings) for headings in self._headings]
        return any(counts) and all(c <= self.settings.named_headings for c in counts)

    def reports(self) -> list[ReportInfo]:
        """Return every indexed report with its cover fields (settings.report_fields), by source name."""
        return [report_info(self.index.document(s), self.settings.report_fields) for s in self.sources]

    @property
    def sources(self) -> list[str]:
        """Return the indexed documents' source names."""
        return sorted(self.index.documents)
