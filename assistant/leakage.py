"""Copy check for eval questions: does a question reuse the report's wording (a run of 6+ shared characters)?"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .text.normalize import fold, to_traditional

# A question sharing this many consecutive characters with the report (proper names, numbers and
# dates aside) copies its wording: BM25 finds it by construction, so it does not measure the product.
COPY_RUN = 6
# Staff-phrased questions must stay at least this share of the Chinese questions (CI checks it).
MIN_STAFF_PHRASED = 0.60
_MASK = "\0"
_LATIN_OR_NUMBER_RE = re.compile(r"[a-z0-9][a-z0-9./:'\-]*")
_WS_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class Leak:
    """The longest run of characters a question shares with the report (names, numbers and dates masked)."""

    question_id: str
    run: str

    @property
    def copied(self) -> bool:
        """Return True when the shared run is long enough to count as copied wording."""
        return len(self.run) >= COPY_RUN


def _flat(text: str) -> str:
    return _WS_RE.sub("", fold(text))


def masked_question(question: str, names: Iterable[str] = ()) -> str:
    """Return the question as compared with the report: Traditional, folded, spaceless, with its declared
    proper names and every Latin word or number replaced by a mask no report run can cross."""
    text = _flat(to_traditional(question))
    for name in sorted((_flat(n) for n in names), key=len, reverse=True):
        if name:
            text = text.replace(name, _MASK)
    return _LATIN_OR_NUMBER_RE.sub(_MASK, text)


def longest_shared_run(question: str, report_flat: str) -> str:
    """Return the longest substring of `question` (already masked) that occurs in `report_flat`."""
    best = ""
    for i in range(len(question)):
        j = i + len(best) + 1
        while j <= len(question) and _MASK not in question[i:j] and question[i:j] in report_flat:
            best = question[i:j]
            j += 1
    return best


def check(questions: Iterable, report_texts: Iterable[str]) -> list[Leak]:
    """Return each Chinese question's longest run shared with the reports (English questions cannot copy)."""
    flat = "\n".join(_flat(t) for t in report_texts)
    return [
        Leak(q.id, longest_shared_run(masked_question(q.question, q.names), flat)) for q in questions if q.lang != "en"
    ]
