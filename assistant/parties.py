"""The parties a question names, and whether a sentence lies in the part of a report that mentions them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .glossary import COMMON_ALIAS_WORDS, fold_latin
from .index import Index
from .ingest import Section
from .text.normalize import fold
from .text.words import capitalized_names

_WORD_RE = re.compile(r"[a-z0-9]+")
# A Latin letter or digit, accented ones too (not × and ÷, which Latin-1 sets among them).
_LETTER = r"[a-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]"
# A glossary name this short (港務, 市府) is too common a word to tell the party it names.
_MIN_NAME_CHARS = 3


def named_parties(question: str, glossary: dict[str, str]) -> list[tuple[str, ...]]:
    """Return the parties `question` names, each as the folded spellings a report writes it with: a glossary
    entry named in either script (Port of Rotterdam or 鹿特丹港 -> 鹿特丹港, port, rotterdam), or another
    capitalized name."""
    folded = fold(question)
    latin = f" {' '.join(_WORD_RE.findall(fold_latin(question)))} "
    # A capitalized word for a kind of place ("Parc", "Canal") names no one party.
    names = [w for w in capitalized_names(question, min_chars=3) if fold_latin(w) not in COMMON_ALIAS_WORDS]
    parties: list[tuple[str, ...]] = []
    taken: set[str] = set()
    for alias, name in glossary.items():
        if f" {alias} " in latin or (len(name) >= _MIN_NAME_CHARS and fold(name) in folded):
            own = [w for w in names if fold_latin(w) in alias.split()]  # its Latin words, as the question writes them
            if not own and len(alias.split()) > 1 and all(len(w) == 1 for w in alias.split()):
                dotted = re.search(r"\W?".join(map(re.escape, alias.split())), fold_latin(question))
                own = [dotted.group(0)] if dotted else []  # an acronym written with dots: "P.D.I." for "p d i"
            taken.update(own)
            parties.append((fold(name), *(fold(w) for w in own)))
    parties += [(fold(word),) for word in names if word not in taken]
    return list(dict.fromkeys(parties))


def holds(text: str, spelling: str) -> bool:
    """Return True when folded `text` holds `spelling`: a Latin one as a whole word ("port" is not in "airport")."""
    if not spelling:
        return False
    if spelling.isascii():
        return re.search(spelling_pattern(spelling), text) is not None
    return spelling in text


def heads(head: Section, spellings: Sequence[str]) -> bool:
    """Return True when a part's heading (`head`, its top section in `Document.parts`) names a party by one of its
    folded `spellings`."""
    return bool(head.path) and len(head.path) > 1 and any(s and holds(fold(head.path[-1]), s) for s in spellings)


def spelling_pattern(spelling: str) -> str:
    """Return a pattern finding `spelling` (folded) in folded text as `holds` does: a Latin one as a whole word."""
    if spelling.isascii():  # an accented letter is a letter too: "mes" is no word of "systèmes"
        return rf"(?<!{_LETTER}){re.escape(spelling)}(?!{_LETTER})"
    return re.escape(spelling)


class PartyScope:
    """The parts of each report (a top-level section, or one of its visits with their subsections) and which
    parties each part mentions."""

    def __init__(self, index: Index, max_share: float) -> None:
        self.index = index
        self.max_share = max_share
        self._telling = lru_cache(maxsize=4096)(self._parts_telling)

    def in_scope(self, doc_id: str, offset: int, parties: Sequence[tuple[str, ...]]) -> bool:
        """Return True when the part holding `offset` mentions one of `parties` that few parts mention: a party
        every part names (the trip's own city) tells no part from another."""
        part = self.index.document(doc_id).part_at(offset)
        return any(part in self._telling(doc_id, spellings) for spellings in parties)

    def _parts_telling(self, doc_id: str, spellings: tuple[str, ...]) -> frozenset[int]:
        """Return the indices (in `Document.parts`) of the parts of `doc_id` whose text holds one of `spellings`,
        the table of contents left out; none when more than `max_share` of the parts do."""
        texts = self.index.document(doc_id).folded_parts
        mentioned = frozenset(i for i, text in enumerate(texts) if any(holds(text, s) for s in spellings))
        counted = sum(1 for text in texts if text)  # the contents, which name every part, left out
        return mentioned if len(mentioned) <= self.max_share * counted else frozenset()
