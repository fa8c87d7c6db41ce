"""Copy check for eval questions: does a question reuse the report's wording (a run of 6+ shared characters)?"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..text.normalize import fold, to_traditional
from .questions import Question

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


def leakage_table(questions: list[Question], leaks: list[Leak]) -> tuple[str, float]:
    """Return a Markdown table of the staff-phrased share per split and kind, and the share over all
    Chinese questions (English questions cannot copy the report's characters and are left out)."""
    copied = {leak.question_id: leak.copied for leak in leaks}
    rows = ["| scope | Chinese questions | staff-phrased | copies (6+ shared characters) |", "|---|---|---|---|"]
    zh = [q for q in questions if q.id in copied]
    scopes = [("all", zh)] + [
        (f"{attr}={value}", [q for q in zh if getattr(q, attr) == value])
        for attr in ("split", "kind")
        for value in dict.fromkeys(getattr(q, attr) for q in zh if getattr(q, attr))
    ]
    for name, qs in scopes:
        if not qs:
            continue
        n_copied = sum(copied[q.id] for q in qs)
        rows.append(f"| {name} | {len(qs)} | {(len(qs) - n_copied) / len(qs):.0%} | {n_copied} |")
    share = (len(zh) - sum(copied.values())) / len(zh) if zh else 1.0
    return "\n".join(rows), share
