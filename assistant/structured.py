"""Answers read off the template's records: a cover field, member rows, a day's itinerary rows, a section's
items (its sub-headings) or its lead. Each answer is a list of spans of one document's text."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

import numpy as np

from .answer_type import DATE, DAY, PERSON, REASON, asked_kinds, offered_kinds
from .config import Settings
from .index import Index
from .ingest import Document, Section
from .intent import (
    COVER,
    ITINERARY,
    LAST_FULL,
    LIST,
    MEMBERS,
    OVERVIEW,
    PURPOSE_SECTION,
    SUMMARY_SECTION,
    VISIT_DAY,
    Intent,
)
from .template import ItineraryRow, is_travel, named_sections, rows_naming, stop_place
from .text.layout import trim_span
from .text.normalize import fold
from .text.tokens import date_tokens

# A member row is named by the question when this many of its characters spell the row's unit or title
# ("秘書處", "副局長", 經發局 for 經濟發展局); "市長" alone is in every title of a city delegation and names nobody.
_MIN_ROW_MATCH = 3
# A sentence telling of the visit itself ("…於 6 月 21 日參訪…", "…率團拜會…"), not of a date in its background.
_VISIT_TOLD = re.compile(r"參訪|拜會|拜訪|訪問|造訪|參觀|走訪|率團|接待|會晤|會見|出席|前往|抵達")


@dataclass(frozen=True)
class TemplateAnswer:
    """Spans of `doc_id`'s text that answer the question, in reading order, and what they answer."""

    doc_id: str
    spans: list[tuple[int, int]]
    kind: str
    # True when the spans add to the best-scored sentences (a visit's lead) instead of replacing them.
    supplements: bool = False
    # The same record in the other reports asked, (document, start, end) each: a cover field every report has.
    also: tuple[tuple[str, int, int], ...] = ()
    # Another report asked has its own record for the question (its own member list, its own rows of that day).
    elsewhere: bool = False


# A heading naming an organisation visited, by its kind: a company (公司, 總部, 集團), an association (聯盟, 協會,
# 商會, 組織) or a works (工廠).
_ORGANISATION = re.compile(r"公司|總部|集團|企業|聯盟|協會|商會|公會|組織|工廠|銀行")


class TemplateAnswerer:
    """Reads answers to template questions off a document's records (see `template.read_template`)."""

    def __init__(self, index: Index, settings: Settings) -> None:
        self.index = index
        self.settings = settings
        self._places: dict[str, list[tuple[int, int, frozenset[str]]]] = {}  # each document's visits' cities

    def answer(self, intent: Intent, doc_id: str, question: str, top_section: str = "") -> TemplateAnswer | None:
        """Return the spans that answer `intent` in document `doc_id`, or None when its records hold no answer.

        `question` is what matching reads (an English question with its Chinese words added); `top_section`
        is the label of the best passage's section, whose lead answers an overview of no named section.
        """
        doc = self.index.document(doc_id)
        spans: list[tuple[int, int]] = []
        if intent.kind == COVER:
            # "出國人員姓名職稱：…" is the 姓名職稱 field too: a key ends with the field's name.
            fields = [*doc.template.cover, *([doc.template.title] if doc.template.title else [])]
            for key in intent.fields or (intent.field,):
                spans += [(f.start, f.end) for f in fields if f.key.endswith(key)][:1]
        elif intent.kind == MEMBERS:
            spans = self._members(doc, question)
        elif intent.kind == ITINERARY:
            spans = self._itinerary(doc, intent, question)
        elif intent.kind in (LIST, OVERVIEW):
            spans = self._section(doc, intent, top_section)
        elif intent.kind == VISIT_DAY:
            spans = self._visit_day(doc, top_section)
        # Whom a day's visit met ("6/19 上午去拜會誰？"): its row names the office, the visit's sentences the people.
        met = intent.kind == ITINERARY and PERSON in asked_kinds(question)
        supplements = (intent.kind == OVERVIEW and not intent.section) or intent.kind == VISIT_DAY or met
        return TemplateAnswer(doc_id, spans, intent.kind, supplements) if spans else None

    def _members(self, doc: Document, question: str) -> list[tuple[int, int]]:
        rows = doc.template.members
        if len(rows) < 2:
            return []
        folded = fold(question)
        best = {r: max((_abbreviated_run(folded, fold(c)) for c in r.cells[1:-1] if c), default=0) for r in rows[1:]}
        top = max(best.values())
        named = [r for r in rows[1:] if best[r] == top] if top >= _MIN_ROW_MATCH else []
        if named and len(named) < len(rows) - 1:
            return [(r.start, r.end) for r in named]
        return [(rows[0].start, rows[-1].end)]

    def itinerary_rows(self, doc: Document, intent: Intent, question: str) -> list[ItineraryRow]:
        """Return the itinerary rows an itinerary question asks of: a stop's, a place's, the whole table, or those
        of the day (and half-day) it names."""
        if intent.stop:
            return _stop_rows(doc, intent.stop, question)
        if intent.in_place and not intent.trip_day:
            return _place_rows(doc, question)
        if intent.whole:
            return list(doc.template.itinerary)
        return self.day_rows(doc, intent, question)

    def _itinerary(self, doc: Document, intent: Intent, question: str) -> list[tuple[int, int]]:
        if intent.organisations and (visits := self._organisations_visited(doc)):
            return visits
        spans: dict[int, tuple[int, int]] = {}
        rows = self.itinerary_rows(doc, intent, question)
        for r in rows:  # one span per day: from the row naming the day to its last chosen row
            start, end = spans.get(r.day_start, (r.day_start, r.end))
            spans[r.day_start] = (start, max(end, r.end))
        return [*spans.values(), *([] if intent.whole else self._visits_told(doc, rows))]  # the whole plan is a table

    def _organisations_visited(self, doc: Document) -> list[tuple[int, int]]:
        """Return the heading of each visit whose heading names an organisation (a company, its head office, a
        group, a federation) and the sentence telling of that visit, in reading order: the organisations visited."""
        spans = []
        for head in doc.sections:
            if head.kind != "body" or len(head.path) != 2 or not _ORGANISATION.search(head.path[-1]):
                continue
            if not self.visit_days(doc.doc_id, head.label):
                continue
            end = doc.parts[doc.part_at(head.start)][2]
            spans += [trim_span(doc.text, head.start, head.body_start), *self._told_on_a_day(doc, head.body_start, end)]
        return spans

    def _visits_told(self, doc: Document, rows: list[ItineraryRow]) -> list[tuple[int, int]]:
        """Return the sentence telling of each visit the rows name ("…於 6 月 21 日參訪…": who went, whom they
        met), when they name at most `itinerary_visits_told`: what a row calls a visit, the report tells of."""
        labels = set(named_sections(doc.text, doc.sections, rows))
        heads = [s for s in doc.sections if s.label in labels and len(s.path) == 2]
        if not 0 < len(heads) <= self.settings.itinerary_visits_told:
            return []
        return [
            span
            for head in heads
            for span in self._told_on_a_day(doc, head.body_start, doc.parts[doc.part_at(head.start)][2], undated=True)
        ]

    def day_rows(self, doc: Document, intent: Intent, question: str = "") -> list[ItineraryRow]:
        """Return the itinerary rows of the day (and half-day) `intent` names, shifted by its `shift`; an n-th day
        in a place (`intent.in_place`) is counted among the days visiting the place the question names."""
        rows = list(doc.template.itinerary)
        if not rows:
            return []
        # An n-th day in a place counts that place's days; naming none of the itinerary's places, the trip's.
        counted = (_place_rows(doc, question) if intent.in_place else []) or rows
        if intent.edge == LAST_FULL:  # "最後一整天": not a closing day of flights only
            full = {r.days for r in counted if not is_travel(doc.text[r.start : r.end])}
            counted = [r for r in counted if r.days in full]
        trip_days = list(dict.fromkeys(r.days for r in counted))  # the days in the table's order
        if intent.edge or intent.trip_day:
            n = intent.trip_day or (1 if intent.edge == "first" else -1)
            if not trip_days or n > len(trip_days):
                return []
            chosen = [r for r in rows if r.days == trip_days[n - 1 if n > 0 else n]]
        else:
            chosen = [r for r in rows if _on_day(r, intent)]
        if intent.shift and chosen:  # "隔天", "前一天": the calendar's next or previous day, when the table has it
            edge_day = chosen[-1].days[-1] if intent.shift > 0 else chosen[0].days[0]
            day = _shifted(edge_day, intent.shift)
            shifted = [r for r in rows if day in r.days]
            if not shifted and intent.edge:  # "回國前一天" where the table skips that calendar day: its day before
                i = trip_days.index(chosen[0].days) + (1 if intent.shift > 0 else -1)
                shifted = [r for r in rows if r.days == trip_days[i]] if 0 <= i < len(trip_days) else []
            chosen = shifted
        if intent.half and any(r.half == intent.half for r in chosen):
            chosen = [r for r in chosen if r.half == intent.half]
        return chosen

    def _section(self, doc: Document, intent: Intent, top_section: str) -> list[tuple[int, int]]:
        if intent.section:
            section = next(iter(doc.top_sections(intent.section)), None)
        else:
            section = _body_section(doc, top_section)
            if section is not None and any(section.start <= r.start < section.end for r in doc.template.itinerary):
                return []  # the itinerary table is no visit: its rows have no gist ("那天主要談了什麼？")
        if section is None:
            return []
        children = doc.children(section)
        if intent.ordinal:
            if intent.ordinal > len(children):
                return []
            section, children = children[intent.ordinal - 1], []
        if children and intent.kind == LIST and not intent.section:
            return [trim_span(doc.text, c.start, c.body_start) for c in children]
        if children and intent.section:  # the gist of each item: its heading and its first sentence (no caption)
            spans = []
            for c in children:
                spans.append(trim_span(doc.text, c.start, c.body_start))
                first = [i for i in self._within(doc.doc_id, c.body_start, c.end) if not self._caption(doc, i)][:1]
                spans += [(self.index.sentences[i].start, self.index.sentences[i].end) for i in first]
            return spans
        if intent.section == PURPOSE_SECTION and not intent.ordinal:  # the summary states the trip's aims too
            return [*self._lead(doc, section), *self._summary_purpose(doc)]
        return self._lead(doc, section)

    def _summary_purpose(self, doc: Document) -> list[tuple[int, int]]:
        """Return the first sentence of the report's summary (摘要) giving a purpose ("為推動本市…"), or []."""
        summary = next(iter(doc.top_sections(SUMMARY_SECTION)), None)
        if summary is None:
            return []
        ids = [i for i in self._within(doc.doc_id, summary.body_start, summary.end) if not self._caption(doc, i)]
        first = next((i for i in ids if REASON in offered_kinds(self._text(doc, i))), None)
        return [] if first is None else [(self.index.sentences[first].start, self.index.sentences[first].end)]

    def visits_elsewhere(self, text: str) -> frozenset[tuple[str, int, int]]:
        """Return the (document, start, end) of the visits the itinerary places only in other cities than those a
        question names ("在<city>…" sets aside the visits it schedules in another city); none when it names no city
        a visit is placed in."""
        folded = fold(text)
        out: set[tuple[str, int, int]] = set()
        for doc_id in self.index.documents:
            located = self._located(doc_id)
            named = {city for _, _, cities in located for city in cities if city in folded}
            out |= {(doc_id, a, b) for a, b, cities in located if named and cities and not cities & named}
        return frozenset(out)

    def _located(self, doc_id: str) -> list[tuple[int, int, frozenset[str]]]:
        """Return each visit of `doc_id` (a top-level heading's part) with the cities the itinerary rows writing its
        heading place it in, read once."""
        if doc_id not in self._places:
            doc = self.index.document(doc_id)
            located = []
            for head, start, end in doc.parts:
                if head.kind != "body" or len(head.path) < 2:
                    continue
                lines = [
                    doc.text[r.start : r.end] for r in rows_naming(doc.text, doc.template.itinerary, head.path[-1])
                ]
                located.append((start, end, frozenset(stop_place(line) for line in lines) - {""}))
            self._places[doc_id] = located
        return self._places[doc_id]

    def visit_days(self, doc_id: str, section_label: str) -> tuple[str, ...]:
        """Return the days ("6/21") of the visit holding section `section_label`, as its own dated sentence gives
        them; () when it gives none (see `_visit_day`)."""
        doc = self.index.document(doc_id)
        spans = self._visit_day(doc, section_label)
        if days := tuple(t for a, b in spans for t in date_tokens(fold(doc.text[a:b])) if "/" in t):
            return days
        # A visit whose text gives no date: the itinerary's row that names its heading does.
        _, rows = _heading_rows(doc, section_label)
        return tuple(dict.fromkeys(day for row in rows for day in row.days))

    def scheduled_days(self, doc_id: str, section_label: str) -> tuple[str, ...]:
        """Return the days of the visit holding section `section_label`, when the itinerary schedules it (a row
        writes its heading): the rows' days and every day its text writes (a caption may date what was published
        later); () for any other section (心得 dates the visits it looks back on)."""
        doc = self.index.document(doc_id)
        (start, end), rows = _heading_rows(doc, section_label)
        if not rows:
            return ()
        written = (t for t in date_tokens(fold(doc.text[start:end])) if "/" in t)
        return tuple(dict.fromkeys([*(day for row in rows for day in row.days), *written]))

    def _visit_day(self, doc: Document, top_section: str) -> list[tuple[int, int]]:
        """Return the first sentence telling of a visit on a day, in the visit holding the best passage: the visit is the
        section under a top-level heading ("參、行程紀要 › 五、參訪…") with its subsections; not the itinerary's."""
        section = _body_section(doc, top_section)
        if section is None or len(section.path) < 2:
            return []
        _, start, end = doc.parts[doc.part_at(section.start)]
        if any(start <= row.start < end for row in doc.template.itinerary):
            return []
        return self._told_on_a_day(doc, start, end)

    def _told_on_a_day(self, doc: Document, start: int, end: int, undated: bool = False) -> list[tuple[int, int]]:
        """Return the span of the first sentence of `doc` in [start, end) telling of a visit on a day, photo captions
        left out; with `undated`, failing that, of the first telling of a visit at all; else []."""
        ids = [i for i in self._within(doc.doc_id, start, end) if not self._caption(doc, i)]
        told = [i for i in ids if _VISIT_TOLD.search(self._text(doc, i))]
        dated = (i for i in told if DAY in offered_kinds(self._text(doc, i)))
        first = next(dated, told[0] if undated and told else None)
        return [] if first is None else [(self.index.sentences[first].start, self.index.sentences[first].end)]

    def _lead(self, doc: Document, section: Section) -> list[tuple[int, int]]:
        """Return a section's gist (`_gist`) and, for a visit, its heading (which names it) and the first sentence
        that dates it ("…於 6 月 21 日參訪…", which says who went and who received them), photo captions left out.
        A visit's subsection stands for the whole visit (its heading and every subsection). A top section's heading
        ("貳、目的") says nothing its citation does not."""
        if len(section.path) > 2:
            section, _, end = doc.parts[doc.part_at(section.start)]
        else:
            end = section.end
        # A photo's caption repeats the text beside it: never part of a gist.
        ids = [i for i in self._within(doc.doc_id, section.body_start, end) if not self._caption(doc, i)]
        chosen = self._gist(ids)
        dated = next((i for i in ids if DATE in offered_kinds(self._text(doc, i))), None)
        if dated is not None and dated not in chosen:
            chosen.append(dated)
        spans = [(self.index.sentences[i].start, self.index.sentences[i].end) for i in chosen]
        heading = [trim_span(doc.text, section.start, section.body_start)] if len(section.path) > 1 else []
        return [*heading, *sorted(spans)]

    def _within(self, doc_id: str, start: int, end: int) -> list[int]:
        """Return the ids of the sentences of `doc_id` starting within [start, end), in reading order."""
        return self.index.sentences_within(doc_id, start, end)

    def _caption(self, doc: Document, sentence_id: int) -> bool:
        """Return True when sentence `sentence_id` of `doc` is a photo caption."""
        start = self.index.sentences[sentence_id].start
        return any(c0 <= start < c1 for c0, c1 in doc.template.captions)

    def _text(self, doc: Document, sentence_id: int) -> str:
        """Return the text of sentence `sentence_id` of `doc`."""
        sentence = self.index.sentences[sentence_id]
        return doc.text[sentence.start : sentence.end]

    def _gist(self, ids: list[int]) -> list[int]:
        """Return the sentences (ids, in reading order) that give the gist of a passage of sentences `ids`: its
        first ones, then those most like the passage as a whole and least like those taken (maximal marginal
        relevance), within the settings' count and characters."""
        s = self.settings
        if not ids:
            return []
        vectors = self.index.sentence_vectors[ids].astype(np.float32)
        centre = vectors.mean(axis=0)
        centre /= np.linalg.norm(centre) or 1.0
        likeness = vectors @ centre
        sizes = [self.index.sentences[i].end - self.index.sentences[i].start for i in ids]
        taken = list(range(min(s.lead_first, len(ids))))
        while len(taken) > 1 and sum(sizes[i] for i in taken) > s.lead_chars:
            taken.pop()
        chars = sum(sizes[i] for i in taken)
        left = [i for i in range(len(ids)) if i not in taken]
        while left and len(taken) < s.lead_sentences:
            overlap = (vectors[left] @ vectors[taken].T).max(axis=1) if taken else np.zeros(len(left))
            scores = s.lead_diversity * likeness[left] - (1 - s.lead_diversity) * overlap
            best = left[int(np.argmax(scores))]
            if chars + sizes[best] > s.lead_chars:
                break
            taken.append(best)
            left.remove(best)
            chars += sizes[best]
        return [ids[i] for i in sorted(taken)]


def _body_section(doc: Document, label: str) -> Section | None:
    """Return the section of `doc`'s text labelled `label` (the best passage's), or None."""
    return next((s for s in doc.sections if s.label == label and s.kind == "body"), None)


def _heading_rows(doc: Document, label: str) -> tuple[tuple[int, int], list[ItineraryRow]]:
    """Return the span of the visit (a top-level heading's part) holding `doc`'s section labelled `label` and the
    itinerary rows writing that visit's heading; ((0, 0), []) for a section under no top-level heading."""
    section = _body_section(doc, label)
    if section is None or len(section.path) < 2:
        return (0, 0), []
    head, start, end = doc.parts[doc.part_at(section.start)]
    return (start, end), rows_naming(doc.text, doc.template.itinerary, head.path[-1])


def _shifted(day: str, days: int) -> str:
    """Return the "month/day" `days` days after `day` ("6/30", 1 -> "7/1"); "" for a day no calendar has."""
    month, number = (int(part) for part in day.split("/"))
    try:
        moved = datetime.date(2000, month, number) + datetime.timedelta(days=days)  # a leap year: 2/29 exists
    except ValueError:
        return ""
    return f"{moved.month}/{moved.day}"


def _stop_rows(doc: Document, stop: str, question: str) -> list[ItineraryRow]:
    """Return the itinerary row of the trip's first or last stop (`stop`), in the place the question names when
    it names one the rows do ("到<city>第一站去哪？"): rows that only travel ("上午 A→B") are no stop."""
    rows = _place_rows(doc, question) or _visit_rows(doc)
    return rows[:1] if stop == "first" else rows[-1:]


def _place_rows(doc: Document, question: str) -> list[ItineraryRow]:
    """Return the itinerary rows whose visits are in the place the question names (none when it names no row's
    place): what was done there, day by day."""
    folded = fold(question)
    return [r for r in _visit_rows(doc) if (place := stop_place(doc.text[r.start : r.end])) and place in folded]


def _visit_rows(doc: Document) -> list[ItineraryRow]:
    """Return the itinerary rows that visit: rows that only travel ("上午 A→B　搭機前往…") are left out."""
    return [r for r in doc.template.itinerary if not is_travel(doc.text[r.start : r.end])]


def _on_day(row: ItineraryRow, intent: Intent) -> bool:
    if intent.days:
        return bool(set(row.days) & set(intent.days))
    if intent.weekdays:
        return bool(set(row.weekdays) & set(intent.weekdays))
    return any(int(day.split("/")[1]) in intent.day_numbers for day in row.days)


def _abbreviated_run(question: str, cell: str) -> int:
    """Return the length of the longest run of the question whose characters occur in `cell` in order: 秘書處 in
    市政府秘書處, and 經發局 in 經濟發展局 (an abbreviation keeps its word's characters in their order)."""
    best = 0
    for i in range(len(question)):
        j, k = i, 0
        while j < len(question):
            k = cell.find(question[j], k)
            if k < 0:
                break
            j, k = j + 1, k + 1
        best = max(best, j - i)
    return best
