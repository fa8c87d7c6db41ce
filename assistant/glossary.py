"""A bilingual glossary mined from the reports themselves: 鹿特丹港（Port of Rotterdam）, 港務局（Port Authority）, ...

The report names most foreign parties in both scripts. A question in English that names one
(e.g. "Port Authority", "Maasvlakte") is matched lexically with the Chinese name as well.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable

from .answer_type import TITLE_RE
from .ingest import Document
from .text.normalize import HAN_CHARS, has_han

_PAIR_RE = re.compile(rf"([{HAN_CHARS}]{{2,24}})\s*[（(]\s*([^（）()\n]{{2,60}}?)\s*[）)]")
# Words that end the phrase before a name: what comes after the last of them is the name.
_LEAD_RE = re.compile(
    r".*(參訪|拜訪|拜會|前往|出席|參加|包括|委託|位於|坐落於|造訪|借鏡|訪問|選擇了|邀請|由|與|及|和|的|於|在|為|並|之|是)"
)
# A name after a lead word is bounded by it ("參訪鹿特丹港口數據研究院"); with none, the run is cut to its last
# `_MAX_NAME` characters and then past a title ("前任市長<name>") and what the name stands without elsewhere.
_MAX_LED_NAME = 12
# What a title is cut off before: a person's name (2 to 5 characters), not an office ("<title>辦公室主任",
# "<title>事務所") or another title.
_PERSON_AFTER_TITLE = re.compile(rf"[{HAN_CHARS}]{{2,5}}(?<![所室處局會院部司廳館心長任])")
_MAX_NAME = 8
_MAX_CUT = 2
_ALIAS_SPLIT = re.compile(r"\s*[,，;；]\s*")
_WORD_RE = re.compile(r"[a-z0-9]+")
# Alias words that never point at one party: French and English function words, and words for kinds of
# places. Which other words are too common (a country or city in many names) is read off the corpus
# instead: see `shared_words`.
COMMON_ALIAS_WORDS = frozenset(
    "de la le les du des d l of the and et en parc park place canal hotel chateau river boulevard valley "
    "quartier".split()
)


def fold_latin(text: str) -> str:
    """Return text case-folded with accents removed ('Éléphant' -> 'elephant')."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _name(run: str, text: str) -> str:
    """Return the name a run of Han characters ends with, before a 中文（Latin） pair's parenthesis in `text`: after
    its last lead word or title ("前任市長<name>"); a run cut for length starts where the name stands alone
    elsewhere in `text` ("主辦單位<name>" when a heading writes the name after another character)."""
    m = _LEAD_RE.match(run)
    led = bool(m and m.end() < len(run) - 1)
    name = run[m.end() :] if led else run
    titles = [t for t in TITLE_RE.finditer(name) if t.end() <= len(name) - 2]
    if titles and _PERSON_AFTER_TITLE.fullmatch(name[titles[-1].end() :]):
        name = name[titles[-1].end() :]
    limit = _MAX_LED_NAME if led else _MAX_NAME
    if len(name) <= limit:
        return name
    name = name[-limit:]
    # The cut may leave a character or two of the words before ("位<name>"): drop them where the rest stands
    # after another character elsewhere. No further: a name's last word stands alone often (數據平臺).
    alone = (k for k in range(1, _MAX_CUT + 1) if any(text[i - 1] != name[k - 1] for i in _starts(text, name[k:])))
    return name[next(alone, 0) :]


def _starts(text: str, piece: str) -> list[int]:
    """Return where `piece` starts in `text`, past its first character."""
    return [m.start() for m in re.finditer(re.escape(piece), text) if m.start() > 0]


def mine_glossary(documents: list[Document]) -> dict[str, str]:
    """Return {folded Latin alias: Chinese name} for every 中文（Latin）pair in the documents.

    When one alias follows several phrasings, the most frequent name wins.
    """
    votes: dict[str, Counter] = {}
    for doc in documents:
        for m in _PAIR_RE.finditer(doc.text):
            latin = m.group(2)
            if not re.search(r"[A-Za-z]", latin) or has_han(latin):
                continue
            name = _name(m.group(1), doc.text)
            for alias in _ALIAS_SPLIT.split(latin):
                key = " ".join(_WORD_RE.findall(fold_latin(alias)))
                if key and key not in COMMON_ALIAS_WORDS and len(key) >= 2:
                    votes.setdefault(key, Counter())[name] += 1
    return {alias: counter.most_common(1)[0][0] for alias, counter in votes.items()}


def shared_words(glossary: dict[str, str]) -> frozenset[str]:
    """Return the alias words that stand in the aliases of unrelated names (names sharing no two characters):
    "port" in Port of Rotterdam and Port of Antwerp tells neither party, so it alone matches neither (the
    whole alias still does). Read once per glossary: it compares every two names sharing a word."""
    names_of: dict[str, set[str]] = {}
    for alias, name in glossary.items():
        for word in alias.split():
            names_of.setdefault(word, set()).add(name)
    return frozenset(word for word, names in names_of.items() if not _one_party(names))


def _one_party(names: set[str]) -> bool:
    """Return True when every two of `names` share a pair of characters (鹿特丹港 and 鹿特丹港務局)."""
    pairs = [{name[i : i + 2] for i in range(len(name) - 1)} for name in names]
    return all(a & b for i, a in enumerate(pairs) for b in pairs[i + 1 :])


def expand(question: str, glossary: dict[str, str], shared: frozenset[str] | None = None) -> list[str]:
    """Return the Chinese names of the glossary entries a (Latin-script) question mentions.

    An alias matches as a whole phrase, or through one of its distinctive words of 4+ letters: not a
    generic word, nor one of `shared` (default: `shared_words(glossary)`, best computed once), nor a word that is an
    alias of its own (Lyon names 里昂, not the 里昂大學 of "Université de Lyon").
    """
    words = _WORD_RE.findall(fold_latin(question))
    text = f" {' '.join(words)} "
    shared = shared_words(glossary) if shared is None else shared
    names = []
    for alias, name in glossary.items():
        alias_words = alias.split()
        distinctive = (
            w
            for w in alias_words
            if len(w) >= 4 and w not in COMMON_ALIAS_WORDS and w not in shared and (w == alias or w not in glossary)
        )
        if f" {alias} " in text or any(w in words for w in distinctive):
            if name not in names:
                names.append(name)
    return names


def named_alias_words(question: str, glossary: dict[str, str]) -> frozenset[str]:
    """Return the (folded) words of the glossary aliases a Latin-script question names whole ("Jardin des Plantes"):
    words of a name, which a dictionary must not translate one by one (Plantes there is no plant)."""
    text = f" {' '.join(_WORD_RE.findall(fold_latin(question)))} "
    return frozenset(w for alias in glossary if f" {alias} " in text for w in alias.split())


def plain_names(
    glossary: dict[str, str], translate: Callable[[str], list[str]], frequency: Callable[[str], int]
) -> dict[str, str]:
    """Return the glossary with a one-word alias's name cut to the dictionary's word for it when the report wrote an
    epithet before it ("山城重慶（Chongqing）": the dictionary gives 重慶 for Chongqing) and uses the word alone more
    often (`frequency(word)`: the passages using it): the name the report uses elsewhere."""
    out = dict(glossary)
    for alias, name in glossary.items():
        if " " in alias:
            continue
        shorter = [w for w in translate(alias) if 2 <= len(w) < len(name) and name.endswith(w)]
        shorter = [w for w in shorter if frequency(w) > frequency(name)]
        if shorter:
            out[alias] = max(shorter, key=len)
    return out
