"""Word lists shared by every step (question words, stopwords) and spotting capitalized names in a question."""

from __future__ import annotations

import re

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
# Further English function words, which have no meaning of their own to translate.
ENGLISH_FUNCTION_WORDS = frozenset(
    "as being their there here than then into over after before during under has have had will would should may "
    "might must not no yes also other besides any all each both more most some such only own same so very just "
    "per via sb sth according".split()
)
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

# A word with a capital letter: a name (UNESCO, Maersk, iPhone, São-Tomé) unless it is a question word.
_CAPITALIZED_RE = re.compile(r"\b[A-Za-zÀ-ÿ]*[A-ZÀ-Ý][A-Za-zÀ-ÿ'\-]+")


def capitalized_names(text: str, min_chars: int = 2) -> list[str]:
    """Return the words of `text` with a capital letter, at least `min_chars` long, that are not question,
    function or genre words ("What", "The", "Mayor"), in order."""
    return [w for w in _CAPITALIZED_RE.findall(text) if len(w) >= min_chars and w.lower() not in ENGLISH_STOPWORDS]
