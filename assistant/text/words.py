"""Word lists shared by every step (question words, stopwords) and spotting capitalized names in a question."""

from __future__ import annotations

import re

# What people call a place ("why do people call <city> the red city?"), matched up to "call": a name and an article
# follow, so not a call paid, made or called off ("call on the port authority", "call the port authority", "call off").
_CALLERS = r"\b(?:people|they|locals|everyone|folks) call"
PEOPLE_CALL_A_NAME = _CALLERS + r"(?= (?!(?:on|off|for|in|up|back|out|at)\b)(?:[a-z'-]+ ){1,2}(?:the|a|an)\b)"
PEOPLE_CALL_IT = _CALLERS + r"(?= (?:it|this|that|them)\W*$)"  # "what do locals call it?", the question's end

# Characters and words a Chinese question asks with: never what it is about.
CHINESE_QUESTION_WORDS = frozenset(
    "什 麼 甚 哪 些 裡 誰 何 時 嗎 呢 吧 的 了 是 在 有 和 與 及 或 請 問 為 多 少 幾 個 這 那 其 之 也 都 "
    "什麼 甚麼 哪些 哪裡 哪個 何時 為何 如何 怎麼 多少 幾個 是否 請問 報告 這次 此次 本次".split()
)
# English words a question asks with: question words, auxiliaries, articles, prepositions, pronouns.
ENGLISH_QUESTION_WORDS = frozenset(
    "what which who whom whose when where why how is are was were do does did can could the a an of in on "
    "at to for from by with and or about it its this that these those be been many much".split()
)
# Words that name the genre itself (a trip report, its delegation and its visits): any question may use them,
# so they tell no passage from another and translate to words every passage holds.
ENGLISH_GENRE_WORDS = frozenset("report trip delegation mayor city group visit visited".split())
# Abbreviations staff write, in any language, for what reports of the genre spell out (合作備忘錄 for an MOU, 總部
# for an HQ): common nouns, no names, though capitalized; the dictionary glosses only the words spelled out.
ABBREVIATIONS = {"mou": "memorandum", "mous": "memorandum", "moa": "memorandum", "hq": "headquarters"}
# Further English function words, which have no meaning of their own to translate.
ENGLISH_FUNCTION_WORDS = frozenset(
    "as being their there here than then into over after before during under has have had will would should may "
    "might must not no yes also other besides any all each both more most some such only own same so very just "
    "per via sb sth according actually really exactly basically anyway".split()
)
# How people talk in a chat, not what they ask about: pronouns, pointing words, "about", "in all", "in the end",
# "what ways" (哪些做法), "go on" (接下去), "the boss" (老闆, 高層: a report writes the title), "at first" (最開始, 起初,
# 原本) (query.missing_share).
# A question asks nothing by them, so none is a word the report lacks, whether or not it writes them.
CHINESE_CONVERSATION_WORDS = frozenset(
    "他們 她們 我們 咱們 你們 大家 對方 人家 那邊 這邊 那裡 這裡 那兒 這兒 那天 這天 當天 那個 這個 那些 這些 那次 這次 "
    "那場 這場 那時 當時 時候 大概 大約 差不多 總共 一共 最後 後來 以後 之後 之前 當初 到底 究竟 真的 一下 一點 有沒有 沒有 "
    "是不是 出來 起來 回來 要是 還有 完了 東西 做法 作法 接下 下去 老闆 高層 一路 開始 起初 最初 原本 本來".split()
)
# Sentence adverbs ending in 上 ("整體上都做了哪些事": on the whole, all): they claim their 上 from a dictionary name
# starting with it (上都).
CHINESE_SENTENCE_ADVERBS = frozenset("整體上 基本上 實際上 事實上 大致上 大體上 總體上 原則上 一般上 表面上".split())
# Times of a day and days counted from today: when, never who ("隔天早上是誰接待？" asks of no role 早上).
CHINESE_TIME_WORDS = frozenset("早上 上午 中午 下午 傍晚 晚上 凌晨 今天 明天 昨天 前天 後天 隔天 當天 那天".split())
# Pronouns: who a question points at, never a thing a report could lack (query.missing_share).
ENGLISH_PRONOUNS = frozenset(
    "i me my we us our you your he him his she her they them it anyone someone anybody somebody everyone everybody "
    "anything something everything".split()
)
# What a question's content tokens leave out (text.tokens.content_tokens). "can" and "could" count as content
# here, as they did when the sentence weights were fitted.
QUESTION_STOPWORDS = (
    CHINESE_QUESTION_WORDS | (ENGLISH_QUESTION_WORDS - {"can", "could"}) | frozenset({"report", "trip"})
)
# English words never translated into the report's words (translation.py).
ENGLISH_STOPWORDS = ENGLISH_QUESTION_WORDS | ENGLISH_GENRE_WORDS | ENGLISH_FUNCTION_WORDS

# Where a Latin word starts and ends: beside any character but a letter or digit. Han characters are word characters
# to `\b`, and staff write a name straight after them ("去<Name>").
LATIN_WORD_START, LATIN_WORD_END = r"(?<![A-Za-zÀ-ÿ0-9])", r"(?![A-Za-zÀ-ÿ0-9])"
# A word with a capital letter: a name (UNESCO, Maersk, iPhone, São-Tomé) unless it is a question word.
_CAPITALIZED_RE = re.compile(rf"{LATIN_WORD_START}[A-Za-zÀ-ÿ]*[A-ZÀ-Ý][A-Za-zÀ-ÿ'\-]+")
# A possessive's ending ("Maersk's" is Maersk), or an "is" contracted ("When's" is When).
POSSESSIVE_RE = re.compile(r"'s$")


_NO_NAMES = ENGLISH_STOPWORDS | ABBREVIATIONS.keys()


def capitalized_names(text: str, min_chars: int = 2) -> list[str]:
    """Return the words of `text` with a capital letter, at least `min_chars` long, that are not question,
    function or genre words nor abbreviations of common nouns ("What", "The", "Mayor", "HQ"), in order; a
    possessive's "'s" left off ("Maersk's")."""
    words = (POSSESSIVE_RE.sub("", w) for w in _CAPITALIZED_RE.findall(text))
    return [w for w in words if len(w) >= min_chars and w.lower() not in _NO_NAMES]
