"""False premises about the trip: a question asking when (or whether) the delegation visited or met something
the report names only in another role (a city in a list of sites, a mayor who was not met), of an agreement
with a party the report tells of none with, of a person at a party the report never names together, or of a visit
on a day or in a city the itinerary never puts it."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence, Set
from dataclasses import dataclass, replace
from functools import lru_cache

from .answer_type import DATE, TITLE_RE, asked_kinds
from .chunking import matching_text
from .glossary import fold_latin
from .ingest import Document
from .intent import ARRIVING, SECTION_CUES, days_on, half_day
from .parties import heads, holds, spelling_pattern
from .subjects import names_a_place
from .template import ItineraryRow, heading_core, is_travel, row_places, rows_naming, stop_place
from .text.normalize import HAN_CHARS, HAN_RUN_RE, fold, has_han
from .text.tokens import date_tokens
from .text.words import (
    ENGLISH_QUESTION_WORDS,
    ENGLISH_STOPWORDS,
    LATIN_WORD_END,
    LATIN_WORD_START,
    POSSESSIVE_RE,
    capitalized_names,
)

# Asking about a visit or a meeting, and asking whether or when it happened.
_VISIT_ASKED = re.compile(
    r"參訪|拜會|拜訪|造訪|參觀|走訪|前往|(?<![過失上下回出進])去(?!年)|會見|見面|會面|碰面|會晤|會談|在[^，。？?]{0,12}?看(?![法待起好])"
    r"|\b(?:visit|tour|go|went|meet|met|see|saw|stop|show(?:ed|n)? (?:\w+ )?around)"
    r"|\bat\s+(?:the\s+|their\s+)?(?:[\w-]+\s+){1,3}(?:hq|headquarters|head office)\b",
    re.I,
)
# A capitalized word inside a question is a name, not a verb: "Meet" in "the Meet Rotterdam fair" asks of no meeting.
_NAME_WORD = re.compile(r"(?<=[\w,] )[A-Z][a-z]+")
# A word pointing at a place or party named before: "那裡", "那邊", "there", "that place".
_POINTS_BACK = re.compile(
    r"那裡|那里|那邊|那边|那兒|那儿|該地|该地|當地|当地|\bthere\b|\bthat (?:place|city|town)\b", re.I
)
_WHETHER = re.compile(r"有沒有|是否|有無|\b(?:did|have|has) (?:they|the (?:delegation|mayor|team))\b", re.I)
# A sentence reporting a visit or a meeting: a visit verb, a reception or a date.
_VISIT_TOLD = re.compile(r"參訪|拜會|造訪|參觀|走訪|踏勘|接待|會晤|會見|出席|前往|抵達|進入|visit", re.I)
# Going to a place, just before its name: "去里昂", "前往里昂", "visited Lyon", "a trip to Lyon".
_GONE_TO = (
    r"(?:(?<![過失上下回出進])去|前往|赴|飛往"
    r"|\b(?:visit(?:ed|ing)?|tour(?:ed|ing)?|around|went to|go to|trip to|travel(?:led)? to"
    r"|(?:tour|visit|walk|stroll)s? (?:of|to|through|around))\s+(?:the\s+)?"
    r"(?:[a-z]+'s\s+)?)"  # "toured Vestas's Lyon plant"
)
# A party's site named after its place ("<city>廠", "<city>總部"): a place gone to.
_SITE_KIND = r"工?廠|廠區|基地|分公司|分部|總部|園區"
# Visiting, just before a name in Latin letters ("參觀 ESO"): after these a Han run is as often a thing seen.
_VISIT_VERB = r"(?:參觀|參訪|拜會|拜訪|造訪|走訪)"
# Visiting or seeing something in a place, around its name ({}): "在里昂參觀…", "在<party>里昂那條產線上看…",
# "toured the plant in Lyon".
_VISITED_IN = (
    r"在\s?(?:[^，。,?？那這哪的看觀訪會]{{2,4}}?\s?)?{}[^，。,?？]{{0,8}}?(?:"
    + _VISIT_VERB
    + r"|看(?![法待起好])|逛)",
    r"\b(?:visit(?:ed|ing)?|tour(?:ed|ing)?|saw|see)\b[^,.?;]{{0,40}}?\b(?:in|at)\s+{}",
    # At a party's site: "what did they learn at the <name> satellite HQ?"
    r"\bat\s+(?:the\s+|their\s+)?{}(?:\s+[a-z-]+){{0,2}}\s+(?:hq|headquarters|head office|offices?|plant|factory|campus)\b",
)
# Meeting a person, around their name ({}): "跟<name>見面時", "與<name>市長本人會談", "met with <name>".
# Meeting a person named first ({}): "<name>跟我們市長會談時…"; a title is no name ("哪位副市長跟市長見面").
_MET_BY = rf"{{}}\s?(?:{TITLE_RE.pattern})?\s?(?:跟|與|和|同)[^，。,?？]{{{{0,8}}}}?(?:見面|會面|會見|會晤|會談|碰面)"
_MET = (
    # "跟<description>的建築師 <name> 見面" (the other way round, _MET_BY).
    rf"(?:跟|與|和|同)[^，。,?？]{{{{0,16}}}}?{{}}(?:\s[a-zà-ÿ-]+)?\s?(?:{TITLE_RE.pattern})?(?:本人)?\s?"
    r"(?:見面|會面|會見|會晤|會談|碰面)",
    r"\b(?:met|meet|meeting|sat down|sit-down|sit down|talks)\s+(?:with\s+)?[^,.?]{{0,30}}?{}",
)
# Being at a party, just before its name ({}): "在<party>", "參觀<party>", "at <party>", "visited the <party>".
_AT = (
    rf"(?:在|去|{ARRIVING}|參訪|參觀|拜會|拜訪|前往|造訪|走訪|(?<![搶奪拿帶取送])走|逛|跟|和|與)[^，。？?]{{0,4}}?"
    r"|\b(?:at|visit(?:ed|ing)?|toured?|in|to|with|see|saw|around|(?:drop|stop|swing|dropped|stopped|swung) by)\s+(?:the\s+)?"
    r"(?:[a-z'-]+\s+){0,3}?"
)
# Where a party is, just after its name ({}): "<party>在<city>的分公司", "<party>位於…".
_LOCATED = r"[^，。？?]{0,3}?(?:在|位於)"
# A party's site named with a city of the trip between ("<party><city>總部", "<party>的<city>分公司"): {} the cities.
# In English the party owns the site ("<party>'s <city> HQ", "<party> … at their <city> office").
_SITE = (
    r"\s?的?\s?(?:{0})市?\s?(?:總部|總公司|分公司|辦公室|辦事處|工廠)"
    # "their" within the clause naming the party, not past another party joined by "and"
    r"|(?:['’]s\s+|\b(?:(?!\band\b)[^,.?;]){{0,30}}?\b(?:their|its)\s+)(?:{0})\s+"
    r"(?:hq|headquarters|head office|offices?|branch|plant|factory)\b"
)
# A party put in a city of the trip by the words before it ({} the cities): "<city>那個<party>", "<city>的<party>";
# not a city ending a Latin name ("<Race>臺灣那個比賽": the race's name).
_CITYS = r"(?<![a-z'’])(?:{})市?\s?(?:那個|那座|那間|那家|那邊的|這個|的)\s?"
# A party the question stands at ({}): "<party>那邊是誰接待", "<party>那次", "<party>時".
_THERE = r"{}\s?(?:那邊|那裡|那次|那場|那天|的時候|時)"
# A name of several capitalized words joined by particles ("Port of Rotterdam", "Hafen von Hamburg"): one name, whose
# words alone are not names the report mentions ("Port" of it is no party).
_LATIN_PHRASE = re.compile(
    r"[A-ZÀ-Ý][\w'-]+(?:\s+(?:(?:de|du|des|la|le|les|of|van|von|der|den|di|da)\s+)?[A-ZÀ-Ý][\w'-]+)+"
)
# A model or code name: letters then digits (B747, C-919), a name as much as a capitalized word is.
_CODE_NAME = re.compile(r"(?<![A-Za-z0-9])[A-Z]{1,3}-?\d{2,5}[A-Za-z]?(?![A-Za-z0-9])")
_CLAUSE_END = re.compile(r"[。！？；!?\n，,]")
_DATE_IN_SENTENCE = re.compile(r"\d\s*月\s*\d|\d/\d")
# Attending, as a list of those who attended opens: "出席代表包括…", "出席人員有…" (not "出席有關…的論壇").
_GUESTS_LISTED = re.compile(r"出席的?(?:代表|人員|貴賓|來賓|嘉賓|人士|者)?(?:包括|包含|計有|有(?!關))")
# A name is a run the report uses at most this often: a place or party mentioned in passing, not a theme.
_MAX_MENTIONS = 3
# Characters that make a run a phrase, not a name ("團是", "會的", "次出訪"), and days counted ("當天", "第二天"); a
# place's name may hold 天 ("天<X>").
_FUNCTION_CHARS = re.compile(
    r"[是的了在有和與及或也都就要會團次這那哪誰何]|[當隔每今明昨前後整半幾第一二三四五六七八九十兩\d]天|天數"
)
# Saying or meeting just before a city ("有提到在<city>參訪的成果", "遇到<city>的業者"): the city is talked about.
_SAID_BEFORE = re.compile(r"提到|提及|談到|說到|講到|聊到|遇到|介紹")
_SAID_REACH = 4
# Words for a time, which no name is ("以前是…的公園", "當時", "哪段時間去的").
_TIME_WORD = re.compile(r"以前|之前|以後|之後|後來|當時|當初|現在|目前|過去|未來|原本|曾經|時間|時候|期間|日期|時段")
# Characters a question asks with, which no organization's name written in a row holds (its 會 and 團 may).
_NOT_IN_A_NAME = re.compile(r"[是的了在有和與及或也都就要次這那哪誰何嗎呢]")
_MIN_HAN, _MAX_HAN = 2, 6
# Kinds of place a town or a firm has (a castle, a park, a museum): named after it, they are not it.
_PLACE_KINDS = r"城堡|古堡|宮|公園|花園|博物館|美術館|教堂|大教堂|車站|機場|廣場|塔|大學|劇院|歌劇院|港口?|市場|工廠|廠"
_PLACE_KIND = re.compile(_PLACE_KINDS)
_PLACE_KIND_END = re.compile(f"(?:{_PLACE_KINDS})$")
# A word for an area after a name ("<name>地區", "<name>一帶"): the name's surroundings, not another place.
_AREA_END = re.compile(r"(?:地區|街區|一帶|區域)$")
# A body's kind at a name's end ("<name>公司", "<name>研究院"): a party visited, not a thing seen there.
_BODY_KIND_END = re.compile(r"(?:公司|集團|總部|研究院|研究中心|協會|聯盟|組織|學院)$")
# A short name for a longer one keeps its characters in order, at most this many left out between two.
_MAX_SHORT_NAME, _SHORT_NAME_GAP = 4, 2


# Asking of an agreement with a party (an MoU, a contract), and a line of a report telling of one.
_AGREEMENT_ASKED = re.compile(
    r"備忘錄|合約|協議|協定|簽約|簽署|簽了|簽的|簽訂|\bmous?\b|\bmemorand|\bagreements?\b|\bcontracts?\b|\bsigned\b"
    r"|\bsign (?:a|an|the|any|anything|with)\b",
    re.I,
)
_AGREEMENT_TOLD = re.compile(r"備忘錄|合約|協議|協定|簽約|簽署|簽訂|\bmou\b|memorand|agreement|contract", re.I)
# An agreement named as a thing ("備忘錄", "the MoU", "deal"), not the signing.
_AGREEMENT_NOUN = r"(?:備忘錄|合約|協議|協定|mous?\b|memorand\w*|agreements?\b|contracts?\b|deals?\b)"
# The party an agreement is with stands next to one of these ("跟 X 簽的", "X 與市府", "signed with X").
_COUNTERPARTY = re.compile(r"跟|與|和|同|\bwith\b|\bbetween\b")
_COUNTERPARTY_REACH = 8
# A line tells of an agreement with a party, or puts a party in a city, when it names the two within this many
# characters of one sentence ("<date>於<fair>會場與<party> <person> <title>、<institute>簽署<kind>備忘錄" is some 40): a
# summary's sentence naming every city of the trip and one signing signs nothing with each.
_NEAR = 60
_SENTENCE_END = re.compile(r"[。；;！？!?]")
# After a party's name in "跟 X … 簽": a word pointing at it or telling how the signing went, not more of a name.
_AFTER_A_NAME = re.compile(r"[那這的之]|正式|已經|已|曾|有|是否|雙方|兩")
# A word for a role, not a name ("主辦單位", "對方", "業者"): two characters are too few for a name as well.
_ROLE = re.compile(r"(?:方|單位|業者|廠商|夥伴)$")
# "跟 X 簽的", "與 X 簽訂": the party an agreement is with, as the question writes it.
_SIGNED_WITH = re.compile(rf"(?:跟|與|和|同)\s*([{HAN_CHARS}]{{2,10}}?)\s*(?:所|一起|共同)?(?:簽|訂|合簽)")
# A person as reports name one: two or three Han characters before a title (張大明大使, 林局長 is too short), after
# the word meeting, asking or pointing at them ("跟<name>市長", "那位<name>市長", "<city>的<name>處長"); 向, 和 and 同
# may be a surname.
_PERSON = re.compile(
    rf"((?![跟與對由請找見給被讓那這該此位名個的])[{HAN_CHARS}]{{2,3}}?)(?:副市長|市長|大使|副局長|局長|處長|主席|副總裁|總裁|董事長|總經理|院長|主任|部長|總編輯|執行長|議員|教授)"
)
# The closing sections of the template, whose paragraphs tell of several visits: reflections and recommendations.
_CLOSING_SECTIONS = tuple(cue for word, cue in SECTION_CUES if word in ("心得", "建議"))
VISIT, AGREEMENT, TOGETHER, SCHEDULE, LED, NOT_AT = "visit", "agreement", "together", "schedule", "led", "not_at"
TITLED = "titled"
# A person the question names, whom an answer must quote (persons_asked).
NAMED = "named"
# A city's head or deputy head as a question titles a person named in Latin letters ("<Name> 副市長", "deputy mayor
# <Name>"): a report titling that person otherwise (市長 for 副市長, or no mayor at all) says the question is wrong.
_CITY_TITLES = ("副市長", "市長")
_ENGLISH_CITY_TITLES = (
    (re.compile(r"\b(?:deputy|vice)[ -]mayor\s+$", re.I), "副市長"),
    (re.compile(r"(?<!deputy )(?<!vice )(?<!vice-)\bmayor\s+$", re.I), "市長"),
)
# A day asked of the itinerary that no report's itinerary has ("6/26 做了什麼？" of a trip back on 6/25).
NO_DAY = "no_day"
# A title a question puts at a visit, not a deputy's ("市長", "the mayor", "Mayor Lin").
_HEAD_TITLE = re.compile(rf"(?<!副)(?:{TITLE_RE.pattern})(?![團隊處會室性])")  # 代表團 is the delegation
_ENGLISH_HEAD_TITLES = ((re.compile(r"(?<!deputy[ -])(?<!vice[ -])\bmayor\b", re.I), "市長"),)
# The head at the party: the title, then a visit verb or 在/at just before the party's name, in one clause.
_HEAD_AT = r"{}[^，。？?,.;]{{0,16}}?(?:{}){}"
# The clause after a head's title where a question names the visit by its heading's words, and how many characters
# of the heading name it ("港灣論" of a forum; two are often a city's, 鹿特 of 鹿特丹).
_HEAD_CLAUSE_CHARS = 24
_HEADING_RUN = 3
# Going to or standing at a visit, before its heading's words ("去港務局", "在那場…論壇上"), within this many characters
# (那場, a date left out).
_GOING_TO = rf"(?:在|去|(?<![談講說聊寫]){ARRIVING}|參訪|參觀|拜會|拜訪|前往|造訪|走訪|出席|參加)"  # not 談到 either
_NAMED_WITHIN = 4
_DATE_OR_SPACE = re.compile(r"\d{1,2}\s*/\s*\d{1,2}|(?:\d{1,2}\s*月\s*)?\d{1,2}\s*[日號号]|\s")
# The verbs a visit's heading starts with, which name no party ("參訪", "拜會"…).
_HEADING_VERBS = re.compile(r"參訪|參觀|拜會|拜訪|出席|參加|訪問|造訪|走訪|前往")
# Who led a visit, as a report says it: "<title>…率團前往", "由<name><title>帶領".
_FULL_TITLE = rf"副?(?:{TITLE_RE.pattern})"
# A title alone names no one ("跟市長見面"), nor officials counted by it ("2 位副市長", "兩位局長", "多位議員").
_TITLE_ONLY = re.compile(rf"(?:[\d一二兩三四五六七八九十幾多數]+\s*)?[位名個]?{_FULL_TITLE}")
_LED_BY = re.compile(
    rf"({_FULL_TITLE})[^，。；,]{{0,14}}?(?:率團|率隊|率領|帶領|帶隊)|由[^，。；,]{{0,6}}?({_FULL_TITLE})[^，。；,]{{0,4}}?(?:帶領|率領|率團)"
)
# A person's name in Latin letters: two or three capitalized words (Jan Visser, Jean-Marc Dupont), none a title
# ("Rotterdam Mayor Jan Visser" names Jan Visser).
_TITLES = (
    "Mayor|Deputy|Vice|President|Director|General|Chairman|Chairwoman|Chair|Minister|Secretary|Governor|Ambassador|Chief"
    "|Senator|Councillor|Councilor|Sir|Madame|Mme|Monsieur|Mr|Mrs|Ms|Dr|Professor|Prof"
)
_NO_TITLE = rf"(?!(?:{_TITLES})\b)"
_LATIN_PERSON = re.compile(
    rf"{LATIN_WORD_START}{_NO_TITLE}[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?(?:\s+{_NO_TITLE}[A-ZÀ-Ý][A-Za-zà-ÿ]+){{1,2}}"
    rf"{LATIN_WORD_END}"
)
# A question presuming the delegation met or talked with someone, and a report's sentence telling it did (received,
# met, briefed, spoke, guided, invited, interviewed, gave…): a person named only otherwise was not met.
_MET_ASKED = re.compile(
    r"見面|會面|會談|會晤|碰面|見到|談了?|聊|講了|說了|介紹|解說|講解|帶大家|帶領|接待|交流|開會|分享"
    r"|\b(?:meet|met|meeting|talk(?:ed)?|discuss(?:ed)?|told|tell|said|say|shar(?:e|ed)|show(?:ed)?|guided?)\b",
    re.IGNORECASE,
)
_MET_TOLD = re.compile(
    r"接待|會晤|會談|會面|見面|交流|拜會|拜訪|與會|出席|參加|陪同|引領|引導|引介|簡介|提及|帶領|導覽|介紹|簡報|表示|致詞|贈|迎接|說明|分享"
    r"|專訪|採訪|訪問|邀|肯定|盛讚|指出|強調|談|聊|合影|握手|回應|提問|歡迎|感謝|主持|率團|率領|向市長|與市長"
)
# One Latin name written with a title after it in a question ("Visser 副總裁"), or English titles before it
# ("Deputy Mayor Visser", "Director General Visser").
_LATIN_TITLED = re.compile(
    rf"{LATIN_WORD_START}([A-ZÀ-Ý][a-zà-ÿ]{{3,}})\s?(?=副總裁|總裁|副市長|市長|主席|董事長|總經理|經理|院長|主任|總監)"
    rf"|\b(?:(?:{_TITLES})[.-]?\s+)+([A-ZÀ-Ý][a-zà-ÿ]{{3,}}){LATIN_WORD_END}(?!\s+[A-ZÀ-Ý])"  # one word: a whole name is _LATIN_PERSON's
)
# A Han name after a city's title ("<city>副市長<name>"), two to four characters.
_AFTER_CITY_TITLE = re.compile(rf"({'|'.join(_CITY_TITLES)})([{HAN_CHARS}]{{2,4}})")
# How near a name a report's title stands: just beside it, or before a first name and surname ("副總裁 Jan Visser"
# read for Visser alone, and before a hyphenated first name: "副市長 Jean-Claude Dupont").
_TITLE_BESIDE, _TITLE_BEFORE_SURNAME = 4, 16
# A title standing beside a name in a report ("處長 Jan Visser", "Jean-Marc Dupont 副市長").
_TITLED = re.compile(
    r"市長|大使|局長|處長|主席|總裁|董事長|經理|院長|主任|部長|總編輯|執行長|負責人|理事長|會長|議員|教授|建築師"
)


@dataclass(frozen=True)
class Mention:
    """A name the question presumes something of that the reports do not say, and where they do mention it.

    `reason` says what they do not say: VISIT (visited or met), AGREEMENT (an agreement with it), TOGETHER
    (it with `other`, anywhere on one line), SCHEDULE (it on the day or in the city `other`, which the
    itinerary puts it on or in none of; `where`: the places it does put the delegation that day), TITLED (a
    person with the title `other`; `where`: the titles the reports give), LED, NOT_AT or NO_DAY; NAMED marks a person
    the question names, not a false premise (persons_asked), and `spellings` every way the reports write them.
    """

    name: str
    doc_id: str
    start: int
    end: int
    reason: str = VISIT
    other: str = ""
    where: str = ""
    spellings: tuple[str, ...] = ()


def _names(question: str, folded_text: str, aliases: Callable[[str], list[str]]) -> list[str]:
    """Return the question's names the report mentions rarely: Latin names of several words the report writes
    whole, Latin names (or their other spellings, when the report writes them only so), and the longest Han runs
    (2 to 6 characters) occurring in the report at most `_MAX_MENTIONS` times."""
    phrases = _latin_phrases(question, folded_text)
    names = [
        w
        for w in [*phrases, *capitalized_names(question, min_chars=3), *_CODE_NAME.findall(question)]
        if 0 < folded_text.count(fold(w)) or any(0 < folded_text.count(fold(a)) <= _MAX_MENTIONS for a in aliases(w))
    ]
    for run in HAN_RUN_RE.findall(fold(question)):
        i = 0
        while i < len(run):
            for j in range(min(len(run), i + _MAX_HAN), i + _MIN_HAN - 1, -1):
                piece = run[i:j]
                if (
                    0 < folded_text.count(piece) <= _MAX_MENTIONS
                    and not _VISIT_ASKED.search(piece)
                    and not _FUNCTION_CHARS.search(piece)
                ):
                    # A time, or what something is described as ("以前是倉庫的公園"), names nothing gone to.
                    if not _TIME_WORD.fullmatch(piece) and not (run[i - 1 : i] == "是" and run[j : j + 1] == "的"):
                        names.append(piece)
                    i = j - 1
                    break
            i += 1
    return [n for n in names if folded_text.count(fold(n)) <= _MAX_MENTIONS and not _TITLE_ONLY.fullmatch(n)]


def _latin_phrases(question: str, folded_text: str) -> list[str]:
    """Return the question's Latin names of several capitalized words the reports write: as matched, or without a
    capitalized question word before them ("Which Port of Rotterdam…", "When's Parc du Canal…" name Port of Rotterdam and
    Parc du Canal; "Group PSA", "The Hague" stay whole)."""
    phrases, at = [], 0
    while m := _LATIN_PHRASE.search(question, at):
        first, written = m.group(0).split()[0], fold(m.group(0)) in folded_text
        if not written and POSSESSIVE_RE.sub("", first).lower() in ENGLISH_QUESTION_WORDS:
            at = m.start() + len(first)
            continue
        if written:
            phrases.append(m.group(0))
        at = m.end()
    return phrases


def unvisited(
    question: str, documents: Sequence[Document], aliases: Callable[[str], list[str]] = lambda name: []
) -> list[Mention]:
    """Return the names a visit question presumes were visited that the reports mention only elsewhere: in no
    itinerary row, no heading and no sentence that reports a visit, a reception or a date, in any of
    `documents`. `aliases(name)` gives a name's other spellings (Lyon -> 里昂, from a report's 中文（Latin） pairs)."""
    folded_question = fold(question)
    if not _VISIT_ASKED.search(fold(_NAME_WORD.sub("", question))):
        return []
    # Asking when or whether it happened questions the visit; asking anything else of it presumes it, and then
    # only the place gone to counts ("去里昂拜會時談了什麼？"). Each ask of several ("有沒有進廠？看了哪幾種機型？")
    # questions only the names it writes, or, pointing back ("紐約呢？有沒有順道去那裡？"), those before it too.
    asks = [a for a in re.split(r"(?<=[?？])", question) if a.strip()]
    questioned = [DATE in asked_kinds(fold(a)) or bool(_WHETHER.search(a)) for a in asks]
    folded_asks = [fold(a) for a in asks]
    for i in (i for i, a in enumerate(asks) if questioned[i] and _POINTS_BACK.search(a)):
        questioned[:i] = [True] * i
    folded_texts = "\n".join(d.folded for d in documents)
    visited = " ".join(_visited(d) for d in documents)
    out = []
    cleared: list[str] = []  # the visited names of several words ("Port of Rotterdam"): none of their words is a name
    phrases: list[str] = []  # the names of several words not visited, read word by word: a word is shown in them
    for name in _names(question, folded_texts, aliases):
        gone_to_only = not any(q for a, q in zip(folded_asks, questioned) if fold(name) in a)
        if (gone_to_only and not _presumed(folded_question, fold(name))) or any(name in c.split() for c in cleared):
            continue
        phrase = " " in name and not has_han(name)
        if phrase:  # a phrase's other name is the one the report glosses it with, whole
            spellings = [name, *_glossed(folded_question, fold(name)), *_glossed(folded_texts, fold(name))]
        else:
            spellings = [name, *aliases(name), *_glossed(folded_question, fold(name))]
        if any(fold(n) in visited for n in spellings):
            if phrase:
                cleared.append(name)
            continue
        if phrase:
            phrases.append(name)
            continue  # its words are read one by one, as before phrases were read
        # A variant of a visited name shares its head (市府 for 市政府, under a heading naming the city; not a sight
        # named after the town, <town>城堡) or keeps its characters (港局 for 港務局).
        # Not a Latin name in capitals (a brand, an acronym), whose first two letters any Latin text holds.
        # A Latin name standing alone is visited only as itself (above), not by two letters ("Tesla" by "te"); one
        # after another name may be its kind ("Village" of "<Name> Village") or gloss it ("<Name> (Victor)"), which
        # its head is enough for. A question word before it ("Which <Name> plant…") is no name.
        before = re.findall(rf"([A-Z][\w'’-]*)\s*[(（]?\s*{re.escape(name)}\b", question)
        alone = not has_han(name) and not any(w.lower() not in ENGLISH_STOPWORDS for w in before)
        head_shared = not alone and not name.isupper() and len(name) > 2 and fold(name)[:2] in visited
        head_shared = head_shared and not _another_kind(fold(name), visited)
        # A Latin name is visited through a Chinese name of it that is a visited name's head but for a word for an
        # area ("Kanaal": 運河地區 where 運河村 was visited; not 荷蘭電信 where 荷蘭國家圖書館 was).
        head_shared = head_shared or any(
            len(core := _AREA_END.sub("", fold(a))) >= 2 and core != fold(a) and core in visited
            for a in ([] if has_han(name) else aliases(name))
            if has_han(a)
        )
        if head_shared or _shortens(fold(name), visited):
            continue
        # A name told in other words where a visit is told ("冷鏈倉庫" where "前往參觀冷鏈物流倉庫" is written).
        if len(name) > 2 and any(_shortens(fold(name), _visit_clauses(d)) for d in documents):
            continue
        places = [
            (d, m.start(), m.end())
            for d in documents
            for n in spellings
            for m in re.finditer(re.escape(n), d.text, re.IGNORECASE)
        ]
        if places and not any(_tells_of_a_visit(d.text, start) for d, start, _ in places):
            document, start, end = places[0]
            whole = next(
                (m for p in phrases if name in p.split() for m in [re.search(re.escape(p), document.text, re.I)] if m),
                None,
            )  # "Kasteel" shown as the report's "Kasteel van Berg", once
            mention = Mention(whole.group(0), document.doc_id, *whole.span()) if whole else None
            if mention is None or mention not in out:
                out.append(mention or Mention(name, document.doc_id, start, end))
    return out


def _another_kind(name: str, visited: str) -> bool:
    """Return True when a Han `name` is a visited name's head with another kind of place after it: "<town>城堡" is a
    sight of the town visited, not the town ("<city>市府" is the city's government, its head enough)."""
    head = next((len(name) - k for k in range(len(name) - 1) if name[: len(name) - k] in visited), 0)
    rest = name[head:]
    return bool(rest) and _PLACE_KIND.fullmatch(rest) is not None


def _glossed(folded_question: str, name: str) -> list[str]:
    """Return what a bracketed name glosses in the question, as the ends (three characters or more) of the Han run
    just before it: "去踏勘貝西村（Bercy）" gives 貝西村, 西村… among them, so a visited 貝西村 clears Bercy."""
    m = re.search(rf"([{HAN_CHARS}]+)\s?\(\s?{re.escape(name)}\s?\)", folded_question)
    return [m.group(1)[i:] for i in range(len(m.group(1)) - 2)] if m else []


def _presumed(folded_question: str, name: str) -> bool:
    """Return True when a question asking something of a visit or a meeting presumes `name` was gone to ("去里昂
    拜會時…", "去參觀<description>（<name>）時…") or met ("跟<name>見面時談了什麼？")."""
    n = re.escape(name)
    # After a visit verb a Han run is as often a thing seen ("參觀客機組裝線"), but a place's or a body's kind ("…城堡",
    # "…公司") names where one went.
    place = not has_han(name) or _PLACE_KIND_END.search(name) or _BODY_KIND_END.search(name)
    going = f"(?:{_GONE_TO}|{_VISIT_VERB})" if place else _GONE_TO
    bracketed = rf"(?:{_GONE_TO}|{_VISIT_VERB})[^,，。？?()]{{0,12}}?\(\s?{n}\s?\)"  # a name glossing a description
    met_by = () if TITLE_RE.search(name) else (_MET_BY.format(n),)
    # A place's kind named before its visit: "<town>城堡參觀得怎樣？", "<town>城堡之旅".
    toured = (
        (n + r"\s?的?(?:參觀|參訪|走訪|導覽|之旅)(?!人數|人次|時間|費用|門票|者|客)",)
        if place and has_han(name)
        else ()
    )
    # A party's site in a place gone to or visited: "去<party><city>廠", "參觀<party><city>總部".
    # Only a party's name between: nothing said or done ("參訪<party>時聊到<city>總部…" talks of it).
    site = rf"(?:{_GONE_TO}|{_VISIT_VERB})[^,，。？?\s時聊談提說講到在的了]{{0,6}}?的?{n}(?:{_SITE_KIND})"
    patterns = (going + r"\s?" + n, bracketed, site, *toured, *met_by, *(m.format(n) for m in (*_MET, *_VISITED_IN)))
    return any(re.search(pattern, folded_question) for pattern in patterns)


def _shortens(name: str, visited: str) -> bool:
    """Return True when a short Han `name` is a visited name cut short, its characters kept in order (港局 for
    港務局, 鹿大 for 鹿特丹大學)."""
    if not has_han(name) or len(name) > _MAX_SHORT_NAME:
        return False
    gap = f"[{HAN_CHARS}]{{0,{_SHORT_NAME_GAP}}}"
    return re.search(gap.join(map(re.escape, name)), visited) is not None


@lru_cache(maxsize=64)
def _visited(document: Document) -> str:
    """Return what a document's itinerary rows and headings say was visited, folded, read once."""
    return " ".join([*(line for _, line, _ in _rows(document)), *(fold(t) for s in document.sections for t in s.path)])


@lru_cache(maxsize=64)
def _rows(document: Document) -> tuple[tuple[ItineraryRow, str, frozenset[str]], ...]:
    """Return each itinerary row of a document with its line folded and the places it names, read once."""
    texts = ((r, document.text[r.start : r.end]) for r in document.template.itinerary)
    return tuple((r, fold(line), frozenset(row_places(line))) for r, line in texts)


def _visit_places(line: str, where: frozenset[str]) -> frozenset[str]:
    """Return the city an itinerary row's visits are in: where its way starts when it also travels ("下午 A→B　參訪…
    轉機飛往 B" visits in A), else every place it names."""
    stop = stop_place(line)
    return frozenset((stop,)) if stop and not is_travel(line) and len(where) > 1 else where


@lru_cache(maxsize=64)
def _places(document: Document) -> frozenset[str]:
    """Return the places a document's itinerary rows name, read once."""
    return frozenset().union(*(where for *_, where in _rows(document)))


@lru_cache(maxsize=64)
def _visit_clauses(document: Document) -> str:
    """Return a document's clauses that report a visit or a reception (`_visit_told`), folded, read once."""
    clauses = (c for sentence in _sentences(document) for c in _CLAUSE_END.split(sentence))
    return "\n".join(c for c in clauses if _visit_told(c))


def _tells_of_a_visit(text: str, at: int) -> bool:
    """Return True when the clause of `text` holding offset `at` reports a visit, a reception or a date: "為<city>
    打造虛擬城市" in a sentence telling of a visit elsewhere puts no one in that city (`_visit_told`)."""
    start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, at)), default=0)
    end = _CLAUSE_END.search(text, at)
    clause = text[start : end.end() if end else len(text)]
    return _visit_told(clause) or bool(_DATE_IN_SENTENCE.search(clause))


def _visit_told(clause: str) -> bool:
    """Return True when a clause reports a visit or a reception (`_VISIT_TOLD`), not only a list of the guests who
    attended ("出席代表包括 <party> …": they came to the delegation's event)."""
    return any(not _GUESTS_LISTED.match(clause, m.start()) for m in _VISIT_TOLD.finditer(clause))


def unsupported(
    question: str,
    documents: Sequence[Document],
    parties: Sequence[tuple[str, ...]],
    names: Sequence[tuple[str, ...]] = (),
    other_names: Callable[[str], list[str]] = lambda name: [],
    is_word: Callable[[str], bool] = lambda word: False,
) -> list[Mention]:
    """Return what a question presumes of the named `parties` (each its folded spellings) that no line (a paragraph,
    a table row, joined across page breaks) of `documents` states: an agreement with a party the question puts it
    with ("跟 <party> 簽的備忘錄"), and a person it names at a party ("<person>大使在<party>總部…") when the
    person, written so in the reports, never stands on a line with the party. `names`: the reports' names, each with
    its other spellings (folded), which tell whose a person listed among guests is (`_persons_apart`);
    `other_names(name)` a Latin name's Chinese ones and `is_word` the dictionary's words, which tell a thing's name
    from a word (`_things_apart`)."""
    folded = fold(question)
    agreement = _AGREEMENT_ASKED.search(folded)
    places = frozenset().union(*(_places(d) for d in documents))
    # (name, name with its title) of each person named; "公司的副總裁" names nobody, "<city>副市長" a city's office.
    persons = {
        m.group(1): m.group(0) for m in _han_persons(folded, documents) if not any(m.group(1) in p for p in places)
    }
    apart = _persons_apart(question, documents, parties, names)
    apart += _things_apart(question, documents, parties, places, other_names, is_word)
    if not (agreement or persons):
        return apart
    lines = [line for d in documents for line in _lines(d)]
    if agreement:  # a party the question writes itself in Chinese ("跟港務公司簽的"), if the reports name it,
        written = [
            n for n in _signed_with(folded, lines) if not any(s and (n in s or s in n) for p in parties for s in p)
        ]
        rows = [line for d in documents for _, line, _ in _rows(d)]
        # or as an itinerary row names it ("<party>那邊後來跟我們簽了什麼？")
        shared = [n for n in _row_names(folded, rows, places, parties) if not any(n in w or w in n for w in written)]
        parties = [*parties, *((name,) for name in [*written, *shared])]
    parties = [p for p in parties if any(holds(line, s) for line in lines for s in p)]
    if not parties:
        return apart
    out: list[Mention] = []
    if agreement:
        for spellings in (p for p in parties if any(_with(question, folded, s) for s in p)):
            if not any(_tells_agreement_with(line, spellings) for line in lines):
                out += _first(documents, spellings, AGREEMENT)
    members = " ".join(_members(d) for d in documents)
    for person, titled in persons.items():
        # A name the reports never write with this title; or a member of the delegation, whom a report's account
        # of a visit writes by surname and title ("陳副局長"), not by the name the member table gives.
        if not any(titled in line for line in lines) or person in members:
            continue
        for spellings in parties:
            if any(person in s or s in person for s in spellings):
                continue
            if not any(person in line and any(holds(line, s) for s in spellings) for line in lines):
                found = _first(documents, (person,), TOGETHER)
                other = _first(documents, spellings, TOGETHER)
                out += [replace(m, other=other[0].name if other else spellings[0]) for m in found]
    return out + [m for m in apart if m.name not in {o.name for o in out}]


def off_schedule(
    question: str, documents: Sequence[Document], parties: Sequence[tuple[str, ...]], names: Sequence[str] = ()
) -> list[Mention]:
    """Return the parties a question puts on a day ("6/18 在<party>看了什麼？") or in a city of the trip ("while in
    <city>") where the reports never do: the itinerary rows naming the party are on other days or in other
    places, and no line of the reports names the party with that day (`_told_with`). Only the day or city in the
    clause putting the delegation at the party counts ("參訪<party>之後，6/22 拜會了誰？" puts it on no day). Besides
    `parties`, a name the question shares with an itinerary row is one; a city inside one of `names` (the
    reports' names, folded: "<city>市政府") is no city."""
    clauses = [c for c in _CLAUSE_END.split(fold(question)) if c.strip()]
    out: list[Mention] = []
    for document in documents:
        rows = _rows(document)
        places = _places(document)
        shared = _row_names(fold(question), [line for _, line, _ in rows], places, parties)
        asked = [*parties, *((name,) for name in shared)]
        # The cities as the question may write them: "amsterdam" as well as its Han name.
        cities = places | {s for p in asked if p and p[0] in places for s in p if s}
        for spellings in (p for p in asked if any(p)):
            if any(names_a_place(s, places) for s in spellings if has_han(s)):
                continue  # a city of the trip ("<city>市") is no party another city could hold
            said = " ".join(c for c in clauses if any(_at_party(c, s) or _sited(c, s, cities) for s in spellings if s))
            named = [
                (r, _visit_places(line, where)) for r, line, where in rows if any(holds(line, s) for s in spellings)
            ]
            if not said or not named:
                continue  # not put at the party, or not a visit of the trip
            for other in _placed(said, spellings, asked, places, named, [d for r, _, _ in rows for d in r.days]):
                if not _told_with(document, spellings, other, names):
                    out += [replace(m, other=other) for m in _first([document], spellings, SCHEDULE)]
    return list({(m.name, m.other): m for m in out}.values())


def elsewhere_that_day(question: str, documents: Sequence[Document]) -> list[Mention]:
    """Return the city a question puts the delegation in ("6/19 上午在<city>…") on the one day (and half-day) it
    names when no itinerary row of that day puts it there in any of `documents` (one that does clears it),
    pointing at that day's rows (where it was). Not a city inside a longer name ("<city>館") or one only talked
    about ("有提到在<city>…", "遇到<city>的業者")."""
    folded = fold(question)
    days = list(dict.fromkeys(d for d in date_tokens(folded) if "/" in d))
    if len(days) != 1:
        return []
    half = half_day(folded)
    out = []
    for document in documents:
        rows = _rows(document)
        on_day = [(r, where) for r, _, where in rows if days[0] in r.days]
        if half and any(r.half == half for r, _ in on_day):
            on_day = [(r, where) for r, where in on_day if r.half == half]
        places = _places(document)
        asked = [c for c in places if _put_in(folded, c, document.folded)]
        if not on_day or len(asked) != 1:
            continue
        if any(asked[0] in where for _, where in on_day):
            return []  # this report puts the delegation there that day
        start, end = on_day[0][0].start, on_day[-1][0].end
        day = " ".join(filter(None, (days[0], half)))
        where = "、".join(sorted(set().union(*(w for _, w in on_day))))
        out.append(Mention(asked[0], document.doc_id, start, end, SCHEDULE, day, where))
    return out


def days_off_the_itinerary(days: Sequence[str], documents: Sequence[Document]) -> list[Mention]:
    """Return the days ("6/26") a question asks the itinerary of that no itinerary of `documents` has, pointing at
    the first one's table; none when a report has one of them or none has an itinerary."""
    tables = [(d, d.template.itinerary) for d in documents if d.template.itinerary]
    if not days or not tables or any(day in r.days for _, rows in tables for r in rows for day in days):
        return []
    document, rows = tables[0]
    return [Mention(day, document.doc_id, rows[0].start, rows[-1].end, NO_DAY) for day in days]


def _put_in(folded_question: str, city: str, folded_text: str) -> bool:
    """Return True when a question puts the delegation in `city` ("在<city>", "去<city>", "在<city>市"), not in a longer
    name the report writes (<city>館) nor as something said or met ("提到在<city>", "遇到<city>的")."""
    for m in re.finditer(rf"(?:在|{ARRIVING}|去|前往){re.escape(city)}", folded_question):
        longer = folded_question[m.start() + 1 : m.end() + 1]
        # "<city>市" is the city itself, not a longer name ("<city>館").
        if m.end() < len(folded_question) and has_han(longer[-1]) and longer in folded_text and longer[-1] != "市":
            continue
        if _SAID_BEFORE.search(folded_question[max(0, m.start() - _SAID_REACH) : m.start()]):
            continue
        return True
    return False


def _placed(
    said: str,
    spellings: tuple[str, ...],
    asked: Sequence[tuple[str, ...]],
    places: Set[str],
    named: Sequence[tuple[ItineraryRow, frozenset[str]]],
    trip_days: Sequence[str],
) -> list[str]:
    """Return the days and cities of the trip the clause `said` puts a party at (`spellings`) that the itinerary
    rows naming it (`named`: (row, its places)) do not give; a day of the month alone is the trip's day of that
    number (`trip_days`)."""
    # The clause's words beside every party it names: a city inside a party's name is no place it puts one.
    rest = functools.reduce(lambda text, s: text.replace(s, " "), (s for p in asked for s in p if s), said)
    days = [d for d in days_on(said, trip_days) if not any(d in r.days for r, _ in named)]
    cities = [
        c
        for c in places
        if c in rest or any(p[0] in (c, c + "市") and p != spellings and any(s and s in said for s in p) for p in asked)
    ]
    return days + [c for c in cities if not any(c in where for _, where in named)]


def _told_with(document: Document, spellings: tuple[str, ...], other: str, names: Sequence[str]) -> bool:
    """Return True when a line of `document` names the party with the day `other` ("6/18", anywhere in the line) or
    with the city `other` (within `_NEAR` characters of one sentence, outside a longer name of `names`); not an
    itinerary row, whose day and city the caller has read (a row travelling A→B after a visit names B with it)."""
    party = _party_pattern(spellings)
    if party is None:
        return False
    rows = {line for _, line, _ in _rows(document)}  # the itinerary's rows are read by the caller, as rows
    lines = [line for line in _lines(document) if party.search(line) and line not in rows]
    if "/" in other:
        return any(other in date_tokens(line) for line in lines)
    return any(_tells(text, other, names) for line in lines for text in _around(line, party, _NEAR))


@lru_cache(maxsize=1024)
def _party_pattern(spellings: tuple[str, ...]) -> re.Pattern | None:
    """Return a pattern finding any of a party's spellings (folded) as `holds` does, or None when it has none (an
    empty pattern would find the party everywhere)."""
    if not any(spellings):
        return None
    return re.compile("|".join(spelling_pattern(s) for s in spellings if s))


def _tells(text: str, other: str, names: Sequence[str]) -> bool:
    """Return True when folded `text` names the city `other` outside a longer name of `names`."""
    for name in (n for n in names if other in n and n != other):
        text = text.replace(name, " ")
    return other in text


def _row_names(
    folded_question: str, rows: Sequence[str], places: Set[str], parties: Sequence[tuple[str, ...]]
) -> list[str]:
    """Return the names (3+ Han characters, none a place) the question shares with the itinerary's rows that
    `parties` do not already hold: the longest from each start ("港務公司" of "參訪港務公司總部")."""
    found: list[str] = []
    for run in HAN_RUN_RE.findall(folded_question):
        i = 0
        while i <= len(run) - 3:
            n = next((n for n in range(len(run) - i, 2, -1) if any(run[i : i + n] in row for row in rows)), 0)
            name = run[i : i + n]
            if (verb := _VISIT_ASKED.match(name)) and n > verb.end():
                i += verb.end()  # "拜會<party>": the name after the verb
                continue
            if n and name not in places and not _VISIT_ASKED.search(name) and not _NOT_IN_A_NAME.search(name):
                if not any(s and (name in s or s in name) for p in parties for s in p):
                    found.append(name)
            i += n or 1  # past the whole match: no part of a place (姆斯特丹) is a name
    return found


def _at_party(folded_question: str, spelling: str) -> bool:
    """Return True when a question puts the delegation at a party, not only mentions it: a visit verb or 在/at
    just before its name ("在<party>看了什麼", "at <party>"); or puts the party somewhere ("<party>在<city>的分公司")."""
    name = re.escape(spelling)
    return re.search(f"(?:{_AT}){name}|{name}(?:{_LOCATED})", folded_question) is not None


def _sited(folded_question: str, spelling: str, places: frozenset[str]) -> bool:
    """Return True when a question names a party's site in a city of the trip ("<party><city>總部那場…") or the party
    as a city's ("<city>那個<party>")."""
    if not places:
        return False
    cities = "|".join(re.escape(p) for p in sorted(places, key=len, reverse=True))
    name = re.escape(spelling)
    return re.search(f"{name}(?:{_SITE.format(cities)})|{_CITYS.format(cities)}{name}", folded_question) is not None


def led_by_another(question: str, documents: Sequence[Document], parties: Sequence[tuple[str, ...]]) -> list[Mention]:
    """Return the visits a question puts a head's title at ("王市長去<party>時…", "when the mayor visited
    <party>") whose part of a report never writes that title and says another led it ("陳處長…率團前往")."""
    folded = fold(question)
    titles = {m.group(0): re.escape(m.group(0)) for m in _HEAD_TITLE.finditer(folded)}
    titles |= {title: pattern.pattern for pattern, title in _ENGLISH_HEAD_TITLES if pattern.search(question)}
    out: list[Mention] = []
    for title, asked in titles.items():
        visited = [s for p in parties for s in p if s and re.search(_HEAD_AT.format(asked, _AT, re.escape(s)), folded)]
        # What the question says the head did, in the clause after the title: where it goes or stands.
        clauses = [
            _CLAUSE_END.split(folded[m.end() : m.end() + _HEAD_CLAUSE_CHARS])[0] for m in re.finditer(asked, folded)
        ]
        bare = re.compile(rf"(?<!副){re.escape(title)}")
        for document in documents:
            for (head, start, _), text in zip(document.parts, _part_texts(document), strict=True):
                heading = fold(head.path[-1]) if head.path else ""
                named = any(holds(heading, s) for s in visited) or any(
                    names_visit_heading(clause, head.path[-1], document) for clause in clauses if head.path
                )
                if not text or not named or bare.search(text):
                    continue
                leaders = [m.group(1) or m.group(2) for m in _LED_BY.finditer(text)]
                leader = next((t for t in leaders if t != title), "")
                if leader:
                    at = start + document.text[start:].find(head.path[-1]) if head.path else start
                    out.append(Mention(title, document.doc_id, at, at + len(head.path[-1]), LED, leader))
    return out


def _shortened(word: str, core: str) -> bool:
    """Return True when four Han characters shorten a heading's words as staff do, its first two and last two
    written there in order with words between ("臺荷論壇" of "臺荷港灣城市暨物流論壇")."""
    if len(word) != 4 or not HAN_RUN_RE.fullmatch(word):
        return False
    head, tail = core.find(word[:2]), core.rfind(word[2:])
    return head >= 0 and tail > head + 2


def _abbreviated(word: str, core: str, document: Document) -> bool:
    """Return True when two Han characters abbreviate two two-character words of a heading, as the report itself
    writes them elsewhere ("荷電" of "荷蘭電力公司" where its text says 荷電 too): the first character of each."""
    if len(word) != 2 or not HAN_RUN_RE.fullmatch(word):
        return False
    return any(
        core[j] == word[0] and core[j + 2] == word[1] and HAN_RUN_RE.fullmatch(core[j : j + 4])
        for j in range(len(core) - 3)
    ) and any(word in line for line in _lines(document))


def names_visit_heading(folded: str, heading: str, document: Document, subject: bool = False) -> bool:
    """Return True when a (folded) question goes or stands at a visit of `document` named by its heading's words:
    three characters of `heading`, its numbering and visit verbs aside, just after 去/在/參訪… ("去港務局那天",
    "在那場港灣城市論壇上" of "四、出席臺荷港灣城市暨物流論壇"), none of them the cover's (the agency filing
    the report) or a city's of the itinerary ("參訪荷蘭…" names no visit by 參訪荷, nor "在鹿特丹" by 鹿特丹).
    With `subject`, a question opening with them names it too ("臺荷論壇是誰帶隊？")."""
    core = _HEADING_VERBS.sub(" ", heading_core(heading))
    if not core.strip():
        return False
    cover, places = _cover(document), _places(document)
    starts = [(0, 1)] if subject else []
    starts += [(m.end(), _NAMED_WITHIN + 1) for m in re.finditer(_GOING_TO, folded)]
    for at, within in starts:
        after = _CLAUSE_END.split(_DATE_OR_SPACE.sub("", folded[at : at + _HEAD_CLAUSE_CHARS]))[0]
        for i in range(min(len(after), within)):
            word = after[i : i + _HEADING_RUN]
            if len(word) == _HEADING_RUN and HAN_RUN_RE.fullmatch(word) and word in core and word not in cover:
                if not any(word in p or p in word for p in places):
                    return True
            if _shortened(after[i : i + 4], core) and not any(after[i : i + 2] in p for p in places):
                return True
            if i == 0 and _abbreviated(after[:2], core, document) and not any(after[:2] in p for p in places):
                return True
    return False


def persons_elsewhere(
    question: str, documents: Sequence[Document], named_places: Sequence[str] = (), respelled: Sequence[str] = ()
) -> list[Mention]:
    """Return the persons a question puts in a city of the trip ("<name>市長在<city>帶大家逛…", "在<city>跟 <Name>
    副市長見面時…") whom the reports name, with a title, only in parts (visits, sections) that never place them
    there: neither the part's text nor the itinerary rows naming its heading write that city. Members of the
    delegation (the member table) went everywhere, and the reports write them by surname and title.
    `named_places` are the places the question names in another script, as the reports write them (Rotterdam: 鹿特丹);
    `respelled` the Latin names of persons the question writes as the reports transliterate them (folded)."""
    folded = fold(question)
    latin = [fold(p) for p in [*_LATIN_PERSON.findall(question), *_titled_surnames(question)]] + list(respelled)
    latin += _report_titled_surnames(question, documents)
    han = [m.group(1) for m in _han_persons(folded, documents)]
    out: list[Mention] = []
    for document in documents:
        places = _places(document)
        cities = [c for c in places if c in folded or any(c in n for n in named_places)]  # <city>市 names <city>
        for name in dict.fromkeys([*latin, *han]) if cities else ():
            if not _titled(document, name) or name in _members(document):
                continue  # not a person this report names with a title, or one of the delegation
            where = _places_told_with(document, name)
            for city in (c for c in cities if where and c not in name and not any(c in w for w in where)):
                out += [replace(m, other=city) for m in _first([document], (name,), TOGETHER)]
    return out


def _places_told_with(document: Document, name: str) -> list[str]:
    """Return the texts (folded) that place a name: for each part writing it, its heading, its sentences writing the
    name and the itinerary rows naming its heading (not a city its account only recalls), and in the reflections or
    recommendations (心得, 建議) only each sentence writing it: one paragraph there tells of two cities' officials,
    each in its own sentence."""
    out: list[str] = []
    for i, text in enumerate(_part_texts(document)):
        if name not in text:
            continue
        path = document.parts[i][0].path
        said = [s for s in re.split(r"[。；\n]", text) if name in s]
        if path and any(cue.search(fold(path[0])) for cue in _CLOSING_SECTIONS):
            out += said
        else:
            out.append(" ".join([fold(" ".join(path)), *said, _part_rows(document, i)]))
    return out


def persons_not_met(question: str, documents: Sequence[Document], respelled: Sequence[str] = ()) -> list[Mention]:
    """Return the persons a question presumes the delegation met or talked with ("<Name> 跟市長談了什麼？", "what
    did they discuss with <Name>") whom the reports name, with a title, only in sentences telling of no meeting,
    talk or act between them (a city's mayor named for her policies, an architect for his design). Names in Latin
    letters only, as reports write the persons met abroad (a Han name's edges are a guess), or `respelled`: the
    Latin names (folded) of the persons the question writes as the reports transliterate them ("<譯名>（<Name>）");
    members of the delegation are not checked."""
    if not _MET_ASKED.search(question):
        return []
    out: list[Mention] = []
    for document in documents:
        for name in dict.fromkeys(
            [*(fold(p) for p in [*_latin_persons(question), *_titled_surnames(question)]), *respelled]
        ):
            if not _titled(document, name) or name in _members(document):
                continue
            told = [s for s in _sentences(document) if fold_latin(name) in s]
            if told and not any(_MET_TOLD.search(s) for s in told):
                out += _first([document], (name,), VISIT)
    return out


def persons_asked(
    question: str,
    documents: Sequence[Document],
    respelled: Sequence[str] = (),
    other_names: Callable[[str], list[str]] = lambda name: [],
) -> list[Mention]:
    """Return the persons a question names in Latin letters (a whole name, a titled surname, or `respelled`: the
    Latin name of one it writes as the reports transliterate it) whom the reports name with a title, members of the
    delegation aside, each where the reports first name them (not in the table of contents), with every way they
    write them (`Mention.spellings`): the name, each of its capitalized words, and `other_names` (the Chinese name
    a report glosses it with). An answer quoting none of them tells of others."""
    surnames = [fold(n) for n in _titled_surnames(question)]
    names = [fold(n) for n in _latin_persons(question)] + surnames + list(respelled)
    out: list[Mention] = []
    for name in dict.fromkeys(names):
        document = next((d for d in documents if _titled(d, name) and name not in _members(d)), None)
        found = (
            m
            for m in (re.finditer(re.escape(name), document.text, re.IGNORECASE) if document else ())
            if document.section_at(m.start()).kind != "toc"
        )
        m = next(found, None)
        # A person's name is words (Jan Visser, Anna de Vries) or a titled surname, not a body's initials ("A.S.O.").
        if m and (name in surnames or (" " in m.group(0) and "." not in m.group(0))):
            words = [w for w in m.group(0).split() if len(w) >= 3 and w[0].isupper()]
            spellings = (m.group(0), *words, *other_names(name))
            out.append(Mention(m.group(0), document.doc_id, m.start(), m.end(), NAMED, spellings=spellings))
    return out


def titled_otherwise(question: str, documents: Sequence[Document]) -> list[Mention]:
    """Return the persons, named in Latin letters, a question titles a city's mayor or deputy mayor ("<Name> 副市長",
    "deputy mayor <Name>") whom the reports title otherwise ("<Name>）市長": the mayor of another town), as `other`
    the title asked and `where` the reports' titles."""
    out: list[Mention] = []
    for m in _LATIN_PERSON.finditer(question):
        start = m.start()  # a title before the name is no part of it: "Mayor <Name>" is read for the title asked
        after = re.match(rf"\s*({'|'.join(_CITY_TITLES)})", question[m.end() :])
        asked = (
            after.group(1)
            if after
            else next((title for pattern, title in _ENGLISH_CITY_TITLES if pattern.search(question[:start])), "")
        )
        name = fold(question[start : m.end()])
        if not asked or " " not in name.strip():
            continue
        for document in documents:
            told = {
                t.group(0)
                for i in _at(document, name)
                for t in re.finditer(
                    _FULL_TITLE, document.folded[max(0, i - _TITLE_BESIDE) : i + len(name) + _TITLE_BESIDE]
                )
            }
            out += _retitled(document, name, asked, told)
    for name, asked in _han_titled_after(fold(question), documents):  # "<city>副市長<name>"
        for document in documents:
            told = {t.group(1) for t in re.finditer(rf"{re.escape(name)}\s?({_FULL_TITLE})", document.folded)}
            out += _retitled(document, name, asked, told)
    return out


def _retitled(document: Document, name: str, asked: str, told: set[str]) -> list[Mention]:
    """Return the mention of `name` in `document` when the title asked of it is none of those the document gives it
    (`told`), with the titles asked and given; [] when the document titles it so, or not at all."""
    if not told or asked in told:
        return []
    return [
        replace(x, reason=TITLED, other=asked, where="、".join(sorted(told)))
        for x in _first([document], (name,), TITLED)
    ]


def _han_titled_after(folded_question: str, documents: Sequence[Document]) -> list[tuple[str, str]]:
    """Return (name, the city title asked) for each Han name a question writes after a city's title ("<city>副市長
    <name>"): the longest start (two characters or more, no visit word or function character) of the run after the
    title that a report writes as a person's, alone before a title of its own."""
    out = []
    for m in _AFTER_CITY_TITLE.finditer(folded_question):
        run = m.group(2)
        name = next(
            (
                run[:k]
                for k in range(len(run), 1, -1)
                if not _VISIT_ASKED.search(run[:k])
                and not _FUNCTION_CHARS.search(run[:k].replace("和", ""))  # 和 is a given name's character too
                and any(_named_before_title(d.folded, run[:k]) for d in documents)
            ),
            "",
        )
        if name:
            out.append((name, m.group(1)))
    return out


def _named_before_title(folded_text: str, name: str) -> bool:
    """Return True when a (folded) report writes `name` as a person's: just before a title, after no Han character
    but a word leading a name or an office's last ("，<name>市長", "由<name>副市長接待", "<office>局<name>局長"),
    not inside a phrase ("…親自帶領市長")."""
    before_title = (
        rf"(?:(?<![{HAN_CHARS}])|(?<=[由與及和並向請邀局處院會部署所司廳館])){re.escape(name)}\s?{_FULL_TITLE}"
    )
    return bool(re.search(before_title, folded_text))


def persons_not_at(
    question: str, documents: Sequence[Document], parties: Sequence[tuple[str, ...]], respelled: Sequence[str] = ()
) -> list[Mention]:
    """Return the persons a question names at a visited party ("<party>那邊是 <Name> 副總裁接待的") whom the
    reports name, with a title, but never in the account of that party's visit (a part whose heading names the
    party; accents aside: Gerard for Gérard); members of the delegation (the member table) are not checked, nor a
    party the question names only as the person's ("<party> 的 <Name> 副總裁有出席晚宴嗎？"). `respelled`: the Latin
    names (folded) of persons the question writes as the reports transliterate them."""
    folded = fold(question)
    names = [fold(n) for n in [*_latin_persons(question, last_two=True), *_titled_surnames(question)]]
    names += [m.group(1) for m in _han_persons(folded, documents)] + list(respelled)
    out: list[Mention] = []
    at = [
        p
        for p in parties
        if any(s and (_at_party(folded, s) or re.search(_THERE.format(re.escape(s)), folded)) for s in p)
    ]
    for document in documents:
        texts = [fold_latin(t) for t in _part_texts(document)]
        for name in (n for n in dict.fromkeys(names) if _titled(document, n) and n not in _members(document)):
            for spellings in (p for p in at if not any(s and s in name for s in p)):
                visits = [i for i, (head, _, _) in enumerate(document.parts) if heads(head, spellings)]
                if visits and not any(fold_latin(name) in texts[i] for i in visits):
                    party = _first([document], spellings, NOT_AT)  # as the report writes it
                    shown = party[0].name if party else spellings[0]
                    out += [replace(m, other=shown) for m in _first([document], (name,), NOT_AT)]
    return out


@lru_cache(maxsize=64)
def _cover(document: Document) -> str:
    """Return a document's cover field values, folded, read once."""
    return fold(" ".join(f.value for f in document.template.cover))


@lru_cache(maxsize=64)
def _members(document: Document) -> str:
    """Return a document's member table rows, folded, read once."""
    return " ".join(fold(document.text[r.start : r.end]) for r in document.template.members)


def _titled(document: Document, name: str, before: int = _TITLE_BEFORE_SURNAME) -> bool:
    """Return True when a document writes `name` (folded) with a title at most `before` characters before it
    ("副總裁 Jan Visser", and by default "副總裁 Jan" before a surname) or just after it."""
    return any(
        _TITLED.search(document.folded[max(0, i - before) : i + len(name) + _TITLE_BESIDE]) for i in _at(document, name)
    )


def _report_titled_surnames(question: str, documents: Sequence[Document]) -> list[str]:
    """Return the capitalized words of a question (folded) that the reports write as a person's surname with a title
    just after it ("<Name> 副市長"): "What did <Name> tell the mayor…" names that person, untitled."""
    return [
        fold(w)
        for w in capitalized_names(question, min_chars=4)
        if any(re.search(rf"(?<![a-z]){re.escape(fold(w))}\s?{_FULL_TITLE}", d.folded) for d in documents)
    ]


def _titled_surnames(question: str) -> list[str]:
    """Return the Latin surnames a question writes with a title ("Visser 副總裁", "Deputy Mayor Visser")."""
    return [a or b for a, b in _LATIN_TITLED.findall(question)]


def _latin_persons(question: str, last_two: bool = False) -> list[str]:
    """Return the Latin names of persons a question writes (a title before one, "Mayor Anne Dupont", is no word of
    it: `_NO_TITLE`); with `last_two`, each also by its last two words (a capitalized word opening a question, "When
    Jean Dupont…", is no part of the name)."""
    out = []
    for name in _LATIN_PERSON.findall(question):
        out += [name, " ".join(name.split()[-2:])] if last_two else [name]
    return list(dict.fromkeys(out))


def _han_persons(folded_question: str, documents: Sequence[Document] = ()) -> list[re.Match]:
    """Return the Han names with a title a (folded) question writes ("<name>市長"): group 1 the name, 0 with its
    title; not a phrase ("團是", "次出訪"), though a name may hold 和, which phrases use too, where `documents` write it
    so ("<姓>明和董事長")."""
    return [
        m
        for m in _PERSON.finditer(folded_question)
        if not _FUNCTION_CHARS.search(m.group(1))
        or (not _FUNCTION_CHARS.search(m.group(1).replace("和", "")) and any(m.group(0) in d.folded for d in documents))
    ]


@lru_cache(maxsize=1024)
def _part_places(document: Document, index: int) -> str:
    """Return a part of a document with the itinerary rows naming its heading, folded: where it puts its visit."""
    return " ".join([document.folded_parts[index], _part_rows(document, index)])


@lru_cache(maxsize=1024)
def _part_rows(document: Document, index: int) -> str:
    """Return the itinerary rows naming a part's heading, folded: where the itinerary puts the part."""
    head = document.parts[index][0]
    rows = rows_naming(document.text, document.template.itinerary, head.path[-1])
    return " ".join(fold(document.text[r.start : r.end]) for r in rows)


def _persons_apart(
    question: str,
    documents: Sequence[Document],
    parties: Sequence[tuple[str, ...]],
    names: Sequence[tuple[str, ...]] = (),
) -> list[Mention]:
    """Return the persons a question names in Latin letters ("What did Jean Dupont present at <party>?"), as the
    reports write them beside a title, that no part of the reports (a visit, a section, with the itinerary rows
    naming it) names together with a named party written in Chinese: the question puts them where the reports
    never do. A part listing guests with their own parties ("<party> Jean Dupont 主席、<other> …") names a
    person there with the party only in the item naming them (`_listed_elsewhere`)."""
    out: list[Mention] = []
    for person in dict.fromkeys(_LATIN_PERSON.findall(question)):
        name = fold(person)
        parts = [(d, _part_texts(d)) for d in documents]
        parts_of = {d.doc_id: texts for d, texts in parts}
        if not any(_titled(d, name, before=_TITLE_BESIDE) for d in documents):
            continue  # not a person the reports name with a title
        with_person = {(d.doc_id, i) for d, texts in parts for i, t in enumerate(texts) if name in t}
        for spellings in (p for p in parties if any(has_han(s) for s in p) and not any(s in name for s in p)):
            # A part names the party in its text or in the itinerary rows naming its heading (a visit's city).
            with_party = {
                (d.doc_id, i)
                for d, texts in parts
                for i, t in enumerate(texts)
                if t and any(holds(_part_places(d, i), s) for s in spellings)
            }
            # A city of the trip holds every guest listed there, whatever party each is named under.
            city = any(names_a_place(s, _places(d)) for d in documents for s in spellings if has_han(s))
            together = {
                (doc_id, i)
                for doc_id, i in with_person & with_party
                if city or not _listed_elsewhere(parts_of[doc_id][i], name, spellings, names)
            }
            if with_person and with_party and not together:
                found = _first(documents, (name,), TOGETHER)
                out += [replace(m, other=next(s for s in spellings if has_han(s))) for m in found]
    return out


# A thing a question gives a party ({} the party, {} the thing): "<party>的<thing>", "<party>那款<thing>", "<party>在
# <city>展示的<thing>", "<party>'s <thing>", "<party> … its <thing>".
_GIVEN_TO = (
    r"{}\s?[^，。,?？]{{0,8}}?(?:的|那款|那個|那套|這款|那台)\s?{}",
    r"{}(?:['’]s|\b[^,.?;]{{0,30}}?\b(?:its|their))\s+(?:[\w-]+\s+){{0,2}}?{}",
)


def _things_apart(
    question: str,
    documents: Sequence[Document],
    parties: Sequence[tuple[str, ...]],
    places: frozenset[str],
    other_names: Callable[[str], list[str]],
    is_word: Callable[[str], bool],
) -> list[Mention]:
    """Return the things a question gives a named party ("<party>的<product>") that the reports name only in parts
    (a visit, a section, with the itinerary rows naming it) that never name the party: another party's product or
    plan. A thing is a name, not a dictionary word ("<party>那一站的內容"), nor a place of the itineraries (`places`)
    under any of its names; a city's parties are many, so a thing given a city is let be."""
    folded = fold(question)
    if not parties:
        return []
    things = [fold(t) for t in _names(question, "\n".join(d.folded for d in documents), lambda name: [])]
    parts = [(d, i, text) for d in documents for i, text in enumerate(_part_texts(d)) if text]
    out: list[Mention] = []
    for spellings in parties:
        if any(names_a_place(s, places) for s in spellings if has_han(s)):
            continue
        with_party: set | None = None  # the parts naming the party, read once a thing is given it
        for thing in things:
            if any(thing in s or s in thing for s in spellings) or (has_han(thing) and is_word(thing)):
                continue
            if _AGREEMENT_TOLD.search(thing):  # "<party>那份備忘錄": an agreement, which `unsupported` checks
                continue
            given = (g.format(spelling_pattern(s), re.escape(thing)) for g in _GIVEN_TO for s in spellings if s)
            if not any(re.search(pattern, folded) for pattern in given):
                continue
            if any(names_a_place(fold(n), places) for n in [thing, *other_names(thing)]):
                continue
            if with_party is None:
                with_party = {(d, i) for d, i, _ in parts if any(holds(_part_places(d, i), s) for s in spellings)}
            with_thing = {(d, i) for d, i, text in parts if thing in text}
            if with_thing and with_party and not with_thing & with_party:
                found, other = _first(documents, (thing,), TOGETHER), _first(documents, spellings, TOGETHER)
                out += [replace(m, other=other[0].name if other else spellings[0]) for m in found]
    return out


def _listed_elsewhere(text: str, person: str, spellings: tuple[str, ...], names: Sequence[tuple[str, ...]]) -> bool:
    """Return True when the person is listed in a folded part only under another party: every item of a list
    ("<party> Jean Dupont 主席、<other> …") naming `person` names before them another of the reports' `names` (each with
    its spellings) and none of the party's `spellings`; False when no list names them."""
    items = [
        item for clause in _CLAUSE_END.split(text) if "、" in clause for item in clause.split("、") if person in item
    ]
    others = [group for group in names if not any(n in s or s in n for n in group for s in spellings if n and s)]
    return bool(items) and all(
        not any(s in item for s in spellings)
        and any(_names_in(item[: item.index(person)], group, person) for group in others)
        for item in items
    )


def _names_in(item: str, group: tuple[str, ...], person: str) -> bool:
    """Return True when a folded item writes one of a name's spellings, not inside the person's name, a Latin
    one as whole words, accents off as the glossary spells them ("mes" is not in "times")."""
    return any(n and n not in person and holds(item if has_han(n) else fold_latin(item), n) for n in group)


@lru_cache(maxsize=64)
def _part_texts(document: Document) -> tuple[str, ...]:
    """Return a document's parts folded, "" for the contents and the itinerary, which name every visit."""
    rows = [r.start for r in document.template.itinerary]
    return tuple(
        "" if any(a <= r < b for r in rows) else text
        for (_, a, b), text in zip(document.parts, document.folded_parts, strict=True)
    )


def _at(document: Document, name: str) -> list[int]:
    """Return where folded `name` occurs in a document's folded text."""
    return [m.start() for m in re.finditer(re.escape(name), document.folded)]


@lru_cache(maxsize=64)
def _sentences(document: Document) -> tuple[str, ...]:
    """Return a document's sentences (its lines cut at 。 and ；), folded with accents aside, read once."""
    return tuple(fold_latin(s) for line in _lines(document) for s in re.split(r"[。；]", line) if s.strip())


@lru_cache(maxsize=64)
def _lines(document: Document) -> tuple[str, ...]:
    """Return a document's lines (paragraphs, table rows) joined across page breaks and folded, read once."""
    return tuple(fold(line) for line in matching_text(document, 0, len(document.text)).split("\n") if line.strip())


def _signed_with(folded: str, lines: Sequence[str]) -> list[str]:
    """Return the Chinese names an agreement question puts it with ("跟港務公司簽的備忘錄" -> 港務公司): the longest
    start (2+ characters) of the run after 跟/與/和/同 that a line of the reports writes."""
    names = []
    for m in _SIGNED_WITH.finditer(folded):
        run = m.group(1)
        name = next((run[:n] for n in range(len(run), 1, -1) if any(run[:n] in line for line in lines)), "")
        name = name.rstrip("的之")
        # What follows the name points at it ("港務公司那家") or tells how ("正式簽了"), or the name goes on (鹿特丹
        # in 鹿特丹海事博物館).
        if len(name) >= 3 and (len(name) == len(run) or _AFTER_A_NAME.match(run, len(name))) and not _ROLE.search(name):
            names.append(name)
    return names


def _tells_agreement_with(line: str, spellings: Sequence[str]) -> bool:
    """Return True when a line tells of an agreement with the party `spellings` name: the party within `_NEAR`
    characters of the agreement in its sentence, and no other visit told between them. A summary naming every
    city of the trip in the sentence that tells of one signing signs nothing with each, nor does "簽署備忘錄、參訪
    <party>" with the party visited after."""
    party = _party_pattern(tuple(spellings))
    if party is None:
        return False
    for sentence in _SENTENCE_END.split(line):
        for told in _AGREEMENT_TOLD.finditer(sentence):
            for m in party.finditer(sentence):
                start, end = (m.end(), told.start()) if m.end() <= told.start() else (told.end(), m.start())
                if end - start <= _NEAR and not _VISIT_TOLD.search(sentence, start, end):
                    return True
    return False


def _around(line: str, pattern: re.Pattern, reach: int) -> Iterator[str]:
    """Yield the text within `reach` characters of each match of `pattern` in `line`, inside the match's sentence."""
    for sentence in _SENTENCE_END.split(line):
        for m in pattern.finditer(sentence):
            yield sentence[max(0, m.start() - reach) : m.end() + reach]


def _with(question: str, folded: str, spelling: str) -> bool:
    """Return True when the question puts an agreement with the party `spelling` names, or at its place: "跟 X 簽",
    "在 X 總部簽的", "去 X 時簽的", "signed with X", "signed at X" (its whole name: "at the Port Museum" does not put
    it at the port)."""
    if _next_to(folded, spelling, _COUNTERPARTY):
        return True
    if spelling.isascii() or not has_han(spelling):
        at = rf"\bat (?:the )?(?i:{re.escape(spelling)})\b(?!\s+[A-Z])"
        signing = rf"{re.escape(spelling)}\W+(?:\w+\W+){{0,2}}sign"  # "did <city> and <party> formally sign…"
        # "with X", "with the mayor of X"
        holder = rf"\bwith (?:the )?(?:(?:[a-z-]+ ){{1,3}}?of (?:the )?)?{re.escape(spelling)}"
        owned = rf"{re.escape(spelling)}(?:['’]s)?\s+(?:[a-z-]+\s+)?{_AGREEMENT_NOUN}"  # "the X MoU", "X's deal"
        return any(
            re.search(p, text) for p, text in ((at, question), (signing, folded), (holder, folded), (owned, folded))
        )
    at = rf"(?:在|去|{ARRIVING}|參訪|拜訪|拜會|造訪)"  # "在 X 總部簽的", "去 X 時簽的"
    # The agreement as the party's own: "X 那份備忘錄", "X 的三方合約", "X 簽的 MOU".
    owned = rf"{re.escape(spelling)}\s?(?:那份|這份|的|簽的|簽署的|簽訂的)[^，。?？]{{0,4}}?{_AGREEMENT_NOUN}"
    return re.search(rf"{at}[^，。?？]{{0,{_COUNTERPARTY_REACH}}}?{re.escape(spelling)}|{owned}", folded) is not None


def _next_to(text: str, spelling: str, pattern: re.Pattern) -> bool:
    """Return True when `spelling` occurs in `text` with a match of `pattern` just before or after it."""
    for m in re.finditer(re.escape(spelling), text):
        around = text[max(0, m.start() - _COUNTERPARTY_REACH) : m.end() + _COUNTERPARTY_REACH]
        if pattern.search(around):
            return True
    return False


def _first(documents: Sequence[Document], spellings: Sequence[str], reason: str) -> list[Mention]:
    """Return where the first of `spellings` (folded) first occurs in `documents`, as written there, or []."""
    for document in documents:
        for spelling in (s for s in spellings if s):
            m = re.search(re.escape(spelling), document.text, re.IGNORECASE)
            if m:
                return [Mention(m.group(0), document.doc_id, m.start(), m.end(), reason)]
            at = document.folded.find(
                spelling
            )  # written another way (台 for 臺): offsets hold where folding kept length
            if at >= 0 and len(document.folded) == len(document.text):
                end = at + len(spelling)
                return [Mention(document.text[at:end], document.doc_id, at, end, reason)]
    return []
