"""Multi-turn questions: a short or referring follow-up is asked together with the previous question."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .answer import Answer
from .config import Settings
from .focus import answer_days, answer_sections, listed_sections
from .ingest import SECTION_SEPARATOR
from .intent import COVER, MEMBERS, asks_who_else, asks_who_led_a_visit, names_the_trip, read_intent, refers_back
from .premise import LED, NOT_AT
from .subjects import switched
from .text.normalize import HAN_CHARS, fold, has_han, normalize_query
from .text.tokens import date_tokens
from .text.words import capitalized_names

# Openers and endings that continue the previous question ("那港務局呢？", "what about the port?"): always a follow-up,
# even when they name a new subject, since the rest of the question is the previous one's.
_CONTINUING = re.compile(
    r"^(那|那麼|還有|另外|而|和|與|至於|之後|接著|然後|後來|再來)|呢[?？]?$"
    r"|^(and|also|what about|how about|then|after that|afterwards|next)\b",
    re.IGNORECASE,
)
# Words pointing back at a subject said before ("由誰接待他們？", "who designed it?"). Not the words that
# name this trip or report (此行, 這次, 本次), nor words that merely contain a pointer (其他, 吉他, 應該, 因此),
# nor "is there …" ("there" points back only at the end: "what did they do there?").
_POINTING = re.compile(
    r"他們|她們|它們|它|(?<![其吉])他|她|其(?![他中實餘次])|(?<!應)該(?![行次])|(?<![因彼如])此(?![行次趟外])|"
    r"這個|那個|這些|那些|這家|那家|這位|那位|對方|雙方|那場|那次|那邊|那裡|那兒|當地|(?:^|(?<=[,，。?？\s]))那(?=是(?!不是|否))|"
    r"(?:^|(?<=[在於]))(?:會議?上|會議?中(?![斷止途心])|席間)|"  # at the meeting just talked about, not "記者會上"
    r"\b(it|its|they|them|their|those|he|she|him|his|her)\b|\bthere\s*\?$"
    r"|(?-i:(?<!\bsay )(?<!\bsaid )(?<!\bsays )(?<!\bso )(?<!\bsuch )(?<!\bthan )(?<!\bnote )(?<!\bnoted )"
    r"(?<!\bthink )(?<!\bhope )(?<!\bstated )(?<!\bshows )(?<!\bshowed )(?<!\bmean )(?<!\bmentioned )"
    r"\bthat\s+(?!(?:is|was|are|were|the|a|an|they|it|he|she|we|you|i|there|this)\b)[a-z]+)",
    re.IGNORECASE,
)
# One person pointed back at ("what did he say…", "她提到…"), not the delegation (they, 他們); and words asking beyond
# what was just talked about (other, else, 其他).
_ONE_PERSON = re.compile(r"\b(?:he|she|him|her|his)\b|他(?!們)|她(?!們)", re.IGNORECASE)
_ELSE = re.compile(r"\b(?:other|others|else)\b|其他|別的|另外", re.IGNORECASE)
# The n-th of what the last answer listed ("第二個地方是誰接待的？", "第二個呢？", "the second stop"): a place or a visit
# named as such, or the bare classifier ending the phrase; not "第一個心得", "第一天", "第三點".
_NTH_LISTED = re.compile(
    r"第\s?([一二三四五1-5])\s?(?:個|个|家|站|場|场|處|处)\s?(?:地方|行程|單位|单位|參訪|参访|拜會|拜会|機構|机构|公司)?"
    r"(?=\s?(?:呢|是|的|那|去|有|在|[,，?？。]|$))"
    r"|\bthe (first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th) (?:place|stop|one|visit|site|company|meeting)\b",
    re.IGNORECASE,
)
_NTH = {
    w: i
    for i, ws in enumerate(
        ("一 1 first 1st", "二 2 second 2nd", "三 3 third 3rd", "四 4 fourth 4th", "五 5 fifth 5th"), 1
    )
    for w in ws.split()
}
# The presumptions a rewritten follow-up carries from the question it rewrites: who led a visit, who was at it.
_CARRIED = frozenset({LED, NOT_AT})
# A Chinese question as matched has ASCII punctuation (NFKC); shown to a reader, it gets its own back.
_FULL_WIDTH = str.maketrans({",": "，", "?": "？", "!": "！", ";": "；", ":": "："})
_ENDED = re.compile(r"[?？!！。.]\s*$")
_WORD = re.compile(rf"[{HAN_CHARS}]|[A-Za-z0-9]+")
# A question of this few Han characters and words cannot stand on its own ("由誰接待？").
_SHORT_QUESTION = 5
# Nor, after an answer about something, can one of this few that names nothing at all ("實際走了哪些點？").
_SUBJECTLESS_QUESTION = 8


def names_a_subject(text: str) -> bool:
    """Return True when the question names something itself: a capitalized word that is not a question word."""
    return bool(capitalized_names(text))


def points_back(question: str) -> bool:
    """Return True when the question points back at what was said before ("對方派了誰？", "who met them there?") and
    names no subject of its own."""
    text = normalize_query(question)
    return bool(_POINTING.search(text)) and not names_a_subject(text)


def elliptical(question: str) -> bool:
    """Return True when a question is too short to stand alone and names no subject ("由誰接待？"): like one
    pointing back, it asks of what the previous answer was about."""
    text = normalize_query(question)
    return len(_WORD.findall(text)) <= _SHORT_QUESTION and not names_a_subject(text)


def needs_context(question: str) -> bool:
    """Return True when a question is a follow-up: it continues or points back at earlier turns, or it is
    too short to stand alone and names no subject of its own ("誰設計的？" yes, "UNESCO 是什麼？" no)."""
    text = normalize_query(question)
    if _CONTINUING.search(text) or _POINTING.search(text) or refers_back(text):
        return True
    return len(_WORD.findall(text)) <= _SHORT_QUESTION and not names_a_subject(text)


def _named_days(question: str) -> list[str]:
    """Return the month/day dates ("6/22") a question (as matched) names itself."""
    return [t for t in date_tokens(fold(question)) if "/" in t]


def shorten(text: str, limit: int) -> str:
    """Return `text` on one line, cut to `limit` characters with an ellipsis when longer."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: max(1, limit - 1)] + "…"


def _topic(answer: Answer, limit: int) -> str:
    """Return what an answer was about, for the next follow-up: a quoted table row says it itself (a day of the
    itinerary, a member); any other quote is about its section's heading."""
    if not answer.quotes:
        return ""
    quote = answer.quotes[0]
    text = quote.quote if "\t" in quote.quote else quote.section.split(SECTION_SEPARATOR)[-1]
    return shorten(text, limit)


@dataclass
class Conversation:
    """One user's chat: remembers the (resolved) previous questions to read follow-ups against.

    `history` holds each question as it was resolved (a follow-up together with its context),
    `asked` the questions as typed, which the follow-up notice quotes.
    """

    assistant: object
    history: list[str] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)
    # What the last answer was about, (document, section label): where "對方" and "那邊" point.
    focus: list[tuple[str, str]] = field(default_factory=list)
    # The (document, day) pairs the last answer was about ("6/19"): what "那天下午呢？" and "隔天呢？" count from.
    days: tuple[tuple[str, str], ...] = ()
    # Each question as a question standing alone (as matched), or "" for a follow-up read with its context:
    # what "那<city>那邊呢？" asks again of another subject.
    standalone: list[str] = field(default_factory=list)
    # What the last answer listed, in its order (focus.listed_sections): what "第二個地方" picks from.
    listed: list[tuple[str, str]] = field(default_factory=list)
    # The last pick read (question, what was listed, the pick): a turn asks `_nth_listed` up to four times.
    _nth_read: tuple = field(default=(), repr=False, compare=False)

    def context_for(self, question: str) -> str | None:
        """Return the earlier question that `question` follows up on, or None when it stands alone: a question of
        the cover or the member list ("誰率團？") is one, however short, but for who led asked after an itinerary
        question whose answer named visits ("6/23 下午去了哪？" then "是誰帶隊去的？": who led those). One picking the
        n-th of what the last answer listed ("第二個地方…") follows up, and so does one of a few words naming nothing
        after an answer about something ("實際走了哪些點？")."""
        if not self.history:
            return None
        if self._nth_listed(question):  # "第二個地方是誰接待的？": one of what the last answer listed
            return self.history[-1]
        matched = self._matched(question)
        if matched and self.focus and asks_who_led_a_visit(matched, self.history[-1]):  # after a day's visits
            return self.history[-1]
        if not needs_context(question) and not self._subjectless(matched):
            return None
        if matched and read_intent(matched).kind in (COVER, MEMBERS) and not _POINTING.search(matched):
            # "還有誰也去了？" after a visit's answer asks who else was at it; else the record stands alone
            if not (self.focus and asks_who_else(matched)):
                return None
        return self.history[-1]

    def _nth_listed(self, question: str) -> tuple[str, str] | None:
        """Return the section of the n-th of what the last answer listed that a question naming nothing else picks
        ("第二個地方…", "the second stop"; not "到<city>第一站去哪？"), or None."""
        key = (question, tuple(self.listed))
        if self._nth_read[:2] != key:
            self._nth_read = (*key, self._pick_listed(question))
        return self._nth_read[2]

    def _pick_listed(self, question: str) -> tuple[str, str] | None:
        """Return what `_nth_listed` returns, read afresh."""
        text = normalize_query(question)
        m = _NTH_LISTED.search(text)
        n = _NTH[(m[1] or m[2]).lower()] if m else 0
        if not 0 < n <= len(self.listed):
            return None
        finder = getattr(self.assistant, "subjects", None)
        if names_a_subject(text) or (finder is not None and finder.find(text)) or _named_days(text):
            return None
        return None if names_the_trip(text) else self.listed[n - 1]  # "這趟第一個參訪的單位": the trip's

    def _only_subjectless(self, question: str, matched: str) -> bool:
        """Return True when a question is a follow-up only for naming nothing (`_subjectless`): it needs no context
        otherwise (`needs_context`) and picks none of what the last answer listed."""
        return self._subjectless(matched) and not needs_context(question) and not self._nth_listed(question)

    def _subjectless(self, matched: str) -> bool:
        """Return True when a question (as matched) of a few words, after an answer about something, names nothing:
        no party or place, no day, no record of the template, not the trip ("實際走了哪些點？" after a visit)."""
        finder = getattr(self.assistant, "subjects", None)
        if not matched or finder is None or not self.focus or len(_WORD.findall(matched)) > _SUBJECTLESS_QUESTION:
            return False
        if names_a_subject(matched) or finder.find(matched) or _named_days(matched) or names_the_trip(matched):
            return False
        return not read_intent(matched).kind

    def _matched(self, question: str) -> str:
        """Return a question as the assistant matches it (normalized, aliases spelled out), or "" without a reader."""
        reader = getattr(self.assistant, "reader", None)
        query = reader.read(question) if reader is not None else None
        return query.text if query is not None else ""

    def _switched(self, matched: str) -> str | None:
        """Return the previous question asked of the subject a question (as matched) switches to, or None
        (subjects.switched)."""
        finder = getattr(self.assistant, "subjects", None)
        previous = self.standalone[-1] if self.standalone else ""
        if not previous or not matched or finder is None:
            return None
        return switched(matched, previous, finder)

    def _points_back_within(self, question: str) -> bool:
        """Return True when a question points back at one person ("what did he say about working with <country>?") and
        names only what the parts just talked about write (in Chinese, its other names): it asks of them, not of the
        names. Not "they" (the delegation: "which other companies did they visit in <country>?")."""
        text = normalize_query(question)
        index, names_of = getattr(self.assistant, "index", None), getattr(self.assistant, "other_names", None)
        chunks_in = getattr(self.assistant, "chunks_in", None)
        if (
            not (self.focus and _ONE_PERSON.search(text))
            or _ELSE.search(text)
            or any(x is None for x in (index, names_of, chunks_in))
        ):
            return False
        written = fold(" ".join(index.chunks[i].text for i in chunks_in(self.focus)))
        names = capitalized_names(text)
        return bool(names) and all(any(fold(n) in written for n in [name, *names_of(name)]) for name in names)

    def _visits_quoted(self, answer: Answer, template: object) -> list[tuple[str, str]]:
        """Return the visits whose party the first quote of an answer names (a point of 心得, or one of the party's
        visits), as (document, label): "他們那邊", "their head office" then point at each of that party's visits
        too. A quote standing in a visit of its own party points at that party's other visits only, not at an
        event it names in passing ("…出席<air show>期間，接受<paper>專訪"). Two quotes measured the same."""
        named = getattr(self.assistant, "named_visits", None)
        if named is None or template is None or not answer.quotes:
            return []
        first = answer.quotes[0]
        labels = named(first.source, first.quote)
        parts = first.section.split(SECTION_SEPARATOR)
        visit = SECTION_SEPARATOR.join(parts[:2])  # the visit a quote in one of its subsections stands in
        own = named(first.source, parts[1]) if len(parts) > 1 and template.visit_days(first.source, visit) else []
        return [
            (first.source, label)
            for label in labels
            if (first.source, label) not in self.focus and (not own or label in own)
        ]

    def _answer(
        self,
        question: str,
        matched: str,
        rewritten: str | None,
        context: str | None,
        top_k: int | None,
        mode: str | None,
        reports: list[str] | None,
    ) -> Answer:
        """Return the assistant's answer to `question` as rewritten for another subject, or read with `context`."""
        # Who led, or who else was there ("還有誰也去了？"), asked after a visit's answer: of that visit.
        led = bool(matched and context) and (asks_who_led_a_visit(matched, context or "") or asks_who_else(matched))
        held = points_back(question) or elliptical(question) or led or self._subjectless(matched)
        held = held or self._points_back_within(question)
        pointing = context and self.focus and held
        nth = self._nth_listed(question) if context else None
        sections = [nth] if nth else list(self.focus) if pointing else None
        return self.assistant.ask(
            rewritten or question, top_k=top_k, mode=mode, context=context, reports=reports or None,
            sections=sections, days=self.days if context else (),
        )  # fmt: skip

    def reset(self) -> None:
        """Start a new topic: the next question is read on its own."""
        self.history.clear()
        self.asked.clear()
        self.focus.clear()
        self.days = ()
        self.standalone.clear()
        self.listed.clear()

    def ask(
        self, question: str, top_k: int | None = None, mode: str | None = None, reports: list[str] | None = None
    ) -> Answer:
        """Return the answer to `question`, read in the context of the conversation so far (from the chosen
        `reports` only, when given)."""
        settings: Settings = getattr(self.assistant, "settings", None) or Settings()
        matched = self._matched(question)
        rewritten = self._switched(matched)
        context = None if rewritten else self.context_for(question)
        answer = self._answer(question, matched, rewritten, context, top_k, mode, reports)
        if rewritten and _CARRIED.intersection(answer.refuted):
            # The rewrite carries who the previous question put at its subject ("the mayor at <party>"), which this
            # one did not say: refuted there, the follow-up is read with its context, the refutation kept beside it.
            in_context = self.context_for(question)
            read = self._answer(question, matched, None, in_context, top_k, mode, reports)
            if not read.abstained:
                rewritten, context = None, in_context
                answer = replace(read, notices=[*answer.notices, *read.notices])
        if answer.abstained and context and self._only_subjectless(question, matched):
            # Held to the last answer only for naming nothing, a question that answer's part cannot answer may be
            # of another part ("年吞吐量多少？" after a meeting elsewhere): asked on its own.
            alone = self._answer(question, matched, None, None, top_k, mode, reports)
            if not alone.abstained:
                answer, context = alone, None
        if rewritten:
            shown = rewritten.translate(_FULL_WIDTH) if has_han(rewritten) else rewritten
            note = (
                f"讀作「{shorten(shown, settings.follow_up_notice_chars)}」。Read as a question of its own, as shown."
            )
            answer = replace(answer, question=question, notices=[note, *answer.notices])
        index = getattr(self.assistant, "index", None)
        named = _named_days(matched)
        # A question left unanswered leaves the subject where it was, and the day too unless it named one.
        template = getattr(self.assistant, "template", None)
        if not answer.abstained:
            self.focus = answer_sections(answer, index) if index is not None else []
            self.focus += self._visits_quoted(answer, template)
            if index is not None and not (context and self._nth_listed(question)):  # "第三個呢？" picks again
                self.listed = listed_sections(answer, index)
        if (not answer.abstained or named) and index is not None and template:
            self.days = answer_days(answer, index, template.visit_days, self.focus, named)
        # A follow-up's own context is what later follow-ups refer back to as well, and so is what the answer
        # quoted: after "19 號早上去拜會誰？" answered "拜會…副市長", "對方派了誰出來？" is about that meeting.
        topic = _topic(answer, settings.follow_up_topic_chars)
        # Each question ends as one, typed with its mark or not: what follows is what the answer was about.
        said = rewritten or question
        said = said if _ENDED.search(said) else said + "？"
        resolved = " ".join(part for part in (context, said, topic) if part)
        self.history.append(resolved[-settings.max_question_chars :])
        previous = (self.asked or self.history[:-1] or [context or ""])[-1]
        self.asked.append(question)
        self.standalone.append(rewritten or ("" if context else matched))
        if context:
            shown = shorten(previous, settings.follow_up_notice_chars)
            note = f"依前一題「{shown}」的脈絡回答。Answered in the context of the previous question."
            answer = replace(answer, notices=[note, *answer.notices])
        return answer
