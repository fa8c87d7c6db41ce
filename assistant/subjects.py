"""The places and parties a question names, and a follow-up that swaps one for another ("那<city>那邊呢？")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass

from .glossary import fold_latin
from .parties import spelling_pattern
from .text.normalize import fold, has_han

PLACE, PARTY = "place", "party"

# A follow-up naming only a new subject: "那<X>那邊呢？", "至於<X>呢？", "what about <X>?", "and at <X>?".
_SWITCH_HAN = re.compile(
    r"^(?:那麼|那|至於|還有|而)\s*(?P<x>[^，。,?？]{1,16}?)\s*(?:那邊|那裡|那兒|的話|方面|的部分|那場|那站)?\s*呢\s*[?？]?$"
)
_SWITCH_LATIN = re.compile(r"^(?i:and|what about|how about)\s+(?:(?:at|in|with|for|the)\s+)*(?P<x>[^?]{1,40}?)\s*\??$")
# A place's own government: "<city>市政府", "大<city>市政府" (a metropolis), "<county>縣政府", "<town>公所".
_GOVERNMENT_RE = re.compile(r"(?P<place>.+?)(?:市|縣|省|區|鎮|鄉)?(?:政府|市府|公所)")
# What is left of a party's name once its city is taken off ("<city>海事博物館"), to name it alone: this many characters.
_MIN_REST_CHARS = 3
# A name with a word for a place's own kind after it ("<city>市") is the place itself.
_PLACE_SUFFIXES = ("", "市", "縣", "區", "省")


@dataclass(frozen=True)
class Subject:
    """A place or party named in a text: text[start:end], its kind (PLACE or PARTY) and its name as the reports
    write it in Chinese (for a Latin name, the glossary's Chinese name)."""

    start: int
    end: int
    kind: str
    name: str


class SubjectFinder:
    """Finds the reports' places (itinerary places) and parties (glossary names, Latin or Chinese) in a text."""

    def __init__(self, places: Iterable[str], glossary: Mapping[str, str]) -> None:
        place_names = {fold(p) for p in places if len(p) >= 2}
        entries: dict[str, tuple[str, str]] = {p: (PLACE, p) for p in place_names}
        # A party named after its city is named without it too (<city>海事博物館 as 海事博物館), unless two parties'
        # names leave the same rest (<city>港務局, <other city>港務局) or it is a government or a stub (<city>市政府).
        rests: dict[str, set[str]] = {}
        for alias, name in glossary.items():
            kind = PLACE if any(fold(name) == p + end for p in place_names for end in _PLACE_SUFFIXES) else PARTY
            for spelling in (fold(alias), fold(name)):
                if len(spelling) >= 2 and entries.get(spelling, (PARTY,))[0] != PLACE:
                    entries[spelling] = (kind, name)
            for rest in (fold(name)[len(p) :] for p in place_names if kind == PARTY and fold(name).startswith(p)):
                if len(rest) >= _MIN_REST_CHARS and not _GOVERNMENT_RE.fullmatch(rest):
                    rests.setdefault(rest, set()).add(name)
        for rest, names in rests.items():
            if len(names) == 1:
                entries.setdefault(rest, (PARTY, names.pop()))
        self._names = sorted(entries.items(), key=lambda item: (-len(item[0]), item[0]))
        self._places = frozenset(place_names)

    def is_place(self, name: str) -> bool:
        """Return True when `name` is a place of the itineraries, or one with a place's kind word ("<city>市")."""
        return names_a_place(fold(name), self._places)

    def governed_place(self, name: str) -> str:
        """Return the place a party is the own government of ("<city>市政府", "大<city>市政府": <city>), or "" for a
        party that is none (a body named after a place, "<city>港務局")."""
        m = _GOVERNMENT_RE.fullmatch(fold(name))
        place = m.group("place") if m else ""
        if self.is_place(place):
            return place
        # 大 is a metropolis's ("大<city>市政府"), or a place's own first character (大<…>市政府 of a city 大<…>).
        return place[1:] if place.startswith("大") and self.is_place(place[1:]) else ""

    def find(self, text: str) -> list[Subject]:
        """Return the subjects `text` names, longest first where two overlap, in reading order."""
        folded = _unaccented(fold(text))
        if len(folded) != len(text):  # offsets would not point into the text as written
            return []
        found: list[Subject] = []
        for spelling, (kind, name) in self._names:
            for m in re.finditer(spelling_pattern(spelling), folded):
                if not any(s.start < m.end() and m.start() < s.end for s in found):
                    found.append(Subject(m.start(), m.end(), kind, name))
        return sorted(found, key=lambda s: s.start)


def names_a_place(folded: str, places: Set[str]) -> bool:
    """Return True when a folded name is one of `places` (folded), or one with a place's kind word ("<city>市")."""
    return folded in places or any(folded.endswith(end) and folded[: -len(end)] in places for end in _PLACE_SUFFIXES)


def _unaccented(text: str) -> str:
    """Return folded `text` with each accented Latin letter as its base letter ("élysée" -> "elysee"), one for one, as
    the glossary spells Latin names (`glossary.fold_latin`); offsets into `text` still hold, and other scripts' marks
    (a kana's voicing) stay."""
    return "".join(base if len(base := fold_latin(ch)) == 1 and base.isascii() else ch for ch in text)


def switched(question: str, previous: str, finder: SubjectFinder) -> str | None:
    """Return `previous` asked of the subject a follow-up switches to ("在<A>時由誰接待？" then "那<B>那邊呢？" ->
    "在<B>時由誰接待？"), or None unless the follow-up names only a place or party and `previous` names one of the
    same kind to swap.

    Both texts are questions as matched (normalized). The name goes in as the previous question writes names: in
    Chinese where it writes the swapped one in Chinese.
    """
    m = _SWITCH_HAN.match(question) or _SWITCH_LATIN.match(question)
    if not m:
        return None
    said = m.group("x").strip()
    new = finder.find(said)
    if len(new) != 1 or (new[0].start, new[0].end) != (0, len(said)):  # "那<city>的行程呢？" asks more
        return None
    named = finder.find(previous)
    old = [s for s in named if s.kind == new[0].kind]
    if not old and new[0].kind == PLACE:  # a place's own government (<city>市政府) stands for the place
        old = [s for s in named if s.kind == PARTY and finder.governed_place(s.name)]
        if old and _same(new[0].name, finder.governed_place(old[0].name)):  # the same place again
            return None
    if not old:
        return None
    replaced = previous[old[0].start : old[0].end]
    name = new[0].name if has_han(replaced) else said
    if _same(name, replaced) or _same(new[0].name, old[0].name):
        return None
    return previous[: old[0].start] + name + previous[old[0].end :]


def _same(a: str, b: str) -> bool:
    """Return True when two names are one: alike folded, or but for a place's kind word ("<city>市")."""
    a, b = fold(a), fold(b)
    return any(a == b + end or b == a + end for end in _PLACE_SUFFIXES)
