"""Read a question for retrieval: its matched text, what BM25 reads for it, its words and what the report lacks."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import takewhile

from .aliases import PinyinNames, SoundAlikes, abbreviated_names, expand_aliases, transliterated_names
from .config import Settings
from .docx_numbering import chinese_counting
from .glossary import expand, fold_latin, named_alias_words, shared_words
from .intent import trip_day
from .question_check import NO_LANGUAGE_WORDS_NOTICE, has_report_language_words
from .text.acts import act_words
from .text.normalize import HAN_CHARS, HAN_RUN_RE, fold, has_han, normalize_query
from .text.spelling import ReportSpelling
from .text.tokens import content_tokens
from .text.words import (
    CHINESE_CONVERSATION_WORDS,
    CHINESE_SENTENCE_ADVERBS,
    CHINESE_TIME_WORDS,
    ENGLISH_PRONOUNS,
    ENGLISH_STOPWORDS,
    POSSESSIVE_RE,
)
from .translation import WordTranslator, plain_phrases, rephrase
from .transliteration import Transliterations


@dataclass(frozen=True)
class Query:
    """A question as the assistant matches it."""

    text: str  # normalized, aliases spelled out, cut to settings.max_question_chars
    lexical_text: str  # what BM25 reads: `text`, plus the report's Chinese words for an English question's words
    latin: bool  # no Han characters: an English (or other Latin-script) question
    has_words: bool  # False for paths, data, markup or code: nothing of the report's languages to match
    notices: list[str] = field(default_factory=list)


# A pronoun contracted with its verb ("we'd", "they've"): a pronoun still.
_CONTRACTION = re.compile(r"'(?:d|ll|ve|re|m)$")
# Numbers written as words, verbs of saying and conjunctions: a report writes numbers as figures (第三天), says things
# in many words (表示, 指出) and joins its clauses by punctuation as often, so none is a word it could lack.
_NEVER_MISSING = frozenset(
    "one two three four five six seven eight nine ten first second third fourth fifth sixth seventh eighth ninth "
    "tenth say says said tell tells told while whilst until since though although whether because".split()
)
_COMPACT_RE = re.compile(r"[\s\-]+")
# A model or code name: letters then digits (B787, C-919, MU5), which a report writes as such when it tells of it.
_CODE_RE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{1,3}-?\d{2,5}[A-Za-z]?(?![A-Za-z0-9])")
# Words placing what comes before them ("名單上", "報告中", "行程裡"), which may open a dictionary name ("上都"), and
# the words a placed thing goes on with ("名單上都有…", "報告中也是…"); "拜訪上都嗎" visits a place.
_LOCATIVES = "上中裡內下"
_AFTER_PLACED = frozenset("有是沒也還")
# A name written another way by one character: the question's run around it, this many characters on each
# side, matches a report's text but for one character of the name (at least this long in all).
_VARIANT_REACH = 2
_MIN_VARIANT_CHARS = 4
# "Which <thing>": a place of business counted with 家 or 間 ("住哪間飯店", "哪一家餐廳"). A report that never uses
# the word for such a thing cannot tell which one it was.
# The noun itself, not "小型企業"; not what a party is asked to do ("找哪家幫忙", "跟哪家合作").
_WHICH_HAN_RE = re.compile(
    rf"哪一?[家間](?!幫忙|協助|負責|合作|處理|承辦|辦理|贊助|提供|支援|主辦|出資|投資|設計|施工|執行)([{HAN_CHARS}]{{2}})"
    rf"(?![{HAN_CHARS}]{{2}})"
)
# The trip's own logistics, which a 公務出國報告's template (cover, members, purpose, itinerary, visits, lessons,
# recommendations) has no place for: each topic's Chinese words and English words. A question about one the
# reports never write any word of ("搭哪家航空公司？", "what was the weather like?") cannot be answered from them.
# English words count in lower case only ("Hôtel <name>" is a place's name); words that also name what a report
# may describe (rain or temperature a sensor measures) are left out.
TRIP_LOGISTICS = (
    (
        ("航空公司", "航班", "班機", "機票", "搭哪家", "搭的是哪家", "搭哪一家", "坐哪家", "坐的是哪家", "搭乘哪家"),
        ("airline", "airlines", "airfare", "flight number", "plane ticket"),
    ),
    (("飯店", "旅館", "酒店", "住宿", "下榻"), ("hotel", "hotels", "accommodation", "lodging")),
    (("天氣",), ("weather", "rained", "raining")),
    (("菜色", "菜單", "餐點", "料理", "吃了", "吃什麼", "什麼菜"), ("menu", "dishes", "eat", "ate")),
    # A report writing of gifts or shops tells of this topic, whatever it calls them.
    (
        ("伴手禮", "購物", "逛街", "買了", "買什麼", "名產", "特產", "紀念品", "禮物", "致贈", "商店"),
        ("souvenir", "souvenirs", "shopping", "bought"),
    ),
    # not "outfit", as often an organization ("which <event> outfit did they visit?") as clothes
    (("服裝", "穿著", "穿了", "穿什麼"), ("dress code", "wore", "clothes", "clothing")),
    # The people met: who they are, as a member list and a reception sentence do not tell.
    (("國籍", "哪國人"), ("nationality",)),
    (("學歷", "畢業於", "大學畢業"), ("graduated from",)),
    (("曾任", "之前在哪"), ("career",)),  # not 經歷 (also "went through"), nor a job, which a title tells
    (("政黨", "黨籍"), ("political party",)),
)
# Offices of state a question may ask about (the president, a minister), as a report writes them and in English:
# one the reports never write is a person they never mention, whatever else the question names.
HIGH_OFFICES = (
    (("總統",), ("french president", "president of france", "president macron")),
    (("總理", "首相"), ("prime minister",)),
    (("部長",), ("minister",)),
    (("國王", "女王"), ("king", "queen")),
    (("州長", "省長"), ("governor",)),
)
# "Who held <role>": the two characters before 是誰/是哪位 or after 哪位 or 誰負責, or an English "who was the <role>".
_ROLE_HAN_RE = re.compile(
    rf"((?:(?![這那哪此該其各每邊裡些方])[{HAN_CHARS}]){{2}})(?:是|為)(?:誰|哪一?位|何人)"  # not "那邊是誰"
    rf"|哪一?位([{HAN_CHARS}]{{2}})(?![{HAN_CHARS}])"
    rf"|(?:誰|哪一?位)負責([{HAN_CHARS}]{{2}})(?![{HAN_CHARS}])"  # "誰負責翻譯？": who did the interpreting
    # "有幾位議員同行？", "有沒有記者隨行？": members holding a role.
    rf"|(?:幾位|幾個|哪幾位|哪些|有沒有)([{HAN_CHARS}]{{1,2}}[員長師者官])(?:也|有)?(?:同行|隨行|一起去|跟團|跟著去)"
)
_ROLE_LATIN_RE = re.compile(r"\b(?i:who)\s+(?:was|is|were|are|served as)\s+(?:the|their|our)((?:\s+[a-z]+){1,3})")
# Roles a report tells in other words, by an act: who led a delegation (率團, not 團長), who hosted it or dealt with
# it (接待, not 主人 or "our counterpart"), who spoke or chaired (表示, 主持). Asking who held one is no role the
# reports never name; nor is one made of an act the reports write and a doer's ending (接待人 where they write 接待).
_ROLES_TOLD_BY_ACTS = frozenset(
    ("團長", "隊長", "領隊", "主人", "東道主", "對口", "leader", "head", "host", "hosts", "speaker", "speakers",
     "moderator", "chair", "chairman", "chairwoman", "organizer", "organiser", "presenter", "spokesperson",
     "spokesman", "guide", "counterpart", "counterparts", "contact", "liaison")
)  # fmt: skip
_DOER_ENDINGS = "人者員方"
# A foreign town's or village's head, which reports of the genre title 市長 (answer_type's other holder): no role the
# reports lack where they write 市長.
_HEADS_TITLED_MAYOR = frozenset(("鎮長", "镇长", "村長", "村长"))
_TIME_WORD_RE = re.compile("|".join(sorted(CHINESE_TIME_WORDS, key=len, reverse=True)))


def _within(folded: str, word: str, spans: list[tuple[int, int]]) -> bool:
    """Return True when every place a (folded) text writes `word` lies within one of `spans`."""
    places = [m.start() for m in re.finditer(re.escape(word), folded)]
    return bool(places) and all(any(a <= i and i + len(word) <= b for a, b in spans) for i in places)


class QueryReader:
    """Turns questions into `Query`s with the corpus's glossary, translator and aliases."""

    def __init__(
        self,
        settings: Settings,
        glossary: dict[str, str],
        translator: WordTranslator,
        aliases: dict[str, str],
        document_frequency: Callable[[str], int],
        text: str = "",
    ) -> None:
        self.settings = settings
        self.text = text  # the reports' text, where an English name's Chinese abbreviation is looked for
        # Where a model name is looked for, hyphens and spaces aside (C-919, C 919 and C919 are one name).
        self.folded_text = fold(text)
        self.compact_text = _COMPACT_RE.sub("", self.folded_text)
        # The English words the reports use as common nouns: in lower case, not in a name ("Hôtel Dupont").
        self.common_words = frozenset(re.findall(r"\b[a-z]+\b", text))
        self.glossary = glossary
        self.translator = translator
        # A Simplified question converted as the reports write it (奧里諾, not 奧裡諾).
        self.spelling = ReportSpelling(self.folded_text, translator.is_word)
        self.aliases = aliases
        self.document_frequency = document_frequency
        # The reports' transliterated names as another transliteration writes them (奥利诺 for 奧里諾).
        names = transliterated_names(glossary, translator.translate)
        self.sound_alikes = SoundAlikes(names, translator.readings, document_frequency, translator.is_word)
        known = lambda word: word in translator.foreign_latin_names or bool(translator.translate(word))  # noqa: E731
        self.pinyin = PinyinNames(self.folded_text, translator.readings, translator.is_word, known)
        english = lambda word: known(word) or word in translator.english_words  # noqa: E731
        self.transliterations = Transliterations(text, translator.readings, translator.is_word, english)
        self.shared_alias_words = shared_words(glossary)

    def read(self, question: str) -> Query | None:
        """Return the question as matched, or None when nothing is left of it once normalized."""
        has_words = has_report_language_words(question)  # paths, JSON, markup, code: abstain, saying so
        notices = [] if has_words else [NO_LANGUAGE_WORDS_NOTICE]
        text = normalize_query(question, self.spelling)
        if not text:
            return None
        # A name respelled by its sounds (奧利諾 as 奧里諾) may be an alias in turn (奧里諾 for 奧里諾系統); the aliases
        # are expanded first, so that another transliteration the dictionary glosses is not respelled in part.
        text = expand_aliases(text, self.aliases)
        text = expand_aliases(self.sound_alikes.respell(text), self.aliases)
        limit = self.settings.max_question_chars
        if len(text) > limit:
            text = text[:limit]
            notices.append(f"問題過長，只使用前 {limit} 個字元。The question was cut to its first {limit} characters.")
        latin = not has_han(text)
        text = plain_phrases(text) if latin else text  # "What did they ink?" is read as "What did they sign?"
        lexical_text = self.lexical_text(text) if latin else self._with_abbreviations(text)
        return Query(text, lexical_text, latin, has_words, notices)

    def _with_abbreviations(self, text: str) -> str:
        """Return a Chinese question with the report's words for the abbreviations in it ("簽 MOU 嗎" + 備忘錄)."""
        added = self.translator.translate_abbreviations(text) if self.settings.translations_per_word else []
        return f"{text} {' '.join(added)}" if added else text

    def context(self, context: str | None) -> str:
        """Return an earlier question (the one a follow-up continues) normalized and cut as a question is."""
        return normalize_query(context, self.spelling)[: self.settings.max_question_chars] if context else ""

    def lexical_text(self, text: str) -> str:
        """Return what BM25 reads for a Latin-script question: it plus the Chinese names of the parties it
        names (glossary.py), the report's words for its other words (translation.py) and the report's short
        names for its two-word names (aliases.abbreviated_names). Dense retrieval,
        sentence scoring and confidence read the question as asked (its set phrases in plain words: `read`)."""
        added = expand(text, self.glossary, self.shared_alias_words) if self.settings.glossary_expansion else []
        if self.settings.translations_per_word:
            named = named_alias_words(text, self.glossary)
            plain = " ".join(w for w in re.findall(r"[a-z0-9]+", fold_latin(text)) if w not in named)
            # A phrase's word the reports never use may be their short name for one of theirs ("flower show": 花展).
            added += [w for w in self.translator.translate(plain, self.aliases) if w not in added]
            added += [w for w in abbreviated_names(text, self.translator.translate, self.text) if w not in added]
            added += [w for w in self.pinyin.names(text) if w not in added]  # "Xinwanqu": a name spelled in pinyin
            # A foreign name the reports write only as a transliteration (transliteration.py)
            added += [w for w in self.transliterations.names(text).values() if w not in added]
        day = trip_day(fold(text))
        if 0 < day < 100:  # "by day three", "the third day": as the report counts them, 第三天
            added.append(f"第{chinese_counting(day)}天")
        return f"{text} {' '.join(added)}" if added else text

    def question_words(self, text: str) -> list[str]:
        """Return the question's content tokens an answer should share: its Han pairs only when the report uses
        them or the dictionary knows them as words. 什麼活動 also yields 麼活, which no answer contains."""
        return [
            t
            for t in content_tokens(text)
            if len(t) != 2 or not has_han(t) or self.translator.is_word(t) or self.document_frequency(t) > 0
        ]

    def missing_share(self, text: str) -> float:
        """Return the share of the question's words that the report never uses: Chinese words (two characters or
        more) no passage holds, English words with neither a passage using them nor a translation the report uses."""
        if has_han(text):
            # A time of day (早上, 晚上) is when, which the reports write their own way (上午, 下午): no word lacking,
            # nor is a pair across it (天下 of 那天下午).
            untimed = _TIME_WORD_RE.sub(" ", text)
            words = [t for t in self.question_words(untimed) if len(t) >= 2 and t not in CHINESE_CONVERSATION_WORDS]
            folded = fold(text)
            acts = act_words(folded)  # "聊了哪些話題": the reports tell of talks their own way (就…議題進行交流)
            missing = [
                w
                for w in words
                if self.document_frequency(w) == 0 and not self._straddles(folded, w) and not _within(folded, w, acts)
            ]
        else:
            # Function and genre words and pronouns ("any", "there", "mayor", "they") are no word the report could
            # lack; "Maersk's" is Maersk; a name the report writes only in Chinese is there under its other name.
            words = [
                POSSESSIVE_RE.sub("", t)
                for t in content_tokens(rephrase(text.lower()))
                if len(t) >= 3 and not t.isdigit() and not _never_missing(t)
            ]
            spelled = self.pinyin.spelled(text)  # "Xinwanqu": a name of the reports', in pinyin
            missing = [
                w
                for w in words
                if self.document_frequency(w) == 0
                and not self.translator.translate(w)
                and not expand(w, self.glossary, self.shared_alias_words)
                and w not in spelled
            ]
        return len(missing) / len(words) if words else 0.0

    def _straddles(self, folded: str, pair: str) -> bool:
        """Return True when a Han pair the reports never use is read across a word before it, one the dictionary
        knows and the reports use, at any place the (folded) question writes it: "主要看了" reads as 主要 and 看, not
        as 主 and the dictionary's 要看."""
        if len(pair) != 2 or not has_han(pair):
            return False
        for at in (m.start() for m in re.finditer(re.escape(pair), folded) if m.start() > 0):
            before = folded[at - 1 : at + 1]
            if self.translator.is_word(before) and self.document_frequency(before) > 0:
                return True
        return False

    def other_names(self, name: str) -> list[str]:
        """Return the report's Chinese names for a Latin name, for the premise check: its glossary entries, or for
        a one-word name the reports never write in Latin letters, the dictionary's words for it (Lisbon: 里斯本)."""
        names = expand(name, self.glossary, self.shared_alias_words)
        if names or " " in name.strip() or fold(name) in self.folded_text:
            return names
        return self.translator.translate(name)

    def unknown_names(self, text: str) -> list[str]:
        """Return the names in the question the reports never mention (when that check is on): places and companies
        the dictionary knows, and model or code names (B787, C919) the reports never write."""
        if not self.settings.abstain_on_unknown_names:
            return []
        compact = self.compact_text
        codes = [c for c in _CODE_RE.findall(text) if compact and _COMPACT_RE.sub("", fold(c)) not in compact]
        names = [
            n
            for n in self.translator.unknown_names(text)
            # 老闆 names someone in the dictionary too; in a question it is whoever heads a party
            if not self.spelled_otherwise(text, n)
            and not self.straddles_a_word(text, n)
            and n not in CHINESE_CONVERSATION_WORDS
        ]
        logistics = self.absent_logistics(text) if self.settings.abstain_on_trip_logistics else []
        offices = self._absent_topics(text, HIGH_OFFICES, any_case=True)
        return list(dict.fromkeys([*names, *codes, *self.absent_kinds(text), *logistics, *offices]))

    def straddles_a_word(self, text: str, name: str) -> bool:
        """Return True when a Han `name` found in the question shares its first or last character with a word the
        reports use often, or a time or conversation word, wherever the question writes it: "<city>辦…" reads as
        <city> and 辦 even when the city's last character and 辦 make a dictionary name, and "晚上都…" as 晚上 and
        都; a sentence adverb claims its last character too ("整體上都…"). A word used once (a city in a list)
        claims nothing. A word placing the report word before it claims its character too ("名單上都有…": 名單上 and
        都有)."""
        folded = fold(text)
        if not has_han(name) or name not in folded:
            return False
        for m in re.finditer(re.escape(name), folded):
            at, end = m.start(), m.end()
            pairs = (folded[at - 1 : at + 1] if at else "", folded[end - 1 : end + 1])
            adverb = any(folded.endswith(a, 0, at + 1) for a in CHINESE_SENTENCE_ADVERBS)
            # "名單上都有…": 上 places the word before it, which the reports write ("on the list").
            before = folded[max(0, at - 2) : at]
            placed = name[0] in _LOCATIVES and folded[end : end + 1] in _AFTER_PLACED
            placed = placed and len(before) == 2 and self._written_word(before)
            if not adverb and not placed and not any(len(p) == 2 and self._claims(p) for p in pairs):
                return False
        return True

    def _claims(self, pair: str) -> bool:
        """Return True when two characters of a question are a word it says: a time or conversation word, a
        dictionary word the reports use often, or a pair the dictionary lacks that the reports write in very many
        passages and nearly wherever they write its rarer character, a word of their own (a regional term: "航太和…"
        is 航太 and 和, not a dictionary name; 訪 and a city's first character after 參訪 stand together by chance)."""
        if pair in CHINESE_TIME_WORDS or pair in CHINESE_CONVERSATION_WORDS:
            return True
        if self.translator.is_word(pair):
            return self._often(pair)
        together = self.document_frequency(pair)
        apart = min(self.document_frequency(pair[0]), self.document_frequency(pair[1]))
        s = self.settings
        return together >= s.reports_own_word_passages and together >= s.reports_own_word_cohesion * apart

    def _written_word(self, pair: str) -> bool:
        """Return True when two characters are a dictionary word the reports write."""
        return self.translator.is_word(pair) and self.document_frequency(pair) > 0

    def _often(self, word: str) -> bool:
        return self.document_frequency(word) >= self.settings.frequent_word_passages

    def spelled_otherwise(self, text: str, name: str) -> bool:
        """Return True when the question's words around a Han `name` are a report's name with one character
        written another way: a transliterated place name spelt with one other character may hold a name the
        dictionary knows (a person's) that the report never writes, yet the place is the report's."""
        folded = fold(text)
        at = folded.find(name)
        if at < 0 or not has_han(name):
            return False
        run = next((m for m in HAN_RUN_RE.finditer(folded) if m.start() <= at < m.end()), None)
        start, end = max(run.start(), at - _VARIANT_REACH), min(run.end(), at + len(name) + _VARIANT_REACH)
        window = folded[start:end]
        if len(window) < _MIN_VARIANT_CHARS:
            return False
        corpus = self.folded_text
        return any(
            re.search(re.escape(window[:k]) + "." + re.escape(window[k + 1 :]), corpus)
            for k in range(at - start, at - start + len(name))
        )

    def absent_kinds(self, text: str) -> list[str]:
        """Return the things a Chinese "which" question asks to pick among ("住哪間飯店？") when the reports never use
        the word for them: 飯店 when no report has one. Not in English: the translator knows only the reports' words,
        so "which landmarks" would be absent where they write 景點 (an English "which hotel" is a logistics topic)."""
        return self._absent(text, _WHICH_HAN_RE, None)

    def absent_logistics(self, text: str) -> list[str]:
        """Return the topics a question asks of the trip's logistics (its flights, lodging, weather, meals, shopping,
        dress) or of the people met (nationality, schooling, career, party), named by their first word in the
        question's script, when the reports write no word of that topic: "搭哪家航空公司？" -> 航空公司,
        "晚宴吃了什麼？" -> 菜色, "what was the weather like" -> weather."""
        return self._absent_topics(text, TRIP_LOGISTICS)

    def _absent_topics(
        self, text: str, topics: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...], any_case: bool = False
    ) -> list[str]:
        """Return the first word of each of `topics` ((Chinese words, English words)) the question asks of and the
        reports never write a Chinese word of; English words in lower case only unless `any_case` (a title)."""
        folded, out = fold(text), []
        lowered = text[:1].lower() + text[1:]  # a question's first word is capitalized as a sentence's
        flags = re.IGNORECASE if any_case else 0
        for han, latin in topics:
            asked = any(self._says(folded, w) for w in han) or any(
                re.search(rf"\b{w}\b", lowered, flags) for w in latin
            )
            if asked and not any(w in self.folded_text for w in han):
                out.append(han[0] if has_han(text) else latin[0])
        return out

    def _says(self, folded: str, word: str) -> bool:
        """Return True when `word` stands in the question as a word, not as the end of a word the reports use
        often: 部長 of "總部長期" follows 總 of 總部 (天氣 of "那幾天天氣" is a word: 天天 is no report's word)."""
        return any(
            at == 0 or not self._claims(folded[at - 1] + word[0])
            for at in (m.start() for m in re.finditer(re.escape(word), folded))
        )

    def absent_roles(self, text: str) -> list[str]:
        """Return the role a question asks who held ("隨行的翻譯是哪位？", "who was the interpreter", "照片是誰拍的")
        when the reports never use the word for it: a member list tells who went, not who was the interpreter; a
        head or a host, which reports tell by an act (率團, 接待), is none. None when the unknown-name check is off."""
        if not self.settings.abstain_on_unknown_names:
            return []
        return [
            role
            for role in self._absent(text, _ROLE_HAN_RE, _ROLE_LATIN_RE)
            if role not in _ROLES_TOLD_BY_ACTS
            and not (role[-1] in _DOER_ENDINGS and role[:-1] in self.text)
            and not (role in _HEADS_TITLED_MAYOR and "市長" in self.text)
        ]

    def _absent(self, text: str, han_re: re.Pattern, latin_re: re.Pattern | None) -> list[str]:
        han = []
        for m in han_re.finditer(text):
            group = next(i for i, g in enumerate(m.groups(), start=1) if g)
            word, at = m.group(group), m.start(group)
            # A whole word: 行長 of 執行長 is none, as 執行 is a word (執行長 is one when 的 or no Han character comes
            # before it); 翻譯 of 隨行翻譯 is one.
            whole = at == 0 or not self.translator.is_word(text[at - 1] + word[0])
            if not whole and (at == 1 or text[at - 2] == "的" or not has_han(text[at - 2])):
                word, whole = text[at - 1] + word, True
            talk = word in CHINESE_CONVERSATION_WORDS or word in CHINESE_TIME_WORDS  # 最後是誰, 早上是誰: no role
            if whole and self.translator.is_word(word[-2:]) and word not in self.text and not talk:
                han.append(word)
        latin = []
        for phrase in latin_re.findall(text) if latin_re else []:
            words = list(takewhile(lambda w: w not in ENGLISH_STOPWORDS or w in ("and", "or"), phrase.split()))
            nouns = [w for w in words if w not in ENGLISH_STOPWORDS]
            if nouns and not any(w in self.common_words or self.translator.translate(w) for w in nouns):
                latin.append(nouns[0])  # all absent: "harbour and port firms" is not, where the report has 港口
        return list(dict.fromkeys([*han, *latin]))


def _never_missing(token: str) -> bool:
    """Return True when an English token is no word a report could lack: a function, question or genre word (also
    in the plural: "mayors"), a pronoun (also contracted: "we'd"), a number word or a verb of saying."""
    bare = _CONTRACTION.sub("", token)
    plain = {bare, bare[:-1]} if bare.endswith("s") else {bare}
    return bool(plain & (ENGLISH_STOPWORDS | ENGLISH_PRONOUNS | _NEVER_MISSING))
