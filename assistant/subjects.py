"""The places and parties a question names, and a follow-up that swaps one for another ("那<city>那邊呢？")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .text.normalize import fold

PLACE, PARTY = "place", "party"

# A follow-up naming only a new subject: "那<X>那邊呢？", "至於<X>呢？", "what about <X>?", "and at <X>?".
_SWITCH_HAN = re.compile(
    r"^(?:那麼|那|至於|還有|而)\s*(?P<x>[^，。,?？]{1,16}?)\s*(?:那邊|那裡|那兒|的話|方面|的部分|那場|那站)?\s*呢\s*[?？]?$"
)
_SWITCH_LATIN = re.compile(r"^(?i:and|what about|how about)\s+(?:(?:at|in|with|for|the)\s+)*(?P<x>[^?]{1,40}?)\s*\??$")
# Beside the name, the follow-up may say this many characters more ("<X>的", "the <X> visit").
_MAX_OTHER_CHARS = 6


@dataclass(frozen=True)
class Subject:
    """A place or party named in a text: text[start:end], and its kind (PLACE or PARTY)."""

    start: int
    end: int
    kind: str


class SubjectFinder:
    """Finds the reports' places (itinerary places) and parties (glossary names, Latin or Chinese) in a text."""

    def __init__(self, places: Iterable[str], names: Iterable[str]) -> None:
        self._names = sorted(
            {(fold(p), PLACE) for p in places if len(p) >= 2} | {(fold(n), PARTY) for n in names if len(n) >= 2},
            key=lambda item: -len(item[0]),
        )

    def find(self, text: str) -> list[Subject]:
        """Return the subjects `text` names, longest first where two overlap, in reading order."""
        folded = fold(text)
        if len(folded) != len(text):  # offsets would not point into the text as written
            return []
        found: list[Subject] = []
        for name, kind in self._names:
            pattern = rf"(?<![a-z0-9]){re.escape(name)}(?![a-z0-9])" if name.isascii() else re.escape(name)
            for m in re.finditer(pattern, folded):
                if not any(s.start < m.end() and m.start() < s.end for s in found):
                    found.append(Subject(m.start(), m.end(), kind))
        return sorted(found, key=lambda s: s.start)


def switched(question: str, previous: str, finder: SubjectFinder) -> str | None:
    """Return `previous` asked of the subject a follow-up switches to ("在<A>時由誰接待？" then "那<B>那邊呢？" ->
    "在<B>時由誰接待？"), or None when the follow-up names no new subject alone or `previous` names none to swap.

    Both texts are questions as matched (normalized); a place replaces a place, a party a party, when it can.
    """
    m = _SWITCH_HAN.match(question) or _SWITCH_LATIN.match(question)
    if not m:
        return None
    said = m.group("x")
    new = finder.find(said)
    if len(new) != 1 or len(said) - (new[0].end - new[0].start) > _MAX_OTHER_CHARS:
        return None
    name = said[new[0].start : new[0].end]
    old = finder.find(previous)
    old = [s for s in old if s.kind == new[0].kind] or old
    if not old or fold(previous[old[0].start : old[0].end]) == fold(name):
        return None
    return previous[: old[0].start] + name + previous[old[0].end :]
