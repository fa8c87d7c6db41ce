"""Simplified questions converted as the reports write them: 奥里诺 as 奧里諾 (not 奧裡諾), 签的 as 簽的 (not 籤的).

One Simplified character can stand for several Traditional ones (里: 里 and 裡, 签: 簽 and 籤), and the converter
picks one by its own phrase rules. Where it picks a character the reports never write beside the same neighbours,
the one they do write is taken instead.
"""

from __future__ import annotations

from collections.abc import Callable

from .normalize import _opencc, fold, has_han


class ReportSpelling:
    """Corrects a Simplified-to-Traditional conversion (`normalize_query`'s `respell`) by what the reports write."""

    def __init__(self, folded_text: str, is_word: Callable[[str], bool] = lambda pair: False) -> None:
        self.folded_text = folded_text
        self.is_word = is_word  # is a (folded) pair of characters a dictionary word?
        self._by_simplified: dict[str, set[str]] | None = None

    def __call__(self, asked: str, converted: str) -> str:
        """Return `converted` (the Traditional form of `asked`, as long) with a converted character replaced by another
        the reports write for it where that one forms a pair with a neighbour the reports write (twice) and the
        converted one none; or, neither forming a dictionary word with a neighbour (收穫 is one), where the reports write only it."""
        out = list(converted)
        for i, (before, after) in enumerate(zip(asked, converted)):
            if before == after or not has_han(before):
                continue
            others = sorted(self.written_for(before) - {after})
            best = max(others, key=lambda c: len(self._pairs(out, i, c, self._written)), default=after)
            if self._pairs(out, i, best, self._written) and not self._pairs(out, i, after, self._written):
                out[i] = best
            elif not any(self._pairs(out, i, c, self.is_word) for c in (after, *others)):
                if fold(after) not in self.folded_text and others:
                    out[i] = others[0]
        return "".join(out)

    def written_for(self, simplified: str) -> set[str]:
        """Return the characters the reports write whose Simplified form is `simplified` (itself included)."""
        if self._by_simplified is None:
            chars = sorted({ch for ch in self.folded_text if has_han(ch)})
            # One conversion of all the reports' characters, one per line, keeps it to one call.
            simple = _opencc("t2s").convert("\n".join(chars)).split("\n")
            by: dict[str, set[str]] = {}
            for ch, s in zip(chars, simple):
                by.setdefault(s, set()).add(ch)
            self._by_simplified = by
        return self._by_simplified.get(simplified, set())

    def _written(self, folded: str) -> bool:
        # Twice at least: one slip of a report's typing ("以后" among its "以後") is not how it writes a word.
        return self.folded_text.count(folded) >= 2

    @staticmethod
    def _pairs(out: list[str], i: int, ch: str, test: Callable[[str], bool]) -> list[str]:
        """Return the pairs `ch` forms at position `i` with its neighbours in `out` that pass `test` (folded)."""
        pairs = [fold(out[i - 1] + ch)] if i > 0 else []
        pairs += [fold(ch + out[i + 1])] if i + 1 < len(out) else []
        return [p for p in pairs if has_han(p) and test(p)]
